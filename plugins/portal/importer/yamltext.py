"""YAML written the way the data files are written: block style, lists indented under
their key, Vietnamese as is, one value per line however long; members in flow style
(`- {school: ..., role: ...}`) where a file writes them so.

The importer's data is plain (mappings, lists, strings, integers), so it is written
here directly rather than through PyYAML's pure-Python emitter, which took a
millisecond a member (10 s for a province's list). A string is written plain only when
it cannot be read back as anything else; otherwise as a JSON string, which YAML reads
as a double-quoted scalar. Every file the importer writes is read back and compared
with what was meant (merge.py), and the tests read every rendering back.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

# C LibYAML when installed (about ten times faster), else PyYAML's Python classes.
Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A plain scalar that reads back as the same string: starts with a letter, holds no
# character YAML gives a meaning to, does not end in a space or a colon.
_PLAIN = re.compile(r"[^\W\d_][^:#{}\[\],&*!|>'\"%@`\n\r\t]*(?<![\s:])")
_SPECIAL = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})


def load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader, C or Python


def scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        raise TypeError(f"not a data value: {value!r}")
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _SPECIAL:
        return text
    return json.dumps(text, ensure_ascii=False)


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if isinstance(item, dict | list):
                out.append(f"{pad}{key}:" if item else f"{pad}{key}: {'{}' if isinstance(item, dict) else '[]'}")
                out += _lines(item, indent + 2) if item else []
            else:
                out.append(f"{pad}{key}: {scalar(item)}")
        return out
    if isinstance(value, list):
        out = []
        for item in value:
            inner = _lines(item, indent + 2) if isinstance(item, dict | list) else [f"{pad}  {scalar(item)}"]
            out.append(f"{pad}- {inner[0][indent + 2:]}")
            out += inner[1:]
        return out
    return [pad + scalar(value)]


def dump(data: Any) -> str:
    """Block-style YAML of plain data, lists indented under their key."""
    return "\n".join(_lines(data, 0)) + "\n"


def item_lines(entry: dict[str, Any], dash: int, flow: bool) -> list[str]:
    """A list item with its "-" at column `dash`: a block, or one `{key: value}` line."""
    if flow:
        return [" " * dash + "- {" + ", ".join(f"{k}: {scalar(v)}" for k, v in entry.items()) + "}"]
    return _lines([entry], dash)
