# Source: HuangHuangZhengZheng/EECS498-007, Reminder_and_Starter/get_started_for_cvpr/introPyTorch/Autograd.ipynb
# (Chinese notes on autograd; commit b91d803; https://github.com/HuangHuangZhengZheng/EECS498-007), code cells in
# order, one blank line between cells. Left out: cells 7, 8 and 11 (fragments naming undefined `original_tensor`,
# `model`), cell 10 (`torch.set_grad_enabled(False)` as a call: refused, the hint names `with torch.no_grad():`).
import torch

x = torch.rand(2,2)
x.requires_grad

x = torch.rand(2,2)
x.requires_grad = True

z = 4 * x
z

z = torch.ones(2,1)
x = torch.Tensor([[2, 3], [1, 2]])
x.requires_grad = True
y = x.mm(z)
y

y.backward(torch.ones_like(y))

x.grad

# manual_backward()参见pytorch_lightning的文档

x = torch.tensor([1.0, 2.0], requires_grad=False)

# 用于单个函数或方法上，以禁止计算该函数或方法中所有张量操作的梯度
@torch.no_grad()
def doubler(x):
    return x * 2

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z = doubler(x)
print(z.requires_grad)  # 输出: False
