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

from portal.build_cache import BuildCache

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


# gzip_bytes's header: no file name, mtime 0, level 9, "unknown" system.
GZIP_HEADER = gzip_bytes(b"")[:10]


def gzip_unpacks_to(packed: bytes, data: bytes) -> bool:
    """`packed` is what gzip_bytes writes for `data`: its header, one member, nothing after it
    (a browser reads only the first of several members), and not a byte more than `data`."""
    if not packed.startswith(GZIP_HEADER):
        return False
    reader = zlib.decompressobj(wbits=31)
    try:
        return reader.decompress(packed, len(data) + 1) == data and reader.eof and not reader.unused_data
    except zlib.error:
        return False


def brotli_unpacks_to(packed: bytes, data: bytes) -> bool:
    """`packed` is one Brotli stream of `data`, read no further than a byte more than `data`."""
    reader = brotli.Decompressor()
    try:
        return reader.process(packed, output_buffer_limit=len(data) + 1) == data and bool(reader.is_finished())
    except brotli.error:
        return False


@dataclass(frozen=True)
class Method:
    suffix: str
    recipe: str  # how the copy is made, as the cache names it: settings and library version
    compress: Callable[[bytes], bytes]
    unpacks_to: Callable[[bytes, bytes], bool]  # whether a kept copy is whole (packed, data)


METHODS = (
    # Python's gzip writes the header (its fields have changed between versions), zlib the rest.
    Method(".gz", f"gzip level 9 mtime 0, Python {platform.python_version()}, zlib {zlib.ZLIB_RUNTIME_VERSION}",
           gzip_bytes, gzip_unpacks_to),
    Method(".br", f"brotli quality 11, brotli {brotli.__version__}", brotli_bytes, brotli_unpacks_to),
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
                packed = cache.get(method.recipe, data, partial(_whole, method, data), max_bytes=_max_packed(data))
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


def _whole(method: Method, data: bytes, packed: bytes) -> bool:
    return method.unpacks_to(packed, data)


def _max_packed(data: bytes) -> int:
    """The most a copy of `data` may take: incompressible data grows a little (gzip: 5 bytes a
    16 KiB block and its header; Brotli: a few bytes)."""
    return len(data) + len(data) // 1000 + 1024
