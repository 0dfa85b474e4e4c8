# Source: pytorch/pytorch, docs/source/notes/broadcasting.rst ("Broadcasting semantics", General semantics;
# commit 0b4ba99; BSD-3-Clause; https://github.com/pytorch/pytorch/blob/0b4ba99/docs/source/notes/broadcasting.rst),
# its doctest lines in order, the `>>>` prompts removed, up to the example that fails: plain PyTorch stops
# there with "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1".
# `torch.FloatTensor(5, 7, 3)` is zero-filled here and in the test's oracle.
import torch
x=torch.FloatTensor(5,7,3)
y=torch.FloatTensor(5,7,3)
# same shapes are always broadcastable (i.e. the above rules always hold)

x=torch.FloatTensor()
y=torch.FloatTensor(2,2)
# x and y are not broadcastable, because x does not have at least 1 dimension

# can line up trailing dimensions
x=torch.FloatTensor(5,3,4,1)
y=torch.FloatTensor(  3,1,1)
# x and y are broadcastable.

# but:
x=torch.FloatTensor(5,2,4,1)
y=torch.FloatTensor(  3,1,1)
# x and y are not broadcastable, because in the 3rd trailing dimension 2 != 3

# can line up trailing dimensions to make reading easier
x=torch.FloatTensor(5,1,4,1)
y=torch.FloatTensor(  3,1,1)
(x+y).size()

# but not necessary:
x=torch.FloatTensor(1)
y=torch.FloatTensor(3,1,7)
(x+y).size()

x=torch.FloatTensor(5,2,4,1)
y=torch.FloatTensor(3,1,1)
(x+y).size()
