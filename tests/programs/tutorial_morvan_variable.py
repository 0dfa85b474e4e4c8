# Source: MorvanZhou/PyTorch-Tutorial, tutorial-contents-notebooks/202_variable.ipynb (commit dbe154a; MIT;
# https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a/tutorial-contents-notebooks/202_variable.ipynb),
# code cells in order. Nothing left out (`from torch.autograd import Variable`).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import torch
from torch.autograd import Variable

# ---- cell 1
tensor = torch.FloatTensor([[1,2],[3,4]])            # build a tensor
variable = Variable(tensor, requires_grad=True)      # build a variable, usually for compute gradients

print(tensor)       # [torch.FloatTensor of size 2x2]
print(variable)     # [torch.FloatTensor of size 2x2]

# ---- cell 2
t_out = torch.mean(tensor*tensor)       # x^2
v_out = torch.mean(variable*variable)   # x^2
print(t_out)
print(v_out)

# ---- cell 3
v_out.backward()    # backpropagation from v_out

# ---- cell 4
variable.grad

# ---- cell 5
variable # this is data in variable format

# ---- cell 6
variable.data # this is data in tensor format

# ---- cell 7
variable.data.numpy() # numpy format

# ---- cell 8
type(v_out)

# ---- cell 9
type(v_out.data)
