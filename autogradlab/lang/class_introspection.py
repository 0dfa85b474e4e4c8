"""What lessons ask of a class of the program (session 44; session 43's leftovers from ThinkPython ch. 17's
`find_defining_class`: `for typ in type(obj).mro(): if method_name in vars(typ): return typ`):

- `C.mro()`, `type(obj).mro()`: CPython's list, the program's classes from C up its bases, then the builtin
  exception classes under a `class E(ValueError)` and `object` (the engine's class objects, which print as
  Python's);
- `vars(C)` of a program class or a builtin class: a read-only view answering `name in vars(C)` and
  `vars(C)[name]` for the names the class itself defines (CPython's mappingproxy); a double-underscore
  name, printing it, its keys or items are refused by name (CPython lists `__module__`, `__dict__`,
  function objects at addresses, ...: nothing a lesson compares);
- `C.__doc__`, `obj.__doc__`: the class's own docstring as Python 3.11 keeps it (the literal, not cleaned),
  None without one (a docstring is not inherited); a dataclass's made-up one (its signature) is refused.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported
from autogradlab.lang.data_wrappers import SafeType
from autogradlab.lang.inert_values import InertValue, named_kind
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.plain_classes import ProgramClass


def class_mro(cls: ProgramClass) -> list:
    """`C.mro()`: C, its bases, then the builtin classes (CPython's order: one base each here)."""
    chain: list = []
    kind: ProgramClass | None = cls
    while kind is not None:
        if kind.protocol:   # CPython lists typing.Protocol and typing.Generic, or dict (protocol_classes.py)
            raise NotSupported(f"`{cls.name}.mro()` of a {kind.protocol} class is not supported in Autograd "
                               "Lab (Python lists typing's own classes in it)")
        chain.append(kind)
        kind = kind.base
    return chain + _builtin_chain(cls.exception or object)


def _builtin_chain(kind: type) -> list:
    from autogradlab.lang.builtins import BUILTINS
    chain = []
    for builtin in kind.__mro__:
        known = BUILTINS.get(builtin.__name__)
        chain.append(known if isinstance(known, SafeType) and known.py_type is builtin
                     else SafeType(builtin.__name__, builtin))
    return chain


def _no_arguments(owner: str, args: list, kwargs: dict) -> None:
    if args or kwargs:
        raise python_error(TypeError(f"{owner}.mro() takes no arguments ({len(args) + len(kwargs)} given)"))


def mro_method(cls: ProgramClass) -> SafeFunction:
    def call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> list:
        _no_arguments(cls.name, args, kwargs)
        chain = class_mro(cls)
        interp.sizes.charge_sequence(len(chain), "the list mro() builds")
        return chain
    return SafeFunction(f"{cls.name}.mro", call)


def builtin_mro(interp: Interpreter, base: SafeType, args: list, kwargs: dict) -> list:
    """`type(3).mro()`, `int.mro()` of a builtin class: [int, object]; other classes' are refused."""
    _no_arguments(base.py_type.__name__, args, kwargs)
    if not (isinstance(base.py_type, type) and base.py_type.__module__ == "builtins"):
        raise NotSupported(f"`.mro()` of {base!r} is not supported in Autograd Lab")
    chain = _builtin_chain(base.py_type)
    interp.sizes.charge_sequence(len(chain), "the list mro() builds")
    return chain


def type_mro(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> list:
    """`type.mro(C)`: C.mro(); `type.mro()` is CPython's TypeError (the name `type` is the engine's function:
    its refusal named `builtin_function_or_method`, red team s45)."""
    from autogradlab.lang.plain_classes import ProgramClass
    if not args and not kwargs:
        raise python_error(TypeError("unbound method type.mro() needs an argument"))
    if len(args) == 1 and not kwargs and type(args[0]) is ProgramClass:
        chain = class_mro(args[0])
        interp.sizes.charge_sequence(len(chain), "the list mro() builds")
        return chain
    if len(args) == 1 and not kwargs and type(args[0]) is SafeType:
        return builtin_mro(interp, args[0], [], {})
    raise NotSupported("Autograd Lab supports `type.mro(cls)` of a class only")


def class_doc(cls: ProgramClass) -> str | None:
    if cls.dataclass is not None and cls.doc is None:
        raise NotSupported(f"`__doc__` of the dataclass `{cls.name}` without a docstring is not supported in "
                           "Autograd Lab (Python makes one from its fields)")
    return cls.doc


class ClassVars(InertValue):
    """`vars(C)`: which names the class itself defines (membership and reading one only)."""

    __slots__ = ("owner", "names", "read")

    def __new__(cls, owner: Any, names: frozenset[str], read: Any) -> ClassVars:
        return object.__new__(named_kind(ClassVars, "mappingproxy"))

    def __init__(self, owner: Any, names: frozenset[str], read: Any) -> None:
        self.owner, self.names, self.read = owner, names, read

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str) and name.startswith("__"):
            raise NotSupported(f"`'{name}' in vars(...)` of a class is not supported in Autograd Lab "
                               "(double-underscore names are Python's internals)")
        return name in self.names

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        if isinstance(index, str) and index.startswith("__"):   # (red team s45: it said `'...' in vars(...)`)
            raise _member_refused(self.owner, index)
        if index not in self.names:
            raise python_error(KeyError(index))
        return self.read(index)

    def __eq__(self, other: object) -> bool:   # CPython compares the mappings: vars(C) == vars(C) (red team
        return type(other) is type(self) and other.owner == self.owner   # s45: False); two classes' differ

    __hash__ = None   # type: ignore[assignment] - a mappingproxy is unhashable

    def refuse_shown(self) -> Any:
        raise NotSupported("showing `vars(...)` of a class is not supported in Autograd Lab (Python lists "
                           "its internals); ask `name in vars(cls)` or read `vars(cls)[name]`")

    __repr__ = __str__ = __iter__ = refuse_shown   # print(vars(C)), a bare `vars(C)` (engine/displays.py)

    def __len__(self) -> int:
        self.__iter__()   # Python counts its internals too: refused by name
        return 0


def class_vars(value: Any) -> ClassVars | None:
    """vars() of a program class or of a builtin class; None for anything else."""
    from autogradlab.lang.plain_classes import ProgramClass
    if type(value) is ProgramClass:
        names = frozenset(name for name in value.members if not name.startswith("__"))
        return ClassVars(value, names, lambda name: _program_member(value, name))
    if type(value) is SafeType and isinstance(value.py_type, type) and value.py_type.__module__ == "builtins":
        names = frozenset(name for name in vars(value.py_type) if not name.startswith("__"))
        return ClassVars(value, names, lambda name: _refused_member(value, name))
    return None


def _refused_member(owner: SafeType, name: str) -> Any:
    raise _member_refused(owner, name)


def _member_refused(owner: Any, name: str) -> NotSupported:
    shown = owner.py_type.__name__ if type(owner) is SafeType else owner.name
    return NotSupported(f"reading `vars({shown})['{name}']` is not supported in Autograd Lab")


def _program_member(cls: ProgramClass, name: str) -> Any:
    """`vars(C)[name]`: a method (a function, as in CPython) or a class attribute's value; a property,
    classmethod or staticmethod is refused by name (red team s45: the engine gave its bare function, so
    `vars(C)['p'](obj)` ran the getter where CPython's property object is not callable)."""
    from autogradlab.lang.plain_classes import CLASS, PROPERTY, STATIC
    kind, value = cls.members[name][:2]
    if kind in (PROPERTY, CLASS, STATIC):
        raise _member_refused(cls, name)
    return value
