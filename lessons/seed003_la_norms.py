import torch
u=torch.tensor([3.0,-4.0])
torch.norm(u) #向量2范数

torch.abs(u).sum() #向量1范数

torch.norm(torch.ones(4,9)) #矩阵F范数
