"""The synthetic province generator: valid, deterministic, with a merger, stable ids, and it builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_pages import build

from conftest import REPO
from portal.load import load_or_raise
from portal.model import Portal

SMALL = ["--scale", "0.02", "--years", "3", "--subjects", "4"]


def generate(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, str(REPO / "scripts/generate_province.py"), "--out", str(out),
                             *SMALL, *extra], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("province")
    generate(out)
    return out


@pytest.fixture(scope="module")
def portal(province: Path) -> Portal:
    portal, problems = load_or_raise(province / "data", province)
    assert problems == [], "\n".join(p.format() for p in problems)  # no error, no warning
    return portal


def test_it_prints_the_counts(tmp_path: Path) -> None:
    printed = generate(tmp_path).stdout
    for name in ("schools", "people", "bodies", "memberships", "documents", "generated pages"):
        assert f"{name}" in printed


def test_the_data_is_complete(portal: Portal) -> None:
    kinds = {b.kind for b in portal.bodies.values()}
    assert {"to-cot-can", "nhom-bo-mon", "cum-chuyen-mon", "nhom-lien-truong"} <= kinds
    assert len(portal.subjects) == 4
    assert [str(y) for y in portal.school_years] == ["2023-2024", "2024-2025", "2025-2026"]
    assert {s.level for s in portal.schools.values()} <= {"TH", "THCS", "TH-THCS"}
    assert any(p.private_values for p in portal.people.values()), "some people have a private phone"
    assert any(p.distinct_from for p in portal.people.values()), "namesakes say they are two people"
    for body in portal.bodies.values():
        if body.kind == "nhom-bo-mon":
            assert sum(m.role == "nhom-truong" for m in body.members) == 1
            assert all(m.as_written and " - " in m.as_written for m in body.members)
    for doc in portal.documents.values():
        if doc.school_year is not None:
            assert doc.number and doc.signer and doc.date and doc.date.month == 9


def test_two_runs_write_the_same_bytes(province: Path, tmp_path: Path) -> None:
    generate(tmp_path)
    first = {p.relative_to(province): p.read_bytes() for p in sorted(province.rglob("*"))
             if p.is_file() and "site" not in p.relative_to(province).parts}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_seed_changes_the_data(province: Path, tmp_path: Path) -> None:
    generate(tmp_path, "--seed", "1")
    assert (tmp_path / "data/offices.yml").read_bytes() != (province / "data/offices.yml").read_bytes()


def test_offices_and_schools_merge(portal: Portal) -> None:
    dissolved = [o for o in portal.offices.values() if o.valid_until and o.successor]
    assert len(dissolved) == 2
    assert all(o.kind == "phong-gddt" and o.valid_until.iso() == "2025-06-30" for o in dissolved)
    successor = portal.offices[dissolved[0].successor or ""]
    assert successor.kind == "so-gddt"
    # The successor carries on the dissolved offices' clusters under the same ids.
    after = {b.id for b in portal.bodies.values() if b.office == successor.id}
    before = {b.id for b in portal.bodies.values() if b.office in {o.id for o in dissolved}}
    assert after & before
    merged = [s for s in portal.schools.values() if s.valid_until and s.successor]
    assert merged and all(s.successor in portal.schools for s in merged)


def test_people_keep_their_id_across_years(portal: Portal) -> None:
    years = portal.school_years
    seats: dict[str, set[str]] = {str(y): set() for y in years}
    for body in portal.bodies.values():
        seats[str(body.school_year)].update(m.person for m in body.members if m.person)
    first, second, third = (seats[str(y)] for y in years)
    kept = first & second
    assert len(kept) > 0.7 * len(first), "most people stay from one year to the next"
    assert first - second and second - first, "some leave, some join"
    assert second & third


def test_it_builds(province: Path) -> None:
    result = build(province)
    assert result.returncode == 0, result.stderr
    site = province / "site"
    assert (site / "index.html").exists()
    assert any((site / "to-chuc").glob("*-cum-*/2025-2026/index.html"))
    assert len(list(site.rglob("index.html"))) > 500
