"""Never overwrite data: the importer writes nothing by default, shows what would change,
and with --apply merges into the data files, guarded, atomically, checked, undone on error."""

from __future__ import annotations

import contextlib
import csv
import errno
import hashlib
import io
import json
import os
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from cli_util import cotcan

from conftest import REPO
from portal import exports
from portal.cli import main as cotcan_main
from portal.dates import SchoolYear
from portal.importer import import_roster
from portal.importer.apply import apply_changes
from portal.importer.changes import summary
from portal.importer.errors import RosterError
from portal.importer.merge import plan_changes
from portal.load import load
from portal.pages import Pages
from portal.render import Renderer
from roster_files import DAU_TIENG_2024, write_table

DT = "pgddt-dau-tieng"
HEADER = "STT\tHọ và tên\tChức vụ - Đơn vị công tác\tMôn\tGhi chú\n"


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of data/ with Dầu Tiếng's 2024-2025 started from 2023-2024, made once: tests
    change their own copy (`data`)."""
    data = tmp_path_factory.mktemp("started") / "data"
    shutil.copytree(REPO / "data", data)
    done = cotcan("nam-moi", "--office", DT, "--data", str(data))
    assert done.returncode == 0, done.stderr
    return data


@pytest.fixture
def data(started: Path, tmp_path: Path) -> Path:
    shutil.copytree(started, tmp_path / "data")
    return tmp_path / "data"


def main(argv: list[str]) -> int:
    """`cotcan nhap ARGV`, in this process."""
    return cotcan_main(["nhap", *argv])


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_by_default_nothing_is_written_and_the_changes_are_shown(data: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(data)
    path = DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx")
    code, out, err = run(capsys, "--office", DT, "--input", str(path), "--data", str(data))
    assert code == 0, err
    assert tree(data) == before
    assert yaml.safe_load(out)["bodies"][0]["id"] == "dt-cum-mot"
    assert "Cụm Một (dt-cum-mot):" in err and "  - rời danh sách: Lê Văn Hoà (dt-le-van-hoa), Cụm trưởng" in err
    assert "  ~ Đỗ Tấn Nhạn (dt-do-tan-nhan): đơn vị TH Minh Thạnh → TH Minh Hòa" in err
    assert "--- data/years/2024-2025/pgddt-dau-tieng.yml\n+++ data/years/2024-2025/pgddt-dau-tieng.yml" in err
    assert "+  - id: dt-nguyen-thi-thu-van" in err
    assert "Chưa ghi gì vào" in err


class _Screen(io.StringIO):
    """A standard output that is a terminal."""

    def isatty(self) -> bool:
        return True


def test_on_a_screen_the_proposed_yaml_is_not_printed_but_its_place_is_said(data: Path, tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The hostile review: a province's dry run printed 10,429 lines of YAML before its
    report. At a terminal the report and the changes are what the clerk reads; the YAML
    goes to --output, or to a pipe or a file."""
    path = DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx")
    args = ["--office", DT, "--input", str(path), "--data", str(data)]
    piped = run(capsys, *args)
    screen = _Screen()
    with contextlib.redirect_stdout(screen):
        code = main(args)
    err = capsys.readouterr().err
    assert code == piped[0] == 0 and screen.getvalue() == ""
    lines = piped[1].count("\n")
    assert f"YAML đề xuất ({lines} dòng) không in ra màn hình; ghi ra tệp bằng --output TỆP" in err
    assert err.replace(err[err.index("YAML đề xuất ("):].split("\n", 1)[0] + "\n", "") == piped[2]


def test_apply_merges_keeps_comments_and_layout_and_a_second_import_changes_nothing(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year_file = data / "years" / "2024-2025" / f"{DT}.yml"
    people_file = data / "people" / f"{DT}.yml"
    old_year, old_people = year_file.read_text(encoding="utf-8"), people_file.read_text(encoding="utf-8")
    others = {k: v for k, v in tree(data).items() if k not in (f"years/2024-2025/{DT}.yml", f"people/{DT}.yml")}
    code, _, err = run(capsys, "--office", DT, "--input", str(DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx")),
                       "--data", str(data), "--apply")
    assert code == 0, err
    assert "Đã ghi: data/people/pgddt-dau-tieng.yml, data/years/2024-2025/pgddt-dau-tieng.yml." in err
    new_year = year_file.read_text(encoding="utf-8")
    assert {k: v for k, v in tree(data).items() if k in others} == others  # nothing else touched
    # Every comment and every school line of the clusters is there as it was.
    for line in old_year.splitlines():
        if line.lstrip().startswith(("#", "- {school:")):
            assert line in new_year.splitlines(), line
    assert new_people_lines(old_people, people_file.read_text(encoding="utf-8")) == 10
    _, problems = load(data, draft=True)  # new_year's placeholder decision is still there
    assert [p for p in problems if p.severity == "error"] == []
    code, _, err = run(capsys, "--office", DT, "--input", str(DAU_TIENG_2024.write_docx(tmp_path / "ds.docx")),
                       "--data", str(data), "--apply")
    assert (code, err.splitlines()[-1]) == (0, "Dữ liệu đã đúng như danh sách: không có gì thay đổi.")
    assert year_file.read_text(encoding="utf-8") == new_year


def new_people_lines(old: str, new: str) -> int:
    assert new.startswith(old)  # appended, nothing above changed
    return new[len(old):].count("  - id: ")


def test_output_refuses_an_existing_file_without_force(data: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """The held-out failure: --output data/people/….yml replaced the file (180 lines gone), exit 0."""
    people = data / "people" / "pgddt-dien-bien-phu.yml"
    before = people.read_bytes()
    table = REPO / "tests" / "fixtures" / "import" / "dbp-2024-cbql.tsv"
    code, out, err = run(capsys, "--office", "pgddt-dien-bien-phu", "--input", str(table), "--data", str(data),
                         "--output", str(people))
    assert code == 2 and out == ""
    assert f"LỖI {people}: tệp đã có; không ghi đè YAML đề xuất." in err
    assert people.read_bytes() == before
    target = tmp_path / "de-xuat.yml"
    target.write_text("cũ", encoding="utf-8")
    code, _, err = run(capsys, "--office", "pgddt-dien-bien-phu", "--input", str(table), "--data", str(data),
                       "--output", str(target), "--force")
    # Written, though the list has rows of no body, which --apply would refuse (exit 1, said).
    assert code == 1 and "--apply sẽ không ghi khi còn những dòng đó." in err, err
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["members"][0]["person"] == "dbp-cao-thi-dai"


def test_apply_refuses_a_file_changed_since_it_was_read(data: Path, tmp_path: Path) -> None:
    portal, _ = load(data)
    result = import_roster(portal, DT, DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx"))
    changes = plan_changes(result, data, data.parent)
    year_file = data / "years" / "2024-2025" / f"{DT}.yml"
    edited = year_file.read_text(encoding="utf-8") + "# sửa tay trong lúc nhập\n"
    year_file.write_text(edited, encoding="utf-8")  # the clerk saves the file in an editor meanwhile
    people_before = (data / "people" / f"{DT}.yml").read_bytes()
    with pytest.raises(RosterError, match=r"pgddt-dau-tieng\.yml: tệp đã bị sửa từ lúc đọc"):
        apply_changes(changes, lambda: load(data)[1], [])
    assert year_file.read_text(encoding="utf-8") == edited
    assert (data / "people" / f"{DT}.yml").read_bytes() == people_before


def test_a_failed_write_puts_back_what_was_written(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    portal, _ = load(data)
    result = import_roster(portal, DT, DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx"))
    changes = plan_changes(result, data, data.parent)
    assert [c.shown for c in changes] == ["data/people/pgddt-dau-tieng.yml", "data/years/2024-2025/pgddt-dau-tieng.yml"]
    before = tree(data)
    real_replace = os.replace
    calls = 0

    def disk_full(source: str, target: str) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # the year file, after the people file was written
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(RosterError, match=r"không ghi được tệp \(ổ đĩa đã đầy; giải phóng chỗ trống rồi chạy lại\); "
                                          r"đã trả lại các tệp như cũ"):
        apply_changes(changes, lambda: load(data)[1], [])
    monkeypatch.setattr(os, "replace", real_replace)
    assert tree(data) == before  # the people file restored, no temporary file left


def test_a_read_only_data_folder_is_told_in_vietnamese(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A data folder on a read-only disk (a USB stick locked, a network share): the
    system's reason in Vietnamese, not its English strerror, and nothing written."""
    before = tree(data)

    def read_only(source: str, target: str) -> None:
        raise OSError(errno.EROFS, "Read-only file system", target)

    monkeypatch.setattr(os, "replace", read_only)
    code, _, err = run(capsys, "--office", DT, "--input", str(DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx")),
                       "--data", str(data), "--apply")
    monkeypatch.undo()
    assert code == 2 and "Read-only" not in err and "Traceback" not in err
    assert "không ghi được tệp (ổ đĩa chỉ cho phép đọc); đã trả lại các tệp như cũ." in err
    assert {k: v for k, v in tree(data).items()} == before


def test_an_error_the_checker_finds_after_applying_restores_the_files(data: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A Ghi chú longer than the data allows: the importer lets it through, the checker
    (the schema's length of a note) does not."""
    path = tmp_path / "ghi-chu-dai.tsv"
    path.write_text(HEADER + "CỤM HAI\n1\tĐỗ Tấn Nhạn\tHiệu trưởng - TH Minh Thạnh\t\tCụm trưởng\n"
                    "2\tLê Văn Hoà\tHiệu trưởng - TH Bến Súc\t\t" + "Phụ trách chuyên môn. " * 30 + "\n",
                    encoding="utf-8")
    before = tree(data)
    code, _, err = run(capsys, "--office", DT, "--input", str(path), "--data", str(data), "--apply")
    assert code == 1
    assert "members[1].note" in err
    assert err.rstrip().endswith("Danh sách làm dữ liệu có lỗi mới ở trên (số dòng là của tệp dữ liệu như sau khi "
                                 "nhập, theo phần 'Những gì thay đổi'), nên các tệp đã được trả lại như cũ: chưa ghi "
                                 "gì.")
    assert tree(data) == before


def test_two_rows_numbered_alike_are_an_error_before_anything_is_written(data: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The hostile review: the dry run was clean, --apply refused with the data file's lines."""
    path = tmp_path / "trung-stt.tsv"
    path.write_text(HEADER + "CỤM HAI\n1\tĐỗ Tấn Nhạn\tHiệu trưởng - TH Minh Thạnh\t\tCụm trưởng\n"
                    "1\tLê Văn Hoà\tHiệu trưởng - TH Bến Súc\t\t\n", encoding="utf-8")
    before = tree(data)
    code, _, err = run(capsys, "--office", DT, "--input", str(path), "--data", str(data))
    assert code == 1
    assert f"LỖI {path}, dòng 4, mục cột 'STT': STT 1 trùng với Đỗ Tấn Nhạn (dòng 3)." in err
    assert tree(data) == before


def test_rows_with_errors_or_without_a_body_are_never_applied(data: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(data)
    bad = tmp_path / "sai.tsv"
    bad.write_text(HEADER + "CỤM HAI\n1\tĐỗ Tấn Nhạn\tHiệu trưởng - TH Không Có\t\t\n", encoding="utf-8")
    code, _, err = run(capsys, "--office", DT, "--input", str(bad), "--data", str(data), "--apply")
    assert code == 1 and "không tìm thấy trường 'TH Không Có'" in err and "Chưa ghi gì" in err
    loose = tmp_path / "khong-tieu-de.tsv"
    loose.write_text(HEADER + "1\tĐỗ Tấn Nhạn\tHiệu trưởng - TH Minh Thạnh\t\t\n", encoding="utf-8")
    code, _, err = run(capsys, "--office", DT, "--input", str(loose), "--data", str(data), "--apply")
    assert code == 1 and "Có 1 dòng chưa thuộc tổ chức nào (dòng 2)" in err
    assert tree(data) == before


def test_the_command_speaks_vietnamese_and_never_shows_a_traceback(data: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: cotcan nhap") and "tùy chọn:" in out and "--apply" in out
    with pytest.raises(SystemExit) as done:
        main(["--input", "x.xlsx"])
    assert done.value.code == 2
    assert capsys.readouterr().err.endswith("LỖI: thiếu tùy chọn bắt buộc: --office\n")
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = run(capsys, "--office", DT, "--input", str(broken), "--data", str(data))
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.startswith(f"LỖI {broken}: tệp không phải là tệp Excel (.xlsx) hợp lệ")
    code, _, err = run(capsys, "--office", "pgddt-dau-tieg", "--input", str(broken), "--data", str(data))
    assert code == 2 and err.startswith("LỖI không có đơn vị nào mang mã 'pgddt-dau-tieg'. Có phải: pgddt-dau-tieng,")


def test_the_command_reads_data_from_the_current_folder() -> None:
    done = cotcan("nhap", "--office", "pgddt-dien-bien-phu", "--input",
                  str(REPO / "tests" / "fixtures" / "import" / "dbp-2024-cbql.tsv"), cwd=REPO)
    assert done.returncode == 1 and "dòng chưa thuộc tổ chức nào" in done.stderr, done.stderr  # no body: no --apply
    assert yaml.safe_load(done.stdout)["members"][0]["person"] == "dbp-cao-thi-dai"


def test_a_list_whose_last_member_is_a_block_is_replaced_up_to_its_last_line(tmp_path: Path) -> None:
    """A found bug: the end of a block list was taken at the next body's "- id:" line,
    so replacing the last group's list swallowed the next group's header."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    data = tmp_path / "data"
    portal, _ = load(data)
    table = tmp_path / "toan.tsv"
    table.write_text(HEADER + "NHÓM TOÁN\n10\tNguyễn Thị Mới Một\tGiáo viên - THCS Him Lam\tToán\tNhóm trưởng\n"
                     "NHÓM TIẾNG ANH\n19\tNguyễn Thị Mới Hai\tGiáo viên - THCS Him Lam\tTiếng Anh\tNhóm trưởng\n",
                     encoding="utf-8")
    result = import_roster(portal, "pgddt-dien-bien-phu", table, body="dbp-to-cot-can-thcs-gv")
    assert result.errors == []
    [_, year_change] = plan_changes(result, data, data.parent)
    new = yaml.safe_load(year_change.new_text)
    old = yaml.safe_load(year_change.old_text)
    changed = {b["id"] for b, before in zip(new["bodies"], old["bodies"], strict=True) if b != before}
    assert changed == {"dbp-to-cot-can-thcs-gv-toan", "dbp-to-cot-can-thcs-gv-tieng-anh"}
    toan = next(b for b in new["bodies"] if b["id"] == "dbp-to-cot-can-thcs-gv-toan")
    assert [m["person"] for m in toan["members"]] == ["dbp-nguyen-thi-moi-mot"]
    assert {k: v for k, v in toan.items() if k != "members"} == {
        k: v for k, v in next(b for b in old["bodies"] if b["id"] == toan["id"]).items() if k != "members"}


@pytest.mark.parametrize("value", ["Giáo viên - THCS Him Lam", "yes", "No", "null", "10", "1.5", "2024-09-01",
                                   "a: b", "# x", "- x", "x #y", "{a}", "[a]", "'q'", '"q"', "Trường: THCS", "ends:",
                                   "tab\there", "P. Hiệu trưởng", "*ref", "&anchor", "!tag", "%x", "@x", "`x`",
                                   "  padded", "trailing ", "Lê Thị Hồng (Bà)", "50%", "x|y", "x>y"])
def test_every_text_is_written_so_that_it_reads_back_the_same(value: str) -> None:
    from portal.importer.yamltext import dump, item_lines

    data = {"members": [{"stt": 1, "note": value}], "name": value}
    assert yaml.safe_load(dump(data)) == data
    assert yaml.safe_load("\n".join(item_lines({"note": value, "stt": 2}, 0, flow=True))) == [{"note": value,
                                                                                               "stt": 2}]


def test_the_workbook_command_writes_a_new_file_and_never_overwrites_one(data: Path, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "nam-sau.xlsx"
    code, out, err = run(capsys, "--office", DT, "--workbook", str(target), "--year", "2023-2024", "--data", str(data))
    assert code == 0, err
    assert out.startswith(f"Đã ghi {target}: danh sách năm học 2023-2024 của Phòng GDĐT")
    written = target.read_bytes()
    code, _, err = run(capsys, "--office", DT, "--workbook", str(target), "--data", str(data))
    assert code == 2 and "tệp đã có; không ghi đè bảng Excel" in err
    assert target.read_bytes() == written
    # It is for 2024-2025: never imported into the year it was copied from (the signed one).
    before = tree(data)
    code, out, err = run(capsys, "--office", DT, "--input", str(target), "--year", "2023-2024", "--data", str(data))
    assert (code, out) == (2, "")
    assert err == (f"LỖI {target}: bảng là danh sách năm học 2024-2025 (tiêu đề, dòng 1), không nhập vào năm học "
                   f"2023-2024 của {DT}: mỗi bảng chỉ nhập vào năm học nó ghi. Gợi ý: nhập vào năm học đó: cotcan "
                   f"nhap --office {DT} --input {target} --data {data}.\n")
    assert tree(data) == before
    code, _, err = run(capsys, "--office", DT, "--input", str(target), "--data", str(data))
    assert code == 0, err


@pytest.mark.parametrize("title", ["DANH SÁCH NĂM HỌC 2024 - 2025 (chép từ năm học 2023-2024: sửa cho năm mới)",
                                   "DANH SÁCH NĂM HỌC 2024-2025", "DANH SÁCH TỔ CỐT CÁN NĂM HỌC 2024–2025",
                                   "Danh sách năm học 2024/2025"])
def test_a_workbook_whose_title_the_clerk_retyped_still_lands_in_its_own_year_only(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str) -> None:
    """The last hostile review: a title retyped with spaces round the dash, or its note
    deleted, was no longer read, and the next year's workbook rewrote the signed 2023-2024.
    A table with the workbook's id columns is read for its year however its title is typed."""
    target = tmp_path / "nam-sau.xlsx"
    code, _, err = run(capsys, "--office", DT, "--workbook", str(target), "--year", "2023-2024", "--data", str(data))
    assert code == 0, err
    book = openpyxl.load_workbook(target)
    book["Danh sách"]["A1"].value = title
    book.save(target)
    before = tree(data)
    code, out, err = run(capsys, "--office", DT, "--input", str(target), "--year", "2023-2024", "--apply",
                         "--data", str(data))
    assert (code, out) == (2, "") and "bảng là danh sách năm học 2024-2025 (tiêu đề, dòng 1)" in err, err
    assert tree(data) == before


CU_CHI, HCM = "pgddt-cu-chi", "so-gddt-tp-hcm"


def test_an_ended_office_s_workbook_is_for_its_successor_s_year_and_lands_in_no_other(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Củ Chi ended on 30/6/2025: its workbook is for 2025-2026, which so-gddt-tp-hcm publishes.
    The workbook says the commands that get it there; imported under Củ Chi, before or after
    that year is started, it is refused with those commands, and Củ Chi's signed 2024-2025
    is left as it was (it lost a school, once)."""
    target = tmp_path / "cc.xlsx"
    code, out, err = run(capsys, "--office", CU_CHI, "--workbook", str(target), "--data", str(data))
    assert code == 0, err
    steps = ("Phòng GDĐT huyện Củ Chi đã chấm dứt hoạt động từ sau ngày 30/06/2025, năm học 2025-2026 do đơn vị kế "
             "thừa ban hành: bắt đầu năm học đó của Sở GDĐT TP.HCM (cotcan nam-moi --office pgddt-cu-chi --successor "
             f"so-gddt-tp-hcm --data {data}) rồi nhập lại bằng cotcan nhap --office so-gddt-tp-hcm --input {target} "
             f"--data {data}")
    assert out == (f"Đã ghi {target}: danh sách năm học 2024-2025 của Phòng GDĐT huyện Củ Chi như cuối năm học, để "
                   f"sửa cho năm học 2025-2026; {steps}.\n")
    book = openpyxl.load_workbook(target)
    assert str(book["Danh sách"]["A1"].value).startswith("DANH SÁCH NĂM HỌC 2025-2026 (chép từ năm học 2024-2025")
    # The clerk deletes a school that left Cụm 01.
    sheet = book["Danh sách"]
    sheet.delete_rows(next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "THCS An Phú"))
    book.save(target)
    before = tree(data)
    refused = (f"LỖI {target}: bảng là danh sách năm học 2025-2026 (tiêu đề, dòng 1), không nhập vào năm học "
               f"2024-2025 của {CU_CHI}: mỗi bảng chỉ nhập vào năm học nó ghi. Gợi ý: ")
    code, out, err = run(capsys, "--office", CU_CHI, "--input", str(target), "--apply", "--data", str(data))
    assert (code, out, err) == (2, "", f"{refused}{steps}.\n")
    assert tree(data) == before
    assert cotcan_main(["nam-moi", "--office", CU_CHI, "--successor", HCM, "--data", str(data)]) == 0
    capsys.readouterr()
    before = tree(data)
    code, out, err = run(capsys, "--office", CU_CHI, "--input", str(target), "--apply", "--data", str(data))
    assert (code, out, err) == (2, "", f"{refused}Phòng GDĐT huyện Củ Chi đã chấm dứt hoạt động từ sau ngày "
                                       "30/06/2025, năm học 2025-2026 do đơn vị kế thừa ban hành: nhập vào năm học đó "
                                       f"của Sở GDĐT TP.HCM: cotcan nhap --office {HCM} --input {target} --data "
                                       f"{data}.\n")
    assert tree(data) == before
    # As told: into the successor's year, which loses the school's row; the past stays signed.
    def an_phu(year: str, office: str) -> int:
        return (data / "years" / year / f"{office}.yml").read_text(encoding="utf-8").count("school: cc-thcs-an-phu")

    carried = an_phu("2025-2026", HCM)
    code, _, err = run(capsys, "--office", HCM, "--input", str(target), "--apply", "--data", str(data))
    assert code == 0, err
    after = tree(data)
    assert sorted(name for name in after if after[name] != before[name]) == [f"years/2025-2026/{HCM}.yml"]
    assert an_phu("2025-2026", HCM) == carried - 1 == an_phu("2024-2025", CU_CHI) - 1


def test_input_or_workbook_but_not_both(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--office", DT, "--data", str(data))
    assert code == 2 and "cần đúng một trong hai: --input" in err
    with pytest.raises(SystemExit):
        main(["--office", DT, "--input", "x.tsv", "--year", "2024"])
    assert "LỖI: --year: năm học '2024' không đúng dạng, ví dụ 2024-2025" in capsys.readouterr().err


def test_two_new_bodies_named_by_headings_are_added_in_the_list_s_order(data: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Two headings naming groups the year does not have: both proposed, both written, in
    the order of the list (two insertions at the end of `bodies:` used to swap and fail the
    layout check, even in the preview)."""
    path = tmp_path / "nhom.tsv"
    path.write_text(HEADER + "NHÓM TOÁN\n1\tĐỗ Tấn Nhạn\tHiệu trưởng - TH Minh Hòa\tToán\tNhóm trưởng\n"
                    "NHÓM NGỮ VĂN\n1\tLê Văn Hoà\tHiệu trưởng - TH Dầu Tiếng\tNgữ văn\tNhóm trưởng\n",
                    encoding="utf-8")
    code, out, err = run(capsys, "--office", DT, "--input", str(path), "--data", str(data))
    assert code == 0, err
    assert [b["name"] for b in yaml.safe_load(out)["bodies"]] == ["Nhóm Toán", "Nhóm Ngữ văn"]
    code, _, err = run(capsys, "--office", DT, "--input", str(path), "--data", str(data), "--apply")
    assert code == 0, err
    written = yaml.safe_load((data / "years" / "2024-2025" / f"{DT}.yml").read_text(encoding="utf-8"))
    assert [b["name"] for b in written["bodies"]][-2:] == ["Nhóm Toán", "Nhóm Ngữ văn"]


def test_a_year_the_office_has_not_started_is_refused_with_the_command(data: Path, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """`--year 2025-2026` before `cotcan nam-moi`: told to start the year, not that the new
    groups lack a decision."""
    before = tree(data)
    path = DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx")
    code, out, err = run(capsys, "--office", DT, "--input", str(path), "--year", "2030-2031", "--data", str(data))
    assert (code, out) == (2, "")
    assert err == (f"LỖI đơn vị {DT} chưa có năm học 2030-2031 (các năm đang có: 2023-2024, 2024-2025). Gợi ý: "
                   f"bắt đầu năm học bằng cotcan nam-moi --office {DT} --to 2030-2031 --data {data} rồi nhập danh "
                   "sách.\n")
    assert tree(data) == before


def test_a_year_file_the_merge_cannot_keep_is_left_alone_with_a_sentence(data: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`bodies:` written as one flow list (pasted from JSON or another tool): the merge cannot
    add a body inside it. Exit 2 with a sentence and the proposed YAML to paste, never the
    'unexpected fault' line (exit 3) PyYAML's parser error gave; nothing written."""
    year_file = data / "years" / "2024-2025" / f"{DT}.yml"
    text = year_file.read_text(encoding="utf-8")
    bodies = yaml.safe_load(text)["bodies"]
    head = text[:text.index("\nbodies:")]
    year_file.write_text(head + "\nbodies: " + json.dumps(bodies, ensure_ascii=False, default=str) + "\n",
                         encoding="utf-8")
    before = tree(data)
    path = tmp_path / "nhom.tsv"
    path.write_text(HEADER + "NHÓM TOÁN\n1\tĐỗ Tấn Nhạn\tHiệu trưởng - TH Minh Hòa\tToán\tNhóm trưởng\n",
                    encoding="utf-8")
    for apply in ((), ("--apply",)):
        code, out, err = run(capsys, "--office", DT, "--input", str(path), "--data", str(data), *apply)
        assert code == 2, err
        assert yaml.safe_load(out)["bodies"][0]["name"] == "Nhóm Toán"  # the proposal, to paste by hand
        assert (f"LỖI data/years/2024-2025/{DT}.yml: không ghép được danh sách vào tệp mà giữ nguyên bố cục của tệp; "
                "không ghi gì. Gợi ý: dán tay YAML đề xuất (in ra ở trên, hoặc ghi vào tệp bằng --output).") in err
        assert tree(data) == before


def test_a_people_file_the_insertion_cannot_keep_is_left_alone_with_a_sentence(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people_file = data / "people" / f"{DT}.yml"
    people = yaml.safe_load(people_file.read_text(encoding="utf-8"))["people"]
    people_file.write_text("people: " + json.dumps(people, ensure_ascii=False) + "\n", encoding="utf-8")
    before = tree(data)
    code, _, err = run(capsys, "--office", DT, "--input", str(DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx")),
                       "--data", str(data), "--apply")
    assert code == 2 and "Lỗi không mong đợi" not in err
    assert (f"LỖI data/people/{DT}.yml: không thêm được người mới mà giữ nguyên bố cục của tệp; không ghi gì. "
            "Gợi ý: thêm tay những người mới theo YAML đề xuất (in ra ở trên).") in err
    assert tree(data) == before


def test_a_workbook_or_output_into_a_missing_folder_names_the_file_asked_for(data: Path, tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Not the hidden temporary file written beside it."""
    target = tmp_path / "khong-co" / "nam-sau.xlsx"
    code, out, err = run(capsys, "--office", DT, "--workbook", str(target), "--data", str(data))
    assert (code, out) == (2, "")
    assert err == f"LỖI {target}: không có thư mục {target.parent}; tạo thư mục đó trước, hoặc chọn chỗ khác.\n"
    output = tmp_path / "khong-co" / "de-xuat.yml"
    code, _, err = run(capsys, "--office", DT, "--input", str(DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx")),
                       "--output", str(output), "--data", str(data))
    assert code == 2 and err.startswith(f"LỖI {output}: không có thư mục {output.parent};")
    assert ".tmp" not in err and not (tmp_path / "khong-co").exists()


# A team's list numbered group by group (each group from 1), as many offices sign it

MAU = "pgddt-mau"
MAU_TEAM = "mau-to-cot-can"
_M = "(dữ liệu mẫu)"
# The team's officers (numbered 1-3), then each group under its heading, numbered from 1;
# the rows carry no Môn column: the heading says the group.
MAU_GROUPS: tuple[tuple[str, tuple[tuple[str, str, str, str], ...]], ...] = (
    ("", (("Ông Trần Văn Hùng", "Trưởng phòng", f"Phòng GDĐT huyện Mẫu {_M}", "Tổ trưởng"),
          ("Bà Nguyễn Thị Thu Hà", "Phó Trưởng phòng", f"Phòng GDĐT huyện Mẫu {_M}", "Tổ phó"),
          ("Lê Minh Tuấn", "Chuyên viên", f"Phòng GDĐT huyện Mẫu {_M}", "Thư ký"))),
    ("NHÓM TOÁN", (("Võ Văn Khoa", "Phó Hiệu trưởng", f"THCS Hoa Sen {_M}", "Nhóm trưởng"),
                   ("Đỗ Thị Mỹ Duyên", "Giáo viên", f"Trường THCS Bình Minh {_M}", ""),
                   ("Châu Văn Lợi", "Giáo viên", f"THCS Tân Phú {_M}", ""),
                   ("Huỳnh Ngọc Ánh", "Giáo viên", f"THCS Long Thạnh {_M}", ""))),
    ("Nhóm môn Ngữ văn", (("Nguyễn Văn Phúc", "Giáo viên", f"THCS Tân Phú {_M}", "Nhóm trưởng"),
                          ("Trần Thị Kim Oanh", "P. Hiệu trưởng", f"THCS Lê Quý Đôn {_M}", ""),
                          ("Mai Thị Hồng Nhung", "Giáo viên", f"TH-THCS Suối Đá {_M}", ""),
                          ("Lưu Thị Diễm", "Giáo viên", f"THCS Hoa Sen {_M}", ""))),
    ("III. NHÓM TIẾNG ANH", (("Đặng Thị Hoài Thu", "Giáo viên", f"THCS Bình Minh {_M}", "Nhóm trưởng"),
                             ("Lý Quốc Bảo", "Giáo viên", f"THCS Hoa Sen {_M}", "Phó nhóm trưởng"),
                             ("Ngô Thị Thanh Trúc", "Giáo viên", f"THCS An Nhơn {_M}", ""))),
    ("NHÓM VẬT LÍ", (("Hoàng Văn Dũng", "Giáo viên", f"THCS Long Thạnh {_M}", "Nhóm trưởng"),
                     ("Dương Thị Ngọc Hân", "Giáo viên", f"TH-THCS Suối Đá {_M}", ""))),
    ("NHÓM TIN HỌC", (("Trịnh Minh Khôi", "Giáo viên", f"THCS Tân Phú {_M}", "Nhóm trưởng"),
                      ("Quách Thị Bích Ngọc", "Giáo viên", f"THCS Bình Minh {_M}", ""))),
)


def _mau_team_roster(path: Path, first_numbers: dict[str, int] | None = None) -> Path:
    """The team's signed list in Excel or Word: title rows, a header, the officers, each group
    under a heading merged across the row, numbered from 1 (or from `first_numbers[heading]`)."""
    rows: list[list[object]] = [["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN MẪU", None, None, None, None],
                                ["DANH SÁCH TỔ CỐT CÁN GIÁO VIÊN THCS CẤP HUYỆN NĂM HỌC 2024-2025", None, None, None,
                                 None],
                                ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Ghi chú"]]
    merges = ["A1:E1", "A2:E2"]
    for heading, members in MAU_GROUPS:
        if heading:
            rows.append([heading, None, None, None, None])
            merges.append(f"A{len(rows)}:E{len(rows)}")
        first = (first_numbers or {}).get(heading, 1)
        rows += [[first + i, *member] for i, member in enumerate(members)]
    return write_table(path, rows, tuple(merges))


@pytest.fixture
def mau_data(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_a_team_numbered_group_by_group_is_imported_checked_and_shown_as_signed(
        mau_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    """The team's officers 1-3, then each group from 1: the dry run said each group's 1 was
    the team's 1 and --apply refused (one list numbered once); now imported as signed, the
    check is clean, and the team's list (page, CSV, XLSX) keeps each group together, its
    numbers beside its subject."""
    path = _mau_team_roster(tmp_path / f"ds{suffix}")
    args = ("--office", MAU, "--year", "2024-2025", "--body", MAU_TEAM, "--input", str(path), "--data", str(mau_data))
    code, _, err = run(capsys, *args)
    assert code == 0, err
    assert "CẢNH BÁO" not in err and "số thứ tự" not in err
    code, _, err = run(capsys, *args, "--apply")
    assert code == 0, err
    checked = cotcan("kiem-tra", "--data", str(mau_data))
    assert checked.returncode == 0 and "0 lỗi, 0 cảnh báo." in checked.stdout, checked.stdout
    portal, _ = load(mau_data)
    team = portal.bodies[(SchoolYear(2024), MAU_TEAM)]
    signed = [(heading, i + 1, member[0].removeprefix("Ông ").removeprefix("Bà "))
              for heading, members in MAU_GROUPS for i, member in enumerate(members)]
    assert [(m.stt, portal.people[m.person or ""].name) for m in portal.roster(team)] == [
        (stt, name) for _, stt, name in signed]
    names = {name for *_, name in signed}
    # (The sample's list was amended during the year: the rows that took others' places follow.)
    csv_rows = [row for row in csv.reader(io.StringIO(exports.roster_csv(portal, team).decode("utf-8-sig")))
                if row[1] in names]
    subjects = {"": "", "NHÓM TOÁN": "Toán", "Nhóm môn Ngữ văn": "Ngữ văn", "III. NHÓM TIẾNG ANH": "Tiếng Anh",
                "NHÓM VẬT LÍ": "Vật lí", "NHÓM TIN HỌC": "Tin học"}
    assert [(row[0], row[1], row[3]) for row in csv_rows] == [
        (str(stt), name, subjects[heading]) for heading, stt, name in signed]
    sheet = openpyxl.load_workbook(io.BytesIO(exports.roster_xlsx(portal, team))).active
    assert sheet is not None
    cells = [(row[0], row[3]) for row in sheet.iter_rows(values_only=True) if row[1] in names]
    assert cells == [(stt, subjects[heading] or None) for heading, stt, _ in signed]
    # The team's published workbook (no headings: each row's Môn says its group) imports back unchanged.
    published = tmp_path / "danh-sach.xlsx"
    published.write_bytes(exports.roster_xlsx(portal, team))
    again = import_roster(portal, MAU, published, year=SchoolYear(2024), body=MAU_TEAM)
    assert summary(portal, again.proposal.bodies, again.new_people) == [], again.report()
    pages = Pages(portal)
    spec = next(s for s in pages.all() if s.url == f"to-chuc/{MAU_TEAM}/2024-2025/")
    table = Renderer(pages).render(spec).split('<table class="portal-roster', 1)[1].split("</table>", 1)[0]
    shown = [(cells[0], cells[1]) for row in table.split("<tr")[2:]
             if (cells := re.findall(r'data-label="(?:STT|Môn)"[^>]*>([^<]*)</td>', row))
             and any(name in row for name in names)]
    assert shown == [(str(stt), subjects[heading]) for heading, stt, _ in signed]


def test_a_group_numbered_on_beside_groups_numbered_from_1_is_told_before_apply_refuses(
        mau_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The team numbered group by group, then the Tin học group imported again numbered on
    (14, 15) as in a list numbered once: the list now reads numbered once, so the other
    groups' numbers clash. The dry run says so on the imported rows, and --apply refuses it
    with the checker's message: the two agree."""
    base = ("--office", MAU, "--year", "2024-2025", "--data", str(mau_data))
    code, _, err = run(capsys, *base, "--body", MAU_TEAM, "--input", str(_mau_team_roster(tmp_path / "ds.xlsx")),
                       "--apply")
    assert code == 0, err
    path = write_table(tmp_path / "tin-hoc.xlsx", [["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Ghi chú"],
                                                   ["NHÓM TIN HỌC", None, None, None, None],
                                                   [14, "Trịnh Minh Khôi", "Giáo viên", f"THCS Tân Phú {_M}",
                                                    "Nhóm trưởng"],
                                                   [15, "Quách Thị Bích Ngọc", "Giáo viên", f"THCS Bình Minh {_M}",
                                                    ""]])
    before = tree(mau_data)
    code, _, err = run(capsys, *base, "--body", MAU_TEAM, "--input", str(path))
    assert code == 1, err  # the dry run checks the data as the import would leave it (importer/trial.py)
    told = [line for line in err.splitlines() if "--apply sẽ báo lỗi" in line]
    assert told[0] == (f"CẢNH BÁO {path}, dòng 3, mục cột 'STT': STT 1 của ông Võ Văn Khoa (Nhóm Toán {_M}, có sẵn) "
                       f"trùng với ông Trần Văn Hùng (Tổ cốt cán giáo viên THCS cấp huyện {_M}, có sẵn); "
                       "--apply sẽ báo lỗi.")
    assert "vừa đánh số tiếp ở Nhóm Tin học (dữ liệu mẫu) (từ 14)" in err
    # Each row of the table clashes: the long hint is written once a report, then "như trên".
    assert len(told) > 10 and err.count("vừa đánh số tiếp ở Nhóm Tin học") == 2
    assert err.count("    gợi ý: như trên") >= len(told) - 1
    refused = "số thứ tự 1 dùng nhiều lần trong danh sách Tổ cốt cán giáo viên THCS cấp huyện (dữ liệu mẫu): đã có " \
              "ở Tổ cốt cán giáo viên THCS cấp huyện (dữ liệu mẫu), members[0]."
    assert refused in err
    code, _, err = run(capsys, *base, "--body", MAU_TEAM, "--input", str(path), "--apply")
    assert code == 1
    assert refused in err
    assert tree(mau_data) == before


def test_a_team_declared_without_members_is_a_draft_warning_and_takes_its_imported_list(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new office writes its decision's teams, then imports each signed list (a new site's
    README, step 3): a team without members was an error even under --draft, and the import
    into it was refused because "the data has errors". Under --draft it is a warning naming
    the import; the import fills it; the real check (the build's) still refuses it empty."""
    year = data / "years" / "2024-2025" / f"{DT}.yml"
    team = "dt-to-cot-can-tin-hoc"
    year.write_text(year.read_text(encoding="utf-8") + (
        f"  - id: {team}\n    kind: to-cot-can\n    name: Tổ cốt cán Tin học\n"
        f"    decision: {DT}-2024-qd-cho-so\n"), encoding="utf-8")
    draft = cotcan("kiem-tra", "--draft", "--data", str(data))
    assert draft.returncode == 0, draft.stdout
    block = next(b for b in draft.stdout.split("\n\n") if "Tổ cốt cán Tin học: không có thành viên nào." in b)
    assert block.startswith("CẢNH BÁO")
    assert f"cotcan nhap --office {DT} --body {team} --input danh-sach.docx" in block
    assert cotcan("kiem-tra", "--data", str(data)).returncode == 1
    signed = write_table(tmp_path / "ds tin học.xlsx", [
        ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", None, None, None],
        ["DANH SÁCH TỔ CỐT CÁN TIN HỌC NĂM HỌC 2024-2025", None, None, None],
        [],
        ["STT", "Họ và tên", "Chức vụ - Đơn vị công tác", "Ghi chú"],
        [1, "Bà Nguyễn Thị Thu Vân", "Hiệu trưởng - Trường TH Bến Súc", "Tổ trưởng"],
        [2, "Võ Minh Tâm", "Giáo viên - TH Thanh An ", "Tổ phó"],
        [3, "Phạm Thị Ngọc Hà", "Giáo viên - TH Thanh An", ""],
    ], merges=("A1:D1", "A2:D2"))
    code, _, err = run(capsys, "--office", DT, "--body", team, "--input", str(signed), "--apply",
                       "--data", str(data))
    assert code == 0, err
    body = next(b for b in yaml.safe_load(year.read_text(encoding="utf-8"))["bodies"] if b["id"] == team)
    assert [(m["role"], m["person"]) for m in body["members"]] == [
        ("to-truong", "dt-nguyen-thi-thu-van"), ("to-pho", "dt-vo-minh-tam"), ("uy-vien", "dt-pham-thi-ngoc-ha")]
    after = cotcan("kiem-tra", "--draft", "--data", str(data))
    assert "Tổ cốt cán Tin học: không có thành viên nào" not in after.stdout


@pytest.mark.parametrize("name", ["nam sau.docx", "nam-sau.xls", "nam-sau"])
def test_a_workbook_not_named_xlsx_is_refused_and_nothing_written(data: Path, tmp_path: Path, name: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """`--workbook x.docx` wrote an Excel file named .docx, then told the clerk to import it."""
    code, out, err = run(capsys, "--office", DT, "--workbook", str(tmp_path / name), "--data", str(data))
    assert code == 2 and not out and "Traceback" not in err
    assert err.startswith(f"LỖI --workbook {tmp_path / name}: bảng ghi ra là tệp Excel .xlsx;")
    assert not (tmp_path / name).exists()


def test_ctrl_c_during_the_check_after_applying_restores_the_files_and_says_so(
        data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """mend3-office item 3: the restore covered the writes only; Ctrl+C in the check after them
    left the files written and unchecked under "Đã dừng theo yêu cầu"."""
    from portal.cli import import_roster as command

    before = tree(data)
    real_load = command.load

    def interrupted_once_written(*args: object, **kwargs: object) -> object:
        if tree(data) != before:  # the check after the writes
            raise KeyboardInterrupt
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(command, "load", interrupted_once_written)
    code, _, err = run(capsys, "--office", DT, "--input", str(DAU_TIENG_2024.write_xlsx(tmp_path / "ds.xlsx")),
                       "--data", str(data), "--apply")
    assert code == 130 and "Traceback" not in err
    assert err.rstrip().endswith("Đã dừng theo yêu cầu (Ctrl+C); đã trả lại các tệp như cũ, không ghi gì.")
    assert tree(data) == before


def test_a_workbook_for_an_unknown_office_names_the_nearest_ids(tmp_path: Path) -> None:
    """mend3-office item 6: the workbook said "không có trong dữ liệu hoặc chưa có năm học nào",
    not the shared sentence with the ids nearest the one typed."""
    done = cotcan("nhap", "--office", "so-gddt-dien-bin", "--workbook", str(tmp_path / "x.xlsx"),
                  "--data", str(REPO / "data"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("LỖI không có đơn vị nào mang mã 'so-gddt-dien-bin'. Có phải: so-gddt-dien-bien")
    assert not (tmp_path / "x.xlsx").exists()
