"""Installable: a wheel, installed in a fresh virtual environment, builds an office's site
from a folder outside the repository that holds only data/, an empty docs/ and the shortest
mkdocs.yml. .ci/run does the same in a block of its own.

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
    """A new virtual environment with pip; the test is skipped only if none can be made."""
    made = subprocess.run([sys.executable, "-m", "venv", str(folder)], capture_output=True, text=True, timeout=300)
    if made.returncode != 0:
        pytest.skip(f"cannot create a virtual environment here (python3-venv missing?): {made.stderr.strip()}")
    return folder / "bin"


@runs_mkdocs
def test_an_installed_wheel_builds_a_site_outside_the_repository(tmp_path: Path) -> None:
    built = wheel(tmp_path)
    with zipfile.ZipFile(built) as archive:
        names = set(archive.namelist())
    assert {"portal/templates/body.html", "portal/schema/year.schema.json",
            f"portal_mkdocs/overrides/{theme.STYLESHEET}", "portal_mkdocs/overrides/main.html"} <= names

    bin_dir = fresh_venv(tmp_path / "venv")
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(built)])
    office = office_repository(tmp_path / "office")
    assert sorted(p.name for p in office.iterdir()) == ["data", "docs", "mkdocs.yml"]
    assert list((office / "docs").iterdir()) == []

    env = {"PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(tmp_path)}
    where = run([str(bin_dir / "python"), "-c", "import portal, portal_mkdocs; print(portal.__file__); "
                 "print(portal_mkdocs.__file__)"], cwd=office, env=env)
    assert all(line.startswith(str(tmp_path / "venv")) for line in where.stdout.splitlines()), where.stdout
    run([str(bin_dir / "mkdocs"), "build", "--strict"], cwd=office, env=env)

    site = office / "site"
    assert '<html lang="vi"' in (site / "index.html").read_text(encoding="utf-8")
    assert "Hà Thị Liên" in (site / BODY_PAGE).read_text(encoding="utf-8")
    assert (site / theme.STYLESHEET).is_file() and (site / theme.SCRIPT).is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
