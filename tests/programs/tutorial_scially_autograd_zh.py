# Source: scially/machine-learning, pytorch/2.梯度.ipynb (a Chinese course notebook on autograd: 梯度),
# code cells 0-4 in order (commit 52d9869; https://github.com/scially/machine-learning/blob/52d9869/pytorch/2.%E6%A2%AF%E5%BA%A6.ipynb).
# One blank line between cells; as written (cell 4 keeps each gradient with copy.deepcopy).
import torch
x = torch.ones(2, 2, requires_grad=True)
y = x + 2
z = y * y * 3
out = z.mean()
out.backward()
print(x.grad)

import torch
# 注意只有float类型的tensor才能自动求导
x = torch.arange(0,3, requires_grad=True, dtype=torch.float)
y = x**2 + x*2
z = y.sum()
z.backward()
x.grad

import torch
# 注意只有float类型的tensor才能自动求导
x = torch.arange(0,3, requires_grad=True, dtype=torch.float)
y = x**2 + x*2
z = y.sum()
y.backward(torch.tensor([1.,1.,1.]))
x.grad

import torch
x = torch.tensor([[3., 4.]], dtype=torch.float, requires_grad=True)
y = torch.zeros(1,2)
y[0,0] = x[0,0] ** 2 + x[0, 1]
y[0,1] = x[0,1] ** 3 + x[0, 0]
out = 2 * y
out.backward(torch.tensor([[1.,1.]]), retain_graph=True)
print(x.grad)

import copy
x.grad.zero_()
out.backward(torch.tensor([[1.,0.]]), retain_graph=True)
g1 = copy.deepcopy(x.grad)
x.grad.zero_()
out.backward(torch.tensor([[0.,1.]]), retain_graph=True)
g2 = copy.deepcopy(x.grad)
torch.cat((g1, g2), 0)
