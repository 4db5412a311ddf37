"""The command: import a signed list, show what it changes, apply it on request; or
write the workbook for next year.

    python3 scripts/import_roster.py --office pgddt-dau-tieng --input danh-sach.xlsx
        [--year 2024-2025] [--body ID] [--decision ID] [--format ...] [--apply]
        [--output FILE [--force]] [--data data]
    python3 scripts/import_roster.py --office pgddt-dau-tieng --workbook nam-sau.xlsx [--year ...] [--body ID]

Without --apply nothing is written into data/: the proposed YAML goes to the standard
output (or --output), the report and the changes to the standard error. Exit codes:
0 done, 1 rows to fix (or the checker refused the result: nothing written), 2 the
file, the data or the request cannot be used. Every message is Vietnamese; never a
traceback.
"""

from __future__ import annotations

import argparse
import inspect
import io
import re
import sys
from pathlib import Path
from typing import Any, NoReturn

from ..dates import SchoolYear
from ..errors import PortalError
from ..load import load
from ..model import Portal
from ..problems import Problem, report
from .apply import apply_changes, error_counts, write_atomic
from .changes import summary, unified_diff
from .errors import RosterError
from .merge import plan_changes
from .pipeline import import_roster
from .placement import latest_year
from .read import FORMATS
from .result import ImportResult
from .workbook import workbook_bytes

# argparse's own English phrases, in Vietnamese (the clerk reads them).
_ARGPARSE_ERRORS = [
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu tùy chọn bắt buộc: \1"),
    (re.compile(r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)"),
     r"\1: không có lựa chọn '\2' (chọn \3)"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1: cần một giá trị sau tùy chọn này"),
    (re.compile(r"unrecognized arguments: (.*)"), r"không hiểu tùy chọn: \1"),
    (re.compile(r"argument (\S+): (.*)"), r"\1: \2"),
]


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix or "cách dùng: ")


class _Parser(argparse.ArgumentParser):
    """argparse, speaking Vietnamese."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_HelpFormatter, add_help=False, **kwargs)
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _ARGPARSE_ERRORS:
            if pattern.fullmatch(message):
                message = pattern.sub(replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"LỖI: {message}\n")


def _year(text: str) -> SchoolYear:
    year = SchoolYear.parse(text)
    if year is None:
        raise argparse.ArgumentTypeError(f"năm học '{text}' không đúng dạng, ví dụ 2024-2025")
    return year


def parser(data_dir: Path) -> argparse.ArgumentParser:
    p = _Parser(prog="import_roster.py",
                description="Nhập danh sách đã ký (bảng trong tệp Word, Excel, CSV, văn bản, PDF) vào dữ liệu: "
                            "khớp từng dòng với người, trường, môn, vai trò; chia theo các dòng tiêu đề "
                            "('CỤM 01', 'NHÓM TOÁN'); in YAML đề xuất và những gì sẽ thay đổi. Chỉ ghi vào "
                            "data/ khi có --apply.")
    p.add_argument("--office", required=True, help="mã đơn vị, ví dụ pgddt-dau-tieng")
    p.add_argument("--input", type=Path, help="tệp danh sách (.docx, .xlsx, .csv, .tsv, .txt, .pdf)")
    p.add_argument("--format", choices=FORMATS, help="định dạng tệp (mặc định: đoán theo tên và nội dung tệp)")
    p.add_argument("--year", type=_year, help="năm học nhận danh sách (mặc định: năm mới nhất của đơn vị)")
    p.add_argument("--body", help="mã tổ chức nhận các dòng không có tiêu đề; các nhóm bộ môn nằm trong tổ này")
    p.add_argument("--decision", help="mã quyết định thành lập, ghi vào các tổ chức mới")
    p.add_argument("--apply", action="store_true",
                   help="ghi vào tệp dữ liệu (người mới và danh sách của năm học), rồi kiểm tra")
    p.add_argument("--output", type=Path, help="ghi YAML đề xuất vào tệp này thay vì in ra")
    p.add_argument("--workbook", type=Path,
                   help="không nhập: ghi bảng Excel cho năm sau, chép danh sách của năm học --year")
    p.add_argument("--force", action="store_true", help="cho phép ghi đè tệp --output hoặc --workbook đã có")
    p.add_argument("--data", type=Path, default=data_dir, help=f"thư mục dữ liệu (mặc định: {data_dir})")
    return p


def load_draft(data_dir: Path) -> tuple[Portal, list[Problem]]:
    """The data as the checker's draft check sees it: a new year's placeholder decision
    (written by new_year) is not yet an error there. Loaders without a draft mode load
    as they are."""
    options: dict[str, Any] = {"draft": True} if "draft" in inspect.signature(load).parameters else {}
    return load(data_dir, **options)


def _write_new(path: Path, data: bytes, force: bool, what: str) -> None:
    if path.exists() and not force:
        raise RosterError(f"{path}: tệp đã có; không ghi đè {what}. Gợi ý: chọn tên khác, hoặc thêm --force nếu "
                          "chắc chắn muốn thay tệp đó.")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise RosterError(f"{path}: không ghi được tệp ({exc.strerror or type(exc).__name__}).") from None


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def run(argv: list[str] | None, data_dir: Path) -> int:
    args = parser(data_dir).parse_args(argv)
    if (args.input is None) == (args.workbook is None):
        _say("LỖI: cần đúng một trong hai: --input (nhập một danh sách) hoặc --workbook (ghi bảng cho năm sau).")
        return 2
    data: Path = args.data
    if not data.is_dir():
        _say(f"LỖI {data}: không có thư mục dữ liệu này.")
        return 2
    portal, problems = load_draft(data)
    if any(p.severity == "error" for p in problems):
        _say(report(problems))
        _say("LỖI: dữ liệu hiện có còn lỗi; sửa xong (python3 scripts/check.py) rồi nhập danh sách.")
        return 2
    if args.workbook is not None:
        return _workbook(portal, args)
    result = import_roster(portal, args.office, args.input, args.format, str(args.input), year=args.year,
                           body=args.body, decision=args.decision)
    text = result.to_yaml()
    if args.output is not None:
        _write_new(args.output, text.encode("utf-8"), args.force, "YAML đề xuất")
    else:
        sys.stdout.write(text)
    _say(result.report())
    if result.errors:
        _say(f"Chưa ghi gì vào {data}: sửa {len(result.errors)} lỗi trên trong tệp danh sách rồi chạy lại.")
        return 1
    return _changes(portal, result, data, args.apply, problems)


def _workbook(portal: Portal, args: argparse.Namespace) -> int:
    year = args.year or latest_year(portal, args.office)
    if args.office not in portal.offices or year is None:
        raise RosterError(f"đơn vị '{args.office}' không có trong dữ liệu hoặc chưa có năm học nào.")
    _write_new(args.workbook, workbook_bytes(portal, args.office, year, args.body), args.force, "bảng Excel")
    print(f"Đã ghi {args.workbook}: danh sách năm học {year} của {portal.offices[args.office].short_name}, để sửa "
          "cho năm sau rồi nhập lại bằng --input.")
    return 0


def _changes(portal: Portal, result: ImportResult, data: Path, apply: bool, before: list[Problem]) -> int:
    changes = plan_changes(result, data, data.parent)
    lines = summary(portal, result.proposal.bodies, result.new_people)
    if result.unplaced:
        rows = ", ".join(str(r.line) if r.line is not None else r.place for r in result.unplaced[:10])
        _say(f"\nCó {len(result.unplaced)} dòng chưa thuộc tổ chức nào (dòng {rows}): thêm dòng tiêu đề (ví dụ "
             "'CỤM 01') hoặc dùng --body. Các dòng đó ở mục 'members' của YAML; chưa ghi gì.")
        if apply:
            return 1
    if not changes:
        _say("Dữ liệu đã đúng như danh sách: không có gì thay đổi.")
        return 0
    _say("\nNhững gì sẽ thay đổi:" if not apply else "\nNhững gì thay đổi:")
    for line in lines:
        _say(line)
    for change in changes:
        _say("")
        _say(unified_diff(change).rstrip("\n"))
    if not apply:
        _say(f"\nChưa ghi gì vào {data}. Xem lại, rồi chạy lại lệnh với --apply để ghi.")
        return 0
    outcome = apply_changes(changes, lambda: load_draft(data)[1], error_counts(before))
    if not outcome.applied:
        _say(report(outcome.errors))
        _say("Danh sách làm dữ liệu có lỗi mới ở trên, nên các tệp đã được trả lại như cũ: chưa ghi gì.")
        return 1
    _say("\nĐã ghi: " + ", ".join(change.shown for change in outcome.written) + ". Dữ liệu qua kiểm tra.")
    return 0


def main(argv: list[str] | None = None, data_dir: Path | None = None) -> int:
    """The command; `data_dir` is the default of --data. Never raises: a clerk's error
    is one message and exit code 2, anything unexpected one line and exit code 1."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        return run(argv, data_dir or Path("data"))
    except PortalError as error:
        _say(f"LỖI {error}")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - the clerk gets a sentence, not a traceback
        _say(f"Lỗi không mong đợi: {type(error).__name__}: {error}")
        return 1
