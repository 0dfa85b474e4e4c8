"""Operators on objects of the program's classes (issue 9: micrograd's `Value` with `__add__`, `__radd__`,
`__mul__`, `__neg__`, ...; `sum(values)` through `__radd__`).

The interpreter does what Python's binary operator does, with the program's own methods: the left
operand's `__add__`, else the right operand's `__radd__` (first, when the right operand's class is a
subclass of the left's that defines it), else Python's TypeError; `v += w` asks `v.__iadd__(w)` first.
Comparisons (<, <=, >, >=) try the left's method, then the right's mirrored one (`a < b` asks
`b.__gt__(a)`). `==`/`!=` ask `__eq__`/`__ne__`, then identity (lang/object_equality.py, which also
serves CPython's dicts, sets and lists). Each method is an interpreted call, under the run's step
budget, time limit and call depth (`__add__` calling `self + o` ends at the depth limit).
`NotImplemented` is no name of the language, so a method's answer is final.
"""

from __future__ import annotations

import ast
import operator
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import METHOD, NOT_TAKEN, ProgramObject, call_function
from autogradlab.lang.safe_values import UserFunction, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# interpreter op name -> the dunder's stem (`__add__`, `__radd__`)
ARITHMETIC = {"add": "add", "sub": "sub", "mul": "mul", "div": "truediv", "floor_divide": "floordiv",
              "remainder": "mod", "pow": "pow", "matmul": "matmul"}
_ARITHMETIC_NAMES = {op: (f"__{stem}__", f"__r{stem}__", f"__i{stem}__") for op, stem in ARITHMETIC.items()}
ORDER = {"lt": ("__lt__", "__gt__"), "le": ("__le__", "__ge__"), "gt": ("__gt__", "__lt__"),
         "ge": ("__ge__", "__le__")}
UNARY = {"neg": "__neg__", "positive": "__pos__"}
_SEQUENCES = (list, tuple, str)
_SYMBOLS = {"add": "+", "sub": "-", "mul": "*", "div": "/", "floor_divide": "//", "remainder": "%",
            "pow": "** or pow()", "matmul": "@"}
_ORDER_SYMBOLS = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_UNARY_SYMBOLS = {"neg": "-", "positive": "+", "bitwise_not": "~"}
SITES = True   # an operator's method through its node's positional site (tests compare with it off)
MAX_SITES = 512   # operator nodes a run keeps a site for


def _method(value: Any, name: str) -> Any:
    """The program's method `name` of an object's class (or None): looked up on the class, as Python
    looks up an operator's method (an attribute of the instance never counts)."""
    if type(value) is not ProgramObject:
        return None
    found = value.cls.find(name)
    return found if found is not None and found[1] == METHOD else None


def _call(interp: Interpreter, found: Any, me: ProgramObject, other: Any, node: ast.AST | None) -> Any:
    return site_call(interp, found, [me, other], node)


def site_call(interp: Interpreter, found: Any, args: list, node: ast.AST | None) -> Any:
    """call_function(interp, found[2], args, {}, node, found[0]) of the method `found` (its class, kind,
    function) with args[0] its object: through the node's positional site (SITES, session 45: the same
    checks in the same order, lang/positional_sites.py), one per operator node of the run."""
    fn = found[2]
    if SITES and node is not None and type(fn) is UserFunction:
        sites = interp.operator_sites
        site = sites.get(node)
        if site is None:
            if len(sites) >= MAX_SITES:   # (nodes an engine path makes anew: never many at once)
                sites.clear()
            from autogradlab.lang.positional_sites import positional_site  # (it imports compiled.py: here)
            site = sites[node] = positional_site(interp, node)
        done = site(fn, args, found[0], args[0])
        if done is not NOT_TAKEN:
            return done
    return call_function(interp, fn, args, {}, node, found[0])


_NO_INDEX = object()


def _repeat_by_index(interp: Interpreter, left: Any, right: Any, node: ast.AST | None,
                     inplace_of: str | None) -> Any:
    """`[0] * obj`, `obj * 'ab'`, `xs *= obj`: Python repeats a sequence by the count the object's
    __index__ gives, which then meets the size checks of a plain int count (a huge one is refused)."""
    from autogradlab.lang.object_protocols import index_of
    sequence_left = type(left) in _SEQUENCES
    other = right if sequence_left else left
    if type(other) is not ProgramObject:
        return _NO_INDEX
    count = index_of(interp, other, node)
    if count is other:   # no __index__: Python's "can't multiply sequence by non-int"
        return _NO_INDEX
    fn = operator.imul if inplace_of is not None else operator.mul
    pair = (left, count) if sequence_left else (count, right)
    return interp.apply_binary("mul", fn, *pair, node, inplace_of=inplace_of)


def python_type(value: Any) -> str:
    if type(value) is ProgramObject:
        return value.cls.name
    return "type" if type(value).__name__ == "ProgramClass" else type_text(value).removeprefix("torch.")


def _names(left: Any, right: Any) -> str:
    """The operands' type names in Python's TypeError (made only when one is raised: session 43)."""
    return f"'{python_type(left)}' and '{python_type(right)}'"


def binary(interp: Interpreter, op: str, left: Any, right: Any, node: ast.AST | None,
           inplace_of: str | None) -> Any:
    """left <op> right where one operand is an object or class of the program."""
    if op == "eq" or op == "ne":
        from autogradlab.lang.object_equality import equals
        return equals(interp, left, right, op == "ne", node)
    if op == "remainder" and type(left) is str:   # '%s' % obj: str's own `%` goes first (never __rmod__)
        return percent_text(interp, left, right, node)
    if op in ARITHMETIC:
        own, reflected, in_place_name = _ARITHMETIC_NAMES[op]   # (`__add__`, `__radd__`, `__iadd__`)
        in_place = _method(left, in_place_name) if inplace_of is not None else None
        if in_place is not None:   # `v += w`: its __iadd__ (whose result is bound to v), else __add__
            return _call(interp, in_place, left, right, node)
        mine, theirs = _method(left, own), _method(right, reflected)
        if theirs is not None and type(left) is ProgramObject and left.cls is right.cls:
            theirs = None   # Python asks the reflected method only of an operand of another type
        if theirs is not None and _subclass_first(left, right, reflected):
            return _call(interp, theirs, right, left, node)
        if mine is not None:
            return _call(interp, mine, left, right, node)
        if theirs is not None:
            return _call(interp, theirs, right, left, node)
        if type(left) in _SEQUENCES and op == "add":   # Python's texts for a sequence's + and *
            kind = type(left).__name__
            raise python_error(TypeError(f'can only concatenate {kind} (not "{python_type(right)}") to '
                                         f'{kind}'))
        if op == "mul" and (type(left) in _SEQUENCES or type(right) in _SEQUENCES):
            repeated = _repeat_by_index(interp, left, right, node, inplace_of)
            if repeated is not _NO_INDEX:
                return repeated
            other = python_type(right if type(left) in _SEQUENCES else left)
            raise python_error(TypeError(f"can't multiply sequence by non-int of type '{other}'"))
        symbol = _SYMBOLS[op] + ("=" if inplace_of is not None and op != "pow" else "")
        raise python_error(TypeError(f"unsupported operand type(s) for {symbol}: {_names(left, right)}"))
    if op in ORDER:
        name, mirrored = ORDER[op]
        mine, theirs = _method(left, name), _method(right, mirrored)
        if theirs is not None and _subclass_first(left, right, mirrored):
            return _call(interp, theirs, right, left, node)
        if mine is not None:
            return _call(interp, mine, left, right, node)
        if theirs is not None:
            return _call(interp, theirs, right, left, node)
        raise python_error(TypeError(f"'{_ORDER_SYMBOLS[op]}' not supported between instances of "
                                     f"{_names(left, right)}"))
    if op in ("bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_left_shift", "bitwise_right_shift"):
        symbol = {"bitwise_and": "&", "bitwise_or": "|", "bitwise_xor": "^", "bitwise_left_shift": "<<",
                  "bitwise_right_shift": ">>"}[op] + ("=" if inplace_of is not None else "")
        raise python_error(TypeError(f"unsupported operand type(s) for {symbol}: {_names(left, right)}"))
    raise NotSupported(f"the operator `{op}` on objects of your classes is not supported in Autograd Lab")


def percent_text(interp: Interpreter, template: str, args: Any, node: ast.AST | None) -> str:
    import operator

    from autogradlab.lang.percent_objects import percent_objects
    from autogradlab.lang.safe_values import is_data
    template, args = percent_objects(interp, template, args)
    if not is_data(args):   # an object no directive took: never formatted by Python
        raise python_error(TypeError("not all arguments converted during string formatting"))
    return interp.apply_binary("remainder", operator.mod, template, args, node)


def _subclass_first(left: Any, right: Any, name: str) -> bool:
    """Python's rule: the right operand's reflected method goes first when its class is a proper
    subclass of the left's and provides the method itself (not the one it inherits from the left's)."""
    if type(left) is not ProgramObject or type(right) is not ProgramObject or left.cls is right.cls:
        return False
    if not right.cls.is_subclass_of(left.cls):
        return False
    theirs, mine = right.cls.find(name), left.cls.find(name)
    return mine is None or theirs[0] is not mine[0]


def unary(interp: Interpreter, op: str, value: Any, node: ast.AST | None) -> Any:
    found = _method(value, UNARY[op]) if op in UNARY else None
    if found is not None:
        return site_call(interp, found, [value], node)
    if op in _UNARY_SYMBOLS:
        symbol = _UNARY_SYMBOLS[op]
        raise python_error(TypeError(f"bad operand type for unary {symbol}: '{python_type(value)}'"))
    raise NotSupported(f"the operator `{op}` on objects of your classes is not supported in Autograd Lab")
