"""The importer's one exception: a file or a request it cannot use at all."""

from __future__ import annotations

from ..errors import PortalError


class RosterError(PortalError):
    """The table cannot be read or the request cannot be carried out: the message (in
    Vietnamese) names the file and, where there is one, the row, and says what to do."""
