"""`x.resize_(3, 8)` as the tensor tutorials show it (Atcold's NYU-DLSP20 01-tensor_tutorial, session 42).

PyTorch's resize_ hands out uninitialised memory when the new shape holds more elements than the
tensor's storage (security.md, "no information leaks"), so only a resize to at most as many elements as
a contiguous tensor already has runs here: each element the result shows is one the tensor held. A larger
one is refused by name (torch.zeros / x.reshape make new shapes without it); a tensor that requires grad
gets PyTorch's own error.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported
from autogradlab.lang.calls import translate_torch_error

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


HINT = "make the new tensor with torch.zeros(...) or change its shape with x.reshape(...)"


def _sizes(args: list) -> list[int] | None:
    if len(args) == 1 and isinstance(args[0], (torch.Size, tuple, list)):
        args = list(args[0])
    if all(type(a) is int for a in args):
        return list(args)
    return None


def tensor_resize(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict, node: ast.AST) -> Any:
    sizes = _sizes(args)
    if kwargs or sizes is None:
        raise NotSupported("Autograd Lab supports `x.resize_(sizes)` with int sizes only")
    if any(n < 0 for n in sizes):
        raise translate_torch_error(RuntimeError(f"Trying to create tensor with negative dimension "
                                                 f"{min(sizes)}: {sizes}"), "resize_", [])
    count = 1
    for n in sizes:   # Python ints: a product cannot overflow
        count *= n
    if tensor.requires_grad:
        raise translate_torch_error(RuntimeError("cannot resize variables that require grad"), "resize_", [])
    shown = ", ".join(map(str, sizes))
    if not tensor.is_contiguous():
        raise NotSupported(f"`x.resize_({shown})` of a tensor that is not contiguous (a transposed or "
                           "strided view) would read memory outside it; Autograd Lab resizes a contiguous "
                           "tensor only", hint=HINT)
    if count > tensor.numel():
        raise NotSupported(f"`x.resize_({shown})` would show memory the tensor never held ({count:,} "
                           f"elements from {tensor.numel():,}); Autograd Lab resizes a contiguous tensor "
                           "to at most as many elements as it has", hint=HINT)
    return tensor.resize_(sizes)
