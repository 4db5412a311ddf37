"""Start a new school year for an office by copying the previous one, ids unchanged.

    python3 scripts/new_year.py --office pgddt-mau [--from 2024-2025] [--to 2025-2026]
                                [--data data]

Copies data/years/<from>/<office>.yml to data/years/<to>/<office>.yml: the bodies, their
members and duties stay as they are (same ids, so the site can show what changed), the
old year's documents (decisions, plans and their dates) are dropped, and every body
points to one placeholder decision, `<office>-<start year>-qd-cho-so`, to be replaced by
the real one. Comments and layout are kept. Never overwrites an existing file; checks the
new file with the checker and removes it again if it does not pass. Without --from, the
office's latest year; without --to, the year after --from.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import re
import sys
from pathlib import Path
from typing import Any

import yaml

import _paths
from portal.dates import SchoolYear
from portal.diff import office_years
from portal.load import _shown, load
from portal.model import Office
from portal.problems import Problem, report

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_DECISION = re.compile(r"^(\s*(?:-\s+)?decision:\s*)([^\s#]+)(.*)$")


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
    p.add_argument("--data", type=Path, default=_paths.REPO / "data", help="thư mục dữ liệu")
    return p


def placeholder(office: Office, year: SchoolYear) -> dict[str, Any]:
    """The decision every copied body points to until the real one is entered."""
    title = f"Quyết định năm học {year} (chưa có số)"
    if office.sample:
        title += " (dữ liệu mẫu)"
    return {"id": f"{office.id}-{year.start}-qd-cho-so", "kind": "quyet-dinh", "date": year.start,
            "title": title}


def new_data(old: dict[str, Any], year: SchoolYear, decision: dict[str, Any]) -> dict[str, Any]:
    """What the new file must hold: the old one with the new year, decision and no documents."""
    data: dict[str, Any] = {}
    for key, value in old.items():
        if key == "documents":
            continue
        data[key] = copy.deepcopy(value)
        if key == "school_year":
            data["documents"] = [dict(decision)]
    data["school_year"] = year.label
    data.setdefault("documents", [dict(decision)])
    for body in data.get("bodies") or []:
        body["decision"] = decision["id"]
    return data


def _placeholder_lines(decision: dict[str, Any], year: SchoolYear) -> list[str]:
    return [
        "documents:",
        f"  # Chỗ giữ: thay bằng quyết định thật của năm học {year} (số, ngày, người ký, căn cứ,",
        "  # nơi nhận, toàn văn), hoặc thêm quyết định thật rồi sửa 'decision:' của các tổ chức.",
        f"  - id: {decision['id']}",
        f"    kind: {decision['kind']}",
        f"    date: {decision['date']}",
        f"    title: {decision['title']}",
    ]


def rewrite_text(text: str, old_year: SchoolYear, year: SchoolYear, source: str,
                 decision: dict[str, Any]) -> str:
    """The old file's text with only what must change changed, comments and layout kept."""
    lines = text.splitlines()
    out = [
        f"# Năm học {year}: chép từ {source} bằng scripts/new_year.py.",
        f"# Tổ chức, thành viên và nhiệm vụ giữ như năm học {old_year}; văn bản của năm cũ đã bỏ.",
        "# Sửa theo quyết định mới; giữ nguyên mã (id) của tổ chức, người và trường.",
    ]
    if lines and lines[0].startswith("#"):
        out.append(f"# Ghi chú chép từ năm học {old_year}:")
    section = None
    i = 0
    while i < len(lines):
        line = lines[i]
        top = _TOP_KEY.match(line)
        if top:
            section = top.group(1)
            if section == "school_year":
                out.append(f"school_year: {year.label}")
                i += 1
                continue
            if section == "documents":
                # Skip the whole block, but keep the comments just above the next key.
                j = i + 1
                while j < len(lines) and not _TOP_KEY.match(lines[j]):
                    j += 1
                k = j
                while k > i + 1 and (lines[k - 1].startswith("#") or not lines[k - 1].strip()):
                    k -= 1
                out.extend(_placeholder_lines(decision, year))
                out.extend(lines[k:j])
                i = j
                continue
            if section == "bodies" and not any(x.startswith("documents:") for x in lines):
                out.extend(_placeholder_lines(decision, year))
        if section == "bodies":
            match = _DECISION.match(line)
            if match:
                line = f"{match.group(1)}{decision['id']}{match.group(3)}"
        out.append(line)
        i += 1
    return "\n".join(out) + "\n"


def _problems_in(problems: list[Problem], shown: str) -> list[Problem]:
    return [p for p in problems if p.file == shown]


def run(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    data_dir: Path = args.data
    if not data_dir.is_dir():
        print(f"Không tìm thấy thư mục dữ liệu {data_dir}.", file=sys.stderr)
        return 2
    portal, problems = load(data_dir, draft=True)  # another office's year may be in preparation
    if any(p.severity == "error" for p in problems):
        print("Dữ liệu hiện có lỗi; sửa trước khi bắt đầu năm học mới.\n", file=sys.stderr)
        print(report(problems), file=sys.stderr)
        return 1
    office = portal.offices.get(args.office)
    if office is None:
        print(f"Không có đơn vị nào mang mã '{args.office}'.", file=sys.stderr)
        return 2
    years = office_years(portal, office.id)
    old: SchoolYear | None = args.old or (years[-1] if years else None)
    if old is None or old not in years:
        have = ", ".join(str(y) for y in years) or "chưa có năm nào"
        print(f"Đơn vị {office.id} không có dữ liệu năm học {old or ''} để chép "
              f"(các năm đang có: {have}).", file=sys.stderr)
        return 2
    new: SchoolYear = args.new or SchoolYear(old.start + 1)
    if new <= old:
        print(f"Năm học mới ({new}) phải sau năm học chép từ ({old}).", file=sys.stderr)
        return 2
    source = data_dir / "years" / old.label / f"{office.id}.yml"
    target = data_dir / "years" / new.label / f"{office.id}.yml"
    shown_root = data_dir.parent
    shown_source = _shown(source, shown_root)
    shown_target = _shown(target, shown_root)
    if target.exists():
        print(f"{shown_target} đã có; không ghi đè. Sửa trực tiếp tệp đó, hoặc xóa nó nếu muốn "
              "chép lại.", file=sys.stderr)
        return 2
    decision = placeholder(office, new)
    if decision["id"] in portal.documents:
        print(f"Mã văn bản chỗ giữ '{decision['id']}' đã có trong dữ liệu.", file=sys.stderr)
        return 2

    text = source.read_text(encoding="utf-8")
    expected = new_data(yaml.safe_load(text), new, decision)
    result = rewrite_text(text, old, new, shown_source, decision)
    if yaml.safe_load(result) != expected:
        # A layout the line edits do not understand: write the same data plainly instead.
        result = (f"# Năm học {new}: chép từ {shown_source} bằng scripts/new_year.py.\n"
                  + yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=4096))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(result, encoding="utf-8")

    _, after = load(data_dir, draft=True)  # the placeholder is there until the decision is entered
    errors = [p for p in after if p.severity == "error"]
    if errors:
        target.unlink()
        if not any(target.parent.iterdir()):
            target.parent.rmdir()
        print(f"Bản chép {shown_target} không qua được kiểm tra nên đã bị xóa:\n", file=sys.stderr)
        print(report(_problems_in(after, shown_target) or after), file=sys.stderr)
        return 1

    bodies = len(expected.get("bodies") or [])
    members = sum(len(b.get("members") or []) for b in expected.get("bodies") or [])
    print(f"Đã tạo {shown_target}: {bodies} tổ chức, {members} dòng thành viên, "
          f"chép từ năm học {old}.")
    if office.valid_until is not None \
            and office.valid_until.last_day < datetime.date(new.start, 9, 1):
        successor = portal.offices.get(office.successor or "")
        print(f"Lưu ý: {office.short_name} hoạt động đến hết {office.valid_until.vietnamese()}"
              + (f"; đơn vị kế thừa là {successor.short_name}" if successor else "")
              + ". Kiểm tra lại đơn vị nào ban hành quyết định năm học mới.")
    print("Việc cần làm tiếp:")
    print(f"  1. Trong {shown_target}, thay văn bản chỗ giữ '{decision['id']}' bằng quyết định "
          "thật: số, ngày, người ký, căn cứ, nơi nhận, toàn văn.")
    print("  2. Sửa danh sách thành viên theo quyết định mới: thêm người mới, xóa người rời, sửa "
          "vai trò, chức vụ, đơn vị công tác. Giữ nguyên mã (id) của người, trường và tổ chức; "
          "người mới thì thêm vào data/people/.")
    print("  3. Thêm kế hoạch và các hoạt động của năm mới (ngày tháng không được chép).")
    print("  4. Kiểm tra: python3 scripts/check.py")
    print(f"  5. Xem thay đổi: python3 scripts/diff_years.py --office {office.id} "
          f"--from {old} --to {new}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return _paths.guarded_main(run, argv)


if __name__ == "__main__":
    sys.exit(main())
