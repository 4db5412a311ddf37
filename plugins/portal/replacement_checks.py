"""The checks of decisions that replace others (`related: [{ref: …, relation: thay-the}]`),
part of the checks across records.

A replacing decision takes over every list the one it replaces holds, and its letterhead
(portal.terms.list_in_force): so it must be signed no earlier than the one it replaces
(else the relation is written on the wrong document), replacements must not go round in a
loop (each would end the other's lists), one document replaced by two is most likely a
replacement of the first replacement, and a decision of another office taking over a list
is most likely a wrong `ref`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .model import Document, Portal

if TYPE_CHECKING:
    from .checks import _Context

REPLACES = "thay-the"


def _replacements(portal: Portal) -> Iterator[tuple[Document, int, Document]]:
    """Every replacement the data states: (the replacing document, the index of the relation
    in its `related`, the replaced document), in data order; a reference to no known
    document or to itself is left to the reference checks."""
    for doc in portal.documents.values():
        for i, rel in enumerate(doc.related):
            replaced = portal.documents.get(rel.ref)
            if rel.relation == REPLACES and replaced is not None and replaced.id != doc.id:
                yield doc, i, replaced


def check_replacements(ctx: _Context) -> None:
    p = ctx.portal
    replacements = list(_replacements(p))
    for doc, i, replaced in replacements:
        _check_signed_before(ctx, doc, i, replaced)
        _check_issuer(ctx, doc, i, replaced)
    _check_loops(ctx, replacements)
    _check_replaced_twice(ctx, replacements)


def _check_signed_before(ctx: _Context, doc: Document, index: int, replaced: Document) -> None:
    """A decision replaces an earlier one: signed before it, the relation is most likely written
    the wrong way round (and would end the later decision's lists before they began)."""
    if doc.date is None or replaced.date is None:
        return
    if doc.date.last_day < replaced.date.first_day:
        ctx.add(doc.source, ("related", index, "ref"),
                f"văn bản ngày {doc.date.vietnamese()} không thể thay thế văn bản ký sau nó "
                f"('{replaced.id}', ngày {replaced.date.vietnamese()}).",
                expected=f"một văn bản ký trước hoặc cùng ngày {doc.date.vietnamese()}",
                actual=replaced.id,
                hint=f"nếu '{replaced.id}' mới là văn bản thay thế văn bản này thì ghi 'related' ở đó: "
                     f"{{ref: {doc.id}, relation: thay-the}}.")


def _check_loops(ctx: _Context, replacements: list[tuple[Document, int, Document]]) -> None:
    """Documents that replace one another round a loop (260 replaces 270, 270 replaces 260):
    none of them would hold its lists. Reported once a loop, on the relation of its first
    document in data order."""
    edges: dict[str, list[str]] = {}
    for doc, _, replaced in replacements:
        edges.setdefault(doc.id, []).append(replaced.id)
    reported: set[frozenset[str]] = set()
    for doc, i, replaced in replacements:
        path = _path(edges, replaced.id, doc.id)
        if path is None:
            continue
        loop = [doc.id, *path[:-1]]  # doc replaces path[0], ..., which replaces doc (path[-1])
        if frozenset(loop) in reported:
            continue
        reported.add(frozenset(loop))
        steps = ", ".join(f"'{a}' thay thế '{b}'" for a, b in zip(loop, [*loop[1:], loop[0]], strict=True))
        ctx.add(doc.source, ("related", i, "ref"),
                f"các văn bản thay thế lẫn nhau thành vòng: {steps}.",
                expected="mỗi văn bản chỉ thay thế văn bản ban hành trước nó",
                actual=replaced.id,
                hint="bỏ 'relation: thay-the' ở văn bản bị thay thế (văn bản cũ không ghi văn bản thay thế nó).")


def _path(edges: dict[str, list[str]], start: str, goal: str) -> list[str] | None:
    """The documents from `start` to `goal` following replacements (both included), or None."""
    came_from: dict[str, str | None] = {start: None}
    queue = [start]
    while queue:
        current = queue.pop(0)
        if current == goal:
            path: list[str] = []
            at: str | None = current
            while at is not None:
                path.append(at)
                at = came_from[at]
            return path[::-1]
        for nxt in edges.get(current, []):
            if nxt not in came_from:
                came_from[nxt] = current
                queue.append(nxt)
    return None


def _check_replaced_twice(ctx: _Context, replacements: list[tuple[Document, int, Document]]) -> None:
    """One document replaced by two: the lists go to the one in force first
    (Portal.replaced_by); the other most likely replaces that one. A warning on each but the
    first."""
    p = ctx.portal
    by_replaced: dict[str, list[tuple[Document, int]]] = {}
    for doc, i, replaced in replacements:
        by_replaced.setdefault(replaced.id, []).append((doc, i))
    for replaced_id, replacing in by_replaced.items():
        first = p.replaced_by.get(replaced_id)
        if len(replacing) < 2 or first is None:
            continue
        first_doc, replaced_doc = p.documents.get(first.document), p.documents[replaced_id]
        if first_doc is not None and not _by_an_heir(p, first_doc, replaced_doc):
            # The first is another office's (its own warning says so): chaining this one behind
            # it would follow that slip; this one is most likely right.
            continue
        for doc, i in replacing:
            if doc.id == first.document:
                continue
            ctx.add(doc.source, ("related", i, "ref"),
                    f"văn bản '{replaced_id}' đã được thay thế bởi '{first.document}'"
                    f"{f' (có hiệu lực từ {first.start.vietnamese()})' if first.start else ''}; "
                    f"văn bản này thay thế nó lần nữa.",
                    expected="mỗi văn bản chỉ được thay thế bởi một văn bản",
                    actual=replaced_id,
                    hint=f"văn bản này có lẽ thay thế '{first.document}': ghi {{ref: {first.document}, "
                         "relation: thay-the}; nếu văn bản ghi đúng như vậy thì giữ nguyên.",
                    severity="warning")


def _check_issuer(ctx: _Context, doc: Document, index: int, replaced: Document) -> None:
    """A decision of another office replacing one: it would take over the lists and their
    letterhead. Its issuer should be the replaced one's, or an office that carries on its
    work (successors, followed)."""
    p = ctx.portal
    issuer, owner = doc.issuer or doc.office, replaced.issuer or replaced.office
    if issuer is None or owner is None or _by_an_heir(p, doc, replaced):
        return
    names = {o: f"{p.offices[o].short_name} ('{o}')" if o in p.offices else f"'{o}'" for o in (issuer, owner)}
    ctx.add(doc.source, ("related", index, "ref"),
            f"văn bản của {names[issuer]} thay thế văn bản '{replaced.id}' của {names[owner]}: "
            f"các danh sách theo '{replaced.id}' sẽ thành danh sách kèm theo văn bản này, với tiêu đề "
            f"của {names[issuer]}.",
            expected=f"một văn bản của {names[owner]} hoặc của đơn vị kế thừa",
            actual=replaced.id,
            hint="kiểm tra lại mã văn bản trong 'ref'; nếu văn bản ghi đúng như vậy thì giữ nguyên.",
            severity="warning")


def _by_an_heir(portal: Portal, doc: Document, replaced: Document) -> bool:
    """Whether `doc` is issued by the replaced document's office, or by one carrying on its
    work; True where the data names no issuer to compare."""
    issuer, owner = doc.issuer or doc.office, replaced.issuer or replaced.office
    return issuer is None or owner is None or issuer in _heirs(portal, {owner, replaced.office or owner})


def _heirs(portal: Portal, offices: set[str]) -> set[str]:
    """The offices and every office that carries on their work (successors of successors)."""
    found = set(offices)
    stack = list(offices)
    while stack:
        office = portal.offices.get(stack.pop())
        for successor in office.successors if office else ():
            if successor.office not in found:
                found.add(successor.office)
                stack.append(successor.office)
    return found
