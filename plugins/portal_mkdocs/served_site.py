"""Under `mkdocs serve`, the site being served stays until a full build has made a new one.

MkDocs empties the served folder before it writes the pages ("Cleaning site directory"), so a
build refused after that (a hand-written page with a private contact, Pagefind failing) left
nothing to serve. The folder is moved aside first (one rename) and an empty one made in its
place (the server holds every request while it builds, so none sees the gap); a refused
build has the old one put back, a finished build removes it. `mkdocs serve --dirty`
is left alone: MkDocs then neither empties the folder nor writes more than the pages whose
source changed, which it needs the old files for.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path


class ServedSite:
    def __init__(self, site: Path) -> None:
        self.site = Path(os.path.abspath(site))
        self.aside = self.site.parent / f".{self.site.name}.served-{os.getpid()}"

    def set_aside(self) -> None:
        """Move the served folder aside and leave an empty one in its place."""
        self.put_back()  # a build whose end ran no event of this plugin may have left one aside
        if os.path.isdir(self.site):  # else there is nothing to keep (MkDocs makes the folder)
            mode = stat.S_IMODE(os.stat(self.site).st_mode)  # MkDocs' temporary folder is the user's alone
            os.rename(self.site, self.aside)
            self.site.mkdir(mode=mode)
            os.chmod(self.site, mode)  # as it was, whatever the umask

    def put_back(self) -> bool:
        """The folder set aside in place again (if one is); whether it holds a site."""
        if os.path.isdir(self.aside):
            shutil.rmtree(self.site, ignore_errors=True)
            os.rename(self.aside, self.site)
        try:
            with os.scandir(self.site) as entries:
                return any(True for _ in entries)
        except OSError:
            return False

    def drop(self) -> None:
        """The build made a whole new site: the old one goes."""
        shutil.rmtree(self.aside, ignore_errors=True)
