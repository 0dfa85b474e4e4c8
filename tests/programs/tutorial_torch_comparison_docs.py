# Source: the examples of PyTorch's torch reference page, section "Comparison Ops" (pytorch/pytorch,
# torch/_torch_docs.py docstrings, BSD-3-Clause; as shipped with torch 2.13.0;
# https://docs.pytorch.org/docs/stable/torch.html#comparison-ops): the `>>>`/`...` lines of each
# function's "Example:" in the page's order, without the printed outputs, as a student pastes them one
# after the other; one `# ---- cell N name` line before each function's example (bench/tutorial_cells.py).
# Functions: allclose, argsort, eq, equal, ge, gt, isclose, isfinite, isin, isinf, isposinf,
# isneginf, isnan, isreal, kthvalue, le, lt, maximum, minimum, fmax, fmin, ne, sort, topk, msort.
# Left out: kthvalue's last three lines, from `x=torch.arange(1.,7.).resize_(2,3)` (resize_ is refused: it
# can expose uninitialised memory, security.md).
import torch
# ---- cell 1 torch.allclose
torch.allclose(torch.tensor([10000., 1e-07]), torch.tensor([10000.1, 1e-08]))
torch.allclose(torch.tensor([10000., 1e-08]), torch.tensor([10000.1, 1e-09]))
torch.allclose(torch.tensor([1.0, float('nan')]), torch.tensor([1.0, float('nan')]))
torch.allclose(torch.tensor([1.0, float('nan')]), torch.tensor([1.0, float('nan')]), equal_nan=True)

# ---- cell 2 torch.argsort
a = torch.randn(4, 4)
a
torch.argsort(a, dim=1)

# ---- cell 3 torch.eq
torch.eq(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]]))

# ---- cell 4 torch.equal
torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2]))
torch.equal(torch.tensor([3, torch.nan]), torch.tensor([3, torch.nan]))
torch.equal(torch.tensor([1, 2, 3], dtype=torch.int32), torch.tensor([1, 2, 3], dtype=torch.float32))

# ---- cell 5 torch.ge
torch.ge(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]]))

# ---- cell 6 torch.gt
torch.gt(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]]))

# ---- cell 7 torch.isclose
torch.isclose(torch.tensor((1., 2, 3)), torch.tensor((1 + 1e-10, 3, 4)))
torch.isclose(torch.tensor((float('inf'), 4)), torch.tensor((float('inf'), 6)), rtol=.5)

# ---- cell 8 torch.isfinite
torch.isfinite(torch.tensor([1, float('inf'), 2, float('-inf'), float('nan')]))

# ---- cell 9 torch.isin
torch.isin(torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3]))

# ---- cell 10 torch.isinf
torch.isinf(torch.tensor([1, float('inf'), 2, float('-inf'), float('nan')]))

# ---- cell 11 torch.isposinf
a = torch.tensor([-float('inf'), float('inf'), 1.2])
torch.isposinf(a)

# ---- cell 12 torch.isneginf
a = torch.tensor([-float('inf'), float('inf'), 1.2])
torch.isneginf(a)

# ---- cell 13 torch.isnan
torch.isnan(torch.tensor([1, float('nan'), 2]))

# ---- cell 14 torch.isreal
torch.isreal(torch.tensor([1, 1+1j, 2+0j]))

# ---- cell 15 torch.kthvalue
x = torch.arange(1., 6.)
x
torch.kthvalue(x, 4)

# ---- cell 16 torch.le
torch.le(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]]))

# ---- cell 17 torch.lt
torch.lt(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]]))

# ---- cell 18 torch.maximum
a = torch.tensor((1, 2, -1))
b = torch.tensor((3, 0, 4))
torch.maximum(a, b)

# ---- cell 19 torch.minimum
a = torch.tensor((1, 2, -1))
b = torch.tensor((3, 0, 4))
torch.minimum(a, b)

# ---- cell 20 torch.fmax
a = torch.tensor([9.7, float('nan'), 3.1, float('nan')])
b = torch.tensor([-2.2, 0.5, float('nan'), float('nan')])
torch.fmax(a, b)

# ---- cell 21 torch.fmin
a = torch.tensor([2.2, float('nan'), 2.1, float('nan')])
b = torch.tensor([-9.3, 0.1, float('nan'), float('nan')])
torch.fmin(a, b)

# ---- cell 22 torch.ne
torch.ne(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]]))

# ---- cell 23 torch.sort
x = torch.randn(3, 4)
sorted, indices = torch.sort(x)
sorted
indices
sorted, indices = torch.sort(x, 0)
sorted
indices
x = torch.tensor([0, 1] * 9)
x.sort()
x.sort(stable=True)

# ---- cell 24 torch.topk
x = torch.arange(1., 6.)
x
torch.topk(x, 3)

# ---- cell 25 torch.msort
t = torch.randn(3, 4)
t
torch.msort(t)
