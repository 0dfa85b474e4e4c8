"""NumPy's array makers that lessons use beside np.zeros/np.ones: np.full, np.eye, np.identity,
np.empty / np.empty_like (zero-filled, as torch.empty is here: no uninitialised memory reaches a
program), np.zeros_like, np.ones_like, np.full_like, np.tile, np.meshgrid and the function form
np.reshape.

Each result's element count is worked out with Python ints from the arguments alone (the shape; N·M
for eye; the array's size for the *_like forms; the padded shape times the padded repetitions for
tile; the product of the inputs' sizes, once per input, for meshgrid) and checked against
max_tensor_elements / charged to max_total_elements before NumPy allocates, through the same
`charge` as np.zeros. Arrays to copy are SafeArrays or numbers, fill values numbers,
numpy scalars or arrays (NumPy broadcasts an array fill into the sized result, or says why not).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError, ProgramValueError
from autogradlab.lang.numpy_ops import (
    _dtype,
    _guarded,
    _raw,
    _shape,
    _wrap,
    array_method,
    charge,
    lists_as_arrays,
)
from autogradlab.lang.safe_values import SafeArray, SafeFunction, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _arguments(name: str, args: list, kwargs: dict, params: tuple[str, ...], required: int) -> dict:
    """Positional and keyword arguments by parameter name, NumPy's order; anything else refused."""
    if len(args) > len(params) or set(kwargs) - set(params) or len(args) + len(kwargs) < required:
        raise NotSupported(f"Autograd Lab supports `np.{name}({', '.join(params)})`")
    given = dict(zip(params, args, strict=False))
    twice = sorted(set(given) & set(kwargs))
    if twice:
        raise ProgramTypeError(f"{name}() got multiple values for argument '{twice[0]}'")
    given.update(kwargs)
    if any(p not in given for p in params[:required]):
        raise NotSupported(f"Autograd Lab supports `np.{name}({', '.join(params)})`")
    return given


def _sized_shape(value: Any) -> tuple[int, ...]:
    shape = _shape(value)
    if any(n < 0 for n in shape):
        raise ProgramValueError("negative dimensions are not allowed")
    return shape


def _int(value: Any) -> int:
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool):   # NumPy's own words
        raise ProgramTypeError(f"'{type_text(value)}' object cannot be interpreted as an integer")
    return int(value)


def _count(value: Any) -> int:
    if _int(value) < 0:
        raise ProgramValueError("negative dimensions are not allowed")
    return int(value)


def _array(value: Any, what: str) -> Any:
    """An array argument as NumPy takes it: a SafeArray's array, or a number (a 0-d array)."""
    if isinstance(value, SafeArray):
        return value.array
    if isinstance(value, (list, tuple)):
        raise NotSupported(f"{what}: Autograd Lab takes a numpy array here; make one with np.array(...)")
    return _raw(value, what)


def _full(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeArray:
    given = _arguments("full", args, kwargs, ("shape", "fill_value", "dtype"), 2)
    shape = _sized_shape(given["shape"])
    fill = given["fill_value"]
    if isinstance(fill, list | tuple):   # np.full((2, 3), [1, 2, 3]): made as np.array makes it, sized first
        from autogradlab.lang.calls import require_data
        from autogradlab.lang.namespaces import _np_array
        fill = _np_array(interp, [require_data(fill, "in `np.full`")], {}, node)
    from autogradlab.lang.numpy_big_ints import object_array_refusal
    object_array_refusal([fill])   # np.full(3, 10**30): NumPy's object array
    fill = _array(fill, "np.full")
    charge(interp, math.prod(shape), "np.full")
    return _wrap(_guarded(lambda: np.full(shape, fill, dtype=_dtype(given))))


def _eye(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeArray:
    given = _arguments("eye", args, kwargs, ("N", "M", "k", "dtype"), 1)
    rows = _count(given["N"])
    cols = rows if given.get("M") is None else _count(given["M"])
    k = _int(given.get("k", 0))
    charge(interp, rows * cols, "np.eye")
    return _wrap(_guarded(lambda: np.eye(rows, cols, k, dtype=_dtype(given))))


def _identity(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeArray:
    given = _arguments("identity", args, kwargs, ("n", "dtype"), 1)
    n = _count(given["n"])
    charge(interp, n * n, "np.identity")
    return _wrap(_guarded(lambda: np.identity(n, dtype=_dtype(given))))


def _empty(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeArray:
    """np.empty is zero-filled here: what uninitialised memory holds is nobody's business."""
    given = _arguments("empty", args, kwargs, ("shape", "dtype"), 1)
    shape = _sized_shape(given["shape"])
    charge(interp, math.prod(shape), "np.empty")
    return _wrap(_guarded(lambda: np.zeros(shape, dtype=_dtype(given))))


def _like(name: str, make: Callable[..., Any], fill: bool = False):  # noqa: ANN202
    params = ("a", "fill_value", "dtype") if fill else ("a", "dtype")

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeArray:
        given = _arguments(name, args, kwargs, params, len(params) - 1)
        # np.zeros_like(x) of a list x (udlbook's convolution notebook): the list as np.array makes it
        prototype = _array(lists_as_arrays(interp, [given["a"]])[0], f"np.{name}")
        extra = (_array(given["fill_value"], f"np.{name}"),) if fill else ()
        charge(interp, int(np.size(prototype)), f"np.{name}")
        return _wrap(_guarded(lambda: make(prototype, *extra, dtype=_dtype(given))))
    return SafeFunction(f"numpy.{name}", impl)


def _tile(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeArray:
    """np.tile(A, reps): A's shape and reps padded with leading 1s to the same length, multiplied."""
    given = _arguments("tile", args, kwargs, ("A", "reps"), 2)
    # np.tile([0, 1, 2], (4, 1)) of a list (fengdu78's NumPy notes): the list as np.array makes it
    array = _array(lists_as_arrays(interp, [given["A"]])[0], "np.tile")
    reps = given["reps"]
    items = reps if isinstance(reps, (tuple, list)) else (reps,)
    items = tuple(_count(n) for n in items)
    if len(items) > 64:   # np.array(A, ndmin=len(reps))'s words in NumPy 2 (red team s44: "32", a TypeError)
        from autogradlab.lang.operators import python_error
        raise python_error(ValueError("ndmin must be <= ndmax (64)"))
    shape = np.shape(array)
    depth = max(len(shape), len(items))
    padded_shape = (1,) * (depth - len(shape)) + tuple(int(n) for n in shape)
    padded_reps = (1,) * (depth - len(items)) + items
    charge(interp, _tile_peak(padded_shape, padded_reps), "np.tile")
    return _wrap(_guarded(lambda: np.tile(array, items)))


def _tile_peak(shape: tuple, reps: tuple) -> int:
    """The most elements np.tile holds at once: it repeats one axis at a time (`c.repeat(nrep, 0)`, the size
    times each rep in turn), so a later 0 does not undo an earlier huge rep (red team 2 s43:
    `np.tile([1, 2], (10**9, 0))` was sized by its empty result and made 2e9 elements on the way, a minute
    and 16 GB). The result's size when no rep is 0 (each step only grows)."""
    size = math.prod(shape)
    if size == 0:   # NumPy repeats nothing
        return 0
    peak = size
    for rep in reps:
        size *= rep
        peak = max(peak, size)
    return peak


def _meshgrid(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> tuple:
    """np.meshgrid(x, y, ..., indexing='xy'|'ij'): one array per input, each holding the product of the
    inputs' sizes, sized and charged (all of them) before NumPy builds any (龙良曲's Himmelblau grid)."""
    if set(kwargs) - {"indexing"} or len(args) > 32:
        raise NotSupported("Autograd Lab supports `np.meshgrid(x, y, ..., indexing='xy')`")
    from autogradlab.lang.numpy_ops import lists_as_arrays
    arrays = [_array(a, "np.meshgrid") for a in lists_as_arrays(interp, list(args))]
    each = math.prod(int(np.size(a)) for a in arrays)
    for _ in arrays:
        charge(interp, each, "np.meshgrid")
    return tuple(_wrap(a) for a in _guarded(lambda: np.meshgrid(*arrays, **kwargs)))


def _reshape(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.reshape(a, shape): the method's path (`a.reshape(shape)`), which makes no new elements."""
    order = {"order": kwargs["order"]} if "order" in kwargs else {}   # np.reshape(a, 6, order='F')
    kwargs = {k: v for k, v in kwargs.items() if k != "order"}
    if len(args) == 1 and set(kwargs) == {"shape"}:
        args = [args[0], kwargs["shape"]]
    elif kwargs or len(args) != 2:
        raise NotSupported("Autograd Lab supports `np.reshape(a, shape)`")
    if isinstance(args[0], (list, tuple)):   # np.reshape([1, 2, 3, 4], (2, 2)): as np.array makes it
        args = [lists_as_arrays(interp, [args[0]])[0], args[1]]
    if not isinstance(args[0], SafeArray):
        raise NotSupported("np.reshape: Autograd Lab takes a numpy array here; make one with np.array(...)")
    return array_method(interp, args[0], "reshape", [args[1]], order)


def numpy_creation_members() -> dict[str, SafeFunction]:
    return {
        "full": SafeFunction("numpy.full", _full),
        "eye": SafeFunction("numpy.eye", _eye),
        "identity": SafeFunction("numpy.identity", _identity),
        "empty": SafeFunction("numpy.empty", _empty),
        "empty_like": _like("empty_like", np.zeros_like),   # zero-filled, like np.empty
        "zeros_like": _like("zeros_like", np.zeros_like),
        "ones_like": _like("ones_like", np.ones_like),
        "full_like": _like("full_like", np.full_like, fill=True),
        "tile": SafeFunction("numpy.tile", _tile),
        "meshgrid": SafeFunction("numpy.meshgrid", _meshgrid),
        "reshape": SafeFunction("numpy.reshape", _reshape),
    }
