import torch
x=torch.arange(4.0)
x

x.requires_grad_(True) #等价于x=torch.arange(4.0,requires_grad=True)
x.grad # 默认为None
#对于列向量来说其转置*其等于其自身相互点积 y等于x与x的点积*2 
y=2*torch.dot(x,x)
y
#调用反向传播函数来自动计算y关于x每个分量的梯度
y.backward()
x.grad
x.grad == 4*x

#把所有梯度清零
x.grad.zero_()
#另外一个函数
y=x.sum()
y.backward()
x.grad

x.grad.zero_()
y=x*x
y.sum().backward()
x.grad

x.grad.zero_()
y=x*x
u=y.detach()
z=u*x

z.sum().backward()
x.grad==u

x.grad.zero_()
y.sum().backward()
x.grad==2*x
