# Source: Dive into Deep Learning (English edition), chapter_appendix-mathematics-for-deep-learning/
# geometry-linear-algebraic-ops.md (d2l-ai/d2l-en commit 23d7a5ae; licence: CC BY-SA 4.0 (text), MIT-0
# (code, LICENSE-SAMPLECODE); https://github.com/d2l-ai/d2l-en/blob/23d7a5ae/chapter_appendix-mathematics-for-deep-learning/geometry-linear-algebraic-ops.md),
# the PyTorch tab's code cells in order, one blank line between cells. Left out: `%matplotlib inline` and
# the d2l, IPython and torchvision imports, the Fashion-MNIST cells (a download, then the averages, two
# imshow plots and the accuracy of a threshold on them), and the last cell (a comment only).
v = [1, 7, 0, 1]

import torch

def angle(v, w):
    return torch.acos(v.dot(w) / (torch.norm(v) * torch.norm(w)))

angle(torch.tensor([0, 1, 2], dtype=torch.float32), torch.tensor([2.0, 3, 4]))

M = torch.tensor([[1, 2], [1, 4]], dtype=torch.float32)
M_inv = torch.tensor([[2, -1], [-0.5, 0.5]])
M_inv @ M

torch.det(torch.tensor([[1, -1], [2, 3]], dtype=torch.float32))

# Define tensors
B = torch.tensor([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]])
A = torch.tensor([[1, 2], [3, 4]])
v = torch.tensor([1, 2])

# Print out the shapes
A.shape, B.shape, v.shape

# Reimplement matrix multiplication
torch.einsum("ij, j -> i", A, v), A@v

torch.einsum("ijk, il, j -> kl", B, A, v)
