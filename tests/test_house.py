"""House rules that hold for the code itself: the layers, the test markers, no path patching."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from examples import examples, is_quick_subset
from hypothesis import settings

from conftest import REPO

CORE = REPO / "plugins" / "portal"
# The front end the core must never depend on, and its forks and theme.
FRONT_END = ("mkdocs", "material", "properdocs")


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_the_core_never_imports_mkdocs() -> None:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) > 20
    offending = [f"{path.relative_to(REPO)}:{line}: import {name}"
                 for path in modules for line, name in _imported_modules(path)
                 if name.split(".")[0] in FRONT_END]
    assert offending == []


def test_importing_every_core_module_loads_no_mkdocs() -> None:
    """Also through the libraries the core uses: import it all in a fresh interpreter."""
    probe = (
        "import importlib, json, pkgutil, sys, portal\n"
        "names = [m.name for m in pkgutil.walk_packages(portal.__path__, 'portal.')]\n"
        "for name in names: importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {FRONT_END!r})\n"
        "print(json.dumps({'modules': names, 'front_end': loaded}))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO / "tests")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "portal.load" in report["modules"] and "portal.render" in report["modules"]
    assert report["front_end"] == []


def _uses_sys_path(tree: ast.AST) -> Iterator[int]:
    """Lines that touch sys.path, in the code or in a program it hands to a child Python
    (`python -c "...sys.path.insert(...)..."`)."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr == "path"
                and isinstance(node.value, ast.Name) and node.value.id == "sys"):
            yield node.lineno
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" in node.value:
            try:
                program = ast.parse(node.value)
            except SyntaxError:
                continue
            yield from (node.lineno for _ in _uses_sys_path(program))


def test_nothing_patches_the_import_path() -> None:
    """The package is installed (editable in development); no test, script or module puts
    anything on sys.path (a script finds its neighbours in scripts/ as Python does; a child
    process is given PYTHONPATH)."""
    child = "\n".join(['program = """', "import sys", "sys" + '.path.insert(0, "x")', '"""'])  # not one constant here
    assert list(_uses_sys_path(ast.parse(child))) == [1]
    patched = []
    for path in sorted([*(REPO / "tests").glob("*.py"), *(REPO / "scripts").glob("*.py"),
                        *(REPO / "plugins").rglob("*.py")]):
        patched += [f"{path.name}:{line}" for line in _uses_sys_path(ast.parse(path.read_text(encoding="utf-8")))]
    assert patched == []


# Through a session fixture (repo_site), a module fixture (test_pages' site), a helper called
# in the test body (test_pages.build), and a helper of a helper (test_shards).
MARKED = {
    "tests/test_build.py::test_strict_build_of_the_real_repository": {"build"},
    "tests/test_pages.py::test_the_set_of_pages": {"build"},
    "tests/test_output.py::test_strict_warnings_do_not_publish": {"build"},
    "tests/test_shards.py::test_one_search_page_finds_people_of_two_separately_built_provinces": {"build", "browser"},
    "tests/test_a11y.py::test_every_hand_written_page": {"browser"},
    "tests/test_install.py::test_an_installed_wheel_builds_a_site_outside_the_repository": {"build"},
}
# Fast tests stay out, in the same modules too.
UNMARKED = [
    "tests/test_a11y.py::test_axe_is_vendored_with_its_licence",
    "tests/test_pages.py::test_adding_a_year_never_moves_a_page",
    "tests/test_plugin_options.py::test_every_option_has_a_docstring",
]

# Collects the modules named on its command line once, as `python -m pytest` does, and prints
# each test's markers (what `-m` selects on), its parameters folded together.
MARKERS_PROBE = """
import collections, json, sys, pytest

markers = collections.defaultdict(set)

class PrintMarkers:
    def pytest_collection_finish(self, session):
        for item in session.items:
            markers[item.nodeid.split("[")[0]] |= {mark.name for mark in item.iter_markers()}

code = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "-n", "0", *sys.argv[1:]],
                   plugins=[PrintMarkers()])
print("MARKERS " + json.dumps({test: sorted(names) for test, names in markers.items()}))
sys.exit(code)
"""


def _collected(modules: list[str]) -> dict[str, set[str]]:
    """Each test of `modules` (its parameters folded together) and its markers."""
    result = subprocess.run([sys.executable, "-c", MARKERS_PROBE, *modules], capture_output=True, text=True,
                            cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = [line for line in result.stdout.splitlines() if line.startswith("MARKERS ")]
    return {test: set(markers) for test, markers in json.loads(line.removeprefix("MARKERS ")).items()}


def test_tests_that_build_or_drive_the_browser_are_marked() -> None:
    """Derived, not listed: a test reaches a helper that builds (directly, through a fixture,
    or through another helper) and gets the marker. The modules of the tests named above are
    collected in a fresh interpreter, once."""
    markers = _collected(sorted({test.split("::")[0] for test in [*MARKED, *UNMARKED]}))
    for test, wanted in MARKED.items():
        assert wanted <= markers[test], (test, markers[test])
    for test in UNMARKED:
        assert not markers[test] & {"build", "browser"}, (test, markers[test])


def test_the_quick_subset_draws_a_quarter_of_the_examples_and_the_suite_all(request: pytest.FixtureRequest) -> None:
    """The property tests draw their full count unless this run is the quick subset, for
    counts given in the test (`examples(n)`) and Hypothesis's default alike."""
    assert is_quick_subset("not browser and not build") and is_quick_subset("not  build and not browser")
    assert not is_quick_subset("") and not is_quick_subset("not browser") and not is_quick_subset("build")
    quick = is_quick_subset(request.config.getoption("markexpr"))
    assert examples(600) == (150 if quick else 600) and examples(25) == (10 if quick else 25)
    assert settings.default.max_examples == (25 if quick else 100)
