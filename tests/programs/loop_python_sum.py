# A plain Python loop with a little tensor work: partial sums of a series and a running max. Written for Autograd Lab.
import torch
import math

total = 0.0
best = torch.tensor(-1.0)
for n in range(1, 3001):
    total += 1 / n ** 2
    if n % 10 == 0:
        best = torch.maximum(best, torch.tensor(math.sin(n)))
print(total, math.pi ** 2 / 6)
print(best)
