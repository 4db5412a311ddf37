"""No broken internal link or anchor anywhere in the built site (generated pages included:
MkDocs only validates the links of Markdown pages)."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.links.append(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture
def site(repo_site: Path) -> Path:
    return repo_site


def _target(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "javascript:", "data:")):
        return None
    base = page.parent.relative_to(site).as_posix()
    if not parts.path:
        path = page.relative_to(site).as_posix()
    elif parts.path.startswith("/"):  # the 404 page links from the root: it is served anywhere
        path = posixpath.normpath(unquote(parts.path).lstrip("/") or ".")
    else:
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    parsed = {page: _parse(page) for page in pages}
    broken = []
    for page, links in parsed.items():
        for link in links.links:
            resolved = _target(site, page, link)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.exists() or site not in target.resolve().parents:
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link} (no id '{fragment}')")
    assert len(pages) > 300
    assert broken == [], "\n".join(broken)
