"""From a file to a proposal: read, find the roster, place its sections, match its rows."""

from __future__ import annotations

from pathlib import Path

from ..dates import SchoolYear
from ..model import Portal
from ..problems import Problem
from .errors import RosterError
from .grid import Grid
from .headings import aside_dropped, read_heading
from .keys import body_key
from .layout import ID_KEYS, Table, find_roster, header_keys
from .limits import LIMITS, Limits
from .matcher import Matcher
from .placement import TEAM_KINDS, Placement, Target, latest_year
from .proposal import propose
from .read import read_grids
from .result import ImportResult
from .rows import match_row
from .workbook import into_year, year_in_title


def read_table(path: Path, fmt: str | None = None, shown: str | None = None, matcher: Matcher | None = None,
               limits: Limits = LIMITS) -> Table:
    """The roster of a file: of a workbook, the first visible sheet with a header naming
    people, else naming schools (see `_roster_grid`). Headings are read with the office's
    subjects when a matcher is given."""
    shown = shown or str(path)
    grids = read_grids(path, fmt, shown, limits)
    if not grids:
        raise RosterError(f"{shown}: tệp Excel không có trang tính nào đang hiện.")
    grid, same, schools = _roster_grid(grids)
    subject_of = matcher.subject if matcher is not None else (lambda text: None)
    # A line that is the name of one of the office's bodies (any year) is its heading, whatever its
    # words; with or without the words between brackets ("(dữ liệu mẫu)", "(tiếp theo)").
    names = {key for b in matcher.portal.bodies.values() if b.office == matcher.office.id
             for key in (body_key(b.name), body_key(aside_dropped(b.name)))} if matcher is not None else set()
    table = find_roster(grid, lambda text: read_heading(text, subject_of, names.__contains__),
                        matcher.subject_named if matcher else None)
    _tell_sheets(table, grid, same, schools)
    # The title a workbook for a year keeps above its header (rows the roster does not read).
    ours = bool(ID_KEYS & table.columns.keys())
    titled = next(((year, row.line) for row in grid.rows[:_TITLE_ROWS] for cell in row.cells
                   if (year := year_in_title(cell.text, ours)) is not None), None)
    if titled is not None:
        table.year, table.year_line = titled
    table.warnings += _hidden_rows(grid, table)
    return table


# The rows above a workbook's header: its title, then a line on how to fill it in (workbook.py).
_TITLE_ROWS = 3


def _header_names(grid: Grid, fuzzy: bool) -> str | None:
    """What the first header of a grid lists: "people" (it has a name column),
    "schools", or None (no header)."""
    for row in grid.rows:
        if row.table != -1 and (columns := header_keys(row.cells, fuzzy).columns):
            return "people" if "name" in columns else "schools"
    return None


def _roster_grid(grids: list[Grid]) -> tuple[Grid, list[Grid], list[Grid]]:
    """The grid to read, the others with the same kind of header, the lists of schools
    left aside. A sheet of people comes before a sheet of schools (a summary by school
    before the list, "Tổng hợp" then "Danh sách"); between two of a kind, the first.
    Sheets are probed with the header words as spelt (fuzzy matching on every row of a
    long sheet is slow); only when none names people so are they probed again allowing a
    slip: "Họ và tê" | "Đơn vị" reads as a list of schools when spelt exactly."""
    if len(grids) == 1:
        return grids[0], [], []  # find_roster reads it, however its header is spelt
    kinds = [_header_names(grid, fuzzy=False) for grid in grids]
    if "people" not in kinds:
        kinds = [_header_names(grid, fuzzy=True) for grid in grids]
    people = [grid for grid, kind in zip(grids, kinds, strict=True) if kind == "people"]
    schools = [grid for grid, kind in zip(grids, kinds, strict=True) if kind == "schools"]
    if people:
        return people[0], people[1:], schools
    if schools:
        return schools[0], schools[1:], []
    return grids[0], [], []


def _tell_sheets(table: Table, read: Grid, same: list[Grid], schools: list[Grid]) -> None:
    """The sheets not read: a note for the lists of schools passed over, a warning for the
    other lists of the kind read (the clerk may have meant one of them)."""
    if schools:
        table.notes.append(f"Không đọc trang tính {_sheets(schools)}: bảng các trường, không có cột 'Họ và tên'.")
    if same:
        table.warnings.append((-1, Problem(
            table.source, None, "", f"tệp có {len(same) + 1} trang tính có danh sách: chỉ đọc trang tính "
            f"'{read.sheet}', không đọc {_sheets(same)}.", severity="warning",
            hint="mỗi lần nhập một trang tính: ẩn các trang tính kia (bấm chuột phải vào tên trang tính, chọn Ẩn) "
                 "hoặc chép trang cần nhập sang một tệp riêng.")))


def _sheets(grids: list[Grid]) -> str:
    return ", ".join(f"'{grid.sheet}'" for grid in grids)


def _hidden_rows(grid: Grid, table: Table) -> list[tuple[int, Problem]]:
    """A warning naming the rows of the list hidden in the workbook: a clerk hides the
    people who left rather than deleting them, and they would be imported unseen."""
    hidden = [row for row in table.rows if row.line in grid.hidden]
    if not hidden:
        return []
    lines = ", ".join(str(row.line) for row in hidden)
    return [(hidden[0].order, Problem(
        table.source, None, f"trang tính '{grid.sheet}'", f"dòng {lines} đang bị ẩn trong Excel nhưng vẫn được "
        "nhập như mọi dòng khác.", severity="warning",
        hint="nếu đó là những người đã thôi (chuyển công tác, nghỉ hưu), xóa hẳn các dòng đó trong tệp rồi nhập lại; "
             "nếu họ vẫn thuộc danh sách, bỏ ẩn để thấy đủ danh sách."))]


def import_table(portal: Portal, office: str, table: Table, matcher: Matcher | None = None, *,
                 year: SchoolYear | None = None, body: str | None = None,
                 decision: str | None = None) -> ImportResult:
    """Match every row of a table to the office's data for a school year (default: the
    office's latest), placing each section in the body its heading names. A workbook for
    another year (`Table.year`) raises RosterError."""
    matcher = matcher or Matcher(portal, office)
    year = year or latest_year(portal, office)
    if table.year is not None and year is not None and table.year != year and office in portal.offices:
        # Never into another year: a workbook for next year imported before `cotcan nam-moi`
        # would rewrite the signed year, or an ended office's past one.
        line = f" (tiêu đề, dòng {table.year_line})" if table.year_line is not None else ""
        raise RosterError(f"{table.source}: bảng là danh sách năm học {table.year}{line}, không nhập vào năm học "
                          f"{year} của {office}: mỗi bảng chỉ nhập vào năm học nó ghi. Gợi ý: "
                          f"{into_year(portal, office, table.year, Path(table.source))}.")
    placement = Placement(portal, matcher, table.source, year, body, decision)
    school_table = "school" in table.columns and "name" not in table.columns
    rows = []
    waiting = []  # rows placed once every other row is (Placement.waits)
    context: Target | None = placement.root
    for section in table.sections:
        target = placement.root
        if section.heading is not None:
            target = placement.for_heading(section.heading, context)
            if target is not None and target.kind != "nhom-bo-mon":
                context = target
        for table_row in section.rows:
            row = match_row(matcher, table_row, table.source, school_table, target.kind if target else None)
            row.target = target.id if target else None
            if row.subject_id and placement.waits(target, row.subject_id):
                waiting.append(row)
            elif row.subject_id and (target is None or target.kind in TEAM_KINDS):
                row.target = placement.group_of(target, row.subject_id, row)
            elif target is not None and target.kind == "nhom-bo-mon" and row.subject_id not in (None, target.subject):
                # A row of another subject under a group's heading: that subject's group beside it.
                row.target = placement.group_of(placement.target_of(target.parent), row.subject_id or "", row)
            rows.append(row)
    for row in waiting:
        row.target = placement.place_waiting(row.subject_id or "", row)
    targets = list(placement.targets.values())
    problems = table.warnings + placement.problems
    return ImportResult(table.source, office, year, rows, targets, propose(portal, targets, rows, year), problems,
                        table.notes)


def import_roster(portal: Portal, office: str, path: Path, fmt: str | None = None, shown: str | None = None, *,
                  year: SchoolYear | None = None, body: str | None = None, decision: str | None = None,
                  limits: Limits = LIMITS) -> ImportResult:
    """Read the file at `path` (any of read.FORMATS; guessed from the name when not
    given) and match it to the office's data. Raises RosterError on a file it cannot use."""
    matcher = Matcher(portal, office)  # an unknown office is reported before the file is read
    table = read_table(path, fmt, shown, matcher, limits)
    return import_table(portal, office, table, matcher, year=year, body=body, decision=decision)
