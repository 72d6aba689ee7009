"""brief: a ranked, faithful morning briefing from a day's Chinese news.

The library API is usable without the CLI::

    from brief import build_brief, render
    result = build_brief(["page.txt"])
    print(render(result.brief, "md"))

Names are resolved lazily so that ``import brief`` (and ``brief --help``) stays instant.
"""

__version__ = "0.3.1"

_LAZY = {
    "build_brief": "brief.pipeline",
    "read_inputs": "brief.ingest",
    "segment_page": "brief.ingest.segment",
    "get_summarizer": "brief.summarize",
    "rank": "brief.rank",
    "compose": "brief.deliver.compose",
    "render": "brief.deliver.rendering",
    "Article": "brief.document",
    "Summary": "brief.document",
    "BriefItem": "brief.document",
    "Brief": "brief.document",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'brief' has no attribute {name!r}")
