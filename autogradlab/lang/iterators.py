"""Iterators other than generators, and the builtins that read any iterator: `iter(x)` of a list,
tuple, string, range, dict or tensor (a SequenceIterator), next() with its default, and reading
out all that an iterator still yields under max_sequence_len. Generators themselves (a `def` with
`yield`) are lang/generators.py; ITERATORS names both, for the places that accept either.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramError, ProgramTypeError, ProgramValueError
from autogradlab.lang.calls import require_data
from autogradlab.lang.generators import ProgramGenerator
from autogradlab.lang.safe_values import CODE_TYPES, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class SequenceIterator:
    """`iter(x)` of a list, tuple, string, range, dict or tensor: what next() reads item by item."""

    __slots__ = ("_items", "_kind")

    def __init__(self, items: Iterator[Any], kind: str) -> None:
        self._items = items
        self._kind = kind

    @property
    def type_name(self) -> str:
        """Python's name of its type: `map`, `zip`, `list_iterator`, `generator` (an expression's)."""
        if self._kind in ("map", "filter", "zip", "enumerate", "generator", "islice",
                          "itertools.chain", "reversed"):   # map_filter.py, itertools_module.py, builtins
            return self._kind
        if self._kind.startswith(("itertools.", "numpy.")):   # itertools.count, numpy.flatiter: the tp_name
            return self._kind
        if self._kind.endswith("iterator"):   # _PYTHON_ITERATORS: CPython's own name
            return self._kind
        return f"{self._kind}_iterator"

    def __repr__(self) -> str:
        if self._kind in ("itertools.count", "itertools.repeat"):   # count(5), repeat(0, 3) (itertools_lazy)
            from autogradlab.lang.itertools_lazy import itertools_text
            text = itertools_text(self)
            if text is not None:
                return text
        if self._kind == "generator":
            return f"<generator object {getattr(self._items, 'qualname', '<genexpr>')}>"
        if self._kind in ("islice", "itertools.product", "itertools.combinations",
                          "itertools.combinations_with_replacement"):   # lang/itertools_module.py
            return f"<itertools.{self._kind.rsplit('.', 1)[-1]} object>"
        if self._kind == "_deque_iterator":
            return "<_collections._deque_iterator object>"
        return f"<{self.type_name} object>"

    def __iter__(self) -> SequenceIterator:
        return self

    def __next__(self) -> Any:
        return next(self._items)


ITERATORS = (ProgramGenerator, SequenceIterator)
# iter(x)'s type in CPython 3.11 where it is not `<type of x>_iterator` (a tensor's: iter of its unbind(0))
_PYTHON_ITERATORS = {"dict": "dict_keyiterator", "dict_keys": "dict_keyiterator",
                     "Counter": "dict_keyiterator", "defaultdict": "dict_keyiterator",
                     "dict_values": "dict_valueiterator",
                     "dict_items": "dict_itemiterator", "OrderedDict": "odict_iterator",
                     "deque": "_deque_iterator", "tensor": "tuple_iterator", "ProgramSet": "set_iterator"}
CODE_TYPES.extend(ITERATORS)   # storable in lists, tuples and dict values (lang/safe_values.py)


def _python_type_error(text: str) -> ProgramError:
    """Python's own TypeError text for a wrong call of iter()/next() (said as Python's words)."""
    from autogradlab.lang.operators import python_error
    return python_error(TypeError(text))


def _iter(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if kwargs or not 1 <= len(args) <= 2:
        raise _python_type_error("iter() takes no keyword arguments" if kwargs else
                                 f"iter expected at {'least 1' if not args else 'most 2'} argument"
                                 f"{'' if not args else 's'}, got {len(args)}")
    if len(args) == 2:   # iter(f, sentinel): f() until it returns sentinel (itertools_module.py)
        from autogradlab.lang.itertools_module import callable_iterator
        return callable_iterator(interp, args[0], args[1], node)
    value = args[0]
    if isinstance(value, ITERATORS):
        return value
    from autogradlab.lang.stored_objects import require_storable
    require_storable(value, "in `iter()`")   # iter(layers): the list's objects go to `for`/next() only
    kind = "tensor" if isinstance(value, torch.Tensor) else type(value).__name__
    if kind == "str" and value.isascii():   # CPython 3.11's iterator of an ASCII string
        kind = "str_ascii"
    return SequenceIterator(interp.iterate(value, node), _PYTHON_ITERATORS.get(kind, kind))


def _next(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if kwargs:
        raise _python_type_error("next() takes no keyword arguments")
    if not 1 <= len(args) <= 2:
        raise _python_type_error(f"next expected at least 1 argument, got {len(args)}" if not args
                                 else f"next expected at most 2 arguments, got {len(args)}")
    value = args[0]
    if not isinstance(value, ITERATORS):
        require_data(value, "in `next()`")
        raise ProgramTypeError(f"'{type_text(value)}' object is not an iterator")
    try:
        return next(value)
    except StopIteration as stop:
        if len(args) == 2:
            return require_data(args[1], "in `next()`")
        error = ProgramValueError("StopIteration: the iterator has no more items")
        error.py_type, error.py_message = StopIteration, str(stop)   # `print(e)`: a generator's return value
        if stop.args:
            from autogradlab.lang.exceptions import python_args
            error.py_repr, error.py_args = repr(stop), python_args(stop)
        raise error from None


def materialize_iterator(interp: Interpreter, value: Any, what: str) -> list:
    """All items a generator or iterator still yields, refusing more than max_sequence_len."""
    items: list[Any] = []
    limit = interp.limits.max_sequence_len
    for item in value:
        items.append(item)
        if len(items) > limit:
            interp.sizes.check_length(len(items), what)
    interp.sizes.charge_sequence(len(items), what)
    return items


ITERATOR_BUILTINS = {"iter": _iter, "next": _next}
