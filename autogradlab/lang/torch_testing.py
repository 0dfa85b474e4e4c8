"""torch.testing.assert_close(actual, expected), as tutorials use it to show that two results agree (the
custom autograd Function lessons, torch.func's docs): PyTorch's own comparison runs, and a mismatch is
PyTorch's own AssertionError with its text ("Tensor-likes are not close! ..."), which try/except catches
as any error of the program.

Only tensors, numbers, numpy arrays and short lists / tuples / dicts of them reach PyTorch (a list of
100,000 numbers would make 100,000 tensors, one per pair: MAX_ITEMS bounds that); msg= is a string (a
function of the program would run inside PyTorch). The comparison's temporaries are the size of its
inputs, which the program already holds.

PyTorch's comparison first asks whether either input is a DTensor, importing torch.distributed.tensor for
that (1.1-1.4 s on its first call, more under load: a fresh worker's first assert_close ran out of the 5 s
limit). A program never holds a DTensor, so the worker tells torch.testing that DTensors are not
available (its module flag _HAS_DTENSOR, read on each call): the answer is the same, without the import.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import NotSupported
from autogradlab.lang.numpy_ops import NUMPY_SCALARS
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_ITEMS = 1_000   # values in the lists, tuples and dicts of each side of one call
MAX_DEPTH = 32      # and how deeply they nest
_NUMBERS = (bool, int, float, complex, *NUMPY_SCALARS)
_FLAGS = ("allow_subclasses", "equal_nan", "check_device", "check_dtype", "check_layout", "check_stride")
_TOLERANCES = ("rtol", "atol")


def _plain(value: Any, budget: list[int], depth: int = 0) -> Any:
    """The value with its numpy arrays unwrapped; NotSupported for anything PyTorch should not see."""
    budget[0] -= 1
    if depth > MAX_DEPTH:
        raise NotSupported(f"Autograd Lab's torch.testing.assert_close compares lists nested at most "
                           f"{MAX_DEPTH} deep")
    if budget[0] < 0:
        raise NotSupported(f"Autograd Lab's torch.testing.assert_close compares at most {MAX_ITEMS:,} values "
                           "in lists, tuples and dicts; compare tensors instead")
    if isinstance(value, (torch.Tensor, *_NUMBERS)) or value is None:
        return value
    if isinstance(value, SafeArray):
        return value.array
    if type(value) is list or type(value) is tuple:
        return type(value)(_plain(item, budget, depth + 1) for item in value)
    if type(value) is dict:
        return {key: _plain(item, budget, depth + 1) for key, item in value.items() if _key(key)}
    raise NotSupported("Autograd Lab's torch.testing.assert_close compares tensors, numbers, numpy arrays "
                       "and lists, tuples or dicts of them")


def _key(key: Any) -> bool:
    if not isinstance(key, (str, int, float, bool, type(None), tuple)):
        raise NotSupported("Autograd Lab's torch.testing.assert_close compares dicts with plain keys")
    return True


def _options(name: str, kwargs: dict) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for key, value in kwargs.items():
        if key in _FLAGS:
            if not isinstance(value, (bool, np.bool_)):
                raise NotSupported(f"`{name}({key}=...)` takes True or False in Autograd Lab")
            options[key] = bool(value)
        elif key in _TOLERANCES:
            if value is not None and not isinstance(value, (int, float, *NUMPY_SCALARS)):
                raise NotSupported(f"`{name}({key}=...)` takes a number in Autograd Lab")
            options[key] = value
        elif key == "msg":
            if value is not None and not isinstance(value, str):
                raise NotSupported(f"`{name}(msg=...)` takes a string in Autograd Lab")
            options[key] = value
        else:
            raise python_error(TypeError(f"assert_close() got an unexpected keyword argument '{key}'"))
    return options


def _without_dtensor_import() -> None:
    from torch.testing import _comparison
    if getattr(_comparison, "_HAS_DTENSOR", False):
        _comparison._HAS_DTENSOR = False


def assert_close(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    if len(args) != 2:
        if len(args) < 2:
            missing = ["actual", "expected"][len(args):]
            names = " and ".join(f"'{m}'" for m in missing)
            raise python_error(TypeError(f"assert_close() missing {len(missing)} required positional "
                                         f"argument{'s' if len(missing) > 1 else ''}: {names}"))
        raise python_error(TypeError(f"assert_close() takes 2 positional arguments but {len(args)} "
                                     "were given"))
    options = _options("torch.testing.assert_close", kwargs)
    actual, expected = _plain(args[0], [MAX_ITEMS + 1]), _plain(args[1], [MAX_ITEMS + 1])   # + the list
    _without_dtensor_import()
    try:
        torch.testing.assert_close(actual, expected, **options)
    except Exception as exc:  # noqa: BLE001 - PyTorch's AssertionError / TypeError / ValueError, its text
        raise python_error(exc) from None


def testing_namespace() -> Namespace:
    return Namespace("torch.testing",
                     {"assert_close": SafeFunction("torch.testing.assert_close", assert_close)})
