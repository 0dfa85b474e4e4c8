# ruff: noqa: E501 - the programs are kept line for line as a student writes them
"""Session 26 (issue 9, breadth): contextlib's managers (`@contextmanager` generator functions in `with`,
errors thrown in at the `yield`, `as` binding the yielded value; nullcontext, suppress), compared with
CPython + PyTorch run in a child process (tests/diff_compare.py); the limits no manager may see or swallow."""

from __future__ import annotations

import subprocess
import sys

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.diff_compare import engine_run, oracle_batch
from tests.unit.test_pywith_s25 import _same_as_python  # addresses stripped, as there

LIMIT = DEFAULT_LIMITS.max_sequence_len

TAG = ("from contextlib import contextmanager\n"
       "@contextmanager\n"
       "def tag(name, swallow=()):\n"
       "    print('enter', name)\n"
       "    try:\n"
       "        yield name.upper()\n"
       "    except swallow as e:\n"
       "        print('swallowed', repr(e))\n"
       "    finally:\n"
       "        print('exit', name)\n")

PROGRAMS = [
    TAG + "with tag('a') as a:\n    print('body', a)\nprint('after', a)\n",
    TAG + "with tag('b', KeyError):\n    {}['k']\nprint('on')\n",
    TAG + "try:\n    with tag('c', KeyError):\n        1 / 0\nexcept ZeroDivisionError as e:\n    print('outer', e)\n",
    TAG + "with tag('d'):\n    [][1]\n",
    TAG + "def f():\n    with tag('r'):\n        return 5\nprint(f())\nfor i in range(3):\n    with tag(str(i)):\n        if i == 1:\n            break\n        continue\n",
    TAG + "with tag('x') as x, tag('y', IndexError) as y:\n    print(x, y)\n    [][0]\nprint('done')\n",
    TAG + "cm = tag('z')\nprint(type(cm), cm)\nwith cm as z:\n    print(z)\ntry:\n    with cm:\n        pass\nexcept AttributeError as e:\n    print('again', e)\n",
    ("import contextlib\n@contextlib.contextmanager\ndef twice():\n    yield 1\n    yield 2\n"
     "try:\n    with twice():\n        pass\nexcept RuntimeError as e:\n    print(e)\n"
     "@contextlib.contextmanager\ndef never():\n    if False:\n        yield\n"
     "try:\n    with never():\n        pass\nexcept RuntimeError as e:\n    print(e)\n"
     "@contextlib.contextmanager\ndef again():\n    try:\n        yield\n    except ValueError:\n        yield\n"
     "try:\n    with again():\n        raise ValueError('v')\nexcept RuntimeError as e:\n    print(e)\n"
     "@contextlib.contextmanager\ndef other():\n    try:\n        yield\n    except ValueError:\n        raise KeyError('other')\n"
     "try:\n    with other():\n        raise ValueError('v')\nexcept KeyError as e:\n    print('k', e)\n"),
    ("from contextlib import contextmanager\nimport torch\n"
     "@contextmanager\ndef frozen(t):\n    before = t.requires_grad\n    t.requires_grad_(False)\n    try:\n        yield t\n    finally:\n        t.requires_grad_(before)\n"
     "w = torch.ones(3, requires_grad=True)\nwith frozen(w) as v:\n    print(v.requires_grad, (v * 2).requires_grad)\nprint(w.requires_grad)\n"
     "@contextmanager\ndef no_grad_block():\n    with torch.no_grad():\n        yield\n"
     "with no_grad_block():\n    y = w * 2\nprint(y.requires_grad, torch.is_grad_enabled())\n"),
    ("from contextlib import suppress, nullcontext\n"
     "with suppress(KeyError, IndexError):\n    [][1]\nprint('after')\n"
     "with suppress(LookupError):\n    {}['k']\n"
     "try:\n    with suppress(KeyError):\n        1 / 0\nexcept ZeroDivisionError as e:\n    print('not suppressed', e)\n"
     "with suppress():\n    pass\n"
     "class Mine(Exception):\n    pass\nwith suppress(Mine):\n    raise Mine('m')\n"
     "with nullcontext(3) as n:\n    print(n)\nwith nullcontext() as m:\n    print(m)\n"
     "s = suppress(ValueError)\nprint(s, type(s), nullcontext())\nwith s:\n    int('x')\nwith s:\n    int('y')\nprint('end')\n"),
    ("from contextlib import contextmanager\nimport time\n"
     "@contextmanager\ndef timer(label):\n    start = time.perf_counter()\n    yield\n    print(label, time.perf_counter() - start >= 0)\n"
     "with timer('loop'):\n    total = sum(i * i for i in range(100))\nprint(total)\n"),
    ("from contextlib import contextmanager\n"
     "@contextmanager\ndef outer(n):\n    print('in', n)\n    if n:\n        with outer(n - 1) as inner:\n            yield inner + 1\n    else:\n        yield 0\n    print('out', n)\n"
     "with outer(3) as depth:\n    print('depth', depth)\n"),
    ("from contextlib import suppress\ntry:\n    with suppress(3):\n        1 / 0\nexcept TypeError as e:\n    print(e)\n"),
]
PROGRAMS += [   # a lambda of a comprehension: CPython 3.11's __qualname__ in its text; self-containing dicts
    ("fs = [lambda x: x + i for i in range(2)]\nprint(fs[0], fs)\n"
     "print([lambda: 1][0], {'a': lambda: 1}, [[lambda: 2 for j in range(1)] for i in range(1)][0][0])\n"
     "def f():\n    return [lambda: 3 for i in range(1)][0], {k: lambda: 0 for k in 'a'}['a'], len({(lambda: 0) for k in 'a'})\n"
     "print(f())\ng = list((lambda: 0) for i in range(1))\nprint(g, any(print(lambda: 1) for i in range(1)))\n"
     "def outer():\n    def inner():\n        return [lambda: 0 for i in 'a']\n    return inner()\nprint(outer())\n"),
    ("d = {'a': 1}\nd['me'] = d\nprint(d)\nprint([d, d], str(d), f'{d}')\ne = {'d': d}\nprint(e)\n"
     "l = [1]\nm = {'l': l}\nl.append(m)\nprint(l, m, repr(l))\nd2 = {}\nd2[1] = [d2, (d2,)]\nprint(d2)\n"),
]
PROGRAMS += [   # PyTorch's texts: forward_ad's dual_level class and make_dual function, a cast's grad_fn
    ("import torch\nimport torch.autograd.forward_ad as fwAD\nfrom torch.autograd.forward_ad import dual_level\n"
     "print(fwAD.dual_level, [fwAD.dual_level], fwAD.make_dual, fwAD.unpack_dual, dual_level is fwAD.dual_level)\n"
     "x = torch.ones(2, requires_grad=True)\nprint(x.to(torch.float64).grad_fn, x.double().grad_fn, x.to(torch.float64).grad_fn.name())\n"),
]
# torch.func.linearize: func runs twice (output, trace), never at jvp_fn's calls; inside vmap. Compared by their
# printed text with `python3 -c` (PyTorch's first linearize traces with make_fx: past the oracle's 3 s alarm)
LINEARIZE = [
    ("import torch\nfrom torch.func import linearize, vmap\ncalls = []\n"
     "def f(x):\n    calls.append(1)\n    print('called', len(calls))\n    return x.sin() * len(calls)\n"
     "x = torch.tensor([1., 2., 3.])\nout, jvp_fn = linearize(f, x)\nprint(out, jvp_fn(torch.ones(3)), jvp_fn(torch.ones(3)), len(calls))\n"
     "x.add_(1)\nprint(jvp_fn(torch.ones(3)))\n"
     ),
    ("import torch\nfrom torch.func import linearize, vmap\n"
     "print(linearize(lambda a: (a ** 2, a.sum()), torch.ones(2))[1](torch.ones(2)))\n"
     "print(linearize(lambda a, b: a @ b, torch.ones(2, 3), torch.ones(3))[1](torch.eye(2, 3), torch.ones(3)))\n"),
    ("import torch\nfrom torch.func import linearize, vmap\n"
     "y = torch.tensor([0.5, 1.0, 1.5])\ndef g(t):\n    o, j = linearize(torch.sin, y)\n    return j(t)\nprint(vmap(g)(torch.eye(3)))\n"
     "print(vmap(lambda t: linearize(lambda a, b: a * b, y, y + 1)[1](t, t))(torch.eye(3)))\n"),
    ("import torch\nfrom torch.func import linearize, vmap\nx = torch.tensor([1., 2., 3.])\n"
     "o, j = linearize(lambda a: a.exp(), x)\nprint(vmap(j)(torch.eye(3)))\n"
     "try:\n    vmap(lambda v: linearize(torch.sin, v)[0])(torch.ones(2, 3))\nexcept RuntimeError as e:\n    print(e)\n"),
    ("import torch\ntorch.manual_seed(0)\nx = torch.tensor([1., 2., 3.])\n"
     "o2, j2 = torch.func.linearize(lambda a, b: a * b + torch.rand(3), x, x + 1)\n"
     "print(o2, j2(torch.ones(3), torch.zeros(3)), torch.rand(2))\n"),   # a random draw: PyTorch's graph draws again
]
PROGRAMS += [   # functions, lambdas, bound methods as set items and dict keys: by identity, as CPython
    ("import torch\ndef f(x):\n    return x\ng = lambda x: x + 1\nclass A:\n    def m(self):\n        return 1\na = A()\nb = A()\n"
     "s = {f, g, f}\nprint(len(s), f in s, g in s, torch.sin in s, s == {g, f})\n"
     "d = {f: 'f', g: 'g', torch.sin: 'sin', len: 'len'}\nprint(d[f], d[g], d[torch.sin], d[len], len(d), d.get(abs))\n"
     "print(a.m in {a.m: 1}, len({a.m, a.m, b.m}), a.m == a.m, a.m != b.m, a.m in [a.m], {a.m: 2}[a.m])\n"
     "ops = {torch.sin: torch.cos, torch.cos: torch.sin}\nprint(ops[torch.sin] is torch.cos, ops[ops[torch.cos]](torch.zeros(1)))\n"
     "seen = set()\nfor fn in [f, g, f, torch.sin, g]:\n    seen.add(fn)\nprint(len(seen))\n"
     "names = {fn: fn.__name__ if False else i for i, fn in enumerate([f, g])}\nprint(names[g])\n"
     "del d[f]\nprint(len(d), f in d, (f, 1) in {(f, 1): 0})\n"
     "try:\n    d[print]\nexcept KeyError:\n    print('no print')\n"
     "del s, seen  # (a set of functions is ordered by address: CPython's order differs run to run)\n"),
    ("from collections import Counter, defaultdict, OrderedDict, deque\nfrom contextlib import nullcontext, suppress\nimport torch\n"
     "d = {1: 2}\nits = [iter(v) for v in [d, d.keys(), d.values(), d.items(), {1}, (1,), [1], 'a', 'é', range(2), Counter('a'), defaultdict(int), OrderedDict(a=1), deque([1]), torch.ones(2)]]\n"
     "print(its)\nprint([type(i) for i in its])\nk = iter(d.items())\nn = nullcontext()\ns = suppress(KeyError)\n"),   # Variables: iterators, nullcontext
    ("def gen():\n    yield 1\ng = gen()\nit = iter([1])\ns = {g, it}\nprint(g in s, it in s, len(s), {g: 1}[g])\ndel s\n"),
]


@pytest.fixture(scope="module")
def oracle() -> dict[str, dict]:
    return dict(zip(PROGRAMS, oracle_batch(PROGRAMS), strict=True))


@pytest.mark.parametrize("source", PROGRAMS, ids=range(len(PROGRAMS)))
def test_contextlib_runs_as_cpython(source: str, oracle: dict[str, dict]) -> None:
    assert not _same_as_python(oracle[source], engine_run(source))


GUARD = ("from contextlib import contextmanager, suppress\n"
         "@contextmanager\n"
         "def guard():\n"
         "    try:\n"
         "        yield\n"
         "    except BaseException as e:\n"
         "        print('swallowed', e)\n")
LIMIT_BODIES = ["while True:\n        pass", "x = [0] * 10**12", "x = 4000000 ** 4000000", "x = 'ab' * 10**11",
                "import torch\n    t = torch.ones(10**6, 10**6)", "def r():\n        return r()\n    r()"]


@pytest.mark.parametrize("head", ["with guard():", "with suppress(BaseException):", "with suppress(Exception):"])
@pytest.mark.parametrize("body", LIMIT_BODIES)
def test_limits_are_never_thrown_into_a_manager(head: str, body: str) -> None:
    report = run_program(GUARD + head + "\n    " + body + "\nprint('after')\n")
    assert not report.ok and report.error.kind == "limit", report.error
    assert "swallowed" not in report.printed and "after" not in report.printed


def test_memory_and_recursion_errors_are_no_names_for_suppress() -> None:
    report = run_program("from contextlib import suppress\nwith suppress(MemoryError):\n    x = [0] * 10**12\n")
    assert not report.ok and report.error.kind == "unsupported" and "`MemoryError`" in report.error.message


@pytest.mark.parametrize("source, kind, words", [
    ("from contextlib import contextmanager\n@contextmanager\ndef rec(n):\n    with rec(n + 1):\n        yield\nwith rec(0):\n    pass\n",
     "limit", "more than 50 levels deep"),
    ("from contextlib import contextmanager\n@contextmanager\ndef rec(n):\n    with rec(n + 1):\n        pass\n    yield\nwith rec(0):\n    pass\n",
     "limit", "more than 50 levels deep"),
    ("from contextlib import contextmanager\ndef gen():\n    while True:\n        yield 1\n@contextmanager\ndef cm():\n    yield gen()\nwith cm() as g:\n    for x in g:\n        pass\n",
     "limit", "100,000"),
    ("from contextlib import contextmanager\n@contextmanager\ndef cm():\n    try:\n        yield\n    except Exception:\n        while True:\n            pass\nwith cm():\n    [][0]\n",
     "limit", "100,000"),
    ("from contextlib import contextmanager\n@contextmanager\ndef cm():\n    yield\nc = cm()\nc.__enter__()\n", "unsupported", "`__enter__`"),
    ("from contextlib import contextmanager\ndef contextmanager(f):\n    return f.__code__\n@contextmanager\ndef cm():\n    yield\n", "unsupported", "__code__"),
    ("from contextlib import contextmanager\nf = contextmanager(lambda: 1)\n", "unsupported", "`contextmanager` on anything but a generator function"),
    ("from contextlib import contextmanager\n@contextmanager\n@contextmanager\ndef cm():\n    yield\n", "unsupported", "`contextmanager` on anything but"),
    ("from contextlib import contextmanager\nclass A:\n    @contextmanager\n    def cm(self):\n        yield\n", "unsupported", "@contextmanager"),
    ("import torch\nfrom contextlib import nullcontext\ntorch.tensor([nullcontext()])", "unsupported", "cannot be used"),
    ("from contextlib import contextmanager\n@contextmanager\ndef cm():\n    yield\nprint(cm().gen)\n", "unsupported", "gen"),
    ("from contextlib import suppress\nprint(suppress(KeyError)._exceptions)\n", "unsupported", "_exceptions"),
    ("import contextlib\ncontextlib.ExitStack()\n", "unsupported", "`contextlib.ExitStack`"),
    ("from contextlib import redirect_stdout\n", "unsupported", "redirect_stdout"),
])
def test_breakout_through_contextlib_is_refused(source: str, kind: str, words: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == kind and words in report.error.message, report.error


def test_suppressed_errors_count_once_as_caught_errors() -> None:
    limit = DEFAULT_LIMITS.max_caught_errors
    for manager in ("suppress(IndexError)", "swallow()"):
        loop = ("from contextlib import contextmanager, suppress\n@contextmanager\ndef swallow():\n    try:\n"
                "        yield\n    except IndexError:\n        pass\n"
                f"for i in range({{n}}):\n    with {manager}:\n        [][0]\nprint('done')\n")
        assert run_program(loop.format(n=limit)).printed == "done\n"
        report = run_program(loop.format(n=limit + 1))
        assert not report.ok and report.error.kind == "limit" and "caught more than" in report.error.message


def test_generator_managers_are_bounded_like_generators() -> None:
    held = ("from contextlib import contextmanager\n@contextmanager\ndef cm():\n    yield\n"
            "def enter_all(n):\n    if n:\n        with cm():\n            enter_all(n - 1)\nenter_all({n})\nprint('ok')\n")
    assert run_program(held.format(n=40)).printed == "ok\n"
    report = run_program(held.format(n=60))
    assert not report.ok and report.error.kind == "limit"


@pytest.mark.parametrize("n, ok", [(LIMIT, True), (LIMIT + 1, False)])
def test_sets_of_functions_stop_at_the_length_limit(n: int, ok: bool) -> None:
    report = run_program(f"s = {{(lambda: 0) for j in range({n})}}\nd = dict.fromkeys(s, 1)\nprint(len(s), len(d))")
    assert report.ok == ok, report.error
    assert report.printed == (f"{n} {n}\n" if ok else "")
    if not ok:
        assert report.error.kind == "limit" and f"{LIMIT:,}" in report.error.message


@pytest.mark.parametrize("source, words", [
    ("import torch\ndef f(x):\n    return x\ntorch.ones(3)[f]", "cannot be used as an index"),
    ("import torch\ndef f(x):\n    return x\nx = [1, 2]\nx[f]", "cannot be used as an index"),
    ("import torch\ntorch.ones(3)[torch.sin, 0]", "cannot be used as an index"),
    ("import torch\nd = {torch.sin: 1}\ntorch.tensor(list(d))", "cannot be used in `torch.tensor`"),
    ("import torch\ns = {torch.sin}\ntorch.tensor(list(s))", "cannot be used in `torch.tensor`"),
    ("import numpy as np\nd = {abs: 1}\nnp.array(list(d.keys()))", "cannot be used in `np.array`"),
    ("import torch\nd = {len: 1}\ntorch.ones(2).add(d)", "cannot be used"),
    ("def f():\n    pass\nsorted({f, lambda: 1})", "cannot be used in `sorted()`"),
])
def test_function_keys_never_reach_a_library(source: str, words: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported" and words in report.error.message, report.error


@pytest.mark.parametrize("n, ok", [(30_000, True), (99_999, False)])
def test_self_containing_dicts_keep_the_text_limit(n: int, ok: bool) -> None:
    report = run_program(f"l = [0] * {n}\nd = {{'l': l}}\nd['me'] = d\nl.append(d)\nprint(d)\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "100,000" in report.error.message and report.printed == ""
    else:
        assert report.printed == str({'l': [0] * n + ["{...}"], 'me': "{...}"}).replace("'{...}'", "{...}") + "\n"


def test_many_cycles_through_one_dict_stay_bounded() -> None:
    report = run_program("a = {i: None for i in range(1000)}\nfor k in a:\n    a[k] = a\n"
                         "b = {i: a for i in range(1000)}\nprint(len(str(a)))\nprint(b)\n")
    assert report.printed == f"{len(str({i: {} for i in range(1000)}).replace('{}', '{...}'))}\n"
    assert not report.ok and report.error.kind == "limit"


@pytest.mark.parametrize("source", LINEARIZE, ids=range(len(LINEARIZE)))
def test_linearize_prints_as_pytorch(source: str) -> None:
    python = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=300, check=True)
    engine = run_program(source)
    assert engine.ok, engine.error
    assert engine.printed == python.stdout


def test_linearize_jvp_fn_made_in_a_vmap_stays_inside_it() -> None:
    report = run_program("import torch\nfrom torch.func import linearize, vmap\nkept = []\n"
                         "def g(t):\n    o, j = linearize(torch.sin, torch.ones(3))\n    kept.append(j)\n    return j(t)\n"
                         "vmap(g)(torch.eye(3))\nkept[0](torch.ones(3))\n")
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == 9, report.error
    assert "made inside vmap after that vmap ended" in report.error.message


def test_linearize_jvp_fn_keeps_the_limits() -> None:
    calls = "import torch\nout, j = torch.func.linearize(torch.sin, torch.ones(3))\nfor i in range({n}):\n    j(torch.ones(3))\nprint('ok')"
    assert run_program(calls.format(n=2000)).printed == "ok\n"
    report = run_program(calls.format(n=10**6))   # base26 (func re-run per call) ends the same way
    assert not report.ok and report.error.kind in ("timeout", "limit"), report.error
    report = run_program("import torch\nout, j = torch.func.linearize(torch.sin, torch.ones(3))\nj(torch.ones(10**4, 10**4))")
    assert not report.ok and report.error.kind == "limit", report.error
