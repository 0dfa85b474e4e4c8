# Source: pytorch/pytorch, torch/autograd/functional.py: the Example sections of the docstrings of
# jacobian, hessian, vjp, jvp, vhp and hvp (PyTorch 2.13.0 as installed here; BSD-3-Clause;
# https://github.com/pytorch/pytorch/blob/v2.13.0/torch/autograd/functional.py), each example one cell,
# in order, as a student pastes them onto the Jacobian page: the `>>> `/`... ` prompts and the
# `# xdoctest:` directives left out, the import line (cell 0) added as the docs' module implies.
# The inputs are torch.rand / torch.randn: the printed numbers follow the run's seed.
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import torch
from torch.autograd.functional import jacobian, hessian, vjp, jvp, vhp, hvp

# ---- cell 1
def exp_reducer(x):
    return x.exp().sum(dim=1)
inputs = torch.rand(2, 2)
jacobian(exp_reducer, inputs)

# ---- cell 2
jacobian(exp_reducer, inputs, create_graph=True)

# ---- cell 3
def exp_adder(x, y):
    return 2 * x.exp() + 3 * y
inputs = (torch.rand(2), torch.rand(2))
jacobian(exp_adder, inputs)

# ---- cell 4
def linear_model(x):
    W = torch.tensor([[2.0, -1.0], [0.0, 1.0]])
    b = torch.tensor([1.0, 0.5])
    return x @ W.T + b

x = torch.randn(4, 2, requires_grad=True)
jac = jacobian(linear_model, x, vectorize=True)
jac.shape

# ---- cell 5
def pow_reducer(x):
    return x.pow(3).sum()
inputs = torch.rand(2, 2)
hessian(pow_reducer, inputs)

# ---- cell 6
hessian(pow_reducer, inputs, create_graph=True)

# ---- cell 7
def pow_adder_reducer(x, y):
    return (2 * x.pow(2) + 3 * y.pow(2)).sum()
inputs = (torch.rand(2), torch.rand(2))
hessian(pow_adder_reducer, inputs)

# ---- cell 8
def exp_reducer(x):
    return x.exp().sum(dim=1)
inputs = torch.rand(4, 4)
v = torch.ones(4)
vjp(exp_reducer, inputs, v)

# ---- cell 9
vjp(exp_reducer, inputs, v, create_graph=True)

# ---- cell 10
def adder(x, y):
    return 2 * x + 3 * y
inputs = (torch.rand(2), torch.rand(2))
v = torch.ones(2)
vjp(adder, inputs, v)

# ---- cell 11
def exp_reducer(x):
    return x.exp().sum(dim=1)
inputs = torch.rand(4, 4)
v = torch.ones(4, 4)
jvp(exp_reducer, inputs, v)

# ---- cell 12
jvp(exp_reducer, inputs, v, create_graph=True)

# ---- cell 13
def adder(x, y):
    return 2 * x + 3 * y
inputs = (torch.rand(2), torch.rand(2))
v = (torch.ones(2), torch.ones(2))
jvp(adder, inputs, v)

# ---- cell 14
def pow_reducer(x):
    return x.pow(3).sum()
inputs = torch.rand(2, 2)
v = torch.ones(2, 2)
vhp(pow_reducer, inputs, v)

# ---- cell 15
vhp(pow_reducer, inputs, v, create_graph=True)

# ---- cell 16
def pow_adder_reducer(x, y):
    return (2 * x.pow(2) + 3 * y.pow(2)).sum()
inputs = (torch.rand(2), torch.rand(2))
v = (torch.zeros(2), torch.ones(2))
vhp(pow_adder_reducer, inputs, v)

# ---- cell 17
def pow_reducer(x):
    return x.pow(3).sum()
inputs = torch.rand(2, 2)
v = torch.ones(2, 2)
hvp(pow_reducer, inputs, v)

# ---- cell 18
hvp(pow_reducer, inputs, v, create_graph=True)

# ---- cell 19
def pow_adder_reducer(x, y):
    return (2 * x.pow(2) + 3 * y.pow(2)).sum()
inputs = (torch.rand(2), torch.rand(2))
v = (torch.zeros(2), torch.ones(2))
hvp(pow_adder_reducer, inputs, v)
