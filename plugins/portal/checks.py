"""Checks across records: references, leaders, counts, dates, duplicates, privacy.

The schema has already checked each file's shape; these checks need the whole model.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any

from . import privacy, vocab
from .dates import PartialDate, SchoolYear
from .model import Body, Membership, Portal, Source
from .problems import KeyPath, Problem, format_path
from .schema import CONTACT, FILE_SCHEMAS, ID_PATTERN, Schema
from .text import normalize
from .yamlsource import YamlDocument


class _Context:
    def __init__(self, portal: Portal, docs: dict[str, YamlDocument]) -> None:
        self.portal = portal
        self.docs = docs
        self.problems: list[Problem] = []

    def add(self, source: Source, sub: KeyPath, message: str, **details: Any) -> None:
        path = source.path + sub
        doc = self.docs.get(source.file)
        line = doc.line(path) if doc else source.line
        self.problems.append(Problem(source.file, line, format_path(path), message, **details))

    def ref(self, source: Source, sub: KeyPath, value: str | None, table: Iterable[str], what: str,
            where: str) -> None:
        """Report `value` when it is not an id in `table`."""
        if value is None:
            return
        ids = table if isinstance(table, (set, dict, frozenset)) else set(table)
        if value in ids:
            return
        match = difflib.get_close_matches(value, list(ids), n=1, cutoff=0.75)
        self.add(source, sub, f"không có {what} nào mang mã '{value}'.",
                 expected=f"mã một {what} đã khai trong {where}",
                 hint=f"có phải '{match[0]}'?" if match else f"thêm {what} này vào {where} trước.")


def check_portal(portal: Portal, docs: dict[str, YamlDocument]) -> list[Problem]:
    ctx = _Context(portal, docs)
    _check_offices_and_schools(ctx)
    _check_people(ctx)
    _check_documents(ctx)
    _check_office_years(ctx)
    _check_bodies(ctx)
    _check_privacy(ctx)
    return ctx.problems


def _check_offices_and_schools(ctx: _Context) -> None:
    p = ctx.portal
    for office in p.offices.values():
        ctx.ref(office.source, ("parent",), office.parent, p.offices, "đơn vị", "data/offices.yml")
        ctx.ref(office.source, ("successor",), office.successor, p.offices, "đơn vị", "data/offices.yml")
    for school in p.schools.values():
        if school.source.path == ("schools", 0):
            ctx.ref(Source(school.source.file, None, ()), ("office",), school.office, p.offices, "đơn vị",
                    "data/offices.yml")
        ctx.ref(school.source, ("successor",), school.successor, p.schools, "trường", "data/schools/")


def _check_people(ctx: _Context) -> None:
    p = ctx.portal
    by_name: dict[str, list[str]] = defaultdict(list)
    for person in p.people.values():
        for i, other in enumerate(person.distinct_from):
            ctx.ref(person.source, ("distinct_from", i), other, p.people, "người", "data/people/")
        for i, field in enumerate(person.publish):
            if field not in person.contact:
                ctx.add(person.source, ("publish", i), f"công bố '{field}' nhưng người này không có "
                        f"'{field}' trong contact.", hint="xóa dòng này hoặc thêm liên hệ.")
        by_name[normalize(person.name).casefold()].append(person.id)
    for ids in by_name.values():
        for a, b in ((a, b) for i, a in enumerate(ids) for b in ids[i + 1:]):
            pa, pb = p.people[a], p.people[b]
            if b in pa.distinct_from or a in pb.distinct_from:
                continue
            ctx.add(pb.source, ("name",),
                    f"'{pb.name}' ({b}) trùng tên với '{pa.name}' ({a}, {pa.source.file}, "
                    f"dòng {pa.source.line}): có thể là cùng một người.",
                    hint=f"nếu là một người, dùng một mã ở mọi nơi; nếu là hai người, thêm "
                         f"'distinct_from: [{a}]' cho {b}.",
                    severity="warning")


def _check_documents(ctx: _Context) -> None:
    p = ctx.portal
    for doc in p.documents.values():
        s = doc.source
        ctx.ref(s, ("issuer",), doc.issuer, p.offices, "đơn vị", "data/offices.yml")
        if doc.signer:
            ctx.ref(s, ("signer", "person"), doc.signer.person, p.people, "người", "data/people/")
        for i, basis in enumerate(doc.legal_bases):
            ctx.ref(s, ("legal_bases", i, "ref"), basis.ref, p.documents, "văn bản", "data/")
        for i, rel in enumerate(doc.related):
            ctx.ref(s, ("related", i, "ref"), rel.ref, p.documents, "văn bản", "data/")
            if rel.ref == doc.id:
                ctx.add(s, ("related", i, "ref"), "văn bản không thể liên quan đến chính nó.")
        year = doc.school_year
        if year is not None and doc.date is not None:
            _in_year(ctx, s, ("date",), doc.date, year)
        bodies_this_year = p.body_ids_in(year) if year else frozenset()
        for i, act in enumerate(doc.activities):
            for j, body_id in enumerate(act.bodies):
                ctx.ref(s, ("activities", i, "bodies", j), body_id, bodies_this_year,
                        "tổ chức", f"năm học {year}" if year else "cùng năm học")
            for j, school_id in enumerate(act.schools):
                ctx.ref(s, ("activities", i, "schools", j), school_id, p.schools, "trường", "data/schools/")
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


def _in_year(ctx: _Context, source: Source, sub: KeyPath, date: PartialDate, year: SchoolYear) -> None:
    if not year.contains(date):
        first, last = year.window
        ctx.add(source, sub, f"ngày {date.iso()} nằm ngoài năm học {year}.",
                expected=f"từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}", actual=date.iso(),
                hint="kiểm tra lại năm; hoặc chuyển văn bản sang tệp của năm học đúng.")


def _check_office_years(ctx: _Context) -> None:
    seen: dict[tuple[SchoolYear, str], Source] = {}
    for oy in ctx.portal.office_years:
        ctx.ref(oy.source, ("office",), oy.office, ctx.portal.offices, "đơn vị", "data/offices.yml")
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


def _check_bodies(ctx: _Context) -> None:
    p = ctx.portal
    units = set(p.schools) | set(p.offices)
    for body in p.bodies.values():
        s = body.source
        in_year = p.body_ids_in(body.school_year)
        ctx.ref(s, ("parent",), body.parent, in_year, "tổ chức", f"năm học {body.school_year}")
        ctx.ref(s, ("decision",), body.decision, p.documents, "văn bản", "data/")
        ctx.ref(s, ("source",), body.source_document, p.documents, "văn bản", "data/")
        ctx.ref(s, ("subject",), body.subject, p.subjects, "môn", "data/subjects.yml")
        if body.kind == "nhom-bo-mon" and body.subject is None:
            ctx.add(s, (), "nhóm bộ môn cần ghi môn.", expected="subject: <mã môn>")
        for i, m in enumerate(body.members):
            ctx.ref(s, ("members", i, "person"), m.person, p.people, "người", "data/people/")
            ctx.ref(s, ("members", i, "school"), m.school, p.schools, "trường", "data/schools/")
            ctx.ref(s, ("members", i, "unit"), m.unit, units, "trường hoặc đơn vị",
                    "data/schools/ hoặc data/offices.yml")
        for i, duty in enumerate(body.duties):
            ctx.ref(s, ("duties", i, "legal", "ref"), duty.legal_ref, p.documents, "văn bản", "data/")
        if _in_cycle(p, body):
            ctx.add(s, ("parent",), "tổ chức nằm trong chính nó (vòng lặp 'parent').",
                    hint="tổ chức cấp trên không thể là tổ chức cấp dưới của nó.")
            continue
        _check_roster(ctx, body)


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


def _check_roster(ctx: _Context, body: Body) -> None:
    s = body.source
    p = ctx.portal
    children = p.children(body)
    if body.members and body.no_roster:
        ctx.add(s, ("no_roster",), "có danh sách thành viên nhưng lại ghi 'no_roster'.",
                hint="xóa 'no_roster' khi đã có danh sách.")
    if not body.members:
        if not body.no_roster and not children:
            ctx.add(s, (), f"{body.name}: không có thành viên nào.",
                    expected="danh sách 'members', hoặc 'no_roster: <lý do>' khi văn bản không kèm danh sách")
    else:
        leader = vocab.LEADER_ROLE[body.kind]
        leaders = [i for i, m in enumerate(body.members) if m.role == leader]
        label = vocab.ROLES[leader].lower()
        if not leaders:
            ctx.add(s, ("members",), f"{body.name}: không có {label}.",
                    expected=f"đúng một thành viên có 'role: {leader}'",
                    hint="kiểm tra cột Ghi chú của danh sách gốc.")
        for extra in leaders[1:]:
            ctx.add(s, ("members", extra, "role"), f"{body.name}: có hai {label}.",
                    expected=f"chỉ một thành viên có 'role: {leader}'",
                    hint=f"thành viên đầu tiên là {label} ở members[{leaders[0]}].")
        _check_duplicate_members(ctx, body)
    if body.declared_count is not None:
        numbered = p.numbered_rows(body)
        if len(numbered) != body.declared_count:
            ctx.add(s, ("declared_count",),
                    f"văn bản ghi {body.declared_count} người nhưng danh sách có {len(numbered)} dòng "
                    "đánh số thứ tự (kể cả các tổ, nhóm bên trong).",
                    expected=f"{body.declared_count} dòng có 'stt'", actual=str(len(numbered)),
                    hint="tìm dòng bị thiếu hoặc chép hai lần.")
    if body.kind != "nhom-bo-mon":
        _check_stt(ctx, body)


def _member_key(m: Membership) -> str:
    return f"person:{m.person}" if m.person else f"school:{m.school}"


def _check_duplicate_members(ctx: _Context, body: Body) -> None:
    first: dict[str, int] = {}
    for i, m in enumerate(body.members):
        key = _member_key(m)
        if key in first:
            ctx.add(body.source, ("members", i), f"{m.person or m.school} có hai dòng trong cùng tổ chức.",
                    hint=f"dòng đầu ở members[{first[key]}]; xóa một dòng.")
        first.setdefault(key, i)


def _check_stt(ctx: _Context, body: Body) -> None:
    """Row numbers are unique within one list: a body's rows and its subject groups' rows."""
    lists = [body, *(c for c in ctx.portal.children(body) if c.kind == "nhom-bo-mon")]
    counts = Counter(m.stt for b in lists for m in b.members if m.stt is not None)
    for b in lists:
        for i, m in enumerate(b.members):
            if m.stt is not None and counts[m.stt] > 1:
                ctx.add(b.source, ("members", i, "stt"), f"số thứ tự {m.stt} dùng nhiều lần "
                        f"trong danh sách {body.name}.", hint="mỗi dòng của danh sách có một số riêng.")


def _file_schema(data: Any) -> Schema | None:
    """The schema a checked file was validated against: the one whose required keys it has
    and whose keys it keeps to (each kind of file has its own top-level keys)."""
    if not isinstance(data, dict):
        return None
    for schema in FILE_SCHEMAS.values():
        if set(schema["required"]) <= data.keys() <= schema["properties"].keys():
            return schema
    return None


def _public_texts(schema: Schema, value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str, bool]]:
    """Every text of a file that the site may show, walked along its schema: (key path,
    text, whether it is an id, shown in addresses). Free keys (a figure's parts) are text
    too. Private contacts are left out."""
    if schema is CONTACT:
        return
    if isinstance(value, str):
        yield path, value, schema.get("pattern") == ID_PATTERN
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _public_texts(schema.get("items", {}), item, path + (i,))
    elif isinstance(value, dict):
        properties = schema.get("properties", {})
        free = schema.get("additionalProperties")
        for key, item in value.items():
            if key in properties:
                yield from _public_texts(properties[key], item, path + (key,))
            elif isinstance(free, dict):
                yield path + (key,), str(key), False
                yield from _public_texts(free, item, path + (key,))


def _check_privacy(ctx: _Context) -> None:
    """Contacts are valid phones or e-mails; a phone number or e-mail address in any text
    the site shows belongs to someone's contact (the site then hides it if private); an id,
    which the site shows in addresses, holds no private value."""
    p = ctx.portal
    known: set[str] = set()
    for person in p.people.values():
        for kind, value in person.contact.items():
            key = privacy.contact_key(kind, value)
            if key is not None:
                known.add(key)
                continue
            ctx.add(person.source, ("contact", kind), f"không phải {privacy.KIND_LABELS[kind]} hợp lệ.",
                    expected=CONTACT["properties"][kind]["description"], actual=repr(value),
                    hint="mỗi trường ghi đúng một số điện thoại hoặc một địa chỉ; không có thì bỏ trường này.")
    for doc in ctx.docs.values():
        schema = _file_schema(doc.data)
        if schema is None:
            continue
        for path, text, is_id in _public_texts(schema, doc.data):
            if is_id:
                for found in p.redactor.find(text):
                    ctx.problems.append(doc.problem(
                        path, f"mã '{text}' chứa {found.label} riêng tư.",
                        expected="mã không chứa thông tin liên hệ",
                        hint="mã hiện trong địa chỉ trang web nên không ẩn được: đặt mã khác."))
                continue
            for found in privacy.find_contacts(text):
                if known.isdisjoint(found.keys):
                    ctx.problems.append(doc.problem(
                        path, f"đoạn chữ công khai có {found.label} '{text[found.start:found.end]}' "
                        "không thuộc liên hệ riêng tư của ai.",
                        hint="thêm nó vào 'contact' của người sở hữu để trang web ẩn đi; không bao giờ "
                        "công bố thông tin cá nhân khi chưa được đồng ý."))
