"""The pages of a preview update still to be written, a page asked for by the browser first.

An update of the preview knows which pages to rewrite once the data is loaded and compared;
writing them all can take seconds more. As Hugo's "fast render mode" does, the server then
reloads the browser at once, and one writer thread (Jinja's and MkDocs' state is not
thread-safe: one renderer at a time) writes the pages in order, except that a page a request
waits for moves to the front. `PageQueue` is that order, with an event per page.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable


class PageQueue:
    """Pages (by the path of their file in the site, `dest_uri`) waiting to be written."""

    def __init__(self, pages: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, None] = dict.fromkeys(pages)  # in the order to write them
        self._asked: list[str] = []  # pages a request waits for, the first asked first
        self._written = {page: threading.Event() for page in self._waiting}

    def take(self) -> str | None:
        """The next page to write (one asked for first); None when none is left."""
        with self._lock:
            while self._asked:
                page = self._asked.pop(0)
                if page in self._waiting:
                    del self._waiting[page]
                    return page
            if not self._waiting:
                return None
            page = next(iter(self._waiting))
            del self._waiting[page]
            return page

    def written(self, page: str) -> None:
        self._written[page].set()

    def release(self) -> None:
        """Let every request waiting go (the writer stopped: nothing more will be written)."""
        with self._lock:
            self._waiting.clear()
            self._asked.clear()
        for event in self._written.values():
            event.set()

    def wait_for(self, page: str) -> None:
        """Return once `page` is written, moving it to the front if it is still waiting;
        at once for a page this update does not rewrite."""
        event = self._written.get(page)
        if event is None or event.is_set():
            return
        with self._lock:
            if page in self._waiting:
                self._asked.append(page)
        event.wait()
