"""Render a page's HTML from its Jinja template. Every value is escaped (autoescape).

The model holds no private value (the loader redacted it), so a page is rendered as it
is; the parts of a link's address are percent-encoded, so that no value can turn a link
into another scheme ("javascript:") whatever the URL shapes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial

import jinja2
from markupsafe import Markup

from . import diff_report, qr, wording
from .headings import keep_years_together
from .link_html import LinkCache, PageLinks
from .links import Link, Links
from .model import Portal
from .pages import Pages, PageSpec


def wording_filters(portal: Portal) -> dict[str, Callable[..., str]]:
    """The templates' names for the phrases of portal.wording: each filter is the wording
    module's own function (bound to the data where it looks a name up)."""
    return {
        "date": wording.date_text,
        "from_date": wording.from_date,
        "signing_date": wording.signing_date,
        "series_separator": wording.series_separator,
        "issue_date": wording.issue_date_text,
        "role": wording.role_name,
        "role_as_read": wording.role_as_read,
        "body_kind": wording.body_kind_name,
        "doc_kind": wording.document_kind_name,
        "office_kind": wording.office_kind_name,
        "level": wording.level_name,
        "end_reason": wording.end_reason_name,
        "active_until": wording.active_until,
        "contact_label": wording.contact_label,
        "original_label": wording.original_label,
        "page_citation": wording.page_citation,
        "relation": wording.relation_name,
        "doc_name": wording.document_name,
        "doc_number": wording.number_field_text,
        "doc_citation": wording.document_citation,
        "doc_heading": wording.document_heading,
        "activity_title": wording.activity_title,
        "activity_time": wording.activity_time,
        "leader_since": partial(wording.leader_since, portal),
        "no_longer_in_force": partial(wording.no_longer_in_force, portal),
    }


def drawing_filters() -> dict[str, Callable[..., Markup]]:
    """Markup drawn from the data at build time (escaped where it holds text)."""
    return {"qr_svg": qr.qr_svg}


def diff_filters() -> dict[str, Callable[..., str]]:
    """The labels of a diff's change pages (portal.diff_report)."""
    return {
        "change_kind": diff_report.kind_label,
        "diff_status": diff_report.status_label,
        "change_field": diff_report.field_label,
        "blank_or": diff_report.blank_or,
    }


def diff_tests() -> dict[str, Callable[..., bool]]:
    """The templates' tests of a diff's changes (`{% if f is cleared_from(change) %}`)."""
    return {"cleared_from": diff_report.cleared}


def link_filters(links: Links) -> dict[str, Callable[..., Link | None]]:
    """Where a name held as an id links to (portal.links): templates look nothing up themselves.
    People and units are linked by the link builders (link_html.py)."""
    return {"target_page": links.change_target}


class Renderer:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages

    @cached_property
    def link_cache(self) -> LinkCache:
        return LinkCache(self.pages, Links(self.pages.view))

    @cached_property
    def env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("portal", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters.update(diff_filters())
        env.tests.update(diff_tests())
        env.filters.update(drawing_filters())
        self._data_filters(env)
        return env

    def _data_filters(self, env: jinja2.Environment) -> None:
        env.filters.update(wording_filters(self.pages.portal))
        env.filters.update(link_filters(Links(self.pages.view)))

    def use(self, pages: Pages) -> None:
        """Render from `pages` from now on, keeping the compiled templates (a preview's edit):
        a compiled template looks its filters up in the environment each time it renders."""
        self.pages = pages
        self.__dict__.pop("link_cache", None)  # its addresses are those of the old pages
        self._data_filters(self.env)

    def render(self, page: PageSpec) -> str:
        """The page's HTML (the article): its template with the fields of its context, and
        the link builders (link_html.py) for its address; a school year in a heading keeps
        on one line (headings.py)."""
        template = self.env.get_template(page.template)
        return keep_years_together(
            template.render(**PageLinks(self.link_cache, page.url).variables(), **page.context.variables()))
