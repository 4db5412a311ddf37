"""Keys for matching text to the data: without marks, case, spelling variants.

Every key is a plain string, so that matching is a dictionary lookup; fuzzy matching
(see `matcher.py`) only ranks the few candidates these keys leave.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold as _fold

_LEVEL_WORDS = [
    (r"tieu hoc va trung hoc co so", "th-thcs"),
    (r"trung hoc co so va trung hoc pho thong", "thcs-thpt"),
    (r"th va thcs", "th-thcs"),
    (r"thcs va thpt", "thcs-thpt"),
    (r"trung hoc co so", "thcs"),
    (r"trung hoc pho thong", "thpt"),
    (r"tieu hoc", "th"),
    (r"mam non", "mn"),
    (r"mau giao", "mg"),
]
LEVEL_CODES = frozenset({"th", "thcs", "thpt", "th-thcs", "thcs-thpt", "mn", "mg", "gdtx", "ptdtbt", "ptdtnt"})

# Number words as headings and body names spell them ("Cụm Một", "CỤM HAI"), read as
# numbers only after a word that numbers a body ("Nam Thanh" stays a name).
_UNITS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8,
          "chin": 9}
_NUMBER_WORDS = re.compile(
    r"(?<![a-z0-9])(cum|nhom|to|so|khoi|ban|truong|mon) (?:(muoi)(?: (mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?|"
    r"(mot|hai|ba|bon|tu|nam|sau|bay|tam|chin))(?![a-z0-9])")
# "lí"/"lý", "mĩ"/"mỹ", "kĩ"/"kỹ": a final y after a consonant is an i ("quy", "tuy" keep theirs).
_FINAL_Y = re.compile(r"(?<![a-z])([bcdghklmnprstvx]+)y(?![a-z])")


# A name after folding: Latin letters, spaces and the few signs names carry.
_NAME = re.compile(r"[a-z][a-z .'()-]*")


def name_problem(name: str) -> str | None:
    """Why a text cannot be a person's name (None when it can): it must be written in
    the Vietnamese alphabet, with at least two letters ('王小明', '???' cannot)."""
    folded = fold(name)
    letters = sum(c.isalpha() for c in folded)
    if letters >= 2 and any(c.isdigit() for c in folded):
        return f"họ và tên '{name}' có chữ số"  # a phone number or a note glued on
    if not _NAME.fullmatch(folded) or letters < 2:
        return f"họ và tên '{name}' không đọc được thành chữ tiếng Việt"
    return None


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """portal.text.fold, remembered: a list repeats its schools, positions and roles."""
    return _fold(text)


def compact(text: str) -> str:
    """Letters and digits only: 'Chức vụ -Đơn vị công tác' -> 'chucvudonvicongtac'."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def spelling(text: str) -> str:
    """Folded, with i/y variants made one: 'Vật lý' and 'Vật lí' -> 'vat li'."""
    return _FINAL_Y.sub(r"\1i", fold(text))


def name_key(name: str) -> str:
    """A person's name for the first, exact lookup: marks kept, case and spaces not."""
    return " ".join(name.lower().split())


def school_key(text: str) -> str:
    """A school's name reduced for matching: no marks, no case, levels as codes, no
    'Trường', stray 'T' or 'xã': 'Trường TH&THCS xã Nà Tàu' -> 'th-thcs na tau'."""
    key = fold(text).replace("&", "-")
    key = re.sub(r"\s*-\s*", "-", key)
    for words, code in _LEVEL_WORDS:
        key = re.sub(rf"(?<!\w){words}(?!\w)", code, key)
    parts = key.split(" ")
    while len(parts) > 1 and parts[0] in ("truong", "t", "tr", "tr."):
        parts.pop(0)
    parts = [p for p in parts if p != "xa"] or parts
    return " ".join(parts)


def without_level(key: str) -> str:
    parts = key.split(" ")
    return " ".join(parts[1:]) if len(parts) > 1 and parts[0] in LEVEL_CODES else key


def word_prefixes(key: str) -> list[str]:
    """'thcs nam thanh tang cuong' -> the key cut after each word, longest first."""
    words = key.split(" ")
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


def _number(match: re.Match[str]) -> str:
    before, _, unit, alone = match.groups()
    value = _UNITS[alone] if alone else 10 + (_UNITS[unit] if unit else 0)
    return f"{before} {value}"


def body_key(text: str) -> str:
    """A body's name or a heading for matching: folded, i/y made one, number words as
    digits without leading zeros, punctuation as spaces: 'CỤM 01', 'Cụm Một', 'cụm 1'
    -> 'cum 1'."""
    key = re.sub(r"[^a-z0-9]+", " ", spelling(text))
    key = _NUMBER_WORDS.sub(_number, " ".join(key.split()))
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", key)


def subject_key(text: str) -> str:
    return re.sub(r"\s*-\s*", "-", spelling(text))
