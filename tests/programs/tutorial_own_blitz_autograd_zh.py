# Written for Autograd Lab after the Chinese translations of the 60-minute blitz's autograd page
# (session 26, issue 9): our own program, not a copy. It exercises the same constructs: a leaf with
# requires_grad=True, grad_fn of results, .requires_grad_(True) in place, backward of a mean, a loop
# doubling a tensor while `y.data.norm()` is small, backward(v) of a vector, and torch.no_grad().
import torch

# 创建一个需要梯度的张量
w = torch.full((2, 3), 2.0, requires_grad=True)
print(w)

h = w - 1
print(h.grad_fn)

k = h * h * 4
m = k.mean()
print(k, m)

# requires_grad_ 原地修改标志
c = torch.randn(3, 3)
c = (c * 2) / (c + 3)
print(c.requires_grad)
c.requires_grad_(True)
print(c.requires_grad, (c ** 2).sum().grad_fn)

m.backward()
print(w.grad)

# 向量输出的反向传播
v = torch.randn(4, requires_grad=True)
u = v * 3
steps = 0
while u.data.norm() < 500:
    u = u * 3
    steps += 1
print(steps, u.shape)

g = torch.tensor([1.0, 0.5, 0.01, 0.0])
u.backward(g)
print(v.grad)

print(v.requires_grad, (v * v).requires_grad)
with torch.no_grad():
    print((v * v).requires_grad)
