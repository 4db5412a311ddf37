"""What an import found, for the clerk (the report) and for the data (the YAML)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..dates import SchoolYear
from ..problems import Problem, formatted
from .datafiles import people_file, year_file
from .placement import Target
from .proposal import Proposal
from .rows import ImportedRow
from .yamltext import dump


@dataclass
class ImportResult:
    source: str
    office: str
    year: SchoolYear | None
    rows: list[ImportedRow]
    targets: list[Target]
    proposal: Proposal
    # Problems of the file as a whole: skipped lines, headings; each with its order in the file.
    problems: list[tuple[int, Problem]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def unmatched(self) -> list[ImportedRow]:
        return [r for r in self.rows if not r.matched]

    @property
    def unplaced(self) -> list[ImportedRow]:
        """Rows matched to the data but to no body: no heading, no --body."""
        return [r for r in self.rows if r.matched and r.target is None]

    def all_problems(self) -> list[Problem]:
        """Every problem in the order of the file, the merge's last."""
        ordered = [(order, p) for order, p in self.problems]
        for row in self.rows:
            ordered += [(row.order, p) for p in row.problems + row.remarks]
        ordered.sort(key=lambda item: item[0])
        return [p for _, p in ordered] + self.proposal.problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.all_problems() if p.severity == "error"]

    @property
    def new_people(self) -> list[dict[str, str]]:
        return [person.entry() for person in self.proposal.people]

    def data(self) -> dict[str, Any]:
        """The proposal as plain values: new `people`, each body with its list as it will
        be (`bodies`), and the rows that go into no body (`members`)."""
        out: dict[str, Any] = {}
        if self.proposal.people:
            out["people"] = self.new_people
        bodies = [{**body.header(), "members": [m.entry for m in body.members]} for body in self.proposal.bodies]
        if bodies:
            out["bodies"] = bodies
        plain = [r.member() for r in self.unplaced]
        if plain:
            out["members"] = plain
        return out

    def summary(self) -> str:
        matched = len(self.rows) - len(self.unmatched)
        where = f", năm học {self.year}" if self.year else ""
        return (f"{self.source}{where}: {len(self.rows)} dòng, {matched} khớp, {len(self.unmatched)} chưa khớp, "
                f"{len(self.proposal.people)} người mới, {len(self.proposal.bodies)} tổ chức.")

    def to_yaml(self) -> str:
        year = self.year.label if self.year else "<năm học>"
        header = [f"# Nhập từ {self.summary()}",
                  f"# people: thêm vào {people_file(self.office)}; bodies: danh sách mới của từng tổ chức trong "
                  f"{year_file(year, self.office)}."]
        if self.unplaced:
            header.append("# members: các dòng chưa thuộc tổ chức nào (thêm dòng tiêu đề hoặc dùng --body).")
        header += [f"# CHƯA KHỚP {_where(p)}: {p.message}" for p in self.errors]
        return "\n".join(header) + "\n" + dump(self.data())

    def report(self) -> str:
        lines = [self.summary(), *self.notes]
        lines += formatted(self.all_problems())
        return "\n".join(lines)


def _where(problem: Problem) -> str:
    parts = [f"dòng {problem.line}"] if problem.line is not None else []
    if problem.path:
        parts.append(problem.path)
    return ", ".join(parts) or problem.file
