"""Benchmark the build: the synthetic province against a plain Material site of as many pages.

    python3 scripts/bench_build.py                          # scale 1.0 and 0.1 (a few minutes)
    python3 scripts/bench_build.py --scale 1 --scale 2.5    # the targets of issue 16 (about 15 minutes)
    python3 scripts/bench_build.py --scale 0.2              # quicker: 0.2 and 0.02
    python3 scripts/bench_build.py --profile                # also profile the first scale's build (cProfile)
    python3 scripts/bench_build.py --preview                # also the preview of an edit under mkdocs serve
    python3 scripts/bench_build.py --core /tmp/old/plugins  # another checkout's code (git archive <commit> plugins)

In one run:

(a) generates the province (scripts/generate_province.py) at each `--scale` (and at a
    tenth of the first), and builds each with `python3 -m mkdocs build` in a subprocess;
(b) builds a plain Material site (same theme, no portal plugin, no search plugin) with as
    many pages as (a) at the first `--scale`: hub pages in the nav, every other page a
    Markdown page out of the nav with a table of as many rows and columns as an average
    roster page of (a), in Vietnamese, with a link in every row.

Prints pages, wall and CPU time, ms per page, the ratio (a)/(b) of ms per page, the peak
memory two ways (ru_maxrss of RUSAGE_CHILDREN: the largest single process; and the sum of
the build's processes alive at once, Pss sampled every second from /proc), Pagefind's time, its
own peak memory and index size, the scaling between the two sizes of (a), and marks each
target of issue 16 met or missed for the scales it names (1 and 2.5). With `--preview`,
(c): `mkdocs serve` on the province at the first scale; once it is up and has mapped its
pages, one data file is edited at a time (a person renamed, a decision's date), and the
time from writing the file to the affected page served with the change is the preview's
latency. No assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import generate_province as gen
import yaml

from portal_mkdocs.notices import PREVIEW_READY  # logged by the plugin once it has mapped the served site

REPO = Path(__file__).resolve().parent.parent  # the repository: scripts/ is in it

# Runs one command as its child and writes its wall time and peak memory to a JSON file.
# RUSAGE_CHILDREN in a fresh process: the peak of the largest single process of this one
# build (and of what it waits for, such as the Pagefind binary), not of earlier builds. A
# thread sums the proportional set size (Pss) of the whole process tree every second: the
# build's Python process, its forked workers and Pagefind are alive at once. Reading Pss walks
# each process's page tables in the kernel: every 0.2 s, the sampler took a fifth of one of
# the machine's two cores from the build it measured (docs/benchmarks.md, run 10).
_WRAPPER = """
import json, os, resource, subprocess, sys, threading, time
out, cmd = sys.argv[1], sys.argv[2:]

def tree(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found

def status(pid):
    # Pss: a page shared by the forked workers counts once, split among them.
    try:
        with open(f"/proc/{pid}/comm") as f:
            name = f.read().strip()
        with open(f"/proc/{pid}/smaps_rollup") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
        return name, int(fields.get("Pss", "0 kB").split()[0])
    except (OSError, KeyError, ValueError):
        return "", 0

peak = {"total": 0, "pagefind": 0}
started = time.perf_counter()
child = subprocess.Popen(cmd)

def sample():
    while child.poll() is None:
        found = [status(pid) for pid in tree(child.pid)]
        peak["total"] = max(peak["total"], sum(kb for _, kb in found))
        peak["pagefind"] = max(peak["pagefind"], sum(kb for name, kb in found if name.startswith("pagefind")))
        time.sleep(1)

sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
rc = child.wait()
wall = time.perf_counter() - started
sampler.join()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:
    json.dump({"wall": wall, "maxrss_kb": usage.ru_maxrss, "user": usage.ru_utime, "sys": usage.ru_stime,
               "rc": rc, "sampled_kb": peak["total"], "pagefind_kb": peak["pagefind"]}, f)
"""

_PAGEFIND_LOG = re.compile(r"Pagefind: (\d+) trang, (\d+) tệp, (\d+) KiB trong ([\d.]+) s(?:, (\d+) phần)?")
_TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.DOTALL)
_ROSTER = re.compile(r'<table class="portal-roster">.*?</table>', re.DOTALL)


@dataclass
class Build:
    label: str
    pages: int
    wall: float
    cpu: float
    maxrss_mb: float
    sampled_mb: float  # the whole process tree at once, sampled
    warnings: int
    rc: int
    pagefind: str
    pagefind_seconds: float | None
    site_mb: float
    stderr: str

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall / max(self.pages, 1)


def env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


def measured(cmd: list[str], cwd: Path) -> tuple[dict[str, Any], str]:
    """Run `cmd` in a wrapper process; its figures, and what it printed."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = Path(f.name)
    try:
        result = subprocess.run([sys.executable, "-c", _WRAPPER, str(out), *cmd], cwd=cwd, env=env(),
                                capture_output=True, text=True)
        figures: dict[str, Any] = json.loads(out.read_text())
    finally:
        out.unlink(missing_ok=True)
    return figures, result.stdout + result.stderr


def folder_size(path: Path) -> tuple[int, int]:
    files = [f for f in path.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files), len(files)


def count_pages(site: Path) -> int:
    return sum(1 for p in site.rglob("index.html") if "pagefind" not in p.relative_to(site).parts)


def build(root: Path, label: str) -> Build:
    figures, output = measured([sys.executable, "-m", "mkdocs", "build"], root)
    site = root / "site"
    warnings = sum(1 for line in output.splitlines() if line.startswith("WARNING"))
    pagefind_seconds: float | None = None
    index = site / "pagefind"
    if index.is_dir():
        size, files = folder_size(index)
        logged = _PAGEFIND_LOG.search(output)
        if logged:
            pagefind_seconds = float(logged.group(4))
        took = f"{pagefind_seconds:.1f} s" if pagefind_seconds is not None else "time not logged"
        parts = f", {logged.group(5)} part(s)" if logged and logged.group(5) else ""
        pagefind = (f"{took}, peak {figures['pagefind_kb'] / 1024:.0f} MiB, index {size / 2**20:.1f} MiB "
                    f"in {files} files{parts}")
    else:
        pagefind = "not run"
    site_bytes = folder_size(site)[0] if site.is_dir() else 0
    return Build(label=label, pages=count_pages(site) if site.is_dir() else 0, wall=figures["wall"],
                 cpu=figures["user"] + figures["sys"], maxrss_mb=figures["maxrss_kb"] / 1024,
                 sampled_mb=figures["sampled_kb"] / 1024,
                 warnings=warnings, rc=figures["rc"], pagefind=pagefind, pagefind_seconds=pagefind_seconds,
                 site_mb=site_bytes / 2**20, stderr=output)


def generate(root: Path, scale: float, seed: int) -> tuple[float, dict[str, str]]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(REPO / "scripts/generate_province.py"), "--out", str(root),
                             "--scale", str(scale), "--seed", str(seed)], capture_output=True, text=True, env=env(),
                            check=True)
    seconds = time.perf_counter() - started
    counts = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    return seconds, counts


def roster_shape(site: Path) -> tuple[int, int]:
    """Rows and columns of an average roster table on the body pages of a built portal."""
    rows: list[int] = []
    columns: list[int] = []
    for page in sorted((site / "to-chuc").rglob("index.html")) if (site / "to-chuc").is_dir() else []:
        html = page.read_text(encoding="utf-8")
        table = _ROSTER.search(html)
        if not table:
            continue
        body = _TBODY.search(table.group(0))
        rows.append(body.group(1).count("<tr>") if body else 0)
        columns.append(table.group(0).split("</thead>")[0].count("<th"))
    if not rows:
        return 8, 6
    return max(1, round(sum(rows) / len(rows))), max(1, round(sum(columns) / len(columns)))


def plain_site(root: Path, pages: int, rows: int, columns: int, theme: dict[str, Any], nav: list[Any]) -> None:
    """A Material site of Markdown pages: the hubs in the nav, every other page out of it."""
    rng = random.Random(7)
    docs = root / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    (docs / "p").mkdir(parents=True)
    hubs = [next(iter(entry.values())) for entry in nav]
    leaves = max(0, pages - len(hubs))
    for hub in hubs:
        links = "\n".join(f"- [Trang {i + 1}](p/{i:05d}.md)" for i in range(0, leaves, max(1, leaves // 50)))
        (docs / hub).write_text(f"# Trang {hub[:-3]}\n\nCác trang tiêu biểu:\n\n{links}\n", encoding="utf-8")
    head = ["STT", "Họ và tên", "Vai trò", "Chức vụ - Đơn vị công tác", "Môn", "Ghi chú", "Năm học", "Đơn vị"]
    head = (head + [f"Cột {i}" for i in range(len(head), columns)])[:columns]
    subjects = [name for _, name, _, _ in gen.SUBJECTS]
    roles = ["Nhóm trưởng", "Phó Nhóm trưởng", "Ủy viên", "Ủy viên", "Ủy viên", "Thành viên"]
    for i in range(leaves):
        subject = subjects[i % len(subjects)]
        lines = [f"# Nhóm {subject} — năm học {2016 + i % 10}-{2017 + i % 10}", "",
                 f"Loại: Nhóm bộ môn, môn {subject}. Thành lập theo Quyết định số {100 + i % 300}/QĐ-PGDĐT "
                 f"ngày {5 + i % 20}/9/{2016 + i % 10}: Về việc thành lập tổ cốt cán giáo viên cấp huyện.", "",
                 "## Danh sách", "", "| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for r in range(rows):
            family = gen.weighted(rng, gen.FAMILY_NAMES)
            male = rng.random() < 0.3
            name = f"{family} {gen.weighted(rng, gen.MIDDLE_MALE if male else gen.MIDDLE_FEMALE)} " \
                   f"{rng.choice(gen.GIVEN_MALE if male else gen.GIVEN_FEMALE)}"
            target = rng.randrange(leaves)
            cells = [str(r + 1), f"[{name}]({target:05d}.md)", roles[r % len(roles)],
                     f"Giáo viên - THCS {rng.choice(gen.NAMESAKES)}", subject, "Nhóm trưởng" if r == 0 else "",
                     f"{2016 + i % 10}-{2017 + i % 10}", "Phòng GDĐT huyện Tân Lập"]
            cells = (cells + ["…"] * columns)[:columns]
            lines.append("| " + " | ".join(cells) + " |")
        (docs / "p" / f"{i:05d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = {"site_name": "Trang Markdown thuần (đo so sánh)", "docs_dir": "docs", "site_dir": "site",
              "use_directory_urls": True, "theme": theme, "plugins": [], "nav": nav, "not_in_nav": "/p/",
              "markdown_extensions": ["tables"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def profile(root: Path, top: int) -> None:
    """Profile a full build of `root` and print the hotspots in plugins/portal*."""
    import pstats

    out = root / "build.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build"], cwd=root, env=env(),
                   capture_output=True, text=True, check=False)
    stats = pstats.Stats(str(out))
    entries = []
    for (file, line, func), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/plugins/portal" in file:
            entries.append((cumtime, tottime, calls, f"{Path(file).parent.name}/{Path(file).name}:{line}({func})"))
    total = sum(t for (_, _, t, _, _) in stats.stats.values())  # type: ignore[attr-defined]
    print(f"\nProfile of the full build (cProfile; total self time {total:.1f} s; {out})")
    print("  by cumulative time, plugins/portal* only:")
    for cumtime, tottime, calls, name in sorted(entries, reverse=True)[:top]:
        print(f"    {cumtime:8.2f} s cum  {tottime:7.2f} s self  {calls:>9} calls  {name}")
    print("  by self time, plugins/portal* only:")
    for cumtime, tottime, calls, name in sorted(entries, key=lambda e: -e[1])[:top]:
        print(f"    {tottime:8.2f} s self {cumtime:7.2f} s cum   {calls:>9} calls  {name}")


def show(b: Build) -> None:
    print(f"  {b.label}")
    print(f"    pages: {b.pages}   wall: {b.wall:.1f} s   cpu: {b.cpu:.1f} s   ms/page: {b.ms_per_page:.2f}")
    print(f"    peak memory: {b.maxrss_mb:.0f} MiB largest process, {b.sampled_mb:.0f} MiB all at once   "
          f"warnings: {b.warnings}   exit code: {b.rc}   site: {b.site_mb:.0f} MiB")
    print(f"    pagefind: {b.pagefind}")
    if b.rc != 0:
        print("    build failed; last lines:\n      " + "\n      ".join(b.stderr.strip().splitlines()[-15:]))


@dataclass(frozen=True)
class Target:
    """A target of issue 16 for the build at one scale; None: no target for that figure."""

    scale: float
    wall_s: float
    peak_mb: float  # decimal megabytes (1.5 GB = 1,500 MB), of the process tree at once
    ratio: float | None  # portal ms/page over plain Markdown ms/page, same run


TARGETS = (Target(scale=1.0, wall_s=90, peak_mb=1500, ratio=0.5),
           Target(scale=2.5, wall_s=240, peak_mb=2000, ratio=None))
PREVIEW_TARGET_S = 5.0  # a one-file edit served updated under `mkdocs serve` at scale 1


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


@dataclass(frozen=True)
class Edit:
    label: str
    file: str  # in data/
    old: str
    new: str
    page: str  # the URL of a page that shows the change
    shows: str  # what that page then says


PERSON_ENTRY = re.compile(r"- id: (\S+)\n\s+name: ([^\n,}]+)\n")
# A record's fields are indented under its "- id:" line: the match stays within one record.
DECISION_DATE = re.compile(r"- id: (\S+)\n(?:  \S.*\n)*?  date: '?(\d{4}-\d{2}-\d{2})")


def preview_edits(root: Path) -> list[Edit]:
    """A person renamed (the first of a people file) and a decision's date (the first of a year file)."""
    edits = []
    people = sorted((root / "data/people").glob("*.yml"))[0]
    found = PERSON_ENTRY.search(people.read_text(encoding="utf-8"))
    if found:
        edits.append(Edit("a person renamed", people.relative_to(root).as_posix(), found.group(0),
                          found.group(0).replace(found.group(2), found.group(2) + " Xem Trước"),
                          f"nguoi/{found.group(1)}/", found.group(2) + " Xem Trước"))
    year = sorted((root / "data/years").rglob("*.yml"))[-1]
    found = DECISION_DATE.search(year.read_text(encoding="utf-8"))
    if found:
        day = found.group(2)
        new_day = day[:-2] + ("02" if day[-2:] != "02" else "03")
        y, m, d = new_day.split("-")
        edits.append(Edit("a decision's date", year.relative_to(root).as_posix(), found.group(0),
                          found.group(0)[:-len(day)] + new_day, f"van-ban/{found.group(1)}/", f"{d}/{m}/{y}"))
    return edits


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return str(answer.read().decode("utf-8"))
    except OSError:
        return ""


def preview_latency(root: Path, timeout_s: float = 60) -> tuple[float, list[tuple[Edit, float | None]], float]:
    """`mkdocs serve` on `root`: the seconds until it is up and mapped, then each edit's latency
    (None: not served within `timeout_s`), and the seconds it took to end once told to (SIGTERM,
    as Ctrl-C: what a clerk waits for at the end of a preview)."""
    port = _free_port()
    log = root / "serve.log"
    started = time.perf_counter()
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=root, env=env(), stdout=out, stderr=subprocess.STDOUT)
    try:
        while PREVIEW_READY not in log.read_text(encoding="utf-8", errors="replace"):
            if server.poll() is not None:
                raise RuntimeError("mkdocs serve stopped:\n" + log.read_text(encoding="utf-8", errors="replace"))
            time.sleep(1)
        ready = time.perf_counter() - started
        results: list[tuple[Edit, float | None]] = []
        for edit in preview_edits(root):
            path = root / edit.file
            text = path.read_text(encoding="utf-8")
            written = time.perf_counter()
            path.write_text(text.replace(edit.old, edit.new, 1), encoding="utf-8")
            latency: float | None = None
            while time.perf_counter() - written < timeout_s:
                if edit.shows in _get(f"http://127.0.0.1:{port}/{edit.page}"):
                    latency = time.perf_counter() - written
                    break
                time.sleep(0.05)
            results.append((edit, latency))
            time.sleep(2)  # let the server settle before the next edit
        stopping = time.perf_counter()
        server.terminate()
        server.wait(timeout=600)
        return ready, results, time.perf_counter() - stopping
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def show_targets(portal: dict[float, Build], ratios: dict[float, float],
                 preview: list[tuple[Edit, float | None]] | None = None) -> None:
    """Each target of issue 16 at the scales measured, met or missed."""
    print("\nTargets (issue 16)")
    for target in TARGETS:
        b = portal.get(target.scale)
        if b is None:
            print(f"  scale {target.scale:g}: not measured (add --scale {target.scale:g})")
            continue
        peak_mb = max(b.sampled_mb, b.maxrss_mb) * 2**20 / 1e6
        ok = b.rc == 0
        print(f"  scale {target.scale:g}, {b.pages} pages: wall {b.wall:.1f} s <= {target.wall_s:g} s: "
              f"{verdict(ok and b.wall <= target.wall_s)}; peak {peak_mb:.0f} MB <= {target.peak_mb:g} MB: "
              f"{verdict(ok and peak_mb <= target.peak_mb)}")
        if target.ratio is not None:
            ratio = ratios.get(target.scale)
            shown = "not measured" if ratio is None else f"{ratio:.2f}"
            print(f"    ratio to plain Markdown per page {shown} <= {target.ratio:g}: "
                  f"{verdict(ratio is not None and ratio <= target.ratio)}")
    if preview is None:
        print(f"  preview of a one-file edit <= {PREVIEW_TARGET_S:g} s: not measured (add --preview)")
        return
    for edit, latency in preview:
        shown = "not served in time" if latency is None else f"{latency:.1f} s"
        print(f"  preview of a one-file edit ({edit.label}) {shown} <= {PREVIEW_TARGET_S:g} s: "
              f"{verdict(latency is not None and latency <= PREVIEW_TARGET_S)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo thời gian dựng trang: tỉnh mẫu và trang Markdown thuần.")
    parser.add_argument("--scale", type=float, action="append",
                        help="quy mô tỉnh mẫu (1.0: 1 000 trường; 2.5: 2 500); lặp lại để đo nhiều quy mô")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--work", type=Path, help="thư mục làm việc (mặc định: thư mục tạm, xóa sau khi chạy)")
    parser.add_argument("--profile", action="store_true", help="đo thêm một lần dựng đầy đủ với cProfile")
    parser.add_argument("--top", type=int, default=20, help="số dòng của bảng profile")
    parser.add_argument("--preview", action="store_true",
                        help="đo thêm độ trễ xem trước một lần sửa dưới mkdocs serve (quy mô đầu tiên)")
    parser.add_argument("--core", type=Path, help="thư mục plugins/ của bản mã khác (để so trước và sau)")
    args = parser.parse_args(argv)
    args.scale = args.scale or [1.0]
    if args.core is not None:  # first on the path: before the editable install of this checkout
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(args.core.resolve()),
                                                                  os.environ.get("PYTHONPATH")]))
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-portal-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Benchmark on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, work dir {work}, "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())} (other processes make the times noisy)"
          + (f", code from {args.core}" if args.core else ""))
    try:
        run(args, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def run(args: argparse.Namespace, work: Path) -> None:
    first = args.scale[0]
    portal: dict[float, Build] = {}
    for scale in [first / 10, *args.scale]:
        root = work / f"province-{scale:g}"
        seconds, counts = generate(root, scale, args.seed)
        print(f"\n(a) province at scale {scale:g}: generated in {seconds:.1f} s: "
              + ", ".join(f"{k} {v}" for k, v in counts.items()))
        portal[scale] = build(root, f"(a) portal, scale {scale:g}")
        show(portal[scale])
    full, small = portal[first], portal[first / 10]
    province_root = work / f"province-{first:g}"
    rows, columns = roster_shape(province_root / "site")
    config = yaml.load((province_root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=gen._ConfigLoader)
    plain_root = work / "plain"
    plain_site(plain_root, full.pages, rows, columns, config["theme"], config["nav"])
    plain = build(plain_root, f"(b) plain Markdown, {rows} rows x {columns} columns per page")
    print()
    show(plain)

    print("\nSummary")
    for scale in args.scale:
        b = portal[scale]
        print(f"  (a) portal, scale {scale:g}: {b.pages} pages, {b.wall:.1f} s, {b.ms_per_page:.2f} ms/page, "
              f"cpu {b.cpu:.1f} s, peak {b.maxrss_mb:.0f} MiB largest process / {b.sampled_mb:.0f} MiB all at once, "
              f"{b.warnings} warnings; pagefind: {b.pagefind}")
    print(f"  (b) Markdown: {plain.pages} pages, {plain.wall:.1f} s, {plain.ms_per_page:.2f} ms/page, "
          f"cpu {plain.cpu:.1f} s, peak {plain.maxrss_mb:.0f} MiB")
    ratio = full.ms_per_page / plain.ms_per_page
    print(f"  ratio (a)/(b) at scale {first:g}, ms per page: {ratio:.2f} (CPU time per page: "
          f"{(full.cpu / max(full.pages, 1)) / (plain.cpu / max(plain.pages, 1)):.2f})")
    if full.pagefind_seconds is not None:
        without = 1000 * (full.wall - full.pagefind_seconds) / max(full.pages, 1)
        print(f"  ratio without Pagefind's {full.pagefind_seconds:.1f} s (plain site has no search): "
              f"{without / plain.ms_per_page:.2f}")
    page_ratio = full.pages / max(small.pages, 1)
    time_ratio = full.wall / max(small.wall, 1e-9)
    print(f"  scaling {first / 10:g} -> {first:g}: pages x{page_ratio:.2f}, time x{time_ratio:.2f}, "
          f"ms/page {small.ms_per_page:.2f} -> {full.ms_per_page:.2f} "
          f"(time ratio / page ratio = {time_ratio / page_ratio:.2f}; 1.00 is linear)")
    print(f"  load average at the end: {' '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} CPUs")
    preview = None
    if args.preview:
        ready, preview, stopped = preview_latency(province_root)
        print(f"\n(c) preview under mkdocs serve, scale {first:g}: up and mapped after {ready:.0f} s; "
              f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        for edit, latency in preview:
            shown = "not served within 60 s" if latency is None else f"{latency:.2f} s"
            print(f"  {edit.label} ({edit.file}): {shown} from writing the file to {edit.page} served updated")
        print(f"  stopped (SIGTERM, as Ctrl-C) in {stopped:.1f} s")
    show_targets(portal, {first: ratio}, preview)
    if args.profile:
        profile(province_root, args.top)


if __name__ == "__main__":
    sys.exit(main())
