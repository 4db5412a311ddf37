"""A new office's data repository, ready to fill in: `cotcan tao-trang` (docs/commands.md).

- `files.py`: what the repository holds (data with placeholders, mkdocs.yml, docs/, a
  Vietnamese README, requirements.txt, the GitHub and GitLab workflows), from `templates/`;
- `create.py`: writing it all, checked, into a new folder, or nothing.
"""

from __future__ import annotations

from .create import NewSite, NewSiteError, create_site
from .files import SiteSpec, site_files

__all__ = ["NewSite", "NewSiteError", "SiteSpec", "create_site", "site_files"]
