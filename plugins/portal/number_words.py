"""A body's number written in words: "Cụm Một", "CỤM HAI", "cụm mười một" (11), "Cụm Hai Mươi
Mốt" (21), up to 99.

One reading for the search index (portal_mkdocs/search.py, "cum 11" finds Cụm Mười Một) and
the importer (importer/keys.py body_key, a heading "CỤM 11" names Cụm Mười Một): read apart,
a heading "CỤM 2" was matched to "Cụm Hai Mươi Tư" and "nhom 4" found "Nhóm Tư vấn".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The units. "mười" is ten, "hai mươi" twenty.
UNITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_TEN, _TENS = "mười", "mươi"
# The unit after "mười" or "mươi": fifteen is "mười lăm", twenty-one "hai mươi mốt" (or "một"),
# fourteen "mười bốn" or "mười tư"; "mười năm" is ten years.
_LAST_UNITS = {**{word: n for word, n in UNITS.items() if word != "năm"}, "lăm": 5, "mốt": 1}
# Every word of a number in words.
WORDS = frozenset({*UNITS, *_LAST_UNITS, _TEN, _TENS})
# The words of a number, in any case ("CỤM HAI MƯƠI"): "mười" and a unit, a unit (not "một",
# "tư") and "mươi" and a unit, or a unit. A regular expression's source, for the callers that
# look for the word before it ("Cụm", "số").
PATTERN = (
    rf"(?i:{_TEN}(?:\s+(?:{'|'.join(w for w in _LAST_UNITS if w != 'mốt')}))?"
    rf"|(?:{'|'.join(w for w in UNITS if w not in ('một', 'tư'))})\s+{_TENS}(?:\s+(?:{'|'.join(_LAST_UNITS)}))?"
    rf"|{'|'.join(UNITS)})")
_NUMBER = re.compile(PATTERN + r"(?!\w)")
# What may follow a number in words: no word (the name ends: "Nhóm Tư", "Cụm Một (gồm ...)", "Cụm
# Hai, năm học ..."), or a word that starts what is said of the name ("Cụm Hai năm học 2023-2024",
# "Cụm Một và Cụm Hai"). Not any other word: a number word starts many compounds and names, "Nhóm
# Tư vấn", "Tổ Một số môn", "Nhóm Ba lô", "Tổ Năm học", "Cụm Hai Bà Trưng", "Cụm Năm Căn", and
# words of a sentence, "họp cụm hai lần".
_AFTER_A_NAME = re.compile(r"(?!\s*[^\W\d_])|\s+(?:năm học|và|gồm|của|thuộc|do|có)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class NumberInWords:
    value: int
    end: int  # where its last word ends in the text


def read(text: str, at: int) -> NumberInWords | None:
    """The number in words at `at` in `text` (NFC), when the name ends with it (_AFTER_A_NAME):
    "Cụm Mười Một" at 4 -> 11; "Nhóm Tư vấn", "Cụm Mười Năm" -> None."""
    match = _NUMBER.match(text, at)
    if match is None or not _AFTER_A_NAME.match(text, match.end()):
        return None
    words = match.group().lower().split()
    if words[0] == _TEN:
        value = 10 + (_LAST_UNITS[words[1]] if len(words) > 1 else 0)
    elif len(words) > 1:
        value = 10 * UNITS[words[0]] + (_LAST_UNITS[words[2]] if len(words) > 2 else 0)
    else:
        value = UNITS[words[0]]
    return NumberInWords(value, match.end())
