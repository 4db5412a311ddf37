"""What anyone who downloads a file that is no text page can read in it.

A site publishes its images, scans, Office files and archives as they are; the privacy
check (privacy.private_values_in_readings) looks for private values in what this module
reads from their bytes, as a viewer or an editor could show it:

- the runs of written text in the file's bytes read three ways: as UTF-8 with its NUL bytes
  dropped (ASCII details, a UTF-8 text with a NUL in it), and, when it holds a NUL, as UTF-16
  little- and big-endian without a byte order mark (what Notepad saves and sniffs); a run is
  6 characters or more of Latin letters (Vietnamese too), digits, spaces, punctuation,
  dashes, full-width and circled forms (`_TEXT_CHAR`); any other character ends it, so the
  noise of compressed pixels is left out;
- a zip (.docx, .xlsx, .pptx, .odt, .ods, .zip; by its first bytes): each member, an XML
  member as markup, any other by these same rules;
- a PDF: each stream inflated (FlateDecode, or any stream zlib can inflate) and read as
  above, and the strings the PDF writes (`(…)`, `<…>`: page text drawn in a standard font,
  the document's details) in the file and in its inflated streams, one a line, those of one
  TJ array as one text (a word kerned apart; a word gap a space), bytes 0x80-0x9F as
  WinAnsiEncoding reads them;
  and each page's text as a viewer shows and copies it, its characters read through each
  font's Unicode map (pdfminer.six): the text Word's "Save as PDF" or a browser's printing
  draws through a font of its own encoding, glyph numbers that no string of the file spells;
  a line that ends on a hyphen joined to the next ("lan.pham@thcs-⏎binhminh.edu.vn");
- a PNG: its compressed text chunks (zTXt, iTXt) inflated.

Unpacking goes one level down (a .docx in a .zip is read; a zip in that .docx only by its
runs), and stops once `MAX_READ` bytes have been unpacked from one file (a zip bomb): the
check then says the file was not read whole (`Unread`), as it says of a PDF whose pages
pdfminer cannot read (damaged, or locked by a password). Nothing is read from pixels (a
scanned page, an image in a PDF: no OCR), nor text a PDF draws through a font of its own
encoding without a Unicode map, nor an encrypted member.

Each reading says how it is read (`ReadAs`): a number in what is read of a file's bytes is
mostly the file's own (privacy.Redactor.find_as_written reads a phone there only as a person
writes one).

`office_tables` reads the tables of an Office file from its XML members, cell by cell with the
column each cell stands in: a workbook's sheets (.xlsx), a Word document's tables (.docx), an
OpenDocument file's (.ods, .odt). A value is found under its column's heading there ("Số CCCD",
"Ngày sinh": privacy), where the member's text as written runs every cell into the next.
"""

from __future__ import annotations

import codecs
import datetime
import io
import logging
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

import pdfminer
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextContainer
from pdfminer.pdfdocument import PDFPasswordIncorrect

# Bytes read of one file at most, and bytes unpacked from it at most: a larger file is not
# read (reading GBs would stop the check); beyond it, an archive is not read on.
MAX_READ = 50 * 1024 * 1024
_WIDE = ("utf-16-le", "utf-16-be")
_DEPTH = 1  # levels of unpacking below the file: a member is unpacked, a member's member not

# The characters of a written text: ASCII's printable ones, tab and line ends, Latin letters
# with their marks (Vietnamese), general punctuation (dashes, invisible spaces), superscripts,
# the minus sign, circled digits, CJK punctuation and full-width forms ("０９１２", "＠").
_TEXT_RANGES = ((0x09, 0x0A), (0x0D, 0x0D), (0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x1E00, 0x1EFF),
                (0x2000, 0x209F), (0x2212, 0x2212), (0x2460, 0x24FF), (0x3000, 0x303F), (0xFF00, 0xFFEF))
_TEXT_CHAR = "[" + "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in _TEXT_RANGES) + "]"
_TEXT_RUN = re.compile(f"{_TEXT_CHAR}{{6,}}")  # 6: "a@b.vn", the shortest address
_TEXT_TAIL = re.compile(f"{_TEXT_CHAR}*")
_CHUNK = 1024 * 1024  # bytes decoded at a time; characters of a run carried over at most

ZIP_START = b"PK\x03\x04"
PDF_START = b"%PDF-"
PNG_START = b"\x89PNG\r\n\x1a\n"
JPEG_START = b"\xff\xd8\xff"
_XML_NAMES = (".xml", ".rels", ".vml", ".svg", ".xhtml", ".html", ".htm")

# A PDF's streams, its strings and arrays (a TJ array's strings are one text: "[(0912) -250 (944)] TJ").
_STREAM = re.compile(rb"\bstream(?:\r\n|\n|\r)")
# (Possessive: no backtracking over the bytes of a stream that is no text; a string's own
# brackets, balanced, are escaped or nested one level.)
_PDF_TOKEN = re.compile(rb"\((?P<literal>(?:[^()\\]++|\\.|\((?:[^()\\]++|\\.)*+\))*+)\)"
                        rb"|<(?P<hex>[0-9A-Fa-f\s]*+)>|(?P<open>\[)|(?P<close>\])", re.DOTALL)
_TJ = re.compile(rb"\s*TJ\b")  # the operator that shows an array's strings as one text
# A TJ array's number between two strings moves the next one by thousandths of an em: kerning within
# a word, or, from a word gap on (as PDF text extractors read it), a space ("[(09.12.2024) -3000 (10.12.2024)]").
_KERNING = re.compile(rb"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")
_WORD_GAP = 200
_PDF_ESCAPE = re.compile(rb"\\(?:(?P<octal>[0-7]{1,3})|(?P<line>\r\n|\r|\n)|(?P<char>.))", re.DOTALL)
_SPACES = re.compile(rb"\s+")
_PDF_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_PDF_FILTER = re.compile(rb"/Filter\b")
_PDF_FONT = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b")
_PDF_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
# Bytes 0x80-0x9F, control characters in Latin-1, as WinAnsiEncoding (Windows-1252) reads them: the
# dashes, quotes and bullets of page text drawn in a standard font (Word's, LibreOffice's); a byte it
# leaves undefined stays as it is.
_WIN_ANSI = {byte: char for byte in range(0x80, 0xA0) if (char := bytes([byte]).decode("cp1252", errors="ignore"))}

# What of a file was not read: all of it (over MAX_READ), what lies beyond the cap, an encrypted member
# or PDF, a PDF's pages that pdfminer cannot read.
Unread = Literal["too_large", "capped", "locked", "damaged", "pages"]
# Pages of a PDF whose text is read at most (pdfminer lays out about 30 ms a page, at every build):
# a decision and its lists; a longer file is said to be read in part ("pages").
MAX_PDF_PAGES = 60
# The readers whose version changes what is read of a file: a verdict kept for a file (originals.py)
# is another's once one changes.
READERS = f"pdfminer.six {pdfminer.__version__}"
# pdfminer logs what it finds odd in a file, in English ("Could not get FontBBox from font descriptor",
# for every font a browser's print embeds), to the root logger: a clerk would read it above the report.
# A file it cannot read raises, and is said (`damaged`).
logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
# A line of a PDF's page text that ends on a hyphen, joined to the next: an address or a word
# wrapped there.
_WRAPPED = re.compile(r"(?<=-)\n")
# How a reading is read: "bytes", runs read out of a file's bytes (a PDF's streams and objects, a
# member that is no XML, an image's chunks), where numbers are mostly the file's own structure
# (offsets, coordinates, sizes); "markup", an XML member of a zip, a written text read through
# its markup; "text", a text file's runs read as UTF-16 (wide_readings), or a PDF's page text as
# a viewer shows it.
ReadAs = Literal["bytes", "markup", "text"]


@dataclass(frozen=True)
class Reading:
    """A text read from a file that is no text page."""

    text: str
    read_as: ReadAs = "bytes"
    place: str = ""  # the member of a zip it is read from ("word/document.xml"); "" for the file


@dataclass
class _Budget:
    """Bytes that may still be unpacked from one file, and what could not be read."""

    left: int = MAX_READ
    unread: set[Unread] = field(default_factory=set)

    def inflate(self, data: bytes | memoryview) -> bytes | None:
        """`data` inflated by zlib (its end may be followed by anything), within the budget;
        None for data zlib does not inflate."""
        if self.left <= 0:
            self.unread.add("capped")
            return None
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data, self.left)
        except zlib.error:
            return None
        if inflater.unconsumed_tail:  # the budget stopped it
            self.unread.add("capped")
        self.left -= len(inflated)
        return inflated


def file_readings(data: bytes) -> tuple[tuple[Reading, ...], frozenset[Unread]]:
    """What can be read in the bytes of a file that is no text (see the module), and what the
    reading left out."""
    budget = _Budget()
    readings = tuple(_readings(data, budget, 0, ""))
    return readings, frozenset(budget.unread)


def wide_readings(data: bytes) -> tuple[Reading, ...]:
    """The runs of a text file read as UTF-8 that holds NUL bytes, read as UTF-16 (without
    its mark, as Notepad saves it): none when it holds no NUL."""
    return tuple(Reading(run, "text") for encoding in _WIDE if b"\0" in data for run in text_runs(data, encoding))


def _readings(data: bytes, budget: _Budget, depth: int, place: str) -> Iterator[Reading]:
    """A file's readings by its format: of a zip, a PDF, a PNG, a JPEG only the parts that
    hold text (not their compressed bytes nor pixels, which would only cost time); of any
    other file, or one below _DEPTH, its runs."""
    if depth <= _DEPTH:
        if data.startswith(ZIP_START) and (members := _zip_readings(data, budget, depth, place)) is not None:
            yield from members
            return
        if data.startswith(PDF_START):
            yield from _pdf_readings(data, budget, place)
            yield from _pdf_page_texts(data, budget, place)
            return
        if data.startswith(PNG_START):
            yield from _png_readings(data, budget, place)
            return
    if data.startswith(JPEG_START):  # its details come before its pixels (the start of scan)
        scan = data.find(b"\xff\xda")
        data = data[:scan] if scan > 0 else data
    yield from _runs_of(data, place)


def _runs_of(data: bytes | memoryview, place: str) -> Iterator[Reading]:
    """The runs of written text of `data` as UTF-8, and as UTF-16 when it holds a NUL."""
    for encoding in ("utf-8", *(_WIDE if b"\0" in data else ())):
        yield from (Reading(run, place=place) for run in text_runs(data, encoding))


def text_runs(data: bytes | memoryview, encoding: str) -> Iterator[str]:
    """The runs of written text of `data` read in `encoding` (UTF-8: its NUL bytes dropped),
    a byte that is no character of it ending a run."""
    return _runs(_decoded(data, encoding))


def _decoded(data: bytes | memoryview, encoding: str) -> Iterator[str]:
    """`data` decoded a piece at a time (no copy of a whole large file), errors replaced."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    view = memoryview(data)
    for i in range(0, len(view), _CHUNK):
        piece = view[i:i + _CHUNK]
        yield decoder.decode(bytes(piece).replace(b"\0", b"") if encoding == "utf-8" else piece)
    yield decoder.decode(b"", final=True)


def _runs(pieces: Iterator[str]) -> Iterator[str]:
    """The runs of written text in a text given in pieces: the run a piece ends with is
    carried to the next one, so that no number is cut where a piece ends."""
    carried = ""
    for piece in pieces:
        text = carried + piece
        tail = _TEXT_TAIL.match(text[::-1])  # the run the piece ends with, reversed
        kept = tail.end() if tail is not None and tail.end() < _CHUNK else 0
        yield from _string_runs(text[:len(text) - kept])
        carried = text[len(text) - kept:]
    yield from _string_runs(carried)


def _string_runs(text: str) -> Iterator[str]:
    return (run.group() for run in _TEXT_RUN.finditer(text))


def _zip_readings(data: bytes, budget: _Budget, depth: int, place: str) -> list[Reading] | None:
    """A zip's member names and comment, and each member, an XML one as markup, any other by
    the same rules; None for no zip after all (its runs are read)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None
    names = "\n".join([archive.comment.decode("utf-8", errors="replace"), *(m.filename for m in members)])
    readings = [Reading(run, place=place) for run in _string_runs(names)]
    for member in members:
        if member.is_dir():
            continue
        if member.flag_bits & 0x1:  # encrypted
            budget.unread.add("locked")
            continue
        if budget.left <= 0:
            budget.unread.add("capped")
            break
        try:
            with archive.open(member) as stream:
                content = stream.read(budget.left + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error):
            readings += _runs_of(data[member.header_offset:member.header_offset + member.compress_size], place)
            continue  # a member it cannot unpack: its bytes as they are
        if len(content) > budget.left:
            budget.unread.add("capped")
            content = content[:budget.left]
        budget.left -= len(content)
        inside = f"{place} → {member.filename}" if place else member.filename
        if member.filename.lower().endswith(_XML_NAMES) or content.lstrip().startswith(b"<?xml"):
            readings.append(Reading(_parts_apart(_xml_text(content)), "markup", place=inside))
        else:
            readings += _readings(content, budget, depth + 1, inside)
    return readings


def _xml_text(content: bytes) -> str:
    """An XML member's text as written (UTF-8, or UTF-16 by its mark)."""
    for mark, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
                           (codecs.BOM_UTF8, "utf-8-sig")):
        if content.startswith(mark):
            return content.decode(encoding, errors="replace")
    return content.decode("utf-8", errors="replace")


# The end of an Office file's paragraph, table cell or row (Word's, Excel's, PowerPoint's, an ODF file's; a sheet's
# shared string): its text is written out there, so that the text of two parts is not read as one word ("Lê Văn
# Tám</w:tc><w:tc>sinh ngày 12/3/1985" read "Lê Văn Támsinh ngày …" hid a birth). A cell's last paragraph ends
# with its cell: a row reads as a TSV line ("1\tNguyễn Thị Chi\tNS 12/3/2020"), each row a line.
_PART_END = re.compile(r"</(?:(?:w:p|a:p|text:p|text:h)>(?P<last>\s*</(?:w:tc|a:tc|table:table-cell)>)?"
                       r"|(?P<cell>w:tc|a:tc|c|table:table-cell|table:covered-table-cell)>|(?:w:tr|a:tr|row|si|table:table-row)>)")


def _parts_apart(markup: str) -> str:
    """`markup` with a tab after each end of a table's cell, a line's end after each other end of a part
    (_PART_END): what xml_text reads of it keeps its parts apart as an application shows them."""
    return _PART_END.sub(lambda end: end.group() + ("\t" if end.group("last") or end.group("cell") else "\n"), markup)


def _pdf_readings(data: bytes, budget: _Budget, place: str) -> Iterator[Reading]:
    """A PDF's objects (their runs and strings) and its streams: each inflated (or as it is,
    uncompressed) and read so too, but images (pixels: nothing to read)."""
    view = memoryview(data)
    outside: list[memoryview] = []  # the objects between the streams
    start = 0
    for stream in _STREAM.finditer(data):
        if stream.start() < start:
            continue  # "stream" in a stream's own bytes
        outside.append(view[start:stream.start()])
        end = data.find(b"endstream", stream.end())
        end = len(data) if end < 0 else end
        header = data[max(data.rfind(b"obj", start, stream.start()), start):stream.start()]  # its dictionary
        if _PDF_IMAGE.search(header) is None:
            content = view[stream.end():end]
            inflated = budget.inflate(content) if _PDF_FILTER.search(header) else bytes(content)
            if inflated is not None:
                yield from _runs_of(inflated, place)
                if _PDF_FONT.search(header) is None:  # a font's program holds no string to read
                    yield from (Reading(run, place=place) for run in _string_runs(_pdf_strings(inflated)))
        start = end
    outside.append(view[start:])
    for part in outside:
        yield from _runs_of(part, place)
        yield from (Reading(run, place=place) for run in _string_runs(_pdf_strings(part)))


def _pdf_page_texts(data: bytes, budget: _Budget, place: str) -> Iterator[Reading]:
    """Each page's text as a viewer shows it (pdfminer.six: through each font's Unicode map),
    a line that ends on a hyphen joined to the next, of the first MAX_PDF_PAGES pages; a PDF
    whose pages cannot be read, or are more, is said to be so (`budget.unread`)."""
    try:
        for number, page in enumerate(extract_pages(io.BytesIO(data), maxpages=MAX_PDF_PAGES + 1), 1):
            if number > MAX_PDF_PAGES:
                budget.unread.add("pages")
                break
            text = "".join(element.get_text() for element in page if isinstance(element, LTTextContainer))
            if text.strip():
                yield Reading(_WRAPPED.sub("", text), "text", place)
    except PDFPasswordIncorrect:
        budget.unread.add("locked")
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds on a damaged file; what was read stands
        budget.unread.add("damaged")


def _pdf_strings(data: bytes | memoryview) -> str:
    """The strings of a PDF's objects or page text, one a line; the strings of an array that
    TJ shows as one (a word drawn in pieces, its kerning between: "[(0939 4) -12 (84 177)] TJ"),
    a space between two where a word gap or more moves them apart (_WORD_GAP), those of any
    other array (a name tree's keys, a document's ids) one a line too."""
    lines: list[str] = []
    shown: list[str] | None = None  # the strings of the array being read
    after = 0  # where the token before ends
    for token in _PDF_TOKEN.finditer(data):
        gap, after = data[after:token.start()], token.end()
        if token.group("open") is not None:
            lines += shown or ()
            shown = []
        elif token.group("close") is not None:
            if shown is not None and _TJ.match(data, token.end()):
                lines.append("".join(shown))
            else:
                lines += shown or ()
            shown = None
        else:
            literal = token.group("literal")
            raw = _unescaped(literal) if literal is not None else _unhexed(token.group("hex"))
            if shown and any(abs(float(n)) >= _WORD_GAP for n in _KERNING.findall(gap)):
                shown.append(" ")
            (lines if shown is None else shown).append(_pdf_text(raw))
    lines += shown or ()
    return "\n".join(lines)


def _unescaped(literal: bytes) -> bytes:
    def one(escape: re.Match[bytes]) -> bytes:
        if escape.group("octal"):
            return bytes([int(escape.group("octal"), 8) & 0xFF])
        if escape.group("line"):
            return b""
        char = escape.group("char")
        return _PDF_ESCAPED.get(char, char)
    return _PDF_ESCAPE.sub(one, literal)


def _unhexed(digits: bytes) -> bytes:
    digits = _SPACES.sub(b"", digits)
    return bytes.fromhex((digits + b"0" if len(digits) % 2 else digits).decode("ascii"))


def _pdf_text(raw: bytes) -> str:
    """A PDF string's text: UTF-16 by its mark, UTF-8 by its mark (PDF 2.0), else as Latin-1
    (PDFDocEncoding's letters and digits), its bytes 0x80-0x9F as WinAnsiEncoding reads them
    (_WIN_ANSI: the page text of a standard font, its en dash 0x96 in "0939–484–177")."""
    if raw.startswith(codecs.BOM_UTF16_BE):
        return raw[2:].decode("utf-16-be", errors="replace")
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="replace")
    return raw.decode("latin-1").translate(_WIN_ANSI)


def _png_readings(data: bytes, budget: _Budget, place: str) -> Iterator[Reading]:
    """A PNG's chunks but its pixels (IDAT): their runs, and its compressed text chunks
    (zTXt, iTXt) inflated."""
    view = memoryview(data)
    at = len(PNG_START)
    while at + 8 <= len(data):
        length = int.from_bytes(data[at:at + 4], "big")
        kind = data[at + 4:at + 8]
        body = view[at + 8:at + 8 + length]
        at += 12 + length
        if kind == b"IDAT":
            continue
        yield from _runs_of(body, place)
        keyword_end = bytes(body[:80]).find(b"\0")  # a keyword has 79 bytes at most
        text: bytes | None = None
        if kind == b"zTXt" and keyword_end >= 0:  # keyword, 0, method, compressed Latin-1
            text = budget.inflate(body[keyword_end + 2:])
            encoding = "latin-1"
        elif kind == b"iTXt" and keyword_end >= 0 and body[keyword_end + 1] == 1:
            # keyword, 0, compressed, method, language, 0, translated keyword, 0, UTF-8 text
            rest = bytes(body[keyword_end + 3:])
            language_end = rest.find(b"\0")
            translated_end = rest.find(b"\0", language_end + 1) if language_end >= 0 else -1
            text = budget.inflate(rest[translated_end + 1:]) if translated_end >= 0 else None
            encoding = "utf-8"
        if text is not None:
            yield from (Reading(run, place=place) for run in _string_runs(text.decode(encoding, errors="replace")))
        if kind == b"IEND":
            break


# A sheet's date is a number of days from 30/12/1899 (Excel's count, and Calc's), its time of day
# the fraction; 2958465 is 31/12/9999, the last date Excel shows. A workbook of the 1904 date system
# (`<workbookPr date1904="1"/>`: old Mac Excel's) counts from 1/1/1904.
SHEET_EPOCH = datetime.date(1899, 12, 30)
_EPOCH_1904 = datetime.date(1904, 1, 1)
_LAST_SERIAL = 2958465


@dataclass(frozen=True)
class TableCell:
    """A cell of a table: its text, the column it starts in (from 0) and the columns it covers
    (a merged heading over "Nam" and "Nữ"); `number`, a sheet's numeric cell, its text the
    number Excel keeps (an identity number without its leading 0, a date's serial); `date`, the
    date a date cell shows (a sheet's number formatted as a date, an ODF date cell); `formatted`,
    whether the file says what its number is (a date's or a number's format, an ODF value type):
    a number in Excel's General format, or in a workbook without styles, may be a date's serial;
    `epoch`, the day a sheet's serial 0 is; `shown`, a number's text as a clerk sees it where the
    file says it ("" where not): written by a format of digits and signs (`00"/"00"/"0000` shows
    12031985 as "12/03/1985"), or kept beside the number (an ODF cell's text)."""

    text: str
    column: int
    span: int = 1
    number: bool = False
    where: str = ""  # where a clerk finds it in the file: "ô C5 của trang tính 'Danh sách'"
    date: datetime.date | None = None
    formatted: bool = False
    epoch: datetime.date = SHEET_EPOCH
    shown: str = ""


def _sheet_date(number: float, epoch: datetime.date) -> datetime.date | None:
    """The date a sheet's number is as a date (its time dropped), or None for a number no date is."""
    return epoch + datetime.timedelta(days=int(number)) if 0 <= number <= _LAST_SERIAL else None


def _sheet_place(column: int, row: int, sheet: str) -> str:
    return f"ô {_letters(column)}{row} của trang tính '{sheet}'"


def _table_place(row: int, cell: int, table: int) -> str:
    return f"hàng {row}, ô thứ {cell} của bảng thứ {table}"


@dataclass(frozen=True)
class FileTable:
    """A table read from an Office file: its rows of cells, empty cells left out."""

    rows: tuple[tuple[TableCell, ...], ...]


# An XML member's path in a zip, after the place of the file that holds it ("ho-so.zip → a.docx").
_INSIDE = " → "


def office_tables(readings: Iterable[Reading]) -> Iterator[FileTable]:
    """The tables of the Office files among `readings` (the markup readings of their XML
    members; a file in a zip by its own members): each sheet of a workbook, each table of a
    Word document, its body, headers and footers, each table of an OpenDocument file (a Calc
    sheet, a Writer table). A member that is no XML is left out."""
    members: dict[str, dict[str, str]] = {}  # by the file holding them: member path -> its XML
    for reading in readings:
        if reading.read_as == "markup":
            holder, _, member = reading.place.rpartition(_INSIDE)
            members.setdefault(holder, {})[member] = reading.text
    for files in members.values():
        yield from _sheets(files)
        for path in sorted(files):
            if path.startswith("word/") and (root := _xml_root(files[path])) is not None:
                yield from _word_tables(root)
        yield from _odf_tables(files)


def _xml_root(text: str) -> ET.Element | None:
    """An XML member parsed, or None for one that is no well-formed XML. (expat, as Python
    ships it, expands no external entity and stops an entity expansion that blows up.)"""
    try:
        return ET.fromstring(text)
    except (ET.ParseError, ValueError):
        return None


def _local(tag: object) -> str:
    """A tag's or attribute's name without its namespace: a strict Office Open XML file names
    the same elements in other namespaces."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _attribute(element: ET.Element, name: str) -> str | None:
    return next((value for key, value in element.attrib.items() if _local(key) == name), None)


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _texts(element: ET.Element) -> str:
    """The text of an element's runs (`t` elements: a shared string's)."""
    return "".join(node.text or "" for node in element.iter() if _local(node.tag) == "t")


# What a Word run writes besides its text: a line break (Shift+Enter: "Ngày<br/>sinh" in a narrow
# heading is two words, not "Ngàysinh"), a tab.
_RUN_SPACES = {"br": "\n", "cr": "\n", "tab": "\t"}


def _paragraph_text(paragraph: ET.Element) -> str:
    """A Word paragraph's text: its runs' texts, breaks and tabs (a tab stop in the paragraph's
    properties, `pPr`, writes nothing)."""
    return "".join(node.text or "" if _local(node.tag) == "t" else _RUN_SPACES.get(_local(node.tag), "")
                   for part in paragraph if _local(part.tag) != "pPr" for node in part.iter())


_CELL_REF = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})")  # a sheet has 1,048,576 rows
_WHOLE = re.compile(r"[0-9]{1,9}")


def _whole(written: str | None) -> int | None:
    """A count or an index a file writes (a row's number, a shared string's, a style's), or None for
    no such number: any other digit ("²", which `int` refuses), one of 10 digits or more (no sheet
    counts so far; `int` refuses one of thousands)."""
    return int(written) if written and _WHOLE.fullmatch(written) else None


def _column_of(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _letters(column: int) -> str:
    """A column's letters as Excel names it (0: "A", 26: "AA")."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _sheets(files: Mapping[str, str]) -> Iterator[FileTable]:
    """A workbook's sheets, each named as Excel shows it on its tab (xl/workbook.xml), its
    shared strings put in their cells."""
    shared: list[str] = []
    if "xl/sharedStrings.xml" in files and (strings := _xml_root(files["xl/sharedStrings.xml"])) is not None:
        shared = [_texts(item) for item in _children(strings, "si")]
    styles = _number_styles(files)
    epoch = _sheet_epoch(files)
    for path, name in _sheet_names(files).items():
        if path in files and (root := _xml_root(files[path])) is not None:
            yield _sheet_table(root, name, shared, styles, epoch)


def _sheet_epoch(files: Mapping[str, str]) -> datetime.date:
    """The day a workbook's serial 0 is: its date system's (xl/workbook.xml's `workbookPr date1904`)."""
    if "xl/workbook.xml" in files and (book := _xml_root(files["xl/workbook.xml"])) is not None:
        for properties in (e for e in book.iter() if _local(e.tag) == "workbookPr"):
            if (_attribute(properties, "date1904") or "").lower() in ("1", "true"):
                return _EPOCH_1904
    return SHEET_EPOCH


# How a cell style shows a number, by its number format: Excel's built-in formats 14 to 22 and 45 to 47
# are dates and times, a format of its own is one when it writes a day, a month or a year ("dd/mm/yyyy")
# outside its quoted text, its [colour] or [$-locale], its escaped and padding characters; 0 is General.
NumberShown = Literal["general", "date", "number"]
_DATE_FORMATS = frozenset((*range(14, 23), *range(45, 48)))
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|[_*].')
_DATE_CODE = re.compile(r"[dmy]", re.IGNORECASE)
# A number format of digits and signs of its own: digit placeholders ("0" writes a digit or a 0, "#" a
# digit or nothing) between quoted text (spaces too), escaped characters, dashes and spaces. A clerk who
# types a date without its signs (12031985) shows it as one so (`00"/"00"/"0000`, `00\-00\-0000`,
# `"Ngày "00" tháng "00" năm "0000`): the cell keeps a number, the sheet shows "12/03/1985". Only the
# format's first section is read (a positive number's, before ";"); a [colour] or [$-locale] and the
# padding `_)`, `*x` show nothing. Any other sign (",", ".", "%", an unquoted "/") makes it no such format.
_DIGITS_TOKEN = re.compile(r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|(?P<place>[0#])|(?P<sign>[- ])|\[[^\]]*\]|[_*].'
                           r"|(?P<end>;)|(?P<other>.)", re.DOTALL)
_FORMAT_MAX = 255  # characters: Excel writes no longer format; a longer one is crafted, not read as digits
_LARGEST_SHOWN = 10 ** 15  # Excel keeps 15 significant digits: a larger number is no typed date
DigitsFormat = tuple[tuple[bool, str], ...]  # each part: a placeholder ("0", "#": True) or literal text


@dataclass(frozen=True)
class _NumberStyle:
    """How a cell style shows a number (`shown`), and its format when one of digits and signs (`digits`)."""

    shown: NumberShown = "general"
    digits: DigitsFormat = ()


def _number_styles(files: Mapping[str, str]) -> list[_NumberStyle]:
    """How each cell style of a workbook (xl/styles.xml's cellXfs, a cell's `s` its index) shows a
    number; none without styles (each cell then General)."""
    if "xl/styles.xml" not in files or (root := _xml_root(files["xl/styles.xml"])) is None:
        return []
    codes = {element.get("numFmtId"): element.get("formatCode") or "" for element in root.iter()
             if _local(element.tag) == "numFmt"}
    by_format: dict[str, _NumberStyle] = {}  # each format read once, however many styles use it
    shown: list[_NumberStyle] = []
    for styles in (e for e in root.iter() if _local(e.tag) == "cellXfs"):
        for style in _children(styles, "xf"):
            number = style.get("numFmtId") or "0"
            if number not in by_format:
                by_format[number] = _number_style(number, codes.get(number, ""))
            shown.append(by_format[number])
    return shown


def _number_style(number: str, code: str) -> _NumberStyle:
    """How the number format `number` (its id), written `code`, shows a number."""
    if number == "0":
        return _NumberStyle()
    if _whole(number) in _DATE_FORMATS or _DATE_CODE.search(_FORMAT_LITERALS.sub("", code)):
        return _NumberStyle("date")
    return _NumberStyle("number", _digits_format(code))


def _digits_format(code: str) -> DigitsFormat:
    """The first section of a number format of digits and signs (_DIGITS_TOKEN) as its placeholders and
    literal text; () for any other format, one without a placeholder, or one longer than _FORMAT_MAX."""
    if len(code) > _FORMAT_MAX:
        return ()
    parts: list[tuple[bool, str]] = []
    for token in _DIGITS_TOKEN.finditer(code):
        if token["end"] is not None:
            break
        if token["other"] is not None:
            return ()
        if token["place"] is not None:
            parts.append((True, token["place"]))
        elif (literal := token["quoted"] or token["escaped"] or token["sign"]) is not None:
            parts.append((False, literal))
    return tuple(parts) if any(place for place, _ in parts) else ()


def _digits_shown(value: str, parts: DigitsFormat) -> str:
    """A sheet's whole number as a format of digits and signs (_digits_format: `parts`) shows it: its digits
    fill the placeholders from the right, the leftmost one taking any left over; a placeholder left without
    a digit shows "0" for "0", nothing for "#". "" for a number no digits show (a fraction, a negative)."""
    try:
        number = float(value)
    except ValueError:
        return ""
    if not number.is_integer() or not 0 <= number < _LARGEST_SHOWN:
        return ""
    places = sum(placeholder for placeholder, _ in parts)
    if not places:
        return ""
    digits = str(int(number))
    spare, fill = digits[:max(0, len(digits) - places)], digits[-places:].rjust(places)
    shown, place = [], 0
    for placeholder, part in parts:
        if placeholder:
            digit = fill[place].strip() or ("0" if part == "0" else "")
            shown.append((spare if place == 0 else "") + digit)
            place += 1
        else:
            shown.append(part)
    return "".join(shown)


def _sheet_names(files: Mapping[str, str]) -> dict[str, str]:
    """Each sheet's member path and its name on its tab; a sheet the workbook does not name is
    named by its path."""
    targets: dict[str, str] = {}  # a relationship's id -> its member
    if "xl/_rels/workbook.xml.rels" in files and (rels := _xml_root(files["xl/_rels/workbook.xml.rels"])) is not None:
        for relation in rels:
            target = (relation.get("Target") or "").lstrip("/")
            targets[relation.get("Id") or ""] = target if target.startswith("xl/") else f"xl/{target}"
    names: dict[str, str] = {}
    if "xl/workbook.xml" in files and (book := _xml_root(files["xl/workbook.xml"])) is not None:
        for sheet in book.iter():
            if _local(sheet.tag) == "sheet" and (path := targets.get(_attribute(sheet, "id") or "")):
                names[path] = sheet.get("name") or path
    for path in files:
        if path.startswith("xl/worksheets/") and path.endswith(".xml"):
            names.setdefault(path, path)
    return names


def _sheet_table(root: ET.Element, name: str, shared: list[str], styles: list[_NumberStyle],
                 epoch: datetime.date) -> FileTable:
    """A sheet's cells by row (`<row><c r="C5" t="s"><v>3</v></c>`), a merged cell covering
    the columns of its range (`<mergeCell ref="E4:F4"/>`), a number as its style shows it
    (`styles`: a date, a number, General; digits and signs written out), a date counted from the
    workbook's `epoch`."""
    spans: dict[tuple[int, int], int] = {}
    for merge in root.iter():
        if _local(merge.tag) == "mergeCell" and (area := merge.get("ref", "")).count(":") == 1:
            first, last = (_CELL_REF.fullmatch(part) for part in area.split(":"))
            if first and last:
                spans[int(first[2]), _column_of(first[1])] = _column_of(last[1]) - _column_of(first[1]) + 1
    rows: list[tuple[TableCell, ...]] = []
    for row_number, row in enumerate((e for e in root.iter() if _local(e.tag) == "row"), 1):
        row_number = _whole(row.get("r")) or row_number
        cells = []
        for column, cell in enumerate(_children(row, "c")):
            ref = _CELL_REF.fullmatch(cell.get("r") or "")
            column = _column_of(ref[1]) if ref else column
            kind = cell.get("t") or "n"
            value = next((v.text or "" for v in _children(cell, "v")), "")
            if kind == "s":
                index = _whole(value)
                text = shared[index] if index is not None and index < len(shared) else ""
            elif kind == "inlineStr":
                text = "".join(_texts(part) for part in _children(cell, "is"))
            else:
                text = value
            if text.strip():
                index = _whole(cell.get("s")) or 0
                style = styles[index] if index < len(styles) else _NumberStyle()
                date, formatted = _sheet_cell_date(kind, text, style.shown, epoch)
                digits = _digits_shown(text, style.digits) if kind == "n" and style.digits else ""
                cells.append(TableCell(text, column, spans.get((row_number, column), 1), kind == "n",
                                       _sheet_place(column, row_number, name), date, formatted, epoch, digits))
        rows.append(tuple(cells))
    return FileTable(tuple(rows))


def _sheet_cell_date(kind: str, value: str, shown: NumberShown,
                     epoch: datetime.date) -> tuple[datetime.date | None, bool]:
    """The date a sheet's cell shows (a number formatted as a date; a date written as one, `t="d"`), and
    whether the file says what its number is (`TableCell.formatted`)."""
    try:
        if kind == "d":
            return datetime.date.fromisoformat(value[:10]), True
        if kind == "n" and shown == "date":
            return _sheet_date(float(value), epoch), True
    except ValueError:
        return None, False
    return None, kind == "n" and shown == "number"


def _word_tables(root: ET.Element) -> Iterator[FileTable]:
    """A Word part's tables (`w:tbl`), each cell in the columns of the table's grid it covers
    (`w:gridSpan`), its paragraphs one a line; a table inside a cell is a table of its own."""
    for number, table in enumerate((e for e in root.iter() if _local(e.tag) == "tbl"), 1):
        rows: list[tuple[TableCell, ...]] = []
        for row_number, row in enumerate(_children(table, "tr"), 1):
            cells, column = [], 0
            for cell_number, cell in enumerate(_children(row, "tc"), 1):
                span = next((span for properties in _children(cell, "tcPr") for e in _children(properties, "gridSpan")
                             if (span := _whole(_attribute(e, "val")))), 1)
                text = "\n".join(_paragraph_text(paragraph) for paragraph in _children(cell, "p"))
                if text.strip():
                    cells.append(TableCell(text, column, span, where=_table_place(row_number, cell_number, number)))
                column += span
            rows.append(tuple(cells))
        yield FileTable(tuple(rows))


# An OpenDocument file's namespaces: its values (`office:value-type`, `office:date-value`), tables and text.
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODF_ROW_GROUPS = (f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group")
_ODF_CELL, _ODF_COVERED = f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"
_ODF_NUMBERS = ("float", "percentage", "currency")
_ODF_PARAGRAPHS = (f"{_TEXT}p", f"{_TEXT}h")
# What an ODF paragraph writes besides its text: spaces (`text:s`, `text:c` of them: a few read), a tab,
# a line break.
_ODF_SPACES = {f"{_TEXT}tab": "\t", f"{_TEXT}line-break": "\n"}
_ODF_SPACES_READ = 8


def _odf_tables(files: Mapping[str, str]) -> Iterator[FileTable]:
    """An OpenDocument file's tables (content.xml; a Writer page's headers and footers in styles.xml):
    a Calc sheet (.ods), its cells named as on its tab; a Writer table (.odt), named by its number."""
    for path in ("content.xml", "styles.xml"):
        if path not in files or (root := _xml_root(files[path])) is None:
            continue
        sheets = root.find(f"{_OFFICE}body/{_OFFICE}spreadsheet") is not None
        for number, table in enumerate(root.iter(f"{_TABLE}table"), 1):
            yield _odf_table(table, (table.get(f"{_TABLE}name") or str(number)) if sheets else None, number)


def _odf_table(table: ET.Element, sheet: str | None, number: int) -> FileTable:
    """An ODF table's rows (in its header rows and row groups too, not in a table inside a cell), each
    cell in its column, named as a sheet's cell (`sheet`: its name on its tab) or a Writer table's
    (`number`: the table's in the file).

    A cell covers the columns it spans (`table:number-columns-spanned`); the cells its merge hides
    (`table:covered-table-cell`) take their columns, and are read too (Calc keeps a hidden cell's text
    there when asked to). A row or a cell repeated (`table:number-rows-repeated`, `…-columns-repeated`:
    Calc writes the empty rest of a sheet as one row repeated to the 1,048,576th, its cell to the
    16,384th column) is written once in the file and read once, at its first place, a cell covering
    its columns; the rows and columns after it are counted on."""
    rows: list[tuple[TableCell, ...]] = []
    row_number = 1
    for row in _odf_rows(table):
        cells: list[TableCell] = []
        column, cell_number = 0, 1  # a cell's column, and its number among the cells a reader sees
        for cell in row:
            if cell.tag not in (_ODF_CELL, _ODF_COVERED):
                continue
            repeated = _repeats(cell, f"{_TABLE}number-columns-repeated")
            span = max(repeated, _repeats(cell, f"{_TABLE}number-columns-spanned"))
            where = _sheet_place(column, row_number, sheet) if sheet is not None else _table_place(
                row_number, cell_number, number)
            if (read := _odf_cell(cell, column, span, where)) is not None:
                cells.append(read)
            column += repeated
            if cell.tag == _ODF_CELL:
                cell_number += repeated
        rows.append(tuple(cells))
        row_number += _repeats(row, f"{_TABLE}number-rows-repeated")
    return FileTable(tuple(rows))


def _odf_rows(table: ET.Element) -> Iterator[ET.Element]:
    """A table's rows in order, in its groups of rows too (walked without recursion: groups may nest)."""
    groups = [iter(table)]
    while groups:
        child = next(groups[-1], None)
        if child is None:
            groups.pop()
        elif child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in _ODF_ROW_GROUPS:
            groups.append(iter(child))


def _repeats(element: ET.Element, attribute: str) -> int:
    """A count an ODF element writes, 1 when it writes none."""
    return _whole(element.get(attribute)) or 1


def _odf_cell(cell: ET.Element, column: int, span: int, where: str) -> TableCell | None:
    """An ODF cell as a sheet's: a number (`office:value-type` float, percentage, currency) by the number
    it keeps (`office:value`) and the text it shows, a date by its date (`office:date-value`) and the
    text it shows, any other by its paragraphs' text, one a line; None for an empty one."""
    kind = cell.get(f"{_OFFICE}value-type")
    text = "\n".join(_odf_text(paragraph) for paragraph in cell if paragraph.tag in _ODF_PARAGRAPHS)
    if kind in _ODF_NUMBERS and (value := cell.get(f"{_OFFICE}value")):
        return TableCell(value, column, span, True, where, formatted=True, shown=text)
    date = None
    if kind == "date":
        try:
            date = datetime.date.fromisoformat((cell.get(f"{_OFFICE}date-value") or "")[:10])
        except ValueError:
            date = None
    if not text.strip() and date is None:
        return None
    return TableCell(text, column, span, where=where, date=date, formatted=date is not None)


def _odf_text(paragraph: ET.Element) -> str:
    """An ODF paragraph's text, its spaces, tabs and line breaks written out (each such element's text
    set to what it shows, in this parsed copy of the file, then the text read in order)."""
    for node in paragraph.iter():
        if node.tag == f"{_TEXT}s":
            node.text = " " * min(_repeats(node, f"{_TEXT}c"), _ODF_SPACES_READ)
        elif node.tag in _ODF_SPACES:
            node.text = _ODF_SPACES[node.tag]
    return "".join(paragraph.itertext())
