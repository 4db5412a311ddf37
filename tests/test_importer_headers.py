"""Headers and heading rows as clerks type them beyond the plain cases: a name split over two
cells under one header cell merged across them ("Trường THCS" | "Him Lam" under "Tên trường"),
headers of three rows, and heading rows between the rows of a list that do not say which body
they head ("NHOM NAM 2"). Each list reads as the same list with a plain header, or the row is
an error that names it: never a person, never rows slipped into the group above."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from conftest import Dataset, load_or_raise
from portal.importer import ImportResult, RosterError, import_roster, read_table
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


# "Trường" alone before the name, as typed, without marks, in NFD, in capitals: the first row of an
# unnumbered list is a school, not a second header row (the first school was dropped unsaid). In
# capitals the case cannot tell "HOA SEN" from a label ("CẤP HỌC"): the next row, "TRƯỜNG" again before
# another name, does.
SCHOOL_WORD_FIRST = {
    "as typed": ("Tên trường", "Ghi chú", ("Trường", "Hoa Sen"), ("Trường", "Him Lam")),
    "no marks": ("Ten truong", "Ghi chu", ("Truong", "Hoa Sen"), ("Truong", "Him Lam")),
    "capitals": ("TÊN TRƯỜNG", "GHI CHÚ", ("TRƯỜNG", "HOA SEN"), ("TRƯỜNG", "HIM LAM"), ("TRƯỜNG", "NAM THANH")),
    "capitals, no marks": ("TEN TRUONG", "GHI CHU", ("TRUONG", "HOA SEN"), ("TRUONG", "HIM LAM")),
    "NFD": tuple(unicodedata.normalize("NFD", text) if isinstance(text, str) else
                 tuple(unicodedata.normalize("NFD", t) for t in text)
                 for text in ("Tên trường", "Ghi chú", ("Trường", "Tân Phú"), ("Trường", "Ea Tam"))),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("spelling", list(SCHOOL_WORD_FIRST))
def test_the_first_school_typed_trường_then_its_name_under_a_merged_tên_trường_is_kept(
        tmp_path: Path, fmt: str, spelling: str) -> None:
    header, note, *schools = SCHOOL_WORD_FIRST[spelling]
    rows = [[header, None, note], *([*school, None] for school in schools)]
    table = read_table(write_table(tmp_path / f"truong.{fmt}", rows, ("A1:B1",)))
    # Read in NFC whatever the file's form.
    assert [r.get("school") for r in table.rows] == [unicodedata.normalize("NFC", " ".join(school))
                                                     for school in schools]
    assert not table.warnings


# In capitals, with the merges a clerk adds: the first school kept (it was lost; with the kind merged
# down, the second lost its kind too: "HIM LAM").
SCHOOL_WORD_FIRST_MERGED = {
    "the kind merged down": ([["TÊN TRƯỜNG", None, "GHI CHÚ"], ["TRƯỜNG", "HOA SEN", None], [None, "HIM LAM", None]],
                             ("A1:B1", "A2:A3")),
    "STT merged down an unnumbered list": (
        [["STT", "TÊN TRƯỜNG", None, "GHI CHÚ"], [None, "TRƯỜNG", "HOA SEN", None], [None, "TRƯỜNG", "HIM LAM", None]],
        ("A1:A3", "B1:C1")),
    "Ghi chú merged down the list": (
        [["TÊN TRƯỜNG", None, "GHI CHÚ"], ["TRƯỜNG", "HOA SEN", None], ["TRƯỜNG", "HIM LAM", None]],
        ("A1:B1", "C1:C3")),
    "a title above, Đơn vị": (
        [["DANH SÁCH", None, None], ["ĐƠN VỊ", None, "GHI CHÚ"], ["TRƯỜNG", "HOA SEN", None],
         ["TRƯỜNG", "HIM LAM", None]], ("A1:C1", "A2:B2")),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(SCHOOL_WORD_FIRST_MERGED))
def test_the_first_school_typed_in_capitals_is_kept_whatever_the_merges(tmp_path: Path, fmt: str,
                                                                         layout: str) -> None:
    rows, merges = SCHOOL_WORD_FIRST_MERGED[layout]
    table = read_table(write_table(tmp_path / f"truong.{fmt}", rows, merges))
    assert [r.get("school") for r in table.rows] == ["TRƯỜNG HOA SEN", "TRƯỜNG HIM LAM"]
    assert not table.warnings


# The mirror (found by review of the first version of that rule): "Trường" as a label of a second
# header row under the names' header, beside labels that are no header word ("Cấp học", "Tổ chuyên
# môn", "Xã"), never a school or a person of the list.
SCHOOL_WORD_LABELS = {
    "Trường | Cấp học": ([["Tên trường", None, "Ghi chú"], ["Trường", "Cấp học", None], ["Hoa Sen", "THCS", None],
                          ["Him Lam", "TH", None]], ("A1:B1",), ["Hoa Sen THCS", "Him Lam TH"]),
    "capitals": ([["TÊN TRƯỜNG", None, "GHI CHÚ"], ["TRƯỜNG", "CẤP HỌC", None], ["HOA SEN", "THCS", None]],
                 ("A1:B1",), ["HOA SEN THCS"]),
    "no marks": ([["Ten truong", None, "Ghi chu"], ["Truong", "Cap hoc", None], ["Hoa Sen", "THCS", None]],
                 ("A1:B1",), ["Hoa Sen THCS"]),
    "one word, numbered, STT merged down": (
        [["STT", "Tên trường", None, "Ghi chú"], [None, "Trường", "Xã", None], [1, "Hoa Sen", "Tân Phú", None]],
        ("A1:A2", "B1:C1", "D1:D2"), ["Hoa Sen Tân Phú"]),
    # Over rows that start with a school's kind: the labels are not typed again (a review of the look-ahead
    # that keeps "TRƯỜNG" | "HOA SEN" found "Trường Cấp học" a school here, refused by the import).
    "over rows typed Trường THCS | Him Lam": (
        [["Tên trường", None, "Ghi chú"], ["Trường", "Cấp học", None], ["Trường THCS", "Him Lam", None],
         ["Trường THCS", "Nam Thanh", None]], ("A1:B1",), ["Trường THCS Him Lam", "Trường THCS Nam Thanh"]),
    "capitals, numbered, over rows typed TRƯỜNG THCS | HIM LAM": (
        [["STT", "TÊN TRƯỜNG", None, "GHI CHÚ"], [None, "TRƯỜNG", "XÃ", None], [1, "TRƯỜNG THCS", "HIM LAM", None],
         [2, "TRƯỜNG THCS", "NAM THANH", None]], ("A1:A2", "B1:C1", "D1:D2"),
        ["TRƯỜNG THCS HIM LAM", "TRƯỜNG THCS NAM THANH"]),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(SCHOOL_WORD_LABELS))
def test_trường_over_labels_under_the_names_is_a_second_header_row(tmp_path: Path, fmt: str, layout: str) -> None:
    rows, merges, schools = SCHOOL_WORD_LABELS[layout]
    table = read_table(write_table(tmp_path / f"truong.{fmt}", rows, merges))
    assert [r.get("school") for r in table.rows] == schools


@pytest.mark.parametrize("fmt", FORMATS)
def test_trường_over_a_label_under_a_merged_đơn_vị_of_teachers_is_no_person(repo_portal: Portal, tmp_path: Path,
                                                                           fmt: str) -> None:
    rows = [["STT", "Họ và tên", "Đơn vị", None, "Chức vụ"], [None, None, "Trường", "Tổ Chuyên Môn", None],
            [1, "Hà Thị Liên", "THCS", "Him Lam", "Giáo viên"], [2, "Tạ Thị Nành", "THCS", "Nam Thanh", "Giáo viên"]]
    merges = ("A1:A2", "B1:B2", "C1:D1", "E1:E2")
    result = import_roster(repo_portal, "pgddt-dien-bien-phu", write_table(tmp_path / f"ds.{fmt}", rows, merges))
    assert [(r.name, r.unit) for r in result.rows] == [("Hà Thị Liên", "dbp-thcs-him-lam"),
                                                        ("Tạ Thị Nành", "dbp-thcs-nam-thanh")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["Trường", "Trường THCS"])
def test_a_school_s_kind_alone_under_a_merged_tên_trường_is_a_header_naming_part_of_its_columns(
        tmp_path: Path, fmt: str, kind: str) -> None:
    """The mirror: nothing beside it, the kind labels the first column only, which the clerk is told
    (it was a school named "Trường THCS" and nothing else)."""
    rows = [["Tên trường", None, "Ghi chú"], [kind, None, None], ["Trường THCS", "Him Lam", None]]
    with pytest.raises(RosterError, match=r"(dòng|hàng) 2: dòng tiêu đề thứ hai chỉ ghi tên cho một phần các cột dưới "
                                          r"ô 'Tên trường' \(cột thứ 1 đến 2\)"):
        read_table(write_table(tmp_path / f"truong.{fmt}", rows, ("A1:B1",)))


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
    # A letter that starts more words after the number is no part of it: a place, not group 2A.
    ("Cụm 2 - A Lưới", True, "cc-cum-02"),
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
@pytest.mark.parametrize("heading", ["NHÓM PHÍA BẮC", "NHOM PHIA BAC", "TỔ VĂN PHÒNG", "NHÓM A", "NHÓM C"])
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
# the names the list holds and the column beside them, not imported.
LABELLED_BESIDE_THE_NAMES = {
    "Tên trường over Tên trường | Mã trường": (
        [["STT", "Tên trường", None, "Ghi chú"], [None, "Tên trường", "Mã trường", None],
         [1, "THCS Him Lam", "C2-HL", None], [2, "THCS Nam Thanh", 12, None]], ("A1:A2", "B1:C1", "D1:D2"),
        ["THCS Him Lam", "THCS Nam Thanh"], "cột thứ 3 'Mã trường'"),
    "Tên trường over Tên trường | Mã trường, nothing merged down": (
        [["STT", "Tên trường", None, "Ghi chú"], [None, "Tên trường", "Mã trường", None],
         [1, "THCS Him Lam", "C2-HL", None], [2, "THCS Nam Thanh", 12, None]], ("B1:C1",),
        ["THCS Him Lam", "THCS Nam Thanh"], "cột thứ 3 'Mã trường'"),
    "Họ và tên over Họ và tên | Năm sinh, unnumbered, Ghi chú merged down": (
        [["Họ và tên", None, "Chức vụ - Đơn vị công tác", "Ghi chú"], ["Họ và tên", "Năm sinh", None, None],
         ["Nguyễn Thị Lan", 1985, "Giáo viên THCS Him Lam", None],
         ["Hà Thị Liên", 1979, "Phó Hiệu trưởng THCS Him Lam", None]], ("A1:B1", "C1:C2", "D1:D4"),
        ["Nguyễn Thị Lan", "Hà Thị Liên"], "cột thứ 2 'Năm sinh'"),
    # A signature column beside the names: its cells, empty, "đã ký" or initials, are no part of a name.
    "Họ và tên over Họ tên | Chữ ký, the rest merged down": (
        [["STT", "Họ và tên", None, "Chức vụ - Đơn vị công tác", "Ghi chú"], [None, "Họ tên", "Chữ ký", None, None],
         [1, "Nguyễn Thị Lan", "Lan", "Giáo viên THCS Him Lam", None],
         [2, "Hà Thị Liên", "đã ký", "Phó Hiệu trưởng THCS Him Lam", None]], ("A1:A2", "B1:C1", "D1:D2", "E1:E2"),
        ["Nguyễn Thị Lan", "Hà Thị Liên"], "cột thứ 3 'Chữ ký'"),
    "HO VA TEN over HO TEN | CHU KY, no marks, nothing merged down, NFD and spaces in the names": (
        [["STT", "HO VA TEN", None, "CHUC VU - DON VI CONG TAC", "GHI CHU"], [None, "HO TEN", "CHU KY", None, None],
         [1, unicodedata.normalize("NFD", "Nguyễn Thị Lan"), "NTL", "Giáo viên THCS Him Lam", None],
         [2, "  Hà  Thị Liên ", None, "Phó Hiệu trưởng THCS Him Lam", None]], ("B1:C1",),
        ["Nguyễn Thị Lan", "Hà Thị Liên"], "cột thứ 3 'CHU KY'"),
    "Họ và tên over an empty cell | Ký tên": (
        [["STT", "Họ và tên", None, "Chức vụ - Đơn vị công tác", "Ghi chú"], [None, None, "Ký tên", None, None],
         [1, "Nguyễn Thị Lan", "Lan", "Giáo viên THCS Him Lam", None],
         [2, "Hà Thị Liên", None, "Phó Hiệu trưởng THCS Him Lam", None]], ("A1:A2", "B1:C1", "D1:D2", "E1:E2"),
        ["Nguyễn Thị Lan", "Hà Thị Liên"], "cột thứ 3 'Ký tên'"),
    "Họ và tên over Họ và đệm | Tên | Chữ ký, nothing merged down": (
        [["STT", "Họ và tên", None, None, "Chức vụ - Đơn vị công tác"], [None, "Họ và đệm", "Tên", "Chữ ký", None],
         [1, "Nguyễn Thị", "Lan", "Lan", "Giáo viên THCS Him Lam"],
         [2, "Hà Thị", "Liên", None, "Phó Hiệu trưởng THCS Him Lam"]], ("B1:D1",),
        ["Nguyễn Thị Lan", "Hà Thị Liên"], "cột thứ 4 'Chữ ký'"),
    # Beside labels whose cells join into the name ("Trường" | "Cấp học"): the code and the number were
    # joined too, though the report said they were not read ("Hoa Sen HS01 THCS", "Hoa Sen THCS 0912…").
    "Tên trường over Trường | Mã trường | Cấp học": (
        [["Tên trường", None, None, "Ghi chú"], ["Trường", "Mã trường", "Cấp học", None],
         ["Hoa Sen", "HS01", "THCS", None], ["Him Lam", "HL02", "TH", None]], ("A1:C1",),
        ["Hoa Sen THCS", "Him Lam TH"], "cột thứ 2 'Mã trường'"),
    "Đơn vị over Trường | Cấp học | Số điện thoại": (
        [["STT", "Đơn vị", None, None], [None, "Trường", "Cấp học", "Số điện thoại"],
         [1, "Hoa Sen", "THCS", "0912 345 678"], [2, "Him Lam", "TH", None]], ("A1:A2", "B1:D1"),
        ["Hoa Sen THCS", "Him Lam TH"], "cột thứ 4 'Số điện thoại'"),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(LABELLED_BESIDE_THE_NAMES))
def test_labels_under_a_merged_names_header_are_no_row_of_the_list(tmp_path: Path, fmt: str, layout: str) -> None:
    """"Tên trường" | "Mã trường" under "Tên trường" merged over both are the header's second row,
    as before the rule that reads "Trường THCS" | "Him Lam" there as a school: "Tên trường" is a
    label, not a school's kind (the first review of that rule found a school "Tên trường Mã
    trường", a person "Họ và tên Năm sinh"). The column beside the names is one of its own, not
    imported, as under a header of one row: before, the code was read into the school's name ("THCS
    Him Lam C2-HL", "THCS Nam Thanh 12", another school) and the year into the person's ("có chữ số").
    So is a signature column ("Chữ ký", "Ký tên"), beside the names' label, their parts' ("Họ và đệm" |
    "Tên") or an empty cell: before, "Nguyễn Thị Lan Lan", "Hà Thị Liên đã ký", or with no label over the
    names a new person "Chữ ký"."""
    rows, merges, listed, column = LABELLED_BESIDE_THE_NAMES[layout]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", rows, merges))
    assert [r.get("school") or r.get("name") for r in table.rows] == listed
    assert [p.message for _, p in table.warnings] == [f"{column} không được nhập."]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_signature_column_beside_the_names_imports_as_the_list_without_it(repo_portal: Portal, tmp_path: Path,
                                                                          fmt: str) -> None:
    """The list with "Chữ ký" under "Họ và tên" imports as the list without that column: the same people,
    matched, and no other problem (before, "Nguyễn Thị Lan Lan" and "Hà Thị Liên đã ký" were new people)."""
    signed, merges, _, _ = LABELLED_BESIDE_THE_NAMES["Họ và tên over Họ tên | Chữ ký, the rest merged down"]
    plain = [["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Ghi chú"],
             *[[stt, name, post, note] for stt, name, _, post, note in signed[2:]]]

    def imported(path: Path) -> tuple[object, ...]:
        result = import_roster(repo_portal, "pgddt-dien-bien-phu", path)
        return ([(r.name, r.person, r.unit) for r in result.rows],
                [p.message for p in result.all_problems() if "'Chữ ký' không được nhập" not in p.message])

    expected = imported(write_table(tmp_path / f"khong-ky.{fmt}", plain))
    assert [person for _, person, _ in expected[0]] == ["dbp-nguyen-thi-lan", "dbp-ha-thi-lien"]
    assert imported(write_table(tmp_path / f"co-ky.{fmt}", signed, merges)) == expected


# The parts of a name, or a note, under "Họ và tên" merged over them: read as without the merged cell.
NAME_PARTS_UNDER_THE_NAMES = {
    "Họ và đệm | Tên, the rest merged down": (
        [["STT", "Họ và tên", None, "Chức vụ - Đơn vị công tác", "Ghi chú"], [None, "Họ và đệm", "Tên", None, None],
         [1, "Nguyễn Thị", "Lan", "Giáo viên THCS Him Lam", None], [2, "HÀ THỊ", "LIÊN", "Phó Hiệu trưởng THCS Him Lam",
                                                                     "Thư ký"]],
        ("A1:A2", "B1:C1", "D1:D2", "E1:E2"), [("Nguyễn Thị Lan", ""), ("HÀ THỊ LIÊN", "Thư ký")]),
    "Ho va dem | Ten, no marks, nothing merged down": (
        [["STT", "Họ và tên", None, "Chức vụ - Đơn vị công tác", "Ghi chú"], [None, "Ho va dem", "Ten", None, None],
         [1, "Nguyễn Thị", "Lan", "Giáo viên THCS Him Lam", None], [2, "Hà Thị", "Liên", "Phó Hiệu trưởng THCS Him Lam",
                                                                     "Thư ký"]],
        ("B1:C1",), [("Nguyễn Thị Lan", ""), ("Hà Thị Liên", "Thư ký")]),
    "Họ tên | Ghi chú: the note, as every Ghi chú column": (
        [["STT", "Họ và tên", None, "Chức vụ - Đơn vị công tác"], [None, "Họ tên", "Ghi chú", None],
         [1, "Nguyễn Thị Lan", None, "Giáo viên THCS Him Lam"],
         [2, "Hà Thị Liên", "Thư ký", "Phó Hiệu trưởng THCS Him Lam"]],
        ("A1:A2", "B1:C1", "D1:D2"), [("Nguyễn Thị Lan", ""), ("Hà Thị Liên", "Thư ký")]),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(NAME_PARTS_UNDER_THE_NAMES))
def test_a_name_s_parts_under_a_merged_names_header_still_join(tmp_path: Path, fmt: str, layout: str) -> None:
    """"Họ và đệm" | "Tên" under "Họ và tên" join into one name whether or not the header's other cells are
    merged down (before, with none merged down, "Họ và đệm Tên" was a person of the list: "Họ và đệm" was
    no header of a name's part); "Ghi chú" there is the note, not a part of the name nor a column not read."""
    rows, merges, listed = NAME_PARTS_UNDER_THE_NAMES[layout]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", rows, merges))
    assert [(r.get("name"), r.get("note")) for r in table.rows] == listed
    assert table.warnings == []


# A first row of the list whose family name reads as the label "Họ" (the family name Hồ, in capitals, without
# marks), every cell of it under a header cell merged across columns: no STT column, or its cells left empty
# (Word's automatic numbering). Each row is a person, as any row of the list.
FAMILY_NAME_LIKE_A_LABEL = {
    "Hồ | Thị Lan, no STT, Chức vụ - Đơn vị merged over two": (
        [["Họ và tên", None, "Chức vụ - Đơn vị công tác", None], ["Hồ", "Thị Lan", "Giáo viên", "THCS Một"],
         ["Lê Thị", "Hồng", "Giáo viên", "THCS Hai"]], ("A1:B1", "C1:D1"), ["Hồ Thị Lan", "Lê Thị Hồng"]),
    "HO | THI | LAN, STT empty, capitals without marks": (
        [["STT", "HO VA TEN", None, None, "CHUC VU - DON VI CONG TAC", None],
         [None, "HO", "THI", "LAN", "GIAO VIEN", "THCS MOT"], [None, "LE", "THI", "HONG", "TO TRUONG", "THCS HAI"]],
        ("B1:D1", "E1:F1"), ["HO THI LAN", "LE THI HONG"]),
    "HỒ | THỊ LAN, STT empty, capitals": (
        [["STT", "HỌ VÀ TÊN", None, "CHỨC VỤ - ĐƠN VỊ CÔNG TÁC", None],
         [None, "HỒ", "THỊ LAN", "GIÁO VIÊN", "THCS MỘT"], [None, "LÊ THỊ", "HỒNG", "GIÁO VIÊN", "THCS HAI"]],
        ("B1:C1", "D1:E1"), ["HỒ THỊ LAN", "LÊ THỊ HỒNG"]),
    "Hồ | Thị Lan, STT merged down the list": (
        [["STT", "Họ và tên", None, "Chức vụ - Đơn vị công tác", None],
         [None, "Hồ", "Thị Lan", "Giáo viên", "THCS Một"], [None, "Lê Thị", "Hồng", "Giáo viên", "THCS Hai"]],
        ("A1:A3", "B1:C1", "D1:E1"), ["Hồ Thị Lan", "Lê Thị Hồng"]),
    # Two words that fold to "Họ" | "Tên", typed with a name's marks: a person Hồ Tèn.
    "Hồ | Tèn, NFD": (
        [["Họ và tên", None, "Chức vụ - Đơn vị công tác", None],
         [unicodedata.normalize("NFD", "Hồ"), unicodedata.normalize("NFD", "Tèn"), "Giáo viên", "THCS Một"],
         ["Lê Thị", "Hồng", "Giáo viên", "THCS Hai"]], ("A1:B1", "C1:D1"), ["Hồ Tèn", "Lê Thị Hồng"]),
    # The same in one cell reads as "Họ tên", the names' own label: a person too (was refused as a header).
    "Hồ Tèn in one cell": (
        [["Họ và tên", None, "Chức vụ - Đơn vị công tác", None], ["Hồ Tèn", None, "Giáo viên", "THCS Một"],
         ["Lê Thị", "Hồng", "Giáo viên", "THCS Hai"]], ("A1:B1", "C1:D1"), ["Hồ Tèn", "Lê Thị Hồng"]),
    # "Ký" reads as a signature column's label: beside "Hồ" it is a given name, and the names keep both columns.
    "Hồ | Ký": (
        [["Họ và tên", None, "Chức vụ - Đơn vị công tác", None], ["Hồ", "Ký", "Giáo viên", "THCS Một"],
         ["Lê Thị", "Hồng", "Giáo viên", "THCS Hai"]], ("A1:B1", "C1:D1"), ["Hồ Ký", "Lê Thị Hồng"]),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(FAMILY_NAME_LIKE_A_LABEL))
def test_a_first_row_whose_family_name_reads_as_họ_is_a_row_of_the_list(tmp_path: Path, fmt: str, layout: str) -> None:
    """"Hồ" | "Thị Lan" under "Họ và tên" merged over both: one part of a name that reads as its label ("Họ")
    makes no header row; only two labels at least, spelt as labels, with nothing else under the names ("Họ
    và đệm" | "Tên"). A review found that first row dropped without a word: only Lê Thị Hồng was read."""
    rows, merges, listed = FAMILY_NAME_LIKE_A_LABEL[layout]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", rows, merges))
    assert [r.get("name") for r in table.rows] == listed
    assert table.warnings == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_first_row_named_hồ_imports_as_a_person(repo_portal: Portal, tmp_path: Path, fmt: str) -> None:
    """The reviewer's list: "Hồ" | "Thị Lan" first, STT left empty, "Chức vụ - Đơn vị công tác" merged over
    two columns; both people are imported (before, only Hà Thị Liên, and nothing said)."""
    rows = [["STT", "Họ và tên", None, "Chức vụ - Đơn vị công tác", None],
            [None, "Hồ", "Thị Lan", "Giáo viên", "THCS Him Lam"],
            [None, "Hà Thị", "Liên", "Phó Hiệu trưởng", "THCS Him Lam"]]
    path = write_table(tmp_path / f"ds.{fmt}", rows, ("B1:C1", "D1:E1"))
    result = import_roster(repo_portal, "pgddt-dien-bien-phu", path)
    assert [(r.name, r.unit) for r in result.rows] == [("Hồ Thị Lan", "dbp-thcs-him-lam"),
                                                       ("Hà Thị Liên", "dbp-thcs-him-lam")]
    assert result.rows[1].person == "dbp-ha-thi-lien"


# Rows of labels of a name's parts under "Họ và tên" merged over them, nothing else merged down: the header's.
NAME_PARTS_LABELLED = {
    "Họ | Tên": ([None, "Họ", "Tên", None], ("B1:C1",)),
    "HO | TEN, no marks": ([None, "HO", "TEN", None], ("B1:C1",)),
    "Họ | Tên đệm | Tên": ([None, "Họ", "Tên đệm", "Tên", None], ("B1:D1",)),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(NAME_PARTS_LABELLED))
def test_labels_of_a_name_s_parts_under_the_names_are_the_header_s(tmp_path: Path, fmt: str, layout: str) -> None:
    labels, merges = NAME_PARTS_LABELLED[layout]
    width = len(labels)
    header = ["STT", "Họ và tên", *[None] * (width - 3), "Chức vụ - Đơn vị công tác"]
    person = [1, "Hồ Thị", *[None] * (width - 4), "Lan", "Giáo viên THCS Một"]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", [header, labels, person], merges))
    assert [r.get("name") for r in table.rows] == ["Hồ Thị Lan"]
    assert table.warnings == []


def test_one_label_of_a_name_s_part_alone_under_the_names_is_a_header_naming_part_of_its_columns(
        tmp_path: Path) -> None:
    """"Họ" | "" under "Họ và tên": no one is named "Họ" alone; the header's second row, which names only
    one of the columns under "Họ và tên", refused as such (not a person "Họ")."""
    rows = [["Họ và tên", None, "Chức vụ - Đơn vị công tác", None], ["Họ", None, None, None],
            ["Hồ", "Thị Lan", "Giáo viên", "THCS Một"]]
    with pytest.raises(RosterError, match="dòng tiêu đề thứ hai chỉ ghi tên cho một phần các cột dưới ô 'Họ và tên'"):
        read_table(write_table(tmp_path / "ds.xlsx", rows, ("A1:B1", "C1:D1")))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_code_beside_the_school_under_a_merged_header_imports_as_a_code_column_apart(repo_portal: Portal,
                                                                                     tmp_path: Path, fmt: str) -> None:
    """The list with "Mã trường" under "Tên trường" imports as the list with a "Mã trường" column of
    its own: the same schools, no error, the column said not imported (before, "THCS Nam Thanh 12"
    was no school: an error of its row)."""
    merged, merges, _, _ = LABELLED_BESIDE_THE_NAMES["Tên trường over Tên trường | Mã trường"]
    apart = [["STT", "Tên trường", "Mã trường", "Ghi chú"], *merged[2:]]

    def imported(path: Path) -> tuple[object, ...]:
        result = import_roster(repo_portal, "pgddt-dien-bien-phu", path, body="dbp-to-cot-can-thcs-cbql")
        return [(r.school, r.role) for r in result.rows], [p.message for p in result.all_problems()]

    expected = imported(write_table(tmp_path / f"rieng.{fmt}", apart))
    assert expected[0] == [("dbp-thcs-him-lam", "thanh-vien"), ("dbp-thcs-nam-thanh", "thanh-vien")]
    assert imported(write_table(tmp_path / f"gop.{fmt}", merged, merges)) == expected


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
    ("NHÓM 2 A", False, "Nhóm 2 A"), ("NHÓM 2-A", False, "Nhóm 2-A"), ("Nhom 2 - a (5 truong)", False, "Nhom 2 - a"),
    ("CỤM 1 – B", True, "Cụm 1 – B"),
])
def test_a_number_with_a_letter_is_a_name_not_the_body_of_that_number(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                                      merged: bool, heading: str, people: bool,
                                                                      name: str) -> None:
    """"NHÓM 2A" is not Nhóm 2 (before, its rows went there without a word): Củ Chi has no group
    2A, so the heading proposes one, as a heading of a number the office has no body of does. So
    with a space or a dash before the letter ("NHÓM 2 A", "NHÓM 2-A": Nhóm 2 until the review after)."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, heading, people=people, merged=merged))
    new = [t for t in result.targets if t.existing is None]
    assert [t.name for t in new] == [name]
    assert [r.target for r in result.rows] == ["cc-cum-01" if people else "cc-nhom-lien-truong-1", new[0].id]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("named, heading", [
    ("Nhóm 2A", "NHÓM 2A"), ("Nhóm 2A", "NHÓM 2 A"), ("Nhóm 2A", "Nhóm 2-A"), ("Nhóm 2A", "NHOM 2 – A"),
    ("Nhóm 2-A", "NHÓM 2A"), ("Nhóm 2 A", "NHÓM 2A"),
])
def test_a_group_named_with_a_letter_is_told_from_the_group_of_its_number(dataset: Dataset, tmp_path: Path,
                                                                          fmt: str, named: str, heading: str) -> None:
    """An office with "Nhóm 2" and "Nhóm 2A": each heading names its own, "NHÓM 02" too (before,
    "Nhóm 2A" read as a group no. 2 as well, and "NHÓM 02" matched both: an error). The letter after
    a space or a dash is the same name, in the heading or in the data (before the review after,
    "NHÓM 2 A" was Nhóm 2, and a group named "Nhóm 2-A" a group no. 2 as well)."""
    dataset.year["bodies"] += [
        {"id": f"a-nhom-{suffix}", "kind": "nhom-lien-truong", "name": name, "decision": "a-2024-qd-1",
         "members": [{"school": school, "role": "nhom-truong"}]}
        for suffix, name, school in (("2", "Nhóm 2", "a-thcs-mot"), ("2a", named, "a-thcs-hai"))]
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    rows = [["STT", "Tên trường", "Ghi chú"], [heading, None, None], [1, "Trường THCS Hai", "Nhóm trưởng"],
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


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("named, heading", [
    ("Cụm 21", "CỤM XXI"), ("Cụm XXI", "CỤM 21"), ("Cụm 40", "Cụm trường số XL"), ("Cụm 99", "CỤM XCIX"),
    ("Cụm 88", "CỤM LXXXVIII"), ("Cụm XXXIV (dữ liệu mẫu)", "Cụm chuyên môn số 34"),
])
def test_a_roman_numeral_past_xx_is_the_number_of_a_cluster(dataset: Dataset, tmp_path: Path, fmt: str, named: str,
                                                          heading: str) -> None:
    """Roman numerals are read as numerals, not from a table of one to twenty: "CỤM XXI" is the data's
    Cụm 21, and a cluster the data names "Cụm XXI" is no. 21 (before, "CỤM XXI" proposed a new "Cụm
    xxi", and "CỤM 21" a new "Cụm 21" beside "Cụm XXI")."""
    dataset.year["bodies"].append({"id": "a-cum", "kind": "cum-chuyen-mon", "name": named, "decision": "a-2024-qd-1",
                                   "members": [{"school": "a-thcs-mot", "role": "cum-truong"}]})
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    rows = [["STT", "Tên trường", "Ghi chú"], [heading, None, None], [1, "Trường THCS Một", "Cụm trưởng"],
            [2, "Trường THCS Hai", None]]
    result = import_roster(portal, "pgddt-a", write_table(tmp_path / f"cum.{fmt}", rows, ("A2:C2",)))
    assert [t for t in result.targets if t.existing is None] == []
    assert [(r.school, r.target) for r in result.rows] == [("a-thcs-mot", "a-cum"), ("a-thcs-hai", "a-cum")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_new_cluster_numbered_past_xx_keeps_its_numeral(repo_portal: Portal, tmp_path: Path, fmt: str) -> None:
    """Củ Chi has no cluster 21: "CỤM XXI" proposes "Cụm XXI", its numeral as typed (before, "Cụm xxi")."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, "CỤM XXI", people=True, merged=True))
    assert [(t.id, t.name) for t in result.targets if t.existing is None] == [("cc-cum-xxi", "Cụm XXI")]
    assert [r.target for r in result.rows] == ["cc-cum-01", "cc-cum-xxi"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("merged", [True, False], ids=["merged-over-the-row", "in-the-name-column"])
@pytest.mark.parametrize("heading, people, numeral", [
    ("CỤM IIII", True, "IIII"), ("CỤM IC", True, "IC"), ("Cụm trường số XXXX", True, "XXXX"),
    ("NHÓM IIII", False, "IIII"), ("NHOM VV", False, "VV"),
])
def test_a_roman_numeral_written_wrong_is_an_error_of_its_row(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                              merged: bool, heading: str, people: bool,
                                                              numeral: str) -> None:
    """"CỤM IIII", "CỤM IC" (for 99, XCIX): no number is guessed from a numeral written wrong, nor a
    new "Cụm iiii" proposed (before, for a cluster; a group's was "not read as a body", saying
    nothing of the numeral): an error on the heading's row, its rows in no body."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, heading, people=people, merged=merged))
    assert [r.target for r in result.rows] == ["cc-cum-01" if people else "cc-nhom-lien-truong-1", None]
    assert [t for t in result.targets if t.existing is None] == []
    line, place = (4, "") if fmt == "xlsx" else (None, "bảng 1, hàng 4")
    assert _heading_errors(result) == [(line, place, f"tiêu đề '{heading}' có '{numeral}', không phải một số La Mã "
                                                     "viết đúng (từ I đến XCIX): các dòng bên dưới không được xếp vào "
                                                     "tổ chức nào.")]
    first = heading.split()[0]
    assert result.errors[0].hint == (f"ghi số bằng chữ số, như '{first} 4', hoặc bằng số La Mã viết đúng, như "
                                     f"'{first} IV', rồi nhập lại.")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading, marked", [("NHOM 2", "NHÓM 2"), ("Nhom so 2", "Nhóm số 2"), ("NHOM II", "NHÓM II"),
                                             ("Nhom hai", "Nhóm hai"), ("NHOM 2 A", "NHÓM 2 A")])
@pytest.mark.parametrize("people", [True, False], ids=["people", "schools"])
def test_a_heading_typed_without_marks_places_its_rows_as_with_them(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                                    heading: str, marked: str, people: bool) -> None:
    """"NHOM 2" is "NHÓM 2" typed without marks: the same body, kind and problems, in a list of people
    as in a list of schools (only a new body's name is as typed)."""

    def read(text: str) -> tuple[object, ...]:
        result = import_roster(repo_portal, CC, _list(tmp_path, fmt, text, people=people, merged=True))
        new = [t.name for t in result.targets if t.existing is None]

        def said(message: str) -> str:
            for name in [text, *new]:
                message = message.replace(name, "…")
            return message

        return ([(r.target, r.role) for r in result.rows], [(t.id, t.kind) for t in result.targets],
                [(p.line, p.path, said(p.message)) for p in result.all_problems()])

    assert read(heading) == read(marked)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", ["three header rows", "a row of groups over two header rows"])
def test_a_third_header_row_naming_part_of_a_merged_cell_is_named_as_the_third(tmp_path: Path, fmt: str,
                                                                             layout: str) -> None:
    """The row the error is about is the header's third (a row of groups above the header is its
    first): before, the message said "dòng tiêu đề thứ hai" of any row completing a header."""
    if layout == "three header rows":
        rows: list[list[object]] = [
            ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", None, None, "Ghi chú"],
            [None, None, "Chức vụ", None, "Đơn vị công tác", None],
            [None, None, "Chức vụ", None, None, None]]
        merges: tuple[str, ...] = ("A1:A3", "B1:B3", "C1:E1", "F1:F3", "C2:D2", "E2:E3")
    else:
        rows = [["STT", "Thông tin cán bộ", None, None, None, "Ghi chú"],
                [None, "Họ và tên", None, "Chức vụ", "Đơn vị công tác", None],
                [None, "Họ", None, None, None, None]]
        merges = ("B1:E1", "B2:C2")
    path = write_table(tmp_path / f"ba-dong.{fmt}", [*rows, [1, "Hà Thị Liên", "Phó Hiệu trưởng", None, "THCS Him Lam",
                                                            None]], merges)
    with pytest.raises(RosterError) as raised:
        read_table(path)
    where = "dòng 3" if fmt == "xlsx" else "bảng 1, hàng 3"
    assert str(raised.value).startswith(f"{path}, {where}: dòng tiêu đề thứ ba chỉ ghi tên cho một phần các cột ")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_label_from_a_row_of_groups_is_said_where_it_is_written(tmp_path: Path, fmt: str) -> None:
    """"Năm sinh" typed only in the row of groups over the header (the cell under it left empty): the
    column is said not imported at that row, where the clerk sees the label (before, at the header's)."""
    rows = [["STT", "Thông tin cán bộ", None, None, "Năm sinh", "Ghi chú"],
            [None, "Họ và tên", "Chức vụ", "Đơn vị công tác", None, None],
            [1, "Hà Thị Liên", "Phó Hiệu trưởng", "THCS Him Lam", 1979, None]]
    table = read_table(write_table(tmp_path / f"nhom-cot.{fmt}", rows, ("B1:D1",)))
    assert [r.get("name") for r in table.rows] == ["Hà Thị Liên"]
    said = [(p.line, p.path, p.message) for _, p in table.warnings]
    assert said == [(1, "", "cột thứ 5 'Năm sinh' không được nhập.") if fmt == "xlsx"
                    else (None, "bảng 1, hàng 1", "cột thứ 5 'Năm sinh' không được nhập.")]


def test_a_hidden_column_labelled_in_a_row_of_groups_is_said_where_it_is_labelled(tmp_path: Path) -> None:
    """"Ghi chú" typed only in the row of groups, its column hidden in Excel: the warning that it is
    imported though hidden names the row of its label (before, the header's)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["STT", "Thông tin cán bộ", None, None, "Ghi chú"], [None, "Họ và tên", "Chức vụ", "Đơn vị công tác"],
                [1, "Hà Thị Liên", "Giáo viên", "THCS Him Lam", "đang nghỉ ốm"]):
        sheet.append(row)
    sheet.merge_cells("B1:D1")
    sheet.column_dimensions["E"].hidden = True
    book.save(tmp_path / "an-cot.xlsx")
    table = read_table(tmp_path / "an-cot.xlsx")
    assert [r.get("note") for r in table.rows] == ["đang nghỉ ốm"]
    assert [(p.line, p.message) for _, p in table.warnings] == [
        (1, "cột thứ 5 'Ghi chú' đang bị ẩn trong Excel nhưng vẫn được nhập như mọi cột khác.")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_level_in_roman_numerals_in_a_body_s_name_is_no_number_of_it(dataset: Dataset, tmp_path: Path,
                                                                        fmt: str) -> None:
    """"Tổ cốt cán cấp II" is the team of the lower secondary level, not team no. 2: the data's names are
    read for a Roman number as headings are, a numeral alone after the body's kind. Before, any numeral
    in capitals in a name was its number, and "TỔ 2" placed its rows in that team without a word."""
    dataset.year["bodies"].append({"id": "a-to-cap-ii", "kind": "to-cot-can", "name": "Tổ cốt cán cấp II",
                                   "decision": "a-2024-qd-1",
                                   "members": [{"person": "a-dang-van-thuy", "role": "to-truong"}]})
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    rows = [["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], ["TỔ 2", None, None, None],
            [1, "Hà Thị Liên", "Phó Hiệu trưởng", "THCS Một"]]
    result = import_roster(portal, "pgddt-a", write_table(tmp_path / f"to.{fmt}", rows, ("A2:D2",)))
    new = [t for t in result.targets if t.existing is None]
    assert [t.name for t in new] == ["Tổ 2"]
    assert [r.target for r in result.rows] == [new[0].id]


def _portal_with_bodies(dataset: Dataset, *bodies: tuple[str, str, str]) -> Portal:
    """The dataset's office with more bodies (id, kind, name), no list of members yet."""
    dataset.year["bodies"] += [{"id": body_id, "kind": kind, "name": name, "decision": "a-2024-qd-1",
                                "no_roster": "chưa có danh sách"} for body_id, kind, name in bodies]
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    return portal


def _schools_under(portal: Portal, tmp_path: Path, fmt: str, heading: str) -> ImportResult:
    """A list of one school under a heading merged over its row."""
    rows = [["STT", "Tên trường", "Ghi chú"], [heading, None, None], [1, "Trường THCS Một", None]]
    return import_roster(portal, "pgddt-a", write_table(tmp_path / f"ds.{fmt}", rows, ("A2:C2",)))


# A level or a kind of school typed in its own cell under "Tên trường" (or "Đơn vị") merged over it
# and the name: part of the school's name, as under one header cell.
LEVEL_BESIDE_THE_NAME = {
    "Cấp học | Tên trường under Tên trường": (
        [["STT", "Tên trường", None, "Ghi chú"], [None, "Cấp học", "Tên trường", None],
         [1, "THCS", "Một", None], [2, "TH", "Một", None]], ("A1:A2", "B1:C1", "D1:D2"), "school"),
    "Loại hình | Tên trường under Tên trường": (
        [["STT", "Tên trường", None, "Ghi chú"], [None, "Loại hình", "Tên trường", None],
         [1, "Trường THCS", "Một", None], [2, "Trường TH", "Một", None]], ("A1:A2", "B1:C1", "D1:D2"), "school"),
    "Cấp | Trường under Đơn vị, a list of people": (
        [["STT", "Họ và tên", "Chức vụ", "Đơn vị", None, "Ghi chú"], [None, None, None, "Cấp", "Trường", None],
         [1, "Lê Thị Hồng", "Giáo viên", "THCS", "Một", None], [2, "Hà Thị Liên", "Giáo viên", "TH", "Một", None]],
        ("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2"), "unit"),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(LEVEL_BESIDE_THE_NAME))
def test_a_level_column_under_a_merged_names_header_is_part_of_the_name(dataset: Dataset, tmp_path: Path, fmt: str,
                                                                        layout: str) -> None:
    """"Cấp học" | "Tên trường" under "Tên trường": the level is part of the school's name, as before
    columns of their own were read under the names ("Mã trường", "Năm sinh": a label the importer
    knows as a column). A review found "TH" | "Một" matched to THCS Một, the level dropped with only
    "cột 'Cấp học' không được nhập": now "TH Một" is no school of the office, an error of its row."""
    rows, merges, column = LEVEL_BESIDE_THE_NAME[layout]
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    table = read_table(write_table(tmp_path / f"ds.{fmt}", rows, merges))
    kind = "Trường " if layout.startswith("Loại hình") else ""
    assert [r.get(column) for r in table.rows] == [f"{kind}THCS Một", f"{kind}TH Một"]
    assert table.warnings == []
    result = import_roster(portal, "pgddt-a", write_table(tmp_path / f"ds2.{fmt}", rows, merges))
    assert [r.school or r.unit for r in result.rows] == ["a-thcs-mot", None]
    assert [p.message for p in result.errors] == [f"không tìm thấy trường '{kind}TH Một'."]


# Unnumbered lists of schools with "Trường" typed in a cell of its own beside the name, under "Tên
# trường" merged over both: every row is a school, the first too.
TRƯỜNG_APART = {
    "STT merged down": (
        [["STT", "Tên trường", None, "Ghi chú"], [None, "Trường", "THCS Một", None],
         [None, "Trường", "THCS Hai", None]], ("A1:A3", "B1:C1")),
    "Trường merged down": (
        [["Tên trường", None, "Ghi chú"], ["Trường", "THCS Một", None], [None, "THCS Hai", None]],
        ("A1:B1", "A2:A3")),
    "nothing merged down": (
        [["Tên trường", None, "Ghi chú"], ["Trường", "THCS Một", None], ["Trường", "THCS Hai", None]], ("A1:B1",)),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", list(TRƯỜNG_APART))
def test_the_first_school_under_a_merged_names_header_is_no_header_row(dataset: Dataset, tmp_path: Path, fmt: str,
                                                                       layout: str) -> None:
    """"Trường" | "THCS Một" under "Tên trường": a school, not the header's second row because
    "Trường" is a header word (a review found the first school read as a header, the rest
    failing, or the import stopped with "Trường" merged down)."""
    rows, merges = TRƯỜNG_APART[layout]
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    result = import_roster(portal, "pgddt-a", write_table(tmp_path / f"ds.{fmt}", rows, merges))
    assert [r.school for r in result.rows] == ["a-thcs-mot", "a-thcs-hai"]
    assert result.errors == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading, body", [
    ("NHOM LI", "a-nhom-li"), ("NHÓM LI", "a-nhom-li"), ("TỔ LI", "a-to-li"), ("NHÓM XI", "a-nhom-xi"),
])
def test_a_body_named_by_a_syllable_like_a_numeral_is_that_body(dataset: Dataset, tmp_path: Path, fmt: str,
                                                                heading: str, body: str) -> None:
    """"NHÓM LI" is the data's Nhóm Lí typed in capitals without its mark, not group no. 51 (a review
    found a new duplicate "Nhom LI" proposed): "LI" is never a numeral, and a body whose name reads
    as the heading wins over a number the heading may be read as ("NHÓM XI" is the data's "Nhóm Xi",
    though XI is 11)."""
    portal = _portal_with_bodies(dataset, ("a-nhom-li", "nhom-lien-truong", "Nhóm Lí"),
                                 ("a-to-li", "to-mang-luoi", "Tổ Lí"), ("a-nhom-xi", "nhom-lien-truong", "Nhóm Xi"))
    result = _schools_under(portal, tmp_path, fmt, heading)
    assert [t.id for t in result.targets if t.existing is None] == []
    assert [r.target for r in result.rows] == [body]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading", ["HỘI ĐỒNG CV", "GIÁO VIÊN CV", "MÔN VL", "TỔ VL", "TỔ CC", "CỤM CL"])
def test_an_abbreviation_of_roman_letters_is_no_misspelt_numeral(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                                 heading: str) -> None:
    """"CV" (chuyên viên), "VL" (Vật lí), "CC" (cốt cán) are abbreviations, not Roman numerals written
    wrong: no hint to write the number in digits (a review found "HỘI ĐỒNG CV" refused so)."""
    result = import_roster(repo_portal, CC, _list(tmp_path, fmt, heading, people=True, merged=True))
    assert [p.message for p in result.all_problems() if "La Mã" in p.message or "La Mã" in (p.hint or "")] == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading", ["CỤM L", "CỤM C"])
def test_a_single_letter_after_a_body_s_kind_is_a_letter(dataset: Dataset, tmp_path: Path, fmt: str,
                                                         heading: str) -> None:
    """"CỤM L" is cluster L, not the data's Cụm 50 (a review found it read as 50); only I, V, X alone
    are numerals ("CỤM V" is Cụm 5)."""
    portal = _portal_with_bodies(dataset, ("a-cum-50", "cum-chuyen-mon", "Cụm 50"),
                                 ("a-cum-100", "cum-chuyen-mon", "Cụm 100"), ("a-cum-5", "cum-chuyen-mon", "Cụm 5"))
    result = _schools_under(portal, tmp_path, fmt, heading)
    new = [t for t in result.targets if t.existing is None]
    assert [t.name for t in new] == [heading.title()]  # "Cụm L", not "Cụm l"
    assert [r.target for r in result.rows] == [new[0].id]
    assert [r.target for r in _schools_under(portal, tmp_path, fmt, "CỤM V").rows] == ["a-cum-5"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading, number, letter", [("CỤM 3 - A", 3, "A"), ("CỤM 1. A", 1, "A"),
                                                     ("Cụm 3 A", 3, "A")])
def test_a_letter_apart_from_the_number_of_an_existing_body_is_warned_of(dataset: Dataset, tmp_path: Path, fmt: str,
                                                                         heading: str, number: int,
                                                                         letter: str) -> None:
    """"CỤM 3 - A" is a new cluster 3A, as "CỤM 3A" is; the data has Cụm 3 and no 3A, so the row
    says so, in case the letter is no part of the name (a review found it proposed without a word)."""
    portal = _portal_with_bodies(dataset, ("a-cum-1", "cum-chuyen-mon", "Cụm 1"),
                                 ("a-cum-3", "cum-chuyen-mon", "Cụm 3"))
    result = _schools_under(portal, tmp_path, fmt, heading)
    new = [t for t in result.targets if t.existing is None]
    assert [r.target for r in result.rows] == [t.id for t in new] != []
    line = 2 if fmt == "xlsx" else None
    said = [(p.line, p.message) for p in result.all_problems() if p.message.startswith("có Cụm")]
    assert said == [(line, f"có Cụm {number} (a-cum-{number}) trong dữ liệu; '{heading}' được hiểu là một cụm chuyên "
                           f"môn mới {number}{letter} ('{new[0].name}').")]
    assert [p.message for p in _schools_under(portal, tmp_path, fmt, "CỤM 3A").all_problems()
            if p.message.startswith("có Cụm")] == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading, body", [
    ("NHÓM 2 — A", "a-nhom-2a"), ("NHÓM 2/A", "a-nhom-2a"), ("NHÓM 2 Đ", "a-nhom-2d"), ("Nhóm 2 - Đ", "a-nhom-2d"),
    ("NHÓM 2 - A (05 người)", "a-nhom-2a"),
])
def test_a_letter_after_a_dash_a_slash_or_a_đ_is_the_group_s(dataset: Dataset, tmp_path: Path, fmt: str,
                                                              heading: str, body: str) -> None:
    """Word's em dash, a slash and the letter Đ join the number as a hyphen and A do (a review found
    these read as Nhóm 2 without a word)."""
    portal = _portal_with_bodies(dataset, ("a-nhom-2", "nhom-lien-truong", "Nhóm 2"),
                                 ("a-nhom-2a", "nhom-lien-truong", "Nhóm 2A"),
                                 ("a-nhom-2d", "nhom-lien-truong", "Nhóm 2Đ"))
    result = _schools_under(portal, tmp_path, fmt, heading)
    assert result.errors == []
    assert [r.target for r in result.rows] == [body]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading", ["NHÓM 2 - A: 05 người", "NHÓM 2A - 05 người", "NHÓM 2 - A, B",
                                     "NHÓM 2 A THCS"])
def test_more_words_after_the_letter_of_an_existing_group_is_an_error_of_its_row(dataset: Dataset, tmp_path: Path,
                                                                                 fmt: str, heading: str) -> None:
    """"NHÓM 2 - A: 05 người" while the data has Nhóm 2A: neither Nhóm 2 (as it was read without a
    word) nor a guess; an error on the heading's row, its rows in no body."""
    portal = _portal_with_bodies(dataset, ("a-nhom-2", "nhom-lien-truong", "Nhóm 2"),
                                 ("a-nhom-2a", "nhom-lien-truong", "Nhóm 2A"))
    result = _schools_under(portal, tmp_path, fmt, heading)
    assert [r.target for r in result.rows] == [None]
    assert [p.message for p in result.errors] == [f"tiêu đề '{heading}' không rõ là Nhóm 2A hay tổ chức khác: các "
                                                  "dòng bên dưới không được xếp vào tổ chức nào."]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading, name, letter", [
    ("NHÓM 2 A THCS", "Nhóm 2 A THCS", "A"), ("Nhom 2 a thcs", "Nhom 2 a thcs", "a"),
    ("NHÓM 2 - A TIỂU HỌC", "Nhóm 2 - A tiểu học", "A"), ("NHÓM 2 A - TH&THCS", "Nhóm 2 A - TH&THCS", "A"),
    (unicodedata.normalize("NFD", "NHÓM  2 A  TRUNG HỌC CƠ SỞ"), "Nhóm 2 A trung học cơ sở", "A"),
    ("NHÓM 2 – A: 05 trường", "NHÓM 2 – A: 05 trường", "A"), ("NHÓM 2 - A - THPT", "Nhóm 2 - A - THPT", "A"),
    ("NHÓM 2 A CẤP II", "Nhóm 2 A cấp II", "A"),
])
def test_a_letter_before_a_level_or_a_colon_is_part_of_the_number(dataset: Dataset, tmp_path: Path, fmt: str,
                                                                   heading: str, name: str, letter: str) -> None:
    """"NHÓM 2 A THCS" is group 2A of THCS, as "NHÓM 2 A" and "NHÓM 2A THCS" are group 2A: the letter is
    followed by a school's level ("cấp II" too), or ends its part before a colon, and starts no words. The
    data has Nhóm 2 and no 2A: a new group 2A is proposed, of the kind any new "Nhóm" heading of no subject
    gets (the year has a subject group, Nhóm Toán: a subject group with no subject, which the checker
    refuses), with the warning "NHÓM 2 A" gets, whatever that kind. Before, its rows went into Nhóm 2
    without a word."""
    portal = _portal_with_bodies(dataset, ("a-nhom-2", "nhom-lien-truong", "Nhóm 2"))
    result = _schools_under(portal, tmp_path, fmt, heading)
    new = [t for t in result.targets if t.existing is None]
    assert [(t.kind, t.name, t.subject) for t in new] == [("nhom-bo-mon", name, None)]
    assert [r.target for r in result.rows] == [new[0].id]
    typed = " ".join(unicodedata.normalize("NFC", heading).split())  # as the cell is read
    said = [(p.line, p.message) for p in result.all_problems() if p.message.startswith("có Nhóm 2")]
    assert said == [(2 if fmt == "xlsx" else None, f"có Nhóm 2 (a-nhom-2) trong dữ liệu; '{typed}' được hiểu là một "
                                                   f"nhóm bộ môn mới 2{letter} ('{name}').")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("subject_group, inter_school, kind", [
    (True, False, "nhom-bo-mon"), (True, True, "nhom-bo-mon"), (False, True, "nhom-lien-truong"),
    (False, False, "nhom-bo-mon")])
def test_a_new_group_of_no_subject_takes_the_kind_the_year_has(dataset: Dataset, tmp_path: Path, fmt: str,
                                                               subject_group: bool, inter_school: bool,
                                                               kind: str) -> None:
    """A list of people headed "NHÓM 2" under --body: a new group of the first kind "Nhóm" may name that
    the year has, else the first: a subject group (without a subject, which the checker refuses: someone
    notices) unless the year has inter-school groups and no subject group. A review found it always an
    inter-school group, accepted without a word."""
    if not subject_group:
        dataset.year["bodies"] = [b for b in dataset.year["bodies"] if b["kind"] != "nhom-bo-mon"]
        del dataset.year["bodies"][0]["declared_count"]  # the people of Nhóm Toán's list
    if inter_school:
        dataset.year["bodies"].append({"id": "a-nhom-1", "kind": "nhom-lien-truong", "name": "Nhóm 1",
                                       "decision": "a-2024-qd-1", "no_roster": "chưa có danh sách"})
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    rows = [["STT", "Họ và tên", "Chức vụ - Đơn vị công tác"], ["NHÓM 2", None, None],
            [1, "Lê Thị Hồng", "Giáo viên THCS Một"]]
    result = import_roster(portal, "pgddt-a", write_table(tmp_path / f"ds.{fmt}", rows, ("A2:C2",)), body="a-to")
    new = [t for t in result.targets if t.existing is None]
    assert [(t.kind, t.name, t.subject) for t in new] == [(kind, "Nhóm 2", None)]
    assert [r.target for r in result.rows] == [new[0].id]


# A letter after the number that a semicolon, a comma or a dash sets apart from more words, or a word that
# is no school's level: no part of the number, so the heading names the body of its number.
LETTER_BEFORE_MORE_WORDS = [("Cụm 2 - A; Hồng Hạ", "a-cum-2"), ("CỤM 2 - X - TÂN LẬP", "a-cum-2"),
                            ("Cụm 2 - A-Lưới", "a-cum-2"), ("CỤM 2 - A, gồm 5 trường", "a-cum-2"),
                            ("NHÓM 2 - A cấp trường", "a-nhom-2"), ("NHOM 2 - A CAP TRUONG", "a-nhom-2")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading, body", LETTER_BEFORE_MORE_WORDS)
def test_a_letter_before_a_semicolon_a_comma_or_a_dash_is_no_part_of_the_number(dataset: Dataset, tmp_path: Path,
                                                                                fmt: str, heading: str,
                                                                                body: str) -> None:
    """The data has Cụm 2 and Nhóm 2; "Cụm 2 - A; Hồng Hạ" is Cụm 2, as "Cụm 2 - A Lưới" is. A review found
    these proposing a new body "2A" instead ("Cụm 2 - A; Hồng Hạ", "NHÓM 2 - A cấp trường": "cấp" alone
    was read as a school's level); only a colon or a level after the letter ("NHÓM 2 - A: 05 người",
    "NHÓM 2 A THCS", "NHÓM 2 A CẤP II") makes it the number's, besides its ending the heading."""
    portal = _portal_with_bodies(dataset, ("a-cum-2", "cum-chuyen-mon", "Cụm 2"),
                                 ("a-nhom-2", "nhom-lien-truong", "Nhóm 2"))
    result = _schools_under(portal, tmp_path, fmt, heading)
    assert [t for t in result.targets if t.existing is None] == []
    assert [r.target for r in result.rows] == [body]
    assert result.errors == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading, letter", [
    ("Cụm 2 - A Lưới", "A"), ("cum 2 a luoi", "a"), ("Cụm 2 - A; Hồng Hạ", "A"), ("CỤM 2 - X - TÂN LẬP", "X"),
    ("CỤM 2 - A, gồm 5 trường", "A"), ("CỤM 2 - B HỒNG HẠ", "B")])
def test_a_letter_that_starts_more_words_is_said_when_the_number_names_a_body(dataset: Dataset, tmp_path: Path,
                                                                            fmt: str, heading: str,
                                                                            letter: str) -> None:
    """"CỤM 2 - A, gồm 5 trường", "Cụm 2 - A Lưới" (A Lưới, a place the data does not know): the letter is
    read with the words after it, and the heading names Cụm 2, as before; but not without a word, in case
    the letter was part of the name (a cluster 2A)."""
    portal = _portal_with_bodies(dataset, ("a-cum-2", "cum-chuyen-mon", "Cụm 2"))
    result = _schools_under(portal, tmp_path, fmt, heading)
    assert [r.target for r in result.rows] == ["a-cum-2"]
    assert result.errors == []
    said = [(p.line, p.message, p.hint) for p in result.all_problems() if p.message.startswith(f"'{heading}'")]
    assert said == [(2 if fmt == "xlsx" else None,
                     f"'{heading}' được hiểu là Cụm 2 (a-cum-2): chữ '{letter}' sau số 2 được đọc là thuộc phần sau, "
                     "không phải một phần của số.",
                     f"nếu đây là tổ chức 2{letter}, không phải Cụm 2, ghi số và chữ liền nhau ('2{letter}'), ghi chú "
                     "khác trong ngoặc đơn, rồi nhập lại.")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("heading, body", [
    # An abbreviation, by its full stop: xã, phường, huyện.
    ("CỤM 2 - X. TÂN LẬP", "Cụm 2"), ("Cụm 2 - P. Tân Định", "Cụm 2"), ("CỤM 2 - H. CỦ CHI", "Cụm 2"),
    # The first word of a place the data knows: a school's name, an office's place.
    ("CỤM 2 - Y TÝ", "Cụm 2"), ("Cụm 2 - Y Tý (4 trường)", "Cụm 2"), ("Cụm 2 - A Lưới", "Cụm 2"),
    ("CUM 2 - U MINH", "Cụm 2"),
    # The body's very name.
    ("CỤM 2 - B HỒNG HẠ", "Cụm 2 - B Hồng Hạ"),
])
def test_a_letter_that_plainly_starts_the_words_after_it_is_not_said(dataset: Dataset, tmp_path: Path, fmt: str,
                                                                      heading: str, body: str) -> None:
    """"CỤM 2 - X. TÂN LẬP" (xã Tân Lập), "CỤM 2 - Y TÝ" (the data has TH Y Tý): Cụm 2, and no warning
    that the letter could be part of the number (a review found it said of every abbreviation and place)."""
    dataset.files["offices.yml"]["offices"][0]["place"] = "U Minh"
    dataset.files["schools/pgddt-a.yml"]["schools"] += [{"id": "a-th-y-ty", "name": "TH Y Tý", "level": "TH"},
                                                        {"id": "a-thcs-a-luoi", "name": "THCS A Lưới", "level": "THCS"}]
    portal = _portal_with_bodies(dataset, ("a-cum-2", "cum-chuyen-mon", body))
    result = _schools_under(portal, tmp_path, fmt, heading)
    assert [r.target for r in result.rows] == ["a-cum-2"]
    assert [p.message for p in result.all_problems() if p.message.startswith(f"'{heading}'")] == []
