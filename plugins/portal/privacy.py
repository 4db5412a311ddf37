"""What the site must never show: private phone numbers and e-mail addresses.

A contact is written in many ways: `+84 912 345 678`, `84912345678`, `0912-345-678`,
`0912–345–678`, `(091) 234-5678`, `0912.345.678`, with non-breaking spaces, split over two
lines; `SECRET.MAIL@…`, `secret.mail @ truong . edu . vn`, `secret.mail%40truong.edu.vn`,
`secret.mail[at]truong[.]edu.vn`, `secret．mail（at）truong．edu．vn`. Every form is brought to
one key before comparing: E.164 for a phone (the `phonenumbers` library, region VN), the
lower-case address for an e-mail. A known private number is also found with its digits split
by any other punctuation (`0912/944/718`, `0912 | 944 | 718`), and without its trunk over whole
groups (`912/944/718`).

- `find_contacts(text)`: every valid phone number and e-mail address written in a text,
  with its key. The checker uses it: a contact in public text must be someone's.
- `Redactor`: replaces the private ones with `[đã ẩn]`, in one string or in a whole model
  (`redacted`). The loader runs it once over the checked model, so that every output
  (pages, titles, exports, feed, calendar, search) starts from clean text and no
  redaction ever runs over markup.
- `private_values_in_page`, `private_values_in_markup`, `private_values_in_plain_text`,
  `private_values_in_html`: a hand-written page or file holding a private value, as written or
  in what a reader sees of it (page_text: through Markdown, HTML, or none), is refused, not redacted;
  so is a file whose name holds one (`private_values_in_file_name`), a file that is no text
  page holding one in what can be read of it (`private_values_in_readings`: file_reading),
  and a text of mkdocs.yml, which the theme prints on every page (`private_values_in_settings`).

Speed: a text without a digit or an "@"-like sign costs two regex searches; numbers are
looked up in a set (no `phonenumbers` call per text), so a province's data is redacted
in one linear pass however many people have a private contact.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import itertools
import platform
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Literal, TypeVar, cast

import phonenumbers
import yaml

from .file_reading import Reading
from .page_text import (
    TracedText,
    html_text,
    literal_text,
    markdown_text,
    markup_text,
    percent_decoded,
    plain_text,
    read_as_written,
    xml_text,
)
from .problems import KeyPath, Problem, format_path

REDACTED = "[đã ẩn]"
REGION = "VN"
# Fields of a record that hold private data themselves (a person's `contact`): kept as
# they are, never shown; everything else in the model is public text.
PRIVATE_FIELDS = frozenset({"contact"})
# Fields a walk over the model skips as no text of the site: where a record was written
# (file, line, key path; its file name is a checked slug), and an original file's path and
# SHA-256 (a slug the checker treats as an id, and a hash whose digits are no phone number).
PROVENANCE_FIELDS = frozenset({"source", "file", "sha256"})

ContactKind = Literal["phone", "email"]
KIND_LABELS: dict[str, str] = {"phone": "số điện thoại", "email": "địa chỉ thư điện tử"}
T = TypeVar("T")

# Phones. Any number (find_contacts): a run of digit groups joined by what people put inside
# a number: spaces of any kind (non-breaking, a line break when the number is split), dots,
# dashes of any kind, parentheses, and invisible characters (soft hyphen, zero-width space,
# word joiner). Not "/", "," or ":": "13/09/2024, 14/09/2024" would hold 0920241409, a
# valid mobile number, and every list of dates would be someone's phone.
_SEPARATOR = r"[\s.()\-\u00ad\u200b\u2060\u2010-\u2015\u2212\uff08\uff09\uff0d]"
_RUN = re.compile(rf"(?:\+\s?)?\(?\d+(?:{_SEPARATOR}{{1,6}}\d+)*")
# A known private number (Redactor) with its groups joined by any other sign ("0912/944/718",
# "0912*944*718", "0912 | 944 | 718"). Such a run also joins dates, times, decimals and
# lists ("09/12/2024 - 10/12/2024", "9,12 - 9,44"), so in it a number is read only as whole
# groups from one that starts a number as it is written, its trunk "0" or country code
# written too: "0" alone or with two digits more ("0 912/…", "0912/…", not a date's "09"),
# or the country code ("84", "84912", "0084"); see Redactor._split_phones. Without them, only as
# exactly whole groups of 2 digits or more, nothing glued to it (Redactor._split_bare).
_PRIVATE_RUN = re.compile(r"(?:\+\s?)?\(?\d+(?:[\W_]{1,6}\d+)+")
# Any number (find_contacts) with its groups joined by another sign (_punctuated_phones:
# "0912/944/718", "0912·944·718", "0912_944_718", "0912 | 944 | 718"): one and the same sign,
# spaces around it or not, between every two groups of 2 digits or more, the first group its trunk
# "0" and 2 digits more or its country code after a "+". A list of dates joins its groups by two
# signs ("13/09/2024, 14/09/2024"), a date starts with a day ("09/12/2024"), a document's number
# ends with letters ("0912/2024/QĐ-UBND"): none is read so.
_PUNCTUATED_RUN = re.compile(r"(?:\+\s?84|0\d\d)\d*(?P<join>\s*(?:[^\w\s]|_)\s*)\d{2,}(?:(?P=join)\d{2,})*")
_NUMBER_START = re.compile(r"0(?:\d\d+)?|(?:00)?84\d*")
# A sign and a letter after the last group: a decision's or a document's number ("718/QĐ-UBND").
_SUFFIX = re.compile(r"[^\w\s][^\W\d_]")
_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d")
_MAX_DIGITS = 15  # E.164
# A personal number has 9 digits or more (0 + 9 for a mobile). Shorter valid numbers are
# service lines (1800 xxxx), and "1201-2020" in a document's number would be one.
_MIN_DIGITS = 9
_MAX_GROUPS = 8  # of one written number: "+84 (0) 91 23 45 67 8"
# A number read out of a file's bytes (Redactor.find_as_written), where digit groups are mostly
# offsets and coordinates ("419 39 484 17 735" of a PDF's drawing holds a valid mobile): only as a
# person writes one, from the start of its run or after a _WRITTEN_BREAK. With its trunk "0" or
# country code, in at most 4 groups of 2 digits or more ("0912 944 718", "+84 912 944 718",
# "0912.944.718", "0912/944/718"), 5 when its first group starts with the trunk ("09 12 94 47 18":
# no file writes a number of its own with a leading 0), a trunk written "(0)" after the country code
# not counted ("+84 (0) 912 944 718"). Or without them, its national digits exactly whole groups on
# one line, standing alone ("912944718", "912 944 718"; Redactor._written_bare).
_WRITTEN_GROUPS = 4
_WRITTEN_GROUP_DIGITS = 2
# A file's bytes join a number's groups by "/" too ("0912/944/718"); what joins them is then "/"
# between every two groups, so that a list of dates ("09/12/2024 - 10/12/2024") makes up none.
_WRITTEN_RUN = re.compile(rf"(?:\+\s?)?\(?\d+(?:{_SEPARATOR[:-1]}/]{{1,6}}\d+)*")
# What a person puts between two numbers written side by side in one run ("0274 3822 123 - 0939
# 484 177", "(0939 484 177)", "0274 3822 123 / 0939 484 177", one on each line): a dash, a slash, an
# opening bracket or a line break, with spaces or not; or what ends a list's number ("1. 0939 484
# 177", "2) 0939.484.177"), a dot or a closing bracket and a space. Never spaces alone nor a dot alone:
# a PDF's operands ("1 0939 484 177 l") and a decimal's fraction ("1.0939") are no number's start;
# nor a dash just before the digits, a minus sign ("12 -939484177 l").
_DASHES = "\\-\u2010-\u2015\u2212\uff0d"
_WRITTEN_BREAK = re.compile(rf"[^.]*[\n\r(\uff08/{_DASHES}][^.]*(?<![{_DASHES}])|[.)]\s+")
_LINE_BREAK = re.compile(r"[\n\r]")
# What follows the operands of a PDF's content stream, arrays and dictionaries: an operator
# ("939 484 177 Td", "… re", "… cm"), an object's reference or start ("84 0 R", "12 0 obj"), the end
# of an array or a dictionary; an operator ends where a PDF's token does (a space or a delimiter). A
# number without its trunk followed by one is the file's own.
_PDF_OPERATORS = ("b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k "
                  "l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W "
                  "W* y ' \" R obj")
# Other operands may stand between ("84 939 484 177\n12 m": a line of a content stream broken
# before its last operands).
_OPERAND_END = re.compile(r"(?:\s+[-+]?(?:\d+(?:\.\d*)?|\.\d+))*(?:\s+(?:"
                          + "|".join(map(re.escape, sorted(_PDF_OPERATORS.split(), key=len, reverse=True)))
                          + r")(?=[\s()<>\[\]{}/%]|\Z)|\s*[\]>}])")
# What a number read in a file's bytes after spaces only may start with (Redactor._spaced_from): its
# trunk "0" then a digit of the number, in a group of 3 digits or more (not a date's "09"), or the
# country code written "0084" (one written "+84" starts a run of its own).
_SPACED_START = re.compile(r"0[1-9]\d+|0084\d*")
# An amount of money, no number without its trunk, in a file's bytes (Redactor._amount): digits a
# currency word follows ("939.484.177 đồng", "939 484 177 (đồng)", "939.484.177đ/tháng", "… VNĐ"; not
# "dong", a name as a standard font's page text writes it: "ĐT 939 484 177 (Dong)"), or grouped by dots in
# threes after "tiền" ("Số tiền: 939.484.177").
_CURRENCY = re.compile(r"\s*[(\[]?\s*(?:đồng|vnđ|vnd|đ)(?!\w)", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?<!\w)ti(?:ền|en)\s*:?\s*\Z", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_THOUSANDS_ANY = re.compile(r"\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+")
# A date (day, month, year joined by one and the same sign: "09.12.2024", "09-12-2024"): no
# number a person writes starts there, whatever follows ("09.12.2024 - 10.12.2024" holds the
# digits of 0912 202 410).
_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])([.\-/])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d(?!\d)")
# Where a date with a year of two digits or a range of times may start: not right after a digit, nor
# after a digit group and one sign ("09 12.3.45 678" is a number, not "09" and a date).
_NOT_AFTER_DIGITS = r"(?<!\d)(?<!\d[\s.\-/])"
# A date with a year of two digits ("09.12.24"), not followed by its sign or a space and a digit
# ("09.12.34.56.78", "09.1.23 45678" are numbers).
_SHORT_DATE = re.compile(_NOT_AFTER_DIGITS + r"(?:0?[1-9]|[12]\d|3[01])([.\-/])(?:0?[1-9]|1[0-2])\1\d\d"
                         r"(?!\d)(?![.\-/\s]\d)")
# A range of times of the day ("07.00 - 09.00", "7:30–11:00", "7h30 - 11h").
_TIME_RANGE = re.compile(_NOT_AFTER_DIGITS + r"(?:[01]?\d|2[0-3])[.:h][0-5]\d\s*[-\u2010-\u2015]\s*"
                         r"(?:[01]?\d|2[0-3])(?:[.:h][0-5]\d|h)(?!\d)")
# A number a label names as no phone's: a tax code, a bank account ("MST: 0312345678", "STK 0123 456 789":
# its first group), written without spaces (a phone after it is still read: "MST: 0312345678 0912 345 678").
_LABELLED_NUMBER = re.compile(r"(?<!\w)(?:mst|mã số thuế|stk|số tài khoản|tài khoản)\s*:?\s*(?:số\s*)?"
                              r"(?P<number>\d(?:[.\-]?\d)*)", re.IGNORECASE)

# E-mails. "@" and the ways people hide it; "." and the ways people hide it.
# (Spaces around it are taken in by _email_words: a leading \s* here would cost a try at
# every position of every text.)
# Brackets and dots of any width ("（at）", "dt．sgd"); "[.]" and " . " are dots too (spaces
# on both sides only: "…edu.vn. Trân trọng" ends the address).
_OPEN = r"[\[({<（［｛＜]"
_CLOSE = r"[\])}>）］｝＞]"
_DOT_SIGN = r"[.．｡。﹒․]"
_BRACKETED_AT = rf"{_OPEN}\s*(?:at|a|@|＠)\s*{_CLOSE}"
_AT = re.compile(rf"@|＠|﹫|%40|&#0*64;|&#x0*40;|&commat;|{_BRACKETED_AT}|(?<=\s)at(?=\s)", re.IGNORECASE)
_DOT = rf"(?:{_DOT_SIGN}|\s+{_DOT_SIGN}\s+|\s*{_OPEN}\s*(?:dot|{_DOT_SIGN})\s*{_CLOSE}\s*|\s+dot\s+)"
_WORD = r"[\w+-]+"
_LOCAL = re.compile(rf"{_WORD}(?:{_DOT}{_WORD})*\Z", re.IGNORECASE)
_DOMAIN = re.compile(rf"{_WORD}(?:{_DOT}{_WORD})+", re.IGNORECASE)
_DOT_SEPARATOR = re.compile(_DOT, re.IGNORECASE)
_LOCAL_MAX = 128  # characters looked at before an "@"
# A contact's e-mail is written plainly: local part, "@", domain with a top-level domain.
EMAIL_ADDRESS = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_TOP_LEVEL = re.compile(r"[^\W\d_]{2,}")
# A text without a digit and without any sign of an "@" holds no contact: most names.
# (Every form _AT finds starts with one of these; a phone has digits.)
# Digits that are no decimal digits (\d) but read as one (NFKC: superscripts, subscripts, circled
# and other enclosed digits "⓪⑨⑧"; page_text's reading, Redactor.find).
_OTHER_DIGITS = "\u00b2\u00b3\u00b9\u2070-\u2089\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf"
_HINT = re.compile(rf"\d|[{_OTHER_DIGITS}]|@|＠|﹫|%40|&#|&commat;|{_BRACKETED_AT}|(?<=\s)at(?=\s)", re.IGNORECASE)
# What each of _HINT's forms starts with, found in half its time: _HINT is asked only then.
_HINT_START = re.compile(rf"[\d{_OTHER_DIGITS}@＠﹫%&\[({{<（［｛＜]|\sat\s", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A phone number or an e-mail address written in a text, at text[start:end]."""

    start: int
    end: int
    kind: ContactKind
    # The normalised forms it may stand for, the whole written form first: one E.164
    # number, or the address and the shorter ones it contains ("...vn.Trân" in a
    # sentence also stands for "...vn").
    keys: tuple[str, ...]

    @property
    def label(self) -> str:
        """What it is, in the clerk's words."""
        return KIND_LABELS[self.kind]


# Normalising one value


def _ascii_digits(digits: str) -> str:
    """Digits of any script (fullwidth "０９１２") as ASCII."""
    return digits if digits.isascii() else "".join(str(unicodedata.digit(c)) for c in digits)


def _phone(value: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def phone_key(value: str) -> str | None:
    """The E.164 form of a valid phone number (Vietnamese unless it starts with +), or None."""
    number = _phone(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None


def email_key(value: str) -> str | None:
    """The lower-case address of a plainly written e-mail address, or None."""
    value = value.strip()
    return value.lower() if EMAIL_ADDRESS.fullmatch(value) else None


def contact_kind(field: str) -> ContactKind:
    """What a contact field holds: an e-mail address ("email"), else a phone number ("phone",
    an office's "fax" and "hotline")."""
    return "email" if field == "email" else "phone"


def contact_key(field: str, value: str) -> str | None:
    """The key of a `contact` field's value, or None when it is not a valid one of its kind."""
    return email_key(value) if contact_kind(field) == "email" else phone_key(value)


# Finding contacts in a text


def _groups(text: str, run: re.Match[str]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _ascii_digits(m.group())) for m in _DIGITS.finditer(text, run.start(), run.end())]


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a letter or a digit touches text[start:end] before or after it ("QĐ912944718")."""
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def _phones(text: str, without_trunk: bool) -> Iterator[Found]:
    """Valid phone numbers: in each run of digit groups, from each group that may start one
    (_may_start), the longest stretch of groups that is a valid number written as a person writes
    one (_as_written). No group of a date, a time range or a labelled number (_no_number_spans)
    is part of one."""
    if not _HAS_DIGIT.search(text):
        return
    spans = _no_number_spans(text)
    for run in _RUN.finditer(text):
        groups = _groups(text, run)
        in_other = [_inside(spans, start) for start, _, _ in groups]
        plus = run.group().startswith("+")
        i = 0
        while i < len(groups):
            if not _may_start(text, groups, i):
                i += 1
                continue
            best: tuple[int, str] | None = None
            digits = ""
            with_plus = plus and i == 0
            for j in range(i, min(len(groups), i + _MAX_GROUPS)):
                if in_other[j]:
                    break
                digits += groups[j][2]
                if len(digits) > _MAX_DIGITS:
                    break
                if len(digits) >= _MIN_DIGITS and (key := phone_key(("+" if with_plus else "") + digits)) \
                        and _as_written(text, groups[i][0], groups[j][1], digits, with_plus, without_trunk):
                    best = (j, key)
            if best is None:
                i += 1
                continue
            start = run.start() if i == 0 else groups[i][0]
            yield Found(start, groups[best[0]][1], "phone", (best[1],))
            i = best[0] + 1


def _no_number_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` writes digits that are no phone number's, in order and apart (_inside): a date
    (_DATE, _SHORT_DATE: "09.12.2024 - 13.12.2024", "09.12.24 - 13.12.24"), a range of times
    ("(07.00 - 09.00)"), a number a label names (a tax code, a bank account: "MST: 0312345678")."""
    spans = sorted([*(m.span() for pattern in (_DATE, _SHORT_DATE, _TIME_RANGE) for m in pattern.finditer(text)
                      if not _glued(text, *m.span())),
                    *(m.span("number") for m in _LABELLED_NUMBER.finditer(text))])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` lies in one of `spans` (in order and apart): a search, not a walk, so that a
    long text of dates costs no more than its length."""
    k = bisect.bisect_right(spans, (at, sys.maxsize)) - 1  # the last span starting at or before `at`
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _may_start(text: str, groups: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a number may start at groups[i]: not right after a group of 1 to 3 digits a dot or
    a comma joins it to ("1.069.000.000": its "069" is no trunk; "0912345678.0987654321" is two)."""
    return i == 0 or text[groups[i - 1][1]:groups[i][0]] not in (".", ",") or len(groups[i - 1][2]) > 3


def _as_written(text: str, start: int, end: int, digits: str, with_plus: bool, without_trunk: bool) -> bool:
    """Whether text[start:end], valid, is a number of nobody as a person writes one: with its
    trunk "0", its "+", or the country code before the national number ("84 912 345 678"). A
    number without them is an amount, a range of amounts, a list of rooms far more often than a
    phone ("300.000 - 500.000 đồng", "352 500 000", "phòng 301 - 302 - 303"). `without_trunk`
    (a cell of an imported list, where Excel drops a number's leading 0): one without them too,
    but an amount (amount_at)."""
    if with_plus or digits.startswith("0") or (digits.startswith("84") and len(digits) >= _MIN_DIGITS + 2):
        return True
    return without_trunk and not amount_at(text, start, end)


def amount_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is an amount of money: a currency word after it ("352.500.000 đồng",
    "912 345 678 VNĐ") or its digits grouped in threes by dots or commas ("352.500.000")."""
    return _CURRENCY.match(text, end) is not None or _THOUSANDS_ANY.fullmatch(text, start, end) is not None


def _punctuated_phones(text: str, found: list[Found]) -> Iterator[Found]:
    """Valid phone numbers whose groups are joined by another sign (_PUNCTUATED_RUN), whole,
    nothing glued to them, not one _phones found already."""
    for run in _PUNCTUATED_RUN.finditer(text):
        start, end = run.span()
        if _glued(text, start, end) or _SUFFIX.match(text, end) or (start > 0 and text[start - 1] in "+/.,-_") \
                or any(f.start < end and start < f.end for f in found):
            continue
        digits = "".join(group for _, _, group in _groups(text, run))
        plus = "+" if text[start] == "+" else ""
        if _MIN_DIGITS <= len(digits) <= _MAX_DIGITS and (key := phone_key(plus + digits)):
            yield Found(start, end, "phone", (key,))


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of a local part or a domain: what lies between its dots (or "[dot]"s)."""
    words: list[tuple[int, int]] = []
    for dot in _DOT_SEPARATOR.finditer(text, start, end):
        words.append((start, dot.start()))
        start = dot.end()
    words.append((start, end))
    return words


def _email_words(text: str, at: re.Match[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The words of the local part before an "@" and of the domain after it."""
    before, after = at.start(), at.end()
    while before > 0 and text[before - 1].isspace():
        before -= 1
    while after < len(text) and text[after].isspace():
        after += 1
    local = _LOCAL.search(text, max(0, before - _LOCAL_MAX), before)
    domain = _DOMAIN.match(text, after)
    if local is None or domain is None:
        return None
    return _words(text, local.start(), local.end()), _words(text, domain.start(), domain.end())


def _email_keys(text: str, local: list[tuple[int, int]],
                domain: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """(first local word, domain words used, address) for every address the words may
    spell, longest first: the whole local part or its tail, the domain or its head."""
    for first in range(len(local)):
        name = ".".join(text[a:b] for a, b in local[first:])
        for used in range(len(domain), 1, -1):
            if _TOP_LEVEL.fullmatch(text[slice(*domain[used - 1])]):
                yield first, used, (name + "@" + ".".join(text[a:b] for a, b in domain[:used])).lower()


def _emails(text: str) -> Iterator[Found]:
    for at in _AT.finditer(text):
        words = _email_words(text, at)
        if words is None:
            continue
        local, domain = words
        keys = list(_email_keys(text, local, domain))
        if keys:
            first, used, _ = keys[0]
            yield Found(local[first][0], domain[used - 1][1], "email", tuple(k for _, _, k in keys))



def may_hold_contact(text: str) -> bool:
    """False when `text` has no digit and no sign of an "@": then find_contacts, and any
    Redactor's find, find nothing in it (one regex search: a name costs no more)."""
    return _HINT_START.search(text) is not None and _HINT.search(text) is not None


class ContactHints:
    """may_hold_contact, each distinct text searched once, for one load: its check of public texts
    and its redaction ask it of the same names and ids (for 200,000 people, 1.2 million asks of
    410,000 texts; a search of a name costs 25 times a lookup)."""

    def __init__(self) -> None:
        self._answers: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        answer = self._answers.get(text)
        if answer is None:
            answer = self._answers[text] = may_hold_contact(text)
        return answer


def find_contacts(text: str, *, without_trunk: bool = False) -> list[Found]:
    """Every valid phone number and e-mail address written in `text`, in any form a person writes
    one (a number with its trunk "0" or country code; `without_trunk`, one without them too, but
    an amount: _as_written), as written and as the check reads each character."""
    if not may_hold_contact(text):
        return []
    return _as_written_and_read(text, partial(_contacts_as_written, without_trunk=without_trunk))


def _as_written_and_read(text: str, find: Callable[[str], list[Found]]) -> list[Found]:
    """What `find` finds in `text` as written, and as the check reads each character (literal_text:
    superscript or circled digits "0983⁵¹⁷²⁶⁴", a no-break hyphen in an address) where that reads
    otherwise, traced back to where it is written; each place once, in order."""
    found = find(text)
    if not read_as_written(text):
        read = literal_text(text)
        for item in find(read.text):
            start, end = read.written(item.start, item.end)
            if not any(f.start < end and start < f.end for f in found):
                found.append(_bracketed(text, replace(item, start=start, end=end)))
    return sorted(found, key=lambda f: (f.start, f.end))


def _contacts_as_written(text: str, without_trunk: bool) -> list[Found]:
    phones = list(_phones(text, without_trunk))
    phones += _punctuated_phones(text, phones)
    return [*_emails(text), *map(partial(_bracketed, text), phones)]


_OPENING = "([{（［｛"
_CLOSING = ")]}）］｝"
_BRACKETS = frozenset(_OPENING + _CLOSING)


def _has_value(written: str) -> bool:
    """Whether `written` holds a character of a contact (a digit or a letter), not signs alone."""
    return any(c.isalnum() for c in written)


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) of each pair of brackets of `text` that match, kind by kind."""
    pairs: list[tuple[int, int]] = []
    open_at: dict[str, list[int]] = {c: [] for c in _OPENING}
    for i, c in enumerate(text):
        if c in open_at:
            open_at[c].append(i)
        elif c in _CLOSING and (stack := open_at[_OPENING[_CLOSING.index(c)]]):
            pairs.append((stack.pop(), i))
    return pairs


def _bracketed(text: str, found: Found) -> Found:
    """`found` widened or narrowed so that no pair of brackets has one bracket in it and the
    other outside: replacing it never leaves an unbalanced bracket in a balanced text.

    A run of digit groups takes in the brackets inside a number ("(028) 3829 1234") and a
    "(" before its first digit; the private number read in it may start or end inside a pair.
    For each pair cut by the span: a bracket at the span's edge (no character of the value
    between it and the edge: the "(" of "(0912.345.678, cô Thùy)") is left out of it, unless
    its match is just outside (only spaces between), which is then taken in ("(0912.345.678)"
    whole). Any other cut pair ("ĐT 0912 (944 718)", "(ĐT 0912) 944 718") is taken in whole,
    with what it holds: a bracket inside a value cannot be left out without showing part of
    the value, and hiding more is the safe side. Brackets that match nothing are left as they
    are (the text was not balanced)."""
    start, end = found.start, found.end
    if not _BRACKETS.intersection(text[start:end]):
        return found
    pairs = _bracket_pairs(text)

    def cut(pair: tuple[int, int]) -> bool:
        return (start <= pair[0] < end) != (start <= pair[1] < end)

    for opening, closing in filter(cut, pairs):  # at the edges: left out, or the match taken in
        if start <= opening < end and not _has_value(text[start:opening]) and text[end:closing].strip():
            start = opening + 1
        elif start <= closing < end and not _has_value(text[closing + 1:end]) and text[opening + 1:start].strip():
            end = closing
    while cut_pairs := list(filter(cut, pairs)):  # the span only grows: this ends
        start = min(start, *(opening for opening, _ in cut_pairs))
        end = max(end, *(closing + 1 for _, closing in cut_pairs))
    return found if (start, end) == (found.start, found.end) else replace(found, start=start, end=end)


def _holds_date(text: str, groups: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether text[start:end] holds a whole date (_DATE) from one of its groups: the digits of
    "09.12.2024 - 10" are a date's and a day's, no number, whatever private number they spell."""
    return any(g_start >= start and (date := _DATE.match(text, g_start)) is not None and date.end() <= end
               for g_start, _, _ in groups)


# Redacting


class Redactor:
    """Replaces every private phone number and e-mail address, in any written form, with
    REDACTED. Values that are neither a valid phone nor a valid e-mail match nothing (the
    checker refuses them), so a redactor never touches ordinary words."""

    def __init__(self, private_values: Iterable[str]) -> None:
        self.values = frozenset(v for v in private_values if v)
        self.emails = frozenset(k for v in self.values if (k := email_key(v)))
        # An address written with an invisible character for its hyphen (a soft hyphen, a zero-width
        # space: the check's reading drops them, "thcs\u00adbinhminh"), or without it, is that address.
        self.unhyphenated = {key.replace("-", ""): key for key in self.emails if "-" in key}
        # A private number is found by its national significant number ("912345678")
        # among the digits of a run, whatever separates them; the digits allowed before
        # it (trunk 0, country code) are redacted with it.
        self.numbers: dict[str, frozenset[str]] = {}
        for value in self.values:
            number = _phone(value)
            if number is not None:
                code = str(number.country_code)
                prefixes = {"", "0", code, code + "0", "00" + code, "00" + code + "0"}
                self.numbers[phonenumbers.national_significant_number(number)] = frozenset(prefixes)
        self.lengths = sorted({len(n) for n in self.numbers})
        # The national numbers in order: a number written without its trunk over whole groups
        # (_split_bare) is followed only while its digits start one (_starts_a_number; a set of
        # every head would hold eight strings a number, 1.6 million for 200,000 people).
        self.ordered = sorted(self.numbers)
        # What a number read in a file's bytes (_written_from) may start with: the first digit of a
        # trunk or country code written before it, the first two of a national number (a set
        # lookup keeps most of a file's own digit groups from a search in `ordered`).
        self.prefix_heads = frozenset(p[0] for prefixes in self.numbers.values() for p in prefixes if p)
        self.heads = frozenset(n[:_WRITTEN_GROUP_DIGITS] for n in self.numbers)

    def __bool__(self) -> bool:
        return bool(self.emails or self.numbers)

    @functools.cached_property
    def digest(self) -> str:
        """The SHA-256 of what this redactor looks for and of what reads it: the private values,
        the numbers and addresses it makes of them, and the versions of phonenumbers (which
        numbers are valid), of Unicode's tables (which characters are digits) and of Python. A
        verdict kept for it (originals.CheckedOriginals) is another's once any of them changes:
        a number an older phonenumbers did not know is not looked for, and a file holding it
        was found clean."""
        numbers = (f"{number} {' '.join(sorted(prefixes))}" for number, prefixes in sorted(self.numbers.items()))
        understood = [*sorted(self.values), "", *numbers, "", *sorted(self.emails), "",
                      phonenumbers.__version__, unicodedata.unidata_version, platform.python_version()]
        return hashlib.sha256("\0".join(understood).encode("utf-8")).hexdigest()

    def find(self, text: str) -> list[Found]:
        """The private values written in `text`, in any form: as written, and as the check reads
        each character (literal_text: "thcs‑binhminh" with a no-break hyphen, a soft hyphen or a
        zero-width space inside an address, superscript or circled digits), where it reads otherwise."""
        return _as_written_and_read(text, self._find_as_written)

    def _find_as_written(self, text: str) -> list[Found]:
        phones = [_bracketed(text, f) for f in self._private_phones(text)]
        found = [*self._private_emails(text), *phones]
        # A number split by other signs (_split_phones) that the plain reading found too, once.
        found += [f for f in map(partial(_bracketed, text), self._split_phones(text))
                  if not any(p.start <= f.start and f.end <= p.end for p in phones)]
        return found

    def find_as_written(self, text: str) -> list[Found]:
        """The private values of `text` read out of a file's bytes (file_reading's "bytes"
        readings): e-mails as find does, numbers only as a person writes them
        (_WRITTEN_GROUPS), so that a file's own numbers are not taken for a phone."""
        return sorted([*self._private_emails(text), *map(partial(_bracketed, text), self._written_phones(text))],
                      key=lambda f: (f.start, f.end))

    def _written_phones(self, text: str) -> Iterator[Found]:
        if not self.numbers or not _HAS_DIGIT.search(text):
            return
        for run in _WRITTEN_RUN.finditer(text):
            groups = _groups(text, run)
            i = 0
            after_one = False  # the group after a number found: another may start there ("0939 484 177 0912 …")
            while i < len(groups):
                found = self._written_from(text, run, groups, i) \
                    if after_one or self._written_edge(text, groups, i - 1) else self._spaced_from(text, run, groups, i)
                after_one = found is not None
                if found is None:
                    i += 1
                    continue
                yield found[0]
                i = found[1] + 1

    def _written_from(self, text: str, run: re.Match[str], groups: list[tuple[int, int, str]],
                      i: int) -> tuple[Found, int] | None:
        """The private number a person writes from groups[i] (a run's start, after a
        _WRITTEN_BREAK or after another number), and its last group: with its trunk or country
        code in at most _WRITTEN_GROUPS groups of _WRITTEN_GROUP_DIGITS digits or more (one more
        from a leading trunk; a "(0)" after the country code not counted), joined by "/" between
        every two (from a group that starts a number as _split_phones reads one: "0912/…", not a
        date's "09/12/…") or by none; or without them (_written_bare). Never from a date
        (_DATE). A country code written without its "+" ("84 939 484 177", "84939484177") is also
        the first digits of many a drawing's operands ("84 336 244 450 re", "849.48999 175.896 l"):
        the number it starts is read only where a number written without its trunk may end
        (_written_end) and with a dot joining all its groups or none."""
        first = groups[i][2]
        if len(first) < _WRITTEN_GROUP_DIGITS or _DATE.match(text, groups[i][0]):  # most of a file's own groups
            return None
        if first[0] not in self.prefix_heads:
            return self._written_bare(text, run, groups, i)
        start = run.start() if i == 0 else groups[i][0]
        plus = i == 0 and run.group().startswith("+")
        limit = _WRITTEN_GROUPS + (first.startswith("0") or plus)
        # A country code written so ("+84", "0084") may stand apart by a space: the "/" joins after it.
        joined = i + 1 if (plus or first.startswith("00")) and i + 2 < len(groups) \
            and "/" not in text[groups[i][1]:groups[i + 1][0]] else i
        slashed = joined + 1 < len(groups) and "/" in text[groups[joined][1]:groups[joined + 1][0]]
        if slashed and joined == i and not _NUMBER_START.fullmatch(first):  # a date's "09/12/…", as _split_phones
            limit = 0
        digits = ""
        counted = 0
        for j in range(i, len(groups)):
            _, end, group = groups[j]
            trunk = j > i and group == "0" and text[groups[j][0] - 1:end + 1] == "(0)"
            if (len(group) < _WRITTEN_GROUP_DIGITS and not trunk) or counted == limit \
                    or (j > joined and ("/" in text[groups[j - 1][1]:groups[j][0]]) != slashed):
                break
            counted += not trunk
            digits += group
            national = next((digits[-n:] for n in self.lengths
                             if len(digits) > n and digits[:-n] in self.numbers.get(digits[-n:], ())), None)
            if national is None:
                continue
            code = digits[:-len(national)]
            if not code and self._amount(text, groups, i, j):
                break
            if code[:1] not in ("", "0") and not (i == 0 and run.group().startswith("+")) \
                    and not (self._written_end(text, groups, i, j) and self._one_dot(text, groups, i, j)):
                break
            return Found(start, end, "phone", (national,)), j
        return self._written_bare(text, run, groups, i)

    def _spaced_from(self, text: str, run: re.Match[str], groups: list[tuple[int, int, str]],
                     i: int) -> tuple[Found, int] | None:
        """The private number a person writes from groups[i] after spaces only, whatever digits
        come before ("ĐT: 0215 3824 123 0939 484 177", "ngày 09.12.2024 0939484177"): only from a
        group that starts as a written number (_SPACED_START: a PDF's operands never write a
        leading zero), ending where no operator, other operands, decision's number nor letter
        follows ("1 0939 484 177 l" are operands)."""
        if i == 0 or not text[groups[i - 1][1]:groups[i][0]].isspace() or not _SPACED_START.fullmatch(groups[i][2]):
            return None
        found = self._written_from(text, run, groups, i)
        if found is None:
            return None
        end = found[0].end
        if _glued(text, groups[i][0], end) or _SUFFIX.match(text, end) or _OPERAND_END.match(text, end):
            return None
        return found

    def _written_bare(self, text: str, run: re.Match[str], groups: list[tuple[int, int, str]],
                      i: int) -> tuple[Found, int] | None:
        """A private number without its trunk from groups[i]: its national digits exactly whole
        groups of 2 digits or more (at most _WRITTEN_GROUPS) on one line, where a written number
        may end (the run's end or a _WRITTEN_BREAK), nothing glued to it, and no decision's number
        ("…/QĐ") nor a PDF's operator after it (_OPERAND_END: "939 484 177 Td" are operands). A file's
        numbers of its own are one group of 8 digits at most (offsets), or groups joined by spaces
        to others, or followed by their operator."""
        if groups[i][2][:_WRITTEN_GROUP_DIGITS] not in self.heads:
            return None
        digits = ""
        for j in range(i, min(len(groups), i + _WRITTEN_GROUPS)):
            start, end, group = groups[j]
            if len(group) < _WRITTEN_GROUP_DIGITS or (j > i and _LINE_BREAK.search(text, groups[j - 1][1], start)):
                return None
            digits += group
            if not self._starts_a_number(digits):
                return None
            if digits in self.numbers:
                if not self._written_end(text, groups, i, j) or self._amount(text, groups, i, j):
                    return None
                return Found(run.start() if i == 0 else groups[i][0], end, "phone", (digits,)), j
        return None

    @classmethod
    def _written_end(cls, text: str, groups: list[tuple[int, int, str]], i: int, j: int) -> bool:
        """Whether a number read from groups[i] to groups[j] ends as a person's does, not as a
        file's own numbers: where a written number may end (_written_edge), nothing glued to it,
        no decision's number after it ("…/QĐ") nor a PDF's operator, after other operands or not
        (_OPERAND_END)."""
        end = groups[j][1]
        return cls._written_edge(text, groups, j) and not _glued(text, groups[i][0], end) \
            and not _SUFFIX.match(text, end) and not _OPERAND_END.match(text, end)

    @staticmethod
    def _amount(text: str, groups: list[tuple[int, int, str]], i: int, j: int) -> bool:
        """Whether groups[i..j], read as a number without its trunk, are an amount of money: a currency
        word after them (_CURRENCY), or dots grouping them in threes after "tiền" (_THOUSANDS)."""
        start, end = groups[i][0], groups[j][1]
        return _CURRENCY.match(text, end) is not None or (
            _THOUSANDS.fullmatch(text, start, end) is not None and _MONEY_BEFORE.search(text[max(0, start - 8):start])
            is not None)

    @staticmethod
    def _one_dot(text: str, groups: list[tuple[int, int, str]], i: int, j: int) -> bool:
        """Whether a dot joins every two of groups[i..j] or none ("84.939.484.177"; not a decimal's
        "849.48999 175")."""
        joins = {text[groups[k][1]:groups[k + 1][0]] for k in range(i, j)}
        return joins == {"."} or not any("." in join for join in joins)

    @staticmethod
    def _written_edge(text: str, groups: list[tuple[int, int, str]], k: int) -> bool:
        """Whether a written number may end after groups[k] and start after it: the run's edge
        (k is before its first group or its last), or a _WRITTEN_BREAK between two groups."""
        if k < 0 or k + 1 >= len(groups):
            return True
        return _WRITTEN_BREAK.fullmatch(text, groups[k][1], groups[k + 1][0]) is not None

    def _private_emails(self, text: str) -> Iterator[Found]:
        if not self.emails:
            return
        for at in _AT.finditer(text):
            words = _email_words(text, at)
            if words is None:
                continue
            local, domain = words
            for first, used, key in _email_keys(text, local, domain):
                if key in self.emails or key in self.unhyphenated:
                    yield Found(local[first][0], domain[used - 1][1], "email", (self.unhyphenated.get(key, key),))
                    break

    def _private_phones(self, text: str) -> Iterator[Found]:
        if not self.numbers or not _HAS_DIGIT.search(text):
            return
        for run in _RUN.finditer(text):
            groups = _groups(text, run)
            digits = "".join(g[2] for g in groups)
            if len(digits) < self.lengths[0]:
                continue
            owner = [i for i, g in enumerate(groups) for _ in g[2]]  # digit -> its group
            for length in self.lengths:
                for first in range(len(digits) - length + 1):
                    national = digits[first:first + length]
                    prefixes = self.numbers.get(national)
                    if prefixes is None:
                        continue
                    start = self._number_start(run, groups, owner, digits, first, prefixes)
                    end = groups[owner[first + length - 1]][1]
                    if not _holds_date(text, groups, start, end):
                        yield Found(start, end, "phone", (national,))

    @staticmethod
    def _number_start(run: re.Match[str], groups: list[tuple[int, int, str]], owner: list[int], digits: str,
                      first: int, prefixes: frozenset[str]) -> int:
        """Where the private number whose national digits start at digits[first] is written
        from in its run.

        The digits before it are its trunk "0" or country code: hidden with it, from the run's
        start, or from the group where they start ("1 0 912 944 718"). Other digits in its own
        first group ("Mã 20912345678"): a longer number holding it, hidden whole with that
        group. Whole groups of other digits before it: hidden from its own group, since they
        may be another number written beside it ("ĐT: 0274 3822 123 - 912 944 718", "1. 912
        944 718", a line above): when in doubt, hide. An amount that ends in its digits
        ("1.912.944.718 đồng") is hidden too, and a page holding one refused: a review showed
        that telling it apart published numbers written after a list number or a landline."""
        if digits[:first] in prefixes:
            return run.start()
        group = owner[first]
        for earlier in range(group - 1, -1, -1):
            at = owner.index(earlier)
            if digits[at:first] in prefixes:
                return groups[earlier][0]
        return groups[group][0]

    def _split_phones(self, text: str) -> Iterator[Found]:
        """A private number whose groups are joined by other signs (_PRIVATE_RUN): whole
        groups from one that starts a written number (_NUMBER_START: "0912" of "0912/944/718",
        "0" of "0 912/944/718", "84" of "+84 (0) 912/944/718"), with its trunk or country
        code; never a date's "09" nor a decimal's "9". Or written without them, as whole
        groups (_split_bare: "912/944/718")."""
        if not self.numbers or not _HAS_DIGIT.search(text):
            return
        for run in _PRIVATE_RUN.finditer(text):
            groups = _groups(text, run)
            for i in range(len(groups)):
                first = groups[i][2]
                found = (self._split_from(text, groups, i) if _NUMBER_START.fullmatch(first) else None) \
                    or (self._split_bare(text, groups, i) if self._starts_a_number(first) else None)
                if found is not None:
                    yield found

    def _split_from(self, text: str, groups: list[tuple[int, int, str]], i: int) -> Found | None:
        start = groups[i][0]
        digits = ""
        for j in range(i, min(len(groups), i + _MAX_GROUPS)):
            digits += groups[j][2]
            if len(digits) > _MAX_DIGITS + 1:
                break
            national = next((digits[-n:] for n in self.lengths
                             if len(digits) > n and digits[:-n] in self.numbers.get(digits[-n:], ())), None)
            if national is not None:
                plus = start > 0 and text[start - 1] == "+"  # "+84/912/…": hidden with its sign
                return Found(start - plus, groups[j][1], "phone", (national,))
        return None

    def _starts_a_number(self, digits: str) -> bool:
        """Whether `digits` are the first digits of a private national number."""
        at = bisect.bisect_left(self.ordered, digits)
        return at < len(self.ordered) and self.ordered[at].startswith(digits)

    def _split_bare(self, text: str, groups: list[tuple[int, int, str]], i: int) -> Found | None:
        """A private number written without its trunk, its national digits exactly whole groups
        of 2 digits or more from groups[i] ("912/944/718", "91 | 294 | 4718"), nothing glued to
        it: no letter or digit beside it, and not joined to another group by a sign that joins
        its own groups ("1,912,944,718" is a longer number holding it; "Lớp 12, 912/944/718" is
        not). A date's, a time's or a decimal's single digits ("9/12/2024", "9,12 - 9,44") never
        make one up."""
        digits = ""
        for j in range(i, min(len(groups), i + _MAX_GROUPS)):
            if len(groups[j][2]) < _WRITTEN_GROUP_DIGITS:
                return None
            digits += groups[j][2]
            if not self._starts_a_number(digits):
                return None
            if digits in self.numbers:
                joins = {text[groups[k][1]:groups[k + 1][0]] for k in range(i, j)}
                before = text[groups[i - 1][1]:groups[i][0]] if i > 0 else None
                after = text[groups[j][1]:groups[j + 1][0]] if j + 1 < len(groups) else None
                if before in joins or after in joins or _glued(text, groups[i][0], groups[j][1]) \
                        or _SUFFIX.match(text, groups[j][1]):
                    return None
                return Found(groups[i][0], groups[j][1], "phone", (digits,))
        return None

    def __call__(self, text: str) -> str:
        """`text` with its private values replaced; the same object when there is none."""
        if not self or not may_hold_contact(text):
            return text
        found = self.find(text)
        if not found:
            return text
        parts: list[str] = []
        end = 0
        for item in found:  # overlapping finds merge into one marker
            if item.start >= end:
                parts += [text[end:item.start], REDACTED]
            end = max(end, item.end)
        parts.append(text[end:])
        return "".join(parts)

    def redacted(self, value: T, hints: Callable[[str], bool] = may_hold_contact) -> T:
        """`value` with every text in it redacted (see map_texts). Each distinct text is
        looked at once: names, positions and notes repeat from year to year. `hints`:
        may_hold_contact, or a load's ContactHints (its answers kept from the check)."""
        if not self:
            return value
        clean: set[str] = set()
        changed: dict[str, str] = {}

        def redact(text: str) -> str:
            if not hints(text):  # most texts: not remembered here either
                return text
            if text in clean:
                return text
            if text in changed:
                return changed[text]
            result = self(text)
            if result is text:
                clean.add(text)
            else:
                changed[text] = result
            return result

        return map_texts(value, redact)


def map_texts(value: T, change: Callable[[str], str]) -> T:
    """`value` with `change` applied to every text in it: a string, or a record (a
    dataclass), tuple, list or dict of them, walked field by field (dict keys too), except
    the PRIVATE_FIELDS and PROVENANCE_FIELDS. Unchanged parts are returned as they are (`change` returns the
    same object when it changes nothing)."""
    return cast(T, _map(value, change))


def _map(value: Any, change: Callable[[str], str]) -> Any:
    # A copy is made only from the first part that changes: most of a province's data is
    # walked without a new list, dict or record.
    if isinstance(value, str):
        return change(value)
    if isinstance(value, (tuple, list)):
        items: list[Any] | None = None
        for i, item in enumerate(value):
            new = _map(item, change)
            if items is None and new is not item:
                items = list(value[:i])
            if items is not None:
                items.append(new)
        return value if items is None else type(value)(items)
    if isinstance(value, dict):
        pairs: dict[Any, Any] | None = None
        for i, (k, v) in enumerate(value.items()):
            new_key = change(k) if type(k) is str else _map(k, change)
            new_value = _map(v, change)
            if pairs is None and (new_key is not k or new_value is not v):
                pairs = dict(itertools.islice(value.items(), i))
            if pairs is not None:
                pairs[new_key] = new_value
        return value if pairs is None else pairs
    names = _public_fields(type(value))
    if names:
        changes = {}
        for name in names:
            old = getattr(value, name)
            kind = type(old)
            if kind is str:
                new = change(old)
            elif old is None or kind is int or kind is bool or (kind in _CONTAINERS and not old):
                continue  # no text in it (most optional fields, a person's empty lists): no call
            else:
                new = _map(old, change)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


_CONTAINERS = (tuple, list, dict)  # an empty one is walked as it is, whatever `change` does
_FIELDS_OF: dict[type[Any], tuple[str, ...]] = {}


def _public_fields(kind: type[Any]) -> tuple[str, ...]:
    """The fields a walk visits in a dataclass (none for any other type), found once per type."""
    names = _FIELDS_OF.get(kind)
    if names is None:
        skipped = PRIVATE_FIELDS | PROVENANCE_FIELDS
        names = tuple(f.name for f in dataclasses.fields(kind) if f.init and f.name not in skipped) \
            if dataclasses.is_dataclass(kind) else ()
        _FIELDS_OF[kind] = names
    return names


def private_values_in_page(text: str, shown_as: str, redactor: Redactor) -> list[Problem]:
    """A hand-written page that holds a private phone or e-mail (in any written form), as
    written or as a reader sees it through its markup (page_text.markdown_text: `**0912**
    944 718`, `0912&nbsp;944&nbsp;718`) or percent-decoded (`tel:0912%3944718`), each at the
    line where it is written; and the front matter's values as YAML reads them (`title:
    "0912\\u0039…"`).

    Such a page is refused, not redacted: it is the office's own Markdown, where a private
    value is a mistake to fix at its source, and redacting rendered HTML would have to
    tell text from markup (the old HTML-level redaction rewrote attributes too).
    """
    return _private_in_text(text, shown_as, redactor, (markdown_text, percent_decoded),
                            lambda: _front_matter_values(text))


def private_values_in_markup(text: str, shown_as: str, redactor: Redactor) -> list[Problem]:
    """A file a browser shows through its HTML markup (an .html page, an .svg image, a
    template of the theme) holding a private value, as written or as shown
    (page_text.markup_text: `0912&#32;944&nbsp;718`), or percent-decoded (a link's
    `tel:0912%3944718`); then as the browser's own parser shows it (html_text), without a line."""
    problems = _private_in_text(text, shown_as, redactor, (markup_text, percent_decoded), lambda: ())
    return problems or private_values_in_html(text, shown_as, redactor)


def private_values_in_plain_text(text: str, shown_as: str, redactor: Redactor) -> list[Problem]:
    """A file a browser shows as it is written (a .txt, a .csv) holding a private value: no
    markup is read in it (`&#48;912…` shows as written, no number)."""
    return _private_in_text(text, shown_as, redactor, (literal_text,), lambda: ())


def _private_in_text(text: str, shown_as: str, redactor: Redactor, readings: Iterable[Callable[[str], TracedText]],
                     decoded_values: Callable[[], Iterable[tuple[int, str, str]]]) -> list[Problem]:
    """The private values of `text`, as written and as each of `readings` reads it, each at
    its line, quoted as written (and as read, where that differs); then those of
    `decoded_values` ((line, as written, as read): readings traced to a line, not to a place
    in it) on the lines where none was found."""
    if not redactor:
        return []
    spans = [(found.start, found.end, found.label, text[found.start:found.end]) for found in redactor.find(text)]
    for read_as in readings:
        read = read_as(text)
        spans += [(*read.written(found.start, found.end), found.label, read.text[found.start:found.end])
                  for found in redactor.find(read.text)]
    merged: list[tuple[int, int, str, str]] = []  # a value found several ways is told once
    for start, end, label, shown in sorted(spans, key=lambda span: (span[0], -span[1])):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), *merged[-1][2:])
        else:
            merged.append((start, end, label, shown))
    problems = [_private_in_page(shown_as, text.count("\n", 0, start) + 1, label, text[start:end], shown)
                for start, end, label, shown in merged]
    told = {problem.line for problem in problems}
    for line, written, decoded in decoded_values():
        if line not in told and (found := redactor.find(decoded)):
            problems += [_private_in_page(shown_as, line, f.label, written, decoded[f.start:f.end]) for f in found]
            told.add(line)
    return sorted(problems, key=Problem.sort_key)


# A page's front matter, as MkDocs finds it (mkdocs.utils.meta).
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def _front_matter_values(text: str) -> Iterator[tuple[int, str, str]]:
    """(line, as written, value) of each value of a page's front matter as YAML reads it
    (`title: "0912\\u0033…"`: the theme prints the title), keys too; nothing if it is no YAML
    (MkDocs then reads none either)."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return
    try:
        root = yaml.compose(found.group(1), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    nodes = [root] if root is not None else []
    while nodes:
        node = nodes.pop()
        if isinstance(node, yaml.ScalarNode):  # the YAML starts on the file's line 2
            yield node.start_mark.line + 2, found.group(1)[node.start_mark.index:node.end_mark.index], node.value
        elif isinstance(node, yaml.SequenceNode):
            nodes += node.value
        elif isinstance(node, yaml.MappingNode):
            nodes += [part for pair in node.value for part in pair]


def private_values_in_html(markup: str, shown_as: str, redactor: Redactor) -> list[Problem]:
    """A hand-written page whose rendered HTML shows a private value to a reader (in its
    text or an attribute) that private_values_in_page did not see in its Markdown: what a
    Markdown extension built from the source. The line is not known from the HTML."""
    if not redactor:
        return []
    text = html_text(markup)
    return [_private_in_page(shown_as, None, found.label, text[found.start:found.end])
            for found in redactor.find(text)]


def private_values_in_readings(readings: Iterable[Reading], shown_as: str, redactor: Redactor) -> list[Problem]:
    """A file that is no text page (an image, a PDF, an Office file, an archive, a font),
    published as it is, holding a private value in what can be read of it (file_reading:
    its runs of text, a zip's members, a PDF's streams and strings): anyone who downloads it
    can read them. Each reading is read as written, then as a reader sees it (an XML member
    through its markup, xml_text; any other as the check reads each character, literal_text:
    "０９１２" as "0912"), quoted as written where found so. A reading of the file's bytes
    (not an XML member, not a text file's) finds a number only as a person writes it
    (Redactor.find_as_written): their digits are mostly the file's own. The line means
    nothing there; each value is told once."""
    if not redactor:
        return []
    problems: list[Problem] = []
    for reading in readings:
        text = reading.text
        if not may_hold_contact(text):
            continue
        as_read = (xml_text,) if reading.read_as == "markup" else (literal_text,) if not text.isascii() else ()
        find = redactor.find_as_written if reading.read_as == "bytes" else redactor.find
        inside = f" (phần {reading.place} bên trong tệp)" if reading.place else ""
        problems += [Problem(shown_as, None, "", f"tệp có {label} riêng tư {quoted} trong phần chữ đọc được của "
                             f"tệp{inside}.", hint=_REMOVE_FROM_FILE)
                     for label, quoted in _found_in_readings(find, text, *as_read)]
    return list(dict.fromkeys(problems))


def private_values_in_file_name(name: str, shown_as: str, redactor: Redactor) -> list[Problem]:
    """A file whose name (`name`, as the site uses it) holds a private value: a page's or an
    image's address, the "edit this page" link of a data file's pages, where nothing can be
    hidden. Refused, as an id holding one is."""
    return [Problem(shown_as, None, "", f"tên tệp chứa {label} riêng tư {quoted}.",
                    expected="tên tệp không chứa thông tin liên hệ",
                    hint="tên tệp hiện trong địa chỉ trên trang web nên không ẩn được: đổi tên tệp.")
            for label, quoted in _found_in_readings(redactor.find, name, literal_text, percent_decoded)]


def _found_in_readings(find: Callable[[str], list[Found]], text: str,
                       *readings: Callable[[str], TracedText | str]) -> list[tuple[str, str]]:
    """(label, quote) of each private value `find` finds in `text` as written, else in the
    first of `readings` that finds any: quoted as written where the reading traces it, else as read."""
    if found := find(text):
        return [(f.label, _quoted(text[f.start:f.end], text[f.start:f.end])) for f in found]
    for read_as in readings:
        read = read_as(text)
        shown = read.text if isinstance(read, TracedText) else read
        if found := find(shown):
            return [(f.label, _quoted(text[slice(*read.written(f.start, f.end))], shown[f.start:f.end])
                     if isinstance(read, TracedText) else f"'{shown[f.start:f.end]}'") for f in found]
    return []


def private_values_in_settings(settings: Any, holder: Callable[[KeyPath], str], redactor: Redactor) -> list[Problem]:
    """Every text of a settings file as read (mkdocs.yml: its values and keys, nested, walked
    whatever they are called) that holds a private value, by key path in the file that holds
    it (`holder`: mkdocs.yml, or the file it inherits the value from). The theme prints them
    on every page: site_name, site_description, copyright, extra, the nav's titles... Each is
    read as written, as the page shows it (html_text: `0912&#51;…`, `0912<b></b>…`), and
    percent-decoded (a link's `tel:0912%33…`)."""
    if not redactor:
        return []
    return [Problem(shown_as, None, format_path(path), f"có {label} riêng tư {quoted}.",
                    hint=f"giao diện in giá trị này trên mọi trang: xóa nó khỏi {shown_as}; {_ONLY_IN_CONTACT}")
            for path, text in settings_texts(settings, ())
            for label, quoted in _found_in_readings(redactor.find, text, markup_text, percent_decoded, html_text)
            for shown_as in (holder(path),)]


def settings_texts(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """(key path, text) for every text in `value`, keys included; a number as written in
    the page (`name: 84912345678` is printed as it is)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield path, str(value)
    elif isinstance(value, Mapping):  # a dict, or options as loaded (MkDocs's Config)
        for key, item in value.items():
            if isinstance(key, str):  # a nav title is a key
                yield (*path, key), key
            yield from settings_texts(item, (*path, str(key)))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from settings_texts(item, (*path, i))


_ONLY_IN_CONTACT = "thông tin liên hệ riêng tư chỉ ghi trong 'contact' của người đó."
_REMOVE_PRIVATE = "xóa nó khỏi trang; " + _ONLY_IN_CONTACT
_REMOVE_FROM_FILE = ("tệp được đăng nguyên như vậy, ai tải về cũng đọc được: xóa nó khỏi tệp (chữ trong tệp, "
                     "thông tin của ảnh hay tài liệu) rồi lưu lại, hoặc bỏ tệp khỏi trang; " + _ONLY_IN_CONTACT)
# Without a line: the value shows only once the page is built (an extension of Markdown put it there).
_REMOVE_RENDERED = ("nó hiện ra khi trang được dựng (có thể từ một tệp mà trang chèn vào): xóa nó khỏi "
                    "trang hoặc tệp đó; " + _ONLY_IN_CONTACT)


def _quoted(written: str, read: str) -> str:
    """A value quoted as written, and as it reads where that differs (`0&#57;12…`, `%30912…`)."""
    read = " ".join(read.split())  # a line break read in it (`<br>`) is a space in one line
    return f"'{written}'" if plain_text(written) == plain_text(read) else f"'{written}' (đọc ra là '{read}')"


def _private_in_page(shown_as: str, line: int | None, label: str, written: str, read: str | None = None) -> Problem:
    return Problem(shown_as, line, "", f"trang viết tay có {label} riêng tư {_quoted(written, read or written)}.",
                   hint=_REMOVE_PRIVATE if line is not None else _REMOVE_RENDERED)
