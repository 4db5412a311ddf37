"""Check one file against its JSON Schema and say what is wrong in a clerk's words.

The answer also says what can still be built: a record (a person, a document, a body)
with an error is left out of the model, the rest of its file is built, so that the
checks across records still run and every problem is reported in one run.

Each record is checked first by a function compiled from its schema (compiled_schema.py);
jsonschema validates only the records that check refuses, to say what is wrong with them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator

from . import characters
from .compiled_schema import Check, compile_schema
from .dates import FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, PartialDate, SchoolYear, date_fault, school_year_fault
from .problems import KeyPath, Problem
from .schema import (
    CONTROL_CHARACTERS,
    FILE_SCHEMAS,
    FORMER_FIELDS,
    FULL_DATE_FORMAT,
    ID_PATTERN,
    INVISIBLE_CHARACTERS,
    NAME_FORMAT,
    NAME_PATTERN,
    PARTIAL_DATE_FORMAT,
    SCHOOL_YEAR_FORMAT,
    TEXT_PATTERN,
)
from .text import slugify
from .yamlsource import YamlDocument, canonical_text

_TYPE_NAMES = {
    "string": "một đoạn chữ",
    "integer": "một số nguyên",
    "array": "một danh sách (mỗi mục bắt đầu bằng '- ')",
    "object": "một mục có các trường 'tên: giá trị'",
    "boolean": "true hoặc false",
}

# The characters each text pattern refuses, to name the first one found.
_REFUSED = {
    TEXT_PATTERN: re.compile(f"[{CONTROL_CHARACTERS}]"),
    NAME_PATTERN: re.compile(f"[{CONTROL_CHARACTERS}{INVISIBLE_CHARACTERS}]"),
}
# Letters that look Latin but are not: Greek and Coptic, Cyrillic and its supplements, Greek Extended.
_LOOKALIKE_SCRIPTS = re.compile("[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff\u2de0-\u2dff\ua640-\ua69f]")
_SPACE_RUN = re.compile(r"\s\s")
_SCRIPT_NAMES = {"CYRILLIC": "chữ Kirin (tiếng Nga)", "GREEK": "chữ Hy Lạp"}

_formats = FormatChecker(formats=())


@_formats.checks(PARTIAL_DATE_FORMAT)
def _is_partial_date(value: object) -> bool:
    return PartialDate.parse(value) is not None


@_formats.checks(FULL_DATE_FORMAT)
def _is_full_date(value: object) -> bool:
    date = PartialDate.parse(value)
    return date is not None and date.is_full


@_formats.checks(SCHOOL_YEAR_FORMAT)
def _is_school_year(value: object) -> bool:
    return isinstance(value, str) and SchoolYear.parse(value) is not None


@_formats.checks(NAME_FORMAT)
def _is_plain_name(value: object) -> bool:
    return not isinstance(value, str) or _lookalike(value) is None and not _odd_spaces(value)


def _odd_spaces(name: str) -> bool:
    """Spaces (non-breaking ones too, pasted from Word or a web page) before or after a name,
    or two in a row: the page would not show the name as typed plainly. One non-breaking
    space between words is a space (text.normalize). A name of spaces only is refused by its
    pattern, once."""
    return bool(name.strip()) and (name != name.strip() or _SPACE_RUN.search(name) is not None)


def _is_integer(checker: object, value: object) -> bool:
    # JSON Schema counts 1.0 as an integer; a row number written "1.0" is a typing slip.
    return isinstance(value, int) and not isinstance(value, bool)


_Validator: type[Validator] = validators.extend(  # type: ignore[no-untyped-call]  # untyped in jsonschema
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


@cache
def _file_validator(kind: str) -> Validator:
    """The schema of a kind of file without the items of its lists, which are validated one by one."""
    schema = FILE_SCHEMAS[kind]
    shallow = {key: {k: v for k, v in sub.items() if k != "items"} for key, sub in schema["properties"].items()}
    return _Validator({**schema, "properties": shallow}, format_checker=_formats)


@cache
def _item_checks(kind: str) -> dict[str, tuple[Check, Validator]]:
    """Per list of a kind of file, for one of its items: the compiled check, and jsonschema to
    word the errors of an item the check refuses."""
    return {key: (compile_schema(sub["items"], _formats), _Validator(sub["items"], format_checker=_formats))
            for key, sub in FILE_SCHEMAS[kind]["properties"].items() if "items" in sub}


def _schema_errors(data: Any, kind: str) -> Iterator[tuple[KeyPath, ValidationError]]:
    """jsonschema's errors of a file, with their key paths, as if it had validated the file
    whole. Each item of a list is validated alone, by jsonschema only when the compiled
    check refuses it: a province's 200,000 people are checked in under 1 s, not 5."""
    for error in _file_validator(kind).iter_errors(data):
        yield tuple(error.absolute_path), error
    if not isinstance(data, dict):
        return
    for key, (conforms, validator) in _item_checks(kind).items():
        items = data.get(key)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not conforms(item):
                for error in validator.iter_errors(item):
                    yield (key, i, *error.absolute_path), error


@cache
def record_lists(kind: str) -> tuple[str, ...]:
    """The lists of a kind of file whose items are records with an id (people, bodies, ...)."""
    properties = FILE_SCHEMAS[kind]["properties"]
    return tuple(key for key, schema in properties.items()
                 if schema.get("type") == "array" and "id" in schema["items"].get("properties", {}))


def record_of(path: KeyPath, lists: tuple[str, ...]) -> KeyPath | None:
    """`("bodies", 3)` for any path inside the fourth body; None outside every record."""
    if len(path) >= 2 and path[0] in lists and isinstance(path[1], int):
        return path[:2]
    return None


@dataclass(frozen=True)
class Validation:
    """What is wrong with a file, and what of it can still be built."""

    problems: list[Problem]
    # Records with an error, as (list, index): they are not built.
    invalid_records: frozenset[KeyPath]
    # False when the file itself is wrong (a missing school year, a list that is not a
    # list): nothing in it is built.
    file_is_valid: bool


def validate(doc: YamlDocument, kind: str) -> Validation:
    """Every schema problem of one file, sorted by line, and which records are invalid."""
    # Values the reader already refused (an alias, an unknown tag) are reported once, there.
    errors = [(path, e) for path, e in _schema_errors(doc.data, kind)
              if not any(path[:len(broken)] == broken for broken in doc.broken)]
    # A value that is no date says so, not also "wrong type" (2024.0 for a date).
    misdated = {path for path, e in errors if e.validator == "format"}
    problems: list[Problem] = []
    blocking: list[KeyPath] = list(doc.broken)
    for path, error in errors:
        if error.validator == "type" and path in misdated:
            continue
        found = list(_problems(doc, path, error))
        problems += found
        if any(p.severity == "error" for p in found):
            blocking.append(path)
    lists = record_lists(kind)
    records = [record_of(path, lists) for path in blocking]
    return Validation(sorted(problems, key=Problem.sort_key),
                      frozenset(r for r in records if r is not None), None not in records)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _actual(doc: YamlDocument, path: KeyPath, value: Any) -> str:
    """The value at `path` as the file writes it (02033123456, not the octal 275556142 YAML
    read), else as Python shows it."""
    written = doc.written.get(path)
    if written is None:
        return _shown(value)
    return written if len(written) <= 80 else written[:77] + "..."


def type_name(types: str | list[str]) -> str:
    """A JSON schema type, or several, in the clerk's words ("true hoặc false")."""
    names = [types] if isinstance(types, str) else types
    return " hoặc ".join(_TYPE_NAMES.get(t, t) for t in names)


def _close(word: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"có phải '{match[0]}'?" if match else None


def _type_hint(doc: YamlDocument, path: KeyPath, types: str | list[str], value: Any) -> str | None:
    expected = [types] if isinstance(types, str) else types
    if "integer" in expected and isinstance(value, float):
        return "viết số nguyên, không có phần thập phân (1, không phải 1.0)."
    if "string" in expected and isinstance(value, (bool, int, float)):
        written = doc.written.get(path, canonical_text(value))
        quoted = f"{path[-1]}: \"{written}\"" if path and isinstance(path[-1], str) else f"- \"{written}\""
        hint = (f"YAML đọc {written} (không có dấu nháy) là {_read_as(value)}, không phải chữ: đặt nó trong dấu "
                f"nháy kép để giữ nguyên như đã viết, ví dụ {quoted}.")
        # A leading 0 is what an unquoted phone number loses (or turns it into an octal number).
        return hint if isinstance(value, bool) else hint + " Số điện thoại, mã số luôn ghi trong dấu nháy kép."
    return None


def _read_as(value: bool | int | float) -> str:
    """What YAML made of an unquoted scalar, in words: 'số 275556142', 'giá trị đúng (true)'."""
    if isinstance(value, bool):
        return "giá trị đúng (true)" if value else "giá trị sai (false)"
    return f"số {value!r}"


def _text_problem(doc: YamlDocument, path: KeyPath, pattern: str, text: str) -> Iterator[Problem]:
    if text == "":
        return  # reported once, by minLength
    refused = _REFUSED[pattern].search(text)
    if refused is None:
        yield doc.problem(path, "chỉ có khoảng trắng.", expected="một đoạn chữ có nội dung",
                          hint="ghi nội dung, hoặc xóa cả trường này nếu nó không bắt buộc.")
        return
    char = refused.group(0)
    yield doc.problem(path, f"có {characters.kind(char)}: {characters.code(char)} "
                      f"{characters.position(text, refused.start())}.",
                      expected="chữ, số, dấu câu, xuống dòng",
                      hint="xóa ký tự đó: gõ lại chỗ ấy, hoặc dán đoạn chữ vào Notepad rồi chép lại "
                           "(ký tự ẩn thường đi theo khi chép từ Word, Zalo hay trang web).")


def _lookalike(text: str) -> tuple[int, str] | None:
    """Where a name mixes Latin letters with Cyrillic or Greek ones: the first foreign letter."""
    if text.isascii():
        return None
    foreign = _LOOKALIKE_SCRIPTS.search(text)
    if foreign is None or not any(unicodedata.name(c, "").startswith("LATIN") for c in text if c.isalpha()):
        return None
    script = unicodedata.name(foreign.group(0), "").split(" ")[0]
    return foreign.start(), _SCRIPT_NAMES.get(script, "chữ không phải Latinh")


def _problems(doc: YamlDocument, path: KeyPath, error: ValidationError) -> Iterator[Problem]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    what = schema.get("description")
    kind = error.validator
    value: Any = error.validator_value
    instance: Any = error.instance
    if kind == "required":
        for name in value:
            if isinstance(instance, dict) and name not in instance:
                described = schema.get("properties", {}).get(name, {}).get("description")
                yield doc.problem(path, f"thiếu trường bắt buộc '{name}'.",
                                  expected=f"'{name}: ...'" + (f" ({described})" if described else ""))
    elif kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        for name in instance:
            if name not in known:
                yield doc.problem(path + (str(name),), f"trường '{name}' không có trong định dạng.",
                                  expected="một trong: " + ", ".join(known),
                                  hint=FORMER_FIELDS.get(str(name)) or _close(str(name), known)
                                  or "xóa trường này hoặc sửa tên.")
    elif kind == "type":
        yield doc.problem(path, "sai kiểu giá trị.", expected=type_name(value),
                          actual=_actual(doc, path, instance), hint=_type_hint(doc, path, value, instance))
    elif kind == "enum":
        choices = [str(c) for c in value]
        yield doc.problem(path, "giá trị không nằm trong danh sách cho phép.",
                          expected="một trong: " + ", ".join(choices), actual=_actual(doc, path, instance),
                          hint=_close(doc.written.get(path, str(instance)), choices))
    elif kind == "pattern" and value == ID_PATTERN:
        yield doc.problem(path, "mã không đúng dạng.",
                          expected="chữ thường không dấu, số và dấu '-' (ví dụ 'dbp-thcs-him-lam')",
                          actual=_actual(doc, path, instance),
                          hint=f"viết là '{slugify(str(instance))}'."
                          if slugify(str(instance)) else None)
    elif kind == "pattern" and value in _REFUSED:
        yield from _text_problem(doc, path, value, instance)
    elif kind == "pattern":  # a shape of its own (an original's file name, a SHA-256)
        yield doc.problem(path, "không đúng dạng.", expected=what, actual=_actual(doc, path, instance))
    elif kind == "format" and value == NAME_FORMAT and _odd_spaces(instance):
        yield doc.problem(path, "tên có khoảng trắng thừa: ở đầu, ở cuối, hoặc hai khoảng trắng liền nhau (kể cả "
                          "khoảng trắng không ngắt U+00A0 chép từ Word).",
                          expected="các chữ cách nhau bởi đúng một dấu cách", actual=_actual(doc, path, instance),
                          hint=f"ghi lại là \"{' '.join(instance.split())}\".", severity="warning")
    elif kind == "format" and value == NAME_FORMAT:
        index, script = _lookalike(instance) or (0, "")
        yield doc.problem(path, f"tên trộn chữ Latinh với {script}: {characters.code(instance[index])} "
                          f"{characters.position(instance, index)} trông như chữ Latinh nhưng là ký tự khác, "
                          "nên tìm kiếm và sắp xếp sẽ sai.",
                          hint="gõ lại chữ đó bằng bàn phím tiếng Việt.", severity="warning")
    elif kind == "format" and value == SCHOOL_YEAR_FORMAT:
        yield doc.problem(path, f"năm học không đúng: {school_year_fault(instance)}",
                          expected=f"hai năm liền nhau, từ {FIRST_SCHOOL_YEAR}-{FIRST_SCHOOL_YEAR + 1} đến "
                                   f"{LAST_SCHOOL_YEAR}-{LAST_SCHOOL_YEAR + 1}, ví dụ 2024-2025",
                          actual=_actual(doc, path, instance))
    elif kind == "format":
        fault = date_fault(instance) or "cần ngày đầy đủ, có cả ngày và tháng."
        yield doc.problem(path, f"ngày không đúng: {fault}",
                          expected="YYYY-MM-DD" if value == FULL_DATE_FORMAT
                          else "YYYY-MM-DD, hoặc YYYY-MM / YYYY khi văn bản để trống ngày, tháng",
                          actual=_actual(doc, path, instance), hint="kiểm tra lại ngày trong văn bản gốc.")
    elif kind == "minLength":
        yield doc.problem(path, "không được để trống.", expected=what)
    elif kind == "maxLength":
        yield doc.problem(path, f"quá dài ({len(instance)} ký tự).",
                          expected=f"tối đa {value} ký tự")
    elif kind == "minimum":
        yield doc.problem(path, "số quá nhỏ.", expected=f"từ {value} trở lên",
                          actual=_actual(doc, path, instance))
    elif kind == "oneOf":
        yield doc.problem(path, "thành viên phải là một người hoặc một trường, không phải cả hai.",
                          expected="đúng một trong hai trường 'person' hoặc 'school'")
    elif kind == "anyOf":  # an amendment names at least one kind of change
        fields = [name for option in value for name in option.get("required", [])]
        yield doc.problem(path, "chưa ghi thay đổi nào.", expected="ít nhất một trong: " + ", ".join(fields),
                          hint="ghi những gì quyết định thay đổi; nếu quyết định không đổi danh sách, xóa mục này.")
    else:  # a schema keyword this module does not word yet: still report it
        yield doc.problem(path, error.message)
