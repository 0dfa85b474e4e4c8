# Power iteration: the largest eigenvalue of a symmetric 100x100 matrix, 300 steps. Written for Autograd Lab.
import torch

A = torch.randn(100, 100)
A = A @ A.T / 100
v = torch.ones(100)
for k in range(300):
    w = A @ v
    v = w / w.norm()
lam = v @ A @ v
print(lam)
print(torch.linalg.eigvalsh(A)[-1])
