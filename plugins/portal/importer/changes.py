"""What an import changes, for the clerk to read before anything is written: per body,
who joins, who leaves, whose row changes and how (old -> new), then the exact lines
of each data file, as a unified diff."""

from __future__ import annotations

import difflib
from typing import Any

from .. import wording
from ..model import Portal
from .merge import FileChange
from .proposal import ProposedBody, membership_entry
from .rows import MEMBER_FIELDS

_FIELD_LABELS = {"stt": "STT", "role": "vai trò", "role_text": "vai trò như văn bản", "position": "chức vụ",
                 "unit": "đơn vị", "as_written": "chức vụ - đơn vị như văn bản", "subject": "môn", "note": "ghi chú",
                 "page": "trang bản gốc"}


def _who(portal: Portal, entry: dict[str, Any]) -> str:
    if "school" in entry:
        school = portal.schools.get(entry["school"])
        return f"{school.name if school else entry['school']} ({entry['school']})"
    person = portal.people.get(entry["person"])
    return f"{person.name if person else entry['person']} ({entry['person']})"


def _value(portal: Portal, key: str, value: Any) -> str:
    if value is None:
        return wording.BLANK_VALUE
    if key == "role":
        return wording.role_name(value)
    if key == "unit":
        return wording.unit_name(portal, value)
    return str(value)


def _key(entry: dict[str, Any]) -> tuple[str, str]:
    return ("school", entry["school"]) if "school" in entry else ("person", entry["person"])


def body_changes(portal: Portal, body: ProposedBody, new_names: dict[str, str]) -> list[str]:
    """The changes to one body's list, one line each; [] when there is none."""
    target = body.target
    if target.existing is None:
        lines = [f"Tổ chức mới: {target.name} ({target.id}, {wording.body_kind_name(target.kind)}), "
                 f"{len(body.members)} thành viên."]
        return lines
    old = [membership_entry(m) for m in target.existing.members]
    new = [m.entry for m in body.members]
    old_by_key = {_key(e): e for e in old}
    new_by_key = {_key(e): e for e in new}
    lines = []
    for entry in new:
        key = _key(entry)
        before = old_by_key.get(key)
        name = new_names.get(key[1]) or _who(portal, entry)
        if before is None:
            lines.append(f"  + vào danh sách: {name}, {_value(portal, 'role', entry['role'])}")
            continue
        for field in MEMBER_FIELDS:
            if field in ("person", "school") or before.get(field) == entry.get(field):
                continue
            lines.append(f"  ~ {name}: {_FIELD_LABELS[field]} {_value(portal, field, before.get(field))} → "
                         f"{_value(portal, field, entry.get(field))}")
    for entry in old:
        if _key(entry) not in new_by_key:
            lines.append(f"  - rời danh sách: {_who(portal, entry)}, {_value(portal, 'role', entry['role'])}")
    old_order = [_key(e) for e in old if _key(e) in new_by_key]
    new_order = [_key(e) for e in new if _key(e) in old_by_key]
    if not lines and old_order != new_order:
        lines.append("  ~ thứ tự trong danh sách thay đổi")
    return [f"{target.name} ({target.id}):", *lines] if lines else []


def summary(portal: Portal, bodies: list[ProposedBody], new_people: list[dict[str, str]]) -> list[str]:
    """Every change of the proposal, bodies in the order of the table; an empty list
    when the data already says what the table says."""
    names = {p["id"]: f"{p['name']} ({p['id']}, người mới)" for p in new_people}
    lines = [line for body in bodies for line in body_changes(portal, body, names)]
    return lines


def unified_diff(change: FileChange) -> str:
    old = change.old_text.splitlines(keepends=True)
    new = change.new_text.splitlines(keepends=True)
    fromfile = change.shown if change.old is not None else "/dev/null"
    return "".join(difflib.unified_diff(old, new, fromfile=fromfile, tofile=change.shown, n=2))
