# Source: numpy/numpy, doc/source/user/quickstart.rst ("NumPy quickstart": The basics, Array creation,
# Printing arrays, Basic operations, Universal functions, the start of Indexing, slicing and iterating;
# commit 0233ced; BSD-3-Clause; https://github.com/numpy/numpy/blob/0233ced/doc/source/user/quickstart.rst),
# its doctest lines in order, the `>>>` prompts removed. Left out: the `dtype=complex` array and
# `np.exp(c * 1j)` (complex arrays are refused), the failing `a += b` (float into int), `np.empty`, the
# WRONG `np.array(1, 2, 3, 4)` and `np.set_printoptions(threshold=sys.maxsize)`. Session 28 restored the
# lines using `rg = np.random.default_rng(1)` and `np.fromfunction(f, (5, 4), dtype=int)`, left out before.
import numpy as np
a = np.arange(15).reshape(3, 5)
a
a.shape
a.ndim
a.dtype.name
a.itemsize
a.size
type(a)
b = np.array([6, 7, 8])
b
type(b)
a = np.array([2, 3, 4])
a
a.dtype
b = np.array([1.2, 3.5, 5.1])
b.dtype
a = np.array([1, 2, 3, 4])
b = np.array([(1.5, 2, 3), (4, 5, 6)])
b
np.zeros((3, 4))
np.ones((2, 3, 4), dtype=np.int16)
np.arange(10, 30, 5)
np.arange(0, 2, 0.3)
from numpy import pi
np.linspace(0, 2, 9)
x = np.linspace(0, 2 * pi, 100)
f = np.sin(x)
a = np.arange(6)
print(a)
b = np.arange(12).reshape(4, 3)
print(b)
c = np.arange(24).reshape(2, 3, 4)
print(c)
print(np.arange(10000))
print(np.arange(10000).reshape(100, 100))
a = np.array([20, 30, 40, 50])
b = np.arange(4)
b
c = a - b
c
b**2
10 * np.sin(a)
a < 35
A = np.array([[1, 1],
              [0, 1]])
B = np.array([[2, 0],
              [3, 4]])
A * B
A @ B
A.dot(B)
rg = np.random.default_rng(1)  # create instance of default random number generator
a = np.ones((2, 3), dtype=int)
b = rg.random((2, 3))
a *= 3
a
b += a
b
a = np.ones(3, dtype=np.int32)
b = np.linspace(0, pi, 3)
b.dtype.name
c = a + b
c
c.dtype.name
a = rg.random((2, 3))
a
a.sum()
a.min()
a.max()
b = np.arange(12).reshape(3, 4)
b
b.sum(axis=0)
b.min(axis=1)
b.cumsum(axis=1)
B = np.arange(3)
B
np.exp(B)
np.sqrt(B)
C = np.array([2., -1., 4.])
np.add(B, C)
a = np.arange(10)**3
a
a[2]
a[2:5]
a[:6:2] = 1000
a
a[::-1]
for i in a:
    print(i**(1 / 3.))
def f(x, y):
    return 10 * x + y
b = np.fromfunction(f, (5, 4), dtype=int)
b
b[2, 3]
b[0:5, 1]
b[:, 1]
b[1:3, :]
b[-1]
