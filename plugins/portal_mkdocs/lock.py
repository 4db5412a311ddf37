"""One build at a time may publish into a site folder: an exclusive lock beside it.

`fcntl.flock` on `.<site>.lock`. The kernel drops the lock when its process ends, however
it ends (Ctrl-C, SIGKILL, a crash), so a dead build never keeps it. The holder writes its
process id into the file, for the message a waiting build shows. The file itself stays:
removing a lock file races with the next build opening it.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.2


class SiteLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float, on_wait: Callable[[int | None], None]) -> bool:
        """Take the lock, waiting up to `timeout` seconds; `on_wait(holder)` is called once
        if another build holds it. False when the time ran out."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not waited:
                    on_wait(self.holder())
                    waited = True
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return True

    def holder(self) -> int | None:
        """The process id the current holder wrote, if it is readable."""
        try:
            return int(self.path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor releases the flock
            self._fd = None
