"""np.poly1d, as lessons build a polynomial from its coefficients, call it, print it, differentiate and
integrate it, add and multiply two of them (issue 9, session 32); np.roots beside it.

NumPy's own object does the arithmetic and the printing (its two-line str is NumPy's); a Poly1d holds
it as data. Every polynomial made has at most MAX_TERMS coefficients (its printed text is then at most
~300,000 characters, 0.12 s here) and each call's work is counted before NumPy runs, against
max_call_work: a product len(p) * len(q) multiply-adds, p ** n the n products NumPy makes, p(q) the
Horner steps of len(p) products (both loop_work), p(x) EVAL_UNITS * len(p) per point, roots the eigenvalues of
the companion matrix (ROOTS_WEIGHT * n**3: 0.32 s here for degree 500, ~5 s for 1000).
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.inert_values import InertValue, named_kind
from autogradlab.lang.numpy_ops import NUMPY_SCALARS, _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_TERMS = 10_000        # coefficients of any polynomial made
MAX_VARIABLE_CHARS = 20   # variable='x': printed once per term
ROOTS_WEIGHT = 8          # units an n**3 step of roots (companion-matrix eigenvalues)
# NumPy's loops of polynomial products, measured here (one core): a multiply-add of np.convolve ~1.3 ns,
# each coefficient of each poly1d made ~26-64 ns (q ** 9999 of q = x + 1: 1.3 s; p(q) of 10,000 by 2
# coefficients: 3.2 s), a step up to ~80 us (a constant's ** 20000: 1.6 s); a unit of max_call_work is
# ~0.5 ns. With these weights the slowest case measured ran ~0.4 ns a unit (0.4 s at the limit).
# p(x) by Horner's rule: a temporary array per coefficient. Measured here: ~1 ns a coefficient-point in
# this process (10,000 coefficients at 100,000 points: 1.07 s); in a sandbox worker 1 ns with 48 KB
# temporaries, 4 ns with 4.8 MB, ~10 ns with 200 KB (10,000 at 25,000 points: ~2.4 s), so 20 units each
EVAL_UNITS = 20
CONVOLVE_UNITS = 4
COEFFICIENT_UNITS = 128
STEP_UNITS = 160_000
_ATTRIBUTES = {"coeffs": "coeffs", "c": "coeffs", "coef": "coeffs", "coefficients": "coeffs",
               "order": "order", "o": "order", "roots": "roots", "r": "roots", "variable": "variable"}
_HINT = "use a polynomial of lower degree (limit max_call_work)"
POLYNOMIAL = "numpy.polynomial.polynomial.Polynomial"
POLYNOMIAL_TYPES = frozenset({"numpy.poly1d", POLYNOMIAL})   # operators.py routes their operators here


class CallableValue(InertValue):
    """A library object the program calls and whose methods it calls: np.poly1d and np.polynomial's
    Polynomial (expressions.call_value and attributes.call_method route to these)."""

    __slots__ = ()
    listed = False   # callable, as a function is: not in the Variables table (the oracle's rule too)

    def call(self, interp: Interpreter, args: list, kwargs: dict) -> Any:
        raise NotImplementedError

    def call_method(self, interp: Interpreter, name: str, args: list, kwargs: dict) -> Any:
        raise NotSupported(f"the method `.{name}()` of {type(self).__name__} values is not supported in "
                           "Autograd Lab")


class Poly1d(CallableValue):
    """np.poly1d(c): NumPy's polynomial, printed by NumPy, its work counted before each call."""

    __slots__ = ("poly",)

    def __new__(cls, poly: np.poly1d) -> Poly1d:
        return object.__new__(named_kind(Poly1d, "numpy.poly1d"))

    def __init__(self, poly: np.poly1d) -> None:
        self.poly = poly

    def __repr__(self) -> str:
        return repr(self.poly)

    def __str__(self) -> str:
        return str(self.poly)

    def __len__(self) -> int:
        return len(self.poly)

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        if name not in _ATTRIBUTES:
            raise NotSupported(f"the attribute `.{name}` of np.poly1d is not supported in Autograd Lab "
                               "(supported: coeffs, order, roots, variable, deriv(), integ())")
        name = _ATTRIBUTES[name]
        if name == "roots":
            n = len(self.poly.coeffs)
            check_work(interp, ROOTS_WEIGHT * n ** 3, f"the roots of a polynomial of degree {n - 1:,}")
            charge(interp, n, "np.poly1d.roots")
        return _wrap(_guarded(lambda: getattr(self.poly, name)))

    def call_method(self, interp: Interpreter, name: str, args: list, kwargs: dict) -> Any:
        if name not in ("deriv", "integ"):
            raise NotSupported(f"the method `.{name}()` of np.poly1d is not supported in Autograd Lab "
                               "(supported: deriv(m=1), integ(m=1, k=0))")
        named = {**dict(zip(("m", "k"), args, strict=False)), **kwargs}
        keywords = {"m"} if name == "deriv" else {"m", "k"}
        if len(args) > len(keywords) or set(named) - keywords:
            raise NotSupported("Autograd Lab supports `p.deriv(m)`" if name == "deriv" else
                               "Autograd Lab supports `p.integ(m, k)`")
        m = named.get("m", 1)
        if not isinstance(m, (int, np.integer)) or isinstance(m, (bool, np.bool_)):
            raise NotSupported("Autograd Lab supports `p.deriv(m)` and `p.integ(m)` with a whole number m")
        m, terms = int(m), len(self.poly.coeffs)
        k = named.get("k", 0)
        if name == "integ":
            check_terms(terms + max(m, 0), f"p.integ({m:,})")
            if isinstance(k, (list, tuple)):
                k = lists_as_arrays(interp, [k])[0]
            if not isinstance(k, (*NUMPY_SCALARS, int, float, bool, complex, SafeArray)):
                raise NotSupported("Autograd Lab supports `p.integ(m, k)` with a number or numbers k")
            k = _raw(k, "p.integ")
            check_work(interp, (terms + max(m, 0)) * max(m, 1), f"p.integ({m:,})")
            return _made(interp, lambda: self.poly.integ(m, k))
        check_work(interp, terms * max(min(m, terms), 1), f"p.deriv({m:,})")
        return _made(interp, lambda: self.poly.deriv(m))

    def call(self, interp: Interpreter, args: list, kwargs: dict) -> Any:
        """p(x): a number, a list or array (one value per point), or another polynomial (p(q))."""
        if kwargs or len(args) != 1:
            raise NotSupported("Autograd Lab supports `p(x)` with one argument")
        x, n = args[0], len(self.poly.coeffs)
        if isinstance(x, Poly1d):   # Horner's rule over polynomials: len(p) products of growing degree
            m = len(x.poly.coeffs)
            check_terms((n - 1) * (m - 1) + 1, "p(q)")
            check_work(interp, loop_work(n, m), "p(q)")
            return _made(interp, lambda: self.poly(x.poly))
        x = _raw(lists_as_arrays(interp, [x])[0], "p(x)")
        points = int(np.size(x))
        charge(interp, points, "p(x)")
        check_work(interp, EVAL_UNITS * n * max(points, 1), "p(x)")
        return _wrap(_guarded(lambda: self.poly(x)))

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        if not isinstance(index, (int, np.integer)) or isinstance(index, (bool, np.bool_)):
            raise NotSupported("np.poly1d's `p[k]` takes an int (the power of x) in Autograd Lab")
        return _guarded(lambda: self.poly[int(index)])   # the coefficient of x**k (0 beyond the order)

    def set_item(self, interp: Interpreter, index: Any, value: Any) -> None:
        if not isinstance(index, (int, np.integer)) or isinstance(index, (bool, np.bool_)):
            raise NotSupported("np.poly1d's `p[k]` takes an int (the power of x) in Autograd Lab")
        if not isinstance(value, (*NUMPY_SCALARS, int, float, bool, complex)):
            raise NotSupported("np.poly1d's `p[k] = value` takes a number in Autograd Lab")
        check_terms(int(index) + 1, f"p[{int(index):,}] = ...")   # p grows to degree k
        charge(interp, max(int(index) + 1, 0), "np.poly1d")
        value = _raw(value, "np.poly1d")

        def write() -> None:
            self.poly[int(index)] = value

        _guarded(write)


def loop_work(steps: int, m: int) -> int:
    """Units of NumPy's loop of polynomial products, p ** n (n steps of m coefficients) and p(q) (len(p)
    steps of len(q)): step i multiplies ~i * (m - 1) + 1 coefficients by m (CONVOLVE_UNITS each) and
    makes a poly1d of them (COEFFICIENT_UNITS each), plus STEP_UNITS a step."""
    coefficients = steps * steps * (m - 1) // 2 + steps
    return coefficients * (m * CONVOLVE_UNITS + COEFFICIENT_UNITS) + steps * STEP_UNITS


def check_terms(terms: int, what: str) -> None:
    if terms > MAX_TERMS:
        raise LimitExceeded(f"{what} would make a polynomial of {terms:,} coefficients; the limit is "
                            f"{MAX_TERMS:,} per polynomial", hint="use a polynomial of lower degree")


def check_work(interp: Interpreter, work: int, what: str) -> None:
    limit = interp.sizes.limits.max_call_work
    if work > limit:
        raise LimitExceeded(f"{what} would take about {work:,} arithmetic steps in one call; the limit is "
                            f"{limit:,} per call", hint=_HINT)


def _made(interp: Interpreter, make: Any) -> Any:
    """NumPy's result: a polynomial wrapped (its coefficients counted as an array), or what NumPy gave."""
    result = _guarded(make)
    if isinstance(result, tuple):   # p / q: (quotient, remainder)
        return tuple(_wrapped(interp, part) for part in result)
    return _wrapped(interp, result)


def _wrapped(interp: Interpreter, value: Any) -> Any:
    if isinstance(value, np.poly1d):
        check_terms(len(value.coeffs), "np.poly1d")   # fail closed: the checks above bound it first
        charge(interp, len(value.coeffs), "np.poly1d")
        return Poly1d(value)
    return _wrap(value)


def _length(interp: Interpreter, value: Any) -> int:
    """Coefficients of an operand as NumPy reads it into a polynomial (a number: one)."""
    if isinstance(value, Poly1d):
        return len(value.poly.coeffs)
    return max(int(np.size(value)), 1)


def _operand(interp: Interpreter, value: Any) -> Any:
    if isinstance(value, Poly1d):
        return value.poly
    if isinstance(value, (list, tuple)):
        value = lists_as_arrays(interp, [value])[0]
    if not isinstance(value, (SafeArray, *NUMPY_SCALARS, int, float, bool, complex)):
        raise NotSupported(f"arithmetic of np.poly1d with {type(value).__name__} values is not supported in "
                           "Autograd Lab")
    return _raw(value, "np.poly1d")


def binary(interp: Interpreter, op: str, fn: Any, left: Any, right: Any) -> Any:
    """left <op> right with a polynomial on one side (operators.apply_binary routes it here): sized by
    the rule of the side that answers, NumPy's array (an ndarray or NumPy scalar on the left makes an
    elementwise array of p's coefficients) or the polynomial's."""
    if type(left).__name__ == POLYNOMIAL or type(right).__name__ == POLYNOMIAL:
        from autogradlab.lang.numpy_polynomial_class import binary as polynomial_binary
        return polynomial_binary(interp, op, fn, left, right)
    if op in ("eq", "ne") and (isinstance(left, (list, tuple)) or isinstance(right, (list, tuple))):
        return op == "ne"   # neither poly1d nor list compares with the other: Python's identity test
    a, b = _operand(interp, left), _operand(interp, right)
    la = _length(interp, left if isinstance(left, Poly1d) else a)
    lb = _length(interp, right if isinstance(right, Poly1d) else b)
    if not isinstance(left, Poly1d) and isinstance(a, (np.ndarray, np.generic)):
        try:
            shape = np.broadcast_shapes(np.shape(a), (lb,))
        except ValueError:
            shape = (lb,)   # NumPy says so
        charge(interp, math.prod(shape), f"`{op}` of an array and np.poly1d")
        return _made(interp, lambda: fn(a, b))
    if op == "pow":
        return _power(interp, fn, a, b, la)
    if op in ("mul", "truediv", "matmul", "floordiv", "remainder"):
        if op == "mul":
            check_terms(la + lb - 1, "the product of polynomials")
        check_work(interp, la * lb, f"`{op}` of polynomials")
    else:
        check_terms(max(la, lb), f"`{op}` of polynomials")
        check_work(interp, la + lb, f"`{op}` of polynomials")
    return _made(interp, lambda: fn(a, b))


def unary(interp: Interpreter, fn: Any, value: Any) -> Any:
    """-p, +p: NumPy's (a polynomial of as many coefficients); ~p: NumPy's TypeError."""
    if type(value).__name__ == POLYNOMIAL:
        from autogradlab.lang.numpy_polynomial_class import wrapped
        return wrapped(interp, _guarded(lambda: fn(value.poly)))
    return _made(interp, lambda: fn(value.poly))


def _power(interp: Interpreter, fn: Any, a: Any, n: Any, la: int) -> Any:
    if isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_)) and n >= 0:
        n = int(n)
        if la > 1:
            check_terms((la - 1) * n + 1 if n < MAX_TERMS else MAX_TERMS + 1, "p ** n")
        elif n > MAX_TERMS:   # a constant stays one coefficient, but NumPy multiplies n times
            check_terms(n, "p ** n")
        check_work(interp, loop_work(n, la), "p ** n")
    return _made(interp, lambda: fn(a, n))   # NumPy's ValueError for a negative or fractional power


def _poly1d(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Poly1d:
    """np.poly1d(c_or_r, r=False, variable=None): from coefficients (highest power first) or, with r,
    from roots (np.poly: len(r)**2 steps)."""
    named = {**dict(zip(("c_or_r", "r", "variable"), args, strict=False)), **kwargs}
    if len(args) > 3 or set(named) - {"c_or_r", "r", "variable"} or "c_or_r" not in named:
        raise NotSupported("Autograd Lab supports `np.poly1d(c_or_r, r=False, variable=None)`")
    source, variable = named["c_or_r"], named.get("variable")
    if variable is not None and (type(variable) is not str or len(variable) > MAX_VARIABLE_CHARS):
        raise NotSupported(f"np.poly1d's variable= takes a name of at most {MAX_VARIABLE_CHARS} characters "
                           "in Autograd Lab")
    from_roots = named.get("r", False)
    if not isinstance(from_roots, (bool, np.bool_, int)):
        raise NotSupported("np.poly1d's r= takes True or False in Autograd Lab")
    c = source.poly if isinstance(source, Poly1d) else _raw(lists_as_arrays(interp, [source])[0], "np.poly1d")
    n = len(c.coeffs) if isinstance(c, np.poly1d) else int(np.size(c))
    check_terms(n + 1 if from_roots else n, "np.poly1d")
    if from_roots:
        check_work(interp, n * n, "np.poly1d(roots, True)")
    return _made(interp, lambda: np.poly1d(c, r=bool(from_roots), variable=variable))


def _roots(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.roots(p): the eigenvalues of the companion matrix, counted first."""
    if kwargs or len(args) != 1:
        raise NotSupported("Autograd Lab supports `np.roots(p)`")
    p = args[0].poly.coeffs if isinstance(args[0], Poly1d) else \
        _raw(lists_as_arrays(interp, [args[0]])[0], "np.roots")
    n = int(np.size(p))
    check_work(interp, ROOTS_WEIGHT * n ** 3, f"the roots of a polynomial of degree {max(n - 1, 0):,}")
    charge(interp, n, "np.roots")
    return _wrap(_guarded(lambda: np.roots(p)))


def coefficients(value: Any) -> Any:
    """A polynomial's coefficients where NumPy's poly functions take either (np.polyval(p, x))."""
    return SafeArray(value.poly.coeffs) if isinstance(value, Poly1d) else value


NUMPY_POLY1D_MEMBERS = {"poly1d": SafeFunction("numpy.poly1d", _poly1d),
                        "roots": SafeFunction("numpy.roots", _roots)}
