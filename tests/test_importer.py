"""The roster importer on the seed tables: the two lists of Điện Biên Phủ's 2024-2025
decision (seed 000), as pasted from Word (TSV, kept as in the seed), as CSV and as XLSX,
must give back exactly what data/years/2024-2025/pgddt-dien-bien-phu.yml transcribes."""

from __future__ import annotations

import csv
import io
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from cli_util import cotcan

from conftest import REPO
from portal import exports, personal_data
from portal.dates import SchoolYear
from portal.importer import (
    Matcher,
    RosterError,
    import_roster,
    import_table,
    normalize_position,
    read_table,
    role_from_note,
    school_key,
    split_post,
)
from portal.importer.headings import roman_after_kind
from portal.importer.keys import roman_numeral
from portal.model import Portal
from portal.roles import CouncilNamed, abbreviated_roles, council_role, looks_like_a_role, role_match
from roster_files import write_table

FIXTURES = REPO / "tests" / "fixtures" / "import"
OFFICE = "pgddt-dien-bien-phu"
YEAR_FILE = REPO / "data" / "years" / "2024-2025" / f"{OFFICE}.yml"
MANAGERS = FIXTURES / "dbp-2024-cbql.tsv"  # 12 rows: STT, Họ và tên, Chức vụ -Đơn vị công tác, Ghi chú
TEACHERS = FIXTURES / "dbp-2024-gv.tsv"  # 76 rows, with a subject column and blank lines
GV = "dbp-to-cot-can-thcs-gv"
DECISION = "dbp-2024-qd-to-cot-can-thcs"
Y2024 = SchoolYear(2024)


@pytest.fixture(scope="session")
def portal(repo_portal: Portal) -> Portal:
    return repo_portal


@pytest.fixture(scope="module")
def transcribed() -> dict[str, Any]:
    raw = yaml.safe_load(YEAR_FILE.read_text(encoding="utf-8"))
    return {b["id"]: b for b in raw["bodies"]}


def tsv_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def as_csv(path: Path, target: Path) -> Path:
    """The table saved as CSV the way Excel does: UTF-8 with BOM, CRLF, quoted when needed."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(tsv_rows(path))
    target.write_bytes(out.getvalue().encode("utf-8-sig"))
    return target


def as_xlsx(path: Path, target: Path) -> Path:
    """The table in a workbook, below a title, STT as numbers, blank lines kept."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["DANH SÁCH"])
    sheet.append([])
    for row in tsv_rows(path):
        sheet.append([int(c) if c.isdigit() else (c or None) for c in row])
    book.save(target)
    return target


def converted(path: Path, fmt: str, tmp: Path) -> Path:
    if fmt == "tsv":
        return path
    if fmt == "csv":
        return as_csv(path, tmp / (path.stem + ".csv"))
    return as_xlsx(path, tmp / (path.stem + ".xlsx"))


# The fixtures are the seed's tables


def test_fixtures_are_the_seed_tables() -> None:
    managers, teachers = tsv_rows(MANAGERS), tsv_rows(TEACHERS)
    assert managers[0] == ["STT", "Họ và tên", "Chức vụ -Đơn vị công tác", "Ghi chú"]
    assert teachers[0] == ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "GV cốt cán môn/phân môn", "Ghi chú"]
    assert [r[0] for r in managers[1:]] == [str(i) for i in range(1, 13)]
    assert [r[0] for r in teachers[1:] if r != [""]] == [str(i) for i in range(1, 77)]
    seed = Path("/work/shared/seeds/000_d41534de68fe2dc3.txt")
    if seed.exists():  # byte for byte as in the seed, where the seed is at hand
        text = seed.read_text(encoding="utf-8")
        assert MANAGERS.read_text(encoding="utf-8") in text
        assert TEACHERS.read_text(encoding="utf-8") in text


# Every row matches the transcription


@pytest.mark.parametrize("fmt", ["tsv", "csv", "xlsx"])
def test_managers_table_gives_the_transcribed_members(portal: Portal, transcribed: dict[str, Any],
                                                      fmt: str, tmp_path: Path) -> None:
    result = import_roster(portal, OFFICE, converted(MANAGERS, fmt, tmp_path))
    assert result.unmatched == []
    assert result.new_people == []
    want = [m for m in transcribed["dbp-to-cot-can-thcs-cbql"]["members"] if "stt" in m]
    got = result.data()["members"]
    assert len(got) == len(want) == 12
    for row, g, w in zip(result.rows, got, want, strict=True):
        assert g == w, f"dòng {row.line}"


@pytest.mark.parametrize("fmt", ["tsv", "csv", "xlsx"])
def test_teachers_table_gives_the_transcribed_subject_groups(portal: Portal, transcribed: dict[str, Any],
                                                             fmt: str, tmp_path: Path) -> None:
    result = import_roster(portal, OFFICE, converted(TEACHERS, fmt, tmp_path), body=GV, decision=DECISION)
    assert result.unmatched == []
    assert result.new_people == []
    assert len(result.rows) == 76
    got = result.data()
    assert "members" not in got  # every row has a subject
    want = [b for b in transcribed.values() if b.get("parent") == GV]
    assert [b["id"] for b in got["bodies"]] == [b["id"] for b in want]
    for g, w in zip(got["bodies"], want, strict=True):
        for key in ("kind", "parent", "decision", "subject"):
            assert g[key] == w[key], (w["id"], key)
        assert len(g["members"]) == len(w["members"])
        for gm, wm in zip(g["members"], w["members"], strict=True):
            assert gm == wm, f"{w['id']}, STT {wm['stt']}"


def test_every_row_matches_the_model(portal: Portal) -> None:
    """The same check through the model: person, unit, role, as_written by STT."""
    roster = {m.stt: m for m in portal.roster(portal.bodies[(Y2024, GV)]) if m.stt is not None}
    result = import_roster(portal, OFFICE, TEACHERS)
    for row in result.rows:
        m = roster[row.stt]
        assert (row.person, row.unit, row.role, row.as_written, row.position, row.subject, row.note) == (
            m.person, m.unit, m.role, m.as_written, m.position, m.subject, m.note), f"STT {row.stt}"


def test_the_yaml_can_be_pasted(portal: Portal) -> None:
    result = import_roster(portal, OFFICE, TEACHERS, body=GV, decision=DECISION)
    text = result.to_yaml()
    assert text.startswith("# Nhập từ ")
    assert "\n  - id: dbp-to-cot-can-thcs-gv-ngu-van\n" in text  # lists indented as in the data files
    assert "as_written: Giáo viên - THCS xã Nà Tấu" in text  # Vietnamese as is, not escaped
    assert yaml.safe_load(text) == result.data()


# Hard rows of the seed


def test_hard_rows(portal: Portal) -> None:
    rows = {r.stt: r for r in import_roster(portal, OFFICE, MANAGERS).rows}
    assert (rows[12].position, rows[12].unit) == ("Hiệu trưởng", "dbp-th-thcs-thanh-truong")  # no dash, TH&THCS
    assert rows[11].unit == "dbp-thcs-na-tau"  # "Nà Tàu" for "Nà Tấu"
    assert rows[9].unit == "dbp-thcs-vo-nguyen-giap"  # "... xã Mường Phăng"
    assert (rows[3].person, rows[4].person) == ("dbp-pham-thi-hanh-thanh-minh", "dbp-pham-thi-hanh-tan-binh")
    teachers = {r.stt: r for r in import_roster(portal, OFFICE, TEACHERS).rows}
    assert teachers[20].unit == "dbp-thcs-him-lam"  # "T THCS Him Lam"
    assert teachers[13].position == "Phó Hiệu trưởng"  # "P. Hiệu trưởng"
    assert teachers[61].position == "Phó Hiệu trưởng"  # "P.Hiệu trưởng"
    assert teachers[11].role == "pho-nhom-truong"  # "P.Nhóm trưởng"
    assert teachers[55].unit == "dbp-thcs-na-nhan"  # "THCS xã Nà Nhạn- tăng cường chuyên môn Phòng GD-ĐT"
    assert teachers[38].unit == "dbp-thcs-him-lam"  # "Giáo viên –THCS Him Lam"


def test_namesakes_are_told_apart_by_the_notes_without_earlier_lists(portal: Portal) -> None:
    matcher = Matcher(portal, OFFICE)
    matcher.units_of_person.clear()  # a new year: nobody listed before
    result = import_table(portal, OFFICE, read_table(MANAGERS), matcher)
    rows = {r.stt: r for r in result.rows}
    assert (rows[3].person, rows[4].person) == ("dbp-pham-thi-hanh-thanh-minh", "dbp-pham-thi-hanh-tan-binh")


# Unmatched rows and new people


def write(tmp: Path, rows: list[str], name: str = "bang.tsv") -> Path:
    path = tmp / name
    path.write_text("STT\tHọ và tên\tChức vụ - Đơn vị công tác\tMôn\tGhi chú\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


def test_a_misspelt_school_is_reported_with_close_candidates(portal: Portal, tmp_path: Path) -> None:
    path = write(tmp_path, ["1\tCao Thị Đại\tHiệu trưởng - THCS Hin Lam\tToán\t",
                            "2\tHà Thị Liên\tPhó Hiệu trưởng - THCS Him Lam\tToán\tNhóm trưởng"])
    result = import_roster(portal, OFFICE, path)
    assert [r.line for r in result.unmatched] == [2]
    row = result.unmatched[0]
    assert [p.message for p in row.problems] == ["không tìm thấy trường 'THCS Hin Lam'."]
    assert len(row.candidates) == 3
    assert row.candidates[0].id == "dbp-thcs-him-lam"
    report = result.report()
    assert "LỖI" in report and "dòng 2, mục cột 'Chức vụ - Đơn vị công tác'" in report
    assert "dbp-thcs-him-lam (THCS Him Lam)" in report
    assert "CHƯA KHỚP dòng 2" in result.to_yaml()


def test_an_ambiguous_name_is_reported(portal: Portal, tmp_path: Path) -> None:
    path = write(tmp_path, ["1\tPhạm Thị Hạnh\tGiáo viên - THCS Mường Thanh\tToán\t"])
    row = import_roster(portal, OFFICE, path).unmatched[0]
    assert {c.id for c in row.candidates} == {"dbp-pham-thi-hanh-tan-binh", "dbp-pham-thi-hanh-thanh-minh"}


def test_a_new_person_gets_a_proposed_id(portal: Portal, tmp_path: Path) -> None:
    path = write(tmp_path, ["1\tNguyễn Văn Mới\tGV - THCS Tân Bình\tTin học\t",
                            "2\tNguyễn Văn Mới\tGiáo viên - THCS Tân Bình\tToán\t",
                            "3\tHà Thị Liên\tGiáo viên - THCS Nam Thanh\tToán\t"])
    result = import_roster(portal, OFFICE, path)
    assert result.unmatched == []
    assert result.new_people == [{"id": "dbp-nguyen-van-moi", "name": "Nguyễn Văn Mới"}]
    assert result.rows[0].position == "Giáo viên"
    assert result.rows[1].person == "dbp-nguyen-van-moi"  # the same new person, once
    assert any("trùng tên với dbp-ha-thi-lien" in r.message for r in result.rows[2].remarks)
    assert "người mới, đề xuất mã dbp-nguyen-van-moi" in result.report()


def test_a_name_typed_messily_still_finds_the_person(portal: Portal, tmp_path: Path) -> None:
    """NFD-decomposed marks (a Mac, some web forms), trailing spaces and non-breaking spaces."""
    nfd = unicodedata.normalize("NFD", "Hà Thị Liên")
    assert nfd != "Hà Thị Liên"
    path = write(tmp_path, [f"1\t{nfd}   \tPhó Hiệu trưởng - THCS Him Lam\tToán\tNhóm trưởng",
                            "2\tCao\u00a0Thị Đại\u00a0\tHiệu trưởng\u00a0- THCS Him Lam\tToán\t"])
    result = import_roster(portal, OFFICE, path)
    assert result.unmatched == [] and result.new_people == []
    assert [r.person for r in result.rows] == ["dbp-ha-thi-lien", "dbp-cao-thi-dai"]


def test_a_role_followed_by_a_remark_is_the_role(portal: Portal, tmp_path: Path) -> None:
    """'Nhóm trưởng, dạy giỏi cấp tỉnh', 'Nhóm trưởng (kiêm thư ký)': the role, the whole text
    kept as the note."""
    path = write(tmp_path, ["1\tHà Thị Liên\tPhó Hiệu trưởng - THCS Him Lam\tToán\tNhóm trưởng, dạy giỏi cấp tỉnh",
                            "2\tCao Thị Đại\tHiệu trưởng - THCS Him Lam\tToán\tPhó nhóm trưởng (kiêm thư ký)",
                            "3\tLê Thị Ngọc\tGiáo viên - THCS Him Lam\tToán\tThư ký; phụ trách hồ sơ"])
    result = import_roster(portal, OFFICE, path)
    assert result.unmatched == []
    assert [r.role for r in result.rows] == ["nhom-truong", "pho-nhom-truong", "thu-ky"]
    assert result.rows[0].note == "Nhóm trưởng, dạy giỏi cấp tỉnh"


@pytest.mark.parametrize("column, text, found", [
    (4, "Nhóm trưởng, ĐT 0912.345.678", "số điện thoại '0912.345.678'"),
    (4, "Thư ký (lien.ht@gmail.com)", "địa chỉ thư điện tử 'lien.ht@gmail.com'"),
    (2, "Phó Hiệu trưởng - THCS Him Lam - 0912 345 678", "số điện thoại '0912 345 678'"),
])
def test_a_contact_in_a_published_cell_is_an_error_naming_the_cell(portal: Portal, tmp_path: Path, column: int,
                                                                   text: str, found: str) -> None:
    """The tenth hostile review: a Ghi chú 'ĐT …' was written into the note without a word
    (the checker refused a number of nobody at --apply; a known private one was published
    when written '0 912/944/718'). Contacts are never imported from a list."""
    cells = ["1", "Hà Thị Liên", "Phó Hiệu trưởng - THCS Him Lam", "Toán", ""]
    cells[column] = text
    result = import_roster(portal, OFFICE, write(tmp_path, ["\t".join(cells)]))
    [error] = result.errors
    assert error.message == f"có {found}."
    assert error.hint is not None and error.hint.startswith("số điện thoại, email là thông tin riêng tư")


@pytest.mark.parametrize("column, text, found, hint", [
    (4, "Nhóm trưởng; CCCD 001185012345", "số căn cước công dân hoặc chứng minh nhân dân '001185012345'",
     personal_data.IDENTITY_HINT),
    (4, "Thư ký, sinh ngày 12/3/1985", "ngày sinh '12/3/1985'", personal_data.BIRTH_DATE_HINT),
    (2, "Giáo viên - THCS Him Lam (NS: 05-11-1990)", "ngày sinh '05-11-1990'", personal_data.BIRTH_DATE_HINT),
])
def test_an_identity_number_or_a_birth_date_in_a_published_cell_is_an_error_of_its_row(
        portal: Portal, tmp_path: Path, column: int, text: str, found: str, hint: str) -> None:
    """A clerk's Ghi chú "sinh ngày 12/3/1985" or "CCCD ...": the import went through, then the
    checker refused the data file it wrote and the import was undone, naming the data file's line
    rather than the list's row. Now the row itself is refused, its cell named."""
    cells = ["1", "Hà Thị Liên", "Phó Hiệu trưởng - THCS Him Lam", "Toán", ""]
    cells[column] = text
    result = import_roster(portal, OFFICE, write(tmp_path, ["\t".join(cells)]))
    [error] = result.errors
    assert error.message == f"có {found}."
    assert error.hint == f"{hint} khỏi ô này."


def test_a_year_of_birth_in_a_note_is_imported(portal: Portal, tmp_path: Path) -> None:
    """A year alone is published in staff lists: no error, the note kept as written."""
    result = import_roster(portal, OFFICE, write(tmp_path, [
        "1\tHà Thị Liên\tPhó Hiệu trưởng - THCS Him Lam\tToán\tNhóm trưởng, sinh năm 1985"]))
    assert result.errors == [] and result.rows[0].note == "Nhóm trưởng, sinh năm 1985"


def test_a_new_person_written_in_capitals_is_proposed_in_ordinary_case(portal: Portal, tmp_path: Path) -> None:
    """Lists typed in capitals ("NGUYỄN VĂN MỚI"): the person's pages and the search would
    shout the name. The new person is proposed as "Nguyễn Văn Mới", and the report says so."""
    path = write(tmp_path, ["1\tNGUYỄN VĂN MỚI\tGiáo viên - THCS Tân Bình\tToán\t",
                            "2\tKSOR H'BƠN\tGiáo viên - THCS Tân Bình\tToán\t"])
    result = import_roster(portal, OFFICE, path)
    assert [p["name"] for p in result.new_people] == ["Nguyễn Văn Mới", "Ksor H'Bơn"]
    assert [p["id"] for p in result.new_people] == ["dbp-nguyen-van-moi", "dbp-ksor-h-bon"]
    assert ("người mới, đề xuất mã dbp-nguyen-van-moi, họ tên ghi 'Nguyễn Văn Mới' (danh sách viết hoa toàn "
            "bộ).") in [p.message for p in result.rows[0].remarks]


def test_a_new_namesake_of_someone_known_gets_the_school_in_the_id(portal: Portal) -> None:
    matcher = Matcher(portal, OFFICE)
    assert matcher.propose_id("Hà Thị Liên", "dbp-thcs-tan-binh") == "dbp-ha-thi-lien-tan-binh"
    assert matcher.propose_id("Hà Thị Liên", "dbp-thcs-tan-binh") == "dbp-ha-thi-lien-tan-binh"
    assert matcher.propose_id("Hà Thị Liên", None) == "dbp-ha-thi-lien-2"


# Round trip through the site's own exports


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_exported_roster_imports_back(portal: Portal, fmt: str, tmp_path: Path) -> None:
    for office, body_id in [(OFFICE, GV), ("pgddt-cu-chi", "cc-cum-02")]:
        body = portal.bodies[(Y2024, body_id)]
        path = tmp_path / f"{body_id}.{fmt}"
        path.write_bytes(exports.roster_csv(portal, body) if fmt == "csv" else exports.roster_xlsx(portal, body))
        result = import_roster(portal, office, path)
        assert result.unmatched == [], result.report()
        for row, m in zip(result.rows, portal.roster(body), strict=True):
            assert (row.stt, row.person, row.school, row.role) == (m.stt, m.person, m.school, m.role)
            if m.person:
                assert row.unit == m.unit


# Pieces


@pytest.mark.parametrize("text, expected", [
    ("Hiệu trưởng - THCS Him Lam", ("Hiệu trưởng", "THCS Him Lam")),
    ("Hiệu trưởng – THCS Trần Can", ("Hiệu trưởng", "THCS Trần Can")),
    ("Giáo viên –THCS Him Lam", ("Giáo viên", "THCS Him Lam")),
    ("Giáo viên- THCS Thanh Bình", ("Giáo viên", "THCS Thanh Bình")),
    ("Hiệu trưởng TH&THCS Thanh Trường", ("Hiệu trưởng", "TH&THCS Thanh Trường")),
    ("Hiệu trưởng TH-THCS Thanh Minh", ("Hiệu trưởng", "TH-THCS Thanh Minh")),
    ("Hiệu trưởng - TH-THCS Thanh Minh", ("Hiệu trưởng", "TH-THCS Thanh Minh")),
    ("Hiệu trưởng trường THCS Thị Trấn 2", ("Hiệu trưởng", "trường THCS Thị Trấn 2")),
    ("Giáo viên - THCS Nam Thanh- tăng cường chuyên môn Phòng GD-ĐT",
     ("Giáo viên", "THCS Nam Thanh- tăng cường chuyên môn Phòng GD-ĐT")),
    ("Giáo viên", ("Giáo viên", "")),
])
def test_split_post(text: str, expected: tuple[str, str]) -> None:
    assert split_post(text) == expected


def test_school_keys() -> None:
    assert school_key("T THCS Him Lam") == school_key("THCS Him Lam") == "thcs him lam"
    assert school_key("TH&THCS Thanh Trường") == school_key("TH-THCS Thanh Trường") == "th-thcs thanh truong"
    assert school_key("Trường THCS xã Nà Tàu") == school_key("THCS Nà Tấu")
    assert school_key("Trung học cơ sở Tân Phú Trung") == "thcs tan phu trung"
    assert school_key("TH - THCS Tân Trung") == "th-thcs tan trung"


@pytest.mark.parametrize("word, in_capitals, in_any_case", [
    ("II", 2, 2), ("IV", 4, 4), ("XXI", 21, 21), ("XL", 40, 40), ("XCIX", 99, 99), ("LXXXVIII", 88, 88),
    ("ix", None, 9), ("xxi", None, 21), ("Vi", None, None), ("vi", None, None), ("xi", None, None), ("li", None, None),
    ("V", 5, None), ("i", None, None), ("IIII", None, None), ("IC", None, None), ("VV", None, None),
    ("XXXX", None, None), ("C", None, None), ("CC", None, None), ("", None, None),
])
def test_one_reader_of_roman_numerals(word: str, in_capitals: int | None, in_any_case: int | None) -> None:
    """Any numeral from I to XCIX written the right way, no table of them: in capitals as a body is
    numbered ("Vi" is a name), in any case as a school's name ends, never a letter or a Vietnamese
    word ("vi", "xi", "lí"); "IIII", "IC" are no numerals."""
    assert roman_numeral(word, capitals=True) == in_capitals
    assert roman_numeral(word, capitals=False) == in_any_case


@pytest.mark.parametrize("name, number", [
    ("Cụm II", 2), ("CỤM XXI", 21), ("Cụm trường số XL (dữ liệu mẫu)", 40), ("NHÓM IV.", 4), ("Tổ VI", 6),
    ("Tô VI", None), ("Cụm II THCS", None), ("Tổ cốt cán cấp II", None), ("Hội đồng bộ môn THCS (cấp II)", None),
    ("CỤM IIII", None), ("Nhóm Vi", None),
])
def test_a_body_s_roman_number_is_read_alike_in_a_heading_and_in_the_data(name: str, number: int | None) -> None:
    """One reading of a body's Roman number for headings and the data's names: a numeral alone after
    the body's kind ("cấp II" is the level of a team, not its number: before, a name holding any
    numeral in capitals was that number in the data, and only a heading ending with it)."""
    assert roman_after_kind(name) == number


def test_positions_and_roles() -> None:
    assert normalize_position("P. Hiệu trưởng") == normalize_position("P.Hiệu trưởng") == "Phó Hiệu trưởng"
    assert normalize_position("GV") == "Giáo viên"
    assert role_from_note("Nhóm trưởng") == "nhom-truong"
    assert role_from_note("P.Nhóm trưởng") == role_from_note("Phó nhóm trưởng") == "pho-nhom-truong"
    assert role_from_note("") == "uy-vien"
    assert role_from_note("tăng cường chuyên môn") == "uy-vien"
    assert role_from_note("", "thanh-vien") == "thanh-vien"
    assert role_from_note("Phó Cục trưởng") == "pho-cum-truong"  # the slip in Củ Chi's guide



@pytest.mark.parametrize("text, role", [
    ("Phó trưởng cụm", ("pho-cum-truong", False)),
    ("P.Trưởng cụm", ("pho-cum-truong", False)),
    ("Phó Cụm trưởng", ("pho-cum-truong", False)),
    ("Trưởng cụm", ("cum-truong", False)),
    ("Phó trưởng tổ", ("to-pho", False)),  # was the Tổ trưởng, read loosely
    ("Trưởng tổ", ("to-truong", False)),
    ("Phó tổ trưởng", ("to-pho", False)),
    ("Phó trưởng nhóm", ("pho-nhom-truong", False)),
    ("Nhóm phó", ("pho-nhom-truong", False)),
    ("Phó Cục trưởng", ("pho-cum-truong", True)),  # a one-letter slip
    ("Phó Hiệu trưởng", (None, False)),
    ("Thư ký", ("thu-ky", False)),
    ("Thư ký hội đồng", (None, False)),  # a council's officer: a role in a council's list only (council_role)
    ("Thư ký Hội đồng trường", (None, False)),  # posts at the school
    ("Thư ký hội đồng sư phạm", (None, False)),
    ("Thư ký HĐSP", (None, False)),
    ("Thư ký hội đồng thi", (None, False)),
    ("Thư ký Hội đồng chuyên môn", (None, False)),
    ("Thư ký HĐCM", (None, False)),
    ("Trưởng nhóm Toán", ("nhom-truong", False)),
    # A word order is read whole only: these were roles by their start or loosely.
    ("Trưởng thôn", (None, False)),
    ("Trưởng tổ chức", (None, False)),
    ("Trưởng tổ công đoàn", (None, False)),
    ("Phó trưởng cục", (None, False)),
    # The sixth hostile review: posts of the school's council and union; a tổ cốt cán's role.
    ("Thư ký HĐT", (None, False)),
    ("Chủ tịch Công đoàn", (None, False)),
    ("Phó Chủ tịch công đoàn", (None, False)),
    ("Tổ trưởng tổ chuyên môn cốt cán", ("to-truong", False)),
    # Heads of other things, close to a role by one letter or by their first words.
    ("Phó trưởng thôn", (None, False)),
    ("Tổ trưởng tổ 1", (None, False)),  # a primary school's department
    ("Tổ trưởng tổ CC", ("to-truong", False)),
    # The seventh hostile review: a head, secretary or member of something other than a
    # body of the list was the body's role, or a slip of it.
    *((post, (None, False)) for post in (
        "Tổ trưởng công đoàn", "Tổ phó công đoàn", "Tổ trưởng văn phòng", "Tổ trưởng khối 5", "Trưởng tổ CM",
        "Thư ký Hội đồng Nhà trường", "Thư ký HĐNT", "Thư ký HĐ tự đánh giá", "Thư ký Hội đồng khoa học",
        "Thư ký HĐ chấm thi", "Thư ký HĐ TĐKT", "Thư ký HĐTĐKT", "Thư ký cụm thi đua", "Chủ tịch HĐ TĐKT",
        "Chủ tịch CĐCS", "Ủy viên BCH Công đoàn", "Ủy viên HĐT", "Ủy viên Hội đồng trường", "Nhóm trưởng CM",
        "Nhóm trưởng chuyên môn", "Cụm trưởng cụm thi đua", "Trưởng ban TTND",
        "Trưởng CM", "Khóm trưởng")),  # no slip of a short word, nor of a first letter
    ("Phó nhóm", ("pho-nhom-truong", False)),
    ("Tổ trưởng (cốt cán)", ("to-truong", False)),
    ("Nhóm trưởng nhóm Toán", ("nhom-truong", False)),
])
def test_role_spellings(text: str, role: tuple[str | None, bool]) -> None:
    assert role_match(text) == role
    if role[0] is None and text.startswith("Thư ký"):
        assert not looks_like_a_role(text)  # a note, not a role misspelt


@pytest.mark.parametrize("text, read", [
    ("Thư ký hội đồng", ("thu-ky", CouncilNamed("", "", "", False))),
    ("Chủ tịch HĐCM", ("chu-tich", CouncilNamed("cm", "", "", False))),
    ("Ủy viên Hội đồng bộ môn Toán", ("uy-vien", CouncilNamed("bo mon toan", "toan", "", False))),
    ("Phó Chủ tịch HĐKH", ("pho-chu-tich", CouncilNamed("kh", "", "khoa hoc", False))),
    ("Phó CT HĐKH", ("pho-chu-tich", CouncilNamed("kh", "", "khoa hoc", False))),
    ("Thư ký HĐ chấm thi", ("thu-ky", CouncilNamed("cham thi", "", "cham thi", False))),
    ("Ủy viên Hội đồng tuyển sinh", ("uy-vien", CouncilNamed("tuyen sinh", "", "tuyen sinh", False))),
    ("Ủy viên HĐND xã", ("uy-vien", CouncilNamed("nd xa", "", "", True))),
    ("Thư ký Hội đồng trường", None), ("Ủy viên HĐT", None), ("Thư ký", None),  # the school's; a plain role
])
def test_a_council_s_officer_is_read_apart_with_what_it_says_of_the_council(
        text: str, read: tuple[str, CouncilNamed] | None) -> None:
    """Whether that council is the list's is told once the row is placed (rows._another_council)."""
    assert council_role(text) == read


@pytest.mark.parametrize("text, roles", [
    ("NT", ("nhom-truong",)), ("P.NT", ("pho-nhom-truong",)), ("P. NT", ("pho-nhom-truong",)),
    ("PNT", ("pho-nhom-truong",)), ("TK", ("thu-ky",)), ("UV", ("uy-vien",)),
    ("P.N.T", ("pho-nhom-truong",)), ("TK.", ("thu-ky",)), ("T.T", ("to-truong",)),
    ("TT", ("to-truong",)), ("TP", ("to-pho",)),  # read only where the body has them (rows._applies)
    ("TV", ()),  # Tiếng Việt, the thư viện, more often than a role
    ("CT", ("chu-tich", "cum-truong")), ("PCT", ("pho-chu-tich", "pho-cum-truong")),
    ("nt", ()), ("Tt", ()), ("GV", ()), ("TTCM", ()), ("NT Toán", ()),
])
def test_abbreviated_roles(text: str, roles: tuple[str, ...]) -> None:
    assert abbreviated_roles(text) == roles


@pytest.mark.parametrize("text, role_like", [
    ("Trưởng ban", True), ("Phó ban", True), ("Phó trưởng ban", True), ("Khối trưởng", False),
    ("Phó trưởng thôn", False), ("Phó Bí thư chi bộ", False), ("Phó Hiệu trưởng", False),
    ("Trưởng ban nữ công", False), ("Thư ký Hội đồng trường", False),
])
def test_a_text_looks_like_a_role_when_it_heads_a_unit_like_a_body_of_the_list(text: str, role_like: bool) -> None:
    assert looks_like_a_role(text) is role_like


def test_header_spellings(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("Danh sách\n\nstt\tHO TEN\tChuc vu- don vi cong tac\tMôn\tGHI CHU\n1\tA\tGV - THCS X\tToán\t\n",
                    encoding="utf-8")
    table = read_table(path)
    assert table.columns == {"stt": 0, "name": 1, "post": 2, "subject": 3, "note": 4}
    assert table.rows[0].line == 4


def test_a_csv_saved_by_a_vietnamese_windows_excel_is_read(portal: Portal, tmp_path: Path) -> None:
    """Code page 1258 writes a tone as a separate mark after the letter."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    text = "STT,Họ và tên,Chức vụ - Đơn vị công tác,Ghi chú\r\n1,Cao Thị Đại,Hiệu trưởng - THCS Him Lam,\r\n"
    data = b""
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        data += (base + "".join(c for c in decomposed if c in tones)).encode("cp1258")
    path = tmp_path / "excel.csv"
    path.write_bytes(data)
    row = import_roster(portal, OFFICE, path).rows[0]
    assert (row.person, row.unit, row.as_written) == ("dbp-cao-thi-dai", "dbp-thcs-him-lam",
                                                      "Hiệu trưởng - THCS Him Lam")


# Bad input: a clear message, never a traceback


def test_bad_files_raise_a_clear_error(portal: Portal, tmp_path: Path) -> None:
    with pytest.raises(RosterError, match=r"khong-co\.tsv: không tìm thấy tệp"):
        import_roster(portal, OFFICE, tmp_path / "khong-co.tsv")
    wrong = tmp_path / "sai-cot.tsv"
    wrong.write_text("STT\tHọ và tên\tGhi chú\n1\tA\t\n", encoding="utf-8")
    with pytest.raises(RosterError, match=r"sai-cot\.tsv, dòng 1: .*thiếu cột 'Chức vụ - Đơn vị công tác'"):
        import_roster(portal, OFFICE, wrong)
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(RosterError, match=r"hong\.xlsx: tệp không phải là tệp Excel \(\.xlsx\) hợp lệ"):
        import_roster(portal, OFFICE, broken)
    with pytest.raises(RosterError, match="không có đơn vị nào mang mã 'pgddt-dien-bienphu'"):
        import_roster(portal, "pgddt-dien-bienphu", MANAGERS)


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return cotcan("nhap", *args, cwd=REPO)


def test_script_prints_yaml_and_exits_0_when_all_rows_match() -> None:
    done = run_script("--office", OFFICE, "--input", str(MANAGERS), "--body", "dbp-to-cot-can-thcs-cbql")
    assert done.returncode == 0, done.stderr
    assert yaml.safe_load(done.stdout)["bodies"][0]["members"][0]["person"] == "dbp-le-thi-hong"
    assert "12 dòng, 12 khớp, 0 chưa khớp" in done.stderr and "không có gì thay đổi" in done.stderr


def test_rows_of_no_body_are_proposed_and_the_dry_run_exits_1_as_apply_would() -> None:
    """A list without headings and without --body: its rows are proposed under `members:`
    for the clerk to place, and the dry run exits 1, since --apply refuses such rows (it
    exited 0 and invited --apply)."""
    done = run_script("--office", OFFICE, "--input", str(MANAGERS))
    assert done.returncode == 1 and "--apply sẽ không ghi khi còn những dòng đó." in done.stderr, done.stderr
    assert yaml.safe_load(done.stdout)["members"][0]["person"] == "dbp-cao-thi-dai"
    assert "chạy lại lệnh với --apply" not in done.stderr


def test_script_exits_1_on_an_unmatched_row(tmp_path: Path) -> None:
    path = write(tmp_path, ["1\tCao Thị Đại\tHiệu trưởng - THCS Hin Lam\t\t"])
    done = run_script("--office", OFFICE, "--input", str(path), "--format", "tsv")
    assert done.returncode == 1
    assert "gần nhất: dbp-thcs-him-lam" in done.stderr
    assert "Traceback" not in done.stderr


def test_script_never_shows_a_traceback(tmp_path: Path) -> None:
    missing = run_script("--office", OFFICE, "--input", str(tmp_path / "khong-co.xlsx"))
    assert missing.returncode == 2
    assert "khong-co.xlsx: không tìm thấy tệp" in missing.stderr
    wrong = tmp_path / "sai.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    bad = run_script("--office", OFFICE, "--input", str(wrong))
    assert bad.returncode == 2
    assert "sai.csv: không tìm thấy dòng tiêu đề" in bad.stderr
    for done in (missing, bad):
        assert "Traceback" not in done.stderr and done.stdout == ""


# Headers as schools type them, through the command


def members(done: subprocess.CompletedProcess[str]) -> list[tuple[str, str, str | None]]:
    """(person, role, unit) of every proposed member, in order."""
    return [(m["person"], m["role"], m.get("unit")) for body in yaml.safe_load(done.stdout)["bodies"]
            for m in body["members"]]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_script_joins_a_name_split_under_a_merged_header(tmp_path: Path, suffix: str) -> None:
    path = write_table(tmp_path / f"ten-tach.{suffix}", [
        ["STT", "Họ và tên", None, "Chức vụ - Đơn vị công tác", "Ghi chú"],
        [12, "Hoàng Văn", "Dũng", "Giáo viên - THCS Long Thạnh (dữ liệu mẫu)", "Nhóm trưởng"],
        [13, "Dương Thị Ngọc", "Hân", "Giáo viên - TH-THCS Suối Đá (dữ liệu mẫu)", ""]], ("B1:C1",))
    done = run_script("--office", "pgddt-mau", "--year", "2024-2025", "--body", "mau-to-cot-can-vat-li",
                      "--input", str(path))
    assert done.returncode == 0, done.stderr
    assert "people" not in yaml.safe_load(done.stdout) and "0 người mới" in done.stderr
    assert members(done) == [("mau-hoang-van-dung", "nhom-truong", "mau-thcs-long-thanh"),
                             ("mau-duong-thi-ngoc-han", "uy-vien", "mau-th-thcs-suoi-da")]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_script_reads_a_header_completed_by_its_second_row(tmp_path: Path, suffix: str) -> None:
    path = write_table(tmp_path / f"hai-dong.{suffix}", [
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", None, "Ghi chú"],
        [None, None, "Chức vụ", "Đơn vị", None],
        # Unnumbered, as the leaders named above a list: numbered, they would pass the number of
        # members the decision declares (declared_count), and the dry run would refuse them.
        [None, "Lê Thị Hồng", "Trưởng phòng", "Phòng GDĐT", "Tổ trưởng"],
        [None, "Nguyễn Hồng Ngọc", "Phó Trưởng phòng", "Phòng GDĐT", "Tổ phó"],
        [None, "Hà Thị Liên", "Phó Hiệu trưởng", "THCS Him Lam", None]], ("C1:D1",))
    done = run_script("--office", OFFICE, "--body", "dbp-to-cot-can-thcs", "--input", str(path))
    assert done.returncode == 0, done.stderr
    assert "people" not in yaml.safe_load(done.stdout)
    assert members(done) == [("dbp-le-thi-hong", "to-truong", OFFICE), ("dbp-nguyen-hong-ngoc", "to-pho", OFFICE),
                             ("dbp-ha-thi-lien", "uy-vien", "dbp-thcs-him-lam")]


def test_script_never_takes_names_from_the_unit_column_under_an_unmerged_header(tmp_path: Path) -> None:
    """The second header row under header cells not merged: its row has no name, an error;
    nothing is proposed from the unit column."""
    path = write_table(tmp_path / "khong-gop.xlsx", [
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", None, "Ghi chú"],
        [None, None, "Chức vụ", "Đơn vị", None],
        [1, "Lê Thị Hồng", "Trưởng phòng - Phòng GDĐT", None, "Tổ trưởng"]])
    done = run_script("--office", OFFICE, "--body", "dbp-to-cot-can-thcs", "--input", str(path))
    assert done.returncode == 1
    assert f"LỖI {path}, dòng 2, mục cột 'Họ và tên': thiếu họ và tên." in done.stderr
    assert "0 người mới" in done.stderr and "dbp-phong-gddt" not in done.stdout + done.stderr


def test_script_reads_the_subject_from_mon_not_from_a_qualification(tmp_path: Path) -> None:
    path = write_table(tmp_path / "trinh-do.xlsx", [
        ["STT", "Họ và tên", "Năm sinh", "Trình độ chuyên môn", "Chức vụ", "Đơn vị công tác", "Môn", "Ghi chú"],
        [1, "Võ Văn Khoa", 1980, "ĐHSP Toán", "Giáo viên", BM, "Toán", "Nhóm trưởng"]])
    done = mau_script(path)
    assert done.returncode == 0, done.stderr
    assert [b["id"] for b in yaml.safe_load(done.stdout)["bodies"]] == ["mau-to-cot-can-toan"]
    assert members(done) == [("mau-vo-van-khoa", "nhom-truong", "mau-thcs-binh-minh")]


BM = "THCS Bình Minh (dữ liệu mẫu)"
LAN = ("mau-pham-thi-lan", "nhom-truong", "mau-thcs-binh-minh")


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("header, cells", [
    (["Môn", "Ghi chú", "Ghi chú"], ["Toán", "Dạy giỏi cấp tỉnh", "Nhóm trưởng"]),
    (["Môn", "Vai trò", "Nhiệm vụ"], ["Toán", "Nhóm trưởng", "Dạy lớp 9"]),
    (["Bộ môn", "Môn học", "Ghi chú"], [None, "Toán", "Nhóm trưởng"]),
])
def test_script_reads_two_columns_that_name_one_kind(tmp_path: Path, suffix: str, header: list[str],
                                                     cells: list[str | None]) -> None:
    """Two note columns are both read (the role in the second is found); "Vai trò" beside
    "Nhiệm vụ" is the role; of "Bộ môn" and "Môn học", the one with data."""
    path = write_table(tmp_path / f"hai-cot.{suffix}", [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", *header],
        [1, "Phạm Thị Lan", "Giáo viên", BM, *cells]])
    done = run_script("--office", "so-gddt-mau", "--input", str(path))
    assert done.returncode == 0, done.stderr
    assert members(done) == [LAN]
    assert "đều là cột" not in done.stderr


def test_script_refuses_a_row_whose_two_subject_columns_differ(tmp_path: Path) -> None:
    path = write_table(tmp_path / "bo-mon.xlsx", [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Bộ môn", "Môn học", "Ghi chú"],
        [1, "Phạm Thị Lan", "Giáo viên", BM, "Toán", "Tin học", "Nhóm trưởng"]])
    done = run_script("--office", "so-gddt-mau", "--input", str(path))
    assert done.returncode == 1, done.stderr
    assert (f"LỖI {path}, dòng 2: hai cột 'Bộ môn' (cột thứ 5) và 'Môn học' (cột thứ 6) đều là cột 'Môn' nhưng "
            "ghi khác nhau ở dòng này: 'Toán' và 'Tin học'.") in done.stderr


@pytest.mark.parametrize("written", ["Toán học", "toán", "TOÁN"])
def test_script_reads_two_subject_columns_naming_one_subject_in_other_words(tmp_path: Path, written: str) -> None:
    """"Toán" | "Toán học" name one subject (its alias in data/subjects.yml): no error."""
    path = write_table(tmp_path / "bo-mon.xlsx", [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Bộ môn", "Môn học", "Ghi chú"],
        [1, "Phạm Thị Lan", "Giáo viên", BM, "Toán", written, "Nhóm trưởng"]])
    done = run_script("--office", "so-gddt-mau", "--input", str(path))
    assert done.returncode == 0, done.stderr
    assert members(done) == [LAN]
    assert "ghi khác nhau" not in done.stderr


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("family", ["Họ và tên lót", "Họ, tên lót", "Họ và chữ lót"])
def test_script_joins_a_name_under_a_family_header_and_tên(tmp_path: Path, suffix: str, family: str) -> None:
    path = write_table(tmp_path / f"ten-lot.{suffix}", [
        ["STT", family, "Tên", "Chức vụ", "Đơn vị công tác", "Môn", "Ghi chú"],
        [1, "Phạm Thị", "Lan", "Giáo viên", BM, "Toán", "Nhóm trưởng"]])
    done = run_script("--office", "so-gddt-mau", "--input", str(path))
    assert done.returncode == 0, done.stderr
    assert members(done) == [LAN]
    assert "người mới" in done.stderr and "0 người mới" in done.stderr


def mau_script(path: Path) -> subprocess.CompletedProcess[str]:
    return run_script("--office", "pgddt-mau", "--year", "2024-2025", "--body", "mau-to-cot-can", "--input", str(path))


KHOA = [1, "Võ Văn Khoa", "Giáo viên", BM, "Toán", "Nhóm trưởng"]
PHUC = [2, "Nguyễn Văn Phúc", "Giáo viên", BM, "Ngữ văn", "Nhóm trưởng"]  # his group keeps its leader


def test_script_reads_a_list_with_a_slip_in_its_header_not_the_summary_before_it(tmp_path: Path) -> None:
    """"Họ và tê" | "Đơn vị" spelt exactly heads a list of schools: the summary's school
    was proposed as a member of the team."""
    book = openpyxl.Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Tổng hợp"
    for row in (["STT", "Tên trường", "Số người"], [1, BM, 2]):
        summary.append(row)
    people = book.create_sheet("Danh sách")
    for row in (["STT", "Họ và tê", "Chức vụ", "Đơn vị", "Môn", "Ghi chú"], KHOA, PHUC):
        people.append(row)
    path = tmp_path / "go-sai.xlsx"
    book.save(path)
    done = mau_script(path)
    assert done.returncode == 0, done.stderr
    assert members(done) == [("mau-vo-van-khoa", "nhom-truong", "mau-thcs-binh-minh"),
                             ("mau-nguyen-van-phuc", "nhom-truong", "mau-thcs-binh-minh")]
    assert "Đọc trang tính 'Danh sách'." in done.stderr
    assert "trang tính có danh sách" not in done.stderr


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("family", ["Họ và tên lót (đệm)", "Họ và tên đệm (lót)"])
def test_script_joins_a_name_under_a_family_header_with_an_alternative(tmp_path: Path, suffix: str,
                                                                      family: str) -> None:
    """Read as a whole "Họ và tên", it proposed new people "Võ Văn" and "Đỗ Thị Mỹ"."""
    path = write_table(tmp_path / f"ten-lot-dem.{suffix}", [
        ["STT", family, "Tên", "Chức vụ", "Đơn vị", "Môn", "Ghi chú"],
        [1, "Võ Văn", "Khoa", "Giáo viên", BM, "Toán", "Nhóm trưởng"],
        [2, "Nguyễn Văn", "Phúc", "Giáo viên", BM, "Ngữ văn", "Nhóm trưởng"]])
    done = mau_script(path)
    assert done.returncode == 0, done.stderr
    assert members(done) == [("mau-vo-van-khoa", "nhom-truong", "mau-thcs-binh-minh"),
                             ("mau-nguyen-van-phuc", "nhom-truong", "mau-thcs-binh-minh")]
    assert "0 người mới" in done.stderr


def test_script_refuses_a_whole_name_column_that_ends_with_no_given_name(tmp_path: Path) -> None:
    path = write_table(tmp_path / "chi-ho.xlsx", [
        ["STT", "Họ và tên", "Tên", "Chức vụ", "Đơn vị", "Môn", "Ghi chú"],
        [1, "Võ Văn", "Khoa", "Giáo viên", BM, "Toán", "Nhóm trưởng"],
        [2, "Nguyễn Văn", "Phúc", "Giáo viên", BM, "Ngữ văn", ""]])
    done = mau_script(path)
    assert done.returncode == 1, done.stderr
    assert (f"LỖI {path}, dòng 2: cột 'Tên' (cột thứ 3) không được đọc, nhưng ở mọi dòng (2 dòng, kể từ dòng "
            "này), tên ở cột 'Họ và tên' không kết thúc bằng chữ ở cột đó ('Khoa')") in done.stderr


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_script_reads_a_subject_from_the_other_of_two_subject_columns(tmp_path: Path, suffix: str) -> None:
    """Phúc's subject only under "Môn học": he went into the team itself, with no subject."""
    path = write_table(tmp_path / f"hai-cot-mon.{suffix}", [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Bộ môn", "Môn học", "Ghi chú"],
        [1, "Võ Văn Khoa", "Giáo viên", BM, "Toán", "", "Nhóm trưởng"],
        [2, "Nguyễn Văn Phúc", "Giáo viên", BM, "", "Ngữ văn", "Nhóm trưởng"]])
    done = mau_script(path)
    assert done.returncode == 0, done.stderr
    bodies = {body["id"]: [m.get("person") for m in body["members"]] for body in yaml.safe_load(done.stdout)["bodies"]}
    assert "mau-nguyen-van-phuc" in bodies["mau-to-cot-can-ngu-van"]
    assert "mau-to-cot-can" not in bodies


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_script_reads_the_so_s_own_staff_whose_unit_is_written_so_gddt(tmp_path: Path, suffix: str) -> None:
    """A Sở's list names its own staff's unit "Sở GDĐT" or "Sở Giáo dục và Đào tạo" (review-office
    item 3: refused before, with unrelated schools suggested)."""
    path = write_table(tmp_path / f"so.{suffix}", [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Ghi chú"],
        [None, "Lê Hoàng Nam", "Trưởng phòng Giáo dục trung học", "Sở GDĐT", "Tổ trưởng"],
        [None, "Đinh Thị Ngọc Mai", "Chuyên viên", "Sở Giáo dục và Đào tạo", "Thư ký"]])
    done = run_script("--office", "so-gddt-mau", "--year", "2025-2026", "--body", "mau-to-cot-can",
                      "--input", str(path))
    assert done.returncode == 0, done.stderr
    assert members(done) == [("sgd-mau-le-hoang-nam", "to-truong", "so-gddt-mau"),
                             ("sgd-mau-dinh-thi-ngoc-mai", "thu-ky", "so-gddt-mau")]
