"""The office's year, end to end, on a copy of data/ (issue 11): start Dầu Tiếng's 2024-2025
from 2023-2024, import the signed list as the office has it (an Excel workbook with title
rows, merged cells and section headings, then the same list in Word), check as a draft and
for real, enter the signed decision, see the diff, build the site."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from test_pages import build, write_site

from conftest import REPO
from portal.cli import main as cotcan
from portal.dates import SchoolYear
from portal.diff import diff_years
from portal.load import load, load_or_raise
from portal.newyear import plan, write
from roster_files import DAU_TIENG_2024

OFFICE = "pgddt-dau-tieng"
OLD, NEW = SchoolYear(2023), SchoolYear(2024)
YEAR_FILE = f"years/{NEW}/{OFFICE}.yml"
PEOPLE_FILE = f"people/{OFFICE}.yml"


def import_main(argv: list[str]) -> int:
    """`cotcan nhap ARGV`, in this process."""
    return cotcan(["nhap", *argv])


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def errors(data: Path, *, draft: bool = False) -> list[str]:
    _, problems = load(data, data.parent, draft=draft)
    return [p.format() for p in problems if p.severity == "error"]


def enter_signed_decision(data: Path) -> None:
    """What the clerk does once the decision is signed: the placeholder gets its number and
    date, and stops being a placeholder."""
    path = data / YEAR_FILE
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r"(\n    date: )2024\n(    title: )[^\n]*\n    placeholder: true\n",
                          r"\g<1>2024-09-16\n    number: 75/QĐ-PGDĐT\n"
                          r"\g<2>Về việc thành lập các cụm chuyên môn cấp Tiểu học năm học 2024-2025\n", text)
    assert count == 1, "the placeholder decision as the new year wrote it"
    path.write_text(text, encoding="utf-8")


def test_the_office_publishes_its_next_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "portal"
    data = root / "data"
    shutil.copytree(REPO / "data", data)
    before = tree(data)

    # 1. Start the year: ids kept, a placeholder decision.
    portal, _ = load_or_raise(data, root)
    year = plan(portal, data, OFFICE, OLD, NEW)
    assert write(year, data) == []

    # 2. The signed list from Excel: title rows, merged cells, headings, spelling variants.
    xlsx = DAU_TIENG_2024.write_xlsx(tmp_path / "danh-sach.xlsx")
    code = import_main(["--office", OFFICE, "--input", str(xlsx), "--year", str(NEW), "--apply", "--data", str(data)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in out + err

    # Every row keeps its person, role and unit, in the body its heading names.
    portal, _ = load_or_raise(data, root, draft=True)
    name_of = {p.id: p.name for p in portal.people.values()}
    found = {(body_id, m.stt): (name_of[m.person or ""], m.role, m.unit)
             for (y, body_id), body in portal.bodies.items() if y == NEW and body.office == OFFICE
             for m in body.members if m.person and m.stt is not None}
    expected = {(body, stt): (person, role, unit) for body, stt, person, role, unit in DAU_TIENG_2024.expected()}
    assert found == expected
    assert {body for body, _ in found} == {s.body for s in DAU_TIENG_2024.sections} == {"dt-cum-mot", "dt-cum-hai"}

    # 3. The same list, from the Word decision: nothing left to change.
    after_excel = tree(data)
    docx = DAU_TIENG_2024.write_docx(tmp_path / "quyet-dinh.docx")
    code = import_main(["--office", OFFICE, "--input", str(docx), "--year", str(NEW), "--apply", "--data", str(data)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert tree(data) == after_excel

    # 4. A draft check passes; the real check refuses the placeholder.
    assert errors(data, draft=True) == []
    real = errors(data)
    assert len(real) == 1 and "là văn bản chỗ giữ" in real[0] and YEAR_FILE in real[0]
    enter_signed_decision(data)
    assert errors(data) == []

    # 5. The diff says who came, who left, who moved.
    portal, warnings = load_or_raise(data, root)
    assert warnings == []
    changes = diff_years(portal, OFFICE, OLD, NEW)
    counts = dict(changes.counts)
    assert counts["member-joined"] == len(portal.people) - len(load_or_raise(REPO / "data", REPO)[0].people)
    assert counts["member-left"] == 1  # Lê Văn Hoà, Cụm Một's leader
    assert counts["unit-changed"] == 1  # Đỗ Tấn Nhạn, to TH Minh Hòa

    # 6. The build: every school under its own office's latest year on the home page.
    write_site(root, data)
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    newest: dict[str, str] = {}
    for page in sorted(site.glob("truong/*/*-*/index.html")):
        newest[page.parent.parent.name] = max(newest.get(page.parent.parent.name, ""), page.parent.name)
    home = (site / "index.html").read_text(encoding="utf-8")
    linked = dict(re.findall(r'href="truong/([^"/]+)/(\d{4}-\d{4})/"', home))
    assert linked == newest
    assert {linked[s.id] for s in portal.schools.values() if s.office == OFFICE} == {str(NEW)}

    # Nothing outside the files the routine edits changed.
    changed = {name for name in set(before) | set(tree(data)) if before.get(name) != tree(data).get(name)}
    assert changed == {YEAR_FILE, PEOPLE_FILE}
