"""Start an office's next school year from its last one, keeping every id.

The new year file is the old one with the school year changed, the old year's documents
dropped and every body pointing to one placeholder decision (`placeholder: true`), which
the check accepts only as a draft until the real decision replaces it. A list that amending
decisions changed during the old year starts the new one as it stood at its end (its
`amendments` are the old year's). Comments and layout are kept. Nothing is overwritten:
the file is created exclusively, checked, and removed again when it does not pass.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import commands, terms
from .dates import SchoolYear
from .diff import office_years
from .errors import PortalError
from .importer.proposal import membership_entry
from .load import load, shown_path
from .model import Office, Portal
from .problems import Problem


class NewYearError(PortalError):
    """The new year cannot be started: the message says why, in Vietnamese."""


@dataclass(frozen=True)
class NewYear:
    """What starting the year writes: the new file's text and what it copies."""

    office: Office
    old: SchoolYear
    new: SchoolYear
    source: Path
    target: Path
    decision_id: str
    text: str
    bodies: int
    members: int
    # The office whose year was copied: `office` itself, or the office that ended.
    copied_from: Office


def successor_hint(portal: Portal, office: Office) -> str:
    """Who publishes the next years of an ended office, and the command that starts them."""
    heirs = [(portal.offices[x.office], x.took_over) for x in office.successors if x.office in portal.offices]
    if not heirs:
        return "đơn vị này không ghi đơn vị kế thừa (successors) trong data/offices.yml."
    named = "; ".join(f"{heir.name} ({heir.id})" + (f": {took_over}" if took_over else "")
                      for heir, took_over in heirs)
    lines = " hoặc ".join(commands.NEW_YEAR.line("--office", office.id, "--successor", heir.id) for heir, _ in heirs)
    return (f"năm học mới do đơn vị kế thừa ban hành: {named}. Bắt đầu năm học của đơn vị kế thừa từ năm học "
            f"cuối của đơn vị này, giữ nguyên mã tổ chức: {lines}")


def placeholder(office: Office, year: SchoolYear) -> dict[str, Any]:
    """The decision every copied body points to until the real one is entered."""
    return placeholder_decision(office.id, year, sample=office.sample)


def placeholder_decision(office_id: str, year: SchoolYear, *, sample: bool = False) -> dict[str, Any]:
    """An office's decision for a year not signed yet (a new year's, or a new site's)."""
    title = f"Quyết định năm học {year} (chưa có số)"
    if sample:
        title += " (dữ liệu mẫu)"
    return {"id": f"{office_id}-{year.start}-qd-cho-so", "kind": "quyet-dinh", "date": year.start,
            "title": title, "placeholder": True}


def _years(portal: Portal, office: Office, old: SchoolYear | None,
           new: SchoolYear | None) -> tuple[SchoolYear, SchoolYear]:
    """The year to copy (the office's latest by default) and the year to start (the next)."""
    years = office_years(portal, office.id)
    old = old or (years[-1] if years else None)
    if old is None or old not in years:
        have = ", ".join(str(y) for y in years) or "chưa có năm nào"
        raise NewYearError(f"đơn vị {office.id} không có dữ liệu năm học {old or ''} để chép "
                           f"(các năm đang có: {have}).")
    new = new or SchoolYear(old.start + 1)
    if new <= old:
        raise NewYearError(f"năm học mới ({new}) phải sau năm học chép từ ({old}).")
    return old, new


def plan(portal: Portal, data_dir: Path, office_id: str, old: SchoolYear | None = None,
         new: SchoolYear | None = None) -> NewYear:
    """Work out the new year's file; raises NewYearError when it cannot be started."""
    office = portal.offices.get(office_id)
    if office is None:
        raise NewYearError(f"không có đơn vị nào mang mã '{office_id}'.")
    old, new = _years(portal, office, old, new)
    if office.ended_before(new):
        assert office.valid_until is not None
        raise NewYearError(f"{office.name} đã ngừng hoạt động từ sau ngày {office.valid_until.vietnamese()}, "
                           f"trước năm học {new}: không bắt đầu năm học mới cho đơn vị này; "
                           + successor_hint(portal, office))
    return _copy(portal, data_dir, office, office, old, new)


def plan_successor(portal: Portal, data_dir: Path, office_id: str, successor_id: str,
                   old: SchoolYear | None = None, new: SchoolYear | None = None) -> NewYear:
    """Start a successor's year from the last year of an office that ended: the same body
    ids, the successor as the issuer (its own placeholder decision), and the schools the
    ended office managed listed under `schools:`, so that they carry on under the successor."""
    office = portal.offices.get(office_id)
    if office is None:
        raise NewYearError(f"không có đơn vị nào mang mã '{office_id}'.")
    # An office still open is told so first: naming successors for it would be the wrong fix.
    if office.valid_until is None:
        raise NewYearError(f"{office.name} chưa chấm dứt hoạt động (không có 'valid_until' trong data/offices.yml): "
                           "đơn vị này tự bắt đầu năm học mới (bỏ --successor).")
    old, new = _years(portal, office, old, new)
    if not office.ended_before(new):
        raise NewYearError(f"{office.name} chưa chấm dứt hoạt động trước năm học {new}: đơn vị này tự bắt đầu "
                           f"năm học mới (bỏ --successor).")
    heirs = [x.office for x in office.successors]
    if successor_id not in heirs:
        have = f"đơn vị kế thừa: {', '.join(heirs)}" if heirs else "chưa ghi đơn vị kế thừa nào"
        raise NewYearError(f"'{successor_id}' không phải đơn vị kế thừa của {office.name} ({have}); "
                           "ghi nó vào 'successors' trong data/offices.yml trước.")
    successor = portal.offices.get(successor_id)
    if successor is None:
        raise NewYearError(f"không có đơn vị nào mang mã '{successor_id}'.")
    if successor.ended_before(new):
        raise NewYearError(f"{successor.name} cũng đã chấm dứt trước năm học {new}; "
                           + successor_hint(portal, successor))
    carried = {b.id for b in portal.bodies_in(old) if b.office == office.id}
    taken = sorted({b.office for b in portal.bodies_in(new) if b.id in carried})
    if taken:
        raise NewYearError(f"các tổ chức của {office.short_name} đã được tiếp tục trong năm học {new} bởi "
                           f"{', '.join(portal.offices[o].short_name for o in taken)} (cùng mã tổ chức); mỗi tổ "
                           "chức chỉ do một đơn vị ban hành trong một năm học.")
    return _copy(portal, data_dir, office, successor, old, new)


def _copy(portal: Portal, data_dir: Path, office: Office, issuer: Office, old: SchoolYear,
          new: SchoolYear) -> NewYear:
    """The year file of `issuer` for `new`, copied from `office`'s year `old`."""
    source = data_dir / "years" / old.label / f"{office.id}.yml"
    target = data_dir / "years" / new.label / f"{issuer.id}.yml"
    shown_target = shown_path(target, data_dir.parent)
    if target.exists():
        raise NewYearError(f"{shown_target} đã có; không ghi đè. Sửa trực tiếp tệp đó, hoặc xóa nó nếu "
                           "muốn chép lại" + ("; tổ chức của đơn vị đã chấm dứt thì chép thêm vào tệp đó bằng tay "
                                              "(giữ nguyên mã)." if issuer is not office else "."))
    decision = placeholder(issuer, new)
    if decision["id"] in portal.documents:
        raise NewYearError(f"mã văn bản chỗ giữ '{decision['id']}' đã có trong dữ liệu.")
    # Handed on: the schools the ended office managed in its last year that still exist.
    schools = None if issuer is office else [
        school.id for school in portal.schools.values()
        if portal.managing_office(school, old) == office.id
        and (school.valid_until is None or school.valid_until.last_day >= new.first_day)]
    text = source.read_text(encoding="utf-8")
    latest = {body.id: [membership_entry(m) for m in terms.history(body).latest]
              for body in portal.bodies_in(old) if body.office == office.id and body.amendments}
    expected = new_data(yaml.safe_load(text), new, decision, issuer.id, schools, latest)
    shown_source = shown_path(source, data_dir.parent)
    result = rewrite_text(text, old, new, shown_source, decision, issuer.id, schools, latest)
    if yaml.safe_load(result) != expected:
        # A layout the line edits do not understand: write the same data plainly instead.
        result = (f"# Năm học {new}: chép từ {shown_source}.\n"
                  + yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=4096))
    bodies = expected.get("bodies") or []
    return NewYear(issuer, old, new, source, target, decision["id"], result, len(bodies),
                   sum(len(b.get("members") or []) for b in bodies), office)


def write(year: NewYear, data_dir: Path) -> list[Problem]:
    """Create the new file (never over an existing one) and check the data as a draft; on
    an error, remove the file again and return the problems of that file."""
    year.target.parent.mkdir(parents=True, exist_ok=True)
    made_folder = not any(year.target.parent.iterdir())
    try:
        with year.target.open("x", encoding="utf-8") as out:
            out.write(year.text)
    except FileExistsError:
        raise NewYearError(f"{shown_path(year.target, data_dir.parent)} vừa được tạo bởi việc khác; "
                           "không ghi đè.") from None
    _, problems = load(data_dir, draft=True)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        year.target.unlink()
        if made_folder:
            year.target.parent.rmdir()
        shown = shown_path(year.target, data_dir.parent)
        return [p for p in errors if p.file == shown] or errors
    return []


def new_data(old: dict[str, Any], year: SchoolYear, decision: dict[str, Any], office: str | None = None,
             schools: list[str] | None = None,
             latest: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """What the new file must hold: the old one with the new year, decision and no documents;
    a body's `source` that was one of the old year's documents goes too (the new list comes
    from the new decision); for a successor, its own id as `office` and the schools handed
    on as `schools`. `latest`: the lists amending decisions changed, by body id, as they
    stood at the end of the old year; their amendments are not copied."""
    old_documents = {d.get("id") for d in old.get("documents") or []}
    data: dict[str, Any] = {}
    for key, value in old.items():
        if key == "documents" or (key == "schools" and schools is not None):
            continue
        data[key] = copy.deepcopy(value)
        if key == "school_year":
            data["documents"] = [dict(decision)]
    data["school_year"] = year.label
    if office is not None:
        data["office"] = office
    if schools:
        data["schools"] = list(schools)
    data.setdefault("documents", [dict(decision)])
    for body in data.get("bodies") or []:
        body["decision"] = decision["id"]
        if body.get("source") in old_documents:
            del body["source"]
        if latest and body.get("id") in latest:
            body["members"] = copy.deepcopy(latest[body["id"]])
            body.pop("amendments", None)
    return data


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_DECISION = re.compile(r"^(\s*(?:-\s+)?decision:\s*)([^\s#]+)(.*)$")
_SOURCE = re.compile(r"^\s+source:\s*([^\s#]+)\s*(?:#.*)?$")
_BODY_ID = re.compile(r"^\s*-\s+id:\s*([^\s#]+)")
_LIST_KEY = re.compile(r"^(\s+)(members|amendments):\s*(?:#.*)?$")


def _placeholder_lines(decision: dict[str, Any], year: SchoolYear) -> list[str]:
    return [
        "documents:",
        f"  # Chỗ giữ: thay bằng quyết định thật của năm học {year} (số, ngày, người ký, căn cứ,",
        "  # nơi nhận, toàn văn) và xóa dòng 'placeholder: true'; hoặc thêm quyết định thật rồi",
        "  # sửa 'decision:' của các tổ chức.",
        f"  - id: {decision['id']}",
        f"    kind: {decision['kind']}",
        f"    date: {decision['date']}",
        f"    title: {decision['title']}",
        "    placeholder: true",
    ]


def _schools_lines(schools: list[str]) -> list[str]:
    return ["# Trường nhận từ đơn vị đã chấm dứt: đơn vị này quản lý từ năm học này.",
            "schools:", *(f"  - {school}" for school in schools)]


def _flow(entry: dict[str, Any]) -> str:
    return str(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, default_flow_style=True,
                              width=4096)).strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def rewrite_text(text: str, old_year: SchoolYear, year: SchoolYear, source: str,
                 decision: dict[str, Any], office: str | None = None, schools: list[str] | None = None,
                 latest: dict[str, list[dict[str, Any]]] | None = None) -> str:
    """The old file's text with only what must change changed, comments and layout kept;
    for a successor (`office`), its id and the schools it took over (`schools`); the members
    of a list in `latest` written anew (one row a line), its amendments left out."""
    lines = text.splitlines()
    latest = latest or {}
    body_id: str | None = None
    old_documents = {d.get("id") for d in (yaml.safe_load(text) or {}).get("documents") or []}
    out = [
        f"# Năm học {year}: chép từ {source}.",
        f"# Tổ chức, thành viên và nhiệm vụ giữ như năm học {old_year}; văn bản của năm cũ đã bỏ.",
        "# Sửa theo quyết định mới; giữ nguyên mã (id) của tổ chức, người và trường.",
    ]
    if office is not None:
        out.append(f"# Đơn vị kế thừa {office} ban hành năm học này thay đơn vị đã chấm dứt.")
    if lines and lines[0].startswith("#"):
        out.append(f"# Ghi chú chép từ năm học {old_year}:")
    section = None
    i = 0
    while i < len(lines):
        line = lines[i]
        top = _TOP_KEY.match(line)
        if top:
            section = top.group(1)
            if section == "school_year":
                out.append(f"school_year: {year.label}")
                i += 1
                continue
            if section == "office" and office is not None:
                out.append(f"office: {office}")
                if schools:
                    out.extend(_schools_lines(schools))
                i += 1
                continue
            if section == "schools" and schools is not None:  # replaced by the list handed on
                i += 1
                while i < len(lines) and not _TOP_KEY.match(lines[i]):
                    i += 1
                continue
            if section == "documents":
                # Skip the whole block, but keep the comments just above the next key.
                j = i + 1
                while j < len(lines) and not _TOP_KEY.match(lines[j]):
                    j += 1
                k = j
                while k > i + 1 and (lines[k - 1].startswith("#") or not lines[k - 1].strip()):
                    k -= 1
                out.extend(_placeholder_lines(decision, year))
                out.extend(lines[k:j])
                i = j
                continue
            if section == "bodies" and not any(x.startswith("documents:") for x in lines):
                out.extend(_placeholder_lines(decision, year))
        if section == "bodies":
            item = _BODY_ID.match(line)
            body_id = item.group(1) if item else body_id
            replaced = _LIST_KEY.match(line)
            if replaced and body_id in latest:
                # The old rows and the old year's amendments go; the list at the end of the year comes.
                key_indent = _indent(line)
                i += 1
                while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > key_indent):
                    i += 1
                if replaced.group(2) == "members":
                    out.append(line)
                    out.extend(f"{replaced.group(1)}  - {_flow(entry)}" for entry in latest[body_id])
                continue
            match = _DECISION.match(line)
            if match:
                line = f"{match.group(1)}{decision['id']}{match.group(3)}"
            listed_from = _SOURCE.match(line)
            if listed_from and listed_from.group(1) in old_documents:
                i += 1
                continue
        out.append(line)
        i += 1
    return "\n".join(out) + "\n"
