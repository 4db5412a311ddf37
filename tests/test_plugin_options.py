"""The plugin's options: each documented with its default, each bad value reported against its name.

The list of options is read from the Config classes, so that an option added later and not
documented (a docstring under it in config.py, a row in docs/plugin.md) fails here.
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_util import cotcan
from mkdocs.config import base
from mkdocs.config import config_options as c
from test_pages import build
from test_plugin import SHORTEST, office_repository

from conftest import REPO
from portal.commands import Exit
from portal_mkdocs.config import PortalConfig, UrlsConfig
from portal_mkdocs.theme import theme_dir

DOCS = REPO / "docs" / "plugin.md"


def every_option(config_class: type[base.Config] = PortalConfig, prefix: str = "") -> list[tuple[str, Any]]:
    """(dotted name, option) of every option, sub-options of a SubConfig included."""
    found = []
    for name, option in config_class._schema:
        found.append((prefix + name, option))
        if isinstance(option, c.SubConfig):
            found += every_option(option.config_class, f"{prefix}{name}.")
    return found


def docstrings(config_class: type[base.Config]) -> dict[str, str]:
    """The string under each attribute of the class body, as mkdocstrings reads them."""
    body = ast.parse(inspect.getsource(config_class)).body[0]
    assert isinstance(body, ast.ClassDef)
    found = {}
    for statement, following in zip(body.body, body.body[1:], strict=False):
        if (isinstance(statement, ast.Assign) and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant) and isinstance(following.value.value, str)):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = following.value.value
    return found


def shown_default(option: Any) -> str:
    """The default as docs/plugin.md writes it."""
    value = option.default
    if isinstance(option, c.Optional) or value is None:
        return "—"
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    return f"`{value}`" if value != "" else '`""`'


def test_every_option_has_a_docstring() -> None:
    for config_class in (PortalConfig, UrlsConfig):
        documented = docstrings(config_class)
        for name, _ in config_class._schema:
            assert documented.get(name, "").strip(), f"{config_class.__name__}.{name} has no docstring"


def section(title: str) -> str:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else len(text)]


def table_rows(text: str) -> dict[str, list[str]]:
    """The rows of the Markdown tables in `text` whose first cell is code, by that cell."""
    return {cells[0].strip("`"): cells for line in text.splitlines() if line.startswith("| `")
            for cells in [[cell.strip() for cell in line.strip("|").split("|")]]}


def test_docs_list_every_option_with_its_default() -> None:
    rows = table_rows(section("Options"))
    names = [name for name, option in every_option() if not isinstance(option, c.SubConfig)]
    assert len(names) > 15
    for name, option in every_option():
        if isinstance(option, c.SubConfig):
            continue
        assert name in rows, f"docs/plugin.md has no row for option `{name}`"
        assert rows[name][1].startswith(shown_default(option)), f"{name}: default {shown_default(option)}"
    assert sorted(rows) == sorted(names), "an option documented but gone"


def test_docs_name_every_file_of_the_theme_layer() -> None:
    root = theme_dir()
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert sorted(table_rows(section("Assets and theme overrides"))) == files


def validate(tmp_path: Path, values: dict[str, Any]) -> list[tuple[str, str]]:
    """The plugin's options validated as MkDocs validates them: (option, message) per error."""
    (tmp_path / "data").mkdir(exist_ok=True)
    config = PortalConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict(values)
    errors, _ = config.validate()
    return [(name, str(error)) for name, error in errors]


def test_good_values_pass_and_the_data_folder_is_resolved_next_to_mkdocs_yml(tmp_path: Path) -> None:
    assert validate(tmp_path, {"urls": {"person": "ca-nhan/{person}/"}, "sample_data": 1,
                               "publisher": " Phòng GDĐT TP Điện Biên Phủ "}) == []
    config = PortalConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"publisher": " Phòng GDĐT TP Điện Biên Phủ "})
    config.validate()
    assert config.data_dir == str(tmp_path / "data")
    assert config.publisher == "Phòng GDĐT TP Điện Biên Phủ"
    assert config.sample_data is False


# (values, the option reported, a part of its message): at least one for each type of option.
BAD_VALUES: list[tuple[dict[str, Any], str, str]] = [
    ({"urls": {"person": "nguoi/"}}, "urls",
     "Sub-option 'person': cần đúng các chỗ trống {person} (ví dụ 'nguoi/{person}/'); nhận được 'nguoi/'."),
    ({"urls": {"body": "to-chuc/{body}/"}}, "urls", "cần đúng các chỗ trống {body}, {year}"),
    ({"urls": {"school": "/truong/{school}/"}}, "urls", "Sub-option 'school': cần một đường dẫn tương đối"),
    ({"urls": {"year": "../{year}/"}}, "urls", "không có '..'"),
    ({"urls": {"document": "van-ban/{document}"}}, "urls", "kết thúc bằng '/'"),
    ({"urls": {"person": "nguoi/{person/"}}, "urls", "dấu ngoặc { } không khớp nhau"),
    ({"urls": {"person": 5}}, "urls", "cần một chuỗi như 'nguoi/{person}/'; nhận được 5."),
    ({"data_dir": "du-lieu"}, "data_dir", "không có thư mục 'du-lieu'"),
    ({"data_dir": ""}, "data_dir", "cần tên thư mục dữ liệu"),
    ({"sample_data": "có"}, "sample_data", "cần true hoặc false; nhận được 'có'."),
    ({"sample_data": 2}, "sample_data", "cần true hoặc false"),
    ({"publisher": "  "}, "publisher", "cần một dòng chữ không để trống"),
    ({"edit_url_template": "github.com/x/edit/main/{path}"}, "edit_url_template", "cần một địa chỉ http(s)"),
    ({"edit_url_template": "https://x.vn/edit/main/"}, "edit_url_template", "cần đúng một chỗ trống {path}"),
    ({"edit_url_template": "https://x.vn/{branch}/{path}"}, "edit_url_template", "cần đúng một chỗ trống {path}"),
    ({"enabled": "không"}, "enabled", "cần true hoặc false; nhận được 'không'."),
    ({"lock_timeout": "20 phút"}, "lock_timeout", "cần một số giây lớn hơn 0; nhận được '20 phút'."),
    ({"lock_timeout": 0}, "lock_timeout", "cần một số giây lớn hơn 0"),
    ({"search_part_megabytes": -1}, "search_part_megabytes", "cần một số megabyte lớn hơn 0"),
    ({"pagefind_binary": ""}, "pagefind_binary", "cần một dòng chữ không để trống"),
]


def option_type(option: Any) -> type:
    """The class that validates an option's value (inside `Optional`)."""
    return type(option.option if isinstance(option, c.Optional) else option)


def test_every_type_of_option_has_a_bad_value_reported_in_vietnamese() -> None:
    """Derived from the Config classes: an option of a new type needs a row in BAD_VALUES; and no
    option answers with MkDocs' English (`Expected type: <class 'bool'> ...`)."""
    options = dict(every_option())

    def named(values: dict[str, Any], prefix: str = "") -> Iterator[str]:
        for name, value in values.items():
            yield from named(value, f"{prefix}{name}.") if isinstance(value, dict) else [prefix + name]

    tried = {option_type(options[name]) for values, _, _ in BAD_VALUES for name in named(values)}
    wanted = {option_type(option) for _, option in every_option() if not isinstance(option, c.SubConfig)}
    assert wanted - tried == set()
    assert all(re.search("[àáảạãâầấậăđêếệóòôồốộơờớợúùưừứựíì]", message) for _, _, message in BAD_VALUES)


@pytest.mark.parametrize(("values", "option", "message"), BAD_VALUES)
def test_a_bad_value_is_reported_against_its_option(tmp_path: Path, values: dict[str, Any], option: str,
                                                    message: str) -> None:
    errors = validate(tmp_path, values)
    assert [name for name, _ in errors] == [option]
    assert message in errors[0][1]


def test_a_misspelt_option_is_a_warning_against_its_name_which_strict_builds_refuse(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    config = PortalConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"urls": {"persons": "nguoi/{person}/"}, "sample": True})
    errors, warnings = config.validate()
    assert errors == []
    assert sorted(warnings) == [("sample", "Unrecognised configuration name: sample"),
                                ("urls", "Sub-option 'persons': Unrecognised configuration name: persons")]


def test_a_bad_value_stops_the_build_with_its_name_and_no_traceback(tmp_path: Path) -> None:
    config = SHORTEST.replace("  - portal\n", "  - portal:\n      urls:\n        person: nguoi/\n")
    root = office_repository(tmp_path, config)
    result = build(root)
    assert result.returncode == 1
    assert ("Plugin 'portal' option 'urls': Sub-option 'person': cần đúng các chỗ trống {person}"
            in result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize("site_name", ['Sở "GDĐT" <script>alert(1)</script>', "Tổ cốt cán <b>", 'Sở "X"'])
def test_markup_in_site_name_stops_the_build_naming_it(tmp_path: Path, site_name: str) -> None:
    """Material writes site_name raw into every page (title, aria-label): refused, not escaped
    in a few places and left raw in the others; `cotcan kiem-tra` refuses it too (site_checks)."""
    config = re.sub(r"(?m)^site_name:.*$", lambda _: f"site_name: '{site_name}'", SHORTEST)
    root = office_repository(tmp_path, config)
    told = f"LỖI mkdocs.yml, mục site_name: '{site_name}' có ký tự"
    checked = cotcan("kiem-tra", cwd=root)
    assert checked.returncode == Exit.DATA and told in checked.stdout, checked.stdout
    result = build(root)
    assert result.returncode == 1
    assert told in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()
