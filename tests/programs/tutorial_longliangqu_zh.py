# Source: 龙良曲 (Liangqu Long)'s course 《深度学习与PyTorch入门实战》, dragen1860/Deep-Learning-with-PyTorch-Tutorials
# (no licence stated; https://github.com/dragen1860/Deep-Learning-with-PyTorch-Tutorials):
# lesson01-PyTorch初见/autograd_demo.py (commit 7b54415b) as written, then lesson22-优化小实例/main.py
# (commit c0d13c54) up to its plot. Left out of lesson 22: the mpl_toolkits/matplotlib imports and the
# plotting lines (plt.figure ... plt.show()), and its closing loop, which trains with torch.optim.Adam
# (optimizers are not covered).
# ---- lesson01-PyTorch初见/autograd_demo.py
import  torch
from    torch import autograd


x = torch.tensor(1.)
a = torch.tensor(1., requires_grad=True)
b = torch.tensor(2., requires_grad=True)
c = torch.tensor(3., requires_grad=True)

y = a**2 * x + b * x + c

print('before:', a.grad, b.grad, c.grad)
grads = autograd.grad(y, [a, b, c])
print('after :', grads[0], grads[1], grads[2])

# ---- lesson22-优化小实例/main.py
import  numpy as np
import  torch



def himmelblau(x):
    return (x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2


x = np.arange(-6, 6, 0.1)
y = np.arange(-6, 6, 0.1)
print('x,y range:', x.shape, y.shape)
X, Y = np.meshgrid(x, y)
print('X,Y maps:', X.shape, Y.shape)
Z = himmelblau([X, Y])
