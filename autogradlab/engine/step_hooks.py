"""What the autograd engine really does in each backward(), observed with Node hooks.

StepHooks wraps the Recorder (the program's ProgramHooks) and, around every backward call, puts a
pre-hook and a post-hook on each autograd Node of the graph (once per Node; the hooks write into
the log of the backward that is running). The pre-hook fires when the engine starts a Node: its
order is the engine's real execution order and its grad_outputs the adjoint, already summed over
all consumers; the post-hook gives grad_inputs, what the Node sends along each input edge. Leaves'
.grad is read in the AccumulateGrad pre-hook (before) and after the backward returned (after).
Hooks only read: they return None, so they never change a value.

Long loops (issue 9): the loop news go to the Recorder, which skims what it may (skim.py), and a
backward whose gradients the Recorder does not hook (a middle pass of a loop that surely runs at
least KEPT_BACKWARDS more backward calls) is not logged either: its log would be followed by that
many newer ones, and only the last log reaching the output makes the reverse steps. The Steps page
of a 300-pass training loop took about twice the CPU of its Graph page for these logs (hooks on every
Node and a copy of every gradient of every pass) and PyTorch's 2,000-pass polynomial fit ran out of
time there. A note counts the calls not logged, and says so when none of the kept ones reached
the output.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import torch

from autogradlab.engine import grad_logs
from autogradlab.engine.grad_logs import LoopPasses
from autogradlab.engine.graph import gc_paused, is_leaf_node, walk_functions

BACKWARD_CALL, GRAD_CALL = "backward()", "torch.autograd.grad()"   # what a log's pass was (its notes say it)
LOG_MAX_ELEMENTS = 5_000_000   # gradient elements kept over all backward logs; oldest logs go first
SKIP_SKIMMED = True   # no log of a backward the Recorder skims (tests compare steps with it off)
ONE_LOG_MAX_ELEMENTS = 20_000_000   # one backward keeping more than this stops keeping (memory limit)


def _copy(t: Any) -> torch.Tensor | None:
    return t.detach().clone() if isinstance(t, torch.Tensor) else None


@dataclass
class BackwardLog:
    """One backward() call: the Nodes the engine ran, in order, with what each received and sent."""

    roots: list[torch.Tensor]
    gradient: Any
    line: int | None = None
    var: str | None = None
    order: list[int] = field(default_factory=list)                    # id(Node), engine order
    received: dict[int, tuple[torch.Tensor | None, ...]] = field(default_factory=dict)
    sent: dict[int, tuple[torch.Tensor | None, ...]] = field(default_factory=dict)
    grad_before: dict[int, torch.Tensor | None] = field(default_factory=dict)   # AccumulateGrad
    grad_after: dict[int, torch.Tensor | None] = field(default_factory=dict)
    ms: float = 0.0
    call: int = 0                  # 0-based among the backward() calls that returned normally; -1: grad()
    elements: int = 0
    finished: bool = False
    overflow: bool = False         # too many gradient values to keep: no reverse steps for it
    call_text: str = BACKWARD_CALL  # or GRAD_CALL (engine/grad_logs.py)
    captured: set[int] = field(default_factory=set)   # grad(): ids of the Nodes whose gradient it returned


def _more_new_nodes(roots: list[torch.Tensor], known: dict[int, Any], cap: int) -> bool:
    """More than `cap` Nodes not hooked yet behind the roots (a walk that stops at cap + 1)."""
    seen: set[int] = set()
    stack = [root.grad_fn for root in roots if root.grad_fn is not None]
    while stack:
        fn = stack.pop()
        key = id(fn)
        if key in seen or key in known:
            continue
        seen.add(key)
        if len(seen) > cap:
            return True
        stack.extend(u for u, _ in getattr(fn, "next_functions", ()) if u is not None)
    return False


class StepHooks:
    """ProgramHooks: everything goes to the wrapped Recorder; backward calls are also logged."""

    def __init__(self, recorder: Any) -> None:
        self.recorder = recorder
        self.logs: list[BackwardLog] = []
        self.nodes: dict[int, Any] = {}          # id(Node) -> Node (strong refs keep ids unique)
        # counts of the passes not logged or logs not kept, backward() calls and torch.autograd.grad calls
        # apart (each note names what the program called)
        self.dropped = 0                         # backward logs dropped for the element budget
        self.dropped_grads = 0
        self.skipped = 0                         # backward calls of skimmed passes: not logged
        self.skipped_grads = 0                   # (before_grad)
        self.unlogged = 0                        # backward calls through too many nodes: not logged
        self.unlogged_grads = 0
        self.displayed: list[Any] = []           # values of top-level expression statements
        self._current: BackwardLog | None = None
        self._started = 0.0
        self._backward_calls = 0                 # backward() calls logged (BackwardLog.call)
        self.passes = LoopPasses()               # grad() calls a later pass runs again (grad_logs.py)

    # ---- plain delegation ---------------------------------------------------------------------
    def on_op(self, op, args, kwargs, result, node, in_function):  # noqa: ANN001, D102
        self.recorder.on_op(op, args, kwargs, result, node, in_function)

    def on_loop_start(self, node):  # noqa: ANN001, D102
        self.passes.start(node)
        self.recorder.on_loop_start(node)

    def on_loop(self, node, left):  # noqa: ANN001, ANN201, D102
        answer = self.recorder.on_loop(node, left)
        self.passes.passed(node, left, answer)
        return answer

    def on_loop_end(self, node):  # noqa: ANN001, D102
        self.passes.end(node)
        self.recorder.on_loop_end(node)

    def quiet_passes(self, left):  # noqa: ANN001, D102
        self.passes.quiet(left)
        self.recorder.quiet_passes(left)

    # the Recorder's skim state, read by a range loop's sparse window (lang/compiled_range_loop.py)
    skimming = property(lambda self: self.recorder.skimming)
    skim_violated = property(lambda self: self.recorder.skim_violated)
    skim_enabled = property(lambda self: self.recorder.skim_enabled)

    def on_assign(self, name, value, node, in_function):  # noqa: ANN001, D102
        self.recorder.on_assign(name, value, node, in_function)

    def on_print(self, text):  # noqa: ANN001, D102
        self.recorder.on_print(text)

    def on_memory(self, kind, tensor):  # noqa: ANN001, D102
        self.recorder.on_memory(kind, tensor)

    def on_grad_returned(self, inputs, result, line):  # noqa: ANN001, D102
        self.recorder.on_grad_returned(inputs, result, line)

    def before_grad_writes(self):  # noqa: ANN201, D102
        self.recorder.before_grad_writes()

    def on_display(self, value, node):  # noqa: ANN001, D102
        self.displayed.append(value)
        del self.displayed[:-1]
        self.recorder.on_display(value, node)

    # ---- backward -----------------------------------------------------------------------------
    def before_backward(self, tensor: Any, gradient: Any, node: Any) -> None:
        self.recorder.before_backward(tensor, gradient, node)
        if SKIP_SKIMMED and (self.recorder.backward_skimmed or self.passes.runs_again(node)):
            self.skipped += 1
            return
        self._begin(tensor, gradient, BACKWARD_CALL)

    def before_grad(self, outputs: Any, grad_outputs: Any, node: Any) -> None:
        """torch.autograd.grad (lang/specials.py): logged as a backward() is (engine/grad_logs.py); not in
        a long loop's skimmed passes, whose graphs the Recorder does not keep either, nor where a later
        pass surely makes the same call again (its log would be superseded)."""
        recorder = self.recorder
        if SKIP_SKIMMED and (recorder.skimming or recorder.skim_backward or self.passes.runs_again(node)):
            self.skipped_grads += 1
            return
        self._begin(outputs, grad_outputs, GRAD_CALL)

    def after_grad(self, inputs: Any, result: Any, node: Any) -> None:
        """`result`: what torch.autograd.grad returned, None when it raised (nothing is kept then)."""
        log, self._current = self._current, None
        if log is None or result is None:
            return
        log.ms = (time.perf_counter() - self._started) * 1000.0
        grad_logs.capture_inputs(log, self.nodes, inputs, result, ONE_LOG_MAX_ELEMENTS)
        log.line = getattr(node, "lineno", None)
        log.var = self.recorder.name_of(log.roots[0])
        log.finished = True
        log.call = -1   # not a backward() call: the tangent run times backward() calls only
        self._keep(log)

    def _begin(self, tensor: Any, gradient: Any, call_text: str) -> None:
        roots = [tensor] if isinstance(tensor, torch.Tensor) else [
            t for t in (tensor if isinstance(tensor, (list, tuple)) else ()) if isinstance(t, torch.Tensor)]
        if not roots:
            return
        from autogradlab.engine import steps  # (steps imports this module)
        with gc_paused():
            # its steps would be a note (build_steps): neither hooks nor logs (red team, session 33: a
            # 19,000-op chain's logged backward took ~2 s more than a plain run)
            if _more_new_nodes(roots, self.nodes, steps.max_backward_nodes()):
                if call_text == GRAD_CALL:
                    self.unlogged_grads += 1
                else:
                    self.unlogged += 1
                return
            for root in roots:
                for fn in walk_functions(root.grad_fn, known=self.nodes):
                    self._hook(fn)
        self._current = BackwardLog(roots=roots, gradient=gradient, call_text=call_text)
        self._started = time.perf_counter()

    def after_backward(self, tensor: Any, node: Any) -> None:
        log, self._current = self._current, None
        if log is not None:
            log.ms = (time.perf_counter() - self._started) * 1000.0
            for key in log.grad_before:
                log.grad_after[key] = _copy(self.nodes[key].variable.grad)
            log.line = getattr(node, "lineno", None)
            log.var = self.recorder.name_of(log.roots[0])
            log.finished = True
            log.call = self._backward_calls
            self._backward_calls += 1
            self._keep(log)
        self.recorder.after_backward(tensor, node)

    def _keep(self, log: BackwardLog) -> None:
        self.logs.append(log)
        total = sum(entry.elements for entry in self.logs)
        while total > LOG_MAX_ELEMENTS and len(self.logs) > 1:
            old = self.logs.pop(0)
            total -= old.elements
            if old.call_text == GRAD_CALL:
                self.dropped_grads += 1
            else:
                self.dropped += 1

    def _hook(self, fn: Any) -> None:
        key = id(fn)
        self.nodes[key] = fn
        fn.register_prehook(self._pre(key))
        if not is_leaf_node(fn):
            fn.register_hook(self._post(key))

    def _pre(self, key: int):  # noqa: ANN202
        def pre_hook(grad_outputs: tuple[Any, ...]) -> None:
            log = self._current
            if log is None:          # torch.autograd.grad, jacobian(): not a backward() call
                return
            log.order.append(key)
            if self._full(log, grad_outputs):
                return
            copies = tuple(_copy(g) for g in grad_outputs)
            log.received[key] = copies
            log.elements += sum(c.numel() for c in copies if c is not None)
            fn = self.nodes[key]
            if is_leaf_node(fn):
                log.grad_before[key] = _copy(fn.variable.grad)
        return pre_hook

    def _post(self, key: int):  # noqa: ANN202
        def post_hook(grad_inputs: tuple[Any, ...], grad_outputs: tuple[Any, ...]) -> None:
            log = self._current
            if log is None or self._full(log, grad_inputs):
                return
            copies = tuple(_copy(g) for g in grad_inputs)
            log.sent[key] = copies
            log.elements += sum(c.numel() for c in copies if c is not None)
        return post_hook

    @staticmethod
    def _full(log: BackwardLog, grads: tuple[Any, ...]) -> bool:
        if not log.overflow:
            size = sum(g.numel() for g in grads if isinstance(g, torch.Tensor))
            log.overflow = log.elements + size > ONE_LOG_MAX_ELEMENTS
        return log.overflow

    # ---- questions asked after the run ------------------------------------------------------------
    def last_log_reaching(self, key: int) -> BackwardLog | None:
        """The last finished backward whose engine ran the Node with this id."""
        for log in reversed(self.logs):
            if key in log.received or (log.overflow and key in log.order):
                return log
        return None
