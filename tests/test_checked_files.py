"""A load that reads again only the changed files (portal.checked_files) gives what a full load
gives: the same model and the same problems, for every kind of edit, including those that
break a check across files (a person removed while a year still names them, an id repeated
in another file)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from examples import representatives
from saved_back import SAVED_BACK

from conftest import REPO
from portal.checked_files import CheckedFiles, Contents, same_files
from portal.load import find_files, load
from portal.validate import record_lists

Edit = Callable[[Path], None]


def _data_files() -> list[tuple[str, str]]:
    """The sample data's files (as paths under the repository) and their kinds."""
    files, _ = find_files(REPO / "data", REPO)
    return [(file.path.relative_to(REPO).as_posix(), file.kind) for file in files]


_KIND = dict(_data_files())


def _rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(values)
    path.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _edits() -> Iterator[tuple[str, str, Edit]]:
    """Edits of one file each, derived from the sample data: for every file and every list
    of records in it, its first record removed (whatever named it now names nothing) and
    copied into another file of its kind (its id then twice); for every file, its syntax
    broken, its text emptied, the file removed."""
    files = _data_files()
    for relative, kind in files:
        values = yaml.safe_load((REPO / relative).read_text(encoding="utf-8"))
        for table in record_lists(kind):
            if not values.get(table):
                continue

            def remove_first(project: Path, relative: str = relative, table: str = table) -> None:
                _rewrite(project / relative, lambda v: v[table].pop(0))
            yield f"first of {table} removed", relative, remove_first

            other = next((r for r, k in files if k == kind and r != relative), None)
            if other is not None:
                def copy_first(project: Path, relative: str = relative, other: str = other,
                               table: str = table, record: Any = values[table][0]) -> None:
                    _rewrite(project / other, lambda v: v.setdefault(table, []).append(record))
                yield f"first of {table} copied into {other}", relative, copy_first

        def break_syntax(project: Path, relative: str = relative) -> None:
            with (project / relative).open("a", encoding="utf-8") as file:
                file.write("\n  - : [\n")
        yield "syntax broken", relative, break_syntax

        def empty(project: Path, relative: str = relative) -> None:
            (project / relative).write_text("", encoding="utf-8")
        yield "emptied", relative, empty

        def remove(project: Path, relative: str = relative) -> None:
            (project / relative).unlink()
        yield "removed", relative, remove


EDITS = list(_edits())


def _kind_of_edit(edit: tuple[str, str, Edit]) -> tuple[str, str]:
    """The kind of edit (a record removed, whichever list) and the kind of file it edits."""
    return re.sub(r"(?<=^first of )\w+ | into .*", "", edit[0]), _KIND[edit[1]]


# The quick subset: each kind of edit once per kind of file.
EDITS_RUN = representatives(EDITS, _kind_of_edit)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("checked-files")
    shutil.copytree(REPO / "data", root / "data")
    return root


@pytest.fixture(scope="module")
def kept(project: Path) -> CheckedFiles:
    files = CheckedFiles()
    load(project / "data", kept=files)
    return files


@pytest.fixture(scope="module")
def unedited(project: Path) -> tuple[Any, ...]:
    """A full load of the sample data."""
    return load(project / "data")


def test_every_kind_of_file_and_record_is_edited() -> None:
    """The derived edits cover every kind of data file and every list of records."""
    kinds = {kind for _, kind in _data_files()}
    edited = {(kind, name.split(" ")[2]) for name, relative, _ in EDITS for r, kind in _data_files()
              if r == relative and name.startswith("first of")}
    assert {kind for kind, _ in edited} == kinds
    assert {table for _, table in edited} == {t for kind in kinds for t in record_lists(kind)}


@pytest.mark.parametrize(("name", "relative", "edit"), EDITS_RUN, ids=[f"{r}: {n}" for n, r, _ in EDITS_RUN])
def test_an_edit_loads_as_a_full_load_does(project: Path, kept: CheckedFiles, unedited: tuple[Any, ...],
                                           name: str, relative: str, edit: Edit) -> None:
    data = project / "data"
    original = {path: path.read_bytes() for path in data.rglob("*.yml")}
    edit(project)
    try:
        incremental = load(data, kept=kept)
        full = load(data)
        assert incremental == full
        assert kept.reread <= 1  # the edited file alone was read again (none when it was removed)
        assert kept.changed  # so the preview does not take it for a second event of one save
    finally:
        for path in set(data.rglob("*.yml")) - original.keys():
            path.unlink()
        for path, content in original.items():
            if not path.is_file() or path.read_bytes() != content:
                path.write_bytes(content)
    # Back to the data as it was: its file is read again, and the load is a full load's once more.
    assert load(data, kept=kept) == unedited


def _new_file(project: Path) -> None:
    """A people file that was not there (an office's first import), one of its ids repeated."""
    people = yaml.safe_load((project / "data/people/pgddt-mau.yml").read_text(encoding="utf-8"))["people"]
    (project / "data/people/pgddt-moi.yml").write_text(yaml.safe_dump({"people": people[:1]}, allow_unicode=True),
                                                        encoding="utf-8")


# Each kind of edit once per kind of file (the first of each), but a file removed (an import removes
# none); and a new file.
OVERLAID = [*{_kind_of_edit(edit): edit for edit in reversed(EDITS) if edit[0] != "removed"}.values(),
            ("added", "data/people/pgddt-moi.yml", _new_file)]


@pytest.mark.parametrize(("name", "relative", "edit"), OVERLAID, ids=[f"{r}: {n}" for n, r, _ in OVERLAID])
def test_an_edit_given_as_an_overlay_loads_as_the_edited_files_do(project: Path, kept: CheckedFiles,
                                                                 unedited: tuple[Any, ...], tmp_path: Path,
                                                                 name: str, relative: str, edit: Edit) -> None:
    """An import's dry run: the new bytes of the files it changes, read in place of theirs,
    give the model and the problems (files and lines named alike) of the files written."""
    edited = tmp_path / "edited"
    shutil.copytree(REPO / "data", edited / "data")
    edit(edited)
    data = project / "data"
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    overlay = {path.relative_to(edited / "data"): path.read_bytes() for path in (edited / "data").rglob("*.yml")
               if before.get(data / path.relative_to(edited / "data")) != path.read_bytes()}
    assert len(overlay) == 1  # the file edited, or the one a record was copied into
    written = load(edited / "data")
    assert load(data, overlay=overlay) == written
    assert load(data, kept=kept, overlay=overlay) == written
    assert kept.reread == 1  # the overlaid file alone
    assert {path: path.read_bytes() for path in data.rglob("*") if path.is_file()} == before  # nothing written
    assert load(data, kept=kept) == unedited


def test_the_edits_include_errors_across_files(tmp_path: Path) -> None:
    """Some edits are caught only by the checks across files: a record removed that another
    file names, an id repeated in another file (what keeping whole loads would miss)."""
    messages: set[str] = set()
    for i, (name, _, edit) in enumerate(EDITS):
        if name.startswith("first of"):
            project = tmp_path / str(i)
            shutil.copytree(REPO / "data", project / "data")
            edit(project)
            messages |= {p.message for p in load(project / "data")[1] if p.severity == "error"}
            if any("có ở 2 bản ghi" in m for m in messages) and any("không có" in m for m in messages):
                return
    raise AssertionError(f"no edit repeats an id or names a record that is not there: {messages}")


def test_an_unchanged_file_is_not_read_again(project: Path) -> None:
    files = CheckedFiles()
    first = load(project / "data", kept=files)
    assert files.reread == len(_data_files()) and files.changed
    assert load(project / "data", kept=files) == first
    assert files.reread == 0
    assert not files.changed  # the preview then writes nothing (Outcome.UNCHANGED)


# A phone number nobody's contact holds yet, written as a clerk writes it in a note.
_NEW_PHONE = "0912 345 678"


def test_a_private_value_added_or_removed_redacts_unchanged_records_anew(tmp_path: Path) -> None:
    """The scan and the redaction kept between loads (portal.kept_privacy) are done again when
    a people file gives a new private value: a record whose file did not change must now be
    redacted, and its problem ("belongs to no one's contact") goes; and back when it is removed."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    data = tmp_path / "data"
    people = next(p for p in sorted((data / "people").glob("*.yml"))
                  if any(person.get("contact") for person in yaml.safe_load(p.read_text(encoding="utf-8"))["people"]))
    year = next(p for p in sorted((data / "years").rglob("*.yml"))
                if yaml.safe_load(p.read_text(encoding="utf-8")).get("documents"))

    def with_note(values: dict[str, Any]) -> None:
        values["documents"][0]["title"] += f" (liên hệ {_NEW_PHONE})"
    _rewrite(year, with_note)
    kept = CheckedFiles()
    before = load(data, kept=kept)
    assert any(_NEW_PHONE in p.message for p in before[1])  # nobody's contact: an error

    def add_contact(values: dict[str, Any]) -> None:
        next(p for p in values["people"] if p.get("contact"))["contact"]["phone"] = _NEW_PHONE.replace(" ", "")
    original_people = people.read_bytes()
    _rewrite(people, add_contact)
    added = load(data, kept=kept)
    assert added == load(data)
    assert not any(_NEW_PHONE in p.message for p in added[1])
    assert not any(_NEW_PHONE in d.title for d in added[0].documents.values())  # redacted
    assert kept.privacy.rescanned > 1  # every file scanned again, not only the people file

    people.write_bytes(original_people)
    removed = load(data, kept=kept)
    assert removed == load(data) == before


def test_an_unchanged_record_is_not_scanned_or_redacted_again(project: Path) -> None:
    files = CheckedFiles()
    first = load(project / "data", kept=files)
    year = next(p for p in sorted((project / "data" / "years").rglob("*.yml")))
    original = year.read_bytes()
    try:
        year.write_bytes(original + "\n# Ghi chú của văn thư.\n".encode())  # same records, other bytes
        assert load(project / "data", kept=files) == first
        assert files.privacy.rescanned == 1  # the file rewritten: a new document
        assert files.privacy.redone == 0  # its records are equal to those redacted before
    finally:
        year.write_bytes(original)


def _contents(path: Path, data: bytes) -> Contents:
    """The contents of a load of one file holding `data`."""
    files = CheckedFiles()
    path.write_bytes(data)
    files.start()
    files.check(path, "data/people/pgddt-cu-chi.yml", "people")
    files.finish()
    return files.contents()


@pytest.mark.parametrize("saved_back", SAVED_BACK)
def test_a_file_saved_back_with_the_same_values_is_the_same(tmp_path: Path, saved_back: str) -> None:
    path = tmp_path / "people.yml"
    original = (REPO / "data/people/pgddt-cu-chi.yml").read_bytes()
    changed = SAVED_BACK[saved_back](original)
    assert changed != original
    assert same_files(_contents(path, original), _contents(path, changed))


@pytest.mark.parametrize(("one", "other"), [
    (b"people:\n  - id: a\n    name: '1'\n", b"people:\n  - id: a\n    name: 1\n"),  # text, not a number
    (b"people:\n  - id: a\n    name: 1\n", b"people:\n  - id: a\n    name: true\n"),  # 1 == True in Python
    (b"people:\n  - id: a\n    name: 1\n", b"people:\n  - id: a\n    name: 1.0\n"),
    (b"people:\n  - id: a\n    name: 0x1\n", b"people:\n  - id: a\n    name: 1\n"),  # as typed, for messages
    (b"people:\n  - id: a\n    name: x\n", b"people:\n\n  - id: a\n    name: x\n"),  # every line moved
    (b"people:\n  - id: a\n    name: |\n      x\n", b"people:\n  - id: a\n    name: |\n      x \n"),  # kept
    (b"people:\n  - id: a\n    name: x\n", b"people: [{id: a, name: x\n"),  # not read
])
def test_a_file_with_other_values_lines_or_order_is_another(tmp_path: Path, one: bytes, other: bytes) -> None:
    path = tmp_path / "people.yml"
    assert not same_files(_contents(path, one), _contents(path, other))
    assert same_files(_contents(path, one), _contents(path, one.replace(b"\n", b"\r\n")))
