"""Offices that end and who carries on: the checker's rules, the managing office of a school
per year, the next year refused and redirected to a successor, the diff across the change,
the pages of an ended office and of a school, and the search filters."""

from __future__ import annotations

import copy
import difflib
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_util import cotcan
from test_pages import article_text

from conftest import REPO, Dataset
from portal import vocab
from portal.dates import SchoolYear
from portal.diff import diff_years
from portal.diff_report import format_text, to_json
from portal.load import load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.view import View

OFFICES = "data/offices.yml"
Y2024, Y2025 = SchoolYear(2024), SchoolYear(2025)


def ended(dataset: Dataset, **fields: Any) -> dict[str, Any]:
    """Phòng A ends on 30/6/2025; Sở B (open) is there to carry on."""
    offices = dataset.files["offices.yml"]["offices"]
    offices.append({"id": "so-b", "name": "Sở Giáo dục và Đào tạo B", "short_name": "Sở GDĐT B", "kind": "so-gddt"})
    offices[0].update({"valid_until": "2025-06-30", "end_reason": "giai-the",
                       "successors": [{"office": "so-b", "took_over": "quản lý chuyên môn"}], **fields})
    return offices[0]


def messages(dataset: Dataset) -> list[str]:
    return [p.format() for p in dataset.problems()]


# The checker's rules


def test_an_ended_office_with_its_successor_passes(dataset: Dataset) -> None:
    ended(dataset)
    assert dataset.problems() == []


def test_a_reason_is_required_when_there_is_an_end(dataset: Dataset) -> None:
    del ended(dataset)["end_reason"]
    (problem,) = dataset.problems()
    assert (problem.file, problem.path, problem.severity) == (OFFICES, "offices[0].valid_until", "error")
    assert "không ghi lý do" in problem.message
    assert problem.expected is not None
    for key, label in vocab.OFFICE_END_REASONS.items():  # every reason offered, with its label
        assert f"{key} ({label})" in problem.expected


def test_an_unknown_reason_is_refused_with_the_choices(dataset: Dataset) -> None:
    ended(dataset, end_reason="bi-xoa")
    (problem,) = dataset.problems()
    assert problem.path == "offices[0].end_reason" and problem.severity == "error"
    assert problem.expected == "một trong: " + ", ".join(vocab.OFFICE_END_REASONS)


def test_a_reason_or_successors_without_an_end_date(dataset: Dataset) -> None:
    office = ended(dataset)
    del office["valid_until"]
    found = {(p.path, p.severity) for p in dataset.problems()}
    assert found == {("offices[0].end_reason", "error"), ("offices[0].successors", "error")}


def test_successors_must_exist_and_not_be_the_office_itself(dataset: Dataset) -> None:
    ended(dataset, successors=[{"office": "so-bb"}, {"office": "pgddt-a"}, {"office": "so-b"}, {"office": "so-b"}])
    by_path = {p.path: p for p in dataset.problems()}
    assert set(by_path) == {"offices[0].successors[0].office", "offices[0].successors[1].office",
                            "offices[0].successors[3].office"}
    assert "không có đơn vị nào mang mã 'so-bb'" in by_path["offices[0].successors[0].office"].message
    assert by_path["offices[0].successors[0].office"].hint == "có phải 'so-b'?"
    assert by_path["offices[0].successors[1].office"].message == "đơn vị không thể kế thừa chính nó."
    assert "ghi hai lần" in by_path["offices[0].successors[3].office"].message
    assert all(p.severity == "error" for p in by_path.values())


def test_a_successor_that_is_not_open_after_the_end_is_a_warning(dataset: Dataset) -> None:
    ended(dataset)
    successor = dataset.files["offices.yml"]["offices"][-1]
    successor["valid_until"] = "2025-06-30"  # it ended the same day
    successor["end_reason"] = "sap-nhap"
    (problem,) = dataset.problems()
    assert (problem.path, problem.severity) == ("offices[0].successors[0].office", "warning")
    assert problem.message == "Sở GDĐT B không hoạt động vào ngày 01/07/2025, ngày sau khi Phòng GDĐT A chấm dứt."
    del successor["valid_until"], successor["end_reason"]
    successor["valid_from"] = "2025-08-01"  # a gap of a month
    (problem,) = dataset.problems()
    assert problem.severity == "warning"
    successor["valid_from"] = "2025-07-01"  # opens the day after: fine
    assert dataset.problems() == []


def test_the_former_singular_successor_says_how_to_migrate(dataset: Dataset) -> None:
    office = ended(dataset)
    del office["successors"]
    office["successor"] = "so-b"
    (problem,) = dataset.problems()
    assert problem.path == "offices[0].successor"
    assert problem.hint == ("đổi 'successor: <mã>' thành 'successors: [{office: <mã>}]' và thêm 'end_reason:' "
                            "(lý do chấm dứt).")


# Which office manages a school


def successor_year(dataset: Dataset, **extra: Any) -> dict[str, Any]:
    """Sở B's 2025-2026, carrying Phòng A's bodies on under the same ids."""
    ended(dataset)
    old = dataset.year
    decision = {"id": "b-2025-qd-1", "kind": "quyet-dinh", "number": "7/QĐ-SGDĐT", "date": "2025-09-15",
                "title": "Về việc kiện toàn tổ cốt cán", "signer": {"person": "a-le-thi-hong", "title": "Giám đốc"}}
    bodies = [{**copy.deepcopy(body), "decision": "b-2025-qd-1"} for body in old["bodies"]]
    year = {"school_year": "2025-2026", "office": "so-b", **extra, "documents": [decision], "bodies": bodies}
    dataset.files["years/2025-2026/so-b.yml"] = year
    return year


def test_the_managing_office_follows_the_year_file_that_lists_the_school(dataset: Dataset) -> None:
    successor_year(dataset, schools=["a-thcs-mot", "a-thcs-hai"])
    portal, problems = load_or_raise(dataset.write(), dataset.root)
    assert problems == []
    school = portal.schools["a-thcs-mot"]
    assert school.office == "pgddt-a"  # the schools file it is in does not change
    assert portal.managing_office(school, Y2024) == "pgddt-a"
    assert portal.managing_office(school, Y2025) == "so-b"
    view = View(portal)
    assert view.school_years("a-thcs-mot") == [Y2024, Y2025]
    assert [(g.office.id, g.year) for g in view.home_groups()] == [("so-b", Y2025)]  # its latest year's office


def test_a_school_named_after_its_office_ended_and_listed_by_nobody_is_a_warning(dataset: Dataset) -> None:
    successor_year(dataset)  # no `schools:`: the schools stay with Phòng A, which has ended
    problems = dataset.problems()
    assert {(p.file, p.severity) for p in problems} == {("data/years/2025-2026/so-b.yml", "warning")}
    assert any("thêm 'a-thcs-mot' vào 'schools:'" in (p.hint or "") for p in problems)


def test_a_school_listed_by_two_offices_in_one_year_and_an_unknown_one(dataset: Dataset) -> None:
    successor_year(dataset, schools=["a-thcs-mot", "a-thcs-hai", "a-thcs-ba"])
    dataset.files["offices.yml"]["offices"].append(
        {"id": "xa-c", "name": "Ủy ban nhân dân xã C", "short_name": "UBND xã C", "kind": "ubnd-xa"})
    dataset.files["years/2025-2026/xa-c.yml"] = {"school_year": "2025-2026", "office": "xa-c",
                                                 "schools": ["a-thcs-mot"]}
    by_path = {(p.file, p.path): p for p in dataset.problems() if p.severity == "error"}
    assert set(by_path) == {("data/years/2025-2026/so-b.yml", "schools[2]"),
                            ("data/years/2025-2026/xa-c.yml", "schools[0]")}
    assert "không có trường nào mang mã 'a-thcs-ba'" in by_path[("data/years/2025-2026/so-b.yml", "schools[2]")].message
    assert "đã do đơn vị khác quản lý" in by_path[("data/years/2025-2026/xa-c.yml", "schools[0]")].message


def test_a_school_named_in_a_year_after_it_closed_is_an_error(dataset: Dataset) -> None:
    """THCS Hai merged into THCS Một on 30/6/2025; Sở B's 2025-2026 still lists it under
    `schools:`, as a member of a cluster and as a teacher's unit: three errors, each at its line,
    naming the school, its last day and its successor. 2024-2025 (before it closed) is fine."""
    schools = dataset.files["schools/pgddt-a.yml"]["schools"]
    schools[1].update({"valid_until": "2025-06-30", "successor": "a-thcs-mot"})
    dataset.year["bodies"].append({"id": "a-cum", "kind": "cum-chuyen-mon", "name": "Cụm 1", "decision": "a-2024-qd-1",
                                   "members": [{"person": "a-le-thi-hong", "role": "cum-truong"},
                                               {"stt": 1, "school": "a-thcs-mot", "role": "thanh-vien"},
                                               {"stt": 2, "school": "a-thcs-hai", "role": "thanh-vien"}]})
    assert dataset.problems() == []
    successor_year(dataset, schools=["a-thcs-mot", "a-thcs-hai"])
    errors = [p for p in dataset.problems() if p.severity == "error"]
    assert {(p.file, p.path) for p in errors} == {
        ("data/years/2025-2026/so-b.yml", "schools[1]"),
        ("data/years/2025-2026/so-b.yml", "bodies[1].members[1].unit"),
        ("data/years/2025-2026/so-b.yml", "bodies[2].members[2].school")}
    for problem in errors:
        assert problem.line is not None
        assert problem.message == ("THCS Hai đã chấm dứt hoạt động sau ngày 30/06/2025, trước năm học 2025-2026, "
                                   "nhưng vẫn có tên trong năm học đó.")
        assert "Trường kế thừa: 'a-thcs-mot'." in (problem.hint or "")
    unit = next(p for p in errors if p.path.endswith(".unit"))
    assert "ghi đơn vị người này đang công tác" in (unit.hint or "")


# The diff across the change


def test_the_diff_across_the_change_says_the_issuer_changed(dataset: Dataset) -> None:
    year = successor_year(dataset, schools=["a-thcs-mot", "a-thcs-hai"])
    year["bodies"][1]["members"].pop()  # one member left when the Sở took over
    year["bodies"][0]["declared_count"] = 1
    year["documents"].append({"id": "b-2025-kh-khac", "kind": "ke-hoach", "date": "2025-09-20",
                              "title": "Kế hoạch khác của Sở"})  # not behind a body carried over
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    diff = diff_years(portal, "pgddt-a", Y2024, Y2025)
    assert (diff.office, diff.new_office) == ("pgddt-a", "so-b")
    assert {k: n for k, n in diff.counts if n} == {"issuer-changed": 1, "member-left": 1, "document-added": 1}
    issuer = diff.changes[0]
    # The ended office's change: the Sở did not end on the Phòng's last day (it was said of the Sở).
    assert (issuer.kind, issuer.target_type, issuer.target) == ("issuer-changed", "office", "pgddt-a")
    assert [(f.field, f.old_id, f.new_id) for f in issuer.fields][0] == ("issuer", "pgddt-a", "so-b")
    assert to_json(diff)["office"]["successors"] == [
        {"id": "so-b", "name": "Sở GDĐT B", "took_over": "quản lý chuyên môn"}]
    text = format_text(diff)
    assert "Đơn vị ban hành đổi (1)" in text
    assert ("~ Phòng Giáo dục và Đào tạo huyện A: đơn vị ban hành: Phòng Giáo dục và Đào tạo huyện A → "
            "Sở Giáo dục và Đào tạo B; hoạt động đến hết ngày: ") in text
    assert "Kế hoạch khác" not in text
    # The change page lives under the ended office, and the successor's year links to it.
    pages = Pages(portal)
    assert [(d.office, d.new_office) for d in pages.diffs] == [("pgddt-a", "so-b")]


def test_the_successor_compares_its_first_year_with_the_ended_office_s_last(tmp_path: Path) -> None:
    """`nam-moi --successor` prints the comparison to run next; it works, and so does the same
    comparison asked under the successor's id (whose own data starts with that year)."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    started = new_year("--office", "pgddt-dien-bien-phu", "--successor", "so-gddt-dien-bien", "--data", str(data))
    assert started.returncode == 0, started.stderr
    step = next(line for line in started.stdout.splitlines() if line.startswith("  5. Xem thay đổi: cotcan "))
    assert step.endswith(f"cotcan so-sanh --office pgddt-dien-bien-phu --from 2024-2025 --to 2025-2026 --data {data}")
    printed = cotcan(*step.split("cotcan ", 1)[1].split())
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.startswith("Thay đổi 2024-2025 → 2025-2026: Phòng Giáo dục và Đào tạo thành phố Điện Biên "
                                     "Phủ (mã pgddt-dien-bien-phu)\n")
    assert "Đơn vị ban hành đổi (1)" in printed.stdout
    for years in (("--from", "2024-2025", "--to", "2025-2026"), ()):
        successor = cotcan("so-sanh", "--office", "so-gddt-dien-bien", *years, "--data", str(data))
        assert (successor.returncode, successor.stdout) == (0, printed.stdout), successor.stderr
        assert ("Năm học 2025-2026 của so-gddt-dien-bien tiếp tục các tổ chức của pgddt-dien-bien-phu, đã chấm dứt: "
                "so sánh với năm học 2024-2025 của pgddt-dien-bien-phu.") in successor.stderr


def test_an_ended_office_asked_alone_is_compared_with_the_successor_year_carrying_it_on(tmp_path: Path) -> None:
    """The hostile review: `cotcan so-sanh --office pgddt-cu-chi` (one year of its own,
    carried on by the Sở's 2025-2026) said "không có năm học nào trước 2024-2025" and
    stopped. An ended office's latest change is the year its successor carries its lists
    on; with no such year yet, the message says how to start it."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    alone = cotcan("so-sanh", "--office", "pgddt-cu-chi", "--data", str(data))
    assert alone.returncode == 2 and alone.stderr.strip().endswith(
        f"Gợi ý: bắt đầu năm học đó bằng cotcan nam-moi --office pgddt-cu-chi --successor so-gddt-tp-hcm --data {data}."
    ), alone.stderr
    assert new_year("--office", "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm", "--data", str(data)).returncode == 0
    asked = cotcan("so-sanh", "--office", "pgddt-cu-chi", "--from", "2024-2025", "--to", "2025-2026",
                   "--data", str(data))
    assert asked.returncode == 0, asked.stderr
    for years in ((), ("--from", "2024-2025")):
        default = cotcan("so-sanh", "--office", "pgddt-cu-chi", *years, "--data", str(data))
        assert (default.returncode, default.stdout) == (0, asked.stdout), default.stderr
    sample = cotcan("so-sanh", "--office", "pgddt-mau")  # three years of its own, then the Sở's
    assert sample.returncode == 0 and sample.stdout.startswith("Thay đổi 2024-2025 → 2025-2026: "), sample.stderr


def test_a_year_carrying_two_districts_on_names_the_comparison_of_the_other(tmp_path: Path) -> None:
    """The hostile review: the Sở's 2025-2026 carries on Củ Chi (last year 2024-2025) and Dầu
    Tiếng (last year 2023-2024); `so-sanh --office so-gddt-tp-hcm` compared with Củ Chi and
    said nothing of Dầu Tiếng. And from Củ Chi's later year it said no successor year existed
    and named a nam-moi that is refused."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    assert new_year("--office", "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm", "--data", str(data)).returncode == 0
    added = new_year("--office", "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--to", "2025-2026",
                     "--data", str(data))
    assert added.returncode == 0, added.stderr
    successor = cotcan("so-sanh", "--office", "so-gddt-tp-hcm", "--to", "2025-2026", "--data", str(data))
    assert successor.returncode == 0, successor.stderr
    assert ("Năm học 2025-2026 cũng tiếp tục các tổ chức của pgddt-dau-tieng (năm học cuối 2023-2024): so sánh bằng "
            f"cotcan so-sanh --office pgddt-dau-tieng --data {data}.") in successor.stderr
    other = cotcan("so-sanh", "--office", "pgddt-dau-tieng", "--data", str(data))
    assert other.returncode == 0 and other.stdout.startswith("Thay đổi 2023-2024 → 2025-2026: "), other.stderr
    later = cotcan("so-sanh", "--office", "pgddt-cu-chi", "--from", "2025-2026", "--data", str(data))
    assert later.returncode == 2 and "nam-moi" not in later.stderr
    assert later.stderr.strip().endswith(
        "các tổ chức của đơn vị này được so-gddt-tp-hcm tiếp tục từ năm học 2025-2026: so sánh năm học 2024-2025 "
        f"với năm học đó bằng cotcan so-sanh --office pgddt-cu-chi --data {data}, các năm học sau bằng cotcan "
        f"so-sanh --office so-gddt-tp-hcm --data {data}."), later.stderr


def test_two_years_before_the_successor_s_own_are_compared_in_the_ended_office() -> None:
    """Asked under the successor's id for two years that are both the ended office's own
    (the sample Sở carries on the sample Phòng from 2025-2026)."""
    ended = cotcan("so-sanh", "--office", "pgddt-mau", "--from", "2023-2024", "--to", "2024-2025")
    assert ended.returncode == 0, ended.stderr
    successor = cotcan("so-sanh", "--office", "so-gddt-mau", "--to", "2024-2025")
    assert (successor.returncode, successor.stdout) == (0, ended.stdout), successor.stderr
    assert ("Năm học 2023-2024 và 2024-2025 là của pgddt-mau, đơn vị so-gddt-mau tiếp tục: so sánh hai năm học đó "
            "của pgddt-mau.") in successor.stderr


def test_years_of_different_ended_offices_are_not_compared_as_one_office_s(tmp_path: Path) -> None:
    """Hồ Chí Minh City's Sở carries on Củ Chi (2024-2025) and Dầu Tiếng (2023-2024): two
    years asked under its id are compared in an ended office only if one has both; else
    the clerk is told which office has which year."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    assert new_year("--office", "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm", "--data", str(data)).returncode == 0

    def compared(*years: str) -> tuple[int, str]:
        done = cotcan("so-sanh", "--office", "so-gddt-tp-hcm", *years, "--data", str(data))
        return done.returncode, done.stderr.strip().splitlines()[-1]

    assert compared("--from", "2023-2024", "--to", "2024-2025") == (2, (
        "Không so sánh được: năm học 2023-2024 và 2024-2025 có trước năm học đầu tiên của so-gddt-tp-hcm "
        "(2025-2026); không có đơn vị đã chấm dứt mà so-gddt-tp-hcm tiếp tục có các năm học đó (năm học 2023-2024: "
        "pgddt-dau-tieng; năm học 2024-2025: pgddt-cu-chi)."))  # no command: neither has a second year
    assert compared("--from", "2024-2025", "--to", "2023-2024") == (2, (
        "Không so sánh được: năm học --to (2023-2024) phải sau năm học --from (2024-2025); có phải: --from "
        "2023-2024 --to 2024-2025?"))
    assert compared("--to", "2024-2025") == (2, "Không so sánh được: đơn vị pgddt-cu-chi, mà so-gddt-tp-hcm tiếp "
                                                "tục, không có năm học nào trước 2024-2025 để so sánh.")
    code, said = compared("--from", "2023-2024")
    assert code == 2 and said.endswith("Năm học 2023-2024 là của pgddt-dau-tieng.")
    successor = cotcan("so-sanh", "--office", "so-gddt-tp-hcm", "--data", str(data))
    assert successor.returncode == 0 and successor.stdout.startswith(
        "Thay đổi 2024-2025 → 2025-2026: Phòng Giáo dục và Đào tạo huyện Củ Chi"), successor.stderr


def test_a_successor_year_carrying_two_offices_on_names_the_comparison_of_each(dataset: Dataset) -> None:
    year = successor_year(dataset, schools=["a-thcs-mot", "a-thcs-hai"])
    offices = dataset.files["offices.yml"]["offices"]
    offices.append({**copy.deepcopy(offices[0]), "id": "pgddt-c", "name": "Phòng Giáo dục và Đào tạo huyện C",
                    "short_name": "Phòng GDĐT C", "place": "C"})
    team = {"id": "c-to", "kind": "to-cot-can", "name": "Tổ cốt cán C", "decision": "c-2024-qd-1",
            "members": [{"person": "a-ha-thi-lien", "role": "to-truong"}]}
    dataset.files["years/2024-2025/pgddt-c.yml"] = {
        "school_year": "2024-2025", "office": "pgddt-c", "bodies": [team],
        "documents": [{"id": "c-2024-qd-1", "kind": "quyet-dinh", "number": "2/QĐ-PGDĐT", "date": "2024-09-13",
                       "title": "Về việc thành lập tổ cốt cán", "signer": {"person": "a-le-thi-hong",
                                                                           "title": "Trưởng phòng"}}]}
    year["bodies"].append({**team, "decision": "b-2025-qd-1"})
    data = dataset.write()
    both = cotcan("so-sanh", "--office", "so-b", "--data", str(data))
    assert (both.returncode, both.stdout) == (2, ""), both.stderr
    assert both.stderr.endswith(
        "Không so sánh được: năm học 2025-2026 của so-b tiếp tục tổ chức của 2 đơn vị đã chấm dứt; so sánh từng "
        f"đơn vị: cotcan so-sanh --office pgddt-a --from 2024-2025 --to 2025-2026 --data {data}; cotcan so-sanh "
        f"--office pgddt-c --from 2024-2025 --to 2025-2026 --data {data}\n")
    one = cotcan("so-sanh", "--office", "pgddt-c", "--from", "2024-2025", "--to", "2025-2026", "--data", str(data))
    assert one.returncode == 0 and one.stdout.startswith("Thay đổi 2024-2025 → 2025-2026: Phòng Giáo dục và Đào "
                                                         "tạo huyện C"), one.stderr


# Starting the next year


def new_year(*args: str) -> subprocess.CompletedProcess[str]:
    return cotcan("nam-moi", *args)


def test_the_next_year_of_an_ended_office_is_refused_and_redirected_end_to_end(tmp_path: Path) -> None:
    """The sample office ended on 30/6/2025: its next year is refused naming both successors and
    the command; that command starts UBND xã Mẫu's year from its last year, same body ids, the
    successor's own placeholder, the schools handed on; the diff then says the issuer changed."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    refused = new_year("--office", "pgddt-mau", "--data", str(data))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    for successor in ("so-gddt-mau", "ubnd-xa-mau"):
        assert f"cotcan nam-moi --office pgddt-mau --successor {successor}" in refused.stderr
    assert not (data / "years" / "2025-2026" / "pgddt-mau.yml").exists()

    wrong = new_year("--office", "pgddt-mau", "--successor", "so-gddt-tp-hcm", "--data", str(data))
    assert wrong.returncode == 2 and "không phải đơn vị kế thừa" in wrong.stderr

    # Sở GDĐT tỉnh Mẫu carries the bodies on already: a second successor may not take them too.
    twice = new_year("--office", "pgddt-mau", "--successor", "ubnd-xa-mau", "--data", str(data))
    assert twice.returncode == 2 and "đã được tiếp tục trong năm học 2025-2026 bởi Sở GDĐT tỉnh Mẫu" in twice.stderr
    (data / "years" / "2025-2026" / "so-gddt-mau.yml").unlink()

    started = new_year("--office", "pgddt-mau", "--successor", "ubnd-xa-mau", "--data", str(data))
    assert started.returncode == 0, started.stderr
    target = data / "years" / "2025-2026" / "ubnd-xa-mau.yml"
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    old = yaml.safe_load((data / "years" / "2024-2025" / "pgddt-mau.yml").read_text(encoding="utf-8"))
    assert written["office"] == "ubnd-xa-mau"
    assert [b["id"] for b in written["bodies"]] == [b["id"] for b in old["bodies"]]
    assert written["documents"] == [{"id": "ubnd-xa-mau-2025-qd-cho-so", "kind": "quyet-dinh", "date": 2025,
                                     "title": "Quyết định năm học 2025-2026 (chưa có số) (dữ liệu mẫu)",
                                     "placeholder": True}]
    # Handed on: the schools the office managed in 2024-2025 that still exist (Vĩnh Lộc merged in 2024).
    portal, _ = load_or_raise(data, tmp_path, draft=True)
    managed = {s.id for s in portal.schools.values()
               if portal.managing_office(s, Y2024) == "pgddt-mau" and s.valid_until is None}
    assert set(written["schools"]) == managed and "mau-thcs-vinh-loc" not in written["schools"]

    again = new_year("--office", "pgddt-mau", "--successor", "ubnd-xa-mau", "--data", str(data))
    assert again.returncode == 2 and "bởi UBND xã Mẫu (dữ liệu mẫu)" in again.stderr  # nothing started twice


def test_the_sample_successor_year_carries_the_office_on(repo_portal: Portal) -> None:
    """The committed sample: Sở GDĐT tỉnh Mẫu's 2025-2026, started from Phòng GDĐT huyện Mẫu's
    2024-2025, with every body id of that year."""
    before = {b.id for b in repo_portal.bodies_in(Y2024) if b.office == "pgddt-mau"}
    after = {b.id for b in repo_portal.bodies_in(Y2025) if b.office == "so-gddt-mau"}
    assert before and before == after
    diff = diff_years(repo_portal, "pgddt-mau", Y2024, Y2025)
    assert diff.new_office == "so-gddt-mau" and diff.count("issuer-changed") == 1
    person = {s.body.school_year for s in View(repo_portal).seats_of_person["mau-pham-thi-lan"]}
    assert {Y2024, Y2025} <= person  # a person's roles carry on across the change


# Pages and search filters


@pytest.mark.build
def test_the_ended_office_page_says_so_and_links_its_successors(repo_site: Path, repo_portal: Portal) -> None:
    text = article_text(repo_site / "don-vi" / "pgddt-mau" / "index.html")
    office = repo_portal.offices["pgddt-mau"]
    assert "Đơn vị hoạt động đến hết ngày 30/06/2025 (giải thể, chấm dứt hoạt động); đơn vị kế thừa:" in text
    assert "Lý do chấm dứt Giải thể, chấm dứt hoạt động" in text
    assert "Luật Tổ chức chính quyền địa phương số 72/2025/QH15" in text
    html = (repo_site / "don-vi" / "pgddt-mau" / "index.html").read_text(encoding="utf-8")
    for heir in office.successors:
        assert f'don-vi/{heir.office}/"' in html
        assert heir.took_over and heir.took_over in text
    successor = article_text(repo_site / "don-vi" / "so-gddt-mau" / "index.html")
    assert ("Kế thừa từ Phòng Giáo dục và Đào tạo huyện Mẫu (dữ liệu mẫu) (hoạt động đến hết ngày 30/06/2025)"
            in successor)


@pytest.mark.build
def test_a_school_page_says_who_managed_it_each_year(repo_site: Path) -> None:
    text = article_text(repo_site / "truong" / "mau-thcs-hoa-sen" / "index.html")
    assert ("Đơn vị quản lý, năm học 2022-2023 đến 2024-2025 Phòng Giáo dục và Đào tạo huyện Mẫu (dữ liệu mẫu)"
            in text)
    assert "Đơn vị quản lý, năm học 2025-2026 Sở Giáo dục và Đào tạo tỉnh Mẫu (dữ liệu mẫu)" in text
    assert "Năm học 2025-2026: Sở GDĐT tỉnh Mẫu (dữ liệu mẫu)" in text
    assert "Năm học 2024-2025: Phòng GDĐT huyện Mẫu (dữ liệu mẫu)" in text
    # A school whose office never changed names it once, without years.
    real = article_text(repo_site / "truong" / "dbp-thcs-him-lam" / "index.html")
    assert "Đơn vị quản lý Phòng Giáo dục và Đào tạo thành phố Điện Biên Phủ" in real
    diff = article_text(repo_site / "thay-doi" / "pgddt-mau" / "2024-2025-den-2025-2026" / "index.html")
    assert "Đơn vị ban hành đổi (1)" in diff


def test_search_filters_keep_an_ended_office_under_its_own_name(repo_portal: Portal) -> None:
    """A page of 2024-2025 is filed under the Phòng that published it, a page of 2025-2026
    under its successor; a school across years under both."""
    phong = repo_portal.offices["pgddt-mau"].short_name
    so = repo_portal.offices["so-gddt-mau"].short_name
    filed: dict[str, list[str]] = {spec.url: spec.filters.get("don_vi", []) for spec in Pages(repo_portal).all()}
    assert filed["to-chuc/mau-cum-1/2024-2025/"] == [phong]
    assert filed["to-chuc/mau-cum-1/2025-2026/"] == [so]
    assert filed["truong/mau-thcs-hoa-sen/2024-2025/"] == [phong]
    assert filed["truong/mau-thcs-hoa-sen/2025-2026/"] == [so]
    assert filed["truong/mau-thcs-hoa-sen/"] == [phong, so]
    assert filed["van-ban/mau-2024-qd-cum/"] == [phong]
    assert filed["don-vi/pgddt-mau/"] == [phong]
    assert filed["thay-doi/pgddt-mau/2023-2024-den-2024-2025/"] == [phong]
    assert filed["thay-doi/pgddt-mau/2024-2025-den-2025-2026/"] == [phong, so]


def test_a_successor_for_an_office_that_has_not_ended_says_so(tmp_path: Path) -> None:
    """A clerk who types --successor for an open office is told it has not ended (and to drop
    --successor), not sent to invent successors for it in offices.yml."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    result = new_year("--office", "so-gddt-an-giang", "--successor", "so-gddt-tp-hcm", "--data", str(data))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "chưa chấm dứt hoạt động" in result.stderr and "bỏ --successor" in result.stderr
    assert "successors" not in result.stderr
    assert not (data / "years" / "2025-2026" / "so-gddt-tp-hcm.yml").exists()


def test_a_successor_asked_for_a_year_the_office_still_had_names_the_year_it_starts(tmp_path: Path) -> None:
    """Dầu Tiếng ended on 30/6/2025, its last year on file 2023-2024: the next, 2024-2025, is
    its own; its successor starts with 2025-2026, which the message names with --to."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    result = new_year("--office", "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--data", str(data))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "LỖI Phòng Giáo dục và Đào tạo huyện Dầu Tiếng hoạt động đến hết ngày 30/06/2025, nên năm học 2024-2025 do "
        f"đơn vị này tự bắt đầu (cotcan nam-moi --office pgddt-dau-tieng --data {data}); đơn vị kế thừa bắt đầu từ "
        f"năm học 2025-2026: cotcan nam-moi --office pgddt-dau-tieng --successor so-gddt-tp-hcm --to 2025-2026 "
        f"--data {data}.\n")
    assert not (data / "years" / "2024-2025" / "so-gddt-tp-hcm.yml").exists()
    # As told.
    result = new_year("--office", "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--to", "2025-2026", "--data",
                      str(data))
    assert result.returncode == 0, result.stderr


# A Sở that carries on several district offices in one year file


SO_HCM_2025 = "years/2025-2026/so-gddt-tp-hcm.yml"


def only_added(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if anything of `before` changed or moved."""
    old, new = before.splitlines(), after.splitlines()
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    assert {tag for tag, *_ in opcodes} <= {"equal", "insert"}, [op for op in opcodes if op[0] != "insert"]
    return [line for tag, _, _, j1, j2 in opcodes if tag == "insert" for line in new[j1:j2]]


def test_a_s_o_carries_on_a_second_district_office_in_the_same_year_file(tmp_path: Path) -> None:
    """Hồ Chí Minh City's Sở took over Củ Chi and Dầu Tiếng: the second `nam-moi --successor`
    adds Dầu Tiếng's bodies and schools to the Sở's 2025-2026 file, changing nothing else, under
    the one placeholder decision of that file."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    assert new_year("--office", "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm", "--data", str(data)).returncode == 0
    path = data / SO_HCM_2025
    before = path.read_text(encoding="utf-8")
    first = yaml.safe_load(before)
    portal, _ = load_or_raise(data, tmp_path, draft=True)
    dau_tieng = [b.id for b in portal.bodies_in(SchoolYear(2023)) if b.office == "pgddt-dau-tieng"]

    added = new_year("--office", "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--to", "2025-2026",
                     "--data", str(data))
    assert added.returncode == 0, added.stderr
    after = path.read_text(encoding="utf-8")
    lines = only_added(before, after)
    assert "  # Tiếp tục các tổ chức của pgddt-dau-tieng (năm học 2023-2024), chép thêm bằng cotcan nam-moi." in lines
    written = yaml.safe_load(after)
    assert [b["id"] for b in written["bodies"]] == [b["id"] for b in first["bodies"]] + dau_tieng
    handed_on = sorted(s.id for s in portal.schools.values() if s.office == "pgddt-dau-tieng")
    assert written["schools"][:len(first["schools"])] == first["schools"]
    assert sorted(written["schools"][len(first["schools"]):]) == handed_on
    assert written["documents"] == first["documents"]  # the placeholder, shared
    assert {b["decision"] for b in written["bodies"]} == {"so-gddt-tp-hcm-2025-qd-cho-so"}
    assert (f"Đã chép thêm vào data/{SO_HCM_2025} (phần đã có giữ nguyên): {len(dau_tieng)} tổ chức, "
            f"19 dòng thành viên, {len(handed_on)} trường vào 'schools:', chép từ năm học 2023-2024 của Phòng "
            "GDĐT huyện Dầu Tiếng") in added.stdout
    portal, warnings = load_or_raise(data, tmp_path, draft=True)
    assert [w.path for w in warnings] == ["documents[0].placeholder"]
    assert {b.office for b in portal.bodies_in(Y2025) if b.id in dau_tieng} == {"so-gddt-tp-hcm"}

    again = new_year("--office", "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--to", "2025-2026",
                     "--data", str(data))
    assert again.returncode == 2 and "đã được tiếp tục trong năm học 2025-2026 bởi Sở GDĐT TP.HCM" in again.stderr
    assert path.read_text(encoding="utf-8") == after


def test_a_second_district_added_after_the_s_o_entered_its_signed_decision_brings_a_placeholder(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    assert new_year("--office", "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm", "--data", str(data)).returncode == 0
    path = data / SO_HCM_2025
    signed = path.read_text(encoding="utf-8").replace("so-gddt-tp-hcm-2025-qd-cho-so", "sgd-hcm-2025-qd-cum")
    signed, count = re.subn(r"(\n    date: )2025\n    title: [^\n]*\n    placeholder: true\n",
                            r"\g<1>2025-09-20\n    number: 1290/QĐ-SGDĐT\n"
                            r"    title: Về việc thành lập cụm chuyên môn năm học 2025-2026\n", signed)
    assert count == 1
    path.write_text(signed, encoding="utf-8")
    assert new_year("--office", "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--to", "2025-2026",
                    "--data", str(data)).returncode == 0
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [d["id"] for d in written["documents"]] == ["sgd-hcm-2025-qd-cum", "so-gddt-tp-hcm-2025-qd-cho-so"]
    only_added(signed, path.read_text(encoding="utf-8"))
    _, warnings = load_or_raise(data, tmp_path, draft=True)
    assert [w.path for w in warnings] == ["documents[1].placeholder"]


def test_a_body_id_that_clashes_when_adding_is_refused_naming_both(tmp_path: Path) -> None:
    """Dầu Tiếng's Cụm Một carries the id of Củ Chi's Cụm 01: refused before anything is written."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    dau_tieng = data / "years" / "2023-2024" / "pgddt-dau-tieng.yml"
    dau_tieng.write_text(dau_tieng.read_text(encoding="utf-8").replace("dt-cum-mot", "cc-cum-01"), encoding="utf-8")
    assert new_year("--office", "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm", "--data", str(data)).returncode == 0
    before = (data / SO_HCM_2025).read_text(encoding="utf-8")
    portal, _ = load_or_raise(data, tmp_path, draft=True)
    cu_chi = portal.bodies[(Y2025, "cc-cum-01")]
    refused = new_year("--office", "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--to", "2025-2026",
                       "--data", str(data))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert (f"'cc-cum-01' (Cụm Một, data/years/2023-2024/pgddt-dau-tieng.yml) trùng với {cu_chi.name} "
            f"(data/{SO_HCM_2025})") in refused.stderr
    assert "Không ghi gì" in refused.stderr
    assert (data / SO_HCM_2025).read_text(encoding="utf-8") == before


def test_a_body_the_successor_set_up_for_the_ended_office_s_schools_is_named_as_new(tmp_path: Path) -> None:
    """Củ Chi 2024-2025 → the Sở's 2025-2026: besides Củ Chi's clusters carried on, the Sở set
    up a cluster of its own over Củ Chi schools (and one of Dầu Tiếng's). The clerk comparing
    Củ Chi's two years sees it created, with the Củ Chi schools and people who joined it; the
    other district's school is not Củ Chi's change, and the body has no page of Củ Chi's."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    assert new_year("--office", "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm", "--data", str(data)).returncode == 0
    path = data / "years" / "2025-2026" / "so-gddt-tp-hcm.yml"
    text = path.read_text(encoding="utf-8")
    decision = yaml.safe_load(text)["documents"][0]["id"]
    path.write_text(text + (
        "  # Cụm mới do Sở lập, gồm trường của Củ Chi và Dầu Tiếng\n"
        "  - id: sgd-hcm-cum-lien-huyen-1\n"
        "    kind:   cum-chuyen-mon\n"
        "    name: Cụm liên huyện số 1   # tạm đặt tên\n"
        f"    decision: {decision}\n"
        "    members:\n"
        "      - person: cc-nguyen-van-quy\n"
        "        role: cum-truong\n"
        "        position: Hiệu trưởng\n"
        "        unit: cc-th-thcs-tan-trung\n"
        "      - {stt: 1, school: cc-thcs-trung-lap,  role: thanh-vien}\n"
        "      - {stt: 2, school: dt-th-long-hoa, role: thanh-vien}  # Dầu Tiếng\n"), encoding="utf-8")
    portal, _ = load_or_raise(data, tmp_path, draft=True)
    diff = diff_years(portal, "pgddt-cu-chi", Y2024, Y2025)
    created = [c for c in diff.changes if c.kind == "body-created"]
    assert [(c.target, c.label) for c in created] == [("sgd-hcm-cum-lien-huyen-1", "Cụm liên huyện số 1")]
    joined = {c.target for c in diff.changes if c.kind == "member-joined"
              and [b.id for b in c.bodies] == ["sgd-hcm-cum-lien-huyen-1"]}
    assert joined == {"cc-nguyen-van-quy", "cc-thcs-trung-lap"}
    assert "sgd-hcm-cum-lien-huyen-1" not in {b.body for b in diff.bodies}
    shown = cotcan("so-sanh", "--office", "pgddt-cu-chi", "--data", str(data))
    assert shown.returncode == 0, shown.stderr
    assert "Cụm liên huyện số 1" in shown.stdout and "Long Hòa" not in shown.stdout
    pages = Pages(portal)
    assert len({spec.url for spec in pages.diff_pages()}) == len(list(pages.diff_pages()))


def test_a_school_moved_into_a_body_carried_from_another_ended_office_reads_as_a_move(tmp_path: Path) -> None:
    """The Sở carries on Củ Chi's and then Dầu Tiếng's lists in 2025-2026, and the clerk moves
    THCS Tân Tiến from Củ Chi's Cụm 01 into Dầu Tiếng's Cụm Một. Comparing Củ Chi's two years
    shows the move (Cụm 01 → Cụm Một), not a school that left; Cụm Một appears with only that
    school, and is not said to be created (it is Dầu Tiếng's, carried on)."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    assert new_year("--office", "pgddt-cu-chi", "--successor", "so-gddt-tp-hcm", "--data", str(data)).returncode == 0
    assert new_year("--office", "pgddt-dau-tieng", "--successor", "so-gddt-tp-hcm", "--to", "2025-2026",
                    "--data", str(data)).returncode == 0
    path = data / "years" / "2025-2026" / "so-gddt-tp-hcm.yml"
    text = path.read_text(encoding="utf-8")
    row = re.search(r"\n      - \{stt: \d+, school: cc-thcs-tan-tien, role: thanh-vien\}[^\n]*", text)
    into = "\n      - {school: dt-th-dau-tieng, role: thanh-vien}"
    assert row is not None and into in text
    text = text.replace(row.group(0), "", 1).replace(
        into, into + "\n      - {school: cc-thcs-tan-tien, role: thanh-vien}   # chuyển từ Cụm 01 (Củ Chi)", 1)
    path.write_text(text, encoding="utf-8")
    portal, _ = load_or_raise(data, tmp_path, draft=True)
    diff = diff_years(portal, "pgddt-cu-chi", Y2024, Y2025)
    about = [(c.kind, [b.id for b in c.bodies]) for c in diff.changes if c.target == "cc-thcs-tan-tien"]
    assert ("school-moved", ["cc-cum-01", "dt-cum-mot"]) in about
    assert not [kind for kind, _ in about if kind in ("member-left", "member-joined")]
    assert not [c for c in diff.changes if c.kind == "body-created" and c.target == "dt-cum-mot"]
    assert [c.target for c in diff.changes if [b.id for b in c.bodies] == ["dt-cum-mot"]] == []
    assert "dt-cum-mot" not in {b.body for b in diff.bodies}
