"""The pages noted as MkDocs writes them (portal_mkdocs/written.py), their links pending the
joined sheet's digest, end as the same bytes as pages read back from the disk; Pagefind gets
the pages on the disk with their sizes; once a file no longer holds what was noted, nothing
noted is used and the pages are read back as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal_mkdocs import shards, theme
from portal_mkdocs.stylesheet import PENDING_DIGEST, join_stylesheets, read_pages
from portal_mkdocs.written import WrittenPages

SHEETS = {"assets/stylesheets/main.0123abcd.min.css": ".a{top:0}.md-typeset{top:1}[data-x=\"Hà\"]{top:2}",
          theme.STYLESHEET: ".portal-since{top:3}#nhom-toan{top:4}"}
LINKS = "".join(f'<link rel="stylesheet" href="{{up}}{sheet}">' for sheet in SHEETS)
# Pages as a build writes them: searchable or not, with and without the run of links,
# non-ASCII text and an unpaired surrogate MkDocs writes as a character reference.
PAGES = {
    "index.html": '<html><head>{links}</head><body class="a"><article data-pagefind-body>Trang chủ</article></body>',
    "nguoi/ha-thi-lien/index.html": '<html><head>{links}</head><body><article data-pagefind-body>'
                                    '<h1 id="nhom-toan">Hà Thị Liên \ud800</h1></article></body>',
    "thay-doi/2024-2025/index.html": '<html><head>{links}</head><body><p data-x="Hà" class="portal-since">'
                                     "Thay đổi</p></body>",
    "rieng/index.html": '<html><head><link rel="stylesheet" href="../khac.css"></head><body>Khác</body>',
}


def write_site(site: Path, noting: bool) -> WrittenPages:
    """The sheets and pages of a site, written as a build writes them: noted (and written as
    noting them gives), or as rendered."""
    for path, css in SHEETS.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(css, encoding="utf-8")
    written = WrittenPages(site)
    for path, html in PAGES.items():
        page = html.format(links=LINKS.format(up="../" * path.count("/")))
        if noting:
            page = written.page(path, page)
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(page.encode("utf-8", errors="xmlcharrefreplace"))
    return written


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_site_noted_as_written_ends_as_the_same_bytes_as_one_read_back(tmp_path: Path) -> None:
    noted = write_site(tmp_path / "noted", noting=True).fresh()
    assert noted is not None
    write_site(tmp_path / "read", noting=False)
    read = read_pages(tmp_path / "read")
    assert noted.pages_read.names == read.names  # of the pages as rendered, their three links and all
    assert {"a", "portal-since"} <= read.names.classes and "Hà" in read.names.values
    assert len(noted.pending) == 3  # but the page of its own links
    join_stylesheets(tmp_path / "noted", noted.pages_read, noted.pending)
    join_stylesheets(tmp_path / "read", read)
    files = files_of(tmp_path / "noted")
    assert files == files_of(tmp_path / "read")
    assert not any(PENDING_DIGEST.encode() in content for content in files.values())
    assert sum(b"/site." in content for content in files.values()) == 3


def test_pagefind_gets_the_pages_it_indexes_with_their_sizes_as_rendered(tmp_path: Path) -> None:
    """As rendered, their links whole, as a site read back has them: the index is cut into
    the same parts either way (shards.split)."""
    noted = write_site(tmp_path / "noted", noting=True).fresh()
    assert noted is not None
    write_site(tmp_path / "read", noting=False)
    for site in (tmp_path / "noted", tmp_path / "read"):  # written by MkDocs without on_post_page
        (site / "404.html").write_text("<html><body><article data-pagefind-body>Không thấy</article></body>",
                                       encoding="utf-8")
    as_rendered = shards.searchable_pages(tmp_path / "read", "pagefind")
    assert shards.searchable_pages(tmp_path / "noted", "pagefind", noted.searchable, noted.others) == as_rendered
    assert [path for path, _ in as_rendered] == ["404.html", "index.html", "nguoi/ha-thi-lien/index.html"]


@pytest.mark.parametrize("change", ["rewritten", "removed", "noted twice"])
def test_once_a_file_no_longer_holds_what_was_noted_the_pages_are_read_back(tmp_path: Path, change: str) -> None:
    written = write_site(tmp_path / "noted", noting=True)
    page = tmp_path / "noted/thay-doi/2024-2025/index.html"
    if change == "rewritten":  # by another plugin, after the pages (a minifier, say)
        page.write_text(page.read_text(encoding="utf-8").replace("Thay đổi", "Đổi"), encoding="utf-8")
    elif change == "removed":
        page.unlink()
    else:
        written.page("thay-doi/2024-2025/index.html", "<html><body>Trang khác</body></html>")
    assert written.fresh() is None
    written.restore()  # the runs of links back: the pages are read from the disk as before
    write_site(tmp_path / "read", noting=False)
    if change == "rewritten":
        other = tmp_path / "read/thay-doi/2024-2025/index.html"
        other.write_text(other.read_text(encoding="utf-8").replace("Thay đổi", "Đổi"), encoding="utf-8")
    elif change == "removed":
        (tmp_path / "read/thay-doi/2024-2025/index.html").unlink()
    else:  # restored too: its run of links is back, as the page rendered first had it
        (tmp_path / "noted/thay-doi/2024-2025/index.html").write_bytes(
            (tmp_path / "read/thay-doi/2024-2025/index.html").read_bytes())
    join_stylesheets(tmp_path / "noted")
    join_stylesheets(tmp_path / "read")
    assert files_of(tmp_path / "noted") == files_of(tmp_path / "read")
