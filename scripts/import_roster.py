"""Turn a roster table (DANH SÁCH) into YAML for the data files.

    python3 scripts/import_roster.py --office pgddt-dien-bien-phu --input table.tsv \
        [--format tsv|csv|xlsx] [--body dbp-to-cot-can-thcs-gv] [--decision dbp-2024-qd-...]

The table is the list as the office has it: copied from the Word decision and pasted
into a text file (tab-separated), saved as CSV, or an Excel workbook. Its columns are
found by their headers: STT, Họ và tên, Chức vụ - Đơn vị công tác, Môn, Ghi chú.

Prints the YAML to paste (new people, members, one subject group per subject) on the
standard output, and a report on the standard error: every row it could not match,
with the closest schools or people, and every new person it proposes an id for.
Exits 1 when a row could not be matched, 2 when the file or the data cannot be used.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import _paths
from portal.importer import FORMATS, RosterError, import_roster
from portal.load import load
from portal.problems import report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Nhập danh sách (bảng từ Word, CSV hoặc Excel) thành YAML.")
    parser.add_argument("--office", required=True, help="mã đơn vị, ví dụ pgddt-dien-bien-phu")
    parser.add_argument("--input", required=True, type=Path, help="tệp bảng danh sách (.tsv, .txt, .csv, .xlsx)")
    parser.add_argument("--format", choices=FORMATS, help="định dạng tệp (mặc định: đoán theo tên tệp)")
    parser.add_argument("--body", help="mã tổ chứa các nhóm bộ môn (để đặt mã và parent của từng nhóm)")
    parser.add_argument("--decision", help="mã quyết định thành lập (ghi vào từng nhóm bộ môn)")
    parser.add_argument("--data", type=Path, default=_paths.REPO / "data", help="thư mục dữ liệu")
    parser.add_argument("--output", type=Path, help="ghi YAML vào tệp này thay vì in ra")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # Vietnamese on any console
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")

    portal, problems = load(args.data)
    if any(p.severity == "error" for p in problems):
        print(report(problems), file=sys.stderr)
        print("LỖI: dữ liệu hiện có còn lỗi; sửa xong rồi nhập danh sách.", file=sys.stderr)
        return 2
    try:
        result = import_roster(portal, args.office, args.input, args.format, shown=str(args.input))
    except RosterError as exc:
        print(f"LỖI {exc}", file=sys.stderr)
        return 2
    text = result.to_yaml(args.body, args.decision)
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"LỖI {args.output}: không ghi được tệp ({exc.strerror}).", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    print(result.report(), file=sys.stderr)
    return 1 if result.unmatched else 0


if __name__ == "__main__":
    sys.exit(main())
