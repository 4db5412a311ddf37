"""What the office reads about publishing, in Vietnamese: one place for each line.

Every failure is one line that says what failed and where, and that the site already
published is still there (it always is: nothing replaces it before the new one is whole).
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import Abort

from portal.commands import CHECK, EXIT_MEANINGS, Exit
from portal.errors import PortalError, os_reason
from portal.problems import DataError, report
from portal.validate import type_name
from portal.wording import BLANK_VALUE

KEPT = "Trang web đang có vẫn giữ nguyên."

# Errors that only a write can raise: whatever file they name, the build was writing.
WRITE_FAULTS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


class PublishError(PortalError):
    """Publishing stopped; the message, in Vietnamese, says why and where."""


def fault(site: Path, error: OSError) -> str:
    """A file system error while writing or publishing `site`, as one line."""
    reason = os_reason(error)
    where = f" (tại {error.filename})" if error.filename and error.filename != str(site) else ""
    return f"Không ghi được trang web vào {site}{where}: {reason}. {KEPT}"


def mount_point(site: Path) -> str:
    return (f"Không xuất bản được vào {site}: thư mục này là một điểm gắn kết (mount point), không thể "
            f"thay thế trọn vẹn trong một bước. Hãy đặt site_dir vào một thư mục con của nó, hoặc cho "
            f"site_dir là một liên kết tượng trưng (symlink). {KEPT}")


def waiting(site: Path, holder: int | None, timeout: float) -> str:
    return f"Một bản dựng khác{_process(holder)} đang xuất bản vào {site}: chờ nó xong (tối đa {timeout:g} giây)…"


def lock_timed_out(site: Path, holder: int | None, timeout: float) -> str:
    return (f"Không xuất bản vào {site}: một bản dựng khác{_process(holder)} vẫn chạy sau {timeout:g} giây chờ. "
            f"{KEPT} Hãy chạy lại khi bản dựng kia xong.")


def _process(pid: int | None) -> str:
    return f" (tiến trình {pid})" if pid else ""


def restored(site: Path) -> str:
    return f"Đã khôi phục {site}: lần xuất bản trước bị ngắt giữa chừng."


def cleaned(count: int) -> str:
    return f"Đã dọn {count} thư mục tạm của lần dựng bị ngắt trước."


def published(site: Path) -> str:
    return f"Đã xuất bản trang web vào {site}"


def old_site_left(site: Path, left: list[Path]) -> str:
    """A stop (Ctrl-C, SIGTERM) while the site the new one replaced was removed: the new one
    is published, and what is left is removed by the next build."""
    rest = "; ".join(str(path) for path in left) or "không còn gì"
    return (f"Trang web mới ĐÃ được xuất bản vào {site}; lệnh dừng (Ctrl-C hoặc SIGTERM) đến khi đang xoá bản "
            f"cũ, nên còn lại: {rest}. Lần dựng sau sẽ tự xoá, hoặc có thể xoá tay. Dòng “Aborted!” sau đây "
            "chỉ báo việc dừng này.")


def old_site_not_removed(site: Path, left: Path, blocker: Path, error: OSError) -> str:
    """What the new site replaced (the old site, or an old release) could not be removed after the
    switch: the new one is published all the same."""
    return (f"Trang web mới ĐÃ được xuất bản vào {site}, nhưng bản cũ chưa xoá hết được: "
            f"{_not_removed(blocker, error)}. {_remove_by_hand(left)}")


def leftover_not_removed(left: Path, blocker: Path, error: OSError) -> str:
    """A folder an earlier build left could not be removed at the start of this one, which goes on."""
    return (f"Không xoá được thư mục {left} mà một lần dựng trước để lại: {_not_removed(blocker, error)}. "
            f"{_remove_by_hand(left)}")


def _not_removed(blocker: Path, error: OSError) -> str:
    return f"không xoá được {blocker} ({os_reason(error)})"


def _remove_by_hand(left: Path) -> str:
    hidden = " (thư mục ẩn: tên bắt đầu bằng dấu chấm, xem bằng ls -a)" if left.name.startswith(".") else ""
    return (f"Hãy xoá thư mục {left}{hidden} bằng tài khoản có quyền xoá nó, ví dụ: sudo rm -rf '{left}' "
            f"(tệp bị khoá bằng chattr +i thì gỡ khoá trước: sudo chattr -R -i '{left}'). Thư mục này không ngăn "
            "việc xuất bản, nhưng mỗi lần dựng sẽ nhắc lại cho đến khi nó được xoá.")


def switched(site: Path, release: Path) -> str:
    return f"Đã xuất bản trang web vào {release} và chuyển {site} sang đó"


def foreign_target_kept(site: Path, target: Path) -> str:
    return f"Thư mục {target} (nơi {site} trỏ tới trước đây) được giữ nguyên: nó không do portal tạo ra."


def index_failed(site: Path, detail: str) -> str:
    return f"Không lập được chỉ mục tìm kiếm (Pagefind) cho {site}: {detail}. {KEPT}"


def pagefind_missing(path: str | None) -> str:
    where = f" tại {path}" if path else ""
    return (f"Không tìm thấy chương trình Pagefind{where}: cài gói 'pagefind[bin]', hoặc đặt PAGEFIND_BINARY_PATH "
            f"hay tuỳ chọn pagefind_binary đúng đường dẫn. {KEPT}")


def unsupported_system() -> str:
    return ("Máy này không dựng được trang web: phần mềm cần Linux hoặc macOS (khóa tệp và tín hiệu của hệ "
            "điều hành), Windows không có. Trên Windows, chạy lệnh trong WSL (Ubuntu), hoặc để quy trình xuất bản "
            f"của trang (GitHub Actions, GitLab CI) dựng. Không dựng, không xuất bản gì. {KEPT}")


def build_stopped(kept: bool) -> str:
    """The last line of a build that stopped on an error told above it (MkDocs' own is English)."""
    return "Dừng dựng trang web vì lỗi ở trên." + (f" {KEPT}" if kept else "")


def interrupted(kept: bool) -> str:
    """Said when Ctrl-C or SIGTERM stops a build before it published (click's "Aborted!" follows)."""
    return ("Đã dừng dựng trang web theo lệnh dừng (Ctrl-C hoặc SIGTERM): không xuất bản gì."
            + (f" {KEPT}" if kept else ""))


def strict_warnings(count: int) -> str:
    """A build MkDocs ends after its pages because of warnings, as `--strict` asks (its own
    last line, in English, is "Aborted with N warnings in strict mode!")."""
    return (f"Bản dựng chạy nghiêm ngặt (mkdocs build --strict): {count} cảnh báo ở trên (các dòng WARNING) cũng "
            "làm dừng dựng trang, nên trang web mới không được xuất bản. Sửa điều các cảnh báo nêu rồi dựng lại.")


def build_fault(error: Exception) -> str:
    """A build stopped by a fault of the code, not of the data or the site's files."""
    return f"Dừng dựng trang web vì {EXIT_MEANINGS[Exit.UNEXPECTED]}: {type(error).__name__}: {error}"


def mkdocs_refused(error: Exception, *, config: bool) -> str:
    """A build MkDocs itself stopped under `mkdocs serve`: mkdocs.yml it could not read
    (`config`), or its own end of a build (warnings under `strict`), in English; with the
    command that tells the same in Vietnamese, at its file and line."""
    said = str(error).strip()
    why = "mkdocs.yml có lỗi" if config else "MkDocs dừng dựng trang (xem các dòng WARNING, ERROR ở cửa sổ lệnh)"
    return f"{why}: “{said}”. Kiểm tra để xem lỗi bằng tiếng Việt, chỉ rõ tệp và dòng: {CHECK.line()}"


class BuildStopped(Abort):
    """The end of a refused build: `build_stopped` as MkDocs' Abort (the CLI prints it and
    exits with 1), carrying the report told above it, which `mkdocs serve` shows on the
    served pages (preview_serve.py)."""

    def __init__(self, report: str, *, kept: bool) -> None:
        super().__init__(build_stopped(kept))
        self.report = report


def site_files_refused(problems: str) -> str:
    """The report of the site's own files that fail a check of portal.site_checks (a
    hand-written page, or a file named, with a private contact)."""
    return f"Trang viết tay hoặc tên tệp của trang có lỗi:\n\n{problems}"


def _not_installed(kind: str, name: str) -> str:
    return f"chưa cài {kind} '{name}' mà mkdocs.yml dùng: cài gói của nó, hoặc xóa nó khỏi mkdocs.yml."


# MkDocs' Python types (config_options.Type and its kin), as the schema names them (validate.type_name).
_PYTHON_TYPES = {"bool": "boolean", "str": "string", "int": "integer", "list": "array", "dict": "object"}


def _type(python: str) -> str:
    return BLANK_VALUE if python == "NoneType" else type_name(_PYTHON_TYPES.get(python, python))


def _wrong_type(expected: str, received: str) -> str:
    names = re.findall(r"<class '(\w+)'>", expected) or [expected]
    return f"sai kiểu giá trị: cần {' hoặc '.join(_type(name) for name in names)}, đang ghi {_type(received)}."


def _extension_refused(extension: str, reason: str) -> str:
    if missing := re.fullmatch(r"ModuleNotFoundError: No module named '([^']+)'", reason):
        return (f"không nạp được tiện ích Markdown '{extension}': chưa cài mô-đun Python '{missing[1]}'. "
                "Cài gói của nó, hoặc xóa nó khỏi markdown_extensions.")
    if option := re.fullmatch(r"KeyError: '([^']+)'", reason):
        return f"tiện ích Markdown '{extension}' không có tùy chọn '{option[1]}': xóa hoặc sửa tên tùy chọn."
    return f"không nạp được tiện ích Markdown '{extension}': “{reason}”"


_PLACES = {"directory": "thư mục", "file": "tệp"}
_CONFIG_MESSAGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    # MkDocs' own words (mkdocs.config.config_options), searched for in its message, and the clerk's.
    (re.compile(r"Unrecognised configuration name: (.+)"),
     lambda found: f"MkDocs không biết mục '{found[1]}' (viết sai tên, hoặc mục của bản MkDocs khác): "
                   "xóa hoặc sửa tên mục."),
    (re.compile(r'The "(.+)" plugin is not installed'), lambda found: _not_installed("tiện ích (plugin)", found[1])),
    (re.compile(r"Unrecognised theme name: '([^']+)'"),
     lambda found: _not_installed("giao diện (theme)", found[1]) + " Tên thường dùng là 'material'."),
    (re.compile(r"Expected type: (.+) but received: <class '(\w+)'>"), lambda found: _wrong_type(found[1], found[2])),
    (re.compile(r"Expected (?:a )?(list|dict|string|boolean)(?: of items)?,? (?:but a |got |but received: )"
                r"<class '(\w+)'>"),
     lambda found: _wrong_type({"list": "<class 'list'>", "dict": "<class 'dict'>", "string": "<class 'str'>",
                                "boolean": "<class 'bool'>"}[found[1]], found[2])),
    (re.compile(r"The URL isn't valid|Unable to parse the URL"),
     lambda found: "không phải một địa chỉ trang web đầy đủ: cần bắt đầu bằng https:// (hoặc http://) rồi tên "
                   "miền, ví dụ 'https://pgddt.example.edu.vn/'."),
    (re.compile(r"The path '(.+)' isn't an existing (directory|file)"),
     lambda found: f"không có {_PLACES[found[2]]} '{found[1]}'."),
    (re.compile(r"The path set in custom_dir \('(.+)'\) does not exist"),
     lambda found: f"không có thư mục '{found[1]}'."),
    (re.compile(r"Failed to load extension '([^']+)'\.(?:.*\n)?(.*)$", re.DOTALL),
     lambda found: _extension_refused(found[1], found[2].strip())),
    (re.compile(r"ModuleNotFoundError: No module named '([^']+)'"),
     lambda found: f"chưa cài mô-đun Python '{found[1]}' mà mục này cần: cài gói của nó."),
)

# Every build the project documents runs strict (README's `mkdocs build --strict`, the new site's
# workflow, the shipped `strict: true`): MkDocs' warnings about mkdocs.yml stop it too.
_STRICT = "Bản dựng chạy nghiêm ngặt (mkdocs build --strict): cảnh báo này của MkDocs cũng làm dừng dựng trang."


def config_refused(message: str, warning: bool = False) -> str:
    """An error or warning of MkDocs' validation of mkdocs.yml (the option's name already taken
    off), in the clerk's words where it is known, else its last line quoted (a Markdown
    extension's error comes with a traceback); a warning says that the build refuses it too."""
    said = next((say(found) for pattern, say in _CONFIG_MESSAGES if (found := pattern.search(message))), None)
    if said is None:
        last = next((line.strip() for line in reversed(message.splitlines()) if line.strip()), "")
        said = f"MkDocs không chấp nhận giá trị này: “{last}”"
    return f"{said} {_STRICT}" if warning else said


def config_not_validated(key: str, reason: str) -> str:
    """The one warning of a mkdocs.yml whose MkDocs validation kiem-tra does not run, and why."""
    return (f"kiem-tra không chạy phần kiểm tra của MkDocs cho tệp này: mục {key} {reason} (MkDocs chạy nó khi "
            "dựng trang), mà kiem-tra không chạy mã. Lỗi MkDocs tìm ra (mục sai tên, tiện ích chưa cài…) chỉ hiện "
            "khi dựng trang.")


def made_by_code(tag: str) -> str:
    return f"có giá trị '{tag.removeprefix('tag:yaml.org,2002:')}' chỉ có khi chạy mã Python"


HOOKS_RUN_CODE = "nạp mã Python của trang"


def extension_in_site(extension: str) -> str:
    return f"dùng tiện ích Markdown '{extension}' là mã Python trong thư mục của trang"


def relative_refused(written: str) -> str:
    return (f"'!relative {written}' không dùng được: sau !relative chỉ ghi $config_dir/… hoặc $docs_dir/…, hoặc "
            "không ghi gì.")


def site_settings_refused(shown: str, problems: str) -> str:
    """The report of mkdocs.yml failing a check of portal.site_checks."""
    return f"Cấu hình {shown} có lỗi:\n\n{problems}"


# The preview of `mkdocs serve` (preview.py)

SEARCH_STALE = ("Bản xem trước: trang đã cập nhật theo dữ liệu vừa sửa, nhưng ô tìm kiếm vẫn dùng chỉ mục cũ "
                "cho đến lần dựng đầy đủ tiếp theo (mkdocs build).")


PREVIEW_READY = "Xem trước sẵn sàng: sửa một tệp trong data/ thì chỉ các trang liên quan được dựng lại."


def preview_pages_known(pages: int, seconds: float) -> str:
    return (f"Xem trước: {pages} trang cần dựng lại (biết sau {seconds:.1f} s); "
            "trang đang mở trên trình duyệt được dựng trước.")


def preview_updated(pages: int, seconds: float) -> str:
    return f"Xem trước: đã cập nhật {pages} trang trong {seconds:.1f} s. {SEARCH_STALE}"


# The last line of a data report under `mkdocs serve` that builds again at each save, in place of
# problems.NOTHING_PUBLISHED's "run again" (a build command's).
SAVE_TO_REBUILD = "Sửa các lỗi trên rồi lưu tệp: bản xem trước tự dựng lại trang web, không cần chạy lại lệnh."


def data_refused(data_dir: str, error: DataError, *, saved: bool) -> str:
    """The report of data/ with errors that stops a full build; closing with SAVE_TO_REBUILD
    when the next save builds again (`saved`: preview_serve.rebuilds_on_save)."""
    return f"Dữ liệu trong {data_dir}/ có lỗi:\n\n{_data_report(error, saved)}"


def preview_data_error(data_dir: str, error: DataError) -> str:
    return (f"Dữ liệu trong {data_dir}/ có lỗi, bản xem trước giữ nguyên trang trước lần sửa này:\n\n"
            f"{_data_report(error, saved=True)}")


def _data_report(error: DataError, saved: bool) -> str:
    return report(error.problems, closing=SAVE_TO_REBUILD) if saved else str(error)


def preview_site_refused(problems: str) -> str:
    return ("Theo dữ liệu vừa sửa, cấu hình hoặc tệp của trang web có thông tin liên hệ riêng tư; "
            f"bản xem trước giữ nguyên trang trước lần sửa này:\n\n{problems}")


PREVIEW_AS_SERVED = ("Xem trước: dữ liệu vẫn đúng như trang đang hiển thị (lần sửa có lỗi đã được hoàn tác, hoặc "
                     "tệp chỉ được lưu lại theo cách khác: kiểu xuống dòng, dấu BOM, dấu cách thừa); không trang "
                     "nào cần dựng lại.")


_MEND_AND_SAVE = ("Sửa các lỗi trong báo cáo dưới đây rồi lưu tệp: trang sẽ tự tải lại, không cần chạy lại "
                  "lệnh.")

PREVIEW_REFUSED = ("Bản xem trước: lần sửa vừa rồi CHƯA được hiển thị vì có lỗi; trang đang xem là bản "
                   f"dựng đúng gần nhất. {_MEND_AND_SAVE}")

# A first build refused: the preview has no site yet, and serves the report as its page.
PREVIEW_NO_SITE_TITLE = "Bản xem trước: chưa dựng được trang web vì có lỗi"

PREVIEW_NO_SITE = ("Chưa có trang nào để xem: báo cáo dưới đây (y như ở cửa sổ lệnh) chỉ rõ tệp, dòng và mục "
                   f"cần sửa. {_MEND_AND_SAVE} Trang báo lỗi này chỉ có trong bản xem trước, không được ghi "
                   "vào trang web.")

PREVIEW_WITHOUT_SITE = ("Bản xem trước vẫn chạy và theo dõi các tệp, dù chưa dựng được trang web: trình duyệt "
                        "hiện báo cáo lỗi ở trên. Sửa các lỗi rồi lưu tệp: trang web sẽ tự dựng lại, không cần "
                        "chạy lại lệnh.")


def preview_full_build(reason: str) -> str:
    return f"Xem trước: dựng lại toàn bộ trang web ({reason})."
