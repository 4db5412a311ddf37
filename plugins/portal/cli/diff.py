"""`cotcan so-sanh`: what changed in an office between two school years, or within one,
before publishing.

Without --to, the office's latest school year; without --from, the one before it: each
year's lists as they stand at its end (after its amending decisions). With --year, the
changes within that year, day by day: what each amending decision changed. Prints the
summary counts, then every change ("+" new, "-" gone, "~" changed, "cũ → mới"), or the same
as JSON with --json; with --body, only that body. When the data has errors it prints the
checker's report and exits 1; a wrong office or year exits 2.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from .. import commands
from ..commands import Exit
from ..dates import SchoolYear
from ..diff import DiffError, carried_from, diff_body, diff_within_year, diff_years, office_years, predecessors
from ..diff_report import format_text, to_json
from ..load import load
from ..model import Portal
from ..problems import report
from .arguments import add_data_option, school_year
from .command import Command, existing_data
from .guard import say


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--office", required=True, metavar="MÃ_ĐƠN_VỊ", help="mã đơn vị, ví dụ pgddt-mau")
    parser.add_argument("--from", dest="old", type=school_year, metavar="NĂM_HỌC",
                        help="năm học cũ (mặc định: năm liền trước năm mới)")
    parser.add_argument("--to", dest="new", type=school_year, metavar="NĂM_HỌC",
                        help="năm học mới (mặc định: năm mới nhất của đơn vị)")
    parser.add_argument("--year", type=school_year, metavar="NĂM_HỌC",
                        help="thay đổi trong một năm học, theo từng quyết định điều chỉnh "
                             "(không dùng cùng --from, --to)")
    parser.add_argument("--body", metavar="MÃ_TỔ_CHỨC", help="chỉ so sánh một tổ chức")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    add_data_option(parser)


def pick_years(years: list[SchoolYear], old: SchoolYear | None,
               new: SchoolYear | None) -> tuple[SchoolYear, SchoolYear]:
    """--to defaults to the latest year, --from to the year before --to that has data."""
    if old is not None and new is not None and new < old:
        raise DiffError(f"năm học --to ({new}) phải sau năm học --from ({old}); có phải: --from {new} --to {old}?")
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


def across_succession(portal: Portal, office: str, old: SchoolYear | None,
                      new: SchoolYear | None) -> tuple[str, SchoolYear, SchoolYear]:
    """The office whose year `old` is compared, and the two years: `office` itself; or, when
    `old` comes before `office`'s first year, the ended office whose bodies that first year
    carries on (its successor's year `new` is then compared with its own year `old`)."""
    own = office_years(portal, office)
    if not own:
        raise DiffError(f"đơn vị {office} chưa có dữ liệu năm học nào.")
    earlier = {y for p in predecessors(portal, office) for y in office_years(portal, p) if y < own[0]}
    old, new = pick_years(sorted(set(own) | earlier), old, new)
    if new not in own and old not in own:  # both years before the office's own: an ended office's
        return _ended_office_of(portal, office, old, new), old, new
    if old in own or new not in own:
        return office, old, new  # the office's own years; a year it lacks is reported by the diff
    ended = carried_from(portal, office, old, new)
    if len(ended) == 1:
        return ended[0], old, new
    if not ended:
        raise DiffError(f"đơn vị {office} không có dữ liệu năm học {old}, và năm học {new} của đơn vị này không "
                        f"tiếp tục tổ chức nào của một đơn vị đã chấm dứt có năm học {old}.")
    commands_each = "; ".join(commands.DIFF.line("--office", e, "--from", str(old), "--to", str(new)) for e in ended)
    raise DiffError(f"năm học {new} của {office} tiếp tục tổ chức của {len(ended)} đơn vị đã chấm dứt; so sánh "
                    f"từng đơn vị: {commands_each}")


def _ended_office_of(portal: Portal, office: str, old: SchoolYear, new: SchoolYear) -> str:
    """The one ended office, of those `office` carries on, that has both years."""
    having = [p for p in predecessors(portal, office) if {old, new} <= set(office_years(portal, p))]
    if len(having) == 1:
        return having[0]
    commands_each = "; ".join(commands.DIFF.line("--office", e, "--from", str(old), "--to", str(new)) for e in having)
    raise DiffError(f"năm học {old} và {new} có trước năm học đầu tiên của {office}; so sánh ở đơn vị đã chấm dứt "
                    f"có các năm học đó: {commands_each or 'không có đơn vị nào'}.")


def _run(args: argparse.Namespace) -> int:
    # As a draft: the diff publishes nothing, and a year just started (`cotcan nam-moi`) or being
    # imported still holds its placeholder decision, which the clerk sees as a warning.
    portal, problems = load(existing_data(args.data), draft=True)
    if problems:  # warnings do not stop the diff, but the clerk should see them
        say(report(problems, closing="Dữ liệu có lỗi nên chưa so sánh được. Sửa các lỗi trên rồi chạy lại."))
    if any(p.severity == "error" for p in problems):
        return Exit.DATA
    if args.office not in portal.offices:
        say(f"Không có đơn vị nào mang mã '{args.office}'.")
        return Exit.USAGE
    try:
        if args.year is not None:
            if args.old or args.new:
                raise DiffError("--year (trong một năm học) không dùng cùng --from, --to (giữa hai năm học).")
            within = diff_within_year(portal, args.office, args.year)
            if args.body:
                if args.body not in portal.body_ids_in(args.year):
                    raise DiffError(f"năm học {args.year} không có tổ chức '{args.body}'.")
                within = within.of_body(args.body)
            print_output(to_json(within) if args.json else format_text(within))
            return Exit.OK
        compared, old, new = across_succession(portal, args.office, args.old, args.new)
        if compared != args.office and new not in office_years(portal, args.office):
            say(f"Năm học {old} và {new} là của {compared}, đơn vị {args.office} tiếp tục: so sánh hai năm học "
                f"đó của {compared}.")
        elif compared != args.office:
            say(f"Năm học {new} của {args.office} tiếp tục các tổ chức của {compared}, đã chấm dứt: so sánh với "
                f"năm học {old} của {compared}.")
        if args.body:
            body = diff_body(portal, compared, args.body, old, new)
            output = to_json(body) if args.json else format_text(body)
        else:
            office = diff_years(portal, compared, old, new)
            output = to_json(office) if args.json else format_text(office)
    except DiffError as error:
        say(f"Không so sánh được: {error}")
        return Exit.USAGE
    print_output(output)
    return Exit.OK


def print_output(output: dict[str, Any] | str) -> None:
    if isinstance(output, dict):
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        print(output, end="")


COMMAND = Command(
    names=commands.DIFF,
    summary="so sánh hai năm học của một đơn vị: ai vào, ai rời, ai đổi vai trò, trường, nhóm",
    description="So sánh dữ liệu của một đơn vị giữa hai năm học: ai vào, ai rời, ai đổi vai trò, đổi trường, "
                "đổi nhóm; tổ chức mới, không còn, đổi tên; trường chuyển cụm, đổi tên, sáp nhập; nhiệm vụ và "
                "văn bản.",
    add_arguments=_add_arguments,
    run=_run,
)
