"""One language per audience: the JSON Schemas' descriptions, which an editor shows the clerk
when the mouse rests on a field (and the checker quotes for a missing field), are Vietnamese.

Every description is found by walking the schemas, so a field added tomorrow is covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from portal.schema import FILE_SCHEMAS

# A letter only Vietnamese writes (a tone or vowel mark, or đ): a description has at least one.
VIETNAMESE_LETTER = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                               re.IGNORECASE)
# English words that are no Vietnamese word (not "an", "in", "to", which Vietnamese also writes).
ENGLISH_WORD = re.compile(r"\b(?:a|the|of|and|or|with|when|who|which|from|that|is|are|for|its)\b", re.IGNORECASE)


def descriptions(schema: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) of every description under `schema`, at any depth."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "description" and isinstance(value, str):
                yield path or "/", value
            else:
                yield from descriptions(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from descriptions(value, f"{path}[{index}]")


def is_vietnamese(text: str) -> bool:
    return VIETNAMESE_LETTER.search(text) is not None and ENGLISH_WORD.search(text) is None


# A file's own description is its path (data/people/<office-id>.yml), as its title is.
SHOWN = [(f"{kind}{path}", text) for kind, schema in FILE_SCHEMAS.items() for path, text in descriptions(schema)
         if not (path == "/" and text == schema["title"])]


def test_the_walk_finds_the_descriptions() -> None:
    paths = {path for path, _ in SHOWN}
    assert len(SHOWN) > 200
    assert {"year/properties/bodies/items", "documents/properties/documents/items/properties/signer",
            "offices/properties/offices/items/properties/valid_until"} <= paths


def test_the_rule_tells_english_from_vietnamese() -> None:
    assert not is_vietnamese("an item of a plan") and not is_vietnamese("YYYY-MM-DD (1945 to 2100)")
    assert not is_vietnamese("a person") and not is_vietnamese("a school (trường)")
    assert is_vietnamese("một mục của kế hoạch") and is_vietnamese("YYYY-MM-DD (từ 1945 đến 2100)")
    assert is_vietnamese("tệp dưới data/files/, ví dụ files/2025-2026/qd-215.pdf")


@pytest.mark.parametrize(("path", "text"), SHOWN, ids=[path for path, _ in SHOWN])
def test_every_description_is_vietnamese(path: str, text: str) -> None:
    assert is_vietnamese(text), f"{path}: {text!r}"
