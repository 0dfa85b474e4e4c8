# Source: 《动手学深度学习》 (Dive into Deep Learning, Chinese edition; d2l-ai/d2l-zh; licence: Apache-2.0),
# chapter_multilayer-perceptrons/mlp.md (commit 207928d3; 激活函数: ReLU, sigmoid, tanh and their gradients)
# followed by chapter_multilayer-perceptrons/numerical-stability-and-init.md (commit 10b71cd3; 梯度消失和梯度爆炸),
# the PyTorch tab's code cells in order. Left out: `%matplotlib inline`, `from d2l import torch as d2l` and
# every `d2l.plot(...)` line (plotting); the cells' computing lines are as written.
# ---- mlp.md
import torch

x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.relu(x)

y.backward(torch.ones_like(x), retain_graph=True)

y = torch.sigmoid(x)

# 清除以前的梯度。
x.grad.data.zero_()
y.backward(torch.ones_like(x),retain_graph=True)

y = torch.tanh(x)

# 清除以前的梯度。
x.grad.data.zero_()
y.backward(torch.ones_like(x),retain_graph=True)

# ---- numerical-stability-and-init.md
import torch

x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))

M = torch.normal(0, 1, size=(4,4))
print('一个矩阵 \n',M)
for i in range(100):
    M = torch.mm(M,torch.normal(0, 1, size=(4, 4)))

print('乘以100个矩阵后\n', M)
