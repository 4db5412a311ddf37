"""The place a roster writes after a school's name, and the places the data gives a school.

"THCS Kim Đồng, huyện Mường Tè", "THCS Thị Trấn - xã Tân Phú": since 2025 a province's Sở
lists hundreds of schools whose names repeat across communes, and the place is what tells
them apart. The data keeps no address for a school; what it says of a school's place is the
place of the office that manages it and of the offices above and after it (`place` in
data/offices.yml: a Phòng's district, a Sở's province), and the places its names hold
("THCS xã Nà Nhạn"). A place at the level of one of those offices that is none of them is
another school's; a place at another level (a commune, which the data never gives) cannot be
checked, and is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Portal, School
from .keys import fold, school_key, without_level

# The levels of a place, as the offices that hold it.
PROVINCE, DISTRICT, COMMUNE = "tỉnh", "huyện", "xã"
# The level of an office's `place` by the office's kind (the Bộ's is no school's place).
_OFFICE_LEVEL = {"so-gddt": PROVINCE, "ubnd-tinh": PROVINCE, "phong-gddt": DISTRICT, "ubnd-huyen": DISTRICT,
                 "ubnd-xa": COMMUNE}
# The words that say a place's kind, folded, and the levels each may be ("thành phố" is a
# province's, Hồ Chí Minh, or a district's, Thủ Dầu Một).
_KINDS = {"tinh": {PROVINCE}, "thanh pho": {PROVINCE, DISTRICT}, "tp": {PROVINCE, DISTRICT},
          "huyen": {DISTRICT}, "quan": {DISTRICT}, "thi xa": {DISTRICT}, "tx": {DISTRICT},
          "xa": {COMMUNE}, "phuong": {COMMUNE}, "thi tran": {COMMUNE}}
_KIND = "|".join(sorted(_KINDS, key=len, reverse=True))
# A place in a folded text: its kind, then its name up to a sign, a dash or the next kind
# ("huyen cu chi", "tp.hcm", "xa tan phu - ...").
_PLACE = re.compile(rf"(?<![a-z0-9])({_KIND})\b\.?\s*([a-z0-9][a-z0-9' ]*?)\s*(?=[,;()/]|\s-|-\s|\s(?:{_KIND})\b|$)")


@dataclass(frozen=True)
class Written:
    """A place written in a text: as written, its name folded, the levels its kind may be."""

    shown: str  # "huyện Mường Tè"
    name: str  # "muong te"
    levels: frozenset[str]


def places_in(text: str) -> list[tuple[int, Written]]:
    """The places a text names, each with where it starts in the folded text."""
    folded = fold(text)
    # NFC cells fold letter for letter, so the text shows the place as written
    shown = text if len(text) == len(folded) else folded
    return [(m.start(), Written(shown[m.start(1):m.end(2)], m.group(2), frozenset(_KINDS[m.group(1)])))
            for m in _PLACE.finditer(folded)]


def written_after(text: str, name_key: str) -> list[Written]:
    """The places a text names after the school's name it starts with (`name_key`, a
    school_key beginning): "THCS Kim Đồng, huyện Mường Tè" -> huyện Mường Tè; not the
    "Thị Trấn" of "THCS Thị Trấn", which is the name."""
    folded = fold(text)
    return [place for start, place in places_in(text)
            if school_key(folded[:start]).strip(" ,;(-").startswith(name_key)]


def _plain(name: str) -> str:
    """A place's name to compare: folded, without its kind ("Thành phố Hồ Chí Minh" -> "ho chi minh")."""
    words = " ".join(re.sub(r"[^a-z0-9']+", " ", fold(name)).split())
    return re.sub(rf"^(?:{_KIND}) ", "", words)


def same_place(written: str, known: str) -> bool:
    """Whether two names of places are one: alike folded, or one the other's initials ("hcm")."""
    a, b = _plain(written), _plain(known)
    return a == b or a.replace(" ", "") == "".join(word[0] for word in b.split())


@dataclass(frozen=True)
class SchoolPlaces:
    """What the data says of a school's place."""

    offices: tuple[tuple[str, str, str], ...]  # (level, place, the office's short name), up the offices
    named: frozenset[str]  # places its names hold, and its name without the level

    def agrees(self, place: Written) -> bool:
        """Whether the place written is one the school's names hold, or its offices' place at a level
        the written place may be ("huyện Điện Biên" is not the province Điện Biên: a district of it)."""
        return any(same_place(place.name, known) for known in self.named) or any(
            same_place(place.name, known) for _, known, _ in self.at_levels(place))

    def at_levels(self, place: Written) -> list[tuple[str, str, str]]:
        """The school's offices' places at a level the written place may be."""
        return [office for office in self.offices if office[0] in place.levels]


def school_places(portal: Portal, school: School) -> SchoolPlaces:
    """The places of the offices above a school (its office, its office's parent...; an
    ended office's successors too: Dầu Tiếng's schools are Bình Dương's, and since 2025 Thành
    phố Hồ Chí Minh's) and those its names, aliases and former names hold."""
    offices: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    queue = [school.office]
    while queue:
        office = portal.offices.get(queue.pop(0))
        if office is None or office.id in seen:
            continue
        seen.add(office.id)
        level = _OFFICE_LEVEL.get(office.kind)
        if office.place and level and not any(level == at and same_place(office.place, p) for at, p, _ in offices):
            offices.append((level, office.place, office.short_name))  # the Phòng's, not also its UBND's
        queue += [office.parent or "", *(successor.office for successor in office.successors)]
    names = (school.name, *school.aliases, *(f.name for f in school.former_names))
    named = {place.name for name in names for _, place in places_in(name)}
    named |= {without_level(school_key(name)) for name in names}
    return SchoolPlaces(tuple(offices), frozenset(named))
