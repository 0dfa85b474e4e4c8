"""The value of a program's set (lang/sets.py builds and changes them): a wrapper around a real
CPython set, named `set`, so CPython's own error texts and type(s) say 'set'.

A wrapper rather than a subclass: CPython's set operations on a subclass return plain sets, and a
plain set cannot become the program's type without being copied, which can change the order of its
table (a copy into a table of another size). The wrapper takes the very set CPython's `a | b`,
`a.union(b)` or `a - b` made, so the order of every result is CPython's.

Order. CPython's order of a set is fixed for numbers (their hashes do not change between runs), so a
set of numbers (and tuples of numbers) iterates and prints exactly as CPython does. A set holding
strings (or None, whose hash is its address in CPython 3.11) has an order that changes from run to
run with hash randomisation (PYTHONHASHSEED): such a set iterates and prints in sorted order
(numbers first, then strings, then the rest by their text), the same text on every run. NaN is the
same case: CPython hashes a NaN (float or complex, also inside a tuple) by the object's address, so
CPython's own order of a set holding one changes from run to run; such a set is shown sorted too,
each NaN after the other numbers (`{8, 1, nan}` shows as `{1, 8, nan}`). Objects of the program's classes
hash by their address in CPython too (micrograd's `visited = set()`, `self._prev = set(children)`): a set
holding them iterates in the order the run made them, the same on every run (CPython's order is one of
the orders a run may have). Objects whose class defines its own `__hash__` are hashed by the program's
method, so the real set's order is CPython's: such a set shows it (session 23)."""

from __future__ import annotations

import math
from typing import Any

_NUMBERS = frozenset({bool, int, float, complex})


def fixed_hash(item: Any) -> bool:
    """The item's hash is the same on every run: a number other than NaN, or a tuple of those; or an
    object whose class has its own __hash__ (its value is the program's: CPython's order follows it)."""
    kind = type(item)
    if kind in _NUMBERS:
        return item == item   # noqa: PLR0124 - NaN hashes by its address
    if kind.__name__ == "ProgramObject":
        equality = item.cls.equality
        return equality is not None and equality.hash is not None
    return kind is tuple and all(type(v) in _NUMBERS and v == v or type(v).__name__ == "ProgramObject"   # noqa: PLR0124
                                 and fixed_hash(v) for v in item)


def _order_key(item: Any) -> tuple:
    kind = type(item)
    if kind in _NUMBERS and kind is not complex:
        return (0, item, "") if item == item else (0, math.inf, "nan")   # noqa: PLR0124
    if kind is str:
        return (1, 0, item)
    if kind.__name__ == "ProgramObject":   # objects of the program's classes: in the order the run made them
        return (2, (item.serial,), "")
    if kind is tuple and any(type(part).__name__ == "ProgramObject" for part in item):   # (child, v)
        return (2, tuple(getattr(part, "serial", -1) for part in item), repr(item))
    return (2, (), repr(item))


class ProgramSet:
    """`items` is changed in place by lang/sets.py and the in-place operators; the order shown is
    worked out once per content: `_shown` (None: CPython's own order; else the sorted items) holds
    for as long as the items equal the snapshot `_shown_for` (a C-speed comparison, where working it
    out again is a Python-level test per item and a sort with a Python key). Kept only where equal
    contents show alike (numbers in CPython's order, or strings only)."""

    __slots__ = ("items", "_shown", "_shown_for")
    __hash__ = None   # type: ignore[assignment] - unhashable, as a set

    def __init__(self, items: set | None = None) -> None:
        self.items = set() if items is None else items   # owned, never copied
        self._shown: tuple | None = None
        self._shown_for: frozenset | None = None

    def _order(self) -> tuple | None:
        items = self.items
        snapshot = self._shown_for
        if snapshot is not None and len(snapshot) == len(items) and snapshot == items:
            return self._shown
        shown = None if all(fixed_hash(item) for item in items) else tuple(sorted(items, key=_order_key))
        # Kept for CPython's order, and for sorted strings: equal strings show alike, where an equal
        # number may not (1 and 1.0 are one item of a set, but print differently)
        if shown is None or all(type(item) is str for item in shown):
            self._shown, self._shown_for = shown, frozenset(items)
        else:
            self._shown_for = None
        return shown

    def in_cpython_order(self) -> bool:
        return self._order() is None

    def __iter__(self) -> Any:
        shown = self._order()
        return iter(self.items) if shown is None else iter(shown)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, item: Any) -> bool:
        return item in self.items

    def __repr__(self) -> str:
        if not self.items:
            return "set()"
        return "{" + ", ".join(repr(item) for item in self) + "}"

    def __format__(self, spec: str) -> str:
        return format(repr(self), spec)

    def __reduce__(self) -> Any:   # pickled (a report's values) as the plain set it stands for
        return (set, (list(self.items),))

    def __eq__(self, other: object) -> Any:
        return self.items == other.items if isinstance(other, ProgramSet) else NotImplemented

    def __ne__(self, other: object) -> Any:
        return self.items != other.items if isinstance(other, ProgramSet) else NotImplemented

    def __le__(self, other: object) -> Any:
        return self.items <= other.items if isinstance(other, ProgramSet) else NotImplemented

    def __lt__(self, other: object) -> Any:
        return self.items < other.items if isinstance(other, ProgramSet) else NotImplemented

    def __ge__(self, other: object) -> Any:
        return self.items >= other.items if isinstance(other, ProgramSet) else NotImplemented

    def __gt__(self, other: object) -> Any:
        return self.items > other.items if isinstance(other, ProgramSet) else NotImplemented

    def __or__(self, other: object) -> Any:
        return ProgramSet(self.items | other.items) if isinstance(other, ProgramSet) else NotImplemented

    def __and__(self, other: object) -> Any:
        return ProgramSet(self.items & other.items) if isinstance(other, ProgramSet) else NotImplemented

    def __sub__(self, other: object) -> Any:
        return ProgramSet(self.items - other.items) if isinstance(other, ProgramSet) else NotImplemented

    def __xor__(self, other: object) -> Any:
        return ProgramSet(self.items ^ other.items) if isinstance(other, ProgramSet) else NotImplemented

    def __ior__(self, other: object) -> Any:
        if not isinstance(other, ProgramSet):
            return NotImplemented
        self.items |= other.items
        return self

    def __iand__(self, other: object) -> Any:
        if not isinstance(other, ProgramSet):
            return NotImplemented
        self.items &= other.items
        return self

    def __isub__(self, other: object) -> Any:
        if not isinstance(other, ProgramSet):
            return NotImplemented
        self.items -= other.items
        return self

    def __ixor__(self, other: object) -> Any:
        if not isinstance(other, ProgramSet):
            return NotImplemented
        self.items ^= other.items
        return self


ProgramSet.__name__ = ProgramSet.__qualname__ = "set"
