"""Atomic steps on folders and links: what publishing is made of.

- `exchange(a, b)`: Linux's renameat2(RENAME_EXCHANGE), through ctypes, swaps two
  folders in one step: at every instant each path names a whole folder.
- `replace_by_renames(new, final, aside)`: where that is missing (another system, an
  old kernel, a file system without it), two renames: `final` aside, `new` in its place.
  Between them `final` does not exist; `restore_aside` puts the old folder back, and the
  next build calls it before anything else.
- `switch_link(link, text)`: a new symlink under a temporary name, then `os.replace`
  over the old one (rename(2) is atomic for links too).
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .killpoints import Step, checkpoint

_AT_FDCWD = -100
_RENAME_EXCHANGE = 1 << 1  # linux/fs.h
# renameat2 returns these when the kernel or the file system cannot exchange.
_NO_EXCHANGE = frozenset({errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP})


def _load_renameat2() -> Callable[[int, bytes, int, bytes, int], int] | None:
    if sys.platform != "linux":
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2  # glibc >= 2.28
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


# None where the C library has no renameat2; the tests set it to None to run the fallback.
renameat2 = _load_renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step. False where the system cannot; OSError when it refused."""
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(b))


def replace_by_renames(new: Path, final: Path, aside: Path) -> None:
    """Put `new` where `final` is, moving `final` to `aside` first (the caller removes it)."""
    os.rename(final, aside)
    checkpoint(Step.OLD_MOVED)
    try:
        os.rename(new, final)
    except OSError:
        os.rename(aside, final)  # the old site back in place before the error is reported
        raise


def restore_aside(final: Path, asides: list[Path]) -> bool:
    """Undo a replacement cut between its two renames: `final` is missing and its old
    folder is aside. The newest of `asides` goes back. True when one did."""
    if os.path.lexists(final) or not asides:
        return False
    os.rename(max(asides, key=lambda path: path.stat().st_mtime_ns), final)
    return True


def switch_link(link: Path, text: str, temporary: Path) -> None:
    """Point the symlink `link` at `text` in one step."""
    if os.path.lexists(temporary):
        os.unlink(temporary)
    os.symlink(text, temporary)
    checkpoint(Step.LINKED)
    os.replace(temporary, link)
