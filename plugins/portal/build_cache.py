"""Files kept from one build to the next, for work whose result depends on its input alone.

The precompressed copies of Material's and Pagefind's scripts (portal_mkdocs/precompress.py)
are the same bytes from build to build, and Brotli's best took 4 of the 7 seconds of a small
site's build (an office's portal of 229 pages; each test build paid it again). Kept here, they
are made once per machine and content. So is the verdict that a file published as it is holds
nothing the checks refuse (site_checks.CleanFiles): a published original (originals.py, kind
`originals-clean`), and a PDF, an Office file or an image of the site's own folders, docs_dir
and custom_dir (kind `site-files-clean`). Reading a text PDF takes about half a second a
megabyte, and every build, every `mkdocs serve` rebuild and every `cotcan kiem-tra` read each
such file again.

- An entry is named by the SHA-256 of what it was made from and how (the caller's `recipe`:
  the method, its settings, the library's version), so a new Material or a new Brotli makes
  new entries rather than reusing old ones.
- An entry holds the SHA-256 of what it keeps, and a reader checks both (that digest, and
  the caller's `valid`: the copy decompresses to the file, as written here), so a damaged
  entry is made again, never published. A reader opens only a regular file, not through a
  link, of at most the size the caller allows (a pipe or a link to /dev/zero left in the
  folder would hang the build or fill its memory).
- Written under a temporary name, then renamed: two builds at once may write the same entry,
  neither ever reads half of one.
- An entry unused for PRUNE_AFTER_DAYS is removed by the next build (reading one renews it);
  only entries and temporary files, by their names, never another file left in the folder.
- Where the folder cannot be read or written (a read-only home, a full disk), the build
  works as without it. No output byte depends on the cache.
- Used only where the cache's folder and the kind's are the user's own: real folders, not
  links, that nobody else may write to (`_trusted`); otherwise the build works as without it.

The folder: $PORTAL_CACHE_DIR (set empty: no cache), else $XDG_CACHE_HOME/portal-cot-can,
else ~/.cache/portal-cot-can (none where the user has no home). A relative $XDG_CACHE_HOME is
ignored, as the XDG specification asks. The folder is as trusted as the installed packages:
whoever may write to it may also write to those.

`site_folder` is the folder a build or `cotcan kiem-tra` uses: it refuses (UnsafeFolder, in
the clerk's words) a relative $PORTAL_CACHE_DIR or home folder (taken from the build's folder, it
could end up in the published site) and a folder inside one of the site's own (the pages' docs_dir, the
theme's custom_dir, whose files are published; site_dir, which each build replaces).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ENVIRONMENT_VARIABLE = "PORTAL_CACHE_DIR"
FOLDER_NAME = "portal-cot-can"
PRUNE_AFTER_DAYS = 30
DIGEST_BYTES = 32  # an entry's SHA-256 of what it keeps, before it
TEMPORARY_PREFIX = ".writing-"
# What the cache writes: entries named by a SHA-256, temporary files while one is written.
ENTRY_NAME = re.compile(r"[0-9a-f]{64}|" + re.escape(TEMPORARY_PREFIX) + r"\w+")


@functools.cache
def core_digest() -> str:
    """The SHA-256 of the core's own source (every module of this package): a recipe that
    names it makes new entries once the code that made them changes, released or not."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.relative_to(Path(__file__).parent).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def default_folder() -> Path | None:
    """The cache's folder for this user, or None where $PORTAL_CACHE_DIR is set empty, or it
    or the home folder is relative (site_folder refuses those)."""
    if ENVIRONMENT_VARIABLE in os.environ:
        chosen = Path(os.environ[ENVIRONMENT_VARIABLE])
        return chosen if chosen.is_absolute() else None
    if (xdg := Path(os.environ.get("XDG_CACHE_HOME", ""))).is_absolute():
        return xdg / FOLDER_NAME
    home = _home()
    return home / ".cache" / FOLDER_NAME if home is not None and home.is_absolute() else None


def _home() -> Path | None:
    try:
        return Path.home()
    except RuntimeError:  # no home (HOME unset, a user with no entry): no cache
        return None


def _relative_setting() -> str | None:
    """The variable that names the cache's folder and its value, as `NAME=value`, when that
    value is a relative path (taken from the build's folder, it could be published)."""
    if ENVIRONMENT_VARIABLE in os.environ:
        written = os.environ[ENVIRONMENT_VARIABLE]
        return f"{ENVIRONMENT_VARIABLE}={written}" if written and not Path(written).is_absolute() else None
    if Path(os.environ.get("XDG_CACHE_HOME", "")).is_absolute():
        return None
    home = _home()
    return None if home is None or home.is_absolute() else f"HOME={os.environ.get('HOME', '')}"


class UnsafeFolder(ValueError):
    """The cache's folder would be published or replaced with the site: the clerk's message."""


def site_folder(site_folders: Sequence[Path]) -> Path | None:
    """default_folder(), for a site whose own folders are `site_folders` (docs_dir, custom_dir,
    site_dir: absolute, or relative to the current folder). UnsafeFolder when $PORTAL_CACHE_DIR
    (or, without it and $XDG_CACHE_HOME, the home folder) is relative, or when the folder is
    inside one of them."""
    if (relative := _relative_setting()) is not None:
        raise UnsafeFolder(
            f"Biến môi trường {relative} là đường dẫn tương đối: thư mục bộ nhớ đệm (cache) "
            "phải là đường dẫn tuyệt đối, ngoài thư mục của trang (nếu không, nó có thể bị xuất bản cùng trang "
            f"web). Hãy đặt {ENVIRONMENT_VARIABLE} là một đường dẫn tuyệt đối, ví dụ "
            f"{ENVIRONMENT_VARIABLE}=$HOME/.cache/{FOLDER_NAME}, hoặc {ENVIRONMENT_VARIABLE}= (để trống) để không "
            "dùng bộ nhớ đệm.")
    folder = default_folder()
    if folder is None:
        return None
    real = Path(os.path.realpath(folder))
    for site in site_folders:
        own = Path(os.path.realpath(site))
        if real == own or own in real.parents:
            chosen = (f"theo biến môi trường {ENVIRONMENT_VARIABLE}" if os.environ.get(ENVIRONMENT_VARIABLE)
                      else "mặc định, theo biến môi trường XDG_CACHE_HOME hoặc HOME")
            raise UnsafeFolder(
                f"Thư mục bộ nhớ đệm (cache) {folder} ({chosen}) nằm trong thư mục {site} của trang: các tệp "
                "của nó sẽ bị xuất bản cùng trang web, hoặc bị xoá khi trang được thay. Hãy đặt "
                f"{ENVIRONMENT_VARIABLE} là một thư mục ngoài trang (đường dẫn tuyệt đối), hoặc "
                f"{ENVIRONMENT_VARIABLE}= (để trống) để không dùng bộ nhớ đệm.")
    return folder


class BuildCache:
    """Entries of one kind (`kind`: a subfolder) in the cache's folder; `folder` None: none kept."""

    def __init__(self, folder: Path | None, kind: str) -> None:
        self.folder = None if folder is None else folder / kind

    def get(self, recipe: str, source: bytes, valid: Callable[[bytes], bool], max_bytes: int) -> bytes | None:
        """What was made from `source` by `recipe`, if kept, whole, at most `max_bytes` and `valid`."""
        path = self._path(recipe, source)
        if path is None or not self._trusted():
            return None
        try:
            entry = _read_regular_file(path, DIGEST_BYTES + max_bytes)
        except OSError:
            return None
        if entry is None or len(entry) < DIGEST_BYTES:
            return None
        digest, made = entry[:DIGEST_BYTES], entry[DIGEST_BYTES:]
        if hashlib.sha256(made).digest() != digest or not valid(made):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used: kept for another PRUNE_AFTER_DAYS
        return made

    def put(self, recipe: str, source: bytes, made: bytes) -> None:
        path = self._path(recipe, source)
        if path is None:
            return
        try:
            path.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.parent.mkdir(mode=0o700, exist_ok=True)
            if not self._trusted():
                return
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY_PREFIX)
            try:
                with os.fdopen(descriptor, "wb") as file:
                    file.write(hashlib.sha256(made).digest() + made)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass  # no cache here: the build goes on without it

    def prune(self, now: float | None = None) -> None:
        """Remove the entries unused for PRUNE_AFTER_DAYS, and temporary files as old."""
        if self.folder is None or not self._trusted():
            return
        oldest = (time.time() if now is None else now) - PRUNE_AFTER_DAYS * 86400
        try:
            entries = [path for path in self.folder.iterdir() if ENTRY_NAME.fullmatch(path.name)]
        except OSError:
            return
        for path in entries:
            with contextlib.suppress(OSError):  # removed meanwhile by another build
                status = path.lstat()
                if stat.S_ISREG(status.st_mode) and status.st_mtime < oldest:
                    path.unlink()

    def _trusted(self) -> bool:
        """Whether the cache's folder and this kind's are this user's alone: real folders (not
        links, which would have entries written, and pruned, elsewhere), owned by the user, that
        nobody else may write to (an entry is believed as it says: a verdict that a file holds
        no private value cannot be checked as a copy is)."""
        assert self.folder is not None
        for folder in (self.folder.parent, self.folder):
            try:
                status = folder.lstat()
            except OSError:
                return False
            owner = getattr(os, "getuid", None)
            if not stat.S_ISDIR(status.st_mode) or status.st_mode & 0o022 \
                    or (owner is not None and status.st_uid != owner()):
                return False
        return True

    def _path(self, recipe: str, source: bytes) -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256(recipe.encode("utf-8") + b"\0" + source).hexdigest()
        return self.folder / digest


def _read_regular_file(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of `path` if it is a regular file (not reached through a link) of at most
    `max_bytes`; None otherwise. Opened without blocking, so that a pipe cannot hang it."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size > max_bytes:
            return None
        return file.read(max_bytes + 1)
