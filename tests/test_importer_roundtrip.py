"""Round trips through Excel: the XLSX the site publishes for a list imports back without
loss, and the workbook for next year, edited in Excel (openpyxl) or LibreOffice, imports
back with exactly the edits and nothing else."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_util import cotcan

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
from portal.newyear import plan, plan_successor, write

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
        # Rows with a "Từ ngày" (a subject group set up later in the year by its own decision)
        # are left aside by the importer as an amendment's rows are, said in its report.
        since = exports.ROSTER_COLUMNS.index("Từ ngày")
        signed = [term.member for (_, term), row in zip(terms.roster_terms(repo_portal, body),
                                                        exports.roster_rows(repo_portal, body), strict=True)
                  if not row[since]]
        for row, member in zip(result.rows, signed, strict=True):
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


def test_a_published_list_without_its_subject_column_keeps_the_subjects(repo_portal: Portal, tmp_path: Path) -> None:
    """The hostile review: Điện Biên Phủ's group list typed without its Môn column read
    "môn Toán → (trống)" on every member. A table without a column says nothing of what
    the column holds: every published list of one body, less its Môn column, changes
    nothing (a team's, whose groups the Môn column tells apart, would lose its groups)."""
    subject_column = exports.ROSTER_COLUMNS.index("Môn") + 1
    lists = [b for b in rostered_bodies(repo_portal) if len(repo_portal.list_bodies(b)) == 1]
    assert sum(any(m.subject for m in b.members) for b in lists) > 3
    for body in lists:
        book = openpyxl.load_workbook(io.BytesIO(exports.roster_xlsx(repo_portal, body)))
        book.active.delete_cols(subject_column)
        path = tmp_path / f"{body.id}.xlsx"
        book.save(path)
        result = import_roster(repo_portal, body.office, path, year=body.school_year, body=body.id)
        assert summary(repo_portal, result.proposal.bodies, result.new_people) == [], (body.id, result.report())


def test_a_list_without_a_position_column_keeps_the_positions(repo_portal: Portal, tmp_path: Path) -> None:
    """A table "STT | Họ và tên | Đơn vị công tác | Ghi chú" (no Chức vụ) says nothing of
    the members' positions: they keep theirs, and their "Chức vụ - Đơn vị" as printed."""
    group = next(b for b in rostered_bodies(repo_portal) if b.id == "dbp-to-cot-can-thcs-gv-toan")
    rows = [["STT", "Họ và tên", "Đơn vị công tác", "Ghi chú"]]
    rows += [[m.stt, repo_portal.people[m.person].name, repo_portal.schools[m.unit].name, m.note]
             for m in group.members if m.person and m.unit in repo_portal.schools]
    assert len(rows) > 5 and any(m.position for m in group.members)
    path = tmp_path / "toan.xlsx"
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    result = import_roster(repo_portal, group.office, path, year=group.school_year, body=group.id)
    changes = summary(repo_portal, result.proposal.bodies, result.new_people)
    assert not [line for line in changes if "chức vụ" in line or "đơn vị" in line], result.report()


# The workbook for next year


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path / "data"


# pgddt-mau's 2024-2025 was amended mid-year: its workbook holds the lists as they stood at
# the end of the year, for the next year (test_the_workbook_holds_the_lists_as_they_stood…).
# Củ Chi ended on 30/6/2025: its next year is its successor's.
# Điện Biên Phủ's lists name staff of the Phòng itself: in the Sở's year they stay the Phòng's.
@pytest.mark.parametrize(("office", "issuer"), [("pgddt-cu-chi", "so-gddt-tp-hcm"),
                                                ("pgddt-dau-tieng", "pgddt-dau-tieng"),
                                                ("pgddt-dien-bien-phu", "so-gddt-dien-bien")])
def test_the_workbook_imports_back_exactly_into_the_year_it_is_for(data: Path, tmp_path: Path, office: str,
                                                                   issuer: str) -> None:
    """Written before `cotcan nam-moi`, imported untouched after it: nothing changes."""
    portal, _ = load(data, draft=True)
    year = latest_year(portal, office)
    assert year is not None
    assert not any(b.amendments for b in portal.bodies_in(year) if b.office == office)
    path = tmp_path / "nam-sau.xlsx"
    path.write_bytes(workbook_bytes(portal, office, year))
    started = plan(portal, data, office) if issuer == office else plan_successor(portal, data, office, issuer)
    assert write(started, data) == []
    portal, _ = load(data, draft=True)
    result = import_roster(portal, issuer, path)
    assert result.errors == [], result.report()
    assert result.year == SchoolYear(year.start + 1)
    assert result.unplaced == [] and result.new_people == []
    assert plan_changes(result, data, data.parent) == []


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


def _cu_chi_workbook(data: Path, path: Path) -> None:
    """Củ Chi's workbook, for 2025-2026, the year its successor carries it on in (started)."""
    portal, _ = load(data)
    path.write_bytes(workbook_bytes(portal, "pgddt-cu-chi", Y2024))
    assert write(plan_successor(portal, data, "pgddt-cu-chi", HCM), data) == []


def _check_edits(data: Path, path: Path) -> None:
    portal, _ = load(data, draft=True)
    result = import_roster(portal, HCM, path)
    assert result.errors == [], result.report()
    assert summary(portal, result.proposal.bodies, result.new_people) == EXPECTED_CHANGES
    changes = {c.shown: c for c in plan_changes(result, data, data.parent)}
    assert sorted(changes) == [f"data/people/{HCM}.yml", f"data/years/2025-2026/{HCM}.yml"]
    diff = unified_diff(changes[f"data/years/2025-2026/{HCM}.yml"]).splitlines()
    removed = [line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++")]
    assert removed == ["unit: cc-thcs-tan-thanh-dong", "as_written: Hiệu trưởng trường THCS Tân Thạnh Đông",
                       "- {stt: 10, school: cc-thcs-trung-an, role: thanh-vien}",
                       "role: pho-cum-truong", "role_text: Phó Cục trưởng"]
    assert added == ["unit: cc-thcs-hoa-phu", "- person: cc-ly-thi-moi", "role: thanh-vien", "position: Giáo viên",
                     "unit: cc-thcs-tan-tien", "role: thanh-vien"]


HCM = "so-gddt-tp-hcm"


def test_edits_in_excel_import_back_as_exactly_those_edits(data: Path, tmp_path: Path) -> None:
    path = tmp_path / "nam-sau.xlsx"
    _cu_chi_workbook(data, path)
    _edit(path)
    _check_edits(data, path)


def test_edits_saved_again_by_libreoffice_import_back_as_exactly_those_edits(data: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    edited = tmp_path / "sua" / "nam-sau.xlsx"
    edited.parent.mkdir()
    _cu_chi_workbook(data, edited)
    _edit(edited)
    out = tmp_path / "libreoffice"
    subprocess.run([soffice, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(out), str(edited)],
                   check=True, capture_output=True, timeout=180)
    saved = out / "nam-sau.xlsx"
    assert saved.read_bytes() != edited.read_bytes()  # really written again, by LibreOffice
    _check_edits(data, saved)


# A second school year: a list amended mid-year, and the year the workbook is for

MAU = "so-gddt-mau"
Y2025 = SchoolYear(2025)
AMENDING_DECISION = """\
  - id: sgd-mau-2025-qd-kien-toan
    kind: quyet-dinh
    number: 45/QĐ-SGDĐT
    date: 2025-11-10
    title: Về việc điều chỉnh thành viên Nhóm Toán năm học 2025-2026 (dữ liệu mẫu)
"""
# Bà Lan (STT 1, Nhóm trưởng) leaves; bà Duyên leads the group from 15/11/2025.
AMENDMENT = """\
    amendments:
      - decision: sgd-mau-2025-qd-kien-toan
        from: 2025-11-15
        remove: [{person: mau-pham-thi-lan}]
        roles: [{person: mau-do-thi-my-duyen, role: nhom-truong}]
"""


def _amended(data: Path) -> None:
    """Sở GDĐT tỉnh Mẫu's 2025-2026 Nhóm Toán, changed by an amending decision in November."""
    path = data / "years" / str(Y2025) / f"{MAU}.yml"
    text = path.read_text(encoding="utf-8")
    last_of_toan = "subject: Toán, page: 2}\n  - id: mau-to-cot-can-ngu-van\n"
    assert text.count(last_of_toan) == 1 and text.count("\nbodies:\n") == 1
    text = text.replace(last_of_toan, last_of_toan.replace("\n  - id:", "\n" + AMENDMENT + "  - id:"))
    path.write_text(text.replace("\nbodies:\n", "\n" + AMENDING_DECISION + "bodies:\n"), encoding="utf-8")


def _sections(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """The workbook's rows by the body id of their heading: (STT, name, role)."""
    sheet = openpyxl.load_workbook(path)["Danh sách"]
    column = {key: i for i, key in enumerate(COLUMNS)}
    sections: dict[str, list[tuple[object, ...]]] = {}
    for row in sheet.iter_rows(min_row=5, values_only=True):
        if row[column["body_id"]]:
            current = sections.setdefault(str(row[column["body_id"]]), [])
        elif row[column["name"]]:
            current.append((row[column["stt"]], row[column["name"]], row[column["role"]]))
    return sections


def _start_next_year(data: Path) -> Portal:
    portal, _ = load(data, draft=True)
    assert write(plan(portal, data, MAU), data) == []
    return load(data, draft=True)[0]


def test_the_workbook_holds_the_lists_as_they_stood_at_the_end_of_the_year(data: Path, tmp_path: Path) -> None:
    _amended(data)
    portal, problems = load(data)
    assert [p for p in problems if p.severity == "error"] == []
    path = tmp_path / "nam-sau.xlsx"
    path.write_bytes(workbook_bytes(portal, MAU, Y2025))
    sections = _sections(path)
    # Bà Lan is gone, bà Duyên leads; the team and its groups numbered once again, from 1.
    assert sections["mau-to-cot-can-toan"] == [(1, "Đỗ Thị Mỹ Duyên", "Nhóm trưởng"), (2, "Châu Văn Lợi", "Ủy viên"),
                                               (3, "Huỳnh Ngọc Ánh", "Ủy viên")]
    numbers = [stt for body in ("mau-to-cot-can", "mau-to-cot-can-toan", "mau-to-cot-can-ngu-van",
                                "mau-to-cot-can-tieng-anh", "mau-to-cot-can-vat-li", "mau-to-cot-can-tin-hoc")
               for stt, _, _ in sections[body] if stt is not None]
    assert numbers == list(range(1, len(numbers) + 1))
    # A cluster's list is numbered on its own: its schools from 1.
    assert [stt for stt, _, _ in sections["mau-cum-1"] if stt is not None] == [1, 2, 3, 4]

    # The next year started, the workbook imported back untouched: nobody comes back, nobody
    # changes role.
    portal = _start_next_year(data)
    result = import_roster(portal, MAU, path)
    assert result.errors == [] and result.new_people == [], result.report()
    assert result.year == SchoolYear(2026)
    for proposed in result.proposal.bodies:
        body = portal.bodies[(SchoolYear(2026), proposed.target.id)]
        assert [(m.entry.get("person") or m.entry.get("school"), m.entry["role"]) for m in proposed.members] == [
            (m.person or m.school, m.role) for m in body.members], body.id
    # The new year's own workbook (its decision still the placeholder) holds its lists as
    # they are, numbers included.
    path.write_bytes(workbook_bytes(portal, MAU, SchoolYear(2026)))
    result = import_roster(portal, MAU, path)
    assert result.errors == [] and result.new_people == [], result.report()
    for proposed in result.proposal.bodies:
        body = portal.bodies[(SchoolYear(2026), proposed.target.id)]
        assert [(m.entry.get("person") or m.entry.get("school"), m.entry["role"], m.entry.get("stt"))
                for m in proposed.members] == [(m.person or m.school, m.role, m.stt) for m in body.members], body.id


def _title(path: Path) -> str:
    return str(openpyxl.load_workbook(path)["Danh sách"]["A1"].value)


def test_the_workbook_names_the_year_it_is_for_in_either_order(data: Path, tmp_path: Path) -> None:
    """Before `nam-moi`, the workbook of 2025-2026 is for 2026-2027; after it (the guide's
    order), the workbook of the new year, whose decision is still the placeholder, is that
    year's own list: for 2026-2027 too."""
    before, after = tmp_path / "truoc.xlsx", tmp_path / "sau.xlsx"
    done = cotcan("nhap", "--office", MAU, "--workbook", str(before), "--data", str(data))
    assert done.returncode == 0, done.stderr
    told_before = done.stdout
    _start_next_year(data)
    done = cotcan("nhap", "--office", MAU, "--workbook", str(after), "--data", str(data))
    assert done.returncode == 0, done.stderr
    told_after = done.stdout
    assert _title(before) == ("DANH SÁCH NĂM HỌC 2026-2027 (chép từ năm học 2025-2026: sửa cho năm mới rồi nhập "
                              "lại)")
    assert _title(after) == ("DANH SÁCH NĂM HỌC 2026-2027 (chép từ năm học trước, quyết định năm học chưa ghi: sửa "
                             "theo quyết định mới rồi nhập lại)")
    for path in (before, after):
        assert openpyxl.load_workbook(path).properties.title == "Danh sách năm học 2026-2027"
    assert "năm học 2025-2026 của Sở GDĐT tỉnh Mẫu (dữ liệu mẫu) như cuối năm học, để sửa cho năm học 2026-2027; " \
           f"bắt đầu năm học đó (cotcan nam-moi --office so-gddt-mau --data {data}) rồi nhập lại bằng cotcan nhap " \
           f"--office so-gddt-mau --input {before} --data {data}." in told_before
    assert "năm học 2026-2027 của Sở GDĐT tỉnh Mẫu (dữ liệu mẫu): quyết định năm học còn là chỗ giữ" in told_after


# A heading retyped: the hidden body id is used only while the heading still names the body


def _heading_row(sheet: Any, body_id: str) -> int:
    column = COLUMNS.index("body_id") + 1
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, column).value == body_id)


def _retyped(data: Path, tmp_path: Path, edit: Callable[[Any], None]) -> tuple[Portal, Path]:
    """The workbook of 2025-2026, edited, and the data with 2026-2027 started (the guide's order)."""
    portal, _ = load(data)
    path = tmp_path / "nam-sau.xlsx"
    path.write_bytes(workbook_bytes(portal, MAU, Y2025))
    book = openpyxl.load_workbook(path)
    edit(book["Danh sách"])
    book.save(path)
    return _start_next_year(data), path


def _rename(sheet: Any) -> None:
    """Two headings typed over as another body's: a cluster, and a group whose Môn cells are
    emptied."""
    sheet.cell(_heading_row(sheet, "mau-cum-2"), 1).value = "Cụm chuyên môn số 2 (dữ liệu mẫu)"
    at = _heading_row(sheet, "mau-to-cot-can-tin-hoc")
    sheet.cell(at, 1).value = "Nhóm Lịch sử (dữ liệu mẫu)"
    for r in (at + 1, at + 2):
        sheet.cell(r, COLUMNS.index("subject") + 1).value = None


def _copy_heading(sheet: Any) -> None:
    """A cluster's heading row copied (its hidden id with it) below the list, typed over as a
    new cluster, with its leader and two schools."""
    at = sheet.max_row + 1
    for column in range(1, len(COLUMNS) + 1):
        sheet.cell(at, column).value = sheet.cell(_heading_row(sheet, "mau-cum-1"), column).value
    sheet.cell(at, 1).value = "Cụm chuyên môn số 3 (dữ liệu mẫu)"
    rows = [(None, "Lâm Thị Tuyết Mai", "Hiệu trưởng", "THCS Tân Phú (dữ liệu mẫu)", None, "Cụm trưởng"),
            (1, "THCS Bình Minh (dữ liệu mẫu)", None, None, None, "Thành viên"),
            (2, "THCS Tân Phú (dữ liệu mẫu)", None, None, None, "Thành viên")]
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            sheet.cell(at + offset, column).value = value


def _messages(result: Any) -> list[str]:
    return [f"{p.line}: {p.message} | {p.hint}" for p in result.errors]


def _mismatch(line: int, heading: str, name: str, body: str) -> str:
    return (f"{line}: tiêu đề '{heading}' không phải tên của {name} ({body}), tổ chức mà ô 'Mã tổ chức' (cột ẩn) của "
            f"dòng này ghi. | nếu {name} đổi tên, ghi tên mới cả ở dòng tiêu đề và ở tên (name) của tổ chức trong "
            f"data/years/2026-2027/so-gddt-mau.yml; nếu đây là một tổ chức mới, xóa ô 'Mã tổ chức' của dòng này "
            "(hiện cột ẩn), hoặc gõ tiêu đề vào một dòng mới.")


def test_a_heading_typed_over_as_another_body_is_an_error_naming_both(data: Path, tmp_path: Path) -> None:
    portal, path = _retyped(data, tmp_path, _rename)
    sheet = openpyxl.load_workbook(path)["Danh sách"]
    result = import_roster(portal, MAU, path)
    assert _messages(result) == [
        _mismatch(_heading_row(sheet, "mau-to-cot-can-tin-hoc"), "Nhóm Lịch sử (dữ liệu mẫu)",
                  "Nhóm Tin học (dữ liệu mẫu)", "mau-to-cot-can-tin-hoc"),
        _mismatch(_heading_row(sheet, "mau-cum-2"), "Cụm chuyên môn số 2 (dữ liệu mẫu)",
                  "Cụm chuyên môn phía Bắc huyện (dữ liệu mẫu)", "mau-cum-2")]


def test_a_copied_heading_typed_over_as_a_new_body_is_an_error_until_its_id_is_deleted(data: Path,
                                                                                       tmp_path: Path) -> None:
    portal, path = _retyped(data, tmp_path, _copy_heading)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    copied = sheet.max_row - 3
    result = import_roster(portal, MAU, path)
    assert _messages(result) == [_mismatch(copied, "Cụm chuyên môn số 3 (dữ liệu mẫu)",
                                           "Cụm chuyên môn số 1 (dữ liệu mẫu)", "mau-cum-1")]
    # The hint followed: the id cell deleted, a new cluster with what was typed under it (its
    # words between brackets are no remark on the list: they stay in the name).
    sheet.cell(copied, COLUMNS.index("body_id") + 1).value = None
    book.save(path)
    result = import_roster(portal, MAU, path)
    assert result.errors == [], result.report()
    assert summary(portal, result.proposal.bodies, result.new_people) == [
        "Tổ chức mới: Cụm chuyên môn số 3 (dữ liệu mẫu) (mau-cum-chuyen-mon-so-3-du-lieu-mau, Cụm chuyên môn), 3 "
        "thành viên."]
    new = next(b for b in result.proposal.bodies if b.target.existing is None)
    assert [(m.entry.get("person") or m.entry.get("school"), m.entry["role"]) for m in new.members] == [
        ("mau-lam-thi-tuyet-mai", "cum-truong"), ("mau-thcs-binh-minh", "thanh-vien"),
        ("mau-thcs-tan-phu", "thanh-vien")]


def test_a_heading_retyped_that_still_names_its_body_keeps_it(data: Path, tmp_path: Path) -> None:
    def capitals(sheet: Any) -> None:
        sheet.cell(_heading_row(sheet, "mau-cum-2"), 1).value = "CỤM CHUYÊN MÔN PHÍA BẮC HUYỆN"
        sheet.cell(_heading_row(sheet, "mau-to-cot-can-tin-hoc"), 1).value = "NHÓM TIN HỌC"
        sheet.cell(_heading_row(sheet, "mau-cum-1"), 1).value = "CỤM 01"

    portal, path = _retyped(data, tmp_path, capitals)
    result = import_roster(portal, MAU, path)
    assert result.errors == [], result.report()
    assert summary(portal, result.proposal.bodies, result.new_people) == []


# The page of the signed original a row cites


def _pages(result: Any, body_id: str) -> dict[str, int | None]:
    body = next(b for b in result.proposal.bodies if b.target.id == body_id)
    return {m.entry["person"]: m.entry.get("page") for m in body.members}


def test_a_row_the_import_changes_no_longer_cites_its_page_of_the_original(data: Path, tmp_path: Path) -> None:
    """Sở GDĐT tỉnh Mẫu's 2025-2026 Nhóm Toán cites page 2 of its decision's signed original
    on every row. Edited in the workbook: bà Duyên's role and ông Lợi's school; the others
    as they were."""
    def edit(sheet: Any) -> None:
        column = {key: i + 1 for i, key in enumerate(COLUMNS)}
        rows = {sheet.cell(r, column["member_id"]).value: r for r in range(1, sheet.max_row + 1)}
        sheet.cell(rows["mau-do-thi-my-duyen"], column["role"]).value = "Phó Nhóm trưởng"
        sheet.cell(rows["mau-chau-van-loi"], column["unit"]).value = "THCS Hoa Sen (dữ liệu mẫu)"

    # The table pasted into a sheet of the clerk's own (without the workbook's title, which
    # says it is for 2026-2027), imported into 2025-2026.
    portal, _ = load(data)
    path = tmp_path / "ds.xlsx"
    path.write_bytes(workbook_bytes(portal, MAU, Y2025))
    book = openpyxl.load_workbook(path)
    edit(book["Danh sách"])
    book["Danh sách"].delete_rows(1, 3)
    book.save(path)
    assert {m.person: m.page for m in portal.bodies[(Y2025, "mau-to-cot-can-toan")].members} == {
        "mau-pham-thi-lan": 2, "mau-do-thi-my-duyen": 2, "mau-chau-van-loi": 2, "mau-huynh-ngoc-anh": 2}
    result = import_roster(portal, MAU, path, year=Y2025)
    assert result.errors == [], result.report()
    assert _pages(result, "mau-to-cot-can-toan") == {"mau-pham-thi-lan": 2, "mau-do-thi-my-duyen": None,
                                                     "mau-chau-van-loi": None, "mau-huynh-ngoc-anh": 2}
    assert set(_pages(result, "mau-to-cot-can").values()) == {2}  # the team's rows, as they were

    # The next year started (its decision a placeholder, no original): nam-moi copies the rows
    # without their page (it would cite the old decision's original); imported, they cite none.
    portal = _start_next_year(data)
    assert {m.page for m in portal.bodies[(SchoolYear(2026), "mau-to-cot-can-toan")].members} == {None}
    path.write_bytes(workbook_bytes(portal, MAU, SchoolYear(2026)))
    result = import_roster(portal, MAU, path)
    assert result.errors == [], result.report()
    assert set(_pages(result, "mau-to-cot-can-toan").values()) == set(_pages(result, "mau-to-cot-can").values()) == {
        None}


# A Sở's year carrying two districts on: Củ Chi's "Cụm 01" and Dầu Tiếng's "Cụm Một" are
# both cluster no. 1


@pytest.fixture
def two_districts(data: Path) -> Portal:
    """so-gddt-tp-hcm's 2025-2026, started from Củ Chi's 2024-2025, with Dầu Tiếng's
    2023-2024 added."""
    portal, _ = load(data)
    assert write(plan_successor(portal, data, "pgddt-cu-chi", HCM), data) == []
    portal, _ = load(data, draft=True)
    assert write(plan_successor(portal, data, "pgddt-dau-tieng", HCM, new=Y2025), data) == []
    portal, _ = load(data, draft=True)
    assert {b.id: b.name for b in portal.bodies_in(Y2025) if b.id in ("cc-cum-01", "dt-cum-mot")} == {
        "cc-cum-01": "Cụm 01", "dt-cum-mot": "Cụm Một"}
    return portal


@pytest.mark.parametrize("heading", ["Cụm Một", "CỤM MỘT", "cụm một (tiếp theo)"])
def test_a_heading_that_is_a_cluster_s_very_name_places_it_among_clusters_of_the_same_number(
        two_districts: Portal, tmp_path: Path, heading: str) -> None:
    path = tmp_path / "cum.csv"
    path.write_text("STT,Họ và tên,Chức vụ,Đơn vị công tác,Vai trò\n"
                    f",{heading},,,\n"
                    ",Lê Văn Hoà,Hiệu trưởng,TH Bến Súc,Cụm trưởng\n"
                    ",TH Dầu Tiếng,,,Thành viên\n", encoding="utf-8")
    result = import_roster(two_districts, HCM, path)
    assert result.errors == [], result.report()
    assert [b.target.id for b in result.proposal.bodies] == ["dt-cum-mot"]


def test_a_number_alone_naming_two_clusters_is_an_error_naming_each_cluster_s_name_to_type(
        two_districts: Portal, tmp_path: Path) -> None:
    path = tmp_path / "cum.csv"
    path.write_text("STT,Họ và tên,Chức vụ,Đơn vị công tác,Vai trò\n,CỤM 1,,,\n"
                    "1,Nguyễn Văn Hiếu,Hiệu trưởng,THCS Thị Trấn 2,Cụm trưởng\n", encoding="utf-8")
    result = import_roster(two_districts, HCM, path)
    assert _messages(result) == [
        "2: tiêu đề 'CỤM 1' khớp với nhiều tổ chức: cc-cum-01 (Cụm 01), dt-cum-mot (Cụm Một). | ghi đúng tên của "
        "một trong các tổ chức đó ở dòng tiêu đề: 'Cụm 01' (cc-cum-01, chép từ Phòng GDĐT huyện Củ Chi); 'Cụm Một' "
        "(dt-cum-mot, chép từ Phòng GDĐT huyện Dầu Tiếng)."]


def test_a_heading_whose_hidden_id_is_another_cluster_s_of_the_same_number_is_an_error(
        two_districts: Portal, data: Path, tmp_path: Path) -> None:
    """The "Cụm Một" heading row copied with Cụm 01's hidden id (pasted over, as a clerk
    reorders rows): never Cụm 01's list replaced by Cụm Một's."""
    path = tmp_path / "so.xlsx"
    path.write_bytes(workbook_bytes(two_districts, HCM, Y2025))
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    at = _heading_row(sheet, "dt-cum-mot")
    sheet.cell(at, COLUMNS.index("body_id") + 1).value = "cc-cum-01"
    book.save(path)
    result = import_roster(two_districts, HCM, path)
    assert [m.split(" | ")[0] for m in _messages(result)] == [
        f"{at}: tiêu đề 'Cụm Một' không phải tên của Cụm 01 (cc-cum-01), tổ chức mà ô 'Mã tổ chức' (cột ẩn) của dòng "
        "này ghi."]


# A school that closes at the end of the year: out of the workbook for the next year, as out of it


LONG_THANH = "mau-thcs-long-thanh"


def _closes(data: Path) -> None:
    """THCS Long Thạnh merges into THCS Hoa Sen at the end of 2025-2026 (entered by the clerk)."""
    path = data / "schools" / "pgddt-mau.yml"
    text = path.read_text(encoding="utf-8")
    school = f"  - id: {LONG_THANH}\n    name: THCS Long Thạnh (dữ liệu mẫu)\n    level: THCS\n"
    assert text.count(school) == 1
    path.write_text(text.replace(school, school + "    valid_until: 2026-06-30\n    successor: mau-thcs-hoa-sen\n"),
                    encoding="utf-8")


def test_the_workbook_for_next_year_leaves_out_a_school_closed_by_then_as_nam_moi_does(data: Path,
                                                                                      tmp_path: Path) -> None:
    _closes(data)
    portal, problems = load(data)
    assert [p for p in problems if p.severity == "error"] == []
    name = portal.schools[LONG_THANH].name
    path = tmp_path / "nam-sau.xlsx"
    path.write_bytes(workbook_bytes(portal, MAU, Y2025))
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    cells = [str(c.value) for row in sheet.iter_rows(min_row=5) for c in row if c.value is not None]
    assert name not in cells and LONG_THANH not in cells  # no row of the school, no person's unit
    offered = [c.value for c in book[LISTS_SHEET]["B"]]
    assert name not in offered and portal.schools["mau-thcs-hoa-sen"].name in offered  # nor in the drop-down
    # A person whose unit it was keeps the row, the unit blank, as nam-moi leaves them.
    column = {key: i + 1 for i, key in enumerate(COLUMNS)}
    row = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, column["member_id"]).value == "mau-ho-van-thai")
    assert (sheet.cell(row, column["unit"]).value, sheet.cell(row, column["unit_id"]).value) == (None, None)
    portal = _start_next_year(data)
    result = import_roster(portal, MAU, path)
    assert result.errors == [], result.report()
    assert plan_changes(result, data, data.parent) == []


def test_a_closed_school_named_in_a_later_year_is_never_told_to_be_added_to_schools(data: Path) -> None:
    """Named in the new year's list (the old workbook imported back): the error says it closed;
    no warning tells to add it to the year's `schools:`."""
    _closes(data)
    _start_next_year(data)
    path = data / "years" / "2026-2027" / f"{MAU}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("role: pho-cum-truong, position: Hiệu trưởng}",
                                 f"role: pho-cum-truong, position: Hiệu trưởng, unit: {LONG_THANH}}}", 1),
                    encoding="utf-8")
    _, problems = load(data, draft=True)
    # Those whose unit it was and who have none now are asked for one (checks._check_units_to_fill).
    about = [p for p in problems if "THCS Long Thạnh" in p.message and "chưa có đơn vị công tác" not in p.message]
    assert [p.severity for p in about] == ["error"], [p.message for p in about]
    assert "đã chấm dứt hoạt động" in about[0].message
    assert not [p for p in problems if p.hint and LONG_THANH in p.hint and "'schools:'" in p.hint]


@pytest.mark.parametrize("retyped", ["LƯU THỊ DIỄM", "Luu Thi Diem"])
def test_a_name_retyped_with_other_marks_or_case_in_the_workbook_is_said(data: Path, tmp_path: Path,
                                                                        retyped: str) -> None:
    """The hidden "Mã thành viên" still names the person, and the warning a list without ids gives
    is given (a clerk's review: a name corrected in the workbook was passed over without a word)."""
    portal = _start_next_year(data)
    path = tmp_path / "nam-moi.xlsx"
    path.write_bytes(workbook_bytes(portal, MAU, SchoolYear(2026)))
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    column = {key: i + 1 for i, key in enumerate(COLUMNS)}
    at = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, column["member_id"]).value == "mau-luu-thi-diem")
    sheet.cell(at, column["name"]).value = retyped
    book.save(path)
    result = import_roster(portal, MAU, path)
    assert result.errors == [], result.report()
    assert [p.message for p in result.all_problems() if retyped in p.message] == [
        f"'{retyped}' được hiểu là Lưu Thị Diễm (mau-luu-thi-diem), khác dấu hoặc chữ hoa."]
    assert plan_changes(result, data, data.parent) == []


def test_a_person_moved_to_another_group_keeps_the_position_the_table_has_no_column_for(data: Path,
                                                                                         tmp_path: Path) -> None:
    """The new year's workbook, its Chức vụ column deleted, bà Diễm's row cut from Nhóm Ngữ văn
    and inserted under Nhóm Tiếng Anh (her Môn retyped): she keeps "Giáo viên" as those who
    stayed keep theirs."""
    portal = _start_next_year(data)
    path = tmp_path / "nam-moi.xlsx"
    path.write_bytes(workbook_bytes(portal, MAU, SchoolYear(2026)))
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    column = {key: i + 1 for i, key in enumerate(COLUMNS)}
    at = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, column["member_id"]).value == "mau-luu-thi-diem")
    moved = [sheet.cell(at, c).value for c in range(1, len(COLUMNS) + 1)]
    sheet.delete_rows(at)
    under = _heading_row(sheet, "mau-to-cot-can-tieng-anh") + 1
    sheet.insert_rows(under)
    for c, value in enumerate(moved, start=1):
        sheet.cell(under, c).value = value
    sheet.cell(under, column["subject"]).value = "Tiếng Anh"
    sheet.cell(under, column["stt"]).value = None
    sheet.delete_cols(column["position"])
    book.save(path)
    result = import_roster(portal, MAU, path)
    assert result.errors == [], result.report()
    english = next(b for b in result.proposal.bodies if b.target.id == "mau-to-cot-can-tieng-anh")
    diem = next(m.entry for m in english.members if m.entry.get("person") == "mau-luu-thi-diem")
    assert (diem.get("position"), diem.get("unit")) == ("Giáo viên", "mau-thcs-hoa-sen")
    assert {m.entry.get("position") for b in result.proposal.bodies for m in b.members
            if m.entry.get("person")} == {m.position for b in portal.bodies_in(SchoolYear(2026)) if b.office == MAU
                                          for m in b.members if m.person}
