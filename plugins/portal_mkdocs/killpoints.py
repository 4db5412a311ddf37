"""Named steps of publishing, and a test-only hook that kills the build at one of them.

With `PORTAL_TEST_KILL_AT=<step>` in its environment, a build SIGKILLs itself when it
reaches that step: no handler, no `finally`, as a power cut or the OOM killer would. The
tests (tests/test_publish.py) run every step that way and check that `site/` is still a
whole site and that the next build cleans up. Without the variable this does nothing.
"""

from __future__ import annotations

import enum
import os
import signal

KILL_AT = "PORTAL_TEST_KILL_AT"


class Step(enum.StrEnum):
    BUILT = "built"  # pages written into the staging folder; no exports, no search index yet
    STAGED = "staged"  # the staging folder is complete; nothing switched yet
    EXCHANGED = "exchanged"  # site/ and the staging folder swapped; the old site not removed yet
    OLD_MOVED = "old-moved"  # rename fallback: site/ moved aside, the staging folder not yet in its place
    RELEASED = "released"  # symlink: the staging folder renamed to a release; the link not switched
    LINKED = "linked"  # symlink: the new link made under a temporary name; not moved over site/ yet
    SWITCHED = "switched"  # symlink: site/ points at the new release; old releases not pruned yet
    REMOVING = "removing"  # the new site published; what it replaced about to be removed


def checkpoint(step: Step) -> None:
    if os.environ.get(KILL_AT) == step.value:
        os.kill(os.getpid(), signal.SIGKILL)
