# Convolution as a differentiable op: find a kernel's edges, then learn the kernel back by gradient descent.
# Written for Autograd Lab (session 30) after d2l.ai 7.2 "Convolutions for Images" (code MIT-0): its corr2d by
# hand, then the same with torch.nn.functional.conv2d and a weight tensor instead of nn.Conv2d; max and
# average pooling (d2l 7.5) and dropout (d2l 5.6) on the result.
import torch
import torch.nn.functional as F


def corr2d(X, K):
    h, w = K.shape
    Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + h, j:j + w] * K).sum()
    return Y


X = torch.ones((6, 8))
X[:, 2:6] = 0
K = torch.tensor([[1.0, -1.0]])
Y = corr2d(X, K)
print(Y)
print(torch.equal(F.conv2d(X.reshape(1, 1, 6, 8), K.reshape(1, 1, 1, 2)).reshape(6, 7), Y))

# learn the kernel from X and Y
torch.manual_seed(0)
weight = torch.randn(1, 1, 1, 2, requires_grad=True)
X4, Y4 = X.reshape(1, 1, 6, 8), Y.reshape(1, 1, 6, 7)
lr = 3e-2
for i in range(10):
    Y_hat = F.conv2d(X4, weight)
    loss = ((Y_hat - Y4) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        weight -= lr * weight.grad
    weight.grad.zero_()
    if (i + 1) % 2 == 0:
        print(f'epoch {i + 1}, loss {loss:.3f}')
print(weight.reshape(1, 2))

# pooling and padding
P = torch.arange(16.0).reshape(1, 1, 4, 4)
print(F.max_pool2d(P, 3, stride=1))
print(F.avg_pool2d(P, 2))
print(F.max_pool2d(P, 3, padding=1, stride=2))
print(F.adaptive_avg_pool2d(P, 1).item())

# two channels in, one out: the sum over channels
X2 = torch.stack((X, X + 1)).unsqueeze(0)
K2 = torch.stack((K, K * 2)).unsqueeze(0)
print(F.conv2d(X2, K2).shape)

# dropout keeps the expected value: zeros and survivors scaled by 1 / (1 - p)
h = torch.ones(2, 6)
out = F.dropout(h, p=0.5)
print(out)
print(F.dropout(h, p=0.5, training=False).sum())
