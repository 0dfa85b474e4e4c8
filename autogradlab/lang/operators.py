"""Operators (`+`, `@`, `**`, `==`, `-x`, ...) with size checks, error translation and op records.

Tables map each ast operator to (op name the engine sees, Python function, in-place function,
in-place op name), so adding an operator touches one line.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramError, ProgramTypeError, ProgramValueError
from autogradlab.lang import bytes_values, numpy_ops, numpy_record_views, numpy_scalar_ops, numpy_strings
from autogradlab.lang.array_membership import contains as array_contains
from autogradlab.lang.array_membership import is_array_search
from autogradlab.lang.bytes_values import BytesValue
from autogradlab.lang.call_work import check_work
from autogradlab.lang.calls import has_tensor, notify_memory, translate_torch_error
from autogradlab.lang.compare_guard import run_sized
from autogradlab.lang.contained_names import named_as_python
from autogradlab.lang.dicts import VIEW_TYPES
from autogradlab.lang.numpy_layout import same_object
from autogradlab.lang.numpy_poly1d import POLYNOMIAL_TYPES
from autogradlab.lang.numpy_records import RECORD_VALUES
from autogradlab.lang.numpy_strings import StringArray
from autogradlab.lang.operands import STORED, check_operand, object_in
from autogradlab.lang.safe_values import (
    Namespace,
    SafeArray,
    SafeFunction,
    UserFunction,
    is_data,
    objects_stored,
    type_text,
)
from autogradlab.lang.search_work import charge_search
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.sizes import check_result_shape, tensor_elements
from autogradlab.lang.tensor_counts import MAX_SHOWN_DIMS

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

BINARY: dict[type, tuple[str, Callable[..., Any], Callable[..., Any], str]] = {
    ast.Add: ("add", operator.add, operator.iadd, "add_"),
    ast.Sub: ("sub", operator.sub, operator.isub, "sub_"),
    ast.Mult: ("mul", operator.mul, operator.imul, "mul_"),
    ast.Div: ("div", operator.truediv, operator.itruediv, "div_"),
    ast.FloorDiv: ("floor_divide", operator.floordiv, operator.ifloordiv, "floor_divide_"),
    ast.Mod: ("remainder", operator.mod, operator.imod, "remainder_"),
    ast.Pow: ("pow", operator.pow, operator.ipow, "pow_"),
    ast.MatMult: ("matmul", operator.matmul, operator.imatmul, "matmul"),
    ast.LShift: ("bitwise_left_shift", operator.lshift, operator.ilshift, "bitwise_left_shift_"),
    ast.RShift: ("bitwise_right_shift", operator.rshift, operator.irshift, "bitwise_right_shift_"),
    ast.BitAnd: ("bitwise_and", operator.and_, operator.iand, "bitwise_and_"),
    ast.BitOr: ("bitwise_or", operator.or_, operator.ior, "bitwise_or_"),
    ast.BitXor: ("bitwise_xor", operator.xor, operator.ixor, "bitwise_xor_"),
}
# Python-level size checks use these names.
_PY_NAMES = {"add": "add", "mul": "mul", "pow": "pow", "bitwise_left_shift": "lshift"}

UNARY: dict[type, tuple[str, Callable[..., Any]]] = {
    ast.USub: ("neg", operator.neg),
    ast.UAdd: ("positive", operator.pos),
    ast.Invert: ("bitwise_not", operator.invert),
}

COMPARE: dict[type, tuple[str, Callable[..., Any]]] = {
    ast.Eq: ("eq", operator.eq), ast.NotEq: ("ne", operator.ne),
    ast.Lt: ("lt", operator.lt), ast.LtE: ("le", operator.le),
    ast.Gt: ("gt", operator.gt), ast.GtE: ("ge", operator.ge),
    ast.Is: ("is", operator.is_), ast.IsNot: ("is_not", operator.is_not),
    ast.In: ("in", lambda a, b: operator.contains(b, a)),
    ast.NotIn: ("not_in", lambda a, b: not operator.contains(b, a)),
}

_PROGRAM_OBJECTS = frozenset({"ProgramObject", "ProgramClass", "SuperProxy"})   # lang/plain_classes.py
_PLAIN_OPERANDS = frozenset({torch.Tensor, int, float, bool})   # data, never opaque: no check needed
_CONTAINER_OPS = frozenset({"eq", "ne", "in", "not_in"})   # `f == t`, `f in xs`: as before (check_operand)
# Operand types whose result is a float (or complex, for a negative float to a fractional power) of
# fixed size, so check_python_binop has nothing to refuse: the fast path of a loop's arithmetic.
_FLOAT_PAIRS = frozenset({(float, float), (float, int), (int, float)})
_INT_PAIR = (int, int)   # sized by SizeChecker._clearly_small first, as check_python_binop does


_SEQUENCES = frozenset({str, list, tuple})
# Comparisons CPython makes item by item inside containers: each tensor pair sized (compare_guard.py).
_SIZED_COMPARES = frozenset({"eq", "ne", "lt", "le", "gt", "ge"})
_COMPARED_CONTAINERS = (list, tuple, dict, slice, type({}.keys()), type({}.values()), type({}.items()))
_PLAIN_SEARCHED = frozenset({str, range, ProgramSet})   # `in` of these compares no tensors


def _repeat_count(value: Any) -> Any:
    """The int a one-element integer tensor stands for as a sequence's repeat count (its __index__)."""
    if type(value) is torch.Tensor and value.numel() == 1 and not value.is_floating_point() \
            and not value.is_complex():
        return operator.index(value)
    return value


def _plain_number(value: Any) -> Any:
    """A numpy scalar meeting a tensor acts as the Python number it holds; an array may not."""
    if isinstance(value, SafeArray):
        raise NotSupported("numpy arrays and tensors cannot be combined in Autograd Lab; convert "
                           "with torch.from_numpy(a) or t.numpy() first")
    return value.item() if isinstance(value, numpy_ops.NUMPY_SCALARS) else value


def _set_operand(value: Any) -> Any:
    """A dict view meets the program's set as CPython's view meets a set (`d.keys() <= s`, `s - d.keys()`):
    the wrapper's own set; the set such an operator makes becomes the program's again (other_result)."""
    from autogradlab.lang.set_value import ProgramSet
    return value.items if type(value) is ProgramSet else value


_ITERATOR_NAMES = frozenset({"ProgramGenerator", "SequenceIterator"})   # lang/iterators.ITERATORS


def python_error(exc: BaseException) -> ProgramError:
    """A Python exception from the program's own arithmetic/indexing, in plain words (its class and
    text kept for `except ... as e`)."""
    from autogradlab.lang.exceptions import remember_python_error
    if isinstance(exc, ProgramError):   # the program's own method inside a CPython lookup (a __hash__ at
        return exc                      # its step limit): unchanged, a limit stays a limit
    return remember_python_error(_python_error(exc), exc)


def _python_error(exc: BaseException) -> ProgramError:
    from autogradlab.errors import LimitExceeded, ProgramIndexError

    text = str(exc) or type(exc).__name__   # wrappers carry Python's class names (lang/data_wrappers.py)
    if isinstance(exc, ZeroDivisionError):
        return ProgramValueError(text)
    if isinstance(exc, (IndexError, KeyError)):
        return ProgramIndexError(text)
    if isinstance(exc, TypeError):
        return ProgramTypeError(text)
    if isinstance(exc, NameError):   # `@x.setter` before any `x` in a class body
        from autogradlab.errors import NameNotDefined
        return NameNotDefined(text)
    if isinstance(exc, RecursionError):
        return LimitExceeded("the program nests too deeply (limit max_call_depth / max_nesting)")
    if isinstance(exc, MemoryError):
        return LimitExceeded("the program ran out of memory")
    if isinstance(exc, OverflowError):
        return ProgramValueError(f"number too large: {text}")
    if isinstance(exc, RuntimeError) and _ALLOCATOR.search(text):
        # torch's allocator in a call Python made itself (`[a] == [b]` compares the tensors): its text
        # names a C++ file (alloc_cpu.cpp:127); a memory error, uncatchable as every memory error is
        from autogradlab.lang.torch_error_text import memory_error
        return memory_error("torch", text)
    return ProgramValueError(text)


_ALLOCATOR = re.compile(r"can't allocate memory|not enough memory|DefaultCPUAllocator|out of memory")


def other_result(interp: Interpreter, op: str, left: Any, right: Any, result: Any, node: ast.AST,
                 inplace_of: str | None, tensors: bool) -> Any:
    """The end of apply_binary for a result that is not a plain tensor (a sequence, a tuple of
    tensors, a number), also for tensor_sites.binary_site."""
    if isinstance(result, (str, list, tuple)):
        interp.sizes.check_length(len(result), "the result")
    elif type(result) is set:   # a dict view's set operator (`d.keys() | s`): counted, checked, wrapped
        from autogradlab.lang.sets import check_item
        interp.sizes.charge_sequence(len(result), "the set")
        for item in result:
            check_item(item)
        return ProgramSet(result)   # the very set CPython made: its order
    elif type(result) is ProgramSet and result is not left:   # `s | t`: a new set, counted like set(...)
        interp.sizes.charge_sequence(len(result), "the set")
    elif type(result).__name__ == "Counter":   # `c + d` (collections_module.Counter): counted like a dict
        interp.sizes.charge_sequence(len(result), "the Counter")
        for count in result.values():   # `c = c + c` in a loop doubles its counts: max_int_bits as `+`
            if type(count) is int:
                interp.sizes.check_int_bits(count.bit_length(), "a count of the Counter")
    if tensors and has_tensor(result):
        in_place = inplace_of is not None and result is left
        if not in_place:
            elements = tensor_elements(result)
            interp.sizes.check_elements(elements, op)   # fail closed after the call
            interp.sizes.total_elements += elements
        interp.record_op(inplace_of if in_place else op, [left, right], {}, result, node)
    return result


def _zero_d_arrays_raw(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn(template, args)` with each 0-d array of args as NumPy's own, which Python's `%d` and `%f` read
    through __int__ / __float__ (sized already: one number each)."""
    return lambda left, right: fn(left, tuple(v.array if type(v) is SafeArray and v.array.ndim == 0 else v
                                              for v in right))


class OperatorsMixin:
    """apply_binary/apply_unary/compare for the Interpreter (and for builtins such as sum)."""

    def apply_binary(self: Interpreter, op: str, fn: Callable[..., Any], left: Any, right: Any,
                     node: ast.AST, inplace_of: str | None = None) -> Any:
        """left <op> right; inplace_of names the in-place op (`add_`) for `X += Y` on tensors."""
        kinds = (type(left), type(right))
        if kinds in _FLOAT_PAIRS:   # a float result never outgrows its operands: no size to check
            try:
                return fn(left, right)
            except Exception as exc:  # noqa: BLE001
                raise python_error(exc) from None
        if kinds == _INT_PAIR and self.sizes._clearly_small(_PY_NAMES.get(op, op), left, right):
            try:   # check_python_binop's own first answer for two ints; an int result is no sequence
                return fn(left, right)
            except Exception as exc:  # noqa: BLE001
                raise python_error(exc) from None
        if kinds[0] not in _PLAIN_OPERANDS or kinds[1] not in _PLAIN_OPERANDS:
            if numpy_strings.STR_SCALAR in kinds:   # a string array's item: str's operators (a str result)
                left, right = numpy_strings.str_operands(op, left, right)
                kinds = (type(left), type(right))
            if kinds in numpy_scalar_ops.SCALAR_PAIRS and numpy_scalar_ops.takes_pair(op, left, right):
                return numpy_scalar_ops.binary(self, op, fn, left, right)   # np.float64 * 0.5, in a loop
            if kinds[0].__name__ in _PROGRAM_OBJECTS or kinds[1].__name__ in _PROGRAM_OBJECTS:
                from autogradlab.lang.object_operators import binary  # an object of the program's classes
                return binary(self, op, left, right, node, inplace_of)
            if kinds[0].__name__ in POLYNOMIAL_TYPES or kinds[1].__name__ in POLYNOMIAL_TYPES:
                from autogradlab.lang import numpy_poly1d  # p + q, 2 * p, p ** 2 (numpy_poly1d.py)
                return numpy_poly1d.binary(self, op, fn, left, right)
            if isinstance(left, StringArray) or isinstance(right, StringArray):   # labels == 'cat'
                return numpy_strings.binary(self, op, fn, left, right)
            if isinstance(left, RECORD_VALUES[:2]) or isinstance(right, RECORD_VALUES[:2]):   # a == b
                return numpy_record_views.binary(self, op, fn, left, right)   # (structured arrays)
            if isinstance(left, BytesValue) or isinstance(right, BytesValue):   # b'a' + b'b', b'ab' * 3
                return bytes_values.binary(self, op, fn, left, right)
            if op == "remainder" and kinds[0] is str and objects_stored() and not is_data(right):
                from autogradlab.lang.object_operators import percent_text  # '%s' % (obj, 1)
                return percent_text(self, left, right, node)
            from autogradlab.lang.function_operands import binary_error, identity_compare, is_code_value
            if fn is operator.ior and isinstance(left, dict) and type(right).__name__ in _ITERATOR_NAMES:
                # `d |= pairs()`: dict.update reads the iterator's pairs (each read a step, as list() does)
                return self.apply_binary(op, fn, left, self.materialize(right, node), node, inplace_of)
            if is_code_value(left) or is_code_value(right):   # `f + 1`: Python's TypeError; `f == g`
                same = identity_compare(op, left, right)
                if same is not None:
                    return same
                error = binary_error(fn, left, right) if op not in _CONTAINER_OPS else None
                if error is not None:
                    raise error
            if numpy_ops.is_numpy_operand(left) or numpy_ops.is_numpy_operand(right):
                if op == "remainder" and type(left) is str:   # '%.3f' % Z.mean(), '%s' % Z: formatting
                    raw = right.array if type(right) is SafeArray else right
                    self.sizes.check_python_binop("remainder", left, raw)   # widths sized first
                    try:
                        return other_result(self, op, left, raw, fn(left, raw), node, inplace_of, False)
                    except ProgramError:
                        raise
                    except Exception as exc:  # noqa: BLE001
                        raise python_error(exc) from None
                if not (isinstance(left, torch.Tensor) or isinstance(right, torch.Tensor)):
                    return numpy_ops.binary(self, op, fn, left, right)
                left, right = _plain_number(left), _plain_number(right)   # tensor * np.float64(2)
            if op == "bitwise_or":
                from autogradlab.lang.typing_module import is_type_operand, union_of
                if is_type_operand(left) or is_type_operand(right):
                    return union_of(left, right)   # `int | None` (lang/typing_module.py)
            check_operand(left, op)
            check_operand(right, op)
            if isinstance(left, VIEW_TYPES) or isinstance(right, VIEW_TYPES):
                left, right = _set_operand(left), _set_operand(right)
        tensors = isinstance(left, torch.Tensor) or isinstance(right, torch.Tensor)
        if tensors and (type(left) in _SEQUENCES or type(right) in _SEQUENCES):
            # `[0] * torch.tensor(10**8)` repeats by the tensor's __index__, `'%999999999s' % t` pads it:
            # sized as the int they stand for, before Python builds them (it built 800 MB, then refused)
            self.sizes.check_python_binop(_PY_NAMES.get(op, op), _repeat_count(left), _repeat_count(right))
        if tensors:   # in-place too: `x @= y` falls back to an out-of-place matmul
            if op == "matmul":   # an int64 or float16 product's work (call_work.PRODUCTS)
                check_work(self.sizes.limits.max_call_work, op, [left, right], {}, self.sizes.work_rows)
            self.sizes.predict(fn, [left, right], {}, op, creation=False, site=node)
            if inplace_of is not None:
                notify_memory(self, "write", left)   # `x += y` writes x's memory
        else:
            if op == "bitwise_or" and isinstance(left, dict):   # `d | e`, `d |= e` (lang/dict_union.py)
                from autogradlab.lang.dict_union import charge_union
                charge_union(self.sizes, left, right, fn is operator.ior)
            self.sizes.check_python_binop(_PY_NAMES.get(op, op), left, right)
            if op == "remainder" and kinds == (str, tuple):   # '%d <%s>' % (it[0], i): a 0-d array's int
                fn = _zero_d_arrays_raw(fn)
        try:
            if not tensors and op in _SIZED_COMPARES and (isinstance(left, _COMPARED_CONTAINERS)
                                                          or isinstance(right, _COMPARED_CONTAINERS)):
                result = run_sized(self.sizes, fn, left, right)   # `[a] == [b]`: CPython compares a, b
            else:
                result = fn(left, right)
        except Exception as exc:  # noqa: BLE001
            if tensors:
                raise translate_torch_error(exc, op, [left, right]) from None
            raise python_error(exc) from None
        if tensors and type(result) is torch.Tensor:   # the common case: has_tensor, tensor_elements inline
            if result is left and inplace_of is not None:
                self.record_op(inplace_of, [left, right], {}, result, node)
            else:
                dims = result.dim()   # a 0-dim result holds 1 element (math.prod of its empty shape)
                elements = math.prod(result.shape) if dims else 1
                if not elements or dims > MAX_SHOWN_DIMS:   # as tensor_elements: huge empty shapes
                    check_result_shape(result.shape)   # and NumPy's 64 dimensions
                self.sizes.check_elements(elements, op)   # fail closed after the call
                self.sizes.total_elements += elements
                self.record_op(op, [left, right], {}, result, node)
            return result
        return other_result(self, op, left, right, result, node, inplace_of, tensors)

    def apply_unary(self: Interpreter, op: str, fn: Callable[..., Any], value: Any,
                    node: ast.AST) -> Any:
        if type(value) in numpy_scalar_ops.SCALAR_TYPES:   # `-x` of an np.float64
            return numpy_scalar_ops.unary(self, fn, value)
        if numpy_ops.is_numpy_operand(value):
            return numpy_ops.unary(self, fn, value)
        if type(value).__name__ in _PROGRAM_OBJECTS:
            from autogradlab.lang.object_operators import unary  # its __neg__ / __pos__
            return unary(self, op, value, node)
        if type(value).__name__ in POLYNOMIAL_TYPES:   # -p (numpy_poly1d.py)
            from autogradlab.lang import numpy_poly1d
            return numpy_poly1d.unary(self, fn, value)
        from autogradlab.lang.function_operands import is_code_value, unary_error
        if is_code_value(value):   # `-f`: Python's TypeError
            raise unary_error(fn, value)
        check_operand(value, op)
        try:
            result = fn(value)
        except Exception as exc:  # noqa: BLE001
            if isinstance(value, torch.Tensor):
                raise translate_torch_error(exc, op, [value]) from None
            raise python_error(exc) from None
        if isinstance(result, torch.Tensor) and result is not value:
            self.sizes.check_elements(tensor_elements(result), op)
            self.sizes.add_result(result)
            self.record_op(op, [value], {}, result, node)
        return result

    def truth(self: Interpreter, value: Any, node: ast.AST) -> bool:
        """bool(value) as Python computes it (a tensor must hold one element)."""
        if not is_data(value):
            if type(value).__name__ == "ProgramObject":   # its __len__ (lang/class_dispatch.py)
                from autogradlab.lang.class_dispatch import truth
                return truth(self, value, node)
            return True
        if type(value) is SafeArray:   # NumPy's own answer: `Z<Z>Z`, `if Z:` of 2+ elements raise
            value = value.array           # (numpy-100's exercise 29; the wrapper itself is always true)
        try:
            return bool(value)
        except Exception as exc:  # noqa: BLE001
            if isinstance(value, torch.Tensor):
                raise translate_torch_error(exc, "bool", [value]) from None
            raise python_error(exc) from None

    def compare(self: Interpreter, node: ast.Compare) -> Any:
        left = self.eval(node.left)
        result: Any = True
        for op_node, right_node in zip(node.ops, node.comparators, strict=True):
            right = self.eval(right_node)
            name, fn = COMPARE[type(op_node)]
            result = self.compare_one(name, fn, left, right, node)
            if right_node is not node.comparators[-1] and not self.truth(result, node):
                return result
            left = right
        return result

    def compare_one(self: Interpreter, name: str, fn: Any, left: Any, right: Any, node: ast.Compare) -> Any:
        """One link `left op right` of a comparison (compiled_python_forms runs the chain too)."""
        if name in ("is", "is_not"):   # two wrappers of one numpy array are one array
            result = same_object(left, right) == (name == "is")
        elif name in ("in", "not_in") and type(right) is ProgramSet and type(left).__name__ in STORED:
            result = fn(left, right)   # `v not in visited`: a hash by identity, no walk of the set
        elif name in ("in", "not_in") and type(right).__name__ == "ProgramObject":
            from autogradlab.lang.object_protocols import contains  # its __contains__ or its items
            result = contains(self, left, right, node) == (name == "in")
        elif name in ("in", "not_in") and is_array_search(left, right):   # `a in [a, b]` (array_membership)
            result = array_contains(self, left, right, node) == (name == "in")
        elif name in ("in", "not_in"):
            if isinstance(right, UserFunction | SafeFunction | Namespace):   # `1 in f`: TypeError
                from autogradlab.lang.function_operands import binary_error
                raise binary_error(fn, left, right)   # "argument of type 'function' is not iterable"
            object_in(left, right)
            check_operand(right, name)
            check_operand(left, name)
            self.sizes.check_python_binop(name, left, right)   # nested lists compared item by item
            if isinstance(right, range) and type(left) is not int:   # 0.5 in range(10**18) scans
                try:
                    self.sizes.check_length(len(right), "the range searched with `in`")
                except OverflowError:
                    self.sizes.check_length(self.limits.max_sequence_len + 1, "the range searched")
            if not (isinstance(right, range) and type(left) is int):   # an int in a range: no scan
                charge_search(self, right, left, "`in`")
            searched = _read_charged(self, right)
            try:
                result = fn(left, searched) if type(right) in _PLAIN_SEARCHED else \
                    run_sized(self.sizes, fn, left, searched)   # each item compared with left by CPython
            except Exception as exc:  # noqa: BLE001
                # `3 in print`: Python's type name, not the engine's class (SafeFunction; red team s41)
                if str(exc) == f"argument of type '{type(searched).__name__}' is not iterable":
                    exc = TypeError(f"argument of type '{type_text(right)}' is not iterable")
                else:   # `int in t`, `print in 's'`: Python's class, not the engine's (contained_names.py)
                    exc = named_as_python(exc, left)
                raise python_error(exc) from None
        else:
            result = self.apply_binary(name, fn, left, right, node)
        return result


def _read_charged(interp: Interpreter, right: Any) -> Any:
    """`x in iterator` reads the iterator until an item equals x, as CPython; each item read is charged
    to the loop budget (`-1 in iter(range(10**18))` was one uncounted C-level scan: past 60 s; red team
    s29)."""
    from autogradlab.lang.iterators import ITERATORS
    if not isinstance(right, ITERATORS):
        return right

    def items() -> Any:
        for item in right:
            interp.charge_loop_iterations(1, "`in`")
            yield item
    return items()
