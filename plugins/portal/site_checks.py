"""The checks of a site's own files beyond data/: the texts of mkdocs.yml, and the files of its
pages' folder (`docs_dir`, content/ here) and of its theme folder (`custom_dir`).

One list, run by both that refuse a site: the build (portal_mkdocs.plugin: the settings once
the data is loaded, the files in MkDocs' `files` event) and `cotcan kiem-tra` (which reads
mkdocs.yml itself: site_config.py). Both walk the two folders with `folder_files`, so they
check the same files. A check added to a list here is run by both without either being
changed; tests/test_site_checks.py holds them to it.

Every text file is checked by its text, read as a browser will show it: a Markdown page
through its Markdown and HTML; the files MkDocs copies as they are through their HTML markup
(an .html page, an .svg) or as written (a .txt, a .csv: `&#48;` is no digit there); the
templates of custom_dir, which the theme renders, as HTML. A file is text when it starts
with a byte order mark (UTF-8, UTF-16, UTF-32: a browser reads it by that mark), when its
name is one MkDocs renders as Markdown or a browser shows as text (`TEXT_SUFFIXES`: a NUL
byte in it is read as "\ufffd"), or when it starts with no known binary format (`%PDF-`,
a PNG, a zip…) and its first bytes hold no NUL byte (the test of git and grep). Any other
file (an image, a PDF, an Office file, a font) is published as it is: what anyone who
downloads it can read in it is checked (file_reading: its runs of text as UTF-8 and UTF-16,
a zip's members, a PDF's streams and strings, a PNG's compressed details); so is a text
file's UTF-16 reading when it holds a NUL. A file over file_reading.MAX_READ is not read: a
warning says so. A file published as it is that every check finds clean is kept so between
processes (CleanFiles: the build cache), and is not read again while it and what it was
checked for are unchanged.

`RENDERED_CHECKS` read a hand-written page as MkDocs' Markdown (and its extensions, e.g.
pymdownx.snippets) made it: the build alone can run them, the check has no such Markdown.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import Any

from . import build_cache, file_reading, wording
from .file_reading import (
    MAX_PDF_PAGES,
    MAX_READ,
    PDF_START,
    PNG_START,
    ZIP_START,
    Reading,
    Unread,
    file_readings,
    office_tables,
    wide_readings,
)
from .page_text import xml_text
from .personal_data import (
    PERSONAL_HINTS,
    PersonalKind,
    find_personal_values,
    personal_said,
    personal_values_in_table,
)
from .privacy import (
    Redactor,
    private_values_in_file_name,
    private_values_in_html,
    private_values_in_markup,
    private_values_in_page,
    private_values_in_plain_text,
    private_values_in_readings,
    private_values_in_settings,
)
from .problems import KeyPath, Problem, format_path
from .sanitize import breaks_theme


@dataclass(frozen=True)
class Settings:
    """mkdocs.yml as written (INHERIT merged, !ENV resolved), each plugin's options under the
    plugin's name as MkDocs names it (`plugins.portal.publisher`)."""

    values: Mapping[str, Any]
    shown_as: str  # the file, as the clerk calls it: "mkdocs.yml"
    # With INHERIT: each file's own values (named as `values` are), mkdocs.yml's first, then the
    # file it inherits from, and so on (site_config.read_site_config).
    sources: tuple[SettingsSource, ...] = ()

    def holder(self, path: KeyPath) -> str:
        """The file that holds the value at `path`: the first of `sources` that writes it."""
        return next((source.shown_as for source in self.sources if _has_path(source.values, path)), self.shown_as)


@dataclass(frozen=True)
class SettingsSource:
    """One file of mkdocs.yml's INHERIT chain, with the values it writes itself."""

    shown_as: str
    values: Mapping[str, Any]


def _has_path(value: Any, path: KeyPath) -> bool:
    for key in path:
        in_table = isinstance(value, Mapping) and key in value
        if in_table or (isinstance(value, (list, tuple)) and isinstance(key, int) and key < len(value)):
            value = value[key]
        else:
            return False
    return True


@dataclass(frozen=True)
class Tagged:
    """A value of mkdocs.yml that `cotcan kiem-tra` reads as an object, as MkDocs would (a
    `!relative` path, a `!!python/name:...` function), or cannot read without running code
    (`!!python/object/apply:...`, which MkDocs runs). The build never sees one: MkDocs has
    made the object."""

    tag: str
    value: str

    @property
    def runs_code(self) -> bool:
        return self.tag.startswith("tag:yaml.org,2002:python/object")

    @property
    def python(self) -> bool:
        """A Python tag: MkDocs' loader imports a module (`python/name`) or runs code for it."""
        return self.tag.startswith("tag:yaml.org,2002:python/")


@dataclass(frozen=True, eq=False)  # compared and hashed as itself, never through its bytes (up to 50 MB)
class SiteFile:
    """A file of the site's own folders (not one a plugin generates), or an original a document
    publishes, from its bytes: what the checks read of it (its text, what else can be read in
    it) is made from them when first asked, so that a file whose clean verdict is kept
    (CleanFiles) is not read at all."""

    uri: str  # its name as the site uses it: relative to its folder, with "/"
    shown_as: str  # relative to the folder of mkdocs.yml (shown_path)
    data: bytes | None = field(repr=False)  # at most MAX_READ; None: a larger file, not read
    # Its `sha256` where the caller has it already (an original's, originals.file_facts): not computed again.
    known_sha256: InitVar[str | None] = None

    def __post_init__(self, known_sha256: str | None) -> None:
        if known_sha256 is not None:
            object.__setattr__(self, "sha256", known_sha256)  # the cached property's value (frozen: no setattr)

    @functools.cached_property
    def encoding(self) -> str | None:
        """The encoding its text is read in (text_encoding); None for a file that is no text, or not read."""
        return None if self.data is None else text_encoding(self.data, self.uri)

    @functools.cached_property
    def text(self) -> str | None:
        """A text file's text (_text); None for any other file."""
        return None if self.data is None or self.encoding is None else _text(self.data, self.encoding)

    @property
    def published_as_is(self) -> bool:
        """Whether it was read and is no text (an image, a PDF, an Office file, a font): what
        anyone who downloads it can read in it is found by reading it (file_reading), the work a
        kept verdict saves."""
        return self.data is not None and self.encoding is None

    @functools.cached_property
    def sha256(self) -> str:
        """The SHA-256 of its bytes (hex), by which its verdict is kept (CleanFiles); `known_sha256` if given."""
        assert self.data is not None, "a file not read has no verdict kept"
        return hashlib.sha256(self.data).hexdigest()

    @property
    def readings(self) -> tuple[Reading, ...]:
        """What else can be read in it (file_reading.file_readings; a text file's UTF-16 readings)."""
        return self._read[0]

    @property
    def unread(self) -> frozenset[Unread]:
        """What of it was not read (too large, beyond the cap)."""
        return self._read[1]

    @functools.cached_property
    def _read(self) -> tuple[tuple[Reading, ...], frozenset[Unread]]:
        if self.data is None:
            return (), frozenset({"too_large"})
        if self.encoding is None:
            return file_readings(self.data)
        # Read as UTF-8, NUL bytes and all: a UTF-16 text after all? Its runs are read so too.
        return (wide_readings(self.data) if self.encoding == "utf-8" else ()), frozenset()

    @property
    def markdown(self) -> bool:
        """Whether MkDocs renders it as a Markdown page (by its name, as MkDocs tells one)."""
        return self.uri.endswith(MARKDOWN_SUFFIXES)

    @property
    def markup(self) -> bool:
        """Whether a reader sees it as HTML does (an .html page, an .svg image, a template)."""
        return self.uri.lower().endswith(MARKUP_SUFFIXES)


SettingsCheck = Callable[[Settings, Redactor], list[Problem]]
FileCheck = Callable[[SiteFile, Redactor], list[Problem]]
RenderedCheck = Callable[[str, str, Redactor], list[Problem]]

# MkDocs' Markdown pages (mkdocs.utils.markdown_extensions, matched case-sensitively: it
# copies an ".MD" file as it is).
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
# Files a browser shows through their markup; any other text file it shows as it is written.
MARKUP_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".svg", ".xml")
# Files read as text whatever their bytes (matched in lower case): MkDocs' Markdown, markup,
# and what a browser shows as text by its name (its type as a web server gives it).
TEXT_SUFFIXES = (*MARKDOWN_SUFFIXES, *MARKUP_SUFFIXES, ".txt", ".text", ".csv", ".tsv", ".json", ".js",
                 ".mjs", ".css", ".map", ".webmanifest", ".vcf", ".ics", ".yml", ".yaml", ".rss", ".atom")
_SNIFFED = 8192  # bytes looked at for a NUL before a file is read as text
# The first bytes of formats that are no text even when no NUL comes early (a PDF's header
# and details are ASCII): a PDF, a PNG, a zip, a JPEG, a GIF, a font, a gzip.
_BINARY_STARTS = (PDF_START, PNG_START, ZIP_START, b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"wOFF", b"wOF2",
                  b"OTTO", b"\x1f\x8b")
# A byte order mark, by the encoding a browser reads after it (UTF-32's before UTF-16's: "FF FE 00 00" starts both).
_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
          (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF8, "utf-8-sig"))
_WIDE_MARKS = tuple(mark for mark, name in _MARKS if name != "utf-8-sig")


def _markup_in_site_name(settings: Settings, redactor: Redactor) -> list[Problem]:
    """Material writes `site_name` unescaped into every page (the title, the header logo's
    aria-label): a quote or an angle bracket would break out of the markup."""
    name = settings.values.get("site_name")
    if not isinstance(name, str) or not breaks_theme(name):
        return []
    return [Problem(settings.holder(("site_name",)), None, "site_name",
                    f"'{name}' có ký tự \", <, > mà giao diện ghi nguyên vào HTML của mọi trang.",
                    hint="dùng dấu ngoặc kép “ ” thay cho \" và bỏ < >.")]


def _values_made_by_code(settings: Settings, redactor: Redactor) -> list[Problem]:
    """A value that only running code gives (the check runs none): not checked, and said so."""
    return [Problem(settings.holder(path), None, format_path(path),
                    f"giá trị '{value.tag.removeprefix('tag:yaml.org,2002:')}' chỉ có khi chạy mã Python "
                    "(MkDocs chạy nó khi dựng trang), nên kiem-tra không đọc được để kiểm tra.",
                    hint="ghi giá trị này thành chữ để kiem-tra đọc được.", severity="warning")
            for path, value in tagged_values(settings.values) if value.runs_code]


def tagged_values(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Tagged]]:
    """Every `Tagged` value within `value`, with its key path."""
    if isinstance(value, Tagged):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from tagged_values(item, (*path, str(key)))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from tagged_values(item, (*path, i))


def _private_in_settings(settings: Settings, redactor: Redactor) -> list[Problem]:
    return private_values_in_settings(settings.values, settings.holder, redactor)


def _private_in_binary_file(file: SiteFile, redactor: Redactor) -> list[Problem]:
    return private_values_in_readings(file.readings, file.shown_as, redactor)


def _unread_parts(file: SiteFile, redactor: Redactor) -> list[Problem]:
    """What of a file could not be read for the privacy check: said, since it is published."""
    if not redactor:
        return []
    cap = wording.file_size(MAX_READ)
    said = {"too_large": f"tệp lớn hơn {cap} nên không được đọc để tìm thông tin liên hệ riêng tư.",
            "capped": f"phần nén bên trong tệp giải nén ra hơn {cap}: chỉ {cap} đầu được đọc để tìm thông tin "
                      "liên hệ riêng tư, phần còn lại chưa được kiểm tra.",
            "locked": "tệp có phần được khóa bằng mật khẩu: phần đó không đọc được để tìm thông tin liên hệ "
                      "riêng tư.",
            "damaged": "không đọc được chữ trên các trang của tệp PDF (tệp có thể bị hỏng): chưa kiểm tra được "
                       "thông tin liên hệ riêng tư trong đó.",
            "pages": f"tệp PDF dài hơn {MAX_PDF_PAGES} trang: chỉ chữ trên {MAX_PDF_PAGES} trang đầu được đọc để tìm "
                     "thông tin liên hệ riêng tư, các trang sau chưa được kiểm tra."}
    return [Problem(file.shown_as, None, "", said[reason], severity="warning",
                    hint="tệp vẫn được đăng nguyên như vậy: tự xem lại tệp, hoặc bỏ tệp khỏi trang nếu không cần.")
            for reason in sorted(file.unread)]


def _personal_values(file: SiteFile, redactor: Redactor) -> list[Problem]:
    """A citizen's identity number or a date of birth (personal_data.find_personal_values: after its name,
    or under its column's heading), at its line in a text file as written, or in what can be read of
    another file (an Office file's text, a PDF's pages; not its bytes' own digits), and in an Office
    file's tables, at its cell (file_reading.office_tables): refused, as in the data, whatever private
    values are known."""
    problems = []
    if file.text is not None:
        problems += [Problem(file.shown_as, file.text.count("\n", 0, value.start) + 1, "",
                             f"trang viết tay có {value.said(file.text)}.", hint=f"{PERSONAL_HINTS[value.kind]}.")
                     for value in find_personal_values(file.text)]
    in_cells = set()
    for table in office_tables(file.readings):
        for r, c, kind, heading, shown in personal_values_in_table(table.rows):
            in_cells.add(shown)
            problems.append(_in_file(file, personal_said(kind, shown, heading, table.rows[r][c].where), kind))
    for reading in file.readings:
        if reading.read_as != "bytes":
            text = xml_text(reading.text) if reading.read_as == "markup" else reading.text
            problems += [_in_file(file, value.said(text), value.kind) for value in find_personal_values(text)
                         if text[value.start:value.end] not in in_cells]  # a cell's value is told at its cell
    return list(dict.fromkeys(problems))


def _in_file(file: SiteFile, said: str, kind: PersonalKind) -> Problem:
    return Problem(file.shown_as, None, "", f"tệp có {said} trong phần chữ đọc được của tệp.",
                   hint=f"{PERSONAL_HINTS[kind]} khỏi tệp rồi lưu lại.")


def _private_in_file_name(file: SiteFile, redactor: Redactor) -> list[Problem]:
    return private_values_in_file_name(file.uri, file.shown_as, redactor)


def _private_in_text(file: SiteFile, redactor: Redactor) -> list[Problem]:
    """A text file holding a private value as written, or as a reader sees it: a Markdown page
    through its Markdown and HTML, a page or image of HTML markup through that markup, any
    other file (a .txt, a .csv, MkDocs copies them as they are) as it is written."""
    if file.text is None:
        return []
    if file.markdown:
        return private_values_in_page(file.text, file.shown_as, redactor)
    if file.markup:
        return private_values_in_markup(file.text, file.shown_as, redactor)
    return private_values_in_plain_text(file.text, file.shown_as, redactor)


SETTINGS_CHECKS: tuple[SettingsCheck, ...] = (_markup_in_site_name, _private_in_settings, _values_made_by_code)
FILE_CHECKS: tuple[FileCheck, ...] = (_private_in_file_name, _private_in_text, _private_in_binary_file,
                                      _personal_values, _unread_parts)
RENDERED_CHECKS: tuple[RenderedCheck, ...] = (private_values_in_html,)


def settings_problems(settings: Settings, redactor: Redactor) -> list[Problem]:
    """What every check of mkdocs.yml finds."""
    return [problem for check in SETTINGS_CHECKS for problem in check(settings, redactor)]


def file_problems(files: Iterable[SiteFile], redactor: Redactor) -> list[Problem]:
    """What every check of the site's files finds (a file at a time: what is read of one is
    let go before the next is read); a file published as it is and found clean by an earlier
    run is not read again (CLEAN_SITE_FILES)."""
    problems = [problem for file in files for problem in CLEAN_SITE_FILES.problems(file, redactor)]
    CLEAN_SITE_FILES.prune()
    return problems


def checked_file(file: SiteFile, redactor: Redactor) -> list[Problem]:
    """What every check of one file finds (FILE_CHECKS), the file read for them."""
    return [problem for check in FILE_CHECKS for problem in check(file, redactor)]


class CleanFiles:
    """The verdict "every check finds nothing in this file" (FILE_CHECKS), for a file published as
    it is (an image, a PDF, an Office file: SiteFile.published_as_is), kept between processes in
    the build cache (build_cache.py, the subfolder `kind`), so that the next build, `mkdocs serve`
    rebuild or `cotcan kiem-tra` does not read the file again (a PDF's text takes about half a
    second a megabyte to extract). An entry is named by the file's SHA-256, its name and place
    (`uri`, which the checks read: the name holds no private value, a `.txt` is read as text;
    `shown_as`), what the redactor looks for (`Redactor.digest`: a SHA-256 of the private values,
    of the numbers phonenumbers makes of them and of the libraries' versions), the readers'
    versions (file_reading.READERS) and the core's own source (build_cache.core_digest), so that
    another file, name, value or version of the checks or of what they use reads it again. A
    file with a problem, a warning too, is never kept: it is read, and its problems told in full,
    on every run. A text file is always checked: no PDF or Office reader runs on it."""

    def __init__(self, kind: str, folder: Callable[[], Path | None]) -> None:
        self._kind = kind  # the subfolder of the cache
        self._folder = folder

    def use_folder(self, folder: Path | None) -> None:
        """Keep entries in `folder` (build_cache.site_folder: the one the site allows), None: none."""
        self._folder = lambda: folder

    def problems(self, file: SiteFile, redactor: Redactor) -> list[Problem]:
        """What every check of `file` finds: none, the file unread, when it was found clean before."""
        cache = build_cache.BuildCache(self._folder(), self._kind)
        entry = None
        if cache.folder is not None and file.published_as_is:
            recipe = (f"file checked clean, core {build_cache.core_digest()}, read by {file_reading.READERS}, "
                      f"looking for {redactor.digest}")
            entry = recipe, "\0".join((file.sha256, file.uri, file.shown_as)).encode("utf-8")
            if cache.get(*entry, _CLEAN.__eq__, len(_CLEAN)) is not None:
                return []
        found = checked_file(file, redactor)
        if entry is not None and not found:
            cache.put(*entry, _CLEAN)
        return found

    def prune(self) -> None:
        """Remove the entries unused for build_cache.PRUNE_AFTER_DAYS."""
        build_cache.BuildCache(self._folder(), self._kind).prune()


_CLEAN = b"clean"  # what an entry holds
SITE_FILES_KIND = "site-files-clean"  # the subfolder of the cache for the files of docs_dir and custom_dir
# The verdicts on the files of docs_dir and custom_dir: none kept until the build or
# `cotcan kiem-tra` names the cache's folder the site allows (use_folder). A CleanFiles holds
# nothing but that folder: `use_folder(None)` makes it again as a process starts (the tests do so
# before each test: an in-process kiem-tra or build leaves its folder named).
CLEAN_SITE_FILES = CleanFiles(SITE_FILES_KIND, lambda: None)


def rendered_problems(html: str, shown_as: str, redactor: Redactor) -> list[Problem]:
    """What every check of a hand-written page's rendered HTML finds (the build's only)."""
    return [problem for check in RENDERED_CHECKS for problem in check(html, shown_as, redactor)]


def folder_files(folders: Iterable[Path], root: Path) -> Iterator[SiteFile]:
    """Every file of the folders, as MkDocs walks them (links followed, names sorted), each
    read by read_file; shown from `root`, the folder of mkdocs.yml."""
    for folder in folders:
        for current, dirs, names in os.walk(folder, followlinks=True):
            dirs.sort()
            for name in sorted(names):
                path = Path(current, name)
                yield read_file(path, Path(os.path.relpath(path, folder)).as_posix(), shown_path(path, root))


def read_file(path: Path, uri: str, shown_as: str) -> SiteFile:
    """A file the site publishes, named `uri` on the site, from its bytes; one over MAX_READ
    not read."""
    return SiteFile(uri, shown_as, None if path.stat().st_size > MAX_READ else path.read_bytes())


def text_encoding(data: bytes, uri: str) -> str | None:
    """The encoding a text file is read in: a UTF-16 or UTF-32 file by its byte order mark, or
    by its NUL bytes (_utf16_by_its_nuls), else UTF-8. None for a file that is no text (see
    the module's docstring)."""
    encoding = next((name for mark, name in _MARKS if data.startswith(mark)), None)
    if encoding is not None:
        return encoding
    sniffed = data[:_SNIFFED]
    if not uri.lower().endswith(TEXT_SUFFIXES):
        return None if data.startswith(_BINARY_STARTS) or b"\0" in sniffed else "utf-8"
    return (_utf16_by_its_nuls(sniffed) if b"\0" in sniffed else None) or "utf-8"


def _text(data: bytes, encoding: str) -> str:
    """A text file's text, as MkDocs reads a page: a byte order mark dropped, any line ending
    as "\\n", a byte that is no character of `encoding` replaced (its digits and Latin letters
    stay readable), a NUL too."""
    text = data.decode(encoding, errors="replace")
    return text.replace("\0", "\ufffd").replace("\r\n", "\n").replace("\r", "\n")


def _utf16_by_its_nuls(sniffed: bytes) -> str | None:
    """UTF-16 without its mark, as Notepad tells it, for a text file whose NUL bytes are the
    high bytes of its letters (a quarter of its bytes or more, most on one side), else None."""
    at_even, at_odd = sniffed[::2].count(0), sniffed[1::2].count(0)
    if max(at_even, at_odd) * 4 < len(sniffed) or at_even == at_odd:
        return None
    return "utf-16-le" if at_odd > at_even else "utf-16-be"


def shown_path(path: str | Path, root: Path) -> str:
    """A file as the clerk finds it from the folder of mkdocs.yml."""
    return os.path.relpath(path, root).replace(os.sep, "/")
