import torch
x = torch.arange(4)
x

x[3]

len(x)

x.shape
