"""`torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False)`: a leaf tensor that prints as
"Parameter containing:", as Raschka's LLMs-from-scratch ch. 3 builds its attention weights before any
nn.Module (issue 9, session 39). Only the constructor: PyTorch's own Parameter over the program's tensor,
sharing its memory (the engine is told, as for `.data`), a leaf whatever the tensor was; ops on it give
plain tensors, as in PyTorch. nn.Module models stay out of scope. torch.nn.Parameter itself is the class
(namespaces.PARAMETER_TYPE, session 40: it prints as PyTorch's, `type(p) is nn.Parameter`,
`isinstance(w, nn.Parameter)`), whose call is this constructor. Not inside torch.func's transforms (a
batched tensor would become a leaf outside the transform).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramTypeError
from autogradlab.lang.calls import notify_memory
from autogradlab.lang.guarded_calls import _torch_guarded
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _parameter(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    names = ("data", "requires_grad")
    if len(args) > 2 or set(kwargs) - set(names) or set(names[:len(args)]) & set(kwargs):
        raise ProgramTypeError("torch.nn.Parameter takes (data, requires_grad=True)")
    bound = {**dict(zip(names, args, strict=False)), **kwargs}
    data, requires_grad = bound.get("data"), bound.get("requires_grad", True)
    if data is None:   # `nn.Parameter()`: PyTorch's empty one (no elements)
        data = torch.empty(0)
    if not isinstance(data, torch.Tensor):
        raise ProgramTypeError("torch.nn.Parameter takes a tensor, as in `nn.Parameter(torch.rand(3, 2))`")
    if type(requires_grad) is not bool:
        raise ProgramTypeError("torch.nn.Parameter: requires_grad must be True or False")
    from autogradlab.lang.func_running import refuse_inside
    refuse_inside(interp, "`torch.nn.Parameter(...)`")
    notify_memory(interp, "share", data)   # the parameter is the same memory (as `.data` is)
    return _torch_guarded("Parameter", lambda: torch.nn.Parameter(data, requires_grad=requires_grad), [data])


NN_PARAMETER = SafeFunction("torch.nn.Parameter", _parameter)
