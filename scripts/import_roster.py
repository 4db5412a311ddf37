"""Turn a signed list (DANH SÁCH) into data: a thin wrapper of portal.importer.cli.

    python3 scripts/import_roster.py --office pgddt-dau-tieng --input danh-sach.xlsx [--apply]
    python3 scripts/import_roster.py --office pgddt-dau-tieng --workbook nam-sau.xlsx

See `--help`, docs/importer.md and the office guide (content/huong-dan.md).
"""

from __future__ import annotations

import sys

import _paths
from portal.importer.cli import main

if __name__ == "__main__":
    sys.exit(main(data_dir=_paths.REPO / "data"))
