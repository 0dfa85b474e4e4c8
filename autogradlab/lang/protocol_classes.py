"""`class Quacker(Protocol):` and `class UserProfile(TypedDict):` (typing's; 草根学Python ch. 17, 20, session
45). A Protocol class only names
the methods or attributes an annotation asks for (`def let_it_quack(animal: Quacker)`). The engine never
evaluates a function's annotations, so such a class needs no more than to be made: a plain class of the
program, marked. As typing makes it, it cannot be instantiated ("Protocols cannot be instantiated") and
isinstance() with it is typing's TypeError (only a @runtime_checkable protocol allows it, and the engine
has no runtime_checkable); a class written below it as its subclass (`class Duck(Quacker):`) is an ordinary
class.
A TypedDict class names a dict's keys for annotations: calling it makes a plain dict
(`UserProfile(name='x')`), isinstance() with it is typing's TypeError, and `.mro()` of either is refused by
name (CPython lists typing's own classes, or dict)."""

from __future__ import annotations

import typing
from typing import Any

from autogradlab.lang.operators import python_error

PROTOCOL = object()   # class_dispatch's mark for the class being made
_CHECKS = {"Protocol": "Instance and class checks can only be used with @runtime_checkable protocols",
           "TypedDict": "TypedDict does not support instance and class checks"}


def protocol_kind(base: Any) -> str | None:
    """'Protocol' or 'TypedDict' when `base` is typing's, else None."""
    from autogradlab.lang.typing_module import TypingForm
    if isinstance(base, TypingForm):
        if base.form is typing.Protocol:
            return "Protocol"
        if base.form is typing.TypedDict:
            return "TypedDict"
    return None


def is_protocol_base(base: Any) -> bool:
    return protocol_kind(base) is not None


def refuse_protocol_check(kinds: tuple) -> None:
    for kind in kinds:
        marked = getattr(kind, "protocol", False)
        if marked:
            raise python_error(TypeError(_CHECKS[marked]))


def make_typed_dict(interp: Any, args: list, kwargs: dict, node: Any) -> dict:
    """`UserProfile(name='x', age=3)`: a plain dict, made as dict(...) makes it (its checks and limits)."""
    from autogradlab.lang.number_builtins import NUMBER_BUILTINS
    return NUMBER_BUILTINS["dict"].convert(interp, args, kwargs, node)
