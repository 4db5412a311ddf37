"""Tab-separated text (a table copied from Word) and CSV (saved from Excel) into a grid."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from .errors import RosterError
from .grid import Grid, RowBuilder
from .limits import Limits, thousands


def _utf16(data: bytes) -> str | None:
    """The text of a UTF-16 file (Excel's "Unicode text"), with a BOM or recognised by its
    zero bytes; None if it is not one."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(b"\x00") * 3 >= len(sample):
        # Every other byte zero: UTF-16 without its BOM.
        odd_zeros = sample[1::2].count(0) > sample[0::2].count(0)
        try:
            return data.decode("utf-16-le" if odd_zeros else "utf-16-be")
        except UnicodeDecodeError:
            pass
    return None


def decode(data: bytes, shown: str) -> tuple[str, bool]:
    """The text of a file, and whether it is UTF-16 (Excel's "Unicode text", with a BOM or
    recognised by its zero bytes); else UTF-8 (with or without BOM) or code page 1258 (Excel's
    CSV in a Vietnamese Windows, which writes a tone as a separate mark)."""
    if (text := _utf16(data)) is not None:
        return text, True
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        pass
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258")), False
    except UnicodeDecodeError as exc:
        raise RosterError(f"{shown}: không đọc được chữ trong tệp (byte thứ {exc.start + 1}). "
                          "Gợi ý: lưu lại tệp ở dạng UTF-8 (Excel: Lưu thành → CSV UTF-8).") from None


def _check_rows(shown: str, count: int, limits: Limits) -> None:
    if count > limits.rows:
        raise RosterError(f"{shown}: tệp có hơn {thousands(limits.rows)} dòng, quá lớn cho một danh sách. "
                          "Gợi ý: tách thành nhiều tệp, mỗi tệp một quyết định.")


# A cell that opens with a quote: Excel's "Text (Tab delimited)" and "Unicode Text" quote a
# cell holding a line break (Alt+Enter), a tab or a quote, as CSV does.
_QUOTED_CELL = re.compile(r'(?:^|\t)"', re.MULTILINE)
# A whole cell as Excel quotes it: closed by a quote before a tab or the end of a line, every
# quote inside doubled.
_EXCEL_CELL = re.compile(r'"(?:[^"]|"")*"(?=\t|\r|\n|$)')


def _saved_by_excel(text: str) -> bool:
    """Some cell opens with a quote, and every such cell is a whole cell as Excel quotes it."""
    starts = [m.end() - 1 for m in _QUOTED_CELL.finditer(text)]
    return bool(starts) and all(_EXCEL_CELL.match(text, start) for start in starts)


def read_tsv(text: str, shown: str, limits: Limits, utf16: bool = False) -> Grid:
    """Lines split at tabs, as Word's table pastes into a text file (a quote is text); a file
    Excel saved (UTF-16, its "Unicode Text", with a cell that opens with a quote; or every cell
    that opens with a quote quoted whole as Excel does) is read with Excel's quotes (see
    read_csv): a cell written on two lines would otherwise be two rows, each half a person."""
    if _QUOTED_CELL.search(text) and (utf16 or _saved_by_excel(text)):
        return read_csv(text, shown, limits, "\t")
    lines = text.splitlines()
    _check_rows(shown, len(lines), limits)
    build = RowBuilder(shown, limits)
    rows = [build.row(i, "", [(cell, "") for cell in line.split("\t")], 0) for i, line in enumerate(lines, start=1)]
    return Grid(shown, rows)


def _delimiter(text: str) -> str:
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def read_csv(text: str, shown: str, limits: Limits, delimiter: str | None = None) -> Grid:
    """CSV rows (the delimiter sniffed unless given); a quote opened and never closed
    (which would swallow the rows after it into one cell) is an error naming the line
    where it opened."""
    delimiter = delimiter or _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    build = RowBuilder(shown, limits)
    rows = []
    start = 1
    try:
        for cells in reader:
            for cell in cells:
                _check_quote(cell, delimiter, shown, start, reader.line_num)
            rows.append(build.row(start, "", [(cell, "") for cell in cells], 0))
            _check_rows(shown, len(rows), limits)
            start = reader.line_num + 1
    except csv.Error:  # a NUL byte or a field larger than csv's limit
        raise RosterError(f"{shown}, dòng {reader.line_num + 1}: không đọc được dòng CSV này "
                          "(có ký tự lạ hoặc một ô quá dài). Gợi ý: mở bằng Excel, kiểm tra dòng đó "
                          "rồi lưu lại dạng CSV UTF-8.") from None
    return Grid(shown, rows)


def _check_quote(cell: str, delimiter: str, shown: str, first: int, last: int) -> None:
    """A cell that runs over several lines and holds the delimiter, or runs to the end
    of the file, is rows glued together by a stray quote, not a cell with a line break."""
    if "\n" not in cell and "\r" not in cell:
        return
    later = cell.splitlines()[1:]
    if cell.endswith(("\n", "\r")) or any(delimiter in line for line in later):
        raise RosterError(
            f"{shown}, dòng {first}: một dấu ngoặc kép (\") mở mà không đóng, nên các dòng {first} "
            f"đến {last} bị gộp thành một ô. Gợi ý: xóa dấu \" thừa hoặc thêm dấu \" đóng ở dòng {first}.")
