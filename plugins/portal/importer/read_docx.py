"""A Word decision (.docx) into one grid: its paragraphs and table rows in reading order.

A decision holds several tables (the national motto at the top, the DANH SÁCH, the
signatures) and paragraphs between them; headings of the list may be paragraphs
between two tables or rows inside one. Every table row is a `GridRow` of its table
(numbered from 1), every non-empty paragraph a one-cell row of table -1; the layout step
decides which are the roster.

A table of one column whose cells hold tables (a frame laid around the whole decision) is read
as what its cells hold, in order: its tables are tables of the file, its paragraphs paragraphs.
Any other table holding a table (a roster with a small table in a cell) is read as rows.

A file with tracked changes not yet accepted or rejected (w:ins, w:del, w:moveFrom, w:moveTo
in its body) is refused: python-docx reads no inserted text and some deleted text.

Merged cells as Word stores them (python-docx's `CT_Tc`): `w:vMerge` continues the
cell above, whose text then belongs to this row too; `w:gridSpan` widens a cell over
several grid columns, the covered ones empty; `w:gridBefore` skips columns at the start.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import RosterError
from .grid import Grid, GridRow, Merge, RowBuilder
from .limits import Limits, thousands


def read_docx(path: Path, shown: str, limits: Limits) -> Grid:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        _refuse_tracked_changes(document, shown)
        build = RowBuilder(shown, limits)
        rows: list[GridRow] = []
        count = {"tables": 0, "paragraphs": 0}

        def read(blocks: Any) -> None:
            for block in blocks:
                if isinstance(block, Paragraph):
                    count["paragraphs"] += 1
                    if block.text.strip():
                        rows.append(build.row(None, f"đoạn văn {count['paragraphs']}", [(block.text, "")], -1))
                elif isinstance(block, Table) and _frames(block):
                    for cell in _cells(block):  # a frame around the decision: what it holds, in order
                        read(cell.iter_inner_content())
                elif isinstance(block, Table):
                    count["tables"] += 1
                    rows.extend(_table_rows(block, count["tables"], build))
                if len(rows) > limits.rows:
                    raise RosterError(f"{shown}: tệp có hơn {thousands(limits.rows)} dòng bảng và đoạn văn, quá lớn "
                                      "cho một danh sách. Gợi ý: chép riêng bảng danh sách sang một tệp.")

        read(document.iter_inner_content())
    except RosterError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds on a damaged file
        raise RosterError(f"{shown}: tệp Word bị hỏng hoặc không đúng dạng .docx (lỗi kỹ thuật: "
                          f"{type(exc).__name__}). Gợi ý: mở tệp bằng Word, lưu lại dạng .docx rồi nhập lại.") from None
    return Grid(shown, rows)


# Text a clerk's edits left tracked (Review > Track Changes): inserted, deleted or moved. python-docx
# reads no inserted run and some deleted ones, so what the list says is unknown until they are settled.
_TRACKED = ".//w:ins | .//w:del | .//w:moveFrom | .//w:moveTo"


def _refuse_tracked_changes(document: Any, shown: str) -> None:
    if document.element.body.xpath(_TRACKED):
        raise RosterError(f"{shown}: tệp Word còn những thay đổi được theo dõi (thêm, xóa, chuyển chữ) chưa chấp "
                          "nhận hay từ chối, nên không biết danh sách ghi gì. Gợi ý: mở tệp bằng Word, chọn Xem lại > "
                          "Chấp nhận > Chấp nhận Tất cả Thay đổi (hoặc Từ chối những thay đổi không đúng), lưu lại rồi "
                          "nhập lại.")


def _frames(table: Any) -> bool:
    """A table of one column (every row one cell, after merges) that holds tables in its cells:
    a frame laid around the decision (or its list), read as what it holds rather than as rows.
    A roster with a small table in one of its cells is a roster, that cell's text its paragraphs'."""
    rows = table._tbl.tr_lst
    return (all(len(tr.tc_lst) == 1 and not tr.grid_before for tr in rows)
            and any(tc.tbl_lst for tr in rows for tc in tr.tc_lst))


def _cells(table: Any) -> list[Any]:
    """A table's cells in reading order, each once (a merged cell is one)."""
    from docx.table import _Cell

    return [_Cell(tc, table) for tr in table._tbl.tr_lst for tc in tr.tc_lst if tc.vMerge != "continue"]


def _table_rows(table: Any, number: int, build: RowBuilder) -> list[GridRow]:
    from docx.table import _Cell

    rows = []
    above: list[str] = []  # the text of each grid column in the row above
    for index, tr in enumerate(table._tbl.tr_lst, start=1):
        cells: list[tuple[str, Merge]] = [("", "across")] * tr.grid_before
        numbered = []  # the columns of empty cells Word numbers itself
        for tc in tr.tc_lst:
            column = len(cells)
            if tc.vMerge == "continue":
                first: tuple[str, Merge] = (above[column] if column < len(above) else "", "down")
            else:
                cell = _Cell(tc, table)
                first = (cell.text, "")
                if not cell.text.strip() and _auto_numbered(cell):
                    numbered.append(column)
            cells.append(first)
            cells.extend([("", "across")] * (tc.grid_span - 1))
        above = [text for text, _ in cells]
        row = build.row(None, f"bảng {number}, hàng {index}", cells, number)
        for column in numbered:
            row.cells[column] = replace(row.cells[column], auto_numbered=True)
        rows.append(row)
    return rows


def _auto_numbered(cell: Any) -> bool:
    """Whether a paragraph of the cell carries Word's automatic numbering (Home > Numbering, or a
    numbered style such as List Number): Word shows a number that is no text of the cell."""
    for paragraph in cell.paragraphs:
        properties = paragraph._p.pPr
        numbering = properties.numPr if properties is not None else None
        style = paragraph.style
        while numbering is None and style is not None:  # the style's, else the one it is based on
            numbering = style.element.pPr.numPr if style.element.pPr is not None else None
            style = style.base_style
        if numbering is not None and numbering.numId is not None and numbering.numId.val != 0:
            return True  # numId 0 is numbering taken off
    return False
