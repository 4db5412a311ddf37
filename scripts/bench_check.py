"""Benchmark the check: `portal.load.load` on one office with a very large people file.

    python3 scripts/bench_check.py                   # 200,000 people, and 20,000 (about a minute)
    python3 scripts/bench_check.py --people 50000    # quicker: 50,000 and 5,000
    python3 scripts/bench_check.py --profile         # also profile the larger load (cProfile)
    python3 scripts/bench_check.py --memory          # also trace its allocations (tracemalloc)
    python3 scripts/bench_check.py --core /tmp/old/plugins   # another checkout's core, to compare

Writes (deterministically: one seeded `random.Random`, no clock) a data folder with one
office (the Sở of a province) whose `people/` file holds `--people` people (200,000 make
about 10 MB): Vietnamese names of three and four syllables drawn by their frequency, some
honorifics and notes, about 1 in 100 with a private phone and 1 in 300 with a private
e-mail (written in the forms clerks use), some published, and 1 in 200 a namesake of an
earlier person, marked `distinct_from`. Beside it: the subjects, a school per 100 people,
and a school year whose decision sets up a core team with one subject group per subject
(1 person in 40 is a member) and clusters of schools, its text naming a private phone
(which the loader redacts).

Times `load()` (read, validate, build, check, redact) in a fresh Python process, at
`--people` and at a tenth of it, and prints for each the wall and CPU time of `load()`
(on a shared machine the CPU time is what an idle one would take), the wall time of the
process, its peak memory (ru_maxrss of RUSAGE_CHILDREN, in a wrapper process around it),
the problems found (there should be none), and the linearity (time ratio / size ratio;
1.00 is linear). Marks the targets of issue 16 (200,000 people checked in at most 10 s
and 600 MB) met or missed. Plain figures, no assertions: it is not a test (that is
tests/test_check_scale.py, which counts calls). `--profile` and `--memory` look at this
checkout's core, whatever `--core` says. Figures and what was done: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bench_build
import generate_province as gen
import yaml

from portal.text import normalize, slugify

OFFICE = "so-gddt-son-ha"
CODE = "sh"  # the id prefix of the office's people, schools and bodies
YEAR = 2025
TARGET_SECONDS = 10.0
TARGET_MB = 600.0  # 10^6 bytes, as the issue writes it
TARGET_PEOPLE = 200_000
# Prefixes of Vietnamese mobile networks (Viettel, VinaPhone, MobiFone).
_MOBILE_PREFIXES = ["086", "090", "091", "093", "094", "096", "097", "098", "032", "035", "038", "070", "081"]

# Runs load() on the folder given and prints its figures as one JSON line. The core it
# imports is the one PYTHONPATH names first (main puts --core there), as bench_build does.
_CHILD = """
import json, sys, time
from pathlib import Path
from portal.load import load
started, cpu = time.perf_counter(), time.process_time()
portal, problems = load(Path(sys.argv[1]))
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"load": seconds, "cpu": cpu, "people": len(portal.people), "members": sum(len(b.members) for b in
    portal.bodies.values()), "errors": sum(p.severity == "error" for p in problems),
    "warnings": sum(p.severity == "warning" for p in problems),
    "first": [p.format() for p in problems[:3]]}))
"""


@dataclass(frozen=True)
class Written:
    """What write_data wrote: the data folder and its size."""

    data_dir: Path
    members: int
    people_bytes: int


@dataclass(frozen=True)
class Run:
    label: str
    people: int
    load_seconds: float
    load_cpu_seconds: float  # what load() took of the CPU: the wall time of an idle machine
    process_seconds: float
    peak_mib: float
    errors: int
    warnings: int
    first_problems: list[str]


def _name(rng: random.Random, male: bool) -> str:
    family = gen.weighted(rng, gen.FAMILY_NAMES)
    middle = gen.weighted(rng, gen.MIDDLE_MALE if male else gen.MIDDLE_FEMALE)
    given = gen.GIVEN_MALE if male else gen.GIVEN_FEMALE
    if rng.random() < 0.6:  # four syllables: "Nguyễn Thị Thu Hương"
        return f"{family} {middle} {rng.choice(given)} {rng.choice(given)}"
    return f"{family} {middle} {rng.choice(given)}"


def _phone(rng: random.Random) -> str:
    """A valid mobile number as clerks write it (the checker validates contacts)."""
    digits = rng.choice(_MOBILE_PREFIXES) + "".join(str(rng.randrange(10)) for _ in range(7))
    form = rng.randrange(4)
    if form == 0:
        return digits
    if form == 1:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if form == 2:
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    return f"+84 {digits[1:4]} {digits[4:7]} {digits[7:]}"


def _people(rng: random.Random, n: int, schools: list[dict[str, Any]]) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    ids: set[str] = set()
    by_name: dict[str, list[str]] = {}
    for i in range(n):
        male = rng.random() < 0.3  # most teachers are women
        if people and rng.random() < 0.005:  # a namesake of someone listed earlier
            name = people[rng.randrange(len(people))]["name"]
        else:
            name = _name(rng, male)
            while normalize(name).casefold() in by_name:
                name = _name(rng, male)
        base = f"{CODE}-{slugify(name)}"
        person_id, suffix = base, 2
        while person_id in ids:
            person_id, suffix = f"{base}-{suffix}", suffix + 1
        ids.add(person_id)
        person: dict[str, Any] = {"id": person_id, "name": name}
        same = by_name.setdefault(normalize(name).casefold(), [])
        if i % 7 == 0:
            person["honorific"] = "Ông" if male else "Bà"
        contact: dict[str, str] = {}
        if rng.random() < 0.01:
            contact["phone"] = _phone(rng)
        if rng.random() < 1 / 300:
            contact["email"] = f"{slugify(name).replace('-', '.')}.{i}@{CODE}.edu.vn"
        if contact:
            person["contact"] = contact
            if "phone" in contact and rng.random() < 0.2:
                person["publish"] = ["phone"]
        if same:
            person["distinct_from"] = list(same)
        if rng.random() < 0.02:
            school = schools[rng.randrange(len(schools))]
            person["note"] = f"Chuyển công tác từ {school['name']} năm học {YEAR - 1}-{YEAR}."
        same.append(person_id)
        people.append(person)
    return people


def _schools(rng: random.Random, n: int) -> list[dict[str, Any]]:
    schools = []
    for i in range(n):
        level = rng.choice(["TH", "THCS", "TH-THCS"])
        base = rng.choice(gen.NAMESAKES) if rng.random() < 0.5 else \
            f"{rng.choice(gen.PLACE_FIRST)} {rng.choice(gen.PLACE_SECOND)}"
        schools.append({"id": f"{CODE}-{slugify(level)}-{slugify(base)}-{i + 1}", "name": f"{level} {base} số {i + 1}",
                        "level": level})
    return schools


def _year(rng: random.Random, people: list[dict[str, Any]], schools: list[dict[str, Any]],
          subjects: list[dict[str, Any]]) -> dict[str, Any]:
    label = f"{YEAR}-{YEAR + 1}"
    decision, clusters_decision = f"{CODE}-{YEAR}-qd-to-cot-can", f"{CODE}-{YEAR}-qd-cum"
    team = f"{CODE}-to-cot-can"
    # Three members per subject group, fewer only when the office has fewer people than that.
    chosen = rng.sample(people, min(len(people), max(len(subjects) * 3, len(people) // 40)))
    contact = next((p for p in people if "phone" in p.get("contact", {}) and "publish" not in p), None)
    stt = 0
    groups: list[dict[str, Any]] = []
    for k, subject in enumerate(subjects):
        members = []
        for j, person in enumerate(chosen[k::len(subjects)]):
            stt += 1
            school = schools[rng.randrange(len(schools))]
            role = "nhom-truong" if j == 0 else "pho-nhom-truong" if j == 1 else "uy-vien"
            position = rng.choice(["Giáo viên", "Giáo viên", "Tổ trưởng chuyên môn", "Phó Hiệu trưởng"])
            members.append({"stt": stt, "person": person["id"], "role": role, "position": position,
                            "unit": school["id"], "as_written": f"{position} - {school['name']}",
                            "subject": subject["name"]})
        groups.append({"id": f"{team}-{subject['id']}", "kind": "nhom-bo-mon", "name": f"Nhóm {subject['name']}",
                       "parent": team, "decision": decision, "subject": subject["id"],
                       "meets": "ít nhất 1 lần/học kỳ", "members": members})
    clusters = []
    for c in range(0, len(schools), 10):
        members = [{"school": s["id"], "role": "cum-truong" if i == 0 else "thanh-vien"}
                   for i, s in enumerate(schools[c:c + 10])]
        clusters.append({"id": f"{CODE}-cum-{c // 10 + 1:03d}", "kind": "cum-chuyen-mon",
                         "name": f"Cụm chuyên môn số {c // 10 + 1}", "decision": clusters_decision,
                         "members": members})
    signer = chosen[0]["id"]
    phone = f", điện thoại {contact['contact']['phone']}" if contact else ""
    documents = [
        {"id": decision, "kind": "quyet-dinh", "number": f"{rng.randint(100, 400)}/QĐ-SGDĐT",
         "date": f"{YEAR}-09-15", "place": gen.PROVINCE,
         "title": f"Về việc thành lập tổ cốt cán giáo viên năm học {label}",
         "signer": {"person": signer, "title": "Giám đốc"},
         "legal_bases": [{"text": "Căn cứ Thông tư số 20/2018/TT-BGDĐT ngày 22/8/2018 của Bộ trưởng Bộ Giáo dục và "
                                  "Đào tạo ban hành quy định chuẩn nghề nghiệp giáo viên cơ sở giáo dục phổ thông;"}],
         "recipients": ["Như Điều 3;", f"UBND tỉnh {gen.PROVINCE} (b/c);", "Lưu: VT, CM."],
         "text": f"Điều 1. Thành lập tổ cốt cán giáo viên năm học {label} gồm {stt} thành viên.\n\n"
                 f"Đầu mối liên hệ: {contact['name'] if contact else 'Văn phòng Sở'}{phone}.\n"},
        {"id": clusters_decision, "kind": "quyet-dinh", "date": f"{YEAR}-09-20", "place": gen.PROVINCE,
         "title": f"Về việc thành lập cụm chuyên môn năm học {label}"},
    ]
    bodies = [{"id": team, "kind": "to-cot-can", "name": "Tổ cốt cán giáo viên", "decision": decision,
               "declared_count": stt}, *groups, *clusters]
    return {"school_year": label, "office": OFFICE, "documents": documents, "bodies": bodies}


def write_data(root: Path, people: int, seed: int = 2025) -> Written:
    """A data folder under `root` (replaced if there) with one office and `people` people."""
    rng = random.Random(seed)
    data = root / "data"
    if data.exists():
        shutil.rmtree(data)
    schools = _schools(rng, max(10, people // 100))
    subjects = [{"id": i, "name": n, **({"aliases": a} if a else {})} for i, n, a, _ in gen.SUBJECTS]
    listed = _people(rng, people, schools)
    year = _year(rng, listed, schools, subjects)
    files = {
        "offices.yml": {"offices": [{"id": OFFICE, "name": f"Sở Giáo dục và Đào tạo tỉnh {gen.PROVINCE}",
                                     "short_name": f"Sở GDĐT {gen.PROVINCE}", "kind": "so-gddt",
                                     "place": gen.PROVINCE}]},
        "subjects.yml": {"subjects": subjects},
        f"schools/{OFFICE}.yml": {"office": OFFICE, "schools": schools},
        f"people/{OFFICE}.yml": {"people": listed},
        f"years/{YEAR}-{YEAR + 1}/{OFFICE}.yml": year,
    }
    for name, content in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.dump(content, Dumper=gen._Dumper, allow_unicode=True, sort_keys=False, width=100_000),
                        encoding="utf-8")
    members = sum(len(b.get("members", [])) for b in year["bodies"])
    return Written(data, members, (data / f"people/{OFFICE}.yml").stat().st_size)


def measure(written: Written, label: str) -> Run:
    """load() of the portal first on PYTHONPATH (--core) in a fresh process, inside a wrapper
    that reports its peak memory."""
    command = [sys.executable, "-c", _CHILD, str(written.data_dir)]
    figures, output = bench_build.measured(command, bench_build.REPO)
    lines = [line for line in output.splitlines() if line.startswith("{")]
    if figures["rc"] != 0 or not lines:
        raise SystemExit(f"load() failed in the child process:\n{output[-3000:]}")
    result = json.loads(lines[-1])
    return Run(label, result["people"], result["load"], result["cpu"], figures["wall"], figures["maxrss_kb"] / 1024,
               result["errors"], result["warnings"], result["first"])


def show(run: Run, written: Written) -> None:
    print(f"  {run.label}: {run.people:,} people ({written.people_bytes / 2**20:.1f} MiB), "
          f"{written.members:,} members")
    print(f"    load(): {run.load_seconds:.2f} s (CPU {run.load_cpu_seconds:.2f} s)   "
          f"process: {run.process_seconds:.2f} s   peak memory: {run.peak_mib:.0f} MiB   "
          f"problems: {run.errors} errors, {run.warnings} warnings")
    for problem in run.first_problems:
        print("      " + problem.replace("\n", "\n      "))


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def profile(data_dir: Path, top: int) -> None:
    """cProfile of load() in this process: the hot spots, by self and cumulative time."""
    from portal.load import load

    profiler = cProfile.Profile()
    profiler.runcall(load, data_dir)
    stats = pstats.Stats(profiler)
    print(f"\nProfile of load() (cProfile, {stats.total_tt:.1f} s with the profiler's overhead)")  # type: ignore[attr-defined]
    for order in ("tottime", "cumulative"):
        print(f"  by {order}:")
        stats.sort_stats(order).print_stats(top)


def memory(data_dir: Path, top: int) -> None:
    """tracemalloc over load() in this process: the peak, and where the returned model's memory was allocated."""
    import tracemalloc

    from portal.load import load

    tracemalloc.start()
    portal, _ = load(data_dir)
    current, peak = tracemalloc.get_traced_memory()
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    print(f"\nMemory of load() (tracemalloc): peak {peak / 2**20:.0f} MiB, "
          f"still held with the model {current / 2**20:.0f} MiB; by line:")
    for stat in snapshot.statistics("lineno")[:top]:
        print(f"    {stat.size / 2**20:8.1f} MiB  {stat.count:>9} blocks  {stat.traceback}")
    del portal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo thời gian và bộ nhớ của bước kiểm tra dữ liệu (load).")
    parser.add_argument("--people", type=int, default=TARGET_PEOPLE, help="số người trong tệp people")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--work", type=Path, help="thư mục làm việc (mặc định: thư mục tạm, xóa sau khi chạy)")
    parser.add_argument("--profile", action="store_true", help="thêm một lần chạy load() với cProfile")
    parser.add_argument("--memory", action="store_true", help="thêm một lần chạy load() với tracemalloc")
    parser.add_argument("--top", type=int, default=25, help="số dòng của bảng profile")
    parser.add_argument("--core", type=Path, default=bench_build.REPO / "plugins",
                        help="thư mục plugins/ của bản mã cần đo (mặc định: bản này), ví dụ một commit cũ "
                             "lấy ra bằng git archive, để so sánh trước và sau")
    args = parser.parse_args(argv)
    if args.people < 10:
        parser.error("--people: at least 10")
    # First on the path of the child processes: before the editable install of this checkout.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(args.core.resolve()), os.environ.get("PYTHONPATH")]))
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-check-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Benchmark of the check ({args.core}) on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
          f"work dir {work}, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} (other processes make the times noisy)")
    try:
        run(args, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def run(args: argparse.Namespace, work: Path) -> None:
    sizes = {"small": max(10, args.people // 10), "full": args.people}
    written: dict[str, Written] = {}
    runs: dict[str, Run] = {}
    for key, people in sizes.items():
        started = time.perf_counter()
        written[key] = write_data(work / f"people-{people}", people, args.seed)
        print(f"\n{people:,} people: data written in {time.perf_counter() - started:.1f} s")
        runs[key] = measure(written[key], f"load(), {people:,} people")
        show(runs[key], written[key])
    small, full = runs["small"], runs["full"]
    size_ratio = full.people / max(small.people, 1)
    # CPU time: the wall time of a short run on a shared machine is mostly waiting.
    time_ratio = full.load_cpu_seconds / max(small.load_cpu_seconds, 1e-9)
    print("\nSummary")
    print(f"  {full.people:,} people: load() {full.load_seconds:.2f} s (CPU {full.load_cpu_seconds:.2f} s), "
          f"peak {full.peak_mib:.0f} MiB")
    print(f"  linearity {small.people:,} -> {full.people:,}: size x{size_ratio:.1f}, CPU time x{time_ratio:.1f}, "
          f"memory x{full.peak_mib / max(small.peak_mib, 1e-9):.1f} "
          f"(time ratio / size ratio = {time_ratio / size_ratio:.2f}; 1.00 is linear)")
    scale = full.people / TARGET_PEOPLE
    print(f"  target (issue 16): {TARGET_PEOPLE:,} people in at most {TARGET_SECONDS:.0f} s and {TARGET_MB:.0f} MB"
          + (f"; measured at {full.people:,} people, targets scaled by {scale:.2f} for time"
             if full.people != TARGET_PEOPLE else ""))
    print(f"    time:   {full.load_seconds:.2f} s <= {TARGET_SECONDS * scale:.2f} s: "
          f"{verdict(full.load_seconds <= TARGET_SECONDS * scale)} "
          f"(CPU {full.load_cpu_seconds:.2f} s: {verdict(full.load_cpu_seconds <= TARGET_SECONDS * scale)})")
    peak_mb = full.peak_mib * 2**20 / 1e6
    print(f"    memory: {peak_mb:.0f} MB ({full.peak_mib:.0f} MiB) <= {TARGET_MB:.0f} MB: "
          f"{verdict(peak_mb <= TARGET_MB)}")
    print(f"    clean data checked clean: {verdict(full.errors == 0 and full.warnings == 0)}")
    print(f"  load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    if args.profile:
        profile(written["full"].data_dir, args.top)
    if args.memory:
        memory(written["full"].data_dir, args.top)


if __name__ == "__main__":
    sys.exit(main())
