# Source: the examples of PyTorch's torch.linalg reference (pytorch/pytorch, torch/linalg/__init__.py
# docstrings, BSD-3-Clause; as shipped with torch 2.13.0; https://docs.pytorch.org/docs/stable/linalg.html):
# the `>>>`/`...` lines of each function's "Example:" in order, without the printed outputs, as a student
# pastes them one after the other. Functions in order: det, slogdet, inv, solve, eig, eigvals, eigh,
# eigvalsh, svd, svdvals, qr, cholesky, norm, vector_norm, matrix_norm, matrix_power, matrix_rank,
# multi_dot, cross, pinv, cond, lstsq, matrix_exp, solve_triangular; session 24: lu_factor, lu_solve,
# tensorinv, tensorsolve, and lu without its last three lines (`device="cuda"`).
# Left out: ldl_factor/ldl_solve (an output line pasted as code), householder_product (the older
# torch.geqrf), the *_ex variants, LinAlgError (an error on purpose), vecdot and vander (their examples
# write `linalg.` without importing it: a NameError in PyTorch).
import torch
# ---- torch.linalg.det
A = torch.randn(3, 3)
torch.linalg.det(A)
A = torch.randn(3, 2, 2)
torch.linalg.det(A)

# ---- torch.linalg.slogdet
A = torch.randn(3, 3)
A
torch.linalg.det(A)
torch.logdet(A)
torch.linalg.slogdet(A)

# ---- torch.linalg.inv
A = torch.randn(4, 4)
Ainv = torch.linalg.inv(A)
torch.dist(A @ Ainv, torch.eye(4))
A = torch.randn(2, 3, 4, 4)  # Batch of matrices
Ainv = torch.linalg.inv(A)
torch.dist(A @ Ainv, torch.eye(4))
A = torch.randn(4, 4, dtype=torch.complex128)  # Complex matrix
Ainv = torch.linalg.inv(A)
torch.dist(A @ Ainv, torch.eye(4))

# ---- torch.linalg.solve
A = torch.randn(3, 3)
b = torch.randn(3)
x = torch.linalg.solve(A, b)
torch.allclose(A @ x, b)
A = torch.randn(2, 3, 3)
B = torch.randn(2, 3, 4)
X = torch.linalg.solve(A, B)
X.shape
torch.allclose(A @ X, B)
A = torch.randn(2, 3, 3)
b = torch.randn(3, 1)
x = torch.linalg.solve(A, b) # b is broadcasted to size (2, 3, 1)
x.shape
torch.allclose(A @ x, b)
b = torch.randn(3)
x = torch.linalg.solve(A, b) # b is broadcasted to size (2, 3)
x.shape
Ax = A @ x.unsqueeze(-1)
torch.allclose(Ax, b.unsqueeze(-1).expand_as(Ax))

# ---- torch.linalg.eig
A = torch.randn(2, 2, dtype=torch.complex128)
A
L, V = torch.linalg.eig(A)
L
V
torch.dist(V @ torch.diag(L) @ torch.linalg.inv(V), A)
A = torch.randn(3, 2, 2, dtype=torch.float64)
L, V = torch.linalg.eig(A)
torch.dist(V @ torch.diag_embed(L) @ torch.linalg.inv(V), A)

# ---- torch.linalg.eigvals
A = torch.randn(2, 2, dtype=torch.complex128)
L = torch.linalg.eigvals(A)
L
torch.dist(L, torch.linalg.eig(A).eigenvalues)

# ---- torch.linalg.eigh
A = torch.randn(2, 2, dtype=torch.complex128)
A = A + A.T.conj()  # creates a Hermitian matrix
A
L, Q = torch.linalg.eigh(A)
L
Q
torch.dist(Q @ torch.diag(L.cdouble()) @ Q.T.conj(), A)
A = torch.randn(3, 2, 2, dtype=torch.float64)
A = A + A.mT  # creates a batch of symmetric matrices
L, Q = torch.linalg.eigh(A)
torch.dist(Q @ torch.diag_embed(L) @ Q.mH, A)

# ---- torch.linalg.eigvalsh
A = torch.randn(2, 2, dtype=torch.complex128)
A = A + A.T.conj()  # creates a Hermitian matrix
A
torch.linalg.eigvalsh(A)
A = torch.randn(3, 2, 2, dtype=torch.float64)
A = A + A.mT  # creates a batch of symmetric matrices
torch.linalg.eigvalsh(A)

# ---- torch.linalg.svd
A = torch.randn(5, 3)
U, S, Vh = torch.linalg.svd(A, full_matrices=False)
U.shape, S.shape, Vh.shape
torch.dist(A, U @ torch.diag(S) @ Vh)
U, S, Vh = torch.linalg.svd(A)
U.shape, S.shape, Vh.shape
torch.dist(A, U[:, :3] @ torch.diag(S) @ Vh)
A = torch.randn(7, 5, 3)
U, S, Vh = torch.linalg.svd(A, full_matrices=False)
torch.dist(A, U @ torch.diag_embed(S) @ Vh)

# ---- torch.linalg.svdvals
A = torch.randn(5, 3)
S = torch.linalg.svdvals(A)
S
torch.dist(S, torch.linalg.svd(A, full_matrices=False).S)

# ---- torch.linalg.qr
A = torch.tensor([[12., -51, 4], [6, 167, -68], [-4, 24, -41]])
Q, R = torch.linalg.qr(A)
Q
R
(Q @ R).round()
(Q.T @ Q).round()
Q2, R2 = torch.linalg.qr(A, mode='r')
Q2
torch.equal(R, R2)
A = torch.randn(3, 4, 5)
Q, R = torch.linalg.qr(A, mode='complete')
torch.dist(Q @ R, A)
torch.dist(Q.mT @ Q, torch.eye(4))

# ---- torch.linalg.cholesky
A = torch.randn(2, 2, dtype=torch.complex128)
A = A @ A.T.conj() + torch.eye(2) # creates a Hermitian positive-definite matrix
A
L = torch.linalg.cholesky(A)
L
torch.dist(L @ L.T.conj(), A)
A = torch.randn(3, 2, 2, dtype=torch.float64)
A = A @ A.mT + torch.eye(2)  # batch of symmetric positive-definite matrices
L = torch.linalg.cholesky(A)
torch.dist(L @ L.mT, A)

# ---- torch.linalg.norm
from torch import linalg as LA
a = torch.arange(9, dtype=torch.float) - 4
a
B = a.reshape((3, 3))
B
LA.norm(a)
LA.norm(B)
LA.norm(B, 'fro')
LA.norm(a, float('inf'))
LA.norm(B, float('inf'))
LA.norm(a, -float('inf'))
LA.norm(B, -float('inf'))
LA.norm(a, 1)
LA.norm(B, 1)
LA.norm(a, -1)
LA.norm(B, -1)
LA.norm(a, 2)
LA.norm(B, 2)
LA.norm(a, -2)
LA.norm(B.double(), -2)
LA.norm(a, 3)
LA.norm(a, -3)
c = torch.tensor([[1., 2., 3.],
                  [-1, 1, 4]])
LA.norm(c, dim=0)
LA.norm(c, dim=1)
LA.norm(c, ord=1, dim=1)
A = torch.arange(8, dtype=torch.float).reshape(2, 2, 2)
LA.norm(A, dim=(1,2))
LA.norm(A[0, :, :]), LA.norm(A[1, :, :])

# ---- torch.linalg.vector_norm
from torch import linalg as LA
a = torch.arange(9, dtype=torch.float) - 4
a
B = a.reshape((3, 3))
B
LA.vector_norm(a, ord=3.5)
LA.vector_norm(B, ord=3.5)

# ---- torch.linalg.matrix_norm
from torch import linalg as LA
A = torch.arange(9, dtype=torch.float).reshape(3, 3)
A
LA.matrix_norm(A)
LA.matrix_norm(A, ord=-1)
B = A.expand(2, -1, -1)
B
LA.matrix_norm(B)
LA.matrix_norm(B, dim=(0, 2))

# ---- torch.linalg.matrix_power
A = torch.randn(3, 3)
torch.linalg.matrix_power(A, 0)
torch.linalg.matrix_power(A, 3)
torch.linalg.matrix_power(A.expand(2, -1, -1), -2)

# ---- torch.linalg.matrix_rank
A = torch.eye(10)
torch.linalg.matrix_rank(A)
B = torch.eye(10)
B[0, 0] = 0
torch.linalg.matrix_rank(B)
A = torch.randn(4, 3, 2)
torch.linalg.matrix_rank(A)
A = torch.randn(2, 4, 2, 3)
torch.linalg.matrix_rank(A)
A = torch.randn(2, 4, 3, 3, dtype=torch.complex64)
torch.linalg.matrix_rank(A)
torch.linalg.matrix_rank(A, hermitian=True)
torch.linalg.matrix_rank(A, atol=1.0, rtol=0.0)
torch.linalg.matrix_rank(A, atol=1.0, rtol=0.0, hermitian=True)

# ---- torch.linalg.multi_dot
from torch.linalg import multi_dot
multi_dot([torch.tensor([1, 2]), torch.tensor([2, 3])])
multi_dot([torch.tensor([[1, 2]]), torch.tensor([2, 3])])
multi_dot([torch.tensor([[1, 2]]), torch.tensor([[2], [3]])])
A = torch.arange(2 * 3).view(2, 3)
B = torch.arange(3 * 2).view(3, 2)
C = torch.arange(2 * 2).view(2, 2)
multi_dot((A, B, C))

# ---- torch.linalg.cross
a = torch.randn(4, 3)
a
b = torch.randn(4, 3)
b
torch.linalg.cross(a, b)
a = torch.randn(1, 3)  # a is broadcast to match shape of b
a
torch.linalg.cross(a, b)

# ---- torch.linalg.pinv
A = torch.randn(3, 5)
A
torch.linalg.pinv(A)
A = torch.randn(2, 6, 3)
Apinv = torch.linalg.pinv(A)
torch.dist(Apinv @ A, torch.eye(3))
A = torch.randn(3, 3, dtype=torch.complex64)
A = A + A.T.conj()  # creates a Hermitian matrix
Apinv = torch.linalg.pinv(A, hermitian=True)
torch.dist(Apinv @ A, torch.eye(3))

# ---- torch.linalg.cond
A = torch.randn(3, 4, 4, dtype=torch.complex64)
torch.linalg.cond(A)
A = torch.tensor([[1., 0, -1], [0, 1, 0], [1, 0, 1]])
torch.linalg.cond(A)
torch.linalg.cond(A, 'fro')
torch.linalg.cond(A, 'nuc')
torch.linalg.cond(A, float('inf'))
torch.linalg.cond(A, float('-inf'))
torch.linalg.cond(A, 1)
torch.linalg.cond(A, -1)
torch.linalg.cond(A, 2)
torch.linalg.cond(A, -2)
A = torch.randn(2, 3, 3)
torch.linalg.cond(A)
A = torch.randn(2, 3, 3, dtype=torch.complex64)
torch.linalg.cond(A)

# ---- torch.linalg.lstsq
A = torch.randn(1,3,3)
A
B = torch.randn(2,3,3)
B
X = torch.linalg.lstsq(A, B).solution # A is broadcasted to shape (2, 3, 3)
torch.dist(X, torch.linalg.pinv(A) @ B)
S = torch.linalg.lstsq(A, B, driver='gelsd').singular_values
torch.dist(S, torch.linalg.svdvals(A))
A[:, 0].zero_()  # Decrease the rank of A
rank = torch.linalg.lstsq(A, B).rank
rank

# ---- torch.linalg.matrix_exp
A = torch.empty(2, 2, 2)
A[0, :, :] = torch.eye(2, 2)
A[1, :, :] = 2 * torch.eye(2, 2)
A
torch.linalg.matrix_exp(A)
import math
A = torch.tensor([[0, math.pi/3], [-math.pi/3, 0]]) # A is skew-symmetric
torch.linalg.matrix_exp(A) # matrix_exp(A) = [[cos(pi/3), sin(pi/3)], [-sin(pi/3), cos(pi/3)]]

# ---- torch.linalg.solve_triangular
A = torch.randn(3, 3).triu_()
B = torch.randn(3, 4)
X = torch.linalg.solve_triangular(A, B, upper=True)
torch.allclose(A @ X, B)
A = torch.randn(2, 3, 3).tril_()
B = torch.randn(2, 3, 4)
X = torch.linalg.solve_triangular(A, B, upper=False)
torch.allclose(A @ X, B)
A = torch.randn(2, 4, 4).tril_()
B = torch.randn(2, 3, 4)
X = torch.linalg.solve_triangular(A, B, upper=False, left=False)
torch.allclose(X @ A, B)

# ---- torch.linalg.lu_factor
A = torch.randn(2, 3, 3)
B1 = torch.randn(2, 3, 4)
B2 = torch.randn(2, 3, 7)
LU, pivots = torch.linalg.lu_factor(A)
X1 = torch.linalg.lu_solve(LU, pivots, B1)
X2 = torch.linalg.lu_solve(LU, pivots, B2)
torch.allclose(A @ X1, B1)
torch.allclose(A @ X2, B2)

# ---- torch.linalg.lu_solve
A = torch.randn(3, 3)
LU, pivots = torch.linalg.lu_factor(A)
B = torch.randn(3, 2)
X = torch.linalg.lu_solve(LU, pivots, B)
torch.allclose(A @ X, B)
B = torch.randn(3, 3, 2)   # Broadcasting rules apply: A is broadcasted
X = torch.linalg.lu_solve(LU, pivots, B)
torch.allclose(A @ X, B)
B = torch.randn(3, 5, 3)
X = torch.linalg.lu_solve(LU, pivots, B, left=False)
torch.allclose(X @ A, B)
B = torch.randn(3, 3, 4)   # Now solve for A^T
X = torch.linalg.lu_solve(LU, pivots, B, adjoint=True)
torch.allclose(A.mT @ X, B)

# ---- torch.linalg.tensorinv
A = torch.eye(4 * 6).reshape((4, 6, 8, 3))
Ainv = torch.linalg.tensorinv(A, ind=2)
Ainv.shape
B = torch.randn(4, 6)
torch.allclose(torch.tensordot(Ainv, B), torch.linalg.tensorsolve(A, B))
A = torch.randn(4, 4)
Atensorinv = torch.linalg.tensorinv(A, ind=1)
Ainv = torch.linalg.inv(A)
torch.allclose(Atensorinv, Ainv)

# ---- torch.linalg.tensorsolve
A = torch.eye(2 * 3 * 4).reshape((2 * 3, 4, 2, 3, 4))
B = torch.randn(2 * 3, 4)
X = torch.linalg.tensorsolve(A, B)
X.shape
torch.allclose(torch.tensordot(A, X, dims=X.ndim), B)
A = torch.randn(6, 4, 4, 3, 2)
B = torch.randn(4, 3, 2)
X = torch.linalg.tensorsolve(A, B, dims=(0, 2))
X.shape
A = A.permute(1, 3, 4, 0, 2)
A.shape[B.ndim:]
torch.allclose(torch.tensordot(A, X, dims=X.ndim), B, atol=1e-6)

# ---- torch.linalg.lu
A = torch.randn(3, 2)
P, L, U = torch.linalg.lu(A)
P
L
U
torch.dist(A, P @ L @ U)
