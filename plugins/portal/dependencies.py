"""Which records each page draws on: the map an incremental preview re-renders from.

A page's keys are read off its context (contexts.py) by walking it: every id it holds,
whether as a record (a person, a body, a school...) or as a reference in one (a member's
`person`, a body's `office`), and, for every record of one office and year it holds (a
body, a diff, a year's changes), that office-year. Walking the context rather than
listing what each page kind reads keeps the map right for the page kind added next
month; a slug that merely looks like an id costs
a page re-rendered for nothing, never a page left stale.

One narrowing, declared where the field is (`field(metadata=SHOWN_BY_NAME)`): a field
whose records the templates show by name and link only (a seat's body, a body's parents,
the bodies a year or a document lists, a school year page's subject groups) gives those
records' own ids (and office-years), not the records they name (a body's decision, parent,
office) nor their lists (members, duties, amendments). Any change to such a record still
touches the page (its id); a person renamed on the list of a core team no longer touches
every subject group page below it, nor a decision's date every school year page of the
year (they list the subject groups it set up). What such a page shows of a record a
by-name one names, it holds in a field of its own (a body page's `decision`, a seat's
`term`), since templates look nothing up.

The keys of an edit (changes.py) are the same strings: the ids of the records added,
removed or changed, and the office-years whose derived data (diffs, changes within the
year, calendars) changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from .dates import SchoolYear
from .model import Body, OfficeYear, Source

Key = str
# An id as the schemas allow it (schema.ID_PATTERN, at most 80 characters).
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MAX_ID = 80
# A JSON string (a key or a value) that is an id: its opening quote is never escaped, and no
# escape can stand inside it, since an id has no quote and no backslash.
_JSON_ID = re.compile(rb'(?<!\\)"([a-z0-9]+(?:-[a-z0-9]+)*)"')

# The metadata of a dataclass field whose records (one, a tuple of them, or None) every
# template shows by name and link only (link_html.body_link): the map takes their own ids,
# not those of the records they name nor of their lists. Declare it only where no template,
# and nothing computed from the record into the same context, reads more of the record.
_BY_NAME = "portal.dependencies.shown_by_name"
SHOWN_BY_NAME: Mapping[str, bool] = {_BY_NAME: True}


def record_key(record_id: str) -> Key:
    return f"id:{record_id}"


def year_key(office: str, year: SchoolYear) -> Key:
    return f"office-year:{office}/{year.label}"


def json_keys(text: bytes) -> frozenset[Key]:
    """The keys of a JSON document (a school year's, exports.year_json): those KeyCollector.keys
    gives its values, found in its text in one search rather than by walking the values
    (about 0.04 s against 0.12 s for a province's year of 3 MB)."""
    return frozenset(record_key(found.decode()) for found in _JSON_ID.findall(text) if len(found) <= _MAX_ID)


_NO_KEYS: frozenset[Key] = frozenset()


def _no_keys(value: Any) -> frozenset[Key]:
    return _NO_KEYS


class KeyCollector:
    """The keys of contexts and records; a record met again (a body shown on a hundred
    pages) is walked once, and so is a text (an id named on a thousand rows)."""

    def __init__(self) -> None:
        # id(object) -> (the object, kept alive so that its id stays its own; its keys)
        self._memo: dict[int, tuple[object, frozenset[Key]]] = {}
        self._by_name_memo: dict[int, tuple[object, frozenset[Key]]] = {}  # the keys of a record shown by name
        self._texts: dict[str, frozenset[Key]] = {}
        self._shapes: dict[type, _Shape] = {}
        # How a value of each type is walked, decided at its first value (`_walker`).
        self._walkers: dict[type, Callable[[Any], frozenset[Key]]] = {}

    def keys(self, value: Any) -> frozenset[Key]:
        walk = self._walkers.get(type(value))
        if walk is None:
            walk = self._walkers[type(value)] = self._walker(type(value))
        return walk(value)

    def _walker(self, kind: type) -> Callable[[Any], frozenset[Key]]:
        if issubclass(kind, str):
            return self._text_keys
        if issubclass(kind, (Source, SchoolYear, int, float, bool, type(None))):
            return _no_keys  # where a record was written, and plain values, name no record
        if is_dataclass(kind):
            return self._record_keys
        if issubclass(kind, dict):
            return lambda mapping: self._union([*mapping.keys(), *mapping.values()])
        if issubclass(kind, (tuple, list, set, frozenset)):
            return self._union
        return _no_keys  # dates and other plain values

    def _text_keys(self, text: str) -> frozenset[Key]:
        found = self._texts.get(text)
        if found is None:
            is_id = len(text) <= _MAX_ID and _SLUG.fullmatch(text)
            found = self._texts[text] = frozenset((record_key(text),)) if is_id else _NO_KEYS
        return found

    def _record_keys(self, record: Any) -> frozenset[Key]:
        found = self._memo.get(id(record))
        if found is not None and found[0] is record:
            return found[1]
        shape = self._shape(record)
        out: set[Key] = set()
        for name, by_name in zip(shape.names, shape.by_name, strict=True):
            value = getattr(record, name)
            out |= self._shown_by_name(value) if by_name else self.keys(value)
        keys = frozenset(out)
        if shape.offices:
            keys |= _office_years(record, shape, [getattr(record, name) for name in shape.names])
        self._memo[id(record)] = (record, keys)
        return keys

    def _shape(self, record: Any) -> _Shape:
        found = self._shapes.get(type(record))
        if found is None:
            found = self._shapes[type(record)] = _Shape.of(type(record))
        return found

    def _shown_by_name(self, value: Any) -> frozenset[Key]:
        """The keys of a field marked SHOWN_BY_NAME: of each record, its own id (any change to
        it, its name included, changes the record) and its office-year; not the records it
        names (its decision, parent, office) nor its lists (members, amendments, duties)."""
        if isinstance(value, (tuple, list)):
            return self._union_by_name(value)
        own = getattr(value, "id", None)
        if not is_dataclass(value) or isinstance(value, type) or not isinstance(own, str):
            return self.keys(value)  # not a record with an id: walked whole
        found = self._by_name_memo.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        shape = self._shape(value)
        values = [getattr(value, name) for name in shape.names]
        keys = self.keys(own)
        if shape.offices:
            keys |= _office_years(value, shape, values)
        self._by_name_memo[id(value)] = (value, keys)
        return keys

    def _union_by_name(self, values: Iterable[Any]) -> frozenset[Key]:
        out: set[Key] = set()
        for value in values:
            out |= self._shown_by_name(value)
        return frozenset(out)

    def _union(self, values: Iterable[Any]) -> frozenset[Key]:
        out: set[Key] = set()
        for value in values:
            out |= self.keys(value)
        return frozenset(out)


@dataclass(frozen=True)
class _Shape:
    """What the walk needs of a kind of record, read once per type: its fields' names, which
    are shown by name, and which may hold its office."""

    names: tuple[str, ...]
    by_name: tuple[bool, ...]
    offices: tuple[str, ...]  # of _OFFICE_FIELDS, those it has

    @staticmethod
    def of(kind: type) -> _Shape:
        known = fields(kind)
        names = tuple(f.name for f in known)
        return _Shape(names, tuple(bool(f.metadata.get(_BY_NAME)) for f in known),
                      tuple(name for name in _OFFICE_FIELDS if name in names))


_OFFICE_FIELDS = ("office", "new_office")  # a record's own office, and a diff's new one


def _office_years(record: Any, shape: _Shape, values: list[Any]) -> frozenset[Key]:
    """For a record of the data of one office and year (a body, an office's year), that
    office-year; for a result derived from it (a diff between two years, a year's changes),
    a key of its own, so that a changed diff touches the pages showing it, not every page
    holding a body of its years."""
    offices = [office for name in shape.offices if isinstance(office := getattr(record, name), str)]
    years = [value for value in values if isinstance(value, SchoolYear)]
    if not offices or not years:
        return frozenset()
    if isinstance(record, (Body, OfficeYear)):
        return frozenset(year_key(office, year) for office in offices for year in years)
    return frozenset((derived_key(record, offices[0], years),))


def derived_key(result: Any, office: str, years: list[SchoolYear]) -> Key:
    return f"{type(result).__name__}:{office}/{'/'.join(year.label for year in years)}"


class DependencyIndex:
    """Page URL -> the keys its context holds, and key -> the URLs of the pages holding it."""

    def __init__(self) -> None:
        self._keys_of: dict[str, frozenset[Key]] = {}
        self._urls_of: dict[Key, set[str]] = defaultdict(set)

    def put(self, url: str, keys: frozenset[Key]) -> None:
        self.remove(url)
        self._keys_of[url] = keys
        for key in keys:
            self._urls_of[key].add(url)

    def remove(self, url: str) -> None:
        for key in self._keys_of.pop(url, frozenset()):
            self._urls_of[key].discard(url)

    def pages(self, keys: Iterable[Key]) -> set[str]:
        """The URLs of the pages that hold any of `keys`."""
        out: set[str] = set()
        for key in keys:
            out |= self._urls_of.get(key, set())
        return out

    def __contains__(self, url: object) -> bool:
        return url in self._keys_of
