"""Helpers for browser tests: Debian's chromium through Playwright, a built site on 127.0.0.1.

Playwright never downloads a browser here (no `playwright install`): the tests drive
/usr/bin/chromium (apt package `chromium`). Without it the browser tests are skipped,
unless REQUIRE_BROWSER=1 (as in CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# The same static server as the benchmarks (scripts/ is on pytest's `pythonpath`).
from _serve import serve
from markers import drives_browser, runs_mkdocs

from conftest import SAMPLE_DATA_ON

REPO = Path(__file__).resolve().parent.parent

__all__ = ["serve", "chromium", "build_site", "require_chromium", "settle", "Requests"]

ARTIFACTS = REPO / "tests" / "artifacts"
# The header search is over: Pagefind's message counts the results ("12 kết quả cho …") and
# nothing is loading.
RESULTS_COUNTED = """() => {
  const message = document.querySelector('#portal-search-ui .pagefind-ui__message');
  return Boolean(message && /^\\d+ kết quả/.test(message.textContent)
                 && !document.querySelector('#portal-search-ui .pagefind-ui__loading'));
}"""
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


# Whether a finite animation or transition runs (Material's drawer slides in .25 s, the skip
# link fades in), and where the page is scrolled (a smooth jump to a heading).
_MOVING = """document.getAnimations().some(animation => animation.playState === 'running'
    && animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)"""
_MOTION_JS = f"() => [{_MOVING}, `${{scrollX}},${{scrollY}}`]"
# Resolves once the page is still: a frame drawn with nothing moving and the page scrolled where
# it was a frame before, or once `limit` ms have passed (an animation started on every frame
# would hold it). Instead of fixed waits: the browser tests mostly waited.
_STILL_JS = f"""(limit) => new Promise(done => {{
  const start = performance.now();
  const frame = () => new Promise(drawn => requestAnimationFrame(() => drawn()));
  (async () => {{
    let scrolled = null;
    for (;;) {{
      await frame();
      const now = `${{scrollX}},${{scrollY}}`;
      if ((now === scrolled && !({_MOVING})) || performance.now() - start > limit) break;
      scrolled = now;
    }}
    done();
  }})();
}})"""


class Requests:
    """The requests a page has in flight, followed from before it opens."""

    def __init__(self, page: Any) -> None:
        self.pending: set[Any] = set()
        page.on("request", lambda request: self.pending.add(request))  # Playwright takes no built-in
        page.on("requestfinished", lambda request: self.pending.discard(request))
        page.on("requestfailed", lambda request: self.pending.discard(request))


def settle(page: Any, requests: Requests | None = None, limit_ms: int = 2_000, *, scripts: bool = True) -> None:
    """Until no request is in flight (with `requests`) and nothing moves (_STILL_JS). On a page
    whose scripts are off (`scripts` False), no frame nor timer is ever announced to a script
    (_STILL_JS would wait for ever): the page is asked from here every 20 ms instead, still
    once it answers the same twice with nothing moving."""
    if requests is not None:
        for _ in range(limit_ms // 10):
            if not requests.pending:
                break
            page.wait_for_timeout(10)
    if scripts:
        page.evaluate(_STILL_JS, limit_ms)
        return
    before = None
    for _ in range(limit_ms // 20):
        now = page.evaluate(_MOTION_JS)  # [moving, scrolled]
        if not now[0] and now == before:
            break
        before = now
        page.wait_for_timeout(20)


@drives_browser
def require_chromium() -> None:
    """Skip (or fail, with REQUIRE_BROWSER=1) when chromium or Playwright is missing."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} not found (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "playwright is not installed (pip install playwright)"
    if problem is None:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required (REQUIRE_BROWSER=1): {problem}")
    pytest.skip(problem)


@runs_mkdocs
def build_site(site_dir: Path, site_url: str | None = None, sample_data: bool = True,
               search_part_megabytes: float | None = None) -> None:
    """A strict MkDocs build of the repository into site_dir (Pagefind runs at its end), the
    sample office on (unless `sample_data` is False): several school years, so that every
    kind of page is there.

    With `site_url`, the repository's mkdocs.yml is read from stdin with that site_url:
    Material's instant navigation only takes over the links listed in sitemap.xml, whose
    addresses come from site_url (host and port included). With `search_part_megabytes`, the
    plugin's option of that name (the search index in parts above that much HTML).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(SAMPLE_DATA_ON if sample_data else {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    config = None
    if site_url is not None:
        config = re.sub(r"(?m)^site_url:.*\n?", "", (REPO / "mkdocs.yml").read_text(encoding="utf-8"))
        config += f"\nsite_url: {site_url}\n"
    if search_part_megabytes is not None:
        config = config or (REPO / "mkdocs.yml").read_text(encoding="utf-8")
        option = f"      search_part_megabytes: {search_part_megabytes}\n"
        config = config.replace("  - portal:\n", "  - portal:\n" + option, 1)
    if config is not None:
        command += ["--config-file", "-"]  # relative paths stay relative to the repository
    result = subprocess.run(command, cwd=REPO, input=config, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-4000:]


@drives_browser
@contextmanager
def chromium() -> Iterator[Any]:
    """A headless chromium (Playwright's sync API); yields the Browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
