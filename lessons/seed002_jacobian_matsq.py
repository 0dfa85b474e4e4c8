import torch
def mat_sq(M):
    return torch.mm(M, M)
mat= torch.tensor([[2.0, 3.0],[4.0, 5.0]])
jacobian = torch.autograd.functional.jacobian(lambda ele: mat_sq(ele), mat)
print("Jacobian Matrix:")
print(jacobian)
