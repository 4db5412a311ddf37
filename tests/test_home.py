"""The home page lists every school under its own office's latest school year."""

from __future__ import annotations

import copy
import re
from collections import defaultdict

from conftest import Dataset
from portal.load import load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.render import Renderer


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
    assert set(newest.values()) <= links, sorted(set(newest.values()) - links)
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
