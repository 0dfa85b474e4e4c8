"""The hottest expressions compiled once into closures (issue 9; statements: compiled.py).

Each closure does exactly what Interpreter.eval does for its node: one step (the same budget and
time check, outside its own try, so a limit error gets the enclosing node's position as before),
the same calls into the checked paths (apply_binary, call_method, read_attribute, ...: size
prediction, the allow-lists and the engine's hooks are untouched), and the same error translation
and positions. The commonest nodes (names, binary operators, comparisons) fold the step and the
position into their own closure instead of wrapping one more (one Python call less per node). A
node type not listed here, or a form with a static refusal (a private attribute, `*args`, a
dunder name, a bytes literal), is left to the generic eval, so every refusal stays where it was.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import allowlist as al
from autogradlab.lang import attributes, compiled_blocks, numpy_scalar_ops, tensor_sites
from autogradlab.lang import compiled_leaves as leaves
from autogradlab.lang import compiled_method_calls as method_calls
from autogradlab.lang import compiled_numbers as numbers
from autogradlab.lang import compiled_python_forms as python_forms
from autogradlab.lang.bare_names import is_callee
from autogradlab.lang.compiled_basics import (  # noqa: F401 - re-exported (compiled.py & co. import them here)
    _CONTROL,
    _FLOAT_PAIRS,
    _INT_PAIR,
    _LINEAR_OPS,
    _PLAIN_VALUES,
    Run,
    _constant,
    _name,
    _plain_arguments,
    _positioned,
    _public,
    small_ints,
    small_power,
)
from autogradlab.lang.compiled_module_calls import module_call, plain_site
from autogradlab.lang.compiled_object_reads import item_rest, object_attribute
from autogradlab.lang.function_sites import function_site
from autogradlab.lang.instances import instantiate
from autogradlab.lang.method_binding import bind as bind_method
from autogradlab.lang.numpy_scalar_ops import SCALAR_PAIRS, SCALAR_TYPES
from autogradlab.lang.object_methods import bind as object_bind
from autogradlab.lang.object_methods import call_plain, plain_method
from autogradlab.lang.operators import _PY_NAMES, BINARY, COMPARE, UNARY, python_error
from autogradlab.lang.plain_classes import ProgramClass, ProgramObject
from autogradlab.lang.plain_classes import read_attribute as object_read
from autogradlab.lang.safe_values import Namespace, SafeFunction, UserFunction
from autogradlab.lang.sizes import _PYTHON_SIZED_OPS
from autogradlab.lang.stored_objects import require_index

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_PLAIN_COMPARE = frozenset({"eq", "ne", "lt", "le", "gt", "ge"})
_NO_MODULE = object()   # no call site has a module yet (None is a value a base can have)
# `f(a, b)` of the program's own def given its parameters by position: call_positional at once (session 42;
# call_value and call_user take it there too); tests compare with it off
DIRECT_CALLS = True
SCALAR_UNARY = True   # `-x` of a NumPy scalar in one closure (session 42; tests compare with it off)
NEW_OBJECTS = True   # `Name(...)` without keywords: __init__ through the call's site (session 45; tests: off)


# -- expressions --------------------------------------------------------------------------------
def compile_expression(interp: Interpreter, node: ast.expr) -> Run:
    kind = type(node)
    if kind is ast.Constant and not isinstance(node.value, bytes):
        return _constant(interp, node.value)
    if kind is ast.Name and not node.id.startswith("__"):
        return _name_run(interp, node)
    if kind is ast.BinOp and type(node.op) in BINARY:
        name, fn, _, _ = BINARY[type(node.op)]
        return numbers.numeric(interp, node, _binary_run(interp, node, name, fn, node.left, node.right))
    if kind is ast.Compare and len(node.ops) == 1 and type(node.ops[0]) in COMPARE \
            and COMPARE[type(node.ops[0])][0] in _PLAIN_COMPARE:
        name, fn = COMPARE[type(node.ops[0])]
        return numbers.numeric(interp, node,
                               _binary_run(interp, node, name, fn, node.left, node.comparators[0]))
    if kind is ast.UnaryOp and (type(node.op) in UNARY or type(node.op) is ast.Not):
        return numbers.numeric(interp, node, _positioned(interp, node, _unaryop(interp, node)))
    elif kind is ast.Attribute and _public(node.attr):
        return _attribute(interp, node)
    elif kind is ast.Call and _plain_arguments(node) and (
            not isinstance(node.func, ast.Attribute) or _public(node.func.attr)):
        return _call(interp, node)
    elif kind is ast.Subscript:
        return _subscript(interp, node)
    elif kind in (ast.ListComp, ast.GeneratorExp) and \
            (work := compiled_blocks.list_comprehension(interp, node)) is not None:
        pass
    elif kind in (ast.List, ast.Tuple) and (work := compiled_blocks.display(interp, node)) is not None:
        pass
    elif kind is ast.Lambda:
        work = compiled_blocks.lambda_function(interp, node)
    elif (run := python_forms.compiled_form(interp, node)) is not None:   # `a if c else b`, `v._prev`, ...
        return run
    else:
        return lambda: interp.eval(node)
    return _positioned(interp, node, work)


def _name_run(interp: Interpreter, node: ast.Name) -> Run:
    """A name's step, the scope walk of Interpreter.lookup inline, lookup itself for the rest
    (builtins, torch functions, its refusals and NameNotDefined) with the name's position."""
    name, line, column = node.id, node.lineno, node.col_offset + 1
    bare = is_callee(node)   # a torch function's bare name only as `name(...)` (lang/bare_names.py)

    def run() -> Any:
        interp._steps += 1
        if interp._steps > interp._max_steps or interp._steps % 32 == 0:
            interp._steps -= 1
            interp._tick()
        scope = interp.scope
        while scope is not None:
            values = scope.vars
            if name in values:
                return values[name]
            scope = scope.parent
        try:
            return interp.lookup(name, bare)
        except ProgramError as err:
            raise err.at(line, column) from None
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


def _binary_run(interp: Interpreter, node: ast.expr, name: str, fn: Callable[..., Any],
                left: ast.expr, right: ast.expr) -> Run:
    """`a + b`, `a < b`: the node's step and position folded in; two floats (or a float and an
    int), and two ints under an operator that cannot make them big, computed at once as
    apply_binary's first tests do (also `n ** 2`: SizeGuard._clearly_small's pow bound); everything
    else through it. A name or constant operand is read inline (compiled_leaves.py)."""
    left_of, right_of = compile_expression(interp, left), compile_expression(interp, right)
    line, column = node.lineno, node.col_offset + 1
    # two ints: apply_binary's second test, SizeGuard._clearly_small, answers True at once for an
    # operator that never makes a big int (`/`, `%`, `//`, comparisons)
    direct = _FLOAT_PAIRS if _PY_NAMES.get(name, name) in _PYTHON_SIZED_OPS else _FLOAT_PAIRS | {(int, int)}
    linear = _PY_NAMES.get(name, name) in _LINEAR_OPS
    power = _PY_NAMES.get(name, name) == "pow"
    site = tensor_sites.binary_site(interp, name, fn, node)   # apply_binary, its tensor case planned

    def compute(a: Any, b: Any) -> Any:
        kinds = (type(a), type(b))
        if kinds in direct or (linear and kinds == _INT_PAIR and small_ints(interp, a, b)) \
                or (power and kinds == _INT_PAIR and small_power(interp, a, b)):
            return fn(a, b)
        return site(a, b)

    pair = getattr(site, "scalar_pair", None)   # (a wrapped site has none: the general path)
    operands = leaves.fused_operands(interp, left, right, left_of, right_of)
    if operands is not None:
        return leaves.fused_binary(interp, operands, compute, direct, linear, fn, line, column, power, site)

    def run() -> Any:
        interp._steps += 1
        if interp._steps > interp._max_steps or interp._steps % 32 == 0:
            interp._steps -= 1
            interp._tick()
        try:
            a, b = left_of(), right_of()
            kinds = (type(a), type(b))
            if kinds in direct or (linear and kinds == _INT_PAIR and small_ints(interp, a, b)) \
                    or (power and kinds == _INT_PAIR and small_power(interp, a, b)):
                return fn(a, b)
            if kinds in SCALAR_PAIRS and pair is not None:   # NumPy scalars (tensor_sites._scalar_pair)
                return pair(a, b)
            return site(a, b)
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


def _unaryop(interp: Interpreter, node: ast.UnaryOp) -> Run:
    operand_of = compile_expression(interp, node.operand)
    if type(node.op) is ast.Not:
        return lambda: not interp.truth(operand_of(), node)
    name, fn = UNARY[type(node.op)]
    if not SCALAR_UNARY:
        return lambda: interp.apply_unary(name, fn, operand_of(), node)
    scalar, apply_unary = numpy_scalar_ops.unary, interp.apply_unary

    def run() -> Any:
        value = operand_of()
        if type(value) in SCALAR_TYPES:   # `-x` of an np.float64: apply_unary's first way, at once
            return scalar(interp, fn, value)
        return apply_unary(name, fn, value, node)
    return run


def _attribute(interp: Interpreter, node: ast.Attribute) -> Run:
    base_of, attr = compile_expression(interp, node.value), node.attr
    read = attributes.read_attribute
    tensor_property = tensor_sites.property_site(interp, attr)   # `w.grad`: read_attribute's answer

    def rest(base: Any) -> Any:
        if type(base) is ProgramObject:   # `self.w`: attributes.read_attribute's first way, at once
            return object_read(interp, base, attr)
        if tensor_property is not None and type(base) is torch.Tensor:
            return tensor_property(base)
        return read(interp, base, attr, node)
    per_node = leaves.leaf_first(interp, node, node.value, base_of, rest)
    if per_node is None:
        return _positioned(interp, node, lambda: read(interp, base_of(), attr, node))
    if leaves.leaf(node.value)[0] != leaves.NAME:
        return per_node
    if tensor_property is not None:   # `w.grad`
        per_node = method_calls.property_read(interp, node, node.value.id, tensor_property, per_node)
    return object_attribute(interp, node.value.id, attr, per_node)   # `self.w` (compiled_object_reads)


def _call(interp: Interpreter, node: ast.Call) -> Run:
    """A call; `base.name(...)` with its method looked up once per call site for a tensor base (the
    allow-list's spec) and for a module (the member read_attribute gave for that same module)."""
    args_of = [compile_expression(interp, arg) for arg in node.args]
    arity = len(args_of) if len(args_of) <= 2 else -1
    first, second = (args_of + [None, None])[:2]   # read at once for 1-2 arguments: no comprehension frame
    keywords_of = [(keyword.arg, compile_expression(interp, keyword.value)) for keyword in node.keywords]
    func = node.func
    if isinstance(func, ast.Attribute):
        # (method_runs imports user_functions, which imports this module)
        from autogradlab.lang.method_runs import run_plain
        from autogradlab.lang.positional_sites import NOT_TAKEN, positional_site

        base_of, attr = compile_expression(interp, func.value), func.attr
        method_site = positional_site(interp, node)
        spec = al.TENSOR_METHODS.get(attr)   # the call site's method, if its base is a tensor
        method = tensor_sites.method_site(interp, attr, spec, node) if spec is not None else None
        # (a Namespace, its member `attr`, the member's planned site or None) of the last call
        module: list = [_NO_MODULE, None, None]

        def called(base: Any) -> Any:
            # the method looked up before the arguments run, as Python does (method_binding.py)
            plain = call = member = site = None
            if type(base) is ProgramObject:   # `self.step(lr)`: object_methods' usual way, at once
                plain = plain_method(base, attr)
                if plain is None:
                    call = object_bind(interp, base, attr, node)
            elif spec is not None and isinstance(base, torch.Tensor):   # an allow-listed method: no lookup
                args = [first()] if arity == 1 else [first(), second()] if arity == 2 else [] if not arity \
                    else [arg() for arg in args_of]
                return method(base, args, {key: value() for key, value in keywords_of} if keywords_of else {})
            elif base is module[0]:
                member, site = module[1], module[2]
            elif type(base) is Namespace:   # attributes.call_method's branch for a module
                member = attributes.read_attribute(interp, base, attr, node)
                site = (function_site(interp, member, node) if type(member) is SafeFunction else None) \
                    or plain_site(interp, member, node)
                module[0], module[1], module[2] = base, member, site
            else:
                call = bind_method(interp, base, attr, node)
            args = [first()] if arity == 1 else [first(), second()] if arity == 2 else [] if not arity \
                else [arg() for arg in args_of]
            kwargs = {key: value() for key, value in keywords_of} if keywords_of else {}
            if plain is not None:
                if kwargs:
                    return call_plain(interp, plain[0], plain[1], base, args, kwargs, node)
                done = method_site(plain[0], [base, *args], plain[1], base)   # (lang/positional_sites.py)
                return run_plain(interp, plain[0], plain[1], base, args, node) if done is NOT_TAKEN else done
            if call is not None:
                return call(args, kwargs)
            if type(member) is SafeFunction:   # Interpreter.call_value's first answer for it
                if not kwargs and site is not None:   # torch.maximum(a, b), math.sin(n)
                    return site(args)
                return member.impl(interp, args, kwargs, node)
            return interp.call_value(member, args, kwargs, node)
        if spec is not None and not args_of and not keywords_of:   # `w.norm()`, `p.grad.zero_()`
            site = method_calls.zero_site(interp, attr, spec, node)
            return _method_call(interp, node, base_of, called, site)
        per_node = leaves.leaf_first(interp, node, func.value, base_of, called)
        if per_node is None:
            return _positioned(interp, node, lambda: called(base_of()))
        if arity in (1, 2) and not keywords_of and leaves.leaf(func.value)[0] == leaves.NAME:
            # `torch.maximum(a, b)`, `math.sin(n)`: one closure once the site's member is planned
            return module_call(interp, node, func.value.id, attr, module, first, second, per_node)
        return per_node
    from autogradlab.lang import user_functions  # (it imports this module)
    from autogradlab.lang.positional_sites import NOT_TAKEN, positional_site
    callee_of = compile_expression(interp, func)
    positional = user_functions.call_positional
    site = positional_site(interp, node)

    def function() -> Any:
        callee = callee_of()
        args = [first()] if arity == 1 else [first(), second()] if arity == 2 else [] if not arity \
            else [arg() for arg in args_of]
        if keywords_of:
            return interp.call_value(callee, args, {key: value() for key, value in keywords_of}, node)
        # `loss(a, b)`: where call_value and call_user take it
        kind = type(callee)
        if kind is UserFunction and DIRECT_CALLS and user_functions.POSITIONAL \
                and callee.star is None and callee.declared is None and not callee.generator \
                and type(callee.body) is list and len(args) <= len(callee.params):
            done = site(callee, args, None, None)   # (lang/positional_sites.py; defaults too)
            if done is not NOT_TAKEN:
                return done
            if len(args) == len(callee.params):
                return positional(interp, callee, args, node)
        elif kind is ProgramClass and NEW_OBJECTS:   # `Value(x, (self, other), '+')`: call_object's way,
            return instantiate(interp, callee, args, {}, node, site)   # its __init__ through the site
        return interp.call_value(callee, args, {}, node)
    return _positioned(interp, node, function)


def _method_call(interp: Interpreter, node: ast.Call, base_of: Run, called: Callable[[Any], Any],
                 site: Callable[[Any], Any]) -> Run:
    """`base.method()` of an allow-listed tensor method (compiled_method_calls.py): a plain tensor
    base goes to the method's zero-argument site, any other value through `called`."""
    def then(base: Any) -> Any:
        return site(base) if type(base) is torch.Tensor else called(base)
    base = node.func.value
    per_node = leaves.leaf_first(interp, node, base, base_of, then) \
        or _positioned(interp, node, lambda: then(base_of()))
    if type(base) is ast.Attribute and _public(base.attr) and leaves.leaf(base.value) is not None \
            and leaves.leaf(base.value)[0] == leaves.NAME \
            and (read := tensor_sites.property_site(interp, base.attr)) is not None:   # `p.grad.zero_()`
        return method_calls.property_call(interp, node, base.value.id, read, then, per_node)
    return per_node


def _index(interp: Interpreter, node: ast.expr) -> Run:
    """Interpreter.index_value: a tuple's items one by one (the tuple itself takes no step)."""
    if isinstance(node, ast.Tuple):
        items = [_index(interp, item) for item in node.elts]
        if len(items) == 2:   # `a[i, j]`: no generator (the same items, in the same order)
            first, second = items
            return lambda: (first(), second())
        return lambda: tuple(item() for item in items)
    value_of = compile_expression(interp, node)
    return lambda: require_index(value_of())


def _subscript(interp: Interpreter, node: ast.Subscript) -> Run:
    base_of, index_of = compile_expression(interp, node.value), _index(interp, node.slice)

    rest = item_rest(interp, index_of, node)   # (compiled_object_reads)
    return leaves.leaf_first(interp, node, node.value, base_of, rest) \
        or _positioned(interp, node, lambda: rest(base_of()))
