# Written for Autograd Lab after "linear regression from scratch" lessons (session 26, issue 9): our own
# program, not a copy. It exercises the same constructs: inputs and targets as np.array(..., dtype=
# 'float32'), torch.from_numpy, weights from torch.randn(..., requires_grad=True), a model x @ w.t() + b,
# the mean squared error written out (diff * diff, .numel()), and a gradient-descent loop by hand inside
# torch.no_grad() with .grad.zero_(), 100 epochs.
import numpy as np
import torch

# hours studied, hours slept, coffees -> exam score, quiz score
features = np.array([[4, 7, 1], [9, 6, 3], [2, 8, 0],
                     [6, 5, 2], [8, 7, 1], [5, 9, 2]], dtype='float32')
scores = np.array([[62, 55], [81, 70], [50, 48],
                   [66, 57], [80, 71], [68, 60]], dtype='float32')
inputs = torch.from_numpy(features)
targets = torch.from_numpy(scores)
inputs.shape, targets.dtype

w = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2, requires_grad=True)


def model(x):
    return x @ w.t() + b


def mse(t1, t2):
    diff = t1 - t2
    return torch.sum(diff * diff) / diff.numel()


preds = model(inputs)
loss = mse(preds, targets)
print(loss)

loss.backward()
print(w.grad.shape, b.grad.shape)

with torch.no_grad():
    w.grad.zero_()
    b.grad.zero_()

for epoch in range(100):
    preds = model(inputs)
    loss = mse(preds, targets)
    loss.backward()
    with torch.no_grad():
        w -= w.grad * 2e-3
        b -= b.grad * 2e-3
        w.grad.zero_()
        b.grad.zero_()
    if epoch % 25 == 0:
        print(epoch, loss.item())

loss = mse(model(inputs), targets)
print(loss)
