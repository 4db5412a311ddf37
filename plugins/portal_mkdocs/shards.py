"""The search index of a large site, in parts that the browser merges (Pagefind's mergeIndex).

Pagefind holds every page it indexes in memory until it writes the bundle: with Pagefind
1.6, about 7 times the bytes of the HTML it reads (2 GB for 272 MB of school pages), so a
province of 25,000 pages (640 MB) would need over 4 GB in one run. The searchable pages
are therefore cut, in the order of their paths, into parts of about the same bytes, at
most `bytes_per_part` each (unless a page alone is larger), and Pagefind runs once per
part, one run after the other: the memory is that of the largest part. The first part's bundle is
`pagefind/` itself, part n (n >= 2) is `pagefind/part-n/`, and `pagefind/portal-parts.json`
lists the others for the search script (overrides/assets/javascripts/portal-search.js),
which merges them into the first with Pagefind's `mergeIndex`. A site of one part (every
office's portal, the tests' sites) has an empty list: its bundle is what it always was.

Each run sees a folder that mirrors the site with links to its part's pages only
(`--site`), so the URLs in every part are the site's own. Where the system has a folder in
memory (/dev/shm on Linux), the mirror is made there with symbolic links, which Pagefind
follows: each page of a province has a folder of its own, and making then removing 20,000
folders and links on the disk took longer than indexing them (the file system's journal).
Elsewhere it is made beside the site, with hard links (copies where there are none).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

MANIFEST = "portal-parts.json"
PART_FOLDER = "part-{n}"
# What Pagefind indexes: a page with this attribute on its article (overrides/main.html).
# Every part holds such pages only, or Pagefind would index the whole of a part's pages.
BODY_MARK = b"data-pagefind-body"
IN_MEMORY = Path("/dev/shm")  # a tmpfs on Linux: where a part's mirror is made, if it is there


def searchable_pages(site: Path, bundle: str, noted: Mapping[str, int] | None = None,
                     noted_others: Collection[str] = ()) -> list[tuple[str, int]]:
    """The site's pages that Pagefind indexes, as (path relative to `site`, bytes), sorted.
    Pages `noted` (searchable, with their bytes) or in `noted_others` (not searchable) as
    they were written (written.py) are not read again."""
    noted = noted or {}
    pages = []
    for page in site.rglob("*.html"):
        relative = page.relative_to(site).as_posix()
        if relative.split("/", 1)[0] == bundle or relative in noted_others:
            continue
        if relative in noted:
            pages.append((relative, noted[relative]))
            continue
        content = page.read_bytes()
        if BODY_MARK in content:
            pages.append((relative, len(content)))
    return sorted(pages)


def split(pages: list[tuple[str, int]], bytes_per_part: float) -> list[list[str]]:
    """The paths of `pages` in as few consecutive parts as `bytes_per_part` allows, each
    of about the same bytes."""
    total = sum(size for _, size in pages)
    count = max(1, math.ceil(total / bytes_per_part))
    parts: list[list[str]] = [[] for _ in range(count)]
    done = 0
    for path, size in pages:  # a page goes to the part its middle byte falls in
        parts[min(count - 1, int((done + size / 2) * count / total))].append(path)
        done += size
    return [part for part in parts if part]


def part_output(bundle: Path, n: int) -> Path:
    """Where part n (from 1) writes its bundle."""
    return bundle if n == 1 else bundle / PART_FOLDER.format(n=n)


def write_manifest(bundle: Path, count: int) -> None:
    """The bundles of parts 2..count, relative to the first, for the search script."""
    merged = [PART_FOLDER.format(n=n) + "/" for n in range(2, count + 1)]
    (bundle / MANIFEST).write_text(json.dumps({"merge": merged}) + "\n", encoding="utf-8")


@contextmanager
def mirror(site: Path, pages: list[str]) -> Iterator[Path]:
    """A folder holding links to `pages` at their paths, removed afterwards: symbolic links
    in a folder of its own in memory (IN_MEMORY), else hard links beside `site` (copies
    where the file system has no hard links)."""
    if IN_MEMORY.is_dir() and os.access(IN_MEMORY, os.W_OK | os.X_OK):
        folder = Path(tempfile.mkdtemp(prefix="portal-search-part-", dir=IN_MEMORY))
        site = site.resolve()  # the links' targets

        def place(source: Path, target: Path) -> None:
            target.symlink_to(source)
    else:
        folder = site.parent / f".{site.name}.search-part"
        if folder.exists():
            shutil.rmtree(folder)

        def place(source: Path, target: Path) -> None:
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
    try:
        for relative in pages:
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            place(site / relative, target)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
