"""Session 15: compiled_range_loop.range_loop runs the passes after the loop's hooks stop counting
through plain_passes (no hook count, a one-statement body called without the inner loop). Each case
runs compiled and through the generic per-node walk (test_compiled_blocks.generic) with the engine's
Recorder as hooks: the error (kind, message, line, column), step count, variables, printed text and
op records must be equal, with the iteration limit just at and just above the loop's passes;
Python is the oracle for what the programs print."""

from __future__ import annotations

import pytest
import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import compiled, compiled_range_loop  # noqa: F401 - compiled first: its import order
from autogradlab.lang.hooks import NullHooks
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.limits import Limits
from tests.unit.site_helpers import python_prints
from tests.unit.test_compiled_blocks import generic, outcome  # noqa: F401

ONE = "import torch\nx = torch.zeros(2)\nfor i in range(40):\n    x = x + i\nprint(x, i)\n"
TWO = ("total = 0.0\nfor n in range(1, 41):\n    total += 1 / n ** 2\n    if n % 10 == 0:\n"
       "        print(n, total)\n")
NESTED = ("import torch\ns = 0\nfor i in range(6):\n    for j in range(i):\n        s += j\n"
          "    t = torch.ones(2) * s\nprint(s, t)\n")
CONTROL = ("out = []\nfor i in range(30):\n    if i % 3 == 0:\n        continue\n    out.append(i)\n"
           "for k in range(30):\n    if k == 17:\n        break\nfor m in range(30):\n    continue\n"
           "print(out, k, m)\n")
ELSE = "for i in range(25):\n    pass\nelse:\n    print('done', i)\n"
ERROR = "import torch\nfor i in range(40):\n    y = torch.ones(3) / (i - 30)\n    z = [1, 2][i // 15]\n"

# program -> the loop passes it runs (all loops together; `error` stops in its 31st)
PROGRAMS = {"one": (ONE, 40), "two": (TWO, 40), "nested": (NESTED, 6 + 15),
            "control": (CONTROL, 30 + 18 + 30), "else": (ELSE, 25), "error": (ERROR, 31)}


class _Printed(NullHooks):
    """No-op hooks (their on_loop answers False at once: every pass after the first is a plain
    one) that keep what print() wrote."""

    def __init__(self) -> None:
        self.printed: list[str] = []

    def on_print(self, text):  # noqa: D102
        self.printed.append(text)


def null_outcome(source: str, limits: Limits) -> tuple:
    """test_compiled_blocks.outcome with _Printed hooks instead of the engine's Recorder."""
    hooks = _Printed()
    interp = Interpreter(parse_program(source, limits), source, limits=limits,
                         generator=torch.Generator().manual_seed(0), hooks=hooks)
    error = None
    try:
        interp.run()
    except ProgramError as exc:
        error = (exc.kind, str(exc), exc.line, exc.column)
    variables = {name: repr(value) for name, value in interp.user_variables().items()}
    return error, interp._steps, variables, "".join(hooks.printed)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
@pytest.mark.parametrize("edge", ["unlimited", "at", "above"])
@pytest.mark.parametrize("run", [outcome, null_outcome], ids=["recorder", "null_hooks"])
def test_the_passes_do_what_the_generic_walk_does(name, edge, run, generic):  # noqa: F811
    source, passes = PROGRAMS[name]
    limits = {"unlimited": Limits(), "at": Limits(max_loop_iterations=passes),
              "above": Limits(max_loop_iterations=passes - 1)}[edge]
    planned = run(source, limits)
    generic()
    assert run(source, limits) == planned
    error = planned[0]
    if edge == "above":
        assert error is not None and error[0] == "limit" and "loop iterations" in error[1], error
    elif name == "error":
        assert error is not None and error[1:] == ("list index out of range", 4, 9), error
    else:
        assert error is None, error


@pytest.mark.parametrize("name", ["one", "two", "nested", "control", "else"])
def test_the_passes_print_what_python_prints(name):
    source = PROGRAMS[name][0]
    error, _, _, text, _ = outcome(source, Limits())
    assert error is None and text == python_prints(source)


def test_every_step_cut_alike(generic):  # noqa: F811
    """The step budget runs out at every step of short loops: the same node, message and count."""
    source = ONE.replace("range(40)", "range(3)") + TWO.replace("range(1, 41)", "range(8, 11)")
    _, steps, *_ = outcome(source, Limits())
    planned = [outcome(source, Limits(max_steps=cut)) for cut in range(1, steps + 1)]
    generic()
    walked = [outcome(source, Limits(max_steps=cut)) for cut in range(1, steps + 1)]
    assert planned == walked
    assert planned[-1][0] is None and all(error[0] == "limit" for error, *_ in planned[:-1])


def test_the_plain_passes_run(monkeypatch):
    """With hooks that stop counting at once, every range loop of these programs ends in
    plain_passes (so the cases above compare it with the generic walk)."""
    ran: list[str] = []
    original = compiled_range_loop.plain_passes

    def spy(interp, name, *args):
        ran.append(name)
        return original(interp, name, *args)
    monkeypatch.setattr(compiled_range_loop, "plain_passes", spy)
    for source, _ in PROGRAMS.values():
        null_outcome(source, Limits())
    assert sorted(set(ran)) == ["i", "j", "k", "m", "n"]
