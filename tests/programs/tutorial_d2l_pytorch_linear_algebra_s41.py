# Source: dsgiitr/d2l-pytorch @e84da49 (Apache License 2.0), Ch04_The_Preliminaries_A_Crashcourse/Linear_Algebra.ipynb
# and Automatic_Differentiation.ipynb (https://github.com/dsgiitr/d2l-pytorch/tree/e84da49): the PyTorch port of
# Dive into Deep Learning's first edition, its code cells in order, each after a '# ---- cell N (corpus cell)'
# line. Session 41 (breadth).
# ---- cell 1 (dsg_Linear_Algebra 1)
import torch
# ---- cell 2 (dsg_Linear_Algebra 2)
x = torch.tensor([3.0])
y = torch.tensor([2.0])

print('x + y = ', x + y)
print('x * y = ', x * y)
print('x / y = ', x / y)
print('x ** y = ', torch.pow(x,y))
# ---- cell 3 (dsg_Linear_Algebra 3)
x.item()
# ---- cell 4 (dsg_Linear_Algebra 4)
x = torch.arange(4)
print('x = ', x)
# ---- cell 5 (dsg_Linear_Algebra 5)
x[3]
# ---- cell 6 (dsg_Linear_Algebra 6)
len(x)
# ---- cell 7 (dsg_Linear_Algebra 7)
x.shape
# ---- cell 8 (dsg_Linear_Algebra 8)
a = 2
x = torch.tensor([1,2,3])
y = torch.tensor([10,20,30])
print(a * x)
print(a * x + y)
# ---- cell 9 (dsg_Linear_Algebra 9)
A = torch.arange(20, dtype=torch.float32).reshape((5,4))
print(A)
# ---- cell 10 (dsg_Linear_Algebra 10)
print(A.t())
# ---- cell 11 (dsg_Linear_Algebra 11)
X = torch.arange(24).reshape((2, 3, 4))
print('X.shape =', X.shape)
print('X =', X)
# ---- cell 12 (dsg_Linear_Algebra 12)
a = 2
x = torch.ones(3)
y = torch.zeros(3)
print(x.shape)
print(y.shape)
print((a * x).shape)
print((a * x + y).shape)
# ---- cell 13 (dsg_Linear_Algebra 13)
print(x)
print(torch.sum(x))
# ---- cell 14 (dsg_Linear_Algebra 14)
print(A)
print(torch.sum(A))
# ---- cell 15 (dsg_Linear_Algebra 15)
print(torch.mean(A))
print(torch.div(torch.sum(A), torch.numel(A)))
# torch.numel() calculates number of elements in a tensor
# ---- cell 16 (dsg_Linear_Algebra 16)
x = torch.arange(4, dtype = torch.float32)
y = torch.ones(4, dtype = torch.float32)
print(x, y, torch.dot(x, y))
# ---- cell 17 (dsg_Linear_Algebra 17)
torch.sum(x * y)
# ---- cell 18 (dsg_Linear_Algebra 18)
torch.mv(A, x)
# ---- cell 19 (dsg_Linear_Algebra 19)
B = torch.ones(size=(4, 3))
torch.mm(A, B)
# ---- cell 20 (dsg_Linear_Algebra 20)
torch.norm(x)
# ---- cell 21 (dsg_Linear_Algebra 21)
torch.sum(torch.abs(x))
# ---- cell 22 (dsg_Automatic_Differentiation 1)
import torch
from torch.autograd import Variable
# ---- cell 23 (dsg_Automatic_Differentiation 2)
x = Variable(torch.arange(4, dtype=torch.float32).reshape((4, 1)), requires_grad=True)
print(x)
# ---- cell 24 (dsg_Automatic_Differentiation 3)
y = 2*torch.mm(x.t(),x)
print(y)
# ---- cell 25 (dsg_Automatic_Differentiation 4)
y.backward()
# ---- cell 26 (dsg_Automatic_Differentiation 5)
print("x.grad:", x.grad)
print("x.grad_fn:", x.grad_fn)
print("y.grad_fn:", y.grad_fn)
# ---- cell 27 (dsg_Automatic_Differentiation 6)
print((x.grad - 4*x).norm().item() == 0)
print(x.grad)
# ---- cell 28 (dsg_Automatic_Differentiation 7)
def f(a):
    b = a * 2
    while b.norm().item() < 1000:
        b = b * 2
    if b.sum().item() > 0:
        c = b
    else:
        c = 100 * b
    return c
# ---- cell 29 (dsg_Automatic_Differentiation 8)
a = torch.randn(size=(1,))
a.requires_grad=True
d = f(a)
d.backward()
# ---- cell 30 (dsg_Automatic_Differentiation 9)
print(a.grad == (d / a))
# ---- cell 31 (dsg_Automatic_Differentiation 10)
x = Variable(torch.tensor([[0.],[1.],[2.],[3.]]), requires_grad=True)
y = x * 2
z = y * x

head_gradient = torch.tensor([[10], [1.], [.1], [.01]])
z.backward(head_gradient)
print(x.grad)
