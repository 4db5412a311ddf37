"""The change pages: per office and year pair, per body, and links to them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_pages import article_text, build, write_site

from conftest import REPO

SAMPLE = ["schools/pgddt-mau.yml", "people/pgddt-mau.yml", "years/2022-2023/pgddt-mau.yml",
          "years/2023-2024/pgddt-mau.yml", "years/2024-2025/pgddt-mau.yml"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("diffsite"), plugin={"sample_data": True})
    for name in SAMPLE:
        target = root / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "data" / name, target)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_office_diff_page_puts_counts_first_then_grouped_changes(site: Path) -> None:
    text = article_text(site / "thay-doi/pgddt-mau/2023-2024-den-2024-2025/index.html")
    assert "Dữ liệu mẫu" in text
    assert text.index("Tóm tắt thay đổi") < text.index("Thành viên mới (3)")
    assert "Thành viên giữ nguyên (không liệt kê) 25" in text
    assert "+ Lưu Thị Diễm [Nhóm Ngữ văn (dữ liệu mẫu)]" in text
    assert "Trịnh Minh Khôi [Nhóm Vật lí (dữ liệu mẫu) → Nhóm Tin học (dữ liệu mẫu)]" in text
    assert "Đơn vị hoạt động đến hết ngày 30/06/2025" in text


def test_body_diff_page_and_links_from_year_and_body_pages(site: Path) -> None:
    year = (site / "nam-hoc/2024-2025/index.html").read_text(encoding="utf-8")
    assert 'href="../../thay-doi/pgddt-mau/2023-2024-den-2024-2025/"' in year
    body_pages = sorted((site / "thay-doi/to-chuc").glob("*/2023-2024-den-2024-2025/index.html"))
    assert body_pages
    renamed = [p for p in body_pages if "Tổ chức đổi tên (1)" in article_text(p)]
    assert len(renamed) == 1
    body_id = renamed[0].parent.parent.name
    body = (site / f"to-chuc/{body_id}/2024-2025/index.html").read_text(encoding="utf-8")
    assert f'href="../../../thay-doi/to-chuc/{body_id}/2023-2024-den-2024-2025/"' in body


def test_diff_hub_lists_every_pair(site: Path) -> None:
    text = article_text(site / "thay-doi/index.html")
    assert "2022-2023 → 2023-2024" in text and "2023-2024 → 2024-2025" in text
