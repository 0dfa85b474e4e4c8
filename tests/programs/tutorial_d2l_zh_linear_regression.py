# Source: Dive into Deep Learning (Chinese edition), chapter_linear-networks/linear-regression.md
# (d2l-ai/d2l-zh; https://github.com/d2l-ai/d2l-zh/blob/master/chapter_linear-networks/linear-regression.md;
# licence: Apache-2.0), the PyTorch tab's code cells in order, one blank line between cells:
# d2l.ones/d2l.zeros are torch's (as d2l's torch module defines them); `%matplotlib inline`,
# `from d2l import torch as d2l` and the d2l.plot call of the last cell are left out (plotting).
import math
import time
import numpy as np
import torch

n = 10000
a = torch.ones(n)
b = torch.ones(n)

class Timer:  #@save
    """记录多次运行时间"""
    def __init__(self):
        self.times = []
        self.start()

    def start(self):
        """启动计时器"""
        self.tik = time.time()

    def stop(self):
        """停止计时器并将时间记录在列表中"""
        self.times.append(time.time() - self.tik)
        return self.times[-1]

    def avg(self):
        """返回平均时间"""
        return sum(self.times) / len(self.times)

    def sum(self):
        """返回时间总和"""
        return sum(self.times)

    def cumsum(self):
        """返回累计时间"""
        return np.array(self.times).cumsum().tolist()

c = torch.zeros(n)
timer = Timer()
for i in range(n):
    c[i] = a[i] + b[i]
f'{timer.stop():.5f} sec'

timer.start()
d = a + b
f'{timer.stop():.5f} sec'

def normal(x, mu, sigma):
    p = 1 / math.sqrt(2 * math.pi * sigma**2)
    return p * np.exp(-0.5 / sigma**2 * (x - mu)**2)

# 再次使用numpy进行可视化
x = np.arange(-7, 7, 0.01)

# 均值和标准差对
params = [(0, 1), (0, 2), (3, 1)]
