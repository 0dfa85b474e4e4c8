"""`__slots__` in the program's classes, as CPython 3.11 treats them.

A class whose every class along its bases names `__slots__` (none naming `__dict__`, none rooted in
an exception class, which keeps a `__dict__`) makes objects that hold only the slot names: setting
any other attribute is CPython's AttributeError ("'P' object has no attribute 'y'", or "... attribute
'count' is read-only" for a class attribute). The program reaches no `__dict__` either way (dunder
attributes are refused). `__slots__` itself is checked when the class is made: a string is one
name, any other value is iterated (CPython's TypeError for a number), each item a str that is an
identifier, none also a class variable of the same class."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.plain_classes import ProgramClass, ProgramObject

def settle_slots(interp: Interpreter, cls: ProgramClass) -> None:
    """After the class body ran: the names its objects may hold (None: any, they have a __dict__)."""
    member = cls.members.get("__slots__")
    if member is None:
        return   # cls.slots stays None
    names = _slot_names(interp, member[1])
    for name in names:
        if name in cls.members:
            raise python_error(ValueError(f"{name!r} in __slots__ conflicts with class variable"))
    cls.slot_names = frozenset(names)
    base_slots = cls.base.slots if cls.base is not None else frozenset()
    if base_slots is not None and cls.exception is None and "__dict__" not in names:
        cls.slots = base_slots | frozenset(names)


def _slot_names(interp: Interpreter, value: Any) -> list[str]:
    if isinstance(value, str):
        items: list[Any] = [value]
    elif isinstance(value, list | tuple | set | frozenset | dict):
        items = list(value)
    else:
        raise python_error(TypeError(f"'{type_text(value)}' object is not iterable"))
    for item in items:
        if not isinstance(item, str):
            raise python_error(TypeError(f"__slots__ items must be strings, not '{type_text(item)}'"))
        if not item.isidentifier():
            raise python_error(TypeError("__slots__ must be identifiers"))
    return items


def check_slot(obj: ProgramObject, name: str) -> None:
    """Setting `obj.name` (no property of that name): refused as CPython refuses it."""
    slots = obj.cls.slots
    if slots is None or name in slots:
        return
    if obj.cls.find(name) is not None:
        raise python_error(AttributeError(f"'{obj.cls.name}' object attribute '{name}' is read-only"))
    raise python_error(AttributeError(f"'{obj.cls.name}' object has no attribute '{name}'"))


def slot_of_class(cls: ProgramClass, name: str) -> bool:
    """Whether `name` is a slot some class along the bases declares (`P.x` is then CPython's member
    descriptor, which the program cannot have)."""
    current: ProgramClass | None = cls
    while current is not None:
        if name in current.slot_names:
            return True
        current = current.base
    return False
