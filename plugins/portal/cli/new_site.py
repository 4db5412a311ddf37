"""`cotcan tao-trang`: create an office's data repository in a new folder.

The work is the core's (portal.newsite): data with placeholders the checker flags until
they are replaced, mkdocs.yml, docs/, a Vietnamese README, requirements.txt pinning this
version, and the GitHub Pages and GitLab Pages workflows. This module reads and checks the
command line, and tells the clerk what to do next.
"""

from __future__ import annotations

import argparse
import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

from .. import commands, vocab
from ..commands import Exit
from ..dates import SchoolYear
from ..newsite import NewSite, SiteSpec, create_site
from ..newsite.package import VENDOR, Source, installed_source, pinned_dependencies, requirement_line, wheel_source
from ..problems import report
from ..sanitize import breaks_theme
from ..schema import ID_PATTERN, NAME_PATTERN
from .arguments import OFFICE_EXAMPLE, school_year
from .command import Command, CommandError, installed_version
from .guard import say

DEFAULT_KIND = "so-gddt"  # since 1/7/2025 a province's Sở publishes (or a commune)


def current_school_year(today: datetime.date) -> SchoolYear:
    """The year being prepared or under way: from 1 June, when next year's decisions start
    to be signed (SchoolYear.window), the year that begins this autumn."""
    this_autumn = SchoolYear(today.year)
    return this_autumn if today >= this_autumn.window[0] else this_autumn.previous


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="THƯ_MỤC", help="thư mục mới (hoặc trống) cho kho dữ liệu")
    parser.add_argument("--office", required=True, metavar="MÃ_ĐƠN_VỊ",
                        help=f"mã của đơn vị: chữ thường không dấu, số, dấu gạch ngang, ví dụ {OFFICE_EXAMPLE}")
    parser.add_argument("--name", required=True, metavar="TÊN",
                        help="tên đầy đủ của đơn vị, ví dụ 'Sở Giáo dục và Đào tạo tỉnh Điện Biên'")
    parser.add_argument("--short-name", metavar="TÊN_NGẮN", help="tên ngắn, ví dụ 'Sở GDĐT Điện Biên'")
    parser.add_argument("--kind", choices=list(vocab.OFFICE_KINDS), default=DEFAULT_KIND, metavar="LOẠI",
                        help=f"loại đơn vị: {', '.join(vocab.OFFICE_KINDS)} (mặc định: {DEFAULT_KIND})")
    parser.add_argument("--year", type=school_year, metavar="NĂM_HỌC",
                        help="năm học đầu tiên (mặc định: năm học đang chuẩn bị hoặc đang diễn ra)")
    parser.add_argument("--package", metavar="GÓI",
                        help=f"bản phần mềm mà trang cài, ghi vào requirements.txt: một tệp .whl của phần mềm (được "
                             f"chép vào {VENDOR}/), hoặc một dòng của pip chỉ đích danh một bản: 'portal-cot-can @ "
                             "https://….whl#sha256=…' hay 'portal-cot-can @ git+https://…@<mã commit>' (mặc định: "
                             "tệp wheel hay địa chỉ mà phần mềm đang chạy được cài từ đó)")
    parser.add_argument("--site-url", metavar="ĐỊA_CHỈ",
                        help="địa chỉ công khai của trang, ví dụ https://so-gddt-dien-bien.github.io/trang-so/ (mặc "
                             "định: quy trình xuất bản trên GitHub Pages, GitLab Pages tự điền)")


def _text(option: str, value: str, pattern: str, expected: str) -> str:
    if not re.search(pattern, value) or len(value) > 500 or "\n" in value or "\r" in value:
        raise CommandError(f"{option}: '{value}' không dùng được; cần {expected}.")
    return value


def _site_name_source(option: str, value: str) -> str:
    if breaks_theme(value):
        raise CommandError(f"{option}: '{value}' có ký tự \", <, > mà giao diện trang ghi nguyên vào HTML (tên trang, "
                           "site_name, được làm từ tên này); dùng dấu ngoặc kép “ ” thay cho \" và bỏ < >, hoặc cho "
                           "một --short-name không có các ký tự đó.")
    return value


def _source(package: str | None) -> Source:
    """How requirements.txt installs the portal: never by its name alone (newsite.package)."""
    if package is None:
        return installed_source()
    if package.endswith(".whl") and "://" not in package and "@" not in package:  # a file here, not a URL
        wheel = Path(package)
        if not wheel.is_file():
            raise CommandError(f"--package: không có tệp {wheel}.")
        return wheel_source(wheel)
    if "\n" in package or "\r" in package or not package.strip():
        raise CommandError("--package: cần một tệp .whl, hoặc một dòng yêu cầu của pip, ví dụ "
                           "'portal-cot-can @ git+https://…@<mã commit>'.")
    return Source(requirement_line(package), None)


def _site_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment or \
            any(c.isspace() for c in value):
        raise CommandError(f"--site-url: '{value}' không dùng được; cần địa chỉ công khai của trang, ví dụ "
                           "https://so-gddt-dien-bien.github.io/trang-so/.")
    return value if value.endswith("/") else f"{value}/"


def _spec(args: argparse.Namespace, version: str) -> tuple[SiteSpec, Path | None]:
    """The site asked for, and the wheel to copy into it when there is one: the values typed
    are checked before the package is looked for."""
    name_expected = "một dòng chữ, không để trống, không quá 500 ký tự"
    _site_name_source(*(("--short-name", args.short_name) if args.short_name is not None else ("--name", args.name)))
    office = _text("--office", args.office, ID_PATTERN,
                     f"chữ thường không dấu, số và dấu gạch ngang đơn, ví dụ {OFFICE_EXAMPLE}")
    name = _text("--name", args.name, NAME_PATTERN, name_expected)
    short_name = None if args.short_name is None else _text("--short-name", args.short_name, NAME_PATTERN,
                                                              name_expected)
    site_url = _site_url(args.site_url)
    source = _source(args.package)
    spec = SiteSpec(office=office, name=name, short_name=short_name, kind=args.kind,
                    year=args.year or current_school_year(datetime.date.today()), requirement=source.requirement,
                    version=version, pins=tuple(pinned_dependencies()), site_url=site_url)
    return spec, source.wheel


def next_steps(site: NewSite, spec: SiteSpec) -> list[str]:
    return [
        "Việc cần làm tiếp (README.md của trang ghi đầy đủ):",
        f"  1. {commands.change_folder_line(site.folder)}; cài phần mềm: python3 -m pip install -r requirements.txt",
        "  2. Thay các chỗ giữ (placeholder: true) bằng thông tin thật: đơn vị, các trường, quyết định và danh "
        f"sách năm học {spec.year}. {commands.CHECK.line('--draft')} liệt kê những chỗ còn lại.",
        f"  3. Kiểm tra: {commands.CHECK.line()}; xem trước: python3 -m mkdocs serve",
        "  4. Đưa thư mục lên GitHub (Settings → Pages → Source: GitHub Actions) hoặc GitLab: trang được dựng và "
        "xuất bản mỗi khi dữ liệu thay đổi.",
    ]


def _run(args: argparse.Namespace) -> int:
    spec, wheel = _spec(args, installed_version())
    created = create_site(args.folder, spec, wheel)
    if isinstance(created, list):
        say("Chưa tạo gì: dữ liệu của trang mới không qua được kiểm tra.\n")
        say(report(created, closing=None))
        return Exit.DATA
    print(f"Đã tạo trang mới của {spec.name} trong {created.folder}:")
    for path in created.files:
        print(f"  {path}")
    print(f"Các chỗ giữ ({len(created.warnings)}) được kiểm tra báo là lỗi cho đến khi được thay.")
    print("\n".join(next_steps(created, spec)))
    return Exit.OK


COMMAND = Command(
    names=commands.NEW_SITE,
    summary="tạo kho dữ liệu cho trang của một đơn vị mới, kèm quy trình tự xuất bản",
    description="Tạo kho dữ liệu cho trang của một đơn vị trong một thư mục mới: data/ với các chỗ giữ (một đơn "
                "vị, một trường, một người, một năm học) mà bản kiểm tra báo lỗi cho đến khi được thay, mkdocs.yml, "
                "docs/, README.md, requirements.txt, và quy trình GitHub Actions (GitHub Pages), GitLab CI để tự "
                "dựng và xuất bản trang. Không ghi vào thư mục đã có và không trống.",
    add_arguments=_add_arguments,
    run=_run,
)
