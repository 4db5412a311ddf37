"""portal.wording: each phrase the portal writes in several places, and the rule that it
is written in one place only (templates, exports, feed, calendars, diff and search call it)."""

from __future__ import annotations

import ast
import dataclasses
import datetime
import io
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import jinja2
import openpyxl

from conftest import REPO, Dataset
from portal import calendar, exports, feed, wording
from portal.contexts import DocumentPage
from portal.dates import PartialDate, SchoolYear
from portal.load import load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.render import Renderer, diff_filters, drawing_filters, wording_filters
from portal.schema import FILE_SCHEMAS

PLUGINS = REPO / "plugins"
TEMPLATES = PLUGINS / "portal" / "templates"
WORDING = PLUGINS / "portal" / "wording.py"
# Where the vocabularies themselves are defined (and the JSON Schemas take their enums).
VOCAB = PLUGINS / "portal" / "vocab.py"
# The labels of these vocabularies are read through wording's functions only.
LABELLED = ("ROLES", "DOCUMENT_KINDS", "BODY_KINDS", "OFFICE_KINDS", "SCHOOL_LEVELS", "RELATIONS")
# The phrases, on the seeds' messy documents


def test_the_document_forms_on_a_complete_decision(repo_portal: Portal) -> None:
    doc = repo_portal.documents["cc-2024-qd-140"]
    assert doc.number and doc.date and doc.date.is_full and doc.issuer
    assert wording.document_citation(doc) == f"Quyết định {doc.number}"
    assert wording.document_name(doc) == f"Quyết định số {doc.number}"
    assert wording.document_label(doc) == f"Quyết định số {doc.number}, {doc.date.vietnamese()}"
    issuer = repo_portal.offices[doc.issuer]
    reference = f"Quyết định số {doc.number} ngày {doc.date.vietnamese()} của {issuer.name}"
    assert wording.document_reference(repo_portal, doc) == reference
    assert wording.document_reference(repo_portal, doc, short_issuer=True) == reference.replace(
        issuer.name, issuer.short_name)
    # Củ Chi's clusters are set up by this decision, but listed in Hướng dẫn 1671.
    cluster = repo_portal.bodies[(SchoolYear(2024), "cc-cum-01")]
    assert cluster.decision == doc.id and cluster.list_document == "cc-2024-hd-1671"
    guidance = repo_portal.documents[cluster.list_document]
    assert wording.list_origin(repo_portal, cluster) == f"(Theo {wording.document_reference(repo_portal, guidance)})"


def test_a_decision_whose_number_and_day_were_left_blank(repo_portal: Portal) -> None:
    """Điện Biên Phủ's decision reads "Số: /QĐ-PGDĐT" and "ngày  tháng  năm 2024"."""
    doc = repo_portal.documents["dbp-2024-qd-to-cot-can-thcs"]
    assert doc.number == "/QĐ-PGDĐT" and doc.date == PartialDate(2024)
    # The figure left blank reads as a gap, never "số /QĐ-PGDĐT".
    assert wording.document_reference(repo_portal, doc) == (
        "Quyết định số …/QĐ-PGDĐT năm 2024 của Phòng Giáo dục và Đào tạo thành phố Điện Biên Phủ")
    assert wording.document_label(doc) == "Quyết định số …/QĐ-PGDĐT, năm 2024"
    assert wording.document_page_title(doc) == "Quyết định …/QĐ-PGDĐT"
    assert wording.number_field_text(doc.number) == "…/QĐ-PGDĐT (văn bản để trống số)"
    # A clerk's copy with a space before the slash reads the same; a whole number is left as it is.
    assert wording.number_text("  /KH-PGDĐT") == "…/KH-PGDĐT"
    assert wording.number_field_text("48/KH-PGDĐT") == wording.number_text("48/KH-PGDĐT") == "48/KH-PGDĐT"


def test_a_blank_number_is_nowhere_shown_bare(repo_portal: Portal) -> None:
    """Every page (its title and text), every list export and the feed: no "số /QĐ"."""
    pages = Pages(repo_portal)
    renderer = Renderer(pages)
    bare = re.compile(r"(?:số|Quyết định)\s+/")
    document = "van-ban/dbp-2024-qd-to-cot-can-thcs/"
    # A document's full text quotes the original as printed ("Số: /QĐ-PGDĐT"): left out.
    texts = {spec.url: re.sub(r"<h2>Toàn văn</h2>.*?(?=<h2|$)", "", f"{spec.title}\n{renderer.render(spec)}",
                              flags=re.DOTALL) for spec in pages.all()}
    assert "<dd>…/QĐ-PGDĐT (văn bản để trống số)</dd>" in texts[document]
    assert "<h1>Quyết định số …/QĐ-PGDĐT</h1>" in texts[document]
    texts |= {path: data.decode("utf-8-sig") for path, data in exports.export_files(repo_portal).items()
              if path.endswith(".csv")}
    texts["atom.xml"] = feed.feed_bytes(repo_portal, None, "").decode("utf-8")
    assert [where for where, text in texts.items() if bare.search(text)] == []


def test_a_documents_page_says_what_its_date_left_blank(repo_portal: Portal) -> None:
    """The hostile review: a decision of "tháng 9 năm 2026" was said to have left its day
    and its month blank. The document page states the date of issue through issue_date."""
    doc = repo_portal.documents["dbp-2024-qd-to-cot-can-thcs"]
    assert wording.issue_date_text(doc.date) == "năm 2024 (văn bản để trống ngày, tháng)"
    assert wording.issue_date_text(PartialDate(2026, 9)) == "tháng 09/2026 (văn bản để trống ngày)"
    assert wording.issue_date_text(PartialDate(2026, 9, 13)) == "13/09/2026"
    pages = Pages(repo_portal)
    spec = next(s for s in pages.all() if isinstance(s.context, DocumentPage) and s.context.doc is doc)
    month_only = dataclasses.replace(doc, date=PartialDate(2026, 9))
    html = Renderer(pages).render(dataclasses.replace(spec, context=dataclasses.replace(spec.context, doc=month_only)))
    assert "<dt>Ngày ban hành</dt><dd>tháng 09/2026 (văn bản để trống ngày)</dd>" in html


def test_a_document_without_number_or_date_or_issuer(repo_portal: Portal) -> None:
    regulation = repo_portal.documents["tdm-2015-quy-che-to-mang-luoi"]  # no number
    assert wording.document_citation(regulation) == wording.document_name(regulation) == "Quy chế"
    assert wording.document_label(regulation) == "Quy chế (chưa có số), 21/10/2015"
    assert wording.document_reference(repo_portal, regulation).startswith("Quy chế ngày 21/10/2015 của ")
    circular = repo_portal.documents["bgddt-tt-16"]  # cited only: no date
    assert wording.document_reference(repo_portal, circular) == "Thông tư số 16/TT-BGDĐT của Bộ Giáo dục và Đào tạo"
    alone = dataclasses.replace(circular, issuer=None, date=PartialDate(2024, 9))
    assert wording.document_reference(repo_portal, alone) == "Thông tư số 16/TT-BGDĐT tháng 09/2024"


def test_a_role_as_the_document_wrote_it(repo_portal: Portal) -> None:
    cluster = repo_portal.bodies[(SchoolYear(2024), "cc-cum-02")]
    deputy = next(m for m in cluster.members if m.role == "pho-cum-truong")
    assert deputy.role_text == "Phó Cục trưởng"  # a slip of the signed list, kept as printed
    assert wording.member_role(deputy) == "Phó Cục trưởng"
    assert wording.role_name(deputy.role) == "Phó Cụm trưởng"
    assert wording.member_role(dataclasses.replace(deputy, role_text=None)) == "Phó Cụm trưởng"
    assert wording.role_name("vai-tro-moi") == "vai-tro-moi"  # never a KeyError on a page


def test_units_schools_renamed_offices_and_unknown_ids(repo_portal: Portal) -> None:
    renamed = repo_portal.schools["mau-thcs-phuoc-an"]  # renamed on 14/8/2024
    assert wording.unit_name(repo_portal, renamed.id) == "THCS Lê Quý Đôn (dữ liệu mẫu)"
    assert wording.unit_name(repo_portal, renamed.id, at=SchoolYear(2023)) == "THCS Phước An (dữ liệu mẫu)"
    assert wording.unit_name(repo_portal, renamed.id, at=SchoolYear(2024)) == "THCS Lê Quý Đôn (dữ liệu mẫu)"
    office = repo_portal.offices["pgddt-dien-bien-phu"]
    assert wording.unit_name(repo_portal, office.id) == office.short_name
    assert wording.unit_name(repo_portal, "truong-chua-khai") == "truong-chua-khai"
    assert wording.unit_name(repo_portal, None) == ""


def test_the_post_cell_as_printed_else_position_and_unit(repo_portal: Portal) -> None:
    team = repo_portal.bodies[(SchoolYear(2024), "dbp-to-cot-can-thcs-gv-toan")]
    member = next(m for m in team.members if m.as_written and m.unit)
    assert wording.written_post(repo_portal, member) == member.as_written
    plain = dataclasses.replace(member, as_written=None, position="Giáo viên", unit="dbp-thcs-him-lam")
    assert wording.written_post(repo_portal, plain) == "Giáo viên - THCS Him Lam"
    assert wording.written_post(repo_portal, dataclasses.replace(plain, position=None)) == "THCS Him Lam"
    assert wording.written_post(repo_portal, dataclasses.replace(plain, unit=None)) == "Giáo viên"
    assert wording.written_post(repo_portal, dataclasses.replace(plain, position=None, unit=None)) == ""


def test_the_printed_list_and_the_workbook_say_the_same_decision_line(dataset: Dataset) -> None:
    """The DANH SÁCH printed from a body's page and its XLSX carry one line under the title."""
    decision = dataset.year["documents"][0]
    del decision["number"]
    decision["date"] = "2024-09"
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    pages = Pages(portal)
    spec = next(s for s in pages.all() if s.url == "to-chuc/a-to-toan/2024-2025/")
    line = "(Kèm theo Quyết định tháng 09/2024 của Phòng Giáo dục và Đào tạo huyện A)"
    assert f"<em>{line}</em>" in Renderer(pages).render(spec)
    xlsx = exports.roster_xlsx(portal, portal.bodies[(SchoolYear(2024), "a-to-toan")])
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert sheet.active is not None and sheet.active["A2"].value == line


def test_feed_and_calendar_name_a_document_by_the_same_reference(repo_portal: Portal) -> None:
    doc = repo_portal.documents["cc-2024-hd-1671"]
    office_year = next(oy for oy in repo_portal.office_years if doc.id in oy.documents)
    events = calendar.office_year_events(repo_portal, office_year)
    ics = calendar.calendar_bytes(repo_portal, office_year, events).decode("utf-8").replace("\r\n ", "")
    short = wording.document_reference(repo_portal, doc, short_issuer=True)
    assert calendar.escape_text(f"Theo {short}: {doc.title}") in ics
    atom = feed.feed_bytes(repo_portal, None, "").decode("utf-8")
    assert wording.document_reference(repo_portal, doc) in atom
    assert f"<title>{wording.document_citation(doc)}: " in atom


# One place per rule

# Each rule, what to use instead, and the module that defines it (where the scan allows it).
RULES: dict[str, tuple[str, Path]] = {
    "document": ("a document's number in a text: use wording.document_name, _citation, _reference", WORDING),
    "label": ("a label read from vocab: use wording's function for it (role_name, document_kind_name, ...)",
              WORDING),
    "role": ("a member's role, printed or standard: use wording.member_role", WORDING),
    "unit": ("a unit's name worked out by hand: use wording.unit_name", WORDING),
    "first day": ("1 September of a school year: use SchoolYear.first_day", PLUGINS / "portal" / "dates.py"),
}


def _python_sources() -> Iterator[Path]:
    """The core and the MkDocs adapter, but the vocabularies themselves."""
    for path in sorted(PLUGINS.rglob("*.py")):
        if path != VOCAB:
            yield path


def _is_attribute(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == name


def _is_label_table(node: ast.AST) -> bool:
    return any(_is_attribute(node, name) or (isinstance(node, ast.Name) and node.id == name) for name in LABELLED)


def _looked_up_in(node: ast.AST, collection: str, *, membership: bool = True) -> str | None:
    """The id that `node` looks up in `<x>.<collection>`: `<x>.schools[u]`, `<x>.schools.get(u)`
    or (with `membership`) `u in <x>.schools`."""
    if isinstance(node, ast.Subscript) and _is_attribute(node.value, collection) and isinstance(node.slice, ast.Name):
        return node.slice.id
    if (isinstance(node, ast.Call) and _is_attribute(node.func, "get") and isinstance(node.func, ast.Attribute)
            and _is_attribute(node.func.value, collection) and node.args and isinstance(node.args[0], ast.Name)):
        return node.args[0].id
    if (membership and isinstance(node, ast.Compare) and isinstance(node.left, ast.Name)
            and isinstance(node.ops[0], ast.In) and _is_attribute(node.comparators[0], collection)):
        return node.left.id
    return None


def _hand_written_phrases(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, rule) of each phrase of RULES written by hand in a module."""
    for node in ast.walk(tree):
        # "số {doc.number}", kind + " " + doc.number
        if isinstance(node, ast.JoinedStr) and any(
                isinstance(part, ast.FormattedValue) and any(_is_attribute(n, "number") for n in ast.walk(part.value))
                for part in node.values):
            yield node.lineno, "document"
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and (
                _is_attribute(node.left, "number") or _is_attribute(node.right, "number")):
            yield node.lineno, "document"
        # ROLES[code], vocab.ROLES.get(code, code)
        if isinstance(node, ast.Subscript) and _is_label_table(node.value):
            yield node.lineno, "label"
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
                and _is_label_table(node.func.value)):
            yield node.lineno, "label"
        # m.role_text or <the standard label>
        if (isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or) and _is_attribute(node.values[0], "role_text")
                and not all(isinstance(v, ast.Constant) for v in node.values[1:])):
            yield node.lineno, "role"
        # datetime.date(year.start, 9, 1)
        if (isinstance(node, ast.Call) and len(node.args) == 3 and _is_attribute(node.args[0], "start")
                and [getattr(a, "value", None) for a in node.args[1:]] == [9, 1]):
            yield node.lineno, "first day"
    # One id looked up among the schools and among the offices, in a function that reads a name.
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        nodes = list(ast.walk(function))
        schools = {name for node in nodes if (name := _looked_up_in(node, "schools"))}
        offices = {name: node.lineno for node in nodes if (name := _looked_up_in(node, "offices", membership=False))}
        if any(isinstance(node, ast.Attribute) and node.attr in ("name", "short_name") for node in nodes):
            for name in schools & set(offices):
                yield offices[name], "unit"


def test_python_writes_no_wording_phrase_by_hand() -> None:
    sources = list(_python_sources())
    assert len(sources) > 40 and PLUGINS / "portal_mkdocs" / "search.py" in sources
    found = [f"{path.relative_to(REPO)}:{line}: {RULES[rule][0]}" for path in sources
             for line, rule in _hand_written_phrases(ast.parse(path.read_text(encoding="utf-8")))
             if path != RULES[rule][1]]
    assert found == []


def test_the_scan_finds_each_copy_this_module_replaced() -> None:
    samples = {
        'f"{kind} số {doc.number}" if doc.number else kind': "document",
        'kind + " " + doc.number': "document",
        "vocab.ROLES.get(m.role, m.role)": "label",
        "vocab.DOCUMENT_KINDS[doc.kind]": "label",
        "m.role_text or role_label(m.role)": "role",
        "datetime.date(year.start, 9, 1)": "first day",
        "def unit(p, u):\n    if u in p.schools:\n        return p.schools[u].name\n    return p.offices[u].short_name":
            "unit",
        "def unit(p, u):\n    found = p.schools.get(u) or p.offices.get(u)\n    return found.name": "unit",
    }
    for source, rule in samples.items():
        assert [found for _, found in _hand_written_phrases(ast.parse(source))] == [rule], source
    # Not a phrase: a role's printed text compared as it is; ids sorted into schools and offices.
    assert list(_hand_written_phrases(ast.parse('fold(old.role_text or "")'))) == []
    collect = "def f(p, r):\n    if r in p.offices:\n        o.add(r)\n    elif r in p.schools:\n        s.add(r)"
    assert list(_hand_written_phrases(ast.parse(collect))) == []


def _templates() -> dict[str, str]:
    found = {path.name: path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob("*.html"))}
    assert "body.html" in found and "_macros.html" in found
    return found


NUMBER_FIELD = "{% if doc.number %}<dt>Số hiệu</dt><dd>{{ doc.number | doc_number }}</dd>{% endif %}"


def test_templates_write_no_wording_phrase_by_hand() -> None:
    assert NUMBER_FIELD in _templates()["document.html"]
    found = []
    for name, source in _templates().items():
        # The one place a number stands alone: the "Số hiệu" field of a document's page.
        for _ in re.finditer(r"\.number\b", source.replace(NUMBER_FIELD, "")):
            found.append(f"{name}: a document's number by hand (doc_name, doc_citation)")
        if re.search(r"doc_kind\s*}}\s*số", source):
            found.append(f"{name}: 'kind số number' by hand (doc_name)")
        if "role_text" in source:
            found.append(f"{name}: a role's printed text by hand (member_role)")
    assert found == []


def test_each_wording_filter_is_the_wording_modules_function(repo_portal: Portal) -> None:
    env = Renderer(Pages(repo_portal)).env
    filters = wording_filters(repo_portal)
    for name, function in filters.items():
        registered = env.filters[name]
        assert registered is function or (isinstance(registered, partial) and registered.func is function.func), name
        own = function.func if isinstance(function, partial) else function
        assert getattr(wording, own.__name__) is own, name
    # The change pages' labels are the diff report's own.
    for name, function in diff_filters().items():
        assert env.filters[name] is function and function.__module__ == "portal.diff_report", name
    # Every filter a template uses is Jinja's own or one of these, or a link (portal.links;
    # people and units are linked by the link builders of portal.link_html).
    links = {name for name, function in env.filters.items() if getattr(function, "__module__", "") == "portal.links"}
    assert links == {"target_page"}
    used = {name for source in _templates().values() for name in re.findall(r"\|\s*([a-z_]+)", source)}
    ours = used - set(jinja2.filters.FILTERS)
    assert ours and ours <= set(filters) | set(diff_filters()) | links | set(drawing_filters())


# A value of each contact field of the people schema, as an office writes it.
CONTACTS = {"phone": "0912 944 718", "email": "Dang.Thuy@pgddt-a.edu.vn"}


def test_a_published_contact_is_labelled_in_vietnamese(dataset: Dataset) -> None:
    """The person page printed 'phone: 0912.944.718' and 'email: …', the data format's keys."""
    people_schema = FILE_SCHEMAS["people"]["properties"]["people"]["items"]
    assert set(CONTACTS) == set(people_schema["properties"]["contact"]["properties"])
    thuy = dataset.files["people/pgddt-a.yml"]["people"][2]
    thuy["contact"], thuy["publish"] = dict(CONTACTS), list(CONTACTS)
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    pages = Pages(portal)
    (page,) = [spec for spec in pages.person_pages() if spec.title == "Đặng Vân Thùy"]
    html = Renderer(pages).render(page)
    for field in CONTACTS:
        label = wording.contact_label(field)
        assert label != field and f"<p>{label}: " in html and f"{field}:" not in html


def test_the_first_day_of_a_school_year_decides_which_schools_it_has(dataset: Dataset) -> None:
    """A school merged before the year began has no page for it; one that ends on its first
    day has (View asks SchoolYear.first_day)."""
    year = SchoolYear(2024)
    assert year.first_day == datetime.date(2024, 9, 1)
    schools = dataset.files["schools/pgddt-a.yml"]["schools"]
    schools[1].update(valid_until=(year.first_day - datetime.timedelta(days=1)).isoformat(), successor="a-thcs-mot")
    schools[0].update(valid_until=year.first_day.isoformat())
    dataset.year["bodies"][1]["members"][1]["unit"] = "a-thcs-mot"  # no list names the merged school
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    urls = {spec.url for spec in Pages(portal).all()}
    assert "truong/a-thcs-mot/2024-2025/" in urls
    assert "truong/a-thcs-hai/2024-2025/" not in urls
