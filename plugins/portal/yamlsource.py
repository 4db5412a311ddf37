"""Read a YAML file into plain Python values and remember the line of every key.

PyYAML forgets positions once it has built dicts and lists. We compose the node tree
ourselves (the C parser when it is installed) and keep, for each key path, the line
where it stands, so that every problem can name its line.

Before parsing, a file is held to limits (size, list items) and must be UTF-8; a file
that cannot be read gets one problem saying why, never a traceback.
"""

from __future__ import annotations

import codecs
import datetime
import errno
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yamlerrors
from .problems import KeyPath, Problem, format_path

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")

# Limits checked before a file is parsed into memory.
MAX_BYTES = 50 * 1024 * 1024
MAX_ITEMS = 1_000_000  # list items: people, schools, members, recipients...

_SAVE_AS_UTF8 = ("mở tệp bằng Notepad hoặc VS Code, chọn lưu với bảng mã (Save with Encoding) UTF-8, rồi "
                 "kiểm tra lại các chữ có dấu.")


@dataclass
class YamlDocument:
    """The values of one file and the 1-based line of each key path."""

    file: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    # Values the reader refused and reported (an alias, an unknown tag): the schema's
    # complaints about them would only repeat it, and their record cannot be built.
    broken: set[KeyPath] = field(default_factory=set)

    def line(self, path: KeyPath) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def problem(self, path: KeyPath, message: str, **details: Any) -> Problem:
        return Problem(self.file, self.line(path), format_path(path), message, **details)


@dataclass(frozen=True)
class ReadResult:
    doc: YamlDocument | None  # None when the file could not be read or parsed
    problems: list[Problem]
    # The file's text when it could be decoded, even if it did not parse: the loader
    # finds the ids in it, so that references to them are not all reported as unknown.
    text: str | None


class _Builder:
    def __init__(self, doc: YamlDocument, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.constructor = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()

    def refuse(self, path: KeyPath, message: str, **details: Any) -> None:
        self.problems.append(self.doc.problem(path, message, **details))
        self.doc.broken.add(path)

    def refuse_tag(self, node: yaml.Node, path: KeyPath, what: str) -> None:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")  # as written: !!python/object
        self.refuse(path, f"{what}có thẻ YAML '{tag}' không dùng được.",
                    hint="xóa thẻ bắt đầu bằng '!'; nếu '!' là một phần của chữ, đặt cả giá trị trong dấu nháy kép.")

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.doc.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.CollectionNode):
            # An alias (*name) reuses a node; refusing it keeps files plain and stops
            # "billion laughs" inputs from blowing up.
            if id(node) in self.seen:
                self.refuse(path, "không dùng neo và bí danh YAML (&tên, *tên).")
                return None
            self.seen.add(id(node))
            if node.tag not in _PLAIN_COLLECTIONS:  # !!set, !!omap, !!python/object/apply:...
                self.refuse_tag(node, path, "")
                return None
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.refuse(path, "không dùng khóa gộp '<<' trong dữ liệu.")
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self.refuse(path, "khóa phải là một chữ đơn giản.")
                    continue
                key = self.scalar(key_node, path)
                key_path = path + (str(key),)
                if key in result:
                    self.problems.append(
                        Problem(
                            self.doc.file,
                            key_node.start_mark.line + 1,
                            format_path(key_path),
                            f"khóa '{key}' xuất hiện hai lần trong cùng một mục.",
                            hint="xóa một trong hai dòng; YAML chỉ giữ lại dòng sau.",
                        )
                    )
                self.doc.lines[key_path] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, key_path)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: yaml.Node, path: KeyPath) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError, TypeError):
            if node.tag == _TIMESTAMP:
                # A date that does not exist (2024-02-30): kept as written, so that the
                # schema's date check says what is wrong with it, in words.
                return node.value
            self.refuse_tag(node, path, f"giá trị '{node.value}' ")
            return None
        # Dates stay text (ISO 8601) so that every value is plain JSON for the schema.
        return value.isoformat() if isinstance(value, datetime.date) else value


def unreadable(shown_as: str, error: OSError, what: str = "tệp") -> Problem:
    """One line saying which file (or folder) could not be read, and why."""
    reasons = {
        errno.EACCES: "không có quyền đọc",
        errno.EPERM: "không có quyền đọc",
        errno.ENOENT: "tệp đã bị xóa hoặc đổi tên trong lúc kiểm tra",
        errno.EISDIR: "đây là một thư mục",
        errno.EIO: "lỗi đọc ổ đĩa",
        errno.ELOOP: "liên kết tượng trưng vòng quanh",
    }
    code = error.errno or 0
    reason = reasons.get(code, f"lỗi hệ thống {errno.errorcode.get(code, code)}")
    return Problem(shown_as, None, "", f"không đọc được {what} ({reason}).")


def _wide_codec(data: bytes) -> str | None:
    """The codec of a UTF-16 or UTF-32 file, by its byte order mark or by its zero bytes."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return codec
    head = data[:1000]
    if head.count(b"\x00") * 4 > len(head):  # UTF-16 without its mark: every other byte is 0
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    return None


def _decode(data: bytes, shown_as: str) -> str | Problem:
    """The text of a UTF-8 file, or why it is not one."""
    wide = _wide_codec(data)
    if wide is not None:
        return Problem(shown_as, None, "", f"tệp lưu bằng bảng mã {wide[:6].upper()}, không phải UTF-8.",
                       hint=_SAVE_AS_UTF8)
    try:
        # utf-8-sig: the byte order mark Notepad writes is harmless and dropped.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", "replace")) + 1
        line = data.count(b"\n", 0, start) + 1
        return Problem(shown_as, line, "", f"tệp không phải văn bản UTF-8: byte 0x{data[start]:02X} ở cột {column} "
                       "không đọc được.",
                       hint="tệp có lẽ được lưu bằng bảng mã cũ (Windows-1258, TCVN3 hoặc Latin-1): " + _SAVE_AS_UTF8)


def _too_large(shown_as: str, message: str, limit: str) -> Problem:
    return Problem(shown_as, None, "", message, expected=limit,
                   hint="chia dữ liệu ra nhiều tệp (mỗi đơn vị một tệp).")


def _items_at_most(text: str) -> int:
    """More than the list items `text` can hold, counted without parsing: a block item
    starts with '-' and a space or line break, a flow item follows '[' or ','."""
    dashes = sum(text.count(f"-{space}") for space in " \t\r\n") + text.endswith("-")
    return dashes + text.count("[") + text.count(",")


def _items(text: str) -> int:
    """The list items of `text`, counted from the parser's events (no tree in memory),
    stopping past the limit."""
    count = 0
    in_sequence: list[bool] = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.NodeEvent) and in_sequence and in_sequence[-1]:
            count += 1
            if count > MAX_ITEMS:
                break
        if isinstance(event, yaml.CollectionStartEvent):
            in_sequence.append(isinstance(event, yaml.SequenceStartEvent))
        elif isinstance(event, yaml.CollectionEndEvent):
            in_sequence.pop()
    return count


def read_yaml(path: Path, shown_as: str) -> ReadResult:
    """Read and parse one file. A broken file gives a problem with the line (and column)
    of the fault, in Vietnamese."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ReadResult(None, [_too_large(shown_as, f"tệp quá lớn ({size / 1024 / 1024:.0f} MB).",
                                                f"tối đa {MAX_BYTES // 1024 // 1024} MB một tệp")], None)
        data = path.read_bytes()
    except OSError as error:
        return ReadResult(None, [unreadable(shown_as, error)], None)
    text = _decode(data, shown_as)
    if isinstance(text, Problem):
        return ReadResult(None, [text], data.decode(_wide_codec(data) or "utf-8", "replace"))
    doc = YamlDocument(shown_as, None)
    problems: list[Problem] = []
    try:
        if _items_at_most(text) > MAX_ITEMS and _items(text) > MAX_ITEMS:
            limit = f"{MAX_ITEMS:,}".replace(",", ".")  # 1.000.000, as Vietnamese writes it
            return ReadResult(None, [_too_large(shown_as, f"tệp có hơn {limit} mục trong các danh sách.",
                                                f"tối đa {limit} mục một tệp")], text)
        node = yaml.compose(text, Loader=_Loader)
        if node is not None:
            doc.data = _Builder(doc, problems).build(node, ())
    except yaml.YAMLError as error:
        return ReadResult(None, [_unparsable(shown_as, yamlerrors.describe(error, text))], text)
    except RecursionError:
        return ReadResult(None, [_unparsable(shown_as, yamlerrors.TOO_DEEP)], text)
    return ReadResult(doc, problems, text)


def _unparsable(shown_as: str, fault: yamlerrors.YamlFault) -> Problem:
    column = f", cột {fault.column}" if fault.column else ""
    return Problem(shown_as, fault.line, "", f"YAML không đọc được{column}: {fault.message}", hint=fault.hint)
