"""`UserId = NewType('UserId', int)` (typing.NewType; 草根学Python ch. 17, session 45): a name for a type
that annotations use; calling it gives back its one argument unchanged (`UserId(1001)` is 1001), as
typing's _idfunc does. It prints as typing prints it (`__main__.UserId`), isinstance() with it is Python's
TypeError (it is no class), and it offers nothing else (its `__supertype__` is a dunder, refused)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.inert_values import named_kind
from autogradlab.lang.numpy_poly1d import CallableValue
from autogradlab.lang.operators import python_error

if TYPE_CHECKING:
    import ast

    from autogradlab.lang.interpreter import Interpreter


class NewTypeValue(CallableValue):
    __slots__ = ("name",)

    def __new__(cls, name: str) -> NewTypeValue:
        return object.__new__(named_kind(NewTypeValue, "typing.NewType"))

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"__main__.{self.name}"

    def call(self, interp: Interpreter, args: list, kwargs: dict) -> Any:
        if kwargs:
            raise python_error(TypeError("_typing._idfunc() takes no keyword arguments"))
        if len(args) != 1:
            raise python_error(TypeError(f"_typing._idfunc() takes exactly one argument ({len(args)} given)"))
        return args[0]


def make_new_type(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> NewTypeValue:
    """NewType(name, tp): typing's own checks of the call's shape; `tp` is only named by annotations."""
    given = [*args, *kwargs.values()]
    unknown = [key for key in kwargs if key not in ("name", "tp")]
    if unknown:
        raise python_error(TypeError(f"NewType.__init__() got an unexpected keyword argument '{unknown[0]}'"))
    if len(given) < 2:
        missing = ("'name' and 'tp'" if not given else "'tp'")
        count = 2 - len(given)
        raise python_error(TypeError(f"NewType.__init__() missing {count} required positional argument"
                                     f"{'s' if count > 1 else ''}: {missing}"))
    if len(given) > 2:
        raise python_error(TypeError(f"NewType.__init__() takes 3 positional arguments but {len(given) + 1} "
                                     "were given"))
    name = kwargs.get("name", args[0] if args else None)
    if not isinstance(name, str):
        raise python_error(TypeError("NewType.__init__() argument 'name' must be str"))
    return NewTypeValue(name)
