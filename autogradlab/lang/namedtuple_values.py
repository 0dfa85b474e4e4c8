"""`Point = namedtuple('Point', ['x', 'y'])`: a tuple whose items also have names (collections_module.py).

namedtuple makes a real tuple subclass (type(name, ...), no code text: Python's own namedtuple builds
its __new__ with eval, which never runs here), so every check of a tuple's size and contents applies
to its values. The field names are identifiers of at most MAX_NAME_CHARS characters, counted against
the list-length limit like a list of them (a namedtuple of 10**6 fields stops there): its repr writes
each name once per value, which keeps the printed text within a small multiple of what the tuple's
values weigh (text_weight). Reading `p.x` goes through read_field; the names' other members
(`_asdict`, `_replace`, `_make`, `_fields`: call_member, class_field; defaults=, rename= are refused).
"""

from __future__ import annotations

import ast
import collections
import keyword
import weakref
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramTypeError, ProgramValueError
from autogradlab.lang.data_wrappers import SafeType
from autogradlab.lang.named_arguments import bind_named

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_NAME_CHARS = 32


class ProgramNamedTuple(tuple):
    """The base of every namedtuple class a program makes; `_fields` is the class's tuple of names,
    `_field_defaults` the defaults of a `class P(NamedTuple):` (its last fields')."""

    _fields: tuple[str, ...] = ()
    _field_defaults: dict[str, Any] = {}

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
        return f"{type(self).__name__}({inner})"


def _field_names(interp: Interpreter, names: Any, node: ast.AST) -> list[str]:
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    else:
        names = interp.materialize(names, node)
    interp.sizes.charge_sequence(len(names), "the namedtuple's fields")
    return list(names)


def _check_name(name: Any, typename: bool = False) -> None:
    if type(name) is not str:
        raise ProgramTypeError("Type names and field names must be strings")
    if not name.isidentifier():
        raise ProgramValueError(f"Type names and field names must be valid identifiers: {name!r}")
    if keyword.iskeyword(name):
        raise ProgramValueError(f"Type names and field names cannot be a keyword: {name!r}")
    if len(name) > MAX_NAME_CHARS:
        raise NotSupported(f"namedtuple names are at most {MAX_NAME_CHARS} characters long in Autograd Lab")
    if not typename and name.startswith("_"):
        raise ProgramValueError(f"Field names cannot start with an underscore: {name!r}")


def make_namedtuple(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeType:
    """namedtuple(typename, field_names): a type that makes its tuples (SafeType, like int or list)."""
    if kwargs:
        raise NotSupported(f"`namedtuple(..., {sorted(kwargs)[0]}=...)` is not supported in Autograd Lab")
    if len(args) != 2:
        raise ProgramTypeError(f"namedtuple() takes 2 positional arguments but {len(args)} were given")
    typename, names = args[0], _field_names(interp, args[1], node)
    _check_name(typename, typename=True)
    seen: set[str] = set()
    for name in names:
        _check_name(name)
        if name in seen:
            raise ProgramValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    cls = type(typename, (ProgramNamedTuple,), {"_fields": tuple(names), "__module__": "__main__",
                                                "__slots__": ()})
    return SafeType(f"__main__.{typename}", cls, _constructor(cls))


def _constructor(cls: type):  # noqa: ANN202
    fields = cls._fields
    name = cls.__name__
    fn = f"{name}.__new__"   # Python's name for the call in its messages

    def construct(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> ProgramNamedTuple:
        from autogradlab.lang.call_arguments import require_data
        defaults = cls._field_defaults
        if len(args) > len(fields):
            takes = f"from {len(fields) - len(defaults) + 1} to {len(fields) + 1}" if defaults \
                else f"{len(fields) + 1}"
            raise ProgramTypeError(f"{fn}() takes {takes} positional arguments but {len(args) + 1} were "
                                   "given")
        values = {**defaults, **bind_named(fn, fields, args, kwargs, keywords=fields)}
        missing = [field for field in fields if field not in values]
        if missing:
            raise ProgramTypeError(f"{fn}() missing {len(missing)} required positional "
                                   f"argument{'s' if len(missing) > 1 else ''}: " + _quoted(missing))
        for value in values.values():
            require_data(value, f"in `{name}()`")   # its text is its own repr: no objects
        return tuple.__new__(cls, [values[field] for field in fields])
    return construct


def _quoted(names: list[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + f" and {quoted[-1]}"


def read_field(value: ProgramNamedTuple, name: str) -> Any:
    """p.x: the value of field x; Python's AttributeError text for another name."""
    fields = type(value)._fields
    if name in fields:
        return value[fields.index(name)]
    if name == "_fields":
        return fields
    from autogradlab.lang.operators import python_error
    raise python_error(AttributeError(f"'{type(value).__name__}' object has no attribute '{name}'"))


def is_namedtuple_class(value: Any) -> bool:
    """`Point` itself (namedtuple's result): a class, which the Variables table does not list."""
    return isinstance(value, SafeType) and isinstance(value.py_type, type) and \
        issubclass(value.py_type, ProgramNamedTuple)


NAMEDTUPLE_METHODS = frozenset({"_asdict", "_replace", "_make"})   # and `_fields` (read_field, class_field)
NAMEDTUPLE_MEMBERS = NAMEDTUPLE_METHODS | {"_fields"}   # the underscored names the checker lets through


def class_field(cls: SafeType, name: str) -> Any:
    """`Point._fields`; Python's AttributeError for another underscored name of the class."""
    if name == "_fields":
        return cls.py_type._fields
    from autogradlab.lang.operators import python_error
    raise python_error(AttributeError(f"type object '{cls.py_type.__name__}' has no attribute '{name}'"))


def call_member(interp: Interpreter, base: Any, name: str, args: list, kwargs: dict, node: ast.AST) -> Any:
    """p._asdict(), p._replace(x=3), Point._make(iterable) / p._make(iterable), with CPython's messages;
    the values go through the constructor's checks again."""
    from autogradlab.lang.operators import python_error
    instance = isinstance(base, ProgramNamedTuple)
    cls = type(base) if instance else base.py_type
    fields, construct = cls._fields, _constructor(cls)
    if name == "_make":
        if kwargs or len(args) != 1:
            raise python_error(TypeError(f"{cls.__name__}._make() takes 2 positional arguments but "
                                         f"{len(args) + 1} were given" if not kwargs else
                                         f"{cls.__name__}._make() got an unexpected keyword argument "
                                         f"'{next(iter(kwargs))}'"))
        items = interp.materialize(args[0], node)
        if len(items) != len(fields):
            raise python_error(TypeError(f"Expected {len(fields)} arguments, got {len(items)}"))
        return construct(interp, items, {}, node)
    if not instance:
        raise python_error(TypeError(f"{cls.__name__}.{name}() missing 1 required positional argument: "
                                     "'self'"))
    if args:
        raise python_error(TypeError(f"{cls.__name__}.{name}() takes 1 positional argument but "
                                     f"{len(args) + 1} were given"))
    if name == "_asdict":
        if kwargs:
            raise python_error(TypeError(f"{cls.__name__}._asdict() got an unexpected keyword argument "
                                         f"'{next(iter(kwargs))}'"))
        return dict(zip(fields, base, strict=True))
    unknown = [key for key in kwargs if key not in fields]
    if unknown:
        raise python_error(ValueError(f"Got unexpected field names: {unknown!r}"))
    values = [kwargs.get(field, value) for field, value in zip(fields, base, strict=True)]
    return construct(interp, values, {}, node)


def make_typed_namedtuple(interp: Interpreter, typename: str, fields: list[str], defaults: dict[str, Any],
                          node: ast.AST) -> SafeType:
    """`class Point(NamedTuple): x: float; y: float = 0.0` (lang/class_dispatch.py reads the body): the
    namedtuple class collections.namedtuple makes, with the defaults of its last fields."""
    kind = make_namedtuple(interp, [typename, fields], {}, node)
    seen_default = None
    for name in fields:
        if name in defaults:
            seen_default = name
        elif seen_default is not None:
            from autogradlab.lang.operators import python_error  # typing's own words
            raise python_error(TypeError(f"Non-default namedtuple field {name} cannot follow default field "
                                         f"{seen_default}"))
    for value in defaults.values():
        from autogradlab.lang.call_arguments import require_data
        require_data(value, f"as a default of `{typename}`")
    kind.py_type._field_defaults = dict(defaults)
    _TYPED.add(kind.py_type)
    return kind


_TYPED: weakref.WeakSet = weakref.WeakSet()   # classes `class P(NamedTuple):` made (typing adds two names)
# The names every namedtuple class has (made once from fixed text: no program name reaches namedtuple's
# own code generation), to which dir() adds the fields (session 43: dir(P(1, 2)) lacked _asdict, _make,
# _replace and the fields, and listed the engine class's __dict__).
_REFERENCE = collections.namedtuple("_Reference", [])


def namedtuple_dir(value: Any) -> list[str] | None:
    """dir() of a namedtuple or of its class as Python lists it, None for anything else."""
    cls = value if isinstance(value, type) else type(value)
    if not issubclass(cls, ProgramNamedTuple):
        return None
    names = set(dir(_REFERENCE)) | set(cls._fields)
    if cls in _TYPED:
        names |= {"__annotations__", "__orig_bases__"}
    return sorted(names)

