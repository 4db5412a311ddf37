"""The privacy scan and the redaction of one load, kept for the next: only what changed is
scanned or redacted again.

Under `mkdocs serve` an edit changes one data file of about a hundred, yet each load scanned
every file's public texts for phone numbers and e-mail addresses (the checks' privacy scan)
and redacted every record of the model (docs/benchmarks.md, "Preview"). Both depend on the
private values the people files give (the redactor's values; the scan also on every contact
known) and, per file or per record, on that file or record alone. `KeptPrivacy` keeps:

- per file read (a `YamlDocument`, the same object while its bytes are unchanged:
  checked_files.py), the problems the scan found in it;
- per record of the model, the record as built and as redacted.

A later load reuses them for the files and the records that are unchanged, when the private
values and the contacts known are those of the last load; otherwise it scans and redacts
everything again. Each load still yields a model that is wholly checked and redacted, and
the same one a fresh load gives.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import Any

from .kept_results import TABLES
from .model import Portal
from .problems import Problem
from .yamlsource import YamlDocument


class KeptPrivacy:
    """The last load's scan per file and redaction per record; see the module's doc."""

    def __init__(self) -> None:
        # What the last scan knew (the contacts known, the private values), and the private
        # values of the last redaction: each checked against its own, as a scan may be skipped.
        self._scan_knew: tuple[frozenset[str], frozenset[str]] | None = None
        self._values: frozenset[str] | None = None
        # By the id of a document kept (with the document, so that the id is not reused).
        self._scans: dict[int, tuple[YamlDocument, list[Problem]]] = {}
        self._scanned: dict[int, tuple[YamlDocument, list[Problem]]] = {}
        self._records: dict[str, dict[Hashable, tuple[Any, Any]]] = {}  # per table: id -> (built, redacted)
        self.rescanned = 0  # files scanned again by the last load (for the tests)
        self.redone = 0  # records redacted again by the last load (for the tests)

    def start(self) -> None:
        """A load begins: count the files scanned and the records redacted again from here."""
        self.rescanned = self.redone = 0
        self._scanned = {}  # a load that stopped half way leaves none of its scans behind

    def scan(self, doc: YamlDocument, known: frozenset[str], private_values: frozenset[str],
             compute: Callable[[YamlDocument], list[Problem]]) -> list[Problem]:
        """`compute(doc)`, or its kept result when the file and what the scan knows are unchanged."""
        if (known, private_values) != self._scan_knew:
            self._scan_knew = (known, private_values)
            self._scans, self._scanned = {}, {}
        kept = self._scans.get(id(doc))
        if kept is None or kept[0] is not doc:
            kept = (doc, compute(doc))
            self.rescanned += 1
        self._scanned[id(doc)] = kept
        return kept[1]

    def end_scan(self) -> None:
        """A load's scan is done: keep the files it scanned (and only them)."""
        self._scans, self._scanned = self._scanned, {}

    def redacted(self, portal: Portal, private_values: frozenset[str],
                 redact: Callable[[Any], Any]) -> Portal:
        """`redact(portal)`, made record by record, reusing each record's kept redaction when
        the record is equal to the one redacted before and the private values are unchanged.
        `redact` walks a record as it would walk the whole model (privacy.map_texts), so the
        result is the one a walk of the whole model gives."""
        if private_values != self._values:
            self._records = {}
        self._values = private_values
        changes: dict[str, Any] = {}
        records: dict[str, dict[Hashable, tuple[Any, Any]]] = {}
        for name in TABLES:
            table = getattr(portal, name)
            kept = self._records.get(name, {})
            made = records[name] = {}
            items = enumerate(table) if isinstance(table, list) else table.items()
            new_items: list[tuple[Any, Any]] = []
            differs = False
            for key, record in items:
                old = kept.get(key)
                if old is not None and old[0] == record:
                    clean = old[1]
                else:
                    clean = redact(record)
                    self.redone += 1
                made[key] = (record, clean)
                # A table's keys are ids, which the checks refuse to hold a private value:
                # redacted as the walk of the whole model redacts them.
                new_key = key if isinstance(table, list) else redact(key)
                differs = differs or clean is not record or new_key is not key
                new_items.append((new_key, clean))
            if differs:
                changes[name] = [v for _, v in new_items] if isinstance(table, list) else dict(new_items)
        self._records = records
        return replace(portal, **changes) if changes else portal
