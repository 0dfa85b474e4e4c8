# Source: "Deep Learning with PyTorch: Zero to GANs" (Aakash N S, Jovian), lesson 1, 02-linear-regression.ipynb
# ("Gradient Descent and Linear Regression"), as a student keeps it: alamgirakash2000/DeepLearning-with-
# Pytorch-ZeroToGANs, L01-pytorch-basics-and-gradiant-descent/02-linear-regression.ipynb (commit 2113f60; no
# licence stated), code cells 0-25 in order: the model written from scratch, trained by hand with autograd.
# Left out: cells 26 on (nn.Linear, TensorDataset, DataLoader, torch.optim, F.mse_loss: not covered).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import numpy as np
import torch

# ---- cell 1
# Input (temp, rainfall, humidity)
inputs = np.array([[73, 67, 43], 
                   [91, 88, 64], 
                   [87, 134, 58], 
                   [102, 43, 37], 
                   [69, 96, 70]], dtype='float32')

# ---- cell 2
# Targets (apples, oranges)
targets = np.array([[56, 70], 
                    [81, 101], 
                    [119, 133], 
                    [22, 37], 
                    [103, 119]], dtype='float32')

# ---- cell 3
# Convert inputs and targets to tensors
inputs = torch.from_numpy(inputs)
targets = torch.from_numpy(targets)
print(inputs)
print(targets)

# ---- cell 4
# Weights and biases
w = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2, requires_grad=True)
print(w)
print(b)

# ---- cell 5
def model(x):
    return x @ w.t() + b

# ---- cell 6
# Generate predictions
preds = model(inputs)
print(preds)

# ---- cell 7
# Compare with targets
print(targets)

# ---- cell 8
# MSE loss
def mse(t1, t2):
    diff = t1 - t2
    return torch.sum(diff * diff) / diff.numel()

# ---- cell 9
# Compute loss
loss = mse(preds, targets)
print(loss)

# ---- cell 10
# Compute gradients
loss.backward()

# ---- cell 11
# Gradients for weights
print(w)
print(w.grad)

# ---- cell 12
w
w.grad

# ---- cell 13
with torch.no_grad():
    w -= w.grad * 1e-5
    b -= b.grad * 1e-5

# ---- cell 14
# Let's verify that the loss is actually lower
loss = mse(preds, targets)
print(loss)

# ---- cell 15
w.grad.zero_()
b.grad.zero_()
print(w.grad)
print(b.grad)

# ---- cell 16
# Generate predictions
preds = model(inputs)
print(preds)

# ---- cell 17
# Calculate the loss
loss = mse(preds, targets)
print(loss)

# ---- cell 18
# Compute gradients
loss.backward()
print(w.grad)
print(b.grad)

# ---- cell 19
# Adjust weights & reset gradients
with torch.no_grad():
    w -= w.grad * 1e-5
    b -= b.grad * 1e-5
    w.grad.zero_()
    b.grad.zero_()

# ---- cell 20
print(w)
print(b)

# ---- cell 21
# Calculate loss
preds = model(inputs)
loss = mse(preds, targets)
print(loss)

# ---- cell 22
# Train for 100 epochs
for i in range(100):
    preds = model(inputs)
    loss = mse(preds, targets)
    loss.backward()
    with torch.no_grad():
        w -= w.grad * 1e-5
        b -= b.grad * 1e-5
        w.grad.zero_()
        b.grad.zero_()

# ---- cell 23
# Calculate loss
preds = model(inputs)
loss = mse(preds, targets)
print(loss)

# ---- cell 24
# Predictions
preds

# ---- cell 25
# Targets
targets
