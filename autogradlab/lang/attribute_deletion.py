"""`del obj.x`, `del Name.x`, `del f.calls`, `del x.grad`: deleting an attribute, as Python does (issue 9,
session 42; the engine refused every `del a.f`).

Only what the program itself set can go: an attribute of one of its objects (its `values`), a member of
one of its classes, a function's own attribute (function_attributes.py), a tensor's own (`x.g`,
tensor_own_attributes.py) and a tensor's `.grad` (PyTorch sets it to None). A name missing there is
Python's AttributeError in Python's words; a property without a deleter, a frozen dataclass's field, an
unset slot, likewise. Names are checked as for assignment
(plain_classes._check_name: no `__dunder__`; the checker refuses `_private` names outside a program with
classes); every other value keeps the refusal "deleting attributes is not supported".
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import NotSupported
from autogradlab.lang.bytes_values import BYTES_KINDS
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import (
    PROPERTY,
    ProgramClass,
    ProgramObject,
    _check_name,
    _frozen,
    _no_attribute,
)
from autogradlab.lang.safe_values import UserFunction
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.tensor_own_attributes import is_own_name

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def delete_attribute(interp: Interpreter, base: Any, name: str) -> None:
    if type(base) is ProgramObject:
        _check_name(name)
        _delete_from_object(base, name)
    elif type(base) is ProgramClass:
        _check_name(name)
        _delete_from_class(base, name)
    elif type(base) is UserFunction and not name.startswith("_"):
        own = base.attributes
        if own is None or name not in own:
            raise python_error(AttributeError(f"'function' object has no attribute '{name}'"))
        del own[name]
    elif isinstance(base, torch.Tensor) and name == "grad":   # PyTorch: `del x.grad` leaves x.grad None
        from autogradlab.lang.attributes import set_attribute
        set_attribute(interp, base, "grad", None, None)
    elif isinstance(base, torch.Tensor) and is_own_name(name):   # `del x.g` (tensor_own_attributes.py)
        if name not in base.__dict__:
            raise python_error(AttributeError(f"'Tensor' object has no attribute '{name}'"))
        del base.__dict__[name]
    elif type(base) in _IMMUTABLE or base is None or isinstance(base, np.generic):
        _delete_from_builtin(base, name)
    elif type(base) is ProgramSet or type(base) in BYTES_KINDS:   # the engine's stand-ins: an empty value
        _delete_from_builtin(set() if type(base) is ProgramSet else BYTES_KINDS[type(base)](), name)
    else:
        raise _refused()


# Python's built-in values have no attribute of their own to delete: `del xs.append` is CPython's
# AttributeError ("'list' object attribute 'append' is read-only", "'int' object has no attribute 'x'")
_IMMUTABLE = frozenset({str, list, tuple, dict, int, float, bool, complex, range, slice})


def _delete_from_builtin(value: Any, name: str) -> None:
    """CPython's own error of `del value.name`, from CPython (session 43). These classes keep no
    instance dictionary, so nothing can be deleted: an outcome other than AttributeError is refused."""
    try:
        delattr(value, name)
    except AttributeError as exc:
        raise python_error(exc) from None
    raise _refused()


def _refused() -> NotSupported:
    return NotSupported("deleting attributes is not supported in Autograd Lab",
                        hint="delete a variable with `del name`")


def _delete_from_object(obj: ProgramObject, name: str) -> None:
    if obj.state is not None:   # an exception's own attributes (args, ...): CPython's rules are its own
        raise _refused()
    cls = obj.cls
    frozen = _frozen(cls)
    if frozen is not None and (frozen is cls or any(f.name == name for f in frozen.dataclass.fields)):
        raise python_error(dataclasses.FrozenInstanceError(f"cannot delete field {name!r}"))
    found = cls.find(name)
    if found is not None and found[1] == PROPERTY:
        raise python_error(AttributeError(f"property '{name}' of '{cls.name}' object has no deleter"))
    if name in obj.values:
        del obj.values[name]
        return
    from autogradlab.lang.class_slots import slot_of_class
    if slot_of_class(cls, name):   # an unset slot: CPython says only its name
        raise python_error(AttributeError(name))
    raise _no_attribute(obj, name)


def _delete_from_class(cls: ProgramClass, name: str) -> None:
    from autogradlab.lang.class_slots import slot_of_class
    if slot_of_class(cls, name) and name not in cls.members:   # CPython's member descriptor
        raise _refused()
    if name not in cls.members:
        raise _no_attribute(cls, name)
    del cls.members[name]
