"""A role printed with a slip ("Phó Cục trưởng" for Phó Cụm trưởng) reads the same wherever
the public meets it: with the standard title beside it (wording.role_as_read). The places
are not listed here: every page the templates render, every search summary and every list
export is read, so that the next place to show a role is covered too."""

from __future__ import annotations

import io
import re

import openpyxl

from portal import exports, feed, wording
from portal.model import Portal
from portal.pages import Pages
from portal.render import Renderer

SLIP = "Phó Cục trưởng"


def _bare(text: str, as_read: str) -> list[str]:
    """Each place in `text` where the slip stands without its note, with what surrounds it."""
    return [text[max(0, m.start() - 60):m.end() + 60] for m in re.finditer(re.escape(SLIP), text)
            if not text.startswith(as_read, m.start())]


def _without_full_text(html: str) -> str:
    """A document page without its full text, which quotes the document as printed."""
    return re.sub(r"<h2>Toàn văn</h2>.*?(?=<h2|$)", "", html, flags=re.DOTALL)


def test_a_role_printed_with_a_slip_is_never_shown_bare(repo_portal: Portal) -> None:
    deputy = next(m for b in repo_portal.bodies.values() for m in b.members if m.role_text == SLIP)
    as_read = f"{SLIP} ({wording.role_as_printed_note(deputy)})"
    assert as_read == "Phó Cục trưởng (tức Phó Cụm trưởng; văn bản ghi như vậy)"
    pages = Pages(repo_portal)
    renderer = Renderer(pages)
    found: dict[str, list[str]] = {}
    shown = set()
    for spec in pages.all():
        html = _without_full_text(renderer.render(spec))
        for where, text in ((spec.url, html), (f"{spec.url} (tóm tắt)", spec.context.summary() or "")):
            if SLIP in text:
                shown.add(spec.template)
                found[where] = _bare(text, as_read)
    # The roster, the body's facts, the person's table and timeline, the school's staff.
    assert {"body.html", "person.html", "school_year.html"} <= shown
    for path, data in exports.export_files(repo_portal).items():
        text = ""
        if path.endswith(".csv"):
            text = data.decode("utf-8-sig")
        elif path.endswith(".xlsx"):
            sheet = openpyxl.load_workbook(io.BytesIO(data)).active
            assert sheet is not None
            text = "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
        if SLIP in text:
            shown.add(path.rsplit(".", 1)[1])
            found[path] = _bare(text, as_read)
    found["atom.xml"] = _bare(feed.feed_bytes(repo_portal, None, "").decode("utf-8"), as_read)
    # The Ghi chú of a leader's row says the role.
    assert {"csv", "xlsx"} <= shown
    assert {where: bare for where, bare in found.items() if bare} == {}
