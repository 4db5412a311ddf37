"""An Excel workbook (.xlsx) into one grid per visible sheet, merged cells resolved.

openpyxl's read-only mode streams the cells (fast, little memory) but does not report
merged ranges (its `ReadOnlyWorksheet` has no `merged_cells`; they sit after the cells
in the sheet's XML). So the ranges are read from that XML here, with the sheet's path
found through the workbook's relationships, as Excel itself finds it. The same pass finds
formulas saved without their value (openpyxl would read them as empty cells).
"""

from __future__ import annotations

import datetime
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils.cell import range_boundaries

from .errors import RosterError
from .grid import Grid, Merge, RowBuilder
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
    formula has no value saved with it (openpyxl reads those as empty), the hidden rows and
    columns."""

    merged: list[tuple[int, int, int, int]]  # (first column, first row, last column, last row), from 1
    uncomputed: list[str]  # cell references such as "B5"
    hidden: set[int]  # row numbers, from 1
    hidden_columns: set[int]  # column indices, from 0


def _scan_sheet(archive: zipfile.ZipFile, path: str) -> _SheetXml:
    scanned = _SheetXml(merged=[], uncomputed=[], hidden=set(), hidden_columns=set())
    row = 0
    with archive.open(path) as source:
        for _, element in ElementTree.iterparse(source):
            if element.tag == f"{_MAIN}row":
                row = int(element.get("r") or row + 1)  # "r" may be left out: the row after the last
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


def _apply_merges(rows: list[list[tuple[str, Merge]]], ranges: list[tuple[int, int, int, int]]) -> None:
    for min_col, min_row, max_col, max_row in ranges:
        if min_row > len(rows):
            continue
        top = rows[min_row - 1]
        value = top[min_col - 1][0] if min_col <= len(top) else ""
        for r in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < max_col:
                row.extend([("", "")] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                if (r, c) == (min_row, min_col):
                    continue
                row[c - 1] = (value, "down") if c == min_col else ("", "across")


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
    raw: list[list[tuple[str, Merge]]] = []
    for values in sheet.iter_rows(min_row=1, min_col=1, values_only=True):
        if len(raw) >= limits.rows:
            raise RosterError(f"{shown}: trang tính '{sheet.title}' có hơn {thousands(limits.rows)} dòng, quá "
                              "lớn cho một danh sách. Gợi ý: xóa các dòng thừa hoặc tách thành nhiều tệp.")
        raw.append([(_cell_text(value), "") for value in values])
    hidden: set[int] = set()
    hidden_columns: set[int] = set()
    if xml_path in archive.namelist():
        scanned = _scan_sheet(archive, xml_path)
        _refuse_uncomputed(scanned.uncomputed, sheet.title, shown)
        _apply_merges(raw, scanned.merged)
        hidden = scanned.hidden
        hidden_columns = scanned.hidden_columns
    build = RowBuilder(shown, limits)
    rows = [build.row(i, "", cells, 0) for i, cells in enumerate(raw, start=1)]
    return Grid(shown, rows, [f"Đọc trang tính '{sheet.title}'."], sheet.title, frozenset(hidden),
                frozenset(hidden_columns))
