# Source: the examples of PyTorch's torch.autograd.graph and torch.autograd.grad_mode reference pages
# (pytorch/pytorch torch/autograd/graph.py and grad_mode.py docstrings, BSD-3-Clause; as shipped with torch
# 2.13.0): the '>>>'/'...' lines of register_multi_grad_hook's, saved_tensors_hooks', enable_grad's and
# set_grad_enabled's examples, without the printed outputs, each after a '# ---- cell N (name)' line
# (bench/tutorial_cells.py). Left out: save_on_cpu (a GPU example), allow_mutation_on_saved_tensors and
# disable_saved_tensors_hooks (refused by name), inference_mode's (it reads the private y._version), no_grad's
# (torch.nn.Parameter). Session 38 (breadth): register_multi_grad_hook (lang/multi_grad_hook.py),
# saved_tensors_hooks (lang/saved_tensor_hooks.py).
# ---- cell 1 (torchdoc_autograd_graph 1)
import torch
# ---- cell 2 (torchdoc_autograd_graph 5)
# register_multi_grad_hook
import torch

a = torch.rand(2, 3, requires_grad=True)
b = torch.rand(2, 3, requires_grad=True)
c = a * b
d = a * b

def fn(grads):
    print([g is not None for g in grads])

torch.autograd.graph.register_multi_grad_hook((a, b, c, d), fn)

c.sum().backward(retain_graph=True)
c.sum().backward(inputs=(a,), retain_graph=True)
# ---- cell 3 (torchdoc_autograd_graph 7)
# saved_tensors_hooks
# xdoctest: +REQUIRES(env:TORCH_DOCTEST_AUTOGRAD)
def pack_hook(x):
    print("Packing", x)
    return x.detach()

def unpack_hook(x):
    print("Unpacking", x)
    return x

a = torch.ones(5, requires_grad=True)
b = torch.ones(5, requires_grad=True) * 2
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    y = a * b
y.sum().backward()
# ---- cell 4 (torchdoc_grad_mode 2)
# enable_grad
# xdoctest: +SKIP
x = torch.tensor([1.], requires_grad=True)
with torch.no_grad():
    with torch.enable_grad():
        y = x * 2
y.requires_grad
y.backward()
x.grad
@torch.enable_grad()
def doubler(x):
    return x * 2
with torch.no_grad():
    z = doubler(x)
z.requires_grad
@torch.enable_grad()
def tripler(x):
    return x * 3
with torch.no_grad():
    z = tripler(x)
z.requires_grad
# ---- cell 5 (torchdoc_grad_mode 6)
# set_grad_enabled
# xdoctest: +SKIP
x = torch.tensor([1.], requires_grad=True)
is_train = False
with torch.set_grad_enabled(is_train):
    y = x * 2
y.requires_grad
_ = torch.set_grad_enabled(True)
y = x * 2
y.requires_grad
_ = torch.set_grad_enabled(False)
y = x * 2
y.requires_grad
