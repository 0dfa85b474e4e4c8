# Source: Dive into Deep Learning (Chinese edition), chapter_preliminaries/calculus.md
# (d2l-ai/d2l-zh commit e6b18cce; licence: Apache-2.0 (the repository's LICENSE at that commit); the PyTorch tab's code cells 0-1, one blank line between cells;
# the plotting cells after them need matplotlib and d2l).
# Cell 0's `%matplotlib inline` and d2l/matplotlib imports are left out (IPython magic, plotting).
import numpy as np

def f(x):
    return 3 * x ** 2 - 4 * x

def numerical_lim(f, x, h):
    return (f(x + h) - f(x)) / h

h = 0.1
for i in range(5):
    print(f'h={h:.5f}, numerical limit={numerical_lim(f, 1, h):.5f}')
    h *= 0.1
