# Source: inducer/numerics-notes (Andreas Kloeckner's numerical methods demos, MIT License, (C) 2020 Andreas
# Kloeckner; commit 7990c18), demos/nonlinear/Newton's method in n dimensions.ipynb:
# Newton's method in two dimensions with a hand-written Jacobian and la.solve (NumPy). Code cells in order, as written (the empty last cell left out).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import numpy as np
import numpy.linalg as la

# ---- cell 2
def f(xvec):
    x, y = xvec
    return np.array([
        x + 2*y -2,
        x**2 + 4*y**2 - 4
        ])



# ---- cell 3
#clear
def Jf(xvec):
    x, y = xvec
    return np.array([
        [1, 2],
        [2*x, 8*y]
        ])

# ---- cell 5
#clear
x = np.array([1, 2])

# ---- cell 7
#clear
x = x - la.solve(Jf(x), f(x))
print(x)

# ---- cell 9
#clear
f(x)

# ---- cell 12
xtrue = np.array([0, 1])
errors = []
x = np.array([1, 2])

# ---- cell 13
#clear
x = x - la.solve(Jf(x), f(x))
errors.append(la.norm(x-xtrue))
print(x)

# ---- cell 14
for e in errors:
    print(e)

# ---- cell 15
for i in range(len(errors)-1):
    print(errors[i+1]/errors[i]**2)

