"""What changed between two school years of an office, and in each of its bodies.

Records are matched on their stable ids only, never on their position in a list:
people and schools by id, bodies by id, a post by (body, role, subject), a duty by
its role and printed number (or, without a number, its text). Moves and renames are
recognised as such instead of showing a removal and an addition:

- a person who leaves one body for a sibling body of the same kind under the same
  parent (another subject group of the same core team) has *moved*, and so has a
  person or a school that leaves one cluster (or inter-school group) for another;
- a body that keeps its id under a new name is *renamed*;
- a school whose name at the start of the new year differs from the one at the start of
  the old year (its `former_names`) is *renamed*; one that stopped in between
  (`valid_until`) with a `successor` is *merged*.

An office that ended carries on in a successor's year file under the same body ids
(portal.newyear.plan_successor): `diff_years` of the ended office's last year and a later
year it has no file for compares with that successor's year (`succession_office`), only
the bodies carried over (and those set up inside them), and says the issuer changed.

`diff_years` gives an `OfficeDiff`, `diff_body` a `BodyDiff`; both are frozen
dataclasses with the summary counts first, then the changes grouped by kind and
sorted (people the Vietnamese way, by given name). portal.diff_report turns either into
a deterministic dict (`to_json`) or a text for the terminal (`format_text`).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from . import terms, vocab, wording
from .dates import PartialDate, SchoolYear
from .errors import PortalError, unknown_office
from .model import Body, Document, Duty, Membership, Office, Portal, School, member_key
from .text import collation_key, fold, normalize, person_sort_key

# Every kind of change, in the order the summary and the groups follow, with its label.
KINDS: dict[str, str] = {
    "issuer-changed": "Đơn vị ban hành đổi",
    "body-created": "Tổ chức mới thành lập",
    "body-dissolved": "Tổ chức không còn",
    "body-renamed": "Tổ chức đổi tên",
    "body-changed": "Tổ chức đổi thông tin khác",
    "member-joined": "Thành viên mới",
    "member-left": "Thành viên rời",
    "member-moved": "Chuyển sang nhóm, cụm khác cùng cấp",
    "role-changed": "Đổi vai trò",
    "leader-changed": "Đổi người đứng đầu",
    "unit-changed": "Đổi đơn vị công tác",
    "position-changed": "Đổi chức vụ",
    "school-moved": "Trường chuyển cụm, nhóm liên trường",
    "school-renamed": "Trường đổi tên",
    "school-merged": "Trường sáp nhập",
    "duty-added": "Nhiệm vụ mới",
    "duty-removed": "Nhiệm vụ bỏ",
    "duty-changed": "Nhiệm vụ sửa",
    "document-added": "Văn bản mới",
    "document-replaced": "Văn bản thay thế văn bản cũ",
}

# "+" something new, "-" something gone, "~" something changed.
SIGNS: dict[str, str] = {
    "body-created": "+", "body-dissolved": "-", "member-joined": "+", "member-left": "-",
    "duty-added": "+", "duty-removed": "-", "document-added": "+",
}

FIELDS: dict[str, str] = {
    "name": "tên",
    "kind": "loại",
    "parent": "thuộc",
    "subject": "môn",
    "meets": "sinh hoạt",
    "role": "vai trò",
    "position": "chức vụ",
    "unit": "đơn vị",
    "holder": "người giữ",
    "successor": "sáp nhập vào",
    "until": "hoạt động đến hết ngày",
    "text": "nội dung",
    "legal": "căn cứ",
    "number": "số",
    "date": "ngày",
    "signer": "người ký",
    "replaces": "thay thế",
    "members": "số thành viên",
    "issuer": "đơn vị ban hành",
}

STATUSES: dict[str, str] = {
    "created": "mới thành lập",
    "dissolved": "không còn",
    "changed": "có thay đổi",
    "unchanged": "không đổi",
}

# Kinds whose bodies are siblings even at the top: a member moves from a cluster to another.
CLUSTER_KINDS = ("cum-chuyen-mon", "nhom-lien-truong")
_ROLE_ORDER = {role: i for i, role in enumerate(vocab.ROLES)}
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}


class DiffError(PortalError):
    """The two years cannot be compared: unknown office, body or year."""


@dataclass(frozen=True)
class BodyRef:
    """A body as it was named in the year of the change."""

    id: str
    name: str


@dataclass(frozen=True)
class FieldChange:
    """One value, old → new; `old` is None for something new, `new` None for something gone.

    `old` and `new` are what a reader sees (a role's label, a school's name); `old_id` and
    `new_id` are the ids behind them when there are any (a role code, a school id).
    """

    field: str
    old: str | None
    new: str | None
    old_id: str | None = None
    new_id: str | None = None


@dataclass(frozen=True)
class Change:
    """One change. `target` is the id of what changed: a person, school, body, post, duty
    or document, as `target_type` says; `label` is its name. `bodies` are the bodies the
    change concerns: one, or the old and the new for a move."""

    kind: str
    target_type: str
    target: str
    label: str
    bodies: tuple[BodyRef, ...]
    fields: tuple[FieldChange, ...]
    note: str | None = None

    @property
    def sign(self) -> str:
        return SIGNS.get(self.kind, "~")


Counts = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class BodyDiff:
    """The changes in one body between two years (`status` is a key of STATUSES)."""

    office: str
    body: str
    kind: str
    name: str
    old_name: str | None
    parent: str | None
    status: str
    old_year: SchoolYear
    new_year: SchoolYear
    old_decision: str | None
    new_decision: str | None
    old_members: int
    new_members: int
    unchanged_members: int
    counts: Counts
    changes: tuple[Change, ...]

    def count(self, kind: str) -> int:
        return dict(self.counts)[kind]


@dataclass(frozen=True)
class SuccessorRef:
    """An office that carries on the compared office's work, as named in the new year."""

    id: str
    name: str
    took_over: str | None


@dataclass(frozen=True)
class OfficeDiff:
    """The changes of one office between two years: its bodies, schools and documents.
    `new_office` published the new year: the office itself, or its successor."""

    office: str
    office_name: str
    sample: bool
    office_valid_until: str | None
    office_successors: tuple[SuccessorRef, ...]
    new_office: str
    old_year: SchoolYear
    new_year: SchoolYear
    counts: Counts
    unchanged_members: int
    changes: tuple[Change, ...]
    bodies: tuple[BodyDiff, ...]

    def count(self, kind: str) -> int:
        return dict(self.counts)[kind]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def of_school(self, school_id: str) -> tuple[Change, ...]:
        """The changes of a school as a unit of the lists, as the change page lists them: it
        joined, left or moved between clusters or inter-school groups, became or stopped being
        a group's lead school, was renamed or merged, or a school merged into it. A person's
        change of unit to or from it is that person's, not the school's."""
        return tuple(c for c in self.changes if c.target_type in ("school", "post") and (
            (c.target_type == "school" and c.target == school_id)
            or any(school_id in (f.old_id, f.new_id) for f in c.fields)))

    def body(self, body_id: str) -> BodyDiff:
        for body in self.bodies:
            if body.body == body_id:
                return body
        raise KeyError(body_id)


@dataclass(frozen=True)
class DocumentRef:
    """A document as a change names it: its id and its label (wording.document_label)."""

    id: str
    label: str


@dataclass(frozen=True)
class DayDiff:
    """What changed in an office's lists on one day of a school year, compared with the day
    before: the amending decisions in force from that day, and any body set up that day."""

    day: PartialDate
    decisions: tuple[DocumentRef, ...]
    counts: Counts
    unchanged_members: int
    changes: tuple[Change, ...]
    bodies: tuple[BodyDiff, ...]  # those that changed that day

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True)
class YearChanges:
    """The changes within one school year of an office, day by day (its amending decisions)."""

    office: str
    office_name: str
    sample: bool
    year: SchoolYear
    days: tuple[DayDiff, ...]

    @property
    def total(self) -> int:
        return sum(d.total for d in self.days)

    def of_body(self, body_id: str) -> YearChanges:
        """The days a body changed, each with the changes that concern it (a move into or out
        of it included)."""
        days = []
        for day in self.days:
            changes = tuple(c for c in day.changes if body_id in (b.id for b in c.bodies))
            bodies = tuple(b for b in day.bodies if b.body == body_id)
            if changes:
                days.append(dataclasses.replace(day, counts=_counts(changes), changes=changes, bodies=bodies,
                                                unchanged_members=sum(b.unchanged_members for b in bodies)))
        return dataclasses.replace(self, days=tuple(days))


# ---------------------------------------------------------------------------------------
# Computing the diff

_SortKey = tuple[int, int, tuple[bytes, bytes, str], int, str]
_NO_NAME: tuple[bytes, bytes, str] = (b"", b"", "")


def _same_text(a: str | None, b: str | None) -> bool:
    return (normalize(a) if a else None) == (normalize(b) if b else None)


def _at_end(body: Body) -> Body:
    """The body with the list in force at the end of its year: after every amendment."""
    return dataclasses.replace(body, members=terms.history(body).latest) if body.amendments else body


def _on(body: Body, day: datetime.date) -> Body:
    """The body with the list in force on `day`."""
    return dataclasses.replace(body, members=terms.history(body).on(day)) if body.amendments else body


class _Years:
    """One office's lists at two moments, and everything the body diffs share (names, order,
    moves): between two school years, each list at the end of its year (after its
    amendments); or, with `day`, within one school year, the day before `day` and `day`
    (the bodies in force each day: one set up by a later decision is not there before)."""

    def __init__(self, portal: Portal, office_id: str, old: SchoolYear, new: SchoolYear,
                 day: datetime.date | None = None) -> None:
        if office_id not in portal.offices:
            raise DiffError(unknown_office(office_id, portal.offices))
        if old == new and day is None:
            raise DiffError(f"hai năm học cần so sánh trùng nhau ({old}).")
        self.portal = portal
        self.office: Office = portal.offices[office_id]
        self.old, self.new = old, new
        years = {oy.school_year: oy for oy in portal.office_years if oy.office == office_id}
        heir = None if new in years else succession_office(portal, office_id, old, new)
        self.new_office: Office = portal.offices[heir or office_id]
        if heir is not None:
            years[new] = next(oy for oy in portal.office_years if oy.office == heir and oy.school_year == new)
        for year in (old, new):
            if year not in years:
                have = ", ".join(str(y) for y in sorted(years)) or "không có năm nào"
                raise DiffError(f"đơn vị {office_id} không có dữ liệu năm học {year} "
                                f"(các năm đang có: {have}).")
        self.old_year_data, self.new_year_data = years[old], years[new]
        # A successor's bodies new in its year that name the ended office's schools (_covering).
        self.covering: frozenset[str] = frozenset()
        # Those of them another ended office had before: carried on, not created.
        self.carried_elsewhere: frozenset[str] = frozenset()
        if day is None:
            self.old_bodies = {b: _at_end(portal.bodies[(old, b)]) for b in years[old].bodies}
            new_bodies = {b: _at_end(portal.bodies[(new, b)]) for b in years[new].bodies}
            # A successor's year may hold other bodies too: only those carried over, and those set up inside them.
            self.new_bodies = new_bodies if heir is None else _carried(new_bodies, set(self.old_bodies))
            if heir is not None:
                covering = _covering(portal, office_id, heir, old, new, new_bodies, set(self.new_bodies))
                self.covering = frozenset(covering)
                self.carried_elsewhere = frozenset(b for year, b in portal.bodies if year < new and b in covering)
                self.new_bodies.update(covering)
        else:
            before = day - datetime.timedelta(days=1)
            bodies = [portal.bodies[(new, b)] for b in years[new].bodies]
            self.old_bodies = {b.id: _on(b, before) for b in bodies if terms.in_force(portal, b, before)}
            self.new_bodies = {b.id: _on(b, day) for b in bodies if terms.in_force(portal, b, day)}
        # Bodies in the new year's official order, then those that are gone, in the old one's.
        self.order = {b: i for i, b in enumerate(
            [*self.new_bodies, *(b for b in self.old_bodies if b not in self.new_bodies)])}
        self.moves = self._moves()

    # -- names ---------------------------------------------------------------------------

    def member_label(self, m: Membership, year: SchoolYear) -> str:
        if m.person is not None:
            person = self.portal.people.get(m.person)
            return person.name if person else m.person
        return self.unit_label(m.school, year) or ""

    def unit_label(self, unit: str | None, year: SchoolYear) -> str | None:
        """A unit's name at the start of `year`; None for no unit (no field to show)."""
        return None if unit is None else wording.unit_name(self.portal, unit, at=year)

    def subject_label(self, subject: str | None) -> str | None:
        if subject is None:
            return None
        known = self.portal.subjects.get(subject)
        return known.name if known else subject

    def body_ref(self, body: Body) -> BodyRef:
        return BodyRef(body.id, body.name)

    def body_name(self, body_id: str | None, year: SchoolYear) -> str | None:
        if body_id is None:
            return None
        body = self.portal.bodies.get((year, body_id))
        return body.name if body else body_id

    def sort_key(self, kind: str, m: Membership | None, year: SchoolYear, body: str | None,
                 extra: str = "") -> _SortKey:
        """People by given name, then schools by name, in the Vietnamese alphabet."""
        order = self.order.get(body, len(self.order)) if body else -1
        if m is not None and m.person is not None:
            person = self.portal.people.get(m.person)
            name = person_sort_key(person.name, person.sort_name, m.person) if person \
                else (b"", b"", m.person)
            return (_KIND_ORDER[kind], 0, name, order, extra)
        if m is not None:
            label = self.member_label(m, year)
            return (_KIND_ORDER[kind], 1, (collation_key(label), b"", m.school or ""), order, extra)
        return (_KIND_ORDER[kind], 2, _NO_NAME, order, extra)

    # -- moves ---------------------------------------------------------------------------

    @staticmethod
    def _move_group(body: Body, m: Membership) -> tuple[str, ...] | None:
        """Bodies a member can move between: bodies of one kind inside the same parent
        (the subject groups of a core team), or clusters and inter-school groups of one kind,
        whatever body they are in (across a succession, one district's council and another's)."""
        if body.kind in CLUSTER_KINDS:
            return ("school" if m.school is not None else "person", body.kind, "")
        if body.parent is None:
            return None
        return ("school" if m.school is not None else "person", body.kind, body.parent)

    def _moves(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(member key, body id) -> (old body id, new body id) for each member that moved.

        A move is a member that left exactly one body of a group and joined exactly one
        other body of the same group; anything less clear stays a leave and a join.
        """
        left: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        joined: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for bodies, others, found in ((self.old_bodies, self.new_bodies, left),
                                      (self.new_bodies, self.old_bodies, joined)):
            for body in bodies.values():
                other = others.get(body.id)
                there = {member_key(m) for m in other.members} if other else set()
                for m in body.members:
                    group = self._move_group(body, m)
                    key = member_key(m)
                    if group is not None and key not in there:
                        found.setdefault((key, group), []).append(body.id)
        moves: dict[tuple[str, str], tuple[str, str]] = {}
        for (key, group), gone in left.items():
            came = joined.get((key, group), [])
            if len(gone) == 1 and len(came) == 1:
                moves[(key, gone[0])] = moves[(key, came[0])] = (gone[0], came[0])
        return moves


def _carried(bodies: dict[str, Body], kept: set[str]) -> dict[str, Body]:
    """The bodies whose id is in `kept`, or whose parent (at any depth) is, in file order."""
    def carried(body: Body, depth: int = 0) -> bool:
        if body.id in kept:
            return True
        parent = bodies.get(body.parent or "")
        return parent is not None and depth < len(bodies) and carried(parent, depth + 1)

    return {body_id: body for body_id, body in bodies.items() if carried(body)}


def _covering(portal: Portal, office_id: str, heir: str, old: SchoolYear, new: SchoolYear,
              bodies: dict[str, Body], carried: set[str]) -> dict[str, Body]:
    """The bodies of a successor `heir`'s year `new` that are not its own from an earlier year
    (set up that year, or carried on from another ended office) and not inside a body it carries
    on from this one, naming a school the ended office managed in its year `old` (as a member,
    or as a member's unit): each with only those members, the ones the ended office's schools
    see join or move into (the rest of the list is not this office's concern)."""
    schools = {s.id for s in portal.schools.values() if portal.managing_office(s, old) == office_id}
    # Only the successor's own earlier bodies: one it carries on from another ended office may
    # now hold this office's schools (a school moved into it reads as a move).
    earlier = {body_id for (year, body_id), body in portal.bodies.items() if year < new and body.office == heir}
    found = {}
    for body_id, body in bodies.items():
        if body_id in carried or body_id in earlier:
            continue
        members = tuple(m for m in body.members if m.school in schools or m.unit in schools)
        if members:
            found[body_id] = dataclasses.replace(body, members=members)
    return found


def succession_office(portal: Portal, office_id: str, old: SchoolYear, new: SchoolYear) -> str | None:
    """The successor that publishes `new` for an office that ended before it: the first of
    its successors whose year `new` carries on a body of the office's year `old`."""
    office = portal.offices.get(office_id)
    if office is None or not office.ended_before(new):
        return None
    old_ids = {b.id for b in portal.bodies_in(old) if b.office == office_id}
    for successor in office.successors:
        if any(b.office == successor.office and b.id in old_ids for b in portal.bodies_in(new)):
            return successor.office
    return None


def carried_on(portal: Portal, office_id: str) -> tuple[SchoolYear, SchoolYear] | None:
    """For an office that ended: its last year, and the first later year in which a successor
    carries its bodies on (succession_office; diff_years compares the two); None when there is
    no such year yet, or the office has no year."""
    years = office_years(portal, office_id)
    if not years:
        return None
    later = sorted({oy.school_year for oy in portal.office_years if oy.school_year > years[-1]})
    return next(((years[-1], year) for year in later if succession_office(portal, office_id, years[-1], year)), None)


def carried_from(portal: Portal, office_id: str, old: SchoolYear, new: SchoolYear) -> list[str]:
    """The ended offices, with data for `old`, whose bodies `office_id`'s year `new` carries on:
    those `diff_years(portal, <it>, old, new)` compares with `office_id`'s year."""
    return [o for o in portal.predecessors(office_id)
            if old in office_years(portal, o) and succession_office(portal, o, old, new) == office_id]


class _Collector:
    """Changes with their sort keys; gives them back grouped by kind, sorted."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str, tuple[str, ...]], tuple[_SortKey, Change]] = {}

    def add(self, key: _SortKey, change: Change) -> None:
        ident = (change.kind, change.target, tuple(b.id for b in change.bodies))
        self.items.setdefault(ident, (key, change))

    def extend(self, other: _Collector) -> None:
        for key, change in other.items.values():
            self.add(key, change)

    def sorted(self) -> tuple[Change, ...]:
        return tuple(change for _, change in sorted(self.items.values(), key=lambda kc: kc[0]))


def _counts(changes: Iterable[Change]) -> Counts:
    found = dict.fromkeys(KINDS, 0)
    for change in changes:
        found[change.kind] += 1
    return tuple(found.items())


def _member_fields(ctx: _Years, m: Membership, year: SchoolYear,
                   gone: bool) -> tuple[FieldChange, ...]:
    """The values a member holds, as the 'old' side (gone) or the 'new' side of a change."""
    values: list[tuple[str, str | None, str | None]] = [
        ("role", wording.role_name(m.role), m.role),
        ("position", m.position, None),
        ("unit", ctx.unit_label(m.unit, year), m.unit),
    ]
    out = []
    for name, label, ident in values:
        if label is None:
            continue
        out.append(FieldChange(name, label, None, ident, None) if gone
                   else FieldChange(name, None, label, None, ident))
    return tuple(out)


def _compare_member(ctx: _Years, old: Membership, new: Membership) -> dict[str, FieldChange]:
    """Role, unit and position of one member in two years: only what differs."""
    out: dict[str, FieldChange] = {}
    if old.role != new.role:
        out["role"] = FieldChange("role", wording.role_name(old.role), wording.role_name(new.role),
                                  old.role, new.role)
    if old.unit != new.unit:
        out["unit"] = FieldChange("unit", ctx.unit_label(old.unit, ctx.old),
                                  ctx.unit_label(new.unit, ctx.new), old.unit, new.unit)
    if not _same_text(old.position, new.position):
        out["position"] = FieldChange("position", old.position, new.position)
    return out


def _merge_note(ctx: _Years, old_unit: str | None, new_unit: str | None) -> str | None:
    school = ctx.portal.schools.get(old_unit or "")
    if school is not None and school.successor is not None and school.successor == new_unit:
        return f"{wording.school_name(school, ctx.old)} đã sáp nhập vào " \
               f"{ctx.unit_label(new_unit, ctx.new)}"
    return None


def _left_note(ctx: _Years, m: Membership) -> str | None:
    """Why a school left: it stopped and merged into its successor before the new year."""
    school = ctx.portal.schools.get(m.school or "")
    if school is None or school.successor is None or school.valid_until is None:
        return None
    if school.valid_until.last_day >= ctx.new.first_day:
        return None
    return f"trường hoạt động đến hết {school.valid_until.vietnamese()}, đã sáp nhập vào " \
           f"{ctx.unit_label(school.successor, ctx.new)}"


class _BodyDiffer:
    """Computes the changes of one body; moves are shared with the sibling body."""

    def __init__(self, ctx: _Years, body_id: str) -> None:
        self.ctx = ctx
        self.id = body_id
        self.old = ctx.old_bodies.get(body_id)
        self.new = ctx.new_bodies.get(body_id)
        if self.old is None and self.new is None:
            raise DiffError(f"đơn vị {ctx.office.id} không có tổ chức '{body_id}' trong năm học "
                            f"{ctx.old} hay {ctx.new}.")
        self.changes = _Collector()
        self.unchanged = 0

    def run(self) -> BodyDiff:
        ctx, old, new = self.ctx, self.old, self.new
        if old is None:
            assert new is not None
            if self.id not in ctx.carried_elsewhere:
                self._body_change("body-created", new, (
                    FieldChange("kind", None, wording.body_kind_name(new.kind), None, new.kind),
                    *self._parent_fields(None, new)))
        elif new is None:
            self._body_change("body-dissolved", old, (
                FieldChange("kind", wording.body_kind_name(old.kind), None, old.kind, None),
                *self._parent_fields(old, None)))
        else:
            if not _same_text(old.name, new.name):
                self._body_change("body-renamed", new, (FieldChange("name", old.name, new.name),))
            other = self._other_fields(old, new)
            if other:
                self._body_change("body-changed", new, other)
            self._leader(old, new)
            self._duties(old, new)
        self._members()
        current = new or old
        assert current is not None
        changes = self.changes.sorted()
        if old is None:
            status = "created"
        elif new is None:
            status = "dissolved"
        else:
            status = "changed" if changes else "unchanged"
        return BodyDiff(
            office=ctx.office.id, body=self.id, kind=current.kind, name=current.name,
            old_name=old.name if old else None, parent=current.parent, status=status,
            old_year=ctx.old, new_year=ctx.new,
            old_decision=old.decision if old else None, new_decision=new.decision if new else None,
            old_members=len(old.members) if old else 0, new_members=len(new.members) if new else 0,
            unchanged_members=self.unchanged, counts=_counts(changes), changes=changes)

    # -- the body itself -------------------------------------------------------------------

    def _body_change(self, kind: str, body: Body, fields: tuple[FieldChange, ...]) -> None:
        change = Change(kind, "body", body.id, body.name, (self.ctx.body_ref(body),), fields)
        self.changes.add(self.ctx.sort_key(kind, None, body.school_year, body.id), change)

    def _parent_fields(self, old: Body | None, new: Body | None) -> tuple[FieldChange, ...]:
        ctx = self.ctx
        old_parent, new_parent = (old.parent if old else None), (new.parent if new else None)
        if old_parent is None and new_parent is None:
            return ()
        return (FieldChange("parent", ctx.body_name(old_parent, ctx.old),
                            ctx.body_name(new_parent, ctx.new), old_parent, new_parent),)

    def _other_fields(self, old: Body, new: Body) -> tuple[FieldChange, ...]:
        ctx = self.ctx
        out: list[FieldChange] = []
        if old.kind != new.kind:
            out.append(FieldChange("kind", wording.body_kind_name(old.kind), wording.body_kind_name(new.kind),
                                   old.kind, new.kind))
        if old.parent != new.parent:
            out.extend(self._parent_fields(old, new))
        if old.subject != new.subject:
            out.append(FieldChange("subject", ctx.subject_label(old.subject),
                                   ctx.subject_label(new.subject), old.subject, new.subject))
        if not _same_text(old.meets, new.meets):
            out.append(FieldChange("meets", old.meets, new.meets))
        return tuple(out)

    # -- the post of its leader --------------------------------------------------------------

    def _leader(self, old: Body, new: Body) -> None:
        """A post is (body, role, subject): who holds the leader's post, before and after."""
        ctx = self.ctx
        role = vocab.LEADER_ROLE.get(new.kind)
        if role is None:
            return
        before = [m for m in old.members if m.role == role]
        after = [m for m in new.members if m.role == role]
        if not before or not after:
            return
        if {member_key(m) for m in before} == {member_key(m) for m in after}:
            return
        was, now = before[0], after[0]
        label = f"{wording.role_name(role)} {new.name}"
        target = f"{new.id}:{role}" + (f":{new.subject}" if new.subject else "")
        change = Change("leader-changed", "post", target, label, (ctx.body_ref(new),), (
            FieldChange("holder", ctx.member_label(was, ctx.old), ctx.member_label(now, ctx.new),
                        was.person or was.school, now.person or now.school),))
        self.changes.add(ctx.sort_key("leader-changed", None, ctx.new, new.id), change)

    # -- members -------------------------------------------------------------------------

    def _members(self) -> None:
        ctx = self.ctx
        before = {member_key(m): m for m in (self.old.members if self.old else ())}
        after = {member_key(m): m for m in (self.new.members if self.new else ())}
        for key, m in before.items():
            if key in after:
                self._compare(m, after[key])
            elif (key, self.id) in ctx.moves:
                self._move(key)
            else:
                self._member_change("member-left", m, ctx.old, gone=True, note=_left_note(ctx, m))
        for key, m in after.items():
            if key in before:
                continue
            if (key, self.id) in ctx.moves:
                self._move(key)
            else:
                self._member_change("member-joined", m, ctx.new, gone=False)

    def _member_change(self, kind: str, m: Membership, year: SchoolYear, gone: bool,
                       note: str | None = None) -> None:
        ctx = self.ctx
        body = self.old if gone else self.new
        assert body is not None
        target_type = "person" if m.person is not None else "school"
        change = Change(kind, target_type, m.person or m.school or "", ctx.member_label(m, year),
                        (ctx.body_ref(body),), _member_fields(ctx, m, year, gone), note)
        self.changes.add(ctx.sort_key(kind, m, year, self.id), change)

    def _compare(self, old: Membership, new: Membership) -> None:
        ctx = self.ctx
        assert self.new is not None
        differences = _compare_member(ctx, old, new)
        if not differences:
            self.unchanged += 1
            return
        kinds = {"role": "role-changed", "unit": "unit-changed", "position": "position-changed"}
        target_type = "person" if new.person is not None else "school"
        for name, field in differences.items():
            note = _merge_note(ctx, old.unit, new.unit) if name == "unit" else None
            change = Change(kinds[name], target_type, new.person or new.school or "",
                            ctx.member_label(new, ctx.new), (ctx.body_ref(self.new),), (field,),
                            note)
            self.changes.add(ctx.sort_key(kinds[name], new, ctx.new, self.id), change)

    def _move(self, key: str) -> None:
        """One change for a member who left a body for a sibling (or a school for another
        cluster), with the subject and any role, unit or position that changed with it."""
        ctx = self.ctx
        old_id, new_id = ctx.moves[(key, self.id)]
        old_body, new_body = ctx.old_bodies[old_id], ctx.new_bodies[new_id]
        was = next(m for m in old_body.members if member_key(m) == key)
        now = next(m for m in new_body.members if member_key(m) == key)
        fields: list[FieldChange] = []
        if old_body.subject != new_body.subject:
            fields.append(FieldChange("subject", ctx.subject_label(old_body.subject),
                                      ctx.subject_label(new_body.subject), old_body.subject,
                                      new_body.subject))
        differences = _compare_member(ctx, was, now)
        fields.extend(differences[name] for name in ("role", "unit", "position")
                      if name in differences)
        kind = "school-moved" if now.school is not None else "member-moved"
        note = _merge_note(ctx, was.unit, now.unit)
        change = Change(kind, "person" if now.person else "school", now.person or now.school or "",
                        ctx.member_label(now, ctx.new),
                        (ctx.body_ref(old_body), ctx.body_ref(new_body)), tuple(fields), note)
        self.changes.add(ctx.sort_key(kind, now, ctx.new, new_id), change)

    # -- duties --------------------------------------------------------------------------

    def _duties(self, old: Body, new: Body) -> None:
        """Duties matched by role and printed number, or by role and text when unnumbered."""
        before = {_duty_key(d): d for d in old.duties}
        after = {_duty_key(d): d for d in new.duties}
        removed = [d for k, d in before.items() if k not in after]
        added = [d for k, d in after.items() if k not in before]
        for key, d in before.items():
            if key in after and (not _same_text(d.text, after[key].text)
                                 or _legal(d) != _legal(after[key])):
                self._duty_change("duty-changed", d, after[key])
        # An unnumbered duty rewritten in place: the only one of its role removed and added.
        for role in dict.fromkeys(d.role for d in [*removed, *added]):
            gone = [d for d in removed if d.role == role and d.label is None]
            came = [d for d in added if d.role == role and d.label is None]
            if len(gone) == 1 and len(came) == 1:
                self._duty_change("duty-changed", gone[0], came[0])
                removed.remove(gone[0])
                added.remove(came[0])
        for d in removed:
            self._duty_change("duty-removed", d, None)
        for d in added:
            self._duty_change("duty-added", None, d)

    def _duty_change(self, kind: str, old: Duty | None, new: Duty | None) -> None:
        ctx = self.ctx
        duty = new or old
        assert duty is not None and self.new is not None
        role_label = wording.role_name(duty.role)
        label = f"{role_label} {duty.label}" if duty.label else role_label
        fields: list[FieldChange] = []
        if old is None or new is None or not _same_text(old.text, new.text):
            fields.append(FieldChange("text", old.text if old else None, new.text if new else None))
        old_legal, new_legal = (_legal(old) if old else None), (_legal(new) if new else None)
        if old_legal != new_legal:
            fields.append(FieldChange("legal", old_legal, new_legal, old.legal_ref if old else None,
                                      new.legal_ref if new else None))
        target = f"{self.id}:{duty.role}:{_duty_ident(duty)}"
        change = Change(kind, "duty", target, label, (ctx.body_ref(self.new),), tuple(fields))
        extra = f"{_ROLE_ORDER.get(duty.role, 99):02d}:{fold(duty.label or '')}:{_duty_ident(duty)}"
        self.changes.add(ctx.sort_key(kind, None, ctx.new, self.id, extra), change)


def _duty_key(d: Duty) -> tuple[str, str]:
    return (d.role, f"label:{normalize(d.label)}" if d.label else f"text:{fold(d.text)}")


def _duty_ident(d: Duty) -> str:
    if d.label:
        return fold(d.label).replace(" ", "-")
    return hashlib.sha1(fold(d.text).encode()).hexdigest()[:10]


def _legal(d: Duty) -> str | None:
    if d.legal_ref is None:
        return None
    return f"{d.legal_provision} {d.legal_ref}" if d.legal_provision else d.legal_ref


# -- schools and documents of the office ------------------------------------------------------


def _office_schools(ctx: _Years) -> list[School]:
    """The office's own schools and every school its two years name."""
    ids = {s.id for s in ctx.portal.schools.values() if s.office == ctx.office.id}
    for body in [*ctx.old_bodies.values(), *ctx.new_bodies.values()]:
        for m in body.members:
            ids.update(x for x in (m.school, m.unit) if x in ctx.portal.schools)
    for oy in (ctx.old_year_data, ctx.new_year_data):
        for doc_id in oy.documents:
            for act in ctx.portal.documents[doc_id].activities:
                ids.update(x for x in act.schools if x in ctx.portal.schools)
    return [ctx.portal.schools[i] for i in sorted(ids)]


def _school_changes(ctx: _Years, out: _Collector) -> None:
    start, end = ctx.old.first_day, ctx.new.first_day
    for school in _office_schools(ctx):
        old_name, new_name = wording.school_name(school, ctx.old), wording.school_name(school, ctx.new)
        key = (collation_key(new_name), b"", school.id)
        if not _same_text(old_name, new_name):
            change = Change("school-renamed", "school", school.id, new_name, (),
                            (FieldChange("name", old_name, new_name),))
            out.add((_KIND_ORDER["school-renamed"], 1, key, -1, ""), change)
        until = school.valid_until
        if school.successor and until is not None and start <= until.last_day < end:
            successor = ctx.unit_label(school.successor, ctx.new)
            change = Change("school-merged", "school", school.id, old_name, (), (
                FieldChange("successor", None, successor, None, school.successor),
                FieldChange("until", None, until.vietnamese())))
            key = (collation_key(old_name), b"", school.id)
            out.add((_KIND_ORDER["school-merged"], 1, key, -1, ""), change)


def _signer(portal: Portal, doc: Document) -> str | None:
    if doc.signer is None:
        return None
    person = portal.people.get(doc.signer.person)
    name = person.name if person else doc.signer.person
    text = f"{name}, {doc.signer.title}"
    if doc.signer.capacity:
        on_behalf = " ".join(x for x in (doc.signer.capacity, doc.signer.on_behalf_of) if x)
        text += f" ({on_behalf})"
    return text


def _issuer_change(ctx: _Years, out: _Collector) -> None:
    """A successor publishes the new year instead of the office that ended. The change is the
    ended office's: its issuer of the year becomes the successor, and its end date is its own."""
    old, new = ctx.office, ctx.new_office
    if old.id == new.id:
        return
    change = Change("issuer-changed", "office", old.id, old.name, (), (
        FieldChange("issuer", old.name, new.name, old.id, new.id),
        *((FieldChange("until", None, old.valid_until.vietnamese()),) if old.valid_until else ())))
    out.add((_KIND_ORDER["issuer-changed"], 2, _NO_NAME, -1, ""), change)


def _document_changes(ctx: _Years, out: _Collector) -> None:
    portal = ctx.portal
    # From a successor's year, only the documents behind the bodies carried over.
    behind = {d for b in ctx.new_bodies.values() for d in (b.decision, b.source_document) if d}
    for position, doc_id in enumerate(ctx.new_year_data.documents):
        if ctx.new_office.id != ctx.office.id and doc_id not in behind:
            continue
        doc = portal.documents[doc_id]
        replaced = [portal.documents[r.ref] for r in doc.related
                    if r.relation == "thay-the" and r.ref in portal.documents]
        # By date, then in the year file's order.
        date = doc.date.iso() if doc.date else "9999"
        sort = (_KIND_ORDER["document-added"], 3, _NO_NAME, -1, f"{date}|{position:05d}")
        if replaced:
            for old in replaced:
                fields = [FieldChange("replaces", wording.document_label(old), wording.document_label(doc),
                                      old.id, doc.id)]
                if not _same_text(old.title, doc.title):
                    fields.append(FieldChange("name", old.title, doc.title))
                change = Change("document-replaced", "document", doc.id, doc.title, (),
                                tuple(fields))
                out.add((_KIND_ORDER["document-replaced"], *sort[1:]), change)
            continue
        added = [("kind", wording.document_kind_name(doc.kind), doc.kind),
                 ("number", wording.number_text(doc.number) if doc.number else None, None),
                 ("date", doc.date.vietnamese() if doc.date else None, None),
                 ("signer", _signer(portal, doc), doc.signer.person if doc.signer else None)]
        change = Change("document-added", "document", doc.id, doc.title, (), tuple(
            FieldChange(name, None, value, None, ident) for name, value, ident in added if value))
        out.add(sort, change)


# -- entry points ---------------------------------------------------------------------------


def diff_body(portal: Portal, office_id: str, body_id: str, old_year: SchoolYear,
              new_year: SchoolYear) -> BodyDiff:
    """The changes in one body of an office between two school years."""
    return _BodyDiffer(_Years(portal, office_id, old_year, new_year), body_id).run()


def diff_years(portal: Portal, office_id: str, old_year: SchoolYear,
               new_year: SchoolYear) -> OfficeDiff:
    """The changes of an office between two school years: bodies, members, schools, documents.
    For an office that ended before `new_year`, the new year is its successor's (succession_office)."""
    ctx = _Years(portal, office_id, old_year, new_year)
    everything = _Collector()
    bodies = []
    for body_id in ctx.order:
        differ = _BodyDiffer(ctx, body_id)
        body_diff = differ.run()
        everything.extend(differ.changes)  # a move is in two bodies, but counted once here
        # A successor's own new body is named among the changes, but is not one of this
        # office's bodies: its page of changes is the successor's (several ended offices may see it).
        if body_id not in ctx.covering:
            bodies.append(body_diff)
    _issuer_change(ctx, everything)
    _school_changes(ctx, everything)
    _document_changes(ctx, everything)
    changes = everything.sorted()
    office = ctx.office
    return OfficeDiff(
        office=office.id, office_name=office.name, sample=office.sample,
        office_valid_until=office.valid_until.iso() if office.valid_until else None,
        office_successors=tuple(SuccessorRef(x.office, ctx.unit_label(x.office, new_year) or x.office, x.took_over)
                                for x in office.successors),
        new_office=ctx.new_office.id,
        old_year=old_year, new_year=new_year,
        counts=_counts(changes), unchanged_members=sum(b.unchanged_members for b in bodies),
        changes=changes, bodies=tuple(bodies))


def diff_within_year(portal: Portal, office_id: str, year: SchoolYear) -> YearChanges:
    """The changes of an office's lists during one school year: on each day an amending
    decision takes effect, the lists of that day against those of the day before."""
    ctx = _Years(portal, office_id, year, year, day=year.first_day)  # checks the office and the year
    bodies = [portal.bodies[(year, b)] for b in ctx.new_year_data.bodies]
    starts: dict[datetime.date, list[str]] = {}
    for body in bodies:
        for amendment in body.amendments:
            starts.setdefault(amendment.start.first_day, []).append(amendment.decision)
    days = []
    for day in sorted(starts):
        ctx = _Years(portal, office_id, year, year, day=day)
        everything = _Collector()
        changed = []
        for body_id in ctx.order:
            differ = _BodyDiffer(ctx, body_id)
            body_diff = differ.run()
            everything.extend(differ.changes)
            if body_diff.status != "unchanged":
                changed.append(body_diff)
        # The amending decisions of the day, then those that set up a body that day.
        opened = [b.decision for b in bodies if terms.opening_day(portal, b) == day and b.id in ctx.new_bodies]
        decisions = tuple(DocumentRef(d, wording.document_label(portal.documents[d]) if d in portal.documents else d)
                          for d in dict.fromkeys([*starts[day], *opened]))
        changes = everything.sorted()
        days.append(DayDiff(terms.as_partial(day), decisions, _counts(changes),
                            sum(b.unchanged_members for b in changed), changes, tuple(changed)))
    office = ctx.office
    return YearChanges(office.id, office.name, office.sample, year, tuple(days))


def office_years(portal: Portal, office_id: str) -> list[SchoolYear]:
    """The school years an office has data for, oldest first."""
    return sorted(oy.school_year for oy in portal.office_years if oy.office == office_id)
