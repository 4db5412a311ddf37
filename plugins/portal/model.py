"""The data model: offices, schools, people, documents and bodies, year by year.

Plain frozen dataclasses built by `load.py` once the files have passed the checks.
Names follow the domain (Popolo's organisations, people and memberships, in the
terms of Vietnamese education offices).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .dates import PartialDate, SchoolYear
from .numbering import number_list
from .privacy import Redactor


@dataclass(frozen=True)
class Source:
    """Where a record was written: the file (relative to the repository), line and key path."""

    file: str
    line: int | None
    path: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class FormerName:
    name: str
    until: PartialDate | None


@dataclass(frozen=True)
class Successor:
    """An office that carries on (part of) an ended office's work, and what it took over."""

    office: str
    took_over: str | None


def _ended_before(valid_until: PartialDate | None, year: SchoolYear) -> bool:
    """Whether a unit whose last day is `valid_until` (None: still open) ended before `year` began."""
    return valid_until is not None and valid_until.last_day < year.first_day


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    short_name: str
    kind: str
    parent: str | None
    place: str | None
    valid_from: PartialDate | None
    valid_until: PartialDate | None
    # Why it ended (a key of vocab.OFFICE_END_REASONS) and who carries on: with valid_until only.
    end_reason: str | None
    successors: tuple[Successor, ...]
    note: str | None
    former_names: tuple[FormerName, ...]
    sample: bool
    source: Source
    # A stand-in written by `cotcan tao-trang` until the office's own details are entered:
    # accepted by a draft check only (so are a placeholder school's and person's).
    placeholder: bool = False
    # Its public phone number and e-mail address ("phone", "email"), shown on its page.
    contact: Mapping[str, str] = field(default_factory=dict)

    def ended_before(self, year: SchoolYear) -> bool:
        """Whether the office stopped before the school year began."""
        return _ended_before(self.valid_until, year)


@dataclass(frozen=True)
class Subject:
    id: str
    name: str
    aliases: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class School:
    id: str
    name: str
    level: str
    office: str
    aliases: tuple[str, ...]
    former_names: tuple[FormerName, ...]
    valid_from: PartialDate | None
    valid_until: PartialDate | None
    successor: str | None
    note: str | None
    source: Source
    placeholder: bool = False

    def ended_before(self, year: SchoolYear) -> bool:
        """Whether the school closed (or merged into its successor) before the school year began."""
        return _ended_before(self.valid_until, year)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    honorific: str | None
    sort_name: str | None
    # Private: only the fields named in `publish` may ever be shown.
    contact: dict[str, str]
    publish: tuple[str, ...]
    distinct_from: tuple[str, ...]
    note: str | None
    source: Source
    placeholder: bool = False

    @property
    def public_contact(self) -> dict[str, str]:
        return {k: v for k, v in self.contact.items() if k in self.publish}

    @property
    def private_values(self) -> tuple[str, ...]:
        return tuple(v for k, v in self.contact.items() if k not in self.publish)


@dataclass(frozen=True)
class LegalBasis:
    """A căn cứ as printed, and the documents it cites (one basis may cite several:
    "Thông tư 14/2018 ...; 20/2018 ...")."""

    text: str
    ref: str | None  # `ref:` the one document it cites ...
    refs: tuple[str, ...]  # ... or `refs:` the documents, when it cites several

    @property
    def cited(self) -> tuple[str, ...]:
        """Every document the basis cites, in the order written."""
        return ((self.ref,) if self.ref else ()) + self.refs


@dataclass(frozen=True)
class Signer:
    person: str
    title: str
    capacity: str | None
    on_behalf_of: str | None


@dataclass(frozen=True)
class Related:
    ref: str
    relation: str


@dataclass(frozen=True)
class Replacing:
    """The document that replaces another ("thay-the": "Quyết định này thay thế Quyết định số
    ..."), and when it is in force: the earliest `from` of its amendments, else its own date,
    as precise as the data gives it (a month: 'từ tháng 12/2024'); None when the data dates
    it by neither (then no list is said to change by it)."""

    document: str
    start: PartialDate | None

    @property
    def day(self) -> datetime.date | None:
        """The day lists switch to the replacing document: the first day `start` covers."""
        return self.start.first_day if self.start else None


@dataclass(frozen=True)
class Figure:
    label: str
    value: int
    parts: dict[str, int]


@dataclass(frozen=True)
class Activity:
    title: str
    details: str | None
    start: PartialDate | None
    end: PartialDate | None
    due: PartialDate | None
    frequency: str | None
    responsible: str | None
    bodies: tuple[str, ...]
    schools: tuple[str, ...]
    step: int | None


@dataclass(frozen=True)
class Original:
    """An original file of a document under data/files/ (`file` is relative to data/), with
    the size and SHA-256 the data records for it (None until the clerk writes them)."""

    file: str
    sha256: str | None
    size: int | None
    pages: int | None

    @property
    def name(self) -> str:
        """The file's own name: where the site publishes it, beside the document's page."""
        return self.file.rsplit("/", 1)[-1]

    @property
    def format(self) -> str:
        """Its extension, a key of vocab.ORIGINAL_FORMATS."""
        return self.file.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Document:
    """A văn bản: decision, plan, guide, regulation, letter, submission, circular."""

    id: str
    kind: str
    number: str | None
    date: PartialDate | None
    place: str | None
    issuer: str | None
    title: str
    signer: Signer | None
    legal_bases: tuple[LegalBasis, ...]
    recipients: tuple[str, ...]
    related: tuple[Related, ...]
    figures: tuple[Figure, ...]
    activities: tuple[Activity, ...]
    text: str | None
    # The year and office whose file holds it; None for documents only cited.
    school_year: SchoolYear | None
    office: str | None
    source: Source
    # A stand-in written by `cotcan nam-moi` until the signed decision is entered:
    # accepted by a draft check only.
    placeholder: bool = False
    originals: tuple[Original, ...] = ()
    # Originals are published only when the document says so: a scan carries signatures,
    # sometimes phone numbers the transcription hides.
    publish_original: bool = False

    @property
    def published_originals(self) -> tuple[Original, ...]:
        return self.originals if self.publish_original else ()


@dataclass(frozen=True)
class Membership:
    """A person (or a school) holding a role in a body, as the list gives it."""

    role: str
    person: str | None
    school: str | None
    stt: int | None
    role_text: str | None
    position: str | None
    unit: str | None
    as_written: str | None
    subject: str | None
    note: str | None
    source: Source
    # The page of the list's original this row is copied from ("tr. 3").
    page: int | None = None


@dataclass(frozen=True)
class MemberRef:
    """A member named by id in an amending decision: a person, or a school."""

    person: str | None
    school: str | None

    @property
    def key(self) -> str:
        return member_key(self)


@dataclass(frozen=True)
class Replacement:
    """`replace`: the member who leaves, and the one who takes their place (and row)."""

    old: MemberRef
    new: Membership


@dataclass(frozen=True)
class RoleChange:
    """`roles`: a member who stays, in another role from the amendment's date."""

    member: MemberRef
    role: str
    role_text: str | None


@dataclass(frozen=True)
class Amendment:
    """A decision that changes a body's list from a date on ("Quyết định điều chỉnh, bổ sung
    thành viên ..."): members added, removed, replaced, or in another role. The body's
    `members` stay the list as first signed; portal.terms works out the list on any date."""

    decision: str
    start: PartialDate  # `from`: the first day it is in force (a full date)
    add: tuple[Membership, ...]
    remove: tuple[MemberRef, ...]
    replace: tuple[Replacement, ...]
    roles: tuple[RoleChange, ...]
    source: Source


def member_key(member: Membership | MemberRef) -> str:
    """What identifies a member within a body, whatever the row says: the person or the school."""
    return f"person:{member.person}" if member.person is not None else f"school:{member.school}"


@dataclass(frozen=True)
class Duty:
    role: str
    label: str | None
    text: str
    legal_ref: str | None
    legal_provision: str | None
    page: int | None = None


@dataclass(frozen=True)
class Body:
    """A team, council, network, subject group, cluster or inter-school group in one year."""

    id: str
    school_year: SchoolYear
    office: str
    kind: str
    name: str
    parent: str | None
    decision: str
    source_document: str | None
    subject: str | None
    declared_count: int | None
    no_roster: str | None
    meets: str | None
    members: tuple[Membership, ...]  # the list as first signed
    duties: tuple[Duty, ...]
    source: Source
    # Changes to the list during the year, in the order the file gives them.
    amendments: tuple[Amendment, ...] = ()

    @property
    def list_document(self) -> str:
        """The document the list is in (the page's "Danh sách theo"): `source` when the list
        was copied from another document than the decision that set the body up, else the
        decision."""
        return self.source_document or self.decision


@dataclass(frozen=True)
class OfficeYear:
    """One office's data for one school year: one `data/years/<year>/<office>.yml`."""

    school_year: SchoolYear
    office: str
    documents: tuple[str, ...]
    bodies: tuple[str, ...]
    source: Source
    # Schools this office manages in this year besides those of its own schools file
    # (`schools:` of the year file): the schools an ended office handed on.
    schools: tuple[str, ...] = ()


@dataclass
class Portal:
    """Everything the site is built from, indexed by id."""

    offices: dict[str, Office] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    schools: dict[str, School] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    # Bodies are per year: the same id comes back every year it exists.
    bodies: dict[tuple[SchoolYear, str], Body] = field(default_factory=dict)
    office_years: list[OfficeYear] = field(default_factory=list)

    @property
    def school_years(self) -> list[SchoolYear]:
        return sorted({oy.school_year for oy in self.office_years})

    def bodies_in(self, year: SchoolYear) -> Iterator[Body]:
        return iter(self._bodies_by_year.get(year, []))

    def body_ids_in(self, year: SchoolYear) -> frozenset[str]:
        return self._body_ids_by_year.get(year, frozenset())

    @cached_property
    def _bodies_by_year(self) -> dict[SchoolYear, list[Body]]:
        index: dict[SchoolYear, list[Body]] = defaultdict(list)
        for (year, _), body in self.bodies.items():
            index[year].append(body)
        return index

    @cached_property
    def _body_ids_by_year(self) -> dict[SchoolYear, frozenset[str]]:
        return {year: frozenset(b.id for b in bodies) for year, bodies in self._bodies_by_year.items()}

    @cached_property
    def _children(self) -> dict[tuple[SchoolYear, str], list[Body]]:
        index: dict[tuple[SchoolYear, str], list[Body]] = defaultdict(list)
        for body in self.bodies.values():
            if body.parent:
                index[(body.school_year, body.parent)].append(body)
        return index

    def children(self, body: Body) -> list[Body]:
        return self._children.get((body.school_year, body.id), [])

    def list_bodies(self, body: Body) -> list[Body]:
        """The parts of the signed list a body heads: the body, then its subject groups."""
        return [body, *(child for child in self.children(body) if child.kind == "nhom-bo-mon")]

    def list_head(self, body: Body) -> Body:
        """The body whose signed list holds this body's rows: a subject group's parent."""
        parent = self.bodies.get((body.school_year, body.parent)) if body.parent else None
        return parent if body.kind == "nhom-bo-mon" and parent is not None else body

    def roster(self, body: Body) -> list[Membership]:
        """The body's official list: its own members, then its subject groups' rows as one
        table split by subject (the seeds' DANH SÁCH): in the order of their row numbers
        when the list is numbered once across, group by group when each group is numbered
        from 1 (numbering.number_list); rows without a number last."""
        parts = self.list_bodies(body)
        by_part = number_list([[m.stt for m in b.members] for b in parts]).by_part
        grouped = [(order if by_part else 0, m) for order, child in enumerate(parts[1:]) for m in child.members]
        ordered = sorted(grouped, key=lambda found: (found[0], found[1].stt is None, found[1].stt or 0))
        return list(body.members) + [m for _, m in ordered]

    def numbered_rows(self, body: Body) -> list[Membership]:
        """Every numbered row in the body and below it: what "Danh sách có N người" counts."""
        return [m for b in [body, *self.descendants(body)] for m in b.members if m.stt is not None]

    def descendants(self, body: Body) -> list[Body]:
        """Sub-bodies at any depth, parents before children (safe against cycles)."""
        found: list[Body] = []
        seen = {body.id}
        stack = list(reversed(self.children(body)))
        while stack:
            child = stack.pop()
            if child.id in seen:
                continue
            seen.add(child.id)
            found.append(child)
            stack.extend(reversed(self.children(child)))
        return found

    @cached_property
    def replaced_by(self) -> dict[str, Replacing]:
        """Each document another one replaces, with the one that does (the earliest, when two
        do). A replaced document is no longer in force from that day: a list it holds is the
        replacing one's from then on (portal.terms)."""
        starts: dict[str, PartialDate] = {}
        for body in self.bodies.values():
            for a in body.amendments:
                known_start = starts.get(a.decision)
                if known_start is None or a.start.first_day < known_start.first_day:
                    starts[a.decision] = a.start
        found: dict[str, Replacing] = {}
        for doc in self.documents.values():
            replacing = Replacing(doc.id, starts.get(doc.id) or doc.date)
            for rel in doc.related:
                if rel.relation != "thay-the" or rel.ref == doc.id:
                    continue
                known = found.get(rel.ref)
                day = replacing.day
                if known is None or (day is not None and (known.day is None or day < known.day)):
                    found[rel.ref] = replacing
        return found

    @cached_property
    def _listed_schools(self) -> dict[tuple[SchoolYear, str], str]:
        """(year, school) -> the office whose year file lists the school under `schools:`
        (the first in file order when two do: the checker reports it)."""
        index: dict[tuple[SchoolYear, str], str] = {}
        for oy in self.office_years:
            for school in oy.schools:
                index.setdefault((oy.school_year, school), oy.office)
        return index

    def schools_managed_by(self, office: str) -> list[School]:
        """The schools of the office's own schools file and those any of its year files lists
        under `schools:` (taken over from an office that ended), in data order."""
        listed = {school for oy in self.office_years if oy.office == office for school in oy.schools}
        return [s for s in self.schools.values() if s.office == office or s.id in listed]

    def predecessors(self, office: str) -> list[str]:
        """The offices that ended naming `office` among their successors."""
        return [o.id for o in self.offices.values() if any(x.office == office for x in o.successors)]

    def managing_office(self, school: School, year: SchoolYear) -> str:
        """The office that manages the school in `year`: the one whose year file lists it
        under `schools:`, else the office of its schools file (docs/data-format.md)."""
        return self._listed_schools.get((year, school.id), school.office)

    def private_values(self) -> frozenset[str]:
        return self.redactor.values

    @cached_property
    def redactor(self) -> Redactor:
        """The one Redactor of this data: the loader redacts the model with it once, after
        the checks, so every page, export and index starts from clean text."""
        return Redactor(value for person in self.people.values() for value in person.private_values)
