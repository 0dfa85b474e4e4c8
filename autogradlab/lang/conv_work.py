"""Convolutions and pooling (torch.nn.functional.conv1d/2d/3d, conv_transpose1d/2d/3d, max/avg/adaptive
pooling), checked before the call.

`F.conv2d(x, w)` is one C call whose time the run's clock cannot interrupt, and its result's size
says little about its work: a 1-channel 300 x 300 image with a 31 x 31 kernel makes a 90,000-element
result from 86 million multiply-adds (0.6 s here, one thread), and without MKL-DNN (float64) PyTorch
first copies every window of the input into one buffer (im2col: batch x in-channels x kernel x output
positions elements; 1 x 1 x 200 x 200 with a 31 x 31 kernel in float64: 300 MB more at its peak, in
float32 nothing more, MKL-DNN's own way). So before the call it runs on meta copies of its tensors
(shapes without memory: the output's shape, or PyTorch's own error) and counts from that shape and
the call's weight, groups and kernel (no dispatch mode as in contraction_work.py: its first use in a
process imports torch._dynamo, 2.2 s here, which a fresh sandbox job would pay):
- a convolution's multiply-adds (output elements x in-channels per group x kernel elements), times
  16 / min(out-channels, 16) units each: measured here, one thread, float32 with MKL-DNN, ~0.03-0.05 ns
  a multiply-add with 16-64 out-channels, 0.3 ns with 3, 7 ns with 1 (a matrix-vector product per
  window); an eigvals unit (call_work.py) is ~0.25-0.5 ns, so the limit (max_call_work units) stays
  under ~0.5 s in each case; its im2col buffer, as an intermediate, against max_total_elements (all
  the program may hold at once: the buffer is one; counted whatever the dtype, fail closed);
- a transposed convolution's multiply-adds (input elements x out-channels per group x kernel elements,
  each input element scattered through the kernel), in the same units (measured here, one thread: 1-2.7
  ns a multiply-add with one out-channel, 0.04-0.35 ns with 16, 4.4 ns in float64), and its col2im
  columns (batch x input positions x out-channels x kernel elements) as the intermediate;
- a pooling op's window elements plus 8 per output element (the per-window overhead), 4 units each
  (max_pool2d: 3.9 ns a window element with 3 x 3 windows, 1.1 ns with 31 x 31);
times the first tensor's element size / 4 (float64: no MKL-DNN, 2-9x slower) and the vmap rows
(jacobian's forward mode). A meta run that fails on a user error (shapes, a kernel larger than the
input) counts nothing: the real call reports PyTorch's own error at once; an op without a meta
kernel is bounded by the product of its tensors' sizes (fail closed). Answers are kept per shapes
(a training loop's conv pays the meta run once).
"""

from __future__ import annotations

import math
from typing import Any

import torch

from autogradlab.errors import LimitExceeded
from autogradlab.lang import sizes as size_checks
from autogradlab.lang.call_work import WORK_SEEN, dtype_weight
from autogradlab.lang.meta_copies import meta_copy, shape_key

_F = "nn.functional."
CONVOLUTIONS = frozenset(_F + name for name in """conv1d conv2d conv3d conv_transpose1d conv_transpose2d
    conv_transpose3d max_pool1d max_pool2d max_pool3d
    avg_pool1d avg_pool2d avg_pool3d adaptive_avg_pool1d adaptive_avg_pool2d adaptive_max_pool1d
    adaptive_max_pool2d""".split())
CONV_MAC_UNITS = 16      # units a multiply-add with one out-channel (16 / min(out-channels, 16))
POOL_UNITS = 4           # units a window element of a pooling op
POOL_OUTPUT_OVERHEAD = 8  # window elements' worth of work per output element
_KEPT = 1_024            # measured shapes remembered per process
_measured: dict[tuple, tuple[int, int]] = {}


def _argument(args: list, kwargs: dict, index: int, name: str) -> Any:
    return args[index] if len(args) > index else kwargs.get(name)


def _window(op: str, args: list, kwargs: dict, out: torch.Tensor) -> int:
    """Input elements per output element of a pooling op (its kernel; an adaptive one's widest window)."""
    dims = int(op[-2])   # "nn.functional.max_pool2d" -> 2
    if "adaptive" in op:
        source = _argument(args, kwargs, 0, "input")
        inputs, sides = list(source.shape[-dims:]), list(out.shape[-dims:])
        return math.prod(-(-int(i) // max(1, int(o))) + 1 for i, o in zip(inputs, sides, strict=True))
    kernel = _argument(args, kwargs, 1, "kernel_size")
    if isinstance(kernel, (list, tuple)):
        sizes = [int(k) for k in kernel]
        return sizes[0] ** dims if len(sizes) == 1 else math.prod(sizes)
    return int(kernel) ** dims


def _counted(op: str, args: list, kwargs: dict, result: Any) -> tuple[int, int]:
    """(im2col buffer, work units) of a call whose meta run gave `result`."""
    out = result[0] if isinstance(result, (tuple, list)) else result   # (a pool's return_indices)
    count = math.prod(out.shape)
    if "conv_transpose" in op:   # each input element times a kernel per out-channel of its group
        weight, source = _argument(args, kwargs, 1, "weight"), _argument(args, kwargs, 0, "input")
        groups = _argument(args, kwargs, 6, "groups")
        groups = groups if type(groups) is int and groups > 0 else 1
        per_input = int(weight.shape[1]) * math.prod(int(s) for s in weight.shape[2:])
        inputs = math.prod(int(s) for s in source.shape)
        out_channels = max(1, int(weight.shape[1]) * groups)
        work = -(-inputs * per_input * CONV_MAC_UNITS // min(out_channels, CONV_MAC_UNITS))
        return inputs // max(1, int(weight.shape[0])) * per_input * groups, work   # col2im's columns
    if "conv" in op:
        weight = _argument(args, kwargs, 1, "weight")
        groups = _argument(args, kwargs, 6, "groups")
        groups = groups if type(groups) is int and groups > 0 else 1
        out_channels = max(1, int(weight.shape[0]))
        per_output = int(weight.shape[1]) * math.prod(int(s) for s in weight.shape[2:])
        work = -(-count * per_output * CONV_MAC_UNITS // min(out_channels, CONV_MAC_UNITS))
        return count // out_channels * per_output * groups, work
    return 0, POOL_UNITS * count * (_window(op, args, kwargs, out) + POOL_OUTPUT_OVERHEAD)


def measure(fn: Any, op: str, args: list, kwargs: dict) -> tuple[int, int]:
    """(largest intermediate, work units) of fn(*args, **kwargs) run on meta copies."""
    key = (op, tuple(shape_key(a) for a in args), tuple(sorted((n, shape_key(v)) for n, v in kwargs.items())))
    known = _measured.get(key)
    if known is not None:
        return known
    try:
        with torch.no_grad():
            result = fn(*meta_copy(list(args)), **{name: meta_copy(value) for name, value in kwargs.items()})
        answer = _counted(op, args, kwargs, result)
    except (RuntimeError, ValueError, IndexError, TypeError):   # PyTorch's own error (shapes, arguments):
        answer = (0, 0)   # the real call stops at the same check and reports it
    except Exception:  # noqa: BLE001 - anything else (no meta kernel): bound it by the operands (fail closed)
        bound = math.prod(max(1, math.prod(t.shape)) for t in _tensors(args, kwargs))
        answer = (bound, bound)
    if len(_measured) < _KEPT:
        _measured[key] = answer
    return answer


def _tensors(args: list, kwargs: dict) -> list[torch.Tensor]:
    return [v for v in (*args, *kwargs.values()) if isinstance(v, torch.Tensor)]


def _shapes(tensors: list[torch.Tensor]) -> str:
    return ", ".join("[" + ", ".join(str(int(n)) for n in t.shape) + "]" for t in tensors[:3])


def check_convolution(sizes: Any, op: str, fn: Any, args: list, kwargs: dict) -> None:
    """Refuse a convolution / pooling call whose im2col buffer is above max_tensor_elements or whose
    work is above max_call_work (`sizes`: the run's SizeGuard)."""
    tensors = _tensors(args, kwargs)
    if not tensors:
        return   # PyTorch's own error
    if not size_checks._warmed_up:   # the meta kernels load once per process (sizes.warm_up)
        sizes.warm_up_s += size_checks.warm_up()
    largest, work = measure(fn, op, args, kwargs)
    rows = sizes.work_rows
    limits = sizes.limits
    largest *= rows
    if largest > limits.max_total_elements:
        raise LimitExceeded(
            f"{op} of shape {_shapes(tensors)} would hold an intermediate result of {largest:,} elements; "
            f"the limit is {limits.max_total_elements:,}",
            hint="use a smaller input, kernel or batch (limit max_total_elements)")
    work *= rows * dtype_weight(tensors[0])
    WORK_SEEN[0] += work   # (engine/jacobian_loop_work.py: what one pass of a function costs)
    if work > limits.max_call_work:
        raise LimitExceeded(
            f"{op} of shape {_shapes(tensors)} would take about {work:,} arithmetic steps in one call; "
            f"the limit is {limits.max_call_work:,} per call",
            hint="use a smaller input, kernel or batch (limit max_call_work)")
