"""call_positional setting the Recorder's last_line itself for parameters that hold no tensor
(user_functions.QUIET_PARAMETERS, engine/name_hooks.on_parameters.quiet_kinds): the whole report of
run_program (pickled, timings zeroed: the graph, names, lines, values) and the printed text the same
with the switch off, and the printed text as CPython prints it.
"""

from __future__ import annotations

import pytest

from autogradlab.engine import name_hooks
from autogradlab.lang import user_functions
from autogradlab.limits import Limits
from tests.unit.site_helpers import python_prints
from tests.unit.test_method_calls_s41 import same_both_ways
from tests.unit.test_object_paths_s42 import _report, ran

PLAIN = """import numpy as np


class Layer:
    def __init__(self, w):
        self.w = w

    def forward(self, x, scale):
        return self.w * x * scale


def f(a, b):
    return a - b


layer = Layer(np.float64(0.5))
total = 0.0
for k in range(20):
    total = f(total, layer.forward(np.float64(k), 2)) + f(k, None is None)
print(total, f('ab'[0], 'a') if False else f(1.5, 2))
"""

TENSORS = """import torch


def scale(x, s):
    y = x * s
    return y


def plain(n):
    return n + 1


def make(n, k):
    return torch.full((2,), n) * k


x = torch.ones(3, requires_grad=True)
y, k = x * 2, plain(1.0)   # the op's output waits for its name while plain's parameter is bound
m = make(
    3.0,
    2)
z = (x * 2).sum() + plain(3.0)
w = scale(x, plain(2)).sum() * plain(1)
u = scale(x.exp(), 2.0)
v = (x * 3).mean() + scale(plain(4.0), torch.tensor(2.0))
(z + w + u.sum() + v).backward()
print(z, w, u, v, x.grad, y, k, m)
"""


@pytest.fixture
def off(monkeypatch):
    return lambda: monkeypatch.setattr(user_functions, "QUIET_PARAMETERS", False)


@pytest.mark.parametrize("source", [PLAIN, TENSORS], ids=["plain", "tensors"])
def test_reports_the_same_with_the_switch_off(source, monkeypatch):
    mine = _report(source)
    monkeypatch.setattr(user_functions, "QUIET_PARAMETERS", False)
    assert _report(source) == mine


@pytest.mark.parametrize("source", [PLAIN, TENSORS], ids=["plain", "tensors"])
def test_outcome_alike_and_as_python(source, off):
    error, _, _, printed, _ = same_both_ways(source, Limits(), off)
    assert error is None, error
    assert printed == python_prints(source)


def test_the_short_way_is_taken(monkeypatch):
    """With the switch on, on_parameters is called only for the calls given a tensor (else the tests
    above compare a path with itself)."""
    calls = [0]
    real = name_hooks.NameHooks.on_parameters

    def spied(*args):  # noqa: ANN002, ANN202
        calls[0] += 1
        return real(*args)
    spied.quiet_kinds = real.quiet_kinds
    monkeypatch.setattr(name_hooks.NameHooks.on_assign, "for_parameters", spied)
    _report(PLAIN)
    assert calls[0] == 0, calls
    monkeypatch.setattr(user_functions, "QUIET_PARAMETERS", False)
    _report(PLAIN)
    assert calls[0] == 20 * 3 + 2, calls


@pytest.mark.parametrize("quiet", [True, False])
def test_last_line_is_the_call_s(quiet, monkeypatch):
    """The Recorder's last_line (the line an internal error is reported at) after a call given plain
    values: the call's line, both ways."""
    monkeypatch.setattr(user_functions, "QUIET_PARAMETERS", quiet)
    source = "import numpy as np\n\n\ndef f(a, b):\n    pass\n\n\nk = 1\nf(\n    np.float64(1.0), 'b')\n"
    assert ran(source).hooks.last_line == 9
