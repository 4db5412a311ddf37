"""The reader builds values from the parser's events exactly as it built them from a node tree.

`yamlsource` used to compose PyYAML's node tree and walk it; for a province's people file
the tree took 30 times the file's size. It now builds the values from the parser's events.
The walk over the tree is kept here as the reference (as it stood at commit c5a98f9), and
Hypothesis writes untidy YAML (block and flow styles, quotes, tags, anchors and aliases,
merge keys, keys that are lists, keys written twice, impossible dates, a second document)
to compare the two on: the same values, the same line for every key path, the same values
refused, the same problems, with both of PyYAML's parsers.

One difference is deliberate and left out of the generated text: an alias to a list or
mapping anchored inside a value the reader skips (a merge key's value, a key that is a
list or an alias to one, a value with a refused tag) was built by the old walk, which never saw the anchor;
it is now refused like every other alias to a list or mapping.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import yaml
from examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal import yamlerrors, yamlsource
from portal.problems import KeyPath, Problem, format_path
from portal.yamlsource import ReadResult, YamlDocument

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _TreeBuilder:
    """The reference: values from a composed node tree (yamlsource._Builder before events)."""

    def __init__(self, doc: YamlDocument, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.constructor = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()

    def refuse(self, path: KeyPath, message: str, **details: Any) -> None:
        self.problems.append(self.doc.problem(path, message, **details))
        self.doc.broken.add(path)

    def refuse_tag(self, node: yaml.Node, path: KeyPath, what: str) -> None:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.refuse(path, f"{what}có thẻ YAML '{tag}' không dùng được.",
                    hint="xóa thẻ bắt đầu bằng '!'; nếu '!' là một phần của chữ, đặt cả giá trị trong dấu nháy kép.")

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.doc.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.CollectionNode):
            if id(node) in self.seen:
                self.refuse(path, "không dùng neo và bí danh YAML (&tên, *tên).")
                return None
            self.seen.add(id(node))
            if node.tag not in _PLAIN_COLLECTIONS:
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
                    self.problems.append(Problem(self.doc.file, key_node.start_mark.line + 1, format_path(key_path),
                                                 f"khóa '{key}' xuất hiện hai lần trong cùng một mục.",
                                                 hint="xóa một trong hai dòng; YAML chỉ giữ lại dòng sau."))
                    if isinstance(result[key], (list, dict)):  # what the first held is lost
                        self.doc.broken.add(key_path)
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
                return node.value
            self.refuse_tag(node, path, f"giá trị '{node.value}' ")
            return None
        return value.isoformat() if isinstance(value, datetime.date) else value


def _tree_read(text: str) -> ReadResult:
    doc = YamlDocument("x.yml", None)
    problems: list[Problem] = []
    try:
        node = yaml.compose(text, Loader=yamlsource._Loader)
        if node is not None:
            doc.data = _TreeBuilder(doc, problems).build(node, ())
    except yaml.YAMLError as error:
        fault = yamlerrors.describe(error, text)
        return ReadResult(None, [Problem("x.yml", fault.line, "", fault.message, hint=fault.hint)], text)
    return ReadResult(doc, problems, text)


def _event_read(text: str) -> ReadResult:
    read = yamlsource.parse_yaml(text, "x.yml")
    if read.doc is None:  # the same fault, without the reader's lead ("YAML không đọc được, cột n: ")
        (problem,) = read.problems
        message = problem.message.split(": ", 1)[1]
        return ReadResult(None, [Problem("x.yml", problem.line, "", message, hint=problem.hint)], text)
    return read


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same types all the way down (1 and True and 1.0 are not the same)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(k, j) and _same(a[k], b[j]) for k, j in zip(a, b, strict=True))
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b or (a != a and b != b)  # .nan


def assert_same_reading(text: str) -> None:
    old, new = _tree_read(text), _event_read(text)
    assert new.problems == old.problems, text
    assert (new.doc is None) == (old.doc is None), text
    if old.doc is not None and new.doc is not None:
        assert _same(new.doc.data, old.doc.data), text
        assert new.doc.lines == old.doc.lines, text
        assert new.doc.broken == old.doc.broken, text


@pytest.fixture(params=["c", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "c":
        if not yaml.__with_libyaml__:
            pytest.skip("PyYAML without libyaml")
        monkeypatch.setattr(yamlsource, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    return str(request.param)


# Scalars as a clerk (or a hostile hand) writes them: text, names that YAML reads as
# something else, numbers, dates real and impossible, tags, quotes, empty values.
SCALARS = ["Hà Thị Liên", "Nguyễn Văn A", "a-thcs-mot", "yes", "No", "on", "~", "null", "", "1", "-3", "0o17",
           "0x1F", "1_000", "1.5", ".inf", "-.NaN", "2024", "2024-09-13", "2024-02-30", "2024-09-13 10:00:00",
           "2024-13-01", "0912 345 678", "+84 912 345 678", "a@b.vn", '"Về việc: x"', "'it''s'", '"\\u00e9"',
           "!!str 5", "!!int mười", "!!int 7", "!!float 1", "!!bool yes", "!!null ''", "!!binary aGk=",
           "!ghi-chu x", "!!python/name:os.system x", "!!timestamp 2024-02-30", "!! x", "! 12", "=", "<<x",
           "Tổ: 1", "'<<'", "T", "N", "n", "Y", "O", "F", "f", "t", "y", "o"]
# Keys whose value the reader skips (a merge key, a list, an alias: it may stand for a list).
_UNBUILT_KEYS = ("<<", "?", "*")
KEYS = ["id", "name", "note", "1", "yes", "null", "~", "2024-09-13", "!!str 5", "!ghi-chu k", "'<<'", "Tên"]


@st.composite
def yaml_text(draw: st.DrawFn) -> str:
    """A YAML document: block style at the top, flow style inside, with every construct the
    reader has a rule for. Choices come from a seeded random, the plain case first (Hypothesis
    draws zeros most often), so that each construct is neither always nor never there."""
    rng = draw(st.randoms(use_true_random=False))
    defined: list[str] = []  # anchors so far

    def anchor(allowed: bool) -> str:
        if not allowed or rng.random() < 0.85:
            return ""
        # Mostly a new name; now and then one defined already (PyYAML's "duplicate anchor").
        name = rng.choice(defined) if defined and rng.random() > 0.95 else f"a{len(defined)}"
        defined.append(name)
        return f"&{name} "

    def alias() -> str | None:
        if rng.random() < 0.8:
            return None
        if rng.random() > 0.95:
            return "*nowhere"  # PyYAML's "undefined alias"
        return f"*{rng.choice(defined)}" if defined else None

    def flow(depth: int, anchors: bool) -> str:
        kind = rng.randrange(6 if depth < 3 else 2)
        if kind == 1 and (found := alias()):
            return found
        if kind <= 1:
            scalar = rng.choice(SCALARS)
            if not scalar or scalar[0] in "!&":
                return scalar  # a tag, or nothing, cannot take an anchor before it here
            return anchor(anchors) + scalar
        if kind <= 3:
            tag = rng.choice(["", "", "", "!!set ", "!!seq ", "!x "])
            start = anchor(anchors) + tag
            inner = anchors and tag in ("", "!!seq ")  # the values of a refused tag are skipped
            items = [flow(depth + 1, inner) for _ in range(rng.randrange(4))]
            return f"{start}[{', '.join(items)}]"
        tag = rng.choice(["", "", "", "!!omap ", "!!map "])
        start = anchor(anchors) + tag
        inner = anchors and tag in ("", "!!map ")
        pairs = [pair(depth, inner) for _ in range(rng.randrange(4))]
        return f"{start}{{{', '.join(pairs)}}}"

    def pair(depth: int, anchors: bool) -> str:
        written = key(depth)
        # The value of a merge key, of a key that is a list, or of an alias that may stand for a
        # list or mapping, is not built: no anchor in it.
        return f"{written}: {flow(depth + 1, anchors and not written.startswith(_UNBUILT_KEYS))}"

    def key(depth: int) -> str:
        kind = rng.randrange(10)
        if kind == 9:
            return "<<"
        if kind == 8 and depth < 3:
            return "? [" + ", ".join(rng.choice(KEYS) for _ in range(rng.randrange(3))) + "]"
        if kind == 7 and (found := alias()):
            return found + " "
        return rng.choice(KEYS)

    def block(depth: int, indent: str, anchors: bool) -> list[str]:
        lines: list[str] = []
        for _ in range(rng.randrange(1, 5)):
            written = key(depth)
            inner = anchors and not written.startswith(_UNBUILT_KEYS)  # as in pair()
            if written.startswith("?"):
                lines.append(f"{indent}{written}")
                lines.append(f"{indent}: {flow(depth + 1, False)}")
                continue
            shape = rng.randrange(5 if depth < 2 else 2)
            if shape <= 1:
                lines.append(f"{indent}{written}: {flow(depth + 1, inner)}")
            elif shape == 2:
                lines.append(f"{indent}{written}: {anchor(inner)}".rstrip())
                lines += block(depth + 1, indent + "  ", inner)
            else:
                lines.append(f"{indent}{written}:")
                for _ in range(rng.randrange(1, 4)):
                    if rng.random() < 0.5:
                        lines.append(f"{indent}  - {flow(depth + 1, inner)}")
                    else:
                        item = block(depth + 1, indent + "    ", inner)
                        lines.append(f"{indent}  - {item[0].lstrip()}")
                        lines += item[1:]
        return lines

    text = "\n".join(block(0, "", True)) + "\n"
    if rng.random() > 0.97:
        text += "---\nx: 1\n"
    return text


@settings(max_examples=examples(400), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=yaml_text())
def test_values_lines_and_problems_are_those_of_the_node_tree(parser: str, text: str) -> None:
    assert_same_reading(text)


@pytest.mark.parametrize("text", [
    "subjects:\n  - &s {id: toan, name: Toán}\n  - *s\n",  # an alias to a mapping: refused
    "a: &x Hà\nb: *x\nc: [*x, *x]\n",  # aliases to a scalar: repeated
    "a: &x [1, *x]\n",  # a list inside itself
    "a: &x !!set {b, c}\nd: *x\n",  # an anchored value with a refused tag, then its alias
    "a: *nothing\n",  # an undefined alias: PyYAML's error
    "a: &x 1\nb: &x 2\n",  # an anchor defined twice: PyYAML's error
    "<<: *x\n",
    "&k a: 1\nb: {*k : 2}\n",  # an alias as a key
    "? &k [1]\n: v\n",  # a list as a key, anchored (never aliased: see the module's docstring)
    "a: 1\na: 2\nb:\n  c: 1\n  c:\n    d: 2\n",  # keys written twice
    "- 2024-02-30\n- !!timestamp 2024-02-31\n- 2024-09-13\n- !!int x\n",
    "a: 1\n---\nb: 2\n",
    "",
    "~\n",
    "# only a comment\n",
    "a: " + "[" * 40 + "]" * 40 + "\n",
    "".join(f"{'  ' * i}k{i}:\n" for i in range(300)) + "  " * 300 + "x\n",  # deep, in block style
])
def test_untidy_yaml_reads_as_it_did(parser: str, text: str) -> None:
    assert_same_reading(text)
