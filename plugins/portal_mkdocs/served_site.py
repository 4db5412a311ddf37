"""Under `mkdocs serve`, the site being served stays until a full build has made a new one.

MkDocs empties the served folder before it writes the pages ("Cleaning site directory"), so a
build refused after that (a hand-written page with a private contact, Pagefind failing) left
nothing to serve. The folder is moved aside first (one rename) and an empty one made in its
place (the server holds every request while it builds, so none sees the gap); a refused
build has the old one put back, a finished build removes it. `mkdocs serve --dirty`
is left alone: MkDocs then neither empties the folder nor writes more than the pages whose
source changed, which it needs the old files for.

Once `mkdocs serve` stops, MkDocs removes the folder it served, after the plugins' `on_shutdown`,
while the terminal waits: a province's preview is some 70,000 files (836 MB at 1,000 schools),
which took three minutes on a loaded disk after Ctrl-C. `removed_in_background` moves it out of
MkDocs' way and has a process of its own remove it: the command ends at once.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

# The name MkDocs' `serve` gives the folder it builds into (tempfile.mkdtemp(prefix="mkdocs_")).
SERVE_FOLDER_PREFIX = "mkdocs_"
REMOVING_SUFFIX = ".removing"
_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


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


def removed_in_background(site: Path) -> bool:
    """MkDocs' temporary folder of `mkdocs serve` renamed (`…removing`, beside it) and removed by
    a process of its own, in a session of its own (a second Ctrl-C to the terminal's group does
    not stop it), so that the command ends at once: MkDocs then finds no folder to remove.
    Only a folder named as MkDocs names it in the temporary directory (the caller knows it is
    `mkdocs serve`'s), and only on POSIX; False where it is left to MkDocs, as before."""
    site = Path(os.path.abspath(site))
    if (os.name != "posix" or site.parent != Path(os.path.abspath(tempfile.gettempdir()))
            or not site.name.startswith(SERVE_FOLDER_PREFIX) or not site.is_dir()):
        return False
    leaving = site.with_name(site.name + REMOVING_SUFFIX)
    try:
        os.rename(site, leaving)
    except OSError:
        return False
    try:
        subprocess.Popen([sys.executable, "-c", _REMOVE, str(leaving)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(leaving, ignore_errors=True)
    return True
