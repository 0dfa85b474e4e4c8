"""What sizes.SizeGuard needs to size Python values: the int ops it sizes, an int's label in a limit
message, and the limit on comparing nested containers item by item.
"""

from __future__ import annotations

from autogradlab.errors import LimitExceeded
from autogradlab.lang.set_value import ProgramSet
from autogradlab.limits import DEFAULT_LIMITS

_PYTHON_SIZED_OPS = frozenset({"pow", "lshift", "mul", "add", "sub"})


def _int_label(n: int) -> str:
    """An operand in a limit message: its digits when short, else its size (turning a 5,000-digit
    int into text raises in Python 3.11+)."""
    return str(n) if n.bit_length() <= 64 else f"<an int of {n.bit_length():,} bits>"


_COMPARISONS = frozenset({"eq", "ne", "lt", "le", "gt", "ge", "in", "not_in"})
_COMPARE_SYMBOLS = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">=", "in": "in",
                    "not_in": "not in"}
_CONTAINERS = (list, tuple, dict, ProgramSet, type({}.keys()), type({}.values()), type({}.items()))
COMPARE_WEIGHT = DEFAULT_LIMITS.max_total_sequence_items // 10   # ~0.2 s of C-level comparisons


def _compare_limit(what: str) -> LimitExceeded:
    return LimitExceeded(f"{what} would compare more than {COMPARE_WEIGHT:,} values of these nested lists "
                         "item by item (lists shared inside them count each time they appear)",
                         hint="compare smaller parts (limit max_total_sequence_items / 10)")
