# Source: MorvanZhou/PyTorch-Tutorial, tutorial-contents-notebooks/201_torch_numpy.ipynb (commit dbe154a; MIT;
# https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a/tutorial-contents-notebooks/201_torch_numpy.ipynb),
# code cells in order. Nothing left out: cell 9 fails in plain PyTorch too (`torch.dot` of
# 2-D tensors), and the error is expected there.
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import torch
import numpy as np

# ---- cell 1
# convert numpy to tensor or vise versa
np_data = np.arange(6).reshape((2, 3))
torch_data = torch.from_numpy(np_data)
tensor2array = torch_data.numpy()
print(
    '\nnumpy array:', np_data,          # [[0 1 2], [3 4 5]]
    '\ntorch tensor:', torch_data,      #  0  1  2 \n 3  4  5    [torch.LongTensor of size 2x3]
    '\ntensor to array:', tensor2array, # [[0 1 2], [3 4 5]]
)

# ---- cell 2
# abs
data = [-1, -2, 1, 2]
tensor = torch.FloatTensor(data)  # 32-bit floating point
print(
    '\nabs',
    '\nnumpy: ', np.abs(data),          # [1 2 1 2]
    '\ntorch: ', torch.abs(tensor)      # [1 2 1 2]
)

# ---- cell 3
tensor.abs()

# ---- cell 4
# sin
print(
    '\nsin',
    '\nnumpy: ', np.sin(data),      # [-0.84147098 -0.90929743  0.84147098  0.90929743]
    '\ntorch: ', torch.sin(tensor)  # [-0.8415 -0.9093  0.8415  0.9093]
)

# ---- cell 5
tensor.sigmoid()

# ---- cell 6
tensor.exp()

# ---- cell 7
# mean
print(
    '\nmean',
    '\nnumpy: ', np.mean(data),         # 0.0
    '\ntorch: ', torch.mean(tensor)     # 0.0
)

# ---- cell 8
# matrix multiplication
data = [[1,2], [3,4]]
tensor = torch.FloatTensor(data)  # 32-bit floating point
# correct method
print(
    '\nmatrix multiplication (matmul)',
    '\nnumpy: ', np.matmul(data, data),     # [[7, 10], [15, 22]]
    '\ntorch: ', torch.mm(tensor, tensor)   # [[7, 10], [15, 22]]
)

# ---- cell 9
# incorrect method
data = np.array(data)
tensor = torch.Tensor(data)
print(
    '\nmatrix multiplication (dot)',
    '\nnumpy: ', data.dot(data),        # [[7, 10], [15, 22]]
    '\ntorch: ', torch.dot(tensor.dot(tensor))     # NOT WORKING! Beware that torch.dot does not broadcast, only works for 1-dimensional tensor
)

# ---- cell 10
tensor.mm(tensor)

# ---- cell 11
tensor * tensor

# ---- cell 12
torch.dot(torch.Tensor([2, 3]), torch.Tensor([2, 1]))
