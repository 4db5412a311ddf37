"""Precompressed copies of the large assets (portal_mkdocs/precompress.py): beside the file,
byte-identical from run to run, decompressing to the file, only where they pay; kept between
builds (portal/build_cache.py) without changing a byte."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import os
import re
import time
from pathlib import Path
from typing import Any

import brotli
import pytest

from portal import build_cache
from portal.build_cache import DIGEST_BYTES, PRUNE_AFTER_DAYS, BuildCache
from portal_mkdocs import precompress as precompress_module
from portal_mkdocs.precompress import CACHE_KIND, MIN_BYTES, precompress


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "assets/stylesheets").mkdir(parents=True)
    (site / "assets/javascripts").mkdir(parents=True)
    (site / "pagefind").mkdir()
    (site / "truong").mkdir()
    css = "".join(f".md-nav__item--{i} {{ color: #{i % 999:03d}; margin: {i}px; }}\n" for i in range(800))
    (site / "assets/stylesheets/main.min.css").write_text(css, encoding="utf-8")
    (site / "assets/javascripts/bundle.min.js").write_text("var a='Hà Thị Liên';\n" * 600, encoding="utf-8")
    (site / "assets/stylesheets/tiny.css").write_text("a{color:red}", encoding="utf-8")  # too small to pay
    (site / "pagefind/pagefind-ui.js").write_text("function f(){return 1}\n" * 400, encoding="utf-8")
    (site / "pagefind/index.pf_index").write_bytes(os.urandom(8000))  # not a text asset
    (site / "assets/javascripts/random.js").write_bytes(os.urandom(MIN_BYTES * 2))  # does not compress
    (site / "truong/index.html").write_text("<p>trang</p>" * 1000, encoding="utf-8")  # pages are left alone
    return site


def test_large_text_assets_get_gz_and_br_copies(tmp_path: Path) -> None:
    site = _site(tmp_path)
    stats = precompress(site, None)
    copies = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in (".gz", ".br"))
    assert copies == [
        "assets/javascripts/bundle.min.js.br", "assets/javascripts/bundle.min.js.gz",
        "assets/stylesheets/main.min.css.br", "assets/stylesheets/main.min.css.gz",
        "pagefind/pagefind-ui.js.br", "pagefind/pagefind-ui.js.gz",
    ]
    assert stats.files == 3
    for name in ("assets/stylesheets/main.min.css", "assets/javascripts/bundle.min.js", "pagefind/pagefind-ui.js"):
        original = (site / name).read_bytes()
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == original
        assert brotli.decompress((site / f"{name}.br").read_bytes()) == original


def test_the_copies_are_the_same_bytes_every_time(tmp_path: Path) -> None:
    first, second = _site(tmp_path / "a"), _site(tmp_path / "b")
    # The same CSS; the random files differ and get no copies anyway.
    precompress(first, None)
    os.utime(second / "assets/stylesheets/main.min.css", (0, 0))  # another file time changes nothing
    precompress(second, None)
    for suffix in (".gz", ".br"):
        name = f"assets/stylesheets/main.min.css{suffix}"
        assert (first / name).read_bytes() == (second / name).read_bytes()
    header = (first / "assets/stylesheets/main.min.css.gz").read_bytes()[:10]
    assert header[4:8] == b"\0\0\0\0"  # gzip's mtime field: 0, not the clock


def test_a_site_without_assets_is_fine(tmp_path: Path) -> None:
    assert precompress(tmp_path, None).files == 0


def test_the_same_script_in_each_search_part_is_compressed_once(tmp_path: Path, monkeypatch: Any) -> None:
    site = _site(tmp_path)
    for n in range(2, 6):  # a province's index parts (shards.py) carry Pagefind's scripts again
        (site / f"pagefind/part-{n}").mkdir()
        (site / f"pagefind/part-{n}/pagefind-ui.js").write_bytes((site / "pagefind/pagefind-ui.js").read_bytes())
    calls = counted(monkeypatch)
    precompress(site, None)
    # bundle.min.js, main.min.css, random.js and pagefind-ui.js: once each, however many parts.
    assert calls.count(".br") == 4
    first = (site / "pagefind/pagefind-ui.js.br").read_bytes()
    assert all((site / f"pagefind/part-{n}/pagefind-ui.js.br").read_bytes() == first for n in range(2, 6))


def counted(monkeypatch: Any) -> list[str]:
    """The suffix of each copy made from here on (precompress's METHODS, counting)."""
    calls: list[str] = []

    def counting(method: precompress_module.Method) -> precompress_module.Method:
        return dataclasses.replace(method, compress=lambda data: calls.append(method.suffix) or method.compress(data))

    monkeypatch.setattr(precompress_module, "METHODS", tuple(counting(m) for m in precompress_module.METHODS))
    return calls


def copies(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.suffix in (".gz", ".br")}


def test_copies_kept_by_one_build_are_taken_by_the_next_with_the_same_bytes(tmp_path: Path, monkeypatch: Any) -> None:
    fresh, first, second = _site(tmp_path / "fresh"), _site(tmp_path / "first"), _site(tmp_path / "second")
    precompress(fresh, None)
    calls = counted(monkeypatch)
    precompress(first, tmp_path / "cache")
    made_by_the_first = len(calls)
    assert made_by_the_first == 8  # four large assets, two copies each (random.js's are kept too: not written)
    precompress(second, tmp_path / "cache")
    assert calls[made_by_the_first:] == [".gz", ".br"]  # only random.js's, whose bytes are new each time
    assert copies(first) == copies(second) == copies(fresh)


def _digest_and(made: bytes) -> bytes:
    """An entry as the cache writes it: the SHA-256 of what it keeps, then that."""
    return hashlib.sha256(made).digest() + made


DAMAGES = {
    "truncated": lambda kept: kept[: len(kept) // 2],
    "a bit flipped": lambda kept: kept[:-1] + bytes([kept[-1] ^ 1]),
    "empty": lambda kept: b"",
    # A header bit no checksum of gzip covers, its digest made again: caught by the header.
    "gzip header, digest matching": lambda kept: _digest_and(
        kept[DIGEST_BYTES:DIGEST_BYTES + 9] + bytes([kept[DIGEST_BYTES + 9] ^ 1]) + kept[DIGEST_BYTES + 10:]),
    # A second gzip member or Brotli stream after the first: a browser reads only the first.
    "a second member, digest matching": lambda kept: _digest_and(kept[DIGEST_BYTES:] + kept[DIGEST_BYTES:]),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_kept_copy_is_made_again_never_published(tmp_path: Path, monkeypatch: Any, damage: str) -> None:
    fresh, later = _site(tmp_path / "fresh"), _site(tmp_path / "later")
    precompress(fresh, tmp_path / "cache")
    entries = sorted((tmp_path / "cache" / CACHE_KIND).iterdir())
    assert len(entries) == 8
    damaged = {entry: DAMAGES[damage](entry.read_bytes()) for entry in entries}
    for entry, content in damaged.items():
        entry.write_bytes(content)
    calls = counted(monkeypatch)
    precompress(later, tmp_path / "cache")
    assert len(calls) == 8
    assert copies(later) == copies(fresh)
    # Made again and kept again: the copies of the three assets both sites share (random.js differs).
    assert sum(entry.read_bytes() != content for entry, content in damaged.items()) == 6


@pytest.mark.parametrize("odd", ["a pipe", "a link to /dev/zero", "a folder", "too large"])
def test_an_odd_file_in_place_of_an_entry_is_not_read(tmp_path: Path, monkeypatch: Any, odd: str) -> None:
    fresh, later = _site(tmp_path / "fresh"), _site(tmp_path / "later")
    precompress(fresh, tmp_path / "cache")
    for entry in (tmp_path / "cache" / CACHE_KIND).iterdir():
        size = entry.stat().st_size
        entry.unlink()
        if odd == "a pipe":
            os.mkfifo(entry)  # read, it would wait for a writer for ever
        elif odd == "a link to /dev/zero":
            entry.symlink_to("/dev/zero")  # read, it would fill the memory
        elif odd == "a folder":
            entry.mkdir()
        else:
            entry.write_bytes(b"\0" * (size + 100_000))
    calls = counted(monkeypatch)
    precompress(later, tmp_path / "cache")
    assert len(calls) == 8
    assert copies(later) == copies(fresh)


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    fresh, blocked = _site(tmp_path / "fresh"), _site(tmp_path / "blocked")
    precompress(fresh, None)
    (tmp_path / "cache").write_text("a file where the cache's folder would be", encoding="utf-8")
    precompress(blocked, tmp_path / "cache")
    assert copies(blocked) == copies(fresh)


def test_entries_unused_for_a_month_are_pruned_and_a_read_renews_one(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path, "kind")
    cache.put("recipe", b"old", b"made from old")
    cache.put("recipe", b"used", b"made from used")
    cache.put("recipe", b"new", b"made from new")
    (tmp_path / "kind/notes.txt").write_text("not the cache's", encoding="utf-8")
    long_ago = time.time() - (PRUNE_AFTER_DAYS + 1) * 86400
    for path in (tmp_path / "kind").iterdir():
        if path.read_bytes() != _digest_and(b"made from new"):
            os.utime(path, (long_ago, long_ago))
    assert cache.get("recipe", b"used", lambda made: True, max_bytes=100) == b"made from used"
    cache.prune()
    assert {p.read_bytes() for p in (tmp_path / "kind").iterdir()} == {
        _digest_and(b"made from new"), _digest_and(b"made from used"), b"not the cache's"}  # another file stays
    assert cache.get("other recipe", b"new", lambda made: True, max_bytes=100) is None  # named by recipe and source


def test_a_cache_folder_others_may_write_to_or_reached_through_a_link_is_not_used(tmp_path: Path) -> None:
    """A review: an entry is believed as it says (originals.py keeps a verdict that a file holds
    no private value), and through a linked kind folder entries were written, and pruned, in
    the link's target."""
    cache = BuildCache(tmp_path / "cache", "kind")
    cache.put("recipe", b"source", b"made")
    assert cache.get("recipe", b"source", lambda made: True, max_bytes=100) == b"made"
    assert (tmp_path / "cache").stat().st_mode & 0o777 == 0o700
    (tmp_path / "cache").chmod(0o777)  # anyone may write an entry there
    assert cache.get("recipe", b"source", lambda made: True, max_bytes=100) is None
    (tmp_path / "cache").chmod(0o700)
    (tmp_path / "cache/kind").chmod(0o775)
    assert cache.get("recipe", b"source", lambda made: True, max_bytes=100) is None
    # A kind folder that is a link: nothing written, read or pruned through it.
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o700)
    old = target / ("0" * 64)
    old.write_bytes(b"someone else's file named as an entry")
    long_ago = time.time() - (PRUNE_AFTER_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    (tmp_path / "linked").mkdir(mode=0o700)
    (tmp_path / "linked/kind").symlink_to(target)
    linked = BuildCache(tmp_path / "linked", "kind")
    linked.put("recipe", b"source", b"made")
    linked.prune()
    assert list(target.iterdir()) == [old]
    assert linked.get("recipe", b"source", lambda made: True, max_bytes=100) is None


def test_the_cache_folder_follows_the_environment(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, str(tmp_path / "chosen"))
    assert build_cache.default_folder() == tmp_path / "chosen"
    for empty_or_relative in ("", "content/cache"):  # a relative one could be published with the site
        monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, empty_or_relative)
        assert build_cache.default_folder() is None
    monkeypatch.delenv(build_cache.ENVIRONMENT_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert build_cache.default_folder() == tmp_path / "xdg" / build_cache.FOLDER_NAME
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # ignored, as the XDG specification asks
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert build_cache.default_folder() == tmp_path / "home/.cache" / build_cache.FOLDER_NAME
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert build_cache.default_folder() == tmp_path / "home/.cache" / build_cache.FOLDER_NAME

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert build_cache.default_folder() is None


def test_a_cache_folder_inside_the_sites_own_folders_or_relative_is_refused(tmp_path: Path, monkeypatch: Any) -> None:
    """Inside docs_dir (or the theme's custom_dir) its entries would be published; inside
    site_dir each build's exchange would remove it; a relative one is taken from the build's
    folder. Each is refused, naming the variable and the folder."""
    docs, web_root = tmp_path / "docs", tmp_path / "www"
    docs.mkdir()
    web_root.mkdir()
    (tmp_path / "site").symlink_to(web_root)
    own = [docs, tmp_path / "site"]
    for inside in (docs / "cache", docs, tmp_path / "site", web_root / "cache"):  # the link's target too
        monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, str(inside))
        with pytest.raises(build_cache.UnsafeFolder) as refused:
            build_cache.site_folder(own)
        assert f"{inside} (theo biến môi trường {build_cache.ENVIRONMENT_VARIABLE})" in str(refused.value)
    monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    assert build_cache.site_folder(own) == tmp_path / "cache"
    monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, "")
    assert build_cache.site_folder(own) is None
    monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, "content/cache")
    with pytest.raises(build_cache.UnsafeFolder, match="PORTAL_CACHE_DIR=content/cache là đường dẫn tương đối"):
        build_cache.site_folder([])
    # The default folder, when the home folder (or XDG_CACHE_HOME) lies in the site's.
    monkeypatch.delenv(build_cache.ENVIRONMENT_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(docs))
    with pytest.raises(build_cache.UnsafeFolder, match="mặc định, theo biến môi trường XDG_CACHE_HOME hoặc HOME"):
        build_cache.site_folder(own)
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(docs))
    with pytest.raises(build_cache.UnsafeFolder, match=re.escape(str(docs / ".cache" / build_cache.FOLDER_NAME))):
        build_cache.site_folder(own)
    monkeypatch.setenv("HOME", "content")  # the cache would be content/.cache/…, from the build's folder
    assert build_cache.default_folder() is None
    with pytest.raises(build_cache.UnsafeFolder, match="HOME=content là đường dẫn tương đối"):
        build_cache.site_folder(own)
