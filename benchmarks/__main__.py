"""``python -m benchmarks``: the side-by-side benchmark (see benchmarks/README.md)."""

import sys

from benchmarks.run import main

sys.exit(main())
