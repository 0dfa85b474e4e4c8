# Source: lyhue1991/eat_pytorch_in_20_days, 4-1,张量的结构操作.ipynb (Chinese; commit 29a44872; Apache-2.0;
# https://github.com/lyhue1991/eat_pytorch_in_20_days/blob/29a44872/4-1%2C%E5%BC%A0%E9%87%8F%E7%9A%84%E7%BB%93%E6%9E%84%E6%93%8D%E4%BD%9C.ipynb), code cells in order
# (empty cells left out). Left out: cell 69 (a 100x256x256x4 image batch, 26 million
# elements: over max_tensor_elements).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import numpy as np
import torch 
print("torch.__version__="+torch.__version__) 

# ---- cell 2
a = torch.tensor([1,2,3],dtype = torch.float)
print(a)

# ---- cell 4
b = torch.arange(1,10,step = 2)
print(b)

# ---- cell 6
c = torch.linspace(0.0,2*3.14,10)
print(c)

# ---- cell 8
d = torch.zeros((3,3))
print(d)

# ---- cell 10
a = torch.ones((3,3),dtype = torch.int)
b = torch.zeros_like(a,dtype = torch.float)
print(a)
print(b)

# ---- cell 12
torch.fill_(b,5)
print(b)

# ---- cell 14
#均匀随机分布
torch.manual_seed(0)
minval,maxval = 0,10
a = minval + (maxval-minval)*torch.rand([5])
print(a)

# ---- cell 16
#正态分布随机
b = torch.normal(mean = torch.zeros(3,3), std = torch.ones(3,3))
print(b)

# ---- cell 18
#正态分布随机
mean,std = 2,5
c = std*torch.randn((3,3))+mean
print(c)

# ---- cell 20
#整数随机排列
d = torch.randperm(20)
print(d)

# ---- cell 22
#特殊矩阵
I = torch.eye(3,3) #单位矩阵
print(I)
t = torch.diag(torch.tensor([1,2,3])) #对角矩阵
print(t)

# ---- cell 25
#均匀随机分布
torch.manual_seed(0)
minval,maxval = 0,10
t = torch.floor(minval + (maxval-minval)*torch.rand([5,5])).int()
print(t)

# ---- cell 27
#第0行
print(t[0])

# ---- cell 29
#倒数第一行
print(t[-1])

# ---- cell 31
#第1行第3列
print(t[1,3])
print(t[1][3])

# ---- cell 33
#第1行至第3行
print(t[1:4,:])

# ---- cell 35
#第1行至最后一行，第0列到最后一列每隔两列取一列
print(t[1:4,:4:2])

# ---- cell 37
#可以使用索引和切片修改部分元素
x = torch.Tensor([[1,2],[3,4]])
x.data[1,:] = torch.tensor([0.0,0.0])
x

# ---- cell 39
a = torch.arange(27).view(3,3,3)
print(a)

# ---- cell 41
#省略号可以表示多个冒号
print(a[...,1])

# ---- cell 43
minval=0
maxval=100
scores = torch.floor(minval + (maxval-minval)*torch.rand([4,5,7])).int()
print(scores)

# ---- cell 45
#抽取每个班级第0个学生，第2个学生，第4个学生的全部成绩
torch.index_select(scores,dim = 1,index = torch.tensor([0,2,4]))

# ---- cell 47
#抽取每个班级第0个学生，第2个学生，第4个学生的第1门课程，第3门课程，第6门课程成绩
q = torch.index_select(torch.index_select(scores,dim = 1,index = torch.tensor([0,2,4]))
                   ,dim=2,index = torch.tensor([1,3,6]))
print(q)

# ---- cell 49
#抽取第0个班级第0个学生的第0门课程，第2个班级的第3个学生的第1门课程，第3个班级的第4个学生第6门课程成绩
#take将输入看成一维数组，输出和index同形状
s = torch.take(scores,torch.tensor([0*5*7+0,2*5*7+3*7+1,3*5*7+4*7+6]))
s

# ---- cell 51
#抽取分数大于等于80分的分数（布尔索引）
#结果是1维张量
g = torch.masked_select(scores,scores>=80)
print(g)

# ---- cell 53
#如果分数大于60分，赋值成1，否则赋值成0
ifpass = torch.where(scores>60,torch.tensor(1),torch.tensor(0))
print(ifpass)

# ---- cell 55
#将每个班级第0个学生，第2个学生，第4个学生的全部成绩赋值成满分
torch.index_fill(scores,dim = 1,index = torch.tensor([0,2,4]),value = 100)
#等价于 scores.index_fill(dim = 1,index = torch.tensor([0,2,4]),value = 100)

# ---- cell 57
#将分数小于60分的分数赋值成60分
b = torch.masked_fill(scores,scores<60,60)
#等价于b = scores.masked_fill(scores<60,60)

# ---- cell 59
# 张量的view方法有时候会调用失败，可以使用reshape方法。

torch.manual_seed(0)
minval,maxval = 0,255
a = (minval + (maxval-minval)*torch.rand([1,3,3,2])).int()
print(a.shape)
print(a)

# ---- cell 61
# 改成 （3,6）形状的张量
b = a.view([3,6]) #torch.reshape(a,[3,6])
print(b.shape)
print(b)

# ---- cell 63
# 改回成 [1,3,3,2] 形状的张量
c = torch.reshape(b,[1,3,3,2]) # b.view([1,3,3,2]) 
print(c)

# ---- cell 65
a = torch.tensor([[1.0,2.0]])
s = torch.squeeze(a)
print(a)
print(s)
print(a.shape)
print(s.shape)

# ---- cell 67
#在第0维插入长度为1的一个维度

d = torch.unsqueeze(s,axis=0)  
print(s)
print(d)

print(s.shape)
print(d.shape)

# ---- cell 71
matrix = torch.tensor([[1,2,3],[4,5,6]])
print(matrix)
print(matrix.t()) #等价于torch.transpose(matrix,0,1)

# ---- cell 73
a = torch.tensor([[1.0,2.0],[3.0,4.0]])
b = torch.tensor([[5.0,6.0],[7.0,8.0]])
c = torch.tensor([[9.0,10.0],[11.0,12.0]])

abc_cat = torch.cat([a,b,c],dim = 0)
print(abc_cat.shape)
print(abc_cat)

# ---- cell 75
abc_stack = torch.stack([a,b,c],axis = 0) #torch中dim和axis参数名可以混用
print(abc_stack.shape)
print(abc_stack)

# ---- cell 76
torch.cat([a,b,c],axis = 1)

# ---- cell 77
torch.stack([a,b,c],axis = 1)

# ---- cell 79
print(abc_cat)
a,b,c = torch.split(abc_cat,split_size_or_sections = 2,dim = 0) #每份2个进行分割
print(a)
print(b)
print(c)

# ---- cell 81
print(abc_cat)
p,q,r = torch.split(abc_cat,split_size_or_sections =[4,1,1],dim = 0) #每份分别为[4,1,1]
print(p)
print(q)
print(r)
