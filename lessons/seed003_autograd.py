import torch
x=torch.arange(4.0)
x

x.requires_grad_(True) # 等价于 'x=torch.arange(4.0,requires_grad=True)'
x.grad # 默认值是None

y=2*torch.dot(x,x)
y

# 当执行y.backward()时，PyTorch会自动计算y关于所有requires_grad=True的张量的梯度，并将梯度累积到这些张量的.grad属性中
y.backward()
x.grad

x.grad == 4*x

# 在默认情况下，PyTorch会累积梯度，我们需要清除之前的值
x.grad.zero_()
y=x.sum()
y.backward()
x.grad

# 对非标量调用'backward'需要传入一个'gradient'参数
x.grad.zero_()
y=x*x
# 等价于y.backward(torch.ones(len(x)))
y.sum().backward()
x.grad

x.grad.zero_()
y=x*x
u=y.detach()
# y.detach()是将y当作一个常数，而不是一个关于x的函数
z=u*x

z.sum().backward()
x.grad == u

x.grad.zero_()
y.sum().backward()
x.grad == 2*x
