"""School years from 1945-1946 to 2099-2100: the extremes build, anything beyond is refused.

Before the bounds, `school_year: 9998-9999` with an activity in 9999 crashed the calendar
(OverflowError) and `0000-0001` crashed the pages (year 0 is out of range), after the
checker had passed both.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from conftest import Dataset
from portal import calendar, exports, feed
from portal.dates import SchoolYear
from portal.diff import diff_years
from portal.load import load_or_raise
from portal.pages import Pages
from portal.render import Renderer

SITE = "https://example.org/portal/"


def year_at(dataset: Dataset, base: dict[str, Any], label: str, first: str, last: str) -> None:
    """Office A's year `label` like `base`, its documents and plan on the first and last days it allows."""
    year = copy.deepcopy(base)
    start = label[:4]
    year["school_year"] = label
    for document in year["documents"]:
        document["id"] = document["id"].replace("2024", start)
        document["date"] = first
        document["activities"] = [
            {"title": "Họp đầu năm", "start": first[:7], "end": last[:7], "bodies": ["a-to"]},
            {"title": "Báo cáo cuối năm", "due": last},
            {"title": "Cả năm học", "start": first[:4], "end": last[:4]},
        ]
    for body in year["bodies"]:
        body["decision"] = body["decision"].replace("2024", start)
    dataset.files[f"years/{label}/pgddt-a.yml"] = year


def test_the_first_and_last_school_years_build_pages_exports_calendar_and_feed(dataset: Dataset) -> None:
    base = dataset.files.pop("years/2024-2025/pgddt-a.yml")
    year_at(dataset, base, "1945-1946", "1945-06-01", "1946-09-30")
    year_at(dataset, base, "2099-2100", "2099-06-01", "2100-09-30")
    portal, warnings = load_or_raise(dataset.write(), dataset.root)
    assert warnings == []
    pages = Pages(portal)
    renderer = Renderer(pages)
    rendered = {spec.url: renderer.render(spec) for spec in pages.all()}
    assert "nam-hoc/1945-1946/" in rendered and "nam-hoc/2099-2100/" in rendered
    files = {**exports.export_files(portal, pages.urls), **calendar.calendar_files(portal, pages.urls, SITE),
             **feed.feed_files(portal, pages.urls, SITE)}
    ics = b"".join(content for path, content in files.items() if path.endswith(".ics")).decode()
    assert "DTSTART;VALUE=DATE:19450601" in ics and "DTEND;VALUE=DATE:21001001" in ics
    diff = diff_years(portal, "pgddt-a", SchoolYear(1945), SchoolYear(2099))
    assert diff.unchanged_members == 3


@pytest.mark.parametrize(("label", "fault"), [
    ("9998-9999", "năm học 9998-9999 nằm ngoài khoảng dữ liệu nhận (từ 1945-1946 đến 2099-2100)."),
    ("0000-0001", "năm học 0000-0001 nằm ngoài khoảng dữ liệu nhận (từ 1945-1946 đến 2099-2100)."),
    ("1944-1945", "năm học 1944-1945 nằm ngoài khoảng dữ liệu nhận (từ 1945-1946 đến 2099-2100)."),
    ("2100-2101", "năm học 2100-2101 nằm ngoài khoảng dữ liệu nhận (từ 1945-1946 đến 2099-2100)."),
    ("2024-2026", "năm học 2024-2026 không phải hai năm liền nhau."),
    ("２０２４-２０２５", "'２０２４-２０２５' không phải năm học viết dạng YYYY-YYYY."),  # full-width digits
])
def test_a_school_year_out_of_range_is_refused(dataset: Dataset, label: str, fault: str) -> None:
    dataset.year["school_year"] = label
    (problem,) = dataset.problems()
    assert (problem.path, problem.message) == ("school_year", f"năm học không đúng: {fault}")


@pytest.mark.parametrize(("field", "value", "fault"), [
    ("start", "9999-01", "năm 9999 nằm ngoài khoảng dữ liệu nhận (từ 1945 đến 2100)."),
    ("end", "0001", "năm 0001 nằm ngoài khoảng dữ liệu nhận (từ 1945 đến 2100)."),
    ("due", "1944-12-31", "năm 1944 nằm ngoài khoảng dữ liệu nhận (từ 1945 đến 2100)."),
    ("due", "2101-01-01", "năm 2101 nằm ngoài khoảng dữ liệu nhận (từ 1945 đến 2100)."),
])
def test_a_date_out_of_range_is_refused_before_any_computation(dataset: Dataset, field: str, value: str,
                                                               fault: str) -> None:
    dataset.year["documents"][0]["activities"] = [{"title": "Họp", field: value}]
    (problem,) = dataset.problems()
    assert (problem.path, problem.message) == (f"documents[0].activities[0].{field}", f"ngày không đúng: {fault}")
