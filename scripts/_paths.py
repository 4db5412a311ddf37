"""What every script shares: the core importable from a fresh clone without `pip install`,
and a main that never shows a clerk a traceback."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO / "plugins") not in sys.path:
    sys.path.insert(0, str(REPO / "plugins"))


def guarded_main(run: Callable[[list[str] | None], int], argv: list[str] | None = None) -> int:
    """Run a script's `run`: Vietnamese on any console; an unexpected failure is one line
    and exit code 1, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    try:
        return run(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - the clerk gets a sentence, not a traceback
        print(f"Lỗi không mong đợi: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
