"""`python -m portal.cli`: the same as the console script `cotcan`."""

from __future__ import annotations

import sys

from .app import main

sys.exit(main())
