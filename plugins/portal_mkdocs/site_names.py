"""The names a built site may ever put in front of a stylesheet's selectors.

Read from the output itself, so that a hand-written page or an office's own template is
covered as surely as a generated one: every element, attribute, class and id of every
HTML page, plus every word of every script the site ships (Material's bundle, the
portal's scripts, Pagefind's UI), since a script may add a class or an element after the
page loads; and every custom property another stylesheet of the site may read. A script
that builds a name from a prefix (`md-tag--${kind}`) makes the whole prefix count.
Deliberately generous: a name kept for nothing costs a few bytes, a name missed would
unstyle part of a page.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

# A start tag with its attributes (a quoted value may hold ">"). Possessive: a run of
# plain characters is taken at once, never given back (only one way to read a tag exists),
# which reads a province's 640 MB of pages in 60 % of the time.
TAG = re.compile(r"""<([A-Za-z][\w:-]*)((?:[^>"']++|"[^"]*+"|'[^']*+')*+)>""")
ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
# The start of a name a script completes at run time: `md-tag--${` or "md-tag--"+ .
SCRIPT_PREFIX = re.compile(r"""([A-Za-z_][\w-]*[-_])(?:\$\{|["']\s*\+)""")
# A custom property a page's inline style or a script reads or sets (`--md-tooltip-x`).
CUSTOM_PROPERTY = re.compile(r"--[\w-]+")
SCRIPT_SUFFIXES = (".js", ".mjs")
# How many distinct tags a scan remembers as read before it forgets them (Collector).
TAGS_REMEMBERED = 20_000


@dataclass(frozen=True)
class SiteNames:
    elements: frozenset[str]  # lower case
    attributes: frozenset[str]  # lower case
    values: frozenset[str]  # attribute values, whole and word by word
    classes: frozenset[str]
    ids: frozenset[str]
    script_words: frozenset[str]  # may stand for any of the above
    script_prefixes: tuple[str, ...]
    custom_properties: frozenset[str]  # named in a page or a script

    def _by_script(self, name: str) -> bool:
        return name in self.script_words or name.startswith(self.script_prefixes)

    def has_element(self, name: str) -> bool:
        return name.lower() in self.elements or self._by_script(name.lower())

    def has_attribute(self, name: str) -> bool:
        return name.lower() in self.attributes or self._by_script(name.lower())

    def has_value(self, value: str) -> bool:
        return value in self.values or self._by_script(value)

    def has_class(self, name: str) -> bool:
        return name in self.classes or self._by_script(name)

    def has_id(self, name: str) -> bool:
        return name in self.ids or self._by_script(name)


class Collector:
    """The names of the pages and scripts it is given; with `asked`, only those among them
    (the names a stylesheet may look up: css_purge.names_asked), so that a province's
    pages, each with its own links and ids, add nothing the purge will not ask about."""

    def __init__(self, asked: Collection[str] | None = None) -> None:
        self.asked = asked
        self.elements: set[str] = set()
        self.attributes: set[str] = set()
        self.values: set[str] = set()
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        self.script_words: set[str] = set()
        self.script_prefixes: set[str] = set()
        self.custom_properties: set[str] = set()
        # The distinct tags read lately, forgotten at TAGS_REMEMBERED: the tags that repeat
        # from page to page (the header, the navigation) are read once in a while, not once
        # a page, without keeping every tag of the site (each link to a person is its own).
        self.tags_read: set[tuple[str, str]] = set()
        self.scripts_read: set[str] = set()  # inline or in a file, each read once

    def _add(self, into: set[str], names: Iterable[str]) -> None:
        into.update(names if self.asked is None else (name for name in names if name in self.asked))

    def page(self, html: str) -> None:
        if len(self.tags_read) > TAGS_REMEMBERED:
            self.tags_read.clear()
        for tag in set(TAG.findall(html)) - self.tags_read:
            self.tags_read.add(tag)
            self._add(self.elements, (tag[0].lower(),))
            for attribute in ATTRIBUTE.finditer(tag[1]):
                name = attribute.group(1).lower()
                self._add(self.attributes, (name,))
                raw = attribute.group(2)
                if raw is None:
                    continue
                value = raw[1:-1] if raw[:1] in "\"'" else raw
                words = value.split()
                self._add(self.values, (value, *words))
                self._add(self.custom_properties, CUSTOM_PROPERTY.findall(value))
                if name == "class":
                    self._add(self.classes, words)
                elif name == "id":
                    self._add(self.ids, (value,))
        for script in INLINE_SCRIPT.findall(html):
            self.script(script)

    def script(self, text: str) -> None:
        # Each script once: the pages repeat their inline scripts, and each part of a
        # province's search index ships Pagefind's scripts again.
        if text in self.scripts_read:
            return
        self.scripts_read.add(text)
        self._add(self.script_words, SCRIPT_WORD.findall(text))
        # Kept whole: a prefix stands for every name it starts, asked or not.
        self.script_prefixes.update(SCRIPT_PREFIX.findall(text))
        self._add(self.custom_properties, CUSTOM_PROPERTY.findall(text))

    def sheet(self, css: str) -> None:
        self._add(self.custom_properties, CUSTOM_PROPERTY.findall(css))

    def names(self) -> SiteNames:
        return SiteNames(frozenset(self.elements), frozenset(self.attributes), frozenset(self.values),
                         frozenset(self.classes), frozenset(self.ids), frozenset(self.script_words),
                         tuple(sorted(self.script_prefixes)), frozenset(self.custom_properties))


def names_in(pages: Iterable[str], scripts: Iterable[str], other_sheets: Iterable[str] = (),
             asked: Collection[str] | None = None) -> SiteNames:
    """The names used by these pages (HTML) and scripts (JavaScript), and the custom
    properties other stylesheets may read (Pagefind's UI reads `--pagefind-ui-text`, which
    the portal's sheet sets); with `asked`, only those among these (Collector)."""
    collector = Collector(asked)
    for html in pages:
        collector.page(html)
    for text in scripts:
        collector.script(text)
    for css in other_sheets:
        collector.sheet(css)
    return collector.names()


def site_files(site: Path) -> list[Path]:
    """The files of a built site that may use or define a name: pages, sheets and scripts."""
    read = (".html", ".css", *SCRIPT_SUFFIXES)  # by suffix first: a province has 50,000 other files
    return sorted(path for path in site.rglob("*") if path.suffix in read and path.is_file())


def site_names(site: Path, purged: Collection[str], pages_read: Collection[Path] = (),
               asked: Collection[str] | None = None, files: list[Path] | None = None) -> SiteNames:
    """The names used by every page and every script of a built site, and by its
    stylesheets other than those to be purged (paths in the site); but `pages_read`,
    whose names the caller has (`merged`); with `asked`, only those among these. `files`:
    site_files(site), if the caller has it."""
    def text(path: Path) -> str:
        return path.read_text(encoding="utf-8", errors="replace")

    files = site_files(site) if files is None else files
    return names_in((text(path) for path in files if path.suffix == ".html" and path not in pages_read),
                    (text(path) for path in files if path.suffix in SCRIPT_SUFFIXES),
                    (text(path) for path in files
                     if path.suffix == ".css" and path.relative_to(site).as_posix() not in purged),
                    asked)


def merged(first: SiteNames, second: SiteNames) -> SiteNames:
    """The names of two sets of files together: each field is a union, as if read at once."""
    return SiteNames(first.elements | second.elements, first.attributes | second.attributes,
                     first.values | second.values, first.classes | second.classes, first.ids | second.ids,
                     first.script_words | second.script_words,
                     tuple(sorted(set(first.script_prefixes) | set(second.script_prefixes))),
                     first.custom_properties | second.custom_properties)
