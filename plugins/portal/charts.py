"""Small SVG charts drawn at build time: no script, readable by screen readers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape

from . import wording
from .model import Body, Portal
from .text import collation_key

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
    """Members of each subject group of a team, in the Vietnamese order of subjects."""
    groups = [g for g in portal.children(team) if g.kind == "nhom-bo-mon"]
    groups.sort(key=lambda g: (collation_key(g.name), g.id))
    bars = [Bar(portal.subjects[g.subject].name if g.subject else g.name, len(g.members)) for g in groups]
    return bar_chart(f"mon-{team.id}", f"Số thành viên mỗi nhóm bộ môn, năm học {team.school_year}", bars)


def leaders_per_school(portal: Portal, team: Body) -> str:
    """How many group leaders and deputies each school provides."""
    counts: Counter[str] = Counter()
    for group in portal.children(team):
        for m in group.members:
            if m.role in ("nhom-truong", "pho-nhom-truong") and m.unit:
                counts[m.unit] += 1
    names = {unit: wording.unit_name(portal, unit) for unit in counts}
    bars = [Bar(names[u], n) for u, n in sorted(counts.items(), key=lambda kv: (-kv[1], collation_key(names[kv[0]])))]
    return bar_chart(f"truong-{team.id}", f"Nhóm trưởng, phó nhóm trưởng theo trường, năm học {team.school_year}",
                     bars)
