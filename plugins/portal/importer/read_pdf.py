"""A PDF with a text layer into a grid of its tables (optional: needs pdfplumber).

Tables are found by pdfplumber from the lines drawn around the cells; the lines of
text outside them become paragraphs, in their place on the page (a heading between two
tables). A merged cell is one box over several grid places: the places under its first
row get its text (a vertical merge), the others stay empty. A scanned PDF
has no text to read, and a PDF without drawn tables gives nothing reliable: both get a
message asking for the Word or Excel file the office signed it from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import RosterError
from .grid import Grid, GridRow, Merge, RowBuilder
from .limits import Limits, thousands

_ASK_FOR_SOURCE = "Gợi ý: dùng tệp Word (.docx) hoặc Excel (.xlsx) mà văn bản được in ra từ đó."


def read_pdf(path: Path, shown: str, limits: Limits) -> Grid:
    try:
        import pdfplumber
    except ImportError:
        raise RosterError(f"{shown}: máy này chưa cài phần đọc PDF (gói pdfplumber). {_ASK_FOR_SOURCE} "
                          "Hoặc cài thêm: pip install 'portal-cot-can[pdf]'.") from None
    build = RowBuilder(shown, limits, line_breaks=False)  # a cell's text wraps at its box's width
    rows: list[GridRow] = []
    has_text = False
    tables = 0
    try:
        with pdfplumber.open(path) as pdf:
            for page_number, page in enumerate(pdf.pages, start=1):
                has_text = has_text or bool(page.chars)
                found_tables = page.find_tables()
                # Lines of text outside the tables (a heading between two of them), by position.
                blocks: list[tuple[float, Any]] = [(found.bbox[1], found) for found in found_tables]
                blocks += [(line["top"], line["text"]) for line in page.extract_text_lines()
                           if not any(_inside(line, found.bbox) for found in found_tables)]
                for _, block in sorted(blocks, key=lambda item: item[0]):
                    if isinstance(block, str):
                        rows.append(build.row(None, f"trang {page_number}", [(block, "")], -1))
                    else:
                        tables += 1
                        rows.extend(_table_rows(block, page_number, tables, build))
                if len(rows) > limits.rows:
                    raise RosterError(f"{shown}: tệp có hơn {thousands(limits.rows)} dòng bảng, quá lớn cho một "
                                      "danh sách.")
    except RosterError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on a damaged file
        raise RosterError(f"{shown}: tệp PDF bị hỏng hoặc có mật khẩu (lỗi kỹ thuật: {type(exc).__name__}). "
                          f"{_ASK_FOR_SOURCE}") from None
    if not has_text:
        raise RosterError(f"{shown}: tệp PDF này là bản chụp (ảnh quét), không có chữ để đọc. {_ASK_FOR_SOURCE}")
    if not rows:
        raise RosterError(f"{shown}: không tìm thấy bảng nào có kẻ ô trong tệp PDF. {_ASK_FOR_SOURCE}")
    return Grid(shown, rows)


def _inside(line: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return bool(line["x0"] >= x0 - 1 and line["x1"] <= x1 + 1
                and line["top"] >= top - 1 and line["bottom"] <= bottom + 1)


def _table_rows(found: Any, page: int, number: int, build: RowBuilder) -> list[GridRow]:
    """The rows of one pdfplumber table. A merged cell is one box over several grid
    places: the places under its first row get its text, the others stay empty."""
    texts: list[list[str | None]] = found.extract()
    boxes: list[list[Any]] = [list(row.cells) for row in found.rows]
    rows = []
    for index, (values, row_boxes) in enumerate(zip(texts, boxes, strict=True), start=1):
        cells: list[tuple[str, Merge]] = []
        for column, value in enumerate(values):
            if value is not None:
                cells.append((value, ""))
                continue
            top = row_boxes[column] is None and _box_above(boxes, texts, index - 1, column, row_boxes)
            cells.append((top, "down") if isinstance(top, str) else ("", "across"))
        rows.append(build.row(None, f"trang {page}, bảng {number}, hàng {index}", cells, number))
    return rows


def _box_above(boxes: list[list[Any]], texts: list[list[str | None]], row: int, column: int,
               row_boxes: list[Any]) -> str | None:
    """The text of a box from a row above that reaches down over this place, if any."""
    own_top = min((box[1] for box in row_boxes if box is not None), default=None)
    for r in range(row - 1, -1, -1):
        box = boxes[r][column] if column < len(boxes[r]) else None
        if box is None:
            continue
        reaches = own_top is None or box[3] > own_top + 1
        return (texts[r][column] or "") if reaches else None
    return None
