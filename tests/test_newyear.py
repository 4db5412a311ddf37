"""Starting an office's next school year: ids kept, a placeholder only a draft accepts,
nothing overwritten, and an office that has ended refused with its successor named."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from cli_util import cotcan
from test_diff import SAMPLE_FILES

from conftest import REPO
from portal.dates import SchoolYear
from portal.diff import diff_years
from portal.load import load_or_raise
from portal.problems import DataError


def new_year(*args: str) -> subprocess.CompletedProcess[str]:
    return cotcan("nam-moi", *args)


@pytest.fixture
def sample_data(tmp_path: Path) -> Path:
    """The sample office's files, copied; in this copy the office carries on after 2025
    (no `valid_until`, reason or successors), so that its next year can be started."""
    for name in SAMPLE_FILES:
        target = tmp_path / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "data" / name, target)
    offices = tmp_path / "data" / "offices.yml"
    text = offices.read_text(encoding="utf-8")
    block = re.search(r"  - id: pgddt-mau\n(?:    .*\n)+", text)
    assert block is not None
    carried_on = re.sub(r"    (valid_until|end_reason): .*\n|    successors:\n(?:      .*\n)+", "", block.group(0))
    offices.write_text(text.replace(block.group(0), carried_on), encoding="utf-8")
    return tmp_path / "data"


def test_copies_the_last_year_keeping_ids(sample_data: Path) -> None:
    result = new_year("--office", "pgddt-mau", "--data", str(sample_data))
    assert result.returncode == 0, result.stderr
    target = sample_data / "years" / "2025-2026" / "pgddt-mau.yml"
    assert "Đã tạo data/years/2025-2026/pgddt-mau.yml: 10 tổ chức, 37 dòng thành viên" in result.stdout
    assert "cotcan so-sanh --office pgddt-mau --from 2024-2025 --to 2025-2026" in result.stdout

    text = target.read_text(encoding="utf-8")
    assert "# DỮ LIỆU MẪU, KHÔNG CÓ THẬT." in text  # the old comments are kept
    data = yaml.safe_load(text)
    old = yaml.safe_load((sample_data / "years" / "2024-2025" / "pgddt-mau.yml").read_text(encoding="utf-8"))
    assert data["school_year"] == "2025-2026"
    assert data["documents"] == [{"id": "pgddt-mau-2025-qd-cho-so", "kind": "quyet-dinh", "date": 2025,
                                  "title": "Quyết định năm học 2025-2026 (chưa có số) (dữ liệu mẫu)",
                                  "placeholder": True}]
    assert {b["decision"] for b in data["bodies"]} == {"pgddt-mau-2025-qd-cho-so"}
    old_documents = {d["id"] for d in old["documents"]}
    # The Toán group's list changed on 4/11/2024 (Quyết định 260): the new year starts from the
    # list at the end of the old one, without the old year's amendment.
    at_the_end = copy.deepcopy(old["bodies"])
    toan = next(b for b in at_the_end if b["id"] == "mau-to-cot-can-toan")
    (amendment,) = toan.pop("amendments")
    toan["members"][0] = {"stt": 1, **amendment["replace"][0]["with"]}
    assert [{**b, "decision": None} for b in data["bodies"]] == [
        {**{k: v for k, v in b.items() if not (k == "source" and v in old_documents)}, "decision": None}
        for b in at_the_end]
    assert "amendments:" not in text and "\n      - {stt: 1, person: mau-pham-thi-lan, role: nhom-truong," in text

    # The placeholder passes a draft check only, as a warning; the real check refuses it.
    portal, warnings = load_or_raise(sample_data, sample_data.parent, draft=True)
    assert {w.severity for w in warnings} == {"warning"}
    assert all(w.file == "data/years/2025-2026/pgddt-mau.yml" for w in warnings)
    with pytest.raises(DataError) as refused:
        load_or_raise(sample_data, sample_data.parent)
    assert "văn bản 'pgddt-mau-2025-qd-cho-so' là văn bản chỗ giữ" in str(refused.value)
    diff = diff_years(portal, "pgddt-mau", SchoolYear(2024), SchoolYear(2025))
    assert {k: n for k, n in diff.counts if n} == {"document-added": 1}
    assert diff.unchanged_members == 37

    again = new_year("--office", "pgddt-mau", "--from", "2024-2025", "--to", "2025-2026", "--data", str(sample_data))
    assert again.returncode == 2
    assert "data/years/2025-2026/pgddt-mau.yml đã có; không ghi đè." in again.stderr


def test_refuses_bad_data(sample_data: Path) -> None:
    (sample_data / "people" / "pgddt-mau.yml").write_text("people: [\n", encoding="utf-8")
    result = new_year("--office", "pgddt-mau", "--data", str(sample_data))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "LỖI data/people/pgddt-mau.yml" in result.stderr
    assert not (sample_data / "years" / "2025-2026").exists()


def test_every_real_office_either_carries_on_or_is_refused_with_its_successor(tmp_path: Path) -> None:
    """Every office that has a year: its next year is started and passes a draft check, or,
    when the office ended before that year, refused naming the successor, with nothing written."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    portal, _ = load_or_raise(data, tmp_path)
    offices = sorted({oy.office for oy in portal.office_years})
    refused = 0
    for office_id in offices:
        office = portal.offices[office_id]
        latest = max(oy.school_year for oy in portal.office_years if oy.office == office_id)
        following = SchoolYear(latest.start + 1)
        result = new_year("--office", office_id, "--data", str(data))
        target = data / "years" / following.label / f"{office_id}.yml"
        if office.ended_before(following):
            refused += 1
            assert result.returncode == 2, result.stdout
            assert "Traceback" not in result.stderr
            for heir in office.successors:
                successor = portal.offices[heir.office]
                assert f"{successor.name} ({successor.id})" in result.stderr
                assert f"--office {office_id} --successor {successor.id}" in result.stderr
            assert not target.exists()
        else:
            assert result.returncode == 0, result.stderr
            assert target.exists()
    assert refused, "the shipped offices ended on 30/6/2025: at least one is refused"
    load_or_raise(data, tmp_path, draft=True)


def test_an_office_that_ended_may_still_start_a_year_it_was_open_for(tmp_path: Path) -> None:
    """Dầu Tiếng ended on 30/6/2025; its 2024-2025 (begun September 2024) may still be started."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    result = new_year("--office", "pgddt-dau-tieng", "--from", "2023-2024", "--to", "2024-2025", "--data", str(data))
    assert result.returncode == 0, result.stderr
    new = yaml.safe_load((data / "years" / "2024-2025" / "pgddt-dau-tieng.yml").read_text(encoding="utf-8"))
    old = yaml.safe_load((data / "years" / "2023-2024" / "pgddt-dau-tieng.yml").read_text(encoding="utf-8"))
    # The old year listed its clusters from its plan (`source`); the copy drops that link, the
    # new list coming from the new decision, so no warning says a body is listed from last year.
    assert any(b.get("source") for b in old["bodies"])
    assert not any(b.get("source") for b in new["bodies"])
    _, warnings = load_or_raise(data, tmp_path, draft=True)
    assert [w.path for w in warnings] == ["documents[0].placeholder"]
