"""What each kind of page shows: one small frozen dataclass per page kind.

pages.py builds each page's context once. Its template reads the fields by name (render.py
hands them over as the template's variables), and the search index reads its one-line
`summary()`. A context holds the results a page needs (a school's clusters with their
leaders, an office's top bodies), so that no template queries the whole data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from . import fulltext, wording
from .dates import PartialDate, SchoolYear
from .dependencies import SHOWN_BY_NAME
from .diff import BodyDiff, Change, DayDiff, OfficeDiff, YearChanges
from .diff_report import ChangeGroup
from .model import Activity, Body, Document, Duty, LegalBasis, Membership, Office, Original, Person, School, Subject
from .view import HomeGroup, LeaderSince, Seat

# A plan's activity with the document that sets it.
PlanItem = tuple[Document, Activity]


@dataclass(frozen=True)
class PageContext:
    """The base of every page's context."""

    def variables(self) -> dict[str, object]:
        """The fields as the template's variables (not copied: a page holds hundreds of rows)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def summary(self) -> str | None:
        """One line under the page's search result: who, which body, which year, which
        office; None where the page's filters say it well enough."""
        return None


# Hubs


@dataclass(frozen=True)
class HomePage(PageContext):
    groups: tuple[HomeGroup, ...]
    years: tuple[SchoolYear, ...]


@dataclass(frozen=True)
class YearOffices:
    """A school year and the offices that published it."""

    year: SchoolYear
    offices: tuple[Office, ...]


@dataclass(frozen=True)
class YearsPage(PageContext):
    years: tuple[YearOffices, ...]


@dataclass(frozen=True)
class OfficesPage(PageContext):
    offices: tuple[Office, ...]


@dataclass(frozen=True)
class OfficeSchools:
    office: Office
    schools: tuple[School, ...]


@dataclass(frozen=True)
class SchoolsPage(PageContext):
    offices: tuple[OfficeSchools, ...]


@dataclass(frozen=True)
class ArchiveEntry:
    document: Document
    issuer: Office | None


@dataclass(frozen=True)
class ArchivePage(PageContext):
    """Every document, newest first: by school year (every year, even one without a
    document), the documents only cited, by kind, by issuer."""

    by_year: tuple[tuple[SchoolYear, tuple[ArchiveEntry, ...]], ...]
    cited: tuple[ArchiveEntry, ...]
    by_kind: tuple[tuple[str, tuple[Document, ...]], ...]
    by_issuer: tuple[tuple[Office, tuple[Document, ...]], ...]


@dataclass(frozen=True)
class DiffEntry:
    diff: OfficeDiff
    office: Office
    new_office: Office  # who published the new year: `office`, or its successor


@dataclass(frozen=True)
class ChangesLink:
    """A change page, as a school's or an office's page links it: the office compared (the
    ended one, across a succession) and the two years."""

    office: Office
    old_year: SchoolYear
    new_year: SchoolYear


@dataclass(frozen=True)
class YearChangesEntry:
    changes: YearChanges
    office: Office


@dataclass(frozen=True)
class DiffsPage(PageContext):
    diffs: tuple[DiffEntry, ...]
    within: tuple[YearChangesEntry, ...]  # offices whose lists changed within a year


# A school year, an office


@dataclass(frozen=True)
class BodyTree:
    """A top-level body with the bodies directly under it."""

    body: Body = field(metadata=SHOWN_BY_NAME)
    children: tuple[Body, ...] = field(metadata=SHOWN_BY_NAME)


@dataclass(frozen=True)
class OfficeInYear:
    office: Office
    bodies: tuple[BodyTree, ...]
    documents: tuple[Document, ...]
    has_calendar: bool
    previous_year: SchoolYear | None  # the year its change page compares with
    changes_in_year: bool  # its page of changes within the year exists
    # Offices that ended and whose bodies this office carries on this year: the change pages.
    taken_over: tuple[DiffEntry, ...] = ()
    heirs: tuple[Office, ...] = ()  # who carries on the office's work, when it ended


@dataclass(frozen=True)
class YearPage(PageContext):
    year: SchoolYear
    offices: tuple[OfficeInYear, ...]


@dataclass(frozen=True)
class OfficeYearSection:
    year: SchoolYear
    bodies: tuple[Body, ...] = field(metadata=SHOWN_BY_NAME)  # the top-level ones
    documents: tuple[Document, ...]
    # The change pages of the year: its own against the year before, and those of the ended
    # offices it carries on.
    changes: tuple[ChangesLink, ...] = ()
    changes_in_year: bool = False  # its page of changes within the year exists


@dataclass(frozen=True)
class Heir:
    """A successor of an ended office, and what it took over."""

    office: Office
    took_over: str | None


@dataclass(frozen=True)
class Predecessor:
    """An office that ended and named this one as a successor, with its last school year on
    the portal (None: it published none): an heir with no year of its own yet points there."""

    office: Office
    last_year: SchoolYear | None


@dataclass(frozen=True)
class OfficePage(PageContext):
    office: Office
    parent: Office | None
    successors: tuple[Heir, ...]
    predecessors: tuple[Predecessor, ...]
    years: tuple[OfficeYearSection, ...]  # oldest first
    # An ended office: the change pages from its last year to a successor's year carrying it on.
    carried_on: tuple[ChangesLink, ...] = ()

    def summary(self) -> str:
        return " · ".join(p for p in (wording.office_kind_name(self.office.kind), self.office.place or "") if p)


# A school


@dataclass(frozen=True)
class ManagedYears:
    """An office that managed a school, and the school years it did (consecutive in the list)."""

    office: Office
    years: tuple[SchoolYear, ...]
    heirs: tuple[Office, ...] = ()  # who carries on the office's work, when it ended


@dataclass(frozen=True)
class SchoolPage(PageContext):
    school: School
    office: Office  # the office of its schools file; `managers` say who managed it each year
    successor: School | None
    years: tuple[SchoolYear, ...]
    managers: tuple[ManagedYears, ...]

    def summary(self) -> str:
        return " · ".join(p for p in (wording.level_name(self.school.level), self.office.short_name) if p)


@dataclass(frozen=True)
class SchoolBody:
    """A cluster or inter-school group a school is in, with its school's own row; its list,
    leaders and deputies as at the latest date the data covers."""

    # Held whole: the cluster's paragraph and plan read its lists.
    body: Body
    membership: Membership
    members: tuple[Membership, ...]
    leaders: tuple[Membership, ...]
    deputies: tuple[Membership, ...]
    since: tuple[LeaderSince, ...]  # leaders who took office during the year
    plan: tuple[PlanItem, ...]


@dataclass(frozen=True)
class SubjectLeaders:
    """A subject group of the school's office, and who leads it."""

    # Shown by name (a link); its heads, and whom they replaced, are held as rows of their own.
    group: Body = field(metadata=SHOWN_BY_NAME)
    subject: Subject | None
    heads: tuple[Membership, ...]
    since: tuple[LeaderSince, ...]  # heads who took office during the year

    @property
    def anchor(self) -> str:
        """The id of its row on the school's page, where the subject jump list leads."""
        return f"nhom-{self.group.id}"


@dataclass(frozen=True)
class SubjectJump:
    """A link of a school page's jump list: a subject's name (with its group's when two
    groups teach it), to the row of its group leader."""

    label: str
    anchor: str


@dataclass(frozen=True)
class SchoolYearPage(PageContext):
    school: School
    name: str  # the school's name that year (wording.school_name): a former name, if renamed since
    office: Office
    year: SchoolYear
    years: tuple[SchoolYear, ...]
    clusters: tuple[SchoolBody, ...]
    groups: tuple[SchoolBody, ...]
    subject_leaders: tuple[SubjectLeaders, ...]
    subject_jumps: tuple[SubjectJump, ...]  # by subject name, in the Vietnamese order
    staff: tuple[Seat, ...]
    # The school closed before the next year (this year is its last): said on the page, with
    # the school it merged into, if any.
    closes: bool
    successor: School | None
    office_heirs: tuple[Office, ...] = ()  # who carries on the office's work, when it ended
    # The year's change page (against the school's previous year), and what it says of the
    # school itself (OfficeDiff.of_school).
    changes: ChangesLink | None = None
    school_changes: tuple[Change, ...] = ()

    def summary(self) -> str:
        parts = (wording.level_name(self.school.level), self.office.short_name, f"năm học {self.year}")
        return " · ".join(p for p in parts if p)


# A body


@dataclass(frozen=True)
class Holder:
    """A member who leads or deputises, with the person behind the row (None for a school)."""

    membership: Membership
    person: Person | None


@dataclass(frozen=True)
class ChildBody:
    body: Body
    leaders: tuple[Membership, ...]


@dataclass(frozen=True)
class DutyLine:
    duty: Duty
    legal_document: Document | None


@dataclass(frozen=True)
class RoleDuties:
    """The duties of one role, in the order the document lists them."""

    role: str
    duties: tuple[DutyLine, ...]


@dataclass(frozen=True)
class CitedOriginal:
    """The document a list is copied from and its published original, if any: where a row's
    or a duty's page ("tr. 3") leads."""

    document: Document
    original: Original | None


@dataclass(frozen=True)
class RosterSpan:
    """When a row of a list is in force (ISO days, '' when open), for the browser's control
    of the list on a date; `current`: in force at the latest date the data covers (the rows
    shown without the script)."""

    start: str
    until: str
    current: bool


@dataclass(frozen=True)
class AsOf:
    """A list that changed during the year: its latest change, and the days the control of
    the list on a date offers (ISO)."""

    day: PartialDate  # as precise as the data gives it
    since: str  # the first day it covers (ISO): the script shows the line from then on
    decision: Document | None
    first: str
    last: str


@dataclass(frozen=True)
class HistoryEntry:
    """What one amending decision did to one list (a body's, or a subject group's)."""

    day: PartialDate
    decision: Document | None
    body: Body
    events: tuple[str, ...]  # wording.amendment_event


@dataclass(frozen=True)
class PrintHeader:
    """The top of a list's printed sheet (DANH SÁCH), as on the decision it comes with."""

    # Top left: the office above the issuer, the issuer (wording.issuer_heading), of the
    # decision the list is in, the latest last; one for no days in particular, as `origins`.
    issuers: tuple[IssuerHeading, ...]
    nation: tuple[str, ...]  # top right: wording.NATIONAL_HEADING
    # Under the title: the document the list is in, and its amendments (wording.list_origin),
    # the latest last; one line, for no days in particular, unless the list changed in the year.
    origins: tuple[OriginLine, ...]
    address: str | None  # the page's address online, for its QR code; None without site_url


@dataclass(frozen=True)
class IssuerHeading:
    """A DANH SÁCH's top left on the days it holds (ISO, '' when open; as OriginLine): the
    letterhead of the issuer of the decision the list is in those days."""

    lines: tuple[str, ...]
    start: str
    until: str


@dataclass(frozen=True)
class OriginLine:
    """The line under a DANH SÁCH's title on the days it holds (ISO, '' when open): the
    script of the list on a date (portal-asof.js) prints the one of the day chosen."""

    text: str
    start: str
    until: str


@dataclass(frozen=True)
class ListSource:
    """A list's "Danh sách theo" on the days it holds (ISO, '' when open; as OriginLine): the
    decision the list is in, and the ones it replaced, the latest first
    (wording.replaced_documents)."""

    document: Document
    replaced: tuple[Document, ...]
    start: str
    until: str


@dataclass(frozen=True)
class Replaced:
    """A document another replaced ("thay-the"): the replacing one, the replaced one, and
    when the replacing one is in force, as precise as the data dates it (None when it dates
    it by nothing). A
    list's page names them under "Danh sách theo", the replaced document's page under
    "Hiệu lực"."""

    document: Document
    replaced: Document
    since: PartialDate | None


@dataclass(frozen=True)
class BodyPage(PageContext):
    body: Body
    office: Office
    subject: Subject | None
    year: SchoolYear
    years: tuple[SchoolYear, ...]
    previous_year: SchoolYear | None  # the year its change page compares with
    ancestors: tuple[Body, ...] = field(metadata=SHOWN_BY_NAME)
    leaders: tuple[Holder, ...]
    deputies: tuple[Holder, ...]
    children: tuple[ChildBody, ...]
    # Every row the list had during the year (the latest list alone when nothing changed it),
    # with when each is in force when something did.
    roster: tuple[Membership, ...]
    subjects: tuple[str, ...]  # each row's Môn cell (terms.subject_cells)
    spans: tuple[RosterSpan, ...]
    as_of: AsOf | None
    history: tuple[HistoryEntry, ...]
    changes_in_year: bool  # the office's page of changes within the year exists
    duties_by_role: tuple[RoleDuties, ...]
    activities: tuple[PlanItem, ...]
    charts: tuple[str, ...]  # inline SVG, drawn from the data (charts.py escapes it)
    decision: Document | None
    source_document: Document | None
    # "Danh sách theo" of a list another decision replaced, day by day (pages._list_sources); () for none.
    list_sources: tuple[ListSource, ...]
    print_header: PrintHeader
    cited: CitedOriginal | None = None

    def summary(self) -> str:
        parts = [wording.body_kind_name(self.body.kind), self.office.short_name, f"năm học {self.year}"]
        parts += [f"{wording.role_as_read(h.membership)}: {h.person.name}" for h in self.leaders[:2] if h.person]
        return " · ".join(p for p in parts if p)


# A person, a document


@dataclass(frozen=True)
class TimelineEntry:
    """One term of a person: the seat, when (wording.term_period), by which decision, and the
    decisions that replaced it while the term lasted, from when (terms.row_source)."""

    seat: Seat
    period: str
    decision: Document | None
    post: str  # "Chức vụ - Đơn vị công tác" that year (wording.written_post): tells namesakes apart
    held_by: str = ""  # 'thay thế bởi Quyết định số 260/QĐ-PGDĐT từ ngày 04/11/2024' (wording.row_held_by)


@dataclass(frozen=True)
class PersonPage(PageContext):
    person: Person
    entries: tuple[TimelineEntry, ...]  # every term, year by year
    timeline: str  # inline SVG drawn from the same terms (charts.timeline escapes it)
    signed: tuple[Document, ...]

    def summary(self) -> str:
        # The post ("Hiệu trưởng - THCS Tân Bình") first: two namesakes in one team differ by it.
        parts = [f"{wording.role_as_read(e.seat.membership)} {e.seat.body.name} ("
                 f"{'; '.join(p for p in (e.post, f'{e.seat.body.school_year}, {e.seat.office.short_name}') if p)})"
                 for e in self.entries[:3]]
        if len(self.entries) > 3:
            parts.append(f"và {len(self.entries) - 3} vai trò khác")
        if self.signed:
            parts.append(f"ký {len(self.signed)} văn bản")
        return "; ".join(parts)


@dataclass(frozen=True)
class ActivityRow:
    activity: Activity
    bodies: tuple[Body, ...] = field(metadata=SHOWN_BY_NAME)


@dataclass(frozen=True)
class BasisLine:
    """A legal basis and the documents of the portal it cites (those it has a page for)."""

    basis: LegalBasis
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class DocumentPage(PageContext):
    doc: Document
    issuer: Office | None
    bodies: tuple[Body, ...] = field(metadata=SHOWN_BY_NAME)
    related: tuple[tuple[Document, str], ...]  # (document, relation) this one declares
    referenced_by: tuple[tuple[Document, str], ...]
    activities: tuple[ActivityRow, ...]
    amends: tuple[HistoryEntry, ...]  # the lists this decision changed, from its date
    legal_bases: tuple[BasisLine, ...]
    text_blocks: tuple[fulltext.Block, ...]  # the full text, its tab-separated tables as tables
    originals: tuple[Original, ...] = ()  # published beside the page (publish_original)
    replaced_by: Replaced | None = None  # no longer in force: the document that replaced it

    def summary(self) -> str:
        parts = [self.doc.title, self.issuer.short_name if self.issuer else "", wording.date_text(self.doc.date)]
        return " · ".join(p for p in parts if p)


# Changes between two years


@dataclass(frozen=True)
class DaySection:
    """The changes of one day within a school year: the decisions in force from it, grouped."""

    day: DayDiff
    decisions: tuple[Document, ...]
    groups: tuple[ChangeGroup, ...]


@dataclass(frozen=True)
class DiffPage(PageContext):
    diff: OfficeDiff
    office: Office
    groups: tuple[ChangeGroup, ...]
    # Whether the lists changed within either year: each stands as at the end of its year.
    amended: bool
    within: YearChanges | None  # the new year's changes within it, when it has any


@dataclass(frozen=True)
class BodyDiffPage(PageContext):
    diff: BodyDiff
    office: Office
    groups: tuple[ChangeGroup, ...]
    during: tuple[DaySection, ...]  # the body's changes within the new year


@dataclass(frozen=True)
class YearChangesPage(PageContext):
    """The changes within one school year of an office, day by day."""

    changes: YearChanges
    office: Office
    days: tuple[DaySection, ...]
    previous_year: SchoolYear | None  # the year its change page compares with
