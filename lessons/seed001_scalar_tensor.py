import torch
a=2
X=torch.arange(24).reshape(2,3,4)
a+X,a*X
