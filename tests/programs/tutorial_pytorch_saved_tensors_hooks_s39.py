# Source: pytorch/tutorials @4a7bbb9 (BSD-3-Clause), intermediate_source/autograd_saved_tensors_hooks_tutorial.py
# (https://github.com/pytorch/tutorials/blob/4a7bbb95617c3205bf25a5b37e262d577eb82847/intermediate_source/
# autograd_saved_tensors_hooks_tutorial.py): its code blocks as written, in order, each after a
# '# ---- cell N (corpus cell)' line, but two: the one calling eval() and the nn.Module model with save_on_cpu
# (out of scope); the disk hooks (os, uuid, tempfile, torch.save) are left out. Seeded (torch.manual_seed(0),
# our line) so that what it prints is the same every run. Session 39 (breadth): y.grad_fn._saved_self /
# _saved_other / _saved_result (lang/grad_fn_saved.py), reading them runs the program's unpack hook as in
# PyTorch; a pack hook giving back a tuple with a lambda (lang/saved_tensor_hooks.py).
import torch
torch.manual_seed(0)
# ---- cell 1 (pt_saved_tensors_hooks 1)
import torch

a = torch.randn(5, requires_grad=True)
b = torch.ones(5, requires_grad=True)
y = a * b
# ---- cell 2 (pt_saved_tensors_hooks 2)
print(y.grad_fn._saved_self)
print(y.grad_fn._saved_other)
# ---- cell 3 (pt_saved_tensors_hooks 3)
def f(x):
    return x * x

x = torch.randn(5, requires_grad=True)
y = f(f(f(x)))
# ---- cell 4 (pt_saved_tensors_hooks 4)
a = torch.randn(5, requires_grad=True)
b = torch.ones(5, requires_grad=True)
y = a * b

print(y.grad_fn._saved_self is a)   # True
print(y.grad_fn._saved_other is b)  # True
# ---- cell 5 (pt_saved_tensors_hooks 5)
a = torch.randn(5, requires_grad=True)
y = torch.exp(a)
print(y.grad_fn._saved_result.equal(y))  # True
print(y.grad_fn._saved_result is y)      # False
# ---- cell 6 (pt_saved_tensors_hooks 6)
def pack_hook(x):
    print("Packing", x)
    return x

def unpack_hook(x):
    print("Unpacking", x)
    return x
a = torch.ones(5, requires_grad=True)
b = torch.ones(5, requires_grad=True) * 2

with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    y = a * b

y.sum().backward()
# ---- cell 7 (pt_saved_tensors_hooks 7)
x = torch.randn(5, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(lambda x: x * 4, lambda x: x / 4):
    y = torch.pow(x, 2)
y.sum().backward()
assert(x.grad.equal(2 * x))
# ---- cell 8 (pt_saved_tensors_hooks 8)
# Returning the index of a Python list
# Relatively harmless but with debatable usefulness

storage = []

def pack(x):
    storage.append(x)
    return len(storage) - 1

def unpack(x):
    return storage[x]

x = torch.randn(5, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = x * x
y.sum().backward()

assert(x.grad.equal(2 * x))
# ---- cell 9 (pt_saved_tensors_hooks 9)
# Returning some tensor and a function how to unpack it
# Quite unlikely to be useful in its current form

def pack(x):
    delta = torch.randn(*x.size())
    return x - delta, lambda x: x + delta

def unpack(packed):
    x, f = packed
    return f(x)


x = torch.randn(5, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = x * x
y.sum().backward()

assert(torch.allclose(x.grad, 2 * x))
# ---- cell 10 (pt_saved_tensors_hooks 11)
def pack_hook(x):
    return (x.device, x.cpu())

def unpack_hook(packed):
    device, tensor = packed
    return tensor.to(device)

x = torch.randn(5, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = x * x
y.sum().backward()

torch.allclose(x.grad, (2 * x))
# ---- cell 11 (pt_saved_tensors_hooks 13)
x = torch.ones(5, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    y = x.pow(2)
print(y.grad_fn._saved_self)
try:
    print(y.grad_fn._saved_self)
    print("Double access succeeded!")
except:
    print("Double access failed!")
