"""iCalendar (RFC 5545) files of each school year's plan, one per office.

Every activity with a deadline (`due`) becomes an all-day event on that day; every
activity with a period (`start`/`end`) becomes an all-day event over the period, a
partial date standing for all its days (2023-09 to 2024-01: 1 September 2023 up to and
including 31 January 2024). Teachers subscribe to the file in their calendar app.

Hand-written, no dependency: text escaped (backslash, semicolon, comma, newline),
control characters removed (`sanitize.xml_chars`), lines folded at 75 octets, CRLF.
Deterministic: UIDs come from the document id and the activity's place in it, DTSTAMP
from the document's date, never from the clock. The texts come from the model, redacted
when it was loaded.

The events of every office-year are computed once (`plan_events`): the pages ask which
office-years have a calendar to link, the build writes the files from the same events.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from . import wording
from .dates import PartialDate, SchoolYear
from .model import Activity, Document, OfficeYear, Portal
from .sanitize import xml_chars
from .urls import UrlFormats

PRODID = "-//portal-cot-can//Ke hoach nam hoc//VI"
UID_DOMAIN = "portal-cot-can"
TIMEZONE = "Asia/Ho_Chi_Minh"
_FOLD_AT = 75  # octets per line, CRLF not counted (RFC 5545, 3.1)
_TOKENS = re.compile(r"\\.|.", re.DOTALL)
_URI_CHARACTERS = ":/?#[]@!$&'()*+,;=%~"  # reserved in a URI (RFC 3986), kept as they are


@dataclass(frozen=True)
class Event:
    uid: str
    start: datetime.date
    end: datetime.date  # exclusive: the day after the last day
    summary: str
    description: str
    stamp: datetime.date
    # The document's page, site-relative; the file makes it absolute under the site's URL.
    page: str | None = None
    categories: str | None = None


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and newline escaped,
    and no control character (RFC 5545 allows none in a value but the tab)."""
    text = xml_chars(text.replace("\r\n", "\n").replace("\r", "\n"))
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def fold_line(line: str) -> str:
    """One content line folded so that no physical line exceeds 75 octets, never inside a
    UTF-8 sequence; continuation lines start with a space. Lines joined with CRLF."""
    parts: list[str] = []
    current = ""
    size = 0
    limit = _FOLD_AT
    for char in _TOKENS.findall(line):  # an escape such as "\\n" is never split
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, _FOLD_AT - 1  # the leading space takes one octet
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _date(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def _stamp(day: datetime.date) -> str:
    return day.strftime("%Y%m%dT000000Z")


def _span(start: PartialDate | None, end: PartialDate | None) -> tuple[datetime.date, datetime.date]:
    first = (start or end)
    last = (end or start)
    assert first is not None and last is not None
    return first.first_day, last.last_day + datetime.timedelta(days=1)


def _description(portal: Portal, doc: Document, act: Activity, year: SchoolYear) -> str:
    lines = []
    if act.details:
        lines.append(act.details)
    if act.due:
        lines.append(f"Hạn: {act.due.vietnamese()}")
    if act.start or act.end:
        first, last = act.start or act.end, act.end or act.start
        assert first is not None and last is not None
        lines.append(f"Thời gian: {first.vietnamese()} đến {last.vietnamese()}")
    if act.frequency:
        lines.append(f"Tần suất: {act.frequency}")
    if act.responsible:
        lines.append(f"Thực hiện: {act.responsible}")
    bodies = [portal.bodies[(year, b)].name for b in act.bodies if (year, b) in portal.bodies]
    if bodies:
        lines.append("Áp dụng cho: " + ", ".join(bodies))
    schools = [wording.school_name(portal.schools[s], year) for s in act.schools if s in portal.schools]
    if schools:
        lines.append("Trường: " + ", ".join(schools))
    lines.append(f"Theo {wording.document_reference(portal, doc, short_issuer=True)}: {doc.title}")
    return "\n".join(lines)


def activity_events(portal: Portal, doc: Document, year: SchoolYear, page: str | None = None) -> Iterator[Event]:
    """The events of one document's dated activities, in the order of the document."""
    stamp = doc.date.first_day if doc.date else year.window[0]
    for index, act in enumerate(doc.activities, start=1):
        uid = f"{doc.id}-{index}@{UID_DOMAIN}"
        description = _description(portal, doc, act, year)
        if act.start or act.end:
            first, after = _span(act.start, act.end)
            yield Event(uid, first, after, act.title, description, stamp, page, "Kế hoạch")
        if act.due:
            # A deadline given as a month or a year falls on its last day.
            day = act.due.last_day if not act.due.is_full else act.due.first_day
            due_uid = uid if not (act.start or act.end) else f"{doc.id}-{index}-han@{UID_DOMAIN}"
            yield Event(due_uid, day, day + datetime.timedelta(days=1), f"Hạn: {act.title}", description,
                        stamp, page, "Hạn báo cáo")


def _event_lines(event: Event, site_url: str | None) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{_stamp(event.stamp)}",
        f"DTSTART;VALUE=DATE:{_date(event.start)}",
        f"DTEND;VALUE=DATE:{_date(event.end)}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.description)}",
    ]
    if event.categories:
        lines.append(f"CATEGORIES:{escape_text(event.categories)}")
    if event.page is not None and site_url:
        url = site_url.rstrip("/") + "/" + event.page
        lines.append(f"URL:{quote(url, safe=_URI_CHARACTERS)}")  # a URI value: no space, no break
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def office_year_events(portal: Portal, oy: OfficeYear, urls: UrlFormats | None = None) -> list[Event]:
    """The events of the plans in one office's year file, in the order of its documents."""
    urls = urls or UrlFormats()
    events: list[Event] = []
    for doc_id in oy.documents:
        doc = portal.documents.get(doc_id)
        if doc is None:
            continue
        events.extend(activity_events(portal, doc, oy.school_year, urls.document.format(document=doc.id)))
    return events


def plan_events(portal: Portal, urls: UrlFormats | None = None) -> dict[OfficeYear, list[Event]]:
    """The events of each office-year that has at least one: those that get a calendar."""
    found = {oy: office_year_events(portal, oy, urls) for oy in portal.office_years}
    return {oy: events for oy, events in found.items() if events}


def calendar_bytes(portal: Portal, oy: OfficeYear, events: list[Event], site_url: str | None = None) -> bytes:
    """One office's plan for one school year as a VCALENDAR (UTF-8, CRLF, folded); events
    link to their document's page when the site's URL is known."""
    office = portal.offices.get(oy.office)
    name = f"Kế hoạch năm học {oy.school_year} — {office.short_name if office else oy.office}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TIMEZONE}",
    ]
    for event in events:
        lines += _event_lines(event, site_url)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines).encode("utf-8")


def calendar_path(oy: OfficeYear, urls: UrlFormats | None = None) -> str:
    """Where an office's calendar for a year lives: next to the year's page."""
    return (urls or UrlFormats()).year.format(year=oy.school_year.label) + f"{oy.office}.ics"


def calendar_files(portal: Portal, urls: UrlFormats | None = None, site_url: str | None = None,
                   events: dict[OfficeYear, list[Event]] | None = None) -> dict[str, bytes]:
    """Site-relative path -> content: `nam-hoc/<year>/<office>.ics` for each office and
    year whose documents have at least one dated activity. `events` are plan_events(portal,
    urls) when the caller has them already (Pages.calendar_events)."""
    if events is None:
        events = plan_events(portal, urls)
    files = {calendar_path(oy, urls): calendar_bytes(portal, oy, found, site_url) for oy, found in events.items()}
    return dict(sorted(files.items()))
