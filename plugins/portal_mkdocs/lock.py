"""One build at a time may publish into a site folder: an exclusive lock beside it.

`fcntl.flock` on `.<site>.lock`. The kernel drops the lock when its process ends, however
it ends (Ctrl-C, SIGKILL, a crash), so a dead build never keeps it. The holder writes its
process id into the file, for the message a waiting build shows. The holder removes the file
before it lets the lock go (nothing is left beside the site; `mkdocs serve --clean` makes a
new site folder each run): a build that was waiting then holds the lock of a file no longer
there, sees it (the file at the path is not the one it locked) and starts again on a new one.
A process killed leaves the file, unlocked; the next build takes it and removes it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

with contextlib.suppress(ModuleNotFoundError):  # Windows: the plugin refuses to build there first (system.py)
    import fcntl

POLL_SECONDS = 0.2


class SiteLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float, on_wait: Callable[[int | None], None]) -> bool:
        """Take the lock, waiting up to `timeout` seconds; `on_wait(holder)` is called once
        if another build holds it. False when the time ran out."""
        deadline = time.monotonic() + timeout
        waited = False
        # Kept from the start: a Ctrl-C while it is taken still has release() remove the file.
        self._fd = self._open()
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not waited:
                    on_wait(self.holder())
                    waited = True
                if time.monotonic() >= deadline:
                    os.close(self._fd)
                    self._fd = None
                    return False
                time.sleep(POLL_SECONDS)
                continue
            if self._is_the_file(self._fd):
                break
            fd, self._fd = self._fd, None  # its holder removed it: the lock is that of the file there now
            os.close(fd)
            self._fd = self._open()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, f"{os.getpid()}\n".encode(), 0)
        return True

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)

    def _is_the_file(self, fd: int) -> bool:
        try:
            here = os.stat(self.path)
        except FileNotFoundError:
            return False
        locked = os.fstat(fd)
        return (here.st_dev, here.st_ino) == (locked.st_dev, locked.st_ino)

    def holder(self) -> int | None:
        """The process id the current holder wrote, if it is readable."""
        try:
            return int(self.path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        """Remove the file, if this process holds its lock, and let the lock go. Idempotent."""
        if self._fd is None:
            return
        try:  # held already (a no-op then), or taken now if acquire() was cut short; else another's
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pass
        else:
            if self._is_the_file(self._fd):  # removed while it is held: see the module's docstring
                self.path.unlink()
        os.close(self._fd)  # closing the only descriptor releases the flock
        self._fd = None
