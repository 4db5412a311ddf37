"""`cotcan kiem-tra`: check the data, and what the build refuses in the site's own files, and
print a report an office clerk can act on.

The site's own files are its mkdocs.yml (command.site_folders: `-f`, or beside --data, or here) and the
folders it names (the pages' `docs_dir`, the theme's `custom_dir`): every check the build runs
on them (portal.site_checks) runs here too. A folder of data without mkdocs.yml is checked alone.
Prints every error and warning (file, line, field, what was expected, a hint), then, when
there is no error, the counts per office, year and body. `--draft` accepts the placeholders
of a year or a site being prepared (`cotcan nam-moi`, `cotcan tao-trang`) as warnings; the
normal check and the build refuse them.
"""

from __future__ import annotations

import argparse
import importlib.util

from .. import build_cache, commands, originals, site_checks
from ..commands import Exit
from ..load import load
from ..model import Portal
from ..problems import Problem, nothing_published, report
from ..site_config import DEFAULT_SITE_DIR, SiteConfig, site_problems
from .arguments import add_data_option
from .command import Command, site_folders


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_data_option(parser)
    parser.add_argument("--draft", action="store_true",
                        help="kiểm tra nháp: chấp nhận chỗ giữ (văn bản chưa có số, đơn vị, trường, người chưa "
                             "điền) như cảnh báo, khi đang soạn năm học mới hoặc trang mới")


def _counts(portal: Portal) -> list[str]:
    lines = []
    for office_year in sorted(portal.office_years, key=lambda oy: (oy.school_year, oy.office)):
        lines.append(f"{office_year.school_year} {portal.offices[office_year.office].short_name}: "
                     f"{len(office_year.documents)} văn bản, {len(office_year.bodies)} tổ chức")
        for body_id in office_year.bodies:
            body = portal.bodies[(office_year.school_year, body_id)]
            people = sum(1 for m in body.members if m.person)
            schools = sum(1 for m in body.members if m.school)
            lines.append(f"    {body.name}: {people} người, {schools} trường")
    return lines


def _mkdocs_problems(config: SiteConfig, told: list[Problem]) -> list[Problem]:
    """MkDocs' own validation of mkdocs.yml (an unknown option, a plugin or theme not
    installed), from the adapter, where MkDocs is installed (the build needs it anyway); what
    site_config `told` already is not told twice."""
    if importlib.util.find_spec("mkdocs") is None:
        return []
    from portal_mkdocs.config_check import config_problems

    return config_problems(config, told)


def _use_cache(config: SiteConfig | None) -> list[Problem]:
    """Have the checks of the originals and of the site's own files keep their verdicts in the
    cache's folder the build uses (build_cache.site_folder); where the build would refuse it,
    none, and the refusal."""
    folders = [] if config is None else [
        *config.folders, config.path.parent / str(config.written.get("site_dir", DEFAULT_SITE_DIR))]
    refused: list[Problem] = []
    try:
        folder = build_cache.site_folder(folders)
    except build_cache.UnsafeFolder as error:
        folder = None
        refused.append(Problem(build_cache.ENVIRONMENT_VARIABLE, None, "", str(error)))
    originals.CHECKED.use_folder(folder)
    site_checks.CLEAN_SITE_FILES.use_folder(folder)
    return refused


def _run(args: argparse.Namespace) -> int:
    # mkdocs.yml is read once, here (site_folders), for its data_dir and every check of it.
    site = site_folders(args.data, args.config_file)
    in_site = _use_cache(site.config)
    portal, problems = load(site.data, draft=args.draft)
    in_site += site.config_read
    if site.config is not None:
        in_site += site_problems(site.config, portal.redactor)
        in_site += _mkdocs_problems(site.config, in_site)
    errors = [p for p in problems if p.severity == "error"]
    site_errors = [p for p in in_site if p.severity == "error"]
    if not errors and not site_errors:
        for line in _counts(portal):
            print(line)
        print()
    print(report([*problems, *in_site], closing=nothing_published(bool(errors), bool(site_errors))
                 if errors or site_errors else None))
    return Exit.DATA if errors or site_errors else Exit.OK


COMMAND = Command(
    names=commands.CHECK,
    summary="kiểm tra dữ liệu và cấu hình, trang viết tay của trang: mọi lỗi và cảnh báo, kèm tệp, dòng, mục và "
            "gợi ý sửa",
    description="Kiểm tra như khi dựng trang: toàn bộ dữ liệu, cùng mkdocs.yml và các trang viết tay (nội dung, tên "
                "tệp) nếu có; in mọi lỗi và cảnh báo (tệp, dòng, mục, điều cần có, gợi ý), rồi số văn "
                "bản, tổ chức, người của từng đơn vị và năm học. Trả về 1 khi có lỗi.",
    add_arguments=_add_arguments,
    run=_run,
)
