"""`name = a op b` as one closure (issue 9; read compiled.py and compiled_leaves.py first).

`w = A @ v`, `v = w / w.norm()`, `h = x @ W1 + b1`: per node, such a statement runs the statement's
closure (compiled_statements.positioned_pair), the operator's (compiled_leaves.fused_binary or
compiled_expressions._binary_run, under compiled_numbers.numeric), the operator's compute and the
name's binder: four or five Python calls around the one op. Here they are one closure doing the same
things in the same order: the statement's step and the operator's step (and a leaf left operand's,
and then a leaf right operand's: compiled_leaves.py) taken at once when none of them reaches the
step budget or a multiple of 32 (the time check), the operands read or evaluated, two plain numbers
computed at once as apply_binary's first tests do, anything else through the operator's planned
site (tensor_sites.binary_site: apply_binary), errors of the operator given its position and
errors of the binding the statement's, and the name bound as compiled_targets' binder binds it.
When one of the steps taken at once is a multiple of 32, the clock is read as _tick reads it
(compiled_numbers.py); whenever a step could matter, or a leaf name is in no scope (a builtin, a
torch function, an undefined name), nothing has happened yet and the statement runs through its
per-node closures. For the Recorder (binds), the op's on_op and the name's on_assign are one call:
the site passes `bind` to on_op, which binds the name as on_assign would (issue 9: power_iteration's
`w = A @ v; v = w / w.norm()`, ~1-1.5 us a pass less); then the name is bound here without on_assign.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import tensor_sites
from autogradlab.lang.compiled_expressions import (
    _FLOAT_PAIRS,
    _INT_PAIR,
    _LINEAR_OPS,
    compile_expression,
)
from autogradlab.lang.compiled_leaves import CONSTANT, MISS, leaf, lookup_at, outer_value
from autogradlab.lang.compiled_targets import PLAIN_VALUES
from autogradlab.lang.numpy_scalar_ops import SCALAR_PAIRS
from autogradlab.lang.operators import _PY_NAMES, BINARY, python_error
from autogradlab.lang.sizes import _PYTHON_SIZED_OPS
from autogradlab.lang.statements import BreakLoop, ContinueLoop, ReturnValue
from autogradlab.sandbox_position import pack

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]
_TENSOR = torch.Tensor
_CONTROL = (BreakLoop, ContinueLoop, ReturnValue)
FUSED_BIND = True   # `name = a op b`'s op and binding told the hooks in one call (tests compare it off)


def binds(hooks: Any) -> bool:
    """Whether the hooks' on_op takes `bind` (engine/skimmed_ops.py: the Recorder's) with their own
    on_assign the one it stands for (a wrapper or subclass with another gets on_op, then on_assign)."""
    on_op = getattr(hooks, "on_op", None)
    on_assign = getattr(on_op, "binds", None)
    return on_assign is not None and getattr(on_op, "__self__", None) is hooks and getattr(
        type(hooks), "on_assign", None) is on_assign


def statement(interp: Interpreter, node: ast.Assign, per_node: Run) -> tuple[Run, bool] | None:
    """(closure, both operands are leaves) of `name = a op b` with one plain name target, or None.
    `per_node` is the statement's per-node closure (positioned_pair), run when a step could matter."""
    if len(node.targets) != 1:
        return None
    target, value = node.targets[0], node.value
    if type(target) is not ast.Name or target.id.startswith("__") \
            or type(value) is not ast.BinOp or type(value.op) not in BINARY:
        return None
    name, fn, _, _ = BINARY[type(value.op)]
    python_name = _PY_NAMES.get(name, name)
    direct = _FLOAT_PAIRS if python_name in _PYTHON_SIZED_OPS else _FLOAT_PAIRS | {_INT_PAIR}
    linear, power = python_name in _LINEAR_OPS, python_name == "pow"
    site = tensor_sites.binary_site(interp, name, fn, value)   # apply_binary, its tensor case planned
    pair = getattr(site, "scalar_pair", None)   # (tensor_sites._scalar_pair; a wrapped site: none)
    max_bits = interp.limits.max_int_bits - 8   # SizeGuard._clearly_small's bound
    left, right = leaf(value.left), leaf(value.right)
    left_of = compile_expression(interp, value.left) if left is None else None
    right_of = compile_expression(interp, value.right) if right is None else None
    left_kind, left_value = left or (0, None)
    right_kind, right_value = right or (0, None)
    right_at = (value.right.lineno, value.right.col_offset + 1)
    # steps taken at once: the statement's, the operator's and a leaf left operand's, and a leaf
    # right one's after it (a right leaf after a left subtree takes its own step, in order)
    fused = 2 + (left is not None) + (left is not None and right is not None)
    free = 32 - fused   # s % 32 below this: none of s+1 .. s+fused is a multiple of 32
    line, column = node.lineno, node.col_offset + 1
    op_line, op_column = value.lineno, value.col_offset + 1
    board, spot = interp.board, pack(line, column)
    variable, assign, assigned = target.id, interp.assign, interp._assigned
    # on_op(..., bind) of the hooks that take it: their on_assign of `variable` in the same call, its
    # [2] set when done (tensor_sites.binary_site); seen: the hooks last seen and whether they take it
    bind = [variable, node, False, line] if getattr(site, "binds", False) else None
    seen: list[Any] = [None, False]

    def run() -> Any:
        s = interp._steps
        if s + fused > interp._max_steps or (s & 31) >= free and not interp.in_time():
            return per_node()   # the budget, or the time check one of the steps makes, would stop it
        if left_kind:   # read before anything happens: a name in no scope leaves it to per_node
            if left_kind == CONSTANT:
                a = left_value
            else:
                values = interp.scope.vars
                a = values[left_value] if left_value in values else outer_value(interp, left_value)
                if a is MISS:
                    return per_node()
            if right_kind:
                if right_kind == CONSTANT:
                    b = right_value
                else:
                    values = interp.scope.vars
                    b = values[right_value] if right_value in values else outer_value(interp, right_value)
                    if b is MISS:
                        return per_node()
        board[0] = spot
        interp._steps = s + fused
        try:   # the operator's node (compiled_leaves.fused_binary / _binary_run)
            if not left_kind:
                a = left_of()
            if not right_kind:
                b = right_of()
            elif not left_kind:   # the right leaf's own step, after the left subtree's
                interp._steps += 1
                if interp._steps > interp._max_steps or interp._steps % 32 == 0:
                    interp._steps -= 1
                    interp._tick()
                if right_kind == CONSTANT:
                    b = right_value
                else:
                    values = interp.scope.vars
                    b = values[right_value] if right_value in values else outer_value(interp, right_value)
                    if b is MISS:
                        b = lookup_at(interp, right_value, right_at)
            ta, tb = type(a), type(b)
            if ta is _TENSOR or tb is _TENSOR:   # no number pair: apply_binary's tensor case at once
                hooks = interp.hooks
                if hooks is not seen[0]:   # (a jacobian's passes swap the hooks)
                    seen[0], seen[1] = hooks, bind is not None and binds(hooks)
                if seen[1] and FUSED_BIND:
                    bind[2] = False
                    result = site(a, b, bind)
                    if bind[2]:   # the hooks' on_op bound the name too: the binding below without it
                        scope = interp.scope
                        scope.vars[variable] = result
                        if scope.parent is None and variable not in assigned:
                            assigned[variable] = None
                        return None
                else:
                    result = site(a, b)
            elif (ta, tb) in direct or (ta, tb) == _INT_PAIR and (
                    linear and a.bit_length() + b.bit_length() < max_bits
                    or power and (b <= 0 or abs(a) <= 1 or b * abs(a).bit_length() < max_bits)):
                result = fn(a, b)
            elif (ta, tb) in SCALAR_PAIRS and pair is not None:   # NumPy scalars: the site's answer at once
                result = pair(a, b)
            else:
                result = site(a, b)
        except ProgramError as err:
            raise err.at(op_line, op_column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(op_line, op_column) from None
        try:   # compiled_targets._name_binder, inline
            if type(result) not in PLAIN_VALUES:
                assign(target, result, node)
                return None
            scope = interp.scope
            scope.vars[variable] = result
            if scope.parent is None and variable not in assigned:   # _assigned only grows
                assigned[variable] = None
            interp.hooks.on_assign(variable, result, node, scope.function_name)
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
        return None
    return run, left is not None and right is not None
