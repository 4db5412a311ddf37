"""Show what changed in an office between two school years, or within one, before publishing.

    python3 scripts/diff_years.py --office pgddt-mau [--from 2023-2024] [--to 2024-2025]
                                  [--json] [--body ID] [--data data]
    python3 scripts/diff_years.py --office pgddt-mau --year 2024-2025 [--json] [--body ID]

Without --to, the office's latest school year; without --from, the one before it: each
year's lists as they stand at its end (after its amending decisions). With --year, the
changes within that year, day by day: what each amending decision changed. Prints the
summary counts, then every change ("+" new, "-" gone, "~" changed, "cũ → mới"), or the
same as JSON with --json. With --body, only that body. When the data has errors it prints
the checker's report and exits 1; a wrong office or year exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import _paths
from portal.dates import SchoolYear
from portal.diff import DiffError, diff_body, diff_within_year, diff_years, office_years
from portal.diff_report import format_text, to_json
from portal.load import load
from portal.problems import report


def _year(text: str) -> SchoolYear:
    year = SchoolYear.parse(text)
    if year is None:
        raise argparse.ArgumentTypeError(f"năm học '{text}' không đúng dạng, ví dụ 2024-2025")
    return year


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        description="So sánh dữ liệu của một đơn vị giữa hai năm học: ai vào, ai rời, ai đổi vai "
                    "trò, đổi trường, đổi nhóm; tổ chức mới, không còn, đổi tên; trường chuyển "
                    "cụm, đổi tên, sáp nhập; nhiệm vụ và văn bản.")
    p.add_argument("--office", required=True, help="mã đơn vị, ví dụ pgddt-mau")
    p.add_argument("--from", dest="old", type=_year, help="năm học cũ (mặc định: năm liền trước)")
    p.add_argument("--to", dest="new", type=_year, help="năm học mới (mặc định: năm mới nhất)")
    p.add_argument("--year", type=_year, help="thay đổi trong một năm học, theo từng quyết định điều chỉnh "
                   "(không dùng cùng --from, --to)")
    p.add_argument("--body", help="chỉ so sánh một tổ chức (mã tổ chức)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--data", type=Path, default=_paths.REPO / "data", help="thư mục dữ liệu")
    return p


def _pick_years(years: list[SchoolYear], old: SchoolYear | None,
                new: SchoolYear | None) -> tuple[SchoolYear, SchoolYear]:
    """--to defaults to the latest year, --from to the year before --to that has data."""
    if new is None:
        later = [y for y in years if old is None or y > old]
        if not later:
            raise DiffError(f"không có năm học nào sau {old} để so sánh.")
        new = later[-1] if old is None else later[0]
    if old is None:
        earlier = [y for y in years if y < new]
        if not earlier:
            raise DiffError(f"không có năm học nào trước {new} để so sánh.")
        old = earlier[-1]
    return old, new


def run(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.data.is_dir():
        print(f"Không tìm thấy thư mục dữ liệu {args.data}.", file=sys.stderr)
        return 2
    portal, problems = load(args.data)
    if any(p.severity == "error" for p in problems):
        print(report(problems), file=sys.stderr)
        return 1
    if problems:  # warnings do not stop the diff, but the clerk should see them
        print(report(problems), file=sys.stderr)
    if args.office not in portal.offices:
        print(f"Không có đơn vị nào mang mã '{args.office}'.", file=sys.stderr)
        return 2
    try:
        if args.year is not None:
            if args.old or args.new:
                raise DiffError("--year (trong một năm học) không dùng cùng --from, --to (giữa hai năm học).")
            within = diff_within_year(portal, args.office, args.year)
            if args.body:
                if args.body not in portal.body_ids_in(args.year):
                    raise DiffError(f"năm học {args.year} không có tổ chức '{args.body}'.")
                within = within.of_body(args.body)
            output = to_json(within) if args.json else format_text(within)
        elif args.body:
            old, new = _pick_years(office_years(portal, args.office), args.old, args.new)
            diff = diff_body(portal, args.office, args.body, old, new)
            output = to_json(diff) if args.json else format_text(diff)
        else:
            old, new = _pick_years(office_years(portal, args.office), args.old, args.new)
            office = diff_years(portal, args.office, old, new)
            output = to_json(office) if args.json else format_text(office)
    except DiffError as error:
        print(f"Không so sánh được: {error}", file=sys.stderr)
        return 2
    if isinstance(output, dict):
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        print(output, end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    return _paths.guarded_main(run, argv)


if __name__ == "__main__":
    sys.exit(main())
