import torch
u=torch.tensor([3.0,-4.0])
torch.norm(u)

torch.abs(u).sum()

torch.norm(torch.ones(4,9))
