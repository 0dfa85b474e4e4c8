"""Loops' iteration for the Interpreter: what `for` and unpacking iterate over, and the loop budget.

Iteration works like Python's (a tensor is unbound along dim 0 as Tensor.__iter__ does) over the
values a program may hold; every iteration of every loop is charged against max_loop_iterations,
and a list made from an iterable is sized before it is built.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import LimitExceeded, ProgramTypeError
from autogradlab.lang.dicts import VIEW_TYPES
from autogradlab.lang.iterators import ITERATORS, materialize_iterator
from autogradlab.lang.safe_values import SafeArray, type_text
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.stored_objects import require_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def not_iterable(value: Any) -> ProgramTypeError:
    """iterate()'s TypeError for a value that is not iterable, in CPython's words (the type as type()
    names it: `'builtin_function_or_method' object is not iterable`, never the engine's own class name);
    its `not_iterable` tells an unpacking assignment its own value from one inside a generator it ran
    (lang/unpacking.py: `cannot unpack non-iterable ... object`, red team session 41). A ProgramTypeError
    itself: `except TypeError` catches exactly that class (exceptions.as_caught)."""
    error = ProgramTypeError(f"'{type_text(value)}' object is not iterable")
    error.not_iterable = value
    return error


def loop_iterable(value: Any, where: str = "in a for loop") -> Any:
    """What a `for` loop or a comprehension may run over: data, or the program's generators and
    iterators."""
    if type(value).__name__ == "ProgramObject":   # its __iter__ or __getitem__ (lang/object_protocols.py)
        from autogradlab.lang.object_protocols import iterator_of
        return iterator_of(value.cls.interp, value, None)
    return value if isinstance(value, ITERATORS) else require_storable(value, where)


class IterationMixin:
    def charge_loop_iterations(self: Interpreter, count: int, what: str) -> None:
        self._iterations += count
        limit = self.limits.max_loop_iterations
        if self._iterations > limit:
            raise LimitExceeded(f"{what} ran past {limit:,} loop iterations in total; the limit is "
                                f"{limit:,}", hint="limit max_loop_iterations")
        if count > 1 or not self._iterations & 63:   # (map(max, rows) calls no statement: no step's check)
            self.check_time()

    def iterate(self: Interpreter, value: Any, node: ast.AST | None) -> Iterator[Any]:
        """Iterate like Python does; a tensor is unbound along dim 0 as Tensor.__iter__ does."""
        if isinstance(value, torch.Tensor):
            if value.dim() == 0:
                raise ProgramTypeError("iteration over a 0-d tensor")
            self.sizes.check_length(value.shape[0], "iterating over the tensor")
            items = value.unbind(0)
            self.record_op("unbind", [value], {}, items, node)
            return iter(items)
        if isinstance(value, SafeArray):
            if value.array.ndim:   # one row (or number) each, made here at once, as the tensor's unbind
                self.sizes.check_length(value.array.shape[0], "iterating over the array")
            return iter([SafeArray(row) if isinstance(row, np.ndarray) else row for row in value.array])
        if isinstance(value, (list, tuple, str, range, torch.Size, dict, ProgramSet, *VIEW_TYPES)):
            return iter(list(value) if isinstance(value, (dict, *VIEW_TYPES)) else value)
        if isinstance(value, ITERATORS):   # a generator runs its body as the loop asks (lang/generators.py)
            return value
        if type(value).__name__ == "numpy.poly1d":   # its coefficients, as NumPy's iter (numpy_poly1d.py)
            return iter(list(value.poly.coeffs))
        from autogradlab.lang.numpy_strings import StringArray, items
        if isinstance(value, StringArray):   # a string array's rows or strings (numpy_strings.py)
            return items(self, value)
        from autogradlab.lang import numpy_records
        if isinstance(value, numpy_records.RecordArray):   # its records (numpy_records.py)
            return numpy_records.items(self, value)
        if isinstance(value, numpy_records.RECORD_VALUES[2:]):   # for name in d.fields, for byte in b
            return iter(value)
        if type(value).__name__ == "mappingproxy":   # vars(C) lists Python's internals: refused by name
            iter(value)   # (lang/class_introspection.py)
        raise not_iterable(value)

    def materialize(self: Interpreter, value: Any, node: ast.AST | None) -> list:
        if isinstance(value, ITERATORS):
            return materialize_iterator(self, value, "the list")
        if isinstance(value, torch.Tensor) and value.dim() > 0:
            self.sizes.charge_sequence(value.shape[0], "the list")
        elif isinstance(value, SafeArray) and value.array.ndim:
            self.sizes.charge_sequence(value.array.shape[0], "the list")
        elif isinstance(value, range):
            try:
                self.sizes.charge_sequence(len(value), "the list")
            except OverflowError:
                self.sizes.check_length(self.limits.max_sequence_len + 1, "the list")
        return list(self.iterate(value, node))
