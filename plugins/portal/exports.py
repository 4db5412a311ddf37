"""Open-data exports: each roster as CSV and XLSX, each school year as JSON.

Plain Python, no MkDocs. Every function is deterministic: the same data gives
byte-identical files (timestamps come from the data, keys are sorted, zip entries
carry a fixed date). Nothing private is written: people appear with their public
fields only, and the model's texts were redacted when it was loaded (portal.privacy).
No cell runs as a formula: CSV cells are neutralised (portal.sanitize), XLSX cells are
written as strings.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable
from typing import Any

from . import roles, terms, vocab, wording
from .dates import PartialDate, SchoolYear
from .model import Activity, Amendment, Body, Document, MemberRef, Membership, Office, Person, Portal, School
from .sanitize import csv_cell
from .terms import Term
from .urls import UrlFormats

# The official column order of a DANH SÁCH table, then when each row is in force and by which
# document: "Từ ngày" is the day an amending decision put the row in, or a subject group set up
# later in the year came into force (terms.row_start; empty for the list as first signed, in
# force from its decision), "Đến ngày" the last day of a row an amending decision ended,
# "Theo văn bản" the document the row comes from (terms.row_source: the decision that put it
# in, or the list's), the decision that replaced it for a row still in the list then, and the
# decision that took its member off the list, if one did (wording.row_documents). "Từ ngày"
# stays the row's own: empty for a row of the list as first signed that a replacing decision
# kept, whose first document the cell names.
ROSTER_COLUMNS: tuple[str, ...] = ("STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Môn", "Ghi chú",
                                   "Từ ngày", "Đến ngày", "Theo văn bản")
ROSTER_CSV = "danh-sach.csv"
ROSTER_XLSX = "danh-sach.xlsx"
YEAR_JSON = "du-lieu.json"
# Roles that need no remark in the Ghi chú column: the plain members of a list.
ORDINARY_ROLES = frozenset({"uy-vien", "thanh-vien"})


# Rosters


def _says_the_role(note: str, member: Membership) -> bool:
    """Whether a printed remark names the member's role as the importer reads it ("P.Nhóm trưởng",
    "Nhóm trưởng, dạy giỏi cấp tỉnh"): read back, it gives the same role."""
    return roles.role_match(note)[0] == member.role


def roster_rows(portal: Portal, body: Body) -> list[tuple[str, ...]]:
    """The body's list in the official columns (see ROSTER_COLUMNS), header not included:
    the list as first signed, each row followed by those that took it over during the
    year, then the rows amending decisions added (portal.terms.roster_terms).

    A school member (a cluster's list of schools) carries the school's name in the
    name column. Ghi chú keeps the remark printed in the list; a row that is not a plain
    member (a leader named above the table, a role read from a "Vai trò" column) says its
    role there first, unless the remark starts with it ("Nhóm trưởng, dạy giỏi cấp tỉnh").
    """
    subjects = terms.subject_cells(portal, body)
    rows: list[tuple[str, ...]] = []
    histories = {b.id: terms.history(b) for b in portal.list_bodies(body)}
    for member_body, term in terms.roster_terms(portal, body):
        m = term.member
        if m.person:
            person = portal.people.get(m.person)
            name = person.name if person else m.person
        else:
            name = wording.unit_name(portal, m.school, at=body.school_year)
        post = wording.written_post(portal, m, at=body.school_year)
        subject = subjects.get(m, "")
        note = m.note or ""
        if m.role not in ORDINARY_ROLES and not _says_the_role(note, m):
            note = "; ".join(text for text in (wording.role_as_read(m), note) if text)
        stt = "" if m.stt is None else str(m.stt)
        source = terms.row_source(portal, member_body, term)
        removed = portal.documents.get(histories[member_body.id].removed_by(term) or "")
        start = terms.row_start(portal, body, member_body, term)
        rows.append((stt, name, post, subject, note, wording.date_text(start), wording.date_text(term.until),
                     wording.row_documents(portal, source, removed)))
    return rows


def roster_title(portal: Portal, body: Body) -> str:
    return f"DANH SÁCH {body.name} năm học {body.school_year}"


def roster_csv(portal: Portal, body: Body, rows: list[tuple[str, ...]] | None = None) -> bytes:
    """The list as CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese), CRLF,
    every cell quoted and none a formula. `rows`: roster_rows's, if already made."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(ROSTER_COLUMNS)
    rows = roster_rows(portal, body) if rows is None else rows
    writer.writerows(tuple(csv_cell(cell) for cell in row) for row in rows)
    return out.getvalue().encode("utf-8-sig")


def fixed_datetime(portal: Portal, body: Body) -> datetime.datetime:
    """The moment a roster's files claim: its decision's date (its first day if partial),
    else the first day of its school year. Never the time of the build."""
    decision = portal.documents.get(body.decision)
    day = decision.date.first_day if decision and decision.date else body.school_year.first_day
    return datetime.datetime(day.year, day.month, day.day)


def roster_xlsx(portal: Portal, body: Body, rows: list[tuple[str, ...]] | None = None) -> bytes:
    """The list as an Excel workbook: a title row, the decision, a bold header, the rows
    (`rows`: roster_rows's, if already made).

    Written with XlsxWriter: about 1.5 ms a list where openpyxl took 11 ms, which a
    province's thousands of lists feel in every build.
    """
    import xlsxwriter

    title = roster_title(portal, body)
    buffer = io.BytesIO()
    # Every text is written with write_string (a string, never a formula); the options keep
    # even write() from turning a string into a formula, a number or a link. STT alone is a
    # number (the data holds whole numbers only): Excel sorts and filters 2 before 10.
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_numbers": False, "strings_to_urls": False})
    creator = portal.offices[body.office].name if body.office in portal.offices else ""
    workbook.set_properties({"title": title, "author": creator, "created": fixed_datetime(portal, body)})
    workbook.set_custom_property("Language", "vi-VN")
    sheet = workbook.add_worksheet("Danh sách")
    bold_title = workbook.add_format({"bold": True, "font_size": 13})
    italic = workbook.add_format({"italic": True})
    header = workbook.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True,
                                  "border": 1})
    cell = workbook.add_format({"valign": "top", "text_wrap": True, "border": 1})
    header_row = 3  # 0-based: title, decision, blank line, header
    sheet.write_string(0, 0, title, bold_title)
    origin = wording.list_origin(portal, body)
    if origin:
        sheet.write_string(1, 0, origin, italic)
    sheet.write_row(header_row, 0, ROSTER_COLUMNS, header)
    rows = roster_rows(portal, body) if rows is None else rows
    for i, row in enumerate(rows, start=header_row + 1):
        for j, value in enumerate(row):
            if j == ROSTER_COLUMNS.index("STT") and value:
                sheet.write_number(i, j, int(value), cell)
            elif value:
                sheet.write_string(i, j, value, cell)
            else:
                sheet.write_blank(i, j, None, cell)  # an empty cell, bordered
    for column, width in enumerate((6, 28, 52, 18, 18, 12, 12, 28)):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(header_row + 1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_portrait()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    workbook.close()  # XlsxWriter dates every zip entry 1980-01-01: the bytes are reproducible
    return buffer.getvalue()


# The whole school year as JSON


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value else None


def _former(names: Iterable[Any]) -> list[dict[str, Any]]:
    return [{"name": f.name, "until": _iso(f.until)} for f in names]


def _office(o: Office) -> dict[str, Any]:
    return {"id": o.id, "name": o.name, "short_name": o.short_name, "kind": o.kind, "parent": o.parent,
            "place": o.place, "valid_from": _iso(o.valid_from), "valid_until": _iso(o.valid_until),
            "end_reason": o.end_reason,
            "successors": [{"office": x.office, "took_over": x.took_over} for x in o.successors],
            "note": o.note, "former_names": _former(o.former_names), "contact": dict(sorted(o.contact.items())),
            "sample": o.sample}


def _school(s: School) -> dict[str, Any]:
    return {"id": s.id, "name": s.name, "level": s.level, "office": s.office, "aliases": list(s.aliases),
            "former_names": _former(s.former_names), "valid_from": _iso(s.valid_from),
            "valid_until": _iso(s.valid_until), "successor": s.successor, "note": s.note}


def _person(p: Person) -> dict[str, Any]:
    # Public fields only: `contact` holds only what the office opted in to publish.
    return {"id": p.id, "name": p.name, "honorific": p.honorific, "sort_name": p.sort_name,
            "contact": dict(sorted(p.public_contact.items())), "note": p.note}


def _activity(a: Activity) -> dict[str, Any]:
    return {"title": a.title, "details": a.details, "start": _iso(a.start), "end": _iso(a.end),
            "due": _iso(a.due), "frequency": a.frequency, "responsible": a.responsible,
            "bodies": list(a.bodies), "schools": list(a.schools), "step": a.step}


def _document(d: Document) -> dict[str, Any]:
    signer = d.signer
    return {
        "id": d.id, "kind": d.kind, "number": d.number, "date": _iso(d.date), "place": d.place,
        "issuer": d.issuer, "title": d.title,
        "signer": {"person": signer.person, "title": signer.title, "capacity": signer.capacity,
                   "on_behalf_of": signer.on_behalf_of} if signer else None,
        "legal_bases": [{"text": b.text, "refs": list(b.cited)} for b in d.legal_bases],
        "recipients": list(d.recipients),
        "related": [{"ref": r.ref, "relation": r.relation} for r in d.related],
        "figures": [{"label": f.label, "value": f.value, "parts": dict(f.parts)} for f in d.figures],
        "activities": [_activity(a) for a in d.activities],
        "text": d.text,
        "school_year": d.school_year.label if d.school_year else None,
        "office": d.office,
    }


def _member(m: Membership) -> dict[str, Any]:
    return {"stt": m.stt, "role": m.role, "person": m.person, "school": m.school, "role_text": m.role_text,
            "position": m.position, "unit": m.unit, "as_written": m.as_written, "subject": m.subject,
            "note": m.note}


def _member_ref(r: MemberRef) -> dict[str, Any]:
    return {"person": r.person, "school": r.school}


def _amendment(a: Amendment) -> dict[str, Any]:
    return {"decision": a.decision, "from": a.start.iso(), "add": [_member(m) for m in a.add],
            "remove": [_member_ref(r) for r in a.remove],
            "replace": [{**_member_ref(r.old), "with": _member(r.new)} for r in a.replace],
            "roles": [{**_member_ref(r.member), "role": r.role, "role_text": r.role_text} for r in a.roles]}


def _term(t: Term) -> dict[str, Any]:
    """A membership with its dates (Popolo's start_date and end_date): `from` is empty for
    the list as first signed (in force from the body's decision)."""
    return {**_member(t.member), "from": _iso(t.start), "until": _iso(t.until), "decision": t.decision,
            "ended_by": t.ended_by}


def _body(b: Body) -> dict[str, Any]:
    return {
        "id": b.id, "school_year": b.school_year.label, "office": b.office, "kind": b.kind, "name": b.name,
        "parent": b.parent, "decision": b.decision, "source": b.source_document, "subject": b.subject,
        "declared_count": b.declared_count, "no_roster": b.no_roster, "meets": b.meets,
        "members": [_member(m) for m in b.members],
        "amendments": [_amendment(a) for a in b.amendments],
        "terms": [_term(t) for t in terms.history(b).terms],
        "duties": [{"role": d.role, "label": d.label, "text": d.text, "legal_ref": d.legal_ref,
                    "legal_provision": d.legal_provision} for d in b.duties],
    }


def year_data(portal: Portal, year: SchoolYear) -> dict[str, Any]:
    """Everything the portal holds for one school year, as plain JSON values.

    Offices, schools, people and documents are those the year's files hold or point to
    (members, signers, issuers, units, cited documents, parent offices), each once,
    sorted by id; bodies keep the order of the files (the order of the documents).
    """
    office_years = [oy for oy in portal.office_years if oy.school_year == year]
    bodies = [b for b in portal.bodies_in(year)]
    documents: set[str] = {d for oy in office_years for d in oy.documents}
    documents |= {b.decision for b in bodies} | {b.source_document for b in bodies if b.source_document}
    documents |= {a.decision for b in bodies for a in b.amendments}
    for doc_id in list(documents):
        doc = portal.documents.get(doc_id)
        if doc:
            documents |= {r.ref for r in doc.related} | {ref for b in doc.legal_bases for ref in b.cited}
    docs = [portal.documents[d] for d in sorted(documents) if d in portal.documents]

    offices: set[str] = {oy.office for oy in office_years} | {d.issuer for d in docs if d.issuer}
    schools: set[str] = {s.id for s in portal.schools.values() if s.office in {oy.office for oy in office_years}}
    people: set[str] = {d.signer.person for d in docs if d.signer}
    for b in bodies:
        for m in (t.member for t in terms.history(b).terms):  # the list as first signed and as amended
            for ref in (m.unit, m.school):
                if ref in portal.offices:
                    offices.add(ref)
                elif ref in portal.schools:
                    schools.add(ref)
            if m.person:
                people.add(m.person)
    for d in docs:
        for a in d.activities:
            schools |= set(a.schools)
    pending = list(offices)
    while pending:  # the offices above and after them, so every reference resolves
        office = portal.offices.get(pending.pop())
        for ref in (office.parent, *(x.office for x in office.successors)) if office else ():
            if ref and ref not in offices:
                offices.add(ref)
                pending.append(ref)

    return {
        "school_year": year.label,
        "offices": [_office(portal.offices[o]) for o in sorted(offices) if o in portal.offices],
        "schools": [_school(portal.schools[s]) for s in sorted(schools) if s in portal.schools],
        "people": [_person(portal.people[p]) for p in sorted(people) if p in portal.people],
        "documents": [_document(d) for d in docs],
        "bodies": [_body(b) for b in bodies],
        "roles": dict(vocab.ROLES),
        "body_kinds": dict(vocab.BODY_KINDS),
        "document_kinds": dict(vocab.DOCUMENT_KINDS),
    }


def year_json(portal: Portal, year: SchoolYear) -> bytes:
    """The school year as UTF-8 JSON, keys sorted, indented, ending with a newline."""
    text = json.dumps(year_data(portal, year), ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")


# All files


def body_export_paths(body: Body, urls: UrlFormats) -> tuple[str, str]:
    """Where a body's list is published: `danh-sach.csv` and `danh-sach.xlsx` next to its page."""
    folder = urls.body.format(body=body.id, year=body.school_year.label)
    return folder + ROSTER_CSV, folder + ROSTER_XLSX


def body_exports(portal: Portal, body: Body, urls: UrlFormats) -> dict[str, bytes]:
    """The body's list as CSV and XLSX; nothing for a body without one."""
    if not portal.roster(body):
        return {}
    csv_path, xlsx_path = body_export_paths(body, urls)
    rows = roster_rows(portal, body)  # once for both: a tenth of a province's exports
    return {csv_path: roster_csv(portal, body, rows), xlsx_path: roster_xlsx(portal, body, rows)}


def year_export_path(year: SchoolYear, urls: UrlFormats) -> str:
    """Where a school year's JSON is published: `du-lieu.json` next to its page."""
    return urls.year.format(year=year.label) + YEAR_JSON


def export_files(portal: Portal, urls: UrlFormats | None = None) -> dict[str, bytes]:
    """Site-relative path -> content of every export, in sorted order: each body's list
    (body_exports) and each school year's JSON (year_export_path)."""
    urls = urls or UrlFormats()
    files: dict[str, bytes] = {}
    for body in portal.bodies.values():
        files |= body_exports(portal, body, urls)
    for year in portal.school_years:
        files[year_export_path(year, urls)] = year_json(portal, year)
    return dict(sorted(files.items()))
