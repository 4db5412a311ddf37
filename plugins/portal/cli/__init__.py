"""The office's command-line tool, `cotcan` (docs/commands.md).

- `app.py`: the program, its subcommands, `main`;
- `arguments.py`: argparse in Vietnamese, the shared options;
- `command.py`: what a command is, the exit codes, `CommandError`;
- `guard.py`: no traceback, UTF-8 on any console;
- one module per command: `new_site.py`, `new_year.py`, `import_roster.py`, `check.py`,
  `diff.py`. Each is thin: the work is the core's (portal.newsite, portal.newyear,
  portal.importer, portal.load, portal.diff).
"""

from __future__ import annotations

from .app import main

__all__ = ["main"]
