# Source: hadrienj/deepLearningBook-Notes @f8f489b (MIT License), "2.7 Eigendecomposition"
# (https://github.com/hadrienj/deepLearningBook-Notes/blob/f8f489b/2.7%20Eigendecomposition/
# 2.7%20Eigendecomposition.ipynb): its code cells in order, each after a '# ---- cell N (corpus cell)' line,
# without the notebook's %%html style cell, its plotting helpers and plotting calls; the notebook is Python 2:
# its print statement is written as a print() call. Session 40 (breadth): the Eigen page's lesson.
import numpy as np
# ---- cell 1 (hj_2.7 1)
import numpy as np
# ---- cell 2 (hj_2.7 5)
A = np.array([[-1, 3], [2, -2]])
A
# ---- cell 3 (hj_2.7 6)
v = np.array([[2], [1]])
v
# ---- cell 5 (hj_2.7 8)
Av = A.dot(v)
print(Av)
# ---- cell 6 (hj_2.7 9)
A = np.array([[5, 1], [3, 3]])
A
# ---- cell 7 (hj_2.7 10)
v = np.array([[1], [1]])
v
# ---- cell 8 (hj_2.7 11)
Av = A.dot(v)

orange = '#FF9A13'
blue = '#1190FF'
# ---- cell 9 (hj_2.7 12)
v = np.array([[1], [-3]])
v
# ---- cell 10 (hj_2.7 13)
Av = A.dot(v)
# ---- cell 11 (hj_2.7 14)
A = np.array([[5, 1], [3, 3]])
A
# ---- cell 12 (hj_2.7 15)
np.linalg.eig(A)
# ---- cell 13 (hj_2.7 16)
v = np.array([[1], [-3]])
Av = A.dot(v)
v_np = [-0.31622777, 0.9486833]
# ---- cell 14 (hj_2.7 17)
V = np.array([[1, 1], [1, -3]])
V
# ---- cell 15 (hj_2.7 18)
V_inv = np.linalg.inv(V)
V_inv
# ---- cell 16 (hj_2.7 19)
lambdas = np.diag([6,2])
lambdas
# ---- cell 17 (hj_2.7 20)
V.dot(lambdas).dot(V_inv)
# ---- cell 18 (hj_2.7 21)
A = np.array([[6, 2], [2, 3]])
A
# ---- cell 19 (hj_2.7 22)
eigVals, eigVecs = np.linalg.eig(A)
eigVecs
# ---- cell 20 (hj_2.7 23)
eigVals = np.diag(eigVals)
eigVals
# ---- cell 21 (hj_2.7 24)
eigVecs.dot(eigVals).dot(eigVecs.T)
# ---- cell 22 (hj_2.7 25)
t = np.linspace(0, 2*np.pi, 100)
x = np.cos(t)
y = np.sin(t)
