"""Naming a character for the clerk: what kind it is, its code, and where it stands."""

from __future__ import annotations

import unicodedata

# Characters that change the direction of the text around them (a page title shown backwards).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def kind(char: str) -> str:
    """What is wrong with a character a text may not hold, in the clerk's words."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF or char in "\ufffe\uffff":
        return "ký tự không hợp lệ (trang web, tin RSS và lịch không chứa được)"
    if unicodedata.category(char) == "Cc":
        return "ký tự điều khiển không in được"
    if char in _BIDI_CONTROLS:
        return "ký tự đảo chiều viết (làm tiêu đề trang hiện ngược)"
    return "ký tự ẩn, không nhìn thấy"


def code(char: str) -> str:
    """U+200B (ZERO WIDTH SPACE)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def position(text: str, index: int) -> str:
    """Where `text[index]` stands: the 5th character, or line 2, character 3 of a longer text."""
    if "\n" not in text:
        return f"ở ký tự thứ {index + 1}"
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"ở dòng thứ {line}, ký tự thứ {column} của đoạn chữ"
