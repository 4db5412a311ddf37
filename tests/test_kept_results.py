"""The diffs between years kept from the last `Pages` (portal.kept_results) are reused only while
nothing they read changed: after every kind of edit, `Pages` made with them holds the same
diffs as `Pages` made afresh, and an edit recomputes only some of them."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from examples import representatives
from test_preview import EDITS as PREVIEW_EDITS

from conftest import REPO
from portal.checked_files import CheckedFiles
from portal.kept_results import KeptResults, Reads, tracked
from portal.load import find_files, load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.validate import record_lists

Edit = Callable[[Path], None]
# The fields of a record that name it in the pages and the diffs.
NAMING_FIELDS = ("name", "title", "role_text", "number")


def _rename_first(relative: str, table: str, field: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / relative
        values = yaml.safe_load(path.read_text(encoding="utf-8"))
        values[table][0][field] = f"{values[table][0][field]} mới"
        path.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return edit


def _edits() -> Iterator[tuple[str, Edit]]:
    """The preview's edits (test_preview.py), then, derived from the sample data: for every
    file and list of records, the first record's name (or title, or number) changed."""
    yield from PREVIEW_EDITS.items()
    files, _ = find_files(REPO / "data", REPO)
    for file in files:
        relative = file.path.relative_to(REPO).as_posix()
        values = yaml.safe_load(file.path.read_text(encoding="utf-8"))
        for table in record_lists(file.kind):
            first = (values.get(table) or [None])[0]
            field = next((f for f in NAMING_FIELDS if isinstance(first, dict) and isinstance(first.get(f), str)), None)
            if field is not None:
                yield f"{relative}: first of {table}, its {field} changed", _rename_first(relative, table, field)


EDITS = list(_edits())


def _kind_of_edit(name: str) -> str:
    """A derived edit's kind: its folder of data/ (years, people...) and what it changes."""
    relative, derived, change = name.partition(": first of ")
    return f"{relative.split('/')[1]}: {change}" if derived else name


EDITS_RUN = representatives(EDITS, lambda edit: _kind_of_edit(edit[0]))  # the quick subset: one of each kind


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kept-results")
    shutil.copytree(REPO / "data", root / "data")
    return root


@pytest.fixture(scope="module")
def kept(project: Path) -> tuple[CheckedFiles, KeptResults]:
    files, results = CheckedFiles(), KeptResults()
    Pages(load_or_raise(project / "data", kept=files)[0], kept=results)
    return files, results


def _same_derived(kept: Pages, fresh: Pages) -> None:
    assert kept.diffs == fresh.diffs
    assert kept.within == fresh.within
    assert kept.previous_year == fresh.previous_year
    assert kept.body_previous_year == fresh.body_previous_year
    assert kept.view.histories == fresh.view.histories


@pytest.mark.parametrize(("name", "edit"), EDITS_RUN, ids=[name for name, _ in EDITS_RUN])
def test_an_edit_gives_the_diffs_of_pages_made_afresh(project: Path, kept: tuple[CheckedFiles, KeptResults],
                                                      name: str, edit: Edit) -> None:
    """The edits are applied one after the other, as a clerk makes them."""
    files, results = kept
    edit(project)
    portal, problems = load_or_raise(project / "data", kept=files)
    pages = Pages(portal, kept=results)
    fresh, fresh_problems = load_or_raise(project / "data")
    # The model itself too: scanned and redacted from what the last load kept (kept_privacy.py).
    assert (portal, problems) == (fresh, fresh_problems)
    _same_derived(pages, Pages(fresh))


def test_nothing_changed_reuses_every_diff(project: Path) -> None:
    results = KeptResults()
    portal = load_or_raise(project / "data")[0]
    first = Pages(portal, kept=results)
    # the diffs, the changes within a year, and each body's terms (View.history)
    assert results.computed == len(first.diffs) + len(first.within) + len(portal.bodies) > 0
    again = Pages(load_or_raise(project / "data")[0], kept=results)
    assert results.computed == 0
    assert all(a is b for a, b in zip(again.diffs, first.diffs, strict=True))
    assert all(again.view.histories[key] is history for key, history in first.view.histories.items())


def test_a_person_renamed_recomputes_only_the_diffs_reading_them(tmp_path: Path) -> None:
    """In a province of several offices, a person renamed leaves the other offices' diffs as they were."""
    subprocess.run([sys.executable, str(REPO / "scripts/generate_province.py"), "--out", str(tmp_path),
                    "--scale", "0.03", "--years", "4", "--offices", "3"], check=True, capture_output=True)
    results = KeptResults()
    portal = load_or_raise(tmp_path / "data")[0]
    first = Pages(portal, kept=results)
    renamed = _renamed_person(portal)
    pages = Pages(renamed, kept=results)
    _same_derived(pages, Pages(renamed))
    assert pages.diffs != first.diffs  # the person is named in a diff
    assert 0 < results.computed < len(pages.diffs) + len(pages.within) + len(renamed.bodies)


def test_pages_that_failed_are_not_kept(project: Path) -> None:
    """Results are kept for the next model only once a Pages is made in full: a model whose
    Pages failed half-way is not compared with."""
    results = KeptResults()
    portal = load_or_raise(project / "data")[0]
    Pages(portal, kept=results)
    results.start(Portal())  # a Pages that never finished
    renamed = _renamed_person(portal)
    pages = Pages(renamed, kept=results)
    _same_derived(pages, Pages(renamed))


def _renamed_person(portal: Portal) -> Portal:
    """`portal` with the first person named in a body of a compared year renamed."""
    compared = {(d.office, y) for d in Pages(portal).diffs for y in (d.old_year, d.new_year)}
    person = next(m.person for b in portal.bodies.values() if (b.office, b.school_year) in compared
                  for m in b.members if m.person)
    people = dict(portal.people)
    people[person] = dataclasses.replace(people[person], name=people[person].name + " Mới")
    return dataclasses.replace(portal, people=people)


def test_the_view_notes_what_is_read() -> None:
    portal = load_or_raise(REPO / "data")[0]
    reads = Reads()
    view = tracked(portal, reads)
    some_person = next(iter(portal.people))
    assert view.people.get(some_person) == portal.people[some_person]
    assert "nobody" not in view.schools
    assert reads.keys["people"] == {some_person} and reads.keys["schools"] == {"nobody"}
    assert not reads.whole
    list(view.offices.values())
    assert view.school_years == portal.school_years
    assert reads.whole == {"offices", "office_years"}
    changed: dict[str, Any] = {name: frozenset() for name in reads.keys.keys() | {"offices", "bodies"}}
    assert not reads.touched_by(changed)
    assert reads.touched_by({**changed, "people": frozenset({some_person})})
    assert not reads.touched_by({**changed, "people": frozenset({"someone-else"})})
    assert reads.touched_by({**changed, "offices": frozenset({"any-office"})})
