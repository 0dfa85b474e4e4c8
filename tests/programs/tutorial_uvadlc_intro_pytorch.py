# Source: phlippe/uvadlc_notebooks, docs/tutorial_notebooks/tutorial2/Introduction_to_PyTorch.ipynb (University
# of Amsterdam Deep Learning course, tutorial 2 by Phillip Lippe; commit f21b642; MIT;
# https://github.com/phlippe/uvadlc_notebooks/blob/f21b642/docs/tutorial_notebooks/tutorial2/Introduction_to_PyTorch.ipynb),
# code cells 0-34 in order. Cell 0 keeps its standard-library lines (`import math`, `import numpy as np`,
# `import time`) and leaves out `import os` (Autograd Lab reads no files) and the plotting and progress-bar
# lines (matplotlib, IPython magics, seaborn, tqdm). Left out: cell 31 (a 5000x5000 matmul timed with
# time.time(), over max_tensor_elements, then CUDA events) and cells 35 on (nn.Module models, data loaders,
# optimizers, TensorBoard: not covered). `torch.Tensor(2, 3, 4)` is zero-filled here and in the test's oracle.
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
## Standard libraries
import math
import numpy as np 
import time

# ---- cell 1
import torch
print("Using torch", torch.__version__)

# ---- cell 2
torch.manual_seed(42) # Setting the seed

# ---- cell 3
x = torch.Tensor(2, 3, 4)
print(x)

# ---- cell 4
# Create a tensor from a (nested) list
x = torch.Tensor([[1, 2], [3, 4]])
print(x)

# ---- cell 5
# Create a tensor with random values between 0 and 1 with the shape [2, 3, 4]
x = torch.rand(2, 3, 4)
print(x)

# ---- cell 6
shape = x.shape
print("Shape:", x.shape)

size = x.size()
print("Size:", size)

dim1, dim2, dim3 = x.size()
print("Size:", dim1, dim2, dim3)

# ---- cell 7
np_arr = np.array([[1, 2], [3, 4]])
tensor = torch.from_numpy(np_arr)

print("Numpy array:", np_arr)
print("PyTorch tensor:", tensor)

# ---- cell 8
tensor = torch.arange(4)
np_arr = tensor.numpy()

print("PyTorch tensor:", tensor)
print("Numpy array:", np_arr)

# ---- cell 9
x1 = torch.rand(2, 3)
x2 = torch.rand(2, 3)
y = x1 + x2

print("X1", x1)
print("X2", x2)
print("Y", y)

# ---- cell 10
x1 = torch.rand(2, 3)
x2 = torch.rand(2, 3)
print("X1 (before)", x1)
print("X2 (before)", x2)

x2.add_(x1)
print("X1 (after)", x1)
print("X2 (after)", x2)

# ---- cell 11
x = torch.arange(6)
print("X", x)

# ---- cell 12
x = x.view(2, 3)
print("X", x)

# ---- cell 13
x = x.permute(1, 0) # Swapping dimension 0 and 1
print("X", x)

# ---- cell 14
x = torch.arange(6)
x = x.view(2, 3)
print("X", x)

# ---- cell 15
W = torch.arange(9).view(3, 3) # We can also stack multiple operations in a single line
print("W", W)

# ---- cell 16
h = torch.matmul(x, W) # Verify the result by calculating it by hand too!
print("h", h)

# ---- cell 17
x = torch.arange(12).view(3, 4)
print("X", x)

# ---- cell 18
print(x[:, 1])   # Second column

# ---- cell 19
print(x[0])      # First row

# ---- cell 20
print(x[:2, -1]) # First two rows, last column

# ---- cell 21
print(x[1:3, :]) # Middle two rows

# ---- cell 22
x = torch.ones((3,))
print(x.requires_grad)

# ---- cell 23
x.requires_grad_(True)
print(x.requires_grad)

# ---- cell 24
x = torch.arange(3, dtype=torch.float32, requires_grad=True) # Only float tensors can have gradients
print("X", x)

# ---- cell 25
a = x + 2
b = a ** 2
c = b + 3
y = c.mean()
print("Y", y)

# ---- cell 26
y.backward()

# ---- cell 27
print(x.grad)

# ---- cell 28
gpu_avail = torch.cuda.is_available()
print(f"Is the GPU available? {gpu_avail}")

# ---- cell 29
device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
print("Device", device)

# ---- cell 30
x = torch.zeros(2, 3)
x = x.to(device)
print("X", x)

# ---- cell 32
# GPU operations have a separate seed we also want to set
if torch.cuda.is_available():
    torch.cuda.manual_seed(42)
    torch.cuda.manual_seed_all(42)

# Additionally, some operations on a GPU are implemented stochastic for efficiency
# We want to ensure that all operations are deterministic on GPU (if used) for reproducibility
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False

# ---- cell 33
import torch.nn as nn

# ---- cell 34
import torch.nn.functional as F
