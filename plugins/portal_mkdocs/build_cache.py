"""Files kept from one build to the next, for work whose result depends on its input alone.

The precompressed copies of Material's and Pagefind's scripts (precompress.py) are the same
bytes from build to build, and Brotli's best took 4 of the 7 seconds of a small site's build
(an office's portal of 229 pages; each test build paid it again). Kept here, they are made
once per machine and content.

- An entry is named by the SHA-256 of what it was made from and how (the caller's `recipe`:
  the method, its settings, the library's version), so a new Material or a new Brotli makes
  new entries rather than reusing old ones.
- A reader checks what it reads (the caller's `valid`: the copy decompresses to the file), so
  a damaged entry is made again, never published.
- Written under a temporary name, then renamed: two builds at once may write the same entry,
  neither ever reads half of one.
- An entry unused for PRUNE_AFTER_DAYS is removed by the next build (reading one renews it).
- Where the folder cannot be read or written (a read-only home, a full disk), the build
  works as without it. No output byte depends on the cache.

The folder: $PORTAL_CACHE_DIR (set empty: no cache), else $XDG_CACHE_HOME/portal-cot-can,
else ~/.cache/portal-cot-can (none where the user has no home).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ENVIRONMENT_VARIABLE = "PORTAL_CACHE_DIR"
FOLDER_NAME = "portal-cot-can"
PRUNE_AFTER_DAYS = 30


def default_folder() -> Path | None:
    """The cache's folder for this user, or None where $PORTAL_CACHE_DIR is set empty."""
    if ENVIRONMENT_VARIABLE in os.environ:
        chosen = os.environ[ENVIRONMENT_VARIABLE]
        return Path(chosen) if chosen else None
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg) / FOLDER_NAME
    try:
        return Path.home() / ".cache" / FOLDER_NAME
    except RuntimeError:  # no home (HOME unset, a user with no entry): no cache
        return None


class BuildCache:
    """Entries of one kind (`kind`: a subfolder) in the cache's folder; `folder` None: none kept."""

    def __init__(self, folder: Path | None, kind: str) -> None:
        self.folder = None if folder is None else folder / kind

    def get(self, recipe: str, source: bytes, valid: Callable[[bytes], bool]) -> bytes | None:
        """What was made from `source` by `recipe`, if kept and `valid`."""
        path = self._path(recipe, source)
        if path is None:
            return None
        try:
            made = path.read_bytes()
        except OSError:
            return None
        if not valid(made):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used: kept for another PRUNE_AFTER_DAYS
        return made

    def put(self, recipe: str, source: bytes, made: bytes) -> None:
        path = self._path(recipe, source)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
            try:
                with os.fdopen(descriptor, "wb") as file:
                    file.write(made)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass  # no cache here: the build goes on without it

    def prune(self, now: float | None = None) -> None:
        """Remove the entries unused for PRUNE_AFTER_DAYS, and temporary files as old."""
        if self.folder is None:
            return
        oldest = (time.time() if now is None else now) - PRUNE_AFTER_DAYS * 86400
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for path in entries:
            with contextlib.suppress(OSError):  # removed meanwhile by another build
                if path.stat().st_mtime < oldest:
                    path.unlink()

    def _path(self, recipe: str, source: bytes) -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256(recipe.encode("utf-8") + b"\0" + source).hexdigest()
        return self.folder / digest
