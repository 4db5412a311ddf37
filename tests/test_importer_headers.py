"""Headers and heading rows as clerks type them beyond the plain cases: a name split over two
cells under one header cell merged across them ("Trường THCS" | "Him Lam" under "Tên trường"),
headers of three rows, and heading rows between the rows of a list that do not say which body
they head ("NHOM NAM 2"). Each list reads as the same list with a plain header, or the row is
an error that names it: never a person, never rows slipped into the group above."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Dataset, load_or_raise
from portal.importer import ImportResult, import_roster, read_table
from portal.model import Portal
from roster_files import write_table

FORMATS = ["xlsx", "docx"]

# A name in two cells under a header cell merged over both, with the merges a clerk adds: none,
# "Ghi chú" merged down over the notes left empty, "STT" merged down over an unnumbered list,
# the kind of school merged down over the schools of that kind.
SCHOOLS = {
    "numbered": (
        [["STT", "Tên trường", None, "Ghi chú"], [1, "Trường THCS", "Him Lam", None],
         [2, "Trường THCS", "Nam Thanh", None], [3, "Trường TH", "Him Lam", None]], ("B1:C1",)),
    "unnumbered, Ghi chú merged down the list": (
        [["Tên trường", None, "Ghi chú"], ["Trường THCS", "Him Lam", None], ["Trường THCS", "Nam Thanh", None],
         ["Trường TH", "Him Lam", None]], ("A1:B1", "C1:C4")),
    "STT merged down an unnumbered list": (
        [["STT", "Tên trường", None, "Ghi chú"], [None, "Trường THCS", "Him Lam", None],
         [None, "Trường THCS", "Nam Thanh", None], [None, "Trường TH", "Him Lam", None]], ("A1:A4", "B1:C1")),
    "the kind merged down, Ghi chú merged down the list": (
        [["Tên trường", None, "Ghi chú"], ["Trường THCS", "Him Lam", None], [None, "Nam Thanh", None],
         ["Trường TH", "Him Lam", None]], ("A1:B1", "A2:A3", "C1:C4")),
}
PEOPLE = {
    "numbered": (
        [["STT", "Họ và tên", None, "Chức vụ", "Đơn vị công tác", "Ghi chú"],
         [1, "Nguyễn Thị", "Lan", "Giáo viên", "THCS Him Lam", None],
         [2, "Hà Thị", "Liên", "Phó Hiệu trưởng", "THCS Him Lam", None],
         [3, "Tạ Thị", "Nành", "Giáo viên", "THCS Nam Thanh", None]], ("B1:C1",)),
    "unnumbered, Ghi chú merged down the list": (
        [["Họ và tên", None, "Chức vụ", "Đơn vị công tác", "Ghi chú"],
         ["Nguyễn Thị", "Lan", "Giáo viên", "THCS Him Lam", None],
         ["Hà Thị", "Liên", "Phó Hiệu trưởng", "THCS Him Lam", None],
         ["Tạ Thị", "Nành", "Giáo viên", "THCS Nam Thanh", None]], ("A1:B1", "E1:E4")),
    "STT merged down an unnumbered list": (
        [["STT", "Họ và tên", None, "Chức vụ", "Đơn vị công tác", "Ghi chú"],
         [None, "Nguyễn Thị", "Lan", "Giáo viên", "THCS Him Lam", None],
         [None, "Hà Thị", "Liên", "Phó Hiệu trưởng", "THCS Him Lam", None],
         [None, "Tạ Thị", "Nành", "Giáo viên", "THCS Nam Thanh", None]], ("A1:A4", "B1:C1")),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(SCHOOLS))
def test_a_school_named_in_two_cells_under_a_merged_tên_trường_is_one_school(tmp_path: Path, fmt: str,
                                                                           layout: str) -> None:
    """"Trường THCS" | "Him Lam": the school's kind in one cell, its name in the next. "Trường
    THCS" is also a header word (a column of a list of teachers): it is no second header row,
    and no later row is a header because "Ghi chú" or "STT" is merged down beside it."""
    rows, merges = SCHOOLS[layout]
    table = read_table(write_table(tmp_path / f"truong.{fmt}", rows, merges))
    assert [r.get("school") for r in table.rows] == ["Trường THCS Him Lam", "Trường THCS Nam Thanh",
                                                     "Trường TH Him Lam"]
    assert [r.get("note") for r in table.rows] == ["", "", ""]  # "Ghi chú" merged down is no school's note
    assert not [p for _, p in table.warnings if p.severity == "error"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(PEOPLE))
def test_a_person_named_in_two_cells_under_a_merged_họ_và_tên_is_one_person(repo_portal: Portal, tmp_path: Path,
                                                                          fmt: str, layout: str) -> None:
    """"Nguyễn Thị" | "Lan" under "Họ và tên" merged over both, with the same merges as a list of
    schools: one name, matched to the person."""
    rows, merges = PEOPLE[layout]
    result = import_roster(repo_portal, "pgddt-dien-bien-phu", write_table(tmp_path / f"ds.{fmt}", rows, merges))
    assert [(r.name, r.unit) for r in result.rows] == [
        ("Nguyễn Thị Lan", "dbp-thcs-him-lam"), ("Hà Thị Liên", "dbp-thcs-him-lam"),
        ("Tạ Thị Nành", "dbp-thcs-nam-thanh")]
    assert all(r.person is not None for r in result.rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_schools_named_in_two_cells_are_matched_and_placed(repo_portal: Portal, tmp_path: Path, fmt: str) -> None:
    """Củ Chi's inter-school group no. 2, unnumbered, its schools' kind merged down beside them."""
    rows = [["Tên trường", None, "Ghi chú"], ["NHÓM 2", None, None], ["Trường TH-THCS", "Tân Trung", "Nhóm trưởng"],
            ["Trường THCS", "Bình Hòa", None], [None, "Trung An", None]]
    path = write_table(tmp_path / f"nhom.{fmt}", rows, ("A1:B1", "A2:C2", "A4:A5"))
    result = import_roster(repo_portal, "pgddt-cu-chi", path)
    assert result.errors == []
    assert [(r.target, r.school, r.role) for r in result.rows] == [
        ("cc-nhom-lien-truong-2", "cc-th-thcs-tan-trung", "nhom-truong"),
        ("cc-nhom-lien-truong-2", "cc-thcs-binh-hoa", "thanh-vien"),
        ("cc-nhom-lien-truong-2", "cc-thcs-trung-an", "thanh-vien")]


# Headers of three rows, and the same list under a header of one row.
DATA = [[1, "Hà Thị Liên", "Phó Hiệu trưởng", "Tổ trưởng", "THCS Him Lam", "0912 345 678", "lien@him-lam.edu.vn",
         None],
        [2, "Nguyễn Thị Hương", "Giáo viên", None, "THCS Him Lam", None, None, "Thư ký"],
        [3, "Tạ Thị Nành", "Giáo viên", None, "THCS Nam Thanh", None, None, None]]
ONE_ROW = ([["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Điện thoại", "Email", "Ghi chú"]], ("C1:D1",))
THREE_ROWS = {
    # Row 1 only groups columns: the cells under "STT" and "Ghi chú" are left empty.
    "Thông tin cán bộ over the header, STT and Ghi chú only in row 1": (
        [["STT", "Thông tin cán bộ", None, None, None, "Liên hệ", None, "Ghi chú"],
         [None, "Họ và tên", "Chức vụ", None, "Đơn vị công tác", None, None, None],
         [None, None, "Chính quyền", "Chuyên môn", None, "Điện thoại", "Email", None]],
        ("B1:E1", "F1:G1", "C2:D2")),
    "Thông tin cán bộ over the header, STT and Ghi chú merged down": (
        [["STT", "Thông tin cán bộ", None, None, None, None, None, "Ghi chú"],
         [None, "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Liên hệ", None, None],
         [None, None, "Chính quyền", "Chuyên môn", None, "Điện thoại", "Email", None]],
        ("A1:A3", "B1:G1", "H1:H3", "B2:B3", "C2:D2", "E2:E3", "F2:G2")),
    # The header of row 1 completed twice: "Chức vụ" over two columns of its own.
    "Chức vụ - Đơn vị công tác over Chức vụ | Đơn vị công tác over Chính quyền | Chuyên môn": (
        [["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", None, None, "Liên hệ", None, "Ghi chú"],
         [None, None, "Chức vụ", None, "Đơn vị công tác", "Điện thoại", "Email", None],
         [None, None, "Chính quyền", "Chuyên môn", None, None, None, None]],
        ("A1:A3", "B1:B3", "C1:E1", "F1:G1", "H1:H3", "C2:D2", "E2:E3", "F2:F3", "G2:G3")),
    "a title merged over a two-row header": (
        [["DANH SÁCH TỔ TRƯỞNG CHUYÊN MÔN", None, None, None, None, None, None, None],
         ["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Liên hệ", None, "Ghi chú"],
         [None, None, "Chính quyền", "Chuyên môn", None, "Điện thoại", "Email", None]],
        ("A1:H1", "A2:A3", "B2:B3", "C2:D2", "E2:E3", "F2:G2", "H2:H3")),
}


def _rows(path: Path) -> list[tuple[str, ...]]:
    return [(r.get("stt"), r.get("name"), r.get("position"), r.get("unit"), r.get("note"))
            for r in read_table(path).rows]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(THREE_ROWS))
def test_a_three_row_header_reads_as_the_one_row_header(tmp_path: Path, fmt: str, layout: str) -> None:
    """Each column is read by its lowest label: "STT" and "Ghi chú" over empty cells, "Họ và
    tên" under "Thông tin cán bộ", "Chính quyền" | "Chuyên môn" under "Chức vụ" (read whole, the
    values joined, as under a two-row header); "Điện thoại" | "Email" are said not imported."""
    header, merges = THREE_ROWS[layout]
    one = _rows(write_table(tmp_path / f"mot-dong.{fmt}", ONE_ROW[0] + DATA, ONE_ROW[1]))
    assert one[0] == ("1", "Hà Thị Liên", "Phó Hiệu trưởng Tổ trưởng", "THCS Him Lam", "")
    assert one[1][4] == "Thư ký"
    path = write_table(tmp_path / f"ba-dong.{fmt}", header + DATA, merges)
    assert _rows(path) == one
    said = [p.message for _, p in read_table(path).warnings]
    assert said == ["cột thứ 6 'Điện thoại' không được nhập.", "cột thứ 7 'Email' không được nhập."]


# Củ Chi: clusters of people (Cụm 01, Cụm 02), groups of schools numbered 1 to 8 (Nhóm 1 ...).
CC = "pgddt-cu-chi"
PEOPLE_HEADER = ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Ghi chú"]
HIEU = [1, "Nguyễn Văn Hiếu", "Hiệu trưởng trường THCS Thị Trấn 2", None]
QUY = [2, "Nguyễn Văn Quý", "Hiệu trưởng trường TH-THCS Tân Trung", None]
SCHOOL_HEADER = ["STT", "Tên trường", "Ghi chú"]
GROUP_1 = [1, "THCS Tân Thạnh Đông", "Nhóm trưởng"]
GROUP_2 = [1, "Trường TH-THCS Tân Trung", "Nhóm trưởng"]


def _list(tmp_path: Path, fmt: str, heading: str, *, people: bool, merged: bool) -> Path:
    """A list of two sections: the first headed plainly, the second by `heading`, merged over the
    row or typed in the name column alone."""
    header, first, second = (PEOPLE_HEADER, HIEU, QUY) if people else (SCHOOL_HEADER, GROUP_1, GROUP_2)
    width = len(header)

    def heading_row(text: str) -> list[object]:
        return [text, *[None] * (width - 1)] if merged else [None, text, *[None] * (width - 2)]

    rows = [header, heading_row("CỤM 01" if people else "NHÓM 1"), first, heading_row(heading), second]
    end = "D" if people else "C"
    return write_table(tmp_path / f"ds.{fmt}", rows, (f"A2:{end}2", f"A4:{end}4") if merged else ())


def _heading_errors(result: ImportResult) -> list[tuple[int | None, str, str]]:
    return [(p.line, p.path, p.message) for p in result.errors]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("merged", [True, False], ids=["merged-over-the-row", "in-the-name-column"])
@pytest.mark.parametrize("heading, people, target", [
    ("NHOM 2", False, "cc-nhom-lien-truong-2"),
    ("NHÓM SỐ 2", False, "cc-nhom-lien-truong-2"),
    ("Nhom so 02", False, "cc-nhom-lien-truong-2"),
    ("CỤM TRƯỜNG SỐ 2", True, "cc-cum-02"),
    ("CUM TRUONG SO 2", True, "cc-cum-02"),
    ("CỤM II", True, "cc-cum-02"),
    ("Cụm trường số II", True, "cc-cum-02"),
    ("NHÓM II", False, "cc-nhom-lien-truong-2"),
    ("NHOM IV", False, "cc-nhom-lien-truong-4"),
    ("III. NHÓM II", False, "cc-nhom-lien-truong-2"),
])
def test_a_numbered_heading_places_its_rows_in_its_body(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                        merged: bool, heading: str, people: bool,
                                                        target: str) -> None:
    """"số" before the number ("NHÓM SỐ 2") is read as "CỤM TRƯỜNG SỐ 2" always was; a Roman
    numeral as its number ("CỤM II" is Cụm 02), a numbering before the heading left aside ("III.
    NHÓM II"). Before, "NHÓM II" was an error and "CỤM II" a new cluster "Cụm II"."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, heading, people=people, merged=merged))
    assert [r.target for r in result.rows] == ["cc-cum-01" if people else "cc-nhom-lien-truong-1", target]
    assert _heading_errors(result) == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("merged", [True, False], ids=["merged-over-the-row", "in-the-name-column"])
@pytest.mark.parametrize("heading, people, number", [
    ("NHÓM NĂM 2", False, 2), ("NHOM NAM 2", False, 2), ("Nhóm số năm 3", False, 3),
    ("CỤM NĂM 2", True, 2), ("CUM NAM 2", True, 2),
])
def test_a_heading_with_two_numbers_is_an_error_of_its_row(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                          merged: bool, heading: str, people: bool,
                                                          number: int) -> None:
    """"NHOM NAM 2": group five ("năm") with a stray 2, or group 2 with a stray "năm" ("năm" is a
    year only before a year)? Neither is guessed: an error on the heading's row, and its rows go
    into no body, not into the group above it (before: that group, or Cụm 2 for "CỤM NĂM 2")."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, heading, people=people, merged=merged))
    assert [r.target for r in result.rows] == ["cc-cum-01" if people else "cc-nhom-lien-truong-1", None]
    line, place = (4, "") if fmt == "xlsx" else (None, "bảng 1, hàng 4")
    assert _heading_errors(result) == [(line, place, f"tiêu đề '{heading}' không rõ là số 5 ('năm') hay số "
                                                     f"{number}: các dòng bên dưới không được xếp vào tổ chức nào.")]
    first = heading.split()[0]
    assert result.errors[0].hint == (f"ghi rõ một số ở dòng tiêu đề, như '{first} 5' hoặc '{first} {number}', rồi "
                                     "nhập lại.")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("merged", [True, False], ids=["merged-over-the-row", "in-the-name-column"])
@pytest.mark.parametrize("heading", ["NHÓM PHÍA BẮC", "NHOM PHIA BAC", "TỔ VĂN PHÒNG", "NHÓM A", "NHÓM XXI"])
def test_a_heading_of_no_known_body_is_never_a_person(repo_portal: Portal, tmp_path: Path, fmt: str, merged: bool,
                                                      heading: str) -> None:
    """A row holding only a text that starts with "Nhóm", "Cụm", "Tổ", "Hội đồng" (typed with or
    without marks: not "Tô", a family name) heads a part of the list even when its words name no
    body: an error of its row, not a new person "Nhóm Phía Bắc" (before, when typed in the name
    column) nor a row passed over with its rows left in the cluster above (when merged)."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, heading, people=True, merged=merged))
    assert [(r.name, r.target) for r in result.rows] == [("Nguyễn Văn Hiếu", "cc-cum-01"), ("Nguyễn Văn Quý", None)]
    assert result.new_people == []
    line, place = (4, "") if fmt == "xlsx" else (None, "bảng 1, hàng 4")
    assert _heading_errors(result) == [(line, place, f"tiêu đề '{heading}' không đọc được là tổ chức nào: các dòng "
                                                     "bên dưới không được xếp vào tổ chức nào.")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", ["Tô Văn Phòng", "TO VAN PHONG", "TÔ VI", "Tô Viên"])
def test_an_unnumbered_name_that_starts_like_tổ_is_still_a_person(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                                  text: str) -> None:
    """"Tô" is a family name: a person alone in the name column stays a person (a new one here),
    "Vi" a given name even in capitals, not team no. VI."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, text, people=True, merged=False))
    assert [r.name.casefold() for r in result.rows if r.name] == ["nguyễn văn hiếu", text.casefold(), "nguyễn văn quý"]
    assert not [p for p in result.errors if "tiêu đề" in p.message]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("merged", [True, False], ids=["merged-over-the-row", "in-the-name-column"])
@pytest.mark.parametrize("text", ["Tổ trưởng chuyên môn", "TỔ PHÓ CHUYÊN MÔN", "Nhóm trưởng chuyên môn", "Tổ viên",
                                  "TỔ VIÊN", "Tổ chức sinh hoạt: thứ Năm hằng tuần"])
def test_a_post_or_a_note_alone_in_a_row_heads_no_body(repo_portal: Portal, tmp_path: Path, fmt: str, merged: bool,
                                                       text: str) -> None:
    """A list grouped by post ("Tổ trưởng chuyên môn" over the heads of departments) or a note
    starting with "Tổ chức" ("organise"): the row is passed over with a warning and the rows under
    it stay in the cluster above. Not a heading of no body, which put them in none (a review found
    it), nor a new person named after the post (before, typed in the name column; "Tổ viên", a
    plain member of a team, until a second review)."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, text, people=True, merged=merged))
    assert [(r.name, r.target) for r in result.rows] == [("Nguyễn Văn Hiếu", "cc-cum-01"),
                                                         ("Nguyễn Văn Quý", "cc-cum-01")]
    assert result.new_people == []
    assert not [p for p in result.errors if "tiêu đề" in p.message]
    assert [p.message for p in result.all_problems() if p.message.startswith("bỏ qua dòng")] == [
        f"bỏ qua dòng '{text}': không phải một người, một trường hay tên một tổ chức."]


# A header cell merged over the column of the names and the one beside it, labelled in a second row,
# and the names the list holds.
LABELLED_BESIDE_THE_NAMES = {
    "Tên trường over Tên trường | Mã trường": (
        [["STT", "Tên trường", None, "Ghi chú"], [None, "Tên trường", "Mã trường", None],
         [1, "THCS Him Lam", "C2-HL", None], [2, "THCS Nam Thanh", "C2-NT", None]], ("A1:A2", "B1:C1", "D1:D2"),
        ["THCS Him Lam", "THCS Nam Thanh"]),
    "Họ và tên over Họ và tên | Năm sinh, unnumbered, Ghi chú merged down": (
        [["Họ và tên", None, "Chức vụ - Đơn vị công tác", "Ghi chú"], ["Họ và tên", "Năm sinh", None, None],
         ["Nguyễn Thị Lan", 1985, "Giáo viên THCS Him Lam", None],
         ["Hà Thị Liên", 1979, "Phó Hiệu trưởng THCS Him Lam", None]], ("A1:B1", "C1:C2", "D1:D4"),
        ["Nguyễn Thị Lan", "Hà Thị Liên"]),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(LABELLED_BESIDE_THE_NAMES))
def test_labels_under_a_merged_names_header_are_no_row_of_the_list(tmp_path: Path, fmt: str, layout: str) -> None:
    """"Tên trường" | "Mã trường" under "Tên trường" merged over both are the header's second row,
    as before the rule that reads "Trường THCS" | "Him Lam" there as a school: "Tên trường" is a
    label, not a school's kind (the first review of that rule found a school "Tên trường Mã
    trường", a person "Họ và tên Năm sinh")."""
    rows, merges, listed = LABELLED_BESIDE_THE_NAMES[layout]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", rows, merges))
    names = [r.get("school") or r.get("name") for r in table.rows]
    assert len(names) == len(listed)
    assert all(name.startswith(expected) for name, expected in zip(names, listed, strict=True))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stt_merged_down", [False, True], ids=["no-STT", "STT-merged-down"])
@pytest.mark.parametrize("preschool", ["Nhóm trẻ Hoa Mai", "Nhóm lớp mầm non Tuổi Thơ"])
def test_a_preschool_named_nhóm_trẻ_in_an_unnumbered_list_is_a_school(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                                      stt_merged_down: bool, preschool: str) -> None:
    """"Nhóm trẻ", "Nhóm lớp" are preschools: alone in its row of an unnumbered list of schools,
    such a school is a row of the group, not a heading of no body that dropped it and left the
    schools under it in none (a review found it). The office has no such school: its row says so."""
    rows: list[list[object]] = [["Tên trường", "Ghi chú"], ["NHÓM 2", None],
                                ["Trường TH-THCS Tân Trung", "Nhóm trưởng"], [preschool, None],
                                ["Trường THCS Bình Hòa", None]]
    if stt_merged_down:
        rows = [["STT" if k == 0 else None, *row] for k, row in enumerate(rows)]
    merges = ("A1:A5", "B2:C2") if stt_merged_down else ("A2:B2",)
    result = import_roster(repo_portal, CC, write_table(tmp_path / f"nhom.{fmt}", rows, merges))
    assert [(r.name, r.target) for r in result.rows] == [
        ("Trường TH-THCS Tân Trung", "cc-nhom-lien-truong-2"), (preschool, "cc-nhom-lien-truong-2"),
        ("Trường THCS Bình Hòa", "cc-nhom-lien-truong-2")]
    assert [(p.line, p.message) for p in result.errors] == [
        (4 if fmt == "xlsx" else None, f"không tìm thấy trường '{preschool}'.")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("merged", [True, False], ids=["merged-over-the-row", "in-the-name-column"])
@pytest.mark.parametrize("heading, people, name", [
    ("NHÓM 2A", False, "Nhóm 2A"), ("Nhóm 2a", False, "Nhóm 2a"), ("CỤM 1B", True, "Cụm 1B"),
])
def test_a_number_with_a_letter_is_a_name_not_the_body_of_that_number(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                                      merged: bool, heading: str, people: bool,
                                                                      name: str) -> None:
    """"NHÓM 2A" is not Nhóm 2 (before, its rows went there without a word): Củ Chi has no group
    2A, so the heading proposes one, as a heading of a number the office has no body of does."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, heading, people=people, merged=merged))
    new = [t for t in result.targets if t.existing is None]
    assert [t.name for t in new] == [name]
    assert [r.target for r in result.rows] == ["cc-cum-01" if people else "cc-nhom-lien-truong-1", new[0].id]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_group_named_with_a_letter_is_told_from_the_group_of_its_number(dataset: Dataset, tmp_path: Path,
                                                                          fmt: str) -> None:
    """An office with "Nhóm 2" and "Nhóm 2A": each heading names its own, "NHÓM 02" too (before,
    "Nhóm 2A" read as a group no. 2 as well, and "NHÓM 02" matched both: an error)."""
    dataset.year["bodies"] += [
        {"id": f"a-nhom-{suffix}", "kind": "nhom-lien-truong", "name": name, "decision": "a-2024-qd-1",
         "members": [{"school": school, "role": "nhom-truong"}]}
        for suffix, name, school in (("2", "Nhóm 2", "a-thcs-mot"), ("2a", "Nhóm 2A", "a-thcs-hai"))]
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    rows = [["STT", "Tên trường", "Ghi chú"], ["NHÓM 2A", None, None], [1, "Trường THCS Hai", "Nhóm trưởng"],
            ["NHÓM 02", None, None], [1, "Trường THCS Một", "Nhóm trưởng"]]
    result = import_roster(portal, "pgddt-a", write_table(tmp_path / f"nhom.{fmt}", rows, ("A2:C2", "A4:C4")))
    assert result.errors == []
    assert [(r.school, r.target) for r in result.rows] == [("a-thcs-hai", "a-nhom-2a"), ("a-thcs-mot", "a-nhom-2")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading", ["CỤM 02", "Cụm trường số 2", "CỤM II"])
def test_a_cluster_named_with_a_roman_numeral_in_the_data_is_that_number(dataset: Dataset, tmp_path: Path, fmt: str,
                                                                         heading: str) -> None:
    """The data's "Cụm II" is cluster no. 2, however the heading writes the number (before, "CỤM
    02" proposed a new "Cụm 02" beside it)."""
    dataset.year["bodies"].append({"id": "a-cum-ii", "kind": "cum-chuyen-mon", "name": "Cụm II",
                                   "decision": "a-2024-qd-1",
                                   "members": [{"person": "a-le-thi-hong", "role": "cum-truong", "unit": "a-thcs-mot"},
                                               {"school": "a-thcs-mot", "role": "thanh-vien"}]})
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    rows = [["STT", "Tên trường", "Ghi chú"], [heading, None, None], [1, "Trường THCS Một", None],
            [2, "Trường THCS Hai", None]]
    result = import_roster(portal, "pgddt-a", write_table(tmp_path / f"cum.{fmt}", rows, ("A2:C2",)))
    assert [t for t in result.targets if t.existing is None] == []
    assert [(r.school, r.target) for r in result.rows] == [("a-thcs-mot", "a-cum-ii"), ("a-thcs-hai", "a-cum-ii")]
