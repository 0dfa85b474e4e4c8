import torch
x=torch.arange(4)
x,x[3]
#张量的长度
len(x)
#张量的形状
x.shape
