"""Writing a new office's repository: all of it, checked, or nothing.

The files are written into a temporary folder beside the target, checked as a draft (the
placeholders are warnings there; anything else is an error, and then nothing is created),
and the folder is renamed into place in one step (an empty folder that exists, or one that
holds only a repository's version control, gets its entries, one by one). A folder that
holds anything else is refused: nothing of the clerk's is ever overwritten.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import PortalError, os_reason
from ..load import load
from ..problems import Problem
from .files import SiteSpec, site_files
from .package import VENDOR


class NewSiteError(PortalError):
    """The site cannot be created where or as asked: the message says why, in Vietnamese."""


@dataclass(frozen=True)
class NewSite:
    folder: Path
    # The files written, as paths relative to `folder`, in the order of the templates.
    files: tuple[str, ...]
    # What the draft check said about them: the placeholders, as warnings.
    warnings: tuple[Problem, ...]


# What a folder may hold and still be filled: the version control of a repository just
# cloned or made (`git clone` of an empty repository, `git init`), the Finder's own file.
# The new site writes none of them.
_EMPTY_ENOUGH = frozenset({".git", ".hg", ".svn", ".DS_Store"})


def refuse_used_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise NewSiteError(f"{folder}: đã có một tệp mang tên này; chọn tên thư mục khác.")
    held = sorted(e.name for e in folder.iterdir() if e.name not in _EMPTY_ENOUGH) if folder.is_dir() else []
    if held:  # named, so that a clerk sees what is in the way (a .gitignore of a new GitHub repository)
        shown = ", ".join(f"'{name}'" for name in held[:3]) + (f" và {len(held) - 3} mục khác" if held[3:] else "")
        raise NewSiteError(f"{folder}: thư mục đã có và không trống ({shown}); không ghi vào đó. Chọn một thư mục "
                           "mới (lệnh tự tạo nó).")


def _staging_beside(place: Path, asked: Path) -> Path:
    """A hidden folder beside `place` (a resolved path: beside '.' is its parent, not inside
    it) to write into, moved into place at the end; a folder that cannot be made is told by
    the name the clerk typed (`asked`)."""
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{place.name}.", dir=place.parent))
    except OSError as error:
        blocking = next((p for p in place.parents if p.exists()), None)
        if blocking is not None and not blocking.is_dir():
            why = f"{blocking}: {os_reason(NotADirectoryError(errno.ENOTDIR, ''))}"
        else:
            why = os_reason(error)
        raise NewSiteError(f"{asked}: không tạo được thư mục ({why}).") from None


def _move_into_place(staging: Path, place: Path) -> None:
    """An empty folder that exists is filled, not replaced: a shell standing in it
    (`cotcan tao-trang .`) then stands in the folder that holds the site, not in a deleted one."""
    if place.is_dir():
        for entry in staging.iterdir():
            os.rename(entry, place / entry.name)
    else:
        os.rename(staging, place)


def create_site(folder: Path, spec: SiteSpec, wheel: Path | None = None) -> NewSite | list[Problem]:
    """Create the repository in `folder` (new, or empty). `wheel`: a package file copied into
    vendor/ (the spec's requirement names it). Returns what was written, or the errors of
    the draft check when the files did not pass it (then nothing is written)."""
    refuse_used_folder(folder)
    files = site_files(spec)
    place = folder.resolve()
    staging = _staging_beside(place, folder)
    try:
        for path, text in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        written = list(files)
        if wheel is not None:
            (staging / VENDOR).mkdir()
            shutil.copyfile(wheel, staging / VENDOR / wheel.name)
            written.append(f"{VENDOR}/{wheel.name}")
        _, problems = load(staging / "data", staging, draft=True)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            return errors
        refuse_used_folder(folder)  # again: another program may have written there meanwhile
        _move_into_place(staging, place)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return NewSite(folder, tuple(written), tuple(problems))
