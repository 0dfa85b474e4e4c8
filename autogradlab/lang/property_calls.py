"""`miles = property(get_miles, set_miles)` in a class body (QuantEcon's "More Language Features", session
44): the property `@property` and `@miles.setter` make, read by lang/class_dispatch.py."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from autogradlab.errors import NotSupported
from autogradlab.lang.plain_classes import PROPERTY, ProgramClass
from autogradlab.lang.safe_values import UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.scope import Scope


def property_call(interp: Interpreter, cls: ProgramClass, body_scope: Scope, statement: ast.stmt) -> bool:
    """`miles = property(get_miles, set_miles)` in a class body (QuantEcon's "More Language Features",
    session 44): the same property `@property` and `@miles.setter` make, its getter and setter the class's
    methods named; anything else given to property() is refused by name."""
    value = statement.value if type(statement) is ast.Assign and len(statement.targets) == 1 \
        and type(statement.targets[0]) is ast.Name else None
    if not (type(value) is ast.Call and type(value.func) is ast.Name and value.func.id == "property"
            and not body_scope.find("property")[0]):   # the program's own `property` (a def, a lambda, a
        return False   # name bound around the class) is called as it is (red team s45: it made a property)
    outer, interp.scope = interp.scope, body_scope
    try:
        parts = [interp.eval(arg) for arg in value.args]
    finally:
        interp.scope = outer
    if value.keywords or not 1 <= len(parts) <= 2 or not all(type(part) is UserFunction for part in parts):
        raise NotSupported("Autograd Lab supports `name = property(getter)` and `name = property(getter, "
                           "setter)` with methods of the class (or `@property` and `@name.setter`)",
                           line=statement.lineno, column=statement.col_offset + 1)
    name = statement.targets[0].id
    cls.members[name] = (PROPERTY, parts[0])
    if len(parts) == 2:
        cls.setters[name] = parts[1]
    body_scope.vars.pop(name, None)
    return True
