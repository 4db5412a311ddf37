"""National scale: one build per province, one search page over all of them (mergeIndex); and
the folder each part of a province's index is made from (shards.mirror)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_util import chromium, require_chromium, serve
from test_pages import build, write_site

from conftest import REPO
from portal_mkdocs import shards

SHARDS = {
    "dien-bien": ["schools/pgddt-dien-bien-phu.yml", "people/pgddt-dien-bien-phu.yml",
                  "documents/dien-bien-phu.yml", "years/2024-2025/pgddt-dien-bien-phu.yml"],
    "cu-chi": ["schools/pgddt-cu-chi.yml", "people/pgddt-cu-chi.yml", "documents/cu-chi-dau-tieng.yml",
               "years/2024-2025/pgddt-cu-chi.yml"],
}

# One page for the whole country: the first shard's Pagefind, the others merged in.
NATIONAL_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Tìm kiếm toàn quốc</title></head>
<body><script type="module">
  const pagefind = await import("./dien-bien/pagefind/pagefind.js");
  await pagefind.options({ baseUrl: "/dien-bien/" });
  await pagefind.mergeIndex("/cu-chi/pagefind", { baseUrl: "/cu-chi/" });
  window.search = async (query) => {
    const found = await pagefind.search(query);
    const pages = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
    return pages.map((page) => page.url);
  };
  window.ready = true;
</script></body></html>
"""


def test_one_search_page_finds_people_of_two_separately_built_provinces(tmp_path: Path) -> None:
    require_chromium()
    public = tmp_path / "public"
    for shard, files in SHARDS.items():
        root = tmp_path / shard
        for name in ["offices.yml", "subjects.yml", *files]:
            target = root / "data" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / "data" / name, target)
        write_site(root, data=root / "data")
        result = build(root)
        assert result.returncode == 0, result.stderr
        shutil.copytree(root / "site", public / shard)
    (public / "index.html").write_text(NATIONAL_PAGE, encoding="utf-8")
    with serve(public) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base)
        page.wait_for_function("window.ready === true", timeout=20_000)
        dien_bien = page.evaluate("search('ha thi lien')")
        cu_chi = page.evaluate("search('nguyen van quy')")
    assert dien_bien[0] == "/dien-bien/nguoi/dbp-ha-thi-lien/"
    assert cu_chi[0] == "/cu-chi/nguoi/cc-nguyen-van-quy/"


@pytest.mark.parametrize("in_memory", [True, False])
def test_a_parts_mirror_holds_its_pages_at_their_paths_and_is_gone_afterwards(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_memory: bool) -> None:
    """In memory (symbolic links, where /dev/shm is) or beside the site (hard links)."""
    memory = tmp_path / "shm"
    if in_memory:
        memory.mkdir()
    monkeypatch.setattr(shards, "IN_MEMORY", memory)
    site = tmp_path / "site"
    pages = {"nguoi/ha-thi-lien/index.html": "Hà Thị Liên", "truong/th-a/2024-2025/index.html": "Trường A",
             "index.html": "Trang chủ"}
    for path, text in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    part = sorted(pages)[1:]
    with shards.mirror(site, part) as folder:
        assert (memory in folder.parents) is in_memory
        held = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
        assert held == part
        assert all((folder / path).read_text(encoding="utf-8") == pages[path] for path in part)
    assert not folder.exists() and all((site / path).is_file() for path in pages)
    assert not in_memory or list(memory.iterdir()) == []
