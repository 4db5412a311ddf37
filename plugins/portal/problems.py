"""Problems found in the data, and how they are shown to an office clerk."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .errors import PortalError

Severity = Literal["error", "warning"]
KeyPath = tuple[str | int, ...]


def printable(text: str) -> str:
    """`text` safe for a terminal: a control character (an escape sequence, a newline in a
    key) is written as its code, so a report cannot be garbled or forged by the data."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def format_path(path: KeyPath) -> str:
    """`("bodies", 3, "members", 5)` -> `bodies[3].members[5]` (0-based, as in YAML tools)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, with everything a clerk needs to fix it."""

    file: str
    line: int | None
    path: str
    message: str
    expected: str | None = None
    actual: str | None = None
    hint: str | None = None
    severity: Severity = "error"

    def format(self, above: Problem | None = None) -> str:
        """The problem's block. What it expects and hints that the block `above` it says
        already is written "như trên" (as above): a table whose every row breaks one rule
        gives the long hint once, not once a row."""
        where = self.file if self.line is None else f"{self.file}, dòng {self.line}"
        label = "LỖI" if self.severity == "error" else "CẢNH BÁO"
        head = f"{label} {where}"
        if self.path:
            head += f", mục {self.path}"
        lines = [f"{head}: {self.message}"]
        if self.expected is not None:
            lines.append(f"    cần: {_AS_ABOVE if above and above.expected == self.expected else self.expected}")
        if self.actual is not None:
            lines.append(f"    nhận được: {self.actual}")
        if self.hint is not None:
            lines.append(f"    gợi ý: {_AS_ABOVE if above and above.hint == self.hint else self.hint}")
        return "\n".join(printable(line) for line in lines)

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line or 0, self.path, self.message)


_AS_ABOVE = "như trên"


def formatted(problems: Sequence[Problem]) -> list[str]:
    """Each problem's block, in order, each saying "như trên" for what the one above said."""
    return [p.format(problems[i - 1] if i else None) for i, p in enumerate(problems)]


class DataError(PortalError):
    """Raised when the data has errors: nothing may be built from it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(report(self.problems, summary_of=errors))


def nothing_published(in_data: bool = True, in_site: bool = False) -> str:
    """What a build (and the check, which says what a build would do) tells after an error in
    the data, in the site's own files (mkdocs.yml, the hand-written pages: site_checks), or both."""
    where = {(True, False): "Dữ liệu", (False, True): "Cấu hình và trang viết tay của trang",
             (True, True): "Dữ liệu, cấu hình và trang viết tay của trang"}[(in_data, in_site)]
    return f"{where} có lỗi nên không xuất bản trang nào. Sửa các lỗi trên rồi chạy lại."


NOTHING_PUBLISHED = nothing_published()


def report(problems: Iterable[Problem], summary_of: Sequence[Problem] | None = None,
           closing: str | None = NOTHING_PUBLISHED) -> str:
    """All problems, one block each, then a count, then `closing` when there is an error (the
    office's other commands say what they did instead: closing=None)."""
    problems = sorted(problems, key=Problem.sort_key)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    blocks = formatted(problems)
    blocks.append(f"{errors} lỗi, {warnings} cảnh báo.")
    if errors and closing:
        blocks.append(closing)
    return "\n\n".join(blocks)
