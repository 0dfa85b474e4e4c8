"""Sets as the Python-basics lessons use them: `{1, 2}`, `set(...)`, `{x for x in ...}`, `in`, `len`,
iteration, `|`, `&`, `-`, `^`, comparisons (subset, equality) and the common methods.

A program's set is a ProgramSet: a real CPython set (membership, the operators and the methods are
CPython's own code), whose items are plain hashable values (numbers, strings, None, short tuples of
those: dicts.check_key's rule), so hashing never runs program code. Bounded like lists: every set
counts against max_sequence_len (and the run's total) when built or grown.

Order. CPython's order of a set is fixed for numbers (their hashes do not change between runs), so a
set of numbers (and tuples of numbers) iterates and prints exactly as CPython prints it. A set holding
strings (or None, whose hash is its address in CPython 3.11) has an order that changes from run to
run with hash randomisation (PYTHONHASHSEED), and no run of the engine could promise one of them:
such a set iterates and prints in sorted order (numbers first, then strings, then the rest by their
text), so the same program always prints the same text."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import dicts
from autogradlab.lang.calls import require_data

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NUMBERS = frozenset({bool, int, float, complex})


class ProgramSet(set):
    """A set of the program (the class is named `set`, so CPython's own error texts and type(s)
    say 'set')."""

    __slots__ = ()

    def __iter__(self) -> Any:
        if all(_fixed_hash(item) for item in set.__iter__(self)):
            return set.__iter__(self)
        return iter(sorted(set.__iter__(self), key=_order_key))

    def __repr__(self) -> str:
        if not self:
            return "set()"
        return "{" + ", ".join(repr(item) for item in self) + "}"

    def __format__(self, spec: str) -> str:
        return format(repr(self), spec)

    def __reduce__(self) -> Any:   # a report's variables are pickled: as the plain set it is
        return (set, (list(self),))


ProgramSet.__name__ = ProgramSet.__qualname__ = "set"


def _fixed_hash(item: Any) -> bool:
    kind = type(item)
    if kind in _NUMBERS:
        return True
    return kind is tuple and all(type(v) in _NUMBERS for v in item)


def _order_key(item: Any) -> tuple:
    kind = type(item)
    if kind in _NUMBERS and kind is not complex:
        return (0, item, "")
    if kind is str:
        return (1, 0, item)
    return (2, 0, repr(item))


def _python(error: Exception) -> Exception:
    """CPython's own error (its text said as Python's words in every language)."""
    from autogradlab.lang.operators import python_error
    return python_error(error)


def check_item(item: Any) -> None:
    """Plain hashable values only, with CPython's text for the unhashable ones."""
    require_data(item, "as a set item")
    for part in (item, *item) if type(item) is tuple else (item,):
        if isinstance(part, list | dict | set):
            raise _python(TypeError(f"unhashable type: '{type(part).__name__}'"))
    if isinstance(item, torch.Tensor):
        raise NotSupported("tensors cannot be set items in Autograd Lab (a tensor hashes by its identity, "
                           "not its values)", hint="use a list, or a set of the numbers (t.item())")
    try:
        dicts.check_key(item)
    except ProgramTypeError:
        raise ProgramTypeError(f"set items are numbers, strings, None or short tuples of those in Autograd "
                               f"Lab (not '{type(item).__name__}')") from None


def add(interp: Interpreter, target: ProgramSet, item: Any, what: str = "the set") -> None:
    check_item(item)
    if item not in target:
        interp.sizes.charge_sequence(len(target) + 1, what, added=1)
        target.add(item)


def make(interp: Interpreter, items: list, what: str = "the set") -> ProgramSet:
    """A set of items already counted as a list (a display, set(...)): checked, then built."""
    for item in items:
        check_item(item)
    return ProgramSet(items)


def adopt(interp: Interpreter, result: Any) -> Any:
    """The plain set CPython's `a | b` returns for sets: counted, and a ProgramSet again."""
    if type(result) is set:
        interp.sizes.charge_sequence(len(result), "the set")
        return ProgramSet(result)
    return result


def build(interp: Interpreter, node: ast.Set) -> ProgramSet:
    """`{a, b, *rest}`: the items in order (a starred one spread like a list display)."""
    items: list = []
    for element in node.elts:
        if isinstance(element, ast.Starred):
            items.extend(interp.materialize(require_data(interp.eval(element.value), "after `*`"), element))
        else:
            items.append(require_data(interp.eval(element), "inside a set"))
    interp.sizes.charge_sequence(len(items), "the set")
    return make(interp, items)


def comprehension(interp: Interpreter, node: ast.SetComp) -> ProgramSet:
    result = ProgramSet()

    def emit() -> None:
        add(interp, result, require_data(interp.eval(node.elt), "inside a set"), "the set comprehension")
    with interp.comprehension_scope():
        interp._comprehend(node, 0, emit, "a set comprehension")
    return result


def convert(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> ProgramSet:
    """`set()`, `set(iterable)`: CPython's texts for the wrong calls."""
    if kwargs:
        raise _python(TypeError("set() takes no keyword arguments"))
    if len(args) > 1:
        raise _python(TypeError(f"set expected at most 1 argument, got {len(args)}"))
    if not args:
        return ProgramSet()
    from autogradlab.lang.iteration import loop_iterable
    items = interp.materialize(loop_iterable(args[0], "in `set()`"), node)
    return make(interp, items)


def _others(interp: Interpreter, args: list, node: ast.AST) -> list[list]:
    from autogradlab.lang.iteration import loop_iterable
    return [interp.materialize(loop_iterable(a, "in a set method"), node) for a in args]


def _grow(interp: Interpreter, base: ProgramSet, others: list[list]) -> None:
    for items in others:
        for item in items:
            add(interp, base, item)


def call_method(interp: Interpreter, base: ProgramSet, name: str, args: list, kwargs: dict,
                node: ast.AST) -> Any:
    if name not in SET_METHODS:
        raise NotSupported(f"the method `.{name}()` of set values is not supported in Autograd Lab")
    if kwargs:
        raise _python(TypeError(f"set.{name}() takes no keyword arguments"))
    for value in args:
        require_data(value, f"in `.{name}()`")
    count = len(args)
    if name == "add" and count == 1:
        add(interp, base, args[0])
        return None
    if name in ("remove", "discard") and count == 1:
        check_item(args[0])
        return getattr(set, name)(base, args[0])
    if name == "pop" and not count:
        if not base:
            raise _python(KeyError("pop from an empty set"))
        if all(_fixed_hash(item) for item in set.__iter__(base)):
            return set.pop(base)   # CPython's own choice
        item = next(iter(base))   # the first item as the set shows it
        base.discard(item)
        return item
    if name == "clear" and not count:
        base.clear()
        return None
    if name == "copy" and not count:
        interp.sizes.charge_sequence(len(base), "the copy of the set")
        return ProgramSet(base)
    if name == "update":
        _grow(interp, base, _others(interp, args, node))
        return None
    if name in ("union", "intersection", "difference", "symmetric_difference"):
        if name == "symmetric_difference" and count != 1:
            return getattr(set, name)(base, *args)   # CPython's TypeError for the count
        others = [make(interp, items) for items in _others(interp, args, node)]
        result = getattr(set, name)(base, *others)
        return adopt(interp, result if type(result) is set else set(result))
    if name in ("intersection_update", "difference_update", "symmetric_difference_update"):
        others = [make(interp, items) for items in _others(interp, args, node)]
        getattr(set, name)(base, *others)
        return None
    if name in ("issubset", "issuperset", "isdisjoint") and count == 1:
        other = make(interp, _others(interp, args, node)[0])
        return getattr(set, name)(base, other)
    return getattr(set, name)(base, *args)   # a wrong count of arguments: CPython's TypeError


SET_METHODS = frozenset({"add", "remove", "discard", "pop", "clear", "copy", "update", "union",
                         "intersection", "difference", "symmetric_difference", "intersection_update",
                         "difference_update", "symmetric_difference_update", "issubset", "issuperset",
                         "isdisjoint"})
