"""NumPy's sequence functions as Datawhale's powerful-numpy lessons use them (issue 9, session 33):
`np.gradient` (central differences, with spacings or coordinates), `np.unwrap`, `np.convolve` /
`np.correlate`, `np.interp`, `np.trim_zeros`, and `np.histogram_bin_edges` with a bin count, edges or
one of NumPy's rules ('auto', 'fd', 'sturges', ...).

numpy_everyday's rules hold: lists become arrays as np.array makes them (sized first), every result's
element count is worked out from the shapes and charged before NumPy runs, keyword arguments are
allow-listed and plain, NumPy words its own errors. np.convolve / np.correlate multiply every pair of
the two inputs (n * m steps, checked against max_call_work); a bin rule's count comes from the data
(NumPy's own width estimator, run here first on the same data), so a rule that would make millions of
edges ('fd' of data with a tiny spread) is refused before NumPy allocates them. The 'stone' rule loops
over every bin count in Python inside NumPy: not taken.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.numpy_everyday import _WORK_HINT, _array, _axis, _number, _options, _work_over
from autogradlab.lang.numpy_ops import _guarded, _wrap, charge
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

BIN_RULES = ("auto", "doane", "fd", "rice", "scott", "sqrt", "sturges")


def _edge_order(value: Any, what: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ProgramTypeError(f"{what} must be an int")


def _gradient(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.gradient(f, *varargs, axis=None, edge_order=1): one array of f's size for each axis taken."""
    form = "np.gradient(f, *varargs, axis=None, edge_order=1)"
    if not args:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    options = _options(kwargs, {"axis": _axis, "edge_order": _edge_order}, "np.gradient", form)
    f = _array(interp, args[0], "np.gradient")
    spacings = [v if isinstance(v, (int, float, np.number)) and not isinstance(v, bool)
                else _array(interp, v, "np.gradient") for v in args[1:]]
    axis = options.get("axis")
    axes = np.ndim(f) if axis is None else len(axis) if isinstance(axis, tuple) else 1
    charge(interp, int(np.size(f)) * max(1, axes), "np.gradient")
    result = _guarded(lambda: np.gradient(f, *spacings, **options))
    return tuple(_wrap(r) for r in result) if isinstance(result, (list, tuple)) else _wrap(result)


def _unwrap(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.unwrap(p, discont=None, axis=-1, period=2*pi): an array of p's size."""
    form = "np.unwrap(p, discont=None, axis=-1, period=2*pi)"
    if not 1 <= len(args) <= 3:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    given = {**dict(zip(("discont", "axis"), args[1:], strict=False)), **kwargs}
    readers = {"discont": lambda v, w: None if v is None else _number(v, w), "axis": _axis, "period": _number}
    options = _options(given, readers, "np.unwrap", form)
    p = _array(interp, args[0], "np.unwrap")
    charge(interp, 3 * int(np.size(p)), "np.unwrap")   # the differences, their correction, the result
    return _wrap(_guarded(lambda: np.unwrap(p, **options)))


_MODES = ("full", "same", "valid")


def _sliding(name: str, default: str) -> SafeFunction:
    """np.convolve(a, v, mode='full') / np.correlate(a, v, mode='valid') of two 1-D sequences."""
    form = f"np.{name}(a, v, mode='{default}')"

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not 2 <= len(args) <= 3 or len(args) == 3 and "mode" in kwargs or set(kwargs) - {"mode"}:
            raise NotSupported(f"Autograd Lab supports `{form}`")
        mode = args[2] if len(args) == 3 else kwargs.get("mode", default)
        if mode not in _MODES:
            raise NotSupported(f"Autograd Lab supports `{form}` with mode 'full', 'same' or 'valid'")
        a, v = (_array(interp, x, f"np.{name}") for x in args[:2])
        n, m = int(np.size(a)), int(np.size(v))
        if np.ndim(a) > 1 or np.ndim(v) > 1 or not n or not m:
            return _wrap(_guarded(lambda: getattr(np, name)(a, v, mode)))   # NumPy's own error
        work = n * m
        if (limit := _work_over(interp, work)) is not None:
            raise LimitExceeded(f"np.{name} of {n:,} and {m:,} values would take about {work:,} arithmetic "
                                f"steps in one call; the limit is {limit:,} per call", hint=_WORK_HINT)
        size = {"full": n + m - 1, "same": max(n, m), "valid": max(n, m) - min(n, m) + 1}[mode]
        charge(interp, size + n + m, f"np.{name}")   # the result and NumPy's contiguous copies
        return _wrap(_guarded(lambda: getattr(np, name)(a, v, mode)))
    return SafeFunction(f"numpy.{name}", impl)


def _interp(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.interp(x, xp, fp, left=None, right=None, period=None): x's size, a lookup in xp for each x."""
    form = "np.interp(x, xp, fp, left=None, right=None, period=None)"
    if len(args) != 3:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    plain = lambda v, w: None if v is None else _number(v, w)   # noqa: E731
    options = _options(kwargs, {"left": plain, "right": plain, "period": plain}, "np.interp", form)
    x = args[0] if isinstance(args[0], (int, float, np.number)) else _array(interp, args[0], "np.interp")
    xp, fp = (_array(interp, v, "np.interp") for v in args[1:])
    charge(interp, int(np.size(x)) + 2 * int(np.size(xp)), "np.interp")   # the result, xp/fp copies (period)
    return _wrap(_guarded(lambda: np.interp(x, xp, fp, **options)))


def _trim_zeros(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.trim_zeros(filt, trim='fb'): a view of filt without its leading / trailing zeros."""
    form = "np.trim_zeros(filt, trim='fb')"
    if not 1 <= len(args) <= 2 or len(args) == 2 and "trim" in kwargs or set(kwargs) - {"trim"}:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    trim = args[1] if len(args) == 2 else kwargs.get("trim", "fb")
    if not isinstance(trim, str) or len(trim) > 8:
        raise ProgramTypeError("np.trim_zeros: trim must be 'f', 'b' or 'fb'")
    filt = _array(interp, args[0], "np.trim_zeros")   # a list: numbers only, sized (NumPy slices the list)
    charge(interp, int(np.size(filt)), "np.trim_zeros")
    if type(args[0]) is list:
        return _guarded(lambda: np.trim_zeros(args[0], trim))
    return _wrap(_guarded(lambda: np.trim_zeros(filt, trim)))


def _range(value: Any, what: str) -> tuple[float, float] | None:
    if value is None:
        return None
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return (_number(value[0], what), _number(value[1], what))
    raise ProgramTypeError(f"{what} must be a pair of numbers")


def rule_bin_count(a: np.ndarray, rule: str, limits: tuple[float, float] | None) -> int:
    """How many bins NumPy's rule makes of `a` (NumPy's _get_bin_edges, its own width estimator)."""
    from numpy.lib import _histograms_impl as histograms
    first, last = histograms._get_outer_edges(a, limits)
    if limits is not None:
        a = a[(a >= first) & (a <= last)]
    if a.size == 0:
        return 1
    width = histograms._hist_bin_selectors[rule](a, (first, last))
    if not width:
        return 1
    if np.issubdtype(a.dtype, np.integer) and width < 1:
        width = 1
    count = (float(last) - float(first)) / float(width)
    return int(math.ceil(count)) + 1 if math.isfinite(count) else 2 ** 62


def _histogram_bin_edges(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.histogram_bin_edges(a, bins=10, range=None): bins + 1 edges, the edges given, or a rule's."""
    form = "np.histogram_bin_edges(a, bins=10, range=None)"
    if not 1 <= len(args) <= 3 or set(kwargs) - {"bins", "range"} or \
            len(args) >= 2 and "bins" in kwargs or len(args) == 3 and "range" in kwargs:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    given = {**dict(zip(("bins", "range"), args[1:], strict=False)), **kwargs}
    bins, limits = given.get("bins", 10), _range(given.get("range"), "np.histogram_bin_edges: range")
    a = _array(interp, args[0], "np.histogram_bin_edges")
    charge(interp, int(np.size(a)), "np.histogram_bin_edges")   # the flattened copy NumPy works on
    if isinstance(bins, str):
        if bins not in BIN_RULES:
            raise NotSupported(f"Autograd Lab supports `{form}` with bins an int, a list of edges or one of "
                               f"{', '.join(repr(r) for r in BIN_RULES)}")
        flat = _guarded(lambda: np.asarray(a).ravel())
        count = _guarded(lambda: rule_bin_count(flat, bins, limits))
        charge(interp, count + 1, "np.histogram_bin_edges")
    elif isinstance(bins, (list, tuple, SafeArray)):
        bins = _array(interp, bins, "np.histogram_bin_edges")
        charge(interp, int(np.size(bins)), "np.histogram_bin_edges")
    elif isinstance(bins, (int, np.integer)) and not isinstance(bins, bool):
        charge(interp, max(int(bins), 0) + 1, "np.histogram_bin_edges")
    else:
        raise ProgramTypeError("`bins` must be an integer, a string, or an array")
    return _wrap(_guarded(lambda: np.histogram_bin_edges(a, bins, range=limits)))


def numpy_signal_members() -> dict[str, SafeFunction]:
    return {"gradient": SafeFunction("numpy.gradient", _gradient),
            "unwrap": SafeFunction("numpy.unwrap", _unwrap),
            "convolve": _sliding("convolve", "full"), "correlate": _sliding("correlate", "valid"),
            "interp": SafeFunction("numpy.interp", _interp),
            "trim_zeros": SafeFunction("numpy.trim_zeros", _trim_zeros),
            "histogram_bin_edges": SafeFunction("numpy.histogram_bin_edges", _histogram_bin_edges)}
