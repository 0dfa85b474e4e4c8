"""The `class` statement of a plain class, and the builtins and syntax that dispatch to an instance's
dunder methods (lang/plain_classes.py holds the objects; lang/class_checks.py the static form).

The interpreter calls the program's __str__/__repr__/__len__/__getitem__/__setitem__ itself, checks
what they return as Python does (a str, an int >= 0) and charges the text like any text it builds.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported
from autogradlab.lang.annotation_names import read_variable_annotation
from autogradlab.lang.class_checks import (
    check_plain_class,
    is_docstring,
    is_named_tuple_base,
    is_property_setter,
)
from autogradlab.lang.class_kinds import CLASS_KIND, class_kinds, is_class_value
from autogradlab.lang.dataclass_classes import is_field
from autogradlab.lang.exception_objects import is_exception_type
from autogradlab.lang.instances import instantiate
from autogradlab.lang.object_equality import equality_for
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import (
    CLASS,
    METHOD,
    PROPERTY,
    STATIC,
    VALUE,
    ProgramClass,
    ProgramObject,
    SuperProxy,
    class_of,
    dunder,
    storable,
)
from autogradlab.lang.property_calls import property_call
from autogradlab.lang.protocol_classes import PROTOCOL, is_protocol_base, protocol_kind, refuse_protocol_check
from autogradlab.lang.safe_values import SafeException, SafeType, UserFunction, is_data, type_text
from autogradlab.lang.scope import ClassBodyScope, Scope

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_KINDS = {"staticmethod": STATIC, "classmethod": CLASS, "property": PROPERTY}


def define_plain_class(interp: Interpreter, node: ast.ClassDef, classes: frozenset[str]) -> None:
    """Run `class Name(...):` — its form checked again, its one base a class of the program, its
    attribute values evaluated in a scope of their own (as Python's class body), its methods the
    program's functions of the enclosing scope."""
    check_plain_class(node, classes)
    if node.bases and is_named_tuple_base(node.bases[0]):
        _define_named_tuple(interp, node)
        return
    decorator = None
    if node.decorator_list:   # `@dataclass(...)`: evaluated before the class, as Python does
        from autogradlab.lang.dataclass_classes import checked_decorator
        decorator = checked_decorator(interp, node.decorator_list[0])
    base, exception = None, None
    if node.bases and not (isinstance(node.bases[0], ast.Name) and node.bases[0].id == "object"):
        base = interp.eval(node.bases[0])
        if isinstance(base, SafeType) and is_exception_type(base):   # `class MyError(Exception):`
            base, exception = None, base.py_type
        elif is_protocol_base(base):   # `class Quacker(Protocol):`, `(TypedDict)` (protocol_classes.py)
            protocol, base, exception = protocol_kind(base), None, PROTOCOL
        elif not isinstance(base, ProgramClass):
            raise NotSupported(f"`class {node.name}({ast.unparse(node.bases[0])})`: a base that is not "
                               "`object`, a builtin exception class such as `Exception` or another class of "
                               "your program is not supported in Autograd Lab")
    outer = interp.scope
    inside = outer.function_name
    cls = ProgramClass(node.name, base, f"{inside}.<locals>.{node.name}" if inside else None)
    cls.doc = ast.get_docstring(node, clean=False)   # C.__doc__ (lang/class_introspection.py)
    if exception is PROTOCOL:
        cls.protocol, exception = protocol, None
    if exception is not None:
        cls.exception = exception
    body_scope = ClassBodyScope(outer, outer.function_name, comprehension=True)
    for statement in node.body:
        if isinstance(statement, ast.Pass) or is_docstring(statement):
            continue
        if isinstance(statement, ast.FunctionDef):
            body = statement.body
            if len(body) > 1 and is_docstring(body[0]):   # Python never runs a docstring
                body = body[1:]
            function = interp.make_function(f"{node.name}.{statement.name}", statement.args, body, statement)
            decorators = statement.decorator_list
            if decorators and is_property_setter(statement):   # `@f.setter`: kept beside the getter
                getter = cls.members.get(statement.name)
                if getter is None:   # Python evaluates `x.setter` with no `x` in the class body yet
                    raise python_error(NameError(f"name '{statement.name}' is not defined"))
                if getter[0] != PROPERTY:
                    raise python_error(AttributeError("'function' object has no attribute 'setter'"))
                cls.setters[statement.name] = function
                continue
            if decorators and body_scope.find(decorators[0].id)[0]:   # the program's own `property`
                raise NotSupported(f"`@{decorators[0].id}` of your program's own `{decorators[0].id}` (not "
                                   f"Python's) in the body of `class {node.name}` is not supported in "
                                   "Autograd Lab", line=decorators[0].lineno,
                                   column=decorators[0].col_offset + 1)   # (red team s45: Python's was used)
            kind = _KINDS[decorators[0].id] if decorators else METHOD
            cls.members[statement.name] = (kind, function)
            if kind == METHOD:   # `g = f`, `k = helper(3)` later in the body read it, as Python's class body
                body_scope.vars[statement.name] = function   # (red team s43: a NameError)
            else:
                body_scope.vars.pop(statement.name, None)
            continue
        if isinstance(statement, ast.AnnAssign):   # `x: float = 0.0`: read after the value (session 43)
            cls.annotations.append((statement.target.id, statement.annotation))
            if statement.value is None:
                _class_annotation(interp, body_scope, statement)
                continue
        if property_call(interp, cls, body_scope, statement):   # `miles = property(get_miles, set_miles)`
            continue
        interp.scope = body_scope   # `b = a + 1` reads the class's earlier attributes
        try:
            value = interp.eval(statement.value)
            if decorator is None or not is_field(value):   # `field(...)`: a dataclass's alone
                value = storable(value, "as a class attribute")
        finally:
            interp.scope = outer
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        for target in targets:
            body_scope.vars[target.id] = value
            cls.members[target.id] = (METHOD if isinstance(value, UserFunction) else VALUE, value)   # binds
        if isinstance(statement, ast.AnnAssign):
            _class_annotation(interp, body_scope, statement)
    if "__slots__" in cls.members:
        from autogradlab.lang.class_slots import settle_slots
        settle_slots(interp, cls)
    cls.equality, cls.interp = equality_for(interp, cls), interp
    if decorator is not None:
        from autogradlab.lang.dataclass_classes import decorate
        cls = decorate(interp, decorator, cls, node.decorator_list[0])
    interp.scope.set(node.name, cls)



def _class_annotation(interp: Interpreter, body_scope: Scope, statement: ast.AnnAssign) -> None:
    """Python evaluates a class body's annotation in the body's scope (`x: print('a')` prints)."""
    outer, interp.scope = interp.scope, body_scope
    try:
        read_variable_annotation(interp, statement)
    finally:
        interp.scope = outer


def _define_named_tuple(interp: Interpreter, node: ast.ClassDef) -> None:
    """`class Point(NamedTuple):` with `x: float` and `y: float = 0.0` lines: the class
    collections.namedtuple makes (lang/namedtuple_values.py), its defaults evaluated in order."""
    from autogradlab.lang.namedtuple_values import make_typed_namedtuple
    from autogradlab.lang.typing_module import NAMED_TUPLE
    base = interp.eval(node.bases[0])
    if base is not NAMED_TUPLE:
        raise NotSupported(f"`class {node.name}({ast.unparse(node.bases[0])})`: a base that is not "
                           "`object`, a builtin exception class such as `Exception` or another class of your "
                           "program is not supported in Autograd Lab")
    fields, defaults = [], {}
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign):
            name = statement.target.id
            if name not in fields:
                fields.append(name)
            if statement.value is not None:
                defaults[name] = interp.eval(statement.value)
    interp.scope.set(node.name, make_typed_namedtuple(interp, node.name, fields, defaults, node))


def unpacks_objects(interp: Interpreter, node: ast.Assign) -> bool:
    """`a, b = A(), B()`: names unpacking a display that creates objects of the program's classes
    (no tuple holds them: each value goes to its target, as Python's unpacking ends up doing)."""
    value = node.value
    if type(value) not in (ast.Tuple, ast.List) or not any(
            type(element) is ast.Call and type(element.func) is ast.Name for element in value.elts):
        return False
    if interp.class_names is None:
        from autogradlab.lang.class_checks import program_classes
        interp.class_names = program_classes(interp.tree) if "class" in interp.source else frozenset()
    return any(type(e) is ast.Call and type(e.func) is ast.Name and e.func.id in interp.class_names
               for e in value.elts) and all(
        type(target) in (ast.Tuple, ast.List) and len(target.elts) == len(value.elts)
        and not any(type(e) is ast.Starred for e in (*target.elts, *value.elts)) for target in node.targets)


def unpack_objects(interp: Interpreter, node: ast.Assign) -> None:
    interp._tick()   # the display's own step
    values = [interp.eval(element) for element in node.value.elts]
    for target in node.targets:
        for element, value in zip(target.elts, values, strict=True):
            interp.assign(element, value, node)

def call_object(interp: Interpreter, callee: Any, args: list, kwargs: dict, node: ast.AST) -> Any:
    if isinstance(callee, ProgramClass):
        return instantiate(interp, callee, args, kwargs, node)
    if isinstance(callee, ProgramObject):
        return dunder(interp, callee, "__call__", args, kwargs, node,
                      lambda: python_error(TypeError(f"'{callee.cls.name}' object is not callable")))
    raise python_error(TypeError("'super' object is not callable"))


# -- text -----------------------------------------------------------------------------------------
def object_text(interp: Interpreter, value: Any, which: str = "str") -> str:
    """str(value) or repr(value) of a class, instance or super() as Python computes it."""
    if isinstance(value, ProgramObject):
        names = ("__str__", "__repr__") if which == "str" else ("__repr__",)
        if value.state is not None:   # an exception: BaseException's __str__ comes before a __repr__
            names = names[:1]
        for name in names:
            found = value.cls.find(name)
            if found is not None and found[1] == METHOD:
                text = dunder(interp, value, name, [], {}, None, None)
                if not isinstance(text, str):
                    raise python_error(TypeError(f"{name} returned non-string (type {type_text(text)})"))
                interp.sizes.charge_sequence(len(text), "the text")
                return text
        if value.state is not None:
            from autogradlab.lang.exception_objects import exception_text
            return exception_text(interp, value, which)
    return repr(value)   # <class '__main__.Name'>, <__main__.Name object>


def length(interp: Interpreter, obj: ProgramObject, node: ast.AST | None) -> int:
    result = dunder(interp, obj, "__len__", [], {}, node,
                    lambda: python_error(TypeError(f"object of type '{obj.cls.name}' has no len()")))
    if not isinstance(result, int):
        raise python_error(TypeError(f"'{type_text(result)}' object cannot be interpreted as an integer"))
    if result < 0:
        raise python_error(ValueError("__len__() should return >= 0"))
    if result >= 2**63:   # Python's len() and bool() fit it into a Py_ssize_t
        raise python_error(OverflowError("cannot fit 'int' into an index-sized integer"))
    return int(result)


def get_item(interp: Interpreter, obj: ProgramObject, index: Any, node: ast.AST) -> Any:
    return dunder(interp, obj, "__getitem__", [index], {}, node,
                  lambda: python_error(TypeError(f"'{obj.cls.name}' object is not subscriptable")))


def set_item(interp: Interpreter, obj: ProgramObject, index: Any, value: Any, node: ast.AST) -> None:
    dunder(interp, obj, "__setitem__", [index, value], {}, node,
           lambda: python_error(TypeError(f"'{obj.cls.name}' object does not support item assignment")))


def truth(interp: Interpreter, obj: ProgramObject, node: ast.AST) -> bool:
    """bool(obj): its __bool__, else its __len__, else True (lang/object_protocols.py)."""
    from autogradlab.lang.object_protocols import truth
    return truth(interp, obj, node)


# -- builtins ---------------------------------------------------------------------------------------
OBJECTS = (ProgramClass, ProgramObject, SuperProxy)


def wrap_builtins(builtins: dict[str, Any]) -> None:
    """print, str, repr, len, type, isinstance and id learn instances and classes; everything else
    still refuses them (they are no data)."""
    def texts(interp: Interpreter, args: list) -> list:
        return [object_text(interp, a) if isinstance(a, OBJECTS) else a for a in args]

    def wrapped(name: str, impl: Any) -> Any:
        def call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
            if not any(isinstance(a, OBJECTS) for a in args):
                return impl(interp, args, kwargs, node)
            if name == "print":
                return impl(interp, texts(interp, args), kwargs, node)
            if name == "next" and len(args) == 2 and not kwargs and isinstance(args[0], ProgramObject):
                from autogradlab.lang.object_protocols import next_of
                return next_of(interp, args[0], [args[1]], node)
            if name == "format" and isinstance(args[0], OBJECTS) and not kwargs and len(args) <= 2 \
                    and all(isinstance(spec, str) for spec in args[1:]):
                from autogradlab.lang.object_format import f_string_field
                return f_string_field(interp, args[0], -1, args[1] if args[1:] else "")
            if len(args) != 1 or kwargs:
                return impl(interp, args, kwargs, node)   # its own refusal of the arguments
            value = args[0]
            if name == "repr":
                return object_text(interp, value, "repr")
            if name == "len":
                if isinstance(value, ProgramObject):
                    return length(interp, value, node)
                raise python_error(TypeError(f"object of type '{type_text(value)}' has no len()"))
            if name == "type":
                if isinstance(value, ProgramObject):
                    return value.cls
                return SafeType(type_text(value), type(value))
            if name == "id":
                return interp.identity(value)
            if name == "abs" and isinstance(value, ProgramObject):
                from autogradlab.lang.object_protocols import absolute
                return absolute(interp, value, node)
            if name == "iter" and isinstance(value, ProgramObject):
                from autogradlab.lang.object_protocols import iterator_of
                return iterator_of(interp, value, node)
            if name == "next" and isinstance(value, ProgramObject):
                from autogradlab.lang.object_protocols import next_of
                return next_of(interp, value, [], node)
            return impl(interp, args, kwargs, node)
        return call

    def hash_builtin(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if kwargs:
            raise python_error(TypeError("hash() takes no keyword arguments"))
        if len(args) != 1:
            raise python_error(TypeError(f"hash() takes exactly one argument ({len(args)} given)"))
        from autogradlab.lang.object_protocols import hash_of
        return hash_of(interp, args[0])

    builtins["hash"] = type(builtins["print"])("hash", hash_builtin)
    for name in ("print", "repr", "len", "type", "id", "format", "abs", "iter", "next"):
        function = builtins[name]
        builtins[name] = type(function)(name, wrapped(name, function.impl))
    for name in ("str", "bool", "list", "tuple", "set"):
        _wrap_conversion(builtins[name], name)
    from autogradlab.lang.object_protocols import iterating, reversing
    for name in ("sum", "min", "max", "sorted", "any", "all", "enumerate", "zip"):
        builtins[name] = type(builtins[name])(name, iterating(name, builtins[name].impl))
    builtins["reversed"] = type(builtins["reversed"])("reversed", reversing(builtins["reversed"].impl))
    isinstance_impl = builtins["isinstance"].impl

    def is_instance(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if QUICK_ISINSTANCE and len(args) == 2 and not kwargs and type(args[1]) is ProgramClass \
                and not args[1].protocol:   # a Protocol / TypedDict class: typing's TypeError below
            value = args[0]   # `isinstance(other, Value)` (micrograd, each operator): the answer below
            return isinstance(value, ProgramObject) and value.cls.is_subclass_of(args[1])   # (session 45)
        if len(args) == 2 and not kwargs:   # `isinstance(x, List)`, `Optional[int]`, `int | None`
            from autogradlab.lang.typing_module import with_typing_kinds
            args = [args[0], with_typing_kinds(args[1])]
        if len(args) != 2 or kwargs or not (isinstance(args[0], OBJECTS) or _has_class(args[1])
                                            or type(args[0]).__name__ in _CODE):
            return isinstance_impl(interp, args, kwargs, node)   # d2l: isinstance(net, torch.nn.Module)
        value, kinds = args
        kinds = class_kinds(kinds)   # `isinstance(A, type)`: a class of the program is a class
        if any(kind is CLASS_KIND for kind in kinds) and is_class_value(value):
            return True
        if not all(isinstance(kind, SafeType | ProgramClass) for kind in kinds):
            raise python_error(TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        mine = value.cls if isinstance(value, ProgramObject) else None
        refuse_protocol_check(kinds)   # typing's TypeError for a Protocol class (protocol_classes.py)
        return any(mine is not None and mine.is_subclass_of(kind) if isinstance(kind, ProgramClass)
                   else kind.py_type is object or is_data(value) and _is_instance(value, kind.py_type)
                   or kind.py_type is type(value) and type(value).__name__ in _CODE   # isinstance(f, type(g))
                   or mine is not None and mine.exception is not None
                   and issubclass(mine.exception, kind.py_type)
                   for kind in kinds)
    builtins["isinstance"] = type(builtins["isinstance"])("isinstance", is_instance)


QUICK_ISINSTANCE = True   # isinstance(x, C) of a class of the program at once (tests compare with it off)
_CODE = ("UserFunction", "ProgramGenerator")   # functions and generators (builtins._type's `function`)


def _is_instance(value: Any, kind: type) -> bool:
    return issubclass(value.py_type, kind) if isinstance(value, SafeException) else isinstance(value, kind)


def _has_class(kinds: Any) -> bool:
    return isinstance(kinds, ProgramClass) or isinstance(kinds, tuple) and \
        any(isinstance(kind, ProgramClass) for kind in kinds)


def _wrap_conversion(kind: SafeType, name: str) -> None:
    """str(obj) is its text, bool(obj) its truth; the conversion's own checks for anything else."""
    convert = kind.convert

    def call(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) == 1 and not kwargs and isinstance(args[0], OBJECTS):
            value = args[0]
            if name == "str":
                return object_text(interp, value)
            if name == "bool":
                return truth(interp, value, node) if isinstance(value, ProgramObject) else True
            if isinstance(value, ProgramObject):   # list(data): its __iter__ or __getitem__
                from autogradlab.lang.object_protocols import iterator_of
                return convert(interp, [iterator_of(interp, value, node)], kwargs, node)
        return convert(interp, args, kwargs, node)
    kind.convert = call


def super_of(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SuperProxy:
    """`super()` inside a method of a class (zero arguments), or `super(Name, self)`."""
    if kwargs:
        raise python_error(TypeError("super() takes no keyword arguments"))
    if len(args) == 2:
        owner, target = args
        if isinstance(owner, SafeType):   # super(int, 1): a library class, which CPython takes (red team s44:
            raise NotSupported(   # it said "argument 1 must be a type", a TypeError a program could catch)
                f"`super({owner.text_name}, ...)` of a class that is not your program's is not supported in "
                "Autograd Lab")
        if not isinstance(owner, ProgramClass):   # CPython's words, with the class it was given
            raise python_error(TypeError(f"super() argument 1 must be a type, not {type_text(owner)}"))
        if not (isinstance(target, ProgramObject | ProgramClass) and class_of(target).is_subclass_of(owner)):
            raise python_error(TypeError("super(type, obj): obj must be an instance or subtype of type"))
        return SuperProxy(owner, target)
    if args:
        raise NotSupported("`super()` with one argument is not supported in Autograd Lab")
    frames = interp.method_frames
    if not frames or frames[-1][0] != interp._depth:
        raise python_error(RuntimeError("super(): no arguments"))
    owner, target = frames[-1][1], frames[-1][2]
    if not (isinstance(target, ProgramObject | ProgramClass) and class_of(target).is_subclass_of(owner)):
        raise python_error(TypeError("super(type, obj): obj must be an instance or subtype of type"))
    return SuperProxy(owner, target)
