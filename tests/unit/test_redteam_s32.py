"""Red team, session 32: the surface added in session 31 (dataclasses, typing.NamedTuple, NumPy scalar fast
paths, np.partition & co., conv_transpose / interpolate, nditer, star imports, the Steps page's tangent
run and the Steps / Jacobian / Eigen entry points), tried as a hostile student would (5a82339, measured
through the sandbox CLI, `python3 -m autogradlab run --json`, on this loaded 2-core machine; the
sandbox's hard stop ends a worker a few seconds past the 5 s limit).

Findings, each fixed (the figures are 5a82339's):
1. the methods @dataclass makes (__eq__, __hash__, __init__, __repr__, order) took no step: CPython's tuple
   `==` and hash() call the fields' own methods without the interpreter, so `x = P(x, x)` 45 times, then
   `x == y` or hash(x) (2**45 calls), ran past the hard stop (10.0 s / 12.7 s wall, "one operation here
   takes too long by itself"); each generated method now takes one step of the budget (and its time
   check): stopped by max_steps, or by the soft time limit at 4.0 s;
2. np.polyfit(x, y, deg) of a 2-D y counted the Vandermonde matrix but not the (deg + 1) x K coefficients
   (LAPACK copies y into an array that large): 2 points, y of (2, 2,500,000) and deg 10 made a 27,500,000
   element array (5.5x max_tensor_elements), deg 150 ended "the program ran out of memory" (377,500,000
   float64s asked for); now counted by max_tensor_elements before NumPy runs;
3. the Eigen analysis of a typed matrix holding a huge int (`python -m autogradlab eigen '[[1000...0, 1],
   [1, 2]]'` with 400 zeros; JSON keeps it an int) ended "autogradlab: internal error (OverflowError: int
   too large to convert to float)", exit 1, no JSON even with --json: float() overflowed before the size
   check; now the size check's own message ("holds 1.00e+400: entries must be at most 1e+100"), exit 2;
4. the Steps page's tangent run could be told from the program's own run: torch writes `tangent=...` into
   the text of a dual tensor, so repr(z), str(z), f"{z}", repr([z]), a namedtuple's or dataclass's repr
   held it there (`tensor([2., 2.], grad_fn=<MulBackward0>, tangent=tensor([2., 0.], ...))`), and
   `if 'tangent' in repr(z):` took another path only there (a loop to the time limit, other ops than the
   ones the tangents are paired with: the note said "forward mode stopped on line 14: ValueError"). The
   text is now made as in the program's run (torch's unpack_dual sees no level while it writes it);
5. a view made under no_grad and written in place (d2l's optimizers, session 31's engine/no_grad_views.py)
   held by a list of more than 1,000 items (`d = [v] * 1001`), nested 4 deep (`[[[[v]]]]`) or by a
   namedtuple ended the run "internal error in Autograd Lab: RuntimeError" (the report asked PyTorch for
   its is_leaf); plain PyTorch runs these programs. The report now shows such a view's values wherever
   it meets one;
6. dY/dX from the program's own graph (the Jacobian page's "dY/dX from the graph", `python -m autogradlab
   jacobian FILE --of y --wrt x`) checked only its entries: y = sin applied 3,000 times to a 2,000-vector x
   (4M entries, under the limit; the program itself runs in ~0.2 s) took 2,000 backward passes through
   3,001 nodes in torch's loop, where no time check runs: the worker ran past the hard stop ("the program
   ran longer than 5 s and was stopped", no line). Now each reachable node's backward work (the
   jacobian loop's node_work of its gradient elements) times the rows is held against max_graph_work
   first, and the note says so (en + zh);
7. the Jacobian page's chain-rule paths (engine/jacobian_paths.py, made for every small jacobian() call)
   walked the graph path by path and stopped after 24 paths that reach an input, but a branch that
   reached another leaf was walked all the same: a global w requiring grad, `y = y * 1.0 + y * 1.0` forty
   times on it, and `return y + x` (a 2 x 2 Jacobian) has 2**40 paths ending at w: depth 18 took 1.9 s,
   depth 40 ran past the hard stop ("stopped in the middle of this statement", `jacobian` CLI). The walk
   now enters only nodes from which an input can be reached (one walk of the graph first): 0.02 s;
8. the Steps page built its steps for every node of the output's graph after the program had run, where
   no time check runs (~0.2-0.3 ms a node): `y = y * 1.0` 19,000 times, then y.sum().backward(), ran 1.2 s
   as a plain run but past the sandbox's hard stop as a Steps run ("the program ran longer than 5 s and
   was stopped", 10.1 s); an output graph of more than steps.MAX_STEP_NODES (3,000) nodes now gets a
   note instead of steps (en + zh): 4.1 s, no error. Left: the program's own run logs its backward
   step by step (~1.5 s more than a plain run here) and the full graph is built (~1.2 s).

Also (not an escape: the engine refused more than CPython): a plain subclass of a frozen dataclass
refused every attribute write (`b.y = 3`, `self.y = 5` in its own __init__); CPython's inherited
__setattr__ refuses only the frozen class's fields there (every name on the frozen class's own objects).
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import torch

from autogradlab import note_keys
from autogradlab.engine import run_program
from autogradlab.engine.eigen import MAX_ENTRY, EigenInputError, analyse
from autogradlab.step_records import StepOptions
from tests.unit.breakout_helpers import LEAKS, what_python_prints
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run


def _runs_as_python(program: str, **limits: int) -> None:
    report, _ = _run(program, **limits)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(program)


# -- 1. generated dataclass methods take steps -----------------------------------------------------------
def _doubling(decorator: str, levels: int, tail: str) -> str:
    return ("from dataclasses import dataclass\n"
            f"@dataclass{decorator}\n"
            "class P:\n"
            "    a: object\n"
            "    b: object\n"
            "x = 1\n"
            "y = 1\n"
            f"for i in range({levels}):\n"
            "    x = P(x, x)\n"
            "    y = P(y, y)\n"
            f"{tail}\n")


@pytest.mark.parametrize(("decorator", "tail"), [("", "print(x == y)"), ("(frozen=True)", "print(hash(x))"),
                                                 ("(frozen=True)", "print(x != y, len({x, y}))")])
def test_generated_methods_of_a_shared_tree_stop_at_the_step_budget(decorator: str, tail: str) -> None:
    report, _ = _run(_doubling(decorator, 45, tail), max_steps=20_000)
    _stopped(report, "limit", 11, "the program took more than 20,000 steps")
    assert not LEAKS.findall(report.error.message), report.error.message


@pytest.mark.parametrize(("decorator", "tail"), [("", "print(x == y)"), ("(frozen=True)", "print(hash(x))"),
                                                 ("(frozen=True)", "print(x != y, len({x, y}))")])
def test_generated_methods_of_a_small_shared_tree_run_as_python(decorator: str, tail: str) -> None:
    _runs_as_python(_doubling(decorator, 8, tail), max_steps=20_000)


# -- 2. np.polyfit's coefficients of a 2-D y -------------------------------------------------------------
def _polyfit(columns: int, deg: int) -> str:
    """Two points, K columns: (deg + 1) x K coefficients, more than y's 2 x K values when deg > 1."""
    return ("import numpy as np\n"
            "x = np.array([0.0, 3.0])\n"
            f"y = np.arange(2 * {columns}, dtype=np.float64).reshape(2, {columns}) ** 2\n"
            f"c = np.polyfit(x, y, {deg})\n"
            "print(c.shape, np.round(c[:, :4], 6))\n")


def test_polyfit_coefficients_of_many_columns_are_counted_first() -> None:
    report, _ = _run(_polyfit(50, 2), max_tensor_elements=149)
    _stopped(report, "limit", 4, "result of np.polyfit would have 150 elements; the limit is 149")
    report, _ = _run(_polyfit(2_500_000, 10))   # 27.5M: once made uncounted
    _stopped(report, "limit", 4, "result of np.polyfit would have 27,500,000 elements; the limit is 5,000,")


def test_polyfit_coefficients_just_below_the_limit_equal_numpy() -> None:
    _runs_as_python(_polyfit(50, 2), max_tensor_elements=150)


# -- 3. the Eigen page's matrix of huge ints ---------------------------------------------------------------
@pytest.mark.parametrize("entry", [10**400, -(10**101)])
def test_eigen_matrix_of_a_huge_int_gets_the_size_message(entry: int) -> None:
    with pytest.raises(EigenInputError) as caught:
        analyse([[entry, 1], [1, 2]])
    text = str(caught.value)
    shown = f"{'-' if entry < 0 else ''}1.00e+{len(str(abs(entry))) - 1}"
    assert text == (f"the matrix holds {shown}: entries must be at most 1e+100 in size (beyond that the "
                    "arithmetic overflows)")
    assert "含有" in note_keys.say("zh", text, note_keys.EIGEN)


def test_eigen_matrix_of_an_int_at_the_size_limit_is_analysed() -> None:
    entry = int(MAX_ENTRY)   # 1e100 as an int: no larger than the float limit
    assert analyse([[entry, 1], [1, 2]]).trace == float(entry) + 2


def test_eigen_cli_answers_a_huge_int_with_its_usage_error() -> None:
    matrix = f"[[{10**400}, 1], [1, 2]]"
    done = subprocess.run([sys.executable, "-m", "autogradlab", "eigen", matrix, "--json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert json.loads(done.stdout)["error"]["message"].startswith("the matrix holds 1.00e+400: entries must")


# -- 4. the tangent run's text of a tensor ------------------------------------------------------------------
_TEXTS = """import torch
from collections import namedtuple
from dataclasses import dataclass
P = namedtuple('P', 'a')
@dataclass
class D:
    a: object
x = torch.ones(2, requires_grad=True)
z = x * 2
texts = [repr(z), str(z), f"{z}", repr([z]), str((z,)), repr(P(z)), repr(D(z)), repr({'k': z}), repr(x),
         repr(z[0]), str(z.tolist())]
for text in texts:
    print(text)
    if 'tangent' in text:
        raise ValueError(text)
y = z.sum()
y.backward()
"""


def test_tensor_text_in_the_tangent_run_is_the_programs_own() -> None:
    options = StepOptions(direction=(("x", [1.0, 0.0]),))
    report = run_program(_TEXTS, output="y", steps=options, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(_TEXTS)
    assert not any("forward mode stopped" in note for note in report.steps.notes), report.steps.notes
    tangents = {entry.var: entry.tangent.value for entry in report.steps.tangent.entries}
    assert tangents["y"] == 2.0


def test_tensor_text_of_the_programs_own_dual_level_keeps_its_tangent() -> None:
    program = ("import torch\nimport torch.autograd.forward_ad as fwAD\n"
               "with fwAD.dual_level():\n"
               "    d = fwAD.make_dual(torch.ones(2), torch.tensor([1.0, 0.0]))\n"
               "    print(repr(d * 2))\n")
    report = run_program(program, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(program)
    assert "tangent=" in report.printed


# -- 5. written no-grad views anywhere in the report ---------------------------------------------------------
_VIEW = ("import torch\n"
         "from collections import namedtuple\n"
         "P = namedtuple('P', 'a')\n"
         "w = torch.ones(3, requires_grad=True)\n"
         "with torch.no_grad():\n"
         "    v = w[:]\n"
         "    v -= 1\n")


@pytest.mark.parametrize("held", ["[v] * 1001", "[[[[v]]]]", "P(v)", "(1, [2, (v,)])", "{'k': [[[v]]]}"])
def test_written_no_grad_view_held_anywhere_is_shown_by_its_values(held: str) -> None:
    program = _VIEW + f"d = {held}\nprint(len(d), [v], w)\n"
    report, _ = _run(program)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(program)
    assert "d" in report.variables


def test_written_no_grad_view_used_in_an_op_keeps_pytorchs_error() -> None:
    report, _ = _run(_VIEW + "d = [[[[v]]]]\ny = v * 2\n")
    _stopped(report, "value", 9, "A view was created in no_grad mode and its base")


# -- frozen dataclasses' plain subclasses, as CPython ------------------------------------------------------
_FROZEN = ("from dataclasses import dataclass, FrozenInstanceError\n"
           "@dataclass(frozen=True)\n"
           "class P:\n"
           "    x: int\n"
           "class B(P):\n"
           "    def __init__(self, x):\n"
           "        super().__init__(x)\n"
           "        self.note = 'made'\n")


_CAUGHT = "try:\n    {write}\nexcept {kind} as e:\n    print(e)\n"


@pytest.mark.parametrize("tail", ["b = B(1)\nb.y = 3\nprint(b, b.y, b.note)\n",
                                  "b = B(1)\n" + _CAUGHT.format(write="b.x = 2", kind="FrozenInstanceError"),
                                  "p = P(1)\n" + _CAUGHT.format(write="p.y = 2", kind="FrozenInstanceError"),
                                  "p = P(1)\n" + _CAUGHT.format(write="p.x = 2", kind="AttributeError")])
def test_frozen_dataclass_and_its_plain_subclass_write_as_python(tail: str) -> None:
    _runs_as_python(_FROZEN + tail)


# -- 6. dY/dX's graph work ---------------------------------------------------------------------------------
def _sines(n: int, k: int) -> str:
    return (f"import torch\nx = torch.linspace(0.1, 1.0, {n}, requires_grad=True)\ny = x\n"
            f"for i in range({k}):\n    y = torch.sin(y)\n")


def _sines_dydx(n: int, k: int, **limits: int) -> tuple:
    import dataclasses

    from autogradlab.limits import DEFAULT_LIMITS
    report = run_program(_sines(n, k), jacobian_of=("y", "x"), torchviz=False,
                         limits=dataclasses.replace(DEFAULT_LIMITS, **limits))
    assert report.error is None, report.error
    return report, next((r for r in report.jacobians if r.text == "dy/dx"), None)


def _sines_work(n: int, k: int) -> int:
    """k SinBackward0 nodes and x's AccumulateGrad, each taking n gradient elements, once per row."""
    return n * (k + 1) * (2 * n + 10_000)


def test_dydx_through_a_long_graph_is_refused_by_its_work_first() -> None:
    report, record = _sines_dydx(2_000, 3_000)
    assert record is None
    text = ("dy/dx: dy/dx would run 2,000 backward passes through a graph of 3,001 operations, about "
            f"{_sines_work(2_000, 3_000):,} arithmetic steps in all; the limit is 1,000,000,000 (limit "
            "max_graph_work)")
    assert text in report.notes, report.notes
    assert "反向传播" in note_keys.say("zh", text, note_keys.DYDX)


def test_dydx_at_its_graph_work_limit_equals_pytorch() -> None:
    work = _sines_work(20, 5)
    _, record = _sines_dydx(20, 5, max_graph_work=work)
    assert record is not None

    def sines(x: torch.Tensor) -> torch.Tensor:
        for _ in range(5):
            x = torch.sin(x)
        return x
    expected = torch.autograd.functional.jacobian(sines, torch.linspace(0.1, 1.0, 20))
    np.testing.assert_allclose(record.matrix, expected.numpy(), rtol=1e-6)
    report, record = _sines_dydx(20, 5, max_graph_work=work - 1)
    assert record is None and any("would run 20 backward passes" in n for n in report.notes), report.notes


# -- 7. chain-rule paths through branches that never reach an input ------------------------------------------
def _diamonds(depth: int, on: str) -> str:
    return ("import torch\n"
            "w = torch.ones(2, requires_grad=True)\n"
            "def f(x):\n"
            f"    y = {on}\n"
            f"    for i in range({depth}):\n"
            "        y = y * 1.0 + y * 1.0\n"
            "    return y + x\n"
            "J = torch.autograd.functional.jacobian(f, torch.tensor([1.0, 2.0]))\n"
            "print(J)\n")


def test_paths_skip_branches_that_reach_no_input() -> None:
    program = _diamonds(40, "w")   # 2**40 paths end at w; before: past the hard stop
    report, _ = _run(program, timeout_s=60.0)
    assert report.error is None, report.error
    (record,) = report.jacobians
    assert len(record.paths) == 1   # x straight into `y + x`
    np.testing.assert_allclose(sum(path.contribution for path in record.paths), np.eye(2))


def test_paths_through_diamonds_on_the_input_stop_at_the_path_limit() -> None:
    from autogradlab.engine.jacobian_paths import MAX_PATHS
    program = _diamonds(40, "x * 1.0")
    report, _ = _run(program, timeout_s=60.0)
    assert report.error is None, report.error
    (record,) = report.jacobians
    assert len(record.paths) == MAX_PATHS
    assert any(f"the first {MAX_PATHS} paths are shown" in note for note in record.notes), record.notes


def test_paths_of_a_small_diamond_graph_sum_to_pytorchs_jacobian() -> None:
    report, _ = _run(_diamonds(3, "x * w"))
    assert report.error is None, report.error
    (record,) = report.jacobians
    w = torch.ones(2, requires_grad=True)

    def f(x: torch.Tensor) -> torch.Tensor:
        y = x * w
        for _ in range(3):
            y = y * 1.0 + y * 1.0
        return y + x
    expected = torch.autograd.functional.jacobian(f, torch.tensor([1.0, 2.0]))
    assert len(record.paths) == 2 ** 3 + 1   # through every diamond, and x straight into `y + x`
    np.testing.assert_allclose(sum(path.contribution for path in record.paths), expected.numpy())


# -- 8. the Steps page's node cap --------------------------------------------------------------------------
def _chain(ops: int) -> str:
    return ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x\n"
            f"for i in range({ops}):\n    y = y * 1.5\ny.sum().backward()\n")


def test_steps_of_a_graph_past_the_node_cap_are_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    from autogradlab.engine import steps
    monkeypatch.setattr(steps, "MAX_STEP_NODES", 10)
    report = run_program(_chain(10), output="y", steps=StepOptions(), torchviz=False)   # 10 ops + x: 11 nodes
    assert report.error is None, report.error
    assert report.steps.forward == () and report.steps.reverse == ()
    note = ("the output's graph has 11 nodes; the steps follow at most 10: use a shorter computation (fewer "
            "loop passes) to step it")
    assert note in report.steps.notes, report.steps.notes
    assert "逐步查看" in note_keys.say("zh", note, note_keys.STEPS)


def test_steps_of_a_graph_at_the_node_cap_are_built(monkeypatch: pytest.MonkeyPatch) -> None:
    from autogradlab.engine import steps
    monkeypatch.setattr(steps, "MAX_STEP_NODES", 10)
    report = run_program(_chain(9), output="y", steps=StepOptions(), torchviz=False)   # 9 ops + x: 10 nodes
    assert report.error is None, report.error
    assert len(report.steps.forward) == 9 and len(report.steps.reverse) == 10
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * 1.5 ** 9).sum().backward()
    assert report.steps.reverse[-1].grad_after.value == pytest.approx(x.grad.tolist())
