"""Write the sample office's "signed original": a small, made-up PDF, always the same bytes.

    python3 scripts/make_sample_original.py   # writes data/files/mau/sgd-mau-2025-qd-to-cot-can.pdf

DỮ LIỆU MẪU, KHÔNG CÓ THẬT: no scan of any real document. A hand-written PDF 1.4 of two A4
pages: the decision's first page, then the list, with a drawn signature and a red seal, so
that the demo site shows an original beside its transcription ("Bản gốc đã ký (PDF, …)")
and the list's rows can cite "tr. 2". Built from plain PDF operators with the standard
Helvetica font, whose encoding has no Vietnamese letters: the text is written without
marks. No date, no random id: the output depends on this script only, so its SHA-256 in
data/years/2025-2026/so-gddt-mau.yml stays right (the checker compares them on every build).
The page text holds a word found nowhere else ("BANGOCCHIMAU"): the tests check that the
search index, which reads the site's HTML only, never holds it.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent  # the repository: scripts/ is in it
TARGET = REPO / "data" / "files" / "mau" / "sgd-mau-2025-qd-to-cot-can.pdf"
# Only in this PDF: tests/test_originals.py looks for it in the search index.
PDF_ONLY_WORD = "BANGOCCHIMAU"

PAGE_ONE = [
    (14, "SO GIAO DUC VA DAO TAO TINH MAU (DU LIEU MAU)"),
    (11, "So: 315/QD-SGDDT                         Tinh Mau, ngay 12 thang 9 nam 2025"),
    (14, "QUYET DINH"),
    (11, "Ve viec kien toan To cot can giao vien THCS nam hoc 2025-2026 (du lieu mau)"),
    (11, "DU LIEU MAU, KHONG CO THAT: van ban hu cau, chi de minh hoa."),
    (11, "Dieu 1. Kien toan To cot can giao vien THCS, tiep tuc cac nhom bo mon, cum"),
    (11, "chuyen mon va nhom lien truong do Phong GDDT huyen Mau (du lieu mau) lap,"),
    (11, "gom cac ong, ba co ten trong danh sach kem theo (trang 2)."),
    (11, "Dieu 2. Quyet dinh co hieu luc ke tu ngay ky."),
    (11, f"Ban goc mau {PDF_ONLY_WORD}."),
]
PAGE_TWO = [
    (14, "DANH SACH (DU LIEU MAU)"),
    (11, "Kem theo Quyet dinh so 315/QD-SGDDT ngay 12/9/2025"),
    (11, "1. Pham Thi Lan - Nhom truong Nhom Toan"),
    (11, "2. Do Thi My Duyen - Uy vien Nhom Toan"),
    (11, "3. Chau Van Loi - Uy vien Nhom Toan"),
    (11, "4. Huynh Ngoc Anh - Uy vien Nhom Toan"),
    (11, "5. Nguyen Van Phuc - Nhom truong Nhom Ngu van"),
    (11, "... (cac nhom khac nhu ban phien am tren cong thong tin)"),
    (11, "KT. GIAM DOC - PHO GIAM DOC (ky, dong dau) - Vo Thi Thanh Xuan (du lieu mau)"),
]


def _text_ops(lines: list[tuple[int, str]]) -> str:
    ops = ["BT"]
    y = 790
    for size, text in lines:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"/F1 {size} Tf 1 0 0 1 56 {y} Tm ({escaped}) Tj")
        y -= 28 if size > 11 else 22
    ops.append("ET")
    return "\n".join(ops)


# A drawn signature (two curves) and a red seal (a circle of four Bézier arcs) on page two.
_SIGNATURE = "0 0 0.6 RG 1.2 w 330 520 m 350 560 370 480 395 530 c 410 560 425 500 450 525 c S"
_SEAL = ("0.85 0.1 0.1 RG 2 w 340 540 m 340 567.6 317.6 590 290 590 c 262.4 590 240 567.6 240 540 c "
         "240 512.4 262.4 490 290 490 c 317.6 490 340 512.4 340 540 c S")


def pdf_bytes() -> bytes:
    """The whole file: objects in order, a cross-reference table with their offsets, the trailer."""
    contents = [_text_ops(PAGE_ONE), _text_ops(PAGE_TWO) + "\n" + _SIGNATURE + "\n" + _SEAL]
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, content in enumerate(contents):
        stream_number = 5 + 2 * i
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {stream_number} 0 R >>")
        data = content.encode("ascii")
        objects.append(f"<< /Length {len(data)} >>\nstream\n{content}\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def main() -> int:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(pdf_bytes())
    print(f"wrote {TARGET.relative_to(REPO)} ({TARGET.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
