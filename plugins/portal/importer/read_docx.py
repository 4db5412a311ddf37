"""A Word decision (.docx) into one grid: its paragraphs and table rows in reading order.

A decision holds several tables (the national motto at the top, the DANH SÁCH, the
signatures) and paragraphs between them; headings of the list may be paragraphs
between two tables or rows inside one. Every table row is a `GridRow` of its table
(numbered from 1), every non-empty paragraph a one-cell row of table -1; the layout step
decides which are the roster.

A table of one column whose cells hold tables (a frame laid around the whole decision) is read
as what its cells hold, in order: its tables are tables of the file, its paragraphs paragraphs.
Any other table holding a table (a roster with a small table in a cell) is read as rows.

Merged cells as Word stores them (python-docx's `CT_Tc`): `w:vMerge` continues the
cell above, whose text then belongs to this row too; `w:gridSpan` widens a cell over
several grid columns, the covered ones empty; `w:gridBefore` skips columns at the start.
"""

from __future__ import annotations

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
        for tc in tr.tc_lst:
            column = len(cells)
            if tc.vMerge == "continue":
                first: tuple[str, Merge] = (above[column] if column < len(above) else "", "down")
            else:
                first = (_Cell(tc, table).text, "")
            cells.append(first)
            cells.extend([("", "across")] * (tc.grid_span - 1))
        above = [text for text, _ in cells]
        rows.append(build.row(None, f"bảng {number}, hàng {index}", cells, number))
    return rows
