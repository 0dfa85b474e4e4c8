"""A program's plain classes and their instances, as engine-level objects (issue 9: d2l's Timer and
Accumulator, a student's `class Counter:`).

Neither is a Python class or instance of the program: a ProgramClass holds the program's methods
(UserFunctions, interpreted like any function) and class attributes in a dict; a ProgramObject holds
its attributes in a dict of at most MAX_ATTRIBUTES names. Their Python classes define no dunder that
calls program code, but ProgramObject's __hash__/__eq__/__ne__ (CPython's dicts, sets and lists use
them), which run the program's own only while it runs, under its limits (lang/object_equality.py); torch
or NumPy meeting one (they never should: they are no data, lang/calls.require_data refuses them at
every library call) can only fail. The interpreter dispatches
everything itself: `obj.x`, `obj.m(...)`, `Name(...)` (runs __init__), `obj[i]`, `obj[i] = v`,
`len(obj)`, `obj(...)`, str/repr/print/f-strings (lang/class_dispatch.py), each method call under the
step budget and call depth of any call. Instances and new attributes count toward
max_total_sequence_items, and a run makes at most MAX_INSTANCES of them.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.class_checks import OPERATOR_DUNDERS, PLAIN_DUNDERS
from autogradlab.lang.construct_checks import is_saved_name
from autogradlab.lang.data_wrappers import SafeGradFn
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import (
    ATOM_TYPES,
    STORED_OBJECT_TYPES,
    FunctionValue,
    Namespace,
    SafeFunction,
    SafeType,
    UserFunction,
)
from autogradlab.lang.stored_objects import require_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# the operator methods a program may call on its own objects by name (not __init__, __getattr__, __hash__:
# those stay reachable through a class or super() only, tests/unit/test_breakout_s20b.py)
CALLABLE_OPERATORS = frozenset(OPERATOR_DUNDERS) - {"__hash__"}

MAX_ATTRIBUTES = 100         # the program's own attributes on one instance (`self.x = ...`)
MAX_INSTANCES = 100_000      # instances one run creates
METHOD, STATIC, CLASS, PROPERTY, VALUE = "method", "static", "class", "property", "value"
HELD_ATOMS = True   # set_attribute's short way (tests compare with it off)


class ProgramClass:
    """`class Name:` as the program holds it."""

    __slots__ = ("name", "base", "members", "qualname", "equality", "interp", "exception", "setters", "slots",
                 "slot_names", "annotations", "dataclass", "doc", "protocol")
    type_name = "type"

    def __init__(self, name: str, base: ProgramClass | None, qualname: str | None = None) -> None:
        self.name = name
        self.qualname = qualname or name   # `make.<locals>.Module` for a class made inside a function
        self.base = base
        self.members: dict[str, tuple[str, Any]] = {}   # name -> (kind, value)
        self.setters: dict[str, Any] = {}   # a property's name -> its `@name.setter` function
        self.equality: Any = None   # its __eq__/__ne__/__hash__ (lang/object_equality.py); None: identity
        self.interp: Any = None   # the run that defined it (its objects' loops: lang/object_protocols.py)
        # the builtin exception class at the root of its bases (`class MyError(ValueError)`), or None
        self.exception: type | None = None if base is None else base.exception
        self.slots: frozenset[str] | None = None   # its objects' only attributes (lang/class_slots.py)
        self.slot_names: frozenset[str] = frozenset()   # the names its own __slots__ declares
        self.annotations: list[tuple[str, Any]] = []   # its body's `name: type` lines, in order (unevaluated)
        self.dataclass: Any = None   # its fields and options under @dataclass (lang/dataclass_classes.py)
        self.doc: str | None = None   # its docstring as written (lang/class_introspection.py)
        self.protocol: str | bool = False   # 'Protocol' / 'TypedDict' (lang/protocol_classes.py)

    def find(self, name: str) -> tuple[ProgramClass, str, Any] | None:
        """(the class that has it, kind, value) along the chain of bases, as Python's MRO."""
        cls: ProgramClass | None = self
        while cls is not None:
            member = cls.members.get(name)
            if member is not None:
                return cls, member[0], member[1]
            cls = cls.base
        return None

    def is_subclass_of(self, other: ProgramClass) -> bool:
        cls: ProgramClass | None = self
        while cls is not None:
            if cls is other:
                return True
            cls = cls.base
        return False

    def __repr__(self) -> str:
        return f"<class '__main__.{self.qualname}'>"


class ProgramObject:
    """An instance of a ProgramClass: its class and its own attributes."""

    __slots__ = ("cls", "values", "serial", "state", "__weakref__")

    def __init__(self, cls: ProgramClass, serial: int = 0) -> None:
        self.cls, self.serial = cls, serial   # serial: its place in the run (a set iterates in that order)
        self.values: dict[str, Any] = {}
        self.state: Any = None   # an exception's args and error (lang/exception_objects.py)

    @property
    def type_name(self) -> str:
        return self.cls.name

    def __repr__(self) -> str:
        return f"<__main__.{self.cls.qualname} object>"

    # CPython's dicts/sets/lists use these: identity, or the class's own (lang/object_equality.py)
    def __hash__(self) -> int:
        equality = self.cls.equality
        return object.__hash__(self) if equality is None else equality.hash_of(self)

    def __eq__(self, other: object) -> Any:
        equality = self.cls.equality
        return NotImplemented if equality is None else equality.compare(self, other, False)

    def __ne__(self, other: object) -> Any:
        equality = self.cls.equality
        return NotImplemented if equality is None else equality.compare(self, other, True)


class _NotTaken:
    """A call site's answer for a call it does not take (lang/positional_sites.py; the function itself
    may return None)."""


NOT_TAKEN = _NotTaken()


class BoundMethod(SafeFunction):
    """`obj.method` read without a call: called like the method; may be stored or passed like the
    program's own functions. Equal to another reading of the same method of the same object, and hashed
    so, as CPython's method objects (`{a.m: 1}[a.m]`, `a.m in [a.m]`); `bound`, `method`: those two."""

    bound: Any = None
    method: Any = None

    def __repr__(self) -> str:
        return f"<bound method {self.qualname}>"

    def __eq__(self, other: object) -> bool:
        if type(other) is not BoundMethod or self.method is None:
            return self is other
        return self.bound is other.bound and self.method is other.method

    def __hash__(self) -> int:
        return id(self) if self.method is None else hash((id(self.bound), id(self.method)))


class SuperProxy:
    """What `super()` gives inside a method: members looked up from the base of the method's class."""

    __slots__ = ("owner", "target")
    type_name = "super"

    def __init__(self, owner: ProgramClass, target: ProgramObject | ProgramClass) -> None:
        self.owner = owner
        self.target = target

    def __repr__(self) -> str:   # CPython names the object's class: `<B object>` (red team s44: the repr)
        kind = self.target if isinstance(self.target, ProgramClass) else self.target.cls
        return f"<super: <class '{self.owner.name}'>, <{kind.name} object>>"


STORED_OBJECT_TYPES.extend((ProgramObject, ProgramClass))   # in lists, tuples, dicts, sets: stored_objects.py
PLAIN_VALUES = (ProgramClass, ProgramObject, SuperProxy)
PLAIN_TYPES = frozenset(PLAIN_VALUES)
RETURNABLE = (ProgramObject,)   # besides data, what the program's functions may return
# What an attribute may hold besides data: instances, classes and the program's own functions.
STORABLE = (ProgramObject, ProgramClass, UserFunction, BoundMethod, FunctionValue)
# Values whose `__name__` the program may read besides classes (lang/function_names.py): exact types (a
# FunctionValue, functools.partial, has no name in Python)
NAMED_FUNCTION_TYPES = frozenset({UserFunction, BoundMethod, SafeFunction, Namespace})


def class_of(value: Any) -> ProgramClass:
    return value.cls if isinstance(value, ProgramObject) else value


def subscript_base(value: Any) -> Any:
    """The value before `[...]`: data, or an instance (its __getitem__/__setitem__)."""
    if type(value) is ProgramObject:
        return value
    return require_storable(value, "before `[...]`")   # (imported above: an import here cost ~1 us a read)


def storable(value: Any, where: str) -> Any:
    if type(value) in ATOM_TYPES:   # a number, a NumPy scalar, a tensor: require_storable passes it at once
        return value
    if isinstance(value, STORABLE):
        return value
    if not _ITERATORS:   # (an import here cost ~1 us an attribute write: micrograd's `self._prev = set(...)`)
        from autogradlab.lang.iterators import ITERATORS
        _ITERATORS.append(ITERATORS)
    if isinstance(value, _ITERATORS[0]):   # `self.it = iter(xs)`, `self.gen = counter()`: next(self.it) later
        return value
    return require_storable(value, where)   # `self.layers = [Layer(), Layer()]`


_ITERATORS: list = []   # [lang/iterators.ITERATORS] once storable has read it (it imports this module)


# -- members ---------------------------------------------------------------------------------------
def _no_attribute(base: Any, name: str) -> Exception:
    if isinstance(base, ProgramClass):
        from autogradlab.lang.class_slots import slot_of_class
        if slot_of_class(base, name):   # CPython's member descriptor: no value of the program's
            return NotSupported(f"reading the slot `{name}` from the class `{base.name}` is not supported in "
                                "Autograd Lab")
        return python_error(AttributeError(f"type object '{base.name}' has no attribute '{name}'"))
    if isinstance(base, SuperProxy):
        return python_error(AttributeError(f"'super' object has no attribute '{name}'"))
    return python_error(AttributeError(f"'{base.cls.name}' object has no attribute '{name}'"))


def _lookup(base: Any, name: str) -> tuple[ProgramClass, str, Any] | None:
    if isinstance(base, SuperProxy):
        return base.owner.base.find(name) if base.owner.base is not None else None
    return class_of(base).find(name)


def _self_of(base: Any) -> Any:
    return base.target if isinstance(base, SuperProxy) else base


def read_attribute(interp: Interpreter, base: Any, name: str) -> Any:
    """`obj.x`, `Name.x`, `super().x`: a property runs its getter, a method is bound."""
    if type(base) is ProgramObject and name in base.values and not name.startswith("__"):
        cls = base.cls   # the usual `self.w`: the way below, without its tests
        found = cls.members.get(name) if cls.base is None else cls.find(name)   # [-2]: the kind in both
        if found is None or found[-2] != PROPERTY:   # (a property of its class comes first, as in Python)
            return base.values[name]
    if name == "__name__" and type(base) is ProgramClass:
        return base.name
    if name == "__doc__" and type(base) in PLAIN_TYPES and type(base) is not SuperProxy:   # C.__doc__
        from autogradlab.lang.class_introspection import class_doc
        return class_doc(class_of(base))
    _check_name(name)
    found = _lookup(base, name)
    if found is None and name == "mro" and type(base) is ProgramClass:   # C.mro(), type(obj).mro()
        from autogradlab.lang.class_introspection import mro_method
        return mro_method(base)
    me = _self_of(base)
    if found is not None and found[1] == PROPERTY and isinstance(me, ProgramObject):
        from autogradlab.lang.attribute_returns import call_for_attribute
        return call_for_attribute(interp, lambda: call_function(interp, found[2], [me], {}, None))
    if isinstance(me, ProgramObject) and name in me.values and not isinstance(base, SuperProxy):
        return me.values[name]
    if found is None:
        if me is base and isinstance(me, ProgramObject):
            if me.state is not None and name == "args":
                return me.state.args   # an exception's args (lang/exception_objects.py)
            fallback = me.cls.find("__getattr__")   # asked only when the usual lookup finds nothing
            if fallback is not None and fallback[1] == METHOD:
                from autogradlab.lang.attribute_returns import call_for_attribute
                return call_for_attribute(interp, lambda: call_function(interp, fallback[2], [me, name], {},
                                                                        None, fallback[0]))
        raise _no_attribute(base, name)
    owner, kind, value = found
    if kind == VALUE or kind == STATIC or (kind == METHOD and isinstance(me, ProgramClass)):
        return value
    if kind == PROPERTY:
        raise NotSupported(f"reading the property `{name}` from the class `{owner.name}` is not supported "
                           "in Autograd Lab")
    bound = class_of(me) if kind == CLASS else me
    method = BoundMethod(f"{owner.name}.{name} of {bound!r}",
                         lambda interp_, args, kwargs, node: call_function(interp, value, [bound, *args],
                                                                           kwargs, node))
    method.bound, method.method = bound, value
    return method


# `obj.m(...)`: lang/object_methods.py (the lookup before the arguments, as CPython)


def set_attribute(interp: Interpreter, base: Any, name: str, value: Any, initializing: bool = False) -> None:
    """`obj.x = v`, `Name.x = v`; initializing: a dataclass's own __init__ (CPython's object.__setattr__)."""
    if HELD_ATOMS and type(base) is ProgramObject and type(value) in ATOM_TYPES and name in base.values \
            and base.state is None and not name.startswith("__"):   # `self.w -= lr * self.grad` (issue 9):
        cls = base.cls   # an attribute the object holds, set again to an atom: the way below, shorter
        if (cls.dataclass is None and cls.base is None) or initializing or _frozen(cls) is None:
            found = cls.members.get(name) if cls.base is None else cls.find(name)   # [-2]: the kind in both
            if found is None or found[-2] != PROPERTY:
                base.values[name] = value
                return
    _check_name(name)
    if isinstance(base, SuperProxy):
        raise NotSupported("assigning to an attribute of `super()` is not supported in Autograd Lab")
    if isinstance(base, ProgramClass):
        found = base.members.get(name)
        from autogradlab.lang.class_slots import slot_of_class
        if found is None and slot_of_class(base, name):   # would replace the slot's descriptor
            raise NotSupported(f"assigning to the slot `{name}` of the class `{base.name}` is not supported "
                               "in Autograd Lab")
        if found is None:
            _charge(interp, 1, "the class attributes")
            if len(base.members) >= MAX_ATTRIBUTES * 2:
                raise _attribute_limit(base.name, MAX_ATTRIBUTES * 2)
        value = storable(value, "in an assignment")
        base.members[name] = (METHOD if isinstance(value, UserFunction) else VALUE, value)   # functions bind
        return
    cls = base.cls
    if (cls.dataclass is not None or cls.base is not None) and not initializing:
        frozen = _frozen(cls)
        if frozen is not None and (frozen is cls or any(f.name == name for f in frozen.dataclass.fields)):
            from autogradlab.lang.dataclass_methods import frozen_error
            raise frozen_error(base, name)
    found = base.cls.find(name)
    if found is not None and found[1] == PROPERTY:
        setter = found[0].setters.get(name)
        if setter is None:
            raise python_error(AttributeError(f"property '{name}' of '{base.cls.name}' object has no setter"))
        call_function(interp, setter, [base, value], {}, None, found[0])   # `t.f = 32`: its @f.setter
        return
    value = storable(value, "in an assignment")
    if base.state is not None and name == "args":   # an exception's args: Python keeps a tuple
        from autogradlab.lang.exception_objects import set_args
        set_args(interp, base, value)
        return
    if name not in base.values:
        if base.cls.slots is not None:   # `__slots__` (lang/class_slots.py)
            from autogradlab.lang.class_slots import check_slot
            check_slot(base, name)
        if len(base.values) >= MAX_ATTRIBUTES:
            raise _attribute_limit(base.cls.name, MAX_ATTRIBUTES)
        _charge(interp, 1, "the attributes of an object")
    base.values[name] = value


def _frozen(cls: ProgramClass) -> ProgramClass | None:
    """The frozen dataclass whose __setattr__ an object of `cls` has (cls itself, or the nearest base that
    is one), or None. CPython's refuses every name on an object of that class itself, and only its fields
    on an object of a plain subclass (`b.y = 3` runs)."""
    while cls is not None:
        if cls.dataclass is not None and cls.dataclass.frozen:
            return cls
        cls = cls.base
    return None


def _attribute_limit(name: str, limit: int) -> LimitExceeded:
    return LimitExceeded(f"an object of the class `{name}` would hold more than {limit} attributes; the "
                         f"limit is {limit}", hint="keep several values in one list or dict")


def attribute_allowed(base: Any, name: str) -> bool:
    """A name the program may use on `base` although it starts with `_`: its own `_count` on its objects
    and classes (never a double underscore, whose names Python mangles), the dunders the interpreter
    dispatches through `super()` or a class (`super().__init__(...)`)."""
    if type(base) not in PLAIN_TYPES:   # `type(err).__name__`, `f.__name__` (lang/function_names.py)
        if isinstance(base, SafeGradFn) and is_saved_name(name):   # `y.grad_fn._saved_self` (session 39)
            return True
        return name == "__name__" and (type(base) is SafeType or type(base) in NAMED_FUNCTION_TYPES) \
            or name == "__doc__" and (type(base) is UserFunction or type(base) is BoundMethod
                                      and type(base.method) is UserFunction)   # a docstring (function_names)
    if not name.startswith("__"):
        return True
    if name == "__name__":   # `type(self).__name__`
        return type(base) is ProgramClass
    if name == "__doc__":   # `C.__doc__`, `obj.__doc__` (lang/class_introspection.py)
        return type(base) is not SuperProxy
    if name in CALLABLE_OPERATORS and type(base) is ProgramObject:   # `self.to_dual(a).__add__(self)`
        return base.cls.find(name) is not None   # (dual numbers): an operator method its class defines
    return name in PLAIN_DUNDERS


def _check_name(name: str) -> None:
    if name.startswith("__"):
        raise NotSupported(f"the attribute `{name}` is not supported in Autograd Lab (names starting "
                           f"with `_` are private)")


def _charge(interp: Interpreter, items: int, what: str) -> None:
    interp.sizes.charge_sequence(0, what, added=items)


# -- calls -----------------------------------------------------------------------------------------
def call_function(interp: Interpreter, fn: Any, args: list, kwargs: dict, node: ast.AST | None,
                  owner: ProgramClass | None = None) -> Any:
    """A method's function with its first argument given; `super()` inside it sees `owner`."""
    if owner is None or not isinstance(fn, UserFunction):
        return interp.call_value(fn, args, kwargs, node)
    frames = interp.method_frames
    frames.append((interp._depth + 1, owner, args[0]))
    try:
        return interp.call_user(fn, args, dict(kwargs), node)
    finally:
        frames.pop()


def dunder(interp: Interpreter, obj: ProgramObject, name: str, args: list, kwargs: dict, node: ast.AST | None,
           missing: Any) -> Any:
    """Run the instance's `name` method (an allowed dunder), or raise missing()."""
    found = obj.cls.find(name)
    if found is None or found[1] != METHOD:
        raise missing()
    return call_function(interp, found[2], [obj, *args], kwargs, node, found[0])
