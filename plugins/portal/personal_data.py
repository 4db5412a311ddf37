"""Personal data besides contacts that no public text may write: a citizen's identity number
(CCCD/CMND) and a person's full date of birth (Nghị định 13/2023/NĐ-CP).

Each is refused, not redacted, where it is written (privacy.py hides the contacts it knows; these
are nobody's to know): after its name ("CCCD 001185012345", "sinh ngày 12/3/1985"), or in a table
under its column's heading ("Số CCCD", "Ngày sinh"), whether the table is a text's (Markdown, tab,
CSV, a PDF's column or rows read as lines: `find_personal_values`) or an Office file's cells
(`personal_values_in_table`, over file_reading.office_tables). A year of birth alone passes: staff
lists and appointment decisions publish it. A text written decomposed (NFD, as a Mac or a web form may
write "ngày": "nga", then its mark) is read composed, each value told where it is written. The checker
(checks.py) runs it over every public text of the data, site_checks.py over hand-written pages and the
readable text of published files.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from .file_reading import SHEET_EPOCH, TableCell
from .page_text import composed_text
from .privacy import amount_at
from .text import fold

_HAS_DIGIT = re.compile(r"\d")
_GAP = r"[^\S\n]+"  # the space between two words on one line


def _spelt(words: tuple[str, ...], gap: str = _GAP) -> str:
    """An alternation of `words`, each written with or without its marks (as typed on a phone:
    "To Hoa - Sinh:"), `gap` between its words."""
    return "|".join(word.replace(" ", gap) for word in dict.fromkeys((*words, *map(fold, words))))


# Personal data besides contacts (Nghị định 13/2023/NĐ-CP): a citizen's identity number and a
# person's date of birth. No public text, hand-written page or published file may write one; each
# is refused, not redacted, where it is written: after its name ("CCCD 001185012345", "sinh ngày
# 12/3/1985"), or in a table under its column's heading ("Số CCCD", "Ngày sinh").
PersonalKind = Literal["identity", "birth"]

# A citizen's identity number named as one: "CCCD: 001185012345", "số CMND 012345678", "căn cước
# công dân số 001 185 012 345" (12 digits, or 9 for the old card), personal data no list publishes.
_IDENTITY_NAME = (r"cccd|cmnd|cmtnd|cmt|căn cước(?: công dân)?|chứng minh(?: nhân dân| thư)?"
                  r"|(?:số |mã )?định danh(?: cá nhân)?")
# Digits are grouped by a space, a no-break space (Word puts one where a number must not wrap), a dot, a dash.
_DIGIT_GAP = r"[ \u00a0\u202f.\-]"
_IDENTITY = re.compile(rf"(?<!\w)(?P<name>{_IDENTITY_NAME})(?!\w)[^\d\n]{{0,40}}?"
                       rf"(?P<number>\d(?:{_DIGIT_GAP}?\d){{8,11}})(?!\d)", re.IGNORECASE)
_IDENTITY_DIGITS = (9, 12)
# Under a column's heading, an identity number is any number of 9 to 12 digits: Excel keeps a number
# typed in a cell without its leading zeros (a card's number starts with its province's code, 001 to 096).
_IDENTITY_CELL = re.compile(rf"'?\d(?:{_DIGIT_GAP}?\d){{8,11}}")
# A cell under "Số CMND/CCCD, ngày cấp, nơi cấp" writes the number first, then the rest: "001185012345
# - 12/5/2021 - Cục CS QLHC", "012345678 (CA Hà Nội)". Its first part ends before a comma, a bracket, a
# dash, a word or a date.
_CELL_PART_END = re.compile(r"\s*(?:[,;(\n]|[-–](?=\s)|\s(?=[^\d\s])|\s(?=\d{1,2}[/.\-]\d))")
# "Mã định danh" alone is also a school's or an office's code (Quyết định 20/2020/QĐ-TTg), in lists of
# schools: under it, or after it, only a number as a card writes it (_card_shaped) is a person's.
_CODE_NAME = re.compile(r"mã\s+định\s+danh(?!\s+cá\s+nhân)", re.IGNORECASE)
# A card's number as the 2016 card writes it, 12 digits: the code of the province where the citizen was
# born (Thông tư 59/2021/TT-BCA), the century and sex (0 to 3 for 1900 to 2099), then 8 digits. In a row
# of a list read as one line of text (a PDF's table), such a number is told from an account's.
_PROVINCES = ("001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 "
              "034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 "
              "067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096")
_PROVINCE_CODES = frozenset(_PROVINCES.split())
_CARD_NUMBER = re.compile(r"(?<![\w.,/\-])0\d{2}[0-3]\d{8}(?![\w,/\-]|\.\d)")
_CARD_DIGITS = 12

# A date as a person writes one: "12/3/1985", "12-03-1985", "12.03.85", "12 tháng 3 năm 1985", or
# as a program writes it: "1985-03-12" (a CSV exported from a database).
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
# Its long form's gaps ("12 tháng 3, năm 1985") match once (possessive): a run of spaces split between two of them,
# each split tried again, was quadratic.
_WRITTEN_DATE = (rf"(?<!\d)(?:{_DAY}(?:[^\S\n]*(?P<sign>[./\-])[^\S\n]*{_MONTH}[^\S\n]*(?P=sign)[^\S\n]*"
                 rf"(?P<year>\d{{4}}|\d{{2}})|[^\S\n]+th[áa]ng[^\S\n]+{_MONTH}(?:[^\S\n]*+,[^\S\n]++|[^\S\n]++)n[ăa]m[^\S\n]+"
                 rf"(?P<long_year>\d{{4}}))|(?P<iso_year>\d{{4}})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?!\d)")
# In a cell, a date may carry the time a program added to it: "12/03/1985 00:00:00".
_DATE_CELL = re.compile(rf"{_WRITTEN_DATE}(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?", re.IGNORECASE)
# A cell's date may start with "Ngày": "Ngày 12 tháng 03 năm 1985" (typed, or a number so shown by its format).
_DAY_WORD = re.compile(r"\s*ng[àa]y\s+", re.IGNORECASE)
# Not under "Năm sinh": a date "Ngày 12 tháng 3 năm 2025" there is a footer's, a year's column holds no day.
_YEAR_HEADING = re.compile(r"n[ăa]m\s+sinh", re.IGNORECASE)
# Under a heading of days, a cell's date with a note after it ("12/03/2019\nHà Nội", "12/3/2015, Hà Nội",
# "12/3/2015 (âm lịch)", "12/3/2015 - Nam", "12/03/2019."): the date that starts it, a separator after it.
_DATE_NOTE = re.compile(r"\s*(?:[,;(\n]|\.\s*\Z|[-–](?=\s)|\s(?=[^\d\s]))")
# "sinh vào ngày 5/3/2019", "sinh ngày mùng 5/3/2019" ("mồng").
_DAY_FIRSTS = r"(?:m[ùu]ng|m[ồo]ng)"
# A date of birth named as one: "sinh ngày 12/3/1985", "Ngày sinh: 12-03-1985", "Ngày, tháng, năm
# sinh 12/3/1985", "NS: 12/03/1985" (in capitals, before a colon or right before its date: "ns" is no word, and
# "NS" is also a budget's source, ngân sách, in a table's row: "| NS | 12/3/2025 |", and after the money's
# name: _BUDGET_BEFORE; before its date without a colon only after a name: _NAME_BEFORE), "SN: 12/3/2015" (sinh
# nhật, ngày sinh; also a house's number, số nhà: _a_houses_number), "DOB: 12/03/1985", "Date of birth:",
# "(sinh 12.3.1985)", "Sinh: 12/3/1985", the date right after its name, a colon, a dash or the next
# cell ("| Ngày sinh | 12/03/1985 |"). The gaps around the sign match once (possessive: a date starts with no
# space), so that a long run of spaces is not split between them again and again.
# A year alone ("sinh năm 1985", "Năm sinh: 1985") is not looked for: staff lists and decisions
# (an appointment, an election's candidates) publish it, and it tells no one apart; its day after it is
# (_YEAR_THEN_DAY).
_BIRTH = re.compile(rf"(?<!\w)(?P<name>(?-i:NS|SN)(?=[^\S\n]*:|[^\S\n\t]+(?:ng[àa]y[^\S\n]+)?\d)"
                    rf"|dob|date[^\S\n]+of[^\S\n]+birth"
                    rf"|sinh(?:[^\S\n]+(?:v[àa]o[^\S\n]+)?ng[àa]y)?)(?!\w)"
                    rf"[^\S\n]*+(?:[:=|\-–]|l[àa](?!\w))?[^\S\n]*+(?:ng[àa]y[^\S\n]+)?(?:{_DAY_FIRSTS}[^\S\n]+)?"
                    rf"(?P<date>{_WRITTEN_DATE})", re.IGNORECASE)
# "NS" right before its date ("NS 12/3/2020", "NS ngày 12/3/2020"), no colon after it (_COLON_AFTER), is a birth's
# after a person's name (_NAME_BEFORE) or with a date before 2000 (_PORTAL_FROM).
_COLON_AFTER = re.compile(r"[^\S\n]*:")
# A year of birth, then the day of that year: "sinh năm 1985, ngày 12/3/1985", the same person's full date
# ("sinh năm 1985, ngày 12/3/2025 được bổ nhiệm" writes another day: no birth).
_YEAR_THEN_DAY = re.compile(rf"(?<!\w)sinh[^\S\n]+n[ăa]m[^\S\n]+(?P<stated>\d{{4}})[^\S\n]*+[,;(\-–]?[^\S\n]*+"
                            rf"(?:v[àa]o[^\S\n]+)?ng[àa]y[^\S\n]+(?:{_DAY_FIRSTS}[^\S\n]+)?(?P<date>{_WRITTEN_DATE})",
                            re.IGNORECASE)
# A date followed by the end of a range or a limit is an enrolment's bound, no one's birth: "trẻ sinh ngày
# 01/01/2021 đến 31/5/2021", "sinh ngày 01/6/2020 trở về trước".
_RANGE_AFTER = re.compile(rf"[^\S\n]*(?:(?:đến|tới|[-–—])[^\S\n]*(?:ng[àa]y[^\S\n]*)?{_DAY}[^\S\n]*[./\-]"
                          r"|trở[^\S\n]+(?:về[^\S\n]+)?(?:trước|sau|đi))", re.IGNORECASE)
# The words before "sinh" that make it no birth: a student ("học sinh ngày 05/9/2024 tựu trường"),
# an enrolment ("tuyển sinh ngày 15/7"), a feast ("Giáng sinh ngày 24/12", "Phục sinh"), a death
# ("hy sinh ngày 27/7/1972"), cleaning ("vệ sinh ngày 12/3"), something arising ("phát sinh ngày ...").
# Those that are also given names ("Nam", "An", "Trường", "Phát"; any without its marks: "Cong",
# "Giang") only in lower case or starting a sentence: "Ông Nam sinh ngày 12/3/1985" is a birth (_born).
_NOT_BIRTH_WORDS = ("học thí giáo vệ hy hi nữ tái hồi cộng sản phóng sát nội ngoại giáng đản phục bẩm mưu")
# Words that make "sinh" no birth and are also given names ("Nguyễn Văn Tuyển", "Lò Văn Sơ", "Lê Thị Dưỡng"):
# a name where written as one (_written_as_a_name); with "Sinh" in capitals or with its capital the case tells
# nothing ("THÔNG BÁO TUYỂN SINH NGÀY 15/7/2025", "Thông Báo Tuyển Sinh Ngày …", "ÔNG NGUYỄN VĂN TUYỂN SINH NGÀY
# 12/3/1985"): a name there only before a birth however named (_a_birth_however_named).
_NOT_BIRTH_GIVEN_NAMES = "tuyển sơ khai ký kí cứu dưỡng hộ tập"
# The words before "Sinh" that make it the subject (Sinh học): "Môn Sinh:", "dạy Sinh", "Tổ Sinh", "Khối Sinh",
# "Nhóm Sinh" (_a_birth_however_named may still make its date a birth).
_SUBJECT_WORDS = "môn dạy tổ khối nhóm"
_NOT_BIRTH_NAMES = ("phát nam an dân nhân song thư tiên hậu trường tân quyên thi sinh hoc tuyen giao ve phat so nu "
                    "ky ki tai hoi cong san cuu duong dan nhan phong sat quyen thu tien mon hau truong ho noi ngoai "
                    "tan giang phuc bam tap muu")
_NO_BIRTH_BEFORE = frozenset(_NOT_BIRTH_WORDS.split())
_SUBJECT_BEFORE = frozenset(_SUBJECT_WORDS.split())
_NO_BIRTH_BEFORE_IN_LOWER_CASE = frozenset((*_NOT_BIRTH_NAMES.split(), *_NOT_BIRTH_GIVEN_NAMES.split()))
_NO_BIRTH_BEFORE_IN_CAPITALS = frozenset(_NOT_BIRTH_GIVEN_NAMES.split())
_WORD_BEFORE = re.compile(r"(\w+)\s*\Z")
# "Sinh" is also a subject (Sinh học), in the name of a group of subjects: "Tổ Hóa - Sinh: 12/3/2025",
# "Lịch họp: Toán - Tin, Hóa-Sinh 12/3/2025", the date after it a meeting's. It may be the subject when the
# words right before it are other subjects' names, each alone, joined to it by a dash, a slash, a comma or
# "và", the first of them after "Tổ", "Nhóm", "Môn", "dạy" or where a line, a bracket or a part of a
# sentence starts (_SUBJECTS_BEFORE); _names_the_subject then tells it by where the group stands and how
# "Sinh" is written. A person's name is no subject's even when it ends with one ("Nguyễn Thị Anh - Sinh:
# 12/3/1985", "Lê Văn Sử, sinh ngày …"), nor is a sentence before "Sinh" ("Ông Lê Văn An. Sinh: 12/3/1985"),
# nor the value after a name's label, a name of one word ("Họ tên: Anh, Sinh: 12/3/1985": _NAME_LABEL).
# Each name also without its marks, as typed on a phone ("To Hoa - Sinh: 12/3/2025").
_SUBJECT_NAMES = ("toán", "tin", "tin học", "lý", "lí", "vật lý", "vật lí", "hóa", "hoá", "hóa học", "hoá học",
                  "văn", "ngữ văn", "sử", "lịch sử", "địa", "địa lý", "địa lí", "gdcd", "anh", "tiếng anh", "ngoại ngữ",
                  "ktnn", "công nghệ", "thể dục", "gdtc", "mỹ thuật", "mĩ thuật", "âm nhạc", "khtn")
_SUBJECTS = _spelt(_SUBJECT_NAMES, r"\s+")
_GROUP_WORDS = r"tổ|nhóm|môn|to|nhom|mon"
_SUBJECTS_JOIN = r"[^\S\n]*(?:[-–—/,&+]|v[àa](?!\w))[^\S\n]*"
_SUBJECTS_BEFORE = re.compile(rf"(?:\A|[\n(:;.,]|(?<!\w)(?:{_GROUP_WORDS}|dạy|day))[^\S\n]*"
                              rf"(?P<names>(?:(?:{_SUBJECTS}){_SUBJECTS_JOIN})+)\Z",
                              re.IGNORECASE)
# One subject's name written without the marks it has ("Hoa", "Ly", "Toan"), starting a line written with marks
# ("Hoa – Sinh ngày 12/3/2019"), is a name ("Hoa" a girl's, where "Hóa" would have its mark): _typed_bare_as_a_name.
_ONE_SUBJECT = re.compile(rf"(?P<name>{_SUBJECTS}){_SUBJECTS_JOIN}", re.IGNORECASE)
_SUBJECTS_TYPED_BARE = frozenset(fold(name) for name in _SUBJECT_NAMES) - frozenset(_SUBJECT_NAMES)
_SUBJECTS_REACH = 80  # characters before "Sinh" looked at: a group of several subjects' names
# A label that introduces a person, the value after it a name even of one word that is also a subject's or
# "Chi" ("Họ tên: Anh, Sinh: …", "Trẻ: Chi NS: …"): "Họ tên:", "Họ và tên học sinh:", "Tên trẻ:", "Học sinh:",
# "Trẻ:", "Cháu:", "Bé:", "Em:", "Con:", "Tên con:", "Học viên:", "Giáo viên:", "GV:", a class's name ("Lớp Lá 1:",
# "Lớp 9A:", "Lớp Chồi 2 (4-5 tuổi):", a preschool's "Nhóm trẻ 24-36 tháng:"), each also without marks.
# Of those, the words that stand before a name in running text too ("Cháu Lò Văn Sơ", "Em Lê Văn An"): not "tên",
# "con" ("Con Đường Tuyển Sinh …", a title).
_NAMING_LABELS = ("học sinh", "học viên", "trẻ", "cháu", "bé", "em", "giáo viên", "gv")
_PERSON_LABELS = ("tên", "tên trẻ", "tên học sinh", "tên giáo viên", "tên con", "con", *_NAMING_LABELS)
_PERSON_LABEL = _spelt(_PERSON_LABELS)
_CLASS_NAME = r"(?:l[ớo]p|nh[óo]m[^\S\n]+tr[ẻe])[^\S\n]+[^\n:,;]{1,30}"
_NAME_LABEL = re.compile(rf"(?<!\w)(?:(?:{_PERSON_LABEL})[^\S\n]*|{_CLASS_NAME}):[^\S\n]*\Z", re.IGNORECASE)
_LABEL_REACH = 40  # characters before a name looked at for its label: "Họ và tên học sinh: "
# A group's name that starts its line, a list's mark maybe before it ("Tổ Toán, Sinh ngày 12/3/2025",
# "- NHÓM HÓA - SINH: …"): the subjects after "Tổ" are the group's, "Sinh" among them the subject in any
# case; but "sinh" in lower case right after a comma, the verb ("Tổ Toán, sinh ngày 12/3/1985 tại Huế").
# After a person's name or a label ("Thầy An, tổ Toán - Tin, sinh ngày …", "Đơn vị: Tổ Toán, …") "Tổ" names
# the person's group, and "dạy" what the person teaches: there the case tells. "Sinh" with its capital
# joined to the subject before it by a dash, a slash or "và" is the subject ("HÓA - SINH NGÀY 12/3/2025
# THAO GIẢNG"); in lower case, or after a comma, the verb (born; "Cô Lan, dạy Toán, sinh ngày 12/3/1985",
# "DẠY TOÁN, SINH 12/3/1985", "Dạy Toán, Sinh Ngày …": in capitals, or each word with its capital, the
# case tells nothing), unless written as a group's is (_SUBJECT_AFTER_A_COMMA): "Sinh" before "ngày" in
# lower case ("Dạy Toán, Sinh ngày 12/3/2025 thao giảng"), or before a colon ("TOÁN, SINH: 12/3/2025").
# Whatever these say, a date before 2000 or before a place of birth is a birth (_a_birth_however_named).
# Where a line or a list's item starts: "- ", "1. ", "a) ".
_LIST_MARK = r"[^\S\n]*(?:(?:[-–•*+]|\d{1,2}[.)]|[a-zđ]\))[^\S\n]*)?"
_GROUP_HEADING = re.compile(rf"{_LIST_MARK}(?:{_GROUP_WORDS})[^\S\n]+",
                            re.IGNORECASE)
_COMMA_BEFORE = re.compile(r",[^\S\n]*\Z")
# One subject's name alone starting a line or a list's item, a comma after it, is a child's name, no group:
# "1. Anh, Sinh ngày 12/3/2019" (a group's is named after "Tổ", "Nhóm", or with several subjects).
_ONE_SUBJECT_AND_A_COMMA = re.compile(rf"(?:{_SUBJECTS})[^\S\n]*,[^\S\n]*", re.IGNORECASE)
_LIST_ITEM_START = re.compile(_LIST_MARK)
# A name of up to four words after a person's label and its colon ("Cháu: Lò Văn Sơ", "Họ tên: Lò Văn Sơ"), or of two
# to four after a word that introduces a person starting a line, a list's item or a part of a sentence ("Cháu Lò
# Văn Sơ", "1. Học sinh Lò Văn Sơ", "Danh sách: Trẻ Nguyễn Thị Khai"), whatever its last word is (Sơ sinh,
# newborn: _named_after_a_label); not one word after such a word ("Trẻ Sơ Sinh", newborns), nor a label's ("Trẻ
# Em Sơ Sinh").
_NAME_WORD = rf"[^\S\n]+(?!(?:{_PERSON_LABEL})(?!\w))[^\W\d_]+"
_LABELLED_NAME = re.compile(rf"(?:(?<!\w)(?:{_PERSON_LABEL})[^\S\n]*:(?:{_NAME_WORD}){{0,3}}"
                            rf"|(?<![^\n(:;.,|\t]){_LIST_MARK}(?:{_spelt(_NAMING_LABELS)})(?:{_NAME_WORD}){{1,3}})"
                            r"[^\S\n]*\Z", re.IGNORECASE)
_LABELLED_NAME_REACH = 70  # characters before a name's last word looked at: "1. Họ tên học sinh: Nguyễn Thị Minh "
# A person's name before "NS" and its date (no colon): two to four words each with its capital (_after_a_name)
# that start a line, a table's cell ("|", a TSV row's tab), a list's item ("1 ", "a) ") or follow a person's label
# ("Trẻ: Nguyễn Thị Chi NS 12/3/2020", "| 1 | Nguyễn Thị Chi | NS 12/3/2020 |"), then maybe a comma, a dash or a
# bracket, or the cell's end. Not two words at the end of others ("1 Trường MN Hoa Sen NS 12/3/2025"), nor the
# money ("Kinh phí NS"), nor a school's, an office's or a budget's name (_NO_PERSONS_FIRST_WORDS).
_NAME_BEFORE = re.compile(rf"(?:^|[|\t]|(?<!\w)(?i:{_PERSON_LABEL})[^\S\n]*:)"
                          r"[^\S\n\t]*(?:(?:[-–•*+]|\d{1,3}[.)]?|[a-zđ]\))[^\S\n\t]+)?"
                          r"(?P<name>[^\W\d_]+(?:[^\S\n\t]+[^\W\d_]+){1,3})"
                          r"[^\S\n\t]*+[,(\-–]?[^\S\n]*+(?:[|\t][^\S\n]*+)?\Z", re.MULTILINE)
_NAME_BEFORE_REACH = 70  # characters: "| 12 | Nguyễn Thị Minh Khai | "
# The first word of a school's, an office's, a place's or a budget's name with capitals ("Trường Hoa Sen", "Phòng
# GD", "Huyện Tân Uyên", "Tổng Hợp", "Dự Toán", "Quyết Toán", "Phân Bổ", "Sửa Chữa"): no person's name starts so.
_NO_PERSONS_FIRST_WORDS = frozenset(fold(word) for word in (
    "trường", "phòng", "sở", "bộ", "ban", "hội", "ủy", "uỷ", "ubnd", "huyện", "quận", "xã", "phường", "tỉnh", "thị",
    "thành", "khối", "tổ", "lớp", "nhóm", "đơn", "trung", "mầm", "tiểu", "kho", "tổng", "dự", "quyết", "phân", "giao",
    "kinh", "nguồn", "vốn", "chi", "thu", "mua", "sửa", "bổ", "cấp", "kế", "khoản", "hỗ", "quỹ"))
_SUBJECT_AFTER_A_COMMA = re.compile(r"sinh(?:[^\S\n]*:|[^\S\n]+(?-i:ng[àa]y))", re.IGNORECASE)
# "NS" after the money it counts, its label maybe, is a budget's source (ngân sách): "Kinh phí NS: 12/3/2025",
# "Nguồn vốn NS:", "Nguồn kinh phí: NS: …", and after what is spent: "Chi NS: …", "Khoản chi NS: …". "Chi"
# is also a given name: with its capital, a budget's only at the start of its line (_of_a_budget).
# The money may be named with its kind ("Chi thường xuyên NS:", "Vốn đối ứng NS:") and a dash before "NS"
# ("Kinh phí - NS:").
_BUDGET_KIND_WORDS = ("thường xuyên", "không thường xuyên", "đối ứng", "sự nghiệp", "đầu tư")
_BUDGET_KINDS = _spelt(_BUDGET_KIND_WORDS)
_BUDGET_BEFORE = re.compile(rf"(?<!\w)(?:kinh[^\S\n]+ph[íi]|ngu[ồo]n|v[ốo]n|(?P<spent>chi))"
                            rf"(?:[^\S\n]+(?:{_BUDGET_KINDS}))?"
                            r"[^\S\n]*[:\-–]?[^\S\n]*\Z", re.IGNORECASE)
# This portal's data starts with the school year 2000-2001 (data/years holds 2015-2016 on): a group's meeting
# or a budget's spending is dated from 2000 on. Where "Sinh" may be a subject's and "NS" a budget's, a date
# before 2000 is a person's birth, and so is a date followed by where the person was born ("TẠI HUẾ", ", quê
# quán Nghệ An", "nơi sinh"), not by a room ("tại phòng 3", a meeting's): _a_birth_however_named.
_PORTAL_FROM = 2000
# A meeting's place after "tại": a room, a school, an office ("tại lớp 5A", "tại UBND xã", "tại PGD", "tại Sở",
# "tại P.3", "tại đây", online); "tại:" a label's. "Quê hương" is no one's home town.
_ROOM_WORDS = ("phòng", "hội trường", "trường", "nhà trường", "điểm trường", "sân trường", "các trường", "thư viện",
               "lớp", "văn phòng", "ubnd", "nhà văn hóa", "nhà văn hoá", "sở", "pgd", "thcs", "thpt", "th", "mn",
               "trung tâm", "đơn vị", "đây", "google meet", "online", "trực tuyến", "p", "các lớp", "cơ sở", "trụ sở",
               "nhà đa năng", "nhà thi đấu")
_ROOMS = _spelt(_ROOM_WORDS)
_AT_A_PLACE = rf"t[ạa]i(?![^\S\n]*:)(?![^\S\n]+(?:{_ROOMS})(?![^\W\d]))"
# Where a person is born, named alone: a province or a centrally-run city, the 34 since 1 July 2025 (Nghị quyết
# 202/2025/QH15) and the 63 before it (old papers stay in archives), maybe after "tỉnh", "thành phố", "TP.".
_PROVINCE_NAMES = (
    "hà nội", "huế", "hải phòng", "đà nẵng", "cần thơ", "hồ chí minh", "hcm", "sài gòn", "lai châu", "điện biên",
    "sơn la", "lạng sơn", "quảng ninh", "thanh hóa", "thanh hoá", "nghệ an", "hà tĩnh", "cao bằng", "tuyên quang",
    "lào cai", "thái nguyên", "phú thọ", "bắc ninh", "hưng yên", "ninh bình", "quảng trị", "quảng ngãi", "gia lai",
    "khánh hòa", "khánh hoà", "lâm đồng", "đắk lắk", "đắc lắc", "đăk lăk", "đồng nai", "tây ninh", "vĩnh long",
    "đồng tháp", "cà mau", "an giang",  # the 34 (Huế was Thừa Thiên Huế), then the others of the 63
    "hà giang", "yên bái", "bắc kạn", "bắc cạn", "vĩnh phúc", "bắc giang", "hòa bình", "hoà bình", "hải dương",
    "thái bình", "hà nam", "nam định", "quảng bình", "thừa thiên huế", "thừa thiên - huế", "quảng nam", "kon tum",
    "kontum", "bình định", "phú yên", "ninh thuận", "bình thuận", "đắk nông", "đăk nông", "bình phước", "bình dương",
    "bà rịa - vũng tàu", "bà rịa", "vũng tàu", "long an", "tiền giang", "bến tre", "trà vinh", "sóc trăng",
    "hậu giang", "kiên giang", "bạc liêu")
# "Bà Rịa - Vũng Tàu" also with another dash, spaced or not ("Bà Rịa–Vũng Tàu").
_PROVINCES_SPELT = _spelt(_PROVINCE_NAMES).replace(f"{_GAP}-{_GAP}", r"[^\S\n]*[-–][^\S\n]*")
_PROVINCE = rf"(?:(?:t[ỉi]nh|th[àa]nh[^\S\n]+ph[ốo]|tp\.?)[^\S\n]*)?(?:{_PROVINCES_SPELT})(?!\w)"
# A place of birth after a date ("sinh ngày 12/3/2015 tại Huế", ", quê quán Nghệ An", "nơi sinh …"): after "tại" a
# place that is no room (_AT_A_PLACE), after "ở" a province ("ở Huế"; "ở trường", "ở lại" name no birthplace), or a
# province alone ending a part of the sentence after a comma, a dash or a bracket ("12/3/2015, Hà Nội", "(TP.
# HCM)"; not ", Hà Nội tổ chức …"). Gaps match once (possessive): each split of a long run of spaces between
# two of them tried again was quadratic.
_BIRTHPLACE_AFTER = re.compile(rf"[^\S\n]*+(?:[,;(\-–][^\S\n]*+{_PROVINCE}(?=[^\S\n]*+(?:[,;.)\n]|\Z))"
                               rf"|[,;(\-–]?[^\S\n]*+(?:{_AT_A_PLACE}|[ởo][^\S\n]+{_PROVINCE}"
                               r"|qu[êe](?![^\S\n]+h[ươ][ơo]ng(?!\w))|n[ơo]i[^\S\n]+sinh|nguy[êe]n[^\S\n]+qu[áa]n)(?!\w))",
                               re.IGNORECASE)
# After a budget's "NS" the money is kept "tại Kho bạc", "tại KBNN": "tại" names no place of birth there, but
# before a province ("tại Huế") it does.
_AT_A_TREASURY = re.compile(rf"[^\S\n]*+[,;(\-–]?[^\S\n]*+t[ạa]i(?!\w)(?![^\S\n]+{_PROVINCE})", re.IGNORECASE)
# A year of two digits read as Excel reads one typed: 00 to 29 in the 2000s, 30 to 99 in the 1900s.
_TWO_DIGIT_CENTURY_FROM = 30
# A date of birth before 1920 is history, no living person's: the birth of Hồ Chí Minh (19/5/1890)
# is in many schools' plans.
_HISTORY_BEFORE = 1920
# A sheet's number in General format (no date's, no number's format: a date pasted as a value or
# exported keeps its serial so) is a date when it is one's serial from _HISTORY_BEFORE to 2100.
_SERIALS = range((datetime.date(_HISTORY_BEFORE, 1, 1) - SHEET_EPOCH).days,
                 (datetime.date(2100, 1, 1) - SHEET_EPOCH).days)

# A table's heading of a column of identity numbers or dates of birth: "Số CCCD", "CMND/CCCD",
# "Số định danh cá nhân", "Số thẻ căn cước", "Số CCCD/Hộ chiếu", "Số CMND/CCCD, ngày cấp, nơi cấp"
# (one of them an identity's name); "Ngày sinh", "Ngày, tháng, năm sinh", "Ngày - tháng - năm sinh",
# "Ngày/tháng/năm sinh", "Năm sinh", "NS", "SN", "Sinh ngày", shortened in a narrow column ("Ng. sinh",
# "Ng/th/n sinh", "N/T/N sinh"); a note in brackets after it ("Ngày sinh (dd/mm/yyyy)"), a colon.
_ONE_IDENTITY = (rf"(?:số\s+)?(?:thẻ\s+)?(?:{_IDENTITY_NAME})|(?:số\s+)?hộ\s+chiếu|ng[àa]y(?:\s+cấp)?"
                 r"|nơi\s+cấp")
_IDENTITY_HEADING = re.compile(
    rf"(?:{_ONE_IDENTITY})(?:\s*(?:[/,;\-–]|hoặc|và)\s*(?:{_ONE_IDENTITY})|\s+(?:{_ONE_IDENTITY}))*", re.IGNORECASE)
_PART_GAP = r"\s*[,/.\-–]?\s*"
# A birth's heading may go on with the place of birth ("Ngày sinh/Nơi sinh", "Ngày sinh - Nơi sinh"), or
# whose ("Ngày sinh của trẻ", "Ngày sinh học sinh", "Ngày sinh HS", "Ngày sinh cháu"); "Sinh nhật", "N.sinh".
_PLACE_OF_BIRTH = r"\s*[/,;\-–]\s*n[ơo]i\s+sinh"
_WHOSE_BIRTH = r"\s+(?:của\s+)?(?:trẻ|học\s+sinh|hs|cháu|bé|con|em|giáo\s+viên|gv)"
_DATE_PARTS = rf"(?:ng[àa]y|ng?){_PART_GAP}(?:th[áa]ng|th?){_PART_GAP}(?:n[ăa]m\s+|n\.?\s*)sinh"
_BIRTH_HEADING = re.compile(rf"(?:(?:{_DATE_PARTS})|n[ăa]m\s+sinh|ng[àa]y\s+sinh|ng?\.?\s*sinh|sinh\s+ng[àa]y"
                            rf"|sinh\s+nh[ậa]t)(?:{_PLACE_OF_BIRTH}|{_WHOSE_BIRTH})?|(?-i:NS|SN)", re.IGNORECASE)
# "NS" alone is also a budget's source (ngân sách), "SN" a house's number (số nhà: "12/3/15"): each heads a
# column of dates written as dates with a year of 4 digits, or a sheet's dates, never the cell beside it
# nor a sheet's number in General format (an amount in thousands is a date's serial too).
# "SN" heads houses' numbers (số nhà) only where the table says it is an address's part: right under an
# address's heading and no more in the header row above ("Địa chỉ" merged over "SN", "Đường", "Phường"; not
# a letterhead's "Địa chỉ: xã …", an earlier table's column, "Địa chỉ liên hệ" over "SN | Điện thoại"),
# right before a street's column ("| SN | Đường |", "| SN | Ngõ/Hẻm |"), or with its note ("SN (số nhà)").
# There a sheet's date cell passes (Excel keeps "12/3/15" typed as the date 12/03/2015); a date written with
# a year of four digits ("12/03/1985") is still a birth: a house's number has parts of one or two digits.
# Elsewhere it stays a birth's heading ("SN" for sinh nhật, ngày sinh): an address's column beside it ("| SN
# | Địa chỉ |") tells nothing. Each word also without its marks.
_HOUSE_NUMBER = "SN"
_ABBREVIATIONS = frozenset({"NS", _HOUSE_NUMBER})


def _starting_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """A heading that starts with one of `words`, written with or without their marks."""
    spelt = _spelt(words, r"\s+")
    return re.compile(rf"\s*(?:{spelt})(?!\w)", re.IGNORECASE)


_ADDRESS_WORDS = ("địa chỉ", "số nhà", "nơi ở", "chỗ ở")
_ADDRESS_HEADING = _starting_words(_ADDRESS_WORDS)
_ADDRESS_KINDS = _spelt(("thường trú", "tạm trú", "hiện nay", "hiện tại"), " ")
# An address's heading over the columns of its parts, with no other words than where the person lives.
_ADDRESS_ONLY = re.compile(rf"{_ADDRESS_HEADING.pattern}(?:\s+(?:{_ADDRESS_KINDS}))?", re.IGNORECASE)
_STREET_WORDS = ("đường", "tên đường", "phố", "ngõ", "hẻm", "ngách", "kiệt")
_STREET_HEADING = _starting_words(_STREET_WORDS)
# In a text, "SN" and its number are a house's in an address: after an address's word in its line ("Địa chỉ: SN
# 12/3/2015"), or before a street or a ward, a commune, a hamlet ("SN 12/3/2015 đường Lê Lợi", ", phường Phú Cường").
_ADDRESS_BEFORE = re.compile(rf"(?<!\w)(?:{_spelt(_ADDRESS_WORDS)})(?!\w)[^\n]*\Z", re.IGNORECASE)
_LOCAL_UNITS = ("phường", "xã", "thị trấn", "thôn", "ấp", "bản", "khu phố", "tổ dân phố", "khóm", "quận", "huyện")
_STREET_AFTER = re.compile(rf"[^\S\n]*+[,\-–]?[^\S\n]*+(?:{_spelt((*_STREET_WORDS, *_LOCAL_UNITS))})(?!\w)",
                           re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_HEADING_MAX = 60  # characters: a longer cell is a sentence, no heading

# A row of a table as a text writes it: a Markdown table's ("| 1 | Lê Văn An | 001185012345 |"), a
# tab's, a CSV file's; the line under a Markdown table's heading ("|---|:--:|") holds no cell.
_DELIMITERS = ("|", "\t", ";", ",")
_RULE_ROW = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
# A row of a list read as one line (a PDF's table, its cells close together): it starts with its
# number ("1", "2.", "3)"), under a heading row that starts with "STT" or "TT".
_NUMBERED_ROW = re.compile(r"\s*\d+[.)]?(?!\S)")
_HEADING_ROW = re.compile(r"\s*(?:stt|tt)(?!\w)", re.IGNORECASE)
_HEADING_ROW_MAX = 120  # characters: a longer line is a paragraph
# An identity's name in a heading row or a heading cell (_listed_values, _heading_kind).
_IDENTITY_WORDS = re.compile(rf"(?<!\w)(?:{_IDENTITY_NAME})(?!\w)", re.IGNORECASE)
# "Năm sinh" alone heads years, no date: the first date of a row under it is another column's ("Ngày vào ngành").
# "Ngày sinh hoạt", "Năm sinh hoạt" (a group's activities) name no birth.
_NOT_AN_ACTIVITY = r"(?![^\S\n]+ho[ạa]t(?!\w))"
_BIRTH_WORDS = re.compile(rf"(?<!\w)(?:{_DATE_PARTS}|ng[àa]y\s+sinh|ng\.?\s*sinh|(?<!n[ăa]m\s)sinh\s+ng[àa]y"
                          rf"|(?-i:NS))(?!\w){_NOT_AN_ACTIVITY}", re.IGNORECASE)
# A heading of a column of dates, in a heading row: "Ngày sinh", "Ngày vào ngành", "Ngày ký".
_DATE_WORDS = re.compile(r"(?<!\w)ng[àa]y(?!\w)", re.IGNORECASE)
# A whole date in the place of "Năm sinh" is a clerk's slip, a birth: it is read in a row that writes as many
# dates and years (_LONE_YEAR) as the heading row names columns of them, each in its place (a row without its
# year would put the next column's date there).
_YEAR_WORDS = re.compile(rf"(?<!\w)n[ăa]m\s+sinh(?!\w){_NOT_AN_ACTIVITY}", re.IGNORECASE)
# A date a row introduces by a word may be a note's, in no column of dates ("Chuyển đến từ 05/9/2024", "QĐ
# 12/QĐ-UBND ngày 12/3/2025"): it is left out of the row's dates and years where the row writes more of them
# than the heading row names, or where the word follows a note's word (in lower case, or with a digit:
# _NOTE_WORD_BEFORE); after a name's word it may be the year's place ("Lê Văn An ngày 12/3/2015", the given
# name "Lê Thị Ngày 12/3/1985"). The word in lower case (a name's word has its capital: "Lò Văn Tư"), or "Ngày".
_DATE_INTRODUCED = re.compile(rf"(?:(?<!\w)(?:{_spelt(('ngày', 'từ', 'đến', 'tới', 'vào', 'lúc', 'hạn'))})|Ngày|NGÀY)"
                              r"[^\S\n]*:?[^\S\n]*\Z")
_NOTE_WORD_BEFORE = re.compile(r"(\S+)[^\S\n]+\Z")
_LONE_YEAR = re.compile(r"(?<![\w/.\-])(?:19|20)\d\d(?![\w/.\-])")
# In a row of a table, a label of the date beside it: it starts with "Ngày" ("Ngày lập", "Ngày báo cáo"), or
# ends with a colon ("Cập nhật ngày:") or with ", ngày" ("Bình Dương, ngày"); not a value that only says
# "ngày" ("Cả ngày", "Nửa ngày": a child's schooling, in the column before "Ngày sinh").
_DATE_LABEL = re.compile(r"\s*ng[àa]y(?!\w).*|.*(?:(?<!\w)ng[àa]y.*:|,\s*ng[àa]y)\s*", re.IGNORECASE | re.DOTALL)


IDENTITY_NUMBER = "số căn cước công dân hoặc chứng minh nhân dân"
IDENTITY_HINT = "số giấy tờ tùy thân là thông tin cá nhân, không công bố trên trang web: xóa nó"
BIRTH_DATE = "ngày sinh"
BIRTH_DATE_HINT = ("ngày sinh của một người là thông tin cá nhân (Nghị định 13/2023/NĐ-CP), không công bố trên trang "
                   "web (ghi năm sinh thì được): xóa nó")
PERSONAL_LABELS: dict[PersonalKind, str] = {"identity": IDENTITY_NUMBER, "birth": BIRTH_DATE}
PERSONAL_HINTS: dict[PersonalKind, str] = {"identity": IDENTITY_HINT, "birth": BIRTH_DATE_HINT}
PERSONAL_EXPECTED: dict[PersonalKind, str] = {"identity": "không ghi số giấy tờ tùy thân",
                                              "birth": "không ghi ngày sinh (năm sinh thì được)"}


@dataclass(frozen=True)
class PersonalValue:
    """A personal value written in a text: where, what kind, and the heading of the column it is
    written under ("" when written after its name)."""

    start: int
    end: int
    kind: PersonalKind
    heading: str = ""

    def said(self, text: str) -> str:
        """The value, written in `text`, as a message names it (personal_said)."""
        return personal_said(self.kind, text[self.start:self.end], self.heading)


def personal_said(kind: PersonalKind, value: str, heading: str = "", where: str = "") -> str:
    """A personal value as a message names it: "số căn cước … '001185012345'", where it stands in a
    file's table ("ô C5 của trang tính 'Danh sách'") and the heading of its column."""
    column = f"cột '{' '.join(heading.split())}'" if heading else ""
    place = f" ({', '.join(filter(None, (where, column)))})" if where or column else ""
    return f"{PERSONAL_LABELS[kind]} '{value}'{place}"


def find_identity_numbers(text: str) -> list[tuple[int, int]]:
    """Where `text` writes a citizen's identity number (CCCD, CMND) after its name, not an amount."""
    return [match.span("number") for match in _IDENTITY.finditer(text)
            if sum(c.isdigit() for c in match.group("number")) in _IDENTITY_DIGITS
            and not amount_at(text, *match.span("number"))  # "làm CCCD cho học sinh: 125.000.000 đồng"
            and (not _CODE_NAME.fullmatch(match.group("name")) or _card_shaped(match.group("number")))]


def _card_shaped(number: str) -> bool:
    """Whether a number is one as a card writes it (_CARD_NUMBER), its leading zeros maybe dropped
    (Excel keeps a number typed in a cell so): a province's code, the century and sex, 8 digits."""
    digits = "".join(c for c in number if c.isdigit())
    if not _CARD_DIGITS - 2 <= len(digits) <= _CARD_DIGITS:
        return False
    digits = digits.zfill(_CARD_DIGITS)
    return digits[:3] in _PROVINCE_CODES and digits[3] in "0123"


def find_birth_dates(text: str) -> list[tuple[int, int]]:
    """Where `text` writes a person's date of birth after its name ("sinh ngày 12/3/1985", "NS:
    12/03/1985") or after the year of birth ("sinh năm 1985, ngày 12/3/1985"), not a student's, a feast's
    or a death's date ("học sinh ngày 05/9/2024") nor history's (_HISTORY_BEFORE)."""
    found = [match.span("date") for match in _BIRTH.finditer(text) if _named_a_birth(text, match)]
    found += [match.span("date") for match in _YEAR_THEN_DAY.finditer(text) if _the_years_birthday(text, match)]
    return sorted(found)


def _named_a_birth(text: str, birth: re.Match[str]) -> bool:
    """Whether the date of `birth` (_BIRTH) is a living person's birth by the name before it: "sinh" born
    (_born), "NS" or "SN" no budget's (_of_a_budget), "NS" without its colon after a person's name
    (_NAME_BEFORE), "SN" no house's number (_a_houses_number)."""
    name = birth.group("name")
    if name.lower().startswith("sinh") and not _born(text, birth):
        return False
    if name in _ABBREVIATIONS and _of_a_budget(text, birth):
        return False
    if name == _HOUSE_NUMBER and _a_houses_number(text, birth):
        return False
    if (name == "NS" and not _COLON_AFTER.match(text, birth.end("name")) and _full_year(birth) >= _PORTAL_FROM
            and not _after_a_name(text, birth.start())):
        return False
    return _a_living_persons_day(text, birth)


def _a_houses_number(text: str, sn: re.Match[str]) -> bool:
    """Whether the date after "SN" (_BIRTH) is a house's number (số nhà): with parts of one or two digits
    ("SN 12/3/15"), or in an address (_ADDRESS_BEFORE, _STREET_AFTER: "SN 12/3/2015 đường Lê Lợi")."""
    at = sn.start()
    return (len(_year(sn)) != 4 or _ADDRESS_BEFORE.search(text, max(0, at - _LABEL_REACH), at) is not None
            or _STREET_AFTER.match(text, sn.end("date")) is not None)


def _the_years_birthday(text: str, birth: re.Match[str]) -> bool:
    """Whether the date of `birth` (_YEAR_THEN_DAY) is in the year of birth written before it, and "sinh" born."""
    return (int(birth.group("stated")) == _full_year(birth) and _born(text, birth)
            and _a_living_persons_day(text, birth))


def _a_living_persons_day(text: str, birth: re.Match[str]) -> bool:
    """Whether the date of `birth` may be a living person's (_of_a_living_person), no enrolment's bound
    (_RANGE_AFTER)."""
    return _of_a_living_person(birth) and not _RANGE_AFTER.match(text, birth.end())


def _after_a_name(text: str, at: int) -> bool:
    """Whether the words before `at` are a person's name, each with its capital, no school's, office's or
    budget's (_NAME_BEFORE, _NO_PERSONS_FIRST_WORDS)."""
    before = _NAME_BEFORE.search(text, max(0, at - _NAME_BEFORE_REACH), at)
    if before is None:
        return False
    words = before.group("name").split()
    return all(word.istitle() for word in words) and fold(words[0]).lower() not in _NO_PERSONS_FIRST_WORDS


def _born(text: str, birth: re.Match[str]) -> bool:
    """Whether the "sinh" of `birth` (_BIRTH) is a birth: not the subject (Sinh học) in a group's name
    (_names_the_subject) or after a word that names it so (_SUBJECT_BEFORE), unless its date is a birth
    however named (_a_birth_however_named); nor after a word that makes it none (_NO_BIRTH_BEFORE); a word
    that is also a given name is one where it is written as a name (_written_as_a_name: "Ông Nam sinh ngày
    …", not "Phát sinh ngày 05/9: …") or ends a name after a person's label (_named_after_a_label: "Cháu Lò Văn
    Sơ Sinh Ngày …"); of those in _NO_BIRTH_BEFORE_IN_CAPITALS, before "SINH" or "Sinh" otherwise only when its
    date is a birth however named ("THÔNG BÁO TUYỂN SINH NGÀY 15/7/2025" is none)."""
    at = birth.start()
    before = _WORD_BEFORE.search(text, max(0, at - 20), at)
    word = before.group(1) if before is not None else ""
    if (_names_the_subject(text, at) or word.lower() in _SUBJECT_BEFORE) and not _a_birth_however_named(text, birth):
        return False
    if before is None:
        return True
    if word.lower() in _NO_BIRTH_BEFORE:
        return False
    if word.lower() not in _NO_BIRTH_BEFORE_IN_LOWER_CASE:
        return True
    if word[:1].isupper() and _named_after_a_label(text, before.start()):
        return True
    if (text[at].isupper() and word.lower() in _NO_BIRTH_BEFORE_IN_CAPITALS
            and not _a_birth_however_named(text, birth)):
        return False
    return _written_as_a_name(text, before.start(), word)


def _names_the_subject(text: str, at: int) -> bool:
    """Whether the "sinh" at `at` is the subject (Sinh học) at the end of a group of subjects' names
    (_SUBJECTS_BEFORE), by where the group stands and how "sinh" is written (_GROUP_HEADING)."""
    subjects = _SUBJECTS_BEFORE.search(text, max(0, at - _SUBJECTS_REACH), at)
    if subjects is None:
        return False
    first = subjects.start("names")
    if _NAME_LABEL.search(text, max(0, first - _LABEL_REACH), first):
        return False
    line = _line_start(text, first)
    if _LIST_ITEM_START.fullmatch(text, line, first) and (
            _ONE_SUBJECT_AND_A_COMMA.fullmatch(subjects.group("names")) or _typed_bare_as_a_name(text, subjects)):
        return False
    after_a_comma = _COMMA_BEFORE.search(text, max(0, at - 20), at) is not None
    if _GROUP_HEADING.fullmatch(text, line, first):
        return text[at].isupper() or not after_a_comma
    if text[at].islower():
        return False
    return not after_a_comma or _SUBJECT_AFTER_A_COMMA.match(text, at) is not None


def _typed_bare_as_a_name(text: str, subjects: re.Match[str]) -> bool:
    """Whether `subjects` (_SUBJECTS_BEFORE) is one subject's name written without the marks it has ("Hoa",
    "Ly": _SUBJECTS_TYPED_BARE) in a line written with marks near it ("Hoa – Sinh ngày 12/3/2019"): a name,
    where the subject would have its marks too ("Hóa"); in a line typed without any it is the subject."""
    one = _ONE_SUBJECT.fullmatch(subjects.group("names"))
    if one is None or " ".join(one.group("name").lower().split()) not in _SUBJECTS_TYPED_BARE:
        return False
    first = subjects.start("names")
    end = text.find("\n", first, first + 2 * _SUBJECTS_REACH)
    near = text[first:end if end >= 0 else first + 2 * _SUBJECTS_REACH]
    return any(c.isalpha() and not c.isascii() for c in near)


def _named_after_a_label(text: str, at: int) -> bool:
    """Whether the word at `at` ends a name after a label that introduces a person (_LABELLED_NAME: "Cháu Lò
    Văn Sơ Sinh Ngày …", "Trẻ: Sơ Sinh Ngày …"), whatever the word is."""
    return _LABELLED_NAME.search(text, max(0, at - _LABELLED_NAME_REACH), at) is not None


def _line_start(text: str, at: int) -> int:
    """Where the line that holds `at` starts."""
    return text.rfind("\n", 0, at) + 1


def _written_as_a_name(text: str, at: int, word: str) -> bool:
    """Whether a word that is also a given name, written at `at`, is one there: with its capital after
    another word, not in lower case nor starting a sentence."""
    return word[:1].isupper() and _WORD_BEFORE.search(text, max(0, at - 20), at) is not None


def _of_a_budget(text: str, ns: re.Match[str]) -> bool:
    """Whether the "NS" of `ns` (_BIRTH; "SN" too, sự nghiệp) is a budget's source by the words before it
    (_BUDGET_BEFORE) and its date no birth however named (_a_birth_however_named). "Chi" with its capital is the
    spending only where it starts its line ("Chi NS: …"); after a word, a list's number or mark, a label
    ("Nguyễn Thị Chi NS:", "1. Chi NS:", "- Chi NS:", "Trẻ: Chi NS:") it is a given name. "tại" after a
    budget's date names where the money is kept (_AT_A_TREASURY), no place of birth, unless a province follows."""
    at = ns.start()
    budget = _BUDGET_BEFORE.search(text, max(0, at - 30), at)
    if budget is None or _a_birth_however_named(text, ns) and (
            _full_year(ns) < _PORTAL_FROM or not _AT_A_TREASURY.match(text, ns.end("date"))):
        return False
    spent = budget.group("spent")
    start = budget.start("spent")
    return not spent or spent.islower() or not text[_line_start(text, start):start].strip()


def _a_birth_however_named(text: str, birth: re.Match[str]) -> bool:
    """Whether the date of `birth` (_BIRTH) is a person's birth whatever the words before its name say:
    dated before this portal's data (_PORTAL_FROM) or followed by a place of birth (_BIRTHPLACE_AFTER)."""
    return _full_year(birth) < _PORTAL_FROM or _BIRTHPLACE_AFTER.match(text, birth.end("date")) is not None


def _full_year(date: re.Match[str]) -> int:
    """A written date's year, one of two digits read as Excel reads it (_TWO_DIGIT_CENTURY_FROM)."""
    year = int(_year(date))
    if len(_year(date)) > 2:
        return year
    return year + (1900 if year >= _TWO_DIGIT_CENTURY_FROM else 2000)


def _of_a_living_person(date: re.Match[str]) -> bool:
    """Whether a written date (_WRITTEN_DATE) may be a living person's birth: from _HISTORY_BEFORE
    on; a year of two digits ("12/3/85") may be any."""
    year = _year(date)
    return len(year) == 2 or int(year) >= _HISTORY_BEFORE


def _year(date: re.Match[str]) -> str:
    """A written date's year as written (_WRITTEN_DATE)."""
    return date.group("year") or date.group("long_year") or date.group("iso_year")


def find_personal_values(text: str) -> list[PersonalValue]:
    """Every personal value `text` writes: an identity number or a date of birth after its name,
    or in a table of the text under its column's heading (a Markdown, tab or CSV table, a column
    or a list read from a PDF: _text_table_values); each place once, in order. A text written
    decomposed is read composed (page_text.composed_text), each value where it is written."""
    if not _HAS_DIGIT.search(text):
        return []
    if unicodedata.is_normalized("NFC", text):
        return _personal_values_in_composed(text)
    read = composed_text(text)
    return [replace(value, start=start, end=end) for value in _personal_values_in_composed(read.text)
            for start, end in [read.written(value.start, value.end)]]


def _personal_values_in_composed(text: str) -> list[PersonalValue]:
    """find_personal_values of a text in NFC (the words looked for are written so)."""
    found = [*(PersonalValue(start, end, "identity") for start, end in find_identity_numbers(text)),
             *(PersonalValue(start, end, "birth") for start, end in find_birth_dates(text))]
    if "\n" in text:
        found += _text_table_values(text)
    kept: list[PersonalValue] = []
    for value in sorted(found, key=lambda v: (v.start, -v.end)):
        if not kept or value.start >= kept[-1].end:
            kept.append(value)
    return kept


def personal_values_in_table(rows: Sequence[Sequence[TableCell]]) -> Iterator[tuple[int, int, PersonalKind, str, str]]:
    """(row, cell, kind, heading, value as a clerk sees it) of each cell of a table holding a personal
    value of the kind its heading names: in the rows below the heading cell, in the columns it covers
    (to the end of the table; a cell that covers one of them too: a merged cell, a Calc cell repeated
    over two columns that hold the same number), or right beside it in its own row ("| Số CCCD |
    001185012345 |").

    A date right after a label of its own in its row ("| Ngày lập: | 12/3/2025 |", a footer under the
    list) is that label's, as a value right after a heading is the heading's: the nearest name of a
    value says what it is, and a column's heading above is farther. Under "SN" in an address a sheet's
    date cell is a house's number (_heads_house_numbers). A cell written decomposed (NFD) is read, and its value
    told, composed."""
    # Each heading once, the nearest last: a heading repeated (a list's header over each of its
    # pages, or on every row) moves down, so that the headings a cell is compared with are as
    # many as the table's different ones, not its rows.
    headings: dict[tuple[range, PersonalKind, str, bool], None] = {}  # columns, kind, words, of houses' numbers
    addresses: list[range] = []  # the columns under an address's heading in the row above (_HOUSE_NUMBER)
    for r, written_row in enumerate(rows):
        row = [cell if unicodedata.is_normalized("NFC", cell.text)
               else replace(cell, text=composed_text(cell.text).text) for cell in written_row]  # marks bounded
        beside: tuple[PersonalKind, str] | None = None
        below = list(headings)  # a heading heads the rows below it, not its own
        for c, cell in enumerate(row):
            kind = None if cell.number else _heading_kind(cell.text)
            if kind is not None:
                heading = " ".join(cell.text.split())
                key = (range(cell.column, cell.column + cell.span), kind, heading,
                       _heads_house_numbers(row, c, addresses))
                headings.pop(key, None)
                headings[key] = None
                beside = (kind, heading) if not _abbreviated(heading) else None
                continue
            under = [(kind, heading, houses) for columns, kind, heading, houses in below
                     if columns.start < cell.column + cell.span and cell.column < columns.stop]
            if c and any(kind == "birth" for kind, _, _ in under) and _labels_a_date(row[c - 1]):
                under = [(kind, heading, houses) for kind, heading, houses in under if kind != "birth"]
            for kind, heading, houses in ([(*beside, False)] if beside else []) + under[::-1]:  # the nearest first
                if houses and cell.date is not None:
                    break  # a house's number "12/3/15" Excel turned into a date
                if (shown := _personal_cell(cell, kind, heading)) is not None:
                    yield r, c, kind, heading, shown
                    break
            beside = None
        addresses = [range(cell.column, cell.column + cell.span) for cell in row if _heads_an_address(cell)]


def _heads_house_numbers(row: Sequence[TableCell], c: int, addresses: Iterable[range]) -> bool:
    """Whether row[c] is the heading "SN" of houses' numbers (_HOUSE_NUMBER): right under an address's heading
    (`addresses`, the columns of those in the row above: _heads_an_address), right before a street's heading
    in its row, or with an address's note in brackets."""
    cell = row[c]
    if _heading_text(cell.text) != _HOUSE_NUMBER:
        return False
    columns = range(cell.column, cell.column + cell.span)
    if any(address.start < columns.stop and columns.start < address.stop for address in addresses):
        return True
    if _noted_as_an_address(cell.text):
        return True
    return c + 1 < len(row) and row[c + 1].column == columns.stop and _names_a_place(row[c + 1], _STREET_HEADING)


def _noted_as_an_address(heading: str) -> bool:
    """Whether a heading carries an address's note in brackets ("SN (số nhà)")."""
    return any(_ADDRESS_ONLY.fullmatch(_heading_text(note.strip("()[]"))) for note in _BRACKETED.findall(heading))


def _abbreviated(heading: str) -> bool:
    """Whether a heading is one that also names a budget or a house's number (_ABBREVIATIONS: "NS", "SN",
    "SN (số nhà)"): it heads only dates with a year of four digits, or a sheet's date cells."""
    return heading in _ABBREVIATIONS or _heading_text(heading) == _HOUSE_NUMBER and _noted_as_an_address(heading)


def _heads_an_address(cell: TableCell) -> bool:
    """Whether a cell is an address's heading and no more (_ADDRESS_ONLY: "Địa chỉ", "Địa chỉ thường trú"),
    not a sentence ("Địa chỉ: xã Tân An…", a letterhead) nor a heading of more ("Địa chỉ liên hệ" over
    "SN | Điện thoại | Email", "Địa chỉ, thông tin cá nhân")."""
    return not cell.number and _ADDRESS_ONLY.fullmatch(_heading_text(cell.text)) is not None


def _names_a_place(cell: TableCell, words: re.Pattern[str]) -> bool:
    """Whether a cell is a heading that starts with one of `words` (_ADDRESS_HEADING, _STREET_HEADING)."""
    return not cell.number and len(cell.text) <= _HEADING_MAX and words.match(cell.text) is not None


def _labels_a_date(cell: TableCell) -> bool:
    """Whether a cell is a label naming a date (_DATE_LABEL: "Ngày lập:"), no value."""
    return (not cell.number and cell.date is None and len(cell.text) <= _HEADING_MAX
            and not _HAS_DIGIT.search(cell.text) and _DATE_LABEL.fullmatch(cell.text) is not None)


def _heading_kind(text: str) -> PersonalKind | None:
    """The kind of personal value a table's heading cell names, or None for any other cell."""
    text = _heading_text(text)
    if not text or len(text) > _HEADING_MAX or _HAS_DIGIT.search(text):
        return None
    if _IDENTITY_HEADING.fullmatch(text) and _IDENTITY_WORDS.search(text):
        return "identity"
    return "birth" if _BIRTH_HEADING.fullmatch(text) else None


def _heading_text(text: str) -> str:
    """A heading cell's words, without a note in brackets ("Ngày sinh (dd/mm/yyyy)") nor its colon."""
    return " ".join(_BRACKETED.sub(" ", text).split()).rstrip(":").strip()


def _personal_cell(cell: TableCell, kind: PersonalKind, heading: str) -> str | None:
    """A cell's value as a clerk sees it when it is a personal value of `kind` under `heading` (its
    text, or the number that starts it), else None: an identity number of 9 to 12 digits (under "Mã
    định danh", a card's: _CODE_NAME); a full date of birth (a year alone passes): a date cell's date,
    a sheet's number in General format by its serial (not under _ABBREVIATIONS), a date written, or
    shown so by a number's format (TableCell.shown: 12031985 shown "12/03/1985"); under a heading of days
    also after "Ngày" (_DAY_WORD) or with a note after it (_DATE_NOTE: the date alone is the value)."""
    text = (cell.shown or cell.text).strip()
    if kind == "identity":
        written = _identity_in_cell(cell)
        card_only = all(_CODE_NAME.fullmatch(name) for name in _IDENTITY_WORDS.findall(heading))
        return written if written is not None and (not card_only or _card_shaped(written)) else None
    if cell.date is not None:
        return cell.date.strftime("%d/%m/%Y") if cell.date.year >= _HISTORY_BEFORE else None
    abbreviated = _abbreviated(heading)
    if cell.number and not cell.shown:
        number = _sheet_number(text)
        if (cell.formatted or number is None or abbreviated
                or number + (cell.epoch - SHEET_EPOCH).days not in _SERIALS):  # a serial counted from 30/12/1899
            return None
        return (cell.epoch + datetime.timedelta(days=number)).strftime("%d/%m/%Y")
    of_days = not _YEAR_HEADING.match(_heading_text(heading))
    day_word = _DAY_WORD.match(text) if of_days else None
    start = day_word.end() if day_word else 0
    match = _DATE_CELL.fullmatch(text, start)
    if match is None and of_days and (first := _DATE_CELL.match(text, start)) and _DATE_NOTE.match(text, first.end()):
        match = first
    if match is None or abbreviated and len(_year(match)) != 4:
        return None
    return text[:match.end()] if _of_a_living_person(match) else None


def _identity_in_cell(cell: TableCell) -> str | None:
    """The number of 9 to 12 digits a cell holds: a sheet's number, the cell's text, or the first part
    of its text (_CELL_PART_END); else None."""
    text = cell.text.strip()
    if cell.number:
        number = _sheet_number(text)
        return str(number) if number is not None and 9 <= len(str(number)) <= 12 else None
    first = _CELL_PART_END.split(text, maxsplit=1)[0]
    return first if _IDENTITY_CELL.fullmatch(first) else None


def _sheet_number(text: str) -> int | None:
    """A sheet's number as a whole number ("1185012345", "1.185012345E+11", "31118.0"), or None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and 0 < number < 10 ** 13 else None


def _text_table_values(text: str) -> Iterator[PersonalValue]:
    """The personal values of a text's tables under their headings: of each run of lines that share a
    delimiter (_delimited_values), cell by cell; a heading alone on its line with its values alone on
    the lines below (a column a PDF's page text gives); a list's rows read as lines (_listed_values)."""
    lines: list[tuple[int, str]] = []  # each line, with where it starts
    at = 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    for delimiter in _DELIMITERS:
        block: list[tuple[int, str]] = []
        for start, line in [*lines, (len(text), "")]:
            if delimiter in line:
                block.append((start, line))
                continue
            if len(block) > 1:
                yield from _delimited_values(block, delimiter)
            block = []
    yield from _column_values(lines)
    yield from _listed_values(lines)


def _delimited_values(block: list[tuple[int, str]], delimiter: str) -> Iterator[PersonalValue]:
    """The personal values of one table written a row a line (`block`: each line with where it
    starts), its cells split by `delimiter`, a CSV's quotes around a cell left out ('"Ngày sinh"').
    A comma or a semicolon also joins the parts of a sentence: a table by them has as many cells in
    every line."""
    rows: list[list[tuple[int, str]]] = []  # each cell: where it starts in the text, its text
    for start, line in block:
        if delimiter == "|" and _RULE_ROW.fullmatch(line):
            continue
        cells, at = [], start
        for part in line.split(delimiter):
            cells.append((at, part))
            at += len(part) + len(delimiter)
        if delimiter == "|":  # a Markdown row's outer bars hold no cell
            cells = cells[1 if line.lstrip().startswith("|") else 0:-1 if line.rstrip().endswith("|") else None]
        rows.append([_unquoted(at, part) for at, part in cells])
    if delimiter in ",;" and len({len(row) for row in rows}) > 1:
        return
    written = [[(at, part) for at, part in row if part.strip()] for row in rows]
    table = [[TableCell(part, column) for column, (_, part) in enumerate(row) if part.strip()] for row in rows]
    for r, c, kind, heading, shown in personal_values_in_table(table):
        yield _cell_value(*written[r][c], shown, kind, heading)


def _unquoted(at: int, part: str) -> tuple[int, str]:
    """A CSV cell (its text, starting at `at`) without the quotes around it."""
    inner = part.strip()
    if len(inner) < 2 or inner[0] != '"' or inner[-1] != '"':
        return at, part
    return at + part.index('"') + 1, inner[1:-1]


def _cell_value(at: int, text: str, shown: str, kind: PersonalKind, heading: str) -> PersonalValue:
    """Where a cell's value `shown` stands in its text (starting at `at`), without an Excel apostrophe."""
    start = at + text.index(shown)
    return PersonalValue(start + shown.startswith("'"), start + len(shown), kind, heading)


def _column_values(lines: list[tuple[int, str]]) -> Iterator[PersonalValue]:
    """A heading alone on its line, and on the lines right below it its values, each alone on its
    line (blank lines between), as a PDF's page text gives a table's column ("Số CCCD\\n001185012345\\n
    001190054321\\nSố tài khoản\\n…"): the column ends at the first line that is no value of it."""
    heading: tuple[PersonalKind, str] | None = None
    for at, line in lines:
        kind = _heading_kind(line)
        if kind is not None:
            heading = (kind, " ".join(line.split()))
            continue
        if heading is None or not line.strip():
            continue
        if (shown := _personal_cell(TableCell(line, 0), *heading)) is not None:
            yield _cell_value(at, line, shown, *heading)
        elif not (heading[0] == "birth" and re.fullmatch(r"\s*(?:19|20)\d\d\s*", line)):  # a year goes on
            heading = None


def _listed_values(lines: list[tuple[int, str]]) -> Iterator[PersonalValue]:
    """A list's rows read as lines of text, its cells run together (a PDF's table, its cells close).

    An identity number is one as the card writes it (_CARD_NUMBER: told from an account's) anywhere in
    a text with a line that names such numbers among other headings (a PDF's page text gives a table's
    heading and rows in any order). A date of birth is read in each numbered row ("1 Lê Văn An
    12/03/1985 05/09/2010 …") right under a heading row that starts with "STT" ("STT Họ và tên Ngày
    sinh Ngày vào ngành": no digit in it): the row's date in the place of its heading among the
    heading row's dates (here the first), up to the first line that is no such row; under "Năm sinh",
    a whole date in its place among the dates and years, those a note's word introduces left out
    (_YEAR_WORDS, _DATE_INTRODUCED)."""
    named = next((m.group() for _, line in lines if len(line) <= _HEADING_ROW_MAX and not _HAS_DIGIT.search(line)
                  and (m := _IDENTITY_WORDS.search(line))), None)
    birth: _ListedBirth | None = None
    for at, line in lines:
        if named is not None:
            yield from (PersonalValue(at + m.start(), at + m.end(), "identity", named)
                        for m in _CARD_NUMBER.finditer(line) if m.group()[:3] in _PROVINCE_CODES)
        if _HEADING_ROW.match(line) and not _HAS_DIGIT.search(line):
            birth = _ListedBirth.of(line)
        elif birth is not None and _NUMBERED_ROW.match(line):
            if (date := birth.date_in(line)) is not None and _of_a_living_person(date):
                yield PersonalValue(at + date.start(), at + date.end(), "birth", birth.words)
        else:
            birth = None


@dataclass(frozen=True)
class _ListedBirth:
    """The column of dates of birth a list's heading row read as a line names (_listed_values): its words,
    its place among the row's dates; under "Năm sinh", among the row's dates and years, which must be
    `years_too` (the columns of dates and years the heading row names), 0 for a column of dates."""

    words: str
    place: int
    years_too: int = 0

    @classmethod
    def of(cls, heading_row: str) -> _ListedBirth | None:
        """The column a heading row names, or None."""
        if words := _BIRTH_WORDS.search(heading_row):
            return cls(words.group(), len(_DATE_WORDS.findall(heading_row, 0, words.start())))
        if words := _YEAR_WORDS.search(heading_row):
            return cls(words.group(), len(_DATE_WORDS.findall(heading_row, 0, words.start())),
                       len(_DATE_WORDS.findall(heading_row)) + 1)
        return None

    def date_in(self, row: str) -> re.Match[str] | None:
        """The date a numbered row writes in the column's place, or None."""
        dates = list(_DATE_CELL.finditer(row))
        if not self.years_too:
            return dates[self.place] if self.place < len(dates) else None
        introduced = [_DATE_INTRODUCED.search(row, max(0, date.start() - 20), date.start()) for date in dates]
        written = self._dates_and_years(row, dates)
        if len(written) > self.years_too:
            kept = [date for date, word in zip(dates, introduced, strict=True) if word is None]
            written = self._dates_and_years(row, kept)
        elif any(introduced):
            kept = [date for date, word in zip(dates, introduced, strict=True)
                    if word is None or not _after_a_notes_word(row, word.start())]
            written = self._dates_and_years(row, kept)
        return written[self.place] if len(written) == self.years_too else None

    @staticmethod
    def _dates_and_years(row: str, dates: list[re.Match[str]]) -> list[re.Match[str] | None]:
        """Each of `dates` and each year alone (_LONE_YEAR) a row writes, in order: a date, or None for a year."""
        written: list[re.Match[str] | None] = []
        following = iter(dates)
        date = next(following, None)
        for year in _LONE_YEAR.finditer(row):  # both in order: each date passed once
            while date is not None and date.end() <= year.start():
                written.append(date)
                date = next(following, None)
            if date is None or year.start() < date.start():
                written.append(None)  # a year, not the one a date "12 tháng 3 năm 1985" writes
        written += [date, *following] if date is not None else []
        return written


def _after_a_notes_word(row: str, at: int) -> bool:
    """Whether the word written before `at` in a row is a note's (_NOTE_WORD_BEFORE): in lower case or with a
    digit ("Chuyển đến từ", "12/QĐ-UBND ngày"), no name's."""
    before = _NOTE_WORD_BEFORE.search(row, max(0, at - 30), at)
    return before is not None and (before.group(1)[:1].islower() or _HAS_DIGIT.search(before.group(1)) is not None)
