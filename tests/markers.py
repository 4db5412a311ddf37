"""The pytest markers `build` (runs a MkDocs build) and `browser` (drives Chromium), derived.

`python -m pytest -m "not browser and not build"` runs the fast tests only. There is no list
of slow tests to keep: the helpers that build a site or start the browser say so once
(`@runs_mkdocs`, `@drives_browser`), and a test gets the marker when its own code, a fixture
it uses, or a test helper either of them calls (followed through the names the code uses,
within tests/) reaches such a helper.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType
from typing import Any, TypeVar

import pytest

Helper = TypeVar("Helper", bound=Callable[..., Any])
ATTRIBUTE = "portal_marker"
TESTS_DIR = Path(__file__).resolve().parent


def runs_mkdocs(helper: Helper) -> Helper:
    """Tests that call `helper`, directly or through fixtures and helpers, are marked `build`."""
    setattr(helper, ATTRIBUTE, "build")
    return helper


def drives_browser(helper: Helper) -> Helper:
    """Tests that call `helper`, directly or through fixtures and helpers, are marked `browser`."""
    setattr(helper, ATTRIBUTE, "browser")
    return helper


def apply_markers(items: list[pytest.Item]) -> None:
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        seen: set[Callable[..., Any]] = set()
        found = _reached(item.function, seen)
        # pytest keeps no public map from a test to the fixture functions it uses.
        for definitions in item._fixtureinfo.name2fixturedefs.values():
            for definition in definitions:
                found |= _reached(definition.func, seen)
        for marker in sorted(found):
            item.add_marker(marker)


def _reached(function: Callable[..., Any], seen: set[Callable[..., Any]]) -> set[str]:
    """The markers of `function` and of every test helper its code calls, at any depth."""
    found = {getattr(function, ATTRIBUTE)} if hasattr(function, ATTRIBUTE) else set()
    code = getattr(function, "__code__", None)
    scope = getattr(function, "__globals__", {})
    for name in set(_names(code)) if code else set():
        target = scope.get(name)
        if not inspect.isfunction(target) or target in seen:
            continue
        seen.add(target)
        if hasattr(target, ATTRIBUTE):
            found.add(getattr(target, ATTRIBUTE))
        if _in_tests(target):
            found |= _reached(target, seen)
    return found


def _names(code: CodeType) -> Iterator[str]:
    """The global names a function's code uses, its nested functions and lambdas included."""
    yield from code.co_names
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            yield from _names(constant)


def _in_tests(function: Callable[..., Any]) -> bool:
    source = inspect.getsourcefile(function)
    return source is not None and Path(source).resolve().parent == TESTS_DIR
