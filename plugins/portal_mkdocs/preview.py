"""The preview of an edit under `mkdocs serve`: only the pages a data edit touched, rewritten.

After each full build of `mkdocs serve`, `Preview` keeps what MkDocs built with (config,
files, navigation, Jinja environment, the joined stylesheet) and a map from each record to
the pages that hold it (portal.dependencies), computed in the background. When only files
under data/ changed, `update` loads the data again, finds the records and derived results
the edit changed (portal.changes) and builds the contexts of the pages holding them and of
the hubs; it then returns, so that the server reloads the browser, and one writer thread
writes those pages through MkDocs' own page build (a page a request waits for first:
page_queue.py), then the exports of the bodies among them, the school years' JSON, the
calendars and the feed: the same bytes a full build of the edited data writes. The search
index is not rebuilt: it is stale until the next full build, and the served pages say so
(preview_serve.py).

`update` answers FULL when a page is added or removed (MkDocs' files and the sitemap change):
the caller then runs MkDocs' full build. Once the pages are written, the same thread
checks that the purged stylesheet stays what it was (the names the pages use decide which
rules it keeps); if not, it asks for a full build. A data error leaves the served site as
it was and shows the clerk's report (in the terminal, and on the served pages: `refused`,
preview_serve.py); so does an edit that makes private a contact written in
the site's own files (mkdocs.yml, content/, the theme's custom_dir: portal.site_checks, run
again when the private values change).
"""

from __future__ import annotations

import enum
import gc
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page  # MkDocs' own page build (mkdocs<2)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from portal import calendar, exports, feed
from portal.changes import changed_keys
from portal.checked_files import CheckedFiles, Contents, same_files
from portal.contexts import BodyPage
from portal.dates import SchoolYear
from portal.dependencies import DependencyIndex, KeyCollector, json_keys
from portal.kept_results import KeptResults
from portal.load import cycle_collector_paused
from portal.pages import Pages, PageSpec
from portal.problems import DataError, report
from portal.render import Renderer
from portal.urls import src_uri

from . import notices, output
from .css_purge import purge
from .page_queue import PageQueue
from .site_names import SCRIPT_SUFFIXES, SiteNames, names_in
from .stylesheet import HREF, RUN, Joined, relink

if TYPE_CHECKING:
    from .plugin import PortalPlugin

log = get_plugin_logger(__name__)


class Outcome(enum.Enum):
    UPDATED = "updated"  # the touched pages are rewritten
    KEPT = "kept"  # the data has an error: nothing was written
    UNCHANGED = "unchanged"  # no data file changed since the last load (a second event of one save)
    AS_SERVED = "as served"  # the data is again that of the served pages (an edit refused, then undone)
    FULL = "full"  # a full build is needed


@dataclass
class Built:
    """What the last full build of `mkdocs serve` built with."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment
    pages: Pages
    sheets: list[Joined]


@dataclass
class ExportsDue:
    """The files beside the pages that updates have still to write, from the data of the last
    one: the lists of bodies (by school year and id), the JSON of school years, and the
    calendars and the feed (written at the end of every update)."""

    bodies: set[tuple[SchoolYear, str]] = field(default_factory=set)
    years: set[SchoolYear] = field(default_factory=set)
    calendars_and_feed: bool = False

    def __bool__(self) -> bool:
        return bool(self.bodies or self.years or self.calendars_and_feed)


@dataclass
class Preview:
    built: Built | None = None
    search_stale: bool = False  # the served site's search index predates an edit
    refused: str = ""  # the report of the last update, if it was refused (Outcome.KEPT)
    index: DependencyIndex = field(default_factory=DependencyIndex)
    files: CheckedFiles = field(default_factory=CheckedFiles)  # each data file as the last load read it
    # Each data file as the load of the served pages read it (CheckedFiles.contents).
    served_files: Contents = field(default_factory=dict)
    # The data files as the last full build read them: what the search index was made of.
    indexed_files: Contents = field(default_factory=dict)
    results: KeptResults = field(default_factory=KeptResults)  # the diffs of the last Pages, with their reads
    # How many pages use each name the stylesheet's purge reads; the names of scripts and sheets.
    page_names: Counter[tuple[str, str]] = field(default_factory=Counter)
    other_names: frozenset[tuple[str, str]] = frozenset()
    _indexing: threading.Thread | None = None
    _checking: threading.Thread | None = None  # writes an update's pages, then its exports and checks
    queue: PageQueue = field(default_factory=PageQueue)  # the last update's pages still to write
    sheet_changed: bool = False  # an edit changed the purged stylesheet: a full build is due
    due: ExportsDue = field(default_factory=ExportsDue)
    # Set when the next update starts: the last one's thread then leaves it the exports it has
    # not written, which it writes from its newer data (or from the last, if it writes nothing).
    _next_update: threading.Event = field(default_factory=threading.Event)
    # Set by `mkdocs serve` (preview_serve.attach): wakes its build loop for a full build.
    request_full_build: Callable[[], None] = lambda: None
    # Parts of a build MkDocs hands to separate events, kept until the build ends.
    _nav: Navigation | None = None
    _env: tuple[Environment, Files] | None = None

    # Called from the plugin's events during a full build.

    def full_build_starts(self) -> None:
        """What the last full build kept goes back to the cycle collector (built_fully froze it)."""
        gc.unfreeze()

    def saw_nav(self, nav: Navigation) -> None:
        self._nav = nav

    def saw_env(self, env: Environment, files: Files) -> None:
        self._env = (env, files)

    def built_fully(self, config: MkDocsConfig, pages: Pages, specs: dict[str, PageSpec],
                    sheets: list[Joined]) -> None:
        """A full build ended: keep its state, map its pages in the background."""
        assert self._nav is not None and self._env is not None, "on_nav and on_env come first"
        self.settle()  # no thread of the last build writes into this one's map
        env, files = self._env
        self.built = Built(config, files, self._nav, env, pages, sheets)
        self.served_files = self.files.contents()  # the build's own load (on_config)
        self.indexed_files = self.served_files
        self.search_stale = False
        self.sheet_changed = False
        self.due = ExportsDue()  # the full build wrote them all
        self.index = DependencyIndex()
        contexts = [(spec.url, spec.context) for spec in specs.values()]
        # What the build keeps (the data, its pages, MkDocs' files, Jinja) lives until the next
        # full build: frozen out of the cycle collector, whose passes over it (about 1 s each at
        # scale 1) came every few seconds during an update. Reference counting still frees it.
        gc.collect()  # what the last full build kept, now replaced
        gc.freeze()
        self._indexing = threading.Thread(target=self._map, args=(contexts, Path(config.site_dir)), daemon=True)
        self._indexing.start()

    def _map(self, contexts: list[tuple[str, object]], site: Path) -> None:
        """The pages' keys, and the names the purged stylesheet was cut to, counted by page."""
        collector = KeyCollector()
        for url, context in contexts:
            self.index.put(url, collector.keys(context))
        assert self.built is not None
        urls = self.built.pages.urls
        self._map_years({path: (site / path).read_bytes() for path in
                         (exports.year_export_path(year, urls) for year in self.built.pages.portal.school_years)})
        self.page_names = Counter()
        files = sorted(path for path in site.rglob("*") if path.is_file())
        for path in files:
            if path.suffix == ".html":
                self.page_names.update(_tagged(names_in([_read(path)], ())))
        purged = {source for joined in self.built.sheets for source in joined.sources}
        self.other_names = _tagged(names_in((), (_read(p) for p in files if p.suffix in SCRIPT_SUFFIXES),
                                            (_read(p) for p in files if p.suffix == ".css"
                                             and p.relative_to(site).as_posix() not in purged)))
        gc.freeze()  # the map, with what the build keeps (built_fully)
        log.info(notices.PREVIEW_READY)

    def update(self, plugin: PortalPlugin) -> Outcome:
        """Rewrite what an edit under data/ touched, or say that a full build is needed."""
        if self.built is None:
            return Outcome.FULL
        started = time.perf_counter()
        built = self.built
        self.refused = ""
        self._next_update.set()  # the load has the processor to itself, not the last edit's exports
        try:
            pages = plugin.load_pages(built.config)
        except DataError as error:
            return self._refuse(notices.preview_data_error(plugin.config.data_dir, error))
        if not self.files.changed:
            self._resume_exports()
            return Outcome.UNCHANGED
        if same_files(self.files.contents(), self.served_files):
            # An edit refused, then undone (the file saved back as it was, or only with other
            # line endings, a byte order mark, a space after a value: same_files), or a file
            # saved again so: against the last load it changed, against the pages served
            # nothing did; none is written again.
            log.info(notices.PREVIEW_AS_SERVED)
            self._resume_exports()
            return Outcome.AS_SERVED
        if pages.portal.redactor.values != built.pages.portal.redactor.values:
            # The site's own texts were checked against the last private values: again, as the
            # full build would (a copyright holding a number the edit made private).
            redactor = pages.portal.redactor
            refused = [problem for problem in [*plugin.settings_problems(built.config, redactor),
                                               *plugin.site_file_problems(built.config, redactor)]
                       if problem.severity == "error"]
            if refused:
                return self._refuse(notices.preview_site_refused(report(refused, closing=None)))
        self.settle()
        self._next_update.clear()
        touched = self.index.pages(changed_keys(built.pages, pages))
        touched |= {spec.url for spec in plugin.specs.values() if spec.in_nav}  # the hubs: a few, always
        seen: set[str] = set()

        def wanted(url: str) -> bool:
            seen.add(url)
            return url in touched

        with cycle_collector_paused():
            specs = {src_uri(spec.url): spec for spec in pages.all(wanted)}
        if seen != {spec.url for spec in plugin.specs.values()}:
            return Outcome.FULL  # pages added or removed
        found = [file for uri in specs if (file := built.files.get_file_from_path(uri)) is not None
                 and file.generated_by and file.page is not None]  # else a hand-written page took the URL
        plugin.specs.update(specs)
        self.served_files = self.files.contents()
        self.due.bodies |= {(spec.context.body.school_year, spec.context.body.id) for spec in specs.values()
                            if isinstance(spec.context, BodyPage)}
        self.due.years |= {year for year in pages.portal.school_years
                           if exports.year_export_path(year, pages.urls) in touched}
        self.due.calendars_and_feed = True
        if plugin.renderer is None:
            plugin.renderer = Renderer(pages)
        plugin.renderer.use(pages)
        built.pages = pages
        # The data back as the full build indexed it: its pages, and so its index, are those again.
        self.search_stale = not same_files(self.served_files, self.indexed_files)
        # The pages are written by one thread, the one a request waits for first (wait_for),
        # then the rewritten pages are mapped again, the stylesheet checked (a full build follows
        # if the sheet changes), and the exports written (those the next update takes over, it
        # writes). The next update and a full build settle first.
        self.queue = PageQueue(file.dest_uri for file in found)
        self._checking = threading.Thread(target=self._write, args=(pages, specs, found, started), daemon=True)
        self._checking.start()
        log.info(notices.preview_pages_known(len(found), time.perf_counter() - started))
        return Outcome.UPDATED

    def _refuse(self, told: str) -> Outcome:
        """The edit is not shown: the clerk is told why, in the terminal and on the served pages."""
        log.error(told)
        self.refused = told
        self._resume_exports()
        return Outcome.KEPT

    def _resume_exports(self) -> None:
        """An update that writes nothing: what the last one left of its exports is written now."""
        self.settle()
        self._next_update.clear()
        if self.due and self.built is not None:
            self._checking = threading.Thread(target=self._write_exports, args=(self.built.pages,), daemon=True)
            self._checking.start()

    def wait_for(self, dest_uri: str) -> None:
        """Return once the page of the site at `dest_uri` is as the last update writes it."""
        self.queue.wait_for(dest_uri)

    def _write(self, pages: Pages, specs: dict[str, PageSpec], found: list[File], started: float) -> None:
        try:
            before, after = self._write_pages(found)
        except BaseException:
            self.sheet_changed = True  # the site is half written: a full build writes it again
            self.request_full_build()
            raise
        finally:
            self.queue.release()
        log.info(notices.preview_updated(len(after), time.perf_counter() - started))
        self._after_pages(pages, specs, before, after)

    def _after_pages(self, pages: Pages, specs: dict[str, PageSpec], before: list[str], after: list[str]) -> None:
        assert self.built is not None
        collector = KeyCollector()
        for spec in specs.values():
            self.index.put(spec.url, collector.keys(spec.context))
        self._check_sheet(before, after)
        self._write_exports(pages)
        # What the update leaves (its data and pages, the map) joins what the full build kept;
        # the state it replaced is freed by reference counting, but for its few cycles (the
        # collector found a few thousand objects in a pass during an edit at scale 1), which
        # stay until the next full build unfreezes them.
        gc.freeze()

    def _map_years(self, year_files: dict[str, bytes]) -> None:
        """A school year's JSON (path -> content) is mapped as a page is, by the ids it holds."""
        for path, content in year_files.items():
            self.index.put(path, json_keys(content))

    def settle(self) -> bool:
        """Wait for the work left in the background; False when it asked for a full build."""
        for thread in (self._indexing, self._checking):
            if thread is not None:
                thread.join()
        return not self.sheet_changed

    def _check_sheet(self, before: list[str], after: list[str]) -> None:
        """Ask for a full build if the edited pages change the purged stylesheet."""
        if not self._same_sheet(before, after):
            self.sheet_changed = True
            log.info(notices.preview_full_build("bảng kiểu của trang web đổi"))
            self.request_full_build()

    def _write_pages(self, found: list[File]) -> tuple[list[str], list[str]]:
        """Rewrite the pages of `found` as MkDocs builds a page, linking the joined stylesheet,
        in the queue's order; their HTML before and after (before the stylesheet's link)."""
        assert self.built is not None
        built = self.built
        pages = {file.dest_uri: file for file in found}
        doc_files = built.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        before: list[str] = []
        after: list[str] = []
        while (dest_uri := self.queue.take()) is not None:
            file = pages[dest_uri]
            path = Path(file.abs_dest_path)
            before.append(_read(path))
            assert file.page is not None
            _populate_page(file.page, built.config, built.files)
            _build_page(file.page, built.config, doc_files, built.nav, built.env)
            html = path.read_bytes().decode("utf-8")  # as written, newlines too: relink counts its bytes
            after.append(html)
            self._relink(path, html)
            self.queue.written(dest_uri)
        return before, after

    def _same_sheet(self, before: list[str], after: list[str]) -> bool:
        """Whether the edited site's names (counted page by page) purge the sheets to what
        the full build wrote; the counts then become the edited site's."""
        assert self.built is not None
        change: Counter[tuple[str, str]] = Counter()
        for old, new in zip(before, after, strict=True):
            old_names, new_names = _tagged(names_in([old], ())), _tagged(names_in([new], ()))
            if old_names != new_names:
                change.subtract(old_names)
                change.update(new_names)
        if not any(change.values()):
            return True  # every page uses the names it used (an edit of text): the counts stand
        counts = self.page_names.copy()
        counts.update(change)
        names = _untagged(self.other_names | {name for name, count in counts.items() if count > 0})
        for joined in self.built.sheets:
            if names != joined.names:
                whole = "\n".join(_read(Path(self.built.config.site_dir) / source) for source in joined.sources)
                if purge(whole, names) != _read(Path(self.built.config.site_dir) / joined.sheet):
                    return False
        self.page_names = +counts
        return True

    def _relink(self, page: Path, html: str) -> None:
        """Link the joined stylesheet, as the full build did."""
        assert self.built is not None
        found = RUN.search(html)
        if found is None:
            return
        sources = tuple(HREF.findall(found.group(0)))
        sheet = next((j.sheet for j in self.built.sheets if j.sources == sources), None)
        if sheet is not None:
            relink(page, sheet, html)

    def _write_exports(self, pages: Pages) -> None:
        """What is due (ExportsDue), from `pages`' data, as the full build writes it
        (plugin._export_files), one file after the other, until the next update takes the rest
        over; a year's JSON is mapped as it is written."""
        assert self.built is not None
        site, site_url = Path(self.built.config.site_dir), self.built.config.site_url or ""
        portal, urls = pages.portal, pages.urls
        while self.due.bodies and not self._next_update.is_set():
            body = portal.bodies[self.due.bodies.pop()]  # an update whose data lacks it asks for a full build
            lists = exports.body_exports(portal, body, urls)
            if not lists:  # the list was emptied: its files go
                for path in exports.body_export_paths(body, urls):
                    (site / path).unlink(missing_ok=True)
            _write_changed(site, lists)
        while self.due.years and not self._next_update.is_set():
            year = self.due.years.pop()
            path, content = exports.year_export_path(year, urls), exports.year_json(portal, year)
            _write_changed(site, {path: content})
            self._map_years({path: content})
        if self.due.calendars_and_feed and not self._next_update.is_set():
            _write_changed(site, calendar.calendar_files(portal, urls, site_url or None, pages.calendar_events)
                           | feed.feed_files(portal, urls, site_url))
            self.due.calendars_and_feed = False


def _write_changed(site: Path, files: dict[str, bytes]) -> None:
    """output.write_files of those of `files` whose bytes the site does not already hold."""
    output.write_files(site, {name: content for name, content in files.items()
                              if not (target := site / name).is_file() or target.read_bytes() != content})


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _tagged(names: SiteNames) -> frozenset[tuple[str, str]]:
    """Every name with the field it is in, so that names of all kinds can be counted alike."""
    return frozenset((f.name, name) for f in fields(names) for name in getattr(names, f.name))


def _untagged(tagged: frozenset[tuple[str, str]]) -> SiteNames:
    def named(field_name: str) -> frozenset[str]:
        return frozenset(value for name, value in tagged if name == field_name)

    return SiteNames(named("elements"), named("attributes"), named("values"), named("classes"), named("ids"),
                     named("script_words"), tuple(sorted(named("script_prefixes"))), named("custom_properties"))
