# Source: d2l-ai/d2l-en @23d7a5aecc (sample code: MIT-0, LICENSE-SAMPLECODE), chapter_appendix-mathematics-for-deep-learning/geometry-linear-algebraic-ops.md (Dive into Deep Learning, "Geometry and Linear Algebraic Operations"; its PyTorch blocks, `#@tab pytorch` / `#@tab all`)
# Its code cells in order, each after a '# ---- cell N' line (N: the page's code-block index). Session 45
# (breadth corpus, /work/wt/corpus-s45). Left out: cells that need a file, a plot, IPython or another library:
#   cell 2: plot/file/display/input/network/other library: trans.append(transforms.ToTensor())
#   cell 3: plot/file/display/input/network/other library: d2l.set_figsize()
#   cell 4: plot/file/display/input/network/other library: d2l.plt.imshow(ave_1.reshape(28, 28).tolist(), cmap='Greys')
#   cell 1: removed from d2l import torch as d2l; from IPython import display; from torchvision impo
#   cell 5: plain Python stops there too (X_test, ave_1: the Fashion-MNIST cells left out above)
# ---- cell 0
v = [1, 7, 0, 1]
# ---- cell 1
import torch

def angle(v, w):
    return torch.acos(v.dot(w) / (torch.norm(v) * torch.norm(w)))

angle(torch.tensor([0, 1, 2], dtype=torch.float32), torch.tensor([2.0, 3, 4]))
# ---- cell 6
M = torch.tensor([[1, 2], [1, 4]], dtype=torch.float32)
M_inv = torch.tensor([[2, -1], [-0.5, 0.5]])
M_inv @ M
# ---- cell 7
torch.det(torch.tensor([[1, -1], [2, 3]], dtype=torch.float32))
# ---- cell 8
# Define tensors
B = torch.tensor([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]])
A = torch.tensor([[1, 2], [3, 4]])
v = torch.tensor([1, 2])

# Print out the shapes
A.shape, B.shape, v.shape
# ---- cell 9
# Reimplement matrix multiplication
torch.einsum("ij, j -> i", A, v), A@v
# ---- cell 10
torch.einsum("ijk, il, j -> kl", B, A, v)
# ---- cell 11
# PyTorch does not support this type of notation.
