"""Where "edit this page" points for a generated page: the data file it was made from.

MkDocs makes a page's edit link from `repo_url`, `edit_uri` (or `edit_uri_template`) and the
file's `edit_uri`; `edit_uri` points at docs_dir inside the repository. A generated page's
source is a YAML file outside docs_dir, so its path is given relative to docs_dir
(`../data/years/2024-2025/pgddt-cu-chi.yml`) and the URL resolves to the file in the
repository. Without `repo_url` or `edit_uri` MkDocs makes no link at all. The plugin's
`edit_url_template` overrides all this (data kept in another repository than the pages).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


def edit_uri(source: Path, docs_dir: Path) -> str:
    """The path of `source` relative to `docs_dir`, for MkDocs to add to repo_url + edit_uri."""
    return quoted(Path(os.path.relpath(source.resolve(), docs_dir.resolve())).as_posix())


def edit_url(template: str, path: str) -> str:
    """The address `edit_url_template` gives a data file (`path`: relative to the repository)."""
    return template.format(path=quoted(path))


def quoted(path: str) -> str:
    """`path` percent-encoded, '/' kept: no file name can end the href="..." attribute, which
    Material prints unescaped (a file named `"><img src=x onerror=alert(1)>.yml` ran a script)."""
    return quote(path, safe="/")
