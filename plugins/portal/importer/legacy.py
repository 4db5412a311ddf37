"""Text typed in an old Vietnamese font encoding (VNI, TCVN3/ABC), as a Unicode program reads it.

Before Unicode, Vietnamese was typed with fonts that drew Vietnamese letters over the
codes of Western letters and signs: VNI (fonts VNI-Times, VNI-Helve...) and TCVN3, also
called ABC (fonts .VnTime, .VnArial...). A workbook or a Word file typed so still shows
Vietnamese in those fonts, but holds "Nguyeãn Thò Thanh Taâm" (VNI) or "Ph¹m ThÞ Thu
H­¬ng" (TCVN3): read as it is, a name became a new person, or got "có chữ số" (the ¹ of
"ạ"), and a header in TCVN3 was no header at all.

The rule comes from the two encodings' tables (below, in the order of `_VIETNAMESE`):
- a character either encoding uses that is no letter of Vietnamese (¹ Þ ¬ µ ï ö ñ û ...)
  inside a word with Latin letters, or
- a TCVN3 code that reads as a capital after a small letter ("TiÕn": ế), or one of VNI's
  marks after a consonant ("Hång": ồ), or
- a VNI mark after a vowel where Vietnamese never has that pair: "eã" (ễ), "aâ" (â), "oâ"
  (ô), "ôù" (ớ); not "oà", "oá", "oã", which Unicode writes too ("Hoà", "Khoá", "xoã").
Unicode Vietnamese holds none of these, so a real name is never taken for one; and a text
holding a letter neither table has (ă, đ, ơ, ư, ạ ...) is Unicode. A word tells only when,
read back through that table, it is a Vietnamese syllable: "Müller" ("Mỹller" in TCVN3),
"Schrödinger", "Jürgen Böhm", "Peña" (a foreign teacher, a language centre) are no old
font. A name whose every code is also a Unicode letter ("Hoà Thò Thanh Nga", VNI's Hồ Thị
Thanh Nga) cannot be told: the row's other cells ("Giaùo vieân") usually tell it
(rows._legacy_cell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold

# The letters of Vietnamese with a mark, each vowel with its five tones (a à ả ã á ạ), then đ;
# the tables below give each one's spelling in the same order.
_VIETNAMESE = ("aàảãáạ" "ăằẳẵắặ" "âầẩẫấậ" "eèẻẽéẹ" "êềểễếệ" "iìỉĩíị" "oòỏõóọ" "ôồổỗốộ" "ơờởỡớợ" "uùủũúụ"
               "ưừửữứự" "yỳỷỹýỵ" "đ")
# TCVN3 (ABC): one code per small letter (a capital with a tone is the same code in an
# upper-case font, .VnTimeH); then Ă Â Ê Ô Ơ Ư Đ. Read as Windows-1252; 0xAD (ư) is a soft hyphen.
_TCVN3 = ("aµ¶·¸¹" "¨»¼½¾Æ" "©ÇÈÉÊË" "eÌÎÏÐÑ" "ªÒÓÔÕÖ" "i×ØÜÝÞ" "oßáâãä" "«åæçèé" "¬êëìíî" "uïñòóô"
          "\xadõö÷øù" "yúûüýþ" "®" "¡¢£¤¥¦§")
# VNI Windows: a letter and a mark after it; ơ, ư, đ and some of i's and y's are one code.
_VNI = ("a", "aø", "aû", "aõ", "aù", "aï", "aê", "aè", "aú", "aü", "aé", "aë", "aâ", "aà", "aå", "aã", "aá", "aä",
        "e", "eø", "eû", "eõ", "eù", "eï", "eâ", "eà", "eå", "eã", "eá", "eä", "i", "ì", "æ", "ó", "í", "ò",
        "o", "oø", "oû", "oõ", "où", "oï", "oâ", "oà", "oå", "oã", "oá", "oä", "ô", "ôø", "ôû", "ôõ", "ôù", "ôï",
        "u", "uø", "uû", "uõ", "uù", "uï", "ö", "öø", "öû", "öõ", "öù", "öï", "y", "yø", "yû", "yõ", "yù", "î", "ñ")
_VIETNAMESE_LETTERS = frozenset(_VIETNAMESE + _VIETNAMESE.upper())
# A code of either table that is no Vietnamese letter: ¹ Þ ¬ µ (TCVN3), ø û ï ä ö ñ (VNI), in either case.
_FOREIGN = frozenset("".join(_TCVN3) + "".join(_VNI) + "".join(_VNI).upper()) - _VIETNAMESE_LETTERS - set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Codes only TCVN3 uses: a word holding one is TCVN3, not VNI.
_TCVN3_ONLY = frozenset(_TCVN3) - frozenset("".join(_VNI) + "".join(_VNI).upper()) - _VIETNAMESE_LETTERS
# TCVN3's codes that read as capitals (Õ is ế): after a small letter ("TiÕn"), where Unicode has no capital.
_TCVN3_CAPITAL = re.compile("[a-z][" + "".join(sorted(c for c in _TCVN3 if c.isupper())) + "]")
# VNI's marks that are no Vietnamese letter (ø û ï å ä ü ë) follow a vowel; after a consonant
# they are TCVN3's letters ("Hång": ồ, "Hïng": ù).
_VNI_MARKS = "".join(sorted({code[-1] for code in _VNI if len(code) > 1} - _VIETNAMESE_LETTERS))
_TCVN3_AFTER_CONSONANT = re.compile(f"(?i)[bcdfghjklmnpqrstvxz][{_VNI_MARKS}{_VNI_MARKS.upper()}]")
# VNI's pairs that Vietnamese never writes: after a or e any of its marks that is a Vietnamese
# letter ("aâ", "aù", "eã"); after o a circumflex or a tone on the o ("oâ" ô, "où" ó), not
# "oà", "oá", "oã" (a toned a after o: "Hoà"); after ô (VNI's ơ), u or y a tone ("ôù" ớ, "uõ" ũ, "yù" ý).
_VNI_PAIR = re.compile("(?i:[ae][ùõâàãáêèúé]|o[âù]|[ôuy][ùõ])")
# Signs around a word that say nothing of its letters ("(Nhóm trưởng)"), and the Icelandic Ð
# that some programs type for Đ ("Ðinh"), at the start of a word.
_AROUND = "\"'“”‘’()[]{}.,;:!?"
_ETH = "Ðð"
# « and » are TCVN3's ô and ằ inside a word ("Kh«i", "T«", "«ng"), quotes around a word that
# starts with a capital ("«Trường»").
_QUOTED = re.compile(r"^«(?=[A-ZÀ-ÝĐ])|»$")
# A Vietnamese letter neither table has a code for (ă, đ, ơ, ư, ạ...): the text is Unicode.
_UNICODE_ONLY = frozenset(c for c in _VIETNAMESE_LETTERS if ord(c) > 0xFF)


# A Vietnamese syllable without its marks: an initial consonant, then a vowel group that ends
# in i, y, o or u and takes no final ("ai", "ươi"), or one that may take a final consonant.
_SYLLABLE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    "(?:ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu|ieu|yeu|oai|oay|oeo|uay|uoi|uou|uya|uyu"
    "|(?:[aeiouy]|ie|ye|oa|oe|oo|ua|ue|uo|uy|uye)(?:ng|nh|ch|[cmnptk])?)")
# An abbreviation with a đ: "GDĐT", "HĐND", "SĐT".
_ABBREVIATION = re.compile("(?i)[bcdghklmnpqrstvxđ]*đ[bcdghklmnpqrstvxđ]*")
_CODES_TCVN3 = dict(zip("".join(_TCVN3), _VIETNAMESE + "ăâêôơưđ", strict=True))
_CODES_VNI = {**dict(zip(_VNI, _VIETNAMESE, strict=True)),
              **dict(zip((code.upper() for code in _VNI), _VIETNAMESE.upper(), strict=True))}


def _syllables_in(codes: dict[str, str], word: str) -> bool:
    """Whether a word read through a table's codes is Vietnamese syllables (one, or a few
    joined by '-' or '/': "To¸n/Tin"); False for a code the table does not have ("Strauß")."""
    for part in re.split("[-/]", word):
        letters, at = [], 0
        while at < len(part):
            code = next((part[at:at + n] for n in (2, 1) if part[at:at + n] in codes), None)
            if code is None and not ("a" <= part[at].lower() <= "z"):
                return False
            letters.append(codes[code] if code else part[at])
            at += len(code) if code else 1
        read = "".join(letters)
        if part and not (_SYLLABLE.fullmatch(fold(read)) or _ABBREVIATION.fullmatch(read)):
            return False
    return True


def _tcvn3(word: str) -> bool:
    return _syllables_in(_CODES_TCVN3, word)


def _vni(word: str) -> bool:
    return _syllables_in(_CODES_VNI, word)


@dataclass(frozen=True)
class LegacyFont:
    """The old encoding a text is typed in, as a clerk knows it."""

    label: str  # "bảng mã TCVN3 (ABC), phông chữ .VnTime, .VnArial..."
    source: str  # Unikey's name of it, quoted, the source of the conversion

    def said_of(self, text: str) -> str:
        """What is wrong with a text typed so."""
        return f"'{text}' gõ bằng {self.label}, không phải chữ Unicode"

    @property
    def hint(self) -> str:
        """How to convert the file to Unicode with Unikey, the tool every office has."""
        return (f"chuyển tệp sang Unicode rồi nhập lại: mở tệp, chọn hết (Ctrl+A) và chép (Ctrl+C); trong Unikey "
                f"mở Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn {self.source}, Đích 'Unicode', bấm 'Chuyển mã', "
                "rồi dán (Ctrl+V) đè lên chỗ đã chọn, đổi phông chữ sang Times New Roman và lưu tệp.")


VNI = LegacyFont("bảng mã VNI, phông chữ VNI-Times, VNI-Helve...", "'VNI Windows'")
TCVN3 = LegacyFont("bảng mã TCVN3 (ABC), phông chữ .VnTime, .VnArial...", "'TCVN3 (ABC)'")
EITHER = LegacyFont("bảng mã cũ VNI hoặc TCVN3 (ABC), phông chữ VNI-Times hay .VnTime...",
                    "'VNI Windows' (phông VNI-...) hoặc 'TCVN3 (ABC)' (phông .Vn...)")


def legacy_font(text: str) -> LegacyFont | None:
    """The old encoding a text is typed in (VNI, TCVN3, or EITHER when its codes are both
    tables'), None for a text in Unicode: see the module's docstring."""
    if _UNICODE_ONLY.intersection(text):
        return None
    words = [_QUOTED.sub("", word.strip(_AROUND)).lstrip(_ETH) for word in text.split()]
    words = [word for word in words if any("a" <= c.lower() <= "z" for c in word)]
    if any((_TCVN3_ONLY.intersection(word) or _TCVN3_CAPITAL.search(word) or _TCVN3_AFTER_CONSONANT.search(word))
           and _tcvn3(word) for word in words):
        return TCVN3
    if any(_VNI_PAIR.search(word) and _vni(word) for word in words):
        return VNI
    if any(_FOREIGN.intersection(word) and (_tcvn3(word) or _vni(word)) for word in words):
        return EITHER
    return None
