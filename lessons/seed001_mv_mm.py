import torch
A=torch.arange(20).reshape(5,4)
B=torch.arange(4)
A.shape,B.shape,torch.mv(A,B)

B=torch.arange(8).reshape(4,2)
torch.mm(A,B)
