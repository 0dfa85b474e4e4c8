# Source: jakevdp/PythonDataScienceHandbook @d66231454e (code: MIT License, (C) 2016 Jacob VanderPlas), notebooks/02.02-The-Basics-Of-NumPy-Arrays.ipynb (Python Data Science Handbook, 'The Basics of NumPy Arrays').
# Its code cells in order, each after a '# ---- cell N' line (N: the notebook's code-cell index). Session 42
# (breadth corpus, /work/wt/corpus-s42). Left out: cells that need a file, a plot, IPython or another library:
# ---- cell 0
import numpy as np
rng = np.random.default_rng(seed=1701)  # seed for reproducibility

x1 = rng.integers(10, size=6)  # one-dimensional array
x2 = rng.integers(10, size=(3, 4))  # two-dimensional array
x3 = rng.integers(10, size=(3, 4, 5))  # three-dimensional array
# ---- cell 1
print("x3 ndim: ", x3.ndim)
print("x3 shape:", x3.shape)
print("x3 size: ", x3.size)
print("dtype:   ", x3.dtype)
# ---- cell 2
x1
# ---- cell 3
x1[0]
# ---- cell 4
x1[4]
# ---- cell 5
x1[-1]
# ---- cell 6
x1[-2]
# ---- cell 7
x2
# ---- cell 8
x2[0, 0]
# ---- cell 9
x2[2, 0]
# ---- cell 10
x2[2, -1]
# ---- cell 11
x2[0, 0] = 12
x2
# ---- cell 12
x1[0] = 3.14159  # this will be truncated!
x1
# ---- cell 13
x1
# ---- cell 14
x1[:3]  # first three elements
# ---- cell 15
x1[3:]  # elements after index 3
# ---- cell 16
x1[1:4]  # middle subarray
# ---- cell 17
x1[::2]  # every second element
# ---- cell 18
x1[1::2]  # every second element, starting at index 1
# ---- cell 19
x1[::-1]  # all elements, reversed
# ---- cell 20
x1[4::-2]  # every second element from index 4, reversed
# ---- cell 21
x2
# ---- cell 22
x2[:2, :3]  # first two rows & three columns
# ---- cell 23
x2[:3, ::2]  # three rows, every second column
# ---- cell 24
x2[::-1, ::-1]  # all rows & columns, reversed
# ---- cell 25
x2[:, 0]  # first column of x2
# ---- cell 26
x2[0, :]  # first row of x2
# ---- cell 27
x2[0]  # equivalent to x2[0, :]
# ---- cell 28
print(x2)
# ---- cell 29
x2_sub = x2[:2, :2]
print(x2_sub)
# ---- cell 30
x2_sub[0, 0] = 99
print(x2_sub)
# ---- cell 31
print(x2)
# ---- cell 32
x2_sub_copy = x2[:2, :2].copy()
print(x2_sub_copy)
# ---- cell 33
x2_sub_copy[0, 0] = 42
print(x2_sub_copy)
# ---- cell 34
print(x2)
# ---- cell 35
grid = np.arange(1, 10).reshape(3, 3)
print(grid)
# ---- cell 36
x = np.array([1, 2, 3])
x.reshape((1, 3))  # row vector via reshape
# ---- cell 37
x.reshape((3, 1))  # column vector via reshape
# ---- cell 38
x[np.newaxis, :]  # row vector via newaxis
# ---- cell 39
x[:, np.newaxis]  # column vector via newaxis
# ---- cell 40
x = np.array([1, 2, 3])
y = np.array([3, 2, 1])
np.concatenate([x, y])
# ---- cell 41
z = np.array([99, 99, 99])
print(np.concatenate([x, y, z]))
# ---- cell 42
grid = np.array([[1, 2, 3],
                 [4, 5, 6]])
# ---- cell 43
# concatenate along the first axis
np.concatenate([grid, grid])
# ---- cell 44
# concatenate along the second axis (zero-indexed)
np.concatenate([grid, grid], axis=1)
# ---- cell 45
# vertically stack the arrays
np.vstack([x, grid])
# ---- cell 46
# horizontally stack the arrays
y = np.array([[99],
              [99]])
np.hstack([grid, y])
# ---- cell 47
x = [1, 2, 3, 99, 99, 3, 2, 1]
x1, x2, x3 = np.split(x, [3, 5])
print(x1, x2, x3)
# ---- cell 48
grid = np.arange(16).reshape((4, 4))
grid
# ---- cell 49
upper, lower = np.vsplit(grid, [2])
print(upper)
print(lower)
# ---- cell 50
left, right = np.hsplit(grid, [2])
print(left)
print(right)
