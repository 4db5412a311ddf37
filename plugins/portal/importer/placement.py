"""Which body each section of a roster goes into, in the target school year.

A heading names an existing body of the office in that year, matched by what it says:
a subject group by its subject ("NHÓM TOÁN"), a numbered cluster or group by its kind and
number ("CỤM 01" = "Cụm Một" = "Cụm 1"), any other by its name without marks, case or
number-word differences ("I. CÁN BỘ QUẢN LÝ" in "Tổ cốt cán Cán bộ quản lí"). A heading
that names no body proposes a new one, named by the heading without its words between
brackets, its kind guessed from its words (cụm -> cum-chuyen-mon, nhóm + subject ->
nhom-bo-mon, ...), its parent that of the bodies of the same kind, its decision
`--decision` or the one most bodies of the year have.

Rows before any heading go into `--body`. Rows with a subject, in a team (tổ, hội đồng),
go into the team's subject group for that subject: existing, or new (`<team>-<subject>`),
which is what `--body` has always meant: the parent of the subject groups. Rows with a
subject in no body go into the year's only group of that subject, whatever its parent
(said in the report); several such groups are an error asking for `--body`; none, a new
group (said in the report too), in the team whose groups took the file's other rows in no
team when there is one such team, else without a parent: those rows wait for the end of the
file (`waits`, `place_waiting`), so the order of the rows does not matter.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from .. import wording
from ..dates import SchoolYear
from ..model import Body, Portal
from ..problems import Problem, Severity
from ..text import slugify
from .errors import RosterError
from .headings import HeadingLabel, aside_dropped, remarks_dropped, roman_after_kind
from .keys import (
    LETTERED_NUMBER,
    LEVEL_CODES,
    body_key,
    fold,
    letter_apart,
    letter_starts_words,
    letter_then_more,
    roman_numeral,
    typed_name_key,
)
from .layout import LABELS, Heading
from .matcher import Matcher

TEAM_KINDS = frozenset({"to-cot-can", "hoi-dong", "to-mang-luoi"})
# A body's number in its name; none in "Nhóm 2A" or "Nhóm 2-A" (joined by body_key), a name as a whole
# (as headings read them).
_FIRST_NUMBER = re.compile(r"(?<![0-9])(\d{1,3})(?![0-9a-z])")


class Located(Protocol):
    """Where in the file a heading or a row is: its order, line and place."""

    @property
    def order(self) -> int: ...
    @property
    def line(self) -> int | None: ...
    @property
    def place(self) -> str: ...


@dataclass
class Target:
    """A body that rows go into: one of the year's, or a new one proposed."""

    id: str
    kind: str
    name: str
    parent: str | None
    subject: str | None
    decision: str | None
    existing: Body | None
    heading: Heading | None = None
    subjects: frozenset[str] = frozenset()  # its subject and those its name names (Placement._add)

    @property
    def shown(self) -> str:
        """Its name as the data or the list writes it: a new body named after its heading,
        as the heading is printed ("HỘI ĐỒNG TĐKT", of which `name` is "Hội đồng tđkt"),
        without its remarks between brackets (_new_name)."""
        printed = (remarks_dropped(self.heading.label.text) if self.existing is None and self.heading is not None
                   else None)
        return printed if printed is not None and _title(printed) == self.name else self.name


def _number_in(name: str) -> int | None:
    """A body's number, in digits or a Roman numeral read as a heading's ("Cụm 02", "Cụm II" -> 2)."""
    match = _FIRST_NUMBER.search(body_key(name))
    return int(match.group(1)) if match else roman_after_kind(name)


def _names(bodies: list[Body] | list[Body | Target]) -> str:
    return ", ".join(f"{b.id} ({b.name})" for b in bodies)


def _contains(text: str, words: str) -> bool:
    return f" {words} " in f" {text} "


def _says(label: HeadingLabel, body: Body) -> bool:
    """Whether a heading names this body as _matches reads headings: by its subject (a
    subject group), by kind and number, else by its name or words of it."""
    if label.subject:
        return body.kind == "nhom-bo-mon" and body.subject == label.subject
    if label.number is not None and label.kinds and not _named_so(body, label):
        return body.kind in label.kinds and _number_in(body.name) == label.number
    return _names_words(body, label)


def _named_so(body: Body, label: HeadingLabel) -> bool:
    """Whether the body's name reads as the heading (body_key), with or without its words between
    brackets."""
    return body_key(body.name) in (label.key, label.words)


def _exactly(label: HeadingLabel, bodies: list[Body]) -> list[Body]:
    """The bodies whose name the heading is, as typed (typed_name_key: 'Cụm Một' is not 'Cụm 01',
    which read alike by kind and number), with or without the words between brackets."""
    typed = {typed_name_key(label.text), typed_name_key(aside_dropped(label.text))}
    return [b for b in bodies if typed_name_key(b.name) in typed or typed_name_key(aside_dropped(b.name)) in typed]


def _names_words(body: Body, label: HeadingLabel) -> bool:
    """The body's name holds the heading's words, with or without its words between
    brackets ("Cụm … phía Bắc (tiếp theo)")."""
    name = body_key(body.name)
    return _contains(name, label.key) or bool(label.words) and _contains(name, label.words)


def _title(text: str) -> str:
    """A heading typed in capitals as a body's name: 'CỤM 03' -> 'Cụm 03'; its words between
    brackets as typed ('CỤM 04 (Tiểu học)' -> 'Cụm 04 (Tiểu học)'), and its numbers ('NHÓM 2A'
    -> 'Nhóm 2A', 'NHÓM 2 A' -> 'Nhóm 2 A', 'CỤM XXI' -> 'Cụm XXI')."""
    if aside_dropped(text).upper() != aside_dropped(text):
        return text
    parts = _BRACKETED.split(text)
    lowered = "".join(part if k % 2 else _WORD.sub(_lowered, part) for k, part in enumerate(parts))
    return text[:1] + lowered[1:]


_BRACKETED = re.compile(r"(\([^()]*\))")
# A word, or a number with its letter ("2 A", "2-A": keys.LETTERED_NUMBER), kept as typed.
_WORD = re.compile(LETTERED_NUMBER.pattern + r"|\w+")


def _lowered(word: re.Match[str]) -> str:
    """A word in lower case, but a number ("2A", "2 A", "XII"), a letter alone ("CỤM L" -> "Cụm L",
    not "Cụm l", read as "Cụm 1") or a school's level ("NHÓM 2 A THCS" -> "Nhóm 2 A THCS")."""
    text = word.group()
    if (len(text) == 1 or any(c.isdigit() for c in text) or roman_numeral(text, capitals=True) is not None
            or fold(text) in LEVEL_CODES):
        return text
    return text.lower()


def _new_name(label: HeadingLabel) -> str:
    """The name of a new body a heading names: its text without the words between brackets
    that say something of the list, not the body's name ("CỤM 03 (5 trường)", "HỘI ĐỒNG
    TĐKT (Kèm theo Quyết định số …)" -> "Cụm 03", "HỘI ĐỒNG TĐKT"; "TỔ CỐT CÁN (Tiểu học)"
    keeps its brackets)."""
    return _title(remarks_dropped(label.text))


def latest_year(portal: Portal, office: str) -> SchoolYear | None:
    years = [oy.school_year for oy in portal.office_years if oy.office == office]
    return max(years) if years else None


class Placement:
    """Finds or proposes the bodies of one import."""

    def __init__(self, portal: Portal, matcher: Matcher, source: str, year: SchoolYear | None,
                 body: str | None, decision: str | None) -> None:
        self.portal = portal
        self.matcher = matcher
        self.source = source
        self.year = year
        self.decision = decision
        self.bodies = [b for b in portal.bodies_in(year) if b.office == matcher.office.id] if year else []
        self.by_id = {b.id: b for b in self.bodies}
        self.targets: dict[str, Target] = {}
        self._problems: list[tuple[int, Problem]] = []  # (order in the file, problem)
        self.ambiguous: set[str] = set()  # subjects whose rows in no team found several groups (said once)
        # Rows in no team placed in a group of the year, by the group's parent: the first row, the groups.
        self.placed: dict[str | None, tuple[Located, list[Target]]] = {}
        self.root = self._option_body(body) if body else None
        self._known_names: str | None = None  # the data's places and names, folded (_names_a_place)

    def _existing(self, body: Body) -> Target:
        if body.id not in self.targets:
            self._add(Target(body.id, body.kind, body.name, body.parent, body.subject, body.decision, body))
        return self.targets[body.id]

    def target_of(self, body_id: str | None) -> Target | None:
        """The target of a body of the year (or of one proposed), by id."""
        if body_id in self.targets:
            return self.targets[body_id]
        body = self.by_id.get(body_id or "")
        return self._existing(body) if body is not None else None

    def _option_body(self, body_id: str) -> Target:
        body = self.by_id.get(body_id)
        if body is None:
            close = difflib.get_close_matches(body_id, sorted(self.by_id), n=3, cutoff=0.5)
            year = self.year.label if self.year else "nào"
            raise RosterError(f"--body {body_id}: đơn vị {self.matcher.office.id} không có tổ chức nào mang mã này "
                              f"trong năm học {year}." + (f" Có phải: {', '.join(close)}?" if close else ""))
        return self._existing(body)

    # Headings

    def for_heading(self, heading: Heading, context: Target | None) -> Target | None:
        """The body a heading names, or a new one; None (with a problem) when neither."""
        label = heading.label
        if heading.body_id:
            body = self.by_id.get(heading.body_id)
            if body is None:
                self._problem(heading, f"không có tổ chức nào mang mã '{heading.body_id}' trong năm học "
                              f"{self.year or ''}.", hint="xóa ô 'Mã tổ chức' nếu đây là một tổ chức mới.")
                return None
            # A heading that is another body's very name is not this one's, whatever it shares
            # with it ('Cụm Một' is cluster no. 1, as 'Cụm 01' is).
            exact = _exactly(label, self.bodies)
            if body in exact or (not exact and _says(label, body)):
                return self._existing(body)
            # As a member's hidden id: used only while the visible heading still names the body.
            # Neither reading is safe: by the id, a rename or a new body typed over a copied
            # heading is lost; by the words, a new body or none, and the rows leave the old one.
            self._problem(heading, f"tiêu đề '{label.text}' không phải tên của {body.name} ({body.id}), tổ chức "
                          f"mà ô '{LABELS['body_id']}' (cột ẩn) của dòng này ghi.",
                          expected=f"tiêu đề là tên của tổ chức mang mã ở cột '{LABELS['body_id']}'",
                          hint=f"nếu {body.name} đổi tên, ghi tên mới cả ở dòng tiêu đề và ở tên (name) của tổ chức "
                               f"trong {body.source.file}; nếu đây là một tổ chức mới, xóa ô '{LABELS['body_id']}' "
                               "của dòng này (hiện cột ẩn), hoặc gõ tiêu đề vào một dòng mới.")
            return None
        if label.part:
            return self._own_part(heading, label.part)
        found = self._matches(heading, context)
        lettered = self._lettered_body(label)
        if lettered is not None and found != [lettered]:
            self._problem(heading, f"tiêu đề '{label.text}' không rõ là {lettered.name} hay tổ chức khác: các dòng "
                          "bên dưới không được xếp vào tổ chức nào.",
                          hint=f"ghi tiêu đề đúng tên tổ chức, như '{lettered.name}', số người hay ghi chú khác ghi "
                               f"trong ngoặc đơn ('{lettered.name} (05 người)'), rồi nhập lại.")
            return None
        if label.unread is not None and len(found) != 1:
            self._problem(heading, f"tiêu đề '{label.text}' {label.unread}: các dòng bên dưới không được xếp vào tổ "
                          "chức nào.", hint=label.hint)
            return None
        if len(found) == 1:
            self._tell_letter_apart(heading, found[0])
            return self._existing(found[0])
        if len(found) > 1:
            self._problem(heading, f"tiêu đề '{label.text}' khớp với nhiều tổ chức: {_names(found)}.",
                          hint="ghi đúng tên của một trong các tổ chức đó ở dòng tiêu đề: "
                               + "; ".join(self._named(b) for b in found) + ".")
            return None
        if label.subject:
            return self.subject_group(context, label.subject, heading)
        if not label.kinds:
            self._problem(heading, f"tiêu đề '{label.text}' không khớp tổ chức nào của năm học "
                          f"{self.year or ''}, cũng không rõ là loại tổ chức nào.",
                          expected="tên một tổ chức đã có, hoặc bắt đầu bằng 'Cụm', 'Nhóm', 'Tổ', 'Hội đồng'",
                          hint=self._names_hint())
            return None
        target = self._new(heading, label.kinds, _new_name(label), context)
        self._tell_number_alone(heading, target)
        return target

    def _lettered_body(self, label: HeadingLabel) -> Body | None:
        """The body a heading's number and letter name when more words follow them ("NHÓM 2 - A: 05
        người" while the data has Nhóm 2A), which the heading is not read as (keys.LETTERED_NUMBER)."""
        typed = letter_then_more(aside_dropped(label.text))
        key = body_key(typed) if typed is not None else None
        return next((b for b in self.bodies if body_key(b.name) == key), None)

    def _tell_number_alone(self, heading: Heading, target: Target) -> None:
        """A new body whose letter is typed apart from its number ("CỤM 3 - A") while the data has a
        body of that number alone (Cụm 3) of a kind the heading may name, whatever kind is proposed ("NHÓM
        2 A" beside the inter-school Nhóm 2 proposes a subject group where the year has one): said, in case
        the letter was no part of the name."""
        apart = letter_apart(aside_dropped(heading.label.text))
        alone = next((b for b in self.bodies if apart is not None and b.kind in heading.label.kinds
                      and _number_in(b.name) == apart[0]), None)
        if apart is None or alone is None:
            return
        self._problem(heading, f"có {alone.name} ({alone.id}) trong dữ liệu; '{heading.label.text}' được hiểu là "
                      f"một {wording.body_kind_name(target.kind).lower()} mới {apart[0]}{apart[1]} ('{target.name}').",
                      hint=f"nếu đây là {alone.name}, ghi tiêu đề '{alone.name}' (bỏ chữ '{apart[1]}'), rồi nhập lại.",
                      severity="warning")

    def _tell_letter_apart(self, heading: Heading, body: Body) -> None:
        """A heading read as the body of its number whose letter after the number more words follow
        ("CỤM 2 - A, gồm 5 trường", "Cụm 2 - A; Hồng Hạ" are Cụm 2; keys.LETTERED_NUMBER): said, in case
        the letter is part of the name; not where the heading is the body's name, nor where the letter
        plainly starts the words after it (keys.letter_starts_words: "CỤM 1 - X. TÂN LẬP", "Cụm 2 - A
        Lưới" where the data knows A Lưới)."""
        label = heading.label
        text = aside_dropped(label.text)
        typed = letter_then_more(text)
        apart = letter_apart(typed) if typed is not None else None
        if (apart is None or label.number != apart[0] or _named_so(body, label)
                or letter_starts_words(text, self._names_a_place)):
            return
        number, letter = apart
        self._problem(heading, f"'{label.text}' được hiểu là {body.name} ({body.id}): chữ '{letter}' sau số {number} "
                      "được đọc là thuộc phần sau, không phải một phần của số.",
                      hint=f"nếu đây là tổ chức {number}{letter}, không phải {body.name}, ghi số và chữ liền nhau "
                           f"('{number}{letter}'), ghi chú khác trong ngoặc đơn, rồi nhập lại.", severity="warning")

    def _names_a_place(self, words: str) -> bool:
        """Whether folded words ("a luoi") are words of a place the data knows: an office's place or name,
        a school's name ("Phòng GDĐT huyện A Lưới", "TH Y Tý")."""
        if self._known_names is None:
            offices = self.portal.offices.values()
            names = [*(o.place or "" for o in offices), *(o.name for o in offices),
                     *(n for s in self.portal.schools.values() for n in (s.name, *s.aliases))]
            self._known_names = "".join(f" {' '.join(re.findall(r'[a-z0-9]+', fold(name)))} |" for name in names)
        return f" {words} " in self._known_names

    def _own_part(self, heading: Heading, part: str) -> Target | None:
        """"LÃNH ĐẠO TỔ", "THÀNH VIÊN": the leaders or members of the body given with --body, in
        that body itself."""
        if self.root is not None:
            return self.root
        teams = [b for b in self.bodies if b.parent is None]
        self._problem(heading, f"tiêu đề '{heading.label.text}' là {part} của một tổ chức, nhưng không rõ là "
                      "tổ chức nào.",
                      expected="--body <mã tổ chức>: các dòng dưới tiêu đề này được ghi vào chính tổ chức đó",
                      hint="chạy lại với --body <mã tổ chức>" + (
                          f"; các tổ chức của năm học: {', '.join(f'{b.id} ({b.name})' for b in teams[:8])}"
                          if teams else "; ghi tổ chức vào tệp năm học trước (cotcan kiem-tra --draft)") + ".")
        return None

    def _matches(self, heading: Heading, context: Target | None) -> list[Body]:
        label = heading.label
        if label.subject:
            found = [b for b in self.bodies if b.kind == "nhom-bo-mon" and b.subject == label.subject]
            return [b for b in found if b.parent == context.id] if context else found
        # A body whose name reads as the heading's words wins over the heading's number: "NHOM LI" is
        # the data's "Nhóm Lí", whatever number it might be read as.
        found = [b for b in self.bodies if _named_so(b, label)]
        if not found and label.number is not None and label.kinds:
            found = [b for b in self.bodies if b.kind in label.kinds and _number_in(b.name) == label.number]
        else:
            if not found:
                found = self._outermost_excluded([b for b in self.bodies if _names_words(b, label)])
            if len(found) > 1 and label.kinds:
                found = [b for b in found if b.kind in label.kinds] or found
        if len(found) > 1:
            found = [b for b in found if b in _exactly(label, found)] or found
        if len(found) > 1 and context:
            found = [b for b in found if b.parent == context.id] or found
        return found

    def _named(self, body: Body) -> str:
        """A body's name to type, and the office it was carried on from, if another's."""
        earlier = max((y for y, i in self.portal.bodies if i == body.id and self.year and y < self.year), default=None)
        office = self.portal.bodies[(earlier, body.id)].office if earlier is not None else body.office
        came = (f", chép từ {self.portal.offices[office].short_name}"
                if office != body.office and office in self.portal.offices else "")
        return f"'{body.name}' ({body.id}{came})"

    def _outermost_excluded(self, bodies: list[Body]) -> list[Body]:
        """Of bodies whose names hold the heading's words, drop those that hold another
        of them: "Tổ ... quản lý, giáo viên ..." holds both of its parts' names."""
        ancestors: set[str] = set()
        for body in bodies:
            parent = body.parent
            while parent and parent not in ancestors:
                ancestors.add(parent)
                parent = self.by_id[parent].parent if parent in self.by_id else None
        return [b for b in bodies if b.id not in ancestors]

    def _names_hint(self) -> str | None:
        names = ", ".join(b.name for b in self.bodies[:8])
        return f"các tổ chức của năm học: {names}" if names else None

    def _problem(self, at: Located, message: str, *, expected: str | None = None, hint: str | None = None,
                 severity: Severity = "error") -> None:
        self._problems.append((at.order, Problem(self.source, at.line, self._path(at), message, expected=expected,
                                                 hint=hint, severity=severity)))

    @staticmethod
    def _path(at: Located) -> str:
        """A heading is named by its place; a row by its place and its subject column."""
        parts = [at.place] if isinstance(at, Heading) else [at.place, f"cột '{LABELS['subject']}'"]
        return ", ".join(filter(None, parts))

    # Subject groups

    def subject_group(self, team: Target | None, subject: str, at: Located) -> Target | None:
        """The subject group for a subject's rows. In a team: the team's, else a new one in
        it. In no team: the year's only group of that subject, whatever its parent, else a
        new one without a parent; None, with an error at `at`, when the year has several."""
        groups = self._subject_groups(subject)
        if team is not None:
            found = [g for g in groups if g.parent == team.id]
            return self.target_of(found[0].id) if found else self._new_group(team, subject, at, groups)
        if len(groups) > 1:
            self._tell_several(groups, subject, at)
            return None
        if not groups:
            return self._new_group(None, subject, at, groups)
        group = self.target_of(groups[0].id)
        if group is not None and group.existing is not None:
            self._tell_placed(group, at)
        return group

    def waits(self, team: Target | None, subject: str) -> bool:
        """Whether a row of `subject` in `team` waits for the end of the file: in no team, of
        a subject the year has no group of (place_waiting)."""
        return team is None and not self._subject_groups(subject)

    def place_waiting(self, subject: str, row: Located) -> str | None:
        """The id of the group for a row that waited (waits): in the one team whose groups
        took the file's other rows in no team, its group of the subject or a new one; else
        the group of no team made for an earlier row that waited, or the year's (subject_group)."""
        parents = list(self.placed)
        groups = self._subject_groups(subject)
        if len(parents) == 1 and (team := self.target_of(parents[0])) is not None:
            found = [g for g in groups if g.parent == team.id]
            return found[0].id if found else self._new_group(team, subject, row, groups, beside_placed=True).id
        made = [g for g in groups if isinstance(g, Target) and g.existing is None and g.parent is None]
        return made[0].id if made else self.group_of(None, subject, row)

    def group_of(self, team: Target | None, subject: str, row: Located) -> str | None:
        """The id of a row's subject group (subject_group); None when it has none."""
        group = self.subject_group(team, subject, row)
        return group.id if group is not None else None

    def _subject_groups(self, subject: str) -> list[Body | Target]:
        """The year's subject groups of a subject, and those this import proposes."""
        existing: list[Body | Target] = [b for b in self.bodies if b.kind == "nhom-bo-mon" and b.subject == subject]
        return existing + [t for t in self.targets.values()
                           if t.existing is None and t.kind == "nhom-bo-mon" and t.subject == subject]

    def _new_group(self, team: Target | None, subject: str, at: Located, others: list[Body | Target],
                   beside_placed: bool = False) -> Target:
        """A new group, said in the report when it is in no team, when it is in the team the
        file's other rows went to (`beside_placed`: no heading or --body named it), or when the
        year has another group of the subject (a teacher listed in both would be in two
        groups of one subject)."""
        name = f"Nhóm {self._subject_name(subject)}"
        base = f"{team.id}-{subject}" if team else f"{self.matcher.prefix}nhom-{subject}"
        heading = at if isinstance(at, Heading) else None
        target = self._add(Target(self._free_id(base), "nhom-bo-mon", name, team.id if team else None, subject,
                                  self._decision(team, "nhom-bo-mon"), None, heading))
        new = f"các dòng môn {self._subject_name(subject)} vào một nhóm MỚI, {target.id} ({name})"
        if team is None:
            self._problem(at, f"năm học {self.year or ''} chưa có nhóm bộ môn {self._subject_name(subject)} nào: "
                          f"{new}, không thuộc tổ nào.", severity="warning",
                          hint="nếu nhóm thuộc một tổ đã có, chạy lại với --body <mã tổ>.")
        elif beside_placed:
            also = f"; năm học đã có {_names(others)}" if others else ""
            self._problem(at, f"{new}, trong {team.name} ({team.id}), tổ có các nhóm nhận những dòng khác của danh "
                          f"sách{also}.", severity="warning",
                          hint="nếu nhóm thuộc tổ khác, chạy lại với --body <mã tổ>.")
        elif others:
            self._problem(at, f"{new}, trong {team.name} ({team.id}); năm học đã có {_names(others)}.",
                          hint="nếu danh sách là của nhóm đã có, chạy lại với --body <mã tổ chứa nhóm đó>.",
                          severity="warning")
        return target

    def _tell_placed(self, group: Target, at: Located) -> None:
        _, groups = self.placed.setdefault(group.parent, (at, []))
        if group not in groups:
            groups.append(group)

    @property
    def problems(self) -> list[tuple[int, Problem]]:
        """What placing found, with one warning per team whose groups took rows in no team."""
        return self._problems + [self._placed_warning(parent, first, groups)
                                 for parent, (first, groups) in self.placed.items()]

    def _placed_warning(self, parent: str | None, first: Located, groups: list[Target]) -> tuple[int, Problem]:
        team = self.target_of(parent)
        inside = f"trong {team.name} ({team.id})" if team else "không thuộc tổ nào"
        subjects = ", ".join(self._subject_name(g.subject or "") for g in groups)
        message = (f"các dòng có môn mà không có tổ (không tiêu đề tổ, không --body) được xếp vào {len(groups)} "
                   f"nhóm bộ môn đã có của năm học {self.year or ''}, {inside}: {subjects}.")
        warning = Problem(self.source, first.line, self._path(first), message, severity="warning",
                          hint="nếu cần nhóm của tổ khác, chạy lại với --body <mã tổ>.")
        return first.order, warning

    def _tell_several(self, groups: list[Body | Target], subject: str, at: Located) -> None:
        """Say once per subject that its rows in no team cannot be placed without --body."""
        if subject in self.ambiguous:
            return
        self.ambiguous.add(subject)
        parents = sorted({g.parent for g in groups if g.parent})
        self._problem(at, f"năm học {self.year or ''} có {len(groups)} nhóm bộ môn {self._subject_name(subject)}: "
                      f"{_names(groups)}; không biết đưa các dòng môn này vào nhóm nào.",
                      hint=(f"chạy lại với --body và mã tổ chứa nhóm cần nhập ({', '.join(parents)})" if parents
                            else "chạy lại với --body và mã nhóm cần nhập") + ", hoặc thêm dòng tiêu đề tên tổ.")

    def _subject_name(self, subject: str) -> str:
        return self.portal.subjects[subject].name

    # New bodies

    def _new(self, heading: Heading, kinds: tuple[str, ...], name: str, context: Target | None) -> Target:
        """A new body a heading of no subject names (a subject's: subject_group), of the first of its kinds
        the year has, else the first: "NHÓM 2" is a subject group where the year has one, with no subject,
        which the checker refuses, rather than an inter-school group accepted without a word."""
        in_use = [k for k in kinds if any(b.kind == k for b in self.bodies)]
        kind = (in_use or list(kinds))[0]
        parents = {b.parent for b in self.bodies if b.kind == kind}
        parent: str | None = None
        if len(parents) == 1:
            parent = parents.pop()
        elif context is not None and context.kind != kind:
            parent = context.id
        elif self.root is not None and self.root.kind != kind:
            parent = self.root.id
        parent_target = self.targets.get(parent) if parent else None
        if parent and parent_target is None and parent in self.by_id:
            parent_target = self._existing(self.by_id[parent])
        base = self.matcher.prefix + slugify(name)
        return self._add(Target(self._free_id(base), kind, name, parent, None,
                                self._decision(parent_target, kind), None, heading))

    def _add(self, target: Target) -> Target:
        target.subjects = self.matcher.subjects_in(target.name) | ({target.subject} if target.subject else set())
        if target.decision is None and target.heading is not None:
            self._problem(target.heading, f"chưa biết quyết định thành lập {wording.body_kind_name(target.kind)} mới "
                          f"'{target.name}'.", hint="ghi mã quyết định bằng --decision.")
        self.targets[target.id] = target
        return target

    def _free_id(self, base: str) -> str:
        candidate, number = base, 2
        while candidate in self.by_id or candidate in self.targets:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def _decision(self, parent: Target | None, kind: str) -> str | None:
        """--decision; else the parent's; else the one most bodies of the same kind
        have in the year, else most bodies."""
        if self.decision:
            return self.decision
        if parent is not None and parent.decision:
            return parent.decision
        for bodies in ([b for b in self.bodies if b.kind == kind], self.bodies):
            counts = Counter(b.decision for b in bodies)
            if counts:
                return counts.most_common(1)[0][0]
        return None
