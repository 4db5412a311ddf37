"""Printing a list gives the official DANH SÁCH sheet an office posts on a notice board
(issue 15, part 1).

One list of each kind (team, subject group, cluster, inter-school group, and any kind the
data adds), the longest of its kind, is printed to PDF by chromium (Playwright's page.pdf,
A4, the page's own print stylesheet) from a site built with site_url. The PDF is read back
with pdfplumber (text, page count) and its first page rendered to an image in which
zxing-cpp, a real QR decoder, reads the code back to the page's address.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
import zxingcpp
from browser_util import build_site, chromium, require_chromium, serve

from conftest import REPO
from portal import wording
from portal.load import load_or_raise
from portal.model import Body, Portal
from portal.pages import Pages


@dataclass(frozen=True)
class PrintedList:
    kind: str
    url: str  # under the site
    body: Body
    pdf: bytes
    pages: list[str]  # each page's text
    first_page_codes: list[str]  # what the QR decoder reads on page 1
    link_styles: list[dict[str, str]]  # each link of the roster as printed


def _one_text(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def portal() -> Portal:
    model, _ = load_or_raise(REPO / "data", REPO)
    return model


def _longest_list_of_each_kind(portal: Portal) -> dict[str, Body]:
    """Per body kind, the body with the most rows (so that its sheet runs over pages)."""
    found: dict[str, Body] = {}
    for body in portal.bodies.values():
        rows = len(portal.roster(body))
        if rows and (body.kind not in found or rows > len(portal.roster(found[body.kind]))):
            found[body.kind] = body
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, portal: Portal) -> Iterator[dict[str, PrintedList]]:
    require_chromium()
    site = tmp_path_factory.mktemp("print") / "site"
    pages = Pages(portal)
    bodies = _longest_list_of_each_kind(portal)
    result: dict[str, PrintedList] = {}
    with serve(site) as base, chromium() as browser:
        build_site(site, site_url=base)
        for kind, body in bodies.items():
            url = pages.url("body", body=body.id, year=body.school_year)
            page = browser.new_page()
            page.goto(base + url)
            page.emulate_media(media="print")
            styles = page.evaluate("""() => [...document.querySelectorAll('.portal-roster a')].map(a => {
                const s = getComputedStyle(a);
                return {text: a.textContent, line: s.textDecorationLine, color: s.color}; })""")
            pdf = page.pdf(format="A4")
            page.close()
            with pdfplumber.open(io.BytesIO(pdf)) as document:
                texts = [p.extract_text() or "" for p in document.pages]
                image = document.pages[0].to_image(resolution=200).original
            codes = [code.text for code in zxingcpp.read_barcodes(image)]
            result[kind] = PrintedList(kind, base + url, body, pdf, texts, codes, styles)
        yield result


def test_every_list_kind_is_printed(printed: dict[str, PrintedList]) -> None:
    assert {"to-cot-can", "nhom-bo-mon", "cum-chuyen-mon", "nhom-lien-truong"} <= set(printed)


def test_the_first_page_is_the_official_sheet(printed: dict[str, PrintedList], portal: Portal) -> None:
    for kind, sheet in printed.items():
        first = _one_text(sheet.pages[0])
        body = sheet.body
        listed_in = portal.documents[body.list_document]
        issuer = wording.issuer_heading(portal, listed_in.issuer or body.office)
        expected = [*issuer, *wording.NATIONAL_HEADING, "DANH SÁCH", body.name, f"năm học {body.school_year}",
                    wording.list_origin(portal, body), "Họ và tên", "Vai trò", "Chức vụ - Đơn vị công tác"]
        for words in expected:
            assert _one_text(words) in first, f"{kind}: '{words}' not on the first page:\n{first[:800]}"
        # The issuer is on the left of the nation, line by line, as on the decision.
        top = sheet.pages[0].splitlines()[0]
        assert top.index(issuer[0][:10]) < top.index(wording.NATIONAL_HEADING[0][:10]), top
        # The role column is kept: the leader's row says who leads.
        leader = next(m for m in portal.roster(body) if m.role in ("to-truong", "nhom-truong", "cum-truong",
                                                                    "chu-tich"))
        assert wording.member_role(leader) in first, f"{kind}: the leader's role is not printed"
        # Nothing of the screen: no menu, no search, no chart, no download line.
        for screen_only in ("Tìm kiếm", "Tải danh sách", "Hình vẽ", "Nhiệm vụ"):
            assert screen_only not in first, f"{kind}: '{screen_only}' printed"


def test_no_blank_last_page_and_pages_are_numbered(printed: dict[str, PrintedList], portal: Portal) -> None:
    multi = 0
    for kind, sheet in printed.items():
        roster = portal.roster(sheet.body)
        last = roster[-1]
        name = portal.people[last.person].name if last.person else portal.schools[last.school or ""].name
        count = len(sheet.pages)
        # Each page carries rows: the last row's name is on the last page, and no page is
        # without a row's text once the heading is past.
        last_words = _one_text(name).split()[-1]
        assert last_words in sheet.pages[-1], f"{kind}: the last page has no row ({count} pages)"
        for number, text in enumerate(sheet.pages, start=1):
            assert f"{number}/{count}" in text, f"{kind}: page {number} is not numbered '{number}/{count}'"
            assert len(_one_text(text)) > len(f"{number}/{count}") + 10, f"{kind}: page {number} is blank"
        # The pages it needs: about 20 rows or fewer a page on A4.
        assert count <= len(roster) // 8 + 1, f"{kind}: {count} pages for {len(roster)} rows"
        multi += count > 1
    assert multi, "no list runs over two pages: the blank-last-page check has nothing to bite on"


def test_the_qr_code_reads_back_to_the_pages_address(printed: dict[str, PrintedList]) -> None:
    for kind, sheet in printed.items():
        assert sheet.first_page_codes == [sheet.url], kind
        assert _one_text(sheet.url) in _one_text(sheet.pages[0]).replace(" ", "") or sheet.url in sheet.pages[0], kind


def test_names_are_plain_text_on_paper(printed: dict[str, PrintedList]) -> None:
    for kind, sheet in printed.items():
        assert sheet.link_styles, kind
        for style in sheet.link_styles:
            assert style["line"] == "none" and style["color"] == "rgb(0, 0, 0)", (kind, style)


def test_without_site_url_no_qr_code_is_printed(repo_site: Path) -> None:
    html = (repo_site / "to-chuc/dbp-to-cot-can-thcs-gv-toan/2024-2025/index.html").read_text(encoding="utf-8")
    assert "DANH SÁCH" in html and "portal-print-qr" not in html and "<svg role=\"img\" aria-label=\"Mã QR" not in html


