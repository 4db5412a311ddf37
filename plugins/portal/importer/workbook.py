"""The workbook "for next year": an office's lists of a year, pre-filled, to edit in
Excel or LibreOffice and import back.

One sheet, "Danh sách": a title, the header, then each body with a list, a heading row
with its name (in the STT column, the row shaded) followed by its members, in the order of the year file. Columns:
STT, Họ và tên (or the school's name), Chức vụ, Đơn vị công tác, Môn, Vai trò, Ghi chú,
and three hidden columns that make the round trip exact: Mã tổ chức (on heading rows),
Mã thành viên (the person's or school's id) and Mã đơn vị. An id is used on import only
while the visible cell still names it, so a row the clerk retypes is matched by what it
says. A hidden sheet, "Danh mục", holds the drop-down lists (data validation) of roles,
schools and subjects.

The workbook is for the next year, or for the year itself while its decision is still the
placeholder `cotcan nam-moi` wrote (`Lists.prepares`). For the next year, the lists are as
`cotcan nam-moi` copies them: as they stood at the end of the year (`terms.history(body).latest`),
numbered 1..n once across a team and its subject groups, each row as nam-moi carries it
(carried_rows.py); for the year itself, as they are. The title names the year the workbook is
for; the importer reads it back (`year_in_title`) and imports the workbook into no other year,
saying how to reach that one (`into_year`).

Written with XlsxWriter, as the site's exports: the same data gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
from dataclasses import dataclass
from pathlib import Path

from xlsxwriter.worksheet import Worksheet

from .. import commands, terms, vocab, wording
from ..carried_rows import carried_member, closed_schools
from ..checks import is_placeholder
from ..dates import SchoolYear
from ..diff import office_years
from ..model import Body, Membership, Portal
from ..text import fold
from .errors import RosterError
from .layout import LABELS

COLUMNS = ("stt", "name", "position", "unit", "subject", "role", "note", "body_id", "member_id", "unit_id")
_WIDTHS = {"stt": 6, "name": 28, "position": 22, "unit": 30, "subject": 16, "role": 18, "note": 20}
LISTS_SHEET = "Danh mục"


def _name(portal: Portal, member: Membership) -> str:
    if member.school:
        school = portal.schools.get(member.school)
        return school.name if school else member.school
    person = portal.people.get(member.person or "")
    return person.name if person else (member.person or "")


@dataclass(frozen=True)
class Lists:
    """What a workbook holds: the lists of an office-year, and the year they are for."""

    office: str
    year: SchoolYear  # the year whose lists are written
    prepares: SchoolYear  # the year the workbook is for: `year` itself, or the next
    bodies: tuple[tuple[Body, tuple[Membership, ...]], ...]  # each body with its list

    @property
    def placeholder(self) -> bool:
        """The year's decision is still the placeholder: the lists `cotcan nam-moi` copied."""
        return self.prepares == self.year

    def title(self) -> str:
        if self.placeholder:
            return (f"{_TITLE} {self.year} (chép từ năm học trước, quyết định năm học chưa ghi: sửa theo "
                    "quyết định mới rồi nhập lại)")
        return f"{_TITLE} {self.prepares} (chép từ năm học {self.year}: sửa cho năm mới rồi nhập lại)"

    def told(self, portal: Portal, path: Path) -> str:
        """What the command says once the workbook is written at `path`."""
        office = portal.offices[self.office].short_name
        if self.placeholder:
            return (f"danh sách năm học {self.year} của {office}: quyết định năm học còn là chỗ giữ, nên bảng là "
                    "danh sách của chính năm học này, để sửa theo quyết định mới rồi nhập lại bằng "
                    f"{commands.IMPORT.line('--office', self.office, '--input', path)}.")
        return (f"danh sách năm học {self.year} của {office} như cuối năm học, để sửa cho năm học {self.prepares}; "
                f"{into_year(portal, self.office, self.prepares, path)}.")


# The title's first words, then the year the workbook is for: read back on import (year_in_title).
_TITLE = "DANH SÁCH NĂM HỌC"
_TITLE_YEAR = re.compile(rf"{fold(_TITLE)} (\d{{4}})-(\d{{4}}) \(chep tu nam hoc\b")
# In a table that is surely one of these workbooks (its hidden id columns), the title as a
# clerk may have retyped it: "năm học 2024 - 2025", an en dash, the note after it deleted.
_EDITED_TITLE_YEAR = re.compile(r"\bnam hoc\s*(\d{4})\s*[-\u2010-\u2015/]\s*(\d{4})\b")


def year_in_title(text: str, workbook: bool = False) -> SchoolYear | None:
    """The year a workbook of `cotcan nhap --workbook` is for, read from its title (Lists.title),
    however Excel or the clerk changed its case or marks; with `workbook` (the table has the
    workbook's id columns), also as the clerk retyped it; None for any other text (a signed
    list's own title names its year too, and is imported into the year asked)."""
    folded = fold(text)
    match = _TITLE_YEAR.match(folded) or (_EDITED_TITLE_YEAR.search(folded) if workbook else None)
    if match is None or int(match.group(2)) != int(match.group(1)) + 1:
        return None
    return SchoolYear(int(match.group(1)))


def into_year(portal: Portal, office_id: str, year: SchoolYear, path: Path) -> str:
    """How the lists of a workbook for `year` reach that year: the office's own year (started,
    or to start with `cotcan nam-moi`), or, for an office that ended before it, the year of
    each successor that carries it on (started, or to start with `--successor`)."""
    office = portal.offices[office_id]
    if not office.ended_before(year):
        return _steps(portal, office_id, office_id, year, path, ())
    assert office.valid_until is not None
    heirs = [x.office for x in office.successors if x.office in portal.offices]
    ended = f"{office.short_name} đã chấm dứt hoạt động từ sau ngày {office.valid_until.vietnamese()}"
    if not heirs:
        return f"{ended} và chưa ghi đơn vị kế thừa (successors) trong data/offices.yml: ghi đơn vị kế thừa trước"
    return (f"{ended}, năm học {year} do đơn vị kế thừa ban hành: "
            + " hoặc ".join(_steps(portal, office_id, heir, year, path, ("--successor", heir)) for heir in heirs))


def _steps(portal: Portal, office_id: str, issuer: str, year: SchoolYear, path: Path,
           successor: tuple[str, ...]) -> str:
    """Import into `issuer`'s `year`, after starting it from `office_id`'s last year unless
    it is started (for a successor: unless it carries `office_id`'s bodies on already)."""
    years = office_years(portal, issuer)
    last = office_years(portal, office_id)[-1]
    carried = {b.id for b in portal.bodies_in(last) if b.office == office_id}
    started = year in years and (not successor or any(
        b.id in carried for b in portal.bodies_in(year) if b.office == issuer))
    of = f" của {portal.offices[issuer].short_name}" if successor else ""
    on_year = () if max([*years, year]) == year else ("--year", str(year))  # else the import's default
    imported = commands.IMPORT.line("--office", issuer, "--input", path, *on_year)
    if started:
        return f"nhập vào năm học đó{of}: {imported}"
    to = () if year == SchoolYear(last.start + 1) else ("--to", str(year))  # else nam-moi's default
    return (f"bắt đầu năm học đó{of} ({commands.NEW_YEAR.line('--office', office_id, *successor, *to)}) rồi nhập "
            f"lại bằng {imported}")


def lists_for(portal: Portal, office: str, year: SchoolYear, body: str | None = None) -> Lists:
    """The bodies of an office-year that have a list, in the year file's order, each with
    its list at the end of the year; with `body`, that body and the bodies under it."""
    bodies = [b for b in portal.bodies_in(year) if b.office == office]
    listed = [(b, terms.history(b).latest) for b in bodies]
    placeholder = any(is_placeholder(d) for b, members in listed
                      if members and (d := portal.documents.get(b.decision)) is not None)
    if not placeholder:
        # For the next year: as `cotcan nam-moi` copies the lists (the schools closed by then out,
        # the unit of their people blank), numbered as it numbers them (over the whole year, so
        # that a part of a list keeps the numbers it has in it).
        closed = closed_schools(portal, SchoolYear(year.start + 1))
        listed = _renumbered([(b, tuple(kept for m in members if (kept := carried_member(m, closed)) is not None))
                              for b, members in listed])
    listed = [(b, members) for b, members in listed if members]
    if body is not None:
        chosen = next((b for b in bodies if b.id == body), None)
        if chosen is None:
            raise RosterError(f"--body {body}: đơn vị {office} không có tổ chức nào mang mã này trong năm học {year}.")
        wanted = {chosen.id} | {d.id for d in portal.descendants(chosen)}
        listed = [(b, members) for b, members in listed if b.id in wanted]
    return Lists(office, year, year if placeholder else SchoolYear(year.start + 1), tuple(listed))


def _renumbered(listed: list[tuple[Body, tuple[Membership, ...]]]) -> list[tuple[Body, tuple[Membership, ...]]]:
    """Each list numbered 1..n, once across a team and its subject groups (the team's rows,
    then its groups in the file's order), as `cotcan nam-moi` numbers a new year's lists: a
    list amended mid-year has gaps and rows added at its end. Rows without a number keep none."""
    by_id = {b.id: b for b, _ in listed}

    def team(b: Body) -> str:
        seen = {b.id}
        while b.kind == "nhom-bo-mon" and b.parent in by_id and b.parent not in seen:
            b = by_id[b.parent]
            seen.add(b.id)
        return b.id

    parts: dict[str, list[int]] = {}
    for index, (b, _) in enumerate(listed):
        parts.setdefault(team(b), []).append(index)
    result = list(listed)
    for head, indexes in parts.items():
        number = 0
        for index in sorted(indexes, key=lambda i: listed[i][0].id != head):  # the team's own rows first
            b, members = listed[index]
            numbered = []
            for m in members:
                if m.stt is not None:
                    number += 1
                    m = dataclasses.replace(m, stt=number)
                numbered.append(m)
            result[index] = (b, tuple(numbered))
    return result


def workbook_bytes(portal: Portal, office: str, year: SchoolYear, body: str | None = None) -> bytes:
    import xlsxwriter

    written = lists_for(portal, office, year, body)
    if not written.bodies:
        raise RosterError(f"đơn vị {office} không có danh sách nào trong năm học {year} để chép sang năm sau.")
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False})
    start = datetime.datetime(written.prepares.start, 6, 1)  # a date of the year prepared, not the clock's
    book.set_properties({"title": f"Danh sách năm học {written.prepares}",
                         "author": portal.offices[office].name, "created": start})
    sheet = book.add_worksheet("Danh sách")
    lists = book.add_worksheet(LISTS_SHEET)
    bold = book.add_format({"bold": True, "font_size": 13})
    header = book.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1})
    heading = book.add_format({"bold": True, "bg_color": "#E8EEF7", "border": 1})
    cell = book.add_format({"valign": "top", "text_wrap": True, "border": 1})
    sheet.write_string(0, 0, written.title(), bold)
    sheet.write_string(1, 0, "Sửa thẳng vào bảng; Vai trò, Đơn vị công tác và Môn chọn trong danh sách thả xuống. "
                             "Thêm người: chèn một dòng trong nhóm của họ. Không sửa dòng tên tổ chức.")
    header_row = 3
    sheet.write_row(header_row, 0, [LABELS[c] for c in COLUMNS], header)
    row = header_row + 1
    visible = COLUMNS.index("note")
    for b, members in written.bodies:
        # The body's name alone on its row (not merged: rows added or deleted by any tool
        # keep it whole), its id in the hidden column.
        sheet.write_string(row, 0, b.name, heading)
        for column in range(1, visible + 1):
            sheet.write_blank(row, column, None, heading)
        sheet.write_string(row, COLUMNS.index("body_id"), b.id)
        row += 1
        for m in members:
            values = {"stt": m.stt, "name": _name(portal, m), "position": m.position or "",
                      "unit": wording.unit_name(portal, m.unit), "subject": m.subject or "",
                      "role": wording.role_name(m.role), "note": m.note or "",
                      "member_id": m.person or m.school or "", "unit_id": m.unit or ""}
            for column, key in enumerate(COLUMNS):
                value = values.get(key)
                if isinstance(value, int):
                    sheet.write_number(row, column, value, cell)
                elif value:
                    sheet.write_string(row, column, value, cell)
                elif column <= visible:
                    sheet.write_blank(row, column, None, cell)
            row += 1
    last = max(row - 1 + 200, header_row + 500)  # room for the rows the clerk adds
    _drop_downs(portal, office, written.prepares, sheet, lists, header_row + 1, last)
    for column, key in enumerate(COLUMNS):
        if key in _WIDTHS:
            sheet.set_column(column, column, _WIDTHS[key])
        else:
            sheet.set_column(column, column, 14, None, {"hidden": True})
    sheet.freeze_panes(header_row + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    book.close()
    return buffer.getvalue()


def _drop_downs(portal: Portal, office: str, year: SchoolYear, sheet: Worksheet, lists: Worksheet, first: int,
                last: int) -> None:
    """The drop-down lists of Vai trò (strict), Đơn vị công tác (the schools open in `year`) and
    Môn (suggestions: a new school or a spelling of the decision may still be typed)."""
    roles = list(vocab.ROLES.values())
    closed = closed_schools(portal, year)
    schools = sorted(s.name for s in portal.schools_managed_by(office) if s.id not in closed)
    schools.append(portal.offices[office].short_name)
    subjects = [s.name for s in portal.subjects.values()]
    for column, (title, values) in enumerate((("Vai trò", roles), ("Đơn vị công tác", schools), ("Môn", subjects))):
        lists.write_string(0, column, title)
        for index, value in enumerate(values, start=1):
            lists.write_string(index, column, value)
    lists.hide()
    for key, column_in_lists, count, strict in (("role", "A", len(roles), True), ("unit", "B", len(schools), False),
                                                ("subject", "C", len(subjects), False)):
        column = COLUMNS.index(key)
        source = f"='{LISTS_SHEET}'!${column_in_lists}$2:${column_in_lists}${count + 1}"
        sheet.data_validation(first, column, last, column, {
            "validate": "list", "source": source, "error_type": "stop" if strict else "information",
            "error_title": "Giá trị không có trong danh sách",
            "error_message": "Chọn một vai trò trong danh sách." if strict else
                             "Giá trị này không có trong danh sách; vẫn giữ nếu đúng như văn bản."})
