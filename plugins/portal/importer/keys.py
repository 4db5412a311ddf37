"""Keys for matching text to the data: without marks, case, spelling variants.

Every key is a plain string, so that matching is a dictionary lookup; fuzzy matching
(see `matcher.py`) only ranks the few candidates these keys leave.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .. import number_words
from ..text import fold as _fold

# A school's level written out, and its code.
_LEVEL_NAMES = {"trung học cơ sở": "thcs", "trung học phổ thông": "thpt", "tiểu học": "th", "mầm non": "mn",
                "mẫu giáo": "mg"}
_LEVEL_WORDS = [
    (r"tieu hoc va trung hoc co so", "th-thcs"),
    (r"trung hoc co so va trung hoc pho thong", "thcs-thpt"),
    (r"th va thcs", "th-thcs"),
    (r"thcs va thpt", "thcs-thpt"),
    *((_fold(name), code) for name, code in _LEVEL_NAMES.items()),
]
LEVEL_CODES = frozenset({"th", "thcs", "thpt", "th-thcs", "thcs-thpt", "mn", "mg", "gdtx", "ptdtbt", "ptdtnt"})
# A school's level as a heading writes it after a body's number, in any case, with or without marks: a
# code ("THCS", "TH&THCS"), its name ("Tiểu học", "TRUNG HOC CO SO"), either after "cấp" ("cấp THCS"), or
# "cấp" and its number ("cấp II", "CAP 2"); not "cấp" alone ("cấp trường").
_LEVEL = (r"(?i:(?:(?:cấp|cap)\s+)?(?:" + "|".join(
    sorted({*LEVEL_CODES, *_LEVEL_NAMES, *map(_fold, _LEVEL_NAMES)}, key=len, reverse=True)
).replace(" ", r"\s+") + r")|(?:cấp|cap)\s+(?:i{1,3}|[1-3]))(?!\w)")

# A word that numbers a body, before a number in words (portal.number_words): "Cụm Một", "CỤM
# HAI", "Cụm chuyên môn số Hai"; "Nam Thanh" stays a name.
_NUMBERED_WORDS = ("cụm", "nhóm", "tổ", "số", "khối", "ban", "trường", "môn")
_NUMBERED = re.compile(r"(?<!\w)(?:" + "|".join(_NUMBERED_WORDS) + r")\s+", re.IGNORECASE)
# The same, typed without marks ("NHOM MOT", "CUM HAI THCS").
_NUMBERED_UNMARKED = re.compile(r"(?<!\w)(?:" + "|".join(_fold(w) for w in _NUMBERED_WORDS) + r")\s+",
                                re.IGNORECASE)
# The words of a number in words, folded: "muoi" is "mười" and "mươi".
_NUMBER_WORDS = frozenset(_fold(word) for word in number_words.WORDS)
# A Roman numeral from I to XCIX (1 to 99, as far as numbers in words are read: number_words),
# written the one right way ("IV", not "IIII"; "XCIX", not "IC"). C, D, M alone are letters more
# often than numbers ("Nhóm C"), and no body is numbered a hundred in Roman numerals.
_ROMAN_NUMERAL = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Numerals that are Vietnamese words ("vi", "xi", "lí"/"lý" folded): no number in a school's name
# ("THCS Ba Vì") in lower case; in capitals, "LI" is the subject Lí ("NHÓM LI", "TỔ LI"), never 51,
# where "VI", "XI" number a body as they always did ("TỔ VI" is team no. 6).
_ROMAN_SYLLABLES = frozenset({"vi", "xi", "li"})
_SYLLABLES_IN_CAPITALS = frozenset({"LI"})
# A word in capitals that a clerk types as a Roman numeral, read or not ("IIII", "IC", "XXI"): two
# letters or more of I, V, X; or of I, V, X, L, C with an I or an X, and no L or C right after a V.
# So "CC" (the tổ cốt cán), "CV" (chuyên viên), "VL" (Vật lí) are abbreviations, not numerals.
_ROMAN_LIKE = re.compile(r"[IVX]{2,}|(?=.*[IX])(?!.*V[LC])[IVXLC]{2,}")
# A letter after a body's number is part of the number: "NHÓM 2 A", "Nhóm 2-A", "NHÓM 2 — A", "NHÓM 2/A",
# "Nhóm 2 - Đ" are group 2A or 2Đ (a name, headings._NAMED_NUMBER), as "NHÓM 2A" is; a letter of the
# alphabet only (Latin or Đ). So where it ends the heading's words (before its words between brackets), where
# a colon follows it ("NHÓM 2 - A: 05 người"), or a school's level, after a space or a dash ("NHÓM 2 A THCS",
# "Nhóm 2 - A tiểu học", "NHÓM 2 - A - THPT": _LEVEL). Not before other words, a semicolon, a comma or a
# dash: "Cụm 2 - A Lưới" is cluster 2 of A Lưới, "CỤM 2 - H. Củ Chi" of huyện Củ Chi, "Cụm 2 - A; Hồng Hạ",
# "CỤM 2 - X - TÂN LẬP", "CỤM 2 - A, gồm 5 trường" cluster 2 (_LETTER_THEN_MORE; placement says so).
_NUMBER_AND_LETTER = r"(?<!\w)(\d{1,3})\s*[-\u2013\u2014/.]?\s*([A-Za-z\u0110\u0111])"
LETTERED_NUMBER = re.compile(_NUMBER_AND_LETTER
                             + r"(?=[^\w(]*(?:\(|$)|\s*:|(?:\s+|\s*[-\u2013\u2014]\s*)" + _LEVEL + ")")
# A letter after a body's number with more words after it, its part of the number or not: "NHÓM 2 - A: 05
# người", "NHÓM 2 A THCS", "Cụm 2 - A Lưới".
_LETTER_THEN_MORE = re.compile(_NUMBER_AND_LETTER + r"(?!\w)(?=[^\w(]*\w)")
# The same letter with its full stop ("X.", "P.", "H.": an abbreviation), or with the word after it, a space
# or a hyphen between ("A Lưới", "Y TÝ", "A-Lưới": letter_starts_words).
_LETTER_STARTING = re.compile(_NUMBER_AND_LETTER + r"(?:(\.)|(?:\s+|-)(\w+))")
# "lí"/"lý", "mĩ"/"mỹ", "kĩ"/"kỹ": a final y after a consonant is an i ("quy", "tuy" keep theirs).
_FINAL_Y = re.compile(r"(?<![a-z])([bcdghklmnprstvx]+)y(?![a-z])")


# The apostrophe of a minority name ("H'Hen Niê") as Word and phones type it: ’ ʼ ‘.
APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
# A name after folding: Latin letters, spaces, the apostrophe and hyphen of minority names.
_NAME = re.compile(r"[a-z][a-z '-]*")
# Signs that are no part of a name: a remark or an abbreviation glued on ("Nguyễn T. Hương").
_SIGNS = re.compile("[" + re.escape("".join(sorted(set(string.punctuation) - {"'", "-"}))) + "]")


# What to do about a name cell that holds more than a name, or no name.
_REMARKS_APART = "chỉ ghi họ và tên trong ô này; số điện thoại hay ghi chú khác ghi ở cột 'Ghi chú'."
ROLE_APART = ("chỉ ghi họ và tên trong ô này; chức vụ ghi ở cột 'Chức vụ - Đơn vị công tác', vai trò và ghi chú "
               "khác ghi ở cột 'Ghi chú'.")
_UNREADABLE = "kiểm tra ô này trong tệp gốc: có thể bị lỗi phông chữ hoặc gõ nhầm."


@dataclass(frozen=True)
class NameProblem:
    """Why a text cannot be a person's name, and what to do about it."""

    message: str
    hint: str


def name_problem(name: str) -> NameProblem | None:
    """Why a text cannot be a person's name (None when it can): it must be written in
    the Vietnamese alphabet, with at least two letters ('王小明', '???' cannot)."""
    folded = fold(name).translate(APOSTROPHES)
    letters = sum(c.isalpha() for c in folded)
    if letters >= 2 and any(c.isdigit() for c in folded):
        return _digits(name)
    signs = sorted(set(_SIGNS.findall(folded)))
    if letters >= 2 and signs and _NAME.fullmatch(_SIGNS.sub("", folded)):
        shown = ", ".join(f"'{sign}'" for sign in signs)
        return NameProblem(f"họ và tên '{name}' có dấu {shown}", _REMARKS_APART)
    if not _NAME.fullmatch(folded) or letters < 2:
        return NameProblem(f"họ và tên '{name}' không đọc được thành chữ tiếng Việt", _UNREADABLE)
    return None


def remark_problem(name: str, remark: str) -> NameProblem:
    """A remark written in a name cell, in parentheses or after a dash, that is no role."""
    if any(c.isdigit() for c in remark):
        return _digits(name)
    return NameProblem(f"họ và tên '{name}' có ghi thêm '{remark}'", ROLE_APART)


def _digits(name: str) -> NameProblem:
    return NameProblem(f"họ và tên '{name}' có chữ số", _REMARKS_APART)  # a phone number or a note glued on


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """portal.text.fold, remembered: a list repeats its schools, positions and roles."""
    return _fold(text)


def compact(text: str) -> str:
    """Letters and digits only: 'Chức vụ -Đơn vị công tác' -> 'chucvudonvicongtac'."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def spelling(text: str) -> str:
    """Folded, with i/y variants made one: 'Vật lý' and 'Vật lí' -> 'vat li'."""
    return _FINAL_Y.sub(r"\1i", fold(text))


def name_key(name: str) -> str:
    """A person's name for the first, exact lookup: marks kept, case and spaces not."""
    return " ".join(name.lower().split())


def school_key(text: str) -> str:
    """A school's name reduced for matching: no marks, no case, levels as codes, no
    'Trường', stray 'T' or 'xã': 'Trường TH&THCS xã Nà Tàu' -> 'th-thcs na tau'."""
    key = fold(text).replace("&", "-")
    key = re.sub(r"\s*-\s*", "-", key)
    for words, code in _LEVEL_WORDS:
        key = re.sub(rf"(?<!\w){words}(?!\w)", code, key)
    parts = key.split(" ")
    while len(parts) > 1 and parts[0] in ("truong", "t", "tr", "tr."):
        parts.pop(0)
    parts = [p for p in parts if p != "xa"] or parts
    return " ".join(parts)


def without_level(key: str) -> str:
    parts = key.split(" ")
    return " ".join(parts[1:]) if len(parts) > 1 and parts[0] in LEVEL_CODES else key


def word_prefixes(key: str) -> list[str]:
    """'thcs nam thanh tang cuong' -> the key cut after each word, longest first."""
    words = key.split(" ")
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


def _is_number_word(word: str, after_so: bool) -> bool:
    """'2', 'hai', 'muoi', 'ii' (folded): a word that may number a school or a body."""
    return word.isdigit() or word in _NUMBER_WORDS or _school_numeral(word, after_so) is not None


def _school_numeral(word: str, after_so: bool) -> int | None:
    """The number a Roman numeral ends a school's name with (folded): "ii" of "thcs thi tran ii"; after
    "số" any numeral, a Vietnamese word too ("TH Thị Trấn số VI" is no. 6), elsewhere none of those
    ("THCS Ba Vì")."""
    return roman_numeral(word.upper(), capitals=True) if after_so else roman_numeral(word, capitals=False)


def starts_with_a_number(words: list[str]) -> bool:
    """Whether words start with a number: '2', 'hai', 'ii', 'so 2' ('số 02'), 'so vi'."""
    after_so = words[:1] == ["so"]
    if after_so:
        words = words[1:]
    return bool(words) and _is_number_word(words[0], after_so)


def number_value(words: list[str]) -> int | None:
    """The number words (folded) start with, read strictly: '2', 'so 02', 'ii', 'so vi', a number in
    words that ends the name or goes on as a name does ('hai', 'hai huyen ...':
    portal.number_words); None for words that only start like one ('nam can', 'ba vi')."""
    after_so = words[:1] == ["so"]
    if after_so:
        words = words[1:]
    if not words:
        return None
    if words[0].isdigit():
        return int(words[0])
    if (roman := _school_numeral(words[0], after_so)) is not None:
        return roman
    found = number_words.read(" ".join(words), 0, marks=False)
    return found.value if found is not None else None


# The word that ends a school's name after its beginning (the key after it): alone (" xi"), or before a
# place or a remark (" xi, huyen cu chi", " xi-huyen cu chi", " xi (tp.hcm)"); not before a dot ("x." is xã).
_ENDING_WORD = re.compile(r" ([a-z]+)(?=$|[,;(-]| \()")


def numeral_ending(rest: str) -> tuple[str, int] | None:
    """A Roman numeral that the reading without "số" leaves out of a school's name (_school_numeral: a
    syllable, "vi", "xi", or a letter, "i", "v", "x"), alone at the end of the name after its beginning
    (`rest`, the key after it: " xi", " xi, huyen cu chi"): the word and its number ("xi", 11). None for
    any other ending ("ix" is read as a number, "vi xuyen" goes on, "li" is the subject Lí)."""
    found = _ENDING_WORD.match(rest)
    if found is None or _school_numeral(found[1], after_so=False) is not None:
        return None
    number = _school_numeral(found[1], after_so=True)
    return (found[1], number) if number is not None else None


def typed_word(text: str, word: str) -> str:
    """The last word of a text that folds to `word`, as typed ("XI" of "THCS Tân Tiến XI" for "xi")."""
    typed = [w for w in re.findall(r"\w+", unicodedata.normalize("NFC", text)) if fold(w) == word]
    return typed[-1] if typed else word


def typed_as_a_numeral(text: str, word: str) -> bool:
    """Whether a word (folded) of two letters or more is typed in capitals in a text that is not all in
    capitals ("XI" in "THCS Tân Tiến XI"): a numeral, as in a heading ("TỔ VI"), where "Xi" is a syllable;
    in a text all in capitals ("THCS TÂN TIẾN XI") or of one letter ("I") the case tells nothing."""
    typed = typed_word(text, word)
    return len(word) >= 2 and typed.isupper() and not text.isupper()


def roman_numeral(word: str, *, capitals: bool) -> int | None:
    """The number a word written as a Roman numeral from I to XCIX stands for ("XXI" -> 21);
    None for any other word ("IIII", "IC", "C"). With `capitals`, only as typed in capitals, as
    a heading or a body's name numbers a body ("CỤM IV"; "Vi" is a name, "iv" no number), and of
    one letter only I, V, X ("CỤM L", "NHÓM C" are letters) and never "LI" (the subject Lí); else
    in any case, as a school's name ends after folding ("thcs thi tran ii"), but never a word of
    one letter or a Vietnamese word ("i", "v", "x", "vi", "xi", "li")."""
    if not capitals:
        if len(word) < 2 or word.lower() in _ROMAN_SYLLABLES:
            return None
        word = word.upper()
    elif (len(word) == 1 and word not in "IVX") or word in _SYLLABLES_IN_CAPITALS:
        return None
    if not word or not _ROMAN_NUMERAL.fullmatch(word):
        return None
    values = [_ROMAN_VALUES[letter] for letter in word]
    # A letter before a greater one is taken away from it: "IV" is 5 - 1, "XC" 100 - 10.
    return sum(-value if value < after else value for value, after in zip(values, [*values[1:], 0], strict=True))


def roman_like(word: str) -> bool:
    """Whether a word in capitals is typed as a Roman numeral, right or not ("IIII", "IC", "XXI";
    not "CV", "VL", "CC", abbreviations, nor "LI", the subject: _ROMAN_LIKE)."""
    return word not in _SYLLABLES_IN_CAPITALS and bool(_ROMAN_LIKE.fullmatch(word))


def letter_apart(text: str) -> tuple[int, str] | None:
    """The number and the letter of a body's name or a heading whose letter is typed apart from its
    number ("CỤM 3 - A" -> (3, "A"), LETTERED_NUMBER); None when there is none or they are typed
    together ("Cụm 3A")."""
    found = LETTERED_NUMBER.search(unicodedata.normalize("NFC", text))
    return (int(found[1]), found[2]) if found and found.end(1) < found.start(2) else None


def letter_then_more(text: str) -> str | None:
    """A heading's words up to a letter after its number, when more words follow ("NHÓM 2 - A: 05
    người" -> "NHÓM 2 - A", "NHÓM 2A - 05 người" -> "NHÓM 2A"); None when there is no such letter."""
    text = unicodedata.normalize("NFC", text)
    found = _LETTER_THEN_MORE.search(text)
    return text[:found.end()] if found else None


def letter_starts_words(text: str, place: Callable[[str], bool]) -> bool:
    """Whether a letter after a body's number that more words follow (letter_then_more) reads as the
    start of those words, with no doubt that it is no part of the number: an abbreviation, by its full stop
    ("CỤM 1 - X. TÂN LẬP": xã; "Cụm 2 - P. Tân Định": phường), or the first word of a place's name that
    `place` knows, given the letter and the word after it folded ("a luoi" of "Cụm 2 - A Lưới", "y ty" of
    "CỤM 2 - Y TÝ"). Not "CỤM 2 - A, gồm 5 trường", "NHÓM 2 A TOÁN": the letter may be the number's."""
    found = _LETTER_STARTING.search(unicodedata.normalize("NFC", text))
    return found is not None and (found[3] is not None or place(fold(f"{found[2]} {found[4]}")))


def _in_digits(text: str) -> str:
    """The numbers in words of `text` after a word that numbers a body, in digits: "Cụm Hai Mươi
    Tư" -> "Cụm 24", "CUM HAI THCS" -> "CUM 2 THCS"; "Nhóm Tư vấn", "Cụm Năm Căn" kept
    (number_words.read)."""
    text = unicodedata.normalize("NFC", text)
    # A text typed without any mark is read so ("CUM HAI" is 2); one with marks needs them on
    # its number ("các tổ sau" is no 6, "cụm từ" no 4). Marks are its letters': Word's dash
    # "–", a no-break space or curly quotes are none ("CUM BON – THCS" is 4).
    marks = any(not c.isascii() for c in text if c.isalpha())
    out, done = [], 0
    for match in (_NUMBERED if marks else _NUMBERED_UNMARKED).finditer(text):
        number = number_words.read(text, match.end(), marks=marks)
        if number is not None:
            out += [text[done:match.end()], str(number.value)]
            done = number.end
    return "".join(out) + text[done:]


def body_key(text: str) -> str:
    """A body's name or a heading for matching: folded, i/y made one, number words as
    digits without leading zeros, punctuation as spaces: 'CỤM 01', 'Cụm Một', 'cụm 1'
    -> 'cum 1'; a letter after the number joined to it: 'NHÓM 2 A', 'Nhóm 2-A' -> 'nhom 2a'."""
    key = " ".join(re.sub(r"[^a-z0-9]+", " ", spelling(LETTERED_NUMBER.sub(r"\1\2", _in_digits(text)))).split())
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", key)


def typed_name_key(text: str) -> str:
    """A body's name as typed, to tell apart names whose numbers read alike (body_key):
    folded, i/y made one, punctuation as spaces, numbers as written: 'Cụm Một' -> 'cum mot',
    'CỤM 01' -> 'cum 01'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", spelling(text)).split())


def subject_key(text: str) -> str:
    return re.sub(r"\s*-\s*", "-", spelling(text))
