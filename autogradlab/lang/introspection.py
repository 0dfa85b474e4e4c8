"""`dir(...)` and `help(...)`, as d2l's "Documentation" section (lookup-api) uses them:
`print(dir(torch.distributions))` and `help(torch.ones)`; and `callable(x)` (session 27: functions are
values a program passes and returns), answered from what x is, never by calling it.

Both only read names and documentation text of what the program can already reach (a module or
function of the language, or one of its values); nothing is looked up by a string (`help('os')`
would import a module by name, so strings are refused), and nothing but text comes back. `dir`
makes a list of names (counted like any list), `help` prints pydoc's plain text exactly as Python's
`help()` does with its output redirected (counted like print). `help` of a whole module would print
hundreds of kilobytes: one function at a time.
"""

from __future__ import annotations

import ast
import builtins as py_builtins
import pydoc
import sys
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.namedtuple_values import namedtuple_dir
from autogradlab.lang.safe_values import (
    HookHandle,
    Namespace,
    SafeArray,
    SafeFunction,
    SafeGradFn,
    SafeNumpyDtype,
    SafeNumpyGenerator,
    SafeType,
    UserFunction,
    is_data,
)

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


# Python's own types whose unbound methods a program can name (`str.replace`, `list.append`: learn-python3)
_BUILTIN_TYPES = frozenset({"str", "list", "dict", "tuple", "set", "int", "float", "complex", "bool"})


def _library_object(value: SafeFunction | Namespace) -> Any:
    """The real module or function an allowlisted name stands for (our own qualnames, never the
    program's strings)."""
    if isinstance(value, Namespace):
        module = sys.modules.get(value.qualname)
        if module is None:
            raise NotSupported(f"dir()/help() of `{value.qualname}` is not supported in Autograd Lab")
        return module
    if type(value) is not SafeFunction:   # a bound method or Function.apply: program code (names it made)
        raise NotSupported(f"dir()/help() of `{value.qualname}` is not supported in Autograd Lab")
    parts = value.qualname.split(".")
    obj: Any = sys.modules.get(parts[0]) if len(parts) > 1 else py_builtins
    if obj is None and parts[0] in _BUILTIN_TYPES:   # help(str.replace): the builtin type's method (s41)
        obj = getattr(py_builtins, parts[0])
    for part in parts[1:] if len(parts) > 1 else parts:
        obj = getattr(obj, part, None)
        if obj is None:
            raise NotSupported(f"dir()/help() of `{value.qualname}` is not supported in Autograd Lab")
    return obj


def _wrapped(value: Any) -> Any:
    """The NumPy or PyTorch object an engine wrapper holds (a string array, a storage), else None; for
    the wrappers of a caught error, a set, a dtype, a class, NumPy's flags, bytes, a poly1d, finfo, a
    deque, a Counter, a defaultdict, an OrderedDict or a Generator, the object (or class) whose names
    Python lists (red team s42: `dir(e)` of a caught error listed the wrapper's own `error`, `fields`,
    `py_type`, `shown`; dir(s) of a set its `items`, `in_cpython_order`)."""
    import collections

    from autogradlab.lang.collections_module import Counter, DefaultDict, OrderedDict
    from autogradlab.lang.data_wrappers import SafeException, SafeGenerator, SafeType
    from autogradlab.lang.deque_values import Deque
    from autogradlab.lang.inert_values import InertValue
    from autogradlab.lang.numpy_strings import StringArray
    from autogradlab.lang.set_value import ProgramSet
    from autogradlab.lang.tensor_storage import TensorStorage
    if isinstance(value, StringArray):
        return value.array
    if isinstance(value, TensorStorage):
        return value.real
    if isinstance(value, SafeException):
        return value.py_type
    if isinstance(value, SafeType):
        return value.py_type
    if isinstance(value, SafeNumpyDtype):
        return value.dtype if value.instance else value.dtype.type   # np.float64: the scalar class
    if isinstance(value, ProgramSet):
        return set
    if isinstance(value, Deque):
        return collections.deque
    for wrapper, real in ((DefaultDict, collections.defaultdict), (Counter, collections.Counter),
                          (OrderedDict, collections.OrderedDict)):
        if type(value) is wrapper:
            return real
    if isinstance(value, SafeGenerator):
        return value.gen
    if isinstance(value, InertValue):
        slots = {name for kind in type(value).__mro__ for name in getattr(kind, "__slots__", ())}
        for held in ("flags", "data", "poly", "info"):   # ArrayFlags, BytesValue, Poly1d, finfo / iinfo
            if held in slots:
                return getattr(value, held)
    return None


def _dir(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> list[str]:
    if kwargs or len(args) != 1:
        raise NotSupported("Autograd Lab supports `dir(x)` with one argument (a module, function or value)")
    value = args[0]
    if isinstance(value, (Namespace, SafeFunction)):
        names = dir(_library_object(value))
    elif isinstance(value, SafeArray):
        names = dir(value.array)
    elif isinstance(value, SafeGradFn):   # `dir(z.grad_fn)`: the node's own names, as PyTorch lists them
        names = dir(value.node)
    elif isinstance(value, HookHandle):   # `dir(h)` of h = y.register_hook(f): PyTorch's handle's names
        names = dir(value._handle)
    elif isinstance(value, SafeNumpyGenerator):   # `dir(rng)`: NumPy's Generator's names
        names = dir(value.gen)
    elif (fields := namedtuple_dir(value.py_type if type(value) is SafeType else value)) is not None:
        names = fields   # a namedtuple or its class: Python's names, its fields (namedtuple_values.py)
    elif (wrapped := _wrapped(value)) is not None:   # a string array, a storage: NumPy's / PyTorch's names,
        names = dir(wrapped)                          # not the engine wrapper's (red team, session 34)
    elif isinstance(value, UserFunction) or not is_data(value):
        raise NotSupported("Autograd Lab supports `dir(x)` for modules, library functions and values")
    else:
        names = dir(value)
    interp.sizes.charge_sequence(len(names), "the list dir() builds")
    return names


def _default_text(interp: Interpreter, value: Any) -> str:
    """repr() of a default value as help() shows it: an object of the program's classes by its class's own
    __repr__, run as repr() runs it (red team s43: it was `<__main__.A object>` whatever the class said)."""
    from autogradlab.lang.plain_classes import ProgramObject
    if type(value) is ProgramObject:
        from autogradlab.lang.class_dispatch import object_text
        return object_text(interp, value, "repr")
    from autogradlab.lang.builtin_arguments import text_of
    return text_of(interp, value, repr)


def _help(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    from autogradlab.lang.builtins import _charge_printed
    if kwargs or len(args) != 1:
        raise NotSupported("Autograd Lab supports `help(f)` with one library function, e.g. help(torch.ones)")
    value = args[0]
    if isinstance(value, str):
        raise ProgramTypeError("help('name') looks a topic up by its name; Autograd Lab shows help for a "
                               "function itself: help(torch.ones)")
    bound_to, to_class = None, False
    # help(A().m): the method, bound (s43); help(A.make) of a classmethod: bound to the class (s44); pydoc
    # names the class by __name__
    if type(value).__name__ == "BoundMethod" and type(value.method) is UserFunction \
            and type(value.bound).__name__ in ("ProgramObject", "ProgramClass"):
        to_class = type(value.bound).__name__ == "ProgramClass"
        value, bound_to = value.method, (value.bound if to_class else value.bound.cls).name
    if isinstance(value, UserFunction) and not value.managed:   # the program's def/lambda (user_help.py)
        from autogradlab.lang.user_help import user_function_help
        text = user_function_help(value, lambda default: _default_text(interp, default), bound_to,
                                  to_class)
        _charge_printed(interp, len(text))
        interp.hooks.on_print(text)
        return
    if not isinstance(value, SafeFunction):
        raise NotSupported("Autograd Lab shows help() for one library function at a time, e.g. "
                           "help(torch.ones) (a whole module's help is hundreds of kilobytes)")
    text = pydoc.plain(pydoc.render_doc(_library_object(value), "Help on %s:")) + "\n"
    _charge_printed(interp, len(text))
    interp.hooks.on_print(text)


# what callable() is True for besides the program's objects of a class with __call__ (type names: no imports)
_CALLABLE_KINDS = frozenset({"UserFunction", "ProgramClass", "FunctionClass", "GeneratorManager",
                             "ErrState"})


def _callable(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> bool:
    if kwargs:
        raise ProgramTypeError("callable() takes no keyword arguments")
    if len(args) != 1:
        raise ProgramTypeError(f"callable() takes exactly one argument ({len(args)} given)")
    value = args[0]
    kind = type(value).__name__
    if kind == "ProgramObject":   # `__call__` along its class's bases
        return value.cls.find("__call__") is not None
    if isinstance(value, SafeNumpyDtype):   # np.float64 is; an array's dtype, np.dtype('f8') is not (NumPy)
        return not value.instance
    return isinstance(value, SafeFunction | SafeType) or kind in _CALLABLE_KINDS


INTROSPECTION: dict[str, SafeFunction] = {"dir": SafeFunction("dir", _dir),
                                          "help": SafeFunction("help", _help),
                                          "callable": SafeFunction("callable", _callable)}
