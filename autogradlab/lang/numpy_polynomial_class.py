"""np.polynomial: the Polynomial class (`Polynomial([1, 2, 3])(x)`, `Polynomial.fit(x, y, deg)`, its
arithmetic, deriv / integ / roots) and np.polynomial.polynomial's functions (polyval(x, c), polyfit,
polyder, polyint, polyadd, polysub, polymul, polydiv, polyroots), as lessons fit and evaluate a
polynomial (issue 9, session 32). Coefficients are lowest power first, as NumPy's module has them.

NumPy's own objects compute and print (`1.0 + 2.0·x + 3.0·x²` is NumPy's text); the bounds are
numpy_poly1d's: at most MAX_TERMS coefficients a polynomial, each call's work counted before NumPy runs
(a product len(p) * len(q), p ** n by loop_work (NumPy's own limit is n <= 100), p(x) EVAL_UNITS *
len(p) per point,
roots ROOTS_WEIGHT * n**3, a fit as np.polyfit's least squares).
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.polynomial import Polynomial
from numpy.polynomial import polynomial as P

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.inert_values import named_kind
from autogradlab.lang.numpy_ops import NUMPY_SCALARS, _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.numpy_poly1d import (
    EVAL_UNITS,
    POLYNOMIAL,
    ROOTS_WEIGHT,
    CallableValue,
    check_terms,
    check_work,
    loop_work,
)
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NUMBERS = (*NUMPY_SCALARS, int, float, bool, complex)
_ATTRIBUTES = ("coef", "domain", "window", "symbol")
_METHODS = ("degree", "roots", "deriv", "integ", "copy", "trim", "cutdeg", "convert")


# polyder and polyint (a Polynomial's deriv and integ) loop in Python over each coefficient row of each of
# their m steps: measured here (one core), polyint of 2,000 coefficients with m = 2,000 (6e6 rows) took
# 4.7 s, polyder of 2,000 with m = 1,999 (2e6 rows) 0.8 s, polyint of a (1, 400) c with m = 300 (45,300
# rows of 400) 0.39 s; so ROW_UNITS a row and ROW_ELEMENT_UNITS an element of it (units of max_call_work,
# ~0.5 ns). Counted as one unit a row before (red team, session 33: P.polyint(np.ones((1, 400)), 9000)
# passed and ran for minutes).
# NumPy writes a Polynomial's text term by term, splitting all it wrote so far at each (its line breaks):
# the time grows with the square of the terms, 0.19 s for 3,000 here, 1.85 s for 10,000 (red team,
# session 33: print(p) of 10,000 coefficients in a loop); repr(p) shows the coefficients as an array.
MAX_TEXT_TERMS = 3_000
ROW_UNITS = 2_000
ROW_ELEMENT_UNITS = 40


def calculus_work(name: str, rows: int, columns: int, m: int) -> int:
    """Units of polyder / polyint (deriv / integ) of `rows` coefficients of `columns` each, m times."""
    if m <= 0:
        return 1   # NumPy returns c, or refuses a negative m
    if name in ("polyder", "deriv"):   # step i walks rows - 1 - i rows; m >= rows: c[:1] * 0 at once
        walked = 1 if m >= rows else m * (rows - 1) - m * (m - 1) // 2
    else:   # step i walks rows + i rows (the integral grows by one each step)
        walked = m * rows + m * (m - 1) // 2
    return max(walked, 1) * (ROW_UNITS + ROW_ELEMENT_UNITS * max(columns, 1))


def _array(interp: Interpreter, value: Any, what: str) -> Any:
    if isinstance(value, PolynomialValue):
        raise NotSupported(f"{what} takes coefficients (a list or array) in Autograd Lab, not a Polynomial")
    return _raw(lists_as_arrays(interp, [value])[0], what)


def _terms(value: Any) -> int:
    return max(int(np.shape(value)[0]) if np.ndim(value) else 1, 1)


class PolynomialValue(CallableValue):
    """np.polynomial.Polynomial(coef): NumPy's object, its work counted before each call."""

    __slots__ = ("poly",)

    def __new__(cls, poly: Polynomial) -> PolynomialValue:
        return object.__new__(named_kind(PolynomialValue, POLYNOMIAL))

    def __init__(self, poly: Polynomial) -> None:
        self.poly = poly

    def __repr__(self) -> str:
        return repr(self.poly)

    def __str__(self) -> str:
        terms = len(self.poly.coef)
        if terms > MAX_TEXT_TERMS:   # NumPy's text takes time growing with the square of the terms
            raise LimitExceeded(f"the text of a Polynomial of {terms:,} coefficients would take too long to "
                                f"write; the limit is {MAX_TEXT_TERMS:,} coefficients",
                                hint="print p.coef instead")
        return str(self.poly)

    def __len__(self) -> int:
        return len(self.poly)

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        if name not in _ATTRIBUTES:
            raise NotSupported(f"the attribute `.{name}` of np.polynomial.Polynomial is not supported in "
                               f"Autograd Lab (supported: {', '.join(_ATTRIBUTES)}, "
                               f"{'(), '.join(_METHODS)}())")
        return _wrap(_guarded(lambda: getattr(self.poly, name)))

    def call_method(self, interp: Interpreter, name: str, args: list, kwargs: dict) -> Any:
        if name not in _METHODS:
            raise NotSupported(f"the method `.{name}()` of np.polynomial.Polynomial is not supported in "
                               f"Autograd Lab (supported: {'(), '.join(_METHODS)}())")
        n = len(self.poly.coef)
        if name in ("degree", "copy", "convert") and not args and not kwargs:
            if name == "convert":   # p(identity): NumPy's Horner loop over polynomials of 2 coefficients
                check_work(interp, loop_work(n, 2), "p.convert()")
            return wrapped(interp, _guarded(getattr(self.poly, name)))
        if name == "roots" and not args and not kwargs:
            check_work(interp, ROOTS_WEIGHT * n ** 3, f"the roots of a polynomial of degree {n - 1:,}")
            charge(interp, n, "Polynomial.roots()")
            return _wrap(_guarded(self.poly.roots))
        if name in ("deriv", "integ", "cutdeg", "trim") and len(args) <= 1 and not kwargs:
            value = args[0] if args else (0 if name == "trim" else 1)
            if name != "trim" and (not isinstance(value, (int, np.integer)) or isinstance(value, bool)):
                raise NotSupported(f"Autograd Lab supports `p.{name}(m)` with a whole number")
            grows = int(value) if name == "integ" and int(value) > 0 else 0
            check_terms(n + grows, f"p.{name}()")
            if name in ("deriv", "integ"):
                check_work(interp, calculus_work(name, n, 1, int(value)), f"p.{name}({int(value):,})")
            else:
                check_work(interp, (n + grows) * max(grows, 1), f"p.{name}()")
            return wrapped(interp, _guarded(lambda: getattr(self.poly, name)(value)))
        raise NotSupported(f"Autograd Lab supports `p.{name}()` with at most one argument and no keywords")

    def call(self, interp: Interpreter, args: list, kwargs: dict) -> Any:
        if kwargs or len(args) != 1 or isinstance(args[0], CallableValue):
            raise NotSupported("Autograd Lab supports `p(x)` of a Polynomial with one number, list or array")
        x = _raw(lists_as_arrays(interp, args)[0], "p(x)")
        points = int(np.size(x))
        charge(interp, points, "p(x)")
        check_work(interp, EVAL_UNITS * len(self.poly.coef) * max(points, 1), "p(x)")
        return _wrap(_guarded(lambda: self.poly(x)))


def wrapped(interp: Interpreter, value: Any) -> Any:
    if isinstance(value, Polynomial):
        check_terms(len(value.coef), "np.polynomial.Polynomial")   # fail closed: the checks bound it first
        charge(interp, len(value.coef), "np.polynomial.Polynomial")
        return PolynomialValue(value)
    if isinstance(value, tuple):   # divmod
        return tuple(wrapped(interp, part) for part in value)
    return _wrap(value)


def _operand(interp: Interpreter, value: Any) -> tuple[Any, int]:
    if isinstance(value, PolynomialValue):
        return value.poly, len(value.poly.coef)
    if isinstance(value, (list, tuple)):
        value = lists_as_arrays(interp, [value])[0]
    if not isinstance(value, (SafeArray, *_NUMBERS)):
        raise NotSupported(f"arithmetic of np.polynomial.Polynomial with {type(value).__name__} values is "
                           "not supported in Autograd Lab")
    raw = _raw(value, "np.polynomial.Polynomial")
    return raw, _terms(raw)


def binary(interp: Interpreter, op: str, fn: Any, left: Any, right: Any) -> Any:
    """left <op> right with a Polynomial on one side: NumPy reads the other as coefficients (an array on
    the left too: ABCPolyBase sets __array_ufunc__ = None); checked as numpy_poly1d.binary checks."""
    (a, la), (b, lb) = _operand(interp, left), _operand(interp, right)
    if op == "pow":   # NumPy refuses a power above 100 (maxpower), a negative or fractional one, itself
        # NumPy's int(power) also reads a one-element array: p ** np.array(100) ran 12 s unchecked before
        # its result was refused (red team, session 33)
        if isinstance(b, np.ndarray) and b.ndim:   # NumPy's int(power) of any other array: its TypeError
            raise python_error(TypeError("only 0-dimensional arrays can be converted to Python scalars"))
        n = b.item() if isinstance(b, np.ndarray) else b
        if isinstance(n, (*NUMPY_SCALARS, int, float, bool)) and np.isreal(n) and 0 <= n <= 100 \
                and float(n).is_integer():
            check_terms((la - 1) * int(n) + 1, "p ** n")
            check_work(interp, loop_work(int(n), la), "p ** n")
        return wrapped(interp, _guarded(lambda: fn(a, b)))
    if op == "mul":
        check_terms(la + lb - 1, "the product of polynomials")
    elif op in ("add", "sub"):
        check_terms(max(la, lb), f"`{op}` of polynomials")
    check_work(interp, la * lb if op in ("mul", "floordiv", "remainder", "truediv") else la + lb,
               f"`{op}` of polynomials")
    return wrapped(interp, _guarded(lambda: fn(a, b)))


def _named(args: list, kwargs: dict, words: tuple[str, ...], what: str, required: int) -> dict:
    named = {**dict(zip(words, args, strict=False)), **kwargs}
    if len(args) > len(words) or set(named) - set(words) or len(set(words[:required]) - set(named)):
        raise NotSupported(f"Autograd Lab supports `{what}({', '.join(words)})`")
    return named


def _polynomial(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> PolynomialValue:
    named = _named(args, kwargs, ("coef", "domain", "window", "symbol"), "np.polynomial.Polynomial", 1)
    coef = _array(interp, named["coef"], "np.polynomial.Polynomial")
    check_terms(int(np.size(coef)), "np.polynomial.Polynomial")
    extra = {}
    for word in ("domain", "window"):
        if named.get(word) is not None:
            extra[word] = _array(interp, named[word], f"Polynomial's {word}=")
            if np.size(extra[word]) != 2:
                raise NotSupported(f"Polynomial's {word}= takes two numbers in Autograd Lab")
    symbol = named.get("symbol", "x")
    if type(symbol) is not str or len(symbol) > 20:
        raise NotSupported("Polynomial's symbol= takes a name of at most 20 characters in Autograd Lab")
    return wrapped(interp, _guarded(lambda: Polynomial(coef, symbol=symbol, **extra)))


def _fit_work(interp: Interpreter, x: Any, y: Any, deg: Any, what: str) -> None:
    if isinstance(deg, (list, tuple)):
        degrees = [d for d in deg if isinstance(d, (int, np.integer))]
        deg = max(degrees) if degrees else 0
    if not isinstance(deg, (int, np.integer)) or isinstance(deg, bool):
        raise NotSupported(f"{what}: Autograd Lab supports a whole-number degree")
    terms, points = max(int(deg), 0) + 1, int(np.size(x))
    check_terms(terms, what)
    columns = int(np.size(y)) // points if points and np.ndim(y) == 2 else 1
    charge(interp, points * terms, f"{what}'s Vandermonde matrix")
    charge(interp, terms * columns, what)   # its (deg + 1) x K coefficients, also LAPACK's copy of y (as
    # np.polyfit's, session 32; 2 points, y of (2, 2,500,000), deg 150 ran out of memory: red team, s33)
    check_work(interp, points * terms * (terms + columns),
               f"{what} of degree {int(deg):,} at {points:,} points")


def _fit(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> PolynomialValue:
    named = _named(args, kwargs, ("x", "y", "deg"), "Polynomial.fit", 3)
    x, y = _array(interp, named["x"], "Polynomial.fit"), _array(interp, named["y"], "Polynomial.fit")
    _fit_work(interp, x, y, named["deg"], "Polynomial.fit")
    return wrapped(interp, _guarded(lambda: Polynomial.fit(x, y, named["deg"])))


class PolynomialClass(CallableValue):
    """np.polynomial.Polynomial itself: called, it makes one; `.fit(x, y, deg)` is its class method."""

    __slots__ = ()

    def __new__(cls) -> PolynomialClass:
        return object.__new__(named_kind(PolynomialClass, "type"))

    def __repr__(self) -> str:
        return f"<class '{POLYNOMIAL}'>"

    def call(self, interp: Interpreter, args: list, kwargs: dict) -> Any:
        return _polynomial(interp, args, kwargs, None)

    def call_method(self, interp: Interpreter, name: str, args: list, kwargs: dict) -> Any:
        if name != "fit":
            raise NotSupported(f"`Polynomial.{name}` is not supported in Autograd Lab (supported: "
                               "Polynomial.fit)")
        return _fit(interp, args, kwargs, None)

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        if name != "fit":
            raise NotSupported(f"`Polynomial.{name}` is not supported in Autograd Lab (supported: "
                               "Polynomial.fit)")
        return SafeFunction("numpy.polynomial.polynomial.Polynomial.fit", _fit)


# -- np.polynomial.polynomial's functions (coefficients lowest power first) -----------------------------
def _polyval(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    named = _named(args, kwargs, ("x", "c"), "np.polynomial.polynomial.polyval", 2)
    x, c = _array(interp, named["x"], "polyval"), _array(interp, named["c"], "polyval")
    out = math.prod(np.shape(c)[1:]) * max(int(np.size(x)), 1)   # tensor=True: c's other axes times x's
    charge(interp, out, "polyval")
    check_work(interp, EVAL_UNITS * _terms(c) * out, "polyval")
    return _wrap(_guarded(lambda: P.polyval(x, c)))


def _polyfit(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    named = _named(args, kwargs, ("x", "y", "deg"), "np.polynomial.polynomial.polyfit", 3)
    x, y = _array(interp, named["x"], "polyfit"), _array(interp, named["y"], "polyfit")
    _fit_work(interp, x, y, named["deg"], "polyfit")
    return _wrap(_guarded(lambda: P.polyfit(x, y, named["deg"])))


def _calculus(name: str) -> Any:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        named = _named(args, kwargs, ("c", "m"), f"np.polynomial.polynomial.{name}", 1)
        c, m = _array(interp, named["c"], name), named.get("m", 1)
        if not isinstance(m, (int, np.integer)) or isinstance(m, bool):
            raise NotSupported(f"Autograd Lab supports `{name}(c, m)` with a whole number m")
        grows = int(m) if name == "polyint" and int(m) > 0 else 0
        check_terms(_terms(c) + grows, name)
        columns = math.prod(np.shape(c)[1:])
        check_work(interp, calculus_work(name, _terms(c), columns, int(m)), f"{name}(c, {int(m):,})")
        return _wrap(_guarded(lambda: getattr(P, name)(c, int(m))))
    return impl


def _pair(name: str) -> Any:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        named = _named(args, kwargs, ("c1", "c2"), f"np.polynomial.polynomial.{name}", 2)
        a, b = _array(interp, named["c1"], name), _array(interp, named["c2"], name)
        la, lb = int(np.size(a)), int(np.size(b))
        check_terms(la + lb - 1 if name == "polymul" else max(la, lb), name)
        check_work(interp, la * lb if name in ("polymul", "polydiv") else la + lb, name)
        result = _guarded(lambda: getattr(P, name)(a, b))
        return tuple(_wrap(part) for part in result) if isinstance(result, tuple) else _wrap(result)
    return impl


def _polyroots(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    named = _named(args, kwargs, ("c",), "np.polynomial.polynomial.polyroots", 1)
    c = _array(interp, named["c"], "polyroots")
    n = int(np.size(c))
    check_work(interp, ROOTS_WEIGHT * n ** 3, f"the roots of a polynomial of degree {max(n - 1, 0):,}")
    charge(interp, n, "polyroots")
    return _wrap(_guarded(lambda: P.polyroots(c)))


def polynomial_namespaces() -> dict[str, Namespace]:
    """numpy.polynomial and numpy.polynomial.polynomial, as `import numpy.polynomial.polynomial as P` and
    `from numpy.polynomial import Polynomial` bind them (MAX_TERMS bounds every polynomial)."""
    cls = PolynomialClass()
    functions: dict[str, Any] = {
        "polyval": SafeFunction("numpy.polynomial.polynomial.polyval", _polyval),
        "polyfit": SafeFunction("numpy.polynomial.polynomial.polyfit", _polyfit),
        "polyroots": SafeFunction("numpy.polynomial.polynomial.polyroots", _polyroots),
        **{name: SafeFunction(f"numpy.polynomial.polynomial.{name}", _calculus(name))
           for name in ("polyder", "polyint")},
        **{name: SafeFunction(f"numpy.polynomial.polynomial.{name}", _pair(name))
           for name in ("polyadd", "polysub", "polymul", "polydiv")},
        "Polynomial": cls}
    inner = Namespace("numpy.polynomial.polynomial", functions)
    return {"numpy.polynomial": Namespace("numpy.polynomial", {"Polynomial": cls, "polynomial": inner}),
            "numpy.polynomial.polynomial": inner}

