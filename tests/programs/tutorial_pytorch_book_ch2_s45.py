# Source: chenyuntc/pytorch-book @688951721d (MIT License, (C) 2018 Yun Chen), Chapter2/Chapter2.ipynb (《深度学习框架PyTorch：入门与实践》 第二章 快速入门: Tensor, autograd; in Chinese)
# Its code cells in order, each after a '# ---- cell N' line (N: the notebook's code-cell index). Session 45
# (breadth corpus, /work/wt/corpus-s45). Left out: cells that need a file, a plot, IPython or another library:
#   cell 49: plot/file/display/input/network/other library: transform = transforms.Compose([
#   cell 54: IPython magic/shell/help
#   cell 56: IPython magic/shell/help
#   cell 48: removed import torchvision as tv; import torchvision.transforms as transforms; from torc
#   cells 40-58: the chapter's nn.Module network (`class Net(nn.Module)`, out of scope here: refused by name)
#   and the cells that use it (its CIFAR-10 data needs torchvision and a download)
# ---- cell 0
import torch as t
t.__version__
# ---- cell 1
# 构建 5x3 矩阵，只是分配了空间，未初始化，其数值取决于内存空间的状态
x = t.Tensor(5, 3) #维度：5*3
x
# ---- cell 2
y = t.Tensor(5)
print(y.size())
z = t.tensor([5])# torch.tensor需要确切数值进行初始化
print(z.size())
# ---- cell 3
# 使用[0,1]均匀分布随机初始化二维数组
x = t.rand(5, 3)  
x
# ---- cell 4
print(x.shape) # 查看x的形状
x.size()[1], x.size(1) # 查看列的个数, 两种写法等价
# ---- cell 5
y = t.rand(5, 3)
# 加法的第一种写法
x + y
# ---- cell 6
# 加法的第二种写法
t.add(x, y)
# ---- cell 7
# 加法的第三种写法：指定加法结果的输出目标为result
result = t.Tensor(5, 3) # 预先分配空间
# result = torch.empty(5,3)
t.add(x, y, out=result) # 输入到result
result
# ---- cell 8
print('初始的y值')
print(y)

print('第一种加法，y的结果')
y.add(x) # 普通加法，不改变y的内容
print(y)

print('第二种加法，y的结果')
y.add_(x) # inplace 加法，y变了
print(y)
# ---- cell 9
# Tensor的选取操作与Numpy类似
x[:, 1]
# ---- cell 10
a = t.ones(5) # 新建一个全1的Tensor
a
# ---- cell 11
b = a.numpy() # Tensor -> Numpy
b
# ---- cell 12
import numpy as np
a = np.ones(5)
b = t.from_numpy(a) # Numpy->Tensor
print(a)
print(b)
# ---- cell 13
b.add_(1) # 以`_`结尾的函数会修改自身
print(a)
print(b) # Tensor和Numpy共享内存
# ---- cell 14
scalar = b[0]
scalar
# ---- cell 15
scalar.shape #0-dim
# ---- cell 16
scalar.item() # 使用scalar.item()能从中取出python对象的数值
# ---- cell 17
tensor = t.tensor([2]) # 注意和scalar的区别
tensor,scalar
# ---- cell 18
tensor.size(),scalar.size()
# ---- cell 19
# 只有一个元素的tensor也可以调用`tensor.item()`
tensor.item(), scalar.item()
# ---- cell 20
tensor = t.tensor([3,4]) # 新建一个包含 3，4 两个元素的tensor
# ---- cell 21
scalar = t.tensor(3)
scalar
# ---- cell 22
old_tensor = tensor
new_tensor = old_tensor.clone()
new_tensor[0] = 1111
old_tensor, new_tensor
# ---- cell 23
x = t.randn(4,4)
y = x.view(16)
z = x.view(-1,8) #-1表示由其他维度计算决定
print(x.size(),y.size(),z.size())
# ---- cell 24
p = x.reshape(-1,8)
print(p.shape)
# ---- cell 25
x1 = t.randn(2,4,6)
o1 = x1.permute((2,1,0))
o2 = x1.transpose(0,2)
print(f'o1 size{o1.size()}')
print(f'o2 size{o2.size()}')
print(f'o2 size {o2.size()}')
# ---- cell 26
new_tensor = old_tensor.detach()
new_tensor[0] = 1111
old_tensor, new_tensor
# ---- cell 27
x = t.randn(3,2,1,1)
y = x.squeeze(-1) #将最后一维进行维度压缩
z = x.unsqueeze(0) #在第一维度增加一个维度
w = t.cat((x,x),0) #在第一维度连接两个x
print(f'y size{y.shape}')
print(f'z size{z.shape}')
print(f'w size{w.shape}')
# ---- cell 28
x = t.randn(1)
print(x)
print(x.item())
# ---- cell 29
# 在不支持CUDA的机器下，下一步还是在CPU上运行
device = t.device("cuda:0" if t.cuda.is_available() else "cpu")
x = x.to(device)
y = y.to(x.device)
z = x+y
# ---- cell 30
# 为Tensor设置requires_grad标识，代表着需要求导数
# PyTorch 会自动调用autograd记录操作
x = t.ones(2, 2, requires_grad=True)

# 上一步等价于
# x = t.ones(2,2)
# x.requires_grad = True

x
# ---- cell 31
y = x.sum()
y
# ---- cell 32
y.grad_fn
# ---- cell 33
y.backward() # 反向传播,计算梯度
# ---- cell 34
# y = x.sum() = (x[0][0] + x[0][1] + x[1][0] + x[1][1])
# 每个值的梯度都为1
x.grad
# ---- cell 35
y.backward()
x.grad
# ---- cell 36
y.backward()
x.grad
# ---- cell 37
# 以下划线结束的函数是inplace操作，会修改自身的值，就像add_
x.grad.data.zero_()
# ---- cell 38
y.backward()
x.grad
# ---- cell 39
a = t.randn(2,2)
a = ((a*3)/(a-1))
print(a.requires_grad)
a.requires_grad_(True)
print(a.requires_grad)
b = (a*a).sum()
print(b.grad_fn)
