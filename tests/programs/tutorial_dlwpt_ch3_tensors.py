# Source: deep-learning-with-pytorch/dlwpt-code, p1ch3/1_tensors.ipynb (the code of Stevens, Antiga and
# Viehmann, "Deep Learning with PyTorch", chapter 3 "It starts with a tensor"; commit d6c0210; no licence
# stated; https://github.com/deep-learning-with-pytorch/dlwpt-code/blob/d6c0210/p1ch3/1_tensors.ipynb),
# code cells in order. Left out: cells 16-19, 31, 41 and 45 (`storage()`: Autograd Lab gives no access to
# a tensor's memory), 56-62 (torch.save/load and h5py: files) and 63-69 (CUDA).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
a = [1.0, 2.0, 1.0]

# ---- cell 1
a[0]

# ---- cell 2
a[2] = 3.0
a

# ---- cell 3
import torch # <1>
a = torch.ones(3) # <2>
a

# ---- cell 4
a[1]

# ---- cell 5
float(a[1])

# ---- cell 6
a[2] = 2.0
a

# ---- cell 7
points = torch.zeros(6) # <1>
points[0] = 4.0 # <2>
points[1] = 1.0
points[2] = 5.0
points[3] = 3.0
points[4] = 2.0
points[5] = 1.0

# ---- cell 8
points = torch.tensor([4.0, 1.0, 5.0, 3.0, 2.0, 1.0])
points

# ---- cell 9
float(points[0]), float(points[1])

# ---- cell 10
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
points

# ---- cell 11
points.shape

# ---- cell 12
points = torch.zeros(3, 2)
points

# ---- cell 13
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
points

# ---- cell 14
points[0, 1]

# ---- cell 15
points[0]

# ---- cell 20
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
second_point = points[1]
second_point.storage_offset()

# ---- cell 21
second_point.size()

# ---- cell 22
second_point.shape

# ---- cell 23
points.stride()

# ---- cell 24
second_point = points[1]
second_point.size()

# ---- cell 25
second_point.storage_offset()

# ---- cell 26
second_point.stride()

# ---- cell 27
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
second_point = points[1]
second_point[0] = 10.0
points

# ---- cell 28
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
second_point = points[1].clone()
second_point[0] = 10.0
points

# ---- cell 29
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
points

# ---- cell 30
points_t = points.t()
points_t

# ---- cell 32
points.stride()

# ---- cell 33
points_t.stride()

# ---- cell 34
some_t = torch.ones(3, 4, 5)
transpose_t = some_t.transpose(0, 2)
some_t.shape

# ---- cell 35
transpose_t.shape

# ---- cell 36
some_t.stride()

# ---- cell 37
transpose_t.stride()

# ---- cell 38
points.is_contiguous()

# ---- cell 39
points_t.is_contiguous()

# ---- cell 40
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
points_t = points.t()
points_t

# ---- cell 42
points_t.stride()

# ---- cell 43
points_t_cont = points_t.contiguous()
points_t_cont

# ---- cell 44
points_t_cont.stride()

# ---- cell 46
double_points = torch.ones(10, 2, dtype=torch.double)
short_points = torch.tensor([[1, 2], [3, 4]], dtype=torch.short)

# ---- cell 47
short_points.dtype

# ---- cell 48
double_points = torch.zeros(10, 2).double()
short_points = torch.ones(10, 2).short()

# ---- cell 49
double_points = torch.zeros(10, 2).to(torch.double)
short_points = torch.ones(10, 2).to(dtype=torch.short)

# ---- cell 50
points_64 = torch.rand(5, dtype=torch.double)  # <1>
points_short = points_64.to(torch.short)
points_64 * points_short  # works from PyTorch 1.3 onwards

# ---- cell 51
# reset points back to original value
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])

# ---- cell 52
some_list = list(range(6))
some_list[:]     # <1>
some_list[1:4]   # <2>
some_list[1:]    # <3>
some_list[:4]    # <4>
some_list[:-1]   # <5>
some_list[1:4:2] # <6>

# ---- cell 53
points[1:]       # <1>
points[1:, :]    # <2>
points[1:, 0]    # <3>
points[None]     # <4>

# ---- cell 54
points = torch.ones(3, 4)
points_np = points.numpy()
points_np

# ---- cell 55
points = torch.from_numpy(points_np)

# ---- cell 70
a = torch.ones(3, 2)
a_t = torch.transpose(a, 0, 1)

a.shape, a_t.shape

# ---- cell 71
a = torch.ones(3, 2)
a_t = a.transpose(0, 1)

a.shape, a_t.shape

# ---- cell 72
a = torch.ones(3, 2)

# ---- cell 73
a.zero_()
a
