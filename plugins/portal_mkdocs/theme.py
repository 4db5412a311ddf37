"""The plugin's own layer of the theme: its templates, its stylesheet and its script.

They ship inside the package (`portal_mkdocs/overrides/`, found with importlib.resources),
so an office's mkdocs.yml needs no `custom_dir`, `extra_css` or `extra_javascript`: the
plugin adds them as mkdocstrings adds its CSS. A user's own `custom_dir` still comes first,
and a user's stylesheets and scripts load after the portal's, so theirs win.
"""

from __future__ import annotations

import warnings
from importlib.resources import files
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

STYLESHEET = "assets/stylesheets/portal.css"
SCRIPT = "assets/javascripts/portal-search.js"
# The plugin's scripts, each deferred, in this order: one line each.
SCRIPTS = (
    SCRIPT,
    "assets/javascripts/portal-asof.js",  # a list that changed during the year, on any day (body pages)
    "assets/javascripts/portal-deadlines.js",  # past and upcoming deadlines, by today's date
    "assets/javascripts/portal-menu.js",  # the header's menu button opens the navigation drawer
)
LANGUAGE = "vi"
EDIT_BUTTON = "content.action.edit"  # Material's feature that shows a page's edit link


def theme_dir() -> Path:
    """The folder of the plugin's templates and assets in the installed package."""
    folder = files(__package__ or "portal_mkdocs") / "overrides"
    if not isinstance(folder, Path) or not folder.is_dir():  # e.g. a package run from a zip file
        raise RuntimeError(f"portal_mkdocs: the theme folder is missing from the installed package: {folder}")
    return folder


def add_theme_layer(config: MkDocsConfig) -> None:
    """Put the plugin's templates between the user's custom_dir and the theme's own, and its
    stylesheet and (deferred) scripts before the user's."""
    folder = str(theme_dir())
    if folder not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, folder)
    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)
    for position, name in enumerate(SCRIPTS):
        if name not in (str(script) for script in config.extra_javascript):
            script = ExtraScriptValue(name)
            script.defer = True  # they need only the page and Material's bundle, which runs first
            config.extra_javascript.insert(position, script)


def show_edit_button(config: MkDocsConfig, edit_url_template: str | None) -> None:
    """With a repository to edit in (`repo_url`, `edit_uri`, or the plugin's
    `edit_url_template`), show "edit this page": each page links to its source, a generated
    page to its data file (portal_mkdocs/edit.py). `edit_uri: ""` turns the links off."""
    features = config.theme.get("features")
    editable = config.edit_uri or config.edit_uri_template or edit_url_template
    if editable and isinstance(features, list) and EDIT_BUTTON not in features:
        features.append(EDIT_BUTTON)


def default_to_vietnamese(config: MkDocsConfig) -> None:
    """Set the theme's language to Vietnamese unless mkdocs.yml sets one."""
    if not _theme_option_given(config, "language"):
        config.theme["language"] = LANGUAGE


def _theme_option_given(config: MkDocsConfig, option: str) -> bool:
    """Whether the user's mkdocs.yml sets `theme.<option>`: once loaded, the theme's own
    default (Material's `language: en`) cannot be told apart from a value the user wrote."""
    return any(isinstance(raw.get("theme"), dict) and option in raw["theme"] for raw in written_config(config))


def settings_as_written(config: MkDocsConfig) -> dict[str, Any]:
    """mkdocs.yml as the user wrote it, every plugin's and Markdown extension's options
    included, by name (MkDocs takes them out of what it keeps as written: they are read as each
    plugin loaded them, and as MkDocs keeps the extensions' in `mdx_configs`)."""
    settings: dict[str, Any] = {}
    for written in written_config(config):
        settings.update(written)
    settings["plugins"] = {name: plugin.config for name, plugin in config.plugins.items()}
    settings["markdown_extensions"] = dict(config.mdx_configs)
    return settings


def written_config(config: MkDocsConfig) -> list[dict[str, Any]]:
    """mkdocs.yml as the user wrote it (INHERIT merged, !ENV resolved), without the defaults
    and the absolute paths that loading adds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # MkDocs 1.6 still keeps them (so does ProperDocs)
        return list(getattr(config, "user_configs", ()))
