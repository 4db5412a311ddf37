"""The public pages on a phone, in a browser (issue 15, parts 2 and 5): a school's jump list
to its group leaders, rosters as stacked rows that stay a table, deadlines marked by the
reader's date (the clock fixed by the test), a role printed with a slip, full texts.

One build of the repository (the default, public one), served on 127.0.0.1, in Debian's
chromium at 360 x 740 CSS px.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_util import build_site, chromium, require_chromium, serve

from conftest import REPO
from portal import text, wording
from portal.contexts import SchoolYearPage
from portal.load import load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.sample import without_sample

PHONE = {"width": 360, "height": 740}
SCHOOL = "truong/dbp-thcs-him-lam/2024-2025/"  # 15 subject groups
PLAN_SCHOOL = "truong/cc-thcs-nhuan-duc/2024-2025/"  # a cluster and a group with deadlines
CLUSTER = "to-chuc/cc-cum-02/2024-2025/"  # deputies printed "Phó Cục trưởng"
BIG_GROUP = "to-chuc/dbp-to-cot-can-thcs-gv/2024-2025/"


@pytest.fixture(scope="module")
def portal() -> Portal:
    model, _ = load_or_raise(REPO / "data", REPO)
    return without_sample(model)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    require_chromium()
    folder = tmp_path_factory.mktemp("phones") / "site"
    with serve(folder) as base:
        build_site(folder, site_url=base, sample_data=False)
        yield folder, base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with chromium() as browser:
        yield browser


def _phone(browser: Any, url: str, clock: str = "2024-11-15T09:00:00+07:00") -> tuple[Any, Any]:
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.clock.set_fixed_time(clock)
    page.goto(url)
    return context, page


def test_a_teacher_taps_their_subject_and_sees_their_group_leader(browser: Any, site: tuple[Path, str],
                                                                   portal: Portal) -> None:
    context_of = {s.url: s.context for s in Pages(portal).school_pages()}
    school = context_of[SCHOOL]
    assert isinstance(school, SchoolYearPage)
    toan = next(e for e in school.subject_leaders if e.subject and e.subject.id == "toan")
    leader = portal.people[toan.heads[0].person or ""].name
    context, page = _phone(browser, site[1] + SCHOOL)
    try:
        jump = page.locator(".portal-jump a")
        labels = jump.all_inner_texts()
        # Every subject of the table, once, in the Vietnamese order of their names.
        assert sorted(labels, key=text.collation_key) == labels
        assert set(labels) == {e.subject.name for e in school.subject_leaders if e.subject}
        assert jump.first.bounding_box()["y"] < 2 * PHONE["height"], "the jump list is not near the top"
        # Toán is near the bottom of the table; one tap brings its row, with the leader, on screen.
        row = page.locator(f"#{toan.anchor}")
        assert row.bounding_box()["y"] > 2 * PHONE["height"]
        page.locator(".portal-jump a", has_text=re.compile("^Toán$")).click()
        page.wait_for_function("""(id) => {
            const top = document.getElementById(id).getBoundingClientRect().top;
            return location.hash === '#' + id && top >= 0 && top < innerHeight; }""", arg=toan.anchor, timeout=5_000)
        box = row.bounding_box()
        assert box and 0 <= box["y"] < PHONE["height"], box
        assert leader in row.inner_text() and "Toán" in row.inner_text()
    finally:
        context.close()


def test_rosters_are_cards_on_a_phone_and_still_a_table(browser: Any, site: tuple[Path, str]) -> None:
    context, page = _phone(browser, site[1] + BIG_GROUP)
    try:
        table = page.locator("table.portal-roster")
        # It fits: no sideways scrolling, the "Chức vụ - Đơn vị công tác" of every row on screen.
        region = page.locator(".portal-roster-region")
        widths = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
        assert widths[0] <= widths[1] + 1, widths
        posts = page.locator('table.portal-roster td[data-label="Chức vụ - Đơn vị công tác"]')
        assert posts.count() > 20
        for box in (posts.nth(i).bounding_box() for i in range(posts.count())):
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, box
        # Each cell is labelled on screen with its column's name (CSS, not read twice).
        label = posts.first.evaluate("el => getComputedStyle(el, '::before').content")
        assert "Chức vụ - Đơn vị công tác" in label
        display = page.evaluate("getComputedStyle(document.querySelector('table.portal-roster tr')).display")
        assert display == "block"  # a card
        # For a screen reader it is the same table: rows, column headers and cells.
        tree = table.aria_snapshot()
        assert tree.startswith("- table")
        for role in ('- columnheader "Họ và tên"', '- columnheader "Chức vụ - Đơn vị công tác"', "- row", "- cell"):
            assert role in tree, role
    finally:
        context.close()


def test_person_pages_show_position_and_unit_on_a_phone(browser: Any, site: tuple[Path, str]) -> None:
    context, page = _phone(browser, site[1] + "nguoi/dbp-ha-thi-lien/")
    try:
        cell = page.locator('td[data-label="Chức vụ - Đơn vị công tác"]').first
        box = cell.bounding_box()
        assert box and box["x"] + box["width"] <= PHONE["width"] + 1 and cell.inner_text().strip()
    finally:
        context.close()


def _deadlines(page: Any) -> list[dict[str, Any]]:
    return page.evaluate("""() => [...document.querySelectorAll('[data-due]')].map(el => ({
        due: el.dataset.due, past: el.classList.contains('portal-due--past'),
        upcoming: el.classList.contains('portal-due--upcoming'),
        label: [...el.querySelectorAll('.portal-due-label')].filter(l => !l.hidden)
                 .map(l => l.textContent).join('')}))""")


@pytest.mark.parametrize("today", ["2024-11-15", "2024-12-20", "2025-01-02", "2025-08-01"])
def test_deadlines_are_marked_by_the_readers_date(browser: Any, site: tuple[Path, str], today: str) -> None:
    context, page = _phone(browser, site[1] + PLAN_SCHOOL, clock=f"{today}T08:00:00+07:00")
    try:
        marks = _deadlines(page)
        assert len(marks) >= 2
        for mark in marks:
            past = mark["due"] < today  # a deadline falling today is still ahead
            assert (mark["past"], mark["upcoming"]) == (past, not past), mark
            assert mark["label"] == ("(đã qua)" if past else "(sắp tới)"), mark
        upcoming = sorted(m["due"] for m in marks if m["due"] >= today)
        line = page.locator(".portal-next-deadline")
        if upcoming:
            assert line.is_visible()
            year, month, day = upcoming[0].split("-")
            assert f"{day}/{month}/{year}" in line.inner_text()
            # The line sits near the top, above the first plan.
            assert line.bounding_box()["y"] < page.locator(".portal-plan").first.bounding_box()["y"]
            line.locator("a").click()
            target = page.locator(f'[data-due="{upcoming[0]}"]').first.get_attribute("id")
            assert page.evaluate("location.hash") == f"#{target}"
        else:
            assert not line.is_visible()
    finally:
        context.close()


def test_the_build_marks_no_deadline_itself(site: tuple[Path, str]) -> None:
    """No date of the build in the output: the marks come from the reader's browser."""
    html = (site[0] / PLAN_SCHOOL / "index.html").read_text(encoding="utf-8")
    assert 'data-due="2024-12-20"' in html
    assert "portal-due--" not in html and '<p class="portal-next-deadline" hidden>' in html
    assert html.count('class="portal-due-label portal-due-label--past" hidden') == html.count("data-due=")


def test_a_role_printed_with_a_slip_shows_the_standard_title(browser: Any, site: tuple[Path, str]) -> None:
    context, page = _phone(browser, site[1] + CLUSTER)
    try:
        cells = page.locator('table.portal-roster td[data-label="Vai trò"]').all_inner_texts()
        slips = [c for c in cells if c.startswith("Phó Cục trưởng")]
        assert len(slips) == 2
        assert all("tức Phó Cụm trưởng; văn bản ghi như vậy" in c for c in slips)
        assert not any("tức" in c for c in cells if c.startswith("Cụm trưởng"))
    finally:
        context.close()


def test_full_texts_and_glitches(browser: Any, site: tuple[Path, str], portal: Portal) -> None:
    context, page = _phone(browser, site[1] + "van-ban/dbp-2024-qd-to-cot-can-thcs/")
    try:
        # Tab-separated tables of the full text are tables, with their header row.
        tables = page.locator(".portal-fulltext table")
        assert tables.count() >= 3
        first = tables.first
        assert first.locator("th").all_inner_texts()[:2] == ["STT", "Họ và tên"]
        assert "Cao Thị Đại" in first.locator("tbody tr").first.inner_text()
        assert not any("Cao Thị Đại" in t for t in page.locator(".portal-fulltext__text").all_inner_texts())
        # Legal basis 3 cites two circulars: both linked.
        basis = page.locator("h2:has-text('Căn cứ') + ol > li").nth(2)
        links = basis.locator("a").all_inner_texts()
        assert links == ["Thông tư 14/2018/TT-BGDĐT", "Thông tư 20/2018/TT-BGDĐT"]
    finally:
        context.close()
    context, page = _phone(browser, site[1] + "van-ban/kg-2020-kh-1308/")
    try:
        body = " ".join(page.locator("article").inner_text().split())
        assert "Bước 1: Sở GDĐT" in body and "Bước 1. Bước 1" not in body
        assert not re.search(r"(tháng \d\d/\d{4}) – \1", body)
        assert "tháng 07/2020" in body
    finally:
        context.close()
    context, page = _phone(browser, site[1] + "van-ban/tdm-2015-quy-che-to-mang-luoi/")
    try:
        regulation = portal.documents["tdm-2015-quy-che-to-mang-luoi"]
        assert page.locator("h1").inner_text() == wording.document_heading(regulation) != "Quy chế"
        assert page.title().startswith(regulation.title)
    finally:
        context.close()
