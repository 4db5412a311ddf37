"""How the portal words what it says in more than one place: one function per phrase.

Pages (through the Jinja filters that render.py registers), exports, the feed, the
calendars, the diff and the search summaries all call these, so that a document's
reference, a unit's name or a role's label reads the same everywhere and changes in
one place. Vietnamese text for the public; no markup (templates escape what they print).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from . import terms, vocab
from .dates import PartialDate, SchoolYear
from .model import Activity, Body, Document, Membership, Original, Portal, School
from .terms import Event, ListInForce, RowSource, Term
from .text import fold, normalize

# Dates, as an office writes them (PartialDate.vietnamese): 13/09/2024, tháng 09/2024, năm 2024


def date_text(date: PartialDate | None) -> str:
    return date.vietnamese() if date else ""


def issue_date_text(date: PartialDate | None) -> str:
    """A document's date of issue as its page states it, saying what the original left
    blank: 'tháng 09/2026 (văn bản để trống ngày)', '2026 (văn bản để trống ngày, tháng)'."""
    if date is None:
        return "không ghi"
    if date.is_full:
        return date.vietnamese()
    return f"{date.vietnamese()} (văn bản để trống {'ngày' if date.month else 'ngày, tháng'})"


# Labels of the controlled vocabularies (vocab.py); a code without a label shows as itself.


def role_name(role: str) -> str:
    """The standard name of a role: 'Phó Cụm trưởng'."""
    return vocab.ROLES.get(role, role)


def member_role(member: Membership) -> str:
    """A member's role as the document wrote it ('Phó Cục trưởng'), else its standard name."""
    return member.role_text or role_name(member.role)


def role_as_printed_note(member: Membership) -> str:
    """Beside a role the document printed otherwise than its standard name (a slip such as
    'Phó Cục trưởng' for Phó Cụm trưởng): 'tức Phó Cụm trưởng; văn bản ghi như vậy'. The
    printed text stays as it is; '' when it is the standard name (spelling variants such as
    'Uỷ viên' / 'Ủy viên' or letter case aside)."""
    standard = role_name(member.role)
    printed = member_role(member)
    if normalize(printed).casefold() == normalize(standard).casefold():
        return ""
    return _ROLE_NOTE.format(standard=standard)


_ROLE_NOTE = "tức {standard}; văn bản ghi như vậy"
# The note in brackets after a printed role, as role_as_read writes it (the importer drops it).
_ROLE_NOTE_WRITTEN = re.compile(r"\s*\(" + re.escape(_ROLE_NOTE).replace(re.escape("{standard}"), r"[^;()]+") + r"\)")


def without_role_note(text: str) -> str:
    """A role as role_as_read wrote it (an export read back by the importer), without the
    portal's own note: 'Phó Cục trưởng (tức Phó Cụm trưởng; văn bản ghi như vậy)' -> 'Phó Cục
    trưởng', the role the document printed."""
    return _ROLE_NOTE_WRITTEN.sub("", text)


def role_as_read(member: Membership) -> str:
    """A member's role as the public reads it, wherever it is shown (pages, charts, search
    summaries, exports, what an amendment did): as the document printed it, with the standard
    title beside a slip: 'Phó Cục trưởng (tức Phó Cụm trưởng; văn bản ghi như vậy)'."""
    note = role_as_printed_note(member)
    return f"{member_role(member)} ({note})" if note else member_role(member)


def body_kind_name(kind: str) -> str:
    return vocab.BODY_KINDS.get(kind, kind)


def document_kind_name(kind: str) -> str:
    return vocab.DOCUMENT_KINDS.get(kind, kind)


def office_kind_name(kind: str) -> str:
    return vocab.OFFICE_KINDS.get(kind, kind)


def level_name(level: str) -> str:
    return vocab.SCHOOL_LEVELS.get(level, level)


def contact_label(field: str) -> str:
    """A contact field as the public page names it: 'Số điện thoại', not 'phone'."""
    return vocab.OFFICE_CONTACT_FIELDS.get(field) or vocab.PRIVATE_CONTACT_FIELDS.get(field, field)


def end_reason_name(reason: str) -> str:
    """Why an office ended: 'Giải thể, chấm dứt hoạt động'."""
    return vocab.OFFICE_END_REASONS.get(reason, reason)


def active_until(day: PartialDate | str) -> str:
    """The last day of an office that ended (its `valid_until`), as its page, its schools' and
    years' pages, the change pages and the commands all say it: 'hoạt động đến hết ngày
    30/06/2025' ('... đến hết tháng 06/2025' when the day is not known). A date kept as ISO
    text (a diff's summary) reads the same."""
    date = PartialDate.parse(day) if isinstance(day, str) else day
    if date is None:
        raise ValueError(f"not a date: {day!r}")
    return f"hoạt động đến hết {'ngày ' if date.is_full else ''}{date.vietnamese()}"


# "căn cứ" is no relation a document declares in `related`: the page's own index
# (View.referenced_by) adds it for the documents a legal basis points to.
LEGAL_BASIS_RELATION = "can-cu"


def relation_name(relation: str) -> str:
    if relation == LEGAL_BASIS_RELATION:
        return "căn cứ"
    return vocab.RELATIONS.get(relation, relation)


# Units: the school or office a member works at, or a school member of a cluster


def school_name(school: School, at: SchoolYear | None = None) -> str:
    """The school's name; with `at`, its name on the first day of that school year (a
    former name when it was renamed since)."""
    if at is None:
        return school.name
    day = at.first_day
    earlier = sorted((f.until.last_day, f.name) for f in school.former_names
                     if f.until is not None and f.until.last_day >= day)
    return earlier[0][1] if earlier else school.name


def unit_name(portal: Portal, unit: str | None, at: SchoolYear | None = None) -> str:
    """The name of a unit: a school's name (at the start of `at`, see school_name), an
    office's short name, else the id as written; '' for no unit."""
    if not unit:
        return ""
    if unit in portal.schools:
        return school_name(portal.schools[unit], at)
    if unit in portal.offices:
        return portal.offices[unit].short_name
    return unit


def written_post(portal: Portal, member: Membership, at: SchoolYear | None = None) -> str:
    """A member's "Chức vụ - Đơn vị công tác" cell: as printed, else position - unit (its
    name in the list's year `at`). The importer reads it back (importer/proposal.py) by the
    same rule."""
    unit = unit_name(portal, member.unit, at)
    return member.as_written or " - ".join(p for p in (member.position or "", unit) if p)


# Documents. Three forms, from the shortest:
#   citation   "Thông tư 20/2018/TT-BGDĐT"          (a page's title, a legal reference)
#   name       "Quyết định số 140/QĐ-PGDĐT"         (a link to the document)
#   reference  "Quyết định số 140/QĐ-PGDĐT ngày 13/09/2024 của Phòng GDĐT ..."

UNNUMBERED = "(chưa có số)"
# A value a change left blank, or found blank: "chức vụ: Giáo viên → (trống)".
BLANK_VALUE = "(trống)"


def _figure_left_blank(number: str) -> bool:
    """Whether the original left the number's figure blank, to be written in by hand once
    signed: 'Số: /QĐ-PGDĐT' (Điện Biên Phủ's decision)."""
    return number.lstrip().startswith("/")


def number_text(number: str) -> str:
    """A document's number as every text gives it: as written, a figure left blank shown as
    a gap: '…/QĐ-PGDĐT'."""
    return f"…{number.lstrip()}" if _figure_left_blank(number) else number


def number_field_text(number: str) -> str:
    """The "Số hiệu" of a document's page, saying what the original left blank, as
    issue_date_text does for a day: '…/QĐ-PGDĐT (văn bản để trống số)'."""
    return f"{number_text(number)} (văn bản để trống số)" if _figure_left_blank(number) else number


def document_citation(doc: Document) -> str:
    """Kind and number as a legal text cites it: 'Thông tư 20/2018/TT-BGDĐT'."""
    kind = document_kind_name(doc.kind)
    return f"{kind} {number_text(doc.number)}" if doc.number else kind


def document_name(doc: Document) -> str:
    """Kind and number: 'Quyết định số 140/QĐ-PGDĐT' ('Quyết định' without a number,
    'Quyết định số …/QĐ-PGDĐT' when the original left the figure blank)."""
    kind = document_kind_name(doc.kind)
    return f"{kind} số {number_text(doc.number)}" if doc.number else kind


def document_heading(doc: Document) -> str:
    """A document page's heading: its name ('Quyết định số 140/QĐ-PGDĐT'); without a number,
    its title, which then tells it apart ('Quy chế hoạt động Tổ mạng lưới ...'), after the
    kind unless the title starts with it."""
    if doc.number:
        return document_name(doc)
    kind = document_kind_name(doc.kind)
    if fold(doc.title).startswith(fold(kind)):
        return doc.title
    return f"{kind}: {doc.title}"


def document_page_title(doc: Document) -> str:
    """A document page's title (browser tab, search result): its citation, else its heading."""
    return document_citation(doc) if doc.number else document_heading(doc)


def document_label(doc: Document) -> str:
    """Name and date, saying when the number is missing: 'Quyết định (chưa có số), năm 2025'.
    The change pages put an old and a new document side by side with it."""
    name = document_name(doc) if doc.number else f"{document_kind_name(doc.kind)} {UNNUMBERED}"
    return f"{name}, {doc.date.vietnamese()}" if doc.date else name


def signing_date(date: PartialDate) -> str:
    """'ngày 13/09/2024', or 'tháng 09/2024' / 'năm 2024' when the document left the day blank."""
    return f"ngày {date.vietnamese()}" if date.is_full else date.vietnamese()


def from_date(date: PartialDate) -> str:
    """Since when something holds: 'từ ngày 04/11/2024', or 'từ tháng 12/2024' / 'từ năm
    2024' when the data gives no day (the first day it covers is no date the data gives)."""
    return f"từ {signing_date(date)}"


def document_reference(portal: Portal, doc: Document, *, short_issuer: bool = False) -> str:
    """'Quyết định số 140/QĐ-PGDĐT ngày 13/09/2024 của Phòng Giáo dục và Đào tạo ...': the
    name, the date, the issuer (its short name with `short_issuer`); each part when known."""
    parts = [document_name(doc)]
    if doc.date:
        parts.append(signing_date(doc.date))
    issuer = portal.offices.get(doc.issuer or "")
    if issuer:
        parts.append(f"của {issuer.short_name if short_issuer else issuer.name}")
    return " ".join(parts)


# The heading of an official sheet: the issuer on the left, the nation on the right.
NATIONAL_HEADING = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


# Where a local body's name names its place: the levels of local government (Nghị định
# 30/2020/NĐ-CP, Phụ lục I, Mục II.2: the governing body's name carries the province, district
# or commune where the issuer sits).
_PLACE_ABOVE = re.compile(r"\b(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|xã|phường) ", re.IGNORECASE)


def issuer_heading(portal: Portal, office_id: str) -> tuple[str, ...]:
    """The issuer's lines at the top left of a decision, in capitals: the office above it
    (when the data names one), then the office itself, without the place the line above
    already says: 'ỦY BAN NHÂN DÂN HUYỆN CỦ CHI' over 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', as a
    Phòng's letterhead reads (Nghị định 30/2020/NĐ-CP, Phụ lục I). A People's Committee
    heads its own letterhead ('ỦY BAN NHÂN DÂN TỈNH BẮC GIANG', nothing above it)."""
    office = portal.offices.get(office_id)
    if office is None:
        return ()
    parent = portal.offices.get(office.parent or "")
    if parent is None or office.kind in vocab.GOVERNING_KINDS:
        return (office.name.upper(),)
    return parent.name.upper(), _without_place(office.name, parent.name).upper()


def _without_place(name: str, above: str) -> str:
    """`name` without the place it ends with when `above` ends with the same place, with or
    without its level ('Phòng Giáo dục và Đào tạo huyện Củ Chi' under 'Ủy ban nhân dân huyện
    Củ Chi'; 'Sở Giáo dục và Đào tạo Hà Nội', its legal name, under 'Ủy ban nhân dân thành
    phố Hà Nội'), else `name` as it is."""
    above = normalize(above)
    found = _PLACE_ABOVE.search(above)
    if found is None:
        return name
    words = name.split()
    level_and_place = above[found.start():].split()
    for place in (level_and_place, above[found.end():].split()):
        ending = [normalize(word).casefold() for word in words[-len(place):]]
        if place and len(words) > len(place) and ending == [word.casefold() for word in place]:
            return " ".join(words[:-len(place)])
    return name


# A list that comes with a decision is its annex ("danh sách kèm theo", its Điều 1 says); a
# guidance or a plan names its groups in its own text. A list copied from another document
# than the decision that set the body up is attached to neither.
ANNEXING_KINDS = frozenset({"quyet-dinh"})


def list_origin(portal: Portal, body: Body, day: datetime.date | None = None) -> str:
    """The line under a DANH SÁCH's title, naming the document the list is in on `day`
    (default: the latest list; terms.list_in_force: `Body.list_document`, the page's "Danh
    sách theo", or the decision that replaced it, and the one it replaced) and the later
    ones rows of it come from (terms.later_documents): '(Kèm theo Quyết định số
    215/QĐ-PGDĐT ngày ... của ...; sửa đổi, bổ sung theo Quyết định số 301/QĐ-PGDĐT ngày
    ...)', '(Kèm theo Quyết định số 260/QĐ-PGDĐT ngày ... của ...; thay thế Quyết định số
    215/QĐ-PGDĐT ngày ...)', '(Theo Hướng dẫn số 1671/HD-PGDĐT-THCS ngày ... của ...)'; ''
    when the data holds no such document. A replacement of a replacement names the chain
    back to the list's own document (`replaced_chain`)."""
    current = terms.list_in_force(portal, body, day)
    doc = portal.documents.get(current.document)
    if doc is None:
        return ""
    # A replacing decision re-issues the list as its own annex.
    own = current.replaced is not None or body.list_document == body.decision
    parts = [f"{'Kèm theo' if own and doc.kind in ANNEXING_KINDS else 'Theo'} {document_reference(portal, doc)}"]
    replaced = replaced_chain(portal, terms.list_replacements(portal, body, day))
    if replaced:
        parts.append(replaced)
    later = [portal.documents[d] for d in terms.later_documents(portal, body, day) if d in portal.documents]
    if later:
        parts.append("sửa đổi, bổ sung theo " + ", ".join(dated_name(d) for d in later))
    return f"({'; '.join(parts)})"


def replaced_chain(portal: Portal, chain: Sequence[ListInForce]) -> str:
    """What a list's replacing decision replaced (`chain`: terms.list_replacements, the first
    first), and what that one replaced in its turn, back to the list's own document, each
    with its signing date as on the paper: 'thay thế Quyết định số 15/QĐ-PGDĐT ngày
    03/02/2025, Quyết định số 9/QĐ-PGDĐT ngày 01/11/2024 và Quyết định số 1/QĐ-PGDĐT ngày
    13/09/2024'; '' for no replacement. A reader holding any of the earlier papers finds it.
    The page's "Danh sách theo" names the same documents in the same words, with links."""
    replaced = replaced_documents(portal, chain)
    return f"{relation_name('thay-the')} {series([dated_name(doc) for doc in replaced])}" if replaced else ""


def replaced_documents(portal: Portal, chain: Sequence[ListInForce]) -> tuple[Document, ...]:
    """The documents `chain` (terms.list_replacements) replaced, the latest first: the one
    the list's document in force replaced, then back to the list's own."""
    return tuple(doc for link in reversed(chain) if (doc := portal.documents.get(link.replaced or "")) is not None)


def series_separator(index: int, count: int) -> str:
    """What goes before the `index`-th (from 0) of `count` names read in a row: nothing before
    the first, ' và ' before the last, ', ' otherwise."""
    return "" if index == 0 else " và " if index == count - 1 else ", "


def series(names: Sequence[str]) -> str:
    """'A', 'A và B', 'A, B và C'."""
    return "".join(series_separator(i, len(names)) + name for i, name in enumerate(names))


def dated_name(doc: Document) -> str:
    """'Quyết định số 260/QĐ-PGDĐT ngày 04/11/2024': the name and, when known, the date."""
    return " ".join([document_name(doc), *([signing_date(doc.date)] if doc.date else [])])


def row_documents(portal: Portal, source: RowSource, removed_by: Document | None) -> str:
    """The exports' "Theo văn bản" cell: the document a row comes from, those that replaced it
    while the row was in the list (`row_held_by`), and the decision that took the member off
    the list when one did: 'Quyết định số 215/QĐ-PGDĐT; thay thế bởi Quyết định số
    260/QĐ-PGDĐT từ ngày 04/11/2024; thôi theo Quyết định số 301/QĐ-PGDĐT'."""
    doc = portal.documents.get(source.document)
    parts = [document_name(doc) if doc else "", row_held_by(portal, source),
             f"thôi theo {document_name(removed_by)}" if removed_by else ""]
    return "; ".join(part for part in parts if part)


def replaces(replaced: Document, since: PartialDate | None) -> str:
    """What a replacing decision's feed entry says: 'Thay thế Quyết định số 215/QĐ-PGDĐT ngày
    10/09/2024 từ ngày 04/11/2024' (the day as precise as the data dates it)."""
    return " ".join([f"{relation_name('thay-the').capitalize()} {dated_name(replaced)}",
                     *([from_date(since)] if since else [])])


def no_longer_in_force(portal: Portal, doc: Document) -> str:
    """A replaced document's mark, on its page and in the lists of documents: 'hết hiệu lực từ
    ngày 04/11/2024' (from the replacing one's first day, as precise as the data dates it;
    Portal.replaced_by), 'hết hiệu lực' when the data dates it by nothing; '' for a document
    no other replaces."""
    by = portal.replaced_by.get(doc.id)
    if by is None or by.document not in portal.documents:
        return ""
    return " ".join(["hết hiệu lực", *([from_date(by.start)] if by.start else [])])


def row_held_by(portal: Portal, source: RowSource) -> str:
    """After the document a row comes from, those that replaced it while the row was in the
    list, each from when: 'thay thế bởi Quyết định số 260/QĐ-PGDĐT từ ngày 04/11/2024, Quyết
    định số 301/QĐ-PGDĐT từ ngày 15/01/2025'; '' when none did."""
    held = [" ".join([document_name(portal.documents[link.document]), *([from_date(link.since)] if link.since else [])])
            for link in source.held_by if link.document in portal.documents]
    return f"{relation_name('thay-the')} bởi {', '.join(held)}" if held else ""


# Originals and where a row comes from


def file_size(size: int) -> str:
    """A file's size as the document page gives it: '35 KB', '1,2 MB' (a decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def original_label(original: Original) -> str:
    """'Bản gốc đã ký (PDF, 1,2 MB)' for a scan or a PDF, 'Bản điện tử (Word, 35 KB)' otherwise."""
    kind = "Bản gốc đã ký" if original.format in vocab.SIGNED_FORMATS else "Bản điện tử"
    details = [vocab.ORIGINAL_FORMATS.get(original.format, original.format.upper())]
    if original.size is not None:
        details.append(file_size(original.size))
    if original.pages is not None:
        details.append(f"{original.pages} trang")
    return f"{kind} ({', '.join(details)})"


def page_citation(page: int) -> str:
    """The page of the original a row or a duty is copied from: 'tr. 3'."""
    return f"tr. {page}"


# Changes to a list during the year (portal.terms): what an amending decision did, and since
# when a leader leads.


def member_mention(portal: Portal, member: Membership | None) -> str:
    """A member as a sentence names them: 'ông Võ Văn Khoa' (the honorific the document
    prints), a name alone when it prints none, a school's name."""
    if member is None:
        return ""
    if member.person is None:
        return unit_name(portal, member.school)
    person = portal.people.get(member.person)
    if person is None:
        return member.person
    return f"{person.honorific.lower()} {person.name}" if person.honorific else person.name


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def amendment_event(portal: Portal, event: Event) -> str:
    """One thing an amending decision did: 'Bà Phạm Thị Lan thay ông Võ Văn Khoa làm Nhóm trưởng'."""
    who = member_mention(portal, event.member)
    role = role_as_read(event.member)
    if event.kind == "replaced":
        return _sentence(f"{who} thay {member_mention(portal, event.previous)} làm {role}")
    if event.kind == "role" and event.previous is not None:
        return _sentence(f"{who} chuyển từ {role_as_read(event.previous)} sang {role}")
    if event.kind == "removed":
        return _sentence(f"{who} thôi tham gia ({role})")
    return f"Bổ sung {who} ({role})"


def term_period(term: Term) -> str:
    """When a term was in force, as far as amendments bound it: 'từ 04/11/2024',
    'đến 03/11/2024', 'từ ... đến ...'; 'cả năm học' for a term of the list as first signed
    that no amendment ended."""
    parts = []
    if term.start is not None:
        parts.append(f"từ {term.start.vietnamese()}")
    if term.until is not None:
        parts.append(f"đến {term.until.vietnamese()}")
    return " ".join(parts) or "cả năm học"


def leader_since(portal: Portal, member: Membership, start: PartialDate, replaced: Membership | None) -> str:
    """A leader who took office during the year (`member`'s row, from `start`, in the place
    of `replaced`): 'Nhóm trưởng từ 04/11/2024, thay ông Võ Văn Khoa' (view.LeaderSince)."""
    text = f"{role_as_read(member)} từ {start.vietnamese()}"
    if replaced is not None:
        text += f", thay {member_mention(portal, replaced)}"
    return text


# A plan's activities


def activity_title(activity: Activity) -> str:
    """'Bước 2. Tổ chức ...': the step's number before the title, unless the title, as
    printed, starts with it already ('Bước 1: Sở GDĐT ...')."""
    if activity.step is None or _STEP_PREFIX.match(fold(activity.title)):
        return activity.title
    return f"Bước {activity.step}. {activity.title}"


_STEP_PREFIX = re.compile(r"buoc\s*\d")


def activity_time(activity: Activity) -> str:
    """When an activity takes place: 'hạn 20/12/2024', 'tháng 09/2024 – tháng 01/2025', one
    date when both ends of a period are the same ('tháng 07/2020'), '' when undated."""
    if activity.due:
        return f"hạn {date_text(activity.due)}"
    if not activity.start:
        return ""
    start, end = date_text(activity.start), date_text(activity.end)
    return start if not end or end == start else f"{start} – {end}"
