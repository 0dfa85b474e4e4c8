"""The allowance of the Jacobian page's checks: probe, VJP, JVP and finite differences (issue 9).

They run program code the program itself never ran (its result is already computed), so they must
not use up the program's budgets: a function of 4,000 loop steps checked after `jacrev(f)(x)` took
~40,000 iterations of the run's 100,000 and the program's own loop after it stopped at the limit,
although it ran in 0.2 s without the checks; so did its lists built, errors caught, text printed
(muted, yet counted). Inside `allowance`, the checks may use a share of what is left of each of those
budgets and of the time before the run's soft deadline; past it, the check stops with the limit's
error (run_checks and the probe's callers turn it into a note). After it, the counters are the
program's again, as if the checks had not run; the time they took is gone, but at most that share
of what was left. Every check still stops at a limit: nothing escapes them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from autogradlab.lang import plain_classes

SHARE = 0.25   # of each budget and of the time left, for the checks of one call


def _counters(interp: Any) -> list[tuple[Any, str, int]]:
    """(owner, attribute, limit) of every count a run charges and never gives back."""
    limits, sizes = interp.limits, interp.sizes
    return [(interp, "_steps", interp._max_steps), (interp, "_iterations", limits.max_loop_iterations),
            (interp, "caught_errors", limits.max_caught_errors),
            (interp, "instances_made", plain_classes.MAX_INSTANCES),
            (sizes, "total_sequence_items", limits.max_total_sequence_items),
            (sizes, "searched_items", limits.max_searched_items),
            (sizes, "printed_chars", limits.max_printed_chars)]


@contextmanager
def allowance(interp: Any, share: float = SHARE) -> Iterator[None]:
    counters = _counters(interp)
    kept = [getattr(owner, name, 0) for owner, name, _ in counters]
    for (owner, name, limit), used in zip(counters, kept, strict=True):
        setattr(owner, name, limit - int(share * max(0, limit - used)))
    deadline = interp._deadline
    if deadline != float("inf"):
        now = time.monotonic()
        interp._deadline = now + share * max(0.0, deadline - now)
    try:
        yield
    finally:
        for (owner, name, _), used in zip(counters, kept, strict=True):
            setattr(owner, name, used)
        interp._deadline = deadline
