"""`dataclasses`' functions besides the decorator (issue 9, session 31): field, asdict, astuple, replace,
is_dataclass and FrozenInstanceError; lang/dataclass_classes.py makes the classes.

asdict/astuple rebuild nested dataclasses, lists, tuples and dicts as CPython's _asdict_inner does and
copy everything else with the engine's copy.deepcopy (lang/object_copies.py, under its limits); each
value they visit is one step of the loop budget, and they nest at most MAX_ASDICT_DEPTH deep.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.dataclass_classes import HINT, MISSING, DataclassField, make_decorator
from autogradlab.lang.dataclass_fields import field_members
from autogradlab.lang.exceptions import LIBRARY_EXCEPTION_TYPES
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import ProgramClass, ProgramObject, read_attribute
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_ASDICT_DEPTH = 100   # asdict/astuple recurse through nested dataclasses, lists and dicts
_FIELD_OPTIONS = ("default", "default_factory", "init", "repr", "compare", "kw_only")


def _field(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> DataclassField:
    if args:
        raise python_error(TypeError(f"field() takes 0 positional arguments but {len(args)} were given"))
    for word in kwargs:
        if word not in _FIELD_OPTIONS:
            if word in ("hash", "metadata"):
                raise NotSupported(f"`field({word}=...)` is not supported in Autograd Lab", hint=HINT)
            raise python_error(TypeError(f"field() got an unexpected keyword argument '{word}'"))
    default, factory = kwargs.get("default", MISSING), kwargs.get("default_factory", MISSING)
    if default is not MISSING and factory is not MISSING:
        raise python_error(ValueError("cannot specify both default and default_factory"))
    if default is not MISSING:   # a class attribute, as `x: int = 0` holds it (plain_classes.storable)
        from autogradlab.lang.plain_classes import storable
        default = storable(default, "as a class attribute")
    kw_only = interp.truth(kwargs["kw_only"], node) if "kw_only" in kwargs else MISSING
    return DataclassField(default, factory, *(interp.truth(kwargs[w], node) if w in kwargs else True
                                              for w in ("init", "repr", "compare")), kw_only)


def _instance(what: str, args: list, kwargs: dict) -> ProgramObject:
    if kwargs or len(args) != 1:
        raise python_error(TypeError(f"{what}() takes 1 positional argument but {len(args)} were given"))
    obj = args[0]
    if not (isinstance(obj, ProgramObject) and getattr(obj.cls, "dataclass", None) is not None):
        raise python_error(TypeError(f"{what}() should be called on dataclass instances"))
    return obj


def _asdict(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> dict:
    return _inner(interp, _instance("asdict", args, kwargs), True, 0)


def _astuple(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> tuple:
    return _inner(interp, _instance("astuple", args, kwargs), False, 0)


def _inner(interp: Interpreter, value: Any, as_dict: bool, depth: int) -> Any:
    """dataclasses._asdict_inner / _astuple_inner: nested dataclasses, lists, tuples and dicts rebuilt,
    everything else copy.deepcopy'd (lang/object_copies.py, under its limits)."""
    if depth > MAX_ASDICT_DEPTH:
        raise LimitExceeded(f"asdict/astuple met values nested more than {MAX_ASDICT_DEPTH} deep; the limit "
                            f"is {MAX_ASDICT_DEPTH}", hint="convert the parts you need instead")
    interp.charge_loop_iterations(1, "asdict/astuple")
    if isinstance(value, ProgramObject) and getattr(value.cls, "dataclass", None) is not None:
        pairs = [(spec.name, _inner(interp, read_attribute(interp, value, spec.name), as_dict, depth + 1))
                 for spec in value.cls.dataclass.fields]
        interp.sizes.charge_sequence(len(pairs), "the dict" if as_dict else "the tuple")
        return dict(pairs) if as_dict else tuple(item for _, item in pairs)
    if type(value) in (list, tuple):
        items = [_inner(interp, item, as_dict, depth + 1) for item in value]
        interp.sizes.charge_sequence(len(items), "the list")
        return items if type(value) is list else tuple(items)
    if type(value) is dict:
        pairs = [(_inner(interp, k, as_dict, depth + 1), _inner(interp, v, as_dict, depth + 1))
                 for k, v in value.items()]
        interp.sizes.charge_sequence(len(pairs), "the dict")
        return dict(pairs)
    from autogradlab.lang.object_copies import deep_copy
    return deep_copy(interp, value)


def _replace(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1:
        raise python_error(TypeError(f"replace() takes 1 positional argument but {len(args)} were given"))
    obj = _instance("replace", args, {})
    changes = dict(kwargs)
    for spec in obj.cls.dataclass.all_fields:
        if not spec.init:
            if spec.name in changes:
                raise python_error(ValueError(f"field {spec.name} is declared with init=False, it cannot be "
                                              "specified with replace()"))
            continue
        if spec.name not in changes and spec.initvar and spec.default is MISSING:
            raise python_error(ValueError(f"InitVar '{spec.name}' must be specified with replace()"))
        if spec.name not in changes:
            changes[spec.name] = read_attribute(interp, obj, spec.name)
    return interp.call_value(obj.cls, [], changes, node)


def _is_dataclass(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> bool:
    if kwargs or len(args) != 1:
        raise python_error(TypeError(f"is_dataclass() takes 1 positional argument but {len(args)} were "
                                     "given"))
    value = args[0]
    cls = value.cls if isinstance(value, ProgramObject) else value
    return isinstance(cls, ProgramClass) and getattr(cls, "dataclass", None) is not None


def dataclasses_namespace() -> Namespace:
    return Namespace("dataclasses", {
        "dataclass": SafeFunction("dataclasses.dataclass", make_decorator),
        "field": SafeFunction("dataclasses.field", _field),
        "asdict": SafeFunction("dataclasses.asdict", _asdict),
        "astuple": SafeFunction("dataclasses.astuple", _astuple),
        "replace": SafeFunction("dataclasses.replace", _replace),
        "is_dataclass": SafeFunction("dataclasses.is_dataclass", _is_dataclass),
        "FrozenInstanceError": LIBRARY_EXCEPTION_TYPES["FrozenInstanceError"],
        **field_members(),   # fields, InitVar, KW_ONLY (dataclass_fields.py)
    })
