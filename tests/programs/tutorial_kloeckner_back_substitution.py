# Source: inducer/numerics-notes (Andreas Kloeckner's numerical methods demos, MIT License, (C) 2020 Andreas
# Kloeckner; commit 7990c18), demos/linear_systems/Coding back-substitution.ipynb: an upper triangular system
# (np.tri(n).T masks a random matrix) solved by back-substitution in two loops (NumPy). Code cells in order,
# as written. Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import numpy as np
# ---- cell 2
n = 5

A = np.random.randn(n, n) * np.tri(n).T
print(A)

x = np.random.randn(n)
print(x)

b = A @ x
# ---- cell 3
#clear
xcomp = np.zeros(n)

for i in range(n-1, -1, -1):
    tmp = b[i]
    for j in range(n-1, i, -1):
        tmp -= xcomp[j]*A[i,j]
        
    xcomp[i] = tmp/A[i,i]
# ---- cell 4
print(x)
print(xcomp)
