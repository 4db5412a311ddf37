"""`cotcan kiem-tra` refuses what the build refuses in the site's own files beyond data/
(portal/site_checks.py): mkdocs.yml's texts, the hand-written pages of content/, their names.

- Each case is put into a small site, then both run: the check exits 1, the build exits 1,
  and the two reports hold the same problems (compared, not written out here); the build
  ends with a Vietnamese line, not MkDocs' "Aborted with a BuildError!".
- The checks the build runs are the checks the check runs (every one of site_checks' lists,
  spied on in both), but the rendered page's, which only MkDocs' Markdown can make.
- mkdocs.yml is read as MkDocs reads it (!ENV, INHERIT, Material's !!python/name: options):
  compared with MkDocs' own reading, text by text.
"""

from __future__ import annotations

import ast
import inspect
import json
import logging
import os
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_util import cotcan
from full_dataset import PRIVATE_EMAIL, PRIVATE_PHONE, with_texts, write
from test_pages import build, write_site
from test_privacy import ORDINARY_PAGE
from test_publish import run_build

from conftest import REPO
from portal import file_reading, personal_data, privacy, site_checks, site_config
from portal.commands import Exit
from portal.privacy import settings_texts
from portal.problems import NOTHING_PUBLISHED, nothing_published
from portal.site_config import read_site_config
from portal_mkdocs import notices
from portal_mkdocs.plugin import PortalPlugin

Edit = Callable[[Path], None]


def clean_site(root: Path) -> Path:
    """A small site whose data holds private contacts (tests/full_dataset.py) and whose own
    files hold none: a hand-written page with ordinary numbers and a published phone."""
    write_site(root, data=write(with_texts(lambda text, _field, _room: text), root))
    (root / "content/lien-he.md").write_text(ORDINARY_PAGE, encoding="utf-8")
    edit_config(root, lambda config: config.update(site_url="https://so-gddt.example/to-cot-can/"))  # its address
    return root


def edit_config(root: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(config)
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def in_copyright(root: Path) -> None:
    edit_config(root, lambda config: config.update(copyright="© Phòng GDĐT, đường dây nóng 0912-345-678"))


def in_page(root: Path) -> None:
    # Line 3, the number split by markup as a clerk pastes it from Word.
    (root / "content/lien-he.md").write_text(
        "# Liên hệ\n\nCô Thùy (tổ trưởng): **0912** 345&nbsp;678, ngày 13/09/2024.\n", encoding="utf-8")


def in_file_name(root: Path) -> None:
    (root / "content/anh").mkdir()
    (root / "content/anh/Cô Thùy 0912.345.678.png").write_bytes(b"\x89PNG\r\n\x1a\n")


def in_nav_title(root: Path) -> None:
    edit_config(root, lambda config: config["nav"].append({f"Hỏi cô Thùy ({PRIVATE_EMAIL})": "lien-he.md"}))


def in_table_of_contents_title(root: Path) -> None:
    """Material prints the `toc` extension's title beside every page."""
    edit_config(root, lambda config: config.update(markdown_extensions=[
        "attr_list", {"toc": {"permalink": True, "title": "Mục lục (góp ý: cô Thùy, 0912 345 678)"}}]))


def in_html_page(root: Path) -> None:
    """A page MkDocs copies as it is (no Markdown): the number split by a character reference."""
    (root / "content/trang.html").write_text(
        "<!doctype html>\n<html><body>\n<p>Cô Thùy: ĐT 0912&#32;345&nbsp;678</p>\n</body></html>\n", encoding="utf-8")


def in_text_file(root: Path) -> None:
    """Notepad's way: a byte order mark and Windows line ends; the name's suffix upper-case."""
    (root / "content/ghi-chu.TXT").write_bytes("\ufeffGhi chú\r\nCô Thùy: 0912.345.678\r\n".encode())


def in_svg_image(root: Path) -> None:
    (root / "content/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="15">0912<tspan>345</tspan>678</text></svg>\n',
        encoding="utf-8")


def in_theme_template(root: Path) -> None:
    """A template of the theme's custom_dir: Material prints its announce block on every page."""
    edit_config(root, lambda config: config["theme"].update(custom_dir="overrides"))
    (root / "overrides").mkdir()
    (root / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Đường dây nóng 0912 345 678{% endblock %}\n',
        encoding="utf-8")


def in_upper_case_page(root: Path) -> None:
    """MkDocs reads ".MD" as no Markdown: it copies the file as it is."""
    (root / "content/lien-he-2.MD").write_text("# Liên hệ\n\nCô Thùy: 0912 345 678\n", encoding="utf-8")


def in_copyright_as_html(root: Path) -> None:
    """The theme prints the copyright as HTML: a reader sees the number whole."""
    edit_config(root, lambda config: config.update(copyright="© Phòng GDĐT · ĐT 0912&#51;45<b></b>678"))


def as_a_number_in_extra(root: Path) -> None:
    """YAML reads it as an int; Material prints the social link's name as it is."""
    edit_config(root, lambda config: config.update(extra={"social": [
        {"icon": "fontawesome/solid/phone", "link": "tel:0243 823 4567", "name": 84912345678}]}))


def percent_encoded_in_extra(root: Path) -> None:
    edit_config(root, lambda config: config.update(extra={"social": [
        {"icon": "fontawesome/solid/phone", "link": "tel:0912%33%34%35678"}]}))


def percent_encoded_in_page(root: Path) -> None:
    (root / "content/lien-he.md").write_text("# Liên hệ\n\n[Gọi cô Thùy](tel:0912%33%34%35678)\n", encoding="utf-8")


def escaped_in_front_matter(root: Path) -> None:
    """The theme prints the front matter's title as YAML reads it: "\\u0033" is "3"."""
    (root / "content/lien-he.md").write_text(
        '---\ntitle: "Liên hệ cô Thùy 0912 \\u003345 678"\n---\n\n# Liên hệ\n', encoding="utf-8")


def in_circled_digits_of_a_file_name(root: Path) -> None:
    (root / "content/anh").mkdir()
    (root / "content/anh/⓪⑨①②③④⑤⑥⑦⑧.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")


def in_an_inherited_file(root: Path) -> None:
    """The offices of a province share one base file: the value is there, not in mkdocs.yml."""
    (root / "chung").mkdir()
    (root / "chung/co-so.yml").write_text("copyright: © Sở GDĐT, đường dây nóng 0912-345-678\n"
                                          "extra:\n  lien_he: Văn phòng Sở\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("INHERIT: chung/co-so.yml\n" + config.read_text(encoding="utf-8"), encoding="utf-8")


def in_photo_details(root: Path) -> None:
    _image(root / "content/anh.png", "Ảnh chụp tại trường, liên hệ cô Thùy 0912 345 678")


# The case, and where its report must say the value is (file and key, or file and line).
CASES: dict[str, tuple[Edit, str]] = {
    "copyright": (in_copyright, "mkdocs.yml, mục copyright:"),
    "nav title": (in_nav_title, "mkdocs.yml, mục nav[3].Hỏi cô Thùy"),
    "Markdown option": (in_table_of_contents_title, "mkdocs.yml, mục markdown_extensions.toc.title:"),
    "page": (in_page, "content/lien-he.md, dòng 3:"),
    "file name": (in_file_name, "content/anh/Cô Thùy 0912.345.678.png:"),
    "HTML page": (in_html_page, "content/trang.html, dòng 3:"),
    "text file": (in_text_file, "content/ghi-chu.TXT, dòng 2:"),
    "SVG image": (in_svg_image, "content/logo.svg, dòng 1:"),
    "theme template": (in_theme_template, "overrides/main.html, dòng 2:"),
    "upper-case page": (in_upper_case_page, "content/lien-he-2.MD, dòng 3:"),
    "copyright as HTML": (in_copyright_as_html, "mkdocs.yml, mục copyright:"),
    "number in extra": (as_a_number_in_extra, "mkdocs.yml, mục extra.social[0].name:"),
    "percent-encoded link in extra": (percent_encoded_in_extra, "mkdocs.yml, mục extra.social[0].link:"),
    "percent-encoded link in a page": (percent_encoded_in_page, "content/lien-he.md, dòng 3:"),
    "escape in front matter": (escaped_in_front_matter, "content/lien-he.md, dòng 2:"),
    "circled digits in a file name": (in_circled_digits_of_a_file_name, "content/anh/⓪⑨①②③④⑤⑥⑦⑧.png:"),
    "photo's details": (in_photo_details, "content/anh.png:"),
    "inherited file": (in_an_inherited_file, "chung/co-so.yml, mục copyright:"),
}


def errors(report: str) -> list[str]:
    """The error blocks of a clerk's report (a LỖI line and its indented lines), however the
    report was printed (MkDocs' log puts its own prefix before the report's first line only)."""
    blocks: list[str] = []
    in_error = False  # the indented lines under a warning (CẢNH BÁO) are not an error's
    for line in report.splitlines():
        if line.startswith("LỖI "):
            blocks.append(line)
            in_error = True
        elif line.startswith("    ") and in_error:
            blocks[-1] += "\n" + line
        else:
            in_error = False
    return sorted(blocks)


@pytest.mark.parametrize("case", list(CASES))
def test_the_check_refuses_what_the_build_refuses_with_the_same_report(tmp_path: Path, case: str) -> None:
    edit, where = CASES[case]
    root = clean_site(tmp_path)
    edit(root)
    checked = cotcan("kiem-tra", cwd=root)
    built = build(root)
    assert checked.returncode == Exit.DATA, checked.stdout[-3000:]
    assert built.returncode == 1
    found = errors(checked.stdout)
    assert found and found == errors(built.stderr)
    assert all(where in block.splitlines()[0] for block in found), found
    assert "riêng tư" in found[0]
    # The build's last line (MkDocs prints it on standard output) is Vietnamese: no English for
    # the clerk, no traceback.
    assert built.stdout.strip().splitlines()[-1] == notices.build_stopped(kept=False)  # no site built yet
    # One closing line, true of what was refused: not the data's "Dữ liệu có lỗi…" before it.
    assert NOTHING_PUBLISHED not in built.stderr + built.stdout
    assert "Aborted" not in built.stderr + built.stdout and "Traceback" not in built.stderr
    assert not (root / "site").exists()


def test_the_checks_closing_line_says_where_the_errors_are(tmp_path: Path) -> None:
    """Not the data's "Dữ liệu có lỗi…" under errors of mkdocs.yml alone."""
    root = clean_site(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    in_copyright(root)
    last_line = lambda: cotcan("kiem-tra", cwd=root).stdout.rstrip().splitlines()[-1]  # noqa: E731
    assert last_line() == nothing_published(in_data=False, in_site=True)
    (root / "data/ghi-chu.yml").write_text("- Cô Thùy\n", encoding="utf-8")  # no kind of data is kept there
    assert last_line() == nothing_published(in_data=True, in_site=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert last_line() == nothing_published(in_data=True, in_site=False) == NOTHING_PUBLISHED
    assert len({nothing_published(True, False), nothing_published(False, True), nothing_published(True, True)}) == 3


@pytest.mark.parametrize(("change", "told"), [
    (lambda config: config["plugins"].append("lich-hoc"),
     "LỖI mkdocs.yml, mục plugins: chưa cài tiện ích (plugin) 'lich-hoc' mà mkdocs.yml dùng"),
    (lambda config: config["theme"].update(name="materal"),
     "LỖI mkdocs.yml, mục theme: chưa cài giao diện (theme) 'materal' mà mkdocs.yml dùng"),
    (lambda config: config.update(site_descripton="Cổng thông tin"),
     "LỖI mkdocs.yml, mục site_descripton: MkDocs không biết mục 'site_descripton'"),
])
def test_the_check_runs_mkdocs_own_validation(tmp_path: Path, change: Callable[[dict[str, Any]], None],
                                              told: str) -> None:
    """The build refuses these with MkDocs' English "Aborted with … configuration errors!"."""
    root = clean_site(tmp_path)
    edit_config(root, change)
    checked = cotcan("kiem-tra", cwd=root)
    assert told in checked.stdout, checked.stdout[-3000:]
    error = told.startswith("LỖI")
    assert checked.returncode == (Exit.DATA if error else Exit.OK)
    assert checked.stdout.rstrip().endswith(nothing_published(in_data=False, in_site=True) if error
                                            else "0 lỗi, 1 cảnh báo.")


def test_a_clean_site_passes_the_check(tmp_path: Path) -> None:
    root = clean_site(tmp_path)
    checked = cotcan("kiem-tra", cwd=root)
    assert checked.returncode == Exit.OK, checked.stdout[-3000:]
    assert checked.stdout.rstrip().endswith("0 lỗi, 0 cảnh báo.")


def test_the_repositorys_own_site_passes_the_check() -> None:
    """Its mkdocs.yml has !ENV values; its content/ the office's guide."""
    checked = cotcan("kiem-tra", cwd=REPO)
    assert checked.returncode == Exit.OK, checked.stdout[-3000:]


def test_the_check_reads_the_mkdocs_yml_it_is_told(tmp_path: Path) -> None:
    root = clean_site(tmp_path / "trang")
    in_copyright(root)
    moved = root / "cau-hinh.yml"
    (root / "mkdocs.yml").rename(moved)
    assert cotcan("kiem-tra", "--data", str(root / "data"), cwd=tmp_path).returncode == Exit.OK  # none beside
    told = cotcan("kiem-tra", "--data", str(root / "data"), "-f", str(moved), cwd=tmp_path)
    assert told.returncode == Exit.DATA
    assert [block.splitlines()[0] for block in errors(told.stdout)] == [
        "LỖI cau-hinh.yml, mục copyright: có số điện thoại riêng tư '0912-345-678'."]
    missing = cotcan("kiem-tra", "--data", str(root / "data"), "--config-file", str(root / "khong-co.yml"), cwd=root)
    assert missing.returncode == Exit.USAGE
    assert "khong-co.yml: không có tệp cấu hình này" in missing.stderr and "Traceback" not in missing.stderr


def test_the_check_reads_mkdocs_yml_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """office-cmds item 3: kiem-tra parsed mkdocs.yml three times (for its data folder, for the
    site's checks, for MkDocs' validation). It reads it, and the file it inherits, once, and
    tells what each of the three told: the data folder it names, a private number in the
    inherited file, a folder missing, an option MkDocs does not know, the address not set."""
    root = clean_site(tmp_path / "trang")
    (root / "data").rename(root / "du-lieu")
    edit_config(root, lambda config: (config["plugins"][0]["portal"].update(data_dir="du-lieu"),
                                      config.pop("site_url"), config["theme"].update(custom_dir="giao-dien")))
    (root / "chung.yml").write_text("copyright: © Phòng GDĐT, đường dây nóng 0912-345-678\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("INHERIT: chung.yml\nsite_nam: Thử\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    reads: Counter[str] = Counter()
    read_bytes = site_config.read_bytes

    def counted(path: Path, shown: str) -> object:
        reads[path.name] += 1
        return read_bytes(path, shown)

    monkeypatch.setattr(site_config, "read_bytes", counted)
    checked = cotcan("kiem-tra", "-f", str(config), cwd=tmp_path)
    assert checked.returncode == Exit.DATA and checked.stderr == "", checked.stderr
    assert [block.splitlines()[0] for block in errors(checked.stdout)] == [
        "LỖI chung.yml, mục copyright: có số điện thoại riêng tư '0912-345-678'.",
        "LỖI mkdocs.yml, mục site_nam: MkDocs không biết mục 'site_nam' (viết sai tên, hoặc mục của bản MkDocs "
        "khác): xóa hoặc sửa tên mục. Bản dựng chạy nghiêm ngặt (mkdocs build --strict): cảnh báo này của MkDocs "
        "cũng làm dừng dựng trang.",
        f"LỖI mkdocs.yml, mục theme.custom_dir: không có thư mục 'giao-dien' ({(root / 'giao-dien').resolve()})."]
    assert "CẢNH BÁO mkdocs.yml, mục site_url: chưa có địa chỉ công khai của trang" in checked.stdout
    assert "\n3 lỗi, 1 cảnh báo.\n" in checked.stdout
    assert reads == {"mkdocs.yml": 1, "chung.yml": 1}


def test_a_broken_mkdocs_yml_is_told_at_its_line(tmp_path: Path) -> None:
    root = clean_site(tmp_path)
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("extra:\n  lien_he: \"Cô Thùy: 0912 345 678\n")  # a quote never closed
    checked = cotcan("kiem-tra", cwd=root)
    assert checked.returncode == Exit.DATA
    [block] = errors(checked.stdout)
    assert block.startswith("LỖI mkdocs.yml, dòng ") and "YAML không đọc được" in block


# The checks run: the same on both sides


CHECK_LISTS = ("SETTINGS_CHECKS", "FILE_CHECKS", "RENDERED_CHECKS")
CHECKED = "checks run: "
# Run in the build's own process before MkDocs starts (test_publish.run_build): each check of
# site_checks' lists notes its name; the build's process prints them as it ends.
SPY = f"""
import atexit, json, os, sys
from portal import site_checks
run, main = set(), os.getpid()
def spied(check):
    def spy(*args):
        run.add(check.__name__)
        return check(*args)
    return spy
for name in {CHECK_LISTS!r}:
    setattr(site_checks, name, tuple(spied(check) for check in getattr(site_checks, name)))
atexit.register(lambda: os.getpid() == main and print({CHECKED!r} + json.dumps(sorted(run)), file=sys.stderr))
"""


def names(*lists: str) -> set[str]:
    return {check.__name__ for name in lists for check in getattr(site_checks, name)}


def test_the_check_runs_every_check_the_build_runs_but_the_rendered_pages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = clean_site(tmp_path)
    built = run_build(root, SPY)
    assert built.returncode == 0, built.stderr[-3000:]
    [line] = [line for line in built.stderr.splitlines() if line.startswith(CHECKED)]
    by_build = set(json.loads(line.removeprefix(CHECKED)))

    by_check: set[str] = set()
    for name in CHECK_LISTS:
        monkeypatch.setattr(site_checks, name, tuple(_spied(check, by_check) for check in getattr(site_checks, name)))
    assert cotcan("kiem-tra", cwd=root).returncode == Exit.OK

    assert by_build == names(*CHECK_LISTS)
    assert by_check == names("SETTINGS_CHECKS", "FILE_CHECKS") == by_build - names("RENDERED_CHECKS")


def _spied(check: Callable[..., Any], run: set[str]) -> Callable[..., Any]:
    def spy(*args: Any) -> Any:
        run.add(check.__name__)
        return check(*args)
    spy.__name__ = check.__name__
    return spy


def test_the_plugin_calls_no_check_of_privacy_but_through_site_checks() -> None:
    """A check of the site's own files written in privacy.py (its functions that give
    problems) and called by the plugin directly would be run by the build alone."""
    checks = {name for name, function in inspect.getmembers(privacy, inspect.isfunction)
              if function.__module__ == privacy.__name__ and "Problem" in str(function.__annotations__.get("return"))}
    assert "private_values_in_page" in checks
    adapter = REPO / "plugins/portal_mkdocs"
    called = {(path.name, node.id if isinstance(node, ast.Name) else node.attr)
              for path in adapter.rglob("*.py") for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
              if isinstance(node, (ast.Name, ast.Attribute))}
    assert {(module, name) for module, name in called if name in checks} == set()


# Reading mkdocs.yml as MkDocs does


def test_mkdocs_yml_is_read_as_mkdocs_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text the check walks is one the build walks, at the same key (MkDocs' own
    reading: INHERIT, !ENV, Material's !!python/name: options, a plugin's theme name)."""
    from mkdocs.config import load_config

    from portal_mkdocs.theme import settings_as_written

    root = clean_site(tmp_path)
    (root / "chung.yml").write_text(
        "site_description: Cổng thông tin của Phòng GDĐT\n"
        "extra:\n  lien_he:\n    ten: Văn phòng\n    dia_chi: Số 1, đường 13/9\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n", encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "INHERIT: chung.yml\n" + config + "copyright: !ENV [PORTAL_COPYRIGHT, '© Phòng GDĐT']\n"
        "extra:\n  lien_he:\n    dien_thoai: !ENV PORTAL_PHONE\n", encoding="utf-8")
    monkeypatch.setenv("PORTAL_PHONE", "0243 823 4567")
    monkeypatch.chdir(root)
    loaded = load_config(str(root / "mkdocs.yml"))
    by_build = dict(settings_texts(settings_as_written(loaded)))
    site, problems = read_site_config(root / "mkdocs.yml")
    assert problems == [] and site is not None
    by_check = dict(settings_texts(site.settings.values))
    outside_plugins = {path for path in by_build if path[0] != "plugins"}
    assert {path for path in by_check if path[0] != "plugins"} == outside_plugins
    assert all(by_check[path] == by_build[path] for path in outside_plugins)
    assert set(by_check) <= set(by_build)  # the plugins' options, as written, among them as loaded
    assert by_check[("extra", "lien_he", "dien_thoai")] == "0243 823 4567"
    assert by_check[("extra", "lien_he", "ten")] == "Văn phòng"  # inherited, merged under extra
    # Material's emoji functions are no text, only their keys are: as in the build.
    assert by_check[("markdown_extensions", "pymdownx.emoji", "emoji_index")] == "emoji_index"
    assert [folder.name for folder in site.folders] == ["content"]


def test_a_folder_of_data_alone_is_checked_as_before(tmp_path: Path) -> None:
    root = clean_site(tmp_path)
    os.remove(root / "mkdocs.yml")
    in_page(root)  # content/ is no site's without its mkdocs.yml
    checked = cotcan("kiem-tra", cwd=root)
    assert checked.returncode == Exit.OK, checked.stdout[-3000:]


# The build's last line


def test_a_refused_build_says_the_site_is_kept_only_when_there_is_one(tmp_path: Path) -> None:
    """A refused first build said "Trang web đang có vẫn giữ nguyên." with no site yet."""
    from mkdocs.exceptions import Abort, PluginError

    from portal_mkdocs.publish import Publisher

    site = tmp_path / "trang sở" / "site"
    site.parent.mkdir()
    lines = []
    for built in (False, True):
        if built:
            site.mkdir()
            (site / "index.html").write_text("<!doctype html><title>Tổ cốt cán</title>", encoding="utf-8")
        plugin = PortalPlugin()
        plugin.on_startup(command="build", dirty=False)
        plugin.publisher = Publisher(site, lock_timeout=1, notify=print)
        with pytest.raises(Abort) as ended:
            plugin.on_build_error(error=PluginError("Dữ liệu trong data/ có lỗi"))
        lines.append(ended.value.format_message())
    assert lines == [notices.build_stopped(kept=False), notices.build_stopped(kept=True)]
    assert notices.KEPT not in lines[0] and lines[1].endswith(notices.KEPT)


def test_a_refused_build_under_mkdocs_serve_ends_with_a_vietnamese_line() -> None:
    """The line is an Abort (a SystemExit), which MkDocs' rebuild loop prints before it goes on
    serving (LiveReloadServer._build_loop); `mkdocs build`'s is tested above."""
    from mkdocs.exceptions import Abort, PluginError

    plugin = PortalPlugin()
    plugin.on_startup(command="serve", dirty=False)
    with pytest.raises(Abort) as ended:
        plugin.on_build_error(error=PluginError("Dữ liệu trong data/ có lỗi"))
    assert isinstance(ended.value, SystemExit) and ended.value.code == 1
    assert ended.value.format_message() == notices.build_stopped(kept=False)  # no served site set aside
    assert plugin.on_build_error(error=ValueError("a bug")) is None  # MkDocs shows it as it is


# Every text file, whatever its name


@pytest.mark.parametrize("name", ["bang.csv", "du-lieu.json", "trang.js", "kieu.css", "so-do.xml", "cu.htm",
                                  "danh-ba.vcf", "lich.ics", "GHI-CHU.Txt", "khong-duoi"])
def test_every_text_file_is_read_whatever_its_name(tmp_path: Path, name: str) -> None:
    """Any file MkDocs copies as it is: text when its first bytes hold no NUL (UTF-16 by its mark)."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / name).write_text("Cô Thùy; 0912 345 678\n", encoding="utf-16" if "Txt" in name else "utf-8")
    [file] = site_checks.folder_files([tmp_path / "content"], tmp_path)
    problems = site_checks.file_problems([file], privacy.Redactor([PRIVATE_PHONE]))
    assert [(p.file, p.line) for p in problems] == [(f"content/{name}", 1)]


@pytest.mark.parametrize(("name", "written", "line"), [
    # Copied as they are: a browser shows "&#51;" and "&nbsp;" as written, no number.
    ("ghi-chu.txt", "Ghi chú\r\nCô Thùy: 0912&#51;45 678\r\n", None),
    ("danh-ba.csv", "Họ tên;Điện thoại\nCô Thùy;0912&nbsp;345&nbsp;678\n", None),
    ("danh-ba.csv", "Họ tên;Điện thoại\nCô Thùy;0912 345 678\n", 2),
    ("ghi-chu.txt", "Cô Thùy: ０９１２ ３４５ ６７８\n", 1),  # full-width digits: read all the same
    ("ghi-chu.txt", "Cô Thùy: **0912** 345 678\n", 1),  # no Markdown: shown with its stars
    # Read through their markup: the browser resolves the reference.
    ("lien-he.md", "# Liên hệ\n\nCô Thùy: 0912&#51;45 678\n", 3),
    ("trang.html", "<!doctype html>\n<p>Cô Thùy: 0912&#51;45 678</p>\n", 2),
    ("logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>0912&#51;45 678</text></svg>\n', 1),
])
def test_each_file_is_read_as_a_browser_shows_it(tmp_path: Path, name: str, written: str, line: int | None) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / name).write_text(written, encoding="utf-8")
    [file] = site_checks.folder_files([tmp_path / "content"], tmp_path)
    problems = site_checks.file_problems([file], privacy.Redactor([PRIVATE_PHONE]))
    assert [(p.file, p.line) for p in problems] == ([] if line is None else [(f"content/{name}", line)])


@pytest.mark.parametrize(("name", "written", "quoted"), [
    ("lien-he.md", "Cô Thùy: 0&#57;12 345 678\n", "'0&#57;12 345 678' (đọc ra là '0912 345 678')"),
    ("lien-he.md", "[Gọi cô Thùy](tel:%30912%20345%20678)\n", "'%30912%20345%20678' (đọc ra là '0912 345 678')"),
    ("lien-he.md", '---\ntitle: "Cô Thùy 0912 \\u003345 678"\n---\n',
     "'\"Cô Thùy 0912 \\u003345 678\"' (đọc ra là '0912 345 678')"),
    ("trang.html", "<p>ĐT 0912&#51;45<b></b>678</p>\n", "'0912&#51;45<b></b>678' (đọc ra là '0912345678')"),
    ("ghi-chu.txt", "Cô Thùy: 0912 345 678\n", "'0912 345 678'"),  # as it reads: no second quote
])
def test_a_value_found_once_decoded_is_quoted_as_written(tmp_path: Path, name: str, written: str,
                                                          quoted: str) -> None:
    """The clerk searches the file for what the report quotes: "0&#57;12", not "0912"."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / name).write_text(written, encoding="utf-8")
    [file] = site_checks.folder_files([tmp_path / "content"], tmp_path)
    [problem] = site_checks.file_problems([file], privacy.Redactor([PRIVATE_PHONE]))
    assert problem.message == f"trang viết tay có số điện thoại riêng tư {quoted}."


@pytest.mark.parametrize(("value", "quoted"), [
    ("© Phòng GDĐT · ĐT 0912&#51;45<b></b>678", "'0912&#51;45<b></b>678' (đọc ra là '0912345678')"),
    ("tel:0912%33%34%35678", "'0912%33%34%35678' (đọc ra là '0912345678')"),
])
def test_a_value_of_mkdocs_yml_found_once_decoded_is_quoted_as_written(value: str, quoted: str) -> None:
    settings = site_checks.Settings({"copyright": value}, "mkdocs.yml")
    [problem] = site_checks.settings_problems(settings, privacy.Redactor([PRIVATE_PHONE]))
    assert problem.message == f"có số điện thoại riêng tư {quoted}."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_text_file_with_a_byte_order_mark_is_read_as_text(tmp_path: Path, encoding: str) -> None:
    """Notepad's "Unicode" saves UTF-16 with its mark; a browser reads the file by it."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content/danh-ba.txt").write_bytes(
        "\ufeffDanh bạ\r\nCô Thùy: 0912 345 678\r\n".encode(encoding))
    [file] = site_checks.folder_files([tmp_path / "content"], tmp_path)
    problems = site_checks.file_problems([file], privacy.Redactor([PRIVATE_PHONE]))
    assert [(p.file, p.line, p.message) for p in problems] == [
        ("content/danh-ba.txt", 2, "trang viết tay có số điện thoại riêng tư '0912 345 678'.")]


def _image(path: Path, details: str | None = None) -> None:
    """A real PNG (its details in an iTXt chunk, kept uncompressed) or PDF (the author's name)."""
    from PIL import Image, PngImagePlugin

    image = Image.new("RGB", (40, 30), (180, 40, 40))
    if path.suffix == ".png":
        info = PngImagePlugin.PngInfo()
        if details:
            info.add_itxt("Description", details)
        image.save(path, pnginfo=info)
    else:
        image.save(path, "PDF", **({"author": details} if details else {}))


def _binary_problems(root: Path) -> list[tuple[str, int | None, str]]:
    files = list(site_checks.folder_files([root / "content"], root))
    assert all(file.text is None for file in files)
    return [(p.file, p.line, p.message) for p in site_checks.file_problems(files, privacy.Redactor([PRIVATE_PHONE]))]


def test_a_binary_file_is_checked_by_its_readable_text(tmp_path: Path) -> None:
    """A photo or a scan is published as it is: a number in its details is read by anyone."""
    (tmp_path / "content").mkdir()
    _image(tmp_path / "content/anh.png", "Ảnh chụp tại trường, liên hệ cô Thùy 0912 345 678")
    _image(tmp_path / "content/ke-hoach.pdf", "Co Thuy - DT 0912.345.678")
    assert _binary_problems(tmp_path) == [
        ("content/anh.png", None, "tệp có số điện thoại riêng tư '0912 345 678' trong phần chữ đọc được của tệp."),
        ("content/ke-hoach.pdf", None, "tệp có số điện thoại riêng tư '0912.345.678' trong phần chữ đọc được "
                                       "của tệp.")]


def test_a_genuine_binary_file_is_not_refused(tmp_path: Path) -> None:
    import mkdocs

    (tmp_path / "content").mkdir()
    _image(tmp_path / "content/anh.png", "Ảnh chụp tại trường")
    _image(tmp_path / "content/ke-hoach.pdf")
    for font in sorted(Path(mkdocs.__file__).parent.glob("themes/*/webfonts/*"))[:4]:
        (tmp_path / "content" / font.name).write_bytes(font.read_bytes())
    assert len(list((tmp_path / "content").iterdir())) == 6
    assert _binary_problems(tmp_path) == []


def test_a_value_only_running_code_gives_is_said_to_be_unchecked(tmp_path: Path) -> None:
    """The hostile review: MkDocs runs `!!python/object/apply:` (the copyright became the
    private number), which kiem-tra cannot read without running code: it passed in silence."""
    root = clean_site(tmp_path)
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write('copyright: !!python/object/apply:operator.add ["ĐT 0912", " 345 678"]\n')
    checked = cotcan("kiem-tra", cwd=root)
    assert checked.returncode == Exit.OK, checked.stdout[-3000:]
    assert ("CẢNH BÁO mkdocs.yml, mục copyright: giá trị 'python/object/apply:operator.add' chỉ có khi chạy "
            "mã Python") in checked.stdout
    assert build(root).returncode == 1  # MkDocs ran it: the build reads the text and refuses it


# MkDocs' own validation, run by kiem-tra (portal_mkdocs/config_check.py)


def _with_config(root: Path, written: str, *, dropped: str = "") -> None:
    """mkdocs.yml as a clerk edits it by hand: `dropped` taken out, `written` added at its end."""
    path = root / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(dropped, "") + written, encoding="utf-8")


@pytest.mark.parametrize(("written", "key"), [
    ('extra:\n  lien_he: !!python/object/apply:os.system ["echo chay > da-chay.txt"]\n', "extra.lien_he"),
    ("extra:\n  x: !!python/name:khong_co.thu_gi\n", "extra.x"),
    ("hooks:\n  - hooks/dem.py\n", "hooks"),
    ("markdown_extensions:\n  - tien_ich_rieng\n", "markdown_extensions"),
])
def test_the_check_runs_no_code_of_mkdocs_yml(tmp_path: Path, written: str, key: str) -> None:
    """The hostile review: MkDocs' loader ran `os.system` and its validation imported the hooks
    (a hook importing a missing module ended kiem-tra with exit 3): kiem-tra runs neither, and
    says once that MkDocs' validation was not run."""
    root = clean_site(tmp_path)
    (root / "hooks").mkdir()
    code = "open('da-chay.txt', 'w').write('chạy')\nimport khong_co_mo_dun\n"
    (root / "hooks/dem.py").write_text(code, encoding="utf-8")
    (root / "tien_ich_rieng.py").write_text(code, encoding="utf-8")
    _with_config(root, written)
    checked = cotcan("kiem-tra", cwd=root)
    assert checked.returncode == Exit.OK, checked.stdout[-3000:] + checked.stderr[-3000:]
    assert not (root / "da-chay.txt").exists()
    said = [line for line in checked.stdout.splitlines() if "không chạy phần kiểm tra của MkDocs" in line]
    assert said == [f"CẢNH BÁO mkdocs.yml: kiem-tra không chạy phần kiểm tra của MkDocs cho tệp này: mục {key} "
                    + said[0].split(f"mục {key} ", 1)[1]], checked.stdout[-3000:]


def test_material_s_emoji_setting_is_validated_with_the_rest(tmp_path: Path) -> None:
    """The re-review: Material's documented emoji setting (`!!python/name:` of an installed
    function, imported, never called) turned MkDocs' validation of the whole file off, so a
    typo the strict build refuses passed kiem-tra. An installed name is imported as MkDocs'
    loader does; the rest is validated."""
    root = clean_site(tmp_path)
    _with_config(root, "markdown_extensions:\n  - attr_list\n  - pymdownx.emoji:\n"
                       "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                       "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n")
    clean = cotcan("kiem-tra", cwd=root)
    assert clean.returncode == Exit.OK and "không chạy phần kiểm tra của MkDocs" not in clean.stdout, clean.stdout
    _with_config(root, "site_nam: Thử\n")
    typo = cotcan("kiem-tra", cwd=root)
    assert typo.returncode == Exit.DATA and "LỖI mkdocs.yml, mục site_nam: MkDocs không biết mục 'site_nam'" in \
        typo.stdout, typo.stdout[-3000:]


def test_a_python_tag_in_an_inherited_file_is_told_there(tmp_path: Path) -> None:
    root = clean_site(tmp_path)
    (root / "chung.yml").write_text("extra:\n  lam: !!python/object/apply:os.system ['echo > da-chay.txt']\n",
                                    encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("INHERIT: chung.yml\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    checked = cotcan("kiem-tra", cwd=root)
    assert not (root / "da-chay.txt").exists()
    assert "CẢNH BÁO chung.yml: kiem-tra không chạy phần kiểm tra của MkDocs" in checked.stdout, checked.stdout[-3000:]


@pytest.mark.parametrize(("written", "dropped", "told"), [
    ("markdown_extensions:\n  - toc:\n      permalink: true\n      bogus_opt: 3\n", "",
     "LỖI mkdocs.yml, mục markdown_extensions: tiện ích Markdown 'toc' không có tùy chọn 'bogus_opt'"),
    ("markdown_extensions:\n  - attr_list\n  - pymdownx.khong_co\n", "",
     "LỖI mkdocs.yml, mục markdown_extensions: không nạp được tiện ích Markdown 'pymdownx.khong_co': chưa cài "
     "mô-đun Python 'pymdownx.khong_co'"),
    ('use_directory_urls: "có"\n', "use_directory_urls: true\n",
     "LỖI mkdocs.yml, mục use_directory_urls: sai kiểu giá trị: cần true hoặc false, đang ghi một đoạn chữ."),
    ("site_url: pgddt.example.edu.vn\n", "",
     "LỖI mkdocs.yml, mục site_url: không phải một địa chỉ trang web đầy đủ"),
    ("markdown_extensions:\n  - pymdownx.snippets:\n      base_path: !relative $site/doan\n", "",
     "LỖI mkdocs.yml, mục markdown_extensions[0].pymdownx.snippets.base_path: '!relative $site/doan' không dùng"),
])
def test_mkdocs_refusals_are_one_vietnamese_line(tmp_path: Path, written: str, dropped: str, told: str) -> None:
    """The review: a traceback joined with "\\u000a", MkDocs' English ("Expected type: <class
    'bool'>…", "The URL isn't valid…"), or nothing at all (a wrong `!relative`) while the build
    refuses the file."""
    root = clean_site(tmp_path)
    _with_config(root, written, dropped=dropped)
    checked = cotcan("kiem-tra", cwd=root)
    assert checked.returncode == Exit.DATA, checked.stdout[-3000:] + checked.stderr[-3000:]
    [block] = errors(checked.stdout)
    assert block.startswith(told), block
    assert "\\u000a" not in block and "Traceback" not in block and "Expected" not in block
    assert build(root).returncode == 1  # the build refuses it too


def test_any_fault_of_mkdocs_validation_is_told_at_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin that cannot read its options (a module it needs missing) raised past the check: exit 3."""
    def missing(*args: object) -> None:
        raise ModuleNotFoundError("No module named 'lxml'")

    monkeypatch.setattr(PortalPlugin, "load_config", missing)
    checked = cotcan("kiem-tra", cwd=clean_site(tmp_path))
    assert checked.returncode == Exit.DATA, checked.stdout[-3000:] + checked.stderr[-3000:]
    assert [block.splitlines()[0] for block in errors(checked.stdout)] == [
        "LỖI mkdocs.yml, mục plugins: chưa cài mô-đun Python 'lxml' mà mục này cần: cài gói của nó."]


@pytest.mark.parametrize(("change", "told"), [
    (lambda config: config.update(site_nam="Phòng GDĐT"),
     "LỖI mkdocs.yml, mục site_nam: MkDocs không biết mục 'site_nam'"),
    (lambda config: config.update(site_nam="Phòng GDĐT", strict=False),  # still built with --strict
     "LỖI mkdocs.yml, mục site_nam: MkDocs không biết mục 'site_nam'"),
    (lambda config: config["plugins"][0]["portal"].update(publisher2="Phòng GDĐT"),
     "LỖI mkdocs.yml, mục plugins.portal.publisher2: MkDocs không biết mục 'publisher2'"),
])
def test_mkdocs_warnings_are_errors_as_in_the_strict_build(tmp_path: Path, change: Callable[[dict[str, Any]], None],
                                                            told: str) -> None:
    """Every documented build runs `mkdocs build --strict`: kiem-tra said 0 lỗi, the build
    "Aborted with 1 configuration warnings in 'strict' mode!"."""
    root = clean_site(tmp_path)
    edit_config(root, change)
    checked = cotcan("kiem-tra", cwd=root)
    assert checked.returncode == Exit.DATA, checked.stdout[-3000:]
    [block] = errors(checked.stdout)
    assert block.startswith(told) and "--strict" in block, block
    assert checked.stdout.rstrip().endswith(nothing_published(in_data=False, in_site=True))
    assert build(root).returncode == 1


def test_a_missing_docs_dir_is_told_once(tmp_path: Path) -> None:
    root = clean_site(tmp_path)
    _with_config(root, "docs_dir: noidung\n", dropped="docs_dir: content\n")
    checked = cotcan("kiem-tra", cwd=root)
    assert [block.splitlines()[0].split(":")[0] for block in errors(checked.stdout)] == ["LỖI mkdocs.yml, mục docs_dir"]


def test_mkdocs_refusal_is_told_in_the_inherited_file_that_holds_it(tmp_path: Path) -> None:
    root = clean_site(tmp_path)
    (root / "cfg").mkdir()
    (root / "cfg/chung.yml").write_text("site_nam: Sở GDĐT\nuse_directory_urls: 'có'\n", encoding="utf-8")
    _with_config(root, "", dropped="use_directory_urls: true\n")
    config = root / "mkdocs.yml"
    config.write_text("INHERIT: cfg/chung.yml\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    checked = cotcan("kiem-tra", cwd=root)
    assert [block.splitlines()[0].split(":")[0] for block in errors(checked.stdout)] == [
        "LỖI cfg/chung.yml, mục site_nam", "LỖI cfg/chung.yml, mục use_directory_urls"], checked.stdout[-3000:]


# What anyone who downloads a file can read in it (portal/file_reading.py)

REVIEWED_PHONE, REVIEWED_EMAIL = "0912944718", "thiennv@dt.sgdbinhduong.edu.vn"


def _problems_of(root: Path, *private: str) -> list[tuple[str, int | None, str, str]]:
    files = site_checks.folder_files([root / "content"], root)
    return [(p.file, p.line, p.severity, p.message)
            for p in site_checks.file_problems(files, privacy.Redactor(private or (REVIEWED_PHONE, REVIEWED_EMAIL)))]


def _binary(place: str = "") -> Callable[[str], str]:
    inside = f" (phần {place} bên trong tệp)" if place else ""
    return lambda quoted: f"tệp có số điện thoại riêng tư {quoted} trong phần chữ đọc được của tệp{inside}."


@pytest.mark.parametrize(("name", "data", "line", "message"), [
    # Notepad's UTF-16 without its mark, a no-break space inside the number: read as UTF-16, by its NUL bytes.
    ("a.txt", "Liên hệ thầy Nhạn: 0912\u00a0944\u00a0718\r\n".encode("utf-16-le"), 1,
     "trang viết tay có số điện thoại riêng tư '0912\u00a0944\u00a0718'."),
    # UTF-8 with a NUL pasted in: text by its name, quoted as written (not '0912944 718').
    ("b.txt", "Liên hệ\x00 0912\u00a0944\u00a0718 hoặc 0912–947–273\n".encode(), 1,
     "trang viết tay có số điện thoại riêng tư '0912\u00a0944\u00a0718'."),
    ("c.csv", "Họ tên;Điện thoại\nThầy Nhạn\x00;０９１２９４４７１８\n".encode(), 2,
     "trang viết tay có số điện thoại riêng tư '０９１２９４４７１８'."),
    # A page with a NUL: read as Markdown (the build refuses it so), its reference resolved.
    ("e.md", "# Trang\n\x00\nGọi 0912&#57;44718 nhé.\n".encode(), 3,
     "trang viết tay có số điện thoại riêng tư '0912&#57;44718' (đọc ra là '0912944718')."),
    # No text by its name: its UTF-16 readings, through the same reading as a page.
    ("d.dat", "thư: thiennv＠dt.sgdbinhduong.edu.vn".encode("utf-16-le"), None,
     "tệp có địa chỉ thư điện tử riêng tư 'thiennv＠dt.sgdbinhduong.edu.vn' trong phần chữ đọc được của tệp."),
    ("g.dat", "Số: 0912 ９４４ 718".encode("utf-16-be"), None, _binary()("'0912 ９４４ 718'")),
])
def test_a_file_with_nul_bytes_is_read_as_a_browser_or_an_editor_reads_it(
        tmp_path: Path, name: str, data: bytes, line: int | None, message: str) -> None:
    """The hostile review: all passed kiem-tra and the build, read as ASCII runs."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / name).write_bytes(data)
    assert _problems_of(tmp_path) == [(f"content/{name}", line, "error", message)]


def _docx(path: Path) -> None:
    """The number split over runs, as Word keeps a word made bold in the middle."""
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Liên hệ thầy Nhạn: ĐT ")
    paragraph.add_run("0912").bold = True
    paragraph.add_run(" 944 718")
    document.save(str(path))


def _xlsx(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ tên", "Điện thoại"])
    sheet.append([1, "Nguyễn Văn Thiện", "0912.944.718"])
    sheet.append([2, "Trần Văn Nhạn", 912944718])  # typed as a number: its 0 dropped
    book.save(path)


def _zip(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ghi-chu.txt", "Danh bạ tổ\r\nThầy Nhạn: 0912944718\r\n")
        _docx(path.with_suffix(".docx"))
        archive.write(path.with_suffix(".docx"), "ho-so/lien-he.docx")  # a .docx inside: read one level down
    path.with_suffix(".docx").unlink()


def _pdf_with_page_text(path: Path, *shown: bytes) -> None:
    """A PDF whose page draws its text from a FlateDecode stream (each word placed apart,
    as Word prints it), and an image beside it."""
    import zlib

    from PIL import Image

    picture = io_bytes(lambda out: Image.new("RGB", (40, 30), (180, 40, 40)).save(out, "JPEG"))
    page = zlib.compress(b"BT /F1 11 Tf 72 720 Td (Li\\352n h\\352 th\\340y Nh\\341n:) Tj " + b" ".join(shown) + b" ET")
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                     b"4 0 obj\n<< /Length " + str(len(page)).encode() + b" /Filter /FlateDecode >>\nstream\n"
                     + page + b"\nendstream\nendobj\n5 0 obj\n<< /Type /XObject /Subtype /Image /Length "
                     + str(len(picture)).encode() + b" /Filter /DCTDecode >>\nstream\n" + picture
                     + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def _pdf_drawn_through_its_own_font(text: str, font_box: bytes = b"/FontBBox [0 -200 1000 900] ") -> bytes:
    """A PDF whose page draws `text` as Word's "Save as PDF" and a browser's printing do: through
    a font of its own encoding (Identity-H), each character a glyph number that spells nothing,
    and the font's Unicode map (ToUnicode) beside it, from which a viewer reads and copies it."""
    return _pdf_drawing([(72, 720, text)], font_box)


def _pdf_drawing(texts: list[tuple[int, int, str]], font_box: bytes = b"/FontBBox [0 -200 1000 900] ") -> bytes:
    """A PDF whose page draws each text at its place (x, y), as _pdf_drawn_through_its_own_font."""
    import zlib

    glyphs = {c: 0x203 + 7 * i for i, c in enumerate(sorted({c for _, _, text in texts for c in text}))}
    pairs = "".join(f"<{g:04X}> <{ord(c):04X}>\n" for c, g in glyphs.items())
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) "
            "/Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            f"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n{len(glyphs)} beginbfchar\n{pairs}"
            "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode("ascii")
    content = "\n".join(f"BT /F1 11 Tf {x} {y} Td <{''.join(f'{glyphs[c]:04X}' for c in text)}> Tj ET"
                        for x, y, text in texts).encode("ascii")

    def stream(data: bytes) -> bytes:
        packed = zlib.compress(data)
        return b"<< /Length " + str(len(packed)).encode() + b" /Filter /FlateDecode >>\nstream\n" + packed + \
            b"\nendstream"

    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
               b"/Contents 4 0 R >>", stream(content),
               b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+DejaVuSerif /Encoding /Identity-H "
               b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
               b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+DejaVuSerif /CIDSystemInfo << /Registry "
               b"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 500 >>",
               stream(cmap),
               b"<< /Type /FontDescriptor /FontName /ABCDEF+DejaVuSerif /Flags 4 " + font_box
               + b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"]
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return (out + b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n" + table
            + b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\nstartxref\n"
            + str(len(out)).encode() + b"\n%%EOF\n")


def test_the_text_a_pdf_draws_through_a_font_of_its_own_is_read_as_a_viewer_shows_it(tmp_path: Path) -> None:
    """The hostile review: a decision saved as PDF from Word or a browser, a teacher's number and
    address on its page, was published (its bytes hold glyph numbers, not the digits)."""
    (tmp_path / "content").mkdir()
    pdf = _pdf_drawn_through_its_own_font(f"Đầu mối: bà Lan, điện thoại {REVIEWED_PHONE}, thư điện tử "
                                          f"{REVIEWED_EMAIL}.")
    (tmp_path / "content/quyet-dinh.pdf").write_bytes(pdf)
    readings, unread = file_reading.file_readings(pdf)
    redactor = privacy.Redactor([REVIEWED_PHONE, REVIEWED_EMAIL])
    assert unread == frozenset()
    assert not any(redactor.find_as_written(r.text) for r in readings if r.read_as == "bytes")
    found = {message for _, _, _, message in _problems_of(tmp_path)}
    assert _binary()(f"'{REVIEWED_PHONE}'") in found
    assert f"tệp có địa chỉ thư điện tử riêng tư '{REVIEWED_EMAIL}' trong phần chữ đọc được của tệp." in found


def test_reading_a_pdf_logs_nothing_of_pdfminer_s(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The second review: every PDF a browser prints (its fonts' descriptors without a FontBBox) had
    pdfminer log "Could not get FontBBox from font descriptor …", in English, above the report."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content/ke-hoach.pdf").write_bytes(_pdf_drawn_through_its_own_font("Kế hoạch năm học", font_box=b""))
    with caplog.at_level(logging.DEBUG):
        assert _problems_of(tmp_path) == []
    assert [record.getMessage() for record in caplog.records if record.name.startswith("pdfminer")] == []


def test_a_pdf_read_in_part_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review: pdfminer takes about 30 ms a page at every build, and a PDF of thousands of pages
    had no bound but its 50 MB. Past MAX_PDF_PAGES its pages are not read, and that is said."""
    for module in (file_reading, site_checks):  # the reading, and its warning
        monkeypatch.setattr(module, "MAX_PDF_PAGES", 0)
    (tmp_path / "content").mkdir()
    (tmp_path / "content/ke-hoach.pdf").write_bytes(_pdf_drawn_through_its_own_font("Kế hoạch năm học"))
    assert _problems_of(tmp_path) == [("content/ke-hoach.pdf", None, "warning", "tệp PDF dài hơn 0 trang: chỉ chữ trên "
                                       "0 trang đầu được đọc để tìm thông tin liên hệ riêng tư, các trang sau chưa "
                                       "được kiểm tra.")]


def test_a_pdf_whose_pages_cannot_be_read_is_said_to_be_unchecked(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content/hong.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Pages /Kids [2 0 R >>\nendobj\n%%EOF")
    assert _problems_of(tmp_path) == [("content/hong.pdf", None, "warning", "không đọc được chữ trên các trang của "
                                       "tệp PDF (tệp có thể bị hỏng): chưa kiểm tra được thông tin liên hệ riêng "
                                       "tư trong đó.")]


def io_bytes(write: Callable[[Any], None]) -> bytes:
    import io

    out = io.BytesIO()
    write(out)
    return out.getvalue()


def _png_with_compressed_details(path: Path) -> None:
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_itxt("Description", "Ảnh tổ chuyên môn, ĐT thầy Nhạn 0912944718", zip=True)
    Image.new("RGB", (40, 30), (180, 40, 40)).save(path, pnginfo=info)


@pytest.mark.parametrize(("name", "make", "message"), [
    ("lien-he.docx", _docx, _binary("word/document.xml")("'0912 944 718'")),
    ("danh-sach.xlsx", _xlsx, _binary("xl/worksheets/sheet1.xml")("'0912.944.718'")),
    ("ho-so.zip", _zip, _binary("ghi-chu.txt")("'0912944718'")),
    ("ke-hoach.pdf", lambda path: _pdf_with_page_text(path, b"[(0912) -250 (944) 120 (718)] TJ"),
     _binary()("'0912 944718'")),  # a word gap, then kerning
    ("ke-hoach-2.pdf", lambda path: _pdf_with_page_text(path, b"(\\060912) Tj 40 0 Td (944) Tj 30 0 Td (718) Tj"),
     _binary()("'0912\n944\n718' (đọc ra là '0912 944 718')")),
    ("anh.png", _png_with_compressed_details, _binary()("'0912944718'")),
])
def test_compressed_content_is_read(tmp_path: Path, name: str, make: Callable[[Path], None], message: str) -> None:
    """The hostile review: kiem-tra read none of these (a stored zip, a PNG's tEXt only)."""
    (tmp_path / "content").mkdir()
    make(tmp_path / "content" / name)
    found = _problems_of(tmp_path)
    assert (f"content/{name}", None, "error", message) in found, found
    if name == "ho-so.zip":  # and the Word file inside it
        inside = "ho-so/lien-he.docx → word/document.xml"
        assert (f"content/{name}", None, "error", _binary(inside)("'0912 944 718'")) in found
    if name == "danh-sach.xlsx":  # and the number in its cell
        assert (f"content/{name}", None, "error", _binary("xl/worksheets/sheet1.xml")("'912944718'")) in found


def test_a_pdf_is_no_text_even_without_an_early_nul(tmp_path: Path) -> None:
    """Its header and details are ASCII: it was called "trang viết tay …, dòng 70"."""
    (tmp_path / "content").mkdir()
    pdf = (REPO / "data/files/mau/sgd-mau-2025-qd-to-cot-can.pdf").read_bytes()
    assert b"\0" not in pdf[:8192]
    author = b"99 0 obj << /Author (Chuyen vien - DT 0912 944 718) >> endobj\n"
    (tmp_path / "content/ban-sao.pdf").write_bytes(pdf + author)
    assert _problems_of(tmp_path) == [("content/ban-sao.pdf", None, "error", _binary()("'0912 944 718'"))]


def test_ordinary_office_files_images_and_fonts_are_not_refused(tmp_path: Path) -> None:
    """No false alarm from compressed bytes, pixels, glyphs or the shipped original."""
    import mkdocs

    content = tmp_path / "content"
    content.mkdir()
    _docx(content / "lien-he.docx")
    _xlsx(content / "danh-sach.xlsx")
    _zip(content / "ho-so.zip")
    _pdf_with_page_text(content / "ke-hoach.pdf", b"(0243 823 4567) Tj")
    _png_with_compressed_details(content / "anh.png")
    _image(content / "anh-2.png", "Ảnh chụp tại trường")
    (content / "anh.jpg").write_bytes(io_bytes(lambda out: __import__("PIL.Image").Image.new(
        "RGB", (300, 200), (20, 90, 160)).save(out, "JPEG", comment=b"Phong GDDT")))
    for font in sorted(Path(mkdocs.__file__).parent.glob("themes/*/webfonts/*"))[:4]:
        (content / font.name).write_bytes(font.read_bytes())
    for original in sorted((REPO / "data/files").rglob("*.*")):
        (content / original.name).write_bytes(original.read_bytes())
    (content / "in-tu-libreoffice.pdf").write_bytes((REPO / "tests/fixtures/import/dt-2024-cum.pdf").read_bytes())
    # Private values nobody wrote in them: the files' own numbers are no one's contact.
    assert _problems_of(tmp_path, PRIVATE_PHONE, PRIVATE_EMAIL) == []


# A PDF of this machine's documentation: 3,267 distinct stretches of its numbers are valid
# mobiles, "419 39 484 17 735" among them.
_LIBTASN1 = Path("/usr/share/doc/libtasn1-doc/libtasn1.pdf")


def _pdf_with_bare_digits(path: Path) -> None:
    """A PDF whose drawing holds the private number's national digits in one group, beside
    other digits, after a decimal's dot, a minus sign, or inside a longer number."""
    _pdf_with_page_text(path, b"(Ban ve) Tj ET 939484177 12 re 0.939484177 m 20939484177 l 12 -939484177 l "
                              b"1.0939 484 177 20 re 1 -0939 484 177 l BT")


def _pdf_with_drawing(path: Path) -> None:
    """A PDF whose page draws lines: its coordinates hold the private number's digits
    (part of a run, in groups of 1 digit, 5 groups), as a real drawing's do."""
    _pdf_with_page_text(path, b"(Ban ve) Tj ET 419 39 484 17 735 re f 0.939 484.177 m 1 0939 484 177 l S "
                              b"9 39 48 41 77 l S 939 484 177 Td 84 0 R BT")


def _pdf_drawn_with_84(path: Path) -> None:
    """A PDF whose drawing's operands start with "84", as a generated page's rectangles and a
    Chromium print's lines do ("84 336 244 450 re", "849.48999 175.896 l"), the private
    number's digits after them."""
    _pdf_with_page_text(path, b"(Ban ve) Tj ET 0.77 0.2 0.1 rg 84 939 484 177 re f 420 120 m 156 168 l S\n"
                              b"/G28 gs\n416.57901 479.048 m\n849.39484 177.896 l\nS\n84 939 484 177\n12 m BT")


@pytest.mark.parametrize("make", [
    _pdf_with_drawing,
    _pdf_with_bare_digits,
    _pdf_drawn_with_84,
    pytest.param(lambda path: path.write_bytes(_LIBTASN1.read_bytes()), id="libtasn1.pdf",
                 marks=pytest.mark.skipif(not _LIBTASN1.is_file(), reason="libtasn1-doc is not installed")),
])
def test_the_numbers_of_a_files_own_structure_are_no_phone(tmp_path: Path, make: Callable[[Path], None]) -> None:
    """The re-review: '419 39 484 17 735' of libtasn1.pdf's drawing was refused as the private
    0939 484 177. In a file's bytes a number is read only as a person writes it; the same
    digits in a text file are still someone's number."""
    (tmp_path / "content").mkdir()
    make(tmp_path / "content/tai-lieu.pdf")
    assert _problems_of(tmp_path, "0939 484 177") == []
    (tmp_path / "content/ghi-chu.txt").write_text("Xem bản vẽ: 419 39 484 17 735\n", encoding="utf-8")
    assert _problems_of(tmp_path, "0939 484 177") == [
        ("content/ghi-chu.txt", 1, "error", "trang viết tay có số điện thoại riêng tư '419 39 484 17 735'.")]


@pytest.mark.parametrize("written", [b"(0939 484 177) Tj", b"(DT: +84 939 484 177) Tj", b"(DT: 84 939 484 177) Tj",
                                     b"(0939.484.177) Tj",
                                     b"[(0939) -250 (484) 120 (177)] TJ", rb"(\(093\) 948-4177) Tj"])
def test_a_number_written_as_a_person_writes_it_is_read_in_a_pdf(tmp_path: Path, written: bytes) -> None:
    (tmp_path / "content").mkdir()
    _pdf_with_page_text(tmp_path / "content/ke-hoach.pdf", written)
    found = _problems_of(tmp_path, "0939 484 177")
    # (Told as read from the page's stream and from its strings: quoted as each reads it.)
    assert {(file, severity) for file, _, severity, _ in found} == {("content/ke-hoach.pdf", "error")}, found


@pytest.mark.parametrize("written", [b"[(Tu 09.12.2024) -3000 (10.12.2024)] TJ",
                                     b"[(Tu 09.12.2024)-200(10.12.2024)] TJ",
                                     b"[(Tu 09.12.2024) +250.5 (10.12.2024)] TJ"])
def test_a_word_gap_in_a_tj_array_is_a_space(tmp_path: Path, written: bytes) -> None:
    """The review: a TJ array's strings were joined whatever their kerning, and two dates a word gap
    apart read '09.12.202410', refused as the private 0912 202 410."""
    (tmp_path / "content").mkdir()
    _pdf_with_page_text(tmp_path / "content/ke-hoach.pdf", written)
    assert _problems_of(tmp_path, "0912202410") == []


@pytest.mark.parametrize(("written", "quoted"), [
    (b"(DT: 0274 3822 123 - 0939 484 177) Tj", "0939 484 177"),
    (b"(DT: 0274 3822 123) Tj 0 -14 Td (\\(0939\\) 484-177) Tj", "(0939) 484-177"),
    (b"(Thay Nhan: 939484177) Tj", "939484177"),
])
def test_a_number_after_another_or_bare_is_read_in_a_pdf(tmp_path: Path, written: bytes, quoted: str) -> None:
    """Known stops: a number after a landline in its run, or bare, was published in a PDF."""
    (tmp_path / "content").mkdir()
    _pdf_with_page_text(tmp_path / "content/ke-hoach.pdf", written)
    found = _problems_of(tmp_path, "0939 484 177")
    assert ("content/ke-hoach.pdf", None, "error", _binary()(f"'{quoted}'")) in found, found


@pytest.mark.parametrize(("written", "quoted"), [
    (b"[(DT: 0939 4)-12(84 177)] TJ", "0939 484 177"),  # one TJ's strings, kerned apart
    (b"[(DT: 939 4)-12(84 177)] TJ", "939 484 177"),  # without its trunk
    (b"[(DT: 0274 3822 123 \\226 09)-20(39 484 177)] TJ", "0939 484 177"),  # WinAnsi's en dash
    (b"(0939\\226484\\226177) Tj", "0939–484–177"),
    (b"(DT: +84 \\(0\\) 939 484 177) Tj", "+84 (0) 939 484 177"),
    (b"(1. 0939 484 177) Tj", "0939 484 177"),
    (b"(0939/484/177) Tj", "0939/484/177"),
    (b"(09 39 48 41 77) Tj", "09 39 48 41 77"),
])
def test_a_number_written_otherwise_is_read_in_a_pdf(tmp_path: Path, written: bytes, quoted: str) -> None:
    """The hostile review: each was published in a PDF's page text."""
    (tmp_path / "content").mkdir()
    _pdf_with_page_text(tmp_path / "content/ke-hoach.pdf", written)
    found = _problems_of(tmp_path, "0939 484 177")
    assert any(f"'{quoted}'" in message for *_, message in found), found


def test_each_number_of_a_files_bytes_is_told(tmp_path: Path) -> None:
    """Two numbers side by side (a space between) were told as one."""
    (tmp_path / "content").mkdir()
    _pdf_with_page_text(tmp_path / "content/ke-hoach.pdf", b"(DT: 0939 484 177 0912.944.718) Tj")
    assert _problems_of(tmp_path, "0939 484 177", REVIEWED_PHONE) == [
        ("content/ke-hoach.pdf", None, "error", _binary()(f"'{n}'")) for n in ("0939 484 177", "0912.944.718")]


def _pdf_with_a_page_of_numbers(path: Path) -> None:
    """A page as Word prints a table: kerned TJ arrays, amounts, a decision's number, drawing
    operators whose operands hold the private number's digits without its trunk, and a name
    tree whose keys (an array of strings that is no TJ's) join into its digits."""
    _pdf_with_page_text(path, b"[(Quy)-20(\\352t \\(\\)nh s\\366 939/Q\\320-UBND)] TJ 0 -14 Td "
                              b"[(T\\364ng: 1.939.484.177 \\(\\)\\364ng)] TJ 0 -14 Td (1 939 484 177) Tj "
                              b"(939) Tj 40 0 Td (484) Tj 40 0 Td (177) Tj ET 0 939 484 177 re f "
                              b"939 484 177 0 0 cm [939 484 177] 0 d 939 484 177 rg q 939 484 177 Td Q BT "
                              b"/Dests << /Names [(939) 3 0 R (484177) 5 0 R] >>")


def test_a_page_of_other_numbers_is_no_private_number(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    _pdf_with_a_page_of_numbers(tmp_path / "content/bang.pdf")
    assert _problems_of(tmp_path, "0939 484 177") == []


def test_a_pdfs_dates_written_with_dots_are_no_private_number(tmp_path: Path) -> None:
    """'09.12.2024 - 10.12.2024' in a PDF's page text refused it for a private 0912 202 410."""
    (tmp_path / "content").mkdir()
    _pdf_with_page_text(tmp_path / "content/lich.pdf", b"(Tu 09.12.2024 - 10.12.2024) Tj",
                        b"[(Ngay 09-12-2024 - 10-12-2024)] TJ")
    assert _problems_of(tmp_path, "0912 202 410") == []


def test_a_number_written_otherwise_is_read_in_a_zips_and_a_word_files_members(tmp_path: Path) -> None:
    """Each form in a text member of a zip, and in a Word file's member that is no XML (its
    bytes), each told."""
    import zipfile

    import docx

    (tmp_path / "content").mkdir()
    with zipfile.ZipFile(tmp_path / "content/ho-so.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ghi-chu.txt", "Danh bạ tổ\r\n1. Thầy Nhạn: 939 484 177\r\n2) 0912/944/718\r\n")
    document = docx.Document()
    document.add_paragraph("Kế hoạch")
    document.save(str(tmp_path / "content/ke-hoach.docx"))
    with zipfile.ZipFile(tmp_path / "content/ke-hoach.docx", "a") as archive:
        archive.writestr("word/ghi-chu.bin", b"\0\1" + "ĐT thầy Nhạn: +84 (0) 939 484 177".encode() + b"\0")
    assert _problems_of(tmp_path, "0939 484 177", REVIEWED_PHONE) == [
        ("content/ho-so.zip", None, "error", _binary("ghi-chu.txt")("'939 484 177'")),
        ("content/ho-so.zip", None, "error", _binary("ghi-chu.txt")("'0912/944/718'")),
        ("content/ke-hoach.docx", None, "error", _binary("word/ghi-chu.bin")("'+84 (0) 939 484 177'"))]


def test_a_bare_number_is_read_in_a_zips_text_member(tmp_path: Path) -> None:
    import zipfile

    (tmp_path / "content").mkdir()
    with zipfile.ZipFile(tmp_path / "content/ho-so.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ghi-chu.txt", "Danh bạ tổ\r\nThầy Nhạn: 912944718\r\nMã hồ sơ: 20912944718\r\n")
    assert _problems_of(tmp_path) == [("content/ho-so.zip", None, "error", _binary("ghi-chu.txt")("'912944718'"))]


def test_a_number_is_read_where_a_large_file_is_decoded_in_pieces(tmp_path: Path) -> None:
    """A file is decoded a megabyte at a time (no copy of the whole): a number across the
    end of a piece is read whole."""
    from portal import file_reading

    text = "Thầy Nhạn: 0912 944 718".encode("utf-16-le")
    data = b"\0" * (1024 * 1024 - 20) + text + b"\0\1" * 5000
    readings, unread = file_reading.file_readings(data)
    assert any("0912 944 718" in reading.text for reading in readings) and unread == frozenset()


def test_a_zip_bomb_is_read_up_to_the_cap_and_said(tmp_path: Path) -> None:
    import zipfile

    from portal import file_reading

    (tmp_path / "content").mkdir()
    with zipfile.ZipFile(tmp_path / "content/bom.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "Thầy Nhạn 0912944718\n")
        archive.writestr("b.bin", b"\0" * (file_reading.MAX_READ + 1))
    assert _problems_of(tmp_path) == [
        ("content/bom.zip", None, "error", _binary("a.txt")("'0912944718'")),
        ("content/bom.zip", None, "warning", "phần nén bên trong tệp giải nén ra hơn 50,0 MB: chỉ 50,0 MB đầu được "
                                             "đọc để tìm thông tin liên hệ riêng tư, phần còn lại chưa được kiểm tra.")]


def test_a_file_over_the_cap_is_not_read_and_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a file of gigabytes would stop the check: it is named with the cap."""
    monkeypatch.setattr(site_checks, "MAX_READ", 2 * 1024 * 1024)
    (tmp_path / "content").mkdir()
    (tmp_path / "content/video.mp4").write_bytes(b"\0\1" * (1024 * 1024 + 1))
    (tmp_path / "content/anh.png").write_bytes(b"\0\1" * 1024)
    assert _problems_of(tmp_path) == [
        ("content/video.mp4", None, "warning", "tệp lớn hơn 2,0 MB nên không được đọc để tìm thông tin liên hệ "
                                               "riêng tư.")]


def test_a_citizens_identity_number_in_a_page_or_a_file_is_refused(tmp_path: Path) -> None:
    """The second privacy review: "CCCD số 001185012345" in a hand-written page and in a PDF's page
    was published (only the data was searched for identity numbers)."""
    import docx

    content = tmp_path / "content"
    content.mkdir()
    (content / "lien-he.md").write_text("# Liên hệ\n\nThầy An, CCCD số 001185012345.\n", encoding="utf-8")
    (content / "quyet-dinh.pdf").write_bytes(_pdf_drawn_through_its_own_font("Ông Hùng, số CMND 012345678."))
    document = docx.Document()
    document.add_paragraph("Căn cước công dân: 001 185 012 345")
    document.save(str(content / "danh-sach.docx"))
    (content / "ke-hoach.md").write_text("Làm CCCD cho học sinh: 125.000.000 đồng.\n", encoding="utf-8")
    said = "số căn cước công dân hoặc chứng minh nhân dân"
    assert _problems_of(tmp_path) == [
        ("content/danh-sach.docx", None, "error", f"tệp có {said} '001 185 012 345' trong phần chữ đọc được của tệp."),
        ("content/lien-he.md", 3, "error", f"trang viết tay có {said} '001185012345'."),
        ("content/quyet-dinh.pdf", None, "error", f"tệp có {said} '012345678' trong phần chữ đọc được của tệp.")]


def test_a_word_file_and_a_page_written_decomposed_are_read_composed(tmp_path: Path) -> None:
    """Text pasted from a Mac writes each letter, then its marks apart (NFD: "Số" as "S", "o", U+0302,
    U+0301), and Word splits a line over runs (a name made bold): "Chứng minh nhân dân số" and "Mã định
    danh cá nhân" are found only composed (page_text reads a letter and its marks as one, in the
    file's text and in a page's), each number quoted as written, the page's at its line."""
    import docx

    content = tmp_path / "content"
    content.mkdir()
    document = docx.Document()
    paragraph = document.add_paragraph(unicodedata.normalize("NFD", "Thầy "))
    paragraph.add_run(unicodedata.normalize("NFD", "Lò Văn Tư")).bold = True
    paragraph.add_run(unicodedata.normalize("NFD", ", chứng minh nhân dân số 012345678, tổ trưởng."))
    document.add_paragraph(unicodedata.normalize("NFD", "Cô Lan, mã định danh cá nhân: 001185012345."))
    document.save(str(content / "danh-sach.docx"))
    (content / "lien-he.md").write_text(unicodedata.normalize(
        "NFD", "# Liên hệ\n\nCô Lan (tổ Toán)\n**Mã định danh cá nhân**: 001 185 012 345\n"), encoding="utf-8")
    said = personal_data.IDENTITY_NUMBER
    assert _problems_of(tmp_path) == [
        ("content/danh-sach.docx", None, "error", f"tệp có {said} '012345678' trong phần chữ đọc được của tệp."),
        ("content/danh-sach.docx", None, "error", f"tệp có {said} '001185012345' trong phần chữ đọc được của tệp."),
        ("content/lien-he.md", 4, "error", f"trang viết tay có {said} '001 185 012 345'.")]


# Identity numbers and dates of birth under a table's column heading

SAID_IDENTITY = personal_data.IDENTITY_NUMBER


def test_a_column_of_identity_numbers_and_birth_dates_in_a_page_is_refused_at_its_lines(tmp_path: Path) -> None:
    """The third privacy review: a staff list pasted into a page as a Markdown table (numbers under "Số
    CCCD", dates under "Ngày sinh") and a CSV file beside it were published: only a number after the
    word on its own line was found. A year of birth, an account's number, a decision's date pass."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "danh-sach.md").write_text(
        "# Danh sách giáo viên\n\n| STT | Họ và tên | Ngày sinh | Số CCCD | Số tài khoản |\n|:--:|---|---|---|---|\n"
        "| 1 | Lê Văn An | 12/03/1985 | 001185012345 | 123456789012 |\n"
        "| 2 | Hà Thị Bình | 1990 | 001 190 054 321 | 0123456789 |\n", encoding="utf-8")
    (content / "ds.csv").write_text("STT;Họ và tên;CMND/CCCD\n1;Lò Văn Tư;012345678\n", encoding="utf-8")
    (content / "quyet-dinh.md").write_text(
        "| Số quyết định | Ngày ký | Năm sinh |\n|---|---|---|\n| 123456789012 | 05/9/2024 | 1985 |\n",
        encoding="utf-8")
    assert _problems_of(tmp_path) == [
        ("content/danh-sach.md", 5, "error", "trang viết tay có ngày sinh '12/03/1985' (cột 'Ngày sinh')."),
        ("content/danh-sach.md", 5, "error", f"trang viết tay có {SAID_IDENTITY} '001185012345' (cột 'Số CCCD')."),
        ("content/danh-sach.md", 6, "error", f"trang viết tay có {SAID_IDENTITY} '001 190 054 321' (cột 'Số CCCD')."),
        ("content/ds.csv", 2, "error", f"trang viết tay có {SAID_IDENTITY} '012345678' (cột 'CMND/CCCD').")]


def test_a_column_of_identity_numbers_and_birth_dates_in_an_office_file_is_refused_at_its_cell(tmp_path: Path) -> None:
    """An Excel list and a Word list, as clerks make them: title rows, "Ngày, tháng, năm sinh" merged
    over "Nam" and "Nữ", a date typed as a date (Excel keeps its serial), a card's number typed as a
    number (Excel drops its leading zeros); under "Số tài khoản", a year under the birth heading: nothing."""
    import datetime

    import docx
    import openpyxl

    content = tmp_path / "content"
    content.mkdir()
    rows: list[list[Any]] = [
        ["STT", "Họ và tên", "Ngày, tháng, năm sinh", None, "Số CCCD", "Số tài khoản"],
        [None, None, "Nam", "Nữ", None, None],
        [1, "Hà Thị Liên", None, datetime.datetime(1980, 3, 12), 1180012345, 123456789012],
        [2, "Lò Văn Tư", "05/07/1985", None, "001185012345", "0123456789"],
        [3, "Lò Văn Ba", "1990", None, None, None]]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH GIÁO VIÊN TRƯỜNG THCS HIM LAM"])
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("C2:D2")
    book.save(content / "danh-sach.xlsx")
    document = docx.Document()
    document.add_paragraph("DANH SÁCH GIÁO VIÊN")
    table = document.add_table(rows=len(rows), cols=6)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                dated = isinstance(value, datetime.datetime)
                table.cell(r, c).text = value.strftime("%d/%m/%Y") if dated else str(value)
    table.cell(0, 2).merge(table.cell(0, 3))
    document.save(str(content / "danh-sach.docx"))

    def said(value: str, where: str, heading: str, label: str = SAID_IDENTITY) -> str:
        return f"tệp có {label} '{value}' ({where}, cột '{heading}') trong phần chữ đọc được của tệp."

    birth, identity = "Ngày, tháng, năm sinh", "Số CCCD"
    in_word, in_sheet = "của bảng thứ 1", "của trang tính 'Danh sách'"
    assert sorted(_problems_of(tmp_path)) == sorted([
        ("content/danh-sach.docx", None, "error", said("12/03/1980", f"hàng 3, ô thứ 4 {in_word}", birth, "ngày sinh")),
        ("content/danh-sach.docx", None, "error", said("1180012345", f"hàng 3, ô thứ 5 {in_word}", identity)),
        ("content/danh-sach.docx", None, "error", said("05/07/1985", f"hàng 4, ô thứ 3 {in_word}", birth, "ngày sinh")),
        ("content/danh-sach.docx", None, "error", said("001185012345", f"hàng 4, ô thứ 5 {in_word}", identity)),
        ("content/danh-sach.xlsx", None, "error", said("12/03/1980", f"ô D4 {in_sheet}", birth, "ngày sinh")),
        ("content/danh-sach.xlsx", None, "error", said("1180012345", f"ô E4 {in_sheet}", identity)),
        ("content/danh-sach.xlsx", None, "error", said("05/07/1985", f"ô C5 {in_sheet}", birth, "ngày sinh")),
        ("content/danh-sach.xlsx", None, "error", said("001185012345", f"ô E5 {in_sheet}", identity))])


@pytest.mark.parametrize("gap", [40, 8], ids=["columns apart", "cells run together"])
def test_identity_numbers_and_birth_dates_in_a_pdfs_table_are_refused(tmp_path: Path, gap: int) -> None:
    """A list saved as PDF: its page text gives each column apart (the heading, then its values), or,
    the cells close together, runs them into lines in another order ("12/03/1985 001185012345
    123456789012", the heading "Số CCCD" last): a card's number is then told by how the card writes
    it, an account's number is not; a date of birth is not told there."""
    rows = [["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Số tài khoản"],
            ["1", "Lê Văn An", "12/03/1985", "001185012345", "123456789012"],
            ["2", "Hà Thị Bình", "01/02/1990", "001190054321", "987654321098"]]
    starts = [40]
    for column in range(4):  # 11 points a character's height, 5.5 its width
        starts.append(starts[-1] + max(len(row[column]) for row in rows) * 11 // 2 + gap)
    (tmp_path / "content").mkdir()
    (tmp_path / "content/danh-sach.pdf").write_bytes(_pdf_drawing(
        [(starts[c], 700 - 14 * r, text) for r, row in enumerate(rows) for c, text in enumerate(row)]))
    heading = "Số CCCD" if gap == 40 else "CCCD"
    found = [f"tệp có {SAID_IDENTITY} '{number}' (cột '{heading}') trong phần chữ đọc được của tệp."
             for number in ("001185012345", "001190054321")]
    if gap == 40:
        found += [f"tệp có ngày sinh '{date}' (cột 'Ngày sinh') trong phần chữ đọc được của tệp."
                  for date in ("12/03/1985", "01/02/1990")]
    assert sorted(message for _, _, _, message in _problems_of(tmp_path)) == sorted(found)


def test_office_tables_reads_cells_in_their_columns_and_skips_what_is_no_xml() -> None:
    """Shared and inline strings, a merged range, a sheet named on its tab; a Word cell spanning two
    columns; a member that is no well-formed XML gives no table, and no error."""
    members = {
        "xl/workbook.xml": '<workbook xmlns:r="urn:r"><sheets><sheet name="Tổ Toán" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                                      "</Relationships>",
        "xl/sharedStrings.xml": "<sst><si><t>Ngày sinh</t></si><si><r><t>Lê </t></r><r><t>An</t></r></si></sst>",
        "xl/worksheets/sheet1.xml": '<worksheet><sheetData><row r="3"><c r="B3" t="s"><v>0</v></c></row>'
                                    '<row r="4"><c r="A4" t="s"><v>1</v></c><c r="C4" t="inlineStr"><is><t>x</t></is>'
                                    '</c><c r="B4"><v>31118</v></c></row></sheetData>'
                                    '<mergeCells><mergeCell ref="B3:C3"/></mergeCells></worksheet>',
        "word/document.xml": "<document><body><tbl><tr><tc><tcPr><gridSpan val='2'/></tcPr><p><t>Số CCCD</t></p>"
                             "</tc><tc><p><t>Ghi</t></p><p><t>chú</t></p></tc></tr></tbl></body></document>",
        "word/footer1.xml": "<ftr><tbl><tr><tc><p>&undefined;</p></tc></tr></tbl>"}
    readings = [file_reading.Reading(text, "markup", place) for place, text in members.items()]
    sheet, word = file_reading.office_tables(readings)
    assert [[(c.text, c.column, c.span, c.number, c.where) for c in row] for row in sheet.rows] == [
        [("Ngày sinh", 1, 2, False, "ô B3 của trang tính 'Tổ Toán'")],
        [("Lê An", 0, 1, False, "ô A4 của trang tính 'Tổ Toán'"), ("x", 2, 1, False, "ô C4 của trang tính 'Tổ Toán'"),
         ("31118", 1, 1, True, "ô B4 của trang tính 'Tổ Toán'")]]
    assert [[(c.text, c.column, c.span) for c in row] for row in word.rows] == [[("Số CCCD", 0, 2), ("Ghi\nchú", 2, 1)]]


def test_a_heading_broken_over_two_lines_or_naming_a_passport_and_the_issue_still_heads_its_column(
        tmp_path: Path) -> None:
    """The fourth privacy review: a narrow Word heading typed "Ngày", Shift+Enter, "sinh" read as
    "Ngàysinh"; an Excel column "Số CCCD/Hộ chiếu" (a number, its zeros dropped), a column "Số
    CMND/CCCD, ngày cấp, nơi cấp" (the number, then its issue), a date exported as "1985-03-12"."""
    import docx
    import openpyxl

    content = tmp_path / "content"
    content.mkdir()
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for c, (first, second) in enumerate([("Họ và", "tên"), ("Ngày", "sinh"), ("Số", "CCCD")]):
        run = table.cell(0, c).paragraphs[0].add_run(first)
        run.add_break()
        run.add_text(second)
    for c, value in enumerate(["Lê Văn An", "12/03/1985", "001185012345"]):
        table.cell(1, c).text = value
    document.save(str(content / "danh-sach.docx"))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "DS"
    for row in [["Họ và tên", "Số CCCD/Hộ chiếu", "Số CMND/CCCD, ngày cấp, nơi cấp", "Ngày sinh"],
                ["Lê Văn An", 1185012345, "012345678 - 12/5/2015 - CA Hà Nội", "1985-03-12"]]:
        sheet.append(row)
    book.save(content / "danh-sach.xlsx")

    def said(value: str, where: str, heading: str, label: str = SAID_IDENTITY) -> str:
        return f"tệp có {label} '{value}' ({where}, cột '{heading}') trong phần chữ đọc được của tệp."

    assert sorted(_problems_of(tmp_path)) == sorted([
        ("content/danh-sach.docx", None, "error", said("12/03/1985", "hàng 2, ô thứ 2 của bảng thứ 1", "Ngày sinh",
                                                       "ngày sinh")),
        ("content/danh-sach.docx", None, "error", said("001185012345", "hàng 2, ô thứ 3 của bảng thứ 1", "Số CCCD")),
        ("content/danh-sach.xlsx", None, "error", said("1185012345", "ô B2 của trang tính 'DS'", "Số CCCD/Hộ chiếu")),
        ("content/danh-sach.xlsx", None, "error", said("012345678", "ô C2 của trang tính 'DS'",
                                                       "Số CMND/CCCD, ngày cấp, nơi cấp")),
        ("content/danh-sach.xlsx", None, "error", said("1985-03-12", "ô D2 của trang tính 'DS'", "Ngày sinh",
                                                       "ngày sinh"))])


def test_a_clerks_list_of_schools_budget_and_appointment_pass(tmp_path: Path) -> None:
    """The fourth privacy review: a list of schools by their "Mã định danh" (an organization's code),
    a budget whose source "NS" (ngân sách) stands beside a date, or heads amounts in thousands (a
    date's serial to Excel), and a decision's annex (a year of birth, the appointment's date) were
    refused as a person's card and birth."""
    import datetime

    import docx
    import openpyxl

    content = tmp_path / "content"
    content.mkdir()
    book = openpyxl.Workbook()
    schools = book.active
    assert schools is not None
    schools.title = "Trường"
    for row in [["STT", "Mã trường", "Mã định danh", "Tên trường"], [1, 79000701, 79701000123, "THCS Him Lam"],
                [2, "79000702", "079701000124", "TH Kim Đồng"]]:
        schools.append(row)
    budget = book.create_sheet("Kinh phí")
    for row in [["STT", "Nội dung", "Nguồn", "Ngày cấp", "Kinh phí (nghìn đồng)", None],
                [None, None, None, None, "NS", "XHH"],
                [1, "Mua thiết bị", "NS", datetime.datetime(2025, 3, 12), 45000, 12000],
                [2, "Sửa chữa", "NS", "15/4/2025", 38500, None]]:
        budget.append(row)
    budget.merge_cells("E1:F1")
    book.save(content / "ke-hoach.xlsx")
    document = docx.Document()
    document.add_paragraph("DANH SÁCH CỐT CÁN (Kèm theo Quyết định số 123/QĐ-PGDĐT ngày 05/9/2025)")
    rows = [["STT", "Họ và tên", "Năm sinh", "Đơn vị", "Ngày bổ nhiệm"], ["1", "Lê Văn An", "1985", "THCS Him Lam",
                                                                         "05/9/2025"]]
    table = document.add_table(rows=2, cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(content / "quyet-dinh.docx"))
    assert _problems_of(tmp_path) == []
