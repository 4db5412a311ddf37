"""Indexes over the model that the pages need: who is where, what links to what.

Built once per build in linear time, so that each page's queries are lookups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from . import terms, vocab, wording
from .dates import PartialDate, SchoolYear
from .dependencies import SHOWN_BY_NAME
from .model import Activity, Body, Document, Membership, Office, Person, Portal, School
from .terms import History, Step, Term
from .text import collation_key, person_sort_key


@dataclass(frozen=True)
class HomeGroup:
    """Schools whose latest school year is `year`, published by `office`: the home page
    lists each school once, under its own latest year (offices publish on different
    calendars, and an office that ended keeps its last year)."""

    office: Office
    year: SchoolYear
    schools: list[School]
    # Who carries the office's work on, when it ended (said beside its schools).
    heirs: tuple[Office, ...] = ()


@dataclass(frozen=True)
class Seat:
    """A membership together with the body it is in, the office of that body, and its term
    (from when, until when, by which decision: portal.terms)."""

    # Shown by name: a page of seats (someone's terms, a school's staff) shows the body by
    # name and link; its members are on the body's own page.
    body: Body = field(metadata=SHOWN_BY_NAME)
    membership: Membership
    office: Office
    term: Term


@dataclass(frozen=True)
class LeaderSince:
    """A leader who took office during the year (wording.leader_since): their row, its first
    day, and the row of whom they replaced (None: nobody's). The note is written from these at
    output, so a page holding it is mapped to the people it names (portal.dependencies), not
    to the whole body's lists and decisions."""

    member: Membership
    start: PartialDate
    replaced: Membership | None


class View:
    def __init__(self, portal: Portal, history: Callable[[Body], History] = terms.history) -> None:
        """`history` makes a body's (terms.history); under `mkdocs serve`, the one the last
        load made when the body is unchanged (Pages, kept_results.py)."""
        self.portal = portal
        self._history = history
        self.years = portal.school_years
        self.seats_of_person: dict[str, list[Seat]] = defaultdict(list)
        self.seats_at_unit: dict[tuple[SchoolYear, str], list[Seat]] = defaultdict(list)
        self.seats_of_school: dict[tuple[SchoolYear, str], list[Seat]] = defaultdict(list)
        self.years_of_body: dict[str, list[SchoolYear]] = defaultdict(list)
        self.bodies_by_document: dict[str, list[Body]] = defaultdict(list)
        self.referenced_by: dict[str, list[tuple[Document, str]]] = defaultdict(list)
        self.signed_by: dict[str, list[Document]] = defaultdict(list)
        self.activities_of_body: dict[tuple[SchoolYear, str], list[tuple[Document, Activity]]] = (
            defaultdict(list))
        self.schools_in_year: dict[SchoolYear, set[str]] = defaultdict(set)
        self.bodies_of_office: dict[tuple[SchoolYear, str], list[Body]] = defaultdict(list)
        self.histories: dict[tuple[SchoolYear, str], History] = {}
        self.amendments_by_document: dict[str, list[tuple[Body, Step]]] = defaultdict(list)
        self._index()

    def _index(self) -> None:
        p = self.portal
        for body in p.bodies.values():  # file order: the official order of the documents
            self.years_of_body[body.id].append(body.school_year)
            self.bodies_of_office[(body.school_year, body.office)].append(body)
            self.bodies_by_document[body.decision].append(body)
            if body.source_document and body.source_document != body.decision:
                self.bodies_by_document[body.source_document].append(body)
            office = p.offices[body.office]
            history = self.histories[(body.school_year, body.id)] = self._history(body)
            for step in history.steps:
                self.amendments_by_document[step.amendment.decision].append((body, step))
            for term in history.terms:
                m = term.member
                seat = Seat(body, m, office, term)
                # A person's page shows every term; a school's page, the lists in force at the
                # latest date the data covers.
                current = term.until is None
                if m.person:
                    self.seats_of_person[m.person].append(seat)
                if m.unit:
                    if current:
                        self.seats_at_unit[(body.school_year, m.unit)].append(seat)
                    self.schools_in_year[body.school_year].add(m.unit)
                if m.school:
                    if current:
                        self.seats_of_school[(body.school_year, m.school)].append(seat)
                    self.schools_in_year[body.school_year].add(m.school)
        schools_of_office: dict[str, list[School]] = defaultdict(list)
        for school in p.schools.values():
            schools_of_office[school.office].append(school)
        self.years_of_office: dict[str, list[SchoolYear]] = defaultdict(list)
        for oy in sorted(p.office_years, key=lambda oy: oy.school_year):
            self.years_of_office[oy.office].append(oy.school_year)
        for oy in p.office_years:
            managed = [p.schools[s] for s in oy.schools if s in p.schools]
            for school in [*schools_of_office[oy.office], *managed]:
                if p.managing_office(school, oy.school_year) != oy.office:
                    continue  # another office's year file took it over
                # A school merged or closed before the year began has no page for it.
                if not school.ended_before(oy.school_year):
                    self.schools_in_year[oy.school_year].add(school.id)
        for doc in p.documents.values():
            for rel in doc.related:
                self.referenced_by[rel.ref].append((doc, rel.relation))
            for basis in doc.legal_bases:
                for ref in basis.cited:
                    self.referenced_by[ref].append((doc, wording.LEGAL_BASIS_RELATION))
            if doc.signer:
                self.signed_by[doc.signer.person].append(doc)
            if doc.school_year is not None:
                for act in doc.activities:
                    for body_id in act.bodies:
                        self.activities_of_body[(doc.school_year, body_id)].append((doc, act))
        for years in self.years_of_body.values():
            years.sort()
        for seats in self.seats_of_person.values():
            seats.sort(key=lambda s: (s.body.school_year, s.body.id, _started(s.term)))
        for docs in self.signed_by.values():
            docs.sort(key=self.document_sort_key)

    # Sorting

    def person(self, person_id: str | None) -> Person | None:
        return self.portal.people.get(person_id) if person_id else None

    def person_key(self, person_id: str) -> tuple[bytes, bytes, str]:
        person = self.portal.people.get(person_id)
        if person is None:
            return (b"", b"", person_id)
        return person_sort_key(person.name, person.sort_name, person.id)

    def sorted_schools(self, schools: list[School]) -> list[School]:
        return sorted(schools, key=lambda s: (collation_key(s.name), s.id))

    @staticmethod
    def document_sort_key(doc: Document) -> tuple[str, str]:
        return (doc.date.iso() if doc.date else "", doc.id)

    # Bodies

    def history(self, body: Body) -> History:
        """The body's terms and lists over its year, computed once per build."""
        return self.histories[(body.school_year, body.id)]

    def leaders(self, body: Body) -> list[Membership]:
        """Its leader at the latest date the data covers (after every amendment)."""
        role = vocab.LEADER_ROLE[body.kind]
        return [m for m in self.history(body).latest if m.role == role]

    def deputies(self, body: Body) -> list[Membership]:
        role = vocab.DEPUTY_ROLE[body.kind]
        return [m for m in self.history(body).latest if m.role == role]

    def since(self, body: Body, members: list[Membership]) -> tuple[LeaderSince, ...]:
        """For each of `members` (rows of the body's latest list) who took office during the
        year: since when, and whom they replaced."""
        history = self.history(body)
        notes = []
        for m in members:
            term = history.term_of(m)
            if term is not None and term.start is not None:
                predecessor = history.predecessor(term)
                notes.append(LeaderSince(m, term.start, predecessor.member if predecessor else None))
        return tuple(notes)

    def ancestors(self, body: Body) -> list[Body]:
        chain = []
        current = body
        while current.parent and (current.school_year, current.parent) in self.portal.bodies:
            current = self.portal.bodies[(current.school_year, current.parent)]
            if current in chain or current.id == body.id:
                break
            chain.append(current)
        return list(reversed(chain))

    def office_bodies(self, office: str, year: SchoolYear) -> list[Body]:
        return self.bodies_of_office.get((year, office), [])

    # Schools

    def subject_leaders(self, office: str, year: SchoolYear) -> list[tuple[Body, list[Membership]]]:
        """For each subject group of an office's year (the one that publishes a school's year
        page, `publisher`): who leads it."""
        groups = [b for b in self.office_bodies(office, year) if b.kind == "nhom-bo-mon"]
        groups.sort(key=lambda b: (collation_key(b.name), b.id))
        return [(g, self.leaders(g) + self.deputies(g)) for g in groups]

    def has_school_page(self, school_id: str, year: SchoolYear) -> bool:
        return school_id in self.schools_in_year.get(year, ())

    def school_years(self, school_id: str) -> list[SchoolYear]:
        return [y for y in self.years if school_id in self.schools_in_year[y]]

    # "Current" is per office, and per school: never the newest year of the whole data

    def publisher(self, school: School, year: SchoolYear) -> str:
        """The office whose data gives the school its page in `year`: the office that manages
        it that year (Portal.managing_office) when that office published the year, else the
        office of a body that lists it."""
        manager = self.portal.managing_office(school, year)
        if year in self.years_of_office.get(manager, ()):
            return manager
        seats = self.seats_of_school.get((year, school.id)) or self.seats_at_unit.get((year, school.id)) or []
        return min((seat.body.office for seat in seats), default=manager)

    def closed_after(self, school: School, year: SchoolYear) -> bool:
        """Whether the school closed before a later year that the office publishing its `year`
        (or a successor of that office) has published: that year is the school's last, and the
        school is no longer a current one. A school that closes at the end of its office's
        newest year is still current in it."""
        office = self.portal.offices[self.publisher(school, year)]
        later = [y for o in (office.id, *(x.office for x in office.successors))
                 for y in self.years_of_office.get(o, ()) if y > year]
        return bool(later) and school.ended_before(max(later))

    def heirs(self, office: Office) -> tuple[Office, ...]:
        """The offices that carry on the work of an office that ended (its `successors`)."""
        return tuple(self.portal.offices[x.office] for x in office.successors if x.office in self.portal.offices)

    def school_heirs(self, office: Office, school: School) -> tuple[Office, ...]:
        """The heirs a school's pages name beside its ended office: none for a school that
        closed before the office ended (the heirs never managed it)."""
        if school.valid_until and office.valid_until and school.valid_until.last_day < office.valid_until.last_day:
            return ()
        return self.heirs(office)

    def home_groups(self) -> list[HomeGroup]:
        """Every current school that has a page, once, under its own latest year and the office
        that published it (a school that closed is not offered: its pages stay, reached from its
        successor's and from the years it was in); groups by office name, newest year first."""
        grouped: dict[tuple[str, SchoolYear], list[School]] = defaultdict(list)
        for school in self.portal.schools.values():
            years = self.school_years(school.id)
            if years and not self.closed_after(school, years[-1]):
                grouped[(self.publisher(school, years[-1]), years[-1])].append(school)
        groups = [HomeGroup(self.portal.offices[office], year, self.sorted_schools(schools),
                            self.heirs(self.portal.offices[office]))
                  for (office, year), schools in grouped.items()]
        return sorted(groups, key=lambda g: (collation_key(g.office.name), g.office.id, -g.year.start))


def _started(term: Term) -> str:
    """A term's first day, to order one member's terms in a body: the list as first signed first."""
    return term.start.iso() if term.start else ""
