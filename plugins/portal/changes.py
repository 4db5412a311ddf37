"""What an edit changed between two loads of the data, as the keys of dependencies.py.

A record added, removed or changed gives its id, and the ids it names in one version but
not the other (a member added names a person the old list did not); an office's year also
gives its office-year. Then what `Pages` derives across records is compared too: a diff
between years or a year's changes that differ give their own key (dependencies.derived_key)
and the ids they name in one version only; a change of which office-years have changes
within the year, a calendar, or a previous year to compare with gives the office-year.
(The calendars' events are files beside the pages, rewritten after every edit.) A record
that moved to another line of its file (an edit above it) is not changed: no page shows
where a record was written, only in which file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from .dates import SchoolYear
from .dependencies import Key, KeyCollector, record_key, year_key
from .model import OfficeYear, Portal, Source
from .pages import Pages

# The lists of records of a Portal, by id (a body's key is its year and id).
RECORD_LISTS = ("offices", "subjects", "schools", "people", "documents", "bodies")


def changed_keys(old: Pages, new: Pages) -> frozenset[Key]:
    """The keys of every record and derived result an edit changed between `old` and `new`."""
    collector = KeyCollector()
    keys: set[Key] = set()
    for name in RECORD_LISTS:
        before: Mapping[Any, Any] = getattr(old.portal, name)
        after: Mapping[Any, Any] = getattr(new.portal, name)
        keys |= _changed_records(before, after, collector)
    keys |= _changed_records(_by_office_year(old.portal), _by_office_year(new.portal), collector)
    for (office, year) in _changed_entries(old.previous_year, new.previous_year):
        keys.add(year_key(office, year))
    for (office, year) in _changed_entries(old.within, new.within):
        old_changes, new_changes = old.within.get((office, year)), new.within.get((office, year))
        if old_changes is None or new_changes is None:  # the page of changes within the year comes or goes
            keys.add(year_key(office, year))
        keys |= _changed_result(old_changes, new_changes, collector)
    for (body, _) in _changed_entries(old.body_previous_year, new.body_previous_year):
        keys.add(record_key(body))
    # A replacement's day comes from the replacing decision's amendments, in the bodies' records:
    # the pages citing either document (a row "215; thay thế bởi 260 từ ngày …") change with it.
    for replaced in _changed_entries(old.portal.replaced_by, new.portal.replaced_by):
        keys.add(record_key(replaced))
        for by in (old.portal.replaced_by.get(replaced), new.portal.replaced_by.get(replaced)):
            if by is not None:
                keys.add(record_key(by.document))
    for (year, office) in old.calendars ^ new.calendars:
        keys.add(year_key(office, year))
    old_diffs = {(d.office, d.old_year, d.new_year): d for d in old.diffs}
    new_diffs = {(d.office, d.old_year, d.new_year): d for d in new.diffs}
    for ident in _changed_entries(old_diffs, new_diffs):
        keys |= _changed_result(old_diffs.get(ident), new_diffs.get(ident), collector)
    return frozenset(keys)


def _changed_result(old: Any, new: Any, collector: KeyCollector) -> set[Key]:
    """A derived result that differs: its own keys, and the ids only one version names."""
    old_keys = collector.keys(old) if old is not None else frozenset()
    new_keys = collector.keys(new) if new is not None else frozenset()
    return {key for key in old_keys | new_keys if not key.startswith("id:")} | (old_keys ^ new_keys)


def _changed_records(before: Mapping[Any, Any], after: Mapping[Any, Any],
                     collector: KeyCollector) -> set[Key]:
    keys: set[Key] = set()
    for ident in _changed_entries(before, after):
        old, new = before.get(ident), after.get(ident)
        if old is not None and new is not None and _without_lines(old) == _without_lines(new):
            continue
        old_keys = collector.keys(old) if old is not None else frozenset()
        new_keys = collector.keys(new) if new is not None else frozenset()
        record_id = ident[1] if isinstance(ident, tuple) else ident
        if isinstance(record_id, str):
            keys.add(record_key(record_id))
        keys |= old_keys ^ new_keys
        if isinstance(old or new, OfficeYear):  # its documents and schools: the year's pages list them
            keys |= {key for key in old_keys | new_keys if key.startswith("office-year:")}
    return keys


def _changed_entries(before: Mapping[Any, Any], after: Mapping[Any, Any]) -> list[Any]:
    return [key for key in before.keys() | after.keys() if before.get(key) != after.get(key)]


def _by_office_year(portal: Portal) -> dict[tuple[SchoolYear, str], Any]:
    return {(oy.school_year, oy.office): oy for oy in portal.office_years}


def _without_lines(value: Any) -> Any:
    """`value` as comparable plain values, with the line of every Source left out."""
    if isinstance(value, Source):
        return ("Source", value.file, value.path)
    if is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *(_without_lines(getattr(value, f.name)) for f in fields(value)))
    if isinstance(value, (tuple, list)):
        return tuple(_without_lines(item) for item in value)
    if isinstance(value, dict):
        return tuple((_without_lines(k), _without_lines(v)) for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return frozenset(_without_lines(item) for item in value)
    return value
