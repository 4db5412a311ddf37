"""Publishing cannot half-publish (issue 12, items 8, 9 and 11).

Builds run in subprocesses, as `mkdocs build --strict` runs; faults are injected by
monkeypatching inside that process (a `prelude` run before MkDocs' command line), kills
through the test hook of killpoints.py. After each: `site/` is a whole site (the old one
or the new one, never a mix, never nothing), and the next build cleans up.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from markers import runs_mkdocs
from test_output import UNSTABLE_UPSTREAM
from test_pages import write_site

from conftest import build_env, made_once
from portal import build_cache
from portal_mkdocs import notices, swap
from portal_mkdocs.killpoints import KILL_AT, Step
from portal_mkdocs.lock import SiteLock
from portal_mkdocs.notices import KEPT
from portal_mkdocs.publish import KEEP_PREVIOUS_RELEASES, Publisher
from portal_mkdocs.search import BINARY_ENV, find_indexer, index_command

# Preludes: monkeypatches applied in the build's own process before MkDocs starts.
NO_EXCHANGE = "import portal_mkdocs.swap as swap\nswap.renameat2 = None  # a system without RENAME_EXCHANGE\n"
def held_after_first_page(release: Path) -> str:
    """A prelude for build_command: the build writes its first page (an index.html: MkDocs
    writes 404.html and sitemap.xml before the pages), then waits until `release` exists, so
    that the test acts while the build is surely in the middle of writing its pages (a build
    slowed by a sleep a page could end first on a loaded machine)."""
    return f"""
import pathlib, time, mkdocs.utils
_write_file = mkdocs.utils.write_file
def write_file(content, path):
    _write_file(content, path)
    while path.endswith("index.html") and not pathlib.Path({str(release)!r}).exists():
        time.sleep(0.05)
mkdocs.utils.write_file = write_file
"""


CLI = "import sys\nfrom mkdocs.__main__ import cli\nsys.argv = ['mkdocs', 'build', '--strict']\ncli()\n"


@runs_mkdocs
def build_command(prelude: str = "") -> list[str]:
    return [sys.executable, "-c", prelude + "\n" + CLI]


def run_build(root: Path, prelude: str = "", *, env: dict[str, str] | None = None,
              **extra_env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(build_command(prelude), cwd=root, capture_output=True, text=True,
                          env={**(build_env() if env is None else env), **extra_env}, timeout=300)


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file of a published site (through its symlink), but the few Pagefind 1.5
    writes differently on every run (test_output.UNSTABLE_UPSTREAM)."""
    files = (path for path in sorted(site.rglob("*")) if path.is_file())
    return {name: path.read_bytes() for path in files
            if not UNSTABLE_UPSTREAM.match(name := path.relative_to(site).as_posix())}


def leftovers(*folders: Path) -> list[str]:
    """What interrupted builds leave beside a site: staging folders, old copies, new links."""
    return sorted(p.name for folder in folders if folder.is_dir() for p in folder.iterdir()
                  if p.name.startswith(".site.") and p.name != ".site.lock")


def releases(www: Path) -> list[str]:
    return sorted(p.name for p in www.iterdir() if re.fullmatch(r"site\.release-\d+", p.name))


def add_page(root: Path) -> None:
    """The next version of the site: one more page."""
    (root / "content/moi.md").write_text("# Trang mới\n", encoding="utf-8")


def project(tmp_path: Path, mode: str) -> Path:
    """A small portal; in mode "symlink" its site/ is a relative link to a web root."""
    root = write_site(tmp_path / "proj")
    if mode == "symlink":
        web_root = tmp_path / "www/portal"
        web_root.mkdir(parents=True)
        (web_root / "index.html").write_text("web root", encoding="utf-8")
        (root / "site").symlink_to(Path("../www/portal"))
    return root


def _wait_for(condition: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


# A folder by way of publishing ("exchange", "renames", "symlink": KILL_CASES).
ByMode = Callable[[str], Path]


def prelude_of(mode: str) -> str:
    """The prelude of a build in `mode`: "renames" is a system without RENAME_EXCHANGE."""
    return NO_EXCHANGE if mode == "renames" else ""


def _first_build(folder: Path, mode: str) -> None:
    root = project(folder, mode)
    built = run_build(root, prelude_of(mode))
    assert built.returncode == 0, built.stderr


@pytest.fixture(scope="session")
def first_builds(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> ByMode:
    """The folder of `project(folder, mode)` as its first build left it (proj/, and www/ in mode
    "symlink"), by mode: each built once per run, when a test first asks for it."""
    made: dict[str, Path] = {}

    def first_build(mode: str) -> Path:
        if mode not in made:
            made[mode] = made_once(tmp_path_factory, worker_id, f"publish-first-build-{mode}",
                                    lambda folder: _first_build(folder, mode))
        return made[mode]
    return first_build


@pytest.fixture
def with_old_site(tmp_path: Path, first_builds: ByMode) -> ByMode:
    """`project(tmp_path, mode)` once its first build has published the old site: a copy of
    that build, made once per run (the 229 pages each case built again are the same), links
    kept as links. Its project folder."""
    def copy(mode: str) -> Path:
        for part in first_builds(mode).iterdir():
            shutil.copytree(part, tmp_path / part.name, symlinks=True)
        return tmp_path / "proj"
    return copy


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory, worker_id: str,
              first_builds: ByMode) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The old site (the first build) and the new one (with add_page, built once per run over a
    copy of the first build), undisturbed."""
    first = first_builds("exchange") / "proj"

    def build_the_new_site(folder: Path) -> None:
        root = folder / "proj"
        shutil.copytree(first, root, symlinks=True)
        add_page(root)
        assert run_build(root).returncode == 0

    old = snapshot(first / "site")
    new = snapshot(made_once(tmp_path_factory, worker_id, "publish-new-site", build_the_new_site) / "proj/site")
    assert "moi/index.html" in new and "moi/index.html" not in old
    return old, new


# Item 9: one atomic step, and recovery at the next start.

# Every step, in each way of publishing that passes through it.
KILL_CASES: dict[str, tuple[Step, ...]] = {
    "exchange": (Step.BUILT, Step.STAGED, Step.EXCHANGED, Step.REMOVING),
    "renames": (Step.STAGED, Step.OLD_MOVED),
    "symlink": (Step.STAGED, Step.RELEASED, Step.LINKED, Step.SWITCHED),
}
AFTER_THE_SWITCH = {Step.EXCHANGED, Step.SWITCHED, Step.REMOVING}


def test_every_step_of_publishing_is_killed_in_some_case() -> None:
    assert {step for steps in KILL_CASES.values() for step in steps} == set(Step)


@pytest.mark.spread  # 12 cases of about 30 s, each its own builds: shared out among the workers
@pytest.mark.parametrize(("mode", "step"), [(mode, step) for mode, steps in KILL_CASES.items() for step in steps])
def test_a_build_killed_at_any_step_leaves_a_whole_site_and_the_next_build_cleans_up(
        tmp_path: Path, with_old_site: ByMode, reference: tuple[dict[str, bytes], dict[str, bytes]], mode: str,
        step: Step) -> None:
    old, new = reference
    root = with_old_site(mode)
    prelude = prelude_of(mode)
    add_page(root)

    killed = run_build(root, prelude, **{KILL_AT: step.value})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    site = root / "site"
    if step is Step.OLD_MOVED:
        # The one instant the rename fallback has no site/: its old copy waits aside, whole.
        assert not os.path.lexists(site)
        [aside] = [p for p in root.iterdir() if p.name.startswith(".site.old-")]
        assert snapshot(aside) == old
    else:
        assert snapshot(site) == (new if step in AFTER_THE_SWITCH else old)

    again = run_build(root, prelude)
    assert again.returncode == 0, again.stderr
    assert snapshot(site) == new
    assert leftovers(root, tmp_path / "www") == []
    if mode == "symlink":
        assert len(releases(tmp_path / "www")) <= 1 + KEEP_PREVIOUS_RELEASES


def test_a_half_done_swap_is_undone_before_anything_else(
        with_old_site: ByMode, reference: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    old, _ = reference
    root = with_old_site("renames")
    add_page(root)
    assert run_build(root, NO_EXCHANGE, **{KILL_AT: Step.OLD_MOVED.value}).returncode == -signal.SIGKILL
    assert not (root / "site").exists()
    # The next build stops on bad data, but first it has put the old site back.
    (root / "data/people/pgddt-cu-chi.yml").write_text("people: [\n", encoding="utf-8")
    failed = run_build(root)
    assert failed.returncode == 1
    assert "Đã khôi phục" in failed.stderr
    assert snapshot(root / "site") == old
    assert leftovers(root) == []


def test_ctrl_c_during_a_build_leaves_the_old_site_and_no_staging_folder(
        tmp_path: Path, with_old_site: ByMode, reference: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    """Ctrl-C while the pages are written. SIGTERM, which takes the same way out: the
    whole-group test below."""
    old, _ = reference
    root = with_old_site("exchange")
    add_page(root)
    # Never released: the build is held after its first page until Ctrl-C stops it.
    build = subprocess.Popen(build_command(held_after_first_page(tmp_path / "never")), cwd=root,
                             env=build_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _wait_for(lambda: any(root.glob(".site.building-*/**/index.html")))
    build.send_signal(signal.SIGINT)
    _, errors = build.communicate(timeout=120)
    assert build.returncode != 0, errors
    assert snapshot(root / "site") == old
    assert leftovers(root) == [], errors
    assert not (root / ".site.lock").exists(), errors


def _rebuilding_with_workers(tmp_path: Path, with_old_site: ByMode) -> tuple[Path, subprocess.Popen[str]]:
    """A project built once, then a page added and a build started in a process group of its own,
    held after its first page with its workers forked: the project and the build."""
    root = with_old_site("exchange")
    add_page(root)
    build = subprocess.Popen(build_command(held_after_first_page(tmp_path / "never")), cwd=root,
                             env=build_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    _wait_for(lambda: any(root.glob(".site.building-*/**/index.html")))
    group = subprocess.run(["pgrep", "-g", str(build.pid)], capture_output=True, text=True).stdout.split()
    assert len(group) > 1, "no worker forked: the case is not exercised"
    return root, build


def test_sigterm_to_the_whole_process_group_while_workers_run_ends_the_build(
        tmp_path: Path, with_old_site: ByMode, reference: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    """Review 7: systemd stopping a service and a CI job cancelled signal the build's whole
    group; a worker killed while it waited for a task held the pool's queue lock, and stopping
    the pool waited for it for ever, signals ignored, the lock file kept (parallel.Ahead.close)."""
    old, _ = reference
    root, build = _rebuilding_with_workers(tmp_path, with_old_site)
    os.killpg(build.pid, signal.SIGTERM)
    _, errors = build.communicate(timeout=60)
    assert build.returncode == -signal.SIGTERM, errors
    assert "Traceback" not in errors, errors
    assert snapshot(root / "site") == old
    assert leftovers(root) == [], errors
    assert not (root / ".site.lock").exists(), errors
    _wait_for(lambda: not subprocess.run(["pgrep", "-g", str(build.pid)], capture_output=True).stdout)


# A stop while the old site is removed: the rmtree after the switch (whatever it names) sends
# the build SIGTERM, once, as `kill <pid>` would while a large old site is being removed.
SIGTERM_WHILE_REMOVING = """
import os, pathlib, shutil, signal
_rmtree = shutil.rmtree
def rmtree(path, *args, **kwargs):
    if pathlib.Path('site/moi/index.html').exists() and not os.environ.get('SENT'):
        os.environ['SENT'] = '1'
        os.kill(os.getpid(), signal.SIGTERM)
    return _rmtree(path, *args, **kwargs)
shutil.rmtree = rmtree
"""


@pytest.mark.parametrize("mode", ["exchange", "renames"])
def test_a_stop_while_the_old_site_is_removed_says_the_new_one_is_published(
        with_old_site: ByMode, reference: tuple[dict[str, bytes], dict[str, bytes]], mode: str) -> None:
    """The new site is in place when the SIGTERM comes: the build says so, and names what is
    left of the old one, which the next build removes."""
    _, new = reference
    root = with_old_site(mode)
    prelude = prelude_of(mode)
    add_page(root)
    stopped = run_build(root, prelude + SIGTERM_WHILE_REMOVING)
    assert stopped.returncode == -signal.SIGTERM, stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert snapshot(root / "site") == new
    assert notices.published(root / "site") in stopped.stderr
    [left] = leftovers(root)
    assert notices.old_site_left(root / "site", [root / left]) in stopped.stderr
    assert snapshot(root / left) != new  # the old site, not the new one
    assert not (root / ".site.lock").exists()
    again = run_build(root, prelude)
    assert again.returncode == 0, again.stderr
    assert leftovers(root) == []
    assert snapshot(root / "site") == new


# A file that cannot be removed, as one owned by root (left by a `sudo` build) or marked immutable
# (`chattr +i`): the file whose inode LOCKED_INODE names, wherever it is renamed to.
UNDELETABLE = """
import errno, os, shutil
_unlink = os.unlink
def unlink(path, *, dir_fd=None):
    if os.stat(path, dir_fd=dir_fd, follow_symlinks=False).st_ino == int(os.environ['LOCKED_INODE']):
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), path)
    _unlink(path, dir_fd=dir_fd)
os.unlink = unlink
"""


@pytest.mark.parametrize("mode", ["exchange", "renames"])
def test_an_old_site_that_cannot_be_removed_is_named_and_never_stops_a_later_build(
        with_old_site: ByMode, reference: tuple[dict[str, bytes], dict[str, bytes]], mode: str) -> None:
    """The old site's index.html cannot be removed: the switch publishes the new site and says
    which hidden folder is left and how to remove it; every later build publishes too, and says
    it again (it refused, naming site/, and the portal was stuck); once the file can be removed,
    the next build removes the folder."""
    _, new = reference
    root = with_old_site(mode)
    prelude = prelude_of(mode)
    site = root / "site"
    locked = {"LOCKED_INODE": str((site / "index.html").stat().st_ino)}
    add_page(root)
    built = run_build(root, prelude + UNDELETABLE, **locked)
    assert built.returncode == 0, built.stderr
    assert snapshot(site) == new
    [left] = leftovers(root)
    assert left.startswith(".site.removing-")
    refused = PermissionError(errno.EPERM, os.strerror(errno.EPERM))
    said = notices.old_site_not_removed(site, root / left, root / left / "index.html", refused)
    assert said in built.stderr
    assert f"sudo rm -rf '{root / left}'" in said and "thư mục ẩn" in said
    assert not (root / ".site.lock").exists()

    again = run_build(root, prelude + UNDELETABLE, **locked)
    assert again.returncode == 0, again.stderr
    assert notices.leftover_not_removed(root / left, root / left / "index.html", refused) in again.stderr
    assert notices.published(site) in again.stderr and KEPT not in again.stderr
    assert snapshot(site) == new
    assert leftovers(root) == [left]

    cleaned = run_build(root, prelude)
    assert cleaned.returncode == 0, cleaned.stderr
    assert notices.cleaned(1) in cleaned.stderr
    assert leftovers(root) == [] and snapshot(site) == new


def test_a_leftover_that_cannot_be_removed_is_named_and_the_others_are_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At the start of a build: the leftovers that can go go, the one that cannot is named, and
    the build goes on (it stopped, naming the site instead)."""
    gone = _dead_pid()
    stuck = tmp_path / f".site.removing-{gone}"
    (stuck / "nguoi").mkdir(parents=True)
    (stuck / "nguoi/index.html").write_text("owned by root", encoding="utf-8")
    (tmp_path / f".site.building-{gone}").mkdir()
    (tmp_path / "site").mkdir()
    locked = (stuck / "nguoi/index.html").stat().st_ino
    unlink = os.unlink

    def refusing(path: str, *, dir_fd: int | None = None) -> None:
        if os.stat(path, dir_fd=dir_fd, follow_symlinks=False).st_ino == locked:
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), path)
        unlink(path, dir_fd=dir_fd)

    monkeypatch.setattr(os, "unlink", refusing)
    said: list[str] = []
    publisher = Publisher(tmp_path / "site", lock_timeout=0, notify=said.append)
    staging = publisher.start()
    publisher.abandon()
    monkeypatch.undo()
    refused = PermissionError(errno.EPERM, os.strerror(errno.EPERM))
    assert said == [notices.leftover_not_removed(stuck, stuck / "nguoi/index.html", refused), notices.cleaned(1)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [stuck.name, "site"]
    assert [p.relative_to(stuck).as_posix() for p in sorted(stuck.rglob("*"))] == ["nguoi", "nguoi/index.html"]
    assert not staging.exists()


def test_an_old_site_left_aside_after_the_switch_is_never_put_back_as_the_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without RENAME_EXCHANGE the old site goes aside (`.site.old-<pid>`), the new one in its
    place, then the old one is renamed to be removed. Where that rename fails (a file of it held
    open: Windows refuses to rename its folder) and so does the removal (a file owned by root),
    what is left keeps the name of an old site cut off by a kill. Once site/ was removed by hand,
    the next build put those remains back ("Đã khôi phục"), and a refused build left them
    published: a half-removed old site. Only an old site whose switch was cut between its two
    renames is put back: its build's staging folder, the new site, is still beside it."""
    site = tmp_path / "site"
    (site / "nguoi").mkdir(parents=True)
    (site / "index.html").write_text("trang chủ cũ", encoding="utf-8")
    (site / "nguoi/index.html").write_text("Lê Văn Hoà (cũ)", encoding="utf-8")
    locked = (site / "nguoi/index.html").stat().st_ino
    rename, unlink = os.rename, os.unlink

    def renaming(source: str, target: str, *args: object, **kwargs: object) -> None:
        if Path(target).name.startswith(".site.removing-"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), source)
        rename(source, target, *args, **kwargs)  # type: ignore[arg-type]

    def refusing(path: str, *, dir_fd: int | None = None) -> None:
        if os.stat(path, dir_fd=dir_fd, follow_symlinks=False).st_ino == locked:
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), path)
        unlink(path, dir_fd=dir_fd)

    monkeypatch.setattr(swap, "renameat2", None)
    monkeypatch.setattr(os, "rename", renaming)
    monkeypatch.setattr(os, "unlink", refusing)
    said: list[str] = []
    publisher = Publisher(site, lock_timeout=0, notify=said.append)
    (publisher.start() / "index.html").write_text("trang chủ mới", encoding="utf-8")
    publisher.publish()
    monkeypatch.undo()
    [left] = leftovers(tmp_path)
    assert left.startswith(".site.old-") and notices.published(site) in said
    assert [p.relative_to(tmp_path / left).as_posix() for p in sorted((tmp_path / left).rglob("*"))] == [
        "nguoi", "nguoi/index.html"]

    shutil.rmtree(site)  # the clerk removes the site, to have it built afresh
    said.clear()
    refused = Publisher(site, lock_timeout=0, notify=said.append)
    refused.start()
    refused.abandon()  # the build stops on bad data: nothing is published
    assert not os.path.lexists(site) and notices.restored(site) not in said
    assert leftovers(tmp_path) == [] and said == [notices.cleaned(1)]


@pytest.mark.parametrize("chosen", ["inside content/", "relative"])
def test_a_cache_folder_that_the_site_would_publish_stops_the_build_before_anything_is_written(
        tmp_path: Path, chosen: str) -> None:
    """PORTAL_CACHE_DIR inside docs_dir: its entries were published with the pages (inside
    site_dir, removed by each exchange); a relative one is taken from the build's folder."""
    root = project(tmp_path, "exchange")
    folder = str(root / "content/cache") if chosen == "inside content/" else "content/cache"
    refused = run_build(root, PORTAL_CACHE_DIR=folder)
    assert refused.returncode == 1, refused.stderr
    assert "Traceback" not in refused.stderr
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv(build_cache.ENVIRONMENT_VARIABLE, folder)
        with pytest.raises(build_cache.UnsafeFolder) as expected:
            build_cache.site_folder([root / "content"])
    assert str(expected.value) in refused.stderr
    assert folder in str(expected.value) and build_cache.ENVIRONMENT_VARIABLE in str(expected.value)
    assert not (root / "content/cache").exists()
    assert not (root / "site").exists() and leftovers(root) == []


# The cache's entries on a full disk: each is made, and writing it fails with ENOSPC.
CACHE_ON_A_FULL_DISK = """
import os, pathlib, types
from portal import build_cache
def mkstemp(**where):
    path = pathlib.Path(where['dir']) / (where['prefix'] + 'full')
    path.touch()
    return os.open('/dev/full', os.O_WRONLY), str(path)
build_cache.tempfile = types.SimpleNamespace(mkstemp=mkstemp)
"""


@pytest.mark.parametrize("cache", ["parent is a file", "disk full"])
def test_a_cache_that_cannot_be_written_gives_the_same_site(
        tmp_path: Path, reference: tuple[dict[str, bytes], dict[str, bytes]], cache: str) -> None:
    old, _ = reference
    root = project(tmp_path, "exchange")
    (tmp_path / "file").write_text("a file where the cache's folder would be", encoding="utf-8")
    folder, prelude = (tmp_path / "file/cache", "") if cache == "parent is a file" else (
        tmp_path / "cache", CACHE_ON_A_FULL_DISK)
    built = run_build(root, prelude, PORTAL_CACHE_DIR=str(folder))
    assert built.returncode == 0, built.stderr
    assert snapshot(root / "site") == old
    assert not folder.exists() or [path for path in folder.rglob("*") if path.is_file()] == []


def test_a_strict_build_with_warnings_ends_with_a_vietnamese_line_and_keeps_the_old_site(
        with_old_site: ByMode, reference: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    """MkDocs ends a strict build with warnings after the plugins' on_post_build, in English
    ("Aborted with 1 warnings in strict mode!"); its on_build_error tells it in Vietnamese."""
    old, _ = reference
    root = with_old_site("exchange")
    (root / "content/lien-ket.md").write_text("# Liên kết\n\n[Trang không có](khong-co.md)\n", encoding="utf-8")
    warned = run_build(root)
    assert warned.returncode == 1, warned.stderr
    assert "WARNING" in warned.stderr and "khong-co.md" in warned.stderr
    assert f"ERROR   -  {notices.strict_warnings(1)}" in warned.stderr
    assert warned.stdout.strip() == notices.build_stopped(kept=True)  # click prints an Abort there
    assert "Aborted with" not in warned.stderr + warned.stdout and "Traceback" not in warned.stderr
    assert snapshot(root / "site") == old
    assert leftovers(root) == [] and not (root / ".site.lock").exists()


def test_the_swap_exchanges_two_folders_in_one_step(tmp_path: Path) -> None:
    if swap.renameat2 is None:
        pytest.skip("no renameat2 in this C library: the rename fallback is used (tested above)")
    (tmp_path / "a").mkdir()
    (tmp_path / "a/from-a").touch()
    (tmp_path / "b").mkdir()
    (tmp_path / "b/from-b").touch()
    assert swap.exchange(tmp_path / "a", tmp_path / "b")
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["from-b"]
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["from-a"]


@pytest.mark.parametrize("absolute", [False, True], ids=["relative-link", "absolute-link"])
def test_a_symlinked_site_is_switched_to_a_new_release_and_old_releases_are_pruned(
        tmp_path: Path, absolute: bool) -> None:
    root = write_site(tmp_path / "proj")
    www = tmp_path / "www"
    (www / "portal").mkdir(parents=True)
    (www / "portal/index.html").write_text("web root", encoding="utf-8")
    (root / "site").symlink_to(www / "portal" if absolute else Path("../www/portal"))
    for number in range(1, 4):
        result = run_build(root)
        assert result.returncode == 0, result.stderr
        link = root / "site"
        assert link.is_symlink() and os.path.isabs(os.readlink(link)) == absolute
        assert Path(os.path.realpath(link)) == www / f"site.release-{number:05d}"
        assert (link / "nguoi/dbp-ha-thi-lien/index.html").is_file()
        assert releases(www) == [f"site.release-{n:05d}"
                                 for n in range(max(1, number - KEEP_PREVIOUS_RELEASES), number + 1)]
        if number == 1:
            assert f"Thư mục {www / 'portal'}" in result.stderr and "được giữ nguyên" in result.stderr
    assert (www / "portal/index.html").read_text(encoding="utf-8") == "web root"  # not the portal's: kept
    assert leftovers(root, www) == []


# Item 8: a lock.

def test_two_builds_at_once_both_publish_the_whole_site(
        tmp_path: Path, reference: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    old, _ = reference
    root = project(tmp_path, "exchange")
    env = build_env()
    with open(tmp_path / "first.err", "w") as first_err, open(tmp_path / "second.err", "w") as second_err:
        release = tmp_path / "release"
        first = subprocess.Popen(build_command(held_after_first_page(release)), cwd=root, env=env,
                                 stdout=subprocess.DEVNULL, stderr=first_err)
        # The first build has written a page and waits when the second starts; it goes on once
        # the second has said that it waits for the first.
        _wait_for(lambda: any(root.glob(".site.building-*/**/index.html")))
        second = subprocess.Popen(build_command(), cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=second_err)
        _wait_for(lambda: f"(tiến trình {first.pid}) đang xuất bản vào" in (tmp_path / "second.err").read_text())
        release.touch()
        assert first.wait(timeout=300) == 0, (tmp_path / "first.err").read_text()
        assert second.wait(timeout=300) == 0, (tmp_path / "second.err").read_text()
    assert snapshot(root / "site") == old
    assert leftovers(root) == []
    # They did overlap: the second waited for the first.
    assert f"(tiến trình {first.pid}) đang xuất bản vào {root / 'site'}" in (tmp_path / "second.err").read_text()


def test_a_build_waits_while_another_holds_the_lock_and_says_so(tmp_path: Path) -> None:
    root = project(tmp_path, "exchange")
    lock = SiteLock(root / ".site.lock")
    assert lock.acquire(0, lambda holder: None)
    with open(tmp_path / "build.err", "w") as err:
        build = subprocess.Popen(build_command(), cwd=root, env=build_env(), stdout=subprocess.DEVNULL, stderr=err)
        _wait_for(lambda: "đang xuất bản" in (tmp_path / "build.err").read_text(encoding="utf-8"))
        assert build.poll() is None and not (root / "site").exists()
        lock.release()
        assert build.wait(timeout=300) == 0
    message = (tmp_path / "build.err").read_text(encoding="utf-8")
    assert f"Một bản dựng khác (tiến trình {os.getpid()}) đang xuất bản vào {root / 'site'}" in message
    assert (root / "site/index.html").is_file()


def test_a_build_gives_up_after_the_lock_timeout_and_never_touches_a_live_build(with_old_site: ByMode) -> None:
    # The first build's site with the timeout set: the option is only how long a build waits.
    root = write_site(with_old_site("exchange"), plugin={"lock_timeout": 1})
    before = snapshot(root / "site")
    # A staging folder whose build is alive (this process): no build may remove it.
    live = root / f".site.building-{os.getpid()}"
    (live / "nguoi").mkdir(parents=True)
    lock = SiteLock(root / ".site.lock")
    assert lock.acquire(0, lambda holder: None)
    try:
        refused = run_build(root)
    finally:
        lock.release()
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    [line] = [line for line in refused.stderr.splitlines() if "vẫn chạy sau 1 giây chờ" in line]
    assert f"(tiến trình {os.getpid()})" in line and KEPT in line
    assert snapshot(root / "site") == before
    assert run_build(root).returncode == 0
    assert (live / "nguoi").is_dir()


def test_a_lock_let_go_leaves_no_file_and_the_build_waiting_takes_the_next_one(tmp_path: Path) -> None:
    """Review D10: `mkdocs serve --clean` left `.mkdocs_….lock` in the temporary folder at every
    stop (its site folder, MkDocs' own, goes; the lock beside it stayed). The holder now
    removes the file; a build that was waiting on it starts again on the one at the path,
    which a third build then finds held."""
    path = tmp_path / ".site.lock"
    first, waiting, third = SiteLock(path), SiteLock(path), SiteLock(path)
    assert first.acquire(0, lambda holder: None)
    took: list[bool] = []
    told = threading.Event()
    thread = threading.Thread(target=lambda: took.append(waiting.acquire(30, lambda holder: told.set())))
    thread.start()
    assert told.wait(timeout=30)
    first.release()
    thread.join(timeout=30)
    assert took == [True] and path.is_file() and waiting.holder() == os.getpid()
    assert not third.acquire(0, lambda holder: None)  # the file at the path is the one held
    waiting.release()
    assert os.listdir(tmp_path) == []


def test_a_lock_whose_taking_is_cut_short_removes_its_file_but_never_anothers(tmp_path: Path) -> None:
    """A Ctrl-C while the lock is taken (on_shutdown then lets the publisher go)."""
    path = tmp_path / ".site.lock"

    def interrupted(holder: int | None) -> None:
        raise KeyboardInterrupt

    held, cut = SiteLock(path), SiteLock(path)
    assert held.acquire(0, lambda holder: None)
    with pytest.raises(KeyboardInterrupt):
        cut.acquire(30, interrupted)
    cut.release()
    assert path.is_file() and not SiteLock(path).acquire(0, lambda holder: None)  # still held
    held.release()
    assert os.listdir(tmp_path) == []


def test_only_leftovers_whose_process_is_gone_are_removed(tmp_path: Path) -> None:
    gone = _dead_pid()
    (tmp_path / f".site.building-{gone}").mkdir()
    (tmp_path / f".site.old-{gone}").mkdir()
    (tmp_path / f".site.building-{os.getppid()}").mkdir()  # pytest's parent: alive
    (tmp_path / "site").mkdir()
    notices: list[str] = []
    publisher = Publisher(tmp_path / "site", lock_timeout=0, notify=notices.append)
    staging = publisher.start()
    try:
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")) == sorted(
            [".site.lock", staging.name, f".site.building-{os.getppid()}"])
        assert notices == ["Đã dọn 2 thư mục tạm của lần dựng bị ngắt trước."]
    finally:
        publisher.abandon()
    assert not staging.exists() and not (tmp_path / ".site.lock").exists()


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


# A system without what a build needs of POSIX: Windows, where `import fcntl` fails (and os.kill(pid, 0)
# would end the process of a leftover's id). The plugin loads; a build or a preview refuses in one line.
WITHOUT_FCNTL = "import sys\nsys.modules['fcntl'] = None  # as on Windows: importing it fails\n"


@pytest.mark.parametrize("command", [["build", "--strict"], ["serve", "--dev-addr", "127.0.0.1:8765"]])
def test_without_posix_s_lock_a_build_or_a_preview_refuses_in_one_line_and_touches_nothing(
        tmp_path: Path, command: list[str]) -> None:
    root = write_site(tmp_path / "www")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the site published before", encoding="utf-8")
    before = sorted(path.relative_to(root).as_posix() for path in root.rglob("*"))
    cli = f"{WITHOUT_FCNTL}from mkdocs.__main__ import cli\nsys.argv = ['mkdocs', *{command!r}]\ncli()\n"
    refused = subprocess.run([sys.executable, "-c", cli], cwd=root, capture_output=True, text=True,
                             env=build_env(), timeout=120)
    assert refused.returncode == 1
    # One line (MkDocs' Abort prints it on stdout): no traceback, no English.
    assert (refused.stdout + refused.stderr).strip() == notices.unsupported_system()
    assert sorted(path.relative_to(root).as_posix() for path in root.rglob("*")) == before
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "the site published before"


def test_without_posix_s_lock_the_office_s_check_still_reads_the_plugin_s_settings(tmp_path: Path) -> None:
    """`cotcan kiem-tra` reads mkdocs.yml through the plugin: it said "ModuleNotFoundError: import of fcntl"."""
    root = write_site(tmp_path / "www")
    check = f"{WITHOUT_FCNTL}from portal.cli import main\nsys.exit(main(['kiem-tra']))\n"
    checked = subprocess.run([sys.executable, "-c", check], cwd=root, capture_output=True, text=True,
                             env=build_env(), timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "fcntl" not in checked.stdout + checked.stderr
    assert "\n0 lỗi, " in checked.stdout


# Item 11: faults of the environment.

FAULTS: dict[str, tuple[str, str]] = {
    "disk full while MkDocs writes a page": ("""
import errno, os, mkdocs.utils
_write_file, calls = mkdocs.utils.write_file, []
def write_file(content, path):
    calls.append(path)
    if len(calls) == 40:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as write(2) fails: no file name
    _write_file(content, path)
mkdocs.utils.write_file = write_file
""", "ổ đĩa đã đầy"),
    "disk full while the exports are written": ("""
import errno, os, pathlib
def write_bytes(self, data):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
pathlib.Path.write_bytes = write_bytes
""", "ổ đĩa đã đầy"),
    "disk full while Pagefind writes the index": ("", "Không lập được chỉ mục tìm kiếm"),
    "read-only file system before the build": ("""
import errno, os, pathlib
_mkdir = pathlib.Path.mkdir
def mkdir(self, *args, **kwargs):
    if self.name.startswith(".site.building-"):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))
    _mkdir(self, *args, **kwargs)
pathlib.Path.mkdir = mkdir
""", "chỉ cho phép đọc"),
    "read-only file system at the swap": ("""
import errno, os, portal_mkdocs.swap as swap
def exchange(a, b):
    raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(b))
swap.exchange = exchange
""", "chỉ cho phép đọc"),
    "read-only file system at the first rename (fallback)": (NO_EXCHANGE + """
import errno, os
_rename = os.rename
def rename(src, dst, *args, **kwargs):
    if os.path.basename(src) == "site":
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), src)
    _rename(src, dst, *args, **kwargs)
os.rename = rename
""", "chỉ cho phép đọc"),
    "site/ is a mount point, found before the build": ("""
import os.path
_ismount = os.path.ismount
os.path.ismount = lambda path: os.path.basename(path) == "site" or _ismount(path)
""", "điểm gắn kết (mount point)"),
    "site/ is a mount point, found at the swap (EBUSY)": ("""
import errno, os, portal_mkdocs.swap as swap
def exchange(a, b):
    raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(b))
swap.exchange = exchange
""", "điểm gắn kết (mount point)"),
}


@pytest.fixture
def pagefind_disk_full(tmp_path: Path) -> Path:
    """A Pagefind binary that fails as Pagefind does on a full disk."""
    script = tmp_path / "pagefind-full"
    script.write_text('#!/bin/sh\nif [ "$1" = "--version" ]; then echo "pagefind 1.6.0"; exit 0; fi\n'
                      'echo "Error: No space left on device (os error 28)" >&2\nexit 1\n', encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.mark.spread  # each case its own builds
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_of_the_file_system_gives_one_vietnamese_line_and_keeps_the_old_site(
        with_old_site: ByMode, pagefind_disk_full: Path, fault: str) -> None:
    prelude, phrase = FAULTS[fault]
    root = with_old_site("exchange")
    before = snapshot(root / "site")
    env = {"PAGEFIND_BINARY_PATH": str(pagefind_disk_full)} if "Pagefind" in fault else {}
    result = run_build(root, prelude, **env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    [line] = [line for line in result.stderr.splitlines() if phrase in line]
    assert str(root / "site") in line and line.rstrip().endswith(KEPT)
    assert snapshot(root / "site") == before
    assert leftovers(root) == []


def test_the_disk_full_line_names_what_pagefind_said(tmp_path: Path, pagefind_disk_full: Path) -> None:
    root = project(tmp_path, "exchange")
    result = run_build(root, PAGEFIND_BINARY_PATH=str(pagefind_disk_full))
    assert "No space left on device (os error 28)" in result.stderr
    assert not (root / "site").exists()


def test_the_fault_wording_covers_the_errors_of_the_issue() -> None:
    from portal.errors import os_reason
    from portal_mkdocs import notices

    for code in (errno.ENOSPC, errno.EROFS, errno.EBUSY):
        line = notices.fault(Path("/srv/site"), OSError(code, os.strerror(code), "/srv/.site.building-1/a.html"))
        assert "\n" not in line and "/srv/site" in line and "/srv/.site.building-1/a.html" in line
        assert os_reason(OSError(code, "")) in line and os.strerror(code) not in line  # Vietnamese, not the system's


# Which Pagefind indexes the site (issue 16: Pagefind 1.6 for byte-identical indexes).

def _wrapper(path: Path, real: Path) -> Path:
    """A Pagefind that notes its arguments beside itself, then runs the real one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\necho "$@" >> "$0.calls"\nexec "{real}" "$@"\n', encoding="utf-8")
    path.chmod(0o755)
    return path


def test_the_plugin_option_names_the_pagefind_binary_and_the_build_says_which_version(tmp_path: Path) -> None:
    real = find_indexer()
    root = write_site(tmp_path / "proj", plugin={"pagefind_binary": "bin/pagefind"})
    wrapper = _wrapper(root / "bin/pagefind", real.binary)
    env = {k: v for k, v in build_env().items() if k != BINARY_ENV}
    result = run_build(root, env=env)
    assert result.returncode == 0, result.stderr
    assert f"(Pagefind {real.version_text}, {wrapper})" in result.stderr
    assert "--site" in Path(f"{wrapper}.calls").read_text(encoding="utf-8")

    # PAGEFIND_BINARY_PATH, when set, wins over the option (CI sets it to Pagefind 1.6).
    chosen = _wrapper(tmp_path / "ci/pagefind", real.binary)
    result = run_build(root, env={**env, BINARY_ENV: str(chosen)})
    assert result.returncode == 0, result.stderr
    assert f"(Pagefind {real.version_text}, {chosen})" in result.stderr


def test_a_missing_pagefind_stops_the_build_before_any_page_is_written(tmp_path: Path) -> None:
    root = write_site(tmp_path / "proj", plugin={"pagefind_binary": "khong-co/pagefind"})
    env = {k: v for k, v in build_env().items() if k != BINARY_ENV}
    result = run_build(root, env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if "Không tìm thấy chương trình Pagefind" in line]
    assert str(root / "khong-co/pagefind") in line
    assert "Building documentation" not in result.stderr and not (root / "site").exists()


def test_pagefind_accepts_every_flag_the_index_build_passes(tmp_path: Path) -> None:
    """The flags of index_command, checked against the --help of the binary in use (1.5.2
    from PyPI here, 1.6.0 from npm in CI): both list the same ones."""
    indexer = find_indexer()
    flags = {part for part in index_command(indexer, tmp_path, tmp_path / "out", glob="**/*.html")
             if part.startswith("--")}
    assert flags == {"--site", "--output-path", "--force-language", "--quiet", "--glob"}
    listed = subprocess.run([str(indexer.binary), "--help"], capture_output=True, text=True, check=True).stdout
    assert {flag for flag in flags if not re.search(rf"(^|\s){flag}\b", listed)} == set()


def test_ctrl_c_to_the_whole_process_group_while_workers_run_says_so_in_vietnamese(
        tmp_path: Path, with_old_site: ByMode, reference: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    """The office's review: a terminal's Ctrl-C reaches every process of the build, and each
    forked worker printed multiprocessing's English "Process ForkPoolWorker-1:" and a traceback
    above click's "Aborted!"; nothing said, in Vietnamese, that the old site was kept."""
    old, _ = reference
    root, build = _rebuilding_with_workers(tmp_path, with_old_site)
    os.killpg(build.pid, signal.SIGINT)
    _, errors = build.communicate(timeout=60)
    assert build.returncode == 1, errors
    assert "ForkPoolWorker" not in errors and "Traceback" not in errors, errors
    assert notices.interrupted(kept=True) in errors, errors
    assert snapshot(root / "site") == old
    assert leftovers(root) == [], errors
