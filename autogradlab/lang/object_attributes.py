"""`self.data = data`, `out._backward = _backward`: an attribute of the program's object set in fewer steps
of Python (issue 9, session 43: micrograd's Value.__init__ sets five attributes on every new Value, 64k
a run, each through all of plain_classes.set_attribute's tests).

set_plain_attribute is plain_classes.set_attribute for a ProgramObject that is no exception (state None)
and a name that is no dunder: the same checks in the same order (a frozen dataclass's refusal, a
property's setter, the value storable, the slots, MAX_ATTRIBUTES, the attribute charged), with the tests
for a class, `super()` and an exception's args left out because the caller knows they do not apply; a
class with `__slots__` or a property of that name goes the general way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.plain_classes import (
    MAX_ATTRIBUTES,
    PROPERTY,
    ProgramObject,
    _attribute_limit,
    _charge,
    _frozen,
    set_attribute,
    storable,
)

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def set_plain_attribute(interp: Interpreter, base: ProgramObject, name: str, value: Any) -> None:
    """set_attribute(interp, base, name, value) for base.state None and a name without `__` in front."""
    cls = base.cls
    values = base.values
    if cls.base is None and cls.dataclass is None:
        found = cls.members.get(name)   # (kind, value): [-2] is the kind, as find's [1]
    elif _frozen(cls) is None:   # no frozen dataclass among its bases: no refusal to make
        found = cls.find(name)
    else:
        set_attribute(interp, base, name, value)
        return
    if (found is not None and found[-2] == PROPERTY) or (cls.slots is not None and name not in values):
        set_attribute(interp, base, name, value)   # its setter; `__slots__` (lang/class_slots.py)
        return
    value = storable(value, "in an assignment")
    if name not in values:
        if len(values) >= MAX_ATTRIBUTES:
            raise _attribute_limit(cls.name, MAX_ATTRIBUTES)
        _charge(interp, 1, "the attributes of an object")
    values[name] = value
