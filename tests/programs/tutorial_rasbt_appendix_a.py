# Source: rasbt/LLMs-from-scratch, appendix-A/01_main-chapter-code/code-part1.ipynb (Sebastian Raschka,
# "Build a Large Language Model (From Scratch)", Appendix A "Introduction to PyTorch": A.1-A.4 tensors,
# computation graphs and autograd; commit 28c65cd; Apache-2.0;
# https://github.com/rasbt/LLMs-from-scratch/blob/28c65cd/appendix-A/01_main-chapter-code/code-part1.ipynb),
# its code cells 0-17 in order (the later cells build nn.Module models and DataLoaders: out of scope).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import torch

print(torch.__version__)

# ---- cell 1
print(torch.cuda.is_available())

# ---- cell 2
import torch
import numpy as np

# create a 0D tensor (scalar) from a Python integer
tensor0d = torch.tensor(1)

# create a 1D tensor (vector) from a Python list
tensor1d = torch.tensor([1, 2, 3])

# create a 2D tensor from a nested Python list
tensor2d = torch.tensor([[1, 2], 
                         [3, 4]])

# create a 3D tensor from a nested Python list
tensor3d_1 = torch.tensor([[[1, 2], [3, 4]], 
                           [[5, 6], [7, 8]]])

# create a 3D tensor from NumPy array
ary3d = np.array([[[1, 2], [3, 4]], 
                  [[5, 6], [7, 8]]])
tensor3d_2 = torch.tensor(ary3d)  # Copies NumPy array
tensor3d_3 = torch.from_numpy(ary3d)  # Shares memory with NumPy array

# ---- cell 3
ary3d[0, 0, 0] = 999
print(tensor3d_2) # remains unchanged

# ---- cell 4
print(tensor3d_3) # changes because of memory sharing

# ---- cell 5
tensor1d = torch.tensor([1, 2, 3])
print(tensor1d.dtype)

# ---- cell 6
floatvec = torch.tensor([1.0, 2.0, 3.0])
print(floatvec.dtype)

# ---- cell 7
floatvec = tensor1d.to(torch.float32)
print(floatvec.dtype)

# ---- cell 8
tensor2d = torch.tensor([[1, 2, 3], 
                         [4, 5, 6]])
tensor2d

# ---- cell 9
tensor2d.shape

# ---- cell 10
tensor2d.reshape(3, 2)

# ---- cell 11
tensor2d.view(3, 2)

# ---- cell 12
tensor2d.T

# ---- cell 13
tensor2d.matmul(tensor2d.T)

# ---- cell 14
tensor2d @ tensor2d.T

# ---- cell 15
import torch.nn.functional as F

y = torch.tensor([1.0])  # true label
x1 = torch.tensor([1.1]) # input feature
w1 = torch.tensor([2.2]) # weight parameter
b = torch.tensor([0.0])  # bias unit

z = x1 * w1 + b          # net input
a = torch.sigmoid(z)     # activation & output

loss = F.binary_cross_entropy(a, y)
print(loss)

# ---- cell 16
import torch.nn.functional as F
from torch.autograd import grad

y = torch.tensor([1.0])
x1 = torch.tensor([1.1])
w1 = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)

z = x1 * w1 + b 
a = torch.sigmoid(z)

loss = F.binary_cross_entropy(a, y)

grad_L_w1 = grad(loss, w1, retain_graph=True)
grad_L_b = grad(loss, b, retain_graph=True)

print(grad_L_w1)
print(grad_L_b)

# ---- cell 17
loss.backward()

print(w1.grad)
print(b.grad)

