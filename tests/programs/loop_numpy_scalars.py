# A NumPy lesson's loops on scalars: a loss evaluated point by point on a grid, gradient descent with
# finite differences, a running count and sum of np.float64 / np.int64 values. Written for Autograd Lab.
import numpy as np


def loss(w0, w1):
    bump = np.exp(-(w0 - 0.5) ** 2 / 2.0) * np.exp(-(w1 + 0.3) * (w1 + 0.3) * 2.0)
    return 1.0 - bump + 0.1 * np.abs(w0 * w1)


def gradient(w0, w1, h=1e-5):
    g0 = (loss(w0 + h / 2, w1) - loss(w0 - h / 2, w1)) / h
    g1 = (loss(w0, w1 + h / 2) - loss(w0, w1 - h / 2)) / h
    return g0, g1


grid = np.linspace(-1.0, 1.0, 40)
surface = np.zeros((grid.size, grid.size))
for i, a in enumerate(grid):
    for j, b in enumerate(grid):
        surface[i, j] = loss(a, b)
print(surface.min(), surface.argmin(), surface[3, 7])

path = np.zeros((2, 201))
path[0, 0], path[1, 0] = -0.8, 0.9
for step in range(200):
    g0, g1 = gradient(path[0, step], path[1, step])
    path[0, step + 1] = path[0, step] - 0.2 * g0
    path[1, step + 1] = path[1, step] - 0.2 * g1
print(path[:, -1], np.sqrt(g0 ** 2 + g1 ** 2))

count = np.int64(0)
total = np.float64(0.0)
for k in range(1, 1001):
    x = np.float64(k) / 1000
    if np.sin(np.pi * x) > 0.5:
        count += 1
    total += x * np.cos(x) - np.maximum(x - 0.5, 0.0)
print(count, total, type(count), type(total), -total, abs(-count))
