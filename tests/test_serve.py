"""`mkdocs serve` after an edit it refuses (preview_serve.py, served_site.py): the last good site
stays served, every HTML page shows the report the terminal shows until a build succeeds, and
no request hangs. The server runs for real, on a copy of the repository."""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pytest
from markers import runs_mkdocs
from mkdocs.__main__ import serve_command
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.livereload import LiveReloadServer
from test_preview import CU_CHI_2024, copy_project, replace_in

from conftest import build_env
from portal.problems import NOTHING_PUBLISHED
from portal_mkdocs import notices, served_site
from portal_mkdocs.preview import Outcome
from portal_mkdocs.preview_serve import Shown, guarded, rebuilds_on_save, with_report_page
from portal_mkdocs.served_site import ServedSite

NOTICE = b"portal-preview-notice"
ALERT = 'role="alert"'
WAIT_S = 90  # a full build of the repository's data on a loaded machine
REFUSED_WAIT_S = 30  # a refusal comes within seconds: before the pages are written
PRIVATE_PHONE = "0912 944 718"  # Lê Văn Hoà's, in data/people/pgddt-dau-tieng.yml: private
PERSON_PAGE = "nguoi/dt-le-van-hoa/"


@dataclass
class Served:
    url: str
    tmp: Path  # the server's TMPDIR: its site folder is made there
    log: Path
    process: subprocess.Popen[bytes]

    def get(self, path: str) -> str:
        """The page (an error's too: the preview's report while it has no site), or "" while it
        cannot be had (a request the server holds, a build under way)."""
        return self.answer(path)[1]

    def answer(self, path: str, timeout: float = 5) -> tuple[int, str]:
        """The status and the page, as `get`; (0, "") while it cannot be had."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as answer:
                return answer.status, str(answer.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            with error:
                return error.code, str(error.read().decode("utf-8"))
        except OSError:
            return 0, ""

    def wait_for(self, path: str, shows: Callable[[str], bool], within: float = WAIT_S) -> str:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if shows(page := self.get(path)):
                return page
            time.sleep(0.3)
        pytest.fail(f"{path} not served as expected within {within:g} s; the server said:\n"
                    + self.log.read_text(encoding="utf-8", errors="replace")[-3000:])

    def files_on_disk(self) -> dict[Path, bytes]:
        """Every HTML file of the served folder (and of any folder beside it)."""
        return {path: path.read_bytes() for path in self.tmp.rglob("*.html")}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@runs_mkdocs
@contextmanager
def mkdocs_serve(project: Path, *options: str) -> Iterator[Served]:
    port, tmp, log = _free_port(), project.parent / "tmp", project.parent / "serve.log"
    tmp.mkdir()
    env = {**build_env(), "TMPDIR": str(tmp), "SOURCE_DATE_EPOCH": "1727740800"}
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
                                  cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)  # a group of its own, as in a terminal
    try:
        served = Served(f"http://127.0.0.1:{port}/", tmp, log, server)
        served.wait_for("", lambda page: "</html>" in page)
        yield served
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)


def builds_started(served: Served) -> int:
    return served.log.read_text(encoding="utf-8", errors="replace").count("Building documentation")


def refused(*shown: str) -> Callable[[str], bool]:
    """A page served with the notice of a refused edit holding each of `shown`."""
    return lambda page: ALERT in page and all(text in page for text in shown)


def shown_without_notice(text: str) -> Callable[[str], bool]:
    return lambda page: text in page and ALERT not in page


def append_line(project: Path, relative: str, line: str) -> int:
    """`line` added at the end of the file; its number."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\n{line}\n", encoding="utf-8")
    return len((text + f"\n{line}").splitlines())


def no_notice_on_disk(served: Served) -> None:
    written = served.files_on_disk()
    assert written and not [path for path, content in written.items() if NOTICE in content]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def left_in(tmp: Path, wait_s: float = 60) -> list[str]:
    """What a stopped `mkdocs serve` left in its TMPDIR, once the removal of its served folder,
    which it left to a process of its own (served_site.removed_in_background), is over; at once
    when anything else is there."""
    deadline = time.monotonic() + wait_s
    while True:
        left = sorted(os.listdir(tmp))
        if not left or time.monotonic() > deadline \
                or not all(name.endswith(served_site.REMOVING_SUFFIX) for name in left):
            return left
        time.sleep(0.05)


def test_a_refused_rebuild_keeps_the_last_site_served_with_the_report(project: Path) -> None:
    with mkdocs_serve(project) as served:
        before = served.wait_for("gioi-thieu/", lambda page: "</html>" in page)
        # A data error with a page of content/ touched at once: MkDocs' full build runs, and
        # stops before it writes anything.
        replace_in("data/years/2024-2025/pgddt-cu-chi.yml", "school_year: 2024-2025\n",
                   "school_year: 2024-20X5\n")(project)
        append_line(project, "content/gioi-thieu.md", "Cập nhật: danh sách tổ năm học mới.")
        page = served.wait_for("gioi-thieu/", refused("data/years/2024-2025/pgddt-cu-chi.yml, dòng 3",
                                                      "mục school_year", "cần:"), within=REFUSED_WAIT_S)
        assert "Cập nhật: danh sách tổ năm học mới." not in page and html_of(before) in page
        assert refused("pgddt-cu-chi.yml, dòng 3")(served.get("nam-hoc/"))  # every page says so
        assert "An error happened" not in served.log.read_text(encoding="utf-8")
        no_notice_on_disk(served)

        # Mended, but a hand-written page now holds a private number; then that is mended too.
        replace_in("data/years/2024-2025/pgddt-cu-chi.yml", "school_year: 2024-20X5\n",
                   "school_year: 2024-2025\n")(project)
        a_private_number_refused_then_removed(served, project, before, "", "Cập nhật: danh sách tổ năm học mới.")


def test_a_data_edit_the_preview_refuses_is_reported_on_the_served_pages(project: Path) -> None:
    # A data file alone, with an error: the preview keeps the site (Outcome.KEPT) and says why.
    with mkdocs_serve(project) as served:
        served.wait_for(PERSON_PAGE, lambda page: "Lê Văn Hoà" in page)
        replace_in("data/people/pgddt-dau-tieng.yml", "name: Lê Văn Hoà\n", "name: {Lê Văn Hoà Bình\n")(project)
        page = served.wait_for(PERSON_PAGE, refused("data/people/pgddt-dau-tieng.yml, dòng 4"), within=REFUSED_WAIT_S)
        assert "Lê Văn Hoà Bình" not in page
        said = served.log.read_text(encoding="utf-8")  # saving the fix is enough: no "run again"
        assert notices.SAVE_TO_REBUILD in page and notices.SAVE_TO_REBUILD in said and NOTHING_PUBLISHED not in said
        no_notice_on_disk(served)
        # Saved back as it was (review D9): the pages are as served, with no bar at all.
        replace_in("data/people/pgddt-dau-tieng.yml", "name: {Lê Văn Hoà Bình\n", "name: Lê Văn Hoà\n")(project)
        served.wait_for(PERSON_PAGE, lambda page: "Lê Văn Hoà" in page and NOTICE.decode() not in page)
        replace_in("data/people/pgddt-dau-tieng.yml", "name: Lê Văn Hoà\n", "name: {Lê Văn Hoà Bình\n")(project)
        served.wait_for(PERSON_PAGE, refused("data/people/pgddt-dau-tieng.yml, dòng 4"), within=REFUSED_WAIT_S)
        replace_in("data/people/pgddt-dau-tieng.yml", "name: {Lê Văn Hoà Bình\n", "name: Lê Văn Hoà Bình\n")(project)
        served.wait_for(PERSON_PAGE, shown_without_notice("Lê Văn Hoà Bình"))
        no_notice_on_disk(served)


def report_page(*shown: str) -> Callable[[str], bool]:
    """The page the preview serves while it has no site, holding each of `shown`."""
    return lambda page: (html.escape(notices.PREVIEW_NO_SITE_TITLE) in page and NOTICE.decode() not in page
                         and all(text in page for text in shown))


def test_a_first_build_refused_keeps_the_preview_watching_with_the_report_as_its_page(project: Path) -> None:
    """The data has an error when the preview starts: `mkdocs serve` ended after the report. It
    now serves the report as every page (writing none), and builds again at each save: the
    next report, then the site, each reloaded in the browser by MkDocs' livereload; the
    preview then updates the pages of a data edit as after any first build. `mkdocs build`
    still refuses the same data with status 1, publishing nothing."""
    people = "data/people/pgddt-dau-tieng.yml"
    replace_in(CU_CHI_2024, "school_year: 2024-2025\n", "school_year: 2024-20X5\n")(project)
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=build_env(),
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 1 and f"{CU_CHI_2024}, dòng 3, mục school_year" in built.stderr
    assert not (project / "site").exists()

    with mkdocs_serve(project) as served:
        first = served.wait_for("", report_page(f"{CU_CHI_2024}, dòng 3, mục school_year", "cần: hai năm liền nhau"))
        status, page = served.answer(PERSON_PAGE)  # any page: there is no site yet
        assert status == 503 and report_page(f"{CU_CHI_2024}, dòng 3")(page)
        said = served.log.read_text(encoding="utf-8")
        assert served.process.poll() is None and notices.PREVIEW_WITHOUT_SITE in said
        assert notices.SAVE_TO_REBUILD in said and NOTHING_PUBLISHED not in said and notices.SAVE_TO_REBUILD in page
        assert served.files_on_disk() == {} and not (project / "site").exists()  # nothing written, nothing published

        # Mended, but another file now has an error (broken first: every state saved is refused).
        replace_in(people, "name: Lê Văn Hoà\n", "name: {Lê Văn Hoà Bình\n")(project)
        replace_in(CU_CHI_2024, "school_year: 2024-20X5\n", "school_year: 2024-2025\n")(project)
        page = served.wait_for(PERSON_PAGE, lambda page: report_page(f"{people}, dòng 4")(page)
                               and CU_CHI_2024 not in page, within=REFUSED_WAIT_S)
        assert reloads_after(served, livereload_epoch(first))  # the browser showing the first report
        assert served.files_on_disk() == {}

        replace_in(people, "name: {Lê Văn Hoà Bình\n", "name: Lê Văn Hoà Bình\n")(project)
        served.wait_for(PERSON_PAGE, shown_without_notice("Lê Văn Hoà Bình"))
        assert reloads_after(served, livereload_epoch(page))  # the browser showing the second report
        assert served.answer(PERSON_PAGE)[0] == 200 and "<article" in served.get("")
        no_notice_on_disk(served)
        assert not (project / "site").exists()
        # The preview works as after a first build that succeeded: a data edit rewrites its pages.
        replace_in(people, "name: Lê Văn Hoà Bình\n", "name: Lê Văn Hoà\n")(project)
        served.wait_for(PERSON_PAGE, lambda page: "Lê Văn Hoà" in page and "Hoà Bình" not in page and ALERT not in page)
        assert "trang cần dựng lại (biết sau" in served.log.read_text(encoding="utf-8")  # preview_pages_known


def test_a_first_build_refused_under_serve_clean_serves_the_report_until_a_save_mends_it(project: Path) -> None:
    """`--clean` (MkDocs tells the plugin command="build": no preview) outlives a refused first
    build too: the report is every page, and the save that mends the data publishes the site."""
    replace_in(CU_CHI_2024, "school_year: 2024-2025\n", "school_year: 2024-20X5\n")(project)
    with mkdocs_serve(project, "--clean") as served:
        status, page = served.answer(PERSON_PAGE)
        assert status == 503 and report_page(f"{CU_CHI_2024}, dòng 3, mục school_year", notices.SAVE_TO_REBUILD)(page)
        said = served.log.read_text(encoding="utf-8")
        assert notices.PREVIEW_WITHOUT_SITE in said and NOTHING_PUBLISHED not in said
        assert served.files_on_disk() == {}
        replace_in(CU_CHI_2024, "school_year: 2024-20X5\n", "school_year: 2024-2025\n")(project)
        served.wait_for(PERSON_PAGE, shown_without_notice("Lê Văn Hoà"))
        assert served.answer(PERSON_PAGE)[0] == 200
        no_notice_on_disk(served)


@runs_mkdocs
def test_serve_without_livereload_still_ends_on_a_refused_first_build(project: Path) -> None:
    """`--no-livereload`: MkDocs watches nothing and calls no on_serve, so a server kept after a
    refused first build would answer 404 for ever. The command ends as `mkdocs build` does: the
    report, closed by "run again", and status 1; nothing left in the temporary folder."""
    replace_in("data/people/pgddt-dau-tieng.yml", "name: Lê Văn Hoà\n", "name: {Lê Văn Hoà Bình\n")(project)
    tmp = project.parent / "tmp"
    tmp.mkdir()
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{_free_port()}"]
    ended = subprocess.run(command, cwd=project, env={**build_env(), "TMPDIR": str(tmp)}, capture_output=True,
                           text=True, timeout=WAIT_S)
    assert ended.returncode == 1, ended.stderr[-2000:]
    assert "data/people/pgddt-dau-tieng.yml, dòng 4" in ended.stderr and NOTHING_PUBLISHED in ended.stderr
    assert notices.SAVE_TO_REBUILD not in ended.stderr and "Serving on" not in ended.stderr
    assert left_in(tmp) == []


@pytest.mark.parametrize(("arguments", "rebuilds"), [
    ([], True), (["--clean"], True), (["--dirty", "-a", "0.0.0.0:8001"], True), (["--no-livereload"], False),
    (["--no-livereload", "--clean"], False)])
def test_only_mkdocs_serve_with_livereload_outlives_a_refused_first_build(arguments: list[str], rebuilds: bool) -> None:
    """Read from MkDocs' own `serve` command line, as click parses it (its options that matter
    here: the others' callbacks set MkDocs' logging up, as its command line does); `serve()`
    called from Python (no command line) ends on a refused first build, as before."""
    assert rebuilds_on_save() is False
    options = [option for option in serve_command.params if option.name in ("livereload", "build_type", "dev_addr")]
    with click.Command("serve", params=options).make_context("serve", arguments):
        assert rebuilds_on_save() is rebuilds


def livereload_epoch(page: str) -> int:
    """The epoch of the site a page was served from, as MkDocs' livereload script holds it."""
    found = re.search(r"livereload\((\d+), \d+\);", page)
    assert found, page[-500:]
    return int(found[1])


def reloads_after(served: Served, epoch: int) -> bool:
    """Whether a browser showing a page of `epoch` is told to reload: MkDocs' poll answers at
    once when a build has ended since, else after its timeout (60 s) with the same epoch."""
    status, newest = served.answer(f"livereload/{epoch}/1", timeout=90)
    assert status == 200, newest
    return int(newest) > epoch


def test_a_refused_rebuild_under_serve_clean_keeps_the_last_site_served_with_the_report(project: Path) -> None:
    # `--clean`: no preview; every build is a full one, published as `mkdocs build` publishes.
    with mkdocs_serve(project, "--clean") as served:
        before = served.wait_for("gioi-thieu/", lambda page: "</html>" in page)
        a_private_number_refused_then_removed(served, project, before, "Cập nhật: năm học mới.",
                                              "Cập nhật: năm học mới.")


def a_private_number_refused_then_removed(served: Served, project: Path, before: str, replacement: str,
                                          shown: str) -> None:
    """A private number written on a hand-written page: the build is refused after MkDocs
    emptied the folder it writes into, and the page as `before` is served with the report;
    the line replaced by `replacement`, the page showing `shown` is served without it. No
    file on disk ever holds the notice."""
    line = append_line(project, "content/gioi-thieu.md", f"Đường dây nóng: {PRIVATE_PHONE}")
    page = served.wait_for("gioi-thieu/", refused(f"content/gioi-thieu.md, dòng {line}:"), within=REFUSED_WAIT_S)
    assert "Đường dây nóng" not in page and html_of(before) in page
    no_notice_on_disk(served)
    replace_in("content/gioi-thieu.md", f"Đường dây nóng: {PRIVATE_PHONE}", replacement)(project)
    served.wait_for("gioi-thieu/", shown_without_notice(shown))
    no_notice_on_disk(served)


def html_of(page: str) -> str:
    """The page's article: what the site shows, whatever the server adds around it."""
    return page[page.index("<article"):page.index("</article>")]


def test_the_notice_of_a_refused_edit_is_escaped_and_says_search_lags_too() -> None:
    shown = Shown(refused="LỖI data/people/a.yml, dòng 2: tên '<script>alert(1)</script>' & 'x'",
                  search_stale=lambda: True)
    notice = shown.notice().decode()
    assert notice.count(ALERT) == 1 and "<script>" not in notice
    assert "&#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27; &amp; &#x27;x&#x27;" in notice
    assert notices.SEARCH_STALE in notice and notices.PREVIEW_REFUSED in notice
    shown.refused = ""
    assert 'role="status"' in shown.notice().decode() and ALERT not in shown.notice().decode()
    shown.search_stale = lambda: False
    assert shown.notice() == b""


def test_before_any_site_every_page_is_the_escaped_report_that_livereload_reloads(tmp_path: Path) -> None:
    """A first build refused: any page asked for is the report, escaped, with MkDocs' livereload
    script for the epoch served, and no bar of its own; MkDocs' poll and, once a build has made
    a site, the pages go to MkDocs' server."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    shown = Shown(refused="LỖI data/people/a.yml, dòng 2, mục name: tên '<script>alert(1)</script>' & 'x'",
                  built=False)
    passed: list[str] = []

    def mkdocs_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        passed.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/html")])
        return [b"<html><body>site</body></html>"]

    def ask(path: str) -> tuple[str, str]:
        answer: list[str] = []
        body = with_report_page(mkdocs_app, server, shown)({"PATH_INFO": path},
                                                           lambda status, headers: answer.append(status))
        return answer[0], b"".join(body).decode()

    status, page = ask("/nguoi/a/")
    assert status.startswith("503") and passed == [] and "<script>alert" not in page
    assert "tên &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27; &amp; &#x27;x&#x27;" in page
    assert html.escape(notices.PREVIEW_NO_SITE) in page and f"livereload({server._visible_epoch}, " in page
    assert shown.notice() == b""  # the page is the report: no bar beside it
    assert ask("/livereload/1/2") == ("200 OK", "<html><body>site</body></html>") and passed == ["/livereload/1/2"]
    shown.built = True
    assert ask("/nguoi/a/")[0] == "200 OK" and passed[-1] == "/nguoi/a/"


def test_a_request_during_a_build_waits_for_it_before_any_site(tmp_path: Path) -> None:
    """No site yet, a build under way (`mkdocs serve --clean` has no gate of its own): the
    request waits for its end, as MkDocs' own requests do, then gets the site it made. Answered
    at once, its 503 would be logged as a warning inside that build, which `strict` refuses."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    shown = Shown(refused="LỖI data/years/2024-2025/pgddt-cu-chi.yml, dòng 3, mục school_year", built=False)
    server._wanted_epoch = server._visible_epoch + 1  # as MkDocs' build loop sets it when a build starts
    statuses: list[str] = []

    def site(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/html")])
        return [b"<html><body>site</body></html>"]

    app = with_report_page(site, server, shown)
    asking = threading.Thread(target=lambda: app({"PATH_INFO": "/nguoi/dt-le-van-hoa/"},
                                                 lambda status, headers: statuses.append(status)))
    asking.start()
    asking.join(timeout=0.5)
    assert asking.is_alive() and statuses == []  # held while the build runs
    shown.built = True  # the build succeeds (guarded), then the loop makes its epoch visible
    with server._epoch_cond:
        server._visible_epoch = server._wanted_epoch
        server._epoch_cond.notify_all()
    asking.join(timeout=5)
    assert statuses == ["200 OK"]


def test_a_second_event_of_a_refused_save_keeps_the_report() -> None:
    """The preview refuses an edit that makes private a number of mkdocs.yml (Outcome.KEPT); the
    watcher's second event of that save loads the same data (UNCHANGED): still refused."""
    report = "LỖI mkdocs.yml, mục copyright: có số điện thoại riêng tư '0912 345 678'."
    shown = Shown()
    shown.after_update(Outcome.KEPT, report)
    shown.after_update(Outcome.UNCHANGED, "")
    assert shown.refused == report
    shown.after_update(Outcome.UPDATED, "")
    assert shown.refused == ""


def test_a_refused_edit_undone_takes_the_report_away() -> None:
    """Review D9: the file saved back as it was (Outcome.AS_SERVED): the pages served are those
    of its data, and nothing refused is left to show."""
    shown = Shown()
    shown.after_update(Outcome.KEPT, "LỖI data/people/pgddt-dau-tieng.yml, dòng 4: …")
    shown.after_update(Outcome.AS_SERVED, "")
    assert shown.refused == "" and shown.notice() == b""


def test_a_failed_build_is_told_and_kept_for_the_pages_until_one_succeeds(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing reaches MkDocs' loop, which would print its English line and hold every request."""
    report = "LỖI content/gioi-thieu.md, dòng 19: trang viết tay có số điện thoại riêng tư."
    outcomes: list[Exception | None] = [notices.BuildStopped(report, kept=True), ValueError("a bug"), None]

    def full_build() -> None:
        if (error := outcomes.pop(0)) is not None:
            raise error

    shown = Shown()
    build = guarded(full_build, shown)
    build()
    assert shown.refused == report and notices.build_stopped(kept=True) in caplog.text
    build()
    assert shown.refused == notices.build_fault(ValueError("a bug")) and "Traceback" in caplog.text
    build()
    assert shown.refused == ""


def test_a_served_site_set_aside_comes_back_if_the_build_fails(tmp_path: Path) -> None:
    site = tmp_path / "mkdocs_abc"
    (site / "nguoi").mkdir(parents=True)
    (site / "nguoi/index.html").write_text("trang cũ", encoding="utf-8")
    served = ServedSite(site)
    served.set_aside()
    assert list(site.iterdir()) == []  # what MkDocs empties and writes into
    (site / "index.html").write_text("nửa trang mới", encoding="utf-8")
    assert served.put_back()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == ["nguoi", "nguoi/index.html"]
    served.set_aside()
    (site / "index.html").write_text("trang mới", encoding="utf-8")
    served.drop()
    assert os.listdir(tmp_path) == ["mkdocs_abc"] and os.listdir(site) == ["index.html"]


def test_the_folder_made_in_place_of_the_served_one_is_as_private(tmp_path: Path) -> None:
    """MkDocs serves from a folder of mkdtemp (the user's alone: 0700); the one made in its
    place was 0755, the unpublished preview readable by any user of the machine (review C, D6)."""
    site = tmp_path / "mkdocs_abc"
    site.mkdir(mode=0o700)
    os.chmod(site, 0o700)
    ServedSite(site).set_aside()
    assert stat.S_IMODE(os.stat(site).st_mode) == 0o700


@pytest.mark.parametrize(("error", "config"), [
    (ConfigurationError("MkDocs encountered an error parsing the configuration file: mapping values are not "
                        "allowed here"), True),
    (Abort("Aborted with 1 configuration warnings in 'strict' mode!"), False),
])
def test_mkdocs_own_refusal_is_the_clerks_not_a_fault_of_the_program(
        error: Exception, config: bool, caplog: pytest.LogCaptureFixture) -> None:
    """A broken mkdocs.yml under serve was told as a fault of the program, with a traceback,
    and a mistyped key under `strict` by MkDocs' English line alone (review C, D1 and D2): the
    bar names the file or the build's warnings, and the command that tells them in Vietnamese."""
    shown = Shown()

    def full_build() -> None:
        raise error

    guarded(full_build, shown)()
    assert shown.refused.startswith("mkdocs.yml có lỗi: “" if config else "MkDocs dừng dựng trang (xem các dòng")
    assert str(error) in shown.refused and "cotcan kiem-tra" in shown.refused
    assert "Traceback" not in caplog.text and notices.EXIT_MEANINGS[notices.Exit.UNEXPECTED] not in shown.refused


# The plugin's clean-up at the end of `mkdocs serve`, with the served site set aside by a build
# Ctrl-C stopped, and a second Ctrl-C that comes while the site is put back.
SECOND_CTRL_C = """
import os, shutil, signal, sys
from pathlib import Path
from portal_mkdocs import served_site
from portal_mkdocs.plugin import PortalPlugin

site = Path(sys.argv[1])
plugin = PortalPlugin()
plugin.served = served_site.ServedSite(site)
plugin.served.set_aside()
(site / "half-written.html").write_text("by the build stopped")
_rmtree = shutil.rmtree
def rmtree(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    _rmtree(*args, **kwargs)
served_site.shutil.rmtree = rmtree
plugin.on_shutdown()
"""


def test_a_second_ctrl_c_while_the_served_site_is_put_back_does_not_stop_it(tmp_path: Path) -> None:
    """Review (serve5): a second Ctrl-C during the clean-up at shutdown stopped it between the
    removal of the half-built folder and the return of the one set aside, which stayed aside."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("served", encoding="utf-8")
    ended = subprocess.run([sys.executable, "-c", SECOND_CTRL_C, str(site)], env=build_env(),
                           capture_output=True, text=True, timeout=60)
    assert ended.returncode == 0, ended.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert [path.name for path in site.iterdir()] == ["index.html"]


# SIGTERM once: it takes Ctrl-C's way out (a KeyboardInterrupt), whatever the options.
@pytest.mark.parametrize("options, stop", [((), signal.SIGINT), (("--clean",), signal.SIGINT), ((), signal.SIGTERM)],
                         ids=["serve ctrl-c", "serve --clean ctrl-c", "serve sigterm"])
def test_ctrl_c_leaves_nothing_beside_the_served_site(project: Path, options: tuple[str, ...],
                                                      stop: signal.Signals) -> None:
    """Review D10: `mkdocs serve --clean` stopped by Ctrl-C left its lock file in the temporary
    folder. Ctrl-C (SIGINT to the whole group, as a terminal sends it) while idle, then in
    another run while a refused build runs: nothing but what MkDocs removes was ever there.
    Review (serve5): SIGTERM to the server's process (`kill <pid>`) left everything there (the
    served folder, the one set aside, the lock); it cleans up as Ctrl-C does, and the server
    ends with the status of a process SIGTERM ended."""
    for during_a_build in (False, True):
        run = project.parent / f"run-{during_a_build}"
        shutil.copytree(project, run / "project")
        with mkdocs_serve(run / "project", *options) as served:
            if during_a_build:
                started = builds_started(served)
                append_line(run / "project", "content/gioi-thieu.md", f"Đường dây nóng: {PRIVATE_PHONE}")
                deadline = time.monotonic() + REFUSED_WAIT_S
                while builds_started(served) == started and time.monotonic() < deadline:
                    time.sleep(0.05)
                assert builds_started(served) > started
            if stop == signal.SIGINT:
                os.killpg(served.process.pid, signal.SIGINT)
                assert served.process.wait(timeout=60) in (0, 1)  # 1: click's "Aborted!" in the first build
            else:
                served.process.send_signal(signal.SIGTERM)
                assert served.process.wait(timeout=60) == -signal.SIGTERM
            assert left_in(served.tmp) == [], served.log.read_text(encoding="utf-8")[-2000:]


def test_the_served_folder_is_removed_by_a_process_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped by Ctrl-C, `mkdocs serve` removed its served folder while the terminal waited:
    three minutes for a province's 70,000 files on a loaded disk. MkDocs' temporary folder is
    moved out of its way at once and removed by a process of its own; a folder MkDocs did not
    make for `serve` (another name, another place: a site built into /tmp) is never touched."""
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    served = tmp_path / "mkdocs_abc123"
    for n in range(200):
        (served / f"trang-{n}").mkdir(parents=True)
        (served / f"trang-{n}" / "index.html").write_text("<html></html>", encoding="utf-8")
    assert served_site.removed_in_background(served)
    assert not served.exists()  # at once: MkDocs, next, finds nothing to remove
    assert left_in(tmp_path) == []
    others = [tmp_path / "site", tmp_path / "elsewhere" / "mkdocs_abc123"]
    for other in others:
        (other / "trang").mkdir(parents=True)
        assert not served_site.removed_in_background(other)
        assert (other / "trang").is_dir()
