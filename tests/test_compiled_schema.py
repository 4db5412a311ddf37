"""The compiled check of a schema says what jsonschema says, for every schema of schema.py.

`validate.py` asks jsonschema only about the records the compiled check refuses: a check
that accepted what jsonschema refuses would let an error through unreported. The schemas
are found by walking FILE_SCHEMAS, so the next field is covered; the values are the
records of the repository's data/, each mutated with the hostile values of
test_hostile.py, and values Hypothesis draws for each schema (valid ones and near misses).
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema.protocols import Validator
from test_hostile import NASTY_VALUES, paths

from portal.compiled_schema import Check, UnsupportedSchema, compile_schema
from portal.load import find_files
from portal.schema import FILE_SCHEMAS
from portal.validate import _formats, _Validator
from portal.yamlsource import read_yaml

REPO = Path(__file__).resolve().parent.parent


def subschemas(schema: dict[str, Any], where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema inside `schema` (itself included), with where it stands."""
    yield where, schema
    for name, sub in schema.get("properties", {}).items():
        yield from subschemas(sub, f"{where}.{name}")
    for key in ("items", "additionalProperties", "propertyNames"):
        if isinstance(schema.get(key), dict):
            yield from subschemas(schema[key], f"{where}[{key}]")
    for i, sub in enumerate(schema.get("oneOf", [])):
        yield from subschemas(sub, f"{where}.oneOf[{i}]")


SCHEMAS = [found for kind, schema in FILE_SCHEMAS.items() for found in subschemas(schema, kind)]


# Each schema's compiled check and jsonschema validator, made once (by the schema's identity:
# the schemas are the module's own, kept alive here), not once per value judged.
_JUDGES: dict[int, tuple[dict[str, Any], Check, Validator]] = {}


def agrees(schema: dict[str, Any], value: Any) -> bool:
    if id(schema) not in _JUDGES:
        _JUDGES[id(schema)] = (schema, compile_schema(schema, _formats), _Validator(schema, format_checker=_formats))
    _, check, validator = _JUDGES[id(schema)]
    valid = not any(True for _ in validator.iter_errors(value))
    return check(value) is valid


@pytest.mark.parametrize(("where", "schema"), SCHEMAS, ids=[where for where, _ in SCHEMAS])
def test_every_schema_compiles(where: str, schema: dict[str, Any]) -> None:
    compile_schema(schema, _formats)


def test_a_keyword_that_is_not_compiled_is_a_developer_error() -> None:
    for schema in ({"type": "string", "const": "x"}, {"if": {"type": "string"}}, {"type": "decimal"},
                   {"enum": [1, 2]}, {"prefixItems": [{}], "items": {}}, {"patternProperties": {"^x": {}}}):
        with pytest.raises(UnsupportedSchema):
            compile_schema(schema, _formats)


def records() -> Iterator[tuple[str, Any]]:
    """(kind of file and list, a record), and (kind of file, its values but the lists), from
    the repository's data/ as the loader reads it (dates as text)."""
    files, _ = find_files(REPO / "data", REPO)
    for file in files:
        read = read_yaml(file.path, file.shown_as)
        assert read.doc is not None, read.problems
        data = read.doc.data
        for key, value in data.items():
            if isinstance(value, list):
                yield from ((f"{file.kind}.{key}", item) for item in value)
        yield file.kind, {key: value for key, value in data.items() if not isinstance(value, list)}


RECORDS = list(records())


@functools.cache  # one schema object per place, so that `agrees` makes its judges once
def schema_of(where: str) -> dict[str, Any]:
    kind, _, key = where.partition(".")
    file = FILE_SCHEMAS[kind]
    return file["properties"][key]["items"] if key else {**file, "required": [
        name for name in file["required"] if file["properties"][name].get("type") != "array"]}


def test_the_repository_records_are_accepted() -> None:
    assert len(RECORDS) > 300
    for where, record in RECORDS:
        assert compile_schema(schema_of(where), _formats)(record), (where, record)


@settings(max_examples=examples(600))
@given(data=st.data())
def test_a_mutated_record_is_judged_as_jsonschema_judges_it(data: st.DataObject) -> None:
    where, record = data.draw(st.sampled_from(RECORDS))
    record = copy.deepcopy(record)
    for _ in range(data.draw(st.integers(1, 2))):
        targets = paths(record)
        if not targets:
            break
        path = data.draw(st.sampled_from(targets))
        parent = record
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        # A copy of the hostile value: the next mutation may go inside it.
        if action == "replace":
            parent[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(NASTY_VALUES) | st.text(max_size=12)))
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["extra", "id", "person", "school", 1, True, None]))] = \
                copy.deepcopy(data.draw(st.sampled_from(NASTY_VALUES)))
    assert agrees(schema_of(where), record), (where, record)


NUMBERS = [0, -1, 1, 2, 1.0, 0.5, 10**20, float("nan"), float("inf"), True, False]
WORDS = ["a-b", "A", "a--b", "", " ", "Hà Thị Liên", "Nguyễn Vаn", "Μột", "Lê\u200bHồng", "x\x07", "2024-09-13",
         "2024-02-30", "2024", "2024-09", "1900", "2024-2025", "2024-2026", "0912 345 678", "x" * 121, "x" * 501,
         "Ông", "KT.", "nhom-truong", "phone", "thay-the", "THCS", "quyet-dinh", "so-gddt", "a@b.vn"]
ATOMS = st.sampled_from(NASTY_VALUES + NUMBERS) | st.none() | st.integers(-2, 3) | st.floats(allow_nan=True)
TEXTS = st.sampled_from(WORDS) | st.text(max_size=8)
LEAVES = [(where, schema) for where, schema in SCHEMAS if not {"properties", "items", "oneOf"} & schema.keys()]
RECORD_SCHEMAS = [(where, schema) for where, schema in SCHEMAS if {"properties", "items", "oneOf"} & schema.keys()]


@pytest.mark.parametrize(("where", "schema"), LEAVES, ids=[where for where, _ in LEAVES])
def test_a_single_value_is_judged_as_jsonschema_judges_it(where: str, schema: dict[str, Any]) -> None:
    for value in [*NASTY_VALUES, *NUMBERS, *WORDS, *schema.get("enum", [])]:
        assert agrees(schema, value), (where, value)


_DRAWN: dict[tuple[int, int], st.SearchStrategy[Any]] = {}


def instances(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values for `schema`: mostly of its shape, with wrong types, missing and extra keys."""
    key = (id(schema), depth)
    if key not in _DRAWN:
        _DRAWN[key] = _instances(schema, depth)
    return _DRAWN[key]


def _instances(schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    types = schema.get("type", [])
    types = [types] if isinstance(types, str) else types
    options: list[st.SearchStrategy[Any]] = [ATOMS, TEXTS]
    if "enum" in schema:
        options.append(st.sampled_from(schema["enum"]))
    if "object" in types and depth < 4:
        properties = schema.get("properties", {})
        required = schema.get("required", [])
        extra = schema.get("additionalProperties")
        shaped = st.fixed_dictionaries({name: instances(properties[name], depth + 1) for name in required},
                                       optional={name: instances(sub, depth + 1) for name, sub in properties.items()
                                                 if name not in required})
        wrong = st.dictionaries(st.sampled_from([*sorted(properties), "extra", 1]), ATOMS, max_size=2)
        options += [shaped, shaped, st.tuples(shaped, wrong).map(lambda pair: {**pair[0], **pair[1]})]
        if isinstance(extra, dict):
            options.append(st.dictionaries(TEXTS, instances(extra, depth + 1), max_size=3))
    if "array" in types and depth < 4:
        options += [st.lists(instances(schema["items"], depth + 1), max_size=3)] * 2
    if "integer" in types:
        options += [st.integers(-1, 3), st.sampled_from([1.0, 0.5, True, 10**20])]
    return st.one_of(options)


@pytest.mark.parametrize(("where", "schema"), RECORD_SCHEMAS, ids=[where for where, _ in RECORD_SCHEMAS])
@settings(max_examples=examples(100))
@given(data=st.data())
def test_a_drawn_value_is_judged_as_jsonschema_judges_it(where: str, schema: dict[str, Any],
                                                         data: st.DataObject) -> None:
    value = data.draw(instances(schema))
    assert agrees(schema, value), (where, value)
