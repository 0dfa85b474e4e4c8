"""`import warnings; warnings.filterwarnings("ignore")`: the first lines of many course notebooks.

The engine never writes a warning into the program's printed text (Python writes them to stderr, which
is not what the program printed either), so silencing them changes nothing: both calls check their
arguments and do nothing. Turning warnings into errors ("error") is the one action with an effect, and is
refused by name. Nothing touches the process's own warning filters.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.data_wrappers import SafeType
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

ACTIONS = frozenset({"default", "ignore", "always", "all", "module", "once"})
_TEXT_KEYWORDS = frozenset({"message", "module"})
_CATEGORY = "category"   # a Warning class: `filterwarnings('ignore', category=UserWarning)`


def _check_category(value: Any) -> None:
    """Python's asserts: a class (else "must be a class"), derived from Warning (the builtin ones)."""
    from autogradlab.lang.exception_objects import is_exception_type
    from autogradlab.lang.operators import python_error
    from autogradlab.lang.plain_classes import ProgramClass
    if not isinstance(value, SafeType | ProgramClass):
        raise python_error(AssertionError("category must be a class"))
    base = value.exception if isinstance(value, ProgramClass) else value.py_type   # its builtin exception
    if not (is_exception_type(value) and isinstance(base, type) and issubclass(base, Warning)):
        raise python_error(AssertionError("category must be a Warning subclass"))


def _filter(name: str, keywords: frozenset[str]):  # noqa: ANN202
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) > 1 or set(kwargs) - keywords - {"action", _CATEGORY} or (args and "action" in kwargs):
            raise NotSupported(f"Autograd Lab supports `warnings.{name}(\"ignore\")` with an action "
                               f"and the keywords {', '.join(sorted(keywords | {_CATEGORY}))}")
        action = args[0] if args else kwargs.get("action")
        if action == "error":
            raise NotSupported(f"`warnings.{name}(\"error\")` is not supported in Autograd Lab: it shows no "
                               "warnings, so it cannot turn them into errors")
        if action not in ACTIONS:
            raise ProgramTypeError(f"invalid action: {action!r}")
        if _CATEGORY in kwargs:
            _check_category(kwargs[_CATEGORY])
        for key in keywords & set(kwargs):
            if not isinstance(kwargs[key], str):
                raise ProgramTypeError(f"{key} must be a string")
        return None
    return impl


def warnings_namespace() -> Namespace:
    return Namespace("warnings", {
        "filterwarnings": SafeFunction("warnings.filterwarnings", _filter("filterwarnings", _TEXT_KEYWORDS)),
        "simplefilter": SafeFunction("warnings.simplefilter", _filter("simplefilter", frozenset())),
    })
