import torch
A=torch.arange(20*2).reshape(2,5,4)
A,A.shape,A.sum()

A_sum_axis0=A.sum(axis=0)
A_sum_axis0,A_sum_axis0.shape

A_sum_axis1=A.sum(axis=1)
A_sum_axis1,A_sum_axis1.shape

A.sum(axis=[0,1]) # Same as 'A.sum()'
