"""A new office's data repository (`cotcan tao-trang`): every file, placeholders that the check
flags until they are replaced, nothing written over, values quoted, workflows GitHub and
GitLab accept, and a strict build with the workflow's own command: refused with the
placeholders, passing once they are replaced as a clerk would replace them.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
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

from conftest import REPO, build_env
from portal import commands
from portal.checks import PLACEHOLDER_NAME
from portal.cli.command import DISTRIBUTION
from portal.cli.new_site import current_school_year
from portal.commands import Exit
from portal.load import load
from portal.newsite.files import GITLAB_CI, REQUIREMENTS, WORKFLOW, markdown_text, yaml_scalar
from portal.schema import FILE_SCHEMAS

OFFICE = "so-gddt-dien-bien"
NAME = "Sở Giáo dục và Đào tạo tỉnh Điện Biên"
YEAR = "2025-2026"
FILES = {
    "README.md", "mkdocs.yml", "requirements.txt", ".gitignore", ".github/workflows/xuat-ban.yml", ".gitlab-ci.yml",
    "docs/gioi-thieu.md", "data/offices.yml", "data/subjects.yml", f"data/schools/{OFFICE}.yml",
    f"data/people/{OFFICE}.yml", f"data/years/{YEAR}/{OFFICE}.yml",
}


def new_site(folder: Path, *options: str, name: str = NAME,
             run: Callable[..., subprocess.CompletedProcess[str]] = cotcan) -> subprocess.CompletedProcess[str]:
    return run("tao-trang", str(folder), "--office", OFFICE, "--name", name, "--short-name", "Sở GDĐT Điện Biên",
                  "--year", YEAR, *options)


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
    done = cotcan("tao-trang", asked, "--office", OFFICE, "--name", NAME, "--year", YEAR, cwd=here)
    assert (done.returncode, done.stderr) == (Exit.OK, "")
    assert files_in(here) == FILES and here.stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trang"], "the staging folder is gone"


def test_a_repository_just_cloned_is_filled_and_its_git_folder_kept(tmp_path: Path) -> None:
    """The hostile review: `git clone` of the office's empty repository, then `cotcan
    tao-trang .` in it, was refused as 'not empty' for its .git folder."""
    here = tmp_path / "trang"
    (here / ".git").mkdir(parents=True)
    (here / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    done = cotcan("tao-trang", ".", "--office", OFFICE, "--name", NAME, "--year", YEAR, cwd=here)
    assert (done.returncode, done.stderr) == (Exit.OK, "")
    assert files_in(here) == FILES | {".git/HEAD"}
    assert (here / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    other = tmp_path / "khac"
    (other / ".git").mkdir(parents=True)
    (other / "README.md").write_text("# Trang", encoding="utf-8")
    refused = cotcan("tao-trang", ".", "--office", OFFICE, "--name", NAME, "--year", YEAR, cwd=other)
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
    (("--package", "a\nb"), "LỖI --package: cần một dòng yêu cầu của pip"),
    (("--package", "khong-co.whl"), "LỖI --package: không có tệp khong-co.whl."),
])
def test_a_wrong_value_is_refused_before_anything_is_written(tmp_path: Path, options: tuple[str, str],
                                                             said: str) -> None:
    option, value = options
    values = {"--office": OFFICE, "--name": NAME, option: value}
    done = cotcan("tao-trang", str(tmp_path / "trang"), *[x for pair in values.items() for x in pair], cwd=tmp_path)
    assert done.returncode == Exit.USAGE, done.stdout
    assert done.stderr.startswith(said) and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_site_name_the_theme_would_write_raw_into_html_is_refused(tmp_path: Path) -> None:
    """The theme writes `site_name` unescaped into an HTML attribute (Material's header logo
    `aria-label`): a quote or angle bracket in the name it comes from would break out of it.
    Refused before anything is written; a clean --short-name makes such a --name usable."""
    name = 'Sở GDĐT "Đặc biệt" <script>alert(1)</script>'
    done = cotcan("tao-trang", str(tmp_path / "trang"), "--office", OFFICE, "--name", name, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (Exit.USAGE, "")
    assert done.stderr.startswith(f"LỖI --name: '{name}' có ký tự \", <, > mà giao diện trang ghi nguyên vào HTML")
    assert "--short-name" in done.stderr and "“ ”" in done.stderr
    assert not (tmp_path / "trang").exists()
    short = cotcan("tao-trang", str(tmp_path / "trang"), "--office", OFFICE, "--name", NAME, "--short-name",
                   'Sở "X"', cwd=tmp_path)
    assert short.returncode == Exit.USAGE and short.stderr.startswith("LỖI --short-name: ")
    kept = new_site(tmp_path / "trang", name=name)  # with a clean --short-name: the full name kept as written
    assert kept.returncode == Exit.OK, kept.stderr
    config = yaml.safe_load((tmp_path / "trang" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Tổ cốt cán — Sở GDĐT Điện Biên"


HOSTILE_NAME = 'Phòng GD&ĐT "Mới": #1 - [*x*](javascript:alert(1)) <b>đậm</b> `mã` yes'


def test_a_name_with_yaml_and_markdown_syntax_arrives_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "trang"
    done = new_site(folder, name=HOSTILE_NAME)
    assert done.returncode == 0, done.stderr
    portal, _ = load(folder / "data", folder, draft=True)
    assert portal.offices[OFFICE].name == HOSTILE_NAME
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
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


def test_requirements_pin_this_version_or_name_the_package_given(tmp_path: Path, created: Path) -> None:
    def requirement(folder: Path) -> str:
        lines = (folder / REQUIREMENTS).read_text(encoding="utf-8").splitlines()
        return [line for line in lines if line and not line.startswith("#")][-1]

    assert requirement(created) == f"{DISTRIBUTION}=={metadata.version(DISTRIBUTION)}"
    for line in ("portal-cot-can @ git+https://github.com/so-gddt/portal-cot-can@v0.1.0",
                 "portal-cot-can @ https://so-gddt.example/portal_cot_can-0.1.0-py3-none-any.whl"):
        folder = tmp_path / str(len(line))
        assert new_site(folder, "--package", line).returncode == 0
        assert requirement(folder) == line and not (folder / "vendor").exists()
    wheel = tmp_path / "portal_cot_can-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"PK\x03\x04 a wheel")
    assert new_site(tmp_path / "wheel", "--package", str(wheel)).returncode == 0
    assert requirement(tmp_path / "wheel") == f"./vendor/{wheel.name}"
    assert (tmp_path / "wheel" / "vendor" / wheel.name).read_bytes() == wheel.read_bytes()


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
    assert runs == ["python -m pip install -r requirements.txt", "python -m mkdocs build --strict"]
    assert build["steps"][-1]["with"]["path"] == "site"  # MkDocs' site_dir; mkdocs.yml keeps the default
    assert "site_dir" not in yaml.safe_load((created / "mkdocs.yml").read_text(encoding="utf-8"))
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    gitlab = yaml.safe_load((created / GITLAB_CI).read_text(encoding="utf-8"))
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert "python -m mkdocs build --strict --site-dir public" in gitlab["pages"]["script"]


def test_the_repository_lines_of_mkdocs_yml_open_the_branch_the_workflow_publishes(fresh: Path) -> None:
    """mkdocs.yml shows, commented out, how to give the pages their "edit" button; MkDocs'
    own default for GitHub is the `master` branch, which a new GitHub repository does not have."""
    config_file = fresh / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    assert "repo_url" not in yaml.safe_load(text), "no edit link until the office has a repository"
    on = workflow(fresh).get("on", workflow(fresh).get(True))
    [branch] = on["push"]["branches"]
    uncommented = re.sub(r"(?m)^# (repo_url|edit_uri): ", r"\1: ", text)
    assert uncommented.count("\nrepo_url: https://github.com/") == 1 and uncommented.count("\nedit_uri: ") == 1
    config_file.write_text(uncommented, encoding="utf-8")
    config = mkdocs_config.load_config(str(config_file))
    docs = Path(config.docs_dir).relative_to(fresh.resolve()).as_posix()
    assert config.edit_uri == f"edit/{branch}/{docs}/"


def build_commands(site: Path) -> list[tuple[str, dict[str, str]]]:
    """Each CI file's build command (the step or line that runs MkDocs), with its variables."""
    flow = workflow(site)
    found = [(step["run"], step.get("env", {})) for job in flow["jobs"].values() for step in job["steps"]
             if "mkdocs build" in step.get("run", "")]
    gitlab = yaml.safe_load((site / GITLAB_CI).read_text(encoding="utf-8"))["pages"]
    found += [(line, gitlab.get("variables", {})) for line in gitlab["script"] if "mkdocs build" in line]
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
