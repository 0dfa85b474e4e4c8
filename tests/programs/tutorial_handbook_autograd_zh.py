# Source: zergtant/pytorch-handbook, chapter2/2.1.2-pytorch-basics-autograd.ipynb (a Chinese PyTorch handbook:
# 自动求导), code cells in order (commit e9a1492; licence: CC BY-NC-SA 3.0 CN, README; https://github.com/zergtant/pytorch-handbook/blob/e9a1492/chapter2/2.1.2-pytorch-basics-autograd.ipynb).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py); IPython magics are left out.
# Cell 40 prints id() values, which differ run to run (compared by pattern only).
# ---- cell 0
import torch
torch.__version__

# ---- cell 6
x = torch.rand(5, 5, requires_grad=True)
x

# ---- cell 7
y = torch.rand(5, 5, requires_grad=True)
y

# ---- cell 9
z=torch.sum(x+y)
z

# ---- cell 12
z.backward()
print(x.grad,y.grad)

# ---- cell 15
x = torch.rand(5, 5, requires_grad=True)
y = torch.rand(5, 5, requires_grad=True)
z= x**2+y**3
z

# ---- cell 16
#我们的返回值不是一个标量，所以需要输入一个大小相同的张量作为参数，这里我们用ones_like函数根据x生成一个张量
z.backward(torch.ones_like(x))
print(x.grad)

# ---- cell 18
with torch.no_grad():
    print((x +y*2).requires_grad)

# ---- cell 22
dir(z)

# ---- cell 24
print("x.is_leaf="+str(x.is_leaf))
print("z.is_leaf="+str(z.is_leaf))

# ---- cell 28
z.grad_fn

# ---- cell 30
dir(z.grad_fn)

# ---- cell 32
z.grad_fn.next_functions

# ---- cell 34
xg = z.grad_fn.next_functions[0][0]
dir(xg)

# ---- cell 36
x_leaf=xg.next_functions[0][0]
type(x_leaf)

# ---- cell 38
x_leaf.variable

# ---- cell 40
print("x_leaf.variable的id:"+str(id(x_leaf.variable)))
print("x的id:"+str(id(x)))

# ---- cell 41
assert(id(x_leaf.variable)==id(x))

# ---- cell 45
# 引入Function便于扩展
from torch.autograd.function import Function

# ---- cell 46
# 定义一个乘以常数的操作(输入参数是张量)
# 方法必须是静态方法，所以要加上@staticmethod 
class MulConstant(Function):
    @staticmethod 
    def forward(ctx, tensor, constant):
        # ctx 用来保存信息这里类似self，并且ctx的属性可以在backward中调用
        ctx.constant=constant
        return tensor *constant
    @staticmethod
    def backward(ctx, grad_output):
        # 返回的参数要与输入的参数一样.
        # 第一个输入为3x3的张量，第二个为一个常数
        # 常数的梯度必须是 None.
        return grad_output, None

# ---- cell 48
a=torch.rand(3,3,requires_grad=True)
b=MulConstant.apply(a,5)
print("a:"+str(a))
print("b:"+str(b)) # b为a的元素乘以5

# ---- cell 50
b.backward(torch.ones_like(a))

# ---- cell 51
a.grad
