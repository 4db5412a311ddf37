"""What every command is: its names, its help, its options, what it runs, and its exit codes."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..commands import CommandName
from ..errors import PortalError
from ..newsite.package import DISTRIBUTION  # the distribution that installs the `cotcan` console script
from ..problems import Problem
from ..site_config import DEFAULT_DATA_DIR, PLUGIN, SiteConfig, configured_data_dir, read_site_config
from .guard import say

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


@dataclass(frozen=True)
class Site:
    """The folders a command works on: the data folder, and the site's mkdocs.yml if any,
    read once: its settings (None when it cannot be read) and what reading it met."""

    data: Path
    config_file: Path | None
    config: SiteConfig | None
    config_read: tuple[Problem, ...]


def site_folders(data: Path | None, config_file: Path | None) -> Site:
    """The data folder and mkdocs.yml a command works on, from --data and -f (None when not
    given). mkdocs.yml: the file -f names, which must exist; else the one beside --data, or
    ./mkdocs.yml; none when there is no such file (a folder of data alone). The data folder:
    --data; else the `data_dir` of that mkdocs.yml, as the build reads it; else ./data. Both
    given and naming different folders: a warning, and --data is used."""
    config = _site_config_file(config_file, data)
    read, read_problems = read_site_config(config) if config is not None else (None, [])
    configured = configured_data_dir(read) if read is not None else None
    if data is None:
        if config is not None and configured is None:
            say(f"CẢNH BÁO {config}: không đọc được thư mục dữ liệu (data_dir của plugin {PLUGIN}); dùng "
                f"{config.parent / DEFAULT_DATA_DIR}. Gợi ý: sửa {CONFIG_FILE}, hoặc ghi rõ --data THƯ_MỤC.")
        data = configured or (config.parent / DEFAULT_DATA_DIR if config is not None else Path(DEFAULT_DATA_DIR))
    elif configured is not None and os.path.abspath(data) != os.path.abspath(configured):
        say(f"CẢNH BÁO: --data {data} khác thư mục dữ liệu mà {config} ghi (data_dir: {configured}); lệnh dùng "
            f"{data} như đã ghi, còn khi dựng trang thì dùng {configured}.")
    return Site(_existing_data(data), config, read, tuple(read_problems))


def _existing_data(folder: Path) -> Path:
    """The data folder, which must exist: a clear error names it otherwise."""
    if not folder.is_dir():
        raise CommandError(f"{folder}: không có thư mục dữ liệu này. Gợi ý: chạy lệnh trong thư mục của trang (nơi "
                           f"có {CONFIG_FILE} và thư mục dữ liệu), ghi rõ tệp cấu hình bằng -f TỆP, hoặc ghi rõ "
                           "--data THƯ_MỤC.")
    return folder


def _site_config_file(given: Path | None, data: Path | None) -> Path | None:
    """The site's mkdocs.yml: the file given, which must exist; else the one beside the data
    folder given, or in the current folder, if there is one."""
    if given is None:
        beside = (data.parent if data is not None else Path()) / CONFIG_FILE
        return beside if beside.is_file() else None
    if not given.is_file():
        raise CommandError(f"{given}: không có tệp cấu hình này. Gợi ý: ghi đúng đường dẫn tới {CONFIG_FILE} của "
                           "trang, hoặc bỏ -f (--config-file) để dùng tệp cạnh thư mục dữ liệu.")
    return given


def installed_version() -> str:
    """The installed package's version, or a word saying it is not installed."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "chưa cài đặt"
