"""Names and constants read inside the closure of the node that uses them (issue 9).

A compiled node (compiled_expressions.py) calls one closure per child, and each child closure
counts its own step. When a node's first child is a plain name or a constant (`n ** 2`, `b * x`,
`w.grad`, `x.detach()`, `A[i]`), the node reads it inline and counts both steps at once, which
is exact because nothing can happen between them: the two steps are taken together only when
neither reaches the step budget nor a multiple of 32 (the time check), and otherwise one by one
through the same code as before. A name found in no scope (a builtin, a torch function, an
undefined name) goes back to the child's own closure with the count it would have had, so its
lookup, refusal and error position are those of the generic path.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramError
from autogradlab.lang.numpy_scalar_ops import SCALAR_PAIRS
from autogradlab.lang.operators import python_error
from autogradlab.lang.statements import BreakLoop, ContinueLoop, ReturnValue

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]
_CONTROL = (BreakLoop, ContinueLoop, ReturnValue)
_INT_PAIR = (int, int)
_TENSOR = torch.Tensor
MISS = object()   # a name no scope holds: the child's own closure looks it up
CONSTANT, NAME = 1, 2


def leaf(node: ast.expr) -> tuple[int, Any] | None:
    """(CONSTANT, value) or (NAME, name) for a child that can be read inline, else None (the same
    forms compile_expression compiles; a bytes literal or a dunder name keeps the generic path)."""
    if type(node) is ast.Constant and not isinstance(node.value, bytes):
        return CONSTANT, node.value
    if type(node) is ast.Name and not node.id.startswith("__"):
        return NAME, node.id
    return None


def outer_value(interp: Interpreter, name: str) -> Any:
    """The name in the scopes around the innermost one, or MISS."""
    scope = interp.scope.parent
    while scope is not None:
        values = scope.vars
        if name in values:
            return values[name]
        scope = scope.parent
    return MISS


def lookup_at(interp: Interpreter, name: str, position: tuple[int, int]) -> Any:
    """The end of compiled_expressions._name_run once its step is taken and no scope holds the
    name: Interpreter.lookup (builtins, refusals, NameNotDefined; an operand is never a callee, so no bare
    torch function: lang/bare_names.py) at the name."""
    try:
        return interp.lookup(name, False)
    except ProgramError as err:
        raise err.at(*position) from None
    except Exception as exc:  # noqa: BLE001
        raise python_error(exc).at(*position) from None


def fused_operands(interp: Interpreter, left: ast.expr, right: ast.expr, left_of: Run,
                   right_of: Run) -> tuple | None:
    """The operands of a binary node with a leaf operand, or None."""
    first, second = leaf(left) or (0, None), leaf(right) or (0, None)
    if not first[0] and not second[0]:
        return None
    return first[0], first[1], second[0], second[1], left_of, right_of, right


def fused_binary(interp: Interpreter, operands: tuple, compute: Callable[[Any, Any], Any],
                 direct: frozenset, linear: bool, fn: Callable[..., Any], line: int, column: int,
                 power: bool = False, site: Callable[[Any, Any], Any] | None = None) -> Run:
    """compiled_expressions._binary_run with the left operand (and a leaf right one) read inline;
    `power`: the operator is `**` (two small ints computed at once, as apply_binary does); `site`:
    compute's answer for a tensor operand (no number pair: its tensor_sites.binary_site), at once."""
    left_kind, left_value, right_kind, right_value, left_of, right_of, _ = operands
    if not left_kind:
        return _right_leaf_binary(interp, operands, compute, direct, linear, fn, line, column, site)
    fused = 3 if right_kind else 2
    not_near = 32 - fused   # s % 32 below this: none of the steps s+1 .. s+fused is a multiple of 32
    pair = getattr(site, "scalar_pair", None)   # (tensor_sites._scalar_pair)

    def run() -> Any:
        s = interp._steps
        fast = s + fused <= interp._max_steps and (s & 31) < not_near
        if fast:
            interp._steps = s + fused
        else:   # the node's own step, outside the try as in every compiled node
            interp._steps = s + 1
            if s + 1 > interp._max_steps or (s + 1) % 32 == 0:
                interp._steps = s
                interp._tick()
        try:
            if fast:
                if left_kind == CONSTANT:
                    a = left_value
                else:
                    values = interp.scope.vars
                    a = values[left_value] if left_value in values else outer_value(interp, left_value)
                if a is MISS:
                    interp._steps = s + 1
                    a, b = left_of(), right_of()
                elif not right_kind:
                    b = right_of()
                else:
                    if right_kind == CONSTANT:
                        b = right_value
                    else:
                        values = interp.scope.vars
                        b = values[right_value] if right_value in values \
                            else outer_value(interp, right_value)
                    if b is MISS:
                        interp._steps = s + 2
                        b = right_of()
            else:
                a, b = left_of(), right_of()
            if site is not None and (type(a) is _TENSOR or type(b) is _TENSOR):
                return site(a, b)
            kinds = (type(a), type(b))
            if kinds in direct:
                return fn(a, b)
            if kinds in SCALAR_PAIRS and pair is not None:   # NumPy scalars: compute's answer at once
                return pair(a, b)
            if kinds == _INT_PAIR and (   # apply_binary's second test, SizeGuard._clearly_small
                    linear and a.bit_length() + b.bit_length() < interp.limits.max_int_bits - 8
                    or power and (b <= 0 or abs(a) <= 1
                                  or b * abs(a).bit_length() < interp.limits.max_int_bits - 8)):
                return fn(a, b)
            return compute(a, b)
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


def leaf_first(interp: Interpreter, node: ast.expr, child: ast.expr, child_of: Run,
               rest: Callable[[Any], Any]) -> Run | None:
    """A positioned node (compiled_expressions._positioned) whose work starts by evaluating `child`
    and continues with rest(child's value): the two steps fused when the child is a leaf; None
    when it is not (the caller keeps its usual closures)."""
    found = leaf(child)
    if found is None:
        return None
    kind, value = found
    line, column = node.lineno, node.col_offset + 1

    def run() -> Any:
        s = interp._steps
        fast = s + 2 <= interp._max_steps and (s & 31) < 30
        if fast:
            interp._steps = s + 2
        else:
            interp._steps = s + 1
            if s + 1 > interp._max_steps or (s + 1) % 32 == 0:
                interp._steps = s
                interp._tick()
        try:
            if not fast:
                base = child_of()
            elif kind == CONSTANT:
                base = value
            else:
                values = interp.scope.vars
                base = values[value] if value in values else outer_value(interp, value)
                if base is MISS:
                    interp._steps = s + 1
                    base = child_of()
            return rest(base)
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


def _right_leaf_binary(interp: Interpreter, operands: tuple, compute: Callable[[Any, Any], Any],
                       direct: frozenset, linear: bool, fn: Callable[..., Any], line: int,
                       column: int, site: Callable[[Any, Any], Any] | None = None) -> Run:
    """`n % 10 == 0`: the left operand through its closure (its own steps come between), the
    right one read inline after its own step check, inside the node's try as before."""
    _, _, right_kind, right_value, left_of, _, right = operands
    right_at = (right.lineno, right.col_offset + 1)
    pair = getattr(site, "scalar_pair", None)   # (tensor_sites._scalar_pair)

    def run() -> Any:
        interp._steps += 1
        if interp._steps > interp._max_steps or interp._steps % 32 == 0:
            interp._steps -= 1
            interp._tick()
        try:
            a = left_of()
            interp._steps += 1   # the right operand's step, as its own closure takes it
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
            if site is not None and (type(a) is _TENSOR or type(b) is _TENSOR):
                return site(a, b)   # compute's answer for a tensor operand, at once
            kinds = (type(a), type(b))
            if kinds in direct or (linear and kinds == _INT_PAIR
                                   and a.bit_length() + b.bit_length() < interp.limits.max_int_bits - 8):
                return fn(a, b)
            if kinds in SCALAR_PAIRS and pair is not None:   # NumPy scalars: compute's answer at once
                return pair(a, b)
            return compute(a, b)
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run
