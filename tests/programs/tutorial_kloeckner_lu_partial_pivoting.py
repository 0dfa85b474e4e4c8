# Source: inducer/numerics-notes (Andreas Kloeckner's numerical methods demos, MIT License, (C) 2020 Andreas
# Kloeckner; commit 7990c18), demos/linear_systems/LU Factorization with Partial Pivoting.ipynb: two steps of
# LU with partial pivoting by hand (row-swap matrices, np.argmax of a column, np.outer updates; NumPy). Code
# cells in order, as written. Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import numpy as np
import numpy.linalg as la

np.set_printoptions(linewidth=150, suppress=True, precision=3)
# ---- cell 2
n = 5

np.random.seed(235)
A = np.random.randn(n, n)
A[0,0] = 0
A
# ---- cell 3
def row_swap_mat(i, j):
    P = np.eye(n)
    P[i] = 0
    P[j] = 0
    P[i, j] = 1
    P[j, i] = 1
    return P
# ---- cell 4
i = 0
I = np.eye(n)
P = I.copy()
Lsub = np.zeros_like(A)
U = np.zeros_like(A)
remaining = A.copy()

remaining
# ---- cell 5
#clear
ipiv = i + np.argmax(np.abs(remaining[i:, i]))
ipiv
# ---- cell 6
#clear
swap_mat = row_swap_mat(i, ipiv)
P = swap_mat @ P
remaining = swap_mat @ remaining
remaining
# ---- cell 7
U[i, i:] = remaining[i, i:]
Lsub[i+1:,i] = remaining[i+1:,i]/U[i,i]
remaining[i+1:, i+1:] -= np.outer(Lsub[i+1:,i], U[i, i+1:])

i = i + 1

print(P@A-(Lsub+I)@U)
# ---- cell 8
#clear
ipiv = i + np.argmax(np.abs(remaining[i:, i]))
swap_mat = row_swap_mat(i, ipiv)

P = swap_mat @ P
Lsub = swap_mat @ Lsub
remaining = swap_mat @ remaining
# ---- cell 9
print("Should maintain the same 'zero fringe' as the previous step:")
print(P @ A - (Lsub+I) @ U)

print("Should be zero:")
print(remaining[i:, i:] - (P @ A - (Lsub+I) @ U)[i:, i:])
# ---- cell 10
U[i, i:] = remaining[i, i:]
Lsub[i+1:,i] = remaining[i+1:,i]/U[i,i]
remaining[i+1:, i+1:] -= np.outer(Lsub[i+1:,i], U[i, i+1:])

i = i + 1

print(P@A-(Lsub+I)@U)
# ---- cell 11
P
# ---- cell 12
I+Lsub
# ---- cell 13
U
