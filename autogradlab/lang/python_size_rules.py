"""What sizes.SizeGuard needs to size Python values: the int ops it sizes, an int's label in a limit
message, and the limit on comparing nested containers item by item.
"""

from __future__ import annotations

from typing import Any

from autogradlab.errors import LimitExceeded
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.text_weight import MAX_WEIGHT_DEPTH
from autogradlab.limits import DEFAULT_LIMITS

_PYTHON_SIZED_OPS = frozenset({"pow", "lshift", "mul", "add", "sub"})


def _int_label(n: int) -> str:
    """An operand in a limit message: its digits when short, else its size (turning a 5,000-digit
    int into text raises in Python 3.11+)."""
    return str(n) if n.bit_length() <= 64 else f"<an int of {n.bit_length():,} bits>"


def iterable_length(value: Any) -> int:
    """len(value) of a sized iterable; a range too long for len() (range(10**20)) counted exactly."""
    if type(value) is range:
        return max(0, -((value.start - value.stop) // value.step))
    return len(value)


_COMPARISONS = frozenset({"eq", "ne", "lt", "le", "gt", "ge", "in", "not_in"})
_COMPARE_SYMBOLS = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">=", "in": "in",
                    "not_in": "not in"}
_CONTAINERS = (list, tuple, dict, ProgramSet, type({}.keys()), type({}.values()), type({}.items()))
COMPARE_WEIGHT = DEFAULT_LIMITS.max_total_sequence_items // 10   # ~0.2 s of C-level comparisons


def _compare_limit(what: str, *operands: Any) -> LimitExceeded:
    if any(nested_deeper_than(value, MAX_WEIGHT_DEPTH) for value in operands):   # `t[0] == t[0][0]`
        return LimitExceeded(f"{what} would compare lists or tuples nested more than {MAX_WEIGHT_DEPTH} deep "
                             "item by item (Autograd Lab compares at most that deep; Python itself "
                             "stops near 1,000 levels with a RecursionError)",
                             hint="compare smaller parts (limit max_total_sequence_items / 10)")
    return LimitExceeded(f"{what} would compare more than {COMPARE_WEIGHT:,} values of these nested lists "
                         "item by item (lists shared inside them count each time they appear)",
                         hint="compare smaller parts (limit max_total_sequence_items / 10)")


def nested_deeper_than(value: Any, depth: int, visits: int = 100_000) -> bool:
    """A list, tuple or dict (its values) nests more than `depth` levels down some path: the message of
    a refused comparison names the depth when that is why (text_weight weighs anything deeper than
    MAX_WEIGHT_DEPTH above the cap). Each container once, at most `visits` of them (then False)."""
    stack, seen = [(value, 0)], set()
    while stack and visits > 0:
        item, level = stack.pop()
        if not isinstance(item, list | tuple | dict) or id(item) in seen:
            continue
        if level >= depth:
            return True
        seen.add(id(item))
        visits -= 1
        stack.extend((part, level + 1) for part in (item.values() if isinstance(item, dict) else item))
    return False
