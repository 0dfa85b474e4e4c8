"""`'%d items' % n`: how long printf-style formatting makes a string, known before formatting.

Widths and precisions (`'%099999999d' % 1`, `'%.99999999f' % x`, `'%*d' % (10**9, 1)`, the width
taken from the arguments) make a result far longer than the format and its operands, and `%s` of a
hugely shared list would print all of it: both are refused first, with the limit they exceed;
what remains is short, and its exact length is checked after formatting as before."""

from __future__ import annotations

import re
from typing import Any

# One directive: %[(key)][flags][width][.precision][length]type
_DIRECTIVE = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.?)", re.DOTALL)
_HUGE = 10**10   # a width or precision written with this many digits or more


def check_percent_format(sizes: Any, fmt: str, args: Any) -> None:
    """Refuse `fmt % args` when the text would exceed max_sequence_len (sizes: a SizeGuard)."""
    sizes.check_text_weight(args, "the %-formatted string")
    values = list(args) if isinstance(args, tuple) else [args]
    position, padding = 0, 0
    for width, precision, conversion in _DIRECTIVE.findall(fmt):
        if conversion == "%":
            continue
        for part in (width, precision):
            if part == "*":   # the next argument is the width/precision
                value = values[position] if position < len(values) else 0
                padding += abs(value) if type(value) is int else 0
                position += 1
            elif part:
                padding += int(part) if len(part) < 10 else _HUGE
        position += 1
    sizes.check_length(len(fmt) + padding, "the %-formatted string")
