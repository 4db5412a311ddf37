"""A school year in a heading keeps on one line (portal/headings.py); the text is unchanged."""

from __future__ import annotations

import re
from pathlib import Path

from test_interface_language import one_page_per_kind

from portal.headings import NOWRAP_CLASS, keep_years_together
from portal.model import Portal

SPAN = f'<span class="{NOWRAP_CLASS}">'


def test_each_year_of_a_heading_is_wrapped_and_nothing_else() -> None:
    html = ('<h1 id="cum-02-2024-2025">Cụm 02 <small>năm học 2024-2025</small></h1><p>Năm học 2024-2025</p>'
            '<H2 class="x">Năm học <a href="/nam-hoc/2023-2024/">2023-2024</a></H2>'
            "<h3>Thay đổi 2023-2024 → 2024–2025</h3><h4>Số 12345-67890, 2024</h4><header>2024-2025</header>")
    out = keep_years_together(html)
    assert out.count(SPAN) == 4
    assert f"<small>năm học {SPAN}2024-2025</span></small>" in out and "<p>Năm học 2024-2025</p>" in out
    assert 'href="/nam-hoc/2023-2024/"' in out and 'id="cum-02-2024-2025"' in out  # attributes untouched
    assert f"{SPAN}2024–2025</span>" in out and "12345-67890" in out and "<header>2024-2025</header>" in out
    assert re.sub(r"<[^>]+>", "", out) == re.sub(r"<[^>]+>", "", html)  # the same text
    assert keep_years_together("<h1>Đơn vị</h1>") == "<h1>Đơn vị</h1>"


def test_the_built_pages_keep_their_years_together(repo_site: Path, repo_portal: Portal) -> None:
    """Every page kind whose headings hold a year has them wrapped, none left bare."""
    wrapped = set()
    for kind, page in one_page_per_kind(repo_site, repo_portal):
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        for heading in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", article, re.S):
            bare = re.sub(re.escape(SPAN) + r"\d{4}-\d{4}</span>", "", heading[1])
            assert not re.search(r"(?<![\d/-])\d{4}-\d{4}(?![\d/-])", re.sub(r"<[^>]+>", "", bare)), (kind, heading)
            if SPAN in heading[1]:
                wrapped.add(kind)
    assert {"body.html", "school_year.html", "year.html", "diff.html"} <= wrapped
