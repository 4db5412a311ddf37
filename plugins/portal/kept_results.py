"""Results derived from the model (the diffs between years), kept between loads and reused
while nothing they read has changed.

Under `mkdocs serve`, an edit is followed by a new `Pages`, which compares the lists of
every office from year to year: most of making `Pages` at province scale
(docs/benchmarks.md, "Preview"), though an edit touches a few office-years. `KeptResults`
computes each result on a view of the model that records what it reads: which records of
each table (by id), and which tables it walked whole. After the next load it compares the
two models table by table; a result none of whose reads changed is the one it computed
before, and is handed back as it was. What a result reads is recorded, not listed by hand,
so a diff that learns to read another table stays correct: it reads it through the view.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar, cast, overload

from .model import OfficeYear, Portal

T = TypeVar("T")
# The tables of a Portal: its fields.
TABLES = tuple(f.name for f in fields(Portal))


@dataclass
class Reads:
    """What one computation read of the model."""

    keys: dict[str, set[Hashable]] = field(default_factory=dict)  # per table, the ids looked up
    whole: set[str] = field(default_factory=set)  # the tables walked through (every record)

    def touched_by(self, changed: dict[str, frozenset[Hashable]]) -> bool:
        """Whether any record read is among the `changed` ones (per table)."""
        return any(changed[table] and (table in self.whole or not changed[table].isdisjoint(self.keys.get(table, ())))
                   for table in changed)


class _TrackedTable(Mapping[Hashable, Any]):
    """A table of the model (id -> record) that notes each lookup and each walk through it."""

    def __init__(self, name: str, records: Mapping[Hashable, Any], reads: Reads) -> None:
        self._name, self._records, self._reads = name, records, reads
        self._keys = reads.keys.setdefault(name, set())

    def __getitem__(self, key: Hashable) -> Any:
        self._keys.add(key)
        return self._records[key]

    def __contains__(self, key: object) -> bool:
        self._keys.add(key)
        return key in self._records

    def get(self, key: Hashable, default: Any = None) -> Any:
        self._keys.add(key)
        return self._records.get(key, default)

    def __iter__(self) -> Iterator[Hashable]:
        self._reads.whole.add(self._name)
        return iter(self._records)

    def __len__(self) -> int:
        self._reads.whole.add(self._name)
        return len(self._records)


class _TrackedList(Sequence[OfficeYear]):
    """The model's list of office-years: any use of it reads it whole."""

    def __init__(self, name: str, items: list[OfficeYear], reads: Reads) -> None:
        self._name, self._items, self._reads = name, items, reads

    @overload
    def __getitem__(self, index: int) -> OfficeYear: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[OfficeYear]: ...

    def __getitem__(self, index: int | slice) -> OfficeYear | Sequence[OfficeYear]:
        self._reads.whole.add(self._name)
        return self._items[index]

    def __iter__(self) -> Iterator[OfficeYear]:
        self._reads.whole.add(self._name)
        return iter(self._items)

    def __len__(self) -> int:
        self._reads.whole.add(self._name)
        return len(self._items)


def tracked(portal: Portal, reads: Reads) -> Portal:
    """A Portal that reads `portal`'s records and notes into `reads` what is read. The
    wrappers stand in for the dicts and the list they hold (read only, as derived results
    read the model)."""
    views: dict[str, Any] = {}
    for name in TABLES:
        value = getattr(portal, name)
        views[name] = _TrackedList(name, value, reads) if isinstance(value, list) \
            else _TrackedTable(name, value, reads)
    return Portal(**views)


def changed_records(old: Portal, new: Portal) -> dict[str, frozenset[Hashable]]:
    """Per table, the ids of the records added, removed or changed (the office-years by their
    position: the list is only ever read whole)."""
    changed: dict[str, frozenset[Hashable]] = {}
    for name in TABLES:
        before, after = getattr(old, name), getattr(new, name)
        if isinstance(before, list):
            before, after = dict(enumerate(before)), dict(enumerate(after))
        changed[name] = frozenset(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
    return changed


class KeptResults:
    """Derived results of the last model, each with what it read; see the module's doc."""

    def __init__(self) -> None:
        self._last: Portal | None = None  # the model of the results kept
        self._kept: dict[Hashable, tuple[Any, Reads]] = {}
        self._portal: Portal | None = None  # the model whose results are being made
        self._made: dict[Hashable, tuple[Any, Reads]] = {}
        self._changed: dict[str, frozenset[Hashable]] | None = None
        self.computed = 0  # results computed since `start` (the others were reused)

    def start(self, portal: Portal) -> None:
        """The results of a new model are to be made: compare it with the last one."""
        self._changed = None if self._last is None else changed_records(self._last, portal)
        self._portal = portal
        self._made = {}
        self.computed = 0

    def result(self, ident: Hashable, compute: Callable[[Portal], T]) -> T:
        """`compute(portal)`, or its kept result when nothing it read changed since."""
        assert self._portal is not None, "start() first"
        kept = self._kept.get(ident)
        if kept is not None and self._changed is not None and not kept[1].touched_by(self._changed):
            self._made[ident] = kept
            return cast(T, kept[0])
        reads = Reads()
        value = compute(tracked(self._portal, reads))
        self._made[ident] = (value, reads)
        self.computed += 1
        return value

    def finish(self) -> None:
        """The new model's results are made: keep them (and only them) for the next model.
        Until then the last results stay those kept (a model whose pages failed is not one)."""
        self._last, self._kept = self._portal, self._made
        self._portal, self._made = None, {}
