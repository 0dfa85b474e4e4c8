"""The arithmetic of one expensive call, checked before the call (limit max_call_work).

The size limits bound what a call allocates, not how long its kernel runs: `torch.linalg.eigvals` of a
2236x2236 matrix (the element cap) takes several seconds of one CPU, `torch.linalg.matrix_power(a,
10**18)` multiplies 82 times, `torch.cdist(x, y, p=0.5)` raises every difference to a power. Before
such a call its work is estimated from the shapes with Python ints (never running the kernel):

- the O(n^3) linalg family on a batch of m x n matrices: batch * m * n * min(m, n) (cond too: an SVD
  or an inverse); solve, solve_triangular and lstsq add batch * m * n * k for a right-hand side of k
  columns (left=False solves for B's rows: k is then the larger of B's last two sizes), the batch
  being the broadcast one; lu_solve(LU, pivots, B) counts as solve; tensorinv and tensorsolve as the
  inverse / solve of the matrix they reshape their tensor into (Python ints);
- matrix_power(a, k): the multiplications of binary exponentiation (bits - 1 + ones - 1) times n^3
  (each multiply-add of a product a PRODUCT_SPEEDUP-th of a unit), plus an inverse (n^3) for k < 0;
- F.bilinear(x1, x2, W) (and torch.bilinear): rows of x1 times W's elements, as a product;
- addbmm(M, b1, b2) of a (batch, n, k) and a (batch, k, m) batch: one pass over the n x m result per
  matrix of the batch (a rank-k update: batch 2,236 of k = 1 into 2236 x 2236 ran past the 5 s limit
  in one call, each result small enough) plus the multiply-adds as a product;
- allclose, dist and the losses that broadcast their two tensors inside one call (mse, l1, smooth l1,
  huber, kl_div) and answer one number: the broadcast intermediate (dist of (40000, 1) and (1, 40000)
  asked for 6.4 GB) at BROADCAST_INSIDE_WEIGHT units an element, only when it outgrows both tensors;
  cosine_similarity and pairwise_distance too, whose result drops the last dimension (red team, session
  31: (1000, 1, 100) against (1, 1000, 100) made 1e8-element intermediates for a 1e6 result, 2.5 s and
  ~1.4 GB at the peak; (5000, 1, 100) against (1, 1000, 100) asked for 2 GB);
- index_fill(dim, index, value): one slice written per index, repeats too (5,000,000 zeros filling
  a (1, 5,000,000) tensor write 2.5e13 elements in one call);
- each times the first tensor's element size / 4 (float64, complex64: 2; complex128: 4);
- cdist of (batch, P, M) and (batch, R, M): batch * P * R * M, times CDIST_POW_WEIGHT unless p == 2
  (PyTorch computes p == 2 with a matrix product, any other p elementwise with pow);
- the matrix norms that take an SVD (ord 2, -2, 'nuc'): as the linalg family; matrix_exp: the
  family's times MATRIX_EXP_WEIGHT;
- searchsorted, bucketize, isin, histogram with edges and diff(n=): lookup_work.py.

check_work runs in calls.invoke and in the planned call sites that skip it (function_sites.py,
tensor_sites.method_site, compiled_method_calls.zero_site), before the call; a refusal is a LimitExceeded,
which `try/except` does not catch (lang/exceptions.as_caught), with the line of the statement.
Matrix products (`@`, mm, bmm, matmul) are left to the element limits: operands and result of at most
max_tensor_elements bound them to ~1.1e10 multiply-adds (0.2 s here for 2236^3).
"""

from __future__ import annotations

import math
from typing import Any

import torch

from autogradlab.errors import LimitExceeded
from autogradlab.lang.lookup_work import LOOKUPS, lookup_work
from autogradlab.lang.python_size_rules import _int_label

# torch.cdist with p != 2 costs 11-18x an eigvals "unit" per difference (measured, limits.py).
CDIST_POW_WEIGHT = 16
# A matrix product's multiply-add is ~24x faster than an eigvals unit (torch.mm of 1000x1000: 0.021 s,
# eigvals 0.50 s): matrix_power's products and F.bilinear (0.20 s for 1e10, 3.3 s for 1.46e11 multiply-adds
# within the element limits) count 1/16 unit each.
PRODUCT_SPEEDUP = 16
# eigvals (svd) of 1000x1000 in float32: 0.23 s (0.20), complex64 0.47 (0.46), float64 0.50 (0.39),
# complex128 1.10 (0.98): the work counts the first tensor's element size / 4 times over.
MAX_DTYPE_WEIGHT = 4
# Matrix products are fast in float32 only: 1e9 multiply-adds took 0.08 s in float32, 0.18 float64, 0.25
# int32, 0.31 complex64, 0.66 complex128, 1.42 bfloat16, 1.67 float16 and 3.5 s in int64 (one thread, red
# team, session 31; torch.arange makes int64). A product at the element limits (2236 x 2236 @ 2236 x 2236,
# 1.1e10 multiply-adds) ran past the hard stop in int64 and float16, 5.0 s in complex128: a product with
# an operand of a dtype below counts its multiply-adds that many times over (PRODUCT_SPEEDUP of them a
# unit, as a float32 product's would); float32, float64 and the small ints stay with the element limits
# (2 s at most). A convolution or contraction counts HALF_WEIGHT / INT64_WEIGHT too (float16 conv:
# 1.7-2.2 ns a multiply-add against float32's 0.06-0.16).
HALF_WEIGHT = 20
INT64_WEIGHT = 48
PRODUCT_DTYPE_WEIGHT = {torch.float16: HALF_WEIGHT, torch.bfloat16: HALF_WEIGHT, torch.int64: INT64_WEIGHT,
                        torch.complex128: 8, torch.complex64: 4, torch.int32: 4}
HALF_DTYPES = frozenset({torch.float16, torch.bfloat16})
_TENSOR, _F16, _BF16, _F32 = torch.Tensor, torch.float16, torch.bfloat16, torch.float32


def dtype_weight(tensor: torch.Tensor) -> int:
    """How many times over a call's work counts for its first tensor's dtype."""
    dtype = tensor.dtype
    if dtype in HALF_DTYPES:
        return HALF_WEIGHT
    if dtype is torch.int64:
        return INT64_WEIGHT
    return min(MAX_DTYPE_WEIGHT, max(1, tensor.element_size() // 4))


def _product_weight(value: Any) -> int:
    """PRODUCT_DTYPE_WEIGHT of a tensor (or of a list of them: multi_dot), 0 for the dtypes left alone."""
    if isinstance(value, torch.Tensor):
        return PRODUCT_DTYPE_WEIGHT.get(value.dtype, 0)
    if type(value) in (list, tuple):
        return max((_product_weight(item) for item in value if isinstance(item, torch.Tensor)), default=0)
    return 0
# matrix_exp squares once per doubling of the matrix's norm: 0.34 s for a 1000x1000 randn, 1.48 s for
# the same times 1e30 (the most a float32 norm allows costs ~4x the plain one).
MATRIX_EXP_WEIGHT = 4
# A dual tensor's matrix_exp (forward AD, lang/forward_ad.py) takes the exponential of the 2n x 2n
# block [[A, T], [0, A]]: (2n)^3 = 8 n^3, not the 2 n^3 the level's two rows count (396 x 396:
# 0.034 s plain, 0.34 s dual here, one thread). Its tangent counts DUAL_MATRIX_EXP_WEIGHT more.
DUAL_MATRIX_EXP_WEIGHT = 4

_CUBIC = frozenset("""det logdet slogdet inverse pinverse matrix_exp cholesky svd qr lu
    linalg.eig linalg.eigvals linalg.eigh linalg.eigvalsh linalg.det linalg.slogdet linalg.inv
    linalg.pinv linalg.svd linalg.svdvals linalg.qr linalg.cholesky linalg.matrix_rank
    linalg.matrix_exp linalg.lu linalg.lu_factor linalg.cond""".split())
_SOLVE = frozenset({"linalg.solve", "linalg.lstsq", "linalg.solve_triangular", "linalg.lu_solve"})
_TENSOR_LINALG = frozenset({"linalg.tensorinv", "linalg.tensorsolve"})
_POWER = frozenset({"matrix_power", "linalg.matrix_power"})
_NORMS = frozenset({"norm", "linalg.norm", "linalg.matrix_norm"})
_BILINEAR = frozenset({"nn.functional.bilinear", "bilinear"})
_ADDBMM = "addbmm"
_INDEX_FILL = frozenset({"index_fill", "index_fill_"})
_BROADCAST_INSIDE = frozenset({"allclose", "dist", "cosine_similarity", "pairwise_distance"} | {
    f"nn.functional.{name}" for name in ("mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss", "kl_div",
                                         "cosine_similarity", "pairwise_distance")})
# An element of such an intermediate counts max_call_work / max_tensor_elements units (the default limits):
# the call is refused where a result of that many elements would be.
BROADCAST_INSIDE_WEIGHT = 200
# Matrix products: checked only with an operand of a dtype in PRODUCT_DTYPE_WEIGHT, their multiply-adds
# the result's elements times the contracted size, the last dimension of the factor at this position.
PRODUCTS = {"matmul": 0, "mm": 0, "bmm": 0, "inner": 0, "mv": 0, "dot": 0, "vdot": 0,
            "nn.functional.linear": 0, "addmm": 1, "baddbmm": 1, "addmv": 1, "addr": 1}
COSTLY = (_CUBIC | _SOLVE | _TENSOR_LINALG | _POWER | _NORMS | {"cdist", _ADDBMM} | _BILINEAR | _INDEX_FILL
          | _BROADCAST_INSIDE | LOOKUPS | frozenset(PRODUCTS))
# `x.norm()` and `torch.norm(u)` (a loop's gradient norm) cost nothing here: the planned sites keep
# their fast path for these and check only a call with more arguments (an ord or p: 'nuc', 2).
NORMS = _NORMS


# The backward work of one op of a graph that a Jacobian walks back once per row (engine/jacobian_loop_work,
# lang/func_running.py's jacrev): its overhead (~5 us) and 2 units per element (1e9 units ~0.5 s).
NODE_WORK = 10_000
BACKWARD_ELEMENT_WORK = 2


def node_work(elements: int) -> int:
    return BACKWARD_ELEMENT_WORK * elements + NODE_WORK


# The estimated work of every costly call checked so far in this process (engine/jacobian_loop_work.py
# reads how much one pass of a function took before running it once per row of a Jacobian).
WORK_SEEN = [0]
# matrix_exp calls checked so far in this process: a run that made none skips the walk of its graph
# before a backward (lang/matrix_exp_backward.py; Interpreter keeps the count it started from).
MATRIX_EXP_CALLS = [0]


def _shape_text(value: torch.Tensor) -> str:
    return "[" + ", ".join(str(int(n)) for n in value.shape) + "]"


def _cubic(value: Any) -> int | None:
    """batch * m * n * min(m, n) of a batch of m x n matrices, or None for no such tensor."""
    if not isinstance(value, torch.Tensor):
        return None
    shape = value.shape   # a torch.Size holds Python ints
    if len(shape) == 2:
        m, n = shape
        return m * n * (m if m < n else n)
    if len(shape) < 2:
        return None
    *batch, m, n = shape
    return math.prod(batch) * m * n * min(m, n)


def _batch(a: torch.Tensor, b: torch.Tensor, keep: int) -> int:
    """The broadcast batch of a's and b's dimensions before their last `keep` (2 for a matrix)."""
    left, right = tuple(a.shape[:-2]), tuple(b.shape[:-keep]) if b.dim() > keep else ()
    try:
        return math.prod(int(s) for s in torch.broadcast_shapes(left, right))
    except RuntimeError:   # PyTorch reports the mismatch itself; bound it by both batches
        return math.prod(int(s) for s in left) * math.prod(int(s) for s in right)


def _argument(args: list, kwargs: dict, index: int, *names: str) -> Any:
    if len(args) > index:
        return args[index]
    for name in names:
        if name in kwargs:
            return kwargs[name]
    return None


def _solve_work(args: list, kwargs: dict, b_index: int = 1) -> int | None:
    """solve/lstsq/solve_triangular(A, B); lu_solve(LU, pivots, B) counted as solve (b_index 2)."""
    a = _argument(args, kwargs, 0, "A", "input", "LU")
    b = _argument(args, kwargs, b_index, "B", "other")
    if not isinstance(a, torch.Tensor) or a.dim() < 2:
        return None
    m, n = int(a.shape[-2]), int(a.shape[-1])
    if not isinstance(b, torch.Tensor) or b.dim() == 0:
        return _cubic(a)
    columns = int(b.shape[-1]) if b.dim() >= 2 else 1
    if b.dim() >= 2 and kwargs.get("left", True) is not True:   # left=False (X A = B): B's rows
        columns = max(columns, int(b.shape[-2]))
    batch = _batch(a, b, 2 if b.dim() >= 2 else 1)
    return batch * (m * n * min(m, n) + m * n * columns)


def _tensor_linalg_work(op: str, args: list, kwargs: dict) -> int | None:
    """tensorinv(A, ind): the inverse of an (prod(shape[:ind]) x the rest) matrix; tensorsolve(A, B):
    the solve of A as a (B.numel() x the rest) matrix for one right-hand side (Python ints)."""
    a = _argument(args, kwargs, 0, "A", "input")
    if not isinstance(a, torch.Tensor):
        return None
    total = math.prod(int(s) for s in a.shape)
    if op == "linalg.tensorinv":
        ind = _argument(args, kwargs, 1, "ind")
        ind = 2 if ind is None else ind
        if type(ind) is not int or not 0 < ind <= a.dim():
            return None   # PyTorch's own error
        m = math.prod(int(s) for s in a.shape[:ind])
    else:
        b = _argument(args, kwargs, 1, "B", "other")
        if not isinstance(b, torch.Tensor):
            return None
        m = math.prod(int(s) for s in b.shape)
    n = total // m if m else 0
    return m * n * min(m, n) + m * n


def _norm_work(op: str, args: list, kwargs: dict) -> int | None:
    """The SVD of the matrix norms ord 2, -2 and 'nuc' (torch.norm: only p='nuc')."""
    x = _argument(args, kwargs, 0, "input", "A")
    order = _argument(args, kwargs, 1, "p" if op == "norm" else "ord")
    if not isinstance(x, torch.Tensor) or x.dim() < 2:
        return None
    if order != "nuc" and (op == "norm" or type(order) not in (int, float) or abs(order) != 2):
        return None
    dim = _argument(args, kwargs, 2, "dim")
    if dim is None:
        if op == "linalg.norm" and x.dim() != 2:
            return None   # a vector norm or PyTorch's error
        dim = (-2, -1)
    if not isinstance(dim, (tuple, list)) or len(dim) != 2 or not all(type(d) is int for d in dim):
        return None
    try:
        m, n = int(x.shape[dim[0]]), int(x.shape[dim[1]])
    except IndexError:
        return None
    rest = math.prod(int(s) for s in x.shape) // max(1, m * n)
    return rest * m * n * min(m, n)


def _products(multiply_adds: int) -> int:
    """Work units of a matrix product's multiply-adds (PRODUCT_SPEEDUP of them per unit)."""
    return -(-multiply_adds // PRODUCT_SPEEDUP)


def _bilinear_work(args: list, kwargs: dict) -> int | None:
    """F.bilinear(x1, x2, W): every row of x1 times every (in1, in2) slice of W, for each output."""
    x, weight = _argument(args, kwargs, 0, "input1"), _argument(args, kwargs, 2, "weight")
    if not (isinstance(x, torch.Tensor) and isinstance(weight, torch.Tensor)) or x.dim() < 1:
        return None
    return _products(math.prod(int(s) for s in x.shape[:-1]) * math.prod(int(s) for s in weight.shape))


def _addbmm_work(args: list, kwargs: dict) -> int | None:
    """addbmm(M, batch1, batch2): the n x m result updated once per matrix of the batch (~0.5 ns an
    element: batch 200 of k = 1 into 2236 x 2236, 0.53 s here), plus batch * n * k * m multiply-adds."""
    first, second = _argument(args, kwargs, 1, "batch1"), _argument(args, kwargs, 2, "batch2")
    if not (isinstance(first, torch.Tensor) and isinstance(second, torch.Tensor)) or first.dim() != 3 \
            or second.dim() != 3:
        return None   # PyTorch's own error
    batch, n, k = (int(s) for s in first.shape)
    m = int(second.shape[-1])
    return batch * n * m + _products(batch * n * k * m)


def _broadcast_inside_work(args: list, kwargs: dict) -> int | None:
    """The intermediate of the first two tensors' broadcast, when it is larger than both (Python ints)."""
    tensors = [v for v in (*args, *kwargs.values()) if isinstance(v, torch.Tensor)][:2]
    if len(tensors) < 2:
        return None
    try:
        shape = torch.broadcast_shapes(tensors[0].shape, tensors[1].shape)
    except RuntimeError:
        return None   # PyTorch's own error
    elements = math.prod(int(s) for s in shape)
    if elements <= max(t.numel() for t in tensors):
        return None
    return elements * BROADCAST_INSIDE_WEIGHT


def _index_fill_work(args: list, kwargs: dict) -> int | None:
    """index_fill(x, dim, index, value): index.numel() slices of x along dim, each written whole."""
    x, dim, index = (_argument(args, kwargs, 0, "input"), _argument(args, kwargs, 1, "dim"),
                     _argument(args, kwargs, 2, "index"))
    if not (isinstance(x, torch.Tensor) and isinstance(index, torch.Tensor)) or type(dim) is not int:
        return None
    if x.dim() == 0:
        return index.numel()
    if not -x.dim() <= dim < x.dim():
        return None   # PyTorch's own error
    size = int(x.shape[dim])
    total = math.prod(int(s) for s in x.shape)
    return index.numel() * (total // size if size else 0)


def _power(args: list, kwargs: dict) -> tuple[int, int] | None:
    """(work, exponent) of matrix_power."""
    a, k = _argument(args, kwargs, 0, "A", "input"), _argument(args, kwargs, 1, "n")
    if type(k) is bool or type(k) is not int or not isinstance(a, torch.Tensor) or a.dim() < 2:
        return None
    side = int(a.shape[-1])
    cube = math.prod(int(s) for s in a.shape[:-2]) * side ** 3
    magnitude = abs(k)
    products = max(0, magnitude.bit_length() - 1) + max(0, bin(magnitude).count("1") - 1)
    return _products(products * cube) + (cube if k < 0 else 0), k


def _cdist_work(args: list, kwargs: dict) -> int | None:
    x, y = _argument(args, kwargs, 0, "x1"), _argument(args, kwargs, 1, "x2")
    if not (isinstance(x, torch.Tensor) and isinstance(y, torch.Tensor)) or x.dim() < 2 or y.dim() < 2:
        return None
    p = _argument(args, kwargs, 2, "p")
    weight = 1 if p is None or (type(p) in (int, float) and p == 2) else CDIST_POW_WEIGHT
    batch = _batch(x, y, 2)
    return weight * batch * int(x.shape[-2]) * int(y.shape[-2]) * int(x.shape[-1])


def _dual(value: Any) -> bool:
    """A tensor with a forward-AD tangent (only inside a dual level)."""
    import torch.autograd.forward_ad as fwAD
    if fwAD._current_level < 0 or not isinstance(value, torch.Tensor):
        return False
    return fwAD.unpack_dual(value).tangent is not None


# `a @ b` with a batched b: torch runs one small product per matrix of the broadcast batch (a matrix times
# each of a batch of vectors: 1.4-1.9 ns a multiply-add here, one thread, against ~0.05 for one big product)
# and copies an operand whose broadcast batch cannot be a view (red team, session 33: a (790, 790) matrix
# @ a (6329, 790, 1) batch ran 7.5 s in one call; (200, 1, 1, 2236) @ (1, 200, 2236, 1) copied both to
# 89M elements, 686 MB, for a 40,000-element result). A product whose matrices are at least
# SMALL_PRODUCT by SMALL_PRODUCT runs at the matrix product's speed (left to the element limits).
SMALL_PRODUCT = 16
BATCHED_PRODUCT_UNITS = 4


def batched_product_work(a: Any, b: Any) -> int:
    """Units of `a @ b` for a batched b (0 for the others): BATCHED_PRODUCT_UNITS a multiply-add when
    the matrices of the batch are small, plus BROADCAST_INSIDE_WEIGHT an element of a broadcast copy."""
    if not isinstance(a, torch.Tensor) or not isinstance(b, torch.Tensor) or a.dim() < 2 or b.dim() < 3:
        return 0   # b a matrix: torch folds a's batch into one product; a a vector: b's elements bound it
    (n, k), m = a.shape[-2:], int(b.shape[-1])
    try:
        batch = tuple(torch.broadcast_shapes(tuple(a.shape[:-2]), tuple(b.shape[:-2])))
    except RuntimeError:
        return 0   # PyTorch's own error
    count = math.prod(batch)
    work = count * n * k * m * BATCHED_PRODUCT_UNITS if min(n, m) < SMALL_PRODUCT else 0
    for operand in (a, b):
        if operand.dim() > 2 and tuple(operand.shape[:-2]) != batch:
            rows, columns = operand.shape[-2:]
            try:
                meta = torch.empty(operand.shape, device="meta").expand(*batch, rows, columns)
                copied = not meta.reshape(count, rows, columns)._is_view()
            except RuntimeError:
                return 0
            work += count * rows * columns * BROADCAST_INSIDE_WEIGHT if copied else 0
    return work


def product_work(op: str, args: list, kwargs: dict) -> int | None:
    """The work of a matrix product (op in PRODUCTS) with an operand of a dtype in PRODUCT_DTYPE_WEIGHT,
    None for the others (left to the element limits) or where PyTorch refuses the shapes itself."""
    values = (*args, *kwargs.values()) if kwargs else args
    weight = max((_product_weight(v) for v in values), default=0)
    if not weight:
        return None
    from autogradlab.lang.meta_copies import meta_copy
    if args and type(args[0]) in (list, tuple):   # multi_dot([a, b, c])
        factors = list(args[0])
        if not all(isinstance(t, torch.Tensor) and t.dim() == 2 for t in factors):
            return None
        macs = 0
        rows_ = int(factors[0].shape[0]) if factors else 0   # left to right: an upper bound of any order
        for t in factors[1:]:
            macs += rows_ * int(t.shape[0]) * int(t.shape[1])
        return -(-macs * weight // PRODUCT_SPEEDUP)
    first = _argument(args, kwargs, PRODUCTS.get(op, 0))
    if not isinstance(first, torch.Tensor):
        return None
    fn = torch.nn.functional.linear if op == "nn.functional.linear" else getattr(torch, op, None)
    try:
        result = fn(*meta_copy(list(args)), **{name: meta_copy(value) for name, value in kwargs.items()})
    except Exception:  # noqa: BLE001 - PyTorch's own error, at once, from the real call
        return None
    contracted = int(first.shape[-1]) if first.dim() else 1
    macs = math.prod(int(n) for n in result.shape) * contracted
    return -(-macs * weight // PRODUCT_SPEEDUP)


def check_work(limit: int, op: str, args: list, kwargs: dict, rows: int = 1) -> None:
    """Refuse the call `op(*args, **kwargs)` (op in COSTLY) whose estimated work exceeds `limit`;
    `rows` > 1 under a vmap batch (jacobian's forward mode), where the shapes show one row."""
    if op in PRODUCTS:   # float32 (most products): nothing to check, one dtype look per tensor
        if op == "matmul" and len(args) == 2 and not kwargs:
            work = batched_product_work(args[0], args[1]) * rows
            WORK_SEEN[0] += work
            if work > limit:
                _refuse(limit, op, args, kwargs, work)
        if not kwargs:
            for value in args:
                if type(value) is not _TENSOR or value.dtype is not _F32:
                    break
            else:
                return
        work = product_work(op, args, kwargs)
        if work is not None:
            WORK_SEEN[0] += work * rows
            if work * rows > limit:
                _refuse(limit, op, args, kwargs, work * rows)
        return
    if op.endswith("matrix_exp"):
        MATRIX_EXP_CALLS[0] += 1
        if _dual(args[0] if args else _argument(args, kwargs, 0, "A", "input")):
            rows *= DUAL_MATRIX_EXP_WEIGHT
    if op in _CUBIC and args and not kwargs:   # the common case first: x.det(), torch.linalg.inv(a)
        work = _cubic(args[0])
        if work is None or work * rows * MATRIX_EXP_WEIGHT * MAX_DTYPE_WEIGHT <= limit:
            WORK_SEEN[0] += (work or 0) * rows
            return
    first = next((v for v in (*args, *kwargs.values()) if isinstance(v, torch.Tensor)), None)
    if first is not None:   # float64 and complex64 take twice as long, complex128 four times
        rows *= dtype_weight(first)
    if op in _POWER:
        power = _power(args, kwargs)
        WORK_SEEN[0] += power[0] * rows if power is not None else 0
        if power is not None and power[0] * rows > limit:
            work, exponent = power[0] * rows, power[1]
            raise LimitExceeded(
                f"{op} of shape {_shape_text(args[0])} to the power {_int_label(exponent)} would take about "
                f"{work:,} arithmetic steps in one call; the limit is {limit:,} per call",
                hint="use a smaller matrix or exponent (limit max_call_work)")
        return
    if op in _CUBIC:
        work = _cubic(args[0] if args else _argument(args, kwargs, 0, "A", "input"))
        if work is not None and op.endswith("matrix_exp"):
            work *= MATRIX_EXP_WEIGHT
    elif op in _SOLVE:
        work = _solve_work(args, kwargs, 2 if op == "linalg.lu_solve" else 1)
    elif op in _TENSOR_LINALG:
        work = _tensor_linalg_work(op, args, kwargs)
    elif op in _NORMS:
        work = _norm_work(op, args, kwargs)
    elif op in _BILINEAR:
        work = _bilinear_work(args, kwargs)
    elif op == _ADDBMM:
        work = _addbmm_work(args, kwargs)
    elif op in _INDEX_FILL:
        work = _index_fill_work(args, kwargs)
    elif op in _BROADCAST_INSIDE:
        work = _broadcast_inside_work(args, kwargs)
    elif op in LOOKUPS:   # searchsorted, isin, diff(n=...): lookup_work.py
        work = lookup_work(op, args, kwargs)
    else:
        work = _cdist_work(args, kwargs)
    WORK_SEEN[0] += (work or 0) * rows
    if work is None or work * rows <= limit:
        return
    _refuse(limit, op, args, kwargs, work * rows)


def _refuse(limit: int, op: str, args: list, kwargs: dict, work: int) -> None:
    tensors = [v for v in (*args, *kwargs.values()) if isinstance(v, torch.Tensor)][:3]
    raise LimitExceeded(
        f"{op} of shape {', '.join(_shape_text(t) for t in tensors)} would take about {work:,} arithmetic "
        f"steps in one call; the limit is {limit:,} per call",
        hint="use smaller tensors (limit max_call_work)")
