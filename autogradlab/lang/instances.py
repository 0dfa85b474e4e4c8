"""`Name(...)` of a plain class: a new instance and its __init__ (lang/plain_classes.py holds the objects;
an exception class's instance keeps its arguments first, lang/exception_objects.py)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded
from autogradlab.lang import plain_classes
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import NOT_TAKEN, ProgramClass, ProgramObject, _charge, call_function
from autogradlab.lang.safe_values import UserFunction, note_stored_object

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def instantiate(interp: Interpreter, cls: ProgramClass, args: list, kwargs: dict, node: ast.AST,
                site: Any = None) -> Any:
    """`Name(...)`: a new instance, its __init__ run (Python's TypeErrors for a wrong call); `site`: the
    call's positional site (lang/positional_sites.py), which runs a program's __init__ as call_function
    would (the frame for `super()`, call_positional's checks), or answers NOT_TAKEN."""
    if cls.protocol:   # typing's own words, or a TypedDict's plain dict (lang/protocol_classes.py)
        if cls.protocol == "TypedDict":
            from autogradlab.lang.protocol_classes import make_typed_dict
            return make_typed_dict(interp, args, kwargs, node)
        raise python_error(TypeError("Protocols cannot be instantiated"))
    interp.instances_made = made = interp.instances_made + 1
    if made > plain_classes.MAX_INSTANCES:
        limit = plain_classes.MAX_INSTANCES
        raise LimitExceeded(f"the program created more than {limit:,} objects of its classes; the "
                            f"limit is {limit:,}", hint="create fewer objects")
    _charge(interp, 1, "the objects of your classes")
    note_stored_object()   # from now on is_data walks whole (map(), zip() may put it in a list unchecked)
    obj = ProgramObject(cls, made)
    found = cls.find("__init__")
    if cls.exception is not None:   # BaseException.__new__ keeps the arguments as its args
        from autogradlab.lang.exception_objects import start_exception
        start_exception(obj, cls, args, kwargs, found is None, interp)
    if found is None:
        if (args or kwargs) and cls.exception is None:
            raise python_error(TypeError(f"{cls.name}() takes no arguments"))
        return obj
    init = found[2]
    result = site(init, [obj, *args], found[0], obj) if site is not None and type(init) is UserFunction \
        else NOT_TAKEN
    if result is NOT_TAKEN:
        result = call_function(interp, init, [obj, *args], kwargs, node, found[0])
    if result is not None:
        from autogradlab.lang.safe_values import type_text
        raise python_error(TypeError(f"__init__() should return None, not '{type_text(result)}'"))
    return obj
