"""Sets as the Python-basics lessons use them: `{1, 2}`, `set(...)`, `{x for x in ...}`, `in`, `len`,
iteration, `|`, `&`, `-`, `^`, comparisons (subset, equality) and the common methods.

A program's set is a ProgramSet: a real CPython set (membership, the operators and the methods are
CPython's own code), whose items are plain hashable values (numbers, strings, None, short tuples of
those: dicts.check_key's rule) or the program's objects (by identity; tensors, which dicts take as keys,
are no set items), so hashing never runs program code. Bounded like lists: every set
counts against max_sequence_len (and the run's total) when built or grown.

The value is a lang/set_value.ProgramSet around a real set; every set is made the way CPython's
compiled code makes it (a display item by item, a display of constants as the compiler's frozenset,
a set argument merged as a set, methods and operators by CPython's own set code), so the table, and
with it the order of a set of numbers, is CPython's. Sets holding strings print sorted (set_value)."""

from __future__ import annotations

import ast
import weakref
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import dicts
from autogradlab.lang.calls import require_data
from autogradlab.lang.safe_values import CODE_TYPES, STORED_OBJECT_TYPES, note_stored_object
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.stored_objects import require_item, require_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

def _python(error: Exception) -> Exception:
    """CPython's own error (its text said as Python's words in every language)."""
    from autogradlab.lang.operators import python_error
    return python_error(error)


def check_item(item: Any) -> None:
    """Plain hashable values only, with CPython's text for the unhashable ones; or an object or class of
    the program, hashed by its identity as Python hashes an object without __hash__/__eq__ (the Python
    class of ProgramObject/ProgramClass defines neither: no program code runs)."""
    if dicts.plain_key(item):
        return
    if type(item) in STORED_OBJECT_TYPES or isinstance(item, tuple(CODE_TYPES)):   # `visited.add(node)`
        note_stored_object()   # (micrograd), `{f, g}`: by identity (a bound method: its object and function)
        return
    if type(item) is tuple and any(type(part) in STORED_OBJECT_TYPES or isinstance(part, tuple(CODE_TYPES))
                                   for part in item) \
            and len(item) <= dicts.MAX_KEY_ITEMS:   # `edges.add((child, v))` (micrograd's trace)
        for part in item:
            if type(part) not in STORED_OBJECT_TYPES:
                check_item(part)
        note_stored_object()
        return
    require_data(item, "as a set item")
    for part in (item, *(dicts.tuple_parts(item) or item)) if type(item) is tuple else (item,):
        if isinstance(part, list | dict | ProgramSet):
            raise _python(TypeError(f"unhashable type: '{type(part).__name__}'"))
    if isinstance(item, torch.Tensor):
        raise NotSupported("tensors cannot be set items in Autograd Lab (a tensor hashes by its identity, "
                           "not its values)", hint="use a list, or a set of the numbers (t.item())")
    # (a dict key may hold a tensor inside a tuple: a set item may not)
    refused = type(item) is tuple and any(isinstance(part, torch.Tensor)
                                          for part in dicts.tuple_parts(item) or ())
    if not refused:
        try:
            dicts.check_key(item)
        except ProgramTypeError:
            refused = True
    if refused:
        raise ProgramTypeError(f"set items are numbers, strings, None or short tuples of those in Autograd "
                               f"Lab (not '{type(item).__name__}')")


def add(interp: Interpreter, target: ProgramSet, item: Any, what: str = "the set") -> None:
    check_item(item)
    if dicts.program_hash(item):   # its __hash__ runs once, as in Python's set.add (counted after)
        before = len(target)
        target.items.add(item)
        if len(target) > before:
            interp.sizes.charge_sequence(len(target), what, added=1)
        return
    if item not in target.items:
        interp.sizes.charge_sequence(len(target) + 1, what, added=1)
        target.items.add(item)


def make(interp: Interpreter, items: list, what: str = "the set") -> ProgramSet:
    """A set of items already counted as a list (a display, set(...)): checked, then built."""
    for item in items:
        check_item(item)
    return ProgramSet(set(items))


# A display of constants (`epoch in {1, 2, 3, 10, 100, 4000}` in a 5,000-pass loop, issue 9): its items,
# checked, and the table order of the compiler's frozenset, made once per node; each pass still counts
# the set and gets a set of its own (a display is a new set every time). Weak keys: they go with the tree.
_CONSTANT_SETS: weakref.WeakKeyDictionary[ast.AST, frozenset] = weakref.WeakKeyDictionary()


def build(interp: Interpreter, node: ast.Set) -> ProgramSet:
    """`{a, b, *rest}`: the items added in order, a starred set merged as CPython merges it (its
    table order), so the set's own order is CPython's. A display of more than two constants is a
    frozenset constant in CPython's compiled code (built from the items, then rebuilt from its own
    order by the compiler's constant merging): that order too."""
    known = _CONSTANT_SETS.get(node)
    if known is not None:
        interp.sizes.charge_sequence(len(node.elts), "the set")
        return ProgramSet(set(known))
    parts: list = []
    count = 0
    for element in node.elts:
        if isinstance(element, ast.Starred):
            value = require_storable(interp.eval(element.value), "after `*`")
            part = value.items if isinstance(value, ProgramSet) else interp.materialize(value, element)
            count += len(part)
            parts.append(part)
        else:
            parts.append([require_item(interp.eval(element), "inside a set")])
            count += 1
    interp.sizes.charge_sequence(count, "the set")
    for part in parts:
        if not isinstance(part, set):
            for item in part:
                check_item(item)
    result = set()
    if len(node.elts) > 2 and all(_constant(element) for element in node.elts):
        made = frozenset(tuple(frozenset(item for part in parts for item in part)))
        _CONSTANT_SETS[node] = made
        result.update(made)
        return ProgramSet(result)
    for part in parts:
        result.update(part)
    return ProgramSet(result)


def _constant(node: ast.expr) -> bool:
    """What CPython's AST optimizer folds into a constant: literals, -literal, tuples of those."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return isinstance(node.operand, ast.Constant) and type(node.operand.value) in (int, float, complex)
    return isinstance(node, ast.Tuple) and all(_constant(element) for element in node.elts)


def comprehension(interp: Interpreter, node: ast.SetComp) -> ProgramSet:
    result = ProgramSet()

    def emit() -> None:
        add(interp, result, require_item(interp.eval(node.elt), "inside a set"), "the set comprehension")
    with interp.comprehension_scope(node):
        interp._comprehend(node, 0, emit, "a set comprehension")
    return result


_LOOP_ITERABLE: list = []   # [lang/iteration.loop_iterable] once convert has read it


def convert(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> ProgramSet:
    """`set()`, `set(iterable)`: CPython's texts for the wrong calls."""
    if kwargs:
        raise _python(TypeError("set() takes no keyword arguments"))
    if len(args) > 1:
        raise _python(TypeError(f"set expected at most 1 argument, got {len(args)}"))
    if not args:
        return ProgramSet()
    if isinstance(args[0], ProgramSet):   # copied table and all, as CPython's set(s)
        interp.sizes.charge_sequence(len(args[0]), "the set")
        return ProgramSet(set(args[0].items))
    if not _LOOP_ITERABLE:   # (it imports this module; an import here: ~1 us a set(_children))
        from autogradlab.lang.iteration import loop_iterable
        _LOOP_ITERABLE.append(loop_iterable)
    items = interp.materialize(_LOOP_ITERABLE[0](args[0], "in `set()`"), node)
    interp.sizes.charge_sequence(len(items), "the set")   # `set(xs)` in a loop: each set counts
    return make(interp, items)


def _others(interp: Interpreter, args: list, node: ast.AST) -> list:
    """The arguments as CPython's set methods will read them: a set as it is (its own table order),
    any other iterable as the list of its items (read in the same order), items checked."""
    from autogradlab.lang.iteration import loop_iterable
    others = []
    for value in args:
        if isinstance(value, ProgramSet):
            others.append(value.items)
            continue
        items = interp.materialize(loop_iterable(value, "in a set method"), node)
        for item in items:
            check_item(item)
        others.append(items)
    return others


def _grow(interp: Interpreter, base: ProgramSet, others: list) -> None:
    """set.update(*others), the new items counted first."""
    new = set().union(*others) - base.items if others else ()
    if new:
        interp.sizes.charge_sequence(len(base) + len(new), "the set", added=len(new))
    base.items.update(*others)


def call_method(interp: Interpreter, base: ProgramSet, name: str, args: list, kwargs: dict,
                node: ast.AST) -> Any:
    if name not in SET_METHODS:
        from autogradlab.lang.missing_members import python_lacks  # s.push(): Python's AttributeError
        raise python_lacks(base, name) or NotSupported(f"the method `.{name}()` of set values is not "
                                                       "supported in Autograd Lab")
    if kwargs:
        raise _python(TypeError(f"set.{name}() takes no keyword arguments"))
    items, count = base.items, len(args)   # (items are checked by check_item, iterables by _others)
    if name == "add" and count == 1:
        add(interp, base, args[0])
        return None
    if name in ("remove", "discard") and count == 1:
        check_item(args[0])
        return getattr(items, name)(args[0])
    if name == "pop" and not count:
        if not items:
            raise _python(KeyError("pop from an empty set"))
        if base.in_cpython_order():
            return items.pop()   # CPython's own choice
        item = next(iter(base))   # the first item as the set shows it
        items.discard(item)
        return item
    if name == "clear" and not count:
        items.clear()
        return None
    if name == "copy" and not count:
        interp.sizes.charge_sequence(len(base), "the copy of the set")
        return ProgramSet(items.copy())
    if name == "update":
        _grow(interp, base, _others(interp, args, node))
        return None
    if name in ("union", "intersection", "difference", "symmetric_difference"):
        if name == "symmetric_difference" and count != 1:
            return items.symmetric_difference(*args)   # CPython's TypeError for the count
        others = _others(interp, args, node)
        if name in ("union", "symmetric_difference"):   # at most len(base) + the others' items
            interp.sizes.charge_sequence(len(set().union(items, *others)), "the set")
        else:
            interp.sizes.charge_sequence(len(items), "the set")
        return ProgramSet(getattr(items, name)(*others))
    if name in ("intersection_update", "difference_update", "symmetric_difference_update"):
        others = _others(interp, args, node)
        if name == "symmetric_difference_update" and count == 1:
            new = set(others[0]) - items
            if new:
                interp.sizes.charge_sequence(len(base) + len(new), "the set", added=len(new))
        getattr(items, name)(*others)
        return None
    if name in ("issubset", "issuperset", "isdisjoint") and count == 1:
        return getattr(items, name)(*_others(interp, args, node))
    return getattr(items, name)(*args)   # a wrong count of arguments: CPython's TypeError


SET_METHODS = frozenset({"add", "remove", "discard", "pop", "clear", "copy", "update", "union",
                         "intersection", "difference", "symmetric_difference", "intersection_update",
                         "difference_update", "symmetric_difference_update", "issubset", "issuperset",
                         "isdisjoint"})
