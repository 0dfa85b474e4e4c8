# Written for Autograd Lab after the autograd notes of a Chinese computer-vision course (session 26,
# issue 9): our own program, not a copy. It exercises the same constructs: reading and setting
# `requires_grad` on an existing tensor, torch.Tensor(list) (float32), .mm, backward(torch.ones_like(y)),
# and a function decorated with @torch.no_grad() whose result does not require grad.
import torch

m = torch.rand(3, 2)
m.requires_grad

m.requires_grad = True
k = m * 0.5 - 1
k

col = torch.ones(2, 1) * 2
A = torch.Tensor([[1, -2], [0, 3], [4, 1]])
A.requires_grad = True
out = A.mm(col)
out

out.backward(torch.ones_like(out))

A.grad

# 装饰器：函数内的运算不记录计算图
@torch.no_grad()
def halve(v):
    return v / 2

v = torch.tensor([4.0, -6.0], requires_grad=True)
half = halve(v)
print(half.requires_grad, half)
print((v * 2).requires_grad)
