"""What a value may hold: ids, texts, names and numbers, for every field the schema has.

The fields are found by walking the JSON Schemas, so a field added tomorrow is covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import Dataset
from portal.schema import (
    FILE_SCHEMAS,
    FULL_DATE_FORMAT,
    ID_PATTERN,
    NAME_PATTERN,
    ORIGINAL_FILE_PATTERN,
    PARTIAL_DATE_FORMAT,
    SCHOOL_YEAR_FORMAT,
    SHA256_PATTERN,
    TEXT_PATTERN,
)
from portal.validate import _formats, _Validator

YEAR = "data/years/2024-2025/pgddt-a.yml"

# Characters no text may hold: what XML 1.0 forbids, other control characters, bidi overrides.
CONTROL = ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe", "\uffff", "\ud800", "\udfff",
           "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
# Characters a name may not hold besides: invisible ones, direction marks.
INVISIBLE = ["\u00ad", "\u034f", "\u180e", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2028"]
BIDI = ["\u061c", "\u200e", "\u200f"]
BLANK = [" ", "   ", "\t", " \n ", "\u00a0", "\u3000"]


def string_fields(schema: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema of a string value in `schema`, with a readable path to it."""
    types = schema.get("type")
    if types == "string" or (isinstance(types, list) and "string" in types):
        yield path, schema
    for name, sub in schema.get("properties", {}).items():
        yield from string_fields(sub, f"{path}.{name}")
    for key in ("items", "additionalProperties", "propertyNames"):
        if isinstance(schema.get(key), dict):
            yield from string_fields(schema[key], f"{path}[{key}]")


FIELDS = [(kind, path, schema) for kind, file in FILE_SCHEMAS.items() for path, schema in string_fields(file)]
TEXTS = [(f"{kind}{path}", schema) for kind, path, schema in FIELDS if schema.get("pattern") == TEXT_PATTERN]
NAMES = [(f"{kind}{path}", schema) for kind, path, schema in FIELDS if schema.get("pattern") == NAME_PATTERN]


def errors(schema: dict[str, Any], value: object) -> list[str]:
    """What the checker's validator says of `value` against one field's schema (errors only)."""
    validator = _Validator(schema, format_checker=_formats)
    return [e.validator for e in validator.iter_errors(value) if e.validator != "format" or
            e.validator_value != "name"]


def test_the_walk_finds_the_fields() -> None:
    walked = {f"{kind}{path}" for kind, path, _ in FIELDS}
    assert {"people.people[items].name", "year.documents[items].title", "year.documents[items].text",
            "year.bodies[items].members[items].person", "year.school_year",
            "year.documents[items].figures[items].parts[propertyNames]"} <= walked
    assert len(TEXTS) > 30 and len(NAMES) > 10


@pytest.mark.parametrize(("kind", "path", "schema"), FIELDS, ids=[f"{k}{p}" for k, p, _ in FIELDS])
def test_every_string_field_has_a_rule(kind: str, path: str, schema: dict[str, Any]) -> None:
    """An id, a text, a name, a date or a school year: no string field takes anything at all."""
    assert (schema.get("pattern") in (ID_PATTERN, TEXT_PATTERN, NAME_PATTERN, ORIGINAL_FILE_PATTERN, SHA256_PATTERN)
            or schema.get("format") in (PARTIAL_DATE_FORMAT, FULL_DATE_FORMAT, SCHOOL_YEAR_FORMAT))


def test_every_pattern_is_anchored_at_both_ends() -> None:
    """jsonschema uses re.search, where `$` also matches before a final newline."""
    patterns = {schema["pattern"] for _, _, schema in FIELDS if "pattern" in schema}
    assert patterns == {ID_PATTERN, TEXT_PATTERN, NAME_PATTERN, ORIGINAL_FILE_PATTERN, SHA256_PATTERN}
    for pattern in patterns:
        assert pattern.startswith("^") and pattern.endswith(r"(?![\s\S])"), pattern
    assert re.search(ID_PATTERN, "mau-newline") and not re.search(ID_PATTERN, "mau-newline\n")


@pytest.mark.parametrize("char", CONTROL, ids=[f"U+{ord(c):04X}" for c in CONTROL])
def test_no_text_field_takes_a_control_or_xml_forbidden_character(char: str) -> None:
    for field, schema in TEXTS + NAMES:
        assert errors(schema, "Hà Thị Liên") == [], field
        assert errors(schema, f"Hà{char}Liên") == ["pattern"], field


@pytest.mark.parametrize("char", INVISIBLE + BIDI, ids=[f"U+{ord(c):04X}" for c in INVISIBLE + BIDI])
def test_no_name_takes_an_invisible_or_bidi_character(char: str) -> None:
    for field, schema in NAMES:
        assert errors(schema, f"Hà{char}Liên") == ["pattern"], field
    for field, schema in TEXTS:  # a document's text may hold a zero-width space from Word
        assert errors(schema, f"Hà{char}Liên") == [], field


@pytest.mark.parametrize("blank", BLANK, ids=[repr(b) for b in BLANK])
def test_no_text_field_takes_only_spaces(blank: str) -> None:
    for field, schema in TEXTS + NAMES:
        assert errors(schema, blank) == ["pattern"], field


def test_ids_with_a_trailing_newline_are_refused(dataset: Dataset) -> None:
    dataset.files["people/pgddt-a.yml"]["people"][1]["id"] = "mau-newline\n"
    dataset.year["bodies"][1]["members"][0]["person"] = "mau-newline\n"
    problems = dataset.problems()
    assert [(p.file, p.path, p.message) for p in problems] == [
        ("data/people/pgddt-a.yml", "people[1].id", "mã không đúng dạng."),
        (YEAR, "bodies[1].members[0].person", "mã không đúng dạng."),
    ]
    assert problems[0].actual == "'mau-newline\\n'"


def test_a_name_of_spaces_or_with_hidden_characters_is_refused_with_the_character_named(
        dataset: Dataset) -> None:
    people = dataset.files["people/pgddt-a.yml"]["people"]
    people[0]["name"] = "   "
    people[1]["name"] = "Hà Thị\u200b Liên"
    people[2]["name"] = "\u202eĐặng Vân Thùy"
    dataset.year["documents"][0]["text"] += "\nKý tên\ufffe"
    assert [(p.path, p.message, p.severity) for p in dataset.problems()] == [
        ("people[0].name", "chỉ có khoảng trắng.", "error"),
        ("people[1].name", "có ký tự ẩn, không nhìn thấy: U+200B (ZERO WIDTH SPACE) ở ký tự thứ 7.", "error"),
        ("people[2].name", "có ký tự đảo chiều viết (làm tiêu đề trang hiện ngược): U+202E (RIGHT-TO-LEFT "
                           "OVERRIDE) ở ký tự thứ 1.", "error"),
        ("documents[0].text", "có ký tự không hợp lệ (trang web, tin RSS và lịch không chứa được): U+FFFE ở dòng "
                              "thứ 3, ký tự thứ 7 của đoạn chữ.", "error"),
    ]


def test_a_name_mixing_latin_and_cyrillic_or_greek_letters_is_a_warning(dataset: Dataset) -> None:
    people = dataset.files["people/pgddt-a.yml"]["people"]
    people[1]["name"] = "Hà Thị Liеn"  # Cyrillic е
    dataset.files["schools/pgddt-a.yml"]["schools"][0]["name"] = "THCS Μột"  # Greek Μ
    problems = dataset.problems()
    assert [(p.file, p.path, p.severity) for p in problems] == [
        ("data/people/pgddt-a.yml", "people[1].name", "warning"),
        ("data/schools/pgddt-a.yml", "schools[0].name", "warning"),
    ]
    assert problems[0].message == (
        "tên trộn chữ Latinh với chữ Kirin (tiếng Nga): U+0435 (CYRILLIC SMALL LETTER IE) ở ký tự thứ 10 trông "
        "như chữ Latinh nhưng là ký tự khác, nên tìm kiếm và sắp xếp sẽ sai.")
    assert problems[1].message.startswith("tên trộn chữ Latinh với chữ Hy Lạp: U+039C (GREEK CAPITAL LETTER MU)")
    people[1]["name"] = "Иван Петров"  # a name in one script is fine
    dataset.files["schools/pgddt-a.yml"]["schools"][0]["name"] = "THCS Một"
    assert dataset.messages() == []


NOT_INTEGER = "sai kiểu giá trị."


@pytest.mark.parametrize(("where", "value", "message"), [
    (("bodies", 1, "members", 0, "stt"), 1.0, NOT_INTEGER),
    (("bodies", 1, "members", 0, "stt"), True, NOT_INTEGER),
    (("bodies", 0, "declared_count"), 2.0, NOT_INTEGER),
    (("documents", 0, "date"), 2024.0,  # once, as a date, not also as a type
     "ngày không đúng: '2024.0' không phải một ngày viết dạng YYYY-MM-DD (hoặc YYYY-MM, YYYY)."),
])
def test_a_decimal_is_no_integer(dataset: Dataset, where: tuple[Any, ...], value: object, message: str) -> None:
    record: Any = dataset.year
    for key in where[:-1]:
        record = record[key]
    record[where[-1]] = value
    (problem,) = dataset.problems()
    assert (problem.message, problem.actual) == (message, repr(value))
    if message == NOT_INTEGER and isinstance(value, float):
        assert problem.hint == "viết số nguyên, không có phần thập phân (1, không phải 1.0)."


def test_figures_take_integers_and_clean_part_names(dataset: Dataset) -> None:
    document = dataset.year["documents"][0]
    document["figures"] = [{"label": "Tổng số GV", "value": 3.0, "parts": {"TH": 1, "THCS\x00": 2.0}}]
    assert sorted(p.path for p in dataset.problems()) == [
        "documents[0].figures[0].parts", "documents[0].figures[0].parts.THCS\x00", "documents[0].figures[0].value"]
