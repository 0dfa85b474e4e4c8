# Source: inducer/numerics-notes (Andreas Kloeckner's numerical methods demos, MIT License, (C) 2020 Andreas
# Kloeckner; commit 7990c18), demos/eigenvalue/Power Iteration and its Variants.ipynb:
# power iteration, normalized power iteration, inverse iteration with a shift, Rayleigh quotient iteration (NumPy). Code cells in order, as written (the empty last cell left out).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import numpy as np
import numpy.linalg as la
np.set_printoptions(precision=3, linewidth=120)

# ---- cell 3
n = 6

if 1:
    np.random.seed(70)
    eigvecs = np.random.randn(n, n)
    eigvals = np.sort(np.random.randn(n))
    # Uncomment for near-duplicate largest-magnitude eigenvalue
    # eigvals[1] = eigvals[0] + 1e-3

    A = eigvecs.dot(np.diag(eigvals)).dot(la.inv(eigvecs))
    print(eigvals)
    
else:
    # Complex eigenvalues
    np.random.seed(40)
    A = np.random.randn(n, n)
    print(la.eig(A)[0])

# ---- cell 5
#clear
x0 = np.random.randn(n)
x0

# ---- cell 7
x = x0

# ---- cell 9
#clear
for i in range(20):
    x = A @ x
    print(x)

# ---- cell 13
x0 = np.random.randn(n)
x = x0

# ---- cell 15
#clear
for i in range(10):
    x = A @ x
    nrm = la.norm(x)
    x = x/nrm
    print(la.solve(eigvecs, x))
    #print(x)

print(nrm)

# ---- cell 17
x = x0
errors = []
coeffs = la.solve(eigvecs, x0)

for i in range(10):
    x = A @ x
    errors.append(
        la.norm(x/eigvals[0]**(i+1) - coeffs[0]*eigvecs[:,0], 2))
    print("coefficients:", la.solve(eigvecs, x/la.norm(x,2)))

conv_factor = eigvals[1]/eigvals[0]

errors = np.array(errors)
for i in range(len(errors)-1):
    print(f"{i=}: {errors[i]=:.6e}, {errors[i+1]/errors[i]=:.6g}, {conv_factor=:.6g}")

# ---- cell 20
x = x0/la.norm(x0)

# ---- cell 21
#clear
sigma = 1
A_sigma = A-sigma*np.eye(A.shape[0])
for i in range(30):
    x = la.solve(A_sigma, x)
    nrm = la.norm(x)
    x = x/nrm
    print(x)

# ---- cell 23
x = x0/la.norm(x0)

# ---- cell 25
#clear
for i in range(10):
    sigma = np.dot(x, np.dot(A, x))/np.dot(x, x)
    x = la.solve(A-sigma*np.eye(n), x)
    x = x/la.norm(x)
    # print(x)
    print("coefficients:", np.abs(la.solve(eigvecs, x)))

