"""What portal.pages builds once per build: a typed context per page (read by its template
and by the search summary), and the calendar events of each office-year."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest

from conftest import REPO
from portal import calendar
from portal.contexts import DocumentPage, PersonPage
from portal.dates import SchoolYear
from portal.model import OfficeYear, Portal
from portal.pages import Pages, PageSpec
from portal.render import Renderer
from portal.urls import UrlFormats
from portal_mkdocs import search

TEMPLATES = REPO / "plugins" / "portal" / "templates"


def test_calendar_events_are_computed_once_per_office_year(repo_portal: Portal,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    computed: Counter[tuple[SchoolYear, str]] = Counter()
    compute = calendar.office_year_events

    def counting(portal: Portal, oy: OfficeYear, urls: UrlFormats | None = None) -> list[calendar.Event]:
        computed[(oy.school_year, oy.office)] += 1
        return compute(portal, oy, urls)

    monkeypatch.setattr(calendar, "office_year_events", counting)
    pages = Pages(repo_portal)
    renderer = Renderer(pages)
    linked: set[str] = set()
    for spec in pages.all():
        html = renderer.render(spec)
        if spec.template == "year.html":
            linked |= {spec.url + name for name in re.findall(r'href="([a-z0-9-]+\.ics)"', html)}
    files = calendar.calendar_files(repo_portal, pages.urls, "https://so.example.vn/", pages.calendar_events)
    assert computed and set(computed.values()) == {1}
    assert len(computed) == len(repo_portal.office_years)
    # The year pages link exactly the calendars the build writes, and they are the same
    # bytes as when calendar_files works the events out on its own.
    assert linked == set(files) and len(files) >= 3
    monkeypatch.undo()
    assert files == calendar.calendar_files(repo_portal, pages.urls, "https://so.example.vn/")


# The search summary reads the typed context


def _context(pages: Pages, url: str) -> PageSpec:
    return next(spec for spec in pages.all() if spec.url == url)


def test_search_summaries_come_from_the_contexts(repo_portal: Portal) -> None:
    pages = Pages(repo_portal)
    cluster = _context(pages, "to-chuc/cc-cum-02/2024-2025/")
    assert search.search_data(cluster).summary == (
        "Cụm chuyên môn · Phòng GDĐT huyện Củ Chi · năm học 2024-2025 · Cụm trưởng: Nguyễn Văn Quý")
    school = _context(pages, "truong/dbp-thcs-him-lam/2024-2025/")
    assert search.search_data(school).summary == (
        "Trung học cơ sở · Phòng GDĐT TP Điện Biên Phủ · năm học 2024-2025")
    guide = _context(pages, "van-ban/cc-2024-hd-1671/")
    assert isinstance(guide.context, DocumentPage) and guide.context.doc.date is not None
    assert search.search_data(guide).summary == (
        f"{guide.context.doc.title} · Phòng GDĐT huyện Củ Chi · {guide.context.doc.date.vietnamese()}")
    cited = _context(pages, "van-ban/bgddt-tt-16/")  # cited only: no date
    assert search.search_data(cited).summary.endswith(" · Bộ GDĐT")
    # A page whose context has no summary of its own: its filters in a line.
    year = _context(pages, "nam-hoc/2024-2025/")
    assert year.context.summary() is None and search.search_data(year).summary == "2024-2025"


def test_a_person_summary_names_three_roles_then_counts(repo_portal: Portal) -> None:
    pages = Pages(repo_portal)
    leader = _context(pages, "nguoi/dbp-le-thi-hong/")
    assert isinstance(leader.context, PersonPage)
    assert search.search_data(leader).summary == (
        "Tổ trưởng Tổ cốt cán Cán bộ quản lí (2024-2025, Phòng GDĐT TP Điện Biên Phủ); "
        "Tổ trưởng Tổ giáo viên cốt cán THCS cấp thành phố (2024-2025, Phòng GDĐT TP Điện Biên Phủ); ký 1 văn bản")
    busy = dataclasses.replace(leader.context, seats=leader.context.seats * 3, signed=())
    assert busy.summary().count("(2024-2025") == 3 and busy.summary().endswith("; và 3 vai trò khác")
    deputy = _context(pages, "nguoi/cc-nguyen-thanh-dien/")  # printed "Phó Cục trưởng": as the document wrote it
    assert search.search_data(deputy).summary.startswith("Phó Cục trưởng Cụm 02 (2024-2025")
