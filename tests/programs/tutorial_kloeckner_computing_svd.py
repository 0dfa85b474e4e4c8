# Source: inducer/numerics-notes (Andreas Kloeckner's numerical methods demos; licence: MIT License, (C) 2020 Andreas
# Kloeckner, stated in each notebook and the README; commit 7990c18), demos/eigenvalue/Computing the SVD.ipynb:
# the SVD from the eigendecomposition of A^T A (NumPy: la.eigh, la.inv, np.diag). Code cells in order, as written (the empty last cell left out).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import numpy as np
import numpy.linalg as la

# ---- cell 2
np.random.seed(15)
n = 5
A = np.random.randn(n, n)

# ---- cell 4
#clear
eigvals, eigvecs = la.eigh(A.T @ A)

# ---- cell 5
eigvals

# ---- cell 7
eigvecs.shape

# ---- cell 9
#clear
B = A.T @ A
B - eigvecs @ np.diag(eigvals) @ la.inv(eigvecs)

# ---- cell 11
#clear
la.norm(eigvecs.T @ eigvecs  - np.eye(n))

# ---- cell 13
#clear
Sigma = np.diag(np.sqrt(eigvals))

# ---- cell 14
#clear
V = eigvecs

# ---- cell 15
#clear
U = A @ V @ la.inv(Sigma)

# ---- cell 17
#clear
U @ U.T - np.eye(n)

