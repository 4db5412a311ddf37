"""Running the office's commands as the clerk does: `cotcan ...`.

`cotcan` calls the console script's `main(argv)` in this process, in `cwd`, and returns what a
subprocess would: exit code, standard output and standard error. It tests the same code as the
console script without a fresh interpreter's second of start-up and imports. `cotcan_process`
runs `python -m portal.cli` for real, for the few tests where the process is the point:
test_cli's console that is not UTF-8 (the exit code, the Vietnamese, no traceback) and
test_newsite's new site; test_cli also runs the installed console script itself.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

from conftest import REPO
from portal.cli import main

# tao-trang run from this source install names no wheel by default (it refuses): a pip line
# pinned to a commit stands for the office's copy of the package where the test is not about it.
PINNED_PACKAGE = ("--package", "portal-cot-can @ git+https://example.invalid/portal-cot-can@" + "0" * 40)


def cotcan(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """`cotcan ARGS` in `cwd`, in this process; argparse's exit (--help, a wrong command line)
    is returned as the exit code, as the console script's would be."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as done:
            code = 0 if done.code is None else done.code if isinstance(done.code, int) else 1
    return subprocess.CompletedProcess(["cotcan", *args], code, out.getvalue(), err.getvalue())


def cotcan_process(*args: str, cwd: Path = REPO,
                   env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`cotcan ARGS` through `python -m portal.cli` (the console script's `main`), in a fresh
    interpreter in `cwd`."""
    return subprocess.run([sys.executable, "-m", "portal.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=env, timeout=600)
