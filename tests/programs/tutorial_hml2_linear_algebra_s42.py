# Source: ageron/handson-ml2 @1e21152 (Apache License 2.0), math_linear_algebra.ipynb (Aurélien Géron's
# 'Math - Linear Algebra' companion notebook to Hands-On Machine Learning: vectors and matrices in NumPy).
# Its code cells in order, each after a '# ---- cell N' line (N: the notebook's code-cell index). Session 42
# (breadth corpus, /work/wt/corpus-s42). Left out: cells that need a file, a plot, IPython or another library:
#   cell 4: IPython magic/shell/help
#   cell 6: plot/file/display/GPU/input: plt.scatter(x_coords, y_coords, color=["r","b"])
#   cell 7: plot/file/display/GPU/input: return plt.arrow(origin[0], origin[1], vector2d[0], vector2d
#   cell 8: plot/file/display/GPU/input: plt.axis([0, 9, 0, 6])
#   cell 10: out-of-scope import: from mpl_toolkits.mplot3d import Axes3D
#   cell 11: plot/file/display/GPU/input: subplot3d = plt.subplot(111, projection='3d')
#   cell 14: plot/file/display/GPU/input: plt.gca().add_artist(plt.Circle((0,0), radius, color="#DDDDD
#   cell 16: plot/file/display/GPU/input: plt.axis([0, 9, 0, 7])
#   cell 17: plot/file/display/GPU/input: plt.plot(x_coords, y_coords, "c--", x_coords, y_coords, "co"
#   cell 19: plot/file/display/GPU/input: plt.plot(x_coords, y_coords, "c--", x_coords, y_coords, "co"
#   cell 20: plot/file/display/GPU/input: plt.gca().add_artist(plt.Circle((0,0),1,color='c'))
#   cell 26: plot/file/display/GPU/input: plt.plot(proj[0], proj[1], "ko")
#   cell 64: out-of-scope import: import sys
#   cell 81: plot/file/display/GPU/input: plt.scatter(x_coords_P, y_coords_P)
#   cell 82: plot/file/display/GPU/input: plt.plot(x_coords_P, y_coords_P, "bo")
#   cell 83: out-of-scope import: from matplotlib.patches import Polygon
#   cell 84: plot/file/display/GPU/input: plt.gca().add_artist(Polygon(P.T, alpha=0.2))
#   cell 85: plot/file/display/GPU/input: plt.gca().add_artist(Polygon(P.T, alpha=0.2))
#   cell 87: plot/file/display/GPU/input: plt.gca().add_artist(Polygon(P_before.T, alpha=0.2))
#   cell 90: plot/file/display/GPU/input: plt.gca().add_artist(Polygon(P.T, alpha=0.2))
#   cell 94: plot/file/display/GPU/input: plt.show()
#   cell 95: plot/file/display/GPU/input: plt.show()
#   cell 96: plot/file/display/GPU/input: plt.show()
#   cell 97: plot/file/display/GPU/input: plt.show()
#   cell 98: plot/file/display/GPU/input: plt.show()
#   cell 99: plot/file/display/GPU/input: plt.show()
#   cell 100: plot/file/display/GPU/input: plt.plot(P[0], P[1], "b--")
#   cell 102: plot/file/display/GPU/input: plt.plot([0, 0, 1, 1, 0, 0.1, 0.1, 0, 0.1, 1.1, 1.0, 1.1, 1.
#   cell 103: plot/file/display/GPU/input: plt.show()
#   cell 105: plot/file/display/GPU/input: plt.show()
#   cell 109: plot/file/display/GPU/input: plt.show()
#   cell 115: plot/file/display/GPU/input: plt.show()
#   cell 127: plot/file/display/GPU/input: plt.show()
#   cell 128: plot/file/display/GPU/input: plt.show()
#   cell 129: plot/file/display/GPU/input: plt.show()
#   cells 86, 89, 91, 92, 93, 101, 104, 106, 107, 108, 110, 112, 113, 114, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 130, 131, 132, 133, 135: plain Python stops there too (an error the lesson shows on purpose, or a name a left-out cell made)
# ---- cell 0
[10.5, 5.2, 3.25, 7.0]
# ---- cell 1
import numpy as np
video = np.array([10.5, 5.2, 3.25, 7.0])
video
# ---- cell 2
video.size
# ---- cell 3
video[2]  # 3rd element
# ---- cell 5
u = np.array([2, 5])
v = np.array([3, 1])
# ---- cell 9
a = np.array([1, 2, 8])
b = np.array([5, 6, 3])
# ---- cell 12
def vector_norm(vector):
    squares = [element**2 for element in vector]
    return sum(squares)**0.5

print("||", u, "|| =")
vector_norm(u)
# ---- cell 13
import numpy.linalg as LA
LA.norm(u)
# ---- cell 15
print(" ", u)
print("+", v)
print("-"*10)
u + v
# ---- cell 18
print("1.5 *", u, "=")

1.5 * u
# ---- cell 21
def dot_product(v1, v2):
    return sum(v1i * v2i for v1i, v2i in zip(v1, v2))

dot_product(u, v)
# ---- cell 22
np.dot(u,v)
# ---- cell 23
u.dot(v)
# ---- cell 24
print("  ",u)
print("* ",v, "(NOT a dot product)")
print("-"*10)

u * v
# ---- cell 25
def vector_angle(u, v):
    cos_theta = u.dot(v) / LA.norm(u) / LA.norm(v)
    return np.arccos(np.clip(cos_theta, -1, 1))

theta = vector_angle(u, v)
print("Angle =", theta, "radians")
print("      =", theta * 180 / np.pi, "degrees")
# ---- cell 27
[
    [10, 20, 30],
    [40, 50, 60]
]
# ---- cell 28
A = np.array([
    [10,20,30],
    [40,50,60]
])
A
# ---- cell 29
A.shape
# ---- cell 30
A.size
# ---- cell 31
A[1,2]  # 2nd row, 3rd column
# ---- cell 32
A[1, :]  # 2nd row vector (as a 1D array)
# ---- cell 33
A[:, 2]  # 3rd column vector (as a 1D array)
# ---- cell 34
A[1:2, :]  # rows 2 to 3 (excluded): this returns row 2 as a one-row matrix
# ---- cell 35
A[:, 2:3]  # columns 3 to 4 (excluded): this returns column 3 as a one-column matrix
# ---- cell 36
np.diag([4, 5, 6])
# ---- cell 37
D = np.array([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
    ])
np.diag(D)
# ---- cell 38
np.eye(3)
# ---- cell 39
B = np.array([[1,2,3], [4, 5, 6]])
B
# ---- cell 40
A
# ---- cell 41
A + B
# ---- cell 42
B + A
# ---- cell 43
C = np.array([[100,200,300], [400, 500, 600]])

A + (B + C)
# ---- cell 44
(A + B) + C
# ---- cell 45
2 * A
# ---- cell 46
A * 2
# ---- cell 47
2 * (3 * A)
# ---- cell 48
(2 * 3) * A
# ---- cell 49
2 * (A + B)
# ---- cell 50
2 * A + 2 * B
# ---- cell 51
D = np.array([
        [ 2,  3,  5,  7],
        [11, 13, 17, 19],
        [23, 29, 31, 37]
    ])
E = A.dot(D)
E
# ---- cell 52
40*5 + 50*17 + 60*31
# ---- cell 53
E[1,2]  # row 2, column 3
# ---- cell 54
try:
    D.dot(A)
except ValueError as e:
    print("ValueError:", e)
# ---- cell 55
F = np.array([
        [5,2],
        [4,1],
        [9,3]
    ])
A.dot(F)
# ---- cell 56
F.dot(A)
# ---- cell 57
G = np.array([
        [8,  7,  4,  2,  5],
        [2,  5,  1,  0,  5],
        [9, 11, 17, 21,  0],
        [0,  1,  0,  1,  2]])
A.dot(D).dot(G)     # (AB)G
# ---- cell 58
A.dot(D.dot(G))     # A(BG)
# ---- cell 59
(A + B).dot(D)
# ---- cell 60
A.dot(D) + B.dot(D)
# ---- cell 61
A.dot(np.eye(3))
# ---- cell 62
np.eye(2).dot(A)
# ---- cell 63
A * B   # NOT a matrix multiplication
# ---- cell 65
A
# ---- cell 66
A.T
# ---- cell 67
A.T.T
# ---- cell 68
(A + B).T
# ---- cell 69
A.T + B.T
# ---- cell 70
(A.dot(D)).T
# ---- cell 71
D.T.dot(A.T)
# ---- cell 72
D.dot(D.T)
# ---- cell 73
u
# ---- cell 74
u.T
# ---- cell 75
u_row = np.array([u])
u_row
# ---- cell 76
u[np.newaxis, :]
# ---- cell 77
u[np.newaxis]
# ---- cell 78
u[None]
# ---- cell 79
u_row.T
# ---- cell 80
u[:, np.newaxis]
# ---- cell 88
U = np.array([[1, 0]])
# ---- cell 111
M = np.array([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 0]
    ])
LA.det(M)
# ---- cell 134
D = np.array([
        [100, 200, 300],
        [ 10,  20,  30],
        [  1,   2,   3],
    ])
np.trace(D)
