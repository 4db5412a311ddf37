"""Write the JSON Schemas of the data files to plugins/portal/schema/ (for editors).

Run after changing plugins/portal/schema.py; a test fails while the files are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from portal.schema import FILE_SCHEMAS

REPO = Path(__file__).resolve().parent.parent  # the repository: scripts/ is in it
SCHEMA_DIR = REPO / "plugins" / "portal" / "schema"


def schema_text(kind: str) -> str:
    return json.dumps(FILE_SCHEMAS[kind], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> None:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for kind in FILE_SCHEMAS:
        path = SCHEMA_DIR / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
