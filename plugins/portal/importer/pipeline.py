"""From a file to a proposal: read, find the roster, place its sections, match its rows."""

from __future__ import annotations

from pathlib import Path

from ..dates import SchoolYear
from ..model import Portal
from .errors import RosterError
from .headings import read_heading
from .layout import Table, find_roster, has_header
from .limits import LIMITS, Limits
from .matcher import Matcher
from .placement import TEAM_KINDS, Placement, Target, latest_year
from .proposal import propose
from .read import read_grids
from .result import ImportResult
from .rows import match_row


def read_table(path: Path, fmt: str | None = None, shown: str | None = None, matcher: Matcher | None = None,
               limits: Limits = LIMITS) -> Table:
    """The roster of a file: of a workbook, the first visible sheet that has a header.
    Headings are read with the office's subjects when a matcher is given."""
    shown = shown or str(path)
    grids = read_grids(path, fmt, shown, limits)
    if not grids:
        raise RosterError(f"{shown}: tệp Excel không có trang tính nào đang hiện.")
    grid = next((g for g in grids if has_header(g)), grids[0])
    subject_of = matcher.subject if matcher is not None else (lambda text: None)
    return find_roster(grid, lambda text: read_heading(text, subject_of))


def import_table(portal: Portal, office: str, table: Table, matcher: Matcher | None = None, *,
                 year: SchoolYear | None = None, body: str | None = None,
                 decision: str | None = None) -> ImportResult:
    """Match every row of a table to the office's data for a school year (default: the
    office's latest), placing each section in the body its heading names."""
    matcher = matcher or Matcher(portal, office)
    year = year or latest_year(portal, office)
    placement = Placement(portal, matcher, table.source, year, body, decision)
    school_table = "school" in table.columns and "name" not in table.columns
    rows = []
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
            if row.subject_id and (target is None or target.kind in TEAM_KINDS):
                row.target = placement.group_of(target, row.subject_id, row)
            elif target is not None and target.kind == "nhom-bo-mon" and row.subject_id not in (None, target.subject):
                # A row of another subject under a group's heading: that subject's group beside it.
                row.target = placement.group_of(placement.target_of(target.parent), row.subject_id or "", row)
            rows.append(row)
    targets = list(placement.targets.values())
    problems = table.warnings + placement.problems
    return ImportResult(table.source, office, year, rows, targets, propose(portal, targets, rows), problems,
                        table.notes)


def import_roster(portal: Portal, office: str, path: Path, fmt: str | None = None, shown: str | None = None, *,
                  year: SchoolYear | None = None, body: str | None = None, decision: str | None = None,
                  limits: Limits = LIMITS) -> ImportResult:
    """Read the file at `path` (any of read.FORMATS; guessed from the name when not
    given) and match it to the office's data. Raises RosterError on a file it cannot use."""
    matcher = Matcher(portal, office)  # an unknown office is reported before the file is read
    table = read_table(path, fmt, shown, matcher, limits)
    return import_table(portal, office, table, matcher, year=year, body=body, decision=decision)
