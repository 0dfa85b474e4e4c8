"""`'%d items' % n`: how long printf-style formatting makes a string, known before formatting.

Widths and precisions (`'%099999999d' % 1`, `'%.99999999f' % x`, `'%*d' % (10**9, 1)`, the width
taken from the arguments) make a result far longer than the format and its operands; `%s` of a
hugely shared list would print all of it, and `'%(a)s' * 19000 % {'a': s}` prints one value many
times. All are refused first, with the limit they exceed; what remains is short, and its exact
length is checked after formatting as before.

The directives are read as CPython reads them (unicodeobject.c): a mapping key runs to its matching
parenthesis, nested ones included. A regex that stopped at the first `)` missed the width of
`'%((a)x)0999999999d' % {'(a)x': 1}` (red team, session 31: CPython built the 1 GB text, 0.4 s, before the
length was checked; a width of 2,000,000,000 ended the worker out of memory)."""

from __future__ import annotations

from typing import Any, NamedTuple

_HUGE = 10**10   # a width or precision written with this many digits or more
_DIGITS = frozenset("0123456789")   # CPython's Py_ISDIGIT: ASCII digits only


def _number(fmt: str, i: int) -> tuple[str, int]:
    """A `*` or a run of digits at fmt[i] (maybe empty), and the index after it."""
    if i < len(fmt) and fmt[i] == "*":
        return "*", i + 1
    start = i
    while i < len(fmt) and fmt[i] in _DIGITS:
        i += 1
    return fmt[start:i], i


class Directive(NamedTuple):
    start: int           # fmt[start:end] is the directive, from its `%` to its conversion character
    end: int
    key: str | None      # `%(key)s`
    width: str           # digits, "*" or ""
    precision: str
    conversion: str      # "" when the text ends first


def directives(fmt: str) -> list[Directive]:
    """Each directive but `%%`, read as CPython reads %[(key)][flags][width][.precision][length]type
    (a key's parentheses nest)."""
    found: list[Directive] = []
    i, end = 0, len(fmt)
    while (i := fmt.find("%", i)) >= 0:
        start = i
        i += 1
        if i < end and fmt[i] == "%":   # `%%` only: `%5%` takes an argument, as CPython's parser does
            i += 1
            continue
        key = None
        if i < end and fmt[i] == "(":
            depth, opened = 1, i + 1
            i += 1
            while i < end and depth:
                depth += {"(": 1, ")": -1}.get(fmt[i], 0)
                i += 1
            if depth:   # CPython: "incomplete format key"
                break
            key = fmt[opened:i - 1]
        while i < end and fmt[i] in "-+ #0":
            i += 1
        width, i = _number(fmt, i)
        precision = ""
        if i < end and fmt[i] == ".":
            precision, i = _number(fmt, i + 1)
        if i < end and fmt[i] in "hlL":
            i += 1
        found.append(Directive(start, min(i + 1, end), key, width, precision, fmt[i:i + 1]))
        i += 1
    return found


def _chars(value: Any) -> int:
    """Characters a str or int argument writes (other values: bounded by their text weight)."""
    if isinstance(value, str):
        return len(value)
    if type(value) is int:
        return value.bit_length() * 30103 // 100000 + 2
    return 0


def check_percent_format(sizes: Any, fmt: str, args: Any) -> None:
    """Refuse `fmt % args` when the text would exceed max_sequence_len (sizes: a SizeGuard)."""
    parsed = directives(fmt)
    sizes.check_text_weight(args, "the %-formatted string")   # `'%s' % {...}` prints it whole
    if isinstance(args, dict):   # a key may be used many times: weigh every use
        used = [args[d.key] for d in parsed if d.key in args]
        sizes.check_text_weight(used, "the %-formatted string")
    else:
        used = list(args) if isinstance(args, tuple) else [args]
    values = used if not isinstance(args, dict) else []
    position, padding = 0, sum(_chars(value) for value in used)
    for directive in parsed:
        for part in (directive.width, directive.precision):
            if part == "*":   # the next argument is the width/precision
                value = values[position] if position < len(values) else 0
                padding += abs(value) if type(value) is int else 0
                position += 1
            elif part:
                padding += int(part) if len(part) < 10 else _HUGE
        position += 1
    sizes.charge_sequence(len(fmt) + padding, "the %-formatted string")   # an upper bound of its length
