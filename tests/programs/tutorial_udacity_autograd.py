# Source: udacity/deep-learning-v2-pytorch, intro-to-pytorch/Part 3 - Training Neural Networks (Solution).ipynb
# (Udacity's Deep Learning Nanodegree; commit c9404fc8; MIT; https://github.com/udacity/deep-learning-v2-pytorch/
# blob/c9404fc8/intro-to-pytorch/Part%203%20-%20Training%20Neural%20Networks%20(Solution).ipynb), the "Autograd"
# section: code cells 4-9, with `import torch` from cell 0. Left out: cell 0's torchvision and MNIST
# loading, cells 1-3 and 10 on (nn.Sequential models, losses, optim.SGD, a training loop over MNIST).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import torch

# ---- cell 4
x = torch.randn(2,2, requires_grad=True)
print(x)

# ---- cell 5
y = x**2
print(y)

# ---- cell 6
## grad_fn shows the function that generated this variable
print(y.grad_fn)

# ---- cell 7
z = y.mean()
print(z)

# ---- cell 8
print(x.grad)

# ---- cell 9
z.backward()
print(x.grad)
print(x/2)
