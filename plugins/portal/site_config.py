"""mkdocs.yml and the site's own files as the build reads them, without MkDocs: for
`cotcan kiem-tra`, which runs the build's checks of them (site_checks.py).

The file is read as MkDocs reads it (mkdocs.utils.yaml): `!ENV NAME` or `!ENV [NAME, ...,
default]` from the environment; `INHERIT: parent.yml` merged under it; `!relative` and
Python tags (`!!python/name:material.extensions.emoji.twemoji`, in Material's emoji options)
stand for objects, not text, as they do in the build. Plugins are named as MkDocs names them:
`search` under the theme `material` is `material/search` when that plugin is installed, a
second `portal` is `portal #2`. What MkDocs itself validates (an unknown option, a plugin not
installed) `cotcan kiem-tra` asks of the adapter (portal_mkdocs.config_check), which hands
MkDocs the values read here: MkDocs' own loader, which runs Python tags, never reads the file.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from . import yamlerrors
from .privacy import Redactor
from .problems import Problem
from .site_checks import (
    Settings,
    SettingsSource,
    SiteFile,
    Tagged,
    file_problems,
    folder_files,
    settings_problems,
    shown_path,
)
from .yamlsource import ReadResult, decode, read_bytes, unparsable

DEFAULT_DOCS_DIR = "docs"  # MkDocs' default docs_dir
DEFAULT_SITE_DIR = "site"  # MkDocs' default site_dir
# The portal plugin's name in mkdocs.yml (its entry point) and its data folder option, with
# the option's default (portal_mkdocs.config.PortalConfig.data_dir).
PLUGIN = "portal"
DEFAULT_DATA_DIR = "data"


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with MkDocs' tags."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, read as YAML reads a
    plain value (`false`, 1); else the default, or None (the pyyaml-env-tag package's rule)."""
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        raise yaml.constructor.ConstructorError(None, None, "!ENV cần tên một biến môi trường, hoặc danh sách các "
                                                "tên rồi giá trị mặc định", node.start_mark)
    for name in names:
        if isinstance(name, str) and name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


def _tagged(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if suffix in ("str", "unicode"):  # !!python/str is text in the build too
            return loader.construct_scalar(node)
        return Tagged(node.tag, str(node.value))
    if isinstance(node, yaml.SequenceNode) and suffix == "tuple":
        return loader.construct_sequence(node)
    return Tagged(node.tag, "")


_Loader.add_constructor("!ENV", _env)
_Loader.add_constructor("!relative", lambda loader, node: Tagged(node.tag, str(node.value)))
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


@dataclass(frozen=True)
class SiteConfig:
    """What the build's checks of the site's own files read: mkdocs.yml's texts, and the
    folders of its files (docs_dir, then the theme's custom_dir if any)."""

    path: Path
    settings: Settings
    folders: tuple[Path, ...]
    # The values as MkDocs loads them (INHERIT merged, !ENV read), plugins not renamed: what
    # portal_mkdocs.config_check hands MkDocs' validation.
    written: Mapping[str, Any]

    def files(self) -> Iterator[SiteFile]:
        """Every file of the folders, as the build checks them (site_checks.folder_files)."""
        return folder_files(self.folders, self.path.parent)


def read_site_config(path: Path) -> tuple[SiteConfig | None, list[Problem]]:
    """mkdocs.yml at `path`, or the problems that keep it from being read."""
    shown = path.name
    chain: list[SettingsSource] = []
    values, problems = _read(path, shown, path.parent, (), chain)
    if values is None:
        return None, problems
    theme = values.get("theme")
    as_named = _named_settings(values, theme)
    sources = tuple(SettingsSource(source.shown_as, _named_settings(source.values, theme)) for source in chain)
    settings = Settings(as_named, shown, sources if len(sources) > 1 else ())
    folders: list[Path] = []
    named = (("docs_dir", values.get("docs_dir", DEFAULT_DOCS_DIR)), ("theme.custom_dir", _custom_dir(values)))
    for key, written in named:
        if written is None:
            continue
        folder = path.parent / str(written)
        if folder.is_dir():
            folders.append(folder)
        else:
            problems.append(Problem(settings.holder(tuple(key.split("."))), None, key,
                                    f"không có thư mục '{written}' ({folder.resolve()}).",
                                    expected="một thư mục có sẵn, tính từ thư mục chứa " + shown))
    return SiteConfig(path, settings, tuple(folders), values), problems


def inherited_sources(path: Path) -> tuple[SettingsSource, ...]:
    """The files of mkdocs.yml's INHERIT chain with their own values (Settings.sources), for
    the build, whose settings MkDocs has read; none without INHERIT."""
    config, _ = read_site_config(path)
    return () if config is None else config.settings.sources


def _named_settings(values: Mapping[str, Any], theme: Any) -> dict[str, Any]:
    """The values, each plugin's and Markdown extension's options under its name."""
    named = dict(values)
    if "plugins" in values:
        named["plugins"] = _plugins_by_name(values["plugins"], theme)
    if "markdown_extensions" in values:
        named["markdown_extensions"] = _extension_options(values["markdown_extensions"])
    return named


def _read(path: Path, shown: str, root: Path, inheriting: tuple[Path, ...],
          chain: list[SettingsSource]) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The values of mkdocs.yml at `path` with those it inherits; each file's own in `chain`,
    shown from `root`, the folder of mkdocs.yml."""
    data = read_bytes(path, shown)
    if isinstance(data, ReadResult):
        return None, data.problems
    text = decode(data, shown)
    if isinstance(text, Problem):
        return None, [text]
    try:
        values = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        return None, [unparsable(shown, yamlerrors.describe(error, text))]
    except RecursionError:
        return None, [unparsable(shown, yamlerrors.TOO_DEEP)]
    if values is None:
        values = {}
    if not isinstance(values, dict):
        return None, [Problem(shown, None, "", "tệp cấu hình không phải một bảng 'tên: giá trị'.")]
    parent = path.parent / str(values.pop("INHERIT")) if "INHERIT" in values else None
    chain.append(SettingsSource(shown, values))
    if parent is None:
        return values, []
    shown_parent = shown_path(parent, root)
    if parent.resolve() in inheriting or parent.resolve() == path.resolve():
        return None, [Problem(shown, None, "INHERIT", f"kế thừa vòng quanh: '{shown_parent}' lại kế thừa tệp này.")]
    if not parent.is_file():
        return None, [Problem(shown, None, "INHERIT", f"không có tệp '{shown_parent}' để kế thừa.")]
    inherited, problems = _read(parent, shown_parent, root, (*inheriting, path.resolve()), chain)
    return (None if inherited is None else _merged(inherited, values)), problems


def _merged(parent: dict[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    """`child` over `parent`, tables merged key by key (mergedeep's rule, which MkDocs uses)."""
    merged = dict(parent)
    for key, value in child.items():
        old = merged.get(key)
        merged[key] = _merged(old, value) if isinstance(old, dict) and isinstance(value, Mapping) else value
    return merged


def _custom_dir(values: Mapping[str, Any]) -> Any:
    theme = values.get("theme")
    return theme.get("custom_dir") if isinstance(theme, Mapping) else None


def _named(written: Any) -> list[tuple[Any, Any]] | None:
    """(name, options) of a list or table of plugins or Markdown extensions as MkDocs reads it
    (`- name`, `- name: {options}`, or `name: {options}`); None for anything else (MkDocs refuses it)."""
    if isinstance(written, Mapping):
        return list(written.items())
    if isinstance(written, list) and all(isinstance(i, str) or (isinstance(i, Mapping) and len(i) == 1)
                                         for i in written):
        return [(i, {}) if isinstance(i, str) else next(iter(i.items())) for i in written]
    return None


def _extension_options(written: Any) -> Any:
    """The Markdown extensions' options by the extension's name, as MkDocs keeps them
    (`mdx_configs`: an extension written without options has none; a later one wins)."""
    items = _named(written)
    return written if items is None else {name: options for name, options in items if options}


def _plugins_by_name(written: Any, theme: Any) -> Any:
    """The plugins' options by the name MkDocs gives each (config_options.Plugins)."""
    items = _named(written)
    if items is None:
        return written
    theme_name = theme.get("name") if isinstance(theme, Mapping) else theme
    installed = {entry.name for entry in metadata.entry_points(group="mkdocs.plugins")}
    count: Counter[str] = Counter()
    named: dict[str, Any] = {}
    for name, options in items:
        name = str(name)
        if name.startswith("/"):
            name = name[1:]
        elif "/" not in name and theme_name and f"{theme_name}/{name}" in installed:
            name = f"{theme_name}/{name}"
        count[name] += 1
        named[name if count[name] == 1 else f"{name} #{count[name]}"] = options or {}
    return named


def site_problems(config: SiteConfig, redactor: Redactor) -> list[Problem]:
    """What the build refuses in the site's own files beyond data/, past what reading
    mkdocs.yml met (read_site_config's problems): every check of site_checks on its settings
    and on the files of its folders; and what only `cotcan kiem-tra` warns of (a site
    without its address)."""
    return [*settings_problems(config.settings, redactor), *file_problems(config.files(), redactor),
            *_unset_site_url(config)]


def _unset_site_url(config: SiteConfig) -> list[Problem]:
    """A warning when mkdocs.yml gives the site no address, unless it reads it from the
    environment (`!ENV`), which the publishing workflows set: not from the build, which
    runs --strict with an empty `!ENV` value on a clerk's machine."""
    if config.settings.values.get("site_url"):
        return []
    holder = config.settings.holder(("site_url",))
    written = _top_level_node(config.path.parent / holder, "site_url")
    if written is not None and written[1].tag == "!ENV":
        return []
    return [Problem(holder, None if written is None else written[0].start_mark.line + 1, "site_url",
                    "chưa có địa chỉ công khai của trang: trang 404 tải kiểu trang và ô tìm kiếm từ gốc '/' (hỏng khi "
                    "trang nằm trong một thư mục con, như trang của một kho trên GitHub Pages), bản in không có mã QR "
                    "dẫn về trang, nguồn tin Atom chỉ có liên kết tương đối.",
                    expected="địa chỉ của trang, ví dụ site_url: https://so-gddt-dien-bien.github.io/trang-so/",
                    hint="ghi địa chỉ đó vào mkdocs.yml; hoặc site_url: !ENV [PORTAL_SITE_URL, \"\"] khi quy trình "
                         "xuất bản (GitHub Pages, GitLab Pages) đặt biến PORTAL_SITE_URL.",
                    severity="warning")]


def _top_level_node(path: Path, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of `key` in the YAML file at `path` (read already: it parses)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    return next(((k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def configured_data_dir(config: SiteConfig) -> Path | None:
    """The data folder mkdocs.yml gives the portal plugin (`data_dir`, by default `data`),
    relative to the folder of mkdocs.yml as the plugin resolves it
    (portal_mkdocs.config.DataDir); None when it names no folder."""
    plugins = config.settings.values.get("plugins")
    options = plugins.get(PLUGIN) if isinstance(plugins, Mapping) else None
    written = options.get("data_dir", DEFAULT_DATA_DIR) if isinstance(options, Mapping) else DEFAULT_DATA_DIR
    if not isinstance(written, str) or not written.strip():
        return None
    return config.path.parent / written
