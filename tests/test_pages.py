"""Generated pages: end-to-end builds of small datasets, URLs, sorting, escaping."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from markers import runs_mkdocs

from conftest import REPO, Dataset, build_env
from portal.load import load_or_raise
from portal.pages import Pages

FIXTURE_FILES = [
    "offices.yml", "subjects.yml",
    "schools/pgddt-dien-bien-phu.yml", "people/pgddt-dien-bien-phu.yml", "documents/dien-bien-phu.yml",
    "years/2024-2025/pgddt-dien-bien-phu.yml",
    "schools/pgddt-cu-chi.yml", "people/pgddt-cu-chi.yml", "documents/cu-chi-dau-tieng.yml",
    "years/2024-2025/pgddt-cu-chi.yml",
]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: an `!ENV [NAME, default]` value is left unset in the tests."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def write_site(root: Path, data: Path | None = None, plugin: dict[str, Any] | None = None) -> Path:
    """A small MkDocs project: the repo's mkdocs.yml, no hand-written pages but the nav's."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config["docs_dir"] = "content"
    config["plugins"] = [{"portal": {"data_dir": "data", **(plugin or {})}}]
    config["nav"] = [{"Trang chủ": "index.md"}, {"Năm học": "nam-hoc.md"}, {"Văn bản": "van-ban.md"}]
    config.pop("watch", None)
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    if data is None:
        for name in FIXTURE_FILES:
            target = root / "data" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / "data" / name, target)
    return root


@runs_mkdocs
def build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                          capture_output=True, text=True, env=build_env())


def article_text(page: Path) -> str:
    source = page.read_text(encoding="utf-8")
    article = source[source.index("<article"):source.index("</article>")]
    text = html.unescape(" ".join(re.sub(r"<[^>]+>", " ", article).split()))
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([,.;:)])", r"\1", text))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("fixture"))
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_the_set_of_pages(site: Path) -> None:
    pages = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
    assert {".", "nam-hoc", "nam-hoc/2024-2025", "don-vi", "don-vi/pgddt-cu-chi", "truong",
            "truong/dbp-thcs-him-lam", "truong/dbp-thcs-him-lam/2024-2025", "to-chuc/cc-cum-02/2024-2025",
            "to-chuc/dbp-to-cot-can-thcs-gv-toan/2024-2025", "nguoi/dbp-ha-thi-lien", "van-ban",
            "van-ban/cc-2024-hd-1671", "van-ban/bgddt-tt-20-2018"} <= pages
    people = [p for p in pages if p.startswith("nguoi/")]
    assert len(people) == 86 + 7  # Điện Biên Phủ and Củ Chi
    assert all(re.fullmatch(r"[a-z0-9/.-]+", p) for p in pages), "URLs are plain ASCII"


def test_school_page_names_the_subject_group_leaders(site: Path) -> None:
    text = article_text(site / "truong/dbp-thcs-him-lam/2024-2025/index.html")
    assert "Toán Nhóm Toán Nhóm trưởng: Hà Thị Liên (THCS Him Lam); Phó Nhóm trưởng: Nguyễn Thị Hương" in text


def test_cluster_page_names_its_leader_and_schools(site: Path) -> None:
    text = article_text(site / "to-chuc/cc-cum-02/2024-2025/index.html")
    assert "Cụm trưởng Nguyễn Văn Quý, Hiệu trưởng trường TH-THCS Tân Trung" in text
    # The document's own wording, with the standard title beside it.
    assert "Phó Cục trưởng (tức Phó Cụm trưởng; văn bản ghi như vậy) Nguyễn Thanh Điền" in text
    school = article_text(site / "truong/cc-thcs-trung-lap/2024-2025/index.html")
    assert "Cụm trưởng: Nguyễn Văn Quý" in school
    assert "Phó Cụm trưởng: Nguyễn Thanh Điền" in school  # the standard name on a school's page
    assert "Hạn 20/12/2024" in school and "Hạn 16/05/2025" in school  # when reports are due
    assert "Nhóm 4" in school and "trường nhóm trưởng: THCS An Nhơn Tây" in school


def test_body_page_lists_members_in_official_order_with_duties_and_decision(site: Path) -> None:
    page = site / "to-chuc/dbp-to-cot-can-thcs-gv/2024-2025/index.html"
    text = article_text(page)
    rows = re.findall(r"<tr>\s*<td[^>]*>(\d+)</td>", page.read_text(encoding="utf-8"))
    assert [int(r) for r in rows] == list(range(1, 77))
    assert "Thành lập theo Quyết định số …/QĐ-PGDĐT, năm 2024" in text
    assert "Nhóm trưởng" in text and "Căn cứ: Mục 3 Điều 12 Thông tư 20/2018/TT-BGDĐT" in text


def test_person_page_and_document_page(site: Path) -> None:
    person = article_text(site / "nguoi/dbp-pham-thi-hanh-tan-binh/index.html")
    assert "Nhóm Sinh học Nhóm trưởng" in person and "Tổ cốt cán Cán bộ quản lí Ủy viên" in person
    guide = article_text(site / "van-ban/cc-2024-hd-1671/index.html")
    assert "KT. Trưởng phòng, Phó Trưởng phòng Dạng Thanh Tùng" in guide
    assert "hạn 20/12/2024" in guide and "hạn 16/05/2025" in guide
    basis = site / "van-ban/cc-2024-hd-1671/index.html"
    assert 'href="../../van-ban/cc-2024-qd-140/"' in basis.read_text(encoding="utf-8")


def test_only_hub_pages_are_in_the_navigation(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index("</nav>")]
    assert "to-chuc/" not in nav and "nguoi/" not in nav and "truong/dbp" not in nav


def test_edit_link_points_at_the_source_yaml(tmp_path: Path) -> None:
    root = write_site(tmp_path, plugin={"edit_url_template": "https://example.org/r/edit/main/{path}"})
    assert build(root).returncode == 0
    page = (root / "site/to-chuc/cc-cum-01/2024-2025/index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/r/edit/main/data/years/2024-2025/pgddt-cu-chi.yml"' in page


def test_url_shapes_come_from_the_config(tmp_path: Path) -> None:
    root = write_site(tmp_path, plugin={"urls": {"person": "ca-nhan/{person}/"}})
    assert build(root).returncode == 0, "custom URL shape"
    assert (root / "site/ca-nhan/dbp-ha-thi-lien/index.html").exists()
    body = (root / "site/to-chuc/dbp-to-cot-can-thcs-gv-toan/2024-2025/index.html").read_text(encoding="utf-8")
    assert 'href="../../../ca-nhan/dbp-ha-thi-lien/"' in body


def test_adding_a_year_never_moves_a_page(dataset: Dataset) -> None:
    before, _ = load_or_raise(dataset.write(), dataset.root)
    urls_before = {p.url for p in Pages(before).all()}
    next_year = yaml.safe_load(yaml.safe_dump(dataset.year))
    next_year["school_year"] = "2025-2026"
    next_year["documents"][0].update(id="a-2025-qd-1", date="2025-09-10")
    for body in next_year["bodies"]:
        body["decision"] = "a-2025-qd-1"
    dataset.files["years/2025-2026/pgddt-a.yml"] = next_year
    after, _ = load_or_raise(dataset.write(), dataset.root)
    urls_after = {p.url for p in Pages(after).all()}
    assert urls_before < urls_after
    assert "to-chuc/a-to-toan/2025-2026/" in urls_after


def test_hostile_values_are_escaped(tmp_path: Path) -> None:
    dataset = Dataset(tmp_path)
    people = dataset.files["people/pgddt-a.yml"]["people"]
    people[1]["name"] = "<script>alert(1)</script> Liên"
    people[1]["note"] = "[bấm vào đây](javascript:alert(1)) <img src=x onerror=alert(1)>"
    dataset.year["bodies"][1]["name"] = "Nhóm <b>Toán</b> & {{ 7*7 }}"
    dataset.write()
    root = write_site(tmp_path, data=tmp_path / "data")
    result = build(root)
    assert result.returncode == 0, result.stderr
    for page in (root / "site").rglob("*.html"):
        source = page.read_text(encoding="utf-8")
        assert "<script>alert" not in source and "<img src=x" not in source, page
        assert 'href="javascript:' not in source and "<b>Toán</b>" not in source
    group = (root / "site/to-chuc/a-to-toan/2024-2025/index.html").read_text(encoding="utf-8")
    assert "Nhóm &lt;b&gt;Toán&lt;/b&gt; &amp; {{ 7*7 }}" in group  # text, never a template
    person = (root / "site/nguoi/a-ha-thi-lien/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Liên" in person
    assert "[bấm vào đây](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;" in person


def test_lists_of_people_sort_the_vietnamese_way(site: Path) -> None:
    text = article_text(site / "truong/dbp-thcs-tan-binh/2024-2025/index.html")
    staff = text[text.index("Họ và tên Tổ, nhóm"):]
    order = [name for name in ["Nguyễn Hùng Cường", "Vũ Tiến Dũng", "Phạm Thị Hạnh", "Lê Thị Thuỳ Hương",
                               "Đào Thị Bích Liên", "Lê Thuý Nhân"] if name in staff]
    assert order == sorted(order, key=lambda n: staff.index(n))
    assert staff.index("Vũ Tiến Dũng") < staff.index("Phạm Thị Hạnh") < staff.index("Đào Thị Bích Liên")


def test_bad_data_stops_the_build_with_the_report_and_keeps_the_old_site(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    assert build(root).returncode == 0
    marker = (root / "site/index.html").read_bytes()
    people = root / "data/people/pgddt-cu-chi.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("cc-nguyen-van-quy", "cc-nguyen-van-quyy", 1),
                      encoding="utf-8")
    result = build(root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "không có người nào mang mã 'cc-nguyen-van-quy'" in result.stderr
    assert "data/years/2024-2025/pgddt-cu-chi.yml, dòng" in result.stderr
    assert (root / "site/index.html").read_bytes() == marker


def test_serve_watches_the_data_folder(tmp_path: Path) -> None:
    from portal_mkdocs.plugin import PortalPlugin

    class Server:
        watched: list[str] = []
        builder = staticmethod(lambda: None)
        serve_request = staticmethod(lambda environ, start_response: [])

        def watch(self, path: str) -> None:
            self.watched.append(path)

        def set_app(self, app: object) -> None:
            self.app = app

    plugin = PortalPlugin()
    plugin.load_config({})
    plugin.data_dir = tmp_path / "data"
    server = Server()
    plugin.on_serve(server, config=None, builder=None)  # type: ignore[arg-type]
    assert server.watched == [str(tmp_path / "data")]
