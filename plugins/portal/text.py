"""Vietnamese text: tone-mark placement, folding for search and matching, slugs, sorting."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import icu  # PyICU: the Vietnamese collation of the Unicode CLDR

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng (NFD combining marks)
# Old-style placement puts the tone on the last vowel of an open "oa", "oe", "uy" syllable
# (Hoà, khoẻ, Thuỷ); the new style puts it on the first (Hòa, khỏe, Thủy). Both are in
# use, so names are brought to one form before they are compared or sorted.
_OLD_STYLE_OA_OE = re.compile(rf"([oO])([aAeE])([{_TONES}])(?![^\W\d_])")
_OLD_STYLE_UY = re.compile(rf"(?<![qQ])([uU])([yY])([{_TONES}])(?![^\W\d_])")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_DASH = re.compile(f"[{''.join(map(chr, _DASHES))}]")  # any character _DASHES replaces
# The precomposed Latin letters (Latin-1 Supplement, Latin Extended-A and -B, Latin Extended
# Additional): no other character decomposes to a, e or y and a tone (tests/test_check_scale.py).
_LATIN_LETTERS = (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))


def _toned(letters: str) -> tuple[str, str]:
    """The characters whose NFD is one of `letters` and a tone mark at once: with no more marks
    (à, ỳ), and with more after the tone (ặ, ậ: a dot below before the breve or circumflex)."""
    alone = more = ""
    for c in map(chr, _LATIN_LETTERS):
        d = unicodedata.normalize("NFD", c)
        if len(d) > 1 and d[0] in letters and d[1] in _TONES:
            alone, more = (alone + c, more) if len(d) == 2 else (alone, more + c)
    return alone, more


def _before_toned(first: str, letters: str) -> str:
    """Where an NFC text may hold `first` right before one of `letters` and a tone mark in NFD:
    before such a letter toned alone and not followed by an ASCII letter (in NFD that letter
    would follow the tone mark: a closed syllable, "Hoàng"), or with more marks after the tone."""
    alone, more = _toned(letters)
    return f"[{first}](?:[{alone}](?![a-zA-Z])" + (f"|[{more}])" if more else ")")


# Where an NFC text may hold an old-style tone (where _OLD_STYLE_OA_OE or _OLD_STYLE_UY match its
# NFD): more texts than those, never fewer.
_MAY_BE_OLD_STYLE = re.compile(f"{_before_toned('oO', 'aAeE')}|{_before_toned('uU', 'yY')}")


def normalize(text: str) -> str:
    """NFC, tones placed the new way, dashes and spaces made plain."""
    # Each step only where it changes something: a search costs a fifth of a substitution
    # (the checker normalises every name of a province's 200,000 people, twice). A text
    # already NFC with no old-style tone is what NFD and back would give: taken as it is.
    if not unicodedata.is_normalized("NFC", text) or _MAY_BE_OLD_STYLE.search(text):
        decomposed = unicodedata.normalize("NFD", text)
        if _OLD_STYLE_OA_OE.search(decomposed):
            decomposed = _OLD_STYLE_OA_OE.sub(r"\1\3\2", decomposed)
        if _OLD_STYLE_UY.search(decomposed):
            decomposed = _OLD_STYLE_UY.sub(r"\1\3\2", decomposed)
        text = unicodedata.normalize("NFC", decomposed)
    if _DASH.search(text):
        text = text.translate(_DASHES)
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower case without any mark, đ as d: how teachers type on a phone ("ha thi lien")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_DASHES).lower().split())


def slugify(text: str) -> str:
    """ASCII id or URL part: 'Đặng Vân Thùy' -> 'dang-van-thuy'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@cache
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi"))


@lru_cache(maxsize=1 << 16)  # the same names are sorted on many pages of a build
def collation_key(text: str) -> bytes:
    """Sort key in the Vietnamese alphabet (a ă â b c d đ e ê ...), tones after letters."""
    return bytes(_collator().getSortKey(normalize(text)))


def name_sort_text(full_name: str) -> str:
    """'Nguyễn Thị Thu Hương' -> 'Hương Thị Thu Nguyễn': given name, middle names, family name.

    A compound family name cannot be told apart from a middle name, so a person may
    carry an explicit sort name instead (see Person.sort_name).
    """
    syllables = normalize(full_name).split(" ")
    if len(syllables) < 2:
        return " ".join(syllables)
    return " ".join([syllables[-1], *syllables[1:-1], syllables[0]])


def person_sort_key(name: str, sort_name: str | None = None, tie: str = "") -> tuple[bytes, bytes, str]:
    """How lists of people are ordered: by given name, then middle, then family name."""
    return (collation_key(sort_name or name_sort_text(name)), collation_key(name), tie)
