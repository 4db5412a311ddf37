"""Write the planned changes into the data files, or nothing at all.

- Guarded: each file must still be what it was when it was read (its SHA-256, taken
  then, compared right before writing); another hand or editor may have changed it.
- Atomic: each file is written to a temporary file beside it and moved over it with
  `os.replace`, so that a file is either the old one or the new one, never half.
- Verified: each file is read back and must hold exactly the bytes intended.
- Checked: the checker runs on the whole data afterwards; if the import brought an
  error (trial.py: the same question the dry run asks), every file is put back as it was
  (a new file removed) and the errors reported. Ctrl+C while writing or checking puts
  them back too, and says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Undone, os_reason
from ..problems import Problem
from .errors import RosterError
from .merge import FileChange, digest
from .trial import brought

# What Ctrl+C during an import left: the guard's line ends with it.
RESTORED = "đã trả lại các tệp như cũ, không ghi gì"


@dataclass
class Outcome:
    written: list[FileChange]
    errors: list[Problem]  # errors the import brought; the files were restored

    @property
    def applied(self) -> bool:
        return not self.errors


def write_atomic(path: Path, data: bytes) -> None:
    """`data` at `path`, whole or not at all: a temporary file beside it, then a rename."""
    temporary = path.with_name(f".{path.name}.nhap-{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _restore(changes: list[FileChange]) -> None:
    for change in reversed(changes):
        if change.old is None:
            change.path.unlink(missing_ok=True)
        else:
            write_atomic(change.path, change.old)


def _undo(written: list[FileChange], stop: BaseException) -> None:
    """Put the files back as they were; Ctrl+C is told so (the guard's line says it)."""
    _restore(written)
    if isinstance(stop, KeyboardInterrupt) and not isinstance(stop, Undone):
        raise Undone(RESTORED) from None


def apply_changes(changes: list[FileChange], check: Callable[[], list[Problem]], before: list[Problem]) -> Outcome:
    """Write every change (see the module's docstring). `check` loads and checks the
    data; an error it finds that was not among the problems `before` undoes the import."""
    for change in changes:
        if digest(_current(change.path)) != change.old_hash:
            raise RosterError(f"{change.shown}: tệp đã bị sửa từ lúc đọc (có lẽ trong một trình soạn thảo khác); "
                              "không ghi gì. Gợi ý: lưu tệp đó rồi chạy lại lệnh nhập.")
    written: list[FileChange] = []
    try:
        for change in changes:
            if digest(_current(change.path)) != change.old_hash:  # right before this write, too
                raise RosterError(f"{change.shown}: tệp vừa bị sửa trong lúc nhập; đã trả lại các tệp như cũ.")
            change.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(change.path, change.new)
            written.append(change)
            if _current(change.path) != change.new:
                raise RosterError(f"{change.shown}: đọc lại không đúng nội dung vừa ghi; đã trả lại các tệp như cũ.")
    except OSError as exc:
        _restore(written)
        raise RosterError(f"{change.shown}: không ghi được tệp ({os_reason(exc)}); đã trả lại "
                          "các tệp như cũ.") from None
    except BaseException as stop:
        _undo(written, stop)
        raise
    try:
        errors = brought(before, check()).errors
    except BaseException as stop:  # Ctrl+C during the check: nothing is left written unchecked
        _undo(written, stop)
        raise
    if errors:
        _restore(written)
        return Outcome([], errors)
    return Outcome(written, [])
