"""Session 43 (issue 9): an op recorded in full the short way (engine/full_records.py, FULL_ONE): one
tensor out, tensors and plain numbers in, recorded in one frame instead of Recorder._record_op's five
calls. A long loop's last passes (the op window) and every op of an unskimmed run take it; the record
of any op with one tensor out then writes its window entry itself (WINDOW_INLINE).

Every report is the same byte for byte (pickled, timings zeroed) with the switch on and off: the loop
programs, the seed programs, a Steps trace, and programs made to reach each way out of the short way
(keyword arguments, a list argument, several outputs, NumPy memory, a tensor subclass, a view written
under no_grad, large outputs held lazily, the window's element limit, a made leaf pinned past the
window) with skimming on and off. The values and gradients the report shows are PyTorch's own, and the
limits stop the same programs at the same line: max_ops one below, at and above what a program keeps,
and the time limit."""

from __future__ import annotations

import pickle

import pytest
import torch

import autogradlab.engine.full_records as full_records
import autogradlab.engine.skim as skim
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.run import run_program
from autogradlab.limits import Limits
from autogradlab.step_records import StepOptions
from bench.report_identity import _zero_timings
from tests.programs.manifest import PROGRAMS as MANIFEST
from tests.programs.manifest import spec_id
from tests.unit.test_held_collection_s41 import CHAIN

PROGRAMS = {
    "chain_40": CHAIN.format(n=40),
    "chain_200": CHAIN.format(n=200),
    "ints_and_bools": ("import torch\nx = torch.arange(6)\ny = x * 2 + 1\nz = (y > 3) & True\n"
                       "w = y // 2 - x % 3\nprint(y, z, w)\n"),
    "kwargs_and_lists": ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                         "y = torch.sum(x * x, dim=0)\nz = torch.cat([x, x * 3])\nw = torch.stack((x, x))\n"
                         "v = (z.sum() + w.sum() + y)\nv.backward()\nprint(x.grad)\n"),
    "several_outputs": ("import torch\nx = torch.tensor([[3.0, 1.0], [2.0, 5.0]], requires_grad=True)\n"
                        "m, i = x.max(1)\na, b = x.unbind()\ny = (m * a + b).sum()\ny.backward()\n"
                        "print(x.grad, i)\n"),
    "numpy_memory": ("import torch\nimport numpy as np\na = np.ones(3)\nt = torch.from_numpy(a)\n"
                     "u = t * 2\na[0] = 5.0\nv = t + u\nprint(u, v)\n"),
    "parameter": ("import torch\nimport torch.nn as nn\np = nn.Parameter(torch.ones(2))\n"
                  "y = p * 3 + p\nz = y.sum()\nz.backward()\nprint(p.grad)\n"),
    "view_no_grad": ("import torch\nw = torch.ones(4, requires_grad=True)\nfor k in range(3):\n"
                     "    loss = (w * w).sum()\n    loss.backward()\n    with torch.no_grad():\n"
                     "        w[:] -= 0.1 * w.grad\n    w.grad.zero_()\nprint(w)\n"),
    "in_place_and_large": ("import torch\nA = torch.ones(300, 300)\nB = A * 2\nA += 1\nC = B @ A\n"
                           "for k in range(30):\n    C = C * 0.5 + B\nB.mul_(3)\nprint(C.sum(), B.sum())\n"),
    "window_elements": ("import torch\nx = torch.zeros(400_000)\nfor k in range(8):\n    x = x + 1\n"
                        "print(x.sum())\n"),
    "leaves_in_a_loop": ("import torch\nys = []\nfor k in range(200):\n"
                         "    w = torch.tensor(float(k), requires_grad=True)\n    ys.append(w * 2 + 1)\n"
                         "s = ys[-1] + ys[0]\ns.backward()\nprint(s)\n"),
    "function_ops": ("import torch\ndef f(a, b):\n    c = a * b\n    return torch.exp(c) - 1.5\n"
                     "x = torch.tensor([0.1, 0.2], requires_grad=True)\ny = x\nfor k in range(150):\n"
                     "    y = f(y, 0.9)\ny.sum().backward()\nprint(x.grad)\n"),
}
LOOPS = ["loop_scalar_chain", "loop_newton", "loop_power_iteration", "loop_linreg", "loop_polyfit_300"]
SEEDS = [spec for spec in MANIFEST if spec.file.startswith("seed") and not spec.slow]


SWITCHES = ("FULL_ONE", "WINDOW_INLINE")


def _dumped(source: str, full: bool, monkeypatch: pytest.MonkeyPatch, only: str | None = None,
            **options) -> bytes:
    """The pickled report with the switches (or `only` that one: the other on) on or off."""
    for switch in SWITCHES:
        monkeypatch.setattr(full_records, switch, full if only in (None, switch) else True)
    report = run_program(source, **options)
    _zero_timings(report, set())
    return pickle.dumps(report)


def _both(source: str, monkeypatch: pytest.MonkeyPatch, **options) -> tuple[bytes, bytes]:
    return _dumped(source, False, monkeypatch, **options), _dumped(source, True, monkeypatch, **options)


@pytest.mark.parametrize("switch", SWITCHES)
@pytest.mark.parametrize("name", ["chain_200", "numpy_memory", "view_no_grad", "leaves_in_a_loop",
                                  "window_elements", "kwargs_and_lists"])
def test_reports_are_the_same_with_each_switch_alone_off(name, switch, monkeypatch):
    off = _dumped(PROGRAMS[name], False, monkeypatch, switch, limits=Limits(timeout_s=60))
    assert _dumped(PROGRAMS[name], True, monkeypatch, limits=Limits(timeout_s=60)) == off


@pytest.mark.parametrize("skimming", [True, False])
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_reports_are_the_same_with_the_short_way_on_and_off(name, skimming, monkeypatch):
    monkeypatch.setattr(skim, "SKIM", skimming)
    off, on = _both(PROGRAMS[name], monkeypatch, limits=Limits(timeout_s=60))
    assert on == off


def _spec(name: str):
    return next(spec for spec in MANIFEST if spec_id(spec) == name)


@pytest.mark.parametrize("name", LOOPS)
def test_loop_program_reports_are_the_same(name, monkeypatch):
    spec = _spec(name)
    off, on = _both(spec.source, monkeypatch, seed=spec.seed, limits=Limits(timeout_s=60))
    assert on == off


@pytest.mark.parametrize("spec", SEEDS, ids=spec_id)
def test_seed_program_reports_are_the_same(spec, monkeypatch):
    off, on = _both(spec.source, monkeypatch, seed=spec.seed, limits=Limits(timeout_s=60))
    assert on == off


@pytest.mark.parametrize("name", ["chain_40", "function_ops"])
def test_steps_reports_are_the_same(name, monkeypatch):
    steps = StepOptions(backward_if_missing=True)
    off, on = _both(PROGRAMS[name], monkeypatch, steps=steps, limits=Limits(timeout_s=60))
    assert on == off


def test_the_short_way_is_taken_and_left(monkeypatch):
    """(else the comparisons above test less than they say): the chain's ops take it; keyword
    arguments, lists, several outputs, a NumPy array and a subclass go to _record_op."""
    calls = {"one": 0, "general": 0}
    one, general = Recorder._record_one, Recorder._record_op

    def counted_one(self, *args):
        taken = one(self, *args)
        calls["one"] += taken
        return taken

    def counted_general(self, *args):
        calls["general"] += 1
        return general(self, *args)

    monkeypatch.setattr(Recorder, "_record_one", counted_one)
    monkeypatch.setattr(Recorder, "_record_op", counted_general)
    monkeypatch.setattr(skim, "SKIM", False)
    assert run_program(PROGRAMS["chain_40"]).ok
    assert calls == {"one": 160, "general": 1}   # (torch.tensor(0.5, requires_grad=True): a keyword)
    # (numpy_memory: from_numpy; the ops on its memory take the short way, their entries add_one's)
    least_general = {"kwargs_and_lists": 3, "several_outputs": 2, "numpy_memory": 1, "parameter": 2}
    for name, least in least_general.items():
        calls.update(one=0, general=0)
        assert run_program(PROGRAMS[name]).ok
        assert calls["general"] >= least, name


def _plain_chain(n: int) -> tuple[float, float, list[float]]:
    x = torch.tensor(0.5, requires_grad=True)
    y, kept = x, []
    for _ in range(n):
        s = torch.sin(y)
        kept.append(s)
        y = s * 1.01 + 0.1 * x
    grads = torch.autograd.grad(y, [x, *kept])
    return y.item(), grads[0].item(), [g.item() for g in grads[1:]]


def test_values_and_gradients_are_pytorchs(monkeypatch):
    value, dx, dsins = _plain_chain(200)
    monkeypatch.setattr(full_records, "FULL_ONE", True)
    report = run_program(PROGRAMS["chain_200"])
    assert report.printed == f"{value}\n{str(torch.tensor(dx))}\n"
    nodes = report.graph.nodes
    (leaf,) = [n for n in nodes if n.kind == "leaf"]
    assert leaf.grad.value.item() == pytest.approx(dx, rel=1e-6)
    # every sin node's gradient: d(y)/d(sin's output), in the order the sines ran (ids follow the walk)
    sins = sorted((n for n in nodes if n.kind == "op" and n.grad_fn == "SinBackward0"),
                  key=lambda n: int(n.id[1:]))
    assert [n.grad.value.item() for n in sins] == pytest.approx(dsins, rel=1e-6)
    # the op window's records: the last ops, their outputs PyTorch's values
    last = report.ops[-1]
    assert last.op == "add" and last.outputs[0].value.item() == pytest.approx(value, rel=1e-6)


KEEP = ("import torch\nx = torch.tensor(1.0)\nys = []\nfor k in range(50):\n    ys.append(x * 2)\n"
        "print(len(ys))\n")


@pytest.mark.parametrize("extra", [-1, 0, 1])
@pytest.mark.parametrize("skimming", [True, False])
def test_max_ops_one_below_at_and_above_what_the_program_keeps(extra, skimming, monkeypatch):
    """50 results kept plus x: max_ops 51 runs it (the check is before each op: 50 alive at the last)."""
    monkeypatch.setattr(skim, "SKIM", skimming)
    limits = Limits(timeout_s=60, max_ops=51 + extra)
    off, on = _both(KEEP, monkeypatch, limits=limits)
    assert on == off
    report = pickle.loads(on)
    assert report.ok == (extra >= 0), report.error
    if extra < 0:
        assert "max_ops" in str(report.error) and report.error.line == 5


def test_the_time_limit_stops_the_same_loop(monkeypatch):
    source = "import torch\nx = torch.tensor(0.5)\nwhile True:\n    x = x * 1.0 + 0.0\n"
    for full in (False, True):
        for switch in SWITCHES:
            monkeypatch.setattr(full_records, switch, full)
        report = run_program(source, limits=Limits(timeout_s=0.3))
        assert not report.ok and report.error.kind == "timeout", report.error
        assert report.error.line in (3, 4)   # (the loop test or its body, wherever the clock ran out)
