"""The builtin `slice(...)` as lessons use it (issue 9, session 30): `a[slice(1, 3)]`, `s.start`,
`s.stop`, `s.step`, `s.indices(n)`, repr `slice(1, 3, None)`; and `range(...).start/stop/step`.

A slice is already a value the engine holds (`a[1:3]` makes one), so the call only builds CPython's own
object from data (the same parts `a[1:3]` takes) and `a[s]` goes through item_access as `a[1:3]` does:
the same size checks. `s.indices(n)` is O(1) arithmetic on the slice's parts (CPython's own method,
its own errors); a part that is not an int, None or an int tensor gets CPython's TypeError.

`list[int]`, `dict[str, int]` (a builtin type subscripted at run time, as a lesson's annotation outside
a function is) give the inert alias of lang/typing_module.py.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang.call_arguments import require_data
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeType

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_PARTS = ("start", "stop", "step")


def _make_slice(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> slice:
    if kwargs:
        raise python_error(TypeError("slice() takes no keyword arguments"))
    if not args:
        raise python_error(TypeError("slice expected at least 1 argument, got 0"))
    if len(args) > 3:
        raise python_error(TypeError(f"slice expected at most 3 arguments, got {len(args)}"))
    for value in args:
        require_data(value, "in a slice")
    return slice(*args)


def read_part(base: Any, name: str) -> tuple[bool, Any]:
    """(True, value) for `s.start` / `r.stop` / ... of a slice or range; (False, None) for anything else."""
    if (type(base) is slice or type(base) is range) and name in _PARTS:
        return True, getattr(base, name)
    return False, None


def _indices(interp: Interpreter, base: slice, args: list) -> tuple[int, int, int]:
    if len(args) != 1:
        raise python_error(TypeError(f"slice.indices() takes exactly one argument ({len(args)} given)"))
    length = args[0]
    if type(length) is not int and type(length) is not bool:   # CPython's __index__ of a tensor or
        # numpy int would work too; its message for the rest
        raise python_error(TypeError(f"'{type(length).__name__}' object cannot be interpreted as an integer"))
    for part in (base.start, base.stop, base.step):
        if part is not None and type(part) is not int and type(part) is not bool:
            raise python_error(TypeError("slice indices must be integers or None or have an __index__ "
                                         "method"))
    try:
        return base.indices(length)
    except (TypeError, ValueError, OverflowError) as exc:   # negative length, step 0
        raise python_error(exc) from None


def _range_search(method: str) -> Any:
    def run(interp: Interpreter, base: range, args: list) -> Any:
        if len(args) != 1:
            raise python_error(TypeError(f"range.{method}() takes exactly one argument ({len(args)} given)"))
        value = args[0]
        if type(value) not in (int, bool):   # CPython would compare item by item: O(len) for a float
            from autogradlab.errors import NotSupported
            raise NotSupported(f"`range.{method}()` of a value that is not an int is not supported in "
                               "Autograd Lab")
        return getattr(base, method)(value)   # O(1) for an int
    return run


SLICE_BUILTINS = {"slice": SafeType("slice", slice, _make_slice)}
SLICE_METHODS = {(slice, "indices"): _indices, (range, "index"): _range_search("index"),
                 (range, "count"): _range_search("count")}
