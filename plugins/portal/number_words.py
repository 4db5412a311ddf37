"""A body's number written in words: "Cụm Một", "CỤM HAI", "cụm mười một" (11), "Cụm Hai Mươi
Mốt" (21), up to 99.

One reading for the search index (portal_mkdocs/search.py, "cum 11" finds Cụm Mười Một) and
the importer (importer/keys.py body_key, a heading "CỤM 11" names Cụm Mười Một): read apart,
a heading "CỤM 2" was matched to "Cụm Hai Mươi Tư" and "nhom 4" found "Nhóm Tư vấn".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# The units. "mười" is ten, "hai mươi" twenty.
UNITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_TEN, _TENS = "mười", "mươi"
# The unit after "mười" or "mươi": fifteen is "mười lăm", twenty-one "hai mươi mốt" (or "một"),
# fourteen "mười bốn" or "mười tư"; "mười năm" is ten years.
_LAST_UNITS = {**{word: n for word, n in UNITS.items() if word != "năm"}, "lăm": 5, "mốt": 1}
# Every word of a number in words.
WORDS = frozenset({*UNITS, *_LAST_UNITS, _TEN, _TENS})
# What may follow a number in words (portal-search.js mirrors it, test_search checks): no word
# (the name ends: "Nhóm Tư", "Cụm Một (gồm ...)", "Cụm Hai, năm học ..."), a word that starts
# what is said of the name ("Cụm Hai năm học 2023-2024", "Cụm Một và Cụm Hai"), or a school level
# or a place's kind, as a heading goes on ("CỤM HAI THCS", "Cụm Một Phường Ba Đình"). Not any
# other word: a number word starts many compounds and names, "Nhóm Tư vấn", "Tổ Một số môn",
# "Nhóm Ba lô", "Tổ Năm học", "Cụm Hai Bà Trưng", "Cụm Năm Căn", and words of a sentence, "họp
# cụm hai lần".
FOLLOWERS = ("năm học", "và", "gồm", "của", "thuộc", "do", "có",
             "thcs", "th", "thpt", "mn", "mg", "tiểu học", "trung học", "mầm non", "trường", "khối",
             "xã", "phường", "thị trấn", "thị xã", "huyện", "quận", "thành phố", "tỉnh")


def _unmarked(word: str) -> str:
    """'mười' -> 'muoi': the word as typed without marks (case kept, đ as d)."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Reading:
    """The patterns and values of number words as written, with their marks or without."""
    pattern: str  # a regular expression's source, for the callers that look for the word before it
    number: re.Pattern[str]
    after_a_name: re.Pattern[str]
    units: dict[str, int]
    last_units: dict[str, int]
    ten: str
    tens: str
    year: re.Pattern[str]  # "năm" and a number in digits: a year, where the text ends for read()


def _reading(spelt: Callable[[str], str]) -> _Reading:
    units = {spelt(w): n for w, n in UNITS.items()}
    last = {spelt(w): n for w, n in _LAST_UNITS.items()}
    ten, tens = spelt(_TEN), spelt(_TENS)
    # "mười" and a unit (not "mốt", which is "một" when typed without marks), a unit (not "một",
    # "tư") and "mươi" and a unit, or a unit; in any case.
    after_ten = [w for w in last if w != spelt("mốt") or w == spelt("một")]
    pattern = (
        rf"(?i:{ten}(?:\s+(?:{'|'.join(after_ten)}))?"
        rf"|(?:{'|'.join(w for w in units if w not in (spelt('một'), spelt('tư')))})\s+{tens}"
        rf"(?:\s+(?:{'|'.join(last)}))?"
        rf"|{'|'.join(units)})")
    after = re.compile(r"(?!\s*[^\W\d_])|\s+(?:" + "|".join(spelt(w) for w in FOLLOWERS) + r")(?!\w)",
                       re.IGNORECASE)
    # "năm" before a number in digits is "year", not five: "Cụm trường năm 2024", "NHOM NAM 2"; a
    # number in words may stand before it ("Cụm Hai năm 2024"). With marks, only "năm" is a year:
    # "Nam" is a name ("Cụm Hai Nam 2").
    year = re.compile(rf"(?<!\w){spelt('năm')}\s+\d", re.IGNORECASE)
    return _Reading(pattern, re.compile(pattern + r"(?!\w)"), after, units, last, ten, tens, year)


_MARKED = _reading(lambda word: word)
# Typed without marks ("NHOM MOT", "CUM HAI MUOI TU"): "mười" and "mươi" are both "muoi", read
# by their place as above.
_UNMARKED = _reading(_unmarked)
PATTERN = _MARKED.pattern


@dataclass(frozen=True)
class NumberInWords:
    value: int
    end: int  # where its last word ends in the text


def read(text: str, at: int, *, marks: bool = True) -> NumberInWords | None:
    """The number in words at `at` in `text` (NFC), when the name ends with it or goes on as a
    name does (FOLLOWERS): "Cụm Mười Một" at 4 -> 11; "Nhóm Tư vấn", "Cụm Mười Năm" -> None.
    A year ends the text: "Cụm năm 2024" has no number, "Cụm Hai năm 2024" is 2.
    `marks=False` reads a text typed without marks ("NHOM MOT", "NHOM HAI NAM 2024"); with
    marks, "cụm từ", "các tổ sau" are no numbers, but one typed with "muoi" is ("CỤM MUOI MOT":
    an unmarked "muoi" can only be a number, where "sau", "nam", "ba" are words of their own)."""
    ahead = _WORDS_AHEAD.match(text, at)
    year = (_MARKED if marks else _UNMARKED).year.search(text, at, ahead.end() if ahead else at)
    end = year.start() if year is not None else len(text)  # the text is read as if it ended there
    if not marks:
        return _read(_UNMARKED, text, at, end)
    found = _read(_MARKED, text, at, end)
    if found is None and (unmarked := _read(_UNMARKED, text, at, end)) is not None \
            and _UNMARKED.ten in text[at:unmarked.end].lower().split():
        return unmarked
    return found


# A number in words is three words at most ("hai mươi mốt"), and a name's next word tells whether
# it ends there (after_a_name): a year further on changes nothing, so it is looked for only in
# the words just ahead (search.py reads a page's every "cụm", "nhóm", "tổ": a search to the end of
# the page each time was quadratic in the page's length).
_WORDS_AHEAD = re.compile(r"(?:\s*\S+){1,6}")


def _read(reading: _Reading, text: str, at: int, end: int) -> NumberInWords | None:
    match = reading.number.match(text, at, end)
    if match is None or not reading.after_a_name.match(text, match.end(), end):
        return None
    words = match.group().lower().split()
    if words[0] == reading.ten:
        value = 10 + (reading.last_units[words[1]] if len(words) > 1 else 0)
    elif len(words) > 1:
        value = 10 * reading.units[words[0]] + (reading.last_units[words[2]] if len(words) > 2 else 0)
    else:
        value = reading.units[words[0]]
    return NumberInWords(value, match.end())
