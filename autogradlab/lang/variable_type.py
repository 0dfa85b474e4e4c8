"""`from torch.autograd import Variable` (PyTorch before 0.4; MorvanZhou's tutorials, the old 60 Minute
Blitz and many Chinese notes still write it): `Variable(x, requires_grad=True)`.

In today's PyTorch Variable(x, requires_grad=r) is a new leaf sharing x's data: x.detach(), then
requires_grad_(r). It runs here as exactly those two allowlisted tensor methods (their size checks and
recording), so it reaches nothing a program could not already write. `volatile=` is accepted and ignored,
as PyTorch does (with a warning). `isinstance(x, Variable)` is True for every tensor, as in PyTorch.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.safe_values import SafeType, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_PARAMETERS = ("data", "requires_grad", "volatile")


def _variable(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> torch.Tensor:
    from autogradlab.lang import allowlist as al
    from autogradlab.lang.call_arguments import require_data
    from autogradlab.lang.calls import call_method
    for value in [*args, *kwargs.values()]:
        require_data(value, "in `Variable(...)`")   # a function, generator or object: the usual refusal
    for name in kwargs:
        if name not in _PARAMETERS:
            raise ProgramTypeError(f"'{name}' is an invalid keyword argument for this function")
    if len(args) > len(_PARAMETERS):
        raise NotSupported("`Variable(...)` takes at most (data, requires_grad, volatile) in Autograd Lab",
                           hint="write Variable(x, requires_grad=True), or today's x.requires_grad_()")
    given = dict(zip(_PARAMETERS, args, strict=False))
    for name, value in kwargs.items():
        if name in given:
            raise ProgramTypeError(f"argument '{name}' given by name and position")
        given[name] = value
    data = given.get("data")
    if data is None:
        data = torch.zeros(0)   # Variable() is tensor([])
    elif not isinstance(data, torch.Tensor):
        raise ProgramTypeError(f"Variable data has to be a tensor, but got {type_text(data)}")
    requires_grad = given.get("requires_grad", False)
    if not isinstance(requires_grad, bool):
        raise ProgramTypeError(f"Variable's requires_grad must be True or False, not "
                               f"{type_text(requires_grad)}")
    made = call_method(interp, data, "detach", al.TENSOR_METHODS["detach"], [], {}, node)
    if requires_grad:
        made = call_method(interp, made, "requires_grad_", al.TENSOR_METHODS["requires_grad_"], [True], {},
                           node)
    return made


def variable_type() -> SafeType:
    """The value `Variable` names: prints as PyTorch's class, calls as above, works in isinstance."""
    return SafeType("torch.autograd.variable.Variable", torch.autograd.Variable, _variable)


def variable_members() -> dict[str, Any]:
    return {"Variable": variable_type()}
