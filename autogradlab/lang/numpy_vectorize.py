"""np.vectorize(f): a function of numbers applied to every element of arrays, as NumPy lessons write
element-wise functions (Datawhale's powerful-numpy, jrjohansson's Lecture 2; issue 9, session 33).

NumPy calls the program's function from inside its own loop; here the engine runs that loop itself,
calling the function through the interpreter for each element (every call counts its steps and time
like any call of the program), in NumPy's order: the inputs broadcast (the result's size charged
first), the first elements once more beforehand as NumPy's scalars to learn the output type (NumPy does
this when otypes= is not given), then every element as a Python number. Each result must be a number;
the array is made with the first result's dtype, as NumPy makes it. One output, positional arguments
only; `excluded=`, `signature=` and `cache=` are not taken.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.inert_values import named_kind
from autogradlab.lang.numpy_ops import _guarded, _wrap, charge, lists_as_arrays
from autogradlab.lang.numpy_poly1d import CallableValue
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NUMBERS = (bool, int, float, complex, np.bool_, np.number)
_NUMBER_CODES = frozenset(np.typecodes["AllInteger"] + np.typecodes["AllFloat"] + "?")   # otypes='d', ...


class Vectorized(CallableValue):
    """What np.vectorize(f) returns: calling it runs f on each element (see the module's note)."""

    __slots__ = ("func", "otypes")

    def __new__(cls, func: Any, otypes: str | None) -> Vectorized:
        return object.__new__(named_kind(Vectorized, "numpy.vectorize"))

    def __init__(self, func: Any, otypes: str | None) -> None:
        self.func = func
        self.otypes = otypes

    def __repr__(self) -> str:
        return "<numpy.vectorize object at 0x7f0000000000>"

    def call(self, interp: Interpreter, args: list, kwargs: dict) -> Any:
        if kwargs:
            raise NotSupported("Autograd Lab supports calling an np.vectorize function with positional "
                               "arguments only")
        if not args:
            return interp.call_value(self.func, [], {}, None)
        arrays = [np.asarray(v.array if isinstance(v, SafeArray) else v)
                  for v in lists_as_arrays(interp, list(args))]
        for array in arrays:
            if array.dtype.kind not in "biufc":
                raise NotSupported("Autograd Lab supports np.vectorize over numbers and numpy arrays")
        try:
            shape = np.broadcast_shapes(*(a.shape for a in arrays))
        except ValueError as exc:
            raise python_error(exc) from None
        size = math.prod(shape)
        charge(interp, size, "np.vectorize")
        otype = self.otypes
        if otype is None:
            if any(a.size == 0 for a in arrays):
                raise python_error(ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is "
                                              "set"))
            first = self._one(interp, [a.flat[0] for a in arrays])   # NumPy's scalars, as NumPy passes them
            otype = np.asarray(first).dtype.char
        spread = np.broadcast_arrays(*arrays)
        results = [self._one(interp, [a.flat[i].item() for a in spread]) for i in range(size)]
        out = np.empty(len(results), dtype=object)
        out[:] = results
        return _wrap(_guarded(lambda: np.asanyarray(out.reshape(shape), dtype=otype)))

    def _one(self, interp: Interpreter, values: list) -> Any:
        # a step each call, with the time check every 32: a library function (np.vectorize(abs)) takes no
        # steps of its own, and 5,000,000 calls ran 32 s in this loop, past the time limit (red team, s34)
        interp._tick()
        result = interp.call_value(self.func, values, {}, None)
        if not isinstance(result, _NUMBERS):
            raise NotSupported("Autograd Lab supports np.vectorize of a function that returns one number")
        return result


def _otypes(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 1 and value in _NUMBER_CODES:
        return value
    if isinstance(value, (list, tuple)) and len(value) == 1:
        from autogradlab.lang.numpy_ops import _dtype
        code = np.dtype(_dtype({"dtype": value[0]})).char
        if code in _NUMBER_CODES:
            return code
    raise NotSupported("Autograd Lab supports `np.vectorize(pyfunc, otypes=None)` with one output type")


def _vectorize(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or set(kwargs) - {"otypes"}:
        raise NotSupported("Autograd Lab supports `np.vectorize(pyfunc, otypes=None)`")
    func = args[0]
    if isinstance(func, (SafeArray, str, list, tuple, dict, *_NUMBERS)):
        raise NotSupported("Autograd Lab supports `np.vectorize(pyfunc, otypes=None)` of a function")
    return Vectorized(func, _otypes(kwargs.get("otypes")))


NUMPY_VECTORIZE_MEMBERS = {"vectorize": SafeFunction("numpy.vectorize", _vectorize)}
