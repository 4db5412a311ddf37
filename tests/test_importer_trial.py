"""The dry run tells everything --apply would refuse: it checks the data as the import would
leave it, with the checker --apply runs, and writes nothing (portal.importer.trial).

The held-out failure: the sample office's 2024-2025 Toán group has an amending decision
(Quyết định 260) replacing Võ Văn Khoa by Phạm Thị Lan. A clerk imports the list as it stands
after that decision, Phạm Thị Lan leading: the dry run was clean, --apply refused it (the
amendment replaces someone no longer in the list)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import tempfile
from pathlib import Path

import pytest

import portal.load
from conftest import REPO
from portal.cli import main as cotcan
from roster_files import write_table

OFFICE = "pgddt-mau"
YEAR_FILE = f"data/years/2024-2025/{OFFICE}.yml"
BM, TP, LT = (f"THCS {name} (dữ liệu mẫu)" for name in ("Bình Minh", "Tân Phú", "Long Thạnh"))
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Môn", "Ghi chú"]


def tree(root: Path) -> dict[str, str]:
    """Every file (its SHA-256) and folder under `root`."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(root.rglob("*"))}


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's data in a folder of its own, where the clerk runs the
    command; any temporary file goes into a folder of the test's (`temporary`)."""
    shutil.copytree(REPO / "data", tmp_path / "portal" / "data")
    (tmp_path / "temporary").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temporary"))
    monkeypatch.chdir(tmp_path / "portal")
    return tmp_path / "portal"


def after_amendment(path: Path) -> Path:
    """The Toán group's list as a clerk has it after Quyết định 260: a title, the header, the
    group's heading merged across the table, the school merged down over two teachers, the
    subject over the whole group, an honorific before the leader's name."""
    return write_table(path, [
        ["DANH SÁCH NHÓM TOÁN, TỔ CỐT CÁN GIÁO VIÊN THCS", None, None, None, None, None],
        ["(Kèm theo Quyết định số 260/QĐ-PGDĐT ngày 04/11/2024)", None, None, None, None, None],
        HEADER,
        ["NHÓM TOÁN", None, None, None, None, None],
        [1, "Bà Phạm Thị Lan", "Giáo viên", BM, "Toán", "Nhóm trưởng"],
        [2, "Đỗ Thị Mỹ Duyên", "Giáo viên", None, None, ""],
        [3, "Châu Văn Lợi", "Giáo viên", TP, None, ""],
        [4, "Huỳnh Ngọc Ánh", "Giáo viên", LT, None, ""],
    ], ("A1:F1", "A2:F2", "A4:F4", "D5:D6", "E5:E8"))


def nhap(path: Path, *more: str) -> tuple[int, str]:
    """`cotcan nhap` into the sample office's 2024-2025 core team; the exit code and the report."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cotcan(["nhap", "--office", OFFICE, "--year", "2024-2025", "--body", "mau-to-cot-can",
                       "--input", str(path), *more])
    return code, err.getvalue()


def line_of(block: str) -> int:
    """The line a problem of the year file names."""
    found = re.match(rf"(?:LỖI|CẢNH BÁO) {re.escape(YEAR_FILE)}, dòng (\d+), ", block)
    assert found, block
    return int(found[1])


def problem_blocks(report: str) -> list[str]:
    """Each LỖI / CẢNH BÁO of the data files, with its lines of detail."""
    return re.findall(r"^(?:LỖI|CẢNH BÁO) data/.*?(?=\n\n|\Z)", report, flags=re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_the_dry_run_refuses_what_an_amendment_of_the_data_forbids(root: Path, suffix: str) -> None:
    path = after_amendment(root.parent / f"nhom-toan.{suffix}")
    before = tree(root.parent)
    code, dry = nhap(path)
    assert code == 1, dry
    assert tree(root.parent) == before  # nothing written, nothing left anywhere
    [block] = problem_blocks(dry)
    line = line_of(block)
    # The line of the would-be file (the same as the file's: one member's line replaced by another).
    assert (root / YEAR_FILE).read_text(encoding="utf-8").splitlines()[line - 1].strip() == "- person: mau-vo-van-khoa"
    assert "mục bodies[1].amendments[0].replace[0]: thay Võ Văn Khoa ('mau-vo-van-khoa') nhưng người này không có " \
           "trong Nhóm Toán (dữ liệu mẫu) năm học 2024-2025." in block
    assert dry.rstrip().endswith("Danh sách làm dữ liệu có lỗi mới ở trên (số dòng là của tệp dữ liệu như sau khi "
                                 "nhập, theo phần 'Những gì sẽ thay đổi'), nên sẽ bị từ chối khi ghi (--apply): "
                                 "chưa ghi gì vào data.")
    assert str(root.parent) not in dry.replace(str(path), "")  # every file named as the clerk knows it

    code, applied = nhap(path, "--apply")
    assert code == 1
    assert problem_blocks(applied) == [block]  # --apply refuses it, in the same words, on the same line
    assert tree(root.parent) == before


def test_a_dry_run_whose_data_would_be_clean_says_so_and_exits_0(root: Path) -> None:
    """The list as first signed (Võ Văn Khoa leading), one teacher's school changed: the
    amendment still finds whom it replaces."""
    path = write_table(root.parent / "nhom-toan.xlsx", [
        HEADER, ["NHÓM TOÁN", None, None, None, None, None],
        [1, "Võ Văn Khoa", "Phó Hiệu trưởng", "THCS Hoa Sen (dữ liệu mẫu)", "Toán", "Nhóm trưởng"],
        [2, "Đỗ Thị Mỹ Duyên", "Giáo viên", BM, "Toán", ""],
        [3, "Châu Văn Lợi", "Giáo viên", BM, "Toán", ""],
        [4, "Huỳnh Ngọc Ánh", "Giáo viên", LT, "Toán", ""]], ("A2:F2",))
    before = tree(root.parent)
    code, dry = nhap(path)
    assert code == 0, dry
    assert f"  ~ Châu Văn Lợi (mau-chau-van-loi): đơn vị {TP} → {BM}" in dry
    assert problem_blocks(dry) == []
    assert dry.rstrip().endswith("Dữ liệu như sau khi nhập qua kiểm tra. Chưa ghi gì vào data. Xem lại, rồi chạy "
                                 "lại lệnh với --apply để ghi.")
    assert tree(root.parent) == before
    code, applied = nhap(path, "--apply")
    assert code == 0, applied
    assert "mau-thcs-binh-minh, subject: Toán}" in (root / YEAR_FILE).read_text(encoding="utf-8")


def test_the_dry_run_shows_the_warnings_the_import_brings(root: Path) -> None:
    """A new group given last year's decision (--decision copied from last year's command):
    no error, but the checker warns; the dry run shows it, with the line it will have."""
    path = write_table(root.parent / "nhom-hoa.docx", [
        HEADER, ["NHÓM HÓA HỌC", None, None, None, None, None],
        [20, "Ông Châu Văn Lợi", "Giáo viên", TP, "Hóa học", "Nhóm trưởng"],
        [21, "Trần Thị Mới", "Giáo viên", BM, "Hóa học", ""]], ("A2:F2",))
    code, dry = nhap(path, "--decision", "mau-2023-qd-to-cot-can")
    assert code == 0, dry
    [block] = problem_blocks(dry)
    assert block.startswith(f"CẢNH BÁO {YEAR_FILE}, dòng ")
    assert "Nhóm Hóa học năm học 2024-2025 lấy quyết định thành lập từ văn bản của năm học 2023-2024" in block
    line = line_of(block)
    nhap(path, "--decision", "mau-2023-qd-to-cot-can", "--apply")
    assert (root / YEAR_FILE).read_text(encoding="utf-8").splitlines()[line - 1].strip() == \
           "decision: mau-2023-qd-to-cot-can"


def test_a_dry_run_stopped_half_way_leaves_nothing_behind(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C during the check of the would-be data (the second load of the command)."""
    path = after_amendment(root.parent / "nhom-toan.xlsx")
    real = portal.load.check_originals
    loads = 0

    def interrupted(*args: object, **kwargs: object) -> object:
        nonlocal loads
        loads += 1
        if loads == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(portal.load, "check_originals", interrupted)
    before = tree(root.parent)
    code, dry = nhap(path)
    assert (code, loads) == (130, 2)
    assert "Đã dừng theo yêu cầu" in dry
    assert tree(root.parent) == before
