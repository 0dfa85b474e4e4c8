# Source: corleytd/Hands-on-Deep-Learning-with-PyTorch, 1_basic_of_deep_learning_with_pytorch/
# tensor_linear_algebra.ipynb (张量的线性代数运算, Chinese; commit 647f3cc; no licence file in the repository;
# https://github.com/corleytd/Hands-on-Deep-Learning-with-PyTorch/blob/647f3cc/1_basic_of_deep_learning_with_pytorch/tensor_linear_algebra.ipynb),
# code cells in order. Left out: `from matplotlib import pyplot as plt` and cell 22 (a plot); cell 20's
# last line (`torch.matrix_rank`, commented out) and cell 27 (`torch.eig(t3, eigenvectors=True)`): both
# were removed from PyTorch 2, so plain PyTorch stops there with an AttributeError (the engine stops
# there too: tests/unit/test_corpus5_s25.py).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
# -*- coding: utf-8 -*-

'''
@Author   :   Corley Tang
@contact  :   cutercorleytd@gmail.com
@Github   :   https://github.com/corleytd
@Time     :   2023-01-11 19:14
@Project  :   Hands-on Deep Learning with PyTorch-tensor_linear_algebra
张量的线性代数运算
'''

# 导入所需的库
import warnings

import torch

warnings.filterwarnings('ignore', category=UserWarning)


# ---- cell 2
# 转置
t1 = torch.randint(1, 100, size=(3, 4))
t1, torch.t(t1), t1.t()


# ---- cell 3
# 单位矩阵
torch.eye(5)


# ---- cell 4
# 对角矩阵，对角矩阵上移，对角矩阵下移
t2 = torch.randint(1, 20, size=(5,))
torch.diag(t2), t2.diag(), torch.diag(t2, diagonal=2), torch.diag(t2, -2)


# ---- cell 5
# 上三角矩阵，上三角矩阵左下偏移，上三角矩阵右上偏移
t3 = torch.randint(1, 30, size=(4, 4))
t3, torch.triu(t3), t3.triu(-1), t3.triu(1)


# ---- cell 6
# 下三角矩阵，下三角矩阵左下偏移，下三角矩阵右上偏移
t3, torch.tril(t3), torch.tril(t3, -1), t3.tril(1)


# ---- cell 8
# 1.dot、vdot——点积计算：只能作用于一维张量，且对于数值型对象，二者计算结果并没有区别，两种函数只在进行复数运算时会有区别
# torch.dot(t1, t1)  # RuntimeError，只支持一维张量
torch.dot(t2, t2), t2.vdot(t2)


# ---- cell 9
# 2.mm——矩阵乘法
t1.shape, t3.shape


# ---- cell 10
# 矩阵乘法
torch.mm(t1, t3)


# ---- cell 11
# 对应位置相乘
t1 * t1


# ---- cell 12
# 3.mv——矩阵和向量相乘：可以看作先将向量转化为列向量再相乘，需要矩阵的列数和向量的元素个数保持相同，应用场景较多，例如线性方程组求解
t4 = torch.randint(1, 20, size=(4,))
torch.mv(t1, t4), torch.mm(t1, t4.reshape(-1, 1)), torch.mm(t1, t4.reshape(-1, 1)).flatten()


# ---- cell 13
# 4.bmm——批量矩阵相乘：三维张量的矩阵相乘，是三维张量内部各对应位置的矩阵相乘，需要两个矩阵第一维大小相同、二三维满足矩阵乘法的条件
t5 = torch.randint(1, 20, size=(3, 2, 2))
t6 = torch.randint(1, 20, size=(3, 2, 3))
t5.shape, t6.shape


# ---- cell 14
t56_bnn = torch.bmm(t5, t6)
t56_bnn.shape, t56_bnn


# ---- cell 15
# 5.addmm——矩阵相乘再相加
t4.shape, t1.shape, t3.shape


# ---- cell 16
torch.addmm(t4, t1, t3), t4 + torch.mm(t1, t3), torch.addmm(t4, t1, t3, beta=2, alpha=3)


# ---- cell 17
# 6.addbmm——批量矩阵相乘再相加，会对批量相乘后的三维张量第一个维度求和
t7 = torch.randint(1, 20, size=(2, 3))
torch.addbmm(t7, t5, t6), t7 + torch.bmm(t5, t6).sum(0)


# ---- cell 19
# 1.trace——矩阵的迹：矩阵对角线元素之和，并不一定要求是方阵
torch.trace(t3), t3.trace(), t1.trace()


# ---- cell 20
# 2.rank——矩阵的秩：矩阵中行或列的极大线性无关数，且矩阵中行、列极大无关数总是相同的，任何矩阵的秩都是唯一值，满秩指的是方阵（行数和列数相同的矩阵）中行数、列数和秩相同，满秩矩阵有线性唯一解等重要特性，而其他矩阵也能通过求解秩来降维
t8 = torch.tensor([[1., 3], [2, 6]])
# torch.matrix_rank(t7.to(torch.float)), torch.matrix_rank(t8)   (removed from PyTorch 2: see the header)

# ---- cell 21
# 3.det——矩阵的行列式：矩阵的一个基本性质或者属性，通过行列式的计算，可以知道矩阵是否可逆，从而进一步求解矩阵所对应的线性方程，是矩阵进行线性变换的伸缩因子
t3 = t3.float()
torch.det(t3), t8.det()


# ---- cell 23
# inverse函数：逆矩阵
t3_inverse = torch.inverse(t3)
t3_inverse, t3.inverse()


# ---- cell 24
torch.mm(t3, t3_inverse), torch.mm(t3_inverse, t3)


# ---- cell 25
# t3 * x = t9 -> x = t3_reverse * t9
t9 = torch.randint(1, 20, size=(t3.size(0),), dtype=torch.float)
res = torch.mv(t3_inverse, t9)
res  # y = res[0] * x1 + res[1] * x2 + res[2] * x3 + res[4]


# ---- cell 28
# 2.SVD——奇异值分解：A = U Σ VT，U、V是正交矩阵
t3[:, -1] = t3[:, 1] * 3
u, s, v = torch.svd(t3)
u, s, v


# ---- cell 29
# 验证SVD
torch.diag(s), torch.mm(torch.mm(u, torch.diag(s)), v.t())


# ---- cell 30
# 根据SVD结果进行降维：4 -> 3
u_reduced = u[:, [0, 1, 2]]
s_reduced = s[[0, 1, 2]]
v_reduced = v[:, [0, 1, 2]].t()
torch.mm(u_reduced * s_reduced, v_reduced)  # 得到的新矩阵与原矩阵t3（几乎）一致
