"""A function, a generator, an iterator or a module meeting an operator (`f + 1`, `len + 1`,
`torch.sin * 2`, `-f`, `f < 1`): Python's own TypeError, catchable by `except TypeError`.

The message is CPython's own: the operator is applied to inert stand-ins, instances of empty classes named
as Python names the operands' types ('function', 'builtin_function_or_method', 'Tensor', ...), so CPython
words the refusal itself (`unsupported operand type(s) for +: 'function' and 'int'`, `can only concatenate
str (not "function") to str`, `bad operand type for unary -: 'function'`). No operand of the program reaches
the operator except plain data (numbers, strings, lists), which find no method for the stand-in and raise
at once. `==` and `!=` compare a function by identity, as Python does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeArray, SafeFunction, UserFunction, is_data, type_text

_CODE = frozenset({"ProgramGenerator", "SequenceIterator"})   # lang/generators.py, lang/iterators.py
_STAND_INS: dict[str, type] = {}


def is_code_value(value: Any) -> bool:
    """A function (the program's, the library's, a bound method), a generator, an iterator or a module."""
    return isinstance(value, UserFunction | SafeFunction | Namespace) or type(value).__name__ in _CODE


def _type_name(value: Any) -> str:
    if isinstance(value, Namespace):
        return "module"
    if isinstance(value, torch.Tensor):
        return "Tensor"
    return type_text(value)


def _stand_in(value: Any) -> Any:
    """`value` itself when it is plain Python data; else an inert object of a class named as its type."""
    if is_data(value) and not isinstance(value, torch.Tensor | SafeArray):
        return value
    name = _type_name(value)
    kind = _STAND_INS.get(name)
    if kind is None:
        kind = _STAND_INS[name] = type(name, (), {"__slots__": ()})
    return kind()


def binary_error(fn: Callable[..., Any], left: Any, right: Any) -> Exception | None:
    """Python's TypeError for `left <op> right` (fn: the operator's function), or None when Python has
    an answer that is no error (`'%s' % f` formats it: left to the engine's own refusal)."""
    try:
        fn(_stand_in(left), _stand_in(right))
    except TypeError as exc:
        return python_error(exc)
    return None


def unary_error(fn: Callable[..., Any], value: Any) -> Exception:
    try:
        fn(_stand_in(value))
    except TypeError as exc:
        return python_error(exc)
    return python_error(TypeError("bad operand type"))


def identity_compare(op: str, left: Any, right: Any) -> bool | None:
    """`f == g`, `f != 1`: by identity, when one side is a function and the other no tensor, array or
    object of the program (those compare themselves); None when this rule does not answer."""
    if op not in ("eq", "ne"):
        return None
    if not (is_code_value(left) or is_code_value(right)):
        return None
    for side in (left, right):
        if not is_code_value(side) and not (is_data(side) and not isinstance(side, torch.Tensor | SafeArray)):
            return None
    same = left is right or type(left).__name__ == type(right).__name__ == "BoundMethod" and left == right
    return same == (op == "eq")
