# Source: yunjey/pytorch-tutorial, tutorials/01-basics/pytorch_basics/main.py (MIT; commit 004ebe76;
# https://github.com/yunjey/pytorch-tutorial/blob/004ebe76/tutorials/01-basics/pytorch_basics/main.py),
# sections 1 ("Basic autograd example 1") and 3 ("Loading data from numpy") as written.
# Left out: the torchvision imports, section 2 (nn.Linear, nn.MSELoss, torch.optim.SGD), sections 4-6
# (torchvision datasets, DataLoader, a torch.utils.data.Dataset class, a pretrained ResNet) and section 7
# (torch.save/torch.load: files). `import torch.nn as nn` stays (no model is built from it here).
import torch 
import torch.nn as nn
import numpy as np


# ================================================================== #
#                     1. Basic autograd example 1                    #
# ================================================================== #

# Create tensors.
x = torch.tensor(1., requires_grad=True)
w = torch.tensor(2., requires_grad=True)
b = torch.tensor(3., requires_grad=True)

# Build a computational graph.
y = w * x + b    # y = 2 * x + 3

# Compute gradients.
y.backward()

# Print out the gradients.
print(x.grad)    # x.grad = 2, equivalent to dy/dx[given w,b]
print(w.grad)    # w.grad = 1, equivalent to dy/dw[given x,b]
print(b.grad)    # b.grad = 1, equivalent to dy/db[given w,x]


# ================================================================== #
#                     3. Loading data from numpy                     #
# ================================================================== #

# Create a numpy array.
x = np.array([[1, 2], [3, 4]])

# Convert the numpy array to a torch tensor.
y = torch.from_numpy(x)

# Convert the torch tensor to a numpy array.
z = y.numpy()
