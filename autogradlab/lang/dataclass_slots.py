"""`@dataclass(slots=True)` (草根学Python ch. 20, session 45): the class's objects hold only its fields, as
dataclasses._add_slots makes them. CPython builds a new class whose `__slots__` are the field names (those a
base's `__slots__` already has left out) and drops the fields' defaults from the class (`P.x` is then a
member descriptor, which the program cannot have: lang/class_slots.slot_of_class); here the class itself is
given those slots (lang/class_slots.py's rules: only when every base has slots too, else its objects keep a
`__dict__`), so setting another attribute is CPython's AttributeError. A class that names `__slots__` itself
is dataclasses' TypeError."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.operators import python_error

if TYPE_CHECKING:
    from autogradlab.lang.plain_classes import ProgramClass


def add_slots(cls: ProgramClass, specs: list[Any]) -> None:
    if "__slots__" in cls.members:
        raise python_error(TypeError(f"{cls.name} already specifies __slots__"))
    inherited: set[str] = set()
    base = cls.base
    while base is not None:
        inherited |= base.slot_names
        base = base.base
    names = [spec.name for spec in specs if not spec.initvar and spec.name not in inherited]
    for name in names:
        cls.members.pop(name, None)   # the default lives in the field (dataclasses pops it from the class)
    cls.slot_names = frozenset(names)
    base_slots = cls.base.slots if cls.base is not None else frozenset()
    if base_slots is not None:
        cls.slots = base_slots | cls.slot_names
