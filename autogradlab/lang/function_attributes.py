"""A function's own attributes, as Python lessons keep a counter or a cache on it (`f.calls = 0` then
`f.calls += 1` inside f; `fib.cache = {}` for memoization; session 36).

Python puts them in the function object's `__dict__`. Here the same for the program's own `def`s and
lambdas (a UserFunction's `attributes`), public names only (attributes.check_attribute_name refuses a name
starting with `_` before this runs: no `f.__code__`, `f.__globals__`, `f.__dict__`), holding what a list
may hold (stored_objects.require_item), at most MAX_FUNCTION_ATTRIBUTES on one function, each new name
charged like an object's attribute. Reading a name never set is Python's AttributeError. A library
function's attributes stay refused (NumPy's and torch's functions are shared by every run).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded
from autogradlab.lang.safe_values import UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_FUNCTION_ATTRIBUTES = 100   # as tensor_own_attributes.MAX_TENSOR_ATTRIBUTES
MISSING = object()


def write(interp: Interpreter, fn: UserFunction, name: str, value: Any) -> None:
    from autogradlab.lang.stored_objects import require_item
    require_item(value, "in an assignment")
    own = fn.attributes
    if own is None:
        own = fn.attributes = {}
    if name not in own:
        if len(own) >= MAX_FUNCTION_ATTRIBUTES:
            limit = MAX_FUNCTION_ATTRIBUTES
            raise LimitExceeded(f"a function would hold more than {limit} attributes of the program's own; "
                                f"the limit is {limit}",
                                hint="keep several values in one list or dict")
        interp.sizes.charge_sequence(0, "the attributes of a function", added=1)
    own[name] = value


def read(fn: UserFunction, name: str) -> Any:
    """The value set under `name`; Python's AttributeError for a name never set."""
    own = fn.attributes
    if own is not None and name in own:
        return own[name]
    from autogradlab.lang.operators import python_error
    raise python_error(AttributeError(f"'function' object has no attribute '{name}'"))
