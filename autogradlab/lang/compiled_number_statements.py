"""Statements whose expressions are plain arithmetic, with their steps taken at once (issue 9).

`total += 1 / n ** 2`, `if n % 10 == 0:`, `y = a * t + b`: the statement's own step and its
expression's steps (compiled_numbers.py: read its docstring first) are taken together when none of
them can matter (the budget holds them all, and the time check of a multiple of 32 among them
would pass); the
expression (for `+=` also the name's current value and the operator) is computed by the raw
closure, which has no effect; then what the statement does with the value (bind the name: the
engine's on_assign hook as before; run the chosen branch) runs with the statement's position, as
compiled_statements.positioned_statement does. When the raw closure cannot answer, nothing has
happened yet: the statement runs through its per-node closures from the same step count.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramError
from autogradlab.lang.compiled_numbers import MAX_MISSES, Slow, _arithmetic, _read, raw_value
from autogradlab.lang.operators import BINARY, python_error
from autogradlab.lang.statements import BreakLoop, ContinueLoop, ReturnValue
from autogradlab.sandbox_position import pack

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]
_CONTROL = (BreakLoop, ContinueLoop, ReturnValue)
_TRUTHS = (bool, int, float)   # truth() of these is bool(value)
_NO_PARTS = (None,) * 12


def _pair_parts(raw: Run, kind: str) -> tuple | None:
    """The parts compiled_number_pairs published on a raw closure of that kind (`pair_constant`:
    `n % 10 == 0`, `constant_pair`: `1 / n ** 2`), for a statement closure that computes the
    expression inline with the very same tests (one Python call less a pass; session 25), or None."""
    return getattr(raw, "pair_parts", None) if getattr(raw, "__name__", None) == kind else None


def number_hook(hooks: Any) -> Callable[..., None] | None:
    """hooks.on_number(name, value, node, line) when the hooks have it themselves (the Recorder),
    else None (call on_assign): a wrapper that forwards the names it lacks (jacobian_passes.Peak,
    custom_functions._Unrecorded, whose on_assign records nothing) must get its own on_assign."""
    found = getattr(hooks, "on_number", None)
    return found if getattr(found, "__self__", None) is hooks else None


def _fused_name(interp: Interpreter, node: ast.Assign | ast.AugAssign, count: int, raw: Run,
                arithmetic: Callable[[Any, Any], Any] | None, fn: Callable[[Any, Any], Any] | None,
                per_node: Run) -> Run:
    """The statement `name = raw` (`arithmetic` None) or `name op= raw` (`arithmetic` computes the
    name's current value op raw's as compiled_numbers._arithmetic does, with fn) in one closure,
    when its 1 + count steps fit: the value computed without effect (raw; the name read from the
    scopes only, no builtins), then bound as compiled_targets' binder binds it, with the
    statement's position; else, or when the value cannot be computed so, per_node()."""
    target = node.targets[0] if type(node) is ast.Assign else node.target
    variable = target.id
    from autogradlab.lang.compiled_targets import PLAIN_VALUES  # it imports what imports this

    assign, assigned = interp.assign, interp._assigned
    line, column = node.lineno, node.col_offset + 1
    board, spot = interp.board, pack(line, column)
    total = count + 1
    free = 32 - total   # s % 32 below this: none of s+1 .. s+total is a multiple of 32
    misses = [0]
    seen: list[Any] = [None, None]   # the hooks last seen and their on_number (None: on_assign)
    parts = _pair_parts(raw, "constant_pair")   # `1 / n ** 2`: computed below as constant_pair does
    inline = parts is not None
    fn1, name1, b1, free1, max1, small1, a2, fn2, free2, max_b2, max_bits2, power2 = parts or _NO_PARTS

    def run() -> Any:
        s = interp._steps
        if s + total <= interp._max_steps and misses[0] < MAX_MISSES \
                and ((s & 31) < free or interp.in_time()):   # the time check one of them makes
            here = interp.scope
            try:
                if not inline:
                    value = raw()
                else:   # constant_pair's work
                    values = here.vars
                    b = values[name1] if name1 in values else _read(interp, name1)
                    tb = type(b)
                    if not (tb is float or tb is int and (free1 or b.bit_length() <= max1
                                                          or small1 and -1 <= b <= 1)):
                        raise Slow
                    b = fn1(b, b1)
                    tb = type(b)
                    if not (tb is float or tb is int and (free2 or (b <= max_b2 if power2
                                                                    else b.bit_length() <= max_bits2))):
                        raise Slow
                    value = fn2(a2, b)
                if arithmetic is not None:
                    scope = here
                    while scope is not None:
                        values = scope.vars
                        if variable in values:
                            current = values[variable]
                            if type(current) is float and (type(value) is float or type(value) is int):
                                value = fn(current, value)   # _arithmetic's first case, inline
                            else:
                                value = arithmetic(current, value)
                            break
                        scope = scope.parent
                    else:
                        raise Slow
            except Exception:  # noqa: BLE001 - Slow, or an error the per-node closures will raise
                misses[0] += 1
            else:
                board[0] = spot
                interp._steps = s + total
                try:   # compiled_targets._name_binder's bind
                    if type(value) not in PLAIN_VALUES:
                        assign(target, value, node)
                        return None
                    here.vars[variable] = value
                    if here.parent is None and variable not in assigned:   # _assigned only grows
                        assigned[variable] = None
                    hooks, in_function = interp.hooks, here.function_name
                    if in_function is None:
                        if hooks is not seen[0]:   # (a jacobian's passes swap the hooks)
                            seen[0], seen[1] = hooks, number_hook(hooks)
                        if seen[1] is not None:   # the Recorder's on_assign, its plain-value way
                            seen[1](variable, value, node, line)
                            return None
                    hooks.on_assign(variable, value, node, in_function)
                    return None
                except ProgramError as err:
                    raise err.at(line, column) from None
                except _CONTROL:
                    raise
                except Exception as exc:  # noqa: BLE001
                    raise python_error(exc).at(line, column) from None
        return per_node()
    return run


def assign(interp: Interpreter, node: ast.Assign, per_node: Run) -> Run:
    """`name = <arithmetic>` (one target)."""
    if len(node.targets) != 1 or type(node.targets[0]) is not ast.Name \
            or node.targets[0].id.startswith("__") or type(node.value) not in (ast.BinOp, ast.UnaryOp):
        return per_node
    found = raw_value(interp, node.value)
    if found is None:
        return per_node
    raw, count = found
    return _fused_name(interp, node, count, raw, None, None, per_node)


def augassign(interp: Interpreter, node: ast.AugAssign, per_node: Run) -> Run:
    """`name op= <arithmetic, a name or a number>`."""
    target = node.target
    if type(target) is not ast.Name or target.id.startswith("__") or type(node.op) not in BINARY:
        return per_node
    name, _, inplace_fn, _ = BINARY[type(node.op)]
    found, arithmetic = raw_value(interp, node.value), _arithmetic(interp, name, inplace_fn)
    if found is None or arithmetic is None:
        return per_node
    raw, count = found
    return _fused_name(interp, node, count, raw, arithmetic, inplace_fn, per_node)


def if_statement(interp: Interpreter, node: ast.If, per_node: Run) -> Run:
    """`if <arithmetic or a comparison of it>:` and its branches."""
    if type(node.test) not in (ast.BinOp, ast.Compare, ast.UnaryOp):
        return per_node
    found = raw_value(interp, node.test)
    if found is None:
        return per_node
    raw, count = found
    from autogradlab.lang.compiled_statements import block

    body, orelse = block(interp, node.body), block(interp, node.orelse)
    # _fused_name's frame written out: the test's value checked and the branch run in this
    # closure (two Python calls less on every pass of a loop's `if`)
    line, column = node.lineno, node.col_offset + 1
    board, spot = interp.board, pack(line, column)
    total = count + 1
    free = 32 - total   # s % 32 below this: none of s+1 .. s+total is a multiple of 32
    misses = [0]
    parts = _pair_parts(raw, "pair_constant")   # `n % 10 == 0`: computed below as pair_constant does
    inline = parts is not None
    fn1, name1, b1, free1, max1, small1, fn2, b2, free2, max2, small2 = (parts or _NO_PARTS)[:11]

    def run() -> Any:
        s = interp._steps
        if s + total <= interp._max_steps and misses[0] < MAX_MISSES \
                and ((s & 31) < free or interp.in_time()):   # the time check one of them makes
            try:
                if not inline:
                    value = raw()
                else:   # pair_constant's work
                    values = interp.scope.vars
                    a = values[name1] if name1 in values else _read(interp, name1)
                    ta = type(a)
                    value = Slow
                    if ta is float or ta is int and (free1 or a.bit_length() <= max1
                                                     or small1 and -1 <= a <= 1):
                        a = fn1(a, b1)
                        ta = type(a)
                        if ta is float or ta is int and (free2 or a.bit_length() <= max2
                                                         or small2 and -1 <= a <= 1):
                            value = fn2(a, b2)
            except Exception:  # noqa: BLE001 - Slow, or an error the per-node closures will raise
                value = Slow
            if type(value) in _TRUTHS:   # truth() of these is bool(value)
                board[0] = spot
                interp._steps = s + total
                try:
                    for statement in (body if value else orelse):
                        statement()
                    return None
                except ProgramError as err:
                    raise err.at(line, column) from None
                except _CONTROL:
                    raise
                except Exception as exc:  # noqa: BLE001
                    raise python_error(exc).at(line, column) from None
            misses[0] += 1
        return per_node()
    return run
