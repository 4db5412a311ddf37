"""`mkdocs serve` with the preview: which rebuild an edit gets, and the notice that search lags.

MkDocs' server rebuilds everything whenever a watched file changes, and does not say which.
`attach` records the paths that changed (a watchdog handler on data/, the docs folder, the
config file and the extra watched paths, beside MkDocs' own) and replaces the server's
builder: when every change since the last build is a data file, the preview rewrites the
pages the edit touched (preview.py); otherwise, or when the preview asks for it, MkDocs'
full build runs as before. The preview's update returns once it knows the pages to
rewrite (the server then reloads the browser) and writes them in the background; a request
for one of them still waiting has it written first and waits for it (`written_first`).
While the search index is stale, every HTML page the server sends carries a notice saying
so (the files on disk stay those a full build writes).

An edit refused (the preview's Outcome.KEPT, or a full build that stops on an error) leaves the
last good site served (served_site.py keeps it through a full build), and until a build
succeeds every HTML page the server sends shows the report the terminal shows. A builder that
raises would have MkDocs' loop print an English line (and a traceback for an error not its own)
and hold every request from then on: `guarded` tells the error itself and returns, and the
loop then lets the requests go and has the browsers reload, as after a build.

A refused first build ended `mkdocs serve` (MkDocs 1.6 runs it before it starts the server,
and lets no plugin catch its error): `outlive_first_build` guards that one build too, so that
the server starts and watches; until a build succeeds, every page asked for is the report
(`with_report_page`), which MkDocs' livereload reloads after each build, as it reloads a page.
Only where the server rebuilds at each save (`rebuilds_on_save`): `--clean` too, not
`--no-livereload`, which watches nothing, and ends on a refused first build as `mkdocs build`.
"""

from __future__ import annotations

import html
import posixpath
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from . import notices
from .notices import BuildStopped
from .preview import Outcome, Preview

log = get_plugin_logger(__name__)

DATA_SUFFIXES = (".yml", ".yaml")
FULL_BUILD_MARK = "/portal-preview-full-build"  # no data file: the next build is a full one
_BAR_STYLE = "position:fixed;left:0;right:0;bottom:0;z-index:100;margin:0;padding:.5em 1em;"  # at the foot
NOTICE_STYLE = (_BAR_STYLE + "background:#fff3cd;color:#1f1f1f;border-top:1px solid #b58a00;"
                "font:14px/1.4 sans-serif")
REFUSED_STYLE = (_BAR_STYLE + "max-height:60vh;overflow:auto;background:#fde8e8;color:#1f1f1f;"
                 "border-top:3px solid #b3261e;font:14px/1.4 sans-serif")
REPORT_STYLE = "margin:.5em 0 0;white-space:pre-wrap;font:13px/1.4 monospace"
PAGE_STYLE = "margin:0 auto;max-width:60em;padding:1em;color:#1f1f1f;font:16px/1.5 sans-serif"
HEADING_STYLE = "margin:0 0 .5em;padding-bottom:.25em;border-bottom:3px solid #b3261e;font-size:1.4em"


@dataclass
class Shown:
    """What the served pages say beside the site (in the response only, never on disk)."""

    refused: str = ""  # the report of the last edit refused, until a build succeeds
    search_stale: Callable[[], bool] = lambda: False
    # False until a build has made a site (`mkdocs serve` starts so: outlive_first_build); meanwhile
    # every page asked for is the report (with_report_page), and no notice is added to any.
    built: bool = True

    def after_update(self, outcome: Outcome, report: str) -> None:
        """What the preview's update says: KEPT, why; UPDATED, nothing (the edit is shown);
        AS_SERVED, nothing (the refused edit is undone: the data is that of the pages served).
        UNCHANGED (a second event of a save) leaves the last word: the same data was refused
        (its private values, in the site's own files) or shown."""
        if outcome is Outcome.KEPT:
            self.refused = report
        elif outcome in (Outcome.UPDATED, Outcome.AS_SERVED):
            self.refused = ""

    def notice(self) -> bytes:
        """The notice every HTML page carries now, or nothing (no site: the page is the report)."""
        if not self.built:
            return b""
        stale = html.escape(notices.SEARCH_STALE) if self.search_stale() else ""
        if self.refused:
            return (f'<div class="portal-preview-notice" role="alert" style="{REFUSED_STYLE}">'
                    f'<p style="margin:0;font-weight:bold">{html.escape(notices.PREVIEW_REFUSED)}</p>'
                    f'<pre style="{REPORT_STYLE}">{html.escape(self.refused)}</pre>'
                    + (f'<p style="margin:.5em 0 0">{stale}</p>' if stale else "") + "</div>").encode()
        if stale:
            return f'<p class="portal-preview-notice" role="status" style="{NOTICE_STYLE}">{stale}</p>'.encode()
        return b""


class ChangeRecorder(FileSystemEventHandler):
    """The paths changed since the last build, from watchdog's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: set[Path] = set()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        with self._lock:
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path:
                    self._paths.add(Path(str(path)).resolve())

    def force_full_build(self) -> None:
        """Make the next build a full one: a path outside data/ counts as changed."""
        with self._lock:
            self._paths.add(Path(FULL_BUILD_MARK))

    def take(self) -> set[Path]:
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths


def only_data_files(paths: set[Path], data_dir: Path) -> bool:
    root = data_dir.resolve()
    return bool(paths) and all(root in path.parents and path.suffix in DATA_SUFFIXES for path in paths)


def attach(server: LiveReloadServer, config: MkDocsConfig, preview: Preview, data_dir: Path,
           update: Callable[[], Outcome], shown: Shown) -> ChangeRecorder:
    """Watch data/ and route the server's rebuilds through the preview; `shown` is what the
    first build left (outlive_first_build)."""
    recorder = ChangeRecorder()
    watched = [str(data_dir), config.docs_dir, config.config_file_path, *config.watch]
    for path in dict.fromkeys(p for p in watched if p):
        if Path(path).exists():
            server.observer.schedule(recorder, str(Path(path).resolve()), recursive=True)
    server.watch(str(data_dir))  # MkDocs' own handler wakes its build loop
    shown.search_stale = lambda: preview.search_stale
    if not shown.built:  # the first build was refused: the preview has nothing to update
        recorder.force_full_build()
        log.info(notices.PREVIEW_WITHOUT_SITE)
    build_in_full = guarded(server.builder, shown)
    # Closed while a build decides what to write: a request then waits, so that it cannot get
    # a page the update is about to rewrite before the update says so (written_first).
    open_gate = threading.Event()
    open_gate.set()

    def builder(*args: Any, **kwargs: Any) -> None:
        open_gate.clear()
        try:
            if only_data_files(recorder.take(), data_dir):
                outcome = update()
                shown.after_update(outcome, preview.refused)
                if outcome is not Outcome.FULL:
                    return
                log.info(notices.preview_full_build("trang được thêm hoặc bớt, hoặc bảng kiểu đổi"))
            preview.settle()  # the last update's pages are written before MkDocs writes them all
            build_in_full(*args, **kwargs)
            if shown.refused:
                # The site served lacks what the refused build was to write (a change outside
                # data/, pages added or removed, the sheet), which only a full build writes, and
                # the plugin's state is now the refused build's: full builds until one succeeds
                # (docs/plugin.md, "After a refused full build").
                recorder.force_full_build()
        finally:
            open_gate.set()

    server.builder = builder

    def request_full_build() -> None:
        recorder.force_full_build()
        wake_build_loop(server)

    preview.request_full_build = request_full_build
    pages_first = written_first(with_report_page(server.serve_request, server, shown), server.mount_path,
                                open_gate, preview.wait_for)
    server.set_app(with_notice(pages_first, shown.notice))
    return recorder


def keep_serving(server: LiveReloadServer, shown: Shown) -> None:
    """The server's builds `guarded`, its pages with their notice (`mkdocs serve --clean`, each
    build a plain `mkdocs build` to the plugin); `shown` is what the first build left
    (outlive_first_build): refused, the report is every page until a build succeeds."""
    if not shown.built:
        log.info(notices.PREVIEW_WITHOUT_SITE)
    server.builder = guarded(server.builder, shown)
    server.set_app(with_notice(with_report_page(server.serve_request, server, shown), shown.notice))


def guarded(full_build: Callable[..., None], shown: Shown) -> Callable[..., None]:
    """`full_build`, whose error is told here and its report kept in `shown.refused` (emptied by
    a build that succeeds). MkDocs' loop, to which it returns as after a build, then lets the
    requests held for it go to the site kept (served_site.py) and has the browsers reload."""

    def build(*args: Any, **kwargs: Any) -> None:
        try:
            full_build(*args, **kwargs)
        except Exception as error:  # whatever it is, the server must serve on
            shown.refused = told(error)
        else:
            shown.refused = ""
            shown.built = True

    return build


def _serve_command() -> click.Context | None:
    """Click's context of MkDocs' `mkdocs serve` command line (`--clean` included, which tells
    plugins command="build"), or None: another command, or `serve()` called from Python."""
    context = click.get_current_context(silent=True)
    return context if context is not None and context.command.name == "serve" else None


def under_serve_command() -> bool:
    """Whether this process is `mkdocs serve` run from its command line (_serve_command)."""
    return _serve_command() is not None


def rebuilds_on_save() -> bool:
    """Whether this process is MkDocs' `mkdocs serve` with livereload (its default, `--clean`
    included): its server then calls `on_serve` and builds again at each save, so a refused
    build, the first too, need not end it. Read from click's context of MkDocs' command line
    (MkDocs 1.6 tells no plugin the option): `--no-livereload` has the server watch nothing,
    and `serve()` called from Python has no such context; both end on a refused first build,
    as before."""
    context = _serve_command()
    return context is not None and context.params.get("livereload") is True


def outlive_first_build(shown: Shown, enabled: Callable[[], bool]) -> None:
    """Have the first build of `mkdocs serve` `guarded` too, its report kept in `shown`, so that
    a refusal no longer ends the command: `serve` then starts the server and calls `on_serve`
    (attach), as after a build. MkDocs 1.6 gives no plugin that build's error (`on_build_error`
    cannot stop it; `on_serve` comes after it): its `serve` calls the `build` of its module,
    replaced here until that call (a private name of MkDocs, as `wake_build_loop` uses). With
    the plugin off (`enabled` asked then: its options are read by then), nothing is attached:
    the build runs as it is."""

    def first(*args: Any, **kwargs: Any) -> None:
        mkdocs_serve.build = mkdocs_build  # type: ignore[attr-defined]  # the later builds are attach's
        (guarded(mkdocs_build, shown) if enabled() else mkdocs_build)(*args, **kwargs)

    mkdocs_serve.build = first  # type: ignore[attr-defined]


def told(error: Exception) -> str:
    """Log the last line of a failed build; the report the served pages show."""
    if isinstance(error, BuildStopped):  # the portal's refusal: its report is told above
        log.logger.error(str(error))
        return error.report
    if isinstance(error, (Abort, ConfigurationError)):  # MkDocs' own: mkdocs.yml, strict warnings
        line = notices.mkdocs_refused(error, config=isinstance(error, ConfigurationError))
        log.logger.error(line)
        return line
    # A fault of the code, not of the data: its traceback, for whoever mends it.
    line = notices.build_fault(error)
    log.logger.error(line, exc_info=error)
    return line


def wake_build_loop(server: LiveReloadServer) -> None:
    """Have the server's loop build, as its own watch handlers do: MkDocs 1.6 has no public
    call for it (one of the few uses of its private names: outlive_first_build, with_report_page)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def dest_uri(path_info: str, mount_path: str) -> str | None:
    """The file of the site a request's path serves, as MkDocs' server finds it (`index.html`
    of a directory); None outside the site."""
    path = path_info.encode("latin-1").decode("utf-8", "ignore")  # as LiveReloadServer decodes it
    if not (path + "/").startswith(mount_path):
        return None
    relative = path[len(mount_path):] + ("index.html" if path.endswith("/") else "")
    return posixpath.normpath("/" + relative).lstrip("/")


def written_first(app: WsgiApp, mount_path: str, open_gate: threading.Event,
                  wait_for: Callable[[str], None]) -> WsgiApp:
    """`app` that, for a page the last update has still to write, has it written first (the
    preview's writer takes it next) and waits for it: the clerk's browser, reloaded as soon as
    the update knows its pages, gets the page it shows before the others are written."""

    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = dest_uri(environ.get("PATH_INFO", ""), mount_path)
        if path is not None:
            open_gate.wait()
            wait_for(path)
        return app(environ, start_response)

    return serve


def with_report_page(app: WsgiApp, server: LiveReloadServer, shown: Shown) -> WsgiApp:
    """`app` once a build has made a site; before that, any page of the site asked for is the
    report of the build refused (`report_page`), with MkDocs' livereload script as it adds it
    to a page it serves, for the epoch of the last build: when the next ends, refused too or
    not, the browser reloads it (the site, or the next report). A request during a build waits
    for its end, as MkDocs' own do: answered at once, its 503, which MkDocs logs as a warning,
    would count as one of the build's under `strict` and refuse it (`--clean` has no gate of its
    own, as attach has). Private names of MkDocs 1.6: `_inject_js_into_html`, `_epoch_cond`,
    `_visible_epoch`, `_wanted_epoch`. In the response only: the served folder is empty."""

    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if shown.built or path.startswith("/livereload/") or dest_uri(path, server.mount_path) is None:
            return app(environ, start_response)
        with server._epoch_cond:
            server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
            epoch = server._visible_epoch
        if shown.built:  # the build waited for made the site
            return app(environ, start_response)
        page = server._inject_js_into_html(report_page(shown.refused), epoch)
        start_response("503 Service Unavailable", [("Content-Type", "text/html; charset=utf-8"),
                                                   ("Content-Length", str(len(page))), ("Cache-Control", "no-store")])
        return [page]

    return serve


def report_page(report: str) -> bytes:
    """The page the preview serves while it has no site: what to do, then the report."""
    return (f'<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(notices.PREVIEW_NO_SITE_TITLE)}</title>\n</head>\n<body>\n"
            f'<main style="{PAGE_STYLE}" role="alert">\n'
            f'<h1 style="{HEADING_STYLE}">{html.escape(notices.PREVIEW_NO_SITE_TITLE)}</h1>\n'
            f"<p>{html.escape(notices.PREVIEW_NO_SITE)}</p>\n"
            f'<pre style="{REPORT_STYLE}">{html.escape(report)}</pre>\n</main>\n</body>\n</html>\n').encode()


def with_notice(app: WsgiApp, notice_now: Callable[[], bytes]) -> WsgiApp:
    """`app` whose HTML pages carry the notice `notice_now()` gives, if any (Shown.notice)."""

    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        notice = notice_now()
        if not notice:
            return app(environ, start_response)
        answer: list[Any] = []

        def hold(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            answer[:] = [status, headers]
            return lambda data: None

        body = app(environ, hold)
        if not answer:
            return body
        status, headers = answer
        kind = next((value for name, value in headers if name.lower() == "content-type"), "")
        if not kind.startswith("text/html"):
            start_response(status, headers)
            return body
        content = b"".join(body)
        close = getattr(body, "close", None)
        if close is not None:
            close()
        end = content.rfind(b"</body>")
        if end >= 0:
            content = content[:end] + notice + content[end:]
        headers = [(n, str(len(content)) if n.lower() == "content-length" else v) for n, v in headers]
        start_response(status, headers)
        return [content]

    return serve
