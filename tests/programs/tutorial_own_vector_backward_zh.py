# Written for Autograd Lab after 梯度 (autograd) lessons of Chinese course notebooks (session 26, issue 9):
# our own program, not a copy. It exercises what such a notebook shows: backward() of a scalar mean,
# backward(gradient) of a vector, a tensor built element by element from a leaf (y[i, j] = ...),
# retain_graph=True to walk the same graph again, one Jacobian row at a time kept with copy.deepcopy,
# and the rows joined with torch.cat.
import copy

import torch

# 标量输出：mean 的梯度
w = torch.full((2, 3), 0.5, requires_grad=True)
h = (w - 1) * (w + 4)
s = h.mean()
s.backward()
print(w.grad)

# 向量输出：backward 需要一个与输出同形状的权重
t = torch.linspace(-1, 1, 4, requires_grad=True, dtype=torch.float)
u = t ** 3 - 2 * t
u.backward(torch.tensor([1., 2., 0., -1.]))
t.grad

# 逐个元素赋值构造输出，再按行求雅可比矩阵
p = torch.tensor([[2., -1.]], requires_grad=True)
q = torch.zeros(1, 2)
q[0, 0] = p[0, 0] * p[0, 1] + 1
q[0, 1] = p[0, 0] ** 2 - 3 * p[0, 1]
r = 3 * q
r.backward(torch.tensor([[1., 1.]]), retain_graph=True)
print(p.grad)

rows = []
for k in range(2):
    p.grad.zero_()
    e = torch.zeros(1, 2)
    e[0, k] = 1.
    r.backward(e, retain_graph=True)
    rows.append(copy.deepcopy(p.grad))
jac = torch.cat(rows, 0)
jac
