"""Terms: who held which role in a body, from when, until when, by which decision.

A body's `members` are its list as first signed; its `amendments` change that list from a
date on (members added, removed, replaced, or in another role). `history(body)` applies
them in date order (amendments of one day in the file's order; inside one amendment:
removals, replacements, role changes, additions) and gives:

- `terms`: one `Term` per member and role, with its first and last day in force and the
  decisions that began and ended it (Popolo's memberships with start and end dates);
- `steps`: the list from each amendment's date on, and what the amendment did (the body
  page's history, the feed);
- `on(day)`: the list in force on a day; `latest`: at the latest date the data covers;
- `faults`: what could not be applied (a member removed who was not there that day, one
  added who already was): the checker reports them, the rest is applied.

Pure: computed from the body alone (no clock, no other record), so that a copy of a body
(the redacted model, a test's reordered members) has the history of its own fields. A
body without amendments costs one Term per member.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .dates import PartialDate, SchoolYear
from .model import member_key

if TYPE_CHECKING:
    from .model import Amendment, Body, Membership, Portal
    from .problems import KeyPath

# What an amendment did to one member.
EventKind = Literal["added", "removed", "replaced", "role"]
# Why an operation of an amendment could not be applied.
FaultKind = Literal["never-there", "not-there", "already-there", "same-member"]


@dataclass(frozen=True)
class Term:
    """One member in one role of a body, from `start` to `until` (both days included)."""

    member: Membership
    start: PartialDate | None  # None: from the setting up of the body (its decision)
    until: PartialDate | None  # None: to the end of the year, as far as the data goes
    decision: str | None  # the amending decision that began it; None: the list as first signed
    ended_by: str | None  # the amending decision that ended it

    @property
    def key(self) -> str:
        return member_key(self.member)

    def in_force(self, day: datetime.date) -> bool:
        started = self.start is None or self.start.first_day <= day
        return started and (self.until is None or day <= self.until.last_day)


@dataclass(frozen=True)
class Event:
    """What one amendment did to one member. `member` is the row from that day on (for
    "removed", the row that left); `previous` the row it took the place of: the member
    replaced, or the same member's row in the role before."""

    kind: EventKind
    member: Membership
    previous: Membership | None = None


@dataclass(frozen=True)
class Step:
    """One amendment applied: what it did, and the list in force from its date on."""

    amendment: Amendment
    index: int  # its position in the body's `amendments` (where the checker points)
    events: tuple[Event, ...]
    roster: tuple[Membership, ...]


@dataclass(frozen=True)
class Fault:
    """An operation of an amendment that could not be applied."""

    index: int  # the amendment's position in the body's `amendments`
    path: KeyPath  # the operation inside it: ("remove", 0), ("replace", 1, "with"), ...
    kind: FaultKind
    key: str  # the member it names (member_key)


@dataclass(frozen=True)
class History:
    first: tuple[Membership, ...]  # the list as first signed
    steps: tuple[Step, ...]  # in date order
    # The terms row by row: each row of the list is held by a member, then by whoever
    # replaced them or by the same member in another role; rows of the first list first,
    # in its order, then the rows amendments added, as they were added.
    rows: tuple[tuple[Term, ...], ...]
    terms: tuple[Term, ...]  # every term: those of the first list first, in its order; then as they began
    faults: tuple[Fault, ...]

    @property
    def amended(self) -> bool:
        return bool(self.steps)

    @property
    def latest(self) -> tuple[Membership, ...]:
        """The list at the latest date the data covers: after every amendment."""
        return self.steps[-1].roster if self.steps else self.first

    @property
    def latest_step(self) -> Step | None:
        return self.steps[-1] if self.steps else None

    def on(self, day: datetime.date) -> tuple[Membership, ...]:
        """The list in force on `day` (the first list before any amendment)."""
        roster = self.first
        for step in self.steps:
            if step.amendment.start.first_day <= day:
                roster = step.roster
        return roster

    def first_rows(self) -> tuple[tuple[Term, ...], ...]:
        """The rows of the first list, in its order, each with the terms that held it."""
        return self.rows[:len(self.first)]

    def added_rows(self) -> tuple[tuple[Term, ...], ...]:
        """The rows amendments added, as they were added."""
        return self.rows[len(self.first):]

    def terms_of(self, key: str) -> list[Term]:
        return [t for t in self.terms if t.key == key]

    def term_of(self, member: Membership) -> Term | None:
        """The term a row of this history's lists belongs to (the very row)."""
        return self._term_by_row.get(id(member))

    @functools.cached_property
    def _term_by_row(self) -> dict[int, Term]:
        # By identity: equal rows of two lists are two terms. A province's school pages ask
        # for every subject group's heads, so a scan of the terms per question added up.
        by_row: dict[int, Term] = {}
        for term in self.terms:
            by_row.setdefault(id(term.member), term)
        return by_row

    def removed_by(self, term: Term) -> str | None:
        """The amending decision that took the member of a row off the list (not replaced by
        another, not moved to another role: the last term of its row ended); None otherwise."""
        return term.ended_by if term in self._last_of_rows else None

    @functools.cached_property
    def _last_of_rows(self) -> frozenset[Term]:
        return frozenset(row[-1] for row in self.rows if row)

    def predecessor(self, term: Term) -> Term | None:
        """Whose post a term took over: another member's term in the same role that ended the
        day before it began (the leader replaced, or who left as the deputy took over)."""
        if term.start is None:
            return None
        eve = term.start.first_day - datetime.timedelta(days=1)
        return next((t for t in self.terms if t.member.role == term.member.role and t.key != term.key
                     and t.until is not None and t.until.last_day == eve), None)


def as_partial(day: datetime.date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


@dataclass
class _Open:
    """A term not ended yet, while the amendments are applied; `row`: the row of the list it holds."""

    member: Membership
    start: PartialDate | None
    decision: str | None
    row: int
    until: PartialDate | None = None
    ended_by: str | None = None

    def close(self) -> Term:
        return Term(self.member, self.start, self.until, self.decision, self.ended_by)


class _Applier:
    """Applies a body's amendments in date order to its list."""

    def __init__(self, body: Body) -> None:
        self.roster: list[_Open] = [_Open(m, None, None, row) for row, m in enumerate(body.members)]
        self.started: list[_Open] = list(self.roster)
        self.faults: list[Fault] = []
        self.ever = {member_key(m) for m in body.members}
        for a in body.amendments:
            self.ever.update(member_key(m) for m in a.add)
            self.ever.update(member_key(r.new) for r in a.replace)

    def position(self, key: str) -> int | None:
        return next((i for i, term in enumerate(self.roster) if member_key(term.member) == key), None)

    def fault(self, index: int, path: KeyPath, key: str, *, adding: bool = False) -> None:
        kind: FaultKind = "already-there" if adding else "not-there" if key in self.ever else "never-there"
        self.faults.append(Fault(index, path, kind, key))

    def end(self, position: int, amendment: Amendment) -> Membership:
        term = self.roster[position]
        term.until = as_partial(amendment.start.first_day - datetime.timedelta(days=1))
        term.ended_by = amendment.decision
        return term.member

    def begin(self, member: Membership, amendment: Amendment, row: int | None = None) -> _Open:
        """A term from the amendment's day, in `row` (a new row of the list when None)."""
        term = _Open(member, amendment.start, amendment.decision, len(self.started) if row is None else row)
        self.started.append(term)
        return term

    def apply(self, amendment: Amendment, index: int) -> Step:
        events: list[Event] = []
        for i, ref in enumerate(amendment.remove):
            at = self.position(ref.key)
            if at is None:
                self.fault(index, ("remove", i), ref.key)
                continue
            events.append(Event("removed", self.end(at, amendment)))
            del self.roster[at]
        for i, swap in enumerate(amendment.replace):
            at, new_key = self.position(swap.old.key), member_key(swap.new)
            if new_key == swap.old.key:
                self.faults.append(Fault(index, ("replace", i, "with"), "same-member", new_key))
            elif at is None:
                self.fault(index, ("replace", i), swap.old.key)
            elif self.position(new_key) is not None:
                self.fault(index, ("replace", i, "with"), new_key, adding=True)
            else:
                old = self.end(at, amendment)
                # The newcomer takes the row of the member they replace, and its number.
                new = swap.new if swap.new.stt is not None else dataclasses.replace(swap.new, stt=old.stt)
                self.roster[at] = self.begin(new, amendment, self.roster[at].row)
                events.append(Event("replaced", new, old))
        for i, change in enumerate(amendment.roles):
            at = self.position(change.member.key)
            if at is None:
                self.fault(index, ("roles", i), change.member.key)
                continue
            before = self.roster[at].member
            if (before.role, before.role_text) == (change.role, change.role_text):
                continue  # the role it already has: nothing changes
            self.end(at, amendment)
            now = dataclasses.replace(before, role=change.role, role_text=change.role_text)
            self.roster[at] = self.begin(now, amendment, self.roster[at].row)
            events.append(Event("role", now, before))
        for i, member in enumerate(amendment.add):
            if self.position(member_key(member)) is not None:
                self.fault(index, ("add", i), member_key(member), adding=True)
                continue
            self.roster.append(self.begin(member, amendment))
            events.append(Event("added", member))
        return Step(amendment, index, tuple(events), tuple(t.member for t in self.roster))


def history(body: Body) -> History:
    """The body's list over the year: its terms, its steps, and what could not be applied."""
    if not body.amendments:
        first = tuple(Term(m, None, None, None, None) for m in body.members)
        return History(body.members, (), tuple((term,) for term in first), first, ())
    applier = _Applier(body)
    order = sorted(range(len(body.amendments)), key=lambda i: (body.amendments[i].start.first_day, i))
    steps = tuple(applier.apply(body.amendments[i], i) for i in order)
    rows: dict[int, list[Term]] = {}
    for term in applier.started:
        rows.setdefault(term.row, [])
        # A term begun and ended by two amendments of the same day was never in force: left out.
        if term.start is None or term.until is None or term.start.first_day <= term.until.last_day:
            rows[term.row].append(term.close())
    begun = sorted((t for held in rows.values() for t in held if t.start is not None),
                   key=lambda t: t.start.first_day if t.start else datetime.date.min)
    every = (*(held[0] for held in list(rows.values())[:len(body.members)]), *begun)
    return History(body.members, steps, tuple(tuple(held) for held in rows.values()), every,
                   tuple(applier.faults))


# The list of a body and its subject groups, as the DANH SÁCH prints it


def latest_roster(portal: Portal, body: Body) -> list[Membership]:
    """`Portal.roster` at the latest date the data covers: the body's own list, then the
    numbered rows of its subject groups, each list after its amendments."""
    grouped = [m for child in portal.children(body) if child.kind == "nhom-bo-mon" for m in history(child).latest]
    return list(history(body).latest) + sorted(grouped, key=lambda m: (m.stt is None, m.stt or 0))


def roster_terms(portal: Portal, body: Body) -> list[tuple[Body, Term]]:
    """Every term of the official list (the body and its subject groups), with the body it
    is in, row by row: the rows of the list as first signed in its printed order
    (`Portal.roster`), each followed by the terms that took it over, then the rows
    amendments added, by date."""
    bodies = portal.list_bodies(body)
    first: dict[int, tuple[Body, tuple[Term, ...]]] = {}
    added: list[tuple[datetime.date, int, int, Body, tuple[Term, ...]]] = []
    for order, member_body in enumerate(bodies):
        found = history(member_body)
        for row in found.first_rows():
            first[id(row[0].member)] = (member_body, row)
        for n, row in enumerate(found.added_rows()):
            if row:  # an added row holds one term at least, unless it was undone the same day
                start = row[0].start
                added.append((start.first_day if start else datetime.date.min, order, n, member_body, row))
    rows = [first[id(m)] for m in portal.roster(body) if id(m) in first]
    rows += [(b, row) for *_, b, row in sorted(added, key=lambda found: found[:3])]
    return [(b, term) for b, row in rows for term in row]


@dataclass(frozen=True)
class ListInForce:
    """The document a list is in on a day: its own (`Body.list_document`), or the one that
    replaced it by then ("thay-the", a replacement of a replacement followed), with the
    document that one replaced and when it did, as precise as the data dates it (None when
    the list's own is in force)."""

    document: str
    replaced: str | None = None
    since: PartialDate | None = None

    @property
    def since_day(self) -> datetime.date | None:
        """The day the list switched to `document` (the first day `since` covers)."""
        return self.since.first_day if self.since else None


def _in_force(portal: Portal, document: str, day: datetime.date, year: SchoolYear) -> ListInForce:
    chain = _replacements(portal, document, day, year)
    return chain[-1] if chain else ListInForce(document)


def _replacements(portal: Portal, document: str, day: datetime.date, year: SchoolYear) -> list[ListInForce]:
    """The replacements of `document` in force by `day`, in order: the one that replaced it,
    the one that replaced that one, and so on (a loop stopped)."""
    chain: list[ListInForce] = []
    seen = {document}
    while (by := portal.replaced_by.get(document)) is not None and by.day is not None \
            and by.day <= day and by.document not in seen and _of_year(portal, by.document, year):
        seen.add(by.document)
        chain.append(ListInForce(by.document, document, by.start))
        document = by.document
    return chain


def _of_year(portal: Portal, document: str, year: SchoolYear) -> bool:
    """Whether a replacing document may hold a list of `year`: one of that year's files (or
    one only cited). A later year's decision that replaces this year's sets up that year's
    list, not this one's: this year's list keeps its document (whose page says it was
    replaced)."""
    doc = portal.documents.get(document)
    return doc is not None and doc.school_year in (None, year)


def _last_day(body: Body, day: datetime.date | None) -> datetime.date:
    """`day`, or else the last day the body's school year covers (the latest list)."""
    return day or body.school_year.window[1]


def list_in_force(portal: Portal, body: Body, day: datetime.date | None = None) -> ListInForce:
    """The document the body's list is in on `day` (default: the latest list): a replaced
    decision is no longer in force from the replacing one's day, and the list it held is
    the replacing one's from then on (the replacing decision re-issues the whole list)."""
    return _in_force(portal, body.list_document, _last_day(body, day), body.school_year)


def list_replacements(portal: Portal, body: Body, day: datetime.date | None = None) -> tuple[ListInForce, ...]:
    """Every replacement of the body's list by `day` (default: the latest list), the first
    first: the one that replaced the list's own document, the one that replaced that one,
    and so on; the last is `list_in_force`. Empty while the list's own document is in force."""
    return tuple(_replacements(portal, body.list_document, _last_day(body, day), body.school_year))


@dataclass(frozen=True)
class RowSource:
    """Where a row of a list comes from: the document that put it in (`document`), and the
    ones that replaced it (or the list's) while the row was still in the list, each listing
    it anew, in order, each with when, as precise as the data dates it (`held_by`)."""

    document: str
    held_by: tuple[ListInForce, ...] = ()

    @property
    def current(self) -> str:
        """The document the row is in: the last replacing one, else the one that put it in."""
        return self.held_by[-1].document if self.held_by else self.document


def row_source(portal: Portal, body: Body, term: Term, day: datetime.date | None = None) -> RowSource:
    """Where a row of a list comes from, as of `day` (default: the latest list): the amending
    decision that put it in, else the document its body's list is in (`Body.list_document`);
    and, for a row still in force when that document (or the list's) was replaced, the
    replacing ones. The exports' "Theo văn bản" and a person's roles cite them all."""
    own = term.decision or body.list_document
    last = _last_day(body, day)
    if term.until is not None:
        last = min(last, term.until.last_day)
    for document in dict.fromkeys((own, body.list_document)):
        chain = _replacements(portal, document, last, body.school_year)
        # A replacing decision that put the row in itself (its amendment of the list it
        # replaces) is where the row comes from, not a replacement of it.
        ids = [link.document for link in chain]
        if own in ids:
            chain = chain[ids.index(own) + 1:]
        # A decision signed on or after the amendment that put the row in (`signed_on_or_after`)
        # is no replacement of its row: that amendment amends the replacing decision's list.
        held = tuple(link for link in chain if link.since_day is not None
                     and (term.start is None or (term.start.first_day <= link.since_day
                                                 and not signed_on_or_after(portal, own, link.document))))
        # A replacement in force from the row's first day (the list's, for a row of the list
        # as first signed; the amendment's, for a row one put in that very day): the
        # replacing decision re-issues the whole list with the row in it, which was never
        # the replaced document's: the row comes from the replacing one alone.
        begun = term.start.first_day if term.start is not None else list_start(portal, body)
        from_start = [link for link in held if link.since_day is not None and link.since_day <= begun]
        if from_start:
            return RowSource(from_start[-1].document, held[len(from_start):])
        if held:
            return RowSource(own, held)
    return RowSource(own)


def row_document(portal: Portal, body: Body, term: Term, day: datetime.date | None = None) -> str:
    """The document a row of a list is in as of `day` (`row_source`): the replacing decision
    for a row still in force when the one that put it in was replaced."""
    return row_source(portal, body, term, day).current


def row_start(portal: Portal, list_body: Body, body: Body, term: Term) -> PartialDate | None:
    """The "Từ ngày" of a row of `list_body`'s list, `body` the (sub)body it is in: the day an
    amending decision put it in, or the day a subject group set up later in the year by its
    own decision came into force (the page's rows start there too); None for a row of the
    list as first signed, in force from the list's decision."""
    if term.start is not None:
        return term.start
    opened = opening_day(portal, body)
    if body is list_body or opened is None or opened == opening_day(portal, list_body):
        return None
    return as_partial(opened)


def later_documents(portal: Portal, body: Body, day: datetime.date | None = None) -> list[str]:
    """The documents other than the one the list is in on `day` (`list_in_force`; default:
    the latest list) that changed it by then: the amending decisions (those that put rows
    in, and those that only took members off), and the decision that set up a subject group
    later in the year; in order of their dates (undated last), then of their rows. Once the
    list's document was replaced, what changed the replaced list is left out: the replacing
    decision lists its rows anew. A subject group set up by its own decision on or before the
    list's first day in force (the list's decision's, or the replacing one's) is in that list
    from its start: its decision amends nothing of it."""
    last = _last_day(body, day)
    current = list_in_force(portal, body, last)
    begun = current.since_day if current.since_day is not None else list_start(portal, body)
    found: list[str] = []
    for b, t in roster_terms(portal, body):
        if not in_force(portal, b, last) or (t.start is not None and t.start.first_day > last):
            continue  # not in the list yet on that day
        if current.since_day is not None and t.until is not None and t.until.last_day < current.since_day:
            continue  # a row of the replaced list only
        start = row_start(portal, body, b, t)
        if t.start is not None or (start is not None and start.first_day > begun):
            found.append(row_document(portal, b, t, last))
        if t.ended_by and t.until is not None and t.until.last_day < last:
            found.append(t.ended_by)

    def dated(doc_id: str) -> tuple[bool, datetime.date]:
        doc = portal.documents.get(doc_id)
        return (doc is None or doc.date is None, doc.date.first_day if doc and doc.date else datetime.date.min)
    return sorted((d for d in dict.fromkeys(found) if d != current.document), key=dated)


def signed_on_or_after(portal: Portal, document: str, other: str) -> bool:
    """Whether `document` was signed on or after `other` as far as both dates tell (both dated,
    the first day `document`'s date covers not before the last `other`'s does)."""
    doc, then = portal.documents.get(document), portal.documents.get(other)
    return (doc is not None and doc.date is not None and then is not None and then.date is not None
            and doc.date.first_day >= then.date.last_day)


def origin_days(portal: Portal, body: Body) -> list[datetime.date]:
    """The days in the body's school year the documents its list is said to come from may
    change (`later_documents`, `list_in_force`): its and its subject groups' amendments, the
    setting up of a group later in the year, and the replacements of the list's documents
    and of its amending decisions (replacements of replacements followed); after the list's
    first day (`list_start`: a change on it holds all the list's days), in order."""
    lists = portal.list_bodies(body)
    first, last = list_start(portal, body), body.school_year.window[1]
    days = {a.start.first_day for b in lists for a in b.amendments}
    days.update(day for b in lists[1:] if (day := opening_day(portal, b)) is not None)
    for document in {b.list_document for b in lists} | {a.decision for b in lists for a in b.amendments}:
        # The replacements that can switch a list this year (list_in_force follows the same).
        days.update(link.since_day for link in _replacements(portal, document, last, body.school_year)
                    if link.since_day is not None)
    return sorted(day for day in days if first < day <= last)


def later_groups(portal: Portal, body: Body) -> list[Body]:
    """The subject groups of the body's list set up by a decision of another day than the
    list's (`row_start`: their rows start there)."""
    opened = opening_day(portal, body)
    return [group for group in portal.list_bodies(body)[1:]
            if (day := opening_day(portal, group)) is not None and day != opened]


def changes_in_year(portal: Portal, body: Body) -> bool:
    """Whether the body's list, or the document it is said to come from, changes during its
    school year: amended, set up by a decision another replaced (`list_replacements`), or
    joined by a subject group later (`later_groups`). Its page then offers the list on any
    day, each day's rows with that day's document."""
    return (amended(portal.list_bodies(body)) or replaced_in_year(portal, body)
            or bool(later_groups(portal, body)))


def replaced_in_year(portal: Portal, body: Body) -> bool:
    """Whether the body's list is replaced after its first day (`list_start`): one replaced
    on that day, or before, was never in force; the list is the replacing one's all year."""
    start = list_start(portal, body)
    return any(link.since_day is not None and start < link.since_day for link in list_replacements(portal, body))


def list_start(portal: Portal, body: Body) -> datetime.date:
    """The list's first day: its decision's (`opening_day`), else the school year's."""
    return opening_day(portal, body) or body.school_year.window[0]


def subject_cells(portal: Portal, body: Body) -> dict[Membership, str]:
    """The Môn cell of each row of the body's list (as first signed and as amended): the
    subject as printed, else the subject of the group the row is in, so that a list
    numbered group by group shows which group each number belongs to."""
    found: dict[Membership, str] = {}
    for group in [body, *portal.children(body)]:
        subject = portal.subjects.get(group.subject or "")
        for term in history(group).terms:
            found.setdefault(term.member, term.member.subject or (subject.name if subject else ""))
    return found


def amended(bodies: Iterable[Body]) -> bool:
    """Whether any of the bodies has an amendment."""
    return any(b.amendments for b in bodies)


def opening_day(portal: Portal, body: Body) -> datetime.date | None:
    """The day the body's list came into force: its decision's date when the document
    gives the day; None when it does not (then: from the start of the school year)."""
    decision = portal.documents.get(body.decision)
    return decision.date.first_day if decision and decision.date and decision.date.is_full else None


def in_force(portal: Portal, body: Body, day: datetime.date) -> bool:
    """Whether the body was set up on `day` (a body set up by a decision later in the year
    is not, before it)."""
    opened = opening_day(portal, body)
    return opened is None or opened <= day
