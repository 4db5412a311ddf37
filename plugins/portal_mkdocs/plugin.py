"""The `portal` MkDocs plugin: load the data once, add generated pages, render them.

Domain logic lives in the `portal` core; this module only adapts it to MkDocs events.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from portal import build_cache, calendar, exports, feed, originals, site_checks
from portal.load import cycle_collector_paused, load_or_raise
from portal.pages import Pages, PageSpec
from portal.privacy import Redactor
from portal.problems import DataError, Problem, report
from portal.render import Renderer
from portal.sample import without_sample
from portal.site_checks import (
    Settings,
    file_problems,
    folder_files,
    rendered_problems,
    settings_problems,
    shown_path,
)
from portal.site_config import inherited_sources
from portal.urls import UrlFormats, src_uri

from . import edit, nav, notices, output, preview_serve, served_site, system, termination, theme
from .chrome import CHROME_TEMPLATE, ChromeCache
from .config import PortalConfig
from .edit import edit_url
from .generated_page import GeneratedPage
from .index_and_sheets import index_and_join
from .killpoints import Step, checkpoint
from .notices import BuildStopped, PublishError
from .parallel import Ahead, worker_count
from .precompress import precompress
from .preview import Preview
from .publish import Publisher
from .search import OUTPUT_DIR, Indexer, PagefindError, PagefindMissing, find_indexer, write_filter_order
from .served_site import ServedSite
from .written import WrittenPages

log = get_plugin_logger(__name__)

# Stands in a generated page's content until the page is written (see on_page_content).
# It mentions "<h1" because Material adds a title of its own to content without one.
CONTENT_PLACEHOLDER = "<!-- portal: page content (it has its own <h1>) -->"


def theme_safe_title(title: str) -> str:
    """A page title the theme can print anywhere unescaped.

    Material prints `page.title` raw, or through `striptags`, which turns entities back
    into characters; so markup characters become look-alikes and `&` an entity.
    """
    plain = title.replace("<", "‹").replace(">", "›").replace('"', "”")
    return plain.replace("&", "&amp;")


def _config_name(config: MkDocsConfig) -> str:
    """mkdocs.yml, as the clerk calls it."""
    return Path(config.config_file_path or "mkdocs.yml").name


class PortalPlugin(BasePlugin[PortalConfig]):
    def __init__(self) -> None:
        self.renderer: Renderer | None = None
        self.specs: dict[str, PageSpec] = {}
        self.data_dir = Path("data")
        self.command = "build"
        # MkDocs writes into the publisher's staging folder; a finished build replaces the site.
        self.publisher: Publisher | None = None
        # Under `mkdocs serve`: the served site, set aside until the build has made a new one.
        self.served: ServedSite | None = None
        self.serve_folder: Path | None = None  # MkDocs' temporary folder of `mkdocs serve`
        self.dirty = False
        self.indexer: Indexer | None = None
        self.chrome = ChromeCache()
        self.nav_urls: frozenset[str] = frozenset()  # of the pages in the nav (chrome.py)
        self.ahead: Ahead | None = None  # articles and exports made in worker processes (parallel.py)
        self.preview: Preview | None = None  # under `mkdocs serve`: an edit of data/ rewrites its pages (preview.py)
        self.shown = preview_serve.Shown()  # what the pages served by `mkdocs serve` carry (preview_serve.py)
        # A refused build is followed by another at the next save (`mkdocs serve` watching): its
        # report then closes with "save", not "run again" (notices.data_refused).
        self.rebuilds_on_save = False
        self.written: WrittenPages | None = None  # the pages of this build, as written (written.py)
        self.cache_folder: Path | None = None  # the build cache's (portal.build_cache), checked in on_config
        # Private values in the rendered hand-written pages, told together after the last page.
        self.rendered_problems: list[Problem] = []

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        if not system.can_build() and self.config.enabled:  # before anything POSIX's runs (system.py)
            raise Abort(notices.unsupported_system())
        termination.handle_sigterm()  # `kill <pid>` cleans up as Ctrl-C does (on_shutdown)
        self.command = command
        self.dirty = dirty
        # MkDocs keeps this instance for every build of the process (tests run many): start afresh.
        self.publisher = None
        self.served = None
        self.serve_folder = None
        self.preview = Preview() if command == "serve" else None
        # `mkdocs serve` (--clean too) that rebuilds at each save: a refused first build no longer ends it.
        self.rebuilds_on_save = preview_serve.rebuilds_on_save()
        self.shown = preview_serve.Shown(built=not self.rebuilds_on_save)  # else nothing is served yet
        if self.rebuilds_on_save:
            preview_serve.outlive_first_build(self.shown, lambda: self.config.enabled)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """MkDocs event `config`: the theme layer, then load and check the data once."""
        if not self.config.enabled:
            return config
        if preview_serve.under_serve_command():  # before the publisher (`--clean`) names its staging folder
            self.serve_folder = Path(config.site_dir)
        # Absolute: the option resolves it (config.DataDir). First: a first build refused below
        # still has `mkdocs serve` watch it (on_serve).
        self.data_dir = Path(self.config.data_dir)
        if self.preview is not None:
            self.preview.full_build_starts()
        self.cache_folder = self._cache_folder(config)
        originals.CHECKED.use_folder(self.cache_folder)
        site_checks.CLEAN_SITE_FILES.use_folder(self.cache_folder)
        if self.command != "serve":  # `mkdocs serve` builds into a temporary folder already
            # First: the lock, and the recovery of an interrupted publication (publish.py).
            self.publisher = Publisher(Path(config.site_dir), lock_timeout=self.config.lock_timeout,
                                       notify=log.info)
            try:
                config.site_dir = str(self.publisher.start())
            except PublishError as error:
                raise PluginError(str(error)) from None
        elif not self.dirty:  # the served site stays until this build has made a new one
            self.served = ServedSite(Path(config.site_dir))
            self.served.set_aside()
        try:  # found now, not after the pages are built
            self.indexer = find_indexer(self._pagefind_binary(config))
        except PagefindMissing as error:
            raise PluginError(notices.pagefind_missing(error.detail)) from None
        theme.add_theme_layer(config)
        theme.default_to_vietnamese(config)
        theme.show_edit_button(config, self.config.edit_url_template)
        try:
            pages = self.load_pages(config)
        except DataError as error:
            raise PluginError(notices.data_refused(self.config.data_dir, error, saved=self.rebuilds_on_save)) from None
        self.renderer = Renderer(pages)
        self._check_settings(config, pages.portal.redactor)
        # Reproducible output: the sitemap's dates come from the data, not from the clock.
        epoch = output.source_date_epoch(pages.newest_date)
        if epoch and "SOURCE_DATE_EPOCH" not in os.environ:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
        with cycle_collector_paused():
            self.specs = {src_uri(spec.url): spec for spec in pages.all()}
        return config

    @staticmethod
    def _cache_folder(config: MkDocsConfig) -> Path | None:
        """The build cache's folder (build_cache.site_folder), refused inside the site's own
        folders: before the lock is taken, nothing to clean up."""
        site = Path(config.site_dir)
        folders = [Path(config.docs_dir), site]  # site_folder follows links: a linked site's target too
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        try:
            return build_cache.site_folder(folders)
        except build_cache.UnsafeFolder as error:
            raise PluginError(str(error)) from None

    def load_pages(self, config: MkDocsConfig) -> Pages:
        """Load and check data/ (DataError if it has errors), and make its pages."""
        urls = UrlFormats(**{name: self.config.urls[name] for name in UrlFormats.names()})
        # Under `mkdocs serve`, only the files changed since the last load are read again, and
        # only the diffs between years whose records changed are made again.
        with cycle_collector_paused():
            portal, warnings = load_or_raise(self.data_dir, kept=self.preview.files if self.preview else None)
            if not self.config.sample_data:
                portal = without_sample(portal)
            for warning in warnings:
                log.warning(warning.format())
            return Pages(portal, urls, config.site_url or "", kept=self.preview.results if self.preview else None)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """MkDocs event `env`: what the footer names (overrides/partials/copyright.html)."""
        env.globals["portal_publisher"] = self.config.publisher or config.site_name
        # Anew each build: main.html and its partials may have changed (mkdocs serve).
        self.chrome = ChromeCache(self.nav_urls)
        self.chrome.install(env)
        if self.preview is not None:
            self.preview.saw_env(env, files)
        self.written = WrittenPages(Path(config.site_dir))
        workers = worker_count()
        if self.renderer is not None and self.command == "build" and workers > 1:
            uris = [file.src_uri for file in files.documentation_pages()
                    if file.generated_by and file.src_uri in self.specs]
            self.ahead = Ahead(self._article, uris, lambda: self._export_files(config), workers, Path(config.site_dir))
        return env

    def _article(self, uri: str) -> str:
        """The HTML of a generated page's article, with what the search index reads."""
        from . import search

        assert self.renderer is not None
        spec = self.specs[uri]
        return search.annotate_generated(self.renderer.render(spec), spec)

    def _export_files(self, config: MkDocsConfig) -> dict[str, bytes]:
        """The files beside the pages: exports, calendars and the feed."""
        assert self.renderer is not None
        pages = self.renderer.pages
        portal, urls = pages.portal, pages.urls
        site_url = config.site_url or ""
        return {**exports.export_files(portal, urls),
                **calendar.calendar_files(portal, urls, site_url or None, pages.calendar_events),
                **feed.feed_files(portal, urls, site_url)}

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """MkDocs event `files`: the hubs in the nav; one virtual file per generated page."""
        if self.config.enabled:
            hubs = [nav.Hub(spec.title, uri) for uri, spec in self.specs.items() if spec.in_nav]
            pages = [file for file in files.documentation_pages() if file.inclusion.is_in_nav()]
            config.nav = nav.with_hubs(config.nav, hubs, pages)  # the hand-written pages are there already
        edit_uris: dict[str, str] = {}  # a data file's, worked out once: a province has 93 for 25,000 pages
        for uri, spec in self.specs.items():
            if files.get_file_from_path(uri) is not None:
                continue  # a hand-written page of content/ takes precedence
            inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, uri, content="", inclusion=inclusion)
            if spec.edit_path:
                if spec.edit_path not in edit_uris:
                    edit_uris[spec.edit_path] = edit.edit_uri(self.data_dir.parent / spec.edit_path,
                                                              Path(config.docs_dir))
                file.edit_uri = edit_uris[spec.edit_path]
            files.append(file)
        self._check_files(config)
        return files

    @staticmethod
    def _check_settings(config: MkDocsConfig, redactor: Redactor) -> None:
        """Stop the build when a text of mkdocs.yml fails a check of portal.site_checks (a
        private contact, markup in site_name): the theme prints site_name, site_description,
        copyright, extra and the nav on every page."""
        problems = PortalPlugin.settings_problems(config, redactor)
        if problems:  # the build's last line says it stopped (on_build_error): no other closing
            raise PluginError(notices.site_settings_refused(_config_name(config), report(problems, closing=None)))

    @staticmethod
    def settings_problems(config: MkDocsConfig, redactor: Redactor) -> list[Problem]:
        """What the checks of portal.site_checks find in mkdocs.yml's texts."""
        # Each value told in the file that holds it (INHERIT), as `cotcan kiem-tra` tells it.
        sources = inherited_sources(Path(config.config_file_path)) if config.config_file_path else ()
        return settings_problems(Settings(theme.settings_as_written(config), _config_name(config), sources), redactor)

    def _check_files(self, config: MkDocsConfig) -> None:
        """Stop the build when a file of the site's own folders (docs_dir, the theme's
        custom_dir: what `cotcan kiem-tra` walks) fails a check of portal.site_checks: a text
        file holding a private contact (any page, those exclude_docs or draft_docs leave out
        too; a template of the theme), a file named with one (its address); every such file
        and line is listed at once."""
        self.rendered_problems = []
        if self.renderer is None:
            return
        problems = self.site_file_problems(config, self.renderer.pages.portal.redactor)
        if any(problem.severity == "error" for problem in problems):
            raise PluginError(notices.site_files_refused(report(problems, closing=None)))
        for warning in problems:  # a file too large to read whole: published, and said so
            log.warning(warning.format())

    @staticmethod
    def site_file_problems(config: MkDocsConfig, redactor: Redactor) -> list[Problem]:
        """What the checks of portal.site_checks find in the files of docs_dir and custom_dir."""
        folders = [Path(folder) for folder in (config.docs_dir, config.theme.custom_dir) if folder]
        return file_problems(folder_files(folders, Path(config.config_file_path or ".").parent), redactor)

    def _shown(self, file: File, config: MkDocsConfig) -> str:
        """A hand-written page's source file, as the clerk finds it from the project's folder."""
        return shown_path(file.abs_src_path or file.src_path, Path(config.config_file_path or ".").parent)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        self.nav_urls = frozenset(page.url for page in nav.pages)
        for file in files.documentation_pages():  # out of the nav: rendered without Markdown
            if file.generated_by and file.src_uri in self.specs and file.inclusion.is_not_in_nav():
                GeneratedPage(None, file, config)
        if self.preview is not None:
            self.preview.saw_nav(nav)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is None or not page.file.generated_by:
            return markdown
        page.meta.setdefault("title", theme_safe_title(spec.title))
        page.meta["portal_searchable"] = spec.searchable
        if not spec.in_nav:
            page.meta["template"] = CHROME_TEMPLATE  # the theme's chrome, filled (chrome.py)
        if spec.edit_path and self.config.edit_url_template:
            page.edit_url = edit_url(self.config.edit_url_template, spec.edit_path)
        return ""  # the HTML comes from the template in on_page_content

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        from . import search  # what the Pagefind index reads from each page (search.py)

        if self._spec(page) is not None:
            # MkDocs keeps every page's content until all are written; a generated page is
            # rendered only when its file is written (on_post_page), so memory stays flat.
            return CONTENT_PLACEHOLDER
        if self.renderer is not None:  # what its Markdown made of it (site_checks.RENDERED_CHECKS)
            self.rendered_problems += rendered_problems(html, self._shown(page.file, config),
                                                        self.renderer.pages.portal.redactor)
        # A hand-written page: its title and the folded copies, no filters.
        return search.annotate(html, search.SearchData(title=page.title or ""))

    def _fill_article(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        spec = self._spec(page)
        if spec is None or self.renderer is None:
            return output
        uri = page.file.src_uri
        html = self._article(uri) if self.ahead is None else self.ahead.take(uri)
        before, marker, after = output.partition(CONTENT_PLACEHOLDER)
        return before + html + after if marker else output

    @event_priority(-100)  # after every other plugin's: the page as it goes to the disk
    def _note_written(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.written is not None and output.strip():  # MkDocs writes no empty page
            return self.written.page(page.file.dest_uri, output)
        return output

    on_post_page = CombinedEvent(_fill_article, _note_written)

    def _spec(self, page: Page) -> PageSpec | None:
        return self.specs.get(page.file.src_uri) if page.file.generated_by else None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the exports, index the site with Pagefind, then publish it in one step."""
        if self.rendered_problems:  # the staged site is abandoned (on_build_error)
            raise PluginError(notices.site_files_refused(report(self.rendered_problems, closing=None)))
        checkpoint(Step.BUILT)
        site = Path(config.site_dir) if self.publisher is None else self.publisher.site
        try:
            if self.renderer is not None:
                if self.ahead is None:
                    output.write_files(Path(config.site_dir), self._export_files(config))
                else:  # written by a worker (parallel.py)
                    self.ahead.move_exports(Path(config.site_dir))
                self._stop_workers()
                pages = self.renderer.pages
                # The signed originals a document publishes, one at a time (a scan is megabytes).
                for path, original in originals.published(pages.portal, pages.urls).items():
                    content = originals.read_verified(self.data_dir, original)
                    output.write_files(Path(config.site_dir), {path: content})
            # One purged stylesheet: after Pagefind, whose UI script may add names to a page
            # (the pages are read while Pagefind runs); before the copies are packed, so that
            # the sheet gets its .gz and .br.
            stats, sheets = index_and_join(Path(config.site_dir), self.indexer,
                                           self.config.search_part_megabytes * 1e6, self.written)
            self.written = None
            write_filter_order(Path(config.site_dir) / OUTPUT_DIR, self.specs.values())  # for portal-search.js
            packed = precompress(Path(config.site_dir), self.cache_folder)
        except PagefindError as error:
            raise PluginError(notices.index_failed(site, error.detail)) from None
        except originals.OriginalChanged as error:
            raise PluginError(str(error)) from None
        except OSError as error:
            raise PluginError(notices.fault(site, error)) from None
        for joined in sheets:
            log.info(f"Bảng kiểu: {len(joined.sources)} tệp, {joined.bytes_in / 1024:.0f} KiB, gộp và lược "
                     f"thành {joined.sheet} ({joined.bytes_out / 1024:.0f} KiB) cho {joined.pages} trang")
        log.info(f"Nén sẵn: {packed.files} tệp, {packed.bytes_in / 1024:.0f} KiB thành "
                 f"{packed.gzip_bytes / 1024:.0f} KiB (.gz), {packed.brotli_bytes / 1024:.0f} KiB (.br)")
        log.info(f"Pagefind: {stats.pages} trang, {stats.files} tệp, {stats.bytes / 1024:.0f} KiB "
                 f"trong {stats.seconds:.1f} s, {stats.parts} phần "
                 f"(Pagefind {stats.indexer.version_text}, {stats.indexer.binary})")
        if config.strict and output.strict_warnings_pending():
            if self.publisher is not None:
                self.publisher.abandon()  # MkDocs aborts next: keep the old site (on_build_error)
            return
        if self.served is not None:
            self.served.drop()
            self.served = None
        if self.preview is not None and self.renderer is not None:
            self.preview.built_fully(config, self.renderer.pages, self.specs, sheets)
        if self.publisher is None:
            return
        try:
            self.publisher.publish()
        except PublishError as error:
            raise PluginError(str(error)) from None
        config.site_dir = str(self.publisher.site)

    def _pagefind_binary(self, config: MkDocsConfig) -> Path | None:
        if not self.config.pagefind_binary:
            return None
        return Path(config.config_file_path or ".").parent / self.config.pagefind_binary

    def _stop_workers(self) -> None:
        if self.ahead is not None:
            self.ahead.close()
            self.ahead = None

    @event_priority(-100)  # last: it may end the build, and every other plugin's clean-up runs first
    def on_build_error(self, *, error: Exception) -> None:
        """A failed build publishes nothing: the previous site stays as it was. A refusal (a
        BuildError: every PluginError of the portal) or a fault of the file system while MkDocs
        wrote the site (disk full, read-only; one line instead of a traceback) is told here,
        and the build ends with a Vietnamese line and exit code 1 (an Abort, as MkDocs ends on
        a BuildError with the English "Aborted with a BuildError!"), which carries the report
        (BuildStopped). Under `mkdocs serve` the served site is put back (served_site.py) and the
        server shows the report on its pages (preview_serve.py)."""
        self._stop_workers()
        kept = False  # a first build has no site yet
        if self.served is not None:
            kept = self.served.put_back()
            self.served = None
        if self.publisher is not None:
            self.publisher.abandon()
            kept = self.publisher.holds_site()
            if isinstance(error, OSError) and (fault := self.publisher.fault(error)) is not None:
                log.error(str(fault))
                raise BuildStopped(str(fault), kept=kept) from None
        if isinstance(error, BuildError):
            log.logger.error(str(error))  # as MkDocs logs it (unprefixed), before its own last line
            raise BuildStopped(str(error), kept=kept) from None
        if self.publisher is not None and isinstance(error, Abort) and not isinstance(error, BuildStopped) \
                and (count := output.strict_warnings_pending()):
            # MkDocs' end of a strict build with warnings, raised after on_post_build: told in Vietnamese.
            # (Under `mkdocs serve` the builder tells it: preview_serve.told.)
            line = notices.strict_warnings(count)
            log.logger.error(line)
            raise BuildStopped(line, kept=kept) from None

    def on_shutdown(self) -> None:
        """Ctrl-C (KeyboardInterrupt) and SIGTERM (termination.py) skip on_build_error: remove
        the staging folder and the lock here too, and put back the served site, with SIGINT and
        SIGTERM held off meanwhile: a second Ctrl-C would cut it short and leave the folder aside
        or the staging folder. MkDocs' temporary folder of `mkdocs serve`, which MkDocs removes
        next while the terminal waits, is removed in the background (served_site)."""
        stopped = isinstance(sys.exc_info()[1], KeyboardInterrupt)  # on_shutdown runs in MkDocs' `finally`
        with termination.held():
            self._stop_workers()
            if self.publisher is not None:
                unpublished = self.publisher.staging.exists()
                self.publisher.abandon()
                if stopped and unpublished:
                    log.info(notices.interrupted(self.publisher.holds_site()))
            if self.served is not None:
                self.served.put_back()
                self.served = None
            if self.serve_folder is not None:
                served_site.removed_in_background(self.serve_folder)
                self.serve_folder = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> None:
        """MkDocs event `serve`: an edit of data/ rewrites the pages it touched (preview_serve.py)."""
        if not self.config.enabled:
            return
        self.rebuilds_on_save = True  # `serve()` called from Python too: the server now watches
        if self.preview is None:  # `mkdocs serve --clean` builds as `mkdocs build` does
            server.watch(str(self.data_dir))
            preview_serve.keep_serving(server, self.shown)
        else:
            preview = self.preview
            preview_serve.attach(server, config, preview, self.data_dir, lambda: preview.update(self), self.shown)
