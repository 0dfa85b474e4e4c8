# Written for Autograd Lab after the autograd and "optimisation toy problem" lessons of Chinese video
# courses (session 26, issue 9): our own program, not a copy. It exercises the same constructs:
# `from torch import autograd`, autograd.grad(y, [a, b, c]) giving one gradient per input, np.arange
# with a float step, np.meshgrid, and a Python function of a list [X, Y] evaluated on the grids
# (here Rosenbrock's function, not the lesson's).
import numpy as np
import torch
from torch import autograd

x = torch.tensor(2.)
a = torch.tensor(-1., requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)
c = torch.tensor(4., requires_grad=True)

y = a ** 3 * x + torch.exp(b * x) - c / x

print('grads before:', a.grad, b.grad, c.grad)
grads = autograd.grad(y, [a, b, c])
print('grads after :', grads[0], grads[1], grads[2])


def rosenbrock(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


xs = np.arange(-2, 2, 0.25)
ys = np.arange(-1, 3, 0.5)
print('ranges:', xs.shape, ys.shape)
X, Y = np.meshgrid(xs, ys)
print('grids:', X.shape, Y.shape)
Z = rosenbrock([X, Y])
print('smallest on the grid:', Z.min(), Z.max())

pt = torch.tensor([-1.5, 2.0], requires_grad=True)
val = rosenbrock(pt)
val.backward()
print(val.item(), pt.grad)
