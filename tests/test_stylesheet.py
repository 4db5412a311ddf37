"""One purged stylesheet in place of Material's main and palette sheets and portal.css.

- The purge (portal_mkdocs/css_purge.py) on small, realistic sheets: what no page or script
  can match goes, what one can stays, including names only a script adds, names a script
  builds from a prefix, `:is()`, exact attribute values, custom properties read through
  `var()` (a chain of them) and @keyframes.
- The built site: every page links the one sheet, named after its content's hash, with its
  .gz and .br copies; the original sheets stay. The scan of a province's pages keeps only
  the names the sheets may ask about, and forgets tags it read long ago, yet purges to the
  same bytes as a scan that keeps every name.
- In a browser, on the fullest page of every kind, every hand-written page, the 404 page and
  the search results, at 360 and 1280 px: every element (and its ::before and ::after)
  has the same computed style with the purged sheet as with the original three.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_util import REPO, RESULTS_COUNTED, Requests, chromium, require_chromium, serve, settle
from examples import examples
from fullest_pages import TEMPLATES, fullest_pages
from hypothesis import given, settings
from hypothesis import strategies as st

from portal_mkdocs import site_names, theme
from portal_mkdocs.css_purge import names_asked, purge
from portal_mkdocs.search import FILTER_LABELS
from portal_mkdocs.site_names import SCRIPT_SUFFIXES, Collector, names_in
from portal_mkdocs.stylesheet import FOLDER, JOINED, join_stylesheets, read_pages

PAGE = """<!doctype html><html lang="vi"><head><style>p{margin:0}</style></head>
<body data-md-color-scheme="default" data-md-color-primary="indigo">
<header class="md-header" data-md-component="header"><label class="md-header__button md-icon" for="__drawer">
<svg viewBox="0 0 24 24"><path d="M3 6h18"/></svg></label></header>
<article class="md-content__inner md-typeset"><h1 id="to-cot-can">Tổ cốt cán</h1>
<table class="portal-table"><tr><td style="--portal-width: 12rem">Hà Thị Liên</td></tr></table>
<details open><summary>Căn cứ</summary></details></article></body></html>"""
SCRIPT = """const e=document.querySelector(".md-header");e.classList.add("md-header--shadow");
t.className=`md-source__fact md-source__fact--${key}`;"""
NAMES = names_in([PAGE], [SCRIPT])


def kept(css: str) -> str:
    return purge(css, NAMES)


def test_rules_no_page_can_match_go_and_the_others_stay() -> None:
    css = (".md-typeset table:not([class]){border:0}.md-typeset .admonition{margin:1em}"
           ".md-typeset .tabbed-set>input{display:none}.md-header__button.md-icon{padding:.4rem}"
           "#to-cot-can{scroll-margin:1rem}#__mermaid_0{color:red}svg path{fill:currentcolor}")
    assert kept(css) == (".md-typeset table:not([class]){border:0}.md-header__button.md-icon{padding:.4rem}"
                         "#to-cot-can{scroll-margin:1rem}svg path{fill:currentcolor}")


def test_a_selector_list_keeps_only_what_may_match() -> None:
    """One selector that may match keeps the rule whole (its declarations apply to that one)."""
    assert kept(".admonition,.portal-table td{color:red}") == ".admonition,.portal-table td{color:red}"
    assert kept(".admonition,.tabbed-set{color:red}") == ""


def test_names_a_script_adds_or_builds_are_kept() -> None:
    css = ".md-header--shadow{box-shadow:0 0 .2rem #0000}.md-source__fact--stars:before{content:'★'}"
    assert kept(css) == css.replace("'★'", '"★"')
    assert kept(".md-header--hidden{opacity:0}") == "", "a name no script spells is not kept"


def test_is_and_where_match_when_one_of_their_selectors_may_not_and_has_are_kept() -> None:
    assert kept(".md-typeset :is(.admonition,details){margin:0}") == ".md-typeset :is(.admonition,details){margin:0}"
    assert kept(".md-typeset :is(.admonition,.tabbed-set){margin:0}") == ""
    assert kept(".md-typeset :where(.tabbed-set) p{margin:0}") == ""
    assert kept("td:not(.admonition){margin:0}") == "td:not(.admonition){margin:0}"
    assert kept("td:has(.tabbed-set){margin:0}") == "td:has(.tabbed-set){margin:0}"


def test_attribute_values_must_be_on_a_page_when_matched_exactly() -> None:
    css = "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}[data-md-color-primary=red]{--x:1}" \
          "[data-md-color-primary^=re]{--y:1}[data-md-toggle=search]{--z:1}"
    assert purge(css + ".a{color:var(--md-primary-fg-color) var(--x) var(--y) var(--z)}",
                 names_in([PAGE + '<p class="a">'], [])) == (
        "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}[data-md-color-primary^=re]{--y:1}"
        ".a{color:var(--md-primary-fg-color) var(--x) var(--y) var(--z)}")


def test_custom_properties_nothing_reads_go_with_what_only_they_read() -> None:
    css = (":root{--md-a:1px;--md-b:var(--md-a);--md-c:2px;--md-d:var(--md-c);--portal-width:auto}"
           ".md-typeset{margin:var(--md-b)}.admonition{margin:var(--md-d)}")
    assert kept(css) == ":root{--md-a:1px;--md-b:var(--md-a);--portal-width:auto}.md-typeset{margin:var(--md-b)}", \
        "--md-c and --md-d are read only by a dropped rule; --portal-width by a page's inline style"
    assert kept(":root{--md-c:2px}.admonition{margin:var(--md-c)}") == "", "a rule left empty goes"


def test_media_blocks_and_keyframes_go_when_nothing_in_them_or_using_them_stays() -> None:
    css = ("@media print{.admonition{display:none}}@media screen and (max-width:76.234375em){.md-header{top:0}}"
           "@keyframes md-spin{to{transform:rotate(1turn)}}@keyframes md-fade{to{opacity:0}}"
           ".md-header{animation:md-spin 1s}.admonition{animation:md-fade 1s}@font-face{font-family:x;src:url(x.woff)}")
    assert kept(css) == ("@media screen and (max-width:76.234375em){.md-header{top:0}}"
                         "@keyframes md-spin{to{transform:rotate(1turn)}}.md-header{animation:md-spin 1s}"
                         "@font-face{font-family:x;src:url(x.woff)}")


def test_comments_and_the_source_map_go_and_the_result_is_stable() -> None:
    css = '@charset "UTF-8";/* Material */.md-header{top:0}\n/*# sourceMappingURL=main.min.css.map*/'
    once = kept(css)
    assert once == '@charset "UTF-8";.md-header{top:0}'
    assert kept(once) == once


# The built site --------------------------------------------------------------------------

SITE_SHEET = re.compile(r'<link rel="stylesheet" href="(?P<root>[^"]*)'
                        r'(?P<sheet>assets/stylesheets/site\.(?P<digest>[0-9a-f]{8})\.min\.css)">')


def test_every_page_links_the_one_purged_sheet_named_by_its_content(public_site: Path) -> None:
    pages = sorted(public_site.rglob("*.html"))
    assert len(pages) > 200
    sheets = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert JOINED.search(html) is None, f"{page}: still links one of the joined sheets"
        found = [(link["sheet"], link["digest"]) for link in SITE_SHEET.finditer(html)]
        assert len(found) == 1, f"{page}: {found}"
        sheets.add(found[0])
    [(sheet, digest)] = sheets
    data = (public_site / sheet).read_bytes()
    assert hashlib.sha256(data).hexdigest()[:8] == digest
    assert (public_site / (sheet + ".gz")).is_file() and (public_site / (sheet + ".br")).is_file()
    folder = public_site / "assets/stylesheets"
    originals = [path.name for path in folder.glob("*.css") if path.name != Path(sheet).name]
    assert len(originals) == 3 and Path(theme.STYLESHEET).name in originals, "the originals stay"
    assert len(data) < 0.6 * sum((folder / name).stat().st_size for name in originals)


def test_only_links_next_to_each_other_are_joined_and_the_rest_of_the_page_stays(tmp_path: Path) -> None:
    """Something between two links (an office's own template) keeps them apart, or the
    cascade would change."""
    folder = tmp_path / "assets/stylesheets"
    folder.mkdir(parents=True)
    (folder / "main.0123abcd.min.css").write_text(".md-header{top:0}.admonition{margin:0}", encoding="utf-8")
    (folder / "palette.4567cdef.min.css").write_text("[data-md-color-primary=indigo]{color:red}", encoding="utf-8")
    (tmp_path / theme.STYLESHEET).write_text(".portal-table td{padding:0}", encoding="utf-8")
    portal_link = f'<link rel="stylesheet" href="../../{theme.STYLESHEET}">'
    links = ('<link rel="stylesheet" href="../../assets/stylesheets/main.0123abcd.min.css">\n    '
             '<link rel="stylesheet" href="../../assets/stylesheets/palette.4567cdef.min.css">\n    ')
    title = "<title>Tổ cốt cán — Sơn Hà</title>"  # letters of two and three bytes before the links
    together = PAGE.replace("<style>", title + links + portal_link + '<link rel="stylesheet" href="../../extra.css">'
                            "<style>")
    apart = PAGE.replace("<style>", title + links + "<style>a{}</style>" + portal_link + "<style>")
    for name, html in (("together", together), ("apart", apart)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(html, encoding="utf-8")
    two, three = sorted(join_stylesheets(tmp_path), key=lambda joined: len(joined.sources))
    assert (three.sources, three.pages, two.pages) == ((*two.sources, theme.STYLESHEET), 1, 1)
    css = ".md-header{top:0}[data-md-color-primary=indigo]{color:red}.portal-table td{padding:0}"
    assert (tmp_path / three.sheet).read_text(encoding="utf-8") == css
    assert three.sheet == f"assets/stylesheets/site.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css"
    assert (tmp_path / "together/index.html").read_text(encoding="utf-8") == PAGE.replace(
        "<style>", f'{title}<link rel="stylesheet" href="../../{three.sheet}">'
                   '<link rel="stylesheet" href="../../extra.css"><style>')
    assert (tmp_path / "apart/index.html").read_text(encoding="utf-8") == PAGE.replace(
        "<style>", f'{title}<link rel="stylesheet" href="../../{two.sheet}">\n    '
                   f'<style>a{{}}</style>{portal_link}<style>')



def test_pages_read_while_pagefind_writes_its_bundle_give_the_same_site(tmp_path: Path) -> None:
    """index_and_sheets.py reads the pages outside `pagefind/` while Pagefind writes it, the
    rest (its scripts, a page there) after: the sheet, its name and the pages are the same."""
    sites = []
    for name in ("at-once", "in-two"):
        site = tmp_path / name
        folder = site / "assets/stylesheets"
        folder.mkdir(parents=True)
        (folder / "main.0123abcd.min.css").write_text(".a{top:0}.b{top:1}.c{top:2}.d{top:3}.e{top:4}",
                                                      encoding="utf-8")
        (site / theme.STYLESHEET).write_text(".f{top:5}", encoding="utf-8")
        links = ('<link rel="stylesheet" href="{up}assets/stylesheets/main.0123abcd.min.css">'
                 '<link rel="stylesheet" href="{up}' + theme.STYLESHEET + '">')
        for page, used in (("x/index.html", "a"), ("y/z/index.html", "b"), ("pagefind/ui/index.html", "c")):
            up = "../" * page.count("/")
            (site / page).parent.mkdir(parents=True, exist_ok=True)
            (site / page).write_text(f'<html><head>{links.format(up=up)}</head><body class="{used}"></body></html>',
                                     encoding="utf-8")
        (site / "pagefind/pagefind-ui.js").write_text('el.classList.add("d")', encoding="utf-8")
        read = read_pages(site, outside="pagefind") if name == "in-two" else None
        joined = join_stylesheets(site, read)
        assert [j.pages for j in joined] == [3]
        sites.append(site)
    files = [sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file()) for site in sites]
    assert files[0] == files[1]
    assert all((sites[0] / f).read_bytes() == (sites[1] / f).read_bytes() for f in files[0])
    sheet = next((sites[1] / "assets/stylesheets").glob("site.*.min.css")).read_text(encoding="utf-8")
    # The names of the page and of the script in the bundle's folder, read last, are kept.
    assert ".c{" in sheet and ".d{" in sheet and ".e{" not in sheet

def test_the_names_a_sheet_may_ask_about_are_every_name_in_it_as_written_and_in_lower_case() -> None:
    asked = names_asked('@media screen{DIV.Md-Tabs>#Nav-1[data-md-state="a b"]{--md-x:var(--md-y)}}'
                        '.md-typeset :is(.\\31 0,.admonition){animation:spin 1s}')
    assert {"DIV", "div", "Md-Tabs", "md-tabs", "Nav-1", "data-md-state", "a b", "--md-x", "--md-y",
            "10", "admonition", "spin", "screen"} <= asked
    assert "md-typeset :is" not in asked and "" not in asked


def province_pages(count: int) -> Iterator[str]:
    """Pages as a province's are: the same header on each, and links, ids and values of
    their own (a person's link, a body's anchor), in mixed case and quoting."""
    for i in range(count):
        yield (f'<html><body data-md-color-scheme="default"><header class="md-header">'
               f'<a href="../../nguoi/p{i:05d}/" class="md-nav__link" title="Hà Thị Liên {i}">x</a>'
               f"<TD id='to-{i}' data-portal-year=\"202{i % 10}-202{i % 10 + 1}\" class='portal-cell  extra-{i}'>"
               f'<span style="--portal-width: {i}rem">y</span></TD></header></body></html>')


def test_a_scan_of_a_province_keeps_only_what_the_sheets_ask_and_forgets_old_tags(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of 3 x TAGS_REMEMBERED pages adds tags, values and ids of its own: the scan keeps
    none of them, nor every tag it read, and purges to the same bytes as one that keeps all.
    (The limit lowered to 1,000: the same behaviour on 3,000 pages instead of 60,000.)"""
    monkeypatch.setattr(site_names, "TAGS_REMEMBERED", 1_000)
    TAGS_REMEMBERED = site_names.TAGS_REMEMBERED  # noqa: N806 (the module's constant, as patched)
    css = ("[data-md-color-scheme=default]{--md-a:1}[data-portal-year=\"2023-2024\"]{top:0}"
           "[data-portal-year=\"1999-2000\"]{top:1}#to-7{top:2}#to-x{top:3}.portal-cell{top:4}.extra-9{top:5}"
           "td{top:6}.md-nav__link{color:var(--md-a)}.md-tabs{top:7}:root{--portal-width:0}")
    asked = names_asked(css)
    pages = list(province_pages(3 * TAGS_REMEMBERED))
    every, cut = Collector(), Collector(asked)
    for html in pages:
        every.page(html)
        cut.page(html)
        assert len(cut.tags_read) <= TAGS_REMEMBERED + 5, "at most the tags of one page beyond the limit"
    assert purge(css, cut.names()) == purge(css, every.names()) == (
        "[data-md-color-scheme=default]{--md-a:1}[data-portal-year=\"2023-2024\"]{top:0}#to-7{top:2}"
        ".portal-cell{top:4}.extra-9{top:5}td{top:6}.md-nav__link{color:var(--md-a)}:root{--portal-width:0}")
    assert len(every.values) > 3 * TAGS_REMEMBERED
    kept = cut.names()
    assert kept.ids == {"to-7"} and kept.classes == {"md-nav__link", "portal-cell", "extra-9"}
    assert len(kept.values) < 20


def test_the_names_kept_for_the_sample_site_purge_its_sheets_as_every_name_would(repo_site: Path) -> None:
    """On the repository's site, every page kind: the sheets the build joined, purged against
    the names the build kept (only those asked) and against every name of every page."""
    folder = repo_site / FOLDER
    sources = sorted(p for p in folder.glob("*.css") if JOINED.fullmatch(p.relative_to(repo_site).as_posix()))
    whole = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    files = sorted(p for p in repo_site.rglob("*") if p.is_file())
    pages = [p.read_text(encoding="utf-8") for p in files if p.suffix == ".html"]
    scripts = [p.read_text(encoding="utf-8") for p in files if p.suffix in SCRIPT_SUFFIXES]
    every = names_in(pages, scripts)
    kept = names_in(pages, scripts, asked=frozenset().union(*(names_asked(p.read_text(encoding="utf-8"))
                                                              for p in sources)))
    assert len(kept.values) < len(every.values) / 4 and len(kept.ids) < len(every.ids) / 4
    assert purge(whole, kept) == purge(whole, every)
    assert len(purge(whole, kept)) < 0.6 * len(whole)


# In a browser ----------------------------------------------------------------------------

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
CLOCK = "2024-11-15T09:00:00+07:00"
# Every shown element's computed style (the head's links differ), and its ::before and ::after where they exist, as one
# string each. Custom properties are left out: the purge drops those nothing reads, and one
# that something reads shows in the property that reads it.
# The properties' names are read once: a computed style lists every property, the same for
# every element, and asking each style for its length and names made the snapshot 3.5 times
# slower (3.5 s against 1 s for a decision's page in Chromium).
COMPUTED = """() => {
  const names = [...getComputedStyle(document.documentElement)].filter(name => !name.startsWith('--'));
  return [document.documentElement, document.body, ...document.body.querySelectorAll('*')].map(element => {
    const parts = [element.tagName, element.className && String(element.className)];
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      if (pseudo && style.content === 'none') continue;
      parts.push(pseudo);
      for (const name of names) parts.push(name + ':' + style.getPropertyValue(name));
    }
    return parts.join(';');
  });
}"""
# The snapshot kept in the page, and its SHA-256 returned: a page's snapshot is megabytes (6.7 MB
# for a decision's page), and carrying it to Python took as long as taking it. It is fetched
# (STYLES) only to say where two snapshots differ.
DIGEST = f"""async () => {{
  window.__portalStyles = ({COMPUTED})();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(window.__portalStyles.join('\\n')));
  return Array.from(new Uint8Array(digest), byte => byte.toString(16).padStart(2, '0')).join('');
}}"""
STYLES = "() => window.__portalStyles"


# The results are counted and shown, with Pagefind's own stylesheet, and a group of filters
# for each filter of the index (the query finds pages with each).
SEARCH_DONE = (f"() => ({RESULTS_COUNTED})()"
               " && document.querySelector('#portal-search-ui .pagefind-ui__result-link')"
               " && [...document.styleSheets].some(sheet => (sheet.href || '').includes('pagefind'))"
               " && document.querySelectorAll('#portal-search-ui .pagefind-ui__filter-group').length"
               f" === {len(FILTER_LABELS)}")
# The text the search UI shows: results, their count, the filters and their counts.
SEARCH_TEXT = "() => document.querySelector('#portal-search-ui').innerText"


@pytest.fixture(scope="module")
def served(repo_site: Path) -> Iterator[tuple[Path, str]]:
    with serve(repo_site) as url:
        yield repo_site, url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with chromium() as browser:
        yield browser


# Each kind of generated page (its template), and the hand-written ones: a test each, which
# may run on any worker (a kind takes up to a minute: two loads a page, each settling).
HAND_WRITTEN = "hand-written"


@functools.cache
def fullest_urls() -> dict[str, list[str]]:
    """The fullest pages of each kind in the repository's site with the sample office (which
    has every kind), by template."""
    urls: dict[str, list[str]] = {}
    for choice in fullest_pages(REPO / "data", REPO, sample_data=True):
        urls.setdefault(choice.template, []).append(choice.url)
    return urls


def pages_to_compare(kind: str) -> list[str]:
    """The fullest pages of a kind; for HAND_WRITTEN, every page of content/ and the 404 page."""
    if kind == HAND_WRITTEN:
        return sorted({f"{path.stem}/" for path in (REPO / "content").glob("*.md") if path.stem != "index"}
                      | {"", "404.html"})
    return fullest_urls().get(kind, [])


def original_links(site: Path) -> str:
    """The links the build wrote before it joined the sheets (prefix: the site's root)."""
    folder = site / "assets/stylesheets"
    names = [*(path.name for prefix in ("main.", "palette.") for path in folder.glob(f"{prefix}*.min.css")),
             Path(theme.STYLESHEET).name]
    return "".join(f'<link rel="stylesheet" href="{{root}}assets/stylesheets/{name}">' for name in names)


@dataclass(frozen=True)
class Snapshot:
    """A settled page's computed styles: their digest, the styles themselves if asked for,
    and the search UI's text (empty but with `search`)."""
    digest: str
    styles: list[str] | None
    shown: str


def computed_styles(browser: Any, url: str, viewport: dict[str, int], originals: str | None,
                    search: bool = False, keep_styles: bool = False, steady: bool = False) -> Snapshot:
    """Every shown element's computed style once the page has settled (COMPUTED), as a
    digest and, with `keep_styles`, as the styles. With `steady`, only once two snapshots a
    tenth of a second apart agree (each once no request is in flight and nothing moves:
    transitions; Pagefind's filters load late)."""
    context = browser.new_context(viewport=viewport, locale="vi-VN")
    page = context.new_page()
    page.clock.set_fixed_time(CLOCK)
    if originals is not None:
        def restore(route: Any) -> None:
            response = route.fetch()
            html = response.text()
            if "text/html" in response.headers.get("content-type", ""):
                html = SITE_SHEET.sub(lambda link: originals.format(root=link["root"]), html)
            route.fulfill(response=response, body=html)
        page.route(re.compile(r"(/|\.html)$"), restore)
    requests = Requests(page)
    page.goto(url)
    if search:
        page.locator(".md-header .portal-search__toggle").click()
        query = page.locator("#portal-search-input")
        query.press_sequentially("ha thi lien", delay=5)
        page.wait_for_function(SEARCH_DONE, timeout=10_000)
    settle(page, requests)
    digest: str = page.evaluate(DIGEST)
    for _ in range(20 if steady else 0):
        page.wait_for_timeout(100)
        settle(page, requests)
        previous, digest = digest, page.evaluate(DIGEST)
        if digest == previous:
            break
    snapshot = Snapshot(digest, page.evaluate(STYLES) if keep_styles else None,
                        page.evaluate(SEARCH_TEXT) if search else "")
    context.close()
    return snapshot


def first_difference(purged: list[str], original: list[str]) -> str:
    for index, (ours, theirs) in enumerate(zip(purged, original, strict=False)):
        if ours != theirs:
            changed = sorted(set(ours.split(";")) ^ set(theirs.split(";")))
            return f"element {index} ({ours[:60]}): {changed[:12]}"
    return f"{len(purged)} elements against {len(original)}"


def difference(browser: Any, url: str, viewport: dict[str, int], originals: str, search: bool = False) -> str:
    """How the page looks different with the original sheets ("" if it does not). A first
    snapshot of each load, once settled: two separate loads that agree are the same page
    (about a third of the comparison's time is saved where they do: a snapshot of a
    decision's page takes half a second). A difference must hold in three more rounds of
    steady snapshots, each with the same text shown in both loads (Pagefind's UI shows its
    filter groups at varying times; other text is other content, not style). The styles are
    compared by digest; after a first difference, they are kept to say where."""
    purged, original = (computed_styles(browser, url, viewport, sheets, search) for sheets in (None, originals))
    if purged.digest == original.digest:
        return ""
    found = ""
    for round_ in range(3):
        purged, original = (computed_styles(browser, url, viewport, sheets, search, keep_styles=round_ > 0,
                                            steady=True)
                            for sheets in (None, originals))
        if purged.digest == original.digest:
            return ""
        if purged.shown != original.shown:
            found = (f"the search UI showed other text with the original sheets:\n{purged.shown}\n---\n"
                     f"{original.shown}")
        elif purged.styles is not None and original.styles is not None:
            found = first_difference(purged.styles, original.styles)
    return found


@pytest.mark.spread
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("kind", [*TEMPLATES, HAND_WRITTEN])
def test_every_element_looks_the_same_with_the_purged_sheet(browser: Any, served: tuple[Path, str],
                                                            viewport: dict[str, int], kind: str) -> None:
    site, base = served
    paths = pages_to_compare(kind)
    assert paths, f"{kind}: no page of this kind in the demo build, which has every kind"
    originals = original_links(site)
    failures = [f"/{path}: {found}" for path in paths
                if (found := difference(browser, base + path, viewport, originals))]
    assert not failures, "\n".join(failures)


def test_the_comparison_finds_a_rule_the_purge_would_have_dropped(browser: Any, served: tuple[Path, str]) -> None:
    """The comparison itself: the original sheets and one rule more (as if the purged sheet
    lacked it) differ, in every round, and the element is named."""
    site, base = served
    with_one_more = original_links(site) + "<style>h1{{text-decoration-line:overline!important}}</style>"
    found = difference(browser, base + "404.html", PHONE, with_one_more)
    assert found.startswith("element ") and "(H1;" in found and "text-decoration-line:overline" in found, found


@pytest.mark.spread
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_search_results_look_the_same_with_the_purged_sheet(browser: Any, served: tuple[Path, str],
                                                                viewport: dict[str, int]) -> None:
    site, base = served
    found = difference(browser, base, viewport, original_links(site), search=True)
    assert not found, f"search results: {found}"


# The start tags as read by the plain form of site_names.TAG, which backtracks.
BACKTRACKING_TAG = re.compile(r"""<([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")


@settings(max_examples=examples(300))
@given(st.lists(st.sampled_from(['<a', '<p ', 'class="x y"', "title='a>b'", '"', "'", ">", "<", " ", "=",
                                 "Hà Thị Liên", "\n", "data-md", "<!-- -->", "</a>", "<svg:path d"]), max_size=40))
def test_the_possessive_tag_pattern_reads_what_the_backtracking_one_reads(pieces: list[str]) -> None:
    html = "".join(pieces)
    assert site_names.TAG.findall(html) == BACKTRACKING_TAG.findall(html)
