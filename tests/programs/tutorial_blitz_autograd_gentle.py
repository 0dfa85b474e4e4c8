# Source: PyTorch tutorials, 60 Minute Blitz > "A Gentle Introduction to torch.autograd"
# (pytorch/tutorials beginner_source/blitz/autograd_tutorial.py; licence: BSD-3-Clause; read from the
# fork basavyr/pytorch-tutorials commit 898f9279), the code in order; the long prose comments are left out.
# Left out (out of scope: nn.Module models and optimizers): the torchvision import, `model = resnet18(...)`,
# `prediction = model(data)`, the SGD optimizer and `optim.step()`, and the fine-tuning cell (freezing
# `model.parameters()`, `model.fc = nn.Linear(512, 10)`, `optim.SGD`). Kept: `from torch import nn, optim`
# and the random data and labels; `loss = (prediction - labels).sum()` left out with the model.
from torch import nn, optim
import torch

data = torch.rand(1, 3, 64, 64)
labels = torch.rand(1, 1000)

a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)

Q = 3*a**3 - b**2

external_grad = torch.tensor([1., 1.])
Q.backward(gradient=external_grad)

# check if collected gradients are correct
print(9*a**2 == a.grad)
print(-2*b == b.grad)

x = torch.rand(5, 5)
y = torch.rand(5, 5)
z = torch.rand((5, 5), requires_grad=True)

a = x + y
print(f"Does `a` require gradients?: {a.requires_grad}")
b = x + z
print(f"Does `b` require gradients?: {b.requires_grad}")
