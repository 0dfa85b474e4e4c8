"""`class Quacker(Protocol):` (typing.Protocol; 草根学Python ch. 17, session 45): a class that only names
the methods or attributes an annotation asks for (`def let_it_quack(animal: Quacker)`). The engine never
evaluates a function's annotations, so such a class needs no more than to be made: a plain class of the
program, marked. As typing makes it, it cannot be instantiated ("Protocols cannot be instantiated") and
isinstance() with it is typing's TypeError (only a @runtime_checkable protocol allows it, and the engine
has no runtime_checkable); a class written below it as its subclass (`class Duck(Quacker):`) is an ordinary
class."""

from __future__ import annotations

import typing
from typing import Any

from autogradlab.lang.operators import python_error

PROTOCOL = object()   # class_dispatch's mark for the class being made


def is_protocol_base(base: Any) -> bool:
    from autogradlab.lang.typing_module import TypingForm
    return isinstance(base, TypingForm) and base.form is typing.Protocol


def refuse_protocol_check(kinds: tuple) -> None:
    if any(getattr(kind, "protocol", False) for kind in kinds):
        raise python_error(TypeError("Instance and class checks can only be used with @runtime_checkable "
                                     "protocols"))
