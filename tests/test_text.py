"""Vietnamese text helpers: folding, tone placement, slugs, collation."""

from __future__ import annotations

import pytest

from portal import number_words
from portal.text import fold, name_sort_text, normalize, person_sort_key, slugify


def test_fold_is_how_teachers_type() -> None:
    assert fold("Đặng Vân Thùy") == "dang van thuy"
    assert fold("Đỗ Tấn Nhạn") == "do tan nhan"
    assert fold("  Hà   Thị Liên ") == "ha thi lien"


def test_old_and_new_tone_placement_compare_equal() -> None:
    assert normalize("Lê Văn Hoà") == normalize("Lê Văn Hòa") == "Lê Văn Hòa"
    assert normalize("Thuỷ") == "Thủy"
    assert normalize("khoẻ") == "khỏe"
    assert normalize("Hoàng") == "Hoàng"  # closed syllable: unchanged
    assert normalize("Quý") == "Quý"  # qu + y: the tone stays on y
    assert normalize("HOÀ  –\u00a0Thuỷ‑Hoà") == "HÒA - Thủy-Hòa"  # with dashes and spaces of any kind
    assert normalize("Hòa") == "Hòa" and normalize("Ho\u0300a") == "Hòa"  # NFC either way


def test_slugify_gives_safe_ids() -> None:
    assert slugify("THCS xã Nà Tấu") == "thcs-xa-na-tau"
    assert slugify("../../etc/passwd") == "etc-passwd"


def test_names_sort_by_given_then_middle_then_family_name() -> None:
    people = ["Nguyễn Thị Thu Hương", "Hà Thị Liên", "Lê Thị Hạnh", "Ngô Thị Hạnh", "Đặng Vân Thùy",
              "Dương Thị Hoa", "Lê Văn Hoà", "Nguyễn Văn Hòa", "Vũ Anh Tuấn", "Trần Văn Ân", "Bùi Văn An",
              "Phạm Văn Ăn", "Đinh Văn Dũng", "Đỗ Văn Đức"]
    assert sorted(people, key=person_sort_key) == [
        "Bùi Văn An", "Phạm Văn Ăn", "Trần Văn Ân",  # a < ă < â
        "Đinh Văn Dũng", "Đỗ Văn Đức",  # d < đ
        "Lê Thị Hạnh", "Ngô Thị Hạnh",  # same given and middle: family name decides
        "Dương Thị Hoa", "Lê Văn Hoà", "Nguyễn Văn Hòa",  # Hoà = Hòa; then middle name
        "Nguyễn Thị Thu Hương", "Hà Thị Liên", "Đặng Vân Thùy", "Vũ Anh Tuấn",
    ]


def test_explicit_sort_name_wins_for_compound_family_names() -> None:
    # "Tôn Nữ" is a compound family name: split naively, "Nữ" would count as a middle name.
    assert name_sort_text("Tôn Nữ Minh Anh") == "Anh Nữ Minh Tôn"
    key = person_sort_key("Tôn Nữ Minh Anh", "Anh Minh Tôn Nữ")
    assert key < person_sort_key("Trần Minh Anh")



@pytest.mark.parametrize(("before", "after", "marks", "number"), [
    ("Cụm trường ", "năm 2024", True, None),  # "năm 2024" is the year: no number
    ("Kế hoạch sinh hoạt cụm ", "năm 2024", True, None),
    ("NHOM ", "NAM 2024", False, None),
    ("Cụm ", "Hai năm 2024", True, ("Hai", 2)),  # a year after the number ends the name
    ("NHÓM ", "HAI NĂM 2024-2025", True, ("HAI", 2)),
    ("NHOM ", "HAI NAM 2024", False, ("HAI", 2)),
    ("Cụm ", "Hai Mươi Lăm năm 2024", True, ("Hai Mươi Lăm", 25)),
    ("Cụm ", "Mười năm 2024", True, ("Mười", 10)),  # "mười năm" is ten years, not fifteen
    ("CỤM ", "MUOI NĂM 2024", True, ("MUOI", 10)),
    ("Nhóm ", "Năm năm 2024", True, ("Năm", 5)),
    ("Cụm ", "Năm", True, ("Năm", 5)),
    ("CUM ", "NAM THCS", False, ("NAM", 5)),
    ("Nhóm ", "Năm năm học 2024-2025", True, ("Năm", 5)),
    ("Cụm ", "Năm Căn", True, None),
    ("Cụm ", "Hai Nam 2", True, None),  # "Nam" among marked words is a name, no year
])
def test_nam_before_digits_is_a_year_that_ends_a_number_in_words(
        before: str, after: str, marks: bool, number: tuple[str, int] | None) -> None:
    """"năm" is five and year: before a number in digits it is the year, for the importer
    (body_key) and the search index alike. Typed without marks "nam" is too; with marks only
    "năm" is ("Nam" is a name)."""
    found = number_words.read(before + after, len(before), marks=marks)
    assert ((after[:found.end - len(before)], found.value) if found else None) == number
