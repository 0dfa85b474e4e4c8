# Source: Dive into Deep Learning (English edition), chapter_preliminaries/probability.md
# (d2l-ai/d2l-en commit 23d7a5ae; licence: CC BY-SA 4.0 (text), MIT-0 (code, LICENSE-SAMPLECODE); the PyTorch tab's code cells 0 and 2-4 (cell 1
# tosses coins with Python's `random`, cell 5 plots with d2l), one blank line between cells).
# Cell 0's `%matplotlib inline`, `from d2l import torch as d2l` and `import random` are left out (IPython magic,
# plotting); its other imports stay.
import torch
from torch.distributions.multinomial import Multinomial

fair_probs = torch.tensor([0.5, 0.5])
Multinomial(100, fair_probs).sample()

Multinomial(100, fair_probs).sample() / 100

counts = Multinomial(10000, fair_probs).sample()
counts / 10000
