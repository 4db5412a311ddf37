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

Memory (docs/benchmarks.md, "Building"): the workers run at most AHEAD chunks ahead of
MkDocs' loop, so articles rendered faster than MkDocs writes them do not pile up in the
build process (`Pool.imap` handed out every task at once, and all that the workers made
ahead of MkDocs waited there);
and the objects alive at the fork are frozen out of the garbage collector (`gc.freeze`),
whose passes in a worker would otherwise write to every one of them and so copy every
page of memory they share with the build process. Even so a worker copies the pages of
every object it reads (its reference counts change), so after TASKS_PER_WORKER tasks the
pool replaces it with a fresh fork (`maxtasksperchild`), which shares the build process's
memory anew: at 60,000 pages two long-lived workers ended with 700 MiB each. The pool
forks those from its own thread; nothing a worker runs takes a lock another thread of the
build process may hold at that moment but logging's, which Python renews in a fork.

Only `mkdocs build` forks: `mkdocs serve` runs threads (its web server), and a process
forked from a threaded one may hang. The output is the same bytes either way: the work is
the same function of the same data, only where it runs changes.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from . import output

# What the workers run, set before they are forked: they inherit it, nothing is pickled.
_ARTICLE: Callable[[str], str] | None = None
_EXPORTS: Callable[[], dict[str, bytes]] | None = None
CHUNK = 16  # pages a worker renders per task: fewer round trips, a small buffer
AHEAD = 4  # chunks asked of each worker beyond the page MkDocs writes: enough to keep it busy
# Tasks a worker runs before a fresh one is forked in its place: what a worker reads of the
# shared data it copies (reference counts), so a long-lived one ends up with a copy of most.
TASKS_PER_WORKER = 100
# How long stopping the workers may take before they are killed (Ahead.close): a tenth of a
# second when all is well.
STOP_SECONDS = 5.0
EXPORTS_FOLDER = ".portal-exports"  # in the site being built, removed once its files are moved


def _articles(uris: list[str]) -> list[tuple[str, str]]:
    assert _ARTICLE is not None
    return [(uri, _ARTICLE(uri)) for uri in uris]


def _exports(folder: Path) -> list[str]:
    """Make the exports and write them below `folder`; their names."""
    assert _EXPORTS is not None
    files = _EXPORTS()
    output.write_files(folder, files)
    return sorted(files)


def worker_count() -> int:
    """The processors this process may run on (2 on the benchmark's machine); 1 where the
    build may not fork (then it runs in one process, to the same bytes)."""
    return processors() if can_fork() else 1


def processors() -> int:
    """The processors this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    """Linux only: Windows has no fork, and macOS's system libraries are not safe in a forked
    child (Python starts processes there by spawning, which would pickle the whole model)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _deaf_to_ctrl_c() -> None:
    """A worker ignores Ctrl-C, which the terminal sends to every process of the build: the
    build process stops them (close), and a worker's KeyboardInterrupt would print
    multiprocessing's English "Process ForkPoolWorker-1:" and its traceback under the build's
    own lines."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Ahead:
    """Articles rendered and exports made in a pool of forked workers."""

    def __init__(self, article: Callable[[str], str], uris: list[str], exports: Callable[[], dict[str, bytes]],
                 workers: int, site_dir: Path) -> None:
        global _ARTICLE, _EXPORTS
        _ARTICLE, _EXPORTS = article, exports
        gc.freeze()  # until close(): see the module's docstring
        pool = multiprocessing.get_context("fork").Pool(workers, _deaf_to_ctrl_c, maxtasksperchild=TASKS_PER_WORKER)
        self._pool: Pool | None = pool
        # The exports first: one worker makes them while the others start on the pages.
        self._exports_folder = site_dir / EXPORTS_FOLDER
        self._exports: AsyncResult[list[str]] = pool.apply_async(_exports, (self._exports_folder,))
        self._chunks: Iterator[list[str]] = (uris[start:start + CHUNK] for start in range(0, len(uris), CHUNK))
        self._asked: deque[AsyncResult[list[tuple[str, str]]]] = deque(
            pool.apply_async(_articles, (chunk,)) for chunk in islice(self._chunks, AHEAD * workers))
        self._early: dict[str, str] = {}

    def take(self, uri: str) -> str:
        """The article of the page at `uri` (each is taken once)."""
        while uri not in self._early:
            if not self._asked:
                raise KeyError(uri)  # not among the pages given: a bug, as imap's StopIteration was
            self._early.update(self._asked.popleft().get())
            chunk = next(self._chunks, None)
            if chunk is not None and self._pool is not None:
                self._asked.append(self._pool.apply_async(_articles, (chunk,)))
        return self._early.pop(uri)

    def move_exports(self, site_dir: Path) -> None:
        """Move the exports the worker wrote into their places in `site_dir` (replacing any
        file there, as writing them did)."""
        output.move_files(self._exports_folder, site_dir, self._exports.get())

    def close(self) -> None:
        """Stop the workers: their memory is given back before Pagefind runs.

        A worker that a signal ended while it waited for a task (SIGTERM sent to the build's
        whole process group: systemd stopping a service, a CI job cancelled) held the pool's
        queue lock, and `Pool.terminate` waits for that lock for ever: the build hung, its lock
        file kept (a review). It is given STOP_SECONDS in a thread of its own; past them the
        workers are killed and the pool left to that thread, which the process does not wait
        for at its exit."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        stopping = threading.Thread(target=pool.terminate, name="portal-stop-workers", daemon=True)
        stopping.start()
        stopping.join(STOP_SECONDS)
        if stopping.is_alive():
            for child in multiprocessing.active_children():  # the pool's workers: the only ones
                child.kill()
        else:
            pool.join()
        gc.unfreeze()
