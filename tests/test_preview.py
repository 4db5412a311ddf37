"""The preview of `mkdocs serve` (portal_mkdocs/preview.py): after an edit of one data file, the
pages it touched are rewritten, and the site is then the same bytes as a full build of the
edited data (the search index aside: it is stale until the next full build, by design)."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import re
import shutil
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from examples import examples
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markers import runs_mkdocs
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from saved_back import SAVED_BACK

from conftest import REPO, SAMPLE_DATA_ON
from portal import exports
from portal.changes import RECORD_LISTS
from portal.dependencies import DependencyIndex, KeyCollector, json_keys, record_key
from portal.load import load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.problems import NOTHING_PUBLISHED
from portal.render import Renderer
from portal_mkdocs import notices
from portal_mkdocs import preview as preview_module
from portal_mkdocs.css_purge import purge
from portal_mkdocs.plugin import PortalPlugin
from portal_mkdocs.preview import Outcome
from portal_mkdocs.preview_serve import Shown, only_data_files, with_notice, written_first

SERVE_URL = "http://127.0.0.1:8000/"
STALE_BY_DESIGN = "pagefind"  # the search index: rebuilt by the next full build only

Edit = Callable[[Path], None]


def replace_in(relative: str, old: str, new: str, *more: tuple[str, str]) -> Edit:
    """An edit of one file: each text (found once) replaced."""
    def edit(project: Path) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        for before, after in [(old, new), *more]:
            assert text.count(before) == 1, f"{before!r} in {relative}"
            text = text.replace(before, after)
        path.write_text(text, encoding="utf-8")
    return edit


CU_CHI_2024 = "data/years/2024-2025/pgddt-cu-chi.yml"
EDITS: dict[str, Edit] = {
    # A person renamed: their page, every list they are on, the change pages naming them.
    "a person renamed": replace_in("data/people/pgddt-cu-chi.yml", "name: Nguyễn Văn Hiếu\n",
                                   "name: Nguyễn Văn Hiếu Anh\n"),
    # An amending decision's date with the day its change takes effect: the subject group's
    # `since` note ("Nhóm trưởng từ ..., thay ...") on every school year page of its office,
    # which holds the group by name only (contexts.SubjectLeaders) and the note's own rows.
    "an amending decision's date and its note": replace_in(
        "data/years/2024-2025/pgddt-mau.yml", "    date: 2024-11-04\n", "    date: 2024-11-05\n",
        ("        from: 2024-11-04\n", "        from: 2024-11-05\n")),
    # A core team's secretary renamed: the team's page and theirs, not the subject groups below
    # the team (they show it by name: dependencies.SHOWN_BY_NAME).
    "a core team's member renamed": replace_in("data/people/pgddt-mau.yml", "name: Lê Minh Tuấn\n",
                                               "name: Lê Minh Tuấn Anh\n"),
    # A school added to a cluster: the cluster's page and lists, the school's year page, the diffs.
    "a member added to a body": replace_in(
        CU_CHI_2024, "      - {stt: 12, school: cc-thcs-tan-thanh-dong, role: thanh-vien}\n",
        "      - {stt: 12, school: cc-thcs-tan-thanh-dong, role: thanh-vien}\n"
        "      - {stt: 13, school: cc-thcs-trung-lap, role: thanh-vien}\n"),
    # A decision's date: its page, the archive, every list it decides, the feed, the calendars.
    "a decision's date": replace_in(CU_CHI_2024, "    date: 2024-09-13\n", "    date: 2024-09-12\n"),
    # A school moved from one cluster to another: both clusters, the school's year page, the diffs.
    "a school moved to another cluster": replace_in(
        CU_CHI_2024, "      - {stt: 10, school: cc-thcs-trung-an, role: thanh-vien}\n", "",
        ("      - {stt: 12, school: cc-th-thcs-tan-trung, role: thanh-vien}\n",
         "      - {stt: 12, school: cc-th-thcs-tan-trung, role: thanh-vien}\n"
         "      - {stt: 13, school: cc-thcs-trung-an, role: thanh-vien}\n")),
    # A school renamed, with a comment line above it (every later record moves down a line).
    "a school renamed": replace_in("data/schools/pgddt-cu-chi.yml", "  - id: cc-thcs-phuoc-vinh-an\n"
                                   "    name: THCS Phước Vĩnh An\n",
                                   "  # Tên mới theo quyết định sáp nhập\n  - id: cc-thcs-phuoc-vinh-an\n"
                                   "    name: THCS Phước Vĩnh An 2\n"),
}


PROJECT_PARTS = ("mkdocs.yml", "content", "data")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PROJECT_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@runs_mkdocs
def serve_build(project: Path, site: Path) -> MkDocsConfig:
    """A build as `mkdocs serve` makes it (its command, its site_url), into `site`."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)
    return config


# A full build as `mkdocs serve` makes it, in a process of its own: MkDocs keeps one instance of
# a plugin with `on_startup` per process, which would be the served site's.
FULL_BUILD = f"""
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = {SERVE_URL!r}
build(config, serve_url={SERVE_URL!r})
"""


@runs_mkdocs
def full_build(project: Path, site: Path) -> None:
    result = subprocess.run([sys.executable, "-c", FULL_BUILD, str(project / "mkdocs.yml"), str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


class FullBuilds:
    """The full builds the served sites are compared with, one per project content: several
    tests reach the same data (as shipped; a person renamed; that and an amending decision's
    date, EDITS' first two in their order) and each such build is made once. The module's
    tests share a worker (a group per module), the environment is the `project` fixture's, and
    a build does not depend on the project's folder (each test has its own)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def of(self, project: Path) -> Path:
        content = hashlib.sha256()
        for path in sorted(p for part in PROJECT_PARTS for p in [project / part, *(project / part).rglob("*")]
                           if p.is_file()):
            content.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        site = self.folder / content.hexdigest()[:16]
        if not site.is_dir():
            full_build(project, site)
        return site


@pytest.fixture(scope="module")
def full_builds(tmp_path_factory: pytest.TempPathFactory) -> FullBuilds:
    return FullBuilds(tmp_path_factory.mktemp("full-builds"))


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file() and path.relative_to(site).parts[0] != STALE_BY_DESIGN}


def differences(one: Path, other: Path) -> list[str]:
    a, b = files_of(one), files_of(other)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, value in SAMPLE_DATA_ON.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727740800")  # the same sitemap dates in every build
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return copy_project(tmp_path / "project")


def portal_plugin(config: MkDocsConfig) -> PortalPlugin:
    plugin = config.plugins["portal"]
    assert isinstance(plugin, PortalPlugin) and plugin.preview is not None
    return plugin


def test_every_edit_gives_the_bytes_of_a_full_build(project: Path, tmp_path: Path, full_builds: FullBuilds) -> None:
    # One served site, edited file after file; after each edit, a full build of the edited
    # data, in a fresh MkDocs, is the reference.
    config = serve_build(project, tmp_path / "served")
    plugin = portal_plugin(config)
    added, cluster = record_key("cc-thcs-trung-lap"), "to-chuc/cc-cum-01/2024-2025/"
    assert plugin.preview is not None and plugin.preview.settle()
    assert cluster not in plugin.preview.index.pages([added])
    for name, edit in EDITS.items():
        edit(project)
        assert plugin.preview is not None
        assert plugin.preview.update(plugin) is Outcome.UPDATED, name
        assert plugin.preview.search_stale
        assert plugin.preview.settle(), f"{name}: the stylesheet changed"
        if name == "a member added to a body":  # the pages rewritten are mapped again (in the background)
            assert cluster in plugin.preview.index.pages([added])
        assert differences(tmp_path / "served", full_builds.of(project)) == [], name


class HeldExports:
    """The first update's thread held before its exports until the next update starts (which
    then takes them over); each export written, with the thread that wrote it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.held = threading.Event()
        self.written: list[tuple[threading.Thread, str]] = []
        check_sheet, write_changed = preview_module.Preview._check_sheet, preview_module._write_changed

        def check_then_wait(preview: preview_module.Preview, before: list[str], after: list[str]) -> None:
            check_sheet(preview, before, after)
            if not self.held.is_set():  # the first update's thread only
                self.held.set()
                assert preview._next_update.wait(timeout=60)

        def noted(site: Path, files: dict[str, bytes]) -> None:
            self.written.extend((threading.current_thread(), name) for name in files)
            write_changed(site, files)

        monkeypatch.setattr(preview_module.Preview, "_check_sheet", check_then_wait)
        monkeypatch.setattr(preview_module, "_write_changed", noted)

    def all_written_by_others_than(self, thread: threading.Thread | None) -> bool:
        return self.held.is_set() and bool(self.written) and all(by is not thread for by, _ in self.written)


def renamed_with_exports_held(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                              ) -> tuple[PortalPlugin, HeldExports, threading.Thread | None]:
    """A served site whose first edit (a person renamed) is updated, its exports held
    (HeldExports); the plugin, the exports written, and the thread of that update."""
    plugin = portal_plugin(serve_build(project, tmp_path / "served"))
    preview = plugin.preview
    assert preview is not None and preview.settle()
    exports_of = HeldExports(monkeypatch)
    EDITS["a person renamed"](project)
    assert preview.update(plugin) is Outcome.UPDATED
    return plugin, exports_of, preview._checking


def test_an_edit_made_while_the_last_one_is_written_gives_the_bytes_of_a_full_build(
        project: Path, tmp_path: Path, full_builds: FullBuilds, monkeypatch: pytest.MonkeyPatch) -> None:
    # The second update takes over the exports the first one's thread has not written yet,
    # and writes them from the newer data: the first edit's lists (a person renamed in one
    # office) are not among the second's (a date in another office).
    plugin, exports_of, first = renamed_with_exports_held(project, tmp_path, monkeypatch)
    preview = plugin.preview
    assert preview is not None
    EDITS["an amending decision's date and its note"](project)
    assert preview.update(plugin) is Outcome.UPDATED
    assert preview.settle() and exports_of.all_written_by_others_than(first)
    assert differences(tmp_path / "served", full_builds.of(project)) == []


def test_an_edit_with_an_error_after_another_leaves_the_exports_of_the_other(
        project: Path, tmp_path: Path, full_builds: FullBuilds, monkeypatch: pytest.MonkeyPatch) -> None:
    # The update that finds the error writes nothing, but the exports the last one left it.
    plugin, exports_of, first = renamed_with_exports_held(project, tmp_path, monkeypatch)
    preview = plugin.preview
    assert preview is not None
    broken = project / CU_CHI_2024
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good.replace("    date: 2024-09-13\n", "    date: 2024-09-99\n"), encoding="utf-8")
    assert preview.update(plugin) is Outcome.KEPT
    assert preview.settle() and exports_of.all_written_by_others_than(first)
    broken.write_text(good, encoding="utf-8")
    # of the data the served site shows: the rename only
    assert differences(tmp_path / "served", full_builds.of(project)) == []


def test_a_page_that_needs_a_rule_the_sheet_left_out_asks_for_a_full_build(project: Path, tmp_path: Path) -> None:
    # The purged stylesheet keeps the rules of the names the pages use (css_purge.py): an edit
    # that gives a page a class of a rule it left out needs the sheet made again.
    served = tmp_path / "served"
    plugin = portal_plugin(serve_build(project, served))
    preview = plugin.preview
    assert preview is not None and preview.settle() and preview.built is not None
    joined = preview.built.sheets[0]
    whole = "\n".join((served / source).read_text(encoding="utf-8") for source in joined.sources)
    kept = (served / joined.sheet).read_text(encoding="utf-8")
    left_out = next(name for name in sorted(set(re.findall(r"\.([a-z][\w-]*)", whole)) - joined.names.classes)
                    if purge(whole, dataclasses.replace(joined.names, classes=joined.names.classes | {name})) != kept)
    page = (served / "index.html").read_text(encoding="utf-8")
    assert preview._same_sheet([page], [page.replace("<body", f'<body class="{left_out}"', 1)]) is False
    assert preview._same_sheet([page], [page.replace("<body", '<body class="portal-no-rule-has-it"', 1)])
    assert preview._same_sheet([page], [page.replace("</body>", "<p>Văn bản mới</p></body>", 1)])


def test_what_a_full_build_keeps_is_frozen_until_the_next_one(project: Path, tmp_path: Path) -> None:
    # Frozen out of the cycle collector while it is served (its passes over a province's
    # data took a second each during an update); freed once the next full build replaces it.
    config = serve_build(project, tmp_path / "served")
    plugin = portal_plugin(config)
    assert plugin.preview is not None and plugin.preview.settle() and plugin.preview.built is not None
    first = weakref.ref(plugin.preview.built.pages)
    assert gc.get_freeze_count() > 0
    build(config, serve_url=SERVE_URL)  # the next full build of the same served site
    assert first() is None
    assert plugin.preview.built is not None and plugin.preview.built.pages is not None
    assert gc.get_freeze_count() > 0


def test_a_data_error_changes_nothing_served(project: Path, tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:
    served = tmp_path / "served"
    plugin = portal_plugin(serve_build(project, served))
    before = files_of(served)
    replace_in("data/people/pgddt-cu-chi.yml", "name: Nguyễn Văn Hiếu\n", "name: {Nguyễn Văn Hiếu\n")(project)
    assert plugin.preview is not None
    assert plugin.preview.update(plugin) is Outcome.KEPT
    assert files_of(served) == before
    assert not plugin.preview.search_stale
    assert "data/people/pgddt-cu-chi.yml, dòng" in caplog.text  # the clerk's report, in Vietnamese
    assert "data/people/pgddt-cu-chi.yml, dòng" in plugin.preview.refused  # for the served pages


def test_an_edit_refused_then_undone_rewrites_nothing(project: Path, tmp_path: Path, full_builds: FullBuilds) -> None:
    """Review D9: the clerk saves a broken file (refused), then saves it back exactly as it was.
    Against the last load the file changed, against the pages served nothing did: the preview
    rewrote the hubs and the pages the file touches, and said that search lagged."""
    served = tmp_path / "served"
    plugin = portal_plugin(serve_build(project, served))
    preview = plugin.preview
    assert preview is not None and preview.settle()
    written = {path: path.stat().st_mtime_ns for path in served.rglob("*") if path.is_file()}
    people = project / "data/people/pgddt-cu-chi.yml"
    good = people.read_bytes()
    replace_in("data/people/pgddt-cu-chi.yml", "name: Nguyễn Văn Hiếu\n", "name: {Nguyễn Văn Hiếu\n")(project)
    assert preview.update(plugin) is Outcome.KEPT
    people.write_bytes(good)
    assert preview.update(plugin) is Outcome.AS_SERVED
    assert preview.settle() and not preview.search_stale and preview.refused == ""
    assert {path: path.stat().st_mtime_ns for path in served.rglob("*") if path.is_file()} == written
    # An edit after it is told against the pages served, as ever.
    EDITS["a person renamed"](project)
    assert preview.update(plugin) is Outcome.UPDATED and preview.settle() and preview.search_stale
    assert differences(served, full_builds.of(project)) == []


def test_an_edit_shown_then_undone_no_longer_says_search_lags(project: Path, tmp_path: Path,
                                                              full_builds: FullBuilds) -> None:
    """Review P2: an edit shown (search lags), then the file saved back as the full build
    indexed it: the pages are those of the full build again, and so is the search index."""
    served = tmp_path / "served"
    plugin = portal_plugin(serve_build(project, served))
    preview = plugin.preview
    assert preview is not None and preview.settle()
    people = project / "data/people/pgddt-cu-chi.yml"
    good = people.read_bytes()
    EDITS["a person renamed"](project)
    assert preview.update(plugin) is Outcome.UPDATED and preview.settle() and preview.search_stale
    people.write_bytes(good)
    assert preview.update(plugin) is Outcome.UPDATED and preview.settle()
    assert not preview.search_stale
    assert differences(served, full_builds.of(project)) == []


def _written(site: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in site.rglob("*") if path.is_file()}


def test_a_file_saved_back_with_the_same_values_is_the_data_served(project: Path, tmp_path: Path,
                                                                   full_builds: FullBuilds) -> None:
    """Review (serve5): a data file saved again with the same values but other bytes (Notepad's
    CRLF line endings and byte order mark, a space left after a value) was another file to the
    preview: the hubs were rewritten, and search said to lag though the data was that indexed."""
    served = tmp_path / "served"
    plugin = portal_plugin(serve_build(project, served))
    preview = plugin.preview
    assert preview is not None and preview.settle()
    written = _written(served)
    people = project / "data/people/pgddt-cu-chi.yml"
    good = people.read_bytes()
    broken, renamed = (good.replace("name: Nguyễn Văn Hiếu\n".encode(), f"name: {new}\n".encode())
                       for new in ("{Nguyễn Văn Hiếu", "Nguyễn Văn Hiếu Anh"))
    assert len({good, broken, renamed}) == 3
    for name, saved_back in SAVED_BACK.items():
        people.write_bytes(saved_back(good))  # saved again, unedited
        assert preview.update(plugin) is Outcome.AS_SERVED, name
        people.write_bytes(broken)  # an edit refused, then undone
        assert preview.update(plugin) is Outcome.KEPT, name
        people.write_bytes(saved_back(good))
        assert preview.update(plugin) is Outcome.AS_SERVED, name
        assert preview.settle() and not preview.search_stale and preview.refused == "", name
    assert _written(served) == written  # no page rewritten
    for name, saved_back in SAVED_BACK.items():
        people.write_bytes(renamed)  # an edit shown, then undone: its pages are written back
        assert preview.update(plugin) is Outcome.UPDATED and preview.settle() and preview.search_stale, name
        people.write_bytes(saved_back(good))
        assert preview.update(plugin) is Outcome.UPDATED and preview.settle(), name
        assert not preview.search_stale, name  # the data is that the search index was made of
    people.write_bytes(good)  # the same values again: the full build of the data as shipped is the reference
    assert preview.update(plugin) is Outcome.AS_SERVED
    assert differences(served, full_builds.of(project)) == []


def test_a_year_file_added_or_removed_asks_for_a_full_build(project: Path, tmp_path: Path) -> None:
    # Pages come and go with it (the sitemap and MkDocs' files change): MkDocs builds it all.
    plugin = portal_plugin(serve_build(project, tmp_path / "served"))
    assert plugin.preview is not None
    (project / CU_CHI_2024).unlink()
    assert plugin.preview.update(plugin) is Outcome.FULL


def test_a_person_is_mapped_to_every_page_that_holds_them(repo_portal: object) -> None:
    pages = Pages(load_or_raise(REPO / "data")[0])
    index, collector = DependencyIndex(), KeyCollector()
    specs = list(pages.all())
    for spec in specs:
        index.put(spec.url, collector.keys(spec.context))
    holding = index.pages([record_key("cc-nguyen-van-hieu")])
    assert "nguoi/cc-nguyen-van-hieu/" in holding
    assert "to-chuc/cc-cum-01/2024-2025/" in holding
    # and not every page: the map narrows an edit down
    assert len(holding) < len(specs) / 4


# JSON values with ids among other texts: quotes, backslashes, ids too long, numbers that look alike.
_JSON_TEXT = st.one_of(st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True),
                       st.text(alphabet='ab-1 "\\/ẫ\n', max_size=12), st.just("a" * 81))
_JSON_VALUES = st.recursive(st.one_of(_JSON_TEXT, st.integers(), st.booleans(), st.none()),
                            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_JSON_TEXT, inner, max_size=4),
                            max_leaves=20)


@settings(max_examples=examples(200))
@given(_JSON_VALUES)
@example(['say "abc', "x\\", "abc"])  # an escaped quote before an id's letters, a backslash at the end
def test_a_json_file_has_the_keys_of_its_values(value: Any) -> None:
    # A school year's JSON is mapped from its text (json_keys), its values no longer walked.
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    assert json_keys(text) == KeyCollector().keys(value)


def test_a_school_years_json_has_the_keys_of_its_data(repo_portal: object) -> None:
    portal = load_or_raise(REPO / "data")[0]
    keys = {year.label: json_keys(exports.year_json(portal, year)) for year in portal.school_years}
    for year in portal.school_years:
        assert keys[year.label] == KeyCollector().keys(exports.year_data(portal, year))
    assert record_key("cc-nguyen-van-hieu") in keys["2024-2025"]


def test_only_data_files_take_the_preview(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert only_data_files({data / "people" / "x.yml"}, data)
    assert not only_data_files({data / "people" / "x.yml", tmp_path / "content" / "a.md"}, data)
    assert not only_data_files({data / "files" / "qd.pdf"}, data)  # an original: the full build checks it
    assert not only_data_files(set(), data)


def test_served_pages_say_search_lags_while_it_does() -> None:
    page = b"<html><body><p>x</p></body></html>"

    def app(environ: dict[str, object], start_response: Callable[..., object]) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(page)))])
        return [page]

    stale = [False]
    served = with_notice(app, Shown(search_stale=lambda: stale[0]).notice)
    answers: list[list[tuple[str, str]]] = []
    assert b"".join(served({}, lambda status, headers: answers.append(headers))) == page
    stale[0] = True
    body = b"".join(served({}, lambda status, headers: answers.append(headers)))
    assert notices.SEARCH_STALE in body.decode()
    assert body.endswith(b"</p></body></html>") and body.index(b"portal-preview-notice") < body.index(b"</body>")
    assert dict(answers[-1])["Content-Length"] == str(len(body))


# The fields of a record a reader sees as written: each gets a marker of its own below.
SHOWN_TEXT = ("name", "short_name", "title", "note", "meets", "no_roster")
MARKER = re.compile(r"zq\d{5}qz")  # the same in any case, with or without diacritics


def _marked(portal: Portal) -> tuple[Portal, dict[str, str]]:
    """The portal with every shown text of every record (changes.RECORD_LISTS: people,
    schools, offices, subjects, documents, bodies) ending in a marker of its own, and the
    record id behind each marker."""
    owner: dict[str, str] = {}
    tables: dict[str, object] = {}
    for table in RECORD_LISTS:
        marked = {}
        for key, record in getattr(portal, table).items():
            changes = {}
            for name in SHOWN_TEXT:
                if isinstance(getattr(record, name, None), str):
                    marker = f"zq{len(owner):05d}qz"
                    owner[marker] = record.id
                    changes[name] = f"{getattr(record, name)} {marker}"
            marked[key] = dataclasses.replace(record, **changes)
        tables[table] = marked
    return dataclasses.replace(portal, **tables), owner


def _derived_keys(pages: Pages) -> dict[str, set[str]]:
    """Per marker, the keys an edit of its text gives through the results `Pages` derives
    (a diff between years naming a school merged away): changes.py compares those results
    and gives their own keys when they differ."""
    found: dict[str, set[str]] = {}
    collector = KeyCollector()
    for result in [*pages.diffs, *pages.within.values()]:
        keys = {key for key in collector.keys(result) if not key.startswith("id:")}
        for marker in set(MARKER.findall(repr(result).lower())):
            found.setdefault(marker, set()).update(keys)
    return found


def test_every_page_showing_a_record_is_mapped_to_it() -> None:
    """The map is narrower than the contexts where a template shows a record by name only
    (a seat's body, a body's parents: dependencies.SHOWN_BY_NAME). So: every shown text of
    every record of the sample data carries a marker, every page is rendered, and a page
    showing a record's marker (its name, a link's text, a sentence naming it) must hold a
    key that an edit of that text gives: the record's, or a derived result's naming it.
    A name only quoted in a document's full text is the document's own text, not the
    record's, and carries no marker."""
    portal, owner = _marked(load_or_raise(REPO / "data")[0])
    pages = Pages(portal)
    renderer = Renderer(pages)
    derived = _derived_keys(pages)
    collector = KeyCollector()
    missed, seen = [], set()
    for spec in pages.all():
        keys = collector.keys(spec.context)
        for marker in set(MARKER.findall(renderer.render(spec).lower())):
            seen.add(marker)
            if record_key(owner[marker]) not in keys and not keys & derived.get(marker, set()):
                missed.append((owner[marker], spec.url))
    assert missed == []
    assert len(seen) > len(owner) / 2  # the markers are shown: the test looks at the pages


def test_a_core_team_member_is_not_mapped_to_its_subject_groups() -> None:
    """A subject group's page shows its parent team by name only (SHOWN_BY_NAME): a person on
    the team's list and on no group's is not a key of the groups' pages."""
    pages = Pages(load_or_raise(REPO / "data")[0])
    collector = KeyCollector()
    keys = {spec.url: collector.keys(spec.context) for spec in pages.all()}
    secretary = record_key("mau-le-minh-tuan")
    assert secretary in keys["to-chuc/mau-to-cot-can/2024-2025/"]
    assert record_key("mau-to-cot-can") in keys["to-chuc/mau-to-cot-can-toan/2024-2025/"]
    assert secretary not in keys["to-chuc/mau-to-cot-can-toan/2024-2025/"]


def test_a_page_asked_for_during_an_update_is_written_first_with_the_new_bytes(
        project: Path, tmp_path: Path, full_builds: FullBuilds, monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser reloads as soon as the update knows its pages; its request for a page still
    waiting moves that page to the front (preview_serve.written_first) and gets the bytes of a
    full build of the edited data, and in the end every file is a full build's."""
    served = tmp_path / "served"
    plugin = portal_plugin(serve_build(project, served))
    preview = plugin.preview
    assert preview is not None and preview.settle()
    hold, built = threading.Event(), []
    build_page = preview_module._build_page

    def held_build_page(page: Any, *args: Any) -> None:  # the writer waits on its first page
        if not built:
            assert hold.wait(timeout=60)
        built.append(page.file.dest_uri)
        build_page(page, *args)

    monkeypatch.setattr(preview_module, "_build_page", held_build_page)
    EDITS["a decision's date"](project)
    assert preview.update(plugin) is Outcome.UPDATED
    waiting = list(preview.queue._waiting)  # the pages still to write, in order
    asked = waiting[-1]
    assert len(waiting) > 2, "the edit rewrites enough pages for an order to show"

    def read_file(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/html")])
        return [(served / asked).read_bytes()]

    answer: list[bytes] = []
    gate = threading.Event()
    gate.set()  # open: no build is deciding what to write
    request = threading.Thread(target=lambda: answer.extend(
        written_first(read_file, "/", gate, preview.wait_for)({"PATH_INFO": f"/{asked}"}, lambda *a: None)))
    request.start()
    deadline = time.monotonic() + 30
    while asked not in preview.queue._asked:  # until the request waits for it
        assert time.monotonic() < deadline
        time.sleep(0.01)
    hold.set()
    request.join(timeout=120)
    assert built[1] == asked  # right after the page the writer was on
    assert preview.settle()
    reference = full_builds.of(project)
    assert b"".join(answer) == (reference / asked).read_bytes()
    assert differences(served, reference) == []
    # A second event of the same save (the watcher may report one write twice): nothing to do.
    before = files_of(served)
    assert preview.update(plugin) is Outcome.UNCHANGED
    assert preview.settle() and files_of(served) == before


def test_a_school_year_page_is_not_mapped_to_the_decision_of_its_subject_groups() -> None:
    """A school year page lists its office's subject groups by name (SHOWN_BY_NAME), and the
    `since` notes of their heads as rows of their own (view.LeaderSince): the decision that set
    the groups up, and their amending decisions, are not its keys; the groups and the people
    the notes name are."""
    pages = Pages(load_or_raise(REPO / "data")[0])
    collector = KeyCollector()
    keys = {spec.url: collector.keys(spec.context) for spec in pages.all()}
    school_year = keys["truong/mau-thcs-an-nhon/2024-2025/"]
    assert record_key("mau-to-cot-can-toan") in school_year
    assert record_key("mau-vo-van-khoa") in school_year  # whom the head of mathematics replaced
    for decision in ("mau-2024-qd-to-cot-can", "mau-2024-qd-to-cot-can-kien-toan"):
        assert record_key(decision) not in school_year
        assert record_key(decision) in keys["to-chuc/mau-to-cot-can-toan/2024-2025/"]


def test_an_edit_that_makes_a_number_of_the_sites_own_files_private_is_refused(
        project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The hostile review: a copyright holding a number that an edit of people/*.yml made
    someone's private contact kept being served (the site's own files were checked at the
    full build only). The preview now checks them again, as the full build would."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + "\ncopyright: © Phòng GDĐT · đường dây nóng 0912 345 678\n",
                                        encoding="utf-8")
    (project / "content/lien-he-to.md").write_text("# Liên hệ\n\nTổ trưởng: 0912.345.678\n", encoding="utf-8")
    served = tmp_path / "served"
    plugin = portal_plugin(serve_build(project, served))
    before = files_of(served)
    replace_in("data/people/pgddt-cu-chi.yml", "name: Nguyễn Văn Hiếu\n",
               "name: Nguyễn Văn Hiếu\n    contact:\n      phone: '0912 345 678'\n")(project)
    assert plugin.preview is not None
    assert plugin.preview.update(plugin) is Outcome.KEPT
    assert files_of(served) == before
    assert "LỖI mkdocs.yml, mục copyright: có số điện thoại riêng tư '0912 345 678'." in caplog.text
    assert "LỖI content/lien-he-to.md, dòng 3:" in caplog.text
    assert NOTHING_PUBLISHED not in caplog.text  # the preview says what it kept
