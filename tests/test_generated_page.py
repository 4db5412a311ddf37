"""A generated page out of the nav is rendered without Markdown (portal_mkdocs/generated_page.py):
what it sets is what MkDocs' Page.render sets for the same blank Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from conftest import REPO
from portal_mkdocs.generated_page import GeneratedPage

FIELDS = ("content", "_title_from_render", "present_anchor_ids", "links_to_anchors")


@pytest.mark.parametrize("markdown", ["", "  \n", "# Tiêu đề\n\n[x](#a) <a id='b'></a>"])
def test_the_same_as_mkdocs_page_render(tmp_path: Path, markdown: str) -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    (tmp_path / "nguoi").mkdir()
    (tmp_path / "nguoi/x.md").write_text(markdown, encoding="utf-8")
    file = File("nguoi/x.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    rendered = []
    for kind in (Page, GeneratedPage):
        page = kind(None, file, config)
        page.markdown = markdown
        page.render(config, Files([file]))
        rendered.append(page)
    mkdocs, ours = rendered
    assert [getattr(ours, name, None) for name in FIELDS] == [getattr(mkdocs, name, None) for name in FIELDS]
    assert [(a.title, a.id, a.level) for a in ours.toc] == [(a.title, a.id, a.level) for a in mkdocs.toc]
    assert (ours.content == "") == (not markdown.strip())
