"""components/cached.py: the shared caches' key tells every different input apart (issue 9 red team).

Streamlit hashes each cached argument on its own, joins the bytes without lengths and, within one
argument, reuses the hash of an earlier equal item; two sessions with different inputs must still
never get each other's Report."""

from __future__ import annotations

import dataclasses

import fake_core

from components import cached


def _echoing(pool):
    """The fake pool answers with a Report whose source records exactly what it was asked to run."""
    def run(source, *, seed=0, output=None, timeout=None, session=None, steps=None, **kwargs):
        pool.calls.append((source, seed, output))
        asked = (source, seed, output, steps.values if steps else None, steps.direction if steps else None)
        return dataclasses.replace(fake_core.lesson_report(source, seed, output), source=repr(asked))

    pool.run = run


def test_negative_zero_values_are_not_answered_with_another_sessions_zeros(fake_core_installed):
    """`1/x` with x=[0,-0] is [inf, -inf]: it must not be served the [inf, inf] of x=[0,0]."""
    _echoing(fake_core_installed)
    zeros = cached.run_steps("1/x", 0, None, "s1", values=(("x", [0.0, 0.0]),))
    signed = cached.run_steps("1/x", 0, None, "s2", values=(("x", [0.0, -0.0]),))
    assert "-0.0" in signed.source and "-0.0" not in zeros.source
    assert len(fake_core_installed.calls) == 2


def test_negative_zero_direction_is_its_own_steps_run(fake_core_installed):
    _echoing(fake_core_installed)
    cached.run_steps("y = x * 2", 0, None, "s1", direction=(("x", [1.0, 1.0]),))
    other = cached.run_steps("y = x * 2", 0, None, "s2", direction=(("x", [1.0, 1]),))
    assert len(fake_core_installed.calls) == 2 and "[1.0, 1]" in other.source


def test_an_output_cannot_absorb_another_programs_tail(fake_core_installed):
    """Streamlit's key stream is `str:source` `str:<program>` `str:seed` `int:<seed>` `str:output`
    `str:<output>`: a run of `P + tail` and a run of `P` whose `output` ends with the same bytes
    hashed alike. Not reachable from a link today (links.output_choice takes identifiers only): a
    guard, so the key does not depend on what callers check."""
    _echoing(fake_core_installed)
    program = "a = 1\n#"
    hidden = "\nevil = 666"
    glue = "str:seedint:Astr:outputstr:"          # seed 65 hashes as the byte `A`
    cached.run_program(program + glue + hidden, 65, "y", "attacker")
    shown = cached.run_program(program, 65, hidden + glue + "y", "victim")
    assert "evil" not in shown.source.split("'")[1]
    assert shown.source.startswith(repr((program,))[:-2])
    assert len(fake_core_installed.calls) == 2


def test_none_output_and_the_word_none_are_different_runs(fake_core_installed):
    _echoing(fake_core_installed)
    cached.run_program("b = 2\n", 0, None, "s1")
    cached.run_program("b = 2\n", 0, "None", "s2")
    assert len(fake_core_installed.calls) == 2


def test_same_inputs_still_share_one_run_across_sessions(fake_core_installed):
    _echoing(fake_core_installed)
    for session in ("s1", "s2", "s3"):
        cached.run_steps("1/x", 0, None, session, values=(("x", [0.0, -0.0]),))
        cached.run_dydx("y = x * 2", 0, "y", "x", session)
        cached.run_jacobian_cell("y = x * 2", 0, 0, 1, session)
    assert len(fake_core_installed.calls) == 3


# Program P + GLUE + M with seed 65 and output "y" hashed, as a tuple item run, like program P with
# output M + GLUE + "y" (Streamlit joins a tuple's items as `str:<text>` `int:<bytes>` ...: 65 is `A`).
GLUE = "int:Astr:"
HIDDEN = "\nevil = 666"


def test_the_folding_of_a_crafted_run_key_is_its_own(fake_core_installed, monkeypatch):
    from autogradlab.render import fold_expand
    from components import fold_view

    monkeypatch.setattr(fold_expand, "expanded_fold", lambda graph, max_nodes, opened: graph)
    drawn = fold_view.folded(("steps", "a = 1\n#" + GLUE + HIDDEN, 65, "y", False, ()), "attacker's",
                             500, ())
    shown = fold_view.folded(("steps", "a = 1\n#", 65, HIDDEN + GLUE + "y", False, ()), "victim's", 500, ())
    assert (drawn, shown) == ("attacker's", "victim's")
    assert fold_view.folded(("steps", "a = 1\n#", 65, HIDDEN + GLUE + "y", False, ()), "again", 500, ()) \
        == "victim's"


def test_the_steps_drawing_of_a_crafted_run_key_is_its_own(fake_core_installed, monkeypatch):
    import sys
    import types

    from components import step_player

    render_steps = types.ModuleType("autogradlab.render.steps")   # the real one needs render.dot
    render_steps.step_layout = lambda graph, **kwargs: types.SimpleNamespace(dot=graph, fills=())
    render_steps.svg_template = lambda svg, fills, one_line: svg
    monkeypatch.setitem(sys.modules, "autogradlab.render.steps", render_steps)
    monkeypatch.setattr(cached, "svg_for_web", lambda dot: f"<svg>{dot}</svg>")
    step_player._drawing(("a = 1\n#" + GLUE + HIDDEN, 65, "y", False, ()), False, (), "attacker's")
    victim = ("a = 1\n#", 65, HIDDEN + GLUE + "y", False, ())
    layout, svg = step_player._drawing(victim, False, (), "victim's")
    assert layout.dot == "victim's" and "victim's" in svg


def test_the_steps_drawing_of_negative_zero_values_is_its_own(fake_core_installed, monkeypatch):
    """Reachable from the page: values x=[0,-0] and x=[0,0] hashed alike inside the run key."""
    import sys
    import types

    from components import step_player

    render_steps = types.ModuleType("autogradlab.render.steps")
    render_steps.step_layout = lambda graph, **kwargs: types.SimpleNamespace(dot=graph, fills=())
    render_steps.svg_template = lambda svg, fills, one_line: svg
    monkeypatch.setitem(sys.modules, "autogradlab.render.steps", render_steps)
    monkeypatch.setattr(cached, "svg_for_web", lambda dot: f"<svg>{dot}</svg>")
    step_player._drawing(("1/x", 0, None, False, (("x", [0.0, 0.0]),)), False, (), "zeros")
    layout, _ = step_player._drawing(("1/x", 0, None, False, (("x", [0.0, -0.0]),)), False, (), "signed")
    assert layout.dot == "signed"
