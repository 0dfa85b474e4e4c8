"""The engine's side of lang.hooks.ProgramHooks: the op trace, variable names, backward calls.

The interpreter reports what the program does; the Recorder turns it into plain records and keeps
what the graph walk needs later: which recorded op produced each autograd Node, which variable is
bound to each tensor, and the saved tensors of every Node before backward frees them. It holds a
strong reference to every object it has numbered, so id() stays unique for the whole run.
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import torch

from autogradlab.engine.grads import GradientRecorder
from autogradlab.engine.graph import OpOrigin, gc_paused, is_leaf_node, read_saved
from autogradlab.engine.value_text import (
    BUDGET_SPENT,
    TOO_LARGE,
    bounded_repr,
    sequence_weight,
    too_large_text,
)
from autogradlab.engine.values import snapshot
from autogradlab.errors import LimitExceeded
from autogradlab.limits import DEFAULT_LIMITS, Limits
from autogradlab.report import BackwardCall, Displayed, OpRecord

CONSTANT_TEXT_CHARS = 20
CONSTANT_TEXT_WEIGHT = 1_000        # an op argument heavier than this is not turned into text at all
CONSTANT_TEXT_ITEMS = 8             # items of a tuple argument written out (`(0, 1, 2, …)`)
CONSTANT_TEXT_DEPTH = 4             # nested tuple arguments deeper than this are clipped text
DISPLAY_MAX_WEIGHT = 100_000        # one displayed value (see values.sequence_weight) ...
DISPLAY_TOTAL_WEIGHT = 1_000_000    # ... and all displays of one run together
DISPLAY_MIN_WEIGHT = 100            # small values are shown even when that total is spent


def _position(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 0) or 0, (getattr(node, "col_offset", 0) or 0) + 1


EXPRESSION_TEXT_MAX = 40


def receiver_text(node: ast.AST) -> str | None:
    """The program text of the tensor a backward call works on: `y.sum()` in `y.sum().backward()`,
    `z` in `torch.autograd.backward(z)`. Names an output that no variable holds."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    via_autograd = isinstance(func, ast.Attribute) and (
        isinstance(func.value, ast.Attribute) and func.value.attr == "autograd"
        or isinstance(func.value, ast.Name) and func.value.id == "autograd")
    if isinstance(func, ast.Attribute) and not via_autograd:
        target = func.value                      # y.sum().backward()
    else:                                        # torch.autograd.backward(z), backward(tensors=z)
        keyword = next((k.value for k in node.keywords if k.arg == "tensors"), None)
        target = node.args[0] if node.args else keyword
    if target is None:
        return None
    text = ast.unparse(target)
    return text if len(text) <= EXPRESSION_TEXT_MAX else text[:EXPRESSION_TEXT_MAX - 1] + "…"


def _tensors_in(value: Any) -> list[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (tuple, list)):
        return [v for v in value if isinstance(v, torch.Tensor)]
    return []


def _clip(text: str) -> str:
    return text if len(text) <= CONSTANT_TEXT_CHARS else text[:CONSTANT_TEXT_CHARS - 1] + "…"


def _constant_text(value: Any, depth: int = 0) -> str:
    """A short text of a non-tensor op argument; never makes the repr of a huge value."""
    if isinstance(value, slice):
        parts = ["" if p is None else _constant_text(p, depth + 1)
                 for p in (value.start, value.stop, value.step)]
        return ":".join(parts[:2] if value.step is None else parts)
    if value is Ellipsis:
        return "..."
    if isinstance(value, tuple) and not isinstance(value, torch.Size) and depth < CONSTANT_TEXT_DEPTH:
        parts = [_constant_text(v, depth + 1) for v in value[:CONSTANT_TEXT_ITEMS]]
        if len(value) > CONSTANT_TEXT_ITEMS:
            parts.append("…")
        return "(" + ", ".join(parts) + ("," if len(value) == 1 else "") + ")"
    return _clip(bounded_repr(value, CONSTANT_TEXT_WEIGHT))


class Recorder:
    """Implements ProgramHooks for one run."""

    def __init__(self, source: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.lines = source.splitlines()
        self.limits = limits
        self.ops: list[OpRecord] = []
        self.printed: list[str] = []
        self.displayed: list[Displayed] = []
        self.backward_calls: list[BackwardCall] = []
        self.last_backward: torch.Tensor | None = None
        self.last_backward_text: str | None = None   # `y.sum()` when no variable holds the tensor
        self.grads = GradientRecorder()
        self._ids: dict[int, int] = {}
        self._kept: list[Any] = []
        self._names: dict[int, list[str]] = {}   # id(tensor) -> top-level names bound to it now
        self._former: dict[int, str] = {}        # id(tensor) -> the last name it lost
        self._local: dict[int, str] = {}         # id(tensor) -> a name inside a user function
        self._bound: dict[str, Any] = {}         # top-level name -> value
        self.assign_order: dict[str, int] = {}   # top-level name -> sequence number of last assignment
        self._assign_seq = 0
        self._origins: dict[int, tuple[Any, int, Any, torch.Tensor]] = {}  # id(Node) -> (Node, op, out)
        self._created_by: dict[int, int] = {}    # id(tensor) -> index of the op that made it
        self._saved: dict[int, list[tuple[str, torch.Tensor]]] = {}
        self._unnamed_outputs: set[int] = set()  # outputs of the last op still waiting for a name
        self._pending_backward: tuple[torch.Tensor, bool] | None = None
        self._display_left = DISPLAY_TOTAL_WEIGHT
        self.last_line: int | None = None         # line of the last statement the hooks saw
        self.jacobians: list = []                 # JacobianRecord per jacobian() call (jacobian_call.py)

    # ---- identities and names ---------------------------------------------------------------

    def tensor_id(self, tensor: Any) -> int:
        key = id(tensor)
        if key not in self._ids:
            self._ids[key] = len(self._ids)
            self._kept.append(tensor)
        return self._ids[key]

    def name_of(self, tensor: Any) -> str | None:
        names = self._names.get(id(tensor))
        return names[0] if names else None

    def leaf_label(self, tensor: torch.Tensor) -> str:
        return self.name_of(tensor) or self._former.get(id(tensor)) or f"t{self.tensor_id(tensor)}"

    def describe(self, tensor: torch.Tensor) -> str:
        return self.name_of(tensor) or self._local.get(id(tensor)) or f"t{self.tensor_id(tensor)}"

    def origin_of(self, fn: Any) -> OpOrigin | None:
        entry = self._origins.get(id(fn))
        if entry is None:
            return None
        _, index, snap, tensor = entry
        return OpOrigin(self.ops[index], snap, tensor)

    def creation_op(self, tensor: torch.Tensor) -> OpRecord | None:
        index = self._created_by.get(id(tensor))
        return self.ops[index] if index is not None else None

    def saved_of(self, fn: Any) -> list[tuple[str, torch.Tensor]]:
        if id(fn) in self._saved:
            return self._saved[id(fn)]
        return read_saved(fn) or []

    # ---- ProgramHooks -----------------------------------------------------------------------

    def _seen(self, node: ast.AST) -> None:
        line = getattr(node, "lineno", None)
        if line:
            self.last_line = line

    def on_op(self, op: str, args: Sequence[Any], kwargs: Mapping[str, Any], result: Any,
              node: ast.AST, in_function: str | None) -> None:
        self._seen(node)
        line, column = _position(node)
        if len(self.ops) >= self.limits.max_ops:
            raise LimitExceeded(
                f"the program ran more than {self.limits.max_ops:,} tensor operations "
                f"(limit max_ops = {self.limits.max_ops:,})", line=line, column=column,
                hint="use fewer loop iterations or smaller loops")
        inputs: list[str] = []
        input_ids: list[int | None] = []
        for prefix, arg in [("", a) for a in args] + [(f"{k}=", v) for k, v in kwargs.items()]:
            tensors = _tensors_in(arg)
            if tensors and (isinstance(arg, torch.Tensor) or len(tensors) == len(arg)):
                for t in tensors:
                    inputs.append(prefix + self.describe(t))
                    input_ids.append(self.tensor_id(t))
            else:
                inputs.append(prefix + _constant_text(arg))
                input_ids.append(None)
        index = len(self.ops)
        out_tensors = _tensors_in(result)
        outputs = tuple(snapshot(t, self.tensor_id(t)) for t in out_tensors)
        self.ops.append(OpRecord(index=index, op=op, line=line, column=column,
                                 source=self._source_line(line), inputs=tuple(inputs),
                                 input_ids=tuple(input_ids), outputs=outputs, in_function=in_function))
        for t, snap in zip(out_tensors, outputs, strict=True):
            self._created_by.setdefault(id(t), index)
            fn = t.grad_fn
            if fn is not None and id(fn) not in self._origins:
                self._origins[id(fn)] = (fn, index, snap, t)
        self._unnamed_outputs = {id(t) for t in out_tensors}

    def on_assign(self, name: str, value: Any, node: ast.AST, in_function: str | None) -> None:
        self._seen(node)
        if id(value) in self._unnamed_outputs and self.ops:
            self._unnamed_outputs.discard(id(value))
            last = self.ops[-1]
            var = name if last.var is None else f"{last.var}, {name}"
            self.ops[-1] = dataclasses.replace(last, var=var)
        else:
            self._unnamed_outputs = set()
        if isinstance(value, torch.Tensor):
            self.tensor_id(value)
        if in_function is not None:
            if isinstance(value, torch.Tensor):
                self._local[id(value)] = name
            return
        previous = self._bound.get(name)
        if previous is not None and name in self._names.get(id(previous), []):
            self._names[id(previous)].remove(name)
            self._former[id(previous)] = name
        self._bound[name] = value
        self._assign_seq += 1
        self.assign_order[name] = self._assign_seq
        if isinstance(value, torch.Tensor):
            self._names.setdefault(id(value), []).append(name)

    def before_backward(self, tensor: Any, gradient: Any, node: ast.AST) -> None:
        self._seen(node)
        roots = _tensors_in(tensor)  # torch.autograd.backward takes a tensor or a sequence
        if not roots:
            return
        for root in roots:
            self.tensor_id(root)
        self.last_backward = roots[0]
        self.last_backward_text = receiver_text(node)
        self._pending_backward = (roots[0], gradient is not None)
        new_fns = self.grads.begin(roots)
        with gc_paused():
            for fn in new_fns:
                saved = read_saved(fn) if not is_leaf_node(fn) else None
                if saved:
                    self._saved[id(fn)] = saved

    def after_backward(self, tensor: Any, node: ast.AST) -> None:
        self.grads.finish()
        if self._pending_backward is None:
            return
        root, with_gradient = self._pending_backward
        self._pending_backward = None
        self.backward_calls.append(BackwardCall(line=_position(node)[0], tensor_id=self.tensor_id(root),
                                                var=self.name_of(root), with_gradient=with_gradient,
                                                text=receiver_text(node)))

    def on_jacobian(self, interp: Any, func: Any, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.engine.jacobian_call import run_jacobian

        return run_jacobian(self, interp, func, args, kwargs, node)

    def on_print(self, text: str) -> None:
        self.printed.append(text)

    def on_display(self, value: Any, node: ast.AST) -> None:
        """The value as a notebook shows it; weighed first, so a huge (or hugely shared) list
        becomes a short "too large to show" text instead of a repr that would never finish."""
        self._seen(node)
        if isinstance(value, torch.Tensor):
            self.tensor_id(value)
        cap = min(DISPLAY_MAX_WEIGHT, max(self._display_left, DISPLAY_MIN_WEIGHT))
        memo: dict[int, int] = {}
        weight = sequence_weight(value, cap, memo)
        if weight > cap:
            text = too_large_text(value, BUDGET_SPENT if weight <= DISPLAY_MAX_WEIGHT else TOO_LARGE)
        else:
            self._display_left -= weight
            text = bounded_repr(value, cap, memo)
        self.displayed.append(Displayed(line=_position(node)[0], text=text))

    def _source_line(self, line: int) -> str:
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""
