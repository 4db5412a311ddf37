"""An Atom feed (RFC 4287) of the documents the offices publish, newest first.

Each entry links to the document's page; a replacing decision's entry says which document it
replaces from which day, an amending decision's what it
changed in each list, from which day, and the lists it set up (and carries the category
"Điều chỉnh danh sách"). Dates come from the documents (a partial date stands for its
first day), so the feed changes only when the data does: `updated` is the newest
document's date, never the time of the build. Entry ids are URNs derived from the
document ids, so they stay the same if the site moves.

The texts come from the model, redacted when it was loaded; ElementTree escapes markup,
and every text and attribute passes `sanitize.xml_chars`, so the feed stays well-formed
whatever the data holds (U+FFFE in a title once made it unreadable).
"""

from __future__ import annotations

import datetime
import uuid
import xml.etree.ElementTree as ET
from collections import defaultdict

from . import terms, wording
from .model import Body, Document, Portal
from .sanitize import xml_chars
from .terms import Step
from .urls import UrlFormats, relative

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "atom.xml"
FEED_TITLE = "Văn bản mới — Cổng thông tin tổ cốt cán"
FEED_AUTHOR = "Cổng thông tin tổ cốt cán"
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://portal-cot-can.invalid/")
_TZ = "+07:00"  # the offices' dates are Vietnamese calendar days


def feed_path(urls: UrlFormats | None = None) -> str:
    """Where the feed lives: next to the archive of documents (`van-ban/atom.xml`)."""
    return (urls or UrlFormats()).archive + FEED_FILE


def published_documents(portal: Portal) -> list[Document]:
    """Documents from the offices' year files (not those only cited), newest first; ties by id."""
    docs = [d for d in portal.documents.values() if d.school_year is not None]
    return sorted(docs, key=lambda d: (_day(d), d.id), reverse=True)


def _day(doc: Document) -> datetime.date:
    if doc.date:
        return doc.date.first_day
    assert doc.school_year is not None
    return doc.school_year.window[0]


def _timestamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00{_TZ}"


def entry_id(doc: Document) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'van-ban/' + doc.id)}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {key: xml_chars(value) for key, value in attrib.items()})
    if text is not None:
        element.text = xml_chars(text)
    return element


def _title(doc: Document) -> str:
    return f"{wording.document_citation(doc)}: {doc.title}"


# The category of an entry whose decision changed a list during the year (an amendment).
AMENDING_TERM = "dieu-chinh-danh-sach"
AMENDING_LABEL = "Điều chỉnh danh sách"


def amendments_by_document(portal: Portal) -> dict[str, list[tuple[Body, Step]]]:
    """What each amending decision did, list by list (portal.terms), in the data's order."""
    found: dict[str, list[tuple[Body, Step]]] = defaultdict(list)
    for body in portal.bodies.values():
        for step in terms.history(body).steps:
            found[step.amendment.decision].append((body, step))
    return found


def _summary(portal: Portal, doc: Document, amends: list[tuple[Body, Step]]) -> str:
    """The document's reference and title; the documents it replaces, from when; for an
    amending decision, what it changed in each list."""
    text = wording.document_reference(portal, doc)
    if doc.school_year:
        text += f", năm học {doc.school_year}"
    lines = [f"{text}. {doc.title}"]
    for replaced_id, by in sorted(portal.replaced_by.items()):
        replaced = portal.documents.get(replaced_id)
        if by.document == doc.id and replaced is not None:
            lines.append(f"{wording.replaces(replaced, by.start)}.")
    for body, step in amends:
        events = "; ".join(wording.amendment_event(portal, event) for event in step.events)
        lines.append(f"Từ ngày {step.amendment.start.vietnamese()}, {body.name}: {events}.")
    set_up = [b.name for b in portal.bodies.values() if b.decision == doc.id] if amends else []
    if set_up:
        lines.append(f"Thành lập: {'; '.join(set_up)}.")
    if len(lines) > 1 and not lines[0].endswith((".", "!", "?", "…")):
        # A reader shows the lines as one paragraph: the title ends its sentence.
        lines[0] += "."
    return "\n".join(lines)


def feed_bytes(portal: Portal, urls: UrlFormats | None, site_url: str) -> bytes:
    """The feed as UTF-8 XML. Links are absolute under `site_url`; with an empty
    `site_url` they are relative to the feed's own location."""
    urls = urls or UrlFormats()
    here = feed_path(urls)
    base = site_url.rstrip("/") + "/" if site_url else ""

    folder = here.rsplit("/", 1)[0] + "/" if "/" in here else ""

    def href(target: str) -> str:
        return base + target if base else relative(target, folder)

    def href_file(target: str) -> str:
        return base + target if base else target.rsplit("/", 1)[-1]

    docs = published_documents(portal)
    amendments = amendments_by_document(portal)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'feed/van-ban')}")
    _sub(feed, "title", FEED_TITLE)
    _sub(feed, "updated", _timestamp(max((_day(d) for d in docs), default=datetime.date(2000, 1, 1))))
    author = _sub(feed, "author")
    _sub(author, "name", FEED_AUTHOR)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=href_file(here))
    _sub(feed, "link", rel="alternate", type="text/html", href=href(urls.archive))
    _sub(feed, "generator", "portal-cot-can")
    for doc in docs:
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(doc))
        _sub(entry, "title", _title(doc))
        _sub(entry, "updated", _timestamp(_day(doc)))
        _sub(entry, "published", _timestamp(_day(doc)))
        issuer = portal.offices.get(doc.issuer or "")
        entry_author = _sub(entry, "author")
        _sub(entry_author, "name", issuer.name if issuer else FEED_AUTHOR)
        _sub(entry, "link", rel="alternate", type="text/html", href=href(urls.document.format(document=doc.id)))
        _sub(entry, "category", term=doc.kind, label=wording.document_kind_name(doc.kind))
        if amendments.get(doc.id):
            _sub(entry, "category", term=AMENDING_TERM, label=AMENDING_LABEL)
        _sub(entry, "summary", _summary(portal, doc, amendments.get(doc.id, [])), type="text")
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def feed_files(portal: Portal, urls: UrlFormats | None, site_url: str) -> dict[str, bytes]:
    return {feed_path(urls): feed_bytes(portal, urls, site_url)}
