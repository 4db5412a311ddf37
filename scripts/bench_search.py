"""Measure the search: index size, bytes a first query downloads, index time per page.

    python3 scripts/bench_search.py                  # the built site/ and 5000 synthetic pages
    python3 scripts/bench_search.py --pages 20000    # a bigger synthetic site
    python3 scripts/bench_search.py --site /tmp/site --pages 0

Two sites are measured:

1. The portal as built (`site/`, built first with `mkdocs build` when missing): the size
   of the Pagefind bundle, and what a first search downloads, measured in chromium
   (/usr/bin/chromium) by typing into the header search and adding up every file
   fetched from pagefind/.
2. A synthetic site of `--pages` pages (people, bodies with rosters, documents, with
   Vietnamese names and the same search markup as the portal: folded đ copies, title,
   summary, filters), written to a temp dir and indexed as the build does
   (portal_mkdocs.search.build_index, the binary of the Python package `pagefind[bin]`):
   index time per page, index size, and the bytes of a first query (Pagefind's JS API,
   with the data of the first 8 results, what the UI shows).

Prints figures only; no assertion. Without chromium the download figures are skipped.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from html import escape
from pathlib import Path
from typing import Any

from _serve import serve

from portal_mkdocs.search import SearchData, annotate, build_index

REPO = Path(__file__).resolve().parent.parent  # the repository: scripts/ is in it

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Lò", "Tạ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Thu", "Hồng", "Quang", "Xuân", "Thùy",
          "Kim", "Tấn", "Vân", "Đình"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hương", "Khoa", "Lan",
         "Liên", "Linh", "Long", "Mai", "Nam", "Nga", "Nhạn", "Phúc", "Quân", "Sơn", "Tâm", "Thảo",
         "Thủy", "Trang", "Tuấn", "Vân", "Yến", "Điệp", "Đông", "Hoa"]
SUBJECTS = ["Toán", "Ngữ văn", "Tiếng Anh", "Vật lí", "Hóa học", "Sinh học", "Lịch sử", "Địa lí",
            "Giáo dục công dân", "Tin học", "Công nghệ", "Giáo dục thể chất", "Âm nhạc", "Mĩ thuật"]
ROLES = ["Tổ trưởng", "Tổ phó", "Nhóm trưởng", "Phó Nhóm trưởng", "Cụm trưởng", "Ủy viên", "Thành viên"]
PLACES = ["Điện Biên Phủ", "Củ Chi", "Dầu Tiếng", "Đồng Xoài", "Đà Lạt", "Thủ Đức", "Đông Hà", "Định Quán"]
DUTY = ("Tham mưu cho Trưởng phòng Giáo dục và Đào tạo xây dựng kế hoạch bồi dưỡng thường xuyên; "
        "hỗ trợ đồng nghiệp đổi mới phương pháp dạy học, kiểm tra đánh giá theo định hướng phát triển "
        "phẩm chất, năng lực học sinh; tổ chức sinh hoạt chuyên môn theo nghiên cứu bài học.")


# Synthetic site ---------------------------------------------------------------------------


def _page(title: str, body: str, data: SearchData) -> str:
    article = annotate(body, data, heading_weight=10.0)
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'</head><body><header><nav>Trang chủ · Năm học · Trường · Đơn vị · Văn bản</nav></header>'
            f'<main><article data-pagefind-body>{article}</article></main>'
            f'<footer>Tổ cốt cán và cụm chuyên môn</footer></body></html>')


def write_synthetic_site(root: Path, pages: int, seed: int = 2025) -> float:
    """Write `pages` HTML pages under root; returns the seconds spent on the search markup."""
    rng = random.Random(seed)
    names = [f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(max(pages, 50))]
    offices = [f"Phòng GDĐT {place}" for place in PLACES]
    markup = 0.0
    (root / "index.html").write_text('<!doctype html><html lang="vi"><body></body></html>', encoding="utf-8")
    for n in range(pages):
        year = f"{2015 + n % 10}-{2016 + n % 10}"
        office = offices[n % len(offices)]
        kind = n % 10
        if kind < 6:  # a person's page
            name = names[n]
            rows = "".join(f"<tr><td>{2015 + (n + i) % 10}-{2016 + (n + i) % 10}</td><td>Nhóm "
                           f"{rng.choice(SUBJECTS)}</td><td>{rng.choice(ROLES)}</td>"
                           f"<td>Giáo viên - THCS {rng.choice(PLACES)}</td></tr>" for i in range(rng.randint(1, 4)))
            body = (f"<h1>{escape(name)}</h1><h2>Vai trò qua các năm học</h2><table><thead><tr><th>Năm học</th>"
                    f"<th>Tổ chức</th><th>Vai trò</th><th>Chức vụ - Đơn vị công tác</th></tr></thead>"
                    f"<tbody>{rows}</tbody></table>")
            title, url = name, f"nguoi/p{n}"
            data = SearchData(title, f"Giáo viên · {office}", {"nam_hoc": [year], "vai_tro": ["Ủy viên"]})
        elif kind < 9:  # a body with its roster
            subject = rng.choice(SUBJECTS)
            roster = "".join(f"<tr><td>{i + 1}</td><td>{escape(rng.choice(names))}</td><td>{rng.choice(ROLES)}</td>"
                             f"<td>Giáo viên - THCS {rng.choice(PLACES)}</td><td>{subject}</td></tr>"
                             for i in range(rng.randint(8, 40)))
            body = (f"<h1>Nhóm {subject} <small>năm học {year}</small></h1><dl><dt>Loại</dt><dd>Nhóm bộ môn"
                    f"</dd><dt>Thành lập theo</dt><dd>Quyết định số {n}/QĐ-PGDĐT</dd></dl><h2>Danh sách</h2>"
                    f"<table><tbody>{roster}</tbody></table><h2>Nhiệm vụ</h2><ul><li>{DUTY}</li></ul>")
            title, url = f"Nhóm {subject} — {year}", f"to-chuc/b{n}/{year}"
            data = SearchData(title, f"Nhóm bộ môn · {office} · năm học {year}",
                              {"nam_hoc": [year], "don_vi": [office], "mon": [subject]})
        else:  # a document with its text
            text = " ".join(DUTY for _ in range(rng.randint(3, 12)))
            body = (f"<h1>Quyết định số {n}/QĐ-PGDĐT</h1><p>Về việc thành lập tổ cốt cán năm học {year}</p>"
                    f"<p>{text}</p><p>Người ký: {escape(rng.choice(names))}</p>")
            title, url = f"Quyết định {n}/QĐ-PGDĐT", f"van-ban/d{n}"
            data = SearchData(title, f"{office} · năm học {year}",
                              {"nam_hoc": [year], "don_vi": [office], "loai_van_ban": ["Quyết định"]})
        started = time.perf_counter()
        html = _page(title, body, data)
        markup += time.perf_counter() - started
        path = root / url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return markup


# Measuring --------------------------------------------------------------------------------


def bundle_sizes(site: Path) -> dict[str, int]:
    """Bytes of the Pagefind bundle, by part."""
    parts: dict[str, int] = defaultdict(int)
    for path in (site / "pagefind").rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        if path.suffix in (".pf_fragment",):
            parts["fragments (one per page)"] += size
        elif path.suffix in (".pf_index", ".pf_meta", ".pf_filter"):
            parts["word index, metadata, filters"] += size
        else:
            parts["scripts, styles, wasm (UI and engine)"] += size
        parts["total"] += size
    return dict(parts)


def first_query_bytes(site: Path, query: str, *, header_ui: bool) -> dict[str, int] | None:
    """Bytes fetched from pagefind/ by one first search in a fresh browser (no cache)."""
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    fetched: dict[str, int] = {}  # file under pagefind/ -> its size on disk (as served)
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                      else route.abort())
        page = context.new_page()

        def record(request: Any) -> None:
            if request.url.startswith(base) and "/pagefind/" in request.url:
                name = request.url.split("/pagefind/", 1)[1].split("?", 1)[0]
                fetched[name] = (site / "pagefind" / name).stat().st_size

        page.on("request", record)
        page.goto(base)
        if header_ui:
            page.click(".portal-search__toggle")
            page.fill("#portal-search-input", query)
            page.wait_for_selector("#portal-search-ui .pagefind-ui__result-link", timeout=30_000)
            page.wait_for_load_state("networkidle")
        else:
            page.evaluate("""async (q) => {
              const pagefind = await import('/pagefind/pagefind.js');
              const search = await pagefind.search(q);
              await Promise.all(search.results.slice(0, 8).map(r => r.data()));
            }""", query)
        browser.close()
    kinds: dict[str, int] = defaultdict(int)
    for name, size in fetched.items():
        kind = ("fragments" if name.endswith(".pf_fragment") else "index chunks" if name.endswith(".pf_index")
                else "wasm" if ".pagefind" in name and "wasm" in name else "filters" if name.endswith(".pf_filter")
                else "UI (js, css)" if "-ui." in name else "engine (js, entry, meta)")
        kinds[kind] += size
        kinds["total"] += size
    kinds["files"] = len(fetched)
    return dict(kinds)


def _kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB" if n >= 1024 else f"{n} B"


def _print_parts(title: str, parts: dict[str, int] | None) -> None:
    if parts is None:
        print(f"  {title}: (không đo được: không có {CHROMIUM})")
        return
    files = parts.pop("files", None)
    total = parts.pop("total")
    detail = ", ".join(f"{k} {_kib(v)}" for k, v in sorted(parts.items()))
    print(f"  {title}: {_kib(total)}" + (f" in {files} files" if files is not None else "") + f" ({detail})")


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def bench_portal(site: Path, query: str) -> None:
    if not (site / "pagefind" / "pagefind-entry.json").exists():
        print(f"building the portal into {site} ...")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                       cwd=REPO, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                       capture_output=True)
    stats = build_index(site)  # again, to time it alone
    print(f"Portal ({site}): {stats.pages} pages indexed in {stats.seconds:.2f} s "
          f"({stats.seconds / max(stats.pages, 1) * 1000:.2f} ms/page)")
    _print_parts("index size", bundle_sizes(site))
    _print_parts(f"first query {query!r} in the header UI", first_query_bytes(site, query, header_ui=True))
    _print_parts(f"first query {query!r}, JS API only", first_query_bytes(site, query, header_ui=False))
    ui = site / "pagefind"
    print(f"  (with gzip on the server: pagefind-ui.js {_kib(_gzip_size(ui / 'pagefind-ui.js'))}, "
          f"pagefind.js {_kib(_gzip_size(ui / 'pagefind.js'))}; index files are gzipped already)")


def bench_synthetic(pages: int, query: str, keep: Path | None) -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-search-")) if keep is None else keep
    try:
        started = time.perf_counter()
        markup = write_synthetic_site(root, pages)
        written = time.perf_counter() - started
        stats = build_index(root)
        print(f"Synthetic site ({pages} pages, {root}): written in {written:.1f} s "
              f"(search markup {markup / max(pages, 1) * 1000:.2f} ms/page)")
        print(f"  indexed {stats.pages} pages in {stats.seconds:.2f} s "
              f"= {stats.seconds / max(stats.pages, 1) * 1000:.2f} ms/page")
        _print_parts("index size", bundle_sizes(root))
        _print_parts(f"first query {query!r}, JS API (+ data of 8 results)",
                     first_query_bytes(root, query, header_ui=False))
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo tìm kiếm: kích thước chỉ mục, dung lượng tải, thời gian.")
    parser.add_argument("--site", type=Path, default=REPO / "site", help="the built portal (site/)")
    parser.add_argument("--pages", type=int, default=5000, help="pages of the synthetic site (0: skip)")
    parser.add_argument("--query", default="nguyen van an", help="the query of the synthetic site")
    parser.add_argument("--portal-query", default="ha thi lien", help="the query of the portal")
    parser.add_argument("--keep", type=Path, help="write the synthetic site here and keep it")
    args = parser.parse_args(argv)
    if args.site:
        bench_portal(args.site.resolve(), args.portal_query)
    if args.pages > 0:
        bench_synthetic(args.pages, args.query, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
