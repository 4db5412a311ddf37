"""Read every file under data/, check it, and build the model.

`load(data_dir)` returns the model and every problem found; `load_or_raise` raises
`DataError` listing them all when any is an error. Nothing is published from bad data,
but as much as can be built is built, so that one run reports every problem: a record
with an error is left out (and references to it are not reported again), the rest of
its file is built, and the checks across records run on what was built.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from . import privacy, vocab
from .checked_files import Checked, CheckedFiles, read_and_check
from .checks import Unbuilt, check_portal
from .dates import PartialDate, SchoolYear, school_year_fault
from .model import (
    Activity,
    Amendment,
    Body,
    Document,
    Duty,
    Figure,
    FormerName,
    LegalBasis,
    MemberRef,
    Membership,
    Office,
    OfficeYear,
    Original,
    Person,
    Portal,
    Related,
    Replacement,
    RoleChange,
    School,
    Signer,
    Source,
    Subject,
    Successor,
)
from .originals import check_originals
from .problems import DataError, KeyPath, Problem, printable
from .schema import ID_PATTERN
from .text import slugify
from .validate import record_lists
from .yamlsource import YamlDocument, parse_bytes, read_bytes, read_yaml, unreadable

# Data files are named like ids, so that a file name is safe in a URL, an HTML
# attribute ("edit this page") and a shell. `.yaml` is accepted as well as `.yml`; an
# extension in capitals (`.YML`) is refused, not skipped: on Windows and macOS it is
# the same file as `.yml`, elsewhere it is not, and a file the checker skipped would
# silently drop its records.
_EXTENSIONS = ("yml", "yaml")
_AT_ROOT = {"offices.yml": "offices", "subjects.yml": "subjects"}
_IN_FOLDER = ("schools", "people", "documents")
# What a duplicate id is called, per list of records.
_LABELS = {"offices": "đơn vị", "subjects": "môn", "schools": "trường", "people": "người", "documents": "văn bản",
           "bodies": "tổ chức trong năm học"}
# Record ids in a file that could not be built, found in its text without parsing it.
_ID_IN_TEXT = re.compile(r"(?:^|[\s{,])id:[ \t]*['\"]?([a-z0-9]+(?:-[a-z0-9]+)*)", re.MULTILINE)


@dataclass(frozen=True)
class DataFile:
    path: Path
    shown_as: str  # as the clerk sees it: data/people/pgddt-cu-chi.yml
    kind: str  # a key of schema.FILE_SCHEMAS
    # Why the file is not read (a name that is no plain slug, a folder that is no
    # school year, a folder that cannot be read); None when it is read.
    refused: Problem | None = None
    # The bytes read in place of the file's (the data as an import would leave it); None:
    # the file's own.
    replaced: bytes | None = None


def find_files(data_dir: Path, shown_root: Path,
               overlay: Mapping[Path, bytes] | None = None) -> tuple[list[DataFile], list[Problem]]:
    """The data files in a fixed order; a YAML file in an unexpected place is an error.
    `overlay` (paths relative to `data_dir`) gives files' bytes in place of those on disk,
    and files that are not there yet, as if they had been written."""
    files: list[DataFile] = []
    problems: list[Problem] = []
    overlay = overlay or {}

    def folder_unreadable(error: OSError) -> None:
        folder = Path(error.filename or data_dir)
        shown = shown_path(folder, shown_root)
        kind = _folder_kind(folder.relative_to(data_dir).parts)
        if kind is None:
            problems.append(unreadable(shown, error, "thư mục"))
        else:  # its files are not read, and any id of their kind may have been in them
            files.append(DataFile(folder, shown, kind, unreadable(shown, error, "thư mục")))

    def add(path: Path) -> None:
        shown = shown_path(path, shown_root)
        parts = path.relative_to(data_dir).parts
        replaced = overlay.get(Path(*parts))
        _, dot, extension = path.name.rpartition(".")
        if not dot or extension.lower() not in _EXTENSIONS:
            if _in_data_folder(parts) and not _not_data(path.name):
                refusal = _no_yml(shown, path, parts)
                folder_kind = _folder_kind(parts[:-1])
                if folder_kind is None:  # data/ itself: no kind of record to leave out
                    problems.append(refusal)
                else:  # its ids are left out, as a misnamed .yml's are
                    files.append(DataFile(path, shown, folder_kind, refusal, replaced))
            return
        kind = _kind(parts)
        if kind is None:
            problems.append(Problem(shown, None, "", "tệp YAML nằm ở chỗ không có loại dữ liệu nào.",
                                    expected="data/offices.yml, data/subjects.yml, data/schools/*.yml, "
                                    "data/people/*.yml, data/documents/*.yml hoặc "
                                    "data/years/<năm học>/<mã đơn vị>.yml"))
            return
        files.append(DataFile(path, shown, kind, _refusal(shown, parts), replaced))

    if not data_dir.is_dir():
        return files, problems  # the caller says there is no data
    found: set[Path] = set()
    for folder, subfolders, names in os.walk(data_dir, onerror=folder_unreadable):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file():
                found.add(path.relative_to(data_dir))
                add(path)
    for relative in sorted(overlay.keys() - found):  # new files
        add(data_dir / relative)
    order = ["offices", "subjects", "schools", "people", "documents", "year"]
    files.sort(key=lambda f: (order.index(f.kind), f.shown_as))
    return _twins_refused(files), problems


def _twins_refused(files: list[DataFile]) -> list[DataFile]:
    """`x.yml` and `x.yaml` in one folder (a stray copy) are both refused, with one problem
    naming both: which one holds the data is the clerk's choice, and every id in the two
    would otherwise be reported twice over, each time against the file read second."""
    by_name: dict[Path, list[DataFile]] = defaultdict(list)
    for file in files:
        if file.refused is None:
            by_name[file.path.with_suffix("")].append(file)
    refused: dict[Path, Problem] = {}
    for twins in by_name.values():
        if len(twins) > 1:
            names = " và ".join(f"'{printable(t.path.name)}'" for t in twins)
            problem = Problem(twins[0].shown_as, None, "", f"hai tệp {names} cùng tên: máy không đọc tệp nào.",
                              expected="một tệp .yml cho mỗi tên",
                              hint="giữ tệp đúng, xóa tệp kia (hoặc chuyển nó ra khỏi thư mục data/).")
            refused.update((t.path, problem) for t in twins)
    return [dataclasses.replace(f, refused=refused[f.path]) if f.path in refused else f for f in files]


def _kind(parts: tuple[str, ...]) -> str | None:
    if len(parts) == 1:
        return _AT_ROOT.get(parts[0].lower())
    if len(parts) == 2 and parts[0] in _IN_FOLDER:
        return parts[0]
    if len(parts) == 3 and parts[0] == "years":
        return "year"
    return None


# What sits in a data folder without being data: Finder's and Explorer's own files, the lock
# file Office keeps beside a document it has open, hidden files (.gitkeep).
_NOT_DATA = re.compile(r"^(?:\..*|~\$.*|thumbs\.db|desktop\.ini)$", re.IGNORECASE)


def _not_data(name: str) -> bool:
    return bool(_NOT_DATA.match(name))


def _in_data_folder(parts: tuple[str, ...]) -> bool:
    """Whether a file sits where the loader reads data files: data/ itself, data/years/ and
    its year folders, data/schools/, data/people/, data/documents/ (not data/files/)."""
    folder = parts[:-1]
    return folder in ((), ("years",)) or _folder_kind(folder) is not None


def _no_yml(shown: str, path: Path, parts: tuple[str, ...]) -> Problem:
    """A file in a data folder that is not read, as it has no .yml extension: its records
    would silently be missing from the site ('x.yml.txt', 'x.yml.bak', 'x.json')."""
    name = path.name
    base = re.split(r"\.ya?ml", name, maxsplit=1, flags=re.IGNORECASE)[0]
    if base == name and "." in name:
        base = name.rpartition(".")[0]
    suggested = f"{slugify(base) or 'ten-tep'}.yml"
    # data/ holds two data files by name; data/years/ holds folders only.
    folder = parts[:-1]
    could_be_data = suggested in _AT_ROOT if not folder else folder != ("years",)
    away = "chuyển nó ra khỏi thư mục data/ (bản gốc văn bản đã ký để trong data/files/)."
    if (path.parent / suggested).is_file():
        hint = f"tệp có lẽ là bản sao của '{suggested}': xóa nó, hoặc " + away
    elif could_be_data:
        hint = f"nếu là dữ liệu, đổi tên tệp thành '{suggested}'; nếu không, " + away
    else:
        hint = away
    return Problem(shown, None, "", f"tệp '{printable(name)}' không có đuôi .yml nên không được đọc: "
                   "dữ liệu trong đó sẽ không có trên trang.",
                   expected="trong thư mục này chỉ có tệp dữ liệu .yml", hint=hint)


def _folder_kind(parts: tuple[str, ...]) -> str | None:
    """The kind of the data files a folder holds; None for a folder that holds none."""
    return "year" if parts == ("years",) else _kind((*parts, "x.yml"))


# What file managers add to the name of a copy: "x (1)", "x - Copy", "x - Bản sao", "x copy (2)".
_COPY_SUFFIX = re.compile(r"(?:\s*-?\s*(?:copy|bản sao|ban sao))?(?:\s*\(\d+\))?$", re.IGNORECASE)


def _refusal(shown: str, parts: tuple[str, ...]) -> Problem | None:
    """Why a data file may not be read as it is named, with the name it should have."""
    name = parts[-1]
    if len(parts) == 3 and (fault := school_year_fault(parts[1])):
        return Problem(shown, None, "", f"thư mục năm học '{printable(parts[1])}' không đúng: {fault}",
                       expected="data/years/<năm học>/<mã đơn vị>.yml, ví dụ data/years/2024-2025/pgddt-cu-chi.yml")
    stem, _, extension = name.rpartition(".")
    if len(parts) == 1:
        suggested = name.lower()  # offices.yml or subjects.yml: found by its lower-case name
        valid = name == suggested
    else:
        valid = bool(re.search(ID_PATTERN, stem)) and extension in _EXTENSIONS
        suggested = f"{slugify(stem) or 'ten-tep'}.{extension.lower()}"
    if valid:
        return None
    hint = f"đổi tên tệp thành '{suggested}'."
    original = _COPY_SUFFIX.sub("", stem)
    if original != stem and re.search(ID_PATTERN, original):
        hint = f"tệp có lẽ là bản sao của '{original}.{extension}': xóa nó nếu thừa; nếu không, " + hint
    return Problem(shown, None, "", f"tên tệp '{printable(name)}' không dùng được.",
                   expected="chữ thường không dấu, số và dấu '-', đuôi .yml viết thường (ví dụ pgddt-cu-chi.yml)",
                   hint=hint)


def shown_path(path: Path, root: Path) -> str:
    """A file as the clerk sees it: relative to the repository, printable."""
    try:
        shown = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = path.as_posix()
    return printable(shown)


def _date(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.parse(value)


def _tuple(values: Any) -> tuple[Any, ...]:
    return tuple(values or ())


class _Builder:
    """Turns validated plain values into model records, keeping their source lines.

    A record with an error is not built: its id is noted in `unbuilt`. Nor is any record
    whose id another record has too: which of them is the right one is the clerk's choice,
    so `note_ids` sees every file's ids before any record is built, and each duplicate is
    one problem naming every place (`duplicates`)."""

    def __init__(self, portal: Portal, unbuilt: Unbuilt) -> None:
        self.portal = portal
        self.unbuilt = unbuilt
        # Per list of records, where each id was first seen, and every place of an id seen
        # again. A line is looked up only for a duplicate: a province's 200,000 people cost
        # no Source more.
        self.first_seen: dict[str, dict[Any, tuple[YamlDocument, KeyPath]]] = defaultdict(dict)
        self.repeated: dict[str, dict[Any, list[tuple[YamlDocument, KeyPath]]]] = defaultdict(dict)

    def source(self, doc: YamlDocument, path: KeyPath) -> Source:
        return Source(doc.file, doc.line(path), path)

    def note_ids(self, doc: YamlDocument, kind: str) -> None:
        """Note where each record id of a file stands (valid records or not)."""
        year = SchoolYear.parse(doc.data["school_year"]) if kind == "year" else None
        for table in record_lists(kind):
            seen, repeated = self.first_seen[table], self.repeated[table]
            for i, item in enumerate(doc.data.get(table) or []):
                record_id = item.get("id") if isinstance(item, dict) else None
                if not isinstance(record_id, str):
                    continue
                key = (year, record_id) if table == "bodies" else record_id
                if key not in seen:
                    seen[key] = (doc, (table, i))
                else:
                    repeated.setdefault(key, [seen[key]]).append((doc, (table, i)))

    def duplicates(self) -> list[Problem]:
        """One problem per id given to more than one record, at its first place, naming all."""
        problems = []
        for table, repeated in self.repeated.items():
            label = _LABELS[table]
            for key, places in repeated.items():
                record_id = key[1] if table == "bodies" else key
                sources = [self.source(doc, path + ("id",)) for doc, path in places]
                where = " và ".join(f"{s.file}, dòng {s.line}" for s in sources)
                doc, path = places[0]
                problems.append(doc.problem(
                    path + ("id",), f"mã {label} '{record_id}' có ở {len(places)} bản ghi: {where}.",
                    expected="mỗi mã chỉ dùng cho một " + label,
                    hint=f"giữ mã ở bản ghi đúng; bản ghi còn lại: xóa nếu là bản chép thừa, đặt mã khác nếu là "
                         f"{label} khác (mã cũ không bao giờ dùng lại). Chưa sửa thì không bản ghi nào mang mã "
                         "này được dùng."))
        return problems

    def records(self, doc: YamlDocument, table: str, invalid: frozenset[KeyPath],
                year: SchoolYear | None = None) -> Iterator[tuple[KeyPath, dict[str, Any]]]:
        """The valid records of one list of a file whose ids no other record has."""
        repeated = self.repeated[table]
        for i, item in enumerate(doc.data.get(table) or []):
            path: KeyPath = (table, i)
            if path in invalid or (item["id"] if year is None else (year, item["id"])) in repeated:
                record_id = item.get("id") if isinstance(item, dict) else None
                if isinstance(record_id, str):
                    self.unbuilt.table(table, year).ids.add(record_id)
                    if year and isinstance(item.get("parent"), str):
                        self.unbuilt.lost_a_child.add((year, item["parent"]))
            else:
                yield path, item

    def offices(self, doc: YamlDocument, invalid: frozenset[KeyPath]) -> None:
        for path, o in self.records(doc, "offices", invalid):
            self.portal.offices[o["id"]] = Office(
                id=o["id"], name=o["name"], short_name=o.get("short_name", o["name"]), kind=o["kind"],
                parent=o.get("parent"), place=o.get("place"), valid_from=_date(o.get("valid_from")),
                valid_until=_date(o.get("valid_until")), end_reason=o.get("end_reason"),
                successors=tuple(Successor(x["office"], x.get("took_over")) for x in o.get("successors") or []),
                note=o.get("note"), former_names=_former(o), sample=bool(o.get("sample")),
                source=self.source(doc, path), placeholder=bool(o.get("placeholder")),
                contact={k: o["contact"][k] for k in vocab.OFFICE_CONTACT_FIELDS if k in (o.get("contact") or {})})

    def subjects(self, doc: YamlDocument, invalid: frozenset[KeyPath]) -> None:
        for path, s in self.records(doc, "subjects", invalid):
            self.portal.subjects[s["id"]] = Subject(s["id"], s["name"], _tuple(s.get("aliases")),
                                                    self.source(doc, path))

    def schools(self, doc: YamlDocument, invalid: frozenset[KeyPath]) -> None:
        for path, s in self.records(doc, "schools", invalid):
            self.portal.schools[s["id"]] = School(
                id=s["id"], name=s["name"], level=s["level"], office=doc.data["office"],
                aliases=_tuple(s.get("aliases")), former_names=_former(s),
                valid_from=_date(s.get("valid_from")), valid_until=_date(s.get("valid_until")),
                successor=s.get("successor"), note=s.get("note"), source=self.source(doc, path),
                placeholder=bool(s.get("placeholder")))

    def people(self, doc: YamlDocument, invalid: frozenset[KeyPath]) -> None:
        for path, p in self.records(doc, "people", invalid):
            self.portal.people[p["id"]] = Person(
                id=p["id"], name=p["name"], honorific=p.get("honorific"), sort_name=p.get("sort_name"),
                contact=dict(p.get("contact") or {}), publish=_tuple(p.get("publish")),
                distinct_from=_tuple(p.get("distinct_from")), note=p.get("note"),
                source=self.source(doc, path), placeholder=bool(p.get("placeholder")))

    def documents(self, doc: YamlDocument, invalid: frozenset[KeyPath], year: SchoolYear | None = None,
                  office: str | None = None) -> list[str]:
        ids = []
        # Document ids are unique across years: a document is cited by id alone.
        for path, d in self.records(doc, "documents", invalid):
            signer = d.get("signer")
            self.portal.documents[d["id"]] = Document(
                id=d["id"], kind=d["kind"], number=d.get("number"), date=_date(d.get("date")),
                place=d.get("place"), issuer=d.get("issuer", office), title=d["title"],
                signer=Signer(signer["person"], signer["title"], signer.get("capacity"),
                              signer.get("on_behalf_of")) if signer else None,
                legal_bases=tuple(LegalBasis(b["text"], b.get("ref"), _tuple(b.get("refs")))
                                  for b in d.get("legal_bases") or []),
                recipients=_tuple(d.get("recipients")),
                related=tuple(Related(r["ref"], r["relation"]) for r in d.get("related") or []),
                figures=tuple(Figure(f["label"], f["value"], dict(f.get("parts") or {}))
                              for f in d.get("figures") or []),
                activities=tuple(_activity(a) for a in d.get("activities") or []),
                text=d.get("text"), school_year=year, office=office, source=self.source(doc, path),
                placeholder=bool(d.get("placeholder")),
                originals=tuple(Original(f["file"], f.get("sha256"), f.get("size"), f.get("pages"))
                                for f in d.get("originals") or []),
                publish_original=bool(d.get("publish_original")))
            ids.append(d["id"])
        return ids

    def year(self, doc: YamlDocument, invalid: frozenset[KeyPath]) -> None:
        year = SchoolYear.parse(doc.data["school_year"])
        assert year is not None  # the schema's school-year format
        office = doc.data["office"]
        documents = self.documents(doc, invalid, year, office)
        bodies = []
        for path, b in self.records(doc, "bodies", invalid, year):
            self.portal.bodies[(year, b["id"])] = Body(
                id=b["id"], school_year=year, office=office, kind=b["kind"], name=b["name"],
                parent=b.get("parent"), decision=b["decision"], source_document=b.get("source"),
                subject=b.get("subject"), declared_count=b.get("declared_count"),
                no_roster=b.get("no_roster"), meets=b.get("meets"),
                members=tuple(_member(m, self.source(doc, path + ("members", j)))
                              for j, m in enumerate(b.get("members") or [])),
                duties=tuple(_duty(d) for d in b.get("duties") or []),
                source=self.source(doc, path),
                amendments=tuple(self.amendment(doc, path + ("amendments", j), a)
                                 for j, a in enumerate(b.get("amendments") or [])))
            bodies.append(b["id"])
        self.portal.office_years.append(
            OfficeYear(year, office, tuple(documents), tuple(bodies), self.source(doc, ()),
                       _tuple(doc.data.get("schools"))))


    def amendment(self, doc: YamlDocument, path: KeyPath, a: dict[str, Any]) -> Amendment:
        start = _date(a["from"])
        assert start is not None  # the schema's full-date format
        return Amendment(
            decision=a["decision"], start=start,
            add=tuple(_member(m, self.source(doc, path + ("add", i))) for i, m in enumerate(a.get("add") or [])),
            remove=tuple(_member_ref(r) for r in a.get("remove") or []),
            replace=tuple(
                Replacement(_member_ref(r), _member(r["with"], self.source(doc, path + ("replace", i, "with"))))
                for i, r in enumerate(a.get("replace") or [])),
            roles=tuple(RoleChange(_member_ref(r), r["role"], r.get("role_text")) for r in a.get("roles") or []),
            source=self.source(doc, path))


def _former(record: dict[str, Any]) -> tuple[FormerName, ...]:
    return tuple(FormerName(f["name"], _date(f.get("until"))) for f in record.get("former_names") or [])


def _activity(a: dict[str, Any]) -> Activity:
    return Activity(
        title=a["title"], details=a.get("details"), start=_date(a.get("start")), end=_date(a.get("end")),
        due=_date(a.get("due")), frequency=a.get("frequency"), responsible=a.get("responsible"),
        bodies=_tuple(a.get("bodies")), schools=_tuple(a.get("schools")), step=a.get("step"))


def _member(m: dict[str, Any], source: Source) -> Membership:
    return Membership(
        role=m["role"], person=m.get("person"), school=m.get("school"), stt=m.get("stt"),
        role_text=m.get("role_text"), position=m.get("position"), unit=m.get("unit"),
        as_written=m.get("as_written"), subject=m.get("subject"), note=m.get("note"), source=source,
        page=m.get("page"))


def _member_ref(r: dict[str, Any]) -> MemberRef:
    return MemberRef(person=r.get("person"), school=r.get("school"))


def _duty(d: dict[str, Any]) -> Duty:
    legal = d.get("legal") or {}
    return Duty(d["role"], d.get("label"), d["text"], legal.get("ref"), legal.get("provision"), d.get("page"))


def load(data_dir: Path, shown_root: Path | None = None, *, draft: bool = False,
         kept: CheckedFiles | None = None,
         overlay: Mapping[Path, bytes] | None = None) -> tuple[Portal, list[Problem]]:
    """Read, validate, build and check everything under `data_dir`.

    `draft` accepts placeholder documents (reported as warnings): for the clerk's draft
    check only; a build never passes it. `kept` (under `mkdocs serve`) holds each file as
    the last load read and checked it: only the files whose bytes changed are read again;
    the result is the same. `overlay` (an import's dry run) gives the new bytes of some
    files, by their path relative to `data_dir`: the data is loaded as if they had been
    written, and every message names them as it would then (nothing is written)."""
    if kept is not None:
        kept.start()
    with cycle_collector_paused():
        result = _load(data_dir, shown_root or data_dir.parent, draft, kept, overlay)
    if kept is not None:
        kept.finish()
    return result


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Loading makes millions of objects that stay (the values read, then the model) and no
    reference cycles to collect: Python's cycle collector would walk the growing heap again
    and again for nothing (for 200,000 people, about 1 s of 7; docs/benchmarks.md). So do
    the pages' indexes and contexts made from the model (portal_mkdocs.plugin). Objects are
    still freed when their last reference goes; the collector runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(data_dir: Path, shown_root: Path, draft: bool, kept: CheckedFiles | None,
          overlay: Mapping[Path, bytes] | None) -> tuple[Portal, list[Problem]]:
    files, problems = find_files(data_dir, shown_root, overlay)
    if not files:
        problems.append(Problem(shown_path(data_dir, shown_root), None, "", "không có tệp dữ liệu nào.",
                                expected="ít nhất data/offices.yml và một tệp năm học"))
    portal = Portal()
    unbuilt = Unbuilt()
    builder = _Builder(portal, unbuilt)
    documents: dict[str, YamlDocument] = {}
    steps: dict[str, Callable[[YamlDocument, frozenset[KeyPath]], Any]] = {
        "offices": builder.offices, "subjects": builder.subjects, "schools": builder.schools,
        "people": builder.people, "documents": builder.documents, "year": builder.year,
    }
    valid: list[tuple[str, YamlDocument, frozenset[KeyPath]]] = []  # built once every id is known
    for file in files:
        if file.refused is not None:
            if file.refused not in problems:  # twins share one (_twins_refused)
                problems.append(file.refused)  # what it holds is checked once it is renamed
            _leave_out(file, _text(file), unbuilt)
            continue
        checked = _checked(file, kept)
        read = checked.read
        problems += read.problems
        doc = read.doc
        if doc is None:
            _leave_out(file, read.text, unbuilt)
            continue
        validation = checked.validation
        if validation is None:
            problems.append(Problem(file.shown_as, None, "", "tệp rỗng."))
            continue
        problems += validation.problems
        if not validation.file_is_valid:
            _leave_out(file, read.text, unbuilt)
            continue
        documents[file.shown_as] = doc
        builder.note_ids(doc, file.kind)
        valid.append((file.kind, doc, validation.invalid_records))
    problems += builder.duplicates()
    for kind, doc, invalid in valid:
        steps[kind](doc, invalid)
    hints = privacy.ContactHints()  # the texts the check searched, not searched again by the redaction
    problems += check_portal(portal, documents, unbuilt, draft=draft, kept=None if kept is None else kept.privacy,
                             hints=hints)
    redactor = portal.redactor
    # With people left out, some private contacts are not known: published originals are not checked.
    problems += check_originals(portal, data_dir, shown_root, documents, all_documents_built=not unbuilt.documents,
                                redactor=None if unbuilt.people else redactor)
    # Checked, then redacted once: every output starts from text without private values.
    redact = partial(redactor.redacted, hints=hints)
    clean = redact(portal) if kept is None else kept.privacy.redacted(portal, redactor.values, redact)
    return clean, sorted(problems, key=Problem.sort_key)


def _checked(file: DataFile, kept: CheckedFiles | None) -> Checked:
    if kept is not None:
        return kept.check(file.path, file.shown_as, file.kind, file.replaced)
    data = read_bytes(file.path, file.shown_as) if file.replaced is None else file.replaced
    return read_and_check(data, file.shown_as, file.kind)


def _text(file: DataFile) -> str | None:
    """The text of a file that is not built, to find its ids in; None when it has none."""
    if file.replaced is not None:
        return parse_bytes(file.replaced, file.shown_as).text
    return read_yaml(file.path, file.shown_as).text if file.path.is_file() else None


def _leave_out(file: DataFile, text: str | None, unbuilt: Unbuilt) -> None:
    """A file that is not built: its ids, found in its text, are noted as unbuilt; without
    a text, any id of its kind may have been in it."""
    folder = file.path if file.path.is_dir() else file.path.parent
    year = SchoolYear.parse(folder.name) if file.kind == "year" else None
    for table in record_lists(file.kind):
        left_out = unbuilt.table(table, year)
        if text is None:
            left_out.all_unknown = True
        else:
            left_out.ids.update(_ID_IN_TEXT.findall(text))


def load_or_raise(data_dir: Path, shown_root: Path | None = None, *, draft: bool = False,
                  kept: CheckedFiles | None = None) -> tuple[Portal, list[Problem]]:
    """The model and its warnings; raises DataError when there is any error."""
    portal, problems = load(data_dir, shown_root, draft=draft, kept=kept)
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    return portal, problems
