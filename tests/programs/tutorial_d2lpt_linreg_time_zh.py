# Source: ShusenTang/Dive-into-DL-PyTorch, code/chapter03_DL-basics/3.1_linear-regression.ipynb (d2l's first
# edition rewritten for PyTorch, in Chinese: 线性回归), code cells in order (commit 39bd576; licence: Apache-2.0 (LICENSE added in 064d7d4);
# https://github.com/ShusenTang/Dive-into-DL-PyTorch/blob/39bd576/code/chapter03_DL-basics/3.1_linear-regression.ipynb).
# `from time import time` times a Python loop against one vector addition: the two printed durations and
# `start` differ run to run (the manifest compares them by pattern). The last cell is empty.
# ---- cell 1
import torch
from time import time

print(torch.__version__)

# ---- cell 2
a = torch.ones(1000)
b = torch.ones(1000)

# ---- cell 3
start = time()
c = torch.zeros(1000)
for i in range(1000):
    c[i] = a[i] + b[i]
print(time() - start)

# ---- cell 4
start = time()
d = a + b
print(time() - start)

# ---- cell 5
a = torch.ones(3)
b = 10
print(a + b)
