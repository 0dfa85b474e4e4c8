"""A name the real class does not have at all (`A.diagonalize()` of a NumPy array, `s.uper()` of a text,
`f.intersection` of a function; session 41, corpus-s41 ec4_03 36-37 and nv_Probability 36): Python's own
AttributeError, "'numpy.ndarray' object has no attribute 'diagonalize'", catchable, with a did-you-mean
hint when a close name exists. A name the class has and the engine does not offer stays refused by name
(the caller's NotSupported), so nothing new becomes reachable: this only changes the words of a refusal."""

from __future__ import annotations

import types
from typing import Any

import numpy as np
import torch

from autogradlab.errors import ProgramError
from autogradlab.lang.safe_values import SafeArray, SafeNumpyDtype, UserFunction, type_text
from autogradlab.lang.set_value import ProgramSet

# The program's plain values whose class is Python's own (None keeps its "is None" message).
_PLAIN = frozenset({str, list, tuple, dict, int, float, bool, complex, range, slice, bytes})
# Values the program holds as the library's own objects (session 42: `np.float64(1).nope`, `torch.Size([1])
# .nope()`, `torch.float32.nope` were the engine's refusal where Python raises AttributeError)
_LIBRARY = (np.generic, torch.Size, torch.dtype)


def _real_class(base: Any) -> tuple[type, str] | None:
    if isinstance(base, SafeArray):
        return np.ndarray, "numpy.ndarray"
    if type(base) is UserFunction:
        return types.FunctionType, "function"
    if type(base) is ProgramSet:
        return set, "set"
    if type(base) in _PLAIN:
        return type(base), type(base).__name__
    if isinstance(base, _LIBRARY):
        return type(base), type_text(base)
    if isinstance(base, SafeNumpyDtype) and base.instance:   # np.dtype('f8'), a.dtype (not np.float64)
        return type(base.dtype), type_text(base)
    return None


def python_lacks(base: Any, name: str) -> ProgramError | None:
    """Python's AttributeError when the value's real class has no `name`, else None."""
    found = _real_class(base)
    if found is None or hasattr(found[0], name):
        return None
    from autogradlab.lang.attribute_errors import _closest, _python_attribute_error
    best = _closest(name, [n for n in dir(found[0]) if not n.startswith("_")])
    return _python_attribute_error(f"'{found[1]}' object has no attribute '{name}'",
                                   f"did you mean `.{best}`?" if best else None)
