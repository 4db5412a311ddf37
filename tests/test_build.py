"""A strict MkDocs build of the real repository, and the schema files editors use."""

from __future__ import annotations

from pathlib import Path

from cli_util import cotcan

from conftest import REPO


def test_published_schemas_are_up_to_date() -> None:
    from portal.schema import FILE_SCHEMAS
    from write_schemas import SCHEMA_DIR, schema_text

    for kind in FILE_SCHEMAS:
        path = SCHEMA_DIR / f"{kind}.schema.json"
        assert path.read_text(encoding="utf-8") == schema_text(kind), (
            f"{path} is stale: run python3 scripts/write_schemas.py")


def test_strict_build_of_the_real_repository(repo_site: Path) -> None:
    home = (repo_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in home
    school = (repo_site / "truong" / "dbp-thcs-him-lam" / "2024-2025" / "index.html").read_text(encoding="utf-8")
    assert "Hà Thị Liên" in school


def test_check_script_reports_and_exits_nonzero_on_errors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "offices.yml").write_text("offices:\n  - id: X\n", encoding="utf-8")
    result = cotcan("kiem-tra", "--data", str(data))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "mục offices[0].id: mã không đúng dạng." in result.stdout
    assert "thiếu trường bắt buộc 'name'" in result.stdout
    ok = cotcan("kiem-tra", cwd=REPO)  # the data folder by default: data/ in the current folder
    assert ok.returncode == 0, ok.stdout
    assert "0 lỗi, 0 cảnh báo." in ok.stdout
    assert "2024-2025 Phòng GDĐT huyện Củ Chi: 3 văn bản, 10 tổ chức" in ok.stdout
    assert "    Nhóm Toán: 9 người, 0 trường" in ok.stdout
    assert "    Cụm 02: 3 người, 12 trường" in ok.stdout
