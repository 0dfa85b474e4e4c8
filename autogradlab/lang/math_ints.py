"""math.factorial, math.comb, math.perm, math.gcd, math.lcm, math.isqrt: integer functions lessons
use, with the result's size known before CPython computes it (max_int_bits, as `4000000**4000000`
is refused): log2 of n!, C(n, k) and n!/(n-k)! from lgamma, a little above the exact bit count;
a bound within _SLACK bits of the limit is settled by the exact result's length."""

from __future__ import annotations

import math
import operator
import sys
from typing import Any

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang.allowlist import MATH_INT_NAMES
from autogradlab.lang.calls import require_data
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeFunction

_LN2 = math.log(2)
_SLACK = 16   # bits: a bound this close to the limit is settled by the exact result (cheap at this size)


_LGAMMA_EXACT = 1 << 40   # below this n, lgamma's differences are exact to a fraction of a bit
_FEW_FACTORS = 1 << 20    # at most this many factors: k * log2(n) is within half a bit of the truth


def _log2_factorial(n: int) -> float:
    return math.lgamma(n + 1) / _LN2 if n > 1 else 0.0


def _comb_perm_bits(name: str, n: int, k: int) -> float:
    """Bits of comb(n, k) / perm(n, k), 0 <= k <= n: lgamma's differences for n below _LGAMMA_EXACT; above,
    a difference of two lgammas of ~n log n loses every bit to rounding (comb(2**100, 2**22) came out as
    -86,223,597 bits and CPython ran past the hard stop: red team, session 31), so n**m / m! (comb, m the
    smaller of k and n - k) and n**k (perm) bound it from above; more than _FEW_FACTORS factors make
    at least one bit each (comb(n, m) >= 2**m for n >= 2m, perm(n, k) >= k!), far above any limit."""
    m = min(k, n - k) if name == "comb" else k
    if m > sys.maxsize:   # CPython would refuse it at once (OverflowError); over any limit
        return float(sys.maxsize)
    if n < _LGAMMA_EXACT:
        bits = _log2_factorial(n) - _log2_factorial(n - k)
        return (bits - _log2_factorial(k) if name == "comb" else bits) + 2
    if m > _FEW_FACTORS:
        return float(m)
    bits = m * math.log2(n)
    return (bits - _log2_factorial(m) if name == "comb" else bits) + 2


def _bits(name: str, args: tuple) -> float:
    """An upper bound (plus slack) of the result's bit length; 0 where CPython will refuse the arguments."""
    try:   # as CPython reads them, by __index__: np.int64(10**6) and torch.tensor(10**6) too
        values = [operator.index(v) for v in args]
    except TypeError:
        return 0.0
    if name == "factorial" and len(values) == 1 and values[0] >= 0:
        return _log2_factorial(values[0]) + 2 if values[0] <= sys.maxsize else float(sys.maxsize)
    if name in ("comb", "perm") and len(values) in (1, 2) and all(v >= 0 for v in values):
        n = values[0]
        k = values[1] if len(values) == 2 else n
        return 0.0 if k > n else _comb_perm_bits(name, n, k)
    return max((abs(v).bit_length() for v in values), default=0)   # gcd, isqrt; lcm: pair by pair


def _int_function(name: str) -> SafeFunction:
    fn = getattr(math, name)

    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        if kwargs:
            raise NotSupported(f"`math.{name}` takes no keyword arguments in Autograd Lab")
        for value in args:
            require_data(value, f"in `math.{name}`")
        limit = interp.limits.max_int_bits
        bits = _bits(name, tuple(args))
        if bits > limit + _SLACK:   # clearly too big: refused without computing
            interp.sizes.check_int_bits(math.ceil(bits), f"math.{name}()")
        try:
            if name == "lcm" and len(args) > 2:   # each step's result checked before the next
                result = fn(*args[:2])
                for value in args[2:]:
                    interp.sizes.check_int_bits(result.bit_length(), f"math.{name}()")
                    result = fn(result, value)
            else:
                result = fn(*args)
        except ProgramError:   # a step's limit
            raise
        except Exception as exc:  # noqa: BLE001 - CPython's TypeError/ValueError, in its words
            raise python_error(exc) from None
        interp.sizes.check_int_bits(result.bit_length(), f"math.{name}()")   # near the limit: exact
        return result
    return SafeFunction(f"math.{name}", impl)


MATH_INT_FUNCTIONS: dict[str, Any] = {name: _int_function(name) for name in MATH_INT_NAMES}
