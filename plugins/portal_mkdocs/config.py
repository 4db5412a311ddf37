"""Typed options of the `portal` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from portal.urls import UrlFormats

_DEFAULTS = UrlFormats()


class UrlsConfig(base.Config):
    """URL shapes of generated pages, as format strings (see portal.urls.UrlFormats)."""

    home = c.Type(str, default=_DEFAULTS.home)
    years = c.Type(str, default=_DEFAULTS.years)
    year = c.Type(str, default=_DEFAULTS.year)
    offices = c.Type(str, default=_DEFAULTS.offices)
    office = c.Type(str, default=_DEFAULTS.office)
    schools = c.Type(str, default=_DEFAULTS.schools)
    school = c.Type(str, default=_DEFAULTS.school)
    school_year = c.Type(str, default=_DEFAULTS.school_year)
    body = c.Type(str, default=_DEFAULTS.body)
    person = c.Type(str, default=_DEFAULTS.person)
    archive = c.Type(str, default=_DEFAULTS.archive)
    document = c.Type(str, default=_DEFAULTS.document)
    diffs = c.Type(str, default=_DEFAULTS.diffs)
    diff = c.Type(str, default=_DEFAULTS.diff)
    body_diff = c.Type(str, default=_DEFAULTS.body_diff)


class PortalConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off (no generated pages) without removing it from mkdocs.yml."""

    data_dir = c.Type(str, default="data")
    """Folder of the YAML data, relative to mkdocs.yml."""

    edit_url_template = c.Optional(c.Type(str))
    """Where "edit this page" points for a generated page; `{path}` is its data file
    relative to the repository, e.g. `https://example.org/repo/edit/main/{path}`."""

    urls = c.SubConfig(UrlsConfig)
    """URL shapes of the generated pages."""

    lock_timeout = c.Type((int, float), default=1200)
    """Seconds a build waits for another build publishing into the same site folder
    before it gives up (docs/publishing.md)."""

    pagefind_binary = c.Optional(c.Type(str))
    """The Pagefind program that indexes the site, e.g. the npm package's 1.6 binary for
    byte-identical indexes; relative to mkdocs.yml. PAGEFIND_BINARY_PATH, when set, wins;
    without either, the binary of the Python package `pagefind[bin]` (docs/publishing.md)."""
