"""The pages of the portal: what each is called, where it lives, what it shows.

Plain Python: a front end (the MkDocs plugin today) asks for `Pages.all()` and renders
each page's template with its context (portal.contexts), built here once per page.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, TypeVar

from . import calendar, charts, diff, diff_report, fulltext, terms, wording
from .contexts import (
    ActivityRow,
    ArchiveEntry,
    ArchivePage,
    AsOf,
    BasisLine,
    BodyDiffPage,
    BodyPage,
    BodyTree,
    ChangesLink,
    ChildBody,
    CitedOriginal,
    DaySection,
    DiffEntry,
    DiffPage,
    DiffsPage,
    DocumentPage,
    DutyLine,
    Heir,
    HistoryEntry,
    Holder,
    HomePage,
    IssuerHeading,
    ListSource,
    ManagedYears,
    OfficeInYear,
    OfficePage,
    OfficeSchools,
    OfficesPage,
    OfficeYearSection,
    OriginLine,
    PageContext,
    PersonPage,
    Predecessor,
    PrintHeader,
    Replaced,
    RoleDuties,
    RosterSpan,
    SchoolBody,
    SchoolPage,
    SchoolsPage,
    SchoolYearPage,
    SubjectJump,
    SubjectLeaders,
    TimelineEntry,
    YearChangesEntry,
    YearChangesPage,
    YearOffices,
    YearPage,
    YearsPage,
)
from .dates import SchoolYear
from .kept_results import KeptResults
from .model import Body, Document, Membership, Office, OfficeYear, Portal, School
from .terms import History, Term
from .text import collation_key
from .urls import UrlFormats, absolute
from .view import Seat, View


@dataclass(frozen=True)
class PageSpec:
    url: str
    title: str
    template: str
    context: PageContext
    edit_path: str | None = None
    # Hub pages go in the navigation; leaf pages are reached through links.
    in_nav: bool = False
    # Facets for the search filters: school year, office, school, subject, role, kind.
    filters: dict[str, list[str]] = field(default_factory=dict)
    # Left out of the search index: pages that repeat what other pages say (a body's
    # changes are on its office's change page too), which also keeps indexing lean.
    searchable: bool = True


# Which pages to build, by URL (an incremental preview builds only those an edit touched).
Wanted = Callable[[str], bool]
_Derived = TypeVar("_Derived")  # a result derived from the model (a diff)
_Held = TypeVar("_Held")  # what a list's page says on the days it holds


def every_page(url: str) -> bool:
    return True


class Pages:
    def __init__(self, portal: Portal, urls: UrlFormats | None = None, site_url: str = "",
                 kept: KeptResults | None = None) -> None:
        """`kept` (under `mkdocs serve`) holds the diffs of the last Pages: those whose
        records did not change are reused instead of compared again (kept_results.py)."""
        self.portal = portal
        self.urls = urls or UrlFormats()
        # The public address (MkDocs' site_url), for what must name a page in full: the QR
        # code of a printed list. Empty: no such address is printed.
        self.site_url = site_url
        if kept is not None:
            kept.start(portal)

        def derived(ident: tuple[Any, ...], compute: Callable[[Portal], _Derived]) -> _Derived:
            return compute(portal) if kept is None else kept.result(ident, compute)

        def history(body: Body) -> History:
            key = (body.school_year, body.id)
            return derived(("history", *key), lambda model: terms.history(model.bodies[key]))

        self.view = View(portal, history)

        self.diffs = [derived(("years", office, old, new),
                              partial(diff.diff_years, office_id=office, old_year=old, new_year=new))
                      for office in portal.offices
                      for old, new in [*_pairs(diff.office_years(portal, office)), *_succession(portal, office)]]
        # Where a year page and a body page link to the change since the previous year.
        self.previous_year: dict[tuple[str, SchoolYear], SchoolYear] = {
            (d.office, d.new_year): d.old_year for d in self.diffs}
        # The change pages of an office's year: its own, then those of the ended offices it carries on.
        self.diffs_into: dict[tuple[str, SchoolYear], list[diff.OfficeDiff]] = defaultdict(list)
        for d in sorted(self.diffs, key=lambda d: d.office != d.new_office):
            self.diffs_into[(d.new_office, d.new_year)].append(d)
        # Computed once: the year pages link the calendars, the build writes them (calendar_files).
        self.calendar_events = calendar.plan_events(portal, self.urls)
        self.calendars = {(oy.school_year, oy.office) for oy in self.calendar_events}
        dates = [d.date.last_day for d in portal.documents.values() if d.date and d.school_year]
        self.newest_date: str | None = max(dates).isoformat() if dates else None
        self.body_previous_year: dict[tuple[str, SchoolYear], SchoolYear] = {
            (b.body, d.new_year): d.old_year for d in self.diffs for b in d.bodies if b.status != "dissolved"}
        # The changes within each school year of an office whose lists changed during it.
        amended = {(b.office, b.school_year) for b in portal.bodies.values() if b.amendments}
        self.within: dict[tuple[str, SchoolYear], diff.YearChanges] = {
            (office, year): derived(("within", office, year),
                                    partial(diff.diff_within_year, office_id=office, year=year))
            for office, year in sorted(amended)}
        if kept is not None:
            kept.finish()
        self._leaders_of_office_year: dict[tuple[str, SchoolYear],
                                           tuple[tuple[SubjectLeaders, ...], tuple[SubjectJump, ...]]] = {}

    # URLs (templates call these through `url`)

    def url(self, name: str, **parts: Any) -> str:
        return str(getattr(self.urls, name)).format(**{k: str(v) for k, v in parts.items()})

    def all(self, wanted: Wanted = every_page) -> Iterator[PageSpec]:
        """Every page, or those whose URL `wanted` accepts: it is asked once for every page's
        URL, before the page's context is built."""
        yield from (spec for spec in self.hubs() if wanted(spec.url))
        yield from self.year_pages(wanted)
        yield from self.office_pages(wanted)
        yield from self.school_pages(wanted)
        yield from self.body_pages(wanted)
        yield from self.person_pages(wanted)
        yield from self.document_pages(wanted)
        yield from self.diff_pages(wanted)

    def hubs(self) -> Iterator[PageSpec]:
        p, v = self.portal, self.view
        yield PageSpec(self.url("home"), "Trang chủ", "home.html",
                       HomePage(tuple(v.home_groups()), tuple(v.years)), in_nav=True)
        years = tuple(YearOffices(year, tuple(p.offices[oy.office] for oy in self._office_years_in(year)))
                      for year in v.years)
        yield PageSpec(self.url("years"), "Năm học", "years.html", YearsPage(years), in_nav=True)
        by_office: dict[str, list[School]] = defaultdict(list)
        for school in p.schools.values():
            by_office[school.office].append(school)
        schools = tuple(OfficeSchools(p.offices[o], tuple(v.sorted_schools(s))) for o, s in sorted(by_office.items()))
        yield PageSpec(self.url("schools"), "Trường", "schools.html", SchoolsPage(schools), in_nav=True)
        offices = sorted(p.offices.values(), key=lambda o: (collation_key(o.name), o.id))
        yield PageSpec(self.url("offices"), "Đơn vị", "offices.html", OfficesPage(tuple(offices)), in_nav=True)
        yield PageSpec(self.url("archive"), "Văn bản", "archive.html", self._archive(), in_nav=True)
        diffs = tuple(self._diff_entry(d) for d in self.diffs)
        within = tuple(YearChangesEntry(c, p.offices[c.office]) for c in self.within.values())
        yield PageSpec(self.url("diffs"), "Thay đổi", "diffs.html", DiffsPage(diffs, within), in_nav=True)

    def _diff_entry(self, d: diff.OfficeDiff) -> DiffEntry:
        return DiffEntry(d, self.portal.offices[d.office], self.portal.offices[d.new_office])

    def _archive(self) -> ArchivePage:
        """Documents newest first; by kind and by issuer in the order of their codes."""
        documents = sorted(self.portal.documents.values(), key=self.view.document_sort_key, reverse=True)

        def entries(year: SchoolYear | None) -> tuple[ArchiveEntry, ...]:
            return tuple(ArchiveEntry(doc, self.portal.offices.get(doc.issuer or ""))
                         for doc in documents if doc.school_year == year)

        by_kind = itertools.groupby(sorted(documents, key=lambda doc: doc.kind), key=lambda doc: doc.kind)
        issued = sorted((doc for doc in documents if doc.issuer), key=lambda doc: doc.issuer or "")
        by_issuer = itertools.groupby(issued, key=lambda doc: doc.issuer or "")
        return ArchivePage(
            by_year=tuple((year, entries(year)) for year in reversed(self.view.years)),
            cited=entries(None),
            by_kind=tuple((kind, tuple(docs)) for kind, docs in by_kind),
            by_issuer=tuple((self.portal.offices[issuer], tuple(docs)) for issuer, docs in by_issuer))

    def _office_years_in(self, year: SchoolYear) -> list[OfficeYear]:
        return [oy for oy in self.portal.office_years if oy.school_year == year]

    def _documents(self, oy: OfficeYear) -> tuple[Document, ...]:
        return tuple(self.portal.documents[doc_id] for doc_id in oy.documents)

    def _top_bodies(self, office: str, year: SchoolYear) -> list[Body]:
        return [body for body in self.view.office_bodies(office, year) if not body.parent]

    def year_pages(self, wanted: Wanted = every_page) -> Iterator[PageSpec]:
        for year in self.view.years:
            if not wanted(self.url("year", year=year)):
                continue
            offices = tuple(self._office_in_year(oy) for oy in self._office_years_in(year))
            yield PageSpec(self.url("year", year=year), f"Năm học {year}", "year.html", YearPage(year, offices),
                           filters={"nam_hoc": [year.label]})

    def _office_in_year(self, oy: OfficeYear) -> OfficeInYear:
        year, p = oy.school_year, self.portal
        bodies = tuple(BodyTree(body, tuple(p.children(body))) for body in self._top_bodies(oy.office, year))
        taken_over = tuple(self._diff_entry(d) for d in self.diffs
                           if d.new_office == oy.office and d.office != oy.office and d.new_year == year)
        return OfficeInYear(p.offices[oy.office], bodies, self._documents(oy), (year, oy.office) in self.calendars,
                            self.previous_year.get((oy.office, year)), (oy.office, year) in self.within,
                            taken_over, self.view.heirs(p.offices[oy.office]))

    def office_pages(self, wanted: Wanted = every_page) -> Iterator[PageSpec]:
        p = self.portal
        for office in p.offices.values():
            if not wanted(self.url("office", office=office.id)):
                continue
            years = sorted((oy for oy in p.office_years if oy.office == office.id), key=lambda oy: oy.school_year)
            sections = tuple(OfficeYearSection(
                oy.school_year, tuple(self._top_bodies(office.id, oy.school_year)), self._documents(oy),
                tuple(self._changes_link(d) for d in self.diffs_into.get((office.id, oy.school_year), ())),
                (office.id, oy.school_year) in self.within) for oy in years)
            carried_on = tuple(self._changes_link(d) for d in self.diffs
                               if d.office == office.id and d.new_office != office.id)
            heirs = tuple(Heir(p.offices[x.office], x.took_over) for x in office.successors if x.office in p.offices)
            before = tuple(Predecessor(o, max(diff.office_years(p, o.id), default=None))
                           for o in self._predecessors.get(office.id, ()))
            context = OfficePage(office, p.offices.get(office.parent or ""), heirs, before, sections, carried_on)
            yield PageSpec(self.url("office", office=office.id), office.name, "office.html", context,
                           edit_path="data/offices.yml", filters={"don_vi": [office.short_name]})

    def _changes_link(self, d: diff.OfficeDiff) -> ChangesLink:
        return ChangesLink(self.portal.offices[d.office], d.old_year, d.new_year)

    def _year_changes_of_school(self, school: School, year: SchoolYear, office: Office,
                                years: tuple[SchoolYear, ...]) -> diff.OfficeDiff | None:
        """The change page of a school's year: the one comparing it with the school's previous
        year (under the office that published that year: an ended office across a succession),
        else the office's own; None when the year has none."""
        candidates = self.diffs_into.get((office.id, year), [])
        index = years.index(year)
        compared = self.view.publisher(school, years[index - 1]) if index else office.id
        return (next((d for d in candidates if d.office == compared), None)
                or next((d for d in candidates if d.office == office.id), None))

    @cached_property
    def _predecessors(self) -> dict[str, list[Office]]:
        found: dict[str, list[Office]] = defaultdict(list)
        for office in self.portal.offices.values():
            for heir in office.successors:
                found[heir.office].append(office)
        return found

    def _managers(self, school: School, years: tuple[SchoolYear, ...]) -> tuple[ManagedYears, ...]:
        """Who managed the school, year after year: one entry per run of years under one office."""
        runs: list[tuple[str, list[SchoolYear]]] = []
        for year in years:
            office = self.view.publisher(school, year)
            if runs and runs[-1][0] == office:
                runs[-1][1].append(year)
            else:
                runs.append((office, [year]))
        offices = self.portal.offices
        return tuple(ManagedYears(offices[office], tuple(run), self.view.school_heirs(offices[office], school))
                     for office, run in runs)

    def school_pages(self, wanted: Wanted = every_page) -> Iterator[PageSpec]:
        p, v = self.portal, self.view
        for school in p.schools.values():
            years = tuple(v.school_years(school.id))
            if wanted(self.url("school", school=school.id)):
                managers = self._managers(school, years)
                # Filed under every office that managed it: an ended office keeps its own name.
                offices = list(dict.fromkeys([p.offices[school.office].short_name,
                                              *(m.office.short_name for m in managers)]))
                yield PageSpec(self.url("school", school=school.id), school.name, "school.html",
                               SchoolPage(school, p.offices[school.office], p.schools.get(school.successor or ""),
                                          years, managers),
                               edit_path=school.source.file,
                               filters={"truong": [school.name], "don_vi": offices})
            for year in years:
                if not wanted(self.url("school_year", school=school.id, year=year)):
                    continue
                office = p.offices[v.publisher(school, year)]
                seats = v.seats_of_school[(year, school.id)]
                staff = sorted(v.seats_at_unit[(year, school.id)],
                               key=lambda seat: v.person_key(seat.membership.person or ""))
                leaders, jumps = self._subject_leaders(office, year)
                name = wording.school_name(school, year)
                closes = school.ended_before(SchoolYear(year.start + 1))
                changes = self._year_changes_of_school(school, year, office, years)
                yield PageSpec(
                    self.url("school_year", school=school.id, year=year),
                    f"{name} — năm học {year}", "school_year.html",
                    SchoolYearPage(
                        school, name, office, year, years,
                        clusters=tuple(self._school_body(s) for s in seats if s.body.kind == "cum-chuyen-mon"),
                        groups=tuple(self._school_body(s) for s in seats if s.body.kind == "nhom-lien-truong"),
                        subject_leaders=leaders, subject_jumps=jumps, staff=tuple(staff),
                        closes=closes, successor=p.schools.get(school.successor or "") if closes else None,
                        office_heirs=v.school_heirs(office, school),
                        changes=self._changes_link(changes) if changes else None,
                        school_changes=changes.of_school(school.id) if changes else ()),
                    edit_path=school.source.file,
                    filters={"nam_hoc": [year.label], "truong": [school.name],
                             "don_vi": [office.short_name]})

    def _subject_leaders(self, office: Office, year: SchoolYear) -> tuple[tuple[SubjectLeaders, ...],
                                                                           tuple[SubjectJump, ...]]:
        """The subject groups of an office's year and who leads them, with the jump list: the
        same on every school page the office publishes that year, so made once for all."""
        if (office.id, year) not in self._leaders_of_office_year:
            p, v = self.portal, self.view
            leaders = tuple(SubjectLeaders(group, p.subjects.get(group.subject or ""), tuple(heads),
                                           v.since(group, heads))
                            for group, heads in v.subject_leaders(office.id, year))
            self._leaders_of_office_year[(office.id, year)] = (leaders, _subject_jumps(leaders))
        return self._leaders_of_office_year[(office.id, year)]

    def _school_body(self, seat: Seat) -> SchoolBody:
        v, body = self.view, seat.body
        leaders, deputies = v.leaders(body), v.deputies(body)
        return SchoolBody(body, seat.membership, v.history(body).latest, tuple(leaders), tuple(deputies),
                          v.since(body, leaders + deputies),
                          tuple(v.activities_of_body.get((body.school_year, body.id), [])))

    def body_pages(self, wanted: Wanted = every_page) -> Iterator[PageSpec]:
        p, v = self.portal, self.view
        for (year, _), body in p.bodies.items():
            url = self.url("body", body=body.id, year=year)
            if not wanted(url):
                continue
            office = p.offices[body.office]
            subject = p.subjects.get(body.subject or "")
            rows = terms.roster_terms(p, body)
            subjects = terms.subject_cells(p, body)
            roles = sorted({wording.role_name(term.member.role) for _, term in rows})
            lists = p.list_bodies(body)
            # Amended, replaced or joined by a group during the year: the page offers any day.
            changes = terms.changes_in_year(p, body)
            # The days its origin line, letterhead and "Danh sách theo" may switch on (_by_day).
            days = terms.origin_days(p, body) if changes else []
            decision = p.documents.get(body.decision)
            header = PrintHeader(self._issuers(body, days), wording.NATIONAL_HEADING, self._origins(body, days),
                                 absolute(self.site_url, url) if self.site_url else None)
            context = BodyPage(
                body, office, subject, year, tuple(v.years_of_body[body.id]),
                previous_year=self.body_previous_year.get((body.id, year)),
                ancestors=tuple(v.ancestors(body)),
                leaders=self._holders(v.leaders(body)), deputies=self._holders(v.deputies(body)),
                children=tuple(ChildBody(child, tuple(v.leaders(child))) for child in p.children(body)),
                roster=tuple(term.member for _, term in rows),
                # A group's own page needs no column repeating its subject: only the rows of
                # its groups fall back to the group's subject.
                subjects=tuple((term.member.subject or "") if b is body else subjects.get(term.member, "")
                               for b, term in rows),
                spans=tuple(self._span(b, term) for b, term in rows) if changes else (),
                as_of=self._as_of(lists) if changes else None,
                history=self._history(lists),
                changes_in_year=(body.office, year) in self.within,
                duties_by_role=self._duties_by_role(body),
                activities=tuple(v.activities_of_body[(year, body.id)]),
                charts=(charts.members_per_subject(p, body), charts.leaders_per_school(p, body)),
                decision=decision,
                source_document=p.documents.get(body.source_document or ""),
                list_sources=self._list_sources(body, days),
                print_header=header,
                cited=self._cited(body))
            yield PageSpec(
                url, f"{body.name} — {year}", "body.html", context,
                edit_path=body.source.file,
                filters={"nam_hoc": [year.label], "don_vi": [office.short_name],
                         "mon": [subject.name] if subject else [], "vai_tro": roles})

    @staticmethod
    def _by_day(days: list[datetime.date],
                held: Callable[[datetime.date | None], _Held]) -> list[tuple[_Held, str, str]]:
        """What `held` gives for each stretch of the year in which it holds (`days`:
        terms.origin_days, the days the documents a list comes from may change), with its
        first and last day (ISO, '' when open), the latest last: the script of the list on a
        date (portal-asof.js) shows the one of the day chosen. One, for no days in particular
        (the latest), without days (a list that does not change in the year)."""
        if not days:
            return [(held(None), "", "")]
        eve = days[0] - datetime.timedelta(days=1)
        found = [(held(eve), "", eve.isoformat())]
        for n, day in enumerate(days):
            until = days[n + 1] - datetime.timedelta(days=1) if n + 1 < len(days) else None
            value, last = held(until), until.isoformat() if until else ""
            if value == found[-1][0]:  # the same goes on
                found[-1] = (value, found[-1][1], last)
            else:
                found.append((value, day.isoformat(), last))
        return found

    def _origins(self, body: Body, days: list[datetime.date]) -> tuple[OriginLine, ...]:
        """The line under the DANH SÁCH's title for each stretch of the year (`_by_day`)."""
        line = partial(wording.list_origin, self.portal, body)
        return tuple(OriginLine(text, start, until) for text, start, until in self._by_day(days, line))

    def _issuers(self, body: Body, days: list[datetime.date]) -> tuple[IssuerHeading, ...]:
        """The printed sheet's top left for each stretch of the year (`_by_day`): the issuer of
        the decision the list is in (another office's, once its decision replaced the list's)."""
        p = self.portal

        def issuer(day: datetime.date | None) -> tuple[str, ...]:
            listed_in = p.documents.get(terms.list_in_force(p, body, day).document)
            return wording.issuer_heading(p, (listed_in.issuer if listed_in else None) or body.office)
        return tuple(IssuerHeading(lines, start, until) for lines, start, until in self._by_day(days, issuer))

    def _list_sources(self, body: Body, days: list[datetime.date]) -> tuple[ListSource, ...]:
        """The page's "Danh sách theo" of a list another decision replaced, for each stretch of
        the year (`_by_day`): the decision the list is in and those it replaced (as the printed
        line names them, wording.replaced_chain); () for a list never replaced."""
        p = self.portal
        if not terms.list_replacements(p, body):
            return ()

        def source(day: datetime.date | None) -> tuple[str, tuple[Document, ...]]:
            return (terms.list_in_force(p, body, day).document,
                    wording.replaced_documents(p, terms.list_replacements(p, body, day)))
        return tuple(ListSource(p.documents[document], replaced, start, until)
                     for (document, replaced), start, until in self._by_day(days, source)
                     if document in p.documents)

    def _replaced_by(self, doc: Document) -> Replaced | None:
        by = self.portal.replaced_by.get(doc.id)
        if by is None or by.document not in self.portal.documents:
            return None
        return Replaced(self.portal.documents[by.document], doc, by.start)

    def _cited(self, body: Body) -> CitedOriginal | None:
        """Where the pages a list's rows and duties cite lead: the list's document, and its
        first published original."""
        document = self.portal.documents.get(body.list_document)
        if document is None:
            return None
        return CitedOriginal(document, next(iter(document.published_originals), None))

    def _span(self, body: Body, term: Term) -> RosterSpan:
        """When a row is in force; a row of the list as first signed, from the day its
        decision came into force, when the document gives it."""
        opened = terms.opening_day(self.portal, body)
        start = term.start.iso() if term.start else opened.isoformat() if opened else ""
        return RosterSpan(start, term.until.iso() if term.until else "", term.until is None)

    def _as_of(self, lists: list[Body]) -> AsOf:
        """The latest change of a list (its body's and its subject groups'): its latest
        amendment, the setting up of a subject group later in the year, or the decision that
        replaced the list's document, whichever came last (on the same day, the replacing
        decision: the list is then its, terms.list_in_force); and the days from its coming
        into force to the end of the school year."""
        year = lists[0].school_year
        opened = [day for b in lists if (day := terms.opening_day(self.portal, b)) is not None]
        changes = [(a.start, a.decision) for b in lists for a in b.amendments]
        changes += [(terms.as_partial(day), group.decision) for group in terms.later_groups(self.portal, lists[0])
                    if (day := terms.opening_day(self.portal, group)) is not None]
        in_force = terms.list_in_force(self.portal, lists[0])
        if in_force.since is not None:
            changes.append((in_force.since, in_force.document))
        # max() keeps the first of equals: the replacement, put last, wins by sorting first.
        start, decision = max(reversed(changes), key=lambda change: change[0].first_day)
        first = min(opened) if opened else year.window[0]
        return AsOf(start, start.first_day.isoformat(), self.portal.documents.get(decision), first.isoformat(),
                    year.window[1].isoformat())

    def _history(self, lists: list[Body]) -> tuple[HistoryEntry, ...]:
        """What each amending decision did to the list and its subject groups, by date."""
        entries = [(step.amendment.start, order, HistoryEntry(
            step.amendment.start, self.portal.documents.get(step.amendment.decision), body,
            tuple(wording.amendment_event(self.portal, event) for event in step.events)))
            for order, body in enumerate(lists) for step in self.view.history(body).steps if step.events]
        return tuple(entry for *_, entry in sorted(entries, key=lambda e: (e[0], e[1])))

    def _holders(self, members: list[Membership]) -> tuple[Holder, ...]:
        return tuple(Holder(m, self.view.person(m.person)) for m in members)

    def _duties_by_role(self, body: Body) -> tuple[RoleDuties, ...]:
        """Duties grouped by role, roles in the order the document first names them."""
        groups: dict[str, list[DutyLine]] = {}
        for duty in body.duties:
            legal = self.portal.documents.get(duty.legal_ref) if duty.legal_ref else None
            groups.setdefault(duty.role, []).append(DutyLine(duty, legal))
        return tuple(RoleDuties(role, tuple(lines)) for role, lines in groups.items())

    def person_pages(self, wanted: Wanted = every_page) -> Iterator[PageSpec]:
        v = self.view
        for person in self.portal.people.values():
            if not wanted(self.url("person", person=person.id)):
                continue
            seats = v.seats_of_person[person.id]
            years = sorted({s.body.school_year.label for s in seats})
            entries = tuple(self._timeline_entry(seat) for seat in seats)
            context = PersonPage(person, entries, charts.timeline(self.portal, person, seats),
                                 tuple(v.signed_by[person.id]))
            yield PageSpec(self.url("person", person=person.id), person.name, "person.html", context,
                           edit_path=person.source.file,
                           filters={"nam_hoc": years,
                                    "vai_tro": sorted({wording.role_name(s.membership.role) for s in seats})})

    def _timeline_entry(self, seat: Seat) -> TimelineEntry:
        p = self.portal
        source = terms.row_source(p, seat.body, seat.term)
        return TimelineEntry(seat, wording.term_period(seat.term), p.documents.get(source.document),
                             wording.written_post(p, seat.membership, at=seat.body.school_year),
                             wording.row_held_by(p, source))

    def diff_pages(self, wanted: Wanted = every_page) -> Iterator[PageSpec]:
        p = self.portal
        for d in self.diffs:
            office = p.offices[d.office]
            label = f"{d.old_year} → {d.new_year}"
            # Across a succession: filed under the office that ended and the one that carries it on.
            offices = list(dict.fromkeys([office.short_name, p.offices[d.new_office].short_name]))
            filters = {"nam_hoc": [d.new_year.label], "don_vi": offices}
            within = self.within.get((d.office, d.new_year))
            amended = within is not None or (d.office, d.old_year) in self.within
            url = self.url("diff", office=d.office, old=d.old_year, new=d.new_year)
            if wanted(url):
                yield PageSpec(url, f"Thay đổi {label}: {office.short_name}", "diff.html",
                               DiffPage(d, office, diff_report.change_groups(d.changes), amended, within),
                               edit_path=f"data/years/{d.new_year}/{d.office}.yml", filters=filters)
            for b in d.bodies:
                if not wanted(self.url("body_diff", body=b.body, old=d.old_year, new=d.new_year)):
                    continue
                during = self._days(within.of_body(b.body)) if within else ()
                yield PageSpec(self.url("body_diff", body=b.body, old=d.old_year, new=d.new_year),
                               f"Thay đổi {label}: {b.name}", "body_diff.html",
                               BodyDiffPage(b, office, diff_report.change_groups(b.changes), during),
                               edit_path=f"data/years/{d.new_year}/{d.office}.yml", filters=filters,
                               searchable=False)
        for (office_id, year), changes in self.within.items():
            if not wanted(self.url("year_changes", office=office_id, year=year)):
                continue
            office = p.offices[office_id]
            yield PageSpec(self.url("year_changes", office=office_id, year=year),
                           f"Thay đổi trong năm học {year}: {office.short_name}", "year_changes.html",
                           YearChangesPage(changes, office, self._days(changes),
                                           self.previous_year.get((office_id, year))),
                           edit_path=f"data/years/{year}/{office_id}.yml",
                           filters={"nam_hoc": [year.label], "don_vi": [office.short_name]})

    def _days(self, changes: diff.YearChanges) -> tuple[DaySection, ...]:
        return tuple(DaySection(day, tuple(self.portal.documents[d.id] for d in day.decisions
                                           if d.id in self.portal.documents),
                                diff_report.change_groups(day.changes)) for day in changes.days)

    def document_pages(self, wanted: Wanted = every_page) -> Iterator[PageSpec]:
        p, v = self.portal, self.view
        for doc in p.documents.values():
            if not wanted(self.url("document", document=doc.id)):
                continue
            issuer = p.offices.get(doc.issuer or "")
            filters = {"loai_van_ban": [wording.document_kind_name(doc.kind)]}
            if doc.school_year:
                filters["nam_hoc"] = [doc.school_year.label]
            if issuer:
                filters["don_vi"] = [issuer.short_name]
            activities = tuple(
                ActivityRow(act, tuple(p.bodies[(doc.school_year, b)] for b in act.bodies
                                       if doc.school_year and (doc.school_year, b) in p.bodies))
                for act in doc.activities)
            amends = tuple(HistoryEntry(step.amendment.start, doc, body, tuple(
                wording.amendment_event(p, event) for event in step.events))
                for body, step in v.amendments_by_document[doc.id])
            bases = tuple(BasisLine(basis, tuple(p.documents[ref] for ref in basis.cited if ref in p.documents))
                          for basis in doc.legal_bases)
            context = DocumentPage(doc, issuer, tuple(v.bodies_by_document[doc.id]),
                                   tuple((p.documents[rel.ref], rel.relation) for rel in doc.related),
                                   tuple(v.referenced_by[doc.id]), activities, amends, bases,
                                   fulltext.blocks(doc.text) if doc.text else (), doc.published_originals,
                                   self._replaced_by(doc))
            yield PageSpec(self.url("document", document=doc.id), wording.document_page_title(doc), "document.html",
                           context, edit_path=doc.source.file, filters=filters)


def _subject_jumps(entries: tuple[SubjectLeaders, ...]) -> tuple[SubjectJump, ...]:
    """One link per subject group, by the subject's name as a teacher looks for it."""
    named = [(entry.subject.name if entry.subject else entry.group.name, entry) for entry in entries]
    counts = Counter(label for label, _ in named)
    jumps = [SubjectJump(label if counts[label] == 1 else f"{label} ({entry.group.name})", entry.anchor)
             for label, entry in named]
    return tuple(sorted(jumps, key=lambda jump: (collation_key(jump.label), jump.anchor)))


def _pairs(years: list[SchoolYear]) -> list[tuple[SchoolYear, SchoolYear]]:
    return list(zip(years, years[1:], strict=False))


def _succession(portal: Portal, office_id: str) -> list[tuple[SchoolYear, SchoolYear]]:
    """The ended office's last year and the first later year a successor carries it on in."""
    carried = diff.carried_on(portal, office_id)
    return [carried] if carried else []
