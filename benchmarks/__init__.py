"""Benchmarks of brief: speed and quality measured on real data, printed as tables.

Run them from the repository root (``python -m benchmarks`` for the side-by-side run against the
peer tools; each ``benchmarks/<stage>.py`` for one stage). They read ``../shared`` by path.
"""
