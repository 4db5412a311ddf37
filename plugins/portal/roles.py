"""Roles from the text of a list: the Ghi chú or Vai trò cell, and the default role.

The importer reads a list's cells with it; the exports ask it whether a printed remark says its
row's role already (exports.roster_rows). Core: no importer module, nothing heavy to import."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from . import vocab, wording
from .text import fold as _fold

# portal.text.fold, remembered: a list repeats its roles and remarks.
fold = lru_cache(maxsize=1 << 16)(_fold)

_DEPUTY = "pho"  # the first word of a deputy's role, folded ("Phó", "P.")
# Spellings of the role labels of vocab.ROLES seen in lists, a text may start with
# ("Trưởng nhóm Toán"); the other word orders (_word_orders) are read whole only.
_EXTRA_ROLE_WORDS = {"truong nhom": "nhom-truong", "pho to truong": "to-pho", "thu ki": "thu-ky",
                     "pho truong nhom": "pho-nhom-truong", "truong cum": "cum-truong", "cum pho": "pho-cum-truong",
                     "to truong to": "to-truong", "uy vien thu ky": "thu-ky", "nhom pho": "pho-nhom-truong"}
# Words that make a remark look like a role: the leader or deputy of a unit like the
# bodies of a list ("Trưởng ban", "Phó ban"), a secretary, a member. Such a remark that
# names no known role is reported, not kept silently as a note; the head of anything else
# ("Phó trưởng thôn", "Phó Bí thư chi bộ", a school's "Khối trưởng") is a note.
_UNITS = r"(?:ban|nhom|to|cum)"
_ROLE_WORDS = re.compile(rf"^(?:(?:pho )?(?:truong {_UNITS}|{_UNITS} (?:truong|pho))|pho {_UNITS}"
                         r"|thu k[yi]|uy vien|thanh vien|(?:pho )?chu tich)(?![a-z])")
# Posts at the school, which start like a role of a body of the list but are none: the
# school's head or deputy ("Phó Hiệu trưởng"), and a head, secretary or member (_HEADS) of
# something other than a body of the list (_ELSEWHERE): a council of the school ("Thư ký
# Hội đồng trường", "Thư ký HĐSP", "Ủy viên HĐT"), its union ("Chủ tịch Công đoàn", "Tổ
# trưởng công đoàn", "Ủy viên BCH Công đoàn", "Trưởng ban nữ công"), a department ("Tổ
# trưởng chuyên môn", "Tổ phó CM", "Nhóm trưởng CM", "Tổ trưởng tổ KHTN", a primary
# school's "Tổ trưởng tổ 1", "Tổ trưởng khối 5", "Tổ trưởng văn phòng"), an emulation
# cluster ("Thư ký cụm thi đua"). A plain "Thư ký", "Nhóm trưởng nhóm Toán" or anything of
# a "tổ cốt cán" ("tổ CC") or "tổ mạng lưới" is the body's role; another council's officer
# is read apart (_COUNCIL_OFFICER).
_HEADS = (r"(?:pho )?(?:chu tich|thu k[yi]|uy vien|thanh vien|(?:to|nhom|cum|ban) (?:truong|pho)"
          r"|truong (?:to|nhom|cum|ban))")
_ELSEWHERE = (r"(?:hoi dong|hd) ?(?:truong|nha truong|nt|su pham|sp|t)"
              r"|cong doan|cd|cdcs|bch|ban chap hanh|nu cong|thanh tra|ttnd|doan|chi doan|chi bo"
              r"|chuyen mon|cm|van phong|vp|khoi|to (?!cc(?![a-z]))[a-z0-9]+|cum (?:thi dua|td)")
_SCHOOL_POST = re.compile(rf"^(?!.*(?:cot can|mang luoi))(?:(?:pho )?hieu truong|{_HEADS} (?:{_ELSEWHERE}))(?![a-z])")
# An officer of a council other than the school's ("Thư ký Hội đồng", "Chủ tịch HĐ chấm
# thi", "Phó Chủ tịch HĐKH", "Ủy viên Hội đồng bộ môn Toán"): a role in the list of that
# council, a body of kind hoi-dong, only; a post held elsewhere in any other list, and in a
# council's list when the words after "Hội đồng" name another council than the list's
# (council_role, same_council, rows._another_council): another subject, another kind of
# council (_COUNCIL_KINDS, read on both sides), a council the list's name does not say
# ("HĐ Đội", "HĐQT"), the people's council (HĐND) always.
_COUNCIL_OFFICER = re.compile(rf"^{_HEADS} (?:hoi dong|hd)(?: ?(?P<council>[a-z0-9].*))?$")
# Kinds of council a text may name, as a council's name writes them, and their
# abbreviations ("HĐKH", "HĐ TĐKT"), folded, longest first.
_COUNCIL_KINDS: dict[str, str] = {
    "thi dua khen thuong": "thi dua", "tdkt": "thi dua", "thi dua": "thi dua", "td": "thi dua",
    "khen thuong": "khen thuong", "cham thi": "cham thi", "coi thi": "coi thi", "ra de": "ra de", "thi": "thi",
    "khoa hoc": "khoa hoc", "kh": "khoa hoc", "tu danh gia": "tu danh gia", "tdg": "tu danh gia",
    "tuyen sinh": "tuyen sinh", "ts": "tuyen sinh", "kiem tra": "kiem tra", "kt": "kiem tra",
    "ky luat": "ky luat", "kl": "ky luat", "tham dinh": "tham dinh", "kiem dinh": "kiem dinh"}
# Words that may follow a council's kind or name and name no other council: its level,
# place or year ("Hội đồng khoa học cấp huyện", "HĐ TĐKT ngành giáo dục năm học 2024").
# Other words after them may ("Hội đồng khoa học tự nhiên", "bộ môn Toán - Tin": a subject).
_QUALIFIERS = (r"(?:cap|huyen|tinh|thanh pho|quan|thi xa|thi tran|xa|phuong|nganh|giao duc|truong|thcs|thpt|th"
               r"|nam|nam hoc|[0-9]+)")
_QUALIFIED_END = rf"(?= |$)(?: {_QUALIFIERS}(?![a-z0-9]))*$"
_COUNCIL_KIND = re.compile(rf"^(?P<kind>{'|'.join(sorted(_COUNCIL_KINDS, key=len, reverse=True))}){_QUALIFIED_END}")
_PEOPLES_COUNCIL = re.compile(r"^(?:nd|nhan dan)(?![a-z])")  # Hội đồng nhân dân: never a list's council
# "Hội đồng bộ môn Văn", "HĐBM Văn", "HĐ BM Văn": of a subject.
_SUBJECT_COUNCIL = re.compile(r"^(?:bo mon|bm|mon) (?=[a-z])")
COUNCIL_KIND = "hoi-dong"  # the kind of body whose list names its officers after it
# An abbreviation of a role as lists write it: two to four letters, dots or spaces between
# them ("NT", "P.NT", "P. N. T.", "TK."); in capitals (abbreviated_roles).
_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.?\s?){2,4}")
_DEPUTY_WORD = re.compile(r"^phó\s+(?=\w)", re.IGNORECASE)  # "Phó CT": the P of "PCT" written out
# Where a plain member of a body is a "thành viên" rather than an "ủy viên".
_MEMBER_ROLE = {"cum-chuyen-mon": "thanh-vien", "nhom-lien-truong": "thanh-vien"}
# A plain member's roles: beside another role in one note ("Ủy viên, thư ký"), they give way.
ORDINARY_ROLES = frozenset({"uy-vien", *_MEMBER_ROLE.values()})


def _word_orders() -> dict[str, str]:
    """The word orders of the leader and deputy of a body led by a "<unit> trưởng" (Tổ,
    Nhóm, Cụm): "Trưởng nhóm", "Phó trưởng nhóm", "Phó nhóm trưởng", "Nhóm phó", "Phó nhóm"."""
    words: dict[str, str] = {}
    for kind, leader in vocab.LEADER_ROLE.items():
        label = fold(wording.role_name(leader))
        unit = label.removesuffix(" truong")
        if unit == label:
            continue  # "Chủ tịch"
        deputy = vocab.DEPUTY_ROLE[kind]
        words |= {f"truong {unit}": leader, f"{_DEPUTY} truong {unit}": deputy,
                  f"{_DEPUTY} {unit} truong": deputy, f"{unit} {_DEPUTY}": deputy, f"{_DEPUTY} {unit}": deputy}
    return words


@cache
def _role_words() -> dict[str, str]:
    """The spellings a text may start with (the labels and the spellings seen in lists)."""
    return {fold(label): role for role, label in vocab.ROLES.items()} | _EXTRA_ROLE_WORDS


@cache
def _whole_words() -> dict[str, str]:
    """Spellings of a whole text only: a word order of a role ("Trưởng tổ") is read neither
    by its start nor loosely, since "Trưởng tổ chức", "Trưởng thôn" are no roles."""
    return _word_orders() | _role_words()


# A council's officer abbreviated before the council's name ("CT HĐKH", "Phó CT HĐKH", "P.CT
# Hội đồng", "PCT HĐ", "TK HĐ chấm thi"), in capitals, written out as _COUNCIL_OFFICER reads it.
_OFFICER_INITIALS = {"ct": "chu tich", "pct": "pho chu tich", "tk": "thu ky", "uv": "uy vien"}
_ABBREVIATED_OFFICER = re.compile(rf"^((?:{_DEPUTY} )?)({'|'.join(_OFFICER_INITIALS)}) (?=hoi dong|hd)")


def _key(text: str) -> str:
    key = re.sub(r"^p\s*\.\s*|^p\s+", "pho ", fold(text))
    # Punctuation separates words: 'Nhóm trưởng, ĐT …' and 'Thư ký; …' start with their role.
    key = " ".join(re.sub(r"[.,;:()]", " ", key).split())
    officer = _ABBREVIATED_OFFICER.match(key)
    if officer is None or not _in_capitals(text, officer.group(2)):  # "Ct HĐKH", as "Ct" alone, is none
        return key
    return officer.group(1) + _OFFICER_INITIALS[officer.group(2)] + " " + key[officer.end():]


def _in_capitals(text: str, initials: str) -> bool:
    """Whether the initials are written in capitals in the text, as an abbreviation is
    (abbreviated_roles): "CT HĐKH", "P.CT Hội đồng", not "Ct HĐKH", "tk hđ"."""
    return next((word for word in re.findall(r"[^\W\d_]+", text) if fold(word) == initials), "").isupper()


def role_match(text: str) -> tuple[str | None, bool]:
    """(role, read loosely) for a Ghi chú or Vai trò; (None, False) when it names no role.
    A text starting with "Phó" ("P.") is a deputy's role or none, never a leader's; the
    post at the school is none (_SCHOOL_POST)."""
    key = _key(text)
    if not key or _SCHOOL_POST.match(key) or _COUNCIL_OFFICER.match(key):
        return None, False
    role, loose = _match(key)
    if role is not None and key.startswith(_DEPUTY + " ") and role not in vocab.DEPUTY_ROLE.values():
        return None, False  # "Phó trưởng tổ" was the Tổ trưởng through a slip
    return role, loose


def _match(key: str) -> tuple[str | None, bool]:
    if key in _whole_words():
        return _whole_words()[key], False
    words = _role_words()
    for label in sorted(words, key=len, reverse=True):
        if key == label or key.startswith(label + " "):
            return words[label], False
    slipped = next((label for label in sorted(words) if _one_slip(key, label)), None)
    return (words[slipped], True) if slipped else (None, False)


def _one_slip(text: str, label: str) -> bool:
    """Whether a text is a label with one letter typed wrong, missing or extra in one word
    ("Phó Cục trưởng", "Nhóm trưởg"), but neither its first letter ("Khóm trưởng" is a
    hamlet's head) nor a letter of a short word ("Trưởng CM" is no "Trưởng cụm")."""
    pairs = [(a, b) for a, b in zip(text.split(), label.split(), strict=False) if a != b]
    if len(text.split()) != len(label.split()) or len(pairs) != 1:
        return False
    word, other = pairs[0]
    if word[0] != other[0] or (len(word) != len(other) and min(len(word), len(other)) < 4):
        return False
    if len(word) == len(other):
        return sum(a != b for a, b in zip(word, other, strict=True)) == 1
    shorter, longer = sorted((word, other), key=len)
    return len(longer) - len(shorter) == 1 and any(longer[:i] + longer[i + 1:] == shorter
                                                   for i in range(len(longer)))


# Initials that lists use for other things more than for a role: "TV" is Tiếng Việt or the
# thư viện. ("TT", "TP" are read, but only in a list of a body that has a Tổ trưởng, like
# every abbreviation: elsewhere they are a school's Tổ trưởng chuyên môn, a thị trấn, a
# thành phố.)
_OTHER_INITIALS = frozenset({"tv"})


@cache
def _initials() -> dict[str, tuple[str, ...]]:
    """The roles of each abbreviation: the initials of their labels, folded ("nt":
    Nhóm trưởng, "pnt": Phó Nhóm trưởng, "ct": Chủ tịch and Cụm trưởng), but _OTHER_INITIALS."""
    roles: dict[str, tuple[str, ...]] = {}
    for role, label in vocab.ROLES.items():
        initials = "".join(word[0] for word in fold(label).split())
        if initials not in _OTHER_INITIALS:
            roles[initials] = (*roles.get(initials, ()), role)
    return roles


def abbreviated_roles(text: str) -> tuple[str, ...]:
    """The roles an abbreviation written alone in capitals stands for: 'NT', 'P.NT',
    'P.N.T', 'PNT', 'TK.', 'UV', 'TT'; 'CT' is a Chủ tịch or a Cụm trưởng, which the body
    the row goes into tells apart, as it tells whether it has the role at all (rows.py);
    'Phó' written out before the initials is their P ('Phó CT', 'Phó NT'). () for any other
    text: 'nt' or 'Tt' in lower case are no abbreviations."""
    written = _DEPUTY_WORD.sub("P", text.strip())
    letters = re.sub(r"[.\s]", "", written)
    if not _ABBREVIATION.fullmatch(written) or not letters.isupper():
        return ()
    return _initials().get(fold(letters), ())


def role_label(text: str, abbreviated: bool = True) -> str | None:
    """The role a text is the label of, and nothing more, compared folded: '(nhóm
    trưởng)', 'Nhóm Trưởng', 'P.Nhóm trưởng', or of its abbreviation ('NT') unless not
    `abbreviated`. None for a text that only starts with one: 'Tổ trưởng tổ Toán', 'Thư ký
    Hội đồng trường' are posts at a school; None for an abbreviation of two roles ('CT')."""
    roles = abbreviated_roles(text) if abbreviated else ()
    return roles[0] if len(roles) == 1 else _whole_words().get(_key(text))


# "Trường" before a body's leader or deputy: a school leading an inter-school group or a
# cluster ("Trường nhóm trưởng", "Trường trưởng nhóm"); "đầu" the leading one ("Trường đầu cụm").
_SCHOOL = "trường"
_HEADING_UNIT = re.compile(r"^dau (?=\w)")


def leading_school_role(text: str) -> str | None:
    """The role a school's row is given as the school that leads a body or deputises
    ("Trường trưởng nhóm", "Trường nhóm trưởng", "Trường phó nhóm trưởng", "Trường cụm
    trưởng", "Trường đầu cụm"): a leader's or deputy's role of some kind of body, the
    body's own one where it has a leading school (vocab.school_role_fits_kind, rows.py);
    None for any other text ("Trưởng nhóm", "Trường THCS Hoa Sen")."""
    first, _, rest = " ".join(text.split()).partition(" ")
    if first.lower() != _SCHOOL or not rest:
        return None
    key = _HEADING_UNIT.sub("truong ", _key(rest))
    role = _whole_words().get(key)
    heads = {*vocab.LEADER_ROLE.values(), *vocab.DEPUTY_ROLE.values()}
    return role if role in heads and not (key.startswith(_DEPUTY) and role in vocab.LEADER_ROLE.values()) else None


def is_school_post(text: str) -> bool:
    """A post at the school (_SCHOOL_POST), or of a council (_COUNCIL_OFFICER), however
    written: no role of a list but a council's."""
    key = _key(text)
    return bool(_SCHOOL_POST.match(key) or _COUNCIL_OFFICER.match(key))


@dataclass(frozen=True)
class CouncilNamed:
    """What the text of a council's officer says of the council, after "Hội đồng" or "HĐ",
    folded: "bo mon van", "kh", "nd xa", "" (a plain "Thư ký Hội đồng")."""

    words: str
    subject: str  # the subject's words, after "bộ môn" or "môn": "van"; "" when none is said so
    kind: str  # a kind of council written out (_COUNCIL_KINDS): "khoa hoc" for "kh"; "" when none
    peoples: bool  # the People's Council (HĐND, Hội đồng nhân dân): never a list's council


def council_role(text: str) -> tuple[str, CouncilNamed] | None:
    """(role, the council named) of an officer of a council named after the role
    (_COUNCIL_OFFICER: "Thư ký Hội đồng bộ môn Văn" -> thu-ky of "bo mon van"), the body's
    role in the list of that council only (rows._another_council); None for any other text."""
    key = _key(text)
    officer = _COUNCIL_OFFICER.match(key)
    if officer is None or _SCHOOL_POST.match(key):
        return None
    role = _match(key)[0]
    if role is None:
        return None
    named = _COUNCIL_OFFICER.match(_key(_REMARK.sub("", text)))  # "Thư ký Hội đồng (kiêm ủy viên)"
    return role, _council_named(named.group("council") or "" if named else "")


_COUNCIL_WORD = re.compile(r"^(?:hoi dong|hd) ?")
_REMARK = re.compile(r"\s*\(.*$")  # a remark in parentheses after the council's name: none of its name


def council_of_list(name: str) -> CouncilNamed:
    """What a council's list's name says of it, read as an officer's text is: "Hội đồng
    TĐKT" -> kind "thi dua", "Hội đồng bộ môn Văn" -> subject "van"."""
    return _council_named(_COUNCIL_WORD.sub("", _key(name)))


def _council_named(words: str) -> CouncilNamed:
    words = " ".join(re.sub(r"[^a-z0-9]+", " ", words).split())  # "bo mon hoat dong trai nghiem huong nghiep"
    subject = _SUBJECT_COUNCIL.match(words)
    kind = _COUNCIL_KIND.match(words)
    return CouncilNamed(words, words[subject.end():] if subject else "",
                        _COUNCIL_KINDS[kind.group("kind")] if kind else "", bool(_PEOPLES_COUNCIL.match(words)))


def same_council(named: CouncilNamed, listed: CouncilNamed) -> bool:
    """Whether the council an officer's text names is recognisably the list's, both read
    alike (council_of_list): nothing named ("Thư ký Hội đồng"); the same subject by its
    words ("bộ môn Ngữ văn" and "bộ môn Văn"); the same kind however written ("HĐTĐKT",
    "Hội đồng thi đua khen thưởng"); the words of one in the other ("Hội đồng cấp huyện"),
    or the initials of the other's ("HĐCMNV"). The People's Council never; any other
    council (another kind, "HĐ Đội", "HĐQT", "HĐ lựa chọn SGK") is not."""
    if named.peoples or listed.peoples:
        return False
    if not named.words or not listed.words:
        return True
    if named.subject and listed.subject:
        return _within(named.subject, listed.subject)
    return bool(named.kind) and named.kind == listed.kind or _within(named.words, listed.words)


def _within(words: str, other: str) -> bool:
    """Whether either text's words are a run of the other's followed by no more words but
    of a level, place or year (_QUALIFIERS: "khoa hoc" is not within "khoa hoc tu nhien",
    nor "toan" within "toan tin"), or one word the initials of such a run."""
    return any(_run_in(a, b) or " " not in a and a in _initial_runs(b) for a, b in ((words, other), (other, words)))


def _run_in(words: str, other: str) -> bool:
    return bool(re.search(rf"(?:^| ){re.escape(words)}{_QUALIFIED_END}", other))


def _initial_runs(words: str) -> set[str]:
    """The initials of each run of two words or more: "chuyen mon nghiep vu" -> "cm", "cmn", "cmnv", "mn"..."""
    initials = [word[0] for word in words.split()]
    return {"".join(initials[i:j]) for i in range(len(initials)) for j in range(i + 2, len(initials) + 1)}


def fits_kind(role: str, body_kind: str | None) -> bool:
    """Whether a body of the kind has members in the role: its leader, its deputy, a
    secretary, a plain member. Any role when the kind is not known."""
    return body_kind is None or vocab.role_fits_kind(role, body_kind)


def looks_like_a_role(text: str) -> bool:
    """'Trưởng ban', 'Phó trưởng khối': words of a role, though none the data knows. A
    post at the school ('Thư ký Hội đồng trường') and a school leading a body ('Trường
    nhóm trưởng', of a person's row) are notes, not roles misspelt."""
    key = _key(text)
    return (bool(_ROLE_WORDS.search(key)) and not is_school_post(text) and leading_school_role(text) is None
            and len(text) <= 40)


def ordinary_role(body_kind: str | None, school: bool) -> str:
    """The role of a row with no role written: a school is a "thành viên"; a person an
    "ủy viên", except in a cluster or an inter-school group."""
    if school:
        return "thanh-vien"
    return _MEMBER_ROLE.get(body_kind or "", "uy-vien")


def role_from_note(note: str, default: str = "uy-vien") -> str:
    """The role a Ghi chú names: 'Nhóm trưởng' -> nhom-truong, 'P.Nhóm trưởng' ->
    pho-nhom-truong, a one-letter slip ('Phó Cục trưởng') -> pho-cum-truong; an empty or
    other remark leaves the default."""
    return role_match(note)[0] or default
