"""Import a roster table as offices have it and turn it into data-file YAML.

The table comes pasted from the Word decision (tab-separated text), as CSV, or as an
Excel workbook. Its columns are found by their header names, whatever the spelling
("Chức vụ -Đơn vị công tác", "GV cốt cán môn/phân môn", "Môn", "Ghi chú"). Each row is
matched to the office's data:

- "Chức vụ - Đơn vị công tác" is split into the position and the school, at the first
  dash of any kind, or where the school's level starts when there is no dash
  ("Hiệu trưởng TH&THCS Thanh Trường"); "P. Hiệu trưởng" becomes "Phó Hiệu trưởng";
- the school text is matched to a school id by name and aliases, without marks or
  case, tolerant of "Trường", a stray "T", "xã", "TH&THCS" for "TH-THCS" and of text
  after the name ("THCS Nam Thanh- tăng cường chuyên môn Phòng GD-ĐT");
- the person is matched by name among the office's people; namesakes are told apart
  by the schools they were listed at before; an unknown name gets a proposed new id;
- Ghi chú gives the role ("Nhóm trưởng", "P.Nhóm trưởng"; empty: ủy viên).

Every row that cannot be matched is reported with its line and the closest candidates.
Bad input raises `RosterError` with a message in Vietnamese naming the file and row.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import vocab
from .errors import PortalError
from .model import Portal
from .text import fold, slugify

FORMATS = ("tsv", "csv", "xlsx")


class RosterError(PortalError):
    """The table cannot be read: the message says which file and row, and why."""


# Reading the table


@dataclass(frozen=True)
class TableRow:
    """One data row: its line in the file (row in the sheet) and its cells by column key."""

    line: int
    cells: dict[str, str]

    def get(self, key: str) -> str:
        return self.cells.get(key, "")


@dataclass(frozen=True)
class Table:
    source: str  # the file as the user named it
    columns: dict[str, int]  # column key -> index
    rows: list[TableRow]


def guess_format(path: Path, head: bytes = b"") -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".csv":
        return "csv"
    if suffix in (".tsv", ".txt", ".tab"):
        return "tsv"
    if head.startswith(b"PK"):
        return "xlsx"
    return "tsv" if b"\t" in head.split(b"\n", 1)[0] else "csv"


def _decode(data: bytes, shown: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's "CSV" in a Vietnamese Windows is written in code page 1258.
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError as exc:
        raise RosterError(f"{shown}: không đọc được chữ trong tệp (byte thứ {exc.start + 1}); "
                          "hãy lưu tệp ở dạng UTF-8.") from None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path, shown: str) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        raise RosterError(f"{shown}: không mở được tệp Excel (.xlsx) ({exc.__class__.__name__}: {exc}).") from None
    try:
        sheets = []
        for sheet in workbook.worksheets:
            rows = [(i, [_cell_text(v) for v in values])
                    for i, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
            sheets.append(rows)
    finally:
        workbook.close()
    for rows in sheets:  # the first sheet that has a header row
        if any(_header_keys(cells)[0] for _, cells in rows):
            return rows
    return sheets[0] if sheets else []


def read_rows(path: Path, fmt: str | None = None, shown: str | None = None) -> list[tuple[int, list[str]]]:
    """The raw rows of a file, each with its line (row) number from 1."""
    shown = shown or str(path)
    if fmt is not None and fmt not in FORMATS:
        raise RosterError(f"{shown}: định dạng '{fmt}' không được hỗ trợ (chọn tsv, csv hoặc xlsx).")
    if not path.exists():
        raise RosterError(f"{shown}: không tìm thấy tệp.")
    if not path.is_file():
        raise RosterError(f"{shown}: không phải là tệp.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterError(f"{shown}: không đọc được tệp ({exc.strerror}).") from None
    fmt = fmt or guess_format(path, data[:4096])
    if fmt == "xlsx":
        return _read_xlsx(path, shown)
    text = _decode(data, shown)
    if fmt == "tsv":
        return [(i, line.split("\t")) for i, line in enumerate(text.splitlines(), start=1)]
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise RosterError(f"{shown}, dòng {reader.line_num}: không đọc được dòng CSV ({exc}).") from None
    return rows


def clean(text: str) -> str:
    """A cell as the data keeps it: NFC, spaces made plain and single, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


_HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "sott", "sothutu"),
    "name": ("hovaten", "hoten", "hotengiaovien", "hovatengiaovien", "hotencanbo"),
    "school": ("tentruong", "truong", "tendonvi", "donvi", "truongthcs", "truongth"),
    "post": ("chucvudonvicongtac", "chucvudonvi", "chucvunoicongtac", "chucvuvadonvicongtac"),
    "position": ("chucvu",),
    "unit": ("donvicongtac", "noicongtac", "truongcongtac"),
    "subject": ("mon", "monhoc", "bomon", "phanmon", "monphanmon", "gvcotcanmonphanmon",
                "giaoviencotcanmonphanmon", "cotcanmon", "gvcotcanmon"),
    "note": ("ghichu",),
}


def _header_key(cell: str) -> str | None:
    compact = _compact(cell)
    if not compact or len(compact) > 40:
        return None
    for key, names in _HEADERS.items():
        if compact in names:
            return key
    if "chucvu" in compact and "donvi" in compact:
        return "post"
    if compact.startswith(("hovaten", "hoten")):
        return "name"
    if "ghichu" in compact:
        return "note"
    if "mon" in compact and len(compact) <= 25 and "donvi" not in compact and "chucvu" not in compact:
        return "subject"
    best, score = None, 0.0
    for key in ("name", "post", "unit", "note"):  # a slip in a long header; never in short ones
        for name in _HEADERS[key]:
            ratio = difflib.SequenceMatcher(None, compact, name).ratio()
            if len(name) >= 6 and ratio > score:
                best, score = key, ratio
    return best if score >= 0.85 else None


def _header_keys(cells: list[str]) -> tuple[dict[str, int], list[str]]:
    """The columns a row names, and whether it can serve as the header of a roster."""
    found: dict[str, int] = {}
    if any(cell.isdigit() for cell in cells):
        return {}, []  # a numbered row is data, whatever its words
    for index, cell in enumerate(cells):
        key = _header_key(cell)
        if key and key not in found:
            found[key] = index
    if "name" in found and "school" in found and "post" not in found and "unit" not in found:
        found["unit"] = found.pop("school")  # "Họ và tên | Đơn vị": the school is the unit
    usable = len(found) >= 2 and (("name" in found and ("post" in found or "position" in found or "unit" in found))
                                  or ("school" in found and "name" not in found))
    return (found if usable else {}), [k for k in found]


_LABELS = {"stt": "STT", "name": "Họ và tên", "school": "Tên trường", "post": "Chức vụ - Đơn vị công tác",
           "position": "Chức vụ", "unit": "Đơn vị công tác", "subject": "Môn", "note": "Ghi chú"}


def parse_table(raw: list[tuple[int, list[str]]], shown: str) -> Table:
    """The data rows under the header (found anywhere; a repeated header starts a new
    table), skipping blank lines and headings."""
    columns: dict[str, int] = {}
    first_columns: dict[str, int] = {}
    near_miss: tuple[int, list[str]] | None = None
    rows: list[TableRow] = []
    for line, raw_cells in raw:
        cells = [clean(c) for c in raw_cells]
        if not any(cells):
            continue
        header, named = _header_keys(cells)
        if header:
            columns = header
            first_columns = first_columns or header
            continue
        if len(named) >= 2 and near_miss is None:
            near_miss = (line, named)
        if not columns:
            continue  # a title above the table
        values = {key: (cells[i] if i < len(cells) else "") for key, i in columns.items()}
        filled = [c for c in cells if c]
        if len(filled) == 1 and not values.get("name") and not values.get("school"):
            continue  # a heading inside the pasted text ("3. Các ủy viên")
        rows.append(TableRow(line, values))
    if not first_columns:
        if near_miss:
            line, named = near_miss
            have = ", ".join(f"'{_LABELS[k]}'" for k in named)
            missing = [] if "name" in named else ["'Họ và tên'"]
            if not {"post", "position", "unit"} & set(named):
                missing.append("'Chức vụ - Đơn vị công tác'")
            raise RosterError(f"{shown}, dòng {line}: dòng tiêu đề thiếu cột {' và '.join(missing)} "
                              f"(chỉ thấy {have}).")
        raise RosterError(f"{shown}: không tìm thấy dòng tiêu đề của danh sách (cần các cột 'STT', "
                          "'Họ và tên', 'Chức vụ - Đơn vị công tác', có thể thêm 'Môn', 'Ghi chú').")
    if not rows:
        raise RosterError(f"{shown}: có dòng tiêu đề nhưng không có dòng danh sách nào bên dưới.")
    return Table(shown, first_columns, rows)


def read_table(path: Path, fmt: str | None = None, shown: str | None = None) -> Table:
    shown = shown or str(path)
    return parse_table(read_rows(path, fmt, shown), shown)


# Splitting "Chức vụ - Đơn vị công tác"

_DASHES = "-–—‐‑−"
_DASH = re.compile(rf"\s*[{_DASHES}]\s*")
# A school's level where it starts the school's name; "Trường" and a stray "T" before it too.
_LEVEL = re.compile(
    rf"(?<!\w)(?:(?:Trường|T)\s+)?(?:TH\s*[{_DASHES}&]\s*THCS|THCS\s*[{_DASHES}&]\s*THPT|TH\s+và\s+THCS|"
    r"PTDTBT|PTDTNT|THCS|THPT|TH|MN|MG|GDTX|Trường|Tiểu học|Trung học|Mầm non|Mẫu giáo)(?!\w)",
    re.IGNORECASE)
_COMPOUND = re.compile(rf"(?<!\w)(?:TH|THCS|MN|MG)\s*[{_DASHES}]\s*(?:THCS|THPT|TH)(?!\w)", re.IGNORECASE)
_POSITION_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^P\s*\.\s*", re.IGNORECASE), "Phó "),
    (re.compile(r"^PHT(?!\w)"), "Phó Hiệu trưởng"),
    (re.compile(r"^HT(?!\w)"), "Hiệu trưởng"),
    (re.compile(r"^GV(?!\w)"), "Giáo viên"),
    (re.compile(r"^TTCM(?!\w)"), "Tổ trưởng chuyên môn"),
]


def normalize_position(text: str) -> str:
    """'P. Hiệu trưởng', 'P.Hiệu trưởng' -> 'Phó Hiệu trưởng'; 'GV' -> 'Giáo viên'."""
    text = clean(text).strip(" ,;:")
    for pattern, replacement in _POSITION_FORMS:
        text = pattern.sub(replacement, text)
    return clean(text)


def split_post(text: str) -> tuple[str, str]:
    """'Hiệu trưởng - THCS Him Lam' -> ('Hiệu trưởng', 'THCS Him Lam'); without a dash, at
    the school's level: 'Hiệu trưởng TH&THCS Thanh Trường' -> ('Hiệu trưởng', 'TH&THCS ...').
    The dash inside 'TH-THCS' does not count. Position as written (see normalize_position)."""
    compounds = [m.span() for m in _COMPOUND.finditer(text)]
    dash = next((m for m in _DASH.finditer(text)
                 if not any(a <= m.start() < b for a, b in compounds)), None)
    level = _LEVEL.search(text)
    if level and level.start() > 0 and (dash is None or level.start() < dash.start()):
        return text[:level.start()].strip(), text[level.start():].strip()
    if dash is not None:
        return text[:dash.start()].strip(), text[dash.end():].strip()
    if level and level.start() == 0:
        return "", text
    return text.strip(), ""


# Matching names to ids

_LEVEL_WORDS = [
    (r"tieu hoc va trung hoc co so", "th-thcs"),
    (r"trung hoc co so va trung hoc pho thong", "thcs-thpt"),
    (r"th va thcs", "th-thcs"),
    (r"thcs va thpt", "thcs-thpt"),
    (r"trung hoc co so", "thcs"),
    (r"trung hoc pho thong", "thpt"),
    (r"tieu hoc", "th"),
    (r"mam non", "mn"),
    (r"mau giao", "mg"),
]
LEVEL_CODES = frozenset({"th", "thcs", "thpt", "th-thcs", "thcs-thpt", "mn", "mg", "gdtx", "ptdtbt", "ptdtnt"})


def school_key(text: str) -> str:
    """A school's name reduced for matching: no marks, no case, levels as codes, no
    'Trường', stray 'T' or 'xã': 'Trường TH&THCS xã Nà Tàu' -> 'th-thcs na tau'."""
    key = fold(text).replace("&", "-")
    key = re.sub(r"\s*-\s*", "-", key)
    for words, code in _LEVEL_WORDS:
        key = re.sub(rf"(?<!\w){words}(?!\w)", code, key)
    parts = key.split(" ")
    while len(parts) > 1 and parts[0] in ("truong", "t", "tr", "tr."):
        parts.pop(0)
    parts = [p for p in parts if p != "xa"] or parts
    return " ".join(parts)


def _without_level(key: str) -> str:
    parts = key.split(" ")
    return " ".join(parts[1:]) if len(parts) > 1 and parts[0] in LEVEL_CODES else key


def _starts_with(text: str, prefix: str) -> bool:
    return text.startswith(prefix) and (len(text) == len(prefix) or not text[len(prefix)].isalnum())


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _strip_honorific(name: str) -> str:
    return re.sub(r"^(?:Ông|Bà|Thầy|Cô|Ô\.|B\.)\s+", "", name)


_EXTRA_ROLE_WORDS = {"truong nhom": "nhom-truong", "pho to truong": "to-pho", "thu ki": "thu-ky",
                     "pho truong nhom": "pho-nhom-truong", "truong cum": "cum-truong"}


def _role_words() -> dict[str, str]:
    return {fold(label): role for role, label in vocab.ROLES.items()} | _EXTRA_ROLE_WORDS


def _role_match(note: str) -> tuple[str | None, bool]:
    """(role, read loosely) for a Ghi chú; (None, False) when it names no role."""
    key = fold(note)
    key = re.sub(r"^p\s*\.\s*|^p\s+", "pho ", key)
    key = " ".join(key.split())
    if not key:
        return None, False
    words = _role_words()
    for label in sorted(words, key=len, reverse=True):
        if key == label or key.startswith(label + " "):
            return words[label], False
    close = difflib.get_close_matches(key, sorted(words), n=1, cutoff=0.85)
    return (words[close[0]], True) if close else (None, False)


def role_from_note(note: str, default: str = "uy-vien") -> str:
    """The role a Ghi chú names: 'Nhóm trưởng' -> nhom-truong, 'P.Nhóm trưởng' ->
    pho-nhom-truong, a one-letter slip ('Phó Cục trưởng') -> pho-cum-truong; an empty or
    other remark leaves the default."""
    return _role_match(note)[0] or default


@dataclass(frozen=True)
class Candidate:
    id: str
    label: str


@dataclass
class ImportedRow:
    """One row of the table, matched (or not) to the data."""

    line: int
    stt: int | None
    name: str
    as_written: str | None = None
    position: str | None = None
    unit: str | None = None
    person: str | None = None
    new_person: bool = False
    school: str | None = None
    role: str = "uy-vien"
    subject: str | None = None  # as written in the table
    subject_id: str | None = None
    note: str | None = None
    problems: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return not self.problems

    def member(self) -> dict[str, Any]:
        """The row as a `members:` entry, keys in the order of the data files."""
        entry: dict[str, Any] = {}
        if self.stt is not None:
            entry["stt"] = self.stt
        if self.school:
            entry["school"] = self.school
        elif self.person:
            entry["person"] = self.person
        entry["role"] = self.role
        for key in ("position", "unit", "as_written", "subject", "note"):
            value = getattr(self, key)
            if value:
                entry[key] = value
        return entry


class Matcher:
    """Finds an office's schools, people and subjects from the text of a roster."""

    def __init__(self, portal: Portal, office: str) -> None:
        if office not in portal.offices:
            close = difflib.get_close_matches(office, sorted(portal.offices), n=3, cutoff=0.5)
            hint = f" Có phải: {', '.join(close)}?" if close else ""
            raise RosterError(f"không có đơn vị nào mang mã '{office}'.{hint}")
        self.portal = portal
        self.office = portal.offices[office]
        self.schools = [s for s in portal.schools.values() if s.office == office]
        self.school_keys: list[tuple[str, str]] = []
        for s in self.schools:
            for text in (s.name, *s.aliases, *(f.name for f in s.former_names)):
                self.school_keys.append((school_key(text), s.id))
        self.people = [p for p in portal.people.values() if Path(p.source.file).stem == office]
        self.people_by_name: dict[str, list[str]] = defaultdict(list)
        for p in self.people:
            self.people_by_name[fold(p.name)].append(p.id)
        self.units_of_person: dict[str, set[str]] = defaultdict(set)
        for body in portal.bodies.values():
            for m in body.members:
                if m.person and m.unit:
                    self.units_of_person[m.person].add(m.unit)
        self.subject_keys = {fold(text): s.id for s in portal.subjects.values() for text in (s.name, *s.aliases)}
        self.prefix = self._id_prefix()
        self.taken = set(portal.people)
        self.proposed: dict[tuple[str, str | None], str] = {}

    def _id_prefix(self) -> str:
        """How the office's ids start ('dbp-'): from its people, else its schools."""
        counts: Counter[str] = Counter()
        for records in (self.people, self.schools):
            for record in records:
                slug = slugify(record.name)
                if slug and record.id.endswith(slug):
                    counts[record.id[: len(record.id) - len(slug)]] += 1
            if counts:
                break
        if not counts:
            return self.office.id + "-"
        top = max(counts.values())
        return min(prefix for prefix, n in counts.items() if n == top)

    # Schools and the office

    def is_office(self, text: str) -> bool:
        key = fold(text)
        return key.startswith(("phong gd", "phong giao duc")) or key in (fold(self.office.name),
                                                                        fold(self.office.short_name))

    def school(self, text: str) -> tuple[str | None, list[Candidate], str | None]:
        """(school id, candidates, problem) for the text of a unit."""
        key = school_key(text)
        if not key:
            return None, [], "thiếu đơn vị công tác"
        for matches in self._school_matches(key):
            if len(matches) == 1:
                return next(iter(matches)), [], None
            if len(matches) > 1:
                found = [Candidate(s, self.portal.schools[s].name) for s in sorted(matches)]
                return None, found, f"'{text}' khớp với nhiều trường"
        return None, self.close_schools(key), f"không tìm thấy trường '{text}'"

    def _school_matches(self, key: str) -> list[set[str]]:
        """Ways to match, strictest first: the whole name; a known name followed by more
        text (the longest); without a level, when the text gives none."""
        exact = {s for k, s in self.school_keys if k == key}
        prefixes = [(len(k), s) for k, s in self.school_keys if _starts_with(key, k)]
        longest = max((n for n, _ in prefixes), default=0)
        steps = [exact, {s for n, s in prefixes if n == longest}]
        if key.split(" ")[0] not in LEVEL_CODES:
            steps.append({s for k, s in self.school_keys if _starts_with(key, _without_level(k))})
        return steps

    def close_schools(self, key: str, n: int = 3) -> list[Candidate]:
        scores: dict[str, float] = {}
        for k, s in self.school_keys:
            score = max(_ratio(key, k), _ratio(key[: len(k)], k))
            scores[s] = max(scores.get(s, 0.0), score)
        best = sorted(scores, key=lambda s: (-scores[s], s))[:n]
        return [Candidate(s, self.portal.schools[s].name) for s in best]

    # People

    def close_people(self, name: str, n: int = 3) -> list[Candidate]:
        key = fold(name)
        scored = sorted(self.people, key=lambda p: (-_ratio(key, fold(p.name)), p.id))[:n]
        return [Candidate(p.id, p.name) for p in scored]

    def person(self, name: str, unit: str | None) -> tuple[str | None, list[Candidate], str | None, str | None]:
        """(person id, candidates, problem, remark) for a name at a unit."""
        ids = self.people_by_name.get(fold(name), [])
        if len(ids) == 1:
            known = self.units_of_person.get(ids[0], set())
            remark = None
            if unit and known and unit not in known:
                where = ", ".join(sorted(self._unit_name(u) for u in known))
                remark = (f"'{name}' trùng tên với {ids[0]} (trước đây ở {where}): "
                          "kiểm tra có đúng là một người không")
            return ids[0], [], None, remark
        if len(ids) > 1:
            at_unit = [i for i in ids if unit and unit in self.units_of_person.get(i, set())]
            if len(at_unit) != 1 and unit:
                unit_key = school_key(self._unit_name(unit))
                at_unit = [i for i in ids
                           if unit_key and unit_key in school_key(self.portal.people[i].note or "")]
            if len(at_unit) == 1:
                return at_unit[0], [], None, None
            found = [Candidate(i, ", ".join(filter(None, (self.portal.people[i].name, self.portal.people[i].note))))
                     for i in sorted(ids)]
            return None, found, (f"có {len(ids)} người tên '{name}', không phân biệt được theo "
                                 "đơn vị công tác: ghi mã người vào danh sách"), None
        return None, self.close_people(name), None, None

    def propose_id(self, name: str, unit: str | None) -> str:
        """A new person's id: the office's prefix and the name's slug; a namesake gets
        the school's name after it, then a number."""
        key = (fold(name), unit)
        if key in self.proposed:
            return self.proposed[key]
        base = self.prefix + slugify(name)
        candidate = base
        if candidate in self.taken and unit in self.portal.schools:
            candidate = f"{base}-{slugify(_without_level(school_key(self.portal.schools[unit].name)))}"
        number = 2
        while candidate in self.taken:
            candidate = f"{base}-{number}"
            number += 1
        self.taken.add(candidate)
        self.proposed[key] = candidate
        return candidate

    def _unit_name(self, unit: str) -> str:
        if unit in self.portal.schools:
            return self.portal.schools[unit].name
        if unit in self.portal.offices:
            return self.portal.offices[unit].short_name
        return unit

    # Subjects

    def subject(self, text: str) -> str | None:
        key = re.sub(r"\s*-\s*", "-", fold(text))
        if key in self.subject_keys:
            return self.subject_keys[key]
        first = re.split(r"[-/,(]", key)[0].strip()
        return self.subject_keys.get(first)

    def close_subjects(self, text: str, n: int = 3) -> list[Candidate]:
        key = fold(text)
        scores: dict[str, float] = {}
        for k, s in self.subject_keys.items():
            scores[s] = max(scores.get(s, 0.0), _ratio(key, k))
        best = sorted(scores, key=lambda s: (-scores[s], s))[:n]
        return [Candidate(s, self.portal.subjects[s].name) for s in best]


def _stt(text: str) -> int | None:
    match = re.fullmatch(r"0*(\d+)\s*\.?", text)
    return int(match.group(1)) if match else None


def match_row(matcher: Matcher, row: TableRow, school_table: bool) -> ImportedRow:
    """Match one row of the table to the data."""
    stt = _stt(row.get("stt"))
    note = row.get("note") or None
    result = ImportedRow(line=row.line, stt=stt, name=_strip_honorific(row.get("name") or row.get("school")),
                         note=note)
    if row.get("stt") and stt is None:
        result.remarks.append(f"STT '{row.get('stt')}' không phải là số")
    role, loose = _role_match(note or "")
    if loose and role:
        result.remarks.append(f"Ghi chú '{note}' được hiểu là {vocab.ROLES[role]}")
    if row.get("subject"):
        result.subject = row.get("subject")
        result.subject_id = matcher.subject(result.subject)
        if result.subject_id is None:
            result.problems.append(f"không rõ môn '{result.subject}'")
            result.candidates += matcher.close_subjects(result.subject)

    if school_table or (not row.get("post") and not row.get("position") and not row.get("unit")
                        and result.name and not matcher.people_by_name.get(fold(result.name))
                        and matcher.school(result.name)[0]):
        # A list of schools (a cluster): the name column holds the school.
        result.role = role_from_note(note or "", "thanh-vien")
        school, candidates, problem = matcher.school(result.name)
        result.school = school
        if problem:
            result.problems.append(problem)
            result.candidates += candidates
        return result

    result.role = role_from_note(note or "", "uy-vien")
    if not result.name:
        result.problems.append("thiếu họ và tên")
        return result
    if row.get("post"):
        result.as_written = row.get("post")
        position, unit_text = split_post(result.as_written)
        if fold(result.as_written).startswith(("truong phong", "pho truong phong")):
            # "Trưởng Phòng Giáo dục - Đào tạo": the office's own staff, the dash is in its name.
            position, unit_text = result.as_written, ""
            result.unit = matcher.office.id
    else:
        position, unit_text = row.get("position"), row.get("unit")
    result.position = normalize_position(position) if position else None
    if unit_text and result.unit is None:
        if matcher.is_office(unit_text):
            result.unit = matcher.office.id
        else:
            school, candidates, problem = matcher.school(unit_text)
            result.unit = school
            if problem:
                result.problems.append(problem)
                result.candidates += candidates
    person, candidates, problem, remark = matcher.person(result.name, result.unit)
    if problem:
        result.problems.append(problem)
        result.candidates += candidates
    elif person:
        result.person = person
    else:
        result.person = matcher.propose_id(result.name, result.unit)
        result.new_person = True
        close = ", ".join(f"{c.id} ({c.label})" for c in candidates)
        result.remarks.append(f"người mới, đề xuất mã {result.person}" + (f"; tên gần nhất: {close}" if close else ""))
    if remark:
        result.remarks.append(remark)
    return result


@dataclass
class ImportResult:
    source: str
    office: str
    rows: list[ImportedRow]
    subject_names: dict[str, str] = field(default_factory=dict)

    @property
    def unmatched(self) -> list[ImportedRow]:
        return [r for r in self.rows if not r.matched]

    @property
    def new_people(self) -> list[dict[str, str]]:
        seen: dict[str, dict[str, str]] = {}
        for r in self.rows:
            if r.new_person and r.person and r.person not in seen:
                seen[r.person] = {"id": r.person, "name": r.name}
        return list(seen.values())

    def data(self, body: str | None = None, decision: str | None = None) -> dict[str, Any]:
        """The YAML to paste, as plain values: new `people`, then `members` (rows with no
        subject) and `bodies` (one subject group per subject, in the order of the table)."""
        out: dict[str, Any] = {}
        if self.new_people:
            out["people"] = self.new_people
        plain = [r.member() for r in self.rows if r.subject_id is None]
        if plain:
            out["members"] = plain
        groups: dict[str, list[ImportedRow]] = {}
        for r in self.rows:
            if r.subject_id is not None:
                groups.setdefault(r.subject_id, []).append(r)
        bodies = []
        for subject_id, rows in groups.items():
            group: dict[str, Any] = {
                "id": f"{body}-{subject_id}" if body else f"nhom-{subject_id}",
                "kind": "nhom-bo-mon",
                "name": f"Nhóm {self.subject_names.get(subject_id, subject_id)}",
            }
            if body:
                group["parent"] = body
            if decision:
                group["decision"] = decision
            group["subject"] = subject_id
            group["members"] = [r.member() for r in rows]
            bodies.append(group)
        if bodies:
            out["bodies"] = bodies
        return out

    def summary(self) -> str:
        return (f"{self.source}: {len(self.rows)} dòng, {len(self.rows) - len(self.unmatched)} khớp, "
                f"{len(self.unmatched)} chưa khớp, {len(self.new_people)} người mới.")

    def to_yaml(self, body: str | None = None, decision: str | None = None) -> str:
        header = [f"# Nhập từ {self.summary()}",
                  f"# people: thêm vào data/people/{self.office}.yml; members, bodies: thêm vào "
                  f"data/years/<năm học>/{self.office}.yml."]
        header += [f"# CHƯA KHỚP dòng {r.line}: {'; '.join(r.problems)}" for r in self.unmatched]
        body_text = yaml.dump(self.data(body, decision), Dumper=_IndentDumper, allow_unicode=True,
                              sort_keys=False, width=1000, default_flow_style=False)
        return "\n".join(header) + "\n" + body_text

    def report(self) -> str:
        lines = [self.summary()]
        for r in self.rows:
            where = f"{self.source}, dòng {r.line}" + (f" (STT {r.stt})" if r.stt is not None else "")
            who = r.name or "(không có tên)"
            if r.problems:
                lines.append(f"LỖI {where}: {who}: {'; '.join(r.problems)}.")
                if r.candidates:
                    lines.append("    gần nhất: " + ", ".join(f"{c.id} ({c.label})" for c in r.candidates))
            for remark in r.remarks:
                lines.append(f"CHÚ Ý {where}: {who}: {remark}.")
        return "\n".join(lines)


class _IndentDumper(yaml.SafeDumper):
    """Indents lists under their key, as the data files do ("members:\n  - stt: 1")."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def import_table(portal: Portal, office: str, table: Table, matcher: Matcher | None = None) -> ImportResult:
    """Match every row of a table read with `read_table` to the office's data."""
    matcher = matcher or Matcher(portal, office)
    school_table = "school" in table.columns and "name" not in table.columns
    rows = [match_row(matcher, row, school_table) for row in table.rows]
    return ImportResult(table.source, office, rows, {s.id: s.name for s in portal.subjects.values()})


def import_roster(portal: Portal, office: str, path: Path, fmt: str | None = None,
                  shown: str | None = None) -> ImportResult:
    """Read the file at `path` (tsv, csv or xlsx; guessed from the name when not given)
    and match it to the office's data. Raises RosterError on a file it cannot use."""
    Matcher(portal, office)  # an unknown office is reported before the file is read
    return import_table(portal, office, read_table(path, fmt, shown))
