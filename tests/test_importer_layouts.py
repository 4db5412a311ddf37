"""Rosters whose header is two rows: some header cells merged down over both ("STT", "Họ và
tên"), others merged across columns with a cell for each column below ("Chức vụ" over "Tổ" |
"Nhóm", "Liên hệ" over "Điện thoại" | "Email"). Each must import the same people as the same
list with a one-row header."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.importer import import_roster, read_table
from portal.model import Portal
from roster_files import write_table

DBP = "pgddt-dien-bien-phu"
ROWS = [[1, "Hà Thị Liên", "Phó Hiệu trưởng", "Nhóm trưởng", "THCS Him Lam", None, None, None],
        [2, "Nguyễn Thị Hương", "Giáo viên", None, "THCS Him Lam", None, None, "Thư ký"],
        [3, "Tạ Thị Nành", "Giáo viên", None, "THCS Nam Thanh", None, None, None]]
# The list with a one-row header, "Chức vụ" merged across its two columns.
ONE_ROW = ([["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Điện thoại", "Email", "Ghi chú"]], ("C1:D1",))
TWO_ROWS = {
    "Chức vụ over Tổ | Nhóm, the rest merged down": (
        [["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Điện thoại", "Email", "Ghi chú"],
         [None, None, "Tổ", "Nhóm", None, None, None, None]],
        ("A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2", "G1:G2", "H1:H2")),
    "Chức vụ over Chính quyền | Chuyên môn, Liên hệ over Điện thoại | Email": (
        [["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Liên hệ", None, "Ghi chú"],
         [None, None, "Chính quyền", "Chuyên môn", None, "Điện thoại", "Email", None]],
        ("A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:G1", "H1:H2")),
    "nothing merged down, the cells under STT and Họ và tên left empty": (
        [["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Liên hệ", None, "Ghi chú"],
         [None, None, "Tổ", "Nhóm", None, "Điện thoại", "Email", None]],
        ("C1:D1", "F1:G1")),
    "Thông tin over Chức vụ | Đơn vị công tác": (
        [["STT", "Họ và tên", "Chức vụ", None, "Thông tin", None, None, "Ghi chú"],
         [None, None, None, None, "Đơn vị công tác", "Điện thoại", "Email", None]],
        ("A1:A2", "B1:B2", "C1:D2", "E1:G1", "H1:H2")),
    # Numbers under a cell that is not read label its columns: never a person "Họ và tên".
    "Khối lớp dạy over 8 | 9": (
        [["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Khối lớp dạy", None, "Ghi chú"],
         [None, None, "Tổ", "Nhóm", None, 8, 9, None]],
        ("A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:G1", "H1:H2")),
    "Xếp loại over 2023 | 2024, nothing merged down": (
        [["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Xếp loại", None, "Ghi chú"],
         [None, None, None, None, None, 2023, 2024, None]],
        ("C1:D1", "F1:G1")),
    # A header word beside a text that is none: "Chức vụ" read whole, as in one row.
    "Chức vụ over Chức vụ | Kiêm nhiệm": (
        [["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Điện thoại", "Email", "Ghi chú"],
         [None, None, "Chức vụ", "Kiêm nhiệm", None, None, None, None]],
        ("A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2", "G1:G2", "H1:H2")),
}


def _imported(portal: Portal, path: Path) -> list[tuple[str | None, str | None, str | None, str | None]]:
    result = import_roster(portal, DBP, path)
    assert [p.message for p in result.errors] == []
    return [(r.name, r.person, r.role, r.unit) for r in result.rows]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("layout", list(TWO_ROWS))
def test_a_two_row_header_imports_the_people_of_a_one_row_header(repo_portal: Portal, tmp_path: Path, fmt: str,
                                                                  layout: str) -> None:
    header, merges = TWO_ROWS[layout]
    two = write_table(tmp_path / f"hai-dong.{fmt}", header + ROWS, merges)
    one = write_table(tmp_path / f"mot-dong.{fmt}", ONE_ROW[0] + ROWS, ONE_ROW[1])
    expected = _imported(repo_portal, one)
    assert [name for name, *_ in expected] == ["Hà Thị Liên", "Nguyễn Thị Hương", "Tạ Thị Nành"]
    assert _imported(repo_portal, two) == expected
    rows = read_table(two).rows
    assert [r.get("position") for r in rows] == [r.get("position") for r in read_table(one).rows]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_the_columns_under_a_merged_header_cell_not_read_are_said_by_their_own_names(tmp_path: Path,
                                                                                      fmt: str) -> None:
    """"Liên hệ" over "Điện thoại" | "Email": the report says those two are not imported, and why."""
    header, merges = TWO_ROWS["Chức vụ over Chính quyền | Chuyên môn, Liên hệ over Điện thoại | Email"]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", header + ROWS, merges))
    said = [p for _, p in table.warnings if "không được nhập" in p.message]
    assert [p.message for p in said] == ["cột thứ 6 'Điện thoại' không được nhập.",
                                         "cột thứ 7 'Email' không được nhập."]
    assert all("thông tin riêng tư" in (p.hint or "") for p in said)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("merges", [("A1:B1",), ("A1:B1", "C1:D1", "E1:E3")],
                         ids=["name-merged", "every-header-merged-and-ghi-chu-down-the-list"])
def test_a_first_row_under_a_merged_header_is_still_a_row_of_the_list(tmp_path: Path, fmt: str,
                                                                      merges: tuple[str, ...]) -> None:
    """A list without numbers, its name in two columns under "Họ và tên": the first row is a
    person, not a second header row, even when every text of it stands under a merged header
    cell and "Ghi chú" is merged down the whole list."""
    rows = [["Họ và tên", None, "Chức vụ - Đơn vị công tác", None, "Ghi chú"],
            ["Hà Thị", "Liên", "Giáo viên", "THCS Him Lam", None], ["Nguyễn Thị", "Hương", "Giáo viên", "THCS Him Lam"]]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", rows, merges))
    assert [r.get("name") for r in table.rows] == ["Hà Thị Liên", "Nguyễn Thị Hương"]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_numbers_labelling_the_columns_of_a_header_cell_not_read_are_said_by_that_cell(tmp_path: Path,
                                                                                      fmt: str) -> None:
    """"Khối lớp dạy" over 8 | 9: the report names the column by "Khối lớp dạy", not by "8"."""
    header, merges = TWO_ROWS["Khối lớp dạy over 8 | 9"]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", header + ROWS, merges))
    assert [p.message for _, p in table.warnings] == ["cột thứ 6 'Khối lớp dạy' không được nhập."]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_name_in_three_columns_under_a_two_row_header_is_read_whole(tmp_path: Path, fmt: str) -> None:
    """"Họ" | "Tên đệm" | "Tên" under "Họ và tên": "Tên đệm" is no header word, so "Họ và tên"
    is read whole, as in one row, rather than refused as named in part."""
    rows = [["STT", "Họ và tên", None, None, "Chức vụ", "Đơn vị công tác"], [None, "Họ", "Tên đệm", "Tên", None, None],
            [1, "Hà", "Thị", "Liên", "Giáo viên", "THCS Him Lam"],
            [2, "Nguyễn", "Thị", "Hương", "Giáo viên", "THCS Him Lam"]]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", rows, ("A1:A2", "B1:D1", "E1:E2", "F1:F2")))
    assert [(r.get("name"), r.get("position")) for r in table.rows] == [("Hà Thị Liên", "Giáo viên"),
                                                                         ("Nguyễn Thị Hương", "Giáo viên")]


# A list, its other merges (a school merged down over two of its teachers), and a header cell
# merged down over the cells of a column the clerk left empty.
HEADER_DOWN = {
    "Ghi chú merged down the list": (
        [["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Ghi chú"],
         [1, "Hà Thị Liên", "Phó Hiệu trưởng", "THCS Him Lam", None],
         [2, "Nguyễn Thị Hương", "Giáo viên", None, None],
         [3, "Tạ Thị Nành", "Giáo viên", "THCS Nam Thanh", None]],
        ("D2:D3",), "E1:E4"),
    "STT merged down an unnumbered list": (
        [["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Ghi chú"],
         [None, "Hà Thị Liên", "Phó Hiệu trưởng", "THCS Him Lam", None],
         [None, "Nguyễn Thị Hương", "Giáo viên", None, "Thư ký"],
         [None, "Tạ Thị Nành", "Giáo viên", "THCS Nam Thanh", None]],
        ("D2:D3",), "A1:A4"),
    "Ghi chú merged down a two-row header and the list": (
        [["STT", "Họ và tên", "Chức vụ", None, "Đơn vị công tác", "Ghi chú"],
         [None, None, "Tổ", "Nhóm", None, None],
         [1, "Hà Thị Liên", "Phó Hiệu trưởng", "Nhóm trưởng", "THCS Him Lam", None],
         [2, "Nguyễn Thị Hương", "Giáo viên", None, None, None],
         [3, "Tạ Thị Nành", "Giáo viên", None, "THCS Nam Thanh", None]],
        ("A1:A2", "B1:B2", "C1:D1", "E1:E2", "E3:E4"), "F1:F5"),
}


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("layout", list(HEADER_DOWN))
def test_a_header_cell_merged_down_the_list_gives_its_text_to_no_row(tmp_path: Path, fmt: str,
                                                                       layout: str) -> None:
    """"Ghi chú" merged down over the empty notes is no person's note, "STT" merged down an
    unnumbered list no row's number; "THCS Him Lam" merged down over two teachers is still
    the school of both. The list reads as with the header cell not merged."""
    rows, merges, header_merge = HEADER_DOWN[layout]
    unmerged = write_table(tmp_path / f"khong-gop.{fmt}", rows, merges)
    merged = write_table(tmp_path / f"gop.{fmt}", rows, (*merges, header_merge))

    def read(path: Path) -> list[tuple[str, str, str, str]]:
        return [(r.get("name"), r.get("stt"), r.get("unit") or r.get("school"), r.get("note"))
                for r in read_table(path).rows]

    expected = read(unmerged)
    assert [(name, unit) for name, _, unit, _ in expected] == [
        ("Hà Thị Liên", "THCS Him Lam"), ("Nguyễn Thị Hương", "THCS Him Lam"), ("Tạ Thị Nành", "THCS Nam Thanh")]
    assert not {"STT", "Ghi chú"} & {text for _, stt, _, note in expected for text in (stt, note)}
    assert read(merged) == expected
