# Written for Autograd Lab after the 张量 (tensor) chapter of a Chinese PyTorch handbook (session 26,
# issue 9): our own program, not a copy. It exercises the same constructs: .shape and .size() of tensors
# of several ranks, a 0-d tensor and a one-element tensor with .item(), the type conversions .long(),
# .half(), .int(), .float(), .short(), .char(), .byte(), the NumPy bridge, .type(), the makers rand, ones,
# zeros and eye, torch.max(x, dim=1) unpacked into values and indices, sum over a dim, and add_.
import numpy as np
import torch

torch.__version__
m = torch.rand(3, 2)
print(m.shape, m.size())
big = torch.rand(2, 1, 3, 2)
print(big.size())

zero_d = torch.tensor(2.7182818)
print(zero_d, zero_d.size(), zero_d.item())
one_el = torch.tensor([-2.7182818])
print(one_el.size(), one_el.item())

one_el.long(), one_el.half(), one_el.int(), one_el.float()
one_el.short(), one_el.char(), torch.tensor([200.7]).byte()

g = torch.randn(2, 3)
as_np = g.numpy()
back = torch.from_numpy(as_np)
print(type(as_np).__name__, back.dtype, g.type())

torch.rand(2, 2).shape, torch.ones(2, 3), torch.zeros(1, 2), torch.eye(3, 2)

x = torch.randn(4, 3)
vals, idx = torch.max(x, dim=1)
print(vals.shape, idx.dtype, torch.equal(x.gather(1, idx[:, None]).squeeze(1), vals))
print(torch.sum(x, dim=1).shape)
y = torch.randn(4, 3)
s = x + y
x.add_(y)
print(torch.equal(s, x))
