"""Open a roster file of any supported format and give its grids, or a clear error.

The format comes from `--format`, else the file's name, else its first bytes. Before
anything is parsed: the file must exist and stay under the size limit; a zip package
(.xlsx, .docx) under the unpacked-size limit. An old binary Office file (.xls, .doc,
or a workbook with a password, which Office stores the same way) gets a message
saying how to save it in the newer format; so does any file named .xls. The lock file
Excel or Word keeps beside a file while it is open ("~$ds.xlsx") names that file.
"""

from __future__ import annotations

import glob
import zipfile
from pathlib import Path

from ..errors import os_reason
from .errors import RosterError
from .grid import Grid
from .limits import LIMITS, Limits, megabytes
from .read_docx import read_docx
from .read_pdf import read_pdf
from .read_text import decode, read_csv, read_tsv
from .read_xlsx import read_xlsx

FORMATS = ("tsv", "csv", "xlsx", "docx", "pdf")
_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv", ".tsv": "tsv", ".txt": "tsv", ".tab": "tsv",
             ".docx": "docx", ".pdf": "pdf"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003 (.xls, .doc), and password-protected files
_OLD_OFFICE = {
    ".xls": "Excel 97-2003 (.xls): mở tệp bằng Excel, chọn Tệp → Lưu thành → 'Sổ làm việc Excel (*.xlsx)', "
            "rồi nhập tệp .xlsx",
    ".doc": "Word 97-2003 (.doc): mở tệp bằng Word, chọn Tệp → Lưu thành → 'Tài liệu Word (*.docx)', "
            "rồi nhập tệp .docx",
}


def guess_format(path: Path, head: bytes = b"") -> str:
    suffix = path.suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK"):
        return "docx" if b"word/" in head else "xlsx"
    return "tsv" if b"\t" in head.split(b"\n", 1)[0] else "csv"


def _program(fmt: str) -> str:
    """The program a clerk opens a file of this format with."""
    return "Word" if fmt == "docx" else "Excel"


# Excel's and Word's lock file beside a file that is open: "~$" and the file's name ("~$ds.xlsx"),
# or for Word its name with its first two characters replaced ("~$nh-sach.docx" for "danh-sach.docx").
_LOCK = "~$"


def _locked_file(path: Path) -> Path:
    """The file a lock file stands for: the name without "~$" unless only Word's form is there."""
    rest = path.name[len(_LOCK):]
    words = [sibling for sibling in path.parent.glob(f"??{glob.escape(rest)}")
             if not sibling.name.startswith(_LOCK)]
    return path.with_name(rest) if path.with_name(rest).exists() or not words else min(words)


def _refuse_lock_file(path: Path, shown: str) -> None:
    if not path.name.startswith(_LOCK):
        return
    owner = Path(shown).with_name(_locked_file(path).name)
    program = _program(_SUFFIXES.get(path.suffix.lower(), "xlsx"))
    raise RosterError(f"{shown}: đây là tệp khóa tạm thời {program} tạo ra khi đang mở tệp '{owner}', không phải "
                      f"danh sách. Gợi ý: đóng {program} (lưu tệp nếu cần), rồi nhập tệp '{owner}'.")


def _check_package(path: Path, fmt: str, shown: str, limits: Limits) -> None:
    program = _program(fmt)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise RosterError(f"{shown}: tệp không phải là tệp {program} (.{fmt}) hợp lệ (có thể bị hỏng, hoặc chỉ được "
                          f"đổi đuôi tên). Gợi ý: mở tệp bằng {program} rồi lưu lại dạng .{fmt}.") from None
    if unpacked > limits.unpacked_bytes:
        raise RosterError(f"{shown}: nội dung tệp khi giải nén lên tới {megabytes(unpacked)}, quá "
                          f"{megabytes(limits.unpacked_bytes)}. Gợi ý: xóa hình ảnh và trang tính thừa, chỉ giữ "
                          "bảng danh sách.")


def read_grids(path: Path, fmt: str | None = None, shown: str | None = None,
               limits: Limits = LIMITS) -> list[Grid]:
    """The file's grids: one per visible sheet of a workbook, one for any other file."""
    shown = shown or str(path)
    if fmt is not None and fmt not in FORMATS:
        raise RosterError(f"{shown}: định dạng '{fmt}' không được hỗ trợ (chọn {', '.join(FORMATS)}).")
    if not path.exists():
        raise RosterError(f"{shown}: không tìm thấy tệp.")
    if not path.is_file():
        raise RosterError(f"{shown}: không phải là tệp.")
    _refuse_lock_file(path, shown)
    try:
        size = path.stat().st_size
        if size == 0:
            raise RosterError(f"{shown}: tệp rỗng (0 byte). Gợi ý: mở tệp kiểm tra đã lưu danh sách vào đó chưa.")
        if size > limits.file_bytes:
            raise RosterError(f"{shown}: tệp nặng {megabytes(size)}, quá giới hạn {megabytes(limits.file_bytes)} "
                              "của một danh sách. Gợi ý: chỉ giữ bảng danh sách trong tệp.")
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError as exc:
        raise RosterError(f"{shown}: không đọc được tệp ({os_reason(exc)}).") from None
    # Named .xls, a file is refused whatever it holds (openpyxl reads no file by that name): an
    # Excel 2003 file, or a newer workbook or a web page an export program named so.
    if head.startswith(_OLE2) or path.suffix.lower() == ".xls":
        how = _OLD_OFFICE.get(path.suffix.lower())
        if how is None:
            how = ("tệp Office kiểu cũ hoặc có đặt mật khẩu: bỏ mật khẩu và lưu lại dạng .xlsx (Excel) "
                   "hoặc .docx (Word)")
        raise RosterError(f"{shown}: không đọc được định dạng {how}.")
    fmt = fmt or guess_format(path, head)
    if fmt in ("xlsx", "docx"):
        _check_package(path, fmt, shown, limits)
    if fmt == "xlsx":
        return read_xlsx(path, shown, limits)
    if fmt == "docx":
        return [read_docx(path, shown, limits)]
    if fmt == "pdf":
        return [read_pdf(path, shown, limits)]
    text, utf16 = decode(path.read_bytes(), shown)
    return [read_tsv(text, shown, limits, utf16) if fmt == "tsv" else read_csv(text, shown, limits)]
