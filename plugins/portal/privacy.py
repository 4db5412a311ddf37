"""What the site must never show: private values, replaced wherever they appear."""

from __future__ import annotations

import re
from collections.abc import Iterable

REDACTED = "[đã ẩn]"

# Private values are contact fields: phone numbers and e-mail addresses. One pass of this
# pattern finds every text that could be one; each is then looked up in a set, so the
# cost is one scan of the page however many people have a private contact.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d(?:[ .]?\d){5,}")
_CANDIDATE = re.compile(f"{EMAIL.pattern}|{_PHONE.pattern}")
_SEPARATORS = re.compile(r"[ .]")


def _key(value: str) -> str:
    return value.lower() if "@" in value else _SEPARATORS.sub("", value)


class Redactor:
    """Replaces every private value (phones, e-mails not opted in) wherever it appears,
    also when a phone is printed with spaces or dots ("0912 944 718")."""

    def __init__(self, private_values: Iterable[str]) -> None:
        self.values = frozenset(v for v in private_values if v)
        self.keys = frozenset(_key(v) for v in self.values)
        # Anything that is neither a phone nor an e-mail is matched literally.
        others = sorted((v for v in self.values if not _CANDIDATE.fullmatch(v)), key=len, reverse=True)
        self.literal = re.compile("|".join(re.escape(v) for v in others)) if others else None

    def _replace(self, match: re.Match[str]) -> str:
        text = match.group(0)
        key = _key(text)
        if key in self.keys:
            return REDACTED
        if "@" not in text and any(k in key for k in self.keys):  # a value inside a longer number
            return REDACTED
        return text

    def __call__(self, text: str) -> str:
        if not self.values:
            return text
        # The e-mail pattern backtracks over every word: run it only where there is an "@".
        text = (_CANDIDATE if "@" in text else _PHONE).sub(self._replace, text)
        return self.literal.sub(REDACTED, text) if self.literal else text
