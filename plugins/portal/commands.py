"""The names of the office's commands and their exit codes, in one place.

The command-line tool (`portal.cli`) registers them, and every message that tells the clerk
what to run next (the checker's hints, the new year's next steps, the importer's advice, a
new site's README) writes them through `CommandName.line`, so that renaming a command is
one edit here, and so that each carries the site options the clerk gave the running command
(`site_options`); any other command the clerk is told to copy (`cd` into a new site) through
`shell_line`. Both write each word as the shell of the machine they run on reads it back
(`Shell`: a POSIX shell, or on Windows cmd.exe and PowerShell), and a path absolute, so that
the line pastes back as the same words in any folder.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import Enum, IntEnum

# The console script ([project.scripts] in pyproject.toml): one program, one subcommand per step.
PROGRAM = "cotcan"

# A word of a command line: text as it is, or a path (written absolute).
Word = str | os.PathLike[str]


class Shell(Enum):
    """The shells a printed command is written for."""

    POSIX = "posix"  # sh, bash, zsh: Linux, macOS
    WINDOWS = "windows"  # cmd.exe and PowerShell, which a clerk on Windows opens alike


# The shell of the machine the program runs on; another within `quoting` (a new site's README,
# which every machine reads; tests, which have no Windows).
_SHELL: ContextVar[Shell] = ContextVar("shell", default=Shell.WINDOWS if os.name == "nt" else Shell.POSIX)


@contextmanager
def quoting(shell: Shell) -> Iterator[None]:
    """Within this block, every command line is written for `shell`."""
    token = _SHELL.set(shell)
    try:
        yield
    finally:
        _SHELL.reset(token)


def shell_line(*words: Word) -> str:
    """A command as the shell it is written for (`quoting`; by default this machine's) reads
    it back, word for word: each word quoted where the shell would split or expand it, left
    bare otherwise; a path absolute, so that the line works pasted in any folder."""
    shell = _SHELL.get()
    return " ".join(shell_word(os.path.abspath(w) if isinstance(w, os.PathLike) else w, shell) for w in words)


def change_folder_line(folder: os.PathLike[str]) -> str:
    """The command that makes `folder` the current one: `cd` in a POSIX shell; `pushd` on
    Windows, which changes the drive too in cmd.exe (where `cd D:\\trang` from C: does not,
    and `cd /d`, which does, PowerShell refuses) as in PowerShell."""
    return shell_line("pushd" if _SHELL.get() is Shell.WINDOWS else "cd", folder)


# What a word may hold bare on Windows: letters (Vietnamese too) and digits, and the marks of a
# path or an option, none of which cmd.exe or PowerShell reads as syntax (PowerShell gives
# a meaning to , ; ( ) { } @ # ' $ ` in a bare word, cmd.exe to & | < > ^ %).
_WINDOWS_BARE = re.compile(r"[\w.:/\\-]+")
# Backslashes before a double quote, or at the end of a word put in double quotes.
_BEFORE_QUOTE = re.compile(r'(\\*)("|$)')
# What PowerShell still reads inside double quotes: its escape, the backtick; a `$` that
# starts a variable or a subexpression (`$tên`, `$2026`, `${…}`, `$(…)`, `$$`, `$?`, `$^`,
# `$:`); any other `$` (`$ 2026`, a last `$`) it keeps, as cmd.exe does; and the typographic
# double quotes, which it takes for `"` (Word proposes a document's first line as its file
# name, “ ” and all).
_POWERSHELL_EXPANDS = re.compile(r"[`“”„]|\$(?=[\w{(?^$:])")


def shell_word(word: str, shell: Shell) -> str:
    """`word` as `shell` reads it back. POSIX: in single quotes when needed (shlex.quote:
    `'../văn bản/ds 2026.xlsx'`). Windows: in double quotes when needed, which cmd.exe and
    PowerShell both take as one word (`"D:\\Văn bản\\ds 2026.xlsx"`): backslashes and a `"` as
    every Windows program's C runtime reads them back (subprocess.list2cmdline's rule); what
    PowerShell would expand there escaped with its backtick (cmd.exe, which has no such escape,
    keeps it: docs/commands.md)."""
    if shell is Shell.POSIX:
        return shlex.quote(word)
    if _WINDOWS_BARE.fullmatch(word):
        return word
    runtime = _BEFORE_QUOTE.sub(lambda m: m.group(1) * 2 + ('\\"' if m.group(2) else ""), word)
    return '"' + _POWERSHELL_EXPANDS.sub(lambda m: "`" + m.group(), runtime) + '"'


# The site options (`--data`, `-f`) of the command running, as the clerk gave them: a command
# printed for the clerk to run next names the same site, so that pasted in the same folder it
# works (a run from another folder names the site's data; without them the pasted command
# would look in the folder it is run from).
_SITE_OPTIONS: ContextVar[tuple[Word, ...]] = ContextVar("site_options", default=())


@contextmanager
def site_options(*words: Word) -> Iterator[None]:
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

    def line(self, *arguments: Word) -> str:
        """The command as the clerk types it, e.g. `cotcan kiem-tra --draft`, quoted for the
        shell (`shell_line`: a path absolute), with the site options of the command running
        (`site_options`)."""
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
