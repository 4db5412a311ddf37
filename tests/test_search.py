"""Search: the Pagefind index of the built site and the search UI in the header.

The site is built once for the module (a strict MkDocs build into a temp dir, Pagefind
runs at its end), served on 127.0.0.1, and driven with Debian's chromium.
"""

from __future__ import annotations

import functools
import gzip
import json
import posixpath
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from browser_util import (
    ARTIFACTS,
    REPO,
    RESULTS_COUNTED,
    Requests,
    build_site,
    chromium,
    require_chromium,
    serve,
    settle,
)

from portal import number_words
from portal.importer.keys import body_key
from portal.load import load_or_raise
from portal.number_words import FOLLOWERS, UNITS, WORDS
from portal.text import collation_key, fold
from portal.urls import UrlFormats
from portal_mkdocs import search as search_module
from portal_mkdocs.search import (
    FILTER_LABELS,
    FOLD_CLOSE,
    FOLD_OPEN,
    NUMBER_MARK,
    NUMBERED_KINDS,
    SearchData,
    annotate,
    build_index,
    fold_d,
)

PRIVATE = ["0912944718", "thiennv@dt.sgdbinhduong.edu.vn"]
OFFICE_GUIDE = "huong-dan-van-phong"  # content/huong-dan-van-phong.md, out of the index
SEARCH_SCRIPT = REPO / "plugins/portal_mkdocs/overrides/assets/javascripts/portal-search.js"


# Every test runs on the index in one bundle, as an office's portal has it, and in parts
# merged by the browser, as a province's has it (portal_mkdocs/shards.py): the sample site's
# searchable pages hold some 7.7 MB, so 3 MB a part makes three.
PARTS = {"one index": None, "in parts": 3.0}


@pytest.fixture(scope="module", params=list(PARTS))
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The site, built once for the module, and the URL it is served at (its site_url)."""
    site_dir = tmp_path_factory.mktemp("search") / "site"
    with serve(site_dir) as url:
        build_site(site_dir, site_url=url, search_part_megabytes=PARTS[request.param])
        yield site_dir, url


@pytest.fixture(scope="module")
def site(served: tuple[Path, str]) -> Path:
    return served[0]


@pytest.fixture(scope="module")
def base_url(served: tuple[Path, str]) -> str:
    return served[1]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    # Hermetic: only the local server answers (Material's web fonts fall back to system fonts).
    context.route(re.compile(r"^(?!" + re.escape(base_url) + ")"), lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def _decoded_index(site: Path) -> dict[str, bytes]:
    """Every file of the Pagefind bundle that holds indexed data, decompressed."""
    files = {}
    for path in (site / "pagefind").rglob("*"):
        if path.suffix in (".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta"):
            files[str(path.relative_to(site))] = gzip.decompress(path.read_bytes())
    return files


# The index, read from the files ---------------------------------------------------------


def test_the_build_writes_the_pagefind_bundle_and_only_articles_are_indexed(site: Path) -> None:
    bundle = site / "pagefind"
    for name in ("pagefind-entry.json", "pagefind.js", "pagefind-ui.js", "pagefind-ui.css"):
        assert (bundle / name).is_file(), name
    all_pages = [p for p in site.rglob("index.html") if "pagefind" not in p.parts]
    # A body's changes are on its office's change page too: those pages stay out, and so does
    # the office's guide (front matter `portal_searchable: false`).
    unindexed = [p for p in all_pages if p.relative_to(site).parts[:2] == ("thay-doi", "to-chuc")
                 or p.relative_to(site).parts[0] == OFFICE_GUIDE]
    pages = [p for p in all_pages if p not in unindexed]
    assert len(pages) > 100 and unindexed
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert html.count("data-pagefind-body") == 1, path
        assert re.search(r"<article [^>]*data-pagefind-body", html), path
        assert "md-search" not in html, f"Material's search UI in {path}"
    for path in unindexed:
        assert "data-pagefind-body" not in path.read_text(encoding="utf-8"), path
    assert "data-pagefind-body" not in (site / "404.html").read_text(encoding="utf-8")
    fragments = [v for k, v in _decoded_index(site).items() if k.endswith(".pf_fragment")]
    assert len(fragments) == len(pages)
    text = b"\n".join(fragments).decode("utf-8")
    for chrome in ("Bỏ qua", "Chuyển tới", "Trở về đầu trang", "Tổ cốt cán và cụm chuyên môn - "):
        assert chrome not in text, f"header or menu text indexed: {chrome!r}"


def _fragments(site: Path) -> dict[str, str]:
    """The text Pagefind indexed for each page, by the page's URL."""
    fragments = (json.loads(v[v.index(b"{"):])  # after Pagefind's signature ("pagefind_dcd")
                 for k, v in _decoded_index(site).items() if k.endswith(".pf_fragment"))
    return {fragment["url"]: fragment["content"] for fragment in fragments}


def test_an_offices_lists_on_every_school_page_stay_out_of_the_index(site: Path) -> None:
    """A school's year page repeats its office's subject leaders and its clusters' paragraphs
    (the same on each school's page): they are not indexed there, but on their own pages."""
    indexed = _fragments(site)
    school_years = [url for url in indexed if re.fullmatch(r"/truong/[^/]+/\d{4}-\d{4}/", url)]
    leaders_seen = 0
    for url in school_years:
        html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        table = re.search(r'<div class="portal-table"[^>]*aria-label="Nhóm trưởng từng môn"[^>]*>(.*?)</table>',
                          html, re.S)
        if table is None:
            continue
        assert "data-pagefind-ignore" in table.group(0)
        caption = re.search(r"<caption>(.*?)</caption>", table.group(1))
        assert caption is not None
        caption_text = re.sub(r"<[^>]+>|\s+", " ", caption.group(1)).strip()
        assert caption_text not in indexed[url] and "Nhóm trưởng môn của bạn" not in indexed[url], url
        # A cluster's paragraph ("Trường thuộc Cụm ...") is the same on each of its schools' pages.
        assert ("Trường thuộc" in html) == bool(re.search(r"<p data-pagefind-ignore>Trường thuộc", html)), url
        assert "Trường thuộc" not in indexed[url], url
        for href, name in re.findall(r'<a href="([^"]*nguoi/[^"]+)"[^>]*>([^<]+)</a>', table.group(1)):
            own = posixpath.normpath(posixpath.join(url, href)) + "/"
            assert name in indexed[own], (name, own)
            leaders_seen += 1
    assert leaders_seen > 10


def test_a_large_index_comes_in_parts_the_search_script_merges(site: Path, request: pytest.FixtureRequest) -> None:
    megabytes = PARTS[request.node.callspec.params["served"]]
    searchable = {p: p.stat().st_size for p in site.rglob("*.html")
                  if "pagefind" not in p.parts and "data-pagefind-body" in p.read_text(encoding="utf-8")}
    total = sum(searchable.values())
    parts = 1 if megabytes is None else -(-total // int(megabytes * 1e6))
    manifest = json.loads((site / "pagefind" / "portal-parts.json").read_text(encoding="utf-8"))
    assert manifest == {"merge": [f"part-{n}/" for n in range(2, parts + 1)]}
    assert parts == 1 or parts >= 3
    sizes = []
    for n in range(1, parts + 1):
        bundle = site / "pagefind" / (f"part-{n}" if n > 1 else "")
        assert (bundle / "pagefind-entry.json").is_file()
        sizes.append(sum(1 for f in (bundle / "fragment").iterdir()))
    assert sum(sizes) == len(searchable)
    assert min(sizes) > 0, sizes


def test_nothing_private_is_in_the_index(site: Path) -> None:
    portal, _ = load_or_raise(REPO / "data")
    private = sorted(set(portal.private_values()) | set(PRIVATE))
    assert "0912944718" in private
    for name, data in _decoded_index(site).items():
        for value in private:
            assert value.encode() not in data, f"{value} in {name}"


def test_generated_pages_carry_filters_and_hand_written_pages_none(site: Path) -> None:
    body = (site / "to-chuc" / "dbp-to-cot-can-thcs-gv-toan" / "2024-2025" / "index.html").read_text("utf-8")
    assert '<span data-pagefind-meta="title:Nhóm Toán — 2024-2025"></span>' in body
    assert '<span data-pagefind-filter="Năm học:2024-2025"></span>' in body
    assert '<span data-pagefind-filter="Môn:Toán"></span>' in body
    assert re.search(r'<h1 data-pagefind-weight="10">Nhóm Toán', body)
    person = (site / "nguoi" / "dbp-dang-van-thuy" / "index.html").read_text("utf-8")
    assert ('<h1 data-pagefind-weight="10">Đặng Vân Thùy<span class="portal-fold" data-fold="⟦dang⟧" '
            'data-pagefind-index-attrs="data-fold"></span></h1>') in person
    assert re.search(r'data-pagefind-meta="summary:Nhóm trưởng Nhóm Giáo dục thể chất \([^"]*; 2024-2025, ', person)
    guide = (site / "huong-dan" / "index.html").read_text("utf-8")
    assert "data-pagefind-filter" not in guide
    assert '<span data-pagefind-meta="title:Hướng dẫn tra cứu"></span>' in guide
    assert set(FILTER_LABELS) == {"nam_hoc", "don_vi", "truong", "mon", "vai_tro", "loai_van_ban"}


def test_fold_d_adds_an_indexed_attribute_after_each_line_with_d_bar() -> None:
    html = '<p title="Đặng">Ông Đặng Vân Thùy, Đỗ Tấn Nhạn. Được.\nĐặng</p><code>Đặng</code><script>"Đ"</script>'
    copy = '<span class="portal-fold" data-fold="{}" data-pagefind-index-attrs="data-fold"></span>'
    assert fold_d(html) == ('<p title="Đặng">Ông Đặng Vân Thùy, Đỗ Tấn Nhạn.' + copy.format("⟦dang⟧ ⟦do⟧")
                            + " Được." + copy.format("⟦duoc⟧") + "\nĐặng" + copy.format("⟦dang⟧")
                            + '</p><code>Đặng</code><script>"Đ"</script>')
    assert fold_d("Hà Thị Liên") == "Hà Thị Liên"
    assert fold_d("PGDĐT, QĐ-UBND").count(FOLD_OPEN) == 2
    text = re.sub(r"<[^>]+>", "", fold_d(html))  # no text is added to the page
    assert FOLD_OPEN not in text


def test_a_cluster_or_group_and_its_number_are_indexed_as_one_word() -> None:
    """A clerk writes "Cụm 02", "NHÓM 1", "tổ 3", "Cụm chuyên môn số 2"; a reader types "cum 2",
    which the search script asks for as "ƶcum2ƶ" (Pagefind took its "2" as the start of "2024").
    The copy goes just before the word holding the kind, so that an excerpt, which starts some
    words before the match, shows the kind and the number."""
    html = ("<h1>Cụm 02 <small>năm học 2024-2025</small></h1><td>NHÓM 1</td><p>Thành viên (tổ 3), "
            "tổ 10.</p><p>Quyết định số 02/QĐ ngày 03/09/2024, cụm trường 2</p>"
            "<p>Nhóm liên trường số 3 (dữ liệu mẫu)</p><li>Tổ cốt cán theo Quyết định số 02/QĐ-UBND</li>")
    folded = fold_d(html)
    copies = re.findall(r'data-fold="([^"]*)"', folded)
    # A document's number, a date, "cụm trường 2" (a number not right after the word and
    # without "số") get none.
    assert copies == ["⟦ƶcum2ƶ⟧ ⟦ƶcum02ƶ⟧", "⟦ƶnhom1ƶ⟧ ⟦ƶnhom01ƶ⟧", "⟦ƶto3ƶ⟧ ⟦ƶto03ƶ⟧", "⟦ƶto10ƶ⟧",
                      "⟦dinh⟧ ⟦qd⟧", "⟦ƶnhom3ƶ⟧ ⟦ƶnhom03ƶ⟧", "⟦dinh⟧ ⟦qd⟧"]
    # Each number's copy just before the word holding its kind, "(tổ" included.
    spans = re.finditer(rf'data-fold="⟦{NUMBER_MARK}[^"]*"[^>]*></span>', folded)
    after = [folded[span.end():].split("<")[0] for span in spans]
    assert after == ["Cụm 02 ", "NHÓM 1", "(tổ 3), ", "tổ 10.", "Nhóm liên trường số 3 (dữ liệu mẫu)"]
    assert "⟦" not in re.sub(r"<[^>]+>", "", folded)
    # With a đ in the same sentence, the đ words' copy after it.
    assert (re.findall(r'data-fold="([^"]*)"', fold_d("<p>Cụm 01 do Đặng Vân Thùy phụ trách</p>"))
            == ["⟦ƶcum1ƶ⟧ ⟦ƶcum01ƶ⟧", "⟦dang⟧"])
    # A number in words, as Dầu Tiếng names its clusters; not a word of a sentence or a name.
    words = ("<h1>Cụm Hai</h1><caption>CỤM MỘT</caption><p>Các tổ sau đây; cụm từ; nhóm tư vấn; "
             "Cụm Hai Bà Trưng; Tổ Năm học 2024-2025</p>")
    assert re.findall(r'data-fold="([^"]*)"', fold_d(words)) == ["⟦ƶcum2ƶ⟧ ⟦ƶcum02ƶ⟧", "⟦ƶcum1ƶ⟧ ⟦ƶcum01ƶ⟧", "⟦day⟧"]


def test_a_number_in_words_is_read_whole_where_it_ends_a_name_not_where_it_starts_a_word() -> None:
    """"Cụm Mười Một" is cluster 11, not 10 nor none; "Hai Mươi Mốt" 21. A number word that
    starts a compound or a name is none: "Nhóm Tư vấn" (a consulting group) gave "nhom4", so
    "nhom 4" found it."""
    def joined(html: str) -> list[str]:
        copies = re.findall(r'data-fold="([^"]*)"', fold_d(html))
        return [copy.replace(FOLD_OPEN, "").replace("⟧", "").replace(NUMBER_MARK, "")
                for copy in copies if NUMBER_MARK in copy]

    names = ("<h1>Cụm Mười Một</h1><td>CỤM HAI MƯƠI</td><td>Cụm Hai Mươi Mốt</td><td>Cụm Mười Lăm</td>"
             "<td>NHÓM MƯỜI TƯ</td><p>Tham gia Nhóm Tư</p><p>Cụm Một (gồm 5 trường)</p>"
             "<p>Cụm Hai năm học 2023-2024</p><p>Cụm Mười</p>")
    assert joined(names) == ["cum11", "cum20", "cum21", "cum15", "nhom14", "nhom4 nhom04", "cum1 cum01",
                             "cum2 cum02", "cum10"]
    compounds = ("<p>Nhóm Tư vấn tâm lý học đường</p><p>Tổ Một số môn</p><td>Nhóm Ba lô</td><td>NHÓM TƯ VẤN</td>"
                 "<td>Tổ Năm học 2024-2025</td><td>Cụm Mười Hai Bà Trưng</td><td>Cụm Mười Năm</td>")
    assert joined(compounds) == []
    # In any case, as a clerk types a name and the readers' guide says ("cụm mười một": "cum 11");
    # the words of a sentence stay none.
    lower = ("<h1>Cụm mười một</h1><td>cụm hai mươi mốt</td><p>Tham gia nhóm tư.</p><p>Cụm ba (gồm 4 trường)</p>"
             "<p>Sinh hoạt cụm hai lần mỗi học kỳ; các tổ sau đây; cụm từ; nhóm tư vấn; tổ năm học 2024</p>")
    assert joined(lower) == ["cum11", "cum21", "nhom4 nhom04", "cum3 cum03"]


def test_nam_before_digits_is_a_year_in_the_index_not_five() -> None:
    """"năm" before a number in digits is the year (number_words.read, as the importer reads a
    heading): "cụm năm 2024" gave "ƶcum5ƶ", so "cum 5" found every plan of the clusters of 2024;
    "Cụm Hai năm 2024" gave none, so "cum 2" did not find it."""
    copies = re.findall(r'data-fold="([^"]*)"', fold_d(
        "<h1>Kế hoạch sinh hoạt cụm năm 2024</h1><p>Lịch họp nhóm năm 2024-2025 của các trường.</p>"
        "<h2>Cụm Hai năm 2024</h2><td>CỤM MƯỜI NĂM 2025</td><td>Nhóm Năm năm 2024</td>"
        "<p>Cụm Năm Căn; Cụm Năm (gồm 4 trường)</p>"))
    assert copies == ["⟦ƶcum2ƶ⟧ ⟦ƶcum02ƶ⟧", "⟦ƶcum10ƶ⟧", "⟦ƶnhom5ƶ⟧ ⟦ƶnhom05ƶ⟧", "⟦ƶcum5ƶ⟧ ⟦ƶcum05ƶ⟧"]


def test_the_search_script_joins_the_words_the_index_joins() -> None:
    """portal-search.js makes "cum 2" the word "ƶcum2ƶ" for the same kinds and with the same
    mark as search.py, and knows the brackets of the copies (which a query loses)."""
    script = SEARCH_SCRIPT.read_text(encoding="utf-8")
    joined = re.search(r"var NUMBERED_KINDS = \[([^\]]*)\];", script)
    assert joined is not None
    assert json.loads(f"[{joined.group(1)}]") == [fold(kind) for kind in NUMBERED_KINDS]
    mark = re.search(r'var NUMBER_MARK = "([^"]*)";', script)
    assert mark is not None and mark.group(1) == NUMBER_MARK
    # The number words the excerpt highlights are number_words' (folded).
    tables = {name: re.search(rf"var {name} = (\{{[^}}]*\}});", script) for name in ("UNITS", "LAST_UNITS")}
    read = {name: json.loads(re.sub(r"(\w+):", r'"\1":', found.group(1))) for name, found in tables.items() if found}
    assert read.get("UNITS") == {fold(word): n for word, n in UNITS.items()}, read
    assert set(read.get("LAST_UNITS", {})) | set(read["UNITS"]) | {"muoi"} == {fold(word) for word in WORDS}
    followers = re.search(r"var FOLLOWERS = \[([^\]]*)\];", script)
    assert followers is not None
    assert json.loads(f"[{followers.group(1)}]") == sorted({fold(words.split()[0]) for words in FOLLOWERS})
    for name, value in (("FOLD_OPEN", FOLD_OPEN), ("FOLD_CLOSE", FOLD_CLOSE)):
        found = re.search(rf'var {name} = ("[^"]*");', script)
        assert found is not None and json.loads(found.group(1)) == value, name


# The search UI, in a browser -------------------------------------------------------------


def _open_search(page: Any) -> Any:
    page.locator(".md-header .portal-search__toggle").click()
    search_input = page.locator("#portal-search-input")
    search_input.wait_for(state="visible")
    return search_input


def _search(page: Any, query: str) -> list[dict[str, str]]:
    """Type a query into the header search; the results as shown (href, title, excerpt)."""
    search_input = page.locator("#portal-search-input")
    search_input.fill("")
    search_input.press_sequentially(query, delay=5)
    return _answer(page, query)


def _answer(page: Any, query: str) -> list[dict[str, str]]:
    """Once Pagefind's UI has answered `query` (typed last): its message counts the results for
    it, or says none was found, and nothing loads. The results as shown (href, title, excerpt)."""
    handle = page.wait_for_function(
        """(q) => {
          const ui = document.querySelector('#portal-search-ui');
          const message = ui.querySelector('.pagefind-ui__message');
          const text = message ? message.textContent : '';  // "12 kết quả cho q", not "Đang tìm kiếm cho q..."
          if (!text.includes(q) || !/^(\\d+ kết quả|Không tìm thấy)/.test(text)) return null;
          if (ui.querySelector('.pagefind-ui__loading')) return null;
          const results = Array.from(ui.querySelectorAll('.pagefind-ui__result')).map(el => {
            const link = el.querySelector('a.pagefind-ui__result-link');
            const excerpt = el.querySelector('.pagefind-ui__result-excerpt');
            return link && excerpt && {href: link.getAttribute('href'), title: link.textContent.trim(),
                                       excerpt: excerpt.textContent.trim()};
          });
          return results.every(Boolean) ? results : null;
        }""", arg=query, timeout=10_000)
    results: list[dict[str, str]] = handle.json_value()
    shown = [r["title"] + " " + r["excerpt"] for r in results]
    assert not [text for text in shown if FOLD_OPEN in text or FOLD_CLOSE in text or NUMBER_MARK in text], shown
    return results


def _result_count(page: Any) -> int:
    """The count in Pagefind's message, "12 kết quả cho …"."""
    message = page.locator("#portal-search-ui .pagefind-ui__message").inner_text()
    match = re.match(r"(\d+) kết quả", message)
    assert match, message
    return int(match.group(1))


@pytest.mark.parametrize(("query", "url", "title"), [
    ("dang van thuy", "/nguoi/dbp-dang-van-thuy/", "Đặng Vân Thùy"),
    ("Đặng Vân Thùy", "/nguoi/dbp-dang-van-thuy/", "Đặng Vân Thùy"),
    ("do tan nhan", "/nguoi/dt-do-tan-nhan/", "Đỗ Tấn Nhạn"),
    ("ha thi lien", "/nguoi/dbp-ha-thi-lien/", "Hà Thị Liên"),
    ("Hà Thị Liên", "/nguoi/dbp-ha-thi-lien/", "Hà Thị Liên"),
])
def test_a_persons_own_page_comes_first_with_or_without_marks(
        page: Any, base_url: str, query: str, url: str, title: str) -> None:
    page.goto(base_url)
    _open_search(page)
    results = _search(page, query)
    assert results, query
    assert results[0]["href"] == url and results[0]["title"] == title, results[:3]
    assert all(FOLD_OPEN not in r["excerpt"] for r in results), "folded copies shown in an excerpt"
    assert re.search(r"\d{4}-\d{4}", results[0]["excerpt"]), "the summary names the year"


def test_the_office_s_guide_is_on_the_site_but_out_of_the_index(site: Path) -> None:
    """The reader's guide (huong-dan/) is indexed and short; the office's guide, with its
    commands and YAML keys, is published, linked from the reader's guide and the footer, and
    never found by a reader's search."""
    indexed = _fragments(site)
    assert "/huong-dan/" in indexed and f"/{OFFICE_GUIDE}/" not in indexed
    guide = (site / OFFICE_GUIDE / "index.html").read_text("utf-8")
    assert "cotcan nam-moi" in guide and "data-pagefind-body" not in guide
    office_words = ("cotcan", "pip install", "valid_until", "placeholder", "mkdocs.yml", "data/years")
    assert not [w for w in office_words if w in indexed["/huong-dan/"]]
    assert "năm học hiện tại" not in indexed["/huong-dan/"]
    reader = (site / "huong-dan" / "index.html").read_text("utf-8")
    footer = (site / "nguoi" / "dbp-ha-thi-lien" / "index.html").read_text("utf-8")
    assert f'href="../{OFFICE_GUIDE}/">Hướng dẫn cho văn phòng' in reader
    assert f'href="../../{OFFICE_GUIDE}/">Hướng dẫn cho văn phòng' in footer[footer.index("md-copyright"):]


def test_the_reader_s_guide_names_no_person_it_would_compete_with(site: Path) -> None:
    """The guide's search examples name nobody of the data: its page would rank among the
    person's own for their name."""
    fragments = [json.loads(v[v.index(b"{"):]) for k, v in _decoded_index(site).items() if k.endswith(".pf_fragment")]
    names = {f["meta"]["title"] for f in fragments if f["url"].startswith("/nguoi/")}
    guide = fold(next(f["content"] for f in fragments if f["url"] == "/huong-dan/"))
    assert len(names) > 100
    assert not [name for name in names if fold(name) in guide]


def test_a_search_for_a_person_does_not_find_the_reader_s_guide(page: Any, base_url: str) -> None:
    """"ha thi lien", the guide's example once, ranked the guide third."""
    page.goto(base_url)
    _open_search(page)
    results = _search(page, "ha thi lien")
    assert results and results[0]["href"].startswith("/nguoi/"), results[:3]
    assert "/huong-dan/" not in [r["href"] for r in results], [r["href"] for r in results]


@pytest.mark.parametrize("query", ["to toan cu chi", "cum truong cu chi", "cotcan nam moi"])
def test_a_reader_s_search_finds_the_lists_not_the_guides(page: Any, base_url: str, query: str) -> None:
    page.goto(base_url)
    _open_search(page)
    hrefs = [r["href"] for r in _search(page, query)]
    assert f"/{OFFICE_GUIDE}/" not in hrefs, hrefs
    assert "/huong-dan/" not in hrefs[:5], hrefs[:5]


def test_the_reader_s_guide_is_found_by_its_title(page: Any, base_url: str) -> None:
    """Its words weigh a fifth of the lists' (portal_search_weight), its title finds it."""
    page.goto(base_url)
    _open_search(page)
    assert [r["href"] for r in _search(page, "huong dan tra cuu")][0] == "/huong-dan/"


@functools.cache
def _numbered_body_names() -> dict[str, tuple[str, str]]:
    """Every body of the data (sample office included, as the site built here) whose name has a
    number ("Cụm 02", "Nhóm 1", "Cụm chuyên môn số 2", "Cụm Hai"), by its page's address: the
    query a reader types for it without marks or leading zero ("cum 2"), and its name. The
    number is read as the importer reads it when it matches a list's heading to a body
    (body_key)."""
    portal, _ = load_or_raise(REPO / "data")
    found: dict[str, tuple[str, str]] = {}
    for body in portal.bodies.values():
        words = body_key(body.name).split()
        numbers = [word for word in words if re.fullmatch(r"\d{1,3}", word)]
        if numbers:
            url = "/" + UrlFormats().body.format(body=body.id, year=body.school_year)
            found[url] = (f"{words[0]} {numbers[-1]}", body.name)
    return found


def _numbered_bodies() -> dict[str, set[str]]:
    """The addresses of the bodies of _numbered_body_names by their query ("cum 2")."""
    found: dict[str, set[str]] = {}
    for url, (query, _) in _numbered_body_names().items():
        found.setdefault(query, set()).add(url)
    return found


def test_a_cluster_or_group_is_found_first_by_its_number_typed_plainly(page: Any, base_url: str) -> None:
    """"cum 2" on a phone: the pages of the clusters numbered 2 come first, before any other
    page. Several offices (or years) may have a Cụm 2: then all of them come first, in the order
    Pagefind gives (here Củ Chi's Cụm 02, Dầu Tiếng's Cụm Hai and the sample office's Cụm
    chuyên môn số 2 of two years). Pagefind took the "2" as the start of "2024-2025", and Cụm 01 could come first."""
    expected = _numbered_bodies()
    assert {"cum 1", "cum 2", "nhom 3"} <= set(expected), sorted(expected)
    assert "/to-chuc/dt-cum-hai/2023-2024/" in expected["cum 2"]
    page.goto(base_url)
    _open_search(page)
    wrong = {}
    for query, urls in sorted(expected.items()):
        hrefs = [r["href"] for r in _search(page, query)]
        if set(hrefs[:len(urls)]) != urls:
            wrong[query] = (sorted(urls), hrefs[:len(urls) + 2])
    assert not wrong, wrong


@pytest.mark.parametrize(("typed", "meant"), [
    ("cum2", "cum 2"), ("Cụm 2,", "cum 2"), ("cumso2", "cum 2"), ("Nhóm1.", "nhom 1"), ("nhom 01;", "nhom 01"),
])
def test_a_number_typed_without_a_space_or_with_punctuation_finds_what_it_means(
        page: Any, base_url: str, typed: str, meant: str) -> None:
    """On a phone "cum2" comes without a space: it listed every cluster (the "cum" of each
    "cụm"), as "Cụm 2," did (the comma kept the "2" from the kind). Each finds what the query
    spelt out finds, its excerpts highlighted alike."""
    page.goto(base_url)
    _open_search(page)
    expected = _search(page, meant)
    marked = _excerpts(page)
    assert {r["href"] for r in expected[:2]} <= set(_numbered_bodies()[meant.replace(" 0", " ")]), expected[:3]
    assert [r["href"] for r in _search(page, typed)] == [r["href"] for r in expected]
    assert _excerpts(page) == marked


@pytest.mark.parametrize("query", ["nhom 01", "Nhóm 01"])
def test_a_group_is_found_by_its_number_with_a_leading_zero(page: Any, base_url: str, query: str) -> None:
    """"Nhóm 1" for "nhom 01": the copy "⟦nhom01⟧" matches and the excerpt marks the "Nhóm" and
    the "1" it stands for."""
    page.goto(base_url)
    _open_search(page)
    results = _search(page, query)
    first = _numbered_bodies()["nhom 1"]
    assert "/to-chuc/cc-nhom-lien-truong-1/2024-2025/" in first
    assert {r["href"] for r in results[:len(first)]} == first, results[:len(first) + 2]
    marks = page.evaluate("""() => Array.from(document.querySelectorAll(
      '#portal-search-ui .pagefind-ui__result-excerpt mark'), m => m.textContent)""")
    assert all(FOLD_OPEN not in r["excerpt"] for r in results)
    assert any(re.fullmatch(r"0?1\W?", mark) for mark in marks), marks
    assert any(re.fullmatch(r"Nhóm", mark, re.IGNORECASE) for mark in marks), marks


def _excerpts(page: Any) -> list[tuple[str, list[str]]]:
    """Each result's excerpt as shown, without the summary line before it, and its
    highlighted words, in the order of the results."""
    shown: list[tuple[str, list[str]]] = page.evaluate("""() => Array.from(
      document.querySelectorAll('#portal-search-ui .pagefind-ui__result-excerpt'), excerpt => {
        const text = excerpt.cloneNode(true);
        text.querySelectorAll('.portal-search__summary').forEach(summary => summary.remove());
        return [text.textContent.split(/\\s+/).join(' ').trim(),
                Array.from(text.querySelectorAll('mark'), m => m.textContent)];
      })""")
    return shown


def _up_to_number(name: str) -> str:
    """A body's name up to its number: "Cụm 02", "Nhóm liên trường số 3", "Cụm Hai"."""
    words = name.split()
    at = next(i for i, word in enumerate(words) if word.isdigit() or word.lower() in UNITS)
    return " ".join(words[:at + 1])


def test_the_excerpt_of_a_number_search_shows_the_body_s_name_up_to_its_number(page: Any, base_url: str) -> None:
    """Pagefind starts an excerpt some words before the first match: with the joined copy at
    the end of the line, "cum 2" showed Củ Chi's Cụm 02 as "02 năm học 2024-2025." and the
    sample's as "2 (dữ liệu mẫu)", the kind lost. The excerpt of each body found first reads
    its name up to the number, the kind word highlighted."""
    names = _numbered_body_names()
    page.goto(base_url)
    _open_search(page)
    wrong = {}
    for query, urls in sorted(_numbered_bodies().items()):
        results = _search(page, query)
        for result, (shown, marked) in list(zip(results, _excerpts(page), strict=True))[:len(urls)]:
            name = names[result["href"]][1] if result["href"] in names else ""
            if not name or _up_to_number(name) not in shown or name.split()[0] not in marked:
                wrong[f"{query}: {result['href']}"] = (shown, marked)
    assert not wrong, wrong


def test_a_number_and_the_office_s_place_find_that_office_s_body_before_other_pages(
        page: Any, base_url: str, request: pytest.FixtureRequest) -> None:
    """"cum 2 cu chi": Củ Chi's Cụm 02 came fifth, after the office's page and three school
    pages: "cu" also matched the copy "cum2" of every cluster 2. For each numbered body, its
    query and its office's place without marks find it before any page but the bodies of that
    number (another office's may come first: "cu chi" also matches "chỉ", docs/search.md).
    On one index only: in parts, each part's scores are its own (a limit, docs/search.md)."""
    if PARTS[request.node.callspec.params["served"]] is not None:
        pytest.skip("in parts, Pagefind scores each part on its own words: the office's page "
                    "comes first (docs/search.md, Numbers of clusters and groups)")
    portal, _ = load_or_raise(REPO / "data")
    places: dict[str, tuple[str, set[str]]] = {}
    for url, (query, _) in _numbered_body_names().items():
        body = next(b for b in portal.bodies.values()
                    if url == "/" + UrlFormats().body.format(body=b.id, year=b.school_year))
        place = fold(portal.offices[body.office].place or "").lower()
        places.setdefault(f"{query} {place}", (query, set()))[1].add(url)
    assert "cum 2 cu chi" in places, sorted(places)
    numbered = _numbered_bodies()
    page.goto(base_url)
    _open_search(page)
    wrong = {}
    for query, (plain, urls) in sorted(places.items()):
        hrefs = [r["href"] for r in _search(page, query)]
        first = next((i for i, href in enumerate(hrefs) if href in urls), len(hrefs))
        if any(href not in numbered[plain] for href in hrefs[:first + 1]):
            wrong[query] = (sorted(urls), hrefs[:first + 1])
    assert not wrong, wrong


def test_a_number_no_body_has_finds_no_body_of_another_number(page: Any, base_url: str, site: Path) -> None:
    """Pagefind, when no word of the index starts with a query's word, takes the longest word
    of the index that starts it: "nhom 12" (no Nhóm 12) found "nhom1" and listed Nhóm liên
    trường số 1 first with its "1" highlighted, "cum 10" Cụm 1, "to 1" every page with "tổ".
    For each number of the data, the number with one more digit that no body has (and "1" for
    a kind without numbers) finds no numbered body and highlights no number. No word of the
    index holds the mark but the joined numbers: the mark alone would be taken for any joined
    number the index lacks."""
    text = fold(" ".join(_fragments(site).values())).lower()
    marked = set(re.findall(rf"\w*{NUMBER_MARK}\w*", text))
    assert marked and all(re.fullmatch(rf"{NUMBER_MARK}[a-z]+\d+{NUMBER_MARK}", word) for word in marked), marked
    numbers: dict[str, set[int]] = {}
    for query in _numbered_bodies():
        kind, number = query.split()
        numbers.setdefault(kind, set()).add(int(number))
    queries = []
    for kind in (fold(kind) for kind in NUMBERED_KINDS):
        if kind not in numbers:
            queries.append(f"{kind} 1")
        for number in sorted(numbers.get(kind, set())):
            longer = next(n for n in range(number * 10, number * 10 + 10) if n not in numbers[kind])
            queries.append(f"{kind} {longer}")
    assert {"cum 10", "nhom 10"} <= set(queries), queries
    bodies = set(_numbered_body_names())
    page.goto(base_url)
    _open_search(page)
    wrong = {}
    for query in queries:
        found = [r["href"] for r in _search(page, query)]
        numbers_marked = [m for _, marked in _excerpts(page) for m in marked if re.search(r"\d", m)]
        if bodies & set(found) or numbers_marked:
            wrong[query] = (sorted(bodies & set(found)), numbers_marked[:5])
    assert not wrong, wrong


def test_a_one_letter_query_finds_the_words_it_starts_not_the_joined_numbers(page: Any, base_url: str,
                                                                           site: Path) -> None:
    """Pagefind takes a query's word as the start of longer ones: when the joined numbers were
    "jcum2j", a query "j" (a school or a person "J") found every page of a numbered cluster,
    group or team, its kind highlighted. It finds the pages with a word that starts with "j"
    ("JSON"), and highlights only those words."""
    copy = re.compile(rf"{FOLD_OPEN}[^{FOLD_CLOSE}]*{FOLD_CLOSE}")
    with_j = {url for url, text in _fragments(site).items()
              if re.search(r"(?<!\w)j", fold(copy.sub(" ", text)).lower())}
    page.goto(base_url)
    _open_search(page)
    found = _search(page, "j")
    marked = [mark for _, marks in _excerpts(page) for mark in marks]
    assert (_result_count(page) if found else 0) == len(with_j), (found[:3], sorted(with_j)[:3])
    assert all(re.match(r"\W*j", fold(mark).lower()) for mark in marked), marked  # "(JSON)."


@pytest.mark.parametrize(("typed", "meant"), [
    (NUMBER_MARK, ""),
    (NUMBER_MARK.upper(), ""),
    (f"{FOLD_OPEN}{NUMBER_MARK}", ""),
    (f"cum 2{NUMBER_MARK}", "cum 2"),
    (f"{NUMBER_MARK}nhom 1", "nhom 1"),
    (f"{NUMBER_MARK}cum2{NUMBER_MARK}", "cum2"),
    (f"{FOLD_OPEN}dang{FOLD_CLOSE} van thuy", "dang van thuy"),
])
def test_what_only_the_index_writes_is_taken_out_of_a_query(page: Any, base_url: str, typed: str,
                                                            meant: str) -> None:
    """The mark of the joined numbers typed ("ƶ", or "Ƶ", which Pagefind lowers) was the start of
    every copy "ƶcum2ƶ": it listed every numbered cluster, group and team. A query with it, or
    with the brackets of the copies, finds what the query without them finds: nothing at all
    for the mark alone, as an empty box."""
    page.goto(base_url)
    _open_search(page)
    expected = [r["href"] for r in _search(page, meant)] if meant else []
    assert bool(expected) == bool(meant), meant
    if meant:
        assert [r["href"] for r in _search(page, typed)] == expected
        return
    search_input = page.locator("#portal-search-input")
    search_input.press_sequentially(typed, delay=5)
    _answer(page, typed)  # the UI's debounce (150 ms) and a search: "Không tìm thấy kết quả cho ƶ"
    shown = page.evaluate("document.querySelectorAll('#portal-search-ui .pagefind-ui__result').length")
    assert shown == 0, f"'{typed}' listed {shown} results"


def _header_search_site(folder: Path, pages: dict[str, str]) -> None:
    """A static site of `pages` (address -> the article's HTML), each as the plugin marks it up
    (search.annotate), under the header's search (partials/portal-search.html and its script),
    indexed by Pagefind as a build does."""
    overrides = REPO / "plugins/portal_mkdocs/overrides"
    icons = jinja2.DictLoader({".icons/material/magnify.svg": "", ".icons/material/close.svg": ""})
    env = jinja2.Environment(loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(overrides), icons]), autoescape=True)
    header = env.get_template("partials/portal-search.html").render(base_url="/")
    for url, article in pages.items():
        title = re.sub(r"<[^>]+>", "", article.split("</h1>")[0])
        html = (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body>'
                f'<header class="md-header">{header}</header><article data-pagefind-body>'
                f"{annotate(article, SearchData(title=title))}</article>"
                '<script src="/assets/javascripts/portal-search.js"></script></body></html>')
        (folder / url.strip("/")).mkdir(parents=True, exist_ok=True)
        (folder / url.strip("/") / "index.html").write_text(html, encoding="utf-8")
    (folder / "assets/javascripts").mkdir(parents=True)
    (folder / "assets/javascripts/portal-search.js").write_bytes(SEARCH_SCRIPT.read_bytes())
    build_index(folder)


@pytest.mark.parametrize(("query", "expected"), [
    ("cum 11", ["/cum-muoi-mot/"]),
    ("cum 10", ["/cum-muoi/"]),
    ("cum 21", ["/cum-hai-muoi-mot/"]),
    ("cum 15", ["/cum-muoi-lam/"]),
    ("nhom 4", ["/nhom-tu/"]),
    ("cum 5", ["/cum-nam/"]),
    ("j", ["/truong-j/"]),
])
def test_numbers_in_words_and_compounds_through_the_header_search(
        browser: Any, tmp_path: Path, query: str, expected: list[str]) -> None:
    """The data has no "Cụm Mười Một" nor "Nhóm Tư vấn": a site of a few such pages, the header's
    search over it. "cum 11" finds Cụm Mười Một (it had no copy), "cum 10" only Cụm Mười; "nhom
    4" finds Nhóm Tư and not Nhóm Tư vấn (a consulting group, which had "jnhom4j"); "cum 5" Cụm
    Năm and not a plan of the clusters "năm 2024" (of the year); "j" the school named J and no
    joined number. A number found highlights the body's kind and every
    word of its number ("Cụm Mười Một", not the kind alone)."""
    pages = {
        "/cum-muoi-mot/": "<h1>Cụm Mười Một</h1><p>Cụm trưởng: Hiệu trưởng Trường THCS Minh Hòa.</p>",
        "/cum-muoi/": "<h1>Cụm Mười</h1><p>Cụm trưởng: Hiệu trưởng Trường THCS Long Hòa.</p>",
        "/cum-hai-muoi-mot/": "<h1>CỤM HAI MƯƠI MỐT</h1><p>Gồm 4 trường, năm học 2024-2025.</p>",
        "/cum-muoi-lam/": "<h1>Cụm Mười Lăm (gồm 3 trường)</h1>",
        "/nhom-tu/": "<h1>Nhóm Tư</h1><p>Nhóm liên trường, năm học 2024-2025.</p>",
        "/nhom-tu-van/": "<h1>Nhóm Tư vấn tâm lý học đường</h1><p>Tổ Một số môn; Nhóm Ba lô.</p>",
        "/truong-j/": "<h1>Trường Mầm non J</h1><p>Lớp mẫu giáo 5 tuổi.</p>",
        "/cum-nam/": "<h1>Cụm Năm</h1><p>Cụm trưởng: Hiệu trưởng Trường THCS An Lập.</p>",
        "/ke-hoach-cum/": "<h1>Kế hoạch sinh hoạt cụm năm 2024</h1><p>Các cụm họp hằng tháng.</p>",
    }
    _header_search_site(tmp_path, pages)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(tmp_path) as url:
        page.goto(url + "cum-muoi/")
        _open_search(page)
        found = [r["href"] for r in _search(page, query)]
        marked = _excerpts(page)[0][1] if found else []
    context.close()
    assert found == expected and not errors, (found, errors)
    if re.search(r"\d", query):
        heading = re.sub(r"<[^>]+>", " ", pages[expected[0]].split("</h1>")[0]).split()
        name = [word for word in heading if word.lower() in NUMBERED_KINDS or word.lower() in WORDS]
        assert [word.strip(".,;:()") for word in marked] == name, (query, marked)


def test_the_excerpt_marks_the_number_where_search_py_reads_it(browser: Any, tmp_path: Path) -> None:
    """A joined number matched: the excerpt marks the kind and its number right after it or after
    "số", the whole number. It marked any number word of the next six words ("Ba" of "Nhóm Ba
    Đình số 3", "Hai" of "Cụm Hai Bà số 2") and a spelt number as soon as its first words were
    the number ("Hai" of "Cụm Hai Mươi số 2"). "năm học" may follow a number in words."""
    pages = {
        "/nhom-ba-dinh/": ("<h1>Nhóm Ba Đình số 3</h1><p>Nhóm liên trường của phường.</p>", ["Nhóm", "3"]),
        "/cum-hai-ba/": ("<h1>Cụm Hai Bà số 2</h1><p>Cụm chuyên môn của phường.</p>", ["Cụm", "2"]),
        "/cum-hai-muoi/": ("<h1>Cụm Hai Mươi số 2</h1><p>Cụm chuyên môn của xã.</p>", ["Cụm", "2"]),
        "/cum-hai/": ("<h1>Cụm Hai năm học 2024-2025</h1><p>Cụm chuyên môn của quận.</p>", ["Cụm", "Hai"]),
    }
    _header_search_site(tmp_path, {url: html for url, (html, _) in pages.items()})
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    marked: dict[str, list[str]] = {}
    with serve(tmp_path) as url:
        page.goto(url + "cum-hai/")
        _open_search(page)
        for query in ("nhom 3", "cum 2"):
            results = _search(page, query)
            for result, (_, marks) in zip(results, _excerpts(page), strict=True):
                marked[result["href"]] = [word.strip(".,;:()") for word in marks]
    context.close()
    assert not errors, errors
    assert marked == {url: marks for url, (_, marks) in pages.items()}


# A header search whose Pagefind is a stand-in: its UI keeps the options the script gives it
# (processResult, processTerm), so that a test runs the script's own reading of excerpts.
_STAND_IN = {
    "pagefind/portal-parts.json": '{"merge": []}',
    "pagefind/pagefind.js": "export async function destroy() {}\nexport async function options() {}\n"
                            "export async function filters() { return {}; }\nexport async function mergeIndex() {}\n",
    "pagefind/pagefind-ui.css": "",
    "pagefind/pagefind-ui.js": "window.PagefindUI = function (options) { window.portalUI = options;"
                               " var input = document.createElement('input');"
                               " input.className = 'pagefind-ui__search-input';"
                               " document.querySelector(options.element).appendChild(input); };",
}

# The highlighted words of each excerpt as the script cleans it: [excerpt, ...] -> [[word, ...], ...].
_MARKED_JS = """excerpts => excerpts.map(excerpt => {
  const shown = document.createElement('div');
  shown.innerHTML = window.portalUI.processResult({excerpt: excerpt, meta: {}}).excerpt;
  return Array.from(shown.querySelectorAll('mark'), m => m.textContent);
})"""


def _spellings() -> list[str]:
    """Every run of number words number_words could meet, as a number or not: a unit, "mười",
    "mười" and a unit, a unit and "mươi", a unit, "mươi" and a unit, over every unit word it
    knows (UNITS, and those only after "mười" or "mươi": "lăm", "mốt")."""
    ten, tens = number_words._TEN, number_words._TENS
    units = sorted(WORDS - {ten, tens})
    return ([*units, ten] + [f"{ten} {u}" for u in units] + [f"{u} {tens}" for u in units]
            + [f"{u} {tens} {v}" for u in units for v in units])


def _number_corpus() -> list[tuple[str, int, list[str]]]:
    """Names of clusters, groups and teams with a number in words, derived from number_words'
    tables, each with the number search.py copies before it (the copy an excerpt shows) and the
    words the script should mark for it. Every run of number words (_spellings), marked and typed
    without marks, after the kind, after "số" or a name and "số", ending the name or followed by
    each of FOLLOWERS, by punctuation, by a word that makes a compound ("Nhóm Tư vấn", "Cụm
    Hai Bà Trưng") or by a year ("Cụm Hai năm 2024", "Cụm năm 2024"); kinds and cases in turn.
    Where search.py reads the words as a number, the kind and those words (the whole number: not
    "Hai" of "Hai Mươi"); where it reads none, the name goes on with "số 5", which search.py
    reads: the kind and "5", no number word; or, where the words would be a number if the name
    ended with them, under that number's copy: the kind, no number word."""
    tails = ["", ",", " (gồm 3 trường)", " vấn tâm lý", " Bà Trưng", " học", " lần mỗi tháng",
             " năm 2024", " NĂM 2024-2025", " nam 2024", " 2024",
             *(f" {follower} Mẫu" for follower in FOLLOWERS)]
    cases = (str.title, str.upper, str.lower)
    corpus = []
    for n, (spelt, marked, before, tail) in enumerate(
            (spelt, marked, before, tail) for spelt in _spellings() for marked in (True, False)
            for before in ("", "số ", "chuyên môn số ") for tail in tails):
        kind = cases[n % len(cases)](NUMBERED_KINDS[n % len(NUMBERED_KINDS)])
        words = cases[n // len(NUMBERED_KINDS) % len(cases)](spelt if marked else number_words._unmarked(spelt))
        text = f"{kind} {before}{words}{tail}"
        read = _read_numbers(text)
        for match, value in read:
            corpus.append((text, value, [kind, *(word.strip(".,;:()") for word in match.split())]))
        if not read and not before and not tail and len(words.split()) <= 2:
            assert _copied(f"{text} số 5") == [5], text
            corpus.append((f"{text} số 5", 5, [kind, "5"]))
        # Marked only: words typed without marks before a marked follower ("Cụm ba muoi quận") are
        # none to search.py, which reads them with its unmarked FOLLOWERS ("quan"), not to the script.
        if not read and marked and tail and (ended := _read_numbers(f"{kind} {before}{words}")):
            corpus.append((text, ended[0][1], [kind]))
    return corpus


def _copied(text: str) -> list[int]:
    """The numbers search.py copies before the names of `text`."""
    return [int(re.sub(r"\D", "", copy[0])) for _, copy in search_module._number_copies(text)]


def _read_numbers(text: str) -> list[tuple[str, int]]:
    """The number words search.py reads in `text` and their value (its copies: _number_copies)."""
    found = []
    for match in search_module._NUMBERED.finditer(text):
        if match.group(3) is not None and (read := number_words.read(text, match.start(3))) is not None:
            found.append((text[match.start(3):read.end], read.value))
    assert [value for _, value in found] == _copied(text), text
    return found


def test_the_excerpt_reads_a_number_in_words_as_number_words_does(browser: Any, tmp_path: Path) -> None:
    """portal-search.js reads numbers in words again in the excerpts it highlights, a mirror of
    number_words.py (and of search.py, which copies "Cụm Hai" as "ƶcum2ƶ"): the tables are compared
    above, this compares the readings. Over a corpus derived from number_words' own tables, each
    name under the copy of a number search.py reads there, or of one it could be mistaken for:
    the script marks the kind and the whole number where search.py reads that number, and no
    number word where it reads none or another."""
    corpus = _number_corpus()
    assert len(corpus) > 10000
    overrides = REPO / "plugins/portal_mkdocs/overrides"
    icons = jinja2.DictLoader({".icons/material/magnify.svg": "", ".icons/material/close.svg": ""})
    env = jinja2.Environment(loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(overrides), icons]), autoescape=True)
    header = env.get_template("partials/portal-search.html").render(base_url="/")
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>T</title></head><body>'
        f'<header class="md-header">{header}</header>'
        '<script src="/assets/javascripts/portal-search.js"></script></body></html>', encoding="utf-8")
    for name, text in {**_STAND_IN, "assets/javascripts/portal-search.js": SEARCH_SCRIPT.read_text("utf-8")}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        with serve(tmp_path) as url:
            page.goto(url)
            _open_search(page)
            excerpts = []
            for text, value, _ in corpus:
                kind = fold(text.split()[0])
                first, *more = (f"{FOLD_OPEN}{NUMBER_MARK}{kind}{n}{NUMBER_MARK}{FOLD_CLOSE}"
                                for n in dict.fromkeys((f"{value}", f"{value:02d}")))
                excerpts.append(" ".join([f"<mark>{first}</mark>", *more, text]))
            marked = page.evaluate(_MARKED_JS, excerpts)
    finally:
        context.close()
    assert not errors, errors
    wrong = [(text, value, expected, [word.strip(".,;:()") for word in got])
             for (text, value, expected), got in zip(corpus, marked, strict=True)
             if [word.strip(".,;:()") for word in got] != expected]
    assert not wrong, f"{len(wrong)} of {len(corpus)}: " + "\n".join(map(str, wrong[:40]))


def test_a_group_is_found_by_its_role_and_subject_without_marks(page: Any, base_url: str) -> None:
    page.goto(base_url)
    _open_search(page)
    results = _search(page, "nhom truong toan")
    urls = [r["href"] for r in results[:3]]
    assert "/to-chuc/dbp-to-cot-can-thcs-gv-toan/2024-2025/" in urls, results[:5]
    toan = next(r for r in results if r["href"] == "/to-chuc/dbp-to-cot-can-thcs-gv-toan/2024-2025/")
    assert toan["title"] == "Nhóm Toán — 2024-2025"
    assert "Phòng GDĐT TP Điện Biên Phủ" in toan["excerpt"] and "Hà Thị Liên" in toan["excerpt"]


def test_a_filter_restricts_the_results(page: Any, base_url: str) -> None:
    page.goto(base_url)
    _open_search(page)
    before = _search(page, "ha thi lien")
    assert before[0]["href"] == "/nguoi/dbp-ha-thi-lien/"
    count_before = _result_count(page)
    block = page.locator(".pagefind-ui__filter-block", has_text="Năm học")
    block.locator("summary").click()
    block.locator("label", has_text="2023-2024").click()
    # The list is redrawn with the filter: some results, none of them her page (2024-2025).
    after = page.wait_for_function(
        """() => {
          const ui = document.querySelector('#portal-search-ui');
          const hrefs = Array.from(ui.querySelectorAll('a.pagefind-ui__result-link')).map(a => a.getAttribute('href'));
          if (ui.querySelector('.pagefind-ui__loading') || !hrefs.length) return null;
          return hrefs.includes('/nguoi/dbp-ha-thi-lien/') ? null : hrefs;
        }""", timeout=10_000).json_value()
    assert after
    assert 0 < _result_count(page) < count_before
    # Every page left carries the filter (asked through Pagefind's own API).
    filters = page.evaluate("""async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search('ha thi lien', {filters: {'Năm học': '2023-2024'}});
      return Promise.all(search.results.map(async r => (await r.data()).filters['Năm học'] || []));
    }""")
    assert filters and all("2023-2024" in values for values in filters)


def _shown_filters(page: Any) -> dict[str, list[str]]:
    """The filter groups of the search panel and their values, in the order shown."""
    shown: dict[str, list[str]] = page.evaluate("""() => Object.fromEntries(
      Array.from(document.querySelectorAll('#portal-search-ui .pagefind-ui__filter-block'), block => [
        block.querySelector('legend').textContent.trim(),
        Array.from(block.querySelectorAll('.pagefind-ui__filter-value input'), input => input.value)]))""")
    return shown


def test_filters_and_their_values_are_in_vietnamese_order(page: Any, base_url: str, site: Path) -> None:
    """Pagefind's UI lists values by their bytes ("Toán, Vật lí, Âm nhạc"; "Tân" after
    "Thanh"; "Đơn vị" after every other filter): the search script reorders them."""
    page.goto(base_url)
    _open_search(page)
    _search(page, "truong")  # a word on most pages: every filter, many values
    page.wait_for_function("""(n) => document.querySelectorAll(
      '#portal-search-ui .pagefind-ui__filter-block').length === n""", arg=len(FILTER_LABELS))
    shown = _shown_filters(page)
    assert list(shown) == list(FILTER_LABELS.values())
    assert any(values != sorted(values) for values in shown.values()), "nothing to reorder: a weak test"
    for label, values in shown.items():
        assert values == sorted(values, key=collation_key), label
    assert shown["Môn"].index("Âm nhạc") < shown["Môn"].index("Toán")
    order = json.loads((site / "pagefind" / "portal-filter-order.json").read_text(encoding="utf-8"))
    assert all(set(values) <= set(order[label]) for label, values in shown.items())
    # A value still filters from its new place, and the order holds as the counts change.
    block = page.locator(".pagefind-ui__filter-block", has_text="Môn")
    block.locator("summary").click()
    block.locator("label", has_text="Âm nhạc").click()
    filtered = page.evaluate("""async () => {
      const search = await (await import('/pagefind/pagefind.js')).search('truong', {filters: {'Môn': 'Âm nhạc'}});
      return search.results.length;
    }""")
    assert filtered > 0
    page.wait_for_function("""(n) => document.querySelector('#portal-search-ui input[value="Âm nhạc"]').checked
      && document.querySelector('#portal-search-ui .pagefind-ui__message').textContent.startsWith(n + ' kết quả')
      && !document.querySelector('#portal-search-ui .pagefind-ui__loading')""", arg=filtered)
    for label, values in _shown_filters(page).items():
        assert values == sorted(values, key=collation_key), label


# How long portal-search.js waits for the filters before it starts Pagefind's UI anyway.
FILTERS_WAIT_S = int(re.search(r"FILTERS_WAIT_MS = (\d+);", SEARCH_SCRIPT.read_text(encoding="utf-8"))[1]) / 1000


def _hold_filter_files(page: Any, but_first: bool) -> list[Any]:
    """Pagefind's filter files asked by the page, held back (but the first, if `but_first`)
    until the test lets them go: the routes held."""
    held: list[Any] = []
    asked: list[str] = []

    def hold(route: Any) -> None:
        asked.append(route.request.url)
        if but_first and len(asked) == 1:
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r"\.pf_filter$"), hold)
    return held


def test_the_first_search_shows_every_filter_even_when_the_filters_come_late(page: Any, base_url: str) -> None:
    """Pagefind's UI keeps the filter groups its first search saw: a search that ended while
    the filters were on their way showed one or two groups of six until the next keystroke
    (portal-search.js loads every filter before the UI starts). Here every filter file but
    the first is held back until a first search has shown its results, or for 2.5 seconds."""
    held = _hold_filter_files(page, but_first=True)
    requests = Requests(page)
    page.goto(base_url)
    page.locator(".md-header .portal-search__toggle").click()
    query = page.locator(".pagefind-ui__search-input")
    typed = False
    deadline = time.monotonic() + min(2.5, FILTERS_WAIT_S - 1)
    while time.monotonic() < deadline:  # a quick typist: the query goes in as soon as there is an input
        if not typed and query.count():
            query.press_sequentially("ha thi lien", delay=5)
            typed = True
        if typed and page.evaluate(RESULTS_COUNTED):
            break
        page.wait_for_timeout(50)
    assert held, "no filter file was held back: the test did not delay the filters"
    for route in held:
        route.continue_()
    if not typed:
        query.press_sequentially("ha thi lien", delay=5)
    page.wait_for_function(RESULTS_COUNTED, timeout=10_000)
    settle(page, requests)  # the filter files let go have come, the filters are drawn
    groups = page.locator("#portal-search-ui .pagefind-ui__filter-group")
    assert groups.count() == len(FILTER_LABELS), groups.all_inner_texts()


def test_filters_that_never_come_do_not_keep_the_search_box_away(page: Any, base_url: str) -> None:
    _hold_filter_files(page, but_first=False)
    page.goto(base_url)
    page.locator(".md-header .portal-search__toggle").click()
    assert page.locator("#portal-search-panel .portal-search__status").inner_text() == "Đang tải tìm kiếm…"
    page.keyboard.press("Escape")  # Esc closes the panel while it loads, the focus not in it yet
    assert page.locator("#portal-search-panel").is_hidden()
    search_input = _open_search(page)  # waits for the box: FILTERS_WAIT_S at most
    assert page.locator("#portal-search-panel .portal-search__status").is_hidden()
    assert search_input.is_visible()
    assert _search(page, "ha thi lien")[0]["href"] == "/nguoi/dbp-ha-thi-lien/"


def test_a_failed_load_is_said_and_the_next_opening_loads_the_index_once(page: Any, base_url: str) -> None:
    page.goto(base_url)
    _open_search(page)
    expected = _search(page, "ha thi lien")
    count = _result_count(page)
    failed = {"pagefind-ui.js": False}

    def fail_once(route: Any) -> None:
        if failed["pagefind-ui.js"]:
            route.continue_()
        else:
            failed["pagefind-ui.js"] = True
            route.abort()

    # The index is still loading when the reader opens the search again (its entry file is
    # held until then): the second opening keeps it rather than loading it afresh.
    held: list[Any] = []
    entries: list[str] = []

    def hold_first(route: Any) -> None:
        entries.append(route.request.url)
        if held:
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r"/pagefind/pagefind-ui\.js$"), fail_once)
    page.route(re.compile(r"/pagefind/pagefind-entry\.json"), hold_first)
    page.reload()
    page.locator(".md-header .portal-search__toggle").click()
    status = page.locator("#portal-search-panel .portal-search__status")
    status.filter(has_text="Chưa có chỉ mục tìm kiếm").wait_for()
    page.locator(".portal-search__close").click()
    page.locator(".md-header .portal-search__toggle").click()
    for route in held:
        route.continue_()
    page.locator("#portal-search-input").wait_for(state="visible")
    assert _search(page, "ha thi lien") == expected
    assert _result_count(page) == count  # in parts: none merged twice
    assert len(entries) == 1, entries


def test_private_contacts_are_not_found(page: Any, base_url: str) -> None:
    page.goto(base_url)
    _open_search(page)
    for value in PRIVATE:
        results = _search(page, value)
        assert all(value not in r["excerpt"] for r in results)
    contents = page.evaluate("""async (values) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const found = [];
      for (const value of values) {
        const search = await pagefind.search(value);
        for (const r of search.results) {
          const data = await r.data();
          if (data.content.includes(value)) found.push([value, data.url]);
        }
      }
      return found;
    }""", PRIVATE)
    assert contents == []


def test_on_a_phone_by_keyboard_and_across_instant_navigation(page: Any, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "nguoi/dbp-le-thi-hong/")
    toggle = page.locator(".md-header .portal-search__toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    page.locator("body").press("/")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'portal-search-input'")
    label = page.locator("label[for=portal-search-input]")
    assert label.is_visible() and "không dấu" in label.inner_text()
    assert toggle.get_attribute("aria-expanded") == "true"
    results = _search(page, "do tan nhan")
    assert results[0]["href"] == "/nguoi/dt-do-tan-nhan/"
    panel = page.locator("#portal-search-panel").bounding_box()
    assert panel is not None and panel["x"] >= 0 and panel["x"] + panel["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-360.png"))
    # Keyboard only: Tab reaches the first result, Enter follows it.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('pagefind-ui__result-link')"):
            break
    else:
        pytest.fail("no result link reachable with Tab")
    page.evaluate("window.__stillTheSamePage = true")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nguoi/dt-do-tan-nhan/")
    page.wait_for_function("() => (document.querySelector('article h1') || {}).textContent?.includes('Đỗ')")
    assert page.evaluate("window.__stillTheSamePage === true"), "Material's instant navigation did not take over"
    assert page.locator("#portal-search-panel").is_hidden()
    assert toggle.get_attribute("aria-expanded") == "false"
    # The header search still works on the new page; Esc closes it and the focus goes back.
    _open_search(page)
    assert _search(page, "ha thi lien")[0]["href"] == "/nguoi/dbp-ha-thi-lien/"
    page.keyboard.press("Escape")
    assert page.locator("#portal-search-panel").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('portal-search__toggle')")
    # Pagefind's files come from the site itself, not from a CDN.
    bundle = [url for url in requests if "pagefind" in url]
    assert bundle and all(url.startswith(base_url + "pagefind/") for url in bundle), bundle
