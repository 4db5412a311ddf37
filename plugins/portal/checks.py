"""Checks across records: references, leaders, counts, dates, duplicates, privacy.

The schema has already checked each file's shape; these checks need the whole model.
They run on what could be built, also when some records could not: a reference to a
record left out for its own error (`Unbuilt`) is not reported again.
"""

from __future__ import annotations

import datetime
import difflib
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any

from . import commands, personal_data, privacy, terms, vocab, wording
from .amendment_checks import check_added_numbers, check_amendments
from .dates import PartialDate, SchoolYear
from .kept_privacy import KeptPrivacy
from .model import Body, Document, Office, Person, Portal, School, Source, member_key
from .numbering import number_list
from .problems import KeyPath, Problem, Severity, format_path
from .replacement_checks import check_replacements
from .sample_scope import sample_files, sample_ids
from .schema import (
    CONTACT,
    CONTACT_SCHEMAS,
    FILE_SCHEMAS,
    ID_PATTERN,
    OFFICE_CONTACT,
    ORIGINAL_FILE_PATTERN,
    SHA256_PATTERN,
    Schema,
)
from .text import normalize
from .yamlsource import YamlDocument

# "Did you mean ...?" compares an unknown id with every known one: after this many, the
# hints stop, so that a file full of wrong ids costs linear time, not ids x references.
_SUGGESTIONS = 200
# The title `cotcan nam-moi` gave placeholders before they carried `placeholder: true`.
_PLACEHOLDER_TITLE = "chưa có số"
# The names `cotcan tao-trang` gives its placeholder records (newsite/templates/data/): a record
# still so named is a placeholder even once its mark is deleted.
PLACEHOLDER_NAME = "(chỗ giữ)"
# What a body takes from the document each of its fields names.
_STALE_ROLE = {"decision": "quyết định thành lập", "source": "danh sách"}


@dataclass
class LeftOut:
    """Ids of one kind of record left out of the model. `all_unknown`: a file of this kind
    could not be read at all, so any id may have been in it."""

    ids: set[str] = field(default_factory=set)
    all_unknown: bool = False

    def __contains__(self, record_id: object) -> bool:
        return self.all_unknown or record_id in self.ids

    def __bool__(self) -> bool:
        return self.all_unknown or bool(self.ids)

    def __or__(self, other: LeftOut) -> LeftOut:
        return LeftOut(self.ids | other.ids, self.all_unknown or other.all_unknown)


@dataclass
class Unbuilt:
    """Records left out of the model: they had an error, or their file could not be read."""

    offices: LeftOut = field(default_factory=LeftOut)
    subjects: LeftOut = field(default_factory=LeftOut)
    schools: LeftOut = field(default_factory=LeftOut)
    people: LeftOut = field(default_factory=LeftOut)
    documents: LeftOut = field(default_factory=LeftOut)
    # Bodies per school year (None: a file whose year is not known).
    bodies: dict[SchoolYear | None, LeftOut] = field(default_factory=dict)
    # Bodies a sub-body of which was left out: their lists and counts are incomplete.
    lost_a_child: set[tuple[SchoolYear, str]] = field(default_factory=set)

    def table(self, name: str, year: SchoolYear | None = None) -> LeftOut:
        """The records left out of one list of the data format (`people`, `bodies`, ...)."""
        if name == "bodies":
            return self.bodies.setdefault(year, LeftOut())
        tables = {"offices": self.offices, "subjects": self.subjects, "schools": self.schools,
                  "people": self.people, "documents": self.documents}
        return tables[name]

    def bodies_in(self, year: SchoolYear) -> LeftOut:
        return self.bodies.get(year, LeftOut()) | self.bodies.get(None, LeftOut())


class _Context:
    def __init__(self, portal: Portal, docs: dict[str, YamlDocument], unbuilt: Unbuilt) -> None:
        self.portal = portal
        self.docs = docs
        self.unbuilt = unbuilt
        self.problems: list[Problem] = []
        self.suggestions_left = _SUGGESTIONS
        self._unbuilt_bodies: dict[SchoolYear, LeftOut] = {}

    # A real office's hints never name a sample office's records (made-up people, schools).
    # Worked out for the first hint only: most checks give none.

    @cached_property
    def sample_ids(self) -> frozenset[str]:
        return sample_ids(self.portal)

    @cached_property
    def sample_files(self) -> frozenset[str]:
        return sample_files(self.portal)

    def add(self, source: Source, sub: KeyPath, message: str, **details: Any) -> None:
        path = source.path + sub
        doc = self.docs.get(source.file)
        line = doc.line(path) if doc else source.line
        self.problems.append(Problem(source.file, line, format_path(path), message, **details))

    def unbuilt_bodies(self, year: SchoolYear) -> LeftOut:
        if year not in self._unbuilt_bodies:
            self._unbuilt_bodies[year] = self.unbuilt.bodies_in(year)
        return self._unbuilt_bodies[year]

    def ref(self, source: Source, sub: KeyPath, value: str | None, table: Collection[str],
            unbuilt: LeftOut, what: str, where: str) -> None:
        """Report `value` when it is not an id in `table` (nor of a record left out)."""
        if value is None or value in table or value in unbuilt:
            return
        match = None
        if self.suggestions_left > 0:
            self.suggestions_left -= 1
            choices = list(table) if source.file in self.sample_files or not self.sample_ids \
                else [i for i in table if i not in self.sample_ids]
            match = difflib.get_close_matches(value, choices, n=1, cutoff=0.75)
        self.add(source, sub, f"không có {what} nào mang mã '{value}'.",
                 expected=f"mã một {what} đã khai trong {where}",
                 hint=f"có phải '{match[0]}'?" if match else f"thêm {what} này vào {where} trước.")


def check_portal(portal: Portal, docs: dict[str, YamlDocument], unbuilt: Unbuilt | None = None, *,
                 draft: bool = False, kept: KeptPrivacy | None = None,
                 hints: Callable[[str], bool] = privacy.may_hold_contact) -> list[Problem]:
    """Every problem across records. `unbuilt`: records the loader left out (none when the
    model is complete); `draft` accepts placeholder documents, as warnings; `kept` (under
    `mkdocs serve`) reuses the last load's privacy scan of each unchanged file; `hints`, which
    texts the privacy scan looks into (privacy.may_hold_contact, or the load's ContactHints)."""
    if unbuilt is None:
        unbuilt = Unbuilt()
    ctx = _Context(portal, docs, unbuilt)
    _check_offices_and_schools(ctx)
    _check_people(ctx)
    _check_placeholder_records(ctx, draft)
    _check_documents(ctx, draft)
    check_replacements(ctx)
    _check_office_years(ctx)
    _check_bodies(ctx, draft)
    _check_units_to_fill(ctx, draft)
    if not unbuilt.people:  # with people left out, some private contacts are not known
        _check_privacy(ctx, kept, hints)
    return ctx.problems


def _check_offices_and_schools(ctx: _Context) -> None:
    p, u = ctx.portal, ctx.unbuilt
    for office in p.offices.values():
        ctx.ref(office.source, ("parent",), office.parent, p.offices, u.offices, "đơn vị", "data/offices.yml")
        _check_office_end(ctx, office)
    files_seen: set[str] = set()
    for school in p.schools.values():
        if school.source.file not in files_seen:  # `office:` is written once per file, at its top
            files_seen.add(school.source.file)
            ctx.ref(Source(school.source.file, None, ()), ("office",), school.office, p.offices, u.offices,
                    "đơn vị", "data/offices.yml")
        ctx.ref(school.source, ("successor",), school.successor, p.schools, u.schools, "trường", "data/schools/")


def _check_office_end(ctx: _Context, office: Office) -> None:
    """An office that ended says why and who carries on; its successors exist, are not the
    office itself, and are open the day after it ended."""
    p, s = ctx.portal, office.source
    if office.valid_until is None:
        if office.end_reason is not None:
            ctx.add(s, ("end_reason",), "có lý do chấm dứt nhưng không ghi ngày chấm dứt.",
                    expected="'valid_until: YYYY-MM-DD' (ngày cuối cùng đơn vị hoạt động)")
        if office.successors:
            ctx.add(s, ("successors",), "có đơn vị kế thừa nhưng không ghi ngày chấm dứt.",
                    expected="'valid_until: YYYY-MM-DD' (ngày cuối cùng đơn vị hoạt động)")
    elif office.end_reason is None:
        ctx.add(s, ("valid_until",), f"{office.short_name} chấm dứt sau ngày {office.valid_until.vietnamese()} "
                "nhưng không ghi lý do.", expected="'end_reason: <lý do>', một trong: "
                + ", ".join(f"{key} ({label})" for key, label in vocab.OFFICE_END_REASONS.items()))
    day_after = office.valid_until.last_day + datetime.timedelta(days=1) if office.valid_until else None
    seen: dict[str, int] = {}
    for i, successor in enumerate(office.successors):
        path = ("successors", i, "office")
        ctx.ref(s, path, successor.office, p.offices, ctx.unbuilt.offices, "đơn vị", "data/offices.yml")
        if successor.office == office.id:
            ctx.add(s, path, "đơn vị không thể kế thừa chính nó.", hint="ghi mã của đơn vị nhận lại công việc.")
        if successor.office in seen:
            ctx.add(s, path, f"đơn vị kế thừa '{successor.office}' ghi hai lần.",
                    hint=f"gộp phần việc tiếp nhận vào successors[{seen[successor.office]}].")
        seen.setdefault(successor.office, i)
        heir = p.offices.get(successor.office)
        if heir is None or heir.id == office.id or day_after is None:
            continue
        if (heir.valid_from and heir.valid_from.first_day > day_after) or \
                (heir.valid_until and heir.valid_until.last_day < day_after):
            ctx.add(s, path, f"{heir.short_name} không hoạt động vào ngày {day_after:%d/%m/%Y}, ngày sau khi "
                    f"{office.short_name} chấm dứt.",
                    expected=f"đơn vị kế thừa hoạt động từ {day_after:%d/%m/%Y}",
                    hint="kiểm tra 'valid_from', 'valid_until' của đơn vị kế thừa, hoặc đơn vị kế thừa cuối cùng "
                         "(nếu đơn vị này cũng đã chấm dứt, ghi đơn vị nhận lại việc của nó).",
                    severity="warning")


def _check_people(ctx: _Context) -> None:
    p = ctx.portal
    by_name: dict[str, list[str]] = defaultdict(list)
    for person in p.people.values():
        for i, other in enumerate(person.distinct_from):
            ctx.ref(person.source, ("distinct_from", i), other, p.people, ctx.unbuilt.people, "người",
                    "data/people/")
        for i, published in enumerate(person.publish):
            if published not in person.contact:
                ctx.add(person.source, ("publish", i), f"công bố '{published}' nhưng người này không có "
                        f"'{published}' trong contact.", hint="xóa dòng này hoặc thêm liên hệ.")
        by_name[normalize(person.name).casefold()].append(person.id)
    for ids in by_name.values():
        if len(ids) > 1:
            _check_namesakes(ctx, ids)


# Of a group of namesakes, those named in its one warning; the others are counted.
NAMESAKES_SHOWN = 5


def _check_namesakes(ctx: _Context, ids: list[str]) -> None:
    """One warning for people of one name (ids, in the data's order) not all marked apart
    (`distinct_from`, either way), at the second of those who are not, naming them.
    One per group, not per pair: a province has hundreds of "Nguyễn Thị Hương", whose pairs
    were tens of thousands of warnings (and gigabytes); marks are read once each."""
    p = ctx.portal
    group = set(ids)
    apart: dict[str, set[str]] = {i: set() for i in ids}
    for i in ids:
        for other in p.people[i].distinct_from:
            if other in group and other != i:
                apart[i].add(other)
                apart[other].add(i)
    unsure = [i for i in ids if len(apart[i]) < len(ids) - 1]
    if len(unsure) < 2:
        return
    first, second = unsure[0], unsure[1]
    pb = p.people[second]

    if len(unsure) == 2:
        message = f"'{pb.name}' ({second}) trùng tên với {_named(p.people[first])}: có thể là cùng một người."
        hint = (f"nếu là một người, dùng một mã ở mọi nơi; nếu là hai người, thêm 'distinct_from: [{first}]' "
                f"cho {second}.")
    else:  # each of them has a namesake not marked apart, though some pairs of them may be
        shown = ", ".join(_named(p.people[i]) for i in unsure[:NAMESAKES_SHOWN])
        more = f" và {len(unsure) - NAMESAKES_SHOWN} người khác" if len(unsure) > NAMESAKES_SHOWN else ""
        message = (f"{len(unsure)} người tên '{pb.name}' chưa được ghi là những người khác nhau: {shown}{more}: có "
                   f"thể có người được ghi hai lần.")
        hint = ("nếu là một người, dùng một mã ở mọi nơi; hai người khác nhau thì thêm 'distinct_from' cho một "
                "trong hai người, ghi mã người kia.")
    ctx.add(pb.source, ("name",), message, hint=hint, severity="warning")


def _named(person: Person) -> str:
    """A person as another person's problem names them: name, id, file and line."""
    return f"'{person.name}' ({person.id}, {person.source.file}, dòng {person.source.line})"


def _check_documents(ctx: _Context, draft: bool) -> None:
    p, u = ctx.portal, ctx.unbuilt
    for doc in p.documents.values():
        s = doc.source
        ctx.ref(s, ("issuer",), doc.issuer, p.offices, u.offices, "đơn vị", "data/offices.yml")
        if doc.signer:
            ctx.ref(s, ("signer", "person"), doc.signer.person, p.people, u.people, "người", "data/people/")
        for i, basis in enumerate(doc.legal_bases):
            ctx.ref(s, ("legal_bases", i, "ref"), basis.ref, p.documents, u.documents, "văn bản", "data/")
            for k, ref in enumerate(basis.refs):
                ctx.ref(s, ("legal_bases", i, "refs", k), ref, p.documents, u.documents, "văn bản", "data/")
        for i, rel in enumerate(doc.related):
            ctx.ref(s, ("related", i, "ref"), rel.ref, p.documents, u.documents, "văn bản", "data/")
            if rel.ref == doc.id:
                ctx.add(s, ("related", i, "ref"), "văn bản không thể liên quan đến chính nó.")
        year = doc.school_year
        if year is not None and doc.date is not None:
            _in_year(ctx, s, ("date",), doc.date, year)
        _check_placeholder(ctx, doc, draft)
        _check_issuer_alive(ctx, doc)
        bodies_this_year = p.body_ids_in(year) if year else frozenset()
        unbuilt_bodies = ctx.unbuilt_bodies(year) if year else LeftOut()
        for i, act in enumerate(doc.activities):
            for j, body_id in enumerate(act.bodies):
                ctx.ref(s, ("activities", i, "bodies", j), body_id, bodies_this_year, unbuilt_bodies,
                        "tổ chức", f"năm học {year}" if year else "cùng năm học")
            for j, school_id in enumerate(act.schools):
                ctx.ref(s, ("activities", i, "schools", j), school_id, p.schools, u.schools, "trường",
                        "data/schools/")
            if year is not None:
                for key in ("start", "end", "due"):
                    value = getattr(act, key)
                    if value is not None:
                        _in_year(ctx, s, ("activities", i, key), value, year)
            if act.start and act.end and act.end.last_day < act.start.first_day:
                ctx.add(s, ("activities", i, "end"), "ngày kết thúc trước ngày bắt đầu.",
                        expected=f"từ {act.start.iso()} trở đi", actual=act.end.iso())
        for i, figure in enumerate(doc.figures):
            if figure.parts and sum(figure.parts.values()) != figure.value:
                ctx.add(s, ("figures", i, "parts"),
                        f"tổng các phần ({sum(figure.parts.values())}) khác số tổng ({figure.value}).",
                        hint="chép lại đúng số trong văn bản; nếu văn bản cộng sai, ghi rõ trong ghi chú.",
                        severity="warning")


def is_placeholder(doc: Document) -> bool:
    """A stand-in for a decision not signed yet: marked so, or (as `cotcan nam-moi` wrote
    them before the mark) titled "chưa có số" with no number."""
    return doc.placeholder or (not doc.number and _PLACEHOLDER_TITLE in normalize(doc.title).casefold())


def _placeholder_severity(draft: bool) -> Severity:
    return "warning" if draft else "error"


def _only_a_draft() -> str:
    # Made with the message, not at import: the command line carries the site options of the
    # command running (commands.site_options), so that it pastes back from any folder.
    return f"Chỉ bản kiểm tra nháp ({commands.CHECK.line('--draft')}) chấp nhận chỗ giữ; trang web thì không."


def _check_placeholder(ctx: _Context, doc: Document, draft: bool) -> None:
    if not is_placeholder(doc):
        return
    ctx.add(doc.source, ("placeholder",) if doc.placeholder else ("title",),
            f"văn bản '{doc.id}' là văn bản chỗ giữ, chưa được thay bằng văn bản đã ký.",
            expected="số, ngày, người ký và trích yếu của văn bản thật",
            hint="nhập văn bản thật: số, ngày, người ký, căn cứ, nơi nhận, toàn văn"
                 + (", rồi xóa 'placeholder: true'" if doc.placeholder else "") + ". " + _only_a_draft(),
            severity=_placeholder_severity(draft))


# What replaces each kind of placeholder record a new site starts with (`cotcan tao-trang`).
_PLACEHOLDER_RECORDS = {
    "đơn vị": "tên đầy đủ, tên ngắn, loại, địa danh (place) và đơn vị cấp trên (parent) của đơn vị",
    "trường": "mã, tên và cấp học của một trường thật của đơn vị (rồi thêm các trường khác)",
    "người": "mã và họ tên của một người thật trong danh sách (rồi thêm những người khác)",
}


def _check_placeholder_records(ctx: _Context, draft: bool) -> None:
    p = ctx.portal
    found = [*(("đơn vị", r.id, r.source) for r in p.offices.values() if r.placeholder),
             *(("trường", r.id, r.source) for r in p.schools.values() if r.placeholder),
             *(("người", r.id, r.source) for r in p.people.values() if r.placeholder)]
    for what, record_id, source in found:
        ctx.add(source, ("placeholder",), f"{what} '{record_id}' là chỗ giữ, chưa được thay bằng {what} thật.",
                expected=_PLACEHOLDER_RECORDS[what],
                hint="điền thông tin thật rồi xóa 'placeholder: true'; khi đổi mã, đổi cả ở mọi chỗ dùng mã đó. "
                     + _only_a_draft(),
                severity=_placeholder_severity(draft))
    # The mark deleted, the placeholder's name kept: still a placeholder.
    named = [*(("đơn vị", r.id, r.name, r.source) for r in p.offices.values() if not r.placeholder),
             *(("trường", r.id, r.name, r.source) for r in p.schools.values() if not r.placeholder),
             *(("người", r.id, r.name, r.source) for r in p.people.values() if not r.placeholder),
             # a body under a decision still marked a placeholder is part of that stand-in year
             *(("tổ chức", r.id, r.name, r.source) for r in p.bodies.values()
               if not (r.decision in p.documents and p.documents[r.decision].placeholder))]
    for what, record_id, name, source in named:
        # normalize makes no "(": a name without one is no placeholder's (a province's 200,000 names
        # are not normalised for it)
        if "(" in name and PLACEHOLDER_NAME in normalize(name).casefold():
            ctx.add(source, ("name",), f"{what} '{record_id}' vẫn mang tên chỗ giữ '{name}'.",
                    expected=_PLACEHOLDER_RECORDS.get(what, "tên, loại và danh sách của tổ chức theo quyết định"),
                    hint="ghi tên thật thay cho tên chỗ giữ. " + _only_a_draft(),
                    severity=_placeholder_severity(draft))


def _check_issuer_alive(ctx: _Context, doc: Document) -> None:
    """A document dated after its issuer ended: its successor issued it, or the date is wrong."""
    issuer = ctx.portal.offices.get(doc.issuer or "")
    if doc.date is None or issuer is None or issuer.valid_until is None:
        return
    if doc.date.first_day <= issuer.valid_until.last_day:
        return
    heirs = [ctx.portal.offices[x.office] for x in issuer.successors if x.office in ctx.portal.offices]
    named = " hoặc ".join(f"{heir.short_name} ('{heir.id}')" for heir in heirs)
    which = f"'issuer: {heirs[0].id}'" if len(heirs) == 1 else "'issuer:' là mã của đơn vị"
    hint = (f"đơn vị kế thừa là {named}: ghi {which} nếu văn bản do đơn vị này ban hành (và chuyển nó sang tệp "
            "của đơn vị đó); nếu không, kiểm tra lại ngày."
            if heirs else "kiểm tra lại ngày, hoặc ghi 'issuer:' là đơn vị đã ban hành văn bản.")
    ctx.add(doc.source, ("date",), f"văn bản ngày {doc.date.vietnamese()} nhưng {issuer.short_name} đã chấm dứt "
            f"hoạt động sau ngày {issuer.valid_until.vietnamese()}.",
            expected=f"ngày đến {issuer.valid_until.vietnamese()}", actual=doc.date.iso(), hint=hint)


def _in_year(ctx: _Context, source: Source, sub: KeyPath, date: PartialDate, year: SchoolYear) -> None:
    if not year.contains(date):
        first, last = year.window
        ctx.add(source, sub, f"ngày {date.iso()} nằm ngoài năm học {year}.",
                expected=f"từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}", actual=date.iso(),
                hint="kiểm tra lại năm; hoặc chuyển văn bản sang tệp của năm học đúng.")


def _check_office_years(ctx: _Context) -> None:
    seen: dict[tuple[SchoolYear, str], Source] = {}
    for oy in ctx.portal.office_years:
        ctx.ref(oy.source, ("office",), oy.office, ctx.portal.offices, ctx.unbuilt.offices, "đơn vị",
                "data/offices.yml")
        path = PurePosixPath(oy.source.file)
        if path.parent.name != oy.school_year.label:
            ctx.add(oy.source, ("school_year",), f"tệp nằm trong thư mục '{path.parent.name}' nhưng "
                    f"ghi năm học {oy.school_year}.", expected=f"data/years/{oy.school_year}/...")
        if path.stem != oy.office:
            ctx.add(oy.source, ("office",), f"tên tệp '{path.name}' khác mã đơn vị '{oy.office}'.",
                    expected=f"{oy.office}.yml")
        key = (oy.school_year, oy.office)
        if key in seen:
            ctx.add(oy.source, ("office",), f"đơn vị {oy.office} đã có tệp năm học {oy.school_year} "
                    f"ở {seen[key].file}.")
        seen[key] = oy.source
    _check_managed_schools(ctx)
    _check_closed_schools(ctx)


def _check_managed_schools(ctx: _Context) -> None:
    """A school is listed under `schools:` by one office a year; a school named in a year's
    lists has an office that manages it that year (not one that had ended)."""
    p = ctx.portal
    listed: dict[tuple[SchoolYear, str], Source] = {}
    for oy in p.office_years:
        for i, school_id in enumerate(oy.schools):
            ctx.ref(oy.source, ("schools", i), school_id, p.schools, ctx.unbuilt.schools, "trường", "data/schools/")
            first = listed.setdefault((oy.school_year, school_id), oy.source)
            if first is not oy.source:
                ctx.add(oy.source, ("schools", i), f"trường '{school_id}' đã do đơn vị khác quản lý trong năm học "
                        f"{oy.school_year} ({first.file}).", expected="mỗi trường do một đơn vị quản lý mỗi năm học",
                        hint="xóa trường khỏi một trong hai danh sách 'schools:'.")
    warned: set[tuple[SchoolYear, str]] = set()
    for body in p.bodies.values():
        for i, m in enumerate(body.members):
            school = p.schools.get(m.school or m.unit or "")
            # A school closed by then is an error of its own (_check_closed_schools), whose hint is
            # to take it out: never also "add it to 'schools:'".
            if school is None or (body.school_year, school.id) in warned or school.ended_before(body.school_year):
                continue
            manager = p.offices.get(p.managing_office(school, body.school_year))
            if manager is None or not manager.ended_before(body.school_year):
                continue
            warned.add((body.school_year, school.id))
            heirs = ", ".join(x.office for x in manager.successors) or "đơn vị kế thừa"
            ctx.add(body.source, ("members", i), f"{school.name} có tên trong danh sách năm học {body.school_year} "
                    f"nhưng đơn vị quản lý trường, {manager.short_name}, đã chấm dứt trước năm học đó.",
                    expected=f"trường nằm trong 'schools:' của tệp năm học {body.school_year} của đơn vị đang "
                             "quản lý trường",
                    hint=f"thêm '{school.id}' vào 'schools:' trong tệp năm học {body.school_year} của đơn vị kế "
                         f"thừa ({heirs}).",
                    severity="warning")


def _check_closed_schools(ctx: _Context) -> None:
    """No year names a school after it closed: in `schools:`, as a member, or as a person's
    unit. An error, not a warning: the site would give the school a page for a year it did not
    exist in, and the fix is always in the data (its successor, the person's school now, or
    the date the school closed)."""
    p = ctx.portal

    def closed(school_id: str | None, year: SchoolYear) -> School | None:
        school = p.schools.get(school_id or "")
        return school if school is not None and school.ended_before(year) else None

    def add(source: Source, sub: KeyPath, school: School, year: SchoolYear, instead: str) -> None:
        assert school.valid_until is not None
        heir = f" Trường kế thừa: '{school.successor}'." if school.successor else ""
        ctx.add(source, sub, f"{school.name} đã chấm dứt hoạt động sau ngày {school.valid_until.vietnamese()}, "
                f"trước năm học {year}, nhưng vẫn có tên trong năm học đó.",
                expected=f"một trường còn hoạt động trong năm học {year}",
                hint=f"{instead}, hoặc sửa 'valid_until' của trường nếu ngày đó sai.{heir}")

    for oy in p.office_years:
        for i, school_id in enumerate(oy.schools):
            if school := closed(school_id, oy.school_year):
                add(oy.source, ("schools", i), school, oy.school_year, "xóa trường khỏi 'schools:'")
    for body in p.bodies.values():
        for i, m in enumerate(body.members):
            if school := closed(m.school, body.school_year):
                add(body.source, ("members", i, "school"), school, body.school_year,
                    "ghi trường kế thừa thay vào, hoặc bỏ dòng này")
            elif m.person and (school := closed(m.unit, body.school_year)):
                add(body.source, ("members", i, "unit"), school, body.school_year,
                    "ghi đơn vị người này đang công tác (không đoán), hoặc bỏ 'unit'")


def _check_bodies(ctx: _Context, draft: bool) -> None:
    p, u = ctx.portal, ctx.unbuilt
    units = set(p.schools) | set(p.offices)
    unbuilt_units = u.schools | u.offices
    incomplete = _incomplete(ctx)
    for body in p.bodies.values():
        s = body.source
        in_year = p.body_ids_in(body.school_year)
        ctx.ref(s, ("parent",), body.parent, in_year, ctx.unbuilt_bodies(body.school_year), "tổ chức",
                f"năm học {body.school_year}")
        ctx.ref(s, ("decision",), body.decision, p.documents, u.documents, "văn bản", "data/")
        ctx.ref(s, ("source",), body.source_document, p.documents, u.documents, "văn bản", "data/")
        ctx.ref(s, ("subject",), body.subject, p.subjects, u.subjects, "môn", "data/subjects.yml")
        _check_stale_sources(ctx, body)
        if body.kind == "nhom-bo-mon" and body.subject is None:
            ctx.add(s, (), "nhóm bộ môn cần ghi môn.", expected="subject: <mã môn>")
        for i, m in enumerate(body.members):
            ctx.ref(s, ("members", i, "person"), m.person, p.people, u.people, "người", "data/people/")
            ctx.ref(s, ("members", i, "school"), m.school, p.schools, u.schools, "trường", "data/schools/")
            ctx.ref(s, ("members", i, "unit"), m.unit, units, unbuilt_units, "trường hoặc đơn vị",
                    "data/schools/ hoặc data/offices.yml")
        for i, duty in enumerate(body.duties):
            ctx.ref(s, ("duties", i, "legal", "ref"), duty.legal_ref, p.documents, u.documents, "văn bản",
                    "data/")
        _check_pages(ctx, body)
        check_amendments(ctx, body)
        if _in_cycle(p, body):
            ctx.add(s, ("parent",), "tổ chức nằm trong chính nó (vòng lặp 'parent').",
                    hint="tổ chức cấp trên không thể là tổ chức cấp dưới của nó.")
            continue
        _check_roster(ctx, body, complete=(body.school_year, body.id) not in incomplete, draft=draft)
    _check_subject_twins(ctx)


def _check_units_to_fill(ctx: _Context, draft: bool) -> None:
    """A person listed without a unit whose unit in the body's year before (its list at the end of
    that year) was a school that closed in between: `cotcan nam-moi` leaves that unit out and never
    guesses the new one, so the clerk fills it in. Like the placeholders nam-moi writes, a warning
    in a draft and an error otherwise, until the row names a unit."""
    p = ctx.portal
    years: defaultdict[str, list[SchoolYear]] = defaultdict(list)
    for year, body_id in p.bodies:
        years[body_id].append(year)
    for body in p.bodies.values():
        before = [year for year in years[body.id] if year < body.school_year]
        if not before or all(m.unit or not m.person for m in body.members):
            continue
        previous = p.bodies[(max(before), body.id)]
        units = {m.person: m.unit for m in terms.history(previous).latest if m.person}
        for i, member in enumerate(body.members):
            if member.unit or member.person is None:
                continue
            school = p.schools.get(units.get(member.person) or "")
            if school is None or not school.ended_before(body.school_year):
                continue
            assert school.valid_until is not None
            person = p.people.get(member.person)
            ctx.add(body.source, ("members", i, "unit"),
                    f"{person.name if person else member.person}: chưa có đơn vị công tác trong năm học "
                    f"{body.school_year}; đơn vị năm học {previous.school_year} là {school.name}, đã chấm dứt hoạt "
                    f"động sau ngày {school.valid_until.vietnamese()}.",
                    expected=f"unit: <mã trường hoặc đơn vị nơi người này công tác trong năm học {body.school_year}>",
                    hint=f"ghi đơn vị người này công tác theo quyết định năm học {body.school_year}; nếu người này "
                         "không còn trong danh sách, xóa dòng."
                         + (f" Trường kế thừa: '{school.successor}'." if school.successor else "")
                         + (f" {_only_a_draft()}" if draft else ""),
                    severity=_placeholder_severity(draft))


def _check_subject_twins(ctx: _Context) -> None:
    """One person in two subject groups of one subject, office and year: most likely one list
    imported twice (into the team's group and into a new one beside it)."""
    first: dict[tuple[str, SchoolYear, str, str], Body] = {}
    for body in ctx.portal.bodies.values():
        if body.kind != "nhom-bo-mon" or body.subject is None:
            continue
        for i, m in enumerate(body.members):
            if m.person is None:
                continue
            other = first.setdefault((body.office, body.school_year, body.subject, m.person), body)
            if other is not body:
                subject = ctx.portal.subjects.get(body.subject)
                ctx.add(body.source, ("members", i, "person"),
                        f"{m.person} đã là thành viên của {other.name} ({other.id}), cũng là nhóm bộ môn "
                        f"{subject.name if subject else body.subject} năm học {body.school_year}: một người ở hai "
                        f"nhóm cùng môn.",
                        hint="có thể danh sách đã được nhập hai lần; xóa nhóm thừa hoặc dòng thừa.", severity="warning")


def _check_pages(ctx: _Context, body: Body) -> None:
    """A row or a duty cites a page of the original that the document has."""
    listed = ctx.portal.documents.get(body.list_document)
    pages = listed.originals[0].pages if listed and listed.originals else None
    if listed is None or pages is None:
        return
    cited = [(("members", i, "page"), m.page) for i, m in enumerate(body.members)]
    cited += [(("duties", i, "page"), d.page) for i, d in enumerate(body.duties)]
    for path, page in cited:
        if page is not None and page > pages:
            ctx.add(body.source, path, f"trang {page} không có trong bản gốc của {wording.document_name(listed)} "
                    f"({pages} trang).", expected=f"từ 1 đến {pages}", actual=str(page),
                    hint="kiểm tra lại số trang trong bản gốc.")


def _check_stale_sources(ctx: _Context, body: Body) -> None:
    """A body set up or listed by a document of an earlier school year: left over from a copy."""
    for key, document_id in (("decision", body.decision), ("source", body.source_document)):
        document = ctx.portal.documents.get(document_id or "")
        if document is None or document.school_year is None or document.school_year >= body.school_year:
            continue  # a cited document (data/documents/) belongs to no school year
        ctx.add(body.source, (key,), f"{body.name} năm học {body.school_year} lấy {_STALE_ROLE[key]} từ văn bản "
                f"của năm học {document.school_year}: {wording.document_label(document)}.",
                expected=f"một văn bản của năm học {body.school_year}",
                hint="nếu năm học này được chép từ năm trước, thay bằng văn bản của năm mới; nếu danh sách vẫn "
                     "theo văn bản cũ, giữ nguyên (cảnh báo này nhắc để kiểm tra lại).",
                severity="warning")


def _incomplete(ctx: _Context) -> set[tuple[SchoolYear, str]]:
    """Bodies a sub-body of which (at any depth) was left out: their lists are incomplete."""
    found: set[tuple[SchoolYear, str]] = set()
    for year, parent in ctx.unbuilt.lost_a_child:
        body = ctx.portal.bodies.get((year, parent))
        while body is not None and (body.school_year, body.id) not in found:
            found.add((body.school_year, body.id))
            body = ctx.portal.bodies.get((body.school_year, body.parent)) if body.parent else None
    return found


def _in_cycle(p: Portal, body: Body) -> bool:
    seen = {body.id}
    parent = body.parent
    while parent is not None:
        if parent in seen:
            return True
        seen.add(parent)
        above = p.bodies.get((body.school_year, parent))
        parent = above.parent if above else None
    return False


def _check_roster(ctx: _Context, body: Body, complete: bool, draft: bool) -> None:
    """Leaders, duplicates, head counts and row numbers. An incomplete list (a sub-body left
    out for its own error) is not counted. A list set up by a placeholder decision is a copy
    that the signed list will replace: in a draft, a leader missing from it is a warning (a
    school that led a group closed before the year `cotcan nam-moi` started)."""
    s = body.source
    p = ctx.portal
    children = p.children(body)
    if body.members and body.no_roster:
        ctx.add(s, ("no_roster",), "có danh sách thành viên nhưng lại ghi 'no_roster'.",
                hint="xóa 'no_roster' khi đã có danh sách.")
    if not body.members:
        if not body.no_roster and not children and complete:
            # A draft's body written before its list is imported (a new office declares its
            # teams, then imports each signed list into one): the import fills it.
            importing = commands.IMPORT.line("--office", body.office, "--body", body.id, "--input", "danh-sach.docx")
            ctx.add(s, (), f"{body.name}: không có thành viên nào.",
                    expected="danh sách 'members', hoặc 'no_roster: <lý do>' khi văn bản không kèm danh sách",
                    hint=f"nhập danh sách đã ký của tổ chức này: {importing}. {_only_a_draft()}" if draft else None,
                    severity=_placeholder_severity(draft))
    else:
        leader = vocab.LEADER_ROLE[body.kind]
        leaders = [i for i, m in enumerate(body.members) if m.role == leader]
        label = wording.role_name(leader).lower()
        if not leaders:
            decision = p.documents.get(body.decision or "")
            awaited = draft and decision is not None and is_placeholder(decision)
            ctx.add(s, ("members",), f"{body.name}: không có {label}.",
                    expected=f"đúng một thành viên có 'role: {leader}'",
                    hint=f"danh sách đã ký sẽ ghi {label}; nhập danh sách đó. {_only_a_draft()}" if awaited
                    else "kiểm tra cột Ghi chú của danh sách gốc.", severity="warning" if awaited else "error")
        for extra in leaders[1:]:
            ctx.add(s, ("members", extra, "role"), f"{body.name}: có hai {label}.",
                    expected=f"chỉ một thành viên có 'role: {leader}'",
                    hint=f"thành viên đầu tiên là {label} ở members[{leaders[0]}].")
        for i, member in enumerate(body.members):
            if not vocab.role_fits_kind(member.role, body.kind):
                ctx.add(s, ("members", i, "role"), f"{body.name}: vai trò {wording.role_name(member.role)} không có "
                        f"ở {wording.body_kind_name(body.kind).lower()}.",
                        expected=f"{label}, {wording.role_name(vocab.DEPUTY_ROLE[body.kind]).lower()}, thư ký, "
                                 "ủy viên hoặc thành viên",
                        hint="vai trò ở trường (như tổ trưởng chuyên môn) không phải vai trò trong tổ chức này; "
                             "ghi ở 'position' nếu cần.", severity="warning")
            elif member.school and not vocab.school_role_fits_kind(member.role, body.kind):
                ctx.add(s, ("members", i, "role"), f"{body.name}: trường là {wording.role_name(member.role).lower()}"
                        " (vai trò của một người).",
                        expected=f"trường là thành viên, {label} hoặc "
                                 f"{wording.role_name(vocab.DEPUTY_ROLE[body.kind]).lower()}",
                        hint="ghi người giữ vai trò đó (person) thay cho trường, nếu văn bản có tên.",
                        severity="warning")
        _check_duplicate_members(ctx, body)
    if body.declared_count is not None and complete:
        numbered = p.numbered_rows(body)
        if len(numbered) != body.declared_count:
            ctx.add(s, ("declared_count",),
                    f"văn bản ghi {body.declared_count} người nhưng danh sách có {len(numbered)} dòng "
                    "đánh số thứ tự (kể cả các tổ, nhóm bên trong).",
                    expected=f"{body.declared_count} dòng có 'stt'", actual=str(len(numbered)),
                    hint="tìm dòng bị thiếu hoặc chép hai lần.")
    if p.list_head(body) is body:
        _check_stt(ctx, body)
        check_added_numbers(ctx, body)


def _check_duplicate_members(ctx: _Context, body: Body) -> None:
    first: dict[str, int] = {}
    for i, m in enumerate(body.members):
        key = member_key(m)
        if key in first:
            ctx.add(body.source, ("members", i), f"{m.person or m.school} có hai dòng trong cùng tổ chức.",
                    hint=f"dòng đầu ở members[{first[key]}]; xóa một dòng.")
        first.setdefault(key, i)


def _check_stt(ctx: _Context, body: Body) -> None:
    """Row numbers of the list a body heads, its own rows and its subject groups'
    (numbering.number_list: numbered once across, or group by group from 1)."""
    parts = ctx.portal.list_bodies(body)
    numbering = number_list([[m.stt for m in b.members] for b in parts])
    names = [b.name for b in parts]
    for clash in numbering.clashes:
        b, first = parts[clash.place.part], parts[clash.first.part]
        where = f"members[{clash.first.index}]" if clash.within_part else f"{first.name}, members[{clash.first.index}]"
        ctx.add(b.source, ("members", clash.place.index, "stt"),
                f"số thứ tự {clash.stt} dùng nhiều lần trong danh sách {body.name}: đã có ở {where}.",
                expected=numbering.expected(clash), hint=numbering.hint(clash, names))


def _file_schema(data: Any) -> Schema | None:
    """The schema a checked file was validated against: the one whose required keys it has
    and whose keys it keeps to (each kind of file has its own top-level keys)."""
    if not isinstance(data, dict):
        return None
    for schema in FILE_SCHEMAS.values():
        if set(schema["required"]) <= data.keys() <= schema["properties"].keys():
            return schema
    return None


# The contact schemas, by identity: their values are checked as contacts (_check_privacy), not
# as public texts. One set lookup per value walked, not a search of CONTACT_SCHEMAS each.
_CONTACT_SCHEMA_IDS = frozenset(id(schema) for schema in CONTACT_SCHEMAS)


def _public_texts(schema: Schema, value: Any, hints: Callable[[str], bool]) -> list[tuple[KeyPath, str, bool]]:
    """Every text of a file that the site may show and that may hold a contact (a digit or a
    sign of an "@": `hints`, privacy.may_hold_contact), walked along its schema: (key path, text,
    whether it is an id, shown in addresses). Free keys (a figure's parts) are text too.
    Private contacts are left out. A text that holds none costs one regex search: no path,
    no call (a province's people file has a million texts, nearly all names and ids)."""
    found: list[tuple[KeyPath, str, bool]] = []
    _collect_public_texts(schema, value, (), hints, found)
    return found


def _collect_public_texts(schema: Schema, value: Any, path: KeyPath, hints: Callable[[str], bool],
                          found: list[tuple[KeyPath, str, bool]]) -> None:
    """_public_texts of `value` at `path`, added to `found`: plain calls, not a generator per
    record (200,000 of them in a province's people file)."""
    if id(schema) in _CONTACT_SCHEMA_IDS or schema.get("pattern") == SHA256_PATTERN:
        return  # a contact (checked as one: _check_privacy), or a hash: its digits are no phone number
    if isinstance(value, str):
        if hints(value):
            # An original's file name is shown in an address too, as an id is.
            found.append((path, value, schema.get("pattern") in (ID_PATTERN, ORIGINAL_FILE_PATTERN)))
    elif isinstance(value, list):
        items = schema.get("items", {})
        for i, item in enumerate(value):
            if not isinstance(item, str) or hints(item):
                _collect_public_texts(items, item, (*path, i), hints, found)
    elif isinstance(value, dict):
        properties = schema.get("properties", {})
        free = schema.get("additionalProperties")
        for key, item in value.items():
            known = properties.get(key)
            if known is not None:
                if not isinstance(item, str) or hints(item):
                    _collect_public_texts(known, item, (*path, key), hints, found)
            elif isinstance(free, dict):
                if hints(str(key)):
                    found.append(((*path, key), str(key), False))
                _collect_public_texts(free, item, (*path, key), hints, found)


def _check_privacy(ctx: _Context, kept: KeptPrivacy | None, hints: Callable[[str], bool]) -> None:
    """Contacts are valid phones or e-mails; a phone number or e-mail address in any text
    the site shows belongs to someone's contact (the site then hides it if private); an id,
    which the site shows in addresses, holds no private value."""
    p = ctx.portal
    kept_private: dict[str, Person] = {}  # key -> the first person who keeps it private
    published: list[tuple[Person, str, str]] = []  # (person, field, key)
    for person in p.people.values():
        for kind, value in person.contact.items():
            key = _valid_contact(ctx, person.source, CONTACT, kind, value)
            if key is None:
                continue
            if kind in person.publish:
                published.append((person, kind, key))
            else:
                kept_private.setdefault(key, person)
    _check_published_private(ctx, published, kept_private)
    offices = _office_contacts(ctx, kept_private)
    known_keys = frozenset(kept_private.keys() | {key for _, _, key in published} | offices)

    def scan(doc: YamlDocument) -> list[Problem]:
        return _private_values_in_file(doc, known_keys, p.redactor, hints)

    for doc in ctx.docs.values():
        ctx.problems += scan(doc) if kept is None else kept.scan(doc, known_keys, p.redactor.values, scan)
    if kept is not None:
        kept.end_scan()


def _valid_contact(ctx: _Context, source: Source, schema: Schema, kind: str, value: str) -> str | None:
    """The key of a contact field's value (privacy.contact_key); None, said at its line, when it
    is no valid phone number or e-mail address."""
    key = privacy.contact_key(kind, value)
    if key is None:
        ctx.add(source, ("contact", kind), f"không phải {privacy.KIND_LABELS[privacy.contact_kind(kind)]} hợp lệ.",
                expected=schema["properties"][kind]["description"], actual=repr(value),
                hint="mỗi trường ghi đúng một số điện thoại hoặc một địa chỉ; không có thì bỏ trường này.")
    return key


def _office_contacts(ctx: _Context, kept_private: dict[str, Person]) -> set[str]:
    """The keys of the offices' public contacts, each a valid phone or e-mail that no person
    keeps private (the office's page shows it)."""
    keys: set[str] = set()
    for office in ctx.portal.offices.values():
        for kind, value in office.contact.items():
            key = _valid_contact(ctx, office.source, OFFICE_CONTACT, kind, value)
            if key is None:
                continue
            if (owner := kept_private.get(key)) is not None:
                ctx.add(office.source, ("contact", kind),
                        f"công bố {privacy.KIND_LABELS[privacy.contact_kind(kind)]} '{value}' của đơn vị, mà "
                        f"{_named(owner)} giữ riêng tư: "
                        "một liên hệ không thể vừa công bố vừa riêng tư.",
                        hint=f"ghi ở đây số hoặc địa chỉ chung của cơ quan; nếu đó là liên hệ riêng của {owner.name}, "
                             "bỏ nó khỏi 'contact' của đơn vị.")
            else:
                keys.add(key)
    return keys


def _check_published_private(ctx: _Context, published: list[tuple[Person, str, str]],
                             kept_private: dict[str, Person]) -> None:
    """A contact one person publishes that another keeps private: the site would show it on
    the first one's page (a shared switchboard written as someone's own number)."""
    for person, kind, key in published:
        owner = kept_private.get(key)
        if owner is not None:
            ctx.add(person.source, ("contact", kind),
                    f"công bố {privacy.KIND_LABELS[kind]} '{person.contact[kind]}', mà {_named(owner)} giữ "
                    "riêng tư: một liên hệ không thể vừa công bố vừa riêng tư.",
                    hint=f"nếu đó là liên hệ riêng của {owner.name}, bỏ '{kind}' khỏi 'publish' của người này; "
                         f"nếu {owner.name} đã đồng ý công bố, thêm '{kind}' vào 'publish' của {owner.id}.")


def _private_values_in_file(doc: YamlDocument, known: frozenset[str], redactor: privacy.Redactor,
                            hints: Callable[[str], bool]) -> list[Problem]:
    """The privacy scan of one file's name and public texts (see _check_privacy)."""
    problems = privacy.private_values_in_file_name(doc.file, doc.file, redactor)  # in edit links
    schema = _file_schema(doc.data)
    if schema is None:
        return problems
    for path, text, is_id in _public_texts(schema, doc.data, hints):
        if is_id:
            for found in redactor.find(text):
                problems.append(doc.problem(
                    path, f"mã '{text}' chứa {found.label} riêng tư.",
                    expected="mã không chứa thông tin liên hệ",
                    hint="mã hiện trong địa chỉ trang web nên không ẩn được: đặt mã khác."))
            continue
        for value in personal_data.find_personal_values(text):
            problems.append(doc.problem(path, f"đoạn chữ công khai có {value.said(text)}.",
                                        expected=personal_data.PERSONAL_EXPECTED[value.kind],
                                        hint=f"{personal_data.PERSONAL_HINTS[value.kind]} khỏi dữ liệu."))
        for found in privacy.find_contacts(text):
            if known.isdisjoint(found.keys):
                problems.append(doc.problem(
                    path, f"đoạn chữ công khai có {found.label} '{text[found.start:found.end]}' "
                    "không thuộc liên hệ riêng tư của ai.",
                    hint="thêm nó vào 'contact' của người sở hữu để trang web ẩn đi; không bao giờ "
                    "công bố thông tin cá nhân khi chưa được đồng ý. Số hoặc địa chỉ chung của cơ quan thì ghi vào "
                    "'contact' của đơn vị trong data/offices.yml (công khai, hiện trên trang đơn vị)."))
    return problems
