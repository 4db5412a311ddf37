"""Longevity: ProperDocs builds the same site as MkDocs.

ProperDocs (PyPI `properdocs`) is a maintained fork of MkDocs 1.x: it sends `mkdocs.*`
imports to `properdocs.*` and reads plugins from both entry-point groups, so the portal's
plugin and Material run on it unchanged. It lives in its own virtual environment (it
would shadow MkDocs in this one); .ci/run makes it:

    python3 -m venv /tmp/properdocs-venv
    /tmp/properdocs-venv/bin/pip install 'properdocs>=1.6.7,<2' -e .
    /tmp/properdocs-venv/bin/pip uninstall -y mkdocs    # pulled in by mkdocs-material; unused
    PROPERDOCS=/tmp/properdocs-venv/bin/properdocs python3 -m pytest tests/test_properdocs.py

The test builds the repository with both (strict) and compares the outputs: the same
files; every HTML page the same once the generator meta tag (which names the tool and
its version) is taken out; every other file byte for byte, except Pagefind's filter and
metadata files, whose names and bytes change from one build to the next with either tool
(their number and the indexed page count are compared instead). Skipped when ProperDocs
is not found ($PROPERDOCS, else `properdocs` on PATH), unless REQUIRE_PROPERDOCS=1.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser_util import REPO, build_site

from conftest import SAMPLE_DATA_ON

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
# Pagefind output that differs between two builds by the same tool.
HASH = re.compile(r"_[0-9a-f]+\.")
UNSTABLE = re.compile(r"^pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")


def _properdocs() -> str:
    found = os.environ.get("PROPERDOCS") or shutil.which("properdocs")
    if found and Path(found).exists():
        return found
    if os.environ.get("REQUIRE_PROPERDOCS") == "1":
        pytest.fail("ProperDocs required (REQUIRE_PROPERDOCS=1) but not found: set PROPERDOCS")
    pytest.skip("ProperDocs not found (set PROPERDOCS=/path/to/venv/bin/properdocs)")


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def compare(mkdocs_site: Path, properdocs_site: Path) -> list[str]:
    """The differences between two builds, as readable lines (none when they match)."""
    problems = []
    left, right = _files(mkdocs_site), _files(properdocs_site)
    stable_left = {k for k in left if not UNSTABLE.match(k)}
    stable_right = {k for k in right if not UNSTABLE.match(k)}
    for name in sorted(stable_left - stable_right):
        problems.append(f"only in the MkDocs build: {name}")
    for name in sorted(stable_right - stable_left):
        problems.append(f"only in the ProperDocs build: {name}")
    unstable_left = sorted(HASH.sub("_#.", k) for k in left if UNSTABLE.match(k))
    unstable_right = sorted(HASH.sub("_#.", k) for k in right if UNSTABLE.match(k))
    if unstable_left != unstable_right:
        problems.append(f"Pagefind's filter/metadata files differ: {unstable_left} != {unstable_right}")
    entries = [json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
               for site in (mkdocs_site, properdocs_site)]
    counts = [{lang: v.get("page_count") for lang, v in e["languages"].items()} for e in entries]
    if counts[0] != counts[1]:
        problems.append(f"Pagefind indexed different pages: {counts[0]} != {counts[1]}")
    for name in sorted(stable_left & stable_right):
        a, b = left[name].read_bytes(), right[name].read_bytes()
        if name.endswith(".html"):
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        if a == b:
            continue
        problems.append(f"differs: {name}")
        if name.endswith(".html") and sum(p.startswith("differs") for p in problems) <= 3:
            diff = difflib.unified_diff(a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines(),
                                        "mkdocs/" + name, "properdocs/" + name, n=1, lineterm="")
            problems.extend("    " + line for line in list(diff)[:20])
    return problems


def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    properdocs = _properdocs()
    version = subprocess.run([properdocs, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0, version.stderr
    mkdocs_site, properdocs_site = tmp_path / "mkdocs", tmp_path / "properdocs"
    build_site(mkdocs_site)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **SAMPLE_DATA_ON}  # as build_site
    result = subprocess.run(
        [properdocs, "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(properdocs_site)],
        cwd=REPO, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-4000:]
    home = (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="[^"]*ProperDocs', home), "not built by ProperDocs"
    pages = [p for p in _files(properdocs_site) if p.endswith(".html")]
    assert len(pages) > 100
    problems = compare(mkdocs_site, properdocs_site)
    assert not problems, f"{version.stdout.strip()}: the builds differ:\n" + "\n".join(problems[:60])


def test_compare_sees_a_difference(tmp_path: Path) -> None:
    """The comparison itself: the generator tag is ignored, anything else is reported."""
    for name, generator in (("a", "mkdocs-1.6.1"), ("b", "mkdocs-ProperDocs 1.6.7")):
        site = tmp_path / name
        (site / "pagefind").mkdir(parents=True)
        (site / "pagefind" / "pagefind-entry.json").write_text('{"languages": {"vi": {"page_count": 1}}}')
        (site / "index.html").write_text(f'<meta name="generator" content="{generator}"><p>x</p>')
        (site / "data.csv").write_text("a,b\n")
    assert compare(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "index.html").write_text('<meta name="generator" content="x"><p>y</p>')
    (tmp_path / "b" / "extra.txt").write_text("")
    problems = compare(tmp_path / "a", tmp_path / "b")
    assert "only in the ProperDocs build: extra.txt" in problems
    assert "differs: index.html" in problems
