# Source: the examples of PyTorch's reference pages for torch.autograd.graph.Node.register_prehook and
# Node.register_hook and torch.chain_matmul (pytorch/pytorch docstrings,
# BSD-3-Clause; as shipped with torch 2.13.0; https://docs.pytorch.org/docs/stable/): the `>>>` lines without
# the printed outputs, one `# ---- cell N name` line before each example. chain_matmul's example draws
# torch.randn matrices: `torch.manual_seed(0)` is added before them (deterministic output); multi_dot's
# example, which follows it there, is in tutorial_linalg_docs.py. Session 36
# (breadth): grad_fn hooks and torch.chain_matmul were refused before.
import torch
# ---- cell 1 Node.register_prehook
a = torch.tensor([0., 0., 0.], requires_grad=True)
b = a.clone()
assert isinstance(b.grad_fn, torch.autograd.graph.Node)
handle = b.grad_fn.register_prehook(lambda gI: (gI[0] * 2,))
b.sum().backward(retain_graph=True)
print(a.grad)
handle.remove()
a.grad = None
b.sum().backward(retain_graph=True)
print(a.grad)
# ---- cell 2 Node.register_hook
a = torch.tensor([0., 0., 0.], requires_grad=True)
b = a.clone()
assert isinstance(b.grad_fn, torch.autograd.graph.Node)
handle = b.grad_fn.register_hook(lambda gI, gO: (gO[0] * 2,))
b.sum().backward(retain_graph=True)
print(a.grad)
handle.remove() # Removes the hook
a.grad = None
b.sum().backward(retain_graph=True)
print(a.grad)
# ---- cell 3 chain_matmul
torch.manual_seed(0)
a = torch.randn(3, 4)
b = torch.randn(4, 5)
c = torch.randn(5, 6)
d = torch.randn(6, 7)
# will raise a deprecation warning
torch.chain_matmul(a, b, c, d)
