import torch
X = torch.arange(12).reshape((3,4))
X

X[1,2]=9
X

X[0:2,:] = 12
X
