"""Session 37 (breadth, issue 9): an element read out of a NumPy string array (or a record's 'U' field) is
NumPy's np.str_, shown `np.str_('ab')` as a bare expression, in a list, by `%r` and in the Variables, as
plain NumPy shows it (it was a plain str, shown 'ab'); str's methods and operators give what NumPy gives,
sized as a str's are."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare

N = "import numpy as np\n"


@pytest.mark.parametrize("snippet", [
    "a = np.array(['ab'])\na[0]\n",
    "a = np.array(['ab', 'cde'])\ns = a[0]\nprint(s, repr(s), type(s), [s, a[1]], (s,), {s: 1})\ns\na[1]\n"
    "z = s.upper()\nz\nprint(s + 'x', 'x' + s, s * 2, 3 * s, len(s), s == 'ab', s[0], s[::-1])\n",
    "a = np.array(['%d-%s', 'ab', 'b'])\ns = a[0]\nprint(repr(s % (5, 'x')), '%r' % a[1], '%s|%r' % (s, s))\n"
    "print(sorted(a), sorted([a[1], 'a']), sorted(a, key=len), max(a), min(a))\n"
    "print(f'{s} {s!r} {s:>7}', list(zip(a, [1, 2, 3])), dict(zip(a, range(3))))\n"
    "t = a[1]\nt += 'c'\nt\nu = a[2]\nu *= 2\nu\n",
    "a = np.array(['b', 'a'])\nfor x in a:\n    print(x, repr(x))\nprint([x for x in a], list(a))\n"
    "import collections\nprint(collections.Counter(np.array(['a', 'b', 'a'])))\n",
    "a = np.array([['ab', 'c'], ['d', 'e']])\nrow = a[0]\nrow\nrow[1]\na[1, 0]\ndel row\n",
    "a = np.array([('ab', 1)], dtype=[('n', 'U5'), ('v', 'i4')])\nx = a[0]['n']\nx\na['n'][0]\na[0][0]\n",
    "a = np.array(['ab'])\ntry:\n    sorted([a[0], 1])\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    a[0] < 1\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    sum([a[0]], a[0])\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    a[0] + 1\nexcept TypeError as e:\n    print(e)\n",
])
def test_string_items_are_numpy_str_scalars(snippet: str) -> None:
    compare(N + snippet + "del a\n")   # (a string array is an 'object' in the Variables, NumPy's 'array')


@pytest.mark.parametrize("expression", [
    "np.array(['%99999999d'])[0] % 5",   # the item's `%`: its width sized as a str's
    "'%99999999s' % np.array(['ab'])[0]",
    "np.array(['%s%s'])[0] % ('x' * 60000, 'y' * 60000)",
    "np.array(['ab'])[0] * 60000",
    "f'{np.array([\"ab\"])[0]!r:>99999999}'",
    "np.array(['ab'])[0].center(10**9)",
])
def test_string_items_are_sized_as_str(expression: str) -> None:
    report = run_program(N + f"x = {expression}\n")
    assert not report.ok and report.error.kind == "limit", report.error


def test_numpy_only_attributes_of_an_item_stay_refused() -> None:
    for name in ("dtype", "item()", "view", "tolist()"):
        report = run_program(N + f"s = np.array(['ab'])[0]\ns.{name}\n")
        assert not report.ok and "numpy.str_" in report.error.message, report.error
