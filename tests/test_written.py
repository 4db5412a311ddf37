"""The pages noted as MkDocs writes them (portal_mkdocs/written.py) give what reading them
back from the disk gives: the stylesheet's runs and names, and the pages Pagefind indexes
with their sizes; and nothing at all once a file no longer holds what was noted."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal_mkdocs import shards, theme
from portal_mkdocs.stylesheet import read_pages
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


def write_site(site: Path) -> WrittenPages:
    """A site whose pages are noted, then written as MkDocs writes them."""
    for path, css in SHEETS.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(css, encoding="utf-8")
    written = WrittenPages(site)
    for path, html in PAGES.items():
        page = html.format(links=LINKS.format(up="../" * path.count("/")))
        written.page(path, page)
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(page.encode("utf-8", errors="xmlcharrefreplace"))
    return written


def test_the_pages_noted_give_what_reading_them_gives(tmp_path: Path) -> None:
    noted = write_site(tmp_path).fresh()
    assert noted is not None
    read = read_pages(tmp_path, outside="pagefind")
    assert noted.pages_read == read
    assert len(read.runs) == 1 and len(next(iter(read.runs.values()))) == 3  # the page of its own links: none
    assert {"a", "portal-since"} <= read.names.classes and "Hà" in read.names.values
    assert shards.searchable_pages(tmp_path, "pagefind", noted.searchable, noted.others) == \
        shards.searchable_pages(tmp_path, "pagefind") == [("index.html", (tmp_path / "index.html").stat().st_size),
                                                         ("nguoi/ha-thi-lien/index.html",
                                                          (tmp_path / "nguoi/ha-thi-lien/index.html").stat().st_size)]


def test_a_page_the_noted_list_lacks_is_read_from_the_disk(tmp_path: Path) -> None:
    noted = write_site(tmp_path).fresh()
    assert noted is not None
    (tmp_path / "404.html").write_text("<html><body><article data-pagefind-body>Không thấy</article></body>",
                                       encoding="utf-8")
    assert ("404.html", (tmp_path / "404.html").stat().st_size) in \
        shards.searchable_pages(tmp_path, "pagefind", noted.searchable, noted.others)


@pytest.mark.parametrize("change", ["rewritten", "removed", "noted twice"])
def test_nothing_is_given_once_a_file_no_longer_holds_what_was_noted(tmp_path: Path, change: str) -> None:
    written = write_site(tmp_path)
    page = tmp_path / "thay-doi/2024-2025/index.html"
    if change == "rewritten":  # by another plugin, after the pages (a minifier, say)
        page.write_text(page.read_text(encoding="utf-8").replace("Thay đổi", "Đổi"), encoding="utf-8")
    elif change == "removed":
        page.unlink()
    else:
        written.page("thay-doi/2024-2025/index.html", "<html><body>Trang khác, cùng độ dài?</body></html>")
    assert written.fresh() is None
