"""The commands printed for the clerk to paste (portal.commands.shell_line): each word read back
as it was by the shell of the machine the program runs on, a path absolute.

There is no Windows here: the line written for Windows is read back by models of its two
shells, written from their documented rules (cmd.exe then the C runtime every Windows program
splits its command line with; PowerShell's argument mode), and the platform is injected
(`commands.quoting`). The POSIX line is read back by shlex, a POSIX shell's rules.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import unicodedata
from pathlib import Path

import pytest

from portal import commands
from portal.commands import Shell

# cmd.exe's variables that the models expand (cmd.exe expands %NAME% of a set variable only).
CMD_VARIABLES = {"USERNAME": "lan", "PATH": r"C:\Windows"}


def runtime_words(line: str) -> list[str]:
    """A Windows program's command line as its C runtime splits it (CommandLineToArgvW): words
    at blanks outside double quotes; 2n backslashes before a quote are n and the quote opens or
    closes, 2n+1 are n and a literal quote; `""` inside quotes is a literal quote."""
    words: list[str] = []
    word: list[str] = []
    started = quoted = False
    i = 0
    while i < len(line):
        c = line[i]
        if c == "\\":
            n = len(line[i:]) - len(line[i:].lstrip("\\"))
            if line[i + n:i + n + 1] == '"':
                word.append("\\" * (n // 2) + ('"' if n % 2 else ""))
                i += n + 1 if n % 2 else n
            else:
                word.append("\\" * n)
                i += n
            started = True
        elif c == '"':
            if quoted and line[i + 1:i + 2] == '"':
                word.append('"')
                i += 2
                continue
            quoted, started = not quoted, True
            i += 1
        elif c in " \t" and not quoted:
            if started:
                words.append("".join(word))
            word, started = [], False
            i += 1
        else:
            word.append(c)
            started = True
            i += 1
    if started:
        words.append("".join(word))
    return words


def cmd_words(line: str) -> list[str]:
    """The words a program gets when `line` is pasted at cmd.exe's prompt: %NAME% of a set
    variable replaced, inside quotes too; outside double quotes (cmd.exe counts every `"`,
    backslash or not) & | < > ^ are cmd.exe's own, so none may be there; the rest is handed to
    the program, which splits it as runtime_words."""
    expanded = re.sub(r"%([^%]+)%", lambda m: CMD_VARIABLES.get(m.group(1).upper(), m.group()), line)
    quoted = False
    for c in expanded:
        if c == '"':
            quoted = not quoted
        else:
            assert quoted or c not in "&|<>^", f"cmd.exe reads {c!r} in {line}"
    return runtime_words(expanded)


# Characters PowerShell reads in a bare word of a command's arguments.
POWERSHELL_SPECIAL = set(",;(){}@#'\"$`&|<>“”„")
# What PowerShell takes for a double quote (its CharTraits.IsDoubleQuote): the typographic ones too.
POWERSHELL_QUOTES = '"“”„'


def powershell_words(line: str) -> list[str]:
    """The words a program gets when `line` is pasted at PowerShell's prompt (argument mode):
    words at blanks; a bare word may hold none of PowerShell's special characters; in double
    quotes the backtick escapes the next character, `""` is a quote, and a `$` that starts a
    variable or a subexpression would be replaced (so none may be there)."""
    words = []
    i = 0
    while i < len(line):
        if line[i] in " \t":
            i += 1
        elif line[i] in POWERSHELL_QUOTES:
            word = []
            i += 1
            while True:
                assert i < len(line), f"PowerShell waits for the closing quote of {line}"
                c = line[i]
                if c == "`":
                    word.append(line[i + 1])
                    i += 2
                elif c in POWERSHELL_QUOTES and line[i + 1:i + 2] and line[i + 1] in POWERSHELL_QUOTES:
                    word.append(c)
                    i += 2
                elif c in POWERSHELL_QUOTES:
                    i += 1
                    break
                else:
                    assert not (c == "$" and re.match(r"[\w{(?^$:]", line[i + 1:i + 2])), \
                        f"PowerShell expands {line[i:]}"
                    word.append(c)
                    i += 1
            assert line[i:i + 1] in ("", " "), f"a word glued after the quote in {line}"
            words.append("".join(word))
        else:
            bare = line[i:].split(" ", 1)[0]
            assert not set(bare) & POWERSHELL_SPECIAL, f"PowerShell reads {bare}"
            words.append(bare)
            i += len(bare)
    return words


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# Words a clerk's paths and values hold on Windows: every character a Windows file name may
# hold (all but < > : " / \ | ? *, which are separators or forbidden), but a backtick, a `$`
# before a name and the typographic double quotes “ ” „, which PowerShell alone reads
# (test_what_only_one_windows_shell_reads_back).
WINDOWS_WORDS = [
    "--office", "pgddt-dau-tieng", "2024-2025", "D:\\Văn bản\\ds 2026.xlsx", _nfd("D:\\Văn bản\\ds 2026.xlsx"),
    "C:\\Users\\Nguyễn Thị Lan\\Trang sở\\mkdocs.yml", "D:\\Lê's & Co\\ds.xlsx", "D:\\Chi phí $ 2026\\ds.xlsx",
"D:\\Tỷ lệ 100%, đạt 50% - %USERNAME\\ds.xlsx",
    "D:\\(bản sửa); {cũ} @lan #2 [a]=b+c~!^\\ds.xlsx", "C:\\", "D:\\văn bản\\", "",
]


@pytest.mark.parametrize("word", WINDOWS_WORDS)
def test_a_word_is_read_back_the_same_by_cmd_and_by_powershell(word: str) -> None:
    with commands.quoting(Shell.WINDOWS):
        line = commands.shell_line(commands.PROGRAM, "nhap", "--input", word)
    assert cmd_words(line) == ["cotcan", "nhap", "--input", word], line
    if line.endswith('\\"'):
        # A folder's last backslash is doubled for the C runtime; PowerShell, which hands the
        # program its words itself (PowerShell 7.3 and later), keeps both: the same folder.
        assert powershell_words(line) == ["cotcan", "nhap", "--input", word + "\\"], line
    else:
        assert powershell_words(line) == ["cotcan", "nhap", "--input", word], line


@pytest.mark.parametrize("word", [w for w in WINDOWS_WORDS if w])
def test_the_windows_line_agrees_with_the_standard_library(word: str) -> None:
    """subprocess.list2cmdline (the C runtime's rule) reads back the same words as ours."""
    with commands.quoting(Shell.WINDOWS):
        line = commands.shell_line("cotcan", word)
    assert runtime_words(subprocess.list2cmdline(["cotcan", word])) == runtime_words(line) == ["cotcan", word]


def test_what_only_one_windows_shell_reads_back() -> None:
    """The limits docs/commands.md states: PowerShell expands a `$` before a name, reads the
    backtick as its escape inside double quotes and “ ” „ as double quotes (review of 3
    December, D1: a file name Word proposed), so all are escaped with a backtick, which
    cmd.exe keeps; a double quote, which no Windows file name holds, is written as the C
    runtime reads it, which PowerShell does not."""
    powershell_only = "D:\\Dự toán$2026\\${x}$(y)$$ `A`\\Công văn “khẩn” „số 5”.docx"
    with commands.quoting(Shell.WINDOWS):
        escaped = commands.shell_line("cotcan", powershell_only)
        quote = commands.shell_line("cotcan", 'Tổ "Toán" 2026')
    assert powershell_words(escaped) == ["cotcan", powershell_only]
    assert cmd_words(escaped) == ["cotcan", "D:\\Dự toán`$2026\\`${x}`$(y)`$$ ``A``\\Công văn `“khẩn`” `„số 5`”.docx"]
    assert cmd_words(quote) == ["cotcan", 'Tổ "Toán" 2026']
    with pytest.raises(AssertionError):
        powershell_words(quote)


@pytest.mark.parametrize("word", [
    "../văn bản/ds 2026.xlsx", _nfd("../văn bản/ds 2026.xlsx"), "/home/lan/Lê's \"tổ\" & $HOME `x` 100%/ds.xlsx",
    "--office", "",
])
def test_a_word_is_read_back_the_same_by_a_posix_shell(word: str) -> None:
    with commands.quoting(Shell.POSIX):
        line = commands.shell_line("cotcan", "nhap", "--input", word)
    assert shlex.split(line) == ["cotcan", "nhap", "--input", word], line


@pytest.mark.parametrize("shell", list(Shell))
def test_a_path_is_printed_absolute(shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """office-cmds item 2: `-f ../trang/mkdocs.yml` was printed as typed; pasted in another
    folder it named another file. A path is printed absolute; text stays as it is."""
    (tmp_path / "nơi làm").mkdir()
    monkeypatch.chdir(tmp_path / "nơi làm")
    with commands.quoting(shell), commands.site_options("-f", Path("../trang sở/mkdocs.yml")):
        line = commands.IMPORT.line("--input", Path("văn bản/ds.xlsx"), "--office", "so-a")
    read = shlex.split(line) if shell is Shell.POSIX else cmd_words(line)
    assert read == ["cotcan", "nhap", "--input", str(tmp_path / "nơi làm/văn bản/ds.xlsx"), "--office", "so-a",
                    "-f", os.path.join(tmp_path, "trang sở/mkdocs.yml")]
