"""The diff between school years: golden files per change kind, the sample office, the command.

Each case below writes a small two-year dataset into a temp dir (the same base both
years, then one change), diffs it and compares the JSON with tests/golden/diff/<case>.json.
After a deliberate change of the output, rewrite the golden files with

    UPDATE_GOLDEN=1 python3 -m pytest tests/test_diff.py

and read every changed file before committing it.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_util import cotcan
from examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from portal.dates import SchoolYear
from portal.diff import DiffError, diff_body, diff_within_year, diff_years
from portal.diff_report import format_text, to_json
from portal.load import load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.render import Renderer

GOLDEN = Path(__file__).parent / "golden" / "diff"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
OLD, NEW = SchoolYear(2023), SchoolYear(2024)

Data = dict[str, Any]


def _member(person: str, role: str, position: str, unit: str, subject: str | None = None) -> Data:
    row: Data = {"person": person, "role": role, "position": position, "unit": unit}
    if subject:
        row["subject"] = subject
    return row


def _bodies() -> list[Data]:
    """The bodies of one year of the small office: a team with two subject groups, two
    clusters and an inter-school group."""
    return [
        {"id": "a-to", "kind": "to-cot-can", "name": "Tổ cốt cán", "decision": "a-qd-1",
         "members": [_member("a-le-thi-hong", "to-truong", "Trưởng phòng", "pgddt-a")],
         "duties": [{"role": "uy-vien", "label": "1", "text": "Hỗ trợ giáo viên các trường."}]},
        {"id": "a-to-toan", "kind": "nhom-bo-mon", "name": "Nhóm Toán", "parent": "a-to",
         "decision": "a-qd-1", "subject": "toan", "members": [
             {"stt": 1, **_member("a-ha-thi-lien", "nhom-truong", "Giáo viên", "a-thcs-mot", "Toán")},
             {"stt": 2, **_member("a-nguyen-van-an", "uy-vien", "Giáo viên", "a-thcs-hai", "Toán")},
             {"stt": 3, **_member("a-tran-thi-binh", "uy-vien", "Giáo viên", "a-thcs-mot", "Toán")},
         ]},
        {"id": "a-to-van", "kind": "nhom-bo-mon", "name": "Nhóm Ngữ văn", "parent": "a-to",
         "decision": "a-qd-1", "subject": "ngu-van", "members": [
             {"stt": 4, **_member("a-pham-van-cuong", "nhom-truong", "Giáo viên", "a-thcs-ba")},
             {"stt": 5, **_member("a-do-thi-dung", "uy-vien", "Giáo viên", "a-thcs-bon")},
         ]},
        {"id": "a-cum-1", "kind": "cum-chuyen-mon", "name": "Cụm 1", "decision": "a-qd-1",
         "meets": "1 lần/học kỳ", "members": [
             _member("a-vo-van-hai", "cum-truong", "Hiệu trưởng", "a-thcs-mot"),
             {"stt": 1, "school": "a-thcs-mot", "role": "thanh-vien"},
             {"stt": 2, "school": "a-thcs-hai", "role": "thanh-vien"},
         ], "duties": [{"role": "cum-truong", "text": "Chủ trì sinh hoạt cụm."}]},
        {"id": "a-cum-2", "kind": "cum-chuyen-mon", "name": "Cụm 2", "decision": "a-qd-1",
         "meets": "1 lần/học kỳ", "members": [
             _member("a-ly-thi-kim", "cum-truong", "Hiệu trưởng", "a-thcs-ba"),
             {"stt": 1, "school": "a-thcs-ba", "role": "thanh-vien"},
             {"stt": 2, "school": "a-thcs-bon", "role": "thanh-vien"},
         ]},
        {"id": "a-lt-1", "kind": "nhom-lien-truong", "name": "Nhóm liên trường 1", "decision": "a-qd-1",
         "members": [{"school": "a-thcs-mot", "role": "nhom-truong"},
                     {"school": "a-thcs-ba", "role": "thanh-vien"}]},
    ]


def base(old: SchoolYear = OLD, new: SchoolYear = NEW) -> dict[str, Data]:
    """Every file of the dataset, relative to data/; both years alike."""
    people = [("a-le-thi-hong", "Lê Thị Hồng"), ("a-ha-thi-lien", "Hà Thị Liên"),
              ("a-nguyen-van-an", "Nguyễn Văn An"), ("a-tran-thi-binh", "Trần Thị Bình"),
              ("a-pham-van-cuong", "Phạm Văn Cường"), ("a-do-thi-dung", "Đỗ Thị Dung"),
              ("a-vo-van-hai", "Võ Văn Hải"), ("a-ly-thi-kim", "Lý Thị Kim"),
              ("a-ngo-thi-giang", "Ngô Thị Giang"), ("a-dang-van-duc", "Đặng Văn Đức")]
    return {
        "offices.yml": {"offices": [
            {"id": "so-b", "name": "Sở Giáo dục và Đào tạo tỉnh B", "short_name": "Sở GDĐT B",
             "kind": "so-gddt", "place": "B"},
            {"id": "pgddt-a", "name": "Phòng Giáo dục và Đào tạo huyện A", "short_name": "Phòng GDĐT A",
             "kind": "phong-gddt", "parent": "so-b", "place": "A"},
        ]},
        "subjects.yml": {"subjects": [{"id": "toan", "name": "Toán"}, {"id": "ngu-van", "name": "Ngữ văn"},
                                      {"id": "tin-hoc", "name": "Tin học"}]},
        "schools/pgddt-a.yml": {"office": "pgddt-a", "schools": [
            {"id": "a-thcs-mot", "name": "THCS Một", "level": "THCS"},
            {"id": "a-thcs-hai", "name": "THCS Hai", "level": "THCS"},
            {"id": "a-thcs-ba", "name": "THCS Ba", "level": "THCS"},
            {"id": "a-thcs-bon", "name": "THCS Bốn", "level": "THCS"},
        ]},
        "people/pgddt-a.yml": {"people": [{"id": i, "name": n} for i, n in people]},
        # The bodies cite a document outside both years, so that no case but the
        # document ones has a document change.
        "documents/a.yml": {"documents": [
            {"id": "a-qd-1", "kind": "quyet-dinh", "number": "1/QĐ-PGDĐT", "date": "2022-09-05",
             "issuer": "pgddt-a", "title": "Về việc thành lập tổ cốt cán và cụm chuyên môn"},
        ]},
        f"years/{old}/pgddt-a.yml": {"school_year": old.label, "office": "pgddt-a", "bodies": _bodies()},
        f"years/{new}/pgddt-a.yml": {"school_year": new.label, "office": "pgddt-a", "bodies": _bodies()},
    }


def write(files: dict[str, Data], root: Path) -> Path:
    data = root / "data"
    for name, content in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


def body(files: dict[str, Data], year: SchoolYear, body_id: str) -> Data:
    found: Data = next(b for b in files[f"years/{year}/pgddt-a.yml"]["bodies"] if b["id"] == body_id)
    return found


def member(files: dict[str, Data], year: SchoolYear, body_id: str, key: str) -> Data:
    found: Data = next(m for m in body(files, year, body_id)["members"]
                       if key in (m.get("person"), m.get("school")))
    return found


def remove_member(files: dict[str, Data], year: SchoolYear, body_id: str, key: str) -> None:
    body(files, year, body_id)["members"].remove(member(files, year, body_id, key))


# -- one case per kind of change --------------------------------------------------------------


def unchanged(f: dict[str, Data]) -> None:
    """Nothing changed: every member is counted as unchanged, nothing is listed."""


def member_joined(f: dict[str, Data]) -> None:
    """Two people join; the list is sorted by given name (Đức before Giang), not by family name."""
    body(f, NEW, "a-to-toan")["members"] += [
        {"stt": 6, **_member("a-ngo-thi-giang", "uy-vien", "Giáo viên", "a-thcs-bon", "Toán")},
        {"stt": 7, **_member("a-dang-van-duc", "uy-vien", "Phó Hiệu trưởng", "a-thcs-hai", "Toán")},
    ]


def member_left(f: dict[str, Data]) -> None:
    remove_member(f, NEW, "a-to-toan", "a-tran-thi-binh")


def role_changed(f: dict[str, Data]) -> None:
    """The group leader leaves; an ủy viên becomes nhóm trưởng: the post has a new holder."""
    remove_member(f, NEW, "a-to-toan", "a-ha-thi-lien")
    member(f, NEW, "a-to-toan", "a-nguyen-van-an")["role"] = "nhom-truong"


def unit_changed(f: dict[str, Data]) -> None:
    """A teacher moves to another school and stays in the same group."""
    member(f, NEW, "a-to-toan", "a-tran-thi-binh")["unit"] = "a-thcs-hai"


def position_changed(f: dict[str, Data]) -> None:
    member(f, NEW, "a-to-van", "a-do-thi-dung")["position"] = "Phó Hiệu trưởng"


def member_moved(f: dict[str, Data]) -> None:
    """A teacher moves from the Toán group to the Ngữ văn group of the same team: one move."""
    row = member(f, NEW, "a-to-toan", "a-tran-thi-binh")
    remove_member(f, NEW, "a-to-toan", "a-tran-thi-binh")
    body(f, NEW, "a-to-van")["members"].append({**row, "subject": "Ngữ văn"})


def body_created(f: dict[str, Data]) -> None:
    f[f"years/{NEW}/pgddt-a.yml"]["bodies"].insert(3, {
        "id": "a-to-tin", "kind": "nhom-bo-mon", "name": "Nhóm Tin học", "parent": "a-to",
        "decision": "a-qd-1", "subject": "tin-hoc",
        "members": [{"stt": 6, **_member("a-ngo-thi-giang", "nhom-truong", "Giáo viên", "a-thcs-bon")}]})


def body_dissolved(f: dict[str, Data]) -> None:
    f[f"years/{NEW}/pgddt-a.yml"]["bodies"].remove(body(f, NEW, "a-lt-1"))


def body_renamed(f: dict[str, Data]) -> None:
    body(f, NEW, "a-cum-1")["name"] = "Cụm phía Bắc"


def body_changed(f: dict[str, Data]) -> None:
    body(f, NEW, "a-cum-1")["meets"] = "2 lần/học kỳ"


def school_moved(f: dict[str, Data]) -> None:
    """THCS Hai leaves cluster 1 for cluster 2."""
    row = member(f, NEW, "a-cum-1", "a-thcs-hai")
    remove_member(f, NEW, "a-cum-1", "a-thcs-hai")
    body(f, NEW, "a-cum-2")["members"].append({**row, "stt": 3})


def school_renamed(f: dict[str, Data]) -> None:
    """The same school id, a new name from 15/8/2024: members keep their unit."""
    school = f["schools/pgddt-a.yml"]["schools"][3]
    school["name"] = "THCS Nguyễn Du"
    school["former_names"] = [{"name": "THCS Bốn", "until": "2024-08-14"}]


def school_merged_2025(f: dict[str, Data]) -> None:
    """The 2025 reorganisation: THCS Hai stops on 30/6/2025 and merges into THCS Một; the
    2025-2026 list no longer names it, and its teacher's unit is now THCS Một."""
    school = f["schools/pgddt-a.yml"]["schools"][1]
    school["valid_until"] = "2025-06-30"
    school["successor"] = "a-thcs-mot"
    new = SchoolYear(2025)
    remove_member(f, new, "a-cum-1", "a-thcs-hai")
    member(f, new, "a-to-toan", "a-nguyen-van-an")["unit"] = "a-thcs-mot"


def duty_changes(f: dict[str, Data]) -> None:
    """A numbered duty rewritten, one added; the only unnumbered duty of a role rewritten."""
    team = body(f, NEW, "a-to")
    team["duties"][0]["text"] = "Hỗ trợ giáo viên các trường đổi mới phương pháp dạy học."
    team["duties"].append({"role": "uy-vien", "label": "2", "text": "Báo cáo sau mỗi học kỳ."})
    body(f, NEW, "a-cum-1")["duties"][0]["text"] = "Chủ trì sinh hoạt cụm hai lần mỗi học kỳ."


def duty_removed(f: dict[str, Data]) -> None:
    body(f, NEW, "a-to")["duties"] = []


def documents(f: dict[str, Data]) -> None:
    """A plan issued in the new year, and a decision that replaces last year's."""
    f[f"years/{OLD}/pgddt-a.yml"]["documents"] = [
        {"id": "a-2023-qd-2", "kind": "quyet-dinh", "number": "2/QĐ-PGDĐT", "date": "2023-09-10",
         "title": "Về việc thành lập các nhóm liên trường"}]
    f[f"years/{NEW}/pgddt-a.yml"]["documents"] = [
        {"id": "a-2024-kh-4", "kind": "ke-hoach", "number": "4/KH-PGDĐT", "date": "2024-09-20",
         "title": "Kế hoạch sinh hoạt cụm chuyên môn",
         "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"}},
        {"id": "a-2024-qd-3", "kind": "quyet-dinh", "number": "3/QĐ-PGDĐT", "date": "2024-09-12",
         "title": "Về việc kiện toàn các nhóm liên trường",
         "related": [{"ref": "a-2023-qd-2", "relation": "thay-the"}]},
    ]


Case = tuple[Callable[[dict[str, Data]], None], SchoolYear, SchoolYear, dict[str, int]]
CASES: dict[str, Case] = {
    "unchanged": (unchanged, OLD, NEW, {}),
    "member_joined": (member_joined, OLD, NEW, {"member-joined": 2}),
    "member_left": (member_left, OLD, NEW, {"member-left": 1}),
    "role_changed": (role_changed, OLD, NEW,
                     {"member-left": 1, "role-changed": 1, "leader-changed": 1}),
    "unit_changed": (unit_changed, OLD, NEW, {"unit-changed": 1}),
    "position_changed": (position_changed, OLD, NEW, {"position-changed": 1}),
    "member_moved": (member_moved, OLD, NEW, {"member-moved": 1}),
    "body_created": (body_created, OLD, NEW, {"body-created": 1, "member-joined": 1}),
    "body_dissolved": (body_dissolved, OLD, NEW, {"body-dissolved": 1, "member-left": 2}),
    "body_renamed": (body_renamed, OLD, NEW, {"body-renamed": 1}),
    "body_changed": (body_changed, OLD, NEW, {"body-changed": 1}),
    "school_moved": (school_moved, OLD, NEW, {"school-moved": 1}),
    "school_renamed": (school_renamed, OLD, NEW, {"school-renamed": 1}),
    "school_merged_2025": (school_merged_2025, SchoolYear(2024), SchoolYear(2025),
                           {"school-merged": 1, "member-left": 1, "unit-changed": 1}),
    "duty_changes": (duty_changes, OLD, NEW, {"duty-added": 1, "duty-changed": 2}),
    "duty_removed": (duty_removed, OLD, NEW, {"duty-removed": 1}),
    "documents": (documents, OLD, NEW, {"document-added": 1, "document-replaced": 1}),
}


# -- changes within a school year: amending decisions of the new year -------------------------

AMENDED_ON = "2024-11-04"


def amend(f: dict[str, Data], body_id: str, day: str = AMENDED_ON, decision: str = "a-2024-qd-5",
          **change: list[Data]) -> None:
    """An amending decision of the new year, in force from `day`, changing one body's list."""
    year = f[f"years/{NEW}/pgddt-a.yml"]
    documents = year.setdefault("documents", [])
    if decision not in {d["id"] for d in documents}:
        number = decision.rsplit("-", 1)[1]
        documents.append({"id": decision, "kind": "quyet-dinh", "number": f"{number}/QĐ-PGDĐT", "date": day,
                          "title": "Về việc điều chỉnh, bổ sung thành viên tổ cốt cán và cụm chuyên môn"})
    body(f, NEW, body_id).setdefault("amendments", []).append({"decision": decision, "from": day, **change})


def within_replaced(f: dict[str, Data]) -> None:
    """The group leader is replaced by a newcomer, who takes her row."""
    amend(f, "a-to-toan", replace=[{"person": "a-ha-thi-lien", "with": {
        **_member("a-ngo-thi-giang", "nhom-truong", "Giáo viên", "a-thcs-bon", "Toán")}}])


def within_role_changed(f: dict[str, Data]) -> None:
    amend(f, "a-to-toan", roles=[{"person": "a-nguyen-van-an", "role": "pho-nhom-truong"}])


def within_moved(f: dict[str, Data]) -> None:
    """One decision takes a teacher out of the Toán group and into the Ngữ văn group: one move."""
    amend(f, "a-to-toan", remove=[{"person": "a-tran-thi-binh"}])
    amend(f, "a-to-van", add=[{"stt": 6, **_member("a-tran-thi-binh", "uy-vien", "Giáo viên", "a-thcs-mot")}])


def within_school_moved(f: dict[str, Data]) -> None:
    amend(f, "a-cum-1", remove=[{"school": "a-thcs-hai"}])
    amend(f, "a-cum-2", add=[{"stt": 3, "school": "a-thcs-hai", "role": "thanh-vien"}])


def within_two_days(f: dict[str, Data]) -> None:
    """Two amending decisions: one adds a member in November, the other takes one out in March."""
    amend(f, "a-to-van", add=[{"stt": 6, **_member("a-dang-van-duc", "uy-vien", "Giáo viên", "a-thcs-hai")}])
    amend(f, "a-to-van", day="2025-03-03", decision="a-2025-qd-9", remove=[{"person": "a-do-thi-dung"}])


def within_body_set_up(f: dict[str, Data]) -> None:
    """A decision of November sets up a Tin học group and moves a Toán teacher into it as its leader."""
    amend(f, "a-to-toan", remove=[{"person": "a-tran-thi-binh"}])
    f[f"years/{NEW}/pgddt-a.yml"]["bodies"].insert(3, {
        "id": "a-to-tin", "kind": "nhom-bo-mon", "name": "Nhóm Tin học", "parent": "a-to",
        "decision": "a-2024-qd-5", "subject": "tin-hoc",
        "members": [{"stt": 6, **_member("a-tran-thi-binh", "nhom-truong", "Giáo viên", "a-thcs-mot")}]})


WithinCase = tuple[Callable[[dict[str, Data]], None], dict[str, dict[str, int]]]
WITHIN_CASES: dict[str, WithinCase] = {
    "within_replaced": (within_replaced, {AMENDED_ON: {"member-joined": 1, "member-left": 1,
                                                       "leader-changed": 1}}),
    "within_role_changed": (within_role_changed, {AMENDED_ON: {"role-changed": 1}}),
    "within_moved": (within_moved, {AMENDED_ON: {"member-moved": 1}}),
    "within_school_moved": (within_school_moved, {AMENDED_ON: {"school-moved": 1}}),
    "within_two_days": (within_two_days, {AMENDED_ON: {"member-joined": 1}, "2025-03-03": {"member-left": 1}}),
    "within_body_set_up": (within_body_set_up, {AMENDED_ON: {"body-created": 1, "member-moved": 1}}),
}


def run_case(name: str, root: Path) -> tuple[Portal, dict[str, Any]]:
    change, old, new, _ = CASES[name]
    files = base(old, new)
    change(files)
    portal, warnings = load_or_raise(write(files, root), root)
    assert warnings == []
    return portal, to_json(diff_years(portal, "pgddt-a", old, new))


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDEN=1 python3 -m pytest {__file__}"
    assert text == path.read_text(encoding="utf-8"), (
        f"{path} differs; if the change is deliberate, rerun with UPDATE_GOLDEN=1 and review it")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_diff(name: str, tmp_path: Path) -> None:
    _, result = run_case(name, tmp_path)
    expected = CASES[name][3]
    assert {k: n for k, n in result["counts"].items() if n} == expected
    assert result["total"] == sum(expected.values())
    check_golden(f"{name}.json", dumps(result))


def test_golden_files_all_belong_to_a_case() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted([*CASES, *WITHIN_CASES])


@pytest.mark.parametrize("name", sorted(WITHIN_CASES))
def test_golden_diff_within_a_year(name: str, tmp_path: Path) -> None:
    """Each amending decision of the new year: its day's changes, matched on ids as between years."""
    change, expected = WITHIN_CASES[name]
    files = base()
    change(files)
    portal, warnings = load_or_raise(write(files, tmp_path), tmp_path)
    assert warnings == []
    result = to_json(diff_within_year(portal, "pgddt-a", NEW))
    assert {day["from"]: day["counts"] for day in result["days"]} == expected
    assert result["total"] == sum(n for counts in expected.values() for n in counts.values())
    check_golden(f"{name}.json", dumps(result))
    # Nothing changes within the old year, which has no amendment.
    assert diff_within_year(portal, "pgddt-a", OLD).days == ()


def test_between_years_each_list_stands_as_at_the_end_of_its_year(tmp_path: Path) -> None:
    """An amendment of the new year shows between the years too: the new year's list after it."""
    files = base()
    within_replaced(files)
    portal, _ = load_or_raise(write(files, tmp_path), tmp_path)
    between = diff_years(portal, "pgddt-a", OLD, NEW)
    assert {k: n for k, n in between.counts if n} == {"member-joined": 1, "member-left": 1, "leader-changed": 1,
                                                       "document-added": 1}
    # ... and in the year after, the replaced leader is no longer there to leave.
    later = base(NEW, SchoolYear(2025))
    within_replaced(later)
    later[f"years/{SchoolYear(2025)}/pgddt-a.yml"] = copy.deepcopy(later[f"years/{NEW}/pgddt-a.yml"])
    later[f"years/{SchoolYear(2025)}/pgddt-a.yml"]["school_year"] = "2025-2026"
    for b in later[f"years/{SchoolYear(2025)}/pgddt-a.yml"]["bodies"]:
        b.pop("amendments", None)
    toan = body(later, SchoolYear(2025), "a-to-toan")
    toan["members"][0] = {"stt": 1, **_member("a-ngo-thi-giang", "nhom-truong", "Giáo viên", "a-thcs-bon", "Toán")}
    del later[f"years/{SchoolYear(2025)}/pgddt-a.yml"]["documents"]
    portal, _ = load_or_raise(write(later, tmp_path / "later"), tmp_path / "later")
    assert diff_years(portal, "pgddt-a", NEW, SchoolYear(2025)).total == 0


def test_a_move_within_the_year_is_one_change_shown_in_both_bodies(tmp_path: Path) -> None:
    files = base()
    within_moved(files)
    portal, _ = load_or_raise(write(files, tmp_path), tmp_path)
    within = diff_within_year(portal, "pgddt-a", NEW)
    (day,) = within.days
    assert [d.id for d in day.decisions] == ["a-2024-qd-5"]
    for body_id in ("a-to-toan", "a-to-van"):
        (only,) = within.of_body(body_id).days
        assert [c.kind for c in only.changes] == ["member-moved"]
    text = format_text(within)
    assert text.splitlines()[1:3] == ["", "Từ ngày 04/11/2024, theo Quyết định số 5/QĐ-PGDĐT, 04/11/2024: 1 thay đổi"]
    assert "  ~ Trần Thị Bình [Nhóm Toán → Nhóm Ngữ văn]: môn: Toán → Ngữ văn" in text


def test_a_move_is_one_change_but_shows_in_both_bodies(tmp_path: Path) -> None:
    portal, result = run_case("member_moved", tmp_path)
    (move,) = result["changes"]
    assert move["kind"] == "member-moved"
    assert [b["id"] for b in move["bodies"]] == ["a-to-toan", "a-to-van"]
    assert move["fields"][0] == {"field": "subject", "old": "Toán", "new": "Ngữ văn",
                                 "old_id": "toan", "new_id": "ngu-van"}
    for body_id in ("a-to-toan", "a-to-van"):
        diff = diff_body(portal, "pgddt-a", body_id, OLD, NEW)
        assert [c.kind for c in diff.changes] == ["member-moved"]
        assert "~ Trần Thị Bình [Nhóm Toán → Nhóm Ngữ văn]: môn: Toán → Ngữ văn" in format_text(diff)


def test_teacher_of_a_merged_school_shows_the_merge(tmp_path: Path) -> None:
    portal, _ = run_case("school_merged_2025", tmp_path)
    text = format_text(diff_years(portal, "pgddt-a", SchoolYear(2024), SchoolYear(2025)))
    assert "~ Nguyễn Văn An [Nhóm Toán]: đơn vị: THCS Hai → THCS Một (THCS Hai đã sáp nhập vào " \
           "THCS Một)" in text
    assert "~ THCS Hai: sáp nhập vào: THCS Một; hoạt động đến hết ngày: 30/06/2025" in text
    assert "- THCS Hai [Cụm 1]: vai trò: Thành viên (trường hoạt động đến hết 30/06/2025, " \
           "đã sáp nhập vào THCS Một)" in text


def test_a_value_cleared_reads_as_cleared_in_the_text_and_on_the_page(tmp_path: Path) -> None:
    """The hostile review: a Chức vụ left blank in next year's workbook was shown
    "chức vụ: Giáo viên" (as if it were the new value) in `so-sanh` and, struck through
    only, on the page; the importer's report said "Giáo viên → (trống)"."""
    files = base(OLD, NEW)
    member(files, NEW, "a-to-van", "a-do-thi-dung").pop("position")
    portal, _ = load_or_raise(write(files, tmp_path), tmp_path)
    diff = diff_years(portal, "pgddt-a", OLD, NEW)
    assert "~ Đỗ Thị Dung [Nhóm Ngữ văn]: chức vụ: Giáo viên → (trống)" in format_text(diff)
    pages = Pages(portal)
    renderer = Renderer(pages)
    shown = [html for spec in pages.all() if "portal-fields" in (html := renderer.render(spec))]
    assert shown and all("<del>Giáo viên</del> → (trống)</li>" in html for html in shown)


def test_text_puts_counts_first_then_old_to_new(tmp_path: Path) -> None:
    portal, _ = run_case("role_changed", tmp_path)
    text = format_text(diff_years(portal, "pgddt-a", OLD, NEW))
    lines = text.splitlines()
    assert lines[0] == "Thay đổi 2023-2024 → 2024-2025: Phòng Giáo dục và Đào tạo huyện A (mã pgddt-a)"
    assert lines[2:7] == [
        "Tổng số thay đổi: 3",
        "  Thành viên rời: 1",
        "  Đổi vai trò: 1",
        "  Đổi người đứng đầu: 1",
        "  Thành viên giữ nguyên (không liệt kê): 12",
    ]
    assert "  ~ Nguyễn Văn An [Nhóm Toán]: vai trò: Ủy viên → Nhóm trưởng" in lines
    assert "  ~ Nhóm trưởng Nhóm Toán: người giữ: Hà Thị Liên → Nguyễn Văn An" in lines
    assert "  - Hà Thị Liên [Nhóm Toán]: vai trò: Nhóm trưởng; chức vụ: Giáo viên; đơn vị: THCS Một" \
        in lines


def test_people_are_sorted_by_given_name(tmp_path: Path) -> None:
    _, result = run_case("member_joined", tmp_path)
    assert [c["target"]["label"] for c in result["changes"]] == ["Đặng Văn Đức", "Ngô Thị Giang"]


def test_unknown_office_year_or_body(tmp_path: Path) -> None:
    portal, _ = run_case("unchanged", tmp_path)
    with pytest.raises(DiffError, match="không có đơn vị nào mang mã 'x'"):
        diff_years(portal, "x", OLD, NEW)
    with pytest.raises(DiffError, match=r"không có dữ liệu năm học 2022-2023 \(các năm đang có: "
                                        r"2023-2024, 2024-2025\)"):
        diff_years(portal, "pgddt-a", SchoolYear(2022), NEW)
    with pytest.raises(DiffError, match="không có tổ chức 'a-x'"):
        diff_body(portal, "pgddt-a", "a-x", OLD, NEW)


# -- matching never depends on the order of the lists ---------------------------------------


@pytest.fixture(scope="module")
def moved_portal(tmp_path_factory: pytest.TempPathFactory) -> Portal:
    files = base()
    for change in (member_moved, role_changed, school_moved, position_changed, duty_changes,
                   member_joined):
        change(files)
    root = tmp_path_factory.mktemp("shuffle")
    portal, _ = load_or_raise(write(files, root), root)
    return portal


@settings(max_examples=examples(25))
@given(st.randoms(use_true_random=False))
def test_the_order_of_members_and_duties_does_not_matter(moved_portal: Portal, rnd: random.Random) -> None:
    expected = to_json(diff_years(moved_portal, "pgddt-a", OLD, NEW))
    shuffled = copy.copy(moved_portal)
    shuffled.bodies = {}
    for key, b in moved_portal.bodies.items():
        members, duties = list(b.members), list(b.duties)
        rnd.shuffle(members)
        rnd.shuffle(duties)
        shuffled.bodies[key] = dataclasses.replace(b, members=tuple(members), duties=tuple(duties))
    result = to_json(diff_years(shuffled, "pgddt-a", OLD, NEW))
    # The member counts of each body do not change; only the order of the lists did.
    assert result == expected


def test_json_is_deterministic(moved_portal: Portal) -> None:
    first = dumps(to_json(diff_years(moved_portal, "pgddt-a", OLD, NEW)))
    assert first == dumps(to_json(diff_years(moved_portal, "pgddt-a", OLD, NEW)))
    assert list(json.loads(first)) == ["office", "from", "to", "total", "counts", "unchanged_members",
                                       "changes", "bodies"]


# -- the sample office -------------------------------------------------------------------------

SAMPLE_FILES = ["offices.yml", "subjects.yml", "schools/pgddt-mau.yml", "people/pgddt-mau.yml",
                "years/2022-2023/pgddt-mau.yml", "years/2023-2024/pgddt-mau.yml",
                "years/2024-2025/pgddt-mau.yml"]


@pytest.fixture
def sample_data(tmp_path: Path) -> Path:
    """The sample office's files alone, copied, so that the tests never touch data/."""
    for name in SAMPLE_FILES:
        target = tmp_path / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "data" / name, target)
    return tmp_path / "data"


def test_sample_office_exercises_every_kind_of_change(sample_data: Path) -> None:
    portal, warnings = load_or_raise(sample_data, sample_data.parent)
    assert warnings == []
    assert portal.offices["pgddt-mau"].sample
    diff = diff_years(portal, "pgddt-mau", SchoolYear(2023), SchoolYear(2024))
    assert dict(diff.counts) == {
        "issuer-changed": 0,  # the change to a successor: tests/test_succession.py
        "body-created": 1, "body-dissolved": 1, "body-renamed": 1, "body-changed": 1,
        "member-joined": 3, "member-left": 3, "member-moved": 2, "role-changed": 1,
        "leader-changed": 1, "unit-changed": 2, "position-changed": 1, "school-moved": 3,
        "school-renamed": 1, "school-merged": 1, "duty-added": 1, "duty-removed": 1,
        "duty-changed": 2, "document-added": 3, "document-replaced": 1,
    }
    assert diff.unchanged_members == 25
    check_golden("sample-2023-2024-2024-2025.txt", format_text(diff))
    # Quyết định 260 of 4/11/2024, an amendment: the year-to-year diff shows the list after it,
    # the change within the year shows what it did.
    within = diff_within_year(portal, "pgddt-mau", SchoolYear(2024))
    assert [(day.day.iso(), {k: n for k, n in day.counts if n}) for day in within.days] == [
        ("2024-11-04", {"body-created": 1, "member-joined": 3, "member-left": 1, "leader-changed": 1})]
    check_golden("sample-2024-2025-trong-nam-hoc.txt", format_text(within))
    first = diff_years(portal, "pgddt-mau", SchoolYear(2022), SchoolYear(2023))
    assert {k: n for k, n in first.counts if n} == {
        "body-created": 1, "member-joined": 3, "member-left": 1, "role-changed": 1,
        "school-moved": 3, "duty-added": 1, "document-added": 3}


def test_sample_files_say_they_are_sample_data() -> None:
    for name in SAMPLE_FILES[2:]:
        text = (REPO / "data" / name).read_text(encoding="utf-8")
        assert text.startswith("# DỮ LIỆU MẪU, KHÔNG CÓ THẬT."), name
        data = yaml.safe_load(text)
        for school in data.get("schools", []):
            assert school["name"].endswith("(dữ liệu mẫu)")
        for person in data.get("people", []):
            assert "(dữ liệu mẫu)" in person["note"]
        for document in data.get("documents", []):
            assert document["title"].endswith("(dữ liệu mẫu)")
        for b in data.get("bodies", []):
            assert b["name"].endswith("(dữ liệu mẫu)")
            assert all(d["text"].endswith("(dữ liệu mẫu).") for d in b.get("duties", []))


# -- the command (cotcan so-sanh) --------------------------------------------------------------


def test_diff_script_text_and_json(sample_data: Path) -> None:
    text = cotcan("so-sanh", "--office", "pgddt-mau", "--data", str(sample_data))
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Thay đổi 2023-2024 → 2024-2025: Phòng Giáo dục và Đào tạo huyện Mẫu")
    assert "  ~ Phạm Thị Lan [Nhóm Toán (dữ liệu mẫu)]: vai trò: Ủy viên → Nhóm trưởng\n" in text.stdout
    assert "  ~ Đỗ Thị Mỹ Duyên [Nhóm Toán (dữ liệu mẫu)]: đơn vị: THCS Hoa Sen (dữ liệu mẫu) → " \
           "THCS Bình Minh (dữ liệu mẫu)\n" in text.stdout
    as_json = cotcan("so-sanh", "--office", "pgddt-mau", "--from", "2022-2023", "--to", "2023-2024",
                     "--json", "--data", str(sample_data))
    assert as_json.returncode == 0, as_json.stderr
    result = json.loads(as_json.stdout)
    assert (result["from"], result["to"], result["total"]) == ("2022-2023", "2023-2024", 13)
    one = cotcan("so-sanh", "--office", "pgddt-mau", "--body", "mau-cum-1", "--json",
                 "--data", str(sample_data))
    counts = json.loads(one.stdout)["counts"]
    assert {k: n for k, n in counts.items() if n} == {"member-left": 1, "member-moved": 1,
                                                      "school-moved": 1}


def test_diff_script_reports_bad_data_without_a_traceback(sample_data: Path) -> None:
    year = sample_data / "years" / "2024-2025" / "pgddt-mau.yml"
    year.write_text(year.read_text(encoding="utf-8").replace("role: nhom-truong", "role: nhom-truonng", 1),
                    encoding="utf-8")
    result = cotcan("so-sanh", "--office", "pgddt-mau", "--data", str(sample_data))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "LỖI data/years/2024-2025/pgddt-mau.yml, dòng" in result.stderr
    assert "1 lỗi, 0 cảnh báo." in result.stderr
    wrong = cotcan("so-sanh", "--office", "pgddt-x", "--data", str(sample_data.parent / "nowhere"))
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr


def test_the_diff_of_a_year_just_started_shows_the_placeholder_as_a_warning(tmp_path: Path) -> None:
    """`cotcan nam-moi` tells the clerk to look at the changes next; the new year's placeholder
    decision is what a draft holds, so the diff (which publishes nothing) says so and goes on."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    started = cotcan("nam-moi", "--office", "pgddt-dau-tieng", "--data", str(data))
    assert started.returncode == 0, started.stderr
    assert "cotcan so-sanh --office pgddt-dau-tieng --from 2023-2024 --to 2024-2025" in started.stdout
    diff = cotcan("so-sanh", "--office", "pgddt-dau-tieng", "--from", "2023-2024", "--to", "2024-2025",
                  "--data", str(data))
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.startswith("Thay đổi 2023-2024 → 2024-2025: Phòng Giáo dục và Đào tạo huyện Dầu Tiếng")
    assert "CẢNH BÁO data/years/2024-2025/pgddt-dau-tieng.yml" in diff.stderr and "chỗ giữ" in diff.stderr
    assert "không xuất bản" not in diff.stderr


def test_diff_script_wrong_office_or_year(sample_data: Path) -> None:
    office = cotcan("so-sanh", "--office", "pgddt-x", "--data", str(sample_data))
    assert office.returncode == 2
    assert office.stderr.startswith("LỖI không có đơn vị nào mang mã 'pgddt-x'. Có phải: pgddt-mau")
    year = cotcan("so-sanh", "--office", "pgddt-mau", "--from", "2024-2025", "--data",
                  str(sample_data))
    assert year.returncode == 2
    assert year.stderr.startswith("Không so sánh được: không có năm học nào sau 2024-2025 để so sánh. Đơn vị "
                                  "pgddt-mau hoạt động đến hết ngày 30/06/2025; chưa có năm học nào của đơn vị kế thừa")
    assert year.stderr.endswith(f"cotcan nam-moi --office pgddt-mau --successor so-gddt-mau --data {sample_data}.\n")
    bad = cotcan("so-sanh", "--office", "pgddt-mau", "--to", "2024", "--data", str(sample_data))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    # --from and --to typed the wrong way round: refused, not a backwards diff ("new" bodies that are gone).
    swapped = cotcan("so-sanh", "--office", "pgddt-mau", "--from", "2024-2025", "--to", "2022-2023",
                     "--data", str(sample_data))
    assert (swapped.returncode, swapped.stdout) == (2, "")
    assert swapped.stderr == ("Không so sánh được: năm học --to (2022-2023) phải sau năm học --from (2024-2025); "
                              "có phải: --from 2022-2023 --to 2024-2025?\n")


def test_diff_script_within_a_year(sample_data: Path) -> None:
    text = cotcan("so-sanh", "--office", "pgddt-mau", "--year", "2024-2025", "--data", str(sample_data))
    assert text.returncode == 0, text.stderr
    assert text.stdout == (GOLDEN / "sample-2024-2025-trong-nam-hoc.txt").read_text(encoding="utf-8")
    one = cotcan("so-sanh", "--office", "pgddt-mau", "--year", "2024-2025", "--body", "mau-to-cot-can-toan",
                 "--json", "--data", str(sample_data))
    (day,) = json.loads(one.stdout)["days"]
    assert (day["from"], day["counts"]) == ("2024-11-04", {"member-joined": 1, "member-left": 1,
                                                           "leader-changed": 1})
    quiet = cotcan("so-sanh", "--office", "pgddt-mau", "--year", "2023-2024", "--data", str(sample_data))
    assert quiet.stdout.endswith("\n\nKhông có quyết định điều chỉnh danh sách nào trong năm học.\n")
    both = cotcan("so-sanh", "--office", "pgddt-mau", "--year", "2024-2025", "--from", "2023-2024",
                  "--data", str(sample_data))
    assert both.returncode == 2 and "--year" in both.stderr and "Traceback" not in both.stderr
    unknown = cotcan("so-sanh", "--office", "pgddt-mau", "--year", "2024-2025", "--body", "mau-x",
                     "--data", str(sample_data))
    assert (unknown.returncode, unknown.stderr) == (
        2, "Không so sánh được: năm học 2024-2025 không có tổ chức 'mau-x'.\n")


def test_an_unknown_office_is_said_alone_before_the_data_s_warnings(tmp_path: Path) -> None:
    """mend3-office item 6: `so-sanh --office <mistyped>` printed every draft warning of the
    data before the one line that mattered."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    path = data / "years" / "2024-2025" / "pgddt-mau.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    number: 215/QĐ-PGDĐT\n") == 1  # the decision not signed yet: a draft's warning
    path.write_text(text.replace("    number: 215/QĐ-PGDĐT\n", "    placeholder: true\n"), encoding="utf-8")
    warned = cotcan("so-sanh", "--office", "so-gddt-mau", "--data", str(data))
    assert warned.stderr.startswith("CẢNH BÁO"), warned.stderr
    done = cotcan("so-sanh", "--office", "so-gddt-dien-bin", "--data", str(data))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("LỖI không có đơn vị nào mang mã 'so-gddt-dien-bin'. Có phải: so-gddt-dien-bien")
    assert "CẢNH BÁO" not in done.stderr
