"""Session 37 (breadth, issue 9): bytes as dictionary keys and set items (hashed as their bytes), and
printf-style formatting of bytes (`b'%d' % 5`, PEP 461), compared with CPython on the same text; the
formatted bytes sized before CPython makes them, and only plain arguments given to it
(lang/bytes_percent.py)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth_s30 import same_as_python

PERCENT = """print(b'%d' % 5, b'%5.2f|%-4d|%x|%c' % (3.14159, 7, 255, 65), b'%s and %b' % (b'ab', b'cd'))
print(b'%r %a' % ('h\\xe9', b'\\xff'), b'%(n)d-%(m)s' % {b'n': 1, b'm': b'x'}, b'%%d %d' % True)
print(b'%*d' % (6, 42), b'%.3s' % b'abcdef', b'%05.1f' % 2.25, b'%e' % 12345.678)
for bad in [lambda: b'%s' % 'text', lambda: b'%d' % b'x', lambda: b'%d %d' % (1,), lambda: b'%d' % (1, 2),
            lambda: b'%(k)d' % {b'n': 1}, lambda: b'%q' % 1, lambda: b'%s' % None]:
    try:
        print(bad())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
x = b'%d' % 3
x
"""
KEYS = """d = {b'a': 1, 'a': 2}
d[b'b'] = 3
print(d, d[b'a'], b'b' in d, d.get(b'z'), sorted(d.keys(), key=str))
s = {b'x', b'x', b'y'}
print(len(s), b'x' in s)
del s   # (a set of bytes: CPython's order changes with the process's hash seed)
t = {(b'a', 1): 'v'}
print(t[(b'a', 1)])
import numpy as np
r = np.array([b'ab', b'c'])
e = {r[0]: 1}
print(e, e.get(b'ab'))
from collections import Counter
print(Counter([b'a', b'b', b'a']))
"""


@pytest.mark.parametrize("snippet", [PERCENT, KEYS])
def test_bytes_format_and_key_as_python(snippet: str) -> None:
    same_as_python(snippet)


@pytest.mark.parametrize("expression", [
    "b'%99999999d' % 5", "b'%.99999999f' % 1.5", "b'%*d' % (10**9, 1)",
    "b'%s%s' % (b'x' * 60000, b'y' * 60000)", "b'%a' % ('\\U0010ffff' * 20000)",
    "b'%(k)s' * 30000 % {b'k': b'xxxx'}",
])
def test_bytes_formatting_is_sized_first(expression: str) -> None:
    report = run_program(f"x = {expression}\n")
    assert not report.ok and report.error.kind == "limit", report.error


def test_bytes_formatting_takes_only_plain_arguments() -> None:
    for args in ("[1]", "(torch.ones(2),)", "{b'k': [1]}"):
        report = run_program(f"import torch\nx = b'%s' % {args}\n")
        assert not report.ok and "`%` formatting of bytes takes numbers" in report.error.message, report.error
