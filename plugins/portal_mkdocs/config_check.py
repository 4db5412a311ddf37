"""MkDocs' own validation of mkdocs.yml (an unknown option, a plugin not installed, a theme
missing), for `cotcan kiem-tra`: what the build would refuse with MkDocs' English "Aborted
with N configuration errors!", told before it in the clerk's report.

The core reads mkdocs.yml without MkDocs (portal.site_config); this adapter runs MkDocs'
reading and `Config.validate` (the steps of mkdocs.config.load_config, without its logging
and its Abort) and gives each error or warning as a Problem at its key.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.base import _open_config_file
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from portal.problems import Problem

from . import notices


def config_problems(path: Path) -> list[Problem]:
    """The errors and warnings of MkDocs' validation of mkdocs.yml at `path`. None when MkDocs
    cannot read the file: site_config tells why, in the clerk's words."""
    try:
        with _open_config_file(str(path)) as source:
            config = MkDocsConfig(config_file_path=str(path))
            config.load_file(source)
        errors, warnings = config.validate()
    except (MkDocsException, OSError, ValueError):
        return []
    return [*(Problem(path.name, None, key, notices.config_refused(str(message))) for key, message in errors),
            *(Problem(path.name, None, key, notices.config_refused(str(message)), severity="warning")
              for key, message in warnings)]
