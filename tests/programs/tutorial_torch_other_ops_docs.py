# Source: the examples of PyTorch's torch reference page, section "Other Operations" (pytorch/pytorch,
# torch/_torch_docs.py docstrings, BSD-3-Clause; as shipped with torch 2.13.0;
# https://docs.pytorch.org/docs/stable/torch.html#other-operations): the `>>>`/`...` lines of each
# function's "Example:" in the page's order, without the printed outputs, as a student pastes them one
# after the other; one `# ---- cell N name` line before each function's example (bench/tutorial_cells.py).
# Functions: atleast_1d/2d/3d, bincount, block_diag, broadcast_tensors, broadcast_to,
# broadcast_shapes, bucketize, cartesian_prod (with itertools.product), cdist, combinations, corrcoef, cov, cross,
# cummax, cummin, cumprod, cumsum, diag, diag_embed, diagflat, diagonal, diff, einsum, flatten, flip, fliplr,
# flipud, kron, rot90, gcd, histc, histogram, meshgrid, lcm, logcumsumexp, ravel, renorm, repeat_interleave,
# roll, searchsorted, tensordot, trace, tril, tril_indices, triu, triu_indices, unflatten, vander.
# Left out: meshgrid's matplotlib surface plot (its last nine lines) and tensordot's three `device='cuda'`
# lines (no GPU here).
import torch
# ---- cell 1 torch.atleast_1d
x = torch.arange(2)
x
torch.atleast_1d(x)
x = torch.tensor(1.)
x
torch.atleast_1d(x)
x = torch.tensor(0.5)
y = torch.tensor(1.)
torch.atleast_1d((x, y))
torch.atleast_1d()

# ---- cell 2 torch.atleast_2d
x = torch.tensor(1.)
x
torch.atleast_2d(x)
x = torch.arange(4).view(2, 2)
x
torch.atleast_2d(x)
x = torch.tensor(0.5)
y = torch.tensor(1.)
torch.atleast_2d((x, y))
torch.atleast_2d()

# ---- cell 3 torch.atleast_3d
x = torch.tensor(0.5)
x
torch.atleast_3d(x)
y = torch.arange(4).view(2, 2)
y
torch.atleast_3d(y)
x = torch.tensor(1).view(1, 1, 1)
x
torch.atleast_3d(x)
x = torch.tensor(0.5)
y = torch.tensor(1.0)
torch.atleast_3d((x, y))
torch.atleast_3d()

# ---- cell 4 torch.bincount
input = torch.randint(0, 8, (5,), dtype=torch.int64)
weights = torch.linspace(0, 1, steps=5)
input, weights
torch.bincount(input)
input.bincount(weights)

# ---- cell 5 torch.block_diag
import torch
A = torch.tensor([[0, 1], [1, 0]])
B = torch.tensor([[3, 4, 5], [6, 7, 8]])
C = torch.tensor(7)
D = torch.tensor([1, 2, 3])
E = torch.tensor([[4], [5], [6]])
torch.block_diag(A, B, C, D, E)

# ---- cell 6 torch.broadcast_tensors
x = torch.arange(3).view(1, 3)
y = torch.arange(2).view(2, 1)
a, b = torch.broadcast_tensors(x, y)
a.size()
a

# ---- cell 7 torch.broadcast_to
x = torch.tensor([1, 2, 3])
torch.broadcast_to(x, (3, 3))

# ---- cell 8 torch.broadcast_shapes
torch.broadcast_shapes((2,), (3, 1), (1, 1, 1))

# ---- cell 9 torch.bucketize
boundaries = torch.tensor([1, 3, 5, 7, 9])
boundaries
v = torch.tensor([[3, 6, 9], [3, 6, 9]])
v
torch.bucketize(v, boundaries)
torch.bucketize(v, boundaries, right=True)

# ---- cell 10 torch.cartesian_prod
import itertools
a = [1, 2, 3]
b = [4, 5]
list(itertools.product(a, b))
tensor_a = torch.tensor(a)
tensor_b = torch.tensor(b)
torch.cartesian_prod(tensor_a, tensor_b)

# ---- cell 11 torch.cdist
a = torch.tensor([[0.9041, 0.0196], [-0.3108, -2.4423], [-0.4821, 1.059]])
a
b = torch.tensor([[-2.1763, -0.4713], [-0.6986, 1.3702]])
b
torch.cdist(a, b, p=2)

# ---- cell 13 torch.combinations
a = [1, 2, 3]
list(itertools.combinations(a, r=2))
list(itertools.combinations(a, r=3))
list(itertools.combinations_with_replacement(a, r=2))
tensor_a = torch.tensor(a)
torch.combinations(tensor_a)
torch.combinations(tensor_a, r=3)
torch.combinations(tensor_a, with_replacement=True)

# ---- cell 14 torch.corrcoef
x = torch.tensor([[0, 1, 2], [2, 1, 0]])
torch.corrcoef(x)
x = torch.randn(2, 4)
x
torch.corrcoef(x)
torch.corrcoef(x[0])

# ---- cell 15 torch.cov
x = torch.tensor([[0, 2], [1, 1], [2, 0]]).T
x
torch.cov(x)
torch.cov(x, correction=0)
fw = torch.randint(1, 10, (3,))
fw
aw = torch.rand(3)
aw
torch.cov(x, fweights=fw, aweights=aw)

# ---- cell 16 torch.cross
a = torch.randn(4, 3)
a
b = torch.randn(4, 3)
b
torch.cross(a, b, dim=1)
torch.cross(a, b)

# ---- cell 17 torch.cummax
a = torch.randn(10)
a
torch.cummax(a, dim=0)

# ---- cell 18 torch.cummin
a = torch.randn(10)
a
torch.cummin(a, dim=0)

# ---- cell 19 torch.cumprod
a = torch.randn(10)
a
torch.cumprod(a, dim=0)
a[5] = 0.0
torch.cumprod(a, dim=0)

# ---- cell 20 torch.cumsum
a = torch.randint(1, 20, (10,))
a
torch.cumsum(a, dim=0)

# ---- cell 21 torch.diag
a = torch.randn(3)
a
torch.diag(a)
torch.diag(a, 1)
a = torch.randn(3, 3)
a
torch.diag(a, 0)
torch.diag(a, 1)

# ---- cell 22 torch.diag_embed
a = torch.randn(2, 3)
torch.diag_embed(a)
torch.diag_embed(a, offset=1, dim1=0, dim2=2)

# ---- cell 23 torch.diagflat
a = torch.randn(3)
a
torch.diagflat(a)
torch.diagflat(a, 1)
a = torch.randn(2, 2)
a
torch.diagflat(a)

# ---- cell 24 torch.diagonal
a = torch.randn(3, 3)
a
torch.diagonal(a)
torch.diagonal(a, 1)
b = torch.randn(2, 5)
b
torch.diagonal(b, 1, 1, 0)
x = torch.randn(2, 5, 4, 2)
torch.diagonal(x, offset=-1, dim1=1, dim2=2)

# ---- cell 25 torch.diff
a = torch.tensor([1, 3, 2])
torch.diff(a)
b = torch.tensor([4, 5])
torch.diff(a, append=b)
c = torch.tensor([[1, 2, 3], [3, 4, 5]])
torch.diff(c, dim=0)
torch.diff(c, dim=1)

# ---- cell 26 torch.einsum
# xdoctest: +IGNORE_WANT("non-deterministic")
# trace
torch.einsum('ii', torch.randn(4, 4))
# xdoctest: +IGNORE_WANT("non-deterministic")
# diagonal
torch.einsum('ii->i', torch.randn(4, 4))
# xdoctest: +IGNORE_WANT("non-deterministic")
# outer product
x = torch.randn(5)
y = torch.randn(4)
torch.einsum('i,j->ij', x, y)
# xdoctest: +IGNORE_WANT("non-deterministic")
# batch matrix multiplication
As = torch.randn(3, 2, 5)
Bs = torch.randn(3, 5, 4)
torch.einsum('bij,bjk->bik', As, Bs)
# xdoctest: +IGNORE_WANT("non-deterministic")
# with sublist format and ellipsis
torch.einsum(As, [..., 0, 1], Bs, [..., 1, 2], [..., 0, 2])
# batch permute
A = torch.randn(2, 3, 4, 5)
torch.einsum('...ij->...ji', A).shape
# equivalent to torch.nn.functional.bilinear
A = torch.randn(3, 5, 4)
l = torch.randn(2, 5)
r = torch.randn(2, 4)
torch.einsum('bn,anm,bm->ba', l, A, r)

# ---- cell 27 torch.flatten
t = torch.tensor([[[1, 2],
                   [3, 4]],
                  [[5, 6],
                   [7, 8]]])
torch.flatten(t)
torch.flatten(t, start_dim=1)

# ---- cell 28 torch.flip
x = torch.arange(8).view(2, 2, 2)
x
torch.flip(x, [0, 1])

# ---- cell 29 torch.fliplr
x = torch.arange(4).view(2, 2)
x
torch.fliplr(x)

# ---- cell 30 torch.flipud
x = torch.arange(4).view(2, 2)
x
torch.flipud(x)

# ---- cell 31 torch.kron
mat1 = torch.eye(2)
mat2 = torch.ones(2, 2)
torch.kron(mat1, mat2)
mat1 = torch.eye(2)
mat2 = torch.arange(1, 5).reshape(2, 2)
torch.kron(mat1, mat2)

# ---- cell 32 torch.rot90
x = torch.arange(4).view(2, 2)
x
torch.rot90(x, 1, [0, 1])
x = torch.arange(8).view(2, 2, 2)
x
torch.rot90(x, 1, [1, 2])

# ---- cell 33 torch.gcd
a = torch.tensor([5, 10, 15])
b = torch.tensor([3, 4, 5])
torch.gcd(a, b)
c = torch.tensor([3])
torch.gcd(a, c)

# ---- cell 34 torch.histc
torch.histc(torch.tensor([1., 2, 1]), bins=4, min=0, max=3)

# ---- cell 35 torch.histogram
torch.histogram(torch.tensor([1., 2, 1]), bins=4, range=(0., 3.), weight=torch.tensor([1., 2., 4.]))
torch.histogram(torch.tensor([1., 2, 1]), bins=4, range=(0., 3.), weight=torch.tensor([1., 2., 4.]), density=True)

# ---- cell 36 torch.meshgrid
x = torch.tensor([1, 2, 3])
y = torch.tensor([4, 5, 6])
grid_x, grid_y = torch.meshgrid(x, y, indexing='ij')
grid_x
grid_y
torch.equal(torch.cat(tuple(torch.dstack([grid_x, grid_y]))),
            torch.cartesian_prod(x, y))

# ---- cell 37 torch.lcm
a = torch.tensor([5, 10, 15])
b = torch.tensor([3, 4, 5])
torch.lcm(a, b)
c = torch.tensor([3])
torch.lcm(a, c)

# ---- cell 38 torch.logcumsumexp
a = torch.randn(10)
torch.logcumsumexp(a, dim=0)

# ---- cell 39 torch.ravel
t = torch.tensor([[[1, 2],
                   [3, 4]],
                  [[5, 6],
                   [7, 8]]])
torch.ravel(t)

# ---- cell 40 torch.renorm
x = torch.ones(3, 3)
x[1].fill_(2)
x[2].fill_(3)
x
torch.renorm(x, 1, 0, 5)

# ---- cell 41 torch.repeat_interleave
x = torch.tensor([1, 2, 3])
x.repeat_interleave(2)
y = torch.tensor([[1, 2], [3, 4]])
torch.repeat_interleave(y, 2)
torch.repeat_interleave(y, 3, dim=1)
torch.repeat_interleave(y, torch.tensor([1, 2]), dim=0)
torch.repeat_interleave(y, torch.tensor([1, 2]), dim=0, output_size=3)
torch.repeat_interleave(torch.tensor([1, 2, 3]))

# ---- cell 42 torch.roll
x = torch.tensor([1, 2, 3, 4, 5, 6, 7, 8]).view(4, 2)
x
torch.roll(x, 1)
torch.roll(x, 1, 0)
torch.roll(x, -1, 0)
torch.roll(x, shifts=(2, 1), dims=(0, 1))

# ---- cell 43 torch.searchsorted
sorted_sequence = torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]])
sorted_sequence
values = torch.tensor([[3, 6, 9], [3, 6, 9]])
values
torch.searchsorted(sorted_sequence, values)
torch.searchsorted(sorted_sequence, values, side='right')
sorted_sequence_1d = torch.tensor([1, 3, 5, 7, 9])
sorted_sequence_1d
torch.searchsorted(sorted_sequence_1d, values)

# ---- cell 44 torch.tensordot
a = torch.arange(60.).reshape(3, 4, 5)
b = torch.arange(24.).reshape(4, 3, 2)
torch.tensordot(a, b, dims=([1, 0], [0, 1]))
a = torch.randn(3, 5, 4, 6)
b = torch.randn(6, 4, 5, 3)
torch.tensordot(a, b, dims=([2, 1, 3], [1, 2, 0]))

# ---- cell 45 torch.trace
x = torch.arange(1., 10.).view(3, 3)
x
torch.trace(x)

# ---- cell 46 torch.tril
a = torch.randn(3, 3)
a
torch.tril(a)
b = torch.randn(4, 6)
b
torch.tril(b, diagonal=1)
torch.tril(b, diagonal=-1)

# ---- cell 47 torch.tril_indices
a = torch.tril_indices(3, 3)
a
a = torch.tril_indices(4, 3, -1)
a
a = torch.tril_indices(4, 3, 1)
a

# ---- cell 48 torch.triu
a = torch.randn(3, 3)
a
torch.triu(a)
torch.triu(a, diagonal=1)
torch.triu(a, diagonal=-1)
b = torch.randn(4, 6)
b
torch.triu(b, diagonal=1)
torch.triu(b, diagonal=-1)

# ---- cell 49 torch.triu_indices
a = torch.triu_indices(3, 3)
a
a = torch.triu_indices(4, 3, -1)
a
a = torch.triu_indices(4, 3, 1)
a

# ---- cell 50 torch.unflatten
torch.unflatten(torch.randn(3, 4, 1), 1, (2, 2)).shape
torch.unflatten(torch.randn(3, 4, 1), 1, (-1, 2)).shape
torch.unflatten(torch.randn(5, 12, 3), -2, (2, 2, 3, 1, 1)).shape

# ---- cell 51 torch.vander
x = torch.tensor([1, 2, 3, 5])
torch.vander(x)
torch.vander(x, N=3)
torch.vander(x, N=3, increasing=True)
