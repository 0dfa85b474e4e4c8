# Source: zergtant/pytorch-handbook, chapter1/2_autograd_tutorial.ipynb (the 60-minute blitz's autograd, in
# Chinese), code cells in order (commit e9a1492; licence: CC BY-NC-SA 3.0 CN, README; https://github.com/zergtant/pytorch-handbook/blob/e9a1492/chapter1/2_autograd_tutorial.ipynb).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py); IPython magics are left out.
# ---- cell 0

# ---- cell 3
import torch

# ---- cell 5
x = torch.ones(2, 2, requires_grad=True)
print(x)

# ---- cell 7
y = x + 2
print(y)

# ---- cell 9
print(y.grad_fn)

# ---- cell 11
z = y * y * 3
out = z.mean()

print(z, out)

# ---- cell 13
a = torch.randn(2, 2)
a = ((a * 3) / (a - 1))
print(a.requires_grad)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)

# ---- cell 15
out.backward()

# ---- cell 17
print(x.grad)

# ---- cell 21
x = torch.randn(3, requires_grad=True)

y = x * 2
while y.data.norm() < 1000:
    y = y * 2

print(y)

# ---- cell 23
gradients = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
y.backward(gradients)

print(x.grad)

# ---- cell 25
print(x.requires_grad)
print((x ** 2).requires_grad)

with torch.no_grad():
    print((x ** 2).requires_grad)

# ---- cell 27
