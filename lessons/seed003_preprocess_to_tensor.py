import torch

x,y = torch.tensor(inputs.values),torch.tensor(outputs.values)
x,y
