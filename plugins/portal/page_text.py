"""The text a reader sees in a hand-written page, however its markup splits it.

A number written in pieces is read as one: `0912&nbsp;944&nbsp;718`, `**0912** 944 718`,
`0912\\.944\\.718`, `091&shy;2944718`, `0912<br>944718`, `0912<!-- -->944718`,
`<span>0912</span><span>944718</span>`. The privacy check looks for private values in
these texts as well as in the page as written (privacy.private_values_in_page):

- `markdown_text(source)`: the Markdown as read. HTML comments, HTML tags, and Markdown's
  emphasis, code and link brackets are taken out; character references and backslash
  escapes are resolved; the values of the tags' attributes (a link's `href`, a `title`)
  follow the text, each on a line of its own. Each character is traced to where it is
  written, for the line of a problem.
- `markup_text(source)`: the same for an HTML page (or an SVG image) a browser shows as it
  is written: comments and tags taken out, character references resolved, no Markdown.
- `percent_decoded(source)`: a link's target as the browser reads it, escapes decoded.
- `literal_text(source)`: a text file a browser shows as it is (a .txt, a .csv): nothing
  taken out or resolved, each character read as below.
- `composed_text(source)`: only a letter and the marks written apart after it composed (NFC),
  for the words the personal-data check looks for; nothing else read as below.
- `html_text(html)`: the same from the rendered page, for what Markdown (and any of its
  extensions) made of the source that the first reading did not foresee.
- `xml_text(source)`: an XML member of an Office file (a Word document, a sheet's strings)
  as its application shows it: tags dropped with nothing in their place (Word splits one
  line's text over many runs: `<w:t>0912</w:t></w:r><w:r><w:t>944 718</w:t>`), references
  resolved.

In all, what is written (references resolved, markup taken out) is read a cluster at a time
(`_clusters`): a letter and the marks typed apart after it (NFD, as a Mac or a web form writes
"Số": "S", "o", U+0302, U+0301; or a mark written as a reference, `o&#770;`) are read together,
composed as a browser shows them ("ố"), and traced to all of them; what is written in NFC is
read a character at a time, each where it is written. Each character is taken in its
compatibility form (NFKC: full-width, circled and superscript digits, no-break spaces),
invisible characters (soft hyphen, zero-width space, word joiner, direction marks, a mark
left on no letter) are dropped, every space-like character is a space and every dash-like
character a "-": separators the privacy check reads inside a number.
"""

from __future__ import annotations

import codecs
import functools
import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

# Tags that run on within a line of text: nothing stands in their place ("thien<b></b>nv").
# Any other tag (a paragraph, a cell, a line break) ends a word: a line break stands there.
_INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"})
_MINUS_SIGNS = frozenset("\u2212\u2796\u2043")  # minus, heavy minus, hyphen bullet: not "Pd"
# Letters and symbols that show as a blank: Braille's blank pattern, the Hangul fillers.
_BLANKS = frozenset("\u2800\u115f\u1160\u3164\uffa0")
# Dropped: format characters (soft hyphen, zero-width space, direction marks) and marks
# set on the character before (a variation selector, the keycap of "0\ufe0f\u20e3").
_UNSEEN = frozenset({"Cf", "Mn", "Me"})
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_HTML = (r"(?P<comment><!--.*?(?:-->|\Z))"
         r"|(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>)"
         rf"|(?P<reference>{_REFERENCE.pattern})")
_MARKUP = re.compile(_HTML, re.DOTALL)
_MARKDOWN = re.compile(
    _HTML
    + r"|\\(?P<escaped>[!-/:-@\[-`{-~])"
    + r"|(?P<marker>[*_~`\[\]])",  # emphasis, strike-through, code, a link's brackets
    re.DOTALL)
_ATTRIBUTE_VALUE = re.compile(r"""=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+))""")
# A letter and at most 30 marks after it are read as one (Unicode's stream-safe text, UAX #15): NFC sorts
# a letter's marks in quadratic time, and a hostile text of marks after one letter would take minutes.
_MARKS_AT_MOST = 30


@functools.cache
def _read_as(char: str) -> str:
    """What one written character is to the privacy check (see the module's docstring)."""
    if char.isascii():
        return char
    read = []
    for c in unicodedata.normalize("NFKC", char):
        category = unicodedata.category(c)
        if category in _UNSEEN:
            continue
        if c.isspace() or category.startswith("Z") or c in _BLANKS:
            read.append(" ")
        elif category == "Pd" or c in _MINUS_SIGNS:
            read.append("-")
        else:
            read.append(c)
    return "".join(read)


@functools.lru_cache(maxsize=1 << 16)  # bounded: a hostile text's clusters of marks are many
def _read_cluster(cluster: str) -> str:
    """What a cluster (_clusters) is to the privacy check: composed, then each character as read."""
    return "".join(map(_read_as, unicodedata.normalize("NFC", cluster)))


def _clusters(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each cluster of `text`: a character with the marks typed after it and the
    letters NFC composes with it ("o", U+0302, U+0301: "ố"; a Hangul syllable's), any other
    character alone. NFC composes nothing in a text in NFC: each of its characters is alone."""
    if unicodedata.is_normalized("NFC", text):
        yield from ((at, at + 1) for at in range(len(text)))
        return
    first = 0
    for at in range(1, len(text)):
        if at - first > _MARKS_AT_MOST or not _joins(text[first:at], text[at]):
            yield first, at
            first = at
    yield first, len(text)


def _joins(cluster: str, char: str) -> bool:
    """Whether `char` is read with the cluster written before it: a mark set on it, or a letter NFC
    composes with it (a Hangul syllable's vowel); never an ASCII character."""
    if char.isascii():
        return False
    if _is_mark(char):
        return True
    composed = unicodedata.normalize("NFC", cluster + char)
    return composed != unicodedata.normalize("NFC", cluster) + unicodedata.normalize("NFC", char)


@functools.cache
def _is_mark(char: str) -> bool:
    """Whether `char` is, or starts with, a mark set on the character before it (a combining class)."""
    return unicodedata.combining(unicodedata.normalize("NFD", char)[0]) != 0


@dataclass(frozen=True)
class TracedText:
    """A text read from a source: text[i] comes from source[starts[i]:ends[i]]."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def written(self, start: int, end: int) -> tuple[int, int]:
        """Where text[start:end] is written in the source."""
        return self.starts[start], self.ends[end - 1]


class _Reading:
    """A TracedText being made: what is written, a piece at a time, each character where it is
    written; read when done, a cluster (_clusters) at a time."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, written: str, start: int, end: int) -> None:
        """`written`, which stands at source[start:end] (a reference stands for its character)."""
        self.written.append(written)
        self.starts += [start] * len(written)
        self.ends += [end] * len(written)

    def add_source(self, source: str, start: int, end: int) -> None:
        """source[start:end], character by character, its references resolved."""
        for reference in _REFERENCE.finditer(source, start, end):
            self.add_plain(source, start, reference.start())
            self.add(html.unescape(reference.group()), reference.start(), reference.end())
            start = reference.end()
        self.add_plain(source, start, end)

    def add_plain(self, source: str, start: int, end: int) -> None:
        """source[start:end], each character where it is written."""
        self.written.append(source[start:end])
        self.starts += range(start, end)
        self.ends += range(start + 1, end + 1)

    def done(self, read: Callable[[str], str] = _read_cluster) -> TracedText:
        """What is written, as `read` reads each cluster of it, traced to where the cluster is written
        (from its first character's start to its last's end)."""
        written = "".join(self.written)
        clusters = list(_clusters(written))
        parts = [read(written[first:last]) for first, last in clusters]
        starts = [self.starts[first] for (first, _), part in zip(clusters, parts, strict=True) for _ in part]
        ends = [self.ends[last - 1] for (_, last), part in zip(clusters, parts, strict=True) for _ in part]
        return TracedText("".join(parts), tuple(starts), tuple(ends))


def markdown_text(source: str) -> TracedText:
    """The text of a Markdown page as a reader sees it, then its tags' attribute values."""
    return _read_markup(source, _MARKDOWN)


def markup_text(source: str) -> TracedText:
    """The text of an HTML page as a browser shows it, then its tags' attribute values."""
    return _read_markup(source, _MARKUP)


def read_as_written(source: str) -> bool:
    """Whether each character of `source` is read as it is written, nothing composed (literal_text
    changes nothing)."""
    return source.isascii() or (unicodedata.is_normalized("NFC", source)
                                and all(_read_as(c) == c for c in source if not c.isascii()))


def literal_text(source: str) -> TracedText:
    """A text shown as it is written (no markup), each character read as the check reads it."""
    reading = _Reading()
    reading.add_plain(source, 0, len(source))
    return reading.done()


def composed_text(source: str) -> TracedText:
    """`source` in NFC, each character traced to where it is written: a letter and the marks typed
    apart after it (NFD: "nga\\u0300y", as a Mac or a web form may write "ngày") read as one;
    nothing else read otherwise (the words personal_data looks for are written composed)."""
    reading = _Reading()
    reading.add_plain(source, 0, len(source))
    return reading.done(functools.partial(unicodedata.normalize, "NFC"))


_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def percent_decoded(source: str) -> TracedText:
    """`source` with its percent escapes decoded as a browser reads a link's target
    (`tel:0912%33…`), each character traced to the escapes that write it."""
    reading = _Reading()
    start = 0
    for run in _PERCENT_RUN.finditer(source):
        reading.add_plain(source, start, run.start())
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        first = run.start()
        for at in range(run.start(), run.end(), 3):
            if char := decoder.decode(bytes.fromhex(source[at + 1:at + 3])):
                reading.add(char, first, at + 3)
                first = at + 3
        if rest := decoder.decode(b"", final=True):
            reading.add(rest, first, run.end())
        start = run.end()
    reading.add_plain(source, start, len(source))
    return reading.done()


def _read_markup(source: str, tokens: re.Pattern[str]) -> TracedText:
    reading = _Reading()
    values: list[tuple[int, int]] = []  # where each attribute value is written
    start = 0
    for token in tokens.finditer(source):
        reading.add_source(source, start, token.start())
        start = token.end()
        if token.group("tag"):
            if token.group("name").lower() not in _INLINE_TAGS:
                reading.add("\n", token.start(), token.end())
            values += [value.span(value.lastgroup or 0)
                       for value in _ATTRIBUTE_VALUE.finditer(source, token.start(), token.end())]
        elif token.group("reference"):
            reading.add(html.unescape(token.group()), token.start(), token.end())
        elif token.lastgroup == "escaped":
            reading.add(token.group("escaped"), token.start(), token.end())
        # a comment or a marker: nothing of it is read
    reading.add_source(source, start, len(source))
    for value_start, value_end in values:
        reading.add("\n", value_start, value_start)
        reading.add_source(source, value_start, value_end)
    return reading.done()


class _HtmlReader(HTMLParser):
    """An HTML page's text (character references resolved) and its attribute values."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._boundary(tag)
        self.values += [value for _, value in attrs if value]

    def handle_endtag(self, tag: str) -> None:
        self._boundary(tag)

    def handle_data(self, data: str) -> None:  # a comment is no text: not handled
        self.parts.append(data)

    def _boundary(self, tag: str) -> None:
        if tag not in _INLINE_TAGS:
            self.parts.append("\n")


def html_text(markup: str) -> str:
    """The text of an HTML page as a reader sees it, then its attribute values, a line each."""
    reader = _HtmlReader()
    reader.feed(markup)
    reader.close()
    return plain_text("".join(reader.parts) + "".join("\n" + v for v in reader.values))


_XML_TAG = re.compile(r"<[^<>]*>")


def xml_text(source: str) -> str:
    """The text of an XML document as an application shows it (see the module's docstring)."""
    text = html.unescape(_XML_TAG.sub("", source))
    return text if text.isascii() else plain_text(text)


def plain_text(text: str) -> str:
    """`text` as the privacy check reads it, a cluster at a time (a file's name: circled,
    superscript or full-width digits as digits, "o" and its marks typed apart as "ố")."""
    if unicodedata.is_normalized("NFC", text):  # each character alone (_clusters), at a map's speed
        return "".join(map(_read_as, text))
    return "".join(_read_cluster(text[first:last]) for first, last in _clusters(text))
