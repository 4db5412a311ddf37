"""The search index and the joined stylesheet, made at once after the pages are written.

Pagefind (search.py) is a process of its own that reads the pages and writes its bundle
in `pagefind/`; the stylesheet (stylesheet.py) must read every page for the names its
purge keeps, and Pagefind's UI scripts too, then relink the pages. A build has noted its
pages as MkDocs wrote them (written.py): Pagefind then runs alone, the stylesheet reads
only what was not noted (404.html, the bundle's scripts) once it is done, and the noted
pages get the sheet's digest written in place. Otherwise the
pages are read for the stylesheet in this process while Pagefind runs (on the other
processor), the bundle and the scripts once it is done. The pages are relinked last: no
file is read while it is written, and the bytes are those of one step after the other.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .search import OUTPUT_DIR, Indexer, IndexStats, build_index
from .stylesheet import Joined, join_stylesheets, read_pages
from .written import WrittenPages


def index_and_join(site: Path, indexer: Indexer | None, bytes_per_part: float,
                   written: WrittenPages | None = None) -> tuple[IndexStats, list[Joined]]:
    """Index `site` with Pagefind and join its stylesheets (search.build_index, then
    stylesheet.join_stylesheets, in that order as to what each file holds). `written`:
    the pages as MkDocs wrote them; when the files still hold them, no page is read here."""
    noted = written.fresh() if written is not None else None
    if noted is not None:
        stats = build_index(site, indexer=indexer, bytes_per_part=bytes_per_part, noted=noted)
        return stats, join_stylesheets(site, noted.pages_read, noted.pending)
    if written is not None:
        written.restore()
    with ThreadPoolExecutor(max_workers=1) as pool:  # a thread that waits for Pagefind
        indexing = pool.submit(build_index, site, indexer=indexer, bytes_per_part=bytes_per_part)
        read = read_pages(site, outside=OUTPUT_DIR)  # Pagefind writes only there
        stats = indexing.result()
    return stats, join_stylesheets(site, read)
