"""Truth, iteration, `in`, abs() and hash() of objects of the program's classes, through their own
`__bool__`, `__len__`, `__iter__`, `__getitem__`, `__contains__`, `__abs__` and `__hash__` (issue 9: a
student's `class MyData` with `__len__`/`__getitem__` looped over like a Dataset; `if not queue:`).

Python's rules, each method an interpreted call under the run's limits: truth asks `__bool__` (a bool,
else TypeError), then `__len__`; iteration asks `__iter__` (which must give an iterator: a generator of
the program, or `iter(...)` of a sequence), else `__getitem__` with 0, 1, 2, ... until it raises
IndexError; `x in obj` asks `__contains__`, else compares x with each item (identity first, then `==`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import METHOD, ProgramClass, ProgramObject, call_function
from autogradlab.lang.safe_values import is_data, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _found(obj: Any, name: str) -> Any:
    found = obj.cls.find(name) if type(obj) is ProgramObject else None
    return found if found is not None and found[1] == METHOD else None


def _run(interp: Interpreter, found: Any, obj: ProgramObject, args: list, node: ast.AST | None) -> Any:
    return call_function(interp, found[2], [obj, *args], {}, node, found[0])


def truth(interp: Interpreter, obj: ProgramObject, node: ast.AST | None) -> bool:
    """bool(obj): its __bool__ (which must return a bool), else its __len__ != 0, else True."""
    found = _found(obj, "__bool__")
    if found is not None:
        result = _run(interp, found, obj, [], node)
        if type(result) is not bool:
            raise python_error(TypeError(f"__bool__ should return bool, returned {type_text(result)}"))
        return result
    if _found(obj, "__len__") is None:
        return True
    from autogradlab.lang.class_dispatch import length
    return length(interp, obj, node) != 0


def iterator_of(interp: Interpreter, obj: ProgramObject, node: ast.AST | None) -> Any:
    """iter(obj): what its __iter__ returns (an iterator), or its items by __getitem__."""
    from autogradlab.lang.iterators import ITERATORS, SequenceIterator
    found = _found(obj, "__iter__")
    if found is not None:
        result = _run(interp, found, obj, [], node)
        if _found(result, "__next__") is not None:   # an object that is its own iterator (or another's)
            return SequenceIterator(_by_next(interp, result, node), result.cls.name)
        if not isinstance(result, ITERATORS):
            raise python_error(TypeError(f"iter() returned non-iterator of type '{_type_name(result)}'"))
        return result
    if _found(obj, "__getitem__") is None:
        raise python_error(TypeError(f"'{obj.cls.name}' object is not iterable"))
    return SequenceIterator(_by_index(interp, obj, node), "")


def _by_next(interp: Interpreter, obj: ProgramObject, node: ast.AST | None) -> Iterator[Any]:
    """obj.__next__() until it raises StopIteration (its own `raise StopIteration`, or a spent next())."""
    found = _found(obj, "__next__")
    while True:
        try:
            item = _run(interp, found, obj, [], node)
        except ProgramError as error:
            kind = getattr(error, "py_type", None)
            if kind is not None and issubclass(kind, StopIteration) and not _final(error):
                return
            raise
        yield item


def next_of(interp: Interpreter, obj: ProgramObject, default: list, node: ast.AST | None) -> Any:
    """next(obj) / next(obj, default) of an object with __next__."""
    found = _found(obj, "__next__")
    if found is None:
        raise python_error(TypeError(f"'{obj.cls.name}' object is not an iterator"))
    try:
        return _run(interp, found, obj, [], node)
    except ProgramError as error:
        kind = getattr(error, "py_type", None)
        if default and kind is not None and issubclass(kind, StopIteration) and not _final(error):
            return default[0]
        raise


def _by_index(interp: Interpreter, obj: ProgramObject, node: ast.AST | None) -> Iterator[Any]:
    """Python's old sequence protocol: obj[0], obj[1], ... until IndexError (or StopIteration)."""
    from autogradlab.lang.class_dispatch import get_item
    index = 0
    while True:
        try:
            item = get_item(interp, obj, index, node)
        except ProgramError as error:
            kind = getattr(error, "py_type", None)
            if kind is not None and issubclass(kind, IndexError | StopIteration) and not _final(error):
                return
            raise
        yield item
        index += 1


def _final(error: ProgramError) -> bool:
    """A limit or a construct outside the language: never the end of a loop."""
    from autogradlab.lang.exceptions import as_caught
    return as_caught(error) is None


def _type_name(value: Any) -> str:
    if type(value) is ProgramObject:
        return value.cls.name
    return "type" if type(value) is ProgramClass else type_text(value)


def contains(interp: Interpreter, item: Any, obj: ProgramObject, node: ast.AST | None) -> bool:
    """`item in obj`: its __contains__ (the answer's truth), else a search of its items."""
    found = _found(obj, "__contains__")
    if found is not None:
        return interp.truth(_run(interp, found, obj, [item], node), node)
    from autogradlab.lang.object_equality import equals
    if _found(obj, "__iter__") is None and _found(obj, "__getitem__") is None:
        raise python_error(TypeError(f"argument of type '{obj.cls.name}' is not iterable"))
    for value in iterator_of(interp, obj, node):
        interp.charge_loop_iterations(1, "`in`")
        if value is item or interp.truth(equals(interp, value, item, False, node)
                                          if _compares(value, item) else value == item, node):
            return True
    return False


def _compares(left: Any, right: Any) -> bool:
    return type(left) is ProgramObject or type(right) is ProgramObject or type(left) is ProgramClass \
        or type(right) is ProgramClass


def index_of(interp: Interpreter, obj: Any, node: ast.AST | None) -> Any:
    """operator.index(obj): its __index__ (which must return an int), for range(obj) and `xs[obj]`; an
    object without one is given back for the caller's own refusal."""
    found = _found(obj, "__index__")
    if found is None:
        return obj
    result = _run(interp, found, obj, [], node)
    if not isinstance(result, int):
        raise python_error(TypeError(f"__index__ returned non-int (type {_type_name(result)})"))
    return int(result)


def absolute(interp: Interpreter, obj: Any, node: ast.AST | None) -> Any:
    found = _found(obj, "__abs__")
    if found is None:
        raise python_error(TypeError(f"bad operand type for abs(): '{_type_name(obj)}'"))
    return _run(interp, found, obj, [], node)


# hash() of a NumPy Generator: CPython's is its address / 16; here this base plus the run's id() number of
# it (data_wrappers.SafeNumpyGenerator's repr shows the fake address 0x7F0000000000 for the same reason)
FAKE_IDENTITY_HASH = 0x7F0000000000 >> 4


def hash_of(interp: Interpreter, value: Any) -> int:
    """hash(value): plain values as Python hashes them; an object through its own __hash__. Never an
    address: an object or tensor hashed by identity, None and NaN (CPython hashes them by address)."""
    from autogradlab.lang import dicts
    from autogradlab.lang.data_wrappers import SafeNumpyGenerator
    if type(value) is SafeNumpyGenerator:   # by identity, as CPython, but from the run's own id() numbers:
        return FAKE_IDENTITY_HASH + interp.identity(value)   # the real one would show its address
    if type(value) is ProgramObject:
        equality = value.cls.equality
        if equality is None or equality.hash is None and not equality.unhashable:
            raise _address_hash(value)
        return hash(value)
    if isinstance(value, list | dict) or type(value).__name__ in ("set", "mappingproxy"):   # vars(C): red s45
        raise python_error(TypeError(f"unhashable type: '{type(value).__name__}'"))
    if type(value) is not tuple and not is_data(value):   # print, a module, a class: by address in Python
        raise _address_hash(value)
    dicts.check_key(value)
    if not _hash_shows_no_address(value):
        raise _address_hash(value)
    return hash(value)


def _hash_shows_no_address(value: Any, depth: int = 0) -> bool:
    if type(value) is tuple:
        return depth < 8 and all(_hash_shows_no_address(part, depth + 1) for part in value)
    if type(value) is ProgramObject:
        equality = value.cls.equality
        return equality is not None and (equality.hash is not None or equality.unhashable)
    if isinstance(value, float | complex):
        return value == value   # noqa: PLR0124 - NaN hashes by its address
    return isinstance(value, bool | int | str)


def _address_hash(value: Any) -> NotSupported:
    from autogradlab.lang.safe_values import describe
    what = f"the `{value.cls.name}` object" if type(value) is ProgramObject else describe(value) \
        if not isinstance(value, tuple | type(None) | float | complex) else f"a {type(value).__name__} value"
    return NotSupported(f"hash() of {what} is not supported in Autograd Lab (its hash would show a "
                        "memory address)", hint="define `__hash__` in your class, or hash plain values")


def reversing(impl: Any) -> Any:
    """reversed(obj) of an object of the program's classes with `__reversed__`: what that method returns,
    as CPython (session 45: 草根学Python ch. 7's Countdown); without it, as before (refused by name)."""
    def call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) == 1 and not kwargs and type(args[0]) is ProgramObject:
            found = _found(args[0], "__reversed__")
            if found is not None:
                return _run(interp, found, args[0], [], node)
        return impl(interp, args, kwargs, node)
    return call


def iterating(name: str, impl: Any) -> Any:
    """sum(data), sorted(data), zip(data, ys), min(data): an object of the program's classes as the
    iterable is read through its __iter__ or __getitem__ (min(a, b) of two objects compares them)."""
    def call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not any(type(a) is ProgramObject for a in args):
            return impl(interp, args, kwargs, node)
        read = range(len(args)) if name == "zip" else range(1 if len(args) == 1 or name not in ("min", "max")
                                                              else 0)
        args = [iterator_of(interp, a, node) if i in read and type(a) is ProgramObject else a
                for i, a in enumerate(args)]
        return impl(interp, args, kwargs, node)
    return call
