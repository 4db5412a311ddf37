"""`cotcan`: one program for the office's routine, one subcommand per step.

    cotcan tao-trang | nam-moi | nhap | kiem-tra | so-sanh   (English aliases: new-site,
    new-year, import, check, diff)

Each subcommand is a `Command` in a module of its own; this module lists them, builds the
Vietnamese parser and runs the chosen one under the guard (no traceback, UTF-8 output).
"""

from __future__ import annotations

import argparse

from .. import commands
from ..commands import Exit, exit_codes_text
from . import check, diff, import_roster, new_site, new_year
from .arguments import HelpFormatter, Parser
from .command import Command, installed_version
from .guard import guarded, say

# In the order of the office's routine, as `cotcan --help` lists them.
COMMANDS: tuple[Command, ...] = (new_site.COMMAND, new_year.COMMAND, import_roster.COMMAND, check.COMMAND,
                                 diff.COMMAND)


def parser() -> argparse.ArgumentParser:
    top = Parser(prog=commands.PROGRAM,
                 description="Công cụ của văn phòng cho cổng thông tin tổ cốt cán: tạo trang, bắt đầu năm học, "
                             "nhập danh sách đã ký, kiểm tra dữ liệu, so sánh hai năm học.",
                 epilog=f"Xem hướng dẫn của từng lệnh: {commands.PROGRAM} LỆNH --help. {exit_codes_text()}")
    top.add_argument("--version", action="version", version=f"{commands.PROGRAM} {installed_version()}",
                     help="in số phiên bản rồi thoát")
    choices = top.add_subparsers(title="lệnh", dest="command", metavar="LỆNH")
    for command in COMMANDS:
        sub = choices.add_parser(command.names.name, aliases=[command.names.alias], help=command.summary,
                                 description=command.description, formatter_class=HelpFormatter)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run, parser=sub)
    return top


def run(argv: list[str] | None = None) -> int:
    """The program, once imported (`portal.cli.main` imports it): its exit code; never raises
    but SystemExit from argparse (--help, --version, a wrong command line)."""

    def chosen() -> int:
        top = parser()
        # Unknown options are refused by the command's own parser, so that the usage line
        # shown is the command's (argparse's parse_args would show the program's).
        args, unknown = top.parse_known_args(argv)
        if unknown:
            getattr(args, "parser", top).error(f"unrecognized arguments: {' '.join(unknown)}")
        if args.command is None:
            top.print_help()
            say(f"\nLỖI: thiếu LỆNH; chọn một trong: {', '.join(c.names.name for c in COMMANDS)}.")
            return Exit.USAGE
        # The site the clerk named, for the commands printed for them to run next (as paths:
        # printed absolute, so that they name it from any folder).
        site = [*(("--data", args.data) if getattr(args, "data", None) else ()),
                *(("-f", args.config_file) if getattr(args, "config_file", None) else ())]
        with commands.site_options(*site):
            code: int = args.run(args)
        return code

    return guarded(chosen)
