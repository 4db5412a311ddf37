"""The signed originals: every file checked against the size and SHA-256 the data records,
published only when the document says so, linked from the document page, cited by page,
and never in the search index."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from test_pages import article_text, build, write_site
from test_site_file_cache import count_reads

from conftest import REPO, Dataset
from portal import originals, privacy
from portal.load import load_or_raise
from portal.model import Portal
from portal.urls import UrlFormats

# A PDF with no page, whose pages pdfminer reads (none): a file it cannot read is said to be so.
PDF = (b"%PDF-1.4\n% a made-up original for the tests\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
       b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
YEAR = "data/years/2024-2025/pgddt-a.yml"


def with_original(dataset: Dataset, content: bytes = PDF, name: str = "files/a-qd-1.pdf",
                  **fields: Any) -> dict[str, Any]:
    """The decision of BASE with one original file written under data/files/."""
    path = dataset.root / "data" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    document = dataset.year["documents"][0]
    if "publish_original" in fields:  # the document's, not the file's
        document["publish_original"] = fields.pop("publish_original")
    original = {"file": name, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content), **fields}
    document["originals"] = [original]
    return original


def test_an_original_that_matches_passes(dataset: Dataset) -> None:
    with_original(dataset, pages=1)
    assert dataset.problems() == []


def test_a_tampered_original_is_an_error_naming_the_file(dataset: Dataset) -> None:
    with_original(dataset)
    dataset.write()
    (dataset.root / "data" / "files" / "a-qd-1.pdf").write_bytes(PDF.replace(b"made-up", b"tampered"))
    (problem,) = dataset.problems()
    assert (problem.file, problem.path, problem.severity) == (YEAR, "documents[0].originals[0].sha256", "error")
    assert problem.message == "tệp data/files/a-qd-1.pdf đã thay đổi: không còn giống tệp đã ghi trong dữ liệu."
    assert problem.line is not None
    right = hashlib.sha256(PDF.replace(b"made-up", b"tampered")).hexdigest()
    assert problem.actual == f"sha256: {right}, size: {len(PDF) + 1}"
    # Two hashes are shown: the hint says which one to copy if the new file is the right one.
    assert problem.hint is not None and f"ghi lại đúng như sau: sha256: {right}, size: {len(PDF) + 1}" in problem.hint


def test_a_missing_original_is_an_error(dataset: Dataset) -> None:
    with_original(dataset)
    dataset.write()
    (dataset.root / "data" / "files" / "a-qd-1.pdf").unlink()
    (problem,) = dataset.problems()
    assert problem.path == "documents[0].originals[0].file"
    assert problem.message == "không có tệp data/files/a-qd-1.pdf."


def test_the_hint_gives_the_hash_and_size_to_copy(dataset: Dataset) -> None:
    """The clerk writes only `file:`; the check says what to add."""
    original = with_original(dataset)
    del original["sha256"], original["size"]
    (problem,) = dataset.problems()
    assert problem.message == "bản gốc data/files/a-qd-1.pdf chưa ghi sha256 và size."
    assert problem.hint == f"ghi đúng như sau: sha256: {hashlib.sha256(PDF).hexdigest()}, size: {len(PDF)}."
    facts = originals.file_facts((dataset.root / "data" / "files" / "a-qd-1.pdf").read_bytes())
    assert (facts.sha256, facts.size) == (hashlib.sha256(PDF).hexdigest(), len(PDF))


def test_a_file_over_the_limit_gets_a_clear_message(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(originals, "MAX_BYTES", 10)
    with_original(dataset)
    (problem,) = dataset.problems()
    assert problem.message == "tệp data/files/a-qd-1.pdf quá lớn (1 KB)."
    assert problem.expected == "tối đa 1 KB"


@pytest.mark.parametrize("name", ["files/Quyet Dinh.pdf", "files/../offices.pdf", "files/qd.exe", "qd.pdf",
                                  "files/qd-1.PDF", "/etc/passwd.pdf"])
def test_a_file_name_must_be_a_slug_under_data_files(dataset: Dataset, name: str) -> None:
    dataset.year["documents"][0]["originals"] = [{"file": name}]
    (problem,) = dataset.problems()
    assert problem.path == "documents[0].originals[0].file" and problem.message == "không đúng dạng."
    assert problem.expected and "files/2025-2026/qd-215.pdf" in problem.expected


def test_a_symlink_is_no_original(dataset: Dataset, tmp_path: Path) -> None:
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(PDF)
    with_original(dataset)
    dataset.write()
    link = dataset.root / "data" / "files" / "a-qd-1.pdf"
    link.unlink()
    link.symlink_to(outside)
    (problem,) = dataset.problems()
    assert "là một liên kết (symlink)" in problem.message


def test_a_file_no_document_lists_is_a_warning(dataset: Dataset) -> None:
    with_original(dataset)
    dataset.write()
    (dataset.root / "data" / "files" / "old-scan.pdf").write_bytes(PDF)
    (problem,) = dataset.problems()
    assert (problem.file, problem.severity) == ("data/files/old-scan.pdf", "warning")


def test_a_page_cited_beyond_the_original_is_an_error(dataset: Dataset) -> None:
    with_original(dataset, pages=2)
    dataset.year["bodies"][1]["members"][0]["page"] = 2
    dataset.year["bodies"][0]["duties"] = [{"role": "to-truong", "text": "Điều hành tổ.", "page": 3}]
    (problem,) = dataset.problems()
    assert problem.path == "bodies[0].duties[0].page"
    assert problem.message == "trang 3 không có trong bản gốc của Quyết định số 1/QĐ-PGDĐT (2 trang)."


def test_published_only_when_the_document_says_so(dataset: Dataset) -> None:
    with_original(dataset)
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    assert originals.published(portal, UrlFormats()) == {}  # the default: not published
    dataset.year["documents"][0]["publish_original"] = True
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    assert list(originals.published(portal, UrlFormats())) == ["van-ban/a-2024-qd-1/a-qd-1.pdf"]


# Built sites


def test_the_build_fails_on_a_tampered_original_naming_the_file(dataset: Dataset, tmp_path: Path) -> None:
    with_original(dataset, publish_original=True)
    data = dataset.write()
    (data / "files" / "a-qd-1.pdf").write_bytes(PDF + b"x")
    root = write_site(dataset.root, data=data)
    result = build(root)
    assert result.returncode != 0
    assert "data/files/a-qd-1.pdf đã thay đổi" in result.stderr
    assert not (root / "site" / "index.html").exists()


def test_a_built_site_publishes_only_the_originals_it_may(dataset: Dataset) -> None:
    """Two documents with an original each: the one with `publish_original: true` is in the
    site byte for byte and linked; the other (the default) is nowhere in the site."""
    with_original(dataset, pages=1, publish_original=True)
    secret = b"%PDF-1.4\n% a scan with a signature and a phone\n%%EOF\n"
    plan = {"id": "a-2024-kh-1", "kind": "ke-hoach", "number": "2/KH-PGDĐT", "date": "2024-09-20",
            "title": "Kế hoạch hoạt động", "text": "Nội dung kế hoạch.",
            "originals": [{"file": "files/a-kh-2.pdf", "sha256": hashlib.sha256(secret).hexdigest(),
                           "size": len(secret)}]}
    dataset.year["documents"].append(plan)
    data = dataset.write()
    (data / "files" / "a-kh-2.pdf").write_bytes(secret)
    root = write_site(dataset.root, data=data)
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert (site / "van-ban" / "a-2024-qd-1" / "a-qd-1.pdf").read_bytes() == PDF
    assert [p.name for p in site.rglob("*.pdf")] == ["a-qd-1.pdf"]
    assert not any(secret in p.read_bytes() for p in site.rglob("*") if p.is_file())
    page = (site / "van-ban" / "a-2024-qd-1" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../van-ban/a-2024-qd-1/a-qd-1.pdf">Bản gốc đã ký (PDF, 1 KB, 1 trang)' in page
    assert "Bản gốc Bản gốc đã ký (PDF, 1 KB, 1 trang)" in article_text(site / "van-ban" / "a-2024-qd-1" / "index.html")
    assert "Bản gốc" not in article_text(site / "van-ban" / "a-2024-kh-1" / "index.html")


# The repository's demo site


@pytest.mark.build
def test_the_sample_original_is_linked_published_and_cited(repo_site: Path, repo_portal: Portal) -> None:
    document = repo_portal.documents["sgd-mau-2025-qd-to-cot-can"]
    (original,) = document.published_originals
    page = repo_site / "van-ban" / document.id / "index.html"
    assert "Bản gốc Bản gốc đã ký (PDF, 3 KB, 2 trang)" in article_text(page)
    published = repo_site / "van-ban" / document.id / original.name
    assert published.read_bytes() == (REPO / "data" / original.file).read_bytes()
    body = (repo_site / "to-chuc" / "mau-to-cot-can-toan" / "2025-2026" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../../../van-ban/{document.id}/{original.name}#page=2">tr. 2</a>' in body
    assert "tr. 2" not in article_text(repo_site / "to-chuc" / "mau-to-cot-can-toan" / "2024-2025" / "index.html")


@pytest.mark.build
def test_search_indexes_the_transcription_not_the_pdf(repo_site: Path) -> None:
    script = (REPO / "scripts" / "make_sample_original.py").read_text(encoding="utf-8")
    found = re.search(r'^PDF_ONLY_WORD = "(\w+)"', script, re.MULTILINE)
    assert found is not None
    PDF_ONLY_WORD = found.group(1)  # noqa: N806 - the script's constant
    assert PDF_ONLY_WORD.encode() in (REPO / "data/files/mau/sgd-mau-2025-qd-to-cot-can.pdf").read_bytes()
    index = b"\n".join(gzip.decompress(p.read_bytes()) for p in (repo_site / "pagefind").rglob("*")
                       if p.suffix in (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"))
    assert PDF_ONLY_WORD.lower().encode() not in index.lower()
    assert "tiếp tục các nhóm bộ môn".encode() in index  # the transcription on the page is indexed


# What a published original holds


def _pdf_with_author(author: bytes) -> bytes:
    """A PDF as a scanner's software writes it, its details (the author) in plain text."""
    return PDF.replace(b"trailer\n<< /Root 1 0 R", b"99 0 obj << /Author (" + author + b") >> endobj\n"
                       b"trailer\n<< /Root 1 0 R /Info 99 0 R")


def test_a_published_original_holding_a_private_number_is_refused_at_its_document(dataset: Dataset) -> None:
    """The hostile review: data/files/ was checked by nothing, and published as it is."""
    with_original(dataset, _pdf_with_author(b"Chuyen vien - DT 0912 944 718"), publish_original=True)
    (problem,) = dataset.problems()
    assert (problem.file, problem.path, problem.severity) == (YEAR, "documents[0].originals[0].file", "error")
    assert problem.line is not None
    assert problem.message == ("bản gốc data/files/a-qd-1.pdf: tệp có số điện thoại riêng tư '0912 944 718' trong "
                               "phần chữ đọc được của tệp.")
    assert problem.hint is not None and "publish_original: false" in problem.hint
    # Not published: nothing to refuse.
    dataset.year["documents"][0]["publish_original"] = False
    assert dataset.problems() == []


def test_the_build_refuses_a_published_original_holding_a_private_number(dataset: Dataset) -> None:
    with_original(dataset, _pdf_with_author(b"Chuyen vien - DT 0912 944 718"), publish_original=True)
    root = write_site(dataset.root, data=dataset.write())
    result = build(root)
    assert result.returncode != 0
    assert "bản gốc data/files/a-qd-1.pdf: tệp có số điện thoại riêng tư '0912 944 718'" in result.stderr
    assert not (root / "site" / "index.html").exists()


def test_a_published_original_is_read_once_and_checked_again_only_when_it_or_a_private_value_changes(
        dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """The re-review: every preview refresh read each published original twice (its hash, then
    what it holds) and checked it again (20 originals: an edit of a name known after 7.9 s)."""
    with_original(dataset, _pdf_with_author(b"Chuyen vien - DT 0912 944 718"), publish_original=True)
    opened: list[str] = []
    real_open = Path.open

    def spied_open(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name == "a-qd-1.pdf":
            opened.append(path.name)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spied_open)  # Path.read_bytes opens through it
    monkeypatch.setattr(originals, "CHECKED", originals.CheckedOriginals())
    reads = count_reads(monkeypatch)  # the file read for what can be read in it: checked
    refused = ("bản gốc data/files/a-qd-1.pdf: tệp có số điện thoại riêng tư '0912 944 718' trong phần chữ đọc "
               "được của tệp.")

    def messages() -> list[str]:
        return [p.message for p in dataset.problems()]

    assert messages() == [refused]
    assert (opened, reads.total()) == (["a-qd-1.pdf"], 1)
    dataset.files["people/pgddt-a.yml"]["people"][1]["name"] = "Hà Thị Liên Hương"  # a name edited
    assert messages() == [refused]
    assert (len(opened), reads.total()) == (2, 1)  # read for its hash, not checked again
    # Another private value: checked again, for it.
    dataset.files["people/pgddt-a.yml"]["people"][1]["contact"] = {"phone": "0939 484 177"}
    assert messages() == [refused]
    assert reads.total() == 2
    # The file replaced (its new hash written): checked again.
    with_original(dataset, _pdf_with_author(b"Chuyen vien - DT 0939.484.177"), publish_original=True)
    assert messages() == [refused.replace("0912 944 718", "0939.484.177")]
    assert reads.total() == 3


def test_a_clean_published_original_is_not_read_again_by_the_next_run_until_what_it_was_checked_for_changes(
        dataset: Dataset, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every build and every `kiem-tra` read each published original again (a text PDF: about
    0.5 s a MB). A clean verdict is kept between processes, for the file's bytes, the private
    values looked for and the core's code; a file with a problem is never kept."""
    folder = tmp_path / "cache"
    reads = count_reads(monkeypatch)

    def run(cache: Path | None = folder) -> tuple[list[str], int]:
        """A new process's check (a new CHECKED over the same cache folder), and how many times it
        read the original for what can be read in it."""
        monkeypatch.setattr(originals, "CHECKED", originals.CheckedOriginals(lambda: cache))
        reads.clear()
        return [p.message for p in dataset.problems()], reads.total()

    with_original(dataset, _pdf_with_author(b"Chuyen vien - DT 0274 3822 123"), publish_original=True)
    assert run() == ([], 1)
    assert run() == ([], 0)  # the verdict kept: the file read for its hash only
    dataset.files["people/pgddt-a.yml"]["people"][1]["contact"] = {"phone": "0939 484 177"}
    assert run() == ([], 1)  # another private value: read again
    assert run() == ([], 0)
    monkeypatch.setattr(originals.build_cache, "core_digest", lambda: "another version of the checks")
    assert run() == ([], 1)
    # Another phonenumbers (a review: a number it did not know was not looked for, and a file
    # holding it found clean; once known, that verdict was reused and the file published).
    monkeypatch.setattr(privacy.phonenumbers, "__version__", "a newer version")
    assert run() == ([], 1)
    with_original(dataset, _pdf_with_author(b"Chuyen vien - DT 0939.484.177"), publish_original=True)
    refused = ("bản gốc data/files/a-qd-1.pdf: tệp có số điện thoại riêng tư '0939.484.177' trong phần chữ đọc "
               "được của tệp.")
    assert run() == ([refused], 1)
    assert run() == ([refused], 1)  # a refusal is never kept
    # An entry that says anything else than clean, as a damaged or forged file would, is not trusted.
    for entry in (folder / originals.CLEAN_KIND).iterdir():
        entry.write_bytes(hashlib.sha256(b"dirty").digest() + b"dirty")
    with_original(dataset, _pdf_with_author(b"Chuyen vien - DT 0274 3822 123"), publish_original=True)
    monkeypatch.setattr(originals.build_cache, "core_digest", lambda: "the first version")
    assert run() == ([], 1)
    for entry in (folder / originals.CLEAN_KIND).iterdir():
        entry.write_bytes(hashlib.sha256(b"dirty").digest() + b"dirty")
    assert run() == ([], 1)
    # No cache folder (PORTAL_CACHE_DIR set empty): checked every time.
    assert run(None) == ([], 1)
    assert run(None) == ([], 1)


def test_a_published_original_is_hashed_once_for_its_check_and_its_kept_verdict(
        dataset: Dataset, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The review: its SHA-256 was computed for the data's `sha256`, then again from the same
    bytes to name its kept verdict (site_checks.SiteFile.sha256)."""
    content = _pdf_with_author(b"Chuyen vien - DT 0274 3822 123")
    with_original(dataset, content, publish_original=True)
    hashed: list[bytes] = []
    real = hashlib.sha256

    def counting(*args: Any, **kwargs: Any) -> Any:
        if args and args[0] == content:
            hashed.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "sha256", counting)  # originals' and site_checks' own
    for _ in range(2):  # found clean, then its verdict kept: hashed once either way
        monkeypatch.setattr(originals, "CHECKED", originals.CheckedOriginals(lambda: tmp_path / "cache"))
        hashed.clear()
        assert dataset.problems() == []
        assert len(hashed) == 1
        assert len(list((tmp_path / "cache" / originals.CLEAN_KIND).iterdir())) == 1
