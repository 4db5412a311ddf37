"""Roster files built the way offices really make them, for the importer's tests and the
end-to-end test of a new school year.

A `Roster` is one signed list: the title rows of a decision ("UBND HUYỆN ...", "DANH
SÁCH ...", "(Kèm theo Quyết định số ...)"), a header, section headings inside the table
("CỤM MỘT"), rows with spelling variants of schools, and cells merged down as Excel and
Word users merge them (a role over two rows, a school over its teachers, a subject over
its group). `write_xlsx` merges with openpyxl (`merge_cells`), `write_docx` with
python-docx (`_Cell.merge`: w:vMerge down a column, w:gridSpan across a heading row);
in the Word file, every heading after the first is a paragraph between two tables, the
second table without a header, and a signature table follows the list, as in a real
decision.

Each row also says what the importer must find: the person (by name as in the data, or
a new person), the role, the unit and the body. `DAU_TIENG_2024` is Dầu Tiếng's list of
its two clusters for 2024-2025, to import after starting that year from 2023-2024
(data/years/2023-2024/pgddt-dau-tieng.yml): new teachers (fictional names), one who
moved school (Đỗ Tấn Nhạn, from TH Minh Thạnh to TH Minh Hòa) and one who left (Lê
Văn Hoà, Cụm Một's cluster leader, is not in it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils.cell import range_boundaries


def write_table(path: Path, rows: Sequence[Sequence[object]], merges: tuple[str, ...] = (),
                paragraphs: bool = False) -> Path:
    """One table as a clerk types it, in Excel or Word by the path's suffix, with cells
    merged as Excel ranges: "B1:C1" a header over two columns (w:gridSpan in Word), "A1:A2"
    down two rows (w:vMerge). A cell a merge covers is None in `rows`. A cell's lines are
    lines of one cell (Alt+Enter in Excel; Shift+Enter in Word), or in Word with
    `paragraphs` one paragraph each (Enter)."""
    if path.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(list(row))
        for merge in merges:
            sheet.merge_cells(merge)
        book.save(path)
        return path
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            first, *more = str(value).split("\n") if paragraphs else [str(value)]
            table.cell(r, c).text = first
            for line in more:
                table.cell(r, c).add_paragraph(line)
    for merge in merges:
        first_column, first_row, last_column, last_row = range_boundaries(merge)
        assert first_column is not None and first_row is not None and last_column is not None and last_row is not None
        text = table.cell(first_row - 1, first_column - 1).text
        table.cell(first_row - 1, first_column - 1).merge(table.cell(last_row - 1, last_column - 1)).text = text
    document.save(str(path))
    return path


COLUMNS = ("STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Môn", "Ghi chú")
_STT, _NAME, _POSITION, _UNIT, _SUBJECT, _NOTE = range(len(COLUMNS))


@dataclass(frozen=True)
class Row:
    """One printed row, and what it means."""

    stt: int
    name: str  # as printed (an honorific may stand before it)
    position: str
    unit_text: str  # as printed: a spelling variant of the school's name
    subject: str
    note: str  # the Ghi chú, as it reads (also where a merged cell gives it)
    person: str  # the person's name in the data (or the new person's)
    role: str
    unit: str  # the school id


@dataclass(frozen=True)
class Merge:
    """A cell merged down over rows `first`..`last` (indexes into the section's rows)."""

    column: int
    first: int
    last: int


@dataclass(frozen=True)
class Section:
    heading: str  # as printed
    body: str  # the body id it names
    rows: tuple[Row, ...]
    merges: tuple[Merge, ...] = ()


@dataclass(frozen=True)
class Roster:
    office: str
    year: str
    title: tuple[str, ...]  # the rows above the header
    sections: tuple[Section, ...]

    def expected(self) -> list[tuple[str, int, str, str, str]]:
        """(body, stt, person's name, role, unit) of every row, in order."""
        return [(s.body, r.stt, r.person, r.role, r.unit) for s in self.sections for r in s.rows]

    def _merged_away(self, section: Section) -> set[tuple[int, int]]:
        """(row, column) of the cells that a merge covers below its first row."""
        return {(i, m.column) for m in section.merges for i in range(m.first + 1, m.last + 1)}

    def _cells(self, section: Section, index: int) -> list[str]:
        row = section.rows[index]
        cells = [str(row.stt), row.name, row.position, row.unit_text, row.subject, row.note]
        for i, column in self._merged_away(section):
            if i == index:
                cells[column] = ""
        return cells

    def write_xlsx(self, path: Path) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "DS cụm"
        last_column = len(COLUMNS)
        for text in self.title:
            sheet.append([text] if text else [])
            if text:
                sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                                  end_column=last_column)
        sheet.append(list(COLUMNS))
        for section in self.sections:
            sheet.append([section.heading])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                              end_column=last_column)
            first = sheet.max_row + 1
            for index in range(len(section.rows)):
                cells = self._cells(section, index)
                sheet.append([int(cells[0])] + [c or None for c in cells[1:]])
            for merge in section.merges:
                sheet.merge_cells(start_row=first + merge.first, start_column=merge.column + 1,
                                  end_row=first + merge.last, end_column=merge.column + 1)
        book.save(path)
        return path

    def write_docx(self, path: Path) -> Path:
        import docx

        document = docx.Document()
        motto = document.add_table(rows=2, cols=2)  # the national motto beside the office, as a table
        motto.cell(0, 0).text = "UBND HUYỆN DẦU TIẾNG"
        motto.cell(1, 0).text = "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"
        motto.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        motto.cell(1, 1).text = "Độc lập - Tự do - Hạnh phúc"
        for text in self.title[2:]:
            if text:
                document.add_paragraph(text)
        table = self._docx_table(document, with_header=True)
        for number, section in enumerate(self.sections):
            if number > 0:  # a heading paragraph between two tables, the next without a header
                document.add_paragraph(section.heading)
                table = self._docx_table(document, with_header=False)
            else:
                heading = table.add_row()
                heading.cells[0].merge(heading.cells[-1])  # w:gridSpan over the whole row
                heading.cells[0].text = section.heading
            first = len(table.rows)
            for index in range(len(section.rows)):
                cells = table.add_row().cells
                for column, text in enumerate(self._cells(section, index)):
                    cells[column].text = text
            for merge in section.merges:  # w:vMerge down the column
                table.cell(first + merge.first, merge.column).merge(table.cell(first + merge.last, merge.column))
        document.add_paragraph(f"Danh sách này có {sum(len(s.rows) for s in self.sections)} người./.")
        signature = document.add_table(rows=1, cols=2)
        signature.cell(0, 0).text = "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT."
        signature.cell(0, 1).text = "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG"
        document.save(str(path))
        return path

    @staticmethod
    def _docx_table(document: object, with_header: bool) -> object:
        table = document.add_table(rows=0, cols=len(COLUMNS))  # type: ignore[attr-defined]
        table.style = "Table Grid"
        if with_header:
            for cell, text in zip(table.add_row().cells, COLUMNS, strict=True):
                cell.text = text
        return table


DAU_TIENG_2024 = Roster(
    office="pgddt-dau-tieng",
    year="2024-2025",
    title=(
        "UBND HUYỆN DẦU TIẾNG",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "DANH SÁCH THÀNH VIÊN CÁC CỤM CHUYÊN MÔN - NGHIỆP VỤ CẤP TIỂU HỌC NĂM HỌC 2024-2025",
        "(Kèm theo Quyết định số 75/QĐ-PGDĐT ngày 16/9/2024 của Phòng GDĐT huyện Dầu Tiếng)",
        "",
    ),
    sections=(
        Section("CỤM MỘT", "dt-cum-mot", (
            Row(1, "Bà Nguyễn Thị Thu Vân", "Hiệu trưởng", "Trường TH Bến Súc", "", "Cụm trưởng",
                "Nguyễn Thị Thu Vân", "cum-truong", "dt-th-ben-suc"),
            Row(2, "Trần Văn Khải", "Phó Hiệu trưởng", "Tiểu học Dầu Tiếng", "", "Phó Cụm trưởng",
                "Trần Văn Khải", "pho-cum-truong", "dt-th-dau-tieng"),
            Row(3, "Lâm Thị Hồng Nhung", "Hiệu trưởng", "TH Định Hiệp", "", "Phó Cụm trưởng",
                "Lâm Thị Hồng Nhung", "pho-cum-truong", "dt-th-dinh-hiep"),
            Row(4, "Võ Minh Tâm", "Giáo viên", "TH Thanh An", "Toán", "Thư ký",
                "Võ Minh Tâm", "thu-ky", "dt-th-thanh-an"),
            Row(5, "Phạm Thị Ngọc Hà", "Giáo viên", "TH Thanh An", "Toán", "",
                "Phạm Thị Ngọc Hà", "thanh-vien", "dt-th-thanh-an"),
            Row(6, "Hồ Thanh Bình", "Giáo viên", "TH Thanh An", "Tiếng Anh", "",
                "Hồ Thanh Bình", "thanh-vien", "dt-th-thanh-an"),
        ), merges=(Merge(_NOTE, 1, 2), Merge(_UNIT, 3, 5), Merge(_SUBJECT, 3, 4))),
        Section("CỤM HAI", "dt-cum-hai", (
            Row(1, "Ông Đỗ Tấn Nhạn", "Hiệu trưởng", "TH Minh Hoà", "", "Cụm trưởng",
                "Đỗ Tấn Nhạn", "cum-truong", "dt-th-minh-hoa"),
            Row(2, "Đặng Thị Kim Oanh", "P. Hiệu trưởng", "TH&THCS Long Tân", "", "Phó Cụm trưởng",
                "Đặng Thị Kim Oanh", "pho-cum-truong", "dt-th-thcs-long-tan"),
            Row(3, "Bùi Văn Lộc", "Giáo viên", "T TH Minh Thạnh", "Toán", "",
                "Bùi Văn Lộc", "thanh-vien", "dt-th-minh-thanh"),
            Row(4, "Huỳnh Thị Mai Anh", "Giáo viên", "T TH Minh Thạnh", "Toán", "",
                "Huỳnh Thị Mai Anh", "thanh-vien", "dt-th-minh-thanh"),
            Row(5, "Tạ Quang Vinh", "Giáo viên", "TH Long Hoà", "Tiếng Anh", "",
                "Tạ Quang Vinh", "thanh-vien", "dt-th-long-hoa"),
        ), merges=(Merge(_UNIT, 2, 3), Merge(_SUBJECT, 2, 3))),
    ),
)
