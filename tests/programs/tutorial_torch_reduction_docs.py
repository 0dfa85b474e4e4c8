# Source: the examples of PyTorch's torch reference page, section "Reduction Ops" (pytorch/pytorch,
# torch/_torch_docs.py docstrings, BSD-3-Clause; as shipped with torch 2.13.0;
# https://docs.pytorch.org/docs/stable/torch.html#reduction-ops): the `>>>`/`...` lines of each
# function's "Example:" in the page's order, without the printed outputs, as a student pastes them one
# after the other; one `# ---- cell N name` line before each function's example (bench/tutorial_cells.py).
# Functions: argmax, argmin, amax, amin, aminmax, all, any, max, min, dist, logsumexp, mean,
# nanmean, median, nanmedian, mode, norm, nansum, prod, quantile, nanquantile, std, std_mean, sum, unique,
# unique_consecutive, var, var_mean, count_nonzero.
# Left out: nothing.
import torch
# ---- cell 1 torch.argmax
a = torch.randn(4, 4)
a
torch.argmax(a)
a = torch.randn(4, 4)
a
torch.argmax(a, dim=1)

# ---- cell 2 torch.argmin
a = torch.randn(4, 4)
a
torch.argmin(a)
torch.argmin(a, dim=1)
torch.argmin(a, dim=1, keepdim=True)

# ---- cell 3 torch.amax
a = torch.randn(4, 4)
a
torch.amax(a, 1)

# ---- cell 4 torch.amin
a = torch.randn(4, 4)
a
torch.amin(a, 1)

# ---- cell 5 torch.aminmax
torch.aminmax(torch.tensor([1, -3, 5]))
# aminmax propagates NaNs
torch.aminmax(torch.tensor([1, -3, 5, torch.nan]))
t = torch.arange(10).view(2, 5)
t
t.aminmax(dim=0, keepdim=True)

# ---- cell 6 torch.all
a = torch.rand(1, 2).bool()
a
torch.all(a)
a = torch.arange(0, 3)
a
torch.all(a)
a = torch.rand(4, 2).bool()
a
torch.all(a, dim=1)
torch.all(a, dim=0)

# ---- cell 7 torch.any
a = torch.rand(1, 2).bool()
a
torch.any(a)
a = torch.arange(0, 3)
a
torch.any(a)
a = torch.randn(4, 2) < 0
a
torch.any(a, 1)
torch.any(a, 0)

# ---- cell 8 torch.max
a = torch.randn(1, 3)
a
torch.max(a)
a = torch.randn(4, 4)
a
torch.max(a, 1)
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
a.max(dim=1, keepdim=True)
a.max(dim=1, keepdim=False)

# ---- cell 9 torch.min
a = torch.randn(1, 3)
a
torch.min(a)
a = torch.randn(4, 4)
a
torch.min(a, 1)

# ---- cell 10 torch.dist
x = torch.randn(4)
x
y = torch.randn(4)
y
torch.dist(x, y, 3.5)
torch.dist(x, y, 3)
torch.dist(x, y, 0)
torch.dist(x, y, 1)

# ---- cell 11 torch.logsumexp
a = torch.randn(3, 3)
torch.logsumexp(a, 1)
torch.dist(torch.logsumexp(a, 1), torch.log(torch.sum(torch.exp(a), 1)))

# ---- cell 12 torch.mean
a = torch.randn(1, 3)
a
torch.mean(a)
a = torch.randn(4, 4)
a
torch.mean(a, 1)
torch.mean(a, 1, True)

# ---- cell 13 torch.nanmean
x = torch.tensor([[torch.nan, 1, 2], [1, 2, 3]])
x.mean()
x.nanmean()
x.mean(dim=0)
x.nanmean(dim=0)
torch.tensor([torch.nan]).nanmean()

# ---- cell 14 torch.median
a = torch.randn(1, 3)
a
torch.median(a)
a = torch.randn(4, 5)
a
torch.median(a, 1)

# ---- cell 15 torch.nanmedian
a = torch.tensor([1, float('nan'), 3, 2])
a.median()
a.nanmedian()
a = torch.tensor([[2, 3, 1], [float('nan'), 1, float('nan')]])
a
a.median(0)
a.nanmedian(0)

# ---- cell 16 torch.mode
b = torch.tensor([[0, 0, 0, 2, 0, 0, 2],
                  [0, 3, 0, 0, 2, 0, 1],
                  [2, 2, 2, 0, 0, 0, 3],
                  [2, 2, 3, 0, 1, 1, 0],
                  [1, 1, 0, 0, 2, 0, 2]])
torch.mode(b, 0)

# ---- cell 17 torch.norm
import torch
a = torch.arange(9, dtype= torch.float) - 4
b = a.reshape((3, 3))
torch.norm(a)
torch.norm(b)
torch.norm(a, float('inf'))
torch.norm(b, float('inf'))
c = torch.tensor([[ 1, 2, 3], [-1, 1, 4]] , dtype=torch.float)
torch.norm(c, dim=0)
torch.norm(c, dim=1)
torch.norm(c, p=1, dim=1)
d = torch.arange(8, dtype=torch.float).reshape(2, 2, 2)
torch.norm(d, dim=(1, 2))
torch.norm(d[0, :, :]), torch.norm(d[1, :, :])

# ---- cell 18 torch.nansum
a = torch.tensor([1., 2., float('nan'), 4.])
torch.nansum(a)
torch.nansum(torch.tensor([1., float("nan")]))
a = torch.tensor([[1, 2], [3., float("nan")]])
torch.nansum(a)
torch.nansum(a, dim=0)
torch.nansum(a, dim=1)

# ---- cell 19 torch.prod
a = torch.randn(1, 3)
a
torch.prod(a)
a = torch.randn(4, 2)
a
torch.prod(a, 1)

# ---- cell 20 torch.quantile
a = torch.randn(2, 3)
a
q = torch.tensor([0.25, 0.5, 0.75])
torch.quantile(a, q, dim=1, keepdim=True)
torch.quantile(a, q, dim=1, keepdim=True).shape
a = torch.arange(4.)
a
torch.quantile(a, 0.6, interpolation='linear')
torch.quantile(a, 0.6, interpolation='lower')
torch.quantile(a, 0.6, interpolation='higher')
torch.quantile(a, 0.6, interpolation='midpoint')
torch.quantile(a, 0.6, interpolation='nearest')
torch.quantile(a, 0.4, interpolation='nearest')

# ---- cell 21 torch.nanquantile
t = torch.tensor([float('nan'), 1, 2])
t.quantile(0.5)
t.nanquantile(0.5)
t = torch.tensor([[float('nan'), float('nan')], [1, 2]])
t
t.nanquantile(0.5, dim=0)
t.nanquantile(0.5, dim=1)

# ---- cell 22 torch.std
a = torch.tensor(
    [[ 0.2035,  1.2959,  1.8101, -0.4644],
     [ 1.5027, -0.3270,  0.5905,  0.6538],
     [-1.5745,  1.3330, -0.5596, -0.6548],
     [ 0.1264, -0.5080,  1.6420,  0.1992]]
)  # fmt: skip
torch.std(a, dim=1, keepdim=True)

# ---- cell 23 torch.std_mean
a = torch.tensor(
    [[ 0.2035,  1.2959,  1.8101, -0.4644],
     [ 1.5027, -0.3270,  0.5905,  0.6538],
     [-1.5745,  1.3330, -0.5596, -0.6548],
     [ 0.1264, -0.5080,  1.6420,  0.1992]]
)  # fmt: skip
torch.std_mean(a, dim=0, keepdim=True)

# ---- cell 24 torch.sum
a = torch.randn(1, 3)
a
torch.sum(a)
a = torch.randn(4, 4)
a
torch.sum(a, 1)
b = torch.arange(4 * 5 * 6).view(4, 5, 6)
torch.sum(b, (2, 1))

# ---- cell 25 torch.unique
output = torch.unique(torch.tensor([1, 3, 2, 3], dtype=torch.long))
output
output, inverse_indices = torch.unique(
    torch.tensor([1, 3, 2, 3], dtype=torch.long), sorted=True, return_inverse=True)
output
inverse_indices
output, inverse_indices = torch.unique(
    torch.tensor([[1, 3], [2, 3]], dtype=torch.long), sorted=True, return_inverse=True)
output
inverse_indices
# When using dim, the operation finds unique sub-tensors, not unique values.
# Notice how values can repeat in the output:
x = torch.tensor([[1, 3, 2, 3], [1, 2, 1, 2]], dtype=torch.long)
torch.unique(x, dim=0)  # unique rows
# Both rows are kept because they're different from each other,
# even though values 1, 2, 3 appear multiple times in the output.
torch.unique(x, dim=1)  # unique columns
# The value 1 appears twice because we're comparing columns, not values.
# Compare with flattened (no dim):
torch.unique(x)
a = torch.tensor([
    [
        [1, 1, 0, 0],
        [1, 1, 0, 0],
        [0, 0, 1, 1],
    ],
    [
        [0, 0, 1, 1],
        [0, 0, 1, 1],
        [1, 1, 1, 1],
    ],
    [
        [1, 1, 0, 0],
        [1, 1, 0, 0],
        [0, 0, 1, 1],
    ],
])
# If we call `torch.unique(a, dim=0)`, each of the tensors `a[idx, :, :]`
# will be compared. We can see that `a[0, :, :]` and `a[2, :, :]` match
# each other, so one of them will be removed.
(a[0, :, :] == a[2, :, :]).all()
a_unique_dim0 = torch.unique(a, dim=0)
a_unique_dim0
# Notice which sub-tensors from `a` match with the sub-tensors from
# `a_unique_dim0`:
(a_unique_dim0[0, :, :] == a[1, :, :]).all()
(a_unique_dim0[1, :, :] == a[0, :, :]).all()
# For `torch.unique(a, dim=1)`, each of the tensors `a[:, idx, :]` are
# compared. `a[:, 0, :]` and `a[:, 1, :]` match each other, so one of
# them will be removed.
(a[:, 0, :] == a[:, 1, :]).all()
torch.unique(a, dim=1)
# For `torch.unique(a, dim=2)`, the tensors `a[:, :, idx]` are compared.
# `a[:, :, 0]` and `a[:, :, 1]` match each other. Also, `a[:, :, 2]` and
# `a[:, :, 3]` match each other as well. So in this case, two of the
# sub-tensors will be removed.
(a[:, :, 0] == a[:, :, 1]).all()
(a[:, :, 2] == a[:, :, 3]).all()
torch.unique(a, dim=2)

# ---- cell 26 torch.unique_consecutive
x = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
output = torch.unique_consecutive(x)
output
output, inverse_indices = torch.unique_consecutive(x, return_inverse=True)
output
inverse_indices
output, counts = torch.unique_consecutive(x, return_counts=True)
output
counts

# ---- cell 27 torch.var
a = torch.tensor(
    [[ 0.2035,  1.2959,  1.8101, -0.4644],
     [ 1.5027, -0.3270,  0.5905,  0.6538],
     [-1.5745,  1.3330, -0.5596, -0.6548],
     [ 0.1264, -0.5080,  1.6420,  0.1992]]
)  # fmt: skip
torch.var(a, dim=1, keepdim=True)

# ---- cell 28 torch.var_mean
a = torch.tensor(
    [[ 0.2035,  1.2959,  1.8101, -0.4644],
     [ 1.5027, -0.3270,  0.5905,  0.6538],
     [-1.5745,  1.3330, -0.5596, -0.6548],
     [ 0.1264, -0.5080,  1.6420,  0.1992]]
)  # fmt: skip
torch.var_mean(a, dim=0, keepdim=True)

# ---- cell 29 torch.count_nonzero
x = torch.zeros(3,3)
x[torch.randn(3,3) > 0.5] = 1
x
torch.count_nonzero(x)
torch.count_nonzero(x, dim=0)
