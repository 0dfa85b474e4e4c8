"""Assignment targets compiled into closures (issue 9; read compiled.py's docstring first).

Interpreter.assign(target, value, node) for the targets loops write: a plain name bound to a plain
value inline (the engine's on_assign hook as before), `p.grad = None` / `X[i, 0] = v` through
attributes.set_attribute / set_item with the base (and the index) evaluated by compiled closures in
the generic order; any other target or value goes through assign itself. Augmented assignment to a
subscript or an attribute (`w[0] -= lr * g`, `p.grad += g`) follows StatementsMixin._augassign:
the base, the index, the current item or attribute, the value, apply_binary, the write (Python's order).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import attributes, plain_classes
from autogradlab.lang.compiled_basics import _CONTROL, _FLOAT_PAIRS
from autogradlab.lang.compiled_expressions import _index, _public, compile_expression
from autogradlab.lang.numpy_scalar_ops import SCALAR_TYPES
from autogradlab.lang.object_attributes import set_plain_attribute
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import PROPERTY, ProgramObject, subscript_base
from autogradlab.lang.plain_classes import read_attribute as object_read
from autogradlab.lang.plain_classes import set_attribute as set_object_attribute
from autogradlab.lang.safe_values import ATOM_TYPES, SHORT_TUPLE
from autogradlab.sandbox_position import pack

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]
# Values is_data accepts at a glance (its first test): bound to a name without the generic checks
# (NumPy scalars too: np.float64 is one of safe_values' atom types).
PLAIN_VALUES = frozenset({torch.Tensor, int, float, bool, str, type(None)}) | SCALAR_TYPES
NAME_ASSIGN = True   # positioned_name_assign (tests compare with it off)
TUPLE_NAMES = True   # _names_binder (tests compare with it off)
HELD_INLINE = True   # bind_attribute: set_attribute's HELD_ATOMS way inline (session 42; tests: off)
# bind_attribute: `self.data = data` of any value, new or held (micrograd's Value.__init__), without
# set_attribute's tests for classes, super() and exceptions (object_attributes.py; session 43; tests: off)
NEW_ATTRIBUTES = True
# positioned_name_assign: a name bound in a function to a value of the Recorder's quiet kinds (no tensor),
# with no op output waiting for its name, only sets its last_line, as call_positional does for such a
# parameter (session 44; tests compare with it off)
OBJECT_AUGMENT = True   # `obj.x op= v` on a program's object at once (session 45; tests compare with it off)
QUIET_LOCALS = True


def binder(interp: Interpreter, target: ast.expr, node: ast.stmt) -> Callable[[Any], None]:
    """Interpreter.assign(target, value, node) as a closure of the value."""
    assign = interp.assign
    if isinstance(target, ast.Name) and not target.id.startswith("__"):
        return _name_binder(interp, target, node)
    if isinstance(target, ast.Attribute):
        base_of, attr = compile_expression(interp, target.value), target.attr
        set_attribute = attributes.set_attribute
        plain_name = not attr.startswith("__")

        def bind_attribute(value: Any) -> None:
            base = base_of()
            if type(base) is ProgramObject:   # `self.w = w`: attributes.set_attribute's way for it, at once
                # `self.grad = grad`, an atom again: plain_classes.set_attribute's HELD_ATOMS way inline
                if HELD_INLINE and plain_classes.HELD_ATOMS and type(value) in ATOM_TYPES and plain_name \
                        and attr in base.values and base.state is None:
                    cls = base.cls
                    if cls.dataclass is None and cls.base is None:
                        found = cls.members.get(attr)
                        if found is None or found[-2] != PROPERTY:
                            base.values[attr] = value
                            return
                if NEW_ATTRIBUTES and plain_name and base.state is None:
                    set_plain_attribute(interp, base, attr, value)
                else:
                    set_object_attribute(interp, base, attr, value)
            else:
                set_attribute(interp, base, attr, value, node)
        return bind_attribute
    if isinstance(target, (ast.Tuple, ast.List)) and TUPLE_NAMES and 1 < len(target.elts) <= SHORT_TUPLE \
            and all(type(elt) is ast.Name and not elt.id.startswith("__") for elt in target.elts):
        return _names_binder(interp, target, node)
    if isinstance(target, ast.Subscript):
        base_of, index_of = compile_expression(interp, target.value), _index(interp, target.slice)
        set_item = attributes.set_item

        def bind_item(value: Any) -> None:
            base = base_of()
            set_item(interp, base, index_of(), value, node)
        return bind_item
    return lambda value: assign(target, value, node)


def _name_binder(interp: Interpreter, target: ast.Name, node: ast.stmt) -> Callable[[Any], None]:
    assign, name, assigned = interp.assign, target.id, interp._assigned

    def bind(value: Any) -> None:
        if type(value) not in PLAIN_VALUES:
            if type(value) is ProgramObject:   # `for layer in self.layers`: bind_object, inline
                scope = interp.scope
                scope.vars[name] = value
                if scope.parent is None:
                    assigned.setdefault(name, None)
            else:
                assign(target, value, node)
            return
        scope = interp.scope
        scope.vars[name] = value
        if scope.parent is None and name not in assigned:   # _assigned only grows: setdefault
            assigned[name] = None
        interp.hooks.on_assign(name, value, node, scope.function_name)
    return bind


def _names_binder(interp: Interpreter, target: ast.Tuple | ast.List, node: ast.stmt) -> Callable[[Any], None]:
    """`a, b = value` / `for i, x in enumerate(xs)` with plain names: a tuple of as many atoms (what
    require_storable passes at once, safe_values._atoms_tuple, and materialize lists as it is) binds
    each name in order as Interpreter.assign does (_name_binder); any other value (a list, an iterator,
    another length: Python's ValueError) through assign itself."""
    assign, count = interp.assign, len(target.elts)
    binds = [_name_binder(interp, elt, node) for elt in target.elts]

    def bind(value: Any) -> None:
        if type(value) is tuple and len(value) == count:
            for item in value:
                if type(item) not in ATOM_TYPES:
                    break
            else:
                for name_bind, item in zip(binds, value):  # noqa: B905 - as many (tested above)
                    name_bind(item)
                return
        assign(target, value, node)
    return bind


def bind_object(interp: Interpreter, name: str, value: ProgramObject) -> None:
    """Interpreter.assign(Name(name), value, node) of an object of the program's classes (name_binding.py):
    no data, always nameable, so no check; bound, its global name kept in _assigned; no on_assign."""
    scope = interp.scope
    scope.vars[name] = value
    if scope.parent is None:
        interp._assigned.setdefault(name, None)


def positioned_name_assign(interp: Interpreter, node: ast.Assign, value_of: Run) -> Run | None:
    """compiled_statements.positioned_pair(node, value_of, binder(...)) for `name = value`, with
    _name_binder's bind written out (one Python call less on every such statement; session 26):
    the statement's position and step, the value, then the same binding in the same try. None for
    another target (positioned_pair and binder as before)."""
    target = node.targets[0] if len(node.targets) == 1 else None
    if not NAME_ASSIGN or type(target) is not ast.Name or target.id.startswith("__"):
        return None
    assign, name, assigned = interp.assign, target.id, interp._assigned
    line, column = node.lineno, node.col_offset + 1
    board, spot = interp.board, pack(line, column)
    # (positional_sites imports user_functions, which imports this module)
    from autogradlab.lang.positional_sites import parameter_hooks

    told: list = [None, None, None]   # (hooks, recorder, quiet kinds) of the last hooks (QUIET_LOCALS)

    def run() -> None:
        board[0] = spot
        interp._steps += 1
        if interp._steps > interp._max_steps or interp._steps % 32 == 0:
            interp._steps -= 1
            interp._tick()
        try:
            value = value_of()
            if type(value) not in PLAIN_VALUES:
                if type(value) is ProgramObject:   # `layer = Layer(3)`
                    bind_object(interp, name, value)
                else:
                    assign(target, value, node)
                return
            scope = interp.scope
            scope.vars[name] = value
            if scope.parent is None and name not in assigned:   # _assigned only grows: setdefault
                assigned[name] = None
            hooks, function_name = interp.hooks, scope.function_name
            if function_name is not None and QUIET_LOCALS:   # `x = layer.forward(x)` in a method: a value
                if hooks is not told[0]:   # no tensor is, told as call_positional tells such a parameter
                    told[0], (_, told[1], told[2]) = hooks, parameter_hooks(hooks)
                quiet = told[2]
                if quiet is not None and type(value) in quiet and not told[1]._unnamed_outputs:
                    told[1].last_line = line
                    return
            hooks.on_assign(name, value, node, function_name)
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


def augmented_target(interp: Interpreter, node: ast.AugAssign, name: str, inplace_fn: Callable[..., Any],
                     inplace_name: str, value_of: Run) -> Run | None:
    """`X[i] op= v` / `x.attr op= v`; None for a target the generic handler keeps (a refused
    attribute name: its refusal comes after the base's evaluation, as before)."""
    target = node.target
    apply_binary = interp.apply_binary
    if isinstance(target, ast.Subscript):
        base_of, index_of = compile_expression(interp, target.value), _index(interp, target.slice)

        def item_work() -> None:
            base = subscript_base(base_of())
            index = index_of()
            current = attributes.get_item(interp, base, index, target)
            value = value_of()
            result = apply_binary(name, inplace_fn, current, value, node, inplace_of=inplace_name)
            attributes.set_item(interp, base, index, result, node)
        return item_work
    if isinstance(target, ast.Attribute) and _public(target.attr):
        base_of, attr = compile_expression(interp, target.value), target.attr

        def attribute_work() -> None:
            base = base_of()
            if type(base) is ProgramObject and OBJECT_AUGMENT:   # `self.w -= lr * self.grad` (session 45):
                current = object_read(interp, base, attr)   # the calls below make for an object, at once
                value = value_of()
                if (type(current), type(value)) in _FLOAT_PAIRS:   # apply_binary's first answer
                    try:
                        result = inplace_fn(current, value)
                    except Exception as exc:  # noqa: BLE001
                        raise python_error(exc) from None
                else:
                    result = apply_binary(name, inplace_fn, current, value, node, inplace_of=inplace_name)
                set_object_attribute(interp, base, attr, result)
                return
            current = attributes.read_attribute(interp, base, attr, target)
            value = value_of()
            result = apply_binary(name, inplace_fn, current, value, node, inplace_of=inplace_name)
            attributes.set_attribute(interp, base, attr, result, node)
        return attribute_work
    return None

