"""The text of a year file that `cotcan nam-moi` writes: the old year's lines with only what
must change changed, so that the clerk's comments and layout stay.

The comments nam-moi writes itself are worded here, once, and recognised by the same
wording when a later year is copied: they are written anew for the new year, never carried
on (a header copied into every later year would nest and grow, and say what is no longer
true). The clerk's own comments at the top of the old file are carried (`carried_notes`),
each line labelled with the year it was written in ("# [2024-2025] …"), kept by later copies
and never re-dated: any comment without the label is the old year's own, wherever the clerk
put it among the carried lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from . import commands
from .dates import SchoolYear

# The comments nam-moi writes; `{…}` stands for what changes from file to file.
_COPIED_FROM = "# Năm học {year}: chép từ {source}."
_KEPT = "# Tổ chức, thành viên và nhiệm vụ giữ như năm học {old_year}; văn bản của năm cũ đã bỏ."
_EDIT = "# Sửa theo quyết định mới; giữ nguyên mã (id) của tổ chức, người và trường."
_SUCCESSOR = "# Đơn vị kế thừa {office} ban hành năm học này thay đơn vị đã chấm dứt."
_NOTES = "# Ghi chú chép từ các năm học trước, năm học viết ghi chú ở đầu mỗi dòng:"
# The line over the carried notes of files written before each carried line said its year.
_OLD_NOTES = "# Ghi chú chép từ năm học {old_year}:"
_HANDED_ON = "# Trường nhận từ đơn vị đã chấm dứt: đơn vị này quản lý từ năm học này."
_ADDED = "# Tiếp tục các tổ chức của {office} (năm học {old_year}), chép thêm bằng " + commands.NEW_YEAR.line() + "."
# The first line of the year file of a new site (`cotcan tao-trang`): of its own year only.
_NEW_SITE = "# Năm học {year} của {name}: các văn bản, tổ chức và thành viên."
_PLACEHOLDER = (
    "# Chỗ giữ: thay bằng quyết định thật của năm học {year} (số, ngày, người ký, căn cứ,",
    "# nơi nhận, toàn văn) và xóa dòng 'placeholder: true'; hoặc thêm quyết định thật rồi",
    "# sửa 'decision:' của các tổ chức.",
)
_OURS = tuple(re.compile(".+".join(re.escape(part) for part in re.split(r"\{\w+\}", template)))
              for template in (_COPIED_FROM, _KEPT, _EDIT, _SUCCESSOR, _NOTES, _OLD_NOTES, _HANDED_ON, _ADDED,
                               _NEW_SITE, *_PLACEHOLDER))


def new_site_header(year: SchoolYear, name: str) -> str:
    return _NEW_SITE.format(year=year, name=name)


def written_by_new_year(line: str) -> bool:
    """Whether a line is one of the comments nam-moi (or a new site's year file) writes, at
    any indentation."""
    text = line.strip()
    return text.startswith("#") and any(pattern.fullmatch(text) for pattern in _OURS)


def header(year: SchoolYear, old_year: SchoolYear, source: str, successor: str | None) -> list[str]:
    """The new file's first lines; `successor`: the office that carries on an ended one's year."""
    lines = [_COPIED_FROM.format(year=year, source=source), _KEPT.format(old_year=old_year), _EDIT]
    if successor is not None:
        lines.append(_SUCCESSOR.format(office=successor))
    return lines


_OLD_NOTES_LABEL = re.compile(r"(\d{4}-\d{4})".join(re.escape(part) for part in _OLD_NOTES.split("{old_year}")))
# A carried note: "# [2024-2025] …", the year it was written in.
_CARRIED = re.compile(r"\s*# \[(\d{4}-\d{4})\](?: .*)?")


def _labelled(line: str, year: str) -> str:
    """A comment line with the year it was written in after its '#'."""
    indent, text = line[:_indent(line)], line.lstrip(" ")[1:]
    return f"{indent}# [{year}]" + (text if text.startswith(" ") or not text else f" {text}")


def carried_notes(lead: list[str], old_year: SchoolYear) -> list[str]:
    """The clerk's notes among the old file's first comment lines, for the new file, each
    line labelled with the year it was written in, under one line of nam-moi's. A line that
    has the label keeps it; any other is the old year's own. Files written before the label
    was on each line carried notes under "# Ghi chú chép từ năm học …": a line under it keeps
    its year up to the first blank line or line of nam-moi's; what follows is the old year's
    (the safe reading: a clerk's later note below the block is never dated years back). In
    the file's order, the oldest year first."""
    notes: list[tuple[str, str]] = []  # (year, line)
    block: str | None = None  # the year of the old-style block the line is in
    for line in lead:
        if (carried := _CARRIED.fullmatch(line)) is not None:
            notes.append((carried.group(1), line))
        elif (named := _OLD_NOTES_LABEL.fullmatch(line.strip())) is not None:
            block = named.group(1)
        elif written_by_new_year(line):
            block = None
        elif not line.strip():
            block = None
            notes.append((notes[-1][0] if notes else old_year.label, ""))  # a blank line goes with the one above
        else:
            year = block or old_year.label
            notes.append((year, _labelled(line, year)))
    out = [line for _, line in sorted(notes, key=lambda note: note[0])]
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return [_NOTES, *out] if out else []


def plain_header(year: SchoolYear, source: str) -> str:
    """The first line of a new file written plainly (a layout the line edits do not understand)."""
    return _COPIED_FROM.format(year=year, source=source)


def added_line(office: str, old_year: SchoolYear) -> str:
    return _ADDED.format(office=office, old_year=old_year)


def placeholder_lines(decision: dict[str, Any], year: SchoolYear, indent: str = "  ") -> list[str]:
    """A placeholder decision as an item of `documents:`, with what to do with it."""
    return [*(indent + line.format(year=year) for line in _PLACEHOLDER),
            f"{indent}- id: {decision['id']}",
            f"{indent}  kind: {decision['kind']}",
            f"{indent}  date: {decision['date']}",
            f"{indent}  title: {decision['title']}",
            f"{indent}  placeholder: true"]


def schools_lines(schools: Sequence[str]) -> list[str]:
    return [_HANDED_ON, "schools:", *(f"  - {school}" for school in schools)]


# An old row's new value, for each row of a list: None when the row is left out.
Rows = list[Any]


@dataclass(frozen=True)
class Carried:
    """What the new file holds, and how its lists come from the old file's."""

    data: dict[str, Any]
    old: dict[str, Any]
    # By (body's position, list key): the new value of each old row of the list (None: left out).
    rows: dict[tuple[int, str], Rows]
    # By body's position: the members those rows come from (the old list, or the amended one).
    before: dict[int, list[Any]]
    # Bodies (by position) whose list is written anew: the list as amended by the end of the old year.
    replaced: frozenset[int]
    # The new `schools:`, each old item's new value (None: left out); None when written anew.
    schools: Rows | None


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_DECISION = re.compile(r"^(\s*(?:-\s+)?decision:\s*)([^\s#]+)(.*)$")
_SOURCE = re.compile(r"^\s+source:\s*([^\s#]+)\s*(?:#.*)?$")
_NO_ROSTER = re.compile(r"^(\s*(?:-\s+)?no_roster:\s*)\S")
_LIST_KEY = re.compile(r"^(\s+)(members|duties|amendments):\s*(?:#.*)?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_comment(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _flow(entry: Any) -> str:
    return str(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, default_flow_style=True,
                              width=4096)).strip()


def _scalar(value: Any) -> str:
    """A value as it reads on one line after a key."""
    return _flow([value])[1:-1]


def _item_lines(value: Any, indent: int, flow: bool) -> list[str]:
    """One item of a list, in the style of the row it replaces."""
    if flow:
        return [f"{' ' * indent}- {_flow(value)}"]
    dumped = yaml.safe_dump([value], allow_unicode=True, sort_keys=False, width=4096)
    return [" " * indent + line for line in dumped.splitlines()]


def _block_end(lines: list[str], start: int, key_indent: int) -> int:
    """The end of the list under the key on line `start - 1` (indented `key_indent`): the first
    line of content less indented, or as indented without being an item of it."""
    i = start
    while i < len(lines):
        line = lines[i]
        if not _is_comment(line) and (_indent(line) < key_indent or (
                _indent(line) == key_indent and not line.lstrip().startswith("- "))):
            break
        i += 1
    return i


_ROW_KEY = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)(\s*:\s*)")


def _comment_start(line: str) -> int | None:
    """Where a line's trailing comment starts (with the spaces before its '#'); None for none,
    or for a line PyYAML cannot read alone. Read by PyYAML's scanner, so that a '#' inside a
    quoted value is not taken for a comment."""
    try:
        ends = [t.end_mark.index for t in yaml.scan(line) if not isinstance(
            t, (yaml.StreamStartToken, yaml.StreamEndToken, yaml.BlockEndToken))]
    except yaml.YAMLError:
        return None
    end = max(ends, default=0)
    return end if line[end:].lstrip().startswith("#") else None


# A field whose value is a block scalar (`note: >-`, `note: |`), its text on the lines below.
_BLOCK_SCALAR = re.compile(r"^(\s*(?:-\s+)?)[^\s#&*][^#]*?:\s+(?:&\S+\s+)?[|>][-+1-9]*\s*(?:#.*)?$")
# A row with an anchor (`- &name {…}`, `- &name` over a block): the checker refuses an alias of a
# row, not the anchor, which stays.
_ANCHOR = re.compile(r"^(\s*-\s+)&[^\s{}\[\],]+[ \t]*")


def _in_text(lines: Sequence[str]) -> list[bool]:
    """Whether each line is the text of a block scalar: a line of it that starts with '#' is
    text, not a comment. The text is every line below the field more indented than its key
    (and the blank lines between them)."""
    inside = [False] * len(lines)
    j = 0
    while j < len(lines):
        opened = None if _is_comment(lines[j]) else _BLOCK_SCALAR.match(lines[j])
        j += 1
        if opened is None:
            continue
        key, last, k = len(opened.group(1)), j - 1, j
        while k < len(lines) and (not lines[k].strip() or _indent(lines[k]) > key):
            last = k if lines[k].strip() else last
            k += 1
        inside[j:last + 1] = [True] * (last + 1 - j)  # blank lines after the text are the list's
        j = last + 1
    return inside


def _row_comments(segment: list[str], indent: int) -> list[str]:
    """The comments of a row's lines, each on a line of its own at `indent`: a row written
    anew keeps them above it. The text of a block scalar is no comment: it is in the value."""
    out = []
    for line, text in zip(segment, _in_text(segment), strict=True):
        if text:
            continue
        if _is_comment(line):
            out.append(line)
        elif (at := _comment_start(line)) is not None:
            out.append(" " * indent + line[at:].strip())
    return out


def _edited_in_place(segment: list[str], old: Any, new: Any) -> list[str] | None:
    """A block row's lines with only the fields that changed edited: a field left out goes
    (its comments stay, as lines of their own), a changed one-line value is replaced before
    its trailing comment, every other line stays as the clerk wrote it (a block scalar's text
    among them). None when the row is not a block of one field a line (with its value on that
    line when it changed)."""
    if not (isinstance(old, dict) and isinstance(new, dict)) or [k for k in old if k in new] != list(new):
        return None
    indent = _indent(segment[0]) + 2
    text = _in_text(segment)
    parts: list[tuple[str, list[str]]] = []
    for j, line in enumerate(segment):
        found = _ROW_KEY.match(line)
        if j == 0 or (found and not text[j] and not _is_comment(line) and _indent(line) == indent):
            if found is None or found.group(2) not in old:
                return None
            parts.append((found.group(2), [line]))
        else:
            parts[-1][1].append(line)
    if [name for name, _ in parts] != list(old):
        return None
    out: list[str] = []
    for key, lines in parts:
        if key not in new:
            out.extend(_row_comments(lines, indent))
        elif new[key] == old[key]:
            out.extend(lines)
        elif all(_is_comment(line) and not inside for line, inside in zip(lines[1:], _in_text(lines)[1:],
                                                                          strict=True)):
            line, at = lines[0], _comment_start(lines[0])
            written = _ROW_KEY.match(line)
            assert written is not None
            out.extend([f"{written.group(0)}{_scalar(new[key])}{line[at:] if at is not None else ''}", *lines[1:]])
        else:
            return None
    first = next((j for j, line in enumerate(out) if not _is_comment(line)), None)
    if first is None:
        return None
    if not out[first].lstrip().startswith("- "):  # the row's first field went: the next opens it
        out[first] = f"{' ' * (indent - 2)}- {out[first].lstrip()}"
    try:
        # With its final line break: a literal block's text (`note: |`) ends with one.
        same = yaml.safe_load("".join(line[indent - 2:] + "\n" for line in out)) == [new]
    except yaml.YAMLError:
        same = False
    return out if same else None


def edited_row(segment: list[str], old: Any, new: Any) -> list[str]:
    """A row's lines (`segment`, its trailing comment lines left out) for its new value, with
    the clerk's comments kept: edited in place when it is a block; a row in braces on one
    line keeps its trailing comment; any other row is written anew with its comments above.
    A row's anchor (`- &name …`) stays on it, for the aliases that name it."""
    anchor = _ANCHOR.match(segment[0])
    if anchor is not None:
        return _anchored(segment, anchor, old, new)
    indent = _indent(segment[0])
    flow = segment[0].lstrip()[1:].lstrip().startswith("{")
    if not flow and (edited := _edited_in_place(segment, old, new)) is not None:
        return edited
    written = _item_lines(new, indent, flow)
    at = _comment_start(segment[0]) if flow and len(segment) == 1 else None
    if at is not None:
        return [written[0] + segment[0][at:]]
    return [*_row_comments(segment, indent), *written]


def _anchored(segment: list[str], anchor: re.Match[str], old: Any, new: Any) -> list[str]:
    """A row with an anchor, edited as `edited_row` edits it, the anchor kept where it was: on
    the row in braces (`- &name {…}`), or on its own line over the block (`- &name`). An anchor
    on a row's first key (`- &name stt: 6`, which names the key, not the row) is in doubt: the
    row is left as the clerk wrote it (the caller's check finds what did not change)."""
    rest = segment[0][anchor.end():]
    if rest.startswith("{"):
        lines = edited_row([anchor.group(1) + rest, *segment[1:]], old, new)
        at = next(j for j, line in enumerate(lines) if not _is_comment(line))
        lines[at] = anchor.group(0) + lines[at].lstrip()[1:].lstrip()
        return lines
    if rest.strip() and not rest.lstrip().startswith("#"):
        return segment
    indent = _indent(segment[0]) + 2
    written = _item_lines(new, indent - 2, False)
    return [segment[0], *_row_comments(segment[1:], indent), " " * indent + written[0][indent:], *written[1:]]


def edit_rows(block: list[str], old: Sequence[Any], new: Rows) -> list[str]:
    """A list's lines with each row that changed written anew (`edited_row`: in its own style,
    one line in braces or a block, keeping its comments) and each row left out dropped;
    comments between rows are kept. A layout it does not understand is returned unchanged
    (the caller checks the result)."""
    text = _in_text(block)
    starts = [j for j, line in enumerate(block)
              if not text[j] and not _is_comment(line) and line.lstrip().startswith("-")]
    if not starts or len({_indent(block[j]) for j in starts}) != 1 or len(starts) != len(old) or len(old) != len(new):
        return block
    out = block[:starts[0]]
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(block)
        segment = block[start:stop]
        if new[k] == old[k]:
            out.extend(segment)
            continue
        end = len(segment)
        while end > 1 and _is_comment(segment[end - 1]) and not text[start + end - 1]:
            end -= 1
        if new[k] is not None:
            out.extend(edited_row(segment[:end], old[k], new[k]))
        out.extend(segment[end:])
    return out


def rewrite(text: str, carried: Carried, old_year: SchoolYear, year: SchoolYear, source: str,
            decision: dict[str, Any], successor: str | None) -> str:
    """The old file's text for the new year (see the module's docstring). `successor`: the
    office that carries on the year of an ended one, as the new `office:`, with the schools
    handed on."""
    lines = text.splitlines()
    old_documents = {d.get("id") for d in carried.old.get("documents") or []}
    lead = 0
    while lead < len(lines) and _is_comment(lines[lead]):
        lead += 1
    # nam-moi's own lines are written anew, wherever they stand: one among a list's rows (the line
    # over the bodies another office's year added, which ends the list of the body above it)
    # would otherwise be kept with the rows.
    lines = lines[:lead] + [line for line in lines[lead:] if not written_by_new_year(line)]
    out = [*header(year, old_year, source, successor), *carried_notes(lines[:lead], old_year)]
    section = None
    body = -1
    bodies_indent: int | None = None
    i = lead
    while i < len(lines):
        line = lines[i]
        top = _TOP_KEY.match(line)
        if top:
            section = top.group(1)
            if section == "school_year":
                out.append(f"school_year: {year.label}")
                i += 1
                continue
            if section == "office" and successor is not None:
                out.append(f"office: {successor}")
                if carried.data.get("schools"):
                    out.extend(schools_lines(carried.data["schools"]))
                i += 1
                continue
            if section == "schools":
                end = _block_end(lines, i + 1, 0)
                if carried.schools is not None:  # the same list, less the schools that closed
                    out.append(line)
                    out.extend(edit_rows(lines[i + 1:end], carried.old.get("schools") or [], carried.schools))
                i = end
                continue
            if section == "documents":
                # Skip the whole block, but keep the comments just above the next key.
                j = i + 1
                while j < len(lines) and not _TOP_KEY.match(lines[j]):
                    j += 1
                k = j
                while k > i + 1 and _is_comment(lines[k - 1]):
                    k -= 1
                out.extend(["documents:", *placeholder_lines(decision, year)])
                out.extend(lines[k:j])
                i = j
                continue
            if section == "bodies" and not any(x.startswith("documents:") for x in lines):
                out.extend(["documents:", *placeholder_lines(decision, year)])
        if section == "bodies" and not top and not _is_comment(line):
            if bodies_indent is None:
                bodies_indent = _indent(line)
            if _indent(line) == bodies_indent and line.lstrip().startswith("- "):
                body += 1
            listed = _LIST_KEY.match(line)
            if listed:
                key_indent = len(listed.group(1))
                end = _block_end(lines, i + 1, key_indent)
                key = listed.group(2)
                if body in carried.replaced:
                    # The old rows and the old year's amendments go; the list at the end of the year comes.
                    if key == "members":
                        out.append(line)
                        for entry in carried.data["bodies"][body]["members"]:
                            out.extend(_item_lines(entry, key_indent + 2, True))
                    elif key == "duties":
                        out.append(line)
                        out.extend(edit_rows(lines[i + 1:end], carried.old["bodies"][body].get(key) or [],
                                             carried.rows[(body, key)]))
                else:
                    out.append(line)
                    out.extend(edit_rows(lines[i + 1:end], carried.old["bodies"][body].get(key) or [],
                                         carried.rows.get((body, key), [])))
                i = end
                continue
            match = _DECISION.match(line)
            if match:
                line = f"{match.group(1)}{decision['id']}{match.group(3)}"
            reason = _NO_ROSTER.match(line)
            new_reason = carried.data["bodies"][body].get("no_roster") if reason else None
            if reason and new_reason != carried.old["bodies"][body].get("no_roster"):
                line = f"{reason.group(1)}{_scalar(new_reason)}"
            listed_from = _SOURCE.match(line)
            if listed_from and listed_from.group(1) in old_documents:
                i += 1
                continue
        out.append(line)
        i += 1
    return "\n".join(out) + "\n"


def _section(lines: list[str], key: str) -> tuple[int, int] | None:
    """Where a top-level key's block is: its line, and the end of its content (the trailing
    comments and blank lines, which belong to the next key, left out)."""
    start = next((i for i, line in enumerate(lines) if re.match(rf"{key}\s*:\s*(?:#.*)?$", line)), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and not _TOP_KEY.match(lines[end]):
        end += 1
    while end > start + 1 and _is_comment(lines[end - 1]):
        end -= 1
    return start, end


def _item_indent(lines: list[str], span: tuple[int, int]) -> int | None:
    """The indentation of the items of a top-level list (None: empty, or not a block list)."""
    start, end = span
    items = [line for line in lines[start + 1:end] if not _is_comment(line)]
    if not items or not items[0].lstrip().startswith("- "):
        return None
    return _indent(items[0])


def _shifted(lines: list[str], by: int) -> list[str] | None:
    """Lines moved right (or left) by `by` spaces; None when a line has too few to move left."""
    if by >= 0:
        return [" " * by + line if line.strip() else line for line in lines]
    if any(line.strip() and _indent(line) < -by for line in lines):
        return None
    return [line[-by:] if line.strip() else line for line in lines]


def bodies_block(text: str) -> list[str]:
    """The items of the `bodies:` list of a file's text, with the comments among them."""
    lines = text.splitlines()
    span = _section(lines, "bodies")
    return lines[span[0] + 1:span[1]] if span else []


def append(existing: str, bodies: list[str], office: str, old_year: SchoolYear, schools: Sequence[str],
           decision: dict[str, Any] | None, year: SchoolYear) -> str | None:
    """The text of an existing year file with another ended office's bodies added at the end of
    its `bodies:` (their lines as `bodies_block` gives them, under one line saying whose they
    are), `schools` added at the end of its `schools:`, and `decision` (the placeholder, unless
    the file has it) at the end of its `documents:`. Nothing else changes: every line of the
    file stays, in its place. None when the file's layout is not one these edits understand."""
    lines = existing.splitlines()
    # Edits from the bottom of the file up, so that the places found first stay right.
    inserts: list[tuple[int, list[str]]] = []
    span = _section(lines, "bodies")
    if span is None:
        inserts.append((len(lines), ["bodies:", f"  {added_line(office, old_year)}", *bodies]))
    else:
        indent = _item_indent(lines, span)
        first = next((line for line in bodies if not _is_comment(line)), None)
        moved = _shifted(bodies, (indent or 2) - _indent(first)) if first is not None else []
        if moved is None or (indent is None and span[1] > span[0] + 1):
            return None
        inserts.append((span[1], [f"{' ' * (indent or 2)}{added_line(office, old_year)}", *moved]))
    if decision is not None:
        span = _section(lines, "documents")
        if span is None:
            bodies_at = _section(lines, "bodies")
            inserts.append((bodies_at[0] if bodies_at else len(lines),
                            ["documents:", *placeholder_lines(decision, year)]))
        else:
            indent = _item_indent(lines, span)
            if indent is None:
                return None
            inserts.append((span[1], placeholder_lines(decision, year, " " * indent)))
    if schools:
        span = _section(lines, "schools")
        if span is None:
            office_line = next((i for i, line in enumerate(lines) if re.match(r"office\s*:", line)), None)
            if office_line is None:
                return None
            inserts.append((office_line + 1, schools_lines(schools)))
        else:
            indent = _item_indent(lines, span)
            if indent is None:
                return None
            inserts.append((span[1], [f"{' ' * indent}- {school}" for school in schools]))
    for where, added in sorted(inserts, key=lambda x: x[0], reverse=True):
        lines[where:where] = added
    return "\n".join(lines) + "\n"
