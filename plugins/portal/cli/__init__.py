"""The office's command-line tool, `cotcan` (docs/commands.md).

- `app.py`: the program, its subcommands, `run`;
- `arguments.py`: argparse in Vietnamese, the shared options;
- `command.py`: what a command is, the exit codes, `CommandError`;
- `guard.py`: no traceback, UTF-8 on any console;
- one module per command: `new_site.py`, `new_year.py`, `import_roster.py`, `check.py`,
  `diff.py`. Each is thin: the work is the core's (portal.newsite, portal.newyear,
  portal.importer, portal.load, portal.diff).

This module imports none of them: `main`, the console script, imports the program inside
its own guard, so that Ctrl+C during the quarter second the imports take is the same line
and exit code as Ctrl+C later, never a traceback.
"""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    """The console script `cotcan`: its exit code (docs/commands.md); never raises but
    SystemExit from argparse (--help, --version, a wrong command line)."""
    try:
        from .app import run

        return run(argv)
    except KeyboardInterrupt:  # while the commands are imported; during a command, the guard's
        from .guard import interrupted

        return interrupted()


__all__ = ["main"]
