# Source: Dive into Deep Learning (English edition), chapter_preliminaries/calculus.md
# (d2l-ai/d2l-en commit 23d7a5ae; licence: CC BY-SA 4.0 (text), MIT-0 (code, LICENSE-SAMPLECODE); the PyTorch tab's code cells 0-2 (the plotting cells after them need matplotlib and d2l), one blank line between cells).
# Cell 0's `%matplotlib inline` and d2l/matplotlib imports are left out (IPython magic, plotting).
import numpy as np

def f(x):
    return 3 * x ** 2 - 4 * x

for h in 10.0**np.arange(-1, -6, -1):
    print(f'h={h:.5f}, numerical limit={(f(1+h)-f(1))/h:.5f}')
