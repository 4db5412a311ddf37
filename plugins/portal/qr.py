"""The QR code printed on a list's sheet, linking to its page online, drawn at build time.

segno (pure Python) encodes the address; the symbol is inline SVG, so the printed sheet
needs no image file and no network. The same address gives the same bytes.
"""

from __future__ import annotations

import segno
from markupsafe import Markup, escape

# What a screen reader says of the (print-only) symbol.
QR_LABEL = "Mã QR dẫn tới danh sách trên cổng thông tin"


def qr_svg(address: str) -> Markup:
    """The QR code of `address` (error correction M: a crease or a pen mark on a notice
    board's copy still reads) as inline SVG with a text label; empty for no address."""
    if not address:
        return Markup("")
    code = segno.make_qr(address, error="m")
    svg = code.svg_inline(scale=3, border=4, svgclass="portal-qr", omitsize=False)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(QR_LABEL)}" ', 1))
