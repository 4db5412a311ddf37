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
    # invisible characters and bidi controls, look-alikes, what XML 1.0 forbids
    "Hà\u200bThị", "\ufeffLiên", "Lê\u00adHồng", "\u2066Hà\u2069", "Hà\u0085Liên", "Nguyễn Vаn", "Μột",
    "T\ufffeitle", "x\uffff", "\ud800", "\t\n ",
    # ids with a trailing newline, decimals for integers, years out of range
    "a-ha-thi-lien\n", "mau-newline\n", 1.0, 2024.0, "9998-9999", "0000-0001", "9999-01", "2024-2025\n",
]
# File names a hostile or careless hand may give a data file.
NASTY_NAMES = ['"><img src=x onerror=alert(15)>', 'x" onmouseover="alert(14)" y="', "Người", "a b", "A",
               "x\x1b[31m", "..", "-"]
NASTY_EXTENSIONS = [".yml", ".YML", ".Yaml", ".yaml"]
# Characters no output may carry: C0 controls but tab and line breaks, U+FFFE, U+FFFF, surrogates.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


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
        breaker = draw(st.sampled_from(["[", "{", ": :", "\t", "'", "&a *a", "\x00", "- -", "\ufffe", "\x85"]))
        texts[name] = text[:cut] + breaker + text[cut:]
    if draw(st.booleans()):  # give a file a name the checker must refuse
        name = draw(st.sampled_from(sorted(n for n in texts if "/" in n)))
        folder = name.rsplit("/", 1)[0]
        stem = draw(st.sampled_from(NASTY_NAMES) | st.text(min_size=1, max_size=12).filter(lambda t: "/" not in t))
        texts[f"{folder}/{stem}{draw(st.sampled_from(NASTY_EXTENSIONS))}"] = texts.pop(name)
    encoded = {name: text.encode("utf-8", "surrogatepass") for name, text in texts.items()}
    if draw(st.booleans()):  # save one file in another encoding, as an office's editor might
        name = draw(st.sampled_from(sorted(texts)))
        encoding = draw(st.sampled_from(["cp1258", "latin-1", "utf-16", "utf-16-le", "utf-8-sig"]))
        encoded[name] = texts[name].encode(encoding, "replace")
    return encoded


def write(root: Path, texts: dict[str, str] | dict[str, bytes]) -> Path:
    data = root / "data"
    for name, text in texts.items():
        path = data / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        except (OSError, ValueError):  # a name the file system refuses ("..", a NUL): nothing to check
            continue
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
@given(texts=mutated_dataset())
def test_mutations_give_clear_errors_or_a_safe_site(tmp_path_factory: Any, texts: dict[str, bytes]) -> None:
    root = tmp_path_factory.mktemp("hostile")
    data = write(root, texts)
    portal, problems = load(data, root)  # must not raise
    for problem in problems:
        assert problem.file.startswith("data/") and problem.message
        report = problem.format()
        assert "Traceback" not in report
        assert all(c.isprintable() for c in report.replace("\n", "")), report  # nothing can garble a terminal
    if any(p.severity == "error" for p in problems):
        return
    for source_file in {o.source.file for o in portal.office_years} | {p.source.file for p in portal.people.values()}:
        assert re.fullmatch(r"data/[a-z0-9/-]+\.ya?ml", source_file), source_file  # safe in "edit this page"
    pages = Pages(portal)
    renderer = Renderer(pages)
    for spec in pages.all():
        assert re.fullmatch(r"([a-z0-9-]+/)*", spec.url), spec.url  # never outside site/
        html = renderer.render(spec)
        assert "<script>alert" not in html and "{{ 7*7 }}" not in html.replace("{{ 7*7 }}", "", 0)
        assert not FORBIDDEN.search(html) and "\u202e" not in html, spec.url


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
