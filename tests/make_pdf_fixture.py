"""Write tests/fixtures/import/dt-2024-cum.pdf: the Word roster of tests/roster_files.py
printed to PDF by LibreOffice, as an office prints its decision.

    python3 tests/make_pdf_fixture.py   # needs soffice (apt-get install libreoffice-writer-nogui)

The PDF is committed so that the PDF reader is tested where LibreOffice is not installed;
tests/test_importer_read.py checks, where it is, that printing again reads the same.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from roster_files import DAU_TIENG_2024

TARGET = Path(__file__).parent / "fixtures" / "import" / "dt-2024-cum.pdf"


def main() -> int:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice (LibreOffice) is needed to print the PDF.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        source = DAU_TIENG_2024.write_docx(Path(folder) / TARGET.with_suffix(".docx").name)
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)], check=True)
        shutil.copyfile(Path(folder) / TARGET.name, TARGET)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
