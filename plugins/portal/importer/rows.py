"""Match one row of a roster to the data: who, which school, which role, which subject.

A row's problems (an unknown school, a name that is no name, a role that no role of the
data fits) are `Problem`s naming the file, the row and the column, so that the report
reads like the checker's. Points to check that do not stop the import (a new person, a
name spelt with other marks) are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .. import vocab, wording
from ..personal_data import PERSONAL_EXPECTED, PERSONAL_HINTS, find_personal_values
from ..privacy import KIND_LABELS, find_contacts
from ..problems import Problem, Severity
from ..roles import (
    COUNCIL_KIND,
    ORDINARY_ROLES,
    CouncilNamed,
    abbreviated_roles,
    council_of_list,
    council_role,
    fits_kind,
    is_school_post,
    leading_school_role,
    looks_like_a_role,
    ordinary_role,
    role_label,
    role_match,
    same_council,
)
from ..schema import MEMBER
from .keys import APOSTROPHES, ROLE_APART, NameProblem, fold, name_problem, remark_problem
from .layout import CONTACT_NOT_IMPORTED, ID_KEYS, LABELS, NOTES_JOINED_BY, TableRow
from .legacy import legacy_font
from .matcher import Candidate, Found, Matcher, written_otherwise
from .names import WrittenName, read_name
from .posts import DASHES, is_office_staff, normalize_position, school_only_mentioned, split_post, split_post_mentioning

_HONORIFIC = re.compile(r"^(Ông|Bà|Thầy|Cô|Ô\.|B\.)\s+")
_HONORIFICS = {"Ông": "Ông", "Ô.": "Ông", "Thầy": "Ông", "Bà": "Bà", "B.": "Bà", "Cô": "Bà"}
_ONE_NAME = "họ và tên của một người, viết bằng chữ cái tiếng Việt, ví dụ 'Hà Thị Liên'"
_ONE_PER_ROW = "mỗi người một dòng riêng của bảng"
# The hint of a name cell whose lines may be one name or several people's.
_LINES_APART = ("nếu là một tên bị xuống dòng, xóa chỗ xuống dòng trong ô (gõ bằng Alt+Enter trong Excel, Enter "
                f"hoặc Shift+Enter trong Word) để cả tên trên một dòng; nếu là hai người, ghi {_ONE_PER_ROW}; "
                "ghi chú ghi ở cột 'Ghi chú'.")
# What separates the parts of a Ghi chú, each read for a role: a semicolon (several note
# columns are joined by layout.NOTES_JOINED_BY), a comma, a dash between spaces, a slash
# but in a date ("TTCM/Nhóm trưởng"), the word "kiêm" ("Tổ trưởng CM kiêm Nhóm trưởng",
# "Kiêm thư ký").
_NOTE_PARTS = re.compile(rf"[;,]|\s[{DASHES}]\s|(?<!\d)/|/(?!\d)|(?:^|\s)kiêm\s", re.IGNORECASE)
# A bullet before a line of a note ("- Nhóm trưởng" | "- Dạy giỏi"): not part of the text read.
_BULLET = re.compile(rf"^[{DASHES}•*+]\s*")
# A school's departments are "tổ": a position "Tổ trưởng", "Tổ phó" is their head at the
# school ("Tổ trưởng chuyên môn" written short), nothing to warn about (_role_in_position).
_SCHOOL_HEADS = frozenset({"to-truong", "to-pho"})
# The cells a row is checked for an old font encoding in (_legacy_cell): the name's first.
_LEGACY_ORDER = ("name", "school", *(key for key in LABELS if key not in {"name", "school", *ID_KEYS}))
_EMPTY_IF_ORDINARY = "cột '{column}' để trống nếu là thành viên bình thường."
# The cells of a row whose text the data keeps and the site publishes (as written): every
# column read but a number, a name (a person's is refused with digits, a school's matched),
# a date or an id, so that a column added to LABELS is covered.
_PUBLISHED_CELLS = tuple(key for key in LABELS if key not in {"stt", "name", "school", "since", *ID_KEYS})
# The member fields of a data file, in the schema's order (the order of the data files).
MEMBER_FIELDS: tuple[str, ...] = tuple(MEMBER["properties"])


def _honorific(text: str) -> tuple[str | None, str]:
    """'Bà Hà Thị Liên' -> ('Bà', 'Hà Thị Liên')."""
    honorific = _HONORIFIC.match(text)
    return (_HONORIFICS[honorific.group(1)], text[honorific.end():]) if honorific else (None, text)


def _stt(text: str) -> int | None:
    match = re.fullmatch(r"0*(\d+)\s*\.?", text)
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class RoleRead:
    """A role read from the Vai trò cell, or from one of the Ghi chú cells joined in the note."""

    text: str  # that cell, or part of a note, as written: "Nhóm trưởng", "P.Nhóm trưởng", "Tổ trưởng"
    role: str
    # Read through a one-letter slip, from an abbreviation ("NT"), or after a label naming no role
    # ("Phụ trách: Nhóm trưởng", _introduced), which the report says.
    loose: bool
    column: str = "note"  # the column of `text`: _role sets it once the texts are read (_role_parts)
    # An officer of a council named after the role ("Thư ký HĐKH"): a role in that council's list only.
    council: CouncilNamed | None = None
    council_subject: str | None = None  # the subject id the council's words name ("bộ môn Ngữ văn")
    abbreviation: bool = False  # "NT", "TT": a role only in a list of a body that has it (_applies)
    school: bool = False  # "Trường nhóm trưởng": the leading school, read on a school's row only


@dataclass
class ImportedRow:
    """One row of the table, matched (or not) to the data."""

    source: str
    order: int  # its position in the file (layout.TableRow.order)
    line: int | None
    place: str
    stt: int | None
    name: str
    honorific: str | None = None  # "Ông", "Bà" before the name, for a new person
    as_written: str | None = None
    position: str | None = None
    unit: str | None = None
    person: str | None = None
    new_person: bool = False
    school: str | None = None
    role: str = "uy-vien"
    role_from_merge: bool = False  # the role came from a cell merged down over several rows
    subject: str | None = None  # as written in the table
    subject_id: str | None = None
    note: str | None = None
    target: str | None = None  # the body it goes into (placement.py); None: none found
    role_in_name: tuple[str, str] | None = None  # (the name cell, its remark) when that gave the role
    roles_read: tuple[RoleRead, ...] = ()  # the roles the Vai trò and Ghi chú cells name (settle_role chooses)
    role_column: str | None = None  # the column of the role chosen (before settle_role: of the one that fits)
    problems: list[Problem] = field(default_factory=list)
    # The headers messages name that are not the column's own label ("Nhiệm vụ" for the roles).
    headers: Mapping[str, str] = field(default_factory=dict)
    columns: frozenset[str] = frozenset()  # the keys of the table's columns (layout.TableRow.columns)
    candidates: list[Candidate] = field(default_factory=list)
    remarks: list[Problem] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return not self.problems

    def label(self, column: str) -> str:
        """A column as messages name it: its header as written when that is not the column's
        own label ("Nhiệm vụ" read for the roles), else the label."""
        return self.headers.get(column) or LABELS[column]

    def problem(self, column: str | None, message: str, *, expected: str | None = None,
                actual: str | None = None, hint: str | None = None, severity: Severity = "error") -> None:
        parts = [self.place] if self.place else []
        if column:
            parts.append(f"cột '{self.label(column)}'")
        found = Problem(self.source, self.line, ", ".join(parts), message, expected=expected, actual=actual,
                        hint=hint, severity=severity)
        (self.problems if severity == "error" else self.remarks).append(found)

    def not_found(self, column: str, found: Found, hint: str | None = None) -> None:
        assert found.problem is not None
        self.candidates += found.candidates
        close = ", ".join(f"{c.id} ({c.label})" for c in found.candidates)
        hints = [text for text in (f"gần nhất: {close}" if close else None, hint) if text]
        self.problem(column, found.problem + ".", hint="; ".join(hints) or None)

    def member(self) -> dict[str, Any]:
        """The row as a `members:` entry, keys in the order of the data files."""
        entry: dict[str, Any] = {}
        for key in MEMBER_FIELDS:
            value = self.role if key == "role" else getattr(self, key, None)
            if key == "person" and self.school:
                continue
            if value is not None and value != "":
                entry[key] = value
        return entry


def match_row(matcher: Matcher, row: TableRow, source: str, school_table: bool, body_kind: str | None) -> ImportedRow:
    """Match one row of the table to the data. `body_kind` is the kind of the body the
    row goes into, which sets the role of a row that names none."""
    stt = _stt(row.get("stt"))
    honorific, name = _honorific(row.get("name") or row.get("school"))
    result = ImportedRow(source, row.order, row.line, row.place, stt, name, honorific=honorific, note=_note(row),
                         headers=row.loose, columns=row.columns)
    result.problems += [p for p in row.problems if p.severity == "error"]
    result.remarks += [p for p in row.problems if p.severity != "error"]
    if _legacy_cell(result, row):
        return result
    if row.get("stt") and stt is None:
        result.problem("stt", f"STT '{row.get('stt')}' không phải là số.", severity="warning")
    if row.get("subject"):
        result.subject = row.get("subject")
        result.subject_id = matcher.subject(result.subject)
        if result.subject_id is None:
            result.candidates += matcher.close_subjects(result.subject)
            close = ", ".join(c.label for c in result.candidates)
            result.problem("subject", f"không rõ môn '{result.subject}'.", expected="tên một môn trong "
                           "data/subjects.yml (hoặc một tên khác đã ghi trong aliases của môn đó)",
                           hint=f"gần nhất: {close}" if close else None)
    _contacts(result, row)
    is_school = school_table or _names_a_school(matcher, row, name)
    role_column = _role(result, row, body_kind, is_school, matcher)
    if is_school:
        found = _known_school(matcher, row.get("member_id"), name) or matcher.school(name)
        result.school = found.id
        _school_found(result, "school" if row.get("school") else "name", found)
        return result
    if not name:
        if not {"name", "school"} & row.refused:  # else its cell's own problem says why it is empty
            result.problem("name", "thiếu họ và tên.")
        return result
    if not _read_name(result, matcher, row, role_column):
        return result
    problem = name_problem(result.name)
    if problem:
        _name_error(result, problem)
        return result
    _post(result, matcher, row)
    _person(result, matcher, row)
    return result


def _legacy_cell(result: ImportedRow, row: TableRow) -> bool:
    """Whether a cell of the row is typed in an old font encoding (legacy.py): the name's
    first, then the others the row reads; one error, on the first (the row stops there: its
    name would be a new person "Nguyeãn Thò Thanh Taâm", its school and subject unknown)."""
    for column in _LEGACY_ORDER:
        if (font := legacy_font(row.get(column))) is not None:
            result.problem(column, font.said_of(row.get(column)) + ".",
                           expected=_ONE_NAME if column == "name" else None, hint=font.hint)
            return True
    return False


def _contacts(result: ImportedRow, row: TableRow) -> None:
    """A phone number or an e-mail address in a cell the data would publish (a note, a
    post) is an error: contacts are private and never imported from a list (the checker
    refuses a number of nobody; a known one would only be hidden). So is an identity number
    or a date of birth (personal_data), which the checker would refuse after the import,
    naming the data file rather than the row."""
    for column in _PUBLISHED_CELLS:
        cell = row.get(column)
        for found in find_contacts(cell, without_trunk=True):  # Excel drops a number's leading 0
            result.problem(column, f"có {KIND_LABELS[found.kind]} '{cell[found.start:found.end]}'.",
                           expected="không ghi thông tin liên hệ trong danh sách", hint=CONTACT_NOT_IMPORTED)
        for value in find_personal_values(cell):
            result.problem(column, f"có {value.said(cell)}.",
                           expected=PERSONAL_EXPECTED[value.kind], hint=f"{PERSONAL_HINTS[value.kind]} khỏi ô này.")


def _name_error(result: ImportedRow, problem: NameProblem) -> None:
    result.problem("name", problem.message + ".", expected=_ONE_NAME, hint=problem.hint)


def _read_name(result: ImportedRow, matcher: Matcher, row: TableRow, role_column: str | None) -> bool:
    """The name without what was written with it (see names.py): signs at its end are
    dropped with a warning, a role in parentheses, after a dash or on a line of its own
    is the row's role with a warning, an academic title ("ThS.") is dropped with a
    warning, the name matched by the rest, the lines of one name are joined with a warning;
    any other remark, or two lines that could each be a name and together are no one's
    name, is an error (False: the row stops there)."""
    written = result.name
    lines = row.lines.get("name")
    cell = read_name(_honorific("\n".join(lines))[1] if lines else written)
    if not cell.name:
        return True  # nothing but signs: name_problem says so of the text as written
    if cell.lines and not _lines_of_one_name(result, matcher, cell):
        return False
    result.name = cell.name
    if cell.title:  # matched by the rest: the data keeps no title
        result.problem("name", f"họ và tên ghi '{written}', đọc là '{cell.name}'; '{cell.title}' là học hàm, học vị, "
                       "không ghi vào họ tên.", severity="warning")
    if cell.remark:
        return _role_in_name(result, written, cell.remark, role_column)
    # A typographic apostrophe made plain is no change.
    if not cell.title and cell.name != written.translate(APOSTROPHES):
        result.problem("name", f"họ và tên ghi '{written}', đọc là '{cell.name}'.", severity="warning")
    return True


def _lines_of_one_name(result: ImportedRow, matcher: Matcher, cell: WrittenName) -> bool:
    """A name cell of several lines is one name wrapped ("Đỗ Thị" | "Mỹ Duyên", "Nguyễn
    Thị" | "Hồng Nhung"), joined with a warning saying how it was read, when it is someone's
    name or when its lines cannot each be a whole name (names.py's `one_name`): a new
    person's name broken by a narrow column is joined too. Lines that could each be a
    whole name, or are surely several names (names.py's `apart`, a line that alone is
    someone's name), are an error: one name or two people, only the clerk knows."""
    shown = f"ô họ và tên có {len(cell.lines)} dòng: " + ", ".join(f"'{line}'" for line in cell.lines)
    known = bool(matcher.people_by_name.get(fold(cell.name)))
    if cell.apart or any(matcher.people_by_name.get(fold(line)) for line in cell.lines) or not (
            cell.one_name or known):
        result.problem("name", f"{shown}.", expected=_ONE_NAME, hint=_LINES_APART)
        return False
    result.problem("name", f"{shown}, đọc là một tên '{cell.name}'.", severity="warning")
    return True


def _role_in_name(result: ImportedRow, written: str, remark: str, role_column: str | None) -> bool:
    """A role in the name cell ("Hà Thị Liên (Nhóm trưởng)"): the row's role, unless
    the row names another; anything else is an error. The remark must be a role's label
    and nothing more ("Tổ trưởng tổ Toán" is the teacher's post at their school); whether
    the body has that role is known once the row is placed (settle_role)."""
    role = role_label(remark)
    if role is None:
        _name_error(result, remark_problem(written, remark))
        return False
    if role_column is not None and role != result.role:
        result.problem("name", f"ô họ và tên '{written}' ghi vai trò {wording.role_name(role)}, cột "
                       f"'{result.label(role_column)}' ghi {wording.role_name(result.role)}.",
                       expected="một vai trò, ghi ở cột 'Ghi chú' (hoặc 'Vai trò')", hint=ROLE_APART)
        return False
    result.role = role
    result.role_in_name = (written, remark)
    return True


def settle_role(result: ImportedRow, body_kind: str | None, body_name: str | None = None,
                body_subjects: frozenset[str] = frozenset()) -> None:
    """The row's role, now that the body the row goes into is known: a role the body has
    (roles.fits_kind; any role when no body was found), read from the Vai trò or Ghi chú
    cells (_role_parts), or from the name cell. A read that is no role of such a list is
    a note (_applies: a council's officer, an abbreviation); a cell naming a role the body
    does not have ("Tổ trưởng" in a subject group: another kind of body's) is no role of
    the row: another cell's role that fits is taken; none, an error. Two cells naming
    different roles that fit are an error naming both; a school's role must be a school's
    (vocab.school_role_fits_kind). `body_name` names the body in messages, and with
    `body_subjects` (the subjects its name names) tells its council's officers from another
    council's (_another_council)."""
    if result.roles_read and not _settle_column_role(result, body_kind, body_name, body_subjects):
        return
    if result.school and body_kind is not None and not vocab.school_role_fits_kind(result.role, body_kind):
        _no_school_role(result, body_kind)
        return
    if result.role_in_name is None:
        return
    written, remark = result.role_in_name
    if not fits_kind(result.role, body_kind):  # "(Tổ trưởng)" in a subject group, as in a Ghi chú
        _name_error(result, remark_problem(written, remark))
        return
    result.problem("name", f"họ và tên ghi '{written}', đọc là '{result.name}', vai trò "
                   f"{wording.role_name(result.role)}.", severity="warning")


def _settle_column_role(result: ImportedRow, body_kind: str | None, body_name: str | None,
                        body_subjects: frozenset[str]) -> bool:
    kept = []
    for read in (read for read in result.roles_read if _applies(result, read, body_kind)):
        another, surely = _another_council(read, body_name, body_subjects)
        if another and _exact_role_column(result, read):
            _another_council_in_role_column(result, read, body_kind, body_name)
            return False
        if another and not surely and _an_officer(read, body_kind):
            _another_council_said(result, read, body_name)
        if not another:
            kept.append(read)
    result.roles_read = tuple(kept)
    if not result.roles_read:
        result.role = ordinary_role(body_kind, bool(result.school))
        return True
    fitting = [read for read in result.roles_read if fits_kind(read.role, body_kind)]
    ordinary = [read for read in fitting if read.role in ORDINARY_ROLES]
    if len({read.role for read in fitting}) > 1:  # "Ủy viên, thư ký": a plain member's role gives way
        fitting = [read for read in fitting if read.role not in ORDINARY_ROLES] or fitting
    if len({read.role for read in fitting}) > 1:
        _two_roles(result, fitting[0], next(read for read in fitting if read.role != fitting[0].role), fitting)
        return False
    if not fitting:
        assert body_kind is not None  # any role fits a body of no known kind
        result.role_column = result.roles_read[0].column
        _role_not_of_body(result, body_kind, body_name)
        return False
    chosen = fitting[0]
    result.role, result.role_column = chosen.role, chosen.column
    if chosen.loose:
        result.problem(chosen.column, f"'{chosen.text}' được hiểu là {wording.role_name(chosen.role)}.",
                       severity="warning")
    gave_way = next((read for read in ordinary if read.role != chosen.role and read.column != chosen.column), None)
    if gave_way is not None:  # within one note it gives way silently: "Ủy viên, thư ký" is one way to write it
        result.problem(gave_way.column, f"cột '{result.label(gave_way.column)}' ghi '{gave_way.text}', cột "
                       f"'{result.label(chosen.column)}' ghi '{chosen.text}': đọc là {wording.role_name(chosen.role)}.",
                       severity="warning")
    return True


def _two_roles(result: ImportedRow, first: RoleRead, other: RoleRead, fitting: list[RoleRead]) -> None:
    """The error of two roles that fit the body: in one text ("CT" in a body of no known
    kind), in one column, or in two columns (Vai trò and Ghi chú), each named."""
    expected = "một vai trò cho mỗi người"
    if other.text == first.text:
        names = " hoặc ".join(wording.role_name(read.role) for read in fitting if read.text == other.text)
        result.problem(first.column, f"'{other.text}' có thể là {names}.", expected=expected,
                       hint="ghi đầy đủ tên vai trò.")
    elif other.column != first.column:
        result.problem(first.column, f"cột '{result.label(first.column)}' ghi vai trò '{first.text}', cột "
                       f"'{result.label(other.column)}' ghi vai trò '{other.text}'.", expected=expected,
                       hint="giữ vai trò ở một cột, xóa ở cột kia.")
    else:
        result.problem(first.column, f"ghi hai vai trò khác nhau: '{first.text}' và '{other.text}'.",
                       expected=expected, hint="giữ lại một vai trò, xóa vai trò kia.")


def _no_school_role(result: ImportedRow, body_kind: str) -> None:
    """A school written as a secretary or an ủy viên, roles of a person (vocab.school_role_fits_kind)."""
    read = next(read for read in result.roles_read if read.role == result.role)
    kind = wording.body_kind_name(body_kind).lower()
    labels = ", ".join(label for role, label in vocab.ROLES.items() if vocab.school_role_fits_kind(role, body_kind))
    role = wording.role_name(result.role)
    result.problem(read.column, f"ghi '{read.text}', nhưng một trường không thể là {role} của {kind}.",
                   expected=f"vai trò của một trường trong {kind}: {labels}",
                   hint=f"{role} là một người: ghi người đó trong danh sách người; "
                        + _EMPTY_IF_ORDINARY.format(column=result.label(read.column)))


def _role_not_of_body(result: ImportedRow, body_kind: str, body_name: str | None) -> None:
    """The error of a role the body the row went into does not have: the leader or deputy
    of another kind of body ("Tổ trưởng", "Cụm trưởng", "Tổ trưởng (cốt cán)"; every role
    but a secretary's or a member's is), in a row that went into this one by its subject
    (or its heading). A post at the school is no role (roles._SCHOOL_POST)."""
    column = result.role_column or "note"
    read = result.roles_read[0]
    kind = wording.body_kind_name(body_kind).lower()
    labels = ", ".join(label for role, label in vocab.ROLES.items() if vocab.role_fits_kind(role, body_kind))
    expected = f"một vai trò của {kind}: {labels}"
    empty = _EMPTY_IF_ORDINARY.format(column=result.label(column))
    meant = {alike.role for alike in result.roles_read if alike.text == read.text}  # "CT": two roles
    others = [wording.body_kind_name(other).lower() for other in vocab.BODY_KINDS
              if meant & {vocab.LEADER_ROLE[other], vocab.DEPUTY_ROLE[other]}]
    body = body_name or kind
    why = f" vì môn '{result.subject}'" if result.subject else ""
    hint = f"ghi một vai trò của {kind}, hoặc {empty}"
    if result.subject:
        hint = (f"nếu người này là {wording.role_name(read.role)} của tổ chức có {kind} này, để trống ô "
                f"'{result.label('subject')}' của dòng này hoặc đặt dòng dưới tiêu đề của tổ chức đó; nếu không, "
                f"{hint}")
    result.problem(column, f"'{read.text}' là vai trò của {' và '.join(others)}, không phải của {kind}; dòng này "
                   f"được xếp vào {body}{why}.", expected=expected, hint=hint)


def _names_a_school(matcher: Matcher, row: TableRow, name: str) -> bool:
    """A list of schools in a people's table: only a name, which is a school's."""
    return (not row.get("post") and not row.get("position") and not row.get("unit") and bool(name)
            and not matcher.people_by_name.get(fold(name)) and matcher.school(name).id is not None)


def _known_school(matcher: Matcher, school_id: str, text: str) -> Found | None:
    """The school of the workbook's hidden id, while its name cell still names it."""
    if school_id in matcher.portal.schools and matcher.school(text).id == school_id:
        return Found(school_id)
    return None


def _role(result: ImportedRow, row: TableRow, body_kind: str | None, is_school: bool,
          matcher: Matcher) -> str | None:
    """The roles the Vai trò column and each part of the Ghi chú cells name (_role_parts):
    labels and spellings, a council's officer, an abbreviation, on a school's row its
    leading a body ("Trường nhóm trưởng"), each part whole and what a label and a colon
    in it introduce ("Phụ trách: Nhóm trưởng"); none written: the body's ordinary member.
    A text that reads like a role but is none is an error. The role is chosen among those
    read once the row is placed (settle_role); until then, the one that fits `body_kind`.
    Gives the column the role was read from (None: none)."""
    column_of = _role_parts(row)
    read: list[RoleRead] = []
    for part in column_of:
        whole = _part_read(part, part, is_school, matcher)
        introduced = _introduced(part)
        # What a label and a colon introduce is read too ("Phụ trách: Nhóm trưởng"), said when the
        # label names no role; beside a role the label names, a second role is an error, not lost.
        after = _part_read(introduced, part, is_school, matcher) if introduced else []
        read += whole + [replace(r, loose=True) if not whole else r for r in after]
    read = [replace(r, column=column) for r in read for column in column_of[r.text]]
    result.role_from_merge = any(r.column in row.merged for r in read)
    result.role = ordinary_role(body_kind, is_school)
    unknown = _unknown_role(row, column_of, read)
    if unknown is not None:
        column, text = unknown
        labels = ", ".join(vocab.ROLES.values())
        result.problem(column, f"không rõ vai trò '{text}'.", expected=f"một trong: {labels}",
                       hint="để trống nếu là thành viên bình thường; ghi chú khác ghi ở cột 'Ghi chú'.")
        return None
    if not read:
        return None
    first = next((r for r in read if fits_kind(r.role, body_kind)), read[0])
    result.roles_read, result.role, result.role_column = tuple(read), first.role, first.column
    return first.column


def _part_read(text: str, part: str, is_school: bool, matcher: Matcher) -> list[RoleRead]:
    """The roles a text of a part of the Vai trò or Ghi chú cells names (the part itself, or
    what its label introduces: _introduced): labels and spellings, a council's officer, an
    abbreviation, on a school's row its leading a body."""
    role, loose = role_match(text)  # a post at the school is none (roles._SCHOOL_POST)
    if leading := leading_school_role(text):  # of a person's row, the school leads: a note
        return [RoleRead(part, leading, False, school=True)] if is_school else []
    if role is not None:
        return [RoleRead(part, role, loose)]
    if council := council_role(text):  # a council's officer: a role in that council's list only
        role, named = council
        return [RoleRead(part, role, False, council=named,
                         council_subject=matcher.subject_of_words(named.subject or named.words))]
    # "NT"; "CT", a Chủ tịch or a Cụm trưởng, is told by the body (settle_role)
    return [RoleRead(part, abbreviated, True, abbreviation=True) for abbreviated in abbreviated_roles(text)]


# A label and a colon before what it introduces, in a part of a note: "Phụ trách: Nhóm trưởng".
_LABEL = re.compile(r"^[^:]*[^\W\d_][^:]*:\s*(?=\S)")


def _introduced(part: str) -> str | None:
    """What a label and a colon introduce in a part of a note ("Phụ trách: Nhóm trưởng" ->
    "Nhóm trưởng"); None when the part has no such label."""
    label = _LABEL.match(part)
    return part[label.end():] if label else None


def _unknown_role(row: TableRow, column_of: dict[str, tuple[str, ...]],
                  read: list[RoleRead]) -> tuple[str, str] | None:
    """(column, text) of a role written that no role of the data is: the Vai trò cell
    when it names none (that column holds nothing else), or, when no cell names a role, a
    part of the Ghi chú that reads like one ("Trưởng ban"). A duties column's text that
    names no role is a duty ("Phụ trách chung", "Phó trưởng ban tổ chức"), kept in the note."""
    text = row.get("role")
    if text and "role" not in row.loose and not any(r.column == "role" for r in read):
        return "role", text
    unknown = next((part for part, columns in column_of.items() if "note" in columns
                    and any(looks_like_a_role(text) for text in (part, _introduced(part)) if text)), None)
    return ("note", unknown) if unknown and not read else None


def _role_parts(row: TableRow) -> dict[str, tuple[str, ...]]:
    """The texts a row's role is read from, in order, each with the columns it is in: the
    Vai trò cell whole; the parts of a role column headed loosely ("Nhiệm vụ", which holds
    duties: "Phụ trách chung; Phó nhóm trưởng") and of the Ghi chú cells, split as a note
    is (_note_parts). Every column is read: two roles in them are settled as two in a note
    (settle_role). The Chức vụ is not read for a role (_role_in_position)."""
    text = row.get("role")
    groups = [("role", _note_parts((_lines_joined(row.lines.get("role") or (text,)),)) if "role" in row.loose
               else [text]),
              ("note", _note_parts((_lines_joined(row.lines.get("note") or (row.get("note"),)),)))]
    parts: dict[str, tuple[str, ...]] = {}
    for column, texts in groups:
        for part in filter(None, texts):
            parts[part] = (*parts.get(part, ()), column)
    return parts


def _position_written(row: TableRow) -> tuple[str, str]:
    """(column, position as written): from one "Chức vụ - Đơn vị" cell (split_post; the
    office's own staff's whole, the dash being in the office's name), else the Chức vụ."""
    post = row.get("post")
    if not post:
        return "position", row.get("position")
    return "post", post if is_office_staff(fold(post)) else split_post_mentioning(post)[0]


def _note_parts(lines: Sequence[str]) -> list[str]:
    """The parts of a note, each read for a role: its lines split at _NOTE_PARTS ("Tổ
    trưởng CM, Phó nhóm trưởng": two parts), a post at the school made whole (_posts_whole)."""
    parts = (_BULLET.sub("", part.strip()) for line in lines for part in _line_parts(line))
    return _posts_whole([part for part in parts if part])


def _line_parts(line: str) -> list[str]:
    """A line of a note split at _NOTE_PARTS, but a dash within a subject council's name
    ("Thư ký HĐ bộ môn Toán - Tin": the Toán - Tin council, not the Toán one; a dash
    before a role or a post still splits: "Thư ký HĐ bộ môn Toán - Nhóm trưởng")."""
    parts: list[str] = []
    start, dash = 0, False
    for separator in (*_NOTE_PARTS.finditer(line), None):
        part = line[start:separator.start() if separator else len(line)]
        council = council_role(parts[-1]) if dash and parts else None
        if council and council[1].subject and part.strip() and not _starts_an_item(part.strip()):
            parts[-1] = f"{parts[-1]} - {part.strip()}"
        else:
            parts.append(part)
        if separator:
            start, dash = separator.end(), separator.group().strip() in DASHES
    return parts


def _note(row: TableRow) -> str | None:
    """The member's note: the Ghi chú cells, after the text of a role column headed
    loosely ("Nhiệm vụ": "Phụ trách chung", the row's own words, lost otherwise) unless
    that text is a role's label alone, the row's role as a Vai trò is. A cell's lines stay
    apart (_lines_joined)."""
    duties = row.get("role") if "role" in row.loose else ""
    kept = [_lines_joined(row.lines.get("role") or (duties,)) if duties and role_label(duties) is None else "",
            _lines_joined(row.lines.get("note") or (row.get("note"),))]
    return NOTES_JOINED_BY.join(text for text in kept if text) or None


# A separator of the parts of a note (_NOTE_PARTS) at the end or the start of a line.
_ENDS_A_PART = re.compile(r"(?:[;,/]|(?:^|\s)kiêm)$", re.IGNORECASE)
_STARTS_A_PART = re.compile(r"^(?:[;,/]|kiêm(?:\s|$))", re.IGNORECASE)
# The end of a line that leaves its phrase open: a colon, a dash, an opening parenthesis
# ("Phụ trách:" | "lớp 9A", "Tổ trưởng tổ Toán -" | "Tin", "Dạy giỏi (2022 -" | "2023)").
_OPEN_END = re.compile(rf"[{DASHES}:(]$")
# Words that end no item of a note, with their marks (lower case): a preposition, a
# conjunction, a word waiting for its name or number ("Dạy giỏi cấp" | "huyện", "Nhóm
# trưởng nhóm" | "Toán", "Chủ tịch HĐ bộ môn" | "Ngữ văn", "Phó" | "Nhóm trưởng"), unless
# the line is a role's label by itself ("Phó nhóm", "Tổ phó", "Trưởng tổ") or ends with
# a whole word pair (_WHOLE_PAIRS: "Hiệu phó", "Bí thư chi bộ", "Tổ trưởng chuyên môn").
_UNFINISHED_WORDS = frozenset({"cấp", "của", "và", "với", "tại", "ở", "về", "môn", "bộ", "nhóm", "tổ", "phó",
                               "khối", "lớp", "năm"})
_WHOLE_PAIRS = frozenset({"hiệu phó", "tổ phó", "nhóm phó", "khối phó", "cụm phó", "chi bộ", "đảng bộ",
                          "chuyên môn"})
# The end of a line naming a council whose name is on the next line, whatever that
# line's case (Word capitalises each paragraph: "Thư ký Hội đồng" | "Bộ môn Toán").
_COUNCIL_END = re.compile(r"(?:^|\s)(?:hội đồng|hđ)$", re.IGNORECASE)


def _lines_joined(lines: Sequence[str]) -> str:
    """A note's lines (the paragraphs of a Word cell, the lines of an Excel one) as the
    data keeps the note, on one line: each line an item, joined as note columns are
    (layout.NOTES_JOINED_BY: "Tổ trưởng tổ Toán; ĐT: xem hồ sơ"), so that the note reads
    back into the parts its lines gave (_note_parts); a bullet before a line is dropped,
    and starts an item. A line goes on the one before it after a space when it is one
    phrase wrapped (_wraps), a separator is there already ("Tổ trưởng tổ Toán" | "kiêm thư
    ký", "Nhóm trưởng," | "Dạy giỏi") or the two are one post ("Thư ký" | "Hội đồng trường")."""
    joined = ""
    for written in lines:
        line = _BULLET.sub("", written.strip())
        if not line:
            continue
        before = joined.rpartition(NOTES_JOINED_BY)[2]
        goes_on = line == written.strip() and (
            _ENDS_A_PART.search(before) or _STARTS_A_PART.match(line) or _goes_on(before, line)
            or _wraps(before, line))
        joined = f"{joined}{' ' if goes_on else NOTES_JOINED_BY}{line}" if joined else line
    return joined


def _wraps(before: str, line: str) -> bool:
    """Whether a line of a note is the phrase of the line before it wrapped, not an item of
    its own: the line before leaves it open (_OPEN_END, a parenthesis not closed, a last
    word in _UNFINISHED_WORDS, a council's name to come: _COUNCIL_END), or the line starts
    in lower case or with a parenthesis, as no item does ("Giáo viên dạy giỏi cấp" | "huyện
    năm 2023", "Thư ký Hội đồng" | "Bộ môn Ngữ văn", "Phó nhóm trưởng" | "(dạy lớp 9)").
    Never a line that starts an item by itself (_starts_an_item: "dạy giỏi cấp huyện" |
    "thư ký", "Hiệu phó" | "Thư ký"), but to finish a role or a post the line before only
    begins ("Phó" | "nhóm trưởng"): a role lost in a phrase is worse than a note cut; or
    after a label and a colon ("Phụ trách:" | "Nhóm trưởng"), whose role is read from what
    the label introduces (_introduced)."""
    if before.endswith(":"):
        return True
    if _starts_an_item(line) and (_starts_an_item(before) or not _starts_an_item(f"{before} {line}")):
        return False
    words = before.lower().split()
    return bool(
        _OPEN_END.search(before) or before.count("(") > before.count(")") or line[0].islower() or line[0] == "("
        or _COUNCIL_END.search(before)
        or words and words[-1] in _UNFINISHED_WORDS and role_label(before) is None
        and " ".join(words[-2:]) not in _WHOLE_PAIRS)


def _starts_an_item(text: str) -> bool:
    """Whether a text is by itself an item of a note that names a role or a post: a role's
    label, spelling or abbreviation, a text starting with one ("Nhóm trưởng nhóm Toán"), a
    school leading a body, a post at the school or a council's officer, or words like a role's."""
    return bool(role_label(text) or role_match(text)[0] or leading_school_role(text) or is_school_post(text)
                or looks_like_a_role(text))


def _goes_on(before: str, part: str) -> bool:
    """Whether a part of a note ends a post at the school begun by the part before it,
    split by a line break or a dash ("Thư ký" | "Hội đồng trường"): only a part that alone
    reads as nothing goes on ("Tổ trưởng" | "Tổ phó CM" are a role and a post)."""
    alone = role_match(part)[0] is None and not is_school_post(part)
    return bool(before) and alone and not is_school_post(before) and is_school_post(f"{before} {part}")


def _posts_whole(parts: list[str]) -> list[str]:
    """The parts of a note, a post at the school split by a line break or a dash made one
    again (_goes_on): read whole, it is no role."""
    whole: list[str] = []
    for part in parts:
        if whole and _goes_on(whole[-1], part):
            whole[-1] = f"{whole[-1]} {part}"
        else:
            whole.append(part)
    return whole


def _applies(result: ImportedRow, read: RoleRead, body_kind: str | None) -> bool:
    """Whether a role read is one in the list of a body of the kind, else the text is a
    note: a council's officer ("Thư ký HĐ chấm thi") only in a council's list, a post held
    elsewhere in any other; an abbreviation only where the body has the role ("TT" in a
    subject group is a school's Tổ trưởng chuyên môn, "CT" there a Chủ tịch of something).
    A Vai trò column holds roles only: what it names is read there, a role or an error."""
    if _exact_role_column(result, read):
        return True
    if read.council:
        return body_kind == COUNCIL_KIND
    return not read.abbreviation or fits_kind(read.role, body_kind)


def _another_council(read: RoleRead, body_name: str | None, body_subjects: frozenset[str]) -> tuple[bool, bool]:
    """(of another council, surely) of a council's officer read in a council's list
    (_applies): the council the text names and the list's, read alike (roles.same_council:
    kind, abbreviations and subject's words on both sides). Surely another: the People's
    Council (HĐND); another subject by the subjects' ids, when both are known (the text's
    by the matcher's lookup, aliases and first parts: "HĐTN"; the list's among the words of
    its name and its own subject). A council the text names that is not recognisably the
    list's ("Thư ký HĐ chấm thi" in a Hội đồng khoa học, "Phó CT HĐ Đội huyện") is another,
    said (the list's may be named otherwise)."""
    named = read.council
    if named is None:
        return False, False
    if named.peoples:
        return True, True
    if read.council_subject and body_subjects:
        return read.council_subject not in body_subjects, True
    return not same_council(named, council_of_list(body_name or "")), False


def _an_officer(read: RoleRead, body_kind: str | None) -> bool:
    """Whether a council's officer read names an officer's role of the list (its leader,
    deputy or secretary): only such a role would be given wrongly if the council were the
    list's after all; a plain member's ("Ủy viên HĐ TĐKT cụm 2") leaves the row a plain
    member either way, another kind of body's ("Tổ trưởng HĐ chấm thi") is no role here."""
    return fits_kind(read.role, body_kind) and read.role not in ORDINARY_ROLES


def _another_council_text(read: RoleRead, body_name: str | None) -> str:
    return f"'{read.text}' ghi chức vụ ở một hội đồng khác, không phải {body_name}"


def _another_council_said(result: ImportedRow, read: RoleRead, body_name: str | None) -> None:
    """A council's officer of another council than the list's, kept in the note, when that
    is not sure (_another_council) and the role is an officer's of the list (_an_officer):
    the list's council may be named otherwise."""
    result.problem(read.column, f"{_another_council_text(read, body_name)}: giữ ở ghi chú, không đọc là vai trò.",
                   severity="warning",
                   hint=f"nếu đó là vai trò trong {body_name}, ghi đúng tên hội đồng hoặc chỉ ghi "
                        f"'{wording.role_name(read.role)}'.")


def _another_council_in_role_column(result: ImportedRow, read: RoleRead, body_kind: str | None,
                                    body_name: str | None) -> None:
    """A Vai trò column holds the list's roles only: another council's officer there is an
    error, as any text of it that is no role of the list (_unknown_role)."""
    labels = ", ".join(label for role, label in vocab.ROLES.items() if fits_kind(role, body_kind))
    result.problem(read.column, f"{_another_council_text(read, body_name)}: không phải vai trò trong danh sách này.",
                   expected=f"một vai trò trong {body_name}: {labels}",
                   hint=f"nếu đó là vai trò trong {body_name}, ghi đúng tên hội đồng hoặc chỉ ghi "
                        f"'{wording.role_name(read.role)}'; chức vụ ở nơi khác ghi ở cột 'Ghi chú'.")


def _exact_role_column(result: ImportedRow, read: RoleRead) -> bool:
    """Whether a role was read from an exact "Vai trò" column (not "Nhiệm vụ"), which holds roles only."""
    return read.column == "role" and "role" not in result.headers


def _role_in_position(result: ImportedRow, column: str, position: str) -> None:
    """A role's label in the Chức vụ ("Phó nhóm trưởng", "GV - Thư ký") is said, not read:
    such a label is as often a post at the school (a school's "Nhóm trưởng" of a subject
    within its department, its "Thư ký") as a role typed in the wrong column. A school's
    "Tổ trưởng", "Tổ phó" (_SCHOOL_HEADS) are its own posts: nothing to say."""
    roles = {role_label(part, abbreviated=False) for part in _note_parts((position,))}
    if roles - {None, *_SCHOOL_HEADS}:
        result.problem(column, f"chức vụ ghi '{position}': giữ là chức vụ ở trường, không đọc là vai trò trong tổ "
                       "chức.", severity="warning",
                       hint="nếu đó là vai trò trong tổ chức, ghi ở cột 'Ghi chú' (hoặc 'Vai trò').")


def _post(result: ImportedRow, matcher: Matcher, row: TableRow) -> None:
    """The position and the unit, from one "Chức vụ - Đơn vị" cell or two."""
    column, position = _position_written(row)
    if column == "post":
        result.as_written = row.get("post")
        _, unit_text, mentioned = split_post_mentioning(result.as_written)
        if is_office_staff(fold(result.as_written)):
            unit_text, result.unit = "", matcher.office.id
        elif mentioned and not unit_text:
            _only_mentioned(result, column, mentioned, result.as_written, "ô không ghi đơn vị nào khác",
                            hint=f"ghi trường người này đang công tác sau dấu gạch ngang: '{result.as_written} - "
                                 "<trường đang công tác>', rồi nhập lại.")
    else:
        unit_text, column = row.get("unit"), "unit"
        if (school := _school_in_position(result, matcher, row, position)) is not None:
            position, unit_text, column = *school, "position"
    result.position = normalize_position(position) if position else None
    _role_in_position(result, column if column == "post" else "position", position)
    if not unit_text or result.unit is not None:
        return
    unit_id = row.get("unit_id")
    if (office := matcher.office_unit(unit_text)) is not None:
        result.unit = office.id
        if office.problem:
            result.not_found(column, office)
    elif (known := _known_school(matcher, unit_id, unit_text)) is not None:
        result.unit = known.id
    else:
        found = matcher.school(unit_text)
        result.unit = found.id
        _school_found(result, column, found)


def _school_found(result: ImportedRow, column: str, found: Found) -> None:
    """What a school's lookup said: the error of a school not found, the warning of a
    place the data cannot check."""
    if found.problem:
        result.not_found(column, found)
    elif found.remark:
        result.problem(column, found.remark + ".", severity="warning")


def _school_in_position(result: ImportedRow, matcher: Matcher, row: TableRow, position: str) -> tuple[str, str] | None:
    """A Chức vụ cell that names the school too ("Giáo viên - THCS Him Lam", or on two lines
    of the cell), its Đơn vị công tác cell empty or the table without one: (position, the
    school's text), said in a warning, when the rest is one school of the data; else None,
    the cell all position (a school's own post: "Phó Hiệu trưởng phụ trách THCS"), and a school
    only mentioned ("Giáo viên biệt phái từ THCS X", "Nguyên Hiệu trưởng THCS X") said to leave
    the unit missing."""
    if row.get("unit") or not position or is_office_staff(fold(position)):
        return None
    written, unit_text = split_post(position)
    if not written or not unit_text or matcher.school(unit_text).id is None:
        return None
    empty = "ô đơn vị công tác trống" if "unit" in row.columns else "bảng không có cột đơn vị công tác"
    if school_only_mentioned(written):
        _only_mentioned(result, "position", unit_text, position, empty)
        return None
    result.problem("position", f"ô chức vụ ghi cả đơn vị ('{position}') mà {empty}: đọc chức vụ '{written}', "
                   f"đơn vị '{unit_text}'.", severity="warning",
                   hint="nếu đúng vậy, không cần sửa; đơn vị ghi ở cột 'Đơn vị công tác' thì không có cảnh báo này.")
    return written, unit_text


def _only_mentioned(result: ImportedRow, column: str, school: str, written: str, no_unit: str,
                    hint: str = "ghi trường người này đang công tác vào cột 'Đơn vị công tác' (thêm cột đó nếu chưa "
                                "có), rồi nhập lại.") -> None:
    """Said of a school only mentioned by the position ("biệt phái từ", "Nguyên Hiệu trưởng"):
    the person is left without a unit."""
    result.problem(column, f"ô chức vụ nhắc '{school}' ('{written}') nhưng đó không phải đơn vị công tác, mà "
                   f"{no_unit}: người này chưa có đơn vị công tác.", severity="warning", hint=hint)


def _person(result: ImportedRow, matcher: Matcher, row: TableRow) -> None:
    member_id = row.get("member_id")
    known = matcher.portal.people.get(member_id)
    if known is not None and fold(known.name) == fold(result.name):
        result.person = known.id  # the workbook's hidden id, the name unchanged but for marks or case
        if (remark := written_otherwise(result.name, known)) is not None:  # said as a list without ids says it
            result.problem("name", remark + ".", severity="warning")
        return
    found = matcher.person(result.name, result.unit)
    if found.problem:
        result.not_found("name", found, "ghi mã người đúng vào cột 'Mã thành viên' (thêm cột đó nếu chưa có)")
    elif found.id:
        result.person = found.id
    else:
        result.person = matcher.propose_id(result.name, result.unit)
        result.new_person = True
        written = ""
        if result.name.isupper():  # a list typed in capitals: the data keeps names in ordinary case
            result.name = result.name.title()
            written = f", họ tên ghi '{result.name}' (danh sách viết hoa toàn bộ)"
        close = ", ".join(f"{c.id} ({c.label})" for c in found.candidates)
        result.problem("name", f"người mới, đề xuất mã {result.person}{written}.", severity="warning",
                       hint=f"nếu là người đã có, sửa tên cho đúng; tên gần nhất: {close}" if close else None)
    if found.remark:
        result.problem("name", found.remark + ".", severity="warning")
