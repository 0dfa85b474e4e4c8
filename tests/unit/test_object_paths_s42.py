"""Session 42's short ways for Python-heavy lessons (issue 9): a method call two frames shorter
(method_runs.RUN_PLAIN), an object's own method looked up inline (compiled_module_calls.INLINE_LOOKUP),
`self.w` read in one closure (compiled_object_reads.OBJECT_READS), a NumPy scalar pair and np.exp(x) of a
scalar in one closure (tensor_sites.SCALAR_PAIR_CLOSURE, compiled_module_calls.SCALAR_UFUNCS), a def's
body run by call_positional itself (user_functions.INLINE_BODY), `f(a, b)` sent to call_positional at once
(compiled_expressions.DIRECT_CALLS), and the Recorder's on_assign taking its short way for every value
that is no tensor (engine/name_hooks.NO_TENSOR_SHORTCUT).

Oracles: the same program with the switches off (test_compiled_blocks.outcome: error kind, message, line
and column, the step count, the variables, the printed text and the op records; and the whole report of
run_program, pickled, for the Recorder's tables), and real Python / NumPy for the printed text. Limits
sit just below and at/above each one (call depth, steps at every cut, the time check, the element total).
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from autogradlab.engine import name_hooks
from autogradlab.engine.run import run_program
from autogradlab.lang import (
    compiled,  # noqa: F401 - first (the compiled modules alone meet an import cycle)
    compiled_expressions,
    compiled_module_calls,
    compiled_object_reads,
    compiled_statements,
    compiled_targets,
    list_appends,
    method_runs,
    tensor_sites,
    user_functions,
)
from autogradlab.limits import Limits
from bench.report_identity import _zero_timings
from tests.unit.site_helpers import assert_every_step_cut_alike, assert_time_check_alike, python_prints
from tests.unit.test_compiled_blocks import outcome
from tests.unit.test_method_calls_s41 import same_both_ways

# (the oracle's NumPy warns of the overflows and divisions by zero the programs print)
pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")
SWITCHES = {
    "run_plain": (method_runs, "RUN_PLAIN"),
    "inline_lookup": (compiled_module_calls, "INLINE_LOOKUP"),
    "object_reads": (compiled_object_reads, "OBJECT_READS"),
    "scalar_pairs": (tensor_sites, "SCALAR_PAIR_CLOSURE"),
    "scalar_ufuncs": (compiled_module_calls, "SCALAR_UFUNCS"),
    "inline_body": (user_functions, "INLINE_BODY"),
    "direct_calls": (compiled_expressions, "DIRECT_CALLS"),
    "no_tensor_names": (name_hooks, "NO_TENSOR_SHORTCUT"),
    "list_loops": (compiled_statements, "LIST_LOOPS"),
    "item_reads": (compiled_object_reads, "ITEM_READS"),
    "scalar_unary": (compiled_expressions, "SCALAR_UNARY"),
    "list_appends": (list_appends, "APPEND_ATOMS"),
    "quiet_parameters": (user_functions, "QUIET_PARAMETERS"),
    "held_inline": (compiled_targets, "HELD_INLINE"),
}
PROGRAMS_DIR = Path(__file__).parent.parent / "programs"
LESSON = (PROGRAMS_DIR / "loop_layer_objects.py").read_text().replace("range(5000)", "range(40)")
SCALARS = (PROGRAMS_DIR / "loop_numpy_scalars.py").read_text() \
    .replace("np.linspace(-1.0, 1.0, 40)", "np.linspace(-1.0, 1.0, 8)") \
    .replace("range(200)", "range(12)").replace("range(1, 1001)", "range(1, 61)")


@pytest.fixture(params=[[name] for name in SWITCHES] + [list(SWITCHES)], ids=[*SWITCHES, "all"])
def off(request, monkeypatch):
    """One short way off (or all of them): the way it stands for."""
    def run() -> None:
        for name in request.param:
            module, attribute = SWITCHES[name]
            monkeypatch.setattr(module, attribute, False)
    return run


PROGRAMS = {
    "lesson": LESSON,
    "scalars": SCALARS,
    "attributes": """import numpy as np


class Base:
    kind = 'base'

    def __init__(self, w):
        self.w = w

    @property
    def double(self):
        return self.w * 2

    def get(self):
        return self.w


class Child(Base):
    def get(self):
        return super().get() + self.w


class Lazy:
    def __getattr__(self, name):
        return name.upper()


b, c, z = Base(np.float64(1.5)), Child(np.float32(2.0)), Lazy()
print(b.w, b.double, b.kind, c.get(), c.double, z.missing, z.w)
b.kind = 'own'   # the instance's own attribute now hides the class's
print(b.kind, Base.kind)
Base.w = 'class'   # a class attribute named like the instance's: the instance's wins
print(b.w, c.w)
b.get = lambda: 'replaced'   # an instance's own function: no plain method any more
print(b.get(), c.get())
try:
    print(b.nothing)
except AttributeError as e:
    print('caught', e)


class Shadow:
    def __init__(self):
        self.v = 1

    @property
    def v(self):
        return 'property'


try:
    Shadow()
except AttributeError as e:
    print('caught', e)
total = np.float64(0.0)
for k in range(5):
    total = total + b.w * k
    b.w = b.w - 0.25
print(total, type(total).__name__)
""",
    "methods": """import numpy as np


class Layer:
    def __init__(self, w):
        self.w = w
        self.seen = []

    def forward(self, x):
        self.seen.append(x)
        return self.w * x

    def two(self, x, y):
        return self.forward(x) + y

    def named(self, x, scale=2):
        return x * scale

    def many(self, *xs):
        return len(xs)

    def gen(self, n):
        for k in range(n):
            yield self.w * k


layers = [Layer(np.float64(0.5)), Layer(2), Layer(np.int64(3))]
x = np.float64(1.0)
for layer in layers:
    x = layer.forward(x)
print(x, type(x).__name__, layers[0].two(1.0, 2.0), layers[1].named(3), layers[1].named(3, scale=4))
print(layers[2].many(), layers[2].many(1, 2), list(layers[0].gen(3)), len(layers[0].seen))
try:
    layers[0].forward()
except TypeError as e:
    print('caught', e)
try:
    layers[0].forward(1, 2)
except TypeError as e:
    print('caught', e)
try:
    layers[0].named(x=1, y=2)
except TypeError as e:
    print('caught', e)
""",
    "functions": """import numpy as np


def f(a, b):
    return a * b + 1


def g(a, b=3):
    return a - b


def h(n):
    if n == 0:
        return 0
    return n + h(n - 1)


def k():
    pass


print(f(2, 3), f(np.float64(0.5), 4), g(1), g(1, 2), g(a=5), h(10), k())
try:
    f(1)
except TypeError as e:
    print('caught', e)
try:
    f(1, 2, 3)
except TypeError as e:
    print('caught', e)
fs = [f, g]
print(fs[0](2, 2), (lambda q: q * 2)(4))
""",
    "items_and_loops": """import numpy as np
a = np.arange(6.0).reshape(2, 3)
v = np.linspace(0, 1, 5)
xs = [1, 2.5, 'x', (1, 2), [3]]
print(a[1, 2], a[0], v[3], v[-1], xs[0], xs[-2], xs[4][0], a[1][2], type(v[1]).__name__)
for bad in (7, -9):
    try:
        print(xs[bad])
    except IndexError as e:
        print('caught', e)
    try:
        print(v[bad])
    except IndexError as e:
        print('caught', e)
try:
    print(xs[1.0])
except TypeError as e:
    print('caught', e)
print(xs[1:3], v[1:3], a[:, 1], xs[True])
total = 0
for x in [1, 2, 3]:
    total += x
for x in []:
    total = -1
else:
    total += 100
grow = [1]
for x in grow:
    if x < 5:
        grow.append(x + 1)
for row in [[1, 2], [3]]:
    for x in row:
        total += x
print(total, grow)
""",
    "scalar_ops": """import numpy as np
a, b, i = np.float64(2.5), np.float32(1.5), np.int64(7)
print(a * b, a + 1, 1 - b, i * 3, i // 2, i % 4, a ** 2, -a, i / 2)
print(type(i * 3).__name__, type(b * 2).__name__, np.exp(np.float32(1)))
print(np.exp(a), np.exp(1.0), np.exp(i), np.exp(True), np.sqrt(b), np.log(a), np.abs(-i))
print(np.float64(1.0) / 0, np.int64(1) // 0, np.float64(1e308) * 10, np.exp(np.float64(1000)))
print(a * 2 ** 62, i + 2 ** 62)
try:
    print(a * 2 ** 70)
except OverflowError as e:
    print('caught', e)
print(np.exp([1.0, 2.0]), np.exp(a, ), a * np.float64(2) == 5.0)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_programs_alike_and_as_python(name, off):
    error, _, _, printed, _ = same_both_ways(PROGRAMS[name], Limits(), off)
    assert error is None, error
    assert printed == python_prints(PROGRAMS[name])


def test_every_step_cut_alike(off):
    source = """import numpy as np
class A:
    def __init__(self, w):
        self.w = w
    def f(self, x):
        return self.w * np.exp(-x) + x
def g(a, b):
    return a - b
a = A(np.float64(0.5))
y = np.float64(1.0)
v = np.linspace(0, 1, 3)
for k in range(2):
    y = g(a.f(y), a.w) + v[k]
    a.w = a.w + y
for b in [a, a]:
    y = y + [y, b.w][1]
print(y)
"""
    assert_every_step_cut_alike(source, off)


def test_time_check_alike(off, monkeypatch):
    assert_time_check_alike(LESSON, off, monkeypatch)


RECURSE = """class R:
    def down(self, n):
        return 0 if n == 0 else 1 + self.down(n - 1)


def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


print({call})
"""


@pytest.mark.parametrize("call", ["R().down({n})", "down({n})"])
@pytest.mark.parametrize(("n", "fails"), [(18, False), (19, False), (20, True), (25, True)])
def test_call_depth_below_and_above(call, n, fails, off):
    source = RECURSE.format(call=call.format(n=n))
    error, *_ = same_both_ways(source, Limits(max_call_depth=20), off)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and "more than 20 levels deep; the limit is 20" in error[1]


SCALAR_LOOP = """import numpy as np
x = np.float64(0.1)
for k in range(40):
    x = np.exp(x * 0.5) - x
print(x)
"""


def ran(source: str):  # noqa: ANN201 - an Interpreter
    """The Interpreter after running source with a Recorder as its hooks (its sizes, its hooks' state)."""
    import torch

    from autogradlab.engine.recorder import Recorder
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.parse import parse_program
    limits = Limits()
    interp = Interpreter(parse_program(source, limits), source, limits=limits,
                         generator=torch.Generator().manual_seed(0), hooks=Recorder(source, limits))
    interp.run()
    return interp


def _elements(source: str) -> int:
    """The run's element total (each scalar op charges one)."""
    return ran(source).sizes.total_elements


@pytest.mark.parametrize("margin", [0, -1])
def test_element_total_at_and_below_the_need(margin, off):
    need = _elements(SCALAR_LOOP)
    error, *_ = same_both_ways(SCALAR_LOOP, Limits(max_total_elements=need + margin), off)
    assert (error is not None) == (margin < 0), error
    if error is not None:
        assert error[0] == "limit" and error[2] == 4, error


REBINDS = """import torch
import numpy as np


class Box:
    def __init__(self, v):
        self.v = v


a = torch.ones(2, requires_grad=True)
w = a * 2
w = np.float64(1.5)
w = Box(a)
w = [a, 1]
w = (a * 3).sum()
n = np.float64(2.0)
n = [1, 2]
n = {'k': n}
b = Box(w)
b = w * 2
b.backward()
items = [a, w, b]
for t in items:
    s = t
print(a.grad, s)


def inner(x, y):
    z = np.float64(1.0)
    z = x * y
    return z


print(inner(a, 3).sum(), inner(np.float64(2.0), 3))
"""


def _report(source: str) -> bytes:
    report = run_program(source)
    _zero_timings(report, set())
    return pickle.dumps(report)


@pytest.mark.parametrize("name", ["rebinds", "lesson"])
def test_reports_are_the_same(name, off):
    source = REBINDS if name == "rebinds" else LESSON
    mine = _report(source)
    off()
    assert _report(source) == mine


def test_short_ways_are_taken(monkeypatch):
    """The lesson's calls, reads and NumPy scalar operations go the new ways (else the tests above
    compare a path with itself)."""
    from autogradlab.lang import numpy_scalar_ops, object_methods
    taken = {"plain": 0, "pair": 0, "ufunc": 0}
    real_call_plain, real_pair_for, real_ufunc1 = (object_methods.call_plain, numpy_scalar_ops.pair_for,
                                                  numpy_scalar_ops.ufunc1_for)

    def counted(key, real):  # noqa: ANN001, ANN202
        def made(*args):  # noqa: ANN002, ANN202
            inner = real(*args)

            def run(*more):  # noqa: ANN002, ANN202
                taken[key] += 1
                return inner(*more)
            return run
        return made

    def spied_call_plain(*args):  # noqa: ANN002, ANN202
        taken["plain"] += 1
        return real_call_plain(*args)
    monkeypatch.setattr(method_runs, "call_plain", spied_call_plain)
    monkeypatch.setattr(numpy_scalar_ops, "pair_for", counted("pair", real_pair_for))
    monkeypatch.setattr(numpy_scalar_ops, "ufunc1_for", counted("ufunc", real_ufunc1))
    error, *_ = outcome(LESSON, Limits())
    assert error is None
    assert taken["plain"] == 0 and taken["pair"] > 100 and taken["ufunc"] > 50, taken
    monkeypatch.setattr(method_runs, "RUN_PLAIN", False)
    outcome(LESSON, Limits())
    assert taken["plain"] > 100, taken
