import torch
X = torch.arange(12, dtype=torch.float32).reshape((3,4))
Y = torch.tensor([[2,1,4,3],[1,2,3,4],[4,3,2,1]])
torch.cat((X,Y), dim=0), torch.cat((X, Y), dim=1)

Z = torch.zeros((3,4))
torch.cat((X,Y,Z),dim=2)
