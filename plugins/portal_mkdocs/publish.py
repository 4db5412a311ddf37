"""Publishing a built site: one build at a time, in one atomic step, recovered after a kill.

A build writes into a staging folder `.<site>.building-<pid>` and, once it is whole
(pages, exports, search index, no strict warning), puts it in place of the site:

- `site/` is a folder (or missing): the two folders are swapped in one step (Linux
  renameat2 RENAME_EXCHANGE), the old one is renamed `.<site>.removing-<pid>`, then removed.
  Elsewhere two renames, with recovery: a build that finds `site/` missing and its old copy
  aside (`.<site>.old-<pid>`) beside the new one (the staging folder of the same pid) puts
  it back before anything else.
- `site/` is a symlink (to a web root): the staging folder is made beside the link's
  target, renamed to a release `<site>.release-<n>`, and the link is switched to it in
  one step (a new link, then os.replace). The release it replaced is kept for a
  rollback (KEEP_PREVIOUS_RELEASES), older ones are removed; a target the portal did not
  create is never removed.
- `site/` is a mount point: refused before building (it cannot be replaced in one step).

The switch itself runs with Ctrl-C and SIGTERM deferred (termination.deferred): it is a few
renames. What it replaced is removed after it, with them let through: a stop that comes then
(the old site may be large) leaves the rest to the next build, which removes it, and says that
the new site is published and what is left (notices.old_site_left).

A folder that cannot be removed (a file of it owned by root, left by a `sudo` build) never stops
a build: the new site is published all the same, and the build says which folder is left and
that it needs removing with the rights it asks for (notices.old_site_not_removed just after the
switch, notices.leftover_not_removed at every later start, until it is gone).

The lock (lock.py) is held from the start of the build until the site is published or
the build has failed, so the clean-up of leftovers at the start never meets a live
build's folder; a leftover is also removed only when the process named in it is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from . import notices, swap, termination
from .killpoints import Step, checkpoint
from .lock import SiteLock
from .notices import PublishError

KEEP_PREVIOUS_RELEASES = 1
STAGING, ASIDE, NEW_LINK, REMOVING = "building", "old", "link", "removing"


def _remove(path: Path) -> tuple[Path, OSError] | None:
    """Remove a folder (or a link, a file) as far as it can be: None once it is gone, else the
    first file that could not be removed (its full path) and why."""
    failed: list[tuple[Path, OSError]] = []

    def note(name: str, error: BaseException) -> None:  # rmtree goes on past it
        assert isinstance(error, OSError)  # the only errors rmtree hands on
        failed.append((Path(name), error))

    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink()
        elif sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=lambda _, name, error: note(name, error))
        else:
            shutil.rmtree(path, onerror=lambda _, name, info: note(name, info[1]))
    except FileNotFoundError:
        return None
    except OSError as error:
        failed.append((path, error))
    return failed[0] if failed and os.path.lexists(path) else None


def _owner_gone(pid: int) -> bool:
    if pid == os.getpid():
        return True  # left by an earlier process that had this id: this build has made nothing yet
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        return False
    return False


class Publisher:
    def __init__(self, site: Path, *, lock_timeout: float, notify: Callable[[str], None]) -> None:
        self.site = Path(os.path.abspath(site))
        self.linked = self.site.is_symlink()
        # The staging folder (and the releases) go on the file system of what they replace.
        self.workdir = Path(os.path.realpath(self.site)).parent if self.linked else self.site.parent
        self.staging = self.workdir / self._name(STAGING, os.getpid())
        self.lock = SiteLock(self.site.parent / f".{self.site.name}.lock")
        self.lock_timeout = lock_timeout
        self.notify = notify

    def _name(self, kind: str, pid: int) -> str:
        return f".{self.site.name}.{kind}-{pid}"

    def start(self) -> Path:
        """Take the lock, undo an interrupted publication, remove leftovers and
        make the staging folder, which is returned. PublishError when any of it fails."""
        if not self.linked and os.path.ismount(self.site):
            raise PublishError(notices.mount_point(self.site))
        try:
            if not self.lock.acquire(self.lock_timeout, self._waiting):
                raise PublishError(notices.lock_timed_out(self.site, self.lock.holder(), self.lock_timeout))
            self._recover()
            self.staging.mkdir()
        except OSError as error:
            self.abandon()
            raise PublishError(notices.fault(self.site, error)) from None
        return self.staging

    def _waiting(self, holder: int | None) -> None:
        self.notify(notices.waiting(self.site, holder, self.lock_timeout))

    def publish(self) -> Path:
        """Put the whole staging folder in place of the site in one step, release the lock,
        and return the folder now published. On PublishError the old site is in place."""
        checkpoint(Step.STAGED)
        try:
            published = self._switch_link() if self.linked else self._replace_folder()
        except OSError as error:
            self.abandon()
            raise PublishError(notices.fault(self.site, error)) from None
        self.lock.release()
        return published

    def holds_site(self) -> bool:
        """Whether the site folder (or the release it links to) holds a site built before:
        only then does a refused build leave "the site there" as it was (notices.KEPT)."""
        try:
            with os.scandir(self.site) as entries:
                return any(True for _ in entries)
        except OSError:  # none yet (a first build), or not a folder
            return False

    def abandon(self) -> None:
        """Nothing is published: remove the staging folder, release the lock. Idempotent."""
        shutil.rmtree(self.staging, ignore_errors=True)
        self.lock.release()

    def fault(self, error: OSError) -> PublishError | None:
        """A file system error met while the site was being written, worded for the office;
        None when it is not about writing the site (reading the data is the checker's)."""
        if error.errno in notices.WRITE_FAULTS or self._owns(error.filename):
            return PublishError(notices.fault(self.site, error))
        return None

    def _owns(self, filename: object) -> bool:
        if not isinstance(filename, str | bytes):
            return False
        path = Path(os.path.abspath(os.fsdecode(filename)))
        return any(path == mine or mine in path.parents for mine in (self.staging, self.site, self.lock.path))

    # Folder

    def _replace_folder(self) -> Path:
        def switch() -> list[Path]:
            if not os.path.lexists(self.site):
                os.rename(self.staging, self.site)  # nothing to replace: one rename
                replaced = []
            elif swap.exchange(self.staging, self.site):
                checkpoint(Step.EXCHANGED)
                replaced = [self._set_aside(self.staging)]  # the old site, now under the staging name
            else:
                aside = self.site.parent / self._name(ASIDE, os.getpid())
                swap.replace_by_renames(self.staging, self.site, aside)
                replaced = [self._set_aside(aside)]
            self.notify(notices.published(self.site))
            return replaced

        self._switch_then_remove(switch)
        return self.site

    def _switch_then_remove(self, switch: Callable[[], list[Path]]) -> None:
        """Run `switch` (a few renames that publish the new site and say so; it returns what the
        new site replaced) with Ctrl-C and SIGTERM deferred, so that no stop cuts it in two; then
        remove what it returns, saying what could not be (the site is published all the same). A
        stop that comes after `switch` (deferred, or during the removal: the old site may be large)
        stops the build, as it asked, after saying that the site is published and what is left,
        which the next build removes."""
        replaced: list[Path] | None = None
        try:
            with termination.deferred():
                replaced = switch()
            for path in replaced:
                checkpoint(Step.REMOVING)
                if (stuck := _remove(path)) is not None:
                    self.notify(notices.old_site_not_removed(self.site, path, *stuck))
        except KeyboardInterrupt:
            if replaced is not None:
                self.notify(notices.old_site_left(self.site, [path for path in replaced if os.path.lexists(path)]))
            raise

    def _set_aside(self, old: Path) -> Path:
        """The old site renamed to be removed (a name only its removal and the next build's
        clean-up use); where that fails, the old site where it is."""
        removing = self.site.parent / self._name(REMOVING, os.getpid())
        try:
            os.rename(old, removing)
        except OSError:
            return old
        return removing

    # Symlink

    def _switch_link(self) -> Path:
        release = self.workdir / f"{self.site.name}.release-{max(self._releases(), default=0) + 1:05d}"

        def switch() -> list[Path]:
            previous = Path(os.path.realpath(self.site))
            os.rename(self.staging, release)
            checkpoint(Step.RELEASED)
            # Written the way the link was: absolute, or relative to the link's folder.
            text = str(release) if os.path.isabs(os.readlink(self.site)) else os.path.relpath(
                release, os.path.realpath(self.site.parent))
            try:
                swap.switch_link(self.site, text, self.site.parent / self._name(NEW_LINK, os.getpid()))
            except OSError:
                shutil.rmtree(release, ignore_errors=True)
                raise
            checkpoint(Step.SWITCHED)
            if self._release_number(previous) is None and previous.exists():
                self.notify(notices.foreign_target_kept(self.site, previous))
            self.notify(notices.switched(self.site, release))
            return self._releases_to_prune()

        self._switch_then_remove(switch)
        return release

    def _releases(self) -> dict[int, Path]:
        if not self.workdir.is_dir():
            return {}
        return {number: child for child in self.workdir.iterdir()
                if (number := self._release_number(child)) is not None}

    def _release_number(self, path: Path) -> int | None:
        match = re.fullmatch(re.escape(self.site.name) + r"\.release-(\d+)", path.name)
        return int(match.group(1)) if match and path.parent == self.workdir else None

    def _releases_to_prune(self) -> list[Path]:
        """All but the release the link points to and the newest ones before it; a release
        newer than the current one was never switched to (a build killed in between)."""
        current = self._release_number(Path(os.path.realpath(self.site)))
        releases = self._releases()
        older = sorted((n for n in releases if current is None or n < current), reverse=True)
        keep = {current, *older[:KEEP_PREVIOUS_RELEASES]}
        return [path for number, path in sorted(releases.items()) if number not in keep]

    # Recovery

    def _recover(self) -> None:
        """Before anything else: undo a replacement cut between its two renames, then
        remove what interrupted builds left (only where their process is gone); one that cannot
        be removed is named, and the build goes on."""
        # Only an old site whose switch was cut between its two renames: its build's staging folder
        # (the new site) is still there. One left after a switch that went through, which could not
        # be renamed or removed then, is stale, perhaps half removed: never put back.
        cut = [aside for aside in self._leftovers(self.site.parent, ASIDE)
               if (self.workdir / self._name(STAGING, int(aside.name.rpartition("-")[2]))).is_dir()]
        if swap.restore_aside(self.site, cut):
            self.notify(notices.restored(self.site))
        stale = [*self._leftovers(self.site.parent, ASIDE), *self._leftovers(self.site.parent, NEW_LINK),
                 *self._leftovers(self.site.parent, REMOVING)]
        for folder in {self.workdir, self.site.parent}:
            stale += self._leftovers(folder, STAGING)
        removed = 0
        for path in stale:
            if (stuck := _remove(path)) is None:
                removed += 1
            else:
                self.notify(notices.leftover_not_removed(path, *stuck))
        if removed:
            self.notify(notices.cleaned(removed))
        if self.linked:
            for path in self._releases_to_prune():
                shutil.rmtree(path, ignore_errors=True)

    def _leftovers(self, folder: Path, kind: str) -> list[Path]:
        pattern = re.compile(re.escape(f".{self.site.name}.{kind}-") + r"(\d+)")
        if not folder.is_dir():
            return []
        return sorted(child for child in folder.iterdir()
                      if (match := pattern.fullmatch(child.name)) and _owner_gone(int(match.group(1))))
