"""The proposal: each body's list as it will be once the imported rows are in it.

The table is the signed list, so it replaces the list of each body it names, with
care not to lose what the table does not say:

- a row that is already a member (same person or school) keeps what only the data
  knows and the table does not contradict: `as_written` when the table gives position
  and unit apart, `role_text` when the role is the same, no `note` where the table's
  Ghi chú only repeats the role, no `subject` where it only repeats the group's, no
  `as_written` where the cell is only "position - unit" as the site's export writes it;
  its `subject`, `note`, `position` or `unit` when the table has no column that writes it
  (then its `as_written` too, when position and unit are as they were);
- a person new to the body who has a row in another body of the year (moved from one group
  of a team to another, or between lists) keeps that row's `position` and `unit` when the
  table has no column that writes them (the one in the same list, else their only row of
  the year; none when several could be meant);
  `page` (of the signed original) only on a row left as it was, in a list whose document
  has an original;
- a table of people leaves the body's schools as they are, and a table of schools its
  people;
- in a numbered table, a member without a number whom the table does not name (a
  leader named in the decision's text, above the list) stays, unless the table names
  someone else in the body's leading role.

Every member kept that way is said in the report. A body given two leaders by the
table is an error on the rows concerned, with a word when a merged cell did it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import vocab, wording
from ..checks import is_placeholder
from ..dates import SchoolYear
from ..model import Body, Membership, Portal
from ..numbering import EXPECTED_IN_BODY, number_list
from ..problems import Problem
from .keys import fold, subject_key
from .layout import LABELS, row_place
from .placement import Target
from .rows import MEMBER_FIELDS, ImportedRow, settle_role


@dataclass(frozen=True)
class ProposedMember:
    entry: dict[str, Any]  # as the data file will hold it
    existing: int | None  # its index in the body's current list, if it was there
    row: ImportedRow | None  # the row it comes from; None for a member kept from the data


@dataclass
class ProposedBody:
    target: Target
    members: list[ProposedMember]

    def header(self) -> dict[str, Any]:
        """The body's own fields, as a data file orders them."""
        t = self.target
        fields = {"id": t.id, "kind": t.kind, "name": t.name, "parent": t.parent, "decision": t.decision,
                  "subject": t.subject}
        return {key: value for key, value in fields.items() if value is not None}


@dataclass
class NewPerson:
    id: str
    name: str
    honorific: str | None

    def entry(self) -> dict[str, str]:
        entry = {"id": self.id, "name": self.name}
        if self.honorific:
            entry["honorific"] = self.honorific
        return entry


def membership_entry(member: Membership) -> dict[str, Any]:
    """A member of the model as its data file holds it."""
    entry = {key: getattr(member, key) for key in MEMBER_FIELDS}
    return {key: value for key, value in entry.items() if value is not None}


@dataclass
class Proposal:
    bodies: list[ProposedBody] = field(default_factory=list)
    people: list[NewPerson] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # errors and warnings of the merge


def _carry_over(entry: dict[str, Any], old: Membership, row: ImportedRow, portal: Portal,
                target: Target) -> dict[str, Any]:
    """The row's entry, with what only the data knows kept (see the module's docstring)."""
    entry = dict(entry)
    year = target.existing.school_year if target.existing else None
    if old.as_written is None and entry.get("as_written") == wording.written_post(portal, old, year):
        # The site's own export writes "position - unit" (the unit's name that year) where
        # nothing was printed: no news.
        del entry["as_written"]
        entry.pop("position", None)
        entry.update({key: value for key, value in (("position", old.position), ("unit", old.unit)) if value})
    _keep_unwritten(entry, old, row, _WRITTEN_IN)
    if "as_written" not in entry and old.as_written and (entry.get("position"), entry.get("unit")) == (
            old.position, old.unit):
        entry["as_written"] = old.as_written
    if old.role_text and entry["role"] == old.role:
        entry["role_text"] = old.role_text
    note = entry.get("note")
    if note and old.note is None and fold(note) in {fold(wording.role_name(old.role)), fold(old.role_text or "")} \
            and entry["role"] == old.role:
        del entry["note"]
    subject = portal.subjects.get(target.subject or "")
    if entry.get("subject") and old.subject is None and subject is not None \
            and subject_key(entry["subject"]) in {subject_key(subject.name), *map(subject_key, subject.aliases)}:
        del entry["subject"]
    if old.page is not None and "page" not in entry and _cites_page(portal, entry, old, target):
        entry["page"] = old.page
    return {key: entry[key] for key in MEMBER_FIELDS if key in entry}


# A member's fields a table writes from columns it may not have ("Họ tên | Đơn vị | Ghi
# chú", no Môn, no Chức vụ): the columns that write each. A table without any of them says
# nothing of the field, so a member keeps the data's value (it read "môn Toán → (trống)").
_WRITTEN_IN: dict[str, frozenset[str]] = {
    "subject": frozenset({"subject"}), "note": frozenset({"note"}),
    "position": frozenset({"position", "as_written"}), "unit": frozenset({"unit", "as_written"})}


# What a member moved from another body of the year keeps from that row when the table has no
# column for it: where they work that year. Not the note (a remark on the row it was written
# on), nor the subject (in a subject group, the group's).
_MOVED_KEEPS = ("position", "unit")


def _team(body: Body | Target) -> str:
    """The list a body's rows are numbered in: a subject group's team, else the body itself."""
    return body.parent if body.kind == "nhom-bo-mon" and body.parent else body.id


def _moved_from(target: Target, rows: Sequence[tuple[Body, Membership]]) -> Membership | None:
    """A person's row in another body of the year, that a row of theirs in `target` moved from:
    the one in the same list (a team and its groups), else their only one in the year; None
    when there is none, or several to choose from."""
    others = [(b, m) for b, m in rows if b.id != target.id]
    same = [m for b, m in others if _team(b) == _team(target)]
    if len(same) == 1:
        return same[0]
    return others[0][1] if not same and len(others) == 1 else None


def _carried_on_move(entry: dict[str, Any], old: Membership, row: ImportedRow) -> dict[str, Any]:
    """The row's entry, with what the table has no column for kept from the person's other row."""
    entry = dict(entry)
    _keep_unwritten(entry, old, row, _MOVED_KEEPS)
    return _ordered(entry)


def _keep_unwritten(entry: dict[str, Any], old: Membership, row: ImportedRow, keys: Iterable[str]) -> None:
    """Each of `keys` the table has no column for (_WRITTEN_IN) and `entry` lacks, from `old`:
    a column the table has not says nothing of it."""
    for key in keys:
        if key not in entry and getattr(old, key) is not None and not _WRITTEN_IN[key] & row.columns:
            entry[key] = getattr(old, key)


def _cites_page(portal: Portal, entry: dict[str, Any], old: Membership, target: Target) -> bool:
    """Whether a member keeps the page of the signed original its row was cited from (a
    table does not say it): only when the import leaves the row as it was, and the list's
    document (its `source`, else its decision) is one with an original, the one cited; a
    placeholder (a year `cotcan nam-moi` started) has none, so a page copied into it cites
    an older list."""
    if {k: v for k, v in entry.items() if k != "page"} != {k: v for k, v in membership_entry(old).items()
                                                             if k != "page"}:
        return False
    body = target.existing
    listed = portal.documents.get((body.source_document or body.decision) if body else "")
    return listed is not None and bool(listed.originals) and not listed.placeholder


def _ordered(entry: dict[str, Any]) -> dict[str, Any]:
    return {key: entry[key] for key in MEMBER_FIELDS if key in entry}


def propose_body(portal: Portal, target: Target, rows: list[ImportedRow], problems: list[Problem],
                 refused: Sequence[ImportedRow] = (),
                 year_rows: dict[str, list[tuple[Body, Membership]]] | None = None) -> ProposedBody:
    """The body's list after the import (see the module's docstring). `refused` are the
    table's rows refused for an error: a member kept is said to be in one of them.
    `year_rows`: each person's rows in the year's bodies, for a person new to this one."""
    old_members = list(target.existing.members) if target.existing else []
    unused = dict(enumerate(old_members))
    imported: list[ProposedMember] = []
    seen: dict[tuple[str, str | None], ImportedRow] = {}
    for row in rows:
        entry = _ordered(row.member())
        key = ("school", row.school) if row.school else ("person", row.person)
        if key in seen:
            _twice(row, seen[key], target)
            continue
        seen[key] = row
        index = next((i for i, m in unused.items() if (("school", m.school) if m.school else ("person", m.person))
                      == key), None)
        if index is not None:
            entry = _carry_over(entry, unused.pop(index), row, portal, target)
        elif row.person and (moved := _moved_from(target, (year_rows or {}).get(row.person, []))) is not None:
            entry = _carried_on_move(entry, moved, row)
        imported.append(ProposedMember(entry, index, row))
    leader = vocab.LEADER_ROLE.get(target.kind)
    has_people = any(row.person for row in rows)
    has_schools = any(row.school for row in rows)
    numbered = all(row.stt is not None for row in rows)
    names_leader = any(row.role == leader for row in rows)
    kept_people: list[ProposedMember] = []
    kept_schools: list[ProposedMember] = []
    for index, member in unused.items():
        if member.school and not has_schools:
            kept_schools.append(ProposedMember(membership_entry(member), index, None))
        elif member.person and (not has_people or (numbered and member.stt is None
                                                   and not (member.role == leader and names_leader))):
            kept_people.append(ProposedMember(membership_entry(member), index, None))
            if has_people:
                person = portal.people.get(member.person)
                who = person.name if person else member.person
                kept = f"{target.name} ({target.id}): giữ {who} ({wording.role_name(member.role)}) vì "
                if any(row.person == member.person or fold(row.name) == fold(who) for row in refused):
                    problems.append(Problem(rows[0].source, None, "", kept + "dòng của người này trong bảng có lỗi "
                                            "nên chưa nhập được.", hint="sửa lỗi ở dòng đó rồi nhập lại.",
                                            severity="warning"))
                    continue
                problems.append(Problem(
                    rows[0].source, None, "", kept + "người này không có số thứ tự và không có trong bảng.",
                    hint="nếu người này đã thôi, xóa khỏi danh sách sau khi nhập.", severity="warning"))
    kept_members = kept_people + kept_schools
    if leader is not None:
        _check_leaders(portal, target, imported, kept_members, leader)
        if not any(m.entry["role"] == leader for m in kept_members + imported):
            problems.append(_no_leader(portal, target, leader, rows[0].source))
    _check_numbers(portal, target, imported, kept_members, problems)
    return ProposedBody(target, kept_people + imported + kept_schools)


def _kept_mention(portal: Portal, target: Target, member: ProposedMember) -> str:
    """A member kept from the data, as a message names them: 'ông Võ Văn Khoa', a school."""
    assert member.existing is not None and target.existing is not None  # a kept member is in the data
    return wording.member_mention(portal, target.existing.members[member.existing])


def _check_numbers(portal: Portal, target: Target, imported: list[ProposedMember], kept: list[ProposedMember],
                   problems: list[Problem]) -> None:
    """A body's rows are numbered once each (checks; --apply would refuse). A list of a
    cluster's people imported alone beside its numbered schools, kept, numbered on its own
    (an STT a school has): the people are written without their STT (the data names a
    cluster's people above its table of schools), said in a warning. Any other STT that an
    earlier row, or a member kept, has is an error on its row."""
    taken: dict[int, str] = {}
    schools_numbered = False
    for member in kept:
        if member.entry.get("stt") is not None:
            who = _kept_mention(portal, target, member)
            taken[member.entry["stt"]] = f"{who} (có sẵn trong {target.name}, được giữ lại)"
            schools_numbered = schools_numbered or member.entry.get("school") is not None
    people = [(m, m.row) for m in imported if m.row is not None and m.row.person and m.entry.get("stt") is not None]
    numbers = [member.entry["stt"] for member, _ in people]
    # Numbered on their own (from 1, each once; a number used twice is reported below).
    if schools_numbered and any(stt in taken for stt in numbers) and len(set(numbers)) == len(numbers):
        for member, _ in people:
            del member.entry["stt"]
        problems.append(Problem(people[0][1].source, None, "", f"{target.name} ({target.id}): số thứ tự của "
                                f"{len(people)} dòng người không được ghi, vì danh sách có sẵn đánh số các trường "
                                "(được giữ lại); người của tổ chức ghi không số thứ tự.", severity="warning"))
    for member in imported:
        row = member.row
        if row is None or member.entry.get("stt") is None:
            continue
        if row.stt in taken:
            row.problem("stt", f"STT {row.stt} trùng với {taken[row.stt]}.",
                        expected=EXPECTED_IN_BODY,
                        hint=f"nếu văn bản không đánh số những dòng này, để trống cột '{LABELS['stt']}'; nếu không, "
                             "sửa số cho đúng văn bản, hoặc nhập cả danh sách của tổ chức trong một tệp.")
        assert row.stt is not None
        taken.setdefault(row.stt, f"{row.name} ({row_place(row.line, row.place)})")


@dataclass(frozen=True)
class _ListRow:
    """A row of a list as it will be after the import, for numbering.number_list."""

    stt: int | None
    who: str  # as a message names it
    row: ImportedRow | None  # the table's row it comes from; None for a row kept from the data
    key: tuple[str, int] | None  # (body id, index in the data) of a row kept from the data


def _list_parts(portal: Portal, year: SchoolYear, head: str,
                proposed: list[ProposedBody]) -> tuple[list[Body], list[tuple[str, list[_ListRow]]]]:
    """The parts of the list `head` heads (Portal.list_bodies), as in the data, and as they
    will be after the import (name, rows): a proposed body's list replaces its own, a new
    group comes after the groups the data has."""
    by_id = {body.target.id: body for body in proposed}
    team = portal.bodies.get((year, head))
    before = portal.list_bodies(team) if team else []
    ids = [b.id for b in before]
    ids += [b.target.id for b in proposed if b.target.id not in ids]
    after: list[tuple[str, list[_ListRow]]] = []
    for body_id in ids:
        body = by_id.get(body_id)
        if body is None:
            kept = portal.bodies[(year, body_id)]
            after.append((kept.name, [_ListRow(m.stt, f"{wording.member_mention(portal, m)} ({kept.name}, có sẵn)",
                                               None, (body_id, i)) for i, m in enumerate(kept.members)]))
            continue
        rows = []
        for member in body.members:
            if member.row is not None:
                rows.append(_ListRow(member.entry.get("stt"), f"{member.row.name} ({body.target.name})", member.row,
                                     None))
            else:
                who = _kept_mention(portal, body.target, member)
                assert member.existing is not None  # a member without a row is kept from the data
                rows.append(_ListRow(member.entry.get("stt"), f"{who} ({body.target.name}, có sẵn)", None,
                                     (body_id, member.existing)))
        after.append((body.target.name, rows))
    return before, after


def _check_list_numbers(portal: Portal, year: SchoolYear, bodies: list[ProposedBody]) -> None:
    """The rule of the checker (numbering.number_list, checks._check_stt) on each list (a
    team and its subject groups) as the import leaves it: a number two parts of a list share
    while the list is not numbered group by group is a warning on the table's row
    concerned, naming the other, said before --apply refuses it (a warning, as the dry run
    of a part of a list is common). Two rows kept from the data that clash only because the
    import made the list read another way (a group numbered on beside groups from 1) are
    said on the list's first imported numbered row. Within one body, _check_numbers has
    said it."""
    lists: dict[str, list[ProposedBody]] = defaultdict(list)
    for body in bodies:
        target = body.target
        lists[_team(target)].append(body)
    for head, proposed in lists.items():
        before, after = _list_parts(portal, year, head, proposed)
        numbering = number_list([[row.stt for row in rows] for _, rows in after])
        earlier = number_list([[m.stt for m in b.members] for b in before])
        known = {frozenset({(before[c.place.part].id, c.place.index), (before[c.first.part].id, c.first.index)})
                 for c in earlier.clashes}
        names = [name for name, _ in after]
        imported = next((row.row for _, rows in after for row in rows if row.row is not None and row.stt is not None),
                        None)
        for clash in numbering.clashes:
            if clash.within_part:
                continue
            later, first = after[clash.place.part][1][clash.place.index], after[clash.first.part][1][clash.first.index]
            hint, expected = numbering.hint(clash, names), numbering.expected(clash)
            if later.row is not None or first.row is not None:
                told, other = (later, first) if later.row is not None else (first, later)
                assert told.row is not None
                told.row.problem("stt", f"STT {clash.stt} trùng với {other.who}; --apply sẽ báo lỗi.",
                                 severity="warning", expected=expected, hint=hint)
            elif frozenset({later.key, first.key}) not in known and imported is not None:
                imported.problem("stt", f"STT {clash.stt} của {later.who} trùng với {first.who}; --apply sẽ báo lỗi.",
                                 severity="warning", expected=expected, hint=hint)


def _no_leader(portal: Portal, target: Target, leader: str, source: str) -> Problem:
    """A body left without its leader, said on the list's row, with what --apply does: the
    checker's hint speaks of the data file, this one of the list's columns. A warning: the
    checker's problem is the one that counts, an error unless the body's decision is still a
    placeholder (a warning in the draft check the import runs: checks._check_roster); --apply
    refuses only an error the data did not have before (trial.brought)."""
    role = wording.role_name(leader)
    decision = portal.documents.get(target.decision or "")
    if decision is not None and is_placeholder(decision):
        outcome = (f"--apply vẫn ghi vì quyết định của tổ chức còn là chỗ giữ, nhưng kiểm tra (trừ bản nháp) và "
                   f"dựng trang web sẽ báo lỗi cho đến khi có {role}")
    elif target.existing is not None and target.existing.members and all(
            member.role != leader for member in target.existing.members):
        outcome = f"dữ liệu hiện có cũng chưa có {role} nên --apply vẫn ghi, nhưng kiểm tra vẫn báo lỗi"
    else:
        outcome = "--apply sẽ báo lỗi"
    return Problem(source, None, "", f"{target.name} ({target.id}): danh sách không có {role}; {outcome}.",
                   expected=f"một dòng ghi vai trò {role}", severity="warning",
                   hint="ghi vai trò ở cột 'Ghi chú' hoặc 'Vai trò' (thêm cột nếu danh sách chưa có).")


def _twice(row: ImportedRow, first: ImportedRow, target: Target) -> None:
    """A person (or school) on two rows of one body: the data has one row for each."""
    who = "trường này" if row.school else "người này"
    row.problem("name", f"{row.name} ghi hai lần trong {target.name}: {who} đã có ở "
                f"{row_place(first.line, first.place)}.", expected="mỗi người (mỗi trường) một dòng trong một tổ chức",
                hint="xóa một trong hai dòng; nếu là hai người trùng họ tên, thêm người chưa có vào data/people/ "
                     "rồi ghi mã người của từng người vào cột 'Mã thành viên' (thêm cột đó nếu chưa có).")


def _check_leaders(portal: Portal, target: Target, imported: list[ProposedMember], kept: list[ProposedMember],
                   leader: str) -> None:
    """Two leaders in one body are an error on the rows that give them: a leader kept from
    the data (a table of schools keeps the body's people) counts as the first."""
    rows = [m.row for m in imported if m.row is not None and m.entry["role"] == leader]
    first = next((m for m in kept if m.entry["role"] == leader), None)
    if first is None and len(rows) < 2:
        return
    role, kind = wording.role_name(leader), wording.body_kind_name(target.kind).lower()
    expected = f"mỗi {kind} chỉ có một {role}"
    if first is not None:
        who = _kept_mention(portal, target, first)
        for row in rows:
            row.problem(None, f"{target.name} có hai {role}: {who} (có sẵn trong danh sách, được giữ lại) và "
                        f"{row.name}.", expected=expected,
                        hint=f"nếu {row.name} thay {who} làm {role}, sửa vai trò của {who} trong tệp dữ liệu trước; "
                             f"nếu không, bỏ vai trò {role} ở dòng này.")
        return
    merged = any(row.role_from_merge for row in rows)
    why = " (ô vai trò được gộp qua nhiều dòng nên mỗi dòng đều mang vai trò đó)" if merged else ""
    hint = "bỏ gộp ô vai trò, ghi vai trò riêng cho từng dòng." if merged else f"chỉ ghi {role} ở một dòng."
    for row in rows[1:]:
        row.problem(None, f"{target.name} có hai {role}: {rows[0].name} và {row.name}{why}.", expected=expected,
                    hint=hint)


def propose(portal: Portal, targets: list[Target], rows: list[ImportedRow], year: SchoolYear | None = None) -> Proposal:
    proposal = Proposal()
    by_id = {target.id: target for target in targets}
    for row in rows:  # the row's role must be one the body the row went into has
        target = by_id.get(row.target or "")
        settle_role(row, target.kind if target else None, target.shown if target else None,
                    target.subjects if target else frozenset())
    year_rows: dict[str, list[tuple[Body, Membership]]] = defaultdict(list)
    for body in portal.bodies_in(year) if year is not None else []:
        for member in body.members:
            if member.person:
                year_rows[member.person].append((body, member))
    for target in targets:
        mine = [row for row in rows if row.target == target.id and row.matched]
        if mine:
            refused = [row for row in rows if not row.matched and row.target in {target.id, None}]
            proposal.bodies.append(propose_body(portal, target, mine, proposal.problems, refused, year_rows))
    if year is not None:
        _check_list_numbers(portal, year, proposal.bodies)
    seen: set[str] = set()
    for row in rows:
        if row.new_person and row.person and row.matched and row.person not in seen:
            seen.add(row.person)
            proposal.people.append(NewPerson(row.person, row.name, row.honorific))
    return proposal
