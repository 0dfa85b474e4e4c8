# Written for Autograd Lab after "PyTorch basics: tensors & gradients" lessons (session 26, issue 9): our
# own program, not a copy. It exercises the same constructs: tensors of rank 0 to 3 and their .shape and
# .dtype, arithmetic with requires_grad leaves, backward() and each leaf's .grad (None for a leaf that
# does not require grad), torch.full, torch.cat, torch.sin, .reshape, and the NumPy bridge
# (np.array -> torch.from_numpy / torch.tensor -> .numpy()).
import numpy as np
import torch

s = torch.tensor(7.)
v = torch.tensor([1, 2, 3, 4.])
m = torch.tensor([[1., 2], [3, 4], [5, 6]])
c = torch.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8.]]])
for t in (s, v, m, c):
    print(t.shape, t.dtype)

x = torch.tensor(2.)
a = torch.tensor(-3., requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)
z = a * x ** 2 + b * x + 1
z

z.backward()
print('dz/dx:', x.grad)
print('dz/da:', a.grad)
print('dz/db:', b.grad)

f = torch.full((2, 3), 1.5)
f

g = torch.cat((f, torch.zeros(1, 3)))
g

h = torch.sin(g)
h

h.reshape(3, 3, 1).shape

arr = np.array([[0.5, 1.0], [1.5, 2.0]])
arr

from_arr = torch.from_numpy(arr)
from_arr, from_arr.dtype

back = (from_arr * 2).numpy()
back, type(back)
