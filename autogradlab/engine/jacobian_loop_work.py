"""The loop strategy's work bound: a Jacobian by the loop runs one backward pass per output element
through the graph of one pass of the function, so a costly op in the function (an eigvals, an
inverse, a cdist: lang/call_work.py) costs its work once per row. call_work checks each call as it
runs; here the function's pass is measured (the work its costly calls were estimated at) and, before
the n rows run, rows * work is held against max_call_work, with a message that says so. Time alone
bounded it before (a 300x300 inverse in a function of 10,000 outputs: 10,000 backward passes).

Cheap ops cost too: each backward pass walks the whole graph the pass built, so a function of 2,000
elementwise ops on 2,000 elements with 2,000 outputs ran 4 million node backwards (10-20 s here, in torch's
loop, where the program's time check never runs). Each node of the pass (jacobian_passes.Peak) counts
node_work: BACKWARD_ELEMENT_WORK per element plus NODE_WORK for the node's own overhead (~5 us, in the
units of max_call_work, where 10**9 is ~0.5 s).

Why one per-element price for every op is safe (session 24, one thread here): the estimate, 2 units =
~1 ns per element per row, sits at or above what each op measured costs in jacrev's vmapped backward
(1,000 elements, 1,000 rows, 20 ops of one kind: mul 0.94 ns, tanh 0.83, div 0.77, sin 0.73, pow and
sqrt 0.57, add 0.10), so the count over-states the work by 1-10x and never under-states it: a refusal
comes early, never late. A single backward pass on 1M elements varies 0.55-2.8 ns (mul dearest, tanh
cheapest), the 4-30x spread between ops seen before being mostly the cheap ones' slack. A table of
prices per op would let cheap graphs run a few times longer, but it would have to follow every op the
allowlist adds; over-pricing is the side to err on, and the hard timeout stays the backstop."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from autogradlab.errors import LimitExceeded
from autogradlab.lang.call_work import NODE_WORK, WORK_SEEN, node_work  # noqa: F401 - node_work: jacobian_passes


@contextmanager
def measured() -> Iterator[list[int]]:
    """[work] of the costly calls made inside the block (filled in when it ends)."""
    spent = [0]
    before = WORK_SEEN[0]
    try:
        yield spent
    finally:
        spent[0] = WORK_SEEN[0] - before


def check_loop_work(limit: int, work: int, rows: int, nodes: int = 0, graph_work: int = 0,
                    graph_limit: int = 0) -> None:
    """Refuse `rows` backward passes through a pass whose costly calls do `work` when the total passes
    `limit` (each row's backward costs about what its forward did), or whose graph of `nodes` ops costs
    `graph_work` to walk back when that total passes `graph_limit` (max_graph_work; 0: not checked)."""
    if graph_limit and rows > 1 and graph_work * rows > graph_limit:
        raise LimitExceeded(
            f"jacobian's loop would run {rows:,} backward passes through a graph of {nodes:,} operations, "
            f"about {graph_work:,} arithmetic steps each, about {graph_work * rows:,} in all; the limit is "
            f"{graph_limit:,} per call",
            hint="fewer outputs or fewer operations in the function help (limit max_graph_work)")
    if rows <= 1 or work * rows <= limit:
        return
    raise LimitExceeded(
        f"jacobian's loop would run {rows:,} backward passes through costly calls of about {work:,} "
        f"arithmetic steps each, about {work * rows:,} in all; the limit is {limit:,} per call",
        hint="fewer outputs or smaller matrices help, or vectorize=True (limit max_call_work)")


def check_vector_work(limit: int, rows: int, nodes: int, graph_work: int) -> None:
    """A vectorized strategy pushes `rows` rows at once through each of the pass's `nodes` ops: each
    node's overhead once, its elements once per row (2,000 elementwise ops on 2,000 elements, 2,000
    outputs: 35-45 s in one vmap here, past the time limit, which no check of the program sees)."""
    total = rows * (graph_work - nodes * NODE_WORK) + nodes * NODE_WORK
    if rows <= 1 or total <= limit:
        return
    raise LimitExceeded(
        f"jacobian would push {rows:,} rows at once through a graph of {nodes:,} operations, about "
        f"{total:,} arithmetic steps in all; the limit is {limit:,} per call",
        hint="fewer outputs or fewer operations in the function help (limit max_graph_work)")


def check_transform_work(limit: int, transform: str, name: str, rows: int, nodes: int, graph_work: int,
                         weight: int = 1) -> None:
    """check_vector_work for torch.func's transforms of a program function `name`: jacrev's vmapped
    backward over its output rows, grad's backward under a vmap of `rows` (each row counts `weight`
    times), named by the transform rather than by torch.autograd.functional.jacobian."""
    total = rows * weight * (graph_work - nodes * NODE_WORK) + nodes * NODE_WORK
    if rows <= 1 or total <= limit:
        return
    raise LimitExceeded(
        f"{transform} would run the backward pass of `{name}` for {rows:,} rows at once through a graph of "
        f"{nodes:,} operations, about {total:,} arithmetic steps in all; the limit is {limit:,} per call",
        hint=TRANSFORM_HINT)


TRANSFORM_HINT = "fewer rows or fewer operations in the function help (limit max_graph_work)"


def check_batched_pass(limit: int, transform: str, name: str, rows: int, total: int) -> None:
    """A batched transform (vmap, jacfwd, hessian) runs each op of `name` on `rows` rows at once: the
    ops so far came to `total` (node_work of rows x elements each); stop at the op that passes it."""
    if total > limit:
        raise LimitExceeded(
            f"{transform} runs `{name}` on {rows:,} rows at once: its operations so far come to about "
            f"{total:,} arithmetic steps; the limit is {limit:,} per call", hint=TRANSFORM_HINT)


def checked_function(func: Callable, limit: int, interp: Any) -> Callable:
    """func for torch's own jacobian (vectorize=False: one pass, then a backward pass per output):
    after the pass, before the loop, the loop's work is checked."""
    from autogradlab.engine.jacobian_passes import Peak

    def once(*args: Any) -> Any:
        peak = Peak(interp.hooks)
        interp.hooks = peak
        try:
            with measured() as spent:
                out = func(*args)
        finally:
            interp.hooks = peak.inner
        outs = out if isinstance(out, tuple) else (out,)
        rows = sum(y.numel() for y in outs if hasattr(y, "numel"))
        check_loop_work(limit, spent[0], rows, peak.nodes, peak.graph_work, interp.limits.max_graph_work)
        return out
    return once
