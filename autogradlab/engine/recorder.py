"""The engine's side of lang.hooks.ProgramHooks: the op trace, variable names, backward calls.

The interpreter reports what the program does; the Recorder turns it into plain records and keeps
what the graph walk needs later: which recorded op produced each autograd Node, which variable is
bound to each tensor, and the saved tensors of every Node before backward frees them. It holds a
weak reference to every tensor it has numbered: when one dies, every id-keyed entry about it goes
with it, so an id reused by a later tensor means nothing stale. Strong references are held only
for what the op window (trace.py: Nodes of its ops) and the kept backward calls (grads.py) still
show. Long loops therefore free their graphs as plain PyTorch does.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import torch

from autogradlab.engine import skim as skim_module
from autogradlab.engine.backward_hooks import BACKWARD_CALLS_KEPT, BackwardHooks  # noqa: F401
from autogradlab.engine.displays import DISPLAY_TOTAL_WEIGHT, DisplayHooks
from autogradlab.engine.grad_returns import GradReturnHooks
from autogradlab.engine.grads import GradientRecorder
from autogradlab.engine.graph import GraphTables, OpOrigin, read_saved
from autogradlab.engine.memory_hooks import MemoryHooks
from autogradlab.engine.name_hooks import NameHooks
from autogradlab.engine.op_text import (  # noqa: F401 - _constant_text is imported by tests
    _arguments,
    _clip,
    _constant_text,
    _tensors_in,
)
from autogradlab.engine.skim import SkimHooks
from autogradlab.engine.tensor_numbers import TensorNumbers
from autogradlab.engine.trace import OpTrace
from autogradlab.errors import LimitExceeded
from autogradlab.limits import DEFAULT_LIMITS, Limits
from autogradlab.report import BackwardCall, Displayed, OpRecord

_TENSOR = torch.Tensor



def _grad_fn(result: Any) -> tuple[Any, bool]:
    """(result.grad_fn, False), or (None, True) for a view made under no_grad and then written in place
    (d2l's optimizers: `with torch.no_grad(): p[:] -= lr * v`): PyTorch refuses to name such a view's
    grad_fn or requires_grad (a RuntimeError when asked), but a program that never asks runs on."""
    try:
        return result.grad_fn, False
    except RuntimeError:
        return None, True

class Recorder(TensorNumbers, NameHooks, MemoryHooks, DisplayHooks, SkimHooks, BackwardHooks,
               GradReturnHooks):
    """Implements ProgramHooks for one run."""

    def __init__(self, source: str, limits: Limits = DEFAULT_LIMITS, skim: bool | None = None) -> None:
        self.lines = source.splitlines()
        self.limits = limits
        self._max_ops = limits.max_ops
        self.trace = OpTrace()
        self.printed: list[str] = []
        self.displayed: list[Displayed] = []
        self.backward_calls: list[BackwardCall] = []   # the latest BACKWARD_CALLS_KEPT
        self.backward_calls_dropped = 0
        self._receiver_texts: dict[int, tuple[ast.AST, str | None]] = {}
        # id(node) -> (node, line, column, source line, (op, line), its shared ghosts: skimmed_ops.py)
        self._sites: dict[int, tuple] = {}
        self.last_backward: torch.Tensor | None = None
        self.last_backward_text: str | None = None   # `y.sum()` when no variable holds the tensor
        self.last_backward_skimmed = self.backward_skimmed = False   # gradients not recorded (skim.py)
        self.grads = GradientRecorder(on_release=self._release_nodes)
        self._ids: dict[int, Any] = {}           # id(tensor) -> its number (tensor_numbers.py)
        self._next_id = 0
        self._kept: list[Any] = []               # the rare numbered object without weak references
        self.alive_results = 0                   # op results still alive (max_ops)
        self._names: dict[int, list[str]] = {}   # id(tensor) -> top-level names bound to it now
        self._former: dict[int, str] = {}        # id(tensor) -> the last name it lost
        self._local: dict[int, str] = {}         # id(tensor) -> a name inside a user function
        self.held_in: dict[int, str] = {}        # id(tensor) -> `xs[2]` (container_names.py, at the end)
        self._bound: dict[str, Any] = {}         # top-level name -> value
        self.assign_order: dict[str, int] = {}   # top-level name -> sequence number of last assignment
        self._assign_seq = 0
        # id(Node) -> (op index, output position, Node, weak reference to the output tensor), and
        # id(tensor) -> index of the op that made it: the trace's tables (its ops' keys leave with them)
        self._origins: dict[int, tuple[int, int, Any, Any]] = self.trace.origins
        self._created_by: dict[int, int] = self.trace.created_by
        self._saved: dict[int, list[tuple[str, torch.Tensor]]] = {}
        self._unnamed_outputs: set[int] = set()  # outputs of the last op still waiting for a name
        self._pending_backward: tuple[torch.Tensor, bool, str | None] | None = None
        self._display_left = DISPLAY_TOTAL_WEIGHT
        self.last_line: int | None = None         # line of the last statement the hooks saw
        self.jacobians: list = []                 # JacobianRecord per jacobian() call (jacobian_call.py)
        self.func_jacobians: list = []            # ... per torch.func call drawn (func_jacobian_call.py)
        self._grad_owners: dict[int, Any] = {}    # memory_hooks.py
        self._forget_bound = self._forget           # made once: every new tensor's weak reference calls it
        self._init_skim(skim_module.SKIM if skim is None else skim)   # skim.py: long loops' middle passes

    # ---- identities and names ---------------------------------------------------------------

    @property
    def ops(self) -> list[OpRecord]:
        """The op records in the window (all of them unless the program ran more than
        trace.RECORD_WINDOW ops), oldest first; OpRecord.index counts from the run's first op."""
        return self.trace.records()

    def _release_nodes(self, keys: list[int]) -> None:
        for key in keys:
            self._saved.pop(key, None)

    def origin_of(self, fn: Any) -> OpOrigin | None:
        entry = self._origins.get(id(fn))
        if entry is None:
            return None
        index, position, _, ref = entry
        record = self.trace.get(index)
        tensor = ref() if ref is not None else None
        return OpOrigin(record, self.trace.output(index, position), tensor) if record else None

    def creation_op(self, tensor: torch.Tensor) -> OpRecord | None:
        key = id(tensor)
        index = self._created_by.get(key)
        if index is None:   # a skimmed op's claim (tensor_numbers.claimed; out of the window: None)
            entry = self._ids.get(key)
            if entry is None or entry.made < 0:
                return None
            index = entry.made
        return self.trace.creation(index, self._source_line)

    def graph_tables(self) -> GraphTables:
        """What saved_of, origin_of, name_of and tensor_id read (graph.py's loop over Nodes)."""
        return GraphTables(self._saved, self._origins, self.trace, self._names, self._ids)

    def saved_of(self, fn: Any) -> list[tuple[str, torch.Tensor]]:
        if id(fn) in self._saved:
            return self._saved[id(fn)]
        return read_saved(fn) or []

    # ---- ProgramHooks (on_op: skimmed_ops.py, which calls _record_op for an op not skimmed) ---

    def _seen(self, node: ast.AST) -> None:
        line = getattr(node, "lineno", None)
        if line:
            self.last_line = line

    def _site(self, node: ast.AST, op: str) -> tuple:
        """(node, line, column, source line, (op, line), ghosts, count) of an op's node, cached (on_op:
        skimmed_ops.py; (op, line) is the trace's summary key of the node's first op, made once;
        ghosts: its window entries without keys, one per output size, shared by its skimmed ops;
        count: [its skimmed ops of that key not yet in the summary, OpTrace.count_site; whether its last
        skimmed result needed no grad, skimmed_ops.GRAD_FIRST])."""
        line = getattr(node, "lineno", 0) or 0
        column = (getattr(node, "col_offset", 0) or 0) + 1
        where = (op, line)
        site = (node, line, column, self._source_line(line), where, {}, self.trace.count_site(where))
        self._sites[id(node)] = site
        return site

    def _too_many_results(self, line: int, column: int) -> None:
        raise LimitExceeded(
            f"the program keeps more than {self.limits.max_ops:,} tensor results alive at once "
            f"(limit max_ops = {self.limits.max_ops:,})", line=line, column=column,
            hint="keep fewer tensors in lists, or let a loop's results go (a loop that rebinds "
                 "its variables is fine)")

    def _record_op(self, op: str, args: Sequence[Any], kwargs: Mapping[str, Any], result: Any, line: int,
                   column: int, source: str, in_function: str | None) -> None:
        """The op's record (on_op, skimmed_ops.py, after the max_ops check: an op not skimmed)."""
        inputs: list[str] = []
        input_ids: list[int | None] = []
        ids, names, local = self._ids, self._names, self._local
        shares_numpy = False
        prefix = ""
        for arg in (_arguments(args, kwargs) if kwargs else args):
            if kwargs:
                prefix, arg = arg
            if isinstance(arg, torch.Tensor):   # describe() and tensor_id(), inlined
                key = id(arg)
                entry = ids.get(key)
                number = entry.number if entry is not None else self.tensor_id(arg)
                known = names.get(key)
                text = known[0] if known else local.get(key)
                inputs.append(prefix + text if text else f"{prefix}t{number}")
                input_ids.append(number)
                continue
            kind = type(arg)
            if kind is int or kind is float or kind is bool:
                inputs.append(prefix + _clip(repr(arg)))
                input_ids.append(None)
                continue
            tensors = _tensors_in(arg)
            if tensors and (isinstance(arg, torch.Tensor) or len(tensors) == len(arg)):
                for t in tensors:
                    inputs.append(prefix + self.describe(t))
                    input_ids.append(self.tensor_id(t))
            else:
                inputs.append(prefix + _constant_text(arg))
                input_ids.append(None)
                shares_numpy = shares_numpy or isinstance(arg, np.ndarray)
        trace = self.trace
        if type(result) is _TENSOR or isinstance(result, _TENSOR):   # one output (most ops): full_records.py
            fn, view_written = _grad_fn(result)
            self._add_result(op, line, column, source, in_function, tuple(inputs), tuple(input_ids), result,
                             fn, view_written)
            if shares_numpy:   # from_numpy / as_tensor: NumPy writes this memory without telling torch
                trace.share(result)
            return
        index = trace.total
        out_tensors = _tensors_in(result)
        self._unnamed_outputs = {id(t) for t in out_tensors}
        created: list[int] | None = None
        origin_keys: list[int] | None = None
        makes_leaf = False
        out_ids: list[int] = []
        fns: list[Any] = []
        created_by, origins = trace.created_by, trace.origins
        position = 0
        for t in out_tensors:
            key = id(t)
            entry = self._result_entry(t)
            out_ids.append(entry.number)
            fn, view_written = _grad_fn(t)
            fns.append(fn)
            if key not in created_by and (entry.made < 0 or not self.claimed(key, entry)):
                created_by[key] = index
                if created is None:
                    created = [key]
                else:
                    created.append(key)
                makes_leaf = makes_leaf or (fn is None and not view_written and t.requires_grad)
            if fn is not None and id(fn) not in origins:
                origins[id(fn)] = (index, position, fn, entry if entry.weak else None)
                if origin_keys is None:
                    origin_keys = [id(fn)]
                else:
                    origin_keys.append(id(fn))
            position += 1
        trace.add((index, op, line, column, source, tuple(inputs), tuple(input_ids)),
                  in_function, out_tensors, out_ids, fns, created, origin_keys, makes_leaf)
        if shares_numpy:   # from_numpy / as_tensor: NumPy writes this memory without telling torch
            for t in out_tensors:
                self.trace.share(t)

    def on_jacobian(self, interp: Any, func: Any, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.engine.jacobian_call import run_jacobian

        self.stop_skimming()   # its record is built from the run's recorded ops
        return run_jacobian(self, interp, func, args, kwargs, node)

    def on_print(self, text: str) -> None:
        self.printed.append(text)

    def _source_line(self, line: int) -> str:
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""
