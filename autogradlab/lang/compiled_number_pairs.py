"""compiled_numbers._raw_binary for the commonest operand pairs, one closure each (issue 9).

`n ** 2`, `n % 10` (a name and a constant), `1 / n ** 2` (a constant and a tree), `n % 10 == 0` (a
tree and a constant): _raw_binary asks on every call which kind each operand is and which bound the
operator has. Here the kinds are fixed when the closure is made and the constant's type is known, so
a call reads the name (or calls the tree), tests the types and computes: the same reads, the same
answers and the same Slow for everything else (a bool, a tensor, an int past the bound, a name in
no scope: compiled_numbers' per-node closures then run). The int bound is also turned around once:
with the constant known, _raw_binary's test of the other int becomes one comparison of its
bit_length (or of its value, for `c ** tree`) with a precomputed number. When the tree is itself
a name and a constant (`n % 10 == 0`, `1 / n ** 2`), its closure's tests are made inline
(pair_constant, constant_pair: its `parts`), one Python call less per pass.
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
        b = right
        free, max_bits, small = _left_test(b, at_once, is_power, bound)
        if left_kind == name:
            def name_constant() -> Any:
                values = interp.scope.vars
                a = values[left] if left in values else read(interp, left)
                ta = type(a)
                if ta is float or ta is int and (free or a.bit_length() <= max_bits
                                                 or small and -1 <= a <= 1):
                    return fn(a, b)
                raise slow
            name_constant.parts = (fn, left, b, free, max_bits, small)   # for an enclosing pair
            return name_constant
        inner = getattr(left, "parts", None) if left_kind == tree else None
        if inner is not None:   # `n % 10 == 0`: the tree is a name and a constant, read inline
            fn1, name1, b1, free1, max1, small1 = inner

            def pair_constant() -> Any:
                values = interp.scope.vars
                a = values[name1] if name1 in values else read(interp, name1)
                ta = type(a)
                if ta is float or ta is int and (free1 or a.bit_length() <= max1 or small1 and -1 <= a <= 1):
                    a = fn1(a, b1)
                    ta = type(a)
                    if ta is float or ta is int and (free or a.bit_length() <= max_bits
                                                     or small and -1 <= a <= 1):
                        return fn(a, b)
                raise slow
            # for compiled_number_fused, which computes it inline in an `if` statement's closure
            pair_constant.pair_parts = (fn1, name1, b1, free1, max1, small1, fn, b, free, max_bits, small)
            return pair_constant
        if left_kind == tree:
            def tree_constant() -> Any:
                a = left()
                ta = type(a)
                if ta is float or ta is int and (free or a.bit_length() <= max_bits
                                                 or small and -1 <= a <= 1):
                    return fn(a, b)
                raise slow
            return tree_constant
    if left_kind == constant and right_kind == tree and type(left) in (int, float):
        a = left
        free, max_b, max_bits = _right_test(a, at_once, is_power, bound)
        inner = getattr(right, "parts", None)
        if inner is not None:   # `1 / n ** 2`: the tree is a name and a constant, read inline
            fn1, name1, b1, free1, max1, small1 = inner

            def constant_pair() -> Any:
                values = interp.scope.vars
                b = values[name1] if name1 in values else read(interp, name1)
                tb = type(b)
                if tb is float or tb is int and (free1 or b.bit_length() <= max1 or small1 and -1 <= b <= 1):
                    b = fn1(b, b1)
                    tb = type(b)
                    if tb is float or tb is int and (free or (b <= max_b if is_power
                                                              else b.bit_length() <= max_bits)):
                        return fn(a, b)
                raise slow
            # for compiled_number_fused, which computes it inline in an `op=` statement's closure
            constant_pair.pair_parts = (fn1, name1, b1, free1, max1, small1, a, fn, free, max_b, max_bits,
                                        is_power)
            return constant_pair

        def constant_tree() -> Any:
            b = right()
            tb = type(b)
            if tb is float or tb is int and (free or (b <= max_b if is_power
                                                      else b.bit_length() <= max_bits)):
                return fn(a, b)
            raise slow
        return constant_tree
    return None


def _left_test(b: int | float, at_once: bool, is_power: bool, bound: int) -> tuple[bool, int, bool]:
    """(free, max_bits, small) for `a <op> b` with b a constant and a an int: _raw_binary lets it
    through when free, or a.bit_length() <= max_bits, or small and -1 <= a <= 1."""
    if type(b) is float or at_once or is_power and b <= 0:
        return True, 0, False
    if is_power:   # b * a.bit_length() < bound, b > 0; or -1 <= a <= 1
        max_bits = (bound - 1) // b
        return False, max_bits, max_bits < 1   # (a bit_length of 1 or 0 passes already otherwise)
    return False, bound - b.bit_length() - 1, False   # a.bit_length() + b.bit_length() < bound


def _right_test(a: int | float, at_once: bool, is_power: bool, bound: int) -> tuple[bool, int, int]:
    """(free, max_b, max_bits) for `a <op> b` with a a constant and b an int: _raw_binary lets it
    through when free, or (for `**`) b <= max_b, or (for `+ - *`) b.bit_length() <= max_bits."""
    if type(a) is float or at_once or is_power and -1 <= a <= 1:
        return True, 0, 0
    if is_power:   # b <= 0 or b * a.bit_length() < bound (a.bit_length() >= 2 here)
        return False, max(0, (bound - 1) // a.bit_length()), 0
    return False, 0, bound - a.bit_length() - 1
