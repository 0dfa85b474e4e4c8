"""`==`, `!=` and hash() of objects whose class defines `__eq__`, `__ne__` or `__hash__` (issue 9: a
student's `Vector` as a dict key, `p in points`, `points.index(p)`, a set of `Point`s).

Python's rules: `a == b` asks `a.__eq__(b)`, then `b.__eq__(a)`, then identity; `a != b` asks `__ne__`,
else inverts `__eq__`; a class defining `__eq__` without `__hash__` is unhashable; `__hash__` returns an
int (a huge one is hashed again, as CPython does). `NotImplemented` is no name of the language, so a
method's answer is final.

CPython's dicts, sets and lists hash and compare their items themselves, so ProgramObject's own
`__hash__`/`__eq__`/`__ne__` come here (lang/plain_classes.py). They run the program's method only while
the program runs (`interp.running`): each is an interpreted call under the run's step budget, time limit
and call depth (a `__eq__` calling `self == other` ends at the depth limit, a `__hash__` looping forever
at the step limit), and its errors and limits leave CPython's lookup unchanged (operators.python_error
passes the engine's own errors through). Any other time (the report is built, a value is pickled) an
object hashes and compares by identity, as an object of a class without these methods, and no program
code runs. The object's class holds an ObjectEquality only when it or a base defines one of them.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import METHOD, ProgramClass, ProgramObject, call_function

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NAMES = ("__eq__", "__ne__", "__hash__")


class ObjectEquality:
    """The program's __eq__/__ne__/__hash__ of one class (found along its bases, as Python's MRO)."""

    __slots__ = ("interp", "eq", "ne", "hash", "unhashable")

    def __init__(self, interp: Interpreter, cls: ProgramClass) -> None:
        self.interp = interp
        self.eq, self.ne = _method(cls, "__eq__"), _method(cls, "__ne__")
        self.hash, self.unhashable = None, False
        owner: ProgramClass | None = cls
        while owner is not None:   # the first class that says: its own __hash__, or __eq__ alone (None)
            member = owner.members.get("__hash__")
            if member is not None:
                if member[0] == METHOD:
                    self.hash = (owner, member[1])
                else:   # `__hash__ = None`
                    self.unhashable = True
                break
            if "__eq__" in owner.members:
                self.unhashable = True
                break
            owner = owner.base

    def hash_of(self, obj: ProgramObject) -> int:
        interp = self.interp
        if not interp.running:
            return object.__hash__(obj)
        if self.unhashable:
            raise python_error(TypeError(f"unhashable type: '{obj.cls.name}'"))
        if self.hash is None:
            return object.__hash__(obj)
        owner, fn = self.hash
        result = call_function(interp, fn, [obj], {}, None, owner)
        if type(result) not in (int, bool):
            raise python_error(TypeError("__hash__ method should return an integer"))
        return result

    def compare(self, obj: ProgramObject, other: Any, negate: bool) -> Any:
        """CPython's `obj == other` / `!=` inside a container: a bool, or NotImplemented (CPython then
        asks the other operand, then identity)."""
        interp = self.interp
        if not interp.running:
            return NotImplemented
        result = own_answer(interp, obj, other, negate, None)
        return result if result is NotImplemented else interp.truth(result, None)


def _method(cls: ProgramClass, name: str) -> tuple[ProgramClass, Any] | None:
    found = cls.find(name)
    return (found[0], found[2]) if found is not None and found[1] == METHOD else None


def equality_for(interp: Interpreter, cls: ProgramClass) -> ObjectEquality | None:
    """What a new class's objects compare and hash with: None (identity) unless it or a base defines
    __eq__, __ne__ or __hash__."""
    owner: ProgramClass | None = cls
    while owner is not None:
        if any(name in owner.members for name in _NAMES):
            return ObjectEquality(interp, cls)
        owner = owner.base
    return None


def own_answer(interp: Interpreter, obj: Any, other: Any, negate: bool, node: ast.AST | None) -> Any:
    """`obj.__eq__(other)` (`__ne__` when negate: its own, else `__eq__` inverted), or NotImplemented."""
    equality = obj.cls.equality if type(obj) is ProgramObject else None
    if equality is None:
        return NotImplemented
    if negate and equality.ne is not None:
        owner, fn = equality.ne
        return call_function(interp, fn, [obj, other], {}, node, owner)
    if equality.eq is None:
        return NotImplemented
    owner, fn = equality.eq
    result = call_function(interp, fn, [obj, other], {}, node, owner)
    return not interp.truth(result, node) if negate else result


def equals(interp: Interpreter, left: Any, right: Any, negate: bool, node: ast.AST | None) -> Any:
    """`left == right` / `left != right` where one operand is an object or class of the program (the
    right one first when its class is a subclass of the left's with a method of its own, as Python)."""
    if type(left) is ProgramObject and type(right) is ProgramObject and left.cls is not right.cls \
            and right.cls.is_subclass_of(left.cls) and right.cls.equality is not None:
        from autogradlab.lang.object_operators import _subclass_first
        name = "__ne__" if negate and right.cls.equality.ne else "__eq__"
        if right.cls.find(name) is not None and _subclass_first(left, right, name):
            left, right = right, left
    result = own_answer(interp, left, right, negate, node)
    if result is NotImplemented:
        result = own_answer(interp, right, left, negate, node)
    if result is NotImplemented:
        return (left is not right) if negate else (left is right)
    return result
