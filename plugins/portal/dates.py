"""Partial dates (2024, 2024-09, 2024-09-13) and school years."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import total_ordering

# ASCII digits only (\d also takes "٢٠٢٤"), matched whole (fullmatch: "$" would accept "2024\n").
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_SCHOOL_YEAR = re.compile(r"([0-9]{4})-([0-9]{4})")

# The school years the data may hold, 1945-1946 to 2099-2100, and the calendar years of
# their dates. Anything outside is refused when the data is read, so that no date
# computation downstream (a day after the last, a year before the first) can overflow.
FIRST_SCHOOL_YEAR = 1945
LAST_SCHOOL_YEAR = 2099
FIRST_YEAR = FIRST_SCHOOL_YEAR
LAST_YEAR = LAST_SCHOOL_YEAR + 1


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
        match = _PARTIAL.fullmatch(str(value))
        if not match or date_fault(value) is not None:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
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
        """`2024-2025`; None unless two consecutive years from 1945-1946 to 2099-2100."""
        match = _SCHOOL_YEAR.fullmatch(text)
        if not match or school_year_fault(text) is not None:
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
    def last_day(self) -> datetime.date:
        """The eve of the next school year's first day: a term open to the end of the year
        runs to it."""
        return SchoolYear(self.start + 1).first_day - datetime.timedelta(days=1)

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


def date_fault(value: object) -> str | None:
    """Why `value` is no date of the data, in the clerk's words; None when it is one."""
    text = str(value)
    match = _PARTIAL.fullmatch(text)
    if not match:
        return f"'{_short(text)}' không phải một ngày viết dạng YYYY-MM-DD (hoặc YYYY-MM, YYYY)."
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return f"năm {match.group(1)} nằm ngoài khoảng dữ liệu nhận (từ {FIRST_YEAR} đến {LAST_YEAR})."
    if month is not None and not 1 <= month <= 12:
        return f"không có tháng {month} (tháng từ 01 đến 12)."
    if day is not None and month is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return f"không có ngày {day:02d}/{month:02d}/{year}: tháng {month:02d}/{year} chỉ có {days} ngày."
    return None


def school_year_fault(value: object) -> str | None:
    """Why `value` is no school year of the data, in the clerk's words; None when it is one."""
    match = _SCHOOL_YEAR.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return f"'{_short(str(value))}' không phải năm học viết dạng YYYY-YYYY."
    start, end = int(match.group(1)), int(match.group(2))
    if end != start + 1:
        return f"năm học {value} không phải hai năm liền nhau."
    if not FIRST_SCHOOL_YEAR <= start <= LAST_SCHOOL_YEAR:
        return (f"năm học {value} nằm ngoài khoảng dữ liệu nhận (từ {FIRST_SCHOOL_YEAR}-{FIRST_SCHOOL_YEAR + 1} "
                f"đến {LAST_SCHOOL_YEAR}-{LAST_SCHOOL_YEAR + 1}).")
    return None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
