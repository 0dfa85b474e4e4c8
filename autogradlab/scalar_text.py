"""A number's short text in a graph label (TensorSnapshot.summary): torch's way of printing one
element, roughly. Torch-free, so the app can make the summary of a snapshot that travelled as its
number only (report.py's lazy 0-dim snapshots, issue 9) exactly as the job would have made it."""

from __future__ import annotations

import math
from typing import Any


def _fmt_number(v: Any) -> str:
    """One element as torch prints it, roughly: 28. / 0.5 / 3 / True / 1.+2.j (Python scalars)."""
    kind = type(v)
    if kind is not float:
        if kind is bool or isinstance(v, bool):
            return "True" if v else "False"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, complex):
            sign = "+" if v.imag >= 0 else "-"
            return f"{_fmt_number(v.real)}{sign}{_fmt_number(abs(v.imag))}j"
    return _fmt_float(v)


_INF = math.inf
_NEG_INF = -math.inf


def _fmt_float(v: float) -> str:
    """_fmt_number of a float (a float subclass too: what `v in (inf, -inf)` and is_integer() say)."""
    if v != v:
        return "nan"
    if v == _INF:
        return "inf"
    if v == _NEG_INF:
        return "-inf"
    if v.is_integer() and -1e8 < v < 1e8:
        return f"{int(v)}."
    return f"{v:.4g}"


def _fmt_item(v: float) -> str:
    """_fmt_float of an exact float (a tensor's item(); issue 9: a loop's graph formats thousands):
    the same text with fewer tests. is_integer() is False for nan and +-inf, and "{:.4g}" writes
    inf and -inf as _fmt_float does; a nan of either sign is "nan"."""
    if v.is_integer():
        return f"{int(v)}." if -1e8 < v < 1e8 else f"{v:.4g}"
    return "nan" if v != v else f"{v:.4g}"
