"""The roster importer: a signed list (Word, Excel, CSV, text, PDF) into the data files.

The package is split along the seams of the work, each module one step:

- reading a file into a grid of cells: `read.py` (the format, the limits) and one reader
  per format, `read_text.py`, `read_xlsx.py`, `read_docx.py`, `read_pdf.py`, into
  `grid.py`'s cells with merged cells resolved;
- finding the roster in the grid: `layout.py` (header, data rows, heading rows) with
  `headings.py` (what a heading names);
- matching: `keys.py` (matching keys), `posts.py` ("Chức vụ - Đơn vị công tác"),
  `portal.roles` (roles a text names, core), `names.py` (the name cell and its remark), `matcher.py` (schools, people,
  subjects), `rows.py` (one row),
  `placement.py` (which body each section goes into);
- the proposal: `proposal.py` (each body's list after the import), `result.py` (the
  report and the YAML), `pipeline.py` (the steps in order);
- writing: `merge.py` (the new text of each data file, comments and layout kept),
  `changes.py` (what changes, as a summary and a diff), `trial.py` (what the import
  brings to the checker's report, found without writing for the dry run), `apply.py`
  (guarded, atomic writes, checked, undone on error), `workbook.py` (the workbook for
  next year).

The command, `cotcan nhap`, is `portal.cli.import_roster`.

See docs/importer.md.
"""

from __future__ import annotations

from ..roles import role_from_note
from .errors import RosterError
from .keys import school_key
from .layout import Table, TableRow
from .matcher import Candidate, Matcher
from .pipeline import import_roster, import_table, read_table
from .posts import normalize_position, split_post
from .read import FORMATS
from .result import ImportResult
from .rows import ImportedRow

__all__ = [
    "FORMATS",
    "Candidate",
    "ImportResult",
    "ImportedRow",
    "Matcher",
    "RosterError",
    "Table",
    "TableRow",
    "import_roster",
    "import_table",
    "normalize_position",
    "read_table",
    "role_from_note",
    "school_key",
    "split_post",
]
