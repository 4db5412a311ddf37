"""Whether this system can build the portal: what the plugin needs of POSIX.

The lock on the site (lock.py: `fcntl.flock`, `os.pwrite`), the clean-up when SIGTERM comes
(termination.py: `os.register_at_fork`, `signal.pthread_sigmask`) and the test that a leftover's
process is gone (publish.py: `os.kill(pid, 0)`, which on Windows would end that process) are
POSIX's: Linux and macOS have them, Windows does not. There the plugin refuses at startup, in one
line (`notices.unsupported_system`), before any of them runs; no Windows build is made or tested.
"""

from __future__ import annotations

import importlib.util
import os
import signal


def can_build() -> bool:
    """Whether this system has what a build takes: not on Windows."""
    return (importlib.util.find_spec("fcntl") is not None and hasattr(os, "register_at_fork")
            and hasattr(signal, "pthread_sigmask"))
