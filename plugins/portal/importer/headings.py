"""What a heading row inside a list names: "CỤM 01", "NHÓM TOÁN", "I. CÁN BỘ QUẢN LÝ".

`read_heading` gives the kinds of body the words point to, a number ("Cụm Một", "CỤM I" -> 1,
"CỤM XXI" 21; none in "Nhóm 2A" or "NHÓM 2 A", a name; "CỤM IIII" is said unread), a subject
when the heading is one ("Nhóm Toán", "Môn Ngữ văn", "TOÁN"), and the key to match a body's
name with (see keys.body_key), with and without its words between brackets ("NHÓM TOÁN (09
người)", "(dữ liệu mẫu)", "(tiếp theo)"), which are not read for the kind, the subject or the
number. Whether a body of the office has that name is decided later (placement.py), against the
year's data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .keys import body_key, roman_like, roman_numeral

# Numbering before a heading: "I.", "II -", "1.", "A)", "Phần II:".
_NUMBERING = re.compile(r"^(?:phan\s+)?(?:[ivxlc]+|\d{1,2}|[a-z])\s*[.):\-]\s+", re.IGNORECASE)
# A body's number; not one with a letter after it, part of a name ("Nhóm 2A", "Cụm 1B", and "NHÓM 2 A",
# "Nhóm 2-A", which body_key joins: keys.LETTERED_NUMBER; _NAMED_NUMBER).
_NUMBER = re.compile(r"(?<![a-z0-9])(\d{1,3})(?![0-9a-z])")
_NAMED_NUMBER = re.compile(r"^\d{1,3}[a-z]")
# Words between brackets beside a heading: a count "(09 người)", "(dữ liệu mẫu)", "(tiếp
# theo)", "(Kèm theo Quyết định số …)". Not read for the kind, the subject or the number.
_ASIDE = re.compile(r"\([^()]*\)")
# The first words of a heading and the kinds of body they name, longest first.
_KIND_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("nhom lien truong", ("nhom-lien-truong",)),
    ("lien truong", ("nhom-lien-truong",)),
    ("cum chuyen mon", ("cum-chuyen-mon",)),
    ("cum truong", ("cum-chuyen-mon",)),
    ("cum", ("cum-chuyen-mon",)),
    ("nhom bo mon", ("nhom-bo-mon",)),
    ("nhom mon", ("nhom-bo-mon",)),  # "Nhóm môn Ngữ văn"
    ("nhom", ("nhom-bo-mon", "nhom-lien-truong")),
    ("bo mon", ("nhom-bo-mon",)),
    ("mon", ("nhom-bo-mon",)),
    ("to mang luoi", ("to-mang-luoi",)),
    ("mang luoi", ("to-mang-luoi",)),
    ("to cot can", ("to-cot-can",)),
    ("to giao vien", ("to-cot-can",)),
    ("to can bo", ("to-cot-can",)),
    ("to", ("to-cot-can", "to-mang-luoi")),
    ("hoi dong", ("hoi-dong",)),
    ("can bo quan li", ("to-cot-can",)),
    ("giao vien", ("to-cot-can",)),
]


# A body's kind as a heading names the body the list is of, with no name or subject: "tổ",
# "tổ cốt cán", "hội đồng bộ môn" (body_key of the words).
_OWN_BODY = r"(?: (?:to|nhom|hoi dong|cum|mang luoi)(?: cot can| bo mon)?)?"
# Headings over a part of the body the list is of, listed before or instead of its groups, and
# what they head: its leaders ("I. LÃNH ĐẠO TỔ", "BAN LÃNH ĐẠO", "LÃNH ĐẠO TỔ CỐT CÁN", "TỔ
# TRƯỞNG, TỔ PHÓ"), its members ("II. THÀNH VIÊN", "CÁC THÀNH VIÊN", "THÀNH VIÊN TỔ"). Only
# words that can mean nothing but the body's own ("THÀNH VIÊN NHÓM TOÁN" names a group).
_PARTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:ban )?lanh dao" + _OWN_BODY
                + r"|(?:to|nhom|cum) truong(?: (?:va )?(?:cac )?(?:to|nhom|cum) pho)?"
                r"|chu tich(?: (?:va )?(?:cac )?pho chu tich)?(?: hoi dong)?"), "phần lãnh đạo"),
    (re.compile(r"(?:cac )?thanh vien" + _OWN_BODY), "phần thành viên"),
)


# Words so short that a name can start with them ("Tô", "Tổ"; "Nhóm" alone): they head a
# body only when a number or a subject follows.
_SHORT_WORDS = frozenset({"to", "nhom"})


@dataclass(frozen=True)
class HeadingLabel:
    text: str  # as printed, numbering dropped: "CÁN BỘ QUẢN LÝ"
    key: str  # body_key of the text
    words: str  # body_key of the text without its words between brackets: "NHÓM TOÁN (09 người)" -> "nhom toan"
    kinds: tuple[str, ...]  # kinds of body it may name; () when only a subject or a name says
    number: int | None  # "CỤM 02" -> 2
    subject: str | None  # a subject id, when the heading is a subject group's
    # The heading is over a part of the body the list is of, not a body's name: which part
    # ("phần lãnh đạo" for "LÃNH ĐẠO TỔ", "phần thành viên" for "THÀNH VIÊN"; _PARTS).
    part: str | None = None
    # Why its words cannot tell which body it is (placement says it on its row, and places its
    # rows in none): two numbers ("NHÓM NĂM 2"), or a body's word before words it cannot read.
    unread: str | None = None
    hint: str | None = None


def read_heading(text: str, subject_of: Callable[[str], str | None],
                 is_body_name: Callable[[str], bool] = lambda key: False) -> HeadingLabel | None:
    """The body a heading names, or None when the text does not read as a heading:
    it must start with a body's word, be a subject's name, carry a numbering, or be the
    name of a body (`is_body_name`, given a body_key, with or without the words between
    brackets). Words between brackets are left aside for the kind, the subject and the
    number."""
    numbered = _NUMBERING.match(text)
    rest = text[numbered.end():].strip() if numbered else text.strip()
    key = body_key(rest)
    if not key:
        return None
    words = body_key(aside_dropped(rest))
    for pattern, part in _PARTS:
        if pattern.fullmatch(words):
            return HeadingLabel(rest, key, words, (), None, None, part=part)
    if (unread := _two_numbers(rest, words) or _misspelt_numeral(rest, words)) is not None:
        return unread
    read = _read(aside_dropped(rest), subject_of)
    if read is not None:
        return HeadingLabel(rest, key, words, *read)
    return name_only(rest) if numbered or is_body_name(key) or is_body_name(words) else None


# "năm" and a number of one to three digits after a body's word: "năm" is five, and "năm 2" no
# year ("Nhóm năm 2024" is the groups of 2024), so the heading names two numbers.
_FIVE_AND_DIGITS = re.compile(r"^(?:so )?nam (\d{1,3})(?![0-9])")


def _two_numbers(text: str, words: str) -> HeadingLabel | None:
    """"NHÓM NĂM 2", "CỤM SỐ NĂM 3": group five, or group 2 with "năm" a slip? Neither is
    read: a label that says so (unread)."""
    kinds, after, _ = _kind_words(words)
    found = _FIVE_AND_DIGITS.match(after) if kinds else None
    if found is None:
        return None
    first, number = text.split()[0], int(found[1])
    return HeadingLabel(text, body_key(text), words, kinds, None, None,
                        unread=f"không rõ là số 5 ('năm') hay số {number}",
                        hint=f"ghi rõ một số ở dòng tiêu đề, như '{first} 5' hoặc '{first} {number}', rồi nhập lại.")


# The first word of a heading over a body, as typed ("Tổ", not the name "Tô"): a row holding only a
# text that starts so is a heading, whether or not its words tell the body.
_BODY_WORD = re.compile(r"^(?:nhóm|nhom|cụm|cum|tổ|hội đồng|hoi dong)(?!\w)", re.IGNORECASE)
# Texts that start with a body's word and name no body (body_key): a post, "Tổ", "Nhóm" then "trưởng",
# "phó", "viên" ("Tổ trưởng chuyên môn", "TỔ PHÓ CHUYÊN MÔN", "Tổ viên": a list grouped by post, its
# rows stay in the body above); a preschool, "Nhóm trẻ", "Nhóm lớp" ("Nhóm trẻ Hoa Mai", a row of a
# list of schools); the word "organise", "Tổ chức" ("Tổ chức sinh hoạt: thứ Năm").
_POST = r"(?:nhom|to) (?:truong|pho|vien)"
_NO_BODY = re.compile(rf"^(?:{_POST}|nhom (?:tre|lop)|to chuc)(?![a-z0-9])")
_STARTS_WITH_A_POST = re.compile(rf"^{_POST}(?![a-z0-9])")


def starts_with_a_post(text: str) -> bool:
    """Whether a text starts with a post of a team or a group, its word so marked ("Tổ trưởng",
    "Nhóm phó", "Tổ viên", a plain member): no body's name, nor a person's ("Tô Viên" is one)."""
    return bool(_BODY_WORD.match(text) and _STARTS_WITH_A_POST.match(body_key(text)))


def unread_heading(text: str) -> HeadingLabel | None:
    """A text alone in a row that starts with a body's word but reads as no body ("NHÓM PHÍA
    BẮC", "NHÓM A"): a heading whose body is unknown, not a person's name nor a row to pass
    over (its rows would go into the group above). None for a post ("Tổ phó", "Tổ trưởng chuyên
    môn"), a preschool ("Nhóm trẻ Hoa Mai"), the word "Tổ chức" (_NO_BODY)."""
    if not _BODY_WORD.match(text) or _NO_BODY.match(body_key(text)):
        return None
    return replace(name_only(text), unread="không đọc được là tổ chức nào",
                   hint="ghi tiêu đề đúng tên một tổ chức đã có, hoặc loại tổ chức và số của nó ('Nhóm 2', "
                        "'Cụm 01', 'Tổ Toán'), rồi nhập lại.")


def name_only(text: str) -> HeadingLabel:
    """A heading read only as a body's name: no kind, number or subject."""
    return HeadingLabel(text, body_key(text), body_key(aside_dropped(text)), (), None, None)


def aside_dropped(text: str) -> str:
    """The text without its words between brackets."""
    return " ".join(_ASIDE.sub(" ", text).split())


# Words between brackets that say something of the list, not of the body: a count "(5 trường)",
# "(09 người)", "(Kèm theo Quyết định số …)", "(tiếp theo)". Others may be part of a name
# ("TỔ CỐT CÁN (Tiểu học)", the sample office's "(dữ liệu mẫu)").
_REMARK_WORDS = ("kem theo", "tiep theo", "gom ", "danh sach", "tong so")


def remarks_dropped(text: str) -> str:
    """The text without its words between brackets that remark on the list (a count, the
    document it is attached to), for the name of a new body a heading names."""
    def kept(aside: re.Match[str]) -> str:
        inner = body_key(aside.group()[1:-1])
        return " " if inner[:1].isdigit() or inner.startswith(_REMARK_WORDS) else aside.group()
    return " ".join(_ASIDE.sub(kept, text).split())


# "số" ("number") before a body's number: "NHÓM SỐ 2", "CỤM TRƯỜNG SỐ 02", "Cụm trường số III"
# (a word alone after it, which the Roman reading decides on: roman_after_kind).
_NUMBER_SIGN = re.compile(r"^so (?=\d|[a-z]+$)")


def _numeral_after_kind(text: str) -> str | None:
    """The word, as typed, that alone follows a body's kind in a heading or a body's name ("số"
    aside, and the words between brackets): "II" of "CỤM II", "Cụm trường số II (dữ liệu mẫu)",
    "NHÓM IV."; after "Tổ" or "Nhóm" only so typed ("TÔ VI" is a person). None when more words or
    none follow."""
    core = aside_dropped(text)
    kinds, after, short = _kind_words(body_key(core))
    typed = re.findall(r"\w+", core)
    if not kinds or not typed or (short and not _BODY_WORD.match(core)):
        return None
    return typed[-1] if _NUMBER_SIGN.sub("", after) == typed[-1].lower() else None


def roman_after_kind(text: str) -> int | None:
    """The number a heading or a body's name gives in a Roman numeral in capitals, alone after
    the body's kind (keys.roman_numeral): "CỤM XXI" 21, the data's "Cụm II" 2; none in "Cụm II
    THCS", "TỔ CỐT CÁN CẤP II" (the level, not a number), "CỤM IIII"."""
    word = _numeral_after_kind(text)
    return roman_numeral(word, capitals=True) if word is not None else None


def _misspelt_numeral(text: str, words: str) -> HeadingLabel | None:
    """"CỤM IIII", "NHÓM IC": a Roman numeral written wrong, or past XCIX, alone after a body's
    word. Not read as a number nor as a name (a new "Cụm iiii"): a label that says so (unread)."""
    word = _numeral_after_kind(text)
    if word is None or not roman_like(word) or roman_numeral(word, capitals=True) is not None:
        return None
    kinds, _, _ = _kind_words(words)
    first = text.split()[0]
    return HeadingLabel(text, body_key(text), words, kinds, None, None,
                        unread=f"có '{word}', không phải một số La Mã viết đúng (từ I đến XCIX)",
                        hint=f"ghi số bằng chữ số, như '{first} 4', hoặc bằng số La Mã viết đúng, như '{first} IV', "
                             "rồi nhập lại.")


def _kind_words(key: str) -> tuple[tuple[str, ...], str, bool]:
    """The kinds of body a heading's first words name (its body_key), the words after them,
    and whether they are short words (_SHORT_WORDS)."""
    for words, found in _KIND_WORDS:
        if key == words or key.startswith(words + " "):
            return found, key[len(words):].strip(), words in _SHORT_WORDS
    return (), key, False


def _read(core: str, subject_of: Callable[[str], str | None]) -> tuple[tuple[str, ...], int | None, str | None] | None:
    """The kinds, number and subject of a heading's text (numbering and words between
    brackets dropped); None when its words name no kind of body and no subject."""
    key = body_key(core)
    if not key:
        return None
    kinds, after, short = _kind_words(key)
    after = _NUMBER_SIGN.sub("", after)  # "NHÓM SỐ 2"
    subject = subject_of(core)
    if subject is None and kinds and after and not after[0].isdigit():
        subject = subject_of(after)
    # After a short word, only as typed: "TÔ VI" is a name, "TỔ VI" team no. 6.
    roman = roman_after_kind(core) if subject is None else None
    if short and subject is None and roman is None and after and not after[0].isdigit():
        kinds = ()  # "Tô Thị Thịnh" is a name, not a "Tổ"
    if subject is not None and (not kinds or "nhom-bo-mon" in kinds):
        kinds = ("nhom-bo-mon",)
    if not kinds and subject is None:
        return None
    number_match = _NUMBER.search(after) if kinds and not _NAMED_NUMBER.match(after) else None
    number = int(number_match.group(1)) if number_match and subject is None else roman
    return kinds, number, subject
