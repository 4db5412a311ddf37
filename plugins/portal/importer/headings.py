"""What a heading row inside a list names: "CỤM 01", "NHÓM TOÁN", "I. CÁN BỘ QUẢN LÝ".

`read_heading` gives the kinds of body the words point to, a number ("Cụm Một" -> 1),
a subject when the heading is one ("Nhóm Toán", "Môn Ngữ văn", "TOÁN"), and the key to
match a body's name with (see keys.body_key). Whether a body of the office has that
name is decided later (placement.py), against the year's data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .keys import body_key

# Numbering before a heading: "I.", "II -", "1.", "A)", "Phần II:".
_NUMBERING = re.compile(r"^(?:phan\s+)?(?:[ivxlc]+|\d{1,2}|[a-z])\s*[.):\-]\s+", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![a-z0-9])(\d{1,3})(?![0-9])")
# The first words of a heading and the kinds of body they name, longest first.
_KIND_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("nhom lien truong", ("nhom-lien-truong",)),
    ("lien truong", ("nhom-lien-truong",)),
    ("cum chuyen mon", ("cum-chuyen-mon",)),
    ("cum truong", ("cum-chuyen-mon",)),
    ("cum", ("cum-chuyen-mon",)),
    ("nhom bo mon", ("nhom-bo-mon",)),
    ("nhom mon", ("nhom-bo-mon",)),  # "Nhóm môn Ngữ văn"
    ("nhom", ("nhom-bo-mon", "nhom-lien-truong")),
    ("bo mon", ("nhom-bo-mon",)),
    ("mon", ("nhom-bo-mon",)),
    ("to mang luoi", ("to-mang-luoi",)),
    ("mang luoi", ("to-mang-luoi",)),
    ("to cot can", ("to-cot-can",)),
    ("to giao vien", ("to-cot-can",)),
    ("to can bo", ("to-cot-can",)),
    ("to", ("to-cot-can", "to-mang-luoi")),
    ("hoi dong", ("hoi-dong",)),
    ("can bo quan li", ("to-cot-can",)),
    ("giao vien", ("to-cot-can",)),
]


# Words so short that a name can start with them ("Tô", "Tổ"; "Nhóm" alone): they head a
# body only when a number or a subject follows.
_SHORT_WORDS = frozenset({"to", "nhom"})


@dataclass(frozen=True)
class HeadingLabel:
    text: str  # as printed, numbering dropped: "CÁN BỘ QUẢN LÝ"
    key: str  # body_key of the text
    kinds: tuple[str, ...]  # kinds of body it may name; () when only a subject or a name says
    number: int | None  # "CỤM 02" -> 2
    subject: str | None  # a subject id, when the heading is a subject group's


def read_heading(text: str, subject_of: Callable[[str], str | None]) -> HeadingLabel | None:
    """The body a heading names, or None when the text does not read as a heading:
    it must start with a body's word, be a subject's name, or carry a numbering."""
    numbered = _NUMBERING.match(text)
    rest = text[numbered.end():].strip() if numbered else text.strip()
    key = body_key(rest)
    if not key:
        return None
    kinds: tuple[str, ...] = ()
    after = key
    short = False
    for words, found in _KIND_WORDS:
        if key == words or key.startswith(words + " "):
            kinds, after, short = found, key[len(words):].strip(), words in _SHORT_WORDS
            break
    subject = subject_of(rest)
    if subject is None and kinds and after and not after[0].isdigit():
        subject = subject_of(after)
    if short and subject is None and after and not after[0].isdigit():
        kinds = ()  # "Tô Thị Thịnh" is a name, not a "Tổ"
    if subject is not None and (not kinds or "nhom-bo-mon" in kinds):
        kinds = ("nhom-bo-mon",)
    if not kinds and subject is None and not numbered:
        return None
    number_match = _NUMBER.search(after) if kinds else None
    number = int(number_match.group(1)) if number_match and subject is None else None
    return HeadingLabel(rest, key, kinds, number, subject)
