# Source: the CS224N PyTorch Tutorial notebook (Stanford CS224N, Winter 2021, by Dilara Soylu), as a student
# keeps it: Wilsven/cs224n, Misc/CS224N_PyTorch_Tutorial.ipynb (commit 15894b3; no licence stated;
# https://github.com/Wilsven/cs224n/blob/15894b3/Misc/CS224N_PyTorch_Tutorial.ipynb), code cells 0-54 in
# order (tensors, indexing, operations, autograd). Left out: cells 55 on (nn.Linear, nn.Module models,
# optim, the word-window classifier with a DataLoader).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import torch
import torch.nn as nn

# Import pprint, module we use for making our print statements prettier
import pprint

pp = pprint.PrettyPrinter()

# ---- cell 1
# Initialize a tensor from a Python List
data = [[0, 1], [2, 3], [4, 5]]
x_python = torch.tensor(data)

# Print the tensor
x_python

# ---- cell 2
# We are using the dtype to create a tensor of particular type
x_float = torch.tensor(data, dtype=torch.float)
x_float

# ---- cell 3
# We are using the dtype to create a tensor of particular type
x_bool = torch.tensor(data, dtype=torch.bool)
x_bool

# ---- cell 4
x_python.float()

# ---- cell 5
# `torch.Tensor` defaults to float
# Same as torch.FloatTensor(data)
x = torch.Tensor(data)
x

# ---- cell 6
import numpy as np

# Initialize a tensor from a NumPy array
ndarray = np.array(data)
x_numpy = torch.from_numpy(ndarray)

# Print the tensor
x_numpy

# ---- cell 7
# Initialize a base tensor
x = torch.tensor([[1.0, 2], [3, 4]])
x

# ---- cell 8
# Initialize a tensor of 0s
x_zeros = torch.zeros_like(x)
x_zeros

# ---- cell 9
# Initialize a tensor of 1s
x_ones = torch.ones_like(x)
x_ones

# ---- cell 10
# Initialize a tensor where each element is sampled from a uniform distribution
# between 0 and 1
x_rand = torch.rand_like(x)
x_rand

# ---- cell 11
# Initialize a tensor where each element is sampled from a normal distribution
x_randn = torch.randn_like(x)
x_randn

# ---- cell 12
# Initialize a 2x3x2 tensor of 0s
shape = (4, 2, 2)
x_zeros = torch.zeros(shape)  # x_zeros = torch.zeros(4, 3, 2) is an alternative
x_zeros

# ---- cell 13
# Create a tensor with values 0-9
x = torch.arange(10)
x

# ---- cell 14
# Initialize a 3x2 tensor, with 3 rows and 2 columns
x = torch.ones(3, 2)
x.dtype

# ---- cell 15
# Initialize a 3x2 tensor, with 3 rows and 2 columns
x = torch.Tensor([[1, 2], [3, 4], [5, 6]])
x

# ---- cell 16
# Print out its shape
# Same as x.size()
x.shape

# ---- cell 17
# Print out the number of elements in a particular dimension
# 0th dimension corresponds to the rows
x.shape[0]

# ---- cell 18
# Get the size of the 0th dimension
x.size(0)

# ---- cell 19
# Example use of view()
# x_view shares the same memory as x, so changing one changes the other
x_view = x.view(2, 3)
x_view

# ---- cell 20
# We can ask PyTorch to infer the size of a dimension with -1
x_view = x.view(3, -1)
x_view

# ---- cell 21
# Change the shape of x to be 3x2
# x_reshaped could be a reference to or copy of x
x_reshaped = torch.reshape(x, (2, 3))
x_reshaped

# ---- cell 22
# Initialize a 5x2 tensor, with 5 rows and 2 columns
x = torch.arange(10).reshape(5, 2)
x

# ---- cell 23
# Add a new dimension of size 1 at the 1st dimension
x = x.unsqueeze(1)
x.shape

# ---- cell 24
# Squeeze the dimensions of x by getting rid of all the dimensions with 1 element
x = x.squeeze()
x.shape

# ---- cell 25
x

# ---- cell 26
# Get the number of elements in tensor.
x.numel()

# ---- cell 27
# Initialize an example tensor
x = torch.Tensor([[1, 2], [3, 4]])
x

# ---- cell 28
# Get the device of the tensor
x.device

# ---- cell 29
# Check if a GPU is available, if so, move the tensor to the GPU
if torch.cuda.is_available():
    x.to("cuda")

# ---- cell 30
# Initialize an example tensor
x = torch.Tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10], [11, 12]]])
x

# ---- cell 31
x.shape

# ---- cell 32
# Access the 0th element, which is the first row
x[0]  # Equivalent to x[0, :]

# ---- cell 33
# Get the top left element of each element in our tensor
x[:, 0, 0]

# ---- cell 34
# Print x again to see our tensor
x

# ---- cell 35
# Let's access the 0th and 1st elements, each twice
i = torch.tensor([0, 0, 1, 1])
x[i]

# ---- cell 36
# Let's access the 0th elements of the 1st and 2nd elements
i = torch.tensor([1, 2])
j = torch.tensor([0])
x[i, j]

# ---- cell 37
x[0, 0, 0]

# ---- cell 38
x[0, 0, 0].item()

# ---- cell 39
# Create an example tensor
x = torch.ones((3, 2, 2))
x

# ---- cell 40
# Perform elementwise addition
# Use - for subtraction
x + 2

# ---- cell 41
# Perform elementwise multiplication
# Use / for division
x * 2

# ---- cell 42
# Create a 4x3 tensor of 6s
a = torch.ones((4, 3)) * 6
a

# ---- cell 43
# Create a 1D tensor of 2s
b = torch.ones(3) * 2
b

# ---- cell 44
# Divide a by b
a / b

# ---- cell 45
# Alternative to a.matmul(b)
# a @ b.T returns the same result since b is 1D tensor and the 2nd dimension
# is inferred
a @ b

# ---- cell 46
pp.pprint(a.shape)
pp.pprint(a.T.shape)

# ---- cell 47
# Create an example tensor
m = torch.tensor([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.0]])

pp.pprint("Mean: {}".format(m.mean()))
pp.pprint("Mean in the 0th dimension: {}".format(m.mean(0)))
pp.pprint("Mean in the 1st dimension: {}".format(m.mean(1)))

# ---- cell 48
# Concatenate in dimension 0 and 1
a_cat0 = torch.cat([a, a, a], dim=0)
a_cat1 = torch.cat([a, a, a], dim=1)

print("Initial shape: {}".format(a.shape))
print("Shape after concatenation in dimension 0: {}".format(a_cat0.shape))
print("Shape after concatenation in dimension 1: {}".format(a_cat1.shape))

# ---- cell 49
# Print our tensor
a

# ---- cell 50
# add() is not in place
a.add(a)
a

# ---- cell 51
# add_() is in place
a.add_(a)
a

# ---- cell 52
# Create an example tensor
# requires_grad parameter tells PyTorch to store gradients
x = torch.tensor([2.0], requires_grad=True)

# Print the gradient if it is calculated
# Currently None since x is a scalar
pp.pprint(x.grad)

# ---- cell 53
# Calculating the gradient of y with respect to x
y = x * x * 3  # 3x^2
y.backward()
pp.pprint(x.grad)  # d(y)/d(x) = d(3x^2)/d(x) = 6x = 12

# ---- cell 54
z = x * x * 3  # 3x^2
z.backward()
pp.pprint(x.grad)
