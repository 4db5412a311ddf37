"""Find an office's schools, people and subjects from the text of a roster.

Every lookup is a dictionary lookup on a key (keys.py): the exact name first, then the
name without marks, then (schools) the longest known name the text starts with.
Fuzzy matching (difflib) runs only to suggest candidates for a row that found nothing,
and only among a few: the people one slip away (a deletion index), the schools that
share a word of the name. So 10,000 unknown names cost seconds, not minutes.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import wording
from ..errors import unknown_office
from ..model import Person, Portal
from ..text import normalize, slugify
from ..vocab import PHONG_GDDT, SO_GDDT
from .errors import RosterError
from .keys import (
    LEVEL_CODES,
    fold,
    name_key,
    number_value,
    numeral_ending,
    school_key,
    starts_with_a_number,
    subject_key,
    typed_as_a_numeral,
    typed_word,
    without_level,
)
from .places import school_places, written_after

# How many candidates fuzzy matching ranks at most, and how many it suggests.
_BLOCK = 200
_SUGGEST = 3
# How alike two names must be for one to be suggested for the other (a slip or two).
_CLOSE_NAME = 0.8


@dataclass(frozen=True)
class Candidate:
    id: str
    label: str


@dataclass
class Found:
    """What a lookup found: an id, or a problem and the closest candidates."""

    id: str | None = None
    problem: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    remark: str | None = None


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _deletions(key: str) -> set[str]:
    """The key and the key with each one letter left out: two keys share one when they
    are one slip apart (a letter changed, added or dropped)."""
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


_SUBJECT_WORDS = 5  # the most words of a subject's name or alias ("Hoạt động trải nghiệm, hướng nghiệp")


def _first_part(subject: str) -> str:
    return re.split(r"[-/,(]", subject)[0].strip()


# Words after which a body's name gives a subject ("Nhóm Văn", "Tổ Văn", "Hội đồng bộ môn Văn",
# "HĐBM Văn"), folded.
_BEFORE_A_SUBJECT = frozenset({"mon", "nhom", "to", "bm", "hdbm"})
_REMARK = re.compile(r"\s*\([^()]*\)$")  # "toan (lop 6-9)": what a subject's column says of the subject


def _plain(key: str) -> str:
    """A key's words, its signs dropped: "hoat dong trai nghiem huong nghiep", "hdtn hn"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", key).split())


def _boundary_prefixes(key: str) -> list[str]:
    """The key and each of its beginnings that ends before a space or a dash, longest
    first: a known name followed by more text ("thcs nam thanh-tang cuong ...")."""
    cuts = [i for i, char in enumerate(key) if not char.isalnum()]
    return [key] + [key[:i] for i in reversed(cuts) if key[:i].strip()]


# "Phòng GDĐT huyện Tuần Giáo" as its words, folded: "Phòng", the office's subject (in
# full or cut short; not "Giáo dục Trung học", a Sở's own Phòng), then the place, with or
# without "huyện", "thành phố", "thị xã", "quận".
_PHONG = re.compile(r"^phong (?:giao duc (?:va )?dao tao|gd (?:va )?dt|gddt)\b ?(.*)$")
_PLACE_KIND = re.compile(r"^(?:huyen|thanh pho|thi xa|quan|tp|tx) ")


def phong_place(text: str) -> str | None:
    """The place a "Phòng GDĐT …" text names ("tuan giao"), "" for a bare "Phòng GDĐT",
    None for a text that is not a Phòng GDĐT's name."""
    words = fold(re.sub(r"\([^()]*\)", " ", text)).replace("gd&dt", "gddt")  # "(dữ liệu mẫu)" dropped
    match = _PHONG.match(" ".join(re.sub(r"[^a-z0-9]+", " ", words).split()))
    if match is None:
        return None
    return _PLACE_KIND.sub("", match.group(1) + " ").strip()


def _goes_on_with_a_number(key: str, beginning: str) -> bool:
    """Whether a key goes on after its beginning with a number, in digits or in words: the
    "2" of "thcs thi tran 2", the "hai", "so 2", "ii" of "thcs thi tran hai"; not "huyen cu chi"."""
    rest = key[len(beginning):]
    return rest[:1] == " " and starts_with_a_number(rest.split())


def _number_after(key: str, beginning: str) -> int | None:
    """The number a key goes on with after its beginning, read strictly (keys.number_value):
    2 for "thcs nguyen du 2", "thcs kim dong so 2", "... ii"; None for "thcs thi tran nam can"."""
    rest = key[len(beginning):]
    return number_value(re.findall(r"[a-z0-9]+", rest)) if rest[:1] == " " else None


def _typed_numeral_after(text: str, key: str, beginning: str) -> int | None:
    """The number a Roman numeral typed in capitals ends a school's name with after its beginning, where
    the reading without "số" leaves it out (keys.numeral_ending): 11 for "XI" of "THCS Tân Tiến XI" (its
    key "thcs tan tien xi"); None for "THCS Tân Tiến Xi", "THCS TÂN TIẾN XI"."""
    ending = numeral_ending(key[len(beginning):])
    return ending[1] if ending is not None and typed_as_a_numeral(text, ending[0]) else None


def _number_ending(text: str, key: str, beginning: str) -> int | None:
    """The number a school's name goes on with after a beginning: read strictly (_number_after), or a
    Roman numeral typed in capitals (_typed_numeral_after)."""
    number = _number_after(key, beginning)
    return number if number is not None else _typed_numeral_after(text, key, beginning)


def _not_found(text: str) -> str:
    return f"không tìm thấy trường '{text}'"


def written_otherwise(name: str, person: Person) -> str | None:
    """What is said of a name read as a known person's but written with other marks or case."""
    if normalize(person.name) == normalize(name):
        return None
    return f"'{name}' được hiểu là {person.name} ({person.id}), khác dấu hoặc chữ hoa"


class Matcher:
    """The office's schools, people and subjects, indexed for the rows of a roster."""

    def __init__(self, portal: Portal, office: str) -> None:
        if office not in portal.offices:
            raise RosterError(unknown_office(office, portal.offices))
        self.portal = portal
        self.office = portal.offices[office]
        # A successor also lists the schools and people of the offices it carries on.
        self.schools = portal.schools_managed_by(office)
        self.school_exact: dict[str, set[str]] = defaultdict(set)
        self.school_bare: dict[str, set[str]] = defaultdict(set)  # without the level
        self.school_words: dict[str, set[str]] = defaultdict(set)
        self.school_keys: dict[str, list[tuple[str, str]]] = defaultdict(list)  # (key, the name as typed)
        # The schools by the beginnings of their names that go on with a number ("thcs thi
        # tran" -> THCS Thị Trấn 2), with and without the level: a text read by such a
        # beginning and going on with another number ("Hai", "3") may mean either.
        self.school_longer: dict[str, set[str]] = defaultdict(set)
        for s in self.schools:
            for text in (s.name, *s.aliases, *(f.name for f in s.former_names)):
                key = school_key(text)
                self.school_exact[key].add(s.id)
                self.school_bare[without_level(key)].add(s.id)
                for indexed in {key, without_level(key)}:
                    for beginning in _boundary_prefixes(indexed)[1:]:
                        if (_goes_on_with_a_number(indexed, beginning)
                                or _typed_numeral_after(text, indexed, beginning) is not None):
                            self.school_longer[beginning].add(s.id)
                self.school_keys[s.id].append((key, text))
                for word in re.split(r"[\s-]+", without_level(key)):
                    if len(word) >= 2 and word not in LEVEL_CODES:
                        self.school_words[word].add(s.id)
        files = {office, *portal.predecessors(office)}
        self.people = [p for p in portal.people.values() if Path(p.source.file).stem in files]
        self.people_exact: dict[str, list[str]] = defaultdict(list)
        self.people_by_name: dict[str, list[str]] = defaultdict(list)  # folded
        self.folded_names = {p.id: fold(p.name) for p in self.people}
        self._slip_index: dict[str, list[str]] | None = None
        for p in self.people:
            self.people_exact[name_key(normalize(p.name))].append(p.id)
            self.people_by_name[self.folded_names[p.id]].append(p.id)
        self.units_of_person: dict[str, set[str]] = defaultdict(set)
        for body in portal.bodies.values():
            for m in body.members:
                if m.person and m.unit:
                    self.units_of_person[m.person].add(m.unit)
        self.subject_keys = {subject_key(text): s.id for s in portal.subjects.values()
                             for text in (s.name, *s.aliases)}
        # "HĐTN" for "HĐTN-HN": the first part of a name, where only one subject has it.
        firsts: dict[str, set[str]] = defaultdict(set)
        for key, subject in self.subject_keys.items():
            firsts[_first_part(key)].add(subject)
        self.subject_firsts = {key: ids.pop() for key, ids in firsts.items() if len(ids) == 1}
        # The subjects by the words of a name, an alias or a first part, as the name of a
        # council writes them, signs dropped ("Hội đồng bộ môn Hoạt động trải nghiệm, hướng nghiệp").
        self.subject_words = ({_plain(key): subject for key, subject in self.subject_firsts.items()}
                              | {_plain(key): subject for key, subject in self.subject_keys.items()})
        # An alias of one ordinary word ("Văn"), which a name may hold in another sense
        # (subjects_in); not an abbreviation in capitals ("GDCD"), which has none.
        self.subject_short = {_plain(subject_key(alias)) for s in portal.subjects.values() for alias in s.aliases
                              if len(alias.split()) == 1 and not alias.isupper()}
        self.prefix = self._id_prefix()
        self.taken = set(portal.people)
        self.proposed: dict[tuple[str, str | None], str] = {}

    def _id_prefix(self) -> str:
        """How the office's ids start ('dbp-'): from its people, else its schools."""
        counts: Counter[str] = Counter()
        for records in (self.people, self.schools):
            for record in records:
                slug = slugify(record.name)
                if slug and record.id.endswith(slug):
                    counts[record.id[: len(record.id) - len(slug)]] += 1
            if counts:
                break
        if not counts:
            return self.office.id + "-"
        top = max(counts.values())
        return min(prefix for prefix, n in counts.items() if n == top)

    # Schools and the office

    def office_unit(self, text: str) -> Found | None:
        """The office a unit's text names: an office of the data by its name or short name
        (an ended Phòng's staff in its successor's year keep their Phòng); in a Sở's list, a
        "Phòng GDĐT …" is the Phòng of the data by its place (_phong); else any "Phòng GD…"
        is the importing office ("Phòng GDTrH", a Sở's own), and any "Sở GD…" the importing
        Sở, or the Sở above an importing Phòng (its `parent`); None for a text that names no office."""
        key = fold(text)
        named = [o.id for o in self.portal.offices.values()
                 if key in {fold(o.name), fold(o.short_name), *(fold(f.name) for f in o.former_names)}]
        if len(named) == 1:
            return Found(named[0])
        if self.office.kind == SO_GDDT and (place := phong_place(text)) is not None:
            return self._phong(text, place)
        if key.startswith(("phong gd", "phong giao duc")) or self.office.id in named:
            return Found(self.office.id)
        if key.startswith(("so gd", "so giao duc")):
            return self._department(text)
        return None

    def _phong(self, text: str, place: str) -> Found:
        """A "Phòng GDĐT …" in a Sở's list: the Phòng of the data at that place, those under
        the importing Sở first (a "huyện Châu Thành" is in several provinces); never the Sở
        itself, which would record another office's staff as its own."""
        offices = sorted((o for o in self.portal.offices.values() if o.kind == PHONG_GDDT), key=lambda o: o.id)
        own = [o for o in offices if self.department_of(o.id) == self.office.id]
        known = [Candidate(o.id, o.short_name) for o in own or offices]
        if not place:
            return Found(problem=f"'{text}' là Phòng nào? Danh sách của {self.office.short_name} ghi tên Phòng "
                                 "(như 'Phòng GDĐT huyện Tuần Giáo')", candidates=known)
        at_place = [o for o in offices if place in {phong_place(name) for name in
                                                    (o.name, o.short_name, *(f.name for f in o.former_names))}]
        found = [o for o in at_place if o in own] or at_place
        if len(found) == 1:
            return Found(found[0].id)
        if found:
            return Found(problem=f"'{text}' khớp với nhiều Phòng",
                         candidates=[Candidate(o.id, o.short_name) for o in found])
        return Found(problem=f"'{text}' không phải Phòng nào trong data/offices.yml; thêm Phòng đó vào "
                             "data/offices.yml, hoặc ghi tên Phòng như ở đó", candidates=known)

    def department_of(self, office: str) -> str | None:
        """The Sở above an office: its `parent`, or the one Sở under the nearest governing
        body above it; None where its parents lead to none."""
        offices = self.portal.offices
        above, seen = offices.get(offices[office].parent or ""), set()
        while above is not None and above.id not in seen:
            seen.add(above.id)
            if above.kind == SO_GDDT:
                return above.id
            under = [o.id for o in offices.values() if o.kind == SO_GDDT and o.parent == above.id]
            if len(under) == 1:
                return under[0]
            above = offices.get(above.parent or "")
        return None

    def _department(self, text: str) -> Found:
        """"Sở GDĐT" in a list: the importing office if it is a Sở, else the Sở above it: its
        `parent`, or the one Sở under the nearest governing body above it (a Phòng's parent is
        its district People's Committee, whose parent the province's, the Sở's parent)."""
        if self.office.kind == SO_GDDT:
            return Found(self.office.id)
        if (department := self.department_of(self.office.id)) is not None:
            return Found(department)
        departments = [Candidate(o.id, o.short_name) for o in sorted(self.portal.offices.values(), key=lambda o: o.id)
                       if o.kind == SO_GDDT]
        return Found(problem=f"'{text}' là Sở nào? Các đơn vị cấp trên (parent) của {self.office.short_name} trong "
                             "data/offices.yml không dẫn tới một Sở; ghi parent, hoặc ghi tên đầy đủ của Sở vào ô này",
                     candidates=departments)

    def school(self, text: str) -> Found:
        """The school a unit's text names: the whole name; else the longest known name
        it starts with, unless the text goes on with a number: one no school of the data has
        after that name is another school ("THCS Nguyễn Du 2" is not THCS Nguyễn Du: not
        found), one where another known name goes on with a number may mean either ("THCS
        Thị Trấn Hai" beside THCS Thị Trấn 2: several schools, an error); else, when it gives
        no level, the same without the level. A place written after the name is checked
        against the school's (_placed)."""
        key = school_key(text)
        if not key:
            return Found(problem="thiếu đơn vị công tác")
        prefixes = _boundary_prefixes(key)
        steps: list[dict[str, set[str]]] = [self.school_exact]
        if key.split(" ")[0] not in LEVEL_CODES:
            steps.append(self.school_bare)
        for index in steps:
            for prefix in prefixes:
                beginning = prefix.strip(" -")
                matches = index.get(beginning)
                if not matches:
                    continue
                ending = numeral_ending(key[len(prefix):]) if prefix != key else None
                unsure = None  # a Roman numeral at the end that neither the data nor its case tells a number
                if prefix != key and _goes_on_with_a_number(key, prefix):
                    longer = self.school_longer.get(beginning, set())
                    number = _number_after(key, prefix)
                    if number is not None and not any(number in self._numbers(s, beginning) for s in longer):
                        return self._no_school(text, key)  # "THCS Nguyễn Du 2", "THCS Kim Đồng số 2"
                    # "THCS Thị Trấn Hai": THCS Thị Trấn, or THCS Thị Trấn 2 written otherwise
                    matches = matches | longer
                elif ending is not None:
                    # "THCS Tân Tiến XI": a number where the data has a school of it after that beginning
                    # (either may then be meant, as of "số XI"), or where it is typed in capitals.
                    longer = self.school_longer.get(beginning, set())
                    if any(ending[1] in self._numbers(s, beginning) for s in longer):
                        matches = matches | longer
                    elif typed_as_a_numeral(text, ending[0]):
                        return self._no_school(text, key)
                    else:
                        unsure = ending
                if len(matches) == 1:
                    school = next(iter(matches))
                    if prefix == key:
                        return Found(school)
                    placed = self._placed(text, school, beginning)
                    return self._numeral_unread(text, placed, *unsure) if unsure is not None else placed
                found = [Candidate(s, self.portal.schools[s].name) for s in sorted(matches)]
                return Found(problem=f"'{text}' khớp với nhiều trường", candidates=found)
        return self._no_school(text, key)

    def _no_school(self, text: str, key: str) -> Found:
        return Found(problem=_not_found(text), candidates=self.close_schools(key))

    def _numbers(self, school: str, beginning: str) -> set[int | None]:
        """The numbers a school's names go on with after a beginning ({2} for THCS Thị Trấn 2, {11} for
        THCS Tân Tiến XI: _typed_numeral_after)."""
        return {_number_ending(text, k, beginning)
                for key, text in self.school_keys[school]
                for k in {key, without_level(key)} if k.startswith(beginning)}

    def _numeral_unread(self, text: str, found: Found, word: str, number: int) -> Found:
        """A school read by the beginning of a text that ends with a Roman numeral the case cannot tell
        from a syllable ("THCS TÂN TIẾN XI", "THCS Tân Tiến Xi") and no school of the data has: read as
        that school, with a remark saying the numeral was not read."""
        if found.id is None:
            return found
        record = self.portal.schools[found.id]
        remark = (f"'{text}' được hiểu là {record.name} ({found.id}): '{typed_word(text, word)}' ở cuối tên không "
                  f"được đọc là số La Mã {number}; nếu đó là số của một trường khác, thêm trường đó vào "
                  f"data/schools/{record.office}.yml rồi nhập lại")
        return replace(found, remark="; ".join(filter(None, (found.remark, remark))))

    def _placed(self, text: str, school: str, beginning: str) -> Found:
        """A school read by the beginning of a text, the places written after its name
        checked against what the data says of its place (places.py): one that names another
        place at the level of the school's office ("huyện Mường Tè" for a school of Phòng
        GDĐT huyện Củ Chi) is another school, an error naming both; one at a level the data
        gives no place for is said in a warning; one the data gives, or none, is silent."""
        record = self.portal.schools[school]
        known = school_places(self.portal, record)
        unknown = []
        for place in written_after(text, beginning):
            if known.agrees(place):
                continue
            if offices := known.at_levels(place):
                theirs = ", ".join(f"{where} ({office})" for _, where, office in offices)
                return Found(problem=f"{_not_found(text)}: {place.shown} không phải nơi của {record.name} ({school}) "
                                     f"trong dữ liệu, trường này thuộc {theirs}; nếu là một trường khác, thêm trường "
                                     f"đó vào data/schools/{record.office}.yml; nếu đúng là trường này, sửa hoặc bỏ "
                                     "địa danh sau tên trường", candidates=[Candidate(school, record.name)])
            unknown.append(place.shown)
        if not unknown:
            return Found(school)
        return Found(school, remark=f"'{text}' được hiểu là {record.name} ({school}), nhưng dữ liệu không ghi trường "
                                    f"này thuộc {', '.join(unknown)}: kiểm tra đúng là trường này, không phải một "
                                    "trường cùng tên ở nơi khác")

    def close_schools(self, key: str) -> list[Candidate]:
        """The schools nearest a key, among those sharing a word of its name."""
        pool: set[str] = set()
        for word in re.split(r"[\s-]+", without_level(key)):
            pool |= self.school_words.get(word, set())
        if len(pool) < _SUGGEST and len(self.schools) <= _BLOCK:
            pool = {s.id for s in self.schools}  # a small office: rank them all
        scores = {s: max(max(_ratio(key, k), _ratio(key[: len(k)], k)) for k, _ in self.school_keys[s])
                  for s in self._nearest_by_length(pool, key, lambda s: self.school_keys[s][0][0])}
        best = sorted(scores, key=lambda s: (-scores[s], s))[:_SUGGEST]
        return [Candidate(s, self.portal.schools[s].name) for s in best]

    @staticmethod
    def _nearest_by_length(pool: Iterable[str], key: str, text_of: Callable[[str], str]) -> list[str]:
        """At most _BLOCK ids of the pool, those whose text is nearest the key's length."""
        ids = sorted(pool)
        if len(ids) <= _BLOCK:
            return ids
        return sorted(ids, key=lambda i: (abs(len(text_of(i)) - len(key)), i))[:_BLOCK]

    # People

    def close_people(self, name: str) -> list[Candidate]:
        """The people whose name is a slip or two away from a name: those sharing one of
        its one-letter deletions (a deletion index: an unknown name costs a few
        dictionary lookups, not a comparison with every person), ranked by difflib."""
        key = fold(name)
        pool: set[str] = set()
        for variant in _deletions(key):
            pool.update(self._slips().get(variant, ()))
        scores = {i: _ratio(key, self.folded_names[i]) for i in pool}
        best = sorted((i for i in scores if scores[i] >= _CLOSE_NAME), key=lambda i: (-scores[i], i))
        return [Candidate(i, self.portal.people[i].name) for i in best[:_SUGGEST]]

    def _slips(self) -> dict[str, list[str]]:
        """Each one-letter deletion of each person's folded name -> their ids (built on
        first use: most imports find every name)."""
        if self._slip_index is None:
            self._slip_index = defaultdict(list)
            for person_id, folded in self.folded_names.items():
                for variant in _deletions(folded):
                    self._slip_index[variant].append(person_id)
        return self._slip_index

    def person(self, name: str, unit: str | None) -> Found:
        """The person a name at a unit is: by the exact name, else without marks;
        namesakes told apart by the units they were listed at, or their note."""
        ids = self.people_exact.get(name_key(normalize(name))) or self.people_by_name.get(fold(name), [])
        if len(ids) == 1:
            person = self.portal.people[ids[0]]
            known = self.units_of_person.get(ids[0], set())
            remark = None
            if unit and known and unit not in known:
                where = ", ".join(sorted(self.unit_name(u) for u in known))
                remark = (f"'{name}' trùng tên với {ids[0]} (trước đây ở {where}): "
                          "kiểm tra có đúng là một người không")
            else:
                remark = written_otherwise(name, person)
            return Found(ids[0], remark=remark)
        if len(ids) > 1:
            at_unit = [i for i in ids if unit and unit in self.units_of_person.get(i, set())]
            if len(at_unit) != 1 and unit:
                unit_key = school_key(self.unit_name(unit))
                at_unit = [i for i in ids
                           if unit_key and unit_key in school_key(self.portal.people[i].note or "")]
            if len(at_unit) == 1:
                return Found(at_unit[0])
            found = [Candidate(i, ", ".join(filter(None, (self.portal.people[i].name, self.portal.people[i].note))))
                     for i in sorted(ids)]
            return Found(problem=f"có {len(ids)} người tên '{name}', không phân biệt được theo đơn vị công tác",
                         candidates=found)
        return Found(candidates=self.close_people(name))

    def propose_id(self, name: str, unit: str | None) -> str:
        """A new person's id: the office's prefix and the name's slug; a namesake gets
        the school's name after it, then a number. The name must hold Latin letters
        (rows.name_problem), so the slug is never empty."""
        key = (fold(name), unit)
        if key in self.proposed:
            return self.proposed[key]
        slug = slugify(name)
        assert slug, f"no letters in {name!r}"
        base = self.prefix + slug
        candidate = base
        if candidate in self.taken and unit in self.portal.schools:
            school = slugify(without_level(school_key(self.portal.schools[unit].name)))
            candidate = f"{base}-{school}" if school else candidate
        number = 2
        while candidate in self.taken:
            candidate = f"{base}-{number}"
            number += 1
        self.taken.add(candidate)
        self.proposed[key] = candidate
        return candidate

    def unit_name(self, unit: str) -> str:
        return wording.unit_name(self.portal, unit)

    # Subjects

    def subject(self, text: str) -> str | None:
        """The subject a text names: a subject's name or alias, or its first part
        ("Ngữ văn-GDĐP" -> Ngữ văn, "HĐTN" -> HĐTN-HN)."""
        key = subject_key(text)
        if key in self.subject_keys:
            return self.subject_keys[key]
        first = _first_part(key)
        return self.subject_keys.get(first) or self.subject_firsts.get(first)

    def subject_named(self, text: str) -> str | None:
        """The subject a whole text names, a remark in parentheses at its end aside ("Toán
        (lớp 6-9)"): a subject's name or alias, or the first part of only one subject's name
        ("HĐTN"); None for a text that says more than one subject ("Toán - Tin", which
        `subject` reads as Toán by its first part)."""
        key = _REMARK.sub("", subject_key(text))
        if _first_part(key) != key:
            return self.subject_keys.get(key)
        return self.subject_keys.get(key) or self.subject_firsts.get(key)

    def subject_of_words(self, text: str) -> str | None:
        """The subject a council's words name whole, signs aside (`subject_words`): "ngu
        van", "hdtn", "hoat dong trai nghiem huong nghiep"; None for any other words."""
        return self.subject_words.get(_plain(subject_key(text)))

    def subjects_in(self, text: str) -> frozenset[str]:
        """The subjects a body's name names among its words (`subject_words`): "Hội đồng bộ
        môn Toán" -> Toán, "Hội đồng bộ môn HĐTN" -> Hoạt động trải nghiệm, hướng nghiệp.
        The longest run first, none within it ("Anh văn" is Tiếng Anh, not also "Văn"); an
        alias of one ordinary word (`subject_short`) only after a word that says a subject
        follows ("Nhóm Văn", "Hội đồng bộ môn Văn"; not "THCS Nguyễn Văn Trỗi", "Văn hóa")."""
        words = _plain(subject_key(text)).split()
        found: set[str] = set()
        start = 0
        while start < len(words):
            runs = (" ".join(words[start:start + size]) for size in range(_SUBJECT_WORDS, 0, -1))
            run = next((run for run in runs if run in self.subject_words and (
                run not in self.subject_short or start > 0 and words[start - 1] in _BEFORE_A_SUBJECT)), None)
            if run is not None:
                found.add(self.subject_words[run])
            start += len(run.split()) if run is not None else 1
        return frozenset(found)

    def close_subjects(self, text: str) -> list[Candidate]:
        key = subject_key(text)
        scores: dict[str, float] = {}
        for k, s in self.subject_keys.items():
            scores[s] = max(scores.get(s, 0.0), _ratio(key, k))
        best = sorted(scores, key=lambda s: (-scores[s], s))[:_SUGGEST]
        return [Candidate(s, self.portal.subjects[s].name) for s in best]
