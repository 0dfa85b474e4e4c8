"""What a function may return. Besides data and objects of the program's classes, a method that
computes an attribute (`__getattr__`, a property's getter) may return a function of the program (a
lambda, a nested `def`, a bound method): that is what an attribute may hold anyway (`self.f = lambda
...`), so `p.double(3)` through `__getattr__` runs as in Python. Any other function still may not
return a function (security.md: functions are called or handed on, not passed around freely)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.plain_classes import BoundMethod
from autogradlab.lang.safe_values import CODE_TYPES, FunctionValue, UserFunction, note_stored_object
from autogradlab.lang.stored_objects import require_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_FUNCTIONS = frozenset({UserFunction, BoundMethod, FunctionValue})


def returned_value(interp: Interpreter, value: Any) -> Any:
    """`return value` of the function running at interp._depth (data is checked by require_storable)."""
    if type(value) in _FUNCTIONS and interp.attribute_depth == interp._depth:
        note_stored_object()   # as storing it in an attribute does
        return value
    if isinstance(value, tuple(CODE_TYPES)):   # a function alone (storable in lists since s25): still refused
        from autogradlab.lang.calls import require_data
        return require_data(value, "as a return value")
    return require_storable(value, "as a return value")


def call_for_attribute(interp: Interpreter, call: Any) -> Any:
    """Run `call()` (a __getattr__ or a property's getter) so that its own returns may be functions."""
    outer, interp.attribute_depth = interp.attribute_depth, interp._depth + 1
    try:
        return call()
    finally:
        interp.attribute_depth = outer
