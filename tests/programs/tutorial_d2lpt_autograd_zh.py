# Source: ShusenTang/Dive-into-DL-PyTorch, code/chapter02_prerequisite/2.3_autograd.ipynb (in Chinese: 自动求梯度),
# code cells in order (commit 09c8bac; Apache-2.0;
# https://github.com/ShusenTang/Dive-into-DL-PyTorch/blob/09c8bac/code/chapter02_prerequisite/2.3_autograd.ipynb).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import torch

print(torch.__version__)

# ---- cell 2
x = torch.ones(2, 2, requires_grad=True)
print(x)
print(x.grad_fn)

# ---- cell 3
y = x + 2
print(y)
print(y.grad_fn)

# ---- cell 5
print(x.is_leaf, y.is_leaf)

# ---- cell 6
z = y * y * 3
out = z.mean()
print(z, out)

# ---- cell 8
a = torch.randn(2, 2) # 缺失情况下默认 requires_grad = False
a = ((a * 3) / (a - 1))
print(a.requires_grad) # False
a.requires_grad_(True)
print(a.requires_grad) # True
b = (a * a).sum()
print(b.grad_fn)

# ---- cell 10
out.backward() # 等价于 out.backward(torch.tensor(1.))
print(x.grad)

# ---- cell 14
# 再来反向传播一次，注意grad是累加的
out2 = x.sum()
out2.backward()
print(x.grad)

out3 = x.sum()
x.grad.data.zero_()
out3.backward()
print(x.grad)

# ---- cell 15
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
y = 2 * x
z = y.view(2, 2)
print(z)

# ---- cell 17
v = torch.tensor([[1.0, 0.1], [0.01, 0.001]], dtype=torch.float)
z.backward(v)

print(x.grad)

# ---- cell 19
x = torch.tensor(1.0, requires_grad=True)
y1 = x ** 2 
with torch.no_grad():
    y2 = x ** 3
y3 = y1 + y2
    
print(x, x.requires_grad)
print(y1, y1.requires_grad)
print(y2, y2.requires_grad)
print(y3, y3.requires_grad)

# ---- cell 20
y3.backward()
print(x.grad)

# ---- cell 22
# y2.backward() # 会报错 RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn

# ---- cell 24
x = torch.ones(1,requires_grad=True)

print(x.data) # 还是一个tensor
print(x.data.requires_grad) # 但是已经是独立于计算图之外

y = 2 * x
x.data *= 100 # 只改变了值，不会记录在计算图，所以不会影响梯度传播

y.backward()
print(x) # 更改data的值也会影响tensor的值
print(x.grad)
