"""What a list's row becomes when a school year is carried into the next: the one rule that
`cotcan nam-moi` applies to the year file it copies (newyear.py) and the workbook for next
year to the lists it writes (importer/workbook.py), so that the untouched workbook imports
back into the started year as it is.

A row loses what cites the old year's signed original (its page); a school that closed before
the new year leaves the list; a person whose unit it was keeps the row without the unit
(never guess their new school).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .dates import SchoolYear
from .model import Membership, Portal, School

# What a row holds that points into the old year's signed original: never carried into a new
# year, whose list has no original yet ("tr. 2" would cite last year's).
_OLD_ORIGINAL_FIELDS = ("page",)
# The fields of a row the rule reads or drops, named alike in the year file and on `Membership`.
_RULED = (*_OLD_ORIGINAL_FIELDS, "school", "unit", "as_written")


def closed_schools(portal: Portal, year: SchoolYear) -> dict[str, School]:
    """The schools that closed (or merged into their successor) before the year began, by id."""
    return {school.id: school for school in portal.schools.values() if school.ended_before(year)}


def carried_row(row: Any, closed: set[str] | dict[str, School]) -> Any:
    """A member's or duty's row of the year file for the new year; None for a school that
    closed. A person whose unit closed keeps the row without the unit."""
    if not isinstance(row, dict):
        return row
    if row.get("school") in closed:
        return None
    new = {key: value for key, value in row.items() if key not in _OLD_ORIGINAL_FIELDS}
    if new.get("unit") in closed:
        del new["unit"]
        new.pop("as_written", None)  # it names the school too
    return new


def carried_member(member: Membership, closed: set[str] | dict[str, School]) -> Membership | None:
    """A member of the old year's list as the new year has them: `carried_row` on the model."""
    kept = carried_row({key: value for key in _RULED if (value := getattr(member, key)) is not None}, closed)
    if kept is None:
        return None
    return dataclasses.replace(member, **{key: kept.get(key) for key in _RULED})
