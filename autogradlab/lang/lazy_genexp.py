"""`any(f(x) for x in xs)` and `all(...)` read their generator expression one item at a time, as
CPython does: the items after the first true (any) / false (all) one are never computed, so their
prints, ops and errors do not happen (issue 9). Elsewhere a generator expression is still built as
a list at once (lang/compiled_blocks.list_comprehension): sum(), max(), sorted()... read every item.

The expression runs in its own comprehension scope, made when the expression is evaluated (its
outer scope is the one it was written in) and swapped in for each item only: whoever reads it
(builtins' any()/all(), or a program function that shadows them) keeps its own scope. Each pass is
charged to the loop budget like a comprehension's; each item is data or an object of the program's classes
(require_item)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from autogradlab.lang.comprehension_words import loop_words
from autogradlab.lang.iteration import loop_iterable
from autogradlab.lang.iterators import SequenceIterator
from autogradlab.lang.scope import Scope, hide_class_scope
from autogradlab.lang.stored_objects import require_item

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class _Items:
    __slots__ = ("_interp", "_node", "_scope", "_what", "_items")

    def __init__(self, interp: Interpreter, node: ast.GeneratorExp) -> None:
        self._interp = interp
        self._node = node
        self._scope = Scope(interp.scope, interp.scope.function_name, comprehension=True)
        hide_class_scope(self._scope)   # its first iterable is read below in the enclosing scope
        self._scope.block = "<genexpr>"
        self._what = loop_words(interp, node)[0]
        first = node.generators[0].iter   # CPython evaluates the first iterable when the expression is made
        self._items = self._walk(0, loop_iterable(interp.eval(first), "in a comprehension"))

    def _walk(self, level: int, iterable: Any = None) -> Iterator[Any]:
        interp, node = self._interp, self._node
        generator = node.generators[level]
        if level:
            iterable = loop_iterable(interp.eval(generator.iter), "in a comprehension")
        last = level + 1 == len(node.generators)
        for item in interp.iterate(iterable, generator.iter):
            interp.charge_loop_iterations(1, self._what)
            interp.assign(generator.target, item, generator.target, hook=False)
            if all(interp.truth(interp.eval(test), test) for test in generator.ifs):
                if last:
                    yield require_item(interp.eval(node.elt), "inside a list")
                else:
                    yield from self._walk(level + 1)

    @property
    def qualname(self) -> str:
        """`make.<locals>.<genexpr>` (a generator object's text, as CPython's)."""
        from autogradlab.lang.function_text import scope_qualname
        return scope_qualname("<genexpr>", self._scope.parent)

    def __iter__(self) -> _Items:
        return self

    def __next__(self) -> Any:
        interp = self._interp
        caller, interp.scope = interp.scope, self._scope
        try:
            return next(self._items)
        finally:
            interp.scope = caller


def lazy_generator_expression(interp: Interpreter, node: ast.GeneratorExp) -> SequenceIterator:
    return SequenceIterator(_Items(interp, node), "generator")
