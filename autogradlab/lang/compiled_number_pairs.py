"""compiled_numbers._raw_binary for the commonest operand pairs, one closure each (issue 9).

`n ** 2`, `n % 10` (a name and a constant), `1 / n ** 2` (a constant and a tree), `n % 10 == 0` (a
tree and a constant): _raw_binary asks on every call which kind each operand is and which bound the
operator has. Here the kinds are fixed when the closure is made and the constant's type is known, so
a call reads the name (or calls the tree), tests the types and computes: the same reads, the same
answers and the same Slow for everything else (a bool, a tensor, an int past the bound, a name in
no scope: compiled_numbers' per-node closures then run).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]


def pair(interp: Interpreter, fn: Callable[..., Any], mode: int, first: tuple, second: tuple,
         read: Callable[[Interpreter, str], Any], slow: type[Exception],
         kinds: tuple[int, int, int, int, int]) -> Run | None:
    """The specialised closure of (first, second), or None for the other pairs. `kinds`: the
    CONSTANT, NAME, TREE, DIRECT and POWER codes of compiled_numbers."""
    constant, name, tree, direct, power = kinds
    bound = interp.limits.max_int_bits - 8   # SizeGuard._clearly_small's
    at_once, is_power = mode == direct, mode == power
    left_kind, left, _ = first
    right_kind, right, _ = second
    if right_kind == constant and type(right) in (int, float):
        b, b_float = right, type(right) is float
        if left_kind == name:
            def name_constant() -> Any:
                values = interp.scope.vars
                a = values[left] if left in values else read(interp, left)
                ta = type(a)
                if ta is float or ta is int and (b_float or at_once or _fit(a, b, is_power, bound)):
                    return fn(a, b)
                raise slow
            return name_constant
        if left_kind == tree:
            def tree_constant() -> Any:
                a = left()
                ta = type(a)
                if ta is float or ta is int and (b_float or at_once or _fit(a, b, is_power, bound)):
                    return fn(a, b)
                raise slow
            return tree_constant
    if left_kind == constant and right_kind == tree and type(left) in (int, float):
        a, a_float = left, type(left) is float

        def constant_tree() -> Any:
            b = right()
            tb = type(b)
            if tb is float or tb is int and (a_float or at_once or _fit(a, b, is_power, bound)):
                return fn(a, b)
            raise slow
        return constant_tree
    return None


def _fit(a: int, b: int, is_power: bool, bound: int) -> bool:
    """_raw_binary's test of two ints under the `**` (POWER) or the `+ - *` (LINEAR) bound."""
    if is_power:
        return b <= 0 or -1 <= a <= 1 or b * a.bit_length() < bound
    return a.bit_length() + b.bit_length() < bound
