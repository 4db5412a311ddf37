"""The names of the office's commands, in one place.

The command-line tool (`portal.cli`) registers them, and every message that tells the clerk
what to run next (the checker's hints, the new year's next steps, the importer's advice)
writes them through `CommandName.line`, so that renaming a command is one edit here.
"""

from __future__ import annotations

from dataclasses import dataclass

# The console script ([project.scripts] in pyproject.toml): one program, one subcommand per step.
PROGRAM = "cotcan"


@dataclass(frozen=True)
class CommandName:
    """A subcommand: the Vietnamese name the clerk types, and an English alias."""

    name: str
    alias: str

    def line(self, *arguments: str) -> str:
        """The command as the clerk types it, e.g. `cotcan kiem-tra --draft`."""
        return " ".join((PROGRAM, self.name, *arguments))


CHECK = CommandName("kiem-tra", "check")
IMPORT = CommandName("nhap", "import")
DIFF = CommandName("so-sanh", "diff")
NEW_YEAR = CommandName("nam-moi", "new-year")
NEW_SITE = CommandName("tao-trang", "new-site")
