"""The checks of a body's amending decisions (`amendments:`), part of the checks across records.

Each amendment is checked against the body's list as it stands on the amendment's date
(portal.terms applies them in date order): its decision and members exist, its date lies
in the school year and not before the decision it amends nor before its own decision,
whom it removes, replaces or gives another role is in the list that day, whom it adds is
not (two terms of one person at once), and no day has two leaders. The numbers of the rows a
decision adds or brings in by `replace` are compared with the list it amends
(numbering.number_added), over the whole signed list (a team and its subject groups) unless
each group is numbered from 1: only warnings, since the signed decision's numbers are what
the data transcribes.
"""

from __future__ import annotations

import datetime
import difflib
from typing import TYPE_CHECKING

from . import terms, vocab, wording
from .model import Amendment, Body, Membership, member_key
from .numbering import EXPECTED_IN_ADDED, AddedNumber, AddedRow, expected_added, number_added, number_list

if TYPE_CHECKING:
    from .checks import _Context

# What each operation does to the member it names, for the messages.
_ACTIONS = {"remove": "cho thôi tham gia", "replace": "thay", "roles": "đổi vai trò"}
_WHERE = "các thành viên trong 'members' hoặc người được bổ sung trước ngày đó"


def check_amendments(ctx: _Context, body: Body) -> None:
    """Every problem of the body's amendments; the rest of them is still applied."""
    if not body.amendments:
        return
    p, u = ctx.portal, ctx.unbuilt
    units = set(p.schools) | set(p.offices)
    for i, amendment in enumerate(body.amendments):
        path = ("amendments", i)
        ctx.ref(body.source, (*path, "decision"), amendment.decision, p.documents, u.documents, "văn bản", "data/")
        for member in [*amendment.add, *(swap.new for swap in amendment.replace)]:
            ctx.ref(member.source, ("person",), member.person, p.people, u.people, "người", "data/people/")
            ctx.ref(member.source, ("school",), member.school, p.schools, u.schools, "trường", "data/schools/")
            ctx.ref(member.source, ("unit",), member.unit, units, u.schools | u.offices, "trường hoặc đơn vị",
                    "data/schools/ hoặc data/offices.yml")
        _check_dates(ctx, body, amendment, path)
    history = terms.history(body)
    for fault in history.faults:
        _report_fault(ctx, body, history, fault)
    _check_leaders(ctx, body, history)


def _check_dates(ctx: _Context, body: Body, amendment: Amendment, path: tuple[str, int]) -> None:
    """In the school year; not before the decision it amends, nor before its own decision."""
    start = amendment.start
    where = (*path, "from")
    if not body.school_year.contains(start):
        first, last = body.school_year.window
        ctx.add(body.source, where, f"quyết định điều chỉnh có hiệu lực từ {start.vietnamese()}, ngoài năm học "
                f"{body.school_year}.", expected=f"từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}", actual=start.iso(),
                hint="kiểm tra lại ngày; quyết định điều chỉnh danh sách năm học khác ghi vào tệp năm học đó.")
    founding = ctx.portal.documents.get(body.decision)
    if founding is not None and founding.date is not None and start.first_day < founding.date.first_day:
        ctx.add(body.source, where, f"quyết định điều chỉnh có hiệu lực từ {start.vietnamese()}, trước "
                f"{wording.document_label(founding)}, quyết định thành lập {body.name} mà nó điều chỉnh.",
                expected=f"từ {wording.date_text(founding.date)} trở đi", actual=start.iso(),
                hint="kiểm tra lại ngày 'from' và ngày của quyết định thành lập.")
    own = ctx.portal.documents.get(amendment.decision)
    if own is not None and own.date is not None and start.first_day < own.date.first_day:
        ctx.add(body.source, where, f"quyết định điều chỉnh có hiệu lực từ {start.vietnamese()}, trước ngày ký "
                f"({wording.document_label(own)}).", expected=f"từ {wording.date_text(own.date)} trở đi",
                actual=start.iso(),
                hint="ngày có hiệu lực là ngày ký hoặc sau đó, như văn bản ghi: kiểm tra lại 'from' và ngày "
                     "của văn bản.")


def _label(ctx: _Context, key: str) -> str:
    kind, _, ident = key.partition(":")
    if kind == "person":
        person = ctx.portal.people.get(ident)
        return f"{person.name} ('{ident}')" if person else f"'{ident}'"
    return f"{wording.unit_name(ctx.portal, ident)} ('{ident}')"


def _report_fault(ctx: _Context, body: Body, history: terms.History, fault: terms.Fault) -> None:
    amendment = body.amendments[fault.index]
    path = ("amendments", fault.index, *fault.path)
    day = amendment.start.vietnamese()
    who = _label(ctx, fault.key)
    if fault.kind == "same-member":
        ctx.add(body.source, path, f"thay {who} bằng chính người đó.",
                hint="để đổi vai trò của một thành viên, dùng 'roles'.")
        return
    if fault.kind == "already-there":
        held = next((t for t in history.terms if t.key == fault.key and t.in_force(amendment.start.first_day)), None)
        since = f"từ {held.start.vietnamese()}" if held and held.start else "theo danh sách ban đầu"
        role = wording.member_role(held.member).lower() if held else "thành viên"
        ctx.add(body.source, path, f"{who} đã là {role} của {body.name} {since}: bổ sung lần nữa từ {day} thành "
                "hai nhiệm kỳ trùng nhau.", expected=f"một người chưa có trong danh sách ngày {day}",
                hint="để đổi vai trò dùng 'roles'; để thay người dùng 'replace'; nếu người này đã thôi, ghi "
                     "quyết định cho thôi (remove) trước.")
        return
    action = _ACTIONS[str(fault.path[0])]
    this = "trường này" if fault.key.startswith("school:") else "người này"
    if fault.kind == "never-there":
        known = sorted({member_key(m).partition(":")[2] for m in history.first})
        close = difflib.get_close_matches(fault.key.partition(":")[2], known, n=1, cutoff=0.75)
        ctx.add(body.source, path, f"{action} {who} nhưng {this} không có trong {body.name} năm học "
                f"{body.school_year}.", expected=_WHERE,
                hint=f"có phải '{close[0]}'?" if close else "kiểm tra lại mã trong quyết định điều chỉnh.")
        return
    ctx.add(body.source, path, f"{action} {who} từ {day} nhưng ngày đó {this} không có trong {body.name}"
            f"{_when_there(history, fault.key, amendment.start.first_day)}.", expected=_WHERE,
            hint="kiểm tra lại ngày 'from' của các quyết định điều chỉnh, và thứ tự các thay đổi.")


def _when_there(history: terms.History, key: str, day: datetime.date) -> str:
    """When the member was in the list, as a clause: ' (đã thôi từ 04/11/2024)'."""
    held = history.terms_of(key)
    before = [t.until for t in held if t.until is not None and t.until.last_day < day]
    after = [t.start for t in held if t.start is not None and t.start.first_day > day]
    if before:
        last = max(before)
        return f" (đã thôi từ {terms.as_partial(last.last_day + datetime.timedelta(days=1)).vietnamese()})"
    if after:
        return f" (chỉ có tên từ {min(after).vietnamese()})"
    return ""


def _check_leaders(ctx: _Context, body: Body, history: terms.History) -> None:
    """No day ends with two leaders, and no amendment leaves a list without its leader: each
    reported at the last amendment of the day that made it so."""
    role = vocab.LEADER_ROLE.get(body.kind)
    if role is None:
        return
    label = wording.role_name(role).lower()
    led = _holders(history.first, role)  # the leaders at the end of the last day an amendment took effect
    for position, step in enumerate(history.steps):
        following = history.steps[position + 1] if position + 1 < len(history.steps) else None
        if following is not None and following.amendment.start == step.amendment.start:
            continue  # only the list at the end of a day counts: another change that day may settle it
        now = _holders(step.roster, role)
        if len(now) > 1 and set(now) != set(led):
            names = ", ".join(_label(ctx, key) for key in now)
            ctx.add(body.source, ("amendments", step.index), f"{body.name}: từ {step.amendment.start.vietnamese()} "
                    f"có hai {label} cùng lúc: {names}.", expected=f"mỗi ngày một {label}",
                    hint=f"thay {label} bằng 'replace', hoặc đổi vai trò {label} cũ ('roles') trong cùng quyết "
                         "định.")
        # A list left without its leader (a dissolved one, with nobody left, needs none).
        if led and not now and step.roster:
            names = ", ".join(_label(ctx, key) for key in led)
            ctx.add(body.source, ("amendments", step.index), f"{body.name}: từ {step.amendment.start.vietnamese()} "
                    f"không còn {label} (trước đó: {names}).", expected=f"mỗi ngày một {label}",
                    hint=f"ghi người thay bằng 'replace', hoặc giao vai trò {label} cho một thành viên ('roles') "
                         "trong cùng quyết định; nếu tổ chức giải thể, cho thôi mọi thành viên.")
        led = now


def _holders(roster: tuple[Membership, ...], role: str) -> list[str]:
    return [member_key(m) for m in roster if m.role == role]


# A row a decision puts in a list: (body, amendment's index, path of the row in the amendment, row).
_Row = tuple[Body, int, tuple[str | int, ...], Membership]


def check_added_numbers(ctx: _Context, head: Body) -> None:
    """The numbers (STT) of the rows each amending decision adds or brings in by `replace` to
    the signed list `head` heads: its own rows and its subject groups' (numbering.number_added),
    decision by decision. Warnings only: the decision may number its rows any way it likes."""
    parts = ctx.portal.list_bodies(head)
    if not any(b.amendments for b in parts):
        return
    by_part = number_list([[m.stt for m in b.members] for b in parts]).by_part
    for group in [[b] for b in parts] if by_part else [parts]:
        histories = {b.id: terms.history(b) for b in group}
        # The number of the row each replacement takes, by the replacing row.
        taking = {id(e.member): e.previous.stt for h in histories.values() for step in h.steps
                  for e in step.events if e.kind == "replaced" and e.previous is not None}
        decisions = sorted({(a.start.first_day, a.decision) for b in group for a in b.amendments})
        for day, decision in decisions:
            # The decision's rows, in the list's order, its replacements before its additions
            # (as applied); a row that could not be put in (reported by check_amendments) is left out.
            rows: list[_Row] = []
            for b in group:
                for i, a in enumerate(b.amendments):
                    if (a.start.first_day, a.decision) != (day, decision):
                        continue
                    rows += [(b, i, ("replace", k, "with"), r.new) for k, r in enumerate(a.replace)]
                    rows += [(b, i, ("add", k), m) for k, m in enumerate(a.add)]
            rows = [row for row in rows if histories[row[0].id].term_of(row[3]) is not None]
            if all(m.stt is None for *_, m in rows):
                continue
            added = {id(m) for *_, m in rows}
            # The other rows of the list with a number, by number.
            held = [(t.member.stt, t) for h in histories.values() for t in h.terms
                    if t.member.stt is not None and id(t.member) not in added]
            in_force = {stt: t for stt, t in held if t.in_force(day)}
            last = max((stt for stt, t in held if t.start is None or t.start.first_day <= day), default=None)
            numbered = [AddedRow(group.index(b), m.stt, taking.get(id(m))) for b, _, _, m in rows]
            for fault in number_added(numbered, in_force, last):
                _report_added(ctx, rows[fault.index], fault, decision, day, in_force, rows, last)


def _row_name(row: _Row) -> str:
    """A row of a decision, as the clerk reads it: 'dòng bổ sung' or 'dòng thay người'."""
    return "dòng thay người" if row[2][0] == "replace" else "dòng bổ sung"


def _report_added(ctx: _Context, row: _Row, fault: AddedNumber, decision: str, day: datetime.date,
                  in_force: dict[int, terms.Term], rows: list[_Row], last: int | None) -> None:
    body, i, at, _ = row
    path = ("amendments", i, *at, "stt")
    document = ctx.portal.documents.get(decision)
    named = wording.document_label(document) if document else f"'{decision}'"
    when = terms.as_partial(day).vietnamese()
    following = last + 1 if last is not None else None
    if fault.kind == "twice":
        first = rows[fault.first or 0]
        where = f"amendments[{first[1]}]" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first[2])
        where += "" if first[0] is body else f" của {first[0].name}"
        ctx.add(body.source, path, f"số thứ tự {fault.stt} có ở hai dòng của {named}: đã có ở {where}.",
                expected=EXPECTED_IN_ADDED, actual=str(fault.stt),
                hint="so với quyết định đã ký: nếu quyết định ghi đúng như vậy thì giữ nguyên; nếu không, sửa số "
                     "chép sai.", severity="warning")
    elif fault.kind == "taken":
        holder = in_force[fault.stt].member
        ctx.add(body.source, path, f"{body.name}: {_row_name(row)} theo {named} mang số thứ tự {fault.stt}, số "
                f"của {_label(ctx, member_key(holder))}, người còn có tên trong danh sách ngày {when}.",
                expected=expected_added(following), actual=str(fault.stt),
                hint="so với quyết định đã ký: nếu quyết định ghi đúng như vậy thì giữ nguyên; nếu quyết định "
                     "đánh số tiếp danh sách, số này chép sai; nếu quyết định đánh số riêng các dòng của nó từ 1, "
                     "ghi đúng các số đó; nếu người mới thay người cũ, ghi bằng 'replace'.", severity="warning")
    else:
        ctx.add(body.source, path, f"{body.name}: các dòng bổ sung theo {named} bắt đầu từ số thứ tự {fault.stt}, "
                f"còn danh sách đến ngày {when} dừng ở số {last}.",
                expected=expected_added(following), actual=str(fault.stt),
                hint="nếu quyết định đã ký ghi đúng như vậy thì giữ nguyên; nếu không, sửa số chép sai.",
                severity="warning")
