import torch

x = torch.tensor([3.0])
y = torch.tensor([2.0])

x + y,x * y, x / y,x**y
