"""The pages of a build, noted as MkDocs writes them, for what reads them all afterwards.

After the pages, the stylesheet's purge needs the names every page uses and each page's
run of stylesheet links (stylesheet.py), and the search index the pages Pagefind indexes
and their sizes (shards.py). Read back from the disk, that was 25,000 files and 10 s of
CPU at a province, beside Pagefind on the same two processors; noted from the HTML MkDocs
is about to write (the plugin's last `on_post_page` handler), the pages are not read again
and Pagefind has the processors to itself.

What is noted must be what the files hold: `fresh()` checks each file's size, and gives
nothing (the caller reads every page, as before) if any differs, if a page was written
twice, or if a noted file is gone. Pages MkDocs writes otherwise (404.html, a theme's static
templates) are not noted: the callers read those from the disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .shards import BODY_MARK
from .stylesheet import PagesRead, PagesReading, asked_names

_BODY_MARK = BODY_MARK.decode()


@dataclass(frozen=True)
class Noted:
    """What the pages noted give, for a site whose pages still hold what was noted."""

    pages_read: PagesRead  # for stylesheet.join_stylesheets
    searchable: dict[str, int]  # path relative to the site: bytes, of the pages Pagefind indexes
    others: frozenset[str]  # paths of the noted pages Pagefind does not index


class WrittenPages:
    def __init__(self, site: Path) -> None:
        self.site = site
        self._reading: PagesReading | None = None  # made at the first page: the sheets are copied by then
        self._sizes: dict[str, int] = {}
        self._searchable: set[str] = set()
        self._twice = False

    def page(self, dest_uri: str, html: str) -> None:
        """Note the page MkDocs writes at `dest_uri` (relative to the site) with `html`."""
        if self._reading is None:
            self._reading = PagesReading(self.site, asked_names(self.site))
        if dest_uri in self._sizes:
            self._twice = True  # the names of what it held first would stay
        # As MkDocs encodes the page to write it (commands/build.py, _build_page).
        self._sizes[dest_uri] = len(html.encode("utf-8", errors="xmlcharrefreplace"))
        if _BODY_MARK in html:
            self._searchable.add(dest_uri)
        self._reading.page(self.site / dest_uri, html)

    def fresh(self) -> Noted | None:
        """What was noted, if every noted page's file still has the size noted; else None."""
        if self._reading is None or self._twice:
            return None
        for dest_uri, size in self._sizes.items():
            try:
                if os.stat(self.site / dest_uri).st_size != size:
                    return None
            except FileNotFoundError:
                return None
        searchable = {uri: self._sizes[uri] for uri in self._searchable}
        return Noted(self._reading.done(), searchable, frozenset(self._sizes.keys() - self._searchable))
