"""What portal.pages builds once per build: a typed context per page (read by its template
and by the search summary), and the calendar events of each office-year."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest
from jinja2 import meta

from conftest import REPO
from portal import calendar
from portal.contexts import DocumentPage, HomePage, PageContext, PersonPage
from portal.dates import SchoolYear
from portal.link_html import PageLinks
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


# One typed context per page kind


def _templates() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob("*.html"))}


def test_every_page_kind_has_a_frozen_context_of_its_own(repo_portal: Portal) -> None:
    """Derived from the templates: a page kind added next month is held to it too."""
    kinds: dict[str, set[type[PageContext]]] = {}
    for spec in Pages(repo_portal).all():
        assert isinstance(spec.context, PageContext) and dataclasses.is_dataclass(spec.context), spec.url
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(spec.context, dataclasses.fields(spec.context)[0].name, None)
        kinds.setdefault(spec.template, set()).add(type(spec.context))
    page_templates = {name for name in _templates() if not name.startswith("_")}
    assert set(kinds) == page_templates  # the repository's data (and sample) has every kind of page
    assert all(len(types) == 1 for types in kinds.values()), kinds
    assert len(set().union(*kinds.values())) == len(kinds)  # one type per kind


def test_templates_read_their_context_and_nothing_else(repo_portal: Portal) -> None:
    """No template reaches the whole data (the globals `portal`, `view`, `pages` are gone):
    each reads the fields of its context, and each field is read."""
    pages = Pages(repo_portal)
    env = Renderer(pages).env
    assert not {"portal", "view", "pages", "fields"} & set(env.globals)
    contexts = {spec.template: type(spec.context) for spec in pages.all()}
    builders = set(PageLinks(Renderer(pages).link_cache, "").variables())
    for name, source in _templates().items():
        read = meta.find_undeclared_variables(env.parse(source)) - builders  # url, person_link...: link_html.py
        if name.startswith("_"):  # macros: what they need comes in as arguments
            assert read == set(), (name, read)
            continue
        own = {field.name for field in dataclasses.fields(contexts[name])}
        assert read == own, (name, "not in the context:", read - own, "never read:", own - read)


def test_the_home_page_holds_each_school_under_its_latest_year(repo_portal: Portal) -> None:
    """The home page once filtered every school per office in its template: its context
    now holds the groups, each school once."""
    home = next(spec.context for spec in Pages(repo_portal).all() if isinstance(spec.context, HomePage))
    listed = [school.id for group in home.groups for school in group.schools]
    assert len(listed) == len(set(listed)) and len(listed) > 50
    assert {group.office.id for group in home.groups} >= {"pgddt-cu-chi", "pgddt-dau-tieng", "pgddt-dien-bien-phu"}


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
        "Tổ trưởng Tổ cốt cán Cán bộ quản lí (Trưởng Phòng Giáo dục - Đào tạo; 2024-2025, Phòng GDĐT TP Điện Biên "
        "Phủ); Tổ trưởng Tổ giáo viên cốt cán THCS cấp thành phố (Trưởng Phòng Giáo dục - Đào tạo; 2024-2025, Phòng "
        "GDĐT TP Điện Biên Phủ); ký 1 văn bản")
    busy = dataclasses.replace(leader.context, entries=leader.context.entries * 3, signed=())
    assert busy.summary().count("; 2024-2025, ") == 3 and busy.summary().endswith("; và 3 vai trò khác")
    deputy = _context(pages, "nguoi/cc-nguyen-thanh-dien/")  # printed "Phó Cục trưởng": as the document wrote it
    assert search.search_data(deputy).summary.startswith(
        "Phó Cục trưởng (tức Phó Cụm trưởng; văn bản ghi như vậy) Cụm 02 (")


def test_a_renamed_school_is_named_as_it_was_in_each_year(repo_portal: Portal) -> None:
    """The hostile review: THCS Phước An, renamed THCS Lê Quý Đôn from 15/8/2024, was called
    by its new name on its 2023-2024 page and in that year's lists, which the diff did not."""
    pages = Pages(repo_portal)
    renderer = Renderer(pages)
    old, new = "THCS Phước An (dữ liệu mẫu)", "THCS Lê Quý Đôn (dữ liệu mẫu)"
    school_then = _context(pages, "truong/mau-thcs-phuoc-an/2023-2024/")
    assert school_then.title == f"{old} — năm học 2023-2024"
    page = renderer.render(school_then)
    assert f"<h1>{old} <small>" in page and f"Nay là {new}." in page
    school_now = _context(pages, "truong/mau-thcs-phuoc-an/2024-2025/")
    assert school_now.title == f"{new} — năm học 2024-2025"
    assert "Nay là" not in renderer.render(school_now)
    group_then = renderer.render(_context(pages, "to-chuc/mau-to-cot-can-ngu-van/2023-2024/"))
    assert old in group_then and new not in group_then
    assert new in renderer.render(_context(pages, "to-chuc/mau-to-cot-can-ngu-van/2024-2025/"))
