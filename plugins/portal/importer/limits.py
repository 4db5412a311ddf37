"""Size limits: a file past them gets a clear message instead of minutes of work.

A roster of a whole province is a few thousand rows of short cells; the limits leave
ten times that room. Each is checked before the work it guards (the file's size before
it is read, the unpacked size of a workbook before it is opened, rows while they are
read, a cell's length before it is matched).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 20 * 1024 * 1024
    # What the zip of an .xlsx or .docx unpacks to (a "zip bomb" is small on disk).
    unpacked_bytes: int = 200 * 1024 * 1024
    rows: int = 50_000  # in a workbook, those holding a value: an empty row is not kept (read_xlsx.Rows)
    # A name, a post or a school is a line of text; a longer cell is not a roster's.
    cell_chars: int = 1_000


LIMITS = Limits()


def megabytes(size: int) -> str:
    """'20 MB' as a clerk reads it (decimal comma)."""
    value = size / (1024 * 1024)
    text = f"{value:.0f}" if value >= 10 or value.is_integer() else f"{value:.1f}".replace(".", ",")
    return f"{text} MB"


def thousands(number: int) -> str:
    """50000 -> '50.000', the Vietnamese way."""
    return f"{number:,}".replace(",", ".")
