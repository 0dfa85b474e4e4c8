# ruff: noqa: E501 - the programs are kept line for line as a student writes them
"""Session 27 (issue 9, breadth): a function may return a function. Closures and function factories, a
lambda or a def returned alone or in tuples, lists and dicts, `nonlocal` counters, decorators the program
writes (`@timer`, `@repeat(3)`, functools.wraps), compose(f, g), a returned function given to
torch.func.grad and jacobian; and the small leftovers (ndarray.argmin/argmax, `from math import tau`,
reversed(set()), `from torch.nn import dott`). Each compared with CPython + PyTorch in a child process
(tests/diff_compare.py). A returned function stays no data (no library call receives one), recursion
through returned functions stays under max_call_depth (uncatchable), closures that hold big lists or
tensors count against the size limits, and nothing of a run outlives it."""

from __future__ import annotations

import dataclasses
import gc
import re

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.safe_values import UserFunction
from autogradlab.limits import DEFAULT_LIMITS
from tests.diff_compare import compare, engine_run, oracle_batch

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")
_PATH = re.compile(r" \(/[^()]*\.(py|so)\)")   # ImportError's module file: the engine leaves the host's path out
DEPTH = DEFAULT_LIMITS.max_call_depth

PROGRAMS = [   # function factories and closures
    "def make(a):\n    def f(x):\n        return a * x\n    return f\ng = make(3)\nprint(g(4), g, make(2)(5))\nh = make\nprint(h(1)(2), [make(1)], {'f': make(1)})\n",
    "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nc = counter()\nc(); c()\nprint(c())\nd = counter()\nprint(d(), c())\n",
    "def compose(f, g):\n    return lambda x: f(g(x))\nimport math\ninc = lambda x: x + 1\nsq = compose(math.sqrt, inc)\nprint(sq(3), compose(inc, inc)(0), compose(inc, sq))\n",
    "def adders():\n    return [lambda x, i=i: x + i for i in range(3)]\nprint([f(10) for f in adders()])\ndef late():\n    return [lambda x: x + i for i in range(3)]\nprint([f(10) for f in late()], late()[0])\n",
    "def ops():\n    return {'double': lambda x: 2 * x, 'neg': lambda x: -x}\no = ops()\nprint(o['double'](4), sorted(o), o)\ndef pair():\n    return (lambda x: x + 1, lambda x: x * 2)\ninc, dbl = pair()\nprint(inc(3), dbl(3), pair())\n",
    "def outer():\n    def mid():\n        def inner():\n            return 7\n        return inner\n    return mid\nprint(outer()()(), outer(), outer()())\n",
    "def pick(name):\n    import torch\n    return torch.relu if name == 'relu' else torch.tanh\nimport torch\nact = pick('relu')\nprint(act(torch.tensor([-1.0, 2.0])), pick('tanh'))\n",
    "def gen_of(xs):\n    return (x * x for x in xs)\ng = gen_of([1, 2, 3])\nprint(g, next(g), list(g))\ndef it(xs):\n    return iter(xs)\nprint(list(it('ab')))\n",
    "def make_acc():\n    total = []\n    def add(x):\n        total.append(x)\n        return sum(total)\n    return add\nacc = make_acc()\nfor v in [1, 2, 3]:\n    s = acc(v)\nprint(s)\n",
    "from collections import defaultdict\ndef mk():\n    return lambda: 0\nd = defaultdict(mk)\nprint(d['a'](), len(d))\ndel d\n",
]
PROGRAMS += [   # a returned function given to torch.func.grad and jacobian, and a closure over tensors
    "import torch\ndef make_loss(w):\n    def loss(x):\n        return (w * x).sin().sum()\n    return loss\nL = make_loss(torch.tensor([1.0, 2.0]))\nprint(torch.func.grad(L)(torch.tensor([0.5, 0.3])))\nfrom torch.autograd.functional import jacobian\nprint(jacobian(make_loss(torch.tensor(3.0)), torch.tensor([0.1, 0.2])))\n",
    "import torch\ndef linear(w, b):\n    return lambda x: x @ w + b\nw = torch.ones(2, 1, requires_grad=True)\nnet = linear(w, torch.zeros(1))\nloss = net(torch.tensor([[1.0, 2.0]])).sum()\nloss.backward()\nprint(loss, w.grad)\n",
]
PROGRAMS += [   # returned functions through PyTorch's transforms, hooks and functionals
    "import torch\nfrom torch.autograd.functional import vjp, jvp, hessian\ndef make(w):\n    return lambda x: (w * x ** 2).sum()\nf = make(torch.tensor(2.0))\n"
    "print(vjp(f, torch.ones(2)), jvp(f, (torch.ones(2),), (torch.ones(2),)), hessian(f, torch.ones(2)))\n",
    "import torch\ndef make(w):\n    return lambda x: w * x\nf = make(3.0)\nout, fn = torch.func.linearize(f, torch.ones(2))\n"
    "print(out, fn(torch.ones(2)), torch.func.jacrev(f)(torch.ones(2)), torch.vmap(f)(torch.ones(2, 1)))\n",
    "import torch\ndef scale(k):\n    def hook(g):\n        return g * k\n    return hook\nx = torch.ones(2, requires_grad=True)\nx.register_hook(scale(10))\n(x * 3).sum().backward()\nprint(x.grad)\n",
    "import torch\ndef mk(x):\n    _, fn = torch.func.vjp(torch.sin, x)\n    return fn\nprint(mk(torch.tensor([0.0, 1.0]))(torch.ones(2)))\n"
    "def mk2():\n    return torch.func.grad(lambda x: (x ** 2).sum())\nprint(mk2()(torch.tensor([1.0, 2.0])))\n",
    "import functools\ndef mk(n):\n    return functools.partial(pow, n)\nprint(mk(2)(10), mk(3))\ndef f():\n    return f\nprint(f()()()())\n"
    "def outer():\n    def inner():\n        return outer\n    return inner\nprint(outer()()()()())\n",
    "import torch\ndef make():\n    t = torch.ones(2, requires_grad=True)\n    return lambda: (t * 2).sum(), t\nloss, t = make()\nloss().backward()\nprint(t.grad)\n",
]
PROGRAMS += [   # decorators the program writes
    "import functools\ndef timer(fn):\n    @functools.wraps(fn)\n    def wrapper(*a, **k):\n        print('call')\n        return fn(*a, **k)\n    return wrapper\n@timer\ndef add(a, b):\n    return a + b\nprint(add(1, 2), add, functools.wraps(add))\n",
    "from functools import wraps\ndef twice(fn):\n    @wraps(fn)\n    def w(x):\n        return fn(fn(x))\n    return w\n@twice\n@twice\ndef inc(x):\n    return x + 1\nprint(inc(0), inc)\n",
    "def timer(fn):\n    def wrapper(*a, **k):\n        return fn(*a, **k)\n    return wrapper\n@timer\ndef add(a, b):\n    return a + b\nprint(add(1, 2), add)\n",
    "import torch\ndef logged(fn):\n    def w(*a):\n        print('in', len(a))\n        return fn(*a)\n    return w\n@logged\n@torch.no_grad()\ndef step(w):\n    w -= 0.1\n    return w.requires_grad\np = torch.ones(2, requires_grad=True)\nprint(step(p), p)\n",
    "def memo(fn):\n    cache = {}\n    def w(n):\n        if n not in cache:\n            cache[n] = fn(n)\n        return cache[n]\n    return w\n@memo\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(20))\n",
    "def deco(x):\n    return 5\n@deco\ndef f():\n    pass\nprint(f)\n@print\ndef g():\n    pass\nprint(g)\n",
    "def repeat(n):\n    def deco(fn):\n        def w(*a):\n            return [fn(*a) for _ in range(n)]\n        return w\n    return deco\n@repeat(3)\ndef hi(name):\n    return 'hi ' + name\nprint(hi('x'), hi)\n",
    "class Count:\n    def __init__(self, fn):\n        self.fn = fn\n        self.n = 0\n    def __call__(self, *a):\n        self.n += 1\n        return self.fn(*a)\n@Count\ndef sq(x):\n    return x * x\nsq(2); sq(3)\nprint(sq.n)\n",
    "def timer(fn):\n    def wrapper(*a, **k):\n        return fn(*a, **k)\n    return wrapper\n@timer\ndef add(a, b):\n    return a + b\ntry:\n    add(1, 2, 3)\nexcept TypeError as e:\n    print(e)\n",
]
PROGRAMS += [   # call errors name the function by its __qualname__, as CPython's
    "def mk():\n    def inner(a, b, c=1):\n        return a\n    return inner\nfor call in [lambda: mk()(1, 2, 3, 4), lambda: mk()(), lambda: mk()(1), lambda: mk()(1, 2, d=3), lambda: mk()(1, a=2)]:\n"
    "    try:\n        call()\n    except TypeError as e:\n        print(e)\ndef f(a):\n    return a\ntry:\n    f()\nexcept TypeError as e:\n    print(e)\ng = lambda x, y: x\ntry:\n    g(1)\nexcept TypeError as e:\n    print(e)\n",
]
PROGRAMS += [   # a call's argument errors in CPython's order and words (keywords first, every missing name)
    'def f(a, b, c=1):\n    return a\nfor call in [lambda: f(b=1), lambda: f(1, d=2), lambda: f(1, a=2, d=3), lambda: f(1, d=3, a=2), lambda: f(c=1), lambda: f(1, c=2), lambda: f(b=2, a=1)]:\n    try:\n        print(call())\n    except TypeError as e:\n        print(e)\n',
]
PROGRAMS += [   # functools.cache / lru_cache (CPython's eviction order, its TypeErrors)
    'import functools\n@functools.cache\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(45), fib)\n',
    'from functools import lru_cache\ncalls = []\n@lru_cache(maxsize=2)\ndef sq(x):\n    calls.append(x)\n    return x * x\nfor v in [1, 2, 1, 3, 2, 1, 1]:\n    sq(v)\nprint(calls)\n@lru_cache\ndef cube(x, k=1):\n    calls.append(("c", x, k))\n    return x ** 3 * k\nprint(cube(2), cube(2), cube(2, k=2), cube(2, k=2), cube(x=2), calls[-3:])\n@lru_cache(None)\ndef h(t):\n    return sum(t)\nprint(h((1, 2)), h((1, 2)))\ntry:\n    h([1, 2])\nexcept TypeError as e:\n    print(e)\ntry:\n    lru_cache(\'a\')\nexcept TypeError as e:\n    print(e)\n',
    'import functools\n@functools.lru_cache(maxsize=0)\ndef f(x):\n    print("run", x)\n    return x\nf(1); f(1)\n',
]
PROGRAMS += [   # callable(), answered from what the value is
    'import torch, math, functools\nimport numpy as np\nfrom contextlib import contextmanager, nullcontext, suppress\ndef make(a):\n    return lambda x: a * x\nclass A:\n    def __call__(self):\n        return 1\nclass B(A):\n    pass\nclass C:\n    pass\n@contextmanager\ndef cm():\n    yield\nclass F(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n        return x\n    @staticmethod\n    def backward(ctx, g):\n        return g\nvals = [make(2), make, print, len, torch.sin, math.sqrt, int, float, A, A(), B(), C(), C, 1, "s", None, [1], torch.ones(1),\n        np.float32, np.array([1]), functools.partial(print, 1), cm, cm(), nullcontext(), suppress(KeyError),\n        F.apply, (x for x in []), iter([1]), torch.func.grad(make(2)), range(3), torch.float32]\nprint([callable(v) for v in vals], callable(F))\ndel vals\ntry:\n    callable()\nexcept TypeError as e:\n    print(e)\ntry:\n    callable(1, 2)\nexcept TypeError as e:\n    print(e)\n',
]
PROGRAMS += [   # what Python does with a function where data is expected
    "def mk():\n    return lambda: 0\nf = mk()\nprint(f == f, f != mk(), f in [f], {f: 1}[f], len({f, f}))\ntry:\n    print(f + 1)\nexcept TypeError as e:\n    print('T', e)\n",
    "def mk():\n    return lambda: 0\nf = mk()\nprint(str(f), repr(f), f'{f}', '%s' % f, [f], (f,), {'a': f})\n",
    "class A:\n    def __len__(self):\n        return mk()\ndef mk():\n    return lambda: 0\ntry:\n    print(len(A()))\nexcept TypeError as e:\n    print('T', e)\n",
    "def mk():\n    return lambda: 0\nprint(list(filter(lambda x: mk(), [1, 2])), any(map(lambda x: mk(), [1])))\ndef g():\n    yield mk()\nprint(next(g())())\n",
]
PROGRAMS += [   # leftovers of session 26
    "import numpy as np\na = np.array([[3, 1, 2], [0, 5, 4]])\nprint(a.argmin(), a.argmax(), a.argmin(axis=0), a.argmax(axis=1), a.argmax(0), a.argmin(axis=-1, keepdims=True))\n"
    "print(np.argmax(a, axis=1), np.argmin(a), np.argmax(a, 0), a.sum(0), np.max(a, 1), a.mean(1))\nb = a.argmax(axis=0)\nprint(b.dtype, type(a.argmax()))\n"
    "try:\n    a.argmax(axis=2)\nexcept Exception as e:\n    print(type(e).__name__, e)\n",
    "from math import tau, inf, nan, pi, floor\nimport math\nprint(tau, math.tau, inf, -inf, nan != nan, floor(2.5), pi)\n",
    "m = [[1, 2], [3, 4]]\nprint([sum(x * x for x in row) for row in m])\nprint([max(v for v in row if v > 1) for row in m], {i: list(x for x in range(i)) for i in range(3)})\n",
    "print([(y for y in range(i)) for i in range(2)])\ngens = [(x * i for x in range(3)) for i in range(3)]\nprint([list(g) for g in gens])\n"
    "gens = [(x for x in range(i)) for i in range(3)]\nprint(gens[2], next(gens[2]), sum(gens[1]), [list(g) for g in gens])\n"
    "d = {i: (c for c in 'ab') for i in range(2)}\nprint(list(d[0]), list(d[0]), list(d[1]))\n",
    "for v in [set(), {1, 2}, 3, 2.5, None, True, {1: 2}, 'ab', (1,), [1]]:\n    try:\n        print(list(reversed(v)))\n    except TypeError as e:\n        print(e)\n",
    "try:\n    from torch.nn import dott\nexcept ImportError as e:\n    print('caught', e)\ntry:\n    from math import taux\nexcept ImportError as e:\n    print('caught', e)\n",
]


@pytest.fixture(scope="module")
def oracle() -> dict[str, dict]:   # (torch.func's first use: paid by the oracle's child before any alarm)
    return dict(zip(PROGRAMS, oracle_batch(PROGRAMS), strict=True))


def _same_as_python(python: dict, engine: dict) -> list[str]:
    python = {**python, "printed": _PATH.sub("", _ADDRESS.sub(">", python["printed"]))}
    engine = {**engine, "printed": _ADDRESS.sub(">", engine["printed"])}
    outcome = compare(python, engine)
    assert outcome.refused is None, outcome.refused
    return outcome.problems


@pytest.mark.parametrize("source", PROGRAMS, ids=range(len(PROGRAMS)))
def test_runs_as_cpython(source: str, oracle: dict[str, dict]) -> None:
    assert not _same_as_python(oracle[source], engine_run(source))


def test_a_library_transform_may_decorate() -> None:   # (the oracle's exec namespace trips PyTorch's)
    report = run_program("import torch\n@torch.func.grad\ndef g(x):\n    return (x ** 3).sum()\nprint(g(torch.tensor([1.0, 2.0])))\n")
    assert report.printed == "tensor([ 3., 12.])\n", report.error


def test_a_returned_function_is_shown_as_python_shows_it() -> None:
    report = run_program("def make(a):\n    def f(x):\n        return a * x\n    return f\nmake(2)\n")
    assert [d.text for d in report.displayed] == ["<function make.<locals>.f>"]


# -- limits: recursion through returned functions, closures holding big values, uncatchable ------------
FACTORY = "def make(n):\n    return (lambda: 0) if n == 0 else make(n - 1)\nprint(make({n})())\n"
WRAPPERS = ("def deco(fn):\n    def w():\n        return fn()\n    return w\ndef f():\n    return 1\n"
            "for i in range({n}):\n    f = deco(f)\ntry:\n    print(f())\nexcept Exception:\n    print('caught')\n")


@pytest.mark.parametrize("program", [FACTORY, WRAPPERS], ids=["factory", "decorator-loop"])
@pytest.mark.parametrize("n, ok", [(DEPTH - 1, True), (DEPTH, False)])
def test_calls_through_returned_functions_stay_under_max_call_depth(program: str, n: int, ok: bool) -> None:
    report = run_program(program.format(n=n))
    assert report.ok == ok, report.error
    if not ok:   # the limit is not caught by the program's `except Exception`
        assert report.error.kind == "limit" and "levels deep" in report.error.message, report.error
        assert "caught" not in report.printed


def test_a_chain_of_10000_closures_is_built_and_stopped_at_the_call() -> None:
    report = run_program("g = lambda: 0\nfor i in range(10000):\n    g = (lambda h: lambda: h())(g)\nprint('built')\ng()\n")
    assert report.printed == "built\n" and report.error.kind == "limit" and report.error.line == 3, report.error


CAPTURED_LISTS = "def make():\n    big = [0] * 100000\n    return lambda: len(big)\nfs = [make() for i in range({n})]\nprint(sum(f() for f in fs))\n"
CAPTURED_TENSORS = "import torch\ndef make():\n    t = torch.ones(10000)\n    return lambda: t.sum()\nfs = [make() for i in range({n})]\nprint(sum(f() for f in fs))\n"


@pytest.mark.parametrize("program, limits, words", [
    (CAPTURED_LISTS, dataclasses.replace(DEFAULT_LIMITS, max_total_sequence_items=1_000_000), "list and string items"),
    (CAPTURED_TENSORS, dataclasses.replace(DEFAULT_LIMITS, max_total_elements=100_000), "tensor elements"),
], ids=["lists", "tensors"])
@pytest.mark.parametrize("n, ok", [(9, True), (10, False)])
def test_closures_holding_big_values_count_against_the_size_limits(program, limits, words, n, ok) -> None:
    report = run_program(program.format(n=n), limits=limits)
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and words in report.error.message, report.error


def test_a_closure_cycle_does_not_outlive_the_run() -> None:
    program = ("import torch\ndef counter():\n    n = 0\n    big = torch.ones(1000)\n    def inc():\n        nonlocal n\n"
               "        n += 1\n        return big.sum() + n\n    me = inc\n    return inc\n")   # its scope holds inc twice
    gc.collect()   # (a tensor hook's function of an earlier run in this process may still live: not ours)
    before = {id(o) for o in gc.get_objects() if type(o) is UserFunction}
    report = run_program(program + "c = counter()\nc()\ncs = [counter() for i in range(50)]\nprint(c())\n")
    assert report.printed == "tensor(1002.)\n", report.error
    del report
    gc.collect()
    assert not [o for o in gc.get_objects() if type(o) is UserFunction and id(o) not in before]


CACHE = "import functools\n@functools.cache\ndef sq(x):\n    return x * x\nprint(sum(sq(i) for i in range({n})))\n"


@pytest.mark.parametrize("n, ok", [(10, True), (11, False)])
def test_a_cache_counts_its_entries_against_the_length_limit(n: int, ok: bool) -> None:
    report = run_program(CACHE.format(n=n), limits=dataclasses.replace(DEFAULT_LIMITS, max_sequence_len=10))
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "the cache of functools.cache" in report.error.message, report.error


# -- a returned function stays no data: no library call receives one ------------------------------------
@pytest.mark.parametrize("source, line, words", [
    ("import torch\ndef make():\n    return lambda x: x\ntorch.tensor([make()])\n", 4, "cannot be used in `torch.tensor`"),
    ("import torch\ndef make():\n    return torch.sin\nprint(make()(torch.zeros(1)))\ntorch.cos(make())\n", 5, "cannot be used in `torch.cos`"),
    ("import torch\n@torch.sin\ndef f():\n    pass\n", 2, "cannot be used in `torch.sin`"),
    ("import numpy as np\ndef d(fn):\n    return np.array([fn])\n@d\ndef f():\n    pass\n", 3, "cannot be used"),
    ("import torch\nclass F(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n        return lambda: x\n"
     "    @staticmethod\n    def backward(ctx, g):\n        return g\nF.apply(torch.ones(1, requires_grad=True))\n", 5, "as a return value"),
    ("import torch\ndef mk():\n    return lambda: 0\ntorch.func.grad(lambda x: mk())(torch.ones(2))\n", 4, "as a return value"),
    ("import torch\ndef mk():\n    return iter([1])\ntorch.func.vmap(lambda x: mk())(torch.ones(2))\n", 4, "as a return value"),
    ("def d(fn):\n    return fn.__globals__\n@d\ndef f():\n    pass\n", 2, "double-underscore"),
    ("class A:\n    @print\n    def m(self):\n        pass\n", 2, "`@print` on the method `m`"),
    ("import functools\nfunctools.wraps(print)(print)\n", 2, "`functools.wraps(fn)` on anything but"),
    ("import torch, functools\n@functools.cache\ndef f(t):\n    return t\nf(torch.ones(1))\n", 5, "(not torch.Tensor)"),
    ("import functools\n@functools.lru_cache(typed='y')\ndef f(t):\n    return t\n", 2, "`typed=True` or `False`"),   # s29
    ("import functools\nw = functools.wraps([0] * 100000)\n", 2, "`functools.wraps(...)` of anything but a function"),
    ("import functools\n@functools.wraps(print, ())\ndef f():\n    pass\n", 2, "`functools.wraps` with `assigned`"),
    ("import torch\ndef t(fn):\n    return fn\n@torch.no_grad()\n@t\ndef f():\n    pass\n", 4, "`@torch.no_grad()` above another"),
])
def test_a_returned_function_is_refused_where_data_is_needed(source: str, line: int, words: str) -> None:
    report = run_program(source)
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert report.error.line == line and words in report.error.message, report.error
