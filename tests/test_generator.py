"""The synthetic province generator: valid, deterministic, with a merger, stable ids, and it builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_pages import build

from conftest import REPO
from portal.dates import SchoolYear
from portal.diff import diff_years
from portal.load import load_or_raise
from portal.model import Portal
from portal.view import View

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


def test_after_2025_the_so_carries_every_district_on(portal: Portal) -> None:
    """Every Phòng ends on 30/6/2025 with the Sở as successor; 2025-2026 is the Sở's alone,
    with the districts' bodies under the same ids, their schools under its management, and
    each district's change page says the issuer changed."""
    districts = [o for o in portal.offices.values() if o.kind == "phong-gddt"]
    assert districts and all(o.valid_until and o.valid_until.iso() == "2025-06-30" for o in districts)
    assert all(o.end_reason == "giai-the" and [x.office for x in o.successors] == ["so-gddt-son-ha"]
               for o in districts)
    last, after = SchoolYear(2024), SchoolYear(2025)
    assert {oy.office for oy in portal.office_years if oy.school_year == after} == {"so-gddt-son-ha"}
    assert all(oy.school_year < after for oy in portal.office_years if oy.office != "so-gddt-son-ha")
    for district in districts:
        before = {b.id for b in portal.bodies_in(last) if b.office == district.id}
        carried = {b.id for b in portal.bodies_in(after) if b.id in before}
        assert before and carried == before, district.id
        assert all(portal.bodies[(after, b)].office == "so-gddt-son-ha" for b in carried)
        change = diff_years(portal, district.id, last, after)
        assert change.new_office == "so-gddt-son-ha" and change.count("issuer-changed") == 1
    view = View(portal)
    school = next(s for s in portal.schools.values() if s.valid_until is None)
    assert portal.managing_office(school, last) == school.office != "so-gddt-son-ha"
    assert portal.managing_office(school, after) == view.publisher(school, after) == "so-gddt-son-ha"
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
