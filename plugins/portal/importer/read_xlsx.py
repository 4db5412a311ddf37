"""An Excel workbook (.xlsx) into one grid per visible sheet, merged cells resolved.

openpyxl's read-only mode streams the cells (fast, little memory) but does not report
merged ranges (its `ReadOnlyWorksheet` has no `merged_cells`; they sit after the cells
in the sheet's XML). So the ranges are read from that XML here, with the sheet's path
found through the workbook's relationships, as Excel itself finds it. The same pass finds
formulas saved without their value (openpyxl would read them as empty cells) and the cells
holding an Excel error ("#N/A", "#REF!": `t="e"`, which openpyxl reads as that text).
"""

from __future__ import annotations

import datetime
import posixpath
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

from .errors import RosterError
from .grid import Grid, GridRow, Merge, RowBuilder
from .limits import Limits, thousands

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the path of its XML inside the package."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PACKAGE_REL}Relationship")}
    paths = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        paths[sheet.get("name", "")] = path
    return paths


@dataclass
class _SheetXml:
    """What openpyxl's read-only mode does not give: the merged ranges, the cells whose
    formula has no value saved with it (openpyxl reads those as empty), the cells holding an
    Excel error (openpyxl reads those as their text), the hidden rows and columns."""

    # (first column, first row, last column, last row), from 1
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    uncomputed: list[str] = field(default_factory=list)  # cell references such as "B5"
    errors: set[tuple[int, int]] = field(default_factory=set)  # (row, column), from 1
    hidden: set[int] = field(default_factory=set)  # row numbers, from 1
    hidden_columns: set[int] = field(default_factory=set)  # column indices, from 0


def _scan_sheet(archive: zipfile.ZipFile, path: str) -> _SheetXml:
    scanned = _SheetXml()
    row = column = 0
    errors: list[int] = []  # the columns of the row being read whose cell holds an error (its number comes last)
    with archive.open(path) as source:
        for _, element in ElementTree.iterparse(source):
            if element.tag == f"{_MAIN}row":
                row = int(element.get("r") or row + 1)  # "r" may be left out: the row after the last
                scanned.errors.update((row, error) for error in errors)
                errors, column = [], 0
                if element.get("hidden") in ("1", "true"):  # hidden by hand, by a filter or a collapsed outline
                    scanned.hidden.add(row)
            elif element.tag == f"{_MAIN}col":  # a run of columns of one width, hidden or not
                if element.get("hidden") in ("1", "true"):
                    first = int(element.get("min") or 1)
                    scanned.hidden_columns.update(range(first - 1, int(element.get("max") or first)))
            elif element.tag == f"{_MAIN}mergeCell":
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                scanned.merged.append((min_col, min_row, max_col, max_row))
            elif element.tag == f"{_MAIN}c":
                reference = element.get("r")  # may be left out too: the cell after the last
                column = coordinate_to_tuple(reference)[1] if reference else column + 1
                if element.get("t") == "e":  # "#N/A", "#REF!": a formula's result, not data
                    errors.append(column)
                # A file written by a program that never calculates (a script, some web
                # exports) keeps the formula but no value: the name would read as empty.
                value = element.find(f"{_MAIN}v")
                if element.find(f"{_MAIN}f") is not None and (value is None or not value.text):
                    scanned.uncomputed.append(element.get("r", "?"))
            else:
                continue  # a cell's parts are read with the cell, then cleared with it
            element.clear()
    return scanned


def _refuse_uncomputed(cells: list[str], sheet: str, shown: str) -> None:
    if not cells:
        return
    named = ", ".join(cells[:5]) + (f" và {len(cells) - 5} ô khác" if len(cells) > 5 else "")
    raise RosterError(f"{shown}: trang tính '{sheet}', ô {named}: có công thức nhưng tệp không lưu giá trị đã "
                      "tính, nên không đọc được nội dung. Gợi ý: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại "
                      "(để công thức được tính), hoặc thay công thức bằng giá trị, rồi nhập lại.")


# A sheet's rows that hold a value, by their line (from 1): an empty row is no row of the grid,
# so a cell formatted far below the list (A1048576) costs nothing but openpyxl's pass over it.
Rows = dict[int, list[tuple[str, Merge]]]


def _apply_merges(rows: Rows, ranges: list[tuple[int, int, int, int]]) -> None:
    """Resolve the merged ranges: the first cell's value down its column, the covered cells
    across empty. A row the merge fills is added; the merge stops at the last row with a value."""
    last = max(rows, default=0)
    for min_col, min_row, max_col, max_row in ranges:
        top = rows.get(min_row, [])
        value = top[min_col - 1][0] if min_col <= len(top) else ""
        for r in range(min_row, min(max_row, last) + 1):
            row = rows.get(r)
            if row is None:
                if not value:
                    continue
                row = rows[r] = []
            if len(row) < max_col:
                row.extend([("", "")] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                if (r, c) == (min_row, min_col):
                    continue
                row[c - 1] = (value, "down") if c == min_col else ("", "across")


def _check_rows(rows: Rows, limits: Limits, sheet: str, shown: str) -> None:
    if len(rows) > limits.rows:
        raise RosterError(f"{shown}: trang tính '{sheet}' có hơn {thousands(limits.rows)} dòng có nội dung, quá "
                          "lớn cho một danh sách. Gợi ý: xóa các dòng thừa hoặc tách thành nhiều tệp.")


def read_xlsx(path: Path, shown: str, limits: Limits) -> list[Grid]:
    """One grid per visible sheet, in the workbook's order. Raises RosterError, in
    Vietnamese, for whatever openpyxl or the zip cannot read."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            paths = _sheet_paths(archive)
            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                return [_read_sheet(archive, paths.get(sheet.title, ""), sheet, shown, limits)
                        for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
            finally:
                workbook.close()
    except RosterError:
        raise
    except ElementTree.ParseError as exc:
        raise RosterError(f"{shown}: tệp Excel bị hỏng (nội dung trang tính không đọc được, dòng XML "
                          f"{exc.position[0]}). Gợi ý: mở tệp bằng Excel, lưu lại dạng .xlsx rồi nhập lại.") from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged workbook
        raise RosterError(f"{shown}: tệp Excel bị hỏng hoặc không đúng dạng .xlsx (lỗi kỹ thuật: "
                          f"{type(exc).__name__}). Gợi ý: mở tệp bằng Excel, lưu lại dạng .xlsx rồi nhập "
                          "lại.") from None


def _read_sheet(archive: zipfile.ZipFile, xml_path: str, sheet: Any, shown: str, limits: Limits) -> Grid:
    sheet.reset_dimensions()  # the stored size may be wrong: read every row there is
    raw: Rows = {}
    for line, values in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1):
        cells: list[tuple[str, Merge]] = [(_cell_text(value), "") for value in values]
        if any(text for text, _ in cells):
            raw[line] = cells
            _check_rows(raw, limits, sheet.title, shown)
    scanned = _scan_sheet(archive, xml_path) if xml_path in archive.namelist() else _SheetXml()
    _refuse_uncomputed(scanned.uncomputed, sheet.title, shown)
    _apply_merges(raw, scanned.merged)
    _check_rows(raw, limits, sheet.title, shown)
    build = RowBuilder(shown, limits)
    rows = {line: build.row(line, "", raw[line], 0) for line in sorted(raw)}
    _mark_errors(rows, _merged_down(scanned.errors, scanned.merged, max(rows, default=0)))
    return Grid(shown, list(rows.values()), [f"Đọc trang tính '{sheet.title}'."], sheet.title,
                frozenset(scanned.hidden), frozenset(scanned.hidden_columns))


def _merged_down(cells: set[tuple[int, int]], ranges: list[tuple[int, int, int, int]],
                 last: int) -> set[tuple[int, int]]:
    """The cells (row, column) and those a merge starting at one of them covers down its column,
    up to the row `last`."""
    covered = {(row, first_column) for first_column, first_row, _, last_row in ranges
               if (first_row, first_column) in cells for row in range(first_row + 1, min(last_row, last) + 1)}
    return cells | covered


def _mark_errors(rows: dict[int, GridRow], cells: set[tuple[int, int]]) -> None:
    """Mark the cells holding an Excel error ("#N/A"), for the layout to refuse where it reads them."""
    for line, column in cells:
        row = rows.get(line)
        if row is not None and column <= len(row.cells):
            row.cells[column - 1] = replace(row.cells[column - 1], excel_error=True)
