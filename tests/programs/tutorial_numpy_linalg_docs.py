# Source: the examples of NumPy's numpy.linalg reference (numpy/numpy, numpy/linalg/_linalg.py docstrings,
# BSD-3-Clause; as shipped with the installed numpy 2.4.6;
# https://numpy.org/doc/stable/reference/routines.linalg.html): the `>>>`/`...` lines of each function's
# "Examples" in numpy.linalg.__all__'s order, without the printed outputs, as a student pastes them one
# after the other; one `# ---- cell N name` line before each function's examples (bench/tutorial_cells.py).
# Left out: the np.matrix lines (inv, cholesky, eigh: the deprecated matrix class), lstsq's matplotlib plot,
# the object-dtype arrays of outer and tensordot (arrays of Python objects), multi_dot's two plain
# `np.dot` chains (their 10000 x 1000 intermediate passes the element limit, which is multi_dot's point),
# matmul's last line and LinAlgError's example (errors on purpose; tests/unit/test_linalg_np_s29.py runs
# the second in try/except).
# Changed: `np.random.default_rng()` is `np.random.default_rng(0)`, so plain NumPy draws the same numbers.
# ---- cell 1 numpy.linalg.matrix_power
import numpy as np
from numpy.linalg import matrix_power
i = np.array([[0, 1], [-1, 0]]) # matrix equiv. of the imaginary unit
matrix_power(i, 3) # should = -i
matrix_power(i, 0)
matrix_power(i, -3) # should = 1/(-i) = i, but w/ f.p. elements
q = np.zeros((4, 4))
q[0:2, 0:2] = -i
q[2:4, 2:4] = i
q # one of the three quaternion units not equal to 1
matrix_power(q, 2) # = -np.eye(4)

# ---- cell 2 numpy.linalg.solve
import numpy as np
a = np.array([[1, 2], [3, 5]])
b = np.array([1, 2])
x = np.linalg.solve(a, b)
x
np.allclose(np.dot(a, x), b)

# ---- cell 3 numpy.linalg.tensorsolve
import numpy as np
a = np.eye(2*3*4).reshape((2*3, 4, 2, 3, 4))
rng = np.random.default_rng(0)
b = rng.normal(size=(2*3, 4))
x = np.linalg.tensorsolve(a, b)
x.shape
np.allclose(np.tensordot(a, x, axes=3), b)

# ---- cell 4 numpy.linalg.tensorinv
import numpy as np
a = np.eye(4*6).reshape((4, 6, 8, 3))
ainv = np.linalg.tensorinv(a, ind=2)
ainv.shape
rng = np.random.default_rng(0)
b = rng.normal(size=(4, 6))
np.allclose(np.tensordot(ainv, b), np.linalg.tensorsolve(a, b))
a = np.eye(4*6).reshape((24, 8, 3))
ainv = np.linalg.tensorinv(a, ind=1)
ainv.shape
rng = np.random.default_rng(0)
b = rng.normal(size=24)
np.allclose(np.tensordot(ainv, b, 1), np.linalg.tensorsolve(a, b))

# ---- cell 5 numpy.linalg.inv
import numpy as np
from numpy.linalg import inv
a = np.array([[1., 2.], [3., 4.]])
ainv = inv(a)
np.allclose(a @ ainv, np.eye(2))
np.allclose(ainv @ a, np.eye(2))
ainv
a = np.array([[[1., 2.], [3., 4.]], [[1, 3], [3, 5]]])
inv(a)
a = np.array([[2,4,6],[2,0,2],[6,8,14]])
inv(a)  # No errors raised
a @ inv(a)
from numpy.linalg import cond
cond(a)
from numpy.linalg import svd
sigma = svd(a, compute_uv=False)  # Do not compute singular vectors
sigma.max()/sigma.min()

# ---- cell 6 numpy.linalg.cholesky
import numpy as np
A = np.array([[1,-2j],[2j,5]])
A
L = np.linalg.cholesky(A)
L
np.dot(L, L.T.conj()) # verify that L * L.H = A
A = [[1,-2j],[2j,5]] # what happens if A is only array_like?
np.linalg.cholesky(A) # an ndarray object is returned
np.linalg.cholesky(A, upper=True)

# ---- cell 7 numpy.linalg.eigvals
import numpy as np
from numpy import linalg as LA
x = np.random.random()
Q = np.array([[np.cos(x), -np.sin(x)], [np.sin(x), np.cos(x)]])
LA.norm(Q[0, :]), LA.norm(Q[1, :]), np.dot(Q[0, :],Q[1, :])
D = np.diag((-1,1))
LA.eigvals(D)
A = np.dot(Q, D)
A = np.dot(A, Q.T)
LA.eigvals(A)

# ---- cell 8 numpy.linalg.eigvalsh
import numpy as np
from numpy import linalg as LA
a = np.array([[1, -2j], [2j, 5]])
LA.eigvalsh(a)
a = np.array([[5+2j, 9-2j], [0+2j, 2-1j]])
a
b = np.array([[5.+0.j, 0.-2.j], [0.+2.j, 2.-0.j]])
b
wa = LA.eigvalsh(a)
wb = LA.eigvals(b)
wa
wb

# ---- cell 9 numpy.linalg.pinv
import numpy as np
rng = np.random.default_rng(0)
a = rng.normal(size=(9, 6))
B = np.linalg.pinv(a)
np.allclose(a, np.dot(a, np.dot(B, a)))
np.allclose(B, np.dot(B, np.dot(a, B)))

# ---- cell 10 numpy.linalg.slogdet
import numpy as np
a = np.array([[1, 2], [3, 4]])
(sign, logabsdet) = np.linalg.slogdet(a)
(sign, logabsdet)
sign * np.exp(logabsdet)
a = np.array([ [[1, 2], [3, 4]], [[1, 2], [2, 1]], [[1, 3], [3, 1]] ])
a.shape
sign, logabsdet = np.linalg.slogdet(a)
(sign, logabsdet)
sign * np.exp(logabsdet)
np.linalg.det(np.eye(500) * 0.1)
np.linalg.slogdet(np.eye(500) * 0.1)

# ---- cell 11 numpy.linalg.det
import numpy as np
a = np.array([[1, 2], [3, 4]])
np.linalg.det(a)
a = np.array([ [[1, 2], [3, 4]], [[1, 2], [2, 1]], [[1, 3], [3, 1]] ])
a.shape
np.linalg.det(a)

# ---- cell 12 numpy.linalg.svd
import numpy as np
rng = np.random.default_rng(0)
a = rng.normal(size=(9, 6)) + 1j*rng.normal(size=(9, 6))
b = rng.normal(size=(2, 7, 8, 3)) + 1j*rng.normal(size=(2, 7, 8, 3))
U, S, Vh = np.linalg.svd(a, full_matrices=True)
U.shape, S.shape, Vh.shape
np.allclose(a, np.dot(U[:, :6] * S, Vh))
smat = np.zeros((9, 6), dtype=complex)
smat[:6, :6] = np.diag(S)
np.allclose(a, np.dot(U, np.dot(smat, Vh)))
U, S, Vh = np.linalg.svd(a, full_matrices=False)
U.shape, S.shape, Vh.shape
np.allclose(a, np.dot(U * S, Vh))
smat = np.diag(S)
np.allclose(a, np.dot(U, np.dot(smat, Vh)))
U, S, Vh = np.linalg.svd(b, full_matrices=True)
U.shape, S.shape, Vh.shape
np.allclose(b, np.matmul(U[..., :3] * S[..., None, :], Vh))
np.allclose(b, np.matmul(U[..., :3], S[..., None] * Vh))
U, S, Vh = np.linalg.svd(b, full_matrices=False)
U.shape, S.shape, Vh.shape
np.allclose(b, np.matmul(U * S[..., None, :], Vh))
np.allclose(b, np.matmul(U, S[..., None] * Vh))

# ---- cell 13 numpy.linalg.svdvals
np.linalg.svdvals([[1, 2, 3, 4, 5],
                   [1, 4, 9, 16, 25],
                   [1, 8, 27, 64, 125]])
s = np.linalg.svdvals([[1, 2, 3],
                       [2, 4, 6],
                       [-1, 1, -1]]); s
np.count_nonzero(s > 1e-10)  # Matrix of rank 2

# ---- cell 14 numpy.linalg.eig
import numpy as np
from numpy import linalg as LA
eigenvalues, eigenvectors = LA.eig(np.diag((1, 2, 3)))
eigenvalues
eigenvectors
eigenvalues, eigenvectors = LA.eig(np.array([[1, -1], [1, 1]]))
eigenvalues
eigenvectors
a = np.array([[1, 1j], [-1j, 1]])
eigenvalues, eigenvectors = LA.eig(a)
eigenvalues
eigenvectors
a = np.array([[1 + 1e-9, 0], [0, 1 - 1e-9]])
eigenvalues, eigenvectors = LA.eig(a)
eigenvalues
eigenvectors

# ---- cell 15 numpy.linalg.eigh
import numpy as np
from numpy import linalg as LA
a = np.array([[1, -2j], [2j, 5]])
a
eigenvalues, eigenvectors = LA.eigh(a)
eigenvalues
eigenvectors
(np.dot(a, eigenvectors[:, 0]) -
eigenvalues[0] * eigenvectors[:, 0])  # verify 1st eigenval/vec pair
(np.dot(a, eigenvectors[:, 1]) -
eigenvalues[1] * eigenvectors[:, 1])  # verify 2nd eigenval/vec pair
eigenvalues
eigenvectors
a = np.array([[5+2j, 9-2j], [0+2j, 2-1j]])
a
b = np.array([[5.+0.j, 0.-2.j], [0.+2.j, 2.-0.j]])
b
wa, va = LA.eigh(a)
wb, vb = LA.eig(b)
wa
wb
va
vb

# ---- cell 16 numpy.linalg.lstsq
import numpy as np
x = np.array([0, 1, 2, 3])
y = np.array([-1, 0.2, 0.9, 2.1])
A = np.vstack([x, np.ones(len(x))]).T
A
m, c = np.linalg.lstsq(A, y)[0]
m, c

# ---- cell 17 numpy.linalg.norm
import numpy as np
from numpy import linalg as LA
a = np.arange(9) - 4
a
b = a.reshape((3, 3))
b
LA.norm(a)
LA.norm(b)
LA.norm(b, 'fro')
LA.norm(a, np.inf)
LA.norm(b, np.inf)
LA.norm(a, -np.inf)
LA.norm(b, -np.inf)
LA.norm(a, 1)
LA.norm(b, 1)
LA.norm(a, -1)
LA.norm(b, -1)
LA.norm(a, 2)
LA.norm(b, 2)
LA.norm(a, -2)
LA.norm(b, -2)
LA.norm(a, 3)
LA.norm(a, -3)
c = np.array([[ 1, 2, 3],
              [-1, 1, 4]])
LA.norm(c, axis=0)
LA.norm(c, axis=1)
LA.norm(c, ord=1, axis=1)
m = np.arange(8).reshape(2,2,2)
LA.norm(m, axis=(1,2))
LA.norm(m[0, :, :]), LA.norm(m[1, :, :])

# ---- cell 18 numpy.linalg.qr
import numpy as np
rng = np.random.default_rng(0)
a = rng.normal(size=(9, 6))
Q, R = np.linalg.qr(a)
np.allclose(a, np.dot(Q, R))  # a does equal QR
R2 = np.linalg.qr(a, mode='r')
np.allclose(R, R2)  # mode='r' returns the same R as mode='full'
a = np.random.normal(size=(3, 2, 2)) # Stack of 2 x 2 matrices as input
Q, R = np.linalg.qr(a)
Q.shape
R.shape
np.allclose(a, np.matmul(Q, R))
A = np.array([[0, 1], [1, 1], [1, 1], [2, 1]])
A
b = np.array([1, 2, 2, 3])
Q, R = np.linalg.qr(A)
p = np.dot(Q.T, b)
np.dot(np.linalg.inv(R), p)

# ---- cell 19 numpy.linalg.cond
import numpy as np
from numpy import linalg as LA
a = np.array([[1, 0, -1], [0, 1, 0], [1, 0, 1]])
a
LA.cond(a)
LA.cond(a, 'fro')
LA.cond(a, np.inf)
LA.cond(a, -np.inf)
LA.cond(a, 1)
LA.cond(a, -1)
LA.cond(a, 2)
LA.cond(a, -2)
(min(LA.svd(a, compute_uv=False)) *
min(LA.svd(LA.inv(a), compute_uv=False)))

# ---- cell 20 numpy.linalg.matrix_rank
import numpy as np
from numpy.linalg import matrix_rank
matrix_rank(np.eye(4)) # Full rank matrix
I=np.eye(4); I[-1,-1] = 0. # rank deficient matrix
matrix_rank(I)
matrix_rank(np.ones((4,))) # 1 dimension - rank 1 unless all 0
matrix_rank(np.zeros((4,)))

# ---- cell 21 numpy.linalg.multi_dot
import numpy as np
from numpy.linalg import multi_dot
A = np.random.random((10000, 100))
B = np.random.random((100, 1000))
C = np.random.random((1000, 5))
D = np.random.random((5, 333))
_ = multi_dot([A, B, C, D])

# ---- cell 22 numpy.linalg.trace
np.linalg.trace(np.eye(3))
a = np.arange(8).reshape((2, 2, 2))
np.linalg.trace(a)
a = np.arange(24).reshape((3, 2, 2, 2))
np.linalg.trace(a).shape
a = np.arange(9).reshape((3, 3)); a
np.linalg.trace(a, offset=1)  # First superdiagonal
np.linalg.trace(a, offset=2)  # Second superdiagonal
np.linalg.trace(a, offset=-1)  # First subdiagonal
np.linalg.trace(a, offset=-2)  # Second subdiagonal

# ---- cell 23 numpy.linalg.diagonal
a = np.arange(4).reshape(2, 2); a
np.linalg.diagonal(a)
a = np.arange(8).reshape(2, 2, 2); a
np.linalg.diagonal(a)
a = np.arange(9).reshape(3, 3)
a
np.linalg.diagonal(a, offset=1)  # First superdiagonal
np.linalg.diagonal(a, offset=2)  # Second superdiagonal
np.linalg.diagonal(a, offset=-1)  # First subdiagonal
np.linalg.diagonal(a, offset=-2)  # Second subdiagonal
a = np.arange(9).reshape(3, 3)
a
np.linalg.diagonal(np.fliplr(a))  # Horizontal flip
np.linalg.diagonal(np.flipud(a))  # Vertical flip

# ---- cell 24 numpy.linalg.cross
x = np.array([1, 2, 3])
y = np.array([4, 5, 6])
np.linalg.cross(x, y)
x = np.array([[1,2,3], [4,5,6]])
y = np.array([[4,5,6], [1,2,3]])
np.linalg.cross(x, y)
x = np.array([[1, 2], [3, 4], [5, 6]])
y = np.array([[4, 5], [6, 1], [2, 3]])
np.linalg.cross(x, y, axis=0)

# ---- cell 25 numpy.linalg.outer
rl = np.linalg.outer(np.ones((5,)), np.linspace(-2, 2, 5))
rl
im = np.linalg.outer(1j*np.linspace(2, -2, 5), np.ones((5,)))
im
grid = rl + im
grid

# ---- cell 26 numpy.linalg.tensordot
a_0 = np.array([[1, 2], [3, 4]])
b_0 = np.array([[5, 6], [7, 8]])
c_0 = np.tensordot(a_0, b_0, axes=0)
c_0.shape
c_0
a = np.arange(60.).reshape(3,4,5)
b = np.arange(24.).reshape(4,3,2)
c = np.tensordot(a,b, axes=([1,0],[0,1]))
c.shape
c
d = np.zeros((5,2))
for i in range(5):
  for j in range(2):
    for k in range(3):
      for n in range(4):
        d[i,j] += a[k,n,i] * b[n,k,j]
c == d
a = np.array(range(1, 9)).reshape((2, 2, 2))

# ---- cell 27 numpy.linalg.matmul
a = np.array([[1, 0],
              [0, 1]])
b = np.array([[4, 1],
              [2, 2]])
np.linalg.matmul(a, b)
a = np.array([[1, 0],
              [0, 1]])
b = np.array([1, 2])
np.linalg.matmul(a, b)
np.linalg.matmul(b, a)
a = np.arange(2 * 2 * 4).reshape((2, 2, 4))
b = np.arange(2 * 2 * 4).reshape((2, 4, 2))
np.linalg.matmul(a,b).shape
np.linalg.matmul(a, b)[0, 1, 1]
sum(a[0, 1, :] * b[0 , :, 1])
np.linalg.matmul([2j, 3j], [2j, 3j])

# ---- cell 28 numpy.linalg.matrix_transpose
import numpy as np
np.matrix_transpose([[1, 2], [3, 4]])
np.matrix_transpose([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])

# ---- cell 29 numpy.linalg.matrix_norm
from numpy import linalg as LA
a = np.arange(9) - 4
a
b = a.reshape((3, 3))
b
LA.matrix_norm(b)
LA.matrix_norm(b, ord='fro')
LA.matrix_norm(b, ord=np.inf)
LA.matrix_norm(b, ord=-np.inf)
LA.matrix_norm(b, ord=1)
LA.matrix_norm(b, ord=-1)
LA.matrix_norm(b, ord=2)
LA.matrix_norm(b, ord=-2)

# ---- cell 30 numpy.linalg.vector_norm
from numpy import linalg as LA
a = np.arange(9) + 1
a
b = a.reshape((3, 3))
b
LA.vector_norm(b)
LA.vector_norm(b, ord=np.inf)
LA.vector_norm(b, ord=-np.inf)
LA.vector_norm(b, ord=0)
LA.vector_norm(b, ord=1)
LA.vector_norm(b, ord=-1)
LA.vector_norm(b, ord=2)
LA.vector_norm(b, ord=-2)

# ---- cell 31 numpy.linalg.vecdot
v = np.array([[0., 5., 0.], [0., 0., 10.], [0., 6., 8.]])
n = np.array([0., 0.6, 0.8])
np.linalg.vecdot(v, n)

