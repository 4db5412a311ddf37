"""What portal.pages builds once per build: the calendar events of each office-year."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from portal import calendar
from portal.dates import SchoolYear
from portal.model import OfficeYear, Portal
from portal.pages import Pages
from portal.render import Renderer
from portal.urls import UrlFormats


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
