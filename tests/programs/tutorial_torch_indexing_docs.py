# Source: the examples of PyTorch's torch reference page, section "Indexing, Slicing, Joining, Mutating Ops" (pytorch/pytorch,
# torch/_torch_docs.py docstrings, BSD-3-Clause; as shipped with torch 2.13.0;
# https://docs.pytorch.org/docs/stable/torch.html#indexing-slicing-joining-mutating-ops): the `>>>`/`...` lines of each
# function's "Example:" in the page's order, without the printed outputs, as a student pastes them one
# after the other; one `# ---- cell N name` line before each function's example (bench/tutorial_cells.py).
# Functions: adjoint, argwhere, cat, conj, chunk, dsplit, column_stack,
# dstack, gather, hsplit, hstack, index_select, masked_select, movedim, moveaxis, narrow, narrow_copy, nonzero,
# permute, reshape, diagonal_scatter, select_scatter, slice_scatter, split, squeeze, stack, swapaxes, swapdims,
# t, take, take_along_dim, tensor_split, tile, transpose, unbind, unravel_index, unsqueeze, vsplit, vstack,
# where (the page's functions whose docstring has an example).
# Left out: narrow_copy's last two lines (a sparse tensor, `.to_sparse(2)`: only dense tensors here).
import torch
# ---- cell 1 torch.adjoint
x = torch.arange(4, dtype=torch.float)
A = torch.complex(x, x).reshape(2, 2)
A
A.adjoint()
(A.adjoint() == A.mH).all()

# ---- cell 2 torch.argwhere
t = torch.tensor([1, 0, 1])
torch.argwhere(t)
t = torch.tensor([[1, 0, 1], [0, 1, 1]])
torch.argwhere(t)

# ---- cell 3 torch.cat
x = torch.randn(2, 3)
x
torch.cat((x, x, x), 0)
torch.cat((x, x, x), 1)

# ---- cell 6 torch.conj
x = torch.tensor([-1 + 1j, -2 + 2j, 3 - 3j])
x.is_conj()
y = torch.conj(x)
y.is_conj()

# ---- cell 7 torch.chunk
torch.arange(11).chunk(6)
torch.arange(12).chunk(6)
torch.arange(13).chunk(6)

# ---- cell 8 torch.dsplit
t = torch.arange(16.0).reshape(2, 2, 4)
t
torch.dsplit(t, 2)
torch.dsplit(t, [3, 6])

# ---- cell 9 torch.column_stack
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
torch.column_stack((a, b))
a = torch.arange(5)
b = torch.arange(10).reshape(5, 2)
torch.column_stack((a, b, b))

# ---- cell 10 torch.dstack
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
torch.dstack((a,b))
a = torch.tensor([[1],[2],[3]])
b = torch.tensor([[4],[5],[6]])
torch.dstack((a,b))

# ---- cell 11 torch.gather
t = torch.tensor([[1, 2], [3, 4]])
torch.gather(t, 1, torch.tensor([[0, 0], [1, 0]]))

# ---- cell 12 torch.hsplit
t = torch.arange(16.0).reshape(4,4)
t
torch.hsplit(t, 2)
torch.hsplit(t, [3, 6])

# ---- cell 13 torch.hstack
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
torch.hstack((a,b))
a = torch.tensor([[1],[2],[3]])
b = torch.tensor([[4],[5],[6]])
torch.hstack((a,b))

# ---- cell 17 torch.index_select
x = torch.randn(3, 4)
x
indices = torch.tensor([0, 2])
torch.index_select(x, 0, indices)
torch.index_select(x, 1, indices)

# ---- cell 18 torch.masked_select
x = torch.randn(3, 4)
x
mask = x.ge(0.5)
mask
torch.masked_select(x, mask)

# ---- cell 19 torch.movedim
t = torch.randn(3,2,1)
t
torch.movedim(t, 1, 0).shape
torch.movedim(t, 1, 0)
torch.movedim(t, (1, 2), (0, 1)).shape
torch.movedim(t, (1, 2), (0, 1))

# ---- cell 20 torch.moveaxis
t = torch.randn(3,2,1)
t
torch.moveaxis(t, 1, 0).shape
torch.moveaxis(t, 1, 0)
torch.moveaxis(t, (1, 2), (0, 1)).shape
torch.moveaxis(t, (1, 2), (0, 1))

# ---- cell 21 torch.narrow
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
torch.narrow(x, 0, 0, 2)
torch.narrow(x, 1, 1, 2)
torch.narrow(x, -1, torch.tensor(-1), 1)

# ---- cell 22 torch.narrow_copy
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
torch.narrow_copy(x, 0, 0, 2)
torch.narrow_copy(x, 1, 1, 2)

# ---- cell 23 torch.nonzero
torch.nonzero(torch.tensor([1, 1, 1, 0, 1]))
torch.nonzero(torch.tensor([[0.6, 0.0, 0.0, 0.0],
                            [0.0, 0.4, 0.0, 0.0],
                            [0.0, 0.0, 1.2, 0.0],
                            [0.0, 0.0, 0.0,-0.4]]))
torch.nonzero(torch.tensor([1, 1, 1, 0, 1]), as_tuple=True)
torch.nonzero(torch.tensor([[0.6, 0.0, 0.0, 0.0],
                            [0.0, 0.4, 0.0, 0.0],
                            [0.0, 0.0, 1.2, 0.0],
                            [0.0, 0.0, 0.0,-0.4]]), as_tuple=True)
torch.nonzero(torch.tensor(5), as_tuple=True)

# ---- cell 24 torch.permute
x = torch.randn(2, 3, 5)
x.size()
torch.permute(x, (2, 0, 1)).size()

# ---- cell 25 torch.reshape
a = torch.arange(4.)
torch.reshape(a, (2, 2))
b = torch.tensor([[0, 1], [2, 3]])
torch.reshape(b, (-1,))

# ---- cell 29 torch.diagonal_scatter
a = torch.zeros(3, 3)
a
torch.diagonal_scatter(a, torch.ones(3), 0)
torch.diagonal_scatter(a, torch.ones(2), 1)

# ---- cell 30 torch.select_scatter
a = torch.zeros(2, 2)
b = torch.ones(2)
a.select_scatter(b, 0, 0)

# ---- cell 31 torch.slice_scatter
a = torch.zeros(8, 8)
b = torch.ones(2, 8)
a.slice_scatter(b, start=6)
b = torch.ones(8, 2)
a.slice_scatter(b, dim=1, start=2, end=6, step=2)

# ---- cell 34 torch.split
a = torch.arange(10).reshape(5, 2)
a
torch.split(a, 2)
torch.split(a, [1, 4])

# ---- cell 35 torch.squeeze
x = torch.zeros(2, 1, 2, 1, 2)
x.size()
y = torch.squeeze(x)
y.size()
y = torch.squeeze(x, 0)
y.size()
y = torch.squeeze(x, 1)
y.size()
y = torch.squeeze(x, (1, 2, 3))

# ---- cell 36 torch.stack
x = torch.randn(2, 3)
x
torch.stack((x, x)) # same as torch.stack((x, x), dim=0)
torch.stack((x, x)).size()
torch.stack((x, x), dim=1)
torch.stack((x, x), dim=2)
torch.stack((x, x), dim=-1)

# ---- cell 37 torch.swapaxes
x = torch.tensor([[[0,1],[2,3]],[[4,5],[6,7]]])
x
torch.swapaxes(x, 0, 1)
torch.swapaxes(x, 0, 2)

# ---- cell 38 torch.swapdims
x = torch.tensor([[[0,1],[2,3]],[[4,5],[6,7]]])
x
torch.swapdims(x, 0, 1)
torch.swapdims(x, 0, 2)

# ---- cell 39 torch.t
x = torch.randn(())
x
torch.t(x)
x = torch.randn(3)
x
torch.t(x)
x = torch.randn(2, 3)
x
torch.t(x)

# ---- cell 40 torch.take
src = torch.tensor([[4, 3, 5],
                    [6, 7, 8]])
torch.take(src, torch.tensor([0, 2, 5]))

# ---- cell 41 torch.take_along_dim
t = torch.tensor([[10, 30, 20], [60, 40, 50]])
max_idx = torch.argmax(t)
torch.take_along_dim(t, max_idx)
sorted_idx = torch.argsort(t, dim=1)
torch.take_along_dim(t, sorted_idx, dim=1)

# ---- cell 42 torch.tensor_split
x = torch.arange(8)
torch.tensor_split(x, 3)
x = torch.arange(7)
torch.tensor_split(x, 3)
torch.tensor_split(x, (1, 6))
x = torch.arange(14).reshape(2, 7)
x
torch.tensor_split(x, 3, dim=1)
torch.tensor_split(x, (1, 6), dim=1)

# ---- cell 43 torch.tile
x = torch.tensor([1, 2, 3])
x.tile((2,))
y = torch.tensor([[1, 2], [3, 4]])
torch.tile(y, (2, 2))

# ---- cell 44 torch.transpose
x = torch.randn(2, 3)
x
torch.transpose(x, 0, 1)

# ---- cell 45 torch.unbind
torch.unbind(torch.tensor([[1, 2, 3],
                           [4, 5, 6],
                           [7, 8, 9]]))

# ---- cell 46 torch.unravel_index
import torch
torch.unravel_index(torch.tensor(4), (3, 2))
torch.unravel_index(torch.tensor([4, 1]), (3, 2))
torch.unravel_index(torch.tensor([0, 1, 2, 3, 4, 5]), (3, 2))
torch.unravel_index(torch.tensor([1234, 5678]), (10, 10, 10, 10))
torch.unravel_index(torch.tensor([[1234], [5678]]), (10, 10, 10, 10))
torch.unravel_index(torch.tensor([[1234], [5678]]), (100, 100))

# ---- cell 47 torch.unsqueeze
x = torch.tensor([1, 2, 3, 4])
torch.unsqueeze(x, 0)
torch.unsqueeze(x, 1)

# ---- cell 48 torch.vsplit
t = torch.arange(16.0).reshape(4,4)
t
torch.vsplit(t, 2)
torch.vsplit(t, [3, 6])

# ---- cell 49 torch.vstack
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
torch.vstack((a,b))
a = torch.tensor([[1],[2],[3]])
b = torch.tensor([[4],[5],[6]])
torch.vstack((a,b))

# ---- cell 50 torch.where
x = torch.randn(3, 2)
y = torch.ones(3, 2)
x
torch.where(x > 0, 1.0, 0.0)
torch.where(x > 0, x, y)
x = torch.randn(2, 2, dtype=torch.double)
x
torch.where(x > 0, x, 0.)
