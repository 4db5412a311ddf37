"""Partial dates (2024, 2024-09, 2024-09-13) and school years."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import total_ordering

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date whose day, or day and month, may be unknown (left blank in the original)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate | None:
        """`2024`, `"2024-09"`, `"2024-09-13"`; None when the text is no such date."""
        match = _PARTIAL.match(str(value))
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None:
            assert month is not None
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                return None
        return cls(year, month, day)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @property
    def is_full(self) -> bool:
        return self.day is not None

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def vietnamese(self) -> str:
        """As an office writes it: 13/9/2024, tháng 9/2024, năm 2024."""
        if self.day is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month is not None:
            return f"tháng {self.month:02d}/{self.year}"
        return f"năm {self.year}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.first_day, self.last_day) < (other.first_day, other.last_day)

    def __str__(self) -> str:
        return self.iso()


@total_ordering
@dataclass(frozen=True)
class SchoolYear:
    """A school year such as 2024-2025."""

    start: int

    @classmethod
    def parse(cls, text: str) -> SchoolYear | None:
        match = re.match(r"^(\d{4})-(\d{4})$", text)
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            return None
        return cls(int(match.group(1)))

    @property
    def label(self) -> str:
        return f"{self.start}-{self.start + 1}"

    @property
    def first_day(self) -> datetime.date:
        """The school year's opening day (5 September by tradition; 1 September is when
        offices count a year as begun: a body or school that ended before it is not part
        of the year)."""
        return datetime.date(self.start, 9, 1)

    @property
    def window(self) -> tuple[datetime.date, datetime.date]:
        """Dates a year's documents and plans may carry: 1 June to 30 September next year.

        Decisions for a year are signed in the summer before it, and plans run into the
        summer after it (Dầu Tiếng's 2023-2024 plan ends in September 2024).
        """
        return datetime.date(self.start, 6, 1), datetime.date(self.start + 1, 9, 30)

    def contains(self, date: PartialDate) -> bool:
        first, last = self.window
        # A partial date fits if any day it may stand for lies in the window.
        return date.last_day >= first and date.first_day <= last

    @property
    def previous(self) -> SchoolYear:
        return SchoolYear(self.start - 1)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, SchoolYear):
            return NotImplemented
        return self.start < other.start

    def __str__(self) -> str:
        return self.label
