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

from .. import commands, wording
from ..commands import Exit
from ..dates import SchoolYear
from ..diff import (
    DiffError,
    carried_from,
    carried_on,
    diff_body,
    diff_within_year,
    diff_years,
    office_years,
    succession_office,
)
from ..diff_report import format_text, to_json
from ..errors import unknown_office
from ..load import load
from ..model import Portal
from ..problems import report
from .arguments import add_data_option, add_office_option, school_year
from .command import Command, CommandError, site_folders
from .guard import say


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_office_option(parser)
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
    _in_order(old, new)
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


def _in_order(old: SchoolYear | None, new: SchoolYear | None) -> None:
    if old is not None and new is not None and new < old:
        raise DiffError(f"năm học --to ({new}) phải sau năm học --from ({old}); có phải: --from {new} --to {old}?")


def across_succession(portal: Portal, office: str, old: SchoolYear | None,
                      new: SchoolYear | None) -> tuple[str, SchoolYear, SchoolYear]:
    """The office whose years are compared, and the two years: `office` itself; or, for a
    year before `office`'s first, an ended office it carries on: the one that has the years
    asked when both come before (and the year missing taken from its own), else the one
    whose bodies `office`'s year `new` carries on (its year `old` compared with `new`)."""
    _in_order(old, new)
    own = office_years(portal, office)
    if not own:
        raise DiffError(f"đơn vị {office} chưa có dữ liệu năm học nào.")
    before = {p: years for p in portal.predecessors(office)
              if (years := [y for y in office_years(portal, p) if y < own[0]])}
    if new is not None and new < own[0]:
        return _in_ended_office(office, own[0], before, old, new)
    if new is None and old is not None and old < own[0]:
        having = [p for p, years in before.items() if old in years]
        later = [y for y in before[having[0]] if y > old] if len(having) == 1 else []
        if later:
            return having[0], old, later[0]
        new = own[0]  # the successor's first year, compared with the ended office's
    if new is None and (old is None or old == own[-1]) and (carried := carried_on(portal, office)):
        return office, *carried  # an ended office's last year, and its successor's
    try:
        old, new = pick_years(sorted(set(own) | {y for years in before.values() for y in years}), old, new)
    except DiffError as error:
        raise DiffError(f"{error}{_no_successor_year(portal, office)}") from None
    if old in own or new not in own:
        return office, old, new  # the office's own years; a year it lacks is reported by the diff
    ended = carried_from(portal, office, old, new)
    if len(ended) == 1:
        return ended[0], old, new
    if not ended:
        holders = [p for p, years in before.items() if old in years]
        raise DiffError(f"đơn vị {office} không có dữ liệu năm học {old}, và năm học {new} của đơn vị này không "
                        f"tiếp tục tổ chức nào của một đơn vị đã chấm dứt có năm học {old}."
                        + (f" Năm học {old} là của {', '.join(holders)}." if holders else ""))
    commands_each = "; ".join(commands.DIFF.line("--office", e, "--from", str(old), "--to", str(new)) for e in ended)
    raise DiffError(f"năm học {new} của {office} tiếp tục tổ chức của {len(ended)} đơn vị đã chấm dứt; so sánh "
                    f"từng đơn vị: {commands_each}")


def _no_successor_year(portal: Portal, office: str) -> str:
    """For an ended office whose years cannot be compared as asked: where its lists went
    on (a successor's year, compared there), or how to start that year."""
    ended = portal.offices[office]
    if ended.valid_until is None or not ended.successors:
        return ""
    carried = carried_on(portal, office)
    if carried is not None:
        last, year = carried
        heir = succession_office(portal, office, last, year)
        assert heir is not None
        return (f" Đơn vị {office} {wording.active_until(ended.valid_until)}; các tổ chức của đơn vị này "
                f"được {heir} tiếp tục từ năm học {year}: so sánh năm học {last} với năm học đó bằng "
                f"{commands.DIFF.line('--office', office)}, các năm học sau bằng "
                f"{commands.DIFF.line('--office', heir)}.")
    successors = ", ".join(s.office for s in ended.successors)
    start = commands.NEW_YEAR.line("--office", office, "--successor", ended.successors[0].office)
    return (f" Đơn vị {office} {wording.active_until(ended.valid_until)}; chưa có năm học nào của "
            f"đơn vị kế thừa ({successors}) tiếp tục các tổ chức của đơn vị này. Gợi ý: bắt đầu năm học đó bằng "
            f"{start}.")


def also_carried(portal: Portal, office: str, compared: str, new: SchoolYear) -> list[tuple[str, SchoolYear]]:
    """The other ended offices whose lists `office`'s year `new` carries on, with the last
    year of each (one taken over later than the year before `new`, as a district whose
    last year on file is older): compared each on its own."""
    found = []
    for other in portal.predecessors(office):
        years = [y for y in office_years(portal, other) if y < new]
        if other != compared and years and succession_office(portal, other, years[-1], new) == office:
            found.append((other, years[-1]))
    return found


def _in_ended_office(office: str, first: SchoolYear, before: dict[str, list[SchoolYear]], old: SchoolYear | None,
                     new: SchoolYear) -> tuple[str, SchoolYear, SchoolYear]:
    """Two years before `office`'s `first`: compared in the one ended office (of `before`,
    each with its years before `first`) that has them, the year not given its own."""
    having = [p for p, years in before.items() if new in years and (old is None or old in years)]
    if len(having) == 1:
        try:
            return (having[0], *pick_years(before[having[0]], old, new))
        except DiffError as error:
            raise DiffError(f"đơn vị {having[0]}, mà {office} tiếp tục, {error}") from None
    asked = [y for y in (old, new) if y is not None]
    held = "; ".join(f"năm học {y}: {', '.join(p for p, years in before.items() if y in years) or 'không có'}"
                     for y in asked)
    commands_each = "; ".join(commands.DIFF.line("--office", p, "--to", str(new)) for p, years in before.items()
                              if new in years and years[0] < new)  # only those that can compare
    raise DiffError(f"năm học {' và '.join(map(str, asked))} có trước năm học đầu tiên của {office} ({first}); "
                    f"{'nhiều' if having else 'không có'} đơn vị đã chấm dứt mà {office} tiếp tục có "
                    f"{'các năm học' if len(asked) > 1 else 'năm học'} đó ({held})."
                    + (f" So sánh ở từng đơn vị: {commands_each}" if commands_each else ""))


def _run(args: argparse.Namespace) -> int:
    # As a draft: the diff publishes nothing, and a year just started (`cotcan nam-moi`) or being
    # imported still holds its placeholder decision, which the clerk sees as a warning.
    portal, problems = load(site_folders(args.data, args.config_file).data, draft=True)
    errors = any(p.severity == "error" for p in problems)
    # An office id mistyped is said first, alone: not after every warning of the data. (With
    # errors, the office may be missing because of one: the report says which.)
    if not errors and args.office not in portal.offices:
        raise CommandError(unknown_office(args.office, portal.offices))
    if problems:  # warnings do not stop the diff, but the clerk should see them
        say(report(problems, closing="Dữ liệu có lỗi nên chưa so sánh được. Sửa các lỗi trên rồi chạy lại."))
    if errors:
        return Exit.DATA
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
            for other, last in also_carried(portal, args.office, compared, new):
                say(f"Năm học {new} cũng tiếp tục các tổ chức của {other} (năm học cuối {last}): so sánh bằng "
                    f"{commands.DIFF.line('--office', other)}.")
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
