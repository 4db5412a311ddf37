"""A file read into a grid of cells, whatever its format, before any meaning is given.

Every reader (text, Excel, Word, PDF) gives a `Grid`: rows of `Cell`s in reading order,
each row knowing where it is in the file (a line, or a table and row of a Word file) so
that every message can name it. A merged cell is resolved here, once: a vertical merge
gives its value to every row it covers (`merged == "down"`; the layout reads a header
cell's value merged down over the list as empty), a horizontal one leaves the covered
cells empty (`merged == "across"`), so that a heading merged over the whole width reads
as one cell of text.

Cells are cleaned as they enter the grid: Unicode NFC, plain single spaces, invisible
format characters (zero-width spaces, soft hyphens, a stray BOM) removed with a
warning (not a soft hyphen that is TCVN3's ư), control characters (NUL, ...) and
over-long cells reported as errors of the row.
A cell written on several lines is read as one line, its lines kept beside it: two names
on two lines of one name cell are two people, not one (rows.py).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from ..problems import Problem, Severity
from .legacy import TCVN3, legacy_font
from .limits import LIMITS, Limits, thousands

Merge = Literal["", "down", "across"]

# Tab, line feed and carriage return are layout inside a cell, not control characters.
_LAYOUT = frozenset("\t\n\r")
_SOFT_HYPHEN = "\xad"


@dataclass(frozen=True)
class Cell:
    text: str
    merged: Merge = ""
    refused: bool = False  # its text failed a reading check (the row's problem says which): read as ""
    lines: tuple[str, ...] = ()  # its lines, cleaned, when a line break splits its text; else ()
    excel_error: bool = False  # its text is an error Excel shows ("#N/A", "#REF!"), a formula's result
    auto_numbered: bool = False  # empty, but Word numbers it itself (automatic numbering): a number not read


@dataclass
class GridRow:
    """One row of a table, or one paragraph of a Word file between its tables."""

    line: int | None  # the line of a text file or the row of a sheet; None in a Word file
    place: str  # where else to look: "bảng 2, hàng 5" in a Word file, else ""
    cells: list[Cell]
    table: int  # which table of the file it belongs to; -1 for a paragraph
    problems: list[Problem] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]


@dataclass
class Grid:
    source: str  # the file as the clerk named it
    rows: list[GridRow]
    # A note for the report about the whole file ("trang tính 'DS'", "bảng 2 của 3").
    notes: list[str] = field(default_factory=list)
    sheet: str | None = None  # the sheet's name, of a workbook
    hidden: frozenset[int] = frozenset()  # the lines of the rows hidden in the sheet
    hidden_columns: frozenset[int] = frozenset()  # the columns hidden in the sheet, from 0


def where(row: GridRow, column: str | None = None) -> str:
    """The Problem path of a cell: the place in a Word file, then the column."""
    parts = [row.place] if row.place else []
    if column:
        parts.append(f"cột '{column}'")
    return ", ".join(parts)


def row_problem(source: str, row: GridRow, message: str, *, column: str | None = None,
                expected: str | None = None, actual: str | None = None, hint: str | None = None,
                severity: Severity = "error") -> Problem:
    return Problem(source, row.line, where(row, column), message, expected=expected, actual=actual,
                   hint=hint, severity=severity)


def clean(text: str) -> str:
    """A cell as the data keeps it: NFC, spaces made plain and single, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def _control_characters(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Cc" and c not in _LAYOUT})


def _without_format_characters(text: str) -> str:
    """The text without its invisible format characters, but for the soft hyphens of a text
    typed in TCVN3: U+00AD is its ư ("H\xad¬ng", Hương), kept for legacy.py to tell and for
    its message to quote the cell as typed."""
    bare = "".join(c for c in text if unicodedata.category(c) != "Cf" or c == _SOFT_HYPHEN)
    return bare if _SOFT_HYPHEN not in bare or legacy_font(bare) is TCVN3 else bare.replace(_SOFT_HYPHEN, "")


def _lines(text: str) -> tuple[str, ...]:
    """The lines of a cell, when it has two or more that are not empty."""
    lines = tuple(line for line in map(clean, _without_format_characters(text).splitlines()) if line)
    return lines if len(lines) > 1 else ()


class RowBuilder:
    """Makes checked, cleaned rows for one file. `line_breaks`: a line break in a cell is
    the writer's (Excel, Word, CSV), not the column's width wrapping the text (PDF)."""

    def __init__(self, source: str, limits: Limits = LIMITS, *, line_breaks: bool = True) -> None:
        self.source = source
        self.limits = limits
        self.line_breaks = line_breaks

    def row(self, line: int | None, place: str, raw: list[tuple[str, Merge]], table: int) -> GridRow:
        row = GridRow(line, place, [], table)
        for index, (text, merged) in enumerate(raw, start=1):
            problems = len(row.problems)
            checked = self._checked(row, index, text)
            refused = not checked and any(p.severity == "error" for p in row.problems[problems:])
            # A printable text has no line break: the common case costs one check.
            lines = _lines(text) if self.line_breaks and checked and not text.isprintable() else ()
            row.cells.append(Cell(checked, merged, refused, lines))
        return row

    def _checked(self, row: GridRow, column: int, text: str) -> str:
        if not text:
            return ""
        if text.isprintable() and len(text) <= self.limits.cell_chars:
            return clean(text)  # the common case, checked at C speed: no control or format character
        if len(text) > self.limits.cell_chars:
            row.problems.append(row_problem(
                self.source, row, f"ô ở cột thứ {column} dài {thousands(len(text))} ký tự.",
                expected=f"mỗi ô tối đa {thousands(self.limits.cell_chars)} ký tự (một họ tên, một chức vụ, "
                         "một tên trường)",
                hint="ô này có lẽ bị dán nhầm cả một đoạn văn bản; sửa lại trong tệp gốc."))
            return ""  # never matched: a long cell would cost minutes and mean nothing
        controls = _control_characters(text)
        if controls:
            row.problems.append(row_problem(
                self.source, row, f"ô ở cột thứ {column} có ký tự điều khiển không in được "
                f"({', '.join(controls)}).", actual=repr(clean(text))[:80],
                hint="tệp có lẽ bị hỏng hoặc chép từ một chương trình khác; gõ lại ô này."))
            return ""
        bare = _without_format_characters(text)
        if bare != text:
            row.problems.append(row_problem(
                self.source, row, f"ô ở cột thứ {column} có ký tự ẩn (khoảng trắng không độ rộng, "
                "dấu gạch mềm...) đã được bỏ đi.", severity="warning"))
        return clean(bare)
