# Source: Dive into Deep Learning (Chinese edition), chapter_preliminaries/probability.md
# (d2l-ai/d2l-zh commit e6b18cce; licence: Apache-2.0 (the repository's LICENSE at that commit); the PyTorch tab's code cells 0-3 (cell 4 plots with d2l), one blank line between cells).
# Cell 0's `%matplotlib inline` and `from d2l import torch as d2l` are left out (IPython magic,
# plotting); its other imports stay.
import torch
from torch.distributions import multinomial

fair_probs = torch.ones([6]) / 6
multinomial.Multinomial(1, fair_probs).sample()

multinomial.Multinomial(10, fair_probs).sample()

# 将结果存储为32位浮点数以进行除法
counts = multinomial.Multinomial(1000, fair_probs).sample()
counts / 1000  # 相对频率作为估计值
