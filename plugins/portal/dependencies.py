"""Which records each page draws on: the map an incremental preview re-renders from.

A page's keys are read off its context (contexts.py) by walking it: every id it holds,
whether as a record (a person, a body, a school...) or as a reference in one (a member's
`person`, a body's `office`), and, for every record of one office and year it holds (a
body, a diff, a year's changes), that office-year. Walking the context rather than
listing what each page kind reads keeps the map right for the page kind added next
month; a slug that merely looks like an id costs
a page re-rendered for nothing, never a page left stale.

The keys of an edit (changes.py) are the same strings: the ids of the records added,
removed or changed, and the office-years whose derived data (diffs, changes within the
year, calendars) changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from typing import Any

from .dates import SchoolYear
from .model import Body, OfficeYear, Source
from .view import Seat

Key = str
# An id as the schemas allow it (schema.ID_PATTERN, at most 80 characters).
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MAX_ID = 80


def record_key(record_id: str) -> Key:
    return f"id:{record_id}"


def year_key(office: str, year: SchoolYear) -> Key:
    return f"office-year:{office}/{year.label}"


class KeyCollector:
    """The keys of contexts and records; a record met again (a body shown on a hundred
    pages) is walked once."""

    def __init__(self) -> None:
        # id(object) -> (the object, kept alive so that its id stays its own; its keys)
        self._memo: dict[int, tuple[object, frozenset[Key]]] = {}
        self._fields: dict[type, tuple[str, ...]] = {}
        self._place_memo: dict[int, tuple[Body, frozenset[Key]]] = {}  # the keys of a body as a seat's place

    def keys(self, value: Any) -> frozenset[Key]:
        if isinstance(value, str):
            return frozenset((record_key(value),)) if len(value) <= _MAX_ID and _SLUG.fullmatch(value) else frozenset()
        if isinstance(value, (Source, SchoolYear, int, float, bool)) or value is None:
            return frozenset()  # where a record was written, and plain values, name no record
        if is_dataclass(value) and not isinstance(value, type):
            return self._record_keys(value)
        if isinstance(value, dict):
            return self._union([*value.keys(), *value.values()])
        if isinstance(value, (tuple, list, set, frozenset)):
            return self._union(value)
        return frozenset()  # dates and other plain values

    def _record_keys(self, record: Any) -> frozenset[Key]:
        found = self._memo.get(id(record))
        if found is not None and found[0] is record:
            return found[1]
        values = self._values(record)
        if isinstance(record, Seat):
            keys = self._union(v for v in values if v is not record.body) | self._place_keys(record.body)
        else:
            keys = self._union(values) | _office_years(record, values)
        self._memo[id(record)] = (record, keys)
        return keys

    def _values(self, record: Any) -> list[Any]:
        names = self._fields.get(type(record))
        if names is None:
            names = self._fields[type(record)] = tuple(f.name for f in fields(record))
        return [getattr(record, name) for name in names]

    def _place_keys(self, body: Body) -> frozenset[Key]:
        """A body as the place of a seat: its own fields (id, name, year, decision, office...),
        not its lists (members, amendments, duties). A page of seats (a person's terms, a
        school's staff) shows the body by name and link; its members are on the body's own
        page. Without this, renaming a person touched every co-member's page."""
        found = self._place_memo.get(id(body))
        if found is not None and found[0] is body:
            return found[1]
        values = self._values(body)
        keys = self._union(v for v in values if not isinstance(v, (tuple, list))) | _office_years(body, values)
        self._place_memo[id(body)] = (body, keys)
        return keys

    def _union(self, values: Iterable[Any]) -> frozenset[Key]:
        out: set[Key] = set()
        for value in values:
            out |= self.keys(value)
        return frozenset(out)


def _office_years(record: Any, values: list[Any]) -> frozenset[Key]:
    """For a record of the data of one office and year (a body, an office's year), that
    office-year; for a result derived from it (a diff between two years, a year's changes),
    a key of its own, so that a changed diff touches the pages showing it, not every page
    holding a body of its years."""
    offices = [office for name in ("office", "new_office") if isinstance(office := getattr(record, name, None), str)]
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
