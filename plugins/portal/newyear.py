"""Start an office's next school year from its last one, keeping every id.

The new year file is the old one with the school year changed, the old year's documents
dropped and every body pointing to one placeholder decision (`placeholder: true`), which
the check accepts only as a draft until the real decision replaces it. A list that amending
decisions changed during the old year starts the new one as it stood at its end (its
`amendments` are the old year's). Rows lose the page of last year's original they cite, and
each list is numbered 1..n anew. Schools that closed before the new year are left out of it
(a person whose unit one was keeps the row, without the unit, and is reported; the check asks
for the unit until it is filled in: checks._check_units_to_fill). Comments
(those inside a rewritten row too) and layout are kept (newyear_text.py). Nothing is overwritten: the file is created
exclusively, checked, and removed again when it does not pass. A successor that carries on
several ended offices adds the second and later ones to its year file: only additions,
written over the file only if it is unchanged since it was read, and put back if the check fails.
"""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import commands, newyear_text, terms, wording
from .carried_rows import carried_row, closed_schools
from .checks import is_placeholder
from .dates import SchoolYear
from .diff import office_years
from .errors import PortalError, Undone, unknown_office
from .importer.proposal import membership_entry
from .load import load, shown_path
from .model import Office, Portal, School
from .newyear_text import Carried
from .problems import Problem


class NewYearError(PortalError):
    """The new year cannot be started: the message says why, in Vietnamese."""


@dataclass(frozen=True)
class ClosedSchool:
    """A school the old year named that closed before the new one: left out of it."""

    school: School
    successor: School | None


@dataclass(frozen=True)
class UnitToFill:
    """A person kept in a list whose unit, a school that closed, was left out of the row:
    the clerk fills in where they work now (never guessed)."""

    body: str
    person: str
    school: School


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
    closed: tuple[ClosedSchool, ...] = ()
    units_to_fill: tuple[UnitToFill, ...] = ()
    # Adding to a successor's year file that carries another ended office on: the file as it
    # was read (written over only if unchanged since), and the schools added to its `schools:`.
    base: str | None = None
    added_schools: tuple[str, ...] = ()
    # The bodies whose `no_roster` cited the old year's documents (marked NO_ROSTER_COPIED), by name.
    reasons_copied: tuple[str, ...] = ()


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
    if not years:
        ended = [o for o in portal.predecessors(office.id) if office_years(portal, o)]
        starts = "; ".join(commands.NEW_YEAR.line("--office", o, "--successor", office.id) for o in ended)
        raise NewYearError(f"đơn vị {office.id} chưa có năm học nào để chép."
                           + (f" Gợi ý: năm học đầu tiên của đơn vị này bắt đầu từ năm học cuối của đơn vị đã chấm "
                              f"dứt mà nó kế thừa: {starts}." if starts else ""))
    old = old or years[-1]
    if old not in years:
        raise NewYearError(f"đơn vị {office.id} không có dữ liệu năm học {old} để chép "
                           f"(các năm đang có: {', '.join(str(y) for y in years)}).")
    new = new or SchoolYear(old.start + 1)
    if new <= old:
        raise NewYearError(f"năm học mới ({new}) phải sau năm học chép từ ({old}).")
    return old, new


def plan(portal: Portal, data_dir: Path, office_id: str, old: SchoolYear | None = None,
         new: SchoolYear | None = None) -> NewYear:
    """Work out the new year's file; raises NewYearError when it cannot be started."""
    office = portal.offices.get(office_id)
    if office is None:
        raise NewYearError(unknown_office(office_id, portal.offices))
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
        raise NewYearError(unknown_office(office_id, portal.offices))
    # An office still open is told so first: naming successors for it would be the wrong fix.
    if office.valid_until is None:
        raise NewYearError(f"{office.name} chưa chấm dứt hoạt động (không có 'valid_until' trong data/offices.yml): "
                           "đơn vị này tự bắt đầu năm học mới (bỏ --successor).")
    old, new = _years(portal, office, old, new)
    if not office.ended_before(new):
        first = new
        while not office.ended_before(first):
            first = SchoolYear(first.start + 1)
        # Its last year on file may be years before its end (Dầu Tiếng: 2023-2024, ended 30/6/2025).
        to = () if new == SchoolYear(old.start + 1) else ("--to", str(new))
        raise NewYearError(
            f"{office.name} {wording.active_until(office.valid_until)}, nên năm học {new} do đơn vị "
            "này tự bắt đầu "
            f"({commands.NEW_YEAR.line('--office', office.id, *to)}); đơn vị kế thừa bắt đầu từ năm học {first}: "
            f"{commands.NEW_YEAR.line('--office', office.id, '--successor', successor_id, '--to', str(first))}.")
    heirs = [x.office for x in office.successors]
    if successor_id not in heirs:
        have = f"đơn vị kế thừa: {', '.join(heirs)}" if heirs else "chưa ghi đơn vị kế thừa nào"
        raise NewYearError(f"'{successor_id}' không phải đơn vị kế thừa của {office.name} ({have}); "
                           "ghi nó vào 'successors' trong data/offices.yml trước.")
    successor = portal.offices.get(successor_id)
    if successor is None:
        raise NewYearError(unknown_office(successor_id, portal.offices))
    if successor.ended_before(new):
        raise NewYearError(f"{successor.name} cũng đã chấm dứt trước năm học {new}; "
                           + successor_hint(portal, successor))
    carried = {b.id for b in portal.bodies_in(old) if b.office == office.id}
    # Carried on already: a body of the new year with the id of one of this office's, which was
    # this office's before (a body of another office with the same id is a clash: _clashes).
    taken = sorted({b.office for b in portal.bodies_in(new) if b.id in carried
                    and _previous_office(portal, b.id, new) == office.id})
    if taken:
        raise NewYearError(f"các tổ chức của {office.short_name} đã được tiếp tục trong năm học {new} bởi "
                           f"{', '.join(portal.offices[o].short_name for o in taken)} (cùng mã tổ chức); mỗi tổ "
                           "chức chỉ do một đơn vị ban hành trong một năm học.")
    return _copy(portal, data_dir, office, successor, old, new)


def _previous_office(portal: Portal, body_id: str, year: SchoolYear) -> str | None:
    """The office of the body with this id in the latest year before `year` that has one."""
    before = [y for y, i in portal.bodies if i == body_id and y < year]
    return portal.bodies[(max(before), body_id)].office if before else None


def _copy(portal: Portal, data_dir: Path, office: Office, issuer: Office, old: SchoolYear,
          new: SchoolYear) -> NewYear:
    """The year file of `issuer` for `new`, copied from `office`'s year `old`; for a successor
    whose file for `new` already carries another ended office on, that file with `office`'s
    bodies and schools added."""
    source = data_dir / "years" / old.label / f"{office.id}.yml"
    target = data_dir / "years" / new.label / f"{issuer.id}.yml"
    shown_target = shown_path(target, data_dir.parent)
    _refuse_a_draft(portal, office, issuer, old, new, shown_path(source, data_dir.parent))
    adding = issuer is not office and target.exists()
    if target.exists() and not adding:
        raise NewYearError(f"{shown_target} đã có; không ghi đè. Sửa trực tiếp tệp đó, hoặc xóa nó nếu "
                           "muốn chép lại.")
    base = target.read_text(encoding="utf-8") if adding else None
    decision = placeholder(issuer, new)
    shared = adding and decision["id"] in {d.id for d in portal.documents.values()
                                           if d.source.file == shown_target}
    if decision["id"] in portal.documents and not shared:
        raise NewYearError(f"mã văn bản chỗ giữ '{decision['id']}' đã có trong dữ liệu.")
    closed = closed_schools(portal, new)
    # Handed on: the schools the ended office managed in its last year that still exist.
    schools = None if issuer is office else [
        school.id for school in portal.schools.values()
        if portal.managing_office(school, old) == office.id and school.id not in closed]
    text = source.read_text(encoding="utf-8")
    latest = {body.id: [membership_entry(m) for m in terms.history(body).latest]
              for body in portal.bodies_in(old) if body.office == office.id and body.amendments}
    carried = carry(yaml.safe_load(text), new, decision, issuer.id if issuer is not office else None,
                    schools, latest, set(closed))
    shown_source = shown_path(source, data_dir.parent)
    clashes = [f"'{body['id']}' ({body.get('name')}, {shown_source}) trùng với {other.name} ({other.source.file})"
               for body in carried.data.get("bodies") or [] if (other := portal.bodies.get((new, body["id"])))]
    if clashes:
        raise NewYearError(f"không chép tổ chức của {office.short_name} sang {shown_target}: mã tổ chức trùng với "
                           f"tổ chức đã có trong năm học {new}: " + "; ".join(clashes)
                           + ". Không ghi gì; đổi mã một trong hai tổ chức rồi chạy lại.")
    result = newyear_text.rewrite(text, carried, old, new, shown_source, decision,
                                  issuer.id if issuer is not office else None)
    expected = carried.data
    added: tuple[str, ...] = ()
    if base is not None:
        result, added = _added(base, result, carried, office, old, new, shown_target, None if shared else decision)
    elif not _reads_as(result, expected):
        # A layout the line edits do not understand: write the same data plainly instead.
        result = (newyear_text.plain_header(new, shown_source) + "\n"
                  + yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=4096))
    bodies = carried.data.get("bodies") or []
    reasons = tuple(b.get("name") or b["id"] for b, was in zip(bodies, carried.old.get("bodies") or [], strict=True)
                    if b.get("no_roster") != was.get("no_roster"))
    return NewYear(issuer, old, new, source, target, decision["id"], result, len(bodies),
                   sum(len(b.get("members") or []) for b in bodies), office,
                   _closed_named(portal, carried, closed), _units_to_fill(portal, carried, closed),
                   base, added, reasons)


def _reads_as(text: str, expected: dict[str, Any]) -> bool:
    """Whether the text the line edits wrote holds `expected` (text PyYAML cannot read, an
    alias whose anchor went, holds nothing)."""
    try:
        return bool(yaml.safe_load(text) == expected)
    except yaml.YAMLError:
        return False


def _drafts(portal: Portal, office: Office, year: SchoolYear) -> list[str]:
    """The placeholder decisions in `office`'s file for `year`."""
    return [doc.id for doc in portal.documents.values()
            if doc.school_year == year and doc.office == office.id and is_placeholder(doc)]


def _refuse_a_draft(portal: Portal, office: Office, issuer: Office, old: SchoolYear, new: SchoolYear,
                    shown_source: str) -> None:
    """A year whose decision is still a placeholder is a draft: copying it would start a year
    nobody asked for (a second `nam-moi` run, or the first on a new site), and every command's
    default year would then be that one. No option copies it anyway: a real need to start
    `new` before `old` is signed is met by copying the last signed year (`--from`), for the
    same issuer (`--successor` when the clerk gave it)."""
    drafts = _drafts(portal, office, old)
    if not drafts:
        return
    signed = [y for y in office_years(portal, office.id) if y < old and not _drafts(portal, office, y)]
    anyway = ""
    if signed:
        successor = ("--successor", issuer.id) if issuer is not office else ()
        copy_signed = commands.NEW_YEAR.line("--office", office.id, *successor, "--from", str(signed[-1]),
                                             "--to", str(new))
        anyway = (f" Nếu thật sự cần bắt đầu năm học {new} trước khi có quyết định năm học {old}, chép từ năm học "
                  f"gần nhất đã có quyết định: {copy_signed}.")
    importing = commands.IMPORT.line("--office", office.id, "--year", str(old), "--input", "danh-sach.docx")
    raise NewYearError(
        f"năm học {old} của {office.short_name} vẫn là bản nháp: văn bản {', '.join(repr(d) for d in drafts)} trong "
        f"{shown_source} còn là văn bản chỗ giữ (chưa có quyết định đã ký), nên chưa chép được sang năm học {new}. "
        f"Không ghi gì. Nhập quyết định đã ký của năm học {old} (số, ngày, người ký; xóa dòng 'placeholder: true') và "
        f"danh sách đã ký ({importing}).{anyway}")


def _added(base: str, copied: str, carried: Carried, office: Office, old: SchoolYear, new: SchoolYear,
           shown_target: str, decision: dict[str, Any] | None) -> tuple[str, tuple[str, ...]]:
    """The successor's year file `base` with the bodies and schools of `office`'s year added
    (`copied`: that year as a file of its own), and the placeholder `decision` unless the file
    has it already; and the schools added."""
    existing = yaml.safe_load(base) or {}
    bodies = carried.data.get("bodies") or []
    listed = existing.get("schools") or []
    schools = [school for school in carried.data.get("schools") or [] if school not in listed]
    result = newyear_text.append(base, newyear_text.bodies_block(copied), office.id, old, schools, decision, new)
    expected = dict(existing)
    if schools:
        expected["schools"] = [*listed, *schools]
    if decision is not None:
        expected["documents"] = [*(existing.get("documents") or []), dict(decision)]
    expected["bodies"] = [*(existing.get("bodies") or []), *bodies]
    if result is None or not _reads_as(result, expected):
        raise NewYearError(f"không chép thêm được vào {shown_target}: bố cục tệp khác với bố cục lệnh này ghi "
                           "(các mục của 'bodies:', 'schools:', 'documents:' bắt đầu bằng '- '). Không ghi gì; "
                           "chép thêm bằng tay (giữ nguyên mã).")
    return result, tuple(schools)


def _closed_named(portal: Portal, carried: Carried, closed: dict[str, School]) -> tuple[ClosedSchool, ...]:
    """The schools that closed before the new year and that the old year named."""
    named = set(carried.old.get("schools") or []) | {
        row.get(key) for body in carried.old.get("bodies") or [] for row in body.get("members") or []
        for key in ("school", "unit")}
    return tuple(ClosedSchool(school, portal.schools.get(school.successor or ""))
                 for school_id, school in closed.items() if school_id in named)


def _units_to_fill(portal: Portal, carried: Carried, closed: dict[str, School]) -> tuple[UnitToFill, ...]:
    """The people kept whose unit, a school that closed, was left out of their row."""
    found = []
    for i, rows in carried.before.items():
        body = carried.data["bodies"][i]
        for old_row, new_row in zip(rows, carried.rows[(i, "members")], strict=True):
            school = closed.get(old_row.get("unit") or "") if isinstance(old_row, dict) else None
            if school is not None and new_row is not None and old_row.get("person"):
                person = portal.people.get(old_row["person"])
                found.append(UnitToFill(body.get("name") or body["id"], person.name if person else old_row["person"],
                                        school))
    return tuple(found)


def write(year: NewYear, data_dir: Path) -> list[Problem]:
    """Create the new file (never over an existing one), or write the additions over the file
    they were made from (only if unchanged since), and check the data as a draft; on an error,
    remove the file again (or put the file back as it was) and return the problems of that file;
    on Ctrl+C during the check, the same, and the guard's line says so."""
    shown = shown_path(year.target, data_dir.parent)
    if year.base is not None:
        if year.target.read_text(encoding="utf-8") != year.base:
            raise NewYearError(f"{shown} vừa được sửa bởi việc khác; không ghi đè. Chạy lại lệnh.")
        _replace(year.target, year.text)
        made_folder = False
    else:
        year.target.parent.mkdir(parents=True, exist_ok=True)
        made_folder = not any(year.target.parent.iterdir())
        try:
            with year.target.open("x", encoding="utf-8") as out:
                out.write(year.text)
        except FileExistsError:
            raise NewYearError(f"{shown} vừa được tạo bởi việc khác; không ghi đè.") from None
    try:
        _, problems = load(data_dir, draft=True)
    except BaseException as stop:  # Ctrl+C during the check: no file is left written unchecked
        _undo(year, made_folder)
        if isinstance(stop, KeyboardInterrupt):
            raise Undone(f"{shown} {undone(year)}") from None
        raise
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        _undo(year, made_folder)
        return [p for p in errors if p.file == shown] or errors
    return []


def _undo(year: NewYear, made_folder: bool) -> None:
    """Remove the file `write` created (and the folder, if it made it), or put back the file
    it added to."""
    if year.base is not None:
        _replace(year.target, year.base)
    else:
        year.target.unlink()
        if made_folder:
            year.target.parent.rmdir()


def undone(year: NewYear) -> str:
    """What `_undo` did, as the clerk is told it after the file's name."""
    return "đã bị xóa" if year.base is None else "các phần chép thêm đã được bỏ, tệp giữ như cũ"


def _replace(path: Path, text: str) -> None:
    """Write a file whole or not at all (a file beside it, renamed over it)."""
    staged = path.with_name(f".{path.name}.nam-moi")
    staged.write_text(text, encoding="utf-8")
    staged.replace(path)


def _renumber(bodies: list[dict[str, Any]], members: dict[int, list[Any]]) -> None:
    """Number the rows that had a number 1..n, in order, once across a team and its subject
    groups (one list: checks._check_stt); rows without a number keep none."""
    position = {body.get("id"): i for i, body in enumerate(bodies)}

    def team(i: int) -> int:
        seen = set()
        while bodies[i].get("kind") == "nhom-bo-mon" and bodies[i].get("parent") in position and i not in seen:
            seen.add(i)
            i = position[bodies[i]["parent"]]
        return i

    lists: dict[int, list[int]] = {}
    for i in range(len(bodies)):
        lists.setdefault(team(i), []).append(i)
    for first, rest in lists.items():
        number = 0
        for i in (first, *(j for j in rest if j != first)):
            for row in members.get(i, []):
                if isinstance(row, dict) and row.get("stt") is not None:
                    number += 1
                    row["stt"] = number


# A body's `no_roster` that cites a document of the old year, as the new year carries it until
# the new decision says why it gives no list (or gives one).
NO_ROSTER_COPIED = "Chép từ năm học {old}, chưa sửa theo văn bản năm học {year}: {reason}"


def carry(old: dict[str, Any], year: SchoolYear, decision: dict[str, Any], office: str | None = None,
          schools: list[str] | None = None, latest: dict[str, list[dict[str, Any]]] | None = None,
          closed: set[str] | None = None) -> Carried:
    """What the new file must hold: the old one with the new year, decision and no documents;
    a body's `source` that was one of the old year's documents goes too (the new list comes
    from the new decision); for a successor, its own id as `office` and the schools handed
    on as `schools`. `latest`: the lists amending decisions changed, by body id, as they
    stood at the end of the old year; their amendments are not copied. A `no_roster` citing
    one of the old year's documents says it was copied (NO_ROSTER_COPIED). Rows lose what cites
    the old original (their page); `closed` schools go from `schools:` and the lists (a
    person whose unit closed stays, without it); lists are numbered anew."""
    closed = closed or set()
    old_documents = {d.get("id") for d in old.get("documents") or []}
    numbers = {unicodedata.normalize("NFC", str(d["number"])) for d in old.get("documents") or [] if d.get("number")}
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
    kept_schools = None
    if schools:
        data["schools"] = list(schools)
    elif "schools" in data:
        kept_schools = [None if school in closed else school for school in data["schools"]]
        data["schools"] = [school for school in kept_schools if school is not None]
    data.setdefault("documents", [dict(decision)])
    bodies = data.get("bodies") or []
    rows: dict[tuple[int, str], list[Any]] = {}
    before: dict[int, list[Any]] = {}
    replaced = set()
    for i, body in enumerate(bodies):
        body["decision"] = decision["id"]
        if body.get("source") in old_documents:
            del body["source"]
        reason = body.get("no_roster")
        if isinstance(reason, str) and any(n in unicodedata.normalize("NFC", reason) for n in numbers):
            # Why the old year's decision gave no list is not why the new one gives none.
            body["no_roster"] = NO_ROSTER_COPIED.format(old=old.get("school_year"), year=year, reason=reason)
        if latest and body.get("id") in latest:
            replaced.add(i)
            body.pop("amendments", None)
            before[i] = latest[body["id"]]
        elif "members" in body:
            before[i] = body["members"]
        if i in before:
            rows[(i, "members")] = [carried_row(row, closed) for row in before[i]]
        if "duties" in body:
            rows[(i, "duties")] = [carried_row(row, set()) for row in body["duties"]]
    _renumber(bodies, {i: new_rows for (i, key), new_rows in rows.items() if key == "members"})
    for (i, key), new_rows in rows.items():
        bodies[i][key] = [row for row in new_rows if row is not None]
    return Carried(data, old, rows, before, frozenset(replaced), kept_schools)
