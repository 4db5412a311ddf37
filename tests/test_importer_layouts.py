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
def test_a_first_row_under_a_merged_header_is_still_a_row_of_the_list(tmp_path: Path, fmt: str) -> None:
    """A list without numbers, its name in two columns under "Họ và tên": the first row is a
    person, not a second header row."""
    rows = [["Họ và tên", None, "Chức vụ", "Đơn vị công tác"], ["Hà Thị", "Liên", "Giáo viên", "THCS Him Lam"],
            ["Nguyễn Thị", "Hương", "Giáo viên", "THCS Him Lam"]]
    table = read_table(write_table(tmp_path / f"ds.{fmt}", rows, ("A1:B1",)))
    assert [r.get("name") for r in table.rows] == ["Hà Thị Liên", "Nguyễn Thị Hương"]
