"""Atomic, reproducible output: build into a staging folder, publish it in one swap.

A failed or interrupted build leaves the previous `site/` as it was: MkDocs writes into
`.site.building-<pid>` beside it, and only a finished build replaces `site/`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

STAGING_PREFIX = ".building-"


def staging_dir(final: Path) -> Path:
    return final.with_name(f".{final.name}{STAGING_PREFIX}{os.getpid()}")


def remove_stale_staging(final: Path) -> None:
    """Staging folders left by interrupted builds."""
    for stale in final.parent.glob(f".{final.name}{STAGING_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)


def publish(staging: Path, final: Path) -> None:
    """Replace `final` by `staging`: two renames on the same file system."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def strict_warnings_pending() -> bool:
    """In strict mode MkDocs counts warnings and aborts only after `on_post_build`: a
    build that is about to fail must not be published. MkDocs keeps the count in a
    CountHandler on its logger; this reads it."""
    import logging

    from mkdocs.utils import CountHandler

    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


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


def source_date_epoch(newest: str | None) -> str | None:
    """SOURCE_DATE_EPOCH for a reproducible build: midnight UTC of the newest data date."""
    if not newest:
        return None
    import datetime

    day = datetime.date.fromisoformat(newest)
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()))
