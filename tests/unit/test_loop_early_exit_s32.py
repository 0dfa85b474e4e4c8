"""Issue 9 (session 32): a loop that may be left early is skimmed too (lang/loop_skim.EARLY_EXITS).

Before, a loop whose body had a `break` or a `return`, and every loop of a program with a `try`
anywhere, was recorded op by op: Deep Learning with PyTorch's 5,000-epoch training loop (`if not
torch.isfinite(loss).all(): break`) ran 20x plain PyTorch. Now such a loop skims its middle passes;
when it is left before its last pass (the break fires, a return, an error caught outside), it is cut
and the run is run again without skimming (skim_rerun.stopped_in_skim), as for an error that stops the
program there. Oracles: the same run with skimming off (the report byte for byte but its notes and op
records: tests/unit/test_skim.py's `both`), and CPython/PyTorch for the printed text.
"""

from __future__ import annotations

import contextlib
import io

import autogradlab.engine.run as run_module
import autogradlab.lang.loop_skim as loop_skim
from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests.unit.test_skim import both, records_agree, skim_notes

DLWPT = """import torch
t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]) * 0.1
t_c = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0])

def model(t_u, w, b):
    return w * t_u + b

def loss_fn(t_p, t_c):
    return ((t_p - t_c) ** 2).mean()

def training_loop(n_epochs, learning_rate, params):
    for epoch in range(1, n_epochs + 1):
        w, b = params
        t_p = model(t_u, w, b)
        loss = loss_fn(t_p, t_c)
        grad = torch.stack([(2 * (t_p - t_c) / 11 * t_u).sum(), (2 * (t_p - t_c) / 11).sum()])
        params = params - learning_rate * grad
        if epoch in {1, 2, 3, 10, 11, 99, 100, 400, BREAK_AT}:
            print('Epoch %d, Loss %f' % (epoch, float(loss)))
        if not torch.isfinite(loss).all() or epoch == BREAK_AT:
            break
    return params

params = training_loop(500, 1e-2, torch.tensor([1.0, 0.0]))
print(params)
"""


def _plain(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<lesson>", "exec", dont_inherit=True), {"__name__": "__main__"})
    return out.getvalue()


def _reruns(monkeypatch) -> list:
    """The reasons run_program ran a program again without skimming, as they happen."""
    seen: list = []
    real = run_module.rerun_unskimmed

    def spy(first, elapsed, limits, **kw):
        seen.append(kw.get("noted"))
        return real(first, elapsed, limits, **kw)
    monkeypatch.setattr(run_module, "rerun_unskimmed", spy)
    return seen


def test_a_training_loop_with_a_break_that_never_fires_is_skimmed(monkeypatch):
    source = DLWPT.replace("BREAK_AT", "10**6")
    off, on = both(source, monkeypatch)
    assert skim_notes(on), on.notes   # before: every op recorded
    assert on.printed == off.printed == _plain(source)
    records_agree(on, off)


def test_a_break_that_fires_after_skimming_runs_the_program_again_without_skimming(monkeypatch):
    source = DLWPT.replace("BREAK_AT", "450")
    reruns = _reruns(monkeypatch)
    off, on = both(source, monkeypatch)
    assert reruns, "the cut loop's run must be run again"
    assert on.printed == off.printed == _plain(source)
    assert [r.index for r in on.ops] == [r.index for r in off.ops]   # the loop's real last passes


def test_with_early_exits_off_the_loop_is_recorded_in_full(monkeypatch):
    monkeypatch.setattr(loop_skim, "EARLY_EXITS", False)
    report = run_program(DLWPT.replace("BREAK_AT", "10**6"), limits=Limits(timeout_s=60))
    assert not skim_notes(report)


def test_a_return_from_inside_the_loop(monkeypatch):
    source = ("import torch\n"
              "def first_above(x, limit):\n"
              "    y = x\n"
              "    for i in range(3000):\n"
              "        y = y * 1.001 + 0.01\n"
              "        if float(y.sum()) > limit:\n"
              "            return i, y\n"
              "    return -1, y\n"
              "print(first_above(torch.ones(3), 100.0))\n"
              "print(first_above(torch.ones(3), 1e9))\n")
    off, on = both(source, monkeypatch)
    assert on.printed == off.printed == _plain(source)


def test_an_error_caught_outside_the_loop_in_a_program_with_try(monkeypatch):
    source = ("import torch\n"
              "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              "hist = []\n"
              "try:\n"
              "    for i in range(800):\n"
              "        loss = (w * w).sum() * 0.5\n"
              "        loss.backward()\n"
              "        with torch.no_grad():\n"
              "            w -= 0.01 * w.grad\n"
              "        w.grad.zero_()\n"
              "        hist.append(loss.item())\n"
              "        if i == 700:\n"
              "            raise ValueError('stop at ' + str(i))\n"
              "except ValueError as e:\n"
              "    print(e)\n"
              "print(len(hist), round(hist[-1], 6))\n"
              "for j in range(1500):\n"
              "    z = w * 2.0\n"
              "print(z)\n")
    reruns = _reruns(monkeypatch)
    off, on = both(source, monkeypatch)
    assert on.printed == off.printed == _plain(source)
    assert reruns   # the first loop was cut by the caught error: the report is the run's without skimming
    # the same program when nothing is raised: both loops skim (before, a `try` anywhere stopped all)
    calm = source.replace("if i == 700:", "if i == 10**6:")
    off, on = both(calm, monkeypatch)
    assert on.printed == off.printed == _plain(calm)
    assert len(skim_notes(on)) == 2, on.notes


def test_a_generator_loop_is_still_not_told():
    source = ("def gen(n):\n"
              "    for i in range(n):\n"
              "        yield i\n"
              "import ast\n")
    tree = __import__("ast").parse(source)
    loop = tree.body[0].body[0]
    assert loop_skim._suspends(loop.body)
    assert not loop_skim._suspends(__import__("ast").parse("for i in range(3):\n    break\n").body[0].body)


def test_a_constant_set_display_in_a_loop_is_a_new_set_each_pass():
    source = ("seen = []\n"
              "for i in range(40):\n"
              "    s = {5, 3, 9, 1, 'a', (1, 2)}\n"
              "    s.add(i)\n"
              "    seen.append(len(s))\n"
              "    if i in {1, 2, 3, 10, 11, 99}:\n"
              "        print(i, sorted(x for x in s if type(x) is int))\n"
              "print(seen[-3:], {30, 10, 20})\n")
    report = run_program(source)
    assert report.ok, report.error
    assert report.printed == _plain(source)


def test_a_constant_set_display_still_counts_against_the_limits():
    source = "for i in range(100):\n    s = {1, 2, 3, 4, 5}\n"
    assert run_program(source, limits=Limits(max_sequence_len=5)).ok
    refused = run_program(source, limits=Limits(max_sequence_len=4))
    assert not refused.ok and refused.error.line == 2


def test_with_early_exits_every_loop_but_a_generators_is_told():
    import ast

    import torch

    from autogradlab.lang.hooks import NullHooks
    from autogradlab.lang.interpreter import Interpreter

    bodies = {"    y = y + 1\n": True, "    if i > 3:\n        break\n": True,
              "    for j in range(3):\n        pass\n    else:\n        break\n": True,
              "    def f(v):\n        yield v\n": True,   # a nested def's yield is not this loop's
              "    y = yield i\n": False}
    for body, expected in bodies.items():
        source = "y = 0\nfor i in range(10):\n" + body
        with_try = source + "try:\n    y = 1\nexcept ValueError:\n    pass\n"
        for tree in (ast.parse(source), ast.parse(with_try)):
            interp = Interpreter(tree, source, limits=Limits(), generator=torch.Generator(),
                                 hooks=NullHooks())
            assert loop_skim.runs_to_end(interp, tree.body[1]) is expected, body
