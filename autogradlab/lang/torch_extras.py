"""torch.* spellings beginner tutorials use that are other allowlisted calls underneath.

- `torch.empty(3, 4)` / `torch.empty_like(x)`: the first cell of PyTorch's "Tensors" tutorials. Real
  `empty` hands out uninitialised memory (security.md: no leaks), so here the new tensor is filled
  with zeros: it is torch.zeros / torch.zeros_like under the name the program wrote, with their
  size checks. (What `empty` shows in plain PyTorch is arbitrary; zeros is one of its outcomes.)
- `torch.set_grad_enabled(False)` as a call, `torch.set_default_tensor_type(...)`: process_switches.py.
- `torch.matrix_rank(A)`, `torch.eig(A, eigenvectors=True)`, `torch.symeig`, `torch.solve`, `torch.lstsq`
  (pre-1.9 lessons, corleytd's 张量的线性代数运算): removed from PyTorch, whose call raises a RuntimeError
  naming torch.linalg's replacement; here the same kind of error (catchable as in PyTorch), nothing runs.
- `torch.sin_(b)`: the in-place function spelling of `b.sin_()`, for the allowlisted in-place
  tensor methods only (the method path records it and checks autograd's in-place rules).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramTypeError
from autogradlab.lang import allowlist as al
from autogradlab.lang.calls import call_function
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

ZERO_FILLED = {"empty": "zeros", "empty_like": "zeros_like"}
REMOVED = {"matrix_rank": "torch.linalg.matrix_rank", "eig": "torch.linalg.eig",
           "symeig": "torch.linalg.eigh",
           "solve": "torch.linalg.solve", "lstsq": "torch.linalg.lstsq"}


def _removed(name: str, replacement: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang.operators import python_error
        raise python_error(RuntimeError("This function was deprecated since version 1.9 and is now removed. "
                                        f"Please use the `{replacement}` function instead."))
    return SafeFunction(f"torch.{name}", impl)


def _zero_filled(name: str, target: str) -> SafeFunction:
    fn, spec = getattr(torch, target), al.TORCH_FUNCTIONS[target]

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        return call_function(interp, f"torch.{name}", fn, spec, args, kwargs, node)
    return SafeFunction(f"torch.{name}", impl)


def _in_place_function(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang.attributes import call_method
        if not args or not isinstance(args[0], torch.Tensor):
            found = type(args[0]).__name__ if args else "nothing"
            raise ProgramTypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {found}")
        return call_method(interp, args[0], name, list(args[1:]), kwargs, node)
    return SafeFunction(f"torch.{name}", impl)


def in_place_function_names() -> list[str]:
    """torch.X_ that exist in the installed torch and are allowlisted as tensor methods."""
    return sorted(name for name in al.TENSOR_METHODS
                  if name.endswith("_") and not name.startswith("_") and callable(getattr(torch, name, None)))


def torch_extra_members() -> dict[str, SafeFunction]:
    from autogradlab.lang.process_switches import switch_members
    return {**{name: _zero_filled(name, target) for name, target in ZERO_FILLED.items()},
            **{name: _in_place_function(name) for name in in_place_function_names()},
            **{name: _removed(name, replacement) for name, replacement in REMOVED.items()},
            **switch_members()}   # torch.set_grad_enabled(False) as a call, set_default_tensor_type
