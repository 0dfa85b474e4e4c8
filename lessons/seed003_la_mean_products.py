import torch
A=torch.arange(20,dtype=torch.float32).reshape(5,4)
A,A.mean(),A.sum()/A.numel()

A.mean(axis=0),A.sum(axis=0)/A.shape[0]

sum_A=A.sum(axis=1,keepdims=True)
sum_A

A/sum_A

A.sum(axis=0)

A.cumsum(axis=0)

x=torch.arange(4,dtype=torch.float32)
y=torch.ones(4,dtype=torch.float32)
x,y,torch.dot(x,y)

torch.sum(x*y)

A.shape,x.shape,torch.mv(A,x)

B=torch.ones(4,3)
torch.mm(A,B)
