"""Render a page's HTML from its Jinja template. Every value is escaped (autoescape).

The model holds no private value (the loader redacted it), so a page is rendered as it
is; the parts of a link's address are percent-encoded, so that no value can turn a link
into another scheme ("javascript:") whatever the URL shapes.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any
from urllib.parse import quote

import jinja2

from . import diff, vocab
from .dates import PartialDate
from .pages import Pages, PageSpec
from .urls import relative


def _date(value: PartialDate | None) -> str:
    return value.vietnamese() if value else ""


class Renderer:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages

    @cached_property
    def env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("portal", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters["date"] = _date
        env.filters["isodate"] = lambda text: _date(PartialDate.parse(text)) if text else ""
        env.filters["role"] = lambda role: vocab.ROLES.get(role, role)
        env.filters["body_kind"] = lambda kind: vocab.BODY_KINDS.get(kind, kind)
        env.filters["doc_kind"] = lambda kind: vocab.DOCUMENT_KINDS.get(kind, kind)
        env.filters["relation"] = lambda rel: vocab.RELATIONS.get(rel, "căn cứ" if rel == "can-cu" else rel)
        env.filters["capacity"] = lambda c: vocab.SIGNING_CAPACITIES.get(c, c)
        env.filters["level"] = lambda level: vocab.SCHOOL_LEVELS.get(level, level)
        env.filters["office_kind"] = lambda kind: vocab.OFFICE_KINDS.get(kind, kind)
        env.globals["portal"] = self.pages.portal
        env.globals["view"] = self.pages.view
        env.globals["pages"] = self.pages
        env.globals["fields"] = diff.FIELDS
        return env

    def render(self, page: PageSpec) -> str:
        """The page's HTML (the article)."""
        def url(name: str, **parts: Any) -> str:
            quoted = {key: quote(str(value), safe="") for key, value in parts.items()}
            return relative(self.pages.url(name, **quoted), page.url)

        template = self.env.get_template(page.template)
        return template.render(page=page, url=url, **page.context)
