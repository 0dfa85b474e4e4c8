# A two-layer network trained by hand (no nn.Module): 150 steps on a 1-D regression. Written for Autograd Lab.
import torch

x = torch.linspace(-2, 2, 256).reshape(-1, 1)
y = x ** 3 - x
W1 = (torch.randn(1, 32) * 0.5).requires_grad_()
b1 = torch.zeros(32, requires_grad=True)
W2 = (torch.randn(32, 1) * 0.2).requires_grad_()
b2 = torch.zeros(1, requires_grad=True)
for step in range(150):
    h = torch.tanh(x @ W1 + b1)
    out = h @ W2 + b2
    loss = ((out - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for p in [W1, b1, W2, b2]:
            p -= 0.05 * p.grad
            p.grad.zero_()
print(round(loss.item(), 4))
