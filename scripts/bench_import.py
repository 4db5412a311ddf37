"""Measure the importer on a province-sized list: rows per second and the time.

    python3 scripts/bench_import.py                      # 10,000 rows, half unknown names, as .xlsx
    python3 scripts/bench_import.py --rows 50000 --format tsv
    python3 scripts/bench_import.py --data /tmp/province/data --office so-gddt-mau   # a generated province

The list is written the way offices write it (a title, a header, a subject column, a
heading per group, spelling variants of schools, "P. Hiệu trưởng"); half of its names are
people of the office, the other half names nobody has (each of those gets a proposed id
and a search for close names, the slow path). The import runs in this process, as the
command does (read, find the roster, place, match, propose, plan the file changes, then
the dry run's check of the data as the import would leave it: with the files kept from the
first load, as the command does, and without); nothing is written into the data. Prints
figures only; it is not a timed test.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from portal.checked_files import CheckedFiles
from portal.importer import import_roster
from portal.importer.merge import plan_changes
from portal.importer.trial import try_changes
from portal.load import load_or_raise

REPO = Path(__file__).resolve().parent.parent  # the repository: scripts/ is in it

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
_MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Thu", "Quốc", "Kim", "Đức", "Hồng", "Xuân"]
_GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh",
          "Lan", "Liên", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Nhung", "Phúc", "Phương", "Quân",
          "Quý", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Trung", "Tuấn", "Vân", "Vinh", "Yến"]


def write_list(portal_people: list[str], schools: list[str], subjects: list[str], rows: int, fmt: str,
               folder: Path, seed: int) -> Path:
    rng = random.Random(seed)
    unknown: set[str] = set(portal_people)
    lines: list[list[str]] = [["DANH SÁCH GIÁO VIÊN CỐT CÁN"], [],
                              ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Môn", "Ghi chú"]]
    per_group = max(rows // max(len(subjects), 1), 1)
    for i in range(rows):
        subject = subjects[min(i // per_group, len(subjects) - 1)]
        starts_group = i % per_group == 0 and i // per_group < len(subjects)
        if starts_group:
            lines.append([f"NHÓM {subject.upper()}"])
        if i % 2 == 0 and portal_people:
            name = portal_people[(i // 2) % len(portal_people)]
        else:  # a name nobody has, never twice
            name = next(n for n in iter(lambda: f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)} "
                                                f"{rng.choice(_GIVEN)}", None) if n not in unknown)
            unknown.add(name)
        school = rng.choice(schools)
        post = rng.choice(["Giáo viên - ", "P. Hiệu trưởng - ", "Hiệu trưởng "]) + rng.choice(
            [school, "Trường " + school, "T " + school])
        note = "Nhóm trưởng" if starts_group else ""
        lines.append([str(i + 1), name, post, subject, note])
    path = folder / f"danh-sach.{fmt}"
    if fmt == "xlsx":
        import xlsxwriter

        book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        sheet = book.add_worksheet()
        for r, line in enumerate(lines):
            for c, value in enumerate(line):
                sheet.write_string(r, c, value)
        book.close()
    else:
        path.write_text("\n".join("\t".join(line) for line in lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo tốc độ nhập danh sách (số dòng mỗi giây).")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--format", choices=("xlsx", "tsv"), default="xlsx")
    parser.add_argument("--data", type=Path, default=REPO / "data")
    parser.add_argument("--office", default="pgddt-dien-bien-phu")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    kept = CheckedFiles()
    portal, before = load_or_raise(args.data, draft=True, kept=kept)
    loaded = time.perf_counter()
    names = Counter(p.name for p in portal.people.values() if Path(p.source.file).stem == args.office)
    people = sorted(name for name, count in names.items() if count == 1)  # namesakes need their ids
    schools = sorted(s.name for s in portal.schools.values() if s.office == args.office)
    subjects = [s.name for s in portal.subjects.values()][:15]
    with tempfile.TemporaryDirectory() as folder:
        path = write_list(people, schools, subjects, args.rows, args.format, Path(folder), args.seed)
        size = path.stat().st_size
        begin, begin_cpu = time.perf_counter(), time.process_time()
        result = import_roster(portal, args.office, path)
        matched, matched_cpu = time.perf_counter(), time.process_time()
        changes = plan_changes(result, args.data, args.data.parent)
        planned, planned_cpu = time.perf_counter(), time.process_time()
        try_changes(changes, args.data, before, draft=True, kept=kept)
        tried, tried_cpu = time.perf_counter(), time.process_time()
        try_changes(changes, args.data, before, draft=True)
        fresh, fresh_cpu = time.perf_counter(), time.process_time()
    import_time = matched - begin
    print(f"data: {args.data} ({len(portal.people)} people, {len(portal.schools)} schools), loaded in "
          f"{loaded - started:.2f} s")
    print(f"list: {args.rows} rows as .{args.format}, {size / 1024:.0f} KiB, half of the names unknown")
    print(f"result: {len(result.rows)} rows, {len(result.unmatched)} unmatched, {len(result.new_people)} new people, "
          f"{len(result.proposal.bodies)} bodies, {len(changes)} files to change")
    print(f"read + match + propose: {import_time:.2f} s ({len(result.rows) / import_time:,.0f} rows/s); "
          f"planning the file changes: {planned - matched:.2f} s")
    # CPU time too: on a machine shared with other work, wall time says more about the others.
    print(f"total: {planned - begin:.2f} s wall, {planned_cpu - begin_cpu:.2f} s CPU "
          f"(read + match + propose {matched_cpu - begin_cpu:.2f} s CPU, "
          f"{len(result.rows) / (planned_cpu - begin_cpu):,.0f} rows per CPU second in all)")
    print(f"the dry run's check of the data as it would be: {tried - planned:.2f} s wall, "
          f"{tried_cpu - planned_cpu:.2f} s CPU, {kept.reread} files read again "
          f"(without the files kept from the first load: {fresh - tried:.2f} s wall, "
          f"{fresh_cpu - tried_cpu:.2f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
