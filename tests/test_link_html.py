"""The link builders written in Python (portal.link_html) give the bytes the Jinja macros gave.

The macros below are the ones the templates used before (they cost most of a province's
rendering); each builder is compared with them for every person, unit and body of the
repository's data, from pages at the root and deeper, and for hostile names and ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import jinja2
import pytest

from portal.dates import SchoolYear
from portal.link_html import PageLinks
from portal.links import Link, Links
from portal.model import Portal
from portal.pages import Pages
from portal.render import Renderer
from portal.urls import relative

# The macros as the templates had them, with the filters they used.
MACROS = """
{% macro link_to(link) -%}
<a href="{{ url(link.page, **link.parts) }}">{{ link.text }}</a>
{%- endmacro %}
{% macro person_link(person_id) -%}
{% set link = person_id | person_page %}{% if link %}{{ link_to(link) }}{% endif %}
{%- endmacro %}
{% macro school_link(school_id, year=None) -%}
{% set link = school_id | unit_page(year) %}{% if link %}{{ link_to(link) }}{% endif %}
{%- endmacro %}
{% macro body_link(body, year) -%}
<a href="{{ url('body', body=body.id, year=year) }}">{{ body.name }}</a>
{%- endmacro %}
{% macro member_name(m, year) -%}
{% if m.person %}{{ person_link(m.person) }}{% else %}{{ school_link(m.school, year) }}{% endif %}
{%- endmacro %}
"""
PAGE_URLS = ["", "nam-hoc/", "to-chuc/x/2024-2025/", "thay-doi/to-chuc/x/2023-2024-den-2024-2025/"]
HOSTILE = ['<script>alert(1)</script>', 'a&b "c" \'d\'', "Đặng Vân Thùy", "../../x", "javascript:alert(1)", ""]


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class Member:
    person: str | None
    school: str | None


class Reference:
    """The macros, rendered for one page as the templates rendered them."""

    def __init__(self, pages: Pages, page_url: str) -> None:
        links = Links(pages.view)
        env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                                 lstrip_blocks=True)
        env.filters.update(person_page=links.person, unit_page=links.unit)

        def url(name: str, **parts: object) -> str:
            quoted = {key: quote(str(value), safe="") for key, value in parts.items()}
            return relative(pages.url(name, **quoted), page_url)

        self.module = env.from_string(MACROS).make_module({"url": url})

    def call(self, name: str, *args: object) -> str:
        return str(getattr(self.module, name)(*args))


@pytest.mark.parametrize("page_url", PAGE_URLS)
def test_every_link_is_the_macros_bytes(repo_portal: Portal, page_url: str) -> None:
    pages = Pages(repo_portal)
    ours = PageLinks(Renderer(pages).link_cache, page_url)
    theirs = Reference(pages, page_url)
    years = [None, *pages.view.years]
    units = [*repo_portal.schools, *repo_portal.offices, "khong-co", None, ""]
    for person in [*repo_portal.people, "khong-co", None]:
        assert str(ours.person_link(person)) == theirs.call("person_link", person)
        member = Member(person, None)
        for year in years[:3]:
            assert str(ours.member_name(member, year)) == theirs.call("member_name", member, year)
    for unit in units:
        for year in years:
            assert str(ours.school_link(unit, year)) == theirs.call("school_link", unit, year)
            member = Member(None, unit)
            assert str(ours.member_name(member, year)) == theirs.call("member_name", member, year)
    assert len(repo_portal.bodies) > 50
    for (year, _), body in sorted(repo_portal.bodies.items(), key=lambda item: (item[0][0].start, item[0][1])):
        assert str(ours.body_link(body, year)) == theirs.call("body_link", body, year)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_and_ids_are_escaped_as_the_macros_did(repo_portal: Portal, text: str) -> None:
    pages = Pages(repo_portal)
    year = SchoolYear(2024)
    for page_url in PAGE_URLS:
        ours, theirs = PageLinks(Renderer(pages).link_cache, page_url), Reference(pages, page_url)
        body = Named(text, text)
        assert str(ours.body_link(body, year)) == theirs.call("body_link", body, year)
        link = Link(text, "person", {"person": text})
        assert str(ours.link_to(link)) == theirs.call("link_to", link)
        assert "<script" not in str(ours.link_to(link)) and "javascript:" not in str(ours.url("person", person=text))
        assert str(ours.school_link(text, year)) == theirs.call("school_link", text, year)


def test_a_block_rendered_once_is_the_bytes_of_each_page_that_holds_it(
        repo_portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    """`once` (a block alike on many pages, rendered once per key and depth) gives every
    page of every template that uses it the bytes of rendering the block on that page."""
    pages = Pages(repo_portal)
    remembering = Renderer(pages)
    loader = remembering.env.loader
    assert loader is not None
    specs = [spec for spec in pages.all() if "once(" in loader.get_source(remembering.env, spec.template)[0]]
    assert len(specs) > 20
    asked: list[object] = []
    once = PageLinks.once
    monkeypatch.setattr(PageLinks, "once", lambda self, key, caller: asked.append(key) or once(self, key, caller))
    kept = [remembering.render(spec) for spec in specs]
    assert 0 < len(remembering.link_cache.blocks) < len(asked) / 2  # most blocks were not rendered again
    monkeypatch.setattr(PageLinks, "once", lambda self, key, caller: caller())
    forgetting = Renderer(pages)
    assert kept == [forgetting.render(spec) for spec in specs]
    assert not forgetting.link_cache.blocks
