"""What every command is: its names, its help, its options, what it runs, and its exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..commands import CommandName
from ..errors import PortalError
from ..newsite.package import DISTRIBUTION  # the distribution that installs the `cotcan` console script

CONFIG_FILE = "mkdocs.yml"  # the site's configuration, beside its data folder


class CommandError(PortalError):
    """The command cannot be carried out as asked (a folder, an office, a year): exit code 2."""


@dataclass(frozen=True)
class Command:
    """One subcommand of `cotcan`."""

    names: CommandName
    # One line in the list of commands (`cotcan --help`).
    summary: str
    # What the command does, at the top of its own help.
    description: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def existing_data(folder: Path) -> Path:
    """The data folder, which must exist: a clear error names it otherwise."""
    if not folder.is_dir():
        raise CommandError(f"{folder}: không có thư mục dữ liệu này. Gợi ý: chạy lệnh trong thư mục của trang (nơi "
                           "có mkdocs.yml và thư mục data/), hoặc ghi rõ --data THƯ_MỤC.")
    return folder


def site_config_file(given: Path | None, data: Path) -> Path | None:
    """The site's mkdocs.yml: the file given, which must exist; else the one beside the data
    folder, if there is one (a folder of data alone has none)."""
    if given is None:
        beside = data.parent / CONFIG_FILE
        return beside if beside.is_file() else None
    if not given.is_file():
        raise CommandError(f"{given}: không có tệp cấu hình này. Gợi ý: ghi đúng đường dẫn tới {CONFIG_FILE} của "
                           "trang, hoặc bỏ --config-file để dùng tệp cạnh thư mục dữ liệu.")
    return given


def installed_version() -> str:
    """The installed package's version, or a word saying it is not installed."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "chưa cài đặt"
