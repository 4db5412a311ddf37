"""The workers of portal_mkdocs/parallel.py: each page's article handed over once, in any
order asked, and the workers never far ahead of the pages taken (the build process does not
hold a province's articles at once); a worker replaced by a fresh fork after its tasks."""

from __future__ import annotations

import os
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
