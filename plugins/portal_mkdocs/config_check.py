"""MkDocs' own validation of mkdocs.yml (an unknown option, a plugin not installed, a theme
missing, a value of the wrong type), for `cotcan kiem-tra`: what the build would refuse with
MkDocs' English "Aborted with N configuration errors!", told before it in the clerk's report.

kiem-tra runs no code of the site's repository, so MkDocs' loader, which runs a Python tag
(`!!python/object/apply:os.system`), never reads the file: MkDocs' `Config` is handed the values
portal.site_config read safely (INHERIT merged, `!ENV` read; `!relative` made here as MkDocs
makes it). A file whose values only code gives (a Python tag anywhere in the INHERIT chain),
that names `hooks:` (the site's Python, which validation imports) or a Markdown extension kept
in the site's folder is not validated, and one warning says so. What validation does run is
installed code, the build's own: the plugins' and the theme's classes, and each Markdown
extension (imported and given its options, as the build does).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import ConfigDirPlaceholder, DocsDirPlaceholder, RelativeDirPlaceholder

from portal.problems import KeyPath, Problem, format_path
from portal.site_checks import Settings, Tagged, tagged_values
from portal.site_config import SiteConfig

from . import notices

# Where MkDocs says which option of a plugin or sub-configuration its message is about.
_OPTION_PREFIX = re.compile(r"(?:Plugin '([^']+)'(?: option '([^']+)')?|Sub-option '([^']+)'): ")
# A plugin's errors come in one message, a line each.
_PLUGIN_ERRORS = re.compile(r"\n(?=Plugin ')")
# Config's loops over its options: the option being validated is their local `key`.
_VALIDATING = {Config._validate.__code__, Config._pre_validate.__code__, Config._post_validate.__code__}


def config_problems(site: SiteConfig, told: Sequence[Problem] = ()) -> list[Problem]:
    """The errors of MkDocs' validation of mkdocs.yml, as site_config read it (its warnings
    too: every documented build runs strict), or the one warning that it was not run. An
    error `told` already (site_config's: a folder missing) is not told twice."""
    settings = site.settings
    if (unvalidated := _not_validated(site)) is not None:
        return [unvalidated]
    config = MkDocsConfig(config_file_path=os.path.abspath(site.path))
    try:
        values = _placeholders(site.written, config, ())
    except _RelativeRefused as refused:
        return [Problem(settings.holder(refused.key_path), None, format_path(refused.key_path),
                        notices.relative_refused(refused.written))]
    try:
        config.load_dict(values)
        errors, warnings = config.validate()
    except Exception as error:  # any fault of validation (a plugin's import, a bad value) is the clerk's to read
        key = _validated_key(error.__traceback__)
        return [Problem(settings.holder((key,)) if key else settings.shown_as, None, key,
                        notices.config_refused(f"{type(error).__name__}: {error}"))]
    found = [_problem(settings, key, part, warning)
             for said, warning in ((errors, False), (warnings, True)) for key, message in said
             for part in _PLUGIN_ERRORS.split(str(message))]
    already = {(p.file, p.path) for p in told if p.severity == "error"}
    return [p for p in found if (p.file, p.path) not in already]


def _not_validated(site: SiteConfig) -> Problem | None:
    """The warning of a file validation would run code of: a Python tag, hooks, a Markdown
    extension in the site's folder."""
    settings = site.settings
    for source in (settings.values, *(s.values for s in settings.sources)):
        for key_path, value in tagged_values(source):
            if value.python and _installed_name(value, site.path.parent) is None:
                return _unvalidated(settings, key_path, notices.made_by_code(value.tag))
    if "hooks" in site.written:
        return _unvalidated(settings, ("hooks",), notices.HOOKS_RUN_CODE)
    for extension in _extensions(site.written.get("markdown_extensions")):
        if _in_site_folder(extension, site.path.parent):
            return _unvalidated(settings, ("markdown_extensions",), notices.extension_in_site(extension))
    return None


_PYTHON_NAME = "tag:yaml.org,2002:python/name:"


def _installed_name(value: Tagged, folder: Path) -> str | None:
    """The dotted name a `!!python/name:` value imports, when its module is installed code (not
    the site's folder or the current one): importing it is what the build's validation does
    with the plugins and extensions too, and nothing is called (Material's documented emoji
    setting: `!!python/name:material.extensions.emoji.twemoji`). None for any other Python tag."""
    if not value.tag.startswith(_PYTHON_NAME):
        return None
    name = value.tag.removeprefix(_PYTHON_NAME)
    module = name.rpartition(".")[0]
    if not module or _in_site_folder(module, folder):
        return None
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    return name if spec is not None else None


def _unvalidated(settings: Settings, key_path: KeyPath, reason: str) -> Problem:
    """One warning for the file (its key named in `reason`), not a second at a value
    site_checks may warn of already."""
    return Problem(settings.holder(key_path), None, "", notices.config_not_validated(format_path(key_path), reason),
                   severity="warning")


def _extensions(written: Any) -> Iterator[str]:
    items = written.items() if isinstance(written, Mapping) else written if isinstance(written, list) else ()
    for item in items:
        name = item[0] if isinstance(item, tuple) else next(iter(item), None) if isinstance(item, Mapping) else item
        if isinstance(name, str):
            yield name


def _in_site_folder(extension: str, folder: Path) -> bool:
    """Whether a Markdown extension's module would be imported from the site's folder or the
    current one (`python3 -m mkdocs build` puts it on the import path)."""
    top = extension.partition(".")[0].partition(":")[0]
    return any((place / f"{top}.py").is_file() or (place / top).is_dir() for place in {folder, Path.cwd()})


class _RelativeRefused(Exception):
    """A `!relative` MkDocs' loader refuses (its ConfigurationError), at its key."""

    def __init__(self, key_path: KeyPath, written: str) -> None:
        super().__init__(written)
        self.key_path, self.written = key_path, written


def _placeholders(value: Any, config: MkDocsConfig, key_path: KeyPath) -> Any:
    """`value` with each `!relative` made the object MkDocs' loader makes of it
    (mkdocs.utils.yaml._construct_dir_placeholder)."""
    if isinstance(value, Tagged) and value.tag.startswith(_PYTHON_NAME):
        # Only an installed name comes here (_not_validated): imported as MkDocs' loader would.
        module, _, attribute = value.tag.removeprefix(_PYTHON_NAME).rpartition(".")
        return getattr(importlib.import_module(module), attribute)
    if isinstance(value, Tagged) and value.tag == "!relative":
        prefix, _, suffix = value.value.partition("/")
        if prefix == "$config_dir":
            return ConfigDirPlaceholder(config, suffix)
        if prefix == "$docs_dir":
            return DocsDirPlaceholder(config, suffix)
        if value.value:
            raise _RelativeRefused(key_path, value.value)
        return RelativeDirPlaceholder(config)
    if isinstance(value, Mapping):
        return {key: _placeholders(item, config, (*key_path, str(key))) for key, item in value.items()}
    if isinstance(value, list):
        return [_placeholders(item, config, (*key_path, i)) for i, item in enumerate(value)]
    return value


def _validated_key(trace: TracebackType | None) -> str:
    """The option MkDocs was validating when it raised, or "" (the file as a whole)."""
    while trace is not None:
        if trace.tb_frame.f_code in _VALIDATING:  # the outermost: mkdocs.yml's own option
            return str(trace.tb_frame.f_locals.get("key", ""))
        trace = trace.tb_next
    return ""


def _problem(settings: Settings, key: str, message: str, warning: bool) -> Problem:
    """One of MkDocs' errors or warnings at its key, told in the file that holds it: a plugin's
    option at `plugins.NAME.OPTION`, a sub-option at `KEY.OPTION`, a theme's folder at
    `theme.custom_dir` (where site_config tells it)."""
    key_path: KeyPath = (key,)
    while prefix := _OPTION_PREFIX.match(message):
        plugin, option, sub_option = prefix.groups()
        key_path = ("plugins", plugin, *((option,) if option else ())) if plugin else (*key_path, sub_option)
        message = message[prefix.end():]
    if message.startswith("The path set in custom_dir"):
        key_path = ("theme", "custom_dir")
    return Problem(settings.holder(key_path), None, format_path(key_path), notices.config_refused(message, warning))
