"""`'%d items' % n`: how long printf-style formatting makes a string, known before formatting.

Widths and precisions (`'%099999999d' % 1`, `'%.99999999f' % x`, `'%*d' % (10**9, 1)`, the width
taken from the arguments) make a result far longer than the format and its operands; `%s` of a
hugely shared list would print all of it, and `'%(a)s' * 19000 % {'a': s}` prints one value many
times. All are refused first, with the limit they exceed; what remains is short, and its exact
length is checked after formatting as before."""

from __future__ import annotations

import re
from typing import Any

# One directive: %[(key)][flags][width][.precision][length]type
_DIRECTIVE = re.compile(r"%(?:\(([^)]*)\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.?)", re.DOTALL)
_HUGE = 10**10   # a width or precision written with this many digits or more


def _chars(value: Any) -> int:
    """Characters a str or int argument writes (other values: bounded by their text weight)."""
    if isinstance(value, str):
        return len(value)
    if type(value) is int:
        return value.bit_length() * 30103 // 100000 + 2
    return 0


def check_percent_format(sizes: Any, fmt: str, args: Any) -> None:
    """Refuse `fmt % args` when the text would exceed max_sequence_len (sizes: a SizeGuard)."""
    directives = [d for d in _DIRECTIVE.findall(fmt) if d[3] != "%"]
    sizes.check_text_weight(args, "the %-formatted string")   # `'%s' % {...}` prints it whole
    if isinstance(args, dict):   # a key may be used many times: weigh every use
        used = [args[key] for key, *_ in directives if key in args]
        sizes.check_text_weight(used, "the %-formatted string")
    else:
        used = list(args) if isinstance(args, tuple) else [args]
    values = used if not isinstance(args, dict) else []
    position, padding = 0, sum(_chars(value) for value in used)
    for _key, width, precision, _conversion in directives:
        for part in (width, precision):
            if part == "*":   # the next argument is the width/precision
                value = values[position] if position < len(values) else 0
                padding += abs(value) if type(value) is int else 0
                position += 1
            elif part:
                padding += int(part) if len(part) < 10 else _HUGE
        position += 1
    sizes.charge_sequence(len(fmt) + padding, "the %-formatted string")   # an upper bound of its length
