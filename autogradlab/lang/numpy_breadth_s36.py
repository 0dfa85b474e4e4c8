"""NumPy functions lessons print with (issue 9, part 2; session 36): np.binary_repr / np.base_repr (the
bits of an int), np.format_float_positional / np.format_float_scientific, np.compress, np.put,
np.cumulative_sum / np.cumulative_prod (NumPy 2's scans), np.seterr / np.geterr, and the window functions
np.hanning, np.hamming, np.bartlett, np.blackman, np.kaiser.

Each result is counted before NumPy makes it: a string's length from the int's bits and the width or
padding asked for (np.binary_repr(-1, width=10**9) would build 2**(10**9) first), a window's M numbers, a
scan's result with its initial row. NumPy's float formatting is bounded by NumPy itself (a 16,384-character
buffer: "Float formatting result too large"); its text is counted as a string is. np.put writes into the
array it is given (no new array). Only numbers, lists of numbers, arrays and words reach NumPy, which words
its own errors.

np.seterr / np.geterr keep the run's own settings (Interpreter.__dict__, a new one each run): NumPy's
process state is never changed, so nothing leaks into the next program. As np.errstate (numpy_lessons_s35),
'ignore' and 'warn' are accepted (NumPy's warnings go to stderr, never to a program's output), 'raise',
'call', 'print' and 'log' are refused by name.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang import numpy_ops
from autogradlab.lang.numpy_lessons_s35 import _ERR_KINDS, _ERR_MODES, _array, _bind
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_WORDS = (str, type(None))   # NumPy's own TypeError for these
_INTS = (int, np.integer)   # (bool is an int)
_REALS = (int, float, np.integer, np.floating)


def _plain(value: Any, form: str, kinds: tuple = _REALS) -> Any:
    """A number (or a word, for NumPy's own error); anything else names the form."""
    if isinstance(value, kinds) or isinstance(value, _WORDS):
        return value
    raise NotSupported(f"Autograd Lab supports `{form}` with plain numbers (not arrays or lists)")


def _text(interp: Interpreter, length: int, what: str) -> None:
    interp.sizes.charge_sequence(max(0, length), what)


def _binary_repr(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.binary_repr(num, width=None)"
    bound = _bind(args, kwargs, ("num", "width"), form)
    num = _plain(bound["num"], form, _INTS + (float,))
    width = _plain(bound.get("width"), form, _INTS)
    bits = int(num).bit_length() + 1 if isinstance(num, _INTS) else 0
    _text(interp, max(bits, int(width) if isinstance(width, _INTS) else 0), "np.binary_repr's string")
    return numpy_ops._guarded(lambda: np.binary_repr(num, width))


def _base_repr(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.base_repr(number, base=2, padding=0)"
    bound = _bind(args, kwargs, ("number", "base", "padding"), form)
    number = _plain(bound["number"], form)
    base = _plain(bound.get("base", 2), form, _INTS)
    padding = _plain(bound.get("padding", 0), form, _INTS)
    digits = 0   # (inf and nan: NumPy's own error, converting them to an int)
    if isinstance(number, _REALS) and math.isfinite(number) and isinstance(base, _INTS) and base >= 2:
        digits = int(abs(number)).bit_length() + 2   # at most one digit a bit, a sign
    _text(interp, digits + (int(padding) if isinstance(padding, _INTS) else 0), "np.base_repr's string")
    return numpy_ops._guarded(lambda: np.base_repr(number, base, padding))


_POSITIONAL = ("x", "precision", "unique", "fractional", "trim", "sign", "pad_left", "pad_right",
               "min_digits")
_SCIENTIFIC = ("x", "precision", "unique", "trim", "sign", "pad_left", "exp_digits", "min_digits")


def _float_format(name: str, params: tuple[str, ...]) -> SafeFunction:
    fn = getattr(np, name)
    form = f"np.{name}(x, {', '.join(params[1:])})"

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        bound = _bind(args, kwargs, params, form)
        values = {key: _plain(value, form, _REALS + (bool,)) for key, value in bound.items()}
        text = numpy_ops._guarded(lambda: fn(**values))   # NumPy's buffer bounds it (16,384 characters)
        _text(interp, len(text), f"np.{name}'s string")
        return text
    return SafeFunction(f"numpy.{name}", impl)


def _compress(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.compress(condition, a, axis=None)"
    bound = _bind(args, kwargs, ("condition", "a", "axis"), form, required=2)
    condition = _array(interp, bound["condition"], "np.compress")
    a = _array(interp, bound["a"], "np.compress")
    axis = _plain(bound.get("axis"), form, _INTS)
    numpy_ops.charge(interp, int(np.size(a)), "np.compress")   # at most a's elements
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.compress(condition, a, axis=axis)))


_PUT_MODES = "'raise', 'wrap' or 'clip'"


def _put(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.put(a, ind, v, mode='raise')"
    bound = _bind(args, kwargs, ("a", "ind", "v", "mode"), form, required=3)
    target = bound["a"]
    if not isinstance(target, SafeArray):
        from autogradlab.lang.operators import python_error
        kind = type(target).__name__
        raise python_error(TypeError(f"argument 1 must be numpy.ndarray, not <class '{kind}'>"))
    ind = _array(interp, bound["ind"], "np.put")
    v = _array(interp, bound["v"], "np.put")
    mode = bound.get("mode", "raise")
    if not isinstance(mode, str):
        raise NotSupported(f"Autograd Lab supports `{form}` with mode {_PUT_MODES}")
    numpy_ops._guarded(lambda: np.put(target.array, ind, v, mode=mode))   # writes len(ind) items, no copy
    return None


def _cumulative(name: str) -> SafeFunction:
    fn = getattr(np, name)
    form = f"np.{name}(x, /, *, axis=None, dtype=None, include_initial=False)"

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) != 1 or set(kwargs) - {"axis", "dtype", "include_initial"}:
            raise NotSupported(f"Autograd Lab supports `{form}`")
        x = _array(interp, args[0], f"np.{name}")
        axis = _plain(kwargs.get("axis"), form, _INTS)
        initial = kwargs.get("include_initial", False)
        if not isinstance(initial, (bool, np.bool_)):
            raise NotSupported(f"Autograd Lab supports `{form}` with {'include_initial'} True or False")
        shape = list(np.shape(x)) or [1]
        at = 0 if axis is None else int(axis)
        if initial and -len(shape) <= at < len(shape):   # one more item along the axis
            shape[at] += 1
        numpy_ops.charge(interp, math.prod(shape), f"np.{name}")
        dtype = numpy_ops._dtype(kwargs)
        return numpy_ops._wrap(numpy_ops._guarded(
            lambda: fn(x, axis=axis, dtype=dtype, include_initial=bool(initial))))
    return SafeFunction(f"numpy.{name}", impl)


_DEFAULT_ERRORS = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
_STATE = "numpy_errors"   # the run's settings, in Interpreter.__dict__


def _errors(interp: Interpreter) -> dict[str, str]:
    return dict(interp.__dict__.get(_STATE, _DEFAULT_ERRORS))


def _seterr(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.operators import python_error
    bound = dict(zip(_ERR_KINDS, args, strict=False))
    if len(args) > len(_ERR_KINDS):
        raise python_error(TypeError(f"seterr() takes from 0 to 6 positional arguments but {len(args)} were "
                                     "given"))
    for name, mode in kwargs.items():
        if name == "call":
            raise NotSupported("`np.seterr(call=...)` is not supported in Autograd Lab")
        if name not in _ERR_KINDS:
            raise python_error(TypeError(f"seterr() got an unexpected keyword argument '{name}'"))
        if name in bound:
            raise python_error(TypeError(f"seterr() got multiple values for argument '{name}'"))
        bound[name] = mode
    old = _errors(interp)
    interp.__dict__[_STATE] = changed(old, bound)
    return old


def changed(settings: dict[str, str], bound: dict) -> dict[str, str]:
    """`settings` with the modes `bound` gives (`all` for the kinds it does not name), checked first
    (np.errstate's modes were checked by its caller)."""
    from autogradlab.lang.operators import python_error
    new = dict(settings)
    every = bound.get("all")
    for name in _DEFAULT_ERRORS:
        mode = bound.get(name) if bound.get(name) is not None else every
        if mode is None:
            continue
        if not isinstance(mode, str) or mode not in _ERR_MODES:
            raise python_error(ValueError(f"invalid error mode {mode!r}"))
        if mode not in ("ignore", "warn"):
            raise NotSupported(f"`np.seterr({name}={mode!r})` is not supported in Autograd Lab")
        new[name] = mode
    return new


def within(interp: Interpreter, bound: dict) -> Iterator[None]:
    """np.errstate's block: the run's settings changed for the block, as NumPy's context manager does
    (np.geterr() inside it says so), and put back after it."""
    before = interp.__dict__.get(_STATE)
    interp.__dict__[_STATE] = changed(_errors(interp), bound)
    try:
        yield None
    finally:
        if before is None:
            interp.__dict__.pop(_STATE, None)
        else:
            interp.__dict__[_STATE] = before


def _geterr(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if args or kwargs:
        from autogradlab.lang.operators import python_error
        raise python_error(TypeError(f"geterr() takes 0 positional arguments but {len(args)} were given"))
    return _errors(interp)


def _window(name: str) -> SafeFunction:
    fn = getattr(np, name)
    params = ("M", "beta") if name == "kaiser" else ("M",)
    form = f"np.{name}({', '.join(params)})"

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        bound = _bind(args, kwargs, params, form, required=len(params))
        m = _plain(bound["M"], form)
        beta = _plain(bound.get("beta", 0.0), form)
        if isinstance(m, _REALS) and math.isfinite(m):   # (inf, nan: NumPy's arange refuses them at once)
            numpy_ops.charge(interp, max(0, math.ceil(m)) + 1, f"np.{name}")
        return numpy_ops._wrap(numpy_ops._guarded(lambda: fn(m, beta) if name == "kaiser" else fn(m)))
    return SafeFunction(f"numpy.{name}", impl)


def numpy_breadth_members() -> dict[str, SafeFunction]:
    return {"binary_repr": SafeFunction("numpy.binary_repr", _binary_repr),
            "base_repr": SafeFunction("numpy.base_repr", _base_repr),
            "format_float_positional": _float_format("format_float_positional", _POSITIONAL),
            "format_float_scientific": _float_format("format_float_scientific", _SCIENTIFIC),
            "compress": SafeFunction("numpy.compress", _compress),
            "put": SafeFunction("numpy.put", _put),
            **{name: _cumulative(name) for name in ("cumulative_sum", "cumulative_prod")},
            "seterr": SafeFunction("numpy.seterr", _seterr),
            "geterr": SafeFunction("numpy.geterr", _geterr),
            **{name: _window(name) for name in ("hanning", "hamming", "bartlett", "blackman", "kaiser")}}
