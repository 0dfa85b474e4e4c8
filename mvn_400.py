import torch
from torch.distributions import MultivariateNormal
n = 400
d = MultivariateNormal(torch.zeros(n), torch.eye(n))
x = d.sample((1560,))
print(x.shape)
