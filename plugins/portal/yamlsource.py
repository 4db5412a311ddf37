"""Read a YAML file into plain Python values and remember the line of every key.

PyYAML forgets positions once it has built dicts and lists. We compose the node tree
ourselves (the C parser when it is installed) and keep, for each key path, the line
where it stands, so that every problem can name its line.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import KeyPath, Problem, format_path

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """The values of one file and the 1-based line of each key path."""

    file: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, path: KeyPath) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def problem(self, path: KeyPath, message: str, **details: Any) -> Problem:
        return Problem(self.file, self.line(path), format_path(path), message, **details)


class _Builder:
    def __init__(self, doc: YamlDocument, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.constructor = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.doc.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.CollectionNode):
            # An alias (*name) reuses a node; refusing it keeps files plain and stops
            # "billion laughs" inputs from blowing up.
            if id(node) in self.seen:
                self.problems.append(self.doc.problem(path, "không dùng neo và bí danh YAML (&tên, *tên)."))
                return None
            self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.problems.append(self.doc.problem(path, "không dùng khóa gộp '<<' trong dữ liệu."))
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(self.doc.problem(path, "khóa phải là một chữ đơn giản."))
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
        except (yaml.constructor.ConstructorError, ValueError) as exc:
            # e.g. a date such as 2024-02-30: YAML reads it as a timestamp that does not exist
            self.problems.append(
                Problem(self.doc.file, node.start_mark.line + 1, format_path(path),
                        f"giá trị '{node.value}' không hợp lệ ({exc}).",
                        hint="ngày viết dạng YYYY-MM-DD và phải là một ngày có thật.")
            )
            return None
        # Dates stay text (ISO 8601) so that every value is plain JSON for the schema.
        return value.isoformat() if isinstance(value, datetime.date) else value


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file. A broken file gives a problem with PyYAML's own line and column."""
    doc = YamlDocument(shown_as, None)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown_as, None, "", f"tệp không phải văn bản UTF-8 ({exc.reason}).",
                              hint="lưu lại tệp với bảng mã UTF-8.")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f", cột {mark.column + 1}" if mark else ""
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        return None, [
            Problem(shown_as, line, "", f"YAML không đọc được{column}: {what}.",
                    hint="kiểm tra thụt lề, dấu ':' sau mỗi khóa và dấu nháy đóng mở.")
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(shown_as, None, "", f"YAML không đọc được: {exc}.")]
    if node is None:
        doc.data = None
        return doc, []
    problems: list[Problem] = []
    try:
        doc.data = _Builder(doc, problems).build(node, ())
    except RecursionError:
        return None, [Problem(shown_as, None, "", "tệp lồng nhau quá sâu.")]
    return doc, problems
