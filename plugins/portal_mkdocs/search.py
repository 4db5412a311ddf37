"""Site search with Pagefind: what each page tells the index, and the index build.

The plugin calls four things here:

- `fold_d(html)`: Pagefind folds tone marks ("thuy" finds "Thùy") but keeps đ a letter
  of its own, so "dang" would not find "Đặng". After each line or sentence that holds a
  word with đ, an empty span carries the words without marks ("⟦dang⟧") in an attribute
  that Pagefind indexes (`data-pagefind-index-attrs`): nothing is added to the page's
  text, and the excerpt around a match is the right one. The brackets let the search UI
  take the copies out of the excerpts (overrides/assets/javascripts/portal-search.js).
  A cluster, group or team and its number get a copy joined into one word, just before
  it: "Cụm 02" is also "ƶcum2ƶ" and "ƶcum02ƶ", the word portal-search.js makes of a query
  "cum 2".
- `annotate(html, data, weight)` (`annotate_generated` for a generated page): an empty,
  hidden element with the result title, a one-line summary (who, which body, which
  year) and the filters of the page's `PageSpec` as Pagefind attributes, and a higher
  weight on the h1 of a person's, a body's, a school's or an office's own page.
- `write_filter_order(bundle, specs)`: the values of each filter in Vietnamese order, for
  the search script (Pagefind's UI lists them in the order of their bytes).
- `build_index(site_dir)`: runs Pagefind over the built site: the binary of the Python
  package `pagefind[bin]`, or the one PAGEFIND_BINARY_PATH or the plugin's
  `pagefind_binary` names (`find_indexer`; docs/publishing.md).

Only the article is indexed: the theme override (overrides/main.html) puts
`data-pagefind-body` on Material's <article>, so menus and the header stay out.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from portal import number_words
from portal.pages import PageSpec
from portal.text import collation_key, fold

from . import shards
from .written import Noted

# Filter keys of PageSpec.filters and how the search UI names them. The labels are the
# Pagefind filter names, so the filter panel reads in Vietnamese.
FILTER_LABELS: dict[str, str] = {
    "nam_hoc": "Năm học",
    "don_vi": "Đơn vị",
    "truong": "Trường",
    "mon": "Môn",
    "vai_tro": "Vai trò",
    "loai_van_ban": "Loại văn bản",
}

# Pagefind weighs an h1 7 and plain text 1 (quadratic). A person's or a body's own page
# gets the most, so it ranks above the pages that merely list the name.
HEADING_WEIGHTS: dict[str, float] = {
    "person.html": 10.0,
    "body.html": 10.0,
    "school.html": 9.0,
    "office.html": 9.0,
}

FOLD_OPEN, FOLD_CLOSE = "⟦", "⟧"
# Around a joined number ("ƶcum2ƶ", _number_copies): a letter Pagefind keeps in a word as it is
# (no mark to fold), that no reader types and no data holds. Pagefind takes each word of a query
# as the start of longer ones: with "j", a query "j" (a school or a person "J") found every
# cluster page (a hostile review); a word of the data that is the mark alone would be found for
# a number no body has.
NUMBER_MARK = "ƶ"
OUTPUT_DIR = "pagefind"
# In the bundle, beside Pagefind's files: the order of each filter's values (write_filter_order).
FILTER_ORDER = "portal-filter-order.json"

# Text inside these elements is left alone: code, scripts, and elements whose content
# cannot hold a <span>.
_SKIP = {"script", "style", "pre", "code", "textarea", "option", "title", "svg", "math", "kbd", "samp"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
# An opening tag of an element of _SKIP (case as HTML allows): without one, fold_d reads no tag.
_SKIP_OPEN = re.compile(r"<\s*(?:" + "|".join(sorted(_SKIP)) + r")(?![a-zA-Z0-9-])", re.IGNORECASE)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_WORD = re.compile(r"[^\W\d_]+")
# A cluster, group or team and its number, in any case: "Cụm 02", "NHÓM 1", "tổ 3", and with
# "số" after up to two words, "Cụm chuyên môn số 2", "Nhóm liên trường số 3" (not "cụm
# trường 2": without "số", the number follows the word). Not a document's number or a date
# ("Tổ ... số 02/QĐ"). Or a number in words where it ends the name, as the importer reads it
# (portal.number_words): "Cụm Hai", "cụm mười một", not "Nhóm Tư vấn". portal-search.js joins the
# same words of a query (NUMBERED_KINDS).
NUMBERED_KINDS = ("cụm", "nhóm", "tổ")
_NUMBERED = re.compile(
    r"\b(?i:(" + "|".join(NUMBERED_KINDS) + r")\s+(?:(?:[^\W\d_]+\s+){0,2}?số\s+)?)"
    r"(?:(\d{1,3})(?![\d/]|[.,-]\d)|(" + number_words.PATTERN + r")(?!\w))")
_GLUED_END = re.compile(r"\S+\Z")
_SENTENCE_END = re.compile(r"(\n|(?<=[.!?;:])[ \t]+)")
_H1 = re.compile(r"<h1(?=[\s>])")
# Pagefind runs the text of adjacent cells together ("LoạiNhóm"); a space between them
# changes nothing on screen.
_CELL_END = re.compile(r"(</(?:dt|dd|th|td|caption)>)(?=<)")


def fold_d(html: str) -> str:
    """Add a hidden, indexed copy without marks of the words that hold a đ, and of each
    cluster, group or team joined to its number ("ƶcum2ƶ": _number_copies).

    The đ copies of a line or sentence follow it, a number's copy comes just before the
    word holding its kind; both in an attribute Pagefind indexes
    (`data-pagefind-index-attrs`): no text is added to the page, for screen readers,
    copy and paste or anything else that reads it.
    """
    if not _needs_copies(html):
        return html
    parts = _TOKENS.split(html)
    if _SKIP_OPEN.search(html) is None:  # most articles: no element to leave alone, no tag to read
        for i in range(0, len(parts), 2):
            if _needs_copies(parts[i]):
                parts[i] = _fold_text(parts[i])
        return "".join(parts)
    skip: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:  # a tag or a comment
            match = _TAG_NAME.match(part)
            if match is None:
                continue
            name = match.group(1).lower()
            if part.startswith("</"):
                if skip and skip[-1] == name:
                    skip.pop()
            elif name in _SKIP and name not in _VOID and not part.rstrip().endswith("/>"):
                skip.append(name)
        elif not skip and _needs_copies(part):
            parts[i] = _fold_text(part)
    return "".join(parts)


def _needs_copies(text: str) -> bool:
    return "đ" in text or "Đ" in text or _NUMBERED.search(text) is not None


@lru_cache(maxsize=65536)  # the runs repeat too: a name in a cell, a role, an office
def _fold_text(text: str) -> str:
    """A run of text between tags, each line or sentence followed by its copies."""
    pieces = _SENTENCE_END.split(text)
    return "".join(_fold_piece(piece) if j % 2 == 0 else piece for j, piece in enumerate(pieces))


def _fold_piece(text: str) -> str:
    """A line or sentence with its copies: the đ words' after it, each number's joined copy
    just before the word holding the kind ("Cụm 02" is "<span …⟦ƶcum2ƶ⟧ ⟦ƶcum02ƶ⟧…></span>Cụm 02").
    Pagefind's excerpt starts halfway between the page's start and the match, or some twelve
    words before it: after the number, or at the end of the line, the copy left the kind out
    ("02 năm học 2024-2025.")."""
    words = [_folded(word) for word in _WORD.findall(text) if "đ" in word or "Đ" in word]
    numbers = _number_copies(text)
    if not words and not numbers:
        return text
    out, done = [], 0
    for at, copies in numbers:
        out += [text[done:at], _copies_span(copies)]
        done = at
    rest = text[done:]
    body = rest.rstrip()
    return "".join(out) + body + (_copies_span(words) if words else "") + rest[len(body):]


def _copies_span(words: list[str]) -> str:
    copies = " ".join(f"{FOLD_OPEN}{word}{FOLD_CLOSE}" for word in dict.fromkeys(words))
    return f'<span class="portal-fold" data-fold="{copies}" data-pagefind-index-attrs="data-fold"></span>'


def _number_copies(text: str) -> list[tuple[int, list[str]]]:
    """Each cluster, group and team of `text` with its number, joined into one word, the number
    without and with a leading zero, between two NUMBER_MARKs: "Cụm 02" -> "ƶcum2ƶ", "ƶcum02ƶ";
    "Nhóm liên trường số 3" -> "ƶnhom3ƶ", "ƶnhom03ƶ"; "Cụm Hai" -> "ƶcum2ƶ", "ƶcum02ƶ"; "Cụm Mười
    Một" -> "ƶcum11ƶ"; "Nhóm Tư vấn" none (number_words.read); with
    where its copy goes: the start of the word (between spaces) holding the kind.

    Pagefind matches a query's word to every word of the index that starts with it, and when
    there is none, to the longest word of the index that starts the query's word (its search,
    find_word_extensions): the "2" of "cum 2" matched every "2024-2025" and a page with "cụm"
    and any "2" could come first; portal-search.js asks for "ƶcum2ƶ" instead. Without the end
    mark "cum1" would find "cum12"; without the first, "cum12", which no cluster has, found
    "cum1" (or "cum": every page with "cụm")."""
    copies = []
    for match in _NUMBERED.finditer(text):
        kind, digits, _ = match.groups()
        if digits:
            number = int(digits)
        elif (in_words := number_words.read(text, match.start(3))) is not None:
            number = in_words.value
        else:
            continue
        at = len(_GLUED_END.sub("", text[:match.start()]))  # "(Cụm 02)": before the "("
        copies.append((at, [f"{NUMBER_MARK}{_folded(kind)}{n}{NUMBER_MARK}" for n in (f"{number}", f"{number:02d}")]))
    return copies


@lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    """fold(word), kept: a province's pages repeat the same names thousands of times."""
    return fold(word)


@dataclass(frozen=True)
class SearchData:
    title: str
    summary: str = ""
    filters: Mapping[str, Iterable[str]] | None = None

    def html(self) -> str:
        """Hidden markup Pagefind reads for the result's title, summary and filters.

        `data-pagefind-ignore` keeps these words out of the indexed text; Pagefind still
        reads metadata and filters inside it.
        """
        rows = [f'<span data-pagefind-meta="title:{escape(self.title)}"></span>']
        if self.summary:
            rows.append(f'<span data-pagefind-meta="summary:{escape(self.summary)}"></span>')
        for key, values in (self.filters or {}).items():
            label = FILTER_LABELS.get(key, key)
            for value in dict.fromkeys(values):
                if value:
                    rows.append(f'<span data-pagefind-filter="{escape(label)}:{escape(value)}"></span>')
        return f'<div class="portal-search-data" hidden data-pagefind-ignore>{"".join(rows)}</div>\n'


def annotate(html: str, data: SearchData, heading_weight: float | None = None) -> str:
    """The page's HTML with its folded copies, its search data and its h1 weight."""
    html = _CELL_END.sub(r"\1 ", fold_d(html))
    if heading_weight is not None:
        html = _H1.sub(f'<h1 data-pagefind-weight="{heading_weight:g}"', html, count=1)
    return data.html() + html


def annotate_generated(html: str, spec: PageSpec) -> str:
    """annotate() for a generated page: its title, summary, filters and h1 weight."""
    return annotate(html, search_data(spec), heading_weight(spec))


def search_data(spec: PageSpec) -> SearchData:
    """Title, summary and filters of a generated page: the summary is its context's own
    (who, which body, which year), else its filters in a line."""
    line = spec.context.summary()
    return SearchData(title=spec.title, summary=_filters_line(spec) if line is None else line, filters=spec.filters)


def heading_weight(spec: PageSpec) -> float | None:
    return HEADING_WEIGHTS.get(spec.template)


def _filters_line(spec: PageSpec) -> str:
    values = [v for key in FILTER_LABELS for v in spec.filters.get(key, [])]
    return " · ".join(dict.fromkeys(values))


def filter_order(specs: Iterable[PageSpec]) -> dict[str, list[str]]:
    """Every value of each filter of the searchable pages, by the filter's name in the UI, in
    Vietnamese order (ICU collation, as the site's own lists): Pagefind's UI lists them, and
    the filters, in the order of their bytes ("Toán, Vật lí, Âm nhạc, Địa lí"; "Đơn vị" last).
    portal-search.js reorders both by it."""
    values: dict[str, set[str]] = {}
    for spec in specs:
        if spec.searchable:
            for key, given in spec.filters.items():
                values.setdefault(FILTER_LABELS.get(key, key), set()).update(v for v in given if v)
    # The filters in the order of FILTER_LABELS (a year, an office, a school...); the script
    # shows them so too.
    ranks = {label: n for n, label in enumerate(FILTER_LABELS.values())}
    return {label: sorted(found, key=lambda v: (collation_key(v), v))
            for label, found in sorted(values.items(), key=lambda item: (ranks.get(item[0], len(ranks)), item[0]))}


def write_filter_order(bundle: Path, specs: Iterable[PageSpec]) -> None:
    """The filter order (filter_order) as FILTER_ORDER in the Pagefind bundle."""
    text = json.dumps(filter_order(specs), ensure_ascii=False, indent=0)
    (bundle / FILTER_ORDER).write_text(text + "\n", encoding="utf-8")


# Pagefind's Python package finds its binary here first (pagefind.service.get_executable).
BINARY_ENV = "PAGEFIND_BINARY_PATH"
# From this version on, Pagefind writes every file of its bundle in a stable order:
# two builds of the same site give the same bytes (1.5 wrote filter and meta indexes in
# hash-map order).
DETERMINISTIC_SINCE = (1, 6)


@dataclass(frozen=True)
class Indexer:
    """The Pagefind binary that indexes the site, and its version."""

    binary: Path
    version: tuple[int, int, int]

    @property
    def version_text(self) -> str:
        return ".".join(map(str, self.version))

    @property
    def deterministic(self) -> bool:
        return self.version[:2] >= DETERMINISTIC_SINCE


class PagefindError(RuntimeError):
    """Pagefind failed; `detail` is its own last line of output."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


class PagefindMissing(PagefindError):
    """No Pagefind binary where it was looked for; `detail` is that path."""


def find_indexer(configured: Path | None = None) -> Indexer:
    """PAGEFIND_BINARY_PATH when set, else `configured` (the plugin's `pagefind_binary`),
    else the binary shipped in the Python package `pagefind[bin]`."""
    from pagefind.service import get_executable

    binary = configured if configured is not None and BINARY_ENV not in os.environ else get_executable()
    if binary is None or not binary.is_file():
        raise PagefindMissing(f"no Pagefind binary at {binary}: pip install 'pagefind[bin]'", str(binary or ""))
    result = subprocess.run([str(binary), "--version"], capture_output=True, text=True)
    found = re.search(r"(\d+)\.(\d+)\.(\d+)", result.stdout)
    if result.returncode != 0 or found is None:
        raise PagefindError(f"{binary} --version gave no version: {result.stdout}{result.stderr}",
                            _last_line(result.stderr or result.stdout))
    major, minor, patch = (int(part) for part in found.groups())
    return Indexer(binary=binary, version=(major, minor, patch))


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


@dataclass(frozen=True)
class IndexStats:
    pages: int
    seconds: float
    bytes: int
    files: int
    indexer: Indexer
    parts: int = 1  # bundles merged in the browser (shards.py)


def index_command(indexer: Indexer, site: Path, output: Path, glob: str | None = None) -> list[str]:
    """Pagefind's command line: one index for the whole site, in Vietnamese (Pagefind has
    no stemming for vi: words match as typed, tone marks folded)."""
    command = [str(indexer.binary), "--site", str(site), "--output-path", str(output), "--force-language", "vi",
               "--quiet"]
    return command + ["--glob", glob] if glob else command


def build_index(site_dir: str | Path, *, glob: str | None = None, indexer: Indexer | None = None,
                bytes_per_part: float | None = None, noted: Noted | None = None) -> IndexStats:
    """Index the built site with Pagefind; the bundle goes to site_dir/pagefind.

    The indexer is a Pagefind binary (find_indexer) run to completion with the CLI flags
    below, which Pagefind 1.5 and 1.6 share. Not the Python package's service API
    (`PagefindIndex`): with pagefind 1.5.2 its backend can be stopped while the bundle's
    last files are still being written, leaving them truncated (seen in 3 of 32 runs
    here; 0 of 60 with the binary run to its end).

    With `bytes_per_part`, a site whose searchable pages hold more bytes is indexed in
    parts that the browser merges (shards.py); `glob` applies to a site of one part only.
    `noted`: the pages as they were written (written.py), not read again to find which
    Pagefind indexes.
    """
    indexer = indexer or find_indexer()
    site = Path(site_dir).resolve()
    output = site / OUTPUT_DIR
    if output.exists():
        shutil.rmtree(output)  # no stale fragments from an earlier (dirty) build
    started = time.perf_counter()
    if bytes_per_part is None or glob:
        parts = []
    else:
        pages = (shards.searchable_pages(site, OUTPUT_DIR) if noted is None
                 else shards.searchable_pages(site, OUTPUT_DIR, noted.searchable, noted.others))
        parts = shards.split(pages, bytes_per_part)
    if len(parts) <= 1:
        _run(index_command(indexer, site, output, glob))
    else:  # one part after the other: the memory of the largest part
        for n, part in enumerate(parts, start=1):
            with shards.mirror(site, part) as folder:
                _run(index_command(indexer, folder, shards.part_output(output, n)))
    shards.write_manifest(output, max(1, len(parts)))
    seconds = time.perf_counter() - started
    files = [f for f in output.rglob("*") if f.is_file()]
    indexed = sum(1 for f in files if f.suffix == ".pf_fragment")  # one per indexed page
    return IndexStats(pages=indexed, seconds=seconds, bytes=sum(f.stat().st_size for f in files), files=len(files),
                      indexer=indexer, parts=max(1, len(parts)))


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PagefindError(f"pagefind exited with {result.returncode}: {(result.stderr or result.stdout)[-2000:]}",
                            _last_line(result.stderr or result.stdout))
