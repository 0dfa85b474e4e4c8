"""`f(**options)` and `{**a, 'k': 1}`: a dict spread into keyword arguments or into a dict display.

The mapping must be a dict of the program (CPython's TypeError otherwise, with its own words); in a
call its keys must be strings and may not repeat a keyword already given. The keywords are counted
like the items of a dict the program builds (max_sequence_len and the run's total); each keyword is
then checked where it arrives, as a written one is (library functions' allowed keywords, the
parameters of the program's functions), and double-underscore names are refused as the checker
refuses them in writing."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from autogradlab.lang.checker import _check_identifier as check_identifier
from autogradlab.lang.safe_values import UserFunction, type_text
from autogradlab.lang.stored_objects import require_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _python(error: Exception) -> Exception:
    from autogradlab.lang.operators import python_error
    return python_error(error)


def _called(interp: Interpreter, node: ast.Call) -> str:
    """How CPython names the callee in these errors: `__main__.f()` for the program's function."""
    func = node.func
    if isinstance(func, ast.Name):
        found, value = interp.scope.find(func.id)
        return f"__main__.{func.id}()" if found and isinstance(value, UserFunction) else f"{func.id}()"
    return f"{ast.unparse(func)}()" if isinstance(func, ast.Attribute) else "function"


def spread_keywords(interp: Interpreter, node: ast.Call, keyword: ast.keyword, kwargs: dict) -> None:
    mapping = require_storable(interp.eval(keyword.value), "after `**`")
    _class_view(mapping)
    if not isinstance(mapping, dict):
        raise _python(TypeError(f"{_called(interp, node)} argument after ** must be a mapping, not "
                                f"{type_text(mapping)}"))
    interp.sizes.charge_sequence(len(kwargs) + len(mapping), "the keyword arguments", added=len(mapping))
    for key, value in mapping.items():
        if not isinstance(key, str):
            raise _python(TypeError("keywords must be strings"))
        check_identifier(key, "keyword arguments")   # as the checker refuses `f(__class__=1)`
        if key in kwargs:
            raise repeated_keyword(interp, node, key)
        kwargs[key] = value


def _class_view(mapping: object) -> None:
    """`{**vars(C)}`, `f(**vars(C))`: refused by name as dict(vars(C)) is (class_introspection.ClassVars;
    red team s45: "'mappingproxy' object is not a mapping", a TypeError CPython never raises)."""
    if type(mapping).__name__ == "mappingproxy":
        iter(mapping)


def repeated_keyword(interp: Interpreter, node: ast.Call, key: str) -> Exception:
    return _python(TypeError(f"{_called(interp, node)} got multiple values for keyword argument '{key}'"))


def spread_dict(interp: Interpreter, value_node: ast.expr, result: dict) -> None:
    """`{**a}` inside a dict display: a's items in order (later keys win, as in CPython)."""
    from autogradlab.lang import dicts
    mapping = require_storable(interp.eval(value_node), "after `**`")
    _class_view(mapping)
    if not isinstance(mapping, dict):
        raise _python(TypeError(f"'{type_text(mapping)}' object is not a mapping"))
    before = len(result)
    for key, value in mapping.items():
        dicts.set_item(interp, result, key, value)
    # a key already there is stored again, unseen by set_item's count: `{**d, **d, ...}` of a 90,000-key
    # d, 200 times in one display, ran ~10 s in one expression (red team, session 26)
    repeated = len(mapping) - (len(result) - before)
    if repeated:
        interp.sizes.charge_sequence(len(result), "the dictionary", added=repeated)
        interp.check_time()
