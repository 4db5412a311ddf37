"""The fictional sample office: checked with the rest, published only with `sample_data` on.

By default nothing of it reaches the site: no page, export, feed, calendar, JSON file or
search entry. The marks looked for are derived from the data: every id and name that belongs
to a sample office.
"""

from __future__ import annotations

import gzip
import html
import json
import zipfile
from pathlib import Path

import pytest
from test_pages import article_text

from conftest import Dataset
from portal.load import load_or_raise
from portal.model import Portal
from portal.problems import DataError
from portal.sample import LEAK_HINT, without_sample


def sample_marks(portal: Portal) -> list[str]:
    """Text that only the sample offices' records hold: ids, and names no real record shares."""
    sample = {o.id for o in portal.offices.values() if o.sample}
    public = without_sample(portal)
    real_names = {p.name for p in public.people.values()} | {s.name for s in public.schools.values()}
    marks = {"dữ liệu mẫu"}
    for office in sample:
        record = portal.offices[office]
        marks |= {office, record.name, record.short_name}
    marks |= {s.id for s in portal.schools.values() if s.id not in public.schools}
    marks |= {s.name for s in portal.schools.values() if s.id not in public.schools} - real_names
    marks |= {p.id for p in portal.people.values() if p.id not in public.people}
    marks |= {p.name for p in portal.people.values() if p.id not in public.people} - real_names
    marks |= {d.id for d in portal.documents.values() if d.id not in public.documents}
    marks |= {b.id for b in portal.bodies.values() if b.office in sample}
    return sorted(marks)


def site_text(path: Path) -> str:
    """A built file as the text a reader gets from it: unzipped, unfolded, unescaped."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # Pagefind's index and fragments
        data = gzip.decompress(data)
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            data = b"".join(archive.read(name) for name in archive.namelist())
    text = data.decode("utf-8", errors="ignore")
    if path.suffix == ".ics":
        text = text.replace("\r\n ", "")  # long lines are folded
    elif path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def files_with(site: Path, marks: list[str]) -> dict[str, list[str]]:
    """Every file of the site (HTML, CSV, XLSX, JSON, ICS, Atom, the gzipped search index)
    in which a mark appears, with the marks found."""
    found = {}
    folded = [mark.casefold() for mark in marks]
    for path in sorted(site.rglob("*")):
        if path.is_file():
            text = site_text(path).casefold()
            if hits := [mark for mark, fold in zip(marks, folded, strict=True) if fold in text]:
                found[path.relative_to(site).as_posix()] = hits
    return found


# The fictional office, its fictional district and provincial UBND (its parent and its Sở's, as
# a real Phòng's and Sở's), and its two fictional successors (one carries its bodies on in
# 2025-2026).
SAMPLE_OFFICES = {"pgddt-mau", "ubnd-huyen-mau", "ubnd-tinh-mau", "so-gddt-mau", "ubnd-xa-mau"}


def test_without_sample_keeps_every_real_record_and_nothing_of_the_sample(repo_portal: Portal) -> None:
    public = without_sample(repo_portal)
    assert {o.id for o in repo_portal.offices.values() if o.sample} == SAMPLE_OFFICES
    assert not SAMPLE_OFFICES & set(public.offices) and not any(o.sample for o in public.offices.values())
    assert public.schools == {k: s for k, s in repo_portal.schools.items() if s.office not in SAMPLE_OFFICES}
    assert public.bodies == {k: b for k, b in repo_portal.bodies.items() if b.office not in SAMPLE_OFFICES}
    sample_people = {f"data/people/{office}.yml" for office in SAMPLE_OFFICES}
    assert public.people == {k: p for k, p in repo_portal.people.items() if p.source.file not in sample_people}
    assert "dbp-ha-thi-lien" in public.people and "mau-tran-van-hung" not in public.people
    assert {oy.office for oy in public.office_years} == {oy.office for oy in repo_portal.office_years} - SAMPLE_OFFICES
    # The successor's year carried on from the sample office goes too.
    assert any(oy.office == "so-gddt-mau" for oy in repo_portal.office_years)
    assert all(d.office not in SAMPLE_OFFICES and d.issuer not in SAMPLE_OFFICES for d in public.documents.values())
    assert len(public.documents) < len(repo_portal.documents)
    assert "0999000111" not in public.private_values(), "the sample person's made-up phone went with them"
    # No real office names a fictional one: no fictional decision sits under a real office.
    for office in public.offices.values():
        assert office.parent not in SAMPLE_OFFICES
        assert not {x.office for x in office.successors} & SAMPLE_OFFICES
    # And no fictional office names a real one as its parent: the sample Phòng is under its
    # district UBND, the sample Sở under its province's, as the real ones, all fictional.
    for office_id in SAMPLE_OFFICES:
        assert repo_portal.offices[office_id].parent in SAMPLE_OFFICES | {None}, office_id
    parents = {o: repo_portal.offices[o].parent for o in ("pgddt-mau", "ubnd-huyen-mau", "so-gddt-mau", "ubnd-xa-mau")}
    # Two-tier government from 1 July 2025: a commune is under its province (review D6).
    assert parents == {"pgddt-mau": "ubnd-huyen-mau", "ubnd-huyen-mau": "ubnd-tinh-mau", "so-gddt-mau": "ubnd-tinh-mau",
                       "ubnd-xa-mau": "ubnd-tinh-mau"}


def test_data_without_sample_offices_is_returned_as_is(dataset: Dataset) -> None:
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    assert without_sample(portal) is portal


def test_a_real_record_naming_a_sample_one_stops_the_public_build(dataset: Dataset) -> None:
    dataset.files["offices.yml"]["offices"].append(
        {"id": "pgddt-mau", "name": "Phòng GDĐT huyện Mẫu (dữ liệu mẫu)", "kind": "phong-gddt", "sample": True})
    dataset.files["people/pgddt-mau.yml"] = {"people": [{"id": "mau-tran-van-hung", "name": "Trần Văn Hùng"}]}
    dataset.year["bodies"][1]["members"].append({"person": "mau-tran-van-hung", "role": "uy-vien"})
    portal, _ = load_or_raise(dataset.write(), dataset.root)  # the whole data is valid
    with pytest.raises(DataError) as raised:
        without_sample(portal)
    [problem] = raised.value.problems
    assert (problem.file, problem.path) == ("data/years/2024-2025/pgddt-a.yml", "bodies[1].members[2].person")
    assert problem.line is not None and "mau-tran-van-hung" in problem.message
    assert problem.hint == LEAK_HINT


def test_the_default_build_has_no_trace_of_the_sample_office(public_site: Path, repo_portal: Portal) -> None:
    marks = sample_marks(repo_portal)
    assert "Phòng GDĐT huyện Mẫu (dữ liệu mẫu)" in marks and "mau-tran-van-hung" in marks
    assert files_with(public_site, marks + ["example.org"]) == {}
    assert len(list(public_site.rglob("*"))) > 300


def test_the_changes_hub_reads_well_without_the_sample(public_site: Path) -> None:
    text = article_text(public_site / "thay-doi" / "index.html")
    assert "Mỗi đơn vị mới có một năm học trên cổng này" in text


def test_the_switch_brings_the_sample_office_back(repo_site: Path, repo_portal: Portal) -> None:
    found = files_with(repo_site, sample_marks(repo_portal))
    for where in ["index.html", "van-ban/index.html", "van-ban/atom.xml", "nam-hoc/2024-2025/du-lieu.json",
                  "don-vi/pgddt-mau/index.html", "thay-doi/pgddt-mau/2023-2024-den-2024-2025/index.html",
                  "nam-hoc/2024-2025/pgddt-mau.ics"]:
        assert where in found, where
    assert any(name.startswith("pagefind/fragment/") for name in found), "sample pages are searchable"
    assert "Mỗi đơn vị mới có một năm học" not in article_text(repo_site / "thay-doi" / "index.html")
