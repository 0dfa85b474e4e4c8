# Source: pytorch/pytorch, docs/source/tensors.rst (the "torch.Tensor" reference page's introductory
# examples: construction, indexing, item(), requires_grad; BSD-3-Clause;
# https://github.com/pytorch/pytorch/blob/main/docs/source/tensors.rst), in order, the `>>>` prompts
# removed, followed by the same page's older (commit 0010582) FloatTensor/IntTensor examples. Left out: the
# two lines making and using `torch.device('cuda:0')` (no GPU; device= is refused).
import torch
import numpy as np
torch.tensor([[1., -1.], [1., 1.]])
torch.tensor(np.array([[1, 2, 3], [4, 5, 6]]))
torch.zeros([2, 4], dtype=torch.int32)
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x[1][2])
x[0][1] = 8
print(x)
x = torch.tensor([[1]])
x
x.item()
x = torch.tensor(2.5)
x
x.item()
x = torch.tensor([[1., -1.], [1., 1.]], requires_grad=True)
out = x.pow(2).sum()
out.backward()
x.grad

torch.FloatTensor([[1, 2, 3], [4, 5, 6]])
torch.IntTensor(2, 4).zero_()
x = torch.FloatTensor([[1, 2, 3], [4, 5, 6]])
print(x[1][2])
x[0][1] = 8
print(x)
