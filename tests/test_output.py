"""Atomic and deterministic output, exports on the site, and nothing private anywhere."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import phonenumbers
import pytest
from test_pages import build, write_site
from test_privacy import SEPARATORS, decoded

from conftest import REPO
from portal.load import load_or_raise
from portal_mkdocs import output
from portal_mkdocs.search import find_indexer


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def real_site(repo_site: Path) -> Path:
    return repo_site


# Pagefind 1.5 writes its filter and metadata indexes from hash maps, in an order that
# changes from run to run (upstream issue Pagefind/pagefind#638: fragments are stable
# since 1.3, "other files will still change, such as the filter/metadata indexes").
# Pagefind 1.6 writes them in a stable order (docs/publishing.md).
UNSTABLE_UPSTREAM = re.compile(r"^pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Two builds of the same data, in two folders."""
    trees = []
    for name in ("a", "b"):
        root = write_site(tmp_path_factory.mktemp(name))
        result = build(root)
        assert result.returncode == 0, result.stderr
        trees.append(tree(root / "site"))
    return trees[0], trees[1]


def test_two_builds_of_the_same_data_are_byte_identical(two_builds: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    """Everything but Pagefind 1.5's unstable files, whichever Pagefind indexed the site."""
    a, b = ({k: v for k, v in t.items() if not UNSTABLE_UPSTREAM.match(k)} for t in two_builds)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert any(name.startswith("pagefind/fragment/") for name in a)


def test_two_builds_are_byte_identical_search_index_included_with_pagefind_1_6(
        two_builds: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    indexer = find_indexer()
    if not indexer.deterministic:
        reason = (f"Pagefind {indexer.version_text} ({indexer.binary}) writes its filter and meta indexes in a "
                  "different order on every run; set PAGEFIND_BINARY_PATH to Pagefind 1.6 (docs/publishing.md)")
        if os.environ.get("REQUIRE_PAGEFIND_1_6"):
            pytest.fail(reason)
        pytest.skip(reason)
    a, b = two_builds
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert any(UNSTABLE_UPSTREAM.match(name) for name in a), "the files 1.5 wrote differently are compared too"


def test_a_failed_build_leaves_the_previous_site_and_no_staging_folder(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    assert build(root).returncode == 0
    before = tree(root / "site")
    (root / "data/people/pgddt-cu-chi.yml").write_text("people: [\n", encoding="utf-8")
    assert build(root).returncode == 1
    assert tree(root / "site") == before
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == []  # nor a lock file


def test_an_interrupted_build_leaves_the_site_and_its_staging_is_cleaned_next_time(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    assert build(root).returncode == 0
    stale = root / ".site.building-99999"
    (stale / "half").mkdir(parents=True)
    assert (root / "site/index.html").exists()
    assert build(root).returncode == 0
    assert not stale.exists()


def test_strict_warnings_do_not_publish(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    assert build(root).returncode == 0
    before = tree(root / "site")
    (root / "content/broken.md").write_text("[lỗi](khong-co.md)\n", encoding="utf-8")
    result = build(root)
    assert result.returncode == 1 and "khong-co.md" in result.stderr
    assert tree(root / "site") == before


def test_write_files_refuses_paths_outside_the_site(tmp_path: Path) -> None:
    for bad in ("../x", "/etc/x", "a/../../x"):
        with pytest.raises(ValueError):
            output.write_files(tmp_path / "site", {bad: b""})
    output.write_files(tmp_path / "site", {"a/b.txt": b"ok"})
    assert (tmp_path / "site/a/b.txt").read_bytes() == b"ok"


def test_exports_calendar_and_feed_are_published_and_linked(real_site: Path) -> None:
    cluster = real_site / "to-chuc/cc-cum-01/2024-2025"
    assert (cluster / "danh-sach.csv").read_bytes().startswith(b"\xef\xbb\xbf\"STT\"")
    assert (cluster / "danh-sach.xlsx").read_bytes()[:2] == b"PK"
    page = (cluster / "index.html").read_text(encoding="utf-8")
    assert 'href="danh-sach.xlsx"' in page and 'href="danh-sach.csv"' in page
    year = json.loads((real_site / "nam-hoc/2024-2025/du-lieu.json").read_text(encoding="utf-8"))
    assert year
    ics = (real_site / "nam-hoc/2024-2025/pgddt-cu-chi.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20241220" in ics and "DTSTART;VALUE=DATE:20250516" in ics
    assert 'href="pgddt-cu-chi.ics"' in (real_site / "nam-hoc/2024-2025/index.html").read_text(encoding="utf-8")
    assert "<feed" in (real_site / "van-ban/atom.xml").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in (real_site / "index.html").read_text(encoding="utf-8")


def test_nothing_private_reaches_any_file_of_the_site(real_site: Path) -> None:
    """The repository's own data: each private contact, in any written form (its national
    digits whatever separates them; the e-mail's local part), is in no file of the site,
    decoded as in tests/test_privacy.py (which does the same for a data set that writes
    the values in every form and every text field)."""
    portal, _ = load_or_raise(REPO / "data", REPO)
    assert "0912944718" in portal.private_values()
    numbers = [phonenumbers.national_significant_number(phonenumbers.parse(v, "VN"))
               for v in portal.private_values() if "@" not in v]
    locals_ = [re.compile(re.escape(v.split("@")[0]).replace(r"\.", r"\W{0,12}"), re.IGNORECASE)
               for v in portal.private_values() if "@" in v]
    assert numbers and locals_
    checked = 0
    for path in real_site.rglob("*"):
        if not path.is_file():
            continue
        text = unicodedata.normalize("NFKC", decoded(path))
        digits = SEPARATORS.sub("", text)
        assert [n for n in numbers if n in digits] == [], path
        assert [p.pattern for p in locals_ if p.search(text)] == [], path
        checked += 1
    assert checked > 400
    fragments = [decoded(p) for p in real_site.rglob("*.pf_fragment")]
    assert any("Hà Thị Liên" in text for text in fragments), "the search index is decoded before the scan"
