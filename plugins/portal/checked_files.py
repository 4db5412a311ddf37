"""The per-file part of a load, kept between loads: only a changed file is read and checked again.

Loading the data is reading each file (YAML), checking it against its schema, then
building the model and running the checks across records. The first two depend on the
file's bytes alone, and are most of a load at province scale (docs/benchmarks.md,
"Preview"): under `mkdocs serve` an edit changes one file of about a hundred. `CheckedFiles`
keeps, per data file, its bytes and what reading and checking them gave; a later load reads
every file's bytes (cheap) and parses and checks again only those whose bytes differ. The
model and the checks across records are then made from every file, as a full load makes
them, so the result (the model and every problem) is the same as a full load's.

Two loads hold the same data when each file has the same bytes, or, read, the same values
(`same_files`): a file saved back with Windows line endings, a byte order mark or a space
after a value (what Notepad does to a file whose edit was undone) reads as it did.

The documents kept are never changed by the loader (the model is built from them, the
checks read their lines), so one kept document may serve any number of loads. The privacy
scan and the redaction are kept with them (`privacy`: kept_privacy.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .kept_privacy import KeptPrivacy
from .validate import Validation, validate
from .yamlsource import ReadResult, parse_bytes, read_bytes


@dataclass(frozen=True)
class Checked:
    """One file read and checked against its schema."""

    read: ReadResult
    # None when there is nothing to check: the file could not be read or parsed, or is empty.
    validation: Validation | None


def read_and_check(data: bytes | ReadResult, shown_as: str, kind: str) -> Checked:
    """What the loader makes of one file's bytes (or of the failure to read them)."""
    read = data if isinstance(data, ReadResult) else parse_bytes(data, shown_as)
    if read.doc is None or read.doc.data is None:
        return Checked(read, None)
    return Checked(read, validate(read.doc, kind))


@dataclass(frozen=True)
class Kept:
    """One file as a load read it: its bytes, and what reading and checking them gave."""

    data: bytes
    checked: Checked


# Each file a load read, by (path, name shown, kind), as it read it (None: unreadable).
Contents = dict[tuple[Path, str, str], Kept | None]


def same_files(one: Contents, other: Contents) -> bool:
    """Whether two loads' files (CheckedFiles.contents) give the same model: the same files,
    each with the same bytes or read into the same values (see the module's docstring)."""
    return one.keys() == other.keys() and all(_same_file(one[key], other[key]) for key in one)


def _same_file(one: Kept | None, other: Kept | None) -> bool:
    if one is None or other is None:
        return one is other
    if one.data == other.data:
        return True
    a, b = one.checked.read, other.checked.read
    if a.doc is None or b.doc is None:  # not read: its bytes are all there is to compare
        return False
    # Every line where it stood (the problems name them), then the values: repr tells apart
    # what == does not (1, 1.0 and true; a date and its datetime), and the order of the keys.
    return (a.doc.lines == b.doc.lines and a.doc.written == b.doc.written and a.doc.broken == b.doc.broken
            and a.problems == b.problems and repr(a.doc.data) == repr(b.doc.data))


class CheckedFiles:
    """Each data file's bytes and what reading and checking them gave, from the last load."""

    def __init__(self) -> None:
        # By (path, name shown, kind): the same bytes read as another kind are checked anew.
        self._kept: dict[tuple[Path, str, str], Kept] = {}
        self._seen: set[tuple[Path, str, str]] = set()
        self.reread = 0  # files parsed and checked again by the last load (for the log and the tests)
        # Whether the last load found a file other than the load before it did (changed, added,
        # removed, unreadable): when not, it gave the same model (a second event of one save).
        self.changed = True
        # The privacy scan per file and the redaction per record, kept with the files they come from.
        self.privacy = KeptPrivacy()

    def check(self, path: Path, shown_as: str, kind: str, replaced: bytes | None = None) -> Checked:
        """The file read and checked, or kept; `replaced`: bytes read in place of the file's."""
        key = (path, shown_as, kind)
        self._seen.add(key)
        data = read_bytes(path, shown_as) if replaced is None else replaced
        if isinstance(data, ReadResult):  # unreadable: nothing to keep
            self._kept.pop(key, None)
            self.changed = True
            return read_and_check(data, shown_as, kind)
        kept = self._kept.get(key)
        if kept is not None and kept.data == data:
            return kept.checked
        self.reread += 1
        self.changed = True
        checked = read_and_check(data, shown_as, kind)
        self._kept[key] = Kept(data, checked)
        return checked

    def contents(self) -> Contents:
        """Each file the last load read, as it read it (None: unreadable): two loads whose
        contents are the same (`same_files`) give the same model, whatever was loaded between
        them. What is kept is shared, not copied: holding it costs only the files changed since."""
        return {key: self._kept.get(key) for key in self._seen}

    def start(self) -> None:
        """A load begins: count the files read again from here."""
        self._seen = set()
        self.reread = 0
        self.changed = False
        self.privacy.start()

    def finish(self) -> None:
        """A load ended: forget the files it did not see (removed, renamed, or left out)."""
        for key in self._kept.keys() - self._seen:
            del self._kept[key]
            self.changed = True
