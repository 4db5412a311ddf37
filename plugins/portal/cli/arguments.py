"""argparse, speaking Vietnamese: help, usage lines and argparse's own error messages.

argparse writes its headings and errors in English through gettext, with no catalogue for
Vietnamese. The headings are set here (`cách dùng:`, `tùy chọn:`, `đối số:`), the help
option is our own, and every error argparse can raise for the options of these commands
is translated before it is shown. tests/test_cli.py scans the help of every command and
sets off each error for English left behind.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from ..dates import SchoolYear, school_year_fault


def _missing(match: re.Match[str]) -> str:
    """Options start with a dash; the rest are positional arguments (a folder, a command)."""
    names = match.group(1)
    what = "tùy chọn" if all(name.startswith("-") for name in names.split(", ")) else "đối số"
    return f"thiếu {what} bắt buộc: {names}"


# argparse's own English phrases, in Vietnamese (the clerk reads them). The first that
# matches the whole message wins: the specific ones come first.
_ERRORS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"the following arguments are required: (.*)"), _missing),
    (re.compile(r"one of the arguments (.*) is required"), r"cần một trong các tùy chọn: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"), r"\1: không có lựa chọn \2 (chọn \3)"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1: cần một giá trị sau tùy chọn này"),
    (re.compile(r"argument (\S+): expected at most one argument"), r"\1: chỉ nhận nhiều nhất một giá trị"),
    (re.compile(r"argument (\S+): expected at least one argument"), r"\1: cần ít nhất một giá trị"),
    (re.compile(r"argument (\S+): expected (\d+) arguments?"), r"\1: cần \2 giá trị"),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)"), r"\1: tùy chọn này không nhận giá trị (\2)"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"\1: không dùng cùng với \2"),
    (re.compile(r"argument (\S+): invalid \S+ value: (.*)"), r"\1: giá trị \2 không hợp lệ"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), r"tùy chọn \1 chưa rõ: có thể là \2"),
    (re.compile(r"unrecognized arguments: (.*)"), r"không hiểu tùy chọn: \1"),
    (re.compile(r"argument (\S+): (.*)"), r"\1: \2"),
]


def translate_error(message: str) -> str:
    """argparse's error `message`, in Vietnamese."""
    for pattern, replacement in _ERRORS:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, with the usage line in Vietnamese."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        # argparse passes prefix "" to compute a subcommand's name: only None means "the default".
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser whose every word the clerk reads is Vietnamese; subcommands'
    parsers are of this class too (argparse makes them with the parent's class)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "đối số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        """A wrong command line: the usage, one line of what is wrong, exit code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"LỖI: {translate_error(message)}\n")


def school_year(text: str) -> SchoolYear:
    """An option's value as a school year, e.g. 2024-2025."""
    year = SchoolYear.parse(text)
    if year is None:
        # Two years that are no school year (not consecutive, out of range) are told why; any other text, the shape.
        fault = school_year_fault(text) if re.fullmatch(r"\d{4}-\d{4}", text) else None
        raise argparse.ArgumentTypeError(fault or f"năm học '{text}' không đúng dạng, ví dụ 2024-2025")
    return year


# The office id every help gives as its example: one that has the shape of a real office's
# (`cotcan tao-trang`'s), not the sample data's, which an office's own site does not have.
OFFICE_EXAMPLE = "so-gddt-dien-bien"


def add_office_option(parser: argparse.ArgumentParser) -> None:
    """`--office`: the office a command works on, by its id in data/offices.yml."""
    parser.add_argument("--office", required=True, metavar="MÃ_ĐƠN_VỊ",
                        help=f"mã đơn vị (mục id trong offices.yml), ví dụ {OFFICE_EXAMPLE}")


def add_data_option(parser: argparse.ArgumentParser) -> None:
    """`--data` and `--config-file` (`-f`, as MkDocs names it): the folder of the YAML data,
    and the site's mkdocs.yml, whose `data_dir` is the data folder when --data is not given
    (command.site_folders)."""
    parser.add_argument("--data", type=Path, default=None, metavar="THƯ_MỤC",
                        help="thư mục dữ liệu (mặc định: data_dir của plugin portal trong mkdocs.yml, như khi dựng "
                             "trang; không có mkdocs.yml thì data trong thư mục hiện tại)")
    parser.add_argument("-f", "--config-file", type=Path, default=None, metavar="TỆP",
                        help="tệp cấu hình của trang (mặc định: mkdocs.yml cạnh thư mục --data, hoặc trong thư mục "
                             "hiện tại, nếu có)")
