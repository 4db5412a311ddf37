"""Where a name on a page links to, when the name is held as an id: a person, a unit (a
school, on its page for the year when it has one, or an office), what a change concerns.

The templates reach these through filters (render.py), so that a template never looks
an id up in the whole data: this module knows which pages exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import wording
from .dates import SchoolYear
from .diff import Change
from .view import View


@dataclass(frozen=True)
class Link:
    """A link's text and its target: the name of a page's URL shape (urls.UrlFormats) and
    the values of its placeholders; the template turns them into an address relative to
    the page it renders (`url(link.page, **link.parts)`)."""

    text: str
    page: str
    parts: Mapping[str, str | SchoolYear]


class Links:
    def __init__(self, view: View) -> None:
        self.view = view
        self.portal = view.portal

    def person(self, person_id: str | None) -> Link | None:
        person = self.view.person(person_id)
        return Link(person.name, "person", {"person": person.id}) if person else None

    def unit(self, unit_id: str | None, year: SchoolYear | None = None) -> Link | None:
        """A school's page for `year` when it has one, else the school's own page; an
        office's page; None for an id that is neither (nothing to link). A school is named
        as it was in `year` (a former name, for a school renamed since)."""
        if not unit_id:
            return None
        name = wording.unit_name(self.portal, unit_id, at=year)  # a school's name that year
        if unit_id in self.portal.schools:
            if year is not None and self.view.has_school_page(unit_id, year):
                return Link(name, "school_year", {"school": unit_id, "year": year})
            return Link(name, "school", {"school": unit_id})
        if unit_id in self.portal.offices:
            return Link(name, "office", {"office": unit_id})
        return None

    def change_target(self, change: Change) -> Link | None:
        """The page of the person, school or document a change concerns, under the change's
        own label (the name it had in the year of the change)."""
        # The target's type is also the name of its page's URL shape and placeholder.
        known: dict[str, Mapping[str, object]] = {
            "person": self.portal.people, "school": self.portal.schools, "document": self.portal.documents,
            "office": self.portal.offices}
        if change.target in known.get(change.target_type, {}):
            return Link(change.label, change.target_type, {change.target_type: change.target})
        return None
