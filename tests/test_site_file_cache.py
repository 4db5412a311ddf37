"""The verdict "this file of content/ is clean", kept between processes (site_checks.CleanFiles).

Every build, every `mkdocs serve` rebuild and every `cotcan kiem-tra` read each PDF and Office
file of the site's own folders again for what anyone who downloads it can read (a PDF's text:
about half a second a megabyte; an office's archive of 300 decisions, 150 s a build). A file
found clean is kept in the build cache, named by its bytes, its name and place, the private
values looked for, the readers' versions and the core's code; any of them changed, it is read
again. A file with a problem is read, and refused, on every run. Each check is a "process":
a new CleanFiles over the same cache folder, as the next build's would be.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from collections import Counter
from pathlib import Path

import docx
import pytest
from cli_util import cotcan
from test_pages import write_site
from test_publish import run_build
from test_site_checks import _pdf_drawing

from portal import build_cache, file_reading, privacy, site_checks
from portal.commands import Exit

PRIVATE_PHONE = "0912 944 718"  # Lê Văn Hoà's in the repository's data (data/people/pgddt-dau-tieng.yml): private
DECISION = [(72, 720, "QUYẾT ĐỊNH Về việc kiện toàn tổ cốt cán môn Toán năm học 2024-2025"),
            (72, 700, "Tổ trưởng: cô Hà Thị Liên, Phó Hiệu trưởng - THCS Him Lam"),
            (72, 680, "Điện thoại cơ quan: 0215.3824.123, ngày 09.12.2024")]  # the office's own number: public
Check = tuple[list[tuple[str, str, str]], Counter[str]]


def _decision(*lines: str) -> bytes:
    """A decision printed to PDF by Word (its text drawn through a font of its own, read by pdfminer)."""
    return _pdf_drawing([*DECISION, *((72, 660 - 20 * i, line) for i, line in enumerate(lines))])


def _roster(*rows: tuple[str, str]) -> bytes:
    """A Word roster of a cluster as an office types it: a heading row merged over the table."""
    document = docx.Document()
    document.add_paragraph("DANH SÁCH CỤM CHUYÊN MÔN SỐ 01")
    table = document.add_table(rows=2, cols=2)
    heading = table.rows[0].cells[0].merge(table.rows[0].cells[1])
    heading.text = "CỤM 01 - NHÓM TOÁN"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Họ và tên", "Đơn vị"
    for name, school in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = name, school
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """content/ with a clean PDF (a name as a clerk saves it: capitals, diacritics in NFD) and a
    clean Word file in a folder of its own, and a Markdown page."""
    content = tmp_path / "content"
    (content / "van-ban").mkdir(parents=True)
    (content / unicodedata.normalize("NFD", "van-ban/Quyết định 12-QĐ.PDF")).write_bytes(_decision())
    (content / "van-ban/danh-sach-cum.docx").write_bytes(_roster(("Hà Thị Liên", "THCS Him Lam"),
                                                                  ("Nguyễn Văn An", "TH Nà Tấu")))
    (content / "index.md").write_text("# Văn bản\n\nCác quyết định năm học 2024-2025.\n", encoding="utf-8")
    return tmp_path


def count_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The files read from now on for what can be read in them (file_reading.file_readings, which
    the checks run once on each file that is no text they read), by their SHA-256."""
    counted: Counter[str] = Counter()
    real = site_checks.file_readings

    def counting(data: bytes) -> tuple[tuple[file_reading.Reading, ...], frozenset[file_reading.Unread]]:
        counted[hashlib.sha256(data).hexdigest()] += 1
        return real(data)

    monkeypatch.setattr(site_checks, "file_readings", counting)
    return counted


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The files read for what can be read in them (count_reads)."""
    return count_reads(monkeypatch)


def _check(root: Path, folder: Path | None, monkeypatch: pytest.MonkeyPatch, reads: Counter[str],
           *private: str) -> Check:
    """One process's check of content/ (a new CleanFiles over `folder`): its problems, and the
    files it read (by SHA-256)."""
    monkeypatch.setattr(site_checks, "CLEAN_SITE_FILES", site_checks.CleanFiles(site_checks.SITE_FILES_KIND,
                                                                                lambda: folder))
    reads.clear()
    files = site_checks.folder_files([root / "content"], root)
    problems = site_checks.file_problems(files, privacy.Redactor(private or (PRIVATE_PHONE,)))
    return [(p.file, p.severity, p.message) for p in problems], Counter(reads)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _binary_files(root: Path) -> list[Path]:
    return [path for path in sorted((root / "content").rglob("*")) if path.suffix.lower() in (".pdf", ".docx")]


def test_a_clean_file_is_read_once_until_its_bytes_the_private_values_or_the_checks_change(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: Counter[str]) -> None:
    folder = tmp_path / "cache"
    pdf, word = _binary_files(site)
    both = Counter({_sha256(pdf): 1, _sha256(word): 1})
    assert _check(site, folder, monkeypatch, reads) == ([], both)
    assert _check(site, folder, monkeypatch, reads) == ([], Counter())  # neither read again
    # The PDF saved again with one more line: it alone is read again.
    pdf.write_bytes(_decision("Nơi nhận: các trường THCS"))
    assert _check(site, folder, monkeypatch, reads) == ([], Counter({_sha256(pdf): 1}))
    assert _check(site, folder, monkeypatch, reads) == ([], Counter())
    # Another private value: both read again, for it.
    assert _check(site, folder, monkeypatch, reads, PRIVATE_PHONE, "0939 484 177")[1] == \
        Counter({_sha256(pdf): 1, _sha256(word): 1})
    # Another version of the core's checks, or of the PDF reader: read again.
    monkeypatch.setattr(build_cache, "core_digest", lambda: "another version of the checks")
    assert _check(site, folder, monkeypatch, reads)[1] == Counter({_sha256(pdf): 1, _sha256(word): 1})
    monkeypatch.setattr(file_reading, "READERS", "pdfminer.six 29990101")
    assert _check(site, folder, monkeypatch, reads)[1] == Counter({_sha256(pdf): 1, _sha256(word): 1})
    assert _check(site, folder, monkeypatch, reads) == ([], Counter())
    # Another phonenumbers (a number it did not know was not looked for): read again.
    monkeypatch.setattr(privacy.phonenumbers, "__version__", "a newer version")
    assert _check(site, folder, monkeypatch, reads)[1] == Counter({_sha256(pdf): 1, _sha256(word): 1})


def test_the_same_bytes_under_another_name_are_checked_again(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: Counter[str]) -> None:
    """The checks read a file's name (it is its address): bytes found clean under one name are
    refused under a name that holds a private number, and read again under any other."""
    folder = tmp_path / "cache"
    pdf, _ = _binary_files(site)
    assert _check(site, folder, monkeypatch, reads)[0] == []
    copied = site / "content/van-ban/QĐ 12 - cô Liên 0912.944.718.pdf"
    copied.write_bytes(pdf.read_bytes())
    problems, read = _check(site, folder, monkeypatch, reads)
    assert problems == [("content/van-ban/QĐ 12 - cô Liên 0912.944.718.pdf", "error",
                         "tên tệp chứa số điện thoại riêng tư '0912.944.718'.")]
    assert read == Counter({_sha256(pdf): 1})  # the copy, under its own name
    copied.rename(site / "content/van-ban/qd-12-ban-sao.pdf")
    assert _check(site, folder, monkeypatch, reads) == ([], Counter({_sha256(pdf): 1}))
    assert _check(site, folder, monkeypatch, reads) == ([], Counter())


def test_a_file_holding_a_private_number_is_read_and_refused_on_every_check(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: Counter[str]) -> None:
    folder = tmp_path / "cache"
    pdf, word = _binary_files(site)
    pdf.write_bytes(_decision("Liên hệ: cô Liên, ĐT 0912.944.718"))
    word.write_bytes(_roster(("Hà Thị Liên (0912 944 718)", "THCS Him Lam")))
    shown = [path.relative_to(site).as_posix() for path in (pdf, word)]
    refused = [(shown[0], "error", "tệp có số điện thoại riêng tư '0912.944.718' trong phần chữ đọc được của tệp."),
               (shown[1], "error", "tệp có số điện thoại riêng tư '(0912 944 718)' trong phần chữ đọc được của tệp "
                                   "(phần word/document.xml bên trong tệp).")]
    for _ in range(3):
        problems, read = _check(site, folder, monkeypatch, reads)
        assert (sorted(problems), read) == (refused, Counter({_sha256(pdf): 1, _sha256(word): 1}))
    assert not (folder / site_checks.SITE_FILES_KIND).exists()  # never kept as clean


def test_a_damaged_or_forged_entry_is_not_trusted(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: Counter[str]) -> None:
    folder = tmp_path / "cache"
    pdf, word = _binary_files(site)
    both = Counter({_sha256(pdf): 1, _sha256(word): 1})
    assert _check(site, folder, monkeypatch, reads) == ([], both)
    kind = folder / site_checks.SITE_FILES_KIND
    entries = sorted(kind.iterdir())
    assert len(entries) == 2
    # Anything but "clean" (a damaged entry whose digest holds, a forged one), a cut entry,
    # an entry whose digest does not hold: read again, and kept anew.
    for written in (hashlib.sha256(b"dirty").digest() + b"dirty", b"clean", hashlib.sha256(b"x").digest() + b"clean"):
        for entry in entries:
            entry.write_bytes(written)
        assert _check(site, folder, monkeypatch, reads) == ([], both)
        assert _check(site, folder, monkeypatch, reads) == ([], Counter())
    # A link in place of an entry (to a file saying "clean" elsewhere): not followed.
    forged = tmp_path / "forged"
    forged.write_bytes(hashlib.sha256(b"clean").digest() + b"clean")
    for entry in entries:
        entry.unlink()
        entry.symlink_to(forged)
    assert _check(site, folder, monkeypatch, reads) == ([], both)
    # A kind folder anyone may write to: nothing in it is believed, nothing written.
    for entry in entries:
        entry.unlink()
    assert _check(site, folder, monkeypatch, reads) == ([], both)
    kind.chmod(0o777)
    assert _check(site, folder, monkeypatch, reads) == ([], both)
    assert _check(site, folder, monkeypatch, reads) == ([], both)


def test_without_a_cache_folder_every_check_reads_and_says_the_same(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: Counter[str]) -> None:
    pdf, word = _binary_files(site)
    word.write_bytes(_roster(("Hà Thị Liên (0912 944 718)", "THCS Him Lam")))
    both = Counter({_sha256(pdf): 1, _sha256(word): 1})
    without = _check(site, None, monkeypatch, reads)
    assert without[1] == both and len(without[0]) == 1
    assert _check(site, None, monkeypatch, reads) == without
    (tmp_path / "file").write_text("a file where the cache's folder would be", encoding="utf-8")
    assert _check(site, tmp_path / "file/cache", monkeypatch, reads) == without
    assert _check(site, tmp_path / "file/cache", monkeypatch, reads) == without
    # With a cache: the same problems, the clean file alone not read again.
    assert _check(site, tmp_path / "cache", monkeypatch, reads) == without
    assert _check(site, tmp_path / "cache", monkeypatch, reads) == (without[0], Counter({_sha256(word): 1}))


def test_kiem_tra_keeps_its_verdicts_in_the_cache_the_site_allows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: Counter[str]) -> None:
    """`cotcan kiem-tra` read every PDF of content/ on every run. (Run in this process, it leaves
    its folder named to site_checks.CLEAN_SITE_FILES: the next test is told none.)"""
    root = write_site(tmp_path / "trang")
    (root / "content/van-ban").mkdir()
    pdf = root / "content/van-ban/qd-12.pdf"
    pdf.write_bytes(_decision())
    allowed = tmp_path / "cache"

    def files_read(cache: Path, exit_code: Exit = Exit.OK) -> int:
        monkeypatch.setenv(build_cache.ENVIRONMENT_VARIABLE, str(cache))
        reads.clear()
        told = cotcan("kiem-tra", cwd=root)
        assert told.returncode == exit_code, told.stdout
        return reads[_sha256(pdf)]

    assert [files_read(allowed) for _ in range(3)] == [1, 0, 0]
    assert len(list((allowed / site_checks.SITE_FILES_KIND).iterdir())) == 1
    # A folder the site would publish: refused, and nothing kept there nor read from the old one.
    inside = root / "content/cache"
    assert files_read(inside, Exit.DATA) == 1 and not inside.exists()
    assert files_read(allowed) == 0  # the folder allowed again: its verdict holds


def test_a_test_starts_with_no_cache_folder_named_by_the_one_before(
        site: Path, monkeypatch: pytest.MonkeyPatch, reads: Counter[str]) -> None:
    """The review: kiem-tra run in the pytest process (the test above) named its cache folder to
    the module's site_checks.CLEAN_SITE_FILES, and nothing named another; a later test that
    lowered a limit (MAX_PDF_PAGES) was told a verdict kept before it. Each test starts as a
    process does (tests/conftest.py): no folder, so every file is read on every check."""
    pdf, word = _binary_files(site)
    redactor = privacy.Redactor((PRIVATE_PHONE,))
    for _ in range(2):
        reads.clear()
        assert site_checks.file_problems(site_checks.folder_files([site / "content"], site), redactor) == []
        assert reads == Counter({_sha256(pdf): 1, _sha256(word): 1})


class _BytesNotToCompare(bytes):
    """A file's bytes that fail the test when compared or hashed (up to 50 MB walked for nothing)."""

    def __eq__(self, other: object) -> bool:
        raise AssertionError("a SiteFile compared through its bytes")

    def __hash__(self) -> int:
        raise AssertionError("a SiteFile hashed through its bytes")


def test_a_site_file_is_compared_and_hashed_as_itself_not_through_its_bytes() -> None:
    data = _BytesNotToCompare(_decision())
    one, other = (site_checks.SiteFile("van-ban/qd-12.pdf", "content/van-ban/qd-12.pdf", data) for _ in range(2))
    assert one == one and one != other and len({one, other}) == 2


COUNT_READS = """
import atexit, hashlib, os, sys
from portal import site_checks
read, main, real = [], os.getpid(), site_checks.file_readings
def counting(data):
    read.append(hashlib.sha256(data).hexdigest())
    return real(data)
site_checks.file_readings = counting
atexit.register(lambda: os.getpid() == main and print("files read: " + " ".join(read), file=sys.stderr))
"""


def test_the_build_keeps_its_verdicts_in_the_cache_the_site_allows(tmp_path: Path) -> None:
    root = write_site(tmp_path / "trang")
    pdf = root / "content/qd-12.pdf"
    pdf.write_bytes(_decision())
    cache = tmp_path / "cache"

    def files_read() -> list[str]:
        built = run_build(root, COUNT_READS, PORTAL_CACHE_DIR=str(cache))
        assert built.returncode == 0, built.stderr[-3000:]
        [line] = [line for line in built.stderr.splitlines() if line.startswith("files read: ")]
        return line.removeprefix("files read: ").split()

    assert files_read() == [_sha256(pdf)]
    assert files_read() == []
    assert (root / "site/qd-12.pdf").read_bytes() == pdf.read_bytes()
