# Written for Autograd Lab after the Chinese translations of the 60-minute blitz's tensor page (session
# 26, issue 9): our own program, not a copy. It exercises the same constructs: `from __future__ import
# print_function`, torch.empty (zero-filled here and in the test's oracle), rand, zeros with
# dtype=torch.long, tensor, new_ones, randn_like with a dtype, size(), the forms of addition (+, torch.add,
# out=, add_), slicing, view with -1, item(), the NumPy bridge both ways (np.add(out=)), and the CUDA check.
from __future__ import print_function
import torch

e = torch.empty(2, 4)
print(e)
r = torch.rand(2, 4)
print(r.shape)
z = torch.zeros(2, 4, dtype=torch.long)
print(z)
t = torch.tensor([1.5, -2.0])
print(t)
o = t.new_ones(2, 4, dtype=torch.double)
print(o)
n = torch.randn_like(o, dtype=torch.float)
print(n.size(), n.dtype)

# 加法的几种写法
b = torch.ones(2, 4)
print(o.float() + b)
print(torch.add(z, b))
out = torch.empty(2, 4)
torch.add(b, b, out=out)
print(out)
b.add_(out)
print(b)
print(b[:, 2])

g = torch.arange(12.)
print(g.view(3, 4).size(), g.view(-1, 6).size(), g.view(2, -1, 3).size())
one = torch.randn(1)
print(one.item() == float(one))

# 与 NumPy 共享内存
a = torch.zeros(3)
arr = a.numpy()
a.add_(2)
print(arr)

import numpy as np
nd = np.full(3, 0.5)
tt = torch.from_numpy(nd)
np.add(nd, 1, out=nd)
print(tt)

if torch.cuda.is_available():
    dev = torch.device("cuda")
    print(torch.ones(2, device=dev))
