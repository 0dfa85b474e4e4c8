"""`dataclasses.fields(obj)` and what a lesson reads of each Field (f.name, f.type, f.default, f.init ...),
and the names `InitVar` / `KW_ONLY` that a dataclass's annotations use (issue 9, session 32;
lang/dataclass_classes.py reads the annotations themselves, which the engine never evaluates).

f.type is the field's annotation evaluated when it is read, as CPython evaluated it when the class was
made: only a name, a dotted name, a subscript of those (`List[int]`), `X | Y` or a string, so reading it
runs nothing of the program's.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported
from autogradlab.lang.dataclass_classes import MISSING, DataclassField
from autogradlab.lang.inert_values import InertValue, named_kind
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import ProgramClass, ProgramObject

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_FLAGS = ("init", "repr", "compare", "kw_only")


def _plain_annotation(node: ast.AST) -> bool:
    if isinstance(node, ast.Name) or isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.Attribute):
        return _plain_annotation(node.value)
    if isinstance(node, ast.Subscript):
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return _plain_annotation(node.value) and all(_plain_annotation(part) for part in parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _plain_annotation(node.left) and _plain_annotation(node.right)
    return isinstance(node, ast.Constant) and node.value is None


def field_attribute(interp: Interpreter, spec: DataclassField, name: str, node: ast.AST) -> Any:
    if name == "name":
        return spec.name
    if name == "type":
        if spec.annotation is None or not _plain_annotation(spec.annotation):
            raise NotSupported("`f.type` of a field whose annotation is more than a name or `List[int]`-"
                               "like type is not supported in Autograd Lab")
        return interp.eval(spec.annotation)
    if name in _FLAGS:
        value = getattr(spec, name)
        if value is MISSING:   # field(...) not yet in a class: CPython's MISSING
            raise NotSupported(f"`f.{name}` of a field outside a dataclass is not supported in Autograd "
                               "Lab")
        return value
    if name in ("default", "default_factory"):
        value = spec.default if name == "default" else spec.factory
        if value is MISSING:
            raise NotSupported(f"`f.{name}` of a field without one (dataclasses.MISSING) is not supported in "
                               "Autograd Lab")
        return value
    if name in ("hash", "metadata"):
        raise NotSupported(f"`f.{name}` is not supported in Autograd Lab")
    raise python_error(AttributeError(f"'Field' object has no attribute '{name}'"))


def _fields(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> tuple:
    if kwargs or len(args) != 1:
        raise python_error(TypeError(f"fields() takes 1 positional argument but {len(args)} were given"))
    value = args[0]
    cls = value.cls if isinstance(value, ProgramObject) else value
    info = getattr(cls, "dataclass", None) if isinstance(cls, ProgramClass) else None
    if info is None:
        raise python_error(TypeError("must be called with a dataclass type or instance"))
    interp.sizes.charge_sequence(len(info.fields), "the tuple")
    return tuple(info.fields)


class AnnotationMarker(InertValue):
    """dataclasses.InitVar (a class, as CPython's: not in the Variables table) and dataclasses.KW_ONLY
    (CPython's is an instance of _KW_ONLY_TYPE: listed), names a dataclass's annotations use."""

    __slots__ = ("name",)

    def __new__(cls, name: str) -> AnnotationMarker:
        kind = "InitVar" if name == "InitVar" else "_KW_ONLY_TYPE"
        return object.__new__(named_kind(AnnotationMarker, f"dataclasses.{kind}"))

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def listed(self) -> bool:
        return self.name != "InitVar"

    def __repr__(self) -> str:
        if self.name == "InitVar":
            return "<class 'dataclasses.InitVar'>"
        return "<dataclasses._KW_ONLY_TYPE object>"

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        raise NotSupported(f"`{self.name}[...]` is supported as a dataclass field's annotation only in "
                           "Autograd Lab")


def field_members() -> dict[str, Any]:
    from autogradlab.lang.safe_values import SafeFunction
    return {"fields": SafeFunction("dataclasses.fields", _fields),
            "InitVar": AnnotationMarker("InitVar"), "KW_ONLY": AnnotationMarker("KW_ONLY")}
