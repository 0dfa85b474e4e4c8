# Written for Autograd Lab after the "tensors" chapter of PyTorch books (session 26, issue 9): our own
# program, not a copy. It exercises the same constructs: a Python list next to a tensor, element reads and
# writes, float(t[i]), views that share data (a row, .t(), .transpose) with .storage_offset(), .stride(),
# .size(), .is_contiguous() and .contiguous(), .clone() to break the sharing, dtype conversion
# (.double(), .short(), .to(torch.double), .to(dtype=...)) and mixed-dtype arithmetic, list and tensor
# slicing with steps and None, the NumPy bridge, torch.transpose and .zero_().
import torch

temps = [21.5, 19.0, 23.25]
temps[1] = 20.0
temps

t = torch.zeros(4)
t[0] = 2.5
t[3] = -1.0
t, float(t[0])

grid = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
grid.shape, grid[1, 2], grid[0]

row = grid[1]
row.storage_offset(), row.size(), row.stride(), grid.stride()

row[0] = 40.0
grid

safe = grid[0].clone()
safe[1] = -2.0
grid, safe

gt = grid.t()
gt, gt.stride(), gt.is_contiguous()

gtc = gt.contiguous()
gtc.stride(), gtc.is_contiguous()

cube = torch.ones(2, 3, 4)
swapped = cube.transpose(0, 2)
swapped.shape, swapped.stride(), cube.stride()

ints = torch.tensor([[1, 2], [3, 4]], dtype=torch.short)
ints.dtype

wide = torch.rand(4, dtype=torch.double)
narrow = (wide * 10).to(torch.short)
mixed = wide * narrow
mixed.dtype

torch.zeros(2, 2).double().dtype, torch.ones(2).short().dtype, torch.ones(2).to(dtype=torch.int64).dtype

nums = list(range(8))
nums[2:6], nums[::3], nums[-2:], nums[1:7:2]

grid[:, 1:], grid[1:, 0], grid[None].shape

as_np = grid.numpy()
again = torch.from_numpy(as_np)
as_np[0, 0] = 9.0
again

flat = torch.ones(2, 3)
torch.transpose(flat, 0, 1).shape, flat.transpose(0, 1).shape

flat.zero_()
