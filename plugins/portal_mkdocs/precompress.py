"""Precompressed copies of the site's large assets, for static hosts that serve them.

A host that compresses on the fly needs none of this; one that serves a `.gz` (or `.br`)
found beside the file asked for (nginx `gzip_static`, Caddy `precompressed`, Netlify,
most CDNs) then sends Material's stylesheet and bundle, the portal's, and Pagefind's UI at
a fifth of their size without spending CPU on them.

Deterministic: gzip is written with mtime 0 and no file name, Brotli is deterministic by
design, so that the same site gives the same bytes (tests/test_output.py compares two
builds). A copy is kept only where it is smaller than the file by at least a tenth.
Written in the publisher's staging folder, so that the copies go live with the site.
Most of these files are Material's and Pagefind's, the same from build to build: their
copies are kept between builds (build_cache.py), checked when read.
"""

from __future__ import annotations

import gzip
import platform
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import brotli

from .build_cache import BuildCache

# What compresses well and a browser asks for at once: style, scripts, WebAssembly, data.
SUFFIXES = frozenset({".css", ".js", ".mjs", ".json", ".svg", ".wasm", ".xml", ".csv", ".ics"})
# Folders of the theme's and the search's assets; pages themselves are small (a few KB
# compressed), each read once: a host compresses them well enough on the fly.
FOLDERS = ("assets", "pagefind")
MIN_BYTES = 4096  # below this, one packet either way
GAIN = 0.9  # keep a copy only if at most 90 % of the file's size


@dataclass(frozen=True)
class Compressed:
    files: int  # files that got copies
    bytes_in: int
    gzip_bytes: int
    brotli_bytes: int


def candidates(site: Path) -> Iterator[Path]:
    for folder in FOLDERS:
        root = site / folder
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.suffix in SUFFIXES and path.is_file() and path.stat().st_size >= MIN_BYTES:
                    yield path


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    return bytes(brotli.compress(data, quality=11))


@dataclass(frozen=True)
class Method:
    suffix: str
    recipe: str  # how the copy is made, as the cache names it: settings and library version
    compress: Callable[[bytes], bytes]
    decompress: Callable[[bytes], bytes]


METHODS = (
    # Python's gzip writes the header (its fields have changed between versions), zlib the rest.
    Method(".gz", f"gzip level 9 mtime 0, Python {platform.python_version()}, zlib {zlib.ZLIB_RUNTIME_VERSION}",
           gzip_bytes, gzip.decompress),
    Method(".br", f"brotli quality 11, brotli {brotli.__version__}", brotli_bytes, brotli.decompress),
)
CACHE_KIND = "precompressed"  # the subfolder of the cache (build_cache.py)


def precompress(site: Path, cache_folder: Path | None) -> Compressed:
    """Write `<file>.gz` and `<file>.br` beside each large asset of `site`; copies made by an
    earlier build are taken from the cache in `cache_folder` (None: each is made here)."""
    cache = BuildCache(cache_folder, CACHE_KIND)
    files = bytes_in = gz_total = br_total = 0
    # Each part of a province's search index (shards.py) has the same scripts as the first:
    # each content is compressed once (Brotli's best is about 1 MB/s).
    packed_before: dict[tuple[str, bytes], bytes] = {}
    for path in candidates(site):
        data = path.read_bytes()
        wrote = False
        for method in METHODS:
            suffix = method.suffix
            packed = packed_before.get((suffix, data))
            if packed is None:
                packed = cache.get(method.recipe, data, partial(_unpacks_to, method.decompress, data))
                if packed is None:
                    packed = method.compress(data)
                    cache.put(method.recipe, data, packed)
                packed_before[(suffix, data)] = packed
            if len(packed) <= GAIN * len(data):
                path.with_name(path.name + suffix).write_bytes(packed)
                wrote = True
                if suffix == ".gz":
                    gz_total += len(packed)
                else:
                    br_total += len(packed)
        if wrote:
            files += 1
            bytes_in += len(data)
    cache.prune()
    return Compressed(files, bytes_in, gz_total, br_total)


def _unpacks_to(decompress: Callable[[bytes], bytes], data: bytes, packed: bytes) -> bool:
    """Whether a kept copy is whole: it decompresses to the file (a few ms for Material's bundle)."""
    try:
        return decompress(packed) == data
    except (brotli.error, zlib.error, EOFError, OSError):  # damaged (gzip.BadGzipFile is an OSError)
        return False
