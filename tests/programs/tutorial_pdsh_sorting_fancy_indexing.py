# Source: Jake VanderPlas, Python Data Science Handbook (2nd ed.), notebooks 02.07-Fancy-Indexing.ipynb and
# 02.08-Sorting.ipynb, their code cells in order (jakevdp/PythonDataScienceHandbook commit d6623145; code
# licence: MIT, LICENSE-CODE; https://github.com/jakevdp/PythonDataScienceHandbook/tree/d6623145/notebooks):
# fancy indexing, rng.multivariate_normal, np.random.choice, x[i] += 1 against np.add.at, a histogram by
# hand with np.searchsorted; sorting with np.sort / np.argsort / np.partition, and k nearest neighbours
# with broadcasting and np.argpartition. Left out: `%timeit` cells and the plotting cells (plt.scatter,
# plt.plot, `import matplotlib.pyplot as plt`, seaborn's style).
# ---- cell 1
import numpy as np
rng = np.random.default_rng(seed=1701)

x = rng.integers(100, size=10)
print(x)

# ---- cell 2
[x[3], x[7], x[2]]

# ---- cell 3
ind = [3, 7, 4]
x[ind]

# ---- cell 4
ind = np.array([[3, 7],
                [4, 5]])
x[ind]

# ---- cell 5
X = np.arange(12).reshape((3, 4))
X

# ---- cell 6
row = np.array([0, 1, 2])
col = np.array([2, 1, 3])
X[row, col]

# ---- cell 7
X[row[:, np.newaxis], col]

# ---- cell 8
row[:, np.newaxis] * col

# ---- cell 9
print(X)

# ---- cell 10
X[2, [2, 0, 1]]

# ---- cell 11
X[1:, [2, 0, 1]]

# ---- cell 12
mask = np.array([True, False, True, False])
X[row[:, np.newaxis], mask]

# ---- cell 13
mean = [0, 0]
cov = [[1, 2],
       [2, 5]]
X = rng.multivariate_normal(mean, cov, 100)
X.shape

# ---- cell 14
indices = np.random.choice(X.shape[0], 20, replace=False)
indices

# ---- cell 15
selection = X[indices]  # fancy indexing here
selection.shape

# ---- cell 16
x = np.arange(10)
i = np.array([2, 1, 8, 4])
x[i] = 99
print(x)

# ---- cell 17
x[i] -= 10
print(x)

# ---- cell 18
x = np.zeros(10)
x[[0, 0]] = [4, 6]
print(x)

# ---- cell 19
i = [2, 3, 3, 4, 4, 4]
x[i] += 1
x

# ---- cell 20
x = np.zeros(10)
np.add.at(x, i, 1)
print(x)

# ---- cell 21
rng = np.random.default_rng(seed=1701)
x = rng.normal(size=100)

# compute a histogram by hand
bins = np.linspace(-5, 5, 20)
counts = np.zeros_like(bins)

# find the appropriate bin for each x
i = np.searchsorted(bins, x)

# add 1 to each of these bins
np.add.at(counts, i, 1)

# ---- cell 22
L = [3, 1, 4, 1, 5, 9, 2, 6]
sorted(L)  # returns a sorted copy

# ---- cell 23
L.sort()  # acts in-place and returns None
print(L)

# ---- cell 24
sorted('python')

# ---- cell 25
import numpy as np

x = np.array([2, 1, 4, 3, 5])
np.sort(x)

# ---- cell 26
x.sort()
print(x)

# ---- cell 27
x = np.array([2, 1, 4, 3, 5])
i = np.argsort(x)
print(i)

# ---- cell 28
x[i]

# ---- cell 29
rng = np.random.default_rng(seed=42)
X = rng.integers(0, 10, (4, 6))
print(X)

# ---- cell 30
# sort each column of X
np.sort(X, axis=0)

# ---- cell 31
# sort each row of X
np.sort(X, axis=1)

# ---- cell 32
x = np.array([7, 2, 3, 1, 6, 5, 4])
np.partition(x, 3)

# ---- cell 33
np.partition(X, 2, axis=1)

# ---- cell 34
X = rng.random((10, 2))

# ---- cell 35
dist_sq = np.sum((X[:, np.newaxis] - X[np.newaxis, :]) ** 2, axis=-1)

# ---- cell 36
# for each pair of points, compute differences in their coordinates
differences = X[:, np.newaxis] - X[np.newaxis, :]
differences.shape

# ---- cell 37
# square the coordinate differences
sq_differences = differences ** 2
sq_differences.shape

# ---- cell 38
# sum the coordinate differences to get the squared distance
dist_sq = sq_differences.sum(-1)
dist_sq.shape

# ---- cell 39
dist_sq.diagonal()

# ---- cell 40
nearest = np.argsort(dist_sq, axis=1)
print(nearest)

# ---- cell 41
K = 2
nearest_partition = np.argpartition(dist_sq, K + 1, axis=1)
