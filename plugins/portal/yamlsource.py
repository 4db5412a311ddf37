"""Read a YAML file into plain Python values and remember the line of every key.

PyYAML forgets positions once it has built dicts and lists. We build them ourselves from
the parser's events (the C parser when it is installed), as PyYAML's composer and safe
constructor would, and keep, for each key path, the line where it stands, so that every
problem can name its line.

Before parsing, a file is held to limits (size, list items) and must be UTF-8; a file
that cannot be read gets one problem saying why, never a traceback.
"""

from __future__ import annotations

import codecs
import datetime
import errno
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yamlerrors
from .problems import KeyPath, Problem, format_path

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_SEQUENCE = "tag:yaml.org,2002:seq"
_MAPPING = "tag:yaml.org,2002:map"
_PLAIN_COLLECTIONS = (_MAPPING, _SEQUENCE)
_SKIPPED = object()  # a key that is refused, and its value not built

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
    # Values YAML read as other than text, written in another form than the value's own
    # (02033123456 is the octal 275556142, `yes` is true, 1_000 is 1000, 1:30 is 90): the text
    # as written, for messages to quote what the clerk typed.
    written: dict[KeyPath, str] = field(default_factory=dict)

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


# What the builder keeps of an anchor (&name): an anchored scalar may be repeated by an
# alias (its event is kept to be built again); an alias to a list or mapping is refused.
@dataclass(frozen=True)
class _Anchor:
    line: int  # 1-based, of the anchored value
    mark: Any  # where it stands (a yaml.Mark, or the C parser's), for "duplicate anchor"
    tag: str
    scalar: yaml.ScalarEvent | None  # None for a list or mapping


def _composer_error(context: str | None, context_mark: Any, problem: str, problem_mark: Any) -> yaml.YAMLError:
    """The error yaml.compose raises for a fault of the document's structure (its marks are
    yaml.Mark, or the C parser's own)."""
    return yaml.composer.ComposerError(context, context_mark, problem, problem_mark)


def _line(event: yaml.Event) -> int:
    """The 1-based line where an event's value starts."""
    return event.start_mark.line + 1  # type: ignore[union-attr]  # the parsers mark every event


class _Builder:
    """Builds plain values from the parser's events, keeping the line of every key path.

    No node tree is composed: for a province's people file (200,000 people, 12 MB) the
    tree took 380 MB, 30 times the file, and the collector's passes over it most of the
    reading time. The events give what the tree gave: values, tags, anchors and lines.
    tests/test_yaml_events.py holds the walk over the tree and compares the two."""

    def __init__(self, loader: yaml.SafeLoader, doc: YamlDocument, problems: list[Problem]) -> None:
        self.next_event: Callable[[], yaml.Event] = loader.get_event
        self.doc = doc
        self.lines = doc.lines
        self.problems = problems
        self.constructor = yaml.constructor.SafeConstructor()
        self.anchors: dict[str, _Anchor] = {}
        # Plain keys that read as text, each one copy for the whole file: "id", "name"...
        self.plain_keys: dict[str, str] = {}
        # The loader's implicit resolvers, by the first character of a plain scalar, applied
        # as its `resolve` applies them (a scalar starting with another character is text).
        if None in loader.yaml_implicit_resolvers or loader.yaml_path_resolvers:
            raise TypeError(f"{loader!r}: resolvers this builder does not apply")
        self.resolvers: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
            first: tuple(resolvers) for first, resolvers in loader.yaml_implicit_resolvers.items()}

    def refuse(self, path: KeyPath, message: str, **details: Any) -> None:
        self.problems.append(self.doc.problem(path, message, **details))
        self.doc.broken.add(path)

    def refuse_tag(self, tag: str, path: KeyPath, what: str) -> None:
        tag = tag.replace("tag:yaml.org,2002:", "!!")  # as written: !!python/object
        self.refuse(path, f"{what}có thẻ YAML '{tag}' không dùng được.",
                    hint="xóa thẻ bắt đầu bằng '!'; nếu '!' là một phần của chữ, đặt cả giá trị trong dấu nháy kép.")

    def document(self) -> Any:
        """The values of the one document in the stream (None when it is empty); a second
        document is PyYAML's "expected a single document" error, as yaml.compose raises it."""
        self.next_event()  # the stream's start
        if isinstance(self.next_event(), yaml.StreamEndEvent):
            return None
        first = self.next_event()  # the document's start was taken
        data = self.value(first, ())
        self.next_event()  # the document's end
        event = self.next_event()
        if not isinstance(event, yaml.StreamEndEvent):
            raise _composer_error("expected a single document in the stream", first.start_mark,
                                  "but found another document", event.start_mark)
        return data

    def anchor(self, event: yaml.NodeEvent) -> None:
        """Note the anchor an event defines; PyYAML refuses one defined twice."""
        name = event.anchor
        if name is None:
            return
        if name in self.anchors:
            raise _composer_error(f"found duplicate anchor {name!r}; first occurrence", self.anchors[name].mark,
                                  "second occurrence", event.start_mark)
        scalar = event if isinstance(event, yaml.ScalarEvent) else None
        self.anchors[name] = _Anchor(_line(event), event.start_mark, self.tag(event), scalar)

    def aliased(self, event: yaml.AliasEvent) -> _Anchor:
        anchored = self.anchors.get(event.anchor or "")
        if anchored is None:
            raise _composer_error(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
        return anchored

    def value(self, event: yaml.Event, path: KeyPath) -> Any:
        """The value that starts with `event`, its other events taken from the parser. One
        Python frame per level of nesting, as the walk over the tree had: the same depth
        runs out of stack (a file nested 1,000 levels deep is refused by the parser)."""
        if isinstance(event, yaml.ScalarEvent):
            self.lines.setdefault(path, _line(event))
            if event.anchor is not None:
                self.anchor(event)
            if self.is_text(event):
                return event.value
            return self.noted(path, event, self.scalar(event, self.tag(event), path))
        if isinstance(event, yaml.AliasEvent):
            anchored = self.aliased(event)
            self.lines.setdefault(path, anchored.line)
            if anchored.scalar is not None:
                return self.noted(path, anchored.scalar, self.scalar(anchored.scalar, anchored.tag, path))
            # An alias (*name) repeating a list or mapping is refused: it keeps files plain
            # and stops "billion laughs" inputs from blowing up.
            self.refuse(path, "không dùng neo và bí danh YAML (&tên, *tên).")
            return None
        assert isinstance(event, yaml.CollectionStartEvent), event  # the parser's grammar
        self.lines.setdefault(path, _line(event))
        if event.anchor is not None:
            self.anchor(event)
        tag = self.tag(event)
        if tag not in _PLAIN_COLLECTIONS:  # !!set, !!omap, !!python/object/apply:...
            self.refuse_tag(tag, path, "")
            self.skip(1)
            return None
        next_event = self.next_event
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(item := next_event(), yaml.SequenceEndEvent):
                items.append(self.value(item, (*path, len(items))))
            return items
        result: dict[Any, Any] = {}
        while not isinstance(key_event := next_event(), yaml.MappingEndEvent):
            if type(key_event) is yaml.ScalarEvent and key_event.anchor is None and key_event.tag is None \
                    and key_event.implicit[0]:
                key = self.plain_keys.get(key_event.value)  # "id", "name": seen as plain text before
                if key is None:
                    key = self.key(key_event, path)
                    if type(key) is str and self.tag(key_event) == _STR:
                        self.plain_keys[key] = key
            else:
                key = self.key(key_event, path)
            if key is _SKIPPED:
                self.skip(0)  # its value
                continue
            key_path = (*path, str(key))
            # An alias is the anchored key itself, where it stands.
            key_line = self.aliased(key_event).line if isinstance(key_event, yaml.AliasEvent) else _line(key_event)
            if key in result:
                self.problems.append(Problem(self.doc.file, key_line, format_path(key_path),
                                             f"khóa '{key}' xuất hiện hai lần trong cùng một mục.",
                                             hint="xóa một trong hai dòng; YAML chỉ giữ lại dòng sau."))
                if isinstance(result[key], (list, dict)):
                    # What the first list or block held is lost ('people:' appended twice): what
                    # holds it is not built, so that its records are not reported missing.
                    self.doc.broken.add(key_path)
            self.lines[key_path] = key_line
            value = next_event()
            if type(value) is yaml.ScalarEvent and value.anchor is None and self.is_text(value):
                result[key] = value.value  # most values: its line is the key's, noted above
            else:
                result[key] = self.value(value, key_path)
        return result

    def noted(self, path: KeyPath, event: yaml.ScalarEvent, value: Any) -> Any:
        """`value`, its text as written kept when it reads otherwise (YamlDocument.written)."""
        if value is not None and canonical_text(value) != event.value:
            self.doc.written[path] = event.value
        return value

    def key(self, event: yaml.Event, path: KeyPath) -> Any:
        """A mapping's key, or _SKIPPED when it is refused (a merge key, a list or mapping)."""
        scalar: yaml.ScalarEvent | None
        if isinstance(event, yaml.AliasEvent):
            anchored = self.aliased(event)
            scalar, tag = anchored.scalar, anchored.tag
        else:
            assert isinstance(event, yaml.NodeEvent), event  # the parser's grammar
            if event.anchor is not None:
                self.anchor(event)
            scalar = event if isinstance(event, yaml.ScalarEvent) else None
            tag = self.tag(event)
            if scalar is None:
                self.skip(1)  # the key's own list or mapping
        if tag == _MERGE:
            self.refuse(path, "không dùng khóa gộp '<<' trong dữ liệu.")
            return _SKIPPED
        if scalar is None:
            self.refuse(path, "khóa phải là một chữ đơn giản.")
            return _SKIPPED
        key = self.scalar(scalar, tag, path)
        # One copy of each key ("id", "name") for the whole file, not one per record.
        return sys.intern(key) if type(key) is str else key

    def skip(self, depth: int) -> None:
        """Take the events of a value that is not built (inside a list or mapping already
        started when `depth` is 1), noting its anchors as PyYAML would."""
        while True:
            event = self.next_event()
            if isinstance(event, yaml.AliasEvent):
                self.aliased(event)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            else:
                assert isinstance(event, yaml.NodeEvent), event  # the parser's grammar
                self.anchor(event)
                depth += isinstance(event, yaml.CollectionStartEvent)
            if depth == 0:
                return

    def is_text(self, event: yaml.ScalarEvent) -> bool:
        """A scalar with no tag that reads as text: quoted, or plain and starting with a
        character no implicit resolver looks at (as most names and ids do)."""
        return event.tag is None and (not event.implicit[0] or event.value[:1] not in self.resolvers)

    def tag(self, event: yaml.NodeEvent) -> str:
        """The tag of a scalar or a collection, written or resolved as PyYAML resolves it."""
        tag: str | None = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            return tag
        if isinstance(event, yaml.ScalarEvent):
            if event.implicit[0]:  # plain, not quoted
                value = event.value
                for resolved, pattern in self.resolvers.get(value[:1], ()):
                    if pattern.match(value):
                        return resolved
            return _STR
        return _SEQUENCE if isinstance(event, yaml.SequenceStartEvent) else _MAPPING

    def scalar(self, event: yaml.ScalarEvent, tag: str, path: KeyPath) -> Any:
        if tag == _STR:
            return event.value  # what SafeConstructor makes of a text
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError, TypeError):
            if tag == _TIMESTAMP:
                # A date that does not exist (2024-02-30): kept as written, so that the
                # schema's date check says what is wrong with it, in words.
                return event.value
            self.refuse_tag(tag, path, f"giá trị '{event.value}' ")
            return None
        finally:
            self.constructor.constructed_objects.clear()  # it would keep every node it made
        # Dates stay text (ISO 8601) so that every value is plain JSON for the schema.
        return value.isoformat() if isinstance(value, datetime.date) else value


def canonical_text(value: Any) -> str:
    """How YAML writes a value read from a scalar: true, 42, 1.5, a date as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


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


def decode(data: bytes, shown_as: str) -> str | Problem:
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
    data = read_bytes(path, shown_as)
    return data if isinstance(data, ReadResult) else parse_bytes(data, shown_as)


def read_bytes(path: Path, shown_as: str) -> bytes | ReadResult:
    """The bytes of one file, or why it cannot be read (as the ReadResult that says so)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ReadResult(None, [_too_large(shown_as, f"tệp quá lớn ({size / 1024 / 1024:.0f} MB).",
                                                f"tối đa {MAX_BYTES // 1024 // 1024} MB một tệp")], None)
        return path.read_bytes()
    except OSError as error:
        return ReadResult(None, [unreadable(shown_as, error)], None)


def parse_bytes(data: bytes, shown_as: str) -> ReadResult:
    """Decode and parse the bytes of one file (read_bytes)."""
    text = decode(data, shown_as)
    if isinstance(text, Problem):
        return ReadResult(None, [text], data.decode(_wide_codec(data) or "utf-8", "replace"))
    # Marks typed as separate characters (NFD, from a Mac or a web form) read as the composed
    # letters every other text has: the same to the eye, and now to every comparison.
    return parse_yaml(unicodedata.normalize("NFC", text), shown_as)


def parse_yaml(text: str, shown_as: str) -> ReadResult:
    """Parse the text of one file, held to the item limit."""
    doc = YamlDocument(shown_as, None)
    problems: list[Problem] = []
    try:
        if _items_at_most(text) > MAX_ITEMS and _items(text) > MAX_ITEMS:
            limit = f"{MAX_ITEMS:,}".replace(",", ".")  # 1.000.000, as Vietnamese writes it
            return ReadResult(None, [_too_large(shown_as, f"tệp có hơn {limit} mục trong các danh sách.",
                                                f"tối đa {limit} mục một tệp")], text)
        loader = _Loader(text)
        try:
            doc.data = _Builder(loader, doc, problems).document()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        return ReadResult(None, [unparsable(shown_as, yamlerrors.describe(error, text))], text)
    except RecursionError:
        return ReadResult(None, [unparsable(shown_as, yamlerrors.TOO_DEEP)], text)
    return ReadResult(doc, problems, text)


def unparsable(shown_as: str, fault: yamlerrors.YamlFault) -> Problem:
    column = f", cột {fault.column}" if fault.column else ""
    return Problem(shown_as, fault.line, "", f"YAML không đọc được{column}: {fault.message}", hint=fault.hint)
