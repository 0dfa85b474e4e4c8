"""The pass-aware window (skim.py, issue 9) keeps a loop's last passes in full, and its last passes
must hold the loop's last ops: when a loop's last KEEP_PASSES passes run no op (`if n < 600:` in an
800-pass loop, an inner loop's rare op), the passes skimmed before them held the loop's last ops and
the op list ended with its first passes (or was empty) while the note said "shows its last 3 passes
in full". The window now needs every pass so far to have made an op on a line of its body that runs
every pass (pass_local.steady_lines). Oracle: the run with skimming off (test_skim.both: the same
report but the notes and records, and the records end with the same ones)."""

from __future__ import annotations

import pytest

from tests.unit.test_skim import both, skim_notes
from tests.unit.test_skim_quiet_passes import PROGRAMS as QUIET

PROGRAMS = {
    "ops_then_quiet": QUIET["ops_then_quiet"],
    "nested": QUIET["nested"],
    "sparse_ops": QUIET["sparse_ops"],
    # a pass-local body whose only ops are in an `if` block (an expression statement)
    "quiet_in_place": """import torch
v = torch.ones(4)
for n in range(800):
    if n < 600:
        v.mul_(1.0001)
print(v)
""",
    # ops every pass on a line run every pass, and more under an `if` that stops
    "steady_then_fewer": """import torch
v = torch.ones(3)
for n in range(700):
    v = v * 0.999 + 0.01
    if n < 650:
        v.add_(0.001)
print(v)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_op_list_ends_with_the_loops_last_ops(name, monkeypatch):
    off, on = both(PROGRAMS[name], monkeypatch)
    assert on.ops and on.ops[-1].index == off.ops[-1].index


def test_a_steady_loop_is_still_skimmed_by_the_window(monkeypatch):
    """(else the fix would just be the window switched off): 'steady_then_fewer' runs ops on a line
    of every pass, so its passes are skimmed up to its last KEEP_PASSES ones, fewer records than
    without skimming."""
    off, on = both(PROGRAMS["steady_then_fewer"], monkeypatch)
    assert skim_notes(on)
    assert len(on.ops) < len(off.ops) and len(on.ops) < 20


def test_the_program_facts_walk_agrees_with_its_two_walks():
    """pass_local.program_facts (one walk of the interpreter's tree, issue 9's speed) gives what
    program_allows and defined_names give, for every program of tests/programs and the ones here."""
    import ast

    from autogradlab.engine.pass_local import defined_names, program_allows, program_facts
    from tests.programs.manifest import PROGRAMS as MANIFEST
    sources = [spec.source for spec in MANIFEST] + list(PROGRAMS.values()) + [
        "def f(x):\n    global y\n    return x\nclass C: pass\n", "import torch.autograd as ag\n",
        "x.register_hook(print)\n", "def backward(g): pass\n"]
    verdicts = set()
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:   # a program of the manifest that fails on purpose
            continue
        facts = program_facts(tree)
        assert facts == (program_allows(tree), defined_names(tree))
        verdicts.add(facts[0])
    assert verdicts == {True, False}


INDENTED = """    import torch
    w = torch.tensor([0.5, -0.3], requires_grad=True)
    for t in range(300):
        loss = ((w * 2.0 - 1.0) ** 2).sum()
        loss.backward()
        with torch.no_grad():
            w -= 0.01 * w.grad
        w.grad = None
    print(w)
"""


def test_a_pasted_indented_program_reports_the_same_with_and_without_skimming(monkeypatch):
    """The pass checks read the interpreter's tree (a pasted cell's common indentation removed),
    where they parsed the text again, which failed for such a program: its loop is now skimmed by
    the window and its backward calls hook no graph, and the report is still the same."""
    off, on = both(INDENTED, monkeypatch)
    assert on.ok and skim_notes(on)
