"""The portal without its fictional sample offices: what a public site publishes.

`data/` may hold sample offices (`sample: true` in offices.yml): made-up data that shows every
kind of change over several school years, for the tests and a demo. The checker checks them
with the rest; a site publishes them only when asked to (the plugin's `sample_data`).

What belongs to a sample office: `sample_scope`.
"""

from __future__ import annotations

import dataclasses

from .checks import check_portal
from .model import Portal
from .problems import DataError
from .sample_scope import people_file_office, sample_offices

# Said with each problem that only removing the sample data causes.
LEAK_HINT = ("lỗi này chỉ có khi bỏ dữ liệu mẫu (sample_data tắt): dữ liệu thật không được nhắc tới "
             "đơn vị mẫu hay trường, người, tổ chức, văn bản của đơn vị mẫu.")


def without_sample(portal: Portal) -> Portal:
    """`portal` without its sample offices and everything that belongs to them.

    Raises DataError when a record that stays names one that goes (a real body listing a
    sample person): the public site would link to a page that does not exist.
    """
    sample = sample_offices(portal)
    if not sample:
        return portal
    public = Portal(
        offices={k: o for k, o in portal.offices.items() if k not in sample},
        subjects=dict(portal.subjects),
        schools={k: s for k, s in portal.schools.items() if s.office not in sample},
        people={k: p for k, p in portal.people.items() if people_file_office(p) not in sample},
        documents={k: d for k, d in portal.documents.items()
                   if d.office not in sample and d.issuer not in sample},
        bodies={k: b for k, b in portal.bodies.items() if b.office not in sample},
        office_years=[oy for oy in portal.office_years if oy.office not in sample],
    )
    # The whole data passed the checks; what fails now fails because something was removed.
    leaks = [dataclasses.replace(problem, hint=LEAK_HINT)
             for problem in check_portal(public, {}) if problem.severity == "error"]
    if leaks:
        raise DataError(leaks)
    return public

