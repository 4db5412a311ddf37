"""How many examples a property test draws: all of them, or a quarter in the quick subset.

The whole suite (the README's test command, CI) draws each property test's full count. The
quick subset, `pytest -m "not browser and not build"`, is the loop a developer runs between
two edits, and Hypothesis's own work per example (about 1 ms whatever the test does: the
engine, not the code under test) was a third of its time. So the subset draws a quarter,
never fewer than `FLOOR`. Nothing is skipped: every property still runs, every example that
once failed is replayed first from Hypothesis's database, and CI draws new values at every
run (its seeds are random). Tests whose cases are derived from the sample data, one per
file, likewise run one case of each kind (`representatives`) in the quick subset.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from hypothesis import settings

Case = TypeVar("Case")

QUICK_SHARE = 4
FLOOR = 10
_PROFILE = "quick subset"
_quick = False
# No per-example deadline: the suite runs in worker processes on a shared machine, where one
# example took 550 ms under load (0.5 ms alone) and failed a property that held. Tests assert
# behaviour; the benchmarks (scripts/) measure time.
_UNTIMED = "untimed"
settings.register_profile(_UNTIMED, deadline=None)
settings.load_profile(_UNTIMED)


def is_quick_subset(markexpr: str) -> bool:
    """Whether pytest's `-m` expression leaves out the build tests: the developer's loop."""
    return "not build" in " ".join(markexpr.split())


def draw_a_share() -> None:
    """From now on, `examples` gives the quick subset's share; tests without a count of their
    own (Hypothesis's default, 100) get the same share through a settings profile."""
    global _quick
    _quick = True
    settings.register_profile(_PROFILE, parent=settings.get_profile(_UNTIMED),
                              max_examples=examples(settings.default.max_examples))
    settings.load_profile(_PROFILE)


def examples(full: int) -> int:
    """The number of examples to draw for a test whose full count is `full`."""
    return max(FLOOR, full // QUICK_SHARE) if _quick else full


def representatives(cases: list[Case], kind: Callable[[Case], Hashable]) -> list[Case]:
    """Every case, or in the quick subset the first of each kind: for tests whose cases are
    derived from the sample data (an edit of every file), where the files of one kind (the
    years' files, say) give cases of the same shape."""
    if not _quick:
        return cases
    first: dict[Hashable, Case] = {}
    for case in cases:
        first.setdefault(kind(case), case)
    return list(first.values())


def report() -> str:
    return ("property tests: a quarter of their examples (the quick subset; `pytest` draws them all)"
            if _quick else "property tests: every example")
