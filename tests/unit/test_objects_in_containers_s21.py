"""Session 21's uses of the program's objects and classes (issue 9): classes in lists and dicts, objects
in sets, generators yielding objects, copy.copy/deepcopy, '%' and str.format with objects; each
compared with real Python (tests/oracle.py), and what library calls still refuse."""

from __future__ import annotations

import pytest

from tests.unit.test_stored_objects import compare, refused

NAMED = '''class A:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"A({self.n})"
    def __str__(self):
        return f"a{self.n}"
'''


@pytest.mark.parametrize("tail", [
    # a list (tuple, dict) of classes
    "class B(A):\n    pass\nkinds = [A, B]\nx = kinds[1](3)\nd = {'a': A}\nprint(kinds, d, (A,), x, "
    "isinstance(x, kinds[0]), B in kinds, kinds.index(B), type(x) in kinds)\nys = [k(i) for i, k in "
    "enumerate(kinds)]\n",
    # sets of objects: identity, methods, operators, comprehensions, `in` (sets of two or more objects
    # stay local: CPython's order of them follows their addresses)
    "def main():\n    a, b = A(1), A(2)\n    s = {a}\n    s.add(b)\n    s.add(a)\n    t = set([a, b, a])\n"
    "    u = {x for x in [a, b, a]}\n"
    "    print(len(s), a in s, A(1) in s, s == t, u == t, sorted(x.n for x in s))\n    s.discard(a)\n"
    "    print(s, len(s | t), s.issubset(t), len(t - s), len(s & t), len(s ^ t), s <= t, s < t)\n"
    "    v = s.copy()\n    v.update([a])\n    s |= t\n    print(len(v), len(s), b not in s)\nmain()\n",
    "a = A(1)\ns = {a, 1}\nprint(len(s), 1 in s, a in s)\ns.remove(a)\nprint(s)\nx = A(5)\ns = {x}\n"
    "print(s, f'{s}', str(s), repr(s), '{}'.format(s), s.pop() is x, s)\ndel s\n",
    # micrograd's trace(): a set of (child, parent) tuples of objects
    "def trace(root):\n    nodes, edges = set(), set()\n    def build(v):\n        if v not in nodes:\n"
    "            nodes.add(v)\n            for child in v.kids:\n                edges.add((child, v))\n"
    "                build(child)\n    build(root)\n    return nodes, edges\na, b = A(1), A(2)\na.kids = []\n"
    "b.kids = [a]\nc = A(3)\nc.kids = [a, b]\nn, e = trace(c)\n"
    "print(len(n), len(e), sorted((x.n, y.n) for x, y in e), (a, c) in e, (c, a) in e)\n"
    "e.add((a, 1, 'k'))\nprint(len(e))\ndel n, e\n",
    # generators yielding objects
    "def gen(k):\n    for i in range(k):\n        yield A(i)\n    yield from [A(10)]\ng = gen(2)\n"
    "first = next(g)\nrest = list(g)\nit = iter(rest)\n"
    "print(first, rest, next(it), next(it), next(it, None))\n"
    "print(any(o.n > 5 for o in gen(3)), [o.n for o in gen(2)], max(gen(3), key=lambda o: o.n))\ndel g, it\n",
    # copies
    "import copy\nimport torch\nxs = [A(1), A(2)]\nxs.append(xs[0])\nys = copy.copy(xs)\n"
    "zs = copy.deepcopy(xs)\nprint(ys[0] is xs[0], zs[0] is xs[0], zs[0] is zs[2], zs)\nzs[1].n = 9\n"
    "print(xs, zs)\no = copy.copy(xs[1])\no.n = 7\nprint(xs[1], o, o is xs[1])\nt = (1, (2, 'a'))\n"
    "print(copy.deepcopy(t) is t, copy.copy(t) is t)\nc = [1]\nc.append(c)\ncc = copy.deepcopy(c)\n"
    "print(cc[1] is cc, cc is c, cc)\ndel c, cc\nw = A(torch.tensor([1.0, 2.0], requires_grad=True))\n"
    "w2 = copy.deepcopy(w)\nprint(w2.n is w.n, w2.n.requires_grad, w2.n.is_leaf)\n"
    "d = copy.deepcopy({'k': [A(3)], 's': {A(4)}})\n",
    # text through the object's own __str__/__repr__
    "a = A(1)\nprint('%s|%r|%a|%-6r|%.2r|%5s' % (a, a, a, a, a, a), '%(k)s %(k)r %(n)d' % {'k': a, 'n': 3})\n"
    "print('%s' % [a], '%s' % a, '%r' % (a,), '%s and %d%%' % ({'x': (a,)}, 7), '%*s|' % (4, a))\n",
    "xs = [A(1), A(2)]\nprint(', '.join(str(x) for x in xs), ' '.join(map(repr, xs)),\n"
    "      '{} {!r} {!s:>9}'.format(xs, xs[0], xs))\n",
])
def test_runs_as_python_does(tail):
    compare(NAMED + tail)


@pytest.mark.parametrize(("tail", "says"), [
    ("import torch\ntorch.tensor(list({A(1)}))\n", "the `A` object cannot be used in `torch.tensor`"),
    ("import numpy as np\nnp.array({A(1)})\n", "the `A` object cannot be used in `np.array`"),
    ("import torch\ntorch.tensor([A])\n", "the class `A` cannot be used in `torch.tensor`"),
    ("import torch\ndef g():\n    yield A(1)\ntorch.tensor(list(g()))\n", "the `A` object cannot be used"),
    ("import torch\nimport copy\ntorch.tensor(copy.deepcopy([A(1)]))\n", "the `A` object cannot be used"),
    ("print(sum({A(1)}))\n", "unsupported operand"),
    ("s = {A(1), A(2)}\nprint(sorted(s))\n", "'<' not supported between instances of 'A' and 'A'"),
    ("import copy\nclass B:\n    def f(self):\n        pass\nb = B()\nb.m = b.f\ncopy.deepcopy(b)\n",
     "`copy.deepcopy` of tensors, numpy arrays, numbers, lists"),
])
def test_library_calls_still_refuse_them(tail, says):
    kind = "type" if "unsupported operand" in says or "not supported between" in says else "unsupported"
    refused(NAMED + tail, says, kind)


@pytest.mark.parametrize(("tail", "kind", "says"), [
    ("print('%d' % A(1))\n", "type", "%d format: a real number is required, not A"),
    ("print('%x' % A(1))\n", "type", "%x format: an integer is required, not A"),
    ("print('%s %s' % A(1))\n", "type", "not enough arguments for format string"),
    ("print('%s' % (A(1), A(2)))\n", "type", "not all arguments converted during string formatting"),
    ("print('hi' % A(1))\n", "type", "not all arguments converted during string formatting"),
    ("print('{:>5}'.format([A(1)]))\n", "type", "unsupported format string passed to list.__format__"),
    ("print(', '.join([A(1)]))\n", "unsupported", "the `A` object cannot be used in `.join()`"),
])
def test_text_errors_say_what_python_says(tail, kind, says):
    refused(NAMED + tail, says, kind)
