"""The names of the office's commands and their exit codes, in one place.

The command-line tool (`portal.cli`) registers them, and every message that tells the clerk
what to run next (the checker's hints, the new year's next steps, the importer's advice, a
new site's README) writes them through `CommandName.line`, so that renaming a command is
one edit here, and so that each carries the site options the clerk gave the running command
(`site_options`); any other command the clerk is told to copy (`cd` into a new site) through
`shell_line`, so that a path with spaces pastes back as one argument.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import IntEnum

# The console script ([project.scripts] in pyproject.toml): one program, one subcommand per step.
PROGRAM = "cotcan"


def shell_line(*words: str) -> str:
    """A command as a POSIX shell reads it back, word for word: each word quoted where the
    shell would split or expand it (`'../văn bản/ds 2026.xlsx'`), left bare otherwise."""
    return " ".join(shlex.quote(word) for word in words)


# The site options (`--data`, `-f`) of the command running, as the clerk gave them: a command
# printed for the clerk to run next names the same site, so that pasted in the same folder it
# works (a run from another folder names the site's data; without them the pasted command
# would look in the folder it is run from).
_SITE_OPTIONS: ContextVar[tuple[str, ...]] = ContextVar("site_options", default=())


@contextmanager
def site_options(*words: str) -> Iterator[None]:
    """Within this block, every command line printed for the clerk ends with `words`."""
    token = _SITE_OPTIONS.set(words)
    try:
        yield
    finally:
        _SITE_OPTIONS.reset(token)


@dataclass(frozen=True)
class CommandName:
    """A subcommand: the Vietnamese name the clerk types, and an English alias; whether it
    works on a site's data (takes `--data`, `-f`)."""

    name: str
    alias: str
    on_a_site: bool = True

    def line(self, *arguments: str) -> str:
        """The command as the clerk types it, e.g. `cotcan kiem-tra --draft`, quoted for the
        shell, with the site options of the command running (`site_options`)."""
        site = _SITE_OPTIONS.get() if self.on_a_site else ()
        return shell_line(PROGRAM, self.name, *arguments, *site)


CHECK = CommandName("kiem-tra", "check")
IMPORT = CommandName("nhap", "import")
DIFF = CommandName("so-sanh", "diff")
NEW_YEAR = CommandName("nam-moi", "new-year")
NEW_SITE = CommandName("tao-trang", "new-site", on_a_site=False)


class Exit(IntEnum):
    """Exit codes, the same for every command (docs/commands.md)."""

    OK = 0
    # The data, or a list to import, has errors: the report says which; nothing was written.
    DATA = 1
    # The command line, a file or a folder cannot be used (argparse's own errors too).
    USAGE = 2
    # A fault of the program itself: one line, never a traceback.
    UNEXPECTED = 3
    # Stopped with Ctrl+C (128 + SIGINT, as shells report it).
    INTERRUPTED = 130


# What each exit code tells the clerk (the help and a new site's README say it with these words).
EXIT_MEANINGS: dict[Exit, str] = {
    Exit.OK: "xong",
    Exit.DATA: "dữ liệu có lỗi (báo cáo ghi rõ tệp, dòng, mục; chưa ghi gì)",
    Exit.USAGE: "lệnh, tệp hoặc thư mục không dùng được",
    Exit.UNEXPECTED: "lỗi của chính chương trình (báo lại cho nhóm phát triển, kèm lệnh đã chạy)",
}


def exit_codes_text() -> str:
    """The exit codes in one Vietnamese sentence."""
    return "Mã thoát: " + "; ".join(f"{code.value} {meaning}" for code, meaning in EXIT_MEANINGS.items()) + "."
