"""operator.itemgetter(*items) as sorting lessons use it (`sorted(pairs, key=itemgetter(1))`, udlbook 18.1):
its call `g(obj)` is `obj[item]` (or the tuple of `obj[item]` for several items) through the same path
as the program's own `obj[item]` (plain_classes.subscript_base, stored_objects.require_index,
attributes.get_item: every size check, op record and error text of a subscript). Like a partial it is a
function value (lang/partial_function.py): it may be named, stored, printed and passed as `key=`, never to
a library call. operator.attrgetter(*names) (session 38) reads each dotted name's parts as `obj.a.b` reads
them, through attributes.read_attribute, and refuses what the checker refuses in a program's source: a
name given as text may not reach a private or double-underscore attribute (checked as hasattr() checks
it, hasattr_builtin.py). methodcaller stays unoffered."""

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


class AttrGetter(FunctionValue):
    """The value operator.attrgetter(...) returns: `key=attrgetter('x')`, `attrgetter('a.b', 'c')`."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        super().__init__("operator.attrgetter", self._call)

    def _call(self, interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if kwargs:
            raise _type_error("attrgetter() takes no keyword arguments")
        if len(args) != 1:
            raise _type_error(f"attrgetter expected 1 argument, got {len(args)}")
        values = tuple(_read_dotted(interp, args[0], name, node) for name in self.names)
        return values[0] if len(values) == 1 else values

    def weighed_parts(self) -> list:
        return list(self.names)

    def __repr__(self) -> str:
        from autogradlab.engine.values import safe_repr

        return f"operator.attrgetter({', '.join(safe_repr(name) for name in self.names)})"


def _read_dotted(interp: Interpreter, base: Any, name: str, node: ast.AST) -> Any:
    from autogradlab.lang import attributes
    from autogradlab.lang.plain_classes import attribute_allowed

    for part in name.split("."):
        if not attribute_allowed(base, part):
            attributes.check_attribute_name(part)   # `_x`, `__class__`: refused as `obj.__class__` is
        base = attributes.read_attribute(interp, base, part, node)
    return base


def _attrgetter(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> AttrGetter:
    from autogradlab.lang import attributes

    if kwargs:
        raise _type_error("attrgetter() takes no keyword arguments")
    if not args:
        raise _type_error("attrgetter expected 1 argument, got 0")
    interp.sizes.charge_sequence(len(args), "the names of operator.attrgetter")
    for name in args:
        if not isinstance(name, str):
            raise _type_error("attribute name must be a string")
        for part in name.split("."):
            if part.startswith("__") and part != "__name__":   # refused before any object is read
                attributes.check_attribute_name(part)
    return AttrGetter(tuple(args))


ATTRGETTER = SafeFunction("operator.attrgetter", _attrgetter)
