"""A Python int outside int64 given to a NumPy function (`np.add(2, 10**30)`, `np.gcd(10**30, 2)`): NumPy's
own OverflowError, "Python int too large to convert to C long", catchable as in NumPy (session 41, a known
leftover; the operators `a + 10**30` already said NumPy's words). The int is still refused before NumPy
sees it (NumPy would make an object array for some functions and run Python's arithmetic on it unbounded);
where NumPy itself has an answer (a float partner: `np.add(10**30, 2.5)` is 1e+30, session 42) NumPy gives it
(numpy_scalar_ops.big_int_beside)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from autogradlab.errors import ProgramError

NOT_SCALARS = object()   # scalar_call's answer when the call is not one of Python scalars with a big int
_SCALARS = (int, float, bool)


def too_large() -> ProgramError:
    from autogradlab.lang.operators import python_error
    return python_error(OverflowError("Python int too large to convert to C long"))


def big_int(value: object) -> bool:
    return type(value) is int and value.bit_length() > 64


def object_array_refusal(values: list) -> None:
    """Where NumPy would not raise that OverflowError but take a big int as an object (the engine holds no
    object arrays): `np.full(3, 10**30)` makes one, `np.abs(10**30)` / `np.sqrt(10**30)` run its object
    loop (a value, or NumPy's TypeError). Refused, as np.array(10**30) is (red team s42: these said the
    OverflowError, which `except OverflowError` caught where NumPy answers). A Python float beside it
    (`np.add(10**30, 2.5)`) is NumPy's float, 1e+30 (numpy_scalar_ops.big_int_beside)."""
    from autogradlab.errors import NotSupported
    if any(map(big_int, values)):
        raise NotSupported("Autograd Lab supports numpy arrays of numbers only")


def scalar_call(fn: Callable[..., Any], args: list, kwargs: dict) -> Any:
    """NumPy's own answer to a call of Python numbers only, one of them an int outside int64 (session 43):
    `np.clip(10**30, 0, 1)` is 1, `np.isclose(2**70, 1)` np.False_, `np.ldexp(10**30, 2)` 4e+30,
    `np.round(2**70)` and `np.gcd(10**30, 2.5)` NumPy's TypeError, `np.gcd(10**30, 2)` its OverflowError (the
    engine said that OverflowError for all). NumPy runs a few Python comparisons or a subtraction on them
    there (its object loop, one element), bounded as the program's ints are (max_int_bits). Anything else
    (an array, a list, no big int): NOT_SCALARS, and the caller goes on as before."""
    values = [*args, *kwargs.values()]
    if not any(map(big_int, values)) or not all(v is None or type(v) in _SCALARS for v in values):
        return NOT_SCALARS
    from autogradlab.lang.numpy_ops import _guarded
    return _guarded(lambda: fn(*args, **kwargs))
