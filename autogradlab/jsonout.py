"""Report -> the JSON contract of the CLI (issue §5), which the acceptance tests read.

The contract is strict JSON: `json.dumps(report_to_json(r), allow_nan=False)` succeeds for every
report, so NaN and infinities become the strings "nan", "inf", "-inf" (in values, grads and plain
numbers alike), complex numbers become [re, im] pairs, and tensors become nested lists.

Python ints are JSON ints, except huge ones: an int of more than 13,000 bits (about 3,900 decimal
digits, near Python's 4,300-digit limit on int -> text, past which `json.dumps` raises) becomes a
string, so one huge int can never break the line of its file. Up to 65,536 bits the string is the
exact value in hex, as `hex()` writes it ("0xfff...", "-0x1..."), which `int(s, 16)` reads back;
beyond that it is "<int with N bits>" (N with comma separators). Neither form can be mistaken for
"nan"/"inf"/"-inf". An int that Python still refuses to write in decimal (the process lowered
the digit limit) takes the same string forms.
Never imports torch.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from autogradlab.report import (
    ErrorInfo,
    Graph,
    PlainValue,
    Report,
    SequenceValue,
    TensorValue,
    Value,
)

_PLAIN_KINDS = {"number", "bool", "string", "none", "dtype", "array"}


def _dtype_name(dtype: object) -> str:
    return str(dtype).removeprefix("torch.")


def _float(x: float) -> float | str:
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


_MAX_DECIMAL_INT_BITS = 13_000   # 3,914 decimal digits at most: under Python's 4,300-digit limit
_MAX_HEX_INT_BITS = 65_536       # 16,384 hex digits; past this only the size is worth a line of JSON


def int_to_json(n: int) -> int | str:
    """A JSON int when Python can write it in decimal, else a string that never raises (module doc).

    The bit count is checked first so that a huge int never reaches int -> decimal text, which is
    quadratic and raises ValueError past sys.get_int_max_str_digits() digits."""
    n = int(n)
    bits = n.bit_length()
    if bits <= _MAX_DECIMAL_INT_BITS:
        try:
            int.__repr__(n)       # what json.dumps will call; raises if the digit limit was lowered
        except ValueError:
            pass
        else:
            return n
    if bits <= _MAX_HEX_INT_BITS:
        return hex(n)
    return f"<int with {bits:,} bits>"


def number_to_json(x: Any) -> Any:
    """A Python or numpy scalar: int stays int (a string when huge), floats may become "nan"/"inf",
    complex [re, im]."""
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return int_to_json(x)
    if isinstance(x, float):
        return _float(x)
    if isinstance(x, complex):
        return [_float(x.real), _float(x.imag)]
    raise TypeError(f"not a number: {type(x).__name__}")


def array_to_json(array: np.ndarray | None) -> Any:
    """Nested lists (a scalar for a 0-d array); None stays None."""
    if array is None:
        return None
    array = np.asarray(array)
    if array.dtype.kind == "c":
        array = np.stack([array.real, array.imag], axis=-1)
    if array.dtype.kind == "f":
        finite = np.isfinite(array)
        if not finite.all():
            out = array.astype(object)
            out[np.isnan(array)] = "nan"
            out[np.isposinf(array)] = "inf"
            out[np.isneginf(array)] = "-inf"
            return _floats_to_python(out.tolist())
        return array.astype(np.float64).tolist()
    if array.dtype.kind in "biu":
        return array.tolist()
    raise TypeError(f"cannot write a {array.dtype} array as JSON")


def _floats_to_python(nested: Any) -> Any:
    """tolist() of an object array keeps numpy scalars; make them plain floats."""
    if isinstance(nested, list):
        return [_floats_to_python(item) for item in nested]
    if isinstance(nested, np.generic):
        return nested.item()
    return nested


def _within(array: np.ndarray | None, max_values: int | None) -> np.ndarray | None:
    """The array, or None when it has more than `max_values` elements (`run --json --max-values N`): written
    as null, the way the report already writes a value it did not keep (ReportValues' budget)."""
    if array is None or max_values is None or np.size(array) <= max_values:
        return array
    return None


def value_to_json(value: Value, max_values: int | None = None) -> dict[str, Any]:
    """`max_values`: tensors and arrays of more elements are written with "value" (and "grad") null, and
    sequences of more items keep their first `max_values` with "truncated": true; None writes everything."""
    if isinstance(value, TensorValue):
        return {"kind": "tensor", "shape": list(value.shape), "dtype": _dtype_name(value.dtype),
                "value": array_to_json(_within(value.value, max_values)),
                "requires_grad": bool(value.requires_grad),
                "grad": array_to_json(_within(value.grad, max_values)), "grad_fn": value.grad_fn}
    if isinstance(value, SequenceValue):
        items = value.items if max_values is None else value.items[:max_values]
        out = {"kind": "sequence", "items": [value_to_json(item, max_values) for item in items]}
        if value.truncated or len(items) < len(value.items):
            out["truncated"] = True
        return out
    if isinstance(value, PlainValue):
        return _plain_to_json(value, max_values)
    raise TypeError(f"not a report value: {type(value).__name__}")


def _plain_to_json(value: PlainValue, max_values: int | None = None) -> dict[str, Any]:
    kind, v = value.kind, value.value
    if kind not in _PLAIN_KINDS:
        return {"kind": "object", "value": None}
    if kind == "number":
        return {"kind": "number", "value": number_to_json(v)}
    if kind == "bool":
        return {"kind": "bool", "value": bool(v)}
    if kind == "string":
        return {"kind": "string", "value": str(v)}
    if kind == "none":
        return {"kind": "none", "value": None}
    if kind == "dtype":
        return {"kind": "dtype", "value": _dtype_name(v)}
    array = np.asarray(v)
    try:
        return {"kind": "array", "shape": list(array.shape), "dtype": str(array.dtype),
                "value": array_to_json(_within(array, max_values))}
    except TypeError:   # strings or objects inside an ndarray: nothing the contract can carry
        return {"kind": "object", "value": None}


def graph_to_json(graph: Graph | None) -> dict[str, Any]:
    """Always an object (the contract has no null here): no output tensor -> no nodes, no edges."""
    if graph is None:
        return {"nodes": [], "edges": []}
    return {"nodes": [{"id": n.id, "kind": n.kind, "label": n.label, "var": n.var} for n in graph.nodes],
            "edges": [[a, b] for a, b in graph.edges]}


def error_to_json(error: ErrorInfo | None) -> dict[str, Any] | None:
    if error is None:
        return None
    return {"kind": error.kind, "message": error.message, "line": error.line, "column": error.column,
            "hint": error.hint}


def report_to_json(report: Report, max_values: int | None = None) -> dict[str, Any]:
    """The one-line JSON object `python -m autogradlab run --json` prints for each file (`max_values`:
    `--max-values N`, value_to_json)."""
    return {
        "source": report.source,
        "ok": bool(report.ok),
        "output": report.output,
        "variables": {name: value_to_json(v, max_values) for name, v in report.variables.items()},
        "printed": report.printed,
        "graph": graph_to_json(report.graph),
        "timing_ms": _float(round(float(report.timing_ms), 3)),
        "error": error_to_json(report.error),
    }
