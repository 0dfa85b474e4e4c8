"""`import copy` / `copy.deepcopy(x.grad)`: a Chinese autograd lesson keeps each backward's gradient
that way before `x.grad.zero_()`.

Tensors are copied by PyTorch's own deepcopy (a leaf copies with its requires_grad; a non-leaf is
refused by PyTorch with its own message), NumPy arrays as arrays, numbers, strings and None are
returned as they are (immutable). Lists, tuples, dicts, sets and objects of the program's classes are
copied by lang/object_copies.py (bounded depth, counted). Every copy is counted towards the size limits
before it is made.
"""

from __future__ import annotations

import ast
import copy as py_copy
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported
from autogradlab.lang.calls import translate_torch_error
from autogradlab.lang.numpy_ops import array_copy
from autogradlab.lang.object_copies import (
    COPYABLE,
    deep_copy,
    is_collection,
    shallow_collection,
    shallow_copy,
)
from autogradlab.lang.safe_values import Namespace, SafeArray, SafeFunction
from autogradlab.lang.tensor_own_attributes import refuse_copy_with_own_attributes

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_IMMUTABLE = (bool, int, float, complex, str, type(None))


def _copier(name: str):  # noqa: ANN202
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if kwargs or len(args) != 1:
            raise NotSupported(f"Autograd Lab supports `copy.{name}(x)` with one argument")
        value = args[0]
        if isinstance(value, torch.Tensor):
            refuse_copy_with_own_attributes(value, f"copy.{name}")   # `w.g = ...`: tensor_own_attributes.py
            interp.sizes.check_elements(value.numel(), f"copy.{name}")
            try:
                result = py_copy.deepcopy(value) if name == "deepcopy" else py_copy.copy(value)
            except Exception as exc:  # noqa: BLE001 - PyTorch's own message (non-leaf deepcopy)
                raise translate_torch_error(exc, name, [value]) from None
            interp.sizes.add_result(result)
            return result
        if isinstance(value, SafeArray):
            return array_copy(interp, value)
        if isinstance(value, _IMMUTABLE):
            return value
        if is_collection(value):   # Counter, defaultdict, OrderedDict, deque, namedtuple: the same kind
            return deep_copy(interp, value) if name == "deepcopy" else shallow_collection(interp, value)
        if type(value) in COPYABLE:   # lists, dicts, sets, objects of the program's classes
            return deep_copy(interp, value) if name == "deepcopy" else shallow_copy(interp, value)
        raise NotSupported(f"Autograd Lab supports `copy.{name}` of tensors, numpy arrays, numbers, lists, "
                           "tuples, dicts, sets and objects of your classes")
    return SafeFunction(f"copy.{name}", impl)


def copy_namespace() -> Namespace:
    return Namespace("copy", {"copy": _copier("copy"), "deepcopy": _copier("deepcopy")})
