"""YAML written the way the data files are written: block style, lists indented under
their key, Vietnamese as is, one value per line however long."""

from __future__ import annotations

from typing import Any

import yaml


class _IndentDumper(yaml.SafeDumper):
    """Indents lists under their key, as the data files do ("members:\\n  - stt: 1")."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def dump(data: Any) -> str:
    text: str = yaml.dump(data, Dumper=_IndentDumper, allow_unicode=True, sort_keys=False, width=100_000,
                          default_flow_style=False)
    return text


def indented(data: Any, indent: int) -> list[str]:
    """`dump(data)` as lines, each indented by `indent` spaces."""
    return [" " * indent + line for line in dump(data).splitlines()]
