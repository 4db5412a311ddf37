"""The workers of portal_mkdocs/parallel.py: each page's article handed over once, in any
order asked, and the workers never far ahead of the pages taken (the build process does not
hold a province's articles at once); a worker replaced by a fresh fork after its tasks."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import build_env
from portal_mkdocs import parallel
from portal_mkdocs.parallel import AHEAD, CHUNK, Ahead

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="the workers are forked on Linux only")

WORKERS = 2


def rendering_into(folder: Path) -> Ahead:
    """Workers whose article for `uri` is its name reversed, each leaving a file behind
    when it renders one (the test's window on what the workers did)."""
    def article(uri: str) -> str:
        (folder / uri.replace("/", "_")).touch()
        return f"<article>{uri[::-1]}</article>"

    uris = [f"nguoi/p{i:04d}.md" for i in range(40 * CHUNK)]
    return Ahead(article, uris, lambda: {"danh-sach.csv": b"ho_ten\n"}, WORKERS, folder / "site")


def rendered(folder: Path) -> int:
    return sum(1 for path in folder.iterdir() if path.name.startswith("nguoi_"))


def test_the_workers_run_a_few_chunks_ahead_of_the_pages_taken(tmp_path: Path) -> None:
    ahead = rendering_into(tmp_path)
    try:
        assert ahead.take("nguoi/p0000.md") == "<article>dm.0000p/iougn</article>"
        time.sleep(0.3)  # time enough to render every page, were they not held back
        window = (AHEAD * WORKERS + 1) * CHUNK
        assert CHUNK <= rendered(tmp_path) <= window
        for i in range(1, 20 * CHUNK):
            ahead.take(f"nguoi/p{i:04d}.md")
        time.sleep(0.3)
        assert rendered(tmp_path) <= 20 * CHUNK + window
        ahead.move_exports(tmp_path / "site")
        assert (tmp_path / "site/danh-sach.csv").read_bytes() == b"ho_ten\n"
    finally:
        ahead.close()


def test_pages_asked_out_of_order_are_each_handed_over_once(tmp_path: Path) -> None:
    ahead = rendering_into(tmp_path)
    try:
        order = [39 * CHUNK + 3, 0, *range(1, 39 * CHUNK + 3), *range(39 * CHUNK + 4, 40 * CHUNK)]
        for i in order:
            uri = f"nguoi/p{i:04d}.md"
            assert ahead.take(uri) == f"<article>{uri[::-1]}</article>"
        with pytest.raises(KeyError):
            ahead.take("nguoi/p0000.md")  # taken already
    finally:
        ahead.close()


def test_a_worker_gives_way_to_a_fresh_fork_after_its_tasks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "TASKS_PER_WORKER", 3)
    ahead = Ahead(lambda uri: f"{uri}:{os.getpid()}", [f"p{i}.md" for i in range(12 * CHUNK)], dict, WORKERS,
                  tmp_path / "site")
    try:
        made = [ahead.take(f"p{i}.md").split(":") for i in range(12 * CHUNK)]
    finally:
        ahead.close()
    assert [uri for uri, _ in made] == [f"p{i}.md" for i in range(12 * CHUNK)]
    workers = {pid for _, pid in made}
    assert len(workers) >= 12 // 3 and str(os.getpid()) not in workers


# A build with the plugin's SIGTERM handler (termination.py) whose workers are stopped.
STOPPED_WORKERS = """
from pathlib import Path
import sys, time
from portal_mkdocs import termination
from portal_mkdocs.parallel import Ahead
termination.handle_sigterm()
ahead = Ahead(lambda uri: uri, ["a.md", "b.md"], lambda: {}, 2, Path(sys.argv[1]))
assert ahead.take("a.md") == "a.md"
time.sleep(0.5)  # every worker idle, waiting for a task
ahead.close()
"""


def test_workers_stopped_under_the_sigterm_handler_end_quietly(tmp_path: Path) -> None:
    """Review (serve5): the pool stops its workers with SIGTERM; forked with the handler that
    has SIGTERM clean up as Ctrl-C does, each raised it and printed a traceback."""
    ended = subprocess.run([sys.executable, "-c", STOPPED_WORKERS, str(tmp_path / "site")], env=build_env(),
                           capture_output=True, text=True, timeout=60)
    assert (ended.returncode, ended.stderr) == (0, "")


def _deaf_to_sigterm(uri: str) -> str:
    """An article that leaves its worker deaf to SIGTERM, as a worker is when a SIGTERM sent to
    it is lost (one that reached it in the fork, before its handler was reset), and the last
    page's keeps it busy long after the pool is stopped."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if uri == "last.md":
        time.sleep(30)
    return uri


def test_workers_the_pool_cannot_stop_are_killed_after_a_while(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CI hung for good in Pool.terminate, joining a fresh worker its SIGTERM had not ended
    (and review 7 made it hang so with a worker killed while it held the pool's queue lock):
    stopping the pool is given STOP_SECONDS, then every worker is killed."""
    monkeypatch.setattr(parallel, "STOP_SECONDS", 0.5)
    uris = [f"p{i}.md" for i in range(4 * CHUNK)] + ["last.md"]
    ahead = Ahead(_deaf_to_sigterm, uris, lambda: {}, WORKERS, tmp_path / "site")
    for uri in uris[:-1]:
        ahead.take(uri)  # every worker has rendered some: deaf now; one is on the last page
    time.sleep(0.3)
    started = time.monotonic()
    ahead.close()
    assert time.monotonic() - started < 10
    _wait_for_no_children()


def _wait_for_no_children() -> None:
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


SIGTERM_IN_THE_FORK = """
import os, signal, time
from portal_mkdocs import termination
# Registered first, so run first in the child: a SIGTERM that reaches it before the portal's
# hook has made SIGTERM's handler the default again (the pool's, to a fresh worker).
os.register_at_fork(after_in_child=lambda: os.kill(os.getpid(), signal.SIGTERM))
termination.handle_sigterm()
pid = os.fork()
if pid == 0:
    time.sleep(3)
    os._exit(0)  # the SIGTERM was lost
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM)
"""


def test_a_sigterm_that_reaches_a_child_while_it_forks_ends_it(tmp_path: Path) -> None:
    """CI hung for good in Pool.terminate, joining a fresh worker its SIGTERM had not ended:
    sent before the child's handler was reset to the default, it was lost. SIGTERM is held back
    across the fork and let through once the default is back (termination.py)."""
    ended = subprocess.run([sys.executable, "-c", SIGTERM_IN_THE_FORK], env=build_env(),
                           capture_output=True, text=True, timeout=60)
    assert (ended.returncode, ended.stdout.strip(), ended.stderr) == (0, "True", "")
