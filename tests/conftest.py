"""Shared fixtures: a small valid dataset written as YAML files into a temp dir."""

from __future__ import annotations

import copy
import fcntl
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from examples import draw_a_share, is_quick_subset, report
from markers import apply_markers, runs_mkdocs

from portal import originals, site_checks
from portal.load import load, load_or_raise
from portal.model import Portal
from portal.problems import Problem
from portal_mkdocs.parallel import processors

REPO = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    # Run in the background of a shell without job control (`pytest &` in a script), the run
    # inherits Ctrl-C ignored, and so would every program it starts: the tests that send one
    # would see it ignored. The default comes back here, for this process and its children.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    # Before collection: the property tests' decorators read the count when their module is imported.
    if is_quick_subset(config.getoption("markexpr")):
        draw_a_share()


def pytest_report_header() -> str:
    return report()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: a worker more than the processors, as much of the suite waits (Chromium,
    builds in subprocesses, pages settling) rather than computes (two a processor were tried
    and were no faster: docs/testing.md); xdist's own answer where PYTEST_XDIST_AUTO_NUM_WORKERS
    says how many."""
    if "PYTEST_XDIST_AUTO_NUM_WORKERS" in os.environ:
        return None
    return processors() + 1


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    apply_markers(items)
    for item in items:  # a module's tests on one worker, so that its fixtures are made once
        if item.get_closest_marker("spread") is None:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__ if item.module else item.nodeid))



@pytest.fixture(autouse=True)
def no_verdict_kept_by_an_earlier_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a process does: an in-process `cotcan kiem-tra` or build names its cache
    folder to the module's site_checks.CLEAN_SITE_FILES and originals.CHECKED, which outlive the
    test (and CHECKED keeps its results for the process): a later test that lowered a limit
    (MAX_PDF_PAGES) was told a verdict kept before it, possibly in the developer's own cache."""
    site_checks.CLEAN_SITE_FILES.use_folder(None)
    monkeypatch.setattr(originals, "CHECKED", originals.CheckedOriginals(lambda: None))

BASE: dict[str, Any] = {
    "offices.yml": {"offices": [
        {"id": "pgddt-a", "name": "Phòng Giáo dục và Đào tạo huyện A", "short_name": "Phòng GDĐT A",
         "kind": "phong-gddt", "place": "A"},
    ]},
    "subjects.yml": {"subjects": [{"id": "toan", "name": "Toán"}, {"id": "ngu-van", "name": "Ngữ văn"}]},
    "schools/pgddt-a.yml": {"office": "pgddt-a", "schools": [
        {"id": "a-thcs-mot", "name": "THCS Một", "level": "THCS", "aliases": ["Trường THCS Một"]},
        {"id": "a-thcs-hai", "name": "THCS Hai", "level": "THCS"},
    ]},
    "people/pgddt-a.yml": {"people": [
        {"id": "a-le-thi-hong", "name": "Lê Thị Hồng", "honorific": "Bà"},
        {"id": "a-ha-thi-lien", "name": "Hà Thị Liên"},
        {"id": "a-dang-van-thuy", "name": "Đặng Vân Thùy", "contact": {"phone": "0912944718"}},
    ]},
    "years/2024-2025/pgddt-a.yml": {
        "school_year": "2024-2025",
        "office": "pgddt-a",
        "documents": [
            {"id": "a-2024-qd-1", "kind": "quyet-dinh", "number": "1/QĐ-PGDĐT", "date": "2024-09-13",
             "title": "Về việc thành lập tổ cốt cán",
             "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"},
             "text": "QUYẾT ĐỊNH\nLiên hệ 0912944718."},
        ],
        "bodies": [
            {"id": "a-to", "kind": "to-cot-can", "name": "Tổ cốt cán", "decision": "a-2024-qd-1",
             "declared_count": 2,
             "members": [{"person": "a-le-thi-hong", "role": "to-truong"}]},
            {"id": "a-to-toan", "kind": "nhom-bo-mon", "name": "Nhóm Toán", "parent": "a-to",
             "decision": "a-2024-qd-1", "subject": "toan",
             "members": [
                 {"stt": 1, "person": "a-ha-thi-lien", "role": "nhom-truong", "position": "Phó Hiệu trưởng",
                  "unit": "a-thcs-mot", "as_written": "Phó Hiệu trưởng - THCS Một", "subject": "Toán",
                  "note": "Nhóm trưởng"},
                 {"stt": 2, "person": "a-dang-van-thuy", "role": "uy-vien", "unit": "a-thcs-hai"},
             ]},
        ],
    },
}


class Dataset:
    """A copy of BASE to change in a test, then written out and loaded."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, Any] = copy.deepcopy(BASE)
        self.raw: dict[str, str] = {}

    @property
    def year(self) -> dict[str, Any]:
        return self.files["years/2024-2025/pgddt-a.yml"]

    def write(self) -> Path:
        data = self.root / "data"
        for name, content in self.files.items():
            path = data / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for name, text in self.raw.items():
            path = data / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return data

    def problems(self) -> list[Problem]:
        _, problems = load(self.write(), self.root)
        return problems

    def messages(self) -> list[str]:
        return [p.format() for p in self.problems()]


def build_env() -> dict[str, str]:
    """The environment of a test build: nothing from the user's but the Pagefind binary
    chosen for the run (CI sets PAGEFIND_BINARY_PATH to Pagefind 1.6, .ci/run). The plugin
    is imported from this checkout, whatever checkout the installed (editable) package names."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "plugins")}
    if "PAGEFIND_BINARY_PATH" in os.environ:
        env["PAGEFIND_BINARY_PATH"] = os.environ["PAGEFIND_BINARY_PATH"]
    return env


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    return Dataset(tmp_path)


@pytest.fixture(scope="session")
def repo_portal() -> Portal:
    """The repository's data, loaded once per run; it loads without error or warning."""
    model, warnings = load_or_raise(REPO / "data", REPO)
    assert warnings == []
    return model


# The fictional sample office (`sample: true` in data/offices.yml) is published only when the
# plugin's `sample_data` is on; the repository's mkdocs.yml reads it from this variable.
SAMPLE_DATA_ON = {"PORTAL_SAMPLE_DATA": "true"}


@runs_mkdocs
def repo_build(site: Path, *, sample_data: bool) -> None:
    """A strict build of the repository's own site into `site`."""
    env = {**build_env(), **(SAMPLE_DATA_ON if sample_data else {})}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=REPO, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr


def made_once(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
              make: Callable[[Path], None]) -> Path:
    """A folder `make` fills, made once per run: under pytest-xdist by the first worker that asks
    for it, in the run's folder the workers share, while the others wait on its lock (each worker
    made it again: three builds of the same site where one will do)."""
    if worker_id == "master":  # one process
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent / name  # the run's folder, one per run
    shared.mkdir(exist_ok=True)
    folder, done = shared / "made", shared / "done"
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():  # a build that failed left no mark: the next worker tries again
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def built_once(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str, sample_data: bool) -> Path:
    """The repository's site, built once per run (made_once)."""
    return made_once(tmp_path_factory, worker_id, name,
                     lambda folder: repo_build(folder / "site", sample_data=sample_data)) / "site"


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The repository's own site with the sample office (several years, every page kind), built
    once per run with --strict; tests only read it."""
    return built_once(tmp_path_factory, worker_id, "repo", sample_data=True)


@pytest.fixture(scope="session")
def public_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The repository's site as published by default: the sample office switched off."""
    return built_once(tmp_path_factory, worker_id, "public", sample_data=False)
