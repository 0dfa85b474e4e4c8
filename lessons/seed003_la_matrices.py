import torch
A = torch.arange(20).reshape(5,4)
A

A.T

B = torch.tensor([[1,2,3],[2,0,4],[3,4,5]])
B

B == B.T

X = torch.arange(24).reshape(2,3,4)
X
