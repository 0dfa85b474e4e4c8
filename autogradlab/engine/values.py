"""Python and torch values -> the plain data of report.Value and report.TensorSnapshot.

Workers hand Reports to the UI process, which never imports torch, so every tensor is turned into
numpy arrays and short texts here. Texts never show memory addresses: they would change every run
and tell a hostile program where things live.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import torch

from autogradlab import messages
from autogradlab.engine.fast_records import tensor_snapshot
from autogradlab.lang.numpy_strings import StringArray
from autogradlab.lang.tensor_counts import MAX_SHOWN_DIMS, refuse_dims
from autogradlab.lang.tensor_text import tensor_repr
from autogradlab.report import LAZY_NUMBER, TensorSnapshot
from autogradlab.scalar_text import _fmt_float, _fmt_item, _fmt_number  # noqa: F401  (re-exported)

SNAPSHOT_MAX_ELEMENTS = 10_000  # above this a snapshot keeps only its summary
SUMMARY_MAX_CHARS = 40
VECTOR_SUMMARY_MAX_ELEMENTS = 100  # longer vectors are summarised by mean/min/max
MAX_SEQUENCE_DEPTH = 20         # deeper nested lists are shown as text only
MAX_SEQUENCE_ITEMS = 10_000     # values kept of one (nested) list; a list may share one inner list
TEXT_MAX_WEIGHT = MAX_SEQUENCE_ITEMS  # a repr the report makes of one program value (see sequence_weight)
# Budgets of one Report, so a few aliases of a big tensor cannot make it (or the CLI's JSON) huge:
REPORT_MAX_TENSOR_ELEMENTS = 20_000_000  # full tensor/array values + grads, counted per place shown
REPORT_MAX_ITEMS = 200_000      # list items and string/tensor text units kept over all variables
MAX_OMITTED_NOTES = 10          # notes naming tensors whose values the report left out

_new = object.__new__
_set = object.__setattr__
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def without_addresses(text: str) -> str:
    """`<MulBackward0 object at 0x7f..>` -> `<MulBackward0 object>`."""
    return _ADDRESS.sub("", text)


def safe_repr(obj: Any) -> str:
    """repr as the REPL shows it, minus addresses; never raises (deep lists hit RecursionError).
    A plain tensor's text is made by tensor_text.tensor_repr (torch's text, made faster)."""
    try:
        if type(obj) is torch.Tensor:
            text = tensor_repr(obj)
            if text is not None:
                return text
        return without_addresses(repr(obj))
    except RecursionError:
        return "[...]"
    except Exception:  # a value whose repr fails is shown by its type only
        return f"<{type(obj).__name__}>"


_DTYPE_NAMES: dict[torch.dtype, str] = {}


def dtype_name(dtype: torch.dtype) -> str:
    name = _DTYPE_NAMES.get(dtype)
    if name is None:
        name = _DTYPE_NAMES[dtype] = str(dtype).removeprefix("torch.")
    return name


def to_numpy(tensor: torch.Tensor, detached: bool = False, copy: bool = True) -> np.ndarray:
    """A full, independent numpy copy (complex stays complex, bool/int keep their dtype).
    detached: `tensor` has no autograd graph already (an op record's held output). copy=False:
    the array may share the tensor's memory (read at once and dropped: a big tensor's summary)."""
    t = tensor if detached else tensor.detach()
    if t.dim() > MAX_SHOWN_DIMS:   # NumPy's most: view ops (70 x unsqueeze) skip the size count's check
        refuse_dims(t.dim())
    if t.is_conj() or t.is_neg():
        t = t.resolve_conj().resolve_neg()
    if t._is_zerotensor():   # forward mode's zero tangent of a constant, saved in jacobian's graph: no memory
        t = torch.zeros(t.shape, dtype=t.dtype)
    try:
        arr = t.numpy()
    except TypeError:  # bfloat16, complex32, float8: no numpy dtype, so widen first
        return t.to(torch.complex64 if t.is_complex() else torch.float32).numpy().copy()
    return arr.copy() if copy else arr


# ---- short summaries for graph labels -------------------------------------------------------

def _fmt_vector(values: list[Any], budget: int, fmt: Any = _fmt_number) -> str:
    """"[a, b, c]" if it fits in `budget` characters, else the elements that fit and ", …]".
    `fmt` formats one element (_fmt_float when every element is a float)."""
    if len(values) <= budget // 3:
        whole = "[" + ", ".join(map(fmt, values)) + "]"
        if len(whole) <= budget:
            return whole
    first = fmt(values[0])
    parts = [first]
    size = len(first) + 5       # len("[" + ", ".join(parts) + ", …]")
    for v in values[1:]:
        text = fmt(v)
        size += len(text) + 2
        if size > budget:
            break
        parts.append(text)
    return "[" + ", ".join(parts) + ", …]"


def _fmt_stats(arr: np.ndarray) -> str:
    if arr.dtype.kind == "c":
        return messages.text("en", "render.complex_values", count=f"{arr.size:,}")
    a = arr.astype(np.float64).ravel()
    with np.errstate(over="ignore", invalid="ignore"):   # inf + -inf: the masked path below
        total = np.add.reduce(a)
    if math.isfinite(total):   # then every element is finite: no masked copy (mean() is this sum / n)
        low, high = float(a.min()), float(a.max())
        return messages.text("en", "render.stats", mean=_fmt_mean(float(total / a.size), low, high),
                             min=_fmt_number(low), max=_fmt_number(high))
    finite = a[np.isfinite(a)]
    if finite.size == 0:
        return messages.text("en", "render.none_finite", count=f"{arr.size:,}")
    low, high = float(finite.min()), float(finite.max())
    return messages.text("en", "render.stats", mean=_fmt_mean(float(finite.mean()), low, high),
                         min=_fmt_number(low), max=_fmt_number(high))


def _fmt_mean(mean: float, low: float, high: float) -> str:
    """The mean with min and max's 4 significant digits, so it reads inside [min, max] (rounded to 2
    decimals, a gradient of 1/256 everywhere read "mean 0., min 0.003906, max 0.003906"); a mean that is
    rounding noise next to the values (|mean| < 1e-6 of the largest) reads 0."""
    if abs(mean) < 1e-6 * max(abs(low), abs(high)):
        return "0."
    return _fmt_number(float(f"{min(max(mean, low), high):.4g}"))   # 4 digits first: 1.0000000000000002 is 1.


def summarize(arr: np.ndarray) -> str:
    """A short label text: "28.", "[0., 4., 8., 12.]", "[[1., 2.], [3., 4.]]" or stats."""
    if arr.size == 0:
        return "[]"
    if arr.ndim == 0:
        return _fmt_number(arr.item())
    if arr.ndim == 1 and arr.size <= VECTOR_SUMMARY_MAX_ELEMENTS:   # only the elements that can fit
        return _fmt_vector(arr[:SUMMARY_MAX_CHARS // 3 + 1].tolist(), SUMMARY_MAX_CHARS,
                           _fmt_float if arr.dtype.kind == "f" else _fmt_number)
    if arr.ndim == 2 and arr.size <= 16:
        rows = "[" + ", ".join(_fmt_vector(row, 10_000) for row in arr.tolist()) + "]"
        if len(rows) <= SUMMARY_MAX_CHARS:
            return rows
    return _fmt_stats(arr)


_SCALAR_DTYPES: dict[torch.dtype, Any] = {torch.float32: np.float32, torch.float64: np.float64,
                                          torch.int64: np.int64, torch.int32: np.int32, torch.bool: np.bool_}


def snapshot(tensor: torch.Tensor, tensor_id: int) -> TensorSnapshot:
    """The tensor as it is now; full values only when small (labels need the summary only)."""
    grad_fn = tensor.grad_fn
    return snapshot_as(tensor, tensor_id, tensor.requires_grad,
                       type(grad_fn).__name__ if grad_fn is not None else None)


def scalar_snapshot(value: Any, dtype: torch.dtype, np_dtype: Any, tensor_id: int, requires_grad: bool,
                    grad_fn: str | None) -> TensorSnapshot:
    """The snapshot of a 0-dim tensor of `dtype` (a key of _SCALAR_DTYPES) whose item() is `value`.

    `value` is then exactly what the array's item() gives back, so it is formatted as it is: a lazy
    snapshot (report.py) makes the array and the text of it when they are first read."""
    snap = _new(TensorSnapshot)
    _set(snap, "__dict__", {"id": tensor_id, "shape": (), "dtype": dtype_name(dtype),
                            "requires_grad": requires_grad, "grad_fn": grad_fn, LAZY_NUMBER: value})
    return snap


def snapshot_as(tensor: torch.Tensor, tensor_id: int, requires_grad: bool,
                grad_fn: str | None, detached: bool = False) -> TensorSnapshot:
    """snapshot() with the autograd facts given (an op record's, from when the op ran).
    detached: `tensor` has no autograd graph (to_numpy)."""
    dtype = tensor.dtype
    np_dtype = _SCALAR_DTYPES.get(dtype)
    if np_dtype is not None and not tensor.dim() and tensor.layout is torch.strided \
            and not tensor.is_neg():   # a scalar of a long chain: its number, without a copy
        value = tensor.item()   # (scalar_snapshot, inlined: a graph makes thousands of these)
        return tensor_snapshot(tensor_id, (), dtype_name(dtype), np.array(value, dtype=np_dtype),
                               _fmt_item(value) if type(value) is float else _fmt_number(value),
                               requires_grad, grad_fn)
    if tensor.numel() > SNAPSHOT_MAX_ELEMENTS:   # only the summary is kept: no copy of the values
        return tensor_snapshot(tensor_id, tuple(tensor.shape), dtype_name(dtype), None,
                               summarize(to_numpy(tensor, detached, copy=False)), requires_grad, grad_fn)
    arr = to_numpy(tensor, detached)
    return tensor_snapshot(tensor_id, tuple(arr.shape), dtype_name(dtype), arr, summarize(arr), requires_grad,
                           grad_fn)


def plain_copy(array: np.ndarray) -> np.ndarray:
    """A copy the report can carry: a plain ndarray (a np.recarray's records as np.void, which the app's
    restricted unpickler accepts; lang/numpy_records.py)."""
    copy = np.array(array, subok=False)
    if copy.dtype.type is np.record:
        copy = copy.view(np.dtype((np.void, copy.dtype)))
    return copy


def _as_array(obj: Any) -> np.ndarray | None:
    """The numpy array inside the interpreter's array wrapper (or a bare ndarray).

    Only the instance dict is read, so no property of an unknown object runs here."""
    if isinstance(obj, np.ndarray):
        return obj
    if isinstance(obj, StringArray):   # np.array(['a', 'b']): a '<U' array, kept in a slot (session 38)
        return obj.array
    fields = getattr(obj, "__dict__", None)
    if isinstance(fields, dict):
        for attr in ("array", "_array", "value", "data"):
            if isinstance(fields.get(attr), np.ndarray):
                return fields[attr]
    return None
