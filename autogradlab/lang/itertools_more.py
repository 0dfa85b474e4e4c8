"""More of itertools as lessons use it (issue 9, session 29): `accumulate` (running sums, a
lesson's cumulative loss), `chain`, `count`, `repeat`, `pairwise`, `zip_longest`, `permutations`.

Lazy as in CPython, and bounded as itertools_module.py's are: every item made is charged to the loop
budget (max_loop_iterations), so `count()` or `repeat(x)` without an end stops at the budget; a tuple
made (pairwise, zip_longest, permutations) is charged to the run's list items too. accumulate adds
through the interpreter (Interpreter.apply_binary: a tensor's size checks, an int's digit limit, the
op recorded as the program's own `+`) or calls the program's function through it.
"""

from __future__ import annotations

import ast
import itertools
import operator
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from autogradlab.lang.iterators import SequenceIterator
from autogradlab.lang.itertools_module import _Charged, _ChargedTuples, _ssize
from autogradlab.lang.map_filter import _call, _iterator
from autogradlab.lang.operators import python_error

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_MISSING = object()


def _no_keywords(name: str, kwargs: dict, allowed: tuple[str, ...] = ()) -> None:
    for key in kwargs:
        if key not in allowed:
            raise python_error(TypeError(f"'{key}' is an invalid keyword argument for {name}()"))


class _Accumulated:
    """accumulate(iterable, func=None, *, initial=None)'s items, each charged."""

    __slots__ = ("_interp", "_source", "_func", "_total", "_node")

    def __init__(self, interp: Interpreter, source: Iterator[Any], func: Any, initial: Any,
                 node: ast.AST) -> None:
        self._interp, self._source, self._func, self._node = interp, source, func, node
        self._total = initial

    def __iter__(self) -> _Accumulated:
        return self

    def __next__(self) -> Any:
        interp = self._interp
        item = next(self._source)
        interp.charge_loop_iterations(1, "itertools.accumulate()")
        if self._total is _MISSING:
            self._total = item
        elif self._func is None:
            self._total = interp.apply_binary("add", operator.add, self._total, item, self._node)
        else:
            self._total = _call(interp, self._func, [self._total, item], self._node)
        return self._total


def _accumulate(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    _no_keywords("accumulate", kwargs, ("iterable", "func", "initial"))
    named = dict(zip(("iterable", "func"), args, strict=False))
    if len(args) > 2:
        raise python_error(TypeError(f"accumulate() takes at most 2 arguments ({len(args)} given)"))
    for key in ("iterable", "func"):
        if key in kwargs and key in named:
            raise python_error(TypeError(f"argument for accumulate() given by name ('{key}') and position"))
    named.update({k: v for k, v in kwargs.items() if k != "initial"})
    if "iterable" not in named:
        raise python_error(TypeError("accumulate() missing required argument 'iterable' (pos 1)"))
    source = _iterator(interp, named["iterable"], node, 1, "accumulate")
    func = named.get("func")
    initial = kwargs.get("initial")
    items = _Accumulated(interp, source, func, _MISSING, node)
    if initial is None:
        return SequenceIterator(items, "itertools.accumulate")
    items._total = initial
    return SequenceIterator(itertools.chain([initial], items), "itertools.accumulate")


def _chain(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    _no_keywords("chain", kwargs)

    def items() -> Iterator[Any]:
        for i, value in enumerate(args):
            yield from _iterator(interp, value, node, i + 1, "chain")
    return SequenceIterator(_Charged(interp, items(), "itertools.chain()"), "itertools.chain")


def _count(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    _no_keywords("count", kwargs, ("start", "step"))
    if len(args) > 2:
        raise python_error(TypeError(f"count expected at most 2 arguments, got {len(args)}"))
    named = {**dict(zip(("start", "step"), args, strict=False)), **kwargs}
    start, step = named.get("start", 0), named.get("step", 1)
    for value in (start, step):
        if type(value) not in (int, float, bool):
            raise python_error(TypeError("a number is required"))
    made = _Charged(interp, itertools.count(start, step), "itertools.count()")
    return SequenceIterator(made, "itertools.count")


def _repeat(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    _no_keywords("repeat", kwargs, ("object", "times"))
    named = {**dict(zip(("object", "times"), args, strict=False)), **kwargs}
    if "object" not in named or len(args) > 2:
        raise python_error(TypeError("repeat() missing required argument 'object' (pos 1)"))
    if "times" in named:
        times = named["times"]
        if not isinstance(times, int):
            raise python_error(TypeError(
                f"'{type(times).__name__}' object cannot be interpreted as an integer"))
        made = itertools.repeat(named["object"], max(0, _ssize(times)))
    else:
        made = itertools.repeat(named["object"])
    return SequenceIterator(_Charged(interp, made, "itertools.repeat()"), "itertools.repeat")


def _pairwise(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    _no_keywords("pairwise", kwargs)
    if len(args) != 1:
        raise python_error(TypeError(f"pairwise expected 1 argument, got {len(args)}"))
    source = _Charged(interp, _iterator(interp, args[0], node, 1, "pairwise"), "itertools.pairwise()")
    made = _ChargedTuples(interp, itertools.pairwise(source), "a tuple of itertools.pairwise()")
    return SequenceIterator(made, "itertools.pairwise")


def _zip_longest(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    _no_keywords("zip_longest", kwargs, ("fillvalue",))
    sources = [_iterator(interp, value, node, i + 1, "zip_longest") for i, value in enumerate(args)]
    interp.sizes.check_length(len(sources), "a tuple of itertools.zip_longest()")
    made = itertools.zip_longest(*sources, fillvalue=kwargs.get("fillvalue"))
    return SequenceIterator(_ChargedTuples(interp, made, "a tuple of itertools.zip_longest()"),
                            "itertools.zip_longest")


def _permutations(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    _no_keywords("permutations", kwargs, ("iterable", "r"))
    named = {**dict(zip(("iterable", "r"), args, strict=False)), **kwargs}
    if "iterable" not in named or len(args) > 2:
        raise python_error(TypeError("permutations() missing required argument 'iterable' (pos 1)"))
    pool = tuple(_Charged(interp, _iterator(interp, named["iterable"], node, 1, "permutations"),
                          "itertools.permutations()"))
    r = named.get("r")
    if r is not None:
        if not isinstance(r, int):
            raise python_error(TypeError("Expected int as r"))
        if r < 0:
            raise python_error(ValueError("r must be non-negative"))
        r = _ssize(r)
    length = len(pool) if r is None else r
    # CPython fills its cycles and indices before the first tuple (r > len(pool) makes none)
    made: Iterator[Any] = iter(()) if length > len(pool) else itertools.permutations(pool, r)
    if length <= len(pool):
        interp.sizes.check_length(length, "a tuple of itertools.permutations()")
    return SequenceIterator(_ChargedTuples(interp, made, "a tuple of itertools.permutations()"),
                            "itertools.permutations")


MORE_ITERTOOLS = {"accumulate": _accumulate, "chain": _chain, "count": _count, "repeat": _repeat,
                  "pairwise": _pairwise, "zip_longest": _zip_longest, "permutations": _permutations}
