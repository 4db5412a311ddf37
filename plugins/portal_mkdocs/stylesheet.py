"""One small stylesheet in place of the theme's and the portal's three (issue 15).

Every page of the built site links Material's main stylesheet (137 KB), its palette and
the portal's own sheet, one after the other, each holding up the first paint on a phone.
After the build, those three are joined into one sheet, purged of the rules no page and
no script of this site can match (portal_mkdocs/css_purge.py), and written under a name
that carries a hash of its content (`assets/stylesheets/site.<hash>.min.css`), so that a
browser's cached copy is never stale; each page's three links become one. The original
sheets stay where they were, for anything else that links them.

Only a run of these links with nothing but white space between them is joined, so the
cascade stays in its order; a page whose head differs (an office's own template) keeps
its links. Deterministic: the same site gives the same sheet, name and pages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import theme
from .css_purge import names_asked, purge
from .site_names import Collector, SiteNames, merged, site_files, site_names

FOLDER = "assets/stylesheets"  # the sheets' own folder: their relative url()s stay right
# The theme's sheets (their names carry Material's hash) and the portal's own.
JOINED = re.compile(r"assets/stylesheets/(?:main\.[0-9a-f]+\.min\.css|palette\.[0-9a-f]+\.min\.css)"
                    rf"|{re.escape(theme.STYLESHEET)}")
# A run of stylesheet links to the sheets above, the same prefix (the way to the site's
# root from the page) in each. Material's own markup: `<link rel="stylesheet" href="...">`.
RUN = re.compile(r'<link rel="stylesheet" href="(?P<root>[^"]*?)(?:' + JOINED.pattern + r')">'
                 r'(?:\s*<link rel="stylesheet" href="(?P=root)(?:' + JOINED.pattern + r')">)*')
HREF = re.compile(r'href="[^"]*?(' + JOINED.pattern + r')"')
DIGEST_LENGTH = 8  # hex digits of the sheet's hash in its name
# Where a page written by a build links its joined sheet until the sheet is made (written.py):
# as long as a digest, so that the digest is later written over it in place.
PENDING_DIGEST = "_" * DIGEST_LENGTH


def sheet_path(digest: str) -> str:
    """The joined sheet's path in the site, named by (the start of) its hash."""
    return f"{FOLDER}/site.{digest[:DIGEST_LENGTH]}.min.css"


def sheet_link(root: str, sheet: str) -> str:
    """The one link a page's run of links becomes; `root` leads from the page to the site's root."""
    return f'<link rel="stylesheet" href="{root}{sheet}">'


@dataclass(frozen=True)
class Joined:
    sheet: str  # path of the new sheet in the site
    sources: tuple[str, ...]  # the sheets it joins, in order
    bytes_in: int
    bytes_out: int
    pages: int  # pages that now link it
    names: SiteNames  # what the sheet was purged against (a preview checks an edit against it)


@dataclass(frozen=True)
class PagesRead:
    """The first half of join_stylesheets, which may run while another process writes into
    one folder of the site (Pagefind, its bundle): the pages outside that folder, each
    page's run of links, and their names."""

    pages: frozenset[Path]
    runs: dict[tuple[str, ...], list[Path]]
    names: SiteNames  # only those the sheets may ask about (`asked`)
    asked: frozenset[str]


def read_pages(site: Path, outside: str | None = None) -> PagesRead:
    """Read every page of `site` but those in its folder `outside` (relative to the site)."""
    return _read(site, [page for page in sorted(site.rglob("*.html"))
                        if outside is None or page.relative_to(site).parts[0] != outside], asked_names(site))


def asked_names(site: Path) -> frozenset[str]:
    """The names any sheet that may be joined could look up (css_purge.names_asked): the
    pages' names are kept only among these."""
    sheets = sorted(path for path in (site / FOLDER).glob("*.css")
                    if JOINED.fullmatch(path.relative_to(site).as_posix()))
    return frozenset().union(*(names_asked(sheet.read_text(encoding="utf-8")) for sheet in sheets))


def _read(site: Path, pages: list[Path], asked: frozenset[str]) -> PagesRead:
    reading = PagesReading(site, asked)
    for page in pages:
        reading.page(page, page.read_bytes().decode("utf-8"))
    return reading.done()


class PagesReading:
    """read_pages one page at a time, as the caller has each page's HTML: from its file, or
    as MkDocs writes it (written.py), so that a build need not read its pages again."""

    def __init__(self, site: Path, asked: frozenset[str]) -> None:
        self.site = site
        self.asked = asked
        self._pages: set[Path] = set()
        self._runs: dict[tuple[str, ...], list[Path]] = {}
        self._names = Collector(asked)
        self._sheets_found: dict[tuple[str, ...], bool] = {}  # each run's sheets looked up once

    def page(self, path: Path, html: str) -> re.Match[str] | None:
        """Note the page at `path` (in the site), whose HTML is `html`; its run of links, if
        they are to be joined."""
        self._pages.add(path)
        self._names.page(html)
        found = RUN.search(html)
        if found is None:
            return None
        sources = tuple(HREF.findall(found.group(0)))
        if sources not in self._sheets_found:
            self._sheets_found[sources] = all((self.site / source).is_file() for source in sources)
        if len(sources) < 2 or not self._sheets_found[sources]:
            return None
        self._runs.setdefault(sources, []).append(path)
        return found

    def done(self) -> PagesRead:
        return PagesRead(frozenset(self._pages), self._runs, self._names.names(), self.asked)


def join_stylesheets(site: Path, read: PagesRead | None = None,
                     pending: Mapping[Path, int] | None = None) -> list[Joined]:
    """Join and purge the sheets of each page's run of links; relink the pages. `read`:
    most pages, read beforehand (read_pages); the others are read now. `pending`: pages
    written with the link already in place but for its digest (PENDING_DIGEST), and where
    in the file (bytes) the digest goes."""
    pending = pending or {}
    first = read if read is not None else read_pages(site)
    files = site_files(site)  # the site walked once: 25,000 folders at a province
    later = _read(site, [page for page in files if page.suffix == ".html" and page not in first.pages], first.asked)
    run_of = {page: sources for part in (first, later) for sources, pages in part.runs.items() for page in pages}
    runs: dict[tuple[str, ...], list[Path]] = {}
    for page in sorted(run_of):  # in the order of the pages' paths, however they were read
        runs.setdefault(run_of[page], []).append(page)
    if not runs:
        return []
    purged = {source for sources in runs for source in sources}
    names = merged(merged(first.names, later.names),
                   site_names(site, purged, pages_read=first.pages | later.pages, asked=first.asked, files=files))
    joined = []
    for sources, linking in runs.items():
        # Purged as one sheet: a property set in Material's sheet may be read only in the portal's.
        whole = "\n".join((site / source).read_text(encoding="utf-8") for source in sources)
        data = purge(whole, names).encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]
        sheet = sheet_path(digest)
        (site / sheet).write_bytes(data)
        for page in linking:
            if page in pending:
                with page.open("r+b") as file:
                    file.seek(pending[page])
                    file.write(digest.encode("ascii"))
            else:
                relink(page, sheet)
        joined.append(Joined(sheet, sources, sum((site / source).stat().st_size for source in sources),
                             len(data), len(linking), names))
    return joined


def relink(page: Path, sheet: str, html: str | None = None) -> None:
    """Point the page's run of links at `sheet`; `html`: the page's text, when the caller has
    just read it (a preview's rewritten page is not read a second time)."""
    if html is None:
        html = page.read_bytes().decode("utf-8")
    found = RUN.search(html)
    assert found is not None  # matched a moment ago
    link = sheet_link(found.group("root"), sheet)
    # Rewritten in place from the links on: a file emptied and written again (write_bytes)
    # is flushed to the disk when closed (ext4's auto_da_alloc), 0.15 ms a page.
    with page.open("r+b") as file:
        file.seek(len(html[:found.start()].encode("utf-8")))
        file.write((link + html[found.end():]).encode("utf-8"))
        file.truncate()
