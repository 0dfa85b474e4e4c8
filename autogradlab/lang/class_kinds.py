"""`isinstance(torch.Tensor, type)`, `isinstance(A, (int, type))` (session 43): the name `type` is the
engine's builtin function, not a class the values could be checked against, so the question "is it a
class?" is answered here, for both isinstance paths (builtins.py, class_dispatch.py): a SafeType (a
library or built-in class, a metaclass), a NumPy scalar type, a class of the program, or `type` itself."""

from __future__ import annotations

from typing import Any

from autogradlab.lang.safe_values import SafeFunction, SafeType

CLASS_KIND = SafeType("type", type)


def class_kinds(kinds: Any) -> tuple:
    """isinstance's second argument as a tuple, the builtin `type` in it replaced by CLASS_KIND."""
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    return tuple(CLASS_KIND if type(kind) is SafeFunction and kind.qualname == "type" else
                 _scalar_class(kind) if getattr(kind, "scalar_type", False) is True else kind
                 for kind in kinds)


def _scalar_class(kind: Any) -> SafeType:
    """np.float64 itself (a SafeNumpyDtype standing for the class): isinstance(np.float64(1), np.float64)
    checks against that class, as NumPy's (red team s45: it was "arg 2 must be a type")."""
    scalar = kind.dtype.type
    return SafeType(f"{scalar.__module__}.{scalar.__name__}", scalar)


def is_class_value(value: Any) -> bool:
    return type(value) is SafeType or type(value).__name__ == "ProgramClass" \
        or type(value) is SafeFunction and value.qualname == "type" \
        or getattr(value, "scalar_type", False) is True   # np.float64 itself (SafeNumpyDtype), a class
