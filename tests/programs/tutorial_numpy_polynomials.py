# Source: NumPy's own documentation (numpy/numpy, BSD-3-Clause): the examples of np.poly1d's docstring
# (numpy/lib/_polynomial_impl.py, "Construct the polynomial x^2 + 2x + 3" ...), and the start of
# "Using the convenience classes" (doc/source/reference/routines.polynomials.classes.rst): the
# Polynomial class's arithmetic, evaluation, calculus and a least-squares fit with Polynomial.fit.
# Left out: divmod(p, P([-1, 1])) and the plotting cells (matplotlib).
# ---- np.poly1d
import numpy as np
p = np.poly1d([1, 2, 3])
print(np.poly1d(p))
p(0.5)
p.r
p(p.r)
p.c
p.order
p[1]
p * p
(p**3 + 4) / p
p**2
np.square(p)
p = np.poly1d([1, 2, 3], variable='z')
print(p)
np.poly1d([1, 2], True)
np.poly1d([1, 2], r=True)
# ---- the convenience classes
from numpy.polynomial import Polynomial as P
p = P([1, 2, 3])
p
print(p)
p + p
p - p
p * p
p**2
p // P([-1, 1])
p % P([-1, 1])
x = np.arange(5)
p(x)
x = np.arange(6).reshape(3, 2)
p(x)
p.roots()
p.deriv(1)
p.integ()
p.integ(2)
# ---- fitting: Polynomial.fit maps the data to its window; convert() gives the coefficients
np.random.seed(11)
x = np.linspace(0, 2 * np.pi, 20)
y = np.sin(x) + np.random.normal(scale=.1, size=x.shape)
fit = P.fit(x, y, deg=3)
print(np.round(fit.convert().coef, 4))
print(np.round(fit(np.pi / 2), 4), fit.domain, fit.window)
