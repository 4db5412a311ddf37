"""What an import brings to the data: the problems the checker finds once the files are
changed that it did not find before. One question, asked by the dry run and by --apply:

- the dry run (`try_changes`) asks it of the data as the import would leave it, with
  nothing written: every file is read from data/ but those the import changes, whose new
  bytes are read in their place (`load(..., overlay=...)`), so that each message names
  the file and the line as they will be after writing;
- --apply (apply.py) asks it of the files it wrote, and puts them back on an error.

Problems are compared by file and message, not by line: lines move when a file grows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..checked_files import CheckedFiles
from ..load import load
from ..problems import Problem
from .merge import FileChange


@dataclass(frozen=True)
class Brought:
    """The problems an import brings: errors make --apply refuse it; warnings do not."""

    errors: list[Problem]
    warnings: list[Problem]


def _counts(problems: list[Problem], severity: str) -> Counter[tuple[str, str]]:
    return Counter((p.file, p.message) for p in problems if p.severity == severity)


def _new(before: list[Problem], after: list[Problem], severity: str) -> list[Problem]:
    new = _counts(after, severity) - _counts(before, severity)
    return [p for p in after if p.severity == severity and (p.file, p.message) in new]


def brought(before: list[Problem], after: list[Problem]) -> Brought:
    """The problems of `after` (the data with the import) that `before` (without it) had not."""
    return Brought(_new(before, after, "error"), _new(before, after, "warning"))


def try_changes(changes: list[FileChange], data_dir: Path, before: list[Problem], *, draft: bool,
                kept: CheckedFiles | None = None) -> Brought:
    """What writing `changes` would bring to the data under `data_dir`, found without
    writing them; `before`, `draft` and `kept` as the data was loaded before the import."""
    overlay = {change.path.relative_to(data_dir): change.new for change in changes}
    return brought(before, load(data_dir, draft=draft, kept=kept, overlay=overlay)[1])
