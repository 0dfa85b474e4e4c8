"""`from typing import List, Dict, Tuple, Optional, Callable, Union, Any` and `import typing` (issue 9,
session 30), and `list[int]` / `dict[str, int]` at run time.

The engine never evaluates a function's annotations (CPython would, but only to store them), so a lesson's
`def f(xs: List[int]) -> Dict[str, int]:` needs the import alone. Where a form is used as a value
(`Vector = List[float]`, `print(Optional[int])`) it is typing's own object, wrapped (TypingForm): it prints
as typing prints it, subscripts as typing does (typing's own TypeErrors: `Dict[int]`), and offers nothing
else. Only types reach typing: the builtin types, torch.Tensor, np.ndarray, other forms, None and `...`
(and one list of them, Callable's parameters); a string (a forward reference, which typing compiles) or
any other value is refused by name.
"""

from __future__ import annotations

import ast
import types
import typing
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.allowlist import ABC_NAMES, NUMPY_TYPING_NAMES, TYPING_NAMES
from autogradlab.lang.inert_values import InertValue, named_kind
from autogradlab.lang.new_types import make_new_type
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeArray, SafeFunction, SafeType

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_SUBSCRIPTABLE_BUILTINS = ("list", "tuple", "dict", "set", "frozenset", "type")
MAX_TYPE_ARGUMENTS = 256   # typing's forms of a lesson take a handful
MAX_TYPE_DEPTH = 32   # and nest a few deep (Dict[str, List[Tuple[int, float]]])
MAX_TYPE_PARTS = 4_096   # types in one form, counted through its nesting: typing's hash, == and repr visit
# each (Tuple[(Tuple[(Tuple[(int,) * 256],) * 256],) * 256] would be 16 million)


class TypingForm(InertValue):
    """typing.List, Optional[int], list[int]: typing's object, printed and subscripted as typing does."""

    __slots__ = ("form", "depth", "parts")
    listed = False

    def __new__(cls, form: Any, depth: int = 0, parts: int = 1) -> TypingForm:
        kind = type(form)
        named = named_kind(TypingForm, f"{kind.__module__}.{kind.__qualname__}")
        if kind is types.UnionType:   # `int | str` is no callable or class: the Variables table shows it
            named.listed = True
        return object.__new__(named)

    def __init__(self, form: Any, depth: int = 0, parts: int = 1) -> None:
        self.form, self.depth = form, depth   # forms nested inside it (typing's repr, ==, hash recurse)
        self.parts = parts   # the types in it, counted through the nesting

    def __repr__(self) -> str:
        return repr(self.form)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TypingForm) and self.form == other.form

    def __hash__(self) -> int:
        return hash(self.form)

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        return _subscripted(self.form, index)


def _real(value: Any, in_list: bool = False) -> Any:
    """The type typing is given for one argument of `Form[...]`."""
    if value is None or value is Ellipsis:
        return value
    if isinstance(value, TypingForm):
        return value.form
    if isinstance(value, SafeType):
        real = value.py_type
        if real.__module__.startswith("autogradlab"):
            real = _engine_types().get(real)
            if real is None:
                raise NotSupported(f"{value.text} in a typing form is not supported in Autograd Lab")
        return real
    if type(value).__name__.startswith("numpy.dtypes.") and not value.instance:   # np.float64 (a type)
        return value.dtype.type
    if type(value) is list and not in_list and len(value) <= MAX_TYPE_ARGUMENTS:   # Callable[[int], int]
        return [_real(item, True) for item in value]
    if isinstance(value, str):
        raise NotSupported("forward references (a type written as a string) in typing forms are not "
                           "supported in Autograd Lab; write the type itself, e.g. List[int]")
    raise NotSupported(f"a typing form of a {type(value).__name__} value is not supported in Autograd Lab; "
                       "give it types, e.g. List[int], Dict[str, float], Optional[torch.Tensor]")


def _engine_types() -> dict[type, type]:
    """The engine's stand-ins for a library type (set's, np.ndarray's): the type itself."""
    from autogradlab.lang.set_value import ProgramSet
    return {ProgramSet: set, SafeArray: np.ndarray}


def _depth(value: Any) -> int:
    if isinstance(value, TypingForm):
        return value.depth
    if type(value) is list:
        return 1 + max(map(_depth, value), default=0)
    return 0


def _parts(value: Any) -> int:
    if isinstance(value, TypingForm):
        return value.parts
    if type(value) is list:
        return 1 + sum(map(_parts, value))
    return 1


def _subscripted(form: Any, index: Any) -> TypingForm:
    """form[index] as typing makes it; the new form's nesting is bounded first (typing's repr, hash and ==
    recurse through it: List[List[...]] 10,000 deep would end in RecursionError)."""
    items = index if type(index) is tuple else (index,)
    if len(items) > MAX_TYPE_ARGUMENTS:
        raise NotSupported(f"typing forms of more than {MAX_TYPE_ARGUMENTS} types are not supported in "
                           "Autograd Lab")
    real = tuple(_real(item) for item in items)
    depth = 1 + max(map(_depth, items), default=0)
    if depth > MAX_TYPE_DEPTH:
        raise NotSupported(f"typing forms nested more than {MAX_TYPE_DEPTH} deep are not supported in "
                           "Autograd Lab")
    parts = 1 + sum(map(_parts, items))
    if parts > MAX_TYPE_PARTS:
        raise NotSupported(f"typing forms of more than {MAX_TYPE_PARTS:,} types in all are not supported in "
                           "Autograd Lab")
    try:
        return TypingForm(form[real if type(index) is tuple else real[0]], depth, parts)
    except (TypeError, ValueError) as exc:   # typing's own words: Dict[int], Optional[int, str]
        raise python_error(exc) from None


def builtin_subscript(base: SafeType, index: Any) -> TypingForm:
    """`list[int]`, `dict[str, int]`: the alias CPython makes; other types keep CPython's TypeError."""
    if base.py_type is SafeArray:   # `np.ndarray[int]`: ndarray.__class_getitem__'s alias
        return _subscripted(_Alias(np.ndarray), index)
    if base.text_name not in _SUBSCRIPTABLE_BUILTINS:
        raise python_error(TypeError(f"type '{base.text_name.rsplit('.', 1)[-1]}' is not subscriptable"))
    return _subscripted(_Alias(_real(base)), index)


class _Alias:
    """`list[...]` as a callable form: types.GenericAlias(list, args)."""

    __slots__ = ("origin",)

    def __init__(self, origin: type) -> None:
        self.origin = origin

    def __getitem__(self, args: Any) -> types.GenericAlias:
        return types.GenericAlias(self.origin, args)


class NamedTupleFunction(SafeFunction):
    """typing.NamedTuple: the base of `class P(NamedTuple):` (lang/class_dispatch.py), or called,
    `NamedTuple('P', [('x', int), ('y', float)])`: the namedtuple class of those fields."""

    def __repr__(self) -> str:
        return "<function NamedTuple>"   # CPython's text, without the address


def _named_tuple_call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.namedtuple_values import make_typed_namedtuple
    if not args or len(args) > 2 or (len(args) == 2 and kwargs):
        raise NotSupported("Autograd Lab supports `NamedTuple('Name', [('field', type), ...])` and "
                           "`class Name(NamedTuple):`")
    pairs = interp.materialize(args[1], node) if len(args) == 2 else list(kwargs.items())
    interp.sizes.charge_sequence(len(pairs), "the namedtuple's fields")
    names = []
    for pair in pairs:   # typing's own `for n, t in types` unpacking, its words
        if type(pair) not in (tuple, list):
            raise python_error(TypeError(f"cannot unpack non-iterable {type(pair).__name__} object"))
        if len(pair) > 2:
            raise python_error(ValueError("too many values to unpack (expected 2)"))
        if len(pair) < 2:
            raise python_error(ValueError(f"not enough values to unpack (expected 2, got {len(pair)})"))
        names.append(pair[0])
    return make_typed_namedtuple(interp, args[0], names, {}, node)


NAMED_TUPLE = NamedTupleFunction("typing.NamedTuple", _named_tuple_call)


def typing_namespace() -> Namespace:
    return Namespace("typing", {**{name: TypingForm(getattr(typing, name)) for name in TYPING_NAMES
                                   if name != "NamedTuple"},
                                "NamedTuple": NAMED_TUPLE, "TYPE_CHECKING": False,
                                "NewType": SafeFunction("typing.NewType", make_new_type)})   # new_types.py


def abc_namespace() -> Namespace:
    """`from collections.abc import Sequence, Callable`: the abstract classes as inert forms, for annotations
    and `Sequence[int]` (session 45); isinstance() with them is refused by name (instance_kinds)."""
    import collections.abc
    return Namespace("collections.abc", {name: TypingForm(getattr(collections.abc, name))
                                         for name in ABC_NAMES})


def is_type_operand(value: Any) -> bool:
    """`int | None`, `List[int] | str`: an operand of a PEP 604 union."""
    return isinstance(value, SafeType | TypingForm)


def union_of(left: Any, right: Any) -> TypingForm:
    """`int | str` as CPython makes it (types.UnionType, or typing's Union for a typing form), nesting
    bounded as any form's."""
    if not (is_type_operand(left) or left is None) or not (is_type_operand(right) or right is None):
        raise python_error(TypeError(f"unsupported operand type(s) for |: '{_kind_name(left)}' and "
                                     f"'{_kind_name(right)}'"))
    depth = 1 + max(_depth(left), _depth(right))
    parts = 1 + _parts(left) + _parts(right)
    if depth > MAX_TYPE_DEPTH:
        raise NotSupported(f"typing forms nested more than {MAX_TYPE_DEPTH} deep are not supported in "
                           "Autograd Lab")
    if parts > MAX_TYPE_PARTS:
        raise NotSupported(f"typing forms of more than {MAX_TYPE_PARTS:,} types in all are not supported in "
                           "Autograd Lab")
    try:
        return TypingForm(_real(left) | _real(right), depth, parts)
    except TypeError as exc:
        raise python_error(exc) from None


def _kind_name(value: Any) -> str:
    return "type" if isinstance(value, SafeType) else type(value).__name__


def instance_kinds(kind: TypingForm) -> tuple[SafeType, ...]:
    """The types `isinstance(x, form)` checks for a typing form (`List`, `Optional[int]`, `int | str`),
    or typing's own TypeError for a form isinstance refuses (`List[int]`, `list[int]`, `Any`)."""
    real = kind.form
    try:
        isinstance(None, real)   # typing's check of the form itself (the answer for None is not used)
    except TypeError as exc:
        raise python_error(exc) from None
    origin = typing.get_origin(real)
    args = typing.get_args(real) if origin is typing.Union or origin is types.UnionType else (origin or real,)
    return tuple(_engine_kind(arg) for arg in args)


_CONCRETE = (bool, int, float, complex, str, list, dict, tuple, set, frozenset, type, type(None))


def _engine_kind(real: Any) -> SafeType:
    """The SafeType whose py_type the engine's values of `real` are instances of."""
    engine = {kind: mine for mine, kind in _engine_types().items()}
    import torch
    if real in _CONCRETE or real is torch.Tensor or real in engine:
        return SafeType(getattr(real, "__name__", str(real)), engine.get(real, real))
    raise NotSupported(f"isinstance() with the typing form {real!r} is not supported in Autograd Lab; "
                       "check the type itself, e.g. isinstance(x, list)")


def with_typing_kinds(kinds: Any) -> Any:
    """isinstance's second argument with each typing form replaced by the types it checks for."""
    if isinstance(kinds, TypingForm):
        found = instance_kinds(kinds)
        return found if len(found) != 1 else found[0]
    if type(kinds) is tuple and any(isinstance(kind, TypingForm) for kind in kinds):
        return tuple(part for kind in kinds
                     for part in (instance_kinds(kind) if isinstance(kind, TypingForm) else (kind,)))
    return kinds


def numpy_typing_members() -> dict[str, Namespace]:
    """`import numpy.typing as npt`, `np.typing.NDArray[np.float64]`: NumPy's typing forms, inert as
    typing's (a lesson's annotations are never evaluated; a form used as a value prints as NumPy's)."""
    import numpy.typing as npt
    return {"typing": Namespace("numpy.typing", {name: TypingForm(getattr(npt, name))
                                                 for name in NUMPY_TYPING_NAMES})}

