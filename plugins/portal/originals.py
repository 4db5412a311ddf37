"""The signed originals of documents: files under data/files/, their checks, where they are published.

A document lists its original files (`originals: [{file: files/…pdf, sha256, size, pages}]`).
The checker compares every file with the size and SHA-256 the data records, so that a
changed, missing or swapped file stops the build, naming the file; a file too large to
publish is refused with the limit; a file under data/files/ that no document lists is
reported. Where the hash or size is not written yet, the message gives the right values,
so the clerk copies them instead of computing them.

A document's originals are published only when it says `publish_original: true`: a scan
carries signatures and sometimes phone numbers that the transcription hides. Such a file is
then checked as the site's own files are (`check_originals` given the redactor: a private
contact in what can be read of it is an error at the document; the result kept by the file's
content for the process, `CheckedOriginals`). The site holds each file beside the
document's page (`van-ban/<document>/<file name>`), byte for byte, verified again as it is
copied (`read_verified`). Search indexes the transcription
on the page, never the file (Pagefind reads HTML only).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import build_cache, wording
from .errors import PortalError
from .model import Document, Original, Portal
from .privacy import Redactor
from .problems import KeyPath, Problem, format_path
from .site_checks import CleanFiles, SiteFile
from .urls import UrlFormats
from .yamlsource import YamlDocument

FILES_DIR = "files"
# A scan of a few pages is 1 to 5 MB; a file larger than this is too heavy for a phone and
# is usually a scan at a needlessly high resolution.
MAX_BYTES = 20 * 1024 * 1024


class OriginalChanged(PortalError):
    """An original changed between the check and its publication."""


@dataclass(frozen=True)
class FileFacts:
    """What the data records of a file: its size in bytes and its SHA-256 (hex)."""

    size: int
    sha256: str


def file_facts(data: bytes) -> FileFacts:
    """Size and SHA-256 of a file's bytes: what to write in `originals`."""
    return FileFacts(len(data), hashlib.sha256(data).hexdigest())


def _problem(docs: dict[str, YamlDocument], doc: Document, sub: KeyPath, message: str, **details: Any) -> Problem:
    path = doc.source.path + sub
    source = docs.get(doc.source.file)
    line = source.line(path) if source else doc.source.line
    return Problem(doc.source.file, line, format_path(path), message, **details)


class CheckedOriginals:
    """What the checks of the site's files found in each published original, by its content
    (SHA-256), its name and where it is shown, for the private values they looked for: under
    `mkdocs serve` every load checked every published original again (20 originals, 5 MB: an
    edit of a name took 7.9 s to be known instead of 0.1 s). Another value to look for
    forgets them all; a file's new bytes are a new entry. One for the process (`CHECKED`).

    An original found clean is also kept between processes, as the site's own files are
    (site_checks.CleanFiles, in the cache's `CLEAN_KIND`), so that the next build or
    `cotcan kiem-tra` does not read it again; one with a problem is read, and refused, on
    every run."""

    def __init__(self, folder: Callable[[], Path | None] = build_cache.default_folder) -> None:
        self._clean = CleanFiles(CLEAN_KIND, folder)
        self._values: frozenset[str] | None = None
        self._kept: dict[tuple[str, str, str], list[Problem]] = {}
        self._used: set[tuple[str, str, str]] = set()

    def use_folder(self, folder: Path | None) -> None:
        """Keep entries in `folder` (build_cache.site_folder: the one the site allows), None: none."""
        self._clean.use_folder(folder)

    def problems(self, data: bytes, sha256: str, name: str, shown_as: str, redactor: Redactor) -> list[Problem]:
        """The site's file checks of the file `data` (whose SHA-256 is `sha256`), or their kept result."""
        if redactor.values != self._values:
            self._values, self._kept = redactor.values, {}
        key = (sha256, name, shown_as)
        if key not in self._kept:
            self._kept[key] = self._clean.problems(SiteFile(name, shown_as, data, known_sha256=sha256), redactor)
        self._used.add(key)
        return self._kept[key]

    def finish(self) -> None:
        """A load's originals are checked: keep only the entries it used (a replaced file's
        old bytes are not kept for the life of the preview)."""
        self._kept = {key: self._kept[key] for key in self._used if key in self._kept}
        self._used = set()
        self._clean.prune()


CLEAN_KIND = "originals-clean"  # the subfolder of the cache (build_cache.py)


# A new process's: a new CheckedOriginals (the tests give each test one, with no folder: an
# in-process kiem-tra or build names its folder, and its results outlive the test).
CHECKED = CheckedOriginals()


def check_originals(portal: Portal, data_dir: Path, shown_root: Path, docs: dict[str, YamlDocument], *,
                    all_documents_built: bool = True, redactor: Redactor | None = None) -> list[Problem]:
    """Every original of every document against its file; and the files nobody lists (only
    when every document was built: a document left out for its own error lists files too).
    With a `redactor` (every person built: no private value unknown), every original a document
    publishes is also checked as the site's own files are (site_checks.FILE_CHECKS: what anyone
    who downloads it can read), each problem told at the document's `originals[i].file`, the
    file named; from the same reading of the file, its result kept (CHECKED). A file refused
    here (missing, a symlink, too large) is not read."""
    problems: list[Problem] = []
    files_root = (data_dir / FILES_DIR).resolve()
    listed: set[Path] = set()
    for doc in portal.documents.values():
        names: dict[str, int] = {}
        for i, original in enumerate(doc.originals):
            path = data_dir / original.file
            listed.add(path.resolve())
            published = redactor if doc.publish_original else None
            problems += _check_one(docs, doc, i, original, path, files_root, shown_root, published)
            if original.name in names:  # both would be published at the same address
                problems.append(_problem(docs, doc, ("originals", i, "file"),
                                         f"hai bản gốc cùng tên tệp '{original.name}'.",
                                         expected="mỗi bản gốc của một văn bản có tên tệp riêng",
                                         hint=f"bản kia ở originals[{names[original.name]}]; đổi tên một tệp."))
            names.setdefault(original.name, i)
    CHECKED.finish()
    if all_documents_built and files_root.is_dir():
        for path in sorted(files_root.rglob("*")):
            if path.is_file() and path.resolve() not in listed:
                problems.append(Problem(_shown(path, shown_root), None, "", "tệp không thuộc văn bản nào.",
                                        hint="ghi nó vào 'originals' của văn bản, hoặc xóa tệp.",
                                        severity="warning"))
    return problems


def _shown(path: Path, shown_root: Path) -> str:
    try:
        return path.resolve().relative_to(shown_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check_one(docs: dict[str, YamlDocument], doc: Document, i: int, original: Original, path: Path,
               files_root: Path, shown_root: Path, published: Redactor | None) -> Iterator[Problem]:
    """An original against its file, and, `published` (the redactor), what can be read in it."""
    shown = _shown(path, shown_root)
    here: KeyPath = ("originals", i)
    if path.is_symlink() or files_root not in path.resolve().parents:
        yield _problem(docs, doc, here + ("file",), f"tệp {shown} là một liên kết (symlink), không phải tệp thật.",
                       expected=f"một tệp nằm trong data/{FILES_DIR}/", hint="chép tệp thật vào chỗ đó.")
        return
    if not path.is_file():
        yield _problem(docs, doc, here + ("file",), f"không có tệp {shown}.",
                       expected=f"tệp bản gốc trong data/{FILES_DIR}/",
                       hint="chép tệp vào đúng chỗ, hoặc sửa tên tệp trong 'file:'.")
        return
    size = path.stat().st_size
    if size > MAX_BYTES:
        yield _problem(docs, doc, here + ("file",), f"tệp {shown} quá lớn ({wording.file_size(size)}).",
                       expected=f"tối đa {wording.file_size(MAX_BYTES)}",
                       hint="quét lại ở 150-200 dpi, đen trắng, hoặc nén tệp PDF rồi ghi lại sha256 và size.")
        return
    data = path.read_bytes()  # at most MAX_BYTES: read once, for its facts and for what it holds
    facts = file_facts(data)
    yield from _facts_problems(docs, doc, here, original, shown, facts)
    if published:
        yield from (_problem(docs, doc, here + ("file",), f"bản gốc {problem.file}"
                             + (f", dòng {problem.line}" if problem.line else "") + f": {problem.message}",
                             hint=_PUBLISHED_AS_IT_IS, severity=problem.severity)
                    for problem in CHECKED.problems(data, facts.sha256, original.name, shown, published))


def _facts_problems(docs: dict[str, YamlDocument], doc: Document, here: KeyPath, original: Original, shown: str,
                    facts: FileFacts) -> Iterator[Problem]:
    """A file whose size and SHA-256 are not written, or differ from those written."""
    right = f"sha256: {facts.sha256}, size: {facts.size}"
    if original.sha256 is None or original.size is None:
        missing = " và ".join(k for k, v in (("sha256", original.sha256), ("size", original.size)) if v is None)
        yield _problem(docs, doc, here, f"bản gốc {shown} chưa ghi {missing}.",
                       expected="sha256 và size của tệp", hint=f"ghi đúng như sau: {right}.")
        return
    if original.sha256 != facts.sha256 or original.size != facts.size:
        yield _problem(docs, doc, here + ("sha256",),
                       f"tệp {shown} đã thay đổi: không còn giống tệp đã ghi trong dữ liệu.",
                       expected=f"sha256: {original.sha256}, size: {original.size}", actual=right,
                       hint=f"nếu tệp mới là bản đúng (ví dụ bản quét lại), ghi lại đúng như sau: {right}; nếu "
                            "không, lấy lại tệp cũ (tệp có thể đã bị sửa hoặc chép nhầm).")


# What a clerk does with a published original that holds a private contact.
_PUBLISHED_AS_IT_IS = ("bản gốc được đăng nguyên như vậy (publish_original: true), ai tải về cũng đọc được: đăng "
                       "một bản sao đã xóa số hay địa chỉ đó (rồi ghi lại sha256 và size), hoặc ghi "
                       "publish_original: false để không đăng bản gốc.")


def published(portal: Portal, urls: UrlFormats) -> dict[str, Original]:
    """Site path -> original, for every document that publishes its originals: each file
    beside the document's page."""
    return {urls.document.format(document=doc.id) + original.name: original
            for doc in portal.documents.values() for original in doc.published_originals}


def read_verified(data_dir: Path, original: Original) -> bytes:
    """The file's bytes, once more checked against its SHA-256: nothing changed since the check."""
    content = (data_dir / original.file).read_bytes()
    if hashlib.sha256(content).hexdigest() != original.sha256:
        raise OriginalChanged(f"tệp data/{original.file} đã thay đổi trong lúc dựng trang; chạy lại kiểm tra.")
    return content
