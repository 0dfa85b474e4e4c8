"""`collections.deque(xs, maxlen=3)`: a list (a subclass, so every check of a list's size and contents
applies) whose own methods keep at most maxlen items, as Python's deque does. Every method a program
calls goes through call_method (attributes.call_method sends them here before the list methods), and
each item added is counted like list.append's; a huge maxlen allocates nothing. Slicing is refused
as Python refuses it; `+`, `*` and `+=` make or extend a deque within its maxlen.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramIndexError, ProgramTypeError, ProgramValueError
from autogradlab.lang.compare_guard import run_sized
from autogradlab.lang.missing_members import python_lacks

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class Deque(list):
    """collections.deque's data; `maxlen` None or a whole number >= 0."""

    maxlen: int | None = None

    def __repr__(self) -> str:
        inner = list.__repr__(self)
        return f"deque({inner})" if self.maxlen is None else f"deque({inner}, maxlen={self.maxlen})"

    def _trimmed(self, left: bool = False) -> Deque:
        if self.maxlen is not None and len(self) > self.maxlen:
            extra = len(self) - self.maxlen
            if left:
                del self[-extra:]
            else:
                del self[:extra]
        return self

    def __add__(self, other: Any) -> Deque:
        if not isinstance(other, Deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return _made(list.__add__(self, other), self.maxlen)

    def __iadd__(self, other: Any) -> Deque:
        self.extend(other)
        return self._trimmed()

    def __mul__(self, count: Any) -> Deque:
        return _made(list.__mul__(self, count), self.maxlen)

    __rmul__ = __mul__

    def __imul__(self, count: Any) -> Deque:
        list.__imul__(self, count)
        return self._trimmed()


Deque.__name__ = Deque.__qualname__ = "deque"
Deque.__module__ = "collections"


def _made(items: list, maxlen: int | None) -> Deque:
    result = Deque(items)
    result.maxlen = maxlen
    return result._trimmed()


def make_deque(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Deque:
    """deque(iterable=(), maxlen=None)."""
    for name in kwargs:
        if name not in ("iterable", "maxlen"):
            raise ProgramTypeError(f"deque() got an unexpected keyword argument '{name}'")
    if len(args) > 2:
        raise ProgramTypeError(f"deque expected at most 2 arguments, got {len(args)}")
    given = {**dict(zip(("iterable", "maxlen"), args, strict=False)), **kwargs}
    maxlen = given.get("maxlen")
    if maxlen is not None:
        if type(maxlen) is not int and type(maxlen) is not bool:
            raise ProgramTypeError("an integer is required")
        if maxlen < 0:
            raise ProgramValueError("maxlen must be non-negative")
    from autogradlab.lang.stored_objects import require_storable
    source = given.get("iterable")
    if source is not None and maxlen is not None:   # deque(range(10**5 * 2), maxlen=3): streamed
        result = _made([], int(maxlen))
        _stream(interp, result, require_storable(source, "in `deque()`"), node, left=False)
        return result
    items = [] if source is None else list(interp.materialize(require_storable(source, "in `deque()`"), node))
    result = _made(items, None if maxlen is None else int(maxlen))
    interp.sizes.charge_sequence(len(result), "the deque")
    return result


def _add(interp: Interpreter, base: Deque, items: list, left: bool) -> None:
    """append/extend (left: appendleft/extendleft, each item in turn at the front), dropping from the
    other end past maxlen, as Python's deque. Done in one slice assignment: inserting at the front
    item by item copied the whole list each time (extendleft of 100,000 items: 6.3 s in one call)."""
    maxlen = base.maxlen
    if maxlen == 0 or not items:
        return
    kept = len(items) if maxlen is None else max(0, min(len(items), maxlen - len(base)))
    interp.sizes.charge_sequence(len(base) + kept, "the deque", added=kept)
    if left:
        _charge_moves(interp, len(base))
        base[:0] = items[::-1]
        if maxlen is not None and len(base) > maxlen:
            del base[maxlen:]
    else:
        base.extend(items)
        base._trimmed()


def _stream(interp: Interpreter, base: Deque, source: Any, node: ast.AST, left: bool) -> None:
    """extend/extendleft of a deque with a maxlen: the items read one by one (a step each, so the step and
    time limits bound a long or endless source), only the last maxlen kept, as CPython's deque does."""
    import collections

    from autogradlab.lang.stored_objects import require_item, require_storable
    require_storable(source, f"in `.{'extendleft' if left else 'extend'}()`")
    kept = collections.deque(base, maxlen=base.maxlen)
    add = kept.appendleft if left else kept.append
    for item in interp.iterate(source, node):
        interp._tick()
        add(require_item(item, "in a deque"))
    before = len(base)
    base[:] = list(kept)
    if len(base) > before:
        interp.sizes.charge_sequence(len(base), "the deque", added=len(base) - before)


# Before any method, attributes.call_method checks the deque's items (require_storable: ~10 ns an
# item, walked whole each call, since a deque's ends change) and that walk counts as copies too.
# The front of a deque is a list's front here: appendleft, popleft, extendleft, insert and rotate shift
# every item (~20 us for 100,000 items, where CPython's deque takes ~50 ns), and rotate copies the
# shorter side (~10 ns an item: rotate(50000) of 100,000 items ~0.5 ms). So these count as steps (an
# interpreter step takes ~2 us): one per MOVES_PER_STEP items shifted and COPIES_PER_STEP copied or
# checked, with the time limit checked. A deque shorter than COPIES_PER_STEP (a BFS queue, a sliding
# window) is charged nothing.
MOVES_PER_STEP = 8_192
COPIES_PER_STEP = 256


def _charge_moves(interp: Interpreter, moved: int, copied: int = 0) -> None:
    steps = moved // MOVES_PER_STEP + copied // COPIES_PER_STEP
    if steps:
        interp._steps += steps - 1
        interp._tick()
        interp.check_time()


def _pop(interp: Interpreter, base: Deque, index: int) -> Any:
    if not base:
        raise ProgramIndexError("pop from an empty deque")
    if index == 0:
        _charge_moves(interp, len(base))
    return base.pop(index)


def _rotate(interp: Interpreter, base: Deque, steps: int) -> None:
    """Python's deque.rotate: the shorter side moves (its items copied once, the rest shifted)."""
    if not base:
        return
    length = len(base)
    steps %= length
    if not steps:
        return
    _charge_moves(interp, length, min(steps, length - steps))
    if steps <= length // 2:
        moved = base[-steps:]
        del base[-steps:]
        base[:0] = moved
    else:
        moved = base[:length - steps]
        del base[:length - steps]
        base.extend(moved)


def call_method(interp: Interpreter, base: Deque, name: str, args: list, kwargs: dict, node: ast.AST) -> Any:
    if kwargs:
        raise NotSupported(f"`.{name}()` takes no keyword arguments in Autograd Lab")
    _charge_moves(interp, 0, len(base))   # the check of its items that led here
    count = len(args)
    if name in ("append", "appendleft") and count == 1:
        _add(interp, base, args, left=name == "appendleft")
        return None
    if name in ("extend", "extendleft") and count == 1:
        if base.maxlen is not None:   # deque(maxlen=3).extend(range(200_000)): streamed, a step per item
            _stream(interp, base, args[0], node, left=name == "extendleft")
            return None
        items = list(interp.materialize(args[0], node))
        _add(interp, base, items, left=name == "extendleft")
        return None
    if name in ("pop", "popleft") and not args:
        return _pop(interp, base, -1 if name == "pop" else 0)
    if name == "rotate" and count <= 1:
        steps = args[0] if args else 1
        if type(steps) is not int and type(steps) is not bool:   # rotate(True) is rotate(1), as in Python
            raise ProgramTypeError(f"'{type(steps).__name__}' object cannot be interpreted as an integer")
        _rotate(interp, base, int(steps))
        return None
    if name == "copy" and not args:
        interp.sizes.charge_sequence(len(base), "the copy of the deque")
        return _made(list(base), base.maxlen)
    if name == "clear" and not args:
        base.clear()
        return None
    if name in ("count", "index", "remove", "reverse", "insert"):
        if name in ("count", "index", "remove") and args:   # a list's searches: counted and weighed alike
            from autogradlab.lang.search_work import charge_search
            interp.sizes.check_text_weight(args[0], f"the value passed to .{name}()")
            interp.sizes.check_search(args[0], base, f"`.{name}()`")
            charge_search(interp, base, args[0], f"`.{name}()`")
        if name == "insert":
            if base.maxlen is not None and len(base) >= base.maxlen:
                raise ProgramIndexError("deque already at its maximum size")
            interp.sizes.charge_sequence(len(base) + 1, "the deque", added=1)
            _charge_moves(interp, len(base))
        return run_sized(interp.sizes, getattr(list, name), base, *args)   # compare_guard.py
    raise python_lacks(base, name) or NotSupported(   # a name the real class lacks: Python's error
        f"the method `.{name}()` of deque values is not supported in Autograd Lab")


def read_attribute(base: Deque, name: str) -> Any:
    if name == "maxlen":
        return base.maxlen
    raise python_lacks(base, name) or NotSupported(   # a name the real class lacks: Python's error
        f"the attribute `.{name}` of collections.deque values is not supported in "
                       "Autograd Lab")
