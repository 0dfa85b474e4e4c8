"""The arguments and results of a library call (lang/calls.py): the keyword policy, data-only
arguments, numpy wrappers unwrapped on the way in and wrapped on the way out, and whether a result
holds a tensor (then the engine records the op)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from autogradlab.errors import NotSupported
from autogradlab.lang.allowlist import FORBIDDEN_KWARGS, CallSpec
from autogradlab.lang.safe_values import SafeArray, describe, is_data


def check_kwargs(qualname: str, spec: CallSpec, kwargs: dict[str, Any]) -> None:
    for key in kwargs:
        if key == "out" and spec.kind in ("op", "random") and qualname.startswith("torch."):
            continue   # outputs.py
        if key in FORBIDDEN_KWARGS:
            raise NotSupported(f"the keyword argument `{key}=` is not supported in Autograd Lab "
                               f"({FORBIDDEN_KWARGS[key]})")
        if key not in spec.kwargs:
            raise NotSupported(f"`{qualname}` does not accept the keyword argument `{key}=` in "
                               f"Autograd Lab")


def require_data(value: Any, where: str) -> Any:
    if not is_data(value):
        if isinstance(value, list | tuple | dict) or type(value).__name__ == "set":   # holding objects
            from autogradlab.lang.stored_objects import first_non_data
            value = first_non_data(value)
        if type(value).__name__ in ("ProgramGenerator", "SequenceIterator"):   # lang/generators.py
            raise NotSupported(f"{describe(value)} cannot be used {where}: a generator or iterator may "
                               "only be looped over with `for`, read with next(), turned into a list "
                               "with list(), or passed to a function of your program")
        if type(value).__name__ in ("ProgramObject", "ProgramClass", "SuperProxy"):   # plain_classes.py
            raise NotSupported(f"{describe(value)} cannot be used {where}: the objects and classes of your "
                               "program may be stored in variables and attributes (objects also in lists, "
                               "tuples and dicts), passed to your functions "
                               "and used through their attributes and methods")
        if type(value).__name__ == "ProgramContext":   # lang/custom_functions.py
            raise NotSupported(f"ctx cannot be used {where}: the ctx of a custom autograd Function may only "
                               "have its attributes read or set, its methods called, or be passed to a "
                               "function of your program")
        raise NotSupported(f"{describe(value)} cannot be used {where}: a function may only be called, "
                           f"passed to a function of your program, or to jacobian/hessian/vjp/jvp")
    return value


def _require_all(args: list, kwargs: dict, name: str, method: bool) -> None:
    """require_data for every argument (the message is built only for a refused one)."""
    for value in (*args, *kwargs.values()) if kwargs else args:
        if not is_data(value):
            require_data(value, f"in `.{name}()`" if method else f"in `{name}`")


def unwrap(value: Any) -> Any:
    """SafeArray -> ndarray for torch.tensor and friends. Top level only: nested lists are never
    copied (they may share one inner list 100,000 times)."""
    return value.array if isinstance(value, SafeArray) else value


def wrap_result(value: Any, qualname: str) -> Any:
    """Library results -> values a program may hold (numpy arrays wrapped, numpy scalars made
    plain); anything else that is not data is refused."""
    if type(value) is torch.Tensor:   # the common case
        return value
    if isinstance(value, np.ndarray):
        return SafeArray(value)
    if isinstance(value, (np.number, np.bool_)):
        return value   # numpy scalars stay numpy scalars, as in numpy (`np.float64(0.1)`)
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, list):
        return [wrap_result(item, qualname) for item in value]
    if type(value) is tuple:
        return tuple(wrap_result(item, qualname) for item in value)
    if not is_data(value):
        raise NotSupported(f"`{qualname}` returned a value Autograd Lab cannot hold")
    return value


def has_tensor(value: Any, depth: int = 2) -> bool:
    """A tensor, or a tuple holding one within `depth` levels (op results such as
    torch.return_types or autograd.grad's tuple). Lists are not op results (tolist() is), so long
    nested lists are never walked."""
    if isinstance(value, torch.Tensor):
        return True
    if depth == 0 or not isinstance(value, tuple):
        return False
    return any(has_tensor(item, depth - 1) for item in value)
