"""Starting an office's next school year: ids kept, a placeholder only a draft accepts,
nothing overwritten, and an office that has ended refused with its successor named."""

from __future__ import annotations

import copy
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_util import PINNED_PACKAGE, cotcan
from test_diff import SAMPLE_FILES

from conftest import REPO
from portal import terms
from portal.dates import SchoolYear
from portal.diff import diff_years
from portal.load import load_or_raise
from portal.problems import DataError
from portal.schema import FILE_SCHEMAS


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
    assert "# [2024-2025] DỮ LIỆU MẪU, KHÔNG CÓ THẬT." in text  # the old comments are kept, with their year
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


# The second year and after, as a province lives them


@pytest.fixture
def repo_data(tmp_path: Path) -> Path:
    """The repository's data, copied: the sample Sở carries on the sample Phòng from 2025-2026."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path / "data"


def started(data: Path, office: str, *args: str) -> str:
    """`cotcan nam-moi --office OFFICE ARGS`, which must succeed; what it printed."""
    result = new_year("--office", office, *args, "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def _closed_on_reform_day(data: Path, school: str, name: str, successor: str) -> None:
    """One of Củ Chi's schools closed on 30/6/2025, `successor` carrying on."""
    path = data / "schools" / "pgddt-cu-chi.yml"
    entry = f"  - id: {school}\n    name: {name}\n    level: THCS\n"
    text = path.read_text(encoding="utf-8")
    assert entry in text
    path.write_text(text.replace(entry, entry + f"    valid_until: 2025-06-30\n    successor: {successor}\n"),
                    encoding="utf-8")


def sign(data: Path, year: str, office: str) -> None:
    """The clerk enters the signed decision over the placeholder `nam-moi` wrote into the year
    file: a number, and the mark gone."""
    path = data / "years" / year / f"{office}.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    placeholder: true\n") == 1
    path.write_text(text.replace("    placeholder: true\n", "    number: 301/QĐ-SGDĐT\n"), encoding="utf-8")


def year_file(data: Path, year: str, office: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((data / "years" / year / f"{office}.yml").read_text(encoding="utf-8"))
    return loaded


def fields_citing_the_original() -> dict[str, set[str]]:
    """The fields of a list's row and of a duty that cite a page of the signed original, from the schema."""
    body = FILE_SCHEMAS["year"]["properties"]["bodies"]["items"]["properties"]
    return {key: {name for name, field in body[key]["items"]["properties"].items()
                  if "bản gốc" in field.get("description", "")} for key in ("members", "duties")}


def test_a_new_year_cites_no_page_of_last_year_s_original(repo_data: Path) -> None:
    """The Sở's 2025-2026 rows cite page 2 of its signed original; its 2026-2027 has no original
    yet, so no row of it may say "tr. 2"."""
    citing = fields_citing_the_original()
    assert citing["members"] and citing["duties"]
    old = year_file(repo_data, "2025-2026", "so-gddt-mau")
    assert any(name in row for body in old["bodies"] for row in body.get("members") or [] for name in citing["members"])
    started(repo_data, "so-gddt-mau")
    new = year_file(repo_data, "2026-2027", "so-gddt-mau")
    for body in new["bodies"]:
        for key, names in citing.items():
            assert not [row for row in body.get(key) or [] if names & row.keys()], (body["id"], key)
    # Everything else of a row is kept, and the rows keep their layout: one a line.
    kept = [{k: v for k, v in row.items() if k not in citing["members"]} for b in old["bodies"] for row in b["members"]]
    assert kept == [row for b in new["bodies"] for row in b["members"]]
    text = (repo_data / "years" / "2026-2027" / "so-gddt-mau.yml").read_text(encoding="utf-8")
    assert ("\n      - {stt: 1, person: mau-pham-thi-lan, role: nhom-truong, position: Giáo viên, unit: "
            "mau-thcs-binh-minh, subject: Toán, note: Nhóm trưởng}\n") in text
    portal, _ = load_or_raise(repo_data, repo_data.parent, draft=True)
    assert not [m for b in portal.bodies_in(SchoolYear(2026)) for m in b.members if m.page is not None]


def test_a_list_amended_during_the_year_starts_the_next_numbered_from_one(sample_data: Path) -> None:
    """In 2024-2025 a second amending decision removed the Toán group's leader (STT 1) and made
    STT 2 the leader: 2025-2026 starts from the list at the end of the year, numbered 1..n once
    across the team and its subject groups, as the checker reads one list."""
    path = sample_data / "years" / "2024-2025" / "pgddt-mau.yml"
    text = path.read_text(encoding="utf-8")
    replaced = ("            with: {person: mau-pham-thi-lan, role: nhom-truong, position: Giáo viên, "
                "unit: mau-thcs-binh-minh, subject: Toán, note: Nhóm trưởng}\n")
    assert replaced in text
    text = text.replace(
        replaced,
        replaced +
        "      # Quyết định 301: từ 03/3/2025, bà Phạm Thị Lan thôi; nhóm trưởng là người đứng thứ hai.\n"
        "      - decision: mau-2024-qd-to-cot-can-kien-toan\n"
        "        from: 2025-03-03\n"
        "        remove:\n"
        "          - person: mau-pham-thi-lan\n"
        "        roles:\n"
        "          - {person: mau-do-thi-my-duyen, role: nhom-truong}\n", 1)
    path.write_text(text, encoding="utf-8")
    old_portal, _ = load_or_raise(sample_data, sample_data.parent)
    team = [b for b in old_portal.bodies_in(SchoolYear(2024)) if b.id == "mau-to-cot-can"
            or b.parent == "mau-to-cot-can"]
    at_the_end = [m.person for b in team for m in terms.history(b).latest if m.stt is not None]

    started(sample_data, "pgddt-mau")
    new = year_file(sample_data, "2025-2026", "pgddt-mau")
    rows = [row for b in new["bodies"] if b["id"] == "mau-to-cot-can" or b.get("parent") == "mau-to-cot-can"
            for row in b["members"]]
    numbered = [row for row in rows if "stt" in row]
    assert [row["person"] for row in numbered] == at_the_end and "mau-pham-thi-lan" not in at_the_end
    assert [row["stt"] for row in numbered] == list(range(1, len(numbered) + 1))
    assert [row for row in rows if "stt" not in row] == [row for row in rows[:3]]  # the leaders: none, as before
    toan = next(b for b in new["bodies"] if b["id"] == "mau-to-cot-can-toan")
    assert toan["members"][0] == {"stt": 1, "person": "mau-do-thi-my-duyen", "role": "nhom-truong",
                                  "position": "Giáo viên", "unit": "mau-thcs-binh-minh", "subject": "Toán"}
    # Clusters are lists of their own: numbered as they were.
    assert [r.get("stt") for b in new["bodies"] if b["id"] == "mau-cum-1" for r in b["members"]] == [
        None, None, None, 1, 2, 3, 4]
    load_or_raise(sample_data, sample_data.parent, draft=True)


def leading_comments(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[:next(i for i, line in enumerate(lines) if not line.startswith("#"))]


CARRIED = "# Ghi chú chép từ các năm học trước, năm học viết ghi chú ở đầu mỗi dòng:"


def labelled(year: str, notes: list[str]) -> list[str]:
    """Comment lines as nam-moi carries them, each with the year it was written in."""
    return [f"# [{year}] {line.removeprefix('#').removeprefix(' ')}" if line.strip("# ") else f"# [{year}]"
            for line in notes]


def test_the_header_is_written_anew_each_year_and_the_clerk_s_notes_carried_once(repo_data: Path) -> None:
    """The Sở's second and third years: no successor's line (it succeeds no one in them), no
    "schools received" line, and the clerk's notes once, not nested, each line naming the year
    it was written in (the Phòng's 2024-2025), not the year before each. The Sở's 2025-2026 was
    written before each carried line said its year (one line over the block): its block is read
    up to its first blank line, and the note the clerk added below that is 2025-2026's own."""
    successor_line = "# Đơn vị kế thừa so-gddt-mau ban hành năm học này thay đơn vị đã chấm dứt."
    path = repo_data / "years" / "2025-2026" / "so-gddt-mau.yml"
    first = leading_comments(path)
    assert successor_line in first  # the first year, copied from the Phòng that ended
    notes = first[first.index("# Ghi chú chép từ năm học 2024-2025:") + 1:]
    own = "# Ghi chú năm 2025-2026: Sở tiếp nhận cụm 01 từ 01/07/2025."
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nschool_year:", f"\n\n{own}\nschool_year:", 1), encoding="utf-8")
    started(repo_data, "so-gddt-mau")
    sign(repo_data, "2026-2027", "so-gddt-mau")
    started(repo_data, "so-gddt-mau")
    for year, old in (("2026-2027", "2025-2026"), ("2027-2028", "2026-2027")):
        path = repo_data / "years" / year / "so-gddt-mau.yml"
        assert leading_comments(path) == [
            f"# Năm học {year}: chép từ data/years/{old}/so-gddt-mau.yml.",
            f"# Tổ chức, thành viên và nhiệm vụ giữ như năm học {old}; văn bản của năm cũ đã bỏ.",
            "# Sửa theo quyết định mới; giữ nguyên mã (id) của tổ chức, người và trường.",
            CARRIED, *labelled("2024-2025", notes)]
        assert path.read_text(encoding="utf-8").splitlines()[len(notes) + 4:len(notes) + 6] == [
            "", "# [2025-2026] Ghi chú năm 2025-2026: Sở tiếp nhận cụm 01 từ 01/07/2025."]
        assert "# Trường nhận từ đơn vị đã chấm dứt" not in path.read_text(encoding="utf-8")
        assert year_file(repo_data, year, "so-gddt-mau")["schools"] == year_file(
            repo_data, "2025-2026", "so-gddt-mau")["schools"]


def test_a_new_office_s_second_year_says_it_succeeded_no_one(tmp_path: Path) -> None:
    site = tmp_path / "newsite"
    made = cotcan("tao-trang", str(site), "--office", "pgddt-thu", "--name", "Phòng Giáo dục và Đào tạo huyện Thử",
                  *PINNED_PACKAGE)
    assert made.returncode == 0, made.stderr
    (year,) = (site / "data" / "years").iterdir()
    sign(site / "data", year.name, "pgddt-thu")
    started(site / "data", "pgddt-thu")
    following = SchoolYear(int(year.name[:4]) + 1).label
    path = site / "data" / "years" / following / "pgddt-thu.yml"
    text = path.read_text(encoding="utf-8")
    assert "kế thừa" not in text and "đã chấm dứt" not in text
    # The new site's line about its own year is not carried into the next as a note.
    assert "các văn bản, tổ chức và thành viên" in (year / "pgddt-thu.yml").read_text(encoding="utf-8")
    assert len(leading_comments(path)) == 3 and "các văn bản, tổ chức và thành viên" not in text


def test_a_successor_s_first_year_still_says_whom_it_carries_on(repo_data: Path) -> None:
    started(repo_data, "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm")
    header = leading_comments(repo_data / "years" / "2025-2026" / "so-gddt-tp-hcm.yml")
    assert "# Đơn vị kế thừa so-gddt-tp-hcm ban hành năm học này thay đơn vị đã chấm dứt." in header
    assert header.count(CARRIED) == 1 and "# Ghi chú chép từ năm học 2024-2025:" not in header
    assert header[header.index(CARRIED) + 1].startswith("# [2024-2025] ")


def close_an_nhon(data: Path) -> None:
    """THCS An Nhơn merges into THCS Long Thạnh at the end of 2025-2026, as a clerk writes it."""
    path = data / "schools" / "pgddt-mau.yml"
    text = path.read_text(encoding="utf-8")
    entry = "  - id: mau-thcs-an-nhon\n    name: THCS An Nhơn (dữ liệu mẫu)\n    level: THCS\n"
    assert entry in text
    path.write_text(text.replace(entry, entry + "    valid_until: 2026-06-30\n    successor: mau-thcs-long-thanh\n"),
                    encoding="utf-8")


def test_a_school_that_closed_is_left_out_of_the_new_year_and_its_people_flagged(repo_data: Path) -> None:
    close_an_nhon(repo_data)
    old = year_file(repo_data, "2025-2026", "so-gddt-mau")
    printed = started(repo_data, "so-gddt-mau")
    new = year_file(repo_data, "2026-2027", "so-gddt-mau")
    assert "mau-thcs-an-nhon" in old["schools"]
    assert new["schools"] == [s for s in old["schools"] if s != "mau-thcs-an-nhon"]
    assert "mau-thcs-an-nhon" not in (repo_data / "years" / "2026-2027" / "so-gddt-mau.yml").read_text(encoding="utf-8")
    # Its people stay, without a unit: their new school is not guessed.
    people = {row["person"]: row for body in new["bodies"] for row in body["members"] if "person" in row}
    moved = [row["person"] for body in old["bodies"] for row in body["members"]
             if row.get("unit") == "mau-thcs-an-nhon"]
    assert len(moved) == 2
    for person in moved:
        assert "unit" not in people[person] and "as_written" not in people[person]
    # The cluster that listed it is numbered anew.
    cluster = next(b for b in new["bodies"] if b["id"] == "mau-cum-2")
    assert [r.get("stt") for r in cluster["members"] if "school" in r] == [1, 2]
    assert ("  - THCS An Nhơn (dữ liệu mẫu) (mau-thcs-an-nhon): hoạt động đến hết ngày 30/06/2026, sáp nhập vào "
            "THCS Long Thạnh (dữ liệu mẫu) (mau-thcs-long-thanh).") in printed
    portal, _ = load_or_raise(repo_data, repo_data.parent, draft=True)
    for person in moved:
        assert f"  - {portal.people[person].name}, " in printed
    assert printed.count("(đơn vị cũ: THCS An Nhơn (dữ liệu mẫu))") == 2


def test_a_unit_left_out_because_its_school_closed_is_asked_for_until_it_is_filled_in(repo_data: Path) -> None:
    """THCS Nhuận Đức closed on 30/6/2025: the Sở's copy of Củ Chi's year keeps ông Điền's row
    without his unit, which nam-moi said once. The check said nothing after it (0 lỗi, 0 cảnh báo
    once the decision was entered), and the rows were published with no unit; it now asks for the
    unit at every run, as for every placeholder the copy leaves: a warning in the draft, an error
    otherwise, until the row names one."""
    _closed_on_reform_day(repo_data, "cc-thcs-nhuan-duc", "THCS Nhuận Đức", "cc-thcs-phuoc-hiep")
    said = started(repo_data, "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm")
    assert "  - Nguyễn Thanh Điền, Cụm 02 (đơn vị cũ: THCS Nhuận Đức)" in said
    assert "'cotcan kiem-tra' nhắc lại cho đến khi điền xong" in said
    target = repo_data / "years" / "2025-2026" / "so-gddt-tp-hcm.yml"
    row = "      - person: cc-nguyen-thanh-dien\n"
    line = target.read_text(encoding="utf-8").splitlines(keepends=True).index(row) + 1

    def asked(*options: str) -> tuple[int, list[str]]:
        checked = cotcan("kiem-tra", *options, "--data", str(repo_data))
        return checked.returncode, [block for block in checked.stdout.split("\n\n") if "Nguyễn Thanh Điền" in block]

    code, [draft] = asked("--draft")
    assert code == 0
    assert draft.startswith(f"CẢNH BÁO data/years/2025-2026/so-gddt-tp-hcm.yml, dòng {line}, mục "
                            "bodies[1].members[1].unit: Nguyễn Thanh Điền: chưa có đơn vị công tác trong năm học "
                            "2025-2026; đơn vị năm học 2024-2025 là THCS Nhuận Đức, đã chấm dứt hoạt động sau ngày "
                            "30/06/2025."), draft
    assert "Trường kế thừa: 'cc-thcs-phuoc-hiep'." in draft
    sign(repo_data, "2025-2026", "so-gddt-tp-hcm")
    code, [final] = asked()
    assert code == 1 and final.startswith("LỖI data/years/2025-2026/so-gddt-tp-hcm.yml"), final
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace(row, row + "        unit: cc-thcs-phuoc-hiep\n"), encoding="utf-8")
    assert asked() == (0, [])


ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|but|its|is|with)\b", re.IGNORECASE)


def test_the_comments_carried_into_a_new_year_are_the_clerk_s_vietnamese(repo_data: Path) -> None:
    """Every shipped office's next year (its successor's, for an office that ended): the comments
    the new file carries are read by the clerk, so none is an English note left for developers."""
    portal, _ = load_or_raise(repo_data, repo_data.parent)
    written = []
    for office_id in sorted({oy.office for oy in portal.office_years}):
        office = portal.offices[office_id]
        latest = max(oy.school_year for oy in portal.office_years if oy.office == office_id)
        following = SchoolYear(latest.start + 1)
        heirs = [x.office for x in office.successors] if office.ended_before(following) else [None]
        issuer = heirs[0] or office_id
        if (repo_data / "years" / following.label / f"{issuer}.yml").exists():
            continue
        started(repo_data, office_id, *(("--successor", issuer) if heirs[0] else ()))
        written.append(repo_data / "years" / following.label / f"{issuer}.yml")
    assert len(written) >= 4
    for path in written:
        comments = [line for line in path.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")]
        assert comments and not [line for line in comments if ENGLISH_WORDS.search(line)], path


def test_a_group_whose_leading_school_closed_is_started_and_its_leader_awaited(repo_data: Path) -> None:
    """THCS An Nhơn Tây leads Củ Chi's Nhóm 4 and merged into THCS An Phú on 30/6/2025: the Sở's
    copy leaves it out (its successor is not guessed to lead), so the group has no leader. The
    copy was refused and the year could not be started at all; now the draft check says the
    signed list will name the leader (a warning, as every placeholder of the year), and the
    build refuses the year until it does."""
    _closed_on_reform_day(repo_data, "cc-thcs-an-nhon-tay", "THCS An Nhơn Tây", "cc-thcs-an-phu")
    result = new_year("--office", "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm", "--data", str(repo_data))
    assert result.returncode == 0, result.stderr
    assert ("  - THCS An Nhơn Tây (cc-thcs-an-nhon-tay): hoạt động đến hết ngày 30/06/2025, sáp nhập vào THCS An Phú "
            "(cc-thcs-an-phu).") in result.stdout + result.stderr
    draft = cotcan("kiem-tra", "--draft", "--data", str(repo_data))
    assert draft.returncode == 0 and ": không có nhóm trưởng." in draft.stdout, draft.stdout
    leaderless = next(block for block in draft.stdout.split("\n\n") if ": không có nhóm trưởng." in block)
    assert leaderless.startswith("CẢNH BÁO data/years/2025-2026/so-gddt-tp-hcm.yml"), leaderless
    assert "danh sách đã ký sẽ ghi nhóm trưởng" in leaderless
    final = cotcan("kiem-tra", "--data", str(repo_data))
    assert final.returncode == 1 and any(block.startswith("LỖI") and ": không có nhóm trưởng." in block
                                         for block in final.stdout.split("\n\n"))


def test_the_line_over_an_added_district_s_bodies_is_not_carried_into_later_years(repo_data: Path) -> None:
    """nam-moi writes it among the Sở's bodies, after the last row of the list above: copying
    the Sở's year, every line nam-moi wrote is written anew or not at all, never kept with the
    rows."""
    started(repo_data, "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm")
    started(repo_data, "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--to", "2025-2026")
    added = "# Tiếp tục các tổ chức của pgddt-dau-tieng (năm học 2023-2024), chép thêm bằng cotcan nam-moi."
    first = (repo_data / "years" / "2025-2026" / "so-gddt-tp-hcm.yml").read_text(encoding="utf-8")
    assert f"\n  {added}\n  - id: dt-" in first
    sign(repo_data, "2025-2026", "so-gddt-tp-hcm")
    started(repo_data, "so-gddt-tp-hcm")
    text = (repo_data / "years" / "2026-2027" / "so-gddt-tp-hcm.yml").read_text(encoding="utf-8")
    assert "Tiếp tục các tổ chức" not in text
    assert [b["id"] for b in year_file(repo_data, "2026-2027", "so-gddt-tp-hcm")["bodies"]] == [
        b["id"] for b in year_file(repo_data, "2025-2026", "so-gddt-tp-hcm")["bodies"]]


def test_a_reason_for_no_list_citing_the_old_decision_is_marked_as_copied(repo_data: Path) -> None:
    """Dầu Tiếng's Hội đồng had its list in Quyết định 68/QĐ-PGDĐT of 2023-2024: the new year
    does not say so of itself; the report names the body. A reason citing no document stays."""
    council = "dt-hoi-dong-cm-nv"
    old = next(b for b in year_file(repo_data, "2023-2024", "pgddt-dau-tieng")["bodies"] if b["id"] == council)
    assert "68/QĐ-PGDĐT" in old["no_roster"]
    told = started(repo_data, "pgddt-dau-tieng")
    new = next(b for b in year_file(repo_data, "2024-2025", "pgddt-dau-tieng")["bodies"] if b["id"] == council)
    assert new["no_roster"] == ("Chép từ năm học 2023-2024, chưa sửa theo văn bản năm học 2024-2025: "
                                + old["no_roster"])
    assert ("Lý do không có danh sách ('no_roster') nhắc văn bản của năm học cũ, đã ghi thêm 'Chép từ năm học "
            f"2023-2024…': sửa theo quyết định mới (hoặc thay bằng danh sách):\n  - {old['name']}\n") in told
    # A reason that cites no document of the year stays as it is.
    kept = [b for b in year_file(repo_data, "2015-2016", "pgddt-thu-dau-mot")["bodies"] if b.get("no_roster")]
    assert kept
    told = started(repo_data, "pgddt-thu-dau-mot")
    assert "no_roster" not in told
    assert [(b["id"], b["no_roster"]) for b in year_file(repo_data, "2016-2017", "pgddt-thu-dau-mot")["bodies"]
            if b.get("no_roster")] == [(b["id"], b["no_roster"]) for b in kept]


_DOCUMENTED_NEW_YEAR = re.compile(r"`(cotcan nam-moi --office [^`]*)`")


@pytest.mark.parametrize("page", ["README.md", "docs/commands.md"])
def test_the_documented_new_year_commands_run_on_the_shipped_data(repo_data: Path, page: str) -> None:
    """README's "Adding a new school year" told `cotcan nam-moi --office pgddt-cu-chi --from
    2024-2025 --to 2025-2026`, which the shipped data refuses (Củ Chi ended on 30/6/2025):
    every nam-moi command the page writes out in full runs, in the page's order, on one copy
    of the shipped data (a usage line with placeholders is no command). A year a command
    started is a draft that the next would refuse to copy: its decision is signed in between,
    as the clerk does before starting the year after."""
    found = [" ".join(command.split()) for command in _DOCUMENTED_NEW_YEAR.findall(
        (REPO / page).read_text(encoding="utf-8"))]
    lines = [line for line in found if not re.search(r"[<\[…]|\bID\b", line)]
    assert lines
    for line in lines:
        done = cotcan(*line.split()[1:], "--data", str(repo_data))
        assert done.returncode == 0, (line, done.stderr)
        for started_year in re.findall(r"data/years/([\d-]+)/([a-z0-9-]+)\.yml", done.stdout)[:1]:
            sign(repo_data, *started_year)


def test_a_successor_without_a_year_is_told_how_its_first_one_starts(repo_data: Path) -> None:
    """`cotcan nam-moi --office so-gddt-tp-hcm` on the shipped data said "không có dữ liệu năm
    học  để chép" (a year left blank in the sentence): it names the ended offices' commands."""
    done = new_year("--office", "so-gddt-tp-hcm", "--data", str(repo_data))
    assert done.returncode == 2 and "  " not in done.stderr.strip()
    assert "chưa có năm học nào để chép" in done.stderr
    assert "cotcan nam-moi --office pgddt-cu-chi --successor so-gddt-tp-hcm" in done.stderr


# Three rows of the sample's Ngữ văn group as shipped (one line each), which tests rewrite.
_NGU_VAN_ROWS = ("      - {stt: 5, person: mau-nguyen-van-phuc, role: nhom-truong, position: Giáo viên, "
                 "unit: mau-thcs-tan-phu, subject: Ngữ văn}\n"
                 "      - {stt: 6, person: mau-tran-thi-kim-oanh, role: uy-vien, position: Phó Hiệu trưởng, "
                 "unit: mau-thcs-phuoc-an, subject: Ngữ văn}\n"
                 "      - {stt: 7, person: mau-mai-thi-hong-nhung, role: uy-vien, position: Giáo viên, "
                 "unit: mau-th-thcs-suoi-da, subject: Ngữ văn}\n")


def test_a_clerk_s_comments_inside_a_row_are_kept_when_the_row_is_rewritten(sample_data: Path) -> None:
    """Rows that lose their page (and one that loses it first of all) are rewritten: the
    comments on and inside them stay, in their place, and the data is what the new year holds."""
    path = sample_data / "years" / "2024-2025" / "pgddt-mau.yml"
    text = path.read_text(encoding="utf-8")
    rows = _NGU_VAN_ROWS
    assert rows in text
    clerk = ("      - stt:   5\n"
             "        person: mau-nguyen-van-phuc   # chuyển trường từ 1/10\n"
             "        # nhóm trưởng từ năm 2022\n"
             "        role: nhom-truong\n"
             "        position: Giáo viên\n"
             "        unit: mau-thcs-tan-phu\n"
             "        subject: Ngữ văn\n"
             "        page: 3   # trang 3 bản scan\n"
             "      - page: 3\n"
             "        stt: 6 # số thứ tự theo QĐ\n"
             "        person: mau-tran-thi-kim-oanh\n"
             "        role: uy-vien\n"
             "        position: Phó Hiệu trưởng\n"
             "        unit: mau-thcs-phuoc-an\n"
             "        subject: Ngữ văn\n"
             "        note: 'Kiêm # thư ký'   # dấu # trong ngoặc là chữ\n"
             "      - {stt: 7, person: mau-mai-thi-hong-nhung, role: uy-vien, position: Giáo viên, "
             "unit: mau-th-thcs-suoi-da, subject: Ngữ văn, page: 3}    # xem lại chức vụ\n")
    path.write_text(text.replace(rows, clerk), encoding="utf-8")
    old = yaml.safe_load(path.read_text(encoding="utf-8"))

    started(sample_data, "pgddt-mau")
    written = (sample_data / "years" / "2025-2026" / "pgddt-mau.yml").read_text(encoding="utf-8")
    assert ("      - stt:   5\n"
            "        person: mau-nguyen-van-phuc   # chuyển trường từ 1/10\n"
            "        # nhóm trưởng từ năm 2022\n"
            "        role: nhom-truong\n") in written
    assert "        subject: Ngữ văn\n        # trang 3 bản scan\n      - stt: 6 # số thứ tự theo QĐ\n" in written
    assert "        note: 'Kiêm # thư ký'   # dấu # trong ngoặc là chữ\n" in written
    assert ("      - {stt: 7, person: mau-mai-thi-hong-nhung, role: uy-vien, position: Giáo viên, "
            "unit: mau-th-thcs-suoi-da, subject: Ngữ văn}    # xem lại chức vụ\n") in written
    van = next(b for b in yaml.safe_load(written)["bodies"] if b["id"] == "mau-to-cot-can-ngu-van")
    was = next(b for b in old["bodies"] if b["id"] == "mau-to-cot-can-ngu-van")
    assert van["members"] == [{k: v for k, v in row.items() if k != "page"} for row in was["members"]]


def insert_notes(path: Path, notes: dict[int, str]) -> None:
    """A clerk's comment lines added at the top of a year file, each before the line of that
    index (as the file stands before any is added)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for at, note in sorted(notes.items(), reverse=True):
        lines[at:at] = note.split("\n")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_notes_carried_over_three_years_keep_the_year_they_were_written_in(sample_data: Path) -> None:
    """2024-2025's notes are carried into every later year, each line labelled 2024-2025. Each
    year the clerk writes a note somewhere else among the first lines: above the header, between
    its lines, below the carried notes just above `school_year:`, in the middle of the carried
    notes. Each is labelled with the year it was written in, and keeps it; none is re-dated, no
    label piles up."""
    years = ("2025-2026", "2026-2027", "2027-2028")
    notes = leading_comments(sample_data / "years" / "2024-2025" / "pgddt-mau.yml")
    assert len(notes) > 2 and not any("Ghi chú chép" in line for line in notes)
    carried = labelled("2024-2025", notes)
    started(sample_data, "pgddt-mau")
    second = sample_data / "years" / years[0] / "pgddt-mau.yml"
    assert leading_comments(second)[3:] == [CARRIED, *carried]
    ended = 4 + len(carried)  # the line after the carried notes: school_year
    insert_notes(second, {0: "#Năm 2025-2026: chờ quyết định kiện toàn của Sở.\n#",
                          2: "#   Sở chưa giao chỉ tiêu Tổ Tin học (hỏi lại tháng 10)  ",
                          ended: "# Ghi chú năm 2025-2026: Sở tiếp nhận cụm 01 từ 01/07/2025."})
    sign(sample_data, years[0], "pgddt-mau")
    started(sample_data, "pgddt-mau")
    third = sample_data / "years" / years[1] / "pgddt-mau.yml"
    of_2025 = ["# [2025-2026] Năm 2025-2026: chờ quyết định kiện toàn của Sở.", "# [2025-2026]",
               "# [2025-2026]   Sở chưa giao chỉ tiêu Tổ Tin học (hỏi lại tháng 10)  ",
               "# [2025-2026] Ghi chú năm 2025-2026: Sở tiếp nhận cụm 01 từ 01/07/2025."]
    assert leading_comments(third) == [
        "# Năm học 2026-2027: chép từ data/years/2025-2026/pgddt-mau.yml.",
        "# Tổ chức, thành viên và nhiệm vụ giữ như năm học 2025-2026; văn bản của năm cũ đã bỏ.",
        "# Sửa theo quyết định mới; giữ nguyên mã (id) của tổ chức, người và trường.",
        CARRIED, *carried, *of_2025]
    # 2026-2027: one note among the 2024-2025 lines, one at the end of the carried lines.
    insert_notes(third, {5: "# Năm 2026-2027: Tổ Tin học đã có quyết định.",
                         4 + len(carried) + len(of_2025): "# Cụm 01 họp lần đầu ngày 15/9/2026."})
    sign(sample_data, years[1], "pgddt-mau")
    started(sample_data, "pgddt-mau")
    assert leading_comments(sample_data / "years" / years[2] / "pgddt-mau.yml")[3:] == [
        CARRIED, *carried, *of_2025,
        "# [2026-2027] Năm 2026-2027: Tổ Tin học đã có quyết định.",
        "# [2026-2027] Cụm 01 họp lần đầu ngày 15/9/2026."]


def test_a_block_text_and_an_anchor_keep_their_layout_when_the_row_is_rewritten(sample_data: Path) -> None:
    """Rows that lose their page: a folded note whose second line starts with '#' (text, no
    comment), a literal note ending the row, and a row with an anchor (the checker refuses an
    alias, not an anchor alone). Each keeps its layout (only the page line goes), the anchor
    stays, and the data is what the new year holds."""
    path = sample_data / "years" / "2024-2025" / "pgddt-mau.yml"
    text = path.read_text(encoding="utf-8")
    rows = _NGU_VAN_ROWS
    folded = ("      - stt: 5\n"
              "        person: mau-nguyen-van-phuc\n"
              "        role: nhom-truong\n"
              "        page: 3\n"
              "        note: >-\n"
              "          Phụ trách chuyên đề đọc hiểu\n"
              "          # 12 theo Công văn 12/PGDĐT, là chữ của ghi chú\n")
    literal = ("      - stt: 6\n"
               "        person: mau-tran-thi-kim-oanh\n"
               "        role: uy-vien\n"
               "        page: 3\n"
               "        note: |\n"
               "          Kiêm thư ký\n"
               "          từ tháng 10\n")
    anchored = ("      - &nhung {stt: 7, person: mau-mai-thi-hong-nhung, role: uy-vien, unit: mau-th-thcs-suoi-da, "
                "page: 3}    # xem lại chức vụ\n")
    assert rows in text
    path.write_text(text.replace(rows, folded + literal + anchored), encoding="utf-8")
    old = yaml.safe_load(path.read_text(encoding="utf-8"))

    started(sample_data, "pgddt-mau")
    written = (sample_data / "years" / "2025-2026" / "pgddt-mau.yml").read_text(encoding="utf-8")
    assert folded.replace("        page: 3\n", "") in written
    assert literal.replace("        page: 3\n", "") in written
    assert ("      - &nhung {stt: 7, person: mau-mai-thi-hong-nhung, role: uy-vien, unit: mau-th-thcs-suoi-da}"
            "    # xem lại chức vụ\n") in written
    assert "# 12 theo Công văn" not in written.replace(folded.splitlines()[-1], "")  # no copy as a comment
    new = {b["id"]: b for b in yaml.safe_load(written)["bodies"]}
    van = next(body for body in old["bodies"] if body["id"] == "mau-to-cot-can-ngu-van")
    assert new[van["id"]]["members"] == [{k: v for k, v in row.items() if k != "page"} for row in van["members"]]


def test_a_year_still_a_draft_is_not_copied_into_the_year_after(sample_data: Path) -> None:
    """A second `nam-moi` run copied 2025-2026, whose decision was still the placeholder, into a
    2026-2027 nobody asked for, which every later default year then landed on: refused, nothing
    written, the clerk told to enter the signed decision and list; the only way to start the
    year after anyway is to copy the last signed year, named in full."""
    started(sample_data, "pgddt-mau")
    again = new_year("--office", "pgddt-mau", "--data", str(sample_data))
    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert "năm học 2025-2026 của Phòng GDĐT huyện Mẫu (dữ liệu mẫu) vẫn là bản nháp" in again.stderr
    assert "'pgddt-mau-2025-qd-cho-so' trong data/years/2025-2026/pgddt-mau.yml" in again.stderr
    assert "cotcan nhap --office pgddt-mau --year 2025-2026 --input danh-sach.docx" in again.stderr
    assert not (sample_data / "years" / "2026-2027").exists()
    explicit = new_year("--office", "pgddt-mau", "--from", "2025-2026", "--to", "2026-2027", "--data", str(sample_data))
    assert explicit.returncode == 2 and "vẫn là bản nháp" in explicit.stderr
    assert not (sample_data / "years" / "2026-2027").exists()
    # The default year of the other commands stays the year being prepared.
    workbook = cotcan("nhap", "--office", "pgddt-mau", "--workbook", str(sample_data.parent / "ds.xlsx"),
                      "--data", str(sample_data))
    assert workbook.returncode == 0 and "năm học 2025-2026" in workbook.stdout
    anyway = re.search(r"chép từ năm học gần nhất đã có quyết định: (cotcan nam-moi [^.]*)\.", again.stderr)
    assert anyway is not None and anyway.group(1) == ("cotcan nam-moi --office pgddt-mau --from 2024-2025 "
                                                      f"--to 2026-2027 --data {sample_data}")
    assert cotcan(*shlex.split(anyway.group(1))[1:]).returncode == 0
    assert year_file(sample_data, "2026-2027", "pgddt-mau")["school_year"] == "2026-2027"


def test_a_draft_refused_for_a_successor_names_a_command_that_starts_it(repo_data: Path) -> None:
    """mend3-office item 2: the hint for `--successor` dropped `--successor` (and `--data`), so
    that pasted it was refused again (the Phòng ended; use --successor)."""
    (repo_data / "years" / "2025-2026" / "so-gddt-mau.yml").unlink()
    path = repo_data / "years" / "2024-2025" / "pgddt-mau.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    number: 215/QĐ-PGDĐT\n") == 1
    path.write_text(text.replace("    number: 215/QĐ-PGDĐT\n", "    placeholder: true\n"), encoding="utf-8")
    refused = new_year("--office", "pgddt-mau", "--successor", "so-gddt-mau", "--data", str(repo_data))
    assert refused.returncode == 2 and "năm học 2024-2025 của Phòng GDĐT huyện Mẫu (dữ liệu mẫu) vẫn là bản nháp" \
        in refused.stderr
    hint = re.search(r"chép từ năm học gần nhất đã có quyết định: (cotcan nam-moi .*?)\.$", refused.stderr, re.M)
    assert hint is not None
    pasted = cotcan(*shlex.split(hint.group(1))[1:])
    assert pasted.returncode == 0, pasted.stderr
    assert year_file(repo_data, "2025-2026", "so-gddt-mau")["school_year"] == "2025-2026"


def test_a_new_site_s_placeholder_year_is_not_copied(tmp_path: Path) -> None:
    """On a brand-new site `nam-moi` created the year after the site's own at once."""
    site = tmp_path / "trang mới"
    made = cotcan("tao-trang", str(site), "--office", "so-a", "--name", "Sở Giáo dục và Đào tạo tỉnh A",
                  *PINNED_PACKAGE)
    assert made.returncode == 0, made.stderr
    (year,) = (site / "data" / "years").iterdir()
    refused = cotcan("nam-moi", "--office", "so-a", cwd=site)
    assert refused.returncode == 2 and f"năm học {year.name} của" in refused.stderr
    assert "vẫn là bản nháp" in refused.stderr and "gần nhất đã có quyết định" not in refused.stderr
    assert [y.name for y in (site / "data" / "years").iterdir()] == [year.name]


@pytest.mark.parametrize("successor", [False, True])
def test_ctrl_c_during_the_check_of_a_new_year_undoes_the_file(
        request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, successor: bool) -> None:
    """mend3-office item 3: Ctrl+C while the new file was checked left it written and unchecked,
    and a rerun said it was there already ("đã có; không ghi đè"). Now it is removed (a file
    added to is put back as it was), and the line says so."""
    from portal import newyear

    if successor:  # the Sở's file for 2025-2026 carries Củ Chi on; Dầu Tiếng is added to it
        repo_data = request.getfixturevalue("repo_data")
        started(repo_data, "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm")
        args = ("--office", "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--to", "2025-2026")
        target, said = "so-gddt-tp-hcm.yml", "các phần chép thêm đã được bỏ, tệp giữ như cũ"
    else:
        repo_data = request.getfixturevalue("sample_data")
        args = ("--office", "pgddt-mau")
        target, said = "pgddt-mau.yml", "đã bị xóa"
    before = {p: p.read_bytes() for p in sorted(repo_data.rglob("*")) if p.is_file()}
    real_load = newyear.load

    def interrupted_once_written(*args: object, **kwargs: object) -> object:
        if {p: p.read_bytes() for p in sorted(repo_data.rglob("*")) if p.is_file()} != before:
            raise KeyboardInterrupt
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(newyear, "load", interrupted_once_written)
    stopped = new_year(*args, "--data", str(repo_data))
    assert stopped.returncode == 130 and "Traceback" not in stopped.stderr
    assert stopped.stderr == f"Đã dừng theo yêu cầu (Ctrl+C); data/years/2025-2026/{target} {said}.\n"
    assert {p: p.read_bytes() for p in sorted(repo_data.rglob("*")) if p.is_file()} == before
    monkeypatch.undo()
    assert new_year(*args, "--data", str(repo_data)).returncode == 0
