"""Attribute reads, method calls and indexing on the values a program holds.

Every door is a table lookup: tensor properties and methods (allowlist.py), namespace members,
a few list/str/Size methods, the numpy-array wrapper's properties. Anything else is NotSupported;
names starting with `_` are refused before any lookup.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import allowlist as al
from autogradlab.lang import (
    cudnn_flags,
    custom_functions,
    dicts,
    distributions,
    function_attributes,
    function_names,
    graph_hooks,
    module_constants,
    numpy_flags,
    numpy_generators,
    numpy_layout,
    numpy_lessons_s36,
    object_methods,
    plain_classes,
    torch_generators,
)
from autogradlab.lang.attribute_errors import _no_module_member, _no_tensor_attribute, _none_has_nothing
from autogradlab.lang.calls import call_method as call_tensor_method
from autogradlab.lang.calls import has_tensor, require_data, wrap_result
from autogradlab.lang.calls import notify_memory as _notify
from autogradlab.lang.collections_module import COLLECTION_TYPES
from autogradlab.lang.collections_module import call_method as collections_call
from autogradlab.lang.data_wrappers import HookHandle, SafeException, SafeNumpyGenerator
from autogradlab.lang.deque_values import Deque
from autogradlab.lang.deque_values import read_attribute as deque_attribute
from autogradlab.lang.grad_fn_saved import is_saved_name, read_saved
from autogradlab.lang.guarded_calls import _python_guarded, _torch_guarded
from autogradlab.lang.inert_values import InertValue
from autogradlab.lang.item_access import get_item, set_item  # noqa: F401 - re-exported (interpreter.py, ...)
from autogradlab.lang.iterators import ITERATORS, materialize_iterator
from autogradlab.lang.keyword_module import run_list
from autogradlab.lang.missing_members import python_lacks
from autogradlab.lang.namedtuple_values import (
    NAMEDTUPLE_MEMBERS,
    NAMEDTUPLE_METHODS,
    ProgramNamedTuple,
    call_member,
    class_field,
    is_namedtuple_class,
    read_field,
)
from autogradlab.lang.number_methods import read_number_attribute
from autogradlab.lang.numpy_flat import NDIter, flat_of
from autogradlab.lang.numpy_ops import ARRAY_METHODS, array_method, is_numpy_operand
from autogradlab.lang.numpy_poly1d import CallableValue
from autogradlab.lang.numpy_records import RECORD_VALUES
from autogradlab.lang.numpy_strings import StringArray
from autogradlab.lang.numpy_ufunc_methods import METHODS as UFUNC_METHODS
from autogradlab.lang.numpy_ufunc_methods import call_ufunc_method, ufunc_of
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_methods import PLAIN_METHODS
from autogradlab.lang.pprint_module import PrettyPrinterValue
from autogradlab.lang.safe_values import (
    ATOM_TYPES,
    Namespace,
    SafeArray,
    SafeDistribution,
    SafeFunction,
    SafeGenerator,
    SafeGradFn,
    SafeNumpyDtype,
    SafeType,
    UserFunction,
    is_storable,
    return_type_fields,
    type_text,
)
from autogradlab.lang.sequence_methods import KEYWORD_METHODS, sort_list
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.sets import call_method as set_method
from autogradlab.lang.sizes import tensor_elements
from autogradlab.lang.slice_values import read_part
from autogradlab.lang.stored_objects import require_item, require_storable
from autogradlab.lang.tensor_own_attributes import MISSING, read_own_attribute, set_own_attribute
from autogradlab.lang.tensor_storage import TensorStorage, storage_of
from autogradlab.lang.unbound_methods import dict_fromkeys, read_method, string_method

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_DTYPE_PROPERTIES = frozenset({"is_floating_point", "is_complex", "is_signed", "itemsize"})


PUBLIC_DUNDER_ATTRIBUTES = frozenset({"__version__"})   # torch.__version__, np.__version__


def check_attribute_name(name: str) -> None:
    if name.startswith("_") and name not in PUBLIC_DUNDER_ATTRIBUTES and name not in NAMEDTUPLE_MEMBERS:
        raise NotSupported(f"the attribute `{name}` is not supported in Autograd Lab (names starting "
                           f"with `_` are private)")


def read_attribute(interp: Interpreter, base: Any, name: str, node: ast.AST) -> Any:
    if type(base) is plain_classes.ProgramObject:   # `self.w` (the program's objects: first, issue 9)
        return plain_classes.read_attribute(interp, base, name)
    if name == "__name__" and type(base) in function_names.NAMED:   # `f.__name__`, `np.sin.__name__`
        return function_names.name_of(base)
    if name == "__doc__" and type(base) is UserFunction:   # `f.__doc__` (Made With ML's Python lesson)
        return function_names.doc_of(base)
    if name == "__doc__" and type(base) is plain_classes.BoundMethod and type(base.method) is UserFunction:
        return function_names.doc_of(base.method)   # `obj.m.__doc__`
    if base is None:
        raise _none_has_nothing(node, name, call=False)
    if isinstance(base, torch.Tensor):
        if name in al.TENSOR_PROPERTIES:
            value = _torch_guarded(name, lambda: getattr(base, name), [base])
            if name == "grad" or name == "data":   # backward writes .grad; .data has its own version
                _notify(interp, "grad" if name == "grad" else "share", base)
            if name == "grad_fn":
                return SafeGradFn.wrap(value, interp.grad_fn_wrappers)
            if name in al.TENSOR_OP_PROPERTIES and isinstance(value, torch.Tensor):
                interp.sizes.add_result(value)
                interp.record_op(name, [base], {}, value, node)
            return value
        if name in al.TENSOR_METHODS:
            raise NotSupported(f"`.{name}` is a tensor method: call it, as in `x.{name}(...)`")
        if (own := read_own_attribute(base, name)) is not MISSING:   # `w.g` (tensor_own_attributes.py)
            return own
        raise _no_tensor_attribute(base, name, call=False)
    if isinstance(base, plain_classes.PLAIN_VALUES):   # the program's classes and instances
        return plain_classes.read_attribute(interp, base, name)
    if isinstance(base, ProgramNamedTuple):   # p.x (namedtuple_values.py)
        return read_field(base, name)
    if name in NAMEDTUPLE_MEMBERS and is_namedtuple_class(base):   # Point._fields
        return class_field(base, name)
    if isinstance(base, Deque):   # d.maxlen (deque_values.py)
        return deque_attribute(base, name)
    if isinstance(base, Namespace):
        if name not in base.members:
            if cudnn_flags.is_flag(base, name):   # torch.backends.cudnn.deterministic
                return cudnn_flags.read(interp, name)
            raise _no_module_member(base, name)
        if module_constants.is_constant(base, name):   # torch.pi after `torch.pi = ...` (this run's copy)
            return module_constants.read(interp, base, name)
        member = base.members[name]
        if member is custom_functions.FUNCTION_BASE:
            raise NotSupported(custom_functions.BASE_ONLY)
        if type(member) is dict:   # np.typecodes: a copy each read, so a run never changes the module's
            return dict(member)
        if type(member) is list:   # keyword.kwlist: the run's own copy (keyword_module.py)
            return run_list(interp, base, name, member)
        return member
    if isinstance(base, SafeArray):
        if name == "flat":   # a.flat (numpy_flat.py)
            return flat_of(interp, base)
        if name in numpy_layout.ATTRIBUTES:   # y.base is x, Z.strides (numpy_layout.py)
            return numpy_layout.read(base, name)
        if name in numpy_lessons_s36.PARTS:   # a.real, a.imag (numpy_lessons_s36.py)
            return numpy_lessons_s36.complex_part(interp, base, name)
        if name not in al.SAFE_ARRAY_PROPERTIES:
            raise python_lacks(base, name) or NotSupported(f"the numpy attribute `.{name}` is not supported "
                                                           "in Autograd Lab")
        value = getattr(base.array, name)
        return SafeNumpyDtype(value, instance=True) if name == "dtype" else wrap_result(value, name)
    if isinstance(base, SafeNumpyDtype) and base.instance and name in ("name", "itemsize"):
        return getattr(base.dtype, name)   # `a.dtype.name` 'int64', `a.dtype.itemsize` 8 (NumPy quickstart)
    if isinstance(base, SafeDistribution):
        return distributions.read_attribute(base, name)
    if isinstance(base, TensorStorage):   # s.dtype, s.device
        return base.attribute(name)
    if isinstance(base, SafeNumpyGenerator):   # rng.bit_generator: refused, naming the methods
        return numpy_generators.read_attribute(base, name)
    if isinstance(base, SafeType) and name == "__name__":   # `type(err).__name__`: 'ValueError', 'Tensor'
        return base.text_name.rsplit(".", 1)[-1]
    if isinstance(base, SafeException):   # `e.args`; Python's AttributeError for anything else
        if name == "args":
            return base.args
        if base.fields is not None and name in base.fields:   # e.errno, e.strerror, e.filename
            return base.fields[name]
        if not hasattr(base.py_type, name):   # what Python's class has (with_traceback, add_note, an
            # AttributeError's name and obj: red team s42) is refused below, by name, not said to be missing
            raise python_error(AttributeError(f"'{type_text(base)}' object has no attribute '{name}'"))
    if isinstance(base, NDIter):   # it.multi_index, it.finished (numpy_flat.py)
        return base.attribute(name)
    if isinstance(base, SafeGradFn) and name == "next_functions":
        return base.next_functions()
    if isinstance(base, SafeGradFn) and is_saved_name(name):   # y.grad_fn._saved_self (grad_fn_saved.py)
        return read_saved(interp, base.node, base.name, name)
    if isinstance(base, SafeGradFn) and name == "variable" and base.name == "AccumulateGrad":
        return base.node.variable   # the leaf tensor the node accumulates into
    if name in return_type_fields(base):
        return getattr(base, name)
    if isinstance(base, InertValue):   # torch.finfo(...).eps, ... (lang/inert_values.py)
        return base.attribute(interp, name, node)
    found, part = read_part(base, name)   # s.start, r.stop (slice_values.py)
    if found:
        return part
    if isinstance(base, complex) and name in ("real", "imag"):
        return getattr(base, name)
    found, part = read_number_attribute(base, name)   # x.real, n.numerator (number_methods.py)
    if found:
        return part
    if isinstance(base, torch.dtype) and name in _DTYPE_PROPERTIES:
        return getattr(base, name)
    if isinstance(base, torch.device) and name in ("type", "index"):
        return getattr(base, name)
    if isinstance(base, custom_functions.FUNCTION_VALUES):
        return custom_functions.read_attribute(interp, base, name)
    if (method := read_method(base, name)) is not None:   # key=str.lower, key=d.get (unbound_methods.py)
        return method
    if type(base) is UserFunction:   # `f.calls` (function_attributes.py)
        return function_attributes.read(base, name)
    if any(isinstance(base, kind) and method == name for kind, method in PLAIN_METHODS):   # `help(lst.count)`
        raise NotSupported(f"the method `.{name}` of {type_text(base)} values without its call is not "
                           f"supported in Autograd Lab; call it: `.{name}(...)`")   # (session 42)
    raise python_lacks(base, name) or NotSupported(f"the attribute `.{name}` of {type_text(base)} values is "
                                                   f"not supported in Autograd Lab")




_READING_METHODS = frozenset({"join", "extend", "update"})   # read a whole iterable argument
_LIST_OWN_WAYS = _READING_METHODS | {"sort"}   # list methods call_method takes its own way for


def _list_methods() -> dict[str, Any]:
    """name -> what call_method's scan of PLAIN_METHODS finds for a list (its first (kind, name) entry
    with a kind the list is an instance of), built once PLAIN_METHODS is complete (the first call)."""
    if not _LIST_METHODS:
        for (kind, method_name), fn in PLAIN_METHODS.items():
            if isinstance([], kind):
                _LIST_METHODS.setdefault(method_name, fn)
    return _LIST_METHODS


_LIST_METHODS: dict[str, Any] = {}
ATOMS_FIRST = True   # call_method's list way: a storable list, atom arguments at once (tests compare)


def property_called(value: Any, name: str) -> ProgramTypeError:
    """`x.shape()`: the property's value is read first (as Python reads it), then found not callable."""
    return ProgramTypeError(f"'{type_text(value)}' object is not callable (`.{name}` is a property: write "
                            f"`x.{name}` without parentheses)")


def no_method(base: Any, name: str) -> Exception:
    """call_method's answer for a method no table has (method_binding.py raises it before the arguments):
    Python's AttributeError for a name the real class lacks (missing_members.py), else the refusal."""
    return python_lacks(base, name) or NotSupported(f"the method `.{name}()` of {type_text(base)} values "
                                                    "is not supported in Autograd Lab")


def call_method(interp: Interpreter, base: Any, name: str, args: list, kwargs: dict,
                node: ast.AST) -> Any:
    if type(base) is list and not kwargs and name not in _LIST_OWN_WAYS:   # `losses.append(loss)`: the
        method = (_LIST_METHODS or _list_methods()).get(name)   # way below for a list, without its tests
        if method is not None:
            if not (ATOMS_FIRST and is_storable(base)):   # require_storable's first answer, without its text
                require_storable(base, f"before `.{name}()`")
            for value in args:
                if not (ATOMS_FIRST and type(value) in ATOM_TYPES):   # (require_item passes an atom as is)
                    require_item(value, f"in `.{name}()`")
            try:
                return method(interp, base, args)
            except Exception as exc:  # noqa: BLE001
                if hasattr(exc, "kind"):
                    raise
                raise python_error(exc) from None
    if isinstance(base, torch.Tensor):
        spec = al.TENSOR_METHODS.get(name)
        if spec is not None:
            return call_tensor_method(interp, base, name, spec, args, kwargs, node)
        if name == "storage":   # lang/tensor_storage.py
            return storage_of(interp, base, args, kwargs)
        if name in al.TENSOR_PROPERTIES:
            raise property_called(read_attribute(interp, base, name, node), name)
        raise _no_tensor_attribute(base, name, call=True)
    if base is None:
        raise _none_has_nothing(node, name, call=True)
    if isinstance(base, SafeGradFn) and name in graph_hooks.METHODS:   # z.grad_fn.register_hook(f)
        return graph_hooks.register(interp, base, name, args, kwargs, node)
    if isinstance(base, plain_classes.PLAIN_VALUES):
        return object_methods.call_method(interp, base, name, args, kwargs, node)
    if type(base) is UserFunction:   # `f.helper(3)` after `f.helper = g` (function_attributes.py)
        return interp.call_value(read_attribute(interp, base, name, node), args, kwargs, node)
    if isinstance(base, Namespace):
        return interp.call_value(read_attribute(interp, base, name, node), args, kwargs, node)
    if type(base) is UserFunction:   # `f.helper(1)`: the function's own attribute, called (red team s42:
        # was "'function' object has no attribute 'helper'", a catchable error Python never raises here)
        return interp.call_value(function_attributes.read(base, name), args, kwargs, node)
    if isinstance(base, custom_functions.FUNCTION_VALUES):
        return custom_functions.call_method(interp, base, name, args, kwargs, node)
    if type(base) is SafeType and name == "mro":   # type(3).mro() (class_introspection.py, session 44)
        from autogradlab.lang.class_introspection import builtin_mro
        return builtin_mro(interp, base, args, kwargs)
    if type(base) is SafeFunction and base.qualname == "type" and name == "mro":   # type.mro(C) (red s45:
        from autogradlab.lang.class_introspection import type_mro  # "`.mro()` of builtin_function_or_method")
        return type_mro(interp, args, kwargs, node)
    if (method := string_method(base, name) or dict_fromkeys(base, name)) is not None:   # str.upper("x")
        return method.impl(interp, args, kwargs, node)
    if isinstance(base, TensorStorage):   # s.size(), s.tolist()
        return base.call(interp, name, args, kwargs)
    if isinstance(base, HookHandle) and name == "remove" and not args and not kwargs:
        return base.remove()   # h = y.register_hook(f); h.remove() (tensor_hooks.py)
    if isinstance(base, SafeGenerator):   # g.manual_seed(n)
        return torch_generators.call_method(interp, base, name, args, kwargs)
    if isinstance(base, SafeNumpyGenerator):   # rng.normal(0, 1, size=3) (numpy_generators.py)
        return numpy_generators.call_method(interp, base, name, args, kwargs)
    if isinstance(base, NDIter):   # it.iternext() (numpy_flat.py)
        return base.call_method(name, args, kwargs)
    if isinstance(base, (CallableValue, StringArray, *RECORD_VALUES)):   # p.deriv(), labels.tolist()
        return base.call_method(interp, name, args, kwargs)   # (numpy_poly1d.py, numpy_records.py)
    if isinstance(base, PrettyPrinterValue):   # pp.pprint(x) (pprint_module.py)
        return base.call_method(interp, name, args, kwargs, node)
    if name in NAMEDTUPLE_METHODS and (isinstance(base, ProgramNamedTuple) or is_namedtuple_class(base)):
        return call_member(interp, base, name, args, kwargs, node)   # p._asdict(), Point._make(xs)
    if name in UFUNC_METHODS and (ufunc := ufunc_of(base)) is not None:   # np.add.reduce(Z), np.add.at
        return call_ufunc_method(interp, ufunc, name, args, kwargs, node)
    if type(base) is not ProgramSet:   # a set's items were checked as they came in (sets.check_item): its
        require_storable(base, f"before `.{name}()`")   # walk cost the set's size a call, s.add in a loop n^2
    if name in _READING_METHODS and len(args) == 1 and isinstance(args[0], ITERATORS):
        args = [materialize_iterator(interp, args[0], "the list")]   # ' '.join(map(str, xs))
    if isinstance(base, SafeDistribution):
        return distributions.call_method(interp, base, name, args, kwargs, node)
    if isinstance(base, COLLECTION_TYPES):   # Counter, defaultdict (collections_module.py)
        for value in [*args, *kwargs.values()]:
            require_item(value, f"in `.{name}()`")
        return _python_guarded(lambda: collections_call(interp, base, name, args, kwargs, node),
                               keep_own=True)
    if isinstance(base, dict) and name in dicts.DICT_METHODS and not kwargs:
        for value in args:
            require_item(value, f"in `.{name}()`")   # d.setdefault('k', obj)
        return _python_guarded(lambda: dicts.call_method(interp, base, name, args), keep_own=True)
    if isinstance(base, ProgramSet):   # lang/sets.py (`visited.add(v)`: imported above, ~1 us a call here)
        return _python_guarded(lambda: set_method(interp, base, name, args, kwargs, node), keep_own=True)
    if isinstance(base, str) and name == "format":
        from autogradlab.lang.text_format import format_text
        return format_text(interp, base, args, kwargs)
    if is_numpy_operand(base) and name in ARRAY_METHODS:   # an array's, or a numpy scalar's (x.mean())
        for value in list(args) + list(kwargs.values()):
            require_data(value, f"in `.{name}()`")
        return array_method(interp, base, name, args, kwargs)
    if isinstance(base, list) and name == "sort":   # key= may be a function
        return _python_guarded(lambda: sort_list(interp, base, args, kwargs, node), keep_own=True)
    method = next((fn for (kind, method_name), fn in PLAIN_METHODS.items()
                   if method_name == name and isinstance(base, kind)), None)
    if method is None:
        raise no_method(base, name)
    if kwargs and (type(base), name) not in KEYWORD_METHODS:
        raise NotSupported(f"`.{name}()` takes no keyword arguments in Autograd Lab")
    check = require_item if type(base) is list or type(base) is tuple else require_data   # xs.append(obj)
    for value in list(args) + list(kwargs.values()):
        check(value, f"in `.{name}()`")
    try:
        return method(interp, base, args, **kwargs)
    except Exception as exc:  # noqa: BLE001
        if hasattr(exc, "kind"):
            raise
        raise python_error(exc) from None




def set_array_shape(base: SafeArray, value: Any) -> None:
    """`a.shape = (6, 4)`: NumPy reshapes the array in place (the same elements, no copy; NumPy refuses a
    shape of another size, or one a non-contiguous array cannot take without copying)."""
    dims = value if isinstance(value, (tuple, list)) else (value,)
    if not all(isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_)) for n in dims):
        raise ProgramTypeError("a numpy array's shape must be an int or a tuple of ints")
    shape = tuple(int(n) for n in dims)

    def write() -> None:
        base.array.shape = shape
    _python_guarded(write)


def set_attribute(interp: Interpreter, base: Any, name: str, value: Any, node: ast.AST) -> None:
    if isinstance(base, plain_classes.PLAIN_VALUES):   # `self.n = 0`, `Name.count += 1`, `self._n = 0`
        plain_classes.set_attribute(interp, base, name, value)
        return
    check_attribute_name(name)
    if isinstance(base, custom_functions.ProgramContext):   # `ctx.k = 3`
        custom_functions.set_attribute(interp, base, name, value)
        return
    if cudnn_flags.is_flag(base, name):   # torch.backends.cudnn.deterministic = True (this run's copy)
        cudnn_flags.write(interp, name, value)
        return
    if module_constants.is_constant(base, name):   # `torch.pi = ...` (d2l's appendix; this run's copy)
        module_constants.write(interp, base, name, value)
        return
    if isinstance(base, torch.Tensor) and name not in al.SETTABLE_TENSOR_ATTRIBUTES:   # `inp.g = ...`
        set_own_attribute(interp, base, name, value)
        return
    if type(base) is SafeArray and name == "shape":   # `g.shape = (6, 4)` (ageron's NumPy tutorial)
        set_array_shape(base, value)
        return
    if type(base) is UserFunction:   # `f.calls = 0` (function_attributes.py)
        function_attributes.write(interp, base, name, value)
        return
    if type(base) is SafeArray and name in numpy_lessons_s36.PARTS:   # `a.imag = ...` (numpy_lessons_s36)
        numpy_lessons_s36.set_complex_part(interp, base, name, value)
        return
    if name == "writeable" and type(base).__name__ == "numpy._core.multiarray.flagsobj" \
            and numpy_flags.set_writeable(interp, base, value):   # a.flags.writeable = False (numpy_flags.py)
        return
    if type(base).__name__ == "numpy._core.multiarray.flagsobj" and name not in numpy_flags.SETTABLE_NAMES:
        raise numpy_flags.not_writable(name)   # a.flags.owndata = False: NumPy's AttributeError
    if not isinstance(base, torch.Tensor):
        raise NotSupported(f"assigning to the attribute `.{name}` of {type_text(base)} values is not "
                           f"supported in Autograd Lab (only a tensor's `.requires_grad`, `.grad`, `.data` "
                           f"and names of the program's own)")
    require_data(value, "in an assignment")
    if name != "requires_grad":   # backward adds into a .grad set here; .data swaps the memory
        _notify(interp, "grad" if name == "grad" else "write", base)
    _torch_guarded(f"set {name}", lambda: setattr(base, name, value), [base, value])
    if has_tensor(value) and name == "data":
        interp.sizes.check_elements(tensor_elements(value), "data")
