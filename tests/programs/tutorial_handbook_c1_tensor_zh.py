# Source: zergtant/pytorch-handbook, chapter1/1_tensor_tutorial.ipynb (the 60-minute blitz's tensors, in
# Chinese), code cells in order (commit e9a1492; licence: CC BY-NC-SA 3.0 CN, README; https://github.com/zergtant/pytorch-handbook/blob/e9a1492/chapter1/1_tensor_tutorial.ipynb).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py); IPython magics are left out.
# ---- cell 0

# ---- cell 2
from __future__ import print_function
import torch

# ---- cell 4
x = torch.empty(5, 3)
print(x)

# ---- cell 6
x = torch.rand(5, 3)
print(x)

# ---- cell 8
x = torch.zeros(5, 3, dtype=torch.long)
print(x)

# ---- cell 10
x = torch.tensor([5.5, 3])
print(x)

# ---- cell 12
x = x.new_ones(5, 3, dtype=torch.double)      # new_* 方法来创建对象
print(x)

x = torch.randn_like(x, dtype=torch.float)    # 覆盖 dtype!
print(x)                                      #  对象的size 是相同的，只是值和类型发生了变化

# ---- cell 14
print(x.size())

# ---- cell 16
y = torch.rand(5, 3)
print(x + y)

# ---- cell 18
print(torch.add(x, y))

# ---- cell 20
result = torch.empty(5, 3)
torch.add(x, y, out=result)
print(result)

# ---- cell 22
# adds x to y
y.add_(x)
print(y)

# ---- cell 24
print(x[:, 1])

# ---- cell 26
x = torch.randn(4, 4)
y = x.view(16)
z = x.view(-1, 8)  #  size -1 从其他维度推断
print(x.size(), y.size(), z.size())

# ---- cell 28
x = torch.randn(1)
print(x)
print(x.item())

# ---- cell 30
a = torch.ones(5)
print(a)

# ---- cell 31
b = a.numpy()
print(b)

# ---- cell 33
a.add_(1)
print(a)
print(b)

# ---- cell 35
import numpy as np
a = np.ones(5)
b = torch.from_numpy(a)
np.add(a, 1, out=a)
print(a)
print(b)

# ---- cell 37
# is_available 函数判断是否有cuda可以使用
# ``torch.device``将张量移动到指定的设备中
if torch.cuda.is_available():
    device = torch.device("cuda")          # a CUDA 设备对象
    y = torch.ones_like(x, device=device)  # 直接从GPU创建张量
    x = x.to(device)                       # 或者直接使用``.to("cuda")``将张量移动到cuda中
    z = x + y
    print(z)
    print(z.to("cpu", torch.double))       # ``.to`` 也会对变量的类型做更改
