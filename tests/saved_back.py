"""What an editor may do to a data file it saves back with the same values (Notepad on Windows
writes CRLF line endings and a byte order mark; an edit undone by hand leaves a space after a
value or a line break at the end): the loader reads each the same, so the preview must too."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

SAVED_BACK: dict[str, Callable[[bytes], bytes]] = {
    "Windows line endings": lambda data: data.replace(b"\n", b"\r\n"),
    "a byte order mark": lambda data: codecs.BOM_UTF8 + data,
    "Notepad: both": lambda data: codecs.BOM_UTF8 + data.replace(b"\n", b"\r\n"),
    "a space after a value and a line break at the end": lambda data: re.sub(
        rb"(\n *(?:- )?name: [^\n]*)\n", rb"\1 \n", data, count=1) + b"\n",
}
