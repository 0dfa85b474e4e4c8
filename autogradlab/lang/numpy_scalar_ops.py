"""NumPy scalars in a loop (issue 9): `np.exp(-0.5 * (phi1 * phi1) * 4.0)` on np.float64 values.

A lesson's NumPy loop (Understanding Deep Learning's notebooks: a loss evaluated at 200 x 200 grid
points, each a few np.float64 operations) reached numpy_ops.binary / unary / the ufuncs' impl for
every operator, which size the result by np.shape and np.broadcast_shapes of the operands and enter
np.errstate: ~30 us an operation, plain Python takes 0.1 us.

Here the same steps for the one case where the answers are known from the operand types alone: two
NumPy scalars, or one and a Python number (an int of at most 64 bits: numpy_ops._raw refuses a bigger
one with its own message, so those keep to the general path). The result then has shape (), so
_check_result's count is 1: it is checked and charged exactly as numpy_ops.charge does (SizeGuard's
quick bounds first, as tensor_sites.py does, check_elements above them), and the operation runs
under np.errstate(all="ignore") as numpy_ops._guarded runs it (the same error state, set on NumPy's
context variable directly: the context manager costs 2 us), its exceptions translated by the same
python_error. What NumPy computes, prints, promotes and raises is NumPy's own: the operator or ufunc
is NumPy's. `@` of scalars (numpy_ops sizes it on torch's meta device) and every other type keep to
the general path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# The NumPy scalar types a fast path takes (exactly these types, no subclasses); the rarer ones
# (float16, longdouble, timedelta64, ...) keep to the general path, which treats them alike.
SCALAR_TYPES = frozenset({np.float64, np.float32, np.int64, np.int32, np.int16, np.int8, np.uint64,
                          np.uint32, np.uint16, np.uint8, np.complex128, np.complex64, np.bool_})
_NUMBERS = frozenset({bool, int, float, complex})
_OPERANDS = SCALAR_TYPES | _NUMBERS
# (type, type) of operator operands the fast path takes: at least one NumPy scalar
SCALAR_PAIRS = frozenset((a, b) for a in _OPERANDS for b in _OPERANDS
                         if a in SCALAR_TYPES or b in SCALAR_TYPES)
MAX_INT_BITS = 64   # numpy_ops._raw's bound for a Python int beside NumPy values


class _Errstate:
    """np.errstate(all="ignore") entered and left through set/reset, where this NumPy keeps its error
    state elsewhere than _quiet_state looks."""

    def set(self, _: Any) -> Any:   # pragma: no cover - another NumPy layout
        state = np.errstate(all="ignore")
        state.__enter__()
        return state

    def reset(self, state: Any) -> None:   # pragma: no cover
        state.__exit__(None, None, None)


def _quiet_state() -> tuple[Any, Any]:
    """The value np.errstate(all="ignore") gives NumPy's error-state context variable, and the variable
    (its set/reset are what errstate's __enter__/__exit__ call); _Errstate where NumPy has no such one."""
    try:
        from numpy._core._ufunc_config import _extobj_contextvar
    except ImportError:   # pragma: no cover - another NumPy layout
        return None, _Errstate()
    with np.errstate(all="ignore"):
        return _extobj_contextvar.get(), _extobj_contextvar


_QUIET, _STATE = _quiet_state()
_current = _STATE.get if hasattr(_STATE, "get") else lambda: None   # (no such variable: never _QUIET)
# Interpreter.run sets the quiet state once for the whole run (run_quietly; session 44: a set and a reset
# cost ~0.3-0.4 us, more than NumPy's own scalar operation); each operation below then finds it already
# there (one get, ~30 ns) and runs without setting it again. Anything that left another state (NumPy's
# errstate inside the engine, a run without it) makes them set and reset it as before. Tests compare off.
QUIET_RUN = True


def run_quietly() -> Any:
    """The token of np.errstate(all="ignore") set for a run (Interpreter.run resets it), or None."""
    if not QUIET_RUN or _QUIET is None:
        return None
    return _STATE.set(_QUIET)


def _error(exc: Exception) -> Exception:
    """numpy_ops._guarded's translation of an exception from NumPy."""
    from autogradlab.lang.operators import python_error  # (operators imports this module)
    return python_error(exc)


def _charge_one(interp: Interpreter, what: str) -> None:
    """numpy_ops.charge(interp, 1, what) with SizeGuard's quick bounds first (tensor_sites.py)."""
    sizes = interp.sizes
    if 1 > sizes.quick_one or sizes.total_elements + 1 > sizes.quick_total:
        sizes.check_elements(1, what)
    sizes.total_elements += 1


def _wrapped(value: Any) -> Any:
    """numpy_ops._wrap of an array (never the result of scalars; its checks if it were)."""
    from autogradlab.lang.numpy_ops import _wrap  # (numpy_ops imports this module)
    return _wrap(value)


def is_scalar_operand(value: Any) -> bool:
    """A NumPy scalar of SCALAR_TYPES, or a Python number numpy_ops._raw passes as it is."""
    kind = type(value)
    return kind in _OPERANDS and (kind is not int or value.bit_length() <= MAX_INT_BITS)


def big_int_beside(value: Any, other: Any) -> bool:
    """A Python int too big for NumPy's integers (numpy_ops._raw refuses it alone) beside a NumPy scalar
    or array of numbers: NumPy 2 takes it as a weak scalar of the other's dtype, converted (np.float64(2.0)
    * 10**30 is 2e+30, a comparison answers) or refused with its OverflowError, never as an object array,
    and in time that does not grow with the int's size beyond its conversion (max_int_bits bounds it)."""
    if type(value) is not int or value.bit_length() <= MAX_INT_BITS:
        return False
    if isinstance(other, (np.number, np.bool_)) or type(other) in (float, complex):   # np.add(10**30, 2.5):
        return True   # NumPy 2 makes both floats, 1e+30 (session 42), never an object array
    if type(other) in (int, bool):   # np.true_divide(10**30, 3) is 3.33e+29, np.less(10**30, True) NumPy's
        return True   # OverflowError: NumPy's answer for two Python ints (red team s43: always the error)
    from autogradlab.lang.data_wrappers import SafeArray
    return type(other) is SafeArray and other.array.dtype.kind in "biufc"


def takes_pair(op: str, left: Any, right: Any) -> bool:
    """Whether binary() computes left <op> right (else numpy_ops.binary does)."""
    if op == "matmul" or (type(left), type(right)) not in SCALAR_PAIRS:
        return False
    return (type(left) is not int or left.bit_length() <= MAX_INT_BITS) \
        and (type(right) is not int or right.bit_length() <= MAX_INT_BITS)


def binary(interp: Interpreter, op: str, fn: Callable[..., Any], left: Any, right: Any) -> Any:
    """numpy_ops.binary for a pair takes_pair accepts: the 0-d result charged, then NumPy's operator
    under numpy_ops._guarded's error state."""
    sizes = interp.sizes   # _charge_one, inline
    if 1 > sizes.quick_one or sizes.total_elements + 1 > sizes.quick_total:
        sizes.check_elements(1, op)
    sizes.total_elements += 1
    if _current() is _QUIET:   # the run's quiet state (run_quietly)
        try:
            result = fn(left, right)
        except Exception as exc:  # noqa: BLE001
            raise _error(exc) from None
        return result if type(result) is not np.ndarray else _wrapped(result)
    token = _STATE.set(_QUIET)
    try:
        result = fn(left, right)
    except Exception as exc:  # noqa: BLE001 - as numpy_ops._guarded translates it
        raise _error(exc) from None
    finally:
        _STATE.reset(token)
    return result if type(result) is not np.ndarray else _wrapped(result)


def pair_for(interp: Interpreter, op: str, fn: Callable[..., Any],
             otherwise: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """binary(interp, op, fn, a, b) as one closure of the operands, for a compiled operator's pair of
    SCALAR_PAIRS types (tensor_sites._scalar_pair; session 42: one frame less an operation): takes_pair's
    int test (an int too big for NumPy goes to `otherwise`), then binary's steps in its order."""
    bits = MAX_INT_BITS

    def pair(a: Any, b: Any) -> Any:
        if (type(a) is int and a.bit_length() > bits) or (type(b) is int and b.bit_length() > bits):
            return otherwise(a, b)
        sizes = interp.sizes   # binary's, inline
        if 1 > sizes.quick_one or sizes.total_elements + 1 > sizes.quick_total:
            sizes.check_elements(1, op)
        sizes.total_elements += 1
        if _current() is _QUIET:   # the run's quiet state (run_quietly)
            try:
                result = fn(a, b)
            except Exception as exc:  # noqa: BLE001
                raise _error(exc) from None
            return result if type(result) is not np.ndarray else _wrapped(result)
        token = _STATE.set(_QUIET)
        try:
            result = fn(a, b)
        except Exception as exc:  # noqa: BLE001
            raise _error(exc) from None
        finally:
            _STATE.reset(token)
        return result if type(result) is not np.ndarray else _wrapped(result)
    return pair


def unary(interp: Interpreter, fn: Callable[..., Any], value: Any) -> Any:
    """numpy_ops.unary of a NumPy scalar (`-x`)."""
    _charge_one(interp, "the operator")
    if _current() is _QUIET:   # the run's quiet state (run_quietly)
        try:
            result = fn(value)
        except Exception as exc:  # noqa: BLE001
            raise _error(exc) from None
        return result if type(result) is not np.ndarray else _wrapped(result)
    token = _STATE.set(_QUIET)
    try:
        result = fn(value)
    except Exception as exc:  # noqa: BLE001
        raise _error(exc) from None
    finally:
        _STATE.reset(token)
    return result if type(result) is not np.ndarray else _wrapped(result)


def ufunc(interp: Interpreter, what: str, fn: Callable[..., Any], *args: Any) -> Any:
    """np.exp(x), np.maximum(x, 0.0) of scalar operands (is_scalar_operand), no keywords: numpy_ops'
    _ufunc1 / _ufunc2 without out=."""
    _charge_one(interp, what)
    if _current() is _QUIET:   # the run's quiet state (run_quietly)
        try:
            result = fn(*args)
        except Exception as exc:  # noqa: BLE001
            raise _error(exc) from None
        return result if type(result) is not np.ndarray else _wrapped(result)
    token = _STATE.set(_QUIET)
    try:
        result = fn(*args)
    except Exception as exc:  # noqa: BLE001
        raise _error(exc) from None
    finally:
        _STATE.reset(token)
    return result if type(result) is not np.ndarray else _wrapped(result)


def ufunc1_for(interp: Interpreter, what: str, fn: Callable[..., Any],
               otherwise: Callable[[list], Any]) -> Callable[[list], Any]:
    """A one-argument ufunc's call without keywords as one closure of the argument list (`np.exp(x)`,
    compiled_module_calls.plain_site; session 42): one operand is_scalar_operand accepts goes to ufunc at
    once (numpy_ops._ufunc1's first case), anything else to `otherwise` (the function's impl)."""
    def call(args: list) -> Any:
        if len(args) != 1:
            return otherwise(args)
        value = args[0]
        kind = type(value)
        if kind not in _OPERANDS or (kind is int and value.bit_length() > MAX_INT_BITS):
            return otherwise(args)
        return ufunc(interp, what, fn, value)
    return call


def convert(kind: type, value: Any) -> Any:
    """numpy_ops.make_scalar of an operand is_scalar_operand accepts (`np.float64(k)` in a loop):
    NumPy's scalar type called under numpy_ops._guarded's error state (set as binary sets it, not
    by the 2 us context manager), its exceptions translated by the same python_error."""
    if _current() is _QUIET:   # the run's quiet state (run_quietly)
        try:
            return kind(value)
        except Exception as exc:  # noqa: BLE001
            raise _error(exc) from None
    token = _STATE.set(_QUIET)
    try:
        return kind(value)
    except Exception as exc:  # noqa: BLE001
        raise _error(exc) from None
    finally:
        _STATE.reset(token)
