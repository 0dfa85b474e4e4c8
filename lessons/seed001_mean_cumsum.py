import torch
A=torch.arange(20*2,dtype=torch.float32).reshape(2,5,4)
A.mean(),A.sum()/A.numel()
#也可以按照某个维度求平均值
A.mean(axis=0),A.sum(axis=0)/A.shape[0]

sum_A=A.sum(axis=1,keepdims=True)
sum_A
sum_A.shape
A/sum_A

A,A.cumsum(axis=0)
