"""Accessibility and phones: axe-core on the main kinds of page, and the same pages at 360 px.

The site is built once for the module (a strict MkDocs build, as in tests/test_search.py),
served on 127.0.0.1 and driven with Debian's chromium. axe-core is vendored in
tests/vendor/axe-core/ (npm package `axe-core`, MPL-2.0, see its LICENSE and VERSION) and
injected into each page; nothing is fetched from the network.

- axe: 0 serious or critical violations on the home page, a school page, a subject
  group, a change page, a decision and the search results, on a wide screen and on a
  phone (the rules axe runs by default: WCAG 2.0-2.2 A/AA and best practices).
- Phones (360 x 740 CSS px): the page never scrolls sideways (wide tables scroll inside
  their own container), tap targets meet WCAG 2.2 "target size (minimum)" (24 x 24 CSS px,
  or spaced so that 24 px circles centred on them do not overlap another target; links
  inside a sentence are exempt, as WCAG says), and a full-page screenshot of each page is
  saved in tests/artifacts/ for review.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_util import ARTIFACTS, REPO, build_site, chromium, require_chromium, serve

AXE_JS = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"

# The pages checked: a name (used in screenshot file names) and a path under the site.
# "search" is the home page with the header search open on "ha thi lien".
PAGES = {
    "home": "",
    "school": "truong/dbp-thcs-him-lam/2024-2025/",
    "group": "to-chuc/dbp-to-cot-can-thcs-gv-toan/2024-2025/",
    "diff": "thay-doi/pgddt-mau/2023-2024-den-2024-2025/",
    "decision": "van-ban/cc-2024-hd-1671/",
    # A list that changed during the year (its control of the list on a day), the changes
    # within a year, a person's timeline.
    "amended": "to-chuc/mau-to-cot-can-toan/2024-2025/",
    "within": "thay-doi/pgddt-mau/2024-2025/",
    "person": "nguoi/mau-vo-van-khoa/",
    "search": "",
}
SEARCH_QUERY = "ha thi lien"

# Markup of the theme (Material for MkDocs) or of Pagefind's UI that axe flags and that
# cannot be fixed from our overrides or stylesheets: (CSS selector, reason). Each entry is
# left out of the axe run on every page. Keep it minimal: fix our own markup instead.
AXE_EXCLUDE: list[tuple[str, str]] = []

FAILING_IMPACTS = ("serious", "critical")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
MIN_TARGET = 24  # CSS px, WCAG 2.2 success criterion 2.5.8 (AA)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site, built once for the module, served at its site_url (instant navigation on)."""
    require_chromium()
    site_dir = tmp_path_factory.mktemp("a11y") / "site"
    with serve(site_dir) as url:
        build_site(site_dir, site_url=url)
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with chromium() as browser:
        yield browser


def _open(browser: Any, base_url: str, name: str, viewport: dict[str, int]) -> tuple[Any, Any, list[str]]:
    """A new context and page showing PAGES[name] (the search with its results shown)."""
    context = browser.new_context(viewport=viewport, locale="vi-VN")
    # Hermetic: only the local server answers (the theme's web fonts fall back to system fonts).
    context.route(re.compile(r"^(?!" + re.escape(base_url) + ")"), lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + PAGES[name])
    if name == "search":
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
    return context, page, errors


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


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_or_critical_violation(browser: Any, base_url: str, name: str, viewport: str) -> None:
    size = PHONE if viewport == "phone" else DESKTOP
    context, page, errors = _open(browser, base_url, name, size)
    try:
        assert page.evaluate("document.documentElement.lang") == "vi"
        violations = _axe(page)
    finally:
        context.close()
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not failing, f"axe on {name} (/{PAGES[name]}, {size['width']} px):\n" + _report(failing)
    assert not errors, errors


@pytest.mark.parametrize("name", [name for name in PAGES if name != "search"])
def test_one_title_per_page(browser: Any, base_url: str, name: str) -> None:
    """One <h1>, the page's own: the theme adds its title as an <h1> when the content has none."""
    context, page, errors = _open(browser, base_url, name, DESKTOP)
    try:
        titles = page.evaluate("Array.from(document.querySelectorAll('h1'), h => h.textContent.trim())")
    finally:
        context.close()
    assert len(titles) == 1, f"{name}: {len(titles)} <h1>: {titles}"


# Phones --------------------------------------------------------------------------------

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


@pytest.mark.parametrize("name", list(PAGES))
def test_on_a_phone_360px(browser: Any, base_url: str, name: str) -> None:
    context, page, errors = _open(browser, base_url, name, PHONE)
    try:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"a11y-360-{name}.png"), full_page=True)
        widths = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        overflow = page.evaluate(_OVERFLOW_JS)
        tables = page.evaluate(_TABLES_JS)
        # With the search open, the panel covers the article: its targets are the ones to tap.
        areas = [".md-header", "#portal-search-panel" if name == "search" else "article"]
        targets = page.evaluate(_TARGETS_JS, areas)
    finally:
        context.close()
    assert widths[0] <= widths[1] + 1, f"{name}: the page scrolls sideways ({widths[0]} > {widths[1]}): {overflow}"
    assert not overflow, f"{name}: past the right edge, outside any scrolling box: {overflow}"
    for table in tables:
        if table["inPortalTable"]:
            assert table["portalTableOverflow"] == "auto", table
        assert table["fits"] or table["scrolls"], f"{name}: a wide table widens the page: {table}"
        if table["wider"]:
            assert table["keyboard"], f"{name}: a table that scrolls cannot be scrolled by keyboard: {table}"
    assert targets["count"] > 0
    assert not targets["offenders"], f"{name}: tap targets under {MIN_TARGET} px, too close to another:\n" + \
        "\n".join(targets["offenders"])
    assert not errors, errors


def test_axe_is_vendored_with_its_licence() -> None:
    vendor = AXE_JS.parent
    assert (vendor / "LICENSE").read_text(encoding="utf-8").startswith("Mozilla Public License")
    version = (vendor / "VERSION").read_text(encoding="utf-8").split()[0]
    assert AXE_JS.read_text(encoding="utf-8")[:40].startswith(f"/*! axe v{version}")
    assert json.dumps(AXE_EXCLUDE)  # (selector, reason) pairs, documented above
    assert all(reason for _, reason in AXE_EXCLUDE)
