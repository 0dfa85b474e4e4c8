"""`from dataclasses import dataclass, field` and `@dataclass class Point:` (issue 9, session 31).

A dataclass is a plain class of the program (lang/plain_classes.py) whose __init__, __repr__, __eq__,
the order methods and __hash__ are made here, inside the engine, as CPython's dataclasses module makes
them: CPython writes their source text and execs it; here each is a SafeFunction of the engine that does
what that text does, through the interpreter's own paths (an attribute write charges like `self.x = x`,
a factory runs through Interpreter.call_value, `==` of the field tuples is the interpreter's `==`, each
field's text is the text `repr()` gives). No program code runs but the program's own (a default
factory, __post_init__, the fields' own __repr__/__eq__), under the run's limits.

Supported: fields from the class body's annotations (bases' fields first), defaults and `field(default=,
default_factory=, init=, repr=, compare=)`, `ClassVar` annotations left out, `@dataclass(init=, repr=,
eq=, order=, frozen=, unsafe_hash=, match_args=)`, __post_init__, asdict, astuple, replace,
is_dataclass and FrozenInstanceError. Methods the class defines itself are kept, as CPython keeps them.
"""

from __future__ import annotations

import ast
import dataclasses
import operator
from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded, NotSupported, ProgramError
from autogradlab.lang.inert_values import InertValue
from autogradlab.lang.operators import python_error
from autogradlab.lang.parameters import missing_positional, too_many_positional
from autogradlab.lang.plain_classes import METHOD, VALUE, ProgramClass, ProgramObject, read_attribute
from autogradlab.lang.safe_values import SafeFunction, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MISSING = dataclasses.MISSING
_OPTIONS = ("init", "repr", "eq", "order", "frozen", "unsafe_hash", "match_args")
_ORDER = {"__lt__": ("lt", operator.lt, "<"), "__le__": ("le", operator.le, "<="),
          "__gt__": ("gt", operator.gt, ">"), "__ge__": ("ge", operator.ge, ">=")}


_OPEN_REPRS: dict[int, set[int]] = {}   # the objects whose __repr__ runs, per run (reprlib.recursive_repr)


class DataclassField(InertValue):
    """What `field(...)` gives in a class body: the options of one field."""

    __slots__ = ("default", "factory", "init", "repr", "compare", "name")
    listed = False

    def __init__(self, default: Any = MISSING, factory: Any = MISSING, init: bool = True, repr_: bool = True,
                 compare: bool = True) -> None:
        self.default, self.factory = default, factory
        self.init, self.repr, self.compare = init, repr_, compare
        self.name: str | None = None

    def __repr__(self) -> str:
        return f"Field(name={self.name!r})"


DataclassField.__name__ = DataclassField.__qualname__ = "Field"   # dataclasses' name, in messages


class DataclassInfo:
    """A dataclass's fields (in __init__'s order) and its options."""

    __slots__ = ("fields", "frozen", "options")

    def __init__(self, fields: list[DataclassField], frozen: bool, options: dict[str, bool]) -> None:
        self.fields, self.frozen, self.options = fields, frozen, options


class DataclassDecorator(SafeFunction):
    """`dataclass(frozen=True)`: applied to the class below it."""

    options: dict[str, bool] = {}

    def __repr__(self) -> str:
        return "<function dataclass.<locals>.wrap>"


# -- the decorator ---------------------------------------------------------------------------------
def make_decorator(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    options = {"init": True, "repr": True, "eq": True, "order": False, "frozen": False, "unsafe_hash": False,
               "match_args": True}
    for word, value in kwargs.items():
        if word not in _OPTIONS:
            if word in ("kw_only", "slots", "weakref_slot"):
                raise NotSupported(f"`dataclass({word}=...)` is not supported in Autograd Lab",
                                   hint=HINT)
            raise python_error(TypeError(f"dataclass() got an unexpected keyword argument '{word}'"))
        options[word] = interp.truth(value, node)
    if len(args) > 1:
        raise python_error(TypeError(f"dataclass() takes from 0 to 1 positional arguments but {len(args)} "
                                     "were given"))
    if args:
        return make_dataclass_of(interp, args[0], options)
    decorator = DataclassDecorator("dataclass.<locals>.wrap",
                                   lambda interp_, args_, kwargs_, node_: _apply(interp_, args_, kwargs_,
                                                                                 options))
    decorator.options = options
    return decorator


def _apply(interp: Interpreter, args: list, kwargs: dict, options: dict[str, bool]) -> Any:
    if kwargs or len(args) != 1:
        raise python_error(TypeError(f"wrap() takes 1 positional argument but {len(args)} were given"))
    return make_dataclass_of(interp, args[0], options)


HINT = "write `@dataclass`, or `@dataclass(frozen=True)`, `order=True`, `eq=False` above a class"


def make_dataclass_of(interp: Interpreter, cls: Any, options: dict[str, bool]) -> ProgramClass:
    """Turn a class of the program into a dataclass, as dataclasses._process_class does."""
    if not isinstance(cls, ProgramClass):
        raise NotSupported("`dataclass` on anything but a class of your program is not supported in "
                           "Autograd Lab", hint=HINT)
    if cls.exception is not None:
        raise NotSupported("`@dataclass` on an exception class is not supported in Autograd Lab", hint=HINT)
    if options["order"] and not options["eq"]:
        raise python_error(ValueError("eq must be true if order is true"))
    fields: dict[str, DataclassField] = {}
    base_frozen = None
    base = cls.base
    chain = []
    while base is not None:
        chain.append(base)
        base = base.base
    for base in reversed(chain):   # the bases' fields first, as CPython's walk of the MRO
        info = getattr(base, "dataclass", None)
        if info is not None:
            for spec in info.fields:
                fields[spec.name] = spec
            base_frozen = info.frozen if base_frozen is None or info.frozen else base_frozen
    for name, annotation in cls.annotations or ():
        if _is_class_var(annotation):
            continue
        fields[name] = _field_of(cls, name)
    frozen = options["frozen"]
    if base_frozen is not None and base_frozen != frozen:
        raise python_error(TypeError("cannot inherit frozen dataclass from a non-frozen one" if frozen
                                     else "cannot inherit non-frozen dataclass from a frozen one"))
    specs = list(fields.values())
    _check_defaults(specs)
    cls.dataclass = DataclassInfo(specs, frozen, options)
    own = cls.members
    if options["init"] and "__init__" not in own:
        own["__init__"] = (METHOD, _method(cls, "__init__", _init))
    if options["repr"] and "__repr__" not in own:
        own["__repr__"] = (METHOD, _method(cls, "__repr__", _repr))
    if options["eq"] and "__eq__" not in own:
        own["__eq__"] = (METHOD, _method(cls, "__eq__", _eq))
    if options["order"]:
        for name in _ORDER:
            if name in own:
                raise python_error(TypeError(f"Cannot overwrite attribute {name} in class {cls.name}. "
                                             "Consider using functools.total_ordering"))
            own[name] = (METHOD, _method(cls, name, _order(name)))
    has_hash = "__hash__" in own
    if options["unsafe_hash"] and has_hash:
        raise python_error(TypeError(f"Cannot overwrite attribute __hash__ in class {cls.name}"))
    if options["unsafe_hash"] or (options["eq"] and frozen and not has_hash):
        own["__hash__"] = (METHOD, _method(cls, "__hash__", _hash))
    elif options["eq"] and not frozen and not has_hash:
        own["__hash__"] = (VALUE, None)   # CPython sets __hash__ = None: unhashable
    if options["match_args"] and "__match_args__" not in own:
        own["__match_args__"] = (VALUE, tuple(spec.name for spec in specs if spec.init))
    from autogradlab.lang.object_equality import equality_for
    cls.equality = equality_for(interp, cls)
    return cls


def _is_class_var(annotation: ast.expr | None) -> bool:
    """`x: ClassVar[int] = 0` (or typing.ClassVar): a class attribute, no field."""
    if annotation is None:
        return False
    target = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    return isinstance(target, ast.Name) and target.id == "ClassVar" \
        or isinstance(target, ast.Attribute) and target.attr == "ClassVar"


def _field_of(cls: ProgramClass, name: str) -> DataclassField:
    member = cls.members.get(name)
    if member is None:
        return _named(DataclassField(), name)
    value = member[1]
    if isinstance(value, DataclassField):
        spec = DataclassField(value.default, value.factory, value.init, value.repr, value.compare)
        spec = _named(spec, name)
        if spec.default is MISSING:   # CPython deletes the class attribute the Field was
            del cls.members[name]
        else:
            cls.members[name] = (VALUE, spec.default)
        return spec
    return _named(DataclassField(default=value), name)


def _named(spec: DataclassField, name: str) -> DataclassField:
    spec.name = name
    return spec


def _check_defaults(specs: list[DataclassField]) -> None:
    seen_default = None
    for spec in specs:
        default = spec.default
        if default is not MISSING and _unhashable(default):
            raise python_error(ValueError(f"mutable default {_class_text(default)} for field {spec.name} is "
                                          "not allowed: use default_factory"))
        if not spec.init:
            continue
        if default is MISSING and spec.factory is MISSING:
            if seen_default is not None:
                raise python_error(TypeError(f"non-default argument '{spec.name}' follows default argument"))
        else:
            seen_default = spec


def _unhashable(value: Any) -> bool:
    if isinstance(value, ProgramObject):
        equality = value.cls.equality
        return equality is not None and equality.unhashable
    kind = type(value).__name__
    return isinstance(value, list | dict) or kind == "ProgramSet"


def _class_text(value: Any) -> str:
    if isinstance(value, ProgramObject):
        return f"<class '__main__.{value.cls.qualname}'>"
    return f"<class '{type_text(value)}'>"


def _method(cls: ProgramClass, name: str, body: Any) -> SafeFunction:
    """A method made for the class: body(interp, cls, args, kwargs, node), its first argument self."""
    qualname = f"{cls.qualname}.{name}"

    def call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        """One level of the run's call depth, as the method CPython generates is a call (a dataclass
        holding itself compared with `==` ends at max_call_depth)."""
        limit = interp.limits.max_call_depth
        if interp._depth >= limit:
            raise LimitExceeded(f"functions called each other more than {limit} levels deep; the limit is "
                                f"{limit}", hint="limit max_call_depth")
        interp._depth += 1
        try:
            return body(interp, cls, qualname, args, kwargs, node)
        finally:
            interp._depth -= 1
    return SafeFunction(qualname, call)


# -- the methods -----------------------------------------------------------------------------------
class _Signature:
    """What parameters.py's CPython texts read of a function: its qualname, params and defaults."""

    def __init__(self, qualname: str, params: list[str], defaults: list[Any]) -> None:
        self.qualname, self.params, self.defaults = qualname, params, defaults


def _init(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
          node: ast.AST) -> None:
    info: DataclassInfo = cls.dataclass
    specs = [spec for spec in info.fields if spec.init]
    params = ["self", *(spec.name for spec in specs)]
    first_default = next((i for i, spec in enumerate(specs) if spec.default is not MISSING
                          or spec.factory is not MISSING), len(specs))
    signature = _Signature(qualname, params, [None] * (len(specs) - first_default))
    if len(args) > len(params):
        raise too_many_positional(signature, len(args), 0)
    bound = dict(zip(params, args, strict=False))
    for word in kwargs:
        if word not in params:
            raise python_error(TypeError(f"{qualname}() got an unexpected keyword argument '{word}'"))
        if word in bound:
            raise python_error(TypeError(f"{qualname}() got multiple values for argument '{word}'"))
    bound.update(kwargs)
    missing = [spec.name for spec in specs[:first_default] if spec.name not in bound]
    if missing:
        raise missing_positional(signature, missing)
    obj = bound["self"]
    for spec in info.fields:
        if spec.name in bound:
            value = bound[spec.name]
        elif spec.factory is not MISSING:
            value = interp.call_value(spec.factory, [], {}, node)
        elif spec.default is not MISSING:
            value = spec.default
        else:
            continue   # init=False without a default: no attribute, as CPython
        _store(interp, obj, spec.name, value)
    post = obj.cls.find("__post_init__")
    if post is not None and post[1] == METHOD:
        from autogradlab.lang.plain_classes import call_function
        call_function(interp, post[2], [obj], {}, node, post[0])


def _store(interp: Interpreter, obj: ProgramObject, name: str, value: Any) -> None:
    """`self.x = x` (CPython's object.__setattr__ in a frozen class's __init__)."""
    from autogradlab.lang.plain_classes import set_attribute
    set_attribute(interp, obj, name, value, initializing=True)


def _repr(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
          node: ast.AST) -> str:
    obj = _self_only(qualname, args, kwargs)
    key = id(obj)
    open_ = _OPEN_REPRS.setdefault(id(interp), set())
    if key in open_:   # reprlib.recursive_repr: a field holding the object itself
        return "..."
    open_.add(key)
    try:
        from autogradlab.lang.stored_objects import container_text
        parts = [f"{spec.name}={container_text(interp, read_attribute(interp, obj, spec.name))}"
                 for spec in cls.dataclass.fields if spec.repr]
    finally:
        open_.discard(key)
    text = f"{obj.cls.qualname}({', '.join(parts)})"
    interp.sizes.charge_sequence(len(text), "the text")
    return text


def _self_only(qualname: str, args: list, kwargs: dict) -> Any:
    if kwargs or len(args) != 1:
        raise python_error(TypeError(f"{qualname}() takes 1 positional argument but {len(args)} were given"))
    return args[0]


def _values(interp: Interpreter, cls: ProgramClass, obj: Any) -> tuple:
    return tuple(read_attribute(interp, obj, spec.name) for spec in cls.dataclass.fields if spec.compare)


def _pair(qualname: str, args: list, kwargs: dict) -> tuple[Any, Any]:
    if kwargs or len(args) != 2:
        raise python_error(TypeError(f"{qualname}() takes 2 positional arguments but {len(args)} were given"))
    return args[0], args[1]


def _eq(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
        node: ast.AST) -> Any:
    me, other = _pair(qualname, args, kwargs)
    if not (isinstance(other, ProgramObject) and other.cls is me.cls):
        return NotImplemented
    return interp.apply_binary("eq", operator.eq, _values(interp, cls, me), _values(interp, cls, other), node)


def _order(name: str) -> Any:
    op, fn, symbol = _ORDER[name]

    def compare(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
                node: ast.AST) -> Any:
        me, other = _pair(qualname, args, kwargs)
        if not (isinstance(other, ProgramObject) and other.cls is me.cls):   # NotImplemented both ways
            from autogradlab.lang.object_operators import python_type
            raise python_error(TypeError(f"'{symbol}' not supported between instances of '{python_type(me)}' "
                                         f"and '{python_type(other)}'"))
        return interp.apply_binary(op, fn, _values(interp, cls, me), _values(interp, cls, other), node)
    return compare


def _hash(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
          node: ast.AST) -> int:
    obj = _self_only(qualname, args, kwargs)
    values = _values(interp, cls, obj)
    from autogradlab.lang.object_protocols import hash_of
    return hash_of(interp, values)


def frozen_error(obj: ProgramObject, name: str) -> Exception:
    """Assigning to an attribute of a frozen dataclass's object (its __setattr__)."""
    return python_error(dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}"))


def is_dataclass_decorator(value: Any) -> bool:
    return isinstance(value, DataclassDecorator) or isinstance(value, SafeFunction) \
        and value.qualname == "dataclasses.dataclass"


def is_field(value: Any) -> bool:
    return type(value) is DataclassField


def checked_decorator(interp: Interpreter, decorator: ast.expr) -> Any:
    """The value above `class Name:`: dataclass itself, or what `dataclass(...)` gave."""
    value = interp.eval(decorator)
    if not (isinstance(value, DataclassDecorator) or is_dataclass_decorator(value)):
        refused = NotSupported(f"the decorator `@{ast.unparse(decorator)}` on a class is not supported in "
                               "Autograd Lab (only `@dataclass`)", hint=HINT)
        raise refused.at(decorator.lineno, decorator.col_offset + 1)
    return value


def decorate(interp: Interpreter, decorator: Any, cls: ProgramClass, node: ast.expr) -> ProgramClass:
    try:
        return interp.call_value(decorator, [cls], {}, node)
    except ProgramError as err:   # Python's line for a failing class decorator is the decorator's
        raise err.at(node.lineno, node.col_offset + 1) from None
