"""Session 27 (loop step): the skim's loop facts kept per parsed tree (engine/loop_facts.py,
lang/loop_skim.runs_to_end).

Oracles: the uncached analyses themselves (pass_local.program_facts, pass_local_body, steady_lines,
loop_skim.has_try_statement / _leaves_early) on every loop of every program in tests/programs and
on programs made to differ in one fact; and the report of a run whose tree is new (parsed again:
every fact worked out afresh) against a run of the same text whose facts come from the caches, with
PyTorch's printed text as the oracle of what the program printed. The limits a skimmed loop meets
(max_ops counting results alive, max_steps, max_loop_iterations) stop the cached run just where the
fresh one stops, one below and at the limit.
"""

from __future__ import annotations

import ast
import gc
import io
import pickle
import weakref
from contextlib import redirect_stdout
from pathlib import Path

import pytest
import torch

import autogradlab.engine.parsed_programs as parsed_programs
from autogradlab.engine import loop_facts, run_program
from autogradlab.engine.pass_local import pass_local_body, program_facts, steady_lines
from autogradlab.lang import loop_skim
from autogradlab.limits import Limits

PROGRAMS = sorted((Path(__file__).resolve().parents[1] / "programs").glob("*.py"))

# A fresh process's first run of a program loads the meta kernels of its size checks (~1-3 s under
# load, lang/sizes.warm_up): the comparisons run under a time limit no such run meets.
ROOMY = Limits(timeout_s=120.0)
NEWTON = (Path(__file__).resolve().parents[1] / "programs" / "loop_newton.py").read_text(encoding="utf-8")


def loops_of(tree: ast.AST) -> list[ast.AST]:
    return [node for node in ast.walk(tree) if isinstance(node, (ast.For, ast.While))]


def fresh(source: str, **kwargs):
    """run_program with nothing of this text kept: a new tree, every fact worked out again."""
    parsed_programs._KEPT.clear()
    return run_program(source, **kwargs)


def plain_printed(source: str) -> str:
    out = io.StringIO()
    torch.manual_seed(0)
    with redirect_stdout(out):
        exec(compile(source, "<program>", "exec"), {})   # trusted test text: PyTorch as the oracle
    return out.getvalue()


def same_report(a, b) -> None:
    assert a.ok == b.ok and a.error == b.error
    assert a.printed == b.printed
    assert a.notes == b.notes
    assert pickle.dumps(a.ops) == pickle.dumps(b.ops)   # (numpy values: compared as bytes)
    assert a.backward_calls == b.backward_calls
    assert a.torchviz_dot == b.torchviz_dot
    assert pickle.dumps(a.variables) == pickle.dumps(b.variables)
    assert (a.graph is None) == (b.graph is None)
    if a.graph is not None:
        assert pickle.dumps(a.graph) == pickle.dumps(b.graph)


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_cached_loop_facts_equal_the_analyses(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    facts = program_facts(tree)
    assert loop_facts.program_facts_of(tree) == facts
    assert loop_facts.program_facts_of(tree) is loop_facts.program_facts_of(tree)   # kept
    assert loop_skim._HAS_TRY.get(tree) is None
    for loop in loops_of(tree):
        body = loop.body
        assert loop_facts.local_body_of(loop, facts[1]) == bool(pass_local_body(body, facts[1]))
        assert loop_facts.local_body_of(loop, facts[1]) == bool(pass_local_body(body, facts[1]))
        assert loop_facts.steady_lines_of(loop) == steady_lines(body)


def test_local_body_is_worked_out_again_for_other_defined_names():
    tree = ast.parse("for i in range(5):\n    y = f(i)\n")
    loop = tree.body[0]
    assert loop_facts.local_body_of(loop, frozenset()) is False   # f is no builtin: not trusted
    assert loop_facts.local_body_of(loop, frozenset({"f"})) is False
    tree = ast.parse("for i in range(5):\n    y = x * i\n")
    loop = tree.body[0]
    assert loop_facts.local_body_of(loop, frozenset()) is True
    assert loop_facts.local_body_of(loop, frozenset({"x"})) is False   # x a def of the program now
    assert loop_facts.local_body_of(loop, frozenset()) is True


def test_facts_go_with_their_tree():
    tree = ast.parse(NEWTON)
    loop = loops_of(tree)[0]
    loop_facts.program_facts_of(tree)
    loop_facts.steady_lines_of(loop)
    loop_facts.local_body_of(loop, frozenset())
    dead = weakref.ref(tree)
    del tree, loop
    gc.collect()
    assert dead() is None
    assert all(key is not None for key in loop_facts._PROGRAM.keys())
    assert not any(ref is dead for ref in loop_facts._PROGRAM.keyrefs())


@pytest.mark.parametrize("name", ["loop_newton", "loop_power_iteration", "loop_linreg", "loop_logistic",
                                  "loop_python_sum"])
def test_cached_run_reports_as_a_fresh_one(name):
    source = (Path(__file__).resolve().parents[1] / "programs" / f"{name}.py").read_text(encoding="utf-8")
    first = fresh(source, limits=ROOMY)
    cached = run_program(source, limits=ROOMY)   # the same tree (parsed_programs), its facts kept
    same_report(first, cached)
    assert first.ok and first.printed == plain_printed(source)


# Programs alike but for one fact: a run of one must not use what the other's run kept.
TWINS = [
    # pass-local, and not (a list keeps every pass's loss)
    ("import torch\nw = torch.ones(3, requires_grad=True)\nkeep = []\nfor i in range(300):\n"
     "    loss = (w * i).sum()\n    loss.backward()\n    y = loss.detach()\nprint(w.grad)\n",
     "import torch\nw = torch.ones(3, requires_grad=True)\nkeep = []\nfor i in range(300):\n"
     "    loss = (w * i).sum()\n    loss.backward()\n    keep.append(loss)\nprint(w.grad)\n"),
    # runs to its end, and a `try` elsewhere in the program (the loop may end early)
    ("import torch\nx = torch.tensor(2.0)\nfor i in range(400):\n    x = x * 1.001 + 0.5\nprint(x)\n",
     "import torch\nx = torch.tensor(2.0)\nfor i in range(400):\n    x = x * 1.001 + 0.5\n"
     "try:\n    print(x)\nexcept ValueError:\n    pass\n"),
    # a loop that breaks early, and one that does not
    ("import torch\nx = torch.tensor(2.0)\nfor i in range(400):\n    x = x * 1.001 + 0.5\n"
     "    if i > 1000:\n        break\nprint(x)\n",
     "import torch\nx = torch.tensor(2.0)\nfor i in range(400):\n    x = x * 1.001 + 0.5\n"
     "    if i > 1000:\n        print(i)\nprint(x)\n"),
]


@pytest.mark.parametrize("pair", TWINS, ids=["pass_local", "try", "break"])
def test_twins_take_their_own_facts(pair):
    expected = [fresh(text, limits=ROOMY) for text in pair]
    for _ in range(2):   # each text again and in turn: the caches filled by both
        for text, want in zip(pair, expected, strict=True):
            got = run_program(text, limits=ROOMY)
            same_report(want, got)
            assert got.printed == plain_printed(text)


def _newton_limits(**limits) -> Limits:
    return Limits(timeout_s=120.0, **limits)


def _stop(source: str, limits: Limits):
    first = fresh(source, limits=limits)
    cached = run_program(source, limits=limits)
    same_report(first, cached)
    return first


@pytest.mark.parametrize("field", ["max_ops", "max_steps", "max_loop_iterations"])
def test_limits_stop_a_cached_run_where_a_fresh_one_stops(field):
    """Each limit found where newton's run needs it: at that value it runs, one below it stops, the
    cached run exactly as the fresh one (same error, line and report)."""
    def ok(value: int) -> bool:
        return _stop(NEWTON, _newton_limits(**{field: value})).ok
    high = getattr(Limits(), field)
    assert ok(high)
    low = 1
    while high - low > 1:   # the smallest value that runs
        middle = (low + high) // 2
        if ok(middle):
            high = middle
        else:
            low = middle
    just_below = _stop(NEWTON, _newton_limits(**{field: high - 1}))
    at_limit = _stop(NEWTON, _newton_limits(**{field: high}))
    assert at_limit.ok and at_limit.printed == plain_printed(NEWTON)
    assert not just_below.ok and just_below.error.kind == "limit"


# -- the zygote's loop warm-up (sandbox_warm.LOOP_PROGRAM) ----------------------------------------
def test_loop_warm_up_skims_its_three_loops_and_prints_as_pytorch():
    from autogradlab.note_keys import REPORT, recognise
    from autogradlab.sandbox_warm import LOOP_PROGRAM

    state = torch.get_rng_state()
    report = fresh(LOOP_PROGRAM, limits=ROOMY)
    assert torch.equal(torch.get_rng_state(), state)   # no random numbers drawn from torch's own
    assert report.ok and report.printed == plain_printed(LOOP_PROGRAM)
    skimmed = [recognise(note, REPORT)[0] for note in report.notes if "counted but not recorded" in note]
    assert len(skimmed) == 3 and all(key.startswith("notes.skimmed") for key in skimmed)


def test_warm_rest_runs_the_loop_warm_up_last(monkeypatch):
    import autogradlab.engine.run as engine_run
    import autogradlab.engine.tangent_run as tangent_run
    import autogradlab.lang.sizes as sizes
    from autogradlab import sandbox_warm

    ran = []
    monkeypatch.setattr(sizes, "warm_up", lambda: None)
    monkeypatch.setattr(tangent_run, "warm_forward_mode", lambda: None)
    monkeypatch.setattr(engine_run, "run_program", lambda source, **kwargs: ran.append(source))
    sandbox_warm.warm_rest()
    assert ran[-1] == sandbox_warm.LOOP_PROGRAM and ran[:-1] == [sandbox_warm.WARM_PROGRAM] * 2


def test_loop_warm_up_leaves_no_process_state():
    """As test_breakout_s11b's idle warm-up: RNGs, dtype, grad mode, print options, threads as before."""
    from autogradlab.sandbox_warm import LOOP_PROGRAM
    from tests.unit.test_breakout_s11b import _process_state

    before = _process_state()
    assert run_program(LOOP_PROGRAM, seed=0, limits=ROOMY).error is None
    assert _process_state() == before
