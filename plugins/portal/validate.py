"""Check one file against its JSON Schema and say what is wrong in a clerk's words."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from .dates import PartialDate
from .problems import KeyPath, Problem
from .schema import FILE_SCHEMAS, ID_PATTERN, SCHOOL_YEAR_PATTERN
from .text import slugify
from .yamlsource import YamlDocument

_TYPE_NAMES = {
    "string": "một đoạn chữ",
    "integer": "một số nguyên",
    "array": "một danh sách (mỗi mục bắt đầu bằng '- ')",
    "object": "một mục có các trường 'tên: giá trị'",
    "boolean": "true hoặc false",
}

_formats = FormatChecker(formats=())


@_formats.checks("partial-date")
def _is_partial_date(value: object) -> bool:
    return PartialDate.parse(value) is not None


@_formats.checks("full-date")
def _is_full_date(value: object) -> bool:
    date = PartialDate.parse(value)
    return date is not None and date.is_full


@cache
def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(FILE_SCHEMAS[kind], format_checker=_formats)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _type_name(types: str | list[str]) -> str:
    names = [types] if isinstance(types, str) else types
    return " hoặc ".join(_TYPE_NAMES.get(t, t) for t in names)


def _close(word: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"có phải '{match[0]}'?" if match else None


def _problems(doc: YamlDocument, error: ValidationError) -> Iterator[Problem]:
    path: KeyPath = tuple(error.absolute_path)
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
                                  hint=_close(str(name), known) or "xóa trường này hoặc sửa tên.")
    elif kind == "type":
        yield doc.problem(path, "sai kiểu giá trị.", expected=_type_name(value),
                          actual=_shown(instance))
    elif kind == "enum":
        choices = [str(c) for c in value]
        yield doc.problem(path, "giá trị không nằm trong danh sách cho phép.",
                          expected="một trong: " + ", ".join(choices), actual=_shown(instance),
                          hint=_close(str(instance), choices))
    elif kind == "pattern" and value == ID_PATTERN:
        yield doc.problem(path, "mã không đúng dạng.",
                          expected="chữ thường không dấu, số và dấu '-' (ví dụ 'dbp-thcs-him-lam')",
                          actual=_shown(instance),
                          hint=f"viết là '{slugify(str(instance))}'."
                          if slugify(str(instance)) else None)
    elif kind == "pattern" and value == SCHOOL_YEAR_PATTERN:
        yield doc.problem(path, "năm học không đúng dạng.", expected="hai năm liền nhau, ví dụ 2024-2025",
                          actual=_shown(instance))
    elif kind == "pattern":
        yield doc.problem(path, "có ký tự điều khiển không in được.",
                          expected="chữ, số, dấu câu, xuống dòng", actual=_shown(instance),
                          hint="dán lại đoạn chữ từ văn bản gốc dưới dạng chữ thuần.")
    elif kind == "format":
        yield doc.problem(path, "ngày không đúng dạng hoặc không có thật.",
                          expected="YYYY-MM-DD" if value == "full-date"
                          else "YYYY-MM-DD, hoặc YYYY-MM / YYYY khi văn bản để trống ngày, tháng",
                          actual=_shown(instance))
    elif kind == "minLength":
        yield doc.problem(path, "không được để trống.", expected=what)
    elif kind == "maxLength":
        yield doc.problem(path, f"quá dài ({len(instance)} ký tự).",
                          expected=f"tối đa {value} ký tự")
    elif kind == "minimum":
        yield doc.problem(path, "số quá nhỏ.", expected=f"từ {value} trở lên",
                          actual=_shown(instance))
    elif kind == "oneOf":
        yield doc.problem(path, "thành viên phải là một người hoặc một trường, không phải cả hai.",
                          expected="đúng một trong hai trường 'person' hoặc 'school'")
    else:  # a schema keyword this module does not word yet: still report it
        yield doc.problem(path, error.message)


def validate(doc: YamlDocument, kind: str) -> list[Problem]:
    """Every schema problem of one file, sorted by line."""
    problems = [p for e in _validator(kind).iter_errors(doc.data) for p in _problems(doc, e)]
    return sorted(problems, key=Problem.sort_key)
