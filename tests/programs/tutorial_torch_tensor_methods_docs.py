# Source: the examples of PyTorch's torch.Tensor reference page (pytorch/pytorch, torch/_tensor_docs.py and
# torch/_tensor.py docstrings, BSD-3-Clause; as shipped with torch 2.13.0;
# https://docs.pytorch.org/docs/stable/tensors.html): the `>>>`/`...` lines of each method's "Example:"
# (the methods whose own docstring has one, in alphabetical order), without the printed outputs, as a
# student pastes them one after the other; one `# ---- cell N name` line before each (bench/tutorial_cells.py).
# Left out: the sparse-layout methods' examples (col_indices, crow_indices, sparse_mask, to_dense, to_sparse*:
# only dense tensors here), dim_order (memory_format=), grad_dtype, new_empty / new_empty_strided and resize_
# (uninitialised memory, security.md), register_post_accumulate_grad_hook, and the GPU lines (get_device,
# record_stream, is_leaf's four `.cuda()`/`device="cuda"` tensors, `to`'s four `cuda0` lines and the line
# after them), and requires_grad_'s example (it calls `preprocess`, a function it does not define: a
# NameError in plain Python too).
import torch
# ---- cell 4 torch.Tensor.element_size
torch.tensor([]).element_size()
torch.tensor([], dtype=torch.uint8).element_size()

# ---- cell 5 torch.Tensor.expand
x = torch.tensor([[1], [2], [3]])
x.size()
x.expand(3, 4)
x.expand(-1, 4)   # -1 means not changing the size of that dimension

# ---- cell 6 torch.Tensor.fill_diagonal_
a = torch.zeros(3, 3)
a.fill_diagonal_(5)
b = torch.zeros(7, 3)
b.fill_diagonal_(5)
c = torch.zeros(7, 3)
c.fill_diagonal_(5, wrap=True)

# ---- cell 9 torch.Tensor.imag
x=torch.randn(4, dtype=torch.cfloat)
x
x.imag

# ---- cell 10 torch.Tensor.index_add_
x = torch.ones(5, 3)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 4, 2])
x.index_add_(0, index, t)
x.index_add_(0, index, t, alpha=-1)

# ---- cell 11 torch.Tensor.index_copy_
x = torch.zeros(5, 3)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 4, 2])
x.index_copy_(0, index, t)

# ---- cell 12 torch.Tensor.index_fill_
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 2])
x.index_fill_(1, index, -1)

# ---- cell 13 torch.Tensor.index_reduce_
x = torch.empty(5, 3).fill_(2)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]], dtype=torch.float)
index = torch.tensor([0, 4, 2, 0])
x.index_reduce_(0, index, t, 'prod')
x = torch.empty(5, 3).fill_(2)
x.index_reduce_(0, index, t, 'prod', include_self=False)

# ---- cell 14 torch.Tensor.is_leaf
a = torch.rand(10, requires_grad=True)
a.is_leaf
c = torch.rand(10, requires_grad=True) + 2
c.is_leaf

# ---- cell 15 torch.Tensor.item
x = torch.tensor([1.0])
x.item()

# ---- cell 16 torch.Tensor.masked_scatter
self = torch.tensor([0, 0, 0, 0, 0])
mask = torch.tensor(
    [[0, 0, 0, 1, 1], [1, 1, 0, 1, 1]],
    dtype=torch.bool,
)
source = torch.tensor([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]])
self.masked_scatter(mask, source)

# ---- cell 17 torch.Tensor.masked_scatter_
self = torch.tensor([[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]])
mask = torch.tensor(
    [[0, 0, 0, 1, 1], [1, 1, 0, 1, 1]],
    dtype=torch.bool,
)
source = torch.tensor([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]])
self.masked_scatter_(mask, source)

# ---- cell 20 torch.Tensor.new_full
tensor = torch.ones((2,), dtype=torch.float64)
tensor.new_full((3, 4), 3.141592)

# ---- cell 21 torch.Tensor.new_ones
tensor = torch.tensor((), dtype=torch.int32)
tensor.new_ones((2, 3))

# ---- cell 22 torch.Tensor.new_tensor
tensor = torch.ones((2,), dtype=torch.int8)
data = [[0, 1], [2, 3]]
tensor.new_tensor(data)

# ---- cell 23 torch.Tensor.new_zeros
tensor = torch.tensor((), dtype=torch.float64)
tensor.new_zeros((2, 3))

# ---- cell 24 torch.Tensor.permute
x = torch.randn(2, 3, 5)
x.size()
x.permute(2, 0, 1).size()

# ---- cell 25 torch.Tensor.put_
src = torch.tensor([[4, 3, 5],
                    [6, 7, 8]])
src.put_(torch.tensor([1, 3]), torch.tensor([9, 10]))

# ---- cell 26 torch.Tensor.real
x=torch.randn(4, dtype=torch.cfloat)
x
x.real

# ---- cell 28 torch.Tensor.register_hook
v = torch.tensor([0., 0., 0.], requires_grad=True)
h = v.register_hook(lambda grad: grad * 2)  # double the gradient
v.backward(torch.tensor([1., 2., 3.]))
v.grad
h.remove()  # removes the hook

# ---- cell 30 torch.Tensor.repeat
x = torch.tensor([1, 2, 3])
x.repeat(4, 2)
x.repeat(4, 2, 1).size()

# ---- cell 33 torch.Tensor.scatter_
src = torch.arange(1, 11).reshape((2, 5))
src
index = torch.tensor([[0, 1, 2, 0]])
torch.zeros(3, 5, dtype=src.dtype).scatter_(0, index, src)
index = torch.tensor([[0, 1, 2], [0, 1, 4]])
torch.zeros(3, 5, dtype=src.dtype).scatter_(1, index, src)
torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]),
           1.23, reduce='multiply')
torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]),
           1.23, reduce='add')
index = torch.tensor([[0, 1]])
value = 2
torch.zeros(3, 5).scatter_(0, index, value)

# ---- cell 34 torch.Tensor.scatter_add_
src = torch.ones((2, 5))
index = torch.tensor([[0, 1, 2, 0, 0]])
torch.zeros(3, 5, dtype=src.dtype).scatter_add_(0, index, src)
index = torch.tensor([[0, 1, 2, 0, 0], [0, 1, 2, 2, 2]])
torch.zeros(3, 5, dtype=src.dtype).scatter_add_(0, index, src)

# ---- cell 35 torch.Tensor.scatter_reduce_
src = torch.tensor([1., 2., 3., 4., 5., 6.])
index = torch.tensor([0, 1, 0, 1, 2, 1])
input = torch.tensor([1., 2., 3., 4.])
input.scatter_reduce(0, index, src, reduce="sum")
input.scatter_reduce(0, index, src, reduce="sum", include_self=False)
input2 = torch.tensor([5., 4., 3., 2.])
input2.scatter_reduce(0, index, src, reduce="amax")
input2.scatter_reduce(0, index, src, reduce="amax", include_self=False)

# ---- cell 36 torch.Tensor.shape
t = torch.empty(3, 4, 5)
t.size()
t.shape

# ---- cell 37 torch.Tensor.size
t = torch.empty(3, 4, 5)
t.size()
t.size(dim=1)

# ---- cell 39 torch.Tensor.storage_offset
x = torch.tensor([1, 2, 3, 4, 5])
x.storage_offset()
x[3:].storage_offset()

# ---- cell 40 torch.Tensor.stride
x = torch.tensor([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]])
x.stride()
x.stride(0)
x.stride(-1)

# ---- cell 41 torch.Tensor.to
tensor = torch.randn(2, 2)  # Initially dtype=float32, device=cpu
tensor.to(torch.float64)

# ---- cell 49 torch.Tensor.tolist
a = torch.randn(2, 2)
a.tolist()
a[0,0].tolist()

# ---- cell 50 torch.Tensor.unfold
x = torch.arange(1., 8)
x
x.unfold(0, 2, 1)
x.unfold(0, 2, 2)

# ---- cell 51 torch.Tensor.view
x = torch.randn(4, 4)
x.size()
y = x.view(16)
y.size()
z = x.view(-1, 8)  # the size -1 is inferred from other dimensions
z.size()
a = torch.randn(1, 2, 3, 4)
a.size()
b = a.transpose(1, 2)  # Swaps 2nd and 3rd dimension
b.size()
c = a.view(1, 3, 2, 4)  # Does not change tensor layout in memory
c.size()
torch.equal(b, c)
x = torch.randn(4, 4)
x
x.dtype
y = x.view(torch.int32)
y
y[0, 0] = 1000000000
x
x.view(torch.cfloat)
x.view(torch.cfloat).size()
x.view(torch.uint8)
x.view(torch.uint8).size()
