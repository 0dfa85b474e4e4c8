# Written for Autograd Lab after the first lectures of Chinese PyTorch video courses (linear model,
# gradient descent, back-propagation; session 26, issue 9): our own program, not a copy. It exercises the
# same constructs: a loss scanned over np.arange weights with zip loops and '\t' prints, batch gradient
# descent with a hand-written gradient, per-sample (stochastic) updates, and the same fit with autograd
# on a torch.Tensor([..]) weight updated through .data and cleared with .grad.data.zero_().
import numpy as np

xs = [0.5, 1.5, 2.5, 3.5]
ys = [1.0, 4.0, 7.0, 10.0]  # y = 3x - 0.5


def predict(x):
    return k * x - 0.5


def sq_err(x, y):
    return (predict(x) - y) ** 2


# 穷举：在网格上找损失最小的 k
scan_k, scan_mse = [], []
for k in np.arange(2.0, 4.01, 0.25):
    total = 0
    for x, y in zip(xs, ys):
        total += sq_err(x, y)
    print('k=', k, '\tMSE=', total / len(xs))
    scan_k.append(k)
    scan_mse.append(total / len(xs))
print('best k on the grid:', scan_k[scan_mse.index(min(scan_mse))])

# 梯度下降：梯度手算
k = 1.0


def mse_grad(xv, yv):
    g = 0
    for x, y in zip(xv, yv):
        g += 2 * x * (predict(x) - y)
    return g / len(xv)


for step in range(30):
    k -= 0.05 * mse_grad(xs, ys)
    if step % 10 == 9:
        print('step', step, 'k =', round(k, 6))

# 随机梯度下降：每个样本更新一次
k = 1.0
for epoch in range(5):
    for x, y in zip(xs, ys):
        k = k - 0.02 * 2 * x * (predict(x) - y)
    print('epoch', epoch, 'k =', k, 'last loss', sq_err(xs[-1], ys[-1]))

# 自动求导：同一个模型
import torch

kt = torch.Tensor([1.0])
kt.requires_grad = True
for epoch in range(20):
    for x, y in zip(xs, ys):
        err = (kt * x - 0.5 - y) ** 2
        err.backward()
        kt.data = kt.data - 0.02 * kt.grad.data
        kt.grad.data.zero_()
    if epoch % 5 == 4:
        print('epoch', epoch, 'k =', kt.item(), 'loss', err.item())
print('predict x=4:', (kt * 4 - 0.5).item())
