"""Small SVG charts drawn at build time: no script, readable by screen readers.

Deterministic: coordinates are whole numbers worked out from the data alone, every text
is escaped, and each chart has a title and a description (`role="img"`); the page beside
it says the same in text (a table), so nothing is told by the drawing or its colour alone.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from . import terms, vocab, wording
from .model import Body, Person, Portal
from .text import collation_key
from .view import Seat

BAR_HEIGHT = 22
LABEL_WIDTH = 210
BAR_WIDTH = 300


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def bar_chart(chart_id: str, title: str, bars: list[Bar]) -> str:
    """A horizontal bar chart as inline SVG, with a title and a text description."""
    if not bars:
        return ""
    chart_id = escape(chart_id)  # made from a body's id: an attribute value like any other
    top = max(b.value for b in bars) or 1
    height = BAR_HEIGHT * len(bars) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 40
    summary = "; ".join(f"{b.label}: {b.value}" for b in bars)
    rows = []
    for i, bar in enumerate(bars):
        y = 4 + i * BAR_HEIGHT
        length = round(BAR_WIDTH * bar.value / top)
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{BAR_HEIGHT - 6}" rx="2"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 15}">{bar.value}</text>'
        )
    return (
        f'<figure class="portal-chart"><svg role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(summary)}</desc>{"".join(rows)}</svg>'
        f"<figcaption>{escape(title)}</figcaption></figure>"
    )


def members_per_subject(portal: Portal, team: Body) -> str:
    """Members of each subject group of a team (its latest list), in the Vietnamese order of subjects."""
    groups = [g for g in portal.children(team) if g.kind == "nhom-bo-mon"]
    groups.sort(key=lambda g: (collation_key(g.name), g.id))
    bars = [Bar(portal.subjects[g.subject].name if g.subject else g.name, len(terms.history(g).latest))
            for g in groups]
    return bar_chart(f"mon-{team.id}", f"Số thành viên mỗi nhóm bộ môn, năm học {team.school_year}", bars)


def leaders_per_school(portal: Portal, team: Body) -> str:
    """How many group leaders and deputies each school provides."""
    counts: Counter[str] = Counter()
    for group in portal.children(team):
        for m in terms.history(group).latest:
            if m.role in ("nhom-truong", "pho-nhom-truong") and m.unit:
                counts[m.unit] += 1
    names = {unit: wording.unit_name(portal, unit, at=team.school_year) for unit in counts}
    bars = [Bar(names[u], n) for u, n in sorted(counts.items(), key=lambda kv: (-kv[1], collation_key(names[kv[0]])))]
    return bar_chart(f"truong-{team.id}", f"Nhóm trưởng, phó nhóm trưởng theo trường, năm học {team.school_year}",
                     bars)


# A person's terms over time

TIMELINE_WIDTH = 640
TIMELINE_ROW = 40  # a line of text above each bar
TIMELINE_AXIS = 22  # the school years along the top


def timeline(portal: Portal, person: Person, seats: Sequence[Seat]) -> str:
    """A person's terms as bars along the school years (one row per term, its role and body
    written above it; a leader's bar darker, and its role in words). Empty without a term."""
    if not seats:
        return ""
    years = sorted({seat.body.school_year for seat in seats})
    first, last = years[0].first_day, years[-1].last_day
    span = (last - first).days + 1
    inner = TIMELINE_WIDTH - 16

    def x(day: datetime.date) -> int:
        return 8 + round(inner * (min(max(day, first), last) - first).days / span)

    leading = set(vocab.LEADER_ROLE.values())
    parts, described = [], []
    for year in years:
        start, end = x(year.first_day), x(year.last_day)
        parts.append(f'<line x1="{start}" y1="0" x2="{start}" y2="100%" stroke="#767676"/>'
                     f'<text x="{(start + end) // 2}" y="15" text-anchor="middle">{escape(year.label)}</text>')
    for row, seat in enumerate(seats):
        term, year = seat.term, seat.body.school_year
        opened = terms.opening_day(portal, seat.body)
        begins = term.start.first_day if term.start else max(opened or year.first_day, year.first_day)
        ends = term.until.last_day if term.until else year.last_day
        role = wording.role_as_read(seat.membership)
        period = wording.term_period(term)
        y = TIMELINE_AXIS + row * TIMELINE_ROW
        left, right = x(begins), x(ends)
        lead = " portal-timeline-lead" if seat.membership.role in leading else ""
        label = f"{role} · {seat.body.name}"  # the year is along the top, the period in the table
        parts.append(f'<text x="12" y="{y + 14}">{escape(label)}</text>'
                     f'<rect x="{left}" y="{y + 20}" width="{max(right - left, 3)}" height="12" rx="2" '
                     f'class="portal-timeline-term{lead}"/>')
        described.append(f"{role}, {seat.body.name}, năm học {year}, {period}")
    height = TIMELINE_AXIS + len(seats) * TIMELINE_ROW
    chart_id = escape(f"thoi-gian-{person.id}")
    title = f"Vai trò của {person.name} qua các năm học"
    return (
        f'<figure class="portal-chart portal-timeline"><svg role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'viewBox="0 0 {TIMELINE_WIDTH} {height}" width="100%" style="max-width:{TIMELINE_WIDTH}px" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape("; ".join(described))}</desc>{"".join(parts)}</svg>'
        f"<figcaption>{escape(title)}: bảng dưới đây ghi đủ từng vai trò.</figcaption></figure>"
    )
