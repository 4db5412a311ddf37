"""The links a page holds to other generated pages, written in Python for the templates.

A roster or a school's year page holds hundreds of links to people, schools and bodies.
As Jinja macros (each call a new frame, its arguments and output wrapped and escaped
again) they were most of a province's rendering time. The templates call the same names
(`url`, `link_to`, `person_link`, `school_link`, `body_link`, `member_name`), which the
renderer passes with each page's variables; they give the bytes the macros gave:
`<a href="ADDRESS">TEXT</a>`, address and text escaped as Jinja's autoescape does.

Which page a name leads to is still portal.links' decision. What does not depend on the
page (a target's site-relative address, a person's or a unit's link) is worked out once
per renderer and kept: a Renderer serves one `Pages`, whose data do not change.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Protocol
from urllib.parse import quote

from markupsafe import Markup, escape

from .dates import SchoolYear
from .links import Link, Links
from .pages import Pages
from .urls import relative

# What a link's target is known by: its URL shape's name and its placeholders' values.
TargetKey = tuple[str, tuple[tuple[str, Any], ...]]
# A link's escaped address (site-relative) and escaped text; None: nothing to link.
Anchor = tuple[str, str] | None


class _Body(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


class _Member(Protocol):
    @property
    def person(self) -> str | None: ...

    @property
    def school(self) -> str | None: ...


class LinkCache:
    """For one renderer: each target's address, and each person's or unit's link, once."""

    def __init__(self, pages: Pages, links: Links) -> None:
        self.pages = pages
        self.links = links
        self._addresses: dict[TargetKey, str] = {}
        self._anchors: dict[Hashable, Anchor] = {}
        self.blocks: dict[tuple[Hashable, str], Markup] = {}  # PageLinks.once

    def address(self, name: str, parts: dict[str, Any]) -> str:
        """The site-relative address of page `name` with `parts`, each part percent-encoded
        (no value can turn a link into another scheme), not escaped."""
        key = (name, tuple(parts.items()))
        found = self._addresses.get(key)
        if found is None:
            quoted = {k: quote(str(v), safe="") for k, v in parts.items()}
            found = self._addresses[key] = self.pages.url(name, **quoted)
        return found

    def anchor(self, key: Hashable, find: Callable[[], Link | None]) -> Anchor:
        """The escaped address and text of the link `find` gives, kept under `key`."""
        if key in self._anchors:
            return self._anchors[key]
        link = find()
        found = None if link is None else (str(escape(self.address(link.page, dict(link.parts)))),
                                           str(escape(link.text)))
        self._anchors[key] = found
        return found


class PageLinks:
    """The link builders of one page: addresses relative to `page_url`."""

    def __init__(self, cache: LinkCache, page_url: str) -> None:
        self.cache = cache
        self.page_url = page_url
        self.up = "../" * page_url.count("/")  # to the site's root (urls.relative)

    def variables(self) -> dict[str, Callable[..., Any]]:
        """What the templates call, by the names they call them."""
        return {"url": self.url, "link_to": self.link_to, "person_link": self.person_link,
                "school_link": self.school_link, "body_link": self.body_link, "member_name": self.member_name,
                "once": self.once}

    def once(self, key: Hashable, caller: Callable[[], Markup]) -> Markup:
        """`{% call once(key) %}...{% endcall %}`: a block that many pages hold alike (an
        office's subject leaders on each of its school pages) rendered once per `key` and
        depth. The block may read only what `key` names, and links: a link depends on the
        page's depth only (urls.relative)."""
        found = self.cache.blocks.get((key, self.up))
        if found is None:
            found = self.cache.blocks[(key, self.up)] = caller()
        return found

    def url(self, name: str, **parts: Any) -> str:
        return relative(self.cache.address(name, parts), self.page_url)

    def _a(self, address: str, text: str) -> Markup:
        """An anchor from its escaped site-relative address and escaped text ("../" and
        "./" need no escaping, so the relative address is escaped too)."""
        return Markup(f'<a href="{self.up + address or "./"}">{text}</a>')

    def _anchor(self, found: Anchor) -> Markup:
        return Markup("") if found is None else self._a(*found)

    def link_to(self, link: Link) -> Markup:
        """A portal.links.Link: where a name held as an id leads."""
        return self._a(str(escape(self.cache.address(link.page, dict(link.parts)))), str(escape(link.text)))

    def person_link(self, person_id: str | None) -> Markup:
        links = self.cache.links
        return self._anchor(self.cache.anchor(("person", person_id), lambda: links.person(person_id)))

    def school_link(self, school_id: str | None, year: SchoolYear | None = None) -> Markup:
        """A school (its page for `year` when it has one) or an office."""
        links = self.cache.links
        return self._anchor(self.cache.anchor(("unit", school_id, year), lambda: links.unit(school_id, year)))

    def body_link(self, body: _Body, year: SchoolYear) -> Markup:
        address = self.cache.address("body", {"body": body.id, "year": year})
        return self._a(str(escape(address)), str(escape(body.name)))

    def member_name(self, member: _Member, year: SchoolYear) -> Markup:
        """A list's name: the person's link, else the member school's."""
        return self.person_link(member.person) if member.person else self.school_link(member.school, year)
