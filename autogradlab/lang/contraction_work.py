"""The intermediates of a contraction of three or more tensors, checked before the call.

`torch.einsum('ab,cd,bd->ac', A, B, C)` contracts its operands a pair at a time, left to right here
(opt_einsum is not installed, so torch.einsum passes no path; were it enabled, torch would pass the
path opt_einsum.contract_path finds, and the meta run below would follow that path the same way).
A and B first make an outer product of a*b*c*d elements that the output-only size check never sees,
and `torch.linalg.multi_dot` multiplies its matrices in an order of its own. So before such a call
the call runs on meta copies of its operands (shapes without memory) under a dispatch mode that sees
every op of torch's own decomposition: the largest op result (views aside) is checked against
max_tensor_elements, and the work against max_call_work: a product's (bmm, mm) multiply-adds count
1/PRODUCT_SPEEDUP of a unit each as in call_work, any other op its result's elements, a view none;
times the first operand's element size / 4. Two operands are left to the element limits as a matrix
product is (call_work.py): their one product has no intermediate (int64, float16, complex ones are
counted, 4-48x slower: call_work.PRODUCT_DTYPE_WEIGHT, from the shapes; tensordot only then). A meta run
that fails on a user error (shapes) counts what ran before the failing op, as the real call stops there
too; an op without a meta kernel is bounded by the product of the operands' sizes (fail closed). Answers are
kept per shapes (a loop's einsum pays the meta run once). A refusal is a LimitExceeded: `try/except`
does not catch it.
"""

from __future__ import annotations

import math
from typing import Any

import torch
from torch.utils._python_dispatch import TorchDispatchMode

from autogradlab.errors import LimitExceeded
from autogradlab.lang import sizes as size_checks
from autogradlab.lang.call_work import PRODUCT_DTYPE_WEIGHT, PRODUCT_SPEEDUP, dtype_weight
from autogradlab.lang.conv_work import CONVOLUTIONS, check_convolution
from autogradlab.lang.meta_copies import meta_copy, shape_key

# torch.chain_matmul(a, b, c) is linalg.multi_dot([a, b, c]) in ATen (the same order of products)
_CHAINS = frozenset({"linalg.multi_dot", "chain_matmul"})
CONTRACTIONS = frozenset({"einsum", "tensordot"}) | _CHAINS
# torch.trapezoid(y, x) (and trapz, cumulative_trapezoid) broadcasts x's differences against y's pairs: y of
# (2000, 1, n) and x of (1, 2000, n) make 4,000,000 * (n - 1) products for a 2000 x 2000 result
TRAPEZOIDS = frozenset({"trapezoid", "trapz", "cumulative_trapezoid"})
CONTRACTIONS = CONTRACTIONS | TRAPEZOIDS
CONTRACTIONS = CONTRACTIONS | CONVOLUTIONS   # convolutions and pooling: conv_work.py
_KEPT = 1_024   # measured shapes remembered per process
# torch.linalg.multi_dot orders its n matrices by a search of ~n^3 steps, on the meta copies in Python: 3,000
# 2 x 2 matrices ran > 60 s in this check, 2,000 of 300 x 300 6.7 s before the work refusal (red team,
# session 34); np.linalg.multi_dot takes at most 64 arrays here too
MAX_CHAIN = 64
_measured: dict[tuple, tuple[int, int]] = {}
_PRODUCTS = {"bmm", "mm", "matmul", "baddbmm", "addmm"}
_ALIASES = {"_unsafe_view", "alias"}   # views that the op schema does not mark as views


class _Measure(TorchDispatchMode):
    """The largest result and the multiply-adds of the ops run under it (meta tensors only)."""

    def __init__(self) -> None:
        super().__init__()
        self.largest = 0
        self.multiply_adds = 0   # of the products
        self.elements = 0   # results of every other op

    def __torch_dispatch__(self, func: Any, types: Any, args: tuple = (), kwargs: dict | None = None) -> Any:
        result = func(*args, **(kwargs or {}))
        outputs = result if isinstance(result, (tuple, list)) else (result,)
        if func.is_view or func.overloadpacket.__name__ in _ALIASES:   # a view (permute, expand, a
            # reshape that needs no copy) allocates and computes nothing
            return result
        for out in outputs:
            if isinstance(out, torch.Tensor):
                count = math.prod(out.shape)
                self.largest = max(self.largest, count)
                tensors = [a for a in args if isinstance(a, torch.Tensor) and a.dim() >= 2]
                if func.overloadpacket.__name__ in _PRODUCTS and tensors:
                    inner = int(tensors[-1].shape[-2])   # the summed extent of (.., n, m) @ (.., m, p)
                    self.multiply_adds += count * inner
                else:
                    self.elements += count
        return result


def _tensors(args: list, kwargs: dict) -> list[torch.Tensor]:
    found: list[torch.Tensor] = []
    for value in (*args, *kwargs.values()):
        if isinstance(value, torch.Tensor):
            found.append(value)
        elif isinstance(value, (list, tuple)):
            found.extend(v for v in value if isinstance(v, torch.Tensor))
    return found


def _plain_key(op: str, args: list) -> tuple | None:
    """The key of `einsum(equation, *tensors)` (a loop's call, ~1 us), or None for any other form.
    torch.backends.opt_einsum.enabled is no part of it: programs cannot set it (not allowlisted)."""
    parts: list = [op]
    for value in args:
        kind = type(value)
        if kind is torch.Tensor:
            parts.append(value.shape)
            parts.append(value.dtype)
        elif kind is str:
            parts.append(value)
        else:
            return None
    return tuple(parts)


def _bound(mode: _Measure, args: list, kwargs: dict) -> None:
    bound = math.prod(max(1, math.prod(t.shape)) for t in _tensors(args, kwargs))
    mode.largest, mode.elements = max(mode.largest, bound), mode.elements + bound


def measure(fn: Any, op: str, args: list, kwargs: dict) -> tuple[int, int]:
    """(largest intermediate, work units) of fn(*args, **kwargs) run on meta copies."""
    key = _plain_key(op, args) if not kwargs else None
    if key is None:   # a list of operands, the sublist form, keywords
        named = tuple(sorted((name, shape_key(value)) for name, value in kwargs.items()))
        key = (op, tuple(shape_key(a) for a in args), named)
    known = _measured.get(key)
    if known is not None:
        return known
    mode = _Measure()
    try:
        with torch.no_grad(), mode:
            fn(*meta_copy(list(args)), **{name: meta_copy(value) for name, value in kwargs.items()})
    except NotImplementedError:   # no meta kernel: the real call might go on; bound it (fail closed)
        _bound(mode, args, kwargs)
    except (RuntimeError, ValueError, IndexError):   # PyTorch's error (shapes): the real call stops at
        pass   # the same op and reports it; what ran before it is measured
    except Exception:  # noqa: BLE001 - anything else: bound it (fail closed)
        _bound(mode, args, kwargs)
    answer = (mode.largest, -(-mode.multiply_adds // PRODUCT_SPEEDUP) + mode.elements)
    if len(_measured) < _KEPT:
        _measured[key] = answer
    return answer


def _shapes(tensors: list[torch.Tensor]) -> str:
    return ", ".join("[" + ", ".join(str(int(n)) for n in t.shape) + "]" for t in tensors[:4])


def check_contraction(sizes: Any, op: str, fn: Any, args: list, kwargs: dict) -> None:
    """Refuse an einsum / multi_dot of three or more tensors whose largest intermediate is above
    max_tensor_elements or whose products are above max_call_work (`sizes`: the run's SizeGuard)."""
    if op in CONVOLUTIONS:
        check_convolution(sizes, op, fn, args, kwargs)
        return
    tensors = _tensors(args, kwargs)
    if op in _CHAINS and len(tensors) > MAX_CHAIN:
        count = len(tensors)
        raise LimitExceeded(f"`torch.{op}` of {count:,} matrices would take about {count ** 3:,} "
                            f"steps to choose the order of its products; the limit is {MAX_CHAIN:,} matrices",
                            hint="multiply fewer matrices in one call, e.g. in a loop with @")
    if len(tensors) < (2 if op in TRAPEZOIDS else 3):
        weight = max((PRODUCT_DTYPE_WEIGHT.get(t.dtype, 0) for t in tensors), default=0)
        if not weight:
            return   # (two int64 or float16 operands: their one product is slow enough to count)
        macs = _pair_macs(op, args, kwargs)
        if macs is not None:   # from the shapes, without the meta run (its first use imports torch._dynamo)
            _refuse_work(sizes, op, tensors, -(-macs * weight // PRODUCT_SPEEDUP) * sizes.work_rows)
            return
    if not size_checks._warmed_up:   # the meta kernels load once per process (sizes.warm_up)
        sizes.warm_up_s += size_checks.warm_up()
    largest, work = measure(fn, op, args, kwargs)
    rows = sizes.work_rows
    largest *= rows
    limits = sizes.limits
    if largest > limits.max_tensor_elements:
        shape = _shapes(tensors)
        raise LimitExceeded(
            f"{op} of shape {shape} would hold an intermediate result of {largest:,} elements; the limit "
            f"is {limits.max_tensor_elements:,}",
            hint="use smaller sizes (limit max_tensor_elements)" if op in TRAPEZOIDS
            else "contract fewer or smaller tensors at a time (limit max_tensor_elements)")
    work *= rows * dtype_weight(tensors[0])
    _refuse_work(sizes, op, tensors, work)


def _refuse_work(sizes: Any, op: str, tensors: list[torch.Tensor], work: int) -> None:
    limits = sizes.limits
    if work > limits.max_call_work:
        shape = _shapes(tensors)
        raise LimitExceeded(
            f"{op} of shape {shape} would take about {work:,} arithmetic steps in one call; the limit is "
            f"{limits.max_call_work:,} per call",
            hint="use smaller tensors (limit max_call_work)")


def _pair_macs(op: str, args: list, kwargs: dict) -> int | None:
    """The multiply-adds of an einsum or tensordot of two tensors, from the shapes: einsum's loop nest
    (each index letter's size once), tensordot's free sizes times its contracted ones; None for the
    forms not read here (the meta run measures those)."""
    if op == "einsum" and not kwargs and len(args) == 3 and isinstance(args[0], str):
        inputs = args[0].replace(" ", "").split("->")[0].split(",")
        if len(inputs) != 2 or "." in args[0]:
            return None
        letters: dict[str, int] = {}
        for names, tensor in zip(inputs, args[1:], strict=True):
            if not isinstance(tensor, torch.Tensor) or len(names) != tensor.dim():
                return None   # PyTorch's own error
            for name, size in zip(names, tensor.shape, strict=True):
                letters[name] = max(letters.get(name, 1), int(size))
        return math.prod(letters.values())
    if op == "tensordot" and len(args) >= 2 and all(isinstance(t, torch.Tensor) for t in args[:2]):
        a, b = args[0], args[1]
        dims = args[2] if len(args) > 2 else kwargs.get("dims", 2)
        if type(dims) is int and 0 <= dims <= a.dim():
            contracted = math.prod(int(n) for n in a.shape[a.dim() - dims:])
        elif type(dims) in (list, tuple) and len(dims) == 2 and all(
                type(d) in (list, tuple) and all(type(i) is int for i in d) for d in dims):
            try:
                contracted = math.prod(int(a.shape[i]) for i in dims[0])
            except IndexError:
                return None
        else:
            return None
        return math.prod(int(n) for n in a.shape) * math.prod(int(n) for n in b.shape) // max(1, contracted)
    return None
