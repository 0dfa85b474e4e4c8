# Source: rasbt/stat453-deep-learning-ss21, L06/code/pytorch-autograd.ipynb (Sebastian Raschka's STAT 453
# "Introduction to Deep Learning", lecture 6: PyTorch's autograd on a ReLU graph; commit ce261963; licence:
# MIT; https://github.com/rasbt/stat453-deep-learning-ss21/blob/ce261963/L06/code/pytorch-autograd.ipynb),
# code cells in order. Left out: cell 0 (the `%watermark` IPython magics) and the empty last cell.
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import torch
from torch.autograd import grad
import torch.nn.functional as F

# ---- cell 2
x = torch.tensor([3.])
w = torch.tensor([2.], requires_grad=True)
b = torch.tensor([1.], requires_grad=True)
a = F.relu(x*w + b)

# ---- cell 3
a

# ---- cell 4
grad(a, w, retain_graph=True)

# ---- cell 5
grad(a, b)

# ---- cell 6
x = torch.tensor([3.])
w = torch.tensor([2.], requires_grad=True)
b = torch.tensor([1.], requires_grad=True)

def my_relu(z):
    if z > 0.:
        return z
    else:
        z[:] = 0.
        return z

a = my_relu(x*w + b)
grad(a, w)

# ---- cell 7
x = torch.tensor([-1.])
w = torch.tensor([1.], requires_grad=True)
b = torch.tensor([1.], requires_grad=True)

def my_relu(z):
    if z > 0.:
        return z
    else:
        z[:] = 0.
        return z

a = F.relu(x*w + b)
grad(a, w, retain_graph=False)
