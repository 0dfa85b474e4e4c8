"""operator.itemgetter(*items) as sorting lessons use it (`sorted(pairs, key=itemgetter(1))`, udlbook 18.1):
its call `g(obj)` is `obj[item]` (or the tuple of `obj[item]` for several items) through the same path
as the program's own `obj[item]` (plain_classes.subscript_base, stored_objects.require_index,
attributes.get_item: every size check, op record and error text of a subscript). Like a partial it is a
function value (lang/partial_function.py): it may be named, stored, printed and passed as `key=`, never to
a library call. attrgetter and methodcaller stay unoffered (a name given as text would read attributes
the checker never saw in the program's source)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang.safe_values import FunctionValue, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _type_error(text: str) -> Exception:
    from autogradlab.lang.operators import python_error

    return python_error(TypeError(text))


class ItemGetter(FunctionValue):
    """The value operator.itemgetter(...) returns."""

    def __init__(self, items: tuple) -> None:
        self.items = items
        super().__init__("operator.itemgetter", self._call)

    def _call(self, interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang import attributes
        from autogradlab.lang.plain_classes import subscript_base

        if kwargs:
            raise _type_error("itemgetter() takes no keyword arguments")
        if len(args) != 1:
            raise _type_error(f"itemgetter expected 1 argument, got {len(args)}")
        base = subscript_base(args[0])
        if len(self.items) == 1:
            return attributes.get_item(interp, base, self.items[0], node)
        return tuple(attributes.get_item(interp, base, item, node) for item in self.items)

    def weighed_parts(self) -> list:
        """What its text shows (lang/text_weight.py weighs it before print() makes the text)."""
        return list(self.items)

    def __repr__(self) -> str:
        from autogradlab.engine.values import safe_repr

        return f"operator.itemgetter({', '.join(safe_repr(item) for item in self.items)})"


def _itemgetter(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> ItemGetter:
    from autogradlab.lang.stored_objects import require_index

    if kwargs:
        raise _type_error("itemgetter() takes no keyword arguments")
    if not args:
        raise _type_error("itemgetter expected 1 argument, got 0")
    interp.sizes.charge_sequence(len(args), "the items of operator.itemgetter")
    return ItemGetter(tuple(require_index(item) for item in args))


ITEMGETTER = SafeFunction("operator.itemgetter", _itemgetter)
