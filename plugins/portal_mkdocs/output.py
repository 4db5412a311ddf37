"""Reproducible output: the generated files written into the site, the build's dates.

Where the site is written and how it is published: publish.py.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath


def strict_warnings_pending() -> int:
    """In strict mode MkDocs counts warnings and aborts only after `on_post_build`: a
    build that is about to fail must not be published. MkDocs keeps the count in a
    CountHandler on its logger; this reads it: the warnings (and errors) logged so far."""
    import logging

    from mkdocs.utils import CountHandler

    return sum(count for handler in logging.getLogger("mkdocs").handlers if isinstance(handler, CountHandler)
               for _, count in handler.get_counts())


def write_files(site_dir: Path, files: dict[str, bytes]) -> None:
    """Write generated files (exports, calendars, feeds) below `site_dir`, and nowhere else."""
    root = site_dir.resolve()
    for name, content in sorted(files.items()):
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"refusing to write outside the site: {name}")
        target = (root / relative).resolve()
        if root not in target.parents:
            raise ValueError(f"refusing to write outside the site: {name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def move_files(source: Path, site_dir: Path, names: list[str]) -> None:
    """Move files written by write_files(source, ...) to the same names below `site_dir`,
    then remove `source` (a folder of the same file system: each move is a rename)."""
    import shutil

    root = site_dir.resolve()
    for name in names:
        target = root / PurePosixPath(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        (source / PurePosixPath(name)).replace(target)
    shutil.rmtree(source)


def source_date_epoch(newest: str | None) -> str | None:
    """SOURCE_DATE_EPOCH for a reproducible build: midnight UTC of the newest data date."""
    if not newest:
        return None
    import datetime

    day = datetime.date.fromisoformat(newest)
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()))
