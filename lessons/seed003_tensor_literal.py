import torch
torch.tensor([[2,1,4,3],[1,2,3,4],[4,3,2,1]])

torch.tensor([[2,1,4,3],[1,2,3,4],[4,3,2,1]]).shape

torch.tensor([[[2,1,4,3],[1,2,3,4],[4,3,2,1]]])

torch.tensor([[[2,1,4,3],[1,2,3,4],[4,3,2,1]]]).shape
