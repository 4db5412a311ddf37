"""Running a command so that the clerk never sees a traceback, on any console."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable

from ..commands import Exit
from ..errors import PortalError, Undone, os_reason


def say(text: str) -> None:
    """A line for the clerk, on the standard error (the standard output carries results)."""
    print(text, file=sys.stderr)


def use_utf8() -> None:
    """Vietnamese on any console: a Windows code page or a pipe with no locale would turn
    the marks into question marks, or stop the command with an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


def os_error_line(error: OSError) -> str:
    reason = os_reason(error)
    where = f"{error.filename}: " if error.filename else ""
    return f"LỖI {where}{reason}."


def interrupted(undone: str = "") -> int:
    """Ctrl+C: one line (with what the command put back, if it had written), and the exit
    code a shell gives it."""
    use_utf8()
    say(f"Đã dừng theo yêu cầu (Ctrl+C); {undone}." if undone else "Đã dừng theo yêu cầu (Ctrl+C).")
    return Exit.INTERRUPTED


def guarded(run: Callable[[], int]) -> int:
    """Run a command: its exit code, or for what it did not handle one line and the code
    docs/commands.md gives (2 for the clerk's files and folders, 3 for a fault of ours)."""
    use_utf8()
    try:
        return run()
    except PortalError as error:
        say(f"LỖI {error}")
        return Exit.USAGE
    except Undone as stop:
        return interrupted(str(stop))
    except KeyboardInterrupt:
        return interrupted()
    except BrokenPipeError:
        _drop_output()  # the reader of a pipe (`| head`) has gone: nothing left to say
        return Exit.OK
    except OSError as error:
        say(os_error_line(error))
        return Exit.USAGE
    except Exception as error:  # noqa: BLE001 - the clerk gets a sentence, not a traceback
        say(f"Lỗi không mong đợi của chương trình: {type(error).__name__}: {error}. Hãy báo lại cho người phát "
            "triển, kèm lệnh đã chạy.")
        return Exit.UNEXPECTED


def _drop_output() -> None:
    """Send what is still buffered for the standard output nowhere, so that Python's own
    flush at exit does not report the broken pipe once more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
