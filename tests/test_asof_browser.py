"""The control of a list on any day (portal-asof.js), in a browser, with the clock fixed.

The sample office's Nhóm Toán 2024-2025 changed on 4/11/2024 (Quyết định 260: Phạm Thị Lan
replaces Võ Văn Khoa as its leader). The page is built once (the build reads no clock); the
script shows the list on the reader's day, which each test fixes with Playwright's clock, in
Vietnam's time zone, so that no test depends on the day it runs.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_util import build_site, chromium, require_chromium, serve

from portal import terms, wording
from portal.model import Portal

GROUP = "to-chuc/mau-to-cot-can-toan/2024-2025/"
TEAM = "to-chuc/mau-to-cot-can/2024-2025/"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with the sample office, served at its site_url (instant navigation on)."""
    require_chromium()
    site_dir = tmp_path_factory.mktemp("asof") / "site"
    with serve(site_dir) as url:
        build_site(site_dir, site_url=url)
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with chromium() as browser:
        yield browser


def _open(browser: Any, base_url: str, today: str | None, path: str = GROUP, *,
          javascript: bool = True) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN",
                                  timezone_id="Asia/Ho_Chi_Minh", java_script_enabled=javascript)
    context.route(re.compile(r"^(?!" + re.escape(base_url) + ")"), lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if today is not None:
        page.clock.set_fixed_time(f"{today}T09:30:00+07:00")
    page.goto(base_url + path)
    return context, page, errors


def _names(page: Any) -> list[str]:
    """The names in the rows of the list a reader sees."""
    rows = page.locator("table.portal-roster tbody tr")
    return [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count()) if rows.nth(i).is_visible()]


def test_before_the_amendment_the_page_shows_the_list_as_first_signed(browser: Any, base_url: str) -> None:
    context, page, errors = _open(browser, base_url, "2024-10-01")
    control = page.locator("[data-portal-asof]")
    assert control.is_visible()
    assert page.locator("#portal-asof-mau-to-cot-can-toan").input_value() == "2024-10-01"
    assert _names(page) == ["Võ Văn Khoa", "Đỗ Thị Mỹ Duyên", "Châu Văn Lợi", "Huỳnh Ngọc Ánh"]
    assert page.locator(".portal-asof-status").inner_text() == "Danh sách ngày 01/10/2024: 4 thành viên."
    # "Danh sách hiện hành theo Quyết định 260 ..." does not hold yet on that day.
    assert not page.locator("[data-portal-asof-latest]").is_visible()
    context.close()
    assert errors == []


def test_after_the_school_year_the_page_shows_its_last_list(browser: Any, base_url: str) -> None:
    context, page, errors = _open(browser, base_url, "2026-01-15")
    # The reader's day is kept within the school year: its last day.
    assert page.locator("#portal-asof-mau-to-cot-can-toan").input_value() == "2025-09-30"
    assert _names(page) == ["Phạm Thị Lan", "Đỗ Thị Mỹ Duyên", "Châu Văn Lợi", "Huỳnh Ngọc Ánh"]
    assert page.locator("[data-portal-asof-latest]").inner_text() == (
        "Danh sách hiện hành theo Quyết định số 260/QĐ-PGDĐT, từ ngày 04/11/2024.")
    context.close()
    assert errors == []


def test_any_day_chosen_in_the_control(browser: Any, base_url: str) -> None:
    context, page, errors = _open(browser, base_url, "2024-12-20")
    day = page.get_by_label("Xem danh sách ngày")
    status = page.locator(".portal-asof-status")
    assert _names(page)[0] == "Phạm Thị Lan"
    day.fill("2024-11-03")  # the eve of the amendment: the leader it replaced
    assert _names(page)[0] == "Võ Văn Khoa"
    assert status.inner_text() == "Danh sách ngày 03/11/2024: 4 thành viên."
    day.fill("2024-11-04")
    assert _names(page)[0] == "Phạm Thị Lan" and "Võ Văn Khoa" not in _names(page)
    day.fill("2024-09-09")  # before the founding decision (10/9/2024): no list in force
    assert _names(page) == []
    assert status.inner_text() == "Ngày 09/09/2024 chưa có danh sách nào có hiệu lực."
    context.close()
    assert errors == []


def test_a_list_printed_for_an_earlier_day_names_that_day(browser: Any, base_url: str) -> None:
    context, page, errors = _open(browser, base_url, "2024-12-20")
    page.get_by_label("Xem danh sách ngày").fill("2024-10-01")
    page.emulate_media(media="print")
    heading = page.locator(".portal-print-heading")
    assert heading.is_visible()
    assert "Danh sách ngày 01/10/2024" in heading.inner_text()
    assert _names(page)[0] == "Võ Văn Khoa"  # the rows printed are that day's
    # and the document they were in that day: Quyết định 215, before 260 replaced it.
    origin = page.locator(".portal-print-origin")
    assert [origin.nth(i).inner_text() for i in range(origin.count()) if origin.nth(i).is_visible()] == [
        "(Kèm theo Quyết định số 215/QĐ-PGDĐT ngày 10/09/2024 của Phòng Giáo dục và Đào tạo huyện Mẫu "
        "(dữ liệu mẫu))"]
    page.emulate_media(media="screen")
    page.get_by_label("Xem danh sách ngày").fill("2024-11-04")
    page.emulate_media(media="print")
    assert [origin.nth(i).inner_text() for i in range(origin.count()) if origin.nth(i).is_visible()] == [
        "(Kèm theo Quyết định số 260/QĐ-PGDĐT ngày 04/11/2024 của Phòng Giáo dục và Đào tạo huyện Mẫu "
        "(dữ liệu mẫu); thay thế Quyết định số 215/QĐ-PGDĐT ngày 10/09/2024)"]
    # The screen shows it in the status line, not twice.
    page.emulate_media(media="screen")
    assert not page.locator(".portal-asof-printed").is_visible()
    context.close()
    assert errors == []


def test_a_list_replaced_but_never_amended_printed_for_a_day_before(browser: Any, base_url: str,
                                                                     repo_portal: Portal) -> None:
    """A list whose decision another replaced, though no amendment touched it (the sample's
    Nhóm Ngữ văn: Quyết định 260 re-issues it as it was): the page offers it on any day, and
    printed for the eve of the replacement it names the replaced decision."""
    p = repo_portal
    replaced = sorted((b for b in p.bodies.values() if b.office == "pgddt-mau"
                       and terms.list_replacements(p, b) and not terms.amended(p.list_bodies(b))), key=lambda b: b.id)
    assert replaced
    body = replaced[0]
    link = terms.list_replacements(p, body)[0]
    assert link.since_day is not None and link.replaced is not None
    eve = link.since_day - datetime.timedelta(days=1)
    context, page, errors = _open(browser, base_url, eve.isoformat(), f"to-chuc/{body.id}/{body.school_year}/")
    assert page.locator("[data-portal-asof]").is_visible()
    assert page.get_by_label("Xem danh sách ngày").input_value() == eve.isoformat()
    page.emulate_media(media="print")
    origin = page.locator(".portal-print-origin")
    shown = [origin.nth(i).inner_text() for i in range(origin.count()) if origin.nth(i).is_visible()]
    assert shown == [wording.list_origin(p, body, eve)]
    assert wording.document_reference(p, p.documents[link.replaced]) in shown[0]
    assert p.documents[link.document].number not in shown[0]
    context.close()
    assert errors == []


def _list_source(page: Any) -> list[str]:
    """The "Danh sách theo" a reader sees: its lines."""
    dds = page.locator("dt:text-is('Danh sách theo') ~ dd.portal-list-source")
    return [dds.nth(i).inner_text() for i in range(dds.count()) if dds.nth(i).is_visible()]


def test_the_list_source_follows_the_day_chosen(browser: Any, base_url: str, repo_portal: Portal) -> None:
    """"Danh sách theo" of each sample list another decision replaced names, on a day before
    the replacement, the replaced decision (as the printed line does), and from its day the
    replacing one and what it replaced; without the script, the latest."""
    p = repo_portal
    replaced = [b for b in p.bodies.values() if b.office == "pgddt-mau" and terms.replaced_in_year(p, b)]
    assert {"mau-to-cot-can", "mau-to-cot-can-ngu-van"} <= {b.id for b in replaced}
    for body in sorted(replaced, key=lambda b: b.id):
        (link,) = terms.list_replacements(p, body)
        assert link.since_day is not None and link.replaced is not None
        old, new = p.documents[link.replaced], p.documents[link.document]
        eve = link.since_day - datetime.timedelta(days=1)
        path = f"to-chuc/{body.id}/{body.school_year}/"
        context, page, errors = _open(browser, base_url, eve.isoformat(), path)
        (shown,) = _list_source(page)
        assert shown.startswith(wording.dated_name(old) + ": ") and new.number not in shown, body.id
        page.get_by_label("Xem danh sách ngày").fill(link.since_day.isoformat())
        chain = wording.replaced_chain(p, terms.list_replacements(p, body))
        assert _list_source(page)[0].startswith(wording.dated_name(new) + ": ")
        assert _list_source(page)[1:] == [chain[0].upper() + chain[1:]], body.id
        # A day before the list's first (typed below the control's least): no list, nor any
        # document it is said to come from, on the page or on paper (review F); the letterhead
        # is the office's, kept.
        control = page.get_by_label("Xem danh sách ngày")
        first = datetime.date.fromisoformat(control.get_attribute("min"))
        control.fill((first - datetime.timedelta(days=1)).isoformat())
        assert _list_source(page) == [], body.id
        assert page.locator(".portal-print-origin:not([hidden])").count() == 0
        context.close()
        assert errors == []
        context, page, _ = _open(browser, base_url, None, path, javascript=False)
        assert _list_source(page)[1:] == [chain[0].upper() + chain[1:]], body.id
        context.close()


def test_the_team_list_follows_its_groups_and_a_group_set_up_later(browser: Any, base_url: str) -> None:
    """The team's list holds its subject groups' rows: the Tin học group, set up by Quyết định
    260 on 4/11/2024, is not there before."""
    context, page, errors = _open(browser, base_url, "2024-10-01", TEAM)
    before = _names(page)
    assert "Võ Văn Khoa" in before and "Trịnh Minh Khôi" not in before and "Phạm Thị Lan" not in before
    page.get_by_label("Xem danh sách ngày").fill("2024-11-04")
    after = _names(page)
    assert {"Phạm Thị Lan", "Trịnh Minh Khôi", "Quách Thị Bích Ngọc"} <= set(after)
    assert "Võ Văn Khoa" not in after and len(after) == len(before) + 2
    context.close()
    assert errors == []


def test_after_instant_navigation_the_control_works(browser: Any, base_url: str) -> None:
    """Material swaps the page without loading the scripts again: the control is set up anew."""
    context, page, errors = _open(browser, base_url, "2024-10-01", "nam-hoc/2024-2025/")
    page.locator(f"a[href$='{GROUP}']").first.click()
    page.wait_for_url(base_url + GROUP)
    page.locator(".portal-asof-status").wait_for()
    assert page.locator(".portal-asof-status").inner_text() == "Danh sách ngày 01/10/2024: 4 thành viên."
    assert _names(page)[0] == "Võ Văn Khoa"
    context.close()
    assert errors == []


def test_without_javascript_the_latest_list_and_no_control(browser: Any, base_url: str) -> None:
    context, page, _ = _open(browser, base_url, None, javascript=False)
    assert not page.locator("[data-portal-asof]").is_visible()
    assert _names(page) == ["Phạm Thị Lan", "Đỗ Thị Mỹ Duyên", "Châu Văn Lợi", "Huỳnh Ngọc Ánh"]
    assert page.locator(".portal-history").inner_text().strip().endswith(
        "Bà Phạm Thị Lan thay ông Võ Văn Khoa làm Nhóm trưởng.")
    context.close()
