# Logistic regression on two Gaussian blobs, 300 epochs of full-batch gradient descent. Written for Autograd Lab.
import torch

X = torch.cat([torch.randn(200, 2) + 2, torch.randn(200, 2) - 2])
t = torch.cat([torch.ones(200), torch.zeros(200)])
w = torch.zeros(2, requires_grad=True)
b = torch.zeros((), requires_grad=True)
for epoch in range(300):
    p = torch.sigmoid(X @ w + b)
    loss = -(t * torch.log(p + 1e-7) + (1 - t) * torch.log(1 - p + 1e-7)).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
        w.grad.zero_()
        b.grad.zero_()
accuracy = ((p > 0.5).float() == t).float().mean()
print(loss.item(), accuracy.item())
