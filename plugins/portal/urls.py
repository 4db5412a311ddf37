"""Where each generated page lives. Shapes are format strings so a site can change them.

Every URL is built from ids and school years only, so adding a year never moves a page.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class UrlFormats:
    home: str = ""
    years: str = "nam-hoc/"
    year: str = "nam-hoc/{year}/"
    offices: str = "don-vi/"
    office: str = "don-vi/{office}/"
    schools: str = "truong/"
    school: str = "truong/{school}/"
    school_year: str = "truong/{school}/{year}/"
    body: str = "to-chuc/{body}/{year}/"
    person: str = "nguoi/{person}/"
    archive: str = "van-ban/"
    document: str = "van-ban/{document}/"
    diffs: str = "thay-doi/"
    diff: str = "thay-doi/{office}/{old}-den-{new}/"
    body_diff: str = "thay-doi/to-chuc/{body}/{old}-den-{new}/"

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def check(self) -> list[str]:
        """Problems with the formats: each must be relative and end with '/' (or be empty)."""
        problems = []
        for name in self.names():
            value = getattr(self, name)
            if value and (not value.endswith("/") or value.startswith("/") or ".." in value):
                problems.append(f"url '{name}': '{value}' must be relative, without '..', "
                                "and end with '/'")
        return problems


def src_uri(url: str) -> str:
    """The Markdown path MkDocs needs for a page at `url` (with directory URLs)."""
    return "index.md" if url == "" else url.rstrip("/") + ".md"


def relative(target: str, page_url: str) -> str:
    """A link from the page at `page_url` to `target`, both site-relative directory URLs.

    Up to the site's root, then down: one string operation per link, since a page
    holds hundreds of links (posixpath.relpath cost a tenth of a province build).
    """
    link = "../" * page_url.count("/") + target
    return link or "./"
