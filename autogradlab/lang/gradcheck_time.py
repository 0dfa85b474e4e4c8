"""The time a gradcheck will take, estimated from its function's first calls (issue 9, session 36).

gradchecks.py bounds a check's Jacobians by their entries, but not what one call of the function costs:
`torch.outer(t, t).sum(0)` of 2,000 elements (4,000,000 entries, within the limit) or a 1000 x 1000 matrix
product inside f made the check run until the time limit stopped it, seconds later. The slow mode calls
the function twice per perturbed element (gradgradcheck: per element of f's inputs and outputs), so once
two calls have run, the check's cost is known to a factor: calls x the cheaper of the two (the calling
thread's CPU time, so a loaded machine does not inflate it; the first call alone may pay one-time costs:
1.1 s in a fresh process, 0.3 ms the second). It leaves out the backward passes, so it is low (measured:
0.7-1.0 s estimated for checks taking 1.6-2.4 s). If even that exceeds the time limit, the check is
refused with what it would cost, before any column past the first is built; an estimate that is too low
leaves the time limit to stop it, as before.
"""

from __future__ import annotations

from autogradlab.errors import LimitExceeded

TIMED_CALLS = 2   # calls timed before the estimate: gradcheck's own first call and the first column's


class CallCost:
    """The CPU seconds of a check's first calls of the program's function."""

    def __init__(self, name: str, limit_s: float) -> None:
        self.name, self.limit_s = name, limit_s
        self.columns = 0   # perturbed elements, known at the first call (gradgradcheck: with f's outputs)
        self.spent: list[float] = []

    def timed(self, seconds: float) -> None:
        if len(self.spent) >= TIMED_CALLS:
            return
        self.spent.append(seconds)
        if len(self.spent) == TIMED_CALLS:
            self.check()

    def check(self) -> None:
        calls = 2 * self.columns
        each = min(self.spent)
        if calls * each > self.limit_s:
            raise LimitExceeded(
                f"{self.name} would call the function {calls:,} times (twice per perturbed element) "
                f"and each call took {each * 1000:,.1f} ms: about {calls * each:,.1f} s, past the time "
                f"limit of {self.limit_s:g} s",
                hint="check the function on a smaller input, or with fast_mode=True (one random "
                     "direction instead of the whole Jacobian)")
