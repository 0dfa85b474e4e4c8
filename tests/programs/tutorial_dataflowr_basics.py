# Source: dataflowr/notebooks (Marc Lelarge's Deep Learning Do It Yourself, Apache-2.0; commit 043dff0),
# Module2/02a_basics.ipynb: PyTorch tensors (creation, indexing, in-place ops, NumPy bridge, broadcasting,
# reshaping) and a first look at autograd (a gradient by hand checked against backward(), zero_ and
# retain_graph). Code cells in order, as written; `%matplotlib inline`, `import matplotlib.pyplot as plt`
# and these cells left out: 36 (`.cuda()`: no GPU), 38 (`.item()` of 15 elements, an error on purpose),
# 39-44 (CIFAR-10 through torchvision and its plots), 49 (`requires_grad` on an integer tensor, an error on
# purpose), 62 (backward twice without retain_graph, an error on purpose). Each cell starts with its
# '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import torch
import numpy as np
# ---- cell 2
torch.__version__
# ---- cell 3
x = torch.empty(3,5)
print(x.dtype)
print(x)
# ---- cell 4
x = torch.randn(3,5)
print(x)
# ---- cell 5
print(x.size())
# ---- cell 6
x.size()[1]
# ---- cell 7
x.size() == (3,5)
# ---- cell 8
y = x.numpy()
print(y)
# ---- cell 9
a = np.ones(5)
b = torch.from_numpy(a)
print(a.dtype)
print(b)
# ---- cell 10
c = b.long()
print(c.dtype, c)
print(b.dtype, b)
# ---- cell 11
xr = torch.randn(3, 5)
print(xr.dtype, xr)
# ---- cell 12
resb = xr + b
resb
# ---- cell 13
resc = xr + c
resc
# ---- cell 14
resb == resc
# ---- cell 15
torch.set_printoptions(precision=10)
# ---- cell 16
resb[0,1]
# ---- cell 17
resc[0,1]
# ---- cell 18
resc[0,1].dtype
# ---- cell 19
xr[0,1]
# ---- cell 20
torch.set_printoptions(precision=4)
# ---- cell 21
A = torch.tensor([[1.], [2.], [3.], [4.]])
print(A.size())
B = torch.tensor([[5., -5., 5., -5., 5.]])
print(B.size())
C = A + B
# ---- cell 22
C
# ---- cell 23
x
# ---- cell 24
xr
# ---- cell 25
print(x+xr)
# ---- cell 26
x.add_(xr)
print(x)
# ---- cell 27
print(x.t())
# ---- cell 28
x.t_()
print(x)
# ---- cell 29
a = np.ones(5)
b = torch.from_numpy(a)
print(b)
# ---- cell 30
a[2] = 0
print(b)
# ---- cell 31
b[3] = 5
print(a)
# ---- cell 32
torch.cuda.is_available()
# ---- cell 33
#device = torch.device('cpu')
device = torch.device('cuda') # Uncomment this to run on GPU
# ---- cell 34
x.device
# ---- cell 35
# let us run this cell only if CUDA is available
# We will use ``torch.device`` objects to move tensors in and out of GPU
if torch.cuda.is_available():
    y = torch.ones_like(x, device=device)  # directly create a tensor on GPU
    x = x.to(device)                       # or just use strings ``.to("cuda")``
    z = x + y
    print(z,z.type())
    print(z.to("cpu", torch.double))       # ``.to`` can also change dtype together!
# ---- cell 37
x.device
# ---- cell 45
w = np.array([0.5])
b = np.array([2])
xx = np.array([0.5])#np.arange(0,1.5,.5)
# ---- cell 46
xx_t = torch.from_numpy(xx)
w_t = torch.from_numpy(w)
b_t = torch.from_numpy(b)
# ---- cell 47
w_t.requires_grad
# ---- cell 48
w_t.requires_grad_(True)
# ---- cell 50
dtype = torch.float64
# ---- cell 51
b_t = b_t.type(dtype)
# ---- cell 52
b_t.requires_grad_(True)
# ---- cell 53
def fun(x,ystar):
    y = torch.exp(w_t*x+b_t)
    print(y)
    return torch.sum((y-ystar)**2)

ystar_t = torch.randn_like(xx_t)
l_t = fun(xx_t,ystar_t)
# ---- cell 54
l_t
# ---- cell 55
l_t.requires_grad
# ---- cell 56
print(w_t.grad)
# ---- cell 57
l_t.backward()
# ---- cell 58
print(w_t.grad)
print(b_t.grad)
# ---- cell 59
yy_t = torch.exp(w_t*xx_t+b_t)
print(torch.sum(2*(yy_t-ystar_t)*yy_t*xx_t))
print(torch.sum(2*(yy_t-ystar_t)*yy_t))
# ---- cell 60
l_t = fun(xx_t,ystar_t)
l_t.backward()
# ---- cell 61
print(w_t.grad)
print(b_t.grad)
# ---- cell 63
# Manually zero the gradients
w_t.grad.data.zero_()
b_t.grad.data.zero_()
l_t = fun(xx_t,ystar_t)
l_t.backward(retain_graph=True)
l_t.backward()
print(w_t.grad)
print(b_t.grad)
