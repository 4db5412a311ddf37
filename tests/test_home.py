"""The home page lists every school under its own office's latest school year."""

from __future__ import annotations

import copy
import re
import shutil
from collections import defaultdict
from pathlib import Path

from cli_util import cotcan
from test_newyear import close_an_nhon

from conftest import REPO, Dataset
from portal.load import load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.render import Renderer
from portal.view import View


def _home_links(portal: Portal) -> tuple[set[str], dict[str, str]]:
    """The school-year links of the home page, and each school's newest school-year page
    (worked out from the pages themselves, not from the home page's own logic)."""
    pages = Pages(portal)
    specs = list(pages.all())
    home = next(spec for spec in specs if spec.template == "home.html")
    html = Renderer(pages).render(home)
    links = set(re.findall(r'href="(truong/[^"/]+/\d{4}-\d{4}/)"', html))
    newest: dict[str, str] = {}
    years = defaultdict(list)
    for spec in specs:
        if spec.template == "school_year.html":
            years[spec.context.school.id].append(spec.url)
    for school, urls in years.items():
        newest[school] = max(urls)
    return links, newest


def test_every_school_of_the_repository_under_its_own_latest_year(repo_portal: Portal) -> None:
    links, newest = _home_links(repo_portal)
    assert newest, "the repository's data has school pages"
    closed = {"mau-thcs-vinh-loc"}  # merged into THCS Tân Phú after 2023-2024: not a current school
    assert {s.id for s in repo_portal.schools.values() if s.valid_until} == closed
    current = {url for school, url in newest.items() if school not in closed}
    assert current <= links, sorted(current - links)
    assert not [url for url in links if url.startswith("truong/mau-thcs-vinh-loc/")]
    # Dầu Tiếng's latest year is 2023-2024 while others have 2024-2025: its schools stay.
    assert any(url.startswith("truong/dt-") and url.endswith("2023-2024/") for url in links)


def test_an_office_publishing_a_newer_year_hides_no_other_office(dataset: Dataset) -> None:
    # A second office whose last year is 2023-2024, beside pgddt-a's 2024-2025.
    dataset.files["offices.yml"]["offices"].append(
        {"id": "pgddt-b", "name": "Phòng Giáo dục và Đào tạo huyện B", "short_name": "Phòng GDĐT B",
         "kind": "phong-gddt"})
    dataset.files["schools/pgddt-b.yml"] = {"office": "pgddt-b", "schools": [
        {"id": "b-th-ba", "name": "TH Ba", "level": "TH"}]}
    year_b = copy.deepcopy(dataset.year)
    year_b.update(school_year="2023-2024", office="pgddt-b")
    year_b["documents"][0].update(id="b-2023-qd-1", date="2023-09-13", text="QUYẾT ĐỊNH")
    year_b["bodies"] = [{"id": "b-cum", "kind": "cum-chuyen-mon", "name": "Cụm B", "decision": "b-2023-qd-1",
                         "members": [{"person": "a-le-thi-hong", "role": "cum-truong"},
                                     {"school": "b-th-ba", "role": "thanh-vien"}]}]
    dataset.files["years/2023-2024/pgddt-b.yml"] = year_b
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    links, newest = _home_links(portal)
    assert newest == {"a-thcs-mot": "truong/a-thcs-mot/2024-2025/", "a-thcs-hai": "truong/a-thcs-hai/2024-2025/",
                      "b-th-ba": "truong/b-th-ba/2023-2024/"}
    assert set(newest.values()) <= links


def _article(portal: Portal, url: str) -> str:
    pages = Pages(portal)
    spec = next(spec for spec in pages.all() if spec.url == url)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", Renderer(pages).render(spec)))


def test_a_school_s_last_year_says_it_merged_into_its_successor(repo_portal: Portal) -> None:
    """Vĩnh Lộc's last year says where it went, as a renamed school's page says its name now."""
    pages = Pages(repo_portal)
    spec = next(spec for spec in pages.all() if spec.url == "truong/mau-thcs-vinh-loc/2023-2024/")
    html = Renderer(pages).render(spec)
    said = re.search(r"<p>Trường sáp nhập vào <a href=\"([^\"]+)\">([^<]+)</a> sau ngày 30/06/2024.</p>", html)
    assert said is not None
    assert said.group(1).endswith("truong/mau-thcs-tan-phu/") and said.group(2) == "THCS Tân Phú (dữ liệu mẫu)"
    assert "sáp nhập vào" not in _article(repo_portal, "truong/mau-thcs-tan-phu/2023-2024/")


def test_a_school_closing_at_the_end_of_its_office_s_newest_year_is_current_until_the_next(tmp_path: Path) -> None:
    """THCS An Nhơn merges into THCS Long Thạnh after 2025-2026: offered on the home page while the
    Sở's newest year is 2025-2026; once the Sở starts 2026-2027 (without it), no heading
    "Sở GDĐT tỉnh Mẫu, năm học 2025-2026" is left with An Nhơn alone under it."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    close_an_nhon(data)
    portal, _ = load_or_raise(data, tmp_path)
    links, _ = _home_links(portal)
    assert "truong/mau-thcs-an-nhon/2025-2026/" in links
    assert "Trường sáp nhập vào THCS Long Thạnh (dữ liệu mẫu) sau ngày 30/06/2026." in _article(
        portal, "truong/mau-thcs-an-nhon/2025-2026/")
    assert cotcan("nam-moi", "--office", "so-gddt-mau", "--data", str(data)).returncode == 0
    portal, _ = load_or_raise(data, tmp_path, draft=True)
    links, newest = _home_links(portal)
    assert not [url for url in links if "an-nhon/" in url and url.startswith("truong/mau-")]
    assert [(g.office.id, g.year.label) for g in View(portal).home_groups() if g.office.id == "so-gddt-mau"] == [
        ("so-gddt-mau", "2026-2027")]
    assert newest["mau-thcs-long-thanh"] in links
