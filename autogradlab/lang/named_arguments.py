"""Binding a call's arguments to parameter names, with Python's messages, for the library functions the
engine writes itself (set_printoptions, pprint, a namedtuple's constructor): positional arguments in
order, then keywords. The caller checks how many positional arguments there may be first (its message
counts them its own way: `takes from 0 to 6`, or with `self`)."""

from __future__ import annotations

from typing import Any

from autogradlab.errors import ProgramTypeError


def bind_named(fn: str, names: tuple[str, ...], args: list, kwargs: dict[str, Any], *,
               keywords: tuple[str, ...] | None = None) -> dict[str, Any]:
    """{name: value} of `args` given to `names` and of `kwargs`. A keyword given positionally too is
    Python's "got multiple values"; with `keywords` (the names a keyword may take), any other keyword is
    Python's "unexpected keyword argument" (None: the caller checks the rest itself)."""
    given = dict(zip(names, args, strict=False))
    for name, value in kwargs.items():
        if keywords is not None and name not in keywords:
            raise ProgramTypeError(f"{fn}() got an unexpected keyword argument '{name}'")
        if name in given:
            raise ProgramTypeError(f"{fn}() got multiple values for argument '{name}'")
        given[name] = value
    return given
