"""`help(f)` of the program's own `def` or `lambda` (session 41: learn-python3's "functions" lesson prints
`help(print_sum)` to show a docstring), as CPython's help() prints it with its output redirected:

    Help on function print_sum in module __main__:

    print_sum(val1, val2)
        Function which prints the sum of given arguments.

pydoc itself renders the text from a stand-in: a Python function that runs nothing, carrying the program
function's name, docstring (read from its tree, never run) and signature (names, the default values the
`def` already evaluated, annotations as written). Only text comes back; the caller charges it like print.
"""

from __future__ import annotations

import ast
import inspect
import pydoc
from collections.abc import Callable
from typing import Any

from autogradlab.lang.safe_values import UserFunction

_PLAIN = (int, float, complex, str, bool, type(None))
_EMPTY = inspect.Parameter.empty


class _Written:
    """An annotation or default value shown as text (inspect shows a value by its repr)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _default(value: Any, text: Callable[[Any], str]) -> Any:
    if type(value) in _PLAIN and not isinstance(value, str):
        return value   # repr as Python's: 3, None, 0.5
    # a text's, a tensor's, a list's or a function's text as print shows it: weighed before it is made
    # (a default of [[[0] * 1000] * 1000] * 1000 is a 3 GB text), charged as the program's text
    return _Written(text(value))


def _annotation(node: ast.expr | None) -> Any:
    return _EMPTY if node is None else _Written(ast.unparse(node))


def _signature(fn: UserFunction, text: Callable[[Any], str]) -> inspect.Signature:
    args: ast.arguments = fn.node.args
    kind = inspect.Parameter
    positional = [*args.posonlyargs, *args.args]
    first_default = len(positional) - len(fn.defaults)
    params = []
    for i, arg in enumerate(positional):
        default = _default(fn.defaults[i - first_default], text) if i >= first_default else _EMPTY
        params.append(kind(arg.arg, kind.POSITIONAL_ONLY if i < len(args.posonlyargs)
                           else kind.POSITIONAL_OR_KEYWORD, default=default,
                           annotation=_annotation(arg.annotation)))
    if args.vararg:
        params.append(kind(args.vararg.arg, kind.VAR_POSITIONAL,
                           annotation=_annotation(args.vararg.annotation)))
    kw_defaults = fn.star.kw_defaults if fn.star is not None else ()
    for arg, value in zip(args.kwonlyargs, kw_defaults, strict=False):
        missing = args.kw_defaults[args.kwonlyargs.index(arg)] is None
        params.append(kind(arg.arg, kind.KEYWORD_ONLY, default=_EMPTY if missing else _default(value, text),
                           annotation=_annotation(arg.annotation)))
    if args.kwarg:
        params.append(kind(args.kwarg.arg, kind.VAR_KEYWORD, annotation=_annotation(args.kwarg.annotation)))
    returns = getattr(fn.node, "returns", None)
    return inspect.Signature(params, return_annotation=_annotation(returns))


def user_function_help(fn: UserFunction, text: Callable[[Any], str] = repr,
                       bound_to: str | None = None, to_class: bool = False) -> str:
    """pydoc's plain text for the program's function, with the newline help() ends with. `text`: repr of
    a default value as the program's repr() makes it (its size checks and charges). `bound_to`: the
    name of the class of the object a bound method reads it from (`help(A().m)`, session 43); to_class:
    bound to that class itself, a classmethod read from it (`help(A.make)`, session 44)."""
    def stand_in(*args: Any, **kwargs: Any) -> None:
        return None
    stand_in.__name__ = fn.qualname.rsplit(".", 1)[-1]   # `m` of a class's method (its fn.name is `A.m`)
    stand_in.__qualname__ = fn.qualname
    stand_in.__module__ = "__main__"
    shown, seen, loop = fn, {id(fn)}, False   # functools.wraps(g): g's signature (inspect follows
    while type(shown.wraps) is UserFunction:   # __wrapped__) and the doc it copied (red team 2 s43: a loop
        shown = shown.wraps                    # of wraps is inspect's ValueError, pydoc's `(...)`)
        loop = id(shown) in seen
        if loop:
            break
        seen.add(id(shown))
    if fn.doc_copy is not None:
        stand_in.__doc__ = fn.doc_copy[0]
    else:
        node = shown.node
        stand_in.__doc__ = ast.get_docstring(node, clean=False) if isinstance(node, ast.FunctionDef) else None
    # a loop: no Signature, so inspect raises TypeError and pydoc writes `(...)` as for CPython's ValueError
    stand_in.__signature__ = "loop" if loop else _signature(shown, text)   # type: ignore[attr-defined]
    if bound_to is not None:   # help(A().m): a method of a stand-in instance of a class of that name
        owner = type(bound_to, (), {"__module__": "__main__"})
        return pydoc.plain(pydoc.render_doc(stand_in.__get__(owner if to_class else owner()),
                                            "Help on %s:")) + "\n"
    return pydoc.plain(pydoc.render_doc(stand_in, "Help on %s:")) + "\n"
