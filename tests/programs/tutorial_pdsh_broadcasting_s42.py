# Source: jakevdp/PythonDataScienceHandbook @d66231454e (code: MIT License, (C) 2016 Jacob VanderPlas),
# notebooks/02.05-Computation-on-arrays-broadcasting.ipynb (Python Data Science Handbook, 'Computation on
# Arrays: Broadcasting').
# Its code cells in order, each after a '# ---- cell N' line (N: the notebook's code-cell index). Session 42
# (breadth corpus, /work/wt/corpus-s42). Left out: cells that need a file, a plot, IPython or another library:
#   cell 21: IPython magic/shell/help
#   cell 22: plot/file/display/GPU/input: plt.imshow(z, origin='lower', extent=[0, 5, 0, 5])
#   cells 12: plain Python stops there too (an error the lesson shows on purpose, or a name a left-out cell made)
# ---- cell 0
import numpy as np
# ---- cell 1
a = np.array([0, 1, 2])
b = np.array([5, 5, 5])
a + b
# ---- cell 2
a + 5
# ---- cell 3
M = np.ones((3, 3))
M
# ---- cell 4
M + a
# ---- cell 5
a = np.arange(3)
b = np.arange(3)[:, np.newaxis]

print(a)
print(b)
# ---- cell 6
a + b
# ---- cell 7
M = np.ones((2, 3))
a = np.arange(3)
# ---- cell 8
M + a
# ---- cell 9
a = np.arange(3).reshape((3, 1))
b = np.arange(3)
# ---- cell 10
a + b
# ---- cell 11
M = np.ones((3, 2))
a = np.arange(3)
# ---- cell 13
a[:, np.newaxis].shape
# ---- cell 14
M + a[:, np.newaxis]
# ---- cell 15
np.logaddexp(M, a[:, np.newaxis])
# ---- cell 16
rng = np.random.default_rng(seed=1701)
X = rng.random((10, 3))
# ---- cell 17
Xmean = X.mean(0)
Xmean
# ---- cell 18
X_centered = X - Xmean
# ---- cell 19
X_centered.mean(0)
# ---- cell 20
# x and y have 50 steps from 0 to 5
x = np.linspace(0, 5, 50)
y = np.linspace(0, 5, 50)[:, np.newaxis]

z = np.sin(x) ** 10 + np.cos(10 + y * x) * np.cos(x)
