"""`out=` arguments: the result is computed as usual (sized before allocation), then written into
the program's existing tensor by PyTorch itself, which checks dtype and autograd as it always does.

PyTorch resizes an out tensor of the wrong shape (with a deprecation warning when it had elements), as
zhangxiang's tensor lesson shows (`torch.zeros((3, 3), out=torch.tensor([1]))`). The op writes every
element of its result into out, so the resize exposes no uninitialised memory; it is done for an out
tensor that owns its memory (not a view) after the result's size was counted. A
random out= tensor (random_into) still needs the requested shape.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError, ShapeMismatch
from autogradlab.lang.allowlist import CallSpec
from autogradlab.lang.calls import invoke, notify_memory, translate_torch_error

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

OUT_KINDS = ("op",)   # plain torch.* functions; random ones take out= too (random_into); creation-from-data
                      # and specials take none


def shape_text(shape: Any) -> str:
    return "[" + ", ".join(str(int(n)) for n in shape) + "]"


def call_with_out(interp: Interpreter, op: str, fn: Callable[..., Any], spec: CallSpec, args: list,
                  kwargs: dict, node: ast.AST) -> Any:
    kwargs = dict(kwargs)
    out = kwargs.pop("out")
    if spec.kind not in OUT_KINDS + ("random",):
        raise NotSupported(f"`torch.{op}` does not accept `out=` in Autograd Lab")
    if not isinstance(out, torch.Tensor):
        raise ProgramTypeError(f"{op}(): argument 'out' must be Tensor, not {type(out).__name__}")
    if spec.kind == "random":
        return random_into(interp, op, fn, args, kwargs, out, node)
    result = invoke(interp, op, fn, spec, args, kwargs, node)
    if not isinstance(result, torch.Tensor):
        raise NotSupported(f"`torch.{op}` does not accept `out=` in Autograd Lab")
    if tuple(result.shape) != tuple(out.shape):
        if not _resizable(out):
            raise ShapeMismatch(
                f"{op}(): the out= tensor has shape {shape_text(out.shape)} but the result has shape "
                f"{shape_text(result.shape)}; Autograd Lab does not resize out= tensors (PyTorch would "
                f"resize it and warn that this is deprecated)",
                hint="pass an out= tensor of the result's shape, or assign the result: y = torch.op(...)")
        interp.sizes.check_elements(result.numel(), op)   # out grows to the result's size
        interp.sizes.total_elements += result.numel()
    notify_memory(interp, "write", out)
    try:
        with warnings.catch_warnings():   # "An output with one or more elements was resized": stderr
            warnings.simplefilter("ignore")
            fn(*args, **kwargs, out=out)
    except Exception as exc:  # noqa: BLE001 - dtype casts, autograd: PyTorch's own message
        raise translate_torch_error(exc, op, args) from None
    interp.record_op(op, args, kwargs, out, node)
    return out


def _resizable(out: torch.Tensor) -> bool:
    """An out tensor PyTorch may resize here: its own memory, not a view (a leaf that requires grad: PyTorch
    refuses out= itself)."""
    return out._base is None and out.is_contiguous() and out.storage_offset() == 0 and \
        out.untyped_storage().nbytes() == out.numel() * out.element_size() and \
        not out._is_view()


def random_into(interp: Interpreter, op: str, fn: Callable[..., Any], args: list, kwargs: dict,
                out: torch.Tensor, node: ast.AST) -> torch.Tensor:
    """torch.rand(2, 2, out=c): the requested shape is worked out on the meta device (nothing is
    allocated) and must be out's shape; then PyTorch draws straight into out from the run's generator,
    so the numbers are the ones `c = torch.rand(2, 2, dtype=c.dtype)` would draw."""
    interp.sizes.predict(fn, args, kwargs, op, creation=True)
    shape = _requested_shape(op, args, kwargs)
    if shape is None:   # normal(mean, std, size), randperm(n), ...: the meta device says
        try:
            shape = fn(*args, **{**kwargs, "device": "meta"}).shape
        except Exception as exc:  # noqa: BLE001 - the program's own mistake, PyTorch's message
            raise translate_torch_error(exc, op, args) from None
    if tuple(shape) != tuple(out.shape):
        raise ShapeMismatch(
            f"{op}(): the out= tensor has shape {shape_text(out.shape)} but the result has shape "
            f"{shape_text(shape)}; Autograd Lab does not resize out= tensors (PyTorch would "
            f"resize it and warn that this is deprecated)",
            hint="pass an out= tensor of the result's shape, or assign the result: y = torch.op(...)")
    notify_memory(interp, "write", out)
    try:
        fn(*args, **kwargs, out=out, generator=interp.generator)
    except Exception as exc:  # noqa: BLE001 - dtype, autograd: PyTorch's own message
        raise translate_torch_error(exc, op, args) from None
    interp.record_op(op, args, kwargs, out, node)
    return out


def _requested_shape(op: str, args: list, kwargs: dict) -> tuple[int, ...] | None:
    """rand(2, 3) / randn((2, 3)) / randint(0, 10, (4,)): the size argument itself, when it is plain
    ints (no meta kernels to load for the lessons' spelling)."""
    if op in ("rand", "randn"):
        size = kwargs.get("size", args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args)
    elif op == "randint":
        size = kwargs.get("size", args[-1] if args else None)
    else:
        return None
    if isinstance(size, (tuple, list)) and all(type(n) is int for n in size):
        return tuple(size)
    return None
