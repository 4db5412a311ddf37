"""Read every file under data/, check it, and build the model.

`load(data_dir)` returns the model and every problem found; `load_or_raise` raises
`DataError` listing them all when any is an error. Nothing is built from bad data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checks import check_portal
from .dates import PartialDate, SchoolYear
from .model import (
    Activity,
    Body,
    Document,
    Duty,
    Figure,
    FormerName,
    LegalBasis,
    Membership,
    Office,
    OfficeYear,
    Person,
    Portal,
    Related,
    School,
    Signer,
    Source,
    Subject,
)
from .problems import DataError, KeyPath, Problem
from .validate import validate
from .yamlsource import YamlDocument, read_yaml


@dataclass(frozen=True)
class DataFile:
    path: Path
    shown_as: str  # as the clerk sees it: data/people/pgddt-cu-chi.yml
    kind: str  # a key of schema.FILE_SCHEMAS


def find_files(data_dir: Path, shown_root: Path) -> tuple[list[DataFile], list[Problem]]:
    """The data files in a fixed order; a YAML file in an unexpected place is an error."""
    files: list[DataFile] = []
    problems: list[Problem] = []
    known: dict[str, str] = {"offices.yml": "offices", "subjects.yml": "subjects"}
    for path in sorted(data_dir.rglob("*")):
        if not path.is_file() or path.suffix not in (".yml", ".yaml"):
            continue
        relative = path.relative_to(data_dir)
        shown = _shown(path, shown_root)
        parts = relative.parts
        if len(parts) == 1 and parts[0] in known:
            files.append(DataFile(path, shown, known[parts[0]]))
        elif len(parts) == 2 and parts[0] in ("schools", "people", "documents"):
            files.append(DataFile(path, shown, parts[0]))
        elif len(parts) == 3 and parts[0] == "years":
            files.append(DataFile(path, shown, "year"))
        else:
            problems.append(Problem(shown, None, "", "tệp YAML nằm ở chỗ không có loại dữ liệu nào.",
                                    expected="data/offices.yml, data/subjects.yml, data/schools/*.yml, "
                                    "data/people/*.yml, data/documents/*.yml hoặc "
                                    "data/years/<năm học>/<mã đơn vị>.yml"))
    order = ["offices", "subjects", "schools", "people", "documents", "year"]
    files.sort(key=lambda f: (order.index(f.kind), f.shown_as))
    return files, problems


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _date(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.parse(value)


def _tuple(values: Any) -> tuple[Any, ...]:
    return tuple(values or ())


class _Builder:
    """Turns validated plain values into model records, keeping their source lines."""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.duplicates: list[Problem] = []
        self.first_seen: dict[tuple[str, str], Source] = {}

    def source(self, doc: YamlDocument, path: KeyPath) -> Source:
        return Source(doc.file, doc.line(path), path)

    def register(self, table: dict[Any, Any], key: Any, record: Any, label: str, doc: YamlDocument,
                 path: KeyPath) -> None:
        if key in table:
            first = table[key].source
            self.duplicates.append(doc.problem(
                path + ("id",), f"mã {label} '{record.id}' bị trùng.",
                expected="mỗi mã chỉ dùng cho một " + label,
                hint=f"mã này đã có ở {first.file}, dòng {first.line}; đặt mã khác "
                     "(mã cũ không bao giờ dùng lại)."))
            return
        table[key] = record

    def offices(self, doc: YamlDocument) -> None:
        for i, o in enumerate(doc.data.get("offices") or []):
            path: KeyPath = ("offices", i)
            office = Office(
                id=o["id"], name=o["name"], short_name=o.get("short_name", o["name"]), kind=o["kind"],
                parent=o.get("parent"), place=o.get("place"), valid_from=_date(o.get("valid_from")),
                valid_until=_date(o.get("valid_until")), successor=o.get("successor"),
                note=o.get("note"), former_names=_former(o), sample=bool(o.get("sample")),
                source=self.source(doc, path))
            self.register(self.portal.offices, office.id, office, "đơn vị", doc, path)

    def subjects(self, doc: YamlDocument) -> None:
        for i, s in enumerate(doc.data.get("subjects") or []):
            path: KeyPath = ("subjects", i)
            subject = Subject(s["id"], s["name"], _tuple(s.get("aliases")), self.source(doc, path))
            self.register(self.portal.subjects, subject.id, subject, "môn", doc, path)

    def schools(self, doc: YamlDocument) -> None:
        for i, s in enumerate(doc.data.get("schools") or []):
            path: KeyPath = ("schools", i)
            school = School(
                id=s["id"], name=s["name"], level=s["level"], office=doc.data["office"],
                aliases=_tuple(s.get("aliases")), former_names=_former(s),
                valid_from=_date(s.get("valid_from")), valid_until=_date(s.get("valid_until")),
                successor=s.get("successor"), note=s.get("note"), source=self.source(doc, path))
            self.register(self.portal.schools, school.id, school, "trường", doc, path)

    def people(self, doc: YamlDocument) -> None:
        for i, p in enumerate(doc.data.get("people") or []):
            path: KeyPath = ("people", i)
            person = Person(
                id=p["id"], name=p["name"], honorific=p.get("honorific"), sort_name=p.get("sort_name"),
                contact=dict(p.get("contact") or {}), publish=_tuple(p.get("publish")),
                distinct_from=_tuple(p.get("distinct_from")), note=p.get("note"),
                source=self.source(doc, path))
            self.register(self.portal.people, person.id, person, "người", doc, path)

    def documents(self, doc: YamlDocument, year: SchoolYear | None, office: str | None) -> list[str]:
        ids = []
        for i, d in enumerate(doc.data.get("documents") or []):
            path: KeyPath = ("documents", i)
            signer = d.get("signer")
            document = Document(
                id=d["id"], kind=d["kind"], number=d.get("number"), date=_date(d.get("date")),
                place=d.get("place"), issuer=d.get("issuer", office), title=d["title"],
                signer=Signer(signer["person"], signer["title"], signer.get("capacity"),
                              signer.get("on_behalf_of")) if signer else None,
                legal_bases=tuple(LegalBasis(b["text"], b.get("ref")) for b in d.get("legal_bases") or []),
                recipients=_tuple(d.get("recipients")),
                related=tuple(Related(r["ref"], r["relation"]) for r in d.get("related") or []),
                figures=tuple(Figure(f["label"], f["value"], dict(f.get("parts") or {}))
                              for f in d.get("figures") or []),
                activities=tuple(_activity(a) for a in d.get("activities") or []),
                text=d.get("text"), school_year=year, office=office, source=self.source(doc, path))
            self.register(self.portal.documents, document.id, document, "văn bản", doc, path)
            ids.append(document.id)
        return ids

    def year(self, doc: YamlDocument) -> None:
        year = SchoolYear.parse(doc.data["school_year"])
        if year is None:
            self.duplicates.append(doc.problem(("school_year",), "năm học phải là hai năm liền nhau.",
                                               expected="ví dụ 2024-2025",
                                               actual=repr(doc.data["school_year"])))
            return
        office = doc.data["office"]
        documents = self.documents(doc, year, office)
        bodies = []
        for i, b in enumerate(doc.data.get("bodies") or []):
            path: KeyPath = ("bodies", i)
            body = Body(
                id=b["id"], school_year=year, office=office, kind=b["kind"], name=b["name"],
                parent=b.get("parent"), decision=b["decision"], source_document=b.get("source"),
                subject=b.get("subject"), declared_count=b.get("declared_count"),
                no_roster=b.get("no_roster"), meets=b.get("meets"),
                members=tuple(_member(m, self.source(doc, path + ("members", j)))
                              for j, m in enumerate(b.get("members") or [])),
                duties=tuple(_duty(d) for d in b.get("duties") or []),
                source=self.source(doc, path))
            self.register(self.portal.bodies, (year, body.id), body, "tổ chức trong năm học", doc, path)
            bodies.append(body.id)
        self.portal.office_years.append(
            OfficeYear(year, office, tuple(documents), tuple(bodies), self.source(doc, ())))


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
        as_written=m.get("as_written"), subject=m.get("subject"), note=m.get("note"), source=source)


def _duty(d: dict[str, Any]) -> Duty:
    legal = d.get("legal") or {}
    return Duty(d["role"], d.get("label"), d["text"], legal.get("ref"), legal.get("provision"))


def load(data_dir: Path, shown_root: Path | None = None) -> tuple[Portal, list[Problem]]:
    """Read, validate, build and check everything under `data_dir`."""
    shown_root = shown_root or data_dir.parent
    files, problems = find_files(data_dir, shown_root)
    if not files:
        problems.append(Problem(_shown(data_dir, shown_root), None, "", "không có tệp dữ liệu nào.",
                                expected="ít nhất data/offices.yml và một tệp năm học"))
    portal = Portal()
    builder = _Builder(portal)
    documents: dict[str, YamlDocument] = {}
    steps: dict[str, Callable[[YamlDocument], Any]] = {
        "offices": builder.offices, "subjects": builder.subjects, "schools": builder.schools,
        "people": builder.people, "documents": lambda d: builder.documents(d, None, None),
        "year": builder.year,
    }
    for file in files:
        doc, read_problems = read_yaml(file.path, file.shown_as)
        problems += read_problems
        if doc is None or read_problems:
            continue
        if doc.data is None:
            problems.append(Problem(file.shown_as, None, "", "tệp rỗng."))
            continue
        schema_problems = validate(doc, file.kind)
        problems += schema_problems
        if schema_problems:
            continue  # its records are not built: the errors above say why
        documents[file.shown_as] = doc
        steps[file.kind](doc)
    problems += builder.duplicates
    if not any(p.severity == "error" for p in problems):
        problems += check_portal(portal, documents)
    # Checked, then redacted once: every output starts from text without private values.
    return portal.redactor.redacted(portal), sorted(problems, key=Problem.sort_key)


def load_or_raise(data_dir: Path, shown_root: Path | None = None) -> tuple[Portal, list[Problem]]:
    """The model and its warnings; raises DataError when there is any error."""
    portal, problems = load(data_dir, shown_root)
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    return portal, problems
