"""Start a new school year for an office by copying the previous one, ids unchanged.

    python3 scripts/new_year.py --office pgddt-mau [--from 2024-2025] [--to 2025-2026]
                                [--successor so-gddt-mau] [--data data]

The logic is the core's (portal.newyear): data/years/<from>/<office>.yml is copied to
data/years/<to>/<office>.yml with the bodies, members and duties kept (same ids, so the
site can show what changed), the old year's documents dropped, and every body pointing to
one placeholder decision (`placeholder: true`) that only a draft check accepts. Never
overwrites a file; checks the new file and removes it again if it does not pass. Refuses
an office that ended before the new year, naming its successors and this command with
`--successor`, which starts the successor's year file from the ended office's last year
(same body ids, the successor as the issuer, the schools handed on).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import _paths
from portal.dates import SchoolYear
from portal.load import load, shown_path
from portal.newyear import NewYearError, plan, plan_successor, write
from portal.problems import report


def _year(text: str) -> SchoolYear:
    year = SchoolYear.parse(text)
    if year is None:
        raise argparse.ArgumentTypeError(f"năm học '{text}' không đúng dạng, ví dụ 2025-2026")
    return year


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        description="Bắt đầu năm học mới cho một đơn vị: chép tệp của năm trước, giữ nguyên mã "
                    "của tổ chức, người, trường; bỏ văn bản cũ, thay bằng một quyết định chờ số.")
    p.add_argument("--office", required=True, help="mã đơn vị, ví dụ pgddt-mau")
    p.add_argument("--from", dest="old", type=_year, help="năm học chép từ (mặc định: năm mới nhất)")
    p.add_argument("--to", dest="new", type=_year, help="năm học mới (mặc định: năm sau --from)")
    p.add_argument("--successor", help="đơn vị kế thừa bắt đầu năm học mới từ năm cuối của --office "
                                       "(khi --office đã chấm dứt hoạt động), ví dụ so-gddt-mau")
    p.add_argument("--data", type=Path, default=_paths.REPO / "data", help="thư mục dữ liệu")
    return p


def run(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    data_dir: Path = args.data
    if not data_dir.is_dir():
        print(f"Không tìm thấy thư mục dữ liệu {data_dir}.", file=sys.stderr)
        return 2
    portal, problems = load(data_dir, draft=True)
    if any(p.severity == "error" for p in problems):
        print("Dữ liệu hiện có lỗi; sửa trước khi bắt đầu năm học mới.\n", file=sys.stderr)
        print(report(problems), file=sys.stderr)
        return 1
    try:
        if args.successor:
            year = plan_successor(portal, data_dir, args.office, args.successor, args.old, args.new)
        else:
            year = plan(portal, data_dir, args.office, args.old, args.new)
        errors = write(year, data_dir)
    except NewYearError as error:
        print(f"LỖI: {error}", file=sys.stderr)
        return 2
    shown = shown_path(year.target, data_dir.parent)
    if errors:
        print(f"Bản chép {shown} không qua được kiểm tra nên đã bị xóa:\n", file=sys.stderr)
        print(report(errors), file=sys.stderr)
        return 1
    print(f"Đã tạo {shown}: {year.bodies} tổ chức, {year.members} dòng thành viên, "
          f"chép từ năm học {year.old} của {year.copied_from.short_name}.")
    print("Việc cần làm tiếp:")
    print(f"  1. Trong {shown}, thay văn bản chỗ giữ '{year.decision_id}' bằng quyết định thật: số, "
          "ngày, người ký, căn cứ, nơi nhận, toàn văn; xóa dòng 'placeholder: true'.")
    print("  2. Sửa danh sách thành viên theo quyết định mới (hoặc nhập danh sách đã ký bằng "
          "scripts/import_roster.py). Giữ nguyên mã (id) của người, trường và tổ chức.")
    print("  3. Thêm kế hoạch và các hoạt động của năm mới (ngày tháng không được chép).")
    print("  4. Kiểm tra bản nháp: python3 scripts/check.py --draft; trước khi xuất bản: "
          "python3 scripts/check.py")
    print(f"  5. Xem thay đổi: python3 scripts/diff_years.py --office {year.copied_from.id} "
          f"--from {year.old} --to {year.new}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return _paths.guarded_main(run, argv)


if __name__ == "__main__":
    sys.exit(main())
