"""Typed options of the `portal` MkDocs plugin.

Each option validates itself: a bad value is reported against the option's own name, as
MkDocs' own options are (`Plugin 'portal' option 'urls': Sub-option 'person': ...`), before
any event of the plugin runs. The messages are in Vietnamese: the office that sets up its
portal reads them. docs/plugin.md lists every option (tests/test_plugin_options.py checks it).
"""

from __future__ import annotations

import os
from string import Formatter

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from portal.urls import UrlFormats

_DEFAULT_URLS = UrlFormats()


class Switch(c.Type[bool]):
    """On or off: `true` / `false`, or 1 / 0 (what `!ENV [NAME, false]` gives for NAME=1)."""

    def __init__(self, default: bool) -> None:
        super().__init__(bool, default=default)

    def run_validation(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        raise ValidationError(f"cần true hoặc false; nhận được {value!r}.")


class Text(c.Type[str]):
    """A line of text that is not blank."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"cần một dòng chữ không để trống; nhận được {value!r}.")
        return value.strip()


class _Positive(c.Type[float]):
    """A number more than zero, of the unit its subclass names in the message."""

    unit = ""

    def __init__(self, default: float) -> None:
        super().__init__(float, default=default)

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ValidationError(f"cần một số {self.unit} lớn hơn 0; nhận được {value!r}.")
        return float(value)


class Seconds(_Positive):
    """A number of seconds, more than zero."""

    unit = "giây"


class Megabytes(_Positive):
    """A size in megabytes (1,000,000 bytes), more than zero."""

    unit = "megabyte"


class DataDir(c.Type[str]):
    """The folder of the YAML data, relative to mkdocs.yml; it must exist. Gives its absolute path."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)
        self.config_dir = ""

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self.config_dir = os.path.dirname(config.config_file_path or "")

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"cần tên thư mục dữ liệu, ví dụ 'data'; nhận được {value!r}.")
        folder = os.path.abspath(os.path.join(self.config_dir, value))
        if not os.path.isdir(folder):
            raise ValidationError(f"không có thư mục '{value}' ({folder}). Cần thư mục chứa dữ liệu YAML "
                                    "(offices.yml, years/...), đặt cạnh mkdocs.yml.")
        return folder


class UrlShape(c.Type[str]):
    """Where one kind of generated page lives, as a format string (portal.urls.UrlFormats)."""

    def __init__(self, name: str) -> None:
        super().__init__(str, default=getattr(_DEFAULT_URLS, name))
        self.name = name

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"cần một chuỗi như '{self.default}'; nhận được {value!r}.")
        if problem := UrlFormats.problem(self.name, value):
            raise ValidationError(problem)
        return value


class EditUrlTemplate(c.Type[str]):
    """An http(s) address with `{path}`, the data file's path relative to the repository."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        example = "ví dụ 'https://github.com/so-gddt/du-lieu/edit/main/{path}'"
        if not isinstance(value, str) or not value.startswith(("https://", "http://")):
            raise ValidationError(f"cần một địa chỉ http(s) ({example}); nhận được {value!r}.")
        try:
            fields = {field for _, field, _, _ in Formatter().parse(value) if field is not None}
        except ValueError:
            fields = set()
        if fields != {"path"}:
            raise ValidationError(f"cần đúng một chỗ trống {{path}} ({example}); nhận được {value!r}.")
        return value


class UrlsConfig(base.Config):
    """URL shapes of the generated pages; each keeps the placeholders of its default."""

    home = UrlShape("home")
    """The home page: "find your group leader", every school under its office's latest year."""
    years = UrlShape("years")
    """The list of school years."""
    year = UrlShape("year")
    """One school year: `{year}`, e.g. 2024-2025."""
    offices = UrlShape("offices")
    """The list of offices."""
    office = UrlShape("office")
    """One office across its years: `{office}` is its id."""
    schools = UrlShape("schools")
    """The list of schools, by office."""
    school = UrlShape("school")
    """One school across its years."""
    school_year = UrlShape("school_year")
    """One school in one year: its cluster, inter-school group and subject group leaders."""
    body = UrlShape("body")
    """A team, subject group, cluster or inter-school group in one year."""
    person = UrlShape("person")
    """One person's roles across the years."""
    archive = UrlShape("archive")
    """The documents, by year, kind and issuer; the Atom feed sits here."""
    document = UrlShape("document")
    """One document."""
    diffs = UrlShape("diffs")
    """The list of changes between school years."""
    diff = UrlShape("diff")
    """What changed in one office between two years: `{office}`, `{old}`, `{new}`."""
    body_diff = UrlShape("body_diff")
    """What changed in one body between two years: `{body}`, `{old}`, `{new}`."""
    year_changes = UrlShape("year_changes")
    """What changed in one office's lists within a year (its amending decisions): `{office}`, `{year}`."""


class PortalConfig(base.Config):
    enabled = Switch(default=True)
    """Turn the plugin off (no generated pages) without removing it from mkdocs.yml."""

    data_dir = DataDir(default="data")
    """Folder of the YAML data, relative to mkdocs.yml."""

    publisher = c.Optional(Text())
    """The office that publishes the portal, named in every page's footer (default: `site_name`)."""

    edit_url_template = c.Optional(EditUrlTemplate())
    """Where "edit this page" points for a generated page, overriding MkDocs' `repo_url` and
    `edit_uri`: `{path}` is the data file relative to the repository. For data kept in
    another repository than the pages."""

    sample_data = Switch(default=False)
    """Publish the fictional sample offices (`sample: true` in offices.yml) and all that is theirs.
    Off for a public site; on for the tests, the demo build and the generated province."""

    urls = c.SubConfig(UrlsConfig)
    """URL shapes of the generated pages."""

    lock_timeout = Seconds(default=1200)
    """Seconds a build waits for another build publishing into the same site folder
    before it gives up (docs/publishing.md)."""

    pagefind_binary = c.Optional(Text())
    """The Pagefind program that indexes the site, e.g. the npm package's 1.6 binary for
    byte-identical indexes; relative to mkdocs.yml. PAGEFIND_BINARY_PATH, when set, wins;
    without either, the binary of the Python package `pagefind[bin]` (docs/publishing.md)."""

    search_part_megabytes = Megabytes(default=100)
    """The most HTML, in megabytes, Pagefind indexes in one run (it needs about 7 times as
    much memory): a site with more searchable pages gets its index in parts that the browser
    merges, so that the build's memory stays near 1 GB (docs/architecture.md, "Search index
    in parts")."""
