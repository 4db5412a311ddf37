"""A person's search summary tells namesakes apart: it names each role's post and unit."""

from __future__ import annotations

from collections import defaultdict

from portal import wording
from portal.contexts import PersonPage
from portal.model import Portal
from portal.pages import Pages
from portal.text import fold


def test_namesakes_have_different_summaries_naming_their_schools(repo_portal: Portal) -> None:
    pages = {spec.context.person.id: spec.context for spec in Pages(repo_portal).person_pages()
             if isinstance(spec.context, PersonPage)}
    by_name: dict[str, list[PersonPage]] = defaultdict(list)
    for page in pages.values():
        by_name[fold(page.person.name)].append(page)
    namesakes = [group for group in by_name.values() if len(group) > 1 and all(p.entries for p in group)]
    # Điện Biên Phủ's two Phạm Thị Hạnh, among others: derived from the data.
    assert any(fold(group[0].person.name) == "pham thi hanh" for group in namesakes)
    for group in namesakes:
        summaries = [page.summary() for page in group]
        assert len(set(summaries)) == len(summaries), summaries
    for page in pages.values():
        for entry in page.entries[:3]:
            post = wording.written_post(repo_portal, entry.seat.membership, at=entry.seat.body.school_year)
            assert post in page.summary(), (page.person.id, post)
