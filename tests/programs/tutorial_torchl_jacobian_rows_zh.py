# Source: kinglegendzzh/torchL, vtbackward.py (Chinese comments; commit 898d98b; no licence file in the
# repository; https://github.com/kinglegendzzh/torchL/blob/898d98b/vtbackward.py), the whole file as
# written: a 2x2 Jacobian built row by row with y.backward(torch.Tensor([[1, 0]]), retain_graph=True),
# written into a preallocated y by item assignment (CopySlices), x.grad reset with zeros_like.
import torch

#定义叶子节点张量x，形状为1x2
x= torch.tensor([[2, 3]], dtype=torch.float, requires_grad=True) #初始化Jacobian矩阵
J= torch.zeros(2 ,2)
#初始化目标张量，形状为1x2
y = torch.zeros(1, 2)
#定义y与x之间的映射关系:
#y1=x1**2+3*x2，y2=x2**2+2*x1
y[0, 0] = x[0, 0] ** 2 + 3 * x[0 ,1]
y[0, 1] = x[0, 1] ** 2 + 2 * x[0, 0]


# y.backward(torch.Tensor([[1, 1]]))
# print(x.grad)
# #结果为tensor([[6., 9.]])

#生成y1对x的梯度
y.backward(torch.Tensor([[1, 0]]),retain_graph=True)
J[0]=x.grad
#梯度是累加的，故需要对x的梯度清零
x.grad = torch.zeros_like(x.grad)
#生成y2对x的梯度
y.backward(torch.Tensor([[0, 1]]))
J[1]=x.grad
#显示jacobian矩阵的值
print(J)
