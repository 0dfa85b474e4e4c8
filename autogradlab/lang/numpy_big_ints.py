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
