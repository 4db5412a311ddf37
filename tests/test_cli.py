"""The office's command-line tool, `cotcan`: help and errors in Vietnamese, the documented exit
codes, never a traceback, UTF-8 on any console.

Which commands, options and exit codes there are is read from the program itself
(`portal.cli.app.COMMANDS`, each subcommand's parser, `Exit`), so that the next command or
option is held to the same rules without a change here.
"""

from __future__ import annotations

import argparse
import errno
import importlib.abc
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import types
from importlib import metadata
from pathlib import Path

import pytest
from cli_util import PINNED_PACKAGE, cotcan, cotcan_process
from test_commands import cmd_words, powershell_words
from test_pages import write_site
from test_site_file_cache import count_reads

from conftest import REPO
from portal import build_cache, commands, originals
from portal.cli import app, check, main
from portal.cli.arguments import school_year
from portal.cli.command import DISTRIBUTION
from portal.cli.guard import guarded
from portal.commands import Exit, Shell
from portal.load import load

# argparse's English, which must never reach the clerk (the brief's list, and the rest of
# argparse's own phrases).
ENGLISH = ("usage", "options", "positional arguments", "show this help", "error:", "required", "invalid",
           "expected", "unrecognized", "ambiguous", "argument", "choose from", "version number")


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text.lower()]


def subparsers() -> dict[str, argparse.ArgumentParser]:
    """Every subcommand's parser, by each of its names (Vietnamese and alias)."""
    [action] = [a for a in app.parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`cotcan ARGV` in this process: exit code (argparse's SystemExit included), output, errors."""
    try:
        code = main(list(argv))
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_is_registered_under_its_names() -> None:
    names = {value for value in vars(commands).values() if isinstance(value, commands.CommandName)}
    assert {command.names for command in app.COMMANDS} == names
    assert set(subparsers()) == {n.name for n in names} | {n.alias for n in names}


def test_the_help_of_the_program_and_of_every_command_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    helps = {"cotcan": run(capsys, "--help")}
    for name in subparsers():
        helps[name] = run(capsys, name, "--help")
    for name, (code, out, err) in helps.items():
        assert (code, err) == (0, ""), name
        assert out.startswith("cách dùng: cotcan"), name
        assert "tùy chọn:" in out, name
        assert english_in(out) == [], (name, out)
    for command in app.COMMANDS:
        assert command.description.split(":")[0] in " ".join(helps[command.names.name][1].split())
        assert helps[command.names.name][1] == helps[command.names.alias][1]
        assert command.names.name in helps["cotcan"][1] and command.names.alias in helps["cotcan"][1]


def test_no_help_gives_a_sample_office_s_id_as_its_example() -> None:
    """The helps' examples were the sample data's ids (pgddt-mau, so-gddt-mau), which an
    office's own site does not have: every example id has a real office's shape, the same
    in every command."""
    samples = {office.id for office in load(REPO / "data")[0].offices.values() if office.sample}
    assert samples
    helps = {name: parser.format_help() for name, parser in subparsers().items()}
    for name, text in helps.items():
        flat = " ".join(text.split())
        assert not [s for s in samples if re.search(rf"\b{re.escape(s)}\b", flat)], (name, flat)
        assert set(re.findall(r"ví dụ ((?:so|pgddt)-[a-z-]+)", flat.replace("- ", "-"))) <= {"so-gddt-dien-bien"}, name


def test_every_value_an_option_takes_is_named_in_vietnamese() -> None:
    """argparse names a value after the option in capitals (--office OFFICE): English."""
    for name, parser in subparsers().items():
        for action in parser._actions:
            if action.nargs == 0 or isinstance(action, argparse._HelpAction):
                continue
            assert action.metavar, (name, action.dest)
            assert action.metavar.upper() == action.metavar and action.metavar != action.dest.upper(), (
                name, action.metavar)
            assert action.help and english_in(action.help) == [], (name, action.help)


WRONG_COMMAND_LINES = [
    ((), "thiếu LỆNH; chọn một trong: tao-trang, nam-moi, nhap, kiem-tra, so-sanh."),
    (("khong-co",), "LỆNH: không có lựa chọn 'khong-co' (chọn 'tao-trang', 'new-site',"),
    (("so-sanh",), "thiếu tùy chọn bắt buộc: --office"),
    (("tao-trang", "--office", "x", "--name", "y"), "thiếu đối số bắt buộc: THƯ_MỤC"),
    (("so-sanh", "--office"), "--office: cần một giá trị sau tùy chọn này"),
    (("so-sanh", "--office", "x", "--from", "2024"), "--from: năm học '2024' không đúng dạng, ví dụ 2024-2025"),
    (("nam-moi", "--office", "x", "--to", "2025-2027"), "--to: năm học 2025-2027 không phải hai năm liền nhau."),
    # The right shape but out of range: the message says the range, not "wrong shape".
    (("nam-moi", "--office", "x", "--to", "2100-2101"),
     "--to: năm học 2100-2101 nằm ngoài khoảng dữ liệu nhận (từ 1945-1946 đến 2099-2100)."),
    (("kiem-tra", "--khong-co"), "không hiểu tùy chọn: --khong-co"),
    (("kiem-tra", "--d"), "tùy chọn --d chưa rõ: có thể là --data, --draft"),
    (("nhap", "--office", "x", "--input", "a", "--format", "doc"), "--format: không có lựa chọn 'doc'"),
    (("kiem-tra", "--draft=1"), "--draft: tùy chọn này không nhận giá trị ('1')"),
    (("tao-trang", "x", "--office", "x", "--name", "y", "--kind", "xa"), "--kind: không có lựa chọn 'xa'"),
]


@pytest.mark.parametrize(("argv", "message"), WRONG_COMMAND_LINES,
                         ids=[" ".join(argv) or "nothing" for argv, _ in WRONG_COMMAND_LINES])
def test_a_wrong_command_line_says_what_is_wrong_in_vietnamese(capsys: pytest.CaptureFixture[str],
                                                                argv: tuple[str, ...], message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == Exit.USAGE
    last = err.rstrip("\n").splitlines()[-1]
    assert last.startswith("LỖI: ") and message in last, err
    assert "cách dùng: cotcan" in out + err
    if argv and argv[0] in subparsers():  # the usage line of the command that was given
        assert f"cách dùng: cotcan {argv[0]}" in out + err, err
    assert english_in(err) == [] and "Traceback" not in err


# Each command that reads the data, with what it needs besides: a new one fails the first test
# below until it is added here.
NEEDS = {
    "kiem-tra": (),
    "so-sanh": ("--office", "pgddt-mau"),
    "nam-moi": ("--office", "pgddt-mau"),
    "nhap": ("--office", "pgddt-mau", "--input", str(REPO / "tests" / "fixtures" / "import" / "dbp-2024-cbql.tsv")),
}


def test_every_command_that_reads_the_data_refuses_a_missing_folder(tmp_path: Path) -> None:
    reading = {name for name, parser in subparsers().items() if "--data" in parser._option_string_actions}
    assert reading == set(NEEDS) | {app_alias(name) for name in NEEDS}
    for name, needs in NEEDS.items():
        done = cotcan(name, *needs, cwd=tmp_path)  # no data/ here: the default is the current folder's
        assert done.returncode == Exit.USAGE, (name, done.stdout, done.stderr)
        assert done.stderr.startswith("LỖI data: không có thư mục dữ liệu này."), done.stderr
        assert "--data THƯ_MỤC" in done.stderr and "Traceback" not in done.stderr


def app_alias(name: str) -> str:
    return next(c.names.alias for c in app.COMMANDS if c.names.name == name)


def test_an_unknown_office_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    before = sorted(str(path) for path in (REPO / "data").rglob("*"))
    for name in ("so-sanh", "nam-moi", "nhap"):
        args = [a if a != "pgddt-mau" else "pgddt-dien-bienphu" for a in NEEDS[name]]
        done = cotcan(name, *args, "--data", str(REPO / "data"))
        assert done.returncode == Exit.USAGE, (name, done.stderr)
        assert "pgddt-dien-bienphu" in done.stderr and "Traceback" not in done.stderr
    assert sorted(str(path) for path in (REPO / "data").rglob("*")) == before


@pytest.mark.parametrize("name", ["so-sanh", "nam-moi", "nhap"])
def test_an_unknown_office_is_an_error_naming_the_nearest_ids_or_those_there_are(name: str) -> None:
    """`cotcan so-sanh --office khong-co` said `Không có đơn vị nào mang mã 'khong-co'.`, with no
    `LỖI` and no id to choose: every command says it as the importer did, with the ids."""
    ids = sorted(load(REPO / "data")[0].offices)
    for asked, told in (("pgddt-mauu", "Có phải: pgddt-mau, "), ("khong-co", f"Các mã đơn vị đang có: {ids[0]}, ")):
        args = [a if a != "pgddt-mau" else asked for a in NEEDS[name]]
        done = cotcan(name, *args, "--data", str(REPO / "data"))
        assert done.returncode == Exit.USAGE, (name, done.stderr)
        assert done.stderr.startswith(f"LỖI không có đơn vị nào mang mã '{asked}'. {told}"), (name, done.stderr)


def test_data_with_an_error_stops_every_command_and_only_the_check_speaks_of_publishing(tmp_path: Path) -> None:
    """Every command that reads the data stops on an error with the report; the closing line
    "không xuất bản trang nào" is the build's (and the check's, which says what a build would
    do), not that of a command that publishes nothing anyway."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    offices = data / "offices.yml"
    offices.write_text(offices.read_text(encoding="utf-8").replace("parent: ubnd-tp-dien-bien-phu",
                                                                   "parent: ubnd-tp-dien-bien-phuu"), encoding="utf-8")
    for name, needs in NEEDS.items():
        done = cotcan(name, *needs, "--data", str(data))
        assert done.returncode == Exit.DATA, (name, done.stdout, done.stderr)
        shown = done.stdout + done.stderr
        assert "ubnd-tp-dien-bien-phuu" in shown and "Traceback" not in shown, (name, shown)
        assert ("không xuất bản trang nào" in shown) == (name == "kiem-tra"), (name, shown)


def test_every_school_year_option_refuses_a_wrong_year(capsys: pytest.CaptureFixture[str]) -> None:
    taking_a_year = [(name, option) for name, parser in subparsers().items()
                     for option, action in parser._option_string_actions.items() if action.type is school_year]
    assert {name for name, _ in taking_a_year} >= {"so-sanh", "nam-moi", "nhap", "tao-trang"}
    for name, option in taking_a_year:
        code, _, err = run(capsys, name, option, "2024/2025")
        assert code == Exit.USAGE
        assert f"LỖI: {option}: năm học '2024/2025' không đúng dạng, ví dụ 2024-2025" in err


def test_a_fault_of_the_program_is_one_line_and_exit_code_3(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("hỏng")

    monkeypatch.setattr(check, "load", broken)
    code, out, err = run(capsys, "kiem-tra", "--data", str(REPO / "data"))
    assert (code, out) == (Exit.UNEXPECTED, "")
    assert err == ("Lỗi không mong đợi của chương trình: RuntimeError: hỏng. Hãy báo lại cho người phát triển, "
                   "kèm lệnh đã chạy.\n")


@pytest.mark.parametrize(("raised", "code", "said"), [
    (PermissionError(errno.EACCES, "Permission denied", "data/offices.yml"), Exit.USAGE,
     "LỖI data/offices.yml: không có quyền đọc hoặc ghi; kiểm tra quyền của thư mục.\n"),
    (OSError(errno.ENOSPC, "No space left on device"), Exit.USAGE,
     "LỖI ổ đĩa đã đầy; giải phóng chỗ trống rồi chạy lại.\n"),
    (KeyboardInterrupt(), Exit.INTERRUPTED, "Đã dừng theo yêu cầu (Ctrl+C).\n"),
    (BrokenPipeError(errno.EPIPE, "Broken pipe"), Exit.OK, ""),
])
def test_the_guard_turns_every_failure_into_its_exit_code(capsys: pytest.CaptureFixture[str],
                                                          raised: BaseException, code: int, said: str) -> None:
    def command() -> int:
        raise raised

    assert guarded(command) == code
    out, err = capsys.readouterr()
    assert (out, err) == ("", said)
    assert "Permission denied" not in err and "No space" not in err


def test_every_exit_code_is_documented() -> None:
    documented = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")
    for code in Exit:
        assert re.search(rf"^\| {code.value} \|", documented, re.M), code


def test_the_installed_console_script_runs_the_program(tmp_path: Path) -> None:
    """What `pip install` put beside this interpreter, not `python -m`."""
    script = Path(sys.executable).parent / commands.PROGRAM
    assert script.is_file(), f"{script}: run pip install -e . again (pyproject.toml's [project.scripts])"
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True, encoding="utf-8")
    assert (version.returncode, version.stdout) == (0, f"cotcan {metadata.version(DISTRIBUTION)}\n")
    by_alias = subprocess.run([str(script), "check", "--data", str(REPO / "data")], capture_output=True,
                              text=True, encoding="utf-8", cwd=tmp_path)
    assert by_alias.returncode == 0, by_alias.stderr
    assert by_alias.stdout.endswith("0 lỗi, 0 cảnh báo.\n")


def test_vietnamese_reaches_a_console_that_is_not_utf8(tmp_path: Path) -> None:
    """A Windows code page or a pipe with no locale: the marks arrive as UTF-8, not as '?'
    and not as an encoding error. Run for real, in a fresh interpreter, as the installed
    console script below: the other tests call `main` in this process."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C"}
    env.pop("PYTHONUTF8", None)
    helped = cotcan_process("kiem-tra", "--help", env=env)
    assert helped.returncode == 0 and "kiểm tra nháp" in helped.stdout
    refused = cotcan_process("kiem-tra", cwd=tmp_path, env=env)
    assert refused.returncode == Exit.USAGE and "không có thư mục dữ liệu này" in refused.stderr


def test_every_command_reads_the_data_folder_the_site_s_mkdocs_yml_names(tmp_path: Path) -> None:
    """With `data_dir: du-lieu` in mkdocs.yml, cotcan read ./data (exit 2, or passed on an old
    copy of data/ while the build failed on du-lieu), even with -f: every command that takes
    --data reads the folder the build reads, from the site's folder and, with -f, from any
    other; --data that differs from it is said."""
    site = tmp_path / "Sở GD Điện Biên" / "trang sở"
    shutil.copytree(REPO / "data", site / "data")  # an old copy, without the error
    shutil.copytree(REPO / "data", site / "du-lieu")
    offices = site / "du-lieu" / "offices.yml"
    offices.write_text(offices.read_text(encoding="utf-8").replace("parent: ubnd-tp-dien-bien-phu",
                                                                   "parent: ubnd-tp-dien-bien-phuu"), encoding="utf-8")
    (site / "mkdocs.yml").write_text("site_name: Tổ cốt cán\nplugins:\n  - portal:\n      data_dir: du-lieu\n",
                                     encoding="utf-8")
    (site / "docs").mkdir()
    elsewhere = tmp_path / "nơi khác"
    elsewhere.mkdir()
    for name, needs in NEEDS.items():
        for done in (cotcan(name, *needs, cwd=site),
                     cotcan(name, *needs, "-f", str(site / "mkdocs.yml"), cwd=elsewhere)):
            shown = done.stdout + done.stderr
            assert done.returncode == Exit.DATA, (name, shown)
            assert "LỖI du-lieu/offices.yml" in shown and "ubnd-tp-dien-bien-phuu" in shown, (name, shown)
    told = cotcan("kiem-tra", "--data", "data", cwd=site)
    assert told.returncode == Exit.OK, told.stdout
    assert told.stderr.startswith("CẢNH BÁO: --data data khác thư mục dữ liệu mà mkdocs.yml ghi (data_dir: du-lieu)")


# How each shell reads a printed line back (tests/test_commands.py: Windows' two, by models).
READ_BACK = {Shell.POSIX: [shlex.split], Shell.WINDOWS: [cmd_words, powershell_words]}


@pytest.mark.parametrize("shell", list(Shell))
def test_the_commands_printed_to_copy_paste_back_as_the_same_words(tmp_path: Path, shell: Shell) -> None:
    """`cd trang sở; …` and `--input ../văn bản/ds 2026.xlsx` were printed as they are: pasted,
    the shell split them (`LỖI: không hiểu tùy chọn: bản/ds 2026.xlsx`); then quoted for a POSIX
    shell only, which cmd.exe does not read (office-cmds item 1). Every word is quoted as the
    shell of the machine needs, a path absolute (item 2); read back by that shell's rules
    (cmd.exe's and PowerShell's on Windows), each is the path given, from any folder."""
    work = tmp_path / "Sở GD Điện Biên"
    (tmp_path / "văn bản").mkdir()
    work.mkdir()
    with commands.quoting(shell):
        made = cotcan("tao-trang", "trang sở", "--office", "so-a", "--name", "Sở Giáo dục và Đào tạo tỉnh A",
                      *PINNED_PACKAGE, cwd=work)
        workbook = "../văn bản/ds 2026 (bản sửa).xlsx"
        done = cotcan("nhap", "--office", "pgddt-mau", "--workbook", workbook, "--data", str(REPO / "data"), cwd=work)
    assert made.returncode == 0, made.stderr
    assert done.returncode == 0, done.stderr
    cd = re.search(r"^  1\. ((?:cd|pushd) .*); cài phần mềm", made.stdout, re.MULTILINE)
    printed = re.search(r"cotcan nhap .*? --data \S+", done.stdout)  # the first of the commands it names
    assert cd is not None and printed is not None, made.stdout + done.stdout
    for read in READ_BACK[shell]:
        # pushd on Windows: cmd.exe's cd leaves the drive as it is (review D3)
        assert read(cd.group(1)) == ["pushd" if shell is Shell.WINDOWS else "cd", str(work / "trang sở")]
        words = read(printed.group())
        assert words[words.index("--input") + 1] == str(tmp_path / "văn bản/ds 2026 (bản sửa).xlsx")
        assert (work / workbook).is_file()


class _InterruptedImport(importlib.abc.MetaPathFinder):
    """Ctrl+C while Python imports the program's commands (their quarter second)."""

    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == "portal.cli.app":
            raise KeyboardInterrupt
        return None


def test_ctrl_c_while_the_commands_are_imported_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """portal.cli imported every command module before the guard took over: Ctrl+C in the
    first quarter second printed a traceback. The console script's `main` imports them inside."""
    monkeypatch.delitem(sys.modules, "portal.cli.app")
    monkeypatch.setattr(sys, "meta_path", [_InterruptedImport(), *sys.meta_path])
    code, out, err = run(capsys, "kiem-tra", "--data", str(REPO / "data"))
    assert (code, out, err) == (Exit.INTERRUPTED, "", "Đã dừng theo yêu cầu (Ctrl+C).\n")


# The installed console script's own lines (pip writes them), after a line saying the
# interpreter is up: Python's own start, with this machine's .pth files, is not the program's.
_CONSOLE_SCRIPT = "import sys; print('ready', flush=True); from portal.cli import main; sys.exit(main())"


@pytest.mark.parametrize("ready", [False, True], ids=["at-once", "0.1s-into-the-program"])
def test_ctrl_c_at_once_never_shows_a_traceback(ready: bool) -> None:
    """SIGINT to a fresh `cotcan` at once, and 0.1 s into the program (while it imports its
    commands): it dies before Python has started, or says one line with exit 130 (or, as
    Python may end a process that had Ctrl+C, the signal's own status)."""
    started = subprocess.Popen([sys.executable, "-c", _CONSOLE_SCRIPT, "kiem-tra", "--data", str(REPO / "data")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    if ready:
        assert started.stdout is not None and started.stdout.readline() == "ready\n"
        time.sleep(0.1)
    started.send_signal(signal.SIGINT)
    _, err = started.communicate(timeout=600)
    assert "Traceback" not in err
    told = err == "Đã dừng theo yêu cầu (Ctrl+C).\n"
    assert (started.returncode, err) == (-signal.SIGINT, "") or (
        told and started.returncode in (Exit.INTERRUPTED, -signal.SIGINT)), (started.returncode, err)
    if ready:
        assert told


def test_a_command_printed_after_a_run_from_another_folder_names_the_same_site(tmp_path: Path) -> None:
    """mend3-office item 6: a run with -f from another folder printed `cotcan nhap … --input …`
    without -f, which pasted there said "không có thư mục dữ liệu này"."""
    site = tmp_path / "trang sở"
    shutil.copytree(REPO / "data", site / "data")
    (site / "mkdocs.yml").write_text("site_name: Tổ cốt cán\nplugins:\n  - portal\n", encoding="utf-8")
    elsewhere = tmp_path / "văn bản"
    elsewhere.mkdir()
    config = os.path.relpath(site / "mkdocs.yml", elsewhere)
    done = cotcan("nhap", "--office", "so-gddt-mau", "--workbook", "ds.xlsx", "-f", config, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    printed = re.search(r"(cotcan nhap .*)\.$", done.stdout.strip())
    assert printed is not None, done.stdout
    words = shlex.split(printed.group(1))
    assert words[-2:] == ["-f", str(site / "mkdocs.yml")]
    # Pasted in yet another folder, it reads the site's data (this workbook is for the year
    # after the one it copies, not started yet: told so, with the commands to run, again
    # naming the site).
    pasted = cotcan(*words[1:], cwd=tmp_path)
    assert pasted.returncode == 2 and "không có thư mục dữ liệu này" not in pasted.stderr, pasted.stderr
    assert "bảng là danh sách năm học 2026-2027" in pasted.stderr, pasted.stderr
    assert f"(cotcan nam-moi --office so-gddt-mau -f {shlex.quote(str(site / 'mkdocs.yml'))})" in pasted.stderr


def test_the_draft_check_a_placeholder_error_names_carries_the_site_options(tmp_path: Path) -> None:
    """The placeholder errors say that only `cotcan kiem-tra --draft` accepts them: the phrase
    was made when the module was imported, so that it never named the site the clerk gave
    (`--data`), and pasted in another folder it looked for ./data (review of 3 December, D2)."""
    made = cotcan("tao-trang", "trang sở", "--office", "so-a", "--name", "Sở Giáo dục và Đào tạo tỉnh A",
                  *PINNED_PACKAGE, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    elsewhere = tmp_path / "văn bản"
    elsewhere.mkdir()
    told = cotcan("kiem-tra", "--data", "../trang sở/data", cwd=elsewhere)
    assert told.returncode == Exit.DATA, told.stdout + told.stderr
    hinted = re.findall(r"\((cotcan kiem-tra --draft[^)]*)\)", told.stdout + told.stderr)
    assert hinted, told.stdout + told.stderr
    for line in hinted:
        assert shlex.split(line) == ["cotcan", "kiem-tra", "--draft", "--data", str(tmp_path / "trang sở" / "data")]


def test_kiem_tra_refuses_a_cache_folder_the_build_would_refuse_and_writes_nothing_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """kiem-tra keeps its verdicts on the originals in the build's cache: inside the site's pages
    (or site_dir) it wrote entries the next build published. It says what the build says."""
    monkeypatch.setattr(originals, "CHECKED", originals.CheckedOriginals())  # kiem-tra sets its folder
    site = write_site(tmp_path / "trang")
    for inside in (site / "content/cache", site / "site/cache"):
        monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, str(inside))
        told = cotcan("kiem-tra", cwd=site)
        assert told.returncode == Exit.DATA, told.stdout
        assert f"LỖI {build_cache.ENVIRONMENT_VARIABLE}: Thư mục bộ nhớ đệm (cache) {inside}" in told.stdout
        assert not inside.exists()
    monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    assert cotcan("kiem-tra", cwd=site).returncode == Exit.OK


def _disk_full_entries(**where: str) -> tuple[int, str]:
    """tempfile.mkstemp(dir=, prefix=) for the cache, on a full disk: its file is made, writing to it
    fails (ENOSPC)."""
    path = Path(where["dir"]) / f"{where['prefix']}full"
    path.touch()
    return os.open("/dev/full", os.O_WRONLY), str(path)


def test_kiem_tra_says_the_same_whatever_cache_it_cannot_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """kiem-tra writes its verdicts on the originals to the cache: one it cannot write (its
    folder's parent a file, a full disk, a read-only folder) makes it slower, nothing else."""
    reads = count_reads(monkeypatch)

    def run() -> tuple[int, str, str, int]:
        monkeypatch.setattr(originals, "CHECKED", originals.CheckedOriginals())  # a new process's
        reads.clear()
        told = cotcan("kiem-tra")
        return told.returncode, told.stdout, told.stderr, reads.total()  # files read for what they hold

    monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, "")
    without = run()
    assert without[0] == Exit.OK and without[3] > 0, without  # a file is checked: the cache is tried
    (tmp_path / "file").write_text("a file where a folder would be", encoding="utf-8")
    monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, str(tmp_path / "file/cache"))
    assert run() == without
    read_only = tmp_path / "read-only"
    read_only.mkdir(mode=0o500)
    monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, str(read_only))
    assert run() == without  # (under root, which may write there, an ordinary cache)
    monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, str(tmp_path / "full"))
    monkeypatch.setattr(build_cache, "tempfile", types.SimpleNamespace(mkstemp=_disk_full_entries))
    assert run() == without
    assert run() == without  # nothing kept: read again
    assert [path.name for path in (tmp_path / "full").rglob("*") if path.is_file()] == []
