# Source: fastai/course22p2, nbs/01_matmul.ipynb (fast.ai "Practical Deep Learning for Coders" part 2,
# 2022, lesson 10-11: matrix multiplication from the foundations; commit df93232; Apache-2.0;
# https://github.com/fastai/course22p2/blob/df93232/nbs/01_matmul.ipynb), code cells in order.
# Left out: cells 2-8 (download and unpickle MNIST: files and network; a stand-in below), the plotting
# cells 12, 20, 31, 44, 45, the IPython magics (cells 7, 46, 47, 60, 66, 67, 73, 87, 90, 139, 143, 152,
# 156, 169, 172), cells 42-43 (os.fork), 63-73 (numba), 111 (t.storage()), 162-172 (numba.cuda, .cuda()).
# fastcore's test_close (cell 71's import): a stand-in below, the same check written with torch.allclose.
# Shortened: the stand-in has 20 training and 3 validation images (MNIST: 50,000 and 10,000), and cell 50
# takes x_valid[:1], not [:5], so that the triple loops of cells 54 and 161 run 1*10*784 times each, not
# 5*10*784.
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
import numpy as np
import torch

# stand-in for MNIST: 20 training and 3 validation images of 28*28 grey values in [0, 1), their labels
# (as MNIST's, mostly zeros: a pixel is 0 unless its code below is 200 or more)
x_train = (np.arange(20 * 784, dtype=np.float32).reshape(20, 784) * 37 % 256) // 200 * 0.75
y_train = np.arange(20) * 7 % 10
x_valid = (np.arange(3 * 784, dtype=np.float32).reshape(3, 784) * 53 % 256) // 200 * 0.75
y_valid = np.arange(3) * 3 % 10


def test_close(a, b, eps=1e-5):
    assert torch.allclose(torch.as_tensor(a), torch.as_tensor(b), rtol=0, atol=eps), f"close:\n{a}\n{b}"

# ---- cell 9
lst1 = list(x_train[0])
vals = lst1[200:210]
vals

# ---- cell 10
def chunks(x, sz):
    for i in range(0, len(x), sz): yield x[i:i+sz]

# ---- cell 11
list(chunks(vals, 5))

# ---- cell 14
from itertools import islice

# ---- cell 15
it = iter(vals)
islice(it, 5)

# ---- cell 16
list(islice(it, 5))

# ---- cell 17
list(islice(it, 5))

# ---- cell 18
list(islice(it, 5))

# ---- cell 19
it = iter(lst1)
img = list(iter(lambda: list(islice(it, 28)), []))

# ---- cell 22
img[20][15]

# ---- cell 23
class Matrix:
    def __init__(self, xs): self.xs = xs
    def __getitem__(self, idxs): return self.xs[idxs[0]][idxs[1]]

# ---- cell 24
m = Matrix(img)
m[20,15]

# ---- cell 25
import torch
from torch import tensor

# ---- cell 26
tensor([1,2,3])

# ---- cell 27
x_train,y_train,x_valid,y_valid = map(tensor, (x_train,y_train,x_valid,y_valid))
x_train.shape

# ---- cell 28
x_train.type()

# ---- cell 30
imgs = x_train.reshape((-1,28,28))
imgs.shape

# ---- cell 32
imgs[0,20,15]

# ---- cell 33
n,c = x_train.shape
y_train, y_train.shape

# ---- cell 34
min(y_train),max(y_train)

# ---- cell 35
y_train.min(), y_train.max()

# ---- cell 38
rnd_state = None
def seed(a):
    global rnd_state
    a, x = divmod(a, 30268)
    a, y = divmod(a, 30306)
    a, z = divmod(a, 30322)
    rnd_state = int(x)+1, int(y)+1, int(z)+1

# ---- cell 39
seed(457428938475)
rnd_state

# ---- cell 40
def rand():
    global rnd_state
    x, y, z = rnd_state
    x = (171 * x) % 30269
    y = (172 * y) % 30307
    z = (170 * z) % 30323
    rnd_state = x,y,z
    return (x/30269 + y/30307 + z/30323) % 1.0

# ---- cell 41
rand(),rand(),rand()

# ---- cell 49
torch.manual_seed(1)
weights = torch.randn(784,10)
bias = torch.zeros(10)

# ---- cell 50
m1 = x_valid[:1]
m2 = weights

# ---- cell 51
m1.shape,m2.shape

# ---- cell 52
ar,ac = m1.shape # n_rows * n_cols
br,bc = m2.shape
(ar,ac),(br,bc)

# ---- cell 53
t1 = torch.zeros(ar, bc)
t1.shape

# ---- cell 54
for i in range(ar):         # 5
    for j in range(bc):     # 10
        for k in range(ac): # 784
            t1[i,j] += m1[i,k] * m2[k,j]

# ---- cell 55
t1

# ---- cell 56
t1.shape

# ---- cell 57
torch.set_printoptions(precision=2, linewidth=140, sci_mode=False)
t1

# ---- cell 58
import numpy as np
np.set_printoptions(precision=2, linewidth=140)

# ---- cell 59
def matmul(a,b):
    (ar,ac),(br,bc) = a.shape,b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc):
            for k in range(ac): c[i,j] += a[i,k] * b[k,j]
    return c

# ---- cell 61
ar*bc*ac

# ---- cell 76
a = tensor([10., 6, -4])
b = tensor([2., 8, 7])
a,b

# ---- cell 77
a + b

# ---- cell 78
(a < b).float().mean()

# ---- cell 79
m = tensor([[1., 2, 3], [4,5,6], [7,8,9]]); m

# ---- cell 81
sf = (m*m).sum()
sf

# ---- cell 82
sf.sqrt()

# ---- cell 83
m[2,:],m[:,2]

# ---- cell 84
m[2]

# ---- cell 85
def matmul(a,b):
    (ar,ac),(br,bc) = a.shape,b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc): c[i,j] = (a[i,:] * b[:,j]).sum()
    return c

# ---- cell 86
test_close(t1,matmul(m1, m2))

# ---- cell 88
def matmul(a,b):
    (ar,ac),(br,bc) = a.shape,b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc): c[i,j] = torch.dot(a[i,:], b[:,j])
    return c

# ---- cell 89
test_close(t1,matmul(m1, m2))

# ---- cell 94
a

# ---- cell 95
a > 0

# ---- cell 97
a + 1

# ---- cell 98
m

# ---- cell 99
2*m

# ---- cell 102
c = tensor([10.,20,30]); c

# ---- cell 103
m

# ---- cell 104
m.shape,c.shape

# ---- cell 105
m + c

# ---- cell 106
c + m

# ---- cell 107
t = c.expand_as(m)

# ---- cell 108
t

# ---- cell 109
m + t

# ---- cell 112
t.stride(), t.shape

# ---- cell 114
c.unsqueeze(0), c[None, :]

# ---- cell 115
c.shape, c.unsqueeze(0).shape

# ---- cell 116
c.unsqueeze(1), c[:, None]

# ---- cell 117
c.shape, c.unsqueeze(1).shape

# ---- cell 119
c[None].shape,c[...,None].shape

# ---- cell 120
c[:,None].expand_as(m)

# ---- cell 121
m + c[:,None]

# ---- cell 122
m + c[None,:]

# ---- cell 124
c[None,:]

# ---- cell 125
c[None,:].shape

# ---- cell 126
c[:,None]

# ---- cell 127
c[:,None].shape

# ---- cell 128
c[None,:] * c[:,None]

# ---- cell 129
c[None] > c[:,None]

# ---- cell 130
m*m

# ---- cell 133
digit = m1[0]
digit.shape,m2.shape

# ---- cell 134
digit[:,None].shape

# ---- cell 135
digit[:,None].expand_as(m2).shape

# ---- cell 136
(digit[:,None]*m2).shape

# ---- cell 137
def matmul(a,b):
    (ar,ac),(br,bc) = a.shape,b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
#       c[i,j] = (a[i,:] * b[:,j]).sum()      # previous version
        c[i]   = (a[i,:,None] * b).sum(dim=0) # broadcast version
    return c

# ---- cell 138
test_close(t1,matmul(m1, m2))

# ---- cell 141
tr = matmul(x_train, weights)
tr

# ---- cell 142
tr.shape

# ---- cell 146
m1.shape,m2.shape

# ---- cell 147
# c[i,j] += a[i,k] * b[k,j]
# c[i,j] = (a[i,:] * b[:,j]).sum()
mr = torch.einsum('ik,kj->ikj', m1, m2)
mr.shape

# ---- cell 148
mr.sum(1)

# ---- cell 149
torch.einsum('ik,kj->ij', m1, m2)

# ---- cell 150
def matmul(a,b): return torch.einsum('ik,kj->ij', a, b)

# ---- cell 151
test_close(tr, matmul(x_train, weights), eps=1e-3)

# ---- cell 155
test_close(tr, x_train@weights, eps=1e-3)

# ---- cell 158
def matmul(grid, a,b,c):
    i,j = grid
    if i < c.shape[0] and j < c.shape[1]:
        tmp = 0.
        for k in range(a.shape[1]): tmp += a[i, k] * b[k, j]
        c[i,j] = tmp

# ---- cell 159
res = torch.zeros(ar, bc)
matmul((0,0), m1, m2, res)
res

# ---- cell 160
def launch_kernel(kernel, grid_x, grid_y, *args, **kwargs):
    for i in range(grid_x):
        for j in range(grid_y): kernel((i,j), *args, **kwargs)

# ---- cell 161
res = torch.zeros(ar, bc)
launch_kernel(matmul, ar, bc, m1, m2, res)
res

