"""A Python int outside int64 given to a NumPy function (`np.add(2, 10**30)`, `np.gcd(10**30, 2)`): NumPy's
own OverflowError, "Python int too large to convert to C long", catchable as in NumPy (session 41, a known
leftover; the operators `a + 10**30` already said NumPy's words). The int is still refused before NumPy
sees it (NumPy would make an object array for some functions and run Python's arithmetic on it unbounded);
where NumPy itself has an answer (a float partner: `np.add(10**30, 2.5)` is 1e+30, session 42) NumPy gives it
(numpy_scalar_ops.big_int_beside)."""

from __future__ import annotations

from autogradlab.errors import ProgramError


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
