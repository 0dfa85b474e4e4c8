# Source: inducer/numerics-notes (Andreas Kloeckner's numerical methods demos; licence: MIT License, (C) 2020 Andreas
# Kloeckner, stated in each notebook and the README; commit 7990c18), demos/eigenvalue/Orthogonal Iteration.ipynb:
# orthogonal (subspace) iteration (NumPy: la.qr in a repeated cell). Code cells in order, as written (the empty last cell left out).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import numpy as np
import numpy.linalg as la

# ---- cell 3
n = 5

np.random.seed(70)
eigvecs = np.random.randn(n, n)
eigvals = np.sort(np.random.randn(n))

A = np.dot(la.solve(eigvecs, np.diag(eigvals)), eigvecs)
print(eigvals)

# ---- cell 5
#clear
X = np.random.randn(n, n)

# ---- cell 7
#clear
Q, R = la.qr(X)
X = A @ Q
print(Q)

# ---- cell 9
#clear
la.norm(
    Q @ R @ Q.T
    - A)

# ---- cell 11
#clear
R

