"""torch.autograd.grad as the Steps page sees it: a backward pass that returns its gradients instead of
writing them into .grad.

Tutorials and Jacobian lessons write `g, = torch.autograd.grad(y, x)` where others write `y.backward()`;
the Steps page followed backward() only and told such a program "no backward() reached this output".
StepHooks logs a grad() call as it logs a backward() (the same Node hooks, lang/specials.py calls
before_grad / after_grad around it). What differs is the end of the pass: PyTorch's engine runs no
AccumulateGrad for grad(), and does not run the Node of a non-leaf input either (it keeps what reaches that
input and stops there, unless another input lies behind it). So the input's Node gets no pre-hook: its
step is made here from what grad() returned (the sum of what its consumers sent), placed right after the
last consumer that sent to it, and marked `captured` so its rule says "returned" rather than "accumulate".
"""

from __future__ import annotations

import ast
from typing import Any

import torch

from autogradlab.engine.grads import KEPT_BACKWARDS
from autogradlab.engine.graph import is_leaf_node
from autogradlab.engine.sure_backwards import _continues as continues
from autogradlab.report import TensorSnapshot
from autogradlab.step_records import GRAD_RULE, ReverseStep


def _tensors(value: Any) -> list[Any]:
    if isinstance(value, torch.Tensor):
        return [value]
    return list(value) if isinstance(value, (list, tuple)) else []


def _edges(log: Any, nodes: dict[int, Any]) -> tuple[dict[int, Any], dict[int, int]]:
    """One pass over the Nodes the engine ran: the AccumulateGrad of each leaf they point at (by id of the
    leaf tensor) and, for each Node sent a gradient, the position of the last Node that sent one. (A
    `grad(loss, params)` of many inputs looks each up, not the whole pass again.)"""
    leaves: dict[int, Any] = {}
    last: dict[int, int] = {}
    for position, key in enumerate(log.order):
        sent = log.sent.get(key, ())
        for k, (u, _) in enumerate(nodes[key].next_functions):
            if u is None:
                continue
            if is_leaf_node(u):
                leaves.setdefault(id(getattr(u, "variable", None)), u)
            if k < len(sent) and sent[k] is not None:
                last[id(u)] = position
    return leaves, last


def capture_inputs(log: Any, nodes: dict[int, Any], inputs: Any, result: Any, most: int) -> None:
    """Give each input whose Node the pass did not run the gradient grad() returned for it: a step right
    after the last Node that sent to it (inputs placed at one spot keep grad()'s order). `most`: the
    gradient values one log keeps (more: the log overflows, as a backward()'s does)."""
    if log.overflow:
        return
    leaves, last = _edges(log, nodes)
    after: dict[int, list[int]] = {}   # position in log.order (len: the end) -> captured Node ids
    for tensor, grad in zip(_tensors(inputs), _tensors(result), strict=False):
        if not isinstance(grad, torch.Tensor) or not isinstance(tensor, torch.Tensor):
            continue   # allow_unused: None for an input the outputs do not depend on
        fn, slot = (tensor.grad_fn, tensor.output_nr) if tensor.grad_fn is not None else (
            leaves.get(id(tensor)), 0)
        key = id(fn)
        if fn is None or key not in nodes or key in log.received:   # not hooked, or run (an input behind it)
            continue
        if log.elements + grad.numel() > most:
            log.overflow = True
            return
        log.received[key] = (None,) * slot + (grad.detach().clone(),)
        log.elements += grad.numel()
        log.captured.add(key)
        after.setdefault(last.get(key, len(log.order)), []).append(key)
    if after:
        order: list[int] = []
        for position, key in enumerate(log.order):
            order.append(key)
            order.extend(after.get(position, ()))
        log.order[:] = order + after.get(len(log.order), [])


def captured_step(name: str, adjoint: TensorSnapshot, common: dict[str, Any]) -> ReverseStep:
    """The step of an input whose gradient torch.autograd.grad returned: nothing runs at it, nothing is sent
    on, and its .grad stays as it was."""
    return ReverseStep(**common, sends=(), rule=f"grad({name}) = ḡ{GRAD_RULE}",
                       numbers=f"grad({name}) = {adjoint.summary}")


def _grad_call(value: Any) -> ast.Call | None:
    """The call of `grad(...)`, `grad(...)[0]`, `loss.backward()` as a statement's whole value (whatever
    it calls: only a call that reaches before_backward / before_grad is ever asked about)."""
    if isinstance(value, ast.Subscript):
        value = value.value
    return value if isinstance(value, ast.Call) else None


def sure_calls(loop: ast.AST) -> frozenset[int]:
    """ids of the calls that run in every pass of `loop` (a loop the interpreter tells passes of runs to
    its end: lang/loop_skim.py): a statement directly in its body whose value is the call, with no `continue`
    that may skip it (sure_backwards.py's reading of `.backward()` statements)."""
    body = getattr(loop, "body", None) or []
    if continues(body):
        return frozenset()
    calls = (_grad_call(s.value) for s in body if isinstance(s, (ast.Expr, ast.Assign, ast.AnnAssign)))
    return frozenset(id(c) for c in calls if c is not None)


class LoopPasses:
    """Which backward() and torch.autograd.grad calls later passes surely make again at least
    KEPT_BACKWARDS times (the Recorder's rule for skimmed backward calls, skim.py): their logs would be
    superseded before the steps are built, so StepHooks keeps none. The Recorder's own rule reads only
    `.backward()` statements and none in a program that defines a `backward` (a custom autograd.Function):
    PyTorch's polynomial_custom_function logged all its 2,000 passes and its Steps run passed the time
    limit in one run of two; written with autograd.grad, the polynomial fit logged 1,006 of 2,000."""

    def __init__(self) -> None:
        self._loops: list[list[Any]] = []   # [loop node, passes left after this one | None, sure call ids]

    def start(self, node: ast.AST) -> None:
        self._loops.append([node, None, sure_calls(node)])

    def passed(self, node: ast.AST, left: int, answer: Any) -> None:
        """A told pass; `answer` False: the later passes go untold (left unknown from the next one on).
        An int answer leaves passes untold whose `left` is at least that int (>= 1): a stale count is
        still >= 1 there."""
        if self._loops and self._loops[-1][0] is node:
            self._loops[-1][1] = left if answer else None

    def quiet(self, left: int) -> None:
        if self._loops:
            self._loops[-1][1] = left

    def end(self, node: ast.AST) -> None:
        if self._loops and self._loops[-1][0] is node:
            self._loops.pop()

    def runs_again(self, call: Any) -> bool:
        if not self._loops:
            return False
        _, left, sure = self._loops[-1]
        return left is not None and left >= KEPT_BACKWARDS and id(call) in sure
