"""The allowance of the Jacobian page's checks: probe, VJP, JVP and finite differences (issue 9).

They run program code the program itself never ran (its result is already computed), so they must
not use up the program's budgets: a function of 4,000 loop steps checked after `jacrev(f)(x)` took
~40,000 iterations of the run's 100,000 and the program's own loop after it stopped at the limit,
although it ran in 0.2 s without the checks. Inside `allowance`, the checks may use a share of what
is left of the step and loop budgets and of the time before the run's soft deadline; past it, the
check stops with the limit's error (run_checks and the probe's callers turn it into a note). After
it, the counters are the program's again, as if the checks had not run; the time they took is gone,
but at most that share of what was left. Every check still stops at a limit: nothing escapes them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SHARE = 0.25   # of the steps, loop iterations and time left, for the checks of one call


@contextmanager
def allowance(interp: Any, share: float = SHARE) -> Iterator[None]:
    steps, iterations, deadline = interp._steps, interp._iterations, interp._deadline
    limits = interp.limits
    left_steps = max(0, interp._max_steps - steps)
    left_iterations = max(0, limits.max_loop_iterations - iterations)
    interp._steps = interp._max_steps - int(share * left_steps)
    interp._iterations = limits.max_loop_iterations - int(share * left_iterations)
    now = time.monotonic()
    if deadline != float("inf"):
        interp._deadline = now + share * max(0.0, deadline - now)
    try:
        yield
    finally:
        interp._steps, interp._iterations, interp._deadline = steps, iterations, deadline
