"""Check the data and print a report an office clerk can act on.

    python3 scripts/check.py [--data data] [--draft]

Prints every error and warning (file, line, field, what was expected, a hint), then
the counts per office, year and body. Exits 1 when there is any error. `--draft`
accepts the placeholder decision of a year being prepared (scripts/new_year.py) as a
warning; the normal check and the build refuse it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import _paths
from portal.load import load
from portal.problems import report


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra dữ liệu cổng thông tin.")
    parser.add_argument("--data", type=Path, default=_paths.REPO / "data", help="thư mục dữ liệu")
    parser.add_argument("--draft", action="store_true",
                        help="kiểm tra nháp: chấp nhận văn bản chỗ giữ (cảnh báo) khi đang soạn năm học mới")
    args = parser.parse_args(argv)
    portal, problems = load(args.data, draft=args.draft)
    errors = [p for p in problems if p.severity == "error"]
    if not errors:
        for oy in sorted(portal.office_years, key=lambda oy: (oy.school_year, oy.office)):
            print(f"{oy.school_year} {portal.offices[oy.office].short_name}: "
                  f"{len(oy.documents)} văn bản, {len(oy.bodies)} tổ chức")
            for body_id in oy.bodies:
                body = portal.bodies[(oy.school_year, body_id)]
                people = sum(1 for m in body.members if m.person)
                schools = sum(1 for m in body.members if m.school)
                print(f"    {body.name}: {people} người, {schools} trường")
        print()
    print(report(problems))
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    return _paths.guarded_main(run, argv)


if __name__ == "__main__":
    sys.exit(main())
