# Source: ShusenTang/Dive-into-DL-PyTorch, code/chapter02_prerequisite/2.2_tensor.ipynb (d2l's first edition
# rewritten for PyTorch, in Chinese: 数据操作), code cells in order (commit 09c8bac; Apache-2.0;
# https://github.com/ShusenTang/Dive-into-DL-PyTorch/blob/09c8bac/code/chapter02_prerequisite/2.2_tensor.ipynb).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import torch

torch.manual_seed(0)
torch.cuda.manual_seed(0)
print(torch.__version__)

# ---- cell 3
x = torch.empty(5, 3)
print(x)

# ---- cell 5
x = torch.rand(5, 3)
print(x)

# ---- cell 7
x = torch.zeros(5, 3, dtype=torch.long)
print(x)

# ---- cell 9
x = torch.tensor([5.5, 3])
print(x)

# ---- cell 11
x = x.new_ones(5, 3, dtype=torch.float64)      # 返回的tensor默认具有相同的torch.dtype和torch.device
print(x)

x = torch.randn_like(x, dtype=torch.float)    # 指定新的数据类型
print(x)

# ---- cell 13
print(x.size())
print(x.shape)

# ---- cell 16
y = torch.rand(5, 3)
print(x + y)

# ---- cell 18
print(torch.add(x, y))

# ---- cell 19
result = torch.empty(5, 3)
torch.add(x, y, out=result)
print(result)

# ---- cell 21
# adds x to y
y.add_(x)
print(y)

# ---- cell 23
y = x[0, :]
y += 1
print(y)
print(x[0, :]) # 源tensor也被改了

# ---- cell 25
y = x.view(15)
z = x.view(-1, 5)  # -1所指的维度可以根据其他维度的值推出来
print(x.size(), y.size(), z.size())

# ---- cell 27
x += 1
print(x)
print(y) # 也加了1

# ---- cell 29
x_cp = x.clone().view(15)
x -= 1
print(x)
print(x_cp)

# ---- cell 31
x = torch.randn(1)
print(x)
print(x.item())

# ---- cell 33
x = torch.arange(1, 3).view(1, 2)
print(x)
y = torch.arange(1, 4).view(3, 1)
print(y)
print(x + y)

# ---- cell 35
x = torch.tensor([1, 2])
y = torch.tensor([3, 4])
id_before = id(y)
y = y + x
print(id(y) == id_before)

# ---- cell 36
x = torch.tensor([1, 2])
y = torch.tensor([3, 4])
id_before = id(y)
y[:] = y + x
print(id(y) == id_before)

# ---- cell 37
x = torch.tensor([1, 2])
y = torch.tensor([3, 4])
id_before = id(y)
torch.add(x, y, out=y) # y += x, y.add_(x)
print(id(y) == id_before)

# ---- cell 39
a = torch.ones(5)
b = a.numpy()
print(a, b)

a += 1
print(a, b)
b += 1
print(a, b)

# ---- cell 41
import numpy as np
a = np.ones(5)
b = torch.from_numpy(a)
print(a, b)

a += 1
print(a, b)
b += 1
print(a, b)

# ---- cell 43
# 用torch.tensor()转换时不会共享内存
c = torch.tensor(a)
a += 1
print(a, c)

# ---- cell 45
# 以下代码只有在PyTorch GPU版本上才会执行
if torch.cuda.is_available():
    device = torch.device("cuda")          # GPU
    y = torch.ones_like(x, device=device)  # 直接创建一个在GPU上的Tensor
    x = x.to(device)                       # 等价于 .to("cuda")
    z = x + y
    print(z)
    print(z.to("cpu", torch.double))       # to()还可以同时更改数据类型

# ---- cell 46
