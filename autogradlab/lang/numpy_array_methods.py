"""More methods of NumPy arrays (and of NumPy scalars, which have them too), as lessons call them
(issue 9, session 29): `a.std()`, `a.var(ddof=1)`, `a.any()`, `a.all()`, `a.transpose()`,
`a.swapaxes(0, 1)`, `a.squeeze()`, `a.ravel()`, `a.clip(0, 1)`, `a.argsort()`, `a.nonzero()`,
`a.diagonal()`, `a.trace()`, `a.conj()`, `a.repeat(2)`, `a.take([0, 2])`, `a.view()`, and the in-place
`a.fill(0)` and `a.sort()`.

Each is its np.* function (numpy_everyday.py, numpy_ops.py, numpy_joins.py) with the array first, so
it takes the same checks: the result counted before NumPy makes it, plain arguments only, NumPy's own
errors. The in-place ones write the array's own memory and make nothing (an array that shares a
tensor's memory, `t.numpy()`, was marked so when it was made, as for `n += 1`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import numpy_everyday as everyday
from autogradlab.lang.numpy_ops import (
    MORE_ARRAY_METHODS,
    _clip,
    _guarded,
    _raw,
    _wrap,
    charge,
    lists_as_arrays,
)
from autogradlab.lang.safe_values import SafeArray

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

STATISTICS = ("std", "var", "any", "all")
SAME_SIZE = ("swapaxes", "squeeze", "ravel", "argsort")


def _function(name: str) -> Any:
    """np.<name>'s implementation (interp, args, kwargs, node)."""
    from autogradlab.lang.namespaces import modules
    return modules()["numpy"].members[name].impl


def more_array_method(interp: Interpreter, base: Any, name: str, args: list, kwargs: dict) -> Any:
    """base.<name>(*args, **kwargs) for a name in MORE_ARRAY_METHODS (numpy_ops.py)."""
    assert name in MORE_ARRAY_METHODS
    if name in STATISTICS:
        return everyday.statistic(interp, name, base, args, kwargs)
    if name == "clip":
        return _clip(interp, [base, *args], kwargs, None, method=True)
    if name in SAME_SIZE or name in ("nonzero", "trace"):
        return _function(name)(interp, [base, *args], kwargs, None)
    if name == "transpose":   # a.transpose(), a.transpose(1, 0), a.transpose((1, 0))
        if kwargs:
            raise NotSupported("`.transpose()` takes no keyword arguments in Autograd Lab")
        axes = args[0] if len(args) == 1 else tuple(args) if args else None
        return _function("transpose")(interp, [base] if axes is None else [base, axes], {}, None)
    if name == "repeat":
        return everyday.repeat(interp, base, args, kwargs)
    array = _raw(base, f".{name}()")
    if name in ("conj", "conjugate", "view"):
        if args or kwargs:
            raise NotSupported(f"Autograd Lab supports `.{name}()` without arguments")
        charge(interp, int(np.size(array)), name)
        return _wrap(_guarded(getattr(array, name)))
    if name == "diagonal":
        return _diagonal(interp, array, args, kwargs)
    if name == "take":
        return _take(interp, array, args, kwargs)
    if name == "searchsorted":   # a.searchsorted(v, side='left'): np.searchsorted's checks (session 40)
        from autogradlab.lang.numpy_order import searchsorted
        return searchsorted(interp, [base, *args], kwargs, None)
    if not isinstance(base, SafeArray):   # a NumPy scalar has no memory to write
        raise ProgramTypeError(f"a numpy scalar has no `.{name}()` that changes it; use an array")
    if name == "fill":
        if len(args) != 1 or kwargs:
            raise NotSupported("Autograd Lab supports `a.fill(value)`")
        value = _raw(args[0], "a.fill()")
        if isinstance(value, np.ndarray):
            raise ProgramTypeError("a.fill() takes one number")
        _guarded(lambda: array.fill(value))
        return None
    if name == "put":
        return _put(interp, array, args, kwargs)
    if name == "partition":   # in place (session 39)
        from autogradlab.lang.numpy_order import partition_in_place
        return partition_in_place(interp, base, array, args, kwargs)
    # sort, in place
    if len(args) > 1 or set(kwargs) - {"axis"} or args and kwargs:
        raise NotSupported("Autograd Lab supports `a.sort(axis=-1)`")
    axis = everyday._plain_int(args[0] if args else kwargs.get("axis", -1), "a.sort(): axis")
    _guarded(lambda: array.sort(axis=axis))
    return None


def _diagonal(interp: Interpreter, array: Any, args: list, kwargs: dict) -> Any:
    names = ("offset", "axis1", "axis2")
    if len(args) > 3 or set(names[:len(args)]) & set(kwargs):
        raise NotSupported("Autograd Lab supports `a.diagonal(offset=0, axis1=0, axis2=1)`")
    given = {**dict(zip(names, args, strict=False)), **kwargs}
    options = everyday._options(given, dict.fromkeys(names, everyday._plain_int), "a.diagonal",
                                "a.diagonal(offset=0, axis1=0, axis2=1)")
    shape = np.shape(array)
    if len(shape) >= 2:   # a view of at most min(the two axes) per entry of the others
        taken = {options.get("axis1", 0) % len(shape), options.get("axis2", 1) % len(shape)}
        pair = [shape[i] for i in taken] if len(taken) == 2 else [0]
        charge(interp, min(pair) * math.prod(n for i, n in enumerate(shape) if i not in taken), "diagonal")
    return _wrap(_guarded(lambda: array.diagonal(**options)))


def _take(interp: Interpreter, array: Any, args: list, kwargs: dict) -> Any:
    if not 1 <= len(args) <= 2 or set(kwargs) - {"axis"} or len(args) == 2 and kwargs:
        raise NotSupported("Autograd Lab supports `a.take(indices, axis=None)`")
    axis = args[1] if len(args) == 2 else kwargs.get("axis")
    axis = None if axis is None else everyday._plain_int(axis, "a.take(): axis")
    indices = _raw(lists_as_arrays(interp, args[:1])[0], "a.take()")
    if np.asarray(indices).dtype.kind not in "iub":
        raise ProgramTypeError("a.take(): the indices must be integers")
    shape = np.shape(array)
    if axis is None or not shape:   # indices into the flattened array: one element each
        other = 1
    else:   # one slice of the other axes each
        along = shape[axis % len(shape)]
        other = math.prod(shape) // along if along else 0
    charge(interp, int(np.size(indices)) * other, "take")
    return _wrap(_guarded(lambda: array.take(indices, axis=axis)))


def _put(interp: Interpreter, array: np.ndarray, args: list, kwargs: dict) -> None:
    """a.put(ind, v): v's values written at the flat indices ind, v repeated when shorter, in place
    (Python for Data Analysis, appendix A, session 40); one write per index, counted first; an index out
    of range is NumPy's IndexError (its mode='raise', the only mode here)."""
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `a.put(ind, v)`")
    indices, values = (_raw(value, "a.put()") for value in lists_as_arrays(interp, args))
    if array.dtype.kind in "iuf" and _python_complex(args[1]):   # NumPy reads a Python complex as the array's
        from autogradlab.lang.operators import python_error  # type: its TypeError (NumPy's complex is cast; s41)
        raise python_error(TypeError(_NOT_REAL[array.dtype.kind != "f"]))
    charge(interp, int(np.size(indices)) + int(np.size(values)), "put")
    if not isinstance(args[0], SafeArray) and np.asarray(indices).dtype.kind in "fb":
        indices = np.asarray(indices).astype(np.intp)   # NumPy casts a list's [1.5] (not an array's)
    _guarded(lambda: array.put(indices, values))


_NOT_REAL = ("float() argument must be a string or a real number, not 'complex'",
             "int() argument must be a string, a bytes-like object or a real number, not 'complex'")


def _python_complex(value: Any) -> bool:
    """A Python complex (not NumPy's) in a.put()'s values, alone or in (nested) lists and tuples."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is complex:
            return True
        if type(item) in (list, tuple):
            stack.extend(item)
    return False
