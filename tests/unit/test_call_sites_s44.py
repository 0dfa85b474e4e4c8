"""Session 44's call sites and quiet NumPy runs: a call site's own closure for a `def` given its parameters
by position (lang/positional_sites.py, SITES), NumPy's quiet error state set once a run for the scalar
operations (lang/numpy_scalar_ops.py, QUIET_RUN; Interpreter.run), a body's last `return` run by the site
(FINAL_INLINE), a name bound in a function to a value without tensors told to the Recorder as such a parameter
is (compiled_targets.QUIET_LOCALS) and a statement `name.member(...)` in
one closure (compiled_statements.positioned_call_statement, CALL_STATEMENTS).

Oracles: the same program with each switch off and all off (test_compiled_blocks.outcome: error kind,
message, line and column, the step count, the variables, the printed text and the op records), real Python
for the printed text and for the errors a program catches, every step cut alike, the time check alike, the
call depth below, at and above the limit (functions and methods), and NumPy's error state after every run
as it was before.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from autogradlab.lang import (
    compiled,  # noqa: F401 - first (an import cycle)
    compiled_statements,
    compiled_targets,
    numpy_scalar_ops,
    positional_sites,
)
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_every_step_cut_alike, assert_time_check_alike, python_prints
from tests.unit.test_compiled_blocks import outcome
from tests.unit.test_method_calls_s41 import same_both_ways

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")
SWITCHES = ((positional_sites, "SITES"), (positional_sites, "FINAL_INLINE"), (numpy_scalar_ops, "QUIET_RUN"),
            (compiled_statements, "CALL_STATEMENTS"), (compiled_targets, "QUIET_LOCALS"))
PROGRAMS_DIR = Path(__file__).parent.parent / "programs"


@pytest.fixture(params=[[switch] for switch in SWITCHES] + [list(SWITCHES)],
                ids=["SITES", "FINAL_INLINE", "QUIET_RUN", "CALL_STATEMENTS", "QUIET_LOCALS", "all"])
def off(request, monkeypatch):
    def run() -> None:
        for module, name in request.param:
            monkeypatch.setattr(module, name, False)
    return run


def _loop_program(name: str, old: str, new: str) -> str:
    source = (PROGRAMS_DIR / f"loop_{name}.py").read_text()
    assert old in source
    return source.replace(old, new)


PROGRAMS = {
    "layer_objects": _loop_program("layer_objects", "range(5000)", "range(60)"),
    "numpy_scalars": _loop_program("numpy_scalars", "np.linspace(-1.0, 1.0, 40)", "np.linspace(-1.0, 1.0, 9)")
    .replace("range(200)", "range(20)").replace("range(1, 1001)", "range(1, 101)").replace("/ 1000", "/ 100"),
    "function_break": _loop_program("function_break", "training_loop(3000,", "training_loop(40,"),
    "calls": """import numpy as np
import torch


class Base:
    def __init__(self, w):
        self.w = w

    def scale(self, x):
        return self.w * x

    def nothing(self, x):
        self.seen = x


class Child(Base):
    def scale(self, x):
        return super().scale(x) + 1


def twice(f, x):
    return f(f(x))


def pair(a, b):
    if a > b:
        return a - b
    return b - a


def gen(n):
    yield n


def kw(a, b=2):
    return a + b


def maker(k):
    return lambda v: v * k


def gives(f):
    return f


def local_names(t, n):
    u = t * 2
    k = n + 0.5
    s = np.float64(k) * 2
    w = u + k
    v = w.sum() * s
    return v


def early(x):
    for v in range(3):
        if v == x:
            return v
    return -1


objs = [Base(2.0), Child(np.float64(3.0)), Base(torch.tensor([1.0, 2.0]))]
out = []
for k in range(4):
    for o in objs:
        out.append(o.scale(k))
        print(o.nothing(k), o.seen)
    f = pair if k % 2 == 0 else (lambda a, b: a * b)
    out.append(f(k, 3))
    out.append(twice(lambda v: v + 1, k))
    out.append(kw(k, 1))
    out.append(list(gen(k)))
    out.append(maker(k)(2))
    out.append(gives(print) is print)
    out.append(early(k))
    if k == 2:
        Base.scale = lambda self, x: -x   # the method redefined: the site looks it up again
    t = torch.tensor([float(k)], requires_grad=True)
    y = pair(t * 2, t)
    z = local_names(t, k)
    (y.sum() + z).backward()
    print(y, z, t.grad)
print(out)
""",
    "numpy_quiet": """import numpy as np
a = np.float64(1.0)
z = np.float64(0.0)
big = np.int64(2**62)
print(a / z, -a / z, z / z, np.exp(np.float64(1000.0)), np.sqrt(np.float64(-1.0)), big * 4, np.log(z))
print(np.float32(3e38) * np.float32(10), np.int8(127) + np.int8(1), np.float64(1e308) * 10, np.arcsin(a * 2))
c = np.int64(7)
for k in range(5):
    c += k
    a = a * np.float64(0.5) + k
print(c, a, type(c), type(a), np.maximum(a, 3.0), -c, abs(-c), np.float64(2) ** 0.5)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_programs_alike_and_as_python(name, off):
    source = PROGRAMS[name]
    error, steps, _, printed, _ = same_both_ways(source, Limits(timeout_s=60), off)
    assert error is None, error
    assert steps > 0
    assert printed == python_prints(source)


ERRORS = {   # (error kind, line) or None; each the same both ways
    "too_many": ("def f(a):\n    return a\nfor k in range(3):\n    f(k) if k < 2 else f(k, 1)\n",
                 ("type", 4)),
    "too_few_method": ("class A:\n    def m(self, x):\n        return x\na = A()\nfor k in range(3):\n"
                       "    y = a.m(k) if k < 2 else a.m()\n", ("type", 6)),
    "body_error": ("def f(a, b):\n    return a / b\nfor k in range(3, -1, -1):\n    y = f(1, k)\n",
                   ("value", 2)),
    "method_body_error": ("class A:\n    def m(self, x):\n        return [1, 2][x]\na = A()\n"
                          "for k in range(4):\n    a.m(k)\n", ("index", 3)),
    "unstorable_argument": ("import numpy as np\ndef f(a):\n    return a\nfor k in range(3):\n"
                            "    y = f(k if k < 2 else np)\n",
                            ("unsupported", 5)),
    "numpy_error": ("import numpy as np\ndef f(a):\n    return np.float64(a) + 'x'\ny = f(1.0)\n", None),
    "dunder_method": ("class A:\n    def __m(self):\n        return 1\nA().__m()\n", ("unsupported", 4)),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors_and_refusals_alike(name, off):
    source, expected = ERRORS[name]
    error, *_ = same_both_ways(source, Limits(), off)
    if expected is None:
        assert error is not None
    else:
        assert error is not None and (error[0], error[2]) == expected, error


def test_plotting_statements_alike(off):
    """`plt.plot(...)` statements in a loop: their arguments run, the call is skipped, the line noted."""
    source = """import matplotlib.pyplot as plt
xs = []
for k in range(3):
    xs.append(k)
    plt.plot(xs, [x * 2 for x in xs], label=str(k))
    plt.xlabel('k')
plt.show()
print(xs)
"""
    error, steps, _, printed, _ = same_both_ways(source, Limits(), off)
    assert error is None and printed == "[0, 1, 2]\n", (error, printed)
    error, *_ = same_both_ways(source.replace("plt.xlabel('k')", "plt.xlabel(k / 0)"), Limits(), off)
    assert error[0] == "value" and error[2] == 6, error


def test_errors_caught_as_cpython():
    source = """import numpy as np


class A:
    def m(self, x):
        return 10 // x


def f(a, b):
    return a / b


for g in (lambda: f(1, 0), lambda: A().m(0), lambda: f(1), lambda: A().m(), lambda: A().m(1, 2),
          lambda: f(np.float64(1), np.float64(0)), lambda: f(np.int64(1), 0)):
    try:
        print(g())
    except (ZeroDivisionError, TypeError) as e:
        print('caught', type(e).__name__, e)
"""
    error, _, _, printed, _ = outcome(source, Limits())
    assert error is None, error
    assert printed == python_prints(source)


def test_every_step_cut_alike(off):
    source = """import numpy as np
class L:
    def __init__(self, w):
        self.w = w
    def f(self, x):
        return self.w * x
def g(a, b):
    return a - b
layer = L(np.float64(0.5))
t = np.float64(0.0)
for k in range(3):
    t = t + g(layer.f(k), np.float64(1.0))
print(t)
"""
    assert_every_step_cut_alike(source, off)


def test_time_check_alike(off, monkeypatch):
    source = ("import numpy as np\nclass A:\n    def m(self, x):\n        return x * np.float64(2.0)\n"
              "def f(a, b):\n    return a + b\na = A()\nk = 0\nwhile k < 100:\n"
              "    k = f(k, 1)\n    y = a.m(k)\n")
    assert_time_check_alike(source, off, monkeypatch)


FUNCTION_RECURSION = "def down(n):\n    return 0 if n == 0 else 1 + down(n - 1)\n\n\nprint(down({n}))\n"
METHOD_RECURSION = ("class R:\n    def down(self, n):\n"
                    "        return 0 if n == 0 else 1 + self.down(n - 1)\n\n\n"
                    "print(R().down({n}))\n")


@pytest.mark.parametrize("source", [FUNCTION_RECURSION, METHOD_RECURSION], ids=["function", "method"])
@pytest.mark.parametrize(("n", "fails"), [(18, False), (19, False), (20, True), (25, True)])
def test_call_depth_below_at_and_above(source, n, fails, off):
    error, _, _, printed, _ = same_both_ways(source.format(n=n), Limits(max_call_depth=20), off)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and "more than 20 levels deep; the limit is 20" in error[1]
    else:
        assert printed == f"{n}\n"


@pytest.mark.parametrize("ending", ["", "y = 1 / 0\n", "while True:\n    pass\n"],
                         ids=["ends", "error", "steps"])
def test_numpy_error_state_after_a_run(ending):
    """The run's quiet state is given back however the run ends (a program's error, the step limit)."""
    before = np.geterr()
    source = "import numpy as np\nx = np.float64(1.0) / np.float64(0.0)\n" + ending
    error, *_ = outcome(source, Limits(max_steps=2000))
    assert (error is None) == (ending == "")
    assert np.geterr() == before
    assert numpy_scalar_ops._STATE.get() is not numpy_scalar_ops._QUIET


class _CountedState:
    """numpy_scalar_ops._STATE with its sets counted."""

    def __init__(self, real):  # noqa: ANN001
        self.real, self.sets = real, 0

    def set(self, value):  # noqa: ANN001, ANN201
        self.sets += 1
        return self.real.set(value)

    def reset(self, token):  # noqa: ANN001, ANN201
        return self.real.reset(token)

    def get(self, *default):  # noqa: ANN002, ANN201
        return self.real.get(*default)


def test_the_short_ways_are_taken(monkeypatch):
    """With the switches on, the calls go through the sites (call_positional and run_plain are not
    reached) and the NumPy scalar operations set the error state once a run (else the tests above
    compare a path with itself)."""
    from autogradlab.lang import method_runs, user_functions
    counts = {"positional": 0, "plain": 0}
    real_positional, real_plain = user_functions.call_positional, method_runs.run_plain

    def positional(*args):  # noqa: ANN002, ANN202
        counts["positional"] += 1
        return real_positional(*args)

    def plain(*args):  # noqa: ANN002, ANN202
        counts["plain"] += 1
        return real_plain(*args)
    state = _CountedState(numpy_scalar_ops._STATE)
    monkeypatch.setattr(user_functions, "call_positional", positional)
    monkeypatch.setattr(method_runs, "run_plain", plain)
    monkeypatch.setattr(numpy_scalar_ops, "_STATE", state)
    monkeypatch.setattr(numpy_scalar_ops, "_current", state.get)
    error, *_ = outcome(PROGRAMS["layer_objects"], Limits())
    assert error is None
    # (since session 45 the three `__init__`s go through their `Name(...)` sites too: NEW_OBJECTS)
    assert counts == {"positional": 0, "plain": 0} and state.sets == 1, (counts, state.sets)
    monkeypatch.setattr(positional_sites, "SITES", False)
    monkeypatch.setattr(numpy_scalar_ops, "QUIET_RUN", False)
    outcome(PROGRAMS["layer_objects"], Limits())
    assert counts["plain"] > 100 and state.sets > 500, (counts, state.sets)
