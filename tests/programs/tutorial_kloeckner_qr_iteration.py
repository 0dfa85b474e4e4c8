# Source: inducer/numerics-notes (Andreas Kloeckner's numerical methods demos; licence: MIT License, (C) 2020 Andreas
# Kloeckner, stated in each notebook and the README; commit 7990c18), demos/eigenvalue/QR Iteration.ipynb:
# QR iteration, unshifted and shifted (NumPy: la.qr, np.tril, la.norm(x, 2)). Code cells in order, as written (the empty last cell left out).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import numpy as np
import numpy.linalg as la

np.set_printoptions(linewidth=120)

# ---- cell 3
n = 5

np.random.seed(70)
eigvecs = np.random.randn(n, n)
eigvals = np.sort(np.random.randn(n))

A = np.dot(la.solve(eigvecs, np.diag(eigvals)), eigvecs)
print(eigvals)

# ---- cell 5
X = A
Qall = np.eye(n)

# ---- cell 6
#clear
Q, R = la.qr(X)
X = R @ Q

Qall = Qall @ Q

print(X)

# ---- cell 7
np.tril(X, -1)

# ---- cell 8
la.norm(np.tril(X, -1))

# ---- cell 9
la.norm(A - Qall @ X @ Qall.T, 2) / la.norm(A, 2)

# ---- cell 11
X = A
Qall = np.eye(n)

# ---- cell 12
#clear
i = -4
sigma = X[i,i]
Q, R = la.qr(X - sigma*np.eye(n))
X = R @ Q + sigma*np.eye(n)

Qall = Qall @ Q

print(X)

# ---- cell 14
la.norm(np.tril(X, -1))

# ---- cell 15
la.norm(A - Qall @ X @ Qall.T, 2) / la.norm(A, 2)

