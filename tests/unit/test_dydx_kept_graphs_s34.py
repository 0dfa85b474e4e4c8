"""dY/dX of a training loop in one run (session 34, jacobian_dydx.graphs_kept_from_start).

A training loop frees its loss's graph in every backward(), so the Jacobian page's dY/dX ran the program a
second time keeping the graphs, and not at all when the first run took more than 40 % of the time limit
(PyTorch's polynomial_custom_function: "runs too long to run once more"). Now a dY/dX run keeps the graphs
from its start; a program with a `try` still runs as written first. PyTorch is the oracle: the program
run as real Python with every backward() keeping its graph (bench/views_oracle.py), one grad per row.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from autogradlab.engine import jacobian_dydx, run_program
from autogradlab.limits import Limits
from bench import views_oracle as oracle
from tests.unit.cube_function_s34 import CUBE

ROOT = Path(__file__).resolve().parents[2]
LOOP = """import torch
x = torch.linspace(-1, 1, 9)
w = torch.tensor([0.3, -0.2, 0.1], requires_grad=True)
for t in range(60):
    y = w[0] + w[1] * x + w[2] * x ** 2
    loss = ((y - x.sin()) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
y = w[0] + w[1] * x + w[2] * x ** 2
out = y * y
out.sum().backward()
"""
CUSTOM = "import torch\n\n\n" + CUBE + """\n\nx = torch.linspace(-1, 1, 7)
a = torch.tensor(0.3, requires_grad=True)
b = torch.tensor(-0.2, requires_grad=True)
for t in range(30):
    y_pred = a + Cube.apply(b * x)
    loss = (y_pred - x).pow(2).sum()
    loss.backward()
    with torch.no_grad():
        a -= 0.01 * a.grad
        a.grad = None
"""


def torch_dydx(source: str, of: str, wrt: str) -> np.ndarray:
    views = oracle.run_views(source)
    assert views.run.error is None
    found = oracle.dydx(views, of, wrt)
    assert found is not None
    return found


def engine_dydx(source: str, of: str, wrt: str):
    report = run_program(source, jacobian_of=(of, wrt), limits=Limits(timeout_s=30))
    assert report.ok, report.error
    return next((r for r in report.jacobians if r.line == 0), None), report.notes


@pytest.fixture
def no_rerun(monkeypatch):
    calls = []
    real = jacobian_dydx._from_rerun

    def spy(rerun, prefix):
        calls.append(prefix)
        return real(rerun, prefix)

    monkeypatch.setattr(jacobian_dydx, "_from_rerun", spy)
    return calls


@pytest.mark.parametrize(("of", "wrt"), [("out", "w"), ("y", "w")])
def test_a_training_loops_dydx_is_pytorchs_in_one_run(of, wrt, no_rerun):
    record, notes = engine_dydx(LOOP, of, wrt)
    assert record is not None, notes
    assert np.allclose(record.matrix, torch_dydx(LOOP, of, wrt), rtol=1e-5, atol=1e-6)
    assert no_rerun == []   # before: the freed graph of `out` ran the program again
    kept = [n for n in record.notes if "kept every backward()'s graph" in n]
    assert kept == [f"The program's backward() would have freed the graph of '{of}', so this run kept every "
                    "backward()'s graph (retain_graph=True); the values are the program's own (same seed)."]


def test_the_kept_graph_note_reads_in_chinese_and_is_not_said_when_nothing_freed_y():
    from autogradlab import note_keys

    record, _ = engine_dydx(LOOP, "out", "w")
    note = next(n for n in record.notes if "kept every" in n)
    assert "保留计算图" in note_keys.say("zh", note, note_keys.JACOBIAN)
    source = LOOP.replace("out.sum().backward()\n", "")   # out's graph: never gone back through
    record, _ = engine_dydx(source, "out", "w")
    assert not any("kept every" in n for n in record.notes)


def test_a_custom_functions_loop_gets_its_dydx_in_a_fresh_process():
    """The first run of a process is the one keeping the graphs now: lang/scalar_backward.py, imported
    under the replaced torch.autograd.backward, freed the graph anyway ("the graph of 'loss' was freed")."""
    code = ("import json, sys\nfrom autogradlab.engine import run_program\n"
            "from autogradlab.limits import Limits\n"
            "r = run_program(sys.stdin.read(), jacobian_of=('loss', 'a'), limits=Limits(timeout_s=30))\n"
            "found = [j.matrix.tolist() for j in r.jacobians if j.line == 0]\n"
            "print(json.dumps({'found': found, 'notes': list(r.notes)}))\n")
    done = subprocess.run([sys.executable, "-c", code], input=CUSTOM, capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["found"], got["notes"]
    assert np.allclose(got["found"][0], torch_dydx(CUSTOM, "loss", "a"), rtol=1e-5, atol=1e-6)


def test_a_program_with_try_runs_as_written_and_reruns_for_dydx(no_rerun):
    """`try` may catch the error a second backward through a freed graph raises: that run keeps PyTorch's
    behaviour, and dY/dX comes from the rerun as before."""
    twice = ("try:\n    out.sum().backward()\n    out.sum().backward()\nexcept RuntimeError:\n"
             "    print('freed')\n")
    source = LOOP.replace("out.sum().backward()\n", twice)
    report = run_program(source, jacobian_of=("out", "w"), limits=Limits(timeout_s=30))
    assert report.ok and report.printed == "freed\n"
    record = next(r for r in report.jacobians if r.line == 0)
    assert no_rerun == ["dout/dw: "]
    assert np.allclose(record.matrix, torch_dydx(LOOP, "out", "w"), rtol=1e-5, atol=1e-6)


def test_an_in_place_update_of_a_saved_weight_still_says_so():
    """PyTorch cannot go back through a graph whose saved weight changed since: nor can dY/dX."""
    source = ("import torch\nw = torch.tensor([0.3, 0.2], requires_grad=True)\nfor t in range(3):\n"
              "    loss = (w * w).sum()\n    loss.backward()\n    with torch.no_grad():\n"
              "        w -= 0.1 * w.grad\n        w.grad.zero_()\n")
    assert oracle.dydx(oracle.run_views(source), "loss", "w") is None   # PyTorch raised
    record, notes = engine_dydx(source, "loss", "w")
    assert record is None
    assert any("modified by an inplace operation" in n for n in notes), notes


def test_torch_funcs_own_passes_keep_their_graphs_as_they_are():
    """torch.func.grad's inner autograd.grad kept its graph too, which held vmap's batched tensors past the
    call: PyTorch's torch.func docs program was refused ("kept a tensor batched by vmap") in the dY/dX run."""
    from tests.programs.manifest import TUTORIALS

    spec = next(s for s in TUTORIALS if s.file == "tutorial_func_docs.py")
    report = run_program(spec.source, seed=spec.seed, jacobian_of=("result", "weights"),
                         limits=Limits(timeout_s=30))
    assert report.ok, report.error
    record = next(r for r in report.jacobians if r.line == 0)
    views = oracle.run_views(spec.source, spec.seed)
    assert np.allclose(record.matrix, oracle.dydx(views, "result", "weights"), rtol=1e-5, atol=1e-6)
