# Linear regression by gradient descent (d2l "linear regression from scratch", full batch), 200 epochs. Written for Autograd Lab.
import torch

true_w = torch.tensor([2, -3.4])
true_b = 4.2
X = torch.normal(0, 1, (1000, 2))
y = X @ true_w + true_b
y += torch.normal(0, 0.01, y.shape)
y = y.reshape((-1, 1))

w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.03
for epoch in range(200):
    l = ((X @ w + b - y) ** 2 / 2).mean()
    l.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    if epoch % 50 == 49:
        print(f'epoch {epoch + 1}, loss {l.item():f}')
print(w.reshape(-1), b)
