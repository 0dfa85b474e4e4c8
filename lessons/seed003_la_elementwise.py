import torch
A=torch.arange(20,dtype=torch.float32).reshape(5,4)
B=A.clone()  # 通过分配新内存，将A的一个副本分配给B
A,A + B

A*B

a=2
X=torch.arange(24).reshape(2,3,4)
a+X,(a*X).shape

x=torch.arange(4,dtype=torch.float32)
x,x.sum()
