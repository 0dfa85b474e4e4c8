# Source: pytorch/tutorials, intermediate_source/jacobians_hessians.py ("Jacobians, Hessians, hvp, vhp, and
# more: composing function transforms"; commit 14f19bb; BSD-3-Clause; https://github.com/pytorch/tutorials/
# blob/14f19bbffcff42ee752897e57b4b96e4972d302f/intermediate_source/jacobians_hessians.py), its code up to the
# row-by-row Jacobian with torch.autograd.grad, one cell per code block, prose left out. Left out: everything
# from `from torch.func import vmap, vjp` on (the torch.func cells: they run since session 22, in
# tutorial_jacobians_hessians_func.py; torch.utils.benchmark timings: not covered). `from functools import
# partial` is kept: the import runs (partial(...) itself runs since session 22, lang/partial_function.py).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import torch
import torch.nn.functional as F
from functools import partial
_ = torch.manual_seed(0)

# ---- cell 1
def predict(weight, bias, x):
    return F.linear(x, weight, bias).tanh()

# ---- cell 2
D = 16
weight = torch.randn(D, D)
bias = torch.randn(D)
x = torch.randn(D)  # feature vector

# ---- cell 3
def compute_jac(xp):
    jacobian_rows = [torch.autograd.grad(predict(weight, bias, xp), xp, vec)[0]
                     for vec in unit_vectors]
    return torch.stack(jacobian_rows)

xp = x.clone().requires_grad_()
unit_vectors = torch.eye(D)

jacobian = compute_jac(xp)

print(jacobian.shape)
print(jacobian[0])  # show first row
