"""The "Chức vụ - Đơn vị công tác" cell: a position and a school in one text."""

from __future__ import annotations

import re

from .grid import clean

DASHES = "-–—‐‑−"  # the dashes lists are typed with
_DASH = re.compile(rf"\s*[{DASHES}]\s*")
# A school's level where it starts the school's name; "Trường" and a stray "T" before it too.
_LEVEL = re.compile(
    rf"(?<!\w)(?:(?:Trường|T)\s+)?(?:TH\s*[{DASHES}&]\s*THCS|THCS\s*[{DASHES}&]\s*THPT|TH\s+và\s+THCS|"
    r"PTDTBT|PTDTNT|THCS|THPT|TH|MN|MG|GDTX|Trường|Tiểu học|Trung học|Mầm non|Mẫu giáo)(?!\w)",
    re.IGNORECASE)
_COMPOUND = re.compile(rf"(?<!\w)(?:TH|THCS|MN|MG)\s*[{DASHES}]\s*(?:THCS|THPT|TH)(?!\w)", re.IGNORECASE)
_ABBREVIATIONS = {"PHT": "Phó Hiệu trưởng", "HT": "Hiệu trưởng", "GV": "Giáo viên", "TTCM": "Tổ trưởng chuyên môn"}
_POSITION_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^P\s*\.\s*", re.IGNORECASE), "Phó "),
    *((re.compile(rf"^{short}(?!\w)"), position) for short, position in _ABBREVIATIONS.items()),
]


def normalize_position(text: str) -> str:
    """'P. Hiệu trưởng', 'P.Hiệu trưởng' -> 'Phó Hiệu trưởng'; 'GV' -> 'Giáo viên'."""
    text = clean(text).strip(" ,;:")
    for pattern, replacement in _POSITION_FORMS:
        text = pattern.sub(replacement, text)
    return clean(text)


def is_abbreviated_position(text: str) -> bool:
    """'GV', 'HT', 'PHT', 'TTCM': a position as lists shorten it."""
    return text.upper() in _ABBREVIATIONS


def split_post(text: str) -> tuple[str, str]:
    """'Hiệu trưởng - THCS Him Lam' -> ('Hiệu trưởng', 'THCS Him Lam'); without a dash, at
    the school's level: 'Hiệu trưởng TH&THCS Thanh Trường' -> ('Hiệu trưởng', 'TH&THCS ...').
    The dash inside 'TH-THCS' does not count. Position as written (see normalize_position)."""
    dash = _dash(text)
    level = _LEVEL.search(text)
    if level and level.start() > 0 and (dash is None or level.start() < dash.start()):
        return text[:level.start()].strip(), text[level.start():].strip()
    if dash is not None:
        return text[:dash.start()].strip(), text[dash.end():].strip()
    if level and level.start() == 0:
        return "", text
    return text.strip(), ""


# The words that, ending the text before a school in a Chức vụ cell, make it a school the
# person is sent from or to, or looks after, not the unit: "Giáo viên biệt phái từ THCS X",
# "Giáo viên dạy tăng cường tại THCS X", "Chuyên viên phụ trách THCS X".
_RELATION_WORDS = ("từ", "tại", "ở", "phụ trách", "kiêm", "kiêm nhiệm", "biệt phái", "tăng cường", "hỗ trợ")
_RELATION = re.compile(rf"(?<!\w)(?:{'|'.join(_RELATION_WORDS)})$", re.IGNORECASE)
_FORMER = re.compile(r"^nguyên(?!\w)", re.IGNORECASE)  # "Nguyên Hiệu trưởng THCS X": a post left


def _dash(text: str, start: int = 0) -> re.Match[str] | None:
    """The first dash from start that is not inside a level such as 'TH-THCS'."""
    compounds = [m.span() for m in _COMPOUND.finditer(text)]
    return next((m for m in _DASH.finditer(text, start) if not any(a <= m.start() < b for a, b in compounds)), None)


def split_post_mentioning(text: str) -> tuple[str, str, str]:
    """split_post, where a school only mentioned (school_only_mentioned) stays in the position:
    (position, unit, the school only mentioned). 'Giáo viên biệt phái từ THCS X - THCS Y' ->
    ('Giáo viên biệt phái từ THCS X', 'THCS Y', 'THCS X'); without the dash, no unit."""
    written, unit = split_post(text)
    if not written or not unit or not school_only_mentioned(written):
        return written, unit, ""
    school_start = len(text.rstrip()) - len(unit)
    dash = _dash(text, school_start)
    if dash is None:
        return text.strip(), "", unit
    return text[:dash.start()].strip(), text[dash.end():].strip(), text[school_start:dash.start()].strip()


def school_only_mentioned(position: str) -> bool:
    """Whether a school after this position (split_post's first part) is not the person's unit:
    the position ends with a word of relation, or is a former post ("Nguyên ...")."""
    text = clean(position)
    return bool(_RELATION.search(text) or _FORMER.match(text))


def is_office_staff(folded_post: str) -> bool:
    """'Trưởng Phòng Giáo dục - Đào tạo': the office's own staff; the dash is in its name."""
    return folded_post.startswith(("truong phong", "pho truong phong"))
