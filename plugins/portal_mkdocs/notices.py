"""What the office reads about publishing, in Vietnamese: one place for each line.

Every failure is one line that says what failed and where, and that the site already
published is still there (it always is: nothing replaces it before the new one is whole).
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from portal.errors import PortalError, os_reason

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


def build_stopped(kept: bool) -> str:
    """The last line of a build that stopped on an error told above it (MkDocs' own is English)."""
    return "Dừng dựng trang web vì lỗi ở trên." + (f" {KEPT}" if kept else "")


def site_files_refused(problems: str) -> str:
    """The report of the site's own files that fail a check of portal.site_checks (a
    hand-written page, or a file named, with a private contact)."""
    return f"Trang viết tay hoặc tên tệp của trang có lỗi:\n\n{problems}"


_CONFIG_MESSAGES = (  # MkDocs' own words (mkdocs.config), and the clerk's
    (re.compile(r"Unrecognised configuration name: (.+)"),
     "MkDocs không biết mục '{0}' (viết sai tên, hoặc mục của bản MkDocs khác): xóa hoặc sửa tên mục."),
    (re.compile(r'The "(.+)" plugin is not installed'),
     "chưa cài tiện ích (plugin) '{0}' mà mkdocs.yml dùng: cài gói của nó, hoặc xóa nó khỏi plugins."),
    (re.compile(r"Unrecognised theme name: '([^']+)'"),
     "chưa cài giao diện (theme) '{0}' mà mkdocs.yml dùng: cài gói của nó, hoặc sửa tên (thường là 'material')."),
)


def config_refused(message: str) -> str:
    """An error or warning of MkDocs' validation of mkdocs.yml, in the clerk's words where
    they are known, else MkDocs' own quoted."""
    for pattern, said in _CONFIG_MESSAGES:
        if found := pattern.match(message):
            return said.format(*found.groups())
    return f"MkDocs không chấp nhận giá trị này: “{message}”"


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


def preview_data_error(data_dir: str, error: Exception) -> str:
    return (f"Dữ liệu trong {data_dir}/ có lỗi, bản xem trước giữ nguyên trang trước lần sửa này:\n\n{error}")


def preview_site_refused(problems: str) -> str:
    return ("Theo dữ liệu vừa sửa, cấu hình hoặc tệp của trang web có thông tin liên hệ riêng tư; "
            f"bản xem trước giữ nguyên trang trước lần sửa này:\n\n{problems}")


def preview_full_build(reason: str) -> str:
    return f"Xem trước: dựng lại toàn bộ trang web ({reason})."
