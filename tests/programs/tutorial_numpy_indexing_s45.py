# Source: numpy/numpy @1f90bbb55e (BSD-3-Clause, (C) 2005-2025 NumPy Developers), doc/source/user/basics.indexing.rst (NumPy's user guide, "Indexing on ndarrays"; the page's examples assume `import numpy as np`, written first as its doctests run)
# Its code cells in order, each after a '# ---- cell N' line (N: the page's code-block index). Session 45
# (breadth corpus, /work/wt/corpus-s45). Left out: cells that need a file, a plot, IPython or another library:
#   cells 13, 14, 16, 37: plain Python stops there too (the IndexErrors the page shows on purpose)
# The page's examples assume `import numpy as np` (its doctests run with it): written first, as a student would.
import numpy as np
# ---- cell 0
x = np.arange(10)
x[2]
x[-2]
# ---- cell 1
x = x.reshape((2, 5))  # now x is 2-dimensional
x[1, 3]
x[1, -1]
# ---- cell 2
x[0]
# ---- cell 3
x[0][2]
# ---- cell 4
x = np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
x[1:7:2]
# ---- cell 5
x[-2:10]
x[-3:3:-1]
# ---- cell 6
x[5:]
# ---- cell 7
x = np.array([[[1],[2],[3]], [[4],[5],[6]]])
x.shape
x[1:2]
# ---- cell 8
x[..., 0]
# ---- cell 9
x[:, :, 0]
# ---- cell 10
x[:, np.newaxis, :, :].shape
x[:, None, :, :].shape
# ---- cell 11
x = np.arange(5)
x[:, np.newaxis] + x[np.newaxis, :]
# ---- cell 12
x = np.arange(10, 1, -1)
x
x[np.array([3, 3, 1, 8])]
x[np.array([3, 3, -3, 8])]
# ---- cell 15
y = np.arange(35).reshape(5, 7)
y
y[np.array([0, 2, 4]), np.array([0, 1, 2])]
# ---- cell 17
y[np.array([0, 2, 4]), 1]
# ---- cell 18
y[np.array([0, 2, 4])]
# ---- cell 19
x = np.array([[1, 2], [3, 4], [5, 6]])
x[[0, 1, 2], [0, 1, 0]]
# ---- cell 20
x = np.array([[ 0,  1,  2],
              [ 3,  4,  5],
              [ 6,  7,  8],
              [ 9, 10, 11]])
rows = np.array([[0, 0],
                 [3, 3]], dtype=np.intp)
columns = np.array([[0, 2],
                    [0, 2]], dtype=np.intp)
x[rows, columns]
# ---- cell 21
rows = np.array([0, 3], dtype=np.intp)
columns = np.array([0, 2], dtype=np.intp)
rows[:, np.newaxis]
x[rows[:, np.newaxis], columns]
# ---- cell 22
x[rows, columns]
# ---- cell 23
x = np.array([[1., 2.], [np.nan, 3.], [np.nan, np.nan]])
x[~np.isnan(x)]
# ---- cell 24
x = np.array([1., -1., -2., 3])
x[x < 0] += 20
x
# ---- cell 25
x = np.arange(35).reshape(5, 7)
b = x > 20
b[:, 5]
x[b[:, 5]]
# ---- cell 26
x = np.array([[0, 1], [1, 1], [2, 2]])
rowsum = x.sum(-1)
x[rowsum <= 2, :]
# ---- cell 27
x = np.array([[ 0,  1,  2],
              [ 3,  4,  5],
              [ 6,  7,  8],
              [ 9, 10, 11]])
rows = (x.sum(-1) % 2) == 0
rows
columns = [0, 2]
x[np.ix_(rows, columns)]
# ---- cell 28
rows = rows.nonzero()[0]
x[rows[:, np.newaxis], columns]
# ---- cell 29
x = np.arange(30).reshape(2, 3, 5)
x
b = np.array([[True, True, False], [False, True, True]])
x[b]
# ---- cell 30
y = np.arange(35).reshape(5,7)
y[np.array([0, 2, 4]), 1:3]
# ---- cell 31
y[:, 1:3][np.array([0, 2, 4]), :]
# ---- cell 32
x = np.array([[ 0,  1,  2],
              [ 3,  4,  5],
              [ 6,  7,  8],
              [ 9, 10, 11]])
x[1:2, 1:3]
x[1:2, [1, 2]]
# ---- cell 33
x = np.arange(35).reshape(5, 7)
b = x > 20
b
x[b[:, 5], 1:3]
# ---- cell 34
x = np.zeros((2, 2), dtype=[('a', np.int32), ('b', np.float64, (3, 3))])
x['a'].shape
x['a'].dtype
x['b'].shape
x['b'].dtype
# ---- cell 35
x = np.arange(10)
x[2:7] = 1
# ---- cell 36
x[2:7] = np.arange(5)
# ---- cell 38
x = np.arange(0, 50, 10)
x
x[np.array([1, 1, 3, 1])] += 1
x
# ---- cell 39
z = np.arange(81).reshape(3, 3, 3, 3)
indices = (1, 1, 1, 1)
z[indices]
# ---- cell 40
indices = (1, 1, 1, slice(0, 2))  # same as [1, 1, 1, 0:2]
z[indices]
# ---- cell 41
indices = (1, Ellipsis, 1)  # same as [1, ..., 1]
z[indices]
# ---- cell 42
z[[1, 1, 1, 1]]  # produces a large array
z[(1, 1, 1, 1)]  # returns a single value
