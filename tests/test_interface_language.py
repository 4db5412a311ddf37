"""Vietnamese throughout: no English interface text of the theme on any kind of page.

The English strings are read from Material's own English language file in the installed
package, so a string a new Material version adds is looked for too. The pages are one per
page template (derived from the templates in the package and the pages of the built site),
every hand-written page and the 404 page, in the site with the sample office (every kind of
page is there) and in the default site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import pytest

from conftest import REPO
from portal.model import Portal
from portal.pages import Pages
from portal.sample import without_sample
from portal.urls import src_uri

ENGLISH_FILE = "templates/partials/languages/en.html"
# Strings of the language file that are not English prose, each with the reason.
NOT_PROSE = {
    "language": "a language code",
    "direction": "a writing direction (ltr)",
    "search.config.lang": "a setting of Material's search (off here)",
    "search.config.pipeline": "a setting of Material's search (off here)",
    "search.config.separator": "a setting of Material's search (off here)",
    "blog.categories.in": "'in' is also a Vietnamese word (to print: 'bản in')",
}
# What a reader sees or hears besides the text: tooltips, labels for screen readers, images.
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def english_strings() -> dict[str, str]:
    """Material's English interface strings by key, from its language file."""
    source = (files("material") / ENGLISH_FILE).read_text(encoding="utf-8")
    strings = dict(re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)",?\s*$', source, re.MULTILINE))
    assert {"action.edit", "footer.next", "search.result.none", "toc"} <= set(strings), "the file's shape changed"
    return {key: text for key, text in strings.items() if key not in NOT_PROSE}


def english_pattern() -> re.Pattern[str]:
    """Any of the strings as words of their own ('#' in a string stands for a number)."""
    phrases = sorted(english_strings().values(), key=len, reverse=True)
    alternatives = [re.escape(phrase).replace("\\#", "#").replace("#", r"\d+") for phrase in phrases]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


class _ShownText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        self.parts += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.parts.append(data.strip())


def shown_text(page: Path) -> list[str]:
    """The text of a page, and the attributes shown or read aloud: not scripts or styles."""
    parser = _ShownText()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.parts


def page_templates() -> set[str]:
    folder = files("portal") / "templates"
    return {p.name for p in folder.iterdir() if p.name.endswith(".html") and not p.name.startswith("_")}


def one_page_per_kind(site: Path, portal: Portal) -> Iterator[tuple[str, Path]]:
    """(kind, file): the first built page of each template, every hand-written page, 404."""
    seen = set()
    for spec in Pages(portal).all():
        page = site / src_uri(spec.url).removesuffix("index.md").removesuffix(".md") / "index.html"
        if spec.template not in seen and page.exists():
            seen.add(spec.template)
            yield spec.template, page
    for markdown in sorted((REPO / "content").glob("*.md")):
        yield markdown.name, site / markdown.stem / "index.html"
    yield "404", site / "404.html"


def english_on(page: Path) -> list[str]:
    pattern = english_pattern()
    return [f"{match!r} in {text[:80]!r}" for text in shown_text(page) for match in pattern.findall(text)]


def test_the_english_strings_are_found_where_they_are() -> None:
    pattern = english_pattern()
    assert pattern.search("Back to top") and pattern.search("3 matching documents")
    assert pattern.search("Made with Material for MkDocs") is None, "not in the language file"
    assert pattern.search("bản in và bản tải về") is None and pattern.search("Tổ cốt cán") is None


def test_every_page_template_has_a_page_in_the_sample_site(repo_site: Path, repo_portal: Portal) -> None:
    kinds = {kind for kind, _ in one_page_per_kind(repo_site, repo_portal)}
    assert page_templates() <= kinds
    assert {"404", "gioi-thieu.md"} <= kinds


@pytest.mark.parametrize("which", ["with the sample office", "default"])
def test_no_page_kind_shows_the_themes_english(which: str, repo_site: Path, public_site: Path,
                                               repo_portal: Portal) -> None:
    site, portal = (repo_site, repo_portal) if which != "default" else (public_site, without_sample(repo_portal))
    found = {kind: english_on(page) for kind, page in one_page_per_kind(site, portal)}
    assert len(found) > 10
    assert {kind: hits for kind, hits in found.items() if hits} == {}


def test_the_footer_names_the_publisher_in_vietnamese(repo_site: Path, repo_portal: Portal) -> None:
    publisher = re.search(r"(?m)^\s+publisher: (.+)$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert publisher is not None
    for _, page in one_page_per_kind(repo_site, repo_portal):
        html = page.read_text(encoding="utf-8")
        footer = " ".join(shown_text_of(html[html.index('<div class="md-copyright">'):html.index("</footer>")]))
        assert f"© {publisher[1]}" in footer and f"Cổng thông tin do {publisher[1]} công bố" in footer, page
        assert "Made with" not in html


def shown_text_of(html: str) -> list[str]:
    parser = _ShownText()
    parser.feed(html)
    return parser.parts


def test_the_404_page_is_vietnamese_and_leads_home(repo_site: Path) -> None:
    page = repo_site / "404.html"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="vi"' in html
    text = " ".join(shown_text(page))
    assert "Không tìm thấy trang này" in text and "404 - Not found" not in html
    assert re.search(r'<a href="[^"]*">trang chủ</a>', html)


# Labels of Material's vi.html that say something else than the control does, and what the
# portal's theme layer (overrides/partials/language.html) says instead.
MISLABELLED = {
    "top": ("Trở lại mục lục", "Lên đầu trang"),  # "back to the table of contents" on "back to top"
    "action.skip": ("Bỏ qua", "Chuyển đến nội dung"),  # "skip", alone
}


def vietnamese_strings() -> dict[str, str]:
    source = (files("material") / "templates/partials/languages/vi.html").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)",?\s*$', source, re.MULTILINE))


def test_material_still_has_the_labels_the_portal_corrects() -> None:
    """When Material mends a label, the portal's own can go (and this test says so)."""
    vietnamese = vietnamese_strings()
    assert {key: vietnamese.get(key) for key in MISLABELLED} == {key: wrong for key, (wrong, _) in MISLABELLED.items()}


def test_every_page_kind_says_back_to_top_and_skip_to_content(repo_site: Path, repo_portal: Portal) -> None:
    for kind, page in one_page_per_kind(repo_site, repo_portal):
        html = page.read_text(encoding="utf-8")
        top = re.search(r'<button type="button" class="md-top md-icon"[^>]*>(.*?)</button>', html, re.S)
        assert top and shown_text_of(top[1]) == [MISLABELLED["top"][1]], kind
        skips = re.findall(r'<a href="#[^"]*" class="md-skip[^"]*">(.*?)</a>', html, re.S)
        # The portal's, and Material's own (hidden) on a page with a table of contents.
        assert {s.strip() for s in skips} == {MISLABELLED["action.skip"][1]} and len(skips) <= 2, kind
        text = " ".join(shown_text(page))
        assert MISLABELLED["top"][0] not in text and f">{MISLABELLED['action.skip'][0]}<" not in html, kind
