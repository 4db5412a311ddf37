"""A document's stored full text, cut into paragraphs and tables for its page.

The full texts are copied from the offices' Word files, whose tables arrive as lines of
tab-separated cells ("1<TAB>Cao Thị Đại<TAB>Hiệu trưởng - THCS Him Lam"). Two or more
such lines in a row are a table; everything else stays text, its line breaks kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

# A row number as lists print it: "1", "09.", "12)".
_ROW_NUMBER = re.compile(r"\d{1,4}[.)]?")


@dataclass(frozen=True)
class TextBlock:
    """Lines of running text, shown with their line breaks."""

    text: str
    is_table: ClassVar[bool] = False


@dataclass(frozen=True)
class TableBlock:
    """A table of the text: `header` is its first row when that row names the columns
    (the rows under it are numbered and it is not), else empty; every row has as many
    cells as the widest."""

    ordinal: int  # 1 for the text's first table: names it for a screen reader
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    is_table: ClassVar[bool] = True


Block = TextBlock | TableBlock


def blocks(text: str) -> tuple[Block, ...]:
    """The text as it reads: runs of tab-separated lines become tables."""
    found: list[Block] = []
    prose: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        if j - i >= 2:
            _add_text(found, prose)
            prose = []
            found.append(_table(lines[i:j], sum(b.is_table for b in found) + 1))
            i = j
        else:
            prose.append(lines[i])
            i += 1
    _add_text(found, prose)
    return tuple(found)


def _add_text(found: list[Block], lines: list[str]) -> None:
    """The lines as a block of text, unless they are blank (the gap around a table)."""
    if "".join(lines).strip():
        found.append(TextBlock("\n".join(lines)))


def _table(lines: list[str], ordinal: int) -> TableBlock:
    cells = [[cell.strip() for cell in line.rstrip("\t").split("\t")] for line in lines]
    width = max(len(row) for row in cells)
    rows = [tuple(row + [""] * (width - len(row))) for row in cells]
    numbered = all(_ROW_NUMBER.fullmatch(row[0]) for row in rows[1:])
    if numbered and not _ROW_NUMBER.fullmatch(rows[0][0]):
        return TableBlock(ordinal, rows[0], tuple(rows[1:]))
    return TableBlock(ordinal, (), tuple(rows))
