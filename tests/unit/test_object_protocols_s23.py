"""Session 23: the object protocols tutorials use that were refused: `__next__` (a class that is its own
iterator, ending with `raise StopIteration`), `__index__`, `__format__`, `__getattr__`, `__hash__ = None`,
sorted() of tuples holding objects with `__lt__`, and sets of objects with their own `__hash__` in CPython's
order. What a program prints equals plain Python (tests/oracle.py); each method runs under the run's
limits."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted


def same_output(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None, oracle.error
    assert report.ok, report.error
    assert report.printed == oracle.printed


COUNTDOWN = '''class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
'''
VALUE = '''class A:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return isinstance(o, A) and self.v == o.v
    def __repr__(self):
        return f"A({self.v})"
'''


@pytest.mark.parametrize("tail", [
    "for x in Countdown(3):\n    print(x)\n",
    "print(list(Countdown(4)), sum(Countdown(5)), sorted(Countdown(3)), [c * 2 for c in Countdown(2)])\n",
    "c = Countdown(2)\nprint(next(c), next(c), next(c, 'done'))\ntry:\n    next(c)\nexcept StopIteration:\n"
    "    print('stop')\n",
    "c = Countdown(3)\nfor x in c:\n    if x == 2:\n        break\nprint(list(c))\n",
    "class Pop:\n    def __init__(self):\n        self.xs = [1, 2]\n    def __iter__(self):\n"
    "        return self\n    def __next__(self):\n        if not self.xs:\n            raise StopIteration\n"
    "        return self.xs.pop(0)\nprint(list(Pop()), next(Pop()))\n",
    "class NoNext:\n    def __iter__(self):\n        return self\ntry:\n    for x in NoNext():\n"
    "        pass\n"
    "except TypeError as e:\n    print(e)\n",
])
def test_an_object_that_is_its_own_iterator(tail):
    same_output(COUNTDOWN + tail)


def test_python_tutorial_reverse_iterator():
    same_output('''class Reverse:
    """Iterator for looping over a sequence backwards."""
    def __init__(self, data):
        self.data = data
        self.index = len(data)

    def __iter__(self):
        return self

    def __next__(self):
        if self.index == 0:
            raise StopIteration
        self.index = self.index - 1
        return self.data[self.index]

rev = Reverse('spam')
for char in rev:
    print(char)
''')


def test_a_next_that_never_stops_ends_at_a_limit():
    report = run_program("class F:\n    def __iter__(self):\n        return self\n    def __next__(self):\n"
                         "        return 1\nfor x in F():\n    pass\n")
    assert report.error is not None and report.error.kind in ("limit", "timeout")


@pytest.mark.parametrize("tail", [
    "print(list(range(I(3))), list(range(I(1), I(7), I(2))), xs[I(2)], 'abc'[I(1)], (1, 2)[I(0)])\n",
    "xs[I(0)] = 99\nprint(xs, torch.arange(5)[I(2)])\n",
    "class Bad:\n    def __index__(self):\n        return 'x'\ntry:\n    range(Bad())\n"
    "except TypeError as e:\n"
    "    print(e)\n",
    "class No:\n    pass\ntry:\n    xs[No()]\nexcept TypeError as e:\n    print(e)\n",
])
def test_index_gives_ranges_and_sequence_indices(tail):
    same_output("import torch\nclass I:\n    def __init__(self, v):\n        self.v = v\n"
                "    def __index__(self):\n"
                "        return self.v\nxs = [10, 20, 30, 40]\n" + tail)


@pytest.mark.parametrize("tail", [
    'w = 3\n'
    'print(f"{F():>5}", format(F(), "x"), f"{F()}", f"{F():{w}d}", "{:abc}".format(F()), format(F()))\n',
    'print(f"{P()!r:>6}|", f"{P()!s:*<5}", f"{P()}")\n',
    'class Money:\n    def __init__(self, v):\n        self.v = v\n    def __format__(self, spec):\n'
    '        return format(self.v, spec) + " EUR"\nprint(f"{Money(3.14159):.2f}", f"{Money(2)}")\n',
    'class Bad:\n    def __format__(self, spec):\n        return 1\ntry:\n    f"{Bad()}"\n'
    'except TypeError as e:\n'
    '    print(e)\n',
    'try:\n    f"{P():>3}"\nexcept TypeError as e:\n    print(e)\n',
])
def test_format_with_a_spec(tail):
    same_output('class F:\n    def __format__(self, spec):\n        return "F" + spec\n'
                'class P:\n    def __repr__(self):\n        return "P!"\n' + tail)


def test_format_spec_width_is_bounded():
    report = run_program('class P:\n    pass\nx = f"{P()!r:>100000000}"\n')
    assert report.error is not None and report.error.kind == "limit"


@pytest.mark.parametrize("tail", [
    "g = G()\nprint(g.hello, g.real, g.real + 1)\n",
    "class Proxy:\n    def __init__(self, target):\n        self.target = target\n"
    "    def __getattr__(self, name):\n"
    "        return self.target[name]\np = Proxy({'a': 1})\nprint(p.a)\n",
    "class Strict:\n    def __getattr__(self, name):\n        raise AttributeError(f'no {name}')\ntry:\n"
    "    Strict().x\nexcept AttributeError as e:\n    print(e)\n",
    "class Base:\n    def __getattr__(self, name):\n        return 'base ' + name\n"
    "class Sub(Base):\n    pass\n"
    "print(Sub().zz)\n",
])
def test_getattr_is_asked_when_the_lookup_finds_nothing(tail):
    same_output("class G:\n    def __init__(self):\n        self.real = 1\n    def __getattr__(self, name):\n"
                "        return name.upper()\n" + tail)


def test_getattr_recursing_forever_ends_at_the_depth_limit():
    report = run_program("class Loop:\n    def __getattr__(self, name):\n        return self.other\n"
                         "Loop().x\n")
    assert report.error is not None and report.error.kind == "limit"


@pytest.mark.parametrize("source", [
    "class A:\n    __hash__ = None\na = A()\ntry:\n    hash(a)\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    {a: 1}\nexcept TypeError as e:\n    print(e)\n",
    "class B:\n    def __eq__(self, o):\n        return True\n    __hash__ = None\nprint(B() == 1)\n"
    "class C(B):\n    pass\ntry:\n    hash(C())\nexcept TypeError as e:\n    print(e)\n",
])
def test_hash_none_makes_objects_unhashable(source):
    same_output(source)


@pytest.mark.parametrize(("source", "says"), [
    ("class A:\n    __hash__ = 3\n", "defining `__hash__`"),
    ("class A:\n    __len__ = None\n", "defining `__len__`"),
    ("__hash__ = None\n", "double-underscore names"),
    ("def f():\n    __hash__ = None\n", "double-underscore names"),
])
def test_other_dunder_assignments_are_refused(source, says):
    report = run_program(source)
    assert report.error is not None and report.error.kind == "unsupported" and says in report.error.message


@pytest.mark.parametrize("tail", [
    'd = {"b": A(2), "a": A(1)}\nprint(sorted(d.items()))\n',
    'print(sorted([(1, A(2)), (1, A(1)), (0, A(5))]), min([(1, A(2)), (1, A(1))]))\n',
    'print(sorted([(1, A(3)), (1, A(2))], reverse=True), max([(A(1), 2), (A(1), 3)]))\n',
    'try:\n    sorted([(1, A(1)), (1, 2)])\nexcept TypeError as e:\n    print(e)\n',
])
def test_sorting_tuples_that_hold_objects(tail):
    same_output(VALUE + tail)


@pytest.mark.parametrize("tail", [
    "print({A(3), A(1), A(2), A(-1), A(100), A(2 ** 40)})\n",
    "s = set()\nfor i in [5, 3, 9, 1, 33, 17]:\n    s.add(A(i))\nprint(s, list(s))\n"
    "s.discard(A(9))\nprint(s)\n",
    "print({(A(1), 2), (A(0), 1)}, {A(1), 2, 3.5}, {A(i) for i in range(40)})\n",
])
def test_sets_of_objects_with_their_own_hash_print_in_cpythons_order(tail):
    same_output(VALUE + tail)
