"""Headings that keep a school year on one line.

A narrow screen broke a heading at the hyphen of its year ("Cụm 02 năm học 2024-" over
"2025"). Each school year inside an h1-h6 of a rendered page is wrapped in a span that the
stylesheet keeps on one line (`portal-nowrap`, portal_mkdocs' portal.css): the text stays
as it was for search, copy and screen readers, and a template needs no markup of its own.
"""

from __future__ import annotations

import re

NOWRAP_CLASS = "portal-nowrap"
_HEADING = re.compile(r"(<h([1-6])(?=[\s>])[^>]*>)(.*?)(</h\2>)", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"(<[^>]*>)")
# A school year as the data writes it, or with an en dash ("2024–2025").
_SCHOOL_YEAR = re.compile(r"(?<![0-9])[0-9]{4}[-–][0-9]{4}(?![0-9])")


def keep_years_together(html: str) -> str:
    """`html` with each school year in the text of its headings in a nowrap span."""
    if not _SCHOOL_YEAR.search(html):
        return html
    return _HEADING.sub(_wrap_heading, html)


def _wrap_heading(match: re.Match[str]) -> str:
    parts = _TAG.split(match.group(3))
    for i in range(0, len(parts), 2):  # the text between tags, never an attribute
        parts[i] = _SCHOOL_YEAR.sub(lambda year: f'<span class="{NOWRAP_CLASS}">{year.group(0)}</span>', parts[i])
    return match.group(1) + "".join(parts) + match.group(4)
