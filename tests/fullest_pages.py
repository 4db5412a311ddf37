"""Which pages the accessibility tests open: for every template, the fullest pages.

Derived from the templates and the data, never listed by hand, so that a new page kind
(a template) or a new optional block of one (an `{% if %}` or `{% for %}` of a template
or of a macro it calls) is covered without touching the tests:

1. every template of the core is loaded with a marker after each `if`, `elif`, `else` and
   `for` tag (a comment naming the template and line);
2. every page of the portal is rendered, and the markers in its HTML are the blocks it
   shows;
3. per template, the page with the most blocks comes first (the fullest), then, as long
   as a block of that template is shown by no page chosen so far, the page that adds the
   most of them (a greedy set cover): every block any page shows is on a checked page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from portal.load import load_or_raise
from portal.pages import Pages
from portal.render import Renderer
from portal.sample import without_sample

# The page kinds: a template each (the core's templates folder; `_`-prefixed ones are partials).
TEMPLATES = sorted(path.name for path in (Path(__file__).resolve().parent.parent / "plugins" / "portal" / "templates")
                   .glob("*.html") if not path.name.startswith("_"))
BLOCK_TAG = re.compile(r"(\{%-?\s*(?:if|elif|else|for)\b.*?-?%\})", re.S)
MARKER = re.compile(r"<!--block:([\w.]+:\d+)-->")


class MarkedLoader(jinja2.BaseLoader):
    """The core's templates, with a marker after each tag that opens an optional block."""

    def __init__(self) -> None:
        self.inner = jinja2.PackageLoader("portal", "templates")

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        source, filename, uptodate = self.inner.get_source(environment, template)

        def mark(match: re.Match[str]) -> str:
            line = source.count("\n", 0, match.start()) + 1
            return f"{match.group(1)}<!--block:{template}:{line}-->"

        return BLOCK_TAG.sub(mark, source), filename, uptodate


@dataclass(frozen=True)
class Choice:
    template: str
    url: str
    blocks: frozenset[str]
    reason: str  # "fullest" or "adds N blocks"


def fullest_pages(data: Path, root: Path, *, sample_data: bool) -> list[Choice]:
    portal, _ = load_or_raise(data, root)
    if not sample_data:
        portal = without_sample(portal)
    pages = Pages(portal)
    renderer = Renderer(pages)
    renderer.env.loader = MarkedLoader()
    shown: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for spec in pages.all():
        blocks = frozenset(MARKER.findall(renderer.render(spec)))
        shown.setdefault(spec.template, []).append((spec.url, blocks))
    chosen: list[Choice] = []
    for template, candidates in sorted(shown.items()):
        # The fullest first; ties go to the first page in the portal's order (stable).
        candidates = sorted(candidates, key=lambda c: -len(c[1]))
        url, blocks = candidates[0]
        chosen.append(Choice(template, url, blocks, "fullest"))
        covered = set(blocks)
        every = set().union(*(b for _, b in candidates))
        while covered != every:
            url, blocks = max(candidates, key=lambda c: len(c[1] - covered))
            chosen.append(Choice(template, url, blocks, f"adds {len(blocks - covered)} blocks"))
            covered |= blocks
    return chosen
