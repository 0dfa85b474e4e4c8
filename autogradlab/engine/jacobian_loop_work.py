"""The loop strategy's work bound: a Jacobian by the loop runs one backward pass per output element
through the graph of one pass of the function, so a costly op in the function (an eigvals, an
inverse, a cdist: lang/call_work.py) costs its work once per row. call_work checks each call as it
runs; here the function's pass is measured (the work its costly calls were estimated at) and, before
the n rows run, rows * work is held against max_call_work, with a message that says so. Time alone
bounded it before (a 300x300 inverse in a function of 10,000 outputs: 10,000 backward passes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from autogradlab.errors import LimitExceeded
from autogradlab.lang.call_work import WORK_SEEN


@contextmanager
def measured() -> Iterator[list[int]]:
    """[work] of the costly calls made inside the block (filled in when it ends)."""
    spent = [0]
    before = WORK_SEEN[0]
    try:
        yield spent
    finally:
        spent[0] = WORK_SEEN[0] - before


def check_loop_work(limit: int, work: int, rows: int) -> None:
    """Refuse `rows` backward passes through a pass whose costly calls do `work` when the total passes
    `limit` (each row's backward costs about what its forward did)."""
    if rows <= 1 or work * rows <= limit:
        return
    raise LimitExceeded(
        f"jacobian's loop would run {rows:,} backward passes through costly calls of about {work:,} "
        f"arithmetic steps each, about {work * rows:,} in all; the limit is {limit:,} per call",
        hint="fewer outputs or smaller matrices help, or vectorize=True (limit max_call_work)")


def checked_function(func: Callable, limit: int) -> Callable:
    """func for torch's own jacobian (vectorize=False: one pass, then a backward pass per output):
    after the pass, before the loop, the loop's work is checked."""
    def once(*args: Any) -> Any:
        with measured() as spent:
            out = func(*args)
        outs = out if isinstance(out, tuple) else (out,)
        rows = sum(y.numel() for y in outs if hasattr(y, "numel"))
        check_loop_work(limit, spent[0], rows)
        return out
    return once
