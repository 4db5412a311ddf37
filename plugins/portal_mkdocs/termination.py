"""SIGTERM ends `mkdocs build` and `mkdocs serve` as Ctrl-C does: after their clean-up.

Python's default for SIGTERM ends the process at once, with no `finally` and no MkDocs
`on_shutdown`: `kill <pid>` (systemd stopping a service, a CI job cancelled, a task
manager) left the staging folder and the lock file of a build, or the served folder set
aside by `mkdocs serve`, all of which Ctrl-C removes. `handle_sigterm` (from the plugin's
`on_startup`) makes SIGTERM raise `Terminated`, a KeyboardInterrupt, in the main thread: every
clean-up that runs after Ctrl-C runs after it (MkDocs' serve loop stops as on Ctrl-C and
removes its folder, `on_shutdown` removes the staging folder and the lock). Once Python has
run it, the process ends killed by SIGTERM, as Python ends by SIGINT after a KeyboardInterrupt
nobody caught: its parent sees the status of a process that SIGTERM ended (143 in a shell),
whatever MkDocs or click made of the interruption.

`held` keeps SIGINT and SIGTERM from cutting a short clean-up in two (a second Ctrl-C while
the served folder is put back, notably): they are ignored while it runs. `deferred` keeps them
from cutting a short step of publishing in two (the exchange of the old and new site, and the
rename of the old one aside): they wait until it is done, then take effect.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C's KeyboardInterrupt would be."""


class _State:
    installed = False  # the handler is this process's
    terminated = False  # a SIGTERM came: the process ends by it once cleaned up


_state = _State()


def handle_sigterm() -> None:
    """Have SIGTERM end the process through its clean-up (see the module's docstring). Only in
    the main thread (Python runs handlers there), only once, and never over another handler."""
    if _state.installed or threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return
    signal.signal(signal.SIGTERM, _raise_terminated)
    atexit.register(_end_as_terminated)
    # A forked child (the build's workers, parallel.py) ends at SIGTERM at once, as before:
    # its pool stops it so, and it has nothing to clean up. SIGTERM is held back in the forking
    # thread across the fork: one that reached a fresh worker before its handler was reset was
    # lost, and the pool waited for that worker for ever (the test suite's CI hung so).
    os.register_at_fork(before=_hold_back, after_in_parent=_let_through, after_in_child=_default_in_child)
    _state.installed = True


def _hold_back() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})


def _let_through() -> None:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _default_in_child() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _state.installed = _state.terminated = False
    _let_through()  # a SIGTERM sent meanwhile is delivered now, and ends the child


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    if _state.terminated:
        return  # the clean-up of the first one is running: let it finish
    _state.terminated = True
    raise Terminated


def _end_as_terminated() -> None:
    """At exit, after a SIGTERM: end by it (the handlers atexit has still to run are those
    registered before this one; the one that matters, logging's flush, is run here)."""
    if not _state.terminated:
        return
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed, or its reader gone
            stream.flush()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)
    os._exit(128 + signal.SIGTERM)  # not reached: the signal is delivered before kill() returns


@contextmanager
def held() -> Iterator[None]:
    """SIGINT and SIGTERM ignored while the block runs (main thread only; elsewhere as is)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {number: signal.signal(number, signal.SIG_IGN) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in before.items():
            if handler is not None:  # None: a handler not set from Python, which cannot be set again
                signal.signal(number, handler)


@contextmanager
def deferred() -> Iterator[None]:
    """SIGINT and SIGTERM kept pending while the block runs, and delivered once it is done: the
    interruption (KeyboardInterrupt, Terminated) is raised after the block, never inside it. Main
    thread only (Python runs handlers there); elsewhere as is. Keep the block short: a stop waits."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
