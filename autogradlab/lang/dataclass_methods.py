"""The methods `@dataclass` gives a class (lang/dataclass_classes.py makes the class): __init__, __repr__,
__eq__, the order methods and __hash__, each a SafeFunction of the engine doing what the text CPython's
dataclasses module writes and execs would do, through the interpreter's own paths: an attribute write
charges like `self.x = x`, a factory runs through Interpreter.call_value, `==` of the field tuples is the
interpreter's `==`, each field's text the text `repr()` gives. Each call takes one level of the run's call
depth, as the generated method is a call of its own.
"""

from __future__ import annotations

import ast
import dataclasses
import operator
from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded
from autogradlab.lang.operators import python_error
from autogradlab.lang.parameters import missing_keyword_only, missing_positional, too_many_positional
from autogradlab.lang.plain_classes import METHOD, ProgramClass, ProgramObject, read_attribute
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MISSING = dataclasses.MISSING
ORDER = {"__lt__": ("lt", operator.lt, "<"), "__le__": ("le", operator.le, "<="),
          "__gt__": ("gt", operator.gt, ">"), "__ge__": ("ge", operator.ge, ">=")}
_OPEN_REPRS: dict[int, set[int]] = {}   # the objects whose __repr__ runs, per run (reprlib.recursive_repr)


def make_method(cls: ProgramClass, name: str, body: Any) -> SafeFunction:
    """A method made for the class: body(interp, cls, args, kwargs, node), its first argument self."""
    qualname = f"{cls.qualname}.{name}"

    def call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        """One level of the run's call depth, as the method CPython generates is a call (a dataclass
        holding itself compared with `==` ends at max_call_depth), and one step of the run's budget (with
        its time check): CPython's tuple `==` and hash() call the fields' own methods without the
        interpreter, so `x = P(x, x)` 45 times compared or hashed made 2**45 calls and no step)."""
        interp._tick()
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


class _Signature:
    """What parameters.py's CPython texts read of a function: its qualname, params and defaults."""

    def __init__(self, qualname: str, params: list[str], defaults: list[Any]) -> None:
        self.qualname, self.params, self.defaults = qualname, params, defaults


def init_method(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
                node: ast.AST) -> None:
    info = cls.dataclass   # lang/dataclass_classes.py's DataclassInfo
    specs = [spec for spec in info.all_fields if spec.init and not spec.kw_only]
    keyword_only = [spec for spec in info.all_fields if spec.init and spec.kw_only]   # after `*`
    params = ["self", *(spec.name for spec in specs)]
    first_default = next((i for i, spec in enumerate(specs) if spec.default is not MISSING
                          or spec.factory is not MISSING), len(specs))
    signature = _Signature(qualname, params, [None] * (len(specs) - first_default))
    words = {spec.name for spec in keyword_only}
    if len(args) > len(params):
        raise too_many_positional(signature, len(args), sum(1 for word in kwargs if word in words))
    bound = dict(zip(params, args, strict=False))
    for word in kwargs:
        if word not in params and word not in words:
            raise python_error(TypeError(f"{qualname}() got an unexpected keyword argument '{word}'"))
        if word in bound:
            raise python_error(TypeError(f"{qualname}() got multiple values for argument '{word}'"))
    bound.update(kwargs)
    missing = [spec.name for spec in specs[:first_default] if spec.name not in bound]
    if missing:
        raise missing_positional(signature, missing)
    missing = [spec.name for spec in keyword_only if spec.name not in bound and spec.default is MISSING
               and spec.factory is MISSING]
    if missing:
        raise missing_keyword_only(signature, missing)
    obj = bound["self"]
    init_vars = []
    for spec in info.all_fields:
        if spec.name in bound:
            value = bound[spec.name]
        elif spec.factory is not MISSING:
            value = interp.call_value(spec.factory, [], {}, node)
        elif spec.default is not MISSING:
            value = spec.default
        else:
            continue   # init=False without a default: no attribute, as CPython
        if spec.initvar:   # handed to __post_init__, never stored
            init_vars.append(value)
            continue
        _store(interp, obj, spec.name, value)
    post = obj.cls.find("__post_init__")
    if post is not None and post[1] == METHOD:
        from autogradlab.lang.plain_classes import call_function
        call_function(interp, post[2], [obj, *init_vars], {}, node, post[0])


def _store(interp: Interpreter, obj: ProgramObject, name: str, value: Any) -> None:
    """`self.x = x` (CPython's object.__setattr__ in a frozen class's __init__)."""
    from autogradlab.lang.plain_classes import set_attribute
    set_attribute(interp, obj, name, value, initializing=True)


def repr_method(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
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


def eq_method(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
              node: ast.AST) -> Any:
    me, other = _pair(qualname, args, kwargs)
    if not (isinstance(other, ProgramObject) and other.cls is me.cls):
        return NotImplemented
    return interp.apply_binary("eq", operator.eq, _values(interp, cls, me), _values(interp, cls, other), node)


def order_method(name: str) -> Any:
    op, fn, symbol = ORDER[name]

    def compare(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
                node: ast.AST) -> Any:
        me, other = _pair(qualname, args, kwargs)
        if not (isinstance(other, ProgramObject) and other.cls is me.cls):   # NotImplemented both ways
            from autogradlab.lang.object_operators import python_type
            raise python_error(TypeError(f"'{symbol}' not supported between instances of '{python_type(me)}' "
                                         f"and '{python_type(other)}'"))
        return interp.apply_binary(op, fn, _values(interp, cls, me), _values(interp, cls, other), node)
    return compare


def hash_method(interp: Interpreter, cls: ProgramClass, qualname: str, args: list, kwargs: dict,
                node: ast.AST) -> int:
    obj = _self_only(qualname, args, kwargs)
    values = _values(interp, cls, obj)
    from autogradlab.lang.object_protocols import hash_of
    return hash_of(interp, values)


def frozen_error(obj: ProgramObject, name: str) -> Exception:
    """Assigning to an attribute of a frozen dataclass's object (its __setattr__)."""
    return python_error(dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}"))
