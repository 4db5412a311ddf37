"""The plugin on its own: the shortest mkdocs.yml, its theme layer, the nav, the language, edit links.

An office's repository holds `data/`, an empty (or hand-written) `docs/` and a short
mkdocs.yml; everything else comes from the plugin. Each site here is built in tmp_path from
a copy of Điện Biên Phủ's files.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from test_pages import build

from conftest import REPO
from portal_mkdocs import edit, theme
from portal_mkdocs.nav import Hub, with_hubs

DIEN_BIEN_PHU = ["offices.yml", "subjects.yml", "schools/pgddt-dien-bien-phu.yml", "people/pgddt-dien-bien-phu.yml",
                 "documents/dien-bien-phu.yml", "years/2024-2025/pgddt-dien-bien-phu.yml"]
SHORTEST = "site_name: Tổ cốt cán — Phòng GDĐT TP Điện Biên Phủ\ntheme:\n  name: material\nplugins:\n  - portal\n"
HUB_TITLES = ["Trang chủ", "Năm học", "Trường", "Đơn vị", "Văn bản", "Thay đổi"]
BODY_PAGE = "to-chuc/dbp-to-cot-can-thcs-gv-toan/2024-2025/index.html"


def office_repository(root: Path, config: str = SHORTEST, docs: dict[str, str] | None = None,
                      docs_dir: str = "docs") -> Path:
    """What an office keeps: data/ (a copy of Điện Biên Phủ's files), docs/ and mkdocs.yml."""
    for name in DIEN_BIEN_PHU:
        target = root / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "data" / name, target)
    (root / docs_dir).mkdir(parents=True, exist_ok=True)
    for name, text in (docs or {}).items():
        (root / docs_dir / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def built(root: Path) -> Path:
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def nav_titles(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index("</nav>\n</div>") if "</nav>\n</div>" in nav else len(nav)]
    return re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)


def edit_links(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'<a href="([^"]+)"[^>]*rel="edit"', html)


@pytest.fixture(scope="module")
def shortest_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(office_repository(tmp_path_factory.mktemp("shortest")))


def test_the_shortest_config_gives_a_vietnamese_site_with_its_hubs_and_assets(shortest_site: Path) -> None:
    home = shortest_site / "index.html"
    html = home.read_text(encoding="utf-8")
    assert '<html lang="vi"' in html
    assert nav_titles(home)[:len(HUB_TITLES)] == HUB_TITLES
    # Material's sheets and ours, joined into one purged sheet (tests/test_stylesheet.py).
    assert re.search(r'<link rel="stylesheet" href="assets/stylesheets/site\.[0-9a-f]{8}\.min\.css">', html)
    assert f'<script src="{theme.SCRIPT}" defer></script>' in html
    for asset in (theme.STYLESHEET, theme.SCRIPT):
        assert (shortest_site / asset).read_bytes() == (theme.theme_dir() / asset).read_bytes()
    assert "data-portal-search" in html, "the plugin's header partial replaces Material's"
    assert "Hà Thị Liên" in (shortest_site / BODY_PAGE).read_text(encoding="utf-8")


def test_one_stylesheet_of_ours(shortest_site: Path) -> None:
    ours = [p.relative_to(shortest_site).as_posix() for p in (shortest_site / "assets/stylesheets").glob("*.css")
            if not p.name.startswith(("main.", "palette.", "site."))]
    assert ours == [theme.STYLESHEET]


def test_without_a_repository_no_page_has_an_edit_link(public_site: Path) -> None:
    """The repository's own site turns Material's edit button on but sets no repo_url."""
    assert f"- {theme.EDIT_BUTTON}" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    pages = list(public_site.rglob("*.html"))
    assert len(pages) > 200
    assert [p for p in pages if edit_links(p)] == []


def test_edit_links_open_the_data_file_in_the_repository(tmp_path: Path) -> None:
    """The data file's path relative to the repository (the folder of mkdocs.yml), whatever
    docs_dir is; hand-written pages keep MkDocs' own link."""
    config = SHORTEST + ("docs_dir: content\nrepo_url: https://github.com/pgddt-dbp/to-cot-can\n"
                         "edit_uri: edit/main/content/\n")
    site = built(office_repository(tmp_path, config, {"gioi-thieu.md": "# Giới thiệu\n"}, docs_dir="content"))
    repo = "https://github.com/pgddt-dbp/to-cot-can/edit/main/"
    assert edit_links(site / BODY_PAGE) == [repo + "data/years/2024-2025/pgddt-dien-bien-phu.yml"]
    assert edit_links(site / "nguoi/dbp-ha-thi-lien/index.html") == [repo + "data/people/pgddt-dien-bien-phu.yml"]
    assert edit_links(site / "gioi-thieu/index.html") == [repo + "content/gioi-thieu.md"]
    assert edit_links(site / "nam-hoc/index.html") == [], "a hub page has no data file of its own"


def test_no_file_name_can_leave_the_edit_links_attribute(tmp_path: Path) -> None:
    for name in ('"><img src=x onerror=alert(15)>.yml', 'x" onmouseover="alert(14)" y=".yml'):
        relative = edit.edit_uri(tmp_path / "data" / "people" / name, tmp_path / "docs")
        assert relative.startswith("../data/people/") and not set(relative) & set("\"'<> ")
        link = edit.edit_url("https://example.org/edit/main/{path}", f"data/people/{name}")
        assert link.startswith("https://example.org/edit/main/data/people/") and not set(link) & set("\"'<> ")


def test_edit_url_template_overrides_the_repository(tmp_path: Path) -> None:
    config = SHORTEST.replace("  - portal\n", "  - portal:\n      edit_url_template: https://example.org/du-lieu/{path}\n")
    site = built(office_repository(tmp_path, config + "repo_url: https://github.com/pgddt-dbp/trang\n",
                                   {"gioi-thieu.md": "# Giới thiệu\n"}))
    assert edit_links(site / BODY_PAGE) == ["https://example.org/du-lieu/data/years/2024-2025/pgddt-dien-bien-phu.yml"]
    assert edit_links(site / "gioi-thieu/index.html") == ["https://github.com/pgddt-dbp/trang/edit/master/docs/gioi-thieu.md"]


def test_hand_written_pages_come_after_the_hubs_and_a_set_language_stays(tmp_path: Path) -> None:
    config = SHORTEST.replace("  name: material\n", "  name: material\n  language: en\n")
    site = built(office_repository(tmp_path, config, {"gioi-thieu.md": "# Giới thiệu\n", "lien-he.md": "# Liên hệ\n"}))
    home = site / "index.html"
    assert nav_titles(home) == [*HUB_TITLES, "Giới thiệu", "Liên hệ"]
    assert '<html lang="en"' in home.read_text(encoding="utf-8")


def _file(uri: str) -> File:
    return File(uri, "docs", "site", use_directory_urls=True)


HUBS = [Hub(title, uri) for title, uri in zip(HUB_TITLES, ["index.md", "nam-hoc.md", "truong.md", "don-vi.md",
                                                          "van-ban.md", "thay-doi.md"], strict=True)]


def test_hubs_join_a_nav_that_misses_them_after_the_hub_before_them() -> None:
    nav = [{"Trang chủ": "index.md"}, {"Tra cứu trường": "truong.md"},
           {"Giới thiệu": ["gioi-thieu.md", {"Thay đổi qua các năm": "thay-doi.md"}]}]
    assert with_hubs(nav, HUBS, [_file("gioi-thieu.md")]) == [
        {"Trang chủ": "index.md"}, {"Năm học": "nam-hoc.md"}, {"Tra cứu trường": "truong.md"},
        {"Đơn vị": "don-vi.md"}, {"Văn bản": "van-ban.md"},
        {"Giới thiệu": ["gioi-thieu.md", {"Thay đổi qua các năm": "thay-doi.md"}]},
    ], "the user's titles and places stay; a hub listed in a section is not repeated"
    assert with_hubs(["gioi-thieu.md"], HUBS, [])[:len(HUBS)] == [{h.title: h.src_uri} for h in HUBS]
    assert with_hubs(None, HUBS, [_file("b/z.md"), _file("a.md"), _file("index.md")]) == [
        *({h.title: h.src_uri} for h in HUBS), "a.md", {"B": ["b/z.md"]}]


def test_the_theme_layer_goes_under_the_users_own(tmp_path: Path) -> None:
    """The user's custom_dir, extra_css and extra_javascript win over the plugin's."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "overrides").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ntheme:\n  name: material\n  custom_dir: overrides\n"
        "extra_css: [rieng.css]\nextra_javascript: [rieng.js]\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    for _ in range(2):  # `mkdocs serve` may run on_config again on the same config
        theme.add_theme_layer(config)
    dirs = config.theme.dirs
    assert dirs[:2] == [str(tmp_path / "overrides"), str(theme.theme_dir())]
    assert dirs[2].endswith("material/templates")
    assert config.extra_css == [theme.STYLESHEET, "rieng.css"]
    assert [str(s) for s in config.extra_javascript] == [*theme.SCRIPTS, "rieng.js"]
