"""The one root of the portal's errors, so that a caller catches `PortalError` alone.

Each error carries a message in Vietnamese for the clerk (file, row or line, what was
expected); the subclasses say which step failed.
"""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable


class PortalError(Exception):
    """Something the office can fix: the message says what and where, in Vietnamese."""


_LISTED = 10  # known office ids named when none is close to the one asked for


class Undone(KeyboardInterrupt):
    """Ctrl+C after a command had written files, which it put back as they were: the
    message says so (the guard adds it to its line)."""


def unknown_office(office_id: str, known: Iterable[str]) -> str:
    """The sentence for an office id the data does not have: the ids close to it (a typo),
    else the ids there are."""
    ids = sorted(known)
    close = difflib.get_close_matches(office_id, ids, n=3, cutoff=0.5)
    if close:
        return f"không có đơn vị nào mang mã '{office_id}'. Có phải: {', '.join(close)}?"
    listed = ", ".join(ids[:_LISTED]) + (f" và {len(ids) - _LISTED} mã khác" if len(ids) > _LISTED else "")
    return f"không có đơn vị nào mang mã '{office_id}'. Các mã đơn vị đang có: {listed or 'chưa có'}."


# Why the system refused a file or folder, for the errors a clerk can meet and act on.
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền đọc hoặc ghi; kiểm tra quyền của thư mục",
    errno.EPERM: "không có quyền đọc hoặc ghi; kiểm tra quyền của thư mục",
    errno.ENOSPC: "ổ đĩa đã đầy; giải phóng chỗ trống rồi chạy lại",
    errno.EDQUOT: "đã hết hạn mức dung lượng (quota) của tài khoản",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EEXIST: "đã có tệp hoặc thư mục này",
    errno.ENOTEMPTY: "thư mục không trống",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "đây là một tệp, không phải thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EBUSY: "thư mục đang bận hoặc là một điểm gắn kết (mount point)",
    errno.EXDEV: "thư mục tạm và thư mục đích nằm trên hai ổ đĩa khác nhau",
}


def os_reason(error: OSError) -> str:
    """Why the system refused a file, in Vietnamese (never its English strerror)."""
    code = error.errno or 0
    return _OS_REASONS.get(code) or f"lỗi hệ thống {errno.errorcode.get(code, code)}"
