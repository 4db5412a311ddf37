"""Hostile input: mutated data files give a clear checker error or a safe build, never a traceback."""

from __future__ import annotations

import copy
import csv
import dataclasses
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from browser_util import chromium, require_chromium, serve
from examples import examples
from full_dataset import PRIVATE_EMAIL, PRIVATE_PHONE, with_texts
from full_dataset import write as write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rendering import renderer_of
from test_exports import assert_rfc5545, hostile_titles
from test_pages import write_site
from test_privacy import leaks

from conftest import BASE, Dataset
from portal import calendar, feed, personal_data, privacy, sanitize, vocab
from portal.load import load, load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.privacy import REDACTED, Redactor, find_contacts, map_texts

NASTY_VALUES = [
    None, 0, -1, 10**30, 3.5, True, [], {}, [1, [2]], {"x": {"y": 1}}, "", " ", "../x", "../../etc/passwd",
    "/abs/path", "a/b", "x" * 200_000, "\x00\x01\x1b[31m", "<script>alert(1)</script>", "{{ 7*7 }}",
    "[x](javascript:alert(1))", "2024-02-30", "2024-13", "1999", "0912 345 678", "a@b.vn", "Đặng Vân Thùy",
    "\u202eevil", "nhom-truong", "a-thcs-mot", "a-2024-qd-1",
    # invisible characters and bidi controls, look-alikes, what XML 1.0 forbids
    "Hà\u200bThị", "\ufeffLiên", "Lê\u00adHồng", "\u2066Hà\u2069", "Hà\u0085Liên", "Nguyễn Vаn", "Μột",
    "T\ufffeitle", "x\uffff", "\ud800", "\t\n ",
    # ids with a trailing newline, decimals for integers, years out of range
    "a-ha-thi-lien\n", "mau-newline\n", 1.0, 2024.0, "9998-9999", "0000-0001", "9999-01", "2024-2025\n",
]
# File names a hostile or careless hand may give a data file.
NASTY_NAMES = ['"><img src=x onerror=alert(15)>', 'x" onmouseover="alert(14)" y="', "Người", "a b", "A",
               "x\x1b[31m", "..", "-"]
NASTY_EXTENSIONS = [".yml", ".YML", ".Yaml", ".yaml"]
# Characters no output may carry: C0 controls but tab and line breaks, U+FFFE, U+FFFF, surrogates.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Each drawn value a copy: a mutation in place (a key added to {"x": {...}}) changed
# NASTY_VALUES for the examples after it (Hypothesis: FlakyStrategyDefinition, in CI).
NASTY = st.sampled_from(NASTY_VALUES).map(copy.deepcopy)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, prefix + (index,))
    return found


@st.composite
def mutated_dataset(draw: st.DrawFn) -> dict[str, str]:
    files = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(files)))
        targets = paths(files[name])
        if not targets:  # the file is already a bare value: replace it whole
            files[name] = draw(NASTY)
            continue
        path = draw(st.sampled_from(targets))
        parent = files[name]
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(NASTY | st.text(max_size=30))
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "id", "../x", "members"]))] = draw(NASTY)
    texts = {name: yaml.safe_dump(content, allow_unicode=True, sort_keys=False) for name, content in files.items()}
    if draw(st.booleans()):  # break one file's YAML syntax
        name = draw(st.sampled_from(sorted(texts)))
        text = texts[name]
        cut = draw(st.integers(0, len(text)))
        breaker = draw(st.sampled_from(["[", "{", ": :", "\t", "'", "&a *a", "\x00", "- -", "\ufffe", "\x85"]))
        texts[name] = text[:cut] + breaker + text[cut:]
    if draw(st.booleans()):  # give a file a name the checker must refuse
        name = draw(st.sampled_from(sorted(n for n in texts if "/" in n)))
        folder = name.rsplit("/", 1)[0]
        stem = draw(st.sampled_from(NASTY_NAMES) | st.text(min_size=1, max_size=12).filter(lambda t: "/" not in t))
        texts[f"{folder}/{stem}{draw(st.sampled_from(NASTY_EXTENSIONS))}"] = texts.pop(name)
    encoded = {name: text.encode("utf-8", "surrogatepass") for name, text in texts.items()}
    if draw(st.booleans()):  # save one file in another encoding, as an office's editor might
        name = draw(st.sampled_from(sorted(texts)))
        encoding = draw(st.sampled_from(["cp1258", "latin-1", "utf-16", "utf-16-le", "utf-8-sig"]))
        encoded[name] = texts[name].encode(encoding, "replace")
    return encoded


def write(root: Path, texts: dict[str, str] | dict[str, bytes]) -> Path:
    data = root / "data"
    for name, text in texts.items():
        path = data / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        except (OSError, ValueError):  # a name the file system refuses ("..", a NUL): nothing to check
            continue
    return data


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
@given(texts=mutated_dataset())
def test_mutations_give_clear_errors_or_a_safe_site(tmp_path_factory: Any, texts: dict[str, bytes]) -> None:
    root = tmp_path_factory.mktemp("hostile")
    data = write(root, texts)
    portal, problems = load(data, root)  # must not raise
    for problem in problems:
        assert problem.file.startswith("data/") and problem.message
        report = problem.format()
        assert "Traceback" not in report
        assert all(c.isprintable() for c in report.replace("\n", "")), report  # nothing can garble a terminal
    if any(p.severity == "error" for p in problems):
        return
    for source_file in {o.source.file for o in portal.office_years} | {p.source.file for p in portal.people.values()}:
        assert re.fullmatch(r"data/[a-z0-9/-]+\.ya?ml", source_file), source_file  # safe in "edit this page"
    pages = Pages(portal)
    renderer = renderer_of(pages)
    for spec in pages.all():
        assert re.fullmatch(r"([a-z0-9-]+/)*", spec.url), spec.url  # never outside site/
        html = renderer.render(spec)
        # Markup in the data stays text: no script, no event handler (template syntax such
        # as "{{ 7*7 }}" is shown as written: data is never a template).
        assert "<script>alert" not in html
        assert not [attrs for _, attrs in _tags(html) if any(name.startswith("on") for name, _ in attrs)]
        assert not FORBIDDEN.search(html) and "\u202e" not in html, spec.url


def test_a_huge_file_and_deep_nesting_are_reported_not_crashed(tmp_path: Path) -> None:
    texts = {name: yaml.safe_dump(content, allow_unicode=True) for name, content in BASE.items()}
    texts["subjects.yml"] = "subjects:\n  - {id: toan, name: Toán}\n  - " + "[" * 5000 + "]" * 5000 + "\n"
    _, problems = load(write(tmp_path, texts), tmp_path)
    # Only the file is reported: the subject it declares ('toan') is not reported unknown.
    assert [(p.file, p.message.endswith(": dữ liệu lồng nhau quá sâu.")) for p in problems] == [
        ("data/subjects.yml", True)]
    many = "".join(f"  - {{id: s{i}, name: Môn {i}}}\n" for i in range(20_000))
    texts["subjects.yml"] = "subjects:\n  - {id: toan, name: Toán}\n" + many
    _, problems = load(write(tmp_path, texts), tmp_path)
    assert problems == []


# Markup, scripts and hostile file names: escaped at output, even past the checker


ID_PAYLOAD = '"><svg onload=alert(1)>'
TEXT_PAYLOADS = ['<img src=x onerror=alert(2)>', '"><script>alert(3)</script>', "' onmouseover='alert(4)' x='",
                 "javascript:alert(5)", "{{ 7*7 }}"]
# The two file names that ran a script in the issue (the checker now refuses them).
FILE_PAYLOADS = ['"><img src=x onerror=alert(15)>', 'x" onmouseover="alert(14)" y="']
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ENUMS = frozenset(key for table in (vocab.ROLES, vocab.BODY_KINDS, vocab.DOCUMENT_KINDS, vocab.OFFICE_KINDS,
                                    vocab.SCHOOL_LEVELS, vocab.RELATIONS, vocab.SIGNING_CAPACITIES,
                                    vocab.PRIVATE_CONTACT_FIELDS) for key in table)


def hostile_model(portal: Portal) -> Portal:
    """The model with markup in every text, in every id (each id changed the same way
    everywhere, so references still hold) and in every data file's name: what the checker
    refuses, built directly to prove that escaping alone holds."""
    def change(text: str) -> str:
        if text in ENUMS:
            return text
        if text.startswith("data/"):
            folder, name = text.rsplit("/", 1)
            return f"{folder}/{FILE_PAYLOADS[len(folder) % 2]}{name}"
        if SLUG.fullmatch(text):
            return text + ID_PAYLOAD
        return TEXT_PAYLOADS[len(text) % len(TEXT_PAYLOADS)] + text

    hostile = map_texts(portal, change)
    # Where each record was written is no text (map_texts leaves it): its file name too.
    for table in (hostile.offices, hostile.schools, hostile.people, hostile.documents, hostile.bodies):
        for key, record in table.items():
            table[key] = dataclasses.replace(record, source=dataclasses.replace(
                record.source, file=change(record.source.file)))
    return hostile


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A real MkDocs build (theme, edit links, search) of the hostile model: the plugin's
    loader is replaced for the build, so no check stands in the way."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    import portal_mkdocs.plugin as plugin_module

    root = tmp_path_factory.mktemp("hostile-site")
    dataset = Dataset(root)
    model, _ = load_or_raise(dataset.write(), root)
    hostile = hostile_model(model)
    write_site(root, data=root / "data", plugin={"edit_url_template": "https://example.org/edit/main/{path}"})
    patch = pytest.MonkeyPatch()
    patch.setattr(plugin_module, "load_or_raise", lambda *args, **kwargs: (hostile, []))
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        config.plugins.on_shutdown()
    finally:
        patch.undo()
    yield root / "site"


_HANDLERS_AND_LINKS = """() => {
  const handlers = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on')) handlers.push(element.tagName + ' ' + attribute.name);
    }
    for (const type of ['mouseover', 'mouseenter', 'focus', 'pointerover']) {
      element.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
  const schemes = [...document.querySelectorAll('a[href], [src]')]
    .map(e => new URL(e.getAttribute('href') || e.getAttribute('src'), location.href).protocol)
    .filter(p => !['http:', 'https:'].includes(p));
  const edit = document.querySelector('a[rel=edit]');
  return {handlers, schemes, edit: edit ? edit.getAttribute('href') : null,
          injected: document.querySelectorAll('svg[onload], img[src="x"]').length
            + [...document.scripts].filter(s => s.textContent.includes('alert(')).length};
}"""


def test_hostile_data_and_file_names_run_no_script_in_a_browser(hostile_site: Path) -> None:
    """Every page of the hostile build, in chromium: no dialog opens (on load, or on the
    mouse and focus events sent to every element), no element carries an event handler,
    every link is http(s), and the "edit this page" link keeps the file name inside it."""
    require_chromium()
    pages = sorted(p.parent.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html"))
    assert len(pages) > 15 and any(ID_PAYLOAD in page for page in pages)
    dialogs: list[str] = []
    problems: dict[str, Any] = {}
    edits: list[str] = []
    with serve(hostile_site) as base, chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for path in pages:
            page.goto(base + quote("" if path == "." else path + "/"))
            found = page.evaluate(_HANDLERS_AND_LINKS)
            page.wait_for_timeout(20)
            if found["handlers"] or found["schemes"] or found["injected"]:
                problems[path] = found
            if found["edit"]:
                edits.append(found["edit"])
    assert dialogs == []
    assert problems == {}
    assert edits and all(link.startswith("https://example.org/edit/main/data/") for link in edits)
    assert any("%22%3E%3Cimg" in link for link in edits) and any("onmouseover%3D" in link for link in edits)


# Hypothesis: each class of hostile text


@st.composite
def written_phone(draw: st.DrawFn) -> str:
    """0912 345 678 written any way: a prefix (0, +84, 84, 0084, (0...)), the digits cut
    anywhere, any separators (spaces of every kind, a line break, dots, dashes)."""
    prefix = draw(st.sampled_from(["0", "+84 ", "84", "0084 ", "+84 (0) ", "(0"]))
    digits = "912345678"
    cuts = sorted(draw(st.sets(st.integers(1, len(digits) - 1), max_size=4)))
    separators = st.sampled_from([" ", "\u00a0", "\u202f", "\n", ".", "-", "–", "—", "−", " - ", "\u200b"])
    parts = [digits[a:b] for a, b in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
    text = prefix + parts[0]
    if prefix == "(0":
        text += ")"
    for part in parts[1:]:
        text += draw(separators) + part
    return text


@st.composite
def written_email(draw: st.DrawFn) -> str:
    at = draw(st.sampled_from(["@", " @ ", "%40", "[at]", " (a) ", "(at)", " [at] ", "＠"]))
    dot = draw(st.sampled_from([".", "[dot]", " (dot) "]))
    address = f"secret{dot}mail{at}truong{dot}edu{dot}vn"
    return draw(st.sampled_from([address, address.upper(), address.title()]))


WORDS = st.text(alphabet="abcdeđghiklmnoơưxyzàáảãạăằắẵặâầấẫậ ,;:", max_size=30)


@settings(max_examples=examples(300))
@given(before=WORDS, value=written_phone() | written_email(), after=WORDS)
def test_any_written_form_is_hidden_and_known(before: str, value: str, after: str) -> None:
    text = f"{before} {value} {after}"
    clean = Redactor([PRIVATE_PHONE, PRIVATE_EMAIL])(text)
    assert not leaks(clean), (text, clean)
    assert REDACTED in clean
    keys = {key for found in find_contacts(text) for key in found.keys}
    assert keys & {privacy.phone_key(PRIVATE_PHONE), PRIVATE_EMAIL}, text


@settings(max_examples=examples(200))
@given(contact=st.text(max_size=40), text=st.text(max_size=200))
def test_a_value_that_is_no_phone_or_e_mail_never_changes_a_text(contact: str, text: str) -> None:
    if privacy.phone_key(contact) is None and privacy.email_key(contact) is None:
        assert Redactor([contact])(text) == text


@settings(max_examples=examples(300))
@given(prefix=st.sampled_from(["=", "+", "-", "@", "\t", "\r", ""]), rest=st.text(max_size=40))
def test_no_csv_cell_starts_a_formula(prefix: str, rest: str) -> None:
    value = prefix + rest
    cell = sanitize.csv_cell(value)
    assert cell in (value, "'" + value)
    if cell == value and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert re.fullmatch(r"[+-]?\d+([.,]\d+)*|[-‐‑‒–—―−\s]+", value), value
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL).writerow([cell])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == [cell]


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.sampled_from(TEXT_PAYLOADS) | st.text(alphabet="<>\"'&=/ascriptonl()", min_size=1, max_size=30))
def test_markup_in_every_text_field_is_escaped(tmp_path_factory: Any, payload: str) -> None:
    """Markup put in every text field of the schema (tests/full_dataset.py): every page
    renders it as text (no tag or attribute from the data), and the feed and calendars
    parse."""
    root = tmp_path_factory.mktemp("markup")
    files = with_texts(lambda text, _field, room: (text + " " + payload)[:room])
    portal, problems = load(write_files(files, root), root)
    if any(p.severity == "error" for p in problems):
        return  # the checker refused it (e.g. an "@" that reads as an e-mail of nobody)
    pages = Pages(portal)
    renderer = renderer_of(pages)
    for spec in pages.all():
        html_text = renderer.render(spec)
        for tag in _tags(html_text):
            # The only <svg> are the charts drawn at build time (charts.py): a body's, a person's timeline.
            assert not tag[0].startswith(("script", "svg", "img")) or (
                tag[0] == "svg" and spec.template in ("body.html", "person.html"))
            assert not [name for name, _ in tag[1] if name.startswith("on")], (spec.url, tag)
            assert not [value for name, value in tag[1] if name == "href" and (value or "").startswith("javascript")]
    ET.fromstring(feed.feed_bytes(portal, pages.urls, "https://example.org/"))
    for data in calendar.calendar_files(portal, pages.urls, "https://example.org/").values():
        assert_rfc5545(data)


def _tags(text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append((tag, attrs))

    Collector().feed(text)
    return tags


@settings(max_examples=examples(100))
@given(text=st.text(max_size=60))
def test_the_feed_and_calendars_parse_whatever_a_title_holds(repo_portal: Portal, text: str) -> None:
    hostile = hostile_titles(repo_portal, text)
    ET.fromstring(feed.feed_bytes(hostile, None, "https://example.org/"))
    for data in calendar.calendar_files(hostile, None, "https://example.org/").values():
        assert_rfc5545(data)


# Identity numbers and dates of birth: found under their heading in any table a text writes, and
# no date of a decision, a meeting or a term is a birth.

DAYS = st.integers(1, 28)
MONTHS = st.integers(1, 12)
YEARS = st.integers(1950, 2030)
DATE_SIGNS = st.sampled_from(["/", "-", "."])


@st.composite
def written_date(draw: st.DrawFn) -> str:
    sign = draw(DATE_SIGNS)
    day, month = draw(DAYS), draw(MONTHS)
    day_text = draw(st.sampled_from([str(day), f"{day:02}"]))
    month_text = draw(st.sampled_from([str(month), f"{month:02}"]))
    return f"{day_text}{sign}{month_text}{sign}{draw(YEARS)}"


# What a plan, a decision or a notice writes before a date that is no one's birth.
NOT_A_BIRTH = st.sampled_from([
    "Quyết định số {n}/QĐ-UBND ngày", "Kế hoạch số {n}/KH-PGDĐT ngày", "Công văn số {n}/PGDĐT ngày", "từ ngày",
    "đến ngày", "Họp tổ ngày", "Học sinh ngày", "học sinh tựu trường ngày", "Tuyển sinh ngày", "tuyển sinh:",
    "Thí sinh dự thi ngày", "Sinh hoạt chuyên môn ngày", "Giáng sinh ngày", "Vệ sinh trường lớp ngày",
    "Phát sinh ngày", "Hy sinh ngày", "Nhiệm kỳ {n} từ", "Ngày", "ngày ký", "Hiệu lực từ", "Nam sinh viên, ngày"])


@settings(max_examples=examples(300))
@given(before=NOT_A_BIRTH, n=st.integers(1, 9999), date=written_date(), after=st.sampled_from(["", ".", ", tại trường",
                                                                                                  " - 30/6/2025"]))
def test_a_date_of_a_decision_a_meeting_or_a_term_is_no_birth(before: str, n: int, date: str, after: str) -> None:
    text = f"{before.format(n=n)} {date}{after}"
    assert [value for value in personal_data.find_personal_values(text) if value.kind == "birth"] == []


CARD = st.builds(lambda province, rest: f"{province}{rest}", st.sampled_from(["001", "024", "079", "096"]),
                 st.from_regex(r"[0-3]\d{8}", fullmatch=True))
ACCOUNT = st.from_regex(r"[1-9]\d{11}", fullmatch=True)
NAMES = st.sampled_from(["Lê Văn An", "Hà Thị Bình", "Đặng Vân Thùy", "Lò Văn Tư"])
IDENTITY_HEADINGS = st.sampled_from(["Số CCCD", "CCCD", "CMND/CCCD", "Số định danh cá nhân", "Căn cước công dân",
                                     "Số CCCD (12 số)"])


@settings(max_examples=examples(200))
@given(heading=IDENTITY_HEADINGS, shape=st.sampled_from(["markdown", "tab", "csv", "column"]),
       rows=st.lists(st.tuples(NAMES, CARD, ACCOUNT), min_size=1, max_size=4))
def test_a_card_number_under_its_heading_is_found_and_an_account_number_never(
        heading: str, shape: str, rows: list[tuple[str, str, str]]) -> None:
    table = [["STT", "Họ và tên", heading, "Số tài khoản"], *([str(i), *row] for i, row in enumerate(rows, 1))]
    if shape == "column":  # a PDF's page text: each column apart, the heading over its values
        lines = [cell for column in zip(*table, strict=True) for cell in column]
    else:
        join = {"markdown": " | ", "tab": "\t", "csv": ","}[shape]
        lines = [("| " if shape == "markdown" else "") + join.join(row) + (" |" if shape == "markdown" else "")
                 for row in table]
        if shape == "markdown":
            lines.insert(1, "|---|---|---|---|")
    text = "Danh sách kèm theo\n" + "\n".join(lines) + "\n"
    found = [(value.kind, text[value.start:value.end]) for value in personal_data.find_personal_values(text)]
    assert found == [("identity", card) for _, card, _ in rows]


@settings(max_examples=examples(200))
@given(first=written_date(), last=written_date(),
       bound=st.sampled_from([" đến {last}", " - {last}", " – {last}", " đến ngày {last}", " tới {last}",
                              " trở về trước", " trở về sau", " trở đi"]),
       who=st.sampled_from(["Tuyển trẻ", "Nhận trẻ em", "Trẻ", "Đối tượng: trẻ"]))
def test_an_enrolments_bound_of_birth_dates_is_no_ones_birth(first: str, last: str, bound: str, who: str) -> None:
    text = f"{who} sinh ngày {first}{bound.format(last=last)} vào lớp 1."
    assert personal_data.find_personal_values(text) == []


GAPS = st.sampled_from([" ", "\u00a0", ".", ""])
IDENTITY_HEADING_VARIANTS = st.sampled_from(["Số CCCD/Hộ chiếu", "Số CMND/CCCD, ngày cấp, nơi cấp", "Số thẻ căn cước",
                                             "CCCD/CMND/Hộ chiếu", "Mã định danh", "Số CCCD và ngày cấp"])
CELL_TAILS = st.sampled_from(["", " - 12/5/2021 - Cục CS QLHC về TTXH", " (CA Hà Nội)", ", cấp ngày 05/9/2021"])


@settings(max_examples=examples(200))
@given(heading=IDENTITY_HEADING_VARIANTS, card=CARD, gap=GAPS, tail=CELL_TAILS, name=NAMES)
def test_a_card_number_grouped_or_followed_by_its_issue_is_found_under_any_heading_naming_it(
        heading: str, card: str, gap: str, tail: str, name: str) -> None:
    number = gap.join((card[:3], card[3:6], card[6:9], card[9:]))
    text = f"| STT | Họ và tên | {heading} |\n|---|---|---|\n| 1 | {name} | {number}{tail} |\n"
    assert [(v.kind, text[v.start:v.end]) for v in personal_data.find_personal_values(text)] == [("identity", number)]


@settings(max_examples=examples(200))
@given(code=st.from_regex(r"\d{3}[4-9]\d{8}|[1-9]\d{7}", fullmatch=True), name=st.sampled_from(
    ["THCS Him Lam", "TH Kim Đồng", "MN Hoa Sen"]), shape=st.sampled_from(["markdown", "text"]))
def test_a_schools_code_under_ma_dinh_danh_is_no_ones_card(code: str, name: str, shape: str) -> None:
    """Twelve digits whose fourth is no century's (0 to 3), or eight: a code no card writes."""
    text = (f"| Mã trường | Mã định danh | Tên trường |\n|---|---|---|\n| 1 | {code} | {name} |\n"
            if shape == "markdown" else f"Trường {name}, mã định danh: {code}.")
    assert personal_data.find_personal_values(text) == []


BIRTH_HEADING_SEPARATORS = st.sampled_from([" ", ", ", "/", " / ", " - ", ".", "-"])


@settings(max_examples=examples(200))
@given(sep=BIRTH_HEADING_SEPARATORS, date=st.one_of(written_date(), st.builds(
    lambda y, m, d: f"{y}-{m:02}-{d:02}", YEARS, MONTHS, DAYS)), name=NAMES)
def test_a_birth_date_under_a_heading_with_any_separator_is_found(sep: str, date: str, name: str) -> None:
    heading = f"Ngày{sep}tháng{sep}năm sinh"
    text = f"| STT | Họ và tên | {heading} |\n|---|---|---|\n| 1 | {name} | {date} |\n"
    assert [(v.kind, text[v.start:v.end]) for v in personal_data.find_personal_values(text)] == [("birth", date)]
