"""`from dataclasses import dataclass, field` and `@dataclass class Point:` (issue 9, session 31).

A dataclass is a plain class of the program (lang/plain_classes.py) whose __init__, __repr__, __eq__,
the order methods and __hash__ are made here, inside the engine, as CPython's dataclasses module makes
them: CPython writes their source text and execs it; here each is a SafeFunction of the engine that does
what that text does (lang/dataclass_methods.py). No program code runs but the program's own (a default
factory, __post_init__, the fields' own __repr__/__eq__), under the run's limits.

Supported: fields from the class body's annotations (bases' fields first), defaults and `field(default=,
default_factory=, init=, repr=, compare=, kw_only=)`, `ClassVar` annotations left out, `InitVar[...]`
pseudo-fields (arguments of __init__ handed to __post_init__, never stored), `_: KW_ONLY`,
`@dataclass(init=, repr=, eq=, order=, frozen=, unsafe_hash=, match_args=, kw_only=)` (keyword-only
fields come after the others in __init__, as CPython orders them), __post_init__, asdict, astuple,
replace, fields, is_dataclass and FrozenInstanceError. Methods the class defines itself are kept, as
CPython keeps them.
"""

from __future__ import annotations

import ast
import dataclasses
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang.dataclass_methods import (
    ORDER,
    eq_method,
    hash_method,
    init_method,
    make_method,
    order_method,
    repr_method,
)
from autogradlab.lang.inert_values import InertValue
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import METHOD, VALUE, ProgramClass, ProgramObject
from autogradlab.lang.safe_values import SafeFunction, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MISSING = dataclasses.MISSING
_OPTIONS = ("init", "repr", "eq", "order", "frozen", "unsafe_hash", "match_args", "kw_only", "slots")



class DataclassField(InertValue):
    """What `field(...)` gives in a class body: the options of one field."""

    __slots__ = ("default", "factory", "init", "repr", "compare", "name", "kw_only", "initvar", "annotation")
    listed = False

    def __init__(self, default: Any = MISSING, factory: Any = MISSING, init: bool = True, repr_: bool = True,
                 compare: bool = True, kw_only: Any = MISSING) -> None:
        self.default, self.factory = default, factory
        self.init, self.repr, self.compare = init, repr_, compare
        self.kw_only = kw_only   # MISSING: the decorator's kw_only decides (CPython's rule)
        self.name: str | None = None
        self.initvar = False   # `scale: InitVar[int]`: an argument of __init__ / __post_init__, no field
        self.annotation: ast.expr | None = None

    def __repr__(self) -> str:
        return f"Field(name={self.name!r})"

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        """f.name, f.type, f.init ... of what dataclasses.fields() gives (dataclass_fields.py)."""
        from autogradlab.lang.dataclass_fields import field_attribute
        return field_attribute(interp, self, name, node)


DataclassField.__name__ = DataclassField.__qualname__ = "Field"   # dataclasses' name, in messages


class DataclassInfo:
    """A dataclass's fields (in __init__'s order) and its options."""

    __slots__ = ("fields", "frozen", "options", "all_fields")

    def __init__(self, fields: list[DataclassField], frozen: bool, options: dict[str, bool]) -> None:
        self.all_fields = fields   # InitVars too, in the class's order (__init__ reads them)
        self.fields = [spec for spec in fields if not spec.initvar]   # what fields(), repr, == read
        self.frozen, self.options = frozen, options


class DataclassDecorator(SafeFunction):
    """`dataclass(frozen=True)`: applied to the class below it."""

    options: dict[str, bool] = {}

    def __repr__(self) -> str:
        return "<function dataclass.<locals>.wrap>"


# -- the decorator ---------------------------------------------------------------------------------
def make_decorator(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    options = {"init": True, "repr": True, "eq": True, "order": False, "frozen": False, "unsafe_hash": False,
               "match_args": True, "kw_only": False, "slots": False}
    for word, value in kwargs.items():
        if word not in _OPTIONS:
            if word == "weakref_slot":
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
            for spec in info.all_fields:
                fields[spec.name] = spec
            base_frozen = info.frozen if base_frozen is None or info.frozen else base_frozen
    kw_only = options["kw_only"]
    for name, annotation in cls.annotations or ():
        if _is_class_var(annotation):
            continue
        if _is_named(annotation, "KW_ONLY"):   # `_: KW_ONLY`: the fields below are keyword-only
            kw_only = True
            continue
        spec = fields[name] = _field_of(cls, name)
        spec.annotation = annotation
        spec.initvar = _is_named(annotation, "InitVar") or _is_named(getattr(annotation, "value", None),
                                                                      "InitVar")
        if spec.kw_only is MISSING:
            spec.kw_only = kw_only
    frozen = options["frozen"]
    if base_frozen is not None and base_frozen != frozen:
        raise python_error(TypeError("cannot inherit frozen dataclass from a non-frozen one" if frozen
                                     else "cannot inherit non-frozen dataclass from a frozen one"))
    specs = list(fields.values())
    _check_defaults(specs)
    cls.dataclass = DataclassInfo(specs, frozen, options)
    own = cls.members
    if options["init"] and "__init__" not in own:
        own["__init__"] = (METHOD, make_method(cls, "__init__", init_method))
    if options["repr"] and "__repr__" not in own:
        own["__repr__"] = (METHOD, make_method(cls, "__repr__", repr_method))
    if options["eq"] and "__eq__" not in own:
        own["__eq__"] = (METHOD, make_method(cls, "__eq__", eq_method))
    if options["order"]:
        for name in ORDER:
            if name in own:
                raise python_error(TypeError(f"Cannot overwrite attribute {name} in class {cls.name}. "
                                             "Consider using functools.total_ordering"))
            own[name] = (METHOD, make_method(cls, name, order_method(name)))
    has_hash = "__hash__" in own
    if options["unsafe_hash"] and has_hash:
        raise python_error(TypeError(f"Cannot overwrite attribute __hash__ in class {cls.name}"))
    if options["unsafe_hash"] or (options["eq"] and frozen and not has_hash):
        own["__hash__"] = (METHOD, make_method(cls, "__hash__", hash_method))
    elif options["eq"] and not frozen and not has_hash:
        own["__hash__"] = (VALUE, None)   # CPython sets __hash__ = None: unhashable
    if options["match_args"] and "__match_args__" not in own:
        own["__match_args__"] = (VALUE, tuple(spec.name for spec in specs if spec.init and not spec.kw_only))
    if options["slots"]:   # lang/dataclass_slots.py (session 45)
        from autogradlab.lang.dataclass_slots import add_slots
        add_slots(cls, specs)
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


def _is_named(annotation: ast.expr | None, name: str) -> bool:
    """`InitVar` / `dataclasses.InitVar` (and KW_ONLY) as written in the annotation."""
    return isinstance(annotation, ast.Name) and annotation.id == name \
        or isinstance(annotation, ast.Attribute) and annotation.attr == name


def _field_of(cls: ProgramClass, name: str) -> DataclassField:
    member = cls.members.get(name)
    if member is None:
        return _named(DataclassField(), name)
    value = member[1]
    if isinstance(value, DataclassField):
        spec = DataclassField(value.default, value.factory, value.init, value.repr, value.compare,
                              value.kw_only)
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
        if not spec.init or spec.kw_only:   # keyword-only fields may come in any order
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
