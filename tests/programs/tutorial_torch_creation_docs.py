# Source: the examples of PyTorch's torch reference page, section "Creation Ops" (pytorch/pytorch,
# torch/_torch_docs.py docstrings, BSD-3-Clause; as shipped with torch 2.13.0;
# https://docs.pytorch.org/docs/stable/torch.html#creation-ops): the `>>>`/`...` lines of each
# function's "Example:" in the page's order, without the printed outputs, as a student pastes them one
# after the other; one `# ---- cell N name` line before each function's example (bench/tutorial_cells.py).
# Functions: tensor, as_tensor, from_numpy, zeros, zeros_like, ones, ones_like, arange, range,
# linspace, logspace, eye, empty, full, full_like, complex, polar, heaviside.
# The examples run, as PyTorch's doctests run them, with `numpy` imported (the line after `import torch`).
# Left out: asarray's example (`data_ptr()` and `__array_interface__`: pointers are not shown here), the
# three `device='cuda'` statements of tensor and as_tensor (with as_tensor's three lines after it) and
# empty_like's (no GPU here).
import torch
import numpy
# ---- cell 1 torch.tensor
torch.tensor([[0.1, 1.2], [2.2, 3.1], [4.9, 5.2]])
torch.tensor([0, 1])  # Type inference on data
torch.tensor(3.14159)  # Create a zero-dimensional (scalar) tensor
torch.tensor([])  # Create an empty tensor (of size (0,))

# ---- cell 3 torch.as_tensor
a = numpy.array([1, 2, 3])
t = torch.as_tensor(a)
t
t[0] = -1
a

# ---- cell 4 torch.from_numpy
a = numpy.array([1, 2, 3])
t = torch.from_numpy(a)
t
t[0] = -1
a

# ---- cell 5 torch.zeros
torch.zeros(2, 3)
torch.zeros(5)

# ---- cell 6 torch.zeros_like
input = torch.empty(2, 3)
torch.zeros_like(input)

# ---- cell 7 torch.ones
torch.ones(2, 3)
torch.ones(5)

# ---- cell 8 torch.ones_like
input = torch.empty(2, 3)
torch.ones_like(input)

# ---- cell 9 torch.arange
torch.arange(5)
torch.arange(1, 4)
torch.arange(1, 2.5, 0.5)

# ---- cell 10 torch.range
torch.range(1, 4)
torch.range(1, 4, 0.5)

# ---- cell 11 torch.linspace
torch.linspace(3, 10, steps=5)
torch.linspace(-10, 10, steps=5)
torch.linspace(start=-10, end=10, steps=5)
torch.linspace(start=-10, end=10, steps=1)

# ---- cell 12 torch.logspace
torch.logspace(start=-10, end=10, steps=5)
torch.logspace(start=0.1, end=1.0, steps=5)
torch.logspace(start=0.1, end=1.0, steps=1)
torch.logspace(start=2, end=2, steps=1, base=2)

# ---- cell 13 torch.eye
torch.eye(3)

# ---- cell 14 torch.empty
torch.empty((2,3), dtype=torch.int64)

# ---- cell 16 torch.full
torch.full((2, 3), 3.141592)

# ---- cell 17 torch.full_like
x = torch.ones(2, 3)
torch.full_like(x, 3.141592)
torch.full_like(x, 7)
torch.full_like(x, 0.5, dtype=torch.int32)
y = torch.randn(3, 4, dtype=torch.float64)
torch.full_like(y, -1.0)

# ---- cell 18 torch.complex
real = torch.tensor([1, 2], dtype=torch.float32)
imag = torch.tensor([3, 4], dtype=torch.float32)
z = torch.complex(real, imag)
z
z.dtype

# ---- cell 19 torch.polar
import numpy as np
abs = torch.tensor([1, 2], dtype=torch.float64)
angle = torch.tensor([np.pi / 2, 5 * np.pi / 4], dtype=torch.float64)
z = torch.polar(abs, angle)
z

# ---- cell 20 torch.heaviside
input = torch.tensor([-1.5, 0, 2.0])
values = torch.tensor([0.5])
torch.heaviside(input, values)
values = torch.tensor([1.2, -2.0, 3.5])
torch.heaviside(input, values)
