import torch
import numpy as np
array = np.array([[1.0, 2.0, 3.0],[4.0, 5.0, 6.0]])
mat = torch.tensor(array)
jacobian = torch.autograd.functional.jacobian(lambda val: val.sum(), mat)
print("Jacobian Matrix:")
print(jacobian)
