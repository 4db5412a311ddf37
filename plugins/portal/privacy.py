"""What the site must never show: private values, replaced wherever they appear."""

from __future__ import annotations

import re
from collections.abc import Iterable

REDACTED = "[đã ẩn]"


class Redactor:
    """Replaces every private value (phones, e-mails not opted in) wherever it appears."""

    def __init__(self, private_values: Iterable[str]) -> None:
        values = sorted({v for v in private_values if v}, key=len, reverse=True)
        self.pattern = re.compile("|".join(re.escape(v) for v in values)) if values else None

    def __call__(self, text: str) -> str:
        return self.pattern.sub(REDACTED, text) if self.pattern else text
