"""Find the roster in a grid: its header row, its data rows, and the headings that
split it into sections ("CỤM 01", "NHÓM TOÁN", "I. CÁN BỘ QUẢN LÝ").

- The header is the first row naming the columns ("STT", "Họ và tên", "Chức vụ - Đơn vị
  công tác", ...), whatever the spelling or marks; rows above it (titles, "UBND HUYỆN
  ...", "(Kèm theo Quyết định số ...)") are skipped. A repeated header starts a new
  table. In a Word file, a later table without a header continues the roster when it has
  as many columns (a list broken by a heading paragraph or a page); other tables (the
  signatures, the national motto) are not the roster.
- A heading is a row with a single text (a cell merged over the row, or a paragraph
  between tables), or a Roman numeral or letter in the STT column with a text beside it,
  or a body id in the workbook's "Mã tổ chức" column; its text must read as a heading
  (headings.read_heading). Any other single text is skipped with a warning, unless it
  is an unnumbered name (a person whose other cells are missing: the row reports it).
- A row numbering the columns ("(1) (2) (3) …" under the header) is not a row of the list.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..problems import Problem
from .errors import RosterError
from .grid import Grid, GridRow, row_problem
from .headings import HeadingLabel
from .keys import body_key, compact, name_problem

HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "sott", "sothutu"),
    "name": ("hovaten", "hoten", "hotengiaovien", "hovatengiaovien", "hotencanbo"),
    "school": ("tentruong", "truong", "tendonvi", "donvi", "truongthcs", "truongth"),
    "post": ("chucvudonvicongtac", "chucvudonvi", "chucvunoicongtac", "chucvuvadonvicongtac"),
    "position": ("chucvu",),
    "unit": ("donvicongtac", "noicongtac", "truongcongtac"),
    "subject": ("mon", "monhoc", "bomon", "phanmon", "monphanmon", "gvcotcanmonphanmon",
                "giaoviencotcanmonphanmon", "cotcanmon", "gvcotcanmon"),
    "role": ("vaitro", "vaitrotrongto", "vaitrotrongnhom", "vaitrotrongcum", "nhiemvu"),
    "note": ("ghichu",),
    # A list the portal published (exports.ROSTER_COLUMNS): the day an amending decision put
    # a row in. Such rows are not part of the list as signed: they are left out.
    "since": ("tungay",),
    # The workbook for next year (workbook.py) carries the ids in hidden columns.
    "body_id": ("matochuc",),
    "member_id": ("mathanhvien",),
    "unit_id": ("madonvi",),
}
LABELS = {"stt": "STT", "name": "Họ và tên", "school": "Tên trường", "post": "Chức vụ - Đơn vị công tác",
          "position": "Chức vụ", "unit": "Đơn vị công tác", "subject": "Môn", "role": "Vai trò",
          "note": "Ghi chú", "since": "Từ ngày", "body_id": "Mã tổ chức", "member_id": "Mã thành viên",
          "unit_id": "Mã đơn vị"}
ID_KEYS = frozenset({"body_id", "member_id", "unit_id"})
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-Za-z])\s*[.)]?$")


def _is_number(text: str) -> bool:
    return text.rstrip(".").isdigit()


_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")


def _numbers_the_columns(texts: list[str]) -> bool:
    """The row under an administrative table's header that numbers its columns: "(1) (2)
    (3) …" or "1 2 3 …", every cell in order."""
    found = [_COLUMN_NUMBER.match(t) for t in texts if t]
    return len(found) >= 3 and all(found) and [int(m[1]) for m in found if m] == list(range(1, len(found) + 1))


@dataclass
class TableRow:
    """One data row: where it is, its cells by column key, the keys whose value came
    from a cell merged down from a row above, and what reading it found wrong."""

    order: int  # its position in the file, for the report's order
    line: int | None
    place: str
    cells: dict[str, str]
    merged: frozenset[str] = frozenset()
    problems: list[Problem] = field(default_factory=list)
    refused: frozenset[str] = frozenset()  # keys whose cell a reading check refused (its problem is above)
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)  # keys whose cell has line breaks: its lines

    def get(self, key: str) -> str:
        return self.cells.get(key, "")


@dataclass(frozen=True)
class Heading:
    label: HeadingLabel
    order: int
    line: int | None
    place: str
    body_id: str | None  # from the workbook's hidden "Mã tổ chức" column


@dataclass
class Section:
    heading: Heading | None
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class Table:
    source: str
    columns: dict[str, int]  # column key -> index, of the first header
    sections: list[Section]
    warnings: list[tuple[int, Problem]] = field(default_factory=list)  # (order, problem)
    notes: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[TableRow]:
        return [row for section in self.sections for row in section.rows]


def _header_key(cell: str, fuzzy: bool) -> str | None:
    key = compact(cell)
    if not key or len(key) > 40:
        return None
    for column, names in HEADERS.items():
        if key in names:
            return column
    if "chucvu" in key and "donvi" in key:
        return "post"
    if key.startswith(("hovaten", "hoten")):
        return "name"
    if "ghichu" in key:
        return "note"
    if "mon" in key and len(key) <= 25 and "donvi" not in key and "chucvu" not in key:
        return "subject"
    if not fuzzy:
        return None
    best, score = None, 0.0
    for column in ("name", "post", "unit", "note"):  # a slip in a long header; never in short ones
        for name in HEADERS[column]:
            ratio = difflib.SequenceMatcher(None, key, name).ratio()
            if len(name) >= 6 and ratio > score:
                best, score = column, ratio
    return best if score >= 0.85 else None


def header_keys(cells: list[str], fuzzy: bool = True) -> tuple[dict[str, int], list[str]]:
    """The columns a row names if it can serve as the header of a roster, and every
    column key it names (to explain a header that falls short)."""
    found: dict[str, int] = {}
    if any(cell.isdigit() for cell in cells):
        return {}, []  # a numbered row is data, whatever its words
    for index, cell in enumerate(cells):
        key = _header_key(cell, fuzzy)
        if key and key not in found:
            found[key] = index
    if "name" in found and "school" in found and "post" not in found and "unit" not in found:
        found["unit"] = found.pop("school")  # "Họ và tên | Đơn vị": the school is the unit
    usable = len(found) >= 2 and (("name" in found and ("post" in found or "position" in found or "unit" in found))
                                  or ("school" in found and "name" not in found))
    return (found if usable else {}), list(found)


HeadingReader = Callable[[str], HeadingLabel | None]


class _Layout:
    def __init__(self, grid: Grid, read_heading: HeadingReader) -> None:
        self.grid = grid
        self.read_heading = read_heading
        self.columns: dict[str, int] = {}
        self.first_columns: dict[str, int] = {}
        self.width = 0  # the header's number of cells
        self.table = -2  # the grid table the roster is in now
        self.in_roster = False
        self.near_miss: tuple[GridRow, list[str]] | None = None
        self.sections = [Section(None)]
        self.warnings: list[tuple[int, Problem]] = []
        self.amended_rows = 0  # rows of a published list that an amending decision put in
        # A heading paragraph just before the table whose header starts the roster.
        self.pending: Heading | None = None

    def run(self) -> Table:
        for order, row in enumerate(self.grid.rows):
            texts = row.texts()
            if not any(texts):
                continue
            if row.table == -1:
                self._paragraph(order, row, texts[0])
            else:
                self._table_row(order, row, texts)
        return self._table()

    def _paragraph(self, order: int, row: GridRow, text: str) -> None:
        """A paragraph of a Word file: a heading of the list, or prose to pass over."""
        label = self.read_heading(text)
        heading = Heading(label, order, row.line, row.place, None) if label is not None else None
        if not self.first_columns:
            self.pending = heading
        elif heading is not None:
            self.sections.append(Section(heading))

    def _table_row(self, order: int, row: GridRow, texts: list[str]) -> None:
        if row.table != self.table:  # a new table of a Word file
            self.table = row.table
            self.in_roster = bool(self.first_columns) and len(texts) == self.width
        header, named = header_keys(texts, fuzzy=not self.first_columns)
        if header:
            if not self.first_columns and self.pending is not None:
                self.sections.append(Section(self.pending))
            self.columns = header
            self.first_columns = self.first_columns or header
            self.width = len(texts)
            self.in_roster = True
            return
        if len(named) >= 2 and self.near_miss is None:
            self.near_miss = (row, named)
        if not self.first_columns:
            self.pending = None  # a heading paragraph counts only right above the header
        if not self.in_roster:
            return  # a title above the table, or a table that is not the roster
        self._data_row(order, row, texts)

    def _data_row(self, order: int, row: GridRow, texts: list[str]) -> None:
        if _numbers_the_columns(texts):
            return
        values = {key: (texts[i] if i < len(texts) else "") for key, i in self.columns.items()}
        merged = frozenset(key for key, i in self.columns.items()
                           if i < len(row.cells) and row.cells[i].merged == "down")
        heading = self._heading(order, row, values)
        if heading is not None:
            self.sections.append(Section(heading))
            return
        if values.get("since"):
            self.amended_rows += 1
            return
        visible = [t for i, t in enumerate(texts) if t and i not in self._id_columns()]
        stt = values.get("stt", "")
        if _is_number(stt) and not any(v for k, v in values.items() if k not in ID_KEYS and k != "stt"):
            return  # a numbered row left empty (a template's spare rows)
        lone_name = values.get("name") or values.get("school")
        if len(set(visible)) == 1 and (not lone_name or not stt and name_problem(lone_name)):
            self.warnings.append((order, row_problem(
                self.grid.source, row, f"bỏ qua dòng '{visible[0]}': không phải một người, một trường hay "
                "tên một tổ chức.", hint="nếu đây là tên một cụm, nhóm hay tổ, viết rõ như 'Cụm 01', "
                "'Nhóm Toán'.", severity="warning")))
            return
        refused = frozenset(key for key, i in self.columns.items() if i < len(row.cells) and row.cells[i].refused)
        lines = {key: row.cells[i].lines for key, i in self.columns.items()
                 if i < len(row.cells) and row.cells[i].lines}
        self.sections[-1].rows.append(TableRow(order, row.line, row.place, values, merged, list(row.problems),
                                               refused, lines))

    def _id_columns(self) -> set[int]:
        return {i for key, i in self.columns.items() if key in ID_KEYS}

    def _heading(self, order: int, row: GridRow, values: dict[str, str]) -> Heading | None:
        """The heading this row is, if it is one (see the module's docstring)."""
        own = [cell.text for i, cell in enumerate(row.cells)
               if cell.text and cell.merged != "down" and i not in self._id_columns()]
        stt = values.get("stt", "")
        body_id = values.get("body_id") or None
        text: str | None = None
        if len(set(own)) == 1:
            text = own[0]
        elif len(own) == 2 and _ROMAN_OR_LETTER.match(stt) and stt in own:
            text = next(t for t in own if t != stt)  # "I | CÁN BỘ QUẢN LÝ | | |"
        if text is None or _is_number(stt):
            return None
        label = self.read_heading(text)
        if body_id and not values.get("member_id"):
            # The workbook names the body by its id: a heading whatever its words.
            label = label or HeadingLabel(text, body_key(text), (), None, None)
        if label is None:
            return None
        return Heading(label, order, row.line, row.place, body_id)

    def _table(self) -> Table:
        source = self.grid.source
        if not self.first_columns:
            if self.near_miss:
                row, named = self.near_miss
                have = ", ".join(f"'{LABELS[k]}'" for k in named)
                missing = [] if "name" in named else ["'Họ và tên'"]
                if not {"post", "position", "unit"} & set(named):
                    missing.append("'Chức vụ - Đơn vị công tác'")
                where = f"dòng {row.line}" if row.line is not None else row.place
                raise RosterError(f"{source}, {where}: dòng tiêu đề thiếu cột {' và '.join(missing)} "
                                  f"(chỉ thấy {have}).")
            raise RosterError(f"{source}: không tìm thấy dòng tiêu đề của danh sách (cần các cột 'STT', "
                              "'Họ và tên', 'Chức vụ - Đơn vị công tác', có thể thêm 'Môn', 'Ghi chú').")
        notes = list(self.grid.notes)
        if self.amended_rows:
            notes.append(f"Bỏ qua {self.amended_rows} dòng có 'Từ ngày': các dòng quyết định điều chỉnh bổ sung "
                         "trong năm học. Danh sách nhập là danh sách ban đầu; quyết định điều chỉnh ghi vào "
                         "mục 'amendments' của tổ chức.")
        table = Table(source, self.first_columns, self.sections, self.warnings, notes)
        if not table.rows:
            raise RosterError(f"{source}: có dòng tiêu đề nhưng không có dòng danh sách nào bên dưới.")
        return table


def find_roster(grid: Grid, read_heading: HeadingReader) -> Table:
    """The roster in a grid; raises RosterError when there is no header or no row."""
    return _Layout(grid, read_heading).run()
