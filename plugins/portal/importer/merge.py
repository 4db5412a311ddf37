"""The new text of each data file the proposal changes, with its comments and layout.

Only what changes is rewritten: the `members:` block of each body the table names (a
member that stays as it was keeps its lines byte for byte, comments included; a
changed one is written in the style its lines had, `- {school: ..., role: ...}` or a
block), new bodies at the end of `bodies:`, new people at the end of `people:`. Every
other line stays as it is. The new text is then read back as YAML and must give
exactly the data intended (the file's data with the new lists); if the layout is one
these edits do not understand, nothing is written (RosterError).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import commands
from ..errors import os_reason
from ..load import shown_path
from .datafiles import people_path, year_path
from .errors import RosterError
from .proposal import ProposedBody, ProposedMember
from .result import ImportResult
from .yamltext import Loader, dump, item_lines, load


@dataclass(frozen=True)
class FileChange:
    path: Path
    shown: str  # as the clerk reads it
    old: bytes | None  # None: the file is new
    new: bytes

    @property
    def old_hash(self) -> str | None:
        return digest(self.old)

    @property
    def old_text(self) -> str:
        return (self.old or b"").decode("utf-8")

    @property
    def new_text(self) -> str:
        return self.new.decode("utf-8")


def digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _mapping_value(node: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node, value_node
    return None


def _last_content_line(lines: list[str], node: yaml.Node) -> int:
    """The last line (0-based) a node's own text is on, trailing comments and blank
    lines left out (they belong to what follows)."""
    end, column = node.end_mark.line, node.end_mark.column
    if end >= len(lines) or not lines[end][:column].strip():
        end -= 1  # the mark is where the next token starts, at the start of its line
    while end > node.start_mark.line and (not lines[end].strip() or lines[end].lstrip().startswith("#")):
        end -= 1
    return end


def _dash_column(lines: list[str], item: yaml.Node) -> int:
    """The column of the "-" before a sequence item."""
    before = lines[item.start_mark.line][: item.start_mark.column].rstrip()
    return len(before) - 1 if before.endswith("-") else max(item.start_mark.column - 2, 0)


class _YearFile:
    """Edits of one year file's text."""

    def __init__(self, text: str, shown: str) -> None:
        self.text = text
        self.shown = shown
        self.lines = text.splitlines()
        try:
            root = yaml.compose(text, Loader=Loader)
            self.data: dict[str, Any] = load(text)
        except yaml.YAMLError:
            raise RosterError(f"{shown}: tệp dữ liệu không đọc được; chạy kiểm tra dữ liệu rồi sửa trước.") from None
        found = _mapping_value(root, "bodies") if root is not None else None
        if found is None or not isinstance(found[1], yaml.SequenceNode) or not found[1].value:
            raise RosterError(f"{shown}: không có mục 'bodies:' nào để thêm danh sách vào.")
        self.bodies_key, self.bodies = found
        self.items = {self._id(item): item for item in self.bodies.value}
        # (first line, last line + 1) -> replacement lines; applied bottom-up.
        self.edits: list[tuple[int, int, list[str]]] = []

    @staticmethod
    def _id(item: yaml.Node) -> str:
        found = _mapping_value(item, "id")
        return str(found[1].value) if found else ""

    def replace_members(self, body: ProposedBody) -> None:
        item = self.items[body.target.id]
        entries = [m.entry for m in body.members]
        raw = next(b for b in self.data["bodies"] if b.get("id") == body.target.id)
        old_members = list(raw.get("members") or [])
        raw["members"] = entries
        members = _mapping_value(item, "members")
        if members is None or not isinstance(members[1], yaml.SequenceNode) or not members[1].value:
            self._add_members(item, body, members)
            raw.pop("no_roster", None)
            return
        seq = members[1]
        assert isinstance(seq, yaml.SequenceNode)
        chunks = self._chunks(seq)
        dash = _dash_column(self.lines, seq.value[0])
        styles = [isinstance(node, yaml.MappingNode) and node.flow_style for node in seq.value]
        old = old_members  # the plain value of each item, as the file holds it
        out: list[str] = []
        for member in body.members:
            out += self._member_lines(member, old, chunks, styles, dash)
        first = seq.value[0].start_mark.line
        self.edits.append((first, chunks[-1][1], out))

    def _member_lines(self, member: ProposedMember, old: list[Any], chunks: list[tuple[int, int]],
                      styles: list[bool], dash: int) -> list[str]:
        index = member.existing
        if index is not None and old[index] == member.entry:
            start, end = chunks[index]
            return self.lines[start:end]  # unchanged: its lines as they were
        if index is not None:
            flow = styles[index]
        else:  # a new member: as the body's members of the same kind are written
            kind = "school" if "school" in member.entry else "person"
            same = [styles[i] for i, entry in enumerate(old) if isinstance(entry, dict) and kind in entry]
            flow = bool(same) and sum(same) * 2 > len(same)
        return item_lines(member.entry, dash, flow)

    def _chunks(self, seq: yaml.SequenceNode) -> list[tuple[int, int]]:
        """(first line, last line + 1) of each item: up to the next item, the last one
        up to its last line of text."""
        starts = [node.start_mark.line for node in seq.value]
        ends = starts[1:] + [_last_content_line(self.lines, seq.value[-1]) + 1]
        return list(zip(starts, ends, strict=True))

    def _add_members(self, item: yaml.Node, body: ProposedBody, members: tuple[yaml.Node, yaml.Node] | None) -> None:
        """A body without a list (or with `members: []`): its list written after its
        last key; its `no_roster` (a list is there now) taken out."""
        assert isinstance(item, yaml.MappingNode)
        key_column = item.start_mark.column
        block = [" " * key_column + "members:"]
        for member in body.members:
            block += item_lines(member.entry, key_column + 2, flow=False)
        no_roster = _mapping_value(item, "no_roster")
        if members is not None:  # "members: []": that line goes
            line = members[0].start_mark.line
            self.edits.append((line, line + 1, []))
        if no_roster is not None:
            first = no_roster[0].start_mark.line
            self.edits.append((first, _last_content_line(self.lines, no_roster[1]) + 1, []))
        end = _last_content_line(self.lines, item) + 1
        self.edits.append((end, end, block))

    def add_body(self, body: ProposedBody) -> None:
        self.data["bodies"].append({**body.header(), "members": [m.entry for m in body.members]})
        first = self.bodies.value[0]
        dash = _dash_column(self.lines, first)
        block = item_lines(body.header(), dash, flow=False)
        block.append(" " * (dash + 2) + "members:")
        for member in body.members:
            block += item_lines(member.entry, dash + 4, flow=False)
        end = _last_content_line(self.lines, self.bodies) + 1
        self.edits.append((end, end, block))

    def result(self) -> str:
        lines = list(self.lines)
        # From the bottom up; of two insertions at one line (two new bodies), the later one
        # first, so that the earlier lands above it and the file keeps the list's order.
        order = sorted(range(len(self.edits)), key=lambda i: (self.edits[i][0], self.edits[i][1], i), reverse=True)
        for start, end, new in (self.edits[i] for i in order):
            lines[start:end] = new
        text = "\n".join(lines) + "\n"
        try:
            kept = load(text) == self.data
        except yaml.YAMLError:  # a layout the edits cannot keep (`bodies:` as one flow list)
            kept = False
        if not kept:
            raise RosterError(f"{self.shown}: không ghép được danh sách vào tệp mà giữ nguyên bố cục của tệp; "
                              "không ghi gì. Gợi ý: dán tay YAML đề xuất (in ra ở trên, hoặc ghi vào tệp bằng "
                              "--output).")
        return text


def _people_text(old: str | None, people: list[dict[str, str]], shown: str) -> str:
    """The people file with the new people at the end of its `people:` list."""
    if old is None:
        text = dump({"people": people})
        return text
    lines = old.splitlines()
    root = yaml.compose(old, Loader=Loader)
    found = _mapping_value(root, "people") if root is not None else None
    data = load(old) or {}
    if found is None or not isinstance(found[1], yaml.SequenceNode) or not found[1].value:
        raise RosterError(f"{shown}: không có danh sách 'people:' để thêm người mới vào; thêm tay theo YAML in ra.")
    seq = found[1]
    dash = _dash_column(lines, seq.value[0])
    block = [line for person in people for line in item_lines(person, dash, flow=False)]
    end = _last_content_line(lines, seq) + 1
    text = "\n".join(lines[:end] + block + lines[end:]) + "\n"
    data["people"] = list(data["people"]) + people
    try:
        kept = load(text) == data
    except yaml.YAMLError:  # a layout the insertion cannot keep (`people:` as one flow list)
        kept = False
    if not kept:
        raise RosterError(f"{shown}: không thêm được người mới mà giữ nguyên bố cục của tệp; không ghi gì. "
                          "Gợi ý: thêm tay những người mới theo YAML đề xuất (in ra ở trên).")
    return text


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise RosterError(f"{path}: không đọc được tệp ({os_reason(exc)}).") from None


def plan_changes(result: ImportResult, data_dir: Path, shown_root: Path) -> list[FileChange]:
    """What the proposal changes in which data file (nothing written yet)."""
    changes: list[FileChange] = []
    if result.proposal.people:
        path = people_path(data_dir, result.office)
        old = _read(path)
        shown = shown_path(path, shown_root)
        text = _people_text(old.decode("utf-8") if old is not None else None, result.new_people, shown)
        changes.append(FileChange(path, shown, old, text.encode("utf-8")))
    if result.proposal.bodies:
        if result.year is None:
            raise RosterError(f"đơn vị {result.office} chưa có năm học nào trong dữ liệu. Gợi ý: bắt đầu năm học "
                              f"bằng {commands.NEW_YEAR.line('--office', result.office)} rồi nhập danh sách.")
        path = year_path(data_dir, result.year.label, result.office)
        shown = shown_path(path, shown_root)
        old = _read(path)
        if old is None:
            raise RosterError(f"{shown}: không có tệp năm học này. Gợi ý: bắt đầu năm học bằng "
                              f"{commands.NEW_YEAR.line('--office', result.office)} rồi nhập danh sách.")
        year = _YearFile(old.decode("utf-8"), shown)
        for body in result.proposal.bodies:
            if body.target.existing is not None:
                year.replace_members(body)
            else:
                year.add_body(body)
        new = year.result().encode("utf-8")
        if new != old:
            changes.append(FileChange(path, shown, old, new))
    return changes

