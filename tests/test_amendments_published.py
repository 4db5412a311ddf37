"""What the site and its files say of a list that changed during the year: the exports' from and
until columns, the year's JSON, the Atom entry of each amending decision, the leader in force on a
school's page, the body's page without its script, and a person's timeline with its text equivalent.

The sample office's Quyết định 260 replaces the Toán group's leader from 4/11/2024 (and sets up
the Tin học group); a small dataset adds a second office-year with two amending decisions.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from conftest import Dataset, load_or_raise
from portal import exports, feed, terms
from portal.contexts import PersonPage
from portal.dates import SchoolYear
from portal.importer import import_roster
from portal.model import Portal
from portal.pages import Pages, PageSpec
from portal.render import Renderer

Y2024 = SchoolYear(2024)
ATOM = "{http://www.w3.org/2005/Atom}"
TOAN = "mau-to-cot-can-toan"


@pytest.fixture(scope="module")
def pages(repo_portal: Portal) -> Pages:
    return Pages(repo_portal)


def _page(pages: Pages, url: str) -> tuple[PageSpec, str]:
    spec = next(s for s in pages.all() if s.url == url)
    return spec, Renderer(pages).render(spec)


# The exports --------------------------------------------------------------------------------------


def test_the_csv_dates_each_row_and_names_its_decision(repo_portal: Portal) -> None:
    body = repo_portal.bodies[(Y2024, TOAN)]
    rows = list(csv.reader(io.StringIO(exports.roster_csv(repo_portal, body).decode("utf-8-sig"))))
    assert rows[0][5:] == ["Từ ngày", "Đến ngày", "Theo văn bản"]
    by_name = {row[1]: row for row in rows[1:]}
    # The leader of the list as first signed, until the eve of the amendment; the newcomer from
    # its day, in the same row number; the others all year, by the founding decision 215, then
    # by 260, which replaced it and lists them anew: both named, and from when. "Từ ngày"
    # stays empty: the row is in force from 215's day, the first document the cell names.
    assert by_name["Võ Văn Khoa"][0] == by_name["Phạm Thị Lan"][0] == "1"
    assert by_name["Võ Văn Khoa"][5:] == ["", "03/11/2024", "Quyết định số 215/QĐ-PGDĐT"]
    assert by_name["Phạm Thị Lan"][5:] == ["04/11/2024", "", "Quyết định số 260/QĐ-PGDĐT"]
    assert by_name["Đỗ Thị Mỹ Duyên"][5:] == ["", "", "Quyết định số 215/QĐ-PGDĐT; thay thế bởi Quyết định số "
                                                    "260/QĐ-PGDĐT từ ngày 04/11/2024"]
    # Row by row: the one who took the leader's row over comes right after it.
    assert [row[1] for row in rows[1:3]] == ["Võ Văn Khoa", "Phạm Thị Lan"]


def test_the_team_list_carries_its_groups_rows_with_their_own_decisions(repo_portal: Portal, pages: Pages) -> None:
    team = repo_portal.bodies[(Y2024, "mau-to-cot-can")]
    rows = exports.roster_rows(repo_portal, team)
    assert ("Phạm Thị Lan", "04/11/2024", "", "Quyết định số 260/QĐ-PGDĐT") in {
        (r[1], r[5], r[6], r[7]) for r in rows}
    # The Tin học group was set up by Quyết định 260: its rows are its list as first signed, in
    # force from that decision's day, as the page's rows say (data-from).
    tin_hoc = [r for r in rows if r[3] == "Tin học"]
    by_260 = "Quyết định số 260/QĐ-PGDĐT"
    assert [(r[1], r[5], r[7]) for r in tin_hoc] == [("Trịnh Minh Khôi", "04/11/2024", by_260),
                                                     ("Quách Thị Bích Ngọc", "04/11/2024", by_260)]
    _, page = _page(pages, "to-chuc/mau-to-cot-can/2024-2025/")
    for row in tin_hoc:
        tr = next(tr for tr in page.split("<tr")[1:] if row[1] in tr)
        assert tr.startswith(' data-from="2024-11-04"'), tr[:80]
    # The rows of the list as first signed stay without a day (in force from its decision).
    assert next(r for r in rows if r[1] == "Đỗ Thị Mỹ Duyên")[5] == ""


def test_the_xlsx_has_the_same_columns_and_imports_back_as_first_signed(repo_portal: Portal, tmp_path: Path) -> None:
    body = repo_portal.bodies[(Y2024, TOAN)]
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(exports.roster_xlsx(repo_portal, body))
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    values = [tuple("" if v is None else str(v) for v in row) for row in sheet.iter_rows(values_only=True)]
    header = values.index(exports.ROSTER_COLUMNS)
    assert values[header + 1:] == exports.roster_rows(repo_portal, body)
    # The importer reads back the list as signed: the row an amending decision put in is left
    # out, and the report says so.
    result = import_roster(repo_portal, body.office, path, year=Y2024, body=TOAN)
    assert result.errors == [], result.report()
    assert [row.person for row in result.rows] == [m.person for m in body.members]
    assert "Bỏ qua 1 dòng có 'Từ ngày'" in result.report()


def test_the_year_json_carries_the_amendments_and_the_dated_terms(repo_portal: Portal) -> None:
    data = json.loads(exports.year_json(repo_portal, Y2024))
    body = next(b for b in data["bodies"] if b["id"] == TOAN)
    (amendment,) = body["amendments"]
    assert (amendment["decision"], amendment["from"]) == ("mau-2024-qd-to-cot-can-kien-toan", "2024-11-04")
    assert amendment["replace"][0]["person"] == "mau-vo-van-khoa"
    assert amendment["replace"][0]["with"]["person"] == "mau-pham-thi-lan"
    assert [(t["person"], t["role"], t["from"], t["until"], t["decision"], t["ended_by"]) for t in body["terms"]
            if t["role"] == "nhom-truong"] == [
        ("mau-vo-van-khoa", "nhom-truong", None, "2024-11-03", None, "mau-2024-qd-to-cot-can-kien-toan"),
        ("mau-pham-thi-lan", "nhom-truong", "2024-11-04", None, "mau-2024-qd-to-cot-can-kien-toan", None)]
    # Everyone a term names is among the year's people, the amending decision among its documents.
    assert {"mau-vo-van-khoa", "mau-pham-thi-lan"} <= {p["id"] for p in data["people"]}
    assert "mau-2024-qd-to-cot-can-kien-toan" in {d["id"] for d in data["documents"]}
    # A list nobody amended: no amendment, one open term per member.
    plain = next(b for b in data["bodies"] if b["id"] == "mau-cum-1")
    assert plain["amendments"] == [] and len(plain["terms"]) == len(plain["members"])
    assert all(t["from"] is None and t["until"] is None for t in plain["terms"])


# The Atom feed: an entry per amending decision, saying what it changed ---------------------------

AMENDING = """\
school_year: 2024-2025
office: pgddt-a
documents:
  - {id: a-2024-qd-1, kind: quyet-dinh, number: 1/QĐ-PGDĐT, date: 2024-09-13, title: Về việc thành lập tổ cốt cán}
  - {id: a-2024-qd-8, kind: quyet-dinh, number: 8/QĐ-PGDĐT, date: 2024-12-02,
     title: Về việc điều chỉnh thành viên tổ cốt cán}
  - {id: a-2025-qd-3, kind: quyet-dinh, number: 3/QĐ-PGDĐT, date: 2025-03-03,
     title: Về việc bổ sung thành viên Nhóm Toán}
bodies:
  - id: a-to
    kind: to-cot-can
    name: Tổ cốt cán
    decision: a-2024-qd-1
    members: [{person: a-le-thi-hong, role: to-truong}]
    amendments:
      - decision: a-2024-qd-8
        from: 2024-12-02
        replace: [{person: a-le-thi-hong, with: {person: a-ngo-thi-cuc, role: to-truong}}]
  - id: a-to-toan
    kind: nhom-bo-mon
    name: Nhóm Toán
    parent: a-to
    decision: a-2024-qd-1
    subject: toan
    members:
      - {stt: 1, person: a-ha-thi-lien, role: nhom-truong}
      - {stt: 2, person: a-dang-van-thuy, role: uy-vien}
    amendments:
      - decision: a-2024-qd-8
        from: 2024-12-02
        roles: [{person: a-dang-van-thuy, role: pho-nhom-truong}]
      - decision: a-2025-qd-3
        from: 2025-03-03
        add: [{stt: 3, person: a-vu-van-dat, role: uy-vien}]
"""


def test_an_atom_entry_per_amending_decision_says_what_it_changed(dataset: Dataset) -> None:
    dataset.files.pop("years/2024-2025/pgddt-a.yml")
    dataset.files["people/pgddt-a.yml"]["people"] += [
        {"id": "a-ngo-thi-cuc", "name": "Ngô Thị Cúc", "honorific": "Bà"}, {"id": "a-vu-van-dat", "name": "Vũ Văn Đạt"}]
    dataset.raw["years/2024-2025/pgddt-a.yml"] = AMENDING
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    root = ET.fromstring(feed.feed_bytes(portal, None, "https://so.example.vn/"))
    entries = {link.get("href"): entry for entry in root.iter(f"{ATOM}entry")
               for link in entry.iter(f"{ATOM}link")}
    assert sorted(entries) == [f"https://so.example.vn/van-ban/{d}/" for d in ("a-2024-qd-1", "a-2024-qd-8",
                                                                              "a-2025-qd-3")]

    def categories(doc: str) -> list[str | None]:
        return [c.get("term") for c in entries[f"https://so.example.vn/van-ban/{doc}/"].iter(f"{ATOM}category")]

    def summary(doc: str) -> str:
        return entries[f"https://so.example.vn/van-ban/{doc}/"].findtext(f"{ATOM}summary") or ""

    assert categories("a-2024-qd-1") == ["quyet-dinh"]
    assert categories("a-2024-qd-8") == categories("a-2025-qd-3") == ["quyet-dinh", feed.AMENDING_TERM]
    # One decision, two lists changed: both said, each with its day.
    assert summary("a-2024-qd-8").splitlines()[1:] == [
        "Từ ngày 02/12/2024, Tổ cốt cán: Bà Ngô Thị Cúc thay bà Lê Thị Hồng làm Tổ trưởng.",
        "Từ ngày 02/12/2024, Nhóm Toán: Đặng Vân Thùy chuyển từ Ủy viên sang Phó Nhóm trưởng."]
    assert summary("a-2025-qd-3").splitlines()[1:] == ["Từ ngày 03/03/2025, Nhóm Toán: Bổ sung Vũ Văn Đạt (Ủy viên)."]
    assert "Từ ngày" not in summary("a-2024-qd-1")


# Pages ---------------------------------------------------------------------------------------------


class _Visible(HTMLParser):
    """The text of a page's table rows as a reader without the script sees them (rows with
    `hidden` left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[str] = []
        self.hidden_depth = 0
        self.in_row = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.in_row = True
            self.rows.append("")
            self.hidden_depth = 1 if any(name == "hidden" for name, _ in attrs) else 0

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            if self.hidden_depth:
                self.rows.pop()
            self.in_row = False

    def handle_data(self, data: str) -> None:
        if self.in_row:
            self.rows[-1] += data


def test_without_the_script_the_body_page_shows_the_latest_list_and_the_history(pages: Pages) -> None:
    spec, html = _page(pages, f"to-chuc/{TOAN}/2024-2025/")
    visible = _Visible()
    visible.feed(html)
    shown = " | ".join(visible.rows)
    assert "Phạm Thị Lan" in shown and "Võ Văn Khoa" not in shown
    assert re.search(r"Danh sách hiện hành theo <a [^>]+>Quyết định số 260/QĐ-PGDĐT</a>, từ ngày 04/11/2024\.", html)
    assert "<li>Bà Phạm Thị Lan thay ông Võ Văn Khoa làm Nhóm trưởng.</li>" in html
    # The control of the list on a date waits for the script; the rows carry their days.
    assert re.search(r'<div class="portal-asof" data-portal-asof hidden', html)
    assert '<tr data-from="2024-09-10" data-until="2024-11-03" hidden>' in html
    # A list nobody amended, whose decision nobody replaced, has neither control nor dates; one
    # replaced though never amended (Nhóm Ngữ văn: Quyết định 260 keeps it as it was) has both.
    _, plain = _page(pages, "to-chuc/mau-cum-1/2024-2025/")
    assert "data-portal-asof" not in plain and "data-from" not in plain
    _, replaced = _page(pages, "to-chuc/mau-to-cot-can-ngu-van/2024-2025/")
    assert re.search(r'<div class="portal-asof" data-portal-asof hidden', replaced)
    assert '<tr data-from="2024-09-10" data-until="">' in replaced


def test_the_school_page_names_the_leader_in_force_and_whom_she_replaced(pages: Pages) -> None:
    for school in ("mau-thcs-binh-minh", "mau-thcs-hoa-sen"):  # the newcomer's school and her predecessor's
        _, html = _page(pages, f"truong/{school}/2024-2025/")
        row = next(r for r in html.split("<tr") if "mau-to-cot-can-toan/2024-2025/" in r)
        assert "Phạm Thị Lan" in row and "Võ Văn Khoa</a>" not in row
        assert '<span class="portal-since">Nhóm trưởng từ 04/11/2024, thay ông Võ Văn Khoa</span>' in row
    # A leader in office since the list was first signed has no such line.
    _, html = _page(pages, "truong/mau-thcs-binh-minh/2024-2025/")
    english = next(r for r in html.split("<tr") if "mau-to-cot-can-tieng-anh/2024-2025/" in r)
    assert "portal-since" not in english


def test_the_person_timeline_and_its_text_equivalent(pages: Pages) -> None:
    spec, html = _page(pages, "nguoi/mau-vo-van-khoa/")
    assert isinstance(spec.context, PersonPage)
    svg = spec.context.timeline
    assert svg.startswith('<figure class="portal-chart portal-timeline"><svg role="img" aria-labelledby=')
    assert "<title id=\"thoi-gian-mau-vo-van-khoa-t\">Vai trò của Võ Văn Khoa qua các năm học</title>" in svg
    # The description and the table say every term, with when and by which decision.
    desc = re.search(r"<desc [^>]*>([^<]*)</desc>", svg)
    assert desc is not None
    assert desc.group(1).split("; ") == [
        "Nhóm trưởng, Nhóm Toán (dữ liệu mẫu), năm học 2022-2023, cả năm học",
        "Nhóm trưởng, Nhóm Toán (dữ liệu mẫu), năm học 2023-2024, cả năm học",
        "Nhóm trưởng, Nhóm Toán (dữ liệu mẫu), năm học 2024-2025, đến 03/11/2024"]
    rows = re.findall(r"<tr><td[^>]*><a [^>]+>(\d{4}-\d{4})</a></td>.*?<td[^>]*>([^<]*)</td>\s*<td[^>]*>([^<]*)</td>"
                      r".*?<td[^>]*><a href=\"[^\"]*van-ban/([a-z0-9-]+)/\">", html, re.S)
    assert rows == [("2022-2023", "Nhóm trưởng", "cả năm học", "mau-2022-qd-to-cot-can"),
                    ("2023-2024", "Nhóm trưởng", "cả năm học", "mau-2023-qd-to-cot-can"),
                    ("2024-2025", "Nhóm trưởng", "đến 03/11/2024", "mau-2024-qd-to-cot-can")]
    # One bar per term, drawn in whole pixels; the last stops at the amendment, before the year's end.
    bars = re.findall(r'<rect x="(\d+)" y="\d+" width="(\d+)"', svg)
    assert len(bars) == 3
    year_lines = [int(x) for x in re.findall(r'<line x1="(\d+)"', svg)]
    assert int(bars[2][0]) + int(bars[2][1]) < 8 + (640 - 16)
    assert year_lines == sorted(year_lines) and len(year_lines) == 3


def test_the_newcomers_term_links_the_amending_decision(pages: Pages) -> None:
    spec, _ = _page(pages, "nguoi/mau-pham-thi-lan/")
    assert isinstance(spec.context, PersonPage)
    # Her term of 2024-2025 (2025-2026 follows, under the sample office's successor).
    last = [entry for entry in spec.context.entries if entry.seat.body.school_year.label == "2024-2025"][-1]
    assert (last.period, last.decision.id if last.decision else None) == (
        "từ 04/11/2024", "mau-2024-qd-to-cot-can-kien-toan")
    assert terms.history(last.seat.body).predecessor(last.seat.term) is not None
