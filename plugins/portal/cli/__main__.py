"""`python -m portal.cli`: the same as the console script `cotcan`."""

from __future__ import annotations

import sys

from . import main

if __name__ == "__main__":  # imported by a walk over the package, it runs nothing
    sys.exit(main())
