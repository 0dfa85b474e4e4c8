# Newton's method for a root of f(x) = x^3 - 2x - 5, the derivative from backward() each step. Written for Autograd Lab.
import torch

x = torch.tensor(3.0)
for step in range(60):
    x = x.detach().requires_grad_(True)
    f = x ** 3 - 2 * x - 5
    f.backward()
    with torch.no_grad():
        x = x - f / x.grad
print(x)
print(f.item())
