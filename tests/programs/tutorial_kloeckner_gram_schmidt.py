# Source: inducer/numerics-notes (Andreas Kloeckner's numerical methods demos, MIT License, (C) 2020 Andreas
# Kloeckner; commit 7990c18), demos/linear_least_squares/Gram-Schmidt and Modified Gram-Schmidt.ipynb:
# classical and modified Gram-Schmidt, their loss of orthogonality (NumPy). Code cells in order, as written.
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import numpy as np
import numpy.linalg as la

# ---- cell 2
A = np.random.randn(3, 3)

# ---- cell 3
def test_orthogonality(Q):
    print("Q:")
    print(Q.round(9))
    
    print("Q^T Q:")
    QtQ = np.dot(Q.T, Q)
    QtQ[np.abs(QtQ) < 1e-15] = 0
    print(QtQ.round(9))

# ---- cell 4
Q = np.zeros(A.shape)

# ---- cell 6
#clear
for k in range(A.shape[1]):
    avec = A[:, k]
    q = avec
    for j in range(k):
        coeff = avec @ Q[:,j]
        q = q - coeff*Q[:,j]
    
    Q[:, k] = q/la.norm(q)

# ---- cell 8
test_orthogonality(Q)

# ---- cell 10
np.set_printoptions(precision=13)

eps = 1e-8

A = np.array([
    [1,  1,  1],
    [eps,eps,0],
    [eps,0,  eps]
    ])

A

# ---- cell 11
Q = np.zeros(A.shape)

# ---- cell 12
for k in range(A.shape[1]):
    avec = A[:, k]
    q = avec
    for j in range(k):
        coeff = avec @ Q[:, j]
        print(q, coeff)
        q = q - coeff * Q[:,j]
    
    print(q)
    Q[:, k] = q/la.norm(q)
    print("norm -->", Q[:, k])
    print("-------")

# ---- cell 13
test_orthogonality(Q)

# ---- cell 15
Q = np.zeros(A.shape)

# ---- cell 16
#clear
for k in range(A.shape[1]):
    q = A[:, k]
    for j in range(k):
        coeff = q @ Q[:,j]
        print(q, coeff)
        q = q - np.dot(q, Q[:,j])*Q[:,j]

    print(q)
    Q[:, k] = q/la.norm(q)
    print("norm -->", Q[:,k])
    print("-------")    

# ---- cell 17
test_orthogonality(Q)
