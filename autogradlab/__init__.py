"""Autograd Lab core: turns a small PyTorch program into plain data (a Report).

Importing this package must stay cheap and must not import torch or streamlit: the UI process
never holds tensors, and only sandbox workers pay for `import torch`.
"""

__version__ = "0.1.0"
