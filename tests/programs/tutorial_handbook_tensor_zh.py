# Source: zergtant/pytorch-handbook, chapter2/2.1.1.pytorch-basics-tensor.ipynb (a Chinese PyTorch handbook:
# 张量), code cells in order (commit e9a1492; licence: CC BY-NC-SA 3.0 CN, README; https://github.com/zergtant/pytorch-handbook/blob/e9a1492/chapter2/2.1.1.pytorch-basics-tensor.ipynb).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py); IPython magics are left out.
# Left out: cell 30 (plain: ); cell 32 (plain: ); cell 34 (plain: )
# ---- cell 1
# 首先要引入相关的包
import torch
import numpy as np
#打印一下版本
torch.__version__

# ---- cell 3
x = torch.rand(2, 3)
x

# ---- cell 5
# 可以使用与numpy相同的shape属性查看
print(x.shape)
# 也可以使用size()函数，返回的结果都是相同的
print(x.size())

# ---- cell 7
y=torch.rand(2,3,4,5)
print(y.size())
y

# ---- cell 9
#我们直接使用现有数字生成
scalar =torch.tensor(3.1433223)
print(scalar)
#打印标量的大小
scalar.size()

# ---- cell 11
scalar.item()

# ---- cell 13
tensor = torch.tensor([3.1433223]) 
print(tensor)
tensor.size()

# ---- cell 14
tensor.item()

# ---- cell 16
long=tensor.long()
long

# ---- cell 17
half=tensor.half()
half

# ---- cell 18
int_t=tensor.int()
int_t

# ---- cell 19
flo = tensor.float()
flo

# ---- cell 20
short = tensor.short()
short

# ---- cell 21
ch = tensor.char()
ch

# ---- cell 22
bt = tensor.byte()
bt

# ---- cell 24
a = torch.randn((3, 2))
# tensor转化为numpy
numpy_a = a.numpy()
print(numpy_a)

# ---- cell 26
torch_a = torch.from_numpy(numpy_a)
torch_a

# ---- cell 29
cpu_a=torch.rand(4, 3)
cpu_a.type()

# ---- cell 36
# 使用[0,1]均匀分布随机初始化二维数组
rnd = torch.rand(5, 3)
rnd

# ---- cell 37
##初始化，使用1填充
one = torch.ones(2, 2)
one

# ---- cell 38
##初始化，使用0填充
zero=torch.zeros(2,2)
zero

# ---- cell 39
#初始化一个单位矩阵，即对角线为1 其他为0
eye=torch.eye(2,2)
eye

# ---- cell 41
x = torch.randn(3, 3)
print(x)

# ---- cell 42
# 沿着行取最大值
max_value, max_idx = torch.max(x, dim=1)
print(max_value, max_idx)

# ---- cell 43
# 每行 x 求和
sum_x = torch.sum(x, dim=1)
print(sum_x)

# ---- cell 44
y=torch.randn(3, 3)
z = x + y
print(z)

# ---- cell 46
# add 完成后x的值改变了
x.add_(y)
print(x)
