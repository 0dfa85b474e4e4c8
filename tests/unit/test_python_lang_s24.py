"""Session 24 (issue 9 part 2, breadth): Python-language gaps found last session. issubclass (builtin
classes, the program's own, tuples, Python's TypeErrors); OSError with errno/strerror/filename (CPython's
text, args, attributes and errno subclass map); __getattr__ and property getters returning a function;
iterators (iter(), generators, generator expressions, map/zip/enumerate) kept in attributes and names
and advanced with next() later. Plain Python is the oracle (tests/oracle.run_trusted)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted


def same_output(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None, oracle.error
    assert report.ok, report.error
    assert report.printed == oracle.printed


def refused(source: str) -> str:
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported", report.error
    return report.error.message


CLASSES = "class A:\n    pass\nclass B(A):\n    pass\nclass E(KeyError):\n    pass\n"


@pytest.mark.parametrize("tail", [
    "print(issubclass(B, A), issubclass(A, B), issubclass(A, A), issubclass(B, (int, A)))\n",
    "print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(B, object))\n",
    "print(issubclass(ValueError, Exception), issubclass(KeyError, LookupError),"
    " issubclass(E, LookupError))\n",
    "print(issubclass(E, (str, (int, KeyError))), issubclass(A, ()), issubclass(E, A), issubclass(int, A))\n",
    "print(issubclass(type(3), int), issubclass(type(True), (float, int)), isinstance(A(), object))\n",
    "for args in [(B(), A), (B, 3), (3, int), (int, (str, 3))]:\n    try:\n        issubclass(*args)\n"
    "    except TypeError as e:\n        print(e)\n",
    "try:\n    issubclass(int)\nexcept TypeError as e:\n    print(e)\ntry:\n    isinstance(3, 4)\n"
    "except TypeError as e:\n    print(e)\n",
    "print(object, isinstance(None, object), isinstance([], (object,)))\n",
])
def test_issubclass_as_python(tail):
    same_output(CLASSES + tail)


def test_object_makes_a_plain_sentinel():   # `_no_value = object()` runs since breadth s45 (object_sentinels)
    same_output("o = object()\nprint(type(o), o is o, o == object())\ntry:\n    object(1)\n"
                "except TypeError as e:\n    print(e)\n")


@pytest.mark.parametrize("source", [
    "e = OSError(2, 'No such file or directory', 'data.txt')\nprint(e)\nprint(repr(e), type(e).__name__)\n"
    "print(e.errno, e.strerror, e.filename, e.filename2, e.args)\n",
    "print(FileNotFoundError(2, 'No such file', 'x.csv'), repr(FileNotFoundError(13, 'x', 'f')))\n",
    "for args in [('plain',), (1, 'two'), (1, 'a', 'f', None, 'g'), (2, 'x', None), (2, 'x', 'f', 5),\n"
    "             (2, 'x', 'f', None, 'g', 6), ('a', 'b', 'c'), (2,), (99, 'y', 'z'), (13, 'p', 3), ()]:\n"
    "    e = OSError(*args)\n"
    "    print(type(e).__name__, str(e), repr(e), e.args, e.errno, e.strerror, e.filename, e.filename2)\n",
    "try:\n    raise FileNotFoundError(2, 'No such file', 'a.txt')\nexcept OSError as err:\n"
    "    print('caught', err, err.args, err.errno)\n",
    "try:\n    raise OSError(2, 'gone', 'a.txt')\nexcept FileNotFoundError as err:\n    print('fnf', err)\n",
    "print(ConnectionError(2, 'x', 'f'), repr(ConnectionError(2, 'x', 'f')), OSError(True, 'b'))\n",
])
def test_oserror_as_python(source):
    same_output(source)


def test_uncaught_oserror_names_the_errno_class():
    report = run_program("x = 1\nraise OSError(2, 'No such file or directory', 'data.txt')\n")
    assert not report.ok and report.error.line == 2
    assert report.error.message == "FileNotFoundError: [Errno 2] No such file or directory: 'data.txt'"


def test_oserror_text_stays_under_the_length_limit():
    report = run_program("e = OSError(1, 'x', 'ab' * 600000)\nprint(len(str(e)))\n")
    assert not report.ok and report.error.kind == "limit", report.error


GETATTR = '''class P:
    def __init__(self):
        self.base = 10
    def add(self, x):
        return self.base + x
    def __getattr__(self, name):
        if name == 'lam':
            return lambda x: x * 2
        if name == 'fn':
            def inner(a, b=1):
                return a + b + self.base
            return inner
        if name == 'meth':
            return self.add
        raise AttributeError(name)
    @property
    def double(self):
        return lambda x: 2 * x + self.base
p = P()
'''


@pytest.mark.parametrize("tail", [
    "print(p.lam(3), p.fn(1), p.fn(1, b=5), p.meth(4), p.double(1))\n",
    "f = p.lam\ng = p.meth\nh = p.fn\nprint(f(10), g(1), h(2))\n",
    "try:\n    p.zzz\nexcept AttributeError as e:\n    print('AE', e)\n",
])
def test_getattr_returning_a_function(tail):
    same_output(GETATTR + tail)


@pytest.mark.parametrize("source", [
    "def make(n):\n    def add(x):\n        return x + n\n    return add\nf = make(3)\nprint(f(1), f)\n",
    "class Q:\n    def helper(self):\n        return lambda x: x\n    def __getattr__(self, name):\n"
    "        return self.helper()\nprint(Q().f(1))\n",
    "class Q:\n    def __getattr__(self, name):\n        def h():\n            return lambda: 1\n"
    "        return h()\nprint(Q().f())\n",
])
def test_other_functions_may_return_functions_since_session_27(source):
    same_output(source.replace("print(f(1), f)", "print(f(1))"))


@pytest.mark.parametrize("source", [
    "class Holder:\n    def __init__(self, xs):\n        self.it = iter(xs)\n"
    "        self.gen = (x * x for x in xs)\n"
    "        self.m = map(str, xs)\n        self.z = zip(xs, xs[1:])\n        self.en = enumerate(xs)\n"
    "    def step(self):\n        return next(self.it), next(self.gen),"
    " next(self.m), next(self.z), next(self.en)\n"
    "h = Holder([1, 2, 3])\nprint(h.step())\nprint(h.step())\nprint(next(h.it, 'end'), next(h.it, 'end'))\n"
    "print(list(h.gen), list(h.m), list(h.z), list(h.en))\n",
    "def counter():\n    i = 0\n    while True:\n        yield i\n        i += 1\n"
    "class C:\n    pass\nc = C()\n"
    "c.g = counter()\nprint(next(c.g), next(c.g), next(c.g))\n",
    "class Loader:\n    def __init__(self, data):\n        self.data = data\n        self.reset()\n"
    "    def reset(self):\n        self.it = iter(self.data)\n    def batch(self):\n        try:\n"
    "            return next(self.it)\n        except StopIteration:\n            self.reset()\n"
    "            return next(self.it)\nl = Loader([1, 2])\nprint([l.batch() for _ in range(5)])\n",
    "g = (x * x for x in range(4))\nprint(next(g), next(g), list(g), list(g), sum(x for x in range(3)))\n",
    "g = (print(x) for x in range(3))\nprint('made')\nnext(g)\n",
    "print(next((x for x in [1, 5, 7] if x > 2), None), next((x for x in [] if x), 'none'))\n",
    "pairs = [(1, 'a'), (2, 'b')]\nn, l = zip(*pairs)\nprint(n, l)\nz = zip([1, 2], [3, 4])\n"
    "print(next(z), list(z), list(z))\nen = enumerate('abc', start=1)\nprint(next(en), next(en), list(en))\n",
    "print(dict(zip('ab', [1, 2])), dict(enumerate('xy')), sorted(zip([3, 1], [0, 0])), "
    "tuple(enumerate([7])), set(zip([1], [1])), [a * b for a, b in zip([1, 2], [3, 4])])\n",
    "x, y = next(zip([1], [2]))\nprint(x, y, list(zip(*[[1, 2], [3, 4]])))\n"
    "for i, (a, b) in enumerate(zip([1, 2], [3, 4])):\n    print(i, a, b)\n",
    "def g():\n    yield 1\nfor i in range(3):\n    try:\n"
    "        len(zip([1], [2]) if i == 0 else enumerate([1]) if i == 1 else g())\n"
    "    except TypeError as e:\n        print(e)\n",
    "import torch\nt = torch.tensor([1., 2.])\nfor i, v in enumerate(t):\n    print(i, v)\n"
    "a, b = (v * 2 for v in t)\nprint(a, b)\n",
])
def test_iterators_kept_and_advanced_later(source):
    same_output(source)


def test_a_kept_generator_expression_stays_under_the_loop_budget():
    source = ("def f():\n    while True:\n        yield 1\nclass C:\n    pass\nc = C()\n"
              "c.g = (x for x in f())\ns = 0\nfor v in c.g:\n    s += v\n")
    report = run_program(source)
    assert not report.ok and report.error.kind == "limit", report.error


def test_a_property_deleter_is_still_refused():
    source = ("class A:\n    @property\n    def y(self):\n        return 1\n    @y.deleter\n"
              "    def y(self):\n        pass\n")
    assert "`@y.deleter`" in refused(source)
