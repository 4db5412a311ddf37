"""A roster page prints as the official DANH SÁCH; the charts are readable without sight."""

from __future__ import annotations

import re
from pathlib import Path

from browser_util import chromium, require_chromium, serve


def test_charts_are_inline_svg_with_a_title_and_a_text_description(repo_site: Path) -> None:
    page = (repo_site / "to-chuc/dbp-to-cot-can-thcs-gv/2024-2025/index.html").read_text(encoding="utf-8")
    charts = re.findall(r'<svg role="img" aria-labelledby="([^"]+)"', page)
    assert len(charts) == 2
    description = re.search(r'<desc id="[^"]+">([^<]+)</desc>', page)
    assert description and "Toán: 9" in description.group(1) and "Ngữ văn: 9" in description.group(1)
    assert "THCS Him Lam: 7" in page


def test_printing_a_roster_shows_the_official_list_only(repo_site: Path) -> None:
    require_chromium()
    with serve(repo_site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + "to-chuc/dbp-to-cot-can-thcs-gv/2024-2025/")
        page.emulate_media(media="print")
        visible = page.evaluate("""() => [...document.querySelectorAll(
            '.md-header, .md-sidebar, .portal-chart, .portal-facts, .portal-print-heading, .portal-roster, '
            + '.portal-role-col')].map(e => [e.className.baseVal ?? e.className, getComputedStyle(e).display])""")
        shown = {name.split()[0]: display != "none" for name, display in visible}
        assert shown["portal-print-only"] is True  # the "DANH SÁCH" heading
        assert shown["portal-roster"] is True
        assert not any(shown[name] for name in ("md-header", "md-sidebar", "portal-chart", "portal-facts"))
        assert shown["portal-role-col"] is True  # the role says who leads (tests/test_print.py)
        heading = page.inner_text(".portal-print-title")
        assert heading.splitlines()[0] == "DANH SÁCH"
        headers = page.evaluate("""() => [...document.querySelectorAll('.portal-roster th')]
            .filter(e => getComputedStyle(e).display !== 'none').map(e => e.innerText)""")
        assert headers == ["STT", "Họ và tên", "Vai trò", "Chức vụ - Đơn vị công tác", "Môn", "Ghi chú"]
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
