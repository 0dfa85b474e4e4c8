"""The Report: everything one run of a program produced, as plain picklable data.

This module is the contract between the engine (which runs in a sandbox worker and fills it), the
renderers, the CLI's JSON and the Streamlit pages. It holds numbers, strings and numpy arrays only:
never tensors, never user objects. It must not import torch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab import error_keys
from autogradlab.scalar_text import _fmt_item, _fmt_number

if TYPE_CHECKING:
    from autogradlab.step_records import StepTrace

# Error kinds, shown to users and written into the CLI JSON.
ERROR_KINDS = (
    "syntax",       # the text is not valid Python
    "unsupported",  # valid Python, but outside Autograd Lab's language (names the construct)
    "name",         # a name that is not defined
    "type",         # wrong kind of value or argument
    "value",        # right kind, bad value (e.g. dimension out of range)
    "index",        # index out of range
    "shape",        # shapes do not fit together (mm, cat, broadcasting)
    "autograd",     # backward twice, non-scalar backward, in-place on a leaf, ...
    "limit",        # a named resource limit was reached (size, steps, loops, nesting)
    "timeout",      # the wall-time limit of the worker
    "memory",       # the memory limit of the worker
    "crash",        # the worker process died
    "internal",     # a bug in Autograd Lab itself
    "busy",         # not run: the server is full, or a newer run of the same session replaced it
)


@dataclass(frozen=True)
class ErrorInfo:
    kind: str
    message: str                 # plain words, no traceback
    line: int | None = None      # 1-based line in the user's source
    column: int | None = None    # 1-based column
    hint: str | None = None      # e.g. "write 2*x, not 2x"
    retry_after_s: float | None = None  # "busy" only: the server is full; trying again then may succeed
    # The message and hint as catalogue keys with their parameters (autogradlab/messages, area
    # `errors`), so the page can show them in the session's language; None: show the text as is.
    # Filled in from the English wording when not given (autogradlab/error_keys.py).
    key: str | None = None
    params: tuple[tuple[str, str], ...] = ()
    hint_key: str | None = None
    hint_params: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.key is None:
            key, params = error_keys.recognise(self.message)
            object.__setattr__(self, "key", key)
            object.__setattr__(self, "params", params)
        if self.hint_key is None:
            key, params = error_keys.recognise(self.hint, error_keys.HINTS)
            object.__setattr__(self, "hint_key", key)
            object.__setattr__(self, "hint_params", params)


@dataclass(frozen=True)
class TensorValue:
    """A tensor variable at the end of the run (what the variables table and CLI JSON show)."""

    shape: tuple[int, ...]
    dtype: str                   # torch's name without "torch.": "float32"
    value: np.ndarray            # full values
    requires_grad: bool
    grad: np.ndarray | None      # exactly PyTorch's .grad (None for a non-leaf without retain_grad)
    grad_fn: str | None          # "MulBackward0"
    is_leaf: bool
    text: str                    # repr, exactly as print() shows it
    kind: str = "tensor"


@dataclass(frozen=True)
class PlainValue:
    """A non-tensor value.

    kind: "number" (int/float/complex), "bool", "string", "none", "dtype", "function",
    "array" (a numpy array; value is an np.ndarray), "set" (value is None; text is how the program
    prints it), "object" (anything else; value is None, or the class name of an object of the
    program's classes, `list` for a list of them: text is then Python's repr of it).
    """

    kind: str
    value: object
    text: str                    # repr/str as Python would display it


@dataclass(frozen=True)
class SequenceValue:
    """A tuple, list or torch.Size."""

    items: tuple[Value, ...]
    text: str
    type_name: str = "tuple"     # "tuple" | "list" | "Size"
    kind: str = "sequence"
    truncated: bool = False      # True when only the first items are kept (the value is huge)


Value = TensorValue | PlainValue | SequenceValue


@dataclass(frozen=True)
class TensorSnapshot:
    """A tensor as it was at one moment (an op's result, a graph node's value or gradient)."""

    id: int                      # engine tensor id, in creation order (t0, t1, ...)
    shape: tuple[int, ...]
    dtype: str
    value: np.ndarray | None     # full values when small enough, else None
    summary: str                 # short label text: "28.", "[0., 4., 8., 12.]", "mean 0.3 (10000 values)"
    requires_grad: bool = False
    grad_fn: str | None = None

    # A graph's 0-dim snapshot may be lazy (issue 9: a 500-step loop's graph has ~3,000, a page reads
    # a few): its instance dict holds LAZY_NUMBER (the tensor's item()) instead of value and summary,
    # which are made from it when first read, as values.scalar_snapshot makes them, and the dict then
    # becomes the eager one (same fields, same order: equal, printed and pickled as eager ones).

    def __getattr__(self, name: str) -> Any:   # only called for a name the instance dict lacks
        if name in _LAZY_FIELDS:   # (another thread may have made it eager since the lookup missed)
            fields = _made_eager(self) if LAZY_NUMBER in self.__dict__ else self.__dict__
            if name in fields:
                return fields[name]
        raise AttributeError(name)

    def __getstate__(self) -> dict[str, Any]:
        fields = self.__dict__
        return _made_eager(self) if LAZY_NUMBER in fields else fields


LAZY_NUMBER = "_number"
_EAGER = object()   # (_made_eager: no lazy number in the dict)
_LAZY_FIELDS = frozenset({"value", "summary"})
# dtype name -> numpy dtype of the 0-dim snapshots that may be lazy (values._SCALAR_DTYPES' dtypes)
LAZY_DTYPES: dict[str, np.dtype] = {
    name: np.dtype(name) for name in ("float32", "float64", "int64", "int32", "bool")}


def _made_eager(snap: TensorSnapshot) -> dict[str, Any]:
    """A lazy snapshot's eager instance dict, set in one step (a page thread reading the snapshot
    meanwhile sees the lazy dict or this one, never a half-made one)."""
    lazy = snap.__dict__
    number = lazy.get(LAZY_NUMBER, _EAGER)
    if number is _EAGER:   # another thread made it eager meanwhile: its dict is the eager one
        return lazy
    fields = {"id": lazy["id"], "shape": lazy["shape"], "dtype": lazy["dtype"],
              "value": np.array(number, dtype=LAZY_DTYPES[lazy["dtype"]]),
              "summary": _fmt_item(number) if type(number) is float else _fmt_number(number),
              "requires_grad": lazy["requires_grad"], "grad_fn": lazy["grad_fn"]}
    object.__setattr__(snap, "__dict__", fields)
    return fields


@dataclass(frozen=True)
class OpRecord:
    """One tensor-producing operation, in execution order."""

    index: int
    op: str                      # forward op name: "dot", "mul", "add", "getitem", "setitem", "sum", ...
    line: int
    column: int
    source: str                  # the text of that source line
    inputs: tuple[str, ...]      # descriptions of the arguments: variable names, "t3", constants
    input_ids: tuple[int | None, ...]  # tensor ids of the arguments (None for non-tensors)
    outputs: tuple[TensorSnapshot, ...]
    var: str | None = None       # variable the result was assigned to, if any
    in_function: str | None = None  # name of the user function / lambda it ran in, if any


@dataclass(frozen=True)
class GraphNode:
    id: str                      # "n0", "n1", ... in topological order, inputs before consumers
    kind: str                    # "leaf" | "op" | "saved" | "output"
    label: str                   # leaf/output: variable name; op: forward op ("dot"); saved: "self"
    var: str | None = None       # program variable bound to this node's tensor
    op: str | None = None        # forward op name for "op" nodes
    grad_fn: str | None = None   # PyTorch node class: "MulBackward0", "AccumulateGrad"
    shape: tuple[int, ...] | None = None
    dtype: str | None = None
    value: TensorSnapshot | None = None  # forward value
    grad: TensorSnapshot | None = None   # d output / d this node's value; None = not computed yet
    line: int | None = None
    source: str | None = None
    op_index: int | None = None  # OpRecord.index of the op in Report.ops (a window of the last ops)
    saved_name: str | None = None  # "_saved_self", ... for saved tensors


@dataclass(frozen=True)
class Graph:
    nodes: tuple[GraphNode, ...]
    edges: tuple[tuple[str, str], ...]   # (from, to) in data-flow direction: input -> consumer
    output: str | None                   # variable name of the output tensor
    output_node: str | None              # id of the "output" node
    backward_done: bool                  # True once a backward() reached this output's graph
    output_label: str | None = None      # the output's name, or its program text (`y.sum()`)

    def node(self, node_id: str) -> GraphNode:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    @property
    def grads_missing(self) -> bool:
        """A backward() reached this graph but none of its gradients were recorded (a long loop's
        skimmed backward, when the run stopped before its recorded last passes: notes say so)."""
        return self.backward_done and all(n.grad is None for n in self.nodes)


@dataclass(frozen=True)
class Displayed:
    """The value of a bare expression statement, as a notebook would show it (not printed)."""

    line: int
    text: str


@dataclass(frozen=True)
class BackwardCall:
    line: int
    tensor_id: int
    var: str | None
    with_gradient: bool
    text: str | None = None              # program text of the tensor: `y.sum()`


@dataclass(frozen=True)
class GradReturn:
    """One torch.autograd.grad call: the input each returned gradient belongs to (engine/grad_returns.py)."""

    op_index: int                        # OpRecord.index of the call; its outputs are the gradients
    line: int
    input_ids: tuple[int, ...]           # tensor id of each returned gradient's input, in order


@dataclass(frozen=True)
class Report:
    source: str
    ok: bool
    seed: int
    output: str | None                       # name of the output variable (see engine docs)
    candidates: tuple[str, ...]              # variables the user may pick as output
    variables: dict[str, Value]              # every variable at the end, in first-assignment order
    printed: str                             # exactly what print() wrote
    displayed: tuple[Displayed, ...] = ()
    graph: Graph | None = None
    ops: tuple[OpRecord, ...] = ()
    backward_calls: tuple[BackwardCall, ...] = ()
    timing_ms: float = 0.0
    error: ErrorInfo | None = None
    torchviz_dot: str | None = None          # torchviz.make_dot source, made in the worker
    torchviz_error: str | None = None        # why torchviz failed, if it did
    notes: tuple[str, ...] = field(default_factory=tuple)  # non-fatal remarks ("graph has 3,000 nodes")
    steps: StepTrace | None = None           # forward/reverse/tangent steps, when the run asked for them
    jacobians: tuple = ()                    # report_jacobian.JacobianRecord per jacobian() call, then dY/dX,
                                             # then per torch.func call drawn (report_jacobian.drawn)
    jacobian_notes: tuple[str, ...] = ()     # Jacobian makers not drawn (engine/func_jacobian_call.py)
    grad_returns: tuple[GradReturn, ...] = ()   # the latest torch.autograd.grad calls (not in the CLI's JSON)
