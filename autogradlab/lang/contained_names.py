"""`int in torch.tensor([1, 2])`, `print in 'abc'`, `len(print)`: Python's and PyTorch's messages name the
class of the value they were given ("... but you passed in a <class 'type'>.", "requires string as left
operand, not builtin_function_or_method"). Given the engine's stand-in (a class, a library function), they
named the engine's own class (`<class 'autogradlab.lang.data_wrappers.SafeType'>`, `SafeFunction`: red team
s45; `int in t` reachable since `type(v) in (...)` compares classes). Here the stand-in's class in such a
message becomes the one Python would name."""

from __future__ import annotations

from typing import Any

from autogradlab.lang.data_wrappers import SafeType
from autogradlab.lang.safe_values import SafeFunction, SafeNumpyDtype, type_text


def python_class(value: Any) -> type | None:
    """type(x) of the object the stand-in `value` is for (int -> type, torch.Tensor -> its metaclass,
    print -> builtin_function_or_method), None when the engine has no such object."""
    if type(value) is SafeType:
        return type(value.py_type)
    if isinstance(value, SafeNumpyDtype) and value.scalar_type:   # np.float64 itself: a class
        return type(value.dtype.type)
    if type(value) is SafeFunction:
        from autogradlab.lang.function_text import library_routine
        real = library_routine(value)
        return None if real is None else type(real)
    return None


def named_as_python(exc: Exception, value: Any) -> Exception:
    """`exc` with the engine's class of `value` in its text (`<class '...'>` or its bare name) replaced by
    the class Python would name (the same class of error); `exc` itself when it names no engine class."""
    own, real, text = type(value), python_class(value), str(exc)
    if repr(own) in text and own.__module__.startswith("autogradlab"):
        shown = repr(real) if real is not None else f"<class '{type_text(value)}'>"
        return type(exc)(text.replace(repr(own), shown))
    if real is not None and own.__module__.startswith("autogradlab"):   # "not SafeFunction", "'SafeFunction'"
        from autogradlab.lang.missing_members import class_name
        name = class_name(real)
        changed = text.replace(f"'{own.__name__}'", f"'{name}'").replace(f"not {own.__name__}", f"not {name}")
        return exc if changed == text else type(exc)(changed)
    return exc
