# Source: Dive into Deep Learning (English edition), chapter_appendix-mathematics-for-deep-learning/
# eigendecomposition.md (d2l-ai/d2l-en commit 23d7a5ae; licence: CC BY-SA 4.0 (text), MIT-0 (code,
# LICENSE-SAMPLECODE); https://github.com/d2l-ai/d2l-en/blob/23d7a5ae/chapter_appendix-mathematics-for-deep-learning/eigendecomposition.md),
# the PyTorch tab's code cells in order, one blank line between cells. Left out: `%matplotlib inline`,
# `from d2l import torch as d2l`, `from IPython import display` (plotting) and the four
# `d2l.plot(...)` lines; every computing line is as written.
import torch

torch.linalg.eig(torch.tensor([[2, 1], [2, 3]], dtype=torch.float64))

A = torch.tensor([[1.0, 0.1, 0.1, 0.1],
              [0.1, 3.0, 0.2, 0.3],
              [0.1, 0.2, 5.0, 0.5],
              [0.1, 0.3, 0.5, 9.0]])

v, _ = torch.linalg.eig(A)
v

torch.manual_seed(42)

k = 5
A = torch.randn(k, k, dtype=torch.float64)
A

# Calculate the sequence of norms after repeatedly applying `A`
v_in = torch.randn(k, 1, dtype=torch.float64)

norm_list = [torch.norm(v_in).item()]
for i in range(1, 100):
    v_in = A @ v_in
    norm_list.append(torch.norm(v_in).item())

# Compute the scaling factor of the norms
norm_ratio_list = []
for i in range(1, 100):
    norm_ratio_list.append(norm_list[i]/norm_list[i - 1])

# Compute the eigenvalues
eigs = torch.linalg.eig(A).eigenvalues.tolist()
norm_eigs = [torch.abs(torch.tensor(x)) for x in eigs]
norm_eigs.sort()
print(f'norms of eigenvalues: {norm_eigs}')

# Rescale the matrix `A`
A /= norm_eigs[-1]

# Do the same experiment again
v_in = torch.randn(k, 1, dtype=torch.float64)

norm_list = [torch.norm(v_in).item()]
for i in range(1, 100):
    v_in = A @ v_in
    norm_list.append(torch.norm(v_in).item())

# Also plot the ratio
norm_ratio_list = []
for i in range(1, 100):
    norm_ratio_list.append(norm_list[i]/norm_list[i-1])
