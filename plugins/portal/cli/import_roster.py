"""`cotcan nhap`: import a signed list, show what it changes, apply it on request; or write
the workbook for next year.

    cotcan nhap --office pgddt-dau-tieng --input danh-sach.xlsx
        [--year 2024-2025] [--body ID] [--decision ID] [--format ...] [--apply]
        [--output FILE [--force]] [--data data]
    cotcan nhap --office pgddt-dau-tieng --workbook nam-sau.xlsx [--year ...] [--body ID]

Without --apply nothing is written into data/: the proposed YAML goes to --output, or to
the standard output when it is not a terminal (on a screen a province's thousands of
lines would push the report away; the changes shown say what it does); the report and
the changes go to the standard error, then what the checker finds in the data as the
import would leave it (the check --apply runs). Exit codes: 0 done; 1 rows to fix, errors
in the data already there, or the checker refuses the result (would refuse it, in the dry
run; nothing written); 2 the file or the request cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import commands
from ..checked_files import CheckedFiles
from ..commands import Exit
from ..diff import office_years
from ..errors import os_reason, unknown_office
from ..importer.apply import apply_changes, write_atomic
from ..importer.changes import summary, unified_diff
from ..importer.errors import RosterError
from ..importer.merge import FileChange, plan_changes
from ..importer.pipeline import import_roster
from ..importer.placement import latest_year
from ..importer.read import FORMATS
from ..importer.result import ImportResult
from ..importer.trial import try_changes
from ..importer.workbook import lists_for, workbook_bytes
from ..load import load
from ..model import Portal
from ..problems import Problem, report
from .arguments import add_data_option, add_office_option, school_year
from .command import Command, CommandError, site_folders
from .guard import say

WORKBOOK_SUFFIX = ".xlsx"  # what --workbook writes (workbook_bytes), and Excel opens by this name only


def _add_arguments(p: argparse.ArgumentParser) -> None:
    add_office_option(p)
    p.add_argument("--input", type=Path, metavar="TỆP",
                   help="tệp danh sách (.docx, .xlsx, .csv, .tsv, .txt, .pdf)")
    p.add_argument("--format", choices=FORMATS, metavar="ĐỊNH_DẠNG",
                   help=f"định dạng tệp: {', '.join(FORMATS)} (mặc định: đoán theo tên và nội dung tệp)")
    p.add_argument("--year", type=school_year, metavar="NĂM_HỌC",
                   help="năm học nhận danh sách (mặc định: năm mới nhất của đơn vị)")
    p.add_argument("--body", metavar="MÃ_TỔ_CHỨC",
                   help="mã tổ chức nhận các dòng không có tiêu đề; các nhóm bộ môn nằm trong tổ này")
    p.add_argument("--decision", metavar="MÃ_VĂN_BẢN", help="mã quyết định thành lập, ghi vào các tổ chức mới")
    p.add_argument("--apply", action="store_true",
                   help="ghi vào tệp dữ liệu (người mới và danh sách của năm học), rồi kiểm tra")
    p.add_argument("--output", type=Path, metavar="TỆP", help="ghi YAML đề xuất vào tệp này thay vì in ra")
    p.add_argument("--workbook", type=Path, metavar="TỆP",
                   help="không nhập: ghi bảng Excel chép danh sách của năm học --year, để sửa rồi nhập lại: cho "
                        "năm sau, hoặc cho chính năm đó khi quyết định còn là chỗ giữ (sau cotcan nam-moi)")
    p.add_argument("--force", action="store_true", help="cho phép ghi đè tệp --output hoặc --workbook đã có")
    add_data_option(p)


def _write_new(path: Path, data: bytes, force: bool, what: str) -> None:
    if path.exists() and not force:
        raise RosterError(f"{path}: tệp đã có; không ghi đè {what}. Gợi ý: chọn tên khác, hoặc thêm --force nếu "
                          "chắc chắn muốn thay tệp đó.")
    if not path.parent.is_dir():
        raise RosterError(f"{path}: không có thư mục {path.parent}; tạo thư mục đó trước, hoặc chọn chỗ khác.")
    try:
        write_atomic(path, data)
    except OSError as error:  # named by the file asked for, not the temporary one beside it
        raise RosterError(f"{path}: không ghi được {what} ({os_reason(error)}).") from None


def _run(args: argparse.Namespace) -> int:
    if (args.input is None) == (args.workbook is None):
        say("LỖI: cần đúng một trong hai: --input (nhập một danh sách) hoặc --workbook (ghi bảng cho năm sau).")
        return Exit.USAGE
    if args.workbook is not None and args.workbook.suffix.lower() != WORKBOOK_SUFFIX:
        raise CommandError(f"--workbook {args.workbook}: bảng ghi ra là tệp Excel {WORKBOOK_SUFFIX}; đặt tên tệp "
                           f"có đuôi {WORKBOOK_SUFFIX}, ví dụ danh-sach-nam-sau{WORKBOOK_SUFFIX}. Chưa ghi gì.")
    data = site_folders(args.data, args.config_file).data
    # As the draft check sees it: a new year's placeholder decision (`cotcan nam-moi`) or a new
    # site's placeholders (`cotcan tao-trang`) do not stop an import. Each file read is kept, so
    # that the check after the import (dry run or --apply) reads again only the files it changes.
    kept = CheckedFiles()
    portal, problems = load(data, draft=True, kept=kept)
    if any(p.severity == "error" for p in problems):
        say(report(problems, closing=None))
        say(f"LỖI: dữ liệu hiện có còn lỗi; sửa xong ({commands.CHECK.line('--draft')}) rồi nhập danh sách.")
        return Exit.DATA
    if args.year is not None and args.office in portal.offices and args.year not in office_years(portal, args.office):
        have = ", ".join(str(y) for y in office_years(portal, args.office)) or "chưa có năm nào"
        raise CommandError(f"đơn vị {args.office} chưa có năm học {args.year} (các năm đang có: {have}). Gợi ý: bắt "
                           f"đầu năm học bằng {commands.NEW_YEAR.line('--office', args.office, '--to', str(args.year))}"
                           " rồi nhập danh sách.")
    if args.workbook is not None:
        return _workbook(portal, args)
    result = import_roster(portal, args.office, args.input, args.format, str(args.input), year=args.year,
                           body=args.body, decision=args.decision)
    text = result.to_yaml()
    if args.output is not None:
        _write_new(args.output, text.encode("utf-8"), args.force, "YAML đề xuất")
    elif not sys.stdout.isatty():
        sys.stdout.write(text)
    say(result.report())
    if args.output is None and sys.stdout.isatty():
        # A province's list is thousands of lines of YAML: on a screen it would push the
        # report away; the changes below show what it does to the data.
        say(f"YAML đề xuất ({text.count(chr(10))} dòng) không in ra màn hình; ghi ra tệp bằng --output TỆP "
            "(hoặc chuyển hướng: > de-xuat.yml).")
    if result.errors:
        say(f"Chưa ghi gì vào {data}: sửa {len(result.errors)} lỗi trên trong tệp danh sách rồi chạy lại.")
        return Exit.DATA
    return _changes(portal, result, data, args.apply, problems, kept)


def _workbook(portal: Portal, args: argparse.Namespace) -> int:
    if args.office not in portal.offices:
        raise RosterError(unknown_office(args.office, portal.offices))
    year = args.year or latest_year(portal, args.office)
    if year is None:
        raise RosterError(f"đơn vị '{args.office}' chưa có năm học nào trong dữ liệu: chưa có danh sách để xuất bảng.")
    _write_new(args.workbook, workbook_bytes(portal, args.office, year, args.body), args.force, "bảng Excel")
    print(f"Đã ghi {args.workbook}: {lists_for(portal, args.office, year, args.body).told(portal, args.workbook)}")
    return Exit.OK


# The heading of the changes, in the dry run and with --apply; the refusal names it.
_WILL_CHANGE = "Những gì sẽ thay đổi"
_CHANGED = "Những gì thay đổi"


def _refused(data: Path, written: bool) -> str:
    """What the errors the import brings mean, after the report of them."""
    outcome = ("nên các tệp đã được trả lại như cũ: chưa ghi gì." if written
               else f"nên sẽ bị từ chối khi ghi (--apply): chưa ghi gì vào {data}.")
    return (f"Danh sách làm dữ liệu có lỗi mới ở trên (số dòng là của tệp dữ liệu như sau khi nhập, theo phần "
            f"'{_CHANGED if written else _WILL_CHANGE}'), {outcome}")


def _changes(portal: Portal, result: ImportResult, data: Path, apply: bool, before: list[Problem],
             kept: CheckedFiles) -> int:
    changes = plan_changes(result, data, data.parent)
    lines = summary(portal, result.proposal.bodies, result.new_people)
    if result.unplaced:
        rows = ", ".join(str(r.line) if r.line is not None else r.place for r in result.unplaced[:10])
        say(f"\nCó {len(result.unplaced)} dòng chưa thuộc tổ chức nào (dòng {rows}): thêm dòng tiêu đề (ví dụ "
            "'CỤM 01') hoặc dùng --body. Các dòng đó ở mục 'members' của YAML; chưa ghi gì, và --apply sẽ không "
            "ghi khi còn những dòng đó.")
        if apply:
            return Exit.DATA
    if not changes:
        if result.unplaced:
            return Exit.DATA  # nothing placed, so nothing to change: said above
        say("Dữ liệu đã đúng như danh sách: không có gì thay đổi.")
        return Exit.OK
    say(f"\n{_CHANGED if apply else _WILL_CHANGE}:")
    for line in lines:
        say(line)
    for change in changes:
        say("")
        say(unified_diff(change).rstrip("\n"))
    if not apply:
        return _tried(changes, data, before, kept, unplaced=bool(result.unplaced))
    outcome = apply_changes(changes, lambda: load(data, draft=True, kept=kept)[1], before)
    if not outcome.applied:
        say(report(outcome.errors, closing=None))
        say(_refused(data, written=True))
        return Exit.DATA
    say("\nĐã ghi: " + ", ".join(change.shown for change in outcome.written) + ". Dữ liệu qua kiểm tra.")
    return Exit.OK


def _tried(changes: list[FileChange], data: Path, before: list[Problem], kept: CheckedFiles, unplaced: bool) -> int:
    """The dry run: the whole check of the data as the import would leave it, as --apply
    runs it, nothing written. The errors it would bring (for which --apply would refuse the
    import), and the warnings, since the clerk reads them best before writing. Rows that
    went into no body (said above) are refused by --apply too: exit 1, no invitation."""
    found = try_changes(changes, data, before, draft=True, kept=kept)
    if found.errors or found.warnings:
        say("")
        say(report([*found.errors, *found.warnings], closing=None))
    if found.errors:
        say(_refused(data, written=False))
        return Exit.DATA
    if unplaced:
        say(f"\nChưa ghi gì vào {data}: còn dòng chưa thuộc tổ chức nào (ở trên).")
        return Exit.DATA
    say(f"\nDữ liệu như sau khi nhập qua kiểm tra. Chưa ghi gì vào {data}. Xem lại, rồi chạy lại lệnh với --apply "
        "để ghi.")
    return Exit.OK


COMMAND = Command(
    names=commands.IMPORT,
    summary="nhập danh sách đã ký (Word, Excel, CSV, PDF): xem trước, rồi ghi với --apply",
    description="Nhập danh sách đã ký (bảng trong tệp Word, Excel, CSV, văn bản, PDF) vào dữ liệu: khớp từng dòng "
                "với người, trường, môn, vai trò; chia theo các dòng tiêu đề ('CỤM 01', 'NHÓM TOÁN'); in YAML đề "
                "xuất và những gì sẽ thay đổi. Chỉ ghi vào data/ khi có --apply.",
    add_arguments=_add_arguments,
    run=_run,
)
