"""`mkdocs serve` with the preview: which rebuild an edit gets, and the notice that search lags.

MkDocs' server rebuilds everything whenever a watched file changes, and does not say which.
`attach` records the paths that changed (a watchdog handler on data/, the docs folder, the
config file and the extra watched paths, beside MkDocs' own) and replaces the server's
builder: when every change since the last build is a data file, the preview rewrites the
pages the edit touched (preview.py); otherwise, or when the preview asks for it, MkDocs'
full build runs as before. While the search index is stale, every HTML page the server
sends carries a notice saying so (the files on disk stay those a full build writes).
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from . import notices
from .preview import Outcome, Preview

log = get_plugin_logger(__name__)

DATA_SUFFIXES = (".yml", ".yaml")
FULL_BUILD_MARK = "/portal-preview-full-build"  # no data file: the next build is a full one
NOTICE_STYLE = ("position:fixed;left:0;right:0;bottom:0;z-index:100;margin:0;padding:.5em 1em;"
                "background:#fff3cd;color:#1f1f1f;border-top:1px solid #b58a00;font:14px/1.4 sans-serif")


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
           update: Callable[[], Outcome]) -> ChangeRecorder:
    """Watch data/ and route the server's rebuilds through the preview."""
    recorder = ChangeRecorder()
    watched = [str(data_dir), config.docs_dir, config.config_file_path, *config.watch]
    for path in dict.fromkeys(p for p in watched if p):
        if Path(path).exists():
            server.observer.schedule(recorder, str(Path(path).resolve()), recursive=True)
    server.watch(str(data_dir))  # MkDocs' own handler wakes its build loop
    full_build = server.builder

    def builder(*args: Any, **kwargs: Any) -> None:
        if only_data_files(recorder.take(), data_dir):
            outcome = update()
            if outcome is not Outcome.FULL:
                return
            log.info(notices.preview_full_build("trang được thêm hoặc bớt, hoặc bảng kiểu đổi"))
        full_build(*args, **kwargs)

    server.builder = builder

    def request_full_build() -> None:
        recorder.force_full_build()
        # MkDocs 1.6 has no public call for this: its watch handlers do the same.
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    preview.request_full_build = request_full_build
    server.set_app(with_notice(server.serve_request, lambda: preview.search_stale))
    return recorder


WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def with_notice(app: WsgiApp, stale: Callable[[], bool]) -> WsgiApp:
    """`app` whose HTML pages say, while `stale()`, that search lags behind the edit."""
    notice = (f'<p class="portal-preview-notice" role="status" style="{NOTICE_STYLE}">'
              f"{html.escape(notices.SEARCH_STALE)}</p>").encode()

    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if not stale():
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
