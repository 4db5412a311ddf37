"""Round trips through Excel: the XLSX the site publishes for a list imports back without
loss, and the workbook for next year, edited in Excel (openpyxl) or LibreOffice, imports
back with exactly the edits and nothing else."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from conftest import REPO
from portal import exports, terms, vocab
from portal.dates import SchoolYear
from portal.importer import import_roster
from portal.importer.changes import summary, unified_diff
from portal.importer.merge import plan_changes
from portal.importer.placement import latest_year
from portal.importer.workbook import COLUMNS, LISTS_SHEET, workbook_bytes
from portal.load import load
from portal.model import Body, Portal

Y2024 = SchoolYear(2024)


def rostered_bodies(portal: Portal) -> list[Body]:
    """Every body whose page offers danh-sach.xlsx: those with a roster (as exports.export_files)."""
    return [b for b in portal.bodies.values() if portal.roster(b)]


def test_every_published_xlsx_imports_back_without_loss(repo_portal: Portal, tmp_path: Path) -> None:
    bodies = rostered_bodies(repo_portal)
    assert len(bodies) > 20
    for body in bodies:
        path = tmp_path / f"{body.id}-{body.school_year}.xlsx"
        path.write_bytes(exports.roster_xlsx(repo_portal, body))
        result = import_roster(repo_portal, body.office, path, year=body.school_year, body=body.id)
        assert result.errors == [], result.report()
        subjects = terms.subject_cells(repo_portal, body)
        for row, member in zip(result.rows, repo_portal.roster(body), strict=True):
            where = f"{body.id} {body.school_year}, dòng {row.line}"
            assert (row.stt, row.person, row.school, row.role) == (member.stt, member.person, member.school,
                                                                   member.role), where
            assert row.unit == (member.unit if member.person else None), where
            assert (row.subject or None) == (subjects.get(member) or None), where


def test_a_published_list_imported_into_its_own_body_changes_nothing(repo_portal: Portal, tmp_path: Path) -> None:
    for body in rostered_bodies(repo_portal):
        path = tmp_path / f"{body.id}.xlsx"
        path.write_bytes(exports.roster_xlsx(repo_portal, body))
        result = import_roster(repo_portal, body.office, path, year=body.school_year, body=body.id)
        assert summary(repo_portal, result.proposal.bodies, result.new_people) == [], (body.id, result.report())


# The workbook for next year


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("office", ["pgddt-cu-chi", "pgddt-dau-tieng", "pgddt-dien-bien-phu", "pgddt-mau"])
def test_the_workbook_imports_back_exactly(repo_portal: Portal, tmp_path: Path, office: str) -> None:
    year = latest_year(repo_portal, office)
    assert year is not None
    path = tmp_path / "nam-sau.xlsx"
    path.write_bytes(workbook_bytes(repo_portal, office, year))
    result = import_roster(repo_portal, office, path, year=year)
    assert result.errors == [], result.report()
    assert result.unplaced == [] and result.new_people == []
    assert plan_changes(result, REPO / "data", REPO) == []


def test_the_workbook_has_drop_downs_and_hidden_ids(repo_portal: Portal, tmp_path: Path) -> None:
    path = tmp_path / "nam-sau.xlsx"
    path.write_bytes(workbook_bytes(repo_portal, "pgddt-cu-chi", Y2024))
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    validations = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    letter = {key: openpyxl.utils.get_column_letter(i + 1) for i, key in enumerate(COLUMNS)}
    assert validations[f"{letter['role']}5"] == f"'{LISTS_SHEET}'!$A$2:$A$12"
    assert validations[f"{letter['unit']}5"].startswith(f"'{LISTS_SHEET}'!$B$2")
    assert validations[f"{letter['subject']}5"].startswith(f"'{LISTS_SHEET}'!$C$2")
    hidden = {i for d in sheet.column_dimensions.values() if d.hidden for i in range(d.min, d.max + 1)}
    assert [COLUMNS[i - 1] for i in sorted(hidden)] == ["body_id", "member_id", "unit_id"]
    assert [c.value for c in book[LISTS_SHEET]["A"] if c.value][1:] == list(vocab.ROLES.values())
    assert workbook_bytes(repo_portal, "pgddt-cu-chi", Y2024) == path.read_bytes()  # the same bytes every time


def _edit(path: Path) -> None:
    """Four edits, as a clerk makes them in Excel: a role, a unit, a row deleted, a row added."""
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    column = {key: i + 1 for i, key in enumerate(COLUMNS)}

    def row_of(name: str, body: str) -> int:
        """The row of a name in a body's section (a school is in several bodies)."""
        section = None
        for r in range(1, sheet.max_row + 1):
            section = sheet.cell(r, column["body_id"]).value or section
            if section == body and sheet.cell(r, column["name"]).value == name:
                return r
        raise AssertionError(name)

    sheet.cell(row_of("Nguyễn Thanh Điền", "cc-cum-02"), column["role"]).value = "Thành viên"
    sheet.cell(row_of("Hồ Văn Nghĩa", "cc-cum-01"), column["unit"]).value = "THCS Hòa Phú"
    sheet.delete_rows(row_of("THCS Trung An", "cc-cum-01"))
    at = row_of("THCS Tân Thạnh Đông", "cc-cum-01") + 1  # after the last school of Cụm 01
    sheet.insert_rows(at)
    for key, value in (("name", "Lý Thị Mới"), ("position", "Giáo viên"), ("unit", "THCS Tân Tiến"),
                       ("role", "Thành viên")):
        sheet.cell(at, column[key]).value = value
    book.save(path)


EXPECTED_CHANGES = [
    "Cụm 01 (cc-cum-01):",
    "  ~ Hồ Văn Nghĩa (cc-ho-van-nghia): đơn vị THCS Tân Thạnh Đông → THCS Hòa Phú",
    "  ~ Hồ Văn Nghĩa (cc-ho-van-nghia): chức vụ - đơn vị như văn bản Hiệu trưởng trường THCS Tân Thạnh Đông → "
    "(trống)",
    "  + vào danh sách: Lý Thị Mới (cc-ly-thi-moi, người mới), Thành viên",
    "  - rời danh sách: THCS Trung An (cc-thcs-trung-an), Thành viên",
    "Cụm 02 (cc-cum-02):",
    "  ~ Nguyễn Thanh Điền (cc-nguyen-thanh-dien): vai trò Phó Cụm trưởng → Thành viên",
    "  ~ Nguyễn Thanh Điền (cc-nguyen-thanh-dien): vai trò như văn bản Phó Cục trưởng → (trống)",
]


def _check_edits(data: Path, path: Path) -> None:
    portal, _ = load(data)
    result = import_roster(portal, "pgddt-cu-chi", path, year=Y2024)
    assert result.errors == [], result.report()
    assert summary(portal, result.proposal.bodies, result.new_people) == EXPECTED_CHANGES
    changes = {c.shown: c for c in plan_changes(result, data, data.parent)}
    assert sorted(changes) == ["data/people/pgddt-cu-chi.yml", "data/years/2024-2025/pgddt-cu-chi.yml"]
    diff = unified_diff(changes["data/years/2024-2025/pgddt-cu-chi.yml"]).splitlines()
    removed = [line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++")]
    assert removed == ["unit: cc-thcs-tan-thanh-dong", "as_written: Hiệu trưởng trường THCS Tân Thạnh Đông",
                       "- {stt: 10, school: cc-thcs-trung-an, role: thanh-vien}",
                       "role: pho-cum-truong", "role_text: Phó Cục trưởng"]
    assert added == ["unit: cc-thcs-hoa-phu", "- person: cc-ly-thi-moi", "role: thanh-vien", "position: Giáo viên",
                     "unit: cc-thcs-tan-tien", "role: thanh-vien"]


def test_edits_in_excel_import_back_as_exactly_those_edits(data: Path, tmp_path: Path) -> None:
    portal, _ = load(data)
    path = tmp_path / "nam-sau.xlsx"
    path.write_bytes(workbook_bytes(portal, "pgddt-cu-chi", Y2024))
    _edit(path)
    _check_edits(data, path)


def test_edits_saved_again_by_libreoffice_import_back_as_exactly_those_edits(data: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    portal, _ = load(data)
    edited = tmp_path / "sua" / "nam-sau.xlsx"
    edited.parent.mkdir()
    edited.write_bytes(workbook_bytes(portal, "pgddt-cu-chi", Y2024))
    _edit(edited)
    out = tmp_path / "libreoffice"
    subprocess.run([soffice, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(out), str(edited)],
                   check=True, capture_output=True, timeout=180)
    saved = out / "nam-sau.xlsx"
    assert saved.read_bytes() != edited.read_bytes()  # really written again, by LibreOffice
    _check_edits(data, saved)
