"""The theme's page chrome, rendered once per kind of generated page and filled per page.

Material's main.html costs milliseconds a page, and for generated pages out of the nav (a
person, a body, a school...) it prints the same header, navigation, footer and scripts:
only the page's title, its edit link and the segments of its URL past the first differ.
So such a page names the tiny template `CHROME_TEMPLATE` (through `page.meta["template"]`,
which MkDocs' `_build_page` renders), whose one call, `portal_chrome()`, renders main.html
for a stand-in page whose title, edit link and URL segments are sentinels, cuts the result
at the sentinels (a `Shell`), and from then on joins the pieces with each page's own values.

A filled page is the same bytes as main.html rendered for it (tests/test_chrome.py builds a
site both ways and compares every file), because:
- pages share a shell only when their URLs have the same first segment and depth, and no
  page of the nav shares more of their URL: every relative link comes out the same;
- a title is filled only when it reads the same raw, escaped and through `striptags` (no
  `&<>"'`, single spaces), a segment or edit link only when escaping and URL quoting leave
  it as it is;
- a shell is used only once filling it for the first page of its kind gave the bytes
  main.html gave for that page (its witness), and only when no sentinel came out changed by
  a filter. Any other page (hubs in the nav, unusual titles) gets main.html in full.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.pages import Page

CHROME_TEMPLATE = "portal-chrome.html"
THEME_TEMPLATE = "main.html"

# Lower-case letters and digits: no filter or escape changes them unless it changes case or
# cuts them, and both are caught (their first letters, SENTINEL_MARK, left in a piece; the
# chrome has no "qxp" of its own).
SENTINEL_MARK = "qxp"
_SENTINEL = re.compile(r"(qxportalslot[a-z0-9]+qx)")
TITLE_SLOT = "qxportalslottitleqx"
EDIT_SLOT = "qxportalsloteditqx"
_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")
_SAFE_EDIT_URL = re.compile(r"[A-Za-z0-9._~:/?#@!$()*+,;=%-]+")
_UNSAFE_IN_TITLE = frozenset("&<>\"'")

Render = Callable[[Mapping[str, Any]], str]  # a template's render(variables)


def segment_slot(position: int) -> str:
    return f"qxportalslotseg{position}qx"


@dataclass(frozen=True)
class ShellKey:
    """What the chrome of a generated page depends on besides the values filled in."""

    first_segment: str
    depth: int
    edit_link: bool
    meta: tuple[tuple[str, str], ...]  # page.meta but its title and template, as repr


@dataclass(frozen=True)
class Shell:
    """main.html cut at the sentinels: pieces[0], slot 0, pieces[1], slot 1, ..."""

    pieces: tuple[str, ...]
    slots: tuple[str, ...]

    def fill(self, values: Mapping[str, str]) -> str:
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:], strict=True):
            out += (values[slot], piece)
        return "".join(out)


def cut(rendered: str) -> Shell | None:
    """The shell of a page rendered for a stand-in; None when a sentinel came out altered
    (upper-cased, cut short) and so cannot be filled faithfully."""
    parts = _SENTINEL.split(rendered)
    pieces, slots = tuple(parts[0::2]), tuple(parts[1::2])
    if any(SENTINEL_MARK in piece.lower() for piece in pieces):
        return None
    return Shell(pieces=pieces, slots=slots)


@dataclass(frozen=True)
class Fillable:
    """A page the chrome can be filled for: its key and its values by slot."""

    key: ShellKey
    values: dict[str, str]
    url: str  # of the stand-in: the first segment, then a sentinel per segment


def fillable(page: Page, nav_urls: frozenset[str]) -> Fillable | None:
    """The key and values of `page`, or None when it must be rendered in full."""
    title, edit_url, url = page.title or "", page.edit_url, page.url
    in_nav = page.parent is not None or page.previous_page is not None or page.next_page is not None
    if in_nav or len(page.toc) or not _plain_title(title) or not url.endswith("/"):
        return None
    if edit_url is not None and not _SAFE_EDIT_URL.fullmatch(edit_url):
        return None
    first, *rest = url[:-1].split("/")
    if not rest or not all(_SAFE_SEGMENT.fullmatch(s) for s in rest) or any(_shares_folder(url, n) for n in nav_urls):
        return None
    values = {TITLE_SLOT: title, **({EDIT_SLOT: edit_url} if edit_url is not None else {})}
    values |= {segment_slot(i): segment for i, segment in enumerate(rest)}
    meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k not in ("title", "template")))
    key = ShellKey(first_segment=first, depth=len(rest) + 1, edit_link=edit_url is not None, meta=meta)
    stand_in_url = "/".join([first, *(segment_slot(i) for i in range(len(rest)))]) + "/"
    return Fillable(key=key, values=values, url=stand_in_url)


def _plain_title(title: str) -> bool:
    return bool(title) and not _UNSAFE_IN_TITLE & set(title) and " ".join(title.split()) == title \
        and SENTINEL_MARK not in title.lower()


def _shares_folder(url: str, nav_url: str) -> bool:
    """Whether a page of the nav lies past the first segment of `url`'s folders: a link to
    it would be shorter from `url` than from another page of the same first segment."""
    page_parts, nav_parts = url.split("/")[:-1], nav_url.split("/")
    return len(page_parts) > 1 and len(nav_parts) > 1 and nav_parts[:2] == page_parts[:2]


class _StandIn:
    """A page that reads as `page` but for the values a shell leaves as slots."""

    def __init__(self, page: Page, url: str) -> None:
        self._page = page
        self.title = TITLE_SLOT
        self.url = url
        self.edit_url = None if page.edit_url is None else EDIT_SLOT
        self.canonical_url = _with_url(page.canonical_url, page.url, url)
        self.abs_url = _with_url(page.abs_url, page.url, url)
        self.meta = {**page.meta, "title": TITLE_SLOT} if "title" in page.meta else page.meta

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def _with_url(full: str | None, url: str, stand_in_url: str) -> str | None:
    """`full` (an absolute form of `url`: site_url or base path, then `url`) for the stand-in."""
    if full is None or not full.endswith(url):
        return full  # no other form is known; the witness check catches a difference
    return full[: len(full) - len(url)] + stand_in_url


@dataclass
class _Witness:
    """The first page of a kind: its values, and the bytes main.html gave for it."""

    values: dict[str, str]
    rendered: str


class ChromeCache:
    """The shells of one build, and the count of pages filled and rendered in full."""

    def __init__(self, nav_urls: frozenset[str] = frozenset()) -> None:
        self.nav_urls = nav_urls
        self.shells: dict[ShellKey, Shell | None] = {}
        self.witnesses: dict[ShellKey, _Witness] = {}
        self.filled = 0
        self.rendered = 0

    def install(self, env: Environment) -> None:
        @pass_context
        def portal_chrome(context: Context) -> Markup:
            return Markup(self.page_html(context.get_all(), context.environment.get_template(THEME_TEMPLATE).render))

        env.globals["portal_chrome"] = portal_chrome

    def page_html(self, variables: Mapping[str, Any], render: Render) -> str:
        """main.html for the context's page: filled from a shell, else rendered in full."""
        page = variables.get("page")
        found = fillable(page, self.nav_urls) if isinstance(page, Page) else None
        filled = None if found is None or not isinstance(page, Page) else self._fill(page, found, variables, render)
        if filled is not None:
            return filled
        self.rendered += 1
        return render(variables)

    def _fill(self, page: Page, found: Fillable, variables: Mapping[str, Any], render: Render) -> str | None:
        key = found.key
        if key not in self.shells:
            witness = self.witnesses.get(key)
            if witness is None:  # the first page of its kind: rendered in full, kept to check
                self.witnesses[key] = _Witness(values=found.values, rendered=render(variables))
                self.rendered += 1
                return self.witnesses[key].rendered
            shell = cut(render({**variables, "page": _StandIn(page, found.url)}))
            self.shells[key] = shell if shell is not None and shell.fill(witness.values) == witness.rendered else None
            del self.witnesses[key]
        shell = self.shells[key]
        if shell is None:
            return None
        self.filled += 1
        return shell.fill(found.values)
