"""`loss.backward()` without arguments, straight into torch's autograd engine (issue 9).

Tensor.backward -> torch.autograd.backward -> _make_grads are three layers of Python (a dozen
checks, an import, tuples) around one call of the C++ engine: for the tiny graph of a Newton step
they cost a third as much as the backward itself. For the common case they come to one thing:
a seed gradient of ones like the tensor. So when the tensor is a plain torch.Tensor that requires
grad, holds one real floating-point element and sees no __torch_function__ override nor functorch
transform, this builds that seed as _make_grads does and calls the engine as torch.autograd.backward
does (retain_graph=False, create_graph=False, no inputs). Every other call (a gradient or any other
argument, a non-scalar, a tensor without grad, an integer or complex one, a subclass or a nested
tensor, or while torch.autograd.backward is replaced: jacobian_dydx.retained_graphs keeps every
graph of a rerun that way) goes through Tensor.backward itself, so its checks and error messages
stay PyTorch's. Errors the engine raises (a graph already freed, an in-place change of a saved
tensor) are the engine's in both paths.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

_C = torch._C
_engine_run_backward: Any = getattr(getattr(torch.autograd, "graph", None), "_engine_run_backward", None)
_functorch_active: Any = getattr(_C, "_are_functorch_transforms_active", None)
_has_torch_function_unary: Any = getattr(_C, "_has_torch_function_unary", None)
_DIRECT = None not in (_engine_run_backward, _functorch_active, _has_torch_function_unary)
_TENSOR = torch.Tensor
_PRESERVE = torch.preserve_format
_autograd = torch.autograd
_TORCH_BACKWARD = _autograd.backward           # replaced while a run keeps its graphs
_TENSOR_BACKWARD = _TENSOR.backward            # (jacobian_dydx.retained_graphs): then no direct call


def backward_call(tensor: torch.Tensor, args: list, kwargs: dict) -> Callable[[], Any]:
    """What `tensor.backward(*args, **kwargs)` runs: the direct engine call when it is the same."""
    if args or kwargs or not _DIRECT:
        return lambda: tensor.backward(*args, **kwargs)
    return lambda: scalar_backward(tensor)


def seeds_ones(tensor: Any) -> bool:
    """tensor.backward() would only seed ones and call the engine (see the module's text)."""
    return (_DIRECT and type(tensor) is _TENSOR and _autograd.backward is _TORCH_BACKWARD
            and _TENSOR.backward is _TENSOR_BACKWARD and tensor.requires_grad and not tensor.is_nested
            and tensor.dtype.is_floating_point and tensor.numel() == 1
            and not _has_torch_function_unary(tensor) and not _functorch_active())


def scalar_backward(tensor: torch.Tensor) -> None:
    """tensor.backward(), the engine called directly when torch's wrappers would only seed ones."""
    if seeds_ones(tensor):
        seed = torch.ones_like(tensor, memory_format=_PRESERVE)
        _engine_run_backward((tensor,), (seed,), False, False, (),
                             allow_unreachable=True, accumulate_grad=True)
        return
    tensor.backward()
