"""Installable: a wheel, installed in a fresh virtual environment, builds an office's site
from a folder outside the repository that holds only data/, an empty docs/ and the shortest
mkdocs.yml; and its `cotcan` creates a new office's site that builds once its placeholders are
replaced. .ci/run requires it to run (REQUIRE_VENV=1), not be skipped.

The wheel is built from a copy of what it is made of (pyproject.toml, README.md, plugins/),
so that no build/ folder left in the repository by an earlier build can add stale files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from markers import runs_mkdocs
from test_newsite import replace_placeholders, run_build_commands
from test_plugin import BODY_PAGE, office_repository

from conftest import REPO
from portal_mkdocs import theme

WHEEL_SOURCES = ["pyproject.toml", "README.md", "plugins"]


def run(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


def wheel(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    for name in WHEEL_SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / name, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(tmp_path / "dist"),
         str(source)])
    [built] = (tmp_path / "dist").glob("portal_cot_can-*.whl")
    return built


def fresh_venv(folder: Path) -> Path:
    """A new virtual environment with pip; the test is skipped if none can be made, but where
    REQUIRE_VENV=1 (.ci/run)."""
    made = subprocess.run([sys.executable, "-m", "venv", str(folder)], capture_output=True, text=True, timeout=300)
    if made.returncode != 0:
        reason = f"cannot create a virtual environment here (python3-venv missing?): {made.stderr.strip()}"
        if os.environ.get("REQUIRE_VENV") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return folder / "bin"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel, and the bin/ of a fresh virtual environment it is installed in."""
    root = tmp_path_factory.mktemp("install")
    built = wheel(root)
    bin_dir = fresh_venv(root / "venv")
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(built)])
    return built, bin_dir


def outside_env(bin_dir: Path, home: Path) -> dict[str, str]:
    """What a shell of the office has: the environment's bin/ first on the PATH, nothing of ours."""
    return {"PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(home)}


@runs_mkdocs
def test_an_installed_wheel_builds_a_site_outside_the_repository(tmp_path: Path,
                                                                  installed: tuple[Path, Path]) -> None:
    built, bin_dir = installed
    with zipfile.ZipFile(built) as archive:
        names = set(archive.namelist())
    assert {"portal/templates/body.html", "portal/schema/year.schema.json", "portal/newsite/templates/README.md",
            "portal/newsite/templates/data/subjects.yml", "portal/newsite/templates/github-pages.yml",
            f"portal_mkdocs/overrides/{theme.STYLESHEET}", "portal_mkdocs/overrides/main.html"} <= names

    office = office_repository(tmp_path / "office")
    assert sorted(p.name for p in office.iterdir()) == ["data", "docs", "mkdocs.yml"]
    assert list((office / "docs").iterdir()) == []

    env = outside_env(bin_dir, tmp_path)
    where = run([str(bin_dir / "python"), "-c", "import portal, portal_mkdocs; print(portal.__file__); "
                 "print(portal_mkdocs.__file__)"], cwd=office, env=env)
    assert all(line.startswith(str(bin_dir.parent)) for line in where.stdout.splitlines()), where.stdout
    run([str(bin_dir / "mkdocs"), "build", "--strict"], cwd=office, env=env)

    site = office / "site"
    assert '<html lang="vi"' in (site / "index.html").read_text(encoding="utf-8")
    assert "Hà Thị Liên" in (site / BODY_PAGE).read_text(encoding="utf-8")
    assert (site / theme.STYLESHEET).is_file() and (site / theme.SCRIPT).is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def test_the_installed_cotcan_creates_a_site_that_builds_once_its_placeholders_are_replaced(
        tmp_path: Path, installed: tuple[Path, Path]) -> None:
    """The wheel goes into the new site's vendor/, its requirements.txt
    installs it (offline here: it is already installed), the workflow's build command refuses
    the placeholders, and builds the site once they are replaced."""
    built, bin_dir = installed
    env = outside_env(bin_dir, tmp_path)
    office = tmp_path / "so-gddt-dien-bien"
    run([str(bin_dir / "cotcan"), "tao-trang", str(office), "--office", "so-gddt-dien-bien", "--name",
         "Sở Giáo dục và Đào tạo tỉnh Điện Biên", "--year", "2025-2026", "--package", str(built)],
        cwd=tmp_path, env=env)
    assert (office / "vendor" / built.name).read_bytes() == built.read_bytes()
    # Without --package: the wheel pip installed this cotcan from (its direct_url.json).
    by_default = tmp_path / "mac-dinh"
    run([str(bin_dir / "cotcan"), "tao-trang", str(by_default), "--office", "so-gddt-dien-bien", "--name",
         "Sở Giáo dục và Đào tạo tỉnh Điện Biên"], cwd=tmp_path, env=env)
    assert (by_default / "vendor" / built.name).read_bytes() == built.read_bytes()
    assert f"./vendor/{built.name}" in (by_default / "requirements.txt").read_text(encoding="utf-8").splitlines()
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-index", "-r", "requirements.txt"],
        cwd=office, env=env)
    for refused in run_build_commands(office, bin_dir):
        assert refused.returncode == 1 and "4 lỗi, 0 cảnh báo." in refused.stderr, refused.stderr[-2000:]
    replace_placeholders(office)
    checked = run([str(bin_dir / "cotcan"), "kiem-tra"], cwd=office, env=env)
    assert checked.stdout.endswith("0 lỗi, 0 cảnh báo.\n")
    for built_site in run_build_commands(office, bin_dir):
        assert built_site.returncode == 0, built_site.stderr[-3000:]
    page = office / "site" / "truong" / "truong-cho-giu" / "2025-2026" / "index.html"
    assert "Hà Thị Liên" in page.read_text(encoding="utf-8")
