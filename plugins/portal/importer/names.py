"""A roster's name cell as written: the name, and what else the clerk put in the cell.

A name cell sometimes carries more than a name: signs at its end ("Trần Thị Kim
Chung."), a remark in parentheses or after a dash ("Hà Thị Liên (Nhóm trưởng)", "Phạm
Thị Bẩy - GV"), a second name on another line. They are read apart here, so that none
becomes part of a person's name; rows.py says what each means. A name wrapped onto
two lines ("Nguyễn Thị" | "Hồng Nhung") can be one name when at most one of its lines
could be a whole name, or when each later line starts with a middle name, which no name
starts with ("Tôn Nữ" | "Thị Hoàng Phương Thảo"); never when a line after the first starts
with a family name and goes on ("Lê Hoa" | "Phạm Lan") or when the name would be too long
for one person's. A later line is never taken for a given name because its first word is
in no list of family names: minority family names ("Lò", "Vi", "Cầm", "Giàng") and an Ê Đê
name ("Y Moan Niê") start a whole name too. A last line
that is a role or a position ("Nhóm trưởng", "GV") is a remark, as is an academic title on
a line of its own, before or after the name ("ThS.", "TS", "PGS.TS."): the title, kept
apart from the name and from the remark, so that the name is matched by the rest. A hyphen between two
letters belongs to a minority name ("Y-Moan"), as does an apostrophe ("H'Hen Niê", which
Word types ’), unless what follows the hyphen is a position or a role ("Bẩy-GV").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..roles import abbreviated_roles, role_match
from .grid import clean
from .keys import APOSTROPHES
from .posts import DASHES, is_abbreviated_position

# Signs after a name that say nothing about it: "Trần Thị Kim Chung.", "Lê Văn A;".
_TRAILING = re.compile(r"[\s.,;:]+$")
# A dash with a space on either side starts a remark: "Phạm Thị Bẩy - GV", "Hà Thị Liên -Nhóm trưởng".
_SPACED_DASH = re.compile(rf"\s+[{DASHES}]\s*|\s*[{DASHES}]\s+")
_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)$")
_LAST_HYPHEN = re.compile(rf"[{DASHES}]([^{DASHES}]+)$")
# Middle names that never end a name, with their marks (lower case, NFC): a line ending in
# one ("Nguyễn Thị") goes on. Folded, the given names "Vân", "Định", "Thi" would look like them.
MIDDLE_NAMES = frozenset({"thị", "văn", "hữu", "đình"})
# Common family names that are hardly anyone's given name, with their marks (lower case,
# NFC): a line of these alone ("Nguyễn", "Nguyễn Lê") is no whole name, and a line after the
# first that starts with one and goes on ("Trần Thị Bình") is another person's name.
FAMILY_NAMES = frozenset({"nguyễn", "trần", "lê", "phạm", "huỳnh", "phan", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
                          "trịnh", "đoàn"})
# Academic titles and degrees written with a name ("ThS.", "TS", "PGS.TS."): a remark,
# never part of the name, on a line of its own or before the name ("ThS. Nguyễn Văn Mới").
_TITLE = r"(?:(?:PGS|GS)\.?\s*TS|ThS|Ths|TS|PGS|GS|CN|KS)\.?"
_ACADEMIC_TITLE = re.compile(_TITLE)
_LEADING_TITLE = re.compile(rf"^({_TITLE})(?:\s+|(?<=\.))(?=\w)")
_LAST_TITLE = re.compile(rf"\s+({_TITLE})$")
# A name of this many words is two people's: the longest names have six ("Tôn Nữ Thị Hoàng Phương Thảo").
TOO_MANY_WORDS = 7


@dataclass(frozen=True)
class WrittenName:
    name: str  # what is matched: one line, without the remark and the signs at the end
    remark: str  # the text in the parentheses or after the dash; "" when none
    title: str  # an academic title written with the name ("ThS.", "PGS.TS."); "" when none
    lines: tuple[str, ...]  # the name's lines when a line break splits the name itself; else ()
    one_name: bool  # one name only: at most one line could be whole, or each later one starts with a middle name
    apart: bool  # the lines are surely several names: a later line led by a family name, or too many words


def read_name(text: str) -> WrittenName:
    """The name in a name cell (its lines joined by line breaks), its remark (in
    parentheses, after a dash, or on a last line of its own) and its academic title."""
    name, remark = _remark(_TRAILING.sub("", text.translate(APOSTROPHES)))
    name, title = _title_apart(name)
    if not title and _ACADEMIC_TITLE.fullmatch(remark.strip()):  # "Đỗ Thị Mỹ Duyên (ThS)", "... - ThS."
        title, remark = remark, ""
    lines = _lines(name)
    if not remark and len(lines) > 1 and _is_a_title(lines[-1]):
        name, remark = "\n".join(lines[:-1]), lines[-1]
    elif not remark and len(lines) > 1 and _is_a_title(lines[0]):
        name, remark = "\n".join(lines[1:]), lines[0]
    name = _TRAILING.sub("", name)
    lines = _lines(name)
    if len(lines) < 2:
        return WrittenName(clean(name), clean(remark), clean(title), (), True, False)
    apart = len(_words(name)) >= TOO_MANY_WORDS or any(map(_another_name, lines[1:]))
    one_name = sum(map(_whole_name, lines)) <= 1 or all(_words(line)[0] in MIDDLE_NAMES for line in lines[1:])
    return WrittenName(clean(name), clean(remark), clean(title), lines, one_name, apart)


def _title_apart(text: str) -> tuple[str, str]:
    """(the text without its academic title, the title): on a first or last line of its
    own ("ThS." | "Nguyễn Văn Mới"), before or after the name ("ThS. Đỗ Thị Mỹ Duyên")."""
    lines = _lines(text)
    if len(lines) > 1 and _ACADEMIC_TITLE.fullmatch(lines[-1]):
        return "\n".join(lines[:-1]), lines[-1]
    if len(lines) > 1 and _ACADEMIC_TITLE.fullmatch(lines[0]):
        return "\n".join(lines[1:]), lines[0]
    stripped = text.strip()
    title = _LEADING_TITLE.match(stripped) or _LAST_TITLE.search(stripped)
    if title is None:
        return text, ""
    return stripped[:title.start()] + stripped[title.end():], title.group(1)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in map(clean, text.splitlines()) if line)


def _words(text: str) -> list[str]:
    """The words of a name as MIDDLE_NAMES and FAMILY_NAMES spell them: marks kept, lower case."""
    return clean(text).lower().split()


def _whole_name(line: str) -> bool:
    """Whether a line of a name cell could be a whole name: "Chu Thị Hồng Nhãn", "Ksor
    Nay", "Lê Trinh", "Lò Văn Pó", "H'Hen Niê", a family name and a word that is as often
    a family name as a given one ("Trần Mai", "Nguyễn Hoàng": one name wrapped or two
    people, only the clerk knows); not one word, a name ending in a middle name, nor
    common family names alone ("Nguyễn Lê")."""
    words = _words(line)
    return (len(words) > 1 and words[-1] not in MIDDLE_NAMES
            and not (words[0] in FAMILY_NAMES and FAMILY_NAMES.issuperset(words[1:])))


def _another_name(line: str) -> bool:
    """Whether a line after the first starts another person's name: a family name and
    more ("Trần Thị Bình", "Phạm Lan"); not "Văn An", "Mỹ Duyên", "Ê Ban"."""
    words = _words(line)
    return len(words) > 1 and words[0] in FAMILY_NAMES


def _remark(text: str) -> tuple[str, str]:
    dash = _SPACED_DASH.search(text)
    if dash is not None:
        return text[:dash.start()], text[dash.end():]
    parenthesis = _PARENTHESIS.search(text)
    if parenthesis is not None:
        return text[:parenthesis.start()], parenthesis.group(1)
    hyphen = _LAST_HYPHEN.search(text)
    if hyphen is not None and _is_a_title(hyphen.group(1)):
        return text[:hyphen.start()], hyphen.group(1)
    return text, ""


def _is_a_title(text: str) -> bool:
    """Whether a text written with a name is a remark: an abbreviated position ("GV"), a
    role ("Nhóm trưởng", "NT") or an academic title ("ThS.")."""
    role, loose = role_match(text)
    return (is_abbreviated_position(text) or (role is not None and not loose) or bool(abbreviated_roles(text))
            or bool(_ACADEMIC_TITLE.fullmatch(text.strip())))
