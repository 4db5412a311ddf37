"""The one root of the portal's errors, so that a caller catches `PortalError` alone.

Each error carries a message in Vietnamese for the clerk (file, row or line, what was
expected); the subclasses say which step failed.
"""

from __future__ import annotations


class PortalError(Exception):
    """Something the office can fix: the message says what and where, in Vietnamese."""
