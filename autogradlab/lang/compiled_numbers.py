"""Arithmetic on plain Python numbers as one closure per expression (issue 9).

`1 / n ** 2`, `n % 10 == 0`, `(n - 1) * 0.5`: a tree of binary operators, single comparisons,
unary minus/plus, names and int/float constants. Its compiled form (compiled_expressions.py) calls
one closure per node and counts one step per node; here the whole tree is also compiled into a
"raw" closure that computes it without counting, and the tree's k steps are taken at once when
none of them can matter: the budget holds all k (s + k <= max_steps) and the time check (made by
the step that is a multiple of 32) would pass: none of s+1 .. s+k is one, or the clock, read as
_tick reads it, is within the deadline. The raw closure only reads names and computes on ints and floats
as apply_binary's first tests do (a float pair at once; two ints at once for an operator that
cannot make a big int, under SizeGuard._clearly_small's bound for `+ - *` and `**`); anything else
(a tensor, a bool, a name no scope holds, an int past the bound, a division by zero, an overflow)
raises, and then the step count is put back and the tree runs through its per-node closures,
which raise or compute exactly as before. That is exact because the raw closure has no effect: it
reads the scopes and does arithmetic on plain numbers, nothing else. A call site whose raw closure
keeps failing (a tensor expression) stops trying after MAX_MISSES.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from autogradlab.lang import compiled_number_pairs as number_pairs
from autogradlab.lang.ast_walk import child_nodes
from autogradlab.lang.operators import _PY_NAMES, BINARY, COMPARE, UNARY
from autogradlab.lang.sizes import _PYTHON_SIZED_OPS

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]
MAX_NODES = 24        # a tree this big never fits between two time checks often enough
MAX_MISSES = 8        # raw failures before a call site keeps to its per-node closures
_PLAIN_COMPARE = frozenset({"eq", "ne", "lt", "le", "gt", "ge"})
DIRECT, LINEAR, POWER = 0, 1, 2
CONSTANT, NAME, TREE = 0, 1, 2


class Slow(Exception):
    """The raw closure cannot answer: the per-node closures run instead."""


def _read(interp: Interpreter, name: str) -> Any:
    scope = interp.scope
    while scope is not None:
        values = scope.vars
        if name in values:
            return values[name]
        scope = scope.parent
    raise Slow


def _operand(interp: Interpreter, node: ast.expr) -> tuple[int, Any, int] | None:
    """(kind, value/name/closure, nodes) of a child, or None when the tree is not plain arithmetic."""
    kind = type(node)
    if kind is ast.Constant:
        if type(node.value) in (int, float):
            return CONSTANT, node.value, 1
        return None
    if kind is ast.Name:
        return (NAME, node.id, 1) if not node.id.startswith("__") else None
    found = raw_tree(interp, node)
    return None if found is None else (TREE, found[0], found[1])


def raw_tree(interp: Interpreter, node: ast.expr) -> tuple[Run, int] | None:
    """(raw closure, node count) of a plain-arithmetic tree rooted at an operator, or None."""
    kind = type(node)
    if kind is ast.BinOp and type(node.op) in BINARY:
        name, fn = BINARY[type(node.op)][:2]
        left, right = node.left, node.right
    elif kind is ast.Compare and len(node.ops) == 1 and type(node.ops[0]) in COMPARE \
            and COMPARE[type(node.ops[0])][0] in _PLAIN_COMPARE:
        name, fn = COMPARE[type(node.ops[0])]
        left, right = node.left, node.comparators[0]
    elif kind is ast.UnaryOp and type(node.op) in (ast.USub, ast.UAdd):
        operand = _operand(interp, node.operand)
        if operand is None or operand[2] + 1 > MAX_NODES:
            return None
        return _raw_unary(interp, UNARY[type(node.op)][1], operand), operand[2] + 1
    else:
        return None
    mode = _mode(name)
    if mode is None:
        return None
    first, second = _operand(interp, left), _operand(interp, right)
    if first is None or second is None or first[2] + second[2] + 1 > MAX_NODES:
        return None
    return _raw_binary(interp, fn, mode, first, second), first[2] + second[2] + 1


def _mode(name: str) -> int | None:
    """How two ints meet under the operator (apply_binary's second test, SizeGuard._clearly_small):
    at once (no int result can grow), under the `+ - *` or the `**` bound, or None (`<<`, `@`)."""
    python_name = _PY_NAMES.get(name, name)
    if name == "matmul":
        return None
    if python_name not in _PYTHON_SIZED_OPS:
        return DIRECT
    return LINEAR if python_name in ("add", "sub", "mul") else POWER if python_name == "pow" else None


def _getter(interp: Interpreter, operand: tuple[int, Any, int]) -> Run:
    kind, value, _ = operand
    if kind == TREE:
        return value
    if kind == CONSTANT:
        return lambda: value
    return lambda: _read(interp, value)


def _raw_binary(interp: Interpreter, fn: Callable[..., Any], mode: int, first: tuple, second: tuple) -> Run:
    special = number_pairs.pair(interp, fn, mode, first, second, _read, Slow,
                                (CONSTANT, NAME, TREE, DIRECT, POWER))   # `n ** 2`, `1 / n ** 2`
    if special is not None:
        return special
    bound = interp.limits.max_int_bits - 8   # SizeGuard._clearly_small's
    left_kind, left_value, _ = first
    right_kind, right_value, _ = second
    left_of, right_of = _getter(interp, first), _getter(interp, second)

    def run() -> Any:
        if left_kind == NAME:
            values = interp.scope.vars
            a = values[left_value] if left_value in values else _read(interp, left_value)
        elif left_kind == CONSTANT:
            a = left_value
        else:
            a = left_of()
        if right_kind == NAME:
            values = interp.scope.vars
            b = values[right_value] if right_value in values else _read(interp, right_value)
        elif right_kind == CONSTANT:
            b = right_value
        else:
            b = right_of()
        ta, tb = type(a), type(b)
        if ta is float:
            if tb is float or tb is int:
                return fn(a, b)
        elif ta is int:
            if tb is float:
                return fn(a, b)
            if tb is int and (mode == DIRECT
                              or mode == LINEAR and a.bit_length() + b.bit_length() < bound
                              or mode == POWER and (b <= 0 or -1 <= a <= 1
                                                    or b * a.bit_length() < bound)):
                return fn(a, b)
        raise Slow
    return run


def _raw_unary(interp: Interpreter, fn: Callable[..., Any], operand: tuple) -> Run:
    value_of = _getter(interp, operand)

    def run() -> Any:
        value = value_of()
        if type(value) is float or type(value) is int:
            return fn(value)
        raise Slow
    return run


def _small(node: ast.expr) -> bool:
    """At most MAX_NODES nodes (a bounded walk: a long chain is not compiled twice over)."""
    pending, seen = [node], 0
    while pending:
        seen += 1
        if seen > 2 * MAX_NODES:   # the operators' own nodes (ast.Add) are counted too
            return False
        pending.extend(child_nodes(pending.pop()))   # ast.iter_child_nodes' children
    return True


def numeric(interp: Interpreter, node: ast.expr, per_node: Run) -> Run:
    """The expression's closure: its raw closure when its steps fit, else `per_node`."""
    found = raw_tree(interp, node) if _small(node) else None
    if found is None:
        return per_node
    raw, count = found
    free = 32 - count   # s % 32 below this: none of s+1 .. s+count is a multiple of 32
    misses = [0]

    def run() -> Any:
        s = interp._steps
        if misses[0] < MAX_MISSES and s + count <= interp._max_steps \
                and ((s & 31) < free or interp.in_time()):   # the time check one of them makes
            interp._steps = s + count
            try:
                return raw()
            except Exception:  # noqa: BLE001 - Slow, or an error the per-node closures will raise
                interp._steps = s
                misses[0] += 1
        return per_node()
    return run


def raw_value(interp: Interpreter, node: ast.expr) -> tuple[Run, int] | None:
    """(raw closure, node count) of plain arithmetic, a name or an int/float constant, or None."""
    if not _small(node):
        return None
    operand = _operand(interp, node)
    return None if operand is None else (_getter(interp, operand), operand[2])


def _arithmetic(interp: Interpreter, name: str, fn: Callable[..., Any]) -> Callable[[Any, Any], Any] | None:
    """fn(a, b) for two plain numbers as _raw_binary computes it (Slow otherwise), or None."""
    mode = _mode(name)
    if mode is None:
        return None
    bound = interp.limits.max_int_bits - 8

    def compute(a: Any, b: Any) -> Any:
        ta, tb = type(a), type(b)
        if ta is float:
            if tb is float or tb is int:
                return fn(a, b)
        elif ta is int:
            if tb is float:
                return fn(a, b)
            if tb is int and (mode == DIRECT
                              or mode == LINEAR and a.bit_length() + b.bit_length() < bound
                              or mode == POWER and (b <= 0 or -1 <= a <= 1
                                                    or b * a.bit_length() < bound)):
                return fn(a, b)
        raise Slow
    return compute
