"""Issue 9: with skimming on, a loop whose last backward() ran more than the kept passes (3) before the
loop's end drew the graph of that backward's tensor with op nodes without line, source, op index and
value (`if i % 7 == 0: y.backward()` in 900 passes): the pass-aware window (pass_checks.py) had skimmed
that pass, since the program lets each pass's graph go, but the recorder keeps the tensor last
backwarded and the report draws its graph. pass_local.backward_every_pass now leaves such a loop to
today's rule, and skim_rerun.graph_misses_records runs the program again without skimming when a
graph still reaches a skimmed op in the window.

Oracle: the same run with skimming off (test_skim.comparable: everything but notes, timings and op
records, byte for byte; records_agree: the records kept are that run's, its last ones the same),
printed text as plain Python prints it, and whether the second run happened (it must not be what
makes these programs right: it doubles the run's time)."""

from __future__ import annotations

import ast

import pytest

import autogradlab.engine.pass_local as pass_local
import autogradlab.engine.skim_rerun as skim_rerun
from autogradlab import note_keys
from autogradlab.error_keys import recognise
from autogradlab.limits import Limits
from tests.app.test_zh_no_english import english
from tests.unit.site_helpers import python_prints
from tests.unit.test_skim import comparable, records_agree, report, skim_notes

_WEIGHT = "w = torch.ones(3, requires_grad=True)\n"
_W = "import torch\n" + _WEIGHT

# these drew op nodes without line and op index before the fix (base16)
BROKEN = {
    "every_5th": _W + "for i in range(700):\n    y = (w * 2).sum()\n    if i % 5 == 0:\n"
                      "        y.backward()\nprint(w.grad)\n",
    "every_13th_in_else": _W + "for i in range(700):\n    y = (w * i).sum()\n    if i % 13:\n        pass\n"
                               "    else:\n        y.backward()\nprint(w.grad)\n",
    "nested_if": _W + "for i in range(700):\n    y = (w * 2 + 1).sum()\n    if i % 2 == 0:\n"
                      "        if i % 9 == 0:\n            y.backward()\nprint(w.grad)\n",
    "inner_loop_decides": _W + "for e in range(3):\n    for i in range(400):\n        y = (w * i).sum()\n"
                               "        if i % 11 == 0:\n            y.backward()\nprint(w.grad)\n",
    "two_outputs_both_sometimes": _W + "v = torch.ones(3, requires_grad=True)\nfor i in range(700):\n"
                                       "    a = (w * 2).sum()\n    b = (v * w).exp().sum()\n"
                                       "    if i % 5 == 0:\n        a.backward()\n    if i % 9 == 0:\n"
                                       "        b.backward()\nprint(w.grad, v.grad)\n",
    "newton_every_7th": "import torch\nx = torch.tensor(3.0)\nfor step in range(300):\n"
                        "    x = x.detach().requires_grad_(True)\n    f = x ** 3 - 2 * x - 5\n"
                        "    if step % 7 == 0:\n        f.backward()\n    x = x.detach()\nprint(x, f)\n",
}

# the same family, right before the fix too (another rule skims them, or their last backward is late)
RIGHT = {
    "backward_before_the_loss": _W + "y = (w * 5).sum()\nfor i in range(700):\n    if i % 6 == 0:\n"
                                     "        y.backward()\n    y = (w * i).sum()\nprint(w.grad, y)\n",
    "last_pass_only": _W + "for i in range(700):\n    y = (w * i).exp().sum()\n    if i == 699:\n"
                           "        y.backward()\nprint(w.grad, y)\n",
    "made_in_the_pass_before": _W + "y = (w * 5).sum()\nfor i in range(700):\n    if i == 699:\n"
                                    "        y.backward()\n    y = (w * i).sum()\nprint(w.grad, y)\n",
    "function_in_the_body": "import torch\ndef f(w, i):\n    return (w * i).sum()\n" + _WEIGHT
                            + "for i in range(700):\n    y = f(w, i)\n    if i % 7 == 0:\n"
                              "        y.backward()\nprint(w.grad)\n",
    "backward_in_a_function": "import torch\ndef step(y):\n    y.backward()\n" + _WEIGHT
                              + "for i in range(700):\n    y = (w * i).sum()\n    if i % 7 == 0:\n"
                                "        step(y)\nprint(w.grad)\n",
    "function_backwards_sometimes": "import torch\ndef step(w, i):\n    y = (w * i).sum()\n"
                                    "    if i % 7 == 0:\n        y.backward()\n    return y\n" + _WEIGHT
                                    + "for i in range(700):\n    y = step(w, i)\nprint(w.grad, y)\n",
    "inner_loop_over_names": _W + "for e in range(400):\n    for p in [w]:\n        y = (p * e).sum()\n"
                                  "    if e % 7 == 0:\n        y.backward()\nprint(w.grad)\n",
    # a backward in every pass: the last one is in the last pass, the pass-aware window stays
    "one_every_pass_one_sometimes": _W + "v = torch.ones(3, requires_grad=True)\nfor i in range(700):\n"
                                         "    a = (w * 2).sum()\n    b = (v * w).sum()\n    a.backward()\n"
                                         "    if i % 7 == 0:\n        b.backward()\nprint(w.grad, v.grad)\n",
    "sometimes_then_every_pass": _W + "v = torch.ones(3, requires_grad=True)\nfor i in range(700):\n"
                                      "    a = (w * 2).sum()\n    b = (v * w).sum()\n    if i % 7 == 0:\n"
                                      "        b.backward()\n    a.backward()\nprint(w.grad, v.grad)\n",
}

PROGRAMS = {**BROKEN, **RIGHT}


def _reruns(monkeypatch) -> list:
    calls: list = []
    real = skim_rerun.rerun_unskimmed
    monkeypatch.setattr("autogradlab.engine.run.rerun_unskimmed",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    return calls


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_a_loop_backwarding_in_some_passes_reports_what_the_unskimmed_run_reports(name, monkeypatch):
    source = PROGRAMS[name]
    reruns = _reruns(monkeypatch)
    on = report(source, True, monkeypatch)
    assert not reruns   # right in one run: the window left the loop to today's rule
    off = report(source, False, monkeypatch)
    assert off.ok, off.error
    assert comparable(on) == comparable(off)
    records_agree(on, off)
    assert skim_notes(on) and on.printed == python_prints(source)
    ops = [node for node in on.graph.nodes if node.kind == "op"]
    assert ops and all(node.line is not None and node.op_index is not None and node.value is not None
                       for node in ops)


@pytest.mark.parametrize("name", ["one_every_pass_one_sometimes", "sometimes_then_every_pass"])
def test_a_backward_in_every_pass_keeps_the_pass_aware_window(name, monkeypatch):
    """Its last backward is in the last pass: the passes before the last three are still skimmed
    (their op records left out: today's rule keeps the last 500)."""
    on = report(PROGRAMS[name], True, monkeypatch)
    off = report(PROGRAMS[name], False, monkeypatch)
    assert len(off.ops) > 500 and len(on.ops) < 50


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_when_the_window_trusts_such_a_loop_the_run_is_done_again(name, monkeypatch):
    """The second line of defence: with backward_every_pass fooled, the graph reaches skimmed ops in
    the window, and the program runs again without skimming (the report is then that run's, op
    records included); without time for it, the report says its op list misses records."""
    monkeypatch.setattr(pass_local, "backward_every_pass", lambda body: True)
    source = BROKEN[name]
    off = report(source, False, monkeypatch)
    reruns = _reruns(monkeypatch)
    on = report(source, True, monkeypatch)
    assert reruns == [1]
    assert comparable(on) == comparable(off)
    assert [r.index for r in on.ops] == [r.index for r in off.ops]
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)
    first = report(source, True, monkeypatch)
    assert comparable(first) != comparable(off)   # (else this test tests nothing)
    notes = [n for n in first.notes if recognise(n, note_keys.REPORT)[0] == "notes.skimmed_forecast"]
    assert len(notes) == 1, first.notes


def test_which_bodies_run_their_last_backward_in_their_last_pass():
    def every(body: str) -> bool:
        return pass_local.backward_every_pass(ast.parse("for i in range(9):\n" + body).body[0].body)

    assert every("    y = w.sum()\n    y.backward()\n")
    assert every("    y = w.sum()\n    print(y)\n")
    assert not every("    y = w.sum()\n    if i % 7 == 0:\n        y.backward()\n")
    assert not every("    y = w.sum()\n    if i % 7:\n        pass\n    else:\n        y.sum().backward()\n")
    assert not every("    if i:\n        if i % 3:\n            y.backward()\n")
    assert every("    y.backward()\n    if i % 7 == 0:\n        z.backward()\n")
    assert every("    if i % 7 == 0:\n        z.backward()\n    with torch.enable_grad():\n"
                 "        y.backward()\n")
    assert every("    if i % 7 == 0:\n        z.backward()\n    for p in [w]:\n        p.sum().backward()\n")
    assert every("    if i % 7 == 0:\n        z.backward()\n    f = y.backward\n")
    assert every("    if y.backward() is None:\n        print(i)\n")
    assert not every("    if i % 7 == 0:\n        z.backward(gradient=torch.ones(3))\n")


# a loop stopped by an error of the program after its last backward was skimmed (a skimmed pass:
# every pass backwards, so the pass-aware window trusts it): run again without skimming, the same
# error, and the graph of that backward with its records; a limit's stop is not run again
_V = "import torch\nw = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)\n"
STOPPED = {
    "index_error": _W + "vals = [1.0] * 850\nfor i in range(900):\n    y = (w * vals[i]).sum()\n"
                        "    y.backward()\nprint(w.grad)\n",
    "shape_error": _W + "for i in range(900):\n    if i == 800:\n        y = w + torch.ones(4)\n"
                        "    y = (w * i).sum()\n    y.backward()\nprint(w.grad)\n",
    # found by the skim's fuzzing (test_skim_fuzz.py): a loop that skimmed no op, only its backward
    # calls (no gradient hooks, no saved tensors read), stopped by an error right after a skimmed
    # backward drew that backward's graph without gradients and saved tensors (base17)
    "index_error_after_a_skimmed_backward": _V + "for i in range(40):\n    y = w[0] * w[1] + w[2] ** 2\n"
        "    y.backward()\n    w.grad.zero_()\n    if i % 4 == 0:\n        keep = y * 1\n"
        "    y = y.detach()\n    if i == 20:\n        bad = [1, 2][5]\nprint(w.grad)\n",
    "second_backward_through_a_chain": _V + "chain = torch.zeros(())\nfor i in range(40):\n"
        "    chain = torch.sin(chain) * 1.01 + 0.1 * w.sum()\n    chain.backward()\nprint(w.grad)\n",
}
SAVED_DRAWN = ("index_error_after_a_skimmed_backward", "second_backward_through_a_chain")


@pytest.mark.parametrize("name", sorted(STOPPED))
def test_a_loop_stopped_by_an_error_reports_what_the_unskimmed_run_reports(name, monkeypatch):
    source = STOPPED[name]
    off = report(source, False, monkeypatch)
    reruns = _reruns(monkeypatch)
    on = report(source, True, monkeypatch)
    assert reruns == [1] and not on.ok and on.error == off.error
    assert comparable(on) == comparable(off)
    ops = [node for node in on.graph.nodes if node.kind == "op"]
    assert ops and all(node.line is not None and node.op_index is not None for node in ops)
    if name in SAVED_DRAWN:   # what the skimmed backward did not read
        assert any(node.kind == "saved" for node in on.graph.nodes)


@pytest.mark.parametrize("name", SAVED_DRAWN)
def test_without_time_to_run_again_a_loop_that_skimmed_only_backward_calls_says_so(name, monkeypatch):
    """The skimmed run's own report (no time for the second run) keeps its graph without the
    skimmed backward's gradients: its note says so (before, a loop that skimmed no op had none)."""
    source = STOPPED[name]
    off = report(source, False, monkeypatch)
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)
    first = report(source, True, monkeypatch)
    assert first.error == off.error and first.printed == off.printed
    keys = [(key, dict(params)) for key, params in
            (recognise(note, note_keys.REPORT) for note in skim_notes(first))]
    loop_line = next(i for i, text in enumerate(source.splitlines(), 1) if text.startswith("for "))
    assert [(key, params["line"]) for key, params in keys] == [("notes.skimmed_cut_backward", str(loop_line))]
    assert int(keys[0][1]["backwards"]) > 0
    assert not skim_notes(off)
    # its graph says a backward() reached it with none of its gradients recorded, not "call .backward()";
    # a backward() that raised (the chain's second) reached nothing, with or without skimming
    done = name == "index_error_after_a_skimmed_backward"
    assert off.graph.backward_done == first.graph.backward_done == done and not off.graph.grads_missing
    assert first.graph.grads_missing == done
    said = note_keys.say("zh", skim_notes(first)[0], note_keys.REPORT)   # the page's 简体中文
    assert said.startswith(f"第 {loop_line} 行的循环") and not english(said)


def test_a_loop_stopped_by_a_limit_is_not_run_again(monkeypatch):
    """It would stop at the same limit again (or later, or at its time): the first report stays."""
    source = _W + "for i in range(900):\n    y = (w * i).sum()\n    y.backward()\nprint(w.grad)\n"
    reruns = _reruns(monkeypatch)
    on = report(source, True, monkeypatch, Limits(timeout_s=60, max_loop_iterations=850))
    assert not on.ok and on.error.kind == "limit" and not skim_rerun.rerun_allowed(on.error)
    assert not reruns and skim_notes(on)
