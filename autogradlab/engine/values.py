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

from autogradlab.lang.safe_values import SafeFunction, SafeNumpyDtype, UserFunction
from autogradlab.report import PlainValue, SequenceValue, TensorSnapshot, TensorValue, Value

SNAPSHOT_MAX_ELEMENTS = 10_000  # above this a snapshot keeps only its summary
SUMMARY_MAX_CHARS = 40
VECTOR_SUMMARY_MAX_ELEMENTS = 100  # longer vectors are summarised by mean/min/max
MAX_SEQUENCE_DEPTH = 20         # deeper nested lists are shown as text only
MAX_SEQUENCE_ITEMS = 10_000     # values kept of one (nested) list; a list may share one inner list

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def without_addresses(text: str) -> str:
    """`<MulBackward0 object at 0x7f..>` -> `<MulBackward0 object>`."""
    return _ADDRESS.sub("", text)


def safe_repr(obj: Any) -> str:
    """repr as the REPL shows it, minus addresses; never raises (deep lists hit RecursionError)."""
    try:
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


def to_numpy(tensor: torch.Tensor) -> np.ndarray:
    """A full, independent numpy copy (complex stays complex, bool/int keep their dtype)."""
    t = tensor.detach()
    if t.is_conj() or t.is_neg():
        t = t.resolve_conj().resolve_neg()
    try:
        return t.numpy().copy()
    except TypeError:  # bfloat16, complex32, float8: no numpy dtype, so widen first
        return t.to(torch.complex64 if t.is_complex() else torch.float32).numpy().copy()


# ---- short summaries for graph labels -------------------------------------------------------

def _fmt_number(v: Any) -> str:
    """One element as torch prints it, roughly: 28. / 0.5 / 3 / True / 1.+2.j (Python scalars)."""
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, complex):
        sign = "+" if v.imag >= 0 else "-"
        return f"{_fmt_number(v.real)}{sign}{_fmt_number(abs(v.imag))}j"
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v.is_integer() and abs(v) < 1e8:
        return f"{int(v)}."
    return f"{v:.4g}"


def _fmt_vector(values: list[Any], budget: int) -> str:
    if len(values) <= budget // 3:
        whole = "[" + ", ".join(map(_fmt_number, values)) + "]"
        if len(whole) <= budget:
            return whole
    parts = [_fmt_number(values[0])]
    for v in values[1:]:
        parts.append(_fmt_number(v))
        if len("[" + ", ".join(parts) + ", …]") > budget:
            parts.pop()
            break
    return "[" + ", ".join(parts) + ", …]"


def _fmt_stats(arr: np.ndarray) -> str:
    if arr.dtype.kind == "c":
        return f"{arr.size:,} complex values"
    a = arr.astype(np.float64)
    finite = a[np.isfinite(a)]
    if finite.size == 0:
        return f"{arr.size:,} values, none finite"
    return (f"mean {_fmt_number(round(float(finite.mean()), 2))}, "
            f"min {_fmt_number(float(finite.min()))}, max {_fmt_number(float(finite.max()))}")


def summarize(arr: np.ndarray) -> str:
    """A short label text: "28.", "[0., 4., 8., 12.]", "[[1., 2.], [3., 4.]]" or stats."""
    if arr.size == 0:
        return "[]"
    if arr.ndim == 0:
        return _fmt_number(arr.item())
    if arr.ndim == 1 and arr.size <= VECTOR_SUMMARY_MAX_ELEMENTS:
        return _fmt_vector(arr[:SUMMARY_MAX_CHARS // 3 + 1].tolist(), SUMMARY_MAX_CHARS)
    if arr.ndim == 2 and arr.size <= 16:
        rows = "[" + ", ".join(_fmt_vector(row, 10_000) for row in arr.tolist()) + "]"
        if len(rows) <= SUMMARY_MAX_CHARS:
            return rows
    return _fmt_stats(arr)


def snapshot(tensor: torch.Tensor, tensor_id: int) -> TensorSnapshot:
    """The tensor as it is now; full values only when small (labels need the summary only)."""
    arr = to_numpy(tensor)
    summary = summarize(arr)
    if arr.size > SNAPSHOT_MAX_ELEMENTS:
        arr = None
    grad_fn = tensor.grad_fn
    return TensorSnapshot(tensor_id, tuple(arr.shape) if arr is not None else tuple(tensor.shape),
                          dtype_name(tensor.dtype), arr, summary, requires_grad=tensor.requires_grad,
                          grad_fn=type(grad_fn).__name__ if grad_fn is not None else None)


# ---- variables and displayed values ---------------------------------------------------------

def tensor_value(tensor: torch.Tensor) -> TensorValue:
    grad = tensor.grad if tensor.is_leaf else _retained_grad(tensor)
    return TensorValue(
        shape=tuple(int(s) for s in tensor.shape),
        dtype=dtype_name(tensor.dtype),
        value=to_numpy(tensor),
        requires_grad=bool(tensor.requires_grad),
        grad=to_numpy(grad) if grad is not None else None,
        grad_fn=type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else None,
        is_leaf=bool(tensor.is_leaf),
        text=safe_repr(tensor),
    )


def _retained_grad(tensor: torch.Tensor) -> torch.Tensor | None:
    """.grad of a non-leaf is None unless retain_grad() was called; reading it then warns, so
    ask first instead of reading blindly."""
    return tensor.grad if tensor.retains_grad else None


def _as_array(obj: Any) -> np.ndarray | None:
    """The numpy array inside the interpreter's array wrapper (or a bare ndarray).

    Only the instance dict is read, so no property of an unknown object runs here."""
    if isinstance(obj, np.ndarray):
        return obj
    fields = getattr(obj, "__dict__", None)
    if isinstance(fields, dict):
        for attr in ("array", "_array", "value", "data"):
            if isinstance(fields.get(attr), np.ndarray):
                return fields[attr]
    return None


def sequence_weight(obj: Any, cap: int, memo: dict[int, int] | None = None, depth: int = 0) -> int:
    """Leaf values inside a (nested) list or tuple, counting shared inner lists each time they
    appear (as repr would); stops counting once above cap, so it never walks a huge value."""
    if not isinstance(obj, (tuple, list)) or depth >= MAX_SEQUENCE_DEPTH:
        return 1
    memo = {} if memo is None else memo
    key = id(obj)
    if key not in memo:
        total = 0
        for item in obj:
            total += sequence_weight(item, cap, memo, depth + 1)
            if total > cap:
                break
        memo[key] = total
    return memo[key]


def _sequence_value(obj: tuple | list, depth: int) -> Value:
    if depth >= MAX_SEQUENCE_DEPTH:
        return PlainValue("object", None, safe_repr(obj))
    type_name = "Size" if isinstance(obj, torch.Size) else "list" if isinstance(obj, list) else "tuple"
    if depth > 0 or sequence_weight(obj, MAX_SEQUENCE_ITEMS) <= MAX_SEQUENCE_ITEMS:
        return SequenceValue(tuple(to_value(item, depth + 1) for item in obj), safe_repr(obj), type_name)
    # Too big to copy whole: keep the first items that fit, and say so.
    kept: list[Value] = []
    used = 0
    memo: dict[int, int] = {}
    for item in obj:
        used += sequence_weight(item, MAX_SEQUENCE_ITEMS, memo)
        if used > MAX_SEQUENCE_ITEMS:
            break
        kept.append(to_value(item, depth + 1))
    text = (f"<{type_name} of {len(obj):,} items holding more than {MAX_SEQUENCE_ITEMS:,} values: "
            f"too large to show; the first {len(kept):,} items are kept>")
    return SequenceValue(tuple(kept), text, type_name, truncated=True)


def to_value(obj: Any, _depth: int = 0) -> Value:
    """Any value a program can hold -> report.Value (plain data, no addresses)."""
    if isinstance(obj, torch.Tensor):
        return tensor_value(obj)
    if obj is None:
        return PlainValue("none", None, "None")
    if isinstance(obj, (bool, np.bool_)):
        return PlainValue("bool", bool(obj), repr(bool(obj)))
    if isinstance(obj, (int, float, complex)):
        return PlainValue("number", obj, safe_repr(obj))
    if isinstance(obj, str):
        return PlainValue("string", obj, safe_repr(obj))
    if isinstance(obj, torch.dtype):
        return PlainValue("dtype", dtype_name(obj), str(obj))
    if isinstance(obj, (tuple, list)):
        return _sequence_value(obj, _depth)
    arr = _as_array(obj)
    if arr is not None:
        text = safe_repr(obj)
        if text.startswith("<"):  # a wrapper without its own repr
            text = safe_repr(arr)
        return PlainValue("array", arr.copy(), text)
    if isinstance(obj, (np.integer, np.floating, np.complexfloating)):
        return PlainValue("number", obj.item(), safe_repr(obj))
    if isinstance(obj, SafeNumpyDtype):
        return PlainValue("dtype", obj.text, safe_repr(obj))
    if isinstance(obj, (UserFunction, SafeFunction)):
        return PlainValue("function", None, safe_repr(obj))
    return PlainValue("object", None, safe_repr(obj))
