"""The articles of generated pages and the exports, made ahead in worker processes.

MkDocs writes pages one after the other. Once every page is read (`on_env`), the data and
the page specs are final, so worker processes forked then (they share the loaded data,
copy-on-write) render each generated page's article and make the export files, while
MkDocs' own loop fills each page's chrome and writes it: `take(uri)` hands over an
article when MkDocs reaches its page, in the order MkDocs writes them (pages asked for in
another order are kept until taken). The worker that makes the exports writes them into a
folder of their own beside the pages (`EXPORTS_FOLDER`, in the site being built: the same
file system), and `move_exports` moves them into place after the pages, as the build
process wrote them before: their bytes (megabytes of XLSX at a province) never go
through a pipe or the build process's memory. A worker's error is raised again in the
build process, where MkDocs reports it as it would have.

Only `mkdocs build` forks: `mkdocs serve` runs threads (its web server), and a process
forked from a threaded one may hang. The output is the same bytes either way: the work is
the same function of the same data, only where it runs changes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from . import output

# What the workers run, set before they are forked: they inherit it, nothing is pickled.
_ARTICLE: Callable[[str], str] | None = None
_EXPORTS: Callable[[], dict[str, bytes]] | None = None
CHUNK = 16  # pages a worker renders per task: fewer round trips, a small buffer
EXPORTS_FOLDER = ".portal-exports"  # in the site being built, removed once its files are moved


def _article(uri: str) -> tuple[str, str]:
    assert _ARTICLE is not None
    return uri, _ARTICLE(uri)


def _exports(folder: Path) -> list[str]:
    """Make the exports and write them below `folder`; their names."""
    assert _EXPORTS is not None
    files = _EXPORTS()
    output.write_files(folder, files)
    return sorted(files)


def worker_count() -> int:
    """The processors this process may run on (2 on the benchmark's machine); 1 where the
    build may not fork (then it runs in one process, to the same bytes)."""
    if not can_fork():
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    """Linux only: Windows has no fork, and macOS's system libraries are not safe in a forked
    child (Python starts processes there by spawning, which would pickle the whole model)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class Ahead:
    """Articles rendered and exports made in a pool of forked workers."""

    def __init__(self, article: Callable[[str], str], uris: list[str], exports: Callable[[], dict[str, bytes]],
                 workers: int, site_dir: Path) -> None:
        global _ARTICLE, _EXPORTS
        _ARTICLE, _EXPORTS = article, exports
        self._pool: Pool | None = multiprocessing.get_context("fork").Pool(workers)
        # The exports first: one worker makes them while the others start on the pages.
        self._exports_folder = site_dir / EXPORTS_FOLDER
        self._exports: AsyncResult[list[str]] = self._pool.apply_async(_exports, (self._exports_folder,))
        self._articles: Iterator[tuple[str, str]] = self._pool.imap(_article, uris, chunksize=CHUNK)
        self._early: dict[str, str] = {}

    def take(self, uri: str) -> str:
        """The article of the page at `uri` (each is taken once)."""
        while uri not in self._early:
            done, html = next(self._articles)
            self._early[done] = html
        return self._early.pop(uri)

    def move_exports(self, site_dir: Path) -> None:
        """Move the exports the worker wrote into their places in `site_dir` (replacing any
        file there, as writing them did)."""
        output.move_files(self._exports_folder, site_dir, self._exports.get())

    def close(self) -> None:
        """Stop the workers: their memory is given back before Pagefind runs."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
