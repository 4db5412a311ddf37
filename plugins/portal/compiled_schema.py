"""A JSON Schema turned into one Python function that says whether a value conforms.

jsonschema validates a record in about 25 microseconds, so a province's people file
(200,000 people) took 5 s to find nothing wrong. `compile_schema` reads a schema once
and returns a yes/no check that does the same in about 1 microsecond; `validate.py`
asks jsonschema only about the records this check refuses, to word their errors. So the
check must never accept what jsonschema refuses (tests/test_compiled_schema.py compares
the two on valid, mutated and random values of every schema in `schema.py`).

It knows the keywords `schema.py` uses, with Draft 2020-12's meaning and the checker's
own rules (an integer is never a bool nor 1.0; the formats of `validate.py`'s format
checker). A keyword it does not know is a developer error raised when the schema is
compiled, never a silently passed value.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from typing import Any

from jsonschema import FormatChecker

Check = Callable[[Any], bool]

# Keywords that describe and never refuse.
_ANNOTATIONS = frozenset({"$schema", "title", "description"})
_TYPES: dict[str, Check] = {
    "string": lambda value: isinstance(value, str),
    # The checker's integer: 1.0 and true are refused (validate._is_integer).
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, numbers.Number) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "array": lambda value: isinstance(value, list),
    "object": lambda value: isinstance(value, dict),
    "null": lambda value: value is None,
}


class UnsupportedSchema(Exception):
    """A developer error: the schema uses what this module does not compile."""


def compile_schema(schema: Any, formats: FormatChecker) -> Check:
    """The check of `schema` (a dict, as in schema.py), with `formats` for "format"."""
    if not isinstance(schema, dict):
        raise UnsupportedSchema(f"a schema must be a mapping, not {schema!r}")
    unknown = set(schema) - _ANNOTATIONS - _KEYWORDS
    if unknown:
        raise UnsupportedSchema(f"keywords not compiled: {sorted(unknown)}; add them to portal.compiled_schema")
    types = _types(schema)
    if types == ["object"]:  # a record: its own fields checked in one function
        fields = _fields(schema, formats)
        rest = _checks(schema, formats, skip=_OBJECT_KEYWORDS | {"type"})
        if not rest:
            return lambda value: isinstance(value, dict) and fields(value)
        return lambda value: isinstance(value, dict) and fields(value) and all(check(value) for check in rest)
    if types == ["string"]:
        return _text(schema, formats)
    checks = _checks(schema, formats, skip=_OBJECT_KEYWORDS)
    if _OBJECT_KEYWORDS & schema.keys():  # they say nothing of a value that is not a mapping
        fields = _fields(schema, formats)
        checks.append(lambda value: not isinstance(value, dict) or fields(value))
    return lambda value: all(check(value) for check in checks)


def _types(schema: dict[str, Any]) -> list[str]:
    types = schema.get("type", [])
    return [types] if isinstance(types, str) else list(types)


def _checks(schema: dict[str, Any], formats: FormatChecker, skip: frozenset[str]) -> list[Check]:
    """The checks of the keywords of `schema` other than those in `skip`, each alone."""
    return [_COMPILERS[key](schema, formats) for key in schema if key in _COMPILERS and key not in skip]


# Each keyword alone, with jsonschema's meaning (jsonschema/_keywords.py).


def _type(schema: dict[str, Any], formats: FormatChecker) -> Check:
    names = _types(schema)
    for name in names:
        if name not in _TYPES:
            raise UnsupportedSchema(f"type {name!r}")
    checks = [_TYPES[name] for name in names]
    return lambda value: any(check(value) for check in checks)


def _enum(schema: dict[str, Any], formats: FormatChecker) -> Check:
    # jsonschema compares a text with ==, and a text equals nothing that is not one.
    if not all(isinstance(choice, str) for choice in schema["enum"]):
        raise UnsupportedSchema(f"an enum of other values than texts: {schema['enum']!r}")
    choices = frozenset(schema["enum"])
    return lambda value: isinstance(value, str) and value in choices


def _pattern(schema: dict[str, Any], formats: FormatChecker) -> Check:
    search = re.compile(schema["pattern"]).search
    return lambda value: not isinstance(value, str) or search(value) is not None


def _min_length(schema: dict[str, Any], formats: FormatChecker) -> Check:
    least: int = schema["minLength"]
    return lambda value: not isinstance(value, str) or len(value) >= least


def _max_length(schema: dict[str, Any], formats: FormatChecker) -> Check:
    most: int = schema["maxLength"]
    return lambda value: not isinstance(value, str) or len(value) <= most


def _minimum(schema: dict[str, Any], formats: FormatChecker) -> Check:
    least = schema["minimum"]
    is_number = _TYPES["number"]
    return lambda value: not is_number(value) or not value < least


def _format(schema: dict[str, Any], formats: FormatChecker) -> Check:
    name = schema["format"]
    if name not in formats.checkers:
        return lambda value: True  # jsonschema skips a format its checker does not know
    conforms, raises = formats.checkers[name]
    if raises:  # exceptions that mean "does not conform"
        return lambda value: formats.conforms(value, name)
    return lambda value: bool(conforms(value))


def _items(schema: dict[str, Any], formats: FormatChecker) -> Check:
    if "prefixItems" in schema:
        raise UnsupportedSchema("prefixItems")
    item = compile_schema(schema["items"], formats)
    return lambda value: not isinstance(value, list) or all(item(each) for each in value)


def _one_of(schema: dict[str, Any], formats: FormatChecker) -> Check:
    choices = [compile_schema(choice, formats) for choice in schema["oneOf"]]
    return lambda value: sum(1 for choice in choices if choice(value)) == 1


def _any_of(schema: dict[str, Any], formats: FormatChecker) -> Check:
    choices = [compile_schema(choice, formats) for choice in schema["anyOf"]]
    return lambda value: any(choice(value) for choice in choices)


# Two shapes that make up most values, each checked in one function: a record's fields, a text.


def _fields(schema: dict[str, Any], formats: FormatChecker) -> Check:
    """properties, required, additionalProperties and propertyNames, for a mapping."""
    if "patternProperties" in schema:
        raise UnsupportedSchema("patternProperties")
    properties = {name: compile_schema(sub, formats) for name, sub in schema.get("properties", {}).items()}
    required: tuple[str, ...] = tuple(schema.get("required", ()))
    extra = schema.get("additionalProperties", True)
    extra_check = compile_schema(extra, formats) if isinstance(extra, dict) else None
    if not isinstance(extra, (bool, dict)):
        raise UnsupportedSchema(f"additionalProperties: {extra!r}")
    names = compile_schema(schema["propertyNames"], formats) if "propertyNames" in schema else None

    def check(value: dict[Any, Any]) -> bool:
        for name in required:
            if name not in value:
                return False
        for key, item in value.items():
            known = properties.get(key)
            if known is not None:
                if not known(item):
                    return False
            elif extra is False or (extra_check is not None and not extra_check(item)):
                return False
            if names is not None and not names(key):
                return False
        return True

    return check


def _text(schema: dict[str, Any], formats: FormatChecker) -> Check:
    least = schema.get("minLength", 0)
    most = schema.get("maxLength")
    search = re.compile(schema["pattern"]).search if "pattern" in schema else None
    rest = _checks(schema, formats, skip=_TEXT_KEYWORDS)

    def check(value: Any) -> bool:
        if not isinstance(value, str) or len(value) < least or (most is not None and len(value) > most):
            return False
        if search is not None and search(value) is None:
            return False
        return all(each(value) for each in rest)

    return check


_COMPILERS: dict[str, Callable[[dict[str, Any], FormatChecker], Check]] = {
    "type": _type,
    "enum": _enum,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minimum": _minimum,
    "format": _format,
    "items": _items,
    "oneOf": _one_of,
    "anyOf": _any_of,
}
_OBJECT_KEYWORDS = frozenset({"properties", "required", "additionalProperties", "propertyNames"})
_TEXT_KEYWORDS = frozenset({"type", "minLength", "maxLength", "pattern"})
_KEYWORDS = _COMPILERS.keys() | _OBJECT_KEYWORDS
