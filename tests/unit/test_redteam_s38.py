"""Red team of session 38 on engine/captured_backward.py: programs whose `y.backward()` the captured
run (torch's engine in grad mode, then every leaf's .grad written after it) would have shown
differently from PyTorch, because torch writes a leaf's .grad as soon as its engine reaches that leaf:
- an existing .grad shares memory with a saved tensor read later (torch raises: modified in place);
- an existing .grad the `+=` raises on (expanded, an inference tensor): the leaves reached before
  it have their .grad in torch, none in the captured run;
- a Node whose backward raises on some values (eig's and svd's phase checks), after torch wrote the
  .grad of the leaves it reached first.
Real Python + PyTorch is the oracle; each program also says whether it may be captured (just below
the gate: an existing .grad that is a contiguous view of a tensor nothing saved stays captured)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests import diff_compare
from tests.unit.basics_helpers import engine_matches_python
from tests.unit.test_captured_backward_s38 import _count_captured


def oracle_for(programs: dict[str, str]) -> dict[str, dict]:
    """basics_helpers.oracle_for, with torch.func's first call (4 s under load 10: past the oracle's
    3 s per program, and an import cut short breaks the child's later programs) made before."""
    import json
    import subprocess
    import sys
    assert "out = []" in diff_compare._CHILD
    child = diff_compare._CHILD.replace(
        "out = []", "from torch.func import jacrev\njacrev(torch.sin)(torch.ones(1))\nout = []", 1)
    sources = list(programs.values())
    done = subprocess.run([sys.executable, "-c", child, str(diff_compare.ROOT)], input=json.dumps(sources),
                          capture_output=True, text=True, timeout=600, check=True)
    return dict(zip(sources, json.loads(done.stdout), strict=True))

HOOKED = {
    "grad_is_saved": """import torch
x = torch.ones(3, requires_grad=True)
w = torch.ones(3, requires_grad=True)
g = torch.zeros(3)
x.grad = g
y = (w * g).sum() + x.sum()
try:
    y.backward()
except RuntimeError as e:
    print("error", str(e)[:40])
print(x.grad, w.grad, g)
""",
    "grad_shares_a_saved_leaf": """import torch
x = torch.ones(3, requires_grad=True)
w = torch.ones(3, requires_grad=True)
x.grad = w.detach()
y = (w * w).sum() + (x * 3).sum()
try:
    y.backward()
except RuntimeError as e:
    print("error", str(e)[:40])
print(x.grad, w.grad)
""",
    "expanded_grad": """import torch
x = torch.ones(3, requires_grad=True)
w = torch.ones(3, requires_grad=True)
x.grad = torch.zeros(1).expand(3)
y = (w * 2).sum() + (x * 3).sum()
try:
    y.backward()
except RuntimeError as e:
    print("error", str(e)[:40])
print(x.grad, w.grad)
""",
    "inference_grad": """import torch
x = torch.ones(3, requires_grad=True)
w = torch.ones(3, requires_grad=True)
with torch.inference_mode():
    g = torch.zeros(3)
x.grad = g
y = (w * 2).sum() + (x * 3).sum()
try:
    y.backward()
except RuntimeError as e:
    print("error", str(e)[:40])
print(x.grad, w.grad)
""",
    "one_grad_for_two_leaves": """import torch
x = torch.tensor([1e8, 1.0], requires_grad=True)
w = torch.tensor([1.0, 1.0], requires_grad=True)
g = torch.tensor([1.0, 3.0])
x.grad = g
w.grad = g
y = (x * 1e-8).sum() * 0.7 + (w * 0.3).sum()
y.backward()
print(g.tolist(), x.grad is w.grad)
""",
    "eig_phase": """import torch
A = torch.tensor([[2.0, 1.0], [0.5, 3.0]], requires_grad=True)
w = torch.tensor(1.0, requires_grad=True)
vals, vecs = torch.linalg.eig(A)
y = vecs.imag.sum() + vecs.real.sum() + w * 2
try:
    y.backward()
except RuntimeError as e:
    print("error", str(e)[:50])
print(A.grad, w.grad)
""",
    "complex_svd_phase": """import torch
A = torch.tensor([[2.0, 1.0], [0.5, 3.0]], requires_grad=True)
w = torch.tensor(1.0, requires_grad=True)
U, S, Vh = torch.linalg.svd(A.to(torch.complex64))
y = U.imag.sum() + U.real.sum() + w * 2
try:
    y.backward()
except RuntimeError as e:
    print("error", str(e)[:50])
print(A.grad, w.grad)
""",
}

CAPTURED = {
    # a contiguous .grad that is a view of a tensor no Node saved: added into in place, as torch does
    "grad_a_view_of_another": """import torch
x = torch.ones(3, requires_grad=True)
w = torch.ones(3, requires_grad=True)
base = torch.zeros(2, 3)
x.grad = base[1]
y = (w * 2).sum() + (x * x).sum()
y.backward()
print(base, x.grad, w.grad)
""",
    # a .grad that shares memory with a tensor read by no Node of this backward
    "grad_shares_an_unsaved_tensor": """import torch
x = torch.ones(3, requires_grad=True)
w = torch.ones(3, requires_grad=True)
other = torch.zeros(3)
x.grad = other.view(3)
y = (w * 2).sum() + (x * 3).sum()
y.backward()
print(other, x.grad, w.grad)
""",
    "eigh_is_fine": """import torch
A = torch.tensor([[2.0, 1.0], [1.0, 3.0]], requires_grad=True)
w = torch.tensor(1.0, requires_grad=True)
L, V = torch.linalg.eigh(A)
y = V.sum() + L.sum() + w * 2
y.backward()
print(A.grad, w.grad)
""",
}

ALL = {**HOOKED, **CAPTURED}


@pytest.fixture(scope="module")
def python() -> dict[str, dict]:
    return oracle_for(ALL)


@pytest.mark.parametrize("name", sorted(ALL))
def test_the_program_sees_what_python_sees(name: str, python: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _count_captured(monkeypatch)
    engine_matches_python(ALL[name], python[ALL[name]])
    assert made[0] == (0 if name in HOOKED else 1), made[0]


# -- the Jacobian page's checks (engine/check_allowance.py) ----------------------------------------
# After `jacrev(f)(x)` (or hessian, or jacobian(f, x)) the page runs f again (probe, JVP, finite
# differences). Those passes took the program's own loop budget: a program that ran in 0.2 s stopped
# at the loop limit on its own line 11 after them.
LOOP_AFTER = """import torch
from torch.func import jacrev, hessian
from torch.autograd.functional import jacobian
def f(x):
    for i in range(4000):
        pass
    return x * 2
x = torch.ones(3)
J = {call}
n = 0
for i in range(90000):
    n += 1
print(J, n)
"""
CALLS = ("jacrev(f)(x)", "jacobian(f, x)", "hessian(lambda x: f(x).sum())(x)")


@pytest.fixture(scope="module")
def python_loops() -> dict[str, dict]:
    return oracle_for({call: LOOP_AFTER.format(call=call) for call in CALLS})


@pytest.mark.parametrize("call", CALLS)
def test_the_checks_leave_the_program_its_loop_budget(call: str, python_loops: dict) -> None:
    source = LOOP_AFTER.format(call=call)
    engine_matches_python(source, python_loops[source])
    report = run_program(source, limits=Limits(timeout_s=30))
    assert report.ok and len(report.jacobians) == 1


# f's own 60,000 iterations leave the program 40,000: the checks (a quarter of those) stop at their
# allowance with a note; the program's loop of 40,000 runs, one of 40,001 stops at the limit.
AT_LIMIT = """import torch
from torch.func import jacrev
def f(x):
    for i in range(60000):
        pass
    return x * 2
x = torch.ones(3)
J = jacrev(f)(x)
n = 0
for i in range({loop}):
    n += 1
print(n)
"""


def test_the_checks_stop_at_their_allowance_and_the_limit_stays_where_it_was() -> None:
    below = run_program(AT_LIMIT.format(loop=40000), limits=Limits(timeout_s=30))
    assert below.ok and below.printed == "40000\n", below.error
    assert "LimitExceeded" in " ".join(below.jacobians[0].checks.notes)
    above = run_program(AT_LIMIT.format(loop=40001), limits=Limits(timeout_s=30))
    assert above.error is not None and above.error.kind == "limit" and above.error.line == 10
    assert "100,000 loop iterations" in above.error.message


def test_the_allowance_restores_the_counters_and_shares_what_is_left() -> None:
    from autogradlab.engine.check_allowance import allowance
    from tests.unit.basics_helpers import interpreter

    interp = interpreter("x = 1\n")
    interp._steps, interp._iterations, interp.sizes.printed_chars = 1000, 60000, 999_000
    with allowance(interp):
        assert interp._iterations == 100_000 - 10_000 and interp._steps == 1_000_000 - 249_750
        assert interp.sizes.printed_chars == 1_000_000 - 250 and interp.caught_errors == 1000 - 250
    assert (interp._steps, interp._iterations, interp.sizes.printed_chars) == (1000, 60000, 999_000)
    assert interp.caught_errors == 0 and interp._deadline == float("inf")


# the checks' passes built lists, caught errors and printed (muted) text charged to the program's
# budgets: each of these programs stopped at a limit on a line after the jacrev call
BUDGETS = {
    "lists": """import torch
from torch.func import jacrev
def f(x):
    for i in range(100):
        l = [0] * 100000
    return x * 2
x = torch.ones(3)
J = jacrev(f)(x)
def build():
    return len([1] * 100000)
n = 0
for i in range(300):
    n += build()
print(n)
""",
    "caught": """import torch
from torch.func import jacrev
def f(x):
    for i in range(300):
        try:
            1 / 0
        except ZeroDivisionError:
            pass
    return x * 2
x = torch.ones(3)
J = jacrev(f)(x)
k = 0
for i in range(600):
    try:
        [][1]
    except IndexError:
        k += 1
print(k)
""",
    "printed": """import torch
from torch.func import jacrev
def f(x):
    print("a" * 99999)
    return x * 2
x = torch.ones(3)
J = jacrev(f)(x)
for i in range(8):
    print("b" * 99999)
print("done")
""",
}


@pytest.fixture(scope="module")
def python_budgets() -> dict[str, dict]:
    return oracle_for(BUDGETS)


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_the_checks_leave_the_program_its_other_budgets(name: str, python_budgets: dict) -> None:
    engine_matches_python(BUDGETS[name], python_budgets[BUDGETS[name]])


# -- changes outside f the purity scan (engine/jacobian_purity.py) missed ---------------------------
# The checks ran f four more times, muted: the program saw its iterator, generator, list, deque or
# Counter changed four more times than Python shows.
OUTSIDE = """import torch
import collections
from torch.func import jacrev
from torch.autograd.functional import jacobian
calls = [5, 4, 3, 2, 1, 0, 9, 8]
dq = collections.deque([1, 2, 3, 4, 5, 6, 7, 8, 9])
cnt = collections.Counter('aaaa')
it = iter(range(100))
def gen():
    k = 0
    while True:
        k += 1
        yield k
g = gen()
def f(x):
    {change}
    return x * 2
x = torch.ones(2)
print({call})
print(calls, dq, cnt, next(it), next(g))
"""
CHANGES = ("del calls[0]", "dq.appendleft(1)", "dq.rotate(1)", "dq.popleft()", "next(it)", "next(g)",
           "cnt.subtract({'a': 1})", "calls.extend([v for v in it][:2])",
           # through a name of f's own that holds the outer object
           "l = calls; l.append(1)", "q = dq; q.rotate(2)", "[c.pop() for c in [calls]]")
OUTSIDE_PROGRAMS = {(change, call): OUTSIDE.format(change=change, call=call)
                    for change in CHANGES for call in ("jacrev(f)(x)", "jacobian(f, x)")}


@pytest.fixture(scope="module")
def python_outside() -> dict[str, dict]:
    return oracle_for({str(key): source for key, source in OUTSIDE_PROGRAMS.items()})


@pytest.mark.parametrize("key", sorted(OUTSIDE_PROGRAMS))
def test_f_runs_once_when_it_changes_something_outside(key: tuple[str, str], python_outside: dict) -> None:
    source = OUTSIDE_PROGRAMS[key]
    engine_matches_python(source, python_outside[source])


def test_a_pure_function_still_gets_every_check() -> None:
    import ast

    from autogradlab.engine.jacobian_purity import first_side_effect
    tree = ast.parse("xs = list(zip([1], [2]))\ndef f(x):\n    d = {}\n    del d['a']\n    it = iter([x])\n"
                     "    return next(iter([x])) * len(xs)\n")
    assert first_side_effect(tree) == (6, "next(iter([x]))")   # next(...) is conservative
    tree = ast.parse("xs = list(zip([1], [2]))\ndef f(x):\n    d = {'a': 1}\n    del d['a']\n"
                     "    return x * len(xs)\n")
    assert first_side_effect(tree) is None
