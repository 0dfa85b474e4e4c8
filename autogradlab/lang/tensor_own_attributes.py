"""A program's own attributes on a tensor, as fast.ai's backprop lesson keeps each gradient by hand:
`inp.g = out.g @ w.t()` then `w.g`, `x_train.g` (course22p2 03_backprop.ipynb).

PyTorch lets a program set any attribute a Tensor does not define: it goes into that Python object's
`__dict__` (a view or a clone is another object, without it). Here the same, for public names only
(not starting with `_`) that torch.Tensor does not define (`x.sum = 1` would hide a method: refused by
name), holding data only (tensors, numbers, strings, lists of those: lang/call_arguments.require_data),
at most MAX_TENSOR_ATTRIBUTES on one tensor, each new name charged like an object's attribute. Reading
such a name gives the value back; a name never set reads as before (`tensors have no attribute`).
copy.copy / copy.deepcopy of a tensor holding such attributes is refused (PyTorch's deepcopy copies
them, item by item, past the run's counts of list items and elements).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.call_arguments import require_data

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_TENSOR_ATTRIBUTES = 100   # as plain_classes.MAX_ATTRIBUTES for an object of the program's classes
MISSING = object()


def is_own_name(name: str) -> bool:
    """A name a program may set on a tensor: public, and no attribute of torch.Tensor."""
    return not name.startswith("_") and not hasattr(torch.Tensor, name)


def set_own_attribute(interp: Interpreter, tensor: torch.Tensor, name: str, value: Any) -> None:
    if hasattr(torch.Tensor, name):
        raise NotSupported(f"assigning to the tensor attribute `.{name}` is not supported in Autograd Lab "
                           f"(`.{name}` is torch.Tensor's own; only `.requires_grad`, `.grad` and `.data` "
                           f"can be assigned)", hint="store the value under a name of your own, e.g. `x.g`")
    require_data(value, "in an assignment")
    own = tensor.__dict__
    if name not in own:
        if sum(1 for key in own if is_own_name(key)) >= MAX_TENSOR_ATTRIBUTES:
            raise LimitExceeded(f"a tensor would hold more than {MAX_TENSOR_ATTRIBUTES} attributes of the "
                                f"program's own; the limit is {MAX_TENSOR_ATTRIBUTES}",
                                hint="keep several values in one list or dict")
        interp.sizes.charge_sequence(0, "the attributes of a tensor", added=1)
    own[name] = value


def refuse_copy_with_own_attributes(tensor: torch.Tensor, what: str) -> None:
    """copy.copy / copy.deepcopy of a tensor the program has set attributes of its own on: refused
    (PyTorch's deepcopy would copy them past the run's counts; copy_module.py, object_copies.py)."""
    if any(is_own_name(key) for key in tensor.__dict__):
        raise NotSupported(f"`{what}` of a tensor that holds attributes of the program's own (`x.g = ...`) "
                           f"is not supported in Autograd Lab",
                           hint="copy the tensor with x.clone() and its attributes one by one")


def read_own_attribute(tensor: torch.Tensor, name: str) -> Any:
    """The value the program set as `tensor.name`, or MISSING."""
    if not is_own_name(name):
        return MISSING
    return tensor.__dict__.get(name, MISSING)
