"""Reading roster files as offices make them: merged cells, title rows, Word tables
between paragraphs, and every way a file can be wrong (each a Vietnamese message that
names the file and the row, never a traceback)."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import REPO
from portal.importer import RosterError, import_roster, read_table
from portal.importer.grid import Cell, Grid, Merge, RowBuilder
from portal.importer.headings import read_heading
from portal.importer.layout import find_roster
from portal.importer.limits import Limits
from portal.importer.read import read_grids
from portal.load import load
from portal.model import Portal
from roster_files import DAU_TIENG_2024, write_table

HEADER = ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Môn", "Ghi chú"]


def rows_of(path: Path, **kwargs: object) -> list[dict[str, str]]:
    return [row.cells for row in read_table(path, **kwargs).rows]  # type: ignore[arg-type]


def workbook(path: Path, rows: list[list[object]]) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return book


# Merged cells


def test_a_vertical_merge_in_excel_gives_its_value_to_every_row(tmp_path: Path) -> None:
    path = tmp_path / "gop.xlsx"
    book = workbook(path, [["DANH SÁCH"], HEADER,
                           [1, "Lê Thị A", "Giáo viên - THCS Him Lam", "Toán", "Phó Cụm trưởng"],
                           [2, "Lê Thị B", None, None, None],
                           [3, "Lê Thị C", None, "Ngữ văn", None]])
    sheet = book.active
    assert sheet is not None
    sheet.merge_cells("E3:E4")  # the role over two rows
    sheet.merge_cells("C3:C5")  # the school over its teachers
    sheet.merge_cells("D3:D4")  # the subject over its group
    book.save(path)
    rows = rows_of(path)
    assert [r["note"] for r in rows] == ["Phó Cụm trưởng", "Phó Cụm trưởng", ""]
    assert [r["post"] for r in rows] == ["Giáo viên - THCS Him Lam"] * 3
    assert [r["subject"] for r in rows] == ["Toán", "Toán", "Ngữ văn"]
    assert [sorted(r.merged) for r in read_table(path).rows] == [[], ["note", "post", "subject"], ["post"]]


def test_openpyxl_read_only_mode_hides_merged_ranges_so_they_are_read_from_the_sheet_xml(tmp_path: Path) -> None:
    """Why read_xlsx reads the ranges itself: the streaming worksheet has none."""
    path = tmp_path / "gop.xlsx"
    book = workbook(path, [HEADER, [1, "A", "B", None, "Nhóm trưởng"], [2, "C", "D", None, None]])
    sheet = book.active
    assert sheet is not None
    sheet.merge_cells("E2:E3")
    book.save(path)
    streaming = openpyxl.load_workbook(path, read_only=True).active
    assert not hasattr(streaming, "merged_cells")
    assert rows_of(path)[1]["note"] == "Nhóm trưởng"


def test_a_heading_merged_across_the_row_is_one_cell_of_text(tmp_path: Path) -> None:
    path = tmp_path / "tieu-de.xlsx"
    book = workbook(path, [HEADER, ["CỤM 01"], [1, "A", "GV - THCS X", None, None]])
    sheet = book.active
    assert sheet is not None
    sheet.merge_cells("A2:E2")
    book.save(path)
    table = read_table(path)
    assert [s.heading.label.text if s.heading else None for s in table.sections] == [None, "CỤM 01"]
    assert [r.get("name") for r in table.sections[1].rows] == ["A"]


def test_word_merges_are_resolved_like_excel_ones(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=5)
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    table.cell(1, 0).merge(table.cell(1, 4)).text = "CỤM 01"  # w:gridSpan
    for r, name in ((2, "Lê Thị A"), (3, "Lê Thị B")):
        table.cell(r, 0).text = str(r - 1)
        table.cell(r, 1).text = name
    table.cell(2, 2).text = "Giáo viên - THCS Him Lam"
    table.cell(2, 4).text = "Nhóm trưởng"
    table.cell(2, 2).merge(table.cell(3, 2))  # w:vMerge
    path = tmp_path / "qd.docx"
    document.save(str(path))
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "w:vMerge" in xml and "w:gridSpan" in xml  # merged as Word merges
    table_read = read_table(path)
    assert table_read.sections[1].heading is not None
    assert table_read.sections[1].heading.label.text == "CỤM 01"
    rows = table_read.rows
    assert [(r.get("name"), r.get("post"), r.get("note")) for r in rows] == [
        ("Lê Thị A", "Giáo viên - THCS Him Lam", "Nhóm trưởng"), ("Lê Thị B", "Giáo viên - THCS Him Lam", "")]
    assert rows[0].place == "bảng 1, hàng 3"


def test_a_word_table_inside_a_frame_table_is_read(tmp_path: Path) -> None:
    """A decision laid out inside a one-cell table: its list is a table within that cell. It
    was "no header found", the frame read as one row of text."""
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.text = "DANH SÁCH"
    inner = frame.add_table(rows=3, cols=3)
    for r, cells in enumerate([HEADER[:3], ["1", "Lê Thị A", "GV - THCS Him Lam"], ["2", "Lê Thị B", "GV - THCS X"]]):
        for c, text in enumerate(cells):
            inner.cell(r, c).text = text
    frame.add_paragraph("Nơi nhận:")
    path = tmp_path / "khung.docx"
    document.save(str(path))
    assert [(row.place, row.get("name")) for row in read_table(path).rows] == [
        ("bảng 1, hàng 2", "Lê Thị A"), ("bảng 1, hàng 3", "Lê Thị B")]


@pytest.mark.parametrize("nested_in", [(1, 2), (2, 0)])
def test_a_roster_with_a_table_nested_in_a_cell_is_read_as_a_roster(tmp_path: Path,
                                                                    nested_in: tuple[int, int]) -> None:
    """The hostile review: any table holding a table was taken for a frame, so a roster with a
    small table in a cell (or a signature table nested in its last row) was refused "không tìm
    thấy dòng tiêu đề"."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, cells in enumerate([HEADER[:3], ["1", "Lê Thị A", "GV - THCS Him Lam"], ["2", "Lê Thị B", "GV - THCS X"]]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    nested = table.cell(*nested_in).add_table(rows=1, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = "Nơi nhận", "KT. TRƯỞNG PHÒNG"
    path = tmp_path / "long-bang.docx"
    document.save(str(path))
    assert [(row.place, row.get("name")) for row in read_table(path).rows] == [
        ("bảng 1, hàng 2", "Lê Thị A"), ("bảng 1, hàng 3", "Lê Thị B")]


def test_the_messy_roster_reads_the_same_from_excel_and_word(tmp_path: Path) -> None:
    """Title rows, a motto table and a signature table, headings as merged rows and as a
    paragraph between tables, merged roles, schools and subjects."""
    xlsx = read_table(DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx"))
    word = read_table(DAU_TIENG_2024.write_docx(tmp_path / "ds.docx"))
    for table in (xlsx, word):
        headings = [s.heading.label.text for s in table.sections if s.heading]
        assert headings == ["CỤM MỘT", "CỤM HAI"]
        assert len(table.rows) == sum(len(s.rows) for s in DAU_TIENG_2024.sections)
    assert [r.cells for r in xlsx.rows] == [r.cells for r in word.rows]
    assert [s.heading.place for s in word.sections if s.heading] == ["bảng 2, hàng 2", "đoạn văn 3"]
    assert xlsx.columns == {"stt": 0, "name": 1, "position": 2, "unit": 3, "subject": 4, "note": 5}


def test_rows_outside_the_roster_are_not_read(tmp_path: Path) -> None:
    table = read_table(DAU_TIENG_2024.write_docx(tmp_path / "ds.docx"))
    texts = " ".join(" ".join(r.cells.values()) for r in table.rows)
    assert "Nơi nhận" not in texts and "CỘNG HÒA" not in texts and "Danh sách này có" not in texts


def test_the_column_numbering_row_under_the_header_is_not_a_person(tmp_path: Path) -> None:
    """Administrative tables number their columns in a row under the header, "(1) (2) (3)"
    or "1 2 3" (in a Word table as in Excel): not a row of the list, nor an error."""
    document = docx.Document()
    rows = [["TT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Môn", "Ghi chú"],
            ["(1)", "(2)", "(3)", "(4)", "(5)"],
            ["1", "Ông Đỗ Tấn Nhạn", "Hiệu trưởng - TH Minh Hòa", "Toán", "Nhóm trưởng"]]
    grid = document.add_table(rows=len(rows), cols=5)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            grid.cell(i, j).text = text
    document.save(str(tmp_path / "ds.docx"))
    tsv = tmp_path / "ds.tsv"
    tsv.write_text("\t".join(HEADER) + "\n1\t2\t3\t4\t5\n1\tA\tGV - THCS X\t\t\n", encoding="utf-8")
    for path, name in ((tmp_path / "ds.docx", "Ông Đỗ Tấn Nhạn"), (tsv, "A")):
        table = read_table(path)
        assert [r.cells["name"] for r in table.rows] == [name]
        assert table.warnings == []


# Headers over several columns

SPLIT_NAME: list[list[object]] = [["STT", "Họ và tên", None, "Chức vụ - Đơn vị công tác", "Ghi chú"],
              [12, "Hoàng Văn", "Dũng", "Giáo viên - THCS Long Thạnh", "Nhóm trưởng"],
              [13, "Dương Thị Ngọc", "Hân", "Giáo viên - TH-THCS Suối Đá", None]]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_name_header_merged_over_family_and_given_name_reads_the_whole_name(tmp_path: Path, suffix: str) -> None:
    """School workbooks keep "Hoàng Văn" | "Dũng" in two columns under one merged "Họ và tên"."""
    path = write_table(tmp_path / f"ten-tach.{suffix}", SPLIT_NAME, ("B1:C1",))
    assert [(r["name"], r["post"], r["note"]) for r in rows_of(path)] == [
        ("Hoàng Văn Dũng", "Giáo viên - THCS Long Thạnh", "Nhóm trưởng"),
        ("Dương Thị Ngọc Hân", "Giáo viên - TH-THCS Suối Đá", "")]


@pytest.mark.parametrize("header, halves", [
    (["STT", "Họ và tên đệm", "Tên", "Chức vụ - Đơn vị công tác"], ["Hoàng Văn", "Dũng"]),
    (["STT", "Họ", "Tên", "Chức vụ - Đơn vị công tác"], ["Hoàng Văn", "Dũng"]),
    (["STT", "Tên", "Họ đệm", "Chức vụ - Đơn vị công tác"], ["Dũng", "Hoàng Văn"]),
    (["STT", "Họ và tên lót", "Tên", "Chức vụ - Đơn vị công tác"], ["Hoàng Văn", "Dũng"]),
    (["STT", "Họ, tên lót", "Tên", "Chức vụ - Đơn vị công tác"], ["Hoàng Văn", "Dũng"]),
    (["STT", "Họ và chữ lót", "Tên", "Chức vụ - Đơn vị công tác"], ["Hoàng Văn", "Dũng"]),
    (["STT", "Họ chữ đệm", "Tên", "Chức vụ - Đơn vị công tác"], ["Hoàng Văn", "Dũng"]),
])
def test_family_and_given_name_under_headers_of_their_own_are_one_name(tmp_path: Path, header: list[str],
                                                                       halves: list[str]) -> None:
    """Exported from the school's records: the family part first whatever the columns' order
    (a list sorted by given name may put "Tên" first)."""
    path = write_table(tmp_path / "ho-ten.xlsx", [header, [1, *halves, "GV - THCS Long Thạnh"]])
    assert [r["name"] for r in rows_of(path)] == ["Hoàng Văn Dũng"]


def test_text_under_an_empty_header_cell_is_reported_not_silently_dropped(tmp_path: Path) -> None:
    """The given name beside "Họ và tên" whose header cell was left unmerged: not guessed
    into the name, but the report says the column was not read."""
    path = write_table(tmp_path / "khong-gop.xlsx", SPLIT_NAME)
    table = read_table(path)
    assert [r.get("name") for r in table.rows] == ["Hoàng Văn", "Dương Thị Ngọc"]
    assert [(p.line, p.severity, p.message, p.hint) for _, p in table.warnings] == [(
        2, "warning", "cột thứ 3 không có tiêu đề nhưng có chữ ('Dũng') ở 2 dòng, kể từ dòng này: cột này không "
        "được đọc.", "nếu cột này là phần tiếp của cột bên trái (như tên tách khỏi họ), gộp ô tiêu đề của hai "
        "cột; nếu là một cột khác, ghi tiêu đề cho nó.")]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_given_name_column_beside_the_whole_name_is_only_for_sorting(tmp_path: Path, suffix: str) -> None:
    path = write_table(tmp_path / f"sap-xep.{suffix}", [["STT", "Họ và tên", "Tên", "Chức vụ - Đơn vị công tác"],
                                                        [1, "Hoàng Văn Dũng", "Dũng", "GV - THCS Long Thạnh"],
                                                        [2, "DƯƠNG THỊ NGỌC HÂN", "Ngọc Hân", "GV - THCS Long Thạnh"]])
    table = read_table(path)
    assert [r.get("name") for r in table.rows] == ["Hoàng Văn Dũng", "DƯƠNG THỊ NGỌC HÂN"]
    assert table.warnings == []


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_given_name_column_not_at_the_end_of_the_whole_name_is_reported(tmp_path: Path, suffix: str) -> None:
    """"Họ và tên" holding only the family part: the "Tên" beside it is not read, and the report says so."""
    path = write_table(tmp_path / f"ten-rieng.{suffix}", [["STT", "Họ và tên", "Tên", "Chức vụ - Đơn vị công tác"],
                                                          [1, "Hoàng Văn Dũng", "Dũng", "GV - THCS Long Thạnh"],
                                                          [2, "Dương Thị Ngọc", "Hân", "GV - THCS Long Thạnh"],
                                                          [3, "Lò Văn", "Tư", "GV - THCS Long Thạnh"]])
    table = read_table(path)
    assert [r.get("name") for r in table.rows] == ["Hoàng Văn Dũng", "Dương Thị Ngọc", "Lò Văn"]
    assert [(p.line, p.path, p.severity, p.message, p.hint) for _, p in table.warnings] == [(
        3 if suffix == "xlsx" else None, "" if suffix == "xlsx" else "bảng 1, hàng 3", "warning",
        "cột 'Tên' (cột thứ 3) không được đọc, nhưng ở 2 dòng, kể từ dòng này, tên ở cột 'Họ và tên' không kết "
        "thúc bằng chữ ở cột đó ('Hân').",
        "nếu cột 'Họ và tên' chỉ ghi họ và tên đệm, đổi tiêu đề của nó thành 'Họ và tên đệm' để đọc hai cột thành "
        "một tên, rồi nhập lại.")]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("family", ["Họ và tên lót (đệm)", "Họ và tên đệm (lót)", "Họ và tên đệm/lót", "Họ chữ lót"])
def test_a_family_header_with_an_alternative_in_brackets_is_the_family_part(tmp_path: Path, suffix: str,
                                                                           family: str) -> None:
    """"Họ và tên lót (đệm)" starts like "Họ và tên": it was read as the whole name, the
    "Tên" beside it left out ("Hoàng Văn")."""
    path = write_table(tmp_path / f"ten-lot-dem.{suffix}", [["STT", family, "Tên", "Chức vụ - Đơn vị công tác"],
                                                             [1, "Hoàng Văn", "Dũng", "GV - THCS Long Thạnh"],
                                                             [2, "Dương Thị Ngọc", "Hân", "GV - THCS Long Thạnh"]])
    table = read_table(path)
    assert [r.get("name") for r in table.rows] == ["Hoàng Văn Dũng", "Dương Thị Ngọc Hân"]
    assert table.warnings == []


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_given_name_column_at_the_end_of_no_whole_name_is_an_error(tmp_path: Path, suffix: str) -> None:
    """No row's name ends with the "Tên" beside it: the name column is surely the family
    part, and the names read would all be cut short."""
    path = write_table(tmp_path / f"chi-ho.{suffix}", [["STT", "Họ và tên", "Tên", "Chức vụ - Đơn vị công tác"],
                                                       [1, "Hoàng Văn", "Dũng", "GV - THCS Long Thạnh"],
                                                       [2, "Dương Thị Ngọc", "Hân", "GV - THCS Long Thạnh"],
                                                       [3, "Lò Văn Tư", None, "GV - THCS Long Thạnh"]])
    table = read_table(path)
    assert [(p.line, p.path, p.severity, p.message, p.hint) for _, p in table.warnings] == [(
        2 if suffix == "xlsx" else None, "" if suffix == "xlsx" else "bảng 1, hàng 2", "error",
        "cột 'Tên' (cột thứ 3) không được đọc, nhưng ở mọi dòng (2 dòng, kể từ dòng này), tên ở cột 'Họ và tên' "
        "không kết thúc bằng chữ ở cột đó ('Dũng'): cột 'Họ và tên' có lẽ chỉ ghi họ và tên đệm.",
        "nếu cột 'Họ và tên' chỉ ghi họ và tên đệm, đổi tiêu đề của nó thành 'Họ và tên đệm' để đọc hai cột thành "
        "một tên, rồi nhập lại.")]


TWO_ROW_HEADER: list[list[object]] = [["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", None, "Ghi chú"],
                  [None, None, "Chức vụ", "Đơn vị", None],
                  [1, "Lê Thị Hồng", "Trưởng phòng", "Phòng GDĐT", "Tổ trưởng"],
                  [2, "Nguyễn Hồng Ngọc", "Phó Trưởng phòng", "Phòng GDĐT", "Tổ phó"],
                  [3, "Hà Thị Liên", "Phó Hiệu trưởng", "THCS Him Lam", None]]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("merges", [("C1:D1",), ("A1:A2", "B1:B2", "C1:D1", "E1:E2")],
                         ids=["merged-across", "merged-across-and-down"])
def test_a_sub_header_under_a_merged_header_names_its_columns(tmp_path: Path, suffix: str,
                                                              merges: tuple[str, ...]) -> None:
    """"Chức vụ" | "Đơn vị" under "Chức vụ - Đơn vị công tác": the header's second row,
    whether or not the other header cells are merged down over it; never names from the
    unit column."""
    path = write_table(tmp_path / f"hai-dong.{suffix}", TWO_ROW_HEADER, merges)
    table = read_table(path)
    assert table.columns == {"stt": 0, "name": 1, "position": 2, "unit": 3, "note": 4}
    assert [(r.get("name"), r.get("position"), r.get("unit"), r.get("note")) for r in table.rows] == [
        ("Lê Thị Hồng", "Trưởng phòng", "Phòng GDĐT", "Tổ trưởng"),
        ("Nguyễn Hồng Ngọc", "Phó Trưởng phòng", "Phòng GDĐT", "Tổ phó"),
        ("Hà Thị Liên", "Phó Hiệu trưởng", "THCS Him Lam", "")]


def test_header_words_that_would_head_a_list_of_schools_do_not_replace_the_people_header(tmp_path: Path) -> None:
    """The second header row not under a merged cell: a row of the list without a name
    (its own error), and the names still come from 'Họ và tên'."""
    path = write_table(tmp_path / "khong-gop.xlsx", TWO_ROW_HEADER)
    table = read_table(path)
    assert table.columns == {"stt": 0, "name": 1, "post": 2, "note": 4}
    assert [r.get("name") for r in table.rows] == ["", "Lê Thị Hồng", "Nguyễn Hồng Ngọc", "Hà Thị Liên"]


def test_a_sub_header_naming_only_part_of_a_merged_header_is_refused(tmp_path: Path) -> None:
    path = write_table(tmp_path / "thieu.xlsx", [
        ["STT", "Họ và tên", None, None, "Chức vụ - Đơn vị công tác"],
        [None, "Họ", "Tên", None, None],
        [1, "Hoàng", "Văn", "Dũng", "GV - THCS Long Thạnh"]], ("B1:D1",))
    with pytest.raises(RosterError) as raised:
        read_table(path)
    assert str(raised.value) == (
        f"{path}, dòng 2: dòng tiêu đề thứ hai chỉ ghi tên cho một phần các cột dưới ô 'Họ và tên' (cột thứ 2 "
        "đến 4). Gợi ý: ghi tên cho mọi cột dưới ô đó (ví dụ 'Chức vụ' và 'Đơn vị' dưới 'Chức vụ - Đơn vị "
        "công tác'), rồi nhập lại.")


QUALIFIED = ["STT", "Họ và tên", "Năm sinh", "Trình độ chuyên môn", "Chức vụ", "Đơn vị công tác", "Môn", "Ghi chú"]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_qualification_column_is_not_the_subject(tmp_path: Path, suffix: str) -> None:
    """"Trình độ chuyên môn" holds "mon" but is a degree ("ĐHSP Toán"): the "Môn" column is the subject."""
    path = write_table(tmp_path / f"trinh-do.{suffix}", [
        QUALIFIED, [1, "Hà Thị Liên", 1980, "ĐHSP Toán", "Phó Hiệu trưởng", "THCS Him Lam", "Ngữ văn", "Nhóm trưởng"]])
    table = read_table(path)
    assert table.columns == {"stt": 0, "name": 1, "position": 4, "unit": 5, "subject": 6, "note": 7}
    assert table.rows[0].get("subject") == "Ngữ văn"


@pytest.mark.parametrize("header", [["Chuyên môn đào tạo"], ["Trình độ chuyên môn"], ["Tổ chuyên môn"]])
def test_without_a_subject_column_a_qualification_is_not_read_as_one(tmp_path: Path, header: list[str]) -> None:
    path = write_table(tmp_path / "chuyen-mon.xlsx", [["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", *header],
                                                      [1, "Hà Thị Liên", "PHT - THCS Him Lam", "ĐHSP Toán"]])
    assert "subject" not in read_table(path).columns


def test_an_exact_subject_header_wins_over_a_loose_one(tmp_path: Path) -> None:
    path = write_table(tmp_path / "mon.xlsx", [["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Môn dạy", "Môn"],
                                               [1, "Hà Thị Liên", "PHT - THCS Him Lam", "Toán, Tin học", "Toán"]])
    assert read_table(path).rows[0].get("subject") == "Toán"


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_two_columns_that_name_the_subject_alike_and_differ_in_a_row_are_an_error(tmp_path: Path,
                                                                                suffix: str) -> None:
    """Which of the two is the subject cannot be told: the row's error names both, with
    their texts; the same subject in both (whatever the case) is no error."""
    path = write_table(tmp_path / f"hai-mon.{suffix}", [
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Bộ môn", "Môn học"],
        [1, "Hà Thị Liên", "PHT - THCS Him Lam", "Toán", "Tin học"],
        [2, "Lò Văn Tư", "GV - THCS Him Lam", "Ngữ văn", "ngữ  văn "]])
    table = read_table(path)
    assert [row.get("subject") for row in table.rows] == ["Toán", "Ngữ văn"]
    assert table.warnings == []
    assert [[(p.severity, p.line, p.message, p.hint) for p in row.problems] for row in table.rows] == [[(
        "error", 2 if suffix == "xlsx" else None,
        "hai cột 'Bộ môn' (cột thứ 4) và 'Môn học' (cột thứ 5) đều là cột 'Môn' nhưng ghi khác nhau ở "
        "dòng này: 'Toán' và 'Tin học'.",
        "giữ chữ ở một cột, xóa ở cột kia (hoặc đổi tiêu đề của cột không cần đọc), rồi nhập lại.")], []]


def test_a_second_subject_taught_is_not_the_group_s_subject(tmp_path: Path) -> None:
    """"Môn kiêm nhiệm" beside "Môn dạy": the subject a teacher also teaches, not a second
    claim on the subject column (it made a row with both filled an error)."""
    path = write_table(tmp_path / "kiem-nhiem.xlsx", [
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Môn dạy", "Môn kiêm nhiệm"],
        [1, "Hà Thị Liên", "PHT - THCS Him Lam", "Toán", "Tin học"]])
    table = read_table(path)
    assert [row.get("subject") for row in table.rows] == ["Toán"]
    assert [row.problems for row in table.rows] == [[]]
    assert [problem.message for _, problem in table.warnings] == ["cột thứ 5 'Môn kiêm nhiệm' không được nhập."]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_of_two_columns_alike_a_row_reads_the_other_where_the_one_read_is_empty(tmp_path: Path,
                                                                               suffix: str) -> None:
    """"Bộ môn" read for the file (data in more rows); Phúc's subject only in "Môn học" was
    lost, and he went into the team itself."""
    path = write_table(tmp_path / f"mon-xen.{suffix}", [
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Bộ môn", "Môn học", "Ghi chú"],
        [1, "Hà Thị Liên", "PHT - THCS Him Lam", "Toán", None, "Nhóm trưởng"],
        [2, "Lò Văn Tư", "GV - THCS Him Lam", None, "Tin học", None],
        [3, "Võ Văn Khoa", "GV - THCS Him Lam", "Toán", "Toán", None]])
    table = read_table(path)
    assert [row.get("subject") for row in table.rows] == ["Toán", "Tin học", "Toán"]
    assert table.columns["subject"] == 3
    assert table.warnings == []
    assert [row.problems for row in table.rows] == [[], [], []]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("header", [["Bộ môn", "Môn học"], ["Môn dạy", "Môn giảng dạy"]])
def test_of_two_columns_alike_the_one_with_data_is_read(tmp_path: Path, suffix: str, header: list[str]) -> None:
    """The first column empty in every row: the second is read, and nothing to warn of."""
    path = write_table(tmp_path / f"mon-trong.{suffix}", [
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", *header, "Ghi chú"],
        [1, "Hà Thị Liên", "PHT - THCS Him Lam", None, "Toán", None],
        [2, "Lò Văn Tư", "GV - THCS Him Lam", None, "Tin học", None]])
    table = read_table(path)
    assert [row.get("subject") for row in table.rows] == ["Toán", "Tin học"]
    assert table.columns["subject"] == 4
    assert table.warnings == []


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_every_note_column_is_read(tmp_path: Path, suffix: str) -> None:
    """Joined in the order of the columns (rows._role finds a role in any of them)."""
    path = write_table(tmp_path / f"hai-ghi-chu.{suffix}", [
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Ghi chú", "Ghi chú"],
        [1, "Hà Thị Liên", "PHT - THCS Him Lam", "Dạy giỏi cấp tỉnh", "Nhóm trưởng"],
        [2, "Lò Văn Tư", "GV - THCS Him Lam", None, "Tổ phó"]])
    table = read_table(path)
    assert [row.get("note") for row in table.rows] == ["Dạy giỏi cấp tỉnh; Nhóm trưởng", "Tổ phó"]
    assert table.warnings == []


@pytest.mark.parametrize("header, role", [(["Vai trò", "Nhiệm vụ"], "Nhóm trưởng"),
                                          (["Nhiệm vụ", "Vai trò"], "Nhóm trưởng"),
                                          (["Nhiệm vụ", "Ghi chú"], "Dạy lớp 9")])
def test_a_duties_column_gives_the_role_only_without_a_role_column(tmp_path: Path, header: list[str],
                                                                   role: str) -> None:
    cells = {"Vai trò": "Nhóm trưởng", "Nhiệm vụ": "Dạy lớp 9", "Ghi chú": None}
    path = write_table(tmp_path / "nhiem-vu.xlsx", [
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", *header],
        [1, "Hà Thị Liên", "PHT - THCS Him Lam", *(cells[h] for h in header)]])
    table = read_table(path)
    assert table.rows[0].get("role") == role
    assert table.warnings == []


def test_a_single_line_that_names_no_body_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("\t".join(HEADER) + "\n1\tA\tGV - THCS X\t\t\n\tTổng cộng: 1 người\t\t\t\n", encoding="utf-8")
    table = read_table(path)
    assert [p.message for _, p in table.warnings] == [
        "bỏ qua dòng 'Tổng cộng: 1 người': không phải một người, một trường hay tên một tổ chức."]


@pytest.mark.parametrize("text, kinds, number, subject", [
    ("CỤM 01", ("cum-chuyen-mon",), 1, None),
    ("Cụm Một", ("cum-chuyen-mon",), 1, None),
    # A number in words, whole and in any case, where it ends the name (portal.number_words).
    ("CỤM HAI MƯƠI TƯ", ("cum-chuyen-mon",), 24, None),
    ("cụm mười một (tiếp theo)", ("cum-chuyen-mon",), 11, None),
    ("Cụm chuyên môn số Hai", ("cum-chuyen-mon",), 2, None),
    ("Cụm Mười Năm", ("cum-chuyen-mon",), None, None),
    ("Cụm Năm Căn", ("cum-chuyen-mon",), None, None),
    # A heading that goes on with a level or a place's kind keeps its number (a review: "CỤM HAI
    # THCS" lost it); one typed without any mark is read without them.
    ("CỤM HAI THCS", ("cum-chuyen-mon",), 2, None),
    ("Cụm Một Phường Ba Đình", ("cum-chuyen-mon",), 1, None),
    ("CỤM CHUYÊN MÔN SỐ HAI THCS", ("cum-chuyen-mon",), 2, None),
    ("CUM HAI", ("cum-chuyen-mon",), 2, None),
    ("CUM MUOI MOT", ("cum-chuyen-mon",), 11, None),
    ("CUM HAI MUOI TU - THCS", ("cum-chuyen-mon",), 24, None),
    # In a line with marks, a number typed without them is read when it has "muoi", which is no
    # word of its own (a review: "CỤM MUOI MOT" had no number); "sau", "nam" are ("các tổ sau").
    ("CỤM MUOI MOT", ("cum-chuyen-mon",), 11, None),
    ("CỤM CHUYÊN MÔN SỐ HAI MUOI TU - THCS", ("cum-chuyen-mon",), 24, None),
    ("Cụm Muoi Năm", ("cum-chuyen-mon",), None, None),
    # A line without marks but with Word's dash or a no-break space is still typed without marks.
    ("CUM BON – THCS", ("cum-chuyen-mon",), 4, None),
    ("CUM MUOI MOT\u00a0THCS", ("cum-chuyen-mon",), 11, None),
    ("NHOM MOT", ("nhom-bo-mon", "nhom-lien-truong"), 1, None),
    ("CỤM CHUYÊN MÔN SỐ 12", ("cum-chuyen-mon",), 12, None),
    ("NHÓM TOÁN", ("nhom-bo-mon",), None, "toan"),
    ("2. Môn Ngữ văn", ("nhom-bo-mon",), None, "ngu-van"),
    ("Nhóm môn Ngữ văn", ("nhom-bo-mon",), None, "ngu-van"),
    ("TIẾNG ANH", ("nhom-bo-mon",), None, "tieng-anh"),
    ("Nhóm liên trường số 3", ("nhom-lien-truong",), 3, None),
    ("I. CÁN BỘ QUẢN LÝ", ("to-cot-can",), None, None),
    ("II. GIÁO VIÊN", ("to-cot-can",), None, None),
    # Words between brackets are no part of the kind, subject or number.
    ("NHÓM TOÁN (09 người)", ("nhom-bo-mon",), None, "toan"),
    ("Nhóm Toán (dữ liệu mẫu)", ("nhom-bo-mon",), None, "toan"),
    ("TIẾNG ANH (tiếp theo)", ("nhom-bo-mon",), None, "tieng-anh"),
    ("CỤM 02 (Kèm theo Quyết định số 315/QĐ-SGDĐT)", ("cum-chuyen-mon",), 2, None),
    ("Cụm chuyên môn phía Bắc (gồm 12 trường)", ("cum-chuyen-mon",), None, None),
])
def test_headings(text: str, kinds: tuple[str, ...], number: int | None, subject: str | None) -> None:
    subjects = {"toan": "toan", "ngu van": "ngu-van", "tieng anh": "tieng-anh"}
    label = read_heading(text, lambda t: subjects.get(t.lower().replace("toán", "toan").replace("ngữ văn", "ngu van")
                                                       .replace("tiếng anh", "tieng anh")))
    assert label is not None
    assert (label.kinds, label.number, label.subject) == (kinds, number, subject)


@pytest.mark.parametrize("text", ["Tô Thị Thịnh", "Nguyễn Văn An", "Danh sách có 25 người", "Tổng cộng",
                                  "Tô Thị Thịnh (09 người)", "(Kèm theo Quyết định số 315/QĐ-SGDĐT)"])
def test_names_and_remarks_are_not_headings(text: str) -> None:
    assert read_heading(text, lambda t: None) is None


def test_the_name_of_a_body_is_its_heading_whatever_its_words() -> None:
    """'Nhóm Phía Bắc' reads as a name ("Nhóm" with no subject or number after it) unless
    the office has a body of that name."""
    names = {"nhom phia bac du lieu mau"}
    assert read_heading("Nhóm Phía Bắc (dữ liệu mẫu)", lambda t: None) is None
    label = read_heading("NHÓM PHÍA BẮC (DỮ LIỆU MẪU)", lambda t: None, names.__contains__)
    assert label is not None and (label.key, label.kinds) == ("nhom phia bac du lieu mau", ())


# Bad files: one clear message each


@pytest.mark.parametrize("name", ["rong.csv", "rong.xlsx", "rong.docx"])
def test_an_empty_file_is_called_empty(tmp_path: Path, name: str) -> None:
    """A file saved before anything was pasted in (0 bytes): said so, not 'no header found'
    or 'not a valid Excel file'."""
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(RosterError) as raised:
        read_table(path)
    assert str(raised.value) == f"{path}: tệp rỗng (0 byte). Gợi ý: mở tệp kiểm tra đã lưu danh sách vào đó chưa."


@pytest.mark.parametrize("lock, real, program", [("~$danh-sach.xlsx", "danh-sach.xlsx", "Excel"),
                                                 ("~$nh-sach.docx", "danh-sach.docx", "Word")])
def test_the_lock_file_of_a_file_open_in_office_names_that_file(tmp_path: Path, lock: str, real: str,
                                                                program: str) -> None:
    """The hostile review: Excel's "~$danh-sach.xlsx", there while the list is open, was "not a
    valid .xlsx". Word replaces the first two characters of a long name by "~$"."""
    write_table(tmp_path / real, [HEADER, [1, "Lê Thị A", "GV - THCS Him Lam", "", ""]])
    path = tmp_path / lock
    path.write_bytes(b"\x07Nguyen A" + b"\x00" * 157)  # the owner's name, as Office writes it
    with pytest.raises(RosterError) as caught:
        read_grids(path)
    assert str(caught.value) == (
        f"{path}: đây là tệp khóa tạm thời {program} tạo ra khi đang mở tệp '{tmp_path / real}', không phải danh "
        f"sách. Gợi ý: đóng {program} (lưu tệp nếu cần), rồi nhập tệp '{tmp_path / real}'.")


def test_an_old_xls_workbook_is_asked_to_be_saved_as_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "danh-sach.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    with pytest.raises(RosterError, match=r"danh-sach\.xls: .*Excel 97-2003 \(\.xls\).*Lưu thành.*\.xlsx"):
        read_grids(path)


def _newer_workbook(path: Path) -> None:
    write_table(path.with_suffix(".xlsx"), [["STT", "Họ và tên", "Đơn vị"], [1, "Nguyễn Văn An", "THCS Him Lam"]])
    path.with_suffix(".xlsx").rename(path)


def _web_page(path: Path) -> None:
    path.write_text("<html><body><table><tr><td>STT</td><td>Họ và tên</td></tr></table></body></html>",
                    encoding="utf-8")


@pytest.mark.parametrize("make", [_newer_workbook, _web_page], ids=["xlsx-named-xls", "html-named-xls"])
def test_any_file_named_xls_is_asked_to_be_saved_as_xlsx(tmp_path: Path, make: Callable[[Path], None]) -> None:
    """A workbook an export program (or `--workbook x.xls`) named .xls, not an Excel 97-2003
    file, said "lỗi kỹ thuật: InvalidFileException": the same sentence as an old .xls."""
    path = tmp_path / "ds cụm 01.xls"
    make(path)
    with pytest.raises(RosterError) as raised:
        read_grids(path)
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    with pytest.raises(RosterError) as told_for_old:
        read_grids(old)
    assert str(raised.value) == str(told_for_old.value).replace(str(old), str(path))
    assert "lỗi kỹ thuật" not in str(raised.value) and "Lưu thành" in str(raised.value)


def test_an_old_doc_file_is_asked_to_be_saved_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "quyet-dinh.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    with pytest.raises(RosterError, match=r"Word 97-2003 \(\.doc\).*\.docx"):
        read_grids(path)


def test_a_broken_sheet_xml_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    good = tmp_path / "tot.xlsx"
    workbook(good, [HEADER, [1, "A", "GV - THCS X", None, None]])
    broken = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut in the middle of a row
            target.writestr(item, data)
    with pytest.raises(RosterError) as caught:
        read_table(broken)
    message = str(caught.value)
    assert message.startswith(f"{broken}: tệp Excel bị hỏng") and "lưu lại dạng .xlsx" in message


def _with_sheet_xml(source: Path, target: Path, edit: Callable[[str], str]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode()).encode()
            new.writestr(item, data)


# Sheets and hidden rows of a workbook


def _summary_then_lists(path: Path, lists: list[str]) -> Path:
    """A summary by school first ("Tổng hợp"), then a list of people on each sheet named."""
    book = openpyxl.Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Tổng hợp"
    for row in (["TỔNG HỢP SỐ LƯỢNG GIÁO VIÊN CỐT CÁN"], ["STT", "Tên trường", "Số lượng"], [1, "THCS Him Lam", 2],
                [2, "THCS Tân Bình", 1]):
        summary.append(row)
    for number, title in enumerate(lists, start=1):
        sheet = book.create_sheet(title)
        sheet.append(HEADER)
        sheet.append([1, f"Hà Thị Liên {number}", "Phó Hiệu trưởng - THCS Him Lam", "Toán", "Nhóm trưởng"])
    book.save(path)
    return path


def test_a_list_of_people_is_read_rather_than_a_summary_of_schools_before_it(tmp_path: Path) -> None:
    """The held-out failure: the first sheet with any header was read, so a teachers' team
    was proposed the schools of the summary as its members."""
    table = read_table(_summary_then_lists(tmp_path / "t4.xlsx", ["Danh sách"]))
    assert [row.get("name") for row in table.rows] == ["Hà Thị Liên 1"]
    assert table.notes == ["Đọc trang tính 'Danh sách'.",
                           "Không đọc trang tính 'Tổng hợp': bảng các trường, không có cột 'Họ và tên'."]
    assert table.warnings == []


def test_of_two_lists_of_people_the_first_is_read_and_the_other_named(tmp_path: Path) -> None:
    path = _summary_then_lists(tmp_path / "hai-danh-sach.xlsx", ["Cụm 1", "Cụm 2"])
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Hà Thị Liên 1"]
    assert [problem.format() for _, problem in table.warnings] == [
        f"CẢNH BÁO {path}: tệp có 2 trang tính có danh sách: chỉ đọc trang tính 'Cụm 1', không đọc 'Cụm 2'.\n"
        "    gợi ý: mỗi lần nhập một trang tính: ẩn các trang tính kia (bấm chuột phải vào tên trang tính, chọn "
        "Ẩn) hoặc chép trang cần nhập sang một tệp riêng."]


def _workbook_of_sheets(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_sheets_are_probed_without_fuzzy_matching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long sheet beside the list (a log of 12 text columns) is looked at with exact and
    loose header words only: a slip in a header (difflib) is looked for in no cell of it."""
    probed: list[str] = []

    class Spy(difflib.SequenceMatcher[str]):
        def __init__(self, isjunk: None, a: str, b: str) -> None:
            probed.append(a)
            super().__init__(isjunk, a, b)

    monkeypatch.setattr(difflib, "SequenceMatcher", Spy)
    path = _workbook_of_sheets(tmp_path / "nhat-ky.xlsx", {
        "Danh sách": [HEADER, [1, "Hà Thị Liên", "PHT - THCS Him Lam", "Toán", "Nhóm trưởng"]],
        "Nhật ký": [[f"Ghi nhận việc {row} ở mục {column}" for column in range(12)] for row in range(200)]})
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Hà Thị Liên"]
    assert [key for key in probed if key.startswith("ghinhanviec")] == []


def test_a_header_with_a_slip_is_found_when_no_sheet_has_one_without(tmp_path: Path) -> None:
    slip = ["STT", "Họ và tê", "Chức vụ - Đơn vị công tác"]
    path = _workbook_of_sheets(tmp_path / "go-sai.xlsx", {
        "Ghi chép": [["Danh sách gửi kèm công văn"], ["Người lập: Lò Văn Tư"]],
        "Danh sách": [slip, [1, "Hà Thị Liên", "PHT - THCS Him Lam"]],
        "Danh sách 2": [slip, [1, "Lò Văn Tư", "GV - THCS Him Lam"]]})
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Hà Thị Liên"]
    assert table.notes == ["Đọc trang tính 'Danh sách'."]


SUMMARY: list[list[object]] = [["STT", "Tên trường", "Số người"], [1, "THCS Him Lam", 2]]
SLIPPED: list[list[object]] = [["STT", "Họ và tê", "Chức vụ", "Đơn vị", "Môn", "Ghi chú"],
                               [1, "Hà Thị Liên", "Phó Hiệu trưởng", "THCS Him Lam", "Toán", "Nhóm trưởng"],
                               [2, "Lò Văn Tư", "Giáo viên", "THCS Him Lam", "Tin học", None]]


@pytest.mark.parametrize("order", [["Tổng hợp", "Danh sách"], ["Danh sách", "Tổng hợp"]])
def test_a_list_of_people_with_a_slip_in_its_header_is_read_rather_than_a_summary_of_schools(
        tmp_path: Path, order: list[str]) -> None:
    """"Họ và tê" | "Đơn vị" spelt exactly is a header of schools: the sheets are probed
    again allowing a slip before a summary of schools is read."""
    sheets = {"Tổng hợp": SUMMARY, "Danh sách": SLIPPED}
    path = _workbook_of_sheets(tmp_path / "go-sai-tong-hop.xlsx", {title: sheets[title] for title in order})
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Hà Thị Liên", "Lò Văn Tư"]
    assert table.notes == ["Đọc trang tính 'Danh sách'.",
                           "Không đọc trang tính 'Tổng hợp': bảng các trường, không có cột 'Họ và tên'."]
    assert table.warnings == []


def test_two_summaries_of_schools_are_named_as_two_lists(tmp_path: Path) -> None:
    """Without a list of people, the other list of schools is the one warned of."""
    path = _workbook_of_sheets(tmp_path / "hai-tong-hop.xlsx", {"Tổng hợp": SUMMARY, "Tổng hợp 2": SUMMARY})
    table = read_table(path)
    assert [row.get("school") for row in table.rows] == ["THCS Him Lam"]
    assert [problem.message for _, problem in table.warnings] == [
        "cột thứ 3 'Số người' không được nhập.",
        "tệp có 2 trang tính có danh sách: chỉ đọc trang tính 'Tổng hợp', không đọc 'Tổng hợp 2'."]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_column_the_importer_does_not_read_is_said_and_a_phone_column_is_private(tmp_path: Path,
                                                                                  suffix: str) -> None:
    """The hostile review: a "Số điện thoại" column was dropped without a word (a clerk
    expects the numbers in the data); a column of the portal's own export is not news."""
    path = write_table(tmp_path / f"sdt.{suffix}", [
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Môn", "SĐT", "Năm sinh", "Email", "Theo văn bản"],
        [1, "Hà Thị Liên", "PHT - THCS Him Lam", "Toán", "0912 944 718", "1980", "lien@example.vn", ""],
        [2, "Lò Văn Tư", "GV - THCS Him Lam", "Toán", "0987.654.321", "1985", "", ""]])
    table = read_table(path)
    assert all("0912" not in value and "@" not in value for row in table.rows for value in row.cells.values())
    warned = [(problem.message, problem.hint or "") for _, problem in table.warnings]
    assert [message for message, _ in warned] == [
        "cột thứ 5 'SĐT' không được nhập.", "cột thứ 6 'Năm sinh' không được nhập.",
        "cột thứ 7 'Email' không được nhập."]
    assert [hint.startswith("số điện thoại, email là thông tin riêng tư") for _, hint in warned] == [True, False, True]
    assert "Họ và tên" in warned[1][1]


def test_a_header_without_a_slip_is_preferred_to_one_with(tmp_path: Path) -> None:
    path = _workbook_of_sheets(tmp_path / "go-dung.xlsx", {
        "Nháp": [["STT", "Họ và tê", "Chức vụ - Đơn vị công tác"], [1, "Hà Thị Liên", "PHT - THCS Him Lam"]],
        "Danh sách": [HEADER, [1, "Lò Văn Tư", "GV - THCS Him Lam", "Toán", ""]]})
    assert [row.get("name") for row in read_table(path).rows] == ["Lò Văn Tư"]


def test_rows_hidden_in_excel_are_read_and_named_in_a_warning(tmp_path: Path) -> None:
    """A clerk hides the people who left instead of deleting their rows."""
    path = tmp_path / "an-dong.xlsx"
    book = workbook(path, [["DANH SÁCH"], HEADER, [1, "Lê Thị A", "GV - THCS Him Lam", "", ""],
                           [2, "Lê Thị B", "GV - THCS Him Lam", "", ""], [3, "Lê Thị C", "GV - THCS Him Lam", "", ""],
                           [4, "Lê Thị D", "GV - THCS Him Lam", "", ""]])
    sheet = book.active
    assert sheet is not None
    for line in (1, 4, 6):  # the title is no row of the list
        sheet.row_dimensions[line].hidden = True
    book.save(path)
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Lê Thị A", "Lê Thị B", "Lê Thị C", "Lê Thị D"]
    [(order, warning)] = table.warnings
    assert order == table.rows[1].order  # reported where the first hidden row is
    assert warning.format() == (
        f"CẢNH BÁO {path}, mục trang tính 'Sheet': dòng 4, 6 đang bị ẩn trong Excel nhưng vẫn được nhập như mọi dòng "
        "khác.\n    gợi ý: nếu đó là những người đã thôi (chuyển công tác, nghỉ hưu), xóa hẳn các dòng đó trong tệp "
        "rồi nhập lại; nếu họ vẫn thuộc danh sách, bỏ ẩn để thấy đủ danh sách.")


@pytest.mark.parametrize("total", [["Tổng cộng", "18 người"], ["", "TỔNG CỘNG:", "18"], ["Cộng", "", "", "", 18]])
def test_a_total_row_over_several_cells_is_skipped_with_a_warning(tmp_path: Path, total: list[object]) -> None:
    """A total typed as a label and a count in two cells was a row: "Tổng cộng" | "18" a new
    person named Tổng Cộng, "Tổng cộng" | "18 người" an error on a name with digits. A person
    whose family name is Tống is a person."""
    path = tmp_path / "tong.xlsx"
    workbook(path, [HEADER, [1, "Tống Thị A", "GV - THCS Him Lam", "", ""], total])
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Tống Thị A"]
    shown = " | ".join(str(cell) for cell in total if cell)
    assert [warning.format() for _, warning in table.warnings] == [
        f"CẢNH BÁO {path}, dòng 3: bỏ qua dòng tổng '{shown}': không phải một người hay một trường."]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("label, merges", [
    ("Tổng cộng", ()), ("CỘNG:", ()), ("tổng số", ()), ("Cộng", ("B4:E4",)), ("TỔNG CỘNG", ("A4:E4",))])
def test_a_total_label_alone_in_its_row_is_skipped_as_a_total(tmp_path: Path, suffix: str, label: str,
                                                             merges: tuple[str, ...]) -> None:
    """The hostile review: "Tổng cộng" alone in the name column (or merged across the row),
    with no count and no number, was a new person hs-tong-cong, who replaced the body's list
    on --apply. An unnumbered name of the family Tống alone in its row is still a person."""
    column = 0 if merges and merges[0].startswith("A") else 1
    total: list[object] = ["", "", "", "", ""]
    total[column] = label
    path = write_table(tmp_path / f"tong-mot-o.{suffix}", [
        HEADER, [1, "Lê Thị A", "GV - THCS Him Lam", "", ""], ["", "Tống Văn Bình", "", "", ""], total], merges)
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Lê Thị A", "Tống Văn Bình"]
    assert [warning.message for _, warning in table.warnings] == [
        f"bỏ qua dòng tổng '{label}': không phải một người hay một trường."]


def test_a_total_label_outside_the_stt_and_name_columns_is_no_total(tmp_path: Path) -> None:
    """The hostile review: the label matched in any column, so a row whose position cell reads
    "Cộng:" and whose note holds a count was skipped as a total."""
    path = tmp_path / "khong-tong.xlsx"
    workbook(path, [HEADER, [1, "Lê Thị A", "GV - THCS Him Lam", "", ""], ["", "", "Cộng:", "", "2 tiết"]])
    table = read_table(path)
    assert [row.get("post") for row in table.rows] == ["GV - THCS Him Lam", "Cộng:"]
    assert not any("dòng tổng" in warning.message for _, warning in table.warnings)


@pytest.mark.parametrize("closing", [
    ["", "NGƯỜI LẬP BIỂU", "", "", "TRƯỞNG PHÒNG"],
    ["", "Nơi nhận:", "", "KT. TRƯỞNG PHÒNG"],
    ["", "", "Điện Biên Phủ, ngày 20 tháng 9 năm 2024"],
    ["", "", "", "", "KT. TRƯỞNG PHÒNG"],
])
def test_the_signatures_under_a_list_in_excel_are_skipped(tmp_path: Path, closing: list[object]) -> None:
    """An Excel user types who signs under the table, in the same sheet: "NGƯỜI LẬP BIỂU" and
    the signer's name were two new people of the last group, "Nơi nhận:" a person in error.
    Each row of the block is skipped, and said."""
    path = tmp_path / "chu-ky.xlsx"
    workbook(path, [HEADER, [1, "Lê Thị A", "GV - THCS Him Lam", "", ""], [], closing, ["", "PHÓ TRƯỞNG PHÒNG"], [],
                    ["", "Nguyễn Văn Lập", "", "", "Lê Thị Hồng"]])
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Lê Thị A"]
    said = next(text for text in closing if text)
    shown = " | ".join(text for text in closing if text)
    assert [warning.message for _, warning in table.warnings] == [
        f"bỏ qua dòng '{shown}': phần nơi nhận, chữ ký dưới bảng ('{said}'), không phải một người.",
        *(f"bỏ qua dòng '{signer}': dòng không có số thứ tự ngay dưới phần chữ ký bắt đầu ở dòng 4 ('{said}'), "
          "đọc là chức danh, tên người ký." for signer in ("PHÓ TRƯỞNG PHÒNG", "Nguyễn Văn Lập | Lê Thị Hồng"))]
    assert all(warning.severity == "warning" for _, warning in table.warnings)


def test_rows_after_a_signature_block_inside_the_list_are_read(tmp_path: Path) -> None:
    """The hostile review: a group's own signatures, or a remark spilling into a row of its own
    ("Điện Biên, ngày 1 tháng 8 năm 2024."), ended the list; every later group and person was
    dropped with one note. The list reads on at the next numbered row or heading."""
    path = tmp_path / "giua.xlsx"
    workbook(path, [HEADER, ["I. Tổ Toán"], [1, "Lê Thị A", "GV - THCS Him Lam", "Toán", ""],
                    ["", "", "", "", "Điện Biên, ngày 1 tháng 8 năm 2024."],
                    [2, "Lê Thị B", "GV - THCS Him Lam", "Toán", ""],
                    ["", "", "KT. HIỆU TRƯỞNG"], ["", "", "PHÓ HIỆU TRƯỞNG"], ["", "", "Lò Văn Ký"],
                    ["II. Tổ Văn"], [3, "Lê Thị C", "GV - THCS Him Lam", "Văn", ""],
                    ["", "", "", "", "Điện Biên, ngày 2 tháng 8 năm 2024"], ["", "", "", "", "TỔ TRƯỞNG"],
                    ["", "", "", "", "Lò Văn Tổ"]])
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Lê Thị A", "Lê Thị B", "Lê Thị C"]
    assert [(section.heading.label.text if section.heading else None, [row.get("name") for row in section.rows])
            for section in table.sections if section.rows] == [
        ("Tổ Toán", ["Lê Thị A", "Lê Thị B"]), ("Tổ Văn", ["Lê Thị C"])]
    assert [warning.line for _, warning in table.warnings] == [4, 6, 7, 8, 11, 12, 13]
    assert table.warnings[-2][1].message == (
        "bỏ qua dòng 'TỔ TRƯỞNG': dòng không có số thứ tự ngay dưới phần chữ ký bắt đầu ở dòng 11 ('Điện Biên, ngày 2 "
        "tháng 8 năm 2024'), đọc là chức danh, tên người ký.")


def test_a_closing_looking_row_in_an_unnumbered_list_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "khong-so.xlsx"
    workbook(path, [HEADER, ["", "Lê Thị A", "GV - THCS Him Lam", "Toán", ""], ["", "", "KT. HIỆU TRƯỞNG", "", ""],
                    ["", "Lê Thị B", "GV - THCS Him Lam", "Toán", ""]])
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Lê Thị A", "Lê Thị B"]
    assert [warning.message for _, warning in table.warnings] == [
        "bỏ qua dòng 'KT. HIỆU TRƯỞNG': phần nơi nhận, chữ ký dưới bảng ('KT. HIỆU TRƯỞNG'), không phải một người."]


@pytest.mark.parametrize("signer", [["", "Lò Văn Ký"], ["", "Lò Văn Ký", "", "", "Lê Thị Hồng"]])
def test_a_signer_s_name_under_the_block_of_an_unnumbered_list_is_no_person(tmp_path: Path, signer: list[str]) -> None:
    """The hostile review: in a list without numbers, the signer's name under "KT. HIỆU
    TRƯỞNG" (alone, or beside another signer's in a cell of its own) was a new person of the
    list. Under the block, a row is the list's again once it holds a name and a post, a unit
    or a subject, as the list's own rows do."""
    path = tmp_path / "khong-so-ky.xlsx"
    workbook(path, [HEADER, ["", "Lê Thị A", "GV - THCS Him Lam", "Toán", ""], ["", "", "", "", "KT. HIỆU TRƯỞNG"],
                    ["", "", "", "", "PHÓ HIỆU TRƯỞNG"], [], signer,
                    ["", "Lê Thị B", "GV - THCS Him Lam", "", ""]])
    table = read_table(path)
    assert [row.get("name") for row in table.rows] == ["Lê Thị A", "Lê Thị B"]
    shown = " | ".join(text for text in signer if text)
    assert [warning.message for _, warning in table.warnings] == [
        "bỏ qua dòng 'KT. HIỆU TRƯỞNG': phần nơi nhận, chữ ký dưới bảng ('KT. HIỆU TRƯỞNG'), không phải một người.",
        *(f"bỏ qua dòng '{text}': dòng không có số thứ tự ngay dưới phần chữ ký bắt đầu ở dòng 3 ('KT. HIỆU "
          "TRƯỞNG'), đọc là chức danh, tên người ký." for text in ("PHÓ HIỆU TRƯỞNG", shown))]


def test_a_leader_s_unnumbered_row_and_a_dated_note_are_rows_of_the_list(tmp_path: Path) -> None:
    path = tmp_path / "lanh-dao.xlsx"
    workbook(path, [HEADER, ["", "LÊ THỊ HỒNG", "Q. TRƯỞNG PHÒNG", "", "TỔ TRƯỞNG"],
                    [1, "Lê Thị A", "GV - THCS Him Lam", "", "Điện Biên Phủ, ngày 1 tháng 9 năm 2024"]])
    assert [row.get("name") for row in read_table(path).rows] == ["LÊ THỊ HỒNG", "Lê Thị A"]


def test_columns_hidden_in_excel_that_are_read_are_named_in_a_warning(tmp_path: Path) -> None:
    """A clerk hides a column of private notes rather than deleting it: it is read as any
    "Ghi chú", and said; a hidden column the importer does not read ("Năm sinh") is only
    said not to be read, and the workbook's own hidden id columns are not named."""
    path = tmp_path / "cot-an.xlsx"
    book = workbook(path, [[*HEADER, "Ghi chú", "Năm sinh", "Mã thành viên"],
                           [1, "Lê Thị A", "GV - THCS Him Lam", "", "", "đang nghỉ ốm", 1980, ""]])
    sheet = book.active
    assert sheet is not None
    for column in "FGH":
        sheet.column_dimensions[column].hidden = True
    book.save(path)
    table = read_table(path)
    assert table.rows[0].get("note") == "đang nghỉ ốm"
    assert [warning.format() for _, warning in table.warnings] == [
        f"CẢNH BÁO {path}, dòng 1: cột thứ 7 'Năm sinh' không được nhập.\n    gợi ý: chỉ các cột sau được đọc: STT, "
        "Họ và tên, Tên trường, Chức vụ - Đơn vị công tác, Chức vụ, Đơn vị công tác, Môn, Vai trò, Ghi chú, Từ ngày, "
        "Mã tổ chức, Mã thành viên, Mã đơn vị.",
        f"CẢNH BÁO {path}, dòng 1: cột thứ 6 'Ghi chú' đang bị ẩn trong Excel nhưng vẫn được nhập như mọi cột "
        "khác.\n    gợi ý: nếu cột đó không thuộc danh sách đã ký (ghi chú riêng, số liệu nội bộ), xóa hẳn cột đó "
        "trong tệp rồi nhập lại; nếu có, bỏ ẩn để thấy đủ danh sách."]


def test_a_formula_saved_without_its_value_is_named_not_read_as_an_empty_cell(tmp_path: Path) -> None:
    """openpyxl (and some web exports) save formulas uncalculated; Excel and LibreOffice save
    the value beside the formula, which is then read as any cell."""
    path = tmp_path / "cong-thuc.xlsx"
    workbook(path, [HEADER, [1, '=UPPER("Lê Thị A")', "GV - THCS X", None, None],
                    [2, "Lê Thị B", '=CONCAT("GV - ", "THCS Y")', None, None]])
    with pytest.raises(RosterError) as caught:
        read_table(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: trang tính 'Sheet', ô B2, C3: có công thức")
    assert "lưu lại" in message
    saved = tmp_path / "da-tinh.xlsx"  # as Excel saves it: the value after the formula
    values = {"B2": "LÊ THỊ A", "C3": "GV - THCS Y"}
    _with_sheet_xml(path, saved, lambda xml: re.sub(
        r'<c r="(B2|C3)"><f>(.*?)</f><v></v>',
        lambda m: f'<c r="{m[1]}" t="str"><f>{m[2]}</f><v>{values[m[1]]}</v>', xml))
    assert [(r["name"], r["post"]) for r in rows_of(saved)] == [
        ("LÊ THỊ A", "GV - THCS X"), ("Lê Thị B", "GV - THCS Y")]


def test_an_excel_error_in_a_cell_read_is_an_error_of_its_row_not_data(tmp_path: Path) -> None:
    """The hostile review: "#N/A" (a VLOOKUP that found nothing) and "#REF!" were written to the
    data as a position and a note. openpyxl saves such a value as Excel does (`t="e"`); a
    column the importer does not read may hold one, and a typed "#N/A" text is text."""
    path = tmp_path / "loi-excel.xlsx"
    book = workbook(path, [[*HEADER, "Năm sinh"], [1, "Lê Thị A", "#N/A", "Toán", "#REF!", "#VALUE!"],
                           [2, "Lê Thị B", "GV - THCS Him Lam", "Toán", "", "#DIV/0!"]])
    sheet = book.active
    assert sheet is not None
    sheet["C3"].value = "#N/A"
    sheet["C3"].data_type = "s"  # typed as text: no error
    book.save(path)
    assert 'C2" t="e"' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    first, second = read_table(path).rows
    assert (first.get("post"), first.get("note"), first.refused) == ("", "", {"post", "note"})
    assert [problem.format() for problem in first.problems] == [
        f"LỖI {path}, dòng 2, mục cột '{column}': ô chứa giá trị lỗi của Excel '{error}' (kết quả của một công "
        "thức), không phải dữ liệu.\n    gợi ý: sửa ô này trong Excel (sửa công thức, hoặc gõ giá trị đúng thay cho "
        "công thức), lưu lại rồi nhập lại." for column, error in (("Chức vụ - Đơn vị công tác", "#N/A"),
                                                                   ("Ghi chú", "#REF!"))]
    assert (second.get("post"), second.problems) == ("#N/A", [])


@pytest.mark.parametrize("tag, text_tag", [("w:ins", "w:t"), ("w:del", "w:delText"), ("w:moveFrom", "w:delText"),
                                           ("w:moveTo", "w:t")])
def test_a_word_file_with_tracked_changes_is_refused(tmp_path: Path, tag: str, text_tag: str) -> None:
    """The hostile review: a name typed with Track Changes on ("Thị " inserted) read without it,
    and deleted text could be read as if it were there."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    path = write_table(tmp_path / "theo-doi.docx", [HEADER, [1, "Lê Thu Hà", "GV - THCS Him Lam", "", ""]])
    document = docx.Document(str(path))
    change, run, text = OxmlElement(tag), OxmlElement("w:r"), OxmlElement(text_tag)
    change.set(qn("w:id"), "1")
    change.set(qn("w:author"), "VT")
    text.text = "Thị "
    run.append(text)
    change.append(run)
    document.tables[0].cell(1, 1).paragraphs[0]._p.append(change)
    document.save(str(path))
    with pytest.raises(RosterError) as caught:
        read_table(path)
    assert str(caught.value) == (
        f"{path}: tệp Word còn những thay đổi được theo dõi (thêm, xóa, chuyển chữ) chưa chấp nhận hay từ chối, nên "
        "không biết danh sách ghi gì. Gợi ý: mở tệp bằng Word, chọn Xem lại > Chấp nhận > Chấp nhận Tất cả Thay đổi "
        "(hoặc Từ chối những thay đổi không đúng), lưu lại rồi nhập lại.")


def test_word_s_automatic_numbering_of_the_stt_column_is_said_once_per_table(tmp_path: Path) -> None:
    """The hostile review: an STT column numbered by Word (Home > Numbering, or the List Number
    style) holds no text, so the members lost their numbers without a word."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for number, style in ((1, None), (2, "List Number")):
        document.add_paragraph(f"{number}. Nhóm {number}")
        table = document.add_table(rows=3, cols=len(HEADER))
        for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
            cell.text = text
        for r in (1, 2):
            table.cell(r, 1).text = f"Lê Thị {number}{r}"
            table.cell(r, 2).text = "GV - THCS Him Lam"
            paragraph = table.cell(r, 0).paragraphs[0]
            if style:
                paragraph.style = document.styles[style]
                continue
            numbering, level, which = OxmlElement("w:numPr"), OxmlElement("w:ilvl"), OxmlElement("w:numId")
            level.set(qn("w:val"), "0")
            which.set(qn("w:val"), "5")
            numbering.extend([level, which])
            paragraph._p.get_or_add_pPr().append(numbering)
    path = tmp_path / "tu-dong.docx"
    document.save(str(path))
    table_read = read_table(path)
    assert [(row.get("stt"), row.get("name")) for row in table_read.rows] == [
        ("", "Lê Thị 11"), ("", "Lê Thị 12"), ("", "Lê Thị 21"), ("", "Lê Thị 22")]
    assert [warning.format() for _, warning in table_read.warnings] == [
        f"CẢNH BÁO {path}, mục bảng {number}, hàng 2, cột 'STT': các số ở cột này do Word tự đánh (đánh số tự động), "
        "không nằm trong ô nên không được đọc: các dòng của bảng này nhập không có số thứ tự.\n    gợi ý: nếu cần số "
        "thứ tự, gõ số vào các ô cột STT thay cho đánh số tự động (chọn cột, bấm Trang đầu > Đánh số để tắt), lưu lại "
        "rồi nhập lại." for number in (1, 2)]


def test_a_broken_word_file_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "hong.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
    with pytest.raises(RosterError, match=r"hong\.docx: tệp Word bị hỏng"):
        read_table(path)


def test_an_unbalanced_quote_in_a_csv_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "ngoac.csv"
    path.write_text(",".join(HEADER) + '\n1,"Lê Thị A,GV - THCS Him Lam,,\n2,Lê Thị B,GV - THCS Him Lam,,\n',
                    encoding="utf-8")
    with pytest.raises(RosterError, match=r"ngoac\.csv, dòng 2: một dấu ngoặc kép .* các dòng 2 đến 3 bị gộp"):
        read_table(path)


def test_a_quoted_cell_with_a_line_break_is_still_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "xuong-dong.csv"
    path.write_text(",".join(HEADER) + '\n1,Lê Thị A,"Giáo viên -\nTHCS Him Lam",,\n', encoding="utf-8")
    assert rows_of(path)[0]["post"] == "Giáo viên - THCS Him Lam"
    assert read_table(path).rows[0].lines == {"post": ("Giáo viên -", "THCS Him Lam")}


def test_a_pdf_cell_wraps_at_its_width_so_its_lines_are_not_kept() -> None:
    """A long name wraps in a narrow PDF column: the break is the column's, not the writer's."""
    raw: list[tuple[str, Merge]] = [("Nguyễn Thị Thu\nHương  ", "")]
    assert RowBuilder("ds.xlsx").row(2, "", raw, 0).cells == [Cell("Nguyễn Thị Thu Hương",
                                                                    lines=("Nguyễn Thị Thu", "Hương"))]
    assert RowBuilder("ds.pdf", line_breaks=False).row(None, "trang 1", raw, 1).cells == [Cell("Nguyễn Thị Thu Hương")]


def test_a_nul_byte_is_reported_with_its_row_and_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "nul.tsv"
    path.write_text("\t".join(HEADER) + "\n1\tLê Thị\x00 A\tGV - THCS Him Lam\t\t\n", encoding="utf-8")
    row = read_table(path).rows[0]
    assert row.get("name") == ""
    assert [p.format() for p in row.problems] == [
        f"LỖI {path}, dòng 2: ô ở cột thứ 2 có ký tự điều khiển không in được (U+0000).\n"
        "    nhận được: 'Lê Thị\\x00 A'\n"
        "    gợi ý: tệp có lẽ bị hỏng hoặc chép từ một chương trình khác; gõ lại ô này."]


def test_invisible_characters_are_removed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "an.tsv"
    path.write_text("\t".join(HEADER) + "\n1\tLê\u200b Thị A\tGV - THCS Him Lam\t\t\n", encoding="utf-8")
    row = read_table(path).rows[0]
    assert row.get("name") == "Lê Thị A"
    assert [p.severity for p in row.problems] == ["warning"]


def test_a_soft_hyphen_is_removed_from_unicode_text_and_kept_as_tcvn3s_u_horn(tmp_path: Path) -> None:
    """U+00AD is TCVN3's ư as Windows-1252 reads it: a header "Tr­êng" (Trường, .VnTime) keeps
    it, so that the warning quotes the cell as typed; in Unicode text it is Word's optional
    hyphen, taken out with a warning."""
    path = write_table(tmp_path / "ds.xlsx", [HEADER + ["Tr\xadêng cò"],
                                              [1, "Hà Thị Li\xadên", "GV - THCS Him Lam", None, None, None]])
    table = read_table(path)
    assert table.rows[0].get("name") == "Hà Thị Liên"
    messages = [p.message for _, p in table.warnings] + [p.message for p in table.rows[0].problems]
    assert "ô ở cột thứ 2 có ký tự ẩn (khoảng trắng không độ rộng, dấu gạch mềm...) đã được bỏ đi." in messages
    assert "cột thứ 6 'Tr\xadêng cò' không được nhập: 'Tr\xadêng cò' gõ bằng bảng mã TCVN3 (ABC), phông chữ " \
           ".VnTime, .VnArial..., không phải chữ Unicode." in messages
    assert not any("cột thứ 6 có ký tự ẩn" in m for m in messages)


def test_utf16_text_without_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes(("\t".join(HEADER) + "\r\n1\tHà Thị Liên\tGV - THCS Him Lam\t\t\r\n").encode("utf-16-le"))
    assert rows_of(path)[0]["name"] == "Hà Thị Liên"


def test_text_saved_by_excel_keeps_a_cell_of_two_lines_whole(tmp_path: Path) -> None:
    """Excel's "Unicode Text" (UTF-16, tabs) quotes a cell written on two lines (Alt+Enter),
    as CSV does: one row, not a row of "Hà Thị Liên | Giáo viên" and one of "THCS Him Lam\"",
    which matched a person and proposed another named after the school."""
    path = tmp_path / "danh-sach.txt"
    text = "\t".join(HEADER) + '\r\n1\tHà Thị Liên\t"Giáo viên\nTHCS Him Lam"\tToán\t"Nhóm ""Toán"""\r\n'
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    table = read_table(path)
    assert [(row.line, row.cells) for row in table.rows] == [
        (2, {"stt": "1", "name": "Hà Thị Liên", "post": "Giáo viên THCS Him Lam", "subject": "Toán",
             "note": 'Nhóm "Toán"'})]
    assert table.rows[0].lines == {"post": ("Giáo viên", "THCS Him Lam")}


@pytest.mark.parametrize("name, note", [('"Bé" Lê Thị B', "GV"), ('"Bé Lê Thị B', 'GV "giỏi"')])
def test_text_pasted_from_word_with_a_cell_opening_with_a_quote_is_split_at_tabs(tmp_path: Path, name: str,
                                                                                 note: str) -> None:
    """The hostile review: a cell of Word's paste opening with a quote made the file Excel's,
    its quotes stripped ('"Bé" Lê Thị B' read 'Bé Lê Thị B') or a lone quote refusing the file."""
    path = tmp_path / "danh-sach.txt"
    path.write_text("\t".join(HEADER) + f"\n1\t{name}\tGiáo viên - THCS Him Lam\tToán\t{note}\n"
                    "2\tHà Thị Liên\tGiáo viên - THCS Him Lam\tToán\t\n", encoding="utf-8")
    assert [(row["name"], row["note"]) for row in rows_of(path)] == [(name, note), ("Hà Thị Liên", "")]


def test_utf8_text_with_every_quoted_cell_whole_is_read_as_excel_s(tmp_path: Path) -> None:
    path = tmp_path / "danh-sach.txt"
    path.write_text("\t".join(HEADER) + '\n1\tHà Thị Liên\t"Giáo viên\nTHCS Him Lam"\tToán\t"Nhóm ""Toán"""\n',
                    encoding="utf-8")
    assert [(row["post"], row["note"]) for row in rows_of(path)] == [("Giáo viên THCS Him Lam", 'Nhóm "Toán"')]


def test_text_pasted_from_word_is_split_at_tabs_whatever_its_quotes(tmp_path: Path) -> None:
    """Without a cell that opens with a quote, a tab-separated file is Word's paste: a quote
    inside a cell is text."""
    path = tmp_path / "danh-sach.txt"
    path.write_text("\t".join(HEADER) + '\n1\tHà Thị Liên\tGiáo viên - THCS Him Lam\tToán\tGV "giỏi\n',
                    encoding="utf-8")
    assert rows_of(path)[0]["note"] == 'GV "giỏi'


# Limits: a clear message instead of minutes of work


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "lon.csv"
    path.write_bytes(b"x" * 2 * 1024 * 1024)
    with pytest.raises(RosterError, match=r"lon\.csv: tệp nặng 2 MB, quá giới hạn 1 MB của một danh sách"):
        read_grids(path, limits=Limits(file_bytes=1024 * 1024))


def test_a_workbook_that_unpacks_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * 5_000_000 + b"</a>")
    assert path.stat().st_size < 50_000
    with pytest.raises(RosterError, match=r"bom\.xlsx: nội dung tệp khi giải nén lên tới"):
        read_grids(path, limits=Limits(unpacked_bytes=1_000_000))


@pytest.mark.parametrize("suffix", ["tsv", "csv", "xlsx"])
def test_too_many_rows(tmp_path: Path, suffix: str) -> None:
    lines = [HEADER] + [[str(i), f"Người {i}", "GV - THCS X", "", ""] for i in range(1, 30)]
    path = tmp_path / f"dai.{suffix}"
    if suffix == "xlsx":
        workbook(path, lines)  # type: ignore[arg-type]
    else:
        path.write_text("\n".join(("\t" if suffix == "tsv" else ",").join(r) for r in lines), encoding="utf-8")
    with pytest.raises(RosterError, match=r"hơn 20 dòng"):
        read_grids(path, limits=Limits(rows=20))


def test_the_row_limit_of_a_sheet_counts_the_rows_that_hold_a_value(tmp_path: Path) -> None:
    """The hostile review: one formatted, empty cell at A1048576 (which the clerk cannot see)
    made a list of three rows "more than 50.000 rows"."""
    path = tmp_path / "dinh-dang-xa.xlsx"
    book = workbook(path, [HEADER, [1, "Lê Thị A", "GV - THCS Him Lam", "", ""]])
    sheet = book.active
    assert sheet is not None
    sheet["A1048576"].font = openpyxl.styles.Font(bold=True)
    book.save(path)
    [grid] = read_grids(path, limits=Limits(rows=20))
    assert [row.line for row in grid.rows] == [1, 2]


def test_a_huge_cell_is_an_error_of_its_row_not_minutes_of_matching(tmp_path: Path) -> None:
    path = tmp_path / "o-lon.tsv"
    path.write_text("\t".join(HEADER) + "\n1\tLê Thị A\t" + "THCS Him Lam " * 200_000 + "\t\t\n", encoding="utf-8")
    row = read_table(path).rows[0]
    assert row.get("post") == ""
    assert row.problems[0].message == "ô ở cột thứ 3 dài 2.600.000 ký tự."


# PDF (optional, pdfplumber)


def _pdf_from_image(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (200, 100), "white").save(path)
    return path


def test_a_scanned_pdf_asks_for_the_word_or_excel_file(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber")
    path = _pdf_from_image(tmp_path / "scan.pdf")
    with pytest.raises(RosterError, match=r"scan\.pdf: tệp PDF này là bản chụp .*Word \(\.docx\) hoặc Excel"):
        read_grids(path)


def test_without_pdfplumber_a_pdf_gets_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pdfplumber(name: str, *args: object, **kwargs: object) -> object:
        if name == "pdfplumber":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pdfplumber)
    path = tmp_path / "ds.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(RosterError, match=r"ds\.pdf: máy này chưa cài phần đọc PDF \(gói pdfplumber\)"):
        read_grids(path)


PDF_FIXTURE = Path(__file__).parent / "fixtures" / "import" / "dt-2024-cum.pdf"


def test_a_pdf_with_a_text_layer_reads_like_the_word_file_it_was_printed_from(tmp_path: Path) -> None:
    """The PDF was printed from write_docx's file by LibreOffice (tests/make_pdf_fixture.py)."""
    pytest.importorskip("pdfplumber")
    from_pdf = read_table(PDF_FIXTURE)
    from_word = read_table(DAU_TIENG_2024.write_docx(tmp_path / "ds.docx"))
    assert [r.cells for r in from_pdf.rows] == [r.cells for r in from_word.rows]
    assert [s.heading.label.text for s in from_pdf.sections if s.heading] == ["CỤM MỘT", "CỤM HAI"]


def test_the_pdf_fixture_is_what_libreoffice_prints_today(tmp_path: Path) -> None:
    """Where LibreOffice is at hand, printing the Word file again reads the same."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    pytest.importorskip("pdfplumber")
    source = DAU_TIENG_2024.write_docx(tmp_path / "dt-2024-cum.docx")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    assert [r.cells for r in read_table(tmp_path / "dt-2024-cum.pdf").rows] == \
        [r.cells for r in read_table(PDF_FIXTURE).rows]


def test_a_grid_without_a_header_names_what_it_needs() -> None:
    with pytest.raises(RosterError, match="không tìm thấy dòng tiêu đề"):
        find_roster(Grid("x.tsv", []), lambda text: None)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("title, header, said", [
    ("DANH S¸CH NHãM TO¸N", ["STT", "Hä vµ tªn", "Chøc vô", "§¬n vÞ c«ng t¸c", "M«n"],
     "'DANH S¸CH NHãM TO¸N' gõ bằng bảng mã TCVN3 (ABC)"),
    ("", ["STT", "Hoï vaø teân", "Chöùc vuï", "Ñôn vò coâng taùc", "Moân"], "'Hoï vaø teân' gõ bằng bảng mã VNI"),
])
def test_a_file_typed_in_an_old_font_is_said_to_be_so_not_only_that_it_has_no_header(
        tmp_path: Path, fmt: str, title: str, header: list[str], said: str) -> None:
    """The twenty-second hostile review: a workbook typed in .VnTime got only "không tìm thấy dòng tiêu đề"."""
    path = write_table(tmp_path / f"ds.{fmt}", [[title, None, None, None, None], header,
                                                [1, "Vò §×nh Kh«i", "Gi¸o viªn", "THCS NguyÔn Du", "To¸n"]])
    with pytest.raises(RosterError) as raised:
        read_table(path)
    message = str(raised.value)
    assert "không tìm thấy dòng tiêu đề của danh sách vì chữ trong tệp gõ bằng phông chữ cũ: " + said in message
    assert "Gợi ý: chuyển tệp sang Unicode rồi nhập lại" in message


def test_a_header_typed_in_an_old_font_is_said_to_be_so(tmp_path: Path) -> None:
    path = write_table(tmp_path / "ds.xlsx", [HEADER + ["M«n d¹y"], [1, "Hà Thị Liên", "GV - THCS Him Lam", None,
                                                                     None, "Toán"]])
    [said] = [p for _, p in read_table(path).warnings if "M«n d¹y" in p.message]
    assert said.message == ("cột thứ 6 'M«n d¹y' không được nhập: 'M«n d¹y' gõ bằng bảng mã TCVN3 (ABC), phông chữ "
                            ".VnTime, .VnArial..., không phải chữ Unicode.")
    assert "'TCVN3 (ABC)'" in (said.hint or "")


def test_paths_with_spaces_and_marks(tmp_path: Path) -> None:
    folder = tmp_path / "Danh sách năm 2024"
    folder.mkdir()
    path = folder / "ds cụm.xlsx"
    workbook(path, [HEADER, [1, "A", "GV - THCS X", None, None]])
    assert rows_of(path)[0]["name"] == "A"


# Headings with words between brackets, in the lists offices send

DBP_TEAM = "dbp-to-cot-can-thcs-gv"


def test_a_group_heading_with_a_count_between_brackets_is_read(repo_portal: Portal, tmp_path: Path) -> None:
    """A TSV without a Môn column, each group's heading with its count: the rows go into
    the groups the headings name, as without the count."""
    lines = ["STT\tHọ và tên\tChức vụ\tĐơn vị công tác\tGhi chú",
             "\tNHÓM TOÁN (09 người)\t\t\t",
             "10\tHà Thị Liên\tPhó Hiệu trưởng\tTHCS Him Lam\tNhóm trưởng",
             "11\tNguyễn Thị Hương\tGiáo viên\tTHCS Him Lam\tPhó nhóm trưởng",
             "\tNHÓM NGỮ VĂN (09 người)\t\t\t",
             "1\tTạ Thị Nành\tGiáo viên\tTHCS Nam Thanh\tNhóm trưởng",
             "2\tCao Thị Đại\tHiệu trưởng\tTHCS Him Lam\t"]
    placed = {}
    for name, text in (("dem.tsv", "\n".join(lines)), ("khong-dem.tsv", "\n".join(lines).replace(" (09 người)", ""))):
        path = tmp_path / name
        path.write_text(text + "\n", encoding="utf-8")
        result = import_roster(repo_portal, "pgddt-dien-bien-phu", path, body=DBP_TEAM)
        assert result.errors == [], result.report()
        assert not [p for p in result.all_problems() if "bỏ qua dòng" in p.message]
        placed[name] = [(row.person, row.target, row.role) for row in result.rows]
    assert placed["dem.tsv"] == placed["khong-dem.tsv"] == [
        ("dbp-ha-thi-lien", f"{DBP_TEAM}-toan", "nhom-truong"),
        ("dbp-nguyen-thi-huong", f"{DBP_TEAM}-toan", "pho-nhom-truong"),
        ("dbp-ta-thi-nanh", f"{DBP_TEAM}-ngu-van", "nhom-truong"),
        ("dbp-cao-thi-dai", f"{DBP_TEAM}-ngu-van", "uy-vien")]


def test_a_body_name_as_excel_saves_it_in_a_csv_is_its_heading(tmp_path: Path) -> None:
    """A CSV saved by Excel (UTF-8 with BOM, ';'), no hidden ids: the exact names of the
    bodies are their headings, even one whose words read as no kind of body, and so is
    that name with other words between brackets."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    year_file = data / "years" / "2025-2026" / "so-gddt-mau.yml"
    text = year_file.read_text(encoding="utf-8")
    assert text.count("name: Cụm chuyên môn phía Bắc huyện (dữ liệu mẫu)") == 1
    year_file.write_text(text.replace("name: Cụm chuyên môn phía Bắc huyện (dữ liệu mẫu)",
                                      "name: Nhóm Phía Bắc (dữ liệu mẫu)"), encoding="utf-8")
    portal, _ = load(data)
    rows = [["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Vai trò", "Ghi chú"],
            ["", "Nhóm Toán (dữ liệu mẫu)", "", "", "", ""],
            ["1", "Phạm Thị Lan", "Giáo viên", "THCS Bình Minh (dữ liệu mẫu)", "Nhóm trưởng", ""],
            ["2", "Đỗ Thị Mỹ Duyên", "Giáo viên", "THCS Bình Minh (dữ liệu mẫu)", "Ủy viên", ""],
            ["", "Nhóm Phía Bắc (dữ liệu mẫu)", "", "", "", ""],
            ["", "Tô Quang Vinh", "Hiệu trưởng", "THCS Lê Quý Đôn (dữ liệu mẫu)", "Cụm trưởng", ""],
            ["", "NHÓM PHÍA BẮC (tiếp theo)", "", "", "", ""],
            ["", "Kiều Thị Phương", "Hiệu trưởng", "THCS An Nhơn (dữ liệu mẫu)", "Phó Cụm trưởng", ""]]
    path = tmp_path / "ds.csv"
    path.write_bytes("\r\n".join(";".join(row) for row in rows).encode("utf-8-sig") + b"\r\n")
    result = import_roster(portal, "so-gddt-mau", path)
    assert result.errors == [], result.report()
    assert not [p for p in result.all_problems() if "bỏ qua dòng" in p.message]
    assert [(row.person, row.target) for row in result.rows] == [
        ("mau-pham-thi-lan", "mau-to-cot-can-toan"), ("mau-do-thi-my-duyen", "mau-to-cot-can-toan"),
        ("mau-to-quang-vinh", "mau-cum-2"), ("mau-kieu-thi-phuong", "mau-cum-2")]
