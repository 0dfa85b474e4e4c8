import torch
x = torch.arange(12)
x

x.shape
x.numel()

x = x.reshape(3,4)
x

torch.zeros((2,3,4))

torch.ones((2,3,4))
