"""What belongs to a sample office (`sample: true` in offices.yml): the office itself, its
schools, its year files (their documents and bodies), the documents it issued, and the
people of its people file (`data/people/<office>.yml`).

`sample.without_sample` leaves these out of a public site; the checker keeps them out of
the hints it gives a real office (`checks._Context.ref`).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from .model import Person, Portal


def sample_offices(portal: Portal) -> frozenset[str]:
    return frozenset(office.id for office in portal.offices.values() if office.sample)


def people_file_office(person: Person) -> str | None:
    """The office whose people file (`data/people/<office>.yml`) lists the person."""
    path = PurePosixPath(person.source.file)
    return path.stem if path.parent.name == "people" else None


def sample_ids(portal: Portal) -> frozenset[str]:
    """The ids of every record that belongs to a sample office, of any kind."""
    sample = sample_offices(portal)
    if not sample:
        return frozenset()
    return frozenset((
        *sample,
        *(s.id for s in portal.schools.values() if s.office in sample),
        *(p.id for p in portal.people.values() if people_file_office(p) in sample),
        *(d.id for d in portal.documents.values() if d.office in sample or d.issuer in sample),
        *(b.id for b in portal.bodies.values() if b.office in sample),
    ))


def sample_files(portal: Portal) -> frozenset[str]:
    """The data files that are a sample office's own (year, schools and people files)."""
    sample = sample_offices(portal)
    if not sample:
        return frozenset()
    return frozenset((
        *(oy.source.file for oy in portal.office_years if oy.office in sample),
        *(s.source.file for s in portal.schools.values() if s.office in sample),
        *(p.source.file for p in portal.people.values() if people_file_office(p) in sample),
    ))
