"""Attribute reads, method calls and indexing on the values a program holds.

Every door is a table lookup: tensor properties and methods (allowlist.py), namespace members,
a few list/str/Size methods, the numpy-array wrapper's properties. Anything else is NotSupported;
names starting with `_` are refused before any lookup.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramIndexError, ProgramTypeError
from autogradlab.lang import allowlist as al
from autogradlab.lang import (
    class_dispatch,
    cudnn_flags,
    custom_functions,
    dicts,
    distributions,
    numpy_indexing,
    numpy_linalg,
    plain_classes,
)
from autogradlab.lang.attribute_errors import _no_module_member, _no_tensor_attribute, _none_has_nothing
from autogradlab.lang.calls import call_method as call_tensor_method
from autogradlab.lang.calls import check_tolist, has_tensor, require_data, translate_torch_error, wrap_result
from autogradlab.lang.calls import notify_memory as _notify
from autogradlab.lang.generators import ITERATORS, materialize_iterator
from autogradlab.lang.numpy_ops import ARRAY_METHODS, array_copy, array_method, is_numpy_operand
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import (
    Namespace,
    SafeArray,
    SafeDistribution,
    SafeGradFn,
    SafeNumpyDtype,
    return_type_fields,
    type_text,
)
from autogradlab.lang.sequence_methods import KEYWORD_METHODS, MORE_METHODS, sort_list
from autogradlab.lang.sequence_methods import copying as _copying
from autogradlab.lang.sequence_methods import plain as _plain
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.sizes import tensor_elements
from autogradlab.lang.stored_objects import require_item, require_storable
from autogradlab.lang.unbound_methods import dict_fromkeys, read_method, string_method

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_DTYPE_PROPERTIES = frozenset({"is_floating_point", "is_complex", "is_signed", "itemsize"})


PUBLIC_DUNDER_ATTRIBUTES = frozenset({"__version__"})   # torch.__version__, np.__version__


def check_attribute_name(name: str) -> None:
    if name.startswith("_") and name not in PUBLIC_DUNDER_ATTRIBUTES:
        raise NotSupported(f"the attribute `{name}` is not supported in Autograd Lab (names starting "
                           f"with `_` are private)")


def _torch_guarded(op: str, fn: Callable[[], Any], args: list) -> Any:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, op, args) from None


def read_attribute(interp: Interpreter, base: Any, name: str, node: ast.AST) -> Any:
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
        raise _no_tensor_attribute(name, call=False)
    if isinstance(base, plain_classes.PLAIN_VALUES):   # the program's classes and instances
        return plain_classes.read_attribute(interp, base, name)
    if isinstance(base, Namespace):
        if name not in base.members:
            if cudnn_flags.is_flag(base, name):   # torch.backends.cudnn.deterministic
                return cudnn_flags.read(interp, name)
            raise _no_module_member(base, name)
        member = base.members[name]
        if member is custom_functions.FUNCTION_BASE:
            raise NotSupported(custom_functions.BASE_ONLY)
        return member
    if isinstance(base, SafeArray):
        if name not in al.SAFE_ARRAY_PROPERTIES:
            raise NotSupported(f"the numpy attribute `.{name}` is not supported in Autograd Lab")
        value = getattr(base.array, name)
        return SafeNumpyDtype(value) if name == "dtype" else wrap_result(value, name)
    if isinstance(base, SafeDistribution):
        return distributions.read_attribute(base, name)
    if isinstance(base, SafeGradFn) and name == "next_functions":
        return base.next_functions()
    if isinstance(base, SafeGradFn) and name == "variable" and base.name == "AccumulateGrad":
        return base.node.variable   # the leaf tensor the node accumulates into
    if name in return_type_fields(base):
        return getattr(base, name)
    if isinstance(base, complex) and name in ("real", "imag"):
        return getattr(base, name)
    if isinstance(base, torch.dtype) and name in _DTYPE_PROPERTIES:
        return getattr(base, name)
    if isinstance(base, torch.device) and name in ("type", "index"):
        return getattr(base, name)
    if isinstance(base, custom_functions.FUNCTION_VALUES):
        return custom_functions.read_attribute(interp, base, name)
    if (method := read_method(base, name)) is not None:   # key=str.lower, key=d.get (unbound_methods.py)
        return method
    raise NotSupported(f"the attribute `.{name}` of {type_text(base)} values is not supported in "
                       f"Autograd Lab")


def _list_append(interp: Interpreter, base: list, args: list) -> None:
    interp.sizes.charge_sequence(len(base) + 1, "the list", added=1)
    base.append(*args)


def _list_extend(interp: Interpreter, base: list, args: list) -> None:
    items = interp.materialize(args[0], None)
    interp.sizes.charge_sequence(len(base) + len(items), "the list", added=len(items))
    base.extend(items)


def _searched(method: str) -> Callable[..., Any]:
    """list.index(v) puts repr(v) into its "not in list" message: weigh v first."""
    def call(interp: Interpreter, base: Any, args: list) -> Any:
        for value in args:
            interp.sizes.check_text_weight(value, f"the value passed to .{method}()")
        return getattr(base, method)(*args)
    return call


def _join(interp: Interpreter, base: str, args: list) -> str:
    items = interp.materialize(args[0], None)
    for item in items:   # str(item) of a huge nested list would be the very work to avoid
        if not isinstance(item, str):
            raise ProgramTypeError(f"str.join() needs strings, got {type_text(item)}")
    interp.sizes.charge_sequence(sum(map(len, items)) + len(base) * len(items), "the text")
    return base.join(items)


PLAIN_METHODS: dict[tuple[type, str], Callable[..., Any]] = {
    (list, "append"): _list_append, (list, "extend"): _list_extend,
    (list, "pop"): _plain("pop"), (list, "index"): _searched("index"), (list, "count"): _searched("count"),
    (tuple, "index"): _searched("index"), (tuple, "count"): _searched("count"),
    (torch.Size, "numel"): lambda interp, base, args: _numel(base),
    (str, "upper"): _copying("upper"), (str, "lower"): _copying("lower"), (str, "strip"): _copying("strip"),
    (str, "startswith"): _plain("startswith"), (str, "endswith"): _plain("endswith"),
    (str, "split"): _copying("split"), (str, "join"): _join,
    (SafeArray, "tolist"): lambda interp, base, args: (check_tolist(interp, base.array.size),
                                                        base.array.tolist())[1],
    (SafeArray, "copy"): lambda interp, base, args: array_copy(interp, base),
    (SafeArray, "dot"): lambda interp, base, args: numpy_linalg.array_dot(interp, base, args),
    (SafeGradFn, "name"): lambda interp, base, args: base.name,
    (SafeGradFn, "apply"): custom_functions.grad_fn_apply,   # a custom Function's node runs its backward
    **MORE_METHODS,
}


def _numel(size: torch.Size) -> int:
    total = 1
    for n in size:
        total *= int(n)
    return total


_READING_METHODS = frozenset({"join", "extend", "update"})   # read a whole iterable argument


def call_method(interp: Interpreter, base: Any, name: str, args: list, kwargs: dict,
                node: ast.AST) -> Any:
    if isinstance(base, torch.Tensor):
        spec = al.TENSOR_METHODS.get(name)
        if spec is not None:
            return call_tensor_method(interp, base, name, spec, args, kwargs, node)
        if name in al.TENSOR_PROPERTIES:
            value = read_attribute(interp, base, name, node)
            raise ProgramTypeError(f"'{type_text(value)}' object is not callable (`.{name}` is a "
                                   f"property: write `x.{name}` without parentheses)")
        raise _no_tensor_attribute(name, call=True)
    if base is None:
        raise _none_has_nothing(node, name, call=True)
    if isinstance(base, plain_classes.PLAIN_VALUES):
        return plain_classes.call_method(interp, base, name, args, kwargs, node)
    if isinstance(base, Namespace):
        return interp.call_value(read_attribute(interp, base, name, node), args, kwargs, node)
    if isinstance(base, custom_functions.FUNCTION_VALUES):
        return custom_functions.call_method(interp, base, name, args, kwargs, node)
    if (method := string_method(base, name) or dict_fromkeys(base, name)) is not None:   # str.upper("x")
        return method.impl(interp, args, kwargs, node)
    require_storable(base, f"before `.{name}()`")
    if name in _READING_METHODS and len(args) == 1 and isinstance(args[0], ITERATORS):
        args = [materialize_iterator(interp, args[0], "the list")]   # ' '.join(map(str, xs))
    if isinstance(base, SafeDistribution):
        return distributions.call_method(interp, base, name, args, kwargs, node)
    if isinstance(base, dict) and name in dicts.DICT_METHODS and not kwargs:
        for value in args:
            require_item(value, f"in `.{name}()`")   # d.setdefault('k', obj)
        return _python_guarded(lambda: dicts.call_method(interp, base, name, args), keep_own=True)
    if isinstance(base, ProgramSet):   # lang/sets.py
        from autogradlab.lang.sets import call_method as set_method
        return _python_guarded(lambda: set_method(interp, base, name, args, kwargs, node), keep_own=True)
    if isinstance(base, str) and name == "format":
        from autogradlab.lang.text_format import format_text
        return format_text(interp, base, args, kwargs)
    if isinstance(base, SafeArray) and name in ARRAY_METHODS or is_numpy_operand(base) and name == "item":
        for value in list(args) + list(kwargs.values()):
            require_data(value, f"in `.{name}()`")
        return array_method(interp, base, name, args, kwargs)
    if isinstance(base, list) and name == "sort":   # key= may be a function
        return _python_guarded(lambda: sort_list(interp, base, args, kwargs, node), keep_own=True)
    method = next((fn for (kind, method_name), fn in PLAIN_METHODS.items()
                   if method_name == name and isinstance(base, kind)), None)
    if method is None:
        raise NotSupported(f"the method `.{name}()` of {type_text(base)} values is not supported in "
                           f"Autograd Lab")
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


def _is_advanced(index: Any) -> bool:
    items = index if isinstance(index, tuple) else (index,)
    return any(isinstance(item, (torch.Tensor, list)) for item in items)


_INDEX_ATOMS = (int, bool, slice, type(None), type(Ellipsis), torch.Tensor, list)


def get_item(interp: Interpreter, base: Any, index: Any, node: ast.AST) -> Any:
    if isinstance(base, torch.Tensor):
        items = index if isinstance(index, tuple) else (index,)
        if any(type(item) is range for item in items):   # d2l's y_hat[range(len(y_hat)), y]
            index = _ranges_as_tensors(interp, index)
            items = index if isinstance(index, tuple) else (index,)
        if not all(isinstance(item, _INDEX_ATOMS) for item in items):
            odd = next(item for item in items if not isinstance(item, _INDEX_ATOMS))
            if type(odd) in (float, complex):   # PyTorch's own IndexError
                raise ProgramIndexError(f"only integers, slices (`:`), ellipsis (`...`), None and long or "
                                        f"byte Variables are valid indices (got {type(odd).__name__})")
            raise ProgramTypeError(f"a tensor cannot be indexed with {type_text(index)} values")
        if _is_advanced(index):
            interp.sizes.predict(operator.getitem, [base, index], {}, "indexing", creation=False)
        result = _torch_guarded("getitem", lambda: base[index], [base, index])
        interp.sizes.add_result(result)
        interp.record_op("getitem", [base, index], {}, result, node)
        return result
    if type(base) is plain_classes.ProgramObject:   # its __getitem__
        return class_dispatch.get_item(interp, base, index, node)
    if isinstance(base, SafeArray):
        if numpy_indexing.is_array_index(index):   # a[a > 1], a[np.arange(4), b] (numpy_indexing.py)
            return numpy_indexing.read(interp, base, index)
        return wrap_result(_python_guarded(lambda: base.array[index]), "getitem")
    if isinstance(base, dict):
        dicts.check_key(index)
        return _python_guarded(lambda: base[index])
    if not isinstance(base, (list, tuple, str, range, torch.Size)):
        raise ProgramTypeError(f"'{type_text(base)}' object is not subscriptable")
    result = _python_guarded(lambda: base[index])
    if type(index) is slice and isinstance(result, (list, tuple, str)):   # a copy: counts as built
        interp.sizes.charge_sequence(len(result), "the slice")
    return result


def _ranges_as_tensors(interp: Interpreter, index: Any) -> Any:
    """A range index is the index tensor PyTorch makes of it: its length is checked before it is made."""
    def made(item: Any) -> Any:
        if type(item) is not range:
            return item
        try:
            length = len(item)
        except OverflowError:   # more than sys.maxsize items
            step = item.step
            length = max(0, (item.stop - item.start + step - (1 if step > 0 else -1)) // step)
        interp.sizes.check_elements(length, "the range used as an index")
        return torch.arange(item.start, item.stop, item.step)
    return tuple(map(made, index)) if isinstance(index, tuple) else made(index)


def _python_guarded(fn: Callable[[], Any], keep_own: bool = False) -> Any:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001
        if keep_own and hasattr(exc, "kind"):   # the engine's own errors (a key function's) as they are
            raise
        raise python_error(exc) from None


def set_item(interp: Interpreter, base: Any, index: Any, value: Any, node: ast.AST) -> None:
    if type(base) is plain_classes.ProgramObject:   # its __setitem__ (the value passed like an argument)
        class_dispatch.set_item(interp, base, index, value, node)
        return
    if type(base) is list or type(base) is dict:   # `layers[0] = Layer()` (lang/stored_objects.py)
        require_item(value, "in an assignment")
    else:
        require_data(value, "in an assignment")
    if isinstance(base, torch.Tensor):
        if isinstance(value, SafeArray):
            raise NotSupported("assigning numpy arrays into tensors is not supported; use "
                               "torch.tensor(...) first")
        _notify(interp, "write", base)
        _torch_guarded("setitem", lambda: base.__setitem__(index, value), [base, index, value])
        interp.record_op("setitem", [base, index, value], {}, base, node)
        return
    if isinstance(base, SafeArray):
        if numpy_indexing.is_array_index(index):   # grad_h[h < 0] = 0, a[np.arange(4), b] += 10
            numpy_indexing.write(interp, base, index, value)
            return
        if not (is_numpy_operand(value) or type(value) in (bool, int, float)):
            raise NotSupported("numpy arrays take numbers or arrays at int and slice indices in "
                               "Autograd Lab")
        raw = value.array if isinstance(value, SafeArray) else value
        _python_guarded(lambda: base.array.__setitem__(index, raw))
        return
    if isinstance(base, dict):
        dicts.set_item(interp, base, index, value)
        return
    if isinstance(base, list):
        _python_guarded(lambda: base.__setitem__(index, value))
        interp.sizes.check_length(len(base), "the list")
        return
    raise ProgramTypeError(f"'{type_text(base)}' object does not support item assignment")


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
    if not isinstance(base, torch.Tensor) or name not in al.SETTABLE_TENSOR_ATTRIBUTES:
        raise NotSupported(f"assigning to `.{name}` is not supported in Autograd Lab (only a tensor's "
                           f"`.requires_grad`, `.grad` and `.data`)")
    require_data(value, "in an assignment")
    if name != "requires_grad":   # backward adds into a .grad set here; .data swaps the memory
        _notify(interp, "grad" if name == "grad" else "write", base)
    _torch_guarded(f"set {name}", lambda: setattr(base, name, value), [base, value])
    if has_tensor(value) and name == "data":
        interp.sizes.check_elements(tensor_elements(value), "data")
