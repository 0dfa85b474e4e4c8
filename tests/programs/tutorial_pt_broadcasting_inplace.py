# Source: pytorch/pytorch, docs/source/notes/broadcasting.rst ("Broadcasting semantics", In-place semantics
# and Backwards compatibility; commit 0b4ba99; BSD-3-Clause;
# https://github.com/pytorch/pytorch/blob/0b4ba99/docs/source/notes/broadcasting.rst), its doctest lines,
# the `>>>` prompts removed. The backwards-compatibility example comes first here (the in-place example
# that fails ends the program, as plain PyTorch stops there); `torch.utils.backcompat...` left out
# (torch.utils is refused). `torch.FloatTensor(5, 3, 4, 1)` is zero-filled here and in the test's oracle.
import torch
torch.add(torch.ones(4,1), torch.randn(4))
torch.add(torch.ones(4,1), torch.ones(4))

x=torch.FloatTensor(5,3,4,1)
y=torch.FloatTensor(3,1,1)
(x.add_(y)).size()

# but:
x=torch.FloatTensor(1,3,1)
y=torch.FloatTensor(3,1,7)
(x.add_(y)).size()
