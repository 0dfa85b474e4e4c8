"""hasattr(obj, name), as lesson classes use it (`if hasattr(n, "value")` in handson-ml3's dual numbers;
issue 9, session 33): the attribute is read as `obj.name` reads it, and Python's AttributeError answers
False. A name the program may not read (a private or double-underscore one) is refused as `obj.name`
is, and limits are never turned into False. A library value whose attribute the engine does not offer
(`hasattr(3, 'value')`, `hasattr(x, 'real')`) is answered from its Python class (a class lookup: no
getter of the value runs), as Python answers it for values without attributes of their own.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang.operators import python_error

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def hasattr_builtin(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> bool:
    from autogradlab.lang import attributes
    from autogradlab.lang.plain_classes import attribute_allowed
    if kwargs:
        raise python_error(TypeError("hasattr() takes no keyword arguments"))
    if len(args) != 2:
        raise python_error(TypeError(f"hasattr expected 2 arguments, got {len(args)}"))
    base, name = args
    if not isinstance(name, str):
        raise python_error(TypeError(f"attribute name must be string, not '{type(name).__name__}'"))
    if not attribute_allowed(base, name):
        attributes.check_attribute_name(name)
    if base is None:   # reading `None.x` is the engine's own message; Python's class answers
        return hasattr(None, name)
    try:
        attributes.read_attribute(interp, base, name, node)
    except NotSupported:
        library = _library_class(base)
        if library is None:
            raise
        return hasattr(library, name)
    except ProgramError as error:
        if getattr(error, "py_type", None) is AttributeError:
            return False
        raise
    return True


_PLAIN = (bool, int, float, complex, str, bytes, list, tuple, dict, type(None), range, slice)


def _library_class(base: Any) -> type | None:
    """The Python class that answers for a library value (a number, a string, a list, a tensor, an
    array), or None for anything else (the program's objects, functions, modules: refused as read)."""
    import numpy as np
    import torch

    from autogradlab.lang.safe_values import SafeArray
    if type(base) in _PLAIN or isinstance(base, (np.generic, torch.Tensor)):
        return type(base) if not isinstance(base, torch.Tensor) else torch.Tensor
    if type(base) is SafeArray:
        return np.ndarray
    return None
