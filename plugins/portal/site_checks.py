"""The checks of a site's own files beyond data/: the texts of mkdocs.yml, and the files of its
pages' folder (`docs_dir`, content/ here) and of its theme folder (`custom_dir`).

One list, run by both that refuse a site: the build (portal_mkdocs.plugin: the settings once
the data is loaded, the files in MkDocs' `files` event) and `cotcan kiem-tra` (which reads
mkdocs.yml and the folders itself: site_config.py). A check added to a list here is run by
both without either being changed; tests/test_site_checks.py holds them to it.

`RENDERED_CHECKS` read a hand-written page as MkDocs' Markdown (and its extensions, e.g.
pymdownx.snippets) made it: the build alone can run them, the check has no such Markdown.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .privacy import (
    Redactor,
    private_values_in_file_name,
    private_values_in_html,
    private_values_in_page,
    private_values_in_settings,
)
from .problems import Problem
from .sanitize import breaks_theme


@dataclass(frozen=True)
class Settings:
    """mkdocs.yml as written (INHERIT merged, !ENV resolved), each plugin's options under the
    plugin's name as MkDocs names it (`plugins.portal.publisher`)."""

    values: Mapping[str, Any]
    shown_as: str  # the file, as the clerk calls it: "mkdocs.yml"


@dataclass(frozen=True)
class SiteFile:
    """A file of the site's own folders (not one a plugin generates)."""

    uri: str  # its name as the site uses it: relative to its folder, with "/"
    shown_as: str  # relative to the folder of mkdocs.yml (shown_path)
    text: str | None  # a Markdown page's text (read_page); None for any other file


SettingsCheck = Callable[[Settings, Redactor], list[Problem]]
FileCheck = Callable[[SiteFile, Redactor], list[Problem]]
RenderedCheck = Callable[[str, str, Redactor], list[Problem]]

# Markdown pages, by the suffixes MkDocs reads as Markdown (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn")


def _markup_in_site_name(settings: Settings, redactor: Redactor) -> list[Problem]:
    """Material writes `site_name` unescaped into every page (the title, the header logo's
    aria-label): a quote or an angle bracket would break out of the markup."""
    name = settings.values.get("site_name")
    if not isinstance(name, str) or not breaks_theme(name):
        return []
    return [Problem(settings.shown_as, None, "site_name",
                    f"'{name}' có ký tự \", <, > mà giao diện ghi nguyên vào HTML của mọi trang.",
                    hint="dùng dấu ngoặc kép “ ” thay cho \" và bỏ < >.")]


def _private_in_settings(settings: Settings, redactor: Redactor) -> list[Problem]:
    return private_values_in_settings(settings.values, settings.shown_as, redactor)


def _private_in_file_name(file: SiteFile, redactor: Redactor) -> list[Problem]:
    return private_values_in_file_name(file.uri, file.shown_as, redactor)


def _private_in_page(file: SiteFile, redactor: Redactor) -> list[Problem]:
    return [] if file.text is None else private_values_in_page(file.text, file.shown_as, redactor)


SETTINGS_CHECKS: tuple[SettingsCheck, ...] = (_markup_in_site_name, _private_in_settings)
FILE_CHECKS: tuple[FileCheck, ...] = (_private_in_file_name, _private_in_page)
RENDERED_CHECKS: tuple[RenderedCheck, ...] = (private_values_in_html,)


def settings_problems(settings: Settings, redactor: Redactor) -> list[Problem]:
    """What every check of mkdocs.yml finds."""
    return [problem for check in SETTINGS_CHECKS for problem in check(settings, redactor)]


def file_problems(files: Iterable[SiteFile], redactor: Redactor) -> list[Problem]:
    """What every check of the site's files finds."""
    files = list(files)
    return [problem for check in FILE_CHECKS for file in files for problem in check(file, redactor)]


def rendered_problems(html: str, shown_as: str, redactor: Redactor) -> list[Problem]:
    """What every check of a hand-written page's rendered HTML finds (the build's only)."""
    return [problem for check in RENDERED_CHECKS for problem in check(html, shown_as, redactor)]


def is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def read_page(path: Path) -> str:
    """A Markdown page's text as MkDocs reads it (UTF-8, a byte order mark dropped, any line
    ending as "\\n"); a byte that is no UTF-8 is replaced (MkDocs refuses the page itself)."""
    with open(path, encoding="utf-8-sig", errors="replace") as source:
        return source.read()


def shown_path(path: str | Path, root: Path) -> str:
    """A file as the clerk finds it from the folder of mkdocs.yml."""
    return os.path.relpath(path, root).replace(os.sep, "/")
