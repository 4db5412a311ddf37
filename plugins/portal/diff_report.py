"""Reporting a diff (computed by portal.diff) between two school years, or within one year
day by day: as a plain dict for JSON, as text for a terminal, and the labels and groups
the change pages show.

Deterministic: the same diff always gives the same JSON and the same text (the golden
files of tests/golden/diff/ hold them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import wording
from .diff import FIELDS, KINDS, STATUSES, BodyDiff, Change, Counts, DayDiff, FieldChange, OfficeDiff, YearChanges

# Labels


def kind_label(kind: str) -> str:
    """What a kind of change is called: 'Thành viên mới'."""
    return KINDS[kind]


def status_label(status: str) -> str:
    """What happened to a body between the two years: 'mới thành lập'."""
    return STATUSES[status]


def field_label(field: str) -> str:
    """The name of a changed value: 'vai trò'."""
    return FIELDS.get(field, field)


@dataclass(frozen=True)
class ChangeGroup:
    """The changes of one kind, under the kind's label."""

    kind: str
    label: str
    changes: tuple[Change, ...]


def change_groups(changes: tuple[Change, ...]) -> tuple[ChangeGroup, ...]:
    """Changes grouped by kind, in the order of KINDS; kinds without a change left out."""
    groups = (ChangeGroup(kind, label, tuple(c for c in changes if c.kind == kind)) for kind, label in KINDS.items())
    return tuple(group for group in groups if group.changes)


# JSON


def _field_json(f: FieldChange) -> dict[str, Any]:
    return {"field": f.field, "old": f.old, "new": f.new, "old_id": f.old_id, "new_id": f.new_id}


def change_json(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "target": {"type": change.target_type, "id": change.target, "label": change.label},
        "bodies": [{"id": b.id, "name": b.name} for b in change.bodies],
        "fields": [_field_json(f) for f in change.fields],
        "note": change.note,
    }


def _body_summary_json(body: BodyDiff, every_kind: bool) -> dict[str, Any]:
    """A body's summary; inside an office's diff its counts leave out the kinds at zero."""
    return {
        "id": body.body,
        "kind": body.kind,
        "name": body.name,
        "old_name": body.old_name,
        "parent": body.parent,
        "status": body.status,
        "decision": {"old": body.old_decision, "new": body.new_decision},
        "members": {"old": body.old_members, "new": body.new_members,
                    "unchanged": body.unchanged_members},
        "counts": {kind: n for kind, n in body.counts if n or every_kind},
    }


def _office_json(diff: OfficeDiff | YearChanges) -> dict[str, Any]:
    office = {"id": diff.office, "name": diff.office_name, "sample": diff.sample}
    if isinstance(diff, OfficeDiff):
        office |= {"valid_until": diff.office_valid_until,
                   "successors": [{"id": x.id, "name": x.name, "took_over": x.took_over}
                                  for x in diff.office_successors]}
    return office


def _day_json(day: DayDiff) -> dict[str, Any]:
    return {
        "from": day.day.iso(),
        "decisions": [{"id": d.id, "label": d.label} for d in day.decisions],
        "total": day.total,
        "counts": {kind: n for kind, n in day.counts if n},
        "unchanged_members": day.unchanged_members,
        "changes": [change_json(c) for c in day.changes],
        "bodies": [_body_summary_json(b, every_kind=False) for b in day.bodies],
    }


def to_json(diff: OfficeDiff | BodyDiff | YearChanges) -> dict[str, Any]:
    """A plain dict in a fixed key order: the same diff always gives the same JSON."""
    if isinstance(diff, YearChanges):
        return {"office": _office_json(diff), "school_year": diff.year.label, "total": diff.total,
                "days": [_day_json(day) for day in diff.days]}
    if isinstance(diff, BodyDiff):
        return {
            "office": diff.office,
            "from": diff.old_year.label,
            "to": diff.new_year.label,
            **_body_summary_json(diff, every_kind=True),
            "changes": [change_json(c) for c in diff.changes],
        }
    return {
        "office": _office_json(diff),
        "from": diff.old_year.label,
        "to": diff.new_year.label,
        "total": diff.total,
        "counts": dict(diff.counts),
        "unchanged_members": diff.unchanged_members,
        "changes": [change_json(c) for c in diff.changes],
        "bodies": [_body_summary_json(b, every_kind=False) for b in diff.bodies],
    }


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def blank_or(value: str | None) -> str:
    """A value of a change as shown, a blank one as BLANK_VALUE."""
    return wording.BLANK_VALUE if value is None else value


def cleared(f: FieldChange, change: Change) -> bool:
    """Whether `f` is a value cleared from something that stays ("~"): shown `Giáo viên →
    (trống)`, not `Giáo viên`, which read as the new value. In a change of something that
    comes or goes, a field has the one value it shows."""
    return change.sign == "~" and f.old is not None and f.new is None


def _field_text(change: Change, f: FieldChange) -> str:
    """`vai trò: Ủy viên → Nhóm trưởng`; `nhập vào: THCS Tân Phú` (a value set);
    `chức vụ: Giáo viên → (trống)` (cleared)."""
    label = field_label(f.field)
    if f.old is not None and (f.new is not None or cleared(f, change)):
        return f"{label}: {_shorten(f.old)} → {_shorten(blank_or(f.new))}"
    return f"{label}: {_shorten(blank_or(f.new if f.old is None else f.old))}"


def change_line(change: Change, with_bodies: bool = True) -> str:
    """`~ Trần Thị Bích [Nhóm Toán]: vai trò: Ủy viên → Nhóm trưởng`"""
    text = f"{change.sign} {change.label}"
    # A body's or a post's label names the body already; a move always shows both bodies.
    if change.target_type not in ("body", "post") and change.bodies \
            and (with_bodies or len(change.bodies) > 1):
        text += " [" + " → ".join(b.name for b in change.bodies) + "]"
    parts = [_field_text(change, f) for f in change.fields]
    if parts:
        text += ": " + "; ".join(parts)
    if change.note:
        text += f" ({change.note})"
    return text


def _grouped_lines(changes: tuple[Change, ...], with_bodies: bool) -> list[str]:
    lines: list[str] = []
    for group in change_groups(changes):
        lines += ["", f"{group.label} ({len(group.changes)})"]
        lines.extend("  " + change_line(c, with_bodies) for c in group.changes)
    return lines


def _count_lines(counts: Counts, unchanged: int) -> list[str]:
    total = sum(n for _, n in counts)
    lines = [f"Tổng số thay đổi: {total}"]
    lines.extend(f"  {kind_label(kind)}: {n}" for kind, n in counts if n)
    lines.append(f"  Thành viên giữ nguyên (không liệt kê): {unchanged}")
    return lines


def day_heading(day: DayDiff) -> str:
    """'Từ ngày 04/11/2024, theo Quyết định số 260/QĐ-PGDĐT, 04/11/2024'"""
    by = "; ".join(d.label for d in day.decisions)
    return f"Từ ngày {day.day.vietnamese()}" + (f", theo {by}" if by else "")


def _year_changes_text(diff: YearChanges) -> str:
    lines = [f"Thay đổi trong năm học {diff.year}: {diff.office_name} (mã {diff.office})"]
    if diff.sample:
        lines.append(_SAMPLE_LINE)
    if not diff.days:
        lines += ["", "Không có quyết định điều chỉnh danh sách nào trong năm học."]
    for day in diff.days:
        lines += ["", f"{day_heading(day)}: {day.total} thay đổi"]
        lines += _grouped_lines(day.changes, with_bodies=True)
    return "\n".join(lines) + "\n"


_SAMPLE_LINE = "DỮ LIỆU MẪU: đơn vị, trường, người và văn bản đều hư cấu, chỉ để minh họa."


def format_text(diff: OfficeDiff | BodyDiff | YearChanges) -> str:
    """The diff for a terminal: the counts first, then '+', '-' and '~' lines, 'cũ → mới';
    changes within a year day by day."""
    if isinstance(diff, YearChanges):
        return _year_changes_text(diff)
    years = f"{diff.old_year} → {diff.new_year}"
    if isinstance(diff, BodyDiff):
        kind = wording.body_kind_name(diff.kind).lower()
        lines = [f"Thay đổi {years}: {diff.name} ({kind}, mã {diff.body})",
                 f"Tình trạng: {status_label(diff.status)}; số thành viên: "
                 f"{diff.old_members} → {diff.new_members}", ""]
        lines += _count_lines(diff.counts, diff.unchanged_members)
        lines += _grouped_lines(diff.changes, with_bodies=False)
        return "\n".join(lines) + "\n"
    lines = [f"Thay đổi {years}: {diff.office_name} (mã {diff.office})"]
    if diff.sample:
        lines.append(_SAMPLE_LINE)
    if diff.office_valid_until:
        names = ", ".join(x.name for x in diff.office_successors)
        successor = f"; đơn vị kế thừa: {names}" if names else ""
        lines.append(f"Đơn vị {wording.active_until(diff.office_valid_until)}{successor}.")
    lines.append("")
    lines += _count_lines(diff.counts, diff.unchanged_members)
    lines += _grouped_lines(diff.changes, with_bodies=True)
    changed = [b for b in diff.bodies if b.status != "unchanged"]
    if changed:
        lines += ["", f"Theo tổ chức ({len(changed)} có thay đổi / {len(diff.bodies)})"]
        for b in changed:
            total = sum(n for _, n in b.counts)
            lines.append(f"  {b.name} [{b.body}]: {status_label(b.status)}, {total} thay đổi, "
                         f"thành viên {b.old_members} → {b.new_members}, "
                         f"giữ nguyên {b.unchanged_members}")
    return "\n".join(lines) + "\n"
