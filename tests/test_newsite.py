"""A new office's data repository (`cotcan tao-trang`): every file, placeholders that the check
flags until they are replaced, nothing written over, values quoted, workflows GitHub and
GitLab accept, and a strict build with the workflow's own command: refused with the
placeholders, passing once they are replaced as a clerk would replace them.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from cli_util import cotcan, cotcan_process
from hypothesis import given
from hypothesis import strategies as st
from markers import runs_mkdocs
from mkdocs import config as mkdocs_config
from mkdocs import utils as mkdocs_utils
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import REPO, build_env
from portal import commands
from portal.checks import PLACEHOLDER_NAME
from portal.cli.command import DISTRIBUTION
from portal.cli.new_site import current_school_year
from portal.commands import Exit
from portal.load import load
from portal.model import Portal
from portal.newsite import package as package_module
from portal.newsite.files import GITLAB_CI, REQUIREMENTS, WORKFLOW, markdown_text, yaml_scalar
from portal.newsite.package import CONSTRAINTS, PackageError, Source, recorded_source
from portal.schema import FILE_SCHEMAS

OFFICE = "so-gddt-dien-bien"
NAME = "Sở Giáo dục và Đào tạo tỉnh Điện Biên"
YEAR = "2025-2026"
# The office's copy of the portal, as the development team sends it (portal_wheel).
WHEEL = f"portal_cot_can-{metadata.version(DISTRIBUTION)}-py3-none-any.whl"
FILES = {
    "README.md", "mkdocs.yml", "requirements.txt", "constraints.txt", ".gitignore", f"vendor/{WHEEL}",
    ".github/workflows/xuat-ban.yml", ".gitlab-ci.yml",
    "docs/gioi-thieu.md", "data/offices.yml", "data/subjects.yml", f"data/schools/{OFFICE}.yml",
    f"data/people/{OFFICE}.yml", f"data/years/{YEAR}/{OFFICE}.yml",
}


def portal_wheel(folder: Path, name: str = WHEEL, project: str = DISTRIBUTION, version: str | None = None,
                 entry_points: str = "[mkdocs.plugins]\nportal = portal_mkdocs.plugin:PortalPlugin\n") -> Path:
    """A wheel file as `pip wheel` makes it, with what tao-trang reads of it: its METADATA
    (name, version) and entry points (the portal's MkDocs plugin)."""
    version = version or metadata.version(DISTRIBUTION)
    info = f"{project.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(folder / name, "w") as archive:
        archive.writestr("portal/__init__.py", "")
        archive.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {project}\nVersion: {version}\n"
                                             "Requires-Dist: mkdocs<2,>=1.6\n")
        archive.writestr(f"{info}/entry_points.txt", f"[console_scripts]\ncotcan = portal.cli:main\n\n{entry_points}")
        archive.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    return folder / name


_DIST: list[Path] = []  # the folder of the module's portal wheel (dist)


@pytest.fixture(scope="module", autouse=True)
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The portal's wheel, made once, outside the folders the tests look into."""
    _DIST[:] = [tmp_path_factory.mktemp("dist")]
    portal_wheel(_DIST[0])
    return _DIST[0]


def package() -> tuple[str, str]:
    return "--package", str(_DIST[0] / WHEEL)


def new_site(folder: Path, *options: str, name: str = NAME,
             run: Callable[..., subprocess.CompletedProcess[str]] = cotcan) -> subprocess.CompletedProcess[str]:
    """tao-trang with the portal's wheel given (this test runs from a source install, where
    the default has no copy to name), unless `options` say how to install it."""
    if "--package" not in options:
        options = (*options, *package())
    return run("tao-trang", str(folder), "--office", OFFICE, "--name", name, "--short-name", "Sở GDĐT Điện Biên",
                  "--year", YEAR, *options)


def mkdocs_yml(folder: Path) -> dict[str, Any]:
    """The site's mkdocs.yml as MkDocs reads it (`!ENV` included)."""
    with (folder / "mkdocs.yml").open(encoding="utf-8") as file:
        values: dict[str, Any] = mkdocs_utils.yaml_load(file)
    return values


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def created(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One new site, made once; tests that change it work on a copy (`fresh`)."""
    folder = tmp_path_factory.mktemp("sites") / "so-gddt-dien-bien"
    done = new_site(folder)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def fresh(created: Path, tmp_path: Path) -> Path:
    shutil.copytree(created, tmp_path / "site-repo")
    return tmp_path / "site-repo"


def test_every_file_is_written_and_the_clerk_is_told_what_next(tmp_path: Path) -> None:
    """Run for real, in a fresh interpreter (the other tests call `main` in this process)."""
    folder = tmp_path / "trang"
    done = new_site(folder, run=cotcan_process)
    assert (done.returncode, done.stderr) == (0, "")
    assert files_in(folder) == FILES
    lines = done.stdout.splitlines()
    assert {line.strip() for line in lines[1:lines.index("Các chỗ giữ (4) được kiểm tra báo là lỗi cho đến khi "
                                                         "được thay.")]} == FILES
    assert f"Đã tạo trang mới của {NAME} trong {folder}:" in done.stdout
    assert "cotcan kiem-tra --draft liệt kê những chỗ còn lại" in done.stdout
    assert not [p for p in tmp_path.iterdir() if p.name != "trang"], "the staging folder is gone"


def test_the_files_are_the_same_whichever_machine_makes_them(created: Path, tmp_path: Path) -> None:
    """office-cmds item 1: a command printed for the clerk is written for the shell of the
    machine (cmd.exe and PowerShell on Windows); the README's, in a file every machine reads
    and git keeps, stay written for a POSIX shell, as the README's other commands."""
    folder = tmp_path / created.name
    with commands.quoting(commands.Shell.WINDOWS):
        done = new_site(folder)
    assert done.returncode == 0, done.stderr
    assert files_in(folder) == files_in(created)
    assert {name: (folder / name).read_bytes() for name in files_in(folder)} == {
        name: (created / name).read_bytes() for name in files_in(created)}
    assert f"--name {shlex.quote(NAME)}" in (folder / "README.md").read_text(encoding="utf-8")


def placeholder_lists() -> set[str]:
    """The lists of the data format whose records may be placeholders, from the schema."""
    found = set()
    for schema in FILE_SCHEMAS.values():
        for key, value in schema["properties"].items():
            if value.get("type") == "array" and "placeholder" in value["items"].get("properties", {}):
                found.add(key)
    return found


def test_one_placeholder_of_each_kind_a_warning_in_a_draft_and_an_error_otherwise(created: Path) -> None:
    assert placeholder_lists() == {"offices", "schools", "people", "documents"}
    _, draft = load(created / "data", created, draft=True)
    _, real = load(created / "data", created)
    assert {p.severity for p in draft} == {"warning"} and {p.severity for p in real} == {"error"}
    for problems in (draft, real):
        assert sorted(p.path.split("[")[0] for p in problems) == sorted(placeholder_lists())
        assert all(p.path.endswith("].placeholder") and "'placeholder: true'" in (p.hint or "") for p in problems)
        assert all("cotcan kiem-tra --draft" in (p.hint or "") for p in problems)
    by_file = {p.file: p for p in real}
    assert by_file["data/offices.yml"].message == (
        f"đơn vị '{OFFICE}' là chỗ giữ, chưa được thay bằng đơn vị thật.")
    assert by_file[f"data/schools/{OFFICE}.yml"].expected == (
        "mã, tên và cấp học của một trường thật của đơn vị (rồi thêm các trường khác)")

    draft_check = cotcan("kiem-tra", "--draft", cwd=created)
    check = cotcan("kiem-tra", cwd=created)
    assert (draft_check.returncode, check.returncode) == (Exit.OK, Exit.DATA)
    assert draft_check.stdout.endswith("0 lỗi, 4 cảnh báo.\n")
    assert "4 lỗi, 0 cảnh báo." in check.stdout


def test_deleting_only_the_marks_still_leaves_the_placeholders_refused(fresh: Path) -> None:
    """The careless clerk deletes every `placeholder: true` line and nothing else: each record
    still named "… (chỗ giữ)" is still a placeholder (as a decision titled "chưa có số" is)."""
    for path in (fresh / "data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^ *placeholder: true\n", "", text, flags=re.M), encoding="utf-8")
    # Every record the new site names "(chỗ giữ)", derived from its files.
    named = {str(record["name"]) for path in (fresh / "data").rglob("*.yml")
             for key, records in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items()
             if isinstance(records, list) for record in records
             if isinstance(record, dict) and PLACEHOLDER_NAME in str(record.get("name", ""))}
    assert named == {"Tên trường (chỗ giữ)", "Họ và tên (chỗ giữ)", "Tổ cốt cán (chỗ giữ)"}
    _, real = load(fresh / "data", fresh)
    _, draft = load(fresh / "data", fresh, draft=True)
    assert {p.severity for p in draft} == {"warning"}
    for name in named:
        (problem,) = [p for p in real if f"'{name}'" in p.message]
        assert problem.severity == "error" and problem.path.endswith("].name"), problem
        assert problem.message.endswith(f"vẫn mang tên chỗ giữ '{name}'.")
    check = cotcan("kiem-tra", cwd=fresh)
    assert check.returncode == Exit.DATA and "4 lỗi, 0 cảnh báo." in check.stdout  # and the decision


def test_a_used_folder_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    used = tmp_path / "used"
    used.mkdir()
    (used / "ghi-chu.txt").write_text("của văn phòng", encoding="utf-8")
    done = new_site(used)
    assert done.returncode == Exit.USAGE
    assert done.stderr == (f"LỖI {used}: thư mục đã có và không trống ('ghi-chu.txt'); không ghi vào đó. Chọn một "
                           "thư mục mới (lệnh tự tạo nó).\n")
    assert files_in(used) == {"ghi-chu.txt"}
    a_file = tmp_path / "tep"
    a_file.write_text("x", encoding="utf-8")
    assert new_site(a_file).returncode == Exit.USAGE and a_file.read_text(encoding="utf-8") == "x"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert new_site(empty).returncode == Exit.OK and files_in(empty) == FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "tep", "used"]


@pytest.mark.parametrize("asked", [".", "../trang"])
def test_the_folder_the_clerk_stands_in_is_filled(tmp_path: Path, asked: str) -> None:
    """`cotcan tao-trang .` in an empty folder was refused as 'not empty': the staging folder
    was made inside it. The folder itself is filled, not replaced: the clerk's shell stays in it."""
    here = tmp_path / "trang"
    here.mkdir()
    inode = here.stat().st_ino
    done = cotcan("tao-trang", asked, "--office", OFFICE, "--name", NAME, "--year", YEAR, *package(), cwd=here)
    assert (done.returncode, done.stderr) == (Exit.OK, "")
    assert files_in(here) == FILES and here.stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trang"], "the staging folder is gone"


def test_a_repository_just_cloned_is_filled_and_its_git_folder_kept(tmp_path: Path) -> None:
    """The hostile review: `git clone` of the office's empty repository, then `cotcan
    tao-trang .` in it, was refused as 'not empty' for its .git folder."""
    here = tmp_path / "trang"
    (here / ".git").mkdir(parents=True)
    (here / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    done = cotcan("tao-trang", ".", "--office", OFFICE, "--name", NAME, "--year", YEAR, *package(), cwd=here)
    assert (done.returncode, done.stderr) == (Exit.OK, "")
    assert files_in(here) == FILES | {".git/HEAD"}
    assert (here / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    other = tmp_path / "khac"
    (other / ".git").mkdir(parents=True)
    (other / "README.md").write_text("# Trang", encoding="utf-8")
    refused = cotcan("tao-trang", ".", "--office", OFFICE, "--name", NAME, "--year", YEAR, *package(), cwd=other)
    assert refused.returncode == Exit.USAGE and "thư mục đã có và không trống ('README.md')" in refused.stderr
    assert sorted(p.name for p in other.iterdir()) == [".git", "README.md"]


def test_a_folder_that_cannot_be_made_names_the_folder_asked_for(tmp_path: Path) -> None:
    """Inside a file (or /proc): the message names the folder the clerk typed and why, not a
    parent with 'already exists' or the hidden staging folder beside it."""
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    done = new_site(tmp_path / "tep" / "trang")
    assert (done.returncode, done.stdout) == (Exit.USAGE, "")
    assert done.stderr == (f"LỖI {tmp_path / 'tep' / 'trang'}: không tạo được thư mục ({tmp_path / 'tep'}: đây là "
                           "một tệp, không phải thư mục).\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tep"]


@pytest.mark.parametrize(("options", "said"), [
    (("--office", "Sở GDĐT"), "LỖI --office: 'Sở GDĐT' không dùng được; cần chữ thường không dấu"),
    (("--office", "so--gddt"), "LỖI --office: 'so--gddt' không dùng được"),
    (("--name", "  "), "LỖI --name: '  ' không dùng được; cần một dòng chữ, không để trống"),
    (("--name", "Sở\u200bGDĐT"), "LỖI --name: "),
    (("--name", "Sở\nGDĐT"), "LỖI --name: "),
    (("--short-name", "x" * 501), "LỖI --short-name: "),
    (("--package", "a\nb"), "LỖI --package: cần một tệp .whl, hoặc một dòng yêu cầu của pip"),
    (("--package", "khong-co.whl"), "LỖI --package: không có tệp khong-co.whl."),
])
def test_a_wrong_value_is_refused_before_anything_is_written(tmp_path: Path, options: tuple[str, str],
                                                             said: str) -> None:
    option, value = options
    values = {"--office": OFFICE, "--name": NAME, option: value}
    done = cotcan("tao-trang", str(tmp_path / "trang"), *[x for pair in values.items() for x in pair],
                  *(package() if option != "--package" else ()), cwd=tmp_path)
    assert done.returncode == Exit.USAGE, done.stdout
    assert done.stderr.startswith(said) and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_site_name_the_theme_would_write_raw_into_html_is_refused(tmp_path: Path) -> None:
    """The theme writes `site_name` unescaped into an HTML attribute (Material's header logo
    `aria-label`): a quote or angle bracket in the name it comes from would break out of it.
    Refused before anything is written; a clean --short-name makes such a --name usable."""
    name = 'Sở GDĐT "Đặc biệt" <script>alert(1)</script>'
    done = cotcan("tao-trang", str(tmp_path / "trang"), "--office", OFFICE, "--name", name, *package(), cwd=tmp_path)
    assert (done.returncode, done.stdout) == (Exit.USAGE, "")
    assert done.stderr.startswith(f"LỖI --name: '{name}' có ký tự \", <, > mà giao diện trang ghi nguyên vào HTML")
    assert "--short-name" in done.stderr and "“ ”" in done.stderr
    assert not (tmp_path / "trang").exists()
    short = cotcan("tao-trang", str(tmp_path / "trang"), "--office", OFFICE, "--name", NAME, "--short-name",
                   'Sở "X"', cwd=tmp_path)
    assert short.returncode == Exit.USAGE and short.stderr.startswith("LỖI --short-name: ")
    kept = new_site(tmp_path / "trang", name=name)  # with a clean --short-name: the full name kept as written
    assert kept.returncode == Exit.OK, kept.stderr
    config = mkdocs_yml(tmp_path / "trang")
    assert config["site_name"] == "Tổ cốt cán — Sở GDĐT Điện Biên"


HOSTILE_NAME = 'Phòng GD&ĐT "Mới": #1 - [*x*](javascript:alert(1)) <b>đậm</b> `mã` yes'


def test_a_name_with_yaml_and_markdown_syntax_arrives_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "trang"
    done = new_site(folder, name=HOSTILE_NAME)
    assert done.returncode == 0, done.stderr
    portal, _ = load(folder / "data", folder, draft=True)
    assert portal.offices[OFFICE].name == HOSTILE_NAME
    config = mkdocs_yml(folder)
    assert config["plugins"] == [{"portal": {"publisher": HOSTILE_NAME}}]
    for page in ("README.md", "docs/gioi-thieu.md"):
        html = markdown.markdown((folder / page).read_text(encoding="utf-8"))
        shown = 'Phòng GD&amp;ĐT "Mới": #1 - [*x*](javascript:alert(1)) &lt;b&gt;đậm&lt;/b&gt; `mã` yes'
        assert shown in html, page
        assert "<b>" not in html and "<em>" not in html and "javascript:alert(1)\"" not in html, page


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_a_yaml_scalar_reads_back_as_the_same_text(text: str) -> None:
    written = yaml_scalar(text)
    assert "\n" not in written
    assert yaml.safe_load(f"key: {written}\n") == {"key": text}


def test_markdown_text_shows_every_character_as_itself() -> None:
    html = markdown.markdown("x " + markdown_text("*a* _b_ `c` [d](e) <f> # g \\ h! & i &lt; &#60;"))
    assert html == "<p>x *a* _b_ `c` [d](e) &lt;f&gt; # g \\ h! &amp; i &amp;lt; &amp;#60;</p>"


def test_the_subjects_are_the_repository_s(created: Path) -> None:
    assert (created / "data" / "subjects.yml").read_bytes() == (REPO / "data" / "subjects.yml").read_bytes()


def requirement(folder: Path) -> str:
    lines = (folder / REQUIREMENTS).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")][-1]


COMMIT = "3f2a9c1d5e7b8a0f4c6d2e1b9a8f7c6d5e4b3a21"
SHA256 = "9d5e3c1f0b7a2e4d6c8b0a1f3e5d7c9b2a4f6e8d0c1b3a5f7e9d2c4b6a8f0e1d"


def test_the_portal_is_installed_from_the_office_s_own_copy_never_by_name(tmp_path: Path, created: Path) -> None:
    """Dependency confusion: portal-cot-can is not on PyPI, so a bare name would install
    whatever someone registers under it. The copy is a checked wheel, or pinned by a hash."""
    assert requirement(created) == f"./vendor/{WHEEL}"
    assert (created / "vendor" / WHEEL).read_bytes() == (_DIST[0] / WHEEL).read_bytes()
    for line in (f"portal-cot-can @ git+https://github.com/so-gddt/portal-cot-can@{COMMIT}",
                 f"portal-cot-can @ https://so-gddt.example/{WHEEL}#sha256={SHA256}"):
        folder = tmp_path / str(len(line))
        done = new_site(folder, "--package", line)
        assert done.returncode == 0, done.stderr
        assert requirement(folder) == line and not (folder / "vendor").exists()

    # This test runs from a source folder (an editable install): no copy to name by default.
    done = cotcan("tao-trang", str(tmp_path / "mac-dinh"), "--office", OFFICE, "--name", NAME, cwd=tmp_path)
    assert done.returncode == Exit.USAGE and done.stderr.startswith("LỖI --package: chưa cho, và không biết "), \
        done.stderr
    refused = {
        "requests": "không phải gói portal-cot-can",
        f"{DISTRIBUTION}=={metadata.version(DISTRIBUTION)}": "chưa chỉ đích danh một bản",
        "portal-cot-can>=0.1": "chưa chỉ đích danh một bản",
        "portal-cot-can @ https://so-gddt.example/portal_cot_can-0.1.0-py3-none-any.whl": "chưa chỉ đích danh",
        "portal-cot-can @ git+https://github.com/so-gddt/portal-cot-can@v0.1.0": "chưa chỉ đích danh",
        f"requests @ https://pypi.example/requests-2.0-py3-none-any.whl#sha256={SHA256}": "không phải gói portal",
        str(portal_wheel(tmp_path / "khac", "requests-2.32.0-py3-none-any.whl", "requests", "2.32.0")):
            "đây là gói 'requests', không phải phần mềm portal-cot-can",
        str(portal_wheel(tmp_path / "gia", entry_points="[mkdocs.plugins]\nportal = evil.plugin:Plugin\n")):
            "không có phần bổ trợ MkDocs của cổng thông tin",
        str(portal_wheel(tmp_path / "cu", "portal_cot_can-0.0.9-py3-none-any.whl", version="0.0.9")):
            f"tệp là phiên bản 0.0.9, chương trình đang chạy là phiên bản {metadata.version(DISTRIBUTION)}",
    }
    (tmp_path / "hong").mkdir()
    (tmp_path / "hong" / WHEEL).write_bytes(b"PK\x03\x04 not a zip")
    refused[str(tmp_path / "hong" / WHEEL)] = "tệp bị hỏng hoặc không phải tệp wheel"
    for package_given, said in refused.items():
        folder = tmp_path / "bi-tu-choi"
        done = new_site(folder, "--package", package_given)
        assert done.returncode == Exit.USAGE and done.stderr.startswith("LỖI --package") and said in done.stderr, (
            package_given, done.stderr)
        assert not folder.exists()


@pytest.mark.parametrize(("line", "said"), [
    (f"portal-cot-can @ file:///home/van-thu/tai-ve/{WHEEL}#sha256={SHA256}", "không tải được địa chỉ 'file://…'"),
    (f"portal-cot-can @ git+file:///home/van-thu/portal-cot-can@{COMMIT}", "không tải được địa chỉ 'git+file://…'"),
    (f"portal-cot-can @ git+ssh://git@github.com/so-gddt/portal-cot-can@{COMMIT}",
     "không tải được địa chỉ 'git+ssh://…'"),
    (f"portal-cot-can @ http://so-gddt.example/{WHEEL}#sha256={SHA256}", "không tải được địa chỉ 'http://…'"),
    (f"portal-cot-can @ https://so-gddt.example/portal_cot_can-9.9.9-py3-none-any.whl#sha256={SHA256}",
     f"tệp là phiên bản 9.9.9, chương trình đang chạy là phiên bản {metadata.version(DISTRIBUTION)}"),
    (f"portal-cot-can @ https://so-gddt.example/requests-2.0-py3-none-any.whl#sha256={SHA256}",
     "tệp 'requests-2.0-py3-none-any.whl' là gói 'requests', không phải phần mềm portal-cot-can"),
    (f"portal-cot-can @ https://so-gddt.example/portal-cot-can.tar.gz#sha256={SHA256}",
     "địa chỉ không trỏ tới một tệp wheel"),
])
def test_a_package_line_only_this_machine_could_install_is_refused(tmp_path: Path, line: str, said: str) -> None:
    """mend3-office item 5: a file:, ssh or http address (the runner that builds the site cannot
    fetch it), a wheel of another version than the constraints pin, another project's wheel."""
    done = new_site(tmp_path / "trang", "--package", line)
    assert done.returncode == Exit.USAGE and done.stderr.startswith(f"LỖI --package: '{line}': ") \
        and said in done.stderr, done.stderr
    assert not (tmp_path / "trang").exists()


@pytest.mark.parametrize(("recorded", "line"), [
    ({"url": "https://so-gddt.example/portal_cot_can-0.1.0-py3-none-any.whl",
      "archive_info": {"hashes": {"sha256": SHA256}}},
     f"portal-cot-can @ https://so-gddt.example/portal_cot_can-0.1.0-py3-none-any.whl#sha256={SHA256}"),
    ({"url": "https://so-gddt.example/p.whl", "archive_info": {"hash": f"sha256={SHA256}"}},
     f"portal-cot-can @ https://so-gddt.example/p.whl#sha256={SHA256}"),
    ({"url": "https://github.com/so-gddt/portal-cot-can", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
     f"portal-cot-can @ git+https://github.com/so-gddt/portal-cot-can@{COMMIT}"),
    ({"url": "https://so-gddt.example/p.whl", "archive_info": {}}, None),
    ({"url": "file:///work/portal", "dir_info": {"editable": True}}, None),
])
def test_by_default_the_copy_pip_installed_the_program_from(recorded: dict[str, Any], line: str | None) -> None:
    """PEP 610's direct_url.json, as pip writes it; a copy no other machine can fetch names none."""
    source = recorded_source(recorded)
    assert (source.requirement if source else None) == line


@pytest.mark.parametrize(("url", "vcs_info", "scheme"), [
    ("ssh://git@github.com/so-gddt/portal-cot-can.git", {"vcs": "git", "commit_id": COMMIT}, "git+ssh"),
    ("http://so-gddt.example/portal_cot_can-0.1.0-py3-none-any.whl", None, "http"),
])
def test_without_package_an_install_the_runner_cannot_fetch_is_refused(
        monkeypatch: pytest.MonkeyPatch, url: str, vcs_info: dict[str, str] | None, scheme: str) -> None:
    """tao-trang without --package, on a machine where pip installed the program over ssh (a
    key the CI runner does not have) or plain http: the line pip recorded is not written into
    requirements.txt, where the office's first build would fail to fetch it; the clerk is told
    why and what to give instead."""
    how = {"vcs_info": vcs_info} if vcs_info else {"archive_info": {"hashes": {"sha256": SHA256}}}
    recorded = {"url": url, **how}

    class Installed:
        @staticmethod
        def read_text(name: str) -> str | None:
            return json.dumps(recorded) if name == "direct_url.json" else None

    monkeypatch.setattr(package_module.metadata, "distribution", lambda name: Installed())
    with pytest.raises(PackageError) as refused:
        package_module.installed_source()
    message = str(refused.value)
    assert f"không tải được địa chỉ '{scheme}://…'" in message and "--package TỆP.whl" in message, message


def test_a_wheel_pip_installed_the_program_from_is_vendored(tmp_path: Path) -> None:
    wheel = portal_wheel(tmp_path / "tai-ve")
    source = recorded_source({"url": wheel.as_uri(), "archive_info": {"hashes": {"sha256": SHA256}}})
    assert source == Source(f"./vendor/{WHEEL}", wheel)


def test_every_package_the_build_needs_is_pinned_to_the_version_installed(created: Path) -> None:
    """constraints.txt: the installed package's own requirements, followed to the end (extras
    included: pagefind[bin] brings pagefind-bin), each at the version installed here."""
    lines = (created / REQUIREMENTS).read_text(encoding="utf-8").splitlines()
    assert "-c constraints.txt" in lines and lines.index("-c constraints.txt") < lines.index(requirement(created))
    pins = [line for line in (created / "constraints.txt").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    assert pins == sorted(pins, key=lambda pin: pin.split("==")[0]), pins
    assert all(re.fullmatch(r"[a-z0-9.-]+==[^=\s]+", pin) for pin in pins), pins
    pinned = dict(pin.split("==") for pin in pins)
    direct = {Requirement(text) for text in metadata.requires(DISTRIBUTION) or []}
    needed = {canonicalize_name(r.name) for r in direct if r.marker is None or r.marker.evaluate({"extra": ""})}
    assert needed >= {"mkdocs", "mkdocs-material", "pagefind", "pyyaml", "jinja2"}
    assert needed | {"pagefind-bin", "markdown", "pymdown-extensions"} <= set(pinned)
    assert all(pinned[name] == metadata.version(name) for name in pinned)
    assert DISTRIBUTION not in pinned and "pytest" not in pinned  # the portal itself; not the test extra


def test_the_readme_and_the_guides_name_only_commands_that_exist(created: Path) -> None:
    names = {n for value in vars(commands).values() if isinstance(value, commands.CommandName)
             for n in (value.name, value.alias)}
    for text in ((created / "README.md").read_text(encoding="utf-8"),
                 (REPO / "content" / "huong-dan-van-phong.md").read_text(encoding="utf-8"),
                 (REPO / "README.md").read_text(encoding="utf-8"),
                 (REPO / "docs" / "commands.md").read_text(encoding="utf-8")):
        used = set(re.findall(r"\bcotcan ([^\s`]+)", text))
        assert used and used - {"LỆNH", "--help", "--version"} <= names, used
    assert "scripts/" not in (REPO / "content" / "huong-dan-van-phong.md").read_text(encoding="utf-8")


def test_the_office_guide_s_examples_name_bodies_of_the_shipped_data(repo_portal: Portal) -> None:
    """A `--body` the guide gives is a body of the data, of the office its command names."""
    guide = (REPO / "content" / "huong-dan-van-phong.md").read_text(encoding="utf-8")
    examples = re.findall(r"`([^`]*--body [a-z0-9][^`]*)`", guide)
    assert examples
    for span in examples:
        office = re.search(r"--office ([a-z0-9-]+)", span)
        body = re.search(r"--body ([a-z0-9-]+)", span)
        assert office and body, span  # which office's body: said with it
        owners = {b.office for b in repo_portal.bodies.values() if b.id == body[1]}
        assert owners == {office[1]}, (span, owners)


def test_the_default_year_is_the_one_being_prepared_or_under_way() -> None:
    assert current_school_year(datetime.date(2026, 5, 31)).label == "2025-2026"
    assert current_school_year(datetime.date(2026, 6, 1)).label == "2026-2027"
    assert current_school_year(datetime.date(2027, 1, 15)).label == "2026-2027"


# -- the workflows -----------------------------------------------------------------------------


def workflow(site: Path) -> dict[Any, Any]:
    data = yaml.safe_load((site / WORKFLOW).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_workflows_follow_github_s_and_gitlab_s_schemas(created: Path) -> None:
    """SchemaStore's schemas of GitHub workflows and GitLab CI, as check-jsonschema ships them."""
    for path, schema in ((WORKFLOW, "vendor.github-workflows"), (GITLAB_CI, "vendor.gitlab-ci")):
        done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                               str(created / path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_github_workflow_builds_and_publishes_to_pages(created: Path) -> None:
    flow = workflow(created)
    on = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true; GitHub reads it as "on"
    assert on["push"]["branches"] == ["main"] and "workflow_dispatch" in on
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"] and uses[-1] == "actions/upload-pages-artifact"
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert (runs[0], runs[-1]) == ("python -m pip install -r requirements.txt", "python -m mkdocs build --strict")
    assert build["steps"][-1]["with"]["path"] == "site"  # MkDocs' site_dir; mkdocs.yml keeps the default
    assert "site_dir" not in mkdocs_yml(created)
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    gitlab = yaml.safe_load((created / GITLAB_CI).read_text(encoding="utf-8"))
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert gitlab["pages"]["script"][-1].endswith("python -m mkdocs build --strict --site-dir public")


# The first major version of each action that runs on Node 24 (GitHub runs Node 20 actions no
# longer from June 2026): checkout and setup-python v6 (2025), configure-pages v6,
# upload-pages-artifact v5, deploy-pages v5 (2026).
NODE_24_MAJORS = {"actions/checkout": 6, "actions/setup-python": 6, "actions/configure-pages": 6,
                  "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}


def test_the_workflow_s_actions_are_pinned_to_majors_that_still_run(created: Path) -> None:
    used = [step["uses"] for job in workflow(created)["jobs"].values() for step in job["steps"] if "uses" in step]
    assert {use.split("@")[0] for use in used} == set(NODE_24_MAJORS)
    for use in used:
        action, version = use.split("@")
        assert re.fullmatch(r"v\d+", version) and int(version[1:]) >= NODE_24_MAJORS[action], use


def test_the_workflows_index_with_pagefind_1_6_and_give_the_site_its_address(created: Path) -> None:
    """Pagefind 1.6 from npm, as this repository's CI installs it (1.5.2's index differs from
    build to build); site_url from GitHub Pages' configure-pages and GitLab's CI_PAGES_URL."""
    steps = workflow(created)["jobs"]["build"]["steps"]
    [install] = [step["run"] for step in steps if "pagefind@" in step.get("run", "")]
    prefix = re.search(r'npm install --prefix "([^"]+)" .*pagefind@1\.6\.0\n', install)
    assert prefix and f"PAGEFIND_BINARY_PATH={prefix[1]}/node_modules/@pagefind/linux-x64/bin/pagefind_extended" in (
        install)
    [pages] = [i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/configure-pages@")]
    [build] = [i for i, step in enumerate(steps) if "mkdocs build" in step.get("run", "")]
    assert steps[pages]["id"] == "pages" and pages < build
    assert steps[build]["env"] == {"NO_MKDOCS_2_WARNING": "1", "PORTAL_SITE_URL": "${{ steps.pages.outputs.base_url }}"}
    script = yaml.safe_load((created / GITLAB_CI).read_text(encoding="utf-8"))["pages"]["script"]
    npm = next(line for line in script if "pagefind@" in line)
    assert npm.endswith("pagefind@1.6.0")
    binary = f"{npm.split('--prefix ')[1].split()[0]}/node_modules/@pagefind/linux-x64/bin/pagefind_extended"
    assert f"export PAGEFIND_BINARY_PATH={binary}" in script
    assert script[-1].startswith('PORTAL_SITE_URL="$CI_PAGES_URL" ')
    assert mkdocs_yml(created)["site_url"] in ("", None)  # PORTAL_SITE_URL unset here
    assert "site_url: !ENV [PORTAL_SITE_URL, \"\"]\n" in (created / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_repository_lines_of_mkdocs_yml_open_the_branch_the_workflow_publishes(fresh: Path) -> None:
    """mkdocs.yml shows, commented out, how to give the pages their "edit" button; MkDocs'
    own default for GitHub is the `master` branch, which a new GitHub repository does not have."""
    config_file = fresh / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    assert "repo_url" not in mkdocs_yml(fresh), "no edit link until the office has a repository"
    on = workflow(fresh).get("on", workflow(fresh).get(True))
    [branch] = on["push"]["branches"]
    uncommented = re.sub(r"(?m)^# (repo_url|edit_uri): ", r"\1: ", text)
    assert uncommented.count("\nrepo_url: https://github.com/") == 1 and uncommented.count("\nedit_uri: ") == 1
    config_file.write_text(uncommented, encoding="utf-8")
    config = mkdocs_config.load_config(str(config_file))
    docs = Path(config.docs_dir).relative_to(fresh.resolve()).as_posix()
    assert config.edit_uri == f"edit/{branch}/{docs}/"


# A project site on GitHub Pages (or GitLab Pages): the site lives under /trang-so/, not at /.
PAGES_URL = "https://so-gddt-dien-bien.github.io/trang-so"


def build_commands(site: Path) -> list[tuple[str, dict[str, str]]]:
    """Each CI file's build command (the step or line that runs MkDocs), with its variables."""
    flow = workflow(site)
    github = {"${{ steps.pages.outputs.base_url }}": PAGES_URL}  # what configure-pages gives
    found = [(step["run"], {k: github.get(v, v) for k, v in step.get("env", {}).items()})
             for job in flow["jobs"].values() for step in job["steps"] if "mkdocs build" in step.get("run", "")]
    gitlab = yaml.safe_load((site / GITLAB_CI).read_text(encoding="utf-8"))["pages"]
    found += [(line, {**gitlab.get("variables", {}), "CI_PAGES_URL": PAGES_URL}) for line in gitlab["script"]
              if "mkdocs build" in line]
    assert len(found) == 2
    return found


@runs_mkdocs
def run_build_commands(site: Path, python_bin: Path) -> list[subprocess.CompletedProcess[str]]:
    """Run each CI file's build command in `site`, as the runner would, with `python` from
    `python_bin` (the environment the package is installed in)."""
    results = []
    for command, variables in build_commands(site):
        env = {**build_env(), **variables, "HOME": str(site.parent)}
        env["PATH"] = f"{python_bin}{os.pathsep}{env['PATH']}"
        results.append(subprocess.run(["bash", "-c", command], cwd=site, env=env, capture_output=True, text=True,
                                      timeout=600))
    return results


def replace_placeholders(site: Path) -> None:
    """What a clerk does in an editor: real names, a number for the decision, and every
    `placeholder: true` line deleted."""
    data = site / "data"
    edits = {
        "Tên trường (chỗ giữ)": "THCS Him Lam",
        "Họ và tên (chỗ giữ)": "Hà Thị Liên",
        "Tổ cốt cán (chỗ giữ)": "Tổ cốt cán giáo viên THCS",
        f"title: Quyết định năm học {YEAR} (chưa có số)":
            f"number: 15/QĐ-SGDĐT\n    title: Về việc thành lập tổ cốt cán năm học {YEAR}",
    }
    for path in data.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        for old, new in edits.items():
            text = text.replace(old, new)
        text = re.sub(r"^ *placeholder: true\n", "", text, flags=re.M)
        path.write_text(text, encoding="utf-8")


def test_the_workflow_build_fails_with_placeholders_and_passes_once_replaced(fresh: Path) -> None:
    python_bin = Path(sys.executable).parent
    line = (fresh / "data" / "offices.yml").read_text(encoding="utf-8").splitlines().index("    placeholder: true") + 1
    for refused in run_build_commands(fresh, python_bin):
        assert refused.returncode != 0
        assert f"LỖI data/offices.yml, dòng {line}, mục offices[0].placeholder: đơn vị '{OFFICE}' là chỗ giữ" in (
            refused.stderr)
        assert "4 lỗi, 0 cảnh báo." in refused.stderr
        assert "Traceback" not in refused.stderr
    assert not (fresh / "site").exists() and not (fresh / "public").exists()

    replace_placeholders(fresh)
    for built in run_build_commands(fresh, python_bin):
        assert built.returncode == 0, built.stderr[-3000:]
    for site in (fresh / "site", fresh / "public"):
        school = (site / "truong" / "truong-cho-giu" / YEAR / "index.html").read_text(encoding="utf-8")
        assert "Hà Thị Liên" in school and "THCS Him Lam" in school
        assert "Sở Giáo dục và Đào tạo tỉnh Điện Biên" in (site / "index.html").read_text(encoding="utf-8")
        assert (site / "gioi-thieu" / "index.html").is_file()
        # site_url from the workflow: the 404 page loads the theme from the project's folder.
        missing = (site / "404.html").read_text(encoding="utf-8")
        assert '"/trang-so/assets/' in missing and '"/assets/' not in missing


# -- what a clerk's machine adds, and the site's address ------------------------------------------


def test_the_gitignore_keeps_the_readme_s_environment_and_python_s_leftovers_out(fresh: Path) -> None:
    """README.md makes a virtual environment inside the repository: `git add .` must not
    commit it (300 MB), nor Python's caches or Office's lock files."""
    readme = (fresh / "README.md").read_text(encoding="utf-8")
    [venv] = re.findall(r"python3 -m venv (\S+)", readme)
    (fresh / venv / "lib").mkdir(parents=True)
    (fresh / venv / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (fresh / "__pycache__").mkdir()
    (fresh / "__pycache__" / "x.cpython-312.pyc").write_bytes(b"\0")
    (fresh / "~$danh-sach.docx").write_bytes(b"\0")
    subprocess.run(["git", "init", "-q", str(fresh)], check=True)
    subprocess.run(["git", "-C", str(fresh), "add", "."], check=True)
    staged = subprocess.run(["git", "-C", str(fresh), "ls-files"], capture_output=True, text=True, check=True)
    assert set(staged.stdout.splitlines()) == FILES
    assert "NO_MKDOCS_2_WARNING=1" in readme  # Material's English banner on every local build


def site_url_warnings(site: Path) -> list[str]:
    done = cotcan("kiem-tra", "--draft", cwd=site)
    assert done.returncode == Exit.OK, done.stdout
    return [block for block in done.stdout.split("\n\n") if "mục site_url" in block]


def test_kiem_tra_warns_when_the_site_has_no_address(fresh: Path, tmp_path: Path) -> None:
    """An empty site_url is not the build's error (it runs --strict with an empty `!ENV` value
    on a clerk's machine) but kiem-tra says what is lost and where to set it; a site_url read
    from PORTAL_SITE_URL, which the workflows set, is not warned of."""
    assert site_url_warnings(fresh) == []
    config = fresh / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('site_url: !ENV [PORTAL_SITE_URL, ""]\n', ""), encoding="utf-8")
    [warning] = site_url_warnings(fresh)  # as tao-trang wrote it before: commented out
    assert warning.startswith("CẢNH BÁO mkdocs.yml, mục site_url: chưa có địa chỉ công khai của trang: trang 404")
    assert "bản in không có mã QR" in warning and "PORTAL_SITE_URL" in warning
    config.write_text(text.replace('site_url: !ENV [PORTAL_SITE_URL, ""]', "site_url: ''"), encoding="utf-8")
    [warning] = site_url_warnings(fresh)
    line = config.read_text(encoding="utf-8").splitlines().index("site_url: ''") + 1
    assert warning.startswith(f"CẢNH BÁO mkdocs.yml, dòng {line}, mục site_url: ")

    given = tmp_path / "co-dia-chi"
    assert new_site(given, "--site-url", "https://so-gddt-dien-bien.github.io/trang-so").returncode == Exit.OK
    assert mkdocs_yml(given)["site_url"] == "https://so-gddt-dien-bien.github.io/trang-so/"
    assert site_url_warnings(given) == []
    refused = new_site(tmp_path / "sai", "--site-url", "so-gddt-dien-bien.github.io/trang-so")
    assert refused.returncode == Exit.USAGE and refused.stderr.startswith("LỖI --site-url: ")
    assert not (tmp_path / "sai").exists()


def test_the_readme_s_upgrade_steps_bring_every_file_the_new_requirements_name(fresh: Path, tmp_path: Path) -> None:
    """mend3-office item 5: the steps copied requirements.txt and constraints.txt only, whose
    new last line names ./vendor/<new wheel>, which was not copied. The steps are followed here
    as written: the site made aside, the files they name copied over."""
    readme = (fresh / "README.md").read_text(encoding="utf-8")
    made_aside = re.search(r"^   `(cotcan tao-trang [^`]*)`$", readme, re.MULTILINE)
    assert made_aside is not None, readme
    words = [str(_DIST[0] / WHEEL) if word == "TỆP_MỚI.whl" else word for word in shlex.split(made_aside.group(1))]
    aside = (tmp_path / "lam-viec" / "kho" / words[2]).resolve()
    (tmp_path / "lam-viec" / "kho").mkdir(parents=True)
    assert cotcan(*words[1:], cwd=tmp_path / "lam-viec" / "kho").returncode == 0
    shutil.rmtree(fresh / "vendor")
    step = readme[readme.index("3. Chép"):readme.index("4. ")]
    for name in re.findall(r"`([^`]+)`", step):
        source = aside / name
        if source.is_dir():  # vendor/: the wheel the new requirements name
            (fresh / name).mkdir(exist_ok=True)
            for wheel in source.iterdir():
                shutil.copy(wheel, fresh / name / wheel.name)
        elif source.is_file():
            shutil.copy(source, fresh / name)
    named = [line.removeprefix("-c ") for line in (fresh / REQUIREMENTS).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#") and (line.startswith(("-c ", "./")))]
    assert named == [CONSTRAINTS, f"./vendor/{WHEEL}"]
    assert all((fresh / path).is_file() for path in named)
