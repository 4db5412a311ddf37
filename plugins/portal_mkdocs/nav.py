"""The hub pages in the navigation, whatever the user's `nav` says.

Generated leaf pages stay out of the navigation (Material renders the whole navigation into
every page); the hubs (home, years, schools, offices, documents, changes) belong in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.files import File, file_sort_key
from mkdocs.utils import nest_paths


@dataclass(frozen=True)
class Hub:
    title: str
    src_uri: str


def with_hubs(nav: list[Any] | None, hubs: Sequence[Hub], pages: Iterable[File]) -> list[Any]:
    """The navigation with every hub in it.

    Without a `nav` in mkdocs.yml: the hubs in their order, then the other pages (`pages`, those
    MkDocs would list) as MkDocs orders them. With one: its entries keep their places and
    titles, and each hub it lists nowhere goes at its top level, right after the hub before it
    (or first).
    """
    if nav is None:
        hub_uris = {hub.src_uri for hub in hubs}
        others = sorted((page for page in pages if page.src_uri not in hub_uris), key=file_sort_key)
        listed: list[Any] = nest_paths(page.src_uri for page in others)
        return [{hub.title: hub.src_uri} for hub in hubs] + listed
    entries = list(nav)
    position = 0
    for hub in hubs:
        top_level = [i for i, entry in enumerate(entries) if hub.src_uri in _targets(entry, nested=False)]
        if top_level:
            position = top_level[0] + 1
        elif not any(hub.src_uri in _targets(entry) for entry in entries):
            entries.insert(position, {hub.title: hub.src_uri})
            position += 1
    return entries


def _targets(entry: Any, nested: bool = True) -> set[str]:
    """The pages a nav entry points at: `page.md`, `{title: page.md}`, or a section's pages."""
    if isinstance(entry, str):
        return {entry}
    if isinstance(entry, dict):
        found: set[str] = set()
        for value in entry.values():
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, list) and nested:
                found.update(target for item in value for target in _targets(item))
        return found
    return set()
