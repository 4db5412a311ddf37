"""The five seed documents, transcribed in data/: counts and key facts per seed."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import REPO
from portal.dates import SchoolYear
from portal.model import Body, Portal

Y2024 = SchoolYear(2024)


@pytest.fixture(scope="session")
def portal(repo_portal: Portal) -> Portal:
    return repo_portal


def body(portal: Portal, body_id: str, year: SchoolYear = Y2024) -> Body:
    return portal.bodies[(year, body_id)]


def names(portal: Portal, body: Body, role: str) -> list[str]:
    return [portal.people[m.person].name for m in body.members if m.role == role and m.person]


def test_dien_bien_phu_core_teams(portal: Portal) -> None:
    team = body(portal, "dbp-to-cot-can-thcs")
    assert team.declared_count == 88
    assert len(portal.numbered_rows(team)) == 88
    managers = body(portal, "dbp-to-cot-can-thcs-cbql")
    principals = [m for m in managers.members if m.role == "uy-vien"]
    assert len(principals) == 12
    assert all(m.position == "Hiệu trưởng" for m in principals)
    assert names(portal, managers, "to-truong") == ["Lê Thị Hồng"]
    assert names(portal, managers, "to-pho") == ["Nguyễn Hồng Ngọc"]
    teachers = body(portal, "dbp-to-cot-can-thcs-gv")
    groups = portal.children(teachers)
    assert len(groups) == 15
    assert sum(len(g.members) for g in groups) == 76
    assert [m.stt for m in portal.roster(teachers) if m.stt] == list(range(1, 77))
    leaders = {portal.subjects[g.subject].name: names(portal, g, "nhom-truong") for g in groups if g.subject}
    assert leaders["Toán"] == ["Hà Thị Liên"]
    assert leaders["Giáo dục thể chất"] == ["Đặng Vân Thùy"]
    assert leaders["Địa lí"] == ["Hoàng Thị Phương Thảo"]
    assert all(len(v) == 1 for v in leaders.values())
    deputies = Counter(portal.subjects[g.subject].name for g in groups for m in g.members
                       if m.role == "pho-nhom-truong" and g.subject)
    assert deputies == {"Toán": 1, "Hóa học": 1, "Vật lí": 1, "Lịch sử": 1}
    assert [d.role for d in managers.duties].count("uy-vien") >= 4
    decision = portal.documents["dbp-2024-qd-to-cot-can-thcs"]
    assert decision.number == "/QĐ-PGDĐT"
    assert decision.date is not None and decision.date.iso() == "2024"
    assert decision.signer is not None and decision.signer.person == "dbp-le-thi-hong"


def test_dien_bien_phu_spelling_variants_map_to_one_school(portal: Portal) -> None:
    him_lam = portal.schools["dbp-thcs-him-lam"]
    assert "T THCS Him Lam" in him_lam.aliases
    na_tau = portal.schools["dbp-thcs-na-tau"]
    assert {"THCS xã Nà Tàu", "THCS xã Nà Tấu"} <= {na_tau.name, *na_tau.aliases}
    rows = [m for g in portal.children(body(portal, "dbp-to-cot-can-thcs-gv")) for m in g.members]
    assert any(m.as_written == "Giáo viên - T THCS Him Lam" and m.unit == "dbp-thcs-him-lam" for m in rows)


def test_two_pham_thi_hanh_are_two_people(portal: Portal) -> None:
    hanh = [p for p in portal.people.values() if p.name == "Phạm Thị Hạnh"]
    assert len(hanh) == 2
    assert hanh[0].id in hanh[1].distinct_from


def test_cu_chi_clusters_and_inter_school_groups(portal: Portal) -> None:
    clusters = [b for b in portal.bodies_in(Y2024) if b.office == "pgddt-cu-chi" and b.kind == "cum-chuyen-mon"]
    groups = [b for b in portal.bodies_in(Y2024) if b.office == "pgddt-cu-chi" and b.kind == "nhom-lien-truong"]
    assert (len(clusters), len(groups)) == (2, 8)
    assert all(sum(1 for m in c.members if m.school) == 12 for c in clusters)
    assert names(portal, body(portal, "cc-cum-02"), "cum-truong") == ["Nguyễn Văn Quý"]
    assert names(portal, body(portal, "cc-cum-01"), "cum-truong") == ["Nguyễn Văn Hiếu"]
    assert len(names(portal, body(portal, "cc-cum-01"), "pho-cum-truong")) == 2
    lead_schools = [m.school for g in groups for m in g.members if m.role == "nhom-truong"]
    assert len(lead_schools) == 8
    assert lead_schools[1] == "cc-th-thcs-tan-trung"
    guide = portal.documents["cc-2024-hd-1671"]
    deadlines = sorted(a.due.iso() for a in guide.activities if a.due)
    assert "2024-12-20" in deadlines and "2025-05-16" in deadlines


def test_dau_tieng_council_plan(portal: Portal) -> None:
    y = SchoolYear(2023)
    assert body(portal, "dt-hoi-dong-cm-nv", y).no_roster
    mot, hai = body(portal, "dt-cum-mot", y), body(portal, "dt-cum-hai", y)
    assert names(portal, mot, "cum-truong") == ["Lê Văn Hoà"]
    assert names(portal, hai, "cum-truong") == ["Đỗ Tấn Nhạn"]
    assert (sum(1 for m in mot.members if m.school), sum(1 for m in hai.members if m.school)) == (9, 8)
    plan = portal.documents["dt-2023-kh-48"]
    periods = {(a.start.iso(), a.end.iso()) for a in plan.activities if a.start and a.end}
    assert {("2023-09", "2024-01"), ("2024-02", "2024-06"), ("2024-07", "2024-09")} <= periods
    pilots = {s for a in plan.activities for s in a.schools}
    assert {"dt-th-minh-tan", "dt-th-dinh-hiep"} <= pilots
    assert any(a.due and a.due.iso() == "2023-10-05" for a in plan.activities)


def test_thu_dau_mot_regulation(portal: Portal) -> None:
    network = body(portal, "tdm-to-mang-luoi-th", SchoolYear(2015))
    assert network.no_roster
    assert {d.role for d in network.duties} == {"to-truong", "to-pho", "thu-ky", "thanh-vien"}
    regulation = portal.documents["tdm-2015-quy-che-to-mang-luoi"]
    assert [(r.ref, r.relation) for r in regulation.related] == [("tdm-2015-qd-1630", "kem-theo")]


def test_kien_giang_chain(portal: Portal) -> None:
    letter = portal.documents["kg-2020-cv-831"]
    submission = portal.documents["kg-2020-tt-1307"]
    plan = portal.documents["kg-2020-kh-1308"]
    assert letter.issuer == "ubnd-tinh-kien-giang"
    assert ("kg-2020-tt-1307", "chap-thuan") in {(r.ref, r.relation) for r in letter.related}
    assert ("kg-2020-kh-1308", "trinh") in {(r.ref, r.relation) for r in submission.related}
    figures = {f.label: f for f in plan.figures}
    teachers = next(f for label, f in figures.items() if "GV" in label)
    assert teachers.value == 15331 and teachers.parts == {"TH": 8324, "THCS": 5003, "THPT": 1978, "GDTX": 26}
    assert sorted(a.step for a in plan.activities if a.step) == list(range(1, 9))


def test_private_contacts_are_kept_private(portal: Portal) -> None:
    le_van_hoa = portal.people["dt-le-van-hoa"]
    assert le_van_hoa.contact == {"phone": "0912944718"} and le_van_hoa.publish == ()
    assert "thiennv@dt.sgdbinhduong.edu.vn" in portal.private_values()
    for b in portal.bodies.values():
        for m in b.members:
            assert "0912" not in (m.as_written or "")


def _plain(text: str) -> str:
    """Without Markdown decoration and without spaces: words and punctuation as printed.

    Bold and italic marks are dropped ("* " bullets stay); spacing and line breaks
    may differ (a heading glued to the next one in the seed is split in data/).
    """
    text = re.sub(r"^#+ |^---$", "", text.replace("**", ""), flags=re.M)
    text = re.sub(r"^(\s*)\* ", r"\1BULLET ", text, flags=re.M).replace("*", "")
    text = text.replace("BULLET ", "* ")
    return "".join(text.split())


SEEDS = REPO.parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds is not beside this clone")
def test_every_line_of_every_seed_is_in_a_full_text(portal: Portal) -> None:
    texts = "|".join(_plain(d.text) for d in portal.documents.values() if d.text)
    missing = []
    for seed in sorted(SEEDS.glob("*.txt")):
        for line in seed.read_text(encoding="utf-8").splitlines():
            # The model is redacted at load: a private contact printed in a seed is hidden there too.
            plain = _plain(portal.redactor(line))
            if plain and plain not in texts:
                missing.append(f"{seed.name}: {plain}")
    assert missing == []
