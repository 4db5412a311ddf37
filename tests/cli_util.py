"""Running the office's commands as the clerk does: `cotcan ...`, in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def cotcan(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`cotcan ARGS` through `python -m portal.cli` (the console script's `main`), in `cwd`."""
    return subprocess.run([sys.executable, "-m", "portal.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=env, timeout=600)
