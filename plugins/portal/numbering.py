"""The rule of a signed list's row numbers (STT), for the checker and the importer alike.

A list is in parts: a body's own rows, then the rows of each of its subject groups (a
team's decision lists the team's officers, then each group under its heading). Offices
number such a list one of two ways, and both are what the signed document says:

- once across the parts (1..N through the team's rows and every group), so a number is
  on one row of the whole list;
- part by part: each part that carries numbers starts again at 1 (the Toán group 1, 2,
  3, the Ngữ văn group 1, 2), so a number may recur in another part.

A list is read as numbered part by part when every part that carries numbers has 1 as
its smallest number; a list with a single numbered part is the same either way. Within
one part a number is always used once. Otherwise (some part goes on from another) the
list is numbered once across, and a number on two rows is a clash: a typing mistake, or
a list numbered both ways (two groups start again at 1 and a third goes on), whose two
groups that start at 1 clash on 1 at least.

The rows an amending decision puts in a list (`number_added`: the rows it adds and the `with`
of its replacements, in the decision's order) are numbered one of several ways, all what a
signed decision may do: going on from the last number of the list it amends (16, 17 after
15), a replacement in the row it takes keeping that row's number, or the decision's own
list from 1 ("1. thay …, 2. bổ sung …"), once across the decision or again from 1 in each
group it adds to (the rule of `number_list`, applied to the decision's rows). Since a
signed decision may also be wrong, and the data says what it says, every fault found here is
a warning for the clerk to compare with the decision, none an error: a number on two of the
decision's rows (within one group when it numbers group by group), or, going on, a number
that a row still in the list has, or a first number other than the one after the list's last.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

# What a clerk is told is expected, by the checker and the importer alike.
EXPECTED_IN_BODY = "mỗi dòng của một tổ chức một số thứ tự riêng"
EXPECTED_IN_LIST = "mỗi số thứ tự ở một dòng của cả danh sách (tổ và các nhóm của tổ), hoặc mỗi nhóm đánh số lại từ 1"
EXPECTED_IN_ADDED = ("mỗi dòng bổ sung hoặc thay người của một quyết định một số thứ tự riêng (hoặc riêng trong "
                     "mỗi nhóm, khi quyết định đánh số từng nhóm từ 1)")


def expected_added(following: int | None) -> str:
    """What the rows an amending decision adds or brings in by `replace` are expected to be
    numbered, given the number after the last of the list it amends (None: the list has none)."""
    going_on = f"số tiếp theo số cuối của danh sách (từ {following})" if following else "số tiếp theo danh sách"
    return f"{going_on}, số của dòng người được thay, hoặc số riêng của quyết định đánh từ 1"


@dataclass(frozen=True)
class Place:
    part: int  # 0 for the body's own rows, then its groups in order
    index: int  # the row's index in its part


@dataclass(frozen=True)
class Clash:
    """A row whose number an earlier row of the list (in the order of the parts) has."""

    place: Place
    first: Place
    stt: int

    @property
    def within_part(self) -> bool:
        return self.place.part == self.first.part


@dataclass(frozen=True)
class Numbering:
    starts: tuple[int | None, ...]  # each part's smallest number; None for a part without numbers
    clashes: tuple[Clash, ...]

    @property
    def by_part(self) -> bool:
        """Whether each part that carries numbers starts again at 1."""
        return _by_part(self.starts)

    def restarting(self) -> list[int]:
        return [part for part, start in enumerate(self.starts) if start == 1]

    def going_on(self) -> list[int]:
        """The parts whose numbers go on from another's (smallest number above 1)."""
        return [part for part, start in enumerate(self.starts) if start is not None and start > 1]

    @property
    def mixed(self) -> bool:
        """Numbered both ways: parts that start again at 1 beside a part that goes on."""
        return len(self.restarting()) > 1 and bool(self.going_on())

    def expected(self, clash: Clash) -> str:
        return EXPECTED_IN_BODY if clash.within_part else EXPECTED_IN_LIST

    def hint(self, clash: Clash, names: Sequence[str]) -> str:
        """What a clerk checks, in Vietnamese, given each part's name. Never "renumber":
        the numbers are the signed document's; the transcription is what may be wrong."""
        if clash.within_part:
            return f"mỗi dòng của {names[clash.place.part]} có một số riêng; so với văn bản đã ký để tìm số chép sai."
        going_on = self.going_on()
        if self.mixed:
            restart = ", ".join(names[p] for p in self.restarting())
            later = ", ".join(f"{names[p]} (từ {self.starts[p]})" for p in going_on)
            return (f"danh sách vừa đánh số lại từ 1 ở {restart}, vừa đánh số tiếp ở {later}; so với văn bản đã ký: "
                    "nếu văn bản đánh số từng nhóm từ 1, số chép sai ở nhóm đánh số tiếp; nếu văn bản đánh số liên "
                    "tục cả danh sách, số chép sai ở nhóm bắt đầu lại từ 1.")
        # Numbered once across: some part goes on (else every part starts at 1). The part the
        # row is in, when it goes on, is the one whose first number to look at.
        shown = clash.place.part if clash.place.part in going_on else going_on[0]
        return ("danh sách đánh số liên tục qua tổ và các nhóm nên mỗi số chỉ có ở một dòng; so với văn bản đã ký "
                f"để tìm số chép sai; nếu văn bản đánh số lại từ 1 ở mỗi nhóm, xem số đầu của {names[shown]} "
                f"(bắt đầu từ {self.starts[shown]}).")


def number_list(parts: Sequence[Sequence[int | None]]) -> Numbering:
    """The clashes of a list given each part's row numbers in order (None: a row without one)."""
    starts = tuple(min((n for n in part if n is not None), default=None) for part in parts)
    by_part = _by_part(starts)
    clashes: list[Clash] = []
    seen: dict[tuple[int, int], Place] = {}  # (part, or 0 when numbered once across; number) -> first row
    for p, part in enumerate(parts):
        for i, stt in enumerate(part):
            if stt is None:
                continue
            key = (p if by_part else 0, stt)
            if key in seen:
                clashes.append(Clash(Place(p, i), seen[key], stt))
            else:
                seen[key] = Place(p, i)
    return Numbering(starts, tuple(clashes))


def _by_part(starts: Sequence[int | None]) -> bool:
    return all(start in (None, 1) for start in starts)


@dataclass(frozen=True)
class AddedRow:
    """A row an amending decision puts in a list: one it adds, or the `with` of a `replace`."""

    part: int  # the part of the list it goes in
    stt: int | None
    replaces: int | None = None  # for a replacement, the number of the row it takes


@dataclass(frozen=True)
class AddedNumber:
    """What may be wrong with the number of a row an amending decision puts in the list: used
    twice in the decision (`first`: the earlier row), a number a row still in the list has, or
    a first number that does not follow the list's last (`following`: the number that would)."""

    index: int  # the row's index among the decision's rows
    stt: int
    kind: Literal["twice", "taken", "gap"]
    first: int | None = None
    following: int | None = None


def number_added(rows: Sequence[AddedRow], in_force: Collection[int], last: int | None) -> tuple[AddedNumber, ...]:
    """What may be wrong with the numbers of the rows one amending decision puts in a list,
    given the numbers of the rows in the list that day (`in_force`, without those the decision
    ends) and the largest number the list has used before it (`last`; None: none)."""
    parts: dict[int, list[int]] = {}  # part -> the indexes of its rows, in order
    for i, row in enumerate(rows):
        parts.setdefault(row.part, []).append(i)
    order = sorted(parts)
    numbering = number_list([[rows[i].stt for i in parts[p]] for p in order])

    def index(place: Place) -> int:
        return parts[order[place.part]][place.index]

    found = [AddedNumber(index(c.place), c.stt, "twice", first=index(c.first)) for c in numbering.clashes]
    numbers = [row.stt for row in rows if row.stt is not None]
    if not numbers or min(numbers) == 1:
        return tuple(sorted(found, key=lambda f: f.index))  # the decision's own list, from 1
    # Going on from the list; a replacement keeping the number of the row it takes is in place.
    going_on: dict[int, int] = {}
    for i, row in enumerate(rows):
        if row.stt is not None and row.stt != row.replaces:
            going_on.setdefault(row.stt, i)
    taken = [AddedNumber(i, stt, "taken") for stt, i in going_on.items() if stt in in_force]
    if going_on and not taken and last is not None and min(going_on) != last + 1:
        start = min(going_on)
        found.append(AddedNumber(going_on[start], start, "gap", following=last + 1))
    return tuple(sorted([*found, *taken], key=lambda f: f.index))
