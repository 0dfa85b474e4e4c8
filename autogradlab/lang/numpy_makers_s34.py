"""NumPy makers NumPy's user guide pages show next to the ones Autograd Lab had (basics.creation,
how-to-partition; rougier's From Python to NumPy ch. 4): np.vander, np.geomspace, np.dstack.

Each result is counted before NumPy makes it: vander's len(x) * N, geomspace's num, dstack's inputs'
elements (its result holds those, laid along a third axis). Only numbers, lists of numbers and arrays
reach NumPy, which words its own errors.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import numpy_ops
from autogradlab.lang.numpy_everyday import _boolean, _number, _options, _plain_int
from autogradlab.lang.numpy_joins import _raw_parts
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _vander(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.vander(x, N=None, increasing=False)"
    if not 1 <= len(args) <= 3 or len(args) > 1 and "N" in kwargs or len(args) > 2 and "increasing" in kwargs:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    bound = dict(zip(("x", "N", "increasing"), args, strict=False)) | kwargs
    options = _options({k: v for k, v in bound.items() if k != "x" and v is not None},
                       {"N": _plain_int, "increasing": _boolean}, "np.vander", form)
    x = numpy_ops._raw(numpy_ops.lists_as_arrays(interp, [bound["x"]])[0], "np.vander")
    if np.ndim(x) == 1:   # else NumPy's own "x must be a one-dimensional array or sequence."
        columns = options.get("N", len(x))
        numpy_ops.charge(interp, len(x) * max(columns, 0), "np.vander")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.vander(x, **options)))


def _geomspace(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.geomspace(start, stop, num=50, endpoint=True)"
    if not 2 <= len(args) <= 3 or len(args) == 3 and "num" in kwargs:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    start, stop = (_number(v, "np.geomspace: start and stop") for v in args[:2])
    if len(args) == 3:
        kwargs = {**kwargs, "num": args[2]}
    options = _options(kwargs, {"num": _plain_int, "endpoint": _boolean}, "np.geomspace", form)
    num = options.get("num", 50)
    if num < 0:
        raise ProgramTypeError(f"Number of samples, {num}, must be non-negative.")
    numpy_ops.charge(interp, num, "np.geomspace")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.geomspace(start, stop, **options)))


def _dstack(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or kwargs:
        raise NotSupported("Autograd Lab supports `np.dstack((a, b))`")
    parts = _raw_parts(interp, "dstack", args[0])
    numpy_ops.charge(interp, sum(int(np.size(p)) for p in parts), "np.dstack")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.dstack(parts)))


def numpy_makers_members() -> dict[str, SafeFunction]:
    return {"vander": SafeFunction("numpy.vander", _vander),
            "geomspace": SafeFunction("numpy.geomspace", _geomspace),
            "dstack": SafeFunction("numpy.dstack", _dstack)}
