"""The theme's chrome rendered once per kind of page and filled (portal_mkdocs/chrome.py), the
articles and exports made in worker processes (portal_mkdocs/parallel.py), and the pages
noted as they were written rather than read back (portal_mkdocs/written.py), give the same
bytes as main.html rendered for every page in the build process itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from markers import runs_mkdocs
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_output import UNSTABLE_UPSTREAM

from conftest import REPO, SAMPLE_DATA_ON
from portal_mkdocs import chrome, plugin
from portal_mkdocs.chrome import TITLE_SLOT, ChromeCache, Shell, cut, segment_slot
from portal_mkdocs.search import find_indexer
from portal_mkdocs.written import WrittenPages


def test_a_shell_is_filled_at_each_slot() -> None:
    rendered = f"<title>{TITLE_SLOT} - Cổng</title><a href='../{segment_slot(0)}/'>{TITLE_SLOT}</a>"
    shell = cut(rendered)
    assert shell is not None
    assert shell.fill({TITLE_SLOT: "Hà Thị Liên", segment_slot(0): "dbp-ha-thi-lien"}) == \
        "<title>Hà Thị Liên - Cổng</title><a href='../dbp-ha-thi-lien/'>Hà Thị Liên</a>"


@pytest.mark.parametrize("altered", [TITLE_SLOT.upper(), TITLE_SLOT[:4] + "…", TITLE_SLOT.title()])
def test_a_sentinel_a_filter_changed_leaves_no_shell(altered: str) -> None:
    # The theme printed the title through a filter (upper, truncate, title): filling the raw
    # title there would differ from main.html, so such pages are rendered in full.
    assert cut(f"<title>{TITLE_SLOT}</title><h1>{altered}</h1>") is None


@pytest.mark.parametrize(("title", "plain"), [
    ("Nhóm Toán — năm học 2024-2025", True),
    ("Trường THCS Lê Lợi & THPT", False),  # striptags would print "&", the raw title "&amp;"
    ("O'Neil", False),  # escaped as &#39; by `| e`
    ("Hai  dấu cách", False),  # striptags collapses spaces
    ("", False),
])
def test_only_titles_every_filter_leaves_alike_are_filled(title: str, plain: bool) -> None:
    assert chrome._plain_title(title) is plain


def _build(site: Path) -> None:
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)


@runs_mkdocs
def build_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, ChromeCache]:
    """The repository's site (sample office on: every page kind) built with the filled chrome,
    the workers and the pages noted as written, then with main.html rendered for every page,
    no worker and every page read back from the disk; and the cache of the first build."""
    for name, value in SAMPLE_DATA_ON.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the plugin sets it from the data
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    caches: list[ChromeCache] = []
    install = ChromeCache.install

    def recording_install(cache: ChromeCache, env: object) -> None:
        caches.append(cache)
        install(cache, env)  # type: ignore[arg-type]

    monkeypatch.setattr(ChromeCache, "install", recording_install)
    monkeypatch.setattr(plugin, "worker_count", lambda: 2)  # forked, on any machine
    filled = tmp_path / "filled"
    _build(filled)
    monkeypatch.setattr(ChromeCache, "_fill", lambda *args: None)
    monkeypatch.setattr(plugin, "worker_count", lambda: 1)
    monkeypatch.setattr(WrittenPages, "fresh", lambda self: None)
    full = tmp_path / "full"
    _build(full)
    return filled, full, caches[0]


def test_every_page_is_the_same_bytes_as_main_html_rendered_for_it(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    filled, full, cache = build_both_ways(tmp_path, monkeypatch)
    # Pagefind 1.5.2 (PyPI) names and orders a few index files differently on every run: they
    # are compared only with 1.6 (CI; tests/test_output.py says how).
    compared = (lambda f: True) if find_indexer().deterministic else (lambda f: not UNSTABLE_UPSTREAM.match(str(f)))
    files = sorted(p.relative_to(full) for p in full.rglob("*") if p.is_file() and compared(p.relative_to(full)))
    assert files == sorted(p.relative_to(filled) for p in filled.rglob("*")
                           if p.is_file() and compared(p.relative_to(filled)))
    differ = [str(f) for f in files if (full / f).read_bytes() != (filled / f).read_bytes()]
    assert differ == []
    # Most generated pages took the filled chrome; a few shells serve them all.
    pages = sum(1 for f in files if f.name == "index.html" and f.parts[0] != "pagefind")
    assert cache.filled > pages / 2
    assert 0 < len([s for s in cache.shells.values() if isinstance(s, Shell)]) < cache.filled / 20


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_no_fork_where_the_platform_has_none_or_forbids_it(monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    """An office building on Windows or a Mac gets one process (the same bytes), not a crash."""
    from portal_mkdocs import parallel

    monkeypatch.setattr(parallel.sys, "platform", platform)
    assert not parallel.can_fork()
    assert parallel.worker_count() == 1
