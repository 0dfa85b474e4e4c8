# Source: Dive into Deep Learning (English edition), chapter_optimization/gd.md "Gradient Descent"
# (d2l-ai/d2l-en commit 0221793f; licence: CC BY-SA 4.0 (text), MIT-0 (code, LICENSE-SAMPLECODE);
# https://github.com/d2l-ai/d2l-en/blob/0221793f/chapter_optimization/gd.md), the PyTorch tab's code cells
# in order: gradient descent by hand in one and two dimensions, Newton's method with the Hessian written
# by hand. Changed: `d2l.tensor`/`d2l.cos`/`d2l.sin`/`d2l.cosh`/`d2l.sinh` are written as the torch
# functions d2l's torch module binds to those names; `show_trace(gd(...), f)` and
# `show_trace_2d(f_2d, train_2d(...))` keep only their inner call (plotting). Left out: `%matplotlib
# inline`, `from d2l import torch as d2l`, and the plotting helpers `show_trace`/`show_trace_2d`.
import numpy as np
import torch

def f(x):  # Objective function
    return x ** 2

def f_grad(x):  # Gradient (derivative) of the objective function
    return 2 * x

def gd(eta, f_grad):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x)
        results.append(float(x))
    print(f'epoch 10, x: {x:f}')
    return results

results = gd(0.2, f_grad)

gd(0.05, f_grad)

gd(1.1, f_grad)

c = torch.tensor(0.15 * np.pi)

def f(x):  # Objective function
    return x * torch.cos(c * x)

def f_grad(x):  # Gradient of the objective function
    return torch.cos(c * x) - c * x * torch.sin(c * x)

gd(2, f_grad)

def train_2d(trainer, steps=20, f_grad=None, eta=None):  #@save
    """Optimize a 2D objective function with a customized trainer."""
    # `s1` and `s2` are internal state variables that will be used later
    x1, x2, s1, s2 = -5, -2, 0, 0
    results = [(x1, x2)]
    for i in range(steps):
        if f_grad:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2, f_grad, eta)
        else:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2, eta)
        results.append((x1, x2))
    print(f'epoch {i + 1}, x1: {float(x1):f}, x2: {float(x2):f}')
    return results

def f_2d(x1, x2):  # Objective function
    return x1 ** 2 + 2 * x2 ** 2

def f_2d_grad(x1, x2):  # Gradient of the objective function
    return (2 * x1, 4 * x2)

def gd_2d(x1, x2, s1, s2, f_grad, eta):
    g1, g2 = f_grad(x1, x2)
    return (x1 - eta * g1, x2 - eta * g2, 0, 0)

eta = 0.1
train_2d(gd_2d, f_grad=f_2d_grad, eta=eta)

c = torch.tensor(0.5)

def f(x):  # Objective function
    return torch.cosh(c * x)

def f_grad(x):  # Gradient of the objective function
    return c * torch.sinh(c * x)

def f_hess(x):  # Hessian of the objective function
    return c**2 * torch.cosh(c * x)

def newton(eta=1):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x) / f_hess(x)
        results.append(float(x))
    print('epoch 10, x:', x)
    return results

newton()

c = torch.tensor(0.15 * np.pi)

def f(x):  # Objective function
    return x * torch.cos(c * x)

def f_grad(x):  # Gradient of the objective function
    return torch.cos(c * x) - c * x * torch.sin(c * x)

def f_hess(x):  # Hessian of the objective function
    return - 2 * c * torch.sin(c * x) - x * c**2 * torch.cos(c * x)

newton()

newton(0.5)
