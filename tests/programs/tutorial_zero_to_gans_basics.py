# Source: "Deep Learning with PyTorch: Zero to GANs" (Aakash N S, Jovian), lesson 1, 01-pytorch-basics.ipynb
# ("PyTorch Basics: Tensors & Gradients"), as a student keeps it: alamgirakash2000/DeepLearning-with-Pytorch-
# ZeroToGANs, L01-pytorch-basics-and-gradiant-descent/01-pytorch-basics.ipynb (commit 2113f60; no licence
# stated), code cells in order. Left out: cells 0-1 (pip install lines), cell 12 (a ragged list that fails
# on purpose: the engine fails on it as PyTorch does, bench/tutorial_cells.py) and the empty cells 21-23.
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 2
import torch

# ---- cell 3
# Number
t1 = torch.tensor(4.)
t1

# ---- cell 4
t1.dtype

# ---- cell 5
# Vector
t2 = torch.tensor([1., 2, 3, 4])
t2

# ---- cell 6
# Matrix
t3 = torch.tensor([[5., 6], 
                   [7, 8], 
                   [9, 10]])
t3

# ---- cell 7
# 3-dimensional array
t4 = torch.tensor([
    [[11, 12, 13], 
     [13, 14, 15]], 
    [[15, 16, 17], 
     [17, 18, 19.]]])
t4

# ---- cell 8
print(t1)
t1.shape

# ---- cell 9
print(t2)
t2.shape

# ---- cell 10
print(t3)
t3.shape

# ---- cell 11
print(t4)
t4.shape

# ---- cell 13
# Create tensors.
x = torch.tensor(3.)
w = torch.tensor(4., requires_grad=True)
b = torch.tensor(5., requires_grad=True)
x, w, b

# ---- cell 14
# Arithmetic operations
y = w * x + b
y

# ---- cell 15
# Compute derivatives
y.backward()

# ---- cell 16
# Display gradients
print('dy/dx:', x.grad)
print('dy/dw:', w.grad)
print('dy/db:', b.grad)

# ---- cell 17
# Create a tensor with a fixed value for every element
t6 = torch.full((3, 2), 42)
t6

# ---- cell 18
# Concatenate two tensors with compatible shapes
t7 = torch.cat((t3, t6))
t7

# ---- cell 19
# Compute the sin of each element
t8 = torch.sin(t7)
t8

# ---- cell 20
# Change the shape of a tensor
t9 = t8.reshape(3, 2, 2)
t9

# ---- cell 24
import numpy as np

x = np.array([[1, 2], [3, 4.]])
x

# ---- cell 25
# Convert the numpy array to a torch tensor.
y = torch.from_numpy(x)
y

# ---- cell 26
x.dtype, y.dtype

# ---- cell 27
# Convert a torch tensor to a numpy array
z = y.numpy()
z
