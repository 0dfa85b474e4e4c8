# A long scalar chain: 500 steps of y = sin(y) * 1.01 + 0.1 * x, one backward at the end. Written for Autograd Lab.
import torch

x = torch.tensor(0.5, requires_grad=True)
y = x
for i in range(500):
    y = torch.sin(y) * 1.01 + 0.1 * x
y.backward()
print(y.item())
print(x.grad)
