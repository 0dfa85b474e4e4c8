"""`from itertools import islice` and `iter(callable, sentinel)`, as fast.ai's course22p2 01_matmul cuts
a list of 784 pixels into rows of 28: `it = iter(lst1); img = list(iter(lambda: list(islice(it, 28)), []))`.

Both are lazy as in Python: islice pulls its items from the source only when asked (list(), `for`,
next()), and iter(f, sentinel) calls f once per item asked for, stopping when f's value == sentinel.
Each item either makes is charged to the loop budget (max_loop_iterations), and islice's skipped items
too (islice(it, 10**18, None) skips item by item, each charged), so neither can run unbounded; what f
calls runs through the interpreter as usual. islice's arguments are checked as CPython checks them
(same texts); `islice`, `product` and `combinations(_with_replacement)` (session 28) are here,
itertools_more.py has accumulate, chain, count, repeat, pairwise, zip_longest and permutations (session
29), itertools_lazy.py cycle, groupby, tee, starmap, takewhile, dropwhile, filterfalse and compress (session
30).
"""

from __future__ import annotations

import ast
import itertools
import operator
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramError
from autogradlab.lang.iterators import SequenceIterator
from autogradlab.lang.map_filter import _call, _iterator
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _index(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or not 0 <= value <= sys.maxsize:   # True is 1, as in CPython
        raise python_error(ValueError(f"{what} for islice() must be None or an integer: "
                                      "0 <= x <= sys.maxsize."))
    return value


def _islice(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    if kwargs:
        raise python_error(TypeError("islice() takes no keyword arguments"))
    if not 2 <= len(args) <= 4:
        raise python_error(TypeError(f"islice expected at {'least 2' if len(args) < 2 else 'most 4'} "
                                     f"arguments, got {len(args)}"))
    source = _iterator(interp, args[0], node, 1, "islice")
    if len(args) == 2:
        start, stop, step = 0, _index(args[1], "Stop argument"), 1
    else:
        start = _index(args[1], "Indices") or 0
        stop = _index(args[2], "Indices")
        step = args[3] if len(args) == 4 else None
        if step is not None and (not isinstance(step, int) or step < 1):
            raise python_error(ValueError("Step for islice() must be a positive integer or None."))
    return SequenceIterator(itertools.islice(_Charged(interp, source), start, stop, step or 1), "islice")


class _Charged:
    """The source's items, each charged to the loop budget as it is pulled (skipped ones too)."""

    __slots__ = ("_interp", "_source", "_label")

    def __init__(self, interp: Interpreter, source: Iterator[Any], label: str = "islice()") -> None:
        self._interp, self._source, self._label = interp, source, label   # (the call a limit names)

    def __iter__(self) -> _Charged:
        return self

    def __next__(self) -> Any:
        item = next(self._source)
        self._interp.charge_loop_iterations(1, self._label)
        return item


class CallableItems:
    """iter(f, sentinel)'s items: f() until its value == sentinel, each call charged to the loop budget."""

    __slots__ = ("_interp", "_function", "_sentinel", "_node", "_done")

    def __init__(self, interp: Interpreter, function: Any, sentinel: Any, node: ast.AST) -> None:
        self._interp, self._function, self._sentinel, self._node = interp, function, sentinel, node
        self._done = False

    def __iter__(self) -> CallableItems:
        return self

    def __next__(self) -> Any:
        if self._done:
            raise StopIteration
        interp = self._interp
        interp.charge_loop_iterations(1, "iter(callable, sentinel)")
        try:
            value = _call(interp, self._function, [], self._node)
        except ProgramError as error:
            if getattr(error, "py_type", None) is StopIteration:   # as CPython: f's StopIteration ends it
                self._done = True
                raise StopIteration from None
            raise
        same = interp.apply_binary("eq", operator.eq, value, self._sentinel, self._node)
        if interp.truth(same, self._node):
            self._done = True
            raise StopIteration
        return value


class _ChargedTuples(_Charged):
    """product's and combinations' tuples: each charged to the loop budget and its items to the run's
    total of list and string items (combinations(range(10**5), 99_999) makes 10**5 tuples of 99,999)."""

    __slots__ = ("_what",)

    def __init__(self, interp: Interpreter, source: Iterator[Any], what: str) -> None:
        super().__init__(interp, source, what.removeprefix("a tuple of "))
        self._what = what

    def __next__(self) -> Any:
        item = super().__next__()
        self._interp.sizes.charge_sequence(len(item), self._what)
        return item


def _ssize(value: int) -> int:
    """An int argument CPython converts to a C ssize_t (the repeat and r of product/combinations)."""
    if value > sys.maxsize or value < -sys.maxsize - 1:
        raise python_error(OverflowError("Python int too large to convert to C ssize_t"))
    return value


def callable_iterator(interp: Interpreter, function: Any, sentinel: Any, node: ast.AST) -> SequenceIterator:
    from autogradlab.lang.map_filter import _CALLABLE
    if not isinstance(function, _CALLABLE):
        raise python_error(TypeError("iter(v, w): v must be callable"))
    return SequenceIterator(CallableItems(interp, function, sentinel, node), "callable")


def _product(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    """itertools.product(a, b, repeat=n) (torch.cartesian_prod's example): CPython reads every source
    into a tuple and keeps `repeat` copies of them before the first item, so the sources are read item by
    item (each charged to the loop budget) and their copies counted as a list of that many items first;
    each tuple made is charged too (_ChargedTuples)."""
    repeat = 1
    for name, value in kwargs.items():
        if name != "repeat":
            raise python_error(TypeError(f"'{name}' is an invalid keyword argument for product()"))
        if not isinstance(value, int):   # True is 1, as in CPython
            raise python_error(TypeError(
                f"'{type(value).__name__}' object cannot be interpreted as an integer"))
        if value < 0:
            raise python_error(ValueError("repeat argument cannot be negative"))
        repeat = _ssize(value)
    if args and repeat > sys.maxsize // len(args):
        raise python_error(OverflowError("repeat argument too large"))
    pools = [tuple(_Charged(interp, _iterator(interp, value, node, i + 1, "product")))
             for i, value in enumerate(args)]
    interp.sizes.charge_sequence(sum(len(pool) for pool in pools) * repeat,
                                 "the pools of itertools.product()")
    # CPython keeps len(args) * repeat pools and indices even when one pool is empty and nothing comes
    # (product([], repeat=10**8): 2.5 GB); the same nothing, without them
    made = iter(()) if repeat and not all(pools) else itertools.product(*pools, repeat=repeat)
    charged = _ChargedTuples(interp, made, "a tuple of itertools.product()")
    return SequenceIterator(charged, "itertools.product")


def _combinations_of(kind: str) -> Any:
    """itertools.combinations / combinations_with_replacement(iterable, r) (torch.combinations' example):
    the source read item by item into CPython's pool (each charged), each tuple made charged too."""
    def run(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
        given = len(args) + len(kwargs)
        if given > 2:
            words = "arguments" if args else "keyword arguments"   # CPython's text for keywords only
            raise python_error(TypeError(f"{kind}() takes at most 2 {words} ({given} given)"))
        named = dict(zip(("iterable", "r"), args, strict=False))
        for name, value in kwargs.items():
            if name in named:
                raise python_error(TypeError(f"argument for {kind}() given by name ('{name}') and position "
                                             f"({1 if name == 'iterable' else 2})"))
            named[name] = value
        for name, position in (("iterable", 1), ("r", 2)):
            if name not in named:
                raise python_error(TypeError(f"{kind}() missing required argument '{name}' (pos {position})"))
        if len(named) > 2:
            wrong = next(name for name in named if name not in ("iterable", "r"))
            raise python_error(TypeError(f"'{wrong}' is an invalid keyword argument for {kind}()"))
        r = named["r"]
        if not isinstance(r, int):   # True is 1, as in CPython
            raise python_error(TypeError(f"'{type(r).__name__}' object cannot be interpreted as an integer"))
        r = _ssize(r)
        pool = tuple(_Charged(interp, _iterator(interp, named["iterable"], node, 1, kind)))
        if r < 0:
            raise python_error(ValueError("r must be non-negative"))
        # CPython fills r indices before the first tuple, even when r > len(pool) makes none
        # (combinations([1, 2], 10**8): 0.8 GB), and a tuple of r items with replacement: none is built
        # when none comes, and a tuple's length is checked before it is
        if r > len(pool) and (kind == "combinations" or not pool):
            made: Iterator[Any] = iter(())
        else:
            if kind != "combinations":
                interp.sizes.check_length(r, f"a tuple of itertools.{kind}()")
            made = getattr(itertools, kind)(pool, r)
        return SequenceIterator(_ChargedTuples(interp, made, f"a tuple of itertools.{kind}()"),
                                f"itertools.{kind}")
    return run


def itertools_namespace() -> Namespace:
    from autogradlab.lang.itertools_lazy import LAZY_ITERTOOLS  # (it imports this module)
    from autogradlab.lang.itertools_more import MORE_ITERTOOLS  # (it imports this module)
    return Namespace("itertools", {"islice": SafeFunction("itertools.islice", _islice),
                                   "product": SafeFunction("itertools.product", _product),
                                   **{kind: SafeFunction(f"itertools.{kind}", _combinations_of(kind))
                                      for kind in ("combinations", "combinations_with_replacement")},
                                   **{name: SafeFunction(f"itertools.{name}", impl)
                                      for name, impl in MORE_ITERTOOLS.items()},
                                   **{name: SafeFunction(f"itertools.{name}", impl)
                                      for name, impl in LAZY_ITERTOOLS.items()}})
