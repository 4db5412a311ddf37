"""Rendering pages in tests that make a new `Renderer` for each of many datasets (Hypothesis)."""

from __future__ import annotations

import jinja2

from portal.pages import Pages
from portal.render import Renderer


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory for the test run."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.stored:
            bucket.bytecode_from_string(self.stored[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _MemoryBytecodeCache()


def renderer_of(pages: Pages) -> Renderer:
    """`Renderer(pages)`, whose Jinja environment reuses the templates that earlier renderers of
    this run compiled, instead of compiling every template again (most of the time of a dataset's
    pages). Jinja compares each template's source checksum before it reuses the code, and the
    code looks the filters up in this environment, bound to this dataset."""
    renderer = Renderer(pages)
    renderer.env.bytecode_cache = _COMPILED
    return renderer
