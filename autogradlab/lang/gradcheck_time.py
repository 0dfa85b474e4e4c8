"""The time a gradcheck will take, estimated from its function's first calls (issue 9, sessions 36-37).

gradchecks.py bounds a check's Jacobians by their entries, but not what one call of the function costs:
`torch.outer(t, t).sum(0)` of 2,000 elements (4,000,000 entries, within the limit) or a 1000 x 1000 matrix
product inside f made the check run until the time limit stopped it, seconds later. What a check does is
known from torch/autograd/gradcheck.py (torch 2.13), for n input elements and m output elements:

- slow gradcheck: f once, twice per input element (finite differences), once more (the undefined-grad
  check); a backward pass of f's result per output element, twice (the reentrancy check), and two more;
- gradgradcheck: gradcheck of `f then its backward with create_graph=True`, perturbing f's inputs and its
  grad_outputs (n + m elements), with a double backward per element of f's inputs' gradients (n);
- fast_mode=True: the same with one random direction per input tensor instead of each element, and one
  backward pass per output tensor (twice, and two more).

So once two calls have run, the check's cost is known to a factor: calls x the cheaper of the two (the
calling thread's CPU time, so a loaded machine does not inflate it; the first call alone may pay one-time
costs: 1.1 s in a fresh process, 0.3 ms the second), plus backward passes x the cheaper of two backward
passes timed at the first call through its result (a probe that runs PyTorch's backward only: it stops
unmeasured, before any of it runs, at the first hook or custom Function backward of the program, whose
second run could print or count; then the estimate leaves backward out and is low, as in session 36). If
the estimate exceeds the time limit, the check is refused with what it would cost, before any column past
the first is built; an estimate that is too low leaves the time limit to stop it, as before.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import LimitExceeded

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

TIMED_CALLS = 2   # calls timed before the estimate: gradcheck's own first call and the first column's
# Backward passes timed at the first call: the first few of a fresh graph pay for memory the process has
# not used yet (measured: `torch.outer(t, t).sum(0)` of 700 elements, 5 ms each for the first 4 or 5, then
# 0.65 ms, as gradcheck's own 1,400 mostly take), so up to PROBES of them while they cost at most
# PROBE_SHARE of the time limit, and the cheapest counts. Two while they cost at most FIRST_SHARE (the
# first backward of a process pays ~0.3 s once); a backward of seconds (matrix_exp's, within what
# matrix_exp_backward.py lets the whole check run, checked before) is timed once.
MIN_PROBES, PROBES, PROBE_SHARE, FIRST_SHARE = 2, 8, 0.02, 0.1


class _ProgramCode(Exception):
    """The probe reached the program's own code (a hook, a custom Function's backward): it stops there."""


class CallCost:
    """The CPU seconds of a check's first calls of the program's function, and of a backward pass."""

    def __init__(self, name: str, limit_s: float, fast: bool = False) -> None:
        self.name, self.limit_s, self.fast = name, limit_s, fast
        self.started = False
        self.calls = self.backwards = 0   # known at the first call
        self.back = self.per_call = 0.0   # a backward pass; what each call adds (gradgradcheck's backward)
        self.spent: list[float] = []

    def begin(self, interp: Interpreter, inner: tuple, out: Any, elements: int) -> None:
        """At the check's first call of f: what the check will do, and a backward pass timed."""
        self.started = True
        outs = _differentiable(out if isinstance(out, (tuple, list)) else (out,))
        ins = _differentiable(inner)
        gradgrad = self.name == "gradgradcheck"
        if self.fast:   # one direction per input tensor (gradgradcheck: and per grad_output)
            columns, rows = len(ins) + (len(outs) if gradgrad else 0), len(ins) if gradgrad else len(outs)
        else:
            columns = elements + (sum(o.numel() for o in outs) if gradgrad else 0)
            rows = elements if gradgrad else sum(o.numel() for o in outs)
        self.calls, self.backwards = 2 * columns + 2, 2 * rows + 2
        timed = _probes(interp, outs, ins, gradgrad, self.limit_s)
        if timed is not None:
            self.per_call, self.back = timed

    def timed(self, seconds: float) -> None:
        if len(self.spent) >= TIMED_CALLS:
            return
        self.spent.append(seconds)
        if len(self.spent) == TIMED_CALLS:
            self.check(min(self.spent))

    def check(self, forward: float) -> None:
        each = forward + self.per_call
        total = self.calls * each + self.backwards * self.back
        if total > self.limit_s:
            raise LimitExceeded(
                f"{self.name} would call the function {self.calls:,} times and run {self.backwards:,} "
                f"backward passes through it (a call took {each * 1000:,.1f} ms, a backward pass "
                f"{self.back * 1000:,.1f} ms): about {total:,.1f} s, past the time limit of "
                f"{self.limit_s:g} s",
                hint="check the function on a smaller input, or with fast_mode=True (one random "
                     "direction instead of the whole Jacobian)")


def _differentiable(values: Any) -> list[torch.Tensor]:
    return [v for v in values if isinstance(v, torch.Tensor) and v.requires_grad]


def _probes(interp: Interpreter, outs: list, ins: list, gradgrad: bool,
            limit_s: float) -> tuple[float, float] | None:
    timed: list[tuple[float, float]] = []
    spent = 0.0
    while len(timed) < PROBES and spent < limit_s * (FIRST_SHARE if len(timed) < MIN_PROBES else PROBE_SHARE):
        one = _probe(interp, outs, ins, gradgrad)
        if one is None:
            return None
        timed.append(one)
        spent += sum(one)
    return min(t[0] for t in timed), min(t[1] for t in timed)


def _probe(interp: Interpreter, outs: list, ins: list, gradgrad: bool) -> tuple[float, float] | None:
    """(what gradgradcheck's backward adds to each call, a backward pass) in CPU seconds, as gradcheck
    runs them (retain_graph, ones as grad_outputs); None when the program's code would run."""
    if not outs or not ins:
        return 0.0, 0.0
    try:
        with _no_program_code(interp):
            started = time.thread_time()
            grads = torch.autograd.grad(outs, ins, [torch.ones_like(o) for o in outs], retain_graph=True,
                                        allow_unused=True, create_graph=gradgrad)
            first = time.thread_time() - started
            if not gradgrad:
                return 0.0, first
            again = [g for g in grads if g is not None and g.requires_grad]
            if not again:
                return first, 0.0
            started = time.thread_time()
            torch.autograd.grad(again, ins, [torch.ones_like(g) for g in again], retain_graph=True,
                                allow_unused=True)   # (f's graph is the check's to use)
            return first, time.thread_time() - started
    except (_ProgramCode, RuntimeError):   # (a backward that fails fails in the check itself, as in PyTorch)
        return None


@contextmanager
def _no_program_code(interp: Interpreter) -> Iterator[None]:
    """Every hook and custom Function backward enters the program through these two (graph_hooks.py,
    tensor_hooks.py, custom_functions.py): while the probe runs, entering stops it."""
    def refuse(*_: Any) -> Any:
        raise _ProgramCode

    interp.call_user = interp.call_value = refuse
    try:
        yield
    finally:
        del interp.call_user, interp.call_value
