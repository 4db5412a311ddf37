"""`cotcan nam-moi`: start an office's next school year by copying its last one, ids unchanged.

The logic is the core's (portal.newyear): data/years/<from>/<office>.yml is copied to
data/years/<to>/<office>.yml with the bodies, members and duties kept (same ids, so the site
can show what changed), the old year's documents dropped, and every body pointing to one
placeholder decision (`placeholder: true`) that only a draft check accepts. Never copies a
year whose decision is still such a placeholder (newyear._refuse_a_draft). Never overwrites
a file; checks the new file and removes it again if it does not pass. Refuses an office
that ended before the new year, naming its successors and `--successor`, which starts the
successor's year file from the ended office's last year (same body ids, the successor as the
issuer, the schools handed on), or adds to it when it carries another ended office on already.
Reports the schools left out because they closed, and the people whose unit was one of them.
"""

from __future__ import annotations

import argparse

from .. import commands
from ..commands import Exit
from ..load import load, shown_path
from ..newyear import NewYear, plan, plan_successor, undone, write
from ..problems import report
from .arguments import OFFICE_EXAMPLE, add_data_option, add_office_option, school_year
from .command import Command, site_folders
from .guard import say


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_office_option(parser)
    parser.add_argument("--from", dest="old", type=school_year, metavar="NĂM_HỌC",
                        help="năm học chép từ (mặc định: năm mới nhất của đơn vị)")
    parser.add_argument("--to", dest="new", type=school_year, metavar="NĂM_HỌC",
                        help="năm học mới (mặc định: năm sau --from)")
    parser.add_argument("--successor", metavar="MÃ_ĐƠN_VỊ",
                        help="đơn vị kế thừa bắt đầu năm học mới từ năm cuối của --office (khi --office đã "
                             f"chấm dứt hoạt động), ví dụ {OFFICE_EXAMPLE}")
    add_data_option(parser)


def closed_schools(year: NewYear) -> list[str]:
    """The schools left out of the new year because they closed, and the people whose unit
    was one of them: the clerk fills in where they work now."""
    lines = []
    if year.closed:
        lines.append(f"Trường đã chấm dứt hoạt động trước năm học {year.new}, không chép sang năm mới "
                     "(bỏ khỏi 'schools:' và khỏi các danh sách):")
        for closed in year.closed:
            school = closed.school
            assert school.valid_until is not None
            heir = f", sáp nhập vào {closed.successor.name} ({closed.successor.id})" if closed.successor else ""
            lines.append(f"  - {school.name} ({school.id}): hoạt động đến hết ngày "
                         f"{school.valid_until.vietnamese()}{heir}.")
    if year.units_to_fill:
        lines.append("Cần điền đơn vị ('unit') cho những người sau: đơn vị cũ là trường đã chấm dứt nên đã bỏ; "
                     "không tự đoán trường mới; 'cotcan kiem-tra' nhắc lại cho đến khi điền xong:")
        lines.extend(f"  - {fill.person}, {fill.body} (đơn vị cũ: {fill.school.name})" for fill in year.units_to_fill)
    if year.reasons_copied:
        lines.append("Lý do không có danh sách ('no_roster') nhắc văn bản của năm học cũ, đã ghi thêm 'Chép từ năm "
                     f"học {year.old}…': sửa theo quyết định mới (hoặc thay bằng danh sách):")
        lines.extend(f"  - {name}" for name in year.reasons_copied)
    return lines


def next_steps(year: NewYear, shown: str) -> list[str]:
    """What the clerk does after the year is started, with the commands to run."""
    return [
        "Việc cần làm tiếp:",
        f"  1. Trong {shown}, thay văn bản chỗ giữ '{year.decision_id}' bằng quyết định thật: số, ngày, người ký, "
        "căn cứ, nơi nhận, toàn văn; xóa dòng 'placeholder: true'.",
        "  2. Sửa danh sách thành viên theo quyết định mới (hoặc nhập danh sách đã ký: "
        f"{commands.IMPORT.line('--office', year.office.id, '--input', 'danh-sach.docx')}). Giữ nguyên mã (id) "
        "của người, trường và tổ chức.",
        "  3. Thêm kế hoạch và các hoạt động của năm mới (ngày tháng không được chép).",
        f"  4. Kiểm tra bản nháp: {commands.CHECK.line('--draft')}; trước khi xuất bản: {commands.CHECK.line()}",
        # The ended office's year `old` is what a successor's first year is compared with.
        "  5. Xem thay đổi: "
        + commands.DIFF.line("--office", year.copied_from.id, "--from", str(year.old), "--to", str(year.new)),
    ]


def _run(args: argparse.Namespace) -> int:
    data_dir = site_folders(args.data, args.config_file).data
    portal, problems = load(data_dir, draft=True)
    if any(p.severity == "error" for p in problems):
        say("Dữ liệu hiện có lỗi; sửa trước khi bắt đầu năm học mới.\n")
        say(report(problems, closing=None))
        return Exit.DATA
    if args.successor:
        year = plan_successor(portal, data_dir, args.office, args.successor, args.old, args.new)
    else:
        year = plan(portal, data_dir, args.office, args.old, args.new)
    errors = write(year, data_dir)
    shown = shown_path(year.target, data_dir.parent)
    if errors:
        say(f"Bản chép {shown} không qua được kiểm tra nên {undone(year)}:\n")
        # A school left out because it closed may be why (a group whose leading school it was).
        if year.closed:
            say("\n".join(closed_schools(year)) + "\n")
        say(report(errors, closing=None))
        return Exit.DATA
    if year.base is None:
        print(f"Đã tạo {shown}: {year.bodies} tổ chức, {year.members} dòng thành viên, "
              f"chép từ năm học {year.old} của {year.copied_from.short_name}.")
    else:
        schools = f"{len(year.added_schools)} trường vào 'schools:'" if year.added_schools else "không trường nào mới"
        print(f"Đã chép thêm vào {shown} (phần đã có giữ nguyên): {year.bodies} tổ chức, {year.members} dòng thành "
              f"viên, {schools}, chép từ năm học {year.old} của {year.copied_from.short_name}; các tổ chức thêm theo "
              f"văn bản chỗ giữ '{year.decision_id}' (một văn bản chỗ giữ chung cho cả tệp).")
    print("\n".join([*closed_schools(year), *next_steps(year, shown)]))
    return Exit.OK


COMMAND = Command(
    names=commands.NEW_YEAR,
    summary="bắt đầu năm học mới của một đơn vị, chép từ năm trước, giữ nguyên mã",
    description="Bắt đầu năm học mới cho một đơn vị: chép tệp của năm trước, giữ nguyên mã của tổ chức, người, "
                "trường; bỏ văn bản cũ, thay bằng một quyết định chờ số. Không ghi đè tệp đã có; không chép năm học "
                "mà quyết định còn là chỗ giữ (bản nháp).",
    add_arguments=_add_arguments,
    run=_run,
)
