"""MkDocs' Page for a generated page out of the nav, rendered without Markdown.

Such a page's Markdown is empty (its article comes from the portal's template when the
page is written: plugin.py), yet MkDocs' `Page.render` builds a new Markdown instance with
every extension for each page: most of MkDocs' own cost per page at a province. For empty
Markdown, `render` here sets what Markdown would have given (no content, no table of
contents, no title, no anchors); any other Markdown (a plugin added some) goes through
MkDocs as before.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.pages import log as pages_log
from mkdocs.structure.toc import get_toc


class GeneratedPage(Page):
    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or self.markdown.strip():
            super().render(config, files)
            return
        # What Page.render gives for blank Markdown (markdown.Markdown.convert returns '').
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        if pages_log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {}
