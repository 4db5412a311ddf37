"""Hostile input: mutated data files give a clear checker error or a safe build, never a traceback."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE
from portal.load import load
from portal.pages import Pages
from portal.render import Renderer

NASTY_VALUES = [
    None, 0, -1, 10**30, 3.5, True, [], {}, [1, [2]], {"x": {"y": 1}}, "", " ", "../x", "../../etc/passwd",
    "/abs/path", "a/b", "x" * 200_000, "\x00\x01\x1b[31m", "<script>alert(1)</script>", "{{ 7*7 }}",
    "[x](javascript:alert(1))", "2024-02-30", "2024-13", "1999", "0912 345 678", "a@b.vn", "Đặng Vân Thùy",
    "\u202eevil", "nhom-truong", "a-thcs-mot", "a-2024-qd-1",
]


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, prefix + (index,))
    return found


@st.composite
def mutated_dataset(draw: st.DrawFn) -> dict[str, str]:
    files = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(files)))
        targets = paths(files[name])
        if not targets:  # the file is already a bare value: replace it whole
            files[name] = draw(st.sampled_from(NASTY_VALUES))
            continue
        path = draw(st.sampled_from(targets))
        parent = files[name]
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(st.sampled_from(NASTY_VALUES) | st.text(max_size=30))
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "id", "../x", "members"]))] = draw(st.sampled_from(NASTY_VALUES))
    texts = {name: yaml.safe_dump(content, allow_unicode=True, sort_keys=False) for name, content in files.items()}
    if draw(st.booleans()):  # break one file's YAML syntax
        name = draw(st.sampled_from(sorted(texts)))
        text = texts[name]
        cut = draw(st.integers(0, len(text)))
        breaker = draw(st.sampled_from(["[", "{", ": :", "\t", "'", "&a *a", "\x00", "- -"]))
        texts[name] = text[:cut] + breaker + text[cut:]
    return texts


def write(root: Path, texts: dict[str, str]) -> Path:
    data = root / "data"
    for name, text in texts.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
@given(texts=mutated_dataset())
def test_mutations_give_clear_errors_or_a_safe_site(tmp_path_factory: Any, texts: dict[str, str]) -> None:
    root = tmp_path_factory.mktemp("hostile")
    data = write(root, texts)
    portal, problems = load(data, root)  # must not raise
    for problem in problems:
        assert problem.file.startswith("data/") and problem.message
        assert "Traceback" not in problem.format()
    if any(p.severity == "error" for p in problems):
        return
    pages = Pages(portal)
    renderer = Renderer(pages)
    for spec in pages.all():
        assert re.fullmatch(r"([a-z0-9-]+/)*", spec.url), spec.url  # never outside site/
        html = renderer.render(spec)
        assert "<script>alert" not in html and "{{ 7*7 }}" not in html.replace("{{ 7*7 }}", "", 0)


def test_a_huge_file_and_deep_nesting_are_reported_not_crashed(tmp_path: Path) -> None:
    texts = {name: yaml.safe_dump(content, allow_unicode=True) for name, content in BASE.items()}
    texts["subjects.yml"] = "subjects:\n  - {id: toan, name: Toán}\n  - " + "[" * 5000 + "]" * 5000 + "\n"
    _, problems = load(write(tmp_path, texts), tmp_path)
    # Only the file is reported: the subject it declares ('toan') is not reported unknown.
    assert [(p.file, p.message.endswith(": dữ liệu lồng nhau quá sâu.")) for p in problems] == [
        ("data/subjects.yml", True)]
    many = "".join(f"  - {{id: s{i}, name: Môn {i}}}\n" for i in range(20_000))
    texts["subjects.yml"] = "subjects:\n  - {id: toan, name: Toán}\n" + many
    _, problems = load(write(tmp_path, texts), tmp_path)
    assert problems == []
