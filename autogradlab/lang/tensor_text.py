"""torch's own repr of a plain tensor, made from one NumPy copy of its values (issue 9).

print(x), str(x) and repr(x) of a program (builtin_arguments.text_of) and the report's text of every
tensor variable (engine/values.py) are made here: PyTorch's text. torch._tensor_str builds that text
from a 0-dim tensor per element (each formatted through Tensor.__format__) and a dozen small torch
ops per tensor: ~0.7 ms for a scalar, ~1.7 ms for a 100-vector, ~15 ms for a 1,000-row column,
often the larger part of a short loop program's report. tensor_repr follows torch._tensor_str
step by step (the same Python float formatting of the same values, the same widths, line breaks,
summaries and suffixes) for the common case only: a plain dense CPU tensor of float32, float64,
int64, int32 or bool, torch's default print options and default dtype, no forward-mode tangent.
For anything else it returns None and the caller asks torch (test_tensor_text.py compares the two
on many tensors).
"""

from __future__ import annotations

import math

import numpy as np
import torch
import torch._tensor_str as _torch_str
from torch.autograd import forward_ad

from autogradlab.lang.tensor_cells import cells_text

_KINDS = {torch.float32: "f", torch.float64: "f", torch.int64: "i", torch.int32: "i", torch.bool: "b"}
_SUFFIX_FREE = (torch.float32, torch.int64, torch.bool)   # torch's defaults: no dtype= suffix
_DEFAULTS = (4, 1000, 3, 80, None)                        # precision, threshold, edgeitems, linewidth, sci
_EDGE = 3
_LINEWIDTH = 80
_THRESHOLD = 1000
_INDENT = len("tensor(")


def _options_are_default() -> bool:
    o = _torch_str.PRINT_OPTS
    return (o.precision, o.threshold, o.edgeitems, o.linewidth, o.sci_mode) == _DEFAULTS


def tensor_repr(tensor: torch.Tensor) -> str | None:
    """repr(tensor), or None when this is not the common case (then ask torch)."""
    if type(tensor) is not torch.Tensor:
        return None
    kind = _KINDS.get(tensor.dtype)
    if (kind is None or tensor.layout is not torch.strided or tensor.device.type != "cpu"
            or tensor.is_nested or tensor.is_quantized or tensor.is_meta or not tensor.numel()
            or forward_ad._current_level >= 0 or torch.get_default_dtype() is not torch.float32
            or torch._C._get_default_device() != "cpu" or not _options_are_default()
            or torch._C._functorch.is_functorch_wrapped_tensor(tensor)
            or torch._is_functional_tensor(tensor) or torch._C._has_torch_function_unary(tensor)):
        return None
    grad_fn = tensor.grad_fn
    grad_fn_name = type(grad_fn).__name__ if grad_fn is not None else None
    if grad_fn_name == "CppFunction":
        return None
    data = tensor.detach()
    if data.is_neg():
        data = data.resolve_neg()
    arr = data.numpy()
    summarize = arr.size > _THRESHOLD
    shown = _summarized(arr) if summarize else arr
    if 1 <= arr.ndim <= 2:   # every element shown formatted once (tensor_cells.py; a scalar: one anyway)
        cells, width = _cells(shown, kind)
        text = "tensor(" + cells_text(arr.shape, cells, width, summarize, _INDENT, _LINEWIDTH)
    else:
        fmt, width = _formatter(shown, kind)
        text = "tensor(" + _text(arr, _INDENT, summarize, fmt, width)
    suffixes = []
    if tensor.dtype not in _SUFFIX_FREE:
        suffixes.append(f"dtype={tensor.dtype}")
    if grad_fn_name is not None:
        suffixes.append(f"grad_fn=<{grad_fn_name}>")
    elif tensor.requires_grad:
        suffixes.append("requires_grad=True")
    return _add_suffixes(text, suffixes)


def _summarized(arr: np.ndarray) -> np.ndarray:
    """get_summarized_data: the first and last EDGE items along every longer axis."""
    if arr.ndim == 0:
        return arr
    keep = [list(range(_EDGE)) + list(range(n - _EDGE, n)) if n > 2 * _EDGE else list(range(n))
            for n in arr.shape]
    return arr[np.ix_(*keep)]


def _formatter(arr: np.ndarray, kind: str):
    """torch's _Formatter: (format one Python value, the width every element is padded to)."""
    flat = arr.reshape(-1)
    if kind != "f":
        width = max(1, max(len(f"{v}") for v in flat.tolist()))
        return (lambda v: f"{v}"), width
    vals = flat[np.isfinite(flat) & (flat != 0)]
    if not vals.size:
        return _int_format, 1
    absolute = np.abs(vals).astype(np.float64)
    low, high = float(absolute.min()), float(absolute.max())
    int_mode = bool(np.all(vals == np.ceil(vals)))
    sci = high / low > 1000.0 or high > 1.0e8 or low < 1.0e-4
    values = vals.tolist()
    if sci:
        width = max(1, max(len(f"{v:.4e}") for v in values))
        return (lambda v: f"{v:{width}.4e}"), width
    if int_mode:
        return _int_format, max(1, max(len(f"{v:.0f}") + 1 for v in values))
    return (lambda v: f"{v:.4f}"), max(1, max(len(f"{v:.4f}") for v in values))


def _cells(shown: np.ndarray, kind: str) -> tuple[list[str], int]:
    """Every element of `shown` (the summarized data when torch summarizes) as _formatter's format
    pads it, in row-major order, and _formatter's width; each element is formatted once (issue 9:
    _formatter formatted every value for the width and again for the text, through two Python
    calls per element)."""
    flat = shown.reshape(-1)
    values = flat.tolist()
    if kind != "f":
        texts = [f"{v}" for v in values]
        width = max(1, max(map(len, texts)))
        return [t.rjust(width) for t in texts], width
    keep = np.isfinite(flat) & (flat != 0)
    vals = flat[keep]
    if not vals.size:
        return [_int_format(v) for v in values], 1   # (width 1: never padded)
    absolute = np.abs(vals).astype(np.float64)
    low, high = float(absolute.min()), float(absolute.max())
    if high / low > 1000.0 or high > 1.0e8 or low < 1.0e-4:
        texts = [f"{v:.4e}" for v in values]
    elif bool(np.all(vals == np.ceil(vals))):
        texts = [_int_format(v) for v in values]
    else:
        texts = [f"{v:.4f}" for v in values]
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    width = max(1, int(lengths[keep].max()))   # the width of the finite nonzero values only
    return [t.rjust(width) for t in texts], width


def _int_format(v: float) -> str:
    text = f"{v:.0f}"
    return text if math.isinf(v) or math.isnan(v) else text + "."


def _text(arr: np.ndarray, indent: int, summarize: bool, fmt, width: int) -> str:
    """_tensor_str_with_formatter."""
    def pad(v) -> str:
        s = fmt(v)
        return (width - len(s)) * " " + s

    dim = arr.ndim
    if dim == 0:
        return pad(arr.item())
    if dim == 1:
        n = arr.shape[0]
        if summarize and n > 2 * _EDGE:
            data = [pad(v) for v in arr[:_EDGE].tolist()] + [" ..."] + [pad(v) for v in arr[-_EDGE:].tolist()]
        else:
            data = [pad(v) for v in arr.tolist()]
        per_line = max(1, math.floor((_LINEWIDTH - indent) / (width + 2)))
        lines = [", ".join(data[i:i + per_line]) for i in range(0, len(data), per_line)]
        return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"
    n = arr.shape[0]
    if dim == 2:   # rows as vectors, read in one tolist() (a 1,000-row column: 1,000 small arrays)
        return _matrix_text(arr, indent, summarize, pad, width)
    if summarize and n > 2 * _EDGE:
        slices = ([_text(arr[i], indent + 1, summarize, fmt, width) for i in range(_EDGE)] + ["..."]
                  + [_text(arr[i], indent + 1, summarize, fmt, width) for i in range(n - _EDGE, n)])
    else:
        slices = [_text(arr[i], indent + 1, summarize, fmt, width) for i in range(n)]
    return "[" + ("," + "\n" * (dim - 1) + " " * (indent + 1)).join(slices) + "]"


def _vector_lines(values: list, indent: int, cut: bool, pad, width: int) -> str:
    """_text of one row (`values`: its tolist(); cut: only its first and last EDGE items, with
    torch's " ..." between them)."""
    if cut:
        data = [pad(v) for v in values[:_EDGE]] + [" ..."] + [pad(v) for v in values[_EDGE:]]
    else:
        data = [pad(v) for v in values]
    per_line = max(1, math.floor((_LINEWIDTH - indent) / (width + 2)))
    lines = [", ".join(data[i:i + per_line]) for i in range(0, len(data), per_line)]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"


def _matrix_text(arr: np.ndarray, indent: int, summarize: bool, pad, width: int) -> str:
    """_text of a 2-dim array: its rows at indent + 1, as torch's recursion makes them."""
    n, m = arr.shape
    cut = summarize and m > 2 * _EDGE
    if cut:   # only the columns shown are read
        arr = arr[:, list(range(_EDGE)) + list(range(m - _EDGE, m))]
    if m == 1:   # a column (y.reshape(-1, 1)): every row is one element on one line
        rows = arr[:, 0].tolist()
        if summarize and n > 2 * _EDGE:
            slices = [f"[{pad(v)}]" for v in rows[:_EDGE]] + ["..."] + [f"[{pad(v)}]" for v in rows[-_EDGE:]]
        else:
            slices = [f"[{pad(v)}]" for v in rows]
    elif summarize and n > 2 * _EDGE:
        head = [_vector_lines(row, indent + 1, cut, pad, width) for row in arr[:_EDGE].tolist()]
        tail = [_vector_lines(row, indent + 1, cut, pad, width) for row in arr[-_EDGE:].tolist()]
        slices = head + ["..."] + tail
    else:
        slices = [_vector_lines(row, indent + 1, cut, pad, width) for row in arr.tolist()]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(slices) + "]"


def _add_suffixes(text: str, suffixes: list[str]) -> str:
    parts = [text]
    last_line_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > _LINEWIDTH:
            parts.append(",\n" + " " * _INDENT + suffix)
            last_line_len = _INDENT + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)
