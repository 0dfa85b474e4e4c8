# Source: the code of 刘二大人 (Liu Er)'s Bilibili course 《PyTorch深度学习实践》 lectures 2-4, as a student
# typed it: Tomnico-art/pytorch-Deep-learning-practice (commit 39660ca0; no licence stated;
# https://github.com/Tomnico-art/pytorch-Deep-learning-practice), the files 02_线性模型.py (lecture 2: the
# loss over w by exhaustive search), 03_梯度下降.py (lecture 3: gradient descent, the gradient by hand),
# 随机梯度下降.py (lecture 3: stochastic gradient descent) and tensor线性模型.py (lecture 4: back propagation
# with a tensor), as written, one after the other. Left out: each file's closing "# draw the graph" lines
# (plt.plot/ylabel/xlabel/show: plotting) and `import matplotlib.pyplot as plt` (the test's
# oracle has no matplotlib).
# ---- 02_线性模型.py
# Nico
# 时间：2021/9/4 11:46

import numpy as np

# prepare the train set
x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]

# define the model
def forward(x):
    return x * w

# define the loss function
def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) * (y_pred - y)

w_list = []
mse_list = []
for w in np.arange(0.0, 4.1, 0.1):
    print('w=', w)
    l_sum = 0
    for x_val, y_val in zip(x_data, y_data):
        y_pred_val = forward(x_val)
        loss_val = loss(x_val, y_val)
        l_sum += loss_val
        print('\t', x_val, y_val, y_pred_val, loss_val)
    print('MSE=', l_sum / 3)
    w_list.append(w)
    mse_list.append(l_sum / 3)

# ---- 03_梯度下降.py
# Nico
# 时间：2021/9/4 18:32

# Nico
# 时间：2021/9/4 11:46

import numpy as np

# Prepare the train set
x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]

# initial guess of weight
w = 1.0

# Define the model
def forward(x):
    return x * w

# Define the cost function
def cost(xs, ys):
    cost = 0
    for x, y in zip(xs, ys):
        y_pred = forward(x)
        cost += (y_pred - y) ** 2
    return cost / len(xs)

# Define the gradient function
def gradient(xs, ys):
    grad = 0
    for x, y in zip(xs, ys):
        grad += 2 * x * (x * w - y)
    return grad / len(xs)

epoch_list = []
cost_list = []
# Do the update
print('Predict (before training)', 4, forward(4))
for epoch in range(100):
    cost_val = cost(x_data, y_data)
    grad_val = gradient(x_data, y_data)
    w -= 0.01 * grad_val
    print('Epoch:', epoch, 'w=', w, 'loss', cost_val)
    epoch_list.append(epoch)
    cost_list.append(cost_val)
print('Predict (after training)', 4, forward(4))

# ---- 随机梯度下降.py
# Nico
# 时间：2021/9/5 11:06

import numpy as np

# Prepare the train set
x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]

# initial guess of weight
w = 1.0

# Define the model
def forward(x):
    return x * w

# Define the loss function
def loss (x, y):
    y_pred = forward(x)
    return (y_pred - y) ** 2

# Define the gradient function
def gradient(x, y):
    return 2 * x * (x * w - y)

epoch_list = []
cost_list = []
# Do the update
print('Predict (before training)', 4, forward(4))
for epoch in range(100):
    for x, y in zip(x_data, y_data):
        grad = gradient(x, y)
        w = w - 0.01 * grad
        print('\tgrad: ', x, y, grad)
        l = loss(x, y)

    print('Epoch:', epoch, 'w=', w, 'loss', l)
    epoch_list.append(epoch)
    cost_list.append(l)
print('Predict (after training)', 4, forward(4))

# ---- tensor线性模型.py
# Nico
# 时间：2021/9/6 10:53

import torch

x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]

w = torch.Tensor([1.0])
w.requires_grad = True

def forward(x):
    return x * w

def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) ** 2

print("predict (before training)", 4, forward(4).item())

for epoch in range(100):
    for x, y in zip(x_data, y_data):
        l = loss(x, y)
        l.backward()
        print('\tgrad:', x, y, w.grad.item())
        w.data = w.data - 0.01 * w.grad.data    # 梯度被用来更新权重

        w.grad.data.zero_()     # 由.backward（）计算的梯度积累。将梯度置为0

    print("progress:", epoch, l.item())

print("predict (after training)", 4, forward(4).item())
