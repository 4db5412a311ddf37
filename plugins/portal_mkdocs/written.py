"""The pages of a build, noted as MkDocs writes them, for what reads them all afterwards.

After the pages, the stylesheet's purge needs the names every page uses and each page's
run of stylesheet links (stylesheet.py), and the search index the pages Pagefind indexes
and their sizes (shards.py). Read back from the disk, that was 25,000 files and 10 s of
CPU at a province, beside Pagefind on the same two processors; noted from the HTML MkDocs
is about to write (the plugin's last `on_post_page` handler), the pages are not read again
and Pagefind has the processors to itself.

A page's run of stylesheet links is written as the one link the stylesheet's join makes
of it, but for the sheet's digest, unknown until every page is written
(stylesheet.PENDING_DIGEST): the join then writes the digest over it in place, instead of
reading and rewriting every page (4 s at a province).

What is noted must be what the files hold: `fresh()` checks each file's size, and gives
nothing if any differs, if a page was written twice, or if a noted file is gone; then
`restore()` puts each page's run of links back, and the caller reads every page from the
disk, as before. Pages MkDocs writes otherwise (404.html, a theme's static templates) are
not noted: the callers read those from the disk.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .shards import BODY_MARK
from .stylesheet import PENDING_DIGEST, PagesRead, PagesReading, asked_names, sheet_link, sheet_path

_BODY_MARK = BODY_MARK.decode()
PENDING_LINK = re.compile(r'<link rel="stylesheet" href="[^"]*' + re.escape(sheet_path(PENDING_DIGEST)) + '">')


@dataclass(frozen=True)
class Noted:
    """What the pages noted give, for a site whose pages still hold what was noted."""

    pages_read: PagesRead  # for stylesheet.join_stylesheets
    # Path relative to the site: bytes as rendered (the run of links whole, as the pages read
    # back have them: the index is cut into the same parts either way), of the pages Pagefind indexes.
    searchable: dict[str, int]
    others: frozenset[str]  # paths of the noted pages Pagefind does not index
    pending: dict[Path, int]  # pages whose link awaits the sheet's digest: where it goes (bytes)


class WrittenPages:
    def __init__(self, site: Path) -> None:
        self.site = site
        self._reading: PagesReading | None = None  # made at the first page: the sheets are copied by then
        self._sizes: dict[str, int] = {}
        self._searchable: dict[str, int] = {}  # bytes as rendered (Noted.searchable)
        self._pending: dict[Path, tuple[int, str]] = {}  # where the digest goes, and the run it replaced
        self._twice = False

    def page(self, dest_uri: str, html: str) -> str:
        """Note the page MkDocs writes at `dest_uri` (relative to the site) with `html`;
        the HTML to write, its run of stylesheet links made one pending link."""
        if self._reading is None:
            self._reading = PagesReading(self.site, asked_names(self.site))
        if dest_uri in self._sizes:
            self._twice = True  # the names of what it held first would stay
        path = self.site / dest_uri
        size = _encoded_length(html)
        if _BODY_MARK in html:
            self._searchable[dest_uri] = size
        run = self._reading.page(path, html)  # the names of the page as rendered, links and all
        if run is not None:
            link = sheet_link(run.group("root"), sheet_path(PENDING_DIGEST))
            head = html[:run.start()] + link[:link.index(PENDING_DIGEST)]
            self._pending[path] = (_encoded_length(head), sys.intern(run.group(0)))
            size += _encoded_length(link) - _encoded_length(run.group(0))
            html = html[:run.start()] + link + html[run.end():]
        self._sizes[dest_uri] = size
        return html

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
        others = frozenset(self._sizes.keys() - self._searchable.keys())
        return Noted(self._reading.done(), dict(self._searchable), others,
                     {path: offset for path, (offset, _) in self._pending.items()})

    def restore(self) -> None:
        """Put back the run of links of each page still pending, as MkDocs rendered it."""
        for path, (_, run) in self._pending.items():
            try:
                html = path.read_bytes().decode("utf-8")
            except FileNotFoundError:
                continue
            pending = PENDING_LINK.search(html)
            if pending is not None:
                path.write_bytes((html[:pending.start()] + run + html[pending.end():]).encode("utf-8"))
        self._pending.clear()


def _encoded_length(html: str) -> int:
    """The bytes of `html` as MkDocs encodes a page to write it (commands/build.py, _build_page)."""
    return len(html.encode("utf-8", errors="xmlcharrefreplace"))
