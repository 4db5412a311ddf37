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
  (headings.read_heading), or start with a body's word ("NHÓM PHÍA BẮC": a heading of no
  known body, which placement reports; headings.unread_heading). Any other single text is
  skipped with a warning, unless it is an unnumbered name (a person whose other cells are
  missing: the row reports it) other than a post ("Tổ trưởng chuyên môn").
- A row numbering the columns ("(1) (2) (3) …" under the header) is not a row of the list.
- A header cell merged down over the rows of the list ("Ghi chú" over the notes left empty,
  "STT" over an unnumbered list) is the header's: its text is no row's. A cell merged down
  from a row of the list (a school over its teachers) gives its text to every row it covers.
- A header cell merged across columns covers them all: "Họ và tên" over the family name
  and the given name reads them as one name. A row of header words right under it
  ("Chức vụ" | "Đơn vị" under "Chức vụ - Đơn vị công tác") completes the header instead.
  So does the second row of a two-row header, its other cells merged down or empty: words
  under a merged cell that is read leave it whole ("Tổ" | "Nhóm" under "Chức vụ"), those
  under one that is not are columns of their own ("Điện thoại" | "Email" under "Liên hệ"),
  numbers too ("Khối lớp dạy" over 6 | 7 | 8 | 9). A read cell is split only when each text
  under it names a column ("Họ" | "Tên đệm" | "Tên" leave "Họ và tên" whole). A third row
  completes it in turn, under the second's cells merged across; a row of groups above the
  header ("Thông tin cán bộ") gives its labels ("STT", "Ghi chú") to the header's empty cells.
  Two header cells naming the same column: the exact spelling ("Môn") wins over a loose
  one; of two alike ("Bộ môn" | "Môn học") the first with data in the rows under them is
  read, and a row where it is empty reads the other; a row where they differ is an error
  naming both. Every "Ghi chú" column is read, their texts joined.
- Under the header of the names, a school's kind is a value: "Trường THCS" | "Him Lam" under "Tên
  trường" is a school, as "Nguyễn Thị" | "Lan" under "Họ và tên" a person; "Tên trường" | "Mã
  trường" there are labels, and a column the importer knows and does not read ("Mã trường", "Năm
  sinh", "Chữ ký") is one of its own, beside the names' label, their parts' or an empty cell. The
  parts' labels ("Họ" | "Tên") are labels only two at least, typed as labels, with nothing else under
  the names: "Hồ" | "Thị Lan" is a person.
- "Tên" beside a whole "Họ và tên" is for sorting and is not read; rows whose name does
  not end with it are told (the "Họ và tên" column may hold only the family name), in an
  error when no row's name ends with it. A family header with an alternative ("Họ và tên
  lót (đệm)") is a family header, not a whole name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from .. import wording
from ..dates import SchoolYear
from ..exports import ROSTER_COLUMNS
from ..problems import Problem
from ..roles import is_school_post, looks_like_a_role
from .errors import RosterError
from .grid import Cell, Grid, GridRow, row_problem
from .headings import HeadingLabel, name_only, starts_with_a_post, unread_heading
from .keys import LEVEL_CODES, compact, fold, name_problem, school_key
from .legacy import legacy_font

# Header words that are also a school's kind, so the first half of a school named in two cells
# ("Trường THCS" | "Him Lam", "Trường" | "Hoa Sen" under "Tên trường": _sub_header).
_SCHOOL_WORD = "truong"
_SCHOOL_KINDS = (_SCHOOL_WORD, "truongthcs", "truongth")
HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "sott", "sothutu"),
    "name": ("hovaten", "hoten", "hotengiaovien", "hovatengiaovien", "hotencanbo"),
    # A name in two columns ("Họ và tên đệm" | "Tên"): read as one (see _name_halves).
    "family": ("ho", "hodem", "holot", "hovadem", "hovalot", "hovatendem", "hotendem", "hovatenlot", "hotenlot",
               "hovachulot", "hochulot", "hovachudem", "hochudem"),
    "given": ("ten",),
    "school": ("tentruong", "tendonvi", "donvi", *_SCHOOL_KINDS),
    "post": ("chucvudonvicongtac", "chucvudonvi", "chucvunoicongtac", "chucvuvadonvicongtac"),
    "position": ("chucvu", "chucvutrongdonvi"),  # not the combined "post": see also _loose_key
    "unit": ("donvicongtac", "noicongtac", "truongcongtac"),
    "subject": ("mon", "monhoc", "bomon", "phanmon", "monphanmon", "gvcotcanmonphanmon",
                "giaoviencotcanmonphanmon", "cotcanmon", "gvcotcanmon"),
    "role": ("vaitro",),  # and any header that starts as a role's (_ROLE_HEADER)
    "note": ("ghichu",),
    # A list the portal published (exports.ROSTER_COLUMNS): the day an amending decision put
    # a row in. Such rows are not part of the list as signed: they are left out.
    "since": ("tungay",),
    # The workbook for next year (workbook.py) carries the ids in hidden columns.
    "body_id": ("matochuc",),
    "member_id": ("mathanhvien",),
    "unit_id": ("madonvi",),
}
_NAME_PARTS = ("family", "given")  # the keys of a name's parts, read as one name
# A header of phone numbers or e-mail addresses, compacted (keys.compact): "Số điện thoại", "SĐT", "Email".
_CONTACT_HEADER = re.compile(r"dienthoai|sdt|^dt|email|thudientu|mail")
# Other headers of columns the importer knows and does not read, compacted: a code ("Mã", "Mã trường",
# "Mã số"), a birth date or year, a sex, an identity card's number, an address, a signature ("Chữ ký", "Ký
# tên", "Ký nhận", "Ký và ghi rõ họ tên", "Xác nhận").
_OTHER_COLUMN_HEADER = re.compile(r"ma(?:so|truong|donvi|dinhdanh|canbo|cb|giaovien|gv)?"
                                  r"|(?:ngay|nam|ngaythang|ngaythangnam)sinh|gioitinh|nu|(?:so)?(?:cccd|cmnd)"
                                  r"|diachi|(?:chu)?ky(?:ten|nhan)?(?:xacnhan)?(?:(?:va)?ghirohoten)?|xacnhan")
CONTACT_NOT_IMPORTED = ("số điện thoại, email là thông tin riêng tư, không nhập từ danh sách; nếu cần lưu, ghi vào "
                         "mục 'contact' của người đó trong data/people (chỉ công bố khi ghi 'publish').")
LABELS = {"stt": "STT", "name": "Họ và tên", "school": "Tên trường", "post": "Chức vụ - Đơn vị công tác",
          "position": "Chức vụ", "unit": "Đơn vị công tác", "subject": "Môn", "role": "Vai trò",
          "note": "Ghi chú", "since": "Từ ngày", "body_id": "Mã tổ chức", "member_id": "Mã thành viên",
          "unit_id": "Mã đơn vị"}
ID_KEYS = frozenset({"body_id", "member_id", "unit_id"})
_COLUMNS_READ = "chỉ các cột sau được đọc: " + ", ".join(LABELS.values()) + "."
# The portal's own list (exports.ROSTER_COLUMNS), imported back: its columns the importer
# does not read ("Đến ngày", "Theo văn bản") go with the rows an amendment added, not read.
_EXPORTED = frozenset(compact(column) for column in ROSTER_COLUMNS)
# How the cells under a header merged across columns join into one value (else a space).
NOTES_JOINED_BY = "; "  # the cells of several note columns (rows._role reads each for a role)
_JOINED_BY = {"post": " - ", "note": NOTES_JOINED_BY}
# A header with one of these is a degree or a department ("Trình độ chuyên môn", "Chuyên
# môn đào tạo", "Tổ chuyên môn") or a second subject taught ("Môn kiêm nhiệm"), not the
# subject of the teacher's group, though it holds "mon".
_NOT_SUBJECT = ("chuyenmon", "trinhdo", "daotao", "kiemnhiem")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-Za-z])\s*[.)]?$")


def _is_number(text: str) -> bool:
    return text.rstrip(".").isdigit()


_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")
# The label of a list's total row, with its marks: "Tổng cộng", "TỔNG SỐ:", "Cộng"; not the
# family name Tống. What follows it, if anything, is a colon or a count; alone in its row, at
# most a colon (no person's name is one of these words).
_TOTAL_LABEL = r"(?:tổng cộng|tổng số|tổng|cộng)"
_TOTAL = re.compile(rf"^{_TOTAL_LABEL}\s*(?::|\d|$)", re.IGNORECASE)
_TOTAL_ALONE = re.compile(rf"^{_TOTAL_LABEL}\s*:?$", re.IGNORECASE)


# A cell of the block under a list (recipients, the place and date, who signs and for whom),
# which Excel users type in the rows under the table: "Nơi nhận:", "NGƯỜI LẬP BIỂU",
# "KT. TRƯỞNG PHÒNG", "Điện Biên Phủ, ngày 20 tháng 9 năm 2024".
_CLOSING = re.compile(r"^(?:nơi nhận|người lập(?: biểu| bảng| danh sách)?)\s*:?$"
                      r"|^[^,]+,\s*ngày\b.*\btháng\b.*\bnăm\s+\d{4}\.?$", re.IGNORECASE)
_SIGNING_FOR = re.compile(r"^(?:KT|TM|TL|TUQ|Q)\.\s*\S")  # "KT. TRƯỞNG PHÒNG", in capitals


# What a row of a list of people holds beside the name, and the rows of the block under it
# (the signer's title, the signer's name) do not.
_LISTED_BESIDE_THE_NAME = ("post", "position", "unit", "subject")


def _closes(text: str) -> bool:
    return bool(_CLOSING.match(text)) or (text.isupper() and bool(_SIGNING_FOR.match(text)))


def _closing(values: dict[str, str], visible: list[str]) -> str | None:
    """The text that starts the block under the list, when this row is its first: no number,
    no name but the block's own words (a leader's row may be unnumbered; a note may hold a date)."""
    if _is_number(values.get("stt", "")):
        return None
    name = values.get("name") or values.get("school") or ""
    return next((t for t in visible if _closes(t)), None) if not name or _closes(name) else None


def _is_post(text: str) -> bool:
    """Whether a text is a role or a post at a school ("Tổ phó", "Tổ trưởng chuyên môn", "Tổ viên"),
    not a name."""
    return looks_like_a_role(text) or is_school_post(text) or starts_with_a_post(text)


def _is_total(visible: list[tuple[int, str]], label_columns: set[int]) -> bool:
    """A total row: its first text the label, in the STT or name column (or merged across the
    row from there), and every other a count ("Tổng cộng" | "18 người", "" | "Tổng" | "18"), or
    the label alone ("Cộng", "TỔNG CỘNG:"). Any other lone text is a lone text (see _data_row)."""
    if not visible:
        return False
    (first, label), *counts = visible
    if first not in label_columns:
        return False
    if not counts:
        return bool(_TOTAL_ALONE.match(label))
    return bool(_TOTAL.match(label)) and all(any(c.isdigit() for c in t) for _, t in counts)


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
    # keys whose header is no spelling of their own, with that header ("role": "Nhiệm vụ"), which messages name
    loose: Mapping[str, str] = field(default_factory=dict)
    columns: frozenset[str] = frozenset()  # the keys of the columns the table has, filled or not

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
    columns: dict[str, int]  # column key -> index (the first, when its header spans several), of the first header
    sections: list[Section]
    warnings: list[tuple[int, Problem]] = field(default_factory=list)  # (order, problem)
    notes: list[str] = field(default_factory=list)
    # The year a workbook of `cotcan nhap --workbook` is for, and the line of its title (workbook.year_in_title).
    year: SchoolYear | None = None
    year_line: int | None = None

    @property
    def rows(self) -> list[TableRow]:
        return [row for section in self.sections for row in section.rows]


def _header_key(cell: str, fuzzy: bool) -> tuple[str, bool] | None:
    """The column key a header cell names, and whether it is one of the key's own
    spellings (HEADERS) rather than a word it holds or a slip."""
    key = compact(cell)
    if not key or len(key) > 40:
        return None
    for column, names in HEADERS.items():
        if key in names:
            return column, True
    if _ROLE_HEADER.match(key) and "ghichu" not in key:  # "Vai trò / Ghi chú" is a note, read for the role
        return "role", True
    loose = _loose_key(key, fuzzy)
    return (loose, False) if loose else None


# How a header of the roles in the body starts: "Vai trò trong Hội đồng", "Vai trò trong
# HĐ", "Chức vụ trong tổ cốt cán"; not in the school ("Vai trò trong nhà trường", "Chức vụ
# trong tổ chuyên môn"), which is the position (_loose_key).
_ROLE_HEADER = re.compile(r"(?!.*(?:nhatruong|truonghoc|donvi|tochuyenmon|tocm))"
                          r"(?:vaitro|chucvutrong(?:hoidong|hd|to|nhom|cum|ban))")
# What may follow a family header's spelling: "Họ và tên lót (đệm)", "Họ và tên đệm (lót)".
_MIDDLE_WORDS = re.compile(r"(?:(?:chu)?(?:lot|dem))+")


def _loose_key(key: str, fuzzy: bool) -> str | None:
    if "chucvu" in key and "donvi" in key:
        return "post"
    if any(key.startswith(family) and _MIDDLE_WORDS.fullmatch(key[len(family):]) for family in HEADERS["family"]):
        return "family"  # before the whole name: "hovatenlotdem" starts with "hovaten"
    if key.startswith(("hovaten", "hoten")):
        return "name"
    if key.startswith(("chucvu", "vaitrotrong")):  # "Chức vụ tại trường", "Vai trò trong nhà trường"
        return "position"
    if "ghichu" in key:
        return "note"
    if key.startswith("nhiemvu"):  # "Nhiệm vụ", "Nhiệm vụ trong Hội đồng", "Nhiệm vụ được giao"
        return "role"  # duties, where a role may be written: read part by part, as a note
    if ("mon" in key and len(key) <= 25 and "donvi" not in key and "chucvu" not in key
            and not any(word in key for word in _NOT_SUBJECT)):
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


@dataclass(frozen=True)
class Claim:
    """A header cell naming a column key: its text, the columns it covers (its own and
    those its merge spans, in the order their texts join), and whether it is exact."""

    key: str
    text: str
    columns: tuple[int, ...]
    exact: bool


@dataclass(frozen=True)
class HeaderRead:
    """What a row says as a header: its columns if it can head a roster ({} if not),
    every key it names (to explain a header that falls short), the claims they come
    from, the keys several columns claim alike (the first is in `columns`; see
    find_roster), and the whole name and the "Tên" beside it that is not read."""

    columns: dict[str, tuple[int, ...]]
    named: list[str]
    claims: list[Claim]
    alike: dict[str, tuple[Claim, ...]] = field(default_factory=dict)
    sorting: tuple[Claim, Claim] | None = None
    loose: Mapping[str, str] = field(default_factory=dict)  # the keys of `columns` no exact claim names: its text


def _claims(cells: list[Cell], fuzzy: bool) -> list[Claim]:
    claims = []
    for index, cell in enumerate(cells):
        found = _header_key(cell.text, fuzzy) if cell.merged != "across" else None
        if found is None:
            continue
        end = index + 1
        while end < len(cells) and cells[end].merged == "across":
            end += 1
        claims.append(Claim(found[0], cell.text, tuple(range(index, end)), found[1]))
    return claims


def _name_halves(claims: list[Claim]) -> tuple[list[Claim], tuple[Claim, Claim] | None]:
    """"Họ (và tên đệm)" | "Tên": one name, family part first. Beside a whole name they
    are only for sorting (the whole name and that "Tên" are returned, to check it);
    "Họ và tên đệm" alone is the name, "Tên" alone is not."""
    family = next((c for c in claims if c.key == "family"), None)
    given = next((c for c in claims if c.key == "given"), None)
    rest = [c for c in claims if c.key not in _NAME_PARTS]
    whole = next((c for c in rest if c.key == "name"), None)
    if whole is not None:
        return rest, (whole, given) if given is not None else None
    if family is None:
        return rest, None
    if given is None:
        return rest + [Claim("name", family.text, family.columns, False)], None
    return rest + [Claim("name", f"{family.text}, {given.text}", family.columns + given.columns, True)], None


def _read_claims(claims: list[Claim]) -> HeaderRead:
    """The header these claims make: of several claims on one key, the exact ones, the
    first of them in `columns`; every note column, joined."""
    named, sorting = _name_halves(claims)
    by_key: dict[str, list[Claim]] = {}
    for claim in named:
        by_key.setdefault(claim.key, []).append(claim)
    columns: dict[str, tuple[int, ...]] = {}
    alike: dict[str, tuple[Claim, ...]] = {}
    loose: dict[str, str] = {}
    for key, group in by_key.items():
        if key == "note":
            columns[key] = tuple(i for claim in group for i in claim.columns)
            continue
        best = tuple(c for c in group if c.exact) or tuple(group)
        if not best[0].exact:
            loose[key] = best[0].text
        if len(best) > 1:
            alike[key] = best
        columns[key] = best[0].columns
    if "name" in columns and "school" in columns and "post" not in columns and "unit" not in columns:
        columns["unit"] = columns.pop("school")  # "Họ và tên | Đơn vị": the school is the unit
        if "school" in alike:
            alike["unit"] = alike.pop("school")
    usable = len(columns) >= 2 and (("name" in columns and bool({"post", "position", "unit"} & columns.keys()))
                                    or ("school" in columns and "name" not in columns))
    return HeaderRead(columns if usable else {}, list(columns), claims, alike, sorting, loose)


def header_keys(cells: list[Cell], fuzzy: bool = True) -> HeaderRead:
    """The row read as a header (see HeaderRead)."""
    if any(cell.text.isdigit() for cell in cells):
        return HeaderRead({}, [], [])  # a numbered row is data, whatever its words
    return _read_claims(_claims(cells, fuzzy))


@dataclass(frozen=True)
class _SubHeader:
    """A second header row, under header cells merged across columns: the claims it puts in
    place of a merged cell it names column by column, the claims under a merged cell that
    names no column read ("Thông tin" over "Chức vụ" | "Đơn vị công tác"), and its texts
    that name no column read under such a cell ("Điện thoại" | "Email" under "Liên hệ")."""

    split: dict[Claim, list[Claim]]
    added: list[Claim]
    unread: list[tuple[int, str, int]]  # (column, text, the column of the header cell over it)


def _spans(cells: list[Cell]) -> dict[int, tuple[int, ...]]:
    """The columns of each header cell merged across several, by each column it covers."""
    spans: dict[int, tuple[int, ...]] = {}
    for index, cell in enumerate(cells):
        end = index + 1
        while cell.merged != "across" and end < len(cells) and cells[end].merged == "across":
            end += 1
        if end - index > 1:
            spans.update(dict.fromkeys(range(index, end), tuple(range(index, end))))
    return spans


def _groups(above: list[Cell]) -> bool:
    """Whether a row over a header is a row of groups, the header's first row: a cell of it is
    merged across columns beside another text (not a title alone over the table)."""
    return len({c.text for c in above if c.text}) >= 2 and any(c.merged == "across" for c in above)


def _with_labels_above(above: list[Cell], cells: list[Cell]) -> tuple[list[Cell], frozenset[int]]:
    """A header row's cells, those left empty taking the label of a row of groups above it
    (_groups): "STT" | "Thông tin cán bộ" (over "Họ và tên" | "Chức vụ") | "Ghi chú", where the
    cells under "STT" and "Ghi chú" are empty; and the columns of the labels taken. A label is
    taken only where every column it covers is empty in the header row (the lowest label of a
    column)."""
    if not _groups(above):
        return cells, frozenset()
    taken: set[int] = set()
    combined = cells + [Cell("")] * (len(above) - len(cells))  # a row of Excel ends at its last value
    for index, cell in enumerate(above):
        if not cell.text or cell.merged == "across":
            continue
        end = index + 1
        while end < len(above) and above[end].merged == "across":
            end += 1
        if all(not combined[i].text and combined[i].merged != "across" for i in range(index, end)):
            combined[index:end] = [Cell(cell.text)] + [Cell("", "across")] * (end - index - 1)
            taken.add(index)
    return combined, frozenset(taken)


def _sub_header(header: list[Cell], claims: list[Claim], cells: list[Cell],
                below: list[Cell] | None = None) -> _SubHeader | None:
    """The row under a header as the second row of a two-row header: its texts stand under
    header cells merged across columns ("Chức vụ" | "Đơn vị" under "Chức vụ - Đơn vị công
    tác", "Tổ" | "Nhóm" under "Chức vụ", "Điện thoại" | "Email" under "Liên hệ"), its other
    cells are empty or the header's merged down ("STT", "Họ và tên" over both rows). None
    when it is a row of the list: a number under a header cell read, a text under a column
    of its own, a school with its level where the list names its schools ("Trường" | "THCS Him
    Lam"), no header word there, or a text no header word there with no header cell merged down
    to tell it is the header's (unless the names' own label stands there again: "Tên trường"
    under "Tên trường"). `below` is the table's next row, if any: a header's row is not typed
    again under it ("TRƯỜNG" | "HOA SEN" over "TRƯỜNG" | "HIM LAM")."""
    spans = _spans(header)
    claimed = {i for c in claims if len(c.columns) > 1 for i in c.columns}
    own = [(i, cell.text) for i, cell in enumerate(cells) if cell.text and cell.merged != "down"]
    # A number under a merged cell that is not read labels its columns ("Khối lớp dạy" over 6 | 7 | 8 | 9).
    if not own or any(i not in spans or (text.isdigit() and i in claimed) for i, text in own):
        return None
    names = {i: c.key for c in claims if c.key in ("name", "school") for i in c.columns}
    parts = _name_labels([c for c in _claims(cells, fuzzy=False) if cells[c.columns[0]].merged != "down"], names,
                         own)
    named = {i for part in parts for i in part.columns}
    # Under the names' header, a school's kind followed there by texts no header word, in a row where no
    # text names a column, is a value: "Trường THCS" | "Him Lam" under "Tên trường" is a school, where
    # "Tên trường" | "Mã trường" (or "Họ và tên" | "Năm sinh") are labels, and "Trường THCS" | "" the header's.
    # "Trường" alone also labels a part of the names ("Trường" | "Cấp học", "Tổ chuyên môn" under "Đơn vị"):
    # a school only before a place's name ("Hoa Sen", "Him Lam"), or where the next row starts with it again
    # before another name (in capitals, "TRƯỜNG" | "HOA SEN" cannot be told from "TRƯỜNG" | "CẤP HỌC" alone;
    # a header's labels are not typed again under it), in a row naming no person.
    nameless = "name" in names.values() and not any(names.get(i) == "name" for i, _ in own)
    names_a_column = any(_names_a_column(text) for _, text in own)

    def again_below(first: int, after: dict[int, str]) -> bool:
        # The word alone again: "Trường" | "Cấp học" over "Trường THCS" | "Him Lam" stays the header's (a
        # review found the labels read as a school); so does a label over columns of its own (merged across).
        if below is None or first >= len(below) or compact(below[first].text) != _SCHOOL_WORD or any(
                i + 1 < len(cells) and cells[i + 1].merged == "across" for i in after):
            return False
        next_after = {i: below[i].text for i in after if i < len(below) and below[i].text}
        return bool(next_after) and next_after != after and not any(map(_names_a_column, next_after.values()))

    def starts_a_school(part: Claim) -> bool:
        first = part.columns[0]
        kind = compact(cells[first].text)
        after = {i: text for i, text in own if i > first and names.get(i) == part.key and i not in named}
        if names.get(first) != part.key or kind not in _SCHOOL_KINDS or not after or names_a_column:
            return False
        return kind != _SCHOOL_WORD or (not nameless and (all(map(_reads_as_a_place, after.values()))
                                                          or again_below(first, after)))

    labels = {i for part in parts if not starts_a_school(part) for i in part.columns}
    written = {i for i, _ in own}
    at_names = written & names.keys()
    # A school with its level where the list names its schools ("Trường" | "THCS Him Lam" under "Tên
    # trường"): a row of the list, whatever header word stands beside it.
    if any(i in names and i not in named and _reads_as_a_school(text) for i, text in own):
        return None
    # The names' own label under them ("Tên trường" under "Tên trường", "Họ và tên" under "Họ và tên"), or
    # the parts of a person's name ("Họ và đệm" | "Tên" under "Họ và tên"): no school's or person's name, so
    # the row is the header's, whatever stands beside it.
    repeated = {i for part in parts for i in part.columns if i in labels
                and (names.get(i) == part.key or names.get(i) == "name" and part.key in _NAME_PARTS)}
    # Under the names' header merged across columns, only texts naming a column the importer knows and does
    # not read, the names' own first column left empty ("" | "Chữ ký" under "Họ và tên"): the header's too.
    wide = [c for c in claims if c.key in ("name", "school") and len(c.columns) > 1]
    beside_only = (bool(at_names) and not any(c.columns[0] in written for c in wide)
                   and all(i not in named and _names_a_column(text) for i, text in own if i in at_names))
    # A name where the list puts them, no header word there ("Hà Thị" | "Liên" under "Họ và tên"),
    # is a person's even beside a header cell merged down the whole list ("Ghi chú").
    if at_names and not repeated and not beside_only and (
            not at_names & labels or (any(i not in named for i, _ in own)
                                      and not any(cell.merged == "down" for cell in cells))):
        return None  # a row of the list right under the header
    sub = _SubHeader({}, [], [])
    for part in parts:
        parent = next((c for c in claims if len(c.columns) > 1 and part.columns[0] in c.columns), None)
        if parent is None:
            sub.added.append(part)
        else:
            sub.split.setdefault(parent, []).append(part)
    # Under the names' header, a text naming a column the importer knows heads a column of its own, not read,
    # as beside a header of one row ("Mã trường", "Số điện thoại" are no part of the school's name, "Năm sinh",
    # "Chữ ký" none of a person's; the report says they are not read, so none is joined into a name). Any
    # other ("Trường" | "Cấp học") is part of the name: the cells join as under one header cell.
    apart = {i for parent in wide for i in parent.columns
             if i in written and i not in named and _names_a_column(cells[i].text)}
    for parent in list(sub.split):  # a text naming no column under it: read whole, as "Tổ" | "Nhóm" leave it
        if any(i not in named and i in written and i not in apart for i in parent.columns):
            del sub.split[parent]
    for parent in wide:  # the names' column, read whole or unlabelled beside columns apart: the rest of its own
        if parent not in sub.split and apart & set(parent.columns):
            sub.split[parent] = [replace(parent, columns=tuple(i for i in parent.columns if i not in apart))]
    # Numbers under a cell not read label its columns, which the report names by that cell's text.
    sub.unread.extend((i, text, spans[i][0]) for i, text in own
                      if i not in named and (i not in claimed or i in apart) and not text.isdigit())
    return sub


def _name_labels(parts: list[Claim], names: dict[int, str], own: list[tuple[int, str]]) -> list[Claim]:
    """The header words of a row under a header cell merged across columns (_sub_header), less those
    under "Họ và tên" that may be a person's: a text typed with other marks than a label's ("Hồ", "Tèn"
    are no "Họ", "Tên": _spelt_as_a_label), and the parts of a name ("Họ" | "Tên") unless two of them at
    least label the names and every other text there is a header word or names a column of its own
    ("Họ và đệm" | "Tên" | "Chữ ký"; "Họ" | "Tên đệm" | "Tên"). One part beside other texts is a family
    name: "Hồ" | "Thị Lan", "HO" | "THI" | "LAN" (a review found that first row of the list dropped as a
    header); alone under the names ("Họ" | "") it is the header's, which names only part of its columns
    (an error that says so), since no one is named "Họ" alone."""
    under = {i: text for i, text in own if names.get(i) == "name"}

    def of_a_name(part: Claim) -> bool:
        return part.columns[0] in under and part.key in ("name", *_NAME_PARTS)

    kept = [p for p in parts if not of_a_name(p) or _spelt_as_a_label(p.text)]
    name_parts = [p for p in kept if of_a_name(p) and p.key in _NAME_PARTS]
    if any(of_a_name(p) and p.key == "name" for p in kept):  # the names' own label ("Họ và tên" | "Tên")
        return kept
    labelled = {i for p in kept for i in p.columns}
    middle = [i for i, text in under.items() if i not in labelled
              and _MIDDLE_NAME_LABEL.fullmatch(compact(text)) and _spelt_as_a_label(text)]
    if (len(name_parts) + len(middle) >= 2 or len(under) == 1) and all(
            i in labelled or i in middle or _names_a_column(text) for i, text in under.items()):
        return kept
    return [p for p in kept if p not in name_parts]


# The words of a name's labels ("Họ và tên đệm", "Họ, chữ lót", "Tên"), by their folded spelling.
_LABEL_WORDS = {fold(word): word for word in ("họ", "và", "tên", "đệm", "lót", "chữ")}
# The label of a middle name's column: "Đệm", "Tên đệm", "Chữ lót" ("Họ" | "Tên đệm" | "Tên").
_MIDDLE_NAME_LABEL = re.compile(r"(?:ten)?" + _MIDDLE_WORDS.pattern)


def _spelt_as_a_label(text: str) -> bool:
    """Whether each word of a text that folds to a word of a name's labels is typed as that word or
    without marks ("HỌ VÀ TÊN", "Ho ten"): "Hồ", "Tèn", "HỒ" are names, no label."""
    return all(word in (fold(word), _LABEL_WORDS.get(fold(word), word)) for word in re.findall(r"\w+", text.lower()))


def _names_a_column(text: str) -> bool:
    """Whether a header text that names no column read (HEADERS) names one the importer knows and
    does not read: "Mã trường", "Năm sinh", "Số điện thoại"; not "Cấp học", "Loại hình"."""
    key = compact(text)
    return _CONTACT_HEADER.search(key) is not None or _OTHER_COLUMN_HEADER.fullmatch(key) is not None


def _reads_as_a_place(text: str) -> bool:
    """Whether a text is written as a place's name: two words at least, each a capital then small
    letters, or a number ("Hoa Sen", "Ea Tam", "Số 1"); a label is not ("Cấp học", "Xã", "CẤP HỌC")."""
    words = text.split()
    return len(words) >= 2 and all(word.isdigit() or (word[0].isupper() and not any(c.isupper() for c in word[1:]))
                                   for word in words)


def _reads_as_a_school(text: str) -> bool:
    """Whether a text is a school's name with its level first ("THCS Him Lam", "Trường TH Hoa Sen"),
    no header's label."""
    words = school_key(text).split()
    return len(words) >= 2 and words[0] in LEVEL_CODES


def _without_cells(row: GridRow, columns: set[int]) -> GridRow:
    """The row with the cells of `columns` empty: a header cell merged down into them is the
    header's, not the row's ("Ghi chú" over a column left empty would be every person's note)."""
    return replace(row, cells=[Cell("") if i in columns else cell for i, cell in enumerate(row.cells)])


def row_place(line: int | None, place: str) -> str:
    """How a message names a row: its line ("dòng 5"), else its place in a Word or PDF file."""
    return f"dòng {line}" if line is not None else place


# The rows of a header of several rows, as a message names them (the first is 1).
_HEADER_ROW_ORDINALS = ("thứ nhất", "thứ hai", "thứ ba", "thứ tư")


def _header_row_name(number: int) -> str:
    """How a message names a row of a header by its place in it: "dòng tiêu đề thứ ba"."""
    ordinal = _HEADER_ROW_ORDINALS[number - 1] if number <= len(_HEADER_ROW_ORDINALS) else f"thứ {number}"
    return f"dòng tiêu đề {ordinal}"


def _ends_with(name: str, part: str) -> bool:
    """Whether a name's last words are `part` ("Phạm Thị Lan", "Lan"), whatever the case."""
    words, tail = name.casefold().split(), part.casefold().split()
    return words[-len(tail):] == tail


def _columns_named(claims: tuple[Claim, ...]) -> str:
    """"hai cột 'Bộ môn' (cột thứ 5) và 'Môn học' (cột thứ 6)"."""
    count = "hai cột" if len(claims) == 2 else f"{len(claims)} cột"
    return f"{count} {wording.series([f'{_quoted(c.text)} (cột thứ {c.columns[0] + 1})' for c in claims])}"


def _quoted(text: str) -> str:
    return f"'{text}'"


# The subject a cell's whole text names (matcher.Matcher.subject_named), when the caller
# knows the subjects: two columns naming the subject alike agree when they name one
# ("Toán", "Toán học"), not when one says more ("Toán - Tin" is read as Toán alone).
SubjectOf = Callable[[str], str | None]


def _same_value(key: str, a: str, b: str, subject_of: SubjectOf | None) -> bool:
    if key == "subject" and subject_of is not None and (subject := subject_of(a)) is not None:
        return subject == subject_of(b)
    return a.casefold().split() == b.casefold().split()


@dataclass
class _Alike:
    """Header cells of one header naming one key alike, and those with a text in a row
    of the list under them."""

    order: int
    key: str
    claims: tuple[Claim, ...]
    filled: set[Claim] = field(default_factory=set)

    def worth_reading(self) -> tuple[Claim, ...]:
        """The claims with data (all when none has); the first is the one to read."""
        return tuple(c for c in self.claims if c in self.filled) or self.claims


@dataclass(frozen=True)
class _OpenHeader:
    """A header row just read, which the row under it may complete."""

    row: GridRow
    claims: list[Claim]
    place_in_header: int  # 1 for the first row of the header (a row of groups above it is the first)
    written_in: tuple[GridRow, ...]  # the rows its labels are written in: itself, a row of groups above it


HeadingReader = Callable[[str], HeadingLabel | None]
# The claim to read of several alike, by the order of their header row and the key.
Chosen = dict[tuple[int, str], Claim]


class _Layout:
    def __init__(self, grid: Grid, read_heading: HeadingReader, chosen: Chosen,
                 subject_of: SubjectOf | None = None) -> None:
        self.grid = grid
        self.read_heading = read_heading
        self.chosen = chosen
        self.subject_of = subject_of
        self.columns: dict[str, tuple[int, ...]] = {}
        self.loose: Mapping[str, str] = {}  # the keys of `columns` under a loose header, with its text
        self.first_columns: dict[str, tuple[int, ...]] = {}
        self.width = 0  # the header's number of cells
        self.table = -2  # the grid table the roster is in now
        # The columns whose cell in the table's row just read is a header cell, or merged down from one.
        self.header_columns: set[int] = set()
        self.in_roster = False
        self.near_miss: tuple[GridRow, list[str]] | None = None
        self.sections = [Section(None)]
        self.warnings: list[tuple[int, Problem]] = []
        self.amended_rows = 0  # rows of a published list that an amending decision put in
        # Where the block under the list (recipients, signatures) started, while its unnumbered rows run on.
        self.closing: tuple[str, str] | None = None
        self.numbered = False  # whether a numbered row of the list was read
        # A heading paragraph just before the table whose header starts the roster.
        self.pending: Heading | None = None
        # The row of a table just passed over before its header, and its order: its labels may stand
        # over the header's.
        self.above: tuple[int, GridRow] | None = None
        # The header row just read, while the row under it may still complete it (_sub_header).
        self.open_header: _OpenHeader | None = None
        # Columns under an empty header cell, and the rows with a text there (never read:
        # the report says so, as a given name typed beside an unmerged "Họ và tên").
        self.unheaded: set[int] = set()
        self.unread: dict[int, list[tuple[int, GridRow, str]]] = {}
        # Header cells that name no column the importer reads ("Năm sinh", "Số điện thoại"),
        # by their text, each where it first heads a column: the report says they are not read.
        self.unread_headers: dict[str, tuple[int, GridRow, int]] = {}
        # The Word tables whose STT cells Word numbers itself, each with its first such row (the numbers are not read).
        self.auto_numbered: dict[int, tuple[int, GridRow]] = {}
        # The columns read though hidden in the workbook, each where it first heads: its header's text.
        self.hidden_headers: dict[int, tuple[int, GridRow, str]] = {}
        # Header cells naming one key alike: all the headers', and the header's in use.
        self.alike: dict[tuple[int, str], _Alike] = {}
        self.current_alike: list[_Alike] = []
        # The header's whole name and the "Tên" beside it, the rows with a text under that
        # "Tên", and those where the name does not end with it (its column is not read:
        # the report says so).
        self.sorting: tuple[Claim, Claim] | None = None
        self.sorted_rows: dict[Claim, int] = {}
        self.unsorted: dict[Claim, tuple[Claim, list[tuple[int, GridRow, str]]]] = {}

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
        self.above = None
        label = self.read_heading(text)
        heading = Heading(label, order, row.line, row.place, None) if label is not None else None
        if not self.first_columns:
            self.pending = heading
        elif heading is not None:
            self.sections.append(Section(heading))

    def _table_row(self, order: int, row: GridRow, texts: list[str]) -> None:
        above, self.above = self.above, None
        if row.table != self.table:  # a new table of a Word file
            self.table = row.table
            self.in_roster = bool(self.first_columns) and len(texts) == self.width
            self.header_columns = set()
            above = None
        self.header_columns = {i for i in self.header_columns if i < len(row.cells) and row.cells[i].merged == "down"}
        if self._completes_header(order, row):
            self.header_columns = set(range(len(row.cells)))
            return
        # Read as a header without the header's cells merged down into it ("Ghi chú" down the list
        # beside "Trường TH" is no header), with the labels of a row of groups above it.
        own = _without_cells(row, self.header_columns) if self.header_columns else row
        carried: frozenset[int] = frozenset()
        if above is not None:
            cells, carried = _with_labels_above(above[1].cells, own.cells)
            own = replace(own, cells=cells)
        read = header_keys(own.cells, fuzzy=not self.first_columns)
        if read.columns and self._same_kind(read.columns):
            groups = above if above is not None and _groups(above[1].cells) else None
            self._header(order, own, read, groups, carried)
            self.header_columns = set(range(len(row.cells)))
            return
        if len(read.named) >= 2 and self.near_miss is None:
            self.near_miss = (row, read.named)
        if not self.first_columns:
            self.pending = None  # a heading paragraph counts only right above the header
        if not self.in_roster:
            self.above = (order, row)
            return  # a title above the table, or a table that is not the roster
        if self.header_columns:
            row = _without_cells(row, self.header_columns)
            texts = row.texts()
            if not any(texts):
                return
        self._data_row(order, row, texts)

    def _same_kind(self, columns: dict[str, tuple[int, ...]]) -> bool:
        """A later header lists the same kind of rows as the first (people, or schools):
        header words that would switch kinds ("" | "Chức vụ" | "Đơn vị") head nothing."""
        return not self.first_columns or ("name" in columns) == ("name" in self.first_columns)

    def _header(self, order: int, row: GridRow, read: HeaderRead, groups: tuple[int, GridRow] | None = None,
                carried: frozenset[int] = frozenset()) -> None:
        """A header row read: its columns, what the report says of them. `groups` is the row of
        groups above it (and its order), whose labels it took in the columns `carried`: the
        report names those where they are written."""

        def written_at(column: int) -> tuple[int, GridRow]:
            return groups if groups is not None and column in carried else (order, row)

        if not self.first_columns and self.pending is not None:
            self.sections.append(Section(self.pending))
        self.columns = self._columns(order, row, read)
        self.first_columns = self.first_columns or self.columns
        self.width = len(row.cells)
        self.in_roster = True
        self.closing = None
        self.unheaded = {i for i, cell in enumerate(row.cells) if not cell.text and cell.merged != "across"}
        claimed = {i for claim in read.claims for i in claim.columns}
        for i, cell in enumerate(row.cells):
            if cell.text and cell.merged != "across" and i not in claimed:
                self.unread_headers.setdefault(cell.text, (*written_at(i), i))
        not_read = read.sorting[1] if read.sorting else None  # the "Tên" beside a whole name
        for claim in read.claims:
            if (claim.key in read.columns and claim.key not in ID_KEYS and claim != not_read
                    and (hidden := [i for i in claim.columns if i in self.grid.hidden_columns])):
                self.hidden_headers.setdefault(hidden[0], (*written_at(claim.columns[0]), claim.text))
        number, written_in = (1, (row,)) if groups is None else (2, (row, groups[1]))
        self.open_header = _OpenHeader(row, read.claims, number, written_in)

    def _columns(self, order: int, row: GridRow, read: HeaderRead) -> dict[str, tuple[int, ...]]:
        """The columns a header row gives: of header cells naming one key alike, the one
        chosen (see find_roster), else the first."""
        columns = dict(read.columns)
        self.current_alike = []
        for key, claims in read.alike.items():
            alike = _Alike(order, key, claims)
            self.alike[(order, key)] = alike
            self.current_alike.append(alike)
            columns[key] = self.chosen.get((order, key), claims[0]).columns
        self.sorting = read.sorting
        self.loose = read.loose
        return columns

    def _completes_header(self, order: int, row: GridRow) -> bool:
        """Whether the row is the second row of the header just read (see _sub_header); if
        so the merged header cells it names column by column give way to those columns."""
        if self.open_header is None:
            return False
        header = self.open_header
        header_row, claims = header.row, header.claims
        self.open_header = None
        rows = self.grid.rows
        below = next((rows[i] for i in range(order + 1, len(rows)) if any(rows[i].texts())), None)
        below_cells = below.cells if below is not None and below.table == row.table else None
        sub = _sub_header(header_row.cells, claims, row.cells, below_cells) if row.table == header_row.table else None
        if sub is None:
            return False
        apart = {column for column, _, _ in sub.unread}  # columns of their own under a read cell (_sub_header)
        for parent, parts in sub.split.items():
            if not set(parent.columns) <= {i for part in parts for i in part.columns} | apart:
                this_row = _header_row_name(header.place_in_header + 1)
                raise RosterError(
                    f"{self.grid.source}, {row_place(row.line, row.place)}: {this_row} "
                    f"chỉ ghi tên cho một phần các cột dưới ô '{parent.text}' (cột thứ {parent.columns[0] + 1} đến "
                    f"{parent.columns[-1] + 1}). "
                    "Gợi ý: ghi tên cho mọi cột dưới ô đó (ví dụ 'Chức vụ' và 'Đơn vị' dưới 'Chức vụ - Đơn vị "
                    "công tác'), rồi nhập lại.")
        read = _read_claims([c for c in claims if c not in sub.split] + sub.added
                            + [p for parts in sub.split.values() for p in parts])
        if not read.columns:
            return False
        for column, text, over in sub.unread:  # said instead of the cell over them ("Liên hệ")
            above = header_row.cells[over].text
            seen = self.unread_headers.get(above)
            if seen is not None and any(seen[1] is written for written in header.written_in) and seen[2] == over:
                del self.unread_headers[above]
            self.unread_headers.setdefault(text, (order, row, column))
        for alike in self.current_alike:  # the header row's, replaced by this row's
            del self.alike[(alike.order, alike.key)]
        columns = self._columns(order, row, read)
        if self.first_columns is self.columns:  # the first header, completed
            self.first_columns = columns
        self.columns = columns
        # The next row may complete it in turn, under this one's cells.
        self.open_header = _OpenHeader(row, read.claims, header.place_in_header + 1, (row,))
        return True

    @staticmethod
    def _value(key: str, columns: tuple[int, ...], texts: list[str]) -> str:
        """The key's text in a row: the cells under its header, joined."""
        parts = [texts[i] for i in columns if i < len(texts) and texts[i]]
        return _JOINED_BY.get(key, " ").join(parts)

    def _values(self, row: GridRow, texts: list[str]) -> tuple[dict[str, str], dict[str, tuple[int, ...]],
                                                                  list[Problem]]:
        """A row's text by key, the columns each came from, and the errors of header cells
        naming one key alike: each row reads the one read (see find_roster), else another
        when that one is empty in the row; two that differ in a row are an error."""
        used = dict(self.columns)
        values = {key: self._value(key, columns, texts) for key, columns in used.items()}
        problems = []
        for alike in self.current_alike:
            read = used[alike.key]
            claims = sorted(alike.claims, key=lambda claim: claim.columns != read)  # the one read first
            filled = [(claim, text) for claim in claims if (text := self._value(alike.key, claim.columns, texts))]
            if not filled:
                continue
            (claim, value), *others = filled
            values[alike.key], used[alike.key] = value, claim.columns
            if any(not _same_value(alike.key, value, other, self.subject_of) for _, other in others):
                problems.append(row_problem(
                    self.grid.source, row, f"{_columns_named(tuple(c for c, _ in filled))} đều là cột "
                    f"'{LABELS[alike.key]}' nhưng ghi khác nhau ở dòng này: "
                    f"{wording.series([_quoted(t) for _, t in filled])}.",
                    hint="giữ chữ ở một cột, xóa ở cột kia (hoặc đổi tiêu đề của cột không cần đọc), rồi nhập lại."))
        return values, used, problems

    def _data_row(self, order: int, row: GridRow, texts: list[str]) -> None:
        if _numbers_the_columns(texts):
            return
        values, used, alike_problems = self._values(row, texts)
        merged = frozenset(key for key, (i, *_) in used.items()
                           if i < len(row.cells) and row.cells[i].merged == "down")
        heading = self._heading(order, row, values)
        # Under a signature block, "TỔ TRƯỞNG" is the signer's title, not the part of the list it heads.
        if heading is not None and not (self.closing is not None and heading.label.part):
            self.sections.append(Section(heading))
            self.closing = None
            return
        if values.get("since"):
            self.amended_rows += 1
            return
        placed = [(i, t) for i, t in enumerate(texts) if t and i not in self._id_columns()]
        visible = [t for _, t in placed]
        stt = values.get("stt", "")
        if _is_number(stt) and not any(v for k, v in values.items() if k not in ID_KEYS and k != "stt"):
            return  # a numbered row left empty (a template's spare rows)
        if self._in_closing(order, row, values, visible):
            return
        if _is_total(placed, {i for key in ("stt", "name", "school") for i in self.columns.get(key, ())}):
            self.warnings.append((order, row_problem(
                self.grid.source, row, f"bỏ qua dòng tổng '{' | '.join(visible)}': không phải một người hay một "
                "trường.", severity="warning")))
            return
        lone_name = values.get("name") or values.get("school")
        # A post alone, unnumbered ("Tổ trưởng chuyên môn" grouping the list by post) is no person.
        if len(set(visible)) == 1 and (not lone_name or not stt and (name_problem(lone_name) or _is_post(lone_name))):
            self.warnings.append((order, row_problem(
                self.grid.source, row, f"bỏ qua dòng '{visible[0]}': không phải một người, một trường hay "
                "tên một tổ chức.", hint="nếu đây là tên một cụm, nhóm hay tổ, viết rõ như 'Cụm 01', "
                "'Nhóm Toán'.", severity="warning")))
            return
        for i in self.unheaded:
            if i < len(texts) and texts[i]:
                self.unread.setdefault(i, []).append((order, row, texts[i]))
        for alike in self.current_alike:
            alike.filled.update(c for c in alike.claims if any(i < len(texts) and texts[i] for i in c.columns))
        self._check_sorting(order, row, texts, values.get("name", ""))
        if any(i < len(row.cells) and row.cells[i].auto_numbered for i in used.get("stt", ())):
            self.auto_numbered.setdefault(row.table, (order, row))
        excel_errors = self._excel_errors(row, used)
        for key in excel_errors:
            values[key] = ""  # never read as data: its problem says why it is empty
        refused = frozenset(key for key, columns in used.items()
                            if any(i < len(row.cells) and row.cells[i].refused for i in columns)) | excel_errors.keys()
        lines = {key: self._lines(row, columns) for key, columns in used.items()
                 if any(i < len(row.cells) and row.cells[i].lines for i in columns)}
        # The portal's own exports write a slip's standard role beside it: read back, the printed role.
        for key in ("role", "note"):
            if key in values:
                values[key] = wording.without_role_note(values[key])
            if key in lines:
                lines[key] = tuple(wording.without_role_note(line) for line in lines[key])
        self.sections[-1].rows.append(TableRow(order, row.line, row.place, values, merged,
                                               [*row.problems, *alike_problems, *excel_errors.values()], refused,
                                               lines, self.loose, frozenset(self.columns)))

    def _excel_errors(self, row: GridRow, used: dict[str, tuple[int, ...]]) -> dict[str, Problem]:
        """The keys read whose cell holds an error Excel shows ("#N/A", "#REF!": a formula's
        result, not data), each with its problem."""
        found = {}
        for key, columns in used.items():
            cell = next((row.cells[i] for i in columns if i < len(row.cells) and row.cells[i].excel_error), None)
            if cell is not None:
                found[key] = row_problem(
                    self.grid.source, row, f"ô chứa giá trị lỗi của Excel '{cell.text}' (kết quả của một công thức), "
                    "không phải dữ liệu.", column=self.loose.get(key) or LABELS[key],
                    hint="sửa ô này trong Excel (sửa công thức, hoặc gõ giá trị đúng thay cho công thức), lưu lại "
                         "rồi nhập lại.")
        return found

    def _in_closing(self, order: int, row: GridRow, values: dict[str, str], visible: list[str]) -> bool:
        """Whether the row is the block under a list (recipients, the place and date, who signs)
        or an unnumbered row right after its start (the signer's title and name): skipped, each
        in a warning. A numbered row, a heading or a header reads the list on (a group's own
        signatures may close each group); in a list with no numbered row yet, so does a row
        with a name and what the list's own rows hold beside it (_LISTED_BESIDE_THE_NAME)."""
        numbered = _is_number(values.get("stt", ""))
        if numbered:
            self.numbered = True
            self.closing = None
            return False
        shown = " | ".join(visible)
        if (closing := _closing(values, visible)) is not None:
            self.closing = (row_place(row.line, row.place), closing)
            self.warnings.append((order, row_problem(
                self.grid.source, row, f"bỏ qua dòng '{shown}': phần nơi nhận, chữ ký dưới bảng ('{closing}'), không "
                "phải một người.", severity="warning",
                hint="nếu đây là một người của danh sách, ghi họ tên vào cột 'Họ và tên' và số thứ tự vào cột "
                     "'STT', rồi nhập lại.")))
            return True
        if self.closing is None:
            return False
        if not self.numbered and (values.get("school") or values.get("name") and any(
                values.get(key) for key in _LISTED_BESIDE_THE_NAME)):
            self.closing = None
            return False
        place, closing = self.closing
        self.warnings.append((order, row_problem(
            self.grid.source, row, f"bỏ qua dòng '{shown}': dòng không có số thứ tự ngay dưới phần chữ ký bắt đầu "
            f"ở {place} ('{closing}'), đọc là chức danh, tên người ký.", severity="warning",
            hint="nếu đây là một người của danh sách, ghi số thứ tự vào cột 'STT' rồi nhập lại.")))
        return True

    def _check_sorting(self, order: int, row: GridRow, texts: list[str], name: str) -> None:
        """Record the row if the "Tên" beside the whole name, not read, is not the end of its name."""
        if self.sorting is None:
            return
        whole, given = self.sorting
        text = " ".join(texts[i] for i in given.columns if i < len(texts) and texts[i])
        if text:
            self.sorted_rows[given] = self.sorted_rows.get(given, 0) + 1
        if text and not _ends_with(name, text):
            self.unsorted.setdefault(given, (whole, []))[1].append((order, row, text))

    @staticmethod
    def _lines(row: GridRow, columns: tuple[int, ...]) -> tuple[str, ...]:
        """The lines of the cells under a header that spans `columns`, one of which has
        line breaks: each cell's lines, or its one line."""
        cells = [row.cells[i] for i in columns if i < len(row.cells) and row.cells[i].text]
        return tuple(line for cell in cells for line in (cell.lines or (cell.text,)))

    def _id_columns(self) -> set[int]:
        return {i for key, columns in self.columns.items() if key in ID_KEYS for i in columns}

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
        if label is None and self.closing is None:
            label = unread_heading(text)  # "NHÓM PHÍA BẮC": no person, nor a row of the group above
        if body_id and not values.get("member_id"):
            # The workbook names the body by its id: a heading whatever its words.
            label = label or name_only(text)
        if label is None:
            return None
        return Heading(label, order, row.line, row.place, body_id)

    def _table(self) -> Table:
        source = self.grid.source
        if not self.first_columns:
            self._refuse_legacy_header()
            if self.near_miss:
                row, named = self.near_miss
                have = ", ".join(f"'{LABELS[k]}'" for k in named)
                missing = [] if "name" in named else ["'Họ và tên'"]
                if not {"post", "position", "unit"} & set(named):
                    missing.append("'Chức vụ - Đơn vị công tác'")
                raise RosterError(f"{source}, {row_place(row.line, row.place)}: dòng tiêu đề thiếu cột "
                                  f"{' và '.join(missing)} (chỉ thấy {have}).")
            raise RosterError(f"{source}: không tìm thấy dòng tiêu đề của danh sách (cần các cột 'STT', "
                              "'Họ và tên', 'Chức vụ - Đơn vị công tác', có thể thêm 'Môn', 'Ghi chú').")
        notes = list(self.grid.notes)
        if self.amended_rows:
            notes.append(f"Bỏ qua {self.amended_rows} dòng có 'Từ ngày': các dòng quyết định điều chỉnh bổ sung "
                         "trong năm học. Danh sách nhập là danh sách ban đầu; quyết định điều chỉnh ghi vào "
                         "mục 'amendments' của tổ chức.")
        columns = {key: columns[0] for key, columns in self.first_columns.items()}
        warnings = (self.warnings + self._unread_warnings() + self._unread_header_warnings()
                    + self._hidden_column_warnings() + self._unsorted_problems() + self._auto_numbered_warnings())
        table = Table(source, columns, self.sections, warnings, notes)
        if not table.rows:
            raise RosterError(f"{source}: có dòng tiêu đề nhưng không có dòng danh sách nào bên dưới.")
        return table

    def _refuse_legacy_header(self) -> None:
        """No header found, and the text where it was looked for is typed in an old font
        encoding (legacy.py: "Hä vµ tªn" is TCVN3's Họ và tên): that is said, not only that
        no header was found. Looked for in the header that missed a column, else in every row."""
        rows = [self.near_miss[0]] if self.near_miss else self.grid.rows
        for row in rows:
            for cell in row.cells:
                if (font := legacy_font(cell.text)) is not None:
                    raise RosterError(f"{self.grid.source}, {row_place(row.line, row.place)}: không tìm thấy dòng tiêu "
                                      "đề của danh sách vì chữ trong tệp gõ bằng phông chữ cũ: "
                                      f"{font.said_of(cell.text)}. Gợi ý: {font.hint}")

    def _unread_warnings(self) -> list[tuple[int, Problem]]:
        warnings = []
        for column, rows in sorted(self.unread.items()):
            order, row, text = rows[0]
            warnings.append((order, row_problem(
                self.grid.source, row, f"cột thứ {column + 1} không có tiêu đề nhưng có chữ ('{text}') ở {len(rows)} "
                "dòng, kể từ dòng này: cột này không được đọc.", severity="warning",
                hint="nếu cột này là phần tiếp của cột bên trái (như tên tách khỏi họ), gộp ô tiêu đề của hai "
                     "cột; nếu là một cột khác, ghi tiêu đề cho nó.")))
        return warnings

    def _unread_header_warnings(self) -> list[tuple[int, Problem]]:
        """A column under a header the importer does not read is dropped: said, so that no
        clerk expects it in the data. A phone or e-mail column is private (data/people's
        `contact`, published only when opted in) and never imported from a list."""
        warnings = []
        for text, (order, row, column) in self.unread_headers.items():
            if compact(text) in _EXPORTED:
                continue
            private = _CONTACT_HEADER.search(compact(text)) is not None
            font = legacy_font(text)
            warnings.append((order, row_problem(
                self.grid.source, row, f"cột thứ {column + 1} '{text}' không được nhập"
                + (f": {font.said_of(text)}." if font else "."), severity="warning",
                hint=font.hint if font else CONTACT_NOT_IMPORTED if private else _COLUMNS_READ)))
        return warnings

    def _hidden_column_warnings(self) -> list[tuple[int, Problem]]:
        """A column the importer reads but the workbook hides (the workbook's own id columns
        aside) is said: what the clerk neither sees nor prints, a private note on a teacher's
        health, would go into the public data unseen."""
        return [(order, row_problem(
            self.grid.source, row, f"cột thứ {column + 1} '{text}' đang bị ẩn trong Excel nhưng vẫn được nhập như "
            "mọi cột khác.", severity="warning",
            hint="nếu cột đó không thuộc danh sách đã ký (ghi chú riêng, số liệu nội bộ), xóa hẳn cột đó trong tệp "
                 "rồi nhập lại; nếu có, bỏ ẩn để thấy đủ danh sách."))
            for column, (order, row, text) in sorted(self.hidden_headers.items())]

    def _auto_numbered_warnings(self) -> list[tuple[int, Problem]]:
        """A Word table numbered by Word itself in its STT column: the numbers are shown, not
        written in the cells, so they are not read; said once per table."""
        return [(order, row_problem(
            self.grid.source, row, "các số ở cột này do Word tự đánh (đánh số tự động), không nằm trong ô nên không "
            "được đọc: các dòng của bảng này nhập không có số thứ tự.", column=LABELS["stt"],
            severity="warning", hint="nếu cần số thứ tự, gõ số vào các ô cột STT thay cho đánh số tự động (chọn cột, "
                                     "bấm Trang đầu > Đánh số để tắt), lưu lại rồi nhập lại."))
            for order, row in self.auto_numbered.values()]

    def _unsorted_problems(self) -> list[tuple[int, Problem]]:
        """The "Tên" not read, told where a name does not end with it: in a warning, or an
        error when no row's name does (the whole name is then surely the family part only)."""
        warnings = []
        for given, (whole, rows) in self.unsorted.items():
            order, row, text = rows[0]
            every = len(rows) == self.sorted_rows[given]
            count = f"{len(rows)} dòng, kể từ dòng này"
            where = f"ở mọi dòng ({count})," if every else f"ở {count},"
            family = f": cột '{whole.text}' có lẽ chỉ ghi họ và tên đệm" if every else ""
            warnings.append((order, row_problem(
                self.grid.source, row, f"cột '{given.text}' (cột thứ {given.columns[0] + 1}) không được đọc, nhưng "
                f"{where} tên ở cột '{whole.text}' không kết thúc bằng chữ ở cột đó ('{text}'){family}.",
                severity="error" if every else "warning",
                hint=f"nếu cột '{whole.text}' chỉ ghi họ và tên đệm, đổi tiêu đề của nó thành 'Họ và tên đệm' để "
                     "đọc hai cột thành một tên, rồi nhập lại.")))
        return warnings


def find_roster(grid: Grid, read_heading: HeadingReader, subject_of: SubjectOf | None = None) -> Table:
    """The roster in a grid; raises RosterError when there is no header or no row. Of
    header cells naming one key alike, the first with data in the rows under them is
    read (in `Table.columns`, and in a row where the others differ): when that is not the
    first, the grid is read again choosing it. A row where it is empty reads another."""
    layout = _Layout(grid, read_heading, {}, subject_of)
    table = layout.run()
    chosen = {place: alike.worth_reading()[0] for place, alike in layout.alike.items()}
    if all(claim == layout.alike[place].claims[0] for place, claim in chosen.items()):
        return table
    return _Layout(grid, read_heading, chosen, subject_of).run()
