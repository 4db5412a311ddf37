"""Precompressed copies of the large assets (portal_mkdocs/precompress.py): beside the file,
byte-identical from run to run, decompressing to the file, only where they pay."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import brotli

from portal_mkdocs import precompress as precompress_module
from portal_mkdocs.precompress import MIN_BYTES, precompress


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
    stats = precompress(site)
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
    precompress(first)
    os.utime(second / "assets/stylesheets/main.min.css", (0, 0))  # another file time changes nothing
    precompress(second)
    for suffix in (".gz", ".br"):
        name = f"assets/stylesheets/main.min.css{suffix}"
        assert (first / name).read_bytes() == (second / name).read_bytes()
    header = (first / "assets/stylesheets/main.min.css.gz").read_bytes()[:10]
    assert header[4:8] == b"\0\0\0\0"  # gzip's mtime field: 0, not the clock


def test_a_site_without_assets_is_fine(tmp_path: Path) -> None:
    assert precompress(tmp_path).files == 0


def test_the_same_script_in_each_search_part_is_compressed_once(tmp_path: Path, monkeypatch: Any) -> None:
    site = _site(tmp_path)
    for n in range(2, 6):  # a province's index parts (shards.py) carry Pagefind's scripts again
        (site / f"pagefind/part-{n}").mkdir()
        (site / f"pagefind/part-{n}/pagefind-ui.js").write_bytes((site / "pagefind/pagefind-ui.js").read_bytes())
    calls: list[int] = []
    real = precompress_module.brotli_bytes
    monkeypatch.setattr(precompress_module, "brotli_bytes", lambda data: calls.append(len(data)) or real(data))
    precompress(site)
    # bundle.min.js, main.min.css, random.js and pagefind-ui.js: once each, however many parts.
    assert len(calls) == 4
    first = (site / "pagefind/pagefind-ui.js.br").read_bytes()
    assert all((site / f"pagefind/part-{n}/pagefind-ui.js.br").read_bytes() == first for n in range(2, 6))
