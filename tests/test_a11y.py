"""Accessibility and phones: axe-core on the fullest page of every kind, at 1280 and 360 px.

Which pages: tests/fullest_pages.py derives them from the templates and the data. For every
template, the page that shows the most of its optional blocks, then more pages until every
block some page shows is on a checked page; also every hand-written page of content/ and
the search results ("ha thi lien"). Both builds: the default one (the sample office off)
and the demo one (on). A new page kind or block is covered without touching this file.

Each site is built once (a strict MkDocs build with site_url, as in tests/test_search.py),
served on 127.0.0.1 and driven with Debian's chromium, the clock fixed inside the data's
school year so that deadlines show their labels. axe-core is vendored in
tests/vendor/axe-core/ (npm package `axe-core`, MPL-2.0, see its LICENSE and VERSION) and
injected into each page; nothing is fetched from the network.

- axe: 0 serious or critical violations, on a wide screen and on a phone (the rules axe
  runs by default: WCAG 2.0-2.2 A/AA and best practices, with target-size on).
- One <h1> per page.
- Phones (360 x 740 CSS px): the page never scrolls sideways (wide tables scroll inside
  their own container or stack as cards), tap targets meet WCAG 2.2 "target size
  (minimum)" (24 x 24 CSS px, or spaced so that 24 px circles centred on them do not
  overlap another target; links inside a sentence are exempt, as WCAG says), and a
  full-page screenshot of each fullest page is saved in tests/artifacts/ for review.
- Keyboard, on a phone, on a page of every kind, every hand-written page and the 404 page:
  the first Tab shows a skip link to the content, which takes the focus there; Tab reaches
  the content after the header's few buttons, every stop on the screen (the closed
  navigation drawer takes no focus); the menu button opens the drawer from the keyboard
  and Esc closes it. The open drawer is modal: the page behind is inert, Tab goes round the
  drawer's stops drawn on the screen (elementFromPoint at their centre: not the menu under
  the drawer, not the links under an open section, whose back arrow is a stop), and nothing
  is left inert once it closes (Esc, the overlay, instant navigation) or the window widens;
  resized past the drawer, the focus stays in sight. On a wide screen the navigation's
  links still take the focus. Without JavaScript the keyboard reaches the drawer's checkbox,
  named by the menu, which shows the focus; Space opens the drawer.
- The drawer's openers (a section's label, the current page's entry that opens its table of
  contents) are disclosure buttons that look as the theme's labels did and name the panel they
  open; the header behind the open drawer keeps its title and is out of a screen reader's reach.
- axe with the drawer open on a phone, on the pages the keyboard is walked on: its level on
  top (a section's panel on a page of a section), then the "Mục lục" panel where the page has
  one, each with a link hovered.
- On a phone, no heading breaks inside a school year ("2024-" over "2025"), on every page
  checked at 360 px (the review saw it on Củ Chi's cluster 02, one of the pages an issue named).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from browser_util import ARTIFACTS, REPO, build_site, chromium, require_chromium, serve, settle
from fullest_pages import TEMPLATES, Choice, fullest_pages

AXE_JS = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"
CONTENT_PAGES = sorted(p.stem for p in (REPO / "content").glob("*.md"))
BUILDS = {"public": False, "demo": True}  # the sample office's switch
SEARCH_QUERY = "ha thi lien"
# Inside the school year of the data: some deadlines are past, some upcoming.
CLOCK = "2024-11-15T09:00:00+07:00"

# Markup of the theme (Material for MkDocs) or of Pagefind's UI that axe flags and that
# cannot be fixed from our overrides or stylesheets: (CSS selector, reason). Each entry is
# left out of the axe run on every page. Keep it minimal: fix our own markup instead.
AXE_EXCLUDE: list[tuple[str, str]] = []

FAILING_IMPACTS = ("serious", "critical")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
MIN_TARGET = 24  # CSS px, WCAG 2.2 success criterion 2.5.8 (AA)


def _axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now, minus AXE_EXCLUDE."""
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    context = {"include": [["html"]], "exclude": [[selector] for selector, _ in AXE_EXCLUDE]}
    violations: list[dict[str, Any]] = page.evaluate(
        """async (context) => {
          // The default rules (WCAG 2.0-2.2 A and AA, best practices), with target-size on.
          const options = {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}};
          const result = await axe.run(context, options);
          return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary})),
          }));
        }""", context)
    return violations


def _report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} chỗ) {v['helpUrl']}")
        for node in v["nodes"][:10]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}\n        {node['html'][:200]}\n        {summary[:300]}")
    return "\n".join(lines)



@cache
def choices(build: str) -> tuple[Choice, ...]:
    return tuple(fullest_pages(REPO / "data", REPO, sample_data=BUILDS[build]))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Both builds, each served at its own site_url (instant navigation on): build -> base URL."""
    require_chromium()
    folders = {build: tmp_path_factory.mktemp(f"a11y-{build}") / "site" for build in BUILDS}
    with serve(folders["public"]) as public, serve(folders["demo"]) as demo:
        urls = {"public": public, "demo": demo}
        for build, url in urls.items():
            build_site(folders[build], site_url=url, sample_data=BUILDS[build])
        yield urls


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with chromium() as browser:
        yield browser


def _open(browser: Any, url: str, viewport: dict[str, int], *,
          javascript: bool = True, touch: bool = False) -> tuple[Any, Any, list[str]]:
    """A new context and page at `url`, the clock fixed, only the local server answering;
    with `javascript` False, the page's scripts off (a reader who turned them off); with
    `touch`, a touch screen."""
    context = browser.new_context(viewport=viewport, locale="vi-VN", java_script_enabled=javascript,
                                  has_touch=touch)
    base = re.match(r"https?://[^/]+/", url)
    assert base
    context.route(re.compile(r"^(?!" + re.escape(base.group(0)) + ")"), lambda route: route.abort())
    page = context.new_page()
    page.clock.set_fixed_time(CLOCK)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return context, page, errors


def _open_search(page: Any) -> None:
    page.locator(".md-header .portal-search__toggle").click()
    search_input = page.locator("#portal-search-input")
    search_input.wait_for(state="visible")
    search_input.press_sequentially(SEARCH_QUERY, delay=5)
    page.wait_for_function(
        """(q) => {
          const ui = document.querySelector('#portal-search-ui');
          const message = ui.querySelector('.pagefind-ui__message');
          return message && message.textContent.includes(q) && /^\\d+ kết quả/.test(message.textContent)
            && !ui.querySelector('.pagefind-ui__loading') && ui.querySelector('.pagefind-ui__result-link');
        }""", arg=SEARCH_QUERY, timeout=10_000)


def _check_page(browser: Any, url: str, label: str, *, search: bool = False,
                screenshot: str | None = None) -> list[str]:
    """Every failure on one page at both widths: axe, one <h1>, and on a phone the layout."""
    failures: list[str] = []
    for size in (DESKTOP, PHONE):
        context, page, errors = _open(browser, url, size)
        try:
            if search:
                _open_search(page)
            if page.evaluate("document.documentElement.lang") != "vi":
                failures.append(f"{label}: lang is not vi")
            if size is DESKTOP and not search:
                _hover_a_link_of_the_article(page)
            failing = [v for v in _axe(page) if v["impact"] in FAILING_IMPACTS]
            if failing:
                failures.append(f"axe on {label} ({url}, {size['width']} px):\n" + _report(failing))
            if not search:
                titles = page.evaluate("Array.from(document.querySelectorAll('h1'), h => h.textContent.trim())")
                if len(titles) != 1:
                    failures.append(f"{label}: {len(titles)} <h1>: {titles}")
            if size is PHONE:
                failures += _phone_failures(page, label, search, screenshot)
        finally:
            context.close()
        failures += [f"{label}: script error {e}" for e in errors]
    return failures


# The first link of the article drawn on the screen at its centre (not under the header).
_ARTICLE_LINK_JS = """() => Array.from(document.querySelectorAll('article a[href]')).find(a => {
  const r = a.getBoundingClientRect();
  return r.height > 0 && r.bottom < innerHeight
    && a.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
}) || null"""


def _hover_a_link_of_the_article(page: Any) -> None:
    """The pointer on a link of the article, so that axe also reads a hovered link's colour (the
    theme's accent, 4.25:1 on white); a page with no link in sight is read as it is."""
    link = page.evaluate_handle(_ARTICLE_LINK_JS).as_element()
    if link is not None:
        link.hover()
        settle(page)  # the theme's colour transition of a hovered link


# Each school year in a heading that the layout splits over two lines.
_BROKEN_YEARS_JS = """() => {
  const broken = [];
  for (const heading of document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)')) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const match of text.textContent.matchAll(/\\d{4}-\\d{4}/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
        if (lines.size > 1) broken.push(heading.textContent.trim().slice(0, 80));
      }
    }
  }
  return broken;
}"""


def _phone_failures(page: Any, label: str, search: bool, screenshot: str | None) -> list[str]:
    if screenshot:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"a11y-360-{screenshot}.png"), full_page=True)
    widths = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    overflow = page.evaluate(_OVERFLOW_JS)
    tables = page.evaluate(_TABLES_JS)
    # With the search open, the panel covers the article: its targets are the ones to tap.
    targets = page.evaluate(_TARGETS_JS, [".md-header", "#portal-search-panel" if search else "article"])
    failures = []
    if widths[0] > widths[1] + 1 or overflow:
        failures.append(f"{label}: the page scrolls sideways ({widths[0]} > {widths[1]}): {overflow}")
    for table in tables:
        if table["inPortalTable"] and table["portalTableOverflow"] != "auto":
            failures.append(f"{label}: a table's box does not scroll: {table}")
        if not (table["fits"] or table["scrolls"]):
            failures.append(f"{label}: a wide table widens the page: {table}")
        if table["wider"] and not table["keyboard"]:
            failures.append(f"{label}: a table that scrolls cannot be scrolled by keyboard: {table}")
    if targets["count"] == 0:
        failures.append(f"{label}: nothing to tap")
    if targets["offenders"]:
        failures.append(f"{label}: tap targets under {MIN_TARGET} px, too close to another:\n"
                        + "\n".join(targets["offenders"]))
    failures += [f"{label}: a school year over two lines in a heading: {heading}"
                 for heading in page.evaluate(_BROKEN_YEARS_JS)]
    return failures


@pytest.mark.spread  # up to half a minute a kind: worth the two builds on another worker
@pytest.mark.parametrize("build", list(BUILDS))
@pytest.mark.parametrize("template", TEMPLATES)
def test_the_fullest_pages_of_each_kind(browser: Any, built: dict[str, str], build: str, template: str) -> None:
    chosen = [c for c in choices(build) if c.template == template]
    if not chosen:
        assert build == "public", f"{template}: no page in the demo build, which has every kind"
        pytest.skip(f"{template}: no page of this kind without the sample office")
    failures = []
    for number, choice in enumerate(chosen):
        shot = f"{build}-{template.removesuffix('.html')}" if number == 0 else None
        failures += _check_page(browser, built[build] + choice.url, f"{template} /{choice.url} ({choice.reason})",
                                screenshot=shot)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("build", list(BUILDS))
@pytest.mark.parametrize("name", CONTENT_PAGES)
def test_every_hand_written_page(browser: Any, built: dict[str, str], build: str, name: str) -> None:
    failures = _check_page(browser, built[build] + f"{name}/", f"content/{name}.md")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("build", list(BUILDS))
def test_the_search_results(browser: Any, built: dict[str, str], build: str) -> None:
    failures = _check_page(browser, built[build], "search", search=True, screenshot=f"{build}-search")
    assert not failures, "\n".join(failures)


SKIP_LINK = "Chuyển đến nội dung"
# The header's stops before the content on a phone: the skip link, the menu, the search.
HEADER_STOPS = 3
# Where the focus is: what it is, whether it is shown on the screen, whether it is in the content.
_FOCUS_JS = """() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const shown = r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0
    && r.top < innerHeight && el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  return {name: el.tagName.toLowerCase() + ' "' + (el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)
            + '" at ' + [r.left, r.top, r.width, r.height].map(Math.round),
          shown, text: el.textContent.trim(), inContent: !!el.closest('#__portal-content'),
          // Drawn at its centre, not under something else (an open section of the drawer).
          drawn: el !== document.body
            && el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)),
          inNav: !!el.closest('.md-sidebar--primary')};
}"""


_CONTENT_TABBABLE_JS = """() => Array.from(document.querySelectorAll(
  '#__portal-content :is(a[href], button, input, select, textarea, summary, [tabindex="0"])'))
  .some(el => el.checkVisibility({checkVisibilityCSS: true}))"""


def keyboard_pages(build: str) -> list[tuple[str, str]]:
    """(label, URL path): a page of every kind, every hand-written page, the 404 page."""
    firsts = {c.template: c.url for c in reversed(choices(build))}
    return ([(template, firsts[template]) for template in TEMPLATES if template in firsts]
            + [(f"content/{name}.md", f"{name}/") for name in CONTENT_PAGES] + [("404", "404.html")])


def _focus(page: Any, *, scripts: bool = True) -> dict[str, Any]:
    settle(page, scripts=scripts)  # the skip link fades in; the drawer slides (.25 s)
    focus: dict[str, Any] = page.evaluate(_FOCUS_JS)
    return focus


# Resolves once the skip link's jump has landed (the URL names the content), or after 3 s, so
# that a skip link that does not jump is still seen failing.
_AT_THE_CONTENT_JS = """
() => new Promise(done => {
  const start = Date.now();
  (function wait() {
    if (location.hash === '#__portal-content' || Date.now() - start > 3000) done();
    else setTimeout(wait, 20);
  })();
})
"""


def _phone_keyboard_failures(browser: Any, url: str, label: str) -> list[str]:
    context, page, errors = _open(browser, url, PHONE)
    failures = []
    try:
        skips = page.evaluate("Array.from(document.querySelectorAll('a.md-skip'))"
                              ".filter(a => a.checkVisibility()).map(a => a.textContent.trim())")
        if skips != [SKIP_LINK]:
            failures.append(f"{label}: skip links {skips}, not one")
        # A page without a link in its text (a short hand-written page) has nothing to stop at there.
        tabbable = page.evaluate(_CONTENT_TABBABLE_JS)
        walk = []
        for _ in range(HEADER_STOPS + 1):
            page.keyboard.press("Tab")
            walk.append(_focus(page))
            if walk[-1]["inContent"]:
                break
        if walk[0]["text"] != SKIP_LINK or not walk[0]["shown"]:
            failures.append(f"{label}: the first Tab is not the skip link on the screen: {walk[0]['name']}")
        if tabbable and not walk[-1]["inContent"]:
            failures.append(f"{label}: the content is not reached in {len(walk)} Tabs: {[f['name'] for f in walk]}")
        failures += [f"{label}: Tab {n} is not on the screen: {f['name']}" for n, f in enumerate(walk, 1)
                     if not f["shown"] or f["inNav"]]
        if walk[0]["text"] == SKIP_LINK:
            for _ in walk[1:]:  # back to the skip link
                page.keyboard.press("Shift+Tab")
            page.keyboard.press("Enter")
            # The jump to the content is a navigation to its fragment: Tab once it is done (on a
            # slow machine the next Tab came first and went to the menu button).
            page.evaluate(_AT_THE_CONTENT_JS)
            page.keyboard.press("Tab")
            after = _focus(page)
            if not after["shown"] or (tabbable and not after["inContent"]):
                failures.append(f"{label}: after the skip link, Tab goes to {after['name']}")
    finally:
        context.close()
    return failures + [f"{label}: script error {e}" for e in errors]


@pytest.mark.spread
def test_the_keyboard_reaches_the_content_of_every_kind_of_page_on_a_phone(browser: Any,
                                                                          built: dict[str, str]) -> None:
    pages = keyboard_pages("demo")
    assert {label for label, _ in pages} >= set(TEMPLATES)
    failures = [f for label, path in pages for f in _phone_keyboard_failures(browser, built["demo"] + path, label)]
    assert not failures, "\n".join(failures)


def test_the_menu_opens_the_drawer_from_the_keyboard_and_the_wide_navigation_keeps_the_focus(
        browser: Any, built: dict[str, str]) -> None:
    url = built["demo"] + next(c.url for c in choices("demo") if c.template == "body.html")
    context, page, errors = _open(browser, url, PHONE)
    try:
        menu = page.locator("[data-portal-menu]")
        menu.focus()
        page.keyboard.press("Enter")
        opened = _focus(page)
        assert opened["inNav"] and opened["shown"], opened["name"]
        assert menu.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Tab")
        assert _focus(page)["inNav"] and _focus(page)["shown"]
        page.keyboard.press("Escape")
        closed = _focus(page)
        assert "Danh mục trang" in closed["name"] and menu.get_attribute("aria-expanded") == "false"
        # The checkbox, a keyboard stop without JavaScript, is not one beside the button.
        assert page.evaluate("getComputedStyle(document.getElementById('__drawer')).display") == "none"
        page.keyboard.press("Tab")
        assert not _focus(page)["inNav"], "the closed drawer took the focus"
        menu.click()  # a tap still opens it, and the overlay closes it
        settle(page)
        assert page.evaluate("document.getElementById('__drawer').checked")
        page.mouse.click(PHONE["width"] - 20, PHONE["height"] // 2)
        settle(page)
        assert not page.evaluate("document.getElementById('__drawer').checked")
        assert menu.get_attribute("aria-expanded") == "false"
    finally:
        context.close()
    context, page, more = _open(browser, url, DESKTOP)
    try:
        stops = []
        for _ in range(HEADER_STOPS + 3):
            page.keyboard.press("Tab")
            stops.append(_focus(page))
        assert any(f["inNav"] and f["shown"] for f in stops), [f["name"] for f in stops]
        assert not page.locator("[data-portal-menu]").is_visible()
    finally:
        context.close()
    assert not errors + more


# Each element that the keyboard or a screen reader could reach behind the open drawer, and
# whether it is out of their reach (inside an inert element); and anything left inert.
_BEHIND_JS = """() => {
  const behind = ['a.portal-skip', '.md-header .portal-search__toggle', '#__portal-content', '.md-footer'];
  return {held: behind.map(s => [s, !!document.querySelector(s)?.closest('[inert]')]),
          menu: !!document.querySelector('[data-portal-menu]').closest('[inert]'),
          drawer: !!document.querySelector('.md-sidebar--primary').closest('[inert]'),
          inert: document.querySelectorAll('[inert]').length};
}"""
_OPEN_JS = "document.getElementById('__drawer').checked"


def _open_by_keyboard(page: Any) -> Any:
    menu = page.locator("[data-portal-menu]")
    menu.focus()
    page.keyboard.press("Enter")
    settle(page)  # the drawer slides (.25 s)
    return menu


def _round_the_drawer(page: Any) -> list[str]:
    """Tab, then Shift+Tab, 40 times each in the open drawer: every stop is in the drawer and
    drawn on the screen at its centre (not the menu, which the drawer covers at 360 px, nor a
    link under an open section), and the walk goes round. The names of the stops."""
    names = []
    for key in ("Tab", "Shift+Tab"):
        walk = []
        for _ in range(40):
            page.keyboard.press(key)
            walk.append(page.evaluate(_FOCUS_JS))
        outside = [f["name"] for f in walk if not (f["inNav"] and f["shown"] and f["drawn"])]
        assert not outside, f"{key} left the drawer or went out of sight: {outside}"
        round_ = [f["name"] for f in walk]
        assert round_.count(round_[0]) >= 2, round_
        names += [f["text"] for f in walk]
    return names


def test_the_open_drawer_holds_the_keyboard_and_gives_the_page_back(browser: Any, built: dict[str, str]) -> None:
    """WAI-ARIA's modal dialog on a phone: while the drawer is open the page behind is inert
    (the menu button and the drawer are not), Tab and Shift+Tab go round the button and the
    drawer, "/" opens no search behind it, and Esc closes it from wherever the focus is, with
    the focus on the menu. Closing by the overlay (the focus on the menu too) and instant
    navigation from a link of the drawer leave nothing inert (a window widened past the drawer: the test below)."""
    url = built["demo"] + next(c.url for c in choices("demo") if c.template == "body.html")
    context, page, errors = _open(browser, url, PHONE)
    try:
        menu = _open_by_keyboard(page)
        behind = page.evaluate(_BEHIND_JS)
        assert all(held for _, held in behind["held"]), behind
        assert not behind["menu"] and not behind["drawer"], behind
        _round_the_drawer(page)
        page.keyboard.press("/")
        assert page.locator("#portal-search-panel").is_hidden(), "'/' opened the search behind the drawer"
        # Esc with the focus on the menu (not in the drawer) closes it too.
        menu.focus()
        page.keyboard.press("Escape")
        settle(page)
        assert not page.evaluate(_OPEN_JS), "Esc on the menu left the drawer open"
        assert "Danh mục trang" in _focus(page)["name"] and page.evaluate(_BEHIND_JS)["inert"] == 0
        # Opened by a tap, the focus nowhere: Esc closes it.
        menu.click()
        settle(page)
        assert page.evaluate(_BEHIND_JS)["inert"] > 0
        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("Escape")
        settle(page)
        assert not page.evaluate(_OPEN_JS) and "Danh mục trang" in _focus(page)["name"]
        assert page.evaluate(_BEHIND_JS)["inert"] == 0
        # The overlay closes it and gives the page back, the focus on the menu (it was left on
        # the page's body).
        menu.click()
        settle(page)
        page.mouse.click(PHONE["width"] - 20, PHONE["height"] // 2)
        settle(page)
        assert not page.evaluate(_OPEN_JS) and page.evaluate(_BEHIND_JS)["inert"] == 0
        assert "Danh mục trang" in _focus(page)["name"], f"after the overlay: {_focus(page)['name']}"
        # A link of the drawer followed from the keyboard: instant navigation closes the drawer
        # and the new page is not inert.
        _open_by_keyboard(page)
        page.evaluate("window.__stillTheSamePage = true")
        page.keyboard.press("Tab")  # the drawer's title (the site's logo), then "Trang chủ"
        page.keyboard.press("Enter")
        page.wait_for_url(built["demo"])
        page.wait_for_function(f"() => !{_OPEN_JS}")
        settle(page)
        assert page.evaluate("window.__stillTheSamePage === true"), "Material's instant navigation did not take over"
        assert page.evaluate(_BEHIND_JS)["inert"] == 0, "inert left after instant navigation"
        assert menu.get_attribute("aria-expanded") == "false"
    finally:
        context.close()
    assert not errors


def test_a_window_resized_past_the_drawer_keeps_the_focus_in_sight(browser: Any, built: dict[str, str]) -> None:
    """A phone turned, a window enlarged or narrowed with the drawer open: the drawer is closed
    (its hidden menu button said "open"), the page is given back on a wide screen and the
    focus, on the drawer's title that a wide screen hides, goes to the sidebar's first link;
    narrowed again, the drawer is closed, not sprung open over the page, and the focus is on
    the menu. Never lost to the page's body."""
    url = built["demo"] + next(c.url for c in choices("demo") if c.template == "body.html")
    context, page, errors = _open(browser, url, PHONE)
    try:
        # Widened past the drawer (a phone turned, a window enlarged) with the focus on the
        # drawer's title, which a wide screen hides: the page is back, the focus on the
        # sidebar's first link (not lost to the page's body).
        _open_by_keyboard(page)
        assert page.evaluate(_BEHIND_JS)["inert"] > 0
        page.set_viewport_size(DESKTOP)
        settle(page)
        assert page.evaluate(_BEHIND_JS)["inert"] == 0, "inert left on a wide screen"
        # The drawer is closed: the hidden menu said it was open ("true") until narrowed again.
        assert not page.evaluate(_OPEN_JS), "widened, the drawer stayed open"
        assert page.locator("[data-portal-menu]").get_attribute("aria-expanded") == "false"
        wide = _focus(page)
        assert wide["inNav"] and wide["shown"] and wide["drawn"], f"widened, the focus went to {wide['name']}"
        # Narrowed again: the drawer closed (not sprung open over the page), the focus on the
        # menu (the sidebar's links are in the closed drawer).
        page.set_viewport_size(PHONE)
        settle(page)
        assert not page.evaluate(_OPEN_JS), "narrowed, the drawer sprang open over the page"
        assert page.evaluate(_BEHIND_JS)["inert"] == 0
        narrowed = _focus(page)
        assert "Danh mục trang" in narrowed["name"] and narrowed["shown"], f"narrowed: {narrowed['name']}"
    finally:
        context.close()
    assert not errors


_BACK_ARROW_JS = "document.activeElement.matches('.md-sidebar--primary .md-nav__title[data-portal-for^=\"__nav\"]')"
_SECTION_LABEL_JS = ("document.activeElement.matches("
                     "'.md-sidebar--primary button.md-nav__link[data-portal-for^=\"__nav\"]')")


def test_the_open_drawer_shows_the_section_of_the_page(browser: Any, built: dict[str, str]) -> None:
    """On a page of a section (the hand-written "Giới thiệu" pages), the drawer opens on that
    section's panel, drawn over the drawer's top level: the focus goes to the panel's back
    arrow and Tab goes round it and the section's links, none of the links under the panel
    (on another page, the closed section's links, transparent, out to the right, take none,
    which the walk above checks). Enter or Space on the back arrow goes back up, the focus on
    the section's button; Enter or Space there opens the section again, the focus on its back
    arrow."""
    for path in ("gioi-thieu/", "cach-doc-van-ban/"):
        context, page, errors = _open(browser, built["demo"] + path, PHONE)
        try:
            _open_by_keyboard(page)
            opened = _focus(page)
            assert opened["drawn"] and page.evaluate(_BACK_ARROW_JS), f"{path}: opened on {opened['name']}"
            names = _round_the_drawer(page)
            assert {"Giới thiệu", "Hướng dẫn tra cứu"} <= set(names), names
            assert "Trang chủ" not in names, f"{path}: Tab reached the links under the section: {names}"
            for key in ("Enter", "Space"):
                page.locator(".md-sidebar--primary .md-nav__title[data-portal-for^='__nav']").focus()
                page.keyboard.press(key)
                up = _focus(page)
                assert up["drawn"] and page.evaluate(_SECTION_LABEL_JS), f"{path}: {key} on the arrow: {up['name']}"
                names = _round_the_drawer(page)
                assert "Trang chủ" in names and "Cách đọc một văn bản" not in names, names
                page.locator(".md-sidebar--primary button.md-nav__link[data-portal-for^='__nav']").focus()
                page.keyboard.press(key)
                down = _focus(page)
                assert down["drawn"] and page.evaluate(_BACK_ARROW_JS), f"{path}: {key} on the section: {down['name']}"
        finally:
            context.close()
        assert not errors


# The first link of the open drawer's level on top (its deepest open panel, drawn over the
# levels above it) that is drawn on the screen at its centre: the one the pointer rests on.
_TOP_LINK_JS = """() => {
  const nav = document.querySelector('.md-sidebar--primary');
  const open = nav.querySelectorAll('.md-nav__toggle:checked ~ nav.md-nav');
  const top = open.length ? open[open.length - 1] : nav;
  return Array.from(top.querySelectorAll('a.md-nav__link[href]')).find(a => {
    const r = a.getBoundingClientRect();
    return r.height > 0 && a.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  }) || null;
}"""
_SECTION_OPEN_JS = "!!document.querySelector('.md-sidebar--primary .md-nav__toggle[id^=\"__nav\"]:checked')"


def _drawer_axe_failures(page: Any, where: str) -> list[str]:
    """axe on the open drawer as it is, a link of its level on top under the pointer."""
    settle(page)  # the drawer or its panel slides in (.25 s)
    link = page.evaluate_handle(_TOP_LINK_JS).as_element()
    for _ in range(20):  # on a loaded machine the slide may still be under way
        if link is not None:
            break
        page.wait_for_timeout(100)
        link = page.evaluate_handle(_TOP_LINK_JS).as_element()
    if link is None:
        return [f"{where}: no link of the drawer on the screen"]
    link.hover()
    settle(page)  # the theme's colour transition of a hovered link
    hovered = link.text_content().strip()
    failing = [v for v in _axe(page) if v["impact"] in FAILING_IMPACTS]
    return [f"axe on {where}, \"{hovered}\" hovered:\n" + _report(failing)] if failing else []


@pytest.mark.spread
def test_axe_with_the_drawer_open_on_a_phone(browser: Any, built: dict[str, str]) -> None:
    """The runs above check the pages with the drawer closed. Here, on the pages the keyboard
    is walked on (a page of every kind, every hand-written page, the 404 page), at 360 px: axe
    with the drawer open on its level on top (a "Giới thiệu" page opens it on its section's
    panel), a link of it hovered; and where the page has a table of contents, again with the
    "Mục lục" panel open and one of its links hovered. A review found there, and only there,
    the panels' titles with their back arrows ("Quay lại …", the theme's grey on its grey,
    4.41:1) and a hovered link (the theme's indigo accent on white, 4.25:1)."""
    failures = []
    seen = {"section": 0, "toc": 0}
    for label, path in keyboard_pages("demo"):
        context, page, errors = _open(browser, built["demo"] + path, PHONE)
        try:
            _open_by_keyboard(page)
            seen["section"] += page.evaluate(_SECTION_OPEN_JS)
            failures += _drawer_axe_failures(page, f"{label} (/{path}), the drawer open")
            entry = page.locator(".md-sidebar--primary button.md-nav__link[data-portal-for='__toc']")
            if entry.count() and entry.is_visible():
                seen["toc"] += 1
                entry.click()
                failures += _drawer_axe_failures(page, f"{label} (/{path}), its \"Mục lục\" open")
        finally:
            context.close()
        failures += [f"{label}: script error {e}" for e in errors]
    # The pages checked hold both panels (else the runs would not see their titles).
    assert seen["section"] and seen["toc"], seen
    assert not failures, "\n".join(failures)


_TOC_ENTRY_JS = "document.activeElement.matches('.md-sidebar--primary button.md-nav__link[data-portal-for=\"__toc\"]')"
_TOC_ARROW_JS = "document.activeElement.matches('.md-sidebar--primary button.md-nav__title[data-portal-for=\"__toc\"]')"


def test_the_keyboard_opens_the_table_of_contents_of_the_page_in_the_drawer(browser: Any,
                                                                           built: dict[str, str]) -> None:
    """On a page with a table of contents, the drawer lists the page as the theme's <label> that
    opens the "Mục lục" panel: it had no tabindex, Tab went past it and the panel was for touch
    only. Tab reaches it (a button: the test below); Enter or Space opens the panel, the focus on
    its back arrow, Tab goes round the panel's links; Enter or Space on the arrow goes back, the
    focus on the entry, which says the panel is closed. A link of the panel goes to its heading."""
    context, page, errors = _open(browser, built["demo"] + "huong-dan/", PHONE)
    try:
        _open_by_keyboard(page)
        for _ in range(30):
            if page.evaluate(_TOC_ENTRY_JS):
                break
            page.keyboard.press("Tab")
        entry = _focus(page)
        assert page.evaluate(_TOC_ENTRY_JS) and entry["drawn"], f"Tab never reached the page's entry: {entry['name']}"
        toc = page.evaluate("""() => Array.from(document.querySelectorAll(
          '.md-sidebar--primary nav.md-nav--secondary a.md-nav__link'), a => a.textContent.trim())""")
        assert toc, "the page has no table of contents"
        for key in ("Enter", "Space"):
            page.keyboard.press(key)
            settle(page)  # the panel slides
            opened = _focus(page)
            assert opened["drawn"] and page.evaluate(_TOC_ARROW_JS), f"{key} on the entry: {opened['name']}"
            assert page.locator("[data-portal-for='__toc'][aria-expanded='true']").count() == 1, key
            names = _round_the_drawer(page)
            assert set(toc) <= set(names) and entry["text"] not in names, names
            page.locator(".md-sidebar--primary button.md-nav__title[data-portal-for='__toc']").focus()
            page.keyboard.press(key)
            settle(page)
            back = _focus(page)
            assert back["drawn"] and page.evaluate(_TOC_ENTRY_JS), f"{key} on the back arrow: {back['name']}"
            assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
        # A link of the panel followed: the drawer closes on the page scrolled to that heading (the
        # page under the drawer is held fixed: the browser's own jump could not scroll it).
        page.keyboard.press("Enter")
        settle(page)
        links = page.locator(".md-sidebar--primary nav.md-nav--secondary a.md-nav__link")
        link = links.nth(links.count() // 2)
        heading = (link.get_attribute("href") or "").partition("#")[2]
        assert heading, link.get_attribute("href")
        top_js = "id => document.getElementById(decodeURIComponent(id)).getBoundingClientRect().top"
        assert page.evaluate(top_js, heading) > PHONE["height"], f"{heading} is on the screen already"
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => !{_OPEN_JS}")
        settle(page)
        top = page.evaluate(top_js, heading)
        assert 0 <= top < PHONE["height"] // 2, f"the page did not go to {heading}: its top at {top}"
    finally:
        context.close()
    assert not errors


_BACK_ARROWS_JS = """() => Array.from(document.querySelectorAll(
  '.md-sidebar--primary .md-nav__title:not([for="__drawer"])')).map(el => el.textContent.trim())"""


def test_a_back_arrow_is_a_button_that_says_it_goes_back(browser: Any, built: dict[str, str]) -> None:
    """A section's back arrow was a <label> named by the section's title: no button for a screen
    reader, nothing said of going back. It is a button named "Quay lại <where it goes> từ <the
    section>": its text shown stays in its name (WCAG 2.5.3), and Enter still goes up."""
    context, page, errors = _open(browser, built["demo"] + "gioi-thieu/", PHONE)
    try:
        _open_by_keyboard(page)
        arrow = page.get_by_role("button", name="Quay lại Danh mục trang từ Giới thiệu", exact=True)
        assert arrow.count() == 1 and page.evaluate(_BACK_ARROW_JS)
        assert arrow.evaluate("el => el === document.activeElement")
        # Every back arrow of the drawer, whatever the navigation holds.
        texts = page.evaluate(_BACK_ARROWS_JS)
        assert texts, "no back arrow"
        for text in texts:
            named = page.get_by_role("button", name=re.compile(rf"^Quay lại \S.* từ {re.escape(text)}$"),
                                       include_hidden=True)
            assert named.count() == 1, f"the back arrow '{text}' is no button named 'Quay lại … từ {text}'"
        page.keyboard.press("Enter")
        assert _focus(page)["drawn"] and page.evaluate(_SECTION_LABEL_JS)
    finally:
        context.close()
    assert not errors


# Each opener in the sidebar of a checkbox whose id starts with the argument (a section's,
# "__nav", or the page's table of contents, "__toc"): its aria-expanded, whether its checkbox is
# checked, and how it is drawn: its box, its look, its icon's, and whether what follows it
# (the page's link, a panel) shows.
_OPENERS_JS = """(toggles) => Array.from(document.querySelectorAll(`.md-sidebar--primary
  :is(label.md-nav__link[for^="${toggles}"], button.md-nav__link[data-portal-for^="${toggles}"])`),
  el => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    const icon = getComputedStyle(el.querySelector('.md-icon') || el, '::after');
    const toggle = document.getElementById(el.htmlFor || el.dataset.portalFor);
    const after = [];
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
      after.push(`${next.tagName}: ${getComputedStyle(next).display}`);
    }
    return {tag: el.tagName, text: el.textContent.trim(), expanded: el.getAttribute('aria-expanded'),
            checked: toggle.checked, box: [box.x, box.y, box.width, box.height],
            look: ['color', 'font', 'padding', 'margin', 'display', 'justifyContent', 'alignItems', 'cursor',
                   'textAlign', 'backgroundColor', 'borderTopWidth', 'lineHeight', 'letterSpacing']
                  .map(name => `${name}: ${style[name]}`)
                  .concat(['content', 'display', 'width', 'maskImage'].map(name => `icon ${name}: ${icon[name]}`),
                          after)};
  })"""


def _openers(browser: Any, url: str, viewport: dict[str, int], *, javascript: bool,
             toggles: str = "__nav") -> list[dict[str, Any]]:
    """_OPENERS_JS on a page of `url`, the drawer open on a phone."""
    context, page, errors = _open(browser, url, viewport, javascript=javascript)
    try:
        if viewport == PHONE:
            page.locator("[data-portal-menu]").click()
            settle(page, scripts=javascript)
        openers: list[dict[str, Any]] = page.evaluate(_OPENERS_JS, toggles)
    finally:
        context.close()
    assert not errors
    return openers


def test_a_section_s_label_is_a_button_that_says_whether_it_is_open(browser: Any, built: dict[str, str]) -> None:
    """A section's label, which opens its panel in the drawer and unfolds it in the wide sidebar,
    took the focus but a screen reader read the section's name as plain text: no control, nothing
    said of whether it was open. It is a disclosure button: its name the section's, aria-expanded
    following its checkbox (Enter, a click), aria-controls naming the section's panel (which names
    it back by aria-labelledby), as the page's entry names its table of contents. It looks as the
    label did (without JavaScript the label stays), on a phone and in the wide sidebar, where it
    still unfolds the section."""
    url = built["demo"]
    for viewport in (PHONE, DESKTOP):
        labels = _openers(browser, url, viewport, javascript=False)
        buttons = _openers(browser, url, viewport, javascript=True)
        assert labels and {label["tag"] for label in labels} == {"LABEL"}, labels
        assert [(b["tag"], b["text"], b["box"], b["look"]) for b in buttons] == \
            [("BUTTON", label["text"], label["box"], label["look"]) for label in labels]
        assert all(b["expanded"] == str(b["checked"]).lower() for b in buttons), buttons
    context, page, errors = _open(browser, url, DESKTOP)
    try:
        for opener in labels:
            button = page.get_by_role("button", name=opener["text"], exact=True)
            # The panel it opens, named by aria-controls, which names the button back.
            panel = button.get_attribute("aria-controls")
            labelled = f"nav[aria-labelledby='{button.get_attribute('id')}']"
            assert panel and page.locator(f"#{panel}").count() == 1, f"{opener['text']}: aria-controls {panel}"
            assert page.locator(f"#{panel}").evaluate("(el, s) => el.matches(s)", labelled), opener["text"]
            links = page.locator(f"{labelled} a[href]")
            assert button.get_attribute("aria-expanded") == "false" and not links.first.is_visible()
            button.click()
            settle(page)
            assert button.get_attribute("aria-expanded") == "true" and links.first.is_visible(), opener["text"]
            button.focus()
            page.keyboard.press("Enter")
            settle(page)
            assert button.get_attribute("aria-expanded") == "false" and not links.first.is_visible(), opener["text"]
    finally:
        context.close()
    context, page, more = _open(browser, url, PHONE)
    try:
        _open_by_keyboard(page)
        button = page.get_by_role("button", name=labels[0]["text"], exact=True)
        button.focus()
        page.keyboard.press("Enter")
        settle(page)
        assert page.evaluate(_BACK_ARROW_JS) and button.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Enter")
        settle(page)
        assert page.evaluate(_SECTION_LABEL_JS) and button.get_attribute("aria-expanded") == "false"
    finally:
        context.close()
    assert not errors + more


# A hand-written page with a table of contents, longer than a phone's screen.
TOC_PAGE = "huong-dan/"


def _ignored(page: Any, selector: str) -> list[bool]:
    """Whether each element matching `selector` is out of the accessibility tree chromium gives
    screen readers (Playwright's own reckoning does not follow `inert`)."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
        return [bool(cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
                     ["nodes"][0].get("ignored")) for node in found]
    finally:
        cdp.detach()


def test_the_page_s_entry_is_a_button_that_opens_its_table_of_contents(browser: Any, built: dict[str, str]) -> None:
    """The current page's entry in the drawer, on a page with a table of contents, was the
    theme's <label for="__toc"> given a tabindex: a screen reader met a focusable label with no
    role (ARIA allows a <label> none), nothing said of what it opens nor whether it was open. It
    is a disclosure button named by the page's title and what it opens ("…, mục lục của trang"),
    aria-controls naming the panel, aria-expanded following the checkbox. It looks as the label
    did, on a phone and on a wide screen (where both are hidden, the page's link shown and the
    panel not); without JavaScript the label stays and a tap on it still opens the panel."""
    url = built["demo"] + TOC_PAGE
    for viewport in (PHONE, DESKTOP):
        labels = _openers(browser, url, viewport, javascript=False, toggles="__toc")
        buttons = _openers(browser, url, viewport, javascript=True, toggles="__toc")
        assert [label["tag"] for label in labels] == ["LABEL"], labels
        assert [(b["tag"], b["text"], b["box"], b["look"]) for b in buttons] == \
            [("BUTTON", label["text"], label["box"], label["look"]) for label in labels]
        assert [b["expanded"] for b in buttons] == ["false"], buttons
    name = f"{labels[0]['text']}, mục lục của trang"
    context, page, errors = _open(browser, url, PHONE)
    try:
        _open_by_keyboard(page)
        named = page.get_by_role("button", name=name, exact=True, expanded=False)
        assert named.count() == 1, page.locator(".md-sidebar--primary").aria_snapshot()
        entry = page.locator(".md-sidebar--primary button.md-nav__link[data-portal-for='__toc']")
        # As chromium gives it to screen readers, too.
        tree = context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        roles = [n["role"]["value"] for n in tree if n.get("name", {}).get("value") == name and not n.get("ignored")]
        assert roles == ["button"], roles
        panel = page.locator(f"#{entry.get_attribute('aria-controls')}")
        assert panel.evaluate("el => el.matches('nav.md-nav--secondary')")
        links = panel.locator("a.md-nav__link")
        assert links.count() > 0 and not links.first.is_visible()
        entry.focus()
        page.keyboard.press("Enter")
        settle(page)  # the panel slides
        assert entry.get_attribute("aria-expanded") == "true"
        box = links.first.bounding_box()
        assert links.first.is_visible() and box and 0 <= box["x"] < PHONE["width"], box
    finally:
        context.close()
    assert not errors
    context, page, errors = _open(browser, url, PHONE, javascript=False)
    try:
        page.locator("[data-portal-menu]").click()
        settle(page, scripts=False)
        page.locator(".md-sidebar--primary label.md-nav__link[for='__toc']").click()
        settle(page, scripts=False)
        assert page.evaluate("document.getElementById('__toc').checked"), "the tap did not open the panel"
        link = page.locator(".md-sidebar--primary nav.md-nav--secondary a.md-nav__link").first
        box = link.bounding_box()
        assert link.is_visible() and box and 0 <= box["x"] < PHONE["width"], box
    finally:
        context.close()
    assert not errors


# The header's title (Material shows the site's name at the top of a page, the page's title once
# its <h1> is scrolled past), the topics drawn, and the reader's place that the table of
# contents in the drawer marks.
_HEADER_TITLE_JS = """() => {
  const title = document.querySelector('[data-md-component="header-title"]');
  return {pageTitle: title.classList.contains('md-header__title--active'),
          shown: Array.from(title.querySelectorAll('.md-header__topic'))
            .filter(topic => getComputedStyle(topic).opacity === '1').map(topic => topic.textContent.trim()),
          place: Array.from(document.querySelectorAll(
            '.md-sidebar--primary [data-md-component="toc"] a.md-nav__link--active'), a => a.textContent.trim())};
}"""


def _header_title(page: Any) -> dict[str, Any]:
    settle(page)  # the theme's topics slide (.4 s)
    title: dict[str, Any] = page.evaluate(_HEADER_TITLE_JS)
    return title


def test_the_header_behind_the_open_drawer_keeps_its_title(browser: Any, built: dict[str, str]) -> None:
    """A page read halfway down on a phone: the header shows the page's title, the drawer's
    table of contents marks the reader's place. The drawer opened (by the keyboard, by a tap),
    the page held under it took the window's scroll offset to 0 (the body fixed): the theme,
    which follows it, put the site's name in the header under the overlay and took the place off
    the table of contents, then back once closed. They stay as they were, while open (the phone
    turned, too) and once closed; the header's title behind the drawer is out of a screen
    reader's reach (inert). The theme still follows the scroll afterwards, and on the page a
    link of the drawer leads to."""
    context, page, errors = _open(browser, built["demo"] + TOC_PAGE, PHONE)
    try:
        page.evaluate("scrollTo(0, document.scrollingElement.scrollHeight / 2)")
        before = _header_title(page)
        where = page.evaluate("scrollY")
        assert before["pageTitle"] and len(before["shown"]) == 1 and before["place"], before
        assert not any(_ignored(page, ".md-header__topic"))
        for how in ("keyboard", "tap"):
            if how == "keyboard":
                _open_by_keyboard(page)
            else:
                page.locator("[data-portal-menu]").click()
            assert _header_title(page) == before, f"opened by {how}"
            assert all(_ignored(page, ".md-header__topic")), f"opened by {how}: the header's title is read"
            if how == "keyboard":
                page.set_viewport_size({"width": PHONE["height"], "height": PHONE["width"]})  # still a drawer
                assert page.evaluate(_OPEN_JS) and _header_title(page)["pageTitle"], "the phone turned"
                page.set_viewport_size(PHONE)
                page.keyboard.press("Escape")
            else:
                page.mouse.click(PHONE["width"] - 20, PHONE["height"] // 2)  # the overlay
            assert _header_title(page) == before and page.evaluate("scrollY") == where, f"closed after {how}"
            assert not any(_ignored(page, ".md-header__topic"))
        page.evaluate("scrollTo(0, 0)")
        assert not _header_title(page)["pageTitle"], "the theme no longer follows the scroll"
        # A link of the drawer (instant navigation): the new page at its top, then scrolled.
        _open_by_keyboard(page)  # on the panel of the page's section, the focus on its back arrow
        page.keyboard.press("Tab")  # the section's first page
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => !location.pathname.endsWith('/{TOC_PAGE}') && !{_OPEN_JS}")
        assert not _header_title(page)["pageTitle"] and page.evaluate("scrollY") == 0
        page.evaluate("scrollTo(0, document.scrollingElement.scrollHeight / 2)")
        assert _header_title(page)["pageTitle"], "after a link of the drawer, the theme no longer follows the scroll"
    finally:
        context.close()
    assert not errors


def _wheel_scrolls(page: Any, x: int, y: int) -> bool:
    """Whether the wheel over (x, y) scrolls the page."""
    before = page.evaluate("scrollY")
    page.mouse.move(x, y)
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(300)
    return bool(page.evaluate("scrollY") != before)


def _swipe_scrolls(page: Any, x: int, y: int) -> bool:
    """Whether a finger dragged up from (x, y) scrolls the page (touch events through chromium's
    DevTools protocol; the context has touch)."""
    before = page.evaluate("scrollY")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for moved in range(20, 300, 20):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - moved}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()
    page.wait_for_timeout(500)
    return bool(page.evaluate("scrollY") != before)


_CONTENT_TOP_JS = "document.getElementById('__portal-content').getBoundingClientRect().top"


def test_the_page_behind_the_open_drawer_does_not_scroll(browser: Any, built: dict[str, str]) -> None:
    """With the drawer open on a phone, a finger or the wheel on the overlay, or past the end
    of the drawer's list, scrolled the page behind. It stays where it was, and scrolls again,
    from the same place, whatever closes the drawer: Esc, the overlay, a window widened past
    the drawer, a link followed (instant navigation). The root's overflow hidden was the only
    hold, which Safari before iOS 16 ignores on touch: the body is fixed where it was, and the
    page scrolled back there once the drawer closes."""
    url = built["demo"] + next(c.url for c in choices("demo") if c.template == "body.html")
    overlay = (PHONE["width"] - 20, PHONE["height"] // 2)
    context, page, errors = _open(browser, url, PHONE, touch=True)
    try:
        page.evaluate("scrollTo(0, 400)")
        where = page.evaluate("scrollY")
        assert where > 0, "the page is too short to scroll"
        for close in ("Escape", "overlay", "wider"):
            top = page.evaluate(_CONTENT_TOP_JS)
            _open_by_keyboard(page)
            assert page.evaluate(_CONTENT_TOP_JS) == top, "opening the drawer moved the page"
            # Safari before iOS 16 scrolls the root on touch, its overflow hidden or not, as a
            # script may: the page is fixed where it was.
            page.evaluate("document.scrollingElement.scrollTop += 200")
            assert page.evaluate(_CONTENT_TOP_JS) == top, "a scroll of the root moved the page"
            assert not _wheel_scrolls(page, *overlay), "the wheel on the overlay scrolled the page"
            assert not _swipe_scrolls(page, *overlay), "a finger on the overlay scrolled the page"
            for _ in range(3):  # the drawer's own list, scrolled past its end
                _wheel_scrolls(page, 100, PHONE["height"] // 2)
            assert page.evaluate(_CONTENT_TOP_JS) == top, "scrolling the drawer scrolled the page"
            if close == "Escape":
                page.keyboard.press("Escape")
            elif close == "overlay":
                page.mouse.click(*overlay)
            else:
                page.set_viewport_size(DESKTOP)
            settle(page)
            assert not page.evaluate(_OPEN_JS) or close == "wider"
            if close != "wider":
                assert page.evaluate("scrollY") == where, f"closed by {close}, the page moved"
            size = page.viewport_size
            assert _wheel_scrolls(page, size["width"] // 2, size["height"] // 2), f"closed by {close}: no scroll"
            if close != "wider":
                assert _swipe_scrolls(page, *overlay), f"closed by {close}, a finger does not scroll the page"
            page.set_viewport_size(PHONE)
            settle(page)
            page.evaluate(f"scrollTo(0, {where})")
        # A link of the drawer followed: the new page scrolls.
        _open_by_keyboard(page)
        page.keyboard.press("Tab")  # the drawer's title (the site's logo), then "Trang chủ"
        page.keyboard.press("Enter")
        page.wait_for_url(built["demo"])
        page.wait_for_function(f"() => !{_OPEN_JS}")
        settle(page)
        assert _wheel_scrolls(page, 100, 300), "after a link of the drawer, the new page does not scroll"
    finally:
        context.close()
    assert not errors


def test_the_menu_opens_the_drawer_without_javascript(browser: Any, built: dict[str, str]) -> None:
    """A phone with JavaScript off, or before the script has come on a slow line: the menu is
    the theme's label for the drawer's checkbox, so a tap opens the drawer on its links and the
    overlay closes it. It has a tooltip and no aria-expanded (no script would keep it true).
    The keyboard reaches the drawer's checkbox, named by the menu, and Space opens it; once
    the script runs, the menu is the button of the tests above and the checkbox is out of the
    tab order again."""
    url = built["demo"] + next(c.url for c in choices("demo") if c.template == "body.html")
    context, page, errors = _open(browser, url, PHONE, javascript=False)
    try:
        menu = page.locator("[data-portal-menu]")
        links = page.locator(".md-sidebar--primary a[href]")
        assert not links.first.is_visible(), "the closed drawer shows"
        # The keyboard: the first Tab is the drawer's checkbox (named by the menu, the menu
        # showing the focus), Space opens the drawer, whose links Tab then reaches.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "__drawer"
        # The name chromium gives screen readers (Playwright's own reckoning skips a label's title).
        tree = context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        names = [n["name"]["value"] for n in tree if n.get("role", {}).get("value") == "checkbox"]
        assert names == ["Danh mục trang"], names
        assert menu.evaluate("el => getComputedStyle(el).outlineStyle") != "none", "the menu shows no focus"
        page.keyboard.press("Space")
        settle(page, scripts=False)
        assert page.evaluate("document.getElementById('__drawer').checked"), "Space did not open the drawer"
        walk = []
        for _ in range(HEADER_STOPS + 2):
            page.keyboard.press("Tab")
            walk.append(_focus(page, scripts=False))
        assert any(f["inNav"] and f["shown"] for f in walk), [f["name"] for f in walk]
        page.locator("#__drawer").focus()
        page.keyboard.press("Space")
        settle(page, scripts=False)
        assert not page.evaluate("document.getElementById('__drawer').checked") and not links.first.is_visible()
        menu.click()
        settle(page, scripts=False)  # the drawer slides (.25 s)
        assert page.evaluate("document.getElementById('__drawer').checked"), "the tap did not open the drawer"
        box = links.first.bounding_box()
        assert links.first.is_visible() and box and 0 <= box["x"] < PHONE["width"], box
        page.mouse.click(PHONE["width"] - 20, PHONE["height"] // 2)  # the overlay
        settle(page, scripts=False)
        assert not page.evaluate("document.getElementById('__drawer').checked")
        assert not links.first.is_visible()
        assert menu.is_visible() and menu.get_attribute("title") == "Danh mục trang"
        assert menu.get_attribute("aria-expanded") is None
    finally:
        context.close()
    assert not errors


def test_the_choice_covers_every_kind_and_block() -> None:
    demo = choices("demo")
    assert {c.template for c in demo} == set(TEMPLATES)
    # The markers see the macros' blocks too (a roster, a role note, a deadline).
    assert any(block.startswith("_macros.html:") for c in demo for block in c.blocks)
    # The fullest page of a kind comes first and shows no fewer blocks than any other.
    for template in TEMPLATES:
        of_kind = [c for c in demo if c.template == template]
        assert of_kind[0].reason == "fullest" and all(len(of_kind[0].blocks) >= len(c.blocks) for c in of_kind)


# The pages an issue named (Củ Chi's school-year and cluster pages with a plan): checked whether
# or not the choice above picks them (a fuller page of their kind may come since).
NAMED_PAGES = ("truong/cc-thcs-nhuan-duc/2024-2025/", "to-chuc/cc-cum-02/2024-2025/")


@pytest.mark.parametrize("url", NAMED_PAGES)
def test_the_pages_an_issue_named(browser: Any, built: dict[str, str], url: str) -> None:
    failures = _check_page(browser, built["public"] + url, f"/{url} (named by an issue)")
    assert not failures, "\n".join(failures)


# Everything a finger can tap in the given areas (the header, the article or the search panel).
_TARGETS_JS = """
(areas) => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
  const shown = el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  };
  const isTarget = el => el.matches(selector) && shown(el);
  // A link inside a sentence: laid out inline, in a block that has text of its own
  // outside any target (WCAG 2.5.8, "Inline" exception).
  const blockOf = el => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
    return node;
  };
  const inSentence = el => {
    const display = getComputedStyle(el).display;
    if (display !== 'inline') return false;
    const block = blockOf(el);
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!text.textContent.trim()) continue;
      const owner = text.parentElement.closest(selector);
      if (!owner || !block.contains(owner)) {
        // Separators alone (" · ", ",", "›") are not a sentence.
        if (/[\\p{L}\\p{N}]/u.test(text.textContent)) return true;
      }
    }
    return false;
  };
  const describe = el => {
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim();
    return el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' +
      el.className.trim().split(/\\s+/).join('.') : '') + ' "' + text.slice(0, 40) + '"';
  };
  const all = [];
  for (const area of areas) {
    for (const root of document.querySelectorAll(area)) {
      for (const el of root.querySelectorAll(selector)) {
        if (isTarget(el) && !all.some(t => t.el === el)) all.push({el});
      }
    }
  }
  for (const t of all) {
    const r = t.el.getBoundingClientRect();
    t.rect = {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height};
    t.cx = t.rect.x + r.width / 2;
    t.cy = t.rect.y + r.height / 2;
    t.small = r.width < %(min)d - 0.01 || r.height < %(min)d - 0.01;
    t.inline = inSentence(t.el);
  }
  const distanceToRect = (x, y, rect) => {
    const dx = Math.max(rect.x - x, 0, x - (rect.x + rect.w));
    const dy = Math.max(rect.y - y, 0, y - (rect.y + rect.h));
    return Math.hypot(dx, dy);
  };
  const offenders = [];
  for (const t of all) {
    if (!t.small || t.inline) continue;
    // Spacing exception: a 24 px circle centred on the target overlaps no other target
    // and no other undersized target's circle.
    const clash = all.find(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && (
      distanceToRect(t.cx, t.cy, o.rect) < %(half)d - 0.01 ||
      (o.small && !o.inline && Math.hypot(t.cx - o.cx, t.cy - o.cy) < %(min)d - 0.01)));
    if (clash) {
      offenders.push(describe(t.el) + ' ' + Math.round(t.rect.w) + 'x' + Math.round(t.rect.h) +
        ' at (' + Math.round(t.rect.x) + ', ' + Math.round(t.rect.y) + '), too close to ' + describe(clash.el));
    }
  }
  return {count: all.length, offenders};
}
""".replace("%(min)d", str(MIN_TARGET)).replace("%(half)d", str(MIN_TARGET // 2))

# Elements of the article that reach past the right edge of the screen without being
# inside a container that scrolls (or clips) sideways.
_OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (/auto|scroll|hidden|clip/.test(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll('article *, .md-header *, .portal-search__panel *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1 || !el.checkVisibility()) continue;
    if (!scrolls(el)) out.push(el.tagName.toLowerCase() + '.' + String(el.className) + ' right=' + Math.round(r.right));
  }
  return out.slice(0, 20);
}
"""

_TABLES_JS = """
() => Array.from(document.querySelectorAll('article table')).map(table => {
  let box = table.parentElement;
  const scrolling = el => /auto|scroll/.test(getComputedStyle(el).overflowX);
  while (box && box.tagName !== 'ARTICLE' && !scrolling(box)) box = box.parentElement;
  const scroller = box && box.tagName !== 'ARTICLE' ? box : null;
  return {
    caption: (table.caption ? table.caption.textContent : table.textContent).trim().slice(0, 60),
    inPortalTable: !!table.closest('.portal-table'),
    portalTableOverflow: table.closest('.portal-table') && getComputedStyle(table.closest('.portal-table')).overflowX,
    scrolls: !!scroller,
    fits: table.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
    wider: scroller ? scroller.scrollWidth > scroller.clientWidth + 1 : false,
    keyboard: scroller ? scroller.tabIndex >= 0 || !!scroller.closest('[tabindex="0"]') : null,
  };
})
"""


def test_axe_is_vendored_with_its_licence() -> None:
    vendor = AXE_JS.parent
    assert (vendor / "LICENSE").read_text(encoding="utf-8").startswith("Mozilla Public License")
    version = (vendor / "VERSION").read_text(encoding="utf-8").split()[0]
    assert AXE_JS.read_text(encoding="utf-8")[:40].startswith(f"/*! axe v{version}")
    assert json.dumps(AXE_EXCLUDE)  # (selector, reason) pairs, documented above
    assert all(reason for _, reason in AXE_EXCLUDE)
