# Exploring a loss surface with NumPy, then descending it with autograd: a lesson that leans on the Python and
# NumPy tools students bring along. Written fresh for Autograd Lab (session 30): typing annotations
# (List, Dict, Tuple, Optional, Callable), slice objects, torch.finfo / np.finfo, np.mgrid / np.ogrid /
# np.r_ / np.c_ / np.ix_, np.ndenumerate / a.flat, itertools.cycle / groupby / tee / starmap.
import itertools
from typing import Callable, Dict, List, Optional, Tuple

import numpy as np
import torch

# ---- cell 1: a tiny data set, its columns named by slice objects
data = np.c_[np.r_[0:1:6j], np.r_[1.0, 1.8, 3.1, 3.9, 5.2, 5.8]]
X_COL, Y_COL = slice(0, 1), slice(1, 2)
print(data.shape, data[:, X_COL].ravel(), data[:, Y_COL].ravel())
print(X_COL, X_COL.indices(data.shape[1]), data[::2, X_COL].ravel())


# ---- cell 2: the loss, as a typed function
def mse(w: float, b: float, xs: np.ndarray, ys: np.ndarray) -> float:
    return float(np.mean((w * xs + b - ys) ** 2))


xs, ys = data[:, 0], data[:, 1]
W, B = np.mgrid[0:10:21j, -2:2:11j]
losses = np.zeros_like(W)
for (i, j), w in np.ndenumerate(W):
    losses[i, j] = mse(w, B[i, j], xs, ys)
best, best_loss = (0, 0), losses[0, 0]
for idx, value in np.ndenumerate(losses):
    if value < best_loss:
        best, best_loss = idx, value
print(W.shape, "best w, b on the grid:", W[best].round(2), B[best].round(2), losses[best].round(4))
print("smallest five losses:", np.sort(np.array(list(losses.flat)))[:5].round(4))
rows, cols = np.ogrid[0:3, 0:2]
print(rows.shape, cols.shape, (rows * 10 + cols).tolist(), losses[np.ix_([0, 20], [0, 10])].round(2))

# ---- cell 3: how small is small? the dtype's own epsilon
eps32, eps64 = torch.finfo(torch.float32).eps, np.finfo(np.float64).eps
print(torch.finfo(torch.float32))
print(eps32, eps64, torch.iinfo(torch.int32).max, 1.0 + eps32 / 4 == 1.0)


def numeric_grad(f: Callable[[float], float], x: float, h: Optional[float] = None) -> float:
    h = h if h is not None else eps32 ** 0.5
    return (f(x + h) - f(x - h)) / (2 * h)


print(round(numeric_grad(lambda w: mse(w, 1.0, xs, ys), 4.0), 3))

# ---- cell 4: minibatches by cycling through the data, gradient descent with autograd
x_t, y_t = torch.tensor(xs, dtype=torch.float32), torch.tensor(ys, dtype=torch.float32)
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
batches: List[slice] = [slice(0, 2), slice(2, 4), slice(4, 6)]
history: Dict[int, float] = {}
for step, part in zip(range(300), itertools.cycle(batches)):
    loss = ((w * x_t[part] + b - y_t[part]) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
        w.grad.zero_()
        b.grad.zero_()
    if step % 100 == 0:
        history[step] = round(loss.item(), 4)
print(history, w.item(), b.item())

# ---- cell 5: group the residuals by sign, pair up neighbours
residuals = (w * x_t + b - y_t).detach().tolist()
signs: List[Tuple[str, int]] = [(key, len(list(group))) for key, group in
                                itertools.groupby(residuals, key=lambda r: "+" if r > 0 else "-")]
print(signs)
left, right = itertools.tee(residuals)
next(right)
print([round(d, 3) for d in itertools.starmap(lambda a, c: c - a, zip(left, right))])
loss = ((w * x_t + b - y_t) ** 2).mean()
loss.backward()
print(loss, w.grad, b.grad)
